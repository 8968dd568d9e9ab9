/* vm.h: the JavaScript virtual machine.
 * Owns: frames (a value stack, try handlers, an environment chain), the
 * eval loop over code.h's instructions, calls and construction (functions,
 * arrows, classes with extends/super, natives), and async functions as
 * resumable frames: a frame that reaches `await` is kept on the heap and
 * resumed by a promise reaction job. Leaves promises to objects/promise.c,
 * built-ins to builtins.c and the loop to loop/. */
#ifndef LS_JS_VM_H
#define LS_JS_VM_H

#include "../front/code.h"
#include "../objects/promise.h"

typedef struct Handler {
    size_t pc;
    int sp;
    JsEnv *env;
    bool finally;        /* a finally block's handler: a generator's return() runs it */
} Handler;

typedef enum ExecStatus { EX_RETURN, EX_THROW, EX_AWAIT, EX_YIELD } ExecStatus;

typedef struct Frame {
    JsFunc *fn;
    JsObject *callee;
    JsEnv *env;
    size_t pc;
    JsValue *stack;
    int sp, cap;
    Handler *h;
    int nh, caph;
    JsValue *args;
    int argc;
    JsValue new_target;
    JsObject *promise;   /* async: the promise the call returned */
    int task;            /* async: the recording's task id, or -1 */
    JsValue result;      /* EX_RETURN: the value; EX_AWAIT: what is awaited */
    const char *await_text; /* the awaited expression's source, for labels */
    bool done;
    bool delegating;     /* a generator paused inside yield* (resumes into it) */
    JsValue ret_value;   /* a generator's return(v): the value, while finally blocks run */
    JsObject *agen;      /* an async generator's object, or NULL */
    void *agen_queue;    /* its request queue (agen.c) */
} Frame;

/* What the loop layer learns about async activations (for the viewer). */
typedef struct JsVmHooks {
    void (*async_start)(JsRt *rt, Frame *f);
    void (*async_await)(JsRt *rt, Frame *f, JsObject *awaited, JsValue value);
    void (*async_resume)(JsRt *rt, Frame *f);
    void (*async_end)(JsRt *rt, Frame *f, bool threw, JsValue v);
} JsVmHooks;

void js_vm_init(JsRt *rt, const JsVmHooks *hooks);
/* The async frame a promise job resumes (an await's continuation), or NULL. */
Frame *js_vm_resume_frame(JsValue handler);
/* Free the VM's own state and the buffers of async frames. */
void js_vm_free(JsRt *rt);
JsObject *js_vm_closure(JsRt *rt, JsFunc *f, JsEnv *env);
/* Construct with `new`. 0, or -1 with an exception pending. */
int js_vm_construct(JsRt *rt, JsValue fn, JsValue *args, int argc, JsValue *out);
/* The source line a frame is at (for errors and the viewer). */
int js_vm_frame_line(const Frame *f);
/* The innermost running frame's line, or 0. */
int js_vm_current_line(JsRt *rt);
/* The call stack, for the internals view: how many frames are running,
 * and frame i counted from the innermost (0), or NULL. */
int js_vm_depth(JsRt *rt);
const Frame *js_vm_frame(JsRt *rt, int i);
/* Install the built-in objects (builtins.c). */
void js_builtins_install(JsRt *rt);
/* Run f until it returns, throws, awaits or yields (the eval loop). */
ExecStatus js_vm_exec(JsRt *rt, Frame *f, bool throwing);
/* Push on f's value stack. */
void js_vm_push(Frame *f, JsValue v);
/* A frame that outlives its call (async, generator): freed with the VM. */
void js_vm_keep_frame(JsRt *rt, Frame *f);
/* The completion a generator's return() sends through its frame: a pending
 * exception that only finally blocks see. */
JsValue js_vm_return_completion(JsRt *rt);
bool js_vm_is_return_completion(JsRt *rt, JsValue v);

/* ---- iteration (iter.c) ---- */
/* Iteration for spread, for-of and Array.from, as a new array: the values
 * of an array, a string's characters, a Map's [key, value] pairs, a Set's
 * keys, or whatever an iterable's Symbol.iterator method yields. */
int js_vm_iterate_to_array(JsRt *rt, JsValue v, JsObject **out);
enum { GEN_NEXT, GEN_THROW, GEN_RETURN };
/* GetIterator(v): an iterator record (a private object). Arrays, strings,
 * Maps and Sets and generators take fast paths; anything else goes through
 * Symbol.iterator (async: Symbol.asyncIterator first, else the sync one). */
int js_iter_open(JsRt *rt, JsValue v, bool async, JsObject **rec);
/* Send next(v)/throw(v)/return(v) to the iterator: *value and *done say
 * what came back (for return() with no method: v, done). async: the raw
 * result object's promise is in *value (done unknown) — see agen.c. */
int js_iter_resume(JsRt *rt, JsObject *rec, int mode, JsValue v, JsValue *value, bool *done);
static inline int js_iter_step(JsRt *rt, JsObject *rec, JsValue *value, bool *done)
{
    return js_iter_resume(rt, rec, GEN_NEXT, JS_UNDEF, value, done);
}
/* A record over the items of an array (for-in's keys). */
JsObject *js_iter_of_array(JsRt *rt, JsObject *items);
/* IteratorClose: call the iterator's return() if it has one. */
int js_iter_close(JsRt *rt, JsObject *rec);
/* The result object { value, done }. */
JsObject *js_iter_result(JsRt *rt, JsValue value, bool done);

/* An iterator object over a's items (kind: 0 keys, 1 values, 2 entries). */
JsObject *js_array_iterator(JsRt *rt, JsObject *a, int kind);
/* %IteratorPrototype%, %AsyncIteratorPrototype%, the array iterators. */
void js_iter_install(JsRt *rt);
/* Is this record's iterator a sync one wrapped for for-await? */
bool js_iter_from_sync(const JsObject *rec);

/* Run an async frame (an async function's or an async generator's) until it
 * awaits, returns, throws or yields; resumption values are pushed first. */
void js_vm_async_step(JsRt *rt, Frame *f, bool throwing);

/* ---- async generators and for await (agen.c) ---- */
/* What an async generator's yield, return or throw does to its queue. */
void js_agen_after(JsRt *rt, Frame *f, ExecStatus st);
void js_agen_install(JsRt *rt);
void js_agen_free(Frame *f);
/* for await: the value to await for the next step (a promise of a result). */
int js_await_iter_next(JsRt *rt, JsObject *rec, JsValue *out);
/* AsyncIteratorClose: the value to await, or *none when there is no return(). */
int js_await_iter_close(JsRt *rt, JsObject *rec, JsValue *out, bool *none);

/* yield* in an async generator: send the request (*mode, recv) to the
 * delegate; *out is what to await (*mode becomes 3 when the delegate has
 * no return(): then *out is the value to return). */
int js_agen_send(JsRt *rt, JsObject *rec, int *mode, JsValue recv, JsValue *out);

/* ---- generators (gen.c) ---- */
int js_gen_resume(JsRt *rt, JsObject *g, int mode, JsValue v, JsValue *value, bool *done);
void js_gen_install(JsRt *rt);

#endif
