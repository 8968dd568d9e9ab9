/* js.h: the JavaScript language, seen from outside src/js.
 * Owns the one entry point the command line uses: load (lex, parse,
 * compile), run once on a simulated Node event loop with a virtual clock,
 * and hand back the language-neutral recording (record/rec.h). Everything
 * else in src/js (front/, objects/, vm/, loop/) is private to the
 * language. The trace contract is trace-format-js.md (shared docs). */
#ifndef LS_JS_H
#define LS_JS_H

#include "../base/source.h"
#include "../record/rec.h"

#include <stdint.h>

typedef struct JsOptions {
    size_t max_steps;   /* recorded steps; 0 = default (1,000,000) */
    uint64_t max_ops;   /* bytecode operations; 0 = default (50,000,000) */
    int max_depth;      /* nested calls; 0 = default (1000) */
    size_t max_items;   /* largest string/array; 0 = default (10,000,000) */
    size_t max_memory;  /* MB allocated while running; 0 = default (400) */
    bool until_set;     /* --until: stop the run when the virtual clock would pass */
    double until;       /* this time (seconds, >= 0), as a limit */
} JsOptions;

/* Load and run src. Returns 0 (ran to its end), 1 (ended with an uncaught
 * exception, an unhandled rejection or a limit: the recording says which)
 * or 2 (could not be loaded: err says where and why, *rec_out is NULL).
 * On 0 and 1 the caller frees *rec_out with rec_free. */
int js_run(const Source *src, const JsOptions *opt, Recording **rec_out, LangError *err);

/* js_run in two halves, for a run recorded on another thread while the
 * viewer shows it (docs/longrun.md), as sim_load/sim_exec on the Python
 * side. js_load parses and compiles src and makes the (empty) recording:
 * NULL with err filled on a load error. js_recording is that recording,
 * the caller's to free once js_exec has returned. js_exec runs the
 * scenario to its end, frees run and returns 0 or 1 as js_run; it may be
 * called on another thread (one run at a time), and ends with rec_finish. */
typedef struct JsRun JsRun;
JsRun *js_load(const Source *src, const JsOptions *opt, LangError *err);
Recording *js_recording(const JsRun *run);
int js_exec(JsRun *run);

#endif
