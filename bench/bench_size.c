/* bench_size.c: how many bytes a scenario's recording takes per step, the
 * figure issue 16 sets at 24 bytes or less. Owns: loading and running one
 * scenario as `loopscope trace` does (the same SimOptions: --max-steps N
 * as the only option), then printing "STEPS BYTES BYTES_WITHOUT_INTERNALS
 * BYTES_USED" from rec_nsteps and rec_bytes (bytes allocated; the third
 * leaves out the internals view's snapshot tables; the fourth is the bytes
 * written, internals included: what the recording holds in memory, since
 * allocated blocks are touched only as they fill). bench/bench_targets.sh divides them.
 * With --detail it prints, table by table, the bytes in use and allocated
 * (rec_bytes_detail) and each per step. The time and peak memory are
 * measured on the loopscope binary itself, not here.
 * Usage: bench_size [--detail] SCENARIO.py [MAX_STEPS] */
#include "../src/py/py.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Sum {
    size_t steps;
    bool print;
    size_t used, cap, in_used, in_cap;
} Sum;

static void table(void *ctx, const char *name, size_t used, size_t cap, bool internals)
{
    Sum *s = ctx;
    if (internals) {
        s->in_used += used;
        s->in_cap += cap;
    } else {
        s->used += used;
        s->cap += cap;
    }
    if (s->print)
        printf("  %-18s %12zu %12zu %8.2f %8.2f%s\n", name, used, cap, s->steps ? (double)used / s->steps : 0.0,
               s->steps ? (double)cap / s->steps : 0.0, internals ? "  (internals)" : "");
}

int main(int argc, char **argv)
{
    bool detail = argc > 1 && !strcmp(argv[1], "--detail");
    if (detail) {
        argv++;
        argc--;
    }
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: bench_size [--detail] SCENARIO.py [MAX_STEPS]\n");
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
    Sum s = {.steps = rec_nsteps(rec), .print = detail};
    if (detail)
        printf("%s: %zu steps\n  %-18s %12s %12s %8s %8s\n", argv[1], s.steps, "table", "used", "allocated",
               "used/st", "alloc/st");
    rec_bytes_detail(rec, table, &s);
    if (detail) {
        double n = s.steps ? (double)s.steps : 1;
        printf("  %-18s %12zu %12zu %8.2f %8.2f\n", "all but internals", s.used, s.cap, s.used / n, s.cap / n);
        printf("  %-18s %12zu %12zu %8.2f %8.2f\n", "internals", s.in_used, s.in_cap, s.in_used / n, s.in_cap / n);
        printf("  %-18s %12zu %12zu %8.2f %8.2f\n", "total", s.used + s.in_used, s.cap + s.in_cap,
               (s.used + s.in_used) / n, (s.cap + s.in_cap) / n);
    } else {
        printf("%zu %zu %zu %zu\n", s.steps, rec_bytes(rec), s.cap, s.used + s.in_used);
    }
    rec_free(rec);
    source_free(src);
    return 0;
}
