/* directive.h: the `loopscope: pause` comments a scenario carries.
 * Owns reading them out of a scenario's text, whatever its language: a
 * comment marker ("#" for Python, "//" for JavaScript), then
 * "loopscope: pause" or "loopscope: pause: NOTE", at the end of a line of
 * code (a stop on that line) or on a line of its own (a stop on the next
 * line of code). A malformed or unknown directive is a located warning,
 * never an error: it is still a valid comment. Which steps the stops fall
 * on is the recording's (record/stops.c); printing is the caller's. */
#ifndef LS_DIRECTIVE_H
#define LS_DIRECTIVE_H

#include "source.h"

#include <stddef.h>
#include <stdio.h>

typedef struct Directive {
    int line;       /* the line of code the stop is on (1-based) */
    int at;         /* the line the comment is on */
    char *note;     /* the presenter's note, "" for none; owned */
} Directive;

typedef struct DirectiveWarning {
    int line, col;  /* 1-based; col in code points */
    char msg[160];
} DirectiveWarning;

typedef struct Directives {
    Directive *d;
    size_t n;
    DirectiveWarning *w;
    size_t nw;
} Directives;

/* The comment marker for a scenario at path: "//" for .js, else "#". */
const char *directive_marker(const char *path);
/* Read every directive of src (its language from its path). */
void directive_parse(const Source *src, Directives *out);
/* The same on text with the given marker (for tests and other callers). */
void directive_parse_text(const char *text, size_t len, const char *marker, Directives *out);
void directive_free(Directives *ds);
/* "path:line:col: warning: msg" for each warning, to out. */
void directive_print_warnings(FILE *out, const Source *src, const Directives *ds);

#endif
