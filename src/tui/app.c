/* app.c: the interactive program, a libev loop around the view.
 * Owns the watchers (embedded in App and cast back in their callbacks):
 *   - stdin: drains every pending key, feeds each to view_key and draws
 *     one frame for the batch (never one per key);
 *   - the playback timer: one-shot, armed from view_tick_delay and fed
 *     the real time that passed (ev_now) through view_tick. It is stopped
 *     while paused, so an idle viewer makes no wake-ups at all;
 *   - SIGWINCH: new screen size, new grid, relayout;
 *   - SIGTSTP (Ctrl-Z): give the terminal back and stop; on SIGCONT take
 *     it again, repaint everything and restart the playback clock (the
 *     time spent stopped is not played);
 *   - SIGINT, SIGTERM, SIGHUP: leave the loop and restore the terminal;
 *   - while the run is still being recorded on another thread
 *     (docs/longrun.md), the progress timer: every PROGRESS_INTERVAL it
 *     indexes the steps published since (seek_update), restarts playback
 *     that waited at the edge, and redraws the header's progress. It
 *     stops for good when the run is over;
 *   - SIGPIPE is ignored while the viewer runs (a write fails instead);
 *     the other signals that would end the process (crashes, Ctrl-\,
 *     kill -USR1...) restore the terminal in term.c and re-raise.
 * Everything that reads the recording (keys, ticks, frames) holds its
 * lock (rec_lock: nothing when it is not shared), so the recording thread
 * waits while a frame is built, never the other way round for long.
 * The R key records what the viewer shows into ./loopscope-NAME-N.cast
 * (the first N that does not exist; nothing is ever overwritten): every
 * frame drawn goes through cast.c, timed by the real clock (ev_now) since
 * recording started, with a marker per step shown. R again, or leaving
 * the viewer, finishes the file (written whole through file.c).
 * The view decides what keys do and frame.c what a screen looks like;
 * term.c is the only code that talks to the terminal.
 *
 * Exit status of app_run: 0 on q (or when the terminal's input closes),
 * 128 + the signal number on SIGINT (130), SIGTERM (143) and SIGHUP
 * (129), as a shell reports a process killed by that signal; 1 when the
 * terminal could not be used. The terminal is restored on every path. */
#include "app.h"

#include "../out/cast.h"
#include "../out/file.h"
#include "../record/rec.h"
#include "../record/seek.h"
#include "../record/trace.h"
#include "../view/frame.h"
#include "../view/grid.h"
#include "term.h"

#include <errno.h>
#include <ev.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* Wake-ups in a row that gave no key with stdin still readable afterwards
 * before it is taken for closed (a safety net against a busy loop; input
 * that is only garbage, consumed but giving no key, never counts). */
#define EMPTY_READS_MAX 1000

/* Seconds between looks at a recording that is still growing. */
#define PROGRESS_INTERVAL 0.2

typedef struct App {
    ev_io input;
    ev_timer play;
    ev_timer progress;  /* only while the recording grows */
    ev_signal winch, tstp, cont, sigint, sigterm, sighup;
    struct ev_loop *loop;
    View *v;
    Grid *grid;
    AppOptions opt;
    Seek *seek;         /* the view's index while the recording grows, else NULL */
    double last;        /* ev_now when playback time was last handed to the view */
    int empty_reads;    /* consecutive stdin wake-ups that gave no input */
    bool resumed;       /* on_tstp has already repainted after the stop */
    int status;
    /* recording (R): NULL cast when not recording */
    Cast *cast;
    OutFile *cast_file;
    char cast_path[100];
    double cast_start;  /* ev_now when recording started */
    size_t cast_step;   /* the step of the last marker */
} App;

#define APP_OF(w, member) ((App *)(void *)((char *)(w) - offsetof(App, member)))

/* The scenario list (picker) has no recording to lock. */
static void lock(App *a)
{
    if (a->v->rec)
        rec_lock(a->v->rec);
}

static void unlock(App *a)
{
    if (a->v->rec)
        rec_unlock(a->v->rec);
}

static void redraw(App *a)
{
    lock(a);
    frame_draw(a->v, a->grid);
    if (a->cast) {
        uint64_t us = trace_us(ev_now(a->loop) - a->cast_start);
        cast_frame(a->cast, us, a->grid);
        if (a->v->step != a->cast_step) {
            a->cast_step = a->v->step;
            cast_mark_step(a->cast, us, a->v, a->cast_step);
        }
    }
    unlock(a);
    term_draw(a->grid);
}

/* Arm the one-shot playback timer for the view's next tick, or leave it
 * stopped while paused. Playback's clock restarts now: the view resets
 * its dwell whenever it starts, seeks or changes speed (ACT_PLAYBACK),
 * and on_play has just handed it the time up to now. */
static void rearm(App *a)
{
    ev_timer_stop(a->loop, &a->play);
    a->last = ev_now(a->loop);
    lock(a);
    double d = view_tick_delay(a->v);
    unlock(a);
    if (d < 0 || !a->v->playing)
        return;
    ev_timer_set(&a->play, d, 0.);
    ev_timer_start(a->loop, &a->play);
}

static void quit(App *a, int status)
{
    a->status = status;
    ev_break(a->loop, EVBREAK_ALL);
}

/* The recording's file name: ./loopscope-NAME-N.cast, NAME the
 * scenario's file name without .py, kept to characters that need no
 * quoting in a shell. */
static void cast_name(const App *a, int n, char *out, size_t size)
{
    const char *path = rec_path(a->v->rec);
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char name[64];
    size_t k = 0;
    for (const char *p = base; *p && k + 1 < sizeof name; p++) {
        if (!strcmp(p, ".py"))
            break;
        bool ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-' ||
                  *p == '_' || *p == '.';
        name[k++] = ok ? *p : '_';
    }
    name[k] = 0;
    snprintf(out, size, "./loopscope-%s-%d.cast", k ? name : "run", n);
}

static void record_start(App *a)
{
    char err[300];
    for (int n = 1; n < 10000; n++) {
        cast_name(a, n, a->cast_path, sizeof a->cast_path);
        a->cast_file = file_begin(a->cast_path, false, err, sizeof err);
        if (a->cast_file || errno != EEXIST)
            break;
    }
    if (!a->cast_file) {
        snprintf(a->v->status, sizeof a->v->status, "R: %.150s", err);
        return;
    }
    a->cast = cast_new(file_stream(a->cast_file), a->grid->w, a->grid->h, a->v->title, theme_palette(true),
                       a->opt.color);
    a->cast_start = ev_now(a->loop);
    a->cast_step = a->v->step;
    cast_mark_step(a->cast, 0, a->v, a->cast_step);
    a->v->recording = true;
    snprintf(a->v->status, sizeof a->v->status, "recording to %s (R stops)", a->cast_path);
}

/* Finish the recording. Returns false with the reason in msg. */
static bool record_stop(App *a, char *msg, size_t n)
{
    double secs = ev_now(a->loop) - a->cast_start;
    cast_end(a->cast, trace_us(secs));
    a->cast = NULL;
    a->v->recording = false;
    char err[300];
    bool ok = file_commit(a->cast_file, err, sizeof err);
    a->cast_file = NULL;
    if (ok)
        snprintf(msg, n, "saved %s (%.0f s): asciinema play %s", a->cast_path, secs, a->cast_path);
    else
        snprintf(msg, n, "%s", err);
    return ok;
}

static void record_toggle(App *a)
{
    if (a->cast)
        record_stop(a, a->v->status, sizeof a->v->status);
    else
        record_start(a);
}

/* After a wake-up that gave no key: 1 when stdin has closed (a hang-up,
 * or readable with nothing to read: end of file), 2 when it is still
 * readable with bytes waiting that curses did not take, 0 otherwise (the
 * bytes that woke us were read and gave no key: garbage, a mouse
 * release). */
static int input_state(void)
{
    struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
    if (poll(&p, 1, 0) < 0)
        return 0;
    if (p.revents & (POLLHUP | POLLERR | POLLNVAL))
        return 1;
    if (!(p.revents & POLLIN))
        return 0;
    int n = 0;
    if (ioctl(STDIN_FILENO, FIONREAD, &n) == 0 && n == 0)
        return 1;
    return 2;
}

static void on_progress(struct ev_loop *loop, ev_timer *w, int revents);

static void on_input(struct ev_loop *loop, ev_io *w, int revents)
{
    (void)revents;
    App *a = APP_OF(w, input);
    bool got = false, draw = false;
    /* a key pressed while (or just after) the run records sees all of it
     * that is there, and a finished run's stops and questions (P), without
     * waiting for the progress timer's next look */
    if (a->seek)
        on_progress(loop, &a->progress, 0);
    Input in;
    while (term_read(&in)) {
        got = true;
        lock(a);
        Action act = view_key(a->v, &in);
        unlock(a);
        switch (act) {
        case ACT_NONE:
            break;
        case ACT_REDRAW:
            draw = true;
            break;
        case ACT_PLAYBACK:
            rearm(a);
            draw = true;
            break;
        case ACT_RECORD:
            lock(a);
            record_toggle(a);
            unlock(a);
            draw = true;
            break;
        case ACT_QUIT:
            quit(a, 0);
            return;
        }
    }
    int st = got ? 0 : input_state();
    if (st == 2)
        a->empty_reads++;
    else
        a->empty_reads = 0;
    if (st == 1 || a->empty_reads > EMPTY_READS_MAX) {
        quit(a, 0);
        return;
    }
    if (draw)
        redraw(a);
}

static void on_play(struct ev_loop *loop, ev_timer *w, int revents)
{
    (void)revents;
    App *a = APP_OF(w, play);
    double elapsed = ev_now(loop) - a->last;
    lock(a);
    Action act = view_tick(a->v, elapsed < 0 ? 0 : elapsed);
    unlock(a);
    if (act == ACT_QUIT) {
        quit(a, 0);
        return;
    }
    rearm(a);
    if (act != ACT_NONE)
        redraw(a);
}

/* The recording grows: index what is new, let playback that waited at
 * the edge go on, show the progress. The last look, once the run is
 * over, stops the timer for good (a paused viewer then wakes for nothing). */
static void on_progress(struct ev_loop *loop, ev_timer *w, int revents)
{
    (void)revents;
    App *a = APP_OF(w, progress);
    lock(a);
    size_t added = seek_update(a->seek);
    bool done = rec_done(a->v->rec);
    if (done) {
        a->v->growing = false;
        if (a->opt.recorded)
            a->opt.recorded(a->v, a->opt.recorded_ctx);
    }
    unlock(a);
    if (done) {
        ev_timer_stop(loop, w);
        a->seek = NULL;
    }
    if (a->v->playing && !ev_is_active(&a->play))
        rearm(a);
    if (added || done) /* a run busy between steps: nothing new to show */
        redraw(a);
}

/* The screen may have a new size: a grid to match, and a frame. */
static void relayout(App *a)
{
    int cols, rows;
    term_resize();
    term_size(&cols, &rows);
    if (cols != a->grid->w || rows != a->grid->h)
        grid_resize(a->grid, cols, rows);
    redraw(a);
}

static void on_winch(struct ev_loop *loop, ev_signal *w, int revents)
{
    (void)loop;
    (void)revents;
    relayout(APP_OF(w, winch));
}

/* After a stop: the terminal again, every cell repainted (the shell drew
 * over the screen), the size rechecked, playback time counted from now. */
static void resume(App *a)
{
    term_resume();
    if (a->v->playing)
        rearm(a);
    relayout(a);
}

static void on_tstp(struct ev_loop *loop, ev_signal *w, int revents)
{
    (void)revents;
    App *a = APP_OF(w, tstp);
    term_suspend();
    /* stop for real: the default action, then our watcher back */
    ev_signal_stop(loop, w);
    raise(SIGTSTP);
    ev_signal_start(loop, w);
    resume(a);
    a->resumed = true;
}

static void on_cont(struct ev_loop *loop, ev_signal *w, int revents)
{
    (void)loop;
    (void)revents;
    App *a = APP_OF(w, cont);
    /* a SIGCONT of our own Ctrl-Z was handled there; another (after a
     * SIGSTOP from outside) still repaints, someone may have drawn over us */
    if (a->resumed)
        a->resumed = false;
    else
        resume(a);
}

static void on_signal(struct ev_loop *loop, ev_signal *w, int revents)
{
    (void)loop;
    (void)revents;
    App *a = w->signum == SIGINT ? APP_OF(w, sigint) : w->signum == SIGTERM ? APP_OF(w, sigterm) : APP_OF(w, sighup);
    quit(a, 128 + w->signum);
}

int app_run(View *v, const AppOptions *opt)
{
    App app = {.v = v, .opt = *opt};
    App *a = &app;
    a->loop = ev_default_loop(EVFLAG_AUTO);
    if (!a->loop) {
        fprintf(stderr, "loopscope: cannot start the event loop (libev)\n");
        return 1;
    }
    /* Signal watchers before curses: ncurses only installs its own
     * SIGINT/SIGTERM/SIGTSTP/SIGWINCH handlers where none is set, and
     * ours run in the loop, not in signal context. */
    ev_signal_init(&a->winch, on_winch, SIGWINCH);
    ev_signal_init(&a->tstp, on_tstp, SIGTSTP);
    ev_signal_init(&a->cont, on_cont, SIGCONT);
    ev_signal_init(&a->sigint, on_signal, SIGINT);
    ev_signal_init(&a->sigterm, on_signal, SIGTERM);
    ev_signal_init(&a->sighup, on_signal, SIGHUP);
    ev_signal *sigs[] = {&a->winch, &a->tstp, &a->cont, &a->sigint, &a->sigterm, &a->sighup};
    enum { NSIGS = sizeof sigs / sizeof sigs[0] };
    for (int i = 0; i < NSIGS; i++)
        ev_signal_start(a->loop, sigs[i]);

    /* SIGPIPE would kill the viewer with the screen in curses mode: a
     * write to a closed pipe fails with EPIPE instead. */
    struct sigaction ign, old_pipe;
    memset(&ign, 0, sizeof ign);
    ign.sa_handler = SIG_IGN;
    sigemptyset(&ign.sa_mask);
    sigaction(SIGPIPE, &ign, &old_pipe);

    char err[200];
    if (!term_open(opt->color, err, sizeof err)) {
        for (int i = 0; i < NSIGS; i++)
            ev_signal_stop(a->loop, sigs[i]);
        sigaction(SIGPIPE, &old_pipe, NULL);
        fprintf(stderr, "loopscope: %s\n", err);
        return 1;
    }
    a->opt.ascii = opt->ascii || !term_utf8();
    int cols, rows;
    term_size(&cols, &rows);
    a->grid = grid_new(cols, rows, a->opt.ascii);

    ev_io_init(&a->input, on_input, STDIN_FILENO, EV_READ);
    ev_io_start(a->loop, &a->input);
    ev_init(&a->play, on_play);
    rearm(a);   /* a view that starts out playing */
    a->seek = opt->live_seek;
    ev_timer_init(&a->progress, on_progress, PROGRESS_INTERVAL, PROGRESS_INTERVAL);
    if (a->seek && a->v->growing)
        ev_timer_start(a->loop, &a->progress);
    redraw(a);

    ev_run(a->loop, 0);

    /* The terminal first, so a second signal during shutdown finds it restored. */
    term_close();
    if (a->cast) {
        char msg[400];
        bool ok = record_stop(a, msg, sizeof msg);
        fprintf(stderr, "loopscope: %s\n", msg);
        if (!ok && a->status == 0)
            a->status = 1;
    }
    ev_timer_stop(a->loop, &a->play);
    ev_timer_stop(a->loop, &a->progress);
    ev_io_stop(a->loop, &a->input);
    for (int i = 0; i < NSIGS; i++)
        ev_signal_stop(a->loop, sigs[i]);
    sigaction(SIGPIPE, &old_pipe, NULL);
    grid_free(a->grid);
    return a->status;
}
