/* suggest.h: CPython's "Did you mean" for NameError and AttributeError. */
#ifndef LS_SUGGEST_H
#define LS_SUGGEST_H

#include "../objects/obj.h"

/* The candidate closest to name by CPython 3.11's rule (borrowed), or NULL. */
Obj *suggest_pick(Obj *const *items, size_t n, Obj *name);
/* A NameError for name raised in a frame: keep e.name and the suggestion
 * (varnames: tuple of the frame's local names or NULL; dicts may be NULL). */
void suggest_name_error(Obj *exc, Obj *name, Obj *varnames, Obj *globals, Obj *builtins);
/* An AttributeError from obj.name: keep e.name and e.obj (first raise wins). */
void suggest_attr_error(Obj *exc, Obj *obj, Obj *name);
/* Append ". Did you mean: 'x'?" to a message when exc has a suggestion. */
void suggest_suffix(Obj *exc, Buf *out);

#endif
