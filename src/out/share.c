/* share.c: choosing the shared format. See share.h.
 * Owns the names of the formats and which command takes which; the
 * writing is the writers' (cast.c, anim.c, gif.c, html.c). */
#include "share.h"

#include "../base/base.h"
#include "anim.h"
#include "cast.h"
#include "gif.h"
#include "html.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static bool ends_with(const char *s, const char *end)
{
    size_t n = strlen(s), m = strlen(end);
    return n > m && !strcasecmp(s + n - m, end);
}

bool share_check_format(const char *cmd, const char **format, const char *path)
{
    const char *f = *format;
    if (!strcmp(cmd, "trace")) {
        if (!f)
            f = "text";
        if (strcmp(f, "text") != 0 && strcmp(f, "chrome") != 0) {
            fprintf(stderr, "loopscope: --format: '%s' is not text or chrome\n", f);
            return false;
        }
    } else if (!strcmp(cmd, "record")) {
        if (!f)
            f = path && ends_with(path, ".svg") ? "svg" : path && ends_with(path, ".gif") ? "gif" : "cast";
        if (strcmp(f, "cast") != 0 && strcmp(f, "svg") != 0 && strcmp(f, "gif") != 0) {
            fprintf(stderr, "loopscope: --format: '%s' is not cast, svg or gif\n", f);
            return false;
        }
    }
    *format = f;
    return true;
}

/* "gather.cast" for the scenario ".../gather.py": the same name wherever
 * the page is written, so the page's bytes do not depend on -o. */
static char *cast_name(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    if (!*base)
        base = "loopscope";
    size_t n = strlen(base);
    const char *dot = strrchr(base, '.');
    if (dot && dot != base)
        n = (size_t)(dot - base);
    Buf b;
    buf_init(&b);
    buf_putn(&b, base, n);
    buf_puts(&b, ".cast");
    return b.s;
}

bool share_write(const char *cmd, const char *format, View *v, Grid *g, const ShareOptions *o, FILE *out)
{
    if (!strcmp(cmd, "html")) {
        char *name = cast_name(o->scenario);
        HtmlPage p = {.title = o->title, .doc = o->doc, .castname = name, .pal = o->pal, .color = o->color};
        html_record(v, g, &p, out);
        xfree(name);
    } else if (!strcmp(format, "svg")) {
        anim_record(v, g, o->pal, o->color, o->title, out);
    } else if (!strcmp(format, "gif")) {
        char err[512];
        if (isatty(fileno(out))) {
            fprintf(stderr, "loopscope: a GIF is binary and would garble the terminal: give -o FILE.gif "
                            "or redirect standard output\n");
            return false;
        }
        if (!gif_size_ok(g->w, g->h)) {
            fprintf(stderr, "loopscope: --size %dx%d is too big for a GIF (at most %ld pixels; 100x30 is 860x530)\n",
                    g->w, g->h, (long)GIF_MAX_PIXELS);
            return false;
        }
        if (!gif_record(v, g, o->pal, o->color, out, err, sizeof err)) {
            fprintf(stderr, "loopscope: %s\n", err);
            return false;
        }
    } else {
        Cast *c = cast_new(out, g->w, g->h, o->title, o->pal, o->color);
        cast_end(c, cast_play(c, v, g));
    }
    return true;
}
