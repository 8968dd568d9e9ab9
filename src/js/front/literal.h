/* literal.h: the constants the compiler makes for literals that are more
 * than a number or a string (literal.c). */
#ifndef LS_JS_LITERAL_H
#define LS_JS_LITERAL_H

#include "ast.h"
#include "../objects/rt.h"

/* The constant for a BigInt (N_NUM with digits), a tagged template's
 * strings array (N_TEMPLATE_OBJ) or a regexp literal's template object
 * (N_REGEXP). 0, or -1 with msg (size n) saying why (a bad pattern). */
int js_literal_const(JsRt *rt, const Node *node, JsValue *out, char *msg, size_t n);

#endif
