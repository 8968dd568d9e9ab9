/* private.h: resolving class private names (#x) before compiling (private.c). */
#ifndef LS_JS_PRIVATE_H
#define LS_JS_PRIVATE_H

#include "ast.h"

/* Rewrite every private name in the tree to its class's key (strings in
 * a). 0, or -1 with err filled (a name no enclosing class declares). */
int js_resolve_private(Node *program, Arena *a, LangError *err);

#endif
