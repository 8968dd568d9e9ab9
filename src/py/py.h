/* py.h: the Python language, seen from outside src/py.
 * Owns the one entry point the command line uses: load (parse, compile), run
 * once on the simulated asyncio loop with a virtual clock, and hand back the
 * language-neutral recording (record/rec.h). Everything else in src/py
 * (front/, objects/, vm/, loop/) is private to the language. */
#ifndef LS_PY_H
#define LS_PY_H

#include "../base/source.h"
#include "../record/rec.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct SimOptions {
    size_t max_steps;   /* recorded steps; 0 = default (1,000,000) */
    uint64_t max_ops;   /* bytecode operations; 0 = default (50,000,000) */
    int max_depth;      /* Python call depth; 0 = default (1000) */
    size_t max_items;   /* largest str/list a scenario may build; 0 = default (10,000,000) */
    size_t max_memory;  /* peak memory in MB while running; 0 = default (SIM_MAX_MEMORY_MB) */
    bool until_set;     /* --until: stop the run when the virtual clock would pass */
    double until;       /* this time (seconds, >= 0), as a limit */
    int python;         /* the CPython minor version to follow: 11, 12 or 13;
                         * 0 = the scenario's `# loopscope: python 3.X`, else 3.12 */
} SimOptions;

/* --python's value: "3.11", "3.12", "3.13" (or with the patch level
 * followed: 3.11.7, 3.12.1, 3.13.0) -> *minor. False for anything else. */
bool sim_python_parse(const char *text, int *minor);

#define SIM_MAX_MEMORY_MB 400
/* The largest max_depth: about what an 8 MB C stack holds for plain Python
 * recursion (measured in docs/limits.md). sim_run clamps to it; deeper C
 * paths (== or repr through __eq__/__repr__) meet the interpreter's C-stack
 * guard first and raise RecursionError too, so no value can crash. */
#define SIM_MAX_DEPTH 16000

typedef enum SimStatus {
    SIM_OK = 0,         /* the scenario ran to its end */
    SIM_FAILED = 1,     /* it ended with an uncaught exception, a deadlock or a limit */
    SIM_LOAD_ERROR = 2  /* it could not be loaded: *err says where and why */
} SimStatus;

/* Load and run src. On SIM_OK and SIM_FAILED *rec_out receives the
 * recording (caller frees with rec_free); its traceback, if any, is in
 * rec_traceback(). On SIM_LOAD_ERROR *rec_out is NULL and err is filled. */
SimStatus sim_run(const Source *src, const SimOptions *opt, Recording **rec_out, LangError *err);

/* sim_run in two halves, for a run recorded on another thread while the
 * viewer shows it (docs/longrun.md). sim_load parses and compiles src and
 * makes the (empty) recording: NULL with err filled on a load error.
 * sim_recording is that recording, the caller's to free once sim_exec has
 * returned. sim_exec runs the scenario to its end, frees run and returns
 * SIM_OK or SIM_FAILED; it may be called on another thread (one run at a
 * time: the language keeps its state in globals), and ends with
 * rec_finish. */
typedef struct SimRun SimRun;
SimRun *sim_load(const Source *src, const SimOptions *opt, LangError *err);
Recording *sim_recording(const SimRun *run);
SimStatus sim_exec(SimRun *run);

#endif
