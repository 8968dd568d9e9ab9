/* check_fixture.c: the shared test fixture (see fixture.h), not a suite.
 * Owns setting up and tearing down a recorded scenario with its view for
 * the view and seek suites, and the grid readers they share. It checks
 * only that the setup worked; what the suites assert is theirs. */
#include "fixture.h"

#include "../src/base/base.h"
#include "../src/out/plain.h"

#include <check.h>
#include <stdio.h>
#include <string.h>

const char fixture_gather_py[] =
    "import asyncio\n"
    "\n"
    "async def fetch_user():\n"
    "    await asyncio.sleep(1.5)\n"
    "    return {'id': 1, 'name': 'Ada'}\n"
    "\n"
    "async def fetch_posts():\n"
    "    await asyncio.sleep(1.0)\n"
    "    return ['first post', 'second post']\n"
    "\n"
    "async def main():\n"
    "    user, posts = await asyncio.gather(fetch_user(), fetch_posts())\n"
    "\n"
    "asyncio.run(main())\n";

/* Run f->src and open the view; fails the test if it does not load. */
static void record(Fixture *f, const char *name)
{
    LangError err = {0};
    f->rec = NULL;
    f->status = sim_run(f->src, NULL, &f->rec, &err);
    ck_assert_msg(f->status != SIM_LOAD_ERROR, "%s:%d:%d: %s", name, err.line, err.col, err.msg);
    ck_assert_ptr_nonnull(f->rec);
    f->seek = seek_new(f->rec);
    view_init(&f->v, f->rec, f->src, f->seek);
}

void fixture_open_file(Fixture *f, const char *path)
{
    memset(f, 0, sizeof *f);
    LangError err = {0};
    f->src = source_read(path, &err);
    ck_assert_msg(f->src != NULL, "%s: %s", path, err.msg);
    record(f, path);
}

void fixture_open_text(Fixture *f, const char *name, const char *py)
{
    memset(f, 0, sizeof *f);
    f->src = source_from_string(name, py, strlen(py));
    record(f, name);
}

void fixture_open_grid(Fixture *f, const char *name, const char *py, int gw, int gh, bool ascii)
{
    fixture_open_text(f, name, py);
    ck_assert_msg(f->status == SIM_OK, "%s: the run failed: %s", name, rec_traceback(f->rec));
    f->g = grid_new(gw, gh, ascii);
}

void fixture_draw(Fixture *f, const Pane *p, Rect r, size_t step)
{
    f->v.step = step;
    fixture_sentinel(f->g);
    p->draw(&f->v, f->g, r);
}

void fixture_close(Fixture *f)
{
    if (f->g)
        grid_free(f->g);
    if (f->seek)
        seek_free(f->seek);
    if (f->rec)
        rec_free(f->rec);
    if (f->src)
        source_free(f->src);
    memset(f, 0, sizeof *f);
}

int fixture_task(const Fixture *f, const char *coro, int nth)
{
    size_t last = rec_nsteps(f->rec) - 1;
    for (size_t i = 0; i < seek_tasks(f->seek); i++) {
        TaskView tv;
        int id = seek_task(f->seek, i);
        if (rec_task_at(f->rec, id, last, &tv) && !strcmp(tv.coro, coro) && nth-- == 0)
            return id;
    }
    ck_abort_msg("no task %s", coro);
    return -1;
}

size_t fixture_step(const Fixture *f, StepKind kind, int task, size_t from)
{
    for (size_t i = from; i < rec_nsteps(f->rec); i++) {
        const Step *s = rec_step_at(f->rec, i);
        if (s->kind == kind && (task == -2 || s->task == task))
            return i;
    }
    ck_abort_msg("no step of kind %d for task %d", (int)kind, task);
    return 0;
}

void fixture_sentinel(Grid *g)
{
    grid_unclip(g);
    grid_fill(g, (Rect){0, 0, g->w, g->h}, FIXTURE_SENTINEL, FIXTURE_SENTINEL_ST);
}

void fixture_assert_untouched(const Grid *g, Rect r, const char *what)
{
    for (int y = 0; y < g->h; y++)
        for (int x = 0; x < g->w; x++) {
            if (x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h)
                continue;
            const Cell *c = grid_at(g, x, y);
            ck_assert_msg(c->ch == FIXTURE_SENTINEL && c->style == FIXTURE_SENTINEL_ST,
                          "%s: cell (%d,%d) outside {%d,%d,%d,%d} changed to U+%04X", what, x, y, r.x, r.y, r.w,
                          r.h, (unsigned)c->ch);
        }
}

const char *fixture_cells(const Grid *g, int x, int y, int w, bool trim)
{
    static char out[4096];
    Buf b;
    buf_init(&b);
    for (int i = x; i < x + w; i++) {
        const Cell *c = grid_at(g, i, y);
        if (!c || (c->flags & CELL_CONT))
            continue;
        buf_put_utf8(&b, c->ch ? c->ch : ' ');
    }
    size_t n = b.len;
    while (trim && n > 0 && b.s[n - 1] == ' ')
        n--;
    snprintf(out, sizeof out, "%.*s", (int)n, b.s);
    buf_free(&b);
    return out;
}

char *fixture_grid_text(const Grid *g)
{
    char *s = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&s, &n);
    ck_assert_ptr_nonnull(f);
    plain_write(g, f);
    fclose(f);
    return s;
}
