/* lex.c: Python 3.11's tokenizer rules for loopscope's subset.
 * Owns: scanning bytes into Tokens, the indentation stack, the bracket
 * stack, literal decoding and lexical error messages (worded like CPython's
 * so users can search for them). Leaves to parse.c: grammar, f-string
 * bodies (returned raw) and soft keywords. See lex.h for the contracts.
 *
 * The text is checked once up front (strict UTF-8, no NUL bytes), so the
 * scanner may treat a 0 byte as the end and every multi-byte sequence as
 * well formed. Positions are tracked as we go: col counts lead bytes. */
#include "lex.h"

#include "fscan.h"

#include "../objects/format.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- positions and characters ---- */

static int cur(const Lexer *lx)
{
    return lx->p < lx->end ? (unsigned char)*lx->p : 0;
}

static int peekc(const Lexer *lx, size_t k)
{
    return lx->p + k < lx->end ? (unsigned char)lx->p[k] : 0;
}

/* Consume one byte, keeping line and col in step. */
static void adv(Lexer *lx)
{
    unsigned char c = (unsigned char)*lx->p++;
    if (c == '\n') {
        lx->line++;
        lx->col = 1;
    } else if ((c & 0xC0) != 0x80) {
        lx->col++;
    }
}

void lex_advance_pos(const char *from, const char *to, int *line, int *col)
{
    for (; from < to; from++) {
        unsigned char c = (unsigned char)*from;
        if (c == '\n') {
            (*line)++;
            *col = 1;
        } else if ((c & 0xC0) != 0x80) {
            (*col)++;
        }
    }
}

/* Decode the (valid) UTF-8 sequence at s; *n gets its length. */
static uint32_t utf8_get(const char *s, int *n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80) {
        *n = 1;
        return u[0];
    }
    if (u[0] < 0xE0) {
        *n = 2;
        return ((uint32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F);
    }
    if (u[0] < 0xF0) {
        *n = 3;
        return ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) |
               (u[2] & 0x3F);
    }
    *n = 4;
    return ((uint32_t)(u[0] & 0x07) << 18) | ((uint32_t)(u[1] & 0x3F) << 12) |
           ((uint32_t)(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
}

static size_t utf8_put(char *out, uint32_t cp)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Non-ASCII code points that may appear in identifiers. Python uses the
 * XID_Start/XID_Continue tables; we accept every code point except the
 * blocks of punctuation, symbols, spaces and controls listed here, which is
 * enough to reject the characters people paste by accident (smart quotes,
 * currency, arrows, emoji, no-break spaces). */
static int is_id_cp(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
               (cp >= '0' && cp <= '9') || cp == '_';
    if (cp <= 0xBF)
        return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
    if (cp == 0xD7 || cp == 0xF7)
        return 0;
    if (cp == 0x37E || cp == 0x387)   /* Greek question mark, ano teleia */
        return 0;
    if ((cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x20A0 && cp <= 0x20CF) ||
        (cp >= 0x2190 && cp <= 0x2BFF) || (cp >= 0x2E00 && cp <= 0x2E7F) ||
        (cp >= 0x3000 && cp <= 0x3004) || (cp >= 0x3008 && cp <= 0x3020) ||
        cp == 0x3030 || cp == 0x303D || (cp >= 0xE000 && cp <= 0xF8FF) ||
        (cp >= 0xFE10 && cp <= 0xFE6F) || cp == 0xFEFF ||
        (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
        (cp >= 0xFF3B && cp <= 0xFF40 && cp != 0xFF3F) ||
        (cp >= 0xFF5B && cp <= 0xFF65) || (cp >= 0xFFF0 && cp <= 0xFFFF) ||
        (cp >= 0x1F000 && cp <= 0x1FAFF) || cp >= 0xE0000)
        return 0;
    return 1;
}

/* Python's str.isprintable, roughly: controls, format characters, private
 * use and the Unicode spaces other than ' ' are not printable. */
static int is_printable_cp(uint32_t cp)
{
    return !(cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0xAD ||
             cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200F) ||
             (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F) ||
             cp == 0x3000 || cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB) ||
             (cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xE0000);
}

/* The identifier character at p, if any: its byte length, else 0. */
static int id_char_len(const Lexer *lx, const char *p)
{
    if (p >= lx->end)
        return 0;
    unsigned char c = (unsigned char)*p;
    if (c < 0x80)
        return is_id_cp(c) ? 1 : 0;
    int n;
    uint32_t cp = utf8_get(p, &n);
    return is_id_cp(cp) ? n : 0;
}

/* ---- errors ---- */

static TokKind lex_fail(Lexer *lx, Token *tk, int line, int col, const char *fmt, ...)
    LS_PRINTF(5, 6);

/* Record the first lexical error; the token and all later ones are T_ERROR. */
static TokKind lex_fail(Lexer *lx, Token *tk, int line, int col, const char *fmt, ...)
{
    va_list ap;
    lx->failed = 1;
    lx->err_rank = LEX_OUTRANKS;
    lx->err.line = line;
    lx->err.col = col;
    va_start(ap, fmt);
    vsnprintf(lx->err.msg, sizeof lx->err.msg, fmt, ap);
    va_end(ap);
    tk->kind = T_ERROR;
    tk->line = tk->end_line = line;
    tk->col = tk->end_col = col;
    return T_ERROR;
}

/* Set the rank of the error just raised (see Lexer.err_rank). */
static TokKind ranked(Lexer *lx, int rank, TokKind k)
{
    lx->err_rank = rank;
    return k;
}

/* ---- setup ---- */

/* Strict UTF-8 (no overlongs, surrogates or values past U+10FFFF) and no
 * NUL bytes. Returns 1 if the text is clean, else fills lx->err. */
static int validate_text(Lexer *lx, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    int line = 1, col = 1;
    size_t i = 0;
    while (i < n) {
        unsigned c = u[i];
        if (c == 0) {
            lx->failed = 1;
            lang_error(&lx->err, line, col, "source code cannot contain null bytes");
            return 0;
        }
        size_t len = 0;
        unsigned lo = 0x80, hi = 0xBF;
        if (c < 0x80)
            len = 1;
        else if (c >= 0xC2 && c <= 0xDF)
            len = 2;
        else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0)
                lo = 0xA0;
            if (c == 0xED)
                hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0)
                lo = 0x90;
            if (c == 0xF4)
                hi = 0x8F;
        }
        int ok = len > 0 && i + len <= n;
        for (size_t k = 1; ok && k < len; k++) {
            unsigned b = u[i + k];
            if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF))
                ok = 0;
        }
        if (!ok) {
            lx->failed = 1;
            lang_error(&lx->err, line, col, "invalid UTF-8 in source");
            return 0;
        }
        if (c == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
        i += len;
    }
    return 1;
}

static void lex_reset(Lexer *lx, const char *text, size_t n, int line, int col,
                      Arena *arena)
{
    memset(lx, 0, sizeof *lx);
    lx->begin = lx->p = text;
    lx->end = text + n;
    lx->line = line;
    lx->col = col;
    lx->arena = arena;
    lx->eol_line = line;
    lx->eol_col = col;
}

void lex_init(Lexer *lx, const Source *src, Arena *arena)
{
    lex_reset(lx, src->text, src->len, 1, 1, arena);
    lx->warns = arena_alloc(arena, sizeof *lx->warns);
    lx->warns->head = NULL;
    lx->warns->tail = &lx->warns->head;
    lx->at_bol = 1;
    validate_text(lx, src->text, src->len);
}

void lex_init_fexpr(Lexer *lx, const char *text, size_t n, int line, int col,
                    Arena *arena)
{
    lex_reset(lx, text, n, line, col, arena);
    lx->fexpr = 1;
}

/* ---- keywords and names ---- */

static const struct {
    const char *word;
    TokKind kind;
} keywords[] = {
    {"False", T_FALSE}, {"None", T_NONE}, {"True", T_TRUE}, {"and", T_AND},
    {"as", T_AS}, {"assert", T_ASSERT}, {"async", T_ASYNC}, {"await", T_AWAIT},
    {"break", T_BREAK}, {"class", T_CLASS}, {"continue", T_CONTINUE},
    {"def", T_DEF}, {"del", T_DEL}, {"elif", T_ELIF}, {"else", T_ELSE},
    {"except", T_EXCEPT}, {"finally", T_FINALLY}, {"for", T_FOR},
    {"from", T_FROM}, {"global", T_GLOBAL}, {"if", T_IF}, {"import", T_IMPORT},
    {"in", T_IN}, {"is", T_IS}, {"lambda", T_LAMBDA}, {"nonlocal", T_NONLOCAL},
    {"not", T_NOT}, {"or", T_OR}, {"pass", T_PASS}, {"raise", T_RAISE},
    {"return", T_RETURN}, {"try", T_TRY}, {"while", T_WHILE}, {"with", T_WITH},
    {"yield", T_YIELD},
};

static TokKind keyword_kind(const char *s, size_t n)
{
    if (n < 2 || n > 8)
        return T_NAME;
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        if (keywords[i].word[0] == s[0] && strncmp(keywords[i].word, s, n) == 0 &&
            keywords[i].word[n] == '\0')
            return keywords[i].kind;
    return T_NAME;
}

static const char *const kind_names[T_KIND_COUNT] = {
    [T_ERROR] = "ERROR", [T_ENDMARKER] = "ENDMARKER", [T_NEWLINE] = "NEWLINE",
    [T_INDENT] = "INDENT", [T_DEDENT] = "DEDENT", [T_NAME] = "NAME",
    [T_NUMBER] = "NUMBER", [T_STRING] = "STRING", [T_FSTRING] = "FSTRING",
    [T_LPAR] = "'('", [T_RPAR] = "')'", [T_LSQB] = "'['", [T_RSQB] = "']'",
    [T_LBRACE] = "'{'", [T_RBRACE] = "'}'", [T_COLON] = "':'", [T_COMMA] = "','",
    [T_SEMI] = "';'", [T_DOT] = "'.'", [T_ELLIPSIS] = "'...'", [T_ARROW] = "'->'",
    [T_AT] = "'@'", [T_ATEQ] = "'@='", [T_PLUS] = "'+'", [T_MINUS] = "'-'",
    [T_STAR] = "'*'", [T_SLASH] = "'/'", [T_DSLASH] = "'//'", [T_PERCENT] = "'%'",
    [T_DSTAR] = "'**'", [T_VBAR] = "'|'", [T_AMPER] = "'&'", [T_CIRCUMFLEX] = "'^'",
    [T_TILDE] = "'~'", [T_LSHIFT] = "'<<'", [T_RSHIFT] = "'>>'", [T_LESS] = "'<'",
    [T_GREATER] = "'>'", [T_EQEQ] = "'=='", [T_NOTEQ] = "'!='", [T_LESSEQ] = "'<='",
    [T_GREATEREQ] = "'>='", [T_LTGT] = "'<>'", [T_EQUAL] = "'='", [T_COLONEQ] = "':='",
    [T_PLUSEQ] = "'+='", [T_MINUSEQ] = "'-='", [T_STAREQ] = "'*='",
    [T_SLASHEQ] = "'/='", [T_DSLASHEQ] = "'//='", [T_PERCENTEQ] = "'%='",
    [T_DSTAREQ] = "'**='", [T_VBAREQ] = "'|='", [T_AMPEREQ] = "'&='",
    [T_CIRCUMFLEXEQ] = "'^='", [T_LSHIFTEQ] = "'<<='", [T_RSHIFTEQ] = "'>>='",
    [T_BANG] = "'!'", [T_BACKTICK] = "'`'",
    [T_FALSE] = "'False'", [T_NONE] = "'None'", [T_TRUE] = "'True'", [T_AND] = "'and'",
    [T_AS] = "'as'", [T_ASSERT] = "'assert'", [T_ASYNC] = "'async'",
    [T_AWAIT] = "'await'", [T_BREAK] = "'break'", [T_CLASS] = "'class'",
    [T_CONTINUE] = "'continue'", [T_DEF] = "'def'", [T_DEL] = "'del'",
    [T_ELIF] = "'elif'", [T_ELSE] = "'else'", [T_EXCEPT] = "'except'",
    [T_FINALLY] = "'finally'", [T_FOR] = "'for'", [T_FROM] = "'from'",
    [T_GLOBAL] = "'global'", [T_IF] = "'if'", [T_IMPORT] = "'import'", [T_IN] = "'in'",
    [T_IS] = "'is'", [T_LAMBDA] = "'lambda'", [T_NONLOCAL] = "'nonlocal'",
    [T_NOT] = "'not'", [T_OR] = "'or'", [T_PASS] = "'pass'", [T_RAISE] = "'raise'",
    [T_RETURN] = "'return'", [T_TRY] = "'try'", [T_WHILE] = "'while'",
    [T_WITH] = "'with'", [T_YIELD] = "'yield'",
};

const char *lex_kind_name(TokKind k)
{
    if ((int)k < 0 || k >= T_KIND_COUNT || !kind_names[k])
        return "?";
    return kind_names[k];
}

/* ---- string escapes ---- */

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* The value of the one-character escape \c (0 for a backslash-newline,
 * which yields nothing), or -1 when c starts no such escape. */
static int simple_escape(char c)
{
    switch (c) {
    case '\n': return 0;
    case '\\': return '\\';
    case '\'': return '\'';
    case '"': return '"';
    case 'a': return '\a';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'v': return '\v';
    default: return -1;
    }
}

void lex_warn_escape(Lexer *lx, int line, const char *bs)
{
    if (!lx->warns)
        return;
    char msg[64];
    if (bs[1] >= '0' && bs[1] <= '7')
        snprintf(msg, sizeof msg, "invalid octal escape sequence '\\%.3s'", bs + 1);
    else { /* the character after the backslash, whole (the text is valid UTF-8) */
        unsigned char c = (unsigned char)bs[1];
        int k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        snprintf(msg, sizeof msg, "invalid escape sequence '\\%.*s'", k, bs + 1);
    }
    LexWarning *w = arena_alloc(lx->arena, sizeof *w);
    w->next = NULL;
    w->line = line;
    w->msg = arena_strndup(lx->arena, msg, strlen(msg));
    *lx->warns->tail = w;
    lx->warns->tail = &w->next;
}

/* Note the first escape CPython warns about. */
static void note_invalid(const char **invalid, const char *bs)
{
    if (invalid && !*invalid)
        *invalid = bs;
}

/* The one decoder of both: bytes keeps an octal escape's low 8 bits,
 * needs two hex digits after \x and has no \u, \U or \N escapes. */
static int unescape(const char *s, size_t n, char *out, size_t *out_len, const char **bad, char *msg,
                    size_t msg_size, const char **invalid, bool bytes)
{
    const char *begin = s, *end = s + n;
    size_t w = 0;
    if (invalid)
        *invalid = NULL;
    while (s < end) {
        if (*s != '\\' || s + 1 >= end) {
            out[w++] = *s++;
            continue;
        }
        const char *bs = s;
        char c = s[1];
        s += 2;
        int simple = simple_escape(c);
        if (simple >= 0) {
            if (simple > 0)
                out[w++] = (char)simple;
            continue;
        }
        if (c >= '0' && c <= '7') {
            uint32_t v = (uint32_t)(c - '0');
            for (int k = 0; k < 2 && s < end && *s >= '0' && *s <= '7'; k++)
                v = v * 8 + (uint32_t)(*s++ - '0');
            if (v > 0377)
                note_invalid(invalid, bs);
            if (bytes)
                out[w++] = (char)(v & 0xff);
            else
                w += utf8_put(out + w, v);
            continue;
        }
        if (bytes && c == 'x') {
            if (s + 2 > end || hexval((unsigned char)s[0]) < 0 || hexval((unsigned char)s[1]) < 0) {
                *bad = bs;
                snprintf(msg, msg_size, "(value error) invalid \\x escape at position %d", (int)(bs - begin));
                return 0;
            }
            out[w++] = (char)(hexval((unsigned char)s[0]) * 16 + hexval((unsigned char)s[1]));
            s += 2;
            continue;
        }
        switch (bytes ? 0 : c) {
        case 'x': case 'u': case 'U': {
            int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
            uint32_t v = 0;
            const char *why = NULL;
            for (int k = 0; k < digits && !why; k++) {
                if (s >= end || hexval((unsigned char)*s) < 0)
                    why = c == 'x' ? "truncated \\xXX escape"
                        : c == 'u' ? "truncated \\uXXXX escape"
                                   : "truncated \\UXXXXXXXX escape";
                else
                    v = v * 16 + (uint32_t)hexval((unsigned char)*s++);
            }
            if (!why && v > 0x10FFFF)
                why = "illegal Unicode character";
            if (why) {
                /* CPython names the escape's byte range in the literal */
                *bad = bs;
                snprintf(msg, msg_size,
                         "(unicode error) 'unicodeescape' codec can't decode bytes in "
                         "position %d-%d: %s",
                         (int)(bs - begin), (int)(s - begin - 1), why);
                return 0;
            }
            if (v >= 0xD800 && v <= 0xDFFF) {
                *bad = bs;
                snprintf(msg, msg_size,
                         "surrogate code points in strings are not supported by loopscope");
                return -1;
            }
            w += utf8_put(out + w, v);
            break;
        }
        case 'N':
            *bad = bs;
            snprintf(msg, msg_size,
                     "named Unicode escapes (\\N{...}) are not supported by loopscope");
            return -1;
        default:
            /* Unknown escape (in bytes also \u, \U, \N): Python keeps the
             * backslash and the character, and warns. */
            note_invalid(invalid, bs);
            out[w++] = '\\';
            s--;
            break;
        }
    }
    out[w] = '\0';
    *out_len = w;
    return 1;
}

int lex_unescape_bytes(const char *s, size_t n, char *out, size_t *out_len,
                       const char **bad, char *msg, size_t msg_size, const char **invalid)
{
    return unescape(s, n, out, out_len, bad, msg, msg_size, invalid, true);
}

int lex_unescape(const char *s, size_t n, char *out, size_t *out_len,
                 const char **bad, char *msg, size_t msg_size, const char **invalid)
{
    return unescape(s, n, out, out_len, bad, msg, msg_size, invalid, false);
}

/* ---- token scanners ---- */

/* Mark tk as a literal loopscope refuses (see Token.unsupported). */
static void unsupported(Lexer *lx, Token *tk, int line, int col, const char *msg)
{
    tk->unsupported = arena_strndup(lx->arena, msg, strlen(msg));
    tk->bad_line = line;
    tk->bad_col = col;
}

static void tok_begin(Lexer *lx, Token *tk)
{
    memset(tk, 0, sizeof *tk);
    tk->line = lx->line;
    tk->col = lx->col;
    tk->start = lx->p;
}

static TokKind tok_end(Lexer *lx, Token *tk, TokKind k)
{
    tk->kind = k;
    tk->end_line = lx->line;
    tk->end_col = lx->col;
    tk->nbytes = (size_t)(lx->p - tk->start);
    lx->line_has_token = 1;
    return k;
}

/* A zero-width token (NEWLINE at EOF, INDENT, DEDENT, ENDMARKER). */
static TokKind tok_at(Token *tk, TokKind k, int line, int col, const char *p)
{
    memset(tk, 0, sizeof *tk);
    tk->kind = k;
    tk->line = tk->end_line = line;
    tk->col = tk->end_col = col;
    tk->start = p;
    return k;
}

static int is_digit(int c)
{
    return c >= '0' && c <= '9';
}

/* After a number, Python refuses an identifier character, except that a few
 * keywords may follow directly (`1if x else 2`). */
static int number_end_ok(const Lexer *lx)
{
    if (!id_char_len(lx, lx->p))
        return 1;
    static const char *const kw[] = {"and", "else", "for", "if", "in", "is", "not", "or"};
    size_t left = (size_t)(lx->end - lx->p);
    for (size_t i = 0; i < sizeof kw / sizeof kw[0]; i++) {
        size_t n = strlen(kw[i]);
        if (left >= n && memcmp(lx->p, kw[i], n) == 0)
            return 1;
    }
    return 0;
}

/* Consume decimal (or, with hex, hexadecimal) digits with single
 * underscores between them; lead allows one right after a 0x/0o/0b prefix.
 * *nd counts the digits. Returns 1 and the underscore's position when one
 * is misplaced. */
static int scan_digits(Lexer *lx, int hex, int lead, int *nd, int *bad_line, int *bad_col)
{
    *nd = 0;
    for (;;) {
        int c = cur(lx);
        if (hex ? hexval(c) >= 0 : is_digit(c)) {
            adv(lx);
            (*nd)++;
            continue;
        }
        if (c != '_')
            return 0;
        int d = peekc(lx, 1);
        if ((*nd == 0 && !lead) || !(hex ? hexval(d) >= 0 : is_digit(d))) {
            *bad_line = lx->line;
            *bad_col = lx->col;
            return 1;
        }
        adv(lx);
    }
}

static TokKind scan_number(Lexer *lx, Token *tk)
{
    static const char *const too_large =
        "integer literal too large (loopscope integers are 64-bit)";
    int bl, bc, nd;
    int c = cur(lx), n1 = peekc(lx, 1);
    if (c == '0' && strchr("xXoObB", n1) && n1) {
        int base = (n1 == 'x' || n1 == 'X') ? 16 : (n1 == 'o' || n1 == 'O') ? 8 : 2;
        const char *what = base == 16 ? "hexadecimal" : base == 8 ? "octal" : "binary";
        adv(lx);
        adv(lx);
        const char *digits = lx->p;
        if (scan_digits(lx, base == 16, 1, &nd, &bl, &bc))
            return lex_fail(lx, tk, bl, bc, "invalid %s literal", what);
        if (nd == 0)   /* CPython points at the prefix letter */
            return lex_fail(lx, tk, tk->line, tk->col + 1, "invalid %s literal", what);
        uint64_t v = 0;
        int over = 0;
        for (const char *q = digits; q < lx->p; q++) {
            if (*q == '_')
                continue;
            int d = hexval((unsigned char)*q);
            if (d >= base) {
                int col = tk->col;
                int line = tk->line;
                lex_advance_pos(tk->start, q, &line, &col);
                return lex_fail(lx, tk, line, col, "invalid digit '%c' in %s literal", *q, what);
            }
            if (v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base)
                over = 1;
            else
                v = v * (uint64_t)base + (uint64_t)d;
        }
        if (!number_end_ok(lx))
            return lex_fail(lx, tk, tk->line, tk->col, "invalid %s literal", what);
        if (over || v > (uint64_t)INT64_MAX) {
            unsupported(lx, tk, tk->line, tk->col, too_large);
            /* 2**63 is allowed right after a unary minus (the parser's
             * call), so mark it with INT64_MIN */
            tk->ival = !over && v == (uint64_t)INT64_MAX + 1 ? INT64_MIN : 0;
            return tok_end(lx, tk, T_NUMBER);
        }
        tk->ival = (int64_t)v;
        return tok_end(lx, tk, T_NUMBER);
    }

    int is_float = 0;
    if (c != '.') {
        if (scan_digits(lx, 0, 0, &nd, &bl, &bc))
            return lex_fail(lx, tk, bl, bc, "invalid decimal literal");
    }
    if (cur(lx) == '.') {
        is_float = 1;
        adv(lx);
        if (cur(lx) == '_')
            return lex_fail(lx, tk, lx->line, lx->col, "invalid decimal literal");
        if (scan_digits(lx, 0, 0, &nd, &bl, &bc))
            return lex_fail(lx, tk, bl, bc, "invalid decimal literal");
    }
    if (cur(lx) == 'e' || cur(lx) == 'E') {
        int k = 1;
        if (peekc(lx, 1) == '+' || peekc(lx, 1) == '-')
            k = 2;
        if (is_digit(peekc(lx, (size_t)k))) {
            is_float = 1;
            for (int i = 0; i < k; i++)
                adv(lx);
            if (scan_digits(lx, 0, 0, &nd, &bl, &bc))
                return lex_fail(lx, tk, bl, bc, "invalid decimal literal");
        } else if (k == 2) {   /* "1e+" with no digits: at the sign */
            return lex_fail(lx, tk, lx->line, lx->col + 1, "invalid decimal literal");
        } else if (!number_end_ok(lx)) {
            return lex_fail(lx, tk, tk->line, tk->col, "invalid decimal literal");
        }
    }
    if (cur(lx) == 'j' || cur(lx) == 'J') {
        adv(lx);
        if (!number_end_ok(lx))
            return lex_fail(lx, tk, tk->line, tk->col, "invalid imaginary literal");
        unsupported(lx, tk, tk->line, tk->col, "complex numbers are not supported by loopscope");
        return tok_end(lx, tk, T_NUMBER);
    }
    if (!number_end_ok(lx))
        return lex_fail(lx, tk, tk->line, tk->col, "invalid decimal literal");

    size_t n = (size_t)(lx->p - tk->start);
    char *clean = arena_alloc(lx->arena, n + 1);
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (tk->start[i] != '_')
            clean[w++] = tk->start[i];
    clean[w] = '\0';
    if (is_float) {
        tk->is_float = 1;
        tk->fval = fmt_strtod_c(clean);
        return tok_end(lx, tk, T_NUMBER);
    }
    /* A decimal integer: 0, 00, 0_0 are fine; 012 is not. */
    if (clean[0] == '0') {
        for (size_t i = 0; i < w; i++)
            if (clean[i] != '0')
                return lex_fail(lx, tk, tk->line, tk->col,
                                "leading zeros in decimal integer literals are not "
                                "permitted; use an 0o prefix for octal integers");
    }
    uint64_t v = 0;
    for (size_t i = 0; i < w; i++) {
        uint64_t d = (uint64_t)(clean[i] - '0');
        if (v > ((uint64_t)INT64_MAX - d) / 10) {
            unsupported(lx, tk, tk->line, tk->col, too_large);
            tk->ival = strcmp(clean, "9223372036854775808") == 0 ? INT64_MIN : 0;
            return tok_end(lx, tk, T_NUMBER);
        }
        v = v * 10 + d;
    }
    tk->ival = (int64_t)v;
    return tok_end(lx, tk, T_NUMBER);
}

/* A string literal; the prefix (if any) is already consumed and flags says
 * what it was: 'r', 'f' and 'b' bits below. */
enum { P_RAW = 1, P_F = 2, P_B = 4 };

static TokKind scan_string(Lexer *lx, Token *tk, int prefix)
{
    int q = cur(lx);
    int triple = peekc(lx, 1) == q && peekc(lx, 2) == q;
    const char *open = lx->p;
    adv(lx);
    if (triple) {
        adv(lx);
        adv(lx);
    }
    const char *body = lx->p;
    int body_line = lx->line, body_col = lx->col;
    if ((prefix & P_F) && fscan_pep701()) {
        /* 3.12: the fields are code (fscan.c finds where they end) */
        FScanFail fail = {0};
        const char *stop = fscan_string_end(open, lx->end, true, prefix & P_RAW, &fail);
        if (!stop) {
            if (fail.too_deep)
                return lex_fail(lx, tk, tk->line, tk->col, "too many nested f-strings");
            if (fail.in_field && !triple) {
                int at = tk->line, col = tk->col;
                if (fail.quote) { /* CPython points at the quote that would have ended it */
                    at = body_line, col = body_col;
                    lex_advance_pos(body, fail.quote, &at, &col);
                }
                return lex_fail(lx, tk, at, col, "f-string: expecting '}'");
            }
            int at = body_line, col = body_col;
            lex_advance_pos(body, fail.at, &at, &col);
            if (fail.at >= lx->end && fail.at > body && fail.at[-1] == '\n')
                at--;
            return lex_fail(lx, tk, tk->line, tk->col,
                            triple ? "unterminated triple-quoted f-string literal (detected at line %d)"
                                   : "unterminated f-string literal (detected at line %d)",
                            at);
        }
        while (lx->p < stop - (triple ? 3 : 1))
            adv(lx);
    } else for (;;) {
        int c = cur(lx);
        if (c == 0 || (c == '\n' && !triple)) {
            int at = lx->line;
            if (c == 0 && lx->p > body && lx->p[-1] == '\n')
                at--;
            return lex_fail(lx, tk, tk->line, tk->col,
                            triple ? "unterminated triple-quoted string literal "
                                     "(detected at line %d)"
                                   : "unterminated string literal (detected at line %d)",
                            at);
        }
        if (c == '\\') {
            adv(lx);
            if (cur(lx))
                adv(lx);
            continue;
        }
        if (c == q && (!triple || (peekc(lx, 1) == q && peekc(lx, 2) == q)))
            break;
        adv(lx);
    }
    const char *body_end = lx->p;
    adv(lx);
    if (triple) {
        adv(lx);
        adv(lx);
    }
    size_t n = (size_t)(body_end - body);
    if (prefix & P_B)
        for (size_t i = 0; i < n; i++)
            if ((unsigned char)body[i] >= 0x80)
                return lex_fail(lx, tk, tk->line, tk->col, "bytes can only contain ASCII literal characters");
    tk->sflags = (prefix & P_RAW ? S_RAW : 0) | (triple ? S_TRIPLE : 0) |
                 (q == '"' ? S_DQUOTE : 0) | (prefix & P_B ? S_BYTES : 0);
    tk->body = body;
    tk->body_line = body_line;
    tk->body_col = body_col;
    if ((prefix & (P_RAW | P_F)) || !memchr(body, '\\', n)) {
        tk->str = arena_strndup(lx->arena, body, n);
        tk->len = n;
        return tok_end(lx, tk, prefix & P_F ? T_FSTRING : T_STRING);
    }
    char *out = arena_alloc(lx->arena, n + 1);
    const char *bad = NULL;
    char msg[200];
    const char *invalid = NULL;
    int r = prefix & P_B ? lex_unescape_bytes(body, n, out, &tk->len, &bad, msg, sizeof msg, &invalid)
                         : lex_unescape(body, n, out, &tk->len, &bad, msg, sizeof msg, &invalid);
    if (r > 0 && invalid) {
        int line = body_line, col = body_col;
        lex_advance_pos(body, invalid, &line, &col);
        lex_warn_escape(lx, line, invalid);
    }
    if (r <= 0) {
        int line = body_line, col = body_col;
        lex_advance_pos(body, bad, &line, &col);
        if (r == 0)
            return lex_fail(lx, tk, line, col, "%s", msg);
        unsupported(lx, tk, line, col, msg);
        tk->len = 0;
        out[0] = '\0';
    }
    tk->str = out;
    return tok_end(lx, tk, T_STRING);
}

/* An identifier, keyword, or the prefix of a string literal. */
static TokKind scan_name(Lexer *lx, Token *tk)
{
    int n;
    while ((n = id_char_len(lx, lx->p)) > 0)
        for (int i = 0; i < n; i++)
            adv(lx);
    size_t len = (size_t)(lx->p - tk->start);
    int q = cur(lx);
    if ((q == '\'' || q == '"') && len <= 2) {
        int prefix = 0, ok = 1;
        for (size_t i = 0; i < len; i++) {
            int f = 0;
            switch (tk->start[i]) {
            case 'r': case 'R': f = P_RAW; break;
            case 'f': case 'F': f = P_F; break;
            case 'b': case 'B': f = P_B; break;
            case 'u': case 'U': f = 8; break;
            default: ok = 0;
            }
            if (prefix & f)
                ok = 0;
            prefix |= f;
        }
        /* u combines with nothing; f and b exclude each other */
        if (ok && !((prefix & 8) && len > 1) && !((prefix & P_F) && (prefix & P_B)))
            return scan_string(lx, tk, prefix & 7);
    }
    TokKind k = keyword_kind(tk->start, len);
    if (k == T_NAME) {
        tk->str = arena_strndup(lx->arena, tk->start, len);
        tk->len = len;
    }
    return tok_end(lx, tk, k);
}

/* Process the indentation of a new logical line: skips blank and
 * comment-only lines and sets lx->pending. Returns 0 on error. */
static int scan_indent(Lexer *lx, Token *tk)
{
    for (;;) {
        int col = 0, alt = 0;
        for (;;) {
            int c = cur(lx);
            if (c == ' ') {
                col++;
                alt++;
            } else if (c == '\t') {
                col = (col / 8 + 1) * 8;
                alt++;
            } else if (c == '\f') {
                col = alt = 0;
            } else {
                break;
            }
            adv(lx);
        }
        int c = cur(lx);
        if (c == '#') {
            while (cur(lx) && cur(lx) != '\n')
                adv(lx);
            c = cur(lx);
        }
        if (c == '\n') {
            lx->eol_line = lx->line;
            lx->eol_col = lx->col;
            adv(lx);
            continue;
        }
        if (c == 0)
            return 1;   /* end of file: the EOF code unwinds the stack */
        int top = lx->indent[lx->nindent], alttop = lx->altindent[lx->nindent];
        if (col == top) {
            if (alt != alttop)
                break;
        } else if (col > top) {
            if (alt <= alttop)
                break;
            if (lx->nindent >= LEX_MAX_INDENT) {
                ranked(lx, 0, lex_fail(lx, tk, lx->line, lx->col,
                         "too deeply nested (loopscope's limit is %d indentation levels)",
                         LEX_MAX_INDENT));
                return 0;
            }
            lx->nindent++;
            lx->indent[lx->nindent] = col;
            lx->altindent[lx->nindent] = alt;
            lx->pending = 1;
        } else {
            while (lx->nindent > 0 && col < lx->indent[lx->nindent]) {
                lx->nindent--;
                lx->pending--;
            }
            if (col != lx->indent[lx->nindent]) {
                ranked(lx, 0, lex_fail(lx, tk, lx->line, lx->col,
                         "unindent does not match any outer indentation level"));
                return 0;
            }
            if (alt != lx->altindent[lx->nindent])
                break;
        }
        return 1;
    }
    ranked(lx, 0, lex_fail(lx, tk, lx->line, lx->col,
                           "inconsistent use of tabs and spaces in indentation"));
    return 0;
}

static TokKind open_bracket(Lexer *lx, Token *tk, char c)
{
    if (lx->nbrk >= LEX_MAX_BRACKETS)
        return ranked(lx, 0, lex_fail(lx, tk, tk->line, tk->col,
                        "too deeply nested (loopscope's limit is %d levels)",
                        LEX_MAX_BRACKETS));
    lx->brk[lx->nbrk] = c;
    lx->brk_line[lx->nbrk] = tk->line;
    lx->brk_col[lx->nbrk] = tk->col;
    lx->nbrk++;
    adv(lx);
    return tok_end(lx, tk, c == '(' ? T_LPAR : c == '[' ? T_LSQB : T_LBRACE);
}

static TokKind close_bracket(Lexer *lx, Token *tk, char c)
{
    if (lx->nbrk == 0)
        return lex_fail(lx, tk, tk->line, tk->col, "unmatched '%c'", c);
    char o = lx->brk[lx->nbrk - 1];
    if ((o == '(' && c != ')') || (o == '[' && c != ']') || (o == '{' && c != '}')) {
        if (lx->brk_line[lx->nbrk - 1] != tk->line)
            return lex_fail(lx, tk, tk->line, tk->col,
                            "closing parenthesis '%c' does not match opening "
                            "parenthesis '%c' on line %d",
                            c, o, lx->brk_line[lx->nbrk - 1]);
        return lex_fail(lx, tk, tk->line, tk->col,
                        "closing parenthesis '%c' does not match opening parenthesis '%c'",
                        c, o);
    }
    lx->nbrk--;
    adv(lx);
    return tok_end(lx, tk, c == ')' ? T_RPAR : c == ']' ? T_RSQB : T_RBRACE);
}

/* Operators: the longest match wins. */
static TokKind scan_op(Lexer *lx, Token *tk)
{
    static const struct {
        const char *s;
        TokKind k;
    } ops[] = {
        {"**=", T_DSTAREQ}, {"//=", T_DSLASHEQ}, {">>=", T_RSHIFTEQ},
        {"<<=", T_LSHIFTEQ}, {"...", T_ELLIPSIS},
        {"->", T_ARROW}, {"**", T_DSTAR}, {"//", T_DSLASH}, {"<<", T_LSHIFT},
        {">>", T_RSHIFT}, {"<=", T_LESSEQ}, {">=", T_GREATEREQ}, {"==", T_EQEQ},
        {"!=", T_NOTEQ}, {"<>", T_LTGT}, {":=", T_COLONEQ}, {"+=", T_PLUSEQ},
        {"-=", T_MINUSEQ}, {"*=", T_STAREQ}, {"/=", T_SLASHEQ}, {"%=", T_PERCENTEQ},
        {"&=", T_AMPEREQ}, {"|=", T_VBAREQ}, {"^=", T_CIRCUMFLEXEQ}, {"@=", T_ATEQ},
        {":", T_COLON}, {",", T_COMMA}, {";", T_SEMI}, {".", T_DOT}, {"@", T_AT},
        {"+", T_PLUS}, {"-", T_MINUS}, {"*", T_STAR}, {"/", T_SLASH}, {"%", T_PERCENT},
        {"|", T_VBAR}, {"&", T_AMPER}, {"^", T_CIRCUMFLEX}, {"~", T_TILDE},
        {"<", T_LESS}, {">", T_GREATER}, {"=", T_EQUAL}, {"!", T_BANG},
        {"`", T_BACKTICK},
    };
    size_t left = (size_t)(lx->end - lx->p);
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        if (ops[i].s[0] != *lx->p)
            continue;
        size_t n = strlen(ops[i].s);
        if (n <= left && memcmp(lx->p, ops[i].s, n) == 0) {
            for (size_t k = 0; k < n; k++)
                adv(lx);
            return tok_end(lx, tk, ops[i].k);
        }
    }
    int c = cur(lx);
    if (c < 0x80) {
        if (c < 0x20 || c == 0x7F)
            return lex_fail(lx, tk, tk->line, tk->col,
                            "invalid non-printable character U+%04X", (unsigned)c);
        return lex_fail(lx, tk, tk->line, tk->col, "invalid syntax");
    }
    int n;
    uint32_t cp = utf8_get(lx->p, &n);
    if (!is_printable_cp(cp))
        return lex_fail(lx, tk, tk->line, tk->col,
                        "invalid non-printable character U+%04X", (unsigned)cp);
    return lex_fail(lx, tk, tk->line, tk->col, "invalid character '%.*s' (U+%04X)", n,
                    lx->p, (unsigned)cp);
}

/* Where tokens produced at the end of the text are placed: after the last
 * character, or at the final newline if the text ends with one. */
static void eof_pos(const Lexer *lx, int *line, int *col)
{
    if (lx->p > lx->begin && lx->p[-1] == '\n' && !lx->fexpr) {
        *line = lx->eol_line;
        *col = lx->eol_col;
    } else {
        *line = lx->line;
        *col = lx->col;
    }
}

static TokKind scan(Lexer *lx, Token *tk)
{
    if (lx->failed) {
        tk->kind = T_ERROR;
        return T_ERROR;
    }
    for (;;) {
        if (lx->pending > 0) {
            lx->pending--;
            return tok_at(tk, T_INDENT, lx->line, lx->col, lx->p);
        }
        if (lx->pending < 0) {
            lx->pending++;
            int line = lx->line, col = lx->col;
            if (lx->eof_done)
                eof_pos(lx, &line, &col);
            return tok_at(tk, T_DEDENT, line, col, lx->p);
        }
        if (lx->at_bol && !lx->fexpr) {
            lx->at_bol = 0;
            if (!scan_indent(lx, tk))
                return T_ERROR;
            continue;
        }
        int c = cur(lx);
        while (c == ' ' || c == '\t' || c == '\f') {
            adv(lx);
            c = cur(lx);
        }
        if (c == '#') {
            while (cur(lx) && cur(lx) != '\n')
                adv(lx);
            c = cur(lx);
        }
        if (c == '\\') {
            int n = peekc(lx, 1);
            if (n == '\n') {
                int line = lx->line, col = lx->col + 1;
                adv(lx);
                adv(lx);
                if (!cur(lx))
                    return ranked(lx, 0, lex_fail(lx, tk, line, col,
                                                  "unexpected EOF while parsing"));
                continue;
            }
            if (n == 0)
                return ranked(lx, 0, lex_fail(lx, tk, lx->line, lx->col + 1,
                                              "unexpected EOF while parsing"));
            return ranked(lx, 0, lex_fail(lx, tk, lx->line, lx->col + 1,
                            "unexpected character after line continuation character"));
        }
        if (c == '\n') {
            int line = lx->line, col = lx->col;
            lx->eol_line = line;
            lx->eol_col = col;
            adv(lx);
            if (lx->nbrk > 0 || lx->fexpr || !lx->line_has_token)
                continue;
            lx->line_has_token = 0;
            lx->at_bol = 1;
            tok_at(tk, T_NEWLINE, line, col, lx->p - 1);
            tk->end_col = col + 1;
            tk->nbytes = 1;
            return T_NEWLINE;
        }
        if (c == 0) {
            int line, col;
            eof_pos(lx, &line, &col);
            if (lx->fexpr)
                return tok_at(tk, T_ENDMARKER, line, col, lx->p);
            if (lx->nbrk > 0) {
                int k = lx->nbrk - 1;
                return ranked(lx, LEX_OUTRANKS_IF_EARLIER,
                              lex_fail(lx, tk, lx->brk_line[k], lx->brk_col[k],
                                       "'%c' was never closed", lx->brk[k]));
            }
            if (lx->line_has_token) {
                lx->line_has_token = 0;
                return tok_at(tk, T_NEWLINE, line, col, lx->p);
            }
            if (!lx->eof_done) {
                lx->eof_done = 1;
                lx->pending = -lx->nindent;
                lx->nindent = 0;
                continue;
            }
            return tok_at(tk, T_ENDMARKER, line, col, lx->p);
        }
        break;
    }

    tok_begin(lx, tk);
    int c = cur(lx);
    if (is_digit(c) || (c == '.' && is_digit(peekc(lx, 1))))
        return scan_number(lx, tk);
    if (c == '\'' || c == '"')
        return scan_string(lx, tk, 0);
    if (id_char_len(lx, lx->p))
        return scan_name(lx, tk);
    switch (c) {
    case '(': case '[': case '{':
        return open_bracket(lx, tk, (char)c);
    case ')': case ']': case '}':
        return close_bracket(lx, tk, (char)c);
    default:
        return scan_op(lx, tk);
    }
}

TokKind lex_next(Lexer *lx)
{
    if (lx->has_ahead) {
        lx->t = lx->ahead;
        lx->has_ahead = 0;
    } else {
        scan(lx, &lx->t);
    }
    return lx->t.kind;
}

TokKind lex_peek(Lexer *lx)
{
    if (!lx->has_ahead) {
        scan(lx, &lx->ahead);
        lx->has_ahead = 1;
    }
    return lx->ahead.kind;
}
