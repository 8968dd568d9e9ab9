/* code.h: the bytecode: opcodes, their stack effects, and the compiler's
 * entry point.
 * Owns: the instruction set shared by compile.c (which writes it) and vm.c
 * (which runs it). An instruction is a uint32: opcode in the low 8 bits,
 * argument in the high 24. */
#ifndef LS_CODE_H
#define LS_CODE_H

#include "ast.h"
#include "../objects/obj.h"
#include "../../base/source.h"

#define OPCODE(w) ((int)((w) & 0xff))
#define OPARG(w) ((int)((w) >> 8))
#define MAKE_OP(op, arg) ((uint32_t)(op) | ((uint32_t)(arg) << 8))
#define MAX_OPARG 0xffffff
#define SET_FROM_CONSTS 0x800000

typedef enum Opcode {
    I_NOP,
    I_LOAD_CONST,      /* arg: consts index */
    I_LOAD_FAST,       /* arg: local slot */
    I_STORE_FAST,
    I_DELETE_FAST,
    I_LOAD_DEREF,      /* arg: cell slot (cells then frees) */
    I_STORE_DEREF,
    I_DELETE_DEREF,
    I_LOAD_CLOSURE,    /* push the cell object itself */
    I_LOAD_GLOBAL,     /* arg: names index; globals, then builtins */
    I_STORE_GLOBAL,
    I_DELETE_GLOBAL,
    I_LOAD_ATTR,       /* arg: names index */
    I_STORE_ATTR,      /* stack: value, obj */
    I_BINARY_SUBSCR,   /* obj, index -> obj[index] */
    I_STORE_SUBSCR,    /* value, obj, index */
    I_DELETE_SUBSCR,   /* obj, index */
    I_POP_TOP,
    I_DUP_TOP,
    I_DUP_TOP_TWO,
    I_ROT_TWO,
    I_ROT_THREE,
    I_ROT_FOUR,
    I_BINARY,          /* arg: Op */
    I_INPLACE,         /* arg: Op (list += extends in place) */
    I_UNARY,           /* arg: Op */
    I_COMPARE,         /* arg: Op (incl. in, not in, is, is not) */
    I_JUMP,            /* arg: target */
    I_POP_JUMP_IF_FALSE,
    I_POP_JUMP_IF_TRUE,
    I_JUMP_IF_FALSE_OR_POP,
    I_JUMP_IF_TRUE_OR_POP,
    I_BUILD_TUPLE,     /* arg: n */
    I_BUILD_LIST,
    I_BUILD_DICT,      /* arg: n pairs (k1 v1 k2 v2 ...) */
    I_BUILD_SLICE,     /* arg: 2 or 3 */
    I_BUILD_STRING,    /* arg: n str pieces */
    I_LIST_APPEND,     /* arg: depth of the list below the value */
    I_DICT_ADD,        /* arg: depth of the dict below key, value */
    I_LIST_EXTEND,     /* arg: depth of the list below the iterable */
    I_DICT_UPDATE,     /* arg: depth of the dict below the mapping */
    I_LIST_TO_TUPLE,
    I_FORMAT_VALUE,    /* arg: conversion (0 none, 1 str, 2 repr, 3 ascii) | 4 if a spec is on top */
    I_CALL,            /* arg: n positional args above the callee */
    I_CALL_KW,         /* arg: n args (positional then keyword); TOS: tuple of names */
    I_CALL_EX,         /* arg: 1 if a kwargs dict is on top; below: args tuple, callee */
    I_MAKE_FUNCTION,   /* arg: 1 defaults tuple, 2 kwdefaults dict, 4 closure tuple; TOS: code */
    I_RETURN_VALUE,
    I_GET_ITER,
    I_FOR_ITER,        /* arg: target when exhausted (the iterator is popped) */
    I_UNPACK_SEQUENCE, /* arg: n */
    I_UNPACK_EX,       /* arg: before | after << 8 */
    I_AWAIT,           /* TOS: awaitable -> result, suspending the coroutine as needed;
                          arg: AwaitWhat, for the wording of the error on a non-awaitable */
    I_YIELD_VALUE,     /* in an async generator: the value __anext__ returns */
    I_SETUP_EXCEPT,    /* arg: handler */
    I_SETUP_FINALLY,   /* arg: handler */
    I_POP_BLOCK,
    I_POP_EXCEPT,      /* leave an except handler */
    I_RERAISE,         /* TOS: exception; leave the handler and raise it again */
    I_RAISE,           /* arg: 0 bare raise, 1 exc, 2 exc from cause */
    I_CHECK_EXC_MATCH, /* exc, type -> exc, bool */
    I_IMPORT_NAME,     /* arg: names index -> module */
    I_IMPORT_FROM,     /* arg: names index; module stays on the stack */
    I_LOAD_ASSERTION_ERROR,
    I_LOAD_NAME,       /* arg: names index; class namespace, then globals, then builtins */
    I_STORE_NAME,      /* arg: names index; into the class namespace */
    I_DELETE_NAME,
    I_DELETE_ATTR,     /* arg: names index; TOS: obj */
    I_BUILD_CLASS,     /* arg: number of bases (0 or 1); stack: body function, name, bases -> class */
    /* with / async with / async for / async generators (added at the end) */
    I_BEFORE_WITH,     /* arg 0: mgr -> bound __exit__, mgr.__enter__();
                          arg 1: mgr -> bound __aexit__, mgr.__aenter__() (an awaitable) */
    I_SETUP_WITH,      /* arg: handler; like SETUP_FINALLY, but the block keeps __exit__
                          (below TOS) and not TOS, the value bound by `as` */
    I_WITH_EXCEPT,     /* exit, exc -> exit, exc, exit(type(exc), exc, None) */
    I_GET_AITER,       /* obj -> obj.__aiter__() */
    I_GET_ANEXT,       /* aiter -> aiter, aiter.__anext__() */
    I_END_ASYNC_FOR,   /* aiter, exc: StopAsyncIteration ends the loop (both popped,
                          the handler left); anything else is raised again */
    I_AGEN_AWAIT,      /* arg: AgenMode; only in the code of an async generator's
                          awaitables (agen.c): drive the generator (fast 0) */
    I_BUILD_SET,       /* arg: n items -> a set of them, added in order; | SET_FROM_CONSTS
                          when more than 2, all constants (built through a constant
                          frozenset, as CPython does, which decides their slots) */
    I_SET_ADD,         /* arg: depth of the set below the value */
    I_SET_UPDATE,      /* arg: depth of the set below the iterable */
    I_EXCEPT_STAR_MATCH,   /* arg: target when the clause does not match. Stack:
                              raised-list, orig, rest, type -> raised-list, orig, rest', match;
                              the match becomes the handled exception */
    I_EXCEPT_STAR_END,     /* a clause's body ended: arg 0 normally; arg 1 it raised (TOS:
                              the exception, added to raised-list; its handler is left) */
    I_EXCEPT_STAR_RERAISE, /* raised-list, orig, rest -> raise what is left, or leave the handler */
    I_LOAD_METHOD,     /* arg: names index. o -> function, o when o.name is a plain
                          function of o's class (no bound method made); else
                          o.name, None (o is then never None: see vm_cache.h) */
    I_CALL_METHOD,     /* arg: n positional args. LOAD_METHOD's pair, args -> result */
    I_COUNT
} Opcode;

/* I_AWAIT's argument: what is awaited, for CPython's wording of the error. */
typedef enum AwaitWhat { AWAIT_PLAIN, AWAIT_AENTER, AWAIT_AEXIT, AWAIT_ANEXT } AwaitWhat;

/* Which modules a scenario may import, and what they export; the compiler
 * rejects anything else at load time with a located error. */
typedef struct ModuleSpec {
    const char *name;
    const char *const *exports; /* NULL-terminated */
    /* every name CPython's module has (NULL-terminated), or NULL: a name
     * loopscope lacks is "not supported" if CPython has it, else a typo
     * left for run time (AttributeError or ImportError, as in CPython) */
    const char *const *cpython;
    bool cpython_lib; /* written in the scenario language (src/py/lib): its classes can be subclassed */
} ModuleSpec;

/* Compile a parsed module. Returns a new CodeObj (module code) or NULL with
 * err filled. modules: NULL-terminated array of importable modules.
 * flags: CO_LIBRARY for the built-in prelude. */
CodeObj *compile_module(const Node *mod, const Source *src, const ModuleSpec *const *modules,
                        int flags, LangError *err);
/* The same, also appending CPython's compile-time warnings (`x is 1`) to
 * warnings as "LINE\0MESSAGE\0" pairs, in compile order. */
CodeObj *compile_module_warned(const Node *mod, const Source *src, const ModuleSpec *const *modules,
                               int flags, LangError *err, Buf *warnings);
/* True for a Python builtin loopscope does not give scenarios (open, eval,
 * getattr, id, hash, ...): refused where a scenario names it at load time,
 * and absent from the builtins scenario code sees at run time (the
 * library's own code, CO_LIBRARY, still has them). */
bool compile_refused_builtin(const char *name);

/* Name of an opcode, for disassembly in tests. */
const char *opcode_name(int op);

#endif
