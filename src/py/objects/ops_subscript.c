/* ops_subscript.c: subscripts on built-in values.
 * Owns: o[key] for get, set and delete on str, bytes, lists, tuples, ranges and
 * dicts, slice indices and list slice assignment, and len(). Leaves the
 * other operators to ops.c (shared helpers in ops_int.h). */
#include "ops.h"
#include "ops_int.h"
#include "alias.h"
#include "bytes.h"

#include "format.h"
#include "iter.h"
#include "klass.h"
#include "set.h"
#include "text.h"
#include "../vm/vm.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Resolve slice s against a sequence of length len (PySlice_AdjustIndices).
 * Returns the number of items selected, or -1 with an exception. */
static int64_t slice_indices(Obj *s, int64_t len, int64_t *start, int64_t *stop, int64_t *step)
{
    SliceObj *sl = (SliceObj *)s;
    Obj *parts[3] = {sl->start, sl->stop, sl->step};
    for (int i = 0; i < 3; i++) {
        if (parts[i] && parts[i] != None && !is_int(parts[i])) {
            err_format(&TypeErrorClass, "slice indices must be integers or None or have an __index__ method");
            return -1;
        }
    }
    *step = (sl->step && sl->step != None) ? INT_V(sl->step) : 1;
    if (*step == 0) {
        err_format(&ValueErrorClass, "slice step cannot be zero");
        return -1;
    }
    if (*step < -INT64_MAX)
        *step = -INT64_MAX;
    bool back = *step < 0;
    if (!sl->start || sl->start == None) {
        *start = back ? len - 1 : 0;
    } else {
        *start = INT_V(sl->start);
        if (*start < 0) {
            *start = *start < -len ? (back ? -1 : 0) : *start + len;
        } else if (*start >= len) {
            *start = back ? len - 1 : len;
        }
    }
    if (!sl->stop || sl->stop == None) {
        *stop = back ? -1 : len;
    } else {
        *stop = INT_V(sl->stop);
        if (*stop < 0) {
            *stop = *stop < -len ? (back ? -1 : 0) : *stop + len;
        } else if (*stop >= len) {
            *stop = back ? len - 1 : len;
        }
    }
    if (back)
        return *stop < *start ? (int64_t)(((uint64_t)*start - (uint64_t)*stop - 1) / (0 - (uint64_t)*step) + 1) : 0;
    return *start < *stop ? (int64_t)(((uint64_t)*stop - (uint64_t)*start - 1) / (uint64_t)*step + 1) : 0;
}

/* Normalise a possibly negative index into [0, len); false if out of range. */
static bool index_fix(int64_t *i, int64_t len)
{
    if (*i < 0)
        *i += len;
    return *i >= 0 && *i < len;
}

/* Byte offsets of every code point of s, plus the end: ncp + 1 entries. */
static size_t *str_offsets(Obj *s)
{
    size_t ncp = ((StrObj *)s)->ncp, len = STR_LEN(s);
    size_t *off = xmalloc((ncp + 1) * sizeof(size_t));
    size_t k = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)STR_S(s)[i] & 0xC0) != 0x80)
            off[k++] = i;
    off[k] = len;
    return off;
}

static Obj *str_getitem(Obj *s, Obj *key)
{
    StrObj *so = (StrObj *)s;
    int64_t ncp = (int64_t)so->ncp;
    if (is_int(key)) {
        int64_t i = INT_V(key);
        if (!index_fix(&i, ncp))
            return err_null(&IndexErrorClass, "string index out of range");
        if (so->ascii)
            return str_new(so->s + i, 1);
        size_t *off = str_offsets(s);
        Obj *r = str_new(so->s + off[i], off[i + 1] - off[i]);
        xfree(off);
        return r;
    }
    if (IS(key, SliceClass)) {
        int64_t start, stop, step;
        int64_t n = slice_indices(key, ncp, &start, &stop, &step);
        if (n < 0)
            return NULL;
        if (n == 0)
            return str_new("", 0);
        if (so->ascii) {
            if (step == 1)
                return str_new(so->s + start, (size_t)n);
            char *p = xmalloc((size_t)n);
            for (int64_t k = 0, i = start; k < n; k++, i += step)
                p[k] = so->s[i];
            Obj *r = str_new(p, (size_t)n);
            xfree(p);
            return r;
        }
        size_t *off = str_offsets(s);
        Obj *r;
        if (step == 1) {
            r = str_new(so->s + off[start], off[stop] - off[start]);
        } else {
            Buf b;
            buf_init(&b);
            for (int64_t k = 0, i = start; k < n; k++, i += step)
                buf_putn(&b, so->s + off[i], off[i + 1] - off[i]);
            r = str_new(b.s, b.len);
            buf_free(&b);
        }
        xfree(off);
        return r;
    }
    return err_null(&TypeErrorClass, "string indices must be integers, not '%s'", obj_type_name(key));
}

static Obj *bytes_getitem(Obj *b, Obj *key)
{
    if (is_int(key)) {
        int64_t i = INT_V(key);
        if (!index_fix(&i, (int64_t)BYTES_LEN(b)))
            return err_null(&IndexErrorClass, "index out of range");
        return int_new(BYTES_S(b)[i]);
    }
    if (IS(key, SliceClass)) {
        int64_t start, stop, step;
        int64_t n = slice_indices(key, (int64_t)BYTES_LEN(b), &start, &stop, &step);
        return n < 0 ? NULL : bytes_slice(b, start, step, n);
    }
    return err_null(&TypeErrorClass, "byte indices must be integers or slices, not %s", obj_type_name(key));
}

static Obj *seq_getitem(Obj *o, Obj *key)
{
    size_t n;
    Obj **items = seq_items(o, &n);
    bool tuple = IS(o, TupleClass);
    if (is_int(key)) {
        int64_t i = INT_V(key);
        if (!index_fix(&i, (int64_t)n))
            return err_null(&IndexErrorClass, "%s index out of range", tuple ? "tuple" : "list");
        INCREF(items[i]);
        return items[i];
    }
    if (IS(key, SliceClass)) {
        int64_t start, stop, step;
        int64_t count = slice_indices(key, (int64_t)n, &start, &stop, &step);
        if (count < 0)
            return NULL;
        if (tuple && step == 1 && count == (int64_t)n) {
            INCREF(o);
            return o;
        }
        if (!vm_charge_ops((uint64_t)count >> 2)) /* the copy is a C loop */
            return NULL;
        Obj *r = tuple ? tuple_new((size_t)count) : list_new((size_t)count);
        for (int64_t k = 0, i = start; k < count; k++, i += step) {
            if (tuple) {
                INCREF(items[i]);
                TUP_ITEMS(r)[k] = items[i];
            } else {
                list_append(r, items[i]);
            }
        }
        return r;
    }
    return err_null(&TypeErrorClass, "%s indices must be integers or slices, not %s", CLS(o)->name,
                    obj_type_name(key));
}

static Obj *range_getitem(Obj *o, Obj *key)
{
    RangeObj *r = (RangeObj *)o;
    uint64_t len = range_len(o);
    if (len > INT64_MAX)
        return err_null(&OverflowErrorClass, "Python int too large to convert to C ssize_t");
    if (is_int(key)) {
        int64_t i = INT_V(key);
        if (!index_fix(&i, (int64_t)len))
            return err_null(&IndexErrorClass, "range object index out of range");
        return int_new((int64_t)((uint64_t)r->start + (uint64_t)i * (uint64_t)r->step));
    }
    if (IS(key, SliceClass)) {
        int64_t start, stop, step, nstart, nstop, nstep;
        if (slice_indices(key, (int64_t)len, &start, &stop, &step) < 0)
            return NULL;
        if (__builtin_mul_overflow(r->step, step, &nstep) ||
            __builtin_mul_overflow(start, r->step, &nstart) ||
            __builtin_add_overflow(nstart, r->start, &nstart) ||
            __builtin_mul_overflow(stop, r->step, &nstop) ||
            __builtin_add_overflow(nstop, r->start, &nstop))
            return int_overflow();
        return range_new(nstart, nstop, nstep);
    }
    return err_null(&TypeErrorClass, "range indices must be integers or slices, not %s", obj_type_name(key));
}

Obj *op_getitem(Obj *o, Obj *key)
{
    switch (CLS(o)->kind) {
    case K_LIST:
    case K_TUPLE:
        return seq_getitem(o, key);
    case K_STR:
        return str_getitem(o, key);
    case K_BYTES:
        return bytes_getitem(o, key);
    case K_DICT: {
        Obj *v = dict_get(o, key);
        if (v) {
            INCREF(v);
            return v;
        }
        if (!err_occurred()) {
            Obj *args = tuple_pack(1, key);
            err_set(exc_new(&KeyErrorClass, args));
            DECREF(args);
        }
        return NULL;
    }
    case K_RANGE:
        return range_getitem(o, key);
    default:
        if (CLS(o)->heap && klass_special(o, "__getitem__"))
            return klass_call_special(o, "__getitem__", &key, 1);
        if (IS(o, ClassClass))
            return alias_class_getitem(o, key);
        return err_null(&TypeErrorClass, "'%s' object is not subscriptable", obj_type_name(o));
    }
}

/* A new list of the items of iterable (any iterable), or NULL. */
Obj *list_of(Obj *iterable)
{
    Obj *l = list_new(0);
    if (list_extend_iter(l, iterable) < 0) {
        DECREF(l);
        return NULL;
    }
    return l;
}

/* xs[start:stop] = items for a step-1 slice. */
static void list_splice(Obj *list, int64_t start, int64_t stop, Obj **items, size_t n)
{
    ListObj *l = (ListObj *)list;
    if (stop < start)
        stop = start;
    size_t removed = (size_t)(stop - start);
    Obj **old = xmalloc((removed ? removed : 1) * sizeof(Obj *));
    memcpy(old, l->items + start, removed * sizeof(Obj *));
    size_t newn = l->n - removed + n;
    if (newn > l->cap) {
        l->cap = newn;
        l->items = xrealloc(l->items, l->cap * sizeof(Obj *));
    }
    memmove(l->items + start + n, l->items + stop, (l->n - (size_t)stop) * sizeof(Obj *));
    for (size_t i = 0; i < n; i++) {
        INCREF(items[i]);
        l->items[start + (int64_t)i] = items[i];
    }
    l->n = newn;
    for (size_t i = 0; i < removed; i++)
        DECREF(old[i]);
    xfree(old);
}

/* xs[key] = v. The items of v are taken first and the slice resolved
 * against the length after that: taking them may run scenario code (a
 * generator) that shrinks or grows the list, as CPython's list_ass_slice
 * re-clamps after PySequence_Fast. */
static int list_setslice(Obj *list, Obj *key, Obj *v)
{
    int64_t start, stop, step;
    if (slice_indices(key, (int64_t)LIST_N(list), &start, &stop, &step) < 0)
        return -1;
    Obj *items = list_of(v);
    int64_t count = items ? slice_indices(key, (int64_t)LIST_N(list), &start, &stop, &step) : 0;
    if (count < 0) {
        DECREF(items);
        return -1;
    }
    if (!items) {
        if (err_matches(&TypeErrorClass)) {
            err_clear();
            err_format(&TypeErrorClass, step == 1 ? "can only assign an iterable"
                                                  : "must assign iterable to extended slice");
        }
        return -1;
    }
    int rc = 0;
    if (step == 1) {
        if (!op_check_size(LIST_N(list) - (size_t)count + LIST_N(items)))
            rc = -1;
        else
            list_splice(list, start, start + count, LIST_ITEMS(items), LIST_N(items));
    } else if ((int64_t)LIST_N(items) != count) {
        err_format(&ValueErrorClass, "attempt to assign sequence of size %zu to extended slice of size %lld",
                   LIST_N(items), (long long)count);
        rc = -1;
    } else {
        for (int64_t k = 0, i = start; k < count; k++, i += step) {
            INCREF(LIST_ITEMS(items)[k]);
            SETREF(LIST_ITEMS(list)[i], LIST_ITEMS(items)[k]);
        }
    }
    DECREF(items);
    return rc;
}

int op_setitem(Obj *o, Obj *key, Obj *v)
{
    if (IS(o, ListClass)) {
        if (is_int(key)) {
            int64_t i = INT_V(key);
            if (!index_fix(&i, (int64_t)LIST_N(o))) {
                err_format(&IndexErrorClass, "list assignment index out of range");
                return -1;
            }
            INCREF(v);
            SETREF(LIST_ITEMS(o)[i], v);
            return 0;
        }
        if (IS(key, SliceClass))
            return list_setslice(o, key, v);
        err_format(&TypeErrorClass, "list indices must be integers or slices, not %s", obj_type_name(key));
        return -1;
    }
    if (IS(o, DictClass)) {
        if (dict_set(o, key, v) < 0)
            return -1;
        return op_check_size(DICT_N(o)) ? 0 : -1;
    }
    if (CLS(o)->heap && klass_special(o, "__setitem__")) {
        Obj *args[2] = {key, v};
        Obj *r = klass_call_special(o, "__setitem__", args, 2);
        XDECREF(r);
        return r ? 0 : -1;
    }
    err_format(&TypeErrorClass, "'%s' object does not support item assignment", obj_type_name(o));
    return -1;
}

int op_delitem(Obj *o, Obj *key)
{
    if (IS(o, ListClass)) {
        if (is_int(key)) {
            int64_t i = INT_V(key);
            if (!index_fix(&i, (int64_t)LIST_N(o))) {
                err_format(&IndexErrorClass, "list assignment index out of range");
                return -1;
            }
            list_splice(o, i, i + 1, NULL, 0);
            return 0;
        }
        if (IS(key, SliceClass)) {
            int64_t start, stop, step;
            int64_t count = slice_indices(key, (int64_t)LIST_N(o), &start, &stop, &step);
            if (count < 0)
                return -1;
            if (step == 1) {
                list_splice(o, start, start + count, NULL, 0);
                return 0;
            }
            /* extended slice: keep the items not selected, in order */
            ListObj *l = (ListObj *)o;
            if (step < 0) {
                start = start + (count - 1) * step;
                step = -step;
            }
            Obj **dead = xmalloc(((size_t)count + 1) * sizeof(Obj *));
            size_t w = 0, nd = 0;
            for (size_t i = 0; i < l->n; i++) {
                int64_t d = (int64_t)i - start;
                if (nd < (size_t)count && d >= 0 && d % step == 0)
                    dead[nd++] = l->items[i];
                else
                    l->items[w++] = l->items[i];
            }
            l->n = w;
            for (size_t i = 0; i < nd; i++)
                DECREF(dead[i]);
            xfree(dead);
            return 0;
        }
        err_format(&TypeErrorClass, "list indices must be integers or slices, not %s", obj_type_name(key));
        return -1;
    }
    if (IS(o, DictClass)) {
        int r = dict_del(o, key);
        if (r < 0)
            return -1;
        if (r == 0) {
            Obj *args = tuple_pack(1, key);
            err_set(exc_new(&KeyErrorClass, args));
            DECREF(args);
            return -1;
        }
        return 0;
    }
    if (CLS(o)->heap && klass_special(o, "__delitem__")) {
        Obj *r = klass_call_special(o, "__delitem__", &key, 1);
        XDECREF(r);
        return r ? 0 : -1;
    }
    err_format(&TypeErrorClass, "'%s' object doesn't support item deletion", obj_type_name(o));
    return -1;
}

int64_t obj_len(Obj *o)
{
    switch (CLS(o)->kind) {
    case K_STR: return (int64_t)((StrObj *)o)->ncp;
    case K_BYTES: return (int64_t)BYTES_LEN(o);
    case K_TUPLE: return (int64_t)TUP_N(o);
    case K_LIST: return (int64_t)LIST_N(o);
    case K_DICT: return (int64_t)DICT_N(o);
    case K_SET:
    case K_FROZENSET: return (int64_t)SET_N(o);
    case K_RANGE: {
        uint64_t n = range_len(o);
        if (n > INT64_MAX) {
            err_format(&OverflowErrorClass, "Python int too large to convert to C ssize_t");
            return -1;
        }
        return (int64_t)n;
    }
    default:
        break;
    }
    if (dictview_check(o))
        return (int64_t)DICT_N(((DictViewObj *)o)->dict);
    if (CLS(o)->heap) {
        int64_t n = klass_len(o);
        if (n != KLASS_NONE)
            return n;
    }
    Obj *members = klass_class_iter(o);
    if (members) {
        int64_t n = obj_len(members);
        DECREF(members);
        return n;
    }
    if (err_occurred())
        return -1;
    err_format(&TypeErrorClass, "object of type '%s' has no len()", obj_type_name(o));
    return -1;
}
