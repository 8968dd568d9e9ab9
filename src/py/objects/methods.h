/* methods.h: the methods of the built-in types.
 * Owns: str, list, dict, tuple, int and float methods (s.upper(),
 * xs.append(), d.get() ...), str.format, and sorting. obj_getattr in ops.c
 * binds them to their receiver; builtins.c reuses the sort for sorted(). */
#ifndef LS_METHODS_H
#define LS_METHODS_H

#include "obj.h"

#include <stdbool.h>

/* Fill the built-in classes' dicts with their methods, starting from
 * empty dicts (the previous run's died in obj_teardown). Call once per
 * vm_init, after obj_init (builtins_init does). */
void methods_init(void);

/* Sort list in place, stably, comparing with `<` (op_lt) on key(item) when
 * key is given (and not None), else on the items; reverse as list.sort().
 * Returns 0, or -1 with the exception from a key call or a comparison
 * pending (the list then holds its items in some order). */
int list_sort(Obj *list, Obj *key, bool reverse);

/* dict.update(arg): arg is a dict, or an iterable of key/value pairs
 * (CPython's errors for malformed pairs). 0, or -1 with an exception. */
int dict_update(Obj *dict, Obj *arg);

/* str.format(*args, **kwargs) with the format string fmt (a str).
 * args/nargs/kwnames as for a CFunc. New str or NULL. */
Obj *str_format(Obj *fmt, Obj **args, int nargs, Obj *kwnames);

/* The argument checks the methods share, for other types' methods
 * (bytes.c): METH_NOARGS ("x() takes no arguments (1 given)"), PyArg
 * style counts ("find() takes at least 1 argument (0 given)"), an int
 * argument, and an optional slice bound (None or an int, else dflt). */
bool method_noargs(const char *qual, int nargs, Obj *kwnames);
bool method_oldstyle(const char *name, int nargs, Obj *kwnames, int min, int max);
bool method_as_index(Obj *o, int64_t *out);
bool method_slice_bound(Obj *o, long dflt, long *out);
/* str.join and bytes.join (cls StrClass or BytesClass): the items of
 * iterable, each of class cls (else TypeError "sequence item N: expected
 * WHAT, T found"), with sep between them, appended to out. false with the
 * exception set. */
bool method_join(Obj *iterable, Class *cls, const char *what, const char *sep, size_t sepn, Buf *out);
/* The prefixes of startswith/endswith: *arg itself, an instance of cls, or
 * the items of a tuple (*n of them; the caller checks each), else NULL
 * with "NAME first arg must be str or a tuple of str, not T". */
Obj **method_affixes(const char *name, Obj **arg, Class *cls, size_t *n);
/* ascii(v): repr(v) with every non-ASCII character escaped. */
Obj *method_ascii_of(Obj *v);

#endif
