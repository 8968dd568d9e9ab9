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
    suite_add_tcase(s, tc);
    return s;
}
