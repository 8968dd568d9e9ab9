/* ops.h: what Python's operators and protocols do to values.
 * Owns: arithmetic with Python semantics (floor division and modulo signs,
 * int overflow detection, true division), comparison and ordering,
 * membership, subscripts and slices, len(), format(), and attribute access
 * on built-in values. vm.c calls these for the matching instructions;
 * builtins.c reuses them (sorted, min, max, sum ...). */
#ifndef LS_OPS_H
#define LS_OPS_H

#include "../front/ast.h"
#include "obj.h"

/* All return a new reference, or NULL with an exception pending. */
Obj *op_binary(Op op, Obj *a, Obj *b);      /* OP_ADD ... OP_BITXOR */
Obj *op_inplace(Op op, Obj *a, Obj *b);     /* like op_binary; list += iterable extends a */
Obj *op_unary(Op op, Obj *a);               /* OP_NEG, OP_POS, OP_INVERT, OP_NOT */
Obj *op_compare(Op op, Obj *a, Obj *b);     /* OP_EQ ... OP_ISNOT, OP_IN, OP_NOTIN */
/* a < b as used by sorted/min/max: 1, 0, or -1 with TypeError pending. */
int op_lt(Obj *a, Obj *b);
/* item in container: 1, 0, or -1 on error. */
int op_contains(Obj *container, Obj *item);
Obj *op_getitem(Obj *o, Obj *key);
int op_setitem(Obj *o, Obj *key, Obj *v);   /* 0 ok, -1 error */
int op_delitem(Obj *o, Obj *key);           /* 0 ok, -1 error */
/* len(o), or -1 with TypeError pending. */
int64_t obj_len(Obj *o);
/* format(v, spec) where spec is a str (may be empty). */
Obj *op_format(Obj *v, Obj *spec);
/* Raise OverflowError / MemoryError-like LimitError when a size passes the
 * VM's max_items limit; returns false when raised. */
bool op_check_size(size_t n);

#endif
