/* states.c: a language's own state at each step, kept as its own bytes.
 * Owns: the records (one a step at most, in the language's format, each
 * the edits from the state of the step before, or from nothing for a
 * keyframe), which steps have one (a bit a step), the keyframes, and
 * reading a step's state back through the language's codec (rec.h's
 * RecStateCodec). Leaves to the language what a record says, and to rec.c
 * the lock and the step count.
 *
 * The internals view's primitives (Python's "P" lines) are stored here: a
 * step where a queue got an item costs a byte or three, and the line is
 * written only when rec_internals_at reads the step. Every KEY_STEPS steps
 * or KEY_BYTES bytes of records the writer is asked for a keyframe, so a
 * read applies at most one keyframe and KEY_BYTES of records. */
#include "states.h"
#include "chunk.h"

#include "../base/base.h"

#include <string.h>

enum { KEY_STEPS = 8192, KEY_BYTES = 4096 };

struct States {
    const RecStateCodec *codec;
    uint8_t *b;         /* the records, back to back */
    size_t n, cap;
    uint64_t *has;      /* bit s: step s has a record */
    size_t nhas;        /* words of has */
    StepKey *keys;      /* at: the offset of its record */
    size_t nkeys, capkeys;
    size_t last;        /* the step of the last record (valid when n or nkeys) */
    size_t lastat;      /* its offset */
    bool any;
};

States *states_new(const RecStateCodec *codec)
{
    States *st = xcalloc(1, sizeof *st);
    st->codec = codec;
    return st;
}

void states_free(States *st)
{
    if (!st)
        return;
    xfree(st->b);
    xfree(st->has);
    xfree(st->keys);
    xfree(st);
}

size_t states_bytes(const States *st, size_t *used)
{
    *used = 0;
    if (!st)
        return 0;
    size_t bits = st->nhas * sizeof *st->has;
    *used = sizeof *st + st->n + bits + st->nkeys * sizeof *st->keys;
    return sizeof *st + st->cap + bits + st->capkeys * sizeof *st->keys;
}

bool states_key_due(const States *st, size_t step)
{
    if (!st->nkeys)
        return true;
    const StepKey *k = &st->keys[st->nkeys - 1];
    if (st->any && st->last == step) /* given again: as it was */
        return k->at == st->lastat && k->step == step;
    return step - k->step >= KEY_STEPS || st->n - k->at >= KEY_BYTES;
}

static inline void set_bit(States *st, size_t s, bool on)
{
    size_t w = s >> 6;
    if (w >= st->nhas) {
        if (!on)
            return;
        size_t n = st->nhas ? st->nhas : 64;
        while (n <= w)
            n += n / 2 + 64;
        st->has = xrealloc(st->has, n * sizeof *st->has);
        memset(st->has + st->nhas, 0, (n - st->nhas) * sizeof *st->has);
        st->nhas = n;
    }
    if (on)
        st->has[w] |= 1ull << (s & 63);
    else
        st->has[w] &= ~(1ull << (s & 63));
}

void states_put(States *st, size_t step, const uint8_t *p, size_t n, bool key)
{
    if (st->any && st->last == step) { /* this step's record again: drop the one given */
        st->n = st->lastat;
        if (st->nkeys && st->keys[st->nkeys - 1].at == st->lastat && st->keys[st->nkeys - 1].step == step)
            st->nkeys--;
        set_bit(st, step, false);
        st->any = false;
    }
    if (!n)
        return;
    if (key) {
        if (st->nkeys == st->capkeys) {
            st->capkeys = st->capkeys ? st->capkeys * 2 : 64;
            st->keys = xrealloc(st->keys, st->capkeys * sizeof *st->keys);
        }
        st->keys[st->nkeys++] = (StepKey){(uint32_t)step, (uint32_t)st->n};
    }
    if (st->cap - st->n < n) {
        size_t c = st->cap < 1024 ? 1024 : st->cap + st->cap / 4;
        while (c - st->n < n)
            c += c / 4;
        st->b = xrealloc(st->b, c);
        st->cap = c;
    }
    st->lastat = st->n;
    st->last = step;
    st->any = true;
    if (n <= 8) /* (most records: a byte or three, not worth a call) */
        for (size_t i = 0; i < n; i++)
            st->b[st->n + i] = p[i];
    else
        memcpy(st->b + st->n, p, n);
    st->n += n;
    set_bit(st, step, true);
}

void states_at(const States *st, const Recording *r, size_t s, Buf *out)
{
    if (!st || !st->nkeys || st->keys[0].step > s)
        return;
    size_t lo = key_at(st->keys, st->nkeys, s); /* the last keyframe at or before s */
    const uint8_t *p = st->b + st->keys[lo].at, *end = st->b + st->n;
    st->codec->reset();
    /* the records of the steps from the keyframe's to s, in order */
    for (size_t at = st->keys[lo].step; at <= s && p < end;) {
        size_t w = at >> 6;
        if (w >= st->nhas)
            break;
        uint64_t bits = st->has[w] >> (at & 63);
        if (!bits) {
            at = (w + 1) << 6;
            continue;
        }
        at += (size_t)__builtin_ctzll(bits);
        if (at > s)
            break;
        p = st->codec->apply(p, end);
        at++;
    }
    st->codec->text(r, out);
}
