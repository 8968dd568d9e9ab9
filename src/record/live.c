/* live.c: the thread that records while the viewer shows. See live.h.
 * The run gets a stack as large as the main thread may grow to (a deep
 * scenario recurses as deep in C), and every asynchronous signal blocked,
 * so that SIGWINCH, SIGINT, SIGTSTP and the rest reach the viewer's loop;
 * the synchronous ones (a crash) stay with the thread that caused them,
 * where the terminal's crash handler restores the screen. */
#include "live.h"

#include "../base/base.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

/* The stack: the main thread's limit, within these bounds. */
#define STACK_MIN ((size_t)8 << 20)
#define STACK_MAX ((size_t)1 << 30)

struct Live {
    pthread_t thread;
    Recording *rec;
    void (*fn)(void *);
    void *arg;
    atomic_bool over;   /* fn has returned */
};

static void *live_main(void *p)
{
    Live *l = p;
    l->fn(l->arg);
    atomic_store(&l->over, true);
    return NULL;
}

static size_t stack_size(void)
{
    struct rlimit rl;
    size_t want = STACK_MAX;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < STACK_MAX)
        want = (size_t)rl.rlim_cur;
    return want < STACK_MIN ? STACK_MIN : want;
}

Live *live_start(Recording *r, void (*fn)(void *), void *arg)
{
    rec_share(r);
    Live *l = xcalloc(1, sizeof *l);
    l->rec = r;
    l->fn = fn;
    l->arg = arg;
    atomic_init(&l->over, false);

    pthread_attr_t attr;
    if (pthread_attr_init(&attr) != 0) {
        xfree(l);
        return NULL;
    }
    pthread_attr_setstacksize(&attr, stack_size());
    sigset_t all, old;
    sigfillset(&all);
    static const int sync_sigs[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP, SIGSYS};
    for (size_t i = 0; i < sizeof sync_sigs / sizeof sync_sigs[0]; i++)
        sigdelset(&all, sync_sigs[i]);
    pthread_sigmask(SIG_SETMASK, &all, &old); /* the new thread inherits it */
    int rc = pthread_create(&l->thread, &attr, live_main, l);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    pthread_attr_destroy(&attr);
    if (rc != 0) {
        xfree(l);
        return NULL;
    }
    return l;
}

bool live_stop(Live *l, bool cancel, double max_wait)
{
    if (!l)
        return true;
    if (cancel)
        rec_cancel(l->rec);
    struct timespec tick = {0, 1000000}; /* 1 ms */
    for (double waited = 0; !atomic_load(&l->over) && waited < max_wait; waited += 0.001)
        nanosleep(&tick, NULL);
    if (!atomic_load(&l->over))
        return false;
    pthread_join(l->thread, NULL);
    xfree(l);
    return true;
}
