/* ast.h: the syntax tree the parser builds and the compiler reads.
 * Owns: node kinds and the meaning of each Node field per kind. Every node
 * and string lives in the parser's Arena and is freed with it in one call.
 * The tree describes only the subset loopscope runs: anything else is
 * rejected by the parser with "X is not supported by loopscope". */
#ifndef LS_AST_H
#define LS_AST_H

#include <stddef.h>
#include <stdint.h>

typedef struct Node Node;

typedef struct NodeList {
    Node **items;
    int len;
} NodeList;

/* Operators, shared by BinOp, UnaryOp, AugAssign, Compare and BoolOp. */
typedef enum Op {
    OP_NONE,
    OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_FLOORDIV, OP_MOD, OP_POW,
    OP_LSHIFT, OP_RSHIFT, OP_BITAND, OP_BITOR, OP_BITXOR, OP_MATMUL,
    OP_NEG, OP_POS, OP_INVERT, OP_NOT,
    OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE, OP_IN, OP_NOTIN, OP_IS, OP_ISNOT,
    OP_AND, OP_OR
} Op;

typedef enum NodeKind {
    /* ---- expressions ---- */
    N_NAME,       /* str: identifier */
    N_INT,        /* ival (the lexer rejects literals beyond int64) */
    N_FLOAT,      /* fval */
    N_STR,        /* str,len: decoded UTF-8 bytes (adjacent literals joined) */
    N_BYTES,      /* str,len: a bytes literal's values (adjacent literals joined) */
    N_FSTRING,    /* list: parts, each N_STR or N_FORMATTED, in order */
    N_FORMATTED,  /* a: value; op: conversion 0,'r','s','a'; b: spec (N_FSTRING) or NULL;
                     str,len: "x=" text for the f"{x=}" form, else NULL */
    N_CONST,      /* op: 0 None, 1 True, 2 False, 3 Ellipsis */
    N_BINOP,      /* op, a, b */
    N_UNARYOP,    /* op (OP_NEG, OP_POS, OP_INVERT, OP_NOT), a */
    N_BOOLOP,     /* op (OP_AND, OP_OR), list: 2+ operands */
    N_COMPARE,    /* a: first operand; list: comparators; ops: list.len Op values */
    N_IFEXP,      /* a: test, b: body, c: orelse   (b if a else c) */
    N_NAMEDEXPR,  /* a: target (N_NAME), b: value   (a := b); ival: column of ':=' */
    N_CALL,       /* a: callee; list: args (plain exprs, N_STARRED for *x,
                     N_KEYWORD for k=v, N_DOUBLESTAR for **d) */
    N_KEYWORD,    /* str: name, a: value */
    N_STARRED,    /* a: value (in calls, and as an assignment target) */
    N_DOUBLESTAR, /* a: value (**d in a call) */
    N_ATTR,       /* a: object, str: attribute name */
    N_SUBSCRIPT,  /* a: object, b: index (may be N_SLICE or N_TUPLE) */
    N_SLICE,      /* a: lower, b: upper, c: step; each may be NULL */
    N_LIST,       /* list: elements */
    N_TUPLE,      /* list: elements */
    N_SET,        /* list: elements */
    N_DICT,       /* list: keys, list2: values (same length); a key of NULL
                     means the value is a **mapping to merge */
    N_LISTCOMP,   /* a: element; list: N_COMPFOR clauses in order */
    N_SETCOMP,    /* a: element; list: N_COMPFOR clauses */
    N_GENEXP,     /* a: element; list: N_COMPFOR clauses */
    N_DICTCOMP,   /* a: key, b: value; list: N_COMPFOR clauses */
    N_COMPFOR,    /* a: target, b: iterable, list: if-conditions; flags: F_ASYNC */
    N_LAMBDA,     /* list: N_PARAM params, a: body expression */
    N_AWAIT,      /* a: value */
    N_YIELD,      /* a: value or NULL */
    N_YIELDFROM,  /* a: value */

    /* ---- statements ---- */
    N_MODULE,     /* list: body; str: docstring or NULL */
    N_EXPR,       /* a: expression statement */
    N_ASSIGN,     /* list: targets (a = b = value gives two), a: value */
    N_AUGASSIGN,  /* op, a: target, b: value */
    N_ANNASSIGN,  /* a: target, b: annotation, c: value or NULL */
    N_IF,         /* a: test, list: body, list2: orelse (elif is a nested N_IF) */
    N_WHILE,      /* a: test, list: body, list2: orelse */
    N_FOR,        /* a: target, b: iterable, list: body, list2: orelse; flags: F_ASYNC */
    N_BREAK,
    N_CONTINUE,
    N_PASS,
    N_RETURN,     /* a: value or NULL */
    N_RAISE,      /* a: exception or NULL (bare raise), b: cause (from) or NULL */
    N_TRY,        /* list: body, list2: N_HANDLER handlers, list3: orelse,
                     list4: finalbody; flags: F_STAR for except* */
    N_HANDLER,    /* a: type expression or NULL (bare except), str: "as" name
                     or NULL, list: body */
    N_WITH,       /* list: N_WITHITEM items, list2: body; flags: F_ASYNC */
    N_WITHITEM,   /* a: context expression, b: target or NULL */
    N_FUNCDEF,    /* str: name, list: N_PARAM params, list2: body,
                     list3: decorators, b: return annotation or NULL;
                     flags: F_ASYNC; c: docstring N_STR or NULL */
    N_PARAM,      /* str: name, a: default or NULL, b: annotation or NULL;
                     flags: F_VARARGS (*args), F_KWARGS (**kw), F_KWONLY */
    N_CLASSDEF,   /* str: name, list: bases (exprs, N_KEYWORD allowed),
                     list2: body, list3: decorators */
    N_GLOBAL,     /* list: N_NAME nodes */
    N_NONLOCAL,   /* list: N_NAME nodes */
    N_IMPORT,     /* list: N_ALIAS (str: dotted module name, str2: asname or NULL) */
    N_IMPORTFROM, /* str: module (dotted), list: N_ALIAS; ival: leading dots */
    N_ALIAS,      /* str: name, str2: asname or NULL; a: for `import a.b` without
                     `as`, an N_NAME of the top-level package it binds */
    N_ASSERT,     /* a: test, b: message or NULL */
    N_DEL,        /* list: targets */
    N_KIND_COUNT
} NodeKind;

enum {
    F_ASYNC = 1,
    F_VARARGS = 2,
    F_KWARGS = 4,
    F_KWONLY = 8,
    F_STAR = 16,
    F_PAREN = 32 /* an expression written inside parentheses */
};

struct Node {
    NodeKind kind;
    int line, col;           /* 1-based; col counts characters */
    int end_line, end_col;   /* just past the node's last character */
    Op op;
    int flags;
    Node *a, *b, *c;
    NodeList list, list2, list3, list4;
    Op *ops;                 /* N_COMPARE only: list.len operators */
    const char *str;         /* NUL-terminated, but see len for N_STR */
    size_t len;
    const char *str2;
    int64_t ival;
    double fval;
};

/* Printable name of a node kind ("N_CALL" -> "call"), for tests and errors. */
const char *ast_kind_name(NodeKind k);
/* Append an S-expression rendering of n to out (tests use it to check the
 * parser): e.g. (call (name print) (str "hi")). */
struct Buf;
void ast_dump(const Node *n, struct Buf *out);

#endif
