/* bench_frame.c: how long one screen takes to build, the work the viewer
 * does on every key press and every playback tick.
 * Owns: running a generated scenario with many tasks through the simulator
 * (1,000 tasks by default, each sleeping a few times, so every column is
 * full), then timing frame_draw on a 200x60 grid at spread-out steps, and
 * the plain-text writer on top of it. Uses the real panes and recording.
 * Usage: bench_frame [TASKS [FRAMES [WxH]]] */
#include "../src/out/plain.h"
#include "../src/record/seek.h"
#include "../src/py/py.h"
#include "../src/view/frame.h"
#include "../src/view/view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    int tasks = argc > 1 ? atoi(argv[1]) : 1000;
    int frames = argc > 2 ? atoi(argv[2]) : 500;
    int w = 200, h = 60;
    if (argc > 3 && sscanf(argv[3], "%dx%d", &w, &h) != 2) {
        fprintf(stderr, "usage: bench_frame [TASKS [FRAMES [WxH]]]\n");
        return 2;
    }
    if (tasks < 1 || frames < 1 || w < 1 || h < 1)
        return 2;
    char text[1024];
    int n = snprintf(text, sizeof text,
                     "\"\"\"bench: %d tasks\"\"\"\n"
                     "import asyncio\n\n"
                     "async def worker(i):\n"
                     "    for k in range(3):\n"
                     "        await asyncio.sleep((i %% 7 + 1) / 10)\n"
                     "    return i\n\n"
                     "async def main():\n"
                     "    await asyncio.gather(*[worker(i) for i in range(%d)])\n\n"
                     "asyncio.run(main())\n",
                     tasks, tasks);
    Source *src = source_from_string("bench.py", text, (size_t)n);
    Recording *rec = NULL;
    LangError err = {0};
    SimOptions opt = {0};
    double t0 = now_us();
    if (sim_run(src, &opt, &rec, &err) != SIM_OK) {
        fprintf(stderr, "bench_frame: the scenario failed: %s\n", err.msg);
        return 1;
    }
    double t1 = now_us();
    Seek *seek = seek_new(rec);
    double t2 = now_us();
    View v;
    view_init(&v, rec, src, seek);
    Grid *g = grid_new(w, h, false);
    size_t nsteps = view_nsteps(&v);
    double *us = malloc((size_t)frames * sizeof(double));
    FILE *null = fopen("/dev/null", "w");
    double write_us = 0;
    for (int i = 0; i < frames; i++) {
        view_seek(&v, (size_t)((double)i / frames * (double)nsteps));
        double a = now_us();
        frame_draw(&v, g);
        double b = now_us();
        us[i] = b - a;
        plain_write_ansi(g, true, null);
        write_us += now_us() - b;
    }
    qsort(us, (size_t)frames, sizeof(double), cmp_double);
    double sum = 0;
    for (int i = 0; i < frames; i++)
        sum += us[i];
    printf("scenario: %d tasks, %zu steps, simulated in %.0f ms, seek index %.1f ms\n", tasks, nsteps,
           (t1 - t0) / 1e3, (t2 - t1) / 1e3);
    printf("frame %dx%d: %d frames, mean %.0f us, median %.0f us, p99 %.0f us, max %.0f us\n", w, h, frames,
           sum / frames, us[frames / 2], us[frames * 99 / 100], us[frames - 1]);
    printf("ANSI text of a frame: mean %.0f us\n", write_us / frames);
    fclose(null);
    free(us);
    grid_free(g);
    seek_free(seek);
    rec_free(rec);
    source_free(src);
    return 0;
}
