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
} Handler;

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
/* Array-like iteration for spread, for-of and Array.from: the values of an
 * array, a string's characters, a Map's [key, value] pairs or a Set's
 * keys, as a new array. */
int js_vm_iterate_to_array(JsRt *rt, JsValue v, JsObject **out);

#endif
