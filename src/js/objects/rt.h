/* rt.h: the runtime state every part of the JavaScript side shares.
 * Owns: the heap list and its byte cap, the operation and depth budgets,
 * the pending exception, the intern table, the global object and the
 * built-in prototypes. The VM fills in the call hooks, so objects/ can
 * call accessors and callbacks without naming the VM (the same seam as
 * the Python side's slots). */
#ifndef LS_JS_RT_H
#define LS_JS_RT_H

#include "value.h"

typedef int (*JsCallHook)(JsRt *rt, JsValue fn, JsValue self, JsValue *args, int argc, JsValue *out);
typedef int (*JsConstructHook)(JsRt *rt, JsValue fn, JsValue *args, int argc, JsValue *out);

struct JsRt {
    JsObject *heap;            /* every object, for freeing at the end */
    void **blocks;             /* other allocations (strings, envs, arrays) */
    size_t nblocks, capblocks;
    size_t bytes, max_bytes;
    char *bump;                /* js_alloc's current chunk */
    size_t bump_left;
    uint64_t ops, max_ops;
    int depth, max_depth;
    size_t max_items;

    bool has_exc;
    JsValue exc;
    const char *limit;         /* set when a limit stopped the run: not catchable */
    int exc_line;              /* where the pending exception was thrown */
    JsObject *executor_of;     /* the promise whose executor is running (labels) */
    bool constructing;         /* a native is being called by `new` (it reads and clears this) */

    JsFunc **funcs;            /* compiled functions, freed by js_code_free */
    size_t nfuncs, capfuncs;

    JsString **interned;
    size_t ninterned, capinterned;

    JsObject *global;
    JsObject *object_proto, *function_proto, *array_proto, *string_proto, *number_proto,
        *boolean_proto, *error_proto, *promise_proto, *map_proto, *set_proto, *iterator_proto, *generator_proto,
        *date_proto, *symbol_proto, *bigint_proto, *async_generator_proto, *async_iterator_proto,
        *regexp_proto, *array_iter_proto;
    JsObject *promise_ctor, *array_ctor, *object_ctor;
    JsObject *error_ctors[8];  /* Error, TypeError, RangeError, ReferenceError, SyntaxError, EvalError, URIError, AggregateError */

    JsString *s_length, *s_prototype, *s_constructor, *s_then, *s_message, *s_name, *s_stack,
        *s_value, *s_done, *s_next, *s_errors, *s_status, *s_reason, *s_cause;

    JsString *sym_iterator, *sym_async_iterator;   /* Symbol.iterator, Symbol.asyncIterator (keys) */
    JsObject *sym_registry;    /* Symbol.for: description -> symbol */
    int nsymbols;

    JsCallHook call;
    JsConstructHook construct;
    int (*iterate)(JsRt *rt, JsValue v, JsObject **out);   /* vm's iteration into an array */
    void *vm;                  /* vm/ state */
    void *loop;                /* loop/ state */
};

enum { ERR_ERROR, ERR_TYPE, ERR_RANGE, ERR_REFERENCE, ERR_SYNTAX, ERR_EVAL, ERR_URI, ERR_AGGREGATE };

/* Throw: set the pending exception; always returns -1. */
int js_throw(JsRt *rt, JsValue v);
int js_throw_error(JsRt *rt, int type, const char *fmt, ...) LS_PRINTF(3, 4);
JsObject *js_error_new(JsRt *rt, int type, JsString *msg);
/* Stop the run with a limit (not catchable by the scenario). Returns -1. */
int js_limit(JsRt *rt, const char *what);
/* Take the pending exception. */
JsValue js_catch(JsRt *rt);

/* Call fn(args) with this = self. 0 ok, -1 thrown. */
static inline int js_call(JsRt *rt, JsValue fn, JsValue self, JsValue *args, int argc, JsValue *out)
{
    return rt->call(rt, fn, self, args, argc, out);
}

void js_rt_init(JsRt *rt);
void js_rt_free(JsRt *rt);

/* The name a value's constructor gives it (trace `error`/`unhandled`). */
const char *js_ctor_name(JsRt *rt, JsValue v);

#endif
