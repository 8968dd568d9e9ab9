/* trace.h: writers that turn a recording into text: the observable trace
 * (../shared/docs/trace-format.md, byte-identical to CPython's) and the
 * step listing (`loopscope steps`, human-readable or JSON). */
#ifndef LS_TRACE_H
#define LS_TRACE_H

#include "rec.h"

#include <stdint.h>
#include <stdio.h>

/* Write the trace lines. Numbers use '.' whatever the locale. */
void trace_write(const Recording *r, FILE *out);
/* Write every step with each visible task's state (text: the tasks a step
 * changed; JSON: every task at every step). A step is written whole or not
 * at all: one that would take the listing past max_bytes (0 = no limit)
 * stops it, and it then says so (text: a last line "... stopped after K of
 * N steps ..."; JSON: "truncated": {steps_written, steps, limit_mb} after
 * "steps", still valid JSON). Returns the steps written. */
size_t steps_write_text(const Recording *r, FILE *out, size_t max_bytes);
size_t steps_write_json(const Recording *r, FILE *out, size_t max_bytes);
/* Format t like Python's f"{t:.3f}" (or .2f with decimals=2) into buf. */
void trace_format_time(double t, int decimals, char *buf, size_t n);
/* Seconds as whole microseconds, the unit of the exports' times (negative
 * and NaN give 0): integers print the same in every locale. */
uint64_t trace_us(double seconds);
const char *task_state_name(TaskState s);
const char *step_kind_name(StepKind k);

#endif
