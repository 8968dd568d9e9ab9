/* iter.c: iteration over built-in values.
 * Owns: IterClass and its variants, obj_iter/obj_next, range objects'
 * construction and length, and the dict views with their repr.
 * Leaves to vm.c running generator frames (obj_next on a generator is one
 * gen_send) and to ops.c the operators on these values. List iterators
 * index the live list, as CPython's do, so appending while iterating is
 * seen; dict iterators raise RuntimeError when the dict changes size. */
#include "iter.h"

#include "bytes.h"
#include "klass.h"
#include "set.h"

#include "../vm/vm.h"

#include <stdio.h>
#include <stdlib.h>

typedef enum IterKind {
    IT_LIST, IT_TUPLE, IT_STR, IT_RANGE, IT_DICT_KEYS, IT_DICT_VALUES, IT_DICT_ITEMS,
    IT_ZIP, IT_ENUMERATE, IT_REV_LIST, IT_REV_TUPLE, IT_REV_STR, IT_REV_DICT_KEYS,
    IT_REV_DICT_VALUES, IT_REV_DICT_ITEMS, IT_MAP, IT_FILTER, IT_SET, IT_BYTES, IT_REV_BYTES
} IterKind;

typedef struct IterObj {
    Obj hdr;
    IterKind kind;
    Obj *src;          /* the container, or a tuple of iterators; NULL once exhausted */
    Obj *fn;           /* map/filter function */
    size_t pos;        /* index, byte offset or dict entry position */
    size_t n;          /* dict size when the iterator was made */
    int64_t cur, step; /* range: next value and step; enumerate: counter */
    uint64_t left;     /* range: values left */
    bool strict;       /* zip(strict=True) */
} IterObj;

static const char *const iter_names[] = {
    [IT_LIST] = "list_iterator", [IT_TUPLE] = "tuple_iterator", [IT_STR] = "str_iterator",
    [IT_RANGE] = "range_iterator", [IT_DICT_KEYS] = "dict_keyiterator",
    [IT_DICT_VALUES] = "dict_valueiterator", [IT_DICT_ITEMS] = "dict_itemiterator",
    [IT_ZIP] = "zip", [IT_ENUMERATE] = "enumerate", [IT_REV_LIST] = "list_reverseiterator",
    [IT_REV_TUPLE] = "reversed", [IT_REV_STR] = "reversed",
    [IT_REV_DICT_KEYS] = "dict_reversekeyiterator",
    [IT_REV_DICT_VALUES] = "dict_reversevalueiterator",
    [IT_REV_DICT_ITEMS] = "dict_reverseitemiterator", [IT_MAP] = "map", [IT_FILTER] = "filter",
    [IT_SET] = "set_iterator", [IT_BYTES] = "bytes_iterator", [IT_REV_BYTES] = "reversed",
};

static void iter_repr(Obj *o, Buf *out)
{
    buf_printf(out, "<%s object at %p>", iter_names[((IterObj *)o)->kind], (void *)o);
}

static void iter_dealloc(Obj *o)
{
    IterObj *it = (IterObj *)o;
    XDECREF(it->src);
    XDECREF(it->fn);
}

Class IterClass = {.name = "iterator", .kind = K_ITER, .base = &ObjectClass, .size = sizeof(IterObj),
                   .repr = iter_repr, .dealloc = iter_dealloc, .builtin = true};

/* A new iterator of kind over src (borrowed, increfed; may be NULL). */
static IterObj *iter_alloc(IterKind kind, Obj *src)
{
    IterObj *it = (IterObj *)obj_alloc(&IterClass, sizeof(IterObj));
    it->kind = kind;
    XINCREF(src);
    it->src = src;
    return it;
}

/* ---------------------------------------------------------------- range */

Obj *range_new(int64_t start, int64_t stop, int64_t step)
{
    RangeObj *r = (RangeObj *)obj_alloc(&RangeClass, sizeof(RangeObj));
    r->start = start;
    r->stop = stop;
    r->step = step;
    return &r->hdr;
}

uint64_t range_len(Obj *range)
{
    RangeObj *r = (RangeObj *)range;
    if (r->step > 0 && r->start < r->stop)
        return ((uint64_t)r->stop - (uint64_t)r->start - 1) / (uint64_t)r->step + 1;
    if (r->step < 0 && r->start > r->stop)
        return ((uint64_t)r->start - (uint64_t)r->stop - 1) / (0 - (uint64_t)r->step) + 1;
    return 0;
}

/* ---------------------------------------------------------- dict views */

static void view_dealloc(Obj *o)
{
    XDECREF(((DictViewObj *)o)->dict);
}

/* dict_keys(['a', 'b']): the view's items as a list repr. */
static void view_repr(Obj *o, Buf *out)
{
    Obj *list = list_new(DICT_N(((DictViewObj *)o)->dict));
    Obj *it = obj_iter(o);
    if (!it) {
        DECREF(list);
        return;
    }
    Obj *v;
    while ((v = obj_next(it)))
        list_append_steal(list, v);
    DECREF(it);
    buf_puts(out, o->cls->name);
    buf_putc(out, '(');
    if (!err_occurred())
        obj_repr(list, out);
    buf_putc(out, ')');
    DECREF(list);
}

Class DictKeysClass = {.name = "dict_keys", .kind = K_OTHER, .base = &ObjectClass,
                       .size = sizeof(DictViewObj), .repr = view_repr, .dealloc = view_dealloc,
                       .builtin = true};
Class DictValuesClass = {.name = "dict_values", .kind = K_OTHER, .base = &ObjectClass,
                         .size = sizeof(DictViewObj), .repr = view_repr, .dealloc = view_dealloc,
                         .builtin = true};
Class DictItemsClass = {.name = "dict_items", .kind = K_OTHER, .base = &ObjectClass,
                        .size = sizeof(DictViewObj), .repr = view_repr, .dealloc = view_dealloc,
                        .builtin = true};

Obj *dictview_new(Class *cls, Obj *dict)
{
    DictViewObj *v = (DictViewObj *)obj_alloc(cls, sizeof(DictViewObj));
    INCREF(dict);
    v->dict = dict;
    return &v->hdr;
}

bool dictview_check(Obj *o)
{
    return IS(o, DictKeysClass) || IS(o, DictValuesClass) || IS(o, DictItemsClass);
}

int dictview_contains(Obj *view, Obj *item)
{
    Obj *d = ((DictViewObj *)view)->dict;
    if (IS(view, DictKeysClass)) {
        Obj *v = dict_get(d, item);
        return v ? 1 : err_occurred() ? -1 : 0;
    }
    if (IS(view, DictItemsClass)) {
        if (!IS(item, TupleClass) || TUP_N(item) != 2)
            return 0;
        Obj *v = dict_get(d, TUP_ITEMS(item)[0]);
        if (!v)
            return err_occurred() ? -1 : 0;
        INCREF(v); /* __eq__ may delete it from the dict */
        int r = obj_eq(v, TUP_ITEMS(item)[1]);
        DECREF(v);
        return r;
    }
    size_t pos = 0, n = DICT_N(d);
    Obj *v;
    while (dict_next(d, &pos, NULL, &v)) {
        INCREF(v);
        int r = obj_eq(v, item);
        DECREF(v);
        if (r)
            return r;
        if (DICT_N(d) != n) { /* as iterating the view would say */
            err_format(&RuntimeErrorClass, "dictionary changed size during iteration");
            return -1;
        }
    }
    return 0;
}

/* ----------------------------------------------------------- obj_iter */

static Obj *dict_iter(Obj *d, IterKind kind)
{
    IterObj *it = iter_alloc(kind, d);
    it->n = DICT_N(d);
    return &it->hdr;
}

Obj *obj_iter(Obj *o)
{
    Class *c = CLS(o);
    switch (c->kind) {
    case K_LIST:
        return &iter_alloc(IT_LIST, o)->hdr;
    case K_TUPLE:
        return &iter_alloc(IT_TUPLE, o)->hdr;
    case K_STR:
        return &iter_alloc(IT_STR, o)->hdr;
    case K_BYTES:
        return &iter_alloc(IT_BYTES, o)->hdr;
    case K_DICT:
        return dict_iter(o, IT_DICT_KEYS);
    case K_RANGE: {
        IterObj *it = iter_alloc(IT_RANGE, NULL);
        RangeObj *r = (RangeObj *)o;
        it->cur = r->start;
        it->step = r->step;
        it->left = range_len(o);
        return &it->hdr;
    }
    case K_SET:
    case K_FROZENSET: {
        IterObj *it = iter_alloc(IT_SET, o);
        it->n = SET_N(o);
        return &it->hdr;
    }
    case K_ITER:
        INCREF(o);
        return o;
    default:
        if (c->heap && klass_special(o, "__iter__"))
            return klass_iter(o);
        break;
    }
    if (c == &GenClass) {
        INCREF(o);
        return o;
    }
    if (c == &DictKeysClass)
        return dict_iter(((DictViewObj *)o)->dict, IT_DICT_KEYS);
    if (c == &DictValuesClass)
        return dict_iter(((DictViewObj *)o)->dict, IT_DICT_VALUES);
    if (c == &DictItemsClass)
        return dict_iter(((DictViewObj *)o)->dict, IT_DICT_ITEMS);
    Obj *members = klass_class_iter(o);
    if (members || err_occurred()) {
        Obj *it = members ? obj_iter(members) : NULL;
        XDECREF(members);
        return it;
    }
    if (c == &ClassClass)
        return err_null(&TypeErrorClass, "'type' object is not iterable");
    return err_null(&TypeErrorClass, "'%s' object is not iterable", c->name);
}

/* ----------------------------------------------------------- obj_next */

/* End of iteration: drop the source so the iterator stays exhausted. */
static Obj *iter_end(IterObj *it)
{
    SETREF(it->src, NULL);
    return NULL;
}

static Obj *dict_item(IterKind kind, Obj *k, Obj *v)
{
    switch (kind) {
    case IT_DICT_KEYS:
    case IT_REV_DICT_KEYS:
        INCREF(k);
        return k;
    case IT_DICT_VALUES:
    case IT_REV_DICT_VALUES:
        INCREF(v);
        return v;
    default:
        return tuple_pack(2, k, v);
    }
}

static Obj *dict_iter_next(IterObj *it)
{
    Obj *d = it->src;
    if (DICT_N(d) != it->n) {
        it->n = (size_t)-1; /* keep failing, as CPython does */
        return err_null(&RuntimeErrorClass, "dictionary changed size during iteration");
    }
    Obj *k, *v;
    if (!dict_next(d, &it->pos, &k, &v))
        return iter_end(it);
    return dict_item(it->kind, k, v);
}

static Obj *dict_rev_next(IterObj *it)
{
    DictObj *d = (DictObj *)it->src;
    if (d->n != it->n) {
        it->n = (size_t)-1;
        return err_null(&RuntimeErrorClass, "dictionary changed size during iteration");
    }
    /* pos counts entries left to look at, from the end */
    if (it->pos > d->used)
        it->pos = d->used;
    while (it->pos > 0) {
        DictEntry *e = &d->entries[--it->pos];
        if (e->key)
            return dict_item(it->kind, e->key, e->value);
    }
    return iter_end(it);
}

static size_t utf8_char_len(const char *s, size_t left)
{
    size_t k = 1;
    while (k < left && ((unsigned char)s[k] & 0xC0) == 0x80)
        k++;
    return k;
}

static Obj *zip_next(IterObj *it)
{
    size_t n = TUP_N(it->src);
    if (n == 0)
        return NULL;
    Obj *result = tuple_new(n);
    for (size_t i = 0; i < n; i++) {
        Obj *v = obj_next(TUP_ITEMS(it->src)[i]);
        if (v) {
            TUP_ITEMS(result)[i] = v;
            continue;
        }
        if (err_occurred() || !it->strict) {
            DECREF(result);
            return NULL;
        }
        if (i > 0) {
            DECREF(result);
            if (i == 1)
                return err_null(&ValueErrorClass, "zip() argument 2 is shorter than argument 1");
            return err_null(&ValueErrorClass, "zip() argument %zu is shorter than arguments 1-%zu",
                            i + 1, i);
        }
        /* the first one ended: every other one must end now too */
        for (size_t j = 1; j < n; j++) {
            Obj *w = obj_next(TUP_ITEMS(it->src)[j]);
            if (w) {
                DECREF(w);
                DECREF(result);
                if (j == 1)
                    return err_null(&ValueErrorClass, "zip() argument 2 is longer than argument 1");
                return err_null(&ValueErrorClass, "zip() argument %zu is longer than arguments 1-%zu",
                                j + 1, j);
            }
            if (err_occurred()) {
                DECREF(result);
                return NULL;
            }
        }
        DECREF(result);
        return NULL;
    }
    return result;
}

static Obj *map_next(IterObj *it)
{
    size_t n = TUP_N(it->src);
    Obj *small[8];
    Obj **args = n <= 8 ? small : xmalloc(n * sizeof(Obj *));
    Obj *result = NULL;
    size_t got = 0;
    for (; got < n; got++) {
        args[got] = obj_next(TUP_ITEMS(it->src)[got]);
        if (!args[got])
            break;
    }
    if (got == n)
        result = vm_call(it->fn, args, (int)n, NULL);
    for (size_t i = 0; i < got; i++)
        DECREF(args[i]);
    if (args != small)
        xfree(args);
    return result;
}

static Obj *filter_next(IterObj *it)
{
    for (;;) {
        Obj *v = obj_next(it->src);
        if (!v)
            return NULL;
        int keep;
        if (it->fn == None) {
            keep = obj_truth(v);
        } else {
            Obj *r = vm_call1(it->fn, v);
            keep = r ? obj_truth(r) : -1;
            XDECREF(r);
        }
        if (keep > 0)
            return v;
        DECREF(v);
        if (keep < 0)
            return NULL;
    }
}

/* Sets: slot order; a size change is an error, as in CPython. */
static Obj *set_iter_next(IterObj *it)
{
    if (SET_N(it->src) != it->n) {
        it->n = (size_t)-1;
        return err_null(&RuntimeErrorClass, "Set changed size during iteration");
    }
    Obj *k;
    if (!set_next(it->src, &it->pos, &k))
        return iter_end(it);
    INCREF(k);
    return k;
}

static Obj *iter_step(IterObj *it);

static bool range_step(IterObj *it, int64_t *v)
{
    if (it->left == 0)
        return false;
    *v = it->cur;
    it->left--;
    if (it->left)
        it->cur = (int64_t)((uint64_t)it->cur + (uint64_t)it->step);
    return true;
}

int iter_range_step(Obj *o, int64_t *v)
{
    if (o->cls != &IterClass || ((IterObj *)o)->kind != IT_RANGE)
        return -1;
    if (!vm_charge_ops(1))
        return -2;
    return range_step((IterObj *)o, v);
}

/* next() of an iterator. zip, enumerate, map and filter call next() on
 * their source, which may be another of them: each level counts against
 * the run's depth budget. */
static Obj *iter_next(IterObj *it)
{
    if (!it->src && it->kind != IT_RANGE)
        return NULL;
    bool chained = it->kind == IT_ZIP || it->kind == IT_ENUMERATE || it->kind == IT_MAP || it->kind == IT_FILTER;
    if (!chained)
        return iter_step(it);
    if (!vm_recursion_enter(""))
        return NULL;
    Obj *r = iter_step(it);
    vm_recursion_leave();
    return r;
}

static Obj *iter_step(IterObj *it)
{
    switch (it->kind) {
    case IT_LIST:
        if (it->pos >= LIST_N(it->src))
            return iter_end(it);
        INCREF(LIST_ITEMS(it->src)[it->pos]);
        return LIST_ITEMS(it->src)[it->pos++];
    case IT_TUPLE:
        if (it->pos >= TUP_N(it->src))
            return iter_end(it);
        INCREF(TUP_ITEMS(it->src)[it->pos]);
        return TUP_ITEMS(it->src)[it->pos++];
    case IT_STR: {
        size_t len = STR_LEN(it->src);
        if (it->pos >= len)
            return iter_end(it);
        const char *s = STR_S(it->src) + it->pos;
        size_t k = utf8_char_len(s, len - it->pos);
        it->pos += k;
        return str_new(s, k);
    }
    case IT_BYTES:
        if (it->pos >= BYTES_LEN(it->src))
            return iter_end(it);
        return int_new(BYTES_S(it->src)[it->pos++]);
    case IT_REV_BYTES:
        if (it->pos == 0)
            return iter_end(it);
        return int_new(BYTES_S(it->src)[--it->pos]);
    case IT_RANGE: {
        int64_t v;
        return range_step(it, &v) ? int_new(v) : NULL;
    }
    case IT_DICT_KEYS:
    case IT_DICT_VALUES:
    case IT_DICT_ITEMS:
        return dict_iter_next(it);
    case IT_REV_DICT_KEYS:
    case IT_REV_DICT_VALUES:
    case IT_REV_DICT_ITEMS:
        return dict_rev_next(it);
    case IT_ZIP:
        return zip_next(it);
    case IT_ENUMERATE: {
        Obj *v = obj_next(it->src);
        if (!v)
            return NULL;
        Obj *i = int_new(it->cur++);
        Obj *t = tuple_pack(2, i, v);
        DECREF(i);
        DECREF(v);
        return t;
    }
    case IT_REV_LIST:
        /* pos counts items left, from the end; a shrunk list ends it */
        if (it->pos == 0 || it->pos > LIST_N(it->src))
            return iter_end(it);
        it->pos--;
        INCREF(LIST_ITEMS(it->src)[it->pos]);
        return LIST_ITEMS(it->src)[it->pos];
    case IT_REV_TUPLE:
        if (it->pos == 0)
            return iter_end(it);
        it->pos--;
        INCREF(TUP_ITEMS(it->src)[it->pos]);
        return TUP_ITEMS(it->src)[it->pos];
    case IT_REV_STR: {
        if (it->pos == 0)
            return iter_end(it);
        const char *s = STR_S(it->src);
        size_t end = it->pos, start = end - 1;
        while (start > 0 && ((unsigned char)s[start] & 0xC0) == 0x80)
            start--;
        it->pos = start;
        return str_new(s + start, end - start);
    }
    case IT_MAP:
        return map_next(it);
    case IT_FILTER:
        return filter_next(it);
    case IT_SET:
        return set_iter_next(it);
    }
    return NULL;
}

Obj *obj_next(Obj *it)
{
    /* every item a C loop takes (sum, max, all, sorted, join over
     * range(10**18) ...) is one operation of the run's budget */
    if (!vm_charge_ops(1))
        return NULL;
    if (IS(it, IterClass))
        return iter_next((IterObj *)it);
    if (IS(it, GenClass)) {
        Obj *out = NULL;
        switch (gen_send(it, None, &out)) {
        case GEN_YIELDED:
            return out;
        case GEN_RETURNED:
            XDECREF(out);
            return NULL;
        case GEN_RAISED:
            return NULL;
        }
        return NULL;
    }
    if (CLS(it)->heap && klass_special(it, "__next__"))
        return klass_next(it);
    return err_null(&TypeErrorClass, "'%s' object is not an iterator", CLS(it)->name);
}

/* -------------------------------------------------------- constructors */

/* A tuple of iter(x) for each of the n objects, or NULL. */
static Obj *iter_all(Obj **objs, int n)
{
    Obj *t = tuple_new((size_t)n);
    for (int i = 0; i < n; i++) {
        Obj *it = obj_iter(objs[i]);
        if (!it) {
            DECREF(t);
            return NULL;
        }
        TUP_ITEMS(t)[i] = it;
    }
    return t;
}

Obj *zip_new(Obj **iterables, int n, bool strict)
{
    Obj *its = iter_all(iterables, n);
    if (!its)
        return NULL;
    IterObj *it = iter_alloc(IT_ZIP, NULL);
    it->src = its;
    it->strict = strict;
    return &it->hdr;
}

Obj *enumerate_new(Obj *iterable, int64_t start)
{
    Obj *src = obj_iter(iterable);
    if (!src)
        return NULL;
    IterObj *it = iter_alloc(IT_ENUMERATE, NULL);
    it->src = src;
    it->cur = start;
    return &it->hdr;
}

Obj *reversed_new(Obj *seq)
{
    Class *c = CLS(seq);
    IterObj *it;
    switch (c->kind) {
    case K_LIST:
        it = iter_alloc(IT_REV_LIST, seq);
        it->pos = LIST_N(seq);
        return &it->hdr;
    case K_TUPLE:
        it = iter_alloc(IT_REV_TUPLE, seq);
        it->pos = TUP_N(seq);
        return &it->hdr;
    case K_STR:
        it = iter_alloc(IT_REV_STR, seq);
        it->pos = STR_LEN(seq);
        return &it->hdr;
    case K_BYTES:
        it = iter_alloc(IT_REV_BYTES, seq);
        it->pos = BYTES_LEN(seq);
        return &it->hdr;
    case K_RANGE: {
        RangeObj *r = (RangeObj *)seq;
        it = iter_alloc(IT_RANGE, NULL);
        it->left = range_len(seq);
        it->step = (int64_t)(0 - (uint64_t)r->step);
        it->cur = (int64_t)((uint64_t)r->start + (it->left ? it->left - 1 : 0) * (uint64_t)r->step);
        return &it->hdr;
    }
    case K_DICT:
        it = iter_alloc(IT_REV_DICT_KEYS, seq);
        it->pos = ((DictObj *)seq)->used;
        it->n = DICT_N(seq);
        return &it->hdr;
    default:
        break;
    }
    if (dictview_check(seq)) {
        Obj *d = ((DictViewObj *)seq)->dict;
        IterKind k = c == &DictKeysClass ? IT_REV_DICT_KEYS
                     : c == &DictValuesClass ? IT_REV_DICT_VALUES : IT_REV_DICT_ITEMS;
        it = iter_alloc(k, d);
        it->pos = ((DictObj *)d)->used;
        it->n = DICT_N(d);
        return &it->hdr;
    }
    return err_null(&TypeErrorClass, "'%s' object is not reversible", c->name);
}

Obj *map_new(Obj *fn, Obj **iterables, int n)
{
    Obj *its = iter_all(iterables, n);
    if (!its)
        return NULL;
    IterObj *it = iter_alloc(IT_MAP, NULL);
    it->src = its;
    INCREF(fn);
    it->fn = fn;
    return &it->hdr;
}

Obj *filter_new(Obj *fn, Obj *iterable)
{
    Obj *src = obj_iter(iterable);
    if (!src)
        return NULL;
    IterObj *it = iter_alloc(IT_FILTER, NULL);
    it->src = src;
    INCREF(fn);
    it->fn = fn;
    return &it->hdr;
}

/* ----------------------------------------------------------------- init */

void iter_init(void)
{
    static bool done;
    if (done)
        return;
    done = true;
    class_init(&IterClass);
    class_init(&DictKeysClass);
    class_init(&DictValuesClass);
    class_init(&DictItemsClass);
}
