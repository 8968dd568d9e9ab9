/* inspect.c: util.inspect's output for the values loopscope supports. See
 * inspect.h. The layout rules (when entries share a line, how arrays of
 * many short items fall into columns) follow Node's documented behaviour;
 * the code is our own. */
#include "inspect.h"
#include "bigint.h"
#include "symbol.h"
#include "regexp.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BREAK_LENGTH 80
#define COMPACT 3
#define DEPTH 2
#define MAX_ARRAY 100

typedef struct Ctx {
    JsRt *rt;
    JsObject *seen[64];
    int nseen;
    JsObject *circular[16];
    int ncircular;
    int indent;
    int current_depth;
} Ctx;

/* A list of formatted entries. */
typedef struct Out {
    char **s;
    int n, cap;
} Out;

static void out_add(Out *o, char *s)
{
    if (o->n == o->cap) {
        o->cap = o->cap ? o->cap * 2 : 8;
        o->s = xrealloc(o->s, (size_t)o->cap * sizeof(char *));
    }
    o->s[o->n++] = s;
}

static void out_free(Out *o)
{
    for (int i = 0; i < o->n; i++)
        xfree(o->s[i]);
    xfree(o->s);
}

static size_t width(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xc0) != 0x80;
    return n;
}

static char *format_value(Ctx *c, JsValue v, int depth, bool top);

/* The bytes of b for the caller to free; b is released. */
static char *take(Buf *b)
{
    char *s = buf_take(b, NULL);
    buf_free(b);
    return s;
}

void js_quote(const JsString *s, Buf *b)
{
    bool has_single = memchr(s->s, '\'', s->len) != NULL;
    char q = '\'';
    if (has_single) {
        if (!memchr(s->s, '"', s->len))
            q = '"';
        else if (!memchr(s->s, '`', s->len) && !strstr(s->s, "${"))
            q = '`';
    }
    buf_putc(b, q);
    for (size_t i = 0; i < s->len; i++) {
        unsigned char ch = (unsigned char)s->s[i];
        if (ch == (unsigned char)q && q == '\'') {
            buf_puts(b, "\\'");
        } else if (ch == '\\') {
            buf_puts(b, "\\\\");
        } else if (ch == '\n') {
            buf_puts(b, "\\n");
        } else if (ch == '\t') {
            buf_puts(b, "\\t");
        } else if (ch == '\b') {
            buf_puts(b, "\\b");
        } else if (ch == '\f') {
            buf_puts(b, "\\f");
        } else if (ch == '\r') {
            buf_puts(b, "\\r");
        } else if (ch < 0x20 || ch == 0x7f) {
            buf_printf(b, "\\x%02X", ch);
        } else if (ch == 0xc2 && i + 1 < s->len && (unsigned char)s->s[i + 1] >= 0x80 &&
                   (unsigned char)s->s[i + 1] <= 0x9f) {
            buf_printf(b, "\\x%02X", (unsigned char)s->s[++i]);
        } else {
            buf_putc(b, (char)ch);
        }
    }
    buf_putc(b, q);
}

static char *primitive(JsRt *rt, JsValue v)
{
    Buf b;
    buf_init(&b);
    switch (v.tag) {
    case JV_UNDEF:
        buf_puts(&b, "undefined");
        break;
    case JV_NULL:
        buf_puts(&b, "null");
        break;
    case JV_BOOL:
        buf_puts(&b, v.u.b ? "true" : "false");
        break;
    case JV_NUM:
        if (v.u.n == 0 && signbit(v.u.n)) {
            buf_puts(&b, "-0");
        } else {
            char n[64];
            js_number_fmt(v.u.n, n, sizeof n);
            buf_puts(&b, n);
        }
        break;
    case JV_STR:
        js_quote(v.u.s, &b);
        break;
    case JV_SYM:
        js_symbol_describe(v.u.s, &b);
        break;
    case JV_BIG:
        buf_puts(&b, js_big_to_string(rt, v.u.big, 10)->s);
        buf_putc(&b, 'n');
        break;
    default:
        buf_puts(&b, "undefined");
        break;
    }
    return take(&b);
}

/* The name of the nearest constructor on the prototype chain, or NULL for
 * an object without prototype. */
static const char *ctor_name(JsRt *rt, JsObject *o)
{
    for (int guard = 0; o && guard < 1000; o = o->proto, guard++) {
        JsProp *p = js_own_prop(o, rt->s_constructor);
        if (p && !(p->flags & PF_ACCESSOR) && js_is_callable(p->v)) {
            JsObject *f = p->v.u.o;
            const char *name = f->kind == JK_NATIVE ? f->x.nat.name : NULL;
            JsProp *np = js_own_prop(f, rt->s_name);
            if (np && np->v.tag == JV_STR)
                name = np->v.u.s->s;
            if (name && *name)
                return name;
        }
    }
    return NULL;
}

static bool is_ident_key(const JsString *k)
{
    if (!k->len)
        return false;
    for (size_t i = 0; i < k->len; i++) {
        char ch = k->s[i];
        bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' || (i && ch >= '0' && ch <= '9');
        if (!ok)
            return false;
    }
    return true;
}

static char *property(Ctx *c, JsObject *o, JsString *key, int depth, bool array_item)
{
    JsProp *p = js_own_prop(o, key);
    char *val;
    if (p && (p->flags & PF_ACCESSOR)) {
        bool g = p->v.tag != JV_UNDEF, s = p->set.tag != JV_UNDEF;
        val = xstrdup(g && s ? "[Getter/Setter]" : g ? "[Getter]" : s ? "[Setter]" : "undefined");
    } else {
        JsValue v = p ? p->v : JS_UNDEF;
        c->indent += 2;
        val = format_value(c, v, depth, false);
        c->indent -= 2;
    }
    if (array_item)
        return val;
    Buf b;
    buf_init(&b);
    if (js_is_symkey(key)) {
        buf_putc(&b, '[');
        js_symbol_describe(key, &b);
        buf_putc(&b, ']');
    } else if (!strcmp(key->s, "__proto__"))
        buf_puts(&b, "['__proto__']");
    else if (is_ident_key(key))
        buf_puts(&b, key->s);
    else
        js_quote(key, &b);
    buf_puts(&b, ": ");
    buf_puts(&b, val);
    xfree(val);
    return take(&b);
}

static bool below_break_length(const Ctx *c, Out *o, size_t start, const char *base)
{
    size_t total = (size_t)o->n + start;
    if (total + (size_t)o->n > BREAK_LENGTH)
        return false;
    for (int i = 0; i < o->n; i++) {
        total += width(o->s[i]);
        if (total > BREAK_LENGTH)
            return false;
    }
    (void)c;
    return !*base || !strchr(base, '\n');
}

/* Arrays of more than six entries: rows of aligned columns. Returns true
 * when it regrouped out. numbers: every item is a number (padded left). */
static bool group_array(Ctx *c, Out *o, bool numbers, bool has_more)
{
    int n = o->n - (has_more ? 1 : 0);
    size_t total = 0, maxlen = 0;
    size_t *len = xmalloc((size_t)(n ? n : 1) * sizeof(size_t));
    for (int i = 0; i < n; i++) {
        len[i] = width(o->s[i]);
        total += len[i] + 2;
        if (len[i] > maxlen)
            maxlen = len[i];
    }
    size_t actual = maxlen + 2;
    bool grouped = false;
    if (actual * 3 + (size_t)c->indent < BREAK_LENGTH && ((double)total / (double)actual > 5 || maxlen <= 6)) {
        double bias = sqrt((double)actual - (double)total / (double)o->n);
        double biased = fmax((double)actual - 3 - bias, 1);
        double cols = fmin(fmin(round(sqrt(2.5 * biased * n) / biased), floor((double)(BREAK_LENGTH - c->indent) / (double)actual)),
                           fmin(COMPACT * 4, 15));
        int columns = (int)cols;
        if (columns > 1) {
            size_t *colmax = xcalloc((size_t)columns, sizeof(size_t));
            for (int i = 0; i < columns; i++) {
                for (int j = i; j < o->n; j += columns)
                    if (j < n && len[j] > colmax[i])
                        colmax[i] = len[j];
                colmax[i] += 2;
            }
            Out rows = {0};
            for (int i = 0; i < n; i += columns) {
                int max = i + columns < n ? i + columns : n;
                Buf b;
                buf_init(&b);
                int j = i;
                for (; j < max - 1; j++) {
                    size_t w = len[j] + 2, pad = colmax[j - i] > w ? colmax[j - i] - w : 0;
                    if (numbers)
                        for (size_t k = 0; k < pad; k++)
                            buf_putc(&b, ' ');
                    buf_puts(&b, o->s[j]);
                    buf_puts(&b, ", ");
                    if (!numbers)
                        for (size_t k = 0; k < pad; k++)
                            buf_putc(&b, ' ');
                }
                if (numbers) {
                    size_t target = colmax[j - i] - 2;
                    for (size_t k = len[j]; k < target; k++)
                        buf_putc(&b, ' ');
                }
                buf_puts(&b, o->s[j]);
                out_add(&rows, take(&b));
            }
            if (has_more)
                out_add(&rows, xstrdup(o->s[o->n - 1]));
            out_free(o);
            *o = rows;
            xfree(colmax);
            grouped = true;
        }
    }
    xfree(len);
    return grouped;
}

static char *reduce(Ctx *c, Out *o, const char *base, const char *open, const char *close, bool array_extras,
                    int depth, bool numbers, bool has_more)
{
    int entries = o->n;
    bool grouped = false;
    if (array_extras && entries > 6)
        grouped = group_array(c, o, numbers, has_more);
    Buf b;
    buf_init(&b);
    if (c->current_depth - depth < COMPACT && !grouped) {
        size_t start = (size_t)o->n + (size_t)c->indent + strlen(open) + strlen(base) + 10;
        if (below_break_length(c, o, start, base)) {
            Buf j;
            buf_init(&j);
            for (int i = 0; i < o->n; i++) {
                if (i)
                    buf_puts(&j, ", ");
                buf_puts(&j, o->s[i]);
            }
            if (!strchr(j.s, '\n')) {
                if (*base)
                    buf_printf(&b, "%s ", base);
                buf_printf(&b, "%s %s %s", open, j.s, close);
                buf_free(&j);
                return take(&b);
            }
            buf_free(&j);
        }
    }
    if (*base)
        buf_printf(&b, "%s ", base);
    buf_puts(&b, open);
    for (int i = 0; i < o->n; i++) {
        buf_putc(&b, '\n');
        for (int k = 0; k < c->indent + 2; k++)
            buf_putc(&b, ' ');
        buf_puts(&b, o->s[i]);
        if (i + 1 < o->n)
            buf_putc(&b, ',');
    }
    buf_putc(&b, '\n');
    for (int k = 0; k < c->indent; k++)
        buf_putc(&b, ' ');
    buf_puts(&b, close);
    return take(&b);
}

static void function_base(Ctx *c, JsObject *f, Buf *b)
{
    JsRt *rt = c->rt;
    const char *name = "";
    if (f->kind == JK_NATIVE)
        name = f->x.nat.name ? f->x.nat.name : "";
    JsProp *np = js_own_prop(f, rt->s_name);
    if (np && np->v.tag == JV_STR)
        name = np->v.u.s->s;
    if (f->kind == JK_FUNCTION && (f->fnflags & FN_CLASS)) {
        buf_printf(b, "[class %s", *name ? name : "(anonymous)");
        if (f->proto && f->proto != rt->function_proto) {
            const char *sup = "";
            JsProp *sp = js_own_prop(f->proto, rt->s_name);
            if (sp && sp->v.tag == JV_STR)
                sup = sp->v.u.s->s;
            else if (f->proto->kind == JK_NATIVE && f->proto->x.nat.name)
                sup = f->proto->x.nat.name;
            if (*sup)
                buf_printf(b, " extends %s", sup);
        }
        buf_putc(b, ']');
        return;
    }
    bool async = f->kind == JK_FUNCTION && (f->fnflags & FN_ASYNC);
    bool gen = f->kind == JK_FUNCTION && (f->fnflags & FN_GENERATOR);
    buf_printf(b, "[%s", gen ? "GeneratorFunction" : async ? "AsyncFunction" : "Function");
    if (*name)
        buf_printf(b, ": %s]", name);
    else
        buf_puts(b, " (anonymous)]");
}

static char *format_object(Ctx *c, JsObject *o, int depth)
{
    JsRt *rt = c->rt;
    const char *ctor = ctor_name(rt, o);
    JsObject *keys = js_own_keys(rt, o, true);
    for (int i = 0; i < o->nprops; i++) /* then the symbol keys, as Node lists them */
        if ((o->props[i].flags & PF_ENUM) && js_is_symkey(o->props[i].key))
            js_array_push(rt, keys, js_strv(o->props[i].key));
    size_t nkeys = keys->x.arr.len;
    size_t first_key = 0;
    if (o->kind == JK_ARRAY) {
        /* the index keys are the items; the rest are extra keys */
        while (first_key < nkeys && js_array_index(keys->x.arr.items[first_key].u.s) >= 0)
            first_key++;
    }
    size_t extra = nkeys - first_key;
    Buf base;
    buf_init(&base);
    char open[160];
    const char *close = "}";
    bool array_extras = false;
    switch (o->kind) {
    case JK_ARRAY:
        if (ctor && strcmp(ctor, "Array") != 0)
            snprintf(open, sizeof open, "%s(%zu) [", ctor, o->x.arr.len);
        else if (!ctor)
            snprintf(open, sizeof open, "[Array(%zu): null prototype] [", o->x.arr.len);
        else
            snprintf(open, sizeof open, "[");
        close = "]";
        array_extras = true;
        if (o->x.arr.len == 0 && extra == 0) {
            buf_free(&base);
            char *r = xmalloc(strlen(open) + 2);
            sprintf(r, "%s]", open);
            return r;
        }
        break;
    case JK_MAP:
    case JK_SET: {
        const char *kind = o->kind == JK_MAP ? "Map" : "Set";
        snprintf(open, sizeof open, "%s(%zu) {", ctor ? ctor : kind, o->x.map.len);
        if (o->x.map.len == 0 && nkeys == 0) {
            buf_free(&base);
            char *r = xmalloc(strlen(open) + 2);
            sprintf(r, "%s}", open);
            return r;
        }
        break;
    }
    case JK_FUNCTION:
    case JK_NATIVE:
        function_base(c, o, &base);
        if (nkeys == 0)
            return take(&base);
        snprintf(open, sizeof open, "{");
        break;
    case JK_ERROR: {
        JsProp *st = js_own_prop(o, rt->s_stack);
        if (st && st->v.tag == JV_STR)
            buf_puts(&base, st->v.u.s->s);
        else
            buf_puts(&base, "Error");
        if (nkeys == 0)
            return take(&base);
        snprintf(open, sizeof open, "{");
        break;
    }
    case JK_PROMISE:
        snprintf(open, sizeof open, "%s {", ctor ? ctor : "Promise");
        break;
    case JK_REGEXP:
        js_regexp_describe(o, &base);
        if (nkeys == 0)
            return take(&base);
        snprintf(open, sizeof open, "{");
        break;
    case JK_DATE: {
        double ms = o->x.date;
        time_t secs = (time_t)floor(ms / 1000);
        struct tm tm;
        gmtime_r(&secs, &tm);
        buf_printf(&base, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                   tm.tm_hour, tm.tm_min, tm.tm_sec, (int)fmod(ms, 1000));
        if (nkeys == 0)
            return take(&base);
        snprintf(open, sizeof open, "{");
        break;
    }
    default:
        if (o->kind == JK_GENERATOR)
            snprintf(open, sizeof open, "Object [%s] {", o->fnflags ? "AsyncGenerator" : "Generator");
        else if (js_own_prop(o, js_intern(rt, "\xff" "tag")))  /* a built-in iterator (iter.c) */
            snprintf(open, sizeof open, "Object [%s] {", js_own_prop(o, js_intern(rt, "\xff" "tag"))->v.u.s->s);
        else if (!ctor)
            snprintf(open, sizeof open, "[Object: null prototype] {");
        else if (strcmp(ctor, "Object") != 0)
            snprintf(open, sizeof open, "%s {", ctor);
        else
            snprintf(open, sizeof open, "{");
        if (nkeys == 0 && o->kind != JK_PROMISE) {
            buf_free(&base);
            char *r = xmalloc(strlen(open) + 2);
            sprintf(r, "%s}", open);
            return r;
        }
        break;
    }
    if (depth > DEPTH) {
        buf_free(&base);
        Buf b;
        buf_init(&b);
        const char *n = o->kind == JK_ARRAY ? "Array" : ctor ? ctor : "Object";
        if (!ctor && o->kind != JK_ARRAY)
            buf_puts(&b, "[Object: null prototype]");
        else
            buf_printf(&b, "[%s]", n);
        return take(&b);
    }
    depth++;
    if (c->nseen < 64)
        c->seen[c->nseen++] = o;
    c->current_depth = depth;
    Out out = {0};
    bool numbers = true, has_more = false;
    switch (o->kind) {
    case JK_ARRAY: {
        size_t n = o->x.arr.len < MAX_ARRAY ? o->x.arr.len : MAX_ARRAY;
        for (size_t i = 0; i < n; i++) {
            JsValue v = o->x.arr.items[i];
            if (v.tag == JV_HOLE) {
                size_t k = i;
                while (k < o->x.arr.len && o->x.arr.items[k].tag == JV_HOLE)
                    k++;
                Buf b;
                buf_init(&b);
                buf_printf(&b, "<%zu empty item%s>", k - i, k - i > 1 ? "s" : "");
                out_add(&out, take(&b));
                numbers = false;
                i = k - 1;
                continue;
            }
            if (v.tag != JV_NUM)
                numbers = false;
            c->indent += 2;
            out_add(&out, format_value(c, v, depth, false));
            c->indent -= 2;
        }
        if (o->x.arr.len > MAX_ARRAY) {
            Buf b;
            buf_init(&b);
            size_t rest = o->x.arr.len - MAX_ARRAY;
            buf_printf(&b, "... %zu more item%s", rest, rest > 1 ? "s" : "");
            out_add(&out, take(&b));
            has_more = true;
        }
        break;
    }
    case JK_SET:
    case JK_MAP:
        c->indent += 2;
        for (size_t i = 0; i < o->x.map.len && i < MAX_ARRAY; i++) {
            char *k = format_value(c, o->x.map.keys[i], depth, false);
            if (o->kind == JK_MAP) {
                char *v = format_value(c, o->x.map.vals[i], depth, false);
                Buf b;
                buf_init(&b);
                buf_printf(&b, "%s => %s", k, v);
                xfree(k);
                xfree(v);
                k = take(&b);
            }
            out_add(&out, k);
        }
        c->indent -= 2;
        break;
    case JK_PROMISE:
        if (o->x.pr.state == PS_PENDING) {
            out_add(&out, xstrdup("<pending>"));
        } else {
            c->indent += 2;
            char *v = format_value(c, o->x.pr.value, depth, false);
            c->indent -= 2;
            if (o->x.pr.state == PS_REJECTED) {
                Buf b;
                buf_init(&b);
                buf_printf(&b, "<rejected> %s", v);
                xfree(v);
                v = take(&b);
            }
            out_add(&out, v);
        }
        break;
    default:
        break;
    }
    for (size_t i = first_key; i < nkeys; i++)
        out_add(&out, property(c, o, keys->x.arr.items[i].u.s, depth, false));
    if (c->nseen && c->seen[c->nseen - 1] == o)
        c->nseen--;
    for (int i = 0; i < c->ncircular; i++) {
        if (c->circular[i] == o) {
            char ref[32];
            snprintf(ref, sizeof ref, "<ref *%d>", i + 1);
            if (base.len) {
                char *old = take(&base);
                buf_printf(&base, "%s %s", ref, old);
                xfree(old);
            } else {
                buf_puts(&base, ref);
            }
        }
    }
    char *r = reduce(c, &out, base.s, open, close, array_extras, depth, numbers && o->kind == JK_ARRAY, has_more);
    out_free(&out);
    buf_free(&base);
    return r;
}

static char *format_value(Ctx *c, JsValue v, int depth, bool top)
{
    (void)top;
    if (v.tag != JV_OBJ)
        return primitive(c->rt, v);
    JsObject *o = v.u.o;
    for (int i = 0; i < c->nseen; i++) {
        if (c->seen[i] == o) {
            int idx = 0;
            for (int k = 0; k < c->ncircular; k++)
                if (c->circular[k] == o)
                    idx = k + 1;
            if (!idx && c->ncircular < 16) {
                c->circular[c->ncircular++] = o;
                idx = c->ncircular;
            }
            char buf[32];
            snprintf(buf, sizeof buf, "[Circular *%d]", idx);
            return xstrdup(buf);
        }
    }
    if (c->nseen >= 60)
        return xstrdup("[Object]");
    return format_object(c, o, depth);
}

void js_inspect(JsRt *rt, JsValue v, Buf *b)
{
    Ctx c = {.rt = rt};
    char *s = format_value(&c, v, 0, true);
    buf_puts(b, s);
    xfree(s);
}

static int append_string(JsRt *rt, JsValue v, Buf *b)
{
    JsString *s;
    if (js_to_string(rt, v, &s) < 0)
        return -1;
    buf_putn(b, s->s, s->len);
    return 0;
}

static void append_number(double d, Buf *b)
{
    char n[64];
    if (d == 0 && signbit(d))
        snprintf(n, sizeof n, "-0");
    else
        js_number_fmt(d, n, sizeof n);
    buf_puts(b, n);
}


int js_format_log(JsRt *rt, JsValue *args, int argc, Buf *b)
{
    int a = 0;
    const char *join = "";
    if (argc > 0 && args[0].tag == JV_STR) {
        const JsString *first = args[0].u.s;
        if (argc == 1) {
            buf_putn(b, first->s, first->len);
            return 0;
        }
        size_t last = 0;
        for (size_t i = 0; i + 1 < first->len; i++) {
            if (first->s[i] != '%')
                continue;
            char nc = first->s[++i];
            if (a + 1 != argc) {
                Buf t;
                buf_init(&t);
                bool took = true;
                switch (nc) {
                case 's': {
                    JsValue x = args[++a];
                    if (x.tag == JV_NUM)
                        append_number(x.u.n, &t);
                    else if (x.tag == JV_OBJ && !js_is_callable(x)) {
                        Ctx c = {.rt = rt, .current_depth = 0};
                        /* depth 0: nested objects show as [Object] */
                        char *s = format_value(&c, x, DEPTH, true);
                        buf_puts(&t, s);
                        xfree(s);
                    } else if (append_string(rt, x, &t) < 0) {
                        buf_free(&t);
                        return -1;
                    }
                    break;
                }
                case 'j': {
                    bool undef = false;
                    if (js_json_stringify(rt, args[++a], "", &t, &undef) < 0) {
                        buf_free(&t);
                        return -1;
                    }
                    if (undef)
                        buf_puts(&t, "undefined");
                    break;
                }
                case 'd':
                case 'i':
                case 'f': {
                    JsValue x = args[++a];
                    double d;
                    if (x.tag == JV_OBJ)
                        d = NAN;
                    else if (js_to_number(rt, x, &d) < 0) {
                        buf_free(&t);
                        return -1;
                    }
                    if (nc == 'i')
                        d = isnan(d) || isinf(d) ? NAN : trunc(d);
                    append_number(d, &t);
                    break;
                }
                case 'O':
                case 'o':
                    js_inspect(rt, args[++a], &t);
                    break;
                case 'c':
                    a++;
                    break;
                case '%':
                    buf_putn(b, first->s + last, i - last);
                    last = i + 1;
                    took = false;
                    break;
                default:
                    took = false;
                    break;
                }
                if (took) {
                    if (last != i - 1)
                        buf_putn(b, first->s + last, i - 1 - last);
                    buf_putn(b, t.s, t.len);
                    last = i + 1;
                }
                buf_free(&t);
            } else if (nc == '%') {
                buf_putn(b, first->s + last, i - last);
                last = i + 1;
            }
        }
        if (last != 0) {
            a++;
            join = " ";
            if (last < first->len)
                buf_putn(b, first->s + last, first->len - last);
        }
    }
    for (; a < argc; a++) {
        buf_puts(b, join);
        if (args[a].tag == JV_STR)
            buf_putn(b, args[a].u.s->s, args[a].u.s->len);
        else
            js_inspect(rt, args[a], b);
        join = " ";
    }
    return 0;
}

/* ---- JSON.stringify ---- */

static void json_quote(const JsString *s, Buf *b)
{
    buf_putc(b, '"');
    for (size_t i = 0; i < s->len; i++) {
        unsigned char ch = (unsigned char)s->s[i];
        switch (ch) {
        case '"': buf_puts(b, "\\\""); break;
        case '\\': buf_puts(b, "\\\\"); break;
        case '\n': buf_puts(b, "\\n"); break;
        case '\t': buf_puts(b, "\\t"); break;
        case '\r': buf_puts(b, "\\r"); break;
        case '\b': buf_puts(b, "\\b"); break;
        case '\f': buf_puts(b, "\\f"); break;
        default:
            if (ch < 0x20)
                buf_printf(b, "\\u%04x", ch);
            else
                buf_putc(b, (char)ch);
        }
    }
    buf_putc(b, '"');
}

static void json_newline(Buf *b, const char *indent, int level)
{
    if (!*indent)
        return;
    buf_putc(b, '\n');
    for (int i = 0; i < level; i++)
        buf_puts(b, indent);
}

static int json_value(JsRt *rt, JsValue v, const char *indent, int level, JsObject **stack, int nstack, Buf *b,
                      bool *skip)
{
    *skip = false;
    if (v.tag == JV_OBJ && !js_is_callable(v)) {
        JsValue tj;
        if (js_get(rt, v, js_intern(rt, "toJSON"), &tj) < 0)
            return -1;
        if (js_is_callable(tj) && js_call(rt, tj, v, NULL, 0, &v) < 0)
            return -1;
    }
    switch (v.tag) {
    case JV_BIG:
        return js_throw_error(rt, ERR_TYPE, "Do not know how to serialize a BigInt");
    case JV_NULL:
        buf_puts(b, "null");
        return 0;
    case JV_BOOL:
        buf_puts(b, v.u.b ? "true" : "false");
        return 0;
    case JV_NUM:
        if (isnan(v.u.n) || isinf(v.u.n)) {
            buf_puts(b, "null");
        } else {
            char n[64];
            js_number_fmt(v.u.n, n, sizeof n);
            buf_puts(b, n);
        }
        return 0;
    case JV_STR:
        json_quote(v.u.s, b);
        return 0;
    case JV_OBJ:
        break;
    default:
        *skip = true;
        return 0;
    }
    if (js_is_callable(v)) {
        *skip = true;
        return 0;
    }
    JsObject *o = v.u.o;
    for (int i = 0; i < nstack; i++)
        if (stack[i] == o)
            return js_throw_error(rt, ERR_TYPE, "Converting circular structure to JSON");
    if (nstack >= 200)
        return js_throw_error(rt, ERR_RANGE, "Maximum call stack size exceeded");
    stack[nstack++] = o;
    if (o->kind == JK_ARRAY) {
        buf_putc(b, '[');
        for (size_t i = 0; i < o->x.arr.len; i++) {
            if (i)
                buf_putc(b, ',');
            json_newline(b, indent, level + 1);
            bool sk;
            JsValue x = o->x.arr.items[i];
            if (json_value(rt, x.tag == JV_HOLE ? JS_UNDEF : x, indent, level + 1, stack, nstack, b, &sk) < 0)
                return -1;
            if (sk)
                buf_puts(b, "null");
        }
        if (o->x.arr.len)
            json_newline(b, indent, level);
        buf_putc(b, ']');
        return 0;
    }
    buf_putc(b, '{');
    JsObject *keys = js_own_keys(rt, o, true);
    bool any = false;
    for (size_t i = 0; i < keys->x.arr.len; i++) {
        JsString *k = keys->x.arr.items[i].u.s;
        JsValue x;
        if (js_get(rt, v, k, &x) < 0)
            return -1;
        size_t mark = b->len;
        if (any)
            buf_putc(b, ',');
        json_newline(b, indent, level + 1);
        json_quote(k, b);
        buf_puts(b, *indent ? ": " : ":");
        bool sk;
        if (json_value(rt, x, indent, level + 1, stack, nstack, b, &sk) < 0)
            return -1;
        if (sk) {
            b->len = mark;
            b->s[mark] = 0;
        } else {
            any = true;
        }
    }
    if (any)
        json_newline(b, indent, level);
    buf_putc(b, '}');
    return 0;
}

int js_json_stringify(JsRt *rt, JsValue v, const char *indent, Buf *b, bool *undef)
{
    JsObject *stack[200];
    return json_value(rt, v, indent, 0, stack, 0, b, undef);
}
