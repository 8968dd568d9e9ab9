/* source.c: reading scenario files and printing located load errors.
 * See source.h. */
#include "source.h"
#include "esc.h"

#include "../base/base.h"

#include <errno.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* Normalise in place: strip a UTF-8 BOM, turn CRLF and lone CR into LF. */
static size_t normalise(char *t, size_t n)
{
    size_t r = 0, w = 0;
    if (n >= 3 && (unsigned char)t[0] == 0xEF && (unsigned char)t[1] == 0xBB &&
        (unsigned char)t[2] == 0xBF)
        r = 3;
    while (r < n) {
        char c = t[r++];
        if (c == '\r') {
            if (r < n && t[r] == '\n')
                r++;
            c = '\n';
        }
        t[w++] = c;
    }
    t[w] = '\0';
    return w;
}

Source *source_from_string(const char *path, const char *text, size_t len)
{
    Source *s = xcalloc(1, sizeof *s);
    s->path = xstrdup(path);
    s->text = xmalloc(len + 1);
    memcpy(s->text, text, len);
    s->text[len] = '\0';
    s->len = normalise(s->text, len);
    return s;
}

Source *source_read(const char *path, LangError *err)
{
    return source_read_max(path, SOURCE_MAX_BYTES, err);
}

Source *source_read_max(const char *path, size_t max_bytes, LangError *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        lang_error(err, 0, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    Buf b;
    buf_init(&b);
    char chunk[65536];
    size_t n;
    bool big = false;
    /* stop at the limit rather than reading all of /dev/zero */
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (max_bytes && b.len + n > max_bytes) {
            big = true;
            break;
        }
        buf_putn(&b, chunk, n);
    }
    int bad = ferror(f);
    int e = errno;
    fclose(f);
    if (big) {
        buf_free(&b);
        lang_error(err, 0, 0,
                   "the file is larger than loopscope's limit of %zu bytes for a scenario "
                   "(raise it with --max-source BYTES)",
                   max_bytes);
        return NULL;
    }
    if (bad) {
        buf_free(&b);
        if (e == EISDIR)
            lang_error(err, 0, 0, "cannot read: it is a directory");
        else
            lang_error(err, 0, 0, "cannot read the file: %s", strerror(e));
        return NULL;
    }
    Source *s = xcalloc(1, sizeof *s);
    s->path = xstrdup(path);
    s->text = buf_take(&b, &s->len);
    buf_free(&b);
    s->len = normalise(s->text, s->len);
    return s;
}

void source_free(Source *src)
{
    if (!src)
        return;
    xfree(src->path);
    xfree(src->text);
    xfree(src);
}

const char *source_line(const Source *src, int n, size_t *len_out)
{
    if (n < 1)
        return NULL;
    const char *p = src->text, *end = src->text + src->len;
    for (int i = 1; i < n; i++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            return NULL;
        p = nl + 1;
    }
    if (p > end || (p == end && n > 1 && p[-1] == '\n'))
        return NULL;
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    *len_out = (size_t)((nl ? nl : end) - p);
    return p;
}

void source_print_error(FILE *out, const Source *src, const LangError *err)
{
    const char *path = src ? src->path : "<input>";
    /* the message may quote the scenario, the path is any bytes: esc */
    Buf b;
    buf_init(&b);
    if (err->line <= 0)
        buf_printf(&b, "%s: error: %s\n", path, err->msg);
    else
        buf_printf(&b, "%s:%d:%d: error: %s\n", path, err->line, err->col, err->msg);
    esc_write(out, b.s, b.len);
    buf_free(&b);
    size_t len;
    const char *line = src && err->line > 0 ? source_line(src, err->line, &len) : NULL;
    if (!line)
        return;
    /* Show the line with tabs as single spaces and every character that
     * must not reach a terminal (esc_hidden: controls, C1, bidi) as one
     * '?', so the caret lines up and nothing hostile is echoed. */
    fputs("    ", out);
    int width = 0;
    for (size_t i = 0; i < len && width < 400;) {
        uint32_t cp;
        size_t n = utf8_decode(line + i, len - i, &cp);
        if (cp == '\t')
            fputc(' ', out);
        else if (esc_hidden(cp) || (n == 1 && cp == UTF8_BAD))
            fputc('?', out);
        else
            fwrite(line + i, 1, n, out);
        i += n;
        width++;
    }
    fputc('\n', out);
    int col = err->col < 1 ? 1 : err->col;
    if (col > width + 1)
        col = width + 1;
    fprintf(out, "    %*s^\n", col - 1, "");
}

int lang_error(LangError *err, int line, int col, const char *fmt, ...)
{
    va_list ap;
    err->line = line;
    err->col = col;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return 0;
}
