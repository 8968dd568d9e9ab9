/* main.c: the command line. Parses options, runs a scenario once through
 * the simulator and hands the recording to the requested writer. Exit
 * status: 0 the scenario ran to its end, 1 it ended with an uncaught
 * exception, a deadlock or a limit, 2 it could not be loaded (or bad usage). */
#include "lang/source.h"
#include "record/rec.h"
#include "record/trace.h"
#include "sim/sim.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef LOOPSCOPE_VERSION
#define LOOPSCOPE_VERSION "dev"
#endif

static void usage(FILE *out)
{
    fputs("usage: loopscope COMMAND SCENARIO.py [options]\n"
          "\n"
          "Runs a Python asyncio scenario on a simulated, deterministic event loop\n"
          "(virtual clock: a 2-second sleep takes no real time) and shows what it did.\n"
          "\n"
          "commands:\n"
          "  trace SCENARIO     the observable trace: starts, prints, ends, with times\n"
          "                     (byte-identical to CPython 3.11 under a virtual clock)\n"
          "  steps SCENARIO     every recorded step with each task's state and a caption\n"
          "      --json         the same as JSON\n"
          "  SCENARIO           same as trace (the terminal UI is not built yet)\n"
          "\n"
          "limits (a scenario that passes one is stopped with a message, exit 1):\n"
          "  --max-steps N      recorded steps (default 1000000)\n"
          "  --max-ops N        bytecode operations (default 50000000)\n"
          "  --max-depth N      nested calls (default 1000)\n"
          "  --max-items N      length of the largest str/list (default 10000000)\n"
          "\n"
          "  -h, --help         this help\n"
          "  --version          the version\n"
          "\n"
          "exit status: 0 ran to the end, 1 uncaught exception / deadlock / limit,\n"
          "2 the scenario could not be loaded (syntax or unsupported feature) or bad usage.\n",
          out);
}

static bool parse_count(const char *opt, const char *val, unsigned long long *out)
{
    if (!val) {
        fprintf(stderr, "loopscope: %s needs a number\n", opt);
        return false;
    }
    char *end;
    errno = 0;
    unsigned long long v = strtoull(val, &end, 10);
    if (errno || *end || !*val || val[0] == '-' || v == 0) {
        fprintf(stderr, "loopscope: %s: '%s' is not a positive whole number\n", opt, val);
        return false;
    }
    *out = v;
    return true;
}

int main(int argc, char **argv)
{
    const char *cmd = NULL, *path = NULL;
    bool json = false;
    SimOptions opt = {0};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        unsigned long long v;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(a, "--version")) {
            printf("loopscope %s\n", LOOPSCOPE_VERSION);
            return 0;
        } else if (!strcmp(a, "--json")) {
            json = true;
        } else if (!strcmp(a, "--max-steps") || !strcmp(a, "--max-ops") || !strcmp(a, "--max-depth") ||
                   !strcmp(a, "--max-items")) {
            if (!parse_count(a, i + 1 < argc ? argv[i + 1] : NULL, &v))
                return 2;
            i++;
            if (!strcmp(a, "--max-steps"))
                opt.max_steps = (size_t)v;
            else if (!strcmp(a, "--max-ops"))
                opt.max_ops = v;
            else if (!strcmp(a, "--max-depth"))
                opt.max_depth = v > 100000 ? 100000 : (int)v;
            else
                opt.max_items = (size_t)v;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "loopscope: unknown option '%s' (see loopscope --help)\n", a);
            return 2;
        } else if (!cmd && (!strcmp(a, "trace") || !strcmp(a, "steps"))) {
            cmd = a;
        } else if (!path) {
            path = a;
        } else {
            fprintf(stderr, "loopscope: unexpected argument '%s' (see loopscope --help)\n", a);
            return 2;
        }
    }
    if (!path) {
        usage(stderr);
        return 2;
    }
    if (!cmd)
        cmd = "trace";
    if (json && strcmp(cmd, "steps") != 0) {
        fprintf(stderr, "loopscope: --json goes with the steps command\n");
        return 2;
    }

    LangError err = {0};
    Source *src = source_read(path, &err);
    if (!src) {
        fprintf(stderr, "%s: error: %s\n", path, err.msg);
        return 2;
    }
    Recording *rec = NULL;
    SimStatus st = sim_run(src, &opt, &rec, &err);
    if (st == SIM_LOAD_ERROR) {
        source_print_error(stderr, src, &err);
        source_free(src);
        return 2;
    }
    if (!strcmp(cmd, "steps")) {
        if (json)
            steps_write_json(rec, stdout);
        else
            steps_write_text(rec, stdout);
    } else {
        trace_write(rec, stdout);
    }
    fflush(stdout);
    fputs(rec_traceback(rec), stderr);
    rec_free(rec);
    source_free(src);
    return st == SIM_OK ? 0 : 1;
}
