/* hist_enc.h: how hist.c writes a change, inline for the recorder's hot
 * path (rec.c's rec_hop writes a change at nearly every step).
 * Owns: nothing new; it is hist.c's format (see the comment there), kept
 * in this internal header so that the common case of hist_add compiles
 * into its caller. Only hist.c and rec.c include it. */
#ifndef LS_HIST_ENC_H
#define LS_HIST_ENC_H

#include "hist.h"

#include "../base/base.h"

#include <string.h>

enum {
    HB_MIN_SHIFT = 6, HB_HEAD = 4, HB_CLASS_SHIFT = 30,
    HC_MAX = 2 + 5 * 5, /* a header, an escape, five varints of at most 33 bits (differences of 32-bit numbers) */
    HB_SLAB = 64, HB_UNITS_PER_CHUNK = CHUNK_BYTES >> HB_MIN_SHIFT /* units */
};
#define HB_INDEX 0x3FFFFFFFu

/* Block b's size (its id is its class and its first unit). */
static inline uint32_t bsize(uint32_t b) { return 1u << (HB_MIN_SHIFT + (b >> HB_CLASS_SHIFT)); }
/* The header byte: the mark, the state and outcome as one code (HC_ESCAPE:
 * in a byte of their own), how the label is given, whether the chain and
 * the line are the last ones. */
enum {
    HC_MARK = 0x80, HC_CODE = 0x07, HC_ESCAPE = 7, HC_LABEL_SHIFT = 3, HC_SAMECHAIN = 0x20, HC_SAMELINE = 0x40
};
enum { HL_NONE, HL_SAME, HL_DELTA }; /* the label: none (0), the last of its state's, a difference from it */

/* A task's blocks' first steps: the second half of its block list. */
#define FIRST(h) ((h)->blk + (h)->capblk)

static inline unsigned char *block(const HistPool *p, uint32_t b)
{
    uint32_t u = b & HB_INDEX;
    return p->blocks.blk[u / HB_UNITS_PER_CHUNK] + ((size_t)(u % HB_UNITS_PER_CHUNK) << HB_MIN_SHIFT);
}

/* READY, RUNNING and WAITING with no outcome are codes 0-2; DONE with an
 * outcome 3-6; anything else is escaped (a table: by state, then outcome). */
static const uint8_t state_codes[4][8] = {
    {0, HC_ESCAPE, HC_ESCAPE, HC_ESCAPE, HC_ESCAPE, HC_ESCAPE, HC_ESCAPE, HC_ESCAPE},
    {1, HC_ESCAPE, HC_ESCAPE, HC_ESCAPE, HC_ESCAPE, HC_ESCAPE, HC_ESCAPE, HC_ESCAPE},
    {2, HC_ESCAPE, HC_ESCAPE, HC_ESCAPE, HC_ESCAPE, HC_ESCAPE, HC_ESCAPE, HC_ESCAPE},
    {HC_ESCAPE, 3, 4, 5, 6, HC_ESCAPE, HC_ESCAPE, HC_ESCAPE},
};


/* Encode c against x (advanced past it) into out: its length. */
static LS_ALWAYS_INLINE size_t encode(unsigned char *out, const HistChange *c, HistCtx *x)
{
    unsigned char *q = out + 1;
    unsigned st = c->state & 3u, code = state_codes[st][c->outcome & 7u];
    unsigned h = HC_MARK | code;
    if (code == HC_ESCAPE)
        *q++ = (unsigned char)(st | (c->outcome & 7u) << 2);
    q = varint_put(q, (uint64_t)(c->step - x->step));
    if (!c->label) {
        h |= HL_NONE << HC_LABEL_SHIFT;
    } else if (c->label == x->label[st]) {
        h |= HL_SAME << HC_LABEL_SHIFT;
    } else {
        h |= HL_DELTA << HC_LABEL_SHIFT;
        q = varint_put(q, zigzag((int64_t)c->label - x->label[st]));
        x->label[st] = c->label;
    }
    if (c->chain == x->chain) {
        h |= HC_SAMECHAIN;
    } else {
        q = varint_put(q, zigzag((int64_t)c->chain - x->chain));
        x->chain = c->chain;
    }
    if (c->line == x->line)
        h |= HC_SAMELINE;
    else
        q = varint_put(q, zigzag((int64_t)c->line - x->line));
    if (st == 0) { /* the queue order means something only when READY */
        q = varint_put(q, zigzag((int64_t)c->order - x->order));
        x->order = c->order;
    }
    x->step = c->step;
    x->line = c->line;
    *out = (unsigned char)h;
    return (size_t)(q - out);
}

/* Copy a change of n bytes (2 <= n <= HC_MAX) out of a scratch buffer,
 * without a call for the usual few bytes (and no byte past n: the next
 * block may follow). */
static LS_ALWAYS_INLINE void copy_short(unsigned char *q, const unsigned char *s, size_t n)
{
    if (n <= 3) {
        q[0] = s[0];
        q[1] = s[1];
        if (n == 3)
            q[2] = s[2];
    } else if (n <= 8) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        memcpy(q, &a, 4);
        memcpy(q + n - 4, &b, 4);
    } else {
        memcpy(q, s, n);
    }
}

/* hist_add's other cases (hist.c): a change at the last one's step (it
 * replaces it), a task's first change, and a block without room for it. */
void hist_add_slow(HistPool *p, Hist *h, const HistChange *c);

/* Append change c (c->step >= the last change's); a change at the same
 * step as the last one replaces it. */
static LS_ALWAYS_INLINE void hist_add(HistPool *p, Hist *h, const HistChange *c)
{
    /* most changes: a later step than the last one's (n > 0: a block is
     * there), written into the last block, straight in when it has room
     * for any change, else through a copy when it has room for this one */
    if (LS_LIKELY(h->n && h->wctx.step != c->step)) {
        uint32_t size = bsize(h->last);
        unsigned char *q = block(p, h->last) + h->wpos;
        size_t len;
        if (LS_LIKELY(h->wpos + (uint32_t)HC_MAX <= size)) {
            len = encode(q, c, &h->wctx);
        } else {
            unsigned char tmp[HC_MAX];
            HistCtx x = h->wctx;
            len = encode(tmp, c, &x);
            if (h->wpos + len > size)
                goto slow;
            copy_short(q, tmp, len);
            h->wctx = x;
        }
        h->lastpos = h->wpos;
        h->wpos = (uint16_t)(h->wpos + len);
        h->n++;
        return;
    }
slow:;
    HistChange copy = *c; /* c's address is taken here only: a caller's c can stay in registers */
    hist_add_slow(p, h, &copy);
}

#endif
