/* class.h: lowering class bodies (class.c). */
#ifndef LS_JS_CLASS_H
#define LS_JS_CLASS_H

#include "ast.h"

/* A new zeroed node in a, located at `at`. */
Node *js_node_new(Arena *a, NodeKind k, const Node *at);
/* The instance (or static) field initialiser of class cls as a method
 * node, or NULL when it has none. */
Node *js_class_fields(Arena *a, Node *cls, bool is_static);

#endif
