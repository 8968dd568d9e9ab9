/* check_base.c: base's memory accounting (the exact memory cap) and the
 * escaping of scenario text for a terminal. */
#include "suites.h"

#include "../src/base/base.h"
#include "../src/base/esc.h"
#include "../src/base/pool.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

START_TEST(test_mem_counts_and_frees)
{
    size_t before = mem_live();
    char *p = xmalloc(100000);
    ck_assert_uint_ge(mem_live(), before + 100000);
    p = xrealloc(p, 300000);
    ck_assert_uint_ge(mem_live(), before + 300000);
    ck_assert_uint_ge(mem_peak(), mem_live());
    xfree(p);
    ck_assert_uint_eq(mem_live(), before);
    Buf b;
    buf_init(&b);
    for (int i = 0; i < 10000; i++)
        buf_puts(&b, "0123456789");
    ck_assert_uint_ge(mem_live(), before + 100000);
    buf_free(&b);
    ck_assert_uint_eq(mem_live(), before);
}
END_TEST

/* base.c advises malloc's heap to use huge pages as it grows past 16 MiB
 * (madvise on each stretch it grew by): blocks spread over 48 MiB of
 * fresh heap keep every byte written to them while later growths are
 * advised, and the count comes back to where it was. A wrong range or
 * advice (one that drops pages, as MADV_DONTNEED would) loses the bytes of
 * blocks already written. */
START_TEST(test_heap_growth_keeps_bytes)
{
    enum { N = 768, SZ = 64 << 10 };
    size_t before = mem_live();
    unsigned char **b = xcalloc(N, sizeof *b);
    for (size_t i = 0; i < N; i++) {
        b[i] = xmalloc(SZ);
        memset(b[i], (int)(i * 7 + 1) & 255, SZ);
        if (i >= 2) /* an earlier block, written before this growth */
            ck_assert_uint_eq(b[i - 2][SZ / 2], (i * 7 - 13) & 255);
    }
    ck_assert_uint_ge(mem_live(), before + (size_t)N * SZ);
    for (size_t i = 0; i < N; i++)
        for (size_t k = 0; k < SZ; k += 4093)
            ck_assert_uint_eq(b[i][k], (i * 7 + 1) & 255);
    for (size_t i = N; i-- > 0;)
        xfree(b[i]);
    xfree(b);
    ck_assert_uint_eq(mem_live(), before);
}
END_TEST

START_TEST(test_mem_cap_checked_before)
{
    mem_cap_set((size_t)1 << 20, "test cap");
    ck_assert_uint_eq(mem_cap(), (size_t)1 << 20);
    ck_assert(mem_fits(1000));
    ck_assert(!mem_fits((size_t)2 << 20));
    ck_assert(!mem_over());
    /* past the cap but within the reserve: allowed, and seen as over */
    char *p = xmalloc((size_t)3 << 19);
    ck_assert(mem_over());
    ck_assert(!mem_fits(1));
    xfree(p);
    ck_assert(!mem_over());
    mem_cap_set(0, NULL);
    ck_assert_uint_eq(mem_cap(), 0);
    ck_assert(mem_fits((size_t)1 << 40));
}
END_TEST

/* One allocation far past the cap never happens: the process ends first. */
START_TEST(test_mem_cap_safety_net)
{
    mem_cap_set((size_t)1 << 20, "test cap");
    char *p = xmalloc((size_t)64 << 20);
    p[0] = 1; /* not reached */
    xfree(p);
}
END_TEST

/* The count is only exact if what x* allocated is given back through
 * xfree: a plain free() of it would leave its bytes counted for ever, and
 * a long run would stop at a memory cap it never reached. So every free(
 * in src/ outside base.c must say, on its line, that it frees memory from
 * libc (open_memstream's). Returns the offending lines found. */
static int scan_frees(const char *dir, char *report, size_t n)
{
    DIR *d = opendir(dir);
    ck_assert_msg(d != NULL, "cannot open %s (run from the repository root)", dir);
    int bad = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode)) {
            bad += scan_frees(path, report, n);
            continue;
        }
        size_t len = strlen(path);
        if (len < 2 || strcmp(path + len - 2, ".c") != 0 || strstr(path, "src/base/base.c"))
            continue;
        FILE *f = fopen(path, "r");
        ck_assert_ptr_nonnull(f);
        char line[4096];
        for (int ln = 1; fgets(line, sizeof line, f); ln++) {
            for (const char *p = strstr(line, "free("); p; p = strstr(p + 1, "free(")) {
                char before = p == line ? ' ' : p[-1];
                bool ident = before == '_' || before == '.' || before == '>' ||
                             (before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z') ||
                             (before >= '0' && before <= '9');
                if (!ident && !strstr(line, "from libc")) {
                    size_t used = strlen(report);
                    snprintf(report + used, n - used, "%s:%d: free( of counted memory? use xfree\n", path, ln);
                    bad++;
                }
            }
        }
        fclose(f);
    }
    closedir(d);
    return bad;
}

START_TEST(test_every_free_is_counted)
{
    char report[4096] = "";
    int bad = scan_frees("src", report, sizeof report);
    ck_assert_msg(bad == 0, "%d plain free() call(s) in src/:\n%s", bad, report);
}
END_TEST

static void check_esc(const char *in, const char *want)
{
    Buf b;
    buf_init(&b);
    esc_put(&b, in, strlen(in));
    ck_assert_str_eq(b.s, want);
    buf_free(&b);
}

/* buf_put_int and buf_put_uint write what printf's %lld and %llu write,
 * at the ends of the range too. */
START_TEST(test_put_int_as_printf)
{
    const long long v[] = {0, 1, -1, 9, 10, -10, 99, 100, 123456789, -987654321, 1000000007LL * 1000,
                           LLONG_MAX, LLONG_MIN, LLONG_MIN + 1};
    Buf b;
    buf_init(&b);
    char want[64];
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        buf_clear(&b);
        buf_put_int(&b, v[i]);
        snprintf(want, sizeof want, "%lld", v[i]);
        ck_assert_str_eq(b.s, want);
        buf_clear(&b);
        buf_put_uint(&b, (unsigned long long)v[i]);
        snprintf(want, sizeof want, "%llu", (unsigned long long)v[i]);
        ck_assert_str_eq(b.s, want);
    }
    buf_free(&b);
}
END_TEST

START_TEST(test_esc_put)
{
    check_esc("plain text\n\tand tabs", "plain text\n\tand tabs");
    check_esc("\x1b[2J\x07\x7f", "\\x1b[2J\\x07\\x7f");
    check_esc("csi \xc2\x9b" "31m", "csi \\x9b31m");               /* C1 as UTF-8 */
    check_esc("rlo \xe2\x80\xae lri \xe2\x81\xa6", "rlo \\u202e lri \\u2066");
    check_esc("bom \xef\xbb\xbf zwsp \xe2\x80\x8b", "bom \\ufeff zwsp \\u200b");
    check_esc("bad \xff\xc2", "bad \\xff\\xc2");                 /* not UTF-8 */
    check_esc("caf\xc3\xa9 \xe2\x80\x8d \xf0\x9f\x98\x80", "caf\xc3\xa9 \xe2\x80\x8d \xf0\x9f\x98\x80");
}
END_TEST

START_TEST(test_esc_hidden)
{
    ck_assert(esc_hidden(0x1b) && esc_hidden(0x9b) && esc_hidden(0x202e) && esc_hidden(0x2069));
    ck_assert(esc_hidden(0x061c) && esc_hidden(0x200f) && esc_hidden(0x2028) && esc_hidden(0xfeff));
    ck_assert(!esc_hidden('a') && !esc_hidden(0xe9) && !esc_hidden(0x200d) && !esc_hidden(0x1f600));
}
END_TEST

/* pool.c: blocks come zeroed, keep their bytes through pool_realloc
 * (within a class, across classes, to and from the big pass-through), and
 * every block's bytes are counted, by slab; a freed block is reused, so
 * the same allocations again take no new memory. */
START_TEST(test_pool_blocks)
{
    /* first: no slab yet in this (forked) test, so the count grows by
     * whole slabs holding at least the blocks */
    enum { N = 2000 };
    static void *blocks[N];
    size_t before = mem_live();
    for (int i = 0; i < N; i++)
        blocks[i] = pool_alloc(48);
    size_t grown = mem_live() - before;
    ck_assert_uint_ge(grown, (size_t)N * 48);
    for (int i = 0; i < N; i++)
        pool_free(blocks[i], 48);
    for (int i = 0; i < N; i++)
        blocks[i] = pool_alloc(48);
#ifndef LOOPSCOPE_NO_POOL
    ck_assert_uint_eq(mem_live() - before, grown); /* the freed blocks again */
#endif
    for (int i = 0; i < N; i++)
        pool_free(blocks[i], 48);

    unsigned char *p = pool_alloc(40);
    for (int i = 0; i < 40; i++)
        ck_assert_uint_eq(p[i], 0);
    memset(p, 0xab, 40);
    pool_free(p, 40);
    unsigned char *q = pool_alloc(40);
    for (int i = 0; i < 40; i++)
        ck_assert_uint_eq(q[i], 0);
    pool_free(q, 40);

    unsigned char *r = pool_alloc(24);
    for (int i = 0; i < 24; i++)
        r[i] = (unsigned char)(i + 1);
    r = pool_realloc(r, 24, 30);   /* same class */
    r = pool_realloc(r, 30, 200);  /* another class */
    r = pool_realloc(r, 200, 5000); /* past POOL_MAX */
    r = pool_realloc(r, 5000, 16); /* back into the pool */
    for (int i = 0; i < 16; i++)
        ck_assert_uint_eq(r[i], i + 1);
    pool_free(r, 16);
}
END_TEST

Suite *base_suite(void)
{
    Suite *s = suite_create("base");
    TCase *tc = tcase_create("mem");
    tcase_add_test(tc, test_mem_counts_and_frees);
    tcase_add_test(tc, test_put_int_as_printf);
    tcase_add_test(tc, test_heap_growth_keeps_bytes);
    tcase_add_test(tc, test_mem_cap_checked_before);
    tcase_add_exit_test(tc, test_mem_cap_safety_net, 1);
    tcase_add_test(tc, test_every_free_is_counted);
    tcase_add_test(tc, test_pool_blocks);
    suite_add_tcase(s, tc);
    tc = tcase_create("esc");
    tcase_add_test(tc, test_esc_put);
    tcase_add_test(tc, test_esc_hidden);
    suite_add_tcase(s, tc);
    return s;
}
