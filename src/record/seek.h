/* seek.h: ways into a recording by time, moment and log line.
 * Owns the indexes a viewer needs to move around a recording quickly: the
 * distinct moments (times at which something happens), the steps that
 * carry a log line or print an output line, the stretches where time.sleep froze the loop, the
 * visible tasks in creation order, the task running at each step and the
 * job each worker lane runs.
 * Built from a recording, finished or still growing (rec_share): each
 * step is indexed once (O(steps) in all); every query is O(1) or a binary
 * search, and answers only about the steps indexed so far. Reads the
 * recording, never changes it. */
#ifndef LS_SEEK_H
#define LS_SEEK_H

#include "rec.h"

#include <stddef.h>

typedef struct Seek Seek;

/* Index r's published steps. r must outlive the index. Free with seek_free.
 * On a shared recording, call it with the lock held (rec_lock). */
Seek *seek_new(const Recording *r);
void seek_free(Seek *s);
/* Index the steps published since (rec_published), the tasks that came
 * to exist and the jobs that started by then. Returns how many steps were
 * added. On a shared recording, call it with the lock held. */
size_t seek_update(Seek *s);
/* Steps indexed: the only steps a reader of a growing recording may show. */
size_t seek_nsteps(const Seek *s);

/* Time of the last step (0 for an empty recording). */
double seek_end_time(const Seek *s);

/* Moments: the distinct step times, ascending. moment_step is the first
 * step at that time. */
size_t seek_moments(const Seek *s);
double seek_moment_time(const Seek *s, size_t i);
size_t seek_moment_step(const Seek *s, size_t i);
/* The moment step belongs to. */
size_t seek_moment_of(const Seek *s, size_t step);

/* The step to show for time t: the first step at t if one happens then,
 * otherwise the last step before t (0 if none). */
size_t seek_step_at_time(const Seek *s, double t);

/* Log lines: the steps that have one, in order. */
size_t seek_logs(const Seek *s);
size_t seek_log_step(const Seek *s, size_t i);
/* The index of the last log line at or before step, or -1 if none. */
long seek_log_of(const Seek *s, size_t step);

/* Output lines: the steps that print one (SK_PRINT), in order, and the
 * index of the last one at or before step (-1 if none). */
size_t seek_prints(const Seek *s);
size_t seek_print_step(const Seek *s, size_t i);
long seek_print_of(const Seek *s, size_t step);

/* Stretches where time.sleep blocked the loop: [t0, t1], and the step
 * that records it. */
size_t seek_blocks(const Seek *s);
void seek_block(const Seek *s, size_t i, double *t0, double *t1, size_t *step);

/* The tasks a viewer shows (not hidden), in creation order. */
size_t seek_tasks(const Seek *s);
int seek_task(const Seek *s, size_t i);

/* The task running after step (its id), or -1 if the loop is between tasks. */
int seek_running(const Seek *s, size_t step);

/* Worker lanes (docs/threads.md). The job lane runs at a step (started at
 * or before it and not yet ended: step0 <= step < step1), or at a time
 * (t0 <= t < t1); -1 when the lane is idle then. Binary searches. */
int seek_lane_job(const Seek *s, int lane, size_t step);
int seek_lane_job_at_time(const Seek *s, int lane, double t);
/* How many lanes are busy at a step. */
int seek_busy_lanes(const Seek *s, size_t step);

#endif
