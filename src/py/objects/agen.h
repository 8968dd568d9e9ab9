/* agen.h: async generators.
 * Owns: the async_generator object (an `async def` that yields), its
 * methods (__aiter__, __anext__, asend, athrow, aclose), the awaitables
 * those return, and CPython's async generator hooks: at its first
 * iteration a generator asks the VM for a finalizer (an event loop's
 * sys.set_asyncgen_hooks), which is called if the generator is freed
 * unfinished (asyncio schedules aclose() in a new task).
 * Leaves to vm.c running frames (gen_send/gen_throw). Each awaitable is a
 * coroutine object whose built-in code is one I_AGEN_AWAIT instruction
 * awaiting the generator, so tasks and the recording see an ordinary
 * coroutine (named async_generator_asend or async_generator_athrow). */
#ifndef LS_AGEN_H
#define LS_AGEN_H

#include "obj.h"

/* What an awaitable does to its generator (I_AGEN_AWAIT's argument). */
typedef enum AgenMode { AGEN_ASEND, AGEN_ATHROW, AGEN_ACLOSE, AGEN_MODES } AgenMode;

typedef struct AsyncGenObj {
    GenObj gen;
    Obj *finalizer;       /* from the hooks at the first iteration, or NULL */
    bool hooks_inited;    /* the first iteration happened */
    bool closed;          /* CPython's ag_closed: exhausted or aclose()d */
    bool running_async;   /* an awaitable is driving it */
    bool yielded;         /* its last suspension was a `yield`, not an await inside it */
    bool finalized;       /* the finalizer was called (once at most) */
    struct AsyncGenObj *prev, *next; /* the live generators that have a finalizer */
} AsyncGenObj;

extern Class AsyncGenClass;

/* Give the class its header and methods; forget the previous run's objects.
 * vm_init calls it. */
void agen_init(void);

/* Drive agen for an awaitable in `mode`. agen_first: the awaitable's first
 * step (arg: the value to send, or the exception to throw for athrow);
 * agen_resume: the next ones, sending value or throwing it. AW_DONE: *out is
 * the awaitable's result; AW_SUSPEND: *out goes up to the task. */
AwaitStatus agen_first(Obj *agen, AgenMode mode, Obj *arg, Obj **out);
AwaitStatus agen_resume(Obj *agen, AgenMode mode, bool thrown, Obj *value, Obj **out);

/* agen.aclose(): a new awaitable. */
Obj *agen_aclose(Obj *agen);

/* The live generators that were given a finalizer and were not finalized,
 * in the order of their first iteration (what an asyncio loop's WeakSet of
 * generators holds, the order aside). A new list. */
Obj *agen_live(void);

#endif
