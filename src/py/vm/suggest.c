/* suggest.c: "Did you mean: 'sleep'?" after a NameError or AttributeError,
 * chosen the way CPython 3.11 chooses it: the candidate at the smallest
 * weighted edit distance (an insertion, deletion or substitution costs 2,
 * a change of case only 1), within a bound that grows with the lengths,
 * ties going to the earlier candidate. Owns the distance, the candidate
 * lists (a frame's locals, then globals, then builtins for a NameError; the
 * sorted attribute names of the object for an AttributeError) and where
 * the exception keeps what is needed. The traceback printer (vm.c) asks for
 * the suffix; nothing here prints. */
#include "suggest.h"

#include "../objects/klass.h"
#include "../objects/methods.h"

#include <stdlib.h>
#include <string.h>

#define MAX_CANDIDATES 750
#define MAX_LEN 40
#define MOVE_COST 2
#define CASE_COST 1

/* a hidden key of the exception's attribute dict (no identifier has it) */
#define KEY_SUGGESTION "\001suggestion"

static size_t sub_cost(char a, char b)
{
    if (a == b)
        return 0;
    if (a >= 'A' && a <= 'Z')
        a = (char)(a - 'A' + 'a');
    if (b >= 'A' && b <= 'Z')
        b = (char)(b - 'A' + 'a');
    return a == b ? CASE_COST : MOVE_COST;
}

/* The weighted distance from a to b, or anything above max once it is
 * clear the distance exceeds max. */
static size_t distance(const char *a, size_t na, const char *b, size_t nb, size_t max)
{
    if (na > MAX_LEN || nb > MAX_LEN)
        return max + 1;
    while (na && nb && *a == *b)
        a++, b++, na--, nb--;
    while (na && nb && a[na - 1] == b[nb - 1])
        na--, nb--;
    if (!na || !nb)
        return (na + nb) * MOVE_COST;
    if (nb < na) {
        const char *t = a;
        a = b;
        b = t;
        size_t tn = na;
        na = nb;
        nb = tn;
    }
    if ((nb - na) * MOVE_COST > max)
        return max + 1;
    size_t row[MAX_LEN];
    for (size_t i = 0; i < na; i++)
        row[i] = (i + 1) * MOVE_COST;
    size_t result = 0;
    for (size_t j = 0; j < nb; j++) {
        size_t diag = j * MOVE_COST; /* b[:j] to a[:0] */
        result = (j + 1) * MOVE_COST; /* b[:j+1] to a[:0] */
        size_t least = result;
        for (size_t i = 0; i < na; i++) {
            size_t del = row[i] + MOVE_COST, ins = result + MOVE_COST;
            size_t sub = diag + sub_cost(a[i], b[j]);
            diag = row[i];
            result = del < ins ? del : ins;
            if (sub < result)
                result = sub;
            row[i] = result;
            if (result < least)
                least = result;
        }
        if (least > max)
            return max + 1;
    }
    return result;
}

Obj *suggest_pick(Obj *const *items, size_t n, Obj *name)
{
    if (n >= MAX_CANDIDATES)
        return NULL;
    Obj *best = NULL;
    size_t best_d = 0;
    for (size_t i = 0; i < n; i++) {
        Obj *it = items[i];
        if (!IS(it, StrClass) ||
            (STR_LEN(it) == STR_LEN(name) && memcmp(STR_S(it), STR_S(name), STR_LEN(it)) == 0))
            continue;
        size_t max = (STR_LEN(name) + STR_LEN(it) + 3) * MOVE_COST / 6;
        if (best && max > best_d - 1)
            max = best_d - 1;
        size_t d = distance(STR_S(name), STR_LEN(name), STR_S(it), STR_LEN(it), max);
        if (d > max)
            continue;
        if (!best || d < best_d) {
            best = it;
            best_d = d;
        }
    }
    return best;
}

static Obj *pick_from_tuple(Obj *t, Obj *name)
{
    return t ? suggest_pick(TUP_ITEMS(t), TUP_N(t), name) : NULL;
}

static void keys_into(Obj *dict, Obj *list)
{
    size_t pos = 0;
    Obj *k, *v;
    while (dict && dict_next(dict, &pos, &k, &v))
        list_append(list, k);
}

static Obj *pick_from_dict(Obj *dict, Obj *name)
{
    Obj *l = list_new(8);
    keys_into(dict, l);
    Obj *r = suggest_pick(LIST_ITEMS(l), LIST_N(l), name);
    DECREF(l); /* r is a key, alive in dict */
    return r;
}

static void set_attr(Obj *exc, const char *key, Obj *v)
{
    ExcObj *e = (ExcObj *)exc;
    if (!e->attrs)
        e->attrs = dict_new();
    dict_set_c(e->attrs, key, v);
}

void suggest_name_error(Obj *exc, Obj *name, Obj *varnames, Obj *globals, Obj *builtins)
{
    if (!exc || !class_is_sub(exc->cls, &NameErrorClass))
        return;
    set_attr(exc, "name", name);
    Obj *s = pick_from_tuple(varnames, name);
    if (!s)
        s = pick_from_dict(globals, name);
    if (!s)
        s = pick_from_dict(builtins, name);
    if (s)
        set_attr(exc, KEY_SUGGESTION, s);
}

void suggest_attr_error(Obj *exc, Obj *obj, Obj *name)
{
    if (!exc || !class_is_sub(exc->cls, &AttributeErrorClass) || !IS(name, StrClass))
        return;
    if (strncmp(STR_S(name), "__", 2) == 0)
        return; /* a special name CPython has and loopscope lacks: no near miss to offer */
    ExcObj *e = (ExcObj *)exc;
    if (e->attrs && dict_get_c(e->attrs, "obj"))
        return; /* set where it was first raised */
    set_attr(exc, "name", name);
    set_attr(exc, "obj", obj);
}

/* dir(obj), sorted: the names an AttributeError may suggest */
static Obj *dir_of(Obj *obj)
{
    Obj *l = list_new(16);
    if (IS(obj, ModuleClass)) {
        keys_into(((ModuleObj *)obj)->dict, l);
    } else {
        if (obj->cls->heap && !obj->cls->is_exception)
            keys_into(((InstanceObj *)obj)->dict, l);
        else if (obj->cls->is_exception)
            keys_into(((ExcObj *)obj)->attrs, l);
        for (Class *c = IS(obj, ClassClass) ? (Class *)obj : obj->cls; c; c = c->base)
            keys_into(c->dict, l);
    }
    if (list_sort(l, NULL, false) < 0)
        err_clear();
    return l;
}

void suggest_suffix(Obj *exc, Buf *out)
{
    ExcObj *e = (ExcObj *)exc;
    if (!exc->cls->is_exception || !e->attrs)
        return;
    Obj *s = dict_get_c(e->attrs, KEY_SUGGESTION);
    if (!s && class_is_sub(exc->cls, &AttributeErrorClass)) {
        Obj *obj = dict_get_c(e->attrs, "obj"), *name = dict_get_c(e->attrs, "name");
        if (obj && name && IS(name, StrClass)) {
            Obj *l = dir_of(obj);
            s = suggest_pick(LIST_ITEMS(l), LIST_N(l), name);
            if (s)
                buf_printf(out, ". Did you mean: '%s'?", STR_S(s));
            DECREF(l);
            return;
        }
    }
    if (s && IS(s, StrClass))
        buf_printf(out, ". Did you mean: '%s'?", STR_S(s));
}
