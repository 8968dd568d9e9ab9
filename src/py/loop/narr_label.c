/* narr_label.c: what the narrator reads in a waiting label's text, at a
 * task's suspend (the id the recording gives the text) and at its wake-up
 * (how its step reads: WK_* in narrate.c, and where its READY words end).
 * Owns: a small table of the label strs (FutureObj.label) seen last (8
 * sets of two), each held with what its text gave. A str is immutable and an entry holds its
 * str, so no other str can be made at that address while it is kept: the
 * same object is the same text. A label made anew with the same text (a
 * queue's "Queue.put (full, 10 of 10)" is a new str at every wait) is
 * found by its text, compared whole, and takes the entry. The id is
 * rec_store_label's (rec_store_label_kept: known again only while the
 * recording would give the same one). Emptied for each recording and by
 * narr_label_reset (narr_reset, after a run). The words themselves stay
 * narrate.c's. */
#include "model.h"

#include <string.h>

enum { LABEL_SLOTS = 16 }; /* 8 sets of 2 */

typedef struct Entry {
    Obj *label;        /* held; NULL: empty */
    RecLabelKept kept; /* its text's id */
    NarrLabel what;
} Entry;

static Entry table[LABEL_SLOTS];
static const Recording *table_rec;
static uint64_t hits;

void narr_label_reset(void)
{
    for (size_t i = 0; i < LABEL_SLOTS; i++)
        XDECREF(table[i].label);
    memset(table, 0, sizeof table);
    table_rec = NULL;
}

void narr_label_read(const char *s, NarrLabel *out)
{
    const char *until = strstr(s, " until "), *paren = strstr(s, " (");
    size_t n = strlen(s);
    *out = (NarrLabel){
        .len = (uint32_t)n,
        .cut_until = until ? (uint32_t)(until - s) : (uint32_t)n,
        .cut_paren = paren ? (uint32_t)(paren - s) : (uint32_t)n,
    };
    if (!strncmp(s, "wait_for's deadline", 19))
        out->kind |= NL_WAIT_FOR;
    if (!strncmp(s, "sleep(", 6))
        out->kind |= NL_SLEEP;
    if (strchr(s, ':'))
        out->kind |= NL_COLON;
    if (paren && strncmp(s, "task ", 5))
        out->kind |= NL_PAREN;
}

/* The entry for label str l in set e (two ways) when it is not there by
 * its object: a way of the same text, which takes l, or the way least
 * recently made, made anew (the other moves to the second way). */
static Entry *entry_take(Entry *e, Obj *l)
{
    const char *s = STR_S(l);
    size_t n = STR_LEN(l);
    Entry *found = NULL;
    for (int k = 0; k < 2 && !found; k++)
        if (e[k].label && STR_LEN(e[k].label) == n && !memcmp(STR_S(e[k].label), s, n))
            found = &e[k];
    if (found) {
        hits++;
    } else {
        XDECREF(e[1].label);
        e[1] = e[0];
        found = &e[0];
        found->label = NULL;
        found->kept = (RecLabelKept){0};
        narr_label_read(s, &found->what);
    }
    INCREF(l);
    XDECREF(found->label);
    found->label = l;
    return found;
}

/* The entry of label str l: its own, in the set its text's length and
 * last bytes pick (entry_take when it is not there by its object). */
static LS_ALWAYS_INLINE Entry *entry_of(Obj *l)
{
    if (LS_UNLIKELY(table_rec != sim.rec)) {
        narr_label_reset();
        table_rec = sim.rec;
    }
    const char *s = STR_S(l);
    size_t n = STR_LEN(l);
    uint64_t w = 0;
    if (LS_LIKELY(n >= 8))
        memcpy(&w, s + n - 8, 8);
    else
        memcpy(&w, s, n);
    Entry *e = &table[(((w ^ n) * 0x9E3779B97F4A7C15ull) >> 61) * 2];
    if (LS_LIKELY(e[0].label == l) || e[1].label == l) {
        hits++;
        return e[0].label == l ? &e[0] : &e[1];
    }
    return entry_take(e, l);
}

uint32_t narr_label_id(Obj *label)
{
    Entry *e = entry_of(label);
    return rec_store_label_kept(sim.rec, &e->kept, STR_S(label));
}

NarrLabel *narr_label_of(Obj *label) { return &entry_of(label)->what; }

uint64_t narr_label_hits(void) { return hits; }
