/* esc.h: scenario text made safe for a terminal.
 * Owns: which code points must never reach a terminal or a screen cell as
 * they are (esc_hidden: controls, bidi overrides and other invisible format
 * characters), and the one escaping every piece of scenario text goes
 * through on its way to a terminal: prints, task names, log lines,
 * exception messages and tracebacks, source lines in load errors.
 * Leaves to callers what the text is and where it goes: files and pipes
 * keep the bytes (traces still compare with CPython's), esc_write decides
 * by whether its stream is a terminal. */
#ifndef LS_ESC_H
#define LS_ESC_H

#include "base.h"

#include <stdio.h>

/* True for a code point that draws nothing or changes how a terminal draws
 * what follows: C0 controls (newline and tab included: callers that keep
 * them say so), DEL, C1 controls, the bidi embeddings, overrides, isolates
 * and marks (U+202A..U+202E, U+2066..U+2069, U+200E, U+200F, U+061C),
 * line and paragraph separators, and other invisible format characters
 * (U+200B, U+2060..U+2064, U+206A..U+206F, U+FEFF, U+FFF9..U+FFFB,
 * U+180E). The joiners U+200C and U+200D are kept: emoji and scripts need
 * them and they reorder nothing. */
bool esc_hidden(uint32_t cp);

/* Append s[0..n) to b with every hidden code point written as text that
 * shows what it was: \xNN for a control or a byte that is not UTF-8,
 * \uNNNN for a format character. Newlines and tabs are kept. */
void esc_put(Buf *b, const char *s, size_t n);

/* Write s[0..n) to out: escaped as esc_put does when out is a terminal,
 * the bytes unchanged otherwise. */
void esc_write(FILE *out, const char *s, size_t n);

/* Text to be written through esc_write that some code prints to a FILE *
 * (a traceback, a listing): esc_open gives the stream to print to,
 * esc_close writes what was printed to out and frees it. */
typedef struct EscStream {
    FILE *f;
    char *text;
    size_t size;
} EscStream;
FILE *esc_open(EscStream *e);
void esc_close(EscStream *e, FILE *out);

#endif
