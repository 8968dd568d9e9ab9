/* inside.c: the internals snapshots of a recording, stored as what changed.
 * Owns: the writer's last snapshot, the stream of edits that turns one
 * step's snapshot into the next, keyframes, and reading a step's snapshot
 * back as text. Leaves to rec.c the lock, the step count and the strings
 * (rec_str), and to the languages what a snapshot says.
 *
 * A snapshot is eight sections, each a list of entries and a count, read
 * in this order: H/I, S/s, N/n, M/m, R/r, T/t, X/x, P (a list's letter, then
 * its count's: Python writes I R r T t P, JavaScript H S s N n M m T t X x).
 * A step's snapshot is stored as edits of the one before, each a byte
 *
 *     [steps since the last edit: 2 bits][what: 3 bits][section: 3 bits]
 *
 * (3 steps or more: a varint follows) and the entry or number it needs.
 * An entry is a varint (its string id as a difference from the last one
 * written, times 8, plus its kind), then for a time its hundredths, as a
 * difference too. The ready queue moving up by one is one SHIFT: 2 bytes.
 * (Python's primitives' lines are not here: src/record/states.c keeps
 * them as their own state's edits.)
 * A step whose snapshot did not change costs nothing: a step shows the
 * last snapshot given at or before it (none: ""). Every KEY_STEPS
 * steps or KEY_BYTES bytes a keyframe (the whole snapshot) starts again,
 * so reading a step decodes at most one keyframe and KEY_BYTES of edits. */
#include "inside.h"
#include "chunk.h"

#include "../base/base.h"

#include <stdbool.h>
#include <string.h>

enum { NSEC = 8, MAX_LINES = 1023, KEY_STEPS = 8192, KEY_BYTES = 4096, KIND_BITS = 3 };
static const char list_letter[NSEC] = {'H', 'S', 'N', 'M', 'R', 'T', 'X', 'P'};
static const char count_letter[NSEC] = {'I', 's', 'n', 'm', 'r', 't', 'x', 0};
enum { MISC = NSEC - 1 };

/* The edits (3 bits). */
enum {
    OP_POP,   /* drop the list's first entry */
    OP_PUSH,  /* append an entry */
    OP_SHIFT, /* POP, PUSH, and the count one less: the queue moved up */
    OP_EDIT,  /* varint pos*4+k: k 0 insert an entry, 1 delete, 2 set, 3 clear */
    OP_COUNT, /* varint: the count + 1, 0: none */
    OP_INC,   /* the count one more (none: 1) */
    OP_DEC,   /* the count one less (1: none, but I stays at 0) */
};
enum { ED_INS, ED_DEL, ED_SET, ED_CLEAR };

/* A section's entries are e[0..n), in base[0..cap): popping the first one
 * moves e up (a queue moving up copies nothing), and the entries go back
 * to base only when the tail is full (no more room taken than before). */
typedef struct Sec {
    InLine *e, *base;
    size_t n, cap;
    bool has;       /* the count is shown */
    uint64_t count;
} Sec;

typedef struct State {
    Sec sec[NSEC];
    size_t lines;
} State;

typedef StepKey InKey; /* at: the offset of its snapshot in ops */

/* The delta bases of the entry coding: reset at each keyframe. */
typedef struct Bases {
    uint32_t id;
    uint64_t cent;
} Bases;

struct Inside {
    State cur;          /* the last snapshot stored */
    State next;         /* the one being given (begin ... end) */
    uint8_t *ops;
    size_t nops, capops;
    InKey *keys;
    uint32_t nkeys, capkeys;
    uint32_t due_step, due_ops; /* the last keyframe's step + KEY_STEPS, its offset + KEY_BYTES */
    size_t opstep;      /* the step of the last edit or keyframe */
    Bases b;
};

/* ------------------------------------------------------------ the state */

static void sec_clear(Sec *c)
{
    c->n = 0;
    c->e = c->base;
    c->has = false;
    c->count = 0;
}

static void state_free(State *s)
{
    for (int i = 0; i < NSEC; i++)
        xfree(s->sec[i].base);
    memset(s, 0, sizeof *s);
}

static bool line_eq(const InLine *a, const InLine *b)
{
    return a->kind == b->kind && a->letter == b->letter && a->id == b->id && a->v == b->v;
}

static void sec_insert_slow(Sec *c, size_t at, InLine l);

/* Insert l at place at: appended (the rule) in place when there is room. */
static inline void sec_insert(Sec *c, size_t at, InLine l)
{
    if (at >= c->n && c->n && c->e + c->n < c->base + c->cap) {
        c->e[c->n++] = l;
        return;
    }
    sec_insert_slow(c, at, l);
}

static void sec_insert_slow(Sec *c, size_t at, InLine l)
{
    size_t front = c->n ? (size_t)(c->e - c->base) : 0;
    if (front + c->n == c->cap) {
        if (front) { /* back to the start (the queue's window: 12 entries moved every 4 pops, in 16) */
            memmove(c->base, c->e, c->n * sizeof *c->e);
            front = 0;
        } else {
            c->cap = c->cap ? c->cap * 2 : 16;
            c->base = xrealloc(c->base, c->cap * sizeof *c->base);
        }
    }
    c->e = c->base + front;
    if (at >= c->n) { /* appended, as a rule */
        c->e[c->n++] = l;
        return;
    }
    memmove(c->e + at + 1, c->e + at, (c->n - at) * sizeof *c->e);
    c->e[at] = l;
    c->n++;
}

static void sec_delete(Sec *c, size_t at)
{
    if (at >= c->n)
        return;
    if (!at) { /* the first: the queue moved up */
        c->e = --c->n ? c->e + 1 : c->base;
        return;
    }
    memmove(c->e + at, c->e + at + 1, (c->n - at - 1) * sizeof *c->e);
    c->n--;
}

static void count_inc(Sec *c)
{
    c->count = c->has ? c->count + 1 : 1;
    c->has = true;
}

static void count_dec(Sec *c, int sec)
{
    if (!c->has)
        return;
    if (c->count <= 1 && sec != 0) {
        c->has = false;
        c->count = 0;
    } else if (c->count) {
        c->count--;
    }
}

/* The section a line goes to, and whether it is the section's count. */
static int sec_of(const InLine *l, bool *is_count)
{
    *is_count = false;
    for (int i = 0; i < NSEC; i++) {
        if (l->kind == IL_NUM && l->letter == count_letter[i] && count_letter[i]) {
            *is_count = true;
            return i;
        }
        if (l->kind != IL_NUM && l->letter == list_letter[i])
            return i;
    }
    return MISC;
}

/* ------------------------------------------------------------ the bytes */

/* A byte stream's next capacity: a quarter more (a large block grows in
 * place: it is mapped, not copied), so at most a fifth of it is unused. */
static size_t grown(size_t cap) { return cap < 1024 ? 1024 : cap + cap / 4; }

/* A byte, a varint onto a byte stream (its bytes, their number, its capacity). */
static void stream_byte(uint8_t **b, size_t *n, size_t *cap, uint8_t v)
{
    if (*n == *cap) {
        *cap = grown(*cap);
        *b = xrealloc(*b, *cap);
    }
    (*b)[(*n)++] = v;
}

static void stream_varint(uint8_t **b, size_t *n, size_t *cap, uint64_t v)
{
    if (*cap - *n >= 10) { /* room for any: in place */
        *n = (size_t)(varint_put(*b + *n, v) - *b);
        return;
    }
    unsigned char tmp[10], *end = varint_put(tmp, v); /* chunk.h's LEB128 */
    for (const unsigned char *q = tmp; q < end; q++)
        stream_byte(b, n, cap, *q);
}

/* The edits' stream. */
static void put_varint(Inside *in, uint64_t v) { stream_varint(&in->ops, &in->nops, &in->capops, v); }

/* A varint, bounded by the stream's end (rec.h's). */
static inline uint64_t get_varint(const uint8_t **p, const uint8_t *end) { return rec_varint_get(p, end); }


/* An edit's most bytes (its byte, three varints, a letter): edit() makes
 * this much room once and writes in place. */
enum { ROOM = 48 };
static uint8_t *room(Inside *in)
{
    if (in->capops - in->nops < ROOM) {
        in->capops = grown(in->capops); /* at least 256 more */
        in->ops = xrealloc(in->ops, in->capops);
    }
    return in->ops + in->nops;
}

/* An entry at p (ROOM bytes there): id difference and kind; a time's
 * hundredths; a letter when the section does not say it. Returns its end. */
static uint8_t *entry_put(uint8_t *p, Bases *b, int sec, const InLine *l)
{
    p = varint_put(p, zigzag((int64_t)l->id - (int64_t)b->id) << KIND_BITS | l->kind);
    b->id = l->id;
    if (l->kind == IL_TIME || l->kind == IL_NUM) {
        p = varint_put(p, zigzag((int64_t)(l->v - b->cent)));
        b->cent = l->v;
    }
    if (l->kind != IL_LINE && sec == MISC)
        *p++ = (uint8_t)l->letter;
    return p;
}

static void put_entry(Inside *in, int sec, const InLine *l)
{
    in->nops = (size_t)(entry_put(room(in), &in->b, sec, l) - in->ops);
}

static InLine get_entry(const uint8_t **p, const uint8_t *end, int sec, Bases *b)
{
    InLine l = {0};
    uint64_t v = get_varint(p, end);
    l.kind = (uint8_t)(v & ((1u << KIND_BITS) - 1));
    b->id = (uint32_t)((int64_t)b->id + unzigzag(v >> KIND_BITS));
    l.id = b->id;
    l.letter = list_letter[sec];
    if (l.kind == IL_TIME || l.kind == IL_NUM) {
        b->cent += (uint64_t)unzigzag(get_varint(p, end));
        l.v = b->cent;
    }
    if (l.kind != IL_LINE && sec == MISC && *p < end)
        l.letter = (char)*(*p)++;
    return l;
}

/* ------------------------------------------------------------ keyframes */

static void put_state(Inside *in, const State *s)
{
    in->b = (Bases){0};
    for (int i = 0; i < NSEC; i++) {
        const Sec *c = &s->sec[i];
        put_varint(in, c->n);
        for (size_t k = 0; k < c->n; k++)
            put_entry(in, i, &c->e[k]);
        put_varint(in, c->has ? c->count + 1 : 0);
    }
}

static void get_state(const uint8_t **p, const uint8_t *end, State *s, Bases *b)
{
    *b = (Bases){0};
    for (int i = 0; i < NSEC; i++) {
        Sec *c = &s->sec[i];
        sec_clear(c);
        size_t n = (size_t)get_varint(p, end);
        for (size_t k = 0; k < n && *p < end; k++)
            sec_insert(c, c->n, get_entry(p, end, i, b));
        uint64_t v = get_varint(p, end);
        c->has = v != 0;
        c->count = v ? v - 1 : 0;
    }
}

/* ------------------------------------------------------------ the edits */

/* Apply one edit to s (the writer's and the reader's one way to do it). */
static void apply(State *s, int op, int sec, uint64_t arg, const InLine *l)
{
    Sec *c = &s->sec[sec];
    switch (op) {
    case OP_SHIFT:
        count_dec(c, sec);
        /* fall through */
    case OP_POP:
        sec_delete(c, 0);
        if (op == OP_POP)
            break;
        /* fall through */
    case OP_PUSH:
        sec_insert(c, c->n, *l);
        break;
    case OP_EDIT:
        switch (arg & 3) {
        case ED_INS:
            sec_insert(c, (size_t)(arg >> 2), *l);
            break;
        case ED_DEL:
            sec_delete(c, (size_t)(arg >> 2));
            break;
        case ED_SET:
            if ((arg >> 2) < c->n)
                c->e[arg >> 2] = *l;
            break;
        default: /* the entries, not the count */
            c->n = 0;
            c->e = c->base;
        }
        break;
    case OP_COUNT:
        c->has = arg != 0;
        c->count = arg ? arg - 1 : 0;
        break;
    case OP_INC:
        count_inc(c);
        break;
    case OP_DEC:
        count_dec(c, sec);
        break;
    }
}

/* Is a keyframe due before an edit at step? */
static inline bool key_due(const Inside *in, size_t step)
{
    return !in->nkeys || (step > in->opstep && (step >= in->due_step || in->nops >= in->due_ops));
}

/* An edit's byte (and the steps since the last one) at the stream's end,
 * with room for the rest of it: returns where that goes. */
static inline uint8_t *edit_head(Inside *in, size_t step, int op, int sec)
{
    size_t d = step - in->opstep;
    uint8_t *p = room(in);
    *p++ = (uint8_t)((d < 3 ? d : 3) << 6 | (size_t)op << 3 | (size_t)sec);
    if (d >= 3)
        p = varint_put(p, d - 3);
    in->opstep = step;
    return p;
}

/* Write an edit for step and apply it to the writer's snapshot: a
 * keyframe first when one is due. */
static void edit(Inside *in, size_t step, int op, int sec, uint64_t arg, const InLine *l)
{
    if (key_due(in, step)) {
        if (in->nkeys == in->capkeys) {
            in->capkeys = in->capkeys ? in->capkeys * 2 : 64;
            in->keys = xrealloc(in->keys, in->capkeys * sizeof *in->keys);
        }
        in->keys[in->nkeys++] = (InKey){(uint32_t)step, (uint32_t)in->nops};
        in->due_step = in->keys[in->nkeys - 1].step + KEY_STEPS; /* a step or offset past 32 bits: */
        in->due_ops = in->keys[in->nkeys - 1].at + KEY_BYTES;    /* past what a recording reaches */
        put_state(in, &in->cur);
        in->opstep = step;
    }
    uint8_t *p = edit_head(in, step, op, sec);
    if (op == OP_EDIT || op == OP_COUNT)
        p = varint_put(p, arg);
    if (op == OP_PUSH || op == OP_SHIFT || (op == OP_EDIT && ((arg & 3) == ED_INS || (arg & 3) == ED_SET)))
        p = entry_put(p, &in->b, sec, l);
    in->nops = (size_t)(p - in->ops);
    apply(&in->cur, op, sec, arg, l);
}

/* The edit that turns the writer's section's count into has, count
 * (diff_count: none when they are the same, told inline). */
static void diff_count_slow(Inside *in, size_t step, int sec, bool has, uint64_t count)
{
    Sec *o = &in->cur.sec[sec];
    if (has && o->has && count == o->count + 1 && !key_due(in, step)) {
        /* one more (the iteration's, the queue's): in place, as edit()
         * and apply() would */
        in->nops = (size_t)(edit_head(in, step, OP_INC, sec) - in->ops);
        o->count++;
    } else if (has && ((o->has && count == o->count + 1) || (!o->has && count == 1)))
        edit(in, step, OP_INC, sec, 0, NULL);
    else if (o->has && ((has && count + 1 == o->count) || (!has && o->count == 1 && sec != 0)))
        edit(in, step, OP_DEC, sec, 0, NULL);
    else
        edit(in, step, OP_COUNT, sec, has ? count + 1 : 0, NULL);
}

static inline void diff_count(Inside *in, size_t step, int sec, bool has, uint64_t count)
{
    const Sec *o = &in->cur.sec[sec];
    if (o->has != has || o->count != count)
        diff_count_slow(in, step, sec, has, count);
}

/* The edits that turn the writer's section into the next one's. */
static void diff_sec(Inside *in, size_t step, int sec)
{
    Sec *o = &in->cur.sec[sec];
    const Sec *n = &in->next.sec[sec];
    size_t m = o->n, k = n->n, d = 0;
    /* the head gone: the first new entry further down the old list */
    if (k && m && !line_eq(&o->e[0], &n->e[0]))
        for (size_t j = 1; j < m; j++)
            if (line_eq(&o->e[j], &n->e[0])) {
                d = j;
                break;
            }
    size_t rest = m - d, pre = 0, suf = 0;
    while (pre < rest && pre < k && line_eq(&o->e[d + pre], &n->e[pre]))
        pre++;
    while (suf < rest - pre && suf < k - pre && line_eq(&o->e[m - 1 - suf], &n->e[k - 1 - suf]))
        suf++;
    size_t del = rest - pre - suf, ins = k - pre - suf, set = del < ins ? del : ins;
    bool shift = d == 1 && del == 0 && ins == 1 && suf == 0 && o->has &&
                 ((n->has && n->count + 1 == o->count) || (!n->has && o->count == 1 && sec != 0));
    if (d + del + ins - set > k + 1) { /* cheaper to write it out again */
        edit(in, step, OP_EDIT, sec, ED_CLEAR, NULL);
        for (size_t i = 0; i < k; i++)
            edit(in, step, OP_PUSH, sec, 0, &n->e[i]);
    } else if (shift) {
        edit(in, step, OP_SHIFT, sec, 0, &n->e[k - 1]);
    } else {
        for (size_t i = 0; i < d; i++)
            edit(in, step, OP_POP, sec, 0, NULL);
        for (size_t i = 0; i < set; i++)
            edit(in, step, OP_EDIT, sec, (uint64_t)(pre + i) << 2 | ED_SET, &n->e[pre + i]);
        for (size_t i = set; i < del; i++)
            edit(in, step, OP_EDIT, sec, (uint64_t)(pre + set) << 2 | ED_DEL, NULL);
        for (size_t i = set; i < ins; i++) {
            size_t at = pre + i;
            if (at == o->n)
                edit(in, step, OP_PUSH, sec, 0, &n->e[at]);
            else
                edit(in, step, OP_EDIT, sec, (uint64_t)at << 2 | ED_INS, &n->e[at]);
        }
    }
    diff_count(in, step, sec, n->has, n->count);
}

/* ------------------------------------------------------------ writing */

Inside *inside_new(void) { return xcalloc(1, sizeof(Inside)); }

void inside_free(Inside *in)
{
    if (!in)
        return;
    state_free(&in->cur);
    state_free(&in->next);
    xfree(in->ops);
    xfree(in->keys);
    xfree(in);
}

size_t inside_bytes(const Inside *in)
{
    if (!in)
        return 0;
    size_t n = sizeof *in + in->capops + in->capkeys * sizeof(InKey);
    for (int i = 0; i < NSEC; i++)
        n += (in->cur.sec[i].cap + in->next.sec[i].cap) * sizeof(InLine);
    return n;
}

void inside_begin(Inside *in)
{
    for (int i = 0; i < NSEC; i++)
        sec_clear(&in->next.sec[i]);
    in->next.lines = 0;
}

void inside_add(Inside *in, InLine line)
{
    if (in->next.lines >= MAX_LINES)
        return;
    in->next.lines++;
    bool is_count;
    Sec *c = &in->next.sec[sec_of(&line, &is_count)];
    if (is_count) {
        c->has = true;
        c->count = line.v;
    } else {
        sec_insert(c, c->n, line);
    }
}

void inside_end(Inside *in, size_t step)
{
    for (int i = 0; i < NSEC; i++)
        diff_sec(in, step, i);
}

/* The section of a list's or a count's letter (others: the last). */
static int sec_of_letter(char letter)
{
    switch (letter) { /* list_letter's and count_letter's places */
    case 'H': case 'I': return 0;
    case 'S': case 's': return 1;
    case 'N': case 'n': return 2;
    case 'M': case 'm': return 3;
    case 'R': case 'r': return 4;
    case 'T': case 't': return 5;
    case 'X': case 'x': return 6;
    default: return MISC;
    }
}

void inside_section(Inside *in, size_t step, char letter, const InLine *e, size_t n, bool has, uint64_t count)
{
    int sec = sec_of_letter(letter);
    if (!n && !in->cur.sec[sec].n && in->nkeys) { /* a count alone (the iteration's): as diff_sec would */
        diff_count(in, step, sec, has, has ? count : 0);
        return;
    }
    Sec *c = &in->next.sec[sec];
    sec_clear(c);
    for (size_t i = 0; i < n && i < MAX_LINES; i++)
        sec_insert(c, c->n, e[i]);
    c->has = has;
    c->count = has ? count : 0;
    diff_sec(in, step, sec);
}

void inside_move(Inside *in, size_t step, char letter, size_t npop, const InLine *e, size_t n, bool has,
                 uint64_t count)
{
    int sec = sec_of_letter(letter);
    Sec *c = &in->cur.sec[sec];
    /* when no keyframe is due (nor will be at this step), a queue's moves
     * at nearly every step are written and applied here, as edit() and
     * apply() would: moved up by one (SHIFT), its head gone or one
     * joining (POP, PUSH), one more behind what is shown (INC) */
    bool fast = !key_due(in, step);
    if (npop == 1 && n == 1 && (has ? c->has && count + 1 == c->count : c->has && c->count == 1 && sec != 0)) {
        if (fast && has && count && c->n) {
            in->nops = (size_t)(entry_put(edit_head(in, step, OP_SHIFT, sec), &in->b, sec, &e[0]) - in->ops);
            c->count--;
            c->e = --c->n ? c->e + 1 : c->base;
            sec_insert(c, c->n, e[0]);
        } else {
            edit(in, step, OP_SHIFT, sec, 0, &e[0]);
        }
        return;
    }
    if (fast && npop <= 1 && n <= 1) {
        if (npop) {
            in->nops = (size_t)(edit_head(in, step, OP_POP, sec) - in->ops);
            sec_delete(c, 0);
        }
        if (n) {
            in->nops = (size_t)(entry_put(edit_head(in, step, OP_PUSH, sec), &in->b, sec, &e[0]) - in->ops);
            sec_insert(c, c->n, e[0]);
        }
        diff_count(in, step, sec, has, has ? count : 0);
        return;
    }
    for (size_t i = 0; i < npop; i++)
        edit(in, step, OP_POP, sec, 0, NULL);
    for (size_t i = 0; i < n; i++)
        edit(in, step, OP_PUSH, sec, 0, &e[i]);
    diff_count(in, step, sec, has, has ? count : 0);
}

/* ------------------------------------------------------------ reading */

/* One entry's text: its letter (unless a whole line), then its words with
 * no newline in them (a line is an entry). */
static void put_words(Buf *out, const char *s)
{
    for (; *s; s++)
        buf_putc(out, *s == '\n' ? ' ' : *s);
}

static void put_text(Buf *out, const Recording *r, const InLine *l)
{
    if (l->kind != IL_LINE)
        buf_putc(out, l->letter);
    if (l->kind == IL_NUM) {
        buf_put_uint(out, l->v);
        return;
    }
    if (l->kind == IL_TIME) {
        char t[32];
        fixed_write((long long)l->v, 2, t, sizeof t);
        buf_puts(out, t);
        buf_putc(out, '\t');
    }
    put_words(out, rec_str(r, l->id));
}

const char *inside_at(const Inside *in, const Recording *r, size_t s)
{
    if (!in || !in->nkeys || in->keys[0].step > s)
        return "";
    size_t lo = key_at(in->keys, in->nkeys, s); /* the last keyframe at or before s */
    static _Thread_local State st;
    static _Thread_local Buf text;
    const uint8_t *p = in->ops + in->keys[lo].at;
    const uint8_t *end = in->ops + (lo + 1 < in->nkeys ? in->keys[lo + 1].at : in->nops);
    Bases b;
    get_state(&p, end, &st, &b);
    size_t at = in->keys[lo].step;
    while (p < end) {
        uint8_t h = *p;
        size_t d = h >> 6;
        const uint8_t *q = p + 1;
        if (d == 3)
            d += (size_t)get_varint(&q, end);
        if (at + d > s)
            break;
        at += d;
        int op = h >> 3 & 7, sec = h & 7;
        uint64_t arg = op == OP_EDIT || op == OP_COUNT ? get_varint(&q, end) : 0;
        InLine l = {0};
        if (op == OP_PUSH || op == OP_SHIFT || (op == OP_EDIT && ((arg & 3) == ED_INS || (arg & 3) == ED_SET)))
            l = get_entry(&q, end, sec, &b);
        apply(&st, op, sec, arg, &l);
        p = q;
    }
    if (!text.s)
        buf_init(&text);
    buf_clear(&text);
    for (int i = 0; i < NSEC; i++) {
        const Sec *c = &st.sec[i];
        for (size_t k = 0; k < c->n; k++) {
            put_text(&text, r, &c->e[k]);
            buf_putc(&text, '\n');
        }
        if (c->has) {
            buf_putc(&text, count_letter[i]);
            buf_put_uint(&text, c->count);
            buf_putc(&text, '\n');
        }
    }
    return text.s;
}
