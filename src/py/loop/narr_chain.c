/* narr_chain.c: a task's await chain ("main → load → fetch") and the
 * coroutine its line runs in, as the recording's string ids, for the
 * narrator's every step (narrate.c).
 * Owns: a cache per recorded task of the chain it showed last. The chain
 * is the names of the user coroutines the task's coroutine awaits down to
 * the innermost (vm's coro_walk); while those are the same name objects
 * (held here, so none can be freed and another made at its address), the
 * chain's text and ids are the same, and nothing is formatted, hashed or
 * stored. Only a chain that changed (an await into a sub-coroutine, or a
 * return out of one) is written out and stored again. A task that
 * suspended stands where it stopped until its next step, so its chain and
 * line are kept from its suspend (an await's or a bare yield's) to its
 * next step (narr_chain_keep): neither its wake-up nor that step's resume
 * walks its frames; the resume clears it after reading it.
 * The words themselves (coro_chain) stay the VM's; the cache is emptied
 * after each run (narr_chain_reset, from narr_reset). */
#include "model.h"

#include <string.h>

enum { CHAIN_MAX = 6 }; /* deeper chains are written out at every change */

/* 64 bytes; what a hop that finds it kept reads is in its first 16 */
typedef struct ChainCache {
    bool valid;
    bool kept;             /* suspended: line is its line until it runs again (narr_chain_keep) */
    uint8_t n;
    uint32_t chain, inner; /* string ids: the chain, its innermost coroutine when not the task's own */
    int line;
    Obj *names[CHAIN_MAX]; /* held */
} ChainCache;

static ChainCache *cache;
static size_t ncache;
static const Recording *cache_rec;
/* The last chain stored, by its names (held): a new task of the same
 * coroutine, or another task at the same place, takes its ids (the text
 * is the names joined: coro_chain) without writing or storing it. */
static ChainCache last;

void narr_chain_reset(void)
{
    for (size_t i = 0; i < ncache; i++)
        for (int k = 0; cache[i].valid && k < cache[i].n; k++)
            DECREF(cache[i].names[k]);
    for (int k = 0; last.valid && k < last.n; k++)
        DECREF(last.names[k]);
    last = (ChainCache){0};
    xfree(cache);
    cache = NULL;
    ncache = 0;
    cache_rec = NULL;
}

/* The chain's innermost coroutine when it is not the first: the text
 * after its last arrow ("main → like_python" gives like_python). */
void narr_chain_inner(const char *chain, Buf *out)
{
    const char *arrow = NULL, *p = chain;
    while ((p = strstr(p, " \xe2\x86\x92 ")))
        arrow = p++;
    if (arrow)
        buf_puts(out, arrow + 5);
}

/* Write t's chain out and store it and its innermost coroutine in c
 * (c->names and c->n given when c->valid): the last chain's ids when its
 * names are the same. */
static void chain_store(TaskObj *t, ChainCache *c)
{
    bool same = c->valid && last.valid && last.n == c->n;
    for (int k = 0; same && k < c->n; k++)
        same = last.names[k] == c->names[k];
    if (same) {
        c->chain = last.chain;
        c->inner = last.inner;
        return;
    }
    Buf chain, inner;
    buf_init(&chain);
    buf_init(&inner);
    if (t->coro)
        coro_chain(t->coro, &chain);
    narr_chain_inner(chain.s, &inner);
    c->chain = rec_store(sim.rec, chain.s);
    c->inner = rec_store(sim.rec, inner.s);
    buf_free(&chain);
    buf_free(&inner);
    if (!c->valid)
        return;
    for (int k = 0; last.valid && k < last.n; k++)
        DECREF(last.names[k]);
    last = *c;
    for (int k = 0; k < last.n; k++)
        INCREF(last.names[k]);
}

static ChainCache *cache_of(int id)
{
    if (cache_rec != sim.rec) {
        narr_chain_reset();
        cache_rec = sim.rec;
    }
    if ((size_t)id >= ncache) {
        size_t n = ncache ? ncache : 64;
        while (n <= (size_t)id)
            n *= 2;
        cache = xrealloc(cache, n * sizeof *cache);
        memset(cache + ncache, 0, (n - ncache) * sizeof *cache);
        ncache = n;
    }
    return &cache[id];
}

/* t's cache while t stands where its suspend kept it (narr_chain_keep),
 * else NULL: what most hops find, inline in its two callers. */
static LS_ALWAYS_INLINE ChainCache *kept_of(const TaskObj *t)
{
    if (t->rec_id >= 0 && (size_t)t->rec_id < ncache && cache_rec == sim.rec && cache[t->rec_id].kept &&
        ((GenObj *)t->coro)->state == GEN_SUSPENDED)
        return &cache[t->rec_id];
    return NULL;
}

/* narr_chain of t, not kept, from a walk of its frames; *cp set to t's
 * cache (NULL: t is not recorded) */
static NarrChain chain_walk(TaskObj *t, ChainCache **cp)
{
    *cp = NULL;
    Obj *names[CHAIN_MAX];
    int line = 0, n = t->coro ? coro_walk(t->coro, names, CHAIN_MAX, &line) : 0;
    NarrChain out = {.line = line ? line : vm_current_line()};
    if (t->rec_id < 0)
        return out;
    ChainCache *c = cache_of(t->rec_id);
    bool same = c->valid && c->n == n && n <= CHAIN_MAX;
    for (int k = 0; same && k < n; k++)
        same = c->names[k] == names[k];
    if (!same) {
        for (int k = 0; c->valid && k < c->n; k++)
            DECREF(c->names[k]);
        c->valid = n <= CHAIN_MAX;
        c->n = (uint8_t)(c->valid ? n : 0);
        for (int k = 0; k < c->n; k++) {
            c->names[k] = names[k];
            INCREF(names[k]);
        }
        chain_store(t, c);
    }
    out.chain = c->chain;
    out.inner = c->inner;
    c->line = line;
    *cp = c;
    return out;
}

NarrChain narr_chain(TaskObj *t)
{
    ChainCache *c = kept_of(t);
    if (c)
        return (NarrChain){c->chain, c->inner, c->line};
    return chain_walk(t, &c);
}

NarrChain narr_chain_keep(TaskObj *t, bool keep)
{
    ChainCache *c = kept_of(t);
    NarrChain out = c ? (NarrChain){c->chain, c->inner, c->line} : chain_walk(t, &c);
    if (c)
        c->kept = keep && c->valid && c->line; /* a library task's line is the running code's: never kept */
    return out;
}
