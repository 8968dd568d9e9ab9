/* prims.c: the sync primitives in the internals view (its "P" lines:
 * Queue, Lock, Semaphore, Event, Condition...).
 * Owns: the list of primitives the prelude registers with _track; reading
 * each shown one's state at a step as numbers and string ids (a queue's
 * count, first items, maxsize and waiting tasks; a lock's holder and
 * waiters...), never as text; the edits from one step's state to the
 * next as a few bytes (a put is "one more, and this item", a get "one
 * less, the first gone": a byte or three), given to the recording's
 * language state (rec_state_put, src/record/states.c); and the codec that
 * reads them back and writes the lines, only when rec_internals_at reads a
 * step. Reads only: no scenario code runs here (an item's repr is made
 * under klass_quiet). Leaves the other sections to internals.c. */
#include "prims.h"

#include "../objects/klass.h"

#include <string.h>

enum { SHOW_PRIMS = 8, SHOW_ITEMS = 6, ITEM_MEMO = 8 };

typedef struct Prim {
    Obj *o;     /* a strong reference, dropped once nothing else holds it */
    int line;   /* where it was made */
} Prim;

static Prim *prims;
static size_t nprims, capprims;

void internals_track(Obj *o, bool on)
{
    if (!on) {
        for (size_t i = 0; i < nprims; i++)
            if (prims[i].o == o) {
                DECREF(o);
                memmove(prims + i, prims + i + 1, (nprims - i - 1) * sizeof *prims);
                nprims--;
                return;
            }
        return;
    }
    if (nprims == capprims) {
        capprims = capprims ? capprims * 2 : 8;
        prims = xrealloc(prims, capprims * sizeof *prims);
    }
    INCREF(o);
    prims[nprims++] = (Prim){o, vm_current_line()};
}

/* ------------------------------------------------------------ words */

/* Words that recur (a head, an item's repr, a task): a direct-mapped cache
 * of the last ones by a quick hash, checked against the text of the id it
 * holds, keeps the intern table's lock and search for new words. */
enum { PW_SLOTS = 256 };
static struct {
    uint32_t id;
    uint32_t len;
} pw[PW_SLOTS];
static const Recording *pw_rec;
static Buf wb; /* words being made, kept from step to step */

static uint32_t piece_words(const char *s, size_t n)
{
    if (pw_rec != sim.rec) {
        memset(pw, 0, sizeof pw);
        pw_rec = sim.rec;
    }
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (uint8_t)s[i]) * 16777619u;
    h ^= h >> 15;
    unsigned at = h % PW_SLOTS;
    if (pw[at].id && pw[at].len == n && !memcmp(rec_str(sim.rec, pw[at].id), s, n))
        return pw[at].id;
    uint32_t id = rec_intern(sim.rec, s);
    if (strlen(s) == n) /* words with a NUL in them are not kept */
        pw[at].id = id, pw[at].len = (uint32_t)n;
    return id;
}

static void wb_clear(void)
{
    if (!wb.s)
        buf_init(&wb);
    buf_clear(&wb);
}

/* A task in words (internals.c's put_task): its reference, interned once
 * per task, or its coroutine's name for a hidden one. */
enum { TREF_SLOTS = 64 };
static struct {
    int rec_id;
    uint32_t id;        /* 0: none */
} tref[TREF_SLOTS];     /* the last references by recording id (prims_record empties it for another recording) */

static uint32_t task_piece(TaskObj *t)
{
    unsigned at = (unsigned)t->rec_id % TREF_SLOTS;
    if (t->rec_id >= 0 && tref[at].id && tref[at].rec_id == t->rec_id)
        return tref[at].id; /* a reference's words depend on its id alone */
    uint32_t *ref = t->rec_id >= 0 ? internals_task_ref(t) : NULL;
    if (ref && *ref) {
        tref[at].rec_id = t->rec_id;
        tref[at].id = *ref;
        return *ref;
    }
    if (ref && *ref)
        return *ref;
    wb_clear();
    if (t->rec_id >= 0)
        rec_put_ref(&wb, t->rec_id);
    else
        buf_puts(&wb, STR_S(t->coro_name));
    uint32_t id = piece_words(wb.s, wb.len);
    if (ref) {
        *ref = id;
        tref[at].rec_id = t->rec_id;
        tref[at].id = id;
    }
    return id;
}

/* ------------------------------------------------------------ the state */

/* A list of waiting tasks: each one's words' id + 1, 0: "a future". */
typedef struct Ids {
    uint32_t *v;
    size_t n, cap;
} Ids;

static void ids_push(Ids *w, uint32_t v)
{
    if (w->n == w->cap) {
        w->cap = w->cap ? w->cap * 2 : 8;
        w->v = xrealloc(w->v, w->cap * sizeof *w->v);
    }
    w->v[w->n++] = v;
}

static bool u32_eq(const uint32_t *a, const uint32_t *b, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (a[k] != b[k])
            return false;
    return true;
}

static bool ids_eq(const Ids *a, const uint32_t *b, size_t n) { return a->n == n && u32_eq(a->v, b, n); }

/* What a line says, by kind: a Queue (a _queue list), a Lock (_locked), a
 * Semaphore (_size, with or without int values), an Event (_value), or
 * none of those ("?"). */
enum { PK_NONE, PK_QUEUE, PK_LOCK, PK_SEM, PK_SEM_BARE, PK_EVENT };

typedef struct PLine {
    uint32_t head;      /* "PQueue (line 16): " */
    uint8_t kind;
    uint8_t flag;       /* a lock held, an event set */
    uint8_t nitems;     /* a queue's first items shown */
    int64_t n, m;       /* a queue's count and maxsize (> 0, else 0); a semaphore's value and size */
    uint32_t holder;    /* a held lock's holder: its words' id + 1, 0: "someone" */
    uint64_t items[SHOW_ITEMS]; /* an int: zigzag << 1 | 1; else its repr's id << 1 */
    Ids w[2];           /* waiting; putting (a queue's) */
} PLine;

typedef struct PState {
    PLine l[SHOW_PRIMS];
    size_t n;
} PState;

static uint64_t zz(int64_t v) { return (uint64_t)v << 1 ^ (uint64_t)(v >> 63); }
static int64_t unzz(uint64_t z) { return (int64_t)(z >> 1) ^ -(int64_t)(z & 1); }

/* ------------------------------------------------------------ reading a primitive */

enum { A_QUEUE, A_MAXSIZE, A_GETTERS, A_PUTTERS, A_LOCKED, A_HOLDER, A_WAITERS, A_SIZE, A_VALUE, NATTR };
static const char *const attr_names[NATTR] = {"_queue",  "_maxsize", "_getters", "_putters", "_locked",
                                              "_holder", "_waiters", "_size",    "_value"};

/* A primitive's reading aids, kept while it is the same object: where its
 * attributes' values are in its instance's dict (good while the dict's
 * keys stay put: its version, which every change of its keys or of where
 * its entries are takes anew, unique among all dicts), its head's words,
 * and its last items' words. */
typedef struct PrimSlots {
    const Obj *o;
    const DictObj *d;   /* the dict at is good for, and its version then */
    uint64_t version;
    Obj *const *at[NATTR]; /* each attribute's value in the dict's entries, or &no_attr */
    const Class *cls;   /* the head's: its class and name then */
    const char *name;
    uint32_t head;
    bool dicty;         /* cls's instances have a dict (a heap class, not an exception) */
    struct {
        const Obj *o;
        const Class *cls;
        uint64_t tag;   /* a str's text's hash, a float's bits */
        uint64_t piece;
    } memo[ITEM_MEMO];  /* items that read the same while they live */
    unsigned nmemo;
} PrimSlots;

static PrimSlots *pslots;
static size_t npslots;

static Obj *const no_attr = NULL;

/* Find o's attributes in its instance dict: ps->at good for it (each
 * &no_attr when it has none). */
static void attrs_find(PrimSlots *ps, Obj *o)
{
    for (int a = 0; a < NATTR; a++)
        ps->at[a] = &no_attr;
    if (!CLS(o)->heap || CLS(o)->is_exception || !((InstanceObj *)o)->dict) {
        ps->d = NULL;
        return;
    }
    DictObj *d = (DictObj *)((InstanceObj *)o)->dict;
    ps->d = d;
    ps->version = d->version;
    for (size_t i = 0; i < d->used; i++) { /* the first entry of each name */
        Obj *k = d->entries[i].key;
        if (!k || !IS(k, StrClass))
            continue;
        for (int a = 0; a < NATTR; a++)
            if (ps->at[a] == &no_attr && !strcmp(STR_S(k), attr_names[a])) {
                ps->at[a] = &d->entries[i].value;
                break;
            }
    }
}

/* ps->at good for o now (head_of read its class). */
static inline void attrs_of(PrimSlots *ps, Obj *o)
{
    const DictObj *d = ps->dicty ? (const DictObj *)((InstanceObj *)o)->dict : NULL;
    if (LS_UNLIKELY(!d || ps->d != d || ps->version != d->version))
        attrs_find(ps, o);
}

/* Attribute a of the primitive attrs_of read. */
static inline Obj *attr(const PrimSlots *ps, int a) { return *ps->at[a]; }

static bool truthy(Obj *o) { return o && o != None && o != False && !(is_int(o) && int_value(o) == 0); }

/* "P<class> (line N): ", made again when the class or its name moved. */
static LS_COLD void head_new(const Prim *p, PrimSlots *ps)
{
    const Class *c = CLS(p->o);
    wb_clear();
    buf_putc(&wb, 'P');
    buf_puts(&wb, c->name);
    buf_puts(&wb, p->line < 0 ? " (line -" : " (line ");
    buf_put_uint(&wb, (unsigned long long)(p->line < 0 ? -(long long)p->line : p->line));
    buf_puts(&wb, "): ");
    ps->cls = c;
    ps->name = c->name;
    ps->head = piece_words(wb.s, wb.len);
    ps->dicty = c->heap && !c->is_exception;
}

static inline uint32_t head_of(const Prim *p, PrimSlots *ps)
{
    const Class *c = CLS(p->o);
    if (LS_UNLIKELY(ps->cls != c || ps->name != c->name))
        head_new(p, ps);
    return ps->head;
}

/* An item that reads the same while it lives (None, a bool, float or str)
 * and what tells it from another made at its address later. */
static bool steady_tag(Obj *o, uint64_t *tag)
{
    if (o == None || IS(o, BoolClass)) {
        *tag = 0;
        return true;
    }
    if (IS(o, FloatClass)) {
        double d = FLOAT_V(o);
        memcpy(tag, &d, sizeof d);
        return true;
    }
    if (IS(o, StrClass)) { /* its text (another str may be made where a freed one was) */
        uint64_t h = 0xcbf29ce484222325ull ^ STR_LEN(o);
        for (size_t i = 0; i < STR_LEN(o); i++)
            h = (h ^ (uint8_t)STR_S(o)[i]) * 0x100000001b3ull;
        *tag = h;
        return true;
    }
    return false;
}

/* An item of a queue as a piece: an int as a number, else its repr (at
 * most 20 bytes) as words. */
static uint64_t item_piece(PrimSlots *ps, Obj *item)
{
    if (CLS(item) == &IntClass)
        return zz(INT_V(item)) << 1 | 1;
    uint64_t tag = 0;
    bool steady = steady_tag(item, &tag);
    if (steady)
        for (unsigned i = 0; i < ITEM_MEMO; i++)
            if (ps->memo[i].o == item && ps->memo[i].cls == CLS(item) && ps->memo[i].tag == tag)
                return ps->memo[i].piece;
    Buf r;
    buf_init(&r);
    klass_quiet(true);
    obj_repr(item, &r);
    klass_quiet(false);
    err_clear();
    wb_clear();
    rec_put_text(&wb, r.s, r.len > 20 ? 20 : r.len);
    buf_free(&r);
    uint64_t piece = (uint64_t)piece_words(wb.s, wb.len) << 1;
    if (steady) {
        unsigned i = ps->nmemo++ % ITEM_MEMO;
        ps->memo[i].o = item;
        ps->memo[i].cls = CLS(item);
        ps->memo[i].tag = tag;
        ps->memo[i].piece = piece;
    }
    return piece;
}

/* A waiter's words by its future's first callback when that is a task's
 * wakeup: a builtin made once per task, whose function and self never
 * change, told from one made later where a freed one was by its serial
 * (unique in a run; builtins are never kept as spares). Its task's words
 * depend on the task's recording id alone (task_piece), so the memo holds
 * while the recording does (emptied with tref). */
enum { WAKE_SLOTS = 64 };
static struct {
    uint64_t serial;    /* 0: none */
    uint32_t piece;     /* the task's words' id + 1 */
} wake_memo[WAKE_SLOTS];

/* The words' id + 1 of the task waiting on pending f, 0: "a future"
 * (loop_waiter_of's task, as task_piece words it). */
static uint32_t waiter_piece(FutureObj *f)
{
    Obj *cbs = f->callbacks;
    if (cbs && LIST_N(cbs)) { /* (a list, as loop_waiter_of reads it) */
        Obj *cb = LIST_ITEMS(cbs)[0];
        uint64_t s = cb->serial;
        unsigned at = (unsigned)(s % WAKE_SLOTS);
        if (s && wake_memo[at].serial == s)
            return wake_memo[at].piece;
        TaskObj *t = loop_wakeup_task(cb);
        if (t) {
            uint32_t piece = task_piece(t) + 1;
            if (s && t->rec_id >= 0)
                wake_memo[at].serial = s, wake_memo[at].piece = piece;
            return piece;
        }
    }
    TaskObj *t = loop_waiter_of(f);
    return t ? task_piece(t) + 1 : 0;
}

/* The tasks waiting on a list of futures (the pending ones), told against
 * b, the same list's ids at the step before: nonzero when they differ.
 * (waiter_piece's memo read in line: its hits are nearly every waiter.) */
static uint64_t read_some_waiters(Ids *w, Obj *list, const Ids *b)
{
    size_t n = LIST_N(list), k = 0, bn = b->n;
    if (w->cap < n) {
        w->cap = n < 8 ? 8 : n;
        w->v = xrealloc(w->v, w->cap * sizeof *w->v);
    }
    uint32_t *v = w->v;
    const uint32_t *bv = b->v;
    Obj *const *items = LIST_ITEMS(list);
    uint64_t diff = 0;
    for (size_t i = 0; i < n; i++) {
        FutureObj *f = (FutureObj *)items[i];
        if (LS_UNLIKELY(!is_future(&f->hdr)) || f->state != FUT_PENDING)
            continue;
        Obj *cbs = f->callbacks;
        uint32_t piece;
        uint64_t s;
        if (LS_LIKELY(cbs && LIST_N(cbs)) && (s = LIST_ITEMS(cbs)[0]->serial) &&
            LS_LIKELY(wake_memo[s % WAKE_SLOTS].serial == s))
            piece = wake_memo[s % WAKE_SLOTS].piece;
        else
            piece = waiter_piece(f);
        v[k] = piece;
        diff |= k < bn ? piece ^ bv[k] : 1;
        k++;
    }
    w->n = k;
    return diff | (k ^ bn);
}

static inline uint64_t read_waiters(Ids *w, Obj *list, const Ids *b)
{
    if (list && IS(list, ListClass) && LIST_N(list)) /* (none, as a rule: no call) */
        return read_some_waiters(w, list, b);
    w->n = 0;
    return b->n;
}

/* p's state into l, read as internals.c's describe_prim read it, and told
 * against b (the line it was) as it is read: true when l says what b says
 * (line_same's fields, each compared once, as it is made). */
static LS_ALWAYS_INLINE bool read_prim(const Prim *p, PrimSlots *ps, PLine *l, const PLine *b)
{
    Obj *o = p->o, *v;
    attrs_of(ps, o);
    l->head = head_of(p, ps);
    l->flag = 0;
    l->nitems = 0;
    l->n = l->m = 0;
    l->holder = 0;
    l->w[0].n = l->w[1].n = 0;
    uint64_t diff = l->head ^ b->head;
    Obj *q = attr(ps, A_QUEUE);
    if (q && IS(q, ListClass)) {
        l->kind = PK_QUEUE;
        size_t n = LIST_N(q), k = n < SHOW_ITEMS ? n : SHOW_ITEMS;
        l->n = (int64_t)n;
        l->nitems = (uint8_t)k;
        diff |= (uint64_t)(b->kind ^ PK_QUEUE) | (uint64_t)(b->n ^ l->n) | (uint64_t)(b->nitems ^ k) |
                (uint64_t)b->flag | b->holder;
        for (size_t i = 0; i < k; i++) {
            uint64_t it = item_piece(ps, LIST_ITEMS(q)[i]);
            l->items[i] = it;
            diff |= it ^ b->items[i];
        }
        Obj *max = attr(ps, A_MAXSIZE);
        if (max && (CLS(max) == &IntClass || is_int(max)) && INT_V(max) > 0) /* int_value's */
            l->m = INT_V(max);
        diff |= (uint64_t)(b->m ^ l->m);
        diff |= read_waiters(&l->w[0], attr(ps, A_GETTERS), &b->w[0]);
        diff |= read_waiters(&l->w[1], attr(ps, A_PUTTERS), &b->w[1]);
        return !diff;
    }
    if ((v = attr(ps, A_LOCKED))) {
        l->kind = PK_LOCK;
        if (truthy(v)) {
            l->flag = 1;
            Obj *holder = attr(ps, A_HOLDER);
            if (holder && class_is_sub(CLS(holder), &TaskClass))
                l->holder = task_piece((TaskObj *)holder) + 1;
        }
    } else if ((v = attr(ps, A_SIZE))) {
        Obj *val = attr(ps, A_VALUE);
        l->kind = PK_SEM_BARE;
        if (val && is_int(val) && is_int(v)) {
            l->kind = PK_SEM;
            l->n = int_value(val);
            l->m = int_value(v);
        }
    } else if ((v = attr(ps, A_VALUE))) {
        l->kind = PK_EVENT;
        l->flag = truthy(v);
    } else {
        l->kind = PK_NONE;
    }
    diff |= (uint64_t)(b->kind ^ l->kind) | (uint64_t)(b->flag ^ l->flag) | b->nitems | (uint64_t)(b->n ^ l->n) |
            (uint64_t)(b->m ^ l->m) | (uint64_t)(b->holder ^ l->holder) | b->w[1].n;
    if (l->kind != PK_NONE)
        diff |= read_waiters(&l->w[0], attr(ps, A_WAITERS), &b->w[0]);
    else
        diff |= b->w[0].n;
    return !diff;
}

/* ------------------------------------------------------------ the edits */

/* A record is a run of edits, each a byte [last: 1][line: 3][op: 4] and
 * its arguments (varints). An item's argument: an int's as the difference
 * from the item before it (when that is an int) zigzagged, times 2, plus
 * 1; else its words' id times 2. */
enum {
    O_LINES,    /* varint: the number of lines (those after it go) */
    O_HEAD,     /* varint head, byte kind: the line anew, empty */
    O_PUT,      /* a queue's count one more; when it showed fewer than all, an item appended */
    O_GET,      /* the count one less, the first item gone; when more are left than shown, one appended */
    O_N,        /* varint: the count or value, as a difference */
    O_M,        /* varint: the maxsize or size, as a difference */
    O_ITEMS,    /* varint count, then the items */
    O_FLAG,     /* held / set the other way */
    O_HOLDER,   /* varint: the holder */
    O_WADD,     /* +j: varint: a waiter appended to list j */
    O_WPOP = O_WADD + 2, /* +j: list j's first gone */
    O_WDEL = O_WPOP + 2, /* varint k*2+j: list j's k-th gone */
    O_WSET,     /* varint count*2+j, then the ids: list j anew */
};

/* A byte of the record, in place while there is room. */
static inline void put_byte(Buf *b, uint8_t c)
{
    if (b->len + 1 < b->cap) {
        b->s[b->len++] = (char)c;
        b->s[b->len] = 0;
    } else {
        buf_putc(b, (char)c);
    }
}

static LS_ALWAYS_INLINE void put_varint(Buf *b, uint64_t v)
{
    if (LS_LIKELY(v < 0x80)) { /* (nearly all: an op's argument is a small number) */
        put_byte(b, (uint8_t)v);
        return;
    }
    for (; v >= 0x80; v >>= 7)
        put_byte(b, (uint8_t)((v & 0x7f) | 0x80));
    put_byte(b, (uint8_t)v);
}


static size_t last_op; /* where the record's last edit's byte is: its end is marked there */

static void put_op(Buf *b, size_t line, int op)
{
    last_op = b->len;
    put_byte(b, (uint8_t)(line << 4 | (size_t)op));
}

static inline uint64_t item_arg(uint64_t piece, const uint64_t *before)
{
    if (!(piece & 1) || !before || !(*before & 1))
        return piece;
    return zz(unzz(piece >> 1) - unzz(*before >> 1)) << 1 | 1;
}

static uint64_t item_of(uint64_t arg, const uint64_t *before)
{
    if (!(arg & 1) || !before || !(*before & 1))
        return arg;
    return zz(unzz(arg >> 1) + unzz(*before >> 1)) << 1 | 1;
}

static const uint64_t *last_item(const PLine *l) { return l->nitems ? &l->items[l->nitems - 1] : NULL; }

static bool items_eq(const uint64_t *a, const uint64_t *b, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (a[k] != b[k])
            return false;
    return true;
}

static void diff_waiters(Buf *b, size_t i, int j, const Ids *o, const Ids *n)
{
    if (ids_eq(o, n->v, n->n))
        return;
    if (n->n == o->n + 1 && ids_eq(o, n->v, o->n)) { /* one more */
        put_op(b, i, O_WADD + j);
        put_varint(b, n->v[o->n]);
        return;
    }
    if (o->n && n->n + 1 >= o->n && n->n <= o->n && u32_eq(o->v + 1, n->v, o->n - 1)) {
        put_op(b, i, O_WPOP + j); /* the first gone, and maybe one more at the end */
        if (n->n == o->n) {
            put_op(b, i, O_WADD + j);
            put_varint(b, n->v[n->n - 1]);
        }
        return;
    }
    if (n->n + 1 == o->n) { /* one gone from the middle */
        size_t k = 0;
        while (k < n->n && o->v[k] == n->v[k])
            k++;
        if (u32_eq(o->v + k + 1, n->v + k, n->n - k)) {
            put_op(b, i, O_WDEL);
            put_varint(b, (uint64_t)k << 1 | (uint64_t)j);
            return;
        }
    }
    put_op(b, i, O_WSET);
    put_varint(b, (uint64_t)n->n << 1 | (uint64_t)j);
    for (size_t k = 0; k < n->n; k++)
        put_varint(b, n->v[k]);
}

/* The edits that turn line i from o into n (o NULL: from nothing). */
static void diff_line(Buf *b, size_t i, const PLine *o, const PLine *n)
{
    static const PLine none;
    if (!o || o->head != n->head || o->kind != n->kind) {
        put_op(b, i, O_HEAD);
        put_varint(b, n->head);
        put_byte(b, n->kind);
        o = &none;
    }
    if (n->kind == PK_QUEUE && (o->n != n->n || o->nitems != n->nitems || !items_eq(o->items, n->items, n->nitems))) {
        bool put = n->n == o->n + 1 && items_eq(o->items, n->items, o->nitems) &&
                   n->nitems == o->nitems + (o->nitems < SHOW_ITEMS);
        bool get = !put && n->n + 1 == o->n && o->nitems &&
                   n->nitems == o->nitems - 1 + (n->n >= SHOW_ITEMS) && items_eq(o->items + 1, n->items, o->nitems - 1u);
        if (put || get) {
            put_op(b, i, put ? O_PUT : O_GET);
            if (n->nitems && (put ? o->nitems < SHOW_ITEMS : n->n >= SHOW_ITEMS))
                put_varint(b, item_arg(n->items[n->nitems - 1], n->nitems > 1 ? &n->items[n->nitems - 2] : NULL));
        } else {
            if (o->n != n->n) {
                put_op(b, i, O_N);
                put_varint(b, zz(n->n - o->n));
            }
            if (o->nitems != n->nitems || !items_eq(o->items, n->items, n->nitems)) {
                put_op(b, i, O_ITEMS);
                put_varint(b, n->nitems);
                for (size_t k = 0; k < n->nitems; k++)
                    put_varint(b, item_arg(n->items[k], k ? &n->items[k - 1] : NULL));
            }
        }
    } else if (o->n != n->n) {
        put_op(b, i, O_N);
        put_varint(b, zz(n->n - o->n));
    }
    if (o->m != n->m) {
        put_op(b, i, O_M);
        put_varint(b, zz(n->m - o->m));
    }
    if (o->flag != n->flag)
        put_op(b, i, O_FLAG);
    if (o->holder != n->holder) {
        put_op(b, i, O_HOLDER);
        put_varint(b, n->holder);
    }
    for (int j = 0; j < 2; j++)
        diff_waiters(b, i, j, &o->w[j], &n->w[j]);
}

/* A keyframe: the record that makes the n lines l from nothing. */
static void diff_key(Buf *b, PLine *const *l, size_t n)
{
    for (size_t i = 0; i < n; i++)
        diff_line(b, i, NULL, l[i]);
    if (!n) {
        put_op(b, 0, O_LINES);
        put_varint(b, 0);
    }
}

/* ------------------------------------------------------------ the reader */

static _Thread_local PState rd;

static void rd_reset(void)
{
    rd.n = 0;
}

static void apply_waiters(const uint8_t **p, const uint8_t *end, PLine *l, int op)
{
    if (op == O_WADD || op == O_WADD + 1) {
        ids_push(&l->w[op - O_WADD], (uint32_t)rec_varint_get(p, end));
    } else if (op == O_WPOP || op == O_WPOP + 1) {
        Ids *w = &l->w[op - O_WPOP];
        if (w->n)
            memmove(w->v, w->v + 1, --w->n * sizeof *w->v);
    } else if (op == O_WDEL) {
        uint64_t a = rec_varint_get(p, end);
        Ids *w = &l->w[a & 1];
        size_t k = (size_t)(a >> 1);
        if (k < w->n)
            memmove(w->v + k, w->v + k + 1, (--w->n - k) * sizeof *w->v);
    } else if (op == O_WSET) {
        uint64_t a = rec_varint_get(p, end);
        Ids *w = &l->w[a & 1];
        w->n = 0;
        for (uint64_t k = 0; k < a >> 1 && *p < end; k++)
            ids_push(w, (uint32_t)rec_varint_get(p, end));
    }
}

static void apply_item(const uint8_t **p, const uint8_t *end, PLine *l)
{
    uint64_t a = rec_varint_get(p, end);
    if (l->nitems < SHOW_ITEMS) {
        l->items[l->nitems] = item_of(a, last_item(l));
        l->nitems++;
    }
}

static const uint8_t *rd_apply(const uint8_t *p, const uint8_t *end)
{
    while (p < end) {
        uint8_t h = *p++;
        int op = h & 15;
        size_t i = h >> 4 & 7;
        if (op == O_LINES) {
            size_t n = (size_t)rec_varint_get(&p, end);
            rd.n = n < rd.n ? n : rd.n;
        } else {
            if (i >= rd.n && op != O_HEAD)
                break; /* not a record of ours */
            PLine *l = &rd.l[i];
            switch (op) {
            case O_HEAD:
                l->head = (uint32_t)rec_varint_get(&p, end);
                l->kind = p < end ? *p++ : 0;
                l->flag = 0;
                l->nitems = 0;
                l->n = l->m = 0;
                l->holder = 0;
                l->w[0].n = l->w[1].n = 0;
                if (i >= rd.n)
                    rd.n = i + 1;
                break;
            case O_PUT:
                if (l->n++ < SHOW_ITEMS)
                    apply_item(&p, end, l);
                break;
            case O_GET:
                if (l->nitems)
                    memmove(l->items, l->items + 1, --l->nitems * sizeof *l->items);
                if (--l->n >= SHOW_ITEMS)
                    apply_item(&p, end, l);
                break;
            case O_N:
                l->n += unzz(rec_varint_get(&p, end));
                break;
            case O_M:
                l->m += unzz(rec_varint_get(&p, end));
                break;
            case O_ITEMS: {
                uint64_t k = rec_varint_get(&p, end);
                l->nitems = 0;
                for (uint64_t j = 0; j < k && p < end; j++)
                    apply_item(&p, end, l);
                break;
            }
            case O_FLAG:
                l->flag ^= 1;
                break;
            case O_HOLDER:
                l->holder = (uint32_t)rec_varint_get(&p, end);
                break;
            default:
                apply_waiters(&p, end, l, op);
            }
        }
        if (h & 0x80)
            break;
    }
    return p;
}

/* Words of the recording with no newline in them (a line is an entry). */
static void put_words(Buf *out, const char *s)
{
    for (; *s; s++)
        buf_putc(out, *s == '\n' ? ' ' : *s);
}

static void text_waiters(Buf *out, const Recording *r, const Ids *w, const char *what)
{
    for (size_t k = 0; k < w->n; k++) {
        if (k) {
            buf_puts(out, ", ");
        } else {
            buf_puts(out, " \xc2\xb7 ");
            buf_puts(out, what);
            buf_puts(out, ": ");
        }
        if (w->v[k])
            put_words(out, rec_str(r, w->v[k] - 1));
        else
            buf_puts(out, "a future");
    }
}

static void text_line(Buf *out, const Recording *r, const PLine *l)
{
    put_words(out, rec_str(r, l->head));
    switch (l->kind) {
    case PK_QUEUE:
        buf_put_int(out, l->n);
        buf_puts(out, l->n == 1 ? " item" : " items");
        if (l->n) {
            buf_puts(out, " [");
            for (size_t k = 0; k < l->nitems; k++) {
                if (k)
                    buf_puts(out, ", ");
                if (l->items[k] & 1)
                    buf_put_int(out, unzz(l->items[k] >> 1));
                else
                    put_words(out, rec_str(r, (uint32_t)(l->items[k] >> 1)));
            }
            buf_puts(out, l->n > SHOW_ITEMS ? ", \xe2\x80\xa6]" : "]");
        }
        if (l->m > 0) {
            buf_puts(out, " of ");
            buf_put_int(out, l->m);
        }
        text_waiters(out, r, &l->w[0], "waiting");
        text_waiters(out, r, &l->w[1], "putting");
        break;
    case PK_LOCK:
        if (l->flag) {
            buf_puts(out, "held by ");
            if (l->holder)
                put_words(out, rec_str(r, l->holder - 1));
            else
                buf_puts(out, "someone");
        } else {
            buf_puts(out, "free");
        }
        text_waiters(out, r, &l->w[0], "waiting");
        break;
    case PK_SEM:
        buf_put_int(out, l->n);
        buf_puts(out, " of ");
        buf_put_int(out, l->m);
        buf_puts(out, " free");
        /* fall through */
    case PK_SEM_BARE:
        text_waiters(out, r, &l->w[0], "waiting");
        break;
    case PK_EVENT:
        buf_puts(out, l->flag ? "set" : "not set");
        text_waiters(out, r, &l->w[0], "waiting");
        break;
    default:
        buf_puts(out, "?");
    }
    buf_putc(out, '\n');
}

static void rd_text(const Recording *r, Buf *out)
{
    for (size_t i = 0; i < rd.n; i++)
        text_line(out, r, &rd.l[i]);
}

static const RecStateCodec codec = {rd_reset, rd_apply, rd_text};

/* ------------------------------------------------------------ the writer */

/* Now's lines, and the step before's: cur[i] is line i now; for the lines
 * of the step before (i < was_n), line i then is was[i] when this step
 * changed it (bit i of chg), else cur[i] still. Each line is read into
 * spare, told against the step before's as it is read; a line that
 * changed trades places (cur[i] to was[i], spare to cur[i]), one that did
 * not is left where it is: no line copied, none compared a second time.
 * A second record for the same step (rec_state_put replaces the first) is
 * made against the step before's lines just the same. */
static PLine lines[2 * SHOW_PRIMS + 1];

static struct {
    const Recording *rec;
    PLine *cur[SHOW_PRIMS], *was[SHOW_PRIMS], *spare;
    size_t n;       /* now's lines */
    size_t was_n;   /* the step before's */
    unsigned chg;   /* bit i: line i changed in this step */
    size_t step;    /* the step now's lines are of */
    bool put;       /* a record was given for put_step */
    size_t put_step;
    Buf out;        /* the record being made */
} wr;

static void writer_free(void)
{
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
        for (int j = 0; j < 2; j++)
            xfree(lines[i].w[j].v);
    memset(lines, 0, sizeof lines);
    if (wr.out.s)
        buf_free(&wr.out);
    memset(&wr, 0, sizeof wr);
}

static void writer_start(const Recording *r, size_t step)
{
    writer_free();
    buf_init(&wr.out);
    for (size_t i = 0; i < SHOW_PRIMS; i++) {
        wr.cur[i] = &lines[i];
        wr.was[i] = &lines[SHOW_PRIMS + i];
    }
    wr.spare = &lines[2 * SHOW_PRIMS];
    wr.rec = r;
    wr.step = step;
}

/* Line i's read in wr.spare, told against b, its line at the step before
 * (the empty line none when it had none): into the record and now's lines. */
static void line_changed(size_t i, const PLine *b, const PLine *none)
{
    PLine *l = wr.spare;
    diff_line(&wr.out, i, b == none ? NULL : b, l);
    unsigned bit = 1u << i;
    if (i < wr.was_n && !(wr.chg & bit)) { /* cur[i] is the step before's: kept in was[i] */
        wr.spare = wr.was[i];
        wr.was[i] = wr.cur[i];
        wr.chg |= bit;
    } else {
        wr.spare = wr.cur[i];
    }
    wr.cur[i] = l;
}

static const PLine none = {.head = UINT32_MAX, .kind = UINT8_MAX};

/* Line i, primitive p's, read and told against the step before's. */
static inline void record_line(size_t i, const Prim *p, PrimSlots *ps)
{
    if (LS_UNLIKELY(ps->o != p->o)) {
        memset(ps, 0, sizeof *ps);
        ps->o = p->o;
    }
    unsigned bit = 1u << i;
    const PLine *b = i >= wr.was_n ? &none : wr.chg & bit ? wr.was[i] : wr.cur[i];
    if (!read_prim(p, ps, wr.spare, b)) {
        line_changed(i, b, &none);
    } else if (wr.chg & bit) { /* changed, then back as it was: the step before's again */
        PLine *l = wr.cur[i];
        wr.cur[i] = wr.was[i];
        wr.was[i] = l;
        wr.chg &= ~bit;
    }
}

/* The lines, when some primitive is gone (only we hold it): dropped as it
 * comes, in order with the others' reads. Returns the number of lines. */
static LS_COLD size_t record_dropping_gone(void)
{
    size_t k = 0, nl = 0;
    for (size_t i = 0; i < nprims; i++) {
        if (prims[i].o->rc <= 1) {
            DECREF(prims[i].o);
            continue;
        }
        if (k != i) {
            pslots[k] = pslots[i];
            prims[k] = prims[i];
        }
        k++;
        if (nl < SHOW_PRIMS) {
            record_line(nl, &prims[k - 1], &pslots[k - 1]);
            nl++;
        }
    }
    nprims = k;
    return nl;
}

void prims_record(void)
{
    if (!nprims && !wr.n && !wr.was_n)
        return; /* none, and none shown: nothing to say (most runs) */
    Recording *r = sim.rec;
    size_t step = rec_nsteps(r) - 1;
    if (wr.rec != r) {
        writer_start(r, step);
        if (npslots) /* their words are another recording's */
            memset(pslots, 0, npslots * sizeof *pslots);
        memset(tref, 0, sizeof tref);
        memset(wake_memo, 0, sizeof wake_memo);
    }
    if (npslots < nprims) {
        pslots = xrealloc(pslots, nprims * sizeof *pslots);
        memset(pslots + npslots, 0, (nprims - npslots) * sizeof *pslots);
        npslots = nprims;
    }
    if (step != wr.step) { /* now's lines are the step before's */
        wr.step = step;
        wr.was_n = wr.n;
        wr.chg = 0;
    }
    buf_clear(&wr.out);
    bool gone = false;
    for (size_t i = 0; i < nprims; i++)
        gone |= prims[i].o->rc <= 1;
    size_t nl = 0;
    if (LS_LIKELY(!gone)) {
        nl = nprims < SHOW_PRIMS ? nprims : SHOW_PRIMS;
        for (size_t i = 0; i < nl; i++)
            record_line(i, &prims[i], &pslots[i]);
    } else {
        nl = record_dropping_gone();
    }
    wr.n = nl;
    if (wr.was_n > nl) {
        put_op(&wr.out, 0, O_LINES);
        put_varint(&wr.out, nl);
    }
    if (!wr.out.len) { /* the same as the step before */
        if (wr.put && wr.put_step == step) /* a record given for this step goes */
            rec_state_put(r, NULL, 0, false);
        wr.put = false;
        return;
    }
    bool key = rec_state_key_due(r, &codec);
    if (key) {
        buf_clear(&wr.out);
        diff_key(&wr.out, wr.cur, wr.n);
    }
    wr.out.s[last_op] |= (char)0x80;
    rec_state_put(r, (const uint8_t *)wr.out.s, wr.out.len, key);
    wr.put = true;
    wr.put_step = step;
}

void prims_reset(void)
{
    writer_free();
    memset(tref, 0, sizeof tref);
    memset(wake_memo, 0, sizeof wake_memo);
    if (wb.s)
        buf_free(&wb);
    wb = (Buf){0};
    pw_rec = NULL;
    for (size_t i = 0; i < nprims; i++)
        DECREF(prims[i].o);
    xfree(prims);
    prims = NULL;
    nprims = capprims = 0;
    xfree(pslots);
    pslots = NULL;
    npslots = 0;
}
