/* fuzz_run.c: libFuzzer target for the language and the simulator. The
 * input is a scenario: it is loaded (lexed, parsed, compiled), run on the
 * simulated loop under tight limits, and its trace and traceback are
 * written out, then everything is freed (a leak is a finding). */
#include "fuzz_common.h"

#include "../src/record/trace.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Source *src;
    SimStatus st;
    Recording *rec = fuzz_run_bytes(data, size, &src, &st);
    if (rec) {
        FILE *out = fuzz_sink();
        trace_write(rec, out);
        fputs(rec_traceback(rec), out);
        (void)rec_status(rec);
        rec_free(rec);
    }
    source_free(src);
    return 0;
}
