/* quiz.c: questions from a recording (see quiz.h). Owns the choice of
 * question at each point, the candidates for its wrong answers, the
 * deterministic shuffle and the two handout formats. */
#include "quiz.h"

#include "../base/base.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define EPS 1e-9

/* A small, fixed hash: the same step always draws the same choices. */
static uint32_t mix(uint32_t x)
{
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

static void fmt_time(double t, char *buf, size_t n)
{
    /* like the viewer's clock: two decimals, '.' in every locale */
    long long c = (long long)(t * 100 + 0.5);
    snprintf(buf, n, "t = %lld.%02llds", c / 100, c % 100);
}

/* Candidates for wrong answers: distinct strings, in order found. */
typedef struct Pool {
    char (*s)[120];
    size_t n, cap;
} Pool;

static void pool_add(Pool *p, const char *s)
{
    for (size_t i = 0; i < p->n; i++)
        if (!strcmp(p->s[i], s))
            return;
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 16;
        p->s = xrealloc(p->s, p->cap * sizeof *p->s);
    }
    snprintf(p->s[p->n++], sizeof p->s[0], "%s", s);
}

/* Fill q's choices: the answer and up to three others from pool (not the
 * answer), drawn and placed by a hash of the step. False when there is no
 * other choice at all (no question then). */
static bool draw_choices(Question *q, const char *answer, const Pool *pool)
{
    size_t others[QUIZ_CHOICES - 1], no = 0, cand = 0;
    for (size_t i = 0; i < pool->n; i++)
        cand += strcmp(pool->s[i], answer) != 0;
    if (!cand)
        return false;
    uint32_t h = mix((uint32_t)q->at * 2654435761U + (uint32_t)q->kind);
    /* walk the pool from a hashed start, taking every candidate in turn */
    size_t start = pool->n ? h % pool->n : 0;
    for (size_t k = 0; k < pool->n && no < QUIZ_CHOICES - 1; k++) {
        size_t i = (start + k) % pool->n;
        if (strcmp(pool->s[i], answer) != 0)
            others[no++] = i;
    }
    q->n = (int)no + 1;
    q->answer = (int)(mix(h) % (uint32_t)q->n);
    for (int c = 0, o = 0; c < q->n; c++)
        snprintf(q->choice[c], sizeof q->choice[c], "%s", c == q->answer ? answer : pool->s[others[o++]]);
    return true;
}

/* The first print at or after step s, or SIZE_MAX. */
static size_t next_print(const Recording *rec, size_t s)
{
    for (size_t i = s; i < rec_nsteps(rec); i++)
        if (rec_step_at(rec, i)->kind == SK_PRINT)
            return i;
    return SIZE_MAX;
}

/* The run's printed lines, distinct, in order: the same candidates for
 * every print question, so made once. A long run (an endless setInterval)
 * prints thousands of lines; the first PRINT_POOL_MAX distinct ones are
 * candidates enough, and keep this linear in the run's length. */
enum { PRINT_POOL_MAX = 256 };

static void print_pool(const Recording *rec, Pool *pool)
{
    for (size_t i = 0; i < rec_nsteps(rec) && pool->n < PRINT_POOL_MAX; i++)
        if (rec_step_at(rec, i)->kind == SK_PRINT)
            pool_add(pool, rec_str(rec, rec_step_at(rec, i)->text));
}

static bool ask_print(const Recording *rec, size_t at, const Pool *pool, Question *q)
{
    size_t p = next_print(rec, at);
    if (p == SIZE_MAX)
        return false;
    q->kind = QUIZ_PRINT;
    snprintf(q->text, sizeof q->text, "What prints next?");
    return draw_choices(q, rec_str(rec, rec_step_at(rec, p)->text), pool);
}

static bool ask_task(const Recording *rec, size_t at, int line, Question *q)
{
    const Step *st = rec_step_at(rec, at);
    if (st->task < 0)
        return false;
    Pool pool = {0};
    for (int t = 0; t < rec_ntasks(rec); t++) {
        TaskView tv;
        if (rec_task_at(rec, t, at, &tv) && !tv.hidden && tv.outcome != OUT_NEVER)
            pool_add(&pool, rec_task_label(rec, t));
    }
    q->kind = QUIZ_TASK;
    snprintf(q->text, sizeof q->text, "Which task runs line %d next?", line);
    bool ok = draw_choices(q, rec_task_label(rec, st->task), &pool);
    xfree(pool.s);
    return ok;
}

static bool ask_clock(const Recording *rec, size_t at, int line, Question *q)
{
    char ans[32], buf[32];
    double t = rec_step_at(rec, at)->t;
    fmt_time(t, ans, sizeof ans);
    Pool pool = {0};
    for (size_t i = 0; i < rec_nsteps(rec); i++) {
        fmt_time(rec_step_at(rec, i)->t, buf, sizeof buf);
        pool_add(&pool, buf);
    }
    /* a run with few distinct times: times around the answer */
    static const double around[] = {0.5, 1, 2};
    for (size_t k = 0; pool.n < QUIZ_CHOICES && k < 3; k++) {
        fmt_time(t + around[k], buf, sizeof buf);
        pool_add(&pool, buf);
    }
    q->kind = QUIZ_CLOCK;
    snprintf(q->text, sizeof q->text, "What does the clock say when line %d runs?", line);
    bool ok = draw_choices(q, ans, &pool);
    xfree(pool.s);
    return ok;
}

static void add(Quiz *z, size_t *cap, const Question *q)
{
    if (z->n == *cap) {
        *cap = *cap ? *cap * 2 : 16;
        z->q = xrealloc(z->q, *cap * sizeof *z->q);
    }
    z->q[z->n++] = *q;
}

void quiz_make(const Recording *rec, const Stops *stops, Quiz *out)
{
    memset(out, 0, sizeof *out);
    size_t cap = 0;
    Pool prints = {0};
    print_pool(rec, &prints);
    size_t ns = stops_count(stops);
    if (ns) {
        for (size_t k = 0; k < ns; k++) {
            const Stop *s = stops_get(stops, k);
            if (s->step == 0)
                continue; /* nothing before it to ask from */
            Question q = {.at = s->step, .line = s->line ? s->line : rec_step_at(rec, s->step)->line};
            /* the three kinds in turn; a kind that cannot be asked here
             * gives way to the next */
            bool ok = false;
            for (int tries = 0; tries < 3 && !ok; tries++) {
                int kind = (int)((k + (size_t)tries) % 3);
                ok = kind == 0 ? ask_print(rec, s->step, &prints, &q)
                   : kind == 1 ? q.line > 0 && ask_task(rec, s->step, q.line, &q)
                               : q.line > 0 && ask_clock(rec, s->step, q.line, &q);
            }
            if (ok)
                add(out, &cap, &q);
        }
        xfree(prints.s);
        return;
    }
    for (size_t i = 1; i < rec_nsteps(rec); i++) {
        if (rec_step_at(rec, i)->kind != SK_PRINT)
            continue;
        Question q = {.at = i, .line = rec_step_at(rec, i)->line};
        if (ask_print(rec, i, &prints, &q))
            add(out, &cap, &q);
    }
    xfree(prints.s);
}

void quiz_free(Quiz *z)
{
    xfree(z->q);
    memset(z, 0, sizeof *z);
}

long quiz_between(const Quiz *z, size_t from, size_t to)
{
    for (size_t i = 0; i < z->n; i++)
        if (z->q[i].at > from && z->q[i].at <= to)
            return (long)i;
    return -1;
}

void quiz_write_text(const Quiz *z, const char *title, FILE *out)
{
    fprintf(out, "%s\n\n", title);
    if (!z->n)
        fprintf(out, "(no questions: the scenario prints nothing and has no stops)\n");
    for (size_t i = 0; i < z->n; i++) {
        const Question *q = &z->q[i];
        fprintf(out, "%zu. %s\n", i + 1, q->text);
        for (int c = 0; c < q->n; c++)
            fprintf(out, "   %d) %s\n", c + 1, q->choice[c]);
        fputc('\n', out);
    }
    if (z->n) {
        fprintf(out, "Answers:");
        for (size_t i = 0; i < z->n; i++)
            fprintf(out, " %zu-%d", i + 1, z->q[i].answer + 1);
        fputc('\n', out);
    }
}

void quiz_write_json(const Quiz *z, const char *title, FILE *out)
{
    static const char *const kinds[] = {"print", "task", "clock"};
    Buf b;
    buf_init(&b);
    buf_puts(&b, "{\"title\": ");
    buf_put_json(&b, title);
    buf_puts(&b, ", \"questions\": [");
    for (size_t i = 0; i < z->n; i++) {
        const Question *q = &z->q[i];
        char head[96];
        snprintf(head, sizeof head, "%s\n  {\"number\": %zu, \"step\": %zu, \"kind\": \"%s\", \"line\": %d, \"question\": ",
                 i ? "," : "", i + 1, q->at + 1, kinds[q->kind], q->line);
        buf_puts(&b, head);
        buf_put_json(&b, q->text);
        buf_puts(&b, ", \"choices\": [");
        for (int c = 0; c < q->n; c++) {
            if (c)
                buf_puts(&b, ", ");
            buf_put_json(&b, q->choice[c]);
        }
        snprintf(head, sizeof head, "], \"answer\": %d}", q->answer + 1);
        buf_puts(&b, head);
    }
    buf_puts(&b, z->n ? "\n]}\n" : "]}\n");
    fwrite(b.s, 1, b.len, out);
    buf_free(&b);
}
