/* exgroup.c: exception groups (see exgroup.h). */
#include "exgroup.h"

#include "../vm/vm.h"

bool exgroup_check(Obj *o)
{
    return obj_isinstance(o, &BaseExceptionGroupClass);
}

/* An Exception in CPython's sense (ExceptionGroup included). */
static bool is_exception_like(Obj *o)
{
    return obj_isinstance(o, &ExceptionClass);
}

/* cls(msg, excs) with CPython's checks; BaseExceptionGroup of Exceptions
 * only becomes an ExceptionGroup. */
static Obj *group_new(Class *cls, Obj *msg, Obj *excs)
{
    if (!IS(msg, StrClass))
        return err_null(&TypeErrorClass, "BaseExceptionGroup.__new__() argument 1 must be str, not %s",
                        obj_type_name(msg));
    if (!IS(excs, ListClass) && !IS(excs, TupleClass))
        return err_null(&TypeErrorClass, "second argument (exceptions) must be a sequence");
    size_t n = IS(excs, ListClass) ? LIST_N(excs) : TUP_N(excs);
    Obj **items = IS(excs, ListClass) ? LIST_ITEMS(excs) : TUP_ITEMS(excs);
    if (n == 0)
        return err_null(&ValueErrorClass, "second argument (exceptions) must be a non-empty sequence");
    bool all_exception = true;
    for (size_t i = 0; i < n; i++) {
        if (!CLS(items[i])->is_exception)
            return err_null(&ValueErrorClass, "Item %zu of second argument (exceptions) is not an exception",
                            i);
        if (!is_exception_like(items[i]))
            all_exception = false;
    }
    if (cls == &BaseExceptionGroupClass) {
        if (all_exception)
            cls = &ExceptionGroupClass;
    } else if (class_is_sub(cls, &ExceptionClass) && !all_exception) {
        return err_null(&TypeErrorClass, "Cannot nest BaseExceptions in an ExceptionGroup");
    }
    Obj *t = tuple_pack(2, msg, excs);
    Obj *e = exc_new(cls, t);
    DECREF(t);
    Obj *sub = tuple_new(n);
    for (size_t i = 0; i < n; i++) {
        INCREF(items[i]);
        TUP_ITEMS(sub)[i] = items[i];
    }
    ((ExcObj *)e)->extra = sub;
    return e;
}

Obj *exgroup_ctor(Obj *cls, Obj **args, int nargs, Obj *kwnames)
{
    int total = nargs + (kwnames ? (int)TUP_N(kwnames) : 0);
    if (kwnames && TUP_N(kwnames))
        return err_null(&TypeErrorClass, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)",
                        nargs);
    if (total != 2)
        return err_null(&TypeErrorClass, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)",
                        total);
    return group_new((Class *)cls, args[0], args[1]);
}

static Obj *message(Obj *eg)
{
    return TUP_ITEMS(((ExcObj *)eg)->args)[0];
}

/* eg.derive(excs) keeping eg's traceback, cause and context (what split
 * does to each part). */
static Obj *derive_with_meta(Obj *eg, Obj *excs)
{
    Obj *g = group_new(&BaseExceptionGroupClass, message(eg), excs);
    if (!g)
        return NULL;
    ExcObj *src = (ExcObj *)eg, *dst = (ExcObj *)g;
    for (int i = 0; i < src->ntb; i++)
        exc_add_tb(g, src->tb[i].src, src->tb[i].line, src->tb[i].func);
    XINCREF(src->cause);
    dst->cause = src->cause;
    XINCREF(src->context);
    dst->context = src->context;
    dst->suppress_context = src->suppress_context;
    return g;
}

static bool is_exc_type(Obj *o)
{
    return IS(o, ClassClass) && ((Class *)o)->is_exception;
}

/* Check the matcher: 0 a type or tuple of types, 1 a predicate, -1 error. */
static int matcher_kind(Obj *m)
{
    if (is_exc_type(m))
        return 0;
    if (IS(m, TupleClass)) {
        for (size_t i = 0; i < TUP_N(m); i++)
            if (!is_exc_type(TUP_ITEMS(m)[i]))
                goto bad;
        return 0;
    }
    if (IS(m, FuncClass) || IS(m, BoundClass) || IS(m, BuiltinClass))
        return 1;
bad:
    err_format(&TypeErrorClass, "expected a function, exception type or tuple of exception types");
    return -1;
}

/* Matcher kinds: 0 a type or tuple of types, 1 a predicate, 2 a list of
 * leaf exceptions matched by identity (except*'s re-raise projection). */
enum { MATCH_TYPE, MATCH_PRED, MATCH_LEAVES };

/* 1, 0 or -1 (error from the predicate). */
static int matches(Obj *exc, Obj *m, int kind)
{
    if (kind == MATCH_LEAVES) {
        for (size_t i = 0; i < LIST_N(m); i++)
            if (LIST_ITEMS(m)[i] == exc)
                return 1;
        return 0;
    }
    if (kind == MATCH_PRED) {
        Obj *r = vm_call1(m, exc);
        if (!r)
            return -1;
        int t = obj_truth(r);
        DECREF(r);
        return t;
    }
    if (IS(m, TupleClass)) {
        for (size_t i = 0; i < TUP_N(m); i++)
            if (obj_isinstance(exc, (Class *)TUP_ITEMS(m)[i]))
                return 1;
        return 0;
    }
    return obj_isinstance(exc, (Class *)m);
}

/* Split exc into *match and *rest (new refs or NULL); 0 or -1. */
static int split(Obj *exc, Obj *m, int kind, bool want_rest, Obj **match, Obj **rest)
{
    *match = *rest = NULL;
    int r = matches(exc, m, kind);
    if (r < 0)
        return -1;
    if (r) {
        INCREF(exc);
        *match = exc;
        return 0;
    }
    if (!exgroup_check(exc)) {
        if (want_rest) {
            INCREF(exc);
            *rest = exc;
        }
        return 0;
    }
    Obj *subs = ((ExcObj *)exc)->extra;
    if (!vm_recursion_enter(" in exceptiongroup_split_recursive"))
        return -1;
    Obj *ml = list_new(0), *rl = list_new(0);
    int rc = 0;
    for (size_t i = 0; i < TUP_N(subs) && rc == 0; i++) {
        Obj *sm, *sr;
        rc = split(TUP_ITEMS(subs)[i], m, kind, want_rest, &sm, &sr);
        if (sm)
            list_append_steal(ml, sm);
        if (sr)
            list_append_steal(rl, sr);
    }
    if (rc == 0 && LIST_N(ml) && !(*match = derive_with_meta(exc, ml)))
        rc = -1;
    if (rc == 0 && LIST_N(rl) && !(*rest = derive_with_meta(exc, rl)))
        rc = -1;
    DECREF(ml);
    DECREF(rl);
    vm_recursion_leave();
    if (rc < 0) {
        SETREF(*match, NULL);
        SETREF(*rest, NULL);
    }
    return rc;
}

static Obj *none_or(Obj *o)
{
    return o ? o : none_new();
}

Obj *exgroup_m_split(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_one_arg("split", nargs, kwnames))
        return NULL;
    int kind = matcher_kind(args[0]);
    Obj *m, *r;
    if (kind < 0 || split(self, args[0], kind, true, &m, &r) < 0)
        return NULL;
    m = none_or(m);
    r = none_or(r);
    Obj *t = tuple_pack(2, m, r);
    DECREF(m);
    DECREF(r);
    return t;
}

Obj *exgroup_m_subgroup(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_one_arg("subgroup", nargs, kwnames))
        return NULL;
    int kind = matcher_kind(args[0]);
    Obj *m, *r;
    if (kind < 0 || split(self, args[0], kind, false, &m, &r) < 0)
        return NULL;
    XDECREF(r);
    return none_or(m);
}

Obj *exgroup_m_derive(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_one_arg("derive", nargs, kwnames))
        return NULL;
    return group_new(&BaseExceptionGroupClass, message(self), args[0]);
}

/* ------------------------------------------------------------- except* */

int exgroup_match(Obj *exc, Obj *type, Obj **match, Obj **rest)
{
    *match = *rest = NULL;
    size_t n = IS(type, TupleClass) ? TUP_N(type) : 1;
    for (size_t i = 0; i < n; i++) {
        Obj *t = IS(type, TupleClass) ? TUP_ITEMS(type)[i] : type;
        if (!is_exc_type(t)) {
            err_format(&TypeErrorClass, "catching classes that do not inherit from BaseException is not allowed");
            return -1;
        }
        if (class_is_sub((Class *)t, &BaseExceptionGroupClass)) {
            err_format(&TypeErrorClass,
                       "catching ExceptionGroup with except* is not allowed. Use except instead.");
            return -1;
        }
    }
    if (exc == None)
        return 0;
    if (matches(exc, type, MATCH_TYPE)) {
        if (exgroup_check(exc)) {
            INCREF(exc);
            *match = exc;
            *rest = none_new();
            return 0;
        }
        /* a naked exception: wrapped in a group with its traceback */
        Obj *empty = str_from(""), *excs = tuple_pack(1, exc);
        Obj *g = group_new(&BaseExceptionGroupClass, empty, excs);
        DECREF(empty);
        DECREF(excs);
        if (!g)
            return -1;
        ExcObj *e = (ExcObj *)exc;
        for (int i = 0; i < e->ntb; i++)
            exc_add_tb(g, e->tb[i].src, e->tb[i].line, e->tb[i].func);
        *match = g;
        *rest = none_new();
        return 0;
    }
    if (!exgroup_check(exc))
        return 0;
    if (split(exc, type, MATCH_TYPE, true, match, rest) < 0)
        return -1;
    *rest = none_or(*rest);
    return 0;
}

/* Same traceback, cause and context: a part of orig re-raised as it was. */
static bool same_metadata(Obj *a, Obj *b)
{
    ExcObj *x = (ExcObj *)a, *y = (ExcObj *)b;
    if (x->cause != y->cause || x->context != y->context || x->ntb != y->ntb)
        return false;
    for (int i = 0; i < x->ntb; i++)
        if (x->tb[i].src != y->tb[i].src || x->tb[i].line != y->tb[i].line || x->tb[i].func != y->tb[i].func)
            return false;
    return true;
}

/* Append the leaf exceptions of exc to leaves: 0, or -1 with
 * RecursionError for a group nested deeper than the depth budget. */
static int collect_leaves(Obj *exc, Obj *leaves)
{
    if (!exgroup_check(exc)) {
        list_append(leaves, exc);
        return 0;
    }
    if (!vm_recursion_enter(" in collect_exception_group_leaf_ids"))
        return -1;
    Obj *subs = ((ExcObj *)exc)->extra;
    int rc = 0;
    for (size_t i = 0; i < TUP_N(subs) && rc == 0; i++)
        rc = collect_leaves(TUP_ITEMS(subs)[i], leaves);
    vm_recursion_leave();
    return rc;
}

Obj *exgroup_prep_reraise(Obj *orig, Obj *excs)
{
    if (LIST_N(excs) == 0)
        return none_new();
    if (!exgroup_check(orig)) {
        INCREF(LIST_ITEMS(excs)[0]);
        return LIST_ITEMS(excs)[0];
    }
    Obj *raised = list_new(0), *leaves = list_new(0);
    Obj *reraised = NULL, *unused = NULL, *result = NULL;
    for (size_t i = 0; i < LIST_N(excs); i++) {
        Obj *e = LIST_ITEMS(excs)[i];
        if (!same_metadata(e, orig))
            list_append(raised, e);
        else if (collect_leaves(e, leaves) < 0)
            goto done;
    }
    if (LIST_N(leaves) && split(orig, leaves, MATCH_LEAVES, false, &reraised, &unused) < 0)
        goto done;
    XDECREF(unused);
    if (LIST_N(raised) == 0) {
        result = none_or(reraised);
        reraised = NULL;
        goto done;
    }
    if (reraised)
        list_append(raised, reraised);
    if (LIST_N(raised) == 1) {
        result = LIST_ITEMS(raised)[0];
        INCREF(result);
    } else {
        Obj *empty = str_from("");
        result = group_new(&BaseExceptionGroupClass, empty, raised);
        DECREF(empty);
    }
done:
    XDECREF(reraised);
    DECREF(raised);
    DECREF(leaves);
    return result;
}
