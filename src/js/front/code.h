/* code.h: JavaScript bytecode, what compile.c produces and vm.c runs.
 * Owns: the instruction set (a stack machine: one opcode byte, operands of
 * 2 bytes, jump targets of 4), the compiled function (code, constants,
 * nested functions, a line per instruction) and the compiler's entry.
 * Values in constants are JsValues of the run's runtime. */
#ifndef LS_JS_CODE_H
#define LS_JS_CODE_H

#include "../objects/rt.h"
#include "ast.h"

typedef enum Op {
    OP_CONST, OP_UNDEF, OP_NULL, OP_TRUE, OP_FALSE, OP_POP, OP_DUP, OP_DUP2, OP_SWAP, OP_ROT3, OP_ROT4,
    OP_GET_VAR, OP_SET_VAR, OP_INIT_VAR, OP_GET_GLOBAL, OP_SET_GLOBAL, OP_TYPEOF_GLOBAL, OP_THROW_CONST,
    OP_GET_PROP, OP_GET_PROP_KEEP, OP_SET_PROP, OP_GET_ELEM, OP_GET_ELEM_KEEP, OP_SET_ELEM,
    OP_DELETE_PROP, OP_DELETE_ELEM,
    OP_CALL, OP_CALL_METHOD, OP_NEW, OP_CALL_ARR, OP_CALL_METHOD_ARR, OP_NEW_ARR,
    OP_SUPER_CALL_ARR, OP_SUPER_GET, OP_SUPER_GET_KEEP,
    OP_CLOSURE, OP_CLASS, OP_DEFINE_METHOD, OP_SET_FIELDS,
    OP_ARRAY, OP_ARRAY_PUSH, OP_ARRAY_HOLE, OP_ARRAY_SPREAD, OP_OBJECT, OP_DEFINE, OP_OBJ_SPREAD, OP_OBJ_REST,
    OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_MOD, OP_EXP, OP_EQ, OP_NE, OP_SEQ, OP_SNE, OP_LT, OP_LE, OP_GT, OP_GE,
    OP_BITAND, OP_BITOR, OP_BITXOR, OP_SHL, OP_SHR, OP_USHR, OP_IN, OP_INSTANCEOF,
    OP_NEG, OP_PLUS, OP_NOT, OP_BITNOT, OP_TYPEOF, OP_INC, OP_DEC, OP_TONUM,
    OP_JMP, OP_JMP_FALSE, OP_JMP_TRUE, OP_JMP_FALSE_KEEP, OP_JMP_TRUE_KEEP, OP_JMP_NOTNULLISH_KEEP,
    OP_JMP_NULLISH,
    OP_RETURN, OP_THROW, OP_TRY, OP_TRY_FINALLY, OP_END_TRY,
    OP_PUSH_ENV, OP_POP_ENV, OP_COPY_ENV,
    OP_ITER, OP_FORIN, OP_ITER_NEXT, OP_TO_ARRAY, OP_SLICE_FROM, OP_ITER_CLOSE, OP_ITER_CLOSE_AT, OP_YIELD_STAR,
    OP_ITER_ASYNC, OP_ASYNC_NEXT, OP_ITER_RESULT, OP_ASYNC_CLOSE, OP_CHECK_OBJ, OP_REGEXP, OP_ITER_CLOSE_THROW, OP_AGEN_SEND, OP_AGEN_RESULT,
    OP_AWAIT, OP_YIELD, OP_TEMPLATE, OP_ARG, OP_REST_ARGS, OP_ARGUMENTS, OP_NEW_TARGET,
    OP_COUNT
} Op;

struct JsFunc {
    uint8_t *code;
    int *lines;          /* the source line of each code byte */
    size_t ncode, capcode;
    JsValue *consts;
    int nconsts, capconsts;
    JsFunc **funcs;
    int nfuncs, capfuncs;
    const char *name;    /* "" for anonymous */
    int nparams;         /* the function's .length */
    int flags;           /* FN_* */
    int nslots;          /* the function scope's size */
    int line, end_line;
    bool uses_arguments;
    struct { size_t pc; char *text; } *recv; /* .then/.catch receivers (js_callsite.c) */
    int nrecv, caprecv;
};

struct JsEnv {
    JsEnv *parent;
    int n;
    JsValue v[];
};

/* Compile a parsed program into the module function. Returns NULL with
 * err filled for what the compiler refuses (located). Functions and their
 * constants are allocated on rt's heap. */
JsFunc *js_compile(JsRt *rt, Node *program, LangError *err);
/* Free every compiled function's code (before js_rt_free). */
void js_code_free(JsRt *rt);
/* js_callsite.c: a `.then`/`.catch` call's receiver words ("p",
 * "this.ready"), noted by the compiler at pc (just past the call), found
 * again while the call runs (NULL when none). */
void js_callsite_note(JsFunc *f, size_t pc, const char *method, const Node *recv);
const char *js_callsite_recv(const JsFunc *f, size_t pc);
void js_callsite_free(JsFunc *f);

#endif
