/* chunk.c: append-only arrays in fixed-size blocks. See chunk.h. */
#include "chunk.h"

#include "../base/base.h"

unsigned char *chunks_block(Chunks *c, size_t k)
{
    if (k < c->n)
        return c->blk[k];
    if (c->n == c->cap) { /* the list of blocks: 8 bytes per 64 KiB */
        c->cap = c->cap ? c->cap * 2 : 16;
        c->blk = xrealloc(c->blk, c->cap * sizeof *c->blk);
    }
    c->blk[c->n] = xcalloc(1, CHUNK_BYTES);
    return c->blk[c->n++];
}

void chunks_free(Chunks *c)
{
    for (size_t k = 0; k < c->n; k++)
        xfree(c->blk[k]);
    xfree(c->blk);
    *c = (Chunks){0};
}

size_t chunks_bytes(const Chunks *c)
{
    return c->n * CHUNK_BYTES + c->cap * sizeof *c->blk;
}
