/* bench_inside.c: the internals view's snapshots of a whole run, read back
 * as the pane reads them. Owns: running one scenario as `loopscope trace`
 * does (--max-steps N as the only option), reading every step's snapshot
 * in order with its words resolved (rec_internals_at, rec_words_s), and
 * printing a digest of each block of 65,536 steps' texts and of the whole
 * run, then the thread CPU time of rec_internals_at: its average and its
 * worst call after the first, and a seek's (steps read out of order).
 * Two builds that print the same digests show the same internals at every
 * step (check_internals holds every case to its digests, but cuts the bench
 * scenarios at 20,000 steps). Not part of make test.
 * Usage: bench_inside SCENARIO.py [MAX_STEPS] */
#include "../src/py/py.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { BLOCK = 65536 };

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static uint64_t fnv(uint64_t h, const char *s)
{
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
    return h ^ 0xff; /* a step's end */
}

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: bench_inside SCENARIO.py [MAX_STEPS]\n");
        return 2;
    }
    LangError err = {0};
    Source *src = source_read(argv[1], &err);
    if (!src) {
        fprintf(stderr, "bench_inside: %s: %s\n", argv[1], err.msg);
        return 2;
    }
    SimOptions opt = {.max_steps = argc == 3 ? strtoul(argv[2], NULL, 10) : 0};
    Recording *rec = NULL;
    if (sim_run(src, &opt, &rec, &err) == SIM_LOAD_ERROR) {
        source_print_error(stderr, src, &err);
        source_free(src);
        return 2;
    }
    size_t n = rec_nsteps(rec);
    Buf w;
    buf_init(&w);
    uint64_t all = 0xcbf29ce484222325ull, block = all;
    double sum = 0, worst = 0;
    printf("%s: %zu steps\n", argv[1], n);
    for (size_t s = 0; s < n; s++) {
        double t = now();
        const char *text = rec_internals_at(rec, s);
        t = now() - t;
        sum += t;
        if (s && t > worst)
            worst = t;
        const char *out = rec_words_s(rec, text, &w);
        all = fnv(all, out);
        block = fnv(block, out);
        if ((s + 1) % BLOCK == 0 || s + 1 == n) {
            printf("  steps to %zu: %016llx\n", s + 1, (unsigned long long)block);
            block = 0xcbf29ce484222325ull;
        }
    }
    printf("  all: %016llx\n", (unsigned long long)all);
    /* a seek: steps read out of order, a fixed walk */
    double sworst = 0, ssum = 0;
    size_t nseek = n < 2000 ? n : 2000;
    for (size_t k = 0; k < nseek; k++) {
        size_t s = (size_t)((k * 2654435761ull) % (n ? n : 1));
        double t = now();
        rec_internals_at(rec, s);
        t = now() - t;
        ssum += t;
        if (t > sworst)
            sworst = t;
    }
    fprintf(stderr, "  rec_internals_at in order: %.2f us average, worst %.3f ms; a seek: %.2f us average, worst %.3f ms\n",
            n ? sum / n * 1e6 : 0.0, worst * 1e3, nseek ? ssum / nseek * 1e6 : 0.0, sworst * 1e3);
    buf_free(&w);
    rec_free(rec);
    source_free(src);
    return 0;
}
