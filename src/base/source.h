/* source.h: a scenario's text and the one place user-facing load errors
 * are printed from.
 * Owns: reading a file (BOM stripped, CRLF/CR normalised to LF), finding a
 * line's text, and formatting "file:line:col: error: msg" with the source
 * line and a caret. Lexer, parser and compiler report through LangError;
 * only source_print_error writes to the terminal. */
#ifndef LS_SOURCE_H
#define LS_SOURCE_H

#include <stdio.h>
#include <stddef.h>

typedef struct Source {
    char *path;  /* as given by the user; owned */
    char *text;  /* NUL-terminated, LF line endings; owned */
    size_t len;  /* bytes in text (text may hold NUL bytes: the lexer rejects them) */
} Source;

/* A load-time error. line and col are 1-based; col counts characters
 * (code points), not bytes. msg has no trailing newline. */
typedef struct LangError {
    int line, col;
    char msg[512];
} LangError;

/* Read path into a new Source. Returns NULL and fills err->msg (line 0)
 * when the file cannot be read. */
Source *source_read(const char *path, LangError *err);
/* Default largest scenario file, in bytes (--max-source). */
#define SOURCE_MAX_BYTES ((size_t)1 << 20)
/* As source_read, but a file of more than max_bytes (0 = no limit) is
 * refused with a message saying how to raise the limit. */
Source *source_read_max(const char *path, size_t max_bytes, LangError *err);
/* Make a Source from memory (copied); used by tests and the built-in prelude. */
Source *source_from_string(const char *path, const char *text, size_t len);
void source_free(Source *src);

/* Pointer to the first byte of 1-based line n, and its length without the
 * newline. Returns NULL past the end. */
const char *source_line(const Source *src, int n, size_t *len_out);

/* Print "path:line:col: error: msg", then the source line and a caret under
 * col, to out. A LangError with line 0 prints "path: error: msg". */
void source_print_error(FILE *out, const Source *src, const LangError *err);

/* Fill err (snprintf-style) and return 0, so callers can write
 * `return lang_error(err, line, col, "...")`. */
int lang_error(LangError *err, int line, int col, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

#endif
