/* vm_int.h: what the interpreter's files share inside src/py/vm: vm.c
 * (lifecycle, frames, binding, calls), vm_gen.c (generators and
 * coroutines), vm_traceback.c (printing tracebacks) and vm_eval.c (the
 * evaluation loop). Holds the Frame and its block stack, the interpreter
 * state (vm) and the functions one file defines and another calls.
 * Internal to src/py/vm; everything else uses vm.h. */
#ifndef LS_VM_INT_H
#define LS_VM_INT_H

#include "vm.h"

#include <stdbool.h>
#include <stdint.h>

typedef enum { B_EXCEPT, B_FINALLY, B_HANDLER } BlockType;
typedef struct Block { BlockType type; int handler; int level; } Block;

/* The fields a resume, a hop's instructions and the narrator's walk of
 * an await chain read are the last 64 bytes, next to the locals and the
 * first stack slots that follow the frame in its block (frame_new): with
 * thousands of tasks each hop's frame is cold, and those bytes are the
 * fewest cache lines. What calls with cells, class bodies, blocks and
 * handled exceptions use comes first. */
struct Frame {
    FuncObj *func;       /* NULL for module code */
    Obj *locals;         /* a class body's namespace (LOAD_NAME), else NULL */
    Obj **cells;         /* cell objects: cellnames then freenames */
    int ncells;
    int nfast;
    Block *blocks;
    int nblocks, capblocks;
    Obj **handled;       /* exceptions being handled (innermost last) */
    int nhandled, caphandled;
    GenObj *gen;         /* owning generator or coroutine */
    bool stack_own;      /* the stack has a block of its own */
    uint16_t stack0;     /* the slots of stack in the frame's own block */
    /* hot: */
    CodeObj *code;
    Obj *globals;
    Obj **fast;
    Obj **stack;         /* in the frame's own block until it grows (frame_grow_stack) */
    int sp, stackcap;
    int ip;
    Obj *delegate;       /* what a suspended AWAIT waits on */
    struct Frame *back;  /* the frame running us, while we run */
};

typedef enum { X_RETURN, X_YIELD, X_ERROR } XStatus;
typedef enum { R_START, R_SEND, R_THROW } Resume;

/* The interpreter's one state (defined in vm.c). */
typedef struct VMState {
    VMHooks hooks;
    VMLimits limits;
    Obj *builtins;       /* every builtin: the library's code sees them all */
    Obj *refused;        /* the names of those scenario code does not see */
    Obj *modules;        /* dict name -> module */
    Frame *current;      /* innermost running frame */
    int depth;           /* frames and C recursion levels counted (not the library's) */
    char *stack_base;    /* the C stack where the interpreter was started */
    size_t stack_budget; /* bytes of C stack below stack_base it may use */
    uint64_t ops;
    bool initialised;
} VMState;

extern VMState vm;

/* ---- defined in one interpreter file, called from another ---- */

bool stack_exhausted(void);
void ops_limit_error(void);
Frame *frame_new(CodeObj *code, FuncObj *func, Obj *globals);
/* Make room for at least cap values on f's stack. */
void frame_grow_stack(Frame *f, int cap);
void frame_free(Frame *f);
int frame_line(const Frame *f);
Obj *gen_new(Frame *f, Class *cls, size_t size, Obj *name, Obj *qualname);
Obj *gm_send(Obj *self, Obj **args, int nargs, Obj *kw);
Obj *gm_throw(Obj *self, Obj **args, int nargs, Obj *kw);
Obj *cm_await(Obj *self, Obj **args, int nargs, Obj *kw);
Obj *gm_close(Obj *self, Obj **args, int nargs, Obj *kw);
/* `await fn(*args)` through fn's await shortcut (vm_set_await_shortcut):
 * the awaitable, or NULL (with an exception raised, or none: call fn). */
Obj *vm_await_shortcut(Obj *fn, Obj **args, int nargs);
/* The same for fn called on self (NULL: a plain call), as CALL_METHOD has them. */
Obj *vm_await_shortcut_on(Obj *fn, Obj *self, Obj **args, int nargs);
Obj *run_function(FuncObj *fn, Obj **args, int nargs, Obj *kwnames, Obj *locals);
Obj *make_exception(Obj *v);
XStatus frame_exec(Frame *f, Resume how, Obj *value, Obj **out);

#endif
