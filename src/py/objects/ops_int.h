/* ops_int.h: what ops.c (arithmetic and comparison), ops_percent.c
 * (printf-style str % args), ops_subscript.c (subscripts, slices, len) and
 * ops_attr.c (attribute lookup) share: the helpers one defines and another
 * calls. Internal to src/py/objects' operators; everything else uses
 * ops.h. */
#ifndef LS_OPS_INT_H
#define LS_OPS_INT_H

#include "obj.h"

#include <stdbool.h>
#include <stddef.h>

Obj *int_overflow(void);
bool is_number(Obj *o);
double num_double(Obj *o);
Obj **seq_items(Obj *o, size_t *n);
int list_extend_iter(Obj *list, Obj *iterable);
Obj *str_percent(Obj *fmt, Obj *args);
Obj *bytes_percent(Obj *fmt, Obj *args);   /* fmt is bytes */
Obj *list_of(Obj *iterable);

#endif
