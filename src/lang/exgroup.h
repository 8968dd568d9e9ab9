/* exgroup.h: BaseExceptionGroup and ExceptionGroup.
 * Owns: building groups with CPython 3.11's validation (the constructor,
 * derive), and splitting them (split, subgroup) by an exception type, a
 * tuple of types or a predicate, keeping each part's traceback, cause and
 * context. The group's class objects and ExcObj (exceptions in extra)
 * live in obj.c; str() of a group in obj.c; its boxed traceback in vm.c.
 * except* is refused by the compiler (see compile.c). */
#ifndef LS_EXGROUP_H
#define LS_EXGROUP_H

#include "obj.h"

#include <stdbool.h>

/* True for instances of BaseExceptionGroup (and ExceptionGroup). */
bool exgroup_check(Obj *o);
/* The constructor of both classes (Class.ctor). */
Obj *exgroup_ctor(Obj *cls, Obj **args, int nargs, Obj *kwnames);
/* Methods for methods.c's table. */
Obj *exgroup_m_split(Obj *self, Obj **args, int nargs, Obj *kwnames);
Obj *exgroup_m_subgroup(Obj *self, Obj **args, int nargs, Obj *kwnames);
Obj *exgroup_m_derive(Obj *self, Obj **args, int nargs, Obj *kwnames);

#endif
