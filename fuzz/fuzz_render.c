/* fuzz_render.c: libFuzzer target for the recording's readers and the
 * renderer. The input is a scenario, run under tight limits as in
 * fuzz_run.c; its recording is then written every way the command line
 * writes one: the trace, the steps listing (text and JSON), the Chrome
 * trace, frames at a few steps and screen sizes (tiny, odd, large) as
 * plain text, ANSI and SVG, with keys pressed between them (scrolling,
 * focus, help, goto), and an asciicast of the whole run. Everything is
 * freed (a leak is a finding). */
#include "fuzz_common.h"

#include "../src/out/cast.h"
#include "../src/out/chrome.h"
#include "../src/out/plain.h"
#include "../src/out/svg.h"
#include "../src/record/seek.h"
#include "../src/record/trace.h"
#include "../src/view/frame.h"
#include "../src/view/grid.h"
#include "../src/view/theme.h"
#include "../src/view/view.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const struct {
    int w, h;
} sizes[] = {{100, 30}, {10, 3}, {1, 1}, {0, 0}, {60, 16}, {59, 15}, {61, 17}, {203, 7}, {37, 61}, {140, 45}};

static const int keys[] = {K_TAB,     K_DOWN, K_PGDN, K_END,  K_UP, K_BTAB, K_WHEEL_DOWN, '?', '?', ']', '[', 'g',
                           '1',       '.',    '5',    K_ENTER, 'l', 'h',    K_HOME,       '+', '-', K_RIGHT, K_PGUP,
                           K_LEFT,    'j',    'k',    'r',    K_CLICK};

/* A cheap hash of the input, to vary the keys and sizes per input while
 * keeping each run deterministic. */
static uint32_t hash(const uint8_t *d, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ d[i]) * 16777619u;
    return h;
}

static void draw_and_write(View *v, int w, int h, bool ascii, bool color, uint32_t pick)
{
    FILE *out = fuzz_sink();
    Grid *g = grid_new(w, h, ascii);
    frame_draw(v, g);
    switch (pick % 3) {
    case 0:
        plain_write(g, out);
        break;
    case 1:
        plain_write_ansi(g, color, out);
        break;
    default:
        svg_write(g, theme_palette(pick & 4), color, v->title, out);
        break;
    }
    grid_free(g);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Source *src;
    Recording *rec = fuzz_run_bytes(data, size, &src, NULL);
    if (!rec) {
        source_free(src);
        return 0;
    }
    FILE *out = fuzz_sink();
    uint32_t hv = hash(data, size);

    trace_write(rec, out);
    steps_write_text(rec, out, (size_t)16 << 20); /* a listing stops at 16 MB, as --max-output would */
    steps_write_json(rec, out, (size_t)16 << 20);
    Seek *seek = seek_new(rec);
    chrome_write(rec, seek, out);

    View v;
    view_init(&v, rec, src, seek);
    size_t n = view_nsteps(&v);
    size_t at[] = {0, n / 2, n ? n - 1 : 0, (size_t)hv % (n ? n : 1)};
    for (size_t i = 0; i < sizeof at / sizeof at[0]; i++) {
        view_seek(&v, at[i]);
        for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
            uint32_t pick = hv >> (k % 16) ^ (uint32_t)(i + k);
            draw_and_write(&v, sizes[k].w, sizes[k].h, pick & 8, pick & 16, pick);
        }
    }
    /* keys between frames, as a user presses them */
    for (size_t i = 0; i < 24; i++) {
        uint32_t r = hv * 2654435761u + (uint32_t)i * 40503u;
        Input in = {.key = keys[(r >> 7) % (sizeof keys / sizeof keys[0])], .x = (int)(r % 101),
                    .y = (int)((r >> 11) % 31)};
        if (view_key(&v, &in) == ACT_QUIT)
            break;
        if (v.playing)
            view_tick(&v, view_tick_delay(&v) > 0 ? view_tick_delay(&v) : 0.1);
        draw_and_write(&v, sizes[i % 3 ? 0 : 4 + i % 5].w, sizes[i % 3 ? 0 : 4 + i % 5].h, false, true, r);
    }
    view_seek_time(&v, (double)(hv % 1000) / 100.0);
    draw_and_write(&v, 80, 24, true, false, 0);

    /* an asciicast of the whole run, at 16x so it plays in few frames */
    View cv;
    view_init(&cv, rec, src, seek);
    Input faster = {.key = '+'};
    for (int i = 0; i < 8; i++)
        view_key(&cv, &faster);
    int cw = hv & 1 ? 100 : 61, ch = hv & 2 ? 30 : 17;
    Grid *g = grid_new(cw, ch, hv & 32);
    Cast *c = cast_new(out, cw, ch, cv.title, theme_palette(true), !(hv & 64));
    cast_end(c, cast_play(c, &cv, g));
    grid_free(g);

    seek_free(seek);
    rec_free(rec);
    source_free(src);
    return 0;
}
