/* catalog.c: a folder's scenarios (see catalog.h). Owns the file filter,
 * the order and the title rule: Python's module docstring ("""..."""
 * or '''...''', its first non-blank line), JavaScript's leading block
 * comment (its first line, without the stars) or // comment. Files are
 * read through source.c, at most the first 64 kB of each. */
#include "catalog.h"

#include "base.h"
#include "source.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a > b && !strcmp(s + a - b, suf);
}

/* Copy the line at p (up to a newline or stop, trimmed) into out. */
static void take_line(const char *p, const char *stop, char *out, size_t n)
{
    while (*p == ' ' || *p == '\t' || *p == '*')
        p++;
    size_t len = strcspn(p, "\n");
    if (stop) {
        const char *s = strstr(p, stop);
        if (s && (size_t)(s - p) < len)
            len = (size_t)(s - p);
    }
    while (len && (p[len - 1] == ' ' || p[len - 1] == '\t' || p[len - 1] == '\r'))
        len--;
    if (len >= n)
        len = n - 1;
    while (len > 0 && ((unsigned char)p[len] & 0xC0) == 0x80) /* a character boundary */
        len--;
    memcpy(out, p, len);
    out[len] = 0;
}

void catalog_title(const char *name, const char *text, char *out, size_t n)
{
    out[0] = 0;
    const char *p = text;
    bool js = ends_with(name, ".js");
    for (;;) { /* skip blank lines (and, for Python, comments and a shebang) */
        while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
            p++;
        if (!js && *p == '#')
            p += strcspn(p, "\n");
        else
            break;
    }
    const char *close;
    if (js && !strncmp(p, "/*", 2)) {
        p += 2;
        close = "*/";
    } else if (js && !strncmp(p, "//", 2)) {
        p += 2;
        close = NULL;
    } else if (!js && (!strncmp(p, "\"\"\"", 3) || !strncmp(p, "'''", 3))) {
        close = p[0] == '"' ? "\"\"\"" : "'''";
        p += 3;
    } else {
        return;
    }
    /* the first non-blank line of the docstring or comment */
    while (*p) {
        const char *q = p;
        while (*q == ' ' || *q == '\t' || *q == '*' || *q == '\r')
            q++;
        if (*q && *q != '\n') {
            if (close && !strncmp(q, close, strlen(close)))
                return;
            take_line(q, close, out, n);
            return;
        }
        p = *q ? q + 1 : q;
    }
}

static int by_name(const void *a, const void *b)
{
    return strcmp(((const CatalogEntry *)a)->name, ((const CatalogEntry *)b)->name);
}

bool catalog_load(const char *dir, Catalog *c, char *err, size_t n)
{
    memset(c, 0, sizeof *c);
    DIR *d = opendir(dir);
    if (!d) {
        snprintf(err, n, "cannot open the folder: %s", strerror(errno));
        return false;
    }
    size_t cap = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.' || !(ends_with(de->d_name, ".py") || ends_with(de->d_name, ".js")))
            continue;
        if (c->n == cap) {
            cap = cap ? cap * 2 : 32;
            c->e = xrealloc(c->e, cap * sizeof *c->e);
        }
        size_t dl = strlen(dir);
        bool slash = dl && dir[dl - 1] == '/';
        CatalogEntry *e = &c->e[c->n++];
        e->name = xstrdup(de->d_name);
        e->path = xmalloc(dl + strlen(de->d_name) + 2);
        sprintf(e->path, "%s%s%s", dir, slash ? "" : "/", de->d_name);
        char title[200] = "";
        LangError le;
        Source *src = source_read_max(e->path, 1 << 16, &le);
        if (src) {
            catalog_title(e->name, src->text, title, sizeof title);
            source_free(src);
        }
        e->title = xstrdup(title);
    }
    closedir(d);
    if (!c->n) {
        snprintf(err, n, "no scenarios (*.py or *.js files) in it");
        return false;
    }
    qsort(c->e, c->n, sizeof *c->e, by_name);
    c->dir = xstrdup(dir);
    return true;
}

void catalog_free(Catalog *c)
{
    for (size_t i = 0; i < c->n; i++) {
        xfree(c->e[i].path);
        xfree(c->e[i].name);
        xfree(c->e[i].title);
    }
    xfree(c->e);
    xfree(c->dir);
    memset(c, 0, sizeof *c);
}
