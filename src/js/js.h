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
} JsOptions;

/* Load and run src. Returns 0 (ran to its end), 1 (ended with an uncaught
 * exception, an unhandled rejection or a limit: the recording says which)
 * or 2 (could not be loaded: err says where and why, *rec_out is NULL).
 * On 0 and 1 the caller frees *rec_out with rec_free. */
int js_run(const Source *src, const JsOptions *opt, Recording **rec_out, LangError *err);

#endif
