/* check_share.c: the shared formats (src/out/anim.c, html.c, play.c).
 * Owns the share suite: the animated SVG's rows drawn once, the first frame placing
 * every row and later frames only changed ones, in time order, the same
 * bytes twice; the page's escaping, docstring paragraphs, a list entry per
 * step and a download whose base64 is exactly `record`'s asciicast.
 * The GIF needs librsvg, which this runner does not link (see the
 * Makefile), and share.c calls it: tests/run_share.sh checks those end to
 * end (choosing the format included), with chromium and rsvg-convert for
 * the page and the SVG. */
#include "fixture.h"
#include "suites.h"

#include "../src/out/anim.h"
#include "../src/out/cast.h"
#include "../src/out/html.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What a writer that takes a FILE * wrote, as a NUL-terminated string. */
typedef void (*WriteFn)(Fixture *f, FILE *out);

static char *written(Fixture *f, WriteFn fn, size_t *len)
{
    char *s = NULL;
    size_t n = 0;
    FILE *out = open_memstream(&s, &n);
    ck_assert_ptr_nonnull(out);
    fn(f, out);
    ck_assert_int_eq(fclose(out), 0);
    if (len)
        *len = n;
    return s;
}

static int occurrences(const char *s, const char *what)
{
    int n = 0;
    size_t step = strlen(what);
    while ((s = strstr(s, what)) != NULL) {
        s += step;
        n++;
    }
    return n;
}

/* --------------------------------------------------------------- anim */

static void write_anim(Fixture *f, FILE *out)
{
    view_seek(&f->v, 0);
    anim_record(&f->v, f->g, theme_palette(true), true, "t <&>", out);
}

START_TEST(test_anim_rows)
{
    Fixture f;
    fixture_open_grid(&f, "gather.py", fixture_gather_py, 80, 24, false);
    char *s = written(&f, write_anim, NULL);
    ck_assert(!strstr(s, "<script"));
    ck_assert(strstr(s, "<title>t &lt;&amp;&gt;</title>"));
    /* the rows, each once */
    int rows = occurrences(s, "<g id=\"r");
    ck_assert_int_gt(rows, 24);
    char **defs = calloc((size_t)rows, sizeof *defs);
    const char *p = s;
    for (int i = 0; i < rows; i++) {
        p = strstr(p, "<g id=\"r");
        p = strchr(p, '>') + 1;
        const char *e = strstr(p, "</g>");
        defs[i] = strndup(p, (size_t)(e - p));
        for (int k = 0; k < i; k++)
            ck_assert_msg(strcmp(defs[k], defs[i]) != 0, "rows %d and %d are the same", k, i);
    }
    for (int i = 0; i < rows; i++)
        free(defs[i]);
    free(defs);
    /* the first frame places all 24 rows; later ones only what changed */
    const char *first = strstr(s, "</defs>");
    const char *later = strstr(first, "<g class=\"f\"");
    ck_assert_ptr_nonnull(later);
    char *head = strndup(first, (size_t)(later - first));
    ck_assert_int_eq(occurrences(head, "<use "), 24);
    free(head);
    int frames = occurrences(later, "<g class=\"f\"");
    int uses = occurrences(later, "<use ");
    ck_assert_int_gt(frames, 3);
    ck_assert_int_lt(uses, frames * 24 / 2);
    ck_assert_int_eq(occurrences(s, "@keyframes k"), frames);
    /* keyframes in time order, inside the loop */
    double last = -1;
    for (const char *k = strstr(s, "@keyframes k"); k; k = strstr(k + 1, "@keyframes k")) {
        double pct = atof(strstr(k, "}") + 1);
        ck_assert(pct > last && pct < 100);
        last = pct;
    }
    /* the same bytes every time */
    char *again = written(&f, write_anim, NULL);
    ck_assert_str_eq(s, again);
    free(again);
    free(s);
    fixture_close(&f);
}
END_TEST

/* --------------------------------------------------------------- html */

static void write_page(Fixture *f, FILE *out)
{
    view_seek(&f->v, 0);
    HtmlPage p = {.title = "A <b>\"title\"</b> & 'more'",
                  .doc = "A title\nFirst line\n  second line.\n\n  Second <p>aragraph.\n",
                  .castname = "gather.cast",
                  .pal = theme_palette(true),
                  .color = true};
    html_record(&f->v, f->g, &p, out);
}

static void write_cast(Fixture *f, FILE *out)
{
    view_seek(&f->v, 0);
    Cast *c = cast_new(out, f->g->w, f->g->h, "A <b>\"title\"</b> & 'more'", theme_palette(true), true);
    cast_end(c, cast_play(c, &f->v, f->g));
}

static char *unbase64(const char *s, size_t *len)
{
    static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t n = strspn(s, digits);
    char *out = malloc(n + 1);
    size_t o = 0;
    uint32_t acc = 0;
    int bits = 0;
    for (size_t i = 0; i < n; i++) {
        acc = acc << 6 | (uint32_t)(strchr(digits, s[i]) - digits);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out[o++] = (char)(acc >> bits & 0xFF);
        }
    }
    out[o] = 0;
    *len = o;
    return out;
}

START_TEST(test_html_page)
{
    Fixture f;
    fixture_open_grid(&f, "gather.py", fixture_gather_py, 80, 24, false);
    char *s = written(&f, write_page, NULL);
    const char *esc = "A &lt;b&gt;&quot;title&quot;&lt;/b&gt; &amp; &apos;more&apos;";
    char want[200];
    snprintf(want, sizeof want, "<title>%s</title>", esc);
    ck_assert(strstr(s, want));
    snprintf(want, sizeof want, "<h1>%s</h1>", esc);
    ck_assert(strstr(s, want));
    /* the docstring after its title line, a paragraph per blank-line block */
    ck_assert(strstr(s, "<p>First line second line.</p>\n<p>Second &lt;p&gt;aragraph.</p>\n"));
    ck_assert(!strstr(s, "<p>A title"));
    /* a list entry per step, numbered from 1 */
    size_t n = view_nsteps(&f.v);
    ck_assert_int_eq(occurrences(s, "<li value=\""), (int)n);
    ck_assert(strstr(s, "<li value=\"1\"><span class=\"t\">t=0.00</span><button type=\"button\" title=\"0.000 s into the recording\">"));
    /* the download is record's asciicast, byte for byte */
    const char *link = strstr(s, "<a id=\"cast\" download=\"gather.cast\" href=\"data:application/x-asciicast;base64,");
    ck_assert_ptr_nonnull(link);
    size_t clen, wlen;
    char *cast = unbase64(strchr(link, ',') + 1, &clen);
    char *direct = written(&f, write_cast, &wlen);
    ck_assert_uint_eq(clen, wlen);
    ck_assert(memcmp(cast, direct, clen) == 0);
    ck_assert_int_eq(occurrences(cast, ", \"m\", "), (int)n);
    free(cast);
    free(direct);
    /* the player and its licence are in the page; nothing is fetched */
    ck_assert(strstr(s, "AsciinemaPlayer"));
    ck_assert(strstr(s, "Apache License"));
    ck_assert(!strstr(s, "src=\"http"));
    ck_assert(!strstr(s, "<link"));
    char *again = written(&f, write_page, NULL);
    ck_assert_str_eq(s, again);
    free(again);
    free(s);
    fixture_close(&f);
}
END_TEST

Suite *share_suite(void)
{
    Suite *s = suite_create("share");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_anim_rows);
    tcase_add_test(tc, test_html_page);
    suite_add_tcase(s, tc);
    return s;
}
