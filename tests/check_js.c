/* check_js.c: the JavaScript side through its one entry point (js.h), plus
 * Number::toString's shortest form (objects/value.h).
 * Owns: the js suite. Each case loads a small scenario from memory, runs it
 * and reads the language-neutral recording back: the trace lines in Node's
 * order, located load errors, the exit status, and the cards the viewer
 * shows (an async call ends DONE with its result). The byte-for-byte
 * comparison with Node lives in tests/run_cases_js.sh. */
#include "suites.h"

#include "../src/js/js.h"
#include "../src/js/objects/value.h"
#include "../src/record/trace.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Run text as a scenario; returns js_run's status, the trace in *trace
 * (caller frees) and the recording in *rec (caller frees, may be NULL). */
static int run_js(const char *text, char **trace, Recording **rec, LangError *err)
{
    Source *src = source_from_string("case.js", text, strlen(text));
    Recording *r = NULL;
    int st = js_run(src, NULL, &r, err);
    size_t n = 0;
    *trace = NULL;
    FILE *m = open_memstream(trace, &n);
    if (r)
        trace_write(r, m);
    fclose(m);
    if (rec)
        *rec = r;
    else if (r)
        rec_free(r);
    source_free(src);
    return st;
}

static void expect_trace(const char *text, const char *want, int want_status)
{
    char *got;
    LangError err = {0};
    int st = run_js(text, &got, NULL, &err);
    ck_assert_int_eq(st, want_status);
    ck_assert_str_eq(got, want);
    free(got);
}

START_TEST(test_a_c_b)
{
    expect_trace("console.log('A');\n"
                 "setTimeout(() => console.log('B'), 0);\n"
                 "Promise.resolve().then(() => console.log('C'));\n",
                 "0.000 print A\n0.000 print C\n0.001 print B\n0.001 end\n", 0);
}
END_TEST

START_TEST(test_ticks_then_microtasks)
{
    expect_trace("Promise.resolve().then(() => console.log('p'));\n"
                 "process.nextTick(() => console.log('t'));\n"
                 "queueMicrotask(() => console.log('q'));\n",
                 "0.000 print t\n0.000 print p\n0.000 print q\n0.000 end\n", 0);
}
END_TEST

START_TEST(test_await_thenable_extra_turns)
{
    /* the thenable's then runs in a job first, so 'got' comes after p1
     * (a plain `await 1` would come before it); Node prints the same */
    expect_trace("const t = { then(r) { r(1); } };\n"
                 "(async () => { await t; console.log('got'); })();\n"
                 "Promise.resolve().then(() => console.log('p1')).then(() => console.log('p2'))"
                 ".then(() => console.log('p3'));\n",
                 "0.000 print p1\n0.000 print got\n0.000 print p2\n0.000 print p3\n0.000 end\n", 0);
}
END_TEST

START_TEST(test_virtual_clock)
{
    expect_trace("setTimeout(() => console.log(Date.now()), 2500);\n", "2.500 print 2500\n2.500 end\n", 0);
}
END_TEST

START_TEST(test_unhandled_and_error)
{
    expect_trace("Promise.reject(new RangeError('x'));\nsetTimeout(() => console.log('no'), 0);\n",
                 "0.000 unhandled RangeError\n", 1);
    expect_trace("setTimeout(() => { throw 'boom'; }, 10);\n", "0.010 error string\n", 1);
}
END_TEST

START_TEST(test_inspect)
{
    expect_trace("console.log({ a: [1, 'x'], b: null }, -0, [1, 2, 3, 4, 5, 6, 7]);\n",
                 "0.000 print { a: [ 1, 'x' ], b: null } -0 [\n"
                 "0.000 print   1, 2, 3, 4,\n0.000 print   5, 6, 7\n0.000 print ]\n0.000 end\n",
                 0);
}
END_TEST

START_TEST(test_load_errors_located)
{
    char *got;
    LangError err = {0};
    ck_assert_int_eq(run_js("let x = 1;\nlet y = ) 2;\n", &got, NULL, &err), 2);
    ck_assert_int_eq(err.line, 2);
    ck_assert_int_eq(err.col, 9);
    ck_assert_ptr_nonnull(strstr(err.msg, "Unexpected token ')'"));
    free(got);
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(run_js("\n  const fs = require('fs');\n", &got, NULL, &err), 2);
    ck_assert_int_eq(err.line, 2);
    ck_assert_ptr_nonnull(strstr(err.msg, "require() is refused"));
    free(got);
}
END_TEST

START_TEST(test_async_card_done)
{
    char *got;
    Recording *r;
    LangError err = {0};
    ck_assert_int_eq(run_js("async function five() { await null; return 5; }\nfive();\n", &got, &r, &err), 0);
    bool found = false;
    for (int k = 0; k < rec_ntasks(r); k++) {
        TaskView tv;
        ck_assert(rec_task_at(r, k, rec_nsteps(r) - 1, &tv));
        if (!strcmp(tv.coro, "five()")) {
            found = true;
            ck_assert_int_eq(tv.state, TS_DONE);
            ck_assert_str_eq(tv.label, "= 5");
        }
    }
    ck_assert(found);
    rec_free(r);
    free(got);
}
END_TEST

/* --until stops a JavaScript run too, as a stated limit at that time,
 * and js_load/js_exec (the viewer's background run) make the same trace. */
START_TEST(test_until)
{
    const char *text = "let n = 0;\nsetInterval(() => console.log('tick', ++n), 1000);\n";
    Source *src = source_from_string("case.js", text, strlen(text));
    LangError err = {0};
    JsOptions o = {.until_set = true, .until = 2.5};
    JsRun *run = js_load(src, &o, &err);
    ck_assert_ptr_nonnull(run);
    Recording *r = js_recording(run);
    ck_assert_int_eq(js_exec(run), 1);
    char *got = NULL;
    size_t n = 0;
    FILE *m = open_memstream(&got, &n);
    trace_write(r, m);
    fclose(m);
    ck_assert_str_eq(got, "1.000 print tick 1\n2.000 print tick 2\n2.500 limit the run reached its time limit, "
                          "t = 2.5 (--until); the scenario was stopped there\n");
    free(got);
    rec_free(r);
    source_free(src);
}
END_TEST

/* The internals snapshot's entries of one kind (a letter), words resolved,
 * one per line, into out. */
static void snapshot_entries(const Recording *r, size_t step, char letter, Buf *out)
{
    char *snap = xstrdup(rec_internals_at(r, step));
    Buf scratch;
    buf_init(&scratch);
    for (char *line = strtok(snap, "\n"); line; line = strtok(NULL, "\n"))
        if (line[0] == letter) {
            buf_puts(out, rec_words_s(r, line + 1, &scratch));
            buf_putc(out, '\n');
        }
    buf_free(&scratch);
    xfree(snap);
}

/* The step where the main script ends: the queues as Node holds them. */
START_TEST(test_internals_queues)
{
    char *got;
    Recording *r;
    LangError err = {0};
    ck_assert_int_eq(run_js("setTimeout(function tick() {}, 5);\n"
                            "setImmediate(() => {});\n"
                            "Promise.resolve().then(() => 1);\n"
                            "queueMicrotask(function later() {});\n"
                            "process.nextTick(() => {});\n",
                            &got, &r, &err),
                     0);
    size_t end = SIZE_MAX;
    for (size_t i = 0; i < rec_nsteps(r) && end == SIZE_MAX; i++) {
        const Step *st = rec_step_at(r, i);
        if (st->kind == SK_SUSPEND && st->task == 0)
            end = i;
    }
    ck_assert(end != SIZE_MAX);
    static const struct {
        size_t at; /* steps after the script's end */
        char letter;
        const char *want;
    } cases[] = {
        {0, 'H', "turn 0 \u00b7 after the main script\n"},
        {0, 'S', ""},
        {0, 'N', "callback (line 5)\n"},
        {0, 'M', "then callback (line 3)\nqueueMicrotask callback later() (line 4)\n"},
        {0, 'T', "0.005\tsetTimeout 5ms (line 1)\tcallback tick() (line 1)\n"},
        {0, 'X', "callback (line 2)\n"},
        /* one step on, the nextTick callback is on the stack and off its queue */
        {1, 'S', "nextTick callback (line 5) \u00b7 runs now\n"},
        {1, 'N', ""},
    };
    Buf b;
    buf_init(&b);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        buf_clear(&b);
        snapshot_entries(r, end + cases[i].at, cases[i].letter, &b);
        ck_assert_str_eq(b.s ? b.s : "", cases[i].want);
    }
    buf_free(&b);
    rec_free(r);
    free(got);
}
END_TEST

/* A label that says what awaits what, live, and a then callback's card. */
START_TEST(test_cards_and_labels)
{
    char *got;
    Recording *r;
    LangError err = {0};
    ck_assert_int_eq(run_js("const sleep = (ms) => new Promise((res) => setTimeout(res, ms));\n"
                            "async function main() {\n"
                            "  await Promise.all([sleep(100), sleep(200)]);\n"
                            "}\n"
                            "main().then(() => 3);\n",
                            &got, &r, &err),
                     0);
    int seen_two = 0, seen_one = 0, then_done = 0;
    Buf scratch;
    buf_init(&scratch);
    for (int k = 0; k < rec_ntasks(r); k++)
        for (size_t c = 0; c < rec_task_nchanges(r, k); c++) {
            TaskView tv;
            ck_assert(rec_task_at(r, k, rec_task_change_step(r, k, c), &tv));
            const char *label = rec_words_s(r, tv.label, &scratch);
            seen_two += !strcmp(label, "await Promise.all: 2 of 2 pending");
            seen_one += !strcmp(label, "await Promise.all: 1 of 2 pending");
            then_done += !strcmp(rec_task_label(r, k), "then callback (line 5)") && tv.state == TS_DONE &&
                         !strcmp(label, "= 3");
        }
    buf_free(&scratch);
    ck_assert_int_eq(seen_two, 1);
    ck_assert_int_eq(seen_one, 1);
    ck_assert_int_eq(then_done, 1);
    rec_free(r);
    free(got);
    /* a callback card names the promise it waits on when the receiver is a
     * name or a chain of names, and not when it is a call (p is fulfilled:
     * the catch passes it on without a callback of its own) */
    ck_assert_int_eq(run_js("const p = Promise.resolve(2);\n"
                            "p.then((v) => v + 1);\n"
                            "const box = {ready: p};\n"
                            "box.ready.then(function show() {});\n"
                            "p.catch(() => 0).then(() => 1);\n",
                            &got, &r, &err),
                     0);
    static const char *const want[] = {"then callback of p (line 2)", "then callback show() of box.ready (line 4)",
                                       "then callback (line 5)"};
    for (size_t w = 0; w < sizeof want / sizeof want[0]; w++) {
        int found = 0;
        for (int k = 0; k < rec_ntasks(r); k++)
            found += !strcmp(rec_task_label(r, k), want[w]);
        ck_assert_msg(found == 1, "no card labelled '%s'", want[w]);
    }
    rec_free(r);
    free(got);
}
END_TEST

START_TEST(test_number_fmt)
{
    static const struct {
        double d;
        const char *s;
    } cases[] = {
        {0.1 + 0.2, "0.30000000000000004"}, {1e21, "1e+21"}, {1e-7, "1e-7"}, {123456789012.0, "123456789012"},
        {0.000001, "0.000001"}, {-1.5, "-1.5"}, {5e-324, "5e-324"}, {100, "100"},
    };
    char buf[64];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        js_number_fmt(cases[i].d, buf, sizeof buf);
        ck_assert_str_eq(buf, cases[i].s);
    }
}
END_TEST

Suite *js_suite(void)
{
    Suite *s = suite_create("js");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_a_c_b);
    tcase_add_test(tc, test_ticks_then_microtasks);
    tcase_add_test(tc, test_await_thenable_extra_turns);
    tcase_add_test(tc, test_virtual_clock);
    tcase_add_test(tc, test_unhandled_and_error);
    tcase_add_test(tc, test_inspect);
    tcase_add_test(tc, test_load_errors_located);
    tcase_add_test(tc, test_async_card_done);
    tcase_add_test(tc, test_number_fmt);
    tcase_add_test(tc, test_until);
    tcase_add_test(tc, test_internals_queues);
    tcase_add_test(tc, test_cards_and_labels);
    suite_add_tcase(s, tc);
    return s;
}
