/* sleep.c: the awaitable behind asyncio.sleep, in C because every task of
 * a timer-driven program runs it on each hop.
 * Owns: what the prelude's `async def sleep` awaits (_sleep_awaitable):
 * for a delay <= 0 a bare yield (CPython's __sleep0: no future, the task
 * goes to the back of the ready queue); else a future labelled
 * "sleep(D) until T" (its delay's shared "sleep(D)" and the time, written
 * only when read: FutureObj.until), a timer (loop_call_at) whose callback is
 * _set_result_unless_cancelled, the await on that future, and the timer's
 * cancel once the await ends either way (CPython's `finally:
 * h.cancel()`, here in await_step and await_throw). The coroutine itself
 * stays the prelude's, so `sleep(1)` is still a coroutine named sleep: a
 * task of it, a never-awaited warning and a traceback frame "in sleep" are
 * as before. `await asyncio.sleep(...)` itself, the call awaited at once,
 * makes no coroutine at all (shortcut.c): sleep_direct returns the
 * awaitable, which adds what sleep's frame would have to an exception
 * leaving it.
 * Leaves futures and the loop to future.c and loop.c. */
#include "model.h"

#include "../objects/ops.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

typedef struct SleepObj {
    Obj hdr;
    FutureObj *fut;  /* NULL: sleep(0), a bare yield */
    HandleObj *timer;/* the wake-up, cancelled once the await ends */
    Obj *result;
    Obj *delay;      /* made by sleep_direct (no coroutine's frame): the
                        delay, for an exception's traceback; else NULL */
} SleepObj;

static void sleep_dealloc(Obj *o)
{
    SleepObj *s = (SleepObj *)o;
    XDECREF(s->fut);
    XDECREF(s->timer);
    XDECREF(s->result);
    XDECREF(s->delay);
}

/* the prelude's sleep, while `await sleep(...)` runs sleep_direct */
static Shortcut sleep_sc;

/* An exception leaves sleep's body (no coroutine frame ran it) with its
 * locals: delay, result and `future`, the awaitable. */
static void sleep_left(bool at_await, Obj *delay, Obj *result, Obj *future)
{
    Obj *locals[3] = {delay, result, future};
    shortcut_left(&sleep_sc, at_await, locals, 3);
}

/* The await is over (returned or raised): the timer goes, as the
 * prelude's finally did. */
static void sleep_end(SleepObj *s)
{
    if (s->timer) {
        loop_handle_cancel(s->timer);
        SETREF(s->timer, NULL);
    }
}

static AwaitStatus sleep_await(Obj *o, bool resumed, Obj **out)
{
    SleepObj *s = (SleepObj *)o;
    if (!s->fut) { /* sleep(0): yield once, then the result */
        if (!resumed) {
            INCREF(None);
            *out = None;
            return AW_SUSPEND;
        }
        INCREF(s->result);
        *out = s->result;
        return AW_DONE;
    }
    AwaitStatus st = FutureClass.await_step(&s->fut->hdr, resumed, out);
    if (st != AW_SUSPEND)
        sleep_end(s);
    if (st == AW_ERROR && s->delay)
        sleep_left(true, s->delay, s->result, o);
    return st;
}

static AwaitStatus sleep_throw(Obj *o, Obj *exc, Obj **out)
{
    SleepObj *s = (SleepObj *)o;
    *out = NULL;
    sleep_end(s);
    INCREF(exc);
    err_set(exc);
    if (s->delay)
        sleep_left(true, s->delay, s->result, o);
    return AW_ERROR;
}

/* Sleeps no one holds any more, kept for the next (spares.c), chained
 * through the result field. */
static Spares spare = {.link = offsetof(SleepObj, result)};

static void sleep_finalize(Obj *o)
{
    spares_offer(&spare, o, sleep_dealloc);
}

static Class SleepClass = {.name = "_Sleep", .kind = K_OTHER, .base = &ObjectClass, .size = sizeof(SleepObj),
                           .dealloc = sleep_dealloc, .await_step = sleep_await, .await_throw = sleep_throw,
                           .finalize = sleep_finalize, .builtin = true};

/* the timer's callback: _set_result_unless_cancelled(fut, result) */
static Obj *set_result_unless_cancelled(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)self;
    if (!vm_check_nargs("_set_result_unless_cancelled", nargs, kw, 2, 2))
        return NULL;
    if (!is_future(args[0]))
        return err_null(&TypeErrorClass, "_set_result_unless_cancelled(future, result)");
    FutureObj *f = (FutureObj *)args[0];
    if (f->state == FUT_CANCELLED)
        return none_new();
    if (f->state != FUT_PENDING)
        return err_null(&InvalidStateErrorClass, "invalid state");
    /* called by the timer: the wake-up handles share its (future, result)
     * (a task's wakeup reads the first only) */
    future_set_result_with(f, args[1], loop_running_args(args));
    return none_new();
}

static Obj *wake_cb; /* one builtin for every sleep's timer, this run */
static Buf label;    /* a sleep's label being written */
/* The awaitable `await sleep(0)` gave last. A sleep(0) (no future, no
 * timer) holds nothing that changes: every task may await the same one at
 * once, so one is made again only for another delay object. */
static SleepObj *zero_sleep;
static uint64_t zeros_shared;

/* A sleep's label, "sleep(D)" (D its delay's repr), for an int or float
 * delay: one string per delay, held here and shared by every sleep for it
 * (a program sleeps for the same few delays again and again, and a
 * float's shortest repr costs thousands of instructions). The future's
 * words, "sleep(D) until T", are that label and its time (FutureObj.until),
 * written only when read (future_describe). Keyed by the exact value and
 * class, probed linearly a few slots; a full run of slots gives up its
 * first. */
enum { LABELS = 512, LABEL_PROBES = 8 };
static struct {
    uint64_t bits;
    Class *cls;
    Obj *label; /* held, or NULL */
} labels[LABELS];
static uint64_t labels_made;

uint64_t sleep_labels_made(void)
{
    return labels_made;
}

static Obj *delay_label(Obj *delay, double d)
{
    uint64_t bits;
    if (IS(delay, FloatClass))
        memcpy(&bits, &d, sizeof bits);
    else
        bits = (uint64_t)int_value(delay);
    size_t home = (size_t)((bits ^ bits >> 29 ^ bits >> 47) * 0x9E3779B97F4A7C15ull >> 52) & (LABELS - 1), at = home;
    for (size_t k = 0; k < LABEL_PROBES; k++) {
        size_t i = (home + k) & (LABELS - 1);
        if (!labels[i].label) {
            at = i;
            break;
        }
        if (labels[i].bits == bits && labels[i].cls == CLS(delay))
            return labels[i].label;
    }
    labels_made++;
    buf_clear(&label);
    buf_puts(&label, "sleep(");
    obj_repr(delay, &label);
    buf_putc(&label, ')');
    XDECREF(labels[at].label);
    labels[at].label = str_new(label.s, label.len);
    labels[at].bits = bits;
    labels[at].cls = CLS(delay);
    return labels[at].label;
}

/* What sleep(delay, result) awaits. The checks come in the order the
 * Python-written sleep made them: delay <= 0, a running loop, then a
 * number for call_later. */
static Obj *sleep_make(Obj *delay, Obj *result)
{
    double d = 0;
    bool num = true, now;
    if (IS(delay, FloatClass))
        d = FLOAT_V(delay);
    else if (is_int(delay))
        d = (double)int_value(delay);
    else
        num = false;
    if (num) {
        now = is_int(delay) ? int_value(delay) <= 0 : d <= 0;
    } else {
        Obj *zero = int_new(0);
        Obj *le = op_compare(OP_LE, delay, zero);
        DECREF(zero);
        if (!le)
            return NULL;
        int t = obj_truth(le);
        DECREF(le);
        if (t < 0)
            return NULL;
        now = t;
    }
    SleepObj *s = (SleepObj *)spares_take(&spare);
    if (!s)
        s = (SleepObj *)obj_alloc(&SleepClass, sizeof(SleepObj));
    INCREF(result);
    s->result = result;
    if (now)
        return &s->hdr;
    LoopObj *l = sim.running;
    Obj *err = NULL;
    if (!l)
        err = exc_new_msg(&RuntimeErrorClass, "no running event loop");
    else if (!num)
        err = exc_new_msg(&TypeErrorClass, "delay must be a number, not %s", obj_type_name(delay));
    else if (isnan(sim.now + d))
        err = exc_new_msg(&ValueErrorClass, "Invalid delay: NaN (not a number)");
    if (err) {
        DECREF(s);
        err_set(err);
        return NULL;
    }
    s->fut = (FutureObj *)future_new(l);
    Obj *targs = tuple_new(2);
    INCREF(&s->fut->hdr);
    INCREF(result);
    TUP_ITEMS(targs)[0] = &s->fut->hdr;
    TUP_ITEMS(targs)[1] = result;
    s->timer = loop_call_at(l, sim.now + d, wake_cb, targs);
    INCREF(s->timer);
    DECREF(targs);
    if (!label.s)
        buf_init(&label);
    Obj *words = delay_label(delay, d);
    if (IS(delay, IntClass) || IS(delay, FloatClass)) { /* no text made */
        INCREF(words);
        s->fut->label = words;
        s->fut->until = true;
        s->fut->when = s->timer->when;
        return &s->hdr;
    }
    /* a bool or a subclass, whose repr may hold what cuts a label
     * (internals' short words): its words now, whole */
    buf_clear(&label);
    buf_putn(&label, STR_S(words), STR_LEN(words));
    buf_puts(&label, " until ");
    narr_fmt_time(&label, s->timer->when);
    s->fut->label = str_new(label.s, label.len);
    return &s->hdr;
}

/* _sleep_awaitable(delay, result): the prelude's sleep awaits it */
static Obj *sleep_awaitable(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)self;
    if (!vm_check_nargs("_sleep_awaitable", nargs, kw, 2, 2))
        return NULL;
    return sleep_make(args[0], args[1]);
}

/* `await sleep(delay[, result])`: the awaitable, without the coroutine.
 * Other argument counts go to the prelude's function (its TypeError). */
static Obj *sleep_direct(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)kw;
    if (self || nargs < 1 || nargs > 2) /* self: sleep as some class's method */
        return NULL;
    Obj *result = nargs > 1 ? args[1] : None;
    if (zero_sleep && zero_sleep->delay == args[0] && zero_sleep->result == result) {
        zeros_shared++;
        INCREF(zero_sleep);
        return &zero_sleep->hdr;
    }
    Obj *o = sleep_make(args[0], result);
    if (!o) {
        sleep_left(false, args[0], result, NULL);
        return NULL;
    }
    INCREF(args[0]);
    ((SleepObj *)o)->delay = args[0];
    /* kept only with None and a plain number (no __del__ whose moment
     * the keeping could move) */
    if (!((SleepObj *)o)->fut && result == None && (IS(args[0], IntClass) || IS(args[0], FloatClass))) {
        INCREF(o);
        SETREF(zero_sleep, (SleepObj *)o);
    }
    return o;
}

uint64_t sleep_zeros_shared(void)
{
    return zeros_shared;
}

void sleep_bind_prelude(Obj *asyncio_dict)
{
    shortcut_bind(&sleep_sc, dict_get_c(asyncio_dict, "sleep"), sleep_direct);
}

void sleep_add_prims(Obj *module_dict)
{
    class_init(&SleepClass);
    XDECREF(wake_cb);
    wake_cb = builtin_new("_set_result_unless_cancelled", set_result_unless_cancelled, NULL);
    static const LibPrim prims[] = {{"_sleep_awaitable", sleep_awaitable}};
    stdlib_add_prims(module_dict, prims, 1);
    dict_set_c(module_dict, "_set_result_unless_cancelled", wake_cb);
}

void sleep_reset(void)
{
    XDECREF(zero_sleep);
    zero_sleep = NULL;
    spares_drain(&spare);
    for (size_t i = 0; i < LABELS; i++)
        XDECREF(labels[i].label);
    memset(labels, 0, sizeof labels);
    buf_free(&label);
    XDECREF(wake_cb);
    wake_cb = NULL;
    sleep_sc.fn = NULL;
}
