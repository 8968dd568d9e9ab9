/* ast.h: the JavaScript syntax tree, and the parser's entry point.
 * Owns: one generic node shape (a kind, up to four children, a list, a
 * string and a number), allocated in the parse arena and freed with it.
 * Leaves scopes and code to compile.c. */
#ifndef LS_JS_AST_H
#define LS_JS_AST_H

#include "lex.h"

typedef enum NodeKind {
    /* expressions */
    N_NUM, N_STR, N_TEMPLATE, N_IDENT, N_THIS, N_SUPER, N_NULL, N_TRUE, N_FALSE,
    N_ARRAY, N_OBJECT, N_PROP, N_FUNC, N_CLASS, N_UNARY, N_UPDATE, N_BINARY, N_LOGICAL,
    N_ASSIGN, N_COND, N_CALL, N_NEW, N_MEMBER, N_INDEX, N_SEQ, N_SPREAD, N_AWAIT, N_OPTCHAIN, N_YIELD,
    N_NEWTARGET, N_REGEXP, N_TEMPLATE_OBJ,
    /* patterns */
    N_ARRAY_PAT, N_OBJECT_PAT, N_DEFAULT, N_REST,
    /* statements */
    N_VAR, N_DECL, N_FUNCDECL, N_CLASSDECL, N_RETURN, N_IF, N_FOR, N_FORIN, N_FOROF, N_WHILE,
    N_DOWHILE, N_BREAK, N_CONTINUE, N_THROW, N_TRY, N_BLOCK, N_EXPR, N_EMPTY, N_SWITCH, N_CASE,
    N_LABELED, N_PROGRAM
} NodeKind;

/* N_PROP kinds (op[0]) */
enum { PK_INIT = 'i', PK_GET = 'g', PK_SET = 's', PK_METHOD = 'm', PK_SPREAD = '.', PK_FIELD = 'f' };
/* flags */
enum {
    NF_ARROW = 1, NF_ASYNC = 2, NF_METHOD = 4, NF_CTOR = 8, NF_STATIC = 16, NF_COMPUTED = 32,
    NF_OPTIONAL = 64, NF_PREFIX = 128, NF_SHORTHAND = 256, NF_EXPRBODY = 512, NF_DERIVED = 1024,
    NF_GENERATOR = 2048, NF_PAREN = 4096,
    NF_DELEGATE = 8192 /* yield* */, NF_AWAIT_EACH = 16384 /* for await */,
    NF_STATIC_BLOCK = 32768
};

typedef struct Node Node;
struct Node {
    NodeKind kind;
    int line, col;
    char op[5];
    int flags;
    Node *a, *b, *c, *d;
    Node **list;
    int n;
    const char *str;   /* names, strings, a regexp's body (arena) */
    const char *str2;  /* a regexp's flags */
    const char *raw_src; /* a template chunk's text in the source (tagged templates' raw strings) */
    size_t slen;
    double num;
    int end_line;      /* functions: the line of the closing brace */
};

/* Parse src into a program (N_PROGRAM, list = statements). Returns NULL
 * with err filled on a syntax error or a refused feature. */
Node *js_parse(const Source *src, Arena *a, LangError *err);

#endif
