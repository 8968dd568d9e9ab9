/* literal.h: test helpers shared by check_ops.c and check_builtins.c.
 * Owns: building interpreter values from Python literal text ("[1, 'a']",
 * "(2.5,)", "{'k': None}", "range(1, 5)", "inf"), and rendering a result
 * or the pending exception as text ("[1, 2]" or "TypeError: msg") so that
 * table rows can hold what CPython 3.11 printed for the same expression.
 * Names are looked up in the builtins and may be followed by attribute
 * lookups and calls ("len", "str.lower", "ValueError(1)"), so vm_init
 * must have run. Static inline so each suite takes only what it uses. */
#ifndef LS_TEST_LITERAL_H
#define LS_TEST_LITERAL_H

#include "../src/py/objects/iter.h"
#include "../src/py/objects/obj.h"
#include "../src/py/vm/vm.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static inline void lit_skip(const char **p)
{
    while (**p == ' ')
        (*p)++;
}

static inline Obj *lit_value(const char **p);

/* Items up to `close`, separated by commas; *trailing tells whether the
 * last item was followed by a comma (the 1-tuple form). */
static inline Obj *lit_items(const char **p, char close, bool *trailing)
{
    Obj *l = list_new(4);
    *trailing = false;
    lit_skip(p);
    while (**p != close) {
        list_append_steal(l, lit_value(p));
        lit_skip(p);
        *trailing = false;
        if (**p == ',') {
            (*p)++;
            *trailing = true;
            lit_skip(p);
        }
    }
    (*p)++;
    return l;
}

static inline Obj *lit_string(const char **p)
{
    char q = *(*p)++;
    Buf b;
    buf_init(&b);
    while (**p && **p != q) {
        char c = *(*p)++;
        if (c == '\\') {
            c = *(*p)++;
            switch (c) {
            case 'n': c = '\n'; break;
            case 't': c = '\t'; break;
            case 'r': c = '\r'; break;
            case '0': c = '\0'; break;
            default: break;
            }
        }
        buf_putc(&b, c);
    }
    (*p)++;
    Obj *s = str_new(b.s, b.len);
    buf_free(&b);
    return s;
}

static inline bool lit_is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* A builtin name, then any ".attr" and "(args)" suffixes. */
static inline Obj *lit_name(const char **p)
{
    char name[64];
    size_t n = 0;
    while (lit_is_name_char(**p) && n + 1 < sizeof name)
        name[n++] = *(*p)++;
    name[n] = '\0';
    Obj *v = dict_get_c(vm_builtins(), name);
    ck_assert_msg(v != NULL, "unknown name in literal: %s", name);
    INCREF(v);
    for (;;) {
        if (**p == '.') {
            (*p)++;
            n = 0;
            while (lit_is_name_char(**p) && n + 1 < sizeof name)
                name[n++] = *(*p)++;
            name[n] = '\0';
            Obj *a = obj_getattr(v, str_intern(name));
            ck_assert_ptr_nonnull(a);
            SETREF(v, a);
        } else if (**p == '(') {
            (*p)++;
            bool trailing;
            Obj *args = lit_items(p, ')', &trailing);
            Obj *r = vm_call(v, LIST_ITEMS(args), (int)LIST_N(args), NULL);
            ck_assert_ptr_nonnull(r);
            DECREF(args);
            SETREF(v, r);
        } else {
            return v;
        }
    }
}

static inline Obj *lit_value(const char **p)
{
    lit_skip(p);
    const char *s = *p;
    bool trailing;
    if (*s == '\'' || *s == '"')
        return lit_string(p);
    if (*s == '[') {
        (*p)++;
        return lit_items(p, ']', &trailing);
    }
    if (*s == '(') {
        (*p)++;
        Obj *l = lit_items(p, ')', &trailing);
        Obj *t = tuple_new(LIST_N(l));
        for (size_t i = 0; i < LIST_N(l); i++) {
            INCREF(LIST_ITEMS(l)[i]);
            TUP_ITEMS(t)[i] = LIST_ITEMS(l)[i];
        }
        DECREF(l);
        return t;
    }
    if (*s == '{') {
        (*p)++;
        Obj *d = dict_new();
        lit_skip(p);
        while (**p != '}') {
            Obj *k = lit_value(p);
            lit_skip(p);
            ck_assert_int_eq(**p, ':');
            (*p)++;
            Obj *v = lit_value(p);
            dict_set(d, k, v);
            DECREF(k);
            DECREF(v);
            lit_skip(p);
            if (**p == ',')
                (*p)++;
            lit_skip(p);
        }
        (*p)++;
        return d;
    }
    static const struct { const char *word; int kind; } words[] = {
        {"None", 0}, {"True", 1}, {"False", 2}, {"-inf", 3}, {"inf", 4}, {"nan", 5}, {"range(", 6},
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        size_t n = strlen(words[i].word);
        if (strncmp(s, words[i].word, n) != 0)
            continue;
        *p += n;
        switch (words[i].kind) {
        case 0: return none_new();
        case 1: return bool_new(true);
        case 2: return bool_new(false);
        case 3: return float_new(-INFINITY);
        case 4: return float_new(INFINITY);
        case 5: return float_new(NAN);
        default: {
            Obj *l = lit_items(p, ')', &trailing);
            int64_t a[3] = {0, 0, 1};
            for (size_t k = 0; k < LIST_N(l); k++)
                a[k] = INT_V(LIST_ITEMS(l)[k]);
            Obj *r = LIST_N(l) == 1 ? range_new(0, a[0], 1) : range_new(a[0], a[1], a[2]);
            DECREF(l);
            return r;
        }
        }
    }
    if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_')
        return lit_name(p);
    char *end;
    long long iv = strtoll(s, &end, 10);
    if (*end == '.' || *end == 'e' || *end == 'E') {
        double d = strtod(s, &end);
        *p = end;
        return float_new(d);
    }
    ck_assert_msg(end != s, "bad literal: %s", s);
    *p = end;
    return int_new(iv);
}

/* A new value from the literal text src. */
static inline Obj *lit(const char *src)
{
    const char *p = src;
    return lit_value(&p);
}

/* repr(v) as malloc'd text, or "Class: message" for the pending exception
 * when v is NULL ("<no exception>" if none is pending). Releases v. */
static inline char *lit_result(Obj *v)
{
    Buf b;
    buf_init(&b);
    if (v) {
        if (obj_repr(v, &b) < 0)
            buf_puts(&b, "<repr failed>");
        DECREF(v);
    } else {
        Obj *e = err_fetch();
        if (!e) {
            buf_puts(&b, "<no exception>");
        } else {
            buf_printf(&b, "%s: ", CLS(e)->name);
            obj_str(e, &b);
            DECREF(e);
        }
    }
    char *out = buf_take(&b, NULL);
    buf_free(&b);
    return out;
}

/* Check that v (or the pending exception) renders as want; ctx names the
 * case in the failure message. Releases v. */
#define ck_assert_result(v, want, ctx) do { \
        char *got_ = lit_result(v); \
        ck_assert_msg(strcmp(got_, (want)) == 0, "%s: got %s, want %s", (ctx), got_, (want)); \
        free(got_); \
    } while (0)

#endif
