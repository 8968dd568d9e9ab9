/* file.h: writing an export file all at once or not at all.
 * Owns the temp file beside the target, flushing it to disk and the final
 * rename, so a reader never sees half a file and a failed write (full
 * disk, unwritable or missing folder) leaves nothing behind. Refuses to
 * replace an existing file unless asked to. What goes into the file is
 * the caller's (svg.c, cast.c, chrome.c, the trace writers). */
#ifndef LS_FILE_H
#define LS_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct OutFile OutFile;

/* Start writing path: a temp file in the same folder, so the final rename
 * stays on one file system. With force false an existing path is an error.
 * Returns NULL with a message in err ("cannot write X: reason", or "X
 * already exists ...") when the file cannot be started. */
OutFile *file_begin(const char *path, bool force, char *err, size_t n);
/* The stream to write to (owned by f). */
FILE *file_stream(OutFile *f);
/* Flush to disk and move the temp file to the path. Returns false with a
 * message in err if any write failed or the file cannot be put in place;
 * then no file is left behind (neither the temp file nor a new path).
 * Frees f either way. */
bool file_commit(OutFile *f, char *err, size_t n);
/* Drop what was written: the temp file is removed. Frees f. */
void file_abort(OutFile *f);

#endif
