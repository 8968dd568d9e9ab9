/* html.h: a run as one self-contained web page (`loopscope html`): the
 * asciicast recording played by the vendored asciinema-player (JS, CSS
 * and its licence inlined), the title, the scenario's docstring, the
 * steps as the player's markers and as a list to jump from, and the .cast
 * to download. No network request when it is opened: everything is in
 * the file. The same run and options give the same bytes. */
#ifndef LS_HTML_H
#define LS_HTML_H

#include "../view/grid.h"
#include "../view/theme.h"
#include "../view/view.h"

#include <stdbool.h>
#include <stdio.h>

typedef struct HtmlPage {
    const char *title;    /* the page's and the recording's title */
    const char *doc;      /* the scenario's docstring (may be NULL or ""); its first line is the title */
    const char *castname; /* the download's file name, like "gather.cast" */
    const Palette *pal;
    bool color;
} HtmlPage;

/* Play v into an asciicast in a w x h grid g (as `loopscope record` does)
 * and write the page around it to out. Errors show in ferror(out). */
void html_record(View *v, Grid *g, const HtmlPage *p, FILE *out);

#endif
