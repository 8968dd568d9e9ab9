/* live.h: a recording made on a thread of its own while this thread shows
 * it (docs/longrun.md). Owns that thread: starting it with the stack and
 * signal mask a run needs, and stopping it (asking the writer to stop,
 * waiting a bounded time, joining). The recording's own locking is rec.c's
 * (rec_share, rec_lock); what the run does is the caller's function. */
#ifndef LS_LIVE_H
#define LS_LIVE_H

#include "rec.h"

#include <stdbool.h>

typedef struct Live Live;

/* Share r (rec_share) and call fn(arg) on a new thread; fn writes r and
 * must end with rec_finish. Returns NULL when no thread could be started
 * (r is shared all the same): the caller then calls fn itself. */
Live *live_start(Recording *r, void (*fn)(void *), void *arg);

/* End the thread: when cancel, ask the writer to stop first (rec_cancel).
 * Waits at most max_wait seconds. Returns true when the thread has ended
 * (it is joined and l freed); false when it is still running (a run busy
 * in a loop that records nothing): l and the recording stay in use and
 * must not be freed; the process may exit. NULL l: true. */
bool live_stop(Live *l, bool cancel, double max_wait);

#endif
