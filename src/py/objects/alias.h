/* alias.h: `list[int]` at run time: types.GenericAlias (alias.c). */
#ifndef LS_ALIAS_H
#define LS_ALIAS_H

#include "obj.h"

extern Class GenericAliasClass;

/* cls[key] for a class object: a GenericAlias for the built-in containers
 * and type, the class's own __class_getitem__ for a heap class, else
 * TypeError "type 'X' is not subscriptable". New reference or NULL. */
Obj *alias_class_getitem(Obj *cls, Obj *key);

#endif
