/* parse_fstring.c: string literals in the parser.
 * Owns: implicit concatenation of adjacent strings and f-string bodies:
 * splitting them into literal and formatted parts (with fscan.h), parsing
 * each replacement field's expression by a nested parse over the same
 * Arena, conversions, format specs and the f-string error messages.
 * Leaves to parse_expr.c the expressions themselves and to parse.c errors,
 * tokens and nodes (shared through parse_int.h). */
#include "parse_int.h"

#include "fscan.h"

#include <ctype.h>
#include <string.h>

/* An f-string body being split: its text, whether it is raw, and a cursor
 * (at, line, col) that turns pointers into source positions. */
typedef struct FScan {
    const char *begin, *end;
    int raw;
    int line0, col0;        /* position of begin */
    const char *at;
    int line, col;          /* position of at */
} FScan;

static void fs_pos(FScan *fs, const char *ptr, int *line, int *col)
{
    if (ptr < fs->at) {
        fs->at = fs->begin;
        fs->line = fs->line0;
        fs->col = fs->col0;
    }
    lex_advance_pos(fs->at, ptr, &fs->line, &fs->col);
    fs->at = ptr;
    *line = fs->line;
    *col = fs->col;
}

static LS_NORETURN void fs_fail(Parser *p, FScan *fs, const char *at, const char *msg)
{
    int line, col;
    fs_pos(fs, at, &line, &col);
    parse_fail(p, line, col, "%s", msg);
}

/* Append the literal text [a, b) as an N_STR part, decoding escapes. */
static void fs_literal(Parser *p, FScan *fs, const char *a, const char *b, Vec *parts)
{
    if (a >= b)
        return;
    int line, col;
    fs_pos(fs, a, &line, &col);
    Node *n = node_new(p, N_STR, line, col);
    size_t len = (size_t)(b - a);
    if (fs->raw || !memchr(a, '\\', len)) {
        n->str = arena_strndup(p->arena, a, len);
        n->len = len;
    } else {
        char *out = arena_alloc(p->arena, len + 1);
        const char *bad = NULL;
        char msg[200];
        const char *invalid = NULL;
        if (lex_unescape(a, len, out, &n->len, &bad, msg, sizeof msg, &invalid) <= 0)
            fs_fail(p, fs, bad, msg);
        if (invalid) {
            int wl, wc;
            fs_pos(fs, invalid, &wl, &wc);
            lex_warn_escape(p->main_lx, wl, invalid);
        }
        n->str = out;
    }
    fs_pos(fs, b, &n->end_line, &n->end_col);
    vec_push(p, parts, n);
}

/* Parse text [a, b) of the enclosing source as an f-string expression. */
static Node *fs_expression(Parser *p, FScan *fs, const char *a, const char *b)
{
    int line, col;
    fs_pos(fs, a, &line, &col);
    Lexer sub;
    lex_init_fexpr(&sub, a, (size_t)(b - a), line, col, p->arena);
    sub.warns = p->main_lx->warns;
    Lexer *saved = p->lx;
    int end_line = p->end_line, end_col = p->end_col;
    p->lx = &sub;
    p->fdepth++;
    if (lex_next(&sub) == T_ERROR)
        lex_error_raise(p);
    Node *n = tk(p) == T_YIELD ? yield_expr(p) : star_expressions(p);
    if (n->kind == N_STARRED)   /* 3.11 parses "(*a)" */
        parse_fail(p, n->line, n->col, "cannot use starred expression here");
    if (tk(p) != T_ENDMARKER) {
        /* 3.11 parses the text in parentheses, hence the comma hint */
        Node *last = n;
        if (n->kind == N_TUPLE && !(n->flags & F_PAREN) && n->list.len)
            last = n->list.items[n->list.len - 1];
        expect_close(p, T_ENDMARKER, last);
    }
    p->fdepth--;
    p->lx = saved;
    p->end_line = end_line;
    p->end_col = end_col;
    return n;
}

static const char *fs_parts(Parser *p, FScan *fs, const char *s, int level, Vec *parts);

/* A replacement field; s is at its '{'. Returns the text after its '}'.
 * replacement_field: '{' expression ['='] ['!' conversion] [':' format_spec] '}'
 * The expression ends at the first '!', ':', '}' or '=' outside brackets
 * and strings ('!=', '==', '<=' and '>=' do not end it), as in 3.11. */
static const char *fs_field(Parser *p, FScan *fs, const char *s, int level, Vec *parts)
{
    const char *end = fs->end;
    if (level >= 2 && !fscan_pep701())
        fs_fail(p, fs, s, "f-string: expressions nested too deeply");
    int line, col;
    fs_pos(fs, s, &line, &col);
    Node *f = node_new(p, N_FORMATTED, line, col);
    char stack[PARSE_MAX_DEPTH];
    int depth = 0, triple = 0;
    char quote = 0;
    const char *e = s + 1;
    if (fscan_pep701()) /* 3.12: strings in any quotes, backslashes, comments */
        e = fscan_expr_end(s + 1, end);
    else for (; e < end; e++) {
        char ch = *e;
        if (ch == '\\')
            fs_fail(p, fs, e, "f-string expression part cannot include a backslash");
        if (quote) {
            if (ch == quote) {
                if (!triple)
                    quote = 0;
                else if (e + 2 < end && e[1] == quote && e[2] == quote) {
                    e += 2;
                    quote = 0;
                }
            }
            continue;
        }
        if (ch == '\'' || ch == '"') {
            triple = e + 2 < end && e[1] == ch && e[2] == ch;
            if (triple)
                e += 2;
            quote = ch;
        } else if (ch == '(' || ch == '[' || ch == '{') {
            if (depth >= PARSE_MAX_DEPTH)
                fs_fail(p, fs, e, "too deeply nested (loopscope's limit is 200 levels)");
            stack[depth++] = ch;
        } else if (ch == '#') {
            fs_fail(p, fs, e, "f-string expression part cannot include '#'");
        } else if (depth == 0 && strchr("!:}=<>", ch)) {
            if (e + 1 < end && e[1] == '=' && ch != ':' && ch != '}') {
                e++;
                continue;
            }
            if (ch == '<' || ch == '>')
                continue;
            break;
        } else if (ch == ')' || ch == ']' || ch == '}') {
            char msg[96];
            if (depth == 0) {
                snprintf(msg, sizeof msg, "f-string: unmatched '%c'", ch);
                fs_fail(p, fs, e, msg);
            }
            char o = stack[--depth];
            if ((o == '(') != (ch == ')') || (o == '[') != (ch == ']')) {
                snprintf(msg, sizeof msg,
                         "f-string: closing parenthesis '%c' does not match "
                         "opening parenthesis '%c'", ch, o);
                fs_fail(p, fs, e, msg);
            }
        }
    }
    if (quote)
        fs_fail(p, fs, s, "f-string: unterminated string");
    if (depth) {
        char msg[64];
        snprintf(msg, sizeof msg, "f-string: unmatched '%c'", stack[depth - 1]);
        fs_fail(p, fs, s, msg);
    }
    if (e >= end)
        fs_fail(p, fs, e, "f-string: expecting '}'");
    const char *q = s + 1;
    while (q < e && isspace((unsigned char)*q))
        q++;
    if (q == e) {
        if (*e == '}')
            fs_fail(p, fs, e, fscan_pep701() ? "f-string: valid expression required before '}'"
                                             : "f-string: empty expression not allowed");
        char msg[64];
        snprintf(msg, sizeof msg, "f-string: expression required before '%c'", *e);
        fs_fail(p, fs, e, msg);
    }
    f->a = fs_expression(p, fs, s + 1, e);
    if (*e == '=') {
        e++;
        while (e < end && isspace((unsigned char)*e))
            e++;
        if (e >= end)
            fs_fail(p, fs, e, "f-string: expecting '}'");
        f->str = arena_strndup(p->arena, s + 1, (size_t)(e - (s + 1)));
        f->len = (size_t)(e - (s + 1));
    }
    if (*e == '!') {
        e++;
        if (e >= end)
            fs_fail(p, fs, e, "f-string: expecting '}'");
        if (*e != 's' && *e != 'r' && *e != 'a') {
            char msg[96];
            snprintf(msg, sizeof msg, "f-string: invalid conversion character '%c': expected 's', 'r', or 'a'",
                     *e);
            fs_fail(p, fs, e, fscan_pep701() && *e != '}' ? msg
                    : "f-string: invalid conversion character: expected 's', 'r', or 'a'");
        }
        f->op = (Op)*e;
        e++;
        if (e >= end)
            fs_fail(p, fs, e, "f-string: expecting '}'");
    }
    if (*e == ':') {
        e++;
        if (e >= end)
            fs_fail(p, fs, e, "f-string: expecting '}'");
        int sl, sc;
        fs_pos(fs, e, &sl, &sc);
        Node *spec = node_new(p, N_FSTRING, sl, sc);
        Vec sp = {0};
        e = fs_parts(p, fs, e, level + 1, &sp);
        spec->list = vec_list(&sp);
        fs_pos(fs, e, &spec->end_line, &spec->end_col);
        f->b = spec;
    }
    if (e >= end || *e != '}')
        fs_fail(p, fs, e, "f-string: expecting '}'");
    e++;
    if (f->str && !f->b && !f->op)
        f->op = (Op)'r';
    fs_pos(fs, e, &f->end_line, &f->end_col);
    vec_push(p, parts, f);
    return e;
}

/* The literal text and replacement fields from s: to the end of the body
 * (level 0) or to the '}' closing a format spec (level 1, where '{{' and
 * '}}' are not escapes, as in 3.11). Returns where it stopped. */
static const char *fs_parts(Parser *p, FScan *fs, const char *s, int level, Vec *parts)
{
    const char *end = fs->end, *lit = s;
    while (s < end) {
        char c = *s;
        if (c == '\\' && !fs->raw && s + 1 < end) {
            if (s[1] == 'N' && s + 2 < end && s[2] == '{') {
                /* \N{NAME}: its braces are not a field (the escape itself
                 * is refused when the literal is decoded) */
                s += 3;
                while (s < end && *s != '}')
                    s++;
                if (s < end)
                    s++;
                continue;
            }
            s += (s[1] == '{' || s[1] == '}') ? 1 : 2;
            continue;
        }
        if (c == '{') {
            if (level == 0 && s + 1 < end && s[1] == '{') {
                fs_literal(p, fs, lit, s + 1, parts);
                s += 2;
                lit = s;
                continue;
            }
            fs_literal(p, fs, lit, s, parts);
            s = fs_field(p, fs, s, level, parts);
            lit = s;
            continue;
        }
        if (c == '}') {
            if (level > 0)
                break;
            if (s + 1 < end && s[1] == '}') {
                fs_literal(p, fs, lit, s + 1, parts);
                s += 2;
                lit = s;
                continue;
            }
            fs_fail(p, fs, s, "f-string: single '}' is not allowed");
        }
        s++;
    }
    fs_literal(p, fs, lit, s, parts);
    return s;
}

/* Join adjacent N_STR parts into one (the literal pieces of "a" f"{x}b"
 * "c" and of '{{' escapes), in place. */
static NodeList merge_literals(Parser *p, const Vec *parts)
{
    Vec out = {0};
    for (int i = 0; i < parts->len; i++) {
        Node *n = parts->items[i];
        if (n->kind != N_STR || i + 1 >= parts->len || parts->items[i + 1]->kind != N_STR) {
            vec_push(p, &out, n);
            continue;
        }
        int j = i;
        size_t len = 0;
        while (j < parts->len && parts->items[j]->kind == N_STR)
            len += parts->items[j++]->len;
        char *buf = arena_alloc(p->arena, len + 1);
        size_t w = 0;
        for (int k = i; k < j; k++) {
            memcpy(buf + w, parts->items[k]->str, parts->items[k]->len);
            w += parts->items[k]->len;
        }
        Node *m = node_span(p, N_STR, n, parts->items[j - 1]);
        m->str = buf;
        m->len = len;
        vec_push(p, &out, m);
        i = j - 1;
    }
    return vec_list(&out);
}

/* strings: (STRING | FSTRING)+
 * Adjacent literals concatenate: all plain gives one N_STR, all bytes one
 * N_BYTES, any f-string one N_FSTRING; bytes beside others is an error. */
Node *strings(Parser *p)
{
    Node *n = node_tok(p, N_STR);
    Vec parts = {0};
    int any_f = 0, bytes = tk(p) == T_STRING && (TK.sflags & S_BYTES), mixed = 0;
    while (tk(p) == T_STRING || tk(p) == T_FSTRING) {
        if (TK.unsupported)
            parse_fail(p, TK.bad_line, TK.bad_col, "%s", TK.unsupported);
        if (bytes != (tk(p) == T_STRING && (TK.sflags & S_BYTES)))
            mixed = 1;
        if (tk(p) == T_STRING) {
            Node *s = node_tok(p, N_STR);
            s->str = TK.str;
            s->len = TK.len;
            s->end_line = TK.end_line;
            s->end_col = TK.end_col;
            vec_push(p, &parts, s);
        } else {
            any_f = 1;
            FScan fs = {0};
            fs.begin = fs.at = TK.body;
            fs.end = TK.body + TK.len;
            fs.raw = (TK.sflags & S_RAW) != 0;
            fs.line0 = fs.line = TK.body_line;
            fs.col0 = fs.col = TK.body_col;
            fs_parts(p, &fs, fs.begin, 0, &parts);
        }
        advance(p);
    }
    finish(p, n);
    if (mixed) /* CPython points just past the last literal */
        parse_fail(p, n->end_line, n->end_col, "cannot mix bytes and nonbytes literals");
    if (bytes)
        n->kind = N_BYTES;
    if (!any_f) {
        if (parts.len == 1) {
            n->str = parts.items[0]->str;
            n->len = parts.items[0]->len;
            return n;
        }
        NodeList l = merge_literals(p, &parts);
        /* NOLINTNEXTLINE(clang-analyzer-core.NullDereference): strings() starts at a string token, so parts is non-empty, and all-N_STR parts merge to one node */
        n->str = l.items[0]->str;
        n->len = l.items[0]->len;
        return n;
    }
    n->kind = N_FSTRING;
    Vec nonempty = {0};
    NodeList l = merge_literals(p, &parts);
    for (int i = 0; i < l.len; i++)
        if (l.items[i]->kind != N_STR || l.items[i]->len > 0)
            vec_push(p, &nonempty, l.items[i]);
    n->list = vec_list(&nonempty);
    return n;
}
