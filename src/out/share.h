/* share.h: the formats a run is shared in (issue 18), chosen in one
 * place: `loopscope record --format cast|svg|gif` and `loopscope html`.
 * Owns picking the format (given, or from the file name) and handing the
 * playback to the writer: cast.c, anim.c, gif.c or html.c. */
#ifndef LS_SHARE_H
#define LS_SHARE_H

#include "../view/grid.h"
#include "../view/theme.h"
#include "../view/view.h"

#include <stdbool.h>
#include <stdio.h>

typedef struct ShareOptions {
    const char *scenario; /* the scenario's path: names the page's .cast download */
    const char *title; /* the recording's title */
    const char *doc;   /* the scenario's docstring (html), may be NULL */
    const Palette *pal;
    bool color;
} ShareOptions;

/* Check --format for cmd, or choose it: trace takes text (default) or
 * chrome; record takes cast, svg or gif, by default from the file name's
 * ending (.svg, .gif, anything else cast); other commands take none.
 * Returns false after a message on stderr (usage: exit 2). */
bool share_check_format(const char *cmd, const char **format, const char *path);

/* Write v's playback in g as format ("cast", "svg", "gif"; cmd "html"
 * writes the page) to out. Returns false after a message on stderr when
 * the file cannot be made (the caller drops it); stream errors show in
 * ferror(out). */
bool share_write(const char *cmd, const char *format, View *v, Grid *g, const ShareOptions *o, FILE *out);

#endif
