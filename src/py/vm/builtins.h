/* builtins.h: the names every scenario sees without importing anything.
 * Owns: filling the builtins dict (print, len, range, the type objects,
 * the exception classes, ...). vm_init calls builtins_init once. */
#ifndef LS_BUILTINS_H
#define LS_BUILTINS_H

#include "../objects/obj.h"

/* Register every built-in function and class into builtins_dict (borrowed),
 * give the built-in classes their constructors and attribute hooks, and
 * fill the classes' method tables (methods_init). Call after obj_init. */
void builtins_init(Obj *builtins_dict);
/* exctree.c: the rest of CPython's exception classes and their aliases,
 * built with the constructor and attribute hook of the others. */
void exctree_init(Obj *builtins_dict, CFunc ctor, Obj *(*getattr)(Obj *, Obj *));
extern Class ImportErrorClass;
extern Class ModuleNotFoundErrorClass; /* stdlib.c raises it (exctree.c) */
/* callable(o) */
bool obj_callable(Obj *o);

#endif
