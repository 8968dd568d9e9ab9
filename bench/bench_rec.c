/* bench_rec.c: how fast the recording answers "every task's state at step
 * s", the question the viewer asks on every frame while scrubbing.
 * Owns: building a synthetic recording (1,000,000 steps, 1,000 tasks,
 * seeded random state changes, so every run measures the same thing), then
 * timing full snapshots (rec_task_at for all tasks) at 10,000 random steps,
 * and the memory the recording took (growth of the resident set).
 * Uses only rec.h; the simulator is measured by bench.sh through the CLI.
 * Usage: bench_rec [STEPS [TASKS [SAMPLES]]] */
#include "../src/record/rec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static uint64_t rng_state = 0x5eed5eed12345678ULL;

static uint32_t rng(uint32_t n)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 0x2545f4914f6cdd1dULL) >> 32) % n;
}

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

/* Resident set size in bytes (Linux /proc), or 0 when unknown. */
static size_t rss_bytes(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    if (!f)
        return 0;
    unsigned long size = 0, resident = 0;
    int n = fscanf(f, "%lu %lu", &size, &resident);
    fclose(f);
    return n == 2 ? (size_t)resident * 4096 : 0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static unsigned long arg(int argc, char **argv, int i, unsigned long dflt)
{
    return argc > i ? strtoul(argv[i], NULL, 10) : dflt;
}

int main(int argc, char **argv)
{
    size_t nsteps = arg(argc, argv, 1, 1000000);
    int ntasks = (int)arg(argc, argv, 2, 1000);
    int samples = (int)arg(argc, argv, 3, 10000);
    if (nsteps < (size_t)ntasks || ntasks < 1 || samples < 1) {
        fprintf(stderr, "usage: bench_rec [STEPS [TASKS [SAMPLES]]] (STEPS >= TASKS >= 1)\n");
        return 2;
    }
    static const char *const labels[] = {
        "scheduled", "sleep(1) until 1.00", "sleep(0.5) until 2.50", "gather: 1 of 2 pending",
        "gather: 2 of 2 pending", "task worker", "a future", "yielded: back of the queue",
    };
    static const StepKind kinds[] = {SK_RESUME, SK_SUSPEND, SK_WAKE, SK_CLOCK, SK_PRINT, SK_LABEL};
    const size_t nlabels = sizeof labels / sizeof labels[0];

    size_t rss0 = rss_bytes();
    double t0 = now_us();
    Recording *r = rec_new(0);
    char name[32], text[64];
    size_t changes = 0;
    for (size_t s = 0; s < nsteps; s++) {
        if (s < (size_t)ntasks) {
            /* the first steps create the tasks, one a step, READY */
            snprintf(name, sizeof name, "Task-%zu", s + 1);
            int id = rec_task_new(r, name, "worker", false);
            rec_step(r, SK_CREATE, 0.0, id, 3, "", "", "");
            rec_task_set(r, id, TS_READY, OUT_NONE, "scheduled", "worker", 3, (uint32_t)s);
            changes++;
            continue;
        }
        int task = (int)rng((uint32_t)ntasks);
        StepKind k = kinds[rng(sizeof kinds / sizeof kinds[0])];
        if (k == SK_PRINT) {
            snprintf(text, sizeof text, "line %u", rng(1000));
            rec_step(r, k, (double)s / 1000.0, task, 5, text, "a task prints a line", text);
        } else {
            rec_step(r, k, (double)s / 1000.0, task, 4, "", "", "");
        }
        /* one task changes on most steps, two on some, none on clock jumps */
        int nch = k == SK_CLOCK ? 0 : 1 + (rng(4) == 0);
        for (int c = 0; c < nch; c++) {
            int t = c == 0 ? task : (int)rng((uint32_t)ntasks);
            TaskState st = (TaskState)rng(3);
            rec_task_set(r, t, st, OUT_NONE, st == TS_WAITING ? labels[rng((uint32_t)nlabels)] : "",
                         "main \xe2\x86\x92 worker", 2 + (int)rng(20), rng(100000));
            changes++;
        }
    }
    double build_us = now_us() - t0;
    size_t rss1 = rss_bytes();

    /* full snapshots at random steps */
    double total = 0, worst = 0;
    double *times = malloc((size_t)samples * sizeof *times);
    unsigned long seen = 0;
    TaskView v;
    for (int i = 0; i < samples; i++) {
        size_t s = rng((uint32_t)nsteps);
        double a = now_us();
        for (int id = 0; id < ntasks; id++)
            seen += rec_task_at(r, id, s, &v) && v.state != TS_DONE;
        double d = now_us() - a;
        total += d;
        times[i] = d;
        if (d > worst)
            worst = d;
    }
    /* the same over the last step, where every task exists */
    double a = now_us();
    for (int id = 0; id < ntasks; id++)
        seen += rec_task_at(r, id, nsteps - 1, &v);
    double last = now_us() - a;

    printf("recording: %zu steps, %d tasks, %zu state changes, built in %.0f ms\n", rec_nsteps(r), ntasks,
           changes, build_us / 1000.0);
    /* the max is one unlucky sample (a preemption, a page fault); the
     * median and 99th percentile say how it usually goes */
    qsort(times, (size_t)samples, sizeof *times, cmp_double);
    printf("full snapshot of %d tasks at a random step: %.1f us avg, %.1f us max\n", ntasks, total / samples,
           worst);
    printf("  (%d samples: median %.1f us, 99th percentile %.1f us; at the last step %.1f us)\n", samples,
           times[samples / 2], times[(size_t)samples * 99 / 100], last);
    free(times);
    if (rss0 && rss1)
        printf("recording memory: %.1f MB resident (%.0f bytes per step, sizeof(Step) = %zu)\n",
               (double)(rss1 - rss0) / 1e6, (double)(rss1 - rss0) / (double)nsteps, sizeof(Step));
    else
        printf("recording memory: unknown (no /proc/self/statm)\n");
    rec_free(r);
    /* keep the lookups from being optimised away */
    return seen == 0 ? 1 : 0;
}
