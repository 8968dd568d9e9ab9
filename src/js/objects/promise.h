/* promise.h: Promise as the ECMAScript spec defines it, step by step, so
 * V8's job order comes out by construction: reactions become jobs only
 * when a promise settles, resolving with a thenable queues a
 * PromiseResolveThenableJob (the "extra ticks"), await is PromiseResolve
 * plus PerformPromiseThen with no derived promise.
 * Owns: promise objects, resolving functions, reactions and jobs, the
 * combinators' element functions, and telling the host (loop/) about
 * rejections without handlers. Leaves the job queue to loop/ (through
 * rt->host). */
#ifndef LS_JS_PROMISE_H
#define LS_JS_PROMISE_H

#include "rt.h"

typedef enum JobKind { JOB_REACTION, JOB_THENABLE, JOB_CALLBACK } JobKind;

struct JsReaction {
    JsReaction *next;
    JsValue on_fulfilled, on_rejected;   /* undefined: pass the value through */
    JsObject *derived;                   /* the promise then() returned, or NULL (await) */
    const char *recv;                    /* what then() was called on ("p"), or NULL */
};

typedef struct JsJob {
    JobKind kind;
    bool rejected;          /* JOB_REACTION: which handler */
    JsValue handler;        /* the handler, or the thenable's then, or the callback */
    JsObject *derived;
    JsValue arg;            /* the settled value, or the thenable */
    JsObject *promise;      /* JOB_THENABLE: the promise to resolve; else the settled one */
    const char *recv;       /* JOB_REACTION: the words then() was called on ("p"), or NULL */
} JsJob;

/* What loop/ provides. */
typedef struct JsHost {
    void (*enqueue)(JsRt *rt, const JsJob *job);
    /* a promise was rejected with no handler (handled = false), or got its
     * first handler after being rejected (handled = true) */
    void (*rejection)(JsRt *rt, JsObject *promise, bool handled);
    /* a promise settled: for the viewer's labels */
    void (*settled)(JsRt *rt, JsObject *promise);
    /* a combinator's promise (Promise.all, allSettled, any) has `pending`
     * of `total` elements still to settle: for the WAITING label */
    void (*progress)(JsRt *rt, JsObject *promise, int pending, int total);
    /* the receiver's words of the `.then`/`.catch` call running now ("p"),
     * or NULL: to name the promise on its callback's card */
    const char *(*receiver)(JsRt *rt);
} JsHost;

void js_promise_set_host(const JsHost *host);

JsObject *js_promise_new(JsRt *rt);
bool js_is_promise(JsValue v);
/* The resolve function's steps (thenables adopted through a job). */
void js_promise_resolve(JsRt *rt, JsObject *p, JsValue v);
void js_promise_reject(JsRt *rt, JsObject *p, JsValue reason);
/* PerformPromiseThen; derived may be NULL. */
void js_promise_then(JsRt *rt, JsObject *p, JsValue on_fulfilled, JsValue on_rejected, JsObject *derived);
/* PromiseResolve(%Promise%, v): v itself when it is a native promise. */
JsObject *js_promise_resolve_value(JsRt *rt, JsValue v);
/* Run a job the loop took from the microtask queue. 0, or -1 when a
 * queueMicrotask callback threw (the exception is pending). */
int js_job_run(JsRt *rt, const JsJob *job);
/* A pair of resolving functions for p (native functions sharing a flag). */
void js_promise_functions(JsRt *rt, JsObject *p, JsValue *resolve, JsValue *reject);

/* What a job's handler is, for the internals view: a combinator's element
 * function (*index set, the combinator's name returned: "Promise.all"), a
 * promise's resolve or reject function ("resolve"/"reject"), or NULL. */
const char *js_promise_handler_kind(JsValue handler, int *index);

/* Install Promise and its prototype on the global object. */
void js_promise_install(JsRt *rt);

#endif
