/* anim.c: the animated SVG. See anim.h.
 * Owns which rows each frame changes, sharing them, and the timing in
 * CSS. The cells of a row are drawn by svg.c (svg_shapes, svg_texts) into
 * a grid one row high; the playback is play.c's.
 * How it is built, and why:
 *   - Every distinct row (the same cells, wherever on the screen) is drawn
 *     once, in <defs>, at the top of the screen, behind an opaque
 *     background. A frame is a group of <use> elements that place rows.
 *   - The first frame places every row and is always shown. Every later
 *     frame places only the rows that changed since the frame before, and
 *     is hidden (opacity 0) until its time, then shown until the loop
 *     starts again: frames stack, and the newest row at each place is on
 *     top. A frame that changes nothing is not written at all, and frames
 *     come at most every ANIM_MIN_US.
 *   - One @keyframes per frame, with step-end timing, all on one clock
 *     (the same duration, no delays), so they stay in step however long
 *     the animation loops. A viewer without CSS animation (rsvg-convert,
 *     an image preview) shows the first frame, which is a real screen.
 *   - Times are integer microseconds and percentages are printed from
 *     integers (thousandths of a percent): no floating point in the bytes. */
#include "anim.h"

#include "../base/base.h"
#include "play.h"
#include "svg.h"

#include <stdlib.h>
#include <string.h>

typedef struct Place {
    int y;     /* screen row */
    size_t id; /* distinct row */
} Place;

typedef struct Frame {
    uint64_t us;
    size_t first, n; /* its places: places[first .. first + n) */
} Frame;

typedef struct Anim {
    int w, h;
    const Palette *pal;
    bool color;
    Grid *row;           /* one row high: what svg.c draws a row from */
    Cell *rows;          /* the distinct rows, w cells each */
    uint32_t *hashes;
    size_t nrows, caprows;
    size_t *shown;       /* h: the row shown at each place; SIZE_MAX none yet */
    Place *places;
    size_t nplaces, capplaces;
    Frame *frames;
    size_t nframes, capframes;
} Anim;

static uint32_t row_hash(const Grid *g, int y)
{
    uint32_t h = 2166136261u; /* FNV-1a over the fields, not the padding */
    for (int x = 0; x < g->w; x++) {
        const Cell *c = grid_at(g, x, y);
        uint32_t v[3] = {c->ch, c->style, c->flags};
        for (int i = 0; i < 3; i++)
            h = (h ^ v[i]) * 16777619u;
    }
    return h;
}

/* The id of row y of g among the distinct rows, added if new. */
static size_t row_id(Anim *a, const Grid *g, int y)
{
    uint32_t h = row_hash(g, y);
    for (size_t i = a->nrows; i-- > 0;)
        if (a->hashes[i] == h && grid_row_is(g, y, a->rows + i * (size_t)a->w))
            return i;
    if (a->nrows == a->caprows) {
        a->caprows = a->caprows ? 2 * a->caprows : 64;
        a->rows = xrealloc(a->rows, a->caprows * (size_t)a->w * sizeof(Cell));
        a->hashes = xrealloc(a->hashes, a->caprows * sizeof(uint32_t));
    }
    memcpy(a->rows + a->nrows * (size_t)a->w, grid_at(g, 0, y), (size_t)a->w * sizeof(Cell));
    a->hashes[a->nrows] = h;
    return a->nrows++;
}

static void add_place(Anim *a, int y, size_t id)
{
    Frame *f = &a->frames[a->nframes - 1];
    /* a frame at the time of the one before replaces its rows */
    for (size_t i = f->first; i < f->first + f->n; i++) {
        if (a->places[i].y == y) {
            a->places[i].id = id;
            return;
        }
    }
    if (a->nplaces == a->capplaces) {
        a->capplaces = a->capplaces ? 2 * a->capplaces : 256;
        a->places = xrealloc(a->places, a->capplaces * sizeof(Place));
    }
    a->places[a->nplaces++] = (Place){y, id};
    f->n++;
}

static void anim_frame(void *ctx, uint64_t us, const Grid *g)
{
    Anim *a = ctx;
    if (g->w != a->w || g->h != a->h)
        return; /* play_run keeps the size; nothing else draws here */
    bool opened = false;
    for (int y = 0; y < g->h; y++) {
        size_t id = row_id(a, g, y);
        if (id == a->shown[y])
            continue;
        a->shown[y] = id;
        /* a frame less than ANIM_MIN_US after the one before joins it
         * (its rows show from that frame's time); the first frame, shown
         * when nothing animates, only takes rows drawn at its own time */
        if (!opened && (!a->nframes || (a->nframes > 1 ? us >= a->frames[a->nframes - 1].us + ANIM_MIN_US
                                                        : us != a->frames[0].us))) {
            if (a->nframes == a->capframes) {
                a->capframes = a->capframes ? 2 * a->capframes : 64;
                a->frames = xrealloc(a->frames, a->capframes * sizeof(Frame));
            }
            a->frames[a->nframes++] = (Frame){.us = us, .first = a->nplaces};
        }
        opened = true;
        add_place(a, y, id);
    }
}

static void anim_marker(void *ctx, uint64_t us, size_t step, const char *label)
{
    (void)ctx, (void)us, (void)step, (void)label; /* an SVG has no chapters */
}

/* us as seconds with three decimals ("15.000s"). */
static void put_seconds(Buf *b, uint64_t us)
{
    uint64_t ms = (us + 500) / 1000;
    buf_printf(b, "%llu.%03llus", (unsigned long long)(ms / 1000), (unsigned long long)(ms % 1000));
}

/* us as a share of total, in percent with three decimals ("12.345%"). */
static void put_percent(Buf *b, uint64_t us, uint64_t total)
{
    /* us stays far below 2^64 / 10^5: play.c's gaps are at most 10 s a step */
    uint64_t milli = total ? (us * 100000u + total / 2) / total : 0;
    buf_printf(b, "%llu.%03llu%%", (unsigned long long)(milli / 1000), (unsigned long long)(milli % 1000));
}

static void write_svg(Anim *a, uint64_t end, const char *title, FILE *out)
{
    Buf b;
    buf_init(&b);
    uint64_t total = end + ANIM_HOLD_US;
    svg_begin(&b, a->w, a->h, a->pal, title);
    if (a->nframes > 1) {
        buf_puts(&b, "<style>\n.f{opacity:0;animation-duration:");
        put_seconds(&b, total);
        buf_puts(&b, ";animation-timing-function:step-end;animation-iteration-count:infinite}\n");
        for (size_t i = 1; i < a->nframes; i++) {
            buf_printf(&b, "@keyframes k%zu{0%%{opacity:0}", i);
            put_percent(&b, a->frames[i].us, total);
            buf_puts(&b, ",to{opacity:1}}\n");
        }
        buf_puts(&b, "</style>\n");
    }
    /* the rows a frame places (a frame that gave way to a later one may
     * have left some unused), numbered in order, each at the top of the
     * screen over its own background */
    size_t *name = xmalloc((a->nrows + 1) * sizeof(size_t)), used = 0;
    for (size_t i = 0; i < a->nrows; i++)
        name[i] = SIZE_MAX;
    for (size_t k = 0; k < a->nplaces; k++)
        name[a->places[k].id] = 0;
    for (size_t i = 0; i < a->nrows; i++)
        if (name[i] != SIZE_MAX)
            name[i] = used++;
    buf_puts(&b, "<defs>\n");
    for (size_t i = 0; i < a->nrows; i++) {
        if (name[i] == SIZE_MAX)
            continue;
        memcpy(a->row->cells, a->rows + i * (size_t)a->w, (size_t)a->w * sizeof(Cell));
        buf_printf(&b, "<g id=\"r%zu\">\n<rect x=\"0\" y=\"", name[i]);
        svg_put_tenths(&b, SVG_MARGIN);
        buf_puts(&b, "\" width=\"100%\" height=\"");
        svg_put_tenths(&b, SVG_CELL_H);
        buf_puts(&b, "\" fill=\"");
        svg_put_color(&b, a->pal->bg);
        buf_puts(&b, "\"/>\n");
        svg_shapes(&b, a->row, a->pal, a->color);
        svg_texts(&b, a->row, a->pal, a->color);
        buf_puts(&b, "</g>\n");
    }
    buf_puts(&b, "</defs>\n<g " SVG_SHAPE_ATTRS " " SVG_TEXT_ATTRS ">\n");
    for (size_t i = 0; i < a->nframes; i++) {
        const Frame *f = &a->frames[i];
        if (i)
            buf_printf(&b, "<g class=\"f\" style=\"animation-name:k%zu\">\n", i);
        else
            buf_puts(&b, "<g>\n");
        for (size_t k = f->first; k < f->first + f->n; k++) {
            buf_printf(&b, "<use href=\"#r%zu\" y=\"", name[a->places[k].id]);
            svg_put_tenths(&b, (long)a->places[k].y * SVG_CELL_H);
            buf_puts(&b, "\"/>\n");
        }
        buf_puts(&b, "</g>\n");
    }
    buf_puts(&b, "</g>\n</svg>\n");
    xfree(name);
    fwrite(b.s, 1, b.len, out);
    buf_free(&b);
}

void anim_record(View *v, Grid *g, const Palette *pal, bool color, const char *title, FILE *out)
{
    Anim a = {.w = g->w, .h = g->h, .pal = pal, .color = color};
    a.row = grid_new(g->w, 1, g->ascii);
    a.shown = xmalloc((size_t)g->h * sizeof(size_t));
    for (int y = 0; y < g->h; y++)
        a.shown[y] = SIZE_MAX;
    PlaySink sink = {.frame = anim_frame, .marker = anim_marker, .ctx = &a};
    uint64_t end = play_run(v, g, &sink);
    write_svg(&a, end, title, out);
    grid_free(a.row);
    xfree(a.rows);
    xfree(a.hashes);
    xfree(a.shown);
    xfree(a.places);
    xfree(a.frames);
}
