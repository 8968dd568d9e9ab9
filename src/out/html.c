/* html.c: the self-contained web page. See html.h.
 * Owns the page: its markup, styles and script, HTML escaping, the
 * base64 data: URL of the recording and the list of steps. The recording
 * is cast.c's (played by play.c, markers included); the player is
 * asciinema-player, embedded from vendor/ at build time (build/gen/
 * player.c, by scripts/embed_bin.sh), with its licence shown in the page.
 * Choices, and why:
 *   - The recording sits in the page once, as the download link's
 *     base64 data: URL; the script decodes that same text for the player,
 *     so nothing is fetched, not even a data: URL.
 *   - Steps become the cast's markers (the player's [ and ] keys jump
 *     between them and its progress bar shows them) and an ordered list
 *     under the player whose entries seek to their step.
 *   - No date, no path of the build machine: the same bytes every time. */
#include "html.h"

#include "../base/base.h"
#include "../record/rec.h"
#include "../record/trace.h"
#include "cast.h"
#include "play.h"
#include "svg.h"

#include <stdlib.h>
#include <string.h>

/* Generated from vendor/asciinema-player/ (Makefile, scripts/embed_bin.sh). */
extern const unsigned char player_js[], player_css[], player_license[], player_version[];
extern const size_t player_js_len, player_css_len, player_license_len, player_version_len;

#ifndef LOOPSCOPE_VERSION
#define LOOPSCOPE_VERSION "dev"
#endif

typedef struct Mark {
    uint64_t us;   /* in the recording */
    double t;      /* on the scenario's virtual clock */
    size_t step;
    char *label;
} Mark;

typedef struct Rec {
    const View *v;
    Cast *cast;
    Mark *marks;
    size_t n, cap;
} Rec;

static void rec_frame(void *ctx, uint64_t us, const Grid *g)
{
    cast_frame(((Rec *)ctx)->cast, us, g);
}

static void rec_marker(void *ctx, uint64_t us, size_t step, const char *label)
{
    Rec *r = ctx;
    cast_marker(r->cast, us, label);
    if (r->n == r->cap) {
        r->cap = r->cap ? 2 * r->cap : 64;
        r->marks = xrealloc(r->marks, r->cap * sizeof(Mark));
    }
    r->marks[r->n++] = (Mark){us, rec_step_at(r->v->rec, step)->t, step, xstrdup(label)};
}

/* Text as HTML (element content and attribute values alike): svg.c's
 * XML escaping, which HTML reads the same; newlines and tabs kept, UTF-8
 * passed through. */
static void put_html(Buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n' || c == '\t' || c >= 0x80)
            buf_putc(b, (char)c);
        else
            svg_put_xml_char(b, c);
    }
}

static void put_html_str(Buf *b, const char *s) { put_html(b, s, strlen(s)); }

static void put_base64(Buf *b, const unsigned char *s, size_t n)
{
    static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (size_t i = 0; i < n; i += 3) {
        uint32_t v = (uint32_t)s[i] << 16;
        if (i + 1 < n)
            v |= (uint32_t)s[i + 1] << 8;
        if (i + 2 < n)
            v |= s[i + 2];
        buf_putc(b, digits[v >> 18 & 63]);
        buf_putc(b, digits[v >> 12 & 63]);
        buf_putc(b, i + 1 < n ? digits[v >> 6 & 63] : '=');
        buf_putc(b, i + 2 < n ? digits[v & 63] : '=');
    }
}

/* The docstring after its first line (the title), one <p> per paragraph
 * (lines joined: a docstring's line breaks are only wrapping). */
static void put_doc(Buf *b, const char *doc)
{
    if (!doc)
        return;
    const char *p = strchr(doc, '\n');
    if (!p)
        return;
    bool open = false;
    while (*p) {
        p++;
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        size_t lead = 0;
        while (lead < n && (p[lead] == ' ' || p[lead] == '\t'))
            lead++;
        if (lead == n) {
            if (open)
                buf_puts(b, "</p>\n");
            open = false;
        } else {
            buf_puts(b, open ? " " : "<p>");
            put_html(b, p + lead, n - lead);
            open = true;
        }
        p += n;
    }
    if (open)
        buf_puts(b, "</p>\n");
}

static const char page_css[] =
    "body{margin:0;background:#f6f6f4;color:#222;font:16px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif}\n"
    "main{max-width:62rem;margin:0 auto;padding:1.5rem}\n"
    "h1{font-size:1.6rem;margin:0 0 .5rem}\n"
    "h2{font-size:1.2rem;margin:1.5rem 0 .5rem}\n"
    ".doc p{margin:.25rem 0 .75rem}\n"
    "#player{margin:1rem 0 .5rem}\n"
    ".keys{color:#555;font-size:.9rem}\n"
    "h2 small{font-weight:normal;color:#777;font-size:.85rem;margin-left:.5em}\n"
    ".keys label{margin-left:1em;white-space:nowrap}\n"
    "kbd{font:.85rem ui-monospace,monospace;border:1px solid #bbb;border-radius:3px;padding:0 .3em;background:#fff}\n"
    "#steps{padding-left:3rem;margin:0}\n"
    "#steps li{padding:.1rem 0}\n"
    "#steps li::marker{color:#777;font-size:.85rem}\n"
    "#steps button{all:unset;cursor:pointer;color:#1a4f8b}\n"
    "#steps button:hover,#steps button:focus-visible{text-decoration:underline}\n"
    "#steps li.now button{font-weight:bold;color:#000}\n"
    "#steps .t{display:inline-block;min-width:5.5em;color:#777;font:.85rem ui-monospace,monospace}\n"
    "footer{margin-top:2rem;color:#666;font-size:.85rem}\n"
    "pre.licence{white-space:pre-wrap;font-size:.75rem}\n";

/* The page's own script: decode the recording from the download link,
 * start the player, keep the list of steps in step with it. */
static const char page_js[] =
    "(function () {\n"
    "  var link = document.getElementById('cast');\n"
    "  var b64 = link.getAttribute('href').split(',')[1];\n"
    "  var bytes = Uint8Array.from(atob(b64), function (c) { return c.charCodeAt(0); });\n"
    "  var text = new TextDecoder().decode(bytes);\n"
    "  var el = document.getElementById('player');\n"
    "  var pause = document.getElementById('pause');\n"
    "  var items = document.querySelectorAll('#steps li');\n"
    "  var player;\n"
    "  function mark(i) {\n"
    "    items.forEach(function (li, k) { li.classList.toggle('now', k === i); });\n"
    "  }\n"
    "  /* a player at time t; the first frame is drawn by seeking just past\n"
    "   * 0 s: a poster at 0 s shows nothing yet, and a seek from a poster\n"
    "   * redraws only what changed */\n"
    "  function start(t) {\n"
    "    player = AsciinemaPlayer.create({data: text}, el,\n"
    "        {preload: true, fit: 'width', controls: true, pauseOnMarkers: pause.checked,\n"
    "         terminalLineHeight: 1.2143, /* 17px rows for 14px text, as the SVG draws */\n"
    "         terminalFontFamily: \"" SVG_FONT_STACK "\"}); /* svg.c's fonts */\n"
    "    window.loopscopePlayer = player;\n"
    "    player.addEventListener('marker', function (e) { mark(e.index); });\n"
    "    player.seek(t);\n"
    "  }\n"
    "  start(0.001);\n"
    "  /* the player takes pauseOnMarkers when it is made: make it again */\n"
    "  pause.addEventListener('change', function () {\n"
    "    var t = Math.max(player.getCurrentTime() || 0, 0.001);\n"
    "    player.dispose();\n"
    "    start(t);\n"
    "  });\n"
    "  items.forEach(function (li, i) {\n"
    "    li.querySelector('button').addEventListener('click', function () {\n"
    "      player.seek({marker: i}).then(function () { mark(i); });\n"
    "    });\n"
    "  });\n"
    "})();\n";

static void write_page(const HtmlPage *p, const Rec *r, const char *cast, size_t castlen, FILE *out)
{
    Buf b;
    buf_init(&b);
    char version[32];
    snprintf(version, sizeof version, "%.*s", (int)strcspn((const char *)player_version, "\r\n"),
             (const char *)player_version);
    buf_puts(&b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                 "<meta name=\"generator\" content=\"loopscope " LOOPSCOPE_VERSION "\">\n<title>");
    put_html_str(&b, p->title);
    buf_puts(&b, "</title>\n<style>\n/* asciinema-player ");
    buf_puts(&b, version);
    buf_puts(&b, " (Apache-2.0), its licence is at the end of the page */\n");
    buf_putn(&b, (const char *)player_css, player_css_len);
    buf_puts(&b, "\n</style>\n<style>\n");
    buf_puts(&b, page_css);
    buf_puts(&b, "</style>\n</head>\n<body>\n<main>\n<h1>");
    put_html_str(&b, p->title);
    buf_puts(&b, "</h1>\n<div class=\"doc\">\n");
    put_doc(&b, p->doc);
    buf_puts(&b, "</div>\n<div id=\"player\"></div>\n"
                 "<noscript><p>The player needs JavaScript. The recording can still be downloaded "
                 "below and played in a terminal.</p></noscript>\n"
                 "<p class=\"keys\"><kbd>space</kbd> plays and pauses, <kbd>[</kbd> and <kbd>]</kbd> jump to "
                 "the previous and next step, <kbd>.</kbd> steps one frame, <kbd>&larr;</kbd> "
                 "<kbd>&rarr;</kbd> seek, <kbd>f</kbd> full screen.\n"
                 "<label><input type=\"checkbox\" id=\"pause\"> pause at each step</label></p>\n"
                 "<h2>Steps<small>t is the scenario's virtual clock; click a step to jump to it</small></h2>\n"
                 "<ol id=\"steps\">\n");
    for (size_t i = 0; i < r->n; i++) {
        char t[48];
        trace_format_time(r->marks[i].t, 2, t, sizeof t);
        buf_printf(&b, "<li value=\"%zu\"><span class=\"t\">t=%s</span><button type=\"button\" title=\"", r->marks[i].step + 1, t);
        uint64_t ms = (r->marks[i].us + 500) / 1000;
        buf_printf(&b, "%llu.%03llu s into the recording\">", (unsigned long long)(ms / 1000), (unsigned long long)(ms % 1000));
        put_html_str(&b, r->marks[i].label);
        buf_puts(&b, "</button></li>\n");
    }
    buf_puts(&b, "</ol>\n<p><a id=\"cast\" download=\"");
    put_html_str(&b, p->castname);
    buf_puts(&b, "\" href=\"data:application/x-asciicast;base64,");
    put_base64(&b, (const unsigned char *)cast, castlen);
    buf_puts(&b, "\">Download the recording (");
    put_html_str(&b, p->castname);
    buf_puts(&b, ")</a> and play it in a terminal with <code>asciinema play ");
    put_html_str(&b, p->castname);
    buf_puts(&b, "</code>.</p>\n<footer>\n<p>Made with loopscope " LOOPSCOPE_VERSION
                 ", which runs asyncio scenarios on a simulated event loop with a virtual clock. "
                 "Played by asciinema-player ");
    buf_puts(&b, version);
    buf_puts(&b, ", by Marcin Kulik and contributors.</p>\n"
                 "<details><summary>asciinema-player's licence (Apache License 2.0)</summary>\n"
                 "<pre class=\"licence\">");
    put_html(&b, (const char *)player_license, player_license_len);
    buf_puts(&b, "</pre></details>\n</footer>\n</main>\n<script>\n");
    buf_putn(&b, (const char *)player_js, player_js_len);
    buf_puts(&b, "\n</script>\n<script>\n");
    buf_puts(&b, page_js);
    buf_puts(&b, "</script>\n</body>\n</html>\n");
    fwrite(b.s, 1, b.len, out);
    buf_free(&b);
}

void html_record(View *v, Grid *g, const HtmlPage *p, FILE *out)
{
    char *cast = NULL;
    size_t castlen = 0;
    FILE *mem = open_memstream(&cast, &castlen);
    if (!mem)
        die("out of memory");
    Rec r = {.v = v, .cast = cast_new(mem, g->w, g->h, p->title, p->pal, p->color)};
    PlaySink sink = {.frame = rec_frame, .marker = rec_marker, .ctx = &r};
    cast_end(r.cast, play_run(v, g, &sink));
    // cppcheck-suppress nullPointerRedundantCheck ; die() does not return
    if (fclose(mem) != 0)
        die("out of memory");
    write_page(p, &r, cast, castlen, out);
    for (size_t i = 0; i < r.n; i++)
        xfree(r.marks[i].label);
    xfree(r.marks);
    free(cast); /* open_memstream's, from libc */
}
