/* exgroup.h: BaseExceptionGroup and ExceptionGroup.
 * Owns: building groups with CPython 3.11's validation (the constructor,
 * derive), and splitting them (split, subgroup) by an exception type, a
 * tuple of types or a predicate, keeping each part's traceback, cause and
 * context. The group's class objects and ExcObj (exceptions in extra)
 * live in obj.c; str() of a group in obj.c; its boxed traceback in vm.c;
 * the except* bytecode in compile.c and vm.c, which call the two
 * functions at the end. */
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

/* One `except* type` clause against exc, the part still unhandled (None
 * once everything was handled). On a match, *match is the part to handle
 * (a naked exception wrapped in ExceptionGroup("", [exc])) and *rest what
 * remains (None if nothing); with no match both stay NULL. -1 with
 * TypeError for an invalid type (ExceptionGroup types included). */
int exgroup_match(Obj *exc, Obj *type, Obj **match, Obj **rest);
/* After the except* clauses of a try that caught orig: what to raise, given
 * excs (a list: what the handlers raised, then the unhandled rest). Parts
 * of orig re-raised unchanged are put back in orig's shape; new exceptions
 * join them in ExceptionGroup("", [...]). None when there is nothing. */
Obj *exgroup_prep_reraise(Obj *orig, Obj *excs);

#endif
