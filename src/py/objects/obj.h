/* obj.h: the interpreter's values.
 * Owns: the object header and reference counting, every built-in value type
 * (None, bool, int, float, str, tuple, list, dict, function, code, cell,
 * builtin function, class, exception, module, range, iterators, generator
 * and coroutine objects), their construction, hashing, equality, truth,
 * str() and repr(). User-defined classes and their instances belong to
 * klass.h: the functions here call into it for objects of those classes
 * (Class.heap). Evaluation lives in vm.c; names like print() live in
 * builtins.c; the asyncio types (future, task, loop) are defined by src/sim
 * through the Class hooks declared here, so this layer never knows them.
 *
 * Conventions, as in CPython's C API:
 * - A function returning Obj* returns a NEW reference unless its comment says
 *   "borrowed". NULL means a Python exception is set (see vm_raise*).
 * - Arguments are borrowed unless the comment says "steals".
 * - What reference cycles keep alive when the run is over, obj_teardown()
 *   frees: the pool's blocks all at once (pool_reset), and, one by one, the
 *   few objects on the global list: those whose class owns C buffers
 *   (free_mem), exceptions (obj_collect) and blocks past the pool's sizes.
 *   The rest are on no list, so their allocation and release touch no
 *   other object. The links are not in the header (24 bytes) but in front
 *   of the object, in its block, and only where needed (Obj.front). */
#ifndef LS_OBJ_H
#define LS_OBJ_H

#include "../../base/base.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct Obj Obj;
typedef struct Class Class;

struct Obj {
    int32_t rc;
    uint32_t size;        /* bytes of the object (its block has its front too) */
    Class *cls;
    uint64_t serial : 62; /* allocation number in this run (0: static); the identity hash */
    uint64_t front : 2;   /* what sits before it in its block (obj.c): nothing, the
                             release queue's link, or the global list's links */
};

/* Reference counting, inline: the VM does it on every instruction. The
 * release itself (finalizer, dealloc, free) is obj_release, in obj.c. */
void obj_release(Obj *o);
static inline void obj_incref(Obj *o)
{
    o->rc++;
}
static inline void obj_decref(Obj *o)
{
    if (--o->rc <= 0)
        obj_release(o);
}
#define INCREF(o) obj_incref((Obj *)(o))
#define DECREF(o) obj_decref((Obj *)(o))
#define XDECREF(o) do { if (o) obj_decref((Obj *)(o)); } while (0)
#define XINCREF(o) do { if (o) obj_incref((Obj *)(o)); } while (0)
/* Replace *slot with v (stealing v), releasing the old value. */
#define SETREF(slot, v) do { Obj *old_ = (Obj *)(slot); (slot) = (v); XDECREF(old_); } while (0)

/* Give o the identity of a new object (the next serial): for an int or
 * float whose value the eval loop rewrites in place where CPython would
 * make a new object while the old one lives, so id() tells them apart as
 * CPython's does (vm_fast.h). */
extern uint64_t obj_serial_;
static inline void obj_renew(Obj *o)
{
    o->serial = ++obj_serial_;
}

/* Allocate a zeroed object of `size` bytes of class cls with rc 1. */
Obj *obj_alloc(Class *cls, size_t size);
/* Free everything still alive (cycles). Call once after a run. */
void obj_teardown(void);
/* Number of live objects (tests and leak checks). */
size_t obj_live_count(void);
/* What CPython's gc.collect() does to the cycles loopscope makes: every live
 * exception lets go of the frame locals it keeps (ExcObj.frame_locals), so
 * what only a cycle through a traceback kept alive is freed now. */
void obj_collect(void);

/* ---- classes ---- */

typedef enum Kind {
    K_NONE, K_BOOL, K_INT, K_FLOAT, K_STR, K_TUPLE, K_LIST, K_DICT,
    K_FUNC, K_CODE, K_CELL, K_BUILTIN, K_BOUND, K_CLASS, K_EXC, K_MODULE,
    K_RANGE, K_ITER, K_GEN, K_CORO, K_SLICE, K_SET, K_FROZENSET, K_BYTES, K_OTHER
} Kind;

/* Result of stepping an awaitable (Class.await_step). */
typedef enum AwaitStatus { AW_DONE, AW_SUSPEND, AW_ERROR } AwaitStatus;

/* C-level signature of built-in callables: positional args in args[0..nargs),
 * keyword values after them, names in kwnames (a tuple of str, or NULL). */
typedef Obj *(*CFunc)(Obj *self, Obj **args, int nargs, Obj *kwnames);

struct Class {
    Obj hdr;
    const char *name;     /* "int", "ValueError", "Task" */
    Kind kind;
    Class *base;          /* single inheritance; NULL for object */
    Obj *dict;            /* methods and class attributes (a Dict), may be NULL */
    size_t size;          /* instance size in bytes */
    /* type hooks; NULL means "not supported" */
    void (*dealloc)(Obj *o);           /* release children, NOT the object itself */
    void (*free_mem)(Obj *o);          /* free owned C buffers only (teardown) */
    void (*repr)(Obj *o, Buf *out);    /* may raise only through vm */
    CFunc call;                        /* calling an instance: self = instance */
    CFunc ctor;                        /* calling the class: self = class */
    /* await protocol: first call has resumed = false; after a suspension the
     * VM calls again with resumed = true (or with a thrown exception set).
     * AW_DONE: *out = result; AW_SUSPEND: *out = value to yield to the task;
     * AW_ERROR: exception set. */
    AwaitStatus (*await_step)(Obj *o, bool resumed, Obj **out);
    /* an exception thrown in at a suspension (a cancel, close()): NULL
     * passes it straight on; else the awaitable may clean up first and
     * return AW_ERROR with an exception set (or AW_DONE / AW_SUSPEND as
     * await_step does). exc is borrowed. */
    AwaitStatus (*await_throw)(Obj *o, Obj *exc, Obj **out);
    /* getattr hook for instance data (modules, exceptions); NULL = class dict only */
    Obj *(*getattr)(Obj *o, Obj *name);
    /* called when the refcount drops to 0, before dealloc; it may keep the
     * object alive by taking a reference (CPython's tp_finalize and
     * resurrection). Async generators use it for their finalizer hook. */
    void (*finalize)(Obj *o);
    bool is_exception;
    bool builtin;         /* a built-in class */
    bool heap;            /* a class made by a `class` statement: a UserClass
                             (klass.h), reference counted like any object */
};

extern Class NoneClass, BoolClass, IntClass, FloatClass, StrClass, TupleClass,
    ListClass, DictClass, FuncClass, CodeClass, CellClass, BuiltinClass, BoundClass,
    ClassClass, ModuleClass, RangeClass, IterClass, GenClass, CoroClass, SliceClass,
    ObjectClass;

/* Exception classes (BaseException hierarchy). */
extern Class BaseExceptionClass, ExceptionClass, ArithmeticErrorClass,
    ZeroDivisionErrorClass, OverflowErrorClass, ValueErrorClass, TypeErrorClass,
    NameErrorClass, UnboundLocalErrorClass, AttributeErrorClass, LookupErrorClass,
    KeyErrorClass, IndexErrorClass, RuntimeErrorClass, RecursionErrorClass,
    NotImplementedErrorClass, StopIterationClass, StopAsyncIterationClass,
    AssertionErrorClass, TimeoutErrorClass, OSErrorClass, CancelledErrorClass,
    InvalidStateErrorClass, BaseExceptionGroupClass, ExceptionGroupClass,
    GeneratorExitClass, KeyboardInterruptClass, SystemExitClass, MemoryErrorClass,
    LimitErrorClass, UnicodeErrorClass;

/* Give a statically allocated class its object header (immortal refcount).
 * Every Class must pass through here before use; obj_init does the core ones. */
void class_init(Class *c);
/* Register all built-in classes (idempotent). */
void obj_init(void);
/* True if c is sub (or a subclass of it). ExceptionGroup counts as a
 * subclass of Exception too, as in CPython (where it has two bases). */
bool class_is_sub(const Class *c, const Class *sub);
/* Look a name up through the class chain; borrowed, NULL if absent (no exception). */
Obj *class_lookup(Class *c, Obj *name);
/* The same, also telling which class on the chain defines it (*owner). */
Obj *class_lookup_owner(Class *c, Obj *name, Class **owner);
/* Add a built-in method to a class dict. */
void class_add_method(Class *c, const char *name, CFunc fn);

#define CLS(o) (((Obj *)(o))->cls)
#define IS(o, C) (CLS(o) == &(C))
bool obj_isinstance(Obj *o, Class *c);

/* ---- singletons and scalars ---- */

extern Obj *None, *True, *False, *Ellipsis;
#define BOOL(b) ((b) ? True : False)
Obj *bool_new(bool b);        /* new ref to True/False */
Obj *none_new(void);          /* new ref to None */

typedef struct IntObj { Obj hdr; int64_t v; } IntObj;
typedef struct FloatObj { Obj hdr; double v; } FloatObj;
Obj *int_new(int64_t v);
Obj *float_new(double v);
#define INT_V(o) (((IntObj *)(o))->v)
#define FLOAT_V(o) (((FloatObj *)(o))->v)
/* True for int and bool (bool is a subclass of int). */
bool is_int(Obj *o);
int64_t int_value(Obj *o); /* int or bool; caller checked is_int */

/* ---- str: immutable UTF-8 ---- */

typedef struct StrObj {
    Obj hdr;
    size_t len;      /* bytes */
    size_t ncp;      /* code points */
    int64_t hash;    /* -1 until computed */
    bool ascii;
    bool interned;   /* the one str_intern keeps for its text (lives until teardown) */
    char s[];        /* NUL-terminated */
} StrObj;
Obj *str_new(const char *s, size_t len);   /* s must be valid UTF-8 */
Obj *str_from(const char *cstr);
Obj *str_from_buf(Buf *b);                 /* takes b's bytes, frees b (buf_free again is harmless) */
#define STR_S(o) (((StrObj *)(o))->s)
#define STR_LEN(o) (((StrObj *)(o))->len)
bool str_eq_c(Obj *s, const char *c);
/* Interned strings for names used by the runtime. */
Obj *str_intern(const char *cstr); /* borrowed, lives until teardown */
/* The interned str equal to s (s itself if it becomes the one); borrowed. */
Obj *str_intern_str(Obj *s);
/* Replace every str in tuple t by its interned twin (code names: dict
 * keys and lookups then meet by address, and attribute lookups cache). */
void tuple_intern_strs(Obj *t);

/* ---- containers ---- */

typedef struct TupleObj { Obj hdr; size_t n; Obj *items[]; } TupleObj;
typedef struct ListObj { Obj hdr; size_t n, cap; Obj **items; } ListObj;
Obj *tuple_new(size_t n);                  /* items are NULL: fill them */
Obj *tuple_pack(size_t n, ...);            /* borrowed args */
#define TUP_N(o) (((TupleObj *)(o))->n)
#define TUP_ITEMS(o) (((TupleObj *)(o))->items)
Obj *list_new(size_t cap);
void list_append(Obj *list, Obj *v);       /* borrowed v */
void list_append_steal(Obj *list, Obj *v);
#define LIST_N(o) (((ListObj *)(o))->n)
#define LIST_ITEMS(o) (((ListObj *)(o))->items)
/* Length of a list or tuple, read afresh (a callback may have changed it). */
size_t seq_len(Obj *seq);
/* Item i of a list or tuple as a NEW reference, or NULL (no exception) when
 * i is past the current end. Code that calls back into scenario code
 * (__eq__, __repr__, a key function) while walking a list uses this, so a
 * callback that shrinks or refills the list cannot leave it holding a
 * dangling item pointer or a stale length. */
Obj *seq_get_ref(Obj *seq, size_t i);

typedef struct DictEntry { int64_t hash; Obj *key, *value; } DictEntry;
typedef struct DictObj {
    Obj hdr;
    size_t n;         /* live entries */
    size_t used;      /* entries slots used (incl. deleted) */
    size_t cap;       /* entries capacity */
    DictEntry *entries;
    int32_t *index;   /* open addressing table of size icap: -1 empty, -2 deleted */
    uint32_t icap;    /* 32 bits: entries are numbered by int32_t anyway */
    bool watched;     /* a class dict the attribute cache read (attrcache.h):
                         any change to it empties that cache */
    uint64_t version; /* a new number, unique among all dicts, at every change
                         of its keys: a lookup whose __eq__ changed the dict
                         starts again; the eval loop's caches key on it */
} DictObj;
Obj *dict_new(void);
/* Borrowed result, NULL if missing. Returns NULL with an exception set only
 * when the key is unhashable: check vm_error_occurred(). */
Obj *dict_get(Obj *d, Obj *key);
Obj *dict_get_c(Obj *d, const char *key);  /* borrowed */
/* The number of key's entry in d (a str key), or -1: valid while d's
 * version stays what it is now (an exception a str subclass's __eq__
 * raised is left pending, as dict_get leaves it). */
int32_t dict_entry_of(Obj *d, Obj *key);
int dict_set(Obj *d, Obj *key, Obj *value); /* 0 ok, -1 exception (unhashable) */
void dict_set_c(Obj *d, const char *key, Obj *value);
int dict_del(Obj *d, Obj *key);            /* 1 removed, 0 missing, -1 error */
/* Remove every pair without hashing or comparing a key (dict.clear). */
void dict_clear(Obj *d);
/* Iterate: *pos starts at 0; returns false at the end. Borrowed key/value. */
bool dict_next(Obj *d, size_t *pos, Obj **key, Obj **value);
#define DICT_N(o) (((DictObj *)(o))->n)

/* ---- hashing, comparison, truth, text ---- */

/* Python hash; -1 with TypeError set for unhashable values. */
int64_t obj_hash(Obj *o);
/* ==; -1 on error. */
int obj_eq(Obj *a, Obj *b);
/* Truth value; -1 on error. */
int obj_truth(Obj *o);
/* Append str(o) / repr(o) to out; -1 on error (exception set). */
int obj_str(Obj *o, Buf *out);
int obj_repr(Obj *o, Buf *out);
/* str(o) as the built-in classes define it, ignoring a user-defined __str__
 * (BaseException.__str__ and object.__str__, reached through super()). */
int obj_str_builtin(Obj *o, Buf *out);
/* repr(o) by the nearest built-in class's hook (exceptions: "E('x')"), or
 * NULL-hook default; ignores user-defined __repr__. */
void obj_repr_builtin(Obj *o, Buf *out);
Obj *obj_str_new(Obj *o);   /* str(o) as a new str object */
Obj *obj_repr_new(Obj *o);
/* Python type name of o ("int", "NoneType", "coroutine"). */
const char *obj_type_name(Obj *o);

/* ---- code, functions, cells ---- */

typedef struct Source Source;

enum { CO_COROUTINE = 1, CO_GENERATOR = 2, CO_VARARGS = 4, CO_VARKW = 8,
       CO_MODULE = 16, CO_LIBRARY = 32 /* built-in prelude: hidden from users */,
       CO_ASYNC_GENERATOR = 64 /* an async def that yields (agen.c) */,
       CO_AWAIT_SHORTCUT = 128 /* its function has an await shortcut (vm_set_await_shortcut) */ };

typedef struct CodeObj {
    Obj hdr;
    uint32_t *ops;       /* opcode in the low 8 bits, argument in the high 24 */
    int *lines;          /* source line per instruction */
    int nops;
    Obj *consts;         /* tuple */
    Obj *names;          /* tuple of str: globals, attributes */
    Obj *varnames;       /* tuple of str: parameters first, then locals */
    Obj *cellnames;      /* tuple of str: locals captured by inner functions */
    Obj *freenames;      /* tuple of str: captured from outer functions */
    int *cell2arg;       /* for each cell, the parameter index it copies, or -1 */
    int argcount, kwonlycount;
    int nlocals;         /* = TUP_N(varnames) */
    int flags;
    int firstline;
    Obj *name, *qualname;
    const Source *src;   /* not owned: lives as long as the program */
    struct NameCache *ncache; /* per name: the eval loop's global and attribute
                                 caches (src/py/vm/vm_fast.h), made on first use */
    int stackhint;       /* slots a new frame's stack gets (vm.c): 0 until its first frame */
    int await_ix;        /* with CO_AWAIT_SHORTCUT: where vm_set_await_shortcut put its function */
} CodeObj;

typedef struct FuncObj {
    Obj hdr;
    CodeObj *code;
    Obj *globals;        /* dict */
    Obj *defaults;       /* tuple or NULL */
    Obj *kwdefaults;     /* dict or NULL */
    Obj *closure;        /* tuple of cells or NULL */
    Obj *name, *qualname;
} FuncObj;

typedef struct CellObj { Obj hdr; Obj *v; } CellObj;
Obj *cell_new(Obj *v);   /* borrowed v, may be NULL (empty) */

typedef struct BuiltinObj {
    Obj hdr;
    const char *name;
    CFunc fn;
    Obj *self;           /* bound receiver or NULL */
    Obj *data;           /* extra payload (e.g. a partial's args) or NULL */
} BuiltinObj;
/* A built-in callable; self may be NULL (borrowed, increfed). */
Obj *builtin_new(const char *name, CFunc fn, Obj *self);
/* Call built-in method b (one without a receiver of its own) as self.b(...
 * ), what calling builtin_new(name, fn, self) would do, without making it. */
Obj *builtin_call_on(Obj *b, Obj *self, Obj **args, int nargs, Obj *kwnames);

typedef struct BoundObj { Obj hdr; Obj *func, *self; } BoundObj;
Obj *bound_new(Obj *func, Obj *self);

typedef struct ModuleObj { Obj hdr; Obj *name; Obj *dict; } ModuleObj;
Obj *module_new(const char *name);
/* True when name is a module's private name (one leading underscore, not a
 * dunder) and scenario code is asking: such names are not there for it. */
bool module_hides(Obj *name);

typedef struct RangeObj { Obj hdr; int64_t start, stop, step; } RangeObj;
typedef struct SliceObj { Obj hdr; Obj *start, *stop, *step; } SliceObj;

/* ---- exceptions ---- */

typedef struct TbEntry { const Source *src; int line; Obj *func; } TbEntry;
typedef struct ExcObj {
    Obj hdr;
    Obj *args;           /* tuple */
    Obj *context, *cause; /* or NULL */
    bool suppress_context;
    TbEntry *tb;         /* innermost first */
    int ntb, captb;
    Obj *extra;          /* StopIteration value, ExceptionGroup exceptions; or NULL */
    Obj *attrs;          /* instance dict or NULL */
    Obj *frame_locals;   /* list: the locals of the frames it left, or NULL. CPython's
                            traceback keeps those frames, and so their locals, alive
                            while the exception lives (when an async generator in a
                            local is finalized depends on it) */
} ExcObj;
Obj *exc_new(Class *cls, Obj *args);           /* borrowed args tuple (may be NULL) */
Obj *exc_new_msg(Class *cls, const char *fmt, ...) LS_PRINTF(2, 3);
void exc_add_tb(Obj *exc, const Source *src, int line, Obj *func);

/* ---- the pending exception (one per interpreter, like a thread state) ---- */

void err_set(Obj *exc);                    /* steals exc */
void err_format(Class *cls, const char *fmt, ...) LS_PRINTF(2, 3);
bool err_occurred(void);
bool err_matches(Class *cls);              /* pending exception is an instance of cls */
Obj *err_fetch(void);                      /* new ref (or NULL); clears the state */
void err_clear(void);
/* Raise TypeError("unsupported operand ...") style helpers return NULL. */
Obj *err_null(Class *cls, const char *fmt, ...) LS_PRINTF(2, 3);

/* ---- generators and coroutines (frames live in vm.c) ---- */

typedef struct Frame Frame;
typedef enum GenState { GEN_CREATED, GEN_RUNNING, GEN_SUSPENDED, GEN_CLOSED } GenState;
typedef struct GenObj { /* ints and the flag after the pointers: 64 bytes, not 72 */
    Obj hdr;
    Frame *frame;        /* NULL once closed */
    Obj *name, *qualname;
    GenState state;
    int created_line;    /* where it was created (for the never-awaited card) */
    int last_line;       /* where its code stood when it finished */
    bool awaited;        /* a coroutine that was awaited or wrapped in a task */
} GenObj;

/* ---- iteration ---- */

/* iter(o); NULL with TypeError when not iterable. */
Obj *obj_iter(Obj *o);
/* next(it): new ref, or NULL. At the end returns NULL WITHOUT an exception. */
Obj *obj_next(Obj *it);

/* ---- attribute access ---- */

Obj *obj_getattr(Obj *o, Obj *name);
Obj *obj_getattr_c(Obj *o, const char *name);
int obj_setattr(Obj *o, Obj *name, Obj *v);
int obj_delattr(Obj *o, Obj *name);   /* del o.name; -1 with AttributeError */

#endif
