/* sync.c: asyncio.Queue's hand-offs and Lock's acquire and release in C,
 * because a producer/consumer program runs them on every item.
 * Owns: what the prelude's Queue methods call (qsize, empty, full,
 * get_nowait, put_nowait, task_done, _wakeup_next, and the awaitables
 * behind get() and put(): wait on a labelled future while the queue is
 * empty or full, and on an exception there take the waiter back out and
 * pass the wake-up on), Event.set, which task_done reaches, and Lock's
 * acquire (the awaitable `async with lock` and acquire() wait on),
 * release, _take, _label and _wake_up_first.
 * Queue and Lock stay the prelude's classes with their attributes (_queue,
 * _getters, _putters, _maxsize ... the internals view reads them), and
 * every self.method() the Python code made is still made: when the
 * object's class (or the object itself) has replaced the method, as
 * PriorityQueue replaces _put and _get or a user subclass may replace
 * anything, the replacement is called; only the prelude's own methods run
 * here directly; `await q.get()` and `await q.put(x)` make no coroutine
 * of get's or put's (shortcut.c). Leaves futures to future.c, the rest of Queue (shutdown,
 * join, reprs) and the other primitives to the prelude. */
#include "model.h"

#include "../front/pyver.h"
#include "../objects/attrslot.h"
#include "../objects/klass.h"
#include "../objects/ops.h"

#include <string.h>

#define PRIM(fname) static Obj *fname(Obj *self, Obj **args, int nargs, Obj *kw)

/* ---------------------------------------------------- method dispatch */

/* The methods the prelude's Queue code calls on self (and Event's on
 * self._finished), each with the prelude's own function (the one whose
 * body is here) and its body in C. */
enum { M_QSIZE, M_EMPTY, M_FULL, M_GET_NOWAIT, M_PUT_NOWAIT, M_GET, M_PUT, M_GET_LOOP, M_EV_CLEAR, M_EV_SET,
       M_LOCK_ACQUIRE, M_LOCK_RELEASE, M_LOCK_TAKE, M_LOCK_LABEL, M_LOCK_WAKE, M_COUNT };

typedef Obj *(*Body)(Obj *self, Obj *arg);

static Obj *qsize_body(Obj *self, Obj *arg);
static Obj *empty_body(Obj *self, Obj *arg);
static Obj *full_body(Obj *self, Obj *arg);
static Obj *get_nowait_body(Obj *self, Obj *arg);
static Obj *put_nowait_body(Obj *self, Obj *arg);
static Obj *get_body(Obj *self, Obj *arg);
static Obj *put_body(Obj *self, Obj *arg);
static Obj *get_loop_body(Obj *self, Obj *arg);
static Obj *ev_clear_body(Obj *self, Obj *arg);
static Obj *ev_set_body(Obj *self, Obj *arg);
static Obj *lock_acquire_body(Obj *self, Obj *arg);
static Obj *lock_release_body(Obj *self, Obj *arg);
static Obj *lock_take_body(Obj *self, Obj *arg);
static Obj *lock_label_body(Obj *self, Obj *arg);
static Obj *lock_wake_body(Obj *self, Obj *arg);

static const struct {
    const char *cls, *name;
    Body body;
} methods[M_COUNT] = {
    [M_QSIZE] = {"Queue", "qsize", qsize_body},
    [M_EMPTY] = {"Queue", "empty", empty_body},
    [M_FULL] = {"Queue", "full", full_body},
    [M_GET_NOWAIT] = {"Queue", "get_nowait", get_nowait_body},
    [M_PUT_NOWAIT] = {"Queue", "put_nowait", put_nowait_body},
    [M_GET] = {"Queue", "_get", get_body},
    [M_PUT] = {"Queue", "_put", put_body},
    [M_GET_LOOP] = {"_LoopBound", "_get_loop", get_loop_body},
    [M_EV_CLEAR] = {"Event", "clear", ev_clear_body},
    [M_EV_SET] = {"Event", "set", ev_set_body},
    [M_LOCK_ACQUIRE] = {"Lock", "acquire", lock_acquire_body},
    [M_LOCK_RELEASE] = {"Lock", "release", lock_release_body},
    [M_LOCK_TAKE] = {"Lock", "_take", lock_take_body},
    [M_LOCK_LABEL] = {"Lock", "_label", lock_label_body},
    [M_LOCK_WAKE] = {"Lock", "_wake_up_first", lock_wake_body},
};

/* the attribute and method names used here, as str objects (interned
 * for the run by sync_add_prims) */
enum {
    S__FINISHED, S__GET_LABEL, S__GETTERS, S__HOLDER, S__IS_SHUTDOWN, S__LOCKED, S__LOOP, S__MAXSIZE, S__PUTTERS,
    S__QUEUE, S__UNFINISHED_TASKS, S__VALUE, S__WAITERS, S_APPEND, S_CANCEL, S_CANCELLED, S_CREATE_FUTURE, S_DONE,
    S_POP, S_REMOVE, S_SET_RESULT, S_COUNT
};
static const char *const snames[S_COUNT] = {
    [S__FINISHED] = "_finished", [S__GET_LABEL] = "_get_label", [S__GETTERS] = "_getters",
    [S__HOLDER] = "_holder", [S__IS_SHUTDOWN] = "_is_shutdown", [S__LOCKED] = "_locked", [S__LOOP] = "_loop",
    [S__MAXSIZE] = "_maxsize", [S__PUTTERS] = "_putters", [S__QUEUE] = "_queue",
    [S__UNFINISHED_TASKS] = "_unfinished_tasks", [S__VALUE] = "_value", [S__WAITERS] = "_waiters",
    [S_APPEND] = "append", [S_CANCEL] = "cancel", [S_CANCELLED] = "cancelled",
    [S_CREATE_FUTURE] = "create_future", [S_DONE] = "done", [S_POP] = "pop", [S_REMOVE] = "remove",
    [S_SET_RESULT] = "set_result",
};
static Obj *sobj[S_COUNT], *mobj[M_COUNT];
/* where self.<name> was in the instance dict last time, for a read and
 * for a store (attrslot.h) */
static AttrSlot rslot[S_COUNT], wslot[S_COUNT];

static Obj *own_fn[M_COUNT];   /* the prelude's functions (held), this run */
static Obj *exc_empty, *exc_full, *exc_shutdown; /* QueueEmpty, ... (held; shutdown: 3.13) */

/* What is_own learnt: per method, the last class whose chain found the
 * prelude's own function (good while the attribute cache's epoch says no
 * class dict changed); and, by instance dict version (unique to one state
 * of one dict's keys, obj.h), which methods' names (and class_str's
 * attribute names) a dict was seen without. */
static struct {
    Class *cls;
    uint64_t epoch;
} own_class[M_COUNT];

typedef struct OwnDict {
    uint64_t version;
    uint64_t absent; /* bit m: the dict has no key mobj[m]; bit M_COUNT + s: none sobj[s] */
} OwnDict;
#define OWN_DICTS 64 /* a power of two */
static OwnDict own_dicts[OWN_DICTS];
_Static_assert(M_COUNT + S_COUNT <= 64, "OwnDict.absent has a bit for each name");

/* The dict at version ver has no key for bit (of OwnDict.absent). */
static void dict_lacks(uint64_t ver, int bit)
{
    OwnDict *e = &own_dicts[ver & (OWN_DICTS - 1)];
    if (e->version != ver)
        *e = (OwnDict){ver, 0};
    e->absent |= 1ull << bit;
}

/* is_own the long way: fills what it learns. */
static bool is_own_slow(Obj *self, int m, bool class_known)
{
    Class *c = CLS(self);
    Obj *name = mobj[m];
    if (!class_known) {
        if (!own_fn[m] || !c->heap || c->is_exception || class_lookup(c, name) != own_fn[m])
            return false;
        own_class[m].cls = c;
        own_class[m].epoch = attrcache_epoch_;
    }
    Obj *d = ((InstanceObj *)self)->dict;
    if (!d)
        return true;
    if (dict_get(d, name))
        return false;
    uint64_t ver = ((DictObj *)d)->version;
    dict_lacks(ver, m);
    return true;
}

/* Does self.method still mean the prelude's own function? Its class chain
 * finds that function, and self has no attribute of that name. */
static inline bool is_own(Obj *self, int m)
{
    if (CLS(self) != own_class[m].cls || own_class[m].epoch != attrcache_epoch_)
        return is_own_slow(self, m, false);
    const DictObj *d = (const DictObj *)((InstanceObj *)self)->dict;
    if (d) {
        const OwnDict *e = &own_dicts[d->version & (OWN_DICTS - 1)];
        if (e->version != d->version || !(e->absent & (1ull << m)))
            return is_own_slow(self, m, true);
    }
    return true;
}

static Obj *call_attr(Obj *o, Obj *name, Obj **args, int nargs)
{
    Obj *m = obj_getattr(o, name);
    if (!m)
        return NULL;
    Obj *r = vm_call(m, args, nargs, NULL);
    DECREF(m);
    return r;
}

/* self.method(arg) (arg NULL: no argument): new reference or NULL. */
static Obj *call(Obj *self, int m, Obj *arg)
{
    if (is_own(self, m))
        return methods[m].body(self, arg);
    return call_attr(self, mobj[m], &arg, arg ? 1 : 0);
}

/* The truth of self.method(): 1, 0, or -1 with an error. */
static int call_truth(Obj *self, int m)
{
    Obj *r = call(self, m, NULL);
    if (!r)
        return -1;
    int t = obj_truth(r);
    DECREF(r);
    return t;
}

/* o.<name> the long way, filling its slot */
static Obj *attr_slow(Obj *o, int name)
{
    Obj *v = obj_getattr(o, sobj[name]);
    if (v)
        attrslot_fill_get(&rslot[name], o, sobj[name]);
    return v;
}

/* o.<name>: a new reference, or NULL with an error */
static inline Obj *attr(Obj *o, int name)
{
    Obj *v = attrslot_get(&rslot[name], o, sobj[name]);
    if (!v)
        return attr_slow(o, name);
    INCREF(v);
    return v;
}

/* o.<name> for a name o's class holds as a str and o's own dict lacks
 * (Queue._get_label): the class's value remembered by the class and the
 * attribute cache's epoch (any class dict change on the chain moves it),
 * and the dict's lack by its version (own_dicts). A str is no descriptor,
 * so the class's value is o.<name>. */
static struct {
    Class *cls;     /* NULL: empty */
    uint64_t epoch;
    Obj *value;     /* borrowed from the class dict while epoch holds */
} cslot[S_COUNT];

static Obj *class_str(Obj *o, int name)
{
    const DictObj *d = (const DictObj *)((InstanceObj *)o)->dict;
    if (o->cls == cslot[name].cls && cslot[name].epoch == attrcache_epoch_ && d) {
        const OwnDict *e = &own_dicts[d->version & (OWN_DICTS - 1)];
        if (e->version == d->version && (e->absent & (1ull << (M_COUNT + name)))) {
            INCREF(cslot[name].value);
            return cslot[name].value;
        }
    }
    Obj *v = attr(o, name);
    Obj *cv;
    Class *owner;
    if (v && IS(v, StrClass) && attrslot_class(o, sobj[name]) && d && !dict_get(((InstanceObj *)o)->dict, sobj[name]) &&
        !err_occurred() && attrcache_get(o->cls, sobj[name], &cv, &owner) && cv == v) {
        cslot[name].cls = o->cls;
        cslot[name].epoch = attrcache_epoch_;
        cslot[name].value = v;
        dict_lacks(d->version, M_COUNT + name);
    }
    return v;
}

/* o.<name> (borrowed) when the instance dict alone decides it, read with
 * no code of the scenario's run (no property, no __getattr__); else NULL. */
static Obj *peek(Obj *o, int name)
{
    Obj *v = attrslot_get(&rslot[name], o, sobj[name]);
    if (v || !CLS(o)->heap)
        return v;
    attrslot_fill_get(&rslot[name], o, sobj[name]);
    return attrslot_get(&rslot[name], o, sobj[name]);
}

/* `self.name = v` */
static bool set_attr(Obj *self, int name, Obj *v)
{
    INCREF(v);
    if (attrslot_set(&wslot[name], self, sobj[name], v))
        return true;
    DECREF(v);
    if (obj_setattr(self, sobj[name], v) < 0)
        return false;
    attrslot_fill_set(&wslot[name], self, sobj[name]);
    return true;
}

/* The truth of `v OP n` (v <= 0, v == 0): 1, 0, or -1 with an error. */
static int compare_int(Op op, Obj *v, int64_t n)
{
    if (IS(v, IntClass) && (op == OP_LE || op == OP_EQ))
        return op == OP_LE ? INT_V(v) <= n : INT_V(v) == n;
    Obj *k = int_new(n);
    Obj *r = op_compare(op, v, k);
    DECREF(k);
    int t = r ? obj_truth(r) : -1;
    XDECREF(r);
    return t;
}

static int attr_truth(Obj *o, int name)
{
    Obj *v = attr(o, name);
    if (!v)
        return -1;
    int t = obj_truth(v);
    DECREF(v);
    return t;
}

/* raise cls (a prelude exception class; NULL: the name is not defined in
 * this version) */
static Obj *raise_class(Obj *cls, const char *name)
{
    if (!cls)
        return err_null(&NameErrorClass, "name '%s' is not defined", name);
    Obj *e = vm_call0(cls);
    if (e)
        err_set(e);
    return NULL;
}

/* ------------------------------------------------------ list helpers */

/* list.pop(0), list.append(v) and list.remove(v) for an identical v, as
 * the methods do them, through the methods for anything but a list */
static Obj *pop_front(Obj *list)
{
    if (!IS(list, ListClass)) {
        Obj *zero = int_new(0);
        Obj *r = call_attr(list, sobj[S_POP], &zero, 1);
        DECREF(zero);
        return r;
    }
    ListObj *l = (ListObj *)list;
    if (l->n == 0)
        return err_null(&IndexErrorClass, "pop from empty list");
    if (!vm_charge_ops(l->n >> 6))
        return NULL;
    Obj *v = l->items[0];
    memmove(l->items, l->items + 1, (l->n - 1) * sizeof(Obj *));
    l->n--;
    return v;
}

static bool append(Obj *list, Obj *v)
{
    if (IS(list, ListClass)) {
        list_append(list, v);
        return true;
    }
    Obj *r = call_attr(list, sobj[S_APPEND], &v, 1);
    XDECREF(r);
    return r != NULL;
}

/* `if _contains_identical(waiters, w): waiters.remove(w)` */
static bool remove_identical(Obj *list, Obj *w)
{
    if (!IS(list, ListClass)) {
        Obj *r = call_attr(list, sobj[S_REMOVE], &w, 1);
        XDECREF(r);
        return r != NULL;
    }
    ListObj *l = (ListObj *)list;
    for (size_t i = 0; i < l->n; i++)
        if (l->items[i] == w) {
            memmove(l->items + i, l->items + i + 1, (l->n - i - 1) * sizeof(Obj *));
            l->n--;
            DECREF(w);
            return true;
        }
    return true;
}

/* ----------------------------------------------------- future helpers */

/* fut.done(), fut.cancelled(): the state of a Future, a call otherwise */
static int fut_is(Obj *fut, int what, FutState done_when)
{
    if (IS(fut, FutureClass))
        return done_when == FUT_PENDING ? ((FutureObj *)fut)->state != FUT_PENDING
                                        : ((FutureObj *)fut)->state == done_when;
    Obj *r = call_attr(fut, sobj[what], NULL, 0);
    if (!r)
        return -1;
    int t = obj_truth(r);
    DECREF(r);
    return t;
}

static bool fut_set_result(Obj *fut, Obj *v)
{
    if (IS(fut, FutureClass) && ((FutureObj *)fut)->state == FUT_PENDING) {
        future_set_result((FutureObj *)fut, v);
        return true;
    }
    Obj *r = call_attr(fut, sobj[S_SET_RESULT], &v, 1);
    XDECREF(r);
    return r != NULL;
}

/* _wakeup_next(waiters): the first waiter not done gets None */
static bool wakeup_next(Obj *waiters)
{
    for (;;) {
        int more = obj_truth(waiters);
        if (more <= 0)
            return more == 0;
        Obj *w = pop_front(waiters);
        if (!w)
            return false;
        int done = fut_is(w, S_DONE, FUT_PENDING);
        bool ok = done >= 0 && (done || fut_set_result(w, None));
        DECREF(w);
        if (!ok || !done)
            return ok;
    }
}

static bool wakeup_attr(Obj *self, int name)
{
    Obj *w = attr(self, name);
    if (!w)
        return false;
    bool ok = wakeup_next(w);
    DECREF(w);
    return ok;
}

/* ------------------------------------------------ the prelude's bodies */

static Obj *qsize_body(Obj *self, Obj *arg)
{
    (void)arg;
    Obj *q = attr(self, S__QUEUE);
    if (!q)
        return NULL;
    int64_t n = obj_len(q);
    DECREF(q);
    return n < 0 && err_occurred() ? NULL : int_new(n);
}

static Obj *empty_body(Obj *self, Obj *arg)
{
    (void)arg;
    int t = attr_truth(self, S__QUEUE);
    return t < 0 ? NULL : bool_new(!t);
}

/* `if self._maxsize <= 0: return False`, then `self.qsize() >= self._maxsize` */
static Obj *full_body(Obj *self, Obj *arg)
{
    (void)arg;
    Obj *max = attr(self, S__MAXSIZE);
    if (!max)
        return NULL;
    int t = compare_int(OP_LE, max, 0);
    Obj *r = NULL;
    if (t == 1) {
        r = bool_new(false);
    } else if (t == 0) {
        Obj *n = call(self, M_QSIZE, NULL);
        if (n) {
            /* read _maxsize again, as the expression does */
            Obj *max2 = attr(self, S__MAXSIZE);
            if (max2 && CLS(n) == &IntClass && CLS(max2) == &IntClass)
                r = bool_new(INT_V(n) >= INT_V(max2)); /* (op_compare's answer for two ints) */
            else
                r = max2 ? op_compare(OP_GE, n, max2) : NULL;
            XDECREF(max2);
            DECREF(n);
        }
    }
    DECREF(max);
    return r;
}

static Obj *get_body(Obj *self, Obj *arg)
{
    (void)arg;
    Obj *q = attr(self, S__QUEUE);
    if (!q)
        return NULL;
    Obj *v = pop_front(q);
    DECREF(q);
    return v;
}

static Obj *put_body(Obj *self, Obj *arg)
{
    Obj *q = attr(self, S__QUEUE);
    if (!q)
        return NULL;
    bool ok = append(q, arg);
    DECREF(q);
    return ok ? none_new() : NULL;
}

static Obj *get_nowait_body(Obj *self, Obj *arg)
{
    (void)arg;
    int empty = call_truth(self, M_EMPTY);
    if (empty < 0)
        return NULL;
    if (empty) {
        int shut = attr_truth(self, S__IS_SHUTDOWN);
        if (shut < 0)
            return NULL;
        return shut ? raise_class(exc_shutdown, "QueueShutDown") : raise_class(exc_empty, "QueueEmpty");
    }
    Obj *item = call(self, M_GET, NULL);
    if (!item)
        return NULL;
    if (!wakeup_attr(self, S__PUTTERS)) {
        DECREF(item);
        return NULL;
    }
    return item;
}

/* self.name += delta */
static bool add_attr(Obj *self, int name, int64_t delta)
{
    Obj *v = attr(self, name);
    if (!v)
        return false;
    int64_t sum;
    Obj *n;
    if (IS(v, IntClass) && !__builtin_add_overflow(INT_V(v), delta, &sum)) {
        n = int_new(sum);
    } else {
        Obj *d = int_new(delta);
        n = op_inplace(OP_ADD, v, d);
        DECREF(d);
    }
    DECREF(v);
    if (!n)
        return false;
    bool ok = set_attr(self, name, n);
    DECREF(n);
    return ok;
}

/* self._finished.clear() or .set() */
static bool finished_call(Obj *self, int m)
{
    Obj *ev = attr(self, S__FINISHED);
    if (!ev)
        return false;
    Obj *r = call(ev, m, NULL);
    DECREF(ev);
    XDECREF(r);
    return r != NULL;
}

static Obj *put_nowait_body(Obj *self, Obj *item)
{
    int shut = attr_truth(self, S__IS_SHUTDOWN);
    if (shut < 0)
        return NULL;
    if (shut)
        return raise_class(exc_shutdown, "QueueShutDown");
    int full = call_truth(self, M_FULL);
    if (full < 0)
        return NULL;
    if (full)
        return raise_class(exc_full, "QueueFull");
    Obj *r = call(self, M_PUT, item);
    if (!r)
        return NULL;
    DECREF(r);
    if (!add_attr(self, S__UNFINISHED_TASKS, 1) || !finished_call(self, M_EV_CLEAR) ||
        !wakeup_attr(self, S__GETTERS))
        return NULL;
    return none_new();
}

/* _LoopBound._get_loop: the running loop, which self is bound to from its
 * first use on */
static Obj *get_loop_body(Obj *self, Obj *arg)
{
    (void)arg;
    Obj *loop = sim.running ? &sim.running->hdr : None;
    Obj *mine = attr(self, S__LOOP);
    if (!mine)
        return NULL;
    if (mine == None) {
        DECREF(mine);
        if (!set_attr(self, S__LOOP, loop))
            return NULL;
        mine = attr(self, S__LOOP);
        if (!mine)
            return NULL;
    }
    bool same = mine == loop;
    DECREF(mine);
    if (!same) {
        Buf b;
        buf_init(&b);
        if (obj_repr(self, &b) < 0) {
            buf_free(&b);
            return NULL;
        }
        err_format(&RuntimeErrorClass, "%s is bound to a different event loop", b.s);
        buf_free(&b);
        return NULL;
    }
    INCREF(loop);
    return loop;
}

static Obj *ev_clear_body(Obj *self, Obj *arg)
{
    (void)arg;
    return set_attr(self, S__VALUE, False) ? none_new() : NULL;
}

static Obj *ev_set_body(Obj *self, Obj *arg)
{
    (void)arg;
    int v = attr_truth(self, S__VALUE);
    if (v < 0)
        return NULL;
    if (v)
        return none_new();
    if (!set_attr(self, S__VALUE, True))
        return NULL;
    Obj *ws = attr(self, S__WAITERS);
    if (!ws)
        return NULL;
    /* `for fut in self._waiters`: the length is read afresh each time */
    bool ok = true;
    Obj *w;
    for (size_t i = 0; ok && (w = seq_get_ref(ws, i)); i++) {
        int done = fut_is(w, S_DONE, FUT_PENDING);
        ok = done >= 0 && (done || fut_set_result(w, True));
        DECREF(w);
    }
    DECREF(ws);
    return ok && !err_occurred() ? none_new() : NULL;
}

static Obj *task_done_body(Obj *self)
{
    Obj *n = attr(self, S__UNFINISHED_TASKS);
    int t = n ? compare_int(OP_LE, n, 0) : -1;
    XDECREF(n);
    if (t != 0)
        return t < 0 ? NULL : err_null(&ValueErrorClass, "task_done() called too many times");
    if (!add_attr(self, S__UNFINISHED_TASKS, -1))
        return NULL;
    n = attr(self, S__UNFINISHED_TASKS);
    t = n ? compare_int(OP_EQ, n, 0) : -1;
    XDECREF(n);
    if (t < 0 || (t && !finished_call(self, M_EV_SET)))
        return NULL;
    return none_new();
}

/* ------------------------------------------- get() and put() awaitables */

/* What `await q.get()` and `await q.put(item)` wait on: while the queue
 * is empty (full), a future in _getters (_putters); then get_nowait()
 * (put_nowait(item)). */
typedef struct WaitObj {
    Obj hdr;
    Obj *queue;
    Obj *item;      /* put: the item; get: NULL */
    Obj *waiter;    /* the future waited on now, or NULL */
    const Shortcut *direct; /* made for `await q.get()` with no coroutine
                               of get's (shortcut.c), or NULL */
} WaitObj;

/* the prelude's Queue.get and put, while their awaited calls run here */
static Shortcut get_sc, put_sc;

static void wait_dealloc(Obj *o)
{
    WaitObj *w = (WaitObj *)o;
    XDECREF(w->queue);
    XDECREF(w->item);
    XDECREF(w->waiter);
}

static int waiters_name(const WaitObj *w) { return w->item ? S__PUTTERS : S__GETTERS; }

/* The last put's words, made again when the maxsize (an int in the
 * queue's dict) says another number; held until sync_reset. */
static Obj *put_label;
static int64_t put_label_max;

/* The waiting future's words: the class's _get_label for a get, "Queue.put
 * (full, M of M)" for a put. */
static bool label_waiter(WaitObj *w, FutureObj *f)
{
    if (!w->item) {
        Obj *l = class_str(w->queue, S__GET_LABEL);
        if (!l)
            return false;
        bool ok = asyncio_set_label(&f->hdr, l, false);
        DECREF(l);
        return ok;
    }
    Obj *max = peek(w->queue, S__MAXSIZE); /* both reads give it: no code runs between */
    if (max && CLS(max) == &IntClass) {
        if (!put_label || put_label_max != INT_V(max)) {
            Buf b;
            buf_init(&b);
            buf_puts(&b, "Queue.put (full, ");
            buf_put_int(&b, INT_V(max));
            buf_puts(&b, " of ");
            buf_put_int(&b, INT_V(max));
            buf_putc(&b, ')');
            XDECREF(put_label);
            put_label = str_from_buf(&b);
            put_label_max = INT_V(max);
        }
        return asyncio_set_label(&f->hdr, put_label, false);
    }
    Buf b;
    buf_init(&b);
    buf_puts(&b, "Queue.put (full, ");
    for (int k = 0; k < 2; k++) {
        Obj *m = attr(w->queue, S__MAXSIZE);
        if (!m || obj_str(m, &b) < 0) {
            XDECREF(m);
            buf_free(&b);
            return false;
        }
        DECREF(m);
        buf_puts(&b, k ? ")" : " of ");
    }
    Obj *l = str_from_buf(&b);
    bool ok = asyncio_set_label(&f->hdr, l, false);
    DECREF(l);
    return ok;
}

/* A new waiter: self._get_loop().create_future(), labelled, appended. */
static Obj *new_waiter(WaitObj *w)
{
    Obj *loop = call(w->queue, M_GET_LOOP, NULL);
    if (!loop)
        return NULL;
    Obj *fut = IS(loop, LoopClass) ? future_new((LoopObj *)loop) : call_attr(loop, sobj[S_CREATE_FUTURE], NULL, 0);
    DECREF(loop);
    if (!fut)
        return NULL;
    if (!is_future(fut)) {
        DECREF(fut);
        return err_null(&TypeErrorClass, "_set_label(future, str[, quiet])");
    }
    Obj *ws = label_waiter(w, (FutureObj *)fut) ? attr(w->queue, waiters_name(w)) : NULL;
    bool ok = ws && append(ws, fut);
    XDECREF(ws);
    if (!ok) {
        DECREF(fut);
        return NULL;
    }
    return fut;
}

/* The await ended with an exception (set): the prelude's `except:` block,
 * then the exception goes on. */
static AwaitStatus wait_failed(WaitObj *w)
{
    Obj *exc = err_fetch();
    Obj *fut = w->waiter;
    w->waiter = NULL;
    bool ok = true;
    if (IS(fut, FutureClass))
        future_cancel((FutureObj *)fut, NULL);
    else {
        Obj *r = call_attr(fut, sobj[S_CANCEL], NULL, 0);
        ok = r != NULL;
        XDECREF(r);
    }
    Obj *ws = ok ? attr(w->queue, waiters_name(w)) : NULL;
    ok = ws && remove_identical(ws, fut);
    XDECREF(ws);
    if (ok) {
        /* `if not self.empty() and not getter.cancelled()` (put: full) */
        int busy = call_truth(w->queue, w->item ? M_FULL : M_EMPTY);
        int cancelled = busy == 0 ? fut_is(fut, S_CANCELLED, FUT_CANCELLED) : 0;
        ok = busy >= 0 && cancelled >= 0 && (busy || cancelled || wakeup_attr(w->queue, waiters_name(w)));
    }
    DECREF(fut);
    if (ok)
        err_set(exc);
    else
        DECREF(exc); /* the except block's own error goes on instead */
    return AW_ERROR;
}

/* The loop of get() / put() from the top: wait again, or finish. */
static AwaitStatus wait_run(WaitObj *w, Obj **out)
{
    for (;;) {
        int busy = call_truth(w->queue, w->item ? M_FULL : M_EMPTY);
        if (busy < 0)
            return AW_ERROR;
        if (!busy)
            break;
        int shut = attr_truth(w->queue, S__IS_SHUTDOWN);
        if (shut > 0 && !w->item) /* get: `self._is_shutdown and self.empty()` */
            shut = call_truth(w->queue, M_EMPTY);
        if (shut < 0)
            return AW_ERROR;
        if (shut) {
            raise_class(exc_shutdown, "QueueShutDown");
            return AW_ERROR;
        }
        w->waiter = new_waiter(w);
        if (!w->waiter)
            return AW_ERROR;
        AwaitStatus st = FutureClass.await_step(w->waiter, false, out);
        if (st == AW_SUSPEND)
            return st;
        if (st == AW_ERROR)
            return wait_failed(w);
        DECREF(*out);
        SETREF(w->waiter, NULL);
    }
    *out = w->item ? call(w->queue, M_PUT_NOWAIT, w->item) : call(w->queue, M_GET_NOWAIT, NULL);
    return *out ? AW_DONE : AW_ERROR;
}

/* An await of w ends with st: an exception leaves get's (put's) body with
 * its locals, self, (item,) and the awaitable, when no coroutine ran it. */
static AwaitStatus wait_end(WaitObj *w, AwaitStatus st)
{
    if (st == AW_ERROR && w->direct) {
        Obj *locals[3] = {w->queue, w->item, &w->hdr};
        shortcut_left(w->direct, true, locals, 3);
    }
    return st;
}

static AwaitStatus wait_step(WaitObj *w, bool resumed, Obj **out)
{
    *out = NULL;
    if (resumed && w->waiter) {
        AwaitStatus st = FutureClass.await_step(w->waiter, true, out);
        if (st == AW_ERROR)
            return wait_failed(w);
        if (st == AW_SUSPEND)
            return st;
        DECREF(*out);
        *out = NULL;
        SETREF(w->waiter, NULL);
    }
    return wait_run(w, out);
}

static AwaitStatus wait_await(Obj *o, bool resumed, Obj **out)
{
    return wait_end((WaitObj *)o, wait_step((WaitObj *)o, resumed, out));
}

static AwaitStatus wait_throw(Obj *o, Obj *exc, Obj **out)
{
    WaitObj *w = (WaitObj *)o;
    *out = NULL;
    INCREF(exc);
    err_set(exc);
    return wait_end(w, w->waiter ? wait_failed(w) : AW_ERROR);
}

static Class WaitClass = {.name = "_QueueWait", .kind = K_OTHER, .base = &ObjectClass, .size = sizeof(WaitObj),
                          .dealloc = wait_dealloc, .await_step = wait_await, .await_throw = wait_throw,
                          .builtin = true};

/* ---------------------------------------------------------------- Lock */

/* f"Lock (held by {_holder_name(self._holder)})" */
static Obj *lock_label_body(Obj *self, Obj *arg)
{
    (void)arg;
    Obj *holder = attr(self, S__HOLDER);
    if (!holder)
        return NULL;
    Buf b;
    buf_init(&b);
    buf_puts(&b, "Lock (held by ");
    bool ok = holder == None ? (buf_puts(&b, "someone"), true) : asyncio_who(holder, &b);
    DECREF(holder);
    if (!ok) {
        buf_free(&b);
        return NULL;
    }
    buf_putc(&b, ')');
    return str_from_buf(&b);
}

/* The current task holds it now; the waiters' words say so. */
static Obj *lock_take_body(Obj *self, Obj *arg)
{
    (void)arg;
    if (!set_attr(self, S__LOCKED, True) || !set_attr(self, S__HOLDER, sim.current ? &sim.current->fut.hdr : None))
        return NULL;
    Obj *ws = attr(self, S__WAITERS);
    int any = ws ? obj_truth(ws) : -1;
    bool ok = any >= 0;
    Obj *w;
    for (size_t i = 0; ok && any && (w = seq_get_ref(ws, i)); i++) {
        int done = fut_is(w, S_DONE, FUT_PENDING);
        ok = done >= 0;
        if (ok && !done) {
            Obj *label = call(self, M_LOCK_LABEL, NULL);
            ok = label && asyncio_set_label(w, label, false);
            XDECREF(label);
        }
        DECREF(w);
    }
    XDECREF(ws);
    return ok && !err_occurred() ? none_new() : NULL;
}

/* The first waiter, if not done, gets True. */
static Obj *lock_wake_body(Obj *self, Obj *arg)
{
    (void)arg;
    Obj *ws = attr(self, S__WAITERS);
    int any = ws ? obj_truth(ws) : -1;
    Obj *first = any > 0 ? seq_get_ref(ws, 0) : NULL;
    XDECREF(ws);
    if (any < 0 || (any && !first))
        return NULL;
    bool ok = true;
    if (first) {
        int done = fut_is(first, S_DONE, FUT_PENDING);
        ok = done >= 0 && (done || fut_set_result(first, True));
        DECREF(first);
    }
    return ok ? none_new() : NULL;
}

static Obj *lock_release_body(Obj *self, Obj *arg)
{
    (void)arg;
    int locked = attr_truth(self, S__LOCKED);
    if (locked < 0)
        return NULL;
    if (!locked)
        return err_null(&RuntimeErrorClass, "Lock is not acquired.");
    if (!set_attr(self, S__LOCKED, False) || !set_attr(self, S__HOLDER, None))
        return NULL;
    return call(self, M_LOCK_WAKE, NULL);
}

/* What acquire() waits on: free (not locked, no waiter that is not
 * cancelled), it takes the lock at once; else a labelled future in
 * _waiters, taken out again when the wait ends. */
typedef struct LockWaitObj {
    Obj hdr;
    Obj *lock;
    Obj *waiter;    /* the future waited on, or NULL */
} LockWaitObj;

static void lockwait_dealloc(Obj *o)
{
    XDECREF(((LockWaitObj *)o)->lock);
    XDECREF(((LockWaitObj *)o)->waiter);
}

/* not self._locked and (self._waiters is None or all(w.cancelled() ...)) */
static int lock_free(Obj *self)
{
    int locked = attr_truth(self, S__LOCKED);
    if (locked != 0)
        return locked < 0 ? -1 : 0;
    Obj *ws = attr(self, S__WAITERS);
    if (!ws)
        return -1;
    int all = 1;
    Obj *w;
    for (size_t i = 0; ws != None && all == 1 && (w = seq_get_ref(ws, i)); i++) {
        all = fut_is(w, S_CANCELLED, FUT_CANCELLED);
        DECREF(w);
    }
    DECREF(ws);
    return all < 0 || err_occurred() ? -1 : all;
}

/* `self._take(); return True` */
static AwaitStatus lock_taken(Obj *self, Obj **out)
{
    Obj *r = call(self, M_LOCK_TAKE, NULL);
    if (!r)
        return AW_ERROR;
    DECREF(r);
    *out = bool_new(true);
    return AW_DONE;
}

static AwaitStatus lockwait_first(LockWaitObj *lw, Obj **out)
{
    Obj *self = lw->lock;
    int free = lock_free(self);
    if (free < 0)
        return AW_ERROR;
    if (free)
        return lock_taken(self, out);
    Obj *ws = attr(self, S__WAITERS);
    if (!ws)
        return AW_ERROR;
    if (ws == None) {
        DECREF(ws);
        ws = list_new(0);
        if (!set_attr(self, S__WAITERS, ws)) {
            DECREF(ws);
            return AW_ERROR;
        }
        DECREF(ws);
    } else {
        DECREF(ws);
    }
    Obj *loop = call(self, M_GET_LOOP, NULL);
    if (!loop)
        return AW_ERROR;
    Obj *fut = IS(loop, LoopClass) ? future_new((LoopObj *)loop) : call_attr(loop, sobj[S_CREATE_FUTURE], NULL, 0);
    DECREF(loop);
    if (!fut)
        return AW_ERROR;
    Obj *label = call(self, M_LOCK_LABEL, NULL);
    bool ok = label && asyncio_set_label(fut, label, false);
    XDECREF(label);
    ws = ok ? attr(self, S__WAITERS) : NULL;
    ok = ws && append(ws, fut);
    XDECREF(ws);
    if (!ok) {
        DECREF(fut);
        return AW_ERROR;
    }
    lw->waiter = fut;
    return FutureClass.await_step(fut, false, out);
}

/* The wait is over (an exception set when failed): the finally takes the
 * future out of _waiters, a CancelledError wakes the next waiter when the
 * lock is free, and success takes the lock. */
static AwaitStatus lockwait_end(LockWaitObj *lw, bool failed, Obj **out)
{
    Obj *self = lw->lock;
    Obj *exc = failed ? err_fetch() : NULL;
    Obj *fut = lw->waiter;
    lw->waiter = NULL;
    Obj *ws = attr(self, S__WAITERS);
    bool ok = ws != NULL;
    if (ok && IS(ws, ListClass)) {
        size_t n = LIST_N(ws);
        remove_identical(ws, fut);
        if (LIST_N(ws) == n) {
            err_format(&ValueErrorClass, "list.remove(x): x not in list");
            ok = false;
        }
    } else if (ok) {
        Obj *r = call_attr(ws, sobj[S_REMOVE], &fut, 1);
        ok = r != NULL;
        XDECREF(r);
    }
    XDECREF(ws);
    DECREF(fut);
    if (!ok) { /* the finally's error goes on instead */
        XDECREF(exc);
        return AW_ERROR;
    }
    if (!exc)
        return lock_taken(self, out);
    if (class_is_sub(exc->cls, &CancelledErrorClass)) {
        int locked = attr_truth(self, S__LOCKED);
        Obj *r = locked == 0 ? call(self, M_LOCK_WAKE, NULL) : NULL;
        XDECREF(r);
        if (locked < 0 || (locked == 0 && !r)) {
            DECREF(exc);
            return AW_ERROR;
        }
    }
    err_set(exc);
    return AW_ERROR;
}

static AwaitStatus lockwait_await(Obj *o, bool resumed, Obj **out)
{
    LockWaitObj *lw = (LockWaitObj *)o;
    *out = NULL;
    if (!resumed || !lw->waiter)
        return lockwait_first(lw, out);
    AwaitStatus st = FutureClass.await_step(lw->waiter, true, out);
    if (st == AW_SUSPEND)
        return st;
    if (st == AW_DONE)
        DECREF(*out);
    *out = NULL;
    return lockwait_end(lw, st == AW_ERROR, out);
}

static AwaitStatus lockwait_throw(Obj *o, Obj *exc, Obj **out)
{
    LockWaitObj *lw = (LockWaitObj *)o;
    *out = NULL;
    INCREF(exc);
    err_set(exc);
    return lw->waiter ? lockwait_end(lw, true, out) : AW_ERROR;
}

static Class LockWaitClass = {.name = "_LockWait", .kind = K_OTHER, .base = &ObjectClass,
                              .size = sizeof(LockWaitObj), .dealloc = lockwait_dealloc,
                              .await_step = lockwait_await, .await_throw = lockwait_throw, .builtin = true};

/* Lock.acquire's body: the awaitable it awaits */
static Obj *lock_acquire_body(Obj *self, Obj *arg)
{
    (void)arg;
    LockWaitObj *lw = (LockWaitObj *)obj_alloc(&LockWaitClass, sizeof(LockWaitObj));
    INCREF(self);
    lw->lock = self;
    return &lw->hdr;
}

/* ------------------------------------------- `async with lock` shortcut */

/* What `async with lock` awaits when the Lock's own __aenter__ found it
 * free, or its own __aexit__ released it: done already, None. */
static AwaitStatus done_await(Obj *o, bool resumed, Obj **out)
{
    (void)o;
    (void)resumed;
    INCREF(None);
    *out = None;
    return AW_DONE;
}

static Class DoneClass = {.name = "_LockDone", .kind = K_OTHER, .base = &ObjectClass, .size = sizeof(Obj),
                          .await_step = done_await, .builtin = true};

static Obj *done_new(void) { return obj_alloc(&DoneClass, sizeof(Obj)); }

/* the prelude's _AsyncWithAcquire.__aenter__ and __aexit__ */
static Shortcut aenter_sc, aexit_sc;

/* _waiters is None or a list of Futures that are all cancelled (all:
 * lock_free's test) or (!all) whose first, if any, is a Future: what
 * acquire and release then do runs no code of the scenario's. */
static bool plain_waiters(Obj *ws, bool all)
{
    if (ws == None)
        return true;
    if (!IS(ws, ListClass))
        return false;
    size_t n = LIST_N(ws);
    for (size_t i = 0; i < (all ? n : n > 0); i++) {
        Obj *w = ((ListObj *)ws)->items[i];
        if (!IS(w, FutureClass) || (all && ((FutureObj *)w)->state != FUT_CANCELLED))
            return false;
    }
    return true;
}

/* The way in (out) of `async with lock` in C: when nargs is what
 * __aenter__ (__aexit__) takes, the lock's own methods other and run are
 * what would run, _locked is exactly `locked` and the waiters are plain
 * (all: every one; else the first): run's body (_take; release) and an
 * awaitable that is done. NULL, nothing done: not so. */
static Obj *lock_direct(Obj *self, int nargs, int want, int other, int run, Obj *locked, bool all)
{
    if (!self || nargs != want || !is_own(self, other) || !is_own(self, run))
        return NULL;
    Obj *ws = peek(self, S__WAITERS);
    if (peek(self, S__LOCKED) != locked || !ws || !plain_waiters(ws, all))
        return NULL;
    Obj *r = methods[run].body(self, NULL);
    if (!r)
        return NULL;
    DECREF(r);
    return done_new();
}

/* `await lock.__aenter__()` with the Lock's own __aenter__ (self: the
 * lock): when the lock is free and its own acquire and _take would run,
 * CPython's acquire returns True without yielding: take it here, with no
 * coroutine of __aenter__'s or acquire's. */
PRIM(aenter_direct)
{
    (void)args;
    (void)kw;
    return lock_direct(self, nargs, 0, M_LOCK_ACQUIRE, M_LOCK_TAKE, False, true);
}

/* `await lock.__aexit__(t, v, tb)` with the Lock's own __aexit__: when the
 * lock is held and its own release and _wake_up_first would run, release
 * it here. */
PRIM(aexit_direct)
{
    (void)args;
    (void)kw;
    return lock_direct(self, nargs, 3, M_LOCK_WAKE, M_LOCK_RELEASE, True, false);
}

/* _acquire_of(x): what `async with x` awaits on the way in: the Lock's own
 * acquire waits here directly, any other x.acquire() is called */
static Obj *p_acquire_of(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)self;
    if (!vm_check_nargs("_acquire_of", nargs, kw, 1, 1))
        return NULL;
    return call(args[0], M_LOCK_ACQUIRE, NULL);
}

/* -------------------------------------------------------- primitives */

/* A prelude method's body for self (args[0]) and its argument (args[1]
 * for put_nowait and _put). */
static Obj *run_body(int m, const char *fname, Obj **args, int nargs, Obj *kw)
{
    int n = m == M_PUT_NOWAIT || m == M_PUT ? 2 : 1;
    if (!vm_check_nargs(fname, nargs, kw, n, n))
        return NULL;
    return methods[m].body(args[0], n > 1 ? args[1] : NULL);
}

#define BODY_PRIM(fn, m)                                              \
    static Obj *fn(Obj *self, Obj **args, int nargs, Obj *kw)         \
    {                                                                 \
        (void)self;                                                   \
        return run_body(m, #fn, args, nargs, kw);                     \
    }
BODY_PRIM(_queue_qsize, M_QSIZE)
BODY_PRIM(_queue_empty, M_EMPTY)
BODY_PRIM(_queue_full, M_FULL)
BODY_PRIM(_queue_get_nowait, M_GET_NOWAIT)
BODY_PRIM(_queue_put_nowait, M_PUT_NOWAIT)
BODY_PRIM(_event_set, M_EV_SET)
BODY_PRIM(_lock_acquire, M_LOCK_ACQUIRE)
BODY_PRIM(_lock_release, M_LOCK_RELEASE)
BODY_PRIM(_lock_take, M_LOCK_TAKE)
BODY_PRIM(_lock_label, M_LOCK_LABEL)
BODY_PRIM(_lock_wake_up_first, M_LOCK_WAKE)

PRIM(p_queue_task_done)
{
    (void)self;
    if (!vm_check_nargs("_queue_task_done", nargs, kw, 1, 1))
        return NULL;
    return task_done_body(args[0]);
}

PRIM(p_wakeup_next)
{
    (void)self;
    if (!vm_check_nargs("_wakeup_next", nargs, kw, 1, 1))
        return NULL;
    return wakeup_next(args[0]) ? none_new() : NULL;
}

/* The awaitable of queue.get() (item NULL) or queue.put(item). */
static Obj *wait_new(Obj *queue, Obj *item, const Shortcut *direct)
{
    WaitObj *w = (WaitObj *)obj_alloc(&WaitClass, sizeof(WaitObj));
    INCREF(queue);
    w->queue = queue;
    XINCREF(item);
    w->item = item;
    w->direct = direct;
    return &w->hdr;
}

/* _queue_wait(self[, item]): the awaitable of get() (put(item)) */
PRIM(p_queue_wait)
{
    (void)self;
    if (!vm_check_nargs("_queue_wait", nargs, kw, 1, 2))
        return NULL;
    return wait_new(args[0], nargs > 1 ? args[1] : NULL, NULL);
}

/* `await q.get()` and `await q.put(item)`: the awaitable, no coroutine
 * (other calls go to the prelude's functions) */
PRIM(get_direct)
{
    (void)args;
    (void)kw;
    return self && nargs == 0 ? wait_new(self, NULL, &get_sc) : NULL;
}

PRIM(put_direct)
{
    (void)kw;
    return self && nargs == 1 ? wait_new(self, args[0], &put_sc) : NULL;
}

void sync_add_prims(Obj *module_dict)
{
    class_init(&WaitClass);
    class_init(&LockWaitClass);
    class_init(&DoneClass);
    for (int i = 0; i < S_COUNT; i++)
        sobj[i] = str_intern(snames[i]);
    for (int m = 0; m < M_COUNT; m++)
        mobj[m] = str_intern(methods[m].name);
    static const LibPrim prims[] = {
        {"_queue_qsize", _queue_qsize},
        {"_queue_empty", _queue_empty},
        {"_queue_full", _queue_full},
        {"_queue_get_nowait", _queue_get_nowait},
        {"_queue_put_nowait", _queue_put_nowait},
        {"_queue_task_done", p_queue_task_done},
        {"_queue_wait", p_queue_wait},
        {"_event_set", _event_set},
        {"_lock_acquire", _lock_acquire},
        {"_lock_release", _lock_release},
        {"_lock_take", _lock_take},
        {"_lock_label", _lock_label},
        {"_lock_wake_up_first", _lock_wake_up_first},
        {"_acquire_of", p_acquire_of},
        {"_wakeup_next", p_wakeup_next},
    };
    stdlib_add_prims(module_dict, prims, sizeof prims / sizeof prims[0]);
}

/* After the prelude ran: hold its own methods and exception classes. */
void sync_bind_prelude(Obj *module_dict)
{
    sync_reset();
    for (int m = 0; m < M_COUNT; m++) {
        Obj *cls = dict_get_c(module_dict, methods[m].cls);
        Obj *fn = cls && IS(cls, ClassClass) && ((Class *)cls)->dict
                      ? dict_get(((Class *)cls)->dict, mobj[m])
                      : NULL;
        XINCREF(fn);
        own_fn[m] = fn;
    }
    Obj *queue = dict_get_c(module_dict, "Queue");
    if (queue && IS(queue, ClassClass) && ((Class *)queue)->dict) {
        shortcut_bind(&get_sc, dict_get_c(((Class *)queue)->dict, "get"), get_direct);
        shortcut_bind(&put_sc, dict_get_c(((Class *)queue)->dict, "put"), put_direct);
    }
    Obj *aw = dict_get_c(module_dict, "_AsyncWithAcquire");
    if (aw && IS(aw, ClassClass) && ((Class *)aw)->dict) {
        shortcut_bind(&aenter_sc, dict_get_c(((Class *)aw)->dict, "__aenter__"), aenter_direct);
        shortcut_bind(&aexit_sc, dict_get_c(((Class *)aw)->dict, "__aexit__"), aexit_direct);
    }
    static Obj **const excs[] = {&exc_empty, &exc_full, &exc_shutdown};
    static const char *const exc_names[] = {"QueueEmpty", "QueueFull", "QueueShutDown"};
    for (size_t i = 0; i < 3; i++) {
        Obj *c = dict_get_c(module_dict, exc_names[i]);
        XINCREF(c);
        *excs[i] = c;
    }
}

void sync_reset(void)
{
    memset(own_class, 0, sizeof own_class);
    memset(own_dicts, 0, sizeof own_dicts);
    for (int m = 0; m < M_COUNT; m++) {
        XDECREF(own_fn[m]);
        own_fn[m] = NULL;
    }
    XDECREF(exc_empty);
    XDECREF(exc_full);
    XDECREF(exc_shutdown);
    exc_empty = exc_full = exc_shutdown = NULL;
    XDECREF(put_label);
    put_label = NULL;
    memset(cslot, 0, sizeof cslot);
    get_sc.fn = put_sc.fn = aenter_sc.fn = aexit_sc.fn = NULL;
}
