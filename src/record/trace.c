/* trace.c: the trace text and the step listings. See trace.h. */
#include "trace.h"

#include "../base/base.h"

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
        [SK_DEADLOCK] = "deadlock", [SK_LIMIT] = "limit", [SK_LOOP] = "loop", [SK_CREATE] = "create",
        [SK_RESUME] = "resume", [SK_SUSPEND] = "suspend", [SK_WAKE] = "wake", [SK_CLOCK] = "clock",
        [SK_BLOCK] = "block", [SK_LABEL] = "label",
    };
    return (unsigned)k < SK_KIND_COUNT ? names[k] : "?";
}

void trace_write(const Recording *r, FILE *out)
{
    size_t n = rec_nsteps(r);
    char t[64];
    for (size_t i = 0; i < n; i++) {
        const Step *s = rec_step_at(r, i);
        if (s->kind > SK_LIMIT)
            continue;
        trace_format_time(s->t, 3, t, sizeof t);
        const char *text = rec_str(r, s->text);
        if (s->kind == SK_END || s->kind == SK_DEADLOCK)
            fprintf(out, "%s %s\n", t, step_kind_name((StepKind)s->kind));
        else
            fprintf(out, "%s %s %s\n", t, step_kind_name((StepKind)s->kind), text);
    }
}

static void json_str(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", out);
        else if (c == '\t')
            fputs("\\t", out);
        else if (c < 0x20 || c == 0x7f)
            fprintf(out, "\\u%04x", c);
        else
            fputc(c, out);
    }
    fputc('"', out);
}

void steps_write_text(const Recording *r, FILE *out)
{
    size_t n = rec_nsteps(r);
    char t[64];
    for (size_t i = 0; i < n; i++) {
        const Step *s = rec_step_at(r, i);
        trace_format_time(s->t, 3, t, sizeof t);
        fprintf(out, "#%zu  t=%s  %-9s %s\n", i + 1, t, step_kind_name((StepKind)s->kind), rec_str(r, s->caption));
        fprintf(out, "      log: %s\n", rec_str(r, s->log));
        for (int k = 0; k < rec_ntasks(r); k++) {
            TaskView tv;
            if (!rec_task_at(r, k, i, &tv) || tv.hidden)
                continue;
            fprintf(out, "      %-8s %s (%s)", task_state_name(tv.state), tv.coro, tv.name);
            if (*tv.label)
                fprintf(out, "  %s", tv.label);
            if (tv.line)
                fprintf(out, "  line %d", tv.line);
            if (*tv.chain && strchr(tv.chain, ' '))
                fprintf(out, "  [%s]", tv.chain);
            fputc('\n', out);
        }
    }
}

void steps_write_json(const Recording *r, FILE *out)
{
    static const char *const outcomes[] = {"", "result", "raised", "cancelled", "never_awaited"};
    size_t n = rec_nsteps(r);
    char t[64];
    fputs("{\"path\": ", out);
    json_str(out, rec_path(r));
    fputs(", \"doc\": ", out);
    json_str(out, rec_doc(r));
    fputs(", \"steps\": [\n", out);
    for (size_t i = 0; i < n; i++) {
        const Step *s = rec_step_at(r, i);
        trace_format_time(s->t, 6, t, sizeof t);
        fprintf(out, "  {\"index\": %zu, \"t\": %s, \"kind\": \"%s\", \"task\": %d, \"line\": %d, \"text\": ", i + 1, t,
                step_kind_name((StepKind)s->kind), s->task, s->line);
        json_str(out, rec_str(r, s->text));
        fputs(", \"caption\": ", out);
        json_str(out, rec_str(r, s->caption));
        fputs(", \"log\": ", out);
        json_str(out, rec_str(r, s->log));
        fputs(", \"tasks\": [", out);
        bool first = true;
        for (int k = 0; k < rec_ntasks(r); k++) {
            TaskView tv;
            if (!rec_task_at(r, k, i, &tv) || tv.hidden)
                continue;
            fprintf(out, "%s{\"id\": %d, \"name\": ", first ? "" : ", ", k);
            first = false;
            json_str(out, tv.name);
            fputs(", \"coro\": ", out);
            json_str(out, tv.coro);
            fprintf(out, ", \"state\": \"%s\", \"outcome\": \"%s\", \"label\": ", task_state_name(tv.state),
                    outcomes[tv.outcome]);
            json_str(out, tv.label);
            fputs(", \"chain\": ", out);
            json_str(out, tv.chain);
            fprintf(out, ", \"line\": %d}", tv.line);
        }
        fprintf(out, "]}%s\n", i + 1 < n ? "," : "");
    }
    fputs("]}\n", out);
}
