/* lex.c: the JavaScript tokenizer. See lex.h. */
#include "lex.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct Lexer {
    const Source *src;
    const char *p, *end, *line_start;
    int line;
    Arena *a;
    LangError *err;
    Token *toks;
    int n, cap;
    int braces[64];   /* brace depth at each open template substitution */
    int nbraces, depth;
} Lexer;

static int col_of(const Lexer *L, const char *at)
{
    int c = 1;
    for (const char *q = L->line_start; q < at; q++)
        c += ((unsigned char)*q & 0xc0) != 0x80;
    return c;
}

static int fail(Lexer *L, const char *at, const char *msg)
{
    return lang_error(L->err, L->line, col_of(L, at), "%s", msg) - 1;
}

static Token *push(Lexer *L, JsTok kind, const char *at, bool nl)
{
    if (L->n == L->cap) {
        int nc = L->cap ? L->cap * 2 : 256;
        Token *t = arena_alloc(L->a, (size_t)nc * sizeof(Token));
        if (L->n)
            memcpy(t, L->toks, (size_t)L->n * sizeof(Token));
        L->toks = t;
        L->cap = nc;
    }
    Token *t = &L->toks[L->n++];
    memset(t, 0, sizeof *t);
    t->kind = kind;
    t->line = L->line;
    t->col = col_of(L, at);
    t->nl_before = nl;
    t->src = at;
    return t;
}

static bool is_id_start(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || c >= 0x80;
}

static bool is_id_char(unsigned char c)
{
    return is_id_start(c) || (c >= '0' && c <= '9');
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (char)(c | 32);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* One escape after a backslash at *pp (pointing past the backslash). */
static int escape(Lexer *L, const char **pp, Buf *b)
{
    const char *p = *pp;
    char c = *p++;
    switch (c) {
    case 'n': buf_putc(b, '\n'); break;
    case 't': buf_putc(b, '\t'); break;
    case 'r': buf_putc(b, '\r'); break;
    case 'b': buf_putc(b, '\b'); break;
    case 'f': buf_putc(b, '\f'); break;
    case 'v': buf_putc(b, '\v'); break;
    case '0':
        if (*p >= '0' && *p <= '9')
            return fail(L, p - 2, "SyntaxError: Octal escape sequences are not allowed");
        buf_putc(b, '\0');
        break;
    case '\n':
        L->line++;
        L->line_start = p;
        break;
    case 'x': {
        int h1 = hexval(p[0]), h2 = h1 >= 0 ? hexval(p[1]) : -1;
        if (h2 < 0)
            return fail(L, p - 2, "SyntaxError: Invalid hexadecimal escape sequence");
        buf_put_utf8(b, (uint32_t)(h1 * 16 + h2));
        p += 2;
        break;
    }
    case 'u': {
        uint32_t cp = 0;
        if (*p == '{') {
            p++;
            int k = 0;
            while (hexval(*p) >= 0 && k < 8)
                cp = cp * 16 + (uint32_t)hexval(*p++), k++;
            if (*p != '}' || k == 0 || cp > 0x10FFFF)
                return fail(L, *pp - 1, "SyntaxError: Invalid Unicode escape sequence");
            p++;
        } else {
            for (int i = 0; i < 4; i++) {
                int h = hexval(p[i]);
                if (h < 0)
                    return fail(L, *pp - 1, "SyntaxError: Invalid Unicode escape sequence");
                cp = cp * 16 + (uint32_t)h;
            }
            p += 4;
            /* a surrogate pair written as two escapes */
            if (cp >= 0xD800 && cp <= 0xDBFF && p[0] == '\\' && p[1] == 'u') {
                uint32_t lo = 0;
                bool ok = true;
                for (int i = 0; i < 4; i++) {
                    int h = hexval(p[2 + i]);
                    if (h < 0)
                        ok = false;
                    else
                        lo = lo * 16 + (uint32_t)h;
                }
                if (ok && lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    p += 6;
                }
            }
        }
        buf_put_utf8(b, cp);
        break;
    }
    default:
        if (c == 0 && p > L->end)
            return fail(L, p - 2, "SyntaxError: Invalid or unexpected token");
        buf_putc(b, c);
        break;
    }
    *pp = p;
    return 0;
}

/* A template chunk from just after ` or } up to ${ or `. */
static int template_chunk(Lexer *L, const char *start, bool opened_by_backtick, bool nl)
{
    const char *p = start;
    Buf b;
    buf_init(&b);
    int line = L->line, col = col_of(L, start - 1);
    for (;;) {
        if (p >= L->end) {
            buf_free(&b);
            return fail(L, start - 1, "SyntaxError: Unterminated template literal");
        }
        char c = *p;
        if (c == '`') {
            p++;
            break;
        }
        if (c == '$' && p[1] == '{') {
            p += 2;
            break;
        }
        if (c == '\\') {
            p++;
            if (escape(L, &p, &b) < 0) {
                buf_free(&b);
                return -1;
            }
            continue;
        }
        if (c == '\n') {
            L->line++;
            L->line_start = p + 1;
        }
        buf_putc(&b, c);
        p++;
    }
    bool tail = p[-1] == '`';
    JsTok kind = opened_by_backtick ? (tail ? TK_TEMPLATE : TK_THEAD) : (tail ? TK_TTAIL : TK_TMIDDLE);
    Token *t = push(L, kind, start, nl);
    t->line = line;
    t->col = col;
    t->str = arena_strndup(L->a, b.s, b.len);
    t->slen = b.len;
    buf_free(&b);
    if (!tail) {
        if (L->nbraces == 64)
            return fail(L, p, "templates nested too deeply");
        L->braces[L->nbraces++] = L->depth;
    }
    L->p = p;
    return 0;
}

static const char *const puncts[] = {
    ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "?\?=", "=>", "==", "!=", "<=", ">=",
    "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>", "**",
    "{", "}", "(", ")", "[", "]", ";", ",", "<", ">", "+", "-", "*", "/", "%", "&", "|", "^", "!", "~",
    "?", ":", "=", ".", "@", "#",
};

/* Does the previous token end an expression (so '/' divides)? */
static bool prev_ends_value(const Lexer *L)
{
    if (L->n == 0)
        return false;
    const Token *t = &L->toks[L->n - 1];
    switch (t->kind) {
    case TK_NUM:
    case TK_STR:
    case TK_TEMPLATE:
    case TK_TTAIL:
    case TK_REGEXP:
        return true;
    case TK_NAME: {
        static const char *const kw[] = {"return", "typeof", "case", "do", "else", "in", "instanceof",
                                         "new", "delete", "void", "throw", "yield", "await", "of"};
        for (size_t i = 0; i < sizeof kw / sizeof kw[0]; i++)
            if (!strcmp(t->str, kw[i]))
                return false;
        return true;
    }
    case TK_PUNCT:
        return !strcmp(t->op, ")") || !strcmp(t->op, "]") || !strcmp(t->op, "}") || !strcmp(t->op, "++") ||
               !strcmp(t->op, "--");
    default:
        return false;
    }
}

static int number(Lexer *L, bool nl)
{
    const char *s = L->p, *p = s;
    double v = 0;
    Buf b;
    buf_init(&b);
    if (p[0] == '0' && strchr("xXoObB", p[1]) && p[1]) {
        int base = (p[1] | 32) == 'x' ? 16 : (p[1] | 32) == 'o' ? 8 : 2;
        p += 2;
        int k = 0;
        for (;; p++) {
            if (*p == '_')
                continue;
            int d = hexval(*p);
            if (d < 0 || d >= base)
                break;
            v = v * base + d;
            k++;
        }
        if (!k) {
            buf_free(&b);
            return fail(L, s, "SyntaxError: Invalid or unexpected token");
        }
    } else {
        while ((*p >= '0' && *p <= '9') || *p == '_' || *p == '.' || ((*p | 32) == 'e') ||
               (((p[-1] | 32) == 'e') && (*p == '+' || *p == '-') && p > s)) {
            if (*p == '.' && (memchr(b.s, '.', b.len) || memchr(b.s, 'e', b.len) || memchr(b.s, 'E', b.len)))
                break;
            if ((*p | 32) == 'e' && !(p[1] >= '0' && p[1] <= '9') && !((p[1] == '+' || p[1] == '-') && p[2] >= '0' && p[2] <= '9'))
                break;
            if (*p != '_')
                buf_putc(&b, *p);
            p++;
        }
        v = strtod(b.s, NULL);
        if (b.len > 1 && b.s[0] == '0' && b.s[1] >= '0' && b.s[1] <= '9') {
            buf_free(&b);
            return fail(L, s, "SyntaxError: Octal literals are not allowed");
        }
    }
    bool fraction = memchr(b.s, '.', b.len) || ((s[1] | 32) != 'x' && (memchr(b.s, 'e', b.len) || memchr(b.s, 'E', b.len)));
    buf_free(&b);
    const char *big = NULL;
    if (*p == 'n') {
        /* a BigInt literal: str keeps its digits (prefix included, no '_') */
        if (fraction || (p - s > 1 && s[0] == '0' && s[1] >= '0' && s[1] <= '9'))
            return fail(L, s, "SyntaxError: Invalid or unexpected token");
        Buf d;
        buf_init(&d);
        for (const char *q = s; q < p; q++)
            if (*q != '_')
                buf_putc(&d, *q);
        big = arena_strndup(L->a, d.s, d.len);
        buf_free(&d);
        p++;
    }
    if (is_id_char((unsigned char)*p))
        return fail(L, p, "SyntaxError: Invalid or unexpected token");
    Token *t = push(L, TK_NUM, s, nl);
    t->num = v;
    t->str = big;
    L->p = p;
    return 0;
}

/* /body/flags at p: a TK_REGEXP token (the pattern itself is checked by
 * the compiler, which reports Node's message for a bad one). */
static int regexp_literal(Lexer *L, const char *p, bool nl)
{
    const char *q = p + 1;
    bool in_class = false;
    for (;; q++) {
        if (q >= L->end || *q == '\n' || *q == '\r')
            return fail(L, p, "SyntaxError: Invalid regular expression: missing /");
        if (*q == '\\') {
            if (q + 1 >= L->end || q[1] == '\n')
                return fail(L, p, "SyntaxError: Invalid regular expression: missing /");
            q++;
            continue;
        }
        if (*q == '[')
            in_class = true;
        else if (*q == ']')
            in_class = false;
        else if (*q == '/' && !in_class)
            break;
    }
    const char *f = q + 1, *fe = f;
    while (fe < L->end && is_id_char((unsigned char)*fe))
        fe++;
    for (const char *k = f; k < fe; k++)
        if (!strchr("dgimsuy", *k) || memchr(k + 1, *k, (size_t)(fe - k - 1)))
            return fail(L, p, "SyntaxError: Invalid regular expression flags");
    Token *t = push(L, TK_REGEXP, p, nl);
    t->str = arena_strndup(L->a, p + 1, (size_t)(q - p - 1));
    t->slen = (size_t)(q - p - 1);
    t->regexp_flags = arena_strndup(L->a, f, (size_t)(fe - f));
    L->p = fe;
    return 0;
}

int js_lex(const Source *src, Arena *a, Token **toks, LangError *err)
{
    Lexer L = {.src = src, .p = src->text, .end = src->text + src->len, .line_start = src->text, .line = 1,
               .a = a, .err = err};
    bool nl = true;
    /* a #! line is allowed, as in Node */
    if (L.p[0] == '#' && L.p[1] == '!')
        while (L.p < L.end && *L.p != '\n')
            L.p++;
    for (;;) {
        const char *p = L.p;
        if (L.n && !L.toks[L.n - 1].src_end)
            L.toks[L.n - 1].src_end = p;
        if (p >= L.end) {
            if (L.nbraces)
                return fail(&L, p, "SyntaxError: Unterminated template literal");
            push(&L, TK_EOF, p, true);
            break;
        }
        unsigned char c = (unsigned char)*p;
        if (c == 0)
            return fail(&L, p, "SyntaxError: Invalid or unexpected token (a NUL byte)");
        if (c == '\n') {
            L.line++;
            L.p = p + 1;
            L.line_start = L.p;
            nl = true;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f') {
            L.p++;
            continue;
        }
        if (c == 0xc2 && (unsigned char)p[1] == 0xa0) { /* no-break space */
            L.p += 2;
            continue;
        }
        if (c == 0xef && (unsigned char)p[1] == 0xbb && (unsigned char)p[2] == 0xbf) {
            L.p += 3;
            continue;
        }
        if (c == '/' && p[1] == '/') {
            while (L.p < L.end && *L.p != '\n')
                L.p++;
            continue;
        }
        if (c == '/' && p[1] == '*') {
            const char *q = p + 2;
            while (q < L.end && !(q[0] == '*' && q[1] == '/')) {
                if (*q == '\n') {
                    L.line++;
                    L.line_start = q + 1;
                    nl = true;
                }
                q++;
            }
            if (q >= L.end)
                return fail(&L, p, "SyntaxError: Invalid or unexpected token (an unterminated comment)");
            L.p = q + 2;
            continue;
        }
        if ((c >= '0' && c <= '9') || (c == '.' && p[1] >= '0' && p[1] <= '9')) {
            if (number(&L, nl) < 0)
                return -1;
            nl = false;
            continue;
        }
        if (is_id_start(c) || c == '\\' || (c == '#' && p + 1 < L.end && is_id_start((unsigned char)p[1]))) {
            /* a name, or a class's private name (#x) */
            if (c == '\\')
                return fail(&L, p, "SyntaxError: Invalid or unexpected token (escapes in names are not supported)");
            const char *q = c == '#' ? p + 1 : p;
            while (q < L.end && is_id_char((unsigned char)*q))
                q++;
            Token *t = push(&L, TK_NAME, p, nl);
            t->str = arena_strndup(a, p, (size_t)(q - p));
            t->slen = (size_t)(q - p);
            L.p = q;
            nl = false;
            continue;
        }
        if (c == '"' || c == '\'') {
            const char *q = p + 1;
            Buf b;
            buf_init(&b);
            for (;;) {
                if (q >= L.end || *q == '\n') {
                    buf_free(&b);
                    return fail(&L, p, "SyntaxError: Invalid or unexpected token (an unterminated string)");
                }
                if (*q == (char)c) {
                    q++;
                    break;
                }
                if (*q == '\\') {
                    q++;
                    if (escape(&L, &q, &b) < 0) {
                        buf_free(&b);
                        return -1;
                    }
                    continue;
                }
                buf_putc(&b, *q++);
            }
            Token *t = push(&L, TK_STR, p, nl);
            t->str = arena_strndup(a, b.s, b.len);
            t->slen = b.len;
            buf_free(&b);
            L.p = q;
            nl = false;
            continue;
        }
        if (c == '`') {
            if (template_chunk(&L, p + 1, true, nl) < 0)
                return -1;
            nl = false;
            continue;
        }
        if (c == '}' && L.nbraces && L.braces[L.nbraces - 1] == L.depth) {
            L.nbraces--;
            if (template_chunk(&L, p + 1, false, nl) < 0)
                return -1;
            nl = false;
            continue;
        }
        if (c == '/' && !prev_ends_value(&L)) {
            if (regexp_literal(&L, p, nl) < 0)
                return -1;
            nl = false;
            continue;
        }
        size_t k;
        for (k = 0; k < sizeof puncts / sizeof puncts[0]; k++)
            if (!strncmp(p, puncts[k], strlen(puncts[k])))
                break;
        if (k == sizeof puncts / sizeof puncts[0] || (p[0] == '?' && p[1] == '.' && p[2] >= '0' && p[2] <= '9' && strlen(puncts[k]) == 2)) {
            if (k == sizeof puncts / sizeof puncts[0])
                return fail(&L, p, "SyntaxError: Invalid or unexpected token");
            k = 0;
            while (strcmp(puncts[k], "?"))
                k++;
        }
        if (!strcmp(puncts[k], "#"))
            return fail(&L, p, "SyntaxError: Invalid or unexpected token");
        if (!strcmp(puncts[k], "@"))
            return fail(&L, p, "SyntaxError: Invalid or unexpected token");
        Token *t = push(&L, TK_PUNCT, p, nl);
        strcpy(t->op, puncts[k]);
        if (c == '{' || c == '(' || c == '[')
            L.depth++;
        else if (c == '}' || c == ')' || c == ']')
            L.depth--;
        L.p = p + strlen(puncts[k]);
        nl = false;
    }
    *toks = L.toks;
    return L.n;
}
