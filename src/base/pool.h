/* pool.h: free-listed allocation of small blocks of known size.
 * Owns: the interpreter's small, short-lived blocks (objects, frames, dict
 * tables): size classes of 16 bytes up to POOL_MAX, carved from 64 KiB
 * slabs taken through xmalloc, so the memory count and cap (base.h) see
 * each slab once, not each block. Freed blocks go on their class's free
 * list and are reused; slabs are kept for the life of the process.
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

#define POOL_MAX 512

/* A zeroed block of n bytes (n may be 0 or past POOL_MAX). Never NULL. */
void *pool_alloc(size_t n);
/* Give back p (NULL is a no-op), which pool_alloc(n) returned. */
void pool_free(void *p, size_t n);
/* Resize p from old to n bytes, keeping min(old, n) of its bytes; the rest
 * of a grown block is NOT zeroed. p may be NULL (old is then 0). */
void *pool_realloc(void *p, size_t old, size_t n);

#endif
