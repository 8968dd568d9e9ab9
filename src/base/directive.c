/* directive.c: reading `loopscope: pause` comments (see directive.h).
 * Owns the syntax: marker, spaces, "loopscope", spaces, ":", spaces, a
 * word; "pause" alone, or "pause" then ":" and the note. Anything else
 * after "loopscope" is a warning that says what was expected, except
 * the words of other features' directives (net, file, python), left to them. The marker
 * is only looked for at the start of a line or after a space or tab, so
 * "a#b" inside a string is not taken for one. */
#include "directive.h"

#include "base.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

const char *directive_marker(const char *path)
{
    size_t n = path ? strlen(path) : 0;
    return n > 3 && !strcmp(path + n - 3, ".js") ? "//" : "#";
}

static bool blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* Code points in p[0..n). */
static int columns(const char *p, size_t n)
{
    int c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)p[i] & 0xC0) != 0x80;
    return c;
}

static void warn(Directives *ds, int line, int col, const char *msg, const char *word, size_t wn)
{
    ds->w = xrealloc(ds->w, (ds->nw + 1) * sizeof *ds->w);
    DirectiveWarning *w = &ds->w[ds->nw++];
    w->line = line;
    w->col = col;
    if (wn > 40)
        wn = 40;
    snprintf(w->msg, sizeof w->msg, msg, (int)wn, word ? word : "");
}

/* Where the directive starts in line p[0..n): the marker's offset, or -1. */
static long find_marker(const char *p, size_t n, const char *marker)
{
    size_t m = strlen(marker);
    for (size_t i = 0; i + m <= n; i++) {
        if (memcmp(p + i, marker, m) || (i > 0 && !blank(p[i - 1])))
            continue;
        size_t j = i + m;
        while (j < n && blank(p[j]))
            j++;
        if (n - j >= 9 && !memcmp(p + j, "loopscope", 9) &&
            (j + 9 == n || blank(p[j + 9]) || p[j + 9] == ':'))
            return (long)i;
    }
    return -1;
}

/* Is line p[0..n) code (not blank, not only a comment)? */
static bool is_code(const char *p, size_t n, const char *marker)
{
    size_t i = 0, m = strlen(marker);
    while (i < n && blank(p[i]))
        i++;
    return i < n && !(n - i >= m && !memcmp(p + i, marker, m));
}

/* One directive at p[0..n) (from the marker on), on line `line`, its
 * marker at column col. Adds the stop with target line, or a warning. */
static void read_one(Directives *ds, const char *p, size_t n, size_t mlen, int line, int col, int target)
{
    size_t i = mlen;
    while (i < n && blank(p[i]))
        i++;
    i += 9; /* "loopscope" */
    while (i < n && blank(p[i]))
        i++;
    if (i >= n || p[i] != ':') {
        warn(ds, line, col, "a loopscope directive needs a ':' after 'loopscope' (like 'loopscope: pause')", NULL, 0);
        return;
    }
    i++;
    while (i < n && blank(p[i]))
        i++;
    size_t w0 = i;
    while (i < n && !blank(p[i]) && p[i] != ':')
        i++;
    if (i == w0) {
        warn(ds, line, col, "an empty loopscope directive (the one there is: 'loopscope: pause' or 'loopscope: pause: NOTE')", NULL, 0);
        return;
    }
    /* other features' directives (the simulated network and files,
     * src/py/loop/stdlib.c) are theirs to check */
    static const char *const others[] = {"net", "file", "python"};
    for (size_t k = 0; k < sizeof others / sizeof others[0]; k++)
        if (i - w0 == strlen(others[k]) && !memcmp(p + w0, others[k], i - w0))
            return;
    if (i - w0 != 5 || memcmp(p + w0, "pause", 5)) {
        warn(ds, line, col + columns(p, w0), "unknown loopscope directive '%.*s' (the one there is: 'pause' or 'pause: NOTE')",
             p + w0, i - w0);
        return;
    }
    while (i < n && blank(p[i]))
        i++;
    const char *note = "";
    size_t nn = 0;
    if (i < n) {
        if (p[i] != ':') {
            warn(ds, line, col + columns(p, i), "unexpected '%.*s' after 'pause': a note goes after a colon ('pause: NOTE')",
                 p + i, n - i);
            return;
        }
        i++;
        while (i < n && blank(p[i]))
            i++;
        nn = n - i;
        while (nn && blank(p[i + nn - 1]))
            nn--;
        note = p + i;
    }
    if (target <= 0) {
        warn(ds, line, col, "a pause with no line of code after it: it never stops", NULL, 0);
        return;
    }
    ds->d = xrealloc(ds->d, (ds->n + 1) * sizeof *ds->d);
    ds->d[ds->n++] = (Directive){.line = target, .at = line, .note = xstrndup(note, nn)};
}

void directive_parse_text(const char *text, size_t len, const char *marker, Directives *out)
{
    memset(out, 0, sizeof *out);
    size_t mlen = strlen(marker);
    int line = 1;
    for (size_t off = 0; off < len; line++) {
        const char *p = text + off;
        const char *nl = memchr(p, '\n', len - off);
        size_t n = nl ? (size_t)(nl - p) : len - off;
        off += n + (nl ? 1 : 0);
        long at = find_marker(p, n, marker);
        if (at < 0)
            continue;
        int target = 0;
        if (is_code(p, (size_t)at, marker)) {
            target = line;
        } else { /* on its own line: the next line of code */
            size_t o2 = off;
            for (int l2 = line + 1; o2 < len; l2++) {
                const char *q = text + o2;
                const char *nl2 = memchr(q, '\n', len - o2);
                size_t n2 = nl2 ? (size_t)(nl2 - q) : len - o2;
                o2 += n2 + (nl2 ? 1 : 0);
                if (is_code(q, n2, marker)) {
                    target = l2;
                    break;
                }
            }
        }
        read_one(out, p + at, n - (size_t)at, mlen, line, columns(p, (size_t)at) + 1, target);
    }
}

void directive_parse(const Source *src, Directives *out)
{
    directive_parse_text(src->text, src->len, directive_marker(src->path), out);
}

void directive_free(Directives *ds)
{
    for (size_t i = 0; i < ds->n; i++)
        xfree(ds->d[i].note);
    xfree(ds->d);
    xfree(ds->w);
    memset(ds, 0, sizeof *ds);
}

void directive_print_warnings(FILE *out, const Source *src, const Directives *ds)
{
    for (size_t i = 0; i < ds->nw; i++)
        fprintf(out, "%s:%d:%d: warning: %s\n", src->path, ds->w[i].line, ds->w[i].col, ds->w[i].msg);
}
