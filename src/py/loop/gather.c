/* gather.c: asyncio.gather in C (for one or more awaitables; the prelude
 * keeps gather() of nothing): each distinct argument made a future with
 * ensure_future (a coroutine becomes a task), the children's done callback
 * (_done_callback, one per gather) with the counts it keeps, and the outer
 * gathering future, labelled "gather: N of M pending", whose result is the
 * children's results in order, or the first error, or a CancelledError
 * when it was cancelled. Follows the prelude's order of calls exactly,
 * version branches included (3.12: a child already done is counted at
 * once, with no callback). Leaves cancelling a gathering future to
 * future.c and the pending count's words to narrate.c, which finds the
 * outer future of a callback through gather_outer_of. */
#include "model.h"

#include "../front/pyver.h"

#include <string.h>

typedef struct GatherObj {
    Obj hdr;
    FutureObj *outer;   /* NULL until gather made it */
    size_t nfuts;       /* distinct children */
    size_t nfinished;   /* callbacks run so far */
    bool return_exceptions;
} GatherObj;

static void gather_dealloc(Obj *o) { XDECREF(((GatherObj *)o)->outer); }

static Class GatherClass = {.name = "_GatherState", .kind = K_OTHER, .base = &ObjectClass,
                            .size = sizeof(GatherObj), .dealloc = gather_dealloc, .builtin = true};

static Obj *ensure_future_fn, *get_event_loop_fn; /* the prelude's own (held), this run */
static Obj *module_dict;                            /* asyncio's (borrowed) */

/* fut.exception() of a child that is done and not cancelled: the
 * exception or NULL, marking it retrieved as the method does */
static Obj *child_exception(FutureObj *f)
{
    f->retrieved = true;
    return f->exception;
}

/* All children are done: their results (an exception or CancelledError
 * for those that failed) in order, or a CancelledError for a cancelled
 * gather, made from the last child as the prelude's loop variable is. */
static void gather_finish(GatherObj *g)
{
    FutureObj *outer = g->outer;
    Obj *children = outer->children;
    Obj *results = list_new(TUP_N(children));
    FutureObj *f = NULL;
    for (size_t i = 0; i < TUP_N(children); i++) {
        f = (FutureObj *)TUP_ITEMS(children)[i];
        Obj *res;
        if (f->state == FUT_CANCELLED) {
            Obj *msg = f->cancel_msg ? f->cancel_msg : NULL;
            Obj *empty = msg ? NULL : str_from("");
            Obj *args = tuple_pack(1, msg ? msg : empty);
            res = exc_new(&CancelledErrorClass, args);
            DECREF(args);
            XDECREF(empty);
        } else {
            res = child_exception(f);
            res = res ? res : f->result;
            INCREF(res);
        }
        list_append_steal(results, res);
    }
    if (outer->cancel_requested) {
        Obj *exc = future_cancelled_error(f);
        future_set_exception(outer, exc);
        DECREF(exc);
    } else {
        future_set_result(outer, results);
    }
    DECREF(results);
}

/* _done_callback(fut): a child is done */
static Obj *child_done(Obj *self, Obj **args, int nargs, Obj *kw)
{
    if (!vm_check_nargs("_done_callback", nargs, kw, 1, 1))
        return NULL;
    if (!is_future(args[0]))
        return err_null(&TypeErrorClass, "_done_callback(future)");
    GatherObj *g = (GatherObj *)self;
    FutureObj *fut = (FutureObj *)args[0];
    g->nfinished++;
    if (fut->state == FUT_PENDING)
        return err_null(&InvalidStateErrorClass, "Exception is not set.");
    if (!g->outer || g->outer->state != FUT_PENDING) {
        if (fut->state != FUT_CANCELLED)
            child_exception(fut);
        return none_new();
    }
    if (!g->return_exceptions) {
        Obj *exc = NULL;
        if (fut->state == FUT_CANCELLED)
            exc = future_cancelled_error(fut);
        else if (child_exception(fut))
            INCREF(exc = fut->exception);
        if (exc) {
            future_set_exception(g->outer, exc);
            DECREF(exc);
            return none_new();
        }
    }
    if (g->nfinished == g->nfuts)
        gather_finish(g);
    return none_new();
}

bool gather_is_child_done(const Obj *cb)
{
    return IS(cb, BuiltinClass) && ((const BuiltinObj *)cb)->fn == child_done;
}

FutureObj *gather_outer_of(Obj *cb)
{
    if (!IS(cb, BuiltinClass) || ((BuiltinObj *)cb)->fn != child_done)
        return NULL;
    return ((GatherObj *)((BuiltinObj *)cb)->self)->outer;
}

/* Is name in asyncio's namespace still the prelude's own function? */
static bool own_global(const char *name, Obj *fn)
{
    return fn && module_dict && dict_get(module_dict, str_intern(name)) == fn;
}

/* ensure_future(arg, loop=loop) (loop: NULL for None): a future stays as
 * it is, a coroutine becomes a task of the loop; anything else (or no
 * running loop to find) goes through the prelude's function. */
static Obj *ensure(Obj *arg, LoopObj *loop)
{
    bool own = own_global("ensure_future", ensure_future_fn);
    if (own && is_future(arg)) {
        INCREF(arg);
        return arg;
    }
    if (own && IS(arg, CoroClass) && (loop || (sim.running && own_global("get_event_loop", get_event_loop_fn)))) {
        LoopObj *l = loop ? loop : sim.running;
        if (l->closed)
            return err_null(&RuntimeErrorClass, "Event loop is closed");
        return loop_create_task(l, arg, None);
    }
    Obj *fn = dict_get(module_dict, str_intern("ensure_future"));
    if (!fn)
        return err_null(&NameErrorClass, "name 'ensure_future' is not defined");
    Obj *kwnames = tuple_pack(1, str_intern("loop"));
    Obj *call_args[2] = {arg, loop ? &loop->hdr : None};
    Obj *r = vm_call(fn, call_args, 1, kwnames);
    DECREF(kwnames);
    return r;
}

/* _gather(coros_or_futures, return_exceptions): gather of one or more */
static Obj *p_gather(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)self;
    if (!vm_check_nargs("_gather", nargs, kw, 2, 2))
        return NULL;
    Obj *items = args[0];
    if (!IS(items, TupleClass))
        return err_null(&TypeErrorClass, "_gather(tuple, return_exceptions)");
    int rexc = obj_truth(args[1]);
    if (rexc < 0)
        return NULL;
    GatherObj *g = (GatherObj *)obj_alloc(&GatherClass, sizeof(GatherObj));
    g->return_exceptions = rexc;
    Obj *cb = builtin_new("_done_callback", child_done, &g->hdr);
    Obj *arg_to_fut = dict_new();
    Obj *children = list_new(TUP_N(items));
    Obj *done_futs = list_new(0);
    LoopObj *loop = NULL;
    size_t ndone = 0;
    Obj *outer = NULL;
    bool early = pyver_minor() >= 12; /* a child already done: counted at once */
    for (size_t i = 0; i < TUP_N(items); i++) {
        Obj *arg = TUP_ITEMS(items)[i];
        Obj *fut = dict_get(arg_to_fut, arg);
        if (!fut && err_occurred())
            goto out;
        if (fut) {
            list_append(children, fut);
            continue;
        }
        fut = ensure(arg, loop);
        if (!fut)
            goto out;
        if (!is_future(fut)) {
            DECREF(fut);
            err_format(&TypeErrorClass, "ensure_future did not return a future");
            goto out;
        }
        if (!loop)
            loop = ((FutureObj *)fut)->loop;
        g->nfuts++;
        bool done = ((FutureObj *)fut)->state != FUT_PENDING;
        ndone += done;
        int rc = dict_set(arg_to_fut, arg, fut);
        if (rc == 0) {
            if (early && done)
                list_append(done_futs, fut);
            else
                future_add_callback((FutureObj *)fut, cb);
            list_append(children, fut);
        }
        DECREF(fut);
        if (rc < 0)
            goto out;
    }
    /* the outer future, labelled "gather: N of M pending" */
    FutureObj *f = (FutureObj *)future_new(loop);
    f->children = tuple_new(LIST_N(children));
    for (size_t i = 0; i < LIST_N(children); i++) {
        INCREF(LIST_ITEMS(children)[i]);
        TUP_ITEMS(f->children)[i] = LIST_ITEMS(children)[i];
    }
    f->children_total = g->nfuts;
    f->children_pending = g->nfuts - ndone;
    Buf b;
    buf_init(&b);
    narr_gather_label(f, &b);
    f->label = str_from_buf(&b);
    INCREF(f);
    g->outer = f;
    outer = &f->hdr;
    for (size_t i = 0; i < LIST_N(done_futs); i++) {
        Obj *r = child_done(&g->hdr, &LIST_ITEMS(done_futs)[i], 1, NULL);
        if (!r) {
            SETREF(outer, NULL);
            break;
        }
        DECREF(r);
    }
out:
    DECREF(done_futs);
    DECREF(children);
    DECREF(arg_to_fut);
    DECREF(cb);
    DECREF(g);
    return outer;
}

void gather_add_prims(Obj *asyncio_dict)
{
    class_init(&GatherClass);
    static const LibPrim prims[] = {{"_gather", p_gather}};
    stdlib_add_prims(asyncio_dict, prims, 1);
}

void gather_bind_prelude(Obj *asyncio_dict)
{
    gather_reset();
    module_dict = asyncio_dict;
    ensure_future_fn = dict_get_c(asyncio_dict, "ensure_future");
    get_event_loop_fn = dict_get_c(asyncio_dict, "get_event_loop");
    XINCREF(ensure_future_fn);
    XINCREF(get_event_loop_fn);
}

void gather_reset(void)
{
    XDECREF(ensure_future_fn);
    XDECREF(get_event_loop_fn);
    ensure_future_fn = get_event_loop_fn = NULL;
    module_dict = NULL;
}
