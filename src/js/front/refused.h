/* refused.h: globals a scenario may not use (refused.c). */
#ifndef LS_JS_REFUSED_H
#define LS_JS_REFUSED_H

#include <stddef.h>

/* Why name is refused, or NULL if it is not. */
const char *js_refused_global(const char *name);

#endif
