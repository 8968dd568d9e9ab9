/* gif.c: the animated GIF. See gif.h.
 * Owns the palette, turning pixels into it, the frame timing and the GIF
 * encoding. Frames come from play.c, their pictures from svg.c (the same
 * SVG as `loopscope frame --svg`) rendered by librsvg into cairo (both
 * loaded at the first GIF, by gui.c); giflib writes the file.
 * Choices, and why:
 *   - Text is drawn crisp (text-rendering optimizeSpeed: no
 *     anti-aliasing), as a terminal's bitmap font looks: a sixth of the
 *     bytes of smoothed text, and every pixel is a theme colour.
 *   - One global palette, built from the theme before the first frame:
 *     the background, the foreground, the 16 colours and the dim mix of
 *     each, then a ramp from the background to each of them for the few
 *     edges that are still blended. Every pixel goes to its nearest entry.
 *   - The picture is kept between frames and only the rows that changed
 *     are drawn again (one SVG of one-row grids, each clipped to its band
 *     of pixels: rows sit on whole pixels), so a long run renders fast.
 *   - Frame times are the playback's, in hundredths of a second; a frame
 *     shorter than GIF_MIN_CS gives way to the one after it (and is never
 *     drawn). A frame with the same cells as the one before is not
 *     written: its time goes to the one before.
 *   - Each frame after the first is only the rectangle that changed, over
 *     the frame before (disposal "do not dispose"): playback mostly moves
 *     the clock and the timeline, so a GIF stays small.
 *   - The NETSCAPE2.0 extension with a loop count of 0: loop forever. */
#include "gif.h"

#include "../base/base.h"
#include "gui.h"
#include "play.h"
#include "svg.h"

#include <gif_lib.h>
#include <stdlib.h>
#include <string.h>

/* The last index is transparent: a pixel that did not change. */
enum { NCOLORS = 256, TRANSPARENT = NCOLORS - 1, CACHE_BITS = 16 };

typedef struct Gif {
    const Palette *pal;
    bool color;
    int pw, ph;                /* picture size in pixels */
    int rows;                  /* the screen's rows */
    GifFileType *gif;
    GifColorType colors[NCOLORS];
    int ncolors;
    uint32_t cache_key[1u << CACHE_BITS];
    uint8_t cache_val[1u << CACHE_BITS];
    cairo_surface_t *surface;  /* the picture, drawn row by row as rows change */
    Grid *prev;                /* the grid drawn on it; NULL before the first */
    Grid *row;                 /* one row high: what a changed row is drawn from */
    Grid *pending;             /* the frame waiting for its delay; NULL before the first */
    uint8_t *shown;            /* the picture as last written, pw * ph indices */
    uint8_t *next;             /* the picture drawn, pw * ph indices */
    bool written;
    uint64_t pending_cs;       /* the pending frame's start, in 1/100 s */
    bool failed;
    char *err;
    size_t errn;
} Gif;

static void fail(Gif *g, const char *what, const char *detail)
{
    if (!g->failed)
        snprintf(g->err, g->errn, "cannot make the GIF: %s%s%s", what, detail ? ": " : "", detail ? detail : "");
    g->failed = true;
}

static void add_color(Gif *g, uint32_t rgb)
{
    for (int i = 0; i < g->ncolors; i++)
        if (((uint32_t)g->colors[i].Red << 16 | (uint32_t)g->colors[i].Green << 8 | g->colors[i].Blue) == rgb)
            return;
    if (g->ncolors < TRANSPARENT)
        g->colors[g->ncolors++] = (GifColorType){(uint8_t)(rgb >> 16), (uint8_t)(rgb >> 8), (uint8_t)rgb};
}

/* The theme's colours, then their dim mixes (svg.c's 60 %), then the
 * ramps from the background to each, a quarter apart. */
static void make_palette(Gif *g)
{
    const Palette *p = g->pal;
    uint32_t base[40];
    int nb = 0;
    base[nb++] = p->bg;
    base[nb++] = p->fg;
    for (int i = 0; i < 16; i++)
        base[nb++] = p->ansi[i];
    int plain = nb;
    for (int i = 1; i < plain; i++)
        base[nb++] = svg_mix(base[i], p->bg, SVG_DIM_SHARE);
    for (int i = 0; i < nb; i++)
        add_color(g, base[i]);
    static const unsigned shares[] = {50, 25, 75};
    for (size_t s = 0; s < sizeof shares / sizeof shares[0]; s++)
        for (int i = 1; i < nb; i++)
            add_color(g, svg_mix(base[i], p->bg, shares[s]));
    int used = g->ncolors;
    /* giflib wants a power of two: fill with the background, which
     * nearest() never picks over entry 0 */
    for (int i = used; i < NCOLORS; i++)
        g->colors[i] = g->colors[0];
}

static uint8_t nearest(Gif *g, uint32_t rgb)
{
    uint32_t slot = (rgb * 2654435761u) >> (32 - CACHE_BITS);
    if (g->cache_key[slot] == (rgb | 0x1000000u))
        return g->cache_val[slot];
    int r = (int)(rgb >> 16 & 0xFF), gr = (int)(rgb >> 8 & 0xFF), b = (int)(rgb & 0xFF);
    long best = -1;
    uint8_t idx = 0;
    for (int i = 0; i < g->ncolors; i++) {
        long dr = r - g->colors[i].Red, dg = gr - g->colors[i].Green, db = b - g->colors[i].Blue;
        /* weighted towards green, as the eye is */
        long d = 3 * dr * dr + 4 * dg * dg + 2 * db * db;
        if (best < 0 || d < best) {
            best = d;
            idx = (uint8_t)i;
        }
    }
    g->cache_key[slot] = rgb | 0x1000000u;
    g->cache_val[slot] = idx;
    return idx;
}

/* Rows sit on whole pixels: a changed row is redrawn in its own band. */
_Static_assert(SVG_MARGIN % 10 == 0 && SVG_CELL_H % 10 == 0, "rows on whole pixels");
#define ROW_TOP(y) (SVG_MARGIN / 10 + (y) * (SVG_CELL_H / 10))

/* One grid's shapes and text, text crisp as a terminal draws it. */
static void put_cells(Gif *g, Buf *svg, const Grid *grid)
{
    buf_puts(svg, "<g " SVG_SHAPE_ATTRS ">\n");
    svg_shapes(svg, grid, g->pal, g->color);
    buf_puts(svg, "</g>\n<g text-rendering=\"optimizeSpeed\" " SVG_TEXT_ATTRS ">\n");
    svg_texts(svg, grid, g->pal, g->color);
    buf_puts(svg, "</g>\n");
}

/* Draw grid onto the picture with svg.c: all of it when changed is NULL,
 * else only the rows it marks, each as a one-row grid moved to its place,
 * clipped to its band of pixels so it never touches its neighbours. */
static bool draw(Gif *g, const Grid *grid, const bool *changed)
{
    Buf svg;
    buf_init(&svg);
    svg_begin(&svg, grid->w, grid->h, g->pal, NULL);
    cairo_t *cr = gui.cairo_create(g->surface);
    if (!changed) {
        put_cells(g, &svg, grid);
    } else {
        for (int y = 0; y < grid->h; y++) {
            if (!changed[y])
                continue;
            memcpy(g->row->cells, grid_at(grid, 0, y), (size_t)grid->w * sizeof(Cell));
            buf_printf(&svg, "<g transform=\"translate(0,%d)\">\n", y * (SVG_CELL_H / 10));
            put_cells(g, &svg, g->row);
            buf_puts(&svg, "</g>\n");
            gui.cairo_rectangle(cr, 0, ROW_TOP(y), g->pw, SVG_CELL_H / 10);
        }
        gui.cairo_clip(cr);
    }
    buf_puts(&svg, "</svg>\n");
    GError *error = NULL;
    RsvgHandle *h = gui.rsvg_handle_new_from_data((const guint8 *)svg.s, svg.len, &error);
    buf_free(&svg);
    bool ok = h != NULL;
    if (!ok) {
        fail(g, "librsvg cannot read a frame", error ? error->message : NULL);
    } else {
        RsvgRectangle vp = {0, 0, g->pw, g->ph};
        ok = gui.rsvg_handle_render_document(h, cr, &vp, &error) &&
             gui.cairo_surface_status(g->surface) == CAIRO_STATUS_SUCCESS;
        if (!ok)
            fail(g, "librsvg cannot draw a frame", error ? error->message : "out of memory");
        gui.g_object_unref(h);
    }
    gui.g_clear_error(&error);
    gui.cairo_destroy(cr);
    return ok;
}

/* Pixel rows y0 .. y1 - 1 of the picture into g->next, as palette indices. */
static void index_rows(Gif *g, int y0, int y1)
{
    gui.cairo_surface_flush(g->surface);
    const unsigned char *px = gui.cairo_image_surface_get_data(g->surface);
    int stride = gui.cairo_image_surface_get_stride(g->surface);
    for (int y = y0; y < y1; y++) {
        const uint32_t *row = (const uint32_t *)(const void *)(px + (size_t)y * (size_t)stride);
        for (int x = 0; x < g->pw; x++)
            g->next[(size_t)y * (size_t)g->pw + (size_t)x] = nearest(g, row[x] & 0xFFFFFF);
    }
}

/* Bring the picture and g->next up to grid: everything the first time,
 * then only the rows that changed. Returns false if nothing changed or
 * drawing failed. */
static bool render(Gif *g, const Grid *grid)
{
    if (!g->prev) {
        if (!draw(g, grid, NULL))
            return false;
        index_rows(g, 0, g->ph);
        g->prev = grid_new(grid->w, grid->h, grid->ascii);
        memcpy(g->prev->cells, grid->cells, (size_t)grid->w * (size_t)grid->h * sizeof(Cell));
        return true;
    }
    bool *changed = xcalloc((size_t)grid->h, sizeof(bool));
    bool any = false;
    for (int y = 0; y < grid->h; y++)
        any |= changed[y] = !grid_row_is(grid, y, grid_at(g->prev, 0, y));
    bool ok = any && draw(g, grid, changed);
    for (int y = 0; ok && y < grid->h; y++)
        if (changed[y])
            index_rows(g, ROW_TOP(y), ROW_TOP(y + 1));
    if (ok)
        memcpy(g->prev->cells, grid->cells, (size_t)grid->w * (size_t)grid->h * sizeof(Cell));
    xfree(changed);
    return ok;
}

static int write_out(GifFileType *gif, const GifByteType *bytes, int n)
{
    return (int)fwrite(bytes, 1, (size_t)n, (FILE *)gif->UserData);
}

static bool begin(Gif *g, FILE *out)
{
    int e = 0;
    g->gif = EGifOpen(out, write_out, &e);
    if (!g->gif) {
        fail(g, "giflib", GifErrorString(e));
        return false;
    }
    ColorMapObject *map = GifMakeMapObject(NCOLORS, g->colors);
    EGifSetGifVersion(g->gif, true);
    bool ok = map && EGifPutScreenDesc(g->gif, g->pw, g->ph, 8, 0, map) == GIF_OK;
    GifFreeMapObject(map);
    /* loop forever */
    static const GifByteType app[] = "NETSCAPE2.0", loop[] = {1, 0, 0};
    ok = ok && EGifPutExtensionLeader(g->gif, APPLICATION_EXT_FUNC_CODE) == GIF_OK &&
         EGifPutExtensionBlock(g->gif, 11, app) == GIF_OK && EGifPutExtensionBlock(g->gif, 3, loop) == GIF_OK &&
         EGifPutExtensionTrailer(g->gif) == GIF_OK;
    if (!ok)
        fail(g, "giflib", GifErrorString(g->gif->Error));
    return ok;
}

/* Write the pending frame, shown for delay hundredths of a second: the
 * rectangle where it differs from what is shown. */
static void put_pending(Gif *g, int delay)
{
    if (!render(g, g->pending) && g->failed)
        return;
    int x0 = g->pw, y0 = g->ph, x1 = -1, y1 = -1;
    for (int y = 0; y < g->ph; y++) {
        const uint8_t *a = g->next + (size_t)y * (size_t)g->pw, *b = g->shown + (size_t)y * (size_t)g->pw;
        if (g->written && !memcmp(a, b, (size_t)g->pw))
            continue;
        int l = 0, r = g->pw - 1;
        if (g->written) {
            while (a[l] == b[l])
                l++;
            while (a[r] == b[r])
                r--;
        }
        x0 = l < x0 ? l : x0;
        x1 = r > x1 ? r : x1;
        y0 = y < y0 ? y : y0;
        y1 = y;
    }
    if (x1 < 0) /* the same pixels: a 1x1 frame keeps the delay */
        x0 = x1 = y0 = y1 = 0;
    GraphicsControlBlock gcb = {.DisposalMode = DISPOSE_DO_NOT,
                                .UserInputFlag = false,
                                .DelayTime = delay,
                                .TransparentColor = g->written ? TRANSPARENT : NO_TRANSPARENT_COLOR};
    GifByteType ext[4];
    EGifGCBToExtension(&gcb, ext);
    bool ok = EGifPutExtension(g->gif, GRAPHICS_EXT_FUNC_CODE, 4, ext) == GIF_OK &&
              EGifPutImageDesc(g->gif, x0, y0, x1 - x0 + 1, y1 - y0 + 1, false, NULL) == GIF_OK;
    uint8_t *line = xmalloc((size_t)g->pw);
    for (int y = y0; ok && y <= y1; y++) {
        const uint8_t *a = g->next + (size_t)y * (size_t)g->pw, *b = g->shown + (size_t)y * (size_t)g->pw;
        /* a pixel already shown is transparent: long runs of one index,
         * which LZW packs into a few codes */
        for (int x = x0; x <= x1; x++)
            line[x - x0] = g->written && a[x] == b[x] ? TRANSPARENT : a[x];
        ok = EGifPutLine(g->gif, line, x1 - x0 + 1) == GIF_OK;
    }
    xfree(line);
    if (!ok)
        fail(g, "giflib", GifErrorString(g->gif->Error));
    memcpy(g->shown, g->next, (size_t)g->pw * (size_t)g->ph);
    g->written = true;
}

/* A frame is kept as a grid until the next one says how long it lasts,
 * and drawn only then: a frame too short to show is never drawn. */
static void gif_frame(void *ctx, uint64_t us, const Grid *grid)
{
    Gif *g = ctx;
    if (g->failed || grid->w != g->row->w || grid->h != g->rows)
        return;
    uint64_t cs = (us + 5000) / 10000;
    size_t ncells = (size_t)grid->w * (size_t)grid->h;
    if (!g->pending) {
        g->pending = grid_new(grid->w, grid->h, grid->ascii);
        g->pending_cs = cs;
    } else {
        bool same = true;
        for (int y = 0; same && y < grid->h; y++)
            same = grid_row_is(grid, y, grid_at(g->pending, 0, y));
        if (same)
            return; /* nothing new to see: the pending frame stays longer */
        if (cs >= g->pending_cs + GIF_MIN_CS) {
            uint64_t d = cs - g->pending_cs;
            put_pending(g, d > 65535 ? 65535 : (int)d);
            g->pending_cs = cs;
        }
        /* else: too short to show; the new frame takes its place and time */
    }
    memcpy(g->pending->cells, grid->cells, ncells * sizeof(Cell));
}

static void gif_marker(void *ctx, uint64_t us, size_t step, const char *label)
{
    (void)ctx, (void)us, (void)step, (void)label; /* a GIF has no chapters */
}

static int pixels(int cells, int cell) { return (int)((2L * SVG_MARGIN + (long)cells * cell + 9) / 10); }

bool gif_size_ok(int w, int h) { return (long)pixels(w, SVG_CELL_W) * pixels(h, SVG_CELL_H) <= GIF_MAX_PIXELS; }

bool gif_record(View *v, Grid *grid, const Palette *pal, bool color, FILE *out, char *err, size_t n)
{
    char why[300];
    if (!gui_load(why, sizeof why)) {
        snprintf(err, n, "cannot make the GIF: %s", why);
        return false;
    }
    Gif *g = xcalloc(1, sizeof *g);
    g->pal = pal;
    g->color = color;
    g->err = err;
    g->errn = n;
    g->pw = pixels(grid->w, SVG_CELL_W);
    g->ph = pixels(grid->h, SVG_CELL_H);
    size_t npx = (size_t)g->pw * (size_t)g->ph;
    g->shown = xmalloc(npx);
    g->next = xmalloc(npx);
    g->rows = grid->h;
    g->surface = gui.cairo_image_surface_create(CAIRO_FORMAT_RGB24, g->pw, g->ph);
    g->row = grid_new(grid->w, 1, grid->ascii);
    make_palette(g);
    if (gui.cairo_surface_status(g->surface) != CAIRO_STATUS_SUCCESS)
        fail(g, "cairo", "out of memory");
    else if (begin(g, out)) {
        PlaySink sink = {.frame = gif_frame, .marker = gif_marker, .ctx = g};
        play_run(v, grid, &sink);
        if (!g->failed && g->pending)
            put_pending(g, GIF_HOLD_CS);
    }
    int e = 0;
    if (g->gif && EGifCloseFile(g->gif, &e) != GIF_OK)
        fail(g, "giflib", GifErrorString(e));
    bool ok = !g->failed;
    gui.cairo_surface_destroy(g->surface);
    grid_free(g->row);
    if (g->prev)
        grid_free(g->prev);
    if (g->pending)
        grid_free(g->pending);
    xfree(g->shown);
    xfree(g->next);
    xfree(g);
    return ok;
}
