/* fscan.c: the ends of 3.12+ f-strings and of their replacement fields
 * (see fscan.h). Owns only finding where things end; what a field means,
 * and every error message but "unterminated", are the parser's. */
#include "fscan.h"

#include "pyver.h"

#include <ctype.h>
#include <stddef.h>

bool fscan_pep701(void) { return pyver_minor() >= 12; }

static int depth;       /* strings and fields open in this scan */
static const char *open_quote; /* a field's string that never ended (FScanFail.quote) */
static int fdepth;      /* f-strings open in this scan (CPython allows 149) */
static bool too_deep;   /* this scan went past one of the limits */

static bool ident_char(unsigned char c) { return c == '_' || isalnum(c) || c >= 0x80; }

/* Is [a, b) a string prefix (r, u, f, b, rf, fr, rb, br in any case)? */
static bool string_prefix(const char *a, const char *b, bool *fstr, bool *raw)
{
    size_t n = (size_t)(b - a);
    *fstr = *raw = false;
    if (n == 0 || n > 2)
        return false;
    bool bytes = false, u = false;
    for (const char *c = a; c < b; c++) {
        switch (tolower((unsigned char)*c)) {
        case 'f': if (*fstr) return false; *fstr = true; break;
        case 'r': if (*raw) return false; *raw = true; break;
        case 'b': if (bytes) return false; bytes = true; break;
        case 'u': if (u) return false; u = true; break;
        default: return false;
        }
    }
    return !(u && n > 1) && !(*fstr && bytes);
}

static const char *field_close(const char *s, const char *end, FScanFail *fail);

const char *fscan_string_end(const char *p, const char *end, bool fstr, bool raw, FScanFail *fail)
{
    if (depth == 0) {
        too_deep = false;
        open_quote = NULL;
    }
    if (depth >= FSCAN_MAX_DEPTH || (fstr && fdepth >= FSCAN_MAX_FSTRINGS)) {
        too_deep = true;
        fail->at = p;
        fail->too_deep = true;
        return NULL;
    }
    char q = *p;
    bool triple = end - p >= 3 && p[1] == q && p[2] == q;
    p += triple ? 3 : 1;
    depth++;
    fdepth += fstr;
    const char *r = NULL;
    while (p < end) {
        char c = *p;
        if (c == '\\' && p + 1 < end) {
            if (fstr && !raw && p[1] == 'N' && p + 2 < end && p[2] == '{') {
                p += 3; /* \N{NAME}: its braces are not a field */
                while (p < end && *p != '}' && *p != q && *p != '\n')
                    p++;
                continue;
            }
            /* "\{" in an f-string: the backslash stays text, the brace opens a field */
            p += fstr && (p[1] == '{' || p[1] == '}') ? 1 : 2;
            continue;
        }
        if (c == '\n' && !triple)
            break;
        if (c == q && (!triple || (end - p >= 3 && p[1] == q && p[2] == q))) {
            r = p + (triple ? 3 : 1);
            break;
        }
        if (fstr && c == '{') {
            if (p + 1 < end && p[1] == '{') {
                p += 2;
                continue;
            }
            p = field_close(p + 1, end, fail);
            if (!p) {
                fail->in_field = true;
                fail->quote = open_quote;
                break;
            }
            p++;
            continue;
        }
        p++;
    }
    depth--;
    fdepth -= fstr;
    if (!r && p && !too_deep)
        fail->at = p < end ? p : end;
    if (!r)
        fail->too_deep = too_deep;
    return r;
}

const char *fscan_expr_end(const char *s, const char *end)
{
    int brackets = 0;
    const char *e = s;
    while (e < end) {
        unsigned char ch = (unsigned char)*e;
        if (ch == '#') {
            while (e < end && *e != '\n')
                e++;
            continue;
        }
        if (ident_char(ch) || ch == '\'' || ch == '"') {
            const char *a = e;
            while (e < end && ident_char((unsigned char)*e))
                e++;
            bool fstr, raw;
            if (e < end && (*e == '\'' || *e == '"') && (a == e || string_prefix(a, e, &fstr, &raw))) {
                if (a == e)
                    fstr = raw = false;
                FScanFail fail = {0};
                const char *q = e;
                e = fscan_string_end(e, end, fstr, raw, &fail);
                if (!e) {
                    if (!open_quote)
                        open_quote = q;
                    return end;
                }
            }
            continue;
        }
        if (ch == '(' || ch == '[' || ch == '{') {
            brackets++;
        } else if (ch == ')' || ch == ']' || ch == '}') {
            if (brackets == 0 && ch == '}')
                return e;
            if (brackets > 0)
                brackets--;
        } else if (brackets == 0 && (ch == '!' || ch == ':' || ch == '=' || ch == '<' || ch == '>')) {
            if (ch != ':' && e + 1 < end && e[1] == '=') {
                e += 2;
                continue;
            }
            if (ch != '<' && ch != '>')
                return e;
        }
        e++;
    }
    return end;
}

/* s is after a field's '{': the '}' that closes it (past its expression,
 * '=', conversion and format spec, whose own fields nest), or NULL. */
static const char *field_close(const char *s, const char *end, FScanFail *fail)
{
    const char *e = fscan_expr_end(s, end);
    if (e < end && *e == '=')
        e++;
    while (e < end && (*e == ' ' || *e == '\t' || *e == '\n' || *e == '\r'))
        e++;
    if (e < end && *e == '!')
        e += end - e >= 2 ? 2 : 1;
    if (e < end && *e == ':') {
        e++;
        while (e < end && *e != '}' && *e != '\n') {
            if (*e == '{') {
                if (depth >= FSCAN_MAX_DEPTH) {
                    too_deep = true;
                    fail->at = e;
                    return NULL;
                }
                depth++;
                e = field_close(e + 1, end, fail);
                depth--;
                if (!e)
                    return NULL;
            }
            e++;
        }
    }
    if (e >= end || *e != '}') {
        /* malformed: the parser says what is wrong; the string goes on to
         * the next '}' of this line */
        while (e < end && *e != '}' && *e != '\n')
            e++;
        if (e >= end || *e != '}') {
            fail->at = e < end ? e : end;
            return NULL;
        }
    }
    return e;
}
