/* check_view.c: the viewer state machine (src/view/view.c), the layout and
 * whole frames (src/view/layout.c, frame.c).
 * Owns: the view suite. Keys and playback are driven exactly as the app
 * drives them (view_key, view_tick with elapsed real seconds) on real
 * recordings; playback timing is checked against a total computed from
 * the steps' times; layouts for every size from the minimum up are checked
 * to stay on screen and not overlap; frames must be deterministic. */
#include "suites.h"

#include "fixture.h"

#include "../src/view/frame.h"
#include "../src/view/layout.h"
#include "../src/view/view.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static Action key(View *v, int k)
{
    Input in = {.key = k};
    return view_key(v, &in);
}

static double t_of(const View *v, size_t step) { return rec_step_at(v->rec, step)->t; }

START_TEST(test_title_from_docstring)
{
    Fixture f;
    fixture_open_file(&f, "scenarios/gather.py");
    ck_assert_str_eq(f.v.title, "Two fetches at once with asyncio.gather");
    ck_assert_uint_eq(f.v.step, 0);
    ck_assert(!f.v.playing);
    ck_assert_str_eq(view_speed_label(&f.v), "1x");
    fixture_close(&f);
}
END_TEST

START_TEST(test_title_without_docstring)
{
    Fixture f;
    fixture_open_text(&f, "tests/nodoc.py", "import asyncio\nasync def main():\n    pass\nasyncio.run(main())\n");
    ck_assert_int_eq(f.status, SIM_OK);
    ck_assert_str_eq(f.v.title, "nodoc.py");
    fixture_close(&f);
}
END_TEST

START_TEST(test_step_keys)
{
    Fixture f;
    fixture_open_file(&f, "scenarios/gather.py");
    View *v = &f.v;
    size_t n = view_nsteps(v);
    ck_assert_int_eq(key(v, K_LEFT), ACT_REDRAW);
    ck_assert_uint_eq(v->step, 0);
    ck_assert(v->status[0]); /* "already at the first step" */
    ck_assert_int_eq(key(v, K_RIGHT), ACT_REDRAW);
    ck_assert_uint_eq(v->step, 1);
    ck_assert(!v->status[0]);
    key(v, 'l');
    key(v, 'l');
    key(v, 'h');
    ck_assert_uint_eq(v->step, 2);
    key(v, K_END);
    ck_assert_uint_eq(v->step, n - 1);
    ck_assert(v->playhead == t_of(v, n - 1));
    key(v, K_RIGHT);
    ck_assert_uint_eq(v->step, n - 1);
    key(v, K_HOME);
    ck_assert_uint_eq(v->step, 0);
    /* the wheel steps too */
    key(v, K_WHEEL_DOWN);
    ck_assert_uint_eq(v->step, 1);
    key(v, K_WHEEL_UP);
    ck_assert_uint_eq(v->step, 0);
    fixture_close(&f);
}
END_TEST

START_TEST(test_moment_keys)
{
    Fixture f;
    fixture_open_file(&f, "scenarios/gather.py");
    View *v = &f.v;
    size_t nm = seek_moments(f.seek);
    ck_assert_uint_ge(nm, 3);
    for (size_t m = 1; m < nm; m++) {
        key(v, ']');
        ck_assert_uint_eq(v->step, seek_moment_step(f.seek, m));
        ck_assert(t_of(v, v->step) > t_of(v, v->step - 1));
    }
    key(v, ']'); /* past the last moment: the last step */
    ck_assert_uint_eq(v->step, view_nsteps(v) - 1);
    /* '[' from inside a moment goes to its start, then to the moment before */
    key(v, '[');
    ck_assert_uint_eq(v->step, seek_moment_step(f.seek, nm - 1));
    key(v, '[');
    ck_assert_uint_eq(v->step, seek_moment_step(f.seek, nm - 2));
    fixture_close(&f);
}
END_TEST

START_TEST(test_goto_prompt)
{
    Fixture f;
    fixture_open_file(&f, "scenarios/gather.py");
    View *v = &f.v;
    key(v, 'g');
    ck_assert(v->prompt);
    key(v, '1');
    key(v, '.');
    key(v, '7');
    key(v, K_BACKSPACE);
    key(v, '2');
    ck_assert_str_eq(v->input, "1.2");
    key(v, K_ENTER);
    ck_assert(!v->prompt);
    /* 1.2 lies between the moments 1.0 and 1.5: the last step before it, clock at 1.2 */
    ck_assert_uint_eq(v->step, seek_step_at_time(f.seek, 1.2));
    ck_assert(t_of(v, v->step) <= 1.2);
    ck_assert(fabs(v->playhead - 1.2) < 1e-9);
    key(v, 'g');
    key(v, 'x'); /* not taken, and said so */
    ck_assert_ptr_nonnull(strstr(v->status, "'x' is not part of a time"));
    ck_assert_str_eq(v->input, "");
    key(v, '1');
    ck_assert_str_eq(v->status, ""); /* a digit clears the complaint */
    key(v, K_ESC);
    ck_assert(!v->prompt);
    ck_assert(fabs(v->playhead - 1.2) < 1e-9);
    key(v, 'g');
    key(v, '9');
    key(v, '9');
    key(v, K_ENTER); /* past the end: the last step, and says so */
    ck_assert_uint_eq(v->step, view_nsteps(v) - 1);
    ck_assert_ptr_nonnull(strstr(v->status, "the run ends at t = 1.50, before 99.00"));
    key(v, 'g');
    key(v, K_ENTER); /* Enter on nothing says what to type */
    ck_assert(!v->prompt);
    ck_assert_ptr_nonnull(strstr(v->status, "no time typed"));
    double t;
    ck_assert(view_parse_time("1.5", &t) && t == 1.5);
    ck_assert(view_parse_time("1,5", &t) && t == 1.5);
    ck_assert(view_parse_time(".5", &t) && t == 0.5);
    ck_assert(view_parse_time("2s", &t) && t == 2);
    ck_assert(!view_parse_time("", &t));
    ck_assert(!view_parse_time("1.2.3", &t));
    ck_assert(!view_parse_time("-1", &t));
    ck_assert(!view_parse_time("s", &t));
    ck_assert(!view_parse_time("1s2", &t));
    fixture_close(&f);
}
END_TEST

START_TEST(test_speed_bounds)
{
    Fixture f;
    fixture_open_file(&f, "scenarios/gather.py");
    View *v = &f.v;
    for (int i = 0; i < 10; i++)
        key(v, '+');
    ck_assert_str_eq(view_speed_label(v), "16x");
    ck_assert(view_speed(v) == 16);
    for (int i = 0; i < 10; i++)
        key(v, '-');
    ck_assert_str_eq(view_speed_label(v), "0.25x");
    ck_assert(view_speed(v) == 0.25);
    fixture_close(&f);
}
END_TEST

/* Playing to the end takes the gaps at the chosen speed plus one dwell per
 * step that happens at the same instant as the one before. */
static double play_to_end(View *v, double dt, int *ticks)
{
    double real = 0;
    *ticks = 0;
    ck_assert_int_eq(key(v, ' '), ACT_PLAYBACK);
    ck_assert(v->playing);
    double last_head = v->playhead;
    while (v->playing) {
        double d = view_tick_delay(v);
        ck_assert(d >= 0);
        double step = d < dt ? d : dt;
        real += step;
        view_tick(v, step);
        ck_assert(v->playhead >= last_head - 1e-12);
        if (v->step + 1 < view_nsteps(v))
            ck_assert(v->playhead <= t_of(v, v->step + 1) + 1e-9);
        last_head = v->playhead;
        ck_assert_int_lt(++*ticks, 1000000);
    }
    ck_assert(view_tick_delay(v) < 0);
    ck_assert_uint_eq(v->step, view_nsteps(v) - 1);
    return real;
}

START_TEST(test_playback_timing)
{
    Fixture f;
    fixture_open_file(&f, "scenarios/gather.py");
    View *v = &f.v;
    size_t n = view_nsteps(v);
    size_t same = 0;
    for (size_t i = 1; i < n; i++)
        same += t_of(v, i) == t_of(v, i - 1);
    double end = t_of(v, n - 1);
    int ticks;
    double real = play_to_end(v, 0.01, &ticks);
    double expect = end + same * 0.5; /* 1x: half a second per same-instant step */
    ck_assert_msg(fabs(real - expect) < 0.05, "1x: played %.3f s, expected %.3f s", real, expect);
    ck_assert(v->status[0]); /* "end of the run" */
    /* play again from the end: it restarts */
    key(v, '+');
    key(v, '+'); /* 4x */
    real = play_to_end(v, 0.01, &ticks);
    expect = end / 4 + same * 0.5 / 4;
    ck_assert_msg(fabs(real - expect) < 0.05, "4x: played %.3f s, expected %.3f s", real, expect);
    /* one huge tick (a suspended laptop) jumps to the end */
    key(v, ' ');
    view_tick(v, 1e6);
    ck_assert(!v->playing);
    ck_assert_uint_eq(v->step, n - 1);
    fixture_close(&f);
}
END_TEST

/* A recording still growing (docs/longrun.md): only published steps are
 * reachable; End and Right say it is the last step so far; playback that
 * reaches the edge waits there, goes on when steps come, and stops only at
 * the end of the finished run. */
START_TEST(test_growing_edge)
{
    Source *src = source_from_string("grow.py", "pass\n", 5);
    Recording *r = rec_new(0);
    rec_share(r);
    for (int i = 0; i < 6; i++)
        ck_assert(rec_step(r, SK_CLOCK, i, -1, 0, "", "a clock step", "[t] clock"));
    Seek *s = seek_new(r);
    View v;
    view_init(&v, r, src, s);
    v.growing = true;
    ck_assert_uint_eq(view_nsteps(&v), 5); /* the last is not published yet */
    key(&v, K_END);
    ck_assert_uint_eq(v.step, 4);
    ck_assert_msg(strstr(v.status, "recorded so far"), "%s", v.status);
    key(&v, K_RIGHT);
    ck_assert_uint_eq(v.step, 4);
    ck_assert_msg(strstr(v.status, "the last step recorded so far"), "%s", v.status);
    view_seek_time(&v, 100); /* a time not recorded yet */
    ck_assert_uint_eq(v.step, 4);
    ck_assert_msg(strstr(v.status, "not recorded yet"), "%s", v.status);
    /* play at the edge: it waits, with no timer and no "end of the run" */
    ck_assert_int_eq(key(&v, ' '), ACT_PLAYBACK);
    ck_assert(v.playing);
    ck_assert_uint_eq(v.step, 4);
    ck_assert(view_tick_delay(&v) < 0);
    view_tick(&v, 5.0);
    ck_assert(v.playing);
    ck_assert(!strstr(v.status, "end of the run"));
    /* more steps come: playback goes on to the new edge and waits again */
    for (int i = 6; i < 9; i++)
        ck_assert(rec_step(r, SK_CLOCK, i, -1, 0, "", "a clock step", "[t] clock"));
    ck_assert_uint_eq(seek_update(s), 3);
    ck_assert(view_tick_delay(&v) >= 0);
    view_tick(&v, 100.0);
    ck_assert(v.playing);
    ck_assert_uint_eq(v.step, 7);
    /* the run ends: the last step comes, and playback stops there */
    rec_finish(r);
    seek_update(s);
    v.growing = false;
    view_tick(&v, 100.0);
    ck_assert(!v.playing);
    ck_assert_uint_eq(v.step, 8);
    ck_assert_msg(strstr(v.status, "end of the run"), "%s", v.status);
    seek_free(s);
    rec_free(r);
    source_free(src);
}
END_TEST

START_TEST(test_pause_has_no_timer)
{
    Fixture f;
    fixture_open_file(&f, "scenarios/gather.py");
    View *v = &f.v;
    ck_assert(view_tick_delay(v) < 0);
    key(v, ' ');
    ck_assert(view_tick_delay(v) >= 0);
    ck_assert_int_eq(key(v, ' '), ACT_PLAYBACK);
    ck_assert(view_tick_delay(v) < 0);
    ck_assert_int_eq(view_tick(v, 1.0), ACT_NONE);
    /* a manual step while playing pauses */
    key(v, ' ');
    ck_assert_int_eq(key(v, K_RIGHT), ACT_PLAYBACK);
    ck_assert(!v->playing);
    fixture_close(&f);
}
END_TEST

START_TEST(test_clock_moves_through_gaps)
{
    Fixture f;
    fixture_open_file(&f, "scenarios/gather.py");
    View *v = &f.v;
    /* go to the last step at t=0 and play a little into the 1 s gap */
    view_seek(v, seek_moment_step(f.seek, 1) - 1);
    ck_assert(v->playhead == 0);
    key(v, ' ');
    double d = view_tick_delay(v);
    ck_assert(d > 0 && d <= 0.05 + 1e-12); /* redraws the clock while crossing the gap */
    view_tick(v, 0.25);
    ck_assert(fabs(v->playhead - 0.25) < 1e-9);
    ck_assert_uint_eq(v->step, seek_moment_step(f.seek, 1) - 1);
    view_tick(v, 0.75);
    ck_assert_uint_eq(v->step, seek_moment_step(f.seek, 1));
    ck_assert(v->playhead == t_of(v, v->step));
    fixture_close(&f);
}
END_TEST

/* fuzz_render: a run with no steps (no asyncio.run) crashed on a seek to a
 * time (frame --at, the g key); it stays at step 0, time 0, and draws. */
START_TEST(test_no_steps_seek_time)
{
    Fixture f;
    fixture_open_text(&f, "tests/nosteps.py", "x = 1\n");
    View *v = &f.v;
    ck_assert_uint_eq(view_nsteps(v), 0);
    view_seek_time(v, 1.5);
    ck_assert_uint_eq(v->step, 0);
    ck_assert(v->playhead == 0);
    key(v, 'g');
    key(v, '2');
    key(v, K_ENTER);
    key(v, ' ');
    ck_assert(view_tick_delay(v) < 0 || !v->playing);
    Grid *g = grid_new(100, 30, false);
    frame_draw(v, g);
    grid_free(g);
    fixture_close(&f);
}
END_TEST

START_TEST(test_focus_help_quit)
{
    Fixture f;
    fixture_open_file(&f, "scenarios/gather.py");
    View *v = &f.v;
    ck_assert_int_eq(v->focus, FOCUS_TASKS);
    key(v, K_TAB); /* in the order of the panes' keys: code, tasks, log */
    ck_assert_int_eq(v->focus, FOCUS_LOG);
    key(v, K_TAB);
    ck_assert_int_eq(v->focus, FOCUS_CODE);
    key(v, K_TAB);
    ck_assert_int_eq(v->focus, FOCUS_TASKS);
    key(v, K_BTAB);
    ck_assert_int_eq(v->focus, FOCUS_CODE);
    key(v, '?');
    ck_assert(v->help);
    ck_assert_int_eq(key(v, K_RIGHT), ACT_REDRAW); /* closes the overlay, does not step */
    ck_assert(!v->help);
    ck_assert_uint_eq(v->step, 0);
    ck_assert_int_eq(key(v, 'R'), ACT_RECORD);
    key(v, '?');
    ck_assert_int_eq(key(v, 'q'), ACT_QUIT); /* q quits from the overlay too */
    ck_assert_int_eq(key(v, K_CTRL_C), ACT_QUIT);
    fixture_close(&f);
}
END_TEST

/* Scrolling pins the focused pane; any move of the step (a key, the
 * timeline, playback) makes every pane follow the action again. */
START_TEST(test_move_unpins_every_pane)
{
    Fixture f;
    fixture_open_file(&f, "scenarios/gather.py");
    View *v = &f.v;
    Grid *g = grid_new(100, 30, false);
    frame_draw(v, g); /* the layout the scrolling keys need */
    grid_free(g);
    /* the tasks, then the code (a log that fits cannot be scrolled away
     * from its newest line, so it is pinned by hand) */
    for (int p = 0; p < 2; p++) {
        v->focus = p == 0 ? FOCUS_TASKS : FOCUS_CODE;
        ck_assert_int_eq(key(v, K_DOWN), ACT_REDRAW);
        ck_assert_msg(v->pinned[v->focus], "pane %d not pinned by a scroll", (int)v->focus);
    }
    v->pinned[FOCUS_LOG] = true;
    key(v, K_RIGHT);
    for (int p = 0; p < FOCUS_COUNT; p++)
        ck_assert_msg(!v->pinned[p], "pane %d still pinned after a step", p);
    for (int p = 0; p < FOCUS_COUNT; p++)
        v->pinned[p] = true;
    view_seek_time(v, 1.2);
    for (int p = 0; p < FOCUS_COUNT; p++)
        ck_assert_msg(!v->pinned[p], "pane %d still pinned after a seek", p);
    for (int p = 0; p < FOCUS_COUNT; p++)
        v->pinned[p] = true;
    key(v, ' ');
    view_tick(v, 1e6);
    for (int p = 0; p < FOCUS_COUNT; p++)
        ck_assert_msg(!v->pinned[p], "pane %d still pinned after playback", p);
    fixture_close(&f);
}
END_TEST

static bool overlap(Rect a, Rect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/* Every size from tiny to huge, for a narrow and the widest scenario,
 * with the usual panes, every pane, and a presentation set: what is shown
 * is on screen, non-empty, without overlaps, and the screen is used to its
 * last row. */
START_TEST(test_layout_all_sizes)
{
    static const char *const files[] = {"scenarios/gather.py", "scenarios/producer_consumer.py"};
    static const char *const sets[] = {NULL, "code,tasks,log,output,notes,caption,timeline", "code,tasks,caption,output",
                                       "code", "log,notes"};
    for (size_t fi = 0; fi < 2; fi++) {
        Fixture f;
        fixture_open_file(&f, files[fi]);
        for (size_t si = 0; si < sizeof sets / sizeof sets[0]; si++) {
            char bad[64];
            for (int p = 0; p < PART_COUNT; p++)
                f.v.show[p] = SHOW_AUTO;
            if (sets[si])
                ck_assert(view_set_panes(&f.v, sets[si], bad, sizeof bad));
            for (int w = 1; w <= 260; w += (w < 70 ? 1 : 7)) {
                for (int h = 1; h <= 90; h += (h < 30 ? 1 : 5)) {
                    Layout l = layout_compute(&f.v, w, h);
                    if (w < LAYOUT_MIN_W || h < LAYOUT_MIN_H) {
                        ck_assert(l.too_small);
                        continue;
                    }
                    ck_assert(!l.too_small);
                    Rect rs[3 + FOCUS_COUNT] = {l.header, l.caption, l.timeline};
                    bool want[3 + FOCUS_COUNT] = {true, view_shown(&f.v, PART_CAPTION, w),
                                                  view_shown(&f.v, PART_TIMELINE, w)};
                    int bottom = 0;
                    for (int p = 0; p < FOCUS_COUNT; p++) {
                        rs[3 + p] = l.box[p];
                        want[3 + p] = view_shown(&f.v, p, w);
                        if (want[3 + p] && l.box[p].y + l.box[p].h > bottom)
                            bottom = l.box[p].y + l.box[p].h;
                    }
                    int nr = 3 + FOCUS_COUNT;
                    for (int i = 0; i < nr; i++) {
                        if (!want[i]) {
                            ck_assert_msg(rs[i].w == 0, "%dx%d set %zu: hidden rect %d shown", w, h, si, i);
                            continue;
                        }
                        ck_assert_msg(rs[i].w > 0 && rs[i].h > 0, "%dx%d set %zu: rect %d empty", w, h, si, i);
                        ck_assert_msg(rs[i].x >= 0 && rs[i].y >= 0 && rs[i].x + rs[i].w <= w && rs[i].y + rs[i].h <= h,
                                      "%dx%d: rect %d off screen", w, h, i);
                        for (int j = i + 1; j < nr; j++)
                            ck_assert_msg(!want[j] || !overlap(rs[i], rs[j]), "%dx%d set %zu: rects %d and %d overlap",
                                          w, h, si, i, j);
                    }
                    if (want[3 + FOCUS_CODE])
                        ck_assert_int_ge(l.box[FOCUS_CODE].h, 4);
                    if (want[3 + FOCUS_TASKS])
                        ck_assert_int_ge(l.box[FOCUS_TASKS].h, 4);
                    ck_assert_msg(bottom == h, "%dx%d set %zu: the panes end at row %d", w, h, si, bottom);
                }
            }
        }
        fixture_close(&f);
    }
}
END_TEST

static char *frame_text(View *v, int w, int h, bool ascii)
{
    Grid *g = grid_new(w, h, ascii);
    frame_draw(v, g);
    char *text = fixture_grid_text(g);
    grid_free(g);
    return text;
}

START_TEST(test_frames_deterministic_every_step)
{
    Fixture f;
    fixture_open_file(&f, "scenarios/gather.py");
    View *v = &f.v;
    for (size_t i = 0; i < view_nsteps(v); i++) {
        view_seek(v, i);
        char *a = frame_text(v, 100, 30, false);
        char *b = frame_text(v, 100, 30, false);
        ck_assert_str_eq(a, b);
        char step[32];
        snprintf(step, sizeof step, "%zu/%zu", i + 1, view_nsteps(v));
        ck_assert_msg(strstr(a, step) != NULL, "frame at step %zu lacks '%s'", i + 1, step);
        free(a);
        free(b);
    }
    fixture_close(&f);
}
END_TEST

START_TEST(test_frames_any_size)
{
    Fixture f;
    fixture_open_file(&f, "scenarios/dashboard.py");
    View *v = &f.v;
    view_seek(v, view_nsteps(v) / 2);
    v->help = (_i % 2) == 1;
    for (int w = 1; w <= 220; w += 9) {
        for (int h = 1; h <= 70; h += 5) {
            char *s = frame_text(v, w, h, _i >= 2);
            /* exactly h lines, none longer than w cells (ASCII mode: bytes) */
            int lines = 0;
            for (char *p = s; *p; lines++) {
                char *nl = strchr(p, '\n');
                ck_assert(nl != NULL);
                if (_i >= 2)
                    ck_assert_int_le((int)(nl - p), w);
                p = nl + 1;
            }
            ck_assert_int_eq(lines, h);
            if (w < LAYOUT_MIN_W || h < LAYOUT_MIN_H)
                ck_assert_msg(w < 9 || strstr(s, "too small"), "%dx%d:\n%s", w, h, s);
            if ((w < LAYOUT_MIN_W || h < LAYOUT_MIN_H) && w >= 10 && h >= 3)
                ck_assert_msg(strstr(s, "need 60x16") && strstr(s, "q"), "%dx%d:\n%s", w, h, s);
            free(s);
        }
    }
    fixture_close(&f);
}
END_TEST

/* Open path (a fixture) with a w x h grid for whole frames. */
static Grid *open_with_grid(Fixture *f, const char *path, int w, int h)
{
    fixture_open_file(f, path);
    return grid_new(w, h, false);
}

static void close_with_grid(Fixture *f, Grid *g)
{
    grid_free(g);
    fixture_close(f);
}

/* The text of the pane with focus f in the last frame, row by row. */
static char *pane_text(const View *v, Grid *g, Focus f)
{
    Rect r = v->lay.box[f];
    size_t cap = (size_t)(r.w * 4 + 2) * (size_t)(r.h > 0 ? r.h : 1) + 1, n = 0;
    char *out = calloc(cap, 1);
    for (int y = r.y; y < r.y + r.h; y++) {
        const char *row = fixture_cells(g, r.x, y, r.w, true);
        n += (size_t)snprintf(out + n, cap - n, "%s\n", row);
    }
    return out;
}

/* 1-5 show and hide panes, and the freed room goes to the others; 0
 * brings back the usual set; Tab skips hidden panes; --panes lists; no
 * key hints unless asked. */
START_TEST(test_pane_toggles)
{
    Fixture f;
    Grid *g = open_with_grid(&f, "scenarios/gather.py", 100, 30);
    View *v = &f.v;
    frame_draw(v, g);
    ck_assert(v->lay.box[FOCUS_LOG].w > 0 && v->lay.box[FOCUS_OUTPUT].w > 0);
    ck_assert_int_eq(v->lay.box[FOCUS_NOTES].w, 0); /* notes from 140 columns */
    int log_w = v->lay.box[FOCUS_LOG].w;
    ck_assert_int_eq(key(v, '4'), ACT_REDRAW); /* output off: the log takes its room */
    frame_draw(v, g);
    ck_assert_int_eq(v->lay.box[FOCUS_OUTPUT].w, 0);
    ck_assert_int_gt(v->lay.box[FOCUS_LOG].w, log_w);
    ck_assert_ptr_nonnull(strstr(v->status, "output pane hidden"));
    key(v, '5'); /* notes on */
    frame_draw(v, g);
    ck_assert_int_gt(v->lay.box[FOCUS_NOTES].w, 0);
    char *t = pane_text(v, g, FOCUS_NOTES);
    ck_assert_msg(strstr(t, "Two fetches at once with asyncio.gather") && strstr(t, "Promise.all"), "%s", t);
    free(t);
    int code_h = v->lay.box[FOCUS_CODE].h;
    key(v, '3'); /* the whole bottom row gone: the main area grows */
    key(v, '5');
    frame_draw(v, g);
    ck_assert_int_eq(v->lay.box[FOCUS_LOG].w, 0);
    ck_assert_int_gt(v->lay.box[FOCUS_CODE].h, code_h);
    key(v, '2'); /* no tasks: the code has the main area to itself */
    frame_draw(v, g);
    ck_assert_int_eq(v->lay.box[FOCUS_TASKS].w, 0);
    ck_assert_int_eq(v->lay.box[FOCUS_CODE].w, 100);
    /* Tab goes round the panes on screen only */
    for (int i = 0; i < 6; i++) {
        key(v, K_TAB);
        ck_assert_int_eq(v->focus, FOCUS_CODE);
    }
    key(v, '0');
    frame_draw(v, g);
    ck_assert(v->lay.box[FOCUS_TASKS].w > 0 && v->lay.box[FOCUS_LOG].w > 0 && v->lay.box[FOCUS_OUTPUT].w > 0);

    char bad[64];
    ck_assert(!view_set_panes(v, "code,taks", bad, sizeof bad));
    ck_assert_str_eq(bad, "taks");
    ck_assert(!view_set_panes(v, "code,,tasks", bad, sizeof bad));
    ck_assert(view_set_panes(v, "code,tasks,caption,output", bad, sizeof bad));
    frame_draw(v, g);
    ck_assert_int_eq(v->lay.box[FOCUS_LOG].w, 0);
    ck_assert_int_eq(v->lay.timeline.w, 0);
    ck_assert(v->lay.caption.w > 0 && v->lay.box[FOCUS_OUTPUT].w > 0);

    /* frames, SVGs and casts have no key hints unless asked */
    view_seek(v, view_nsteps(v) - 1);
    v->status[0] = 0;
    v->hints = false;
    frame_draw(v, g);
    t = fixture_grid_text(g);
    ck_assert_msg(!strstr(t, "? help") && !strstr(t, "paused") && !strstr(t, "r restarts"), "%s", t);
    free(t);
    v->hints = true;
    frame_draw(v, g);
    t = fixture_grid_text(g);
    ck_assert_msg(strstr(t, "? help") && strstr(t, "paused") && strstr(t, "r restarts"), "%s", t);
    free(t);
    close_with_grid(&f, g);
}
END_TEST

/* The output pane holds exactly the printed lines of the steps so far,
 * the one the current step printed highlighted; it is not the log. */
START_TEST(test_output_pane)
{
    Fixture f;
    Grid *g = open_with_grid(&f, "scenarios/settimeout_order.py", 100, 40);
    View *v = &f.v;
    size_t n = view_nsteps(v), prints = 0;
    for (size_t i = 0; i < n; i++) {
        const Step *st = rec_step_at(v->rec, i);
        view_seek(v, i);
        frame_draw(v, g);
        char *t = pane_text(v, g, FOCUS_OUTPUT);
        if (st->kind == SK_PRINT) {
            prints++;
            const char *line = rec_str(v->rec, st->text);
            ck_assert_msg(strstr(t, line), "step %zu: '%s' missing:\n%s", i + 1, line, t);
            Rect r = v->lay.box[FOCUS_OUTPUT];
            bool lit = false;
            for (int y = r.y + 1; y < r.y + r.h - 1; y++)
                if (strstr(fixture_cells(g, r.x + 1, y, r.w - 2, true), line) && grid_at(g, r.x + 2, y)->style == ST_LOG_CURRENT)
                    lit = true;
            ck_assert_msg(lit, "step %zu: '%s' not highlighted", i + 1, line);
        }
        ck_assert_msg(!strstr(t, "[0.00]") && !strstr(t, "print:"), "step %zu: log lines in the output:\n%s", i + 1, t);
        if (prints == 0)
            ck_assert_msg(strstr(t, "nothing printed yet"), "%s", t);
        free(t);
    }
    ck_assert_uint_ge(prints, 3);
    close_with_grid(&f, g);
}
END_TEST

/* < and > scroll the code sideways, within its longest line. */
START_TEST(test_code_sideways)
{
    Fixture f;
    Grid *g = open_with_grid(&f, "scenarios/producer_consumer.py", 100, 30);
    View *v = &f.v;
    frame_draw(v, g);
    key(v, '<');
    ck_assert_int_eq(v->hscroll, 0);
    ck_assert_int_eq(v->focus, FOCUS_CODE);
    key(v, '>');
    ck_assert_int_eq(v->hscroll, 8);
    frame_draw(v, g);
    char *t = pane_text(v, g, FOCUS_CODE);
    ck_assert_msg(strstr(t, "col 9"), "%s", t);
    free(t);
    for (int i = 0; i < 100; i++)
        key(v, '>');
    ck_assert_int_lt(v->hscroll, 40); /* as far as the longest line needs */
    for (int i = 0; i < 100; i++)
        key(v, '<');
    ck_assert_int_eq(v->hscroll, 0);
    close_with_grid(&f, g);
}
END_TEST

Suite *view_suite(void)
{
    Suite *s = suite_create("view");
    TCase *tc = tcase_create("view");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_title_from_docstring);
    tcase_add_test(tc, test_title_without_docstring);
    tcase_add_test(tc, test_step_keys);
    tcase_add_test(tc, test_moment_keys);
    tcase_add_test(tc, test_goto_prompt);
    tcase_add_test(tc, test_speed_bounds);
    tcase_add_test(tc, test_playback_timing);
    tcase_add_test(tc, test_pause_has_no_timer);
    tcase_add_test(tc, test_clock_moves_through_gaps);
    tcase_add_test(tc, test_no_steps_seek_time);
    tcase_add_test(tc, test_focus_help_quit);
    tcase_add_test(tc, test_move_unpins_every_pane);
    tcase_add_test(tc, test_layout_all_sizes);
    tcase_add_test(tc, test_growing_edge);
    tcase_add_test(tc, test_frames_deterministic_every_step);
    tcase_add_test(tc, test_pane_toggles);
    tcase_add_test(tc, test_output_pane);
    tcase_add_test(tc, test_code_sideways);
    tcase_add_loop_test(tc, test_frames_any_size, 0, 4);
    suite_add_tcase(s, tc);
    return s;
}
