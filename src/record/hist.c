/* hist.c: a task's state changes as differences in pooled blocks. See
 * hist.h.
 *
 * A block is 128 bytes: its first change's index (4 bytes), then changes,
 * then zeros; the task keeps each block's id and first step. A change is a header byte (0x80, the state,
 * the outcome, "no label" and "the same chain") and varints: the step's
 * distance from the last change's, the label's and the chain's distance
 * from the last ones (when present), the line's and the order's. A block's
 * first change is written against its step and zeros. Readers never see a
 * block change under them: the writer only touches the last change of a
 * task in the step being recorded, which no reader reads (rec_published). */
#include "hist.h"

#include "../base/base.h"

#include <string.h>

enum { HB = 128, HB_HEAD = 4, HB_PER_CHUNK = CHUNK_BYTES / HB, HC_MAX = 1 + 5 * 10 };
enum { HC_MARK = 0x80, HC_NOLABEL = 0x20, HC_SAMECHAIN = 0x40 };

static unsigned char *block(const HistPool *p, uint32_t b)
{
    return p->blocks.blk[b / HB_PER_CHUNK] + (size_t)(b % HB_PER_CHUNK) * HB;
}

static uint32_t head_u32(const unsigned char *b, size_t at)
{
    uint32_t v;
    memcpy(&v, b + at, sizeof v);
    return v;
}

/* Encode c against x (advanced past it) into out: its length. */
static size_t encode(unsigned char *out, const HistChange *c, HistCtx *x)
{
    unsigned char *q = out + 1;
    unsigned h = HC_MARK | (c->state & 3u) | (c->outcome & 7u) << 2;
    q = varint_put(q, (uint64_t)(c->step - x->step));
    if (!c->label) {
        h |= HC_NOLABEL;
    } else {
        q = varint_put(q, zigzag((int64_t)c->label - x->label));
        x->label = c->label;
    }
    if (c->chain == x->chain) {
        h |= HC_SAMECHAIN;
    } else {
        q = varint_put(q, zigzag((int64_t)c->chain - x->chain));
        x->chain = c->chain;
    }
    q = varint_put(q, zigzag((int64_t)c->line - x->line));
    q = varint_put(q, zigzag((int64_t)c->order - x->order));
    x->step = c->step;
    x->line = c->line;
    x->order = c->order;
    *out = (unsigned char)h;
    return (size_t)(q - out);
}

/* Decode the change at b[*pos] against x; false at the block's end. */
static bool decode(const unsigned char *b, uint32_t *pos, HistCtx *x, HistChange *c)
{
    if (*pos >= HB || !(b[*pos] & HC_MARK))
        return false;
    const unsigned char *q = b + *pos;
    unsigned h = *q++;
    uint64_t v;
    q = varint_get(q, &v);
    x->step += (uint32_t)v;
    c->label = 0;
    if (!(h & HC_NOLABEL)) {
        q = varint_get(q, &v);
        x->label = (uint32_t)((int64_t)x->label + unzigzag(v));
        c->label = x->label;
    }
    if (!(h & HC_SAMECHAIN)) {
        q = varint_get(q, &v);
        x->chain = (uint32_t)((int64_t)x->chain + unzigzag(v));
    }
    q = varint_get(q, &v);
    x->line = (uint32_t)((int64_t)x->line + unzigzag(v));
    q = varint_get(q, &v);
    x->order = (uint32_t)((int64_t)x->order + unzigzag(v));
    c->step = x->step;
    c->chain = x->chain;
    c->line = x->line;
    c->order = x->order;
    c->state = (uint8_t)(h & 3);
    c->outcome = (uint8_t)(h >> 2 & 7);
    *pos = (uint32_t)(q - b);
    return true;
}

/* A new block for h, starting at change c. */
static void block_new(HistPool *p, Hist *h, const HistChange *c)
{
    uint32_t id = p->n++;
    unsigned char *b = chunks_block(&p->blocks, id / HB_PER_CHUNK) + (size_t)(id % HB_PER_CHUNK) * HB;
    memcpy(b, &h->n, 4);
    if (h->nblk == h->capblk) {
        h->capblk = h->capblk ? h->capblk * 2 : 2;
        h->blk = xrealloc(h->blk, h->capblk * 2 * sizeof *h->blk);
        h->first = h->blk + h->capblk; /* the second half: moved up */
        memmove(h->first, h->blk + h->capblk / 2, h->nblk * sizeof *h->blk);
    }
    h->first[h->nblk] = c->step;
    h->blk[h->nblk++] = id;
    h->wpos = HB_HEAD;
    h->wctx = (HistCtx){.step = c->step};
}

void hist_add(HistPool *p, Hist *h, const HistChange *c)
{
    if (h->n && h->wctx.step == c->step) { /* several changes in one step: keep the last */
        unsigned char *b = block(p, h->blk[h->nblk - 1]);
        HistCtx x = {.step = h->first[h->nblk - 1]}; /* the context before it: decode up to it */
        uint32_t pos = HB_HEAD;
        HistChange skip;
        while (pos < h->lastpos && decode(b, &pos, &x, &skip))
            ;
        memset(b + h->lastpos, 0, (size_t)(h->wpos - h->lastpos));
        h->wpos = h->lastpos;
        h->wctx = x;
        h->n--;
    }
    unsigned char tmp[HC_MAX];
    HistCtx x = h->wctx;
    size_t len = h->nblk ? encode(tmp, c, &x) : 0;
    if (!h->nblk || h->wpos + len > HB) {
        block_new(p, h, c);
        x = h->wctx;
        len = encode(tmp, c, &x);
    }
    h->lastpos = h->wpos;
    memcpy(block(p, h->blk[h->nblk - 1]) + h->wpos, tmp, len);
    h->wpos = (uint16_t)(h->wpos + len);
    h->wctx = x;
    h->n++;
}

uint32_t hist_first_step(const HistPool *p, const Hist *h)
{
    (void)p;
    return h->nblk ? h->first[0] : 0;
}

bool hist_at(const HistPool *p, const Hist *h, uint32_t step, HistChange *out)
{
    if (!h->n || hist_first_step(p, h) > step)
        return false;
    uint32_t lo = 0, hi = h->nblk; /* the last block starting at or before step */
    while (hi - lo > 1) {
        uint32_t mid = (lo + hi) / 2;
        if (h->first[mid] <= step)
            lo = mid;
        else
            hi = mid;
    }
    const unsigned char *b = block(p, h->blk[lo]);
    HistCtx x = {.step = h->first[lo]};
    uint32_t pos = HB_HEAD;
    HistChange c;
    bool any = false;
    while (decode(b, &pos, &x, &c) && c.step <= step) {
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
        *cur = (HistCursor){.h = h, .k = head_u32(b, 0), .b = lo, .pos = HB_HEAD, .ctx = {.step = h->first[lo]}};
    }
    for (;;) {
        const unsigned char *b = block(p, h->blk[cur->b]);
        if (!decode(b, &cur->pos, &cur->ctx, out)) {
            if (cur->b + 1 >= h->nblk) { /* past the end: cannot happen for k < n */
                memset(out, 0, sizeof *out);
                return;
            }
            b = block(p, h->blk[++cur->b]);
            cur->pos = HB_HEAD;
            cur->ctx = (HistCtx){.step = h->first[cur->b]};
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
    if (used)
        *used = (size_t)p->n * HB;
    return chunks_bytes(&p->blocks);
}

void hist_pool_free(HistPool *p)
{
    chunks_free(&p->blocks);
    p->n = 0;
}
