/* fuzz_common.h: what both libFuzzer targets share: the fuzz input as a
 * scenario Source, and the tight limits that keep one input to
 * milliseconds. Only the fuzz targets include it (make fuzz). */
#ifndef LS_FUZZ_COMMON_H
#define LS_FUZZ_COMMON_H

#include "../src/base/source.h"
#include "../src/record/rec.h"
#include "../src/py/py.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Small enough that a runaway loop, a deep recursion or a huge list stops
 * at a limit within a few milliseconds; large enough for every shipped
 * scenario to run to its end. */
static const SimOptions fuzz_limits = {
    .max_steps = 400,
    .max_ops = 200000,
    .max_depth = 60,
    .max_items = 20000,
};

/* Where the outputs go: formatted in full, then thrown away. */
static FILE *fuzz_sink(void)
{
    static FILE *null;
    if (!null)
        null = fopen("/dev/null", "w");
    return null;
}

/* Load, compile and run the bytes as a scenario. Returns the recording
 * (NULL on a load error, after formatting the error message as the
 * command line does); *src_out receives the Source (caller frees). */
static Recording *fuzz_run_bytes(const uint8_t *data, size_t size, Source **src_out, SimStatus *st_out)
{
    Source *src = source_from_string("fuzz.py", (const char *)data, size);
    LangError err = {0};
    Recording *rec = NULL;
    SimStatus st = sim_run(src, &fuzz_limits, &rec, &err);
    if (st == SIM_LOAD_ERROR)
        source_print_error(fuzz_sink(), src, &err);
    *src_out = src;
    if (st_out)
        *st_out = st;
    return rec;
}

#endif
