/* iter.h: iterators, range objects and dict views.
 * Owns: the one iterator class (IterClass, declared in vm.h) with its
 * variants (list, tuple, str, range, dict, zip, enumerate, reversed, map,
 * filter, set), obj_iter/obj_next (declared in obj.h), building range objects,
 * and the dict_keys / dict_values / dict_items views.
 * Leaves to others: generators run in vm.c (obj_next only calls gen_send);
 * the range struct and its repr live in obj.c; len() and `in` on views are
 * answered by ops.c through the helpers below. */
#ifndef LS_ITER_H
#define LS_ITER_H

#include "obj.h"

#include <stdbool.h>
#include <stdint.h>

/* Give the classes defined here their object headers. Idempotent; called by
 * builtins_init. */
void iter_init(void);

/* A new range object. step must not be 0 (the caller raises ValueError). */
Obj *range_new(int64_t start, int64_t stop, int64_t step);
/* Number of values in a range; may exceed INT64_MAX for ranges spanning
 * the whole int64 domain. */
uint64_t range_len(Obj *range);

/* obj_next for a range iterator without making the int: 1 with *v set,
 * 0 when it is exhausted, -2 with the exception set when the operation
 * budget is spent (charged as obj_next charges), -1 (nothing done) when it
 * is not a range iterator. */
int iter_range_step(Obj *it, int64_t *v);

/* ---- dict views: d.keys(), d.values(), d.items() ---- */

typedef struct DictViewObj { Obj hdr; Obj *dict; } DictViewObj;
extern Class DictKeysClass, DictValuesClass, DictItemsClass;
/* A view of dict (borrowed, kept alive by the view); cls is one of the
 * three view classes. */
Obj *dictview_new(Class *cls, Obj *dict);
bool dictview_check(Obj *o);
/* item in view: 1, 0 or -1 with an exception pending. */
int dictview_contains(Obj *view, Obj *item);

/* ---- iterator constructors; each returns a new iterator or NULL with an
 * exception pending (TypeError when an argument is not iterable) ---- */

/* zip(*iterables, strict=strict) */
Obj *zip_new(Obj **iterables, int n, bool strict);
/* enumerate(iterable, start) */
Obj *enumerate_new(Obj *iterable, int64_t start);
/* reversed(seq) for list, tuple, str, range, dict and dict views. */
Obj *reversed_new(Obj *seq);
/* map(fn, *iterables) with n >= 1 */
Obj *map_new(Obj *fn, Obj **iterables, int n);
/* filter(fn, iterable); fn may be None (keep true items). */
Obj *filter_new(Obj *fn, Obj *iterable);

#endif
