/* hist.c: a task's state changes as differences in pooled blocks. See
 * hist.h.
 *
 * A block is 64 or 128 bytes (a task's first, and the rest: its size
 * class is in its id's top bits): its first change's index (4
 * bytes), then changes, then zeros; the task keeps each block's id and
 * first step. A change is a
 * header byte (0x80; the state and outcome as one code, escaped to a byte
 * of their own for a pair no narrator makes; the label's form; "the same
 * chain"; "the same line") and varints: the step's distance from the last
 * change's, the label's distance from the last label of the same state
 * (when it is neither none nor that one: a task waits on new words but
 * wakes to the same ones), the chain's and the line's distances from the
 * last ones (when they moved), and when READY the queue order's from the
 * last READY's (the order means nothing in another state: read as 0). A
 * block's first change is written against its step and zeros. Readers never see a
 * block change under them: the writer only touches the last change of a
 * task in the step being recorded, which no reader reads (rec_published). */
#include "hist.h"
#include "hist_enc.h"

#include "../base/base.h"

#include <string.h>

/* The size class of a task's block k (0: 64 bytes, 1: 128). */
static unsigned class_of(uint32_t k) { return k < HIST_CLASSES ? k : HIST_CLASSES - 1; }

static uint32_t head_u32(const unsigned char *b, size_t at)
{
    uint32_t v;
    memcpy(&v, b + at, sizeof v);
    return v;
}

/* Decode the change at b[*pos] (a block of size end) against x; false at
 * the block's end. */
static bool decode(const unsigned char *b, uint32_t end, uint32_t *pos, HistCtx *x, HistChange *c)
{
    if (*pos >= end || !(b[*pos] & HC_MARK))
        return false;
    const unsigned char *q = b + *pos;
    unsigned h = *q++, code = h & HC_CODE, st, out;
    if (code == HC_ESCAPE) {
        st = *q & 3u;
        out = *q++ >> 2 & 7u;
    } else {
        st = code < 3 ? code : 3;
        out = code < 3 ? 0 : code - 2;
    }
    uint64_t v;
    q = varint_get(q, &v);
    x->step += (uint32_t)v;
    unsigned lmode = h >> HC_LABEL_SHIFT & 3u;
    if (lmode == HL_DELTA) {
        q = varint_get(q, &v);
        x->label[st] = (uint32_t)((int64_t)x->label[st] + unzigzag(v));
    }
    c->label = lmode == HL_NONE ? 0 : x->label[st];
    if (!(h & HC_SAMECHAIN)) {
        q = varint_get(q, &v);
        x->chain = (uint32_t)((int64_t)x->chain + unzigzag(v));
    }
    if (!(h & HC_SAMELINE)) {
        q = varint_get(q, &v);
        x->line = (uint32_t)((int64_t)x->line + unzigzag(v));
    }
    c->order = 0;
    if (st == 0) {
        q = varint_get(q, &v);
        x->order = (uint32_t)((int64_t)x->order + unzigzag(v));
        c->order = x->order;
    }
    c->step = x->step;
    c->chain = x->chain;
    c->line = x->line;
    c->state = (uint8_t)st;
    c->outcome = (uint8_t)out;
    *pos = (uint32_t)(q - b);
    return true;
}

/* A new block for h, starting at change c. */
static void block_new(HistPool *p, Hist *h, const HistChange *c)
{
    unsigned cl = class_of(h->nblk);
    uint32_t m = 1u << cl; /* units */
    if (p->next[cl] + m > p->end[cl]) { /* a new slab for this class (slabs never straddle chunks) */
        if (p->units > HB_INDEX - HB_SLAB)
            die("loopscope: the recording's task changes passed their limit");
        p->next[cl] = p->units;
        p->end[cl] = p->units += HB_SLAB;
    }
    uint32_t u = p->next[cl];
    p->next[cl] += m;
    p->n[cl]++;
    uint32_t id = (uint32_t)cl << HB_CLASS_SHIFT | u;
    unsigned char *b = chunks_block(&p->blocks, u / HB_UNITS_PER_CHUNK) + ((size_t)(u % HB_UNITS_PER_CHUNK) << HB_MIN_SHIFT);
    memcpy(b, &h->n, 4);
    if (h->nblk == h->capblk) {
        h->capblk = h->capblk ? h->capblk * 2 : 2;
        h->blk = xrealloc(h->blk, h->capblk * 2 * sizeof *h->blk);
        memmove(FIRST(h), h->blk + h->capblk / 2, h->nblk * sizeof *h->blk); /* the second half: moved up */
    }
    FIRST(h)[h->nblk] = c->step;
    h->blk[h->nblk++] = id;
    h->last = id;
    h->wpos = HB_HEAD;
    h->wctx = (HistCtx){.step = c->step};
}

/* hist_add's other cases: a change at the last one's step (it replaces
 * it), a task's first change, and a block that may not have room for it. */
void hist_add_slow(HistPool *p, Hist *h, const HistChange *c)
{
    if (h->n && h->wctx.step == c->step) { /* several changes in one step: keep the last */
        unsigned char *b = block(p, h->last);
        HistCtx x = {.step = FIRST(h)[h->nblk - 1]}; /* the context before it: decode up to it */
        uint32_t pos = HB_HEAD;
        HistChange skip;
        while (pos < h->lastpos && decode(b, bsize(h->last), &pos, &x, &skip))
            ;
        memset(b + h->lastpos, 0, (size_t)(h->wpos - h->lastpos));
        h->wpos = h->lastpos;
        h->wctx = x;
        h->n--;
    }
    size_t len;
    if (h->nblk && h->wpos + (uint32_t)HC_MAX <= bsize(h->last)) {
        len = encode(block(p, h->last) + h->wpos, c, &h->wctx); /* room for any change: straight in */
    } else {
        unsigned char tmp[HC_MAX];
        HistCtx x = h->wctx;
        len = h->nblk ? encode(tmp, c, &x) : 0;
        if (!h->nblk || h->wpos + len > bsize(h->last)) {
            block_new(p, h, c);
            x = h->wctx;
            len = encode(tmp, c, &x);
        }
        unsigned char *q = block(p, h->last) + h->wpos;
        for (size_t k = 0; k < len; k++)
            q[k] = tmp[k];
        h->wctx = x;
    }
    h->lastpos = h->wpos;
    h->wpos = (uint16_t)(h->wpos + len);
    h->n++;
}

uint32_t hist_first_step(const HistPool *p, const Hist *h)
{
    (void)p;
    return h->nblk ? FIRST(h)[0] : 0;
}

bool hist_at(const HistPool *p, const Hist *h, uint32_t step, HistChange *out)
{
    if (!h->n || hist_first_step(p, h) > step)
        return false;
    uint32_t lo = 0, hi = h->nblk; /* the last block starting at or before step */
    while (hi - lo > 1) {
        uint32_t mid = (lo + hi) / 2;
        if (FIRST(h)[mid] <= step)
            lo = mid;
        else
            hi = mid;
    }
    const unsigned char *b = block(p, h->blk[lo]);
    HistCtx x = {.step = FIRST(h)[lo]};
    uint32_t pos = HB_HEAD, end = bsize(h->blk[lo]);
    HistChange c;
    bool any = false;
    while (decode(b, end, &pos, &x, &c) && c.step <= step) {
        *out = c;
        any = true;
    }
    return any;
}

void hist_get(const HistPool *p, const Hist *h, uint32_t k, HistCursor *cur, HistChange *out)
{
    if (cur->h != h || k < cur->k || cur->b >= h->nblk) {
        uint32_t lo = 0, hi = h->nblk; /* the last block whose first change is at or before k */
        while (hi - lo > 1) {
            uint32_t mid = (lo + hi) / 2;
            if (head_u32(block(p, h->blk[mid]), 0) <= k)
                lo = mid;
            else
                hi = mid;
        }
        const unsigned char *b = block(p, h->blk[lo]);
        *cur = (HistCursor){.h = h, .k = head_u32(b, 0), .b = lo, .pos = HB_HEAD, .ctx = {.step = FIRST(h)[lo]}};
    }
    for (;;) {
        const unsigned char *b = block(p, h->blk[cur->b]);
        if (!decode(b, bsize(h->blk[cur->b]), &cur->pos, &cur->ctx, out)) {
            if (cur->b + 1 >= h->nblk) { /* past the end: cannot happen for k < n */
                memset(out, 0, sizeof *out);
                return;
            }
            b = block(p, h->blk[++cur->b]);
            cur->pos = HB_HEAD;
            cur->ctx = (HistCtx){.step = FIRST(h)[cur->b]};
            continue;
        }
        if (cur->k++ == k)
            return;
    }
}

void hist_free(Hist *h)
{
    xfree(h->blk);
    memset(h, 0, sizeof *h);
}

size_t hist_bytes(const Hist *h) { return h->capblk * 2 * sizeof *h->blk; }

size_t hist_pool_bytes(const HistPool *p, size_t *used)
{
    size_t u = 0;
    for (unsigned cl = 0; cl < HIST_CLASSES; cl++)
        u += (size_t)p->n[cl] << (HB_MIN_SHIFT + cl);
    if (used)
        *used = u;
    return chunks_bytes(&p->blocks);
}

void hist_pool_free(HistPool *p)
{
    chunks_free(&p->blocks);
    *p = (HistPool){0};
}
