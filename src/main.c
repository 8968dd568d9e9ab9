/* main.c: the command line. Parses options, runs a scenario once through
 * the simulator and hands the recording to the requested front end: the
 * interactive viewer (the default), one frame as text, the trace or the
 * step listing. Exit status: 0 the scenario ran to its end (or the viewer
 * was quit), 1 it ended with an uncaught exception, a deadlock or a limit,
 * 2 it could not be loaded, bad usage, or no terminal for the viewer. */
#include "lang/source.h"
#include "out/plain.h"
#include "record/rec.h"
#include "record/seek.h"
#include "record/trace.h"
#include "sim/sim.h"
#include "tui/app.h"
#include "view/frame.h"
#include "view/grid.h"
#include "view/view.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef LOOPSCOPE_VERSION
#define LOOPSCOPE_VERSION "dev"
#endif

static void usage(FILE *out)
{
    fputs("usage: loopscope [COMMAND] SCENARIO.py [options]\n"
          "\n"
          "Runs a Python asyncio scenario on a simulated, deterministic event loop\n"
          "(virtual clock: a 2-second sleep takes no real time) and shows what it did.\n"
          "\n"
          "commands:\n"
          "  SCENARIO           open the viewer: step, scrub and play the run (? lists the keys)\n"
          "      --ascii        draw with ASCII only (automatic when the locale is not UTF-8)\n"
          "      --no-color     monochrome (also when NO_COLOR is set)\n"
          "  frame SCENARIO     print one screen of the viewer as text\n"
          "      --step N       at step N (1 = the first; default 1)\n"
          "      --at T         at virtual time T seconds\n"
          "      --size WxH     screen size (default 100x30)\n"
          "      --ansi         with colours (ANSI escape sequences)\n"
          "      --ascii        ASCII only\n"
          "  trace SCENARIO     the observable trace: starts, prints, ends, with times\n"
          "                     (byte-identical to CPython 3.11 under a virtual clock)\n"
          "  steps SCENARIO     every recorded step with the tasks it changed and a caption\n"
          "      --json         the same as JSON, with every task's state at every step\n"
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
          "exit status: 0 ran to the end (or the viewer was quit), 1 uncaught exception /\n"
          "deadlock / limit, 2 the scenario could not be loaded (syntax or unsupported\n"
          "feature), bad usage, or no terminal for the viewer.\n",
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

/* "100x30" -> w, h within 1..1000. */
static bool parse_size(const char *val, int *w, int *h)
{
    char *end;
    if (!val)
        goto bad;
    errno = 0;
    long a = strtol(val, &end, 10);
    if (errno || end == val || (*end != 'x' && *end != 'X'))
        goto bad;
    const char *p = end + 1;
    long b = strtol(p, &end, 10);
    if (errno || end == p || *end || a < 1 || b < 1 || a > 1000 || b > 1000)
        goto bad;
    *w = (int)a;
    *h = (int)b;
    return true;
bad:
    fprintf(stderr, "loopscope: --size: '%s' is not WIDTHxHEIGHT (like 100x30, at most 1000x1000)\n",
            val ? val : "");
    return false;
}

static bool parse_seconds(const char *val, double *out)
{
    if (!val || !view_parse_time(val, out)) {
        fprintf(stderr, "loopscope: --at: '%s' is not a time in seconds (like 1.5)\n", val ? val : "");
        return false;
    }
    return true;
}

typedef struct Options {
    const char *cmd, *path;
    bool json, ansi, ascii, no_color;
    unsigned long long step;   /* frame --step, 1-based; 0 = not given */
    double at;                 /* frame --at; < 0 = not given */
    int w, h;
    SimOptions sim;
} Options;

/* Which options each command takes, for a clear error instead of silence. */
static bool option_fits(const char *cmd, const char *opt)
{
    if (!strcmp(opt, "--json"))
        return !strcmp(cmd, "steps");
    if (!strcmp(opt, "--step") || !strcmp(opt, "--at") || !strcmp(opt, "--size") || !strcmp(opt, "--ansi"))
        return !strcmp(cmd, "frame");
    if (!strcmp(opt, "--ascii") || !strcmp(opt, "--no-color"))
        return !strcmp(cmd, "frame") || !strcmp(cmd, "view");
    return true;
}

/* Returns -1 to go on, or an exit status. */
static int parse_args(int argc, char **argv, Options *o)
{
    const char *given[16];
    int ngiven = 0;
    *o = (Options){.at = -1, .w = 100, .h = 30};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        unsigned long long v;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(a, "--version")) {
            printf("loopscope %s\n", LOOPSCOPE_VERSION);
            return 0;
        } else if (!strcmp(a, "--json") || !strcmp(a, "--ansi") || !strcmp(a, "--ascii") ||
                   !strcmp(a, "--no-color")) {
            o->json |= !strcmp(a, "--json");
            o->ansi |= !strcmp(a, "--ansi");
            o->ascii |= !strcmp(a, "--ascii");
            o->no_color |= !strcmp(a, "--no-color");
        } else if (!strcmp(a, "--step")) {
            if (!parse_count(a, val, &o->step))
                return 2;
            i++;
        } else if (!strcmp(a, "--at")) {
            if (!parse_seconds(val, &o->at))
                return 2;
            i++;
        } else if (!strcmp(a, "--size")) {
            if (!parse_size(val, &o->w, &o->h))
                return 2;
            i++;
        } else if (!strcmp(a, "--max-steps") || !strcmp(a, "--max-ops") || !strcmp(a, "--max-depth") ||
                   !strcmp(a, "--max-items")) {
            if (!parse_count(a, val, &v))
                return 2;
            i++;
            if (!strcmp(a, "--max-steps"))
                o->sim.max_steps = (size_t)v;
            else if (!strcmp(a, "--max-ops"))
                o->sim.max_ops = v;
            else if (!strcmp(a, "--max-depth"))
                o->sim.max_depth = v > 100000 ? 100000 : (int)v;
            else
                o->sim.max_items = (size_t)v;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "loopscope: unknown option '%s' (see loopscope --help)\n", a);
            return 2;
        } else if (!o->cmd && !o->path &&
                   (!strcmp(a, "trace") || !strcmp(a, "steps") || !strcmp(a, "frame") || !strcmp(a, "view"))) {
            o->cmd = a;
            continue;
        } else if (!o->path) {
            o->path = a;
            continue;
        } else {
            fprintf(stderr, "loopscope: unexpected argument '%s' (see loopscope --help)\n", a);
            return 2;
        }
        if (a[0] == '-' && ngiven < 16)
            given[ngiven++] = a;
    }
    if (!o->path) {
        usage(stderr);
        return 2;
    }
    if (!o->cmd)
        o->cmd = "view";
    for (int i = 0; i < ngiven; i++) {
        if (!option_fits(o->cmd, given[i])) {
            fprintf(stderr, "loopscope: %s does not go with the %s command (see loopscope --help)\n", given[i],
                    o->cmd);
            return 2;
        }
    }
    if (o->step && o->at >= 0) {
        fprintf(stderr, "loopscope: give --step or --at, not both\n");
        return 2;
    }
    return -1;
}

static bool utf8_locale(void)
{
    const char *cs = nl_langinfo(CODESET);
    return cs && (!strcmp(cs, "UTF-8") || !strcmp(cs, "utf8"));
}

static bool want_color(const Options *o)
{
    const char *nc = getenv("NO_COLOR");
    return !o->no_color && !(nc && *nc);
}

static int run_frame(const Options *o, const Recording *rec, const Source *src, const Seek *seek)
{
    View v;
    view_init(&v, rec, src, seek);
    if (o->step) {
        if (o->step > view_nsteps(&v)) {
            fprintf(stderr, "loopscope: --step %llu: the run has %zu steps\n", o->step, view_nsteps(&v));
            return 2;
        }
        view_seek(&v, (size_t)o->step - 1);
    } else if (o->at >= 0) {
        view_seek_time(&v, o->at);
    }
    v.status[0] = 0;
    Grid *g = grid_new(o->w, o->h, o->ascii);
    frame_draw(&v, g);
    if (o->ansi)
        plain_write_ansi(g, want_color(o), stdout);
    else
        plain_write(g, stdout);
    grid_free(g);
    return 0;
}

static int run_view(const Options *o, const Recording *rec, const Source *src, const Seek *seek)
{
    if (!isatty(STDOUT_FILENO) || !isatty(STDIN_FILENO)) {
        fprintf(stderr,
                "loopscope: the viewer needs a terminal (standard %s is not one).\n"
                "  loopscope trace %s       prints the trace\n"
                "  loopscope frame %s --step N   prints one screen as text\n",
                isatty(STDIN_FILENO) ? "output" : "input", o->path, o->path);
        return 2;
    }
    View v;
    view_init(&v, rec, src, seek);
    AppOptions ao = {.ascii = o->ascii || !utf8_locale(), .color = want_color(o)};
    return app_run(&v, &ao);
}

int main(int argc, char **argv)
{
    /* The terminal's character set comes from the locale; numbers never do:
     * every time shown or written uses '.' as the decimal point. */
    setlocale(LC_ALL, "");
    setlocale(LC_NUMERIC, "C");
    Options o;
    int rc = parse_args(argc, argv, &o);
    if (rc >= 0)
        return rc;

    LangError err = {0};
    Source *src = source_read(o.path, &err);
    if (!src) {
        fprintf(stderr, "%s: error: %s\n", o.path, err.msg);
        return 2;
    }
    Recording *rec = NULL;
    SimStatus st = sim_run(src, &o.sim, &rec, &err);
    if (st == SIM_LOAD_ERROR) {
        source_print_error(stderr, src, &err);
        source_free(src);
        return 2;
    }
    if (!strcmp(o.cmd, "view") || !strcmp(o.cmd, "frame")) {
        Seek *seek = seek_new(rec);
        rc = !strcmp(o.cmd, "view") ? run_view(&o, rec, src, seek) : run_frame(&o, rec, src, seek);
        seek_free(seek);
    } else {
        if (!strcmp(o.cmd, "steps")) {
            if (o.json)
                steps_write_json(rec, stdout);
            else
                steps_write_text(rec, stdout);
        } else {
            trace_write(rec, stdout);
        }
        fflush(stdout);
        fputs(rec_traceback(rec), stderr);
        rc = st == SIM_OK ? 0 : 1;
    }
    rec_free(rec);
    source_free(src);
    return rc;
}
