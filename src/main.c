/* main.c: the command line. Parses options, runs a scenario once through
 * the simulator and hands the recording to the requested front end: the
 * interactive viewer (the default), one frame as text or SVG, the trace
 * (text or Chrome trace JSON), the step listing, or an asciicast
 * recording. The viewer does not wait for the run: it loads the scenario,
 * then records it on a thread (record/live.c) while the viewer shows the
 * steps as they come (docs/longrun.md); the other commands run to the end
 * first. Files are written through out/file.c (atomic, no overwrite
 * without --force). Exit status: 0 the scenario ran to its end (or the
 * viewer was quit, or the file was written), 1 it ended with an uncaught
 * exception, a deadlock or a limit (trace, steps), or a file could not be
 * written, 2 it could not be loaded, bad usage, or no terminal for the
 * viewer. */
#include "base/catalog.h"
#include "base/directive.h"
#include "base/esc.h"
#include "base/source.h"
#include "out/cast.h"
#include "view/compare.h"
#include "view/picker.h"
#include "out/chrome.h"
#include "out/file.h"
#include "out/share.h"
#include "out/plain.h"
#include "out/svg.h"
#include "record/live.h"
#include "record/rec.h"
#include "record/seek.h"
#include "record/quiz.h"
#include "record/stops.h"
#include "record/trace.h"
#include "py/py.h"
#include "js/js.h"
#include "tui/app.h"
#include "view/frame.h"
#include "view/grid.h"
#include "view/view.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* record's default --max-steps. */
#define RECORD_MAX_STEPS 2000
/* steps' default --max-output, in MB: 3,000 tasks in 13 lines once made a
 * 21 GB listing (every task at every step) */
#define STEPS_MAX_OUTPUT_MB 100

#ifndef LOOPSCOPE_VERSION
#define LOOPSCOPE_VERSION "dev"
#endif

static void usage(FILE *out)
{
    fputs("usage: loopscope [COMMAND] SCENARIO.py|SCENARIO.js [options]\n"
          "\n"
          "Runs a Python asyncio scenario, or a JavaScript one on Node's event loop\n"
          "(a .js file), on a simulated, deterministic event loop (virtual clock: a\n"
          "2-second sleep takes no real time) and shows what it did.\n"
          "\n"
          "commands:\n"
          "  SCENARIO           open the viewer: step, scrub and play the run (? lists the keys;\n"
          "                     R records what you see into ./loopscope-NAME-N.cast)\n"
          "      --ascii        draw with ASCII only (automatic when the locale is not UTF-8)\n"
          "      --no-color     monochrome (also when NO_COLOR is set)\n"
          "      --panes LIST   the panes to show, e.g. code,tasks,caption,output (of code,\n"
          "                     tasks, log, output, notes, caption, timeline; keys 1-5 toggle)\n"
          "      --theme projector  high contrast for a projector: nothing dim, bold text\n"
          "      --predict      predict mode (key P): before each stop, or each print when\n"
          "                     there are none, ask what comes next (answer 1-4); a score\n"
          "                     in the header\n"
          "      --pause-on LIST  stop playback at these events too: print, start, done,\n"
          "                     cancel, block (besides '# loopscope: pause: NOTE' comments;\n"
          "                     . and , go to the next and previous stop)\n"
          "  frame SCENARIO     print one screen of the viewer as text\n"
          "      --step N       at step N (1 = the first; default 1)\n"
          "      --at T         at virtual time T seconds\n"
          "      --size WxH     screen size (default 100x30)\n"
          "      --ansi         with colours (ANSI escape sequences)\n"
          "      --internals    the loop internals (ready queue, timers, locks and\n"
          "                     queues) in place of the task columns (key i)\n"
          "      --ascii        ASCII only\n"
          "      --svg FILE     write the screen as an SVG picture instead\n"
          "      --theme T      the SVG's colours: dark (default), light or projector\n"
          "      --title TEXT   the SVG's title (default: the scenario's)\n"
          "      --no-color     monochrome SVG (NO_COLOR does not change files)\n"
          "      --panes LIST   the panes to show (as for the viewer)\n"
          "      --hints        keep the viewer's key hints (? help, paused, r restarts)\n"
          "  record SCENARIO -o FILE.cast\n"
          "                     play the run into an asciicast v2 recording, timed in\n"
          "                     virtual time as the viewer plays it, with a marker per step;\n"
          "                     play it with `asciinema play FILE.cast`\n"
          "      --format F     cast (default), svg (one animated SVG that loops, for a\n"
          "                     README) or gif (for slides); FILE.svg and FILE.gif choose it\n"
          "      --size WxH     screen size (default 100x30)\n"
          "      --speed X      playback speed: 0.25, 0.5, 1 (default), 2, 4, 8 or 16\n"
          "      --title TEXT   the recording's title (default: the scenario's)\n"
          "      --theme T      the player's colours: dark (default), light or projector\n"
          "      --ascii        ASCII only\n"
          "      --no-color     monochrome (NO_COLOR does not change files)\n"
          "      --internals    show the loop internals instead of the task columns\n"
          "      --markers M    stops (default when the scenario has stops: a marker at\n"
          "                     each, labelled with its note) or steps (one per step)\n"
          "  html SCENARIO -o FILE.html\n"
          "                     one web page that works offline: the recording in\n"
          "                     asciinema-player, a marker per step ([ and ] jump), the\n"
          "                     scenario's docstring and the .cast to download; takes\n"
          "                     record's --size, --speed, --title, --theme, --ascii, --no-color\n"
          "      --panes LIST   the panes to show (as for the viewer)\n"
          "      --hints        keep the viewer's key hints\n"
          "  compare A B        two runs side by side over one clock (A.py, B.py or B.js):\n"
          "                     the keys move both through the moments of either run\n"
          "      --frame        print one screen of the pair instead (--at T, --size,\n"
          "                     --ansi, --ascii, --svg FILE as for frame); -o FILE records\n"
          "                     it instead (as record: --format, --speed, --size)\n"
          "  quiz SCENARIO      the predict-mode questions as a handout: numbered, with the\n"
          "                     choices and an answer key at the end (at the stops, or at\n"
          "                     each print when there are none); --json as JSON;\n"
          "                     --pause-on adds event stops; -o FILE writes to FILE\n"
          "  trace SCENARIO     the observable trace: starts, prints, ends, with times\n"
          "                     (byte-identical to CPython --python V, or Node 20 for .js,\n"
          "                     under a virtual clock)\n"
          "      --format F     text (default) or chrome: Chrome trace event JSON with a\n"
          "                     lane per task, for ui.perfetto.dev or chrome://tracing\n"
          "      -o FILE        write to FILE instead of standard output\n"
          "  steps SCENARIO     every recorded step with the tasks it changed and a caption\n"
          "      --json         the same as JSON, with every task's state at every step\n"
          "      --max-output MB\n"
          "                     stop the listing before it passes MB megabytes and say\n"
          "                     so, exit 1 (default 100)\n"
          "\n"
          "files (-o, --svg) are written whole or not at all; an existing file is kept\n"
          "unless --force is given, and only a regular file is ever replaced (not a\n"
          "device, pipe or link). -o - writes to standard output.\n"
          "\n"
          "limits (a scenario that passes one is stopped with a message, exit 1):\n"
          "  --max-steps N      recorded steps (default 1000000; 2000 for record)\n"
          "  --max-ops N        bytecode operations (default 50000000)\n"
          "  --max-depth N      nested calls (default 1000, at most 16000)\n"
          "  --max-items N      length of the largest str/list (default 10000000)\n"
          "  --max-memory MB    memory the scenario may allocate (default 400; counted\n"
          "                     exactly, checked before each allocation)\n"
          "  --max-source BYTES size of the scenario file (default 1048576)\n"
          "  --until T          stop the run when its virtual clock would pass T seconds\n"
          "\n"
          "  --python V         follow CPython V's asyncio and language: 3.11, 3.12 (the\n"
          "                     default) or 3.13; beats a '# loopscope: python 3.13' line;\n"
          "                     compare takes two: --python 3.11 --python 3.12 X.py\n"
          "\n"
          "  -h, --help         this help\n"
          "  --version          the version\n"
          "\n"
          "exit status: 0 ran to the end (or the viewer was quit, or the file of frame\n"
          "or record was written), 1 uncaught exception / deadlock / limit (trace,\n"
          "steps) or a file could not be written, 2 the scenario could not be loaded\n"
          "(syntax or unsupported feature), bad usage, or no terminal for the viewer.\n",
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
    const char *path2;         /* compare's second scenario */
    bool frame;                /* compare --frame */
    bool json, ansi, ascii, no_color, force;
    bool internals;            /* frame/record --internals */
    unsigned long long step;   /* frame --step, 1-based; 0 = not given */
    double at;                 /* frame --at; < 0 = not given */
    int w, h;
    const char *out;           /* -o FILE, or NULL */
    const char *svg;           /* frame --svg FILE, or NULL */
    const char *title;         /* --title, or NULL for the scenario's */
    const char *format;        /* trace --format: "text" or "chrome" */
    const char *panes;         /* --panes LIST, or NULL for the usual panes */
    bool hints;                /* --hints: frames and casts keep the key hints */
    bool light;                /* --theme light */
    const char *theme;         /* --theme as given, or NULL */
    double speed;              /* record --speed */
    SimOptions sim;
    size_t max_source;         /* --max-source bytes; 0 = SOURCE_MAX_BYTES */
    size_t max_output;         /* steps --max-output MB */
    unsigned pause_on;         /* --pause-on events (STOP_ON_*) */
    const char *markers;       /* --markers: "stops", "steps" or NULL */
    const Stops *stops;        /* the scenario's stops, once it has run */
    bool predict;              /* --predict */
    const Quiz *quiz;          /* predict mode's questions, once it has run */
    int python[2];             /* --python 3.X (minor versions); compare takes two */
    int npython;
} Options;

/* Which commands take each option, for a clear error instead of silence.
 * Options not listed (limits, help) go with every command. */
static bool option_fits(const char *cmd, const char *opt)
{
    static const struct {
        const char *opt, *cmds;
    } fits[] = {
        {"--json", " steps quiz "},
        {"--max-output", " steps "},
        {"--step", " frame "},
        {"--at", " frame compare "},
        {"--ansi", " frame compare "},
        {"--svg", " frame compare "},
        {"--frame", " compare "},
        {"--size", " frame record html compare "},
        {"--ascii", " frame view record html compare "},
        {"--no-color", " frame view record html compare "},
        {"--theme", " frame view record html compare "},
        {"--title", " frame record html compare "},
        {"--speed", " record html compare "},
        {"--format", " trace record compare "},
        {"-o", " trace record html compare quiz "},
        {"--force", " frame trace record html compare quiz "},
        {"--internals", " frame record html compare "},
        {"--panes", " frame view record html "},
        {"--hints", " frame record html compare "},
        {"--pause-on", " frame view record html quiz "},
        {"--markers", " record html "},
        {"--predict", " view frame "},
    };
    for (size_t i = 0; i < sizeof fits / sizeof fits[0]; i++) {
        if (!strcmp(opt, fits[i].opt)) {
            const char *p = strstr(fits[i].cmds, cmd);
            return p && p[-1] == ' ' && p[strlen(cmd)] == ' ';
        }
    }
    return true;
}

static bool needs_value(const char *opt, const char *val)
{
    if (!val) {
        fprintf(stderr, "loopscope: %s needs a value (see loopscope --help)\n", opt);
        return false;
    }
    return true;
}

/* --speed: one of the viewer's speeds, "2", "0.5", "2x", in any locale. */
static bool parse_speed(const char *val, double *out)
{
    char num[32];
    size_t n = val ? strlen(val) : 0;
    if (n && (val[n - 1] == 'x' || val[n - 1] == 'X'))
        n--;
    if (val && n < sizeof num) {
        memcpy(num, val, n);
        num[n] = 0;
        if (n && num[n - 1] != 's' && view_parse_time(num, out) && *out > 0)
            return true;
    }
    fprintf(stderr, "loopscope: --speed: '%s' is not a speed (0.25, 0.5, 1, 2, 4, 8 or 16)\n", val ? val : "");
    return false;
}

/* --panes: a comma-separated list of the parts view.c knows. */
static bool check_panes(const char *val)
{
    View probe;
    memset(&probe, 0, sizeof probe);
    char bad[64];
    if (view_set_panes(&probe, val, bad, sizeof bad))
        return true;
    fprintf(stderr,
            "loopscope: --panes: '%s' is not a pane (give a comma-separated list of code, tasks, log, output, "
            "notes, caption, timeline)\n",
            bad);
    return false;
}

/* The colours of an export: --theme dark (the default), light or projector. */
static const Palette *options_palette(const Options *o)
{
    return theme_is_projector() ? theme_palette_projector() : theme_palette(!o->light);
}

/* The view as the options ask: the panes shown, key hints only in the
 * viewer (or with --hints), the loop internals in the columns' place. */
static void view_options(const Options *o, View *v)
{
    char bad[64];
    if (o->panes)
        view_set_panes(v, o->panes, bad, sizeof bad);
    v->hints = !strcmp(o->cmd, "view") || o->hints;
    v->internals = o->internals;
    v->stops = o->stops;
    v->quiz = o->quiz;
    v->predict = o->predict && o->quiz && o->quiz->n;
    v->step_markers = o->markers && !strcmp(o->markers, "steps");
}

static bool path_is_js(const char *path)
{
    size_t n = strlen(path);
    return n > 3 && !strcmp(path + n - 3, ".js");
}

/* --python given for a JavaScript scenario: refused with a message (it
 * runs on Node 20's loop, which has no versions to choose). */
static bool js_refuses_python(const char *path)
{
    if (!path_is_js(path))
        return true;
    fprintf(stderr, "loopscope: --python chooses the Python version; %s is JavaScript (it runs on Node 20's event "
            "loop)\n", path);
    return false;
}

/* --python 3.11|3.12|3.13: once, or twice for compare (one run each). */
static bool parse_python(Options *o, const char *val)
{
    int minor;
    if (!needs_value("--python", val))
        return false;
    if (!sim_python_parse(val, &minor)) {
        fprintf(stderr, "loopscope: --python: '%s' is not a version loopscope follows (3.11, 3.12 or 3.13)\n", val);
        return false;
    }
    if (o->npython == 2) {
        fprintf(stderr, "loopscope: --python: at most two versions (compare runs one on each side)\n");
        return false;
    }
    o->python[o->npython++] = minor;
    o->sim.python = o->python[0];
    return true;
}

/* Returns -1 to go on, or an exit status. */
static int parse_args(int argc, char **argv, Options *o)
{
    const char *given[32];
    int ngiven = 0;
    *o = (Options){.at = -1, .w = 100, .h = 30, .speed = 1, .max_output = STEPS_MAX_OUTPUT_MB};
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
                   !strcmp(a, "--no-color") || !strcmp(a, "--force") || !strcmp(a, "--hints")) {
            o->hints |= !strcmp(a, "--hints");
            o->json |= !strcmp(a, "--json");
            o->ansi |= !strcmp(a, "--ansi");
            o->ascii |= !strcmp(a, "--ascii");
            o->no_color |= !strcmp(a, "--no-color");
            o->force |= !strcmp(a, "--force");
        } else if (!strcmp(a, "--internals")) {
            o->internals = true;
        } else if (!strcmp(a, "--frame")) {
            o->frame = true;
        } else if (!strcmp(a, "--predict")) {
            o->predict = true;
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
        } else if (!strcmp(a, "--speed")) {
            if (!parse_speed(val, &o->speed))
                return 2;
            i++;
        } else if (!strcmp(a, "-o") || !strcmp(a, "--svg") || !strcmp(a, "--title")) {
            if (!needs_value(a, val))
                return 2;
            if (!*val) {
                fprintf(stderr, "loopscope: %s: an empty %s\n", a, strcmp(a, "--title") ? "file name" : "title");
                return 2;
            }
            *(!strcmp(a, "-o") ? &o->out : !strcmp(a, "--svg") ? &o->svg : &o->title) = val;
            i++;
        } else if (!strcmp(a, "--panes")) {
            if (!needs_value(a, val) || !check_panes(val))
                return 2;
            o->panes = val;
            i++;
        } else if (!strcmp(a, "--pause-on")) {
            char bad[64];
            if (!needs_value(a, val))
                return 2;
            if (!stops_parse_events(val, &o->pause_on, bad, sizeof bad)) {
                fprintf(stderr, "loopscope: --pause-on: '%s' is not an event (give a comma-separated list of "
                        "print, start, done, cancel, block)\n", bad);
                return 2;
            }
            i++;
        } else if (!strcmp(a, "--markers")) {
            if (!needs_value(a, val))
                return 2;
            if (strcmp(val, "stops") != 0 && strcmp(val, "steps") != 0) {
                fprintf(stderr, "loopscope: --markers: '%s' is not stops or steps\n", val);
                return 2;
            }
            o->markers = val;
            i++;
        } else if (!strcmp(a, "--theme")) {
            if (!needs_value(a, val))
                return 2;
            if (strcmp(val, "dark") != 0 && strcmp(val, "light") != 0 && strcmp(val, "projector") != 0) {
                fprintf(stderr, "loopscope: --theme: '%s' is not dark, light or projector\n", val);
                return 2;
            }
            o->light = !strcmp(val, "light");
            o->theme = val;
            theme_set_projector(!strcmp(val, "projector"));
            i++;
        } else if (!strcmp(a, "--format")) {
            if (!needs_value(a, val))
                return 2;
            o->format = val; /* checked once the command is known */
            i++;
        } else if (!strcmp(a, "--python")) {
            if (!parse_python(o, val))
                return 2;
            i++;
        } else if (!strcmp(a, "--max-output")) {
            if (!parse_count(a, val, &v))
                return 2;
            o->max_output = (size_t)v;
            i++;
        } else if (!strcmp(a, "--until")) {
            if (!val || !view_parse_time(val, &o->sim.until)) {
                fprintf(stderr, "loopscope: --until: '%s' is not a time in seconds (like 60 or 2.5)\n",
                        val ? val : "");
                return 2;
            }
            o->sim.until_set = true;
            i++;
        } else if (!strcmp(a, "--max-steps") || !strcmp(a, "--max-ops") || !strcmp(a, "--max-depth") ||
                   !strcmp(a, "--max-items") || !strcmp(a, "--max-memory") || !strcmp(a, "--max-source")) {
            if (!parse_count(a, val, &v))
                return 2;
            i++;
            if (!strcmp(a, "--max-steps"))
                o->sim.max_steps = (size_t)v;
            else if (!strcmp(a, "--max-ops"))
                o->sim.max_ops = v;
            else if (!strcmp(a, "--max-depth") && v > SIM_MAX_DEPTH) {
                fprintf(stderr, "loopscope: --max-depth: %llu is more nested calls than the C stack holds "
                        "(at most %d)\n", (unsigned long long)v, SIM_MAX_DEPTH);
                return 2;
            } else if (!strcmp(a, "--max-depth"))
                o->sim.max_depth = (int)v;
            else if (!strcmp(a, "--max-items"))
                o->sim.max_items = (size_t)v;
            else if (!strcmp(a, "--max-memory"))
                o->sim.max_memory = (size_t)v;
            else
                o->max_source = (size_t)v;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "loopscope: unknown option '%s' (see loopscope --help)\n", a);
            return 2;
        } else if (!o->cmd && !o->path &&
                   (!strcmp(a, "trace") || !strcmp(a, "steps") || !strcmp(a, "frame") || !strcmp(a, "view") ||
                    !strcmp(a, "record") || !strcmp(a, "html") || !strcmp(a, "compare") || !strcmp(a, "quiz"))) {
            o->cmd = a;
            continue;
        } else if (!o->path) {
            o->path = a;
            continue;
        } else if (o->cmd && !strcmp(o->cmd, "compare") && !o->path2) {
            o->path2 = a;
            continue;
        } else {
            fprintf(stderr, "loopscope: unexpected argument '%s' (see loopscope --help)\n", a);
            return 2;
        }
        if (a[0] == '-' && ngiven < 32)
            given[ngiven++] = a;
    }
    if (!o->path) {
        usage(stderr);
        return 2;
    }
    if (!o->cmd)
        o->cmd = "view";
    if (!strcmp(o->cmd, "view") && o->theme && strcmp(o->theme, "projector") != 0) {
        fprintf(stderr, "loopscope: the viewer takes --theme projector only (otherwise it uses the terminal's own "
                "colours)\n");
        return 2;
    }
    if (!strcmp(o->cmd, "compare") && !o->path2 && o->npython == 2) {
        o->path2 = o->path; /* one scenario under two versions */
    } else if (!strcmp(o->cmd, "compare") && !o->path2) {
        fprintf(stderr, "loopscope: compare needs two scenarios (loopscope compare A.py B.py), or one and two "
                "versions (loopscope compare --python 3.11 --python 3.12 X.py)\n");
        return 2;
    }
    if (o->npython == 2 && strcmp(o->cmd, "compare") != 0) {
        fprintf(stderr, "loopscope: --python is given twice: two versions go with compare (one run each)\n");
        return 2;
    }
    if (o->npython && strcmp(o->cmd, "compare") != 0 && !js_refuses_python(o->path))
        return 2;
    if (o->npython && !strcmp(o->cmd, "compare") && path_is_js(o->path2) && !js_refuses_python(o->path))
        return 2;
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
    if (!strcmp(o->cmd, "frame") && !o->svg) {
        for (int i = 0; i < ngiven; i++) {
            if (!strcmp(given[i], "--theme") || !strcmp(given[i], "--title") || !strcmp(given[i], "--force")) {
                fprintf(stderr, "loopscope: %s goes with frame --svg FILE\n", given[i]);
                return 2;
            }
        }
    }
    if (o->svg && o->ansi) {
        fprintf(stderr, "loopscope: give --ansi or --svg, not both\n");
        return 2;
    }
    if (!share_check_format(o->cmd, &o->format, o->out))
        return 2;
    if (!strcmp(o->cmd, "record") && !o->out) {
        fprintf(stderr, "loopscope: record needs -o FILE.%s (see loopscope --help)\n", o->format);
        return 2;
    }
    if (!strcmp(o->cmd, "html") && !o->out) {
        fprintf(stderr, "loopscope: html needs -o FILE.html (see loopscope --help)\n");
        return 2;
    }
    if (o->force && !strcmp(o->cmd, "trace") && !o->out) {
        fprintf(stderr, "loopscope: --force goes with -o FILE\n");
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

/* Where an export goes: a file written whole or not at all (file.c), or
 * standard output for "-". */
typedef struct Sink {
    const char *path;
    OutFile *file;
    FILE *f;
} Sink;

static void say_write_error(const char *msg)
{
    fprintf(stderr, "loopscope: %s%s\n", msg, errno == EEXIST ? " (--force replaces it)" : "");
}

static bool sink_open(Sink *k, const char *path, bool force)
{
    char err[512];
    k->path = path;
    k->file = NULL;
    k->f = stdout;
    if (!strcmp(path, "-"))
        return true;
    k->file = file_begin(path, force, err, sizeof err);
    if (!k->file) {
        say_write_error(err);
        return false;
    }
    k->f = file_stream(k->file);
    return true;
}

/* Everything written to standard output reached it: flushed without an
 * error. Otherwise says so, once ("cannot write standard output: No space
 * left on device" for `frame > /dev/full`), and returns false. */
static bool stdout_ok(void)
{
    static bool said;
    errno = 0;
    if (fflush(stdout) == 0 && !ferror(stdout))
        return true;
    if (!errno) {
        /* an earlier flush failed and its errno is gone: the output is
         * already cut short, so one more byte finds the reason again */
        clearerr(stdout);
        if (fputc('\n', stdout) != EOF)
            fflush(stdout);
    }
    int e = errno ? errno : EIO;
    if (!said)
        fprintf(stderr, "loopscope: cannot write standard output: %s\n", strerror(e));
    said = true;
    return false;
}

/* Exit status rc, or 1 if standard output could not be written. */
static int finish(int rc)
{
    return stdout_ok() ? rc : 1;
}

/* Finish the export. Returns false after saying why it could not be written. */
static bool sink_close(Sink *k)
{
    char err[512];
    if (!k->file)
        return stdout_ok();
    if (!file_commit(k->file, err, sizeof err)) {
        say_write_error(err);
        return false;
    }
    return true;
}

/* The recording's speed, set the way a viewer sets it (the + and - keys),
 * so only the viewer's own speeds are accepted. */
static bool set_speed(View *v, double want)
{
    Input faster = {.key = '+'}, slower = {.key = '-'};
    for (int dir = 0; dir < 2; dir++) {
        for (;;) {
            double now = view_speed(v);
            if (dir == 0 ? now >= want - 1e-9 : now <= want + 1e-9)
                break;
            view_key(v, dir == 0 ? &faster : &slower);
            if (view_speed(v) == now)
                break;
        }
    }
    v->status[0] = 0;
    if (fabs(view_speed(v) - want) < 1e-9)
        return true;
    /* list the speeds there are, slowest first */
    for (;;) {
        double before = view_speed(v);
        view_key(v, &slower);
        if (view_speed(v) == before)
            break;
    }
    char list[160] = "";
    for (;;) {
        double before = view_speed(v);
        size_t n = strlen(list);
        snprintf(list + n, sizeof list - n, "%s%s", n ? ", " : "", view_speed_label(v));
        view_key(v, &faster);
        if (view_speed(v) == before)
            break;
    }
    fprintf(stderr, "loopscope: --speed: not one of the speeds %s\n", list);
    return false;
}

/* The view at --step or --at, with no status line (a key hint has no
 * place in a picture). Returns false after a message if the step is out
 * of range. */
static bool seek_view(const Options *o, View *v)
{
    if (o->step) {
        if (o->step > view_nsteps(v)) {
            fprintf(stderr, "loopscope: --step %llu: the run has %zu steps\n", o->step, view_nsteps(v));
            return false;
        }
        view_seek(v, (size_t)o->step - 1);
    } else if (o->at >= 0) {
        view_seek_time(v, o->at);
    }
    v->status[0] = 0;
    return true;
}

/* An export's title: --title, else the scenario's with whose semantics
 * the run followed ("Gather (Python 3.12)"), so the file says which. */
static const char *export_title(const Options *o, const View *v, char *buf, size_t n)
{
    if (o->title)
        return o->title;
    const char *rt = rec_runtime(v->rec);
    if (!*rt)
        return v->title;
    snprintf(buf, n, "%s (%s)", v->title, rt);
    return buf;
}

/* frame: one screen of v (set up by the caller) as text, ANSI or SVG. */
static int frame_view(const Options *o, View *vp)
{
    View v = *vp;
    Grid *g = grid_new(o->w, o->h, o->ascii);
    frame_draw(&v, g);
    int rc = 0;
    if (o->svg) {
        Sink k;
        if (sink_open(&k, o->svg, o->force)) {
            /* a file: the same bytes whatever NO_COLOR says; --no-color asks for monochrome */
            char tb[sizeof v.title + 40];
            svg_write(g, options_palette(o), !o->no_color, export_title(o, &v, tb, sizeof tb), k.f);
            rc = sink_close(&k) ? 0 : 1;
        } else {
            rc = 1;
        }
    } else if (o->ansi) {
        plain_write_ansi(g, want_color(o), stdout);
    } else {
        plain_write(g, stdout);
    }
    grid_free(g);
    return rc;
}

static int run_frame(const Options *o, const Recording *rec, const Source *src, const Seek *seek)
{
    View v;
    view_init(&v, rec, src, seek);
    view_options(o, &v);
    if (!seek_view(o, &v))
        return 2;
    view_ask_here(&v);
    return frame_view(o, &v);
}

/* The traceback or limit message of a failed run, on stderr. */
static void say_failure(const Recording *rec)
{
    const char *tb = rec_traceback(rec);
    esc_write(stderr, tb, strlen(tb));
}

/* record and html: play v (set up by the caller) into the export. */
static int record_view(const Options *o, View *vp, const Recording *rec)
{
    View v = *vp;
    if (!set_speed(&v, o->speed))
        return 2;
    Sink k;
    if (!sink_open(&k, o->out, o->force))
        return 1;
    Grid *g = grid_new(o->w, o->h, o->ascii);
    char tb[sizeof v.title + 40];
    ShareOptions so = {.scenario = o->path, .title = export_title(o, &v, tb, sizeof tb), .doc = rec_doc(rec),
                       .pal = options_palette(o), .color = !o->no_color};
    bool ok = share_write(o->cmd, o->format, &v, g, &so, k.f);
    grid_free(g);
    say_failure(rec); /* an error or a limit: recorded, and said */
    if (!ok) {
        if (k.file)
            file_abort(k.file);
        return 1;
    }
    return sink_close(&k) ? 0 : 1;
}

static int run_record(const Options *o, const Recording *rec, const Source *src, const Seek *seek)
{
    View v;
    view_init(&v, rec, src, seek);
    view_options(o, &v);
    return record_view(o, &v, rec);
}

/* quiz: the handout of the questions predict mode asks. */
static int run_quiz(const Options *o, const Recording *rec, const Stops *stops)
{
    Sink k;
    if (!sink_open(&k, o->out ? o->out : "-", o->force))
        return 1;
    Quiz z;
    quiz_make(rec, stops, &z);
    View v; /* the title as the viewer gives it */
    view_init(&v, rec, NULL, NULL);
    EscStream es;
    FILE *f = isatty(fileno(k.f)) ? esc_open(&es) : k.f;
    if (o->json)
        quiz_write_json(&z, v.title, f);
    else
        quiz_write_text(&z, v.title, f);
    if (f != k.f)
        esc_close(&es, k.f);
    quiz_free(&z);
    return sink_close(&k) ? 0 : 1;
}

/* trace and steps: the scenario's status, or 1 if the output could not be written. */
static int run_listing(const Options *o, const Recording *rec, SimStatus st)
{
    Sink k;
    if (!sink_open(&k, o->out ? o->out : "-", o->force))
        return 1;
    /* what the scenario printed and named cannot drive a terminal: on one,
     * every listing goes through esc (files and pipes keep the bytes) */
    EscStream es;
    FILE *f = isatty(fileno(k.f)) ? esc_open(&es) : k.f;
    size_t capped = 0; /* steps: how many were written, when the listing was cut */
    if (!strcmp(o->cmd, "steps")) {
        size_t max = o->max_output > SIZE_MAX >> 20 ? SIZE_MAX : o->max_output << 20;
        size_t done = o->json ? steps_write_json(rec, f, max) : steps_write_text(rec, f, max);
        capped = done < rec_nsteps(rec) ? done + 1 : 0;
    } else if (o->format && !strcmp(o->format, "chrome")) {
        Seek *seek = seek_new(rec);
        chrome_write(rec, seek, f);
        seek_free(seek);
    } else {
        trace_write(rec, f);
    }
    if (f != k.f)
        esc_close(&es, k.f);
    bool ok = sink_close(&k);
    say_failure(rec);
    if (capped)
        fprintf(stderr,
                "loopscope: steps: stopped after %zu of %zu steps: the listing reached its limit of %zu MB "
                "(raise it with --max-output MB)\n",
                capped - 1, rec_nsteps(rec), o->max_output);
    return !ok || capped ? 1 : st == SIM_OK ? 0 : 1;
}

/* The viewer needs a terminal: says so, with what to run instead. */
static bool have_terminal(const Options *o)
{
    if (isatty(STDOUT_FILENO) && isatty(STDIN_FILENO))
        return true;
    fprintf(stderr,
            "loopscope: the viewer needs a terminal (standard %s is not one). Instead:\n"
            "  loopscope trace %s           the trace\n"
            "  loopscope frame %s --step N  one screen as text\n",
            isatty(STDIN_FILENO) ? "output" : "input", o->path, o->path);
    return false;
}

static SimStatus run_scenario(const Source *src, const SimOptions *opt, Recording **rec, LangError *err);

/* One side of compare: its source, recording and seek index. */
typedef struct Side {
    Source *src;
    Recording *rec;
    Seek *seek;
} Side;

static void side_free(Side *s);

/* Load and run path; on failure, after the message, nothing is left held. */
static bool side_load(const Options *o, const char *path, Side *s)
{
    LangError err = {0};
    memset(s, 0, sizeof *s);
    s->src = source_read_max(path, o->max_source ? o->max_source : SOURCE_MAX_BYTES, &err);
    if (!s->src) {
        fprintf(stderr, "%s: error: %s\n", path, err.msg);
        return false;
    }
    if (run_scenario(s->src, &o->sim, &s->rec, &err) == SIM_LOAD_ERROR) {
        source_print_error(stderr, s->src, &err);
        side_free(s);
        return false;
    }
    s->seek = seek_new(s->rec);
    return true;
}

static void side_free(Side *s)
{
    seek_free(s->seek);
    rec_free(s->rec);
    if (s->src)
        source_free(s->src);
    memset(s, 0, sizeof *s);
}

/* loopscope compare A B: the viewer on the pair, or --frame / --svg one
 * screen of it, or -o FILE a recording of it. */
static int run_compare(Options *o)
{
    Side a, b;
    int rc = 2;
    memset(&b, 0, sizeof b);
    bool ok = side_load(o, o->path, &a);
    if (o->npython == 2)
        o->sim.python = o->python[1]; /* --python A --python B: B's side */
    ok = ok && side_load(o, o->path2, &b);
    if (ok) {
        View va, vb;
        view_init(&va, a.rec, a.src, a.seek);
        view_init(&vb, b.rec, b.src, b.seek);
        bool frame = o->frame || o->svg;
        o->cmd = frame ? "frame" : o->out ? "record" : "view";
        view_options(o, &va);
        view_options(o, &vb);
        compare_pair(&va, &vb);
        if (frame) {
            compare_seek_time(&va, o->at > 0 ? o->at : 0);
            va.status[0] = 0;
            rc = frame_view(o, &va);
        } else if (o->out) {
            rc = share_check_format("record", &o->format, o->out) ? record_view(o, &va, a.rec) : 2;
        } else if (have_terminal(o)) {
            AppOptions ao = {.ascii = o->ascii || !utf8_locale(), .color = want_color(o)};
            rc = app_run(&va, &ao);
        }
    }
    side_free(&a);
    side_free(&b);
    return rc;
}

/* The language is the file's: SCENARIO.js runs on the JavaScript side
 * (src/js), anything else on the Python side. */
static bool scenario_is_js(const Source *src) { return path_is_js(src->path); }

static SimStatus run_scenario(const Source *src, const SimOptions *opt, Recording **rec, LangError *err)
{
    if (scenario_is_js(src)) {
        JsOptions jo = {.max_steps = opt->max_steps, .max_ops = opt->max_ops, .max_depth = opt->max_depth,
                        .max_items = opt->max_items, .max_memory = opt->max_memory};
        return (SimStatus)js_run(src, &jo, rec, err);
    }
    return sim_run(src, opt, rec, err);
}

static void exec_thread(void *run) { sim_exec(run); }

/* What the viewer makes once the whole run is recorded: the presenter's
 * stops and predict mode's questions (the P key). The directives are read
 * before the viewer opens, so their warnings come first. */
typedef struct Whole {
    const Options *o;
    Directives ds;
    Stops *stops;
    Quiz quiz;
    bool made;
} Whole;

static void whole_run(View *v, void *ctx)
{
    Whole *w = ctx;
    if (w->made)
        return;
    w->stops = stops_new(v->rec, &w->ds, w->o->pause_on);
    quiz_make(v->rec, w->stops, &w->quiz);
    v->stops = w->stops;
    v->quiz = &w->quiz;
    v->predict = w->o->predict && w->quiz.n;
    w->made = true;
}

static void whole_free(Whole *w)
{
    if (w->made) {
        quiz_free(&w->quiz);
        stops_free(w->stops);
    }
    directive_free(&w->ds);
}

/* The viewer opens at once, whatever the run's length: the scenario is
 * loaded here (a load error is said before any screen), then recorded on
 * a thread of its own while the viewer shows the steps as they come
 * (docs/longrun.md). Returns the exit status; *busy is set when the
 * recording thread would not stop (a loop that records nothing), so the
 * recording and src must be left alone: the process is about to exit. */
static int view_live(const Options *o, const Source *src, bool *busy)
{
    LangError err = {0};
    Recording *rec = NULL;
    Live *live = NULL;
    Whole w = {.o = o};
    /* a directive that is not one is a warning (it is still a comment) */
    directive_parse(src, &w.ds);
    directive_print_warnings(stderr, src, &w.ds);
    /* Stops and questions need the whole run, and the JavaScript side has
     * no live run yet: those are recorded to the end before the viewer
     * opens; any other opens at once and makes them when its run ends. */
    bool whole = scenario_is_js(src) || o->pause_on || o->predict || w.ds.n || w.ds.nw;
    if (whole) {
        if (run_scenario(src, &o->sim, &rec, &err) == SIM_LOAD_ERROR || !have_terminal(o)) {
            if (!rec)
                source_print_error(stderr, src, &err);
            rec_free(rec);
            directive_free(&w.ds);
            return 2;
        }
    } else {
        SimRun *run = sim_load(src, &o->sim, &err);
        if (!run) {
            source_print_error(stderr, src, &err);
            directive_free(&w.ds);
            return 2;
        }
        rec = sim_recording(run);
        if (!have_terminal(o)) {
            rec_share(rec);
            rec_cancel(rec); /* no run to show: stop at its first step */
            sim_exec(run);   /* which frees the language's state */
            rec_free(rec);
            directive_free(&w.ds);
            return 2;
        }
        live = live_start(rec, exec_thread, run);
        if (!live)
            sim_exec(run); /* no thread: record it all first, as before */
    }
    rec_lock(rec);
    Seek *seek = seek_new(rec);
    View v;
    view_init(&v, rec, src, seek);
    view_options(o, &v);
    v.growing = !rec_done(rec);
    rec_unlock(rec);
    AppOptions ao = {.ascii = o->ascii || !utf8_locale(), .color = want_color(o), .live_seek = seek,
                     .recorded = whole_run, .recorded_ctx = &w};
    if (!v.growing)
        whole_run(&v, &w);
    int rc = app_run(&v, &ao);
    if (!live_stop(live, true, 0.5)) {
        *busy = true;
        return rc;
    }
    whole_free(&w);
    seek_free(seek);
    rec_free(rec);
    return rc;
}


/* One scenario of the list in the viewer, with its stops. *leave says
 * how the viewer was left. Returns the viewer's status, or 2 with a
 * message in msg when the scenario could not be loaded. */
static int list_open(const Options *o, const char *path, const AppOptions *ao, int *leave, char *msg, size_t n)
{
    Side s;
    *leave = VIEW_LEAVE_QUIT;
    if (!side_load(o, path, &s)) {
        snprintf(msg, n, "%.80s could not be loaded (the reason is printed after you quit)", path);
        return 2;
    }
    Directives ds;
    directive_parse(s.src, &ds);
    directive_print_warnings(stderr, s.src, &ds);
    Stops *stops = stops_new(s.rec, &ds, o->pause_on);
    Quiz quiz;
    quiz_make(s.rec, stops, &quiz);
    View v;
    view_init(&v, s.rec, s.src, s.seek);
    Options oo = *o;
    oo.stops = stops;
    oo.quiz = &quiz;
    view_options(&oo, &v);
    v.from_list = true;
    int rc = app_run(&v, ao);
    *leave = v.leave;
    quiz_free(&quiz);
    stops_free(stops);
    directive_free(&ds);
    side_free(&s);
    return rc;
}

/* frame FOLDER: the list as a picture (as the viewer first shows it). */
static int frame_list(const Options *o)
{
    Catalog cat;
    char err[256];
    if (!catalog_load(o->path, &cat, err, sizeof err)) {
        fprintf(stderr, "loopscope: %s: %s\n", o->path, err);
        return 2;
    }
    View lv;
    Picker p;
    picker_view(&lv, &p, &cat, 0);
    lv.hints = o->hints;
    int rc = frame_view(o, &lv);
    catalog_free(&cat);
    return rc;
}

/* loopscope FOLDER: the list of its scenarios; Enter opens one, and from
 * it Backspace comes back to the list and N goes on to the next. */
static int run_list(const Options *o)
{
    if (!have_terminal(o))
        return 2;
    Catalog cat;
    char err[256], msg[160] = "";
    if (!catalog_load(o->path, &cat, err, sizeof err)) {
        fprintf(stderr, "loopscope: %s: %s\n", o->path, err);
        return 2;
    }
    AppOptions ao = {.ascii = o->ascii || !utf8_locale(), .color = want_color(o)};
    size_t sel = 0;
    long open = -1;
    int rc = 0;
    for (;;) {
        if (open < 0) {
            View lv;
            Picker p;
            picker_view(&lv, &p, &cat, sel);
            snprintf(lv.status, sizeof lv.status, "%s", msg);
            msg[0] = 0;
            rc = app_run(&lv, &ao);
            if (rc || p.chosen < 0)
                break;
            open = p.chosen;
        }
        sel = (size_t)open;
        int leave;
        rc = list_open(o, cat.e[sel].path, &ao, &leave, msg, sizeof msg);
        if (rc == 2) {
            open = -1;
            continue;
        }
        if (rc || leave == VIEW_LEAVE_QUIT)
            break;
        open = leave == VIEW_LEAVE_NEXT && sel + 1 < cat.n ? (long)sel + 1 : -1;
        if (leave == VIEW_LEAVE_NEXT && open < 0)
            snprintf(msg, sizeof msg, "that was the last scenario of the list");
    }
    catalog_free(&cat);
    return rc == 2 ? 0 : rc;
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
        return finish(rc);
    if (!strcmp(o.cmd, "compare"))
        return finish(run_compare(&o));
    struct stat sb;
    if (!strcmp(o.cmd, "view") && stat(o.path, &sb) == 0 && S_ISDIR(sb.st_mode))
        return finish(run_list(&o));
    if (!strcmp(o.cmd, "frame") && stat(o.path, &sb) == 0 && S_ISDIR(sb.st_mode))
        return finish(frame_list(&o));

    LangError err = {0};
    Source *src = source_read_max(o.path, o.max_source ? o.max_source : SOURCE_MAX_BYTES, &err);
    if (!src) {
        fprintf(stderr, "%s: error: %s\n", o.path, err.msg);
        return 2;
    }
    if (!strcmp(o.cmd, "view")) {
        bool busy = false;
        rc = view_live(&o, src, &busy);
        if (!busy)
            source_free(src);
        return finish(rc);
    }
    Recording *rec = NULL;
    /* a recording plays every step (half a second each at 1x, a few kB
     * each): a scenario that never ends stops early rather than filling
     * the disk */
    if ((!strcmp(o.cmd, "record") || !strcmp(o.cmd, "html")) && !o.sim.max_steps)
        o.sim.max_steps = RECORD_MAX_STEPS;
    SimStatus st = run_scenario(src, &o.sim, &rec, &err);
    if (st == SIM_LOAD_ERROR) {
        source_print_error(stderr, src, &err);
        source_free(src);
        return 2;
    }
    if (!strcmp(o.cmd, "frame") || !strcmp(o.cmd, "record") || !strcmp(o.cmd, "html") || !strcmp(o.cmd, "quiz")) {
        /* the presenter's stops: a directive that is not one is a warning
         * (it is still a comment), and the run goes on */
        Directives ds;
        directive_parse(src, &ds);
        directive_print_warnings(stderr, src, &ds);
        Stops *stops = stops_new(rec, &ds, o.pause_on);
        o.stops = stops;
        Quiz quiz;
        quiz_make(rec, stops, &quiz);
        o.quiz = &quiz;
        Seek *seek = seek_new(rec);
        if (!strcmp(o.cmd, "quiz"))
            rc = run_quiz(&o, rec, stops);
        else if (!strcmp(o.cmd, "frame"))
            rc = run_frame(&o, rec, src, seek);
        else
            rc = run_record(&o, rec, src, seek);
        seek_free(seek);
        quiz_free(&quiz);
        stops_free(stops);
        directive_free(&ds);
    } else {
        rc = run_listing(&o, rec, st);
    }
    rec_free(rec);
    source_free(src);
    return finish(rc);
}
