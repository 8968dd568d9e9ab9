/* pyver.h: which CPython version's semantics a run follows (3.11, 3.12 or
 * 3.13). Owns the one selected version of the run, reading it from the
 * command line's value or the scenario's `# loopscope: python 3.13`
 * directive, and the patch level each minor version stands for. What
 * differs between versions is decided where it happens: the grammar in
 * front/, the library in loop/prelude.py (it reads _PYVER), sys.version
 * in lib/sys.py (through the _pyver() primitive). */
#ifndef LS_PYVER_H
#define LS_PYVER_H

#include "../../base/source.h"

#include <stdbool.h>

#define PYVER_DEFAULT 12
#define PYVER_MIN 11
#define PYVER_MAX 13

/* "3.12" (or "3.12.1" with the patch level loopscope follows) -> 12.
 * False for anything else. */
bool pyver_parse(const char *text, int *minor);
/* The patch level loopscope follows for a minor version: 7, 1 or 0. */
int pyver_micro(int minor);
/* The run's version: set before loading, read everywhere after. */
void pyver_set(int minor);
int pyver_minor(void);
/* The version the scenario asks for with `# loopscope: python X.Y`:
 * 0 when it asks for none; -1 with err located at the directive when
 * its value is not a version loopscope follows (or it says it twice). */
int pyver_directive(const Source *src, LangError *err);

#endif
