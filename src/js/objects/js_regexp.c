/* regexp.c: the regular expression engine. See regexp.h.
 * Owns: parsing a pattern (JavaScript's syntax: alternation, groups
 * (capturing, (?:), named), classes with ranges and \d\w\s, anchors, \b,
 * backreferences, greedy and lazy quantifiers, lookahead and lookbehind)
 * into a small tree, compiling the tree into instructions for a
 * backtracking machine (an explicit stack, so no C recursion per
 * character), and running them over the subject's code points. Every
 * instruction counts against the run's operation budget, so a
 * catastrophic pattern stops at --max-ops instead of hanging.
 * Leaves RegExp objects and the String methods to regexp_str.c. */
#include "regexp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    I_CHAR, I_ANY, I_CLASS, I_SPLIT, I_JMP, I_SAVE, I_BOL, I_EOL, I_WORDB, I_NWORDB, I_BACKREF,
    I_LOOK, I_MARK, I_PROGRESS, I_MATCH, I_ATPOS, I_CLEAR
};

enum { MAX_PROG = 200000, MAX_DEPTH = 200 };

typedef struct ClassItem {
    uint32_t lo, hi;   /* a range, or lo = 0, hi = 0 and kind set */
    char kind;         /* 0 range; 'd','w','s' builtin; upper case: negated builtin */
} ClassItem;

typedef struct ReClass {
    ClassItem *items;
    int n, cap;
    bool negate;
} ReClass;

struct JsRegex {
    int *prog;
    int nprog;
    ReClass *classes;
    int nclasses;
    int ngroups;       /* with group 0 */
    int nregs;
    char **names;      /* per group, or NULL */
    int flags;
};

/* ---- the tree ---- */

typedef enum { T_EMPTY, T_CHAR, T_ANY, T_CLASS, T_CAT, T_ALT, T_GROUP, T_REPEAT, T_BOL, T_EOL, T_WB, T_NWB, T_BACKREF, T_LOOK } TKind;

typedef struct TNode TNode;
struct TNode {
    TKind kind;
    uint32_t c;        /* T_CHAR; T_CLASS index; T_GROUP capture index (-1 none); T_BACKREF group; T_LOOK kind */
    int min, max;      /* T_REPEAT (max -1: no bound) */
    bool greedy;
    const char *ref;   /* T_BACKREF by name, resolved after parsing */
    TNode **kids;
    int nkids, capkids;
};

typedef struct Parser {
    const uint32_t *p, *end;
    int flags;
    const char *err;
    int ngroups;       /* groups opened so far (group 0 included) */
    int total_groups;  /* from the pre-scan */
    char **names;
    int depth;
    bool names_any;    /* the pattern has named groups (then \k<name> is a reference) */
    ReClass *classes;
    int nclasses, capclasses;
    TNode **all;       /* every node, for freeing */
    int nall, capall;
} Parser;

static TNode *tnew(Parser *P, TKind k)
{
    TNode *t = xcalloc(1, sizeof *t);
    t->kind = k;
    if (P->nall == P->capall) {
        P->capall = P->capall ? P->capall * 2 : 32;
        P->all = xrealloc(P->all, (size_t)P->capall * sizeof(TNode *));
    }
    P->all[P->nall++] = t;
    return t;
}

static void tadd(TNode *t, TNode *k)
{
    if (t->nkids == t->capkids) {
        t->capkids = t->capkids ? t->capkids * 2 : 4;
        t->kids = xrealloc(t->kids, (size_t)t->capkids * sizeof(TNode *));
    }
    t->kids[t->nkids++] = k;
}

static TNode *fail(Parser *P, const char *msg)
{
    if (!P->err)
        P->err = msg;
    return NULL;
}

static bool at(Parser *P, uint32_t c) { return P->p < P->end && *P->p == c; }

static int hexdig(uint32_t c)
{
    if (c >= '0' && c <= '9') return (int)(c - '0');
    if ((c | 32) >= 'a' && (c | 32) <= 'f') return (int)((c | 32) - 'a' + 10);
    return -1;
}

static ReClass *class_new(Parser *P, uint32_t *index)
{
    if (P->nclasses == P->capclasses) {
        P->capclasses = P->capclasses ? P->capclasses * 2 : 8;
        P->classes = xrealloc(P->classes, (size_t)P->capclasses * sizeof(ReClass));
    }
    *index = (uint32_t)P->nclasses;
    ReClass *c = &P->classes[P->nclasses++];
    memset(c, 0, sizeof *c);
    return c;
}

static void class_add(ReClass *c, uint32_t lo, uint32_t hi, char kind)
{
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 4;
        c->items = xrealloc(c->items, (size_t)c->cap * sizeof(ClassItem));
    }
    c->items[c->n++] = (ClassItem){lo, hi, kind};
}

/* An escape after '\' (the backslash already read) that stands for one
 * character: *out. Returns false if it is not one (a class escape etc.). */
static bool char_escape(Parser *P, uint32_t *out)
{
    uint32_t c = *P->p;
    switch (c) {
    case 'n': *out = '\n'; P->p++; return true;
    case 'r': *out = '\r'; P->p++; return true;
    case 't': *out = '\t'; P->p++; return true;
    case 'v': *out = '\v'; P->p++; return true;
    case 'f': *out = '\f'; P->p++; return true;
    case '0':
        if (!(P->p + 1 < P->end && P->p[1] >= '0' && P->p[1] <= '9')) {
            *out = 0;
            P->p++;
            return true;
        }
        break;
    case 'c':
        if (P->p + 1 < P->end && ((P->p[1] | 32) >= 'a' && (P->p[1] | 32) <= 'z')) {
            *out = P->p[1] % 32;
            P->p += 2;
            return true;
        }
        *out = '\\';
        return true;
    case 'x':
        if (P->p + 2 < P->end && hexdig(P->p[1]) >= 0 && hexdig(P->p[2]) >= 0) {
            *out = (uint32_t)(hexdig(P->p[1]) * 16 + hexdig(P->p[2]));
            P->p += 3;
            return true;
        }
        if (P->flags & RE_U) {
            fail(P, "Invalid escape");
            return false;
        }
        *out = 'x';
        P->p++;
        return true;
    case 'u':
        if (P->p + 1 < P->end && P->p[1] == '{' && (P->flags & RE_U)) {
            const uint32_t *q = P->p + 2;
            uint32_t v = 0;
            int k = 0;
            while (q < P->end && hexdig(*q) >= 0 && v <= 0x10ffff)
                v = v * 16 + (uint32_t)hexdig(*q++), k++;
            if (!k || q >= P->end || *q != '}' || v > 0x10ffff) {
                fail(P, "Invalid Unicode escape");
                return false;
            }
            *out = v;
            P->p = q + 1;
            return true;
        }
        if (P->p + 4 < P->end && hexdig(P->p[1]) >= 0 && hexdig(P->p[2]) >= 0 && hexdig(P->p[3]) >= 0 &&
            hexdig(P->p[4]) >= 0) {
            *out = (uint32_t)((hexdig(P->p[1]) << 12) | (hexdig(P->p[2]) << 8) | (hexdig(P->p[3]) << 4) | hexdig(P->p[4]));
            P->p += 5;
            return true;
        }
        if (P->flags & RE_U) {
            fail(P, "Invalid Unicode escape");
            return false;
        }
        *out = 'u';
        P->p++;
        return true;
    default:
        break;
    }
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        if (P->flags & RE_U) {
            fail(P, "Invalid escape");
            return false;
        }
    }
    *out = c;
    P->p++;
    return true;
}

static bool class_escape_kind(uint32_t c) { return c == 'd' || c == 'D' || c == 'w' || c == 'W' || c == 's' || c == 'S'; }

static TNode *parse_class(Parser *P)
{
    /* '[' already read */
    uint32_t idx;
    ReClass *cls = class_new(P, &idx);
    if (at(P, '^')) {
        cls->negate = true;
        P->p++;
    }
    for (;;) {
        if (P->p >= P->end)
            return fail(P, "Unterminated character class");
        if (*P->p == ']') {
            P->p++;
            break;
        }
        uint32_t lo;
        bool is_char = true;
        char kind = 0;
        if (*P->p == '\\') {
            P->p++;
            if (P->p >= P->end)
                return fail(P, "\\ at end of pattern");
            if (class_escape_kind(*P->p)) {
                uint32_t k = *P->p++;
                kind = (char)k;
                is_char = false;
            } else if (*P->p == 'b') {
                lo = 8;
                P->p++;
            } else if (*P->p == '-') {
                lo = '-';
                P->p++;
            } else if (!char_escape(P, &lo)) {
                return NULL;
            }
        } else {
            lo = *P->p++;
        }
        cls = &P->classes[idx];
        if (!is_char) {
            class_add(cls, 0, 0, kind);
            continue;
        }
        if (at(P, '-') && P->p + 1 < P->end && P->p[1] != ']') {
            P->p++;
            uint32_t hi;
            if (*P->p == '\\') {
                P->p++;
                if (P->p >= P->end)
                    return fail(P, "\\ at end of pattern");
                if (class_escape_kind(*P->p)) {
                    if (P->flags & RE_U)
                        return fail(P, "Invalid character class");
                    class_add(cls, lo, lo, 0);
                    class_add(cls, '-', '-', 0);
                    class_add(cls, 0, 0, (char)*P->p++);
                    continue;
                }
                if (*P->p == 'b') {
                    hi = 8;
                    P->p++;
                } else if (!char_escape(P, &hi)) {
                    return NULL;
                }
            } else {
                hi = *P->p++;
            }
            if (hi < lo)
                return fail(P, "Range out of order in character class");
            class_add(&P->classes[idx], lo, hi, 0);
        } else {
            class_add(cls, lo, lo, 0);
        }
    }
    TNode *t = tnew(P, T_CLASS);
    t->c = idx;
    return t;
}

static TNode *builtin_class(Parser *P, char kind)
{
    uint32_t idx;
    ReClass *c = class_new(P, &idx);
    class_add(c, 0, 0, kind);
    TNode *t = tnew(P, T_CLASS);
    t->c = idx;
    return t;
}

static TNode *parse_alt(Parser *P);

/* A group name after "(?<" or "\k<": letters, digits, _ and $ up to '>'. */
static char *group_name(Parser *P)
{
    Buf b;
    buf_init(&b);
    while (P->p < P->end && *P->p != '>') {
        uint32_t c = *P->p;
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || (b.len && c >= '0' && c <= '9');
        if (!ok || c > 127) {
            buf_free(&b);
            return NULL;
        }
        buf_putc(&b, (char)c);
        P->p++;
    }
    if (P->p >= P->end || !b.len) {
        buf_free(&b);
        return NULL;
    }
    P->p++;
    char *s = xstrdup(b.s);
    buf_free(&b);
    return s;
}

static TNode *parse_atom(Parser *P)
{
    uint32_t c = *P->p++;
    switch (c) {
    case '.':
        return tnew(P, T_ANY);
    case '^':
        return tnew(P, T_BOL);
    case '$':
        return tnew(P, T_EOL);
    case '[':
        return parse_class(P);
    case '(': {
        if (++P->depth > MAX_DEPTH)
            return fail(P, "Regular expression too large");
        TNode *t;
        if (at(P, '?')) {
            P->p++;
            uint32_t k = P->p < P->end ? *P->p : 0;
            if (k == ':') {
                P->p++;
                t = tnew(P, T_GROUP);
                t->c = (uint32_t)-1;
            } else if (k == '=' || k == '!') {
                P->p++;
                t = tnew(P, T_LOOK);
                t->c = k == '=' ? 0 : 1;
            } else if (k == '<' && P->p + 1 < P->end && (P->p[1] == '=' || P->p[1] == '!')) {
                t = tnew(P, T_LOOK);
                t->c = P->p[1] == '=' ? 2 : 3;
                P->p += 2;
            } else if (k == '<') {
                P->p++;
                char *name = group_name(P);
                if (!name)
                    return fail(P, "Invalid capture group name");
                for (int i = 1; i < P->ngroups; i++)
                    if (P->names[i] && !strcmp(P->names[i], name)) {
                        xfree(name);
                        return fail(P, "Duplicate capture group name");
                    }
                t = tnew(P, T_GROUP);
                t->c = (uint32_t)P->ngroups;
                P->names[P->ngroups++] = name;
            } else {
                return fail(P, "Invalid group");
            }
        } else {
            t = tnew(P, T_GROUP);
            t->c = (uint32_t)P->ngroups++;
        }
        TNode *inner = parse_alt(P);
        if (!inner)
            return NULL;
        if (!at(P, ')'))
            return fail(P, "Unterminated group");
        P->p++;
        P->depth--;
        tadd(t, inner);
        return t;
    }
    case ')':
        return fail(P, "Unmatched ')'");
    case '*':
    case '+':
    case '?':
        return fail(P, "Nothing to repeat");
    case '{':
        if (P->flags & RE_U)
            return fail(P, "Lone quantifier brackets");
        break;
    case '}':
    case ']':
        if (P->flags & RE_U)
            return fail(P, "Lone quantifier brackets");
        break;
    case '\\': {
        if (P->p >= P->end)
            return fail(P, "\\ at end of pattern");
        uint32_t e = *P->p;
        if (class_escape_kind(e)) {
            P->p++;
            return builtin_class(P, (char)e);
        }
        if (e == 'b' || e == 'B') {
            P->p++;
            return tnew(P, e == 'b' ? T_WB : T_NWB);
        }
        if (e >= '1' && e <= '9') {
            const uint32_t *q = P->p;
            int n = 0;
            while (q < P->end && *q >= '0' && *q <= '9' && n < 100000)
                n = n * 10 + (int)(*q++ - '0');
            if (n < P->total_groups) {
                P->p = q;
                TNode *t = tnew(P, T_BACKREF);
                t->c = (uint32_t)n;
                return t;
            }
            if (P->flags & RE_U)
                return fail(P, "Invalid escape");
            if (e >= '8') {
                P->p++;
                TNode *t = tnew(P, T_CHAR);
                t->c = e;
                return t;
            }
            /* a legacy octal escape */
            uint32_t v = 0;
            int k = 0;
            while (P->p < P->end && *P->p >= '0' && *P->p <= '7' && k < 3 && v * 8 + (*P->p - '0') <= 255)
                v = v * 8 + (*P->p++ - '0'), k++;
            TNode *t = tnew(P, T_CHAR);
            t->c = v;
            return t;
        }
        if (e == 'k' && P->p + 1 < P->end && P->p[1] == '<' && (P->names_any || (P->flags & RE_U))) {
            P->p += 2;
            char *name = group_name(P);
            if (!name)
                return fail(P, "Invalid named reference");
            TNode *t = tnew(P, T_BACKREF);
            t->ref = name;
            return t;
        }
        uint32_t ch;
        if (!char_escape(P, &ch))
            return P->err ? NULL : fail(P, "Invalid escape");
        TNode *t = tnew(P, T_CHAR);
        t->c = ch;
        return t;
    }
    default:
        break;
    }
    TNode *t = tnew(P, T_CHAR);
    t->c = c;
    return t;
}

/* {n}, {n,}, {n,m} at P->p ('{' not yet read): true and the bounds, or false
 * (then it is a literal '{' outside u mode). */
static bool braces(Parser *P, int *min, int *max)
{
    const uint32_t *q = P->p + 1;
    long a = 0, b = -1;
    int k = 0;
    while (q < P->end && *q >= '0' && *q <= '9') {
        if (a < 100000000)
            a = a * 10 + (*q - '0');
        q++, k++;
    }
    if (!k)
        return false;
    if (q < P->end && *q == ',') {
        q++;
        int j = 0;
        long v = 0;
        while (q < P->end && *q >= '0' && *q <= '9') {
            if (v < 100000000)
                v = v * 10 + (*q - '0');
            q++, j++;
        }
        b = j ? v : -1;
    } else {
        b = a;
    }
    if (q >= P->end || *q != '}')
        return false;
    P->p = q + 1;
    *min = (int)a;
    *max = (int)b;
    return true;
}

static TNode *parse_term(Parser *P)
{
    TNode *atom = parse_atom(P);
    if (!atom)
        return NULL;
    if (P->p >= P->end)
        return atom;
    int min, max;
    uint32_t q = *P->p;
    if (q == '*') {
        min = 0, max = -1, P->p++;
    } else if (q == '+') {
        min = 1, max = -1, P->p++;
    } else if (q == '?') {
        min = 0, max = 1, P->p++;
    } else if (q == '{' && braces(P, &min, &max)) {
        if (max >= 0 && max < min)
            return fail(P, "numbers out of order in {} quantifier");
    } else {
        return atom;
    }
    if (atom->kind == T_BOL || atom->kind == T_EOL || atom->kind == T_WB || atom->kind == T_NWB ||
        (atom->kind == T_LOOK && (atom->c >= 2 || (P->flags & RE_U))))
        return fail(P, "Nothing to repeat");
    TNode *r = tnew(P, T_REPEAT);
    r->min = min;
    r->max = max;
    r->greedy = true;
    if (at(P, '?')) {
        r->greedy = false;
        P->p++;
    }
    tadd(r, atom);
    return r;
}

static TNode *parse_alt(Parser *P)
{
    TNode *alt = tnew(P, T_ALT);
    TNode *cat = tnew(P, T_CAT);
    tadd(alt, cat);
    while (P->p < P->end && *P->p != ')') {
        if (*P->p == '|') {
            P->p++;
            cat = tnew(P, T_CAT);
            tadd(alt, cat);
            continue;
        }
        TNode *t = parse_term(P);
        if (!t)
            return NULL;
        tadd(cat, t);
    }
    return alt;
}

/* Count capturing groups ahead of parsing (a backreference may point forward). */
static int count_groups(const uint32_t *p, const uint32_t *end, bool *named)
{
    int n = 1;
    bool in_class = false;
    *named = false;
    for (; p < end; p++) {
        if (*p == '\\') {
            p++;
            continue;
        }
        if (in_class) {
            if (*p == ']')
                in_class = false;
            continue;
        }
        if (*p == '[')
            in_class = true;
        else if (*p == '(') {
            if (p + 1 < end && p[1] == '?') {
                if (p + 2 < end && p[2] == '<' && p + 3 < end && p[3] != '=' && p[3] != '!') {
                    n++;
                    *named = true;
                }
            } else {
                n++;
            }
        }
    }
    return n;
}

/* ---- compiling the tree ---- */

typedef struct Emit {
    int *code;
    int n, cap;
    int nregs;
    bool overflow;
} Emit;

static int put(Emit *E, int v)
{
    if (E->n >= MAX_PROG) {
        E->overflow = true;
        return E->n;
    }
    if (E->n == E->cap) {
        E->cap = E->cap ? E->cap * 2 : 64;
        E->code = xrealloc(E->code, (size_t)E->cap * sizeof(int));
    }
    E->code[E->n] = v;
    return E->n++;
}

/* The capture groups inside t: [*lo, *hi] (lo > hi when none). */
static void group_range(const TNode *t, int *lo, int *hi)
{
    if (t->kind == T_GROUP && (int)t->c >= 0) {
        if ((int)t->c < *lo)
            *lo = (int)t->c;
        if ((int)t->c > *hi)
            *hi = (int)t->c;
    }
    for (int i = 0; i < t->nkids; i++)
        group_range(t->kids[i], lo, hi);
}

/* One iteration of a quantified atom: its groups start empty each time. */
static void emit_node(Emit *E, const TNode *t);
static void emit_iteration(Emit *E, const TNode *atom)
{
    int lo = 1 << 30, hi = -1;
    group_range(atom, &lo, &hi);
    if (lo <= hi) {
        put(E, I_CLEAR);
        put(E, 2 * lo);
        put(E, 2 * hi + 1);
    }
    emit_node(E, atom);
}

static void emit_node(Emit *E, const TNode *t)
{
    if (E->overflow)
        return;
    switch (t->kind) {
    case T_EMPTY:
        break;
    case T_CHAR:
        put(E, I_CHAR);
        put(E, (int)t->c);
        break;
    case T_ANY:
        put(E, I_ANY);
        break;
    case T_CLASS:
        put(E, I_CLASS);
        put(E, (int)t->c);
        break;
    case T_CAT:
        for (int i = 0; i < t->nkids; i++)
            emit_node(E, t->kids[i]);
        break;
    case T_ALT: {
        if (t->nkids == 1) {
            emit_node(E, t->kids[0]);
            break;
        }
        int *ends = xmalloc((size_t)t->nkids * sizeof(int));
        for (int i = 0; i < t->nkids; i++) {
            int split = -1;
            if (i + 1 < t->nkids) {
                split = put(E, I_SPLIT);
                put(E, E->n + 2);
                put(E, 0);
            }
            emit_node(E, t->kids[i]);
            if (i + 1 < t->nkids) {
                put(E, I_JMP);
                ends[i] = put(E, 0);
                if (!E->overflow)
                    E->code[split + 2] = E->n;
            }
        }
        for (int i = 0; i + 1 < t->nkids; i++)
            if (!E->overflow)
                E->code[ends[i]] = E->n;
        xfree(ends);
        break;
    }
    case T_GROUP:
        if ((int)t->c >= 0) {
            put(E, I_SAVE);
            put(E, 2 * (int)t->c);
        }
        emit_node(E, t->kids[0]);
        if ((int)t->c >= 0) {
            put(E, I_SAVE);
            put(E, 2 * (int)t->c + 1);
        }
        break;
    case T_REPEAT: {
        int min = t->min > 100000 ? 100000 : t->min;
        for (int i = 0; i < min && !E->overflow; i++)
            emit_iteration(E, t->kids[0]);
        if (t->max < 0) {
            int reg = E->nregs++;
            int top = put(E, I_SPLIT);
            put(E, 0);
            put(E, 0);
            int body = E->n;
            put(E, I_MARK);
            put(E, reg);
            emit_iteration(E, t->kids[0]);
            put(E, I_PROGRESS);
            put(E, reg);
            put(E, I_JMP);
            put(E, top);
            if (!E->overflow) {
                E->code[top + 1] = t->greedy ? body : E->n;
                E->code[top + 2] = t->greedy ? E->n : body;
            }
        } else {
            int extra = t->max - min;
            int *splits = xmalloc((size_t)(extra > 0 ? extra : 1) * sizeof(int));
            for (int i = 0; i < extra && !E->overflow; i++) {
                splits[i] = put(E, I_SPLIT);
                put(E, 0);
                put(E, 0);
                if (!E->overflow)
                    E->code[splits[i] + (t->greedy ? 1 : 2)] = E->n;
                emit_iteration(E, t->kids[0]);
            }
            for (int i = 0; i < extra && !E->overflow; i++)
                E->code[splits[i] + (t->greedy ? 2 : 1)] = E->n;
            xfree(splits);
        }
        break;
    }
    case T_BOL: put(E, I_BOL); break;
    case T_EOL: put(E, I_EOL); break;
    case T_WB: put(E, I_WORDB); break;
    case T_NWB: put(E, I_NWORDB); break;
    case T_BACKREF:
        put(E, I_BACKREF);
        put(E, (int)t->c);
        break;
    case T_LOOK: {
        int look = put(E, I_LOOK);
        put(E, (int)t->c);
        int end = put(E, 0);
        emit_node(E, t->kids[0]);
        if (t->c >= 2)
            put(E, I_ATPOS);
        put(E, I_MATCH);
        if (!E->overflow)
            E->code[end] = E->n;
        (void)look;
        break;
    }
    }
}

static const char *parse_flags(const char *flags, int *out)
{
    *out = 0;
    for (const char *f = flags; *f; f++) {
        const char *all = "gimsuyd";
        const char *k = strchr(all, *f);
        if (!k)
            return "Invalid flags";
        int bit = 1 << (k - all);
        if (*out & bit)
            return "Invalid flags";
        *out |= bit;
    }
    return NULL;
}

JsRegex *js_regex_compile(JsRt *rt, const char *src, size_t n, const char *flags, const char **err)
{
    int fl;
    *err = parse_flags(flags, &fl);
    if (*err)
        return NULL;
    uint32_t *cps = xmalloc((n + 1) * sizeof(uint32_t));
    size_t ncp = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t len = utf8_decode(src + i, n - i, &cp);
        cps[ncp++] = cp;
        i += len ? len : 1;
    }
    Parser P = {.p = cps, .end = cps + ncp, .flags = fl};
    bool named;
    P.total_groups = count_groups(cps, cps + ncp, &named);
    P.names_any = named;
    P.names = xcalloc((size_t)P.total_groups + 1, sizeof(char *));
    P.ngroups = 1;
    TNode *root = parse_alt(&P);
    if (root && P.p < P.end)
        fail(&P, "Unmatched ')'");
    /* named backreferences */
    for (int i = 0; i < P.nall && !P.err; i++) {
        TNode *t = P.all[i];
        if (t->kind != T_BACKREF || !t->ref)
            continue;
        int g = -1;
        for (int k = 1; k < P.ngroups; k++)
            if (P.names[k] && !strcmp(P.names[k], t->ref))
                g = k;
        if (g < 0)
            fail(&P, "Invalid named capture referenced");
        t->c = (uint32_t)g;
    }
    JsRegex *re = NULL;
    if (!P.err) {
        Emit E = {0};
        put(&E, I_SAVE);
        put(&E, 0);
        emit_node(&E, root);
        put(&E, I_SAVE);
        put(&E, 1);
        put(&E, I_MATCH);
        if (E.overflow) {
            P.err = "Regular expression too large";
        } else {
            re = js_alloc(rt, sizeof *re);
            re->prog = js_alloc(rt, (size_t)E.n * sizeof(int));
            memcpy(re->prog, E.code, (size_t)E.n * sizeof(int));
            re->nprog = E.n;
            re->ngroups = P.ngroups;
            re->nregs = E.nregs;
            re->flags = fl;
            re->nclasses = P.nclasses;
            re->classes = js_alloc(rt, (size_t)(P.nclasses ? P.nclasses : 1) * sizeof(ReClass));
            for (int i = 0; i < P.nclasses; i++) {
                re->classes[i] = P.classes[i];
                re->classes[i].items = js_alloc(rt, (size_t)(P.classes[i].n ? P.classes[i].n : 1) * sizeof(ClassItem));
                memcpy(re->classes[i].items, P.classes[i].items, (size_t)P.classes[i].n * sizeof(ClassItem));
            }
            re->names = js_alloc(rt, (size_t)P.ngroups * sizeof(char *));
            for (int i = 0; i < P.ngroups; i++) {
                re->names[i] = NULL;
                if (P.names[i]) {
                    size_t len = strlen(P.names[i]);
                    re->names[i] = js_alloc(rt, len + 1);
                    memcpy(re->names[i], P.names[i], len + 1);
                }
            }
        }
        xfree(E.code);
    }
    *err = P.err;
    for (int i = 0; i < P.nall; i++) {
        xfree(P.all[i]->kids);
        xfree((char *)P.all[i]->ref);
        xfree(P.all[i]);
    }
    xfree(P.all);
    for (int i = 0; i < P.nclasses; i++)
        xfree(P.classes[i].items);
    xfree(P.classes);
    for (int i = 0; i <= P.total_groups; i++)
        xfree(P.names[i]);
    xfree(P.names);
    xfree(cps);
    return re;
}

int js_regex_ngroups(const JsRegex *re) { return re->ngroups; }
const char *js_regex_group_name(const JsRegex *re, int i) { return i < re->ngroups ? re->names[i] : NULL; }
int js_regex_flags(const JsRegex *re) { return re->flags; }

/* ---- RegExp objects ---- */

JsObject *js_regexp_new(JsRt *rt, JsRegex *re, JsString *source, const char *flags)
{
    JsObject *o = js_obj_new(rt, JK_REGEXP, rt->regexp_proto);
    o->x.re.re = re;
    o->x.re.source = source;
    snprintf(o->x.re.flags, sizeof o->x.re.flags, "%s", flags);
    js_define(rt, o, js_intern(rt, "lastIndex"), js_num(0), 0);
    return o;
}

JsRegex *js_regexp_of(JsValue v)
{
    return v.tag == JV_OBJ && v.u.o->kind == JK_REGEXP ? v.u.o->x.re.re : NULL;
}

void js_regexp_describe(JsObject *o, Buf *b)
{
    buf_putc(b, '/');
    buf_putn(b, o->x.re.source->s, o->x.re.source->len);
    buf_putc(b, '/');
    buf_puts(b, o->x.re.flags);
}

/* ---- matching ---- */

/* Simple case folding: ASCII, Latin-1, Greek and Cyrillic capitals. */
static uint32_t fold(uint32_t c)
{
    if ((c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde && c != 0xd7) || (c >= 0x391 && c <= 0x3a9) ||
        (c >= 0x410 && c <= 0x42f))
        return c + 32;
    return c;
}

static bool is_word(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

static bool is_space(uint32_t c)
{
    return c == ' ' || (c >= 9 && c <= 13) || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
           c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000 || c == 0xfeff;
}

static bool is_newline(uint32_t c) { return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029; }

static bool builtin_has(char kind, uint32_t c)
{
    switch (kind | 32) {
    case 'd': return c >= '0' && c <= '9';
    case 'w': return is_word(c);
    default: return is_space(c);
    }
}

static bool class_has1(const ReClass *cls, uint32_t c)
{
    for (int i = 0; i < cls->n; i++) {
        const ClassItem *it = &cls->items[i];
        if (it->kind) {
            bool in = builtin_has(it->kind, c);
            if (it->kind >= 'A' && it->kind <= 'Z' ? !in : in)
                return true;
        } else if (c >= it->lo && c <= it->hi) {
            return true;
        }
    }
    return false;
}

static bool class_has(const ReClass *cls, uint32_t c, bool icase)
{
    bool in = class_has1(cls, c);
    if (!in && icase) {
        in = class_has1(cls, fold(c));
        if (!in && c >= 32 && fold(c - 32) == c) /* a lower-case letter's capital */
            in = class_has1(cls, c - 32);
    }
    return in != cls->negate;
}

typedef struct BT {
    int kind;          /* 0 alternative, 1 restore a capture, 2 restore a register */
    int pc;
    long pos;
    long old;
} BT;

typedef struct Matcher {
    JsRt *rt;
    const JsRegex *re;
    const uint32_t *s;
    long n;
    long *caps;
    long *regs;
    BT *st;
    int nst, capst;
    int depth;
} Matcher;

static void bt_push(Matcher *M, int kind, int pc, long pos, long old)
{
    if (M->nst == M->capst) {
        M->capst = M->capst ? M->capst * 2 : 64;
        M->st = xrealloc(M->st, (size_t)M->capst * sizeof(BT));
    }
    M->st[M->nst++] = (BT){kind, pc, pos, old};
}

/* Run from pc at pos; the stack below `base` belongs to callers. 1 matched
 * (*end = the position), 0 failed, -1 the operation budget ran out. */
static int run(Matcher *M, int pc, long pos, long target, long *end)
{
    const int *code = M->re->prog;
    bool icase = M->re->flags & RE_I, multi = M->re->flags & RE_M, dotall = M->re->flags & RE_S;
    int base = M->nst;
    for (;;) {
        if (++M->rt->ops > M->rt->max_ops) {
            js_limit(M->rt, "the operation budget (--max-ops)");
            M->nst = base;
            return -1;
        }
        bool ok = true;
        switch (code[pc]) {
        case I_CHAR:
            if (pos < M->n && (icase ? fold(M->s[pos]) == fold((uint32_t)code[pc + 1]) : M->s[pos] == (uint32_t)code[pc + 1]))
                pos++, pc += 2;
            else
                ok = false;
            break;
        case I_ANY:
            if (pos < M->n && (dotall || !is_newline(M->s[pos])))
                pos++, pc++;
            else
                ok = false;
            break;
        case I_CLASS:
            if (pos < M->n && class_has(&M->re->classes[code[pc + 1]], M->s[pos], icase))
                pos++, pc += 2;
            else
                ok = false;
            break;
        case I_SPLIT:
            bt_push(M, 0, code[pc + 2], pos, 0);
            pc = code[pc + 1];
            break;
        case I_JMP:
            pc = code[pc + 1];
            break;
        case I_SAVE: {
            int slot = code[pc + 1];
            bt_push(M, 1, slot, 0, M->caps[slot]);
            M->caps[slot] = pos;
            pc += 2;
            break;
        }
        case I_CLEAR:
            for (int slot = code[pc + 1]; slot <= code[pc + 2]; slot++) {
                if (M->caps[slot] != -1) {
                    bt_push(M, 1, slot, 0, M->caps[slot]);
                    M->caps[slot] = -1;
                }
            }
            pc += 3;
            break;
        case I_MARK: {
            int r = code[pc + 1];
            bt_push(M, 2, r, 0, M->regs[r]);
            M->regs[r] = pos;
            pc += 2;
            break;
        }
        case I_PROGRESS:
            if (M->regs[code[pc + 1]] == pos)
                ok = false; /* an empty iteration: stop looping */
            else
                pc += 2;
            break;
        case I_BOL:
            ok = pos == 0 || (multi && is_newline(M->s[pos - 1]));
            pc++;
            break;
        case I_EOL:
            ok = pos == M->n || (multi && is_newline(M->s[pos]));
            pc++;
            break;
        case I_WORDB:
        case I_NWORDB: {
            bool a = pos > 0 && is_word(M->s[pos - 1]), b = pos < M->n && is_word(M->s[pos]);
            ok = (a != b) == (code[pc] == I_WORDB);
            pc++;
            break;
        }
        case I_BACKREF: {
            int g = code[pc + 1];
            long s0 = M->caps[2 * g], s1 = M->caps[2 * g + 1];
            if (s0 >= 0 && s1 >= s0) {
                long len = s1 - s0;
                if (pos + len > M->n)
                    ok = false;
                for (long k = 0; ok && k < len; k++)
                    ok = icase ? fold(M->s[s0 + k]) == fold(M->s[pos + k]) : M->s[s0 + k] == M->s[pos + k];
                if (ok)
                    pos += len;
            }
            pc += 2;
            break;
        }
        case I_LOOK: {
            int kind = code[pc + 1], after = code[pc + 2], sub = pc + 3;
            if (++M->depth > MAX_DEPTH) {
                js_limit(M->rt, "the operation budget (--max-ops)");
                M->nst = base;
                return -1;
            }
            int ng = 2 * M->re->ngroups;
            long *saved = xmalloc((size_t)ng * sizeof(long));
            memcpy(saved, M->caps, (size_t)ng * sizeof(long));
            int r = 0;
            long e;
            if (kind < 2) {
                r = run(M, sub, pos, -1, &e);
            } else {
                for (long k = pos; k >= 0 && r == 0; k--)
                    r = run(M, sub, k, pos, &e);
            }
            M->depth--;
            if (r < 0) {
                xfree(saved);
                M->nst = base;
                return -1;
            }
            bool positive = kind == 0 || kind == 2;
            if (r == 1 && positive) {
                /* keep its captures, undoable on backtracking */
                for (int i = 0; i < ng; i++) {
                    if (M->caps[i] != saved[i]) {
                        long now = M->caps[i];
                        M->caps[i] = saved[i];
                        bt_push(M, 1, i, 0, saved[i]);
                        M->caps[i] = now;
                    }
                }
            } else {
                memcpy(M->caps, saved, (size_t)ng * sizeof(long));
            }
            xfree(saved);
            ok = (r == 1) == positive;
            pc = after;
            break;
        }
        case I_ATPOS:
            ok = pos == target;
            pc++;
            break;
        case I_MATCH:
            *end = pos;
            /* drop this run's alternatives, keep the capture restores for
             * an enclosing run to undo */
            {
                int w = base;
                for (int i = base; i < M->nst; i++)
                    if (M->st[i].kind != 0)
                        M->st[w++] = M->st[i];
                M->nst = w;
            }
            return 1;
        }
        if (ok)
            continue;
        /* backtrack */
        for (;;) {
            if (M->nst == base)
                return 0;
            BT b = M->st[--M->nst];
            if (b.kind == 1) {
                M->caps[b.pc] = b.old;
            } else if (b.kind == 2) {
                M->regs[b.pc] = b.old;
            } else {
                pc = b.pc;
                pos = b.pos;
                break;
            }
        }
    }
}

int js_regex_exec(JsRt *rt, const JsRegex *re, const uint32_t *cps, size_t n, size_t start, long *caps)
{
    int ng = 2 * re->ngroups;
    Matcher M = {.rt = rt, .re = re, .s = cps, .n = (long)n, .caps = caps};
    M.regs = xmalloc((size_t)(re->nregs ? re->nregs : 1) * sizeof(long));
    int r = 0;
    for (size_t at = start; at <= n; at++) {
        for (int i = 0; i < ng; i++)
            caps[i] = -1;
        for (int i = 0; i < re->nregs; i++)
            M.regs[i] = -1;
        long end;
        M.nst = 0;
        r = run(&M, 0, (long)at, -1, &end);
        if (r != 0 || (re->flags & RE_Y))
            break;
    }
    xfree(M.regs);
    xfree(M.st);
    return r;
}
