/* pool.c: size-classed free lists over slabs. See pool.h for the
 * contract. A block comes from its class's free list, else is cut from the
 * current slab; a slab's tail too short for a block is left unused (under
 * POOL_MAX bytes of 64 KiB). Slabs are chained through their first word,
 * so they stay reachable (leak checkers) until pool_reset hands them all
 * back. */
#include "pool.h"

#include "base.h"

#include <stdint.h>
#include <string.h>

#define GRAIN 16
#define NCLASS (POOL_MAX / GRAIN)
#define SLAB ((size_t)64 << 10)

#ifdef LOOPSCOPE_NO_POOL

void *pool_alloc(size_t n) { return xcalloc(1, n ? n : 1); }
void pool_free(void *p, size_t n) { (void)n; xfree(p); }
void *pool_realloc(void *p, size_t old, size_t n) { (void)old; return xrealloc(p, n ? n : 1); }
void pool_reset(void) {}

#else

typedef PoolBlock Block;

Block *pool_free_list_[NCLASS];
#define free_list pool_free_list_
static char *cut, *cut_end; /* the rest of the current slab */
static void *slabs;         /* the newest slab; each links to the one before */

/* The class of an n-byte block, n in 1..POOL_MAX. */
static inline size_t class_of(size_t n)
{
    return (n - 1) / GRAIN;
}

static void *slab_cut(size_t size)
{
    if ((size_t)(cut_end - cut) < size) {
        char *s = xmalloc(SLAB);
        *(void **)s = slabs;
        slabs = s;
        cut = s + GRAIN; /* blocks stay 16-byte aligned */
        cut_end = s + SLAB;
    }
    void *p = cut;
    cut += size;
    return p;
}

void *pool_alloc(size_t n)
{
    if (n > POOL_MAX || n == 0)
        return xcalloc(1, n ? n : 1);
    size_t c = class_of(n);
    Block *b = free_list[c];
    if (b) {
        free_list[c] = b->next;
        pool_zero(b, c + 1);
        return b;
    }
    /* a fresh slab is zeroed by nobody: clear what we hand out */
    void *p = slab_cut((c + 1) * GRAIN);
    pool_zero(p, c + 1);
    return p;
}

void pool_free(void *p, size_t n)
{
    if (!p)
        return;
    if (n > POOL_MAX || n == 0) {
        xfree(p);
        return;
    }
    Block *b = p;
    size_t c = class_of(n);
    b->next = free_list[c];
    free_list[c] = b;
}

void pool_reset(void)
{
    while (slabs) {
        void *s = slabs;
        slabs = *(void **)s;
        xfree(s);
    }
    cut = cut_end = NULL;
    memset(free_list, 0, sizeof free_list);
}

void *pool_realloc(void *p, size_t old, size_t n)
{
    if (!p)
        return pool_alloc(n);
    bool old_big = old > POOL_MAX || old == 0, new_big = n > POOL_MAX || n == 0;
    if (old_big && new_big)
        return xrealloc(p, n ? n : 1);
    if (!old_big && !new_big && class_of(old) == class_of(n))
        return p;
    void *q = pool_alloc(n);
    memcpy(q, p, old < n ? old : n);
    pool_free(p, old);
    return q;
}

#endif
