/* pool.h: free-listed allocation of small blocks of known size.
 * Owns: the interpreter's small, short-lived blocks (objects, frames, dict
 * tables): size classes of 16 bytes up to POOL_MAX, carved from 64 KiB
 * slabs taken through xmalloc, so the memory count and cap (base.h) see
 * each slab once, not each block. Freed blocks go on their class's free
 * list and are reused; slabs are kept until pool_reset, which the
 * interpreter's teardown calls once no block of its run is in use.
 * Leaves bigger blocks to xcalloc/xfree (pool_alloc passes them through).
 *
 * The caller remembers the size: pool_free and pool_realloc take the size
 * the block was asked for. The pool is not locked: it belongs to the one
 * interpreter that runs at a time (on whichever thread), like obj.c's
 * object list.
 *
 * Built with -DLOOPSCOPE_NO_POOL (the sanitize build), every call is plain
 * xcalloc/xfree, so ASan still sees each block's use after free. */
#ifndef LS_POOL_H
#define LS_POOL_H

#include <stddef.h>
#include <stdint.h>

#define POOL_MAX 512

/* A zeroed block of n bytes (n may be 0 or past POOL_MAX). Never NULL. */
void *pool_alloc(size_t n);
/* Give back p (NULL is a no-op), which pool_alloc(n) returned. */
void pool_free(void *p, size_t n);

#ifndef LOOPSCOPE_NO_POOL
/* The free lists, inline: a block of a class that has one free is a pop
 * and its zeroing; a free is a push. The rest is in pool.c. */
typedef struct PoolBlock { struct PoolBlock *next; } PoolBlock;
extern PoolBlock *pool_free_list_[POOL_MAX / 16];

/* Zero n 16-byte units. Blocks are small: a loop of 16-byte stores beats
 * the string instruction an inlined memset becomes. */
static inline void pool_zero(void *p, size_t n)
{
    typedef struct { uint64_t a, b; } Pair;
    Pair *q = p;
    for (size_t i = 0; i < n; i++)
        q[i] = (Pair){0, 0};
}

static inline void *pool_alloc_inline(size_t n)
{
    size_t c = (n - 1) / 16;
    PoolBlock *b;
    if (n - 1 < POOL_MAX && (b = pool_free_list_[c])) {
        pool_free_list_[c] = b->next;
        pool_zero(b, c + 1);
        return b;
    }
    return pool_alloc(n);
}

static inline void pool_free_inline(void *p, size_t n)
{
    if (p && n - 1 < POOL_MAX) {
        PoolBlock *b = p;
        b->next = pool_free_list_[(n - 1) / 16];
        pool_free_list_[(n - 1) / 16] = b;
        return;
    }
    pool_free(p, n);
}
#else
#define pool_alloc_inline pool_alloc
#define pool_free_inline pool_free
#endif
/* Give every slab back (xfree) and empty the free lists: every block
 * pool_alloc handed out is gone at once, whether pool_free saw it or not.
 * For the end of a run (obj_teardown), when none of them is used again. */
void pool_reset(void);
/* Resize p from old to n bytes, keeping min(old, n) of its bytes; the rest
 * of a grown block is NOT zeroed. p may be NULL (old is then 0). */
void *pool_realloc(void *p, size_t old, size_t n);

#endif
