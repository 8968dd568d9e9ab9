/* trace.c: the trace text and the step listings. See trace.h. */
#include "trace.h"

#include "../base/base.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void trace_format_time(double t, int decimals, char *buf, size_t n)
{
    /* %f is correctly rounded in glibc, like Python's format; only the
     * decimal point may come from the locale, so normalise it. */
    snprintf(buf, n, "%.*f", decimals, t);
    for (char *p = buf; *p; p++)
        if (*p == ',')
            *p = '.';
}

uint64_t trace_us(double seconds)
{
    if (!(seconds > 0))
        return 0;
    if (seconds > 1e12)
        seconds = 1e12;
    return (uint64_t)llround(seconds * 1e6);
}

const char *task_state_name(TaskState s)
{
    static const char *const names[] = {"READY", "RUNNING", "WAITING", "DONE"};
    return (unsigned)s < 4 ? names[s] : "?";
}

const char *step_kind_name(StepKind k)
{
    static const char *const names[SK_KIND_COUNT] = {
        [SK_START] = "start", [SK_PRINT] = "print", [SK_DONE] = "done", [SK_RAISED] = "raised",
        [SK_CANCELLED] = "cancelled", [SK_WARN] = "warn", [SK_END] = "end", [SK_ERROR] = "error",
        [SK_DEADLOCK] = "deadlock", [SK_LIMIT] = "limit", [SK_UNHANDLED] = "unhandled", [SK_LOOP] = "loop", [SK_CREATE] = "create",
        [SK_RESUME] = "resume", [SK_SUSPEND] = "suspend", [SK_WAKE] = "wake", [SK_CLOCK] = "clock",
        [SK_BLOCK] = "block", [SK_LABEL] = "label",
        [SK_JOB_START] = "job-start", [SK_JOB_END] = "job-end", [SK_STDERR] = "stderr",
    };
    return (unsigned)k < SK_KIND_COUNT ? names[k] : "?";
}

void trace_write(const Recording *r, FILE *out)
{
    size_t n = rec_nsteps(r);
    char t[64];
    /* a trace line is one step in hundreds on a long run: the others are
     * skipped by their kind alone, with nothing decoded */
    for (size_t i = 0; i < n; i++) {
        StepKind kind = rec_step_kind(r, i);
        if (kind > SK_UNHANDLED)
            continue;
        const Step *s = rec_step_at(r, i);
        trace_format_time(s->t, 3, t, sizeof t);
        fputs(t, out);
        fputc(' ', out);
        fputs(step_kind_name(kind), out);
        if (kind != SK_END && kind != SK_DEADLOCK) {
            fputc(' ', out);
            fputs(rec_str(r, s->text), out);
        }
        fputc('\n', out);
    }
}

/* s as a JSON string (base.c does the escaping). */
static void json_str(FILE *out, const char *s)
{
    Buf b;
    buf_init(&b);
    buf_put_json(&b, s);
    fwrite(b.s, 1, b.len, out);
    buf_free(&b);
}

/* One task as the steps listing shows it. */
static void write_task_line(const Recording *r, int id, size_t step, FILE *out)
{
    TaskView tv;
    if (!rec_task_at(r, id, step, &tv) || tv.hidden)
        return;
    Buf words;
    buf_init(&words);
    fprintf(out, "      %-8s %s", task_state_name(tv.state), tv.who);
    if (*tv.label)
        fprintf(out, "  %s", rec_words_s(r, tv.label, &words));
    buf_free(&words);
    if (tv.line)
        fprintf(out, "  line %d", tv.line);
    if (*tv.chain && strchr(tv.chain, ' '))
        fprintf(out, "  [%s]", tv.chain);
    fputc('\n', out);
}

/* Steps are written one at a time through a scratch stream, so a listing
 * stops before the step that would take it past its byte limit. */
typedef struct StepOut {
    FILE *out, *m;
    char *text;
    size_t size, written, max;
} StepOut;

static FILE *step_begin(StepOut *so, FILE *out, size_t max)
{
    *so = (StepOut){.out = out, .max = max};
    so->m = open_memstream(&so->text, &so->size);
    if (!so->m)
        die("out of memory");
    return so->m;
}

/* The step written to so->m since the last call goes out, or, when it
 * would pass the limit, nothing does and false is returned. */
static bool step_put(StepOut *so)
{
    fflush(so->m);
    size_t len = so->size;
    fseek(so->m, 0, SEEK_SET);
    if (so->max && len > so->max - so->written)
        return false;
    fwrite(so->text, 1, len, so->out);
    so->written += len;
    return true;
}

static void step_end(StepOut *so)
{
    fclose(so->m);
    free(so->text); /* open_memstream's, from libc */
}

size_t steps_write_text(const Recording *r, FILE *out, size_t max_bytes)
{
    size_t n = rec_nsteps(r);
    /* Every task change once, bucketed by step (counting sort), so the
     * listing is proportional to the changes, not steps x tasks. */
    size_t *start = xcalloc(n + 1, sizeof(size_t));
    size_t total = 0;
    for (int k = 0; k < rec_ntasks(r); k++) {
        for (size_t c = 0; c < rec_task_nchanges(r, k); c++)
            start[rec_task_change_step(r, k, c) + 1]++;
        total += rec_task_nchanges(r, k);
    }
    for (size_t i = 0; i < n; i++)
        start[i + 1] += start[i];
    int *ids = xmalloc((total ? total : 1) * sizeof(int));
    size_t *fill = xmalloc((n + 1) * sizeof(size_t));
    memcpy(fill, start, (n + 1) * sizeof(size_t));
    for (int k = 0; k < rec_ntasks(r); k++)
        for (size_t c = 0; c < rec_task_nchanges(r, k); c++)
            ids[fill[rec_task_change_step(r, k, c)]++] = k;
    char t[64];
    StepOut so;
    FILE *m = step_begin(&so, out, max_bytes);
    Buf words;
    buf_init(&words);
    size_t i;
    for (i = 0; i < n; i++) {
        const Step *s = rec_step_at(r, i);
        trace_format_time(s->t, 3, t, sizeof t);
        fprintf(m, "#%zu  t=%s  %-9s %s\n", i + 1, t, step_kind_name((StepKind)s->kind),
                rec_words(r, s->caption, &words));
        if (s->log)
            fprintf(m, "      log: %s\n", rec_words(r, s->log, &words));
        for (size_t j = start[i]; j < start[i + 1]; j++)
            if (j == start[i] || ids[j] != ids[j - 1])
                write_task_line(r, ids[j], i, m);
        if (!step_put(&so))
            break;
    }
    if (i < n)
        fprintf(out, "... stopped after %zu of %zu steps: the listing reached its limit of %zu MB\n", i, n,
                max_bytes >> 20);
    step_end(&so);
    buf_free(&words);
    xfree(start);
    xfree(fill);
    xfree(ids);
    return i;
}

size_t steps_write_json(const Recording *r, FILE *out, size_t max_bytes)
{
    static const char *const outcomes[] = {"", "result", "raised", "cancelled", "never_awaited"};
    size_t n = rec_nsteps(r);
    char t[64];
    fputs("{\"path\": ", out);
    json_str(out, rec_path(r));
    fputs(", \"doc\": ", out);
    json_str(out, rec_doc(r));
    fputs(", \"steps\": [\n", out);
    StepOut so;
    FILE *const m = step_begin(&so, out, max_bytes); /* a step at a time, whole or not at all */
    Buf words;
    buf_init(&words);
    size_t i;
    for (i = 0; i < n; i++) {
        const Step *s = rec_step_at(r, i);
        trace_format_time(s->t, 6, t, sizeof t);
        fprintf(m, "%s  {\"index\": %zu, \"t\": %s, \"kind\": \"%s\", \"task\": %d, \"line\": %d, \"text\": ",
                i ? ",\n" : "", i + 1, t, step_kind_name((StepKind)s->kind), s->task, s->line);
        json_str(m, rec_str(r, s->text));
        fputs(", \"caption\": ", m);
        json_str(m, rec_words(r, s->caption, &words));
        fputs(", \"log\": ", m);
        json_str(m, rec_words(r, s->log, &words));
        fputs(", \"tasks\": [", m);
        bool first = true;
        for (int k = 0; k < rec_ntasks(r); k++) {
            TaskView tv;
            if (!rec_task_at(r, k, i, &tv) || tv.hidden)
                continue;
            fprintf(m, "%s{\"id\": %d, \"name\": ", first ? "" : ", ", k);
            first = false;
            json_str(m, tv.name);
            fputs(", \"who\": ", m);
            json_str(m, tv.who);
            fputs(", \"coro\": ", m);
            json_str(m, tv.coro);
            fprintf(m, ", \"state\": \"%s\", \"outcome\": \"%s\", \"label\": ", task_state_name(tv.state),
                    outcomes[tv.outcome]);
            json_str(m, rec_words_s(r, tv.label, &words));
            fputs(", \"chain\": ", m);
            json_str(m, tv.chain);
            fprintf(m, ", \"line\": %d}", tv.line);
        }
        fputs("]}", m);
        if (!step_put(&so))
            break;
    }
    step_end(&so);
    buf_free(&words);
    if (i < n)
        fprintf(out, "\n], \"truncated\": {\"steps_written\": %zu, \"steps\": %zu, \"limit_mb\": %zu}}\n", i, n,
                max_bytes >> 20);
    else
        fputs("\n]}\n", out);
    return i;
}
