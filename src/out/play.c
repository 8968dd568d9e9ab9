/* play.c: virtual-time playback into an export. See play.h.
 * Owns the playback loop and the step labels; the frames come out of
 * frame.c, the timing out of view.c, and what is written is the sink's. */
#include "play.h"

#include "../record/rec.h"
#include "../record/trace.h"
#include "../view/frame.h"

#include <stdio.h>

const char *play_step_label(const View *v, size_t s)
{
    /* the caption's task references become labels here (rec_words); the
     * scratch lives until the next call, as the contract in play.h says */
    static Buf words;
    const Step *st = rec_step_at(v->rec, s);
    const char *cap = rec_words(v->rec, st->caption, &words);
    return *cap ? cap : step_kind_name((StepKind)st->kind);
}

/* A scenario with stops gets a marker at each stop, labelled with its
 * note (or "stop 2/5: " and the step's caption when it has none), unless
 * the view asks for one at every step; without stops, every step. */
static void mark(const PlaySink *sink, uint64_t us, const View *v, size_t step)
{
    if (step >= view_nsteps(v))
        return;
    long k = v->stops ? stops_find(v->stops, step) : -1;
    if (!stops_count(v->stops) || v->step_markers) {
        sink->marker(sink->ctx, us, step, play_step_label(v, step));
    } else if (k >= 0) {
        const Stop *s = stops_get(v->stops, (size_t)k);
        static Buf label; /* lives until the next call, as play_step_label's */
        if (!label.s)
            buf_init(&label);
        buf_clear(&label);
        if (s->note[0]) {
            buf_puts(&label, s->note);
        } else {
            char head[48];
            snprintf(head, sizeof head, "stop %ld/%zu: ", k + 1, stops_count(v->stops));
            buf_puts(&label, head);
            buf_puts(&label, play_step_label(v, step));
        }
        sink->marker(sink->ctx, us, step, label.s);
    }
}

static void draw(const PlaySink *sink, View *v, Grid *g, double t)
{
    v->status[0] = 0;
    frame_draw(v, g);
    sink->frame(sink->ctx, trace_us(t), g);
}

/* Real seconds of the longest clock gap a recording plays. */
#define PLAY_MAX_GAP 10.0

uint64_t play_run(View *v, Grid *g, const PlaySink *sink)
{
    bool pause = v->stop_pause;
    v->stop_pause = false; /* an export plays through its stops: they are markers */
    view_seek(v, 0);
    Input play = {.key = ' '};
    view_key(v, &play);
    double t = 0;
    draw(sink, v, g, t);
    mark(sink, 0, v, 0);
    size_t marked = 0;
    for (;;) {
        /* a clock gap plays for at most PLAY_MAX_GAP real seconds and the
         * clock jumps over the rest (as asciinema's idle_time_limit cuts
         * idle pauses): a day-long sleep records in seconds of frames, not
         * a day of them */
        if (v->step + 1 < view_nsteps(v)) {
            double next = rec_step_at(v->rec, v->step + 1)->t, most = PLAY_MAX_GAP * view_speed(v);
            if (next - v->playhead > most)
                v->playhead = next - most;
        }
        double d = view_tick_delay(v);
        if (d < 0)
            break;
        t += d;
        Action a = view_tick(v, d);
        /* the frame first: a player that pauses on a marker shows its step */
        if (a != ACT_NONE)
            draw(sink, v, g, t);
        for (size_t s = marked + 1; s <= v->step; s++)
            mark(sink, trace_us(t), v, s);
        if (v->step > marked)
            marked = v->step;
        if (!v->playing)
            break;
    }
    v->stop_pause = pause;
    return trace_us(t);
}
