/* check_stops.c: workshop mode. A presenter's stops: the pause directives
 * (src/base/directive.c), where they fall in a recording
 * (src/record/stops.c), playback pausing at them and the . and , keys
 * (src/view/view.c), and the banner (src/view/pane_banner.c); the
 * scenario list (src/base/catalog.c, src/view/picker.c); two runs side by
 * side (src/view/compare.c); the projector theme (src/view/theme.c); the
 * predict-mode questions (src/record/quiz.c).
 * Owns: the stops suite. Recordings are real runs of small scenarios. */
#include "suites.h"

#include "fixture.h"

#include "../src/base/directive.h"
#include "../src/record/quiz.h"
#include "../src/record/stops.h"
#include "../src/base/catalog.h"
#include "../src/view/compare.h"
#include "../src/view/frame.h"
#include "../src/view/picker.h"

#include <stdlib.h>
#include <string.h>

static void parse(const char *text, const char *marker, Directives *ds)
{
    directive_parse_text(text, strlen(text), marker, ds);
}

START_TEST(test_directive_forms)
{
    Directives ds;
    parse("x = 1  # loopscope: pause\n"
          "# loopscope: pause: the note  \n"
          "\n"
          "#  another comment\n"
          "y = 2\n"
          "z = 3 #loopscope:pause:tight\n",
          "#", &ds);
    ck_assert_uint_eq(ds.nw, 0);
    ck_assert_uint_eq(ds.n, 3);
    ck_assert_int_eq(ds.d[0].line, 1);
    ck_assert_str_eq(ds.d[0].note, "");
    ck_assert_int_eq(ds.d[1].line, 5); /* on its own line: the next line of code */
    ck_assert_int_eq(ds.d[1].at, 2);
    ck_assert_str_eq(ds.d[1].note, "the note");
    ck_assert_int_eq(ds.d[2].line, 6);
    ck_assert_str_eq(ds.d[2].note, "tight");
    directive_free(&ds);
}
END_TEST

START_TEST(test_directive_warnings)
{
    Directives ds;
    parse("a = 1  # loopscope: paws\n"        /* unknown: located at the word */
          "b = 2  # loopscope pause\n"        /* no colon */
          "c = 3  # loopscope:\n"             /* empty */
          "d = 4  # loopscope: pause now\n"   /* text without a colon */
          "e = 'a#loopscope: pause'\n"        /* not after a space: not one */
          "# loopscope: net GET https://x/ 0.3s {}\n" /* another feature's: not a warning */
          "# loopscope: pause: nothing after it\n",
          "#", &ds);
    ck_assert_uint_eq(ds.n, 0);
    ck_assert_uint_eq(ds.nw, 5);
    ck_assert_int_eq(ds.w[0].line, 1);
    ck_assert_int_eq(ds.w[0].col, 21);
    ck_assert_ptr_nonnull(strstr(ds.w[0].msg, "unknown loopscope directive 'paws'"));
    ck_assert_int_eq(ds.w[1].line, 2);
    ck_assert_int_eq(ds.w[1].col, 8);
    ck_assert_ptr_nonnull(strstr(ds.w[1].msg, "':'"));
    ck_assert_int_eq(ds.w[2].line, 3);
    ck_assert_ptr_nonnull(strstr(ds.w[2].msg, "empty"));
    ck_assert_int_eq(ds.w[3].line, 4);
    ck_assert_int_eq(ds.w[3].col, 27);
    ck_assert_ptr_nonnull(strstr(ds.w[3].msg, "'now'"));
    ck_assert_int_eq(ds.w[4].line, 7);
    ck_assert_ptr_nonnull(strstr(ds.w[4].msg, "no line of code"));
    directive_free(&ds);
}
END_TEST

START_TEST(test_directive_js_marker)
{
    Directives ds;
    ck_assert_str_eq(directive_marker("a/b.js"), "//");
    ck_assert_str_eq(directive_marker("a/b.py"), "#");
    parse("// loopscope: pause: first\n"
          "let a = 1; // loopscope: pause\n"
          "let b = 2; # loopscope: pause\n",
          "//", &ds);
    ck_assert_uint_eq(ds.n, 2);
    ck_assert_int_eq(ds.d[0].line, 2);
    ck_assert_str_eq(ds.d[0].note, "first");
    ck_assert_int_eq(ds.d[1].line, 2);
    directive_free(&ds);
    /* a column counts characters, not bytes */
    parse("s = 'é'  # loopscope: nope\n", "#", &ds);
    ck_assert_uint_eq(ds.nw, 1);
    ck_assert_int_eq(ds.w[0].col, 23);
    directive_free(&ds);
}
END_TEST

static const char lesson[] = "import asyncio\n"
                             "async def work(n):\n"
                             "    print(n)  # loopscope: pause: printing\n"
                             "    await asyncio.sleep(n)\n"
                             "async def main():\n"
                             "    await asyncio.gather(work(1), work(2))\n"
                             "asyncio.run(main())\n";

/* The stops of f's recording with the directives of its source. */
static Stops *stops_of(Fixture *f, Directives *ds, unsigned events)
{
    directive_parse(f->src, ds);
    return stops_new(f->rec, ds, events);
}

/* The lesson recorded, with its stops on the view. */
typedef struct Lesson {
    Fixture f;
    Directives ds;
    Stops *stops;
} Lesson;

static void lesson_open(Lesson *l)
{
    fixture_open_text(&l->f, "lesson.py", lesson);
    l->stops = stops_of(&l->f, &l->ds, 0);
    l->f.v.stops = l->stops;
}

static void lesson_close(Lesson *l)
{
    stops_free(l->stops);
    directive_free(&l->ds);
    fixture_close(&l->f);
}

START_TEST(test_stops_in_recording)
{
    Fixture f;
    fixture_open_text(&f, "lesson.py", lesson);
    Directives ds;
    Stops *s = stops_of(&f, &ds, 0);
    ck_assert_uint_eq(stops_count(s), 2); /* each task comes to line 3 once */
    for (size_t i = 0; i < 2; i++) {
        const Stop *st = stops_get(s, i);
        ck_assert_int_eq(st->line, 3);
        ck_assert_str_eq(st->note, "printing");
        ck_assert_int_eq(stops_find(s, st->step), (long)i);
        ck_assert_uint_eq(stops_reached(s, st->step), i + 1);
    }
    ck_assert_uint_lt(stops_get(s, 0)->step, stops_get(s, 1)->step);
    ck_assert_int_eq(stops_find(s, 0), -1);
    ck_assert_uint_eq(stops_reached(s, 0), 0);
    stops_free(s);
    directive_free(&ds); /* stops_of parses them again */
    /* events: every print, and every task start, merged one per step */
    s = stops_of(&f, &ds, STOP_ON_PRINT | STOP_ON_START | STOP_ON_DONE);
    size_t prints = 0, starts = 0, dones = 0;
    for (size_t i = 0; i < rec_nsteps(f.rec); i++) {
        StepKind k = (StepKind)rec_step_at(f.rec, i)->kind;
        prints += k == SK_PRINT, starts += k == SK_START, dones += k == SK_DONE;
        if ((k == SK_PRINT || k == SK_START || k == SK_DONE) && stops_find(s, i) < 0)
            ck_abort_msg("step %zu (%d) is not a stop", i, (int)k);
    }
    ck_assert_uint_eq(prints, 2);
    ck_assert_uint_eq(starts, 3);
    ck_assert_uint_ge(stops_count(s), prints + starts + dones - 2); /* a directive's step may be an event's too */
    stops_free(s);
    directive_free(&ds);
    fixture_close(&f);
}
END_TEST

START_TEST(test_pause_on_parse)
{
    unsigned m = 0;
    char bad[64];
    ck_assert(stops_parse_events("print,block", &m, bad, sizeof bad));
    ck_assert_uint_eq(m, STOP_ON_PRINT | STOP_ON_BLOCK);
    ck_assert(!stops_parse_events("print,prnt", &m, bad, sizeof bad));
    ck_assert_str_eq(bad, "prnt");
    ck_assert(!stops_parse_events("print,", &m, bad, sizeof bad));
    ck_assert_str_eq(bad, "");
}
END_TEST

static Action press(View *v, int k)
{
    Input in = {.key = k};
    return view_key(v, &in);
}

/* Play as the app does: tick by the view's own delay until it stops. */
static void play_until_paused(View *v)
{
    press(v, ' ');
    for (int i = 0; i < 100000 && v->playing; i++)
        view_tick(v, view_tick_delay(v));
}

START_TEST(test_playback_pauses_at_stops)
{
    Lesson l;
    lesson_open(&l);
    Stops *s = l.stops;
    View *v = &l.f.v;
    play_until_paused(v);
    ck_assert_uint_eq(v->step, stops_get(s, 0)->step);
    ck_assert_int_eq(view_at_stop(v), 0);
    play_until_paused(v);
    ck_assert_uint_eq(v->step, stops_get(s, 1)->step);
    play_until_paused(v);
    ck_assert_uint_eq(v->step, view_nsteps(v) - 1); /* no more stops: to the end */
    /* the keys: . and , from anywhere */
    view_seek(v, 0);
    ck_assert_int_eq(press(v, '.'), ACT_REDRAW);
    ck_assert_uint_eq(v->step, stops_get(s, 0)->step);
    press(v, '.');
    ck_assert_uint_eq(v->step, stops_get(s, 1)->step);
    press(v, '.');
    ck_assert_uint_eq(v->step, stops_get(s, 1)->step);
    ck_assert_ptr_nonnull(strstr(v->status, "no stop after"));
    press(v, ',');
    ck_assert_uint_eq(v->step, stops_get(s, 0)->step);
    press(v, ',');
    ck_assert_uint_eq(v->step, stops_get(s, 0)->step);
    ck_assert_ptr_nonnull(strstr(v->status, "no stop before"));
    view_seek(v, view_nsteps(v) - 1);
    press(v, ',');
    ck_assert_uint_eq(v->step, stops_get(s, 1)->step);
    /* with stop_pause off (exports) playback goes through */
    view_seek(v, 0);
    v->stop_pause = false;
    play_until_paused(v);
    ck_assert_uint_eq(v->step, view_nsteps(v) - 1);
    lesson_close(&l);
}
END_TEST

START_TEST(test_no_stops_key)
{
    Fixture f;
    fixture_open_text(&f, "lesson.py", lesson);
    press(&f.v, '.');
    ck_assert_uint_eq(f.v.step, 0);
    ck_assert_ptr_nonnull(strstr(f.v.status, "no stops"));
    fixture_close(&f);
}
END_TEST

/* The banner takes a row of its own: the code, the columns and the
 * caption keep theirs, none overlap, at every screen size it fits. */
START_TEST(test_banner_covers_nothing)
{
    Lesson l;
    lesson_open(&l);
    Stops *s = l.stops;
    View *v = &l.f.v;
    view_seek(v, stops_get(s, 0)->step);
    int sizes[][2] = {{80, 24}, {100, 30}, {160, 45}, {60, 16}};
    for (size_t i = 0; i < 4; i++) {
        Grid *g = grid_new(sizes[i][0], sizes[i][1], false);
        frame_draw(v, g);
        Rect b = v->lay.banner;
        ck_assert_int_gt(b.w, 0);
        Rect others[] = {v->lay.header, v->lay.box[FOCUS_CODE], v->lay.box[FOCUS_TASKS], v->lay.caption};
        for (size_t k = 0; k < 4; k++) {
            Rect o = others[k];
            bool overlap = o.w > 0 && b.x < o.x + o.w && o.x < b.x + b.w && b.y < o.y + o.h && o.y < b.y + b.h;
            if (overlap)
                ck_abort_msg("%dx%d: the banner overlaps part %zu", sizes[i][0], sizes[i][1], k);
        }
        char *text = fixture_grid_text(g);
        ck_assert_ptr_nonnull(strstr(text, "stop 1/2, line 3: printing"));
        free(text);
        grid_free(g);
    }
    view_seek(v, 0);
    Grid *g = grid_new(100, 30, false);
    frame_draw(v, g);
    ck_assert_int_eq(v->lay.banner.w, 0);
    grid_free(g);
    lesson_close(&l);
}
END_TEST

START_TEST(test_catalog_titles)
{
    static const struct {
        const char *name, *text, *title;
    } cases[] = {
        {"a.py", "#!/usr/bin/env python3\n# a comment\n\"\"\"The title\nmore\n\"\"\"\n", "The title"},
        {"a.py", "'''\n   Second-line title  \n'''\n", "Second-line title"},
        {"a.py", "\"\"\"One line\"\"\"\nimport asyncio\n", "One line"},
        {"a.py", "import asyncio\n", ""},
        {"a.js", "/* Promise.all: three\n * more\n */\n", "Promise.all: three"},
        {"a.js", "/**\n * Star title\n */\n", "Star title"},
        {"a.js", "// Line comment title\nlet a;\n", "Line comment title"},
        {"a.py", "\"\"\"\"\"\"\n", ""}, /* an empty docstring */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char t[64];
        catalog_title(cases[i].name, cases[i].text, t, sizeof t);
        if (strcmp(t, cases[i].title))
            ck_abort_msg("case %zu: got '%s', want '%s'", i, t, cases[i].title);
    }
}
END_TEST

START_TEST(test_picker_keys)
{
    Catalog cat;
    char err[128];
    ck_assert(catalog_load("scenarios", &cat, err, sizeof err));
    ck_assert_uint_gt(cat.n, 10);
    for (size_t i = 1; i < cat.n; i++)
        ck_assert_int_lt(strcmp(cat.e[i - 1].name, cat.e[i].name), 0);
    View v;
    Picker p;
    picker_view(&v, &p, &cat, 0);
    Grid *g = grid_new(80, 24, false);
    frame_draw(&v, g);
    char *text = fixture_grid_text(g);
    ck_assert_ptr_nonnull(strstr(text, "gather.py"));
    ck_assert_ptr_nonnull(strstr(text, "Two fetches at once with asyncio.gather"));
    free(text);
    ck_assert_int_eq(press(&v, K_DOWN), ACT_REDRAW);
    ck_assert_uint_eq(p.sel, 1);
    press(&v, K_UP);
    press(&v, K_UP);
    ck_assert_uint_eq(p.sel, 0);
    press(&v, K_END);
    ck_assert_uint_eq(p.sel, cat.n - 1);
    frame_draw(&v, g); /* the list scrolls to show it */
    text = fixture_grid_text(g);
    ck_assert_ptr_nonnull(strstr(text, cat.e[cat.n - 1].name));
    free(text);
    press(&v, K_PGUP);
    ck_assert_uint_lt(p.sel, cat.n - 1);
    ck_assert_int_eq(press(&v, K_ENTER), ACT_QUIT);
    ck_assert_int_eq(p.chosen, (long)p.sel);
    ck_assert_int_eq(press(&v, 'q'), ACT_QUIT);
    ck_assert_int_eq(p.chosen, -1);
    grid_free(g);
    catalog_free(&cat);
    ck_assert(!catalog_load("src", &cat, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "no scenarios"));
}
END_TEST

START_TEST(test_leave_keys)
{
    Fixture f;
    fixture_open_text(&f, "lesson.py", lesson);
    ck_assert_int_eq(press(&f.v, 'N'), ACT_REDRAW); /* not from a list: says so */
    ck_assert_ptr_nonnull(strstr(f.v.status, "not opened from a list"));
    f.v.from_list = true;
    ck_assert_int_eq(press(&f.v, 'N'), ACT_QUIT);
    ck_assert_int_eq(f.v.leave, VIEW_LEAVE_NEXT);
    ck_assert_int_eq(press(&f.v, K_BACKSPACE), ACT_QUIT);
    ck_assert_int_eq(f.v.leave, VIEW_LEAVE_LIST);
    fixture_close(&f);
}
END_TEST

/* Both halves move through the moments of either run: each shows its
 * run's last step at or before the shared time. */
START_TEST(test_compare_moments)
{
    Fixture a, b;
    fixture_open_file(&a, "scenarios/pair_sequential.py");
    fixture_open_file(&b, "scenarios/pair_gather.py");
    View *va = &a.v, *vb = &b.v;
    compare_pair(va, vb);
    double times[] = {0, 0.5, 0.75, 1.0, 1.5, 2.25};
    for (size_t i = 1; i < sizeof times / sizeof times[0]; i++) {
        press(va, ']');
        ck_assert_double_eq_tol(va->playhead, times[i], 1e-9);
        ck_assert_double_eq_tol(vb->playhead, times[i], 1e-9);
        ck_assert(rec_step_at(va->rec, va->step)->t <= times[i] + 1e-9);
        if (va->step + 1 < view_nsteps(va))
            ck_assert(rec_step_at(va->rec, va->step + 1)->t > times[i] + 1e-9);
        ck_assert(rec_step_at(vb->rec, vb->step)->t <= times[i] + 1e-9);
    }
    press(va, ']');
    ck_assert_ptr_nonnull(strstr(va->status, "both runs are over"));
    press(va, '[');
    ck_assert_double_eq_tol(va->playhead, 1.5, 1e-9);
    ck_assert_uint_eq(vb->step, view_nsteps(vb) - 1); /* B ended at 1.0 */
    press(va, K_HOME);
    ck_assert_double_eq_tol(va->playhead, 0, 1e-9);
    /* playback on the shared clock, to the longer run's end */
    press(va, ' ');
    double played = 0;
    for (int i = 0; i < 100000 && va->playing; i++) {
        double d = view_tick_delay(va);
        played += d;
        view_tick(va, d);
    }
    ck_assert_double_eq_tol(played, 2.25, 0.051);
    ck_assert_double_eq_tol(va->playhead, 2.25, 1e-9);
    Grid *g = grid_new(100, 30, false);
    frame_draw(va, g);
    char *text = fixture_grid_text(g);
    ck_assert_ptr_nonnull(strstr(text, "A: 2.2s, B: 1.0s"));
    ck_assert_ptr_nonnull(strstr(text, "pair_sequential.py"));
    ck_assert_ptr_nonnull(strstr(text, "pair_gather.py"));
    free(text);
    grid_free(g);
    fixture_close(&b);
    fixture_close(&a);
}
END_TEST

/* Every theme tells the four task states apart without colour: in its
 * monochrome form, and the projector theme in colour too. */
START_TEST(test_themes_states_apart)
{
    const Style states[] = {ST_RUNNING, ST_WAITING, ST_READY, ST_DONE};
    for (int proj = 0; proj < 2; proj++) {
        theme_set_projector(proj);
        for (int color = 0; color < 2; color++) {
            if (color && !proj)
                continue; /* dark and light in colour: the colours and the columns */
            for (int i = 0; i < 4; i++)
                for (int j = i + 1; j < 4; j++)
                    if (theme_style(states[i], color).attr == theme_style(states[j], color).attr)
                        ck_abort_msg("projector %d colour %d: states %d and %d look alike without colour", proj,
                                     color, i, j);
        }
    }
    /* the projector theme dims nothing and has its own palette */
    theme_set_projector(true);
    for (int s = 0; s < ST_COUNT; s++)
        ck_assert(!(theme_style((Style)s, true).attr & ATTR_DIM));
    ck_assert_uint_eq(theme_palette_projector()->bg, 0xffffff);
    theme_set_projector(false);
    ck_assert(theme_style(ST_DIM, true).attr & ATTR_DIM);
}
END_TEST

/* Questions come from the recording: the true answer is among the
 * choices, the choices are distinct, and the same recording gives the
 * same questions. */
START_TEST(test_quiz_from_recording)
{
    Lesson l;
    lesson_open(&l);
    Quiz z, again;
    quiz_make(l.f.rec, l.stops, &z);
    quiz_make(l.f.rec, l.stops, &again);
    ck_assert_uint_eq(z.n, 2); /* a question at each stop */
    ck_assert_uint_eq(again.n, z.n);
    ck_assert(!memcmp(z.q, again.q, z.n * sizeof *z.q));
    for (size_t i = 0; i < z.n; i++) {
        const Question *q = &z.q[i];
        ck_assert_uint_eq(q->at, stops_get(l.stops, i)->step);
        ck_assert_int_ge(q->n, 2);
        ck_assert_int_lt(q->answer, q->n);
        for (int a = 0; a < q->n; a++)
            for (int b = a + 1; b < q->n; b++)
                ck_assert_str_ne(q->choice[a], q->choice[b]);
    }
    /* stop 1 asks what prints next: the print on line 3, by work(1) */
    ck_assert_int_eq(z.q[0].kind, QUIZ_PRINT);
    ck_assert_str_eq(z.q[0].choice[z.q[0].answer], "1");
    /* stop 2 asks which task runs line 3 next: the second one */
    ck_assert_int_eq(z.q[1].kind, QUIZ_TASK);
    ck_assert_str_eq(z.q[1].choice[z.q[1].answer], rec_task_label(l.f.rec, rec_step_at(l.f.rec, z.q[1].at)->task));
    ck_assert_int_eq(quiz_between(&z, 0, z.q[0].at), 0);
    ck_assert_int_eq(quiz_between(&z, z.q[0].at, z.q[0].at), -1);
    quiz_free(&again);
    quiz_free(&z);
    /* without stops: a question before each print */
    quiz_make(l.f.rec, NULL, &z);
    ck_assert_uint_eq(z.n, 2);
    for (size_t i = 0; i < z.n; i++)
        ck_assert_int_eq(rec_step_at(l.f.rec, z.q[i].at)->kind, SK_PRINT);
    quiz_free(&z);
    lesson_close(&l);
}
END_TEST

Suite *stops_suite(void)
{
    Suite *s = suite_create("stops");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_directive_forms);
    tcase_add_test(tc, test_directive_warnings);
    tcase_add_test(tc, test_directive_js_marker);
    tcase_add_test(tc, test_stops_in_recording);
    tcase_add_test(tc, test_pause_on_parse);
    tcase_add_test(tc, test_playback_pauses_at_stops);
    tcase_add_test(tc, test_no_stops_key);
    tcase_add_test(tc, test_banner_covers_nothing);
    tcase_add_test(tc, test_catalog_titles);
    tcase_add_test(tc, test_picker_keys);
    tcase_add_test(tc, test_leave_keys);
    tcase_add_test(tc, test_compare_moments);
    tcase_add_test(tc, test_themes_states_apart);
    tcase_add_test(tc, test_quiz_from_recording);
    suite_add_tcase(s, tc);
    return s;
}
