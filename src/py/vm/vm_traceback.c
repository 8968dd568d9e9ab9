/* vm_traceback.c: printing an uncaught exception as CPython does.
 * Owns: the traceback entries, the exception line, cause and context
 * chains and exception groups with CPython's limits (vm_print_traceback).
 * Leaves recording traceback entries to vm_eval.c (shared state in
 * vm_int.h). */
#include "vm_int.h"

#include "../objects/agen.h"
#include "builtins.h"
#include "suggest.h"
#include "../objects/klass.h"
#include "../objects/exgroup.h"
#include "../objects/ops.h"
#include "../objects/set.h"

#include <sys/resource.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------- traceback */

/* Every traceback line starts with pfx: "" outside exception groups, the
 * box margin ("  | ", "    | " ...) inside them. */
static void print_tb_entries(Obj *exc, FILE *out, const char *pfx, const char *header)
{
    ExcObj *e = (ExcObj *)exc;
    fprintf(out, "%s%s", header, "Traceback (most recent call last):\n");
    for (int i = e->ntb - 1; i >= 0; i--) {
        TbEntry *t = &e->tb[i];
        const char *fn = t->func ? STR_S(t->func) : "<module>";
        fprintf(out, "%s  File \"%s\", line %d, in %s\n", pfx, t->src ? t->src->path : "<unknown>", t->line,
                fn);
        size_t len;
        const char *line = t->src ? source_line(t->src, t->line, &len) : NULL;
        if (line) {
            while (len && (*line == ' ' || *line == '\t')) {
                line++;
                len--;
            }
            fprintf(out, "%s    %.*s\n", pfx, (int)len, line);
        }
    }
}

static void print_exc_line(Obj *exc, FILE *out, const char *pfx)
{
    Buf b;
    buf_init(&b);
    Obj *saved = err_fetch();
    obj_str(exc, &b);
    err_clear();
    if (saved)
        err_set(saved);
    suggest_suffix(exc, &b);
    if (b.len)
        fprintf(out, "%s%s: %s\n", pfx, exc->cls->name, b.s);
    else
        fprintf(out, "%s%s\n", pfx, exc->cls->name);
    buf_free(&b);
}

/* What one traceback print carries: CPython's limits on exception groups
 * (10 levels, 15 members shown), the exceptions already printed (a cause
 * or context cycle, or one that points back into its group, prints once,
 * as CPython's `seen` set does), and a cap on the total for pathological
 * shapes (a group of 15 copies of a group of 15 copies ...). */
enum { TB_GROUP_DEPTH = 10, TB_GROUP_WIDTH = 15, TB_MAX_PRINTED = 1000 };
typedef struct TbPrint {
    FILE *out;
    Obj **seen;
    size_t nseen, cap;
    bool need_close;     /* the innermost last group still owes its closing line */
} TbPrint;

static bool tb_seen(TbPrint *p, Obj *exc)
{
    for (size_t i = 0; i < p->nseen; i++)
        if (p->seen[i] == exc)
            return true;
    return false;
}

static void tb_mark(TbPrint *p, Obj *exc)
{
    if (p->nseen == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 16;
        p->seen = xrealloc(p->seen, p->cap * sizeof(Obj *));
    }
    p->seen[p->nseen++] = exc;
}

static void print_chain(TbPrint *p, Obj *exc, int depth, int group_depth);

/* CPython 3.11's boxed form of an exception group at nesting group_depth
 * (1 for the outermost): its own traceback and line, then each
 * sub-exception inside a numbered frame. Only the outermost header has
 * the "+" margin. */
static void print_group(TbPrint *p, Obj *exc, int group_depth, bool toplevel)
{
    ExcObj *e = (ExcObj *)exc;
    FILE *out = p->out;
    int indent = 2 * group_depth;
    char pfx[64], hdr[64];
    snprintf(pfx, sizeof pfx, "%*s| ", indent, "");
    snprintf(hdr, sizeof hdr, "%*s%c Exception Group ", indent, "", toplevel ? '+' : '|');
    if (e->ntb)
        print_tb_entries(exc, out, pfx, hdr);
    print_exc_line(exc, out, pfx);
    size_t n = TUP_N(e->extra), shown = n > TB_GROUP_WIDTH ? TB_GROUP_WIDTH : n;
    for (size_t i = 0; i < shown; i++) {
        if (i == 0)
            fprintf(out, "%*s+-+---------------- %zu ----------------\n", indent, "", i + 1);
        else
            fprintf(out, "%*s+---------------- %zu ----------------\n", indent + 2, "", i + 1);
        /* one closing line after the innermost last group, as CPython */
        if (i == n - 1)
            p->need_close = true;
        print_chain(p, TUP_ITEMS(e->extra)[i], 0, group_depth + 1);
        if (i == n - 1 && p->need_close) {
            fprintf(out, "%*s+------------------------------------\n", indent + 2, "");
            p->need_close = false;
        }
    }
    if (shown < n) {
        fprintf(out, "%*s+---------------- ... ----------------\n", indent + 2, "");
        fprintf(out, "%*s| and %zu more exception%s\n", indent + 2, "", n - shown, n - shown == 1 ? "" : "s");
        fprintf(out, "%*s+------------------------------------\n", indent + 2, "");
        p->need_close = false;
    }
}

static void print_chain(TbPrint *p, Obj *exc, int depth, int group_depth)
{
    ExcObj *e = (ExcObj *)exc;
    FILE *out = p->out;
    char pfx[64];
    if (group_depth)
        snprintf(pfx, sizeof pfx, "%*s| ", 2 * group_depth, "");
    else
        pfx[0] = '\0';
    bool group = class_is_sub(exc->cls, &BaseExceptionGroupClass) && e->extra;
    if (group && group_depth > TB_GROUP_DEPTH) {
        fprintf(out, "%s... (max_group_depth is %d)\n", pfx, TB_GROUP_DEPTH);
        return;
    }
    if (p->nseen >= TB_MAX_PRINTED) {
        fprintf(out, "%s... (more than %d exceptions: the rest are not shown)\n", pfx, TB_MAX_PRINTED);
        return;
    }
    tb_mark(p, exc);
    if (depth < 16) {
        const char *sep = NULL;
        if (e->cause && e->cause != None) {
            if (!tb_seen(p, e->cause)) {
                print_chain(p, e->cause, depth + 1, group_depth);
                sep = "The above exception was the direct cause of the following exception:";
            }
        } else if (e->context && !e->suppress_context && !tb_seen(p, e->context)) {
            print_chain(p, e->context, depth + 1, group_depth);
            sep = "During handling of the above exception, another exception occurred:";
        }
        if (sep)
            fprintf(out, "%s\n%s%s\n%s\n", pfx, pfx, sep, pfx);
    }
    if (group) {
        print_group(p, exc, group_depth ? group_depth : 1, group_depth == 0);
        return;
    }
    if (e->ntb)
        print_tb_entries(exc, out, pfx, pfx);
    print_exc_line(exc, out, pfx);
}

void vm_print_traceback(Obj *exc, FILE *out)
{
    TbPrint p = {.out = out};
    print_chain(&p, exc, 0, 0);
    xfree(p.seen);
}
