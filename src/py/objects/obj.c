/* obj.c: object header, reference counting, the core value types and the
 * pending-exception state. Arithmetic lives in ops.c, methods in builtins.c,
 * frames and calls in vm.c. See obj.h for the conventions. */
#include "obj.h"

#include "attrcache.h"
#include "bytes.h"
#include "format.h"
#include "../../base/pool.h"
#include "klass.h"
#include "set.h"
#include "../vm/vm.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- heap */

/* What an object's block holds before it (Obj.front), so that the header
 * carries no link:
 * - FRONT_LINK: the global list's links (on_list); once the object is off
 *   the list, next is its release-queue link;
 * - FRONT_PEND: the release-queue link alone, for an object whose release
 *   runs a dealloc or drops a user class (either may release more);
 * - FRONT_NONE: nothing; its release releases nothing else, so it never
 *   waits in the queue. */
enum { FRONT_NONE, FRONT_PEND, FRONT_LINK };
typedef struct Link { struct Link *prev, *next; } Link;
#define LINK_OF(o) ((Link *)(o) - 1)
#define OBJ_OF(l) ((Obj *)((l) + 1))
/* The release-queue link: the word just before the object, either front's. */
#define PEND_OF(o) (((Obj **)(o))[-1])
static const uint8_t front_bytes[3] = {0, sizeof(Obj *), sizeof(Link)};
static Link heap = {.prev = &heap, .next = &heap};
static Obj *pending_exc;
static Obj *interned;
/* The last names str_intern gave, by the address of their C text (a
 * literal in the program, as a rule, asked for again and again: `async
 * with`'s "__aenter__"), checked against the text there now, for this
 * run's table only (intern_run moves when the table goes). */
enum { INTERN_MEMO = 64 };
static struct {
    const char *c;
    Obj *s;
    uint64_t run;
} intern_memo[INTERN_MEMO];
static uint64_t intern_run = 1;
static Class *registered[512];
static size_t nregistered;
static size_t live_count;
uint64_t obj_serial_; /* the last serial given (obj.h: obj_renew) */

/* What goes in front of an object of class cls and size bytes: the global
 * list's links when teardown has more to do for it than pool_reset does
 * (its class frees C buffers, or its block is not the pool's) or
 * obj_collect looks for it (exceptions). Without the pool (the sanitize
 * build) every block is xcalloc's, so every object goes on the list. */
static inline unsigned front_of(const Class *cls, size_t size)
{
#ifdef LOOPSCOPE_NO_POOL
    (void)cls;
    (void)size;
    return FRONT_LINK;
#else
    if (cls->free_mem || cls->is_exception || size > POOL_MAX)
        return FRONT_LINK;
    return cls->dealloc || cls->heap ? FRONT_PEND : FRONT_NONE;
#endif
}

Obj *obj_alloc(Class *cls, size_t size)
{
    if (size > UINT32_MAX)
        die("out of memory");
    unsigned front = front_of(cls, size);
    char *b = pool_alloc_inline(front_bytes[front] + size);
    Obj *o = (Obj *)(b + front_bytes[front]);
    if (front == FRONT_LINK) {
        Link *l = (Link *)b;
        l->next = heap.next;
        l->prev = &heap;
        heap.next->prev = l;
        heap.next = l;
    }
    o->rc = 1;
    o->size = (uint32_t)size;
    o->cls = cls;
    o->serial = ++obj_serial_;
    o->front = front;
    live_count++;
    if (cls->heap)
        obj_incref(&cls->hdr); /* an object keeps its user class alive */
    return o;
}

/* Deallocation is iterative over a queue of pending objects (linked
 * through their fronts, the last queued first) so that freeing a long
 * chain (a list of lists of ...) cannot overflow the C stack. */
static Obj *pending_free;
static bool freeing;

/* Release what o holds and give its block back. */
static void free_now(Obj *x)
{
    if (x->cls->dealloc)
        x->cls->dealloc(x);
    Class *c = x->cls;
    if (c->free_mem)
        c->free_mem(x);
    live_count--;
    size_t fb = front_bytes[x->front];
    pool_free_inline((char *)x - fb, fb + x->size);
    if (c->heap)
        obj_decref(&c->hdr); /* queued: freed by the loop below */
}

void obj_release(Obj *o)
{
    if (o->cls->finalize) {
        o->rc = 1;
        o->cls->finalize(o);
        if (--o->rc > 0)
            return; /* resurrected */
    }
    if (o->front == FRONT_LINK) {
        Link *l = LINK_OF(o);
        l->prev->next = l->next;
        l->next->prev = l->prev;
    }
    if (freeing) {
        if (o->front == FRONT_NONE) {
            free_now(o); /* it releases nothing: no need to wait */
            return;
        }
        PEND_OF(o) = pending_free;
        pending_free = o;
        return;
    }
    freeing = true;
    free_now(o);
    while (pending_free) {
        Obj *x = pending_free;
        pending_free = PEND_OF(x);
        free_now(x);
    }
    freeing = false;
}

size_t obj_live_count(void)
{
    return live_count;
}

void obj_collect(void)
{
    /* hold the exceptions first: releasing locals may free heap objects */
    size_t n = 0, cap = 16;
    Obj **excs = xmalloc(cap * sizeof *excs);
    for (Link *l = heap.next; l != &heap; l = l->next) {
        Obj *o = OBJ_OF(l);
        if (!o->cls->is_exception || !((ExcObj *)o)->frame_locals)
            continue;
        if (n == cap)
            excs = xrealloc(excs, (cap *= 2) * sizeof *excs);
        INCREF(o);
        excs[n++] = o;
    }
    for (size_t i = 0; i < n; i++)
        SETREF(((ExcObj *)excs[i])->frame_locals, NULL);
    for (size_t i = 0; i < n; i++)
        DECREF(excs[i]);
    xfree(excs);
}

void obj_teardown(void)
{
    /* Objects kept alive by cycles: free the C buffers of those on the
     * list, never touching other objects, then those objects themselves;
     * the pool's blocks (every other object's, frames', dict tables') go
     * all at once. */
    Link *l = heap.next;
    while (l != &heap) {
        Link *next = l->next;
        Obj *o = OBJ_OF(l);
        if (o->cls->free_mem)
            o->cls->free_mem(o);
        pool_free(l, sizeof(Link) + o->size);
        l = next;
    }
    heap.next = heap.prev = &heap;
    pool_reset();
    live_count = 0;
    obj_serial_ = 0;
    pending_exc = NULL;
    interned = NULL;
    intern_run++;
    attrcache_invalidate();
    /* class dicts were heap objects: the next run fills them again */
    for (size_t i = 0; i < nregistered; i++)
        registered[i]->dict = NULL;
}

/* ---------------------------------------------------------- exceptions */

void err_set(Obj *exc)
{
    SETREF(pending_exc, exc);
}

/* An exception of class cls whose only argument is the formatted message. */
static Obj *exc_vmsg(Class *cls, const char *fmt, va_list ap)
{
    Buf b;
    buf_init(&b);
    buf_vprintf(&b, fmt, ap);
    Obj *msg = str_from_buf(&b);
    buf_free(&b);
    Obj *args = tuple_pack(1, msg);
    DECREF(msg);
    Obj *e = exc_new(cls, args);
    DECREF(args);
    return e;
}

void err_format(Class *cls, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    err_set(exc_vmsg(cls, fmt, ap));
    va_end(ap);
}

Obj *err_null(Class *cls, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    err_set(exc_vmsg(cls, fmt, ap));
    va_end(ap);
    return NULL;
}

bool err_occurred(void)
{
    return pending_exc != NULL;
}

bool err_matches(Class *cls)
{
    return pending_exc && class_is_sub(pending_exc->cls, cls);
}

Obj *err_fetch(void)
{
    Obj *e = pending_exc;
    pending_exc = NULL;
    return e;
}

void err_clear(void)
{
    SETREF(pending_exc, NULL);
}

/* ------------------------------------------------------------- classes */

bool class_is_sub(const Class *c, const Class *sub)
{
    if (sub == &ExceptionClass && class_is_sub(c, &ExceptionGroupClass))
        return true;
    for (; c; c = c->base)
        if (c == sub)
            return true;
    return false;
}

bool obj_isinstance(Obj *o, Class *c)
{
    return class_is_sub(o->cls, c);
}

Obj *class_lookup_owner(Class *c, Obj *name, Class **owner)
{
    bool cache = IS(name, StrClass) && ((StrObj *)name)->interned;
    Obj *v;
    Class *k;
    if (cache && attrcache_get(c, name, &v, &k)) {
        if (v && owner)
            *owner = k;
        return v;
    }
    for (k = c; k; k = k->base) {
        if (k->dict) {
            ((DictObj *)k->dict)->watched |= cache;
            v = dict_get(k->dict, name);
            if (v) {
                if (cache)
                    attrcache_put(c, name, v, k);
                if (owner)
                    *owner = k;
                return v;
            }
        }
    }
    if (cache)
        attrcache_put(c, name, NULL, NULL);
    return NULL;
}

Obj *class_lookup(Class *c, Obj *name)
{
    return class_lookup_owner(c, name, NULL);
}

void class_add_method(Class *c, const char *name, CFunc fn)
{
    if (!c->dict) {
        c->dict = dict_new();
        attrcache_invalidate();
    }
    Obj *b = builtin_new(name, fn, NULL);
    dict_set_c(c->dict, name, b);
    DECREF(b);
}

/* ------------------------------------------------------------- scalars */

static void none_repr(Obj *o, Buf *out) { (void)o; buf_puts(out, "None"); }
static void bool_repr(Obj *o, Buf *out) { buf_puts(out, o == True ? "True" : "False"); }
static void int_repr(Obj *o, Buf *out) { fmt_int_repr(INT_V(o), out); }
static void float_repr(Obj *o, Buf *out) { fmt_float_repr(FLOAT_V(o), out); }
static void ellipsis_repr(Obj *o, Buf *out) { (void)o; buf_puts(out, "Ellipsis"); }

Class NoneClass = {.name = "NoneType", .kind = K_NONE, .base = &ObjectClass, .repr = none_repr, .builtin = true};
Class ObjectClass = {.name = "object", .kind = K_OTHER, .builtin = true};
Class IntClass = {.name = "int", .kind = K_INT, .base = &ObjectClass, .size = sizeof(IntObj), .repr = int_repr, .builtin = true};
Class BoolClass = {.name = "bool", .kind = K_BOOL, .base = &IntClass, .size = sizeof(IntObj), .repr = bool_repr, .builtin = true};
Class FloatClass = {.name = "float", .kind = K_FLOAT, .base = &ObjectClass, .size = sizeof(FloatObj), .repr = float_repr, .builtin = true};
static Class EllipsisClass = {.name = "ellipsis", .kind = K_OTHER, .base = &ObjectClass, .repr = ellipsis_repr, .builtin = true};

static IntObj none_obj, true_obj, false_obj, ellipsis_obj;
Obj *None = &none_obj.hdr, *True = &true_obj.hdr, *False = &false_obj.hdr,
    *Ellipsis = &ellipsis_obj.hdr;

#define SMALL_MIN (-5)
#define SMALL_MAX 256
static IntObj small_ints[SMALL_MAX - SMALL_MIN + 1];

Obj *bool_new(bool b)
{
    Obj *o = b ? True : False;
    INCREF(o);
    return o;
}

Obj *none_new(void)
{
    INCREF(None);
    return None;
}

Obj *int_new(int64_t v)
{
    if (v >= SMALL_MIN && v <= SMALL_MAX) {
        Obj *o = &small_ints[v - SMALL_MIN].hdr;
        INCREF(o);
        return o;
    }
    IntObj *o = (IntObj *)obj_alloc(&IntClass, sizeof(IntObj));
    o->v = v;
    return &o->hdr;
}

Obj *float_new(double v)
{
    FloatObj *o = (FloatObj *)obj_alloc(&FloatClass, sizeof(FloatObj));
    o->v = v;
    return &o->hdr;
}

bool is_int(Obj *o)
{
    return o->cls == &IntClass || o->cls == &BoolClass;
}

int64_t int_value(Obj *o)
{
    return ((IntObj *)o)->v;
}

/* ----------------------------------------------------------------- str */

static void str_repr(Obj *o, Buf *out) { fmt_str_repr(STR_S(o), STR_LEN(o), out); }
Class StrClass = {.name = "str", .kind = K_STR, .base = &ObjectClass, .repr = str_repr, .builtin = true};

Obj *str_new(const char *s, size_t len)
{
    /* the text starts inside sizeof(StrObj)'s tail padding: 6 bytes less */
    StrObj *o = (StrObj *)obj_alloc(&StrClass, offsetof(StrObj, s) + len + 1);
    memcpy(o->s, s, len);
    o->s[len] = '\0';
    o->len = len;
    o->hash = -1;
    size_t ncp = 0;
    bool ascii = true;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c & 0xC0) != 0x80)
            ncp++;
        if (c >= 0x80)
            ascii = false;
    }
    o->ncp = ncp;
    o->ascii = ascii;
    return &o->hdr;
}

Obj *str_from(const char *cstr)
{
    return str_new(cstr, strlen(cstr));
}

Obj *str_from_buf(Buf *b)
{
    Obj *o = str_new(b->s, b->len);
    buf_free(b);
    return o;
}

bool str_eq_c(Obj *s, const char *c)
{
    size_t n = strlen(c);
    return IS(s, StrClass) && STR_LEN(s) == n && memcmp(STR_S(s), c, n) == 0;
}

Obj *str_intern_str(Obj *s)
{
    if (((StrObj *)s)->interned)
        return s;
    if (!interned)
        interned = dict_new();
    Obj *v = dict_get(interned, s);
    if (v)
        return v;
    dict_set(interned, s, s);
    ((StrObj *)s)->interned = true;
    return s;
}

void tuple_intern_strs(Obj *t)
{
    for (size_t i = 0; i < TUP_N(t); i++) {
        Obj *s = TUP_ITEMS(t)[i];
        if (!IS(s, StrClass))
            continue;
        Obj *u = str_intern_str(s);
        if (u != s) {
            INCREF(u);
            TUP_ITEMS(t)[i] = u;
            DECREF(s);
        }
    }
}

Obj *str_intern(const char *cstr)
{
    unsigned at = (unsigned)((uintptr_t)cstr >> 3) % INTERN_MEMO;
    if (intern_memo[at].c == cstr && intern_memo[at].run == intern_run && !strcmp(STR_S(intern_memo[at].s), cstr))
        return intern_memo[at].s;
    if (!interned)
        interned = dict_new();
    Obj *v = dict_get_c(interned, cstr);
    if (!v) {
        v = str_from(cstr);
        dict_set(interned, v, v);
        ((StrObj *)v)->interned = true;
        DECREF(v);
    }
    intern_memo[at].c = cstr;
    intern_memo[at].s = v;
    intern_memo[at].run = intern_run;
    return v;
}

/* ----------------------------------------------------- tuple and list */

static int repr_depth;
static Obj *repr_stack[64];

/* Guard against self-containing containers: returns false (and writes "...")
 * when o is already being printed. */
static bool repr_enter(Obj *o, Buf *out, const char *dots)
{
    for (int i = 0; i < repr_depth; i++)
        if (repr_stack[i] == o) {
            buf_puts(out, dots);
            return false;
        }
    if (repr_depth >= 64) {
        buf_puts(out, dots);
        return false;
    }
    repr_stack[repr_depth++] = o;
    return true;
}

static void repr_leave(void) { repr_depth--; }

/* The items of a list or tuple: an item's __repr__ may shrink or refill a
 * list, so the length is read again on every pass and the item is held. */
static void seq_repr(Obj *seq, Buf *out)
{
    Obj *x;
    for (size_t i = 0; (x = seq_get_ref(seq, i)); i++) {
        if (i)
            buf_puts(out, ", ");
        int r = obj_repr(x, out);
        DECREF(x);
        if (r < 0)
            return;
    }
}

size_t seq_len(Obj *seq)
{
    return IS(seq, ListClass) ? LIST_N(seq) : TUP_N(seq);
}

Obj *seq_get_ref(Obj *seq, size_t i)
{
    Obj *x = NULL;
    if (i < seq_len(seq))
        x = IS(seq, ListClass) ? LIST_ITEMS(seq)[i] : TUP_ITEMS(seq)[i];
    XINCREF(x);
    return x;
}

static void tuple_repr(Obj *o, Buf *out)
{
    if (!repr_enter(o, out, "(...)"))
        return;
    buf_putc(out, '(');
    seq_repr(o, out);
    if (TUP_N(o) == 1)
        buf_putc(out, ',');
    buf_putc(out, ')');
    repr_leave();
}

static void tuple_dealloc(Obj *o)
{
    for (size_t i = 0; i < TUP_N(o); i++)
        XDECREF(TUP_ITEMS(o)[i]);
}

Class TupleClass = {.name = "tuple", .kind = K_TUPLE, .base = &ObjectClass, .repr = tuple_repr,
                    .dealloc = tuple_dealloc, .builtin = true};

Obj *tuple_new(size_t n)
{
    TupleObj *t = (TupleObj *)obj_alloc(&TupleClass, sizeof(TupleObj) + n * sizeof(Obj *));
    t->n = n;
    return &t->hdr;
}

Obj *tuple_pack(size_t n, ...)
{
    Obj *t = tuple_new(n);
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++) {
        Obj *v = va_arg(ap, Obj *);
        INCREF(v);
        TUP_ITEMS(t)[i] = v;
    }
    va_end(ap);
    return t;
}

static void list_repr(Obj *o, Buf *out)
{
    if (!repr_enter(o, out, "[...]"))
        return;
    buf_putc(out, '[');
    seq_repr(o, out);
    buf_putc(out, ']');
    repr_leave();
}

static void list_dealloc(Obj *o)
{
    ListObj *l = (ListObj *)o;
    for (size_t i = 0; i < l->n; i++)
        DECREF(l->items[i]);
    l->n = 0;
}

static void list_free_mem(Obj *o)
{
    xfree(((ListObj *)o)->items);
}

Class ListClass = {.name = "list", .kind = K_LIST, .base = &ObjectClass, .repr = list_repr,
                   .dealloc = list_dealloc, .free_mem = list_free_mem, .builtin = true};

Obj *list_new(size_t cap)
{
    ListObj *l = (ListObj *)obj_alloc(&ListClass, sizeof(ListObj));
    l->cap = cap < 4 ? 4 : cap;
    l->items = xmalloc(l->cap * sizeof(Obj *));
    return &l->hdr;
}

void list_append_steal(Obj *list, Obj *v)
{
    ListObj *l = (ListObj *)list;
    if (l->n == l->cap) {
        /* near the memory cap, grow by steps of 1/16 rather than doubling:
         * the next operation's check then stops the run before the copy
         * could pass the cap by much */
        l->cap += mem_fits(l->cap * sizeof(Obj *)) ? l->cap : l->cap / 16 + 1;
        l->items = xrealloc(l->items, l->cap * sizeof(Obj *));
    }
    l->items[l->n++] = v;
}

void list_append(Obj *list, Obj *v)
{
    INCREF(v);
    list_append_steal(list, v);
}

/* ---------------------------------------------------------------- dict */

static void dict_repr(Obj *o, Buf *out)
{
    if (!repr_enter(o, out, "{...}"))
        return;
    buf_putc(out, '{');
    size_t pos = 0;
    Obj *k, *v;
    bool first = true;
    while (dict_next(o, &pos, &k, &v)) {
        if (!first)
            buf_puts(out, ", ");
        first = false;
        /* hold the pair: a __repr__ may delete it from the dict */
        INCREF(k);
        INCREF(v);
        int r = obj_repr(k, out);
        if (r == 0) {
            buf_puts(out, ": ");
            r = obj_repr(v, out);
        }
        DECREF(k);
        DECREF(v);
        if (r < 0)
            break;
    }
    buf_putc(out, '}');
    repr_leave();
}

/* Every change to any dict takes the next number: a version names one
 * state of one dict, so a cache keyed by it (vm_fast.h) cannot mistake
 * another dict, or a later one at the same address, for the one it read. */
static uint64_t dict_versions;

static void dict_dealloc(Obj *o)
{
    DictObj *d = (DictObj *)o;
    d->version = ++dict_versions;
    if (d->watched)
        attrcache_invalidate();
    for (size_t i = 0; i < d->used; i++) {
        if (d->entries[i].key) {
            DECREF(d->entries[i].key);
            DECREF(d->entries[i].value);
            d->entries[i].key = NULL;
        }
    }
    d->n = d->used = 0;
}

static void dict_free_mem(Obj *o)
{
    DictObj *d = (DictObj *)o;
    pool_free(d->entries, d->cap * sizeof(DictEntry));
    pool_free(d->index, d->icap * sizeof(int32_t));
}

Class DictClass = {.name = "dict", .kind = K_DICT, .base = &ObjectClass, .repr = dict_repr,
                   .dealloc = dict_dealloc, .free_mem = dict_free_mem, .builtin = true};

/* Give d a fresh, empty table. */
static void dict_empty_table(DictObj *d)
{
    d->version = ++dict_versions;
    d->n = d->used = 0;
    d->cap = 8;
    d->entries = pool_alloc(d->cap * sizeof(DictEntry));
    d->icap = 16;
    d->index = pool_alloc(d->icap * sizeof(int32_t));
    memset(d->index, 0xff, d->icap * sizeof(int32_t));
}

Obj *dict_new(void)
{
    DictObj *d = (DictObj *)obj_alloc(&DictClass, sizeof(DictObj));
    dict_empty_table(d);
    return &d->hdr;
}

/* loopscope's own hash of a str's (or bytes') bytes: FNV-1a, reduced like
 * CPython's, never -1. */
static int64_t str_hash_bytes(const char *p, size_t len)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)p[i]) * 1099511628211ULL;
    int64_t r = (int64_t)(h & (uint64_t)(((uint64_t)1 << 61) - 1));
    return r == -1 ? -2 : r;
}

/* Find key: returns the index slot position; *entry gets the entry number or -1. */
static int dict_lookup(DictObj *d, Obj *key, int64_t h, size_t *slot_out, int32_t *entry)
{
restart:;
    size_t mask = d->icap - 1;
    size_t i = (size_t)h & mask;
    size_t perturb = (size_t)h;
    ssize_t first_deleted = -1;
    for (;;) {
        int32_t ix = d->index[i];
        if (ix == -1) {
            *slot_out = first_deleted >= 0 ? (size_t)first_deleted : i;
            *entry = -1;
            return 0;
        }
        if (ix == -2) {
            if (first_deleted < 0)
                first_deleted = (ssize_t)i;
        } else {
            DictEntry *e = &d->entries[ix];
            if (e->key == key) {
                *slot_out = i;
                *entry = ix;
                return 0;
            }
            if (e->hash == h && key->cls == &StrClass && e->key->cls == &StrClass && STR_LEN(key) < 4096) {
                /* two strs: compared here, no scenario code can run */
                if (STR_LEN(key) == STR_LEN(e->key) && memcmp(STR_S(key), STR_S(e->key), STR_LEN(key)) == 0) {
                    *slot_out = i;
                    *entry = ix;
                    return 0;
                }
            } else if (e->hash == h) {
                /* __eq__ may change the dict (CPython's lookdict): hold the
                 * key, and start again if the table moved or the entry went */
                Obj *start = e->key;
                uint64_t version = d->version;
                INCREF(start);
                int eq = obj_eq(start, key);
                DECREF(start);
                if (eq < 0)
                    return -1;
                /* a version, not the arrays' addresses: an address malloc
                 * reuses would make this depend on the allocator */
                if (version != d->version)
                    goto restart;
                if (eq) {
                    *slot_out = i;
                    *entry = ix;
                    return 0;
                }
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* The first empty index slot for hash h in a table without deleted slots
 * (just rebuilt). */
static size_t dict_free_slot(DictObj *d, int64_t h)
{
    size_t mask = d->icap - 1, i = (size_t)h & mask, perturb = (size_t)h;
    while (d->index[i] != -1) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

static void dict_rebuild(DictObj *d, size_t need)
{
    /* compact entries, then rebuild the index with room for `need` entries */
    d->version = ++dict_versions;
    size_t w = 0;
    for (size_t r = 0; r < d->used; r++)
        if (d->entries[r].key)
            d->entries[w++] = d->entries[r];
    d->used = w;
    size_t old_cap = d->cap;
    while (d->cap < need)
        d->cap *= 2;
    d->entries = pool_realloc(d->entries, old_cap * sizeof(DictEntry), d->cap * sizeof(DictEntry));
    size_t icap = 16;
    while (icap < d->cap * 2)
        icap *= 2;
    pool_free(d->index, d->icap * sizeof(int32_t));
    d->icap = (uint32_t)icap;
    d->index = pool_alloc(icap * sizeof(int32_t));
    memset(d->index, 0xff, icap * sizeof(int32_t));
    for (size_t k = 0; k < d->used; k++)
        d->index[dict_free_slot(d, d->entries[k].hash)] = (int32_t)k;
}

void dict_clear(Obj *dobj)
{
    /* CPython's dict_clear: empty the table first, release the pairs after,
     * and never hash or compare a key (that would run scenario code, which
     * could see or change the half-cleared dict) */
    DictObj *d = (DictObj *)dobj, old = *d;
    if (d->watched)
        attrcache_invalidate();
    dict_empty_table(d);
    for (size_t i = 0; i < old.used; i++) {
        XDECREF(old.entries[i].key);
        XDECREF(old.entries[i].value);
    }
    pool_free(old.entries, old.cap * sizeof(DictEntry));
    pool_free(old.index, old.icap * sizeof(int32_t));
}

Obj *dict_get(Obj *dobj, Obj *key)
{
    DictObj *d = (DictObj *)dobj;
    if (key->cls == &StrClass) {
        /* a str's hash is cached and cannot fail */
        size_t slot;
        int32_t ix = -1;
        int64_t h = ((StrObj *)key)->hash;
        if (h == -1)
            h = obj_hash(key);
        INCREF(key); /* a str subclass key's __eq__ may still run */
        int r = dict_lookup(d, key, h, &slot, &ix);
        DECREF(key);
        return r < 0 || ix < 0 ? NULL : d->entries[ix].value;
    }
    INCREF(key); /* it may be borrowed from a container __eq__ empties */
    int64_t h = obj_hash(key);
    size_t slot;
    int32_t ix = -1;
    int r = (h == -1 && err_occurred()) ? -1 : dict_lookup(d, key, h, &slot, &ix);
    DECREF(key);
    if (r < 0 || ix < 0)
        return NULL;
    return d->entries[ix].value;
}

int32_t dict_entry_of(Obj *dobj, Obj *key)
{
    DictObj *d = (DictObj *)dobj;
    if (key->cls != &StrClass)
        return -1;
    size_t slot;
    int32_t ix = -1;
    int64_t h = ((StrObj *)key)->hash;
    if (h == -1)
        h = obj_hash(key);
    INCREF(key);
    int r = dict_lookup(d, key, h, &slot, &ix);
    DECREF(key);
    return r < 0 ? -1 : ix;
}

/* dict_get for a C string: probes with the text's hash and compares with
 * the str keys in place, without making a str. A key of another class
 * with the same hash (a str subclass, whose == may be its own) takes the
 * general way. */
Obj *dict_get_c(Obj *dobj, const char *key)
{
    DictObj *d = (DictObj *)dobj;
    size_t len = strlen(key);
    int64_t h = str_hash_bytes(key, len);
    size_t mask = d->icap - 1, i = (size_t)h & mask, perturb = (size_t)h;
    for (;;) {
        int32_t ix = d->index[i];
        if (ix == -1)
            return NULL;
        if (ix >= 0 && d->entries[ix].hash == h) {
            Obj *k = d->entries[ix].key;
            if (k->cls != &StrClass)
                break;
            if (STR_LEN(k) == len && memcmp(STR_S(k), key, len) == 0)
                return d->entries[ix].value;
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    Obj *k = str_new(key, len);
    Obj *v = dict_get(dobj, k);
    DECREF(k);
    return v;
}

int dict_set(Obj *dobj, Obj *key, Obj *value)
{
    DictObj *d = (DictObj *)dobj;
    /* Held from the start: callers often pass a key and value borrowed from
     * another container, which the key's __hash__ or __eq__ may empty. */
    INCREF(key);
    INCREF(value);
    int64_t h = obj_hash(key);
    size_t slot;
    int32_t ix;
    if ((h == -1 && err_occurred()) || dict_lookup(d, key, h, &slot, &ix) < 0) {
        DECREF(key);
        DECREF(value);
        return -1;
    }
    if (ix < 0 && d->n + 1 > d->cap) {
        /* a bigger table: entries at twice the room, an index of four
         * slots an entry; check the memory cap before the copy */
        if (!vm_memory_ok(d->cap * 2 * (sizeof(DictEntry) + 4 * sizeof(int32_t)))) {
            DECREF(key);
            DECREF(value);
            return -1;
        }
    }
    if (d->watched)
        attrcache_invalidate();
    if (ix >= 0) {
        SETREF(d->entries[ix].value, value);
        DECREF(key);
        return 0;
    }
    if (d->used + 1 > d->cap || (d->used + 1) * 3 > d->icap * 2) {
        dict_rebuild(d, d->n + 1 > d->cap ? d->cap * 2 : d->cap);
        slot = dict_free_slot(d, h); /* no __eq__ again: it could change d */
    }
    d->version = ++dict_versions;
    d->entries[d->used] = (DictEntry){h, key, value};
    d->index[slot] = (int32_t)d->used;
    d->used++;
    d->n++;
    return 0;
}

void dict_set_c(Obj *d, const char *key, Obj *value)
{
    Obj *k = str_from(key);
    dict_set(d, k, value);
    DECREF(k);
}

int dict_del(Obj *dobj, Obj *key)
{
    DictObj *d = (DictObj *)dobj;
    INCREF(key); /* it may be borrowed from a container __eq__ empties */
    int64_t h = obj_hash(key);
    size_t slot;
    int32_t ix = -1;
    int r = (h == -1 && err_occurred()) ? -1 : dict_lookup(d, key, h, &slot, &ix);
    DECREF(key);
    if (r < 0)
        return -1;
    if (ix < 0)
        return 0;
    DictEntry e = d->entries[ix];
    d->version = ++dict_versions;
    if (d->watched)
        attrcache_invalidate();
    d->entries[ix].key = d->entries[ix].value = NULL;
    d->index[slot] = -2;
    d->n--;
    DECREF(e.key);
    DECREF(e.value);
    return 1;
}

bool dict_next(Obj *dobj, size_t *pos, Obj **key, Obj **value)
{
    DictObj *d = (DictObj *)dobj;
    while (*pos < d->used) {
        DictEntry *e = &d->entries[(*pos)++];
        if (e->key) {
            if (key)
                *key = e->key;
            if (value)
                *value = e->value;
            return true;
        }
    }
    return false;
}

/* ------------------------------------------------- hashing & equality */

#define HASH_MOD ((int64_t)(((uint64_t)1 << 61) - 1))

static int64_t hash_int(int64_t v)
{
    int64_t h;
    if (v == INT64_MIN)
        h = -(int64_t)(((uint64_t)1 << 63) % (uint64_t)HASH_MOD);
    else
        h = v < 0 ? -((-v) % HASH_MOD) : v % HASH_MOD;
    return h == -1 ? -2 : h;
}

/* CPython's hash of a float: the value as a fraction reduced modulo
 * 2**61 - 1, so that integral floats hash like the equal ints. */
static int64_t hash_double(double v)
{
    if (isinf(v))
        return v > 0 ? 314159 : -314159;
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    const uint64_t mod = (uint64_t)HASH_MOD;
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & mod) | x >> (61 - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= mod)
            x -= mod;
    }
    e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
    x = ((x << e) & mod) | x >> (61 - e);
    x = x * (uint64_t)(int64_t)sign;
    return x == (uint64_t)-1 ? -2 : (int64_t)x;
}

/* CPython's tuple hash (xxHash-style lanes). */
static int64_t hash_tuple(Obj *t)
{
    const uint64_t p1 = 11400714785074694791ULL, p2 = 14029467366897019727ULL,
                   p5 = 2870177450012600261ULL;
    uint64_t acc = p5;
    if (!vm_recursion_enter(""))
        return -1;
    for (size_t i = 0; i < TUP_N(t); i++) {
        int64_t lane = vm_charge_ops(1) ? obj_hash(TUP_ITEMS(t)[i]) : -1;
        if (lane == -1 && err_occurred()) {
            vm_recursion_leave();
            return -1;
        }
        acc += (uint64_t)lane * p2;
        acc = (acc << 31) | (acc >> 33);
        acc *= p1;
    }
    vm_recursion_leave();
    acc += TUP_N(t) ^ (p5 ^ 3527539ULL);
    return acc == (uint64_t)-1 ? 1546275796 : (int64_t)acc;
}

/* Identity hash: the per-run allocation number, so that tables keyed by
 * objects (set order) are the same on every run; static objects (classes,
 * None) hash their name. */
static int64_t hash_identity(Obj *o)
{
    if (o->serial)
        return (int64_t)o->serial;
    const char *name = o->cls == &ClassClass ? ((Class *)o)->name : o->cls->name;
    Obj *s = str_from(name);
    int64_t h = obj_hash(s);
    DECREF(s);
    return h;
}

int64_t obj_hash(Obj *o)
{
    Class *c = o->cls;
    switch (c->kind) {
    case K_INT:
    case K_BOOL:
        return hash_int(INT_V(o));
    case K_FLOAT:
        return isnan(FLOAT_V(o)) ? hash_identity(o) : hash_double(FLOAT_V(o));
    case K_STR: {
        StrObj *s = (StrObj *)o;
        if (s->hash == -1)
            s->hash = str_hash_bytes(s->s, s->len);
        return s->hash;
    }
    case K_BYTES: { /* a str of the same bytes hashes the same, as in CPython */
        BytesObj *b = (BytesObj *)o;
        if (b->hash == -1)
            b->hash = str_hash_bytes((const char *)b->s, b->len);
        return b->hash;
    }
    case K_TUPLE:
        return hash_tuple(o);
    case K_SET:
    case K_FROZENSET:
        return set_hash(o);
    case K_LIST:
    case K_DICT:
        err_format(&TypeErrorClass, "unhashable type: '%s'", c->name);
        return -1;
    default: {
        int64_t h;
        if (c->heap && klass_hash(o, &h))
            return h;
        return hash_identity(o);
    }
    }
}

static bool is_number(Obj *o)
{
    return is_int(o) || o->cls == &FloatClass;
}

/* Two lists or tuples of one class. An item's __eq__ may change either
 * list: lengths are read again on every pass and both items are held, as
 * CPython's list_richcompare does. */
static int seq_eq(Obj *a, Obj *b)
{
    if (seq_len(a) != seq_len(b))
        return 0;
    for (size_t i = 0;; i++) {
        Obj *x = seq_get_ref(a, i), *y = seq_get_ref(b, i);
        int r = x && y ? (vm_charge_ops(1) ? obj_eq(x, y) : -1) : !x && !y;
        XDECREF(x);
        XDECREF(y);
        if (r <= 0 || !x || !y)
            return r;
    }
}

/* Two dicts: each pair of a is held while b is searched and the values
 * compared (__eq__ and __hash__ may change either dict). */
static int dict_eq(Obj *a, Obj *b)
{
    if (DICT_N(a) != DICT_N(b))
        return 0;
    size_t pos = 0;
    Obj *k, *v;
    while (dict_next(a, &pos, &k, &v)) {
        if (!vm_charge_ops(1))
            return -1;
        INCREF(k);
        INCREF(v);
        Obj *w = dict_get(b, k);
        XINCREF(w);
        int r = w ? obj_eq(v, w) : err_occurred() ? -1 : 0;
        DECREF(k);
        DECREF(v);
        XDECREF(w);
        if (r <= 0)
            return r;
    }
    return 1;
}

/* == of two sets, two lists, two tuples or two dicts: each level of
 * nesting is one level of the run's depth budget. */
static int container_eq(Obj *a, Obj *b)
{
    if (!vm_recursion_enter(" in comparison"))
        return -1;
    int r = set_check(a) ? set_eq(a, b) : IS(a, DictClass) ? dict_eq(a, b) : seq_eq(a, b);
    vm_recursion_leave();
    return r;
}

int obj_eq(Obj *a, Obj *b)
{
    if (a == b)
        return 1;
    if (a->cls->heap || b->cls->heap)
        return klass_compare(OP_EQ, a, b);
    if (is_number(a) && is_number(b)) {
        if (is_int(a) && is_int(b))
            return INT_V(a) == INT_V(b);
        double x = is_int(a) ? (double)INT_V(a) : FLOAT_V(a);
        double y = is_int(b) ? (double)INT_V(b) : FLOAT_V(b);
        /* an int too large to be exactly this float; 2**63 itself (what
         * INT64_MAX rounds to) has no int64_t value to cast to */
        if (is_int(a) && (double)INT_V(a) == y && (y >= 9223372036854775808.0 || (int64_t)y != INT_V(a)))
            return 0;
        if (is_int(b) && (double)INT_V(b) == x && (x >= 9223372036854775808.0 || (int64_t)x != INT_V(b)))
            return 0;
        return x == y;
    }
    if (set_check(a) && set_check(b))
        return container_eq(a, b);
    if (a->cls != b->cls)
        return 0;
    switch (a->cls->kind) {
    case K_STR:
        if (STR_LEN(a) != STR_LEN(b))
            return 0;
        if (STR_LEN(a) >= 4096 && !vm_charge_bytes(STR_LEN(a))) /* long texts only: keep == cheap */
            return -1;
        return memcmp(STR_S(a), STR_S(b), STR_LEN(a)) == 0;
    case K_BYTES:
        return BYTES_LEN(a) == BYTES_LEN(b) && memcmp(BYTES_S(a), BYTES_S(b), BYTES_LEN(a)) == 0;
    case K_TUPLE:
    case K_LIST:
    case K_DICT:
        return container_eq(a, b);
    case K_RANGE: {
        RangeObj *x = (RangeObj *)a, *y = (RangeObj *)b;
        return x->start == y->start && x->stop == y->stop && x->step == y->step;
    }
    default:
        return 0;
    }
}

int obj_truth(Obj *o)
{
    if (o == None || o == False)
        return 0;
    if (o == True)
        return 1;
    switch (o->cls->kind) {
    case K_INT: return INT_V(o) != 0;
    case K_FLOAT: return FLOAT_V(o) != 0.0;
    case K_STR: return STR_LEN(o) != 0;
    case K_BYTES: return BYTES_LEN(o) != 0;
    case K_TUPLE: return TUP_N(o) != 0;
    case K_LIST: return LIST_N(o) != 0;
    case K_DICT: return DICT_N(o) != 0;
    case K_SET:
    case K_FROZENSET: return SET_N(o) != 0;
    case K_RANGE: {
        RangeObj *r = (RangeObj *)o;
        return r->step > 0 ? r->start < r->stop : r->start > r->stop;
    }
    default: return o->cls->heap ? klass_truth(o) : 1;
    }
}

/* ---------------------------------------------------------- str & repr */

const char *obj_type_name(Obj *o)
{
    return o->cls->name;
}

void obj_repr_builtin(Obj *o, Buf *out)
{
    Class *c = o->cls;
    while (c->heap && !c->repr)
        c = c->base;
    if (c->repr)
        c->repr(o, out);
    else if (o->cls->heap || o->cls == &ObjectClass)
        klass_default_repr(o, out);
    else
        buf_printf(out, "<%s object>", o->cls->name);
}

/* repr(o) or str(o), one level of the depth budget (a partial of a
 * partial of ... recurses in C). */
static int obj_text(Obj *o, Buf *out, bool repr)
{
    /* only what can nest counts: str() of anything but an exception is
     * its repr() (counted there), and scalars hold nothing */
    Kind k = o->cls->kind;
    bool scalar = !o->cls->heap && (k == K_NONE || k == K_BOOL || k == K_INT || k == K_FLOAT || k == K_STR || k == K_BYTES);
    bool counted = repr ? !scalar : o->cls->is_exception;
    if (counted && !vm_recursion_enter(repr ? " while getting the repr of an object"
                                            : " while getting the str of an object"))
        return -1;
    int r = KLASS_NONE;
    if (o->cls->heap)
        r = klass_text(o, repr ? "__repr__" : "__str__", out);
    if (r == KLASS_NONE && repr) {
        obj_repr_builtin(o, out);
        r = err_occurred() ? -1 : 0;
    } else if (r == KLASS_NONE) {
        r = obj_str_builtin(o, out);
    }
    if (counted)
        vm_recursion_leave();
    return r;
}

int obj_repr(Obj *o, Buf *out)
{
    /* a repr of a big container is one C loop: stop it at the memory cap */
    if (mem_over() && !vm_memory_ok(0))
        return -1;
    return obj_text(o, out, true);
}

int obj_str(Obj *o, Buf *out)
{
    return obj_text(o, out, false);
}

int obj_str_builtin(Obj *o, Buf *out)
{
    if (o->cls == &StrClass) {
        buf_putn(out, STR_S(o), STR_LEN(o));
        return 0;
    }
    if (o->cls->is_exception) {
        ExcObj *e = (ExcObj *)o;
        size_t n = TUP_N(e->args);
        if (class_is_sub(o->cls, &BaseExceptionGroupClass) && e->extra && n >= 1) {
            if (obj_str(TUP_ITEMS(e->args)[0], out) < 0)
                return -1;
            buf_printf(out, " (%zu sub-exception%s)", TUP_N(e->extra), TUP_N(e->extra) == 1 ? "" : "s");
            return 0;
        }
        if (n == 0)
            return 0;
        if (n == 1) {
            if (class_is_sub(o->cls, &KeyErrorClass))
                return obj_repr(TUP_ITEMS(e->args)[0], out);
            return obj_str(TUP_ITEMS(e->args)[0], out);
        }
        return obj_repr(e->args, out);
    }
    return obj_repr(o, out);
}

Obj *obj_str_new(Obj *o)
{
    if (o->cls == &StrClass) {
        INCREF(o);
        return o;
    }
    Buf b;
    buf_init(&b);
    /* the text is copied into the str: check the memory cap for the copy */
    Obj *r = obj_str(o, &b) < 0 || !vm_memory_ok(b.len) ? NULL : str_new(b.s, b.len);
    buf_free(&b);
    return r;
}

Obj *obj_repr_new(Obj *o)
{
    Buf b;
    buf_init(&b);
    Obj *r = obj_repr(o, &b) < 0 || !vm_memory_ok(b.len) ? NULL : str_new(b.s, b.len);
    buf_free(&b);
    return r;
}

/* ------------------------------------------- functions, cells, builtins */

static void code_dealloc(Obj *o)
{
    CodeObj *c = (CodeObj *)o;
    XDECREF(c->consts);
    XDECREF(c->names);
    XDECREF(c->varnames);
    XDECREF(c->cellnames);
    XDECREF(c->freenames);
    XDECREF(c->name);
    XDECREF(c->qualname);
}

static void code_free_mem(Obj *o)
{
    CodeObj *c = (CodeObj *)o;
    xfree(c->ops);
    xfree(c->lines);
    xfree(c->cell2arg);
    xfree(c->ncache);
}

Class CodeClass = {.name = "code", .kind = K_CODE, .base = &ObjectClass, .dealloc = code_dealloc,
                   .free_mem = code_free_mem, .builtin = true};

static void func_repr(Obj *o, Buf *out)
{
    buf_printf(out, "<function %s>", STR_S(((FuncObj *)o)->qualname));
}

static void func_dealloc(Obj *o)
{
    FuncObj *f = (FuncObj *)o;
    XDECREF(f->code);
    XDECREF(f->globals);
    XDECREF(f->defaults);
    XDECREF(f->kwdefaults);
    XDECREF(f->closure);
    XDECREF(f->name);
    XDECREF(f->qualname);
}

Class FuncClass = {.name = "function", .kind = K_FUNC, .base = &ObjectClass, .repr = func_repr,
                   .dealloc = func_dealloc, .builtin = true};

static void cell_dealloc(Obj *o) { XDECREF(((CellObj *)o)->v); }
Class CellClass = {.name = "cell", .kind = K_CELL, .base = &ObjectClass, .dealloc = cell_dealloc, .builtin = true};

Obj *cell_new(Obj *v)
{
    CellObj *c = (CellObj *)obj_alloc(&CellClass, sizeof(CellObj));
    XINCREF(v);
    c->v = v;
    return &c->hdr;
}

static void builtin_repr(Obj *o, Buf *out)
{
    BuiltinObj *b = (BuiltinObj *)o;
    if (b->self && b->self->cls != &ModuleClass)
        buf_printf(out, "<built-in method %s of %s object>", b->name, b->self->cls->name);
    else
        buf_printf(out, "<built-in function %s>", b->name);
}

static void builtin_dealloc(Obj *o)
{
    XDECREF(((BuiltinObj *)o)->self);
    XDECREF(((BuiltinObj *)o)->data);
}

Obj *builtin_call_on(Obj *bo, Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    /* a str method scans its receiver: charge that to the op budget */
    if (IS(self, StrClass) && !vm_charge_bytes(STR_LEN(self)))
        return NULL;
    return ((BuiltinObj *)bo)->fn(self, args, nargs, kwnames);
}

static Obj *builtin_call(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    BuiltinObj *b = (BuiltinObj *)self;
    if (b->self)
        return builtin_call_on(self, b->self, args, nargs, kwnames);
    return b->fn(self, args, nargs, kwnames);
}

Class BuiltinClass = {.name = "builtin_function_or_method", .kind = K_BUILTIN, .base = &ObjectClass,
                      .repr = builtin_repr, .dealloc = builtin_dealloc, .call = builtin_call, .builtin = true};

Obj *builtin_new(const char *name, CFunc fn, Obj *self)
{
    BuiltinObj *b = (BuiltinObj *)obj_alloc(&BuiltinClass, sizeof(BuiltinObj));
    b->name = name;
    b->fn = fn;
    XINCREF(self);
    b->self = self;
    return &b->hdr;
}

static void bound_dealloc(Obj *o)
{
    XDECREF(((BoundObj *)o)->func);
    XDECREF(((BoundObj *)o)->self);
}

static void bound_repr(Obj *o, Buf *out)
{
    BoundObj *b = (BoundObj *)o;
    buf_puts(out, "<bound method ");
    if (IS(b->func, FuncClass))
        buf_puts(out, STR_S(((FuncObj *)b->func)->qualname));
    buf_puts(out, " of ");
    obj_repr(b->self, out);
    buf_puts(out, ">");
}

Class BoundClass = {.name = "method", .kind = K_BOUND, .base = &ObjectClass, .repr = bound_repr,
                    .dealloc = bound_dealloc, .builtin = true};

Obj *bound_new(Obj *func, Obj *self)
{
    BoundObj *b = (BoundObj *)obj_alloc(&BoundClass, sizeof(BoundObj));
    INCREF(func);
    INCREF(self);
    b->func = func;
    b->self = self;
    return &b->hdr;
}

static void class_repr(Obj *o, Buf *out)
{
    Class *c = (Class *)o;
    if (c->heap)
        buf_printf(out, "<class '%s.%s'>", STR_S(((UserClass *)c)->module), STR_S(((UserClass *)c)->qualname));
    else
        buf_printf(out, "<class '%s'>", c->name);
}

Class ClassClass = {.name = "type", .kind = K_CLASS, .base = &ObjectClass, .repr = class_repr, .builtin = true};

static void module_repr(Obj *o, Buf *out)
{
    buf_printf(out, "<module '%s'>", STR_S(((ModuleObj *)o)->name));
}

static void module_dealloc(Obj *o)
{
    XDECREF(((ModuleObj *)o)->name);
    XDECREF(((ModuleObj *)o)->dict);
}

/* A module's private names (`_loop_end`, `_cancel_all_tasks`: the
 * library's internals, which CPython's modules do not have) as scenario
 * code sees them: not there. Dunder names are not private. */
bool module_hides(Obj *name)
{
    const char *s = STR_S(name);
    size_t n = STR_LEN(name);
    bool dunder = n > 4 && s[0] == '_' && s[1] == '_' && s[n - 1] == '_' && s[n - 2] == '_';
    return s[0] == '_' && !dunder && vm_in_user_code();
}

static Obj *module_getattr(Obj *o, Obj *name)
{
    Obj *v = module_hides(name) ? NULL : dict_get(((ModuleObj *)o)->dict, name);
    if (!v)
        return err_null(&AttributeErrorClass, "module '%s' has no attribute '%s'",
                        STR_S(((ModuleObj *)o)->name), STR_S(name));
    INCREF(v);
    return v;
}

Class ModuleClass = {.name = "module", .kind = K_MODULE, .base = &ObjectClass, .repr = module_repr,
                     .dealloc = module_dealloc, .getattr = module_getattr, .builtin = true};

Obj *module_new(const char *name)
{
    ModuleObj *m = (ModuleObj *)obj_alloc(&ModuleClass, sizeof(ModuleObj));
    m->name = str_from(name);
    m->dict = dict_new();
    return &m->hdr;
}

static void range_repr(Obj *o, Buf *out)
{
    RangeObj *r = (RangeObj *)o;
    if (r->step == 1)
        buf_printf(out, "range(%lld, %lld)", (long long)r->start, (long long)r->stop);
    else
        buf_printf(out, "range(%lld, %lld, %lld)", (long long)r->start, (long long)r->stop,
                   (long long)r->step);
}

Class RangeClass = {.name = "range", .kind = K_RANGE, .base = &ObjectClass, .repr = range_repr, .builtin = true};

static void slice_dealloc(Obj *o)
{
    SliceObj *s = (SliceObj *)o;
    XDECREF(s->start);
    XDECREF(s->stop);
    XDECREF(s->step);
}

Class SliceClass = {.name = "slice", .kind = K_SLICE, .base = &ObjectClass, .dealloc = slice_dealloc, .builtin = true};

/* ---------------------------------------------------------- exceptions */

static void exc_repr(Obj *o, Buf *out)
{
    ExcObj *e = (ExcObj *)o;
    buf_puts(out, o->cls->name);
    if (TUP_N(e->args) == 1) {
        buf_putc(out, '(');
        obj_repr(TUP_ITEMS(e->args)[0], out);
        buf_putc(out, ')');
    } else {
        tuple_repr(e->args, out);
    }
}

static void exc_dealloc(Obj *o)
{
    ExcObj *e = (ExcObj *)o;
    XDECREF(e->args);
    XDECREF(e->context);
    XDECREF(e->cause);
    XDECREF(e->extra);
    XDECREF(e->attrs);
    XDECREF(e->frame_locals);
    for (int i = 0; i < e->ntb; i++)
        XDECREF(e->tb[i].func);
    e->ntb = 0;
}

static void exc_free_mem(Obj *o)
{
    xfree(((ExcObj *)o)->tb);
}

Obj *exc_new(Class *cls, Obj *args)
{
    ExcObj *e = (ExcObj *)obj_alloc(cls, sizeof(ExcObj));
    if (args) {
        INCREF(args);
        e->args = args;
    } else {
        e->args = tuple_new(0);
    }
    return &e->hdr;
}

Obj *exc_new_msg(Class *cls, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    Obj *e = exc_vmsg(cls, fmt, ap);
    va_end(ap);
    return e;
}

void exc_add_tb(Obj *exc, const Source *src, int line, Obj *func)
{
    ExcObj *e = (ExcObj *)exc;
    if (e->ntb == e->captb) {
        e->captb = e->captb ? e->captb * 2 : 8;
        e->tb = xrealloc(e->tb, (size_t)e->captb * sizeof(TbEntry));
    }
    XINCREF(func);
    e->tb[e->ntb++] = (TbEntry){src, line, func};
}

#define EXC(var, nm, b) \
    Class var = {.name = nm, .kind = K_EXC, .base = b, .size = sizeof(ExcObj), .repr = exc_repr, \
                 .dealloc = exc_dealloc, .free_mem = exc_free_mem, .is_exception = true, .builtin = true}

EXC(BaseExceptionClass, "BaseException", &ObjectClass);
EXC(ExceptionClass, "Exception", &BaseExceptionClass);
EXC(GeneratorExitClass, "GeneratorExit", &BaseExceptionClass);
EXC(KeyboardInterruptClass, "KeyboardInterrupt", &BaseExceptionClass);
EXC(SystemExitClass, "SystemExit", &BaseExceptionClass);
EXC(CancelledErrorClass, "CancelledError", &BaseExceptionClass);
EXC(ArithmeticErrorClass, "ArithmeticError", &ExceptionClass);
EXC(ZeroDivisionErrorClass, "ZeroDivisionError", &ArithmeticErrorClass);
EXC(OverflowErrorClass, "OverflowError", &ArithmeticErrorClass);
EXC(ValueErrorClass, "ValueError", &ExceptionClass);
EXC(UnicodeErrorClass, "UnicodeError", &ValueErrorClass);
EXC(TypeErrorClass, "TypeError", &ExceptionClass);
EXC(NameErrorClass, "NameError", &ExceptionClass);
EXC(UnboundLocalErrorClass, "UnboundLocalError", &NameErrorClass);
EXC(AttributeErrorClass, "AttributeError", &ExceptionClass);
EXC(LookupErrorClass, "LookupError", &ExceptionClass);
EXC(KeyErrorClass, "KeyError", &LookupErrorClass);
EXC(IndexErrorClass, "IndexError", &LookupErrorClass);
EXC(RuntimeErrorClass, "RuntimeError", &ExceptionClass);
EXC(RecursionErrorClass, "RecursionError", &RuntimeErrorClass);
EXC(NotImplementedErrorClass, "NotImplementedError", &RuntimeErrorClass);
EXC(StopIterationClass, "StopIteration", &ExceptionClass);
EXC(StopAsyncIterationClass, "StopAsyncIteration", &ExceptionClass);
EXC(AssertionErrorClass, "AssertionError", &ExceptionClass);
EXC(OSErrorClass, "OSError", &ExceptionClass);
EXC(TimeoutErrorClass, "TimeoutError", &OSErrorClass);
EXC(MemoryErrorClass, "MemoryError", &ExceptionClass);
EXC(InvalidStateErrorClass, "InvalidStateError", &ExceptionClass);
EXC(BaseExceptionGroupClass, "BaseExceptionGroup", &BaseExceptionClass);
EXC(ExceptionGroupClass, "ExceptionGroup", &BaseExceptionGroupClass);
/* Raised when a scenario exceeds one of loopscope's limits (steps, memory,
 * recursion). A BaseException that scenario code cannot catch: the VM lets
 * it pass every except clause. */
EXC(LimitErrorClass, "LimitError", &BaseExceptionClass);

/* ------------------------------------------------------------------ init */

void class_init(Class *c)
{
    if (c->hdr.cls == &ClassClass)
        return;
    c->hdr.rc = (int32_t)1 << 30;
    c->hdr.cls = &ClassClass;
    /* every exception is an ExcObj: one declared without its own release
     * (asyncio's Deadlock) releases like its base, tracebacks included */
    if (c->is_exception && c->base) {
        if (!c->dealloc)
            c->dealloc = c->base->dealloc;
        if (!c->free_mem)
            c->free_mem = c->base->free_mem;
    }
    if (nregistered < sizeof registered / sizeof registered[0])
        registered[nregistered++] = c;
}

void obj_init(void)
{
    static bool done;
    if (done)
        return;
    done = true;
    Class *all[] = {
        &NoneClass, &ObjectClass, &IntClass, &BoolClass, &FloatClass, &EllipsisClass, &StrClass,
        &TupleClass, &ListClass, &DictClass, &CodeClass, &FuncClass, &CellClass, &BuiltinClass,
        &BoundClass, &ClassClass, &ModuleClass, &RangeClass, &SliceClass,
        &BaseExceptionClass, &ExceptionClass, &GeneratorExitClass, &KeyboardInterruptClass,
        &SystemExitClass, &CancelledErrorClass, &ArithmeticErrorClass, &ZeroDivisionErrorClass,
        &OverflowErrorClass, &ValueErrorClass, &UnicodeErrorClass, &TypeErrorClass, &NameErrorClass,
        &UnboundLocalErrorClass, &AttributeErrorClass, &LookupErrorClass, &KeyErrorClass,
        &IndexErrorClass, &RuntimeErrorClass, &RecursionErrorClass, &NotImplementedErrorClass,
        &StopIterationClass, &StopAsyncIterationClass, &AssertionErrorClass, &OSErrorClass,
        &TimeoutErrorClass, &MemoryErrorClass, &InvalidStateErrorClass, &BaseExceptionGroupClass,
        &ExceptionGroupClass, &LimitErrorClass,
    };
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        class_init(all[i]);
    none_obj.hdr = (Obj){.rc = 1 << 30, .cls = &NoneClass};
    true_obj.hdr = (Obj){.rc = 1 << 30, .cls = &BoolClass};
    true_obj.v = 1;
    false_obj.hdr = (Obj){.rc = 1 << 30, .cls = &BoolClass};
    ellipsis_obj.hdr = (Obj){.rc = 1 << 30, .cls = &EllipsisClass};
    for (int i = SMALL_MIN; i <= SMALL_MAX; i++) {
        small_ints[i - SMALL_MIN].hdr = (Obj){.rc = 1 << 30, .cls = &IntClass};
        small_ints[i - SMALL_MIN].v = i;
    }
}
