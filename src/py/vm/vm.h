/* vm.h: running bytecode.
 * Owns: frames, calls and argument binding, the evaluation loop, exception
 * unwinding and tracebacks, generators and coroutines (send/throw/close and
 * the await protocol), the builtins namespace, importable modules, and the
 * limits (operations, recursion depth, memory). It knows nothing about
 * event loops: src/sim drives coroutines through gen_send/gen_throw and
 * defines awaitable classes through Class.await_step. */
#ifndef LS_VM_H
#define LS_VM_H

#include "../front/code.h"
#include "../objects/obj.h"

#include <stdio.h>

/* What the VM reports to the layer above. All callbacks are optional. */
typedef struct VMHooks {
    void *ud;
    /* print(): the whole text as it would reach stdout, including `end`. */
    void (*print)(void *ud, const char *text, size_t len);
    /* A coroutine was freed without ever being started: CPython's
     * "coroutine 'X' was never awaited" RuntimeWarning. */
    void (*never_awaited)(void *ud, GenObj *coro);
    /* An async generator's first iteration (CPython's firstiter hook, as an
     * event loop sets it): return the finalizer to call with the generator
     * if it is freed unfinished (a new reference), or NULL for none. */
    Obj *(*asyncgen_firstiter)(void *ud, Obj *agen);
    /* An import of a module not loaded yet: load it, register it (vm_add_module)
     * and return it (a new reference), or NULL with the exception set. */
    Obj *(*import_module)(void *ud, Obj *name);
    /* Set by vm_set_await_shortcut, not by vm_init's caller. */
    Obj *await_fn[8];
    CFunc await_fast[8];
} VMHooks;

typedef struct VMLimits {
    uint64_t max_ops;      /* bytecode instructions per run; 0 = unlimited */
    int max_depth;         /* nested Python calls; RecursionError beyond */
    size_t max_items;      /* largest str (bytes) / list / dict a scenario may build */
    size_t max_memory;     /* bytes the scenario may allocate (base.h's mem_*); 0 = unlimited */
} VMLimits;

/* A call of fn (or of a method whose function is fn) that is awaited at
 * once (`await fn(...)`, `await o.fn(...)`, no keywords; and `async with`
 * calling __aenter__, or __aexit__ on leaving without an exception) runs
 * fast(self, args, nargs, NULL) instead (self: the method's object, or
 * NULL), which returns the awaitable itself: no coroutine of fn's is made
 * (asyncio.sleep, Queue.get and put, a free Lock's `async with`:
 * src/py/loop/shortcut.c). fast returns NULL with no exception raised to
 * have fn called as usual. Up to eight; fn is held until
 * vm_set_await_shortcut(NULL, NULL) drops them all, or the run's end.
 * False when the table is full. */
bool vm_set_await_shortcut(Obj *fn, CFunc fast);

/* Start a fresh interpreter state (builtins, modules, counters). */
void vm_init(const VMHooks *hooks, const VMLimits *limits);
/* Release the interpreter state and every object (obj_teardown). */
void vm_shutdown(void);
const VMLimits *vm_limits(void);
uint64_t vm_ops(void);     /* instructions executed so far */
uint64_t vm_stack_grows(void); /* frames whose stack outgrew their code's depth, so far */
uint64_t vm_await_shortcuts(void); /* awaits that took a shortcut (fast gave the awaitable), so far */
/* True when `more` bytes more stay within limits.max_memory (counted
 * exactly by base.h's allocators from vm_memory_start on); otherwise sets
 * the limit error and returns false. */
bool vm_memory_ok(size_t more);
/* Cap the memory from now on (the scenario's run starts), and lift it. */
void vm_memory_start(void);
void vm_memory_stop(void);

/* One depth budget for the whole run, as CPython's Py_EnterRecursiveCall:
 * every scenario frame and every level of C recursion that scenario data
 * can drive (==, <, hash and repr of nested containers, chained iterators,
 * exception groups, cancel chains) counts against limits.max_depth. The
 * library's own frames (the prelude, CO_LIBRARY) do not count, but nothing
 * may use more of the C stack than it holds: past VM_STACK_BUDGET bytes
 * every level raises RecursionError too, whatever the depth.
 * vm_recursion_enter: true, or false with RecursionError set ("maximum
 * recursion depth exceeded" + where, e.g. " in comparison"). Pair each true
 * return with vm_recursion_leave(). */
bool vm_recursion_enter(const char *where);
void vm_recursion_leave(void);
/* The C stack the scenario runs on starts about here: vm_init measures
 * the calling thread's, and a run executed on another thread (the viewer
 * records on one, docs/longrun.md) calls this there before it starts, or
 * the guard would compare addresses of two different stacks. */
void vm_stack_here(void);
/* Charge n operations of a C loop (sum over a range, a str search, a sort)
 * to the run's operation budget: true, or false with the limit error set. */
bool vm_charge_ops(uint64_t n);
/* The same for a C loop over nbytes of text (a search, a copy): one
 * operation per 16 bytes, about what the eval loop does in the time a str
 * method spends on them (they walk code points, not only memchr speed). */
bool vm_charge_bytes(size_t nbytes);

/* The builtins dict (borrowed); builtins.c fills it. */
Obj *vm_builtins(void);
/* Make a module importable by `import name` (borrowed, kept alive). */
void vm_add_module(Obj *module);
/* The dict of loaded modules, by name (borrowed). */
Obj *vm_modules(void);
/* Emit print() text through the hooks. */
void vm_print(const char *text, size_t len);

/* Run module code with the given globals dict. Returns a new ref to None,
 * or NULL with the exception pending. */
Obj *vm_run_module(CodeObj *code, Obj *globals);

/* Call any callable. args: positional then keyword values; kwnames: tuple
 * of keyword names or NULL. Returns new ref or NULL (exception pending). */
Obj *vm_call(Obj *callable, Obj **args, int nargs, Obj *kwnames);
Obj *vm_call0(Obj *callable);
Obj *vm_call1(Obj *callable, Obj *a);
Obj *vm_call2(Obj *callable, Obj *a, Obj *b);

/* Argument parsing for built-ins: fill out[0..n) from positional args and
 * keywords named in names[] (NULL-terminated list of n names). `required`
 * is how many leading parameters must be given. Missing optional ones are
 * left NULL. Returns false with TypeError set. fname is for messages. */
bool vm_parse_args(const char *fname, Obj **args, int nargs, Obj *kwnames, const char *const *names,
                   int required, Obj **out);
/* The argument checks CPython's C functions make, with its wording; each
 * returns false with TypeError set. vm_no_keywords: "f() takes no keyword
 * arguments"; vm_one_arg (METH_O): "f() takes exactly one argument (0 given)";
 * vm_range_nargs (Argument Clinic): "f expected at least 1 argument, got 0". */
bool vm_no_keywords(const char *fname, Obj *kwnames);
bool vm_one_arg(const char *fname, int nargs, Obj *kwnames);
bool vm_range_nargs(const char *fname, int nargs, Obj *kwnames, int min, int max);
/* Built-ins that take no keywords: check the count; false with TypeError. */
bool vm_check_nargs(const char *fname, int nargs, Obj *kwnames, int min, int max);

/* ---- generators and coroutines ---- */

typedef enum GenResult { GEN_YIELDED, GEN_RETURNED, GEN_RAISED } GenResult;

/* Resume gen with value (borrowed; None to start). *out: the yielded or
 * returned value (new ref); on GEN_RAISED the exception is pending. */
GenResult gen_send(Obj *gen, Obj *value, Obj **out);
/* Raise exc (borrowed) inside gen at its suspension point. */
GenResult gen_throw(Obj *gen, Obj *exc, Obj **out);
/* Close: throw GeneratorExit if suspended; errors are swallowed. */
void gen_close(Obj *gen);
/* Release what a generator, coroutine or async generator holds (its
 * dealloc; a suspended one is closed first). */
void gen_release(Obj *gen);
/* Teardown: free a generator's frame memory without touching objects. */
void gen_free_mem(Obj *gen);
/* A coroutine object (named after code) running built-in code with fast
 * locals locals[0..n) (borrowed) and already awaiting delegate: how agen.c
 * builds an async generator's awaitables. */
Obj *vm_coro_new(CodeObj *code, Obj **locals, int n, Obj *delegate);
/* The VMHooks.asyncgen_firstiter answer for agen (new ref or NULL). */
Obj *vm_asyncgen_firstiter(Obj *agen);

/* For the recording: the innermost line a coroutine stands on (following
 * awaited coroutines), ignoring built-in library frames; 0 if unknown. */
int coro_line(Obj *coro);
/* Append "main → load → fetch" (names of the awaited coroutine chain,
 * library frames skipped) to out. */
void coro_chain(Obj *coro, Buf *out);
/* coro_chain and coro_line in one walk, for a narrator that caches the
 * chain: the chain's names (borrowed; the first max of them) and the line
 * (as coro_line) in *line; returns how many names the chain has. */
int coro_walk(Obj *coro, Obj **names, int max, int *line);
/* A coroutine that has not started (and is not the library's): its code,
 * function (NULL for none) and fast locals, which hold its arguments
 * (borrowed). False when it has started, is closed or is the library's. */
bool coro_args(Obj *coro, const CodeObj **code, const FuncObj **func, Obj *const **fast, int *nfast);
/* True when gen's code belongs to the built-in library (the prelude). */
bool gen_is_library(Obj *gen);
/* True when the innermost running frame is the scenario's own code (not
 * the library's prelude, CO_LIBRARY). */
bool vm_in_user_code(void);
/* Line the currently executing user frame stands on (0 if none). */
int vm_current_line(void);

/* ---- exceptions ---- */

/* Print a Python-style traceback of exc to out ("Traceback (most recent call last):"). */
void vm_print_traceback(Obj *exc, FILE *out);

extern Class GenClass, CoroClass, IterClass;

#endif
