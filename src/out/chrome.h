/* chrome.h: a recording as Chrome trace event JSON (`loopscope trace
 * --format chrome`), for Perfetto (ui.perfetto.dev) and chrome://tracing:
 * one lane per task with its running, waiting and ready spans, a lane for
 * the event loop itself (time.sleep blocking it, idle jumps of the clock,
 * warnings), instant events for prints. Times are the virtual clock's. */
#ifndef LS_CHROME_H
#define LS_CHROME_H

#include "../record/rec.h"
#include "../record/seek.h"

#include <stdio.h>

/* Write the trace of r (indexed by s) to out as one JSON object. */
void chrome_write(const Recording *r, const Seek *s, FILE *out);

#endif
