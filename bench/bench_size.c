/* bench_size.c: how many bytes a scenario's recording takes per step, the
 * figure issue 16 sets at 24 bytes or less. Owns: loading and running one
 * scenario as `loopscope trace` does (the same SimOptions: --max-steps N
 * as the only option), then printing "STEPS BYTES" from rec_nsteps and
 * rec_bytes. bench/bench_targets.sh divides them. The time and peak memory
 * are measured on the loopscope binary itself, not here.
 * Usage: bench_size SCENARIO.py [MAX_STEPS] */
#include "../src/py/py.h"

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: bench_size SCENARIO.py [MAX_STEPS]\n");
        return 2;
    }
    LangError err = {0};
    Source *src = source_read(argv[1], &err);
    if (!src) {
        fprintf(stderr, "bench_size: %s: %s\n", argv[1], err.msg);
        return 2;
    }
    SimOptions opt = {.max_steps = argc == 3 ? strtoul(argv[2], NULL, 10) : 0};
    Recording *rec = NULL;
    SimStatus st = sim_run(src, &opt, &rec, &err);
    if (st == SIM_LOAD_ERROR) {
        source_print_error(stderr, src, &err);
        source_free(src);
        return 2;
    }
    printf("%zu %zu\n", rec_nsteps(rec), rec_bytes(rec));
    rec_free(rec);
    source_free(src);
    return 0;
}
