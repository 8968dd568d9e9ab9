/* check_internals.c: the internals view's snapshots stay what they were.
 * Owns: running every case (tests/cases, tests/cases-js), every shipped
 * scenario and the bench scenarios (cut short by a step limit), reading the
 * internals snapshot of every step with its words resolved (what the pane
 * shows), and comparing digests of those texts, block by block, with
 * tests/internals/expected.txt, which was written by the snapshot code as
 * it was before it recorded changes instead of whole snapshots. Also reads
 * the steps out of order (a seek), which must give the same texts.
 *   INTERNALS_UPDATE=1 build/check_runner   rewrite the expected digests
 *   INTERNALS_DUMP=PATH build/check_runner  print PATH's snapshots, step by step
 * And the writer's caches, on the scenarios in tests/internals: words that change
 * behind a cached entry's back show up changed.
 * (CK_RUN_SUITE=internals runs only this suite.) */
#include "../src/js/js.h"
#include "../src/py/py.h"
#include "suites.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXPECTED "tests/internals/expected.txt"
enum { BLOCK = 512, BENCH_STEPS = 20000 };

/* Step s's snapshot as the pane reads it: each entry's words, task
 * references as labels. Returns text valid until the next call. */
static const char *resolved(const Recording *r, size_t s, Buf *w)
{
    const char *out = rec_words_s(r, rec_internals_at(r, s), w);
    if (out != w->s) {
        buf_clear(w);
        buf_puts(w, out);
    }
    return w->s;
}

static uint64_t fnv(uint64_t h, const char *s)
{
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
    return h;
}

static Recording *run_file(const char *path, size_t max_steps)
{
    LangError err = {0};
    Source *src = source_read(path, &err);
    ck_assert_msg(src != NULL, "%s: %s", path, err.msg);
    Recording *rec = NULL;
    size_t n = strlen(path);
    if (n > 3 && !strcmp(path + n - 3, ".js")) {
        JsOptions o = {.max_steps = max_steps};
        js_run(src, &o, &rec, &err);
    } else {
        SimOptions o = {.max_steps = max_steps};
        sim_run(src, &o, &rec, &err);
    }
    source_free(src);
    return rec;
}

/* "PATH MAX STEPS h1,h2,..." for one scenario (NULL: it does not load). */
static char *digest_line(const char *path, size_t max_steps, Recording **keep)
{
    Recording *r = run_file(path, max_steps);
    if (!r)
        return NULL;
    Buf line, w;
    buf_init(&line);
    buf_init(&w);
    buf_printf(&line, "%s %zu %zu ", path, max_steps, rec_nsteps(r));
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t s = 0; s < rec_nsteps(r); s++) {
        h = fnv(h, resolved(r, s, &w));
        h = fnv(h, "\x1e");
        if ((s + 1) % BLOCK == 0 || s + 1 == rec_nsteps(r)) {
            buf_printf(&line, "%s%016llx", s < BLOCK ? "" : ",", (unsigned long long)h);
            h = 0xcbf29ce484222325ull;
        }
    }
    buf_free(&w);
    *keep = r;
    return line.s;
}

typedef struct Item {
    char path[256];
    size_t max;
} Item;

static int cmp_item(const void *a, const void *b) { return strcmp(((const Item *)a)->path, ((const Item *)b)->path); }

static void add_dir(Item **items, size_t *n, size_t *cap, const char *dir, const char *ext, size_t max)
{
    DIR *d = opendir(dir);
    ck_assert_msg(d != NULL, "no %s (run from the repository root)", dir);
    size_t first = *n;
    for (struct dirent *e; (e = readdir(d));) {
        size_t len = strlen(e->d_name), el = strlen(ext);
        if (len <= el || strcmp(e->d_name + len - el, ext))
            continue;
        if (*n == *cap) {
            *cap = *cap ? *cap * 2 : 256;
            *items = xrealloc(*items, *cap * sizeof **items);
        }
        snprintf((*items)[*n].path, sizeof (*items)[*n].path, "%s/%s", dir, e->d_name);
        (*items)[(*n)++].max = max;
    }
    closedir(d);
    qsort(*items + first, *n - first, sizeof **items, cmp_item);
}

static size_t all_items(Item **items)
{
    size_t n = 0, cap = 0;
    *items = NULL;
    add_dir(items, &n, &cap, "tests/cases", ".py", 0);
    add_dir(items, &n, &cap, "tests/cases-js", ".js", 0);
    add_dir(items, &n, &cap, "scenarios", ".py", 0);
    add_dir(items, &n, &cap, "bench/scenarios", ".py", BENCH_STEPS);
    add_dir(items, &n, &cap, "bench/scenarios", ".js", BENCH_STEPS);
    return n;
}

/* Read some steps again out of order: the same text as in order. */
static void check_seek(const Recording *r, const char *path)
{
    size_t n = rec_nsteps(r);
    if (!n)
        return;
    Buf a, b;
    buf_init(&a);
    buf_init(&b);
    size_t probe[] = {n - 1, n / 2, 0, n / 3, n - 1, 1, n * 2 / 3, n / 7};
    for (size_t i = 0; i < sizeof probe / sizeof probe[0]; i++) {
        size_t s = probe[i] < n ? probe[i] : n - 1;
        char *first = xstrdup(resolved(r, s, &a));
        /* a neighbour in between, then s again */
        resolved(r, s ? s - 1 : s, &b);
        ck_assert_msg(!strcmp(first, resolved(r, s, &a)), "%s: step %zu reads differently the second time", path,
                      s + 1);
        xfree(first);
    }
    buf_free(&a);
    buf_free(&b);
}

START_TEST(test_internals_unchanged)
{
    freopen("/dev/null", "w", stderr); /* the scenarios' own errors */
    const char *dump = getenv("INTERNALS_DUMP");
    if (dump && *dump) {
        Recording *r = run_file(dump, strstr(dump, "bench/") ? BENCH_STEPS : 0);
        Buf w;
        buf_init(&w);
        for (size_t s = 0; r && s < rec_nsteps(r); s++)
            printf("== %zu\n%s", s + 1, resolved(r, s, &w));
        buf_free(&w);
        if (r)
            rec_free(r);
        return;
    }
    Item *items;
    size_t n = all_items(&items);
    bool update = getenv("INTERNALS_UPDATE") && *getenv("INTERNALS_UPDATE");
    FILE *out = update ? fopen(EXPECTED, "w") : NULL;
    Buf want;
    buf_init(&want);
    if (!update) {
        FILE *f = fopen(EXPECTED, "r");
        ck_assert_msg(f != NULL, "no " EXPECTED);
        char chunk[4096];
        size_t k;
        while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
            buf_putn(&want, chunk, k);
        fclose(f);
    }
    int checked = 0, bad = 0;
    for (size_t i = 0; i < n; i++) {
        Recording *r = NULL;
        char *got = digest_line(items[i].path, items[i].max, &r);
        if (!got)
            continue;
        if (update) {
            fprintf(out, "%s\n", got);
        } else {
            /* this scenario's line in the expected file */
            size_t plen = strlen(items[i].path);
            const char *at = want.s, *line = NULL;
            while (at && *at) {
                if (!strncmp(at, items[i].path, plen) && at[plen] == ' ') {
                    line = at;
                    break;
                }
                at = strchr(at, '\n');
                at = at ? at + 1 : NULL;
            }
            ck_assert_msg(line != NULL, "%s: not in " EXPECTED " (INTERNALS_UPDATE=1 adds it)", items[i].path);
            size_t len = strcspn(line, "\n");
            if (len != strlen(got) || strncmp(line, got, len)) {
                /* the first block that differs */
                const char *g = strrchr(got, ' ') + 1, *e = line;
                for (int sp = 0; sp < 3; e++)
                    sp += *e == ' ';
                int block = 0;
                while (*g && *e && *e != '\n' && !strncmp(g, e, 16)) {
                    g += 16 + (g[16] == ',');
                    e += 16 + (e[16] == ',');
                    block++;
                }
                fprintf(stdout, "internals: %s differs from step %d on (INTERNALS_DUMP=%s shows it)\n",
                        items[i].path, block * BLOCK + 1, items[i].path);
                bad++;
            }
            check_seek(r, items[i].path);
        }
        checked++;
        xfree(got);
        rec_free(r);
    }
    if (out)
        fclose(out);
    buf_free(&want);
    xfree(items);
    ck_assert_int_gt(checked, 500);
    ck_assert_msg(bad == 0, "%d scenarios' internals snapshots changed", bad);
}
END_TEST

/* ------------------------------------------------------------ caches
 * The writer keeps words it made (per handle, per task, per primitive)
 * and makes them again only when what they say changed. Each scenario
 * below changes such words behind a cached entry's back; the lines must
 * show up in this order, each as a whole line of some step's snapshot. */

/* Does snapshot text have line as one of its lines? */
static bool has_line(const char *text, const char *line)
{
    size_t n = strlen(line);
    for (const char *at = text; at && *at; at = strchr(at, '\n'), at = at ? at + 1 : NULL)
        if (!strncmp(at, line, n) && (at[n] == '\n' || !at[n]))
            return true;
    return false;
}

static void expect_in_order(const char *path, const char *const *lines, size_t n)
{
    Recording *r = run_file(path, 0);
    ck_assert_msg(r != NULL, "%s did not run", path);
    Buf w;
    buf_init(&w);
    size_t k = 0;
    for (size_t s = 0; s < rec_nsteps(r) && k < n; s++)
        while (k < n && has_line(resolved(r, s, &w), lines[k]))
            k++;
    buf_free(&w);
    rec_free(r);
    ck_assert_msg(k == n, "%s: no step after the one with \"%s\" shows \"%s\" (INTERNALS_DUMP=%s shows them)", path,
                  k ? lines[k - 1] : "(start)", lines[k < n ? k : n - 1], path);
}

START_TEST(test_internals_queued_step_cancelled)
{
    /* the step was queued (its words made then), then its task cancelled */
    static const char *const lines[] = {"Rstep worker", "Rstep worker (to cancel it)",
                                        "Rwake main (task worker cancelled)"};
    expect_in_order("tests/internals/cancel_queued.py", lines, 3);
}
END_TEST

START_TEST(test_internals_task_words_follow_the_task)
{
    /* the same task's wakeups and timers, kept per task: each says what
     * it waits on now (the last wakeup: the same sleep, cancelled) */
    static const char *const lines[] = {
        "T1.00\tsleeper\tsleep(1)",      "Rwake sleeper (sleep(1))",
        "T3.00\tsleeper\tsleep(2)",      "Rwake sleeper (sleep(2))",
        "T5.00\tsleeper\tsleep(2)",      "Rwake sleeper (sleep(2) cancelled)",
        "T5.00\t\tsleep(2), cancelled: it will fire and do nothing"};
    expect_in_order("tests/internals/wake_words.py", lines, 7);
}
END_TEST

START_TEST(test_internals_queue_changed_between_steps)
{
    /* the Queue changes twice with no step between (same count, other
     * items); the Lock's line, kept while it does not change, changes */
    static const char *const lines[] = {"PQueue (line 6): 2 items [1, 2]", "PQueue (line 6): 2 items [2, 3]",
                                        "PLock (line 7): held by main", "PLock (line 7): free"};
    expect_in_order("tests/internals/queue_quiet.py", lines, 4);
}
END_TEST

START_TEST(test_internals_prims_read_as_they_are)
{
    /* prims.c reads each shown primitive's state every step, its
     * attributes through indexes into its dict kept while the dict's keys
     * stay put: values set by hand, a list changed in place, an attribute
     * deleted, the dict grown (its entries moved), a waiter cancelled and
     * an Event set by hand all show */
    static const char *const by_hand[] = {"PQueue (line 15): 1 item ['a']",
                                          "PQueue (line 15): 1 item ['b']",
                                          "PQueue (line 15): 1 item ['b'] of 3",
                                          "PQueue (line 15): 2 items ['b', <__main__.Box object] of 3",
                                          "PQueue (line 15): 2 items ['b', <__main__.Box object]",
                                          "PQueue (line 15): 3 items ['b', <__main__.Box object, 5]",
                                          "PEvent (line 16): not set \xc2\xb7 waiting: waiter(<Event>)",
                                          "PEvent (line 16): not set",
                                          "PEvent (line 16): set"};
    expect_in_order("tests/internals/prims_behind.py", by_hand, 9);
    /* and a str item's words, kept by the object while the queue holds
     * it: one made where a freed one was (get, then put, no step between)
     * must not read as the freed one */
    static const char *const reborn[] = {"PQueue (line 6): 1 item ['item1']", "PQueue (line 6): 1 item ['item2']",
                                         "PQueue (line 6): 1 item ['item3']", "PQueue (line 6): 1 item ['item4']"};
    expect_in_order("tests/internals/str_items.py", reborn, 4);
}
END_TEST

START_TEST(test_internals_waiters_reborn)
{
    /* prims.c keeps a waiter's words by its future's first callback, a
     * task's wakeup, told by its serial: a task's wakeup made where another
     * one, freed, was must show its own task (these fail when the memo is
     * keyed by the wakeup's address) */
    static const char *const lock[] = {
        "PLock (line 13): held by holder(<Lock>, 'a', 1) \xc2\xb7 waiting: holder(<Lock>, 'c', 0)",
        "PLock (line 13): held by main \xc2\xb7 waiting: holder(<Lock>, 'd', 0)",
        "PLock (line 13): held by someone \xc2\xb7 waiting: holder(<Lock>, 'e', 0)"};
    expect_in_order("tests/cases/lock_async_with.py", lock, 3);
    static const char *const event[] = {"PEvent (line 49): not set \xc2\xb7 waiting: waiter(0)",
                                        "PEvent (line 49): not set \xc2\xb7 waiting: waiter(0), waiter(1)"};
    expect_in_order("tests/cases/sync_waiters_cancelled.py", event, 2);
}
END_TEST

START_TEST(test_internals_prims_each_field)
{
    /* prims.c tells each field of a line from the step before's as it
     * reads it and writes nothing for a line that compares the same: a
     * change of one field alone (a lock's holder while it stays held, its
     * flag alone, a semaphore's value, then its size, a future appended to
     * a waiter list, the same future gaining its task's wakeup, that
     * future cancelled while the list still holds it) must show */
    static const char *const lines[] = {"PLock (line 16): held by holder(<Lock>, 'a')",
                                        "PLock (line 16): held by waiter(<Future>) (Task-3)",
                                        "PLock (line 16): held by someone",
                                        "PSemaphore (line 17): 1 of 2 free",
                                        "PSemaphore (line 17): 1 of 3 free",
                                        "PEvent (line 18): not set \xc2\xb7 waiting: a future",
                                        "PEvent (line 18): not set \xc2\xb7 waiting: waiter(<Future>) (Task-4)",
                                        "PEvent (line 18): not set",
                                        "PLock (line 16): free"};
    expect_in_order("tests/internals/prims_fields.py", lines, 9);
}
END_TEST

START_TEST(test_internals_wake_said_by_label)
{
    /* a task's wakeup words are its last ones while its future's label is
     * the same str (by its serial) or has the same text up to the cut:
     * labels with the same text in new objects, one whose start is the
     * last words but not cut there ("Lockx"), labels made where the last
     * one was freed with other words ("Waitb1" after "Waita0": these fail
     * when the label is known by its address), and one object twice */
    static const char *const lines[] = {
        "Rwake waiter(<Event>, 6) (Lock)",   "Rwake waiter(<Event>, 6) (Lockx)",
        "Rwake waiter(<Event>, 6) (Lock)",   "Rwake waiter(<Event>, 6) (Waita0)",
        "Rwake waiter(<Event>, 6) (Waitb1)", "Rwake waiter(<Event>, 6) (Waita2)",
        "Rwake waiter(<Event>, 6) (Waitb3)", "Rwake waiter(<Event>, 6) (Waita4)",
        "Rwake waiter(<Event>, 6) (Waitb5)", "Rwake waiter(<Event>, 6) (Same)",
        "Rwake waiter(<Event>, 6) (Samex)"};
    expect_in_order("tests/internals/said_labels.py", lines, sizeof lines / sizeof lines[0]);
}
END_TEST

START_TEST(test_internals_timer_cancelled)
{
    /* shown timers kept from step to step (not read again for being
     * cancelled while the epoch holds; a sleep's words made when it was
     * pushed): a cancelled one goes, a cancelled task's says so */
    const char *path = "tests/internals/timer_cancel.py";
    static const char *const lines[] = {"T3.00\t\tring", "T4.00\tsleeper(4)\tsleep(4)", "t1",
                                        "T4.00\t\tsleep(4), cancelled: it will fire and do nothing",
                                        "T5.50\tmain\tsleep(5)"};
    expect_in_order(path, lines, 5);
    Recording *r = run_file(path, 0);
    ck_assert(r != NULL);
    Buf w;
    buf_init(&w);
    for (size_t s = 0; s < rec_nsteps(r); s++) {
        const char *text = resolved(r, s, &w);
        ck_assert_msg(!has_line(text, "t1") || !has_line(text, "T3.00\t\tring"),
                      "step %zu shows the cancelled timer:\n%s", s + 1, text);
    }
    buf_free(&w);
    rec_free(r);
}
END_TEST

START_TEST(test_internals_other_loop_pushes)
{
    /* pushes onto another loop's queue count among the pushes the ready
     * queue's signature is made of: this loop's queue must read as in the
     * same run without them (the file with PUSH = False), step by step */
    const char *path = "tests/internals/other_loop.py";
    Recording *a = run_file(path, 0), *b = NULL;
    ck_assert(a != NULL);
    /* the same file with PUSH = False */
    LangError err = {0};
    Source *src = source_read(path, &err);
    ck_assert(src != NULL);
    const char *t = src->text, *flag = strstr(t, "PUSH = True");
    ck_assert(flag != NULL);
    Buf text;
    buf_init(&text);
    buf_putn(&text, t, (size_t)(flag - t));
    buf_puts(&text, "PUSH = False");
    buf_puts(&text, flag + strlen("PUSH = True"));
    source_free(src);
    src = source_from_string(path, text.s, text.len);
    SimOptions o = {0};
    sim_run(src, &o, &b, &err);
    source_free(src);
    buf_free(&text);
    ck_assert(b != NULL);
    ck_assert_uint_eq(rec_nsteps(a), rec_nsteps(b));
    Buf wa, wb;
    buf_init(&wa);
    buf_init(&wb);
    for (size_t s = 0; s < rec_nsteps(a); s++)
        ck_assert_msg(!strcmp(resolved(a, s, &wa), resolved(b, s, &wb)),
                      "step %zu: with pushes onto the other loop:\n%s\nwithout:\n%s", s + 1, wa.s, wb.s);
    ck_assert_int_gt((int)rec_nsteps(a), 100);
    buf_free(&wa);
    buf_free(&wb);
    rec_free(a);
    rec_free(b);
}
END_TEST

START_TEST(test_internals_ready_window_cancel)
{
    /* a due timer joins the shown twelve as the queue moves up (the watch
     * mask gains it then, not remade from all twelve), and is cancelled
     * there by the callback before it: shown at that one step only */
    const char *path = "tests/internals/ready_window_cancel.py";
    Recording *r = run_file(path, 0);
    ck_assert(r != NULL);
    Buf w;
    buf_init(&w);
    size_t shown = 0;
    for (size_t s = 0; s < rec_nsteps(r); s++)
        shown += has_line(resolved(r, s, &w), "R0.50\t\tlen");
    buf_free(&w);
    rec_free(r);
    ck_assert_msg(shown == 1, "%s: the cancelled timer is shown at %zu steps, not 1 (INTERNALS_DUMP=%s shows them)",
                  path, shown, path);
}
END_TEST

/* The record layer's sections against a model: a queue's section popped,
 * pushed, edited in its middle, cleared and given whole, with its count,
 * over enough steps for many keyframes; every step read back in order and
 * out of order must be the model's text then (inside.c keeps a section's
 * entries past a moving start, put back or grown as it fills). */
START_TEST(test_internals_sections_model)
{
    enum { STEPS = 20000, MAXN = 40 };
    Recording *r = rec_new(0);
    uint32_t ids[64];
    for (int k = 0; k < 64; k++) {
        char w[16];
        snprintf(w, sizeof w, "e%d", k);
        ids[k] = rec_intern(r, w);
    }
    int model[MAXN], n = 0;
    bool has = false;
    unsigned long long count = 0;
    char **want = xcalloc(STEPS, sizeof *want);
    uint64_t seed = 12345;
    for (size_t s = 0; s < STEPS; s++) {
        ck_assert(rec_step(r, SK_CLOCK, (double)s, -1, 0, "", "", ""));
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        unsigned op = (unsigned)(seed >> 33) % 8, a = (unsigned)(seed >> 40), b = (unsigned)(seed >> 50);
        size_t npop = 0, npush = 0;
        if (op <= 3) { /* moved like a queue: rec_internals_move */
            npop = n ? a % (n < 3 ? n + 1 : 3) : 0;
            npush = b % 3;
            if (n - (int)npop + (int)npush > MAXN)
                npush = 0;
            memmove(model, model + npop, (n - npop) * sizeof *model);
            n -= (int)npop;
            RecEntry e[2];
            for (size_t i = 0; i < npush; i++) {
                model[n] = (int)((a + i * 7) % 64);
                e[i] = (RecEntry){.id = ids[model[n++]]};
            }
            if (op == 3) /* the count alone moves too */
                has = !has || (b & 1), count = has ? count + 1 : 0;
            rec_internals_move(r, 'R', npop, e, npush, has, count);
        } else if (op <= 6 || s % 97 == 0) { /* edited anywhere, given whole: rec_internals_section */
            size_t at = n ? a % (size_t)n : 0;
            if (op == 4 && n < MAXN) { /* inserted */
                memmove(model + at + 1, model + at, (n - at) * sizeof *model);
                model[at] = (int)(b % 64);
                n++;
            } else if (op == 5 && n) { /* deleted */
                memmove(model + at, model + at + 1, (n - at - 1) * sizeof *model);
                n--;
            } else if (n) { /* set */
                model[at] = (int)(b % 64);
            }
            if (s % 97 == 0)
                n = (int)(b % 3); /* nearly cleared */
            has = (a & 3) != 0;
            count = has ? 1 + a % 50 : 0; /* "r0" is no count line: writers give none */
            RecEntry e[MAXN];
            for (int i = 0; i < n; i++)
                e[i] = (RecEntry){.id = ids[model[i]]};
            rec_internals_section(r, 'R', e, (size_t)n, has, count);
        }
        Buf t;
        buf_init(&t);
        for (int i = 0; i < n; i++)
            buf_printf(&t, "Re%d\n", model[i]);
        if (has)
            buf_printf(&t, "r%llu\n", count);
        want[s] = t.s;
    }
    for (size_t s = 0; s < STEPS; s++)
        ck_assert_msg(!strcmp(rec_internals_at(r, s), want[s]), "step %zu reads\n%s\nnot\n%s", s + 1,
                      rec_internals_at(r, s), want[s]);
    for (size_t k = 0; k < 3000; k++) { /* out of order */
        size_t s = (size_t)(k * 2654435761ull % STEPS);
        ck_assert_msg(!strcmp(rec_internals_at(r, s), want[s]), "step %zu reads differently out of order", s + 1);
    }
    for (size_t s = 0; s < STEPS; s++)
        xfree(want[s]);
    xfree(want);
    rec_free(r);
}
END_TEST

Suite *internals_suite(void)
{
    Suite *s = suite_create("internals");
    TCase *tc = tcase_create("snapshots");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, test_internals_unchanged);
    suite_add_tcase(s, tc);
    TCase *tk = tcase_create("caches");
    tcase_add_test(tk, test_internals_queued_step_cancelled);
    tcase_add_test(tk, test_internals_task_words_follow_the_task);
    tcase_add_test(tk, test_internals_queue_changed_between_steps);
    tcase_add_test(tk, test_internals_other_loop_pushes);
    tcase_add_test(tk, test_internals_prims_read_as_they_are);
    tcase_add_test(tk, test_internals_waiters_reborn);
    tcase_add_test(tk, test_internals_prims_each_field);
    tcase_add_test(tk, test_internals_timer_cancelled);
    tcase_add_test(tk, test_internals_wake_said_by_label);
    tcase_add_test(tk, test_internals_sections_model);
    tcase_add_test(tk, test_internals_ready_window_cancel);
    suite_add_tcase(s, tk);
    return s;
}
