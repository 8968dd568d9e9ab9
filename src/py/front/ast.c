/* ast.c: names and a printed form for ast.h's nodes.
 * Owns: ast_kind_name and ast_dump, the S-expression rendering the parser
 * tests compare against. Leaves building the tree to parse.c.
 *
 * The format, one parenthesised form per node, fields in a fixed order and
 * optional parts left out when absent (a single space between items):
 *
 *   (module [(doc "...")] STMT...)
 * expressions
 *   (name ID) (int 42) (float 0.5) (str "text") (const None|True|False|...)
 *   (an int is negative only for -9223372036854775808, see parse.h)
 *   (fstr PART...)      PART is (str "...") or
 *                       (fmt VALUE [!r|!s|!a] [(spec PART...)] [(text "x=")])
 *   (binop OP A B)      OP: + - * / // % ** << >> & | ^ @
 *   (unary OP A)        OP: - + ~ not
 *   (boolop and|or A B...)
 *   (compare A OP B [OP C]...)  OP: == != < <= > >= in not-in is is-not
 *   (ifexp TEST BODY ORELSE)
 *   (call F ARG...)     ARG is an expression, (star X), (kw NAME X) or (dstar X)
 *   (attr X NAME) (sub X INDEX) (slice LO HI STEP), _ for an absent part
 *   (list X...) (tuple X...) (set X...) (dict ITEM...), ITEM: (pair K V) | (dstar M)
 *   (listcomp ELT CL...) (setcomp ELT CL...) (genexp ELT CL...) (dictcomp K V CL...)
 *   CL is (for TARGET ITER [(if COND)]...), or async-for
 *   (lambda (params P...) BODY) (await X) (yield [X]) (yield-from X) (star X)
 * statements
 *   (expr X) (assign TARGET... VALUE) (augassign OP= TARGET VALUE)
 *   (annassign TARGET ANNOTATION [VALUE])
 *   (if TEST (body S...) [(else S...)])  (while TEST (body S...) [(else S...)])
 *   (for TARGET ITER (body S...) [(else S...)]), or async-for
 *   (break) (continue) (pass) (return [X]) (raise [X [(from Y)]])
 *   (try (body S...) HANDLER... [(else S...)] [(finally S...)]), try* for except*
 *   HANDLER: (except [TYPE] [(as NAME)] (body S...))
 *   (with (item CTX [TARGET])... (body S...)), or async-with
 *   (def NAME [(decorators X...)] (params P...) [(returns X)] [(doc "...")]
 *        (body S...)), or async-def
 *   P: (param NAME [kwonly] [(ann X)] [(default X)]), NAME written *args or **kw
 *   (class NAME [(decorators X...)] [(bases X...)] (body S...))
 *   (global a b) (nonlocal a b) (import A...) (from MODULE A...)
 *   A: (alias dotted.name [asname])   (assert TEST [MSG]) (del TARGET...)
 *
 * Strings are quoted with \\ \" \n \t \r and \xHH for other control bytes;
 * bytes >= 0x80 are copied (the text is UTF-8). Floats use the shortest
 * %g form that reads back exactly, with ".0" added when it looks integral. */
#include "ast.h"

#include "../../base/base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const kind_names[N_KIND_COUNT] = {
    [N_NAME] = "name", [N_INT] = "int", [N_FLOAT] = "float", [N_STR] = "str",
    [N_BYTES] = "bytes", [N_FSTRING] = "fstring", [N_FORMATTED] = "formatted", [N_CONST] = "const",
    [N_BINOP] = "binop", [N_UNARYOP] = "unaryop", [N_BOOLOP] = "boolop",
    [N_COMPARE] = "compare", [N_IFEXP] = "ifexp", [N_NAMEDEXPR] = "namedexpr", [N_CALL] = "call",
    [N_KEYWORD] = "keyword", [N_STARRED] = "starred", [N_DOUBLESTAR] = "doublestar",
    [N_ATTR] = "attr", [N_SUBSCRIPT] = "subscript", [N_SLICE] = "slice",
    [N_LIST] = "list", [N_TUPLE] = "tuple", [N_SET] = "set", [N_DICT] = "dict",
    [N_LISTCOMP] = "listcomp", [N_SETCOMP] = "setcomp", [N_GENEXP] = "genexp",
    [N_DICTCOMP] = "dictcomp", [N_COMPFOR] = "compfor", [N_LAMBDA] = "lambda",
    [N_AWAIT] = "await", [N_YIELD] = "yield", [N_YIELDFROM] = "yieldfrom",
    [N_MODULE] = "module", [N_EXPR] = "expr", [N_ASSIGN] = "assign",
    [N_AUGASSIGN] = "augassign", [N_ANNASSIGN] = "annassign", [N_IF] = "if",
    [N_WHILE] = "while", [N_FOR] = "for", [N_BREAK] = "break",
    [N_CONTINUE] = "continue", [N_PASS] = "pass", [N_RETURN] = "return",
    [N_RAISE] = "raise", [N_TRY] = "try", [N_HANDLER] = "handler", [N_WITH] = "with",
    [N_WITHITEM] = "withitem", [N_FUNCDEF] = "funcdef", [N_PARAM] = "param",
    [N_CLASSDEF] = "classdef", [N_GLOBAL] = "global", [N_NONLOCAL] = "nonlocal",
    [N_IMPORT] = "import", [N_IMPORTFROM] = "importfrom", [N_ALIAS] = "alias",
    [N_ASSERT] = "assert", [N_DEL] = "del",
};

/* The head word of each node in ast_dump. */
static const char *const dump_labels[N_KIND_COUNT] = {
    [N_NAME] = "name", [N_INT] = "int", [N_FLOAT] = "float", [N_STR] = "str",
    [N_BYTES] = "bytes", [N_FSTRING] = "fstr", [N_FORMATTED] = "fmt", [N_CONST] = "const",
    [N_BINOP] = "binop", [N_UNARYOP] = "unary", [N_BOOLOP] = "boolop",
    [N_COMPARE] = "compare", [N_IFEXP] = "ifexp", [N_NAMEDEXPR] = "namedexpr", [N_CALL] = "call",
    [N_KEYWORD] = "kw", [N_STARRED] = "star", [N_DOUBLESTAR] = "dstar",
    [N_ATTR] = "attr", [N_SUBSCRIPT] = "sub", [N_SLICE] = "slice", [N_LIST] = "list",
    [N_TUPLE] = "tuple", [N_SET] = "set", [N_DICT] = "dict", [N_LISTCOMP] = "listcomp",
    [N_SETCOMP] = "setcomp", [N_GENEXP] = "genexp", [N_DICTCOMP] = "dictcomp",
    [N_COMPFOR] = "for", [N_LAMBDA] = "lambda", [N_AWAIT] = "await",
    [N_YIELD] = "yield", [N_YIELDFROM] = "yield-from", [N_MODULE] = "module",
    [N_EXPR] = "expr", [N_ASSIGN] = "assign", [N_AUGASSIGN] = "augassign",
    [N_ANNASSIGN] = "annassign", [N_IF] = "if", [N_WHILE] = "while", [N_FOR] = "for",
    [N_BREAK] = "break", [N_CONTINUE] = "continue", [N_PASS] = "pass",
    [N_RETURN] = "return", [N_RAISE] = "raise", [N_TRY] = "try",
    [N_HANDLER] = "except", [N_WITH] = "with", [N_WITHITEM] = "item",
    [N_FUNCDEF] = "def", [N_PARAM] = "param", [N_CLASSDEF] = "class",
    [N_GLOBAL] = "global", [N_NONLOCAL] = "nonlocal", [N_IMPORT] = "import",
    [N_IMPORTFROM] = "from", [N_ALIAS] = "alias", [N_ASSERT] = "assert", [N_DEL] = "del",
};

/* "N_CALL" -> "call", "N_COMPFOR" -> "compfor". */
const char *ast_kind_name(NodeKind k)
{
    if ((int)k < 0 || k >= N_KIND_COUNT || !kind_names[k])
        return "?";
    return kind_names[k];
}

static const char *op_symbol(Op op)
{
    switch (op) {
    case OP_ADD: return "+";
    case OP_SUB: return "-";
    case OP_MUL: return "*";
    case OP_DIV: return "/";
    case OP_FLOORDIV: return "//";
    case OP_MOD: return "%";
    case OP_POW: return "**";
    case OP_LSHIFT: return "<<";
    case OP_RSHIFT: return ">>";
    case OP_BITAND: return "&";
    case OP_BITOR: return "|";
    case OP_BITXOR: return "^";
    case OP_MATMUL: return "@";
    case OP_NEG: return "-";
    case OP_POS: return "+";
    case OP_INVERT: return "~";
    case OP_NOT: return "not";
    case OP_EQ: return "==";
    case OP_NE: return "!=";
    case OP_LT: return "<";
    case OP_LE: return "<=";
    case OP_GT: return ">";
    case OP_GE: return ">=";
    case OP_IN: return "in";
    case OP_NOTIN: return "not-in";
    case OP_IS: return "is";
    case OP_ISNOT: return "is-not";
    case OP_AND: return "and";
    case OP_OR: return "or";
    default: return "?";
    }
}

static void dump_quoted(Buf *out, const char *s, size_t n)
{
    buf_putc(out, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '\\': buf_puts(out, "\\\\"); break;
        case '"': buf_puts(out, "\\\""); break;
        case '\n': buf_puts(out, "\\n"); break;
        case '\t': buf_puts(out, "\\t"); break;
        case '\r': buf_puts(out, "\\r"); break;
        default:
            if (c < 0x20 || c == 0x7F)
                buf_printf(out, "\\x%02x", c);
            else
                buf_putc(out, (char)c);
        }
    }
    buf_putc(out, '"');
}

static void dump_float(Buf *out, double v)
{
    char tmp[64];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*g", prec, v);
        if (strtod(tmp, NULL) == v)
            break;
    }
    buf_puts(out, tmp);
    if (!strpbrk(tmp, ".eni"))
        buf_puts(out, ".0");
}

static void dump(const Node *n, Buf *out);

/* " X" for a child, " _" when it is absent. */
static void child(const Node *n, Buf *out)
{
    buf_putc(out, ' ');
    if (n)
        dump(n, out);
    else
        buf_putc(out, '_');
}

static void opt_child(const Node *n, Buf *out)
{
    if (n)
        child(n, out);
}

static void items(const NodeList *l, Buf *out)
{
    for (int i = 0; i < l->len; i++)
        child(l->items[i], out);
}

/* " (tag X...)"; with always, written even when empty. */
static void tagged(const char *tag, const NodeList *l, int always, Buf *out)
{
    if (!l->len && !always)
        return;
    buf_printf(out, " (%s", tag);
    items(l, out);
    buf_putc(out, ')');
}

static void tagged_one(const char *tag, const Node *n, Buf *out)
{
    if (!n)
        return;
    buf_printf(out, " (%s", tag);
    child(n, out);
    buf_putc(out, ')');
}

static void dump(const Node *n, Buf *out)
{
    const char *name = dump_labels[n->kind];
    int async = (n->flags & F_ASYNC) != 0;
    switch (n->kind) {
    case N_FOR: case N_WITH: case N_FUNCDEF: case N_COMPFOR:
        buf_printf(out, async ? "(async-%s" : "(%s", name);
        break;
    case N_TRY:
        buf_puts(out, n->flags & F_STAR ? "(try*" : "(try");
        break;
    default:
        buf_printf(out, "(%s", name);
    }
    switch (n->kind) {
    case N_NAME:
        buf_printf(out, " %s", n->str);
        break;
    case N_INT:
        buf_printf(out, " %lld", (long long)n->ival);
        break;
    case N_FLOAT:
        buf_putc(out, ' ');
        dump_float(out, n->fval);
        break;
    case N_STR:
    case N_BYTES:
        buf_putc(out, ' ');
        dump_quoted(out, n->str, n->len);
        break;
    case N_FSTRING:
        items(&n->list, out);
        break;
    case N_FORMATTED:
        child(n->a, out);
        if (n->op)
            buf_printf(out, " !%c", (char)n->op);
        if (n->b) {
            buf_puts(out, " (spec");
            items(&n->b->list, out);
            buf_putc(out, ')');
        }
        if (n->str) {
            buf_puts(out, " (text ");
            dump_quoted(out, n->str, n->len);
            buf_putc(out, ')');
        }
        break;
    case N_CONST: {
        static const char *const names[] = {"None", "True", "False", "..."};
        buf_printf(out, " %s", names[n->op <= 3 ? n->op : 0]);
        break;
    }
    case N_BINOP:
        buf_printf(out, " %s", op_symbol(n->op));
        child(n->a, out);
        child(n->b, out);
        break;
    case N_UNARYOP:
        buf_printf(out, " %s", op_symbol(n->op));
        child(n->a, out);
        break;
    case N_BOOLOP:
        buf_printf(out, " %s", op_symbol(n->op));
        items(&n->list, out);
        break;
    case N_COMPARE:
        child(n->a, out);
        for (int i = 0; i < n->list.len; i++) {
            buf_printf(out, " %s", op_symbol(n->ops[i]));
            child(n->list.items[i], out);
        }
        break;
    case N_IFEXP:
        child(n->a, out);
        child(n->b, out);
        child(n->c, out);
        break;
    case N_NAMEDEXPR:
        child(n->a, out);
        child(n->b, out);
        break;
    case N_CALL:
        child(n->a, out);
        items(&n->list, out);
        break;
    case N_KEYWORD:
        buf_printf(out, " %s", n->str);
        child(n->a, out);
        break;
    case N_STARRED: case N_DOUBLESTAR: case N_AWAIT: case N_YIELDFROM: case N_EXPR:
        child(n->a, out);
        break;
    case N_YIELD: case N_RETURN:
        opt_child(n->a, out);
        break;
    case N_ATTR:
        child(n->a, out);
        buf_printf(out, " %s", n->str);
        break;
    case N_SUBSCRIPT:
        child(n->a, out);
        child(n->b, out);
        break;
    case N_SLICE:
        child(n->a, out);
        child(n->b, out);
        child(n->c, out);
        break;
    case N_LIST: case N_TUPLE: case N_SET: case N_DEL:
        items(&n->list, out);
        break;
    case N_DICT:
        for (int i = 0; i < n->list.len; i++) {
            if (n->list.items[i]) {
                buf_puts(out, " (pair");
                child(n->list.items[i], out);
            } else {
                buf_puts(out, " (dstar");
            }
            child(n->list2.items[i], out);
            buf_putc(out, ')');
        }
        break;
    case N_LISTCOMP: case N_SETCOMP: case N_GENEXP:
        child(n->a, out);
        items(&n->list, out);
        break;
    case N_DICTCOMP:
        child(n->a, out);
        child(n->b, out);
        items(&n->list, out);
        break;
    case N_COMPFOR:
        child(n->a, out);
        child(n->b, out);
        for (int i = 0; i < n->list.len; i++)
            tagged_one("if", n->list.items[i], out);
        break;
    case N_LAMBDA:
        tagged("params", &n->list, 1, out);
        child(n->a, out);
        break;
    case N_MODULE:
        if (n->str) {
            buf_puts(out, " (doc ");
            dump_quoted(out, n->str, strlen(n->str));
            buf_putc(out, ')');
        }
        items(&n->list, out);
        break;
    case N_ASSIGN:
        items(&n->list, out);
        child(n->a, out);
        break;
    case N_AUGASSIGN:
        buf_printf(out, " %s=", op_symbol(n->op));
        child(n->a, out);
        child(n->b, out);
        break;
    case N_ANNASSIGN:
        child(n->a, out);
        child(n->b, out);
        opt_child(n->c, out);
        break;
    case N_IF: case N_WHILE:
        child(n->a, out);
        tagged("body", &n->list, 1, out);
        tagged("else", &n->list2, 0, out);
        break;
    case N_FOR:
        child(n->a, out);
        child(n->b, out);
        tagged("body", &n->list, 1, out);
        tagged("else", &n->list2, 0, out);
        break;
    case N_BREAK: case N_CONTINUE: case N_PASS:
        break;
    case N_RAISE:
        opt_child(n->a, out);
        tagged_one("from", n->b, out);
        break;
    case N_TRY:
        tagged("body", &n->list, 1, out);
        items(&n->list2, out);
        tagged("else", &n->list3, 0, out);
        tagged("finally", &n->list4, 0, out);
        break;
    case N_HANDLER:
        opt_child(n->a, out);
        if (n->str)
            buf_printf(out, " (as %s)", n->str);
        tagged("body", &n->list, 1, out);
        break;
    case N_WITH:
        items(&n->list, out);
        tagged("body", &n->list2, 1, out);
        break;
    case N_WITHITEM:
        child(n->a, out);
        opt_child(n->b, out);
        break;
    case N_FUNCDEF:
        buf_printf(out, " %s", n->str);
        tagged("decorators", &n->list3, 0, out);
        tagged("params", &n->list, 1, out);
        tagged_one("returns", n->b, out);
        if (n->c) {
            buf_puts(out, " (doc ");
            dump_quoted(out, n->c->str, n->c->len);
            buf_putc(out, ')');
        }
        tagged("body", &n->list2, 1, out);
        break;
    case N_PARAM:
        buf_printf(out, " %s%s", n->flags & F_VARARGS ? "*" : n->flags & F_KWARGS ? "**" : "",
                   n->str);
        if (n->flags & F_KWONLY)
            buf_puts(out, " kwonly");
        tagged_one("ann", n->b, out);
        tagged_one("default", n->a, out);
        break;
    case N_CLASSDEF:
        buf_printf(out, " %s", n->str);
        tagged("decorators", &n->list3, 0, out);
        tagged("bases", &n->list, 0, out);
        tagged("body", &n->list2, 1, out);
        break;
    case N_GLOBAL: case N_NONLOCAL:
        for (int i = 0; i < n->list.len; i++)
            buf_printf(out, " %s", n->list.items[i]->str);
        break;
    case N_IMPORT:
        items(&n->list, out);
        break;
    case N_IMPORTFROM:
        buf_printf(out, " %s", n->str);
        items(&n->list, out);
        break;
    case N_ALIAS:
        buf_printf(out, " %s", n->str);
        if (n->str2)
            buf_printf(out, " %s", n->str2);
        break;
    case N_ASSERT:
        child(n->a, out);
        opt_child(n->b, out);
        break;
    default:
        break;
    }
    buf_putc(out, ')');
}

void ast_dump(const Node *n, Buf *out)
{
    if (!n) {
        buf_puts(out, "_");
        return;
    }
    dump(n, out);
}
