/* inside.h: the internals snapshots' storage, private to src/record (rec.c
 * wraps it in the rec_internals_* functions of rec.h, under the writer's
 * lock). See inside.c. */
#ifndef LS_INSIDE_H
#define LS_INSIDE_H

#include "rec.h"

#include <stddef.h>
#include <stdint.h>

typedef struct Inside Inside;

/* One line of a snapshot: a count ("I12", "r3"), an entry by its words'
 * string id ("R" + the words), a whole line by its text's id ("P...",
 * "H..."), an entry with a time in hundredths and its words' id ("T" +
 * "1.50\t" + the words). */
typedef enum { IL_NUM, IL_REF, IL_LINE, IL_TIME } InKind;
typedef struct InLine {
    uint8_t kind;
    char letter;
    uint32_t id;
    uint64_t v;   /* IL_NUM: the number; IL_TIME: the hundredths */
} InLine;

Inside *inside_new(void);
void inside_free(Inside *in);
size_t inside_bytes(const Inside *in);
/* Writing: a snapshot is begun, given line by line, and ended at step (the
 * recording's last): the end stores what changed since the one before. A
 * step no snapshot is given for shows the one before it. */
void inside_begin(Inside *in);
void inside_add(Inside *in, InLine line);
void inside_end(Inside *in, size_t step);
/* One section of step's snapshot given alone (letter: its list's or its
 * count's), the rest as it was: its n entries and its count. */
void inside_section(Inside *in, size_t step, char letter, const InLine *e, size_t n, bool has, uint64_t count);

/* The same for a writer that knows how a list moved: its first npop
 * entries gone, the n of e appended, and its count. */
void inside_move(Inside *in, size_t step, char letter, size_t npop, const InLine *e, size_t n, bool has,
                 uint64_t count);

/* Step s's snapshot as text, entries with their words (rec_str through r);
 * "" before the first. The calling thread's text. */
const char *inside_at(const Inside *in, const Recording *r, size_t s);

#endif
