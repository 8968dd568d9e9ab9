/* regexp_str.c: RegExp objects and the String methods that take patterns.
 * Owns: the RegExp constructor and prototype (exec, test, toString, the
 * flag getters, lastIndex for g and y), exec's result arrays (index,
 * input, groups), and String.prototype.match, matchAll, search, split,
 * replace and replaceAll with a RegExp or a string pattern (replacement
 * patterns $&, $1, $<name>, $$, $`, $' and replacer functions).
 * Indices count code points (see regexp.h). Leaves matching to regexp.c. */
#include "natives.h"
#include "../objects/regexp.h"

#include <stdio.h>
#include <string.h>

/* ---- the subject as code points ---- */

typedef struct Subject {
    JsString *s;
    uint32_t *cp;
    size_t *off;   /* byte offset of each code point, and s->len at [n] */
    size_t n;
} Subject;

static void subject_init(Subject *S, JsString *s)
{
    S->s = s;
    S->cp = xmalloc((s->len + 1) * sizeof(uint32_t));
    S->off = xmalloc((s->len + 1) * sizeof(size_t));
    S->n = 0;
    for (size_t i = 0; i < s->len;) {
        uint32_t c;
        size_t len = utf8_decode(s->s + i, s->len - i, &c);
        S->off[S->n] = i;
        S->cp[S->n++] = c;
        i += len ? len : 1;
    }
    S->off[S->n] = s->len;
}

static void subject_free(Subject *S)
{
    xfree(S->cp);
    xfree(S->off);
}

static JsString *slice(JsRt *rt, const Subject *S, long a, long b)
{
    return js_str(rt, S->s->s + S->off[a], S->off[b] - S->off[a]);
}

/* ---- exec ---- */

static int this_regexp(JsRt *rt, JsValue self, const char *what, JsObject **out)
{
    if (self.tag == JV_OBJ && self.u.o->kind == JK_REGEXP) {
        *out = self.u.o;
        return 0;
    }
    return js_throw_error(rt, ERR_TYPE, "Method RegExp.prototype.%s called on incompatible receiver", what);
}

static JsString *s_last_index(JsRt *rt) { return js_intern(rt, "lastIndex"); }

/* RegExpBuiltinExec: 1 matched (caps filled), 0 not, -1 thrown. lastIndex
 * is read and written for g and y. */
static int builtin_exec(JsRt *rt, JsObject *r, const Subject *S, long *caps)
{
    JsRegex *re = r->x.re.re;
    int flags = js_regex_flags(re);
    bool global_or_sticky = flags & (RE_G | RE_Y);
    double li = 0;
    if (global_or_sticky) {
        JsValue v;
        if (js_get(rt, js_objv(r), s_last_index(rt), &v) < 0 || js_to_number(rt, v, &li) < 0)
            return -1;
        li = js_to_integer(li);
        if (li < 0)
            li = 0;
        if (li > (double)S->n) {
            js_set(rt, js_objv(r), s_last_index(rt), js_num(0));
            return 0;
        }
    }
    int m = js_regex_exec(rt, re, S->cp, S->n, (size_t)li, caps);
    if (m < 0)
        return -1;
    if (!m) {
        if (global_or_sticky && js_set(rt, js_objv(r), s_last_index(rt), js_num(0)) < 0)
            return -1;
        return 0;
    }
    if (global_or_sticky && js_set(rt, js_objv(r), s_last_index(rt), js_num((double)caps[1])) < 0)
        return -1;
    return 1;
}

/* The exec result: [match, ...groups] with index, input and groups. */
static JsObject *exec_result(JsRt *rt, JsRegex *re, const Subject *S, const long *caps)
{
    int ng = js_regex_ngroups(re);
    JsObject *a = js_array_new(rt, (size_t)ng);
    bool named = false;
    for (int i = 0; i < ng; i++) {
        js_array_push(rt, a, caps[2 * i] >= 0 ? js_strv(slice(rt, S, caps[2 * i], caps[2 * i + 1])) : JS_UNDEF);
        named |= js_regex_group_name(re, i) != NULL;
    }
    js_define(rt, a, js_intern(rt, "index"), js_num((double)caps[0]), PF_ENUM);
    js_define(rt, a, js_intern(rt, "input"), js_strv(S->s), PF_ENUM);
    JsValue groups = JS_UNDEF;
    if (named) {
        JsObject *g = js_obj_new(rt, JK_OBJECT, NULL);
        for (int i = 1; i < ng; i++)
            if (js_regex_group_name(re, i))
                js_define(rt, g, js_intern(rt, js_regex_group_name(re, i)), a->x.arr.items[i], PF_ENUM);
        groups = js_objv(g);
    }
    js_define(rt, a, js_intern(rt, "groups"), groups, PF_ENUM);
    return a;
}

static long *caps_new(JsRegex *re) { return xmalloc((size_t)(2 * js_regex_ngroups(re)) * sizeof(long)); }

NATIVE(re_exec)
{
    UNUSED;
    JsObject *r = NULL;
    JsString *s;
    if (this_regexp(rt, self, fn->x.nat.arity ? "test" : "exec", &r) < 0 || js_to_string(rt, ARG(0), &s) < 0)
        return -1;
    Subject S;
    subject_init(&S, s);
    long *caps = caps_new(r->x.re.re);
    int m = builtin_exec(rt, r, &S, caps);
    if (m >= 0)
        *out = fn->x.nat.arity ? js_bool(m == 1) : m ? js_objv(exec_result(rt, r->x.re.re, &S, caps)) : JS_NULL;
    xfree(caps);
    subject_free(&S);
    return m < 0 ? -1 : 0;
}

NATIVE(re_to_string)
{
    UNUSED;
    JsObject *r = NULL;
    if (this_regexp(rt, self, "toString", &r) < 0)
        return -1;
    Buf b;
    buf_init(&b);
    js_regexp_describe(r, &b);
    return js_native_string(rt, &b, out);
}

/* The flag getters (arity: the flag's bit; 0 for flags, -1 for source). */
NATIVE(re_flag)
{
    UNUSED;
    JsObject *r = NULL;
    if (this_regexp(rt, self, fn->x.nat.name, &r) < 0)
        return -1;
    int bit = fn->x.nat.arity;
    if (bit == -1)
        *out = js_strv(r->x.re.source);
    else if (bit == 0)
        *out = js_strv(js_cstr(rt, r->x.re.flags));
    else
        *out = js_bool(js_regex_flags(r->x.re.re) & bit);
    return 0;
}

/* Canonical flags ("dgimsuy" order) of a flags string, or NULL if invalid. */
static bool canonical_flags(const char *in, char *out)
{
    const char *order = "dgimsuy";
    int k = 0;
    for (const char *f = in; *f; f++)
        if (!strchr(order, *f) || strchr(f + 1, *f))
            return false;
    for (const char *o = order; *o; o++)
        if (strchr(in, *o))
            out[k++] = *o;
    out[k] = 0;
    return true;
}

/* The source text of a pattern as `source` shows it: '/' escaped, empty as (?:). */
static JsString *source_text(JsRt *rt, JsString *p)
{
    if (!p->len)
        return js_intern(rt, "(?:)");
    Buf b;
    buf_init(&b);
    bool in_class = false;
    for (size_t i = 0; i < p->len; i++) {
        char c = p->s[i];
        if (c == '\\' && i + 1 < p->len) {
            buf_putc(&b, c);
            buf_putc(&b, p->s[++i]);
            continue;
        }
        if (c == '[')
            in_class = true;
        else if (c == ']')
            in_class = false;
        if (c == '/' && !in_class)
            buf_putc(&b, '\\');
        if (c == '\n')
            buf_puts(&b, "\\n");
        else
            buf_putc(&b, c);
    }
    JsString *s = js_str(rt, b.s, b.len);
    buf_free(&b);
    return s;
}

int js_regexp_create(JsRt *rt, JsString *pattern, const char *flags, JsValue *out)
{
    char canon[16];
    if (strlen(flags) > 8 || !canonical_flags(flags, canon))
        return js_throw_error(rt, ERR_SYNTAX, "Invalid flags supplied to RegExp constructor '%s'", flags);
    const char *err;
    JsRegex *re = js_regex_compile(rt, pattern->s, pattern->len, canon, &err);
    JsString *src = source_text(rt, pattern);
    if (!re)
        return js_throw_error(rt, ERR_SYNTAX, "Invalid regular expression: /%s/%s: %s", src->s, canon, err);
    *out = js_objv(js_regexp_new(rt, re, src, canon));
    return 0;
}

NATIVE(re_ctor)
{
    UNUSED;
    JsValue p = ARG(0), f = ARG(1);
    JsString *pattern, *flags = NULL;
    if (js_regexp_of(p)) {
        JsObject *r = p.u.o;
        if (f.tag == JV_UNDEF && !rt->constructing) {
            *out = p;
            return 0;
        }
        pattern = r->x.re.source;
        if (f.tag == JV_UNDEF)
            flags = js_cstr(rt, r->x.re.flags);
    } else if (p.tag == JV_UNDEF) {
        pattern = js_intern(rt, "");
    } else if (js_to_string(rt, p, &pattern) < 0) {
        return -1;
    }
    rt->constructing = false;
    if (!flags) {
        if (f.tag == JV_UNDEF)
            flags = js_intern(rt, "");
        else if (js_to_string(rt, f, &flags) < 0)
            return -1;
    }
    return js_regexp_create(rt, pattern, flags->s, out);
}

/* ---- String methods ---- */

static int this_str(JsRt *rt, JsValue self, const char *what, JsString **out)
{
    if (js_is_nullish(self))
        return js_throw_error(rt, ERR_TYPE, "String.prototype.%s called on null or undefined", what);
    return js_to_string(rt, self, out);
}

/* A RegExp from a match/search argument (a string becomes a pattern). */
static int to_regexp(JsRt *rt, JsValue v, const char *flags, JsObject **out)
{
    if (js_regexp_of(v)) {
        *out = v.u.o;
        return 0;
    }
    JsString *p;
    JsValue r;
    if (v.tag == JV_UNDEF)
        p = js_intern(rt, "");
    else if (js_to_string(rt, v, &p) < 0)
        return -1;
    if (js_regexp_create(rt, p, flags, &r) < 0)
        return -1;
    *out = r.u.o;
    return 0;
}

/* Every match of a global regexp from 0 (lastIndex reset, empty matches
 * step one code point). Calls each(match caps); stops on -1. */
typedef int (*EachMatch)(JsRt *rt, JsObject *r, const Subject *S, const long *caps, void *ud);

static int all_matches(JsRt *rt, JsObject *r, const Subject *S, EachMatch each, void *ud)
{
    if (js_set(rt, js_objv(r), s_last_index(rt), js_num(0)) < 0)
        return -1;
    long *caps = caps_new(r->x.re.re);
    int rc = 0;
    for (;;) {
        int m = builtin_exec(rt, r, S, caps);
        if (m <= 0) {
            rc = m;
            break;
        }
        if (each(rt, r, S, caps, ud) < 0) {
            rc = -1;
            break;
        }
        if (caps[1] == caps[0]) {
            /* an empty match: move on one code point */
            if (js_set(rt, js_objv(r), s_last_index(rt), js_num((double)caps[1] + 1)) < 0) {
                rc = -1;
                break;
            }
        }
    }
    xfree(caps);
    return rc;
}

static int push_match(JsRt *rt, JsObject *r, const Subject *S, const long *caps, void *ud)
{
    (void)r;
    js_array_push(rt, ud, js_strv(slice(rt, S, caps[0], caps[1])));
    return 0;
}

static int push_result(JsRt *rt, JsObject *r, const Subject *S, const long *caps, void *ud)
{
    js_array_push(rt, ud, js_objv(exec_result(rt, r->x.re.re, S, caps)));
    return 0;
}

/* match (arity 0), matchAll (1), search (2) */
NATIVE(str_match)
{
    UNUSED;
    static const char *const names[] = {"match", "matchAll", "search"};
    int which = fn->x.nat.arity;
    JsString *s;
    JsObject *r = NULL;
    if (this_str(rt, self, names[which], &s) < 0)
        return -1;
    if (which == 1 && js_regexp_of(ARG(0)) && !(js_regex_flags(ARG(0).u.o->x.re.re) & RE_G))
        return js_throw_error(rt, ERR_TYPE, "String.prototype.matchAll called with a non-global RegExp argument");
    if (to_regexp(rt, ARG(0), which == 1 ? "g" : "", &r) < 0)
        return -1;
    Subject S;
    subject_init(&S, s);
    int rc = 0;
    int flags = js_regex_flags(r->x.re.re);
    if (which == 2) {
        long *caps = caps_new(r->x.re.re);
        int m = js_regex_exec(rt, r->x.re.re, S.cp, S.n, 0, caps);
        rc = m < 0 ? -1 : 0;
        *out = js_num(m == 1 ? (double)caps[0] : -1);
        xfree(caps);
    } else if (which == 0 && !(flags & RE_G)) {
        long *caps = caps_new(r->x.re.re);
        int m = builtin_exec(rt, r, &S, caps);
        rc = m < 0 ? -1 : 0;
        *out = m == 1 ? js_objv(exec_result(rt, r->x.re.re, &S, caps)) : JS_NULL;
        xfree(caps);
    } else {
        JsObject *a = js_array_new(rt, 0);
        /* matchAll works on a copy, so the argument's lastIndex is untouched */
        JsObject *use = r;
        if (which == 1)
            use = js_regexp_new(rt, r->x.re.re, r->x.re.source, r->x.re.flags);
        rc = all_matches(rt, use, &S, which == 1 ? push_result : push_match, a);
        if (which == 1) {
            JsObject *it = js_array_iterator(rt, a, 1);
            js_define(rt, it, js_intern(rt, "\xff" "tag"), js_strv(js_intern(rt, "RegExp String Iterator")), 0);
            *out = js_objv(it);
        } else {
            *out = a->x.arr.len ? js_objv(a) : JS_NULL;
        }
    }
    subject_free(&S);
    return rc;
}

/* The replacement text for one match: a function's result, or the
 * template with $ patterns expanded. */
static int replacement(JsRt *rt, JsRegex *re, const Subject *S, const long *caps, int ncaps, JsValue rep,
                       JsString *tmpl, Buf *b)
{
    if (js_is_callable(rep)) {
        JsObject *argv = js_array_new(rt, 0);
        JsValue groups = JS_UNDEF;
        for (int i = 0; i < ncaps; i++)
            js_array_push(rt, argv, caps[2 * i] >= 0 ? js_strv(slice(rt, S, caps[2 * i], caps[2 * i + 1])) : JS_UNDEF);
        js_array_push(rt, argv, js_num((double)caps[0]));
        js_array_push(rt, argv, js_strv(S->s));
        bool named = false;
        for (int i = 1; re && i < ncaps; i++)
            named |= js_regex_group_name(re, i) != NULL;
        if (named) {
            JsObject *g = js_obj_new(rt, JK_OBJECT, NULL);
            for (int i = 1; i < ncaps; i++)
                if (js_regex_group_name(re, i))
                    js_define(rt, g, js_intern(rt, js_regex_group_name(re, i)), argv->x.arr.items[i], PF_ENUM);
            groups = js_objv(g);
            js_array_push(rt, argv, groups);
        }
        JsValue v;
        JsString *r;
        if (js_call(rt, rep, JS_UNDEF, argv->x.arr.items, (int)argv->x.arr.len, &v) < 0 || js_to_string(rt, v, &r) < 0)
            return -1;
        buf_putn(b, r->s, r->len);
        return 0;
    }
    const char *t = tmpl->s;
    size_t n = tmpl->len;
    for (size_t i = 0; i < n; i++) {
        if (t[i] != '$' || i + 1 >= n) {
            buf_putc(b, t[i]);
            continue;
        }
        char c = t[i + 1];
        if (c == '$') {
            buf_putc(b, '$');
            i++;
        } else if (c == '&') {
            buf_putn(b, S->s->s + S->off[caps[0]], S->off[caps[1]] - S->off[caps[0]]);
            i++;
        } else if (c == '`') {
            buf_putn(b, S->s->s, S->off[caps[0]]);
            i++;
        } else if (c == '\'') {
            buf_putn(b, S->s->s + S->off[caps[1]], S->s->len - S->off[caps[1]]);
            i++;
        } else if (c >= '0' && c <= '9') {
            int g = c - '0', len = 1;
            if (i + 2 < n && t[i + 2] >= '0' && t[i + 2] <= '9' && g * 10 + (t[i + 2] - '0') < ncaps) {
                g = g * 10 + (t[i + 2] - '0');
                len = 2;
            }
            if (g == 0 || g >= ncaps) {
                buf_putc(b, '$');
                continue;
            }
            if (caps[2 * g] >= 0)
                buf_putn(b, S->s->s + S->off[caps[2 * g]], S->off[caps[2 * g + 1]] - S->off[caps[2 * g]]);
            i += (size_t)len;
        } else if (c == '<' && re) {
            const char *close = memchr(t + i + 2, '>', n - i - 2);
            bool named = false;
            for (int k = 1; k < ncaps; k++)
                named |= js_regex_group_name(re, k) != NULL;
            if (!close || !named) {
                buf_putc(b, '$');
                continue;
            }
            size_t len = (size_t)(close - (t + i + 2));
            for (int k = 1; k < ncaps; k++) {
                const char *name = js_regex_group_name(re, k);
                if (name && strlen(name) == len && !memcmp(name, t + i + 2, len) && caps[2 * k] >= 0)
                    buf_putn(b, S->s->s + S->off[caps[2 * k]], S->off[caps[2 * k + 1]] - S->off[caps[2 * k]]);
            }
            i = (size_t)(close - t);
        } else {
            buf_putc(b, '$');
        }
    }
    return 0;
}

typedef struct ReplaceState {
    Buf out;
    long last;           /* code point index copied up to */
    JsValue rep;
    JsString *tmpl;
} ReplaceState;

static int replace_one(JsRt *rt, JsObject *r, const Subject *S, const long *caps, void *ud)
{
    ReplaceState *st = ud;
    buf_putn(&st->out, S->s->s + S->off[st->last], S->off[caps[0]] - S->off[st->last]);
    if (replacement(rt, r->x.re.re, S, caps, js_regex_ngroups(r->x.re.re), st->rep, st->tmpl, &st->out) < 0)
        return -1;
    st->last = caps[1];
    return 0;
}

/* replace (arity 0) and replaceAll (1) */
NATIVE(str_replace_re)
{
    UNUSED;
    bool all = fn->x.nat.arity == 1;
    JsString *s;
    if (this_str(rt, self, all ? "replaceAll" : "replace", &s) < 0)
        return -1;
    JsValue pat = ARG(0), rep = ARG(1);
    ReplaceState st = {.rep = rep};
    if (!js_is_callable(rep) && js_to_string(rt, rep, &st.tmpl) < 0)
        return -1;
    Subject S;
    subject_init(&S, s);
    buf_init(&st.out);
    int rc = 0;
    if (js_regexp_of(pat)) {
        JsObject *r = pat.u.o;
        int flags = js_regex_flags(r->x.re.re);
        if (all && !(flags & RE_G)) {
            rc = js_throw_error(rt, ERR_TYPE, "replaceAll must be called with a global RegExp");
        } else if (flags & RE_G) {
            rc = all_matches(rt, r, &S, replace_one, &st);
        } else {
            long *caps = caps_new(r->x.re.re);
            int m = builtin_exec(rt, r, &S, caps);
            rc = m < 0 ? -1 : m ? replace_one(rt, r, &S, caps, &st) : 0;
            xfree(caps);
        }
    } else {
        JsString *p;
        if (js_to_string(rt, pat, &p) < 0) {
            rc = -1;
        } else {
            Subject P;
            subject_init(&P, p);
            for (size_t i = 0; i + P.n <= S.n && rc == 0;) {
                if (memcmp(s->s + S.off[i], p->s, p->len) != 0 || S.off[i] + p->len > s->len) {
                    i++;
                    continue;
                }
                long caps[2] = {(long)i, (long)(i + P.n)};
                buf_putn(&st.out, s->s + S.off[st.last], S.off[i] - S.off[st.last]);
                rc = replacement(rt, NULL, &S, caps, 1, rep, st.tmpl, &st.out);
                st.last = (long)(i + P.n);
                if (!all)
                    break;
                i += P.n ? P.n : 1;
                if (!P.n && i > S.n)
                    break;
                if (!P.n && i == S.n) {
                    long c2[2] = {(long)S.n, (long)S.n};
                    buf_putn(&st.out, s->s + S.off[st.last], S.off[S.n] - S.off[st.last]);
                    rc = replacement(rt, NULL, &S, c2, 1, rep, st.tmpl, &st.out);
                    st.last = (long)S.n;
                    break;
                }
            }
            subject_free(&P);
        }
    }
    if (rc == 0)
        buf_putn(&st.out, s->s + S.off[st.last], s->len - S.off[st.last]);
    subject_free(&S);
    if (rc < 0) {
        buf_free(&st.out);
        return -1;
    }
    if (rt->max_items && st.out.len > rt->max_items) {
        buf_free(&st.out);
        return js_limit(rt, "a string longer than --max-items");
    }
    return js_native_string(rt, &st.out, out);
}

/* split with a RegExp; other separators go to the string version (slot 0). */
NATIVE(str_split_re)
{
    if (!js_regexp_of(ARG(0)))
        return js_call(rt, fn->x.nat.slot[0], self, args, argc, out);
    JsString *s;
    if (this_str(rt, self, "split", &s) < 0)
        return -1;
    JsObject *r = ARG(0).u.o, *a = js_array_new(rt, 0);
    *out = js_objv(a);
    double lim = 4294967295.0;
    if (ARG(1).tag != JV_UNDEF && js_to_number(rt, ARG(1), &lim) < 0)
        return -1;
    size_t limit = lim >= 4294967295.0 ? (size_t)-1 : lim > 0 ? (size_t)lim : 0;
    if (!limit)
        return 0;
    Subject S;
    subject_init(&S, s);
    JsRegex *re = r->x.re.re;
    int ng = js_regex_ngroups(re);
    long *caps = caps_new(re);
    int rc = 0;
    if (S.n == 0) {
        int m = js_regex_exec(rt, re, S.cp, 0, 0, caps);
        if (m < 0)
            rc = -1;
        else if (!m)
            js_array_push(rt, a, js_strv(s));
        goto done;
    }
    /* the spec's splitter, with the search for the next match start done
     * by the matcher (the first position where a match exists) */
    size_t p = 0, q = 0;
    while (q < S.n) {
        int m = js_regex_exec(rt, re, S.cp, S.n, q, caps);
        if (m < 0) {
            rc = -1;
            goto done;
        }
        if (!m || (size_t)caps[0] >= S.n)
            break;
        size_t at = (size_t)caps[0], e = (size_t)caps[1];
        if (e > S.n)
            e = S.n;
        if (e == p) {
            q = at + 1;
            continue;
        }
        js_array_push(rt, a, js_strv(slice(rt, &S, (long)p, (long)at)));
        if (a->x.arr.len == limit)
            goto done;
        for (int i = 1; i < ng; i++) {
            js_array_push(rt, a, caps[2 * i] >= 0 ? js_strv(slice(rt, &S, caps[2 * i], caps[2 * i + 1])) : JS_UNDEF);
            if (a->x.arr.len == limit)
                goto done;
        }
        p = e;
        q = p;
    }
    js_array_push(rt, a, js_strv(slice(rt, &S, (long)p, (long)S.n)));
done:
    xfree(caps);
    subject_free(&S);
    return rc;
}

void js_regexp_install(JsRt *rt)
{
    rt->regexp_proto = js_obj_new(rt, JK_OBJECT, rt->object_proto);
    JsObject *R = js_native_ctor(rt, "RegExp", 2, re_ctor, rt->regexp_proto);
    (void)R;
    JsObject *rp = rt->regexp_proto;
    js_native_method(rt, rp, "exec", 1, re_exec)->x.nat.arity = 0;
    js_native_method(rt, rp, "test", 1, re_exec)->x.nat.arity = 1;
    js_native_method(rt, rp, "toString", 0, re_to_string);
    static const struct { const char *name; int bit; } getters[] = {
        {"source", -1}, {"flags", 0}, {"global", RE_G}, {"ignoreCase", RE_I}, {"multiline", RE_M},
        {"dotAll", RE_S}, {"unicode", RE_U}, {"sticky", RE_Y}, {"hasIndices", RE_D}};
    for (size_t i = 0; i < sizeof getters / sizeof getters[0]; i++) {
        JsObject *g = js_native_new(rt, getters[i].name, 0, re_flag);
        g->x.nat.arity = getters[i].bit;
        js_define_accessor(rt, rp, js_intern(rt, getters[i].name), js_objv(g), JS_UNDEF, 0);
    }
    JsObject *sp = rt->string_proto;
    js_native_method(rt, sp, "match", 1, str_match)->x.nat.arity = 0;
    js_native_method(rt, sp, "matchAll", 1, str_match)->x.nat.arity = 1;
    js_native_method(rt, sp, "search", 1, str_match)->x.nat.arity = 2;
    js_native_method(rt, sp, "replace", 2, str_replace_re)->x.nat.arity = 0;
    js_native_method(rt, sp, "replaceAll", 2, str_replace_re)->x.nat.arity = 1;
    JsProp *old_split = js_own_prop(sp, js_intern(rt, "split"));
    JsValue plain = old_split ? old_split->v : JS_UNDEF;
    js_native_method(rt, sp, "split", 2, str_split_re)->x.nat.slot[0] = plain;
}
