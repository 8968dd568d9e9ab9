/* set.c: set and frozenset (see set.h).
 * The table follows CPython 3.11's layout rules so that slot order, and so
 * iteration order, is CPython's for the same hashes: 8 initial slots; a
 * probe looks at the home slot and up to 9 neighbours (when they fit
 * before the end of the table), then jumps to (i*5 + 1 + perturb) with
 * perturb >>= 5; the table grows when fill*5 >= mask*3, to the smallest
 * power of 2 above used*4 (used*2 past 50000 entries); removed keys leave
 * dummies that add() reuses and resizes drop. The set algebra reproduces
 * which table each result is built in and in which order its keys are
 * inserted, since that decides where they land. */
#include "set.h"

#include "ops.h"
#include "../vm/vm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

/* The key of a deleted slot. Never visible to scenarios. */
static Obj dummy_obj;
#define DUMMY (&dummy_obj)

static bool live(const SetEntry *e)
{
    return e->key && e->key != DUMMY;
}

bool set_check(Obj *o)
{
    return IS(o, SetClass) || IS(o, FrozenSetClass);
}

/* ------------------------------------------------------------ the table */

static void set_reset(SetObj *so)
{
    memset(so->small, 0, sizeof so->small);
    so->table = so->small;
    so->mask = MINSIZE - 1;
    so->fill = so->used = 0;
    so->version++;
}

static SetObj *set_alloc(Class *cls)
{
    SetObj *so = (SetObj *)obj_alloc(cls, sizeof(SetObj));
    set_reset(so);
    so->hash = -1;
    return so;
}

/* Place key in the first empty slot of its probe sequence (the table has
 * no dummies and does not hold key). */
static void insert_clean(SetEntry *table, size_t mask, Obj *key, int64_t hash)
{
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        SetEntry *e = &table[i];
        if (!e->key)
            goto found;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                e++;
                if (!e->key)
                    goto found;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
found:
        e->key = key;
        e->hash = hash;
        return;
    }
}

/* Move the live keys to a table of the smallest power of 2 > minused,
 * walking the old table in slot order. Returns 0, or -1 with the limit
 * error when the new table would pass the memory cap (the set is kept as
 * it was, still valid). */
static int table_resize(SetObj *so, size_t minused)
{
    size_t newsize = MINSIZE;
    while (newsize <= minused)
        newsize <<= 1;
    if (newsize > MINSIZE && !vm_memory_ok(newsize * sizeof(SetEntry)))
        return -1;
    SetEntry *old = so->table;
    size_t oldmask = so->mask;
    SetEntry copy[MINSIZE];
    if (old == so->small) {
        memcpy(copy, so->small, sizeof copy);
        old = copy;
    }
    SetEntry *table = newsize == MINSIZE ? so->small : xcalloc(newsize, sizeof(SetEntry));
    if (table == so->small)
        memset(so->small, 0, sizeof so->small);
    for (size_t i = 0; i <= oldmask; i++)
        if (live(&old[i]))
            insert_clean(table, newsize - 1, old[i].key, old[i].hash);
    if (old != copy)
        xfree(old);
    so->table = table;
    so->mask = newsize - 1;
    so->fill = so->used;
    so->version++;
    return 0;
}

static size_t grow_size(const SetObj *so)
{
    return so->used > 50000 ? so->used * 2 : so->used * 4;
}

/* Compare a table key with key. 1, 0, or -1 on error. */
static int keys_equal(Obj *a, Obj *b)
{
    if (a == b)
        return 1;
    return obj_eq(a, b);
}

/* The slot holding key, or NULL (with *err set on an error). */
static SetEntry *lookup(SetObj *so, Obj *key, int64_t hash, bool *err)
{
    *err = false;
restart:;
    size_t mask = so->mask, perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        SetEntry *e = &so->table[i];
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (!e->key)
                return NULL;
            if (e->hash == hash && e->key != DUMMY) {
                Obj *start = e->key;
                uint64_t version = so->version;
                INCREF(start);
                int eq = keys_equal(start, key);
                DECREF(start);
                if (eq < 0) {
                    *err = true;
                    return NULL;
                }
                /* a version, not the table's address: an address
                 * reused by malloc would make this depend on the
                 * allocator (and differ under ASan) */
                if (version != so->version)
                    goto restart;
                if (eq)
                    return e;
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* add_entry with key already held by the caller. */
static int add_entry_held(SetObj *so, Obj *key, int64_t hash)
{
restart:;
    size_t mask = so->mask, perturb = (size_t)hash, i = (size_t)hash & mask;
    SetEntry *freeslot = NULL, *e;
    for (;;) {
        e = &so->table[i];
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (!e->key)
                goto found_unused;
            if (e->hash == hash && e->key != DUMMY) {
                Obj *start = e->key;
                uint64_t version = so->version;
                INCREF(start);
                int eq = keys_equal(start, key);
                DECREF(start);
                if (eq < 0)
                    return -1;
                if (eq)
                    return 0;
                /* a version, not the table's address: an address
                 * reused by malloc would make this depend on the
                 * allocator (and differ under ASan) */
                if (version != so->version)
                    goto restart;
            } else if (e->key == DUMMY) {
                freeslot = e;
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused:
    INCREF(key);
    so->version++;
    if (freeslot) {
        so->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        return 0;
    }
    so->fill++;
    so->used++;
    e->key = key;
    e->hash = hash;
    if (so->fill * 5 >= mask * 3)
        return table_resize(so, grow_size(so));
    return 0;
}

/* Insert key (borrowed) with its hash: 0, or -1 on a comparison error. */
static int add_entry(SetObj *so, Obj *key, int64_t hash)
{
    INCREF(key); /* borrowed, perhaps from a container __eq__ empties */
    int r = add_entry_held(so, key, hash);
    DECREF(key);
    return r;
}

/* The hash of key, looked up as a frozenset when key is an (unhashable)
 * set and as_frozen is true. Returns -1 with the error set. *frozen gets
 * the temporary frozenset (to release) or NULL. */
static int64_t key_hash(Obj *key, bool as_frozen, Obj **frozen)
{
    *frozen = NULL;
    if (as_frozen && IS(key, SetClass)) {
        *frozen = set_new(&FrozenSetClass, key);
        return *frozen ? set_hash(*frozen) : -1;   /* the copy can hit a limit */
    }
    return obj_hash(key);
}

/* Remove the slot of key: 1 removed, 0 absent, -1 error. */
static int discard_entry(SetObj *so, Obj *key, int64_t hash)
{
    bool err;
    SetEntry *e = lookup(so, key, hash, &err);
    if (!e)
        return err ? -1 : 0;
    Obj *old = e->key;
    e->key = DUMMY;
    e->hash = -1;
    so->used--;
    so->version++;
    DECREF(old);
    return 1;
}

/* Discard by key (sets looked up as frozensets): 1, 0 or -1. */
static int discard_key(SetObj *so, Obj *key)
{
    Obj *frozen;
    int64_t h = key_hash(key, true, &frozen);
    if (h == -1 && err_occurred()) {
        XDECREF(frozen);
        return -1;
    }
    int r = discard_entry(so, frozen ? frozen : key, h);
    XDECREF(frozen);
    return r;
}

static void clear_internal(SetObj *so)
{
    SetEntry *table = so->table, copy[MINSIZE];
    size_t mask = so->mask;
    if (table == so->small) {
        memcpy(copy, table, sizeof copy);
        table = copy;
    }
    set_reset(so);
    for (size_t i = 0; i <= mask; i++)
        if (live(&table[i]))
            DECREF(table[i].key);
    if (table != copy)
        xfree(table);
}

bool set_next(Obj *s, size_t *pos, Obj **key)
{
    SetObj *so = (SetObj *)s;
    while (*pos <= so->mask) {
        SetEntry *e = &so->table[(*pos)++];
        if (live(e)) {
            *key = e->key;
            return true;
        }
    }
    return false;
}

/* Like set_next, also giving the slot's hash, and the key as a NEW
 * reference: the callers compare it with keys of other sets, and that
 * __eq__ may empty or resize either table, so they must not keep a pointer
 * into one (CPython's set_next callers incref the key the same way). */
static bool next_entry(SetObj *so, size_t *pos, Obj **key, int64_t *hash)
{
    while (*pos <= so->mask) {
        SetEntry *e = &so->table[(*pos)++];
        if (live(e)) {
            *key = e->key;
            *hash = e->hash;
            INCREF(*key);
            return true;
        }
    }
    return false;
}

static bool contains_entry(SetObj *so, Obj *key, int64_t hash, int *r)
{
    bool err;
    SetEntry *e = lookup(so, key, hash, &err);
    *r = e ? 1 : 0;
    return !err;
}

/* ------------------------------------------------------- bulk updates */

/* so |= other, both set-likes, following CPython's merge paths. */
static int merge(SetObj *so, SetObj *other)
{
    if (so == other || other->used == 0)
        return 0;
    if ((so->fill + other->used) * 5 >= so->mask * 3 && table_resize(so, (so->used + other->used) * 2) < 0)
        return -1;
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        for (size_t i = 0; i <= other->mask; i++) {
            SetEntry *e = &other->table[i];
            if (e->key) {
                INCREF(e->key);
                so->table[i] = *e;
            }
        }
        so->fill = so->used = other->used;
        so->version++;
        return 0;
    }
    if (so->fill == 0) {
        so->fill = so->used = other->used;
        so->version++;
        for (size_t i = 0; i <= other->mask; i++) {
            SetEntry *e = &other->table[i];
            if (live(e)) {
                INCREF(e->key);
                insert_clean(so->table, so->mask, e->key, e->hash);
            }
        }
        return 0;
    }
    size_t pos = 0;
    Obj *key;
    int64_t hash;
    while (next_entry(other, &pos, &key, &hash)) {
        int r = add_entry(so, key, hash);
        DECREF(key);
        if (r < 0)
            return -1;
    }
    return 0;
}

int set_add(Obj *s, Obj *key)
{
    int64_t h = obj_hash(key);
    if (h == -1 && err_occurred())
        return -1;
    if (add_entry((SetObj *)s, key, h) < 0)
        return -1;
    return op_check_size(SET_N(s)) ? 0 : -1;
}

int set_update(Obj *s, Obj *iterable)
{
    SetObj *so = (SetObj *)s;
    if (set_check(iterable)) {
        if (merge(so, (SetObj *)iterable) < 0)
            return -1;
        return op_check_size(so->used) ? 0 : -1;
    }
    if (IS(iterable, DictClass)) {
        size_t n = DICT_N(iterable);
        if ((so->fill + n) * 5 >= so->mask * 3 && table_resize(so, (so->used + n) * 2) < 0)
            return -1;
        DictObj *d = (DictObj *)iterable;
        for (size_t i = 0; i < d->used; i++) {
            /* re-read d each pass: a key's __eq__ may change it */
            Obj *key = d->entries[i].key;
            if (!key)
                continue;
            INCREF(key);
            int r = add_entry(so, key, d->entries[i].hash);
            DECREF(key);
            if (r < 0)
                return -1;
        }
        return op_check_size(so->used) ? 0 : -1;
    }
    Obj *it = obj_iter(iterable);
    if (!it)
        return -1;
    Obj *v;
    while ((v = obj_next(it))) {
        int r = set_add(s, v);
        DECREF(v);
        if (r < 0) {
            DECREF(it);
            return -1;
        }
    }
    DECREF(it);
    return err_occurred() ? -1 : 0;
}

Obj *set_new(Class *cls, Obj *iterable)
{
    if (cls == &FrozenSetClass && iterable && IS(iterable, FrozenSetClass)) {
        INCREF(iterable);
        return iterable;
    }
    SetObj *so = set_alloc(cls);
    if (iterable && set_update(&so->hdr, iterable) < 0) {
        DECREF(so);
        return NULL;
    }
    return &so->hdr;
}

int set_contains(Obj *s, Obj *key)
{
    Obj *frozen;
    int64_t h = key_hash(key, true, &frozen);
    int r = -1;
    if ((h != -1 || !err_occurred()) && !contains_entry((SetObj *)s, frozen ? frozen : key, h, &r))
        r = -1;
    XDECREF(frozen);
    return r;
}

/* Exchange the tables of a and b (intersection_update builds the result
 * in a new set and takes its table). */
static void swap_bodies(SetObj *a, SetObj *b)
{
    SetObj t = *a;
    bool a_small = a->table == a->small, b_small = b->table == b->small;
    a->fill = b->fill;
    a->used = b->used;
    a->mask = b->mask;
    memcpy(a->small, b->small, sizeof a->small);
    a->table = b_small ? a->small : b->table;
    b->fill = t.fill;
    b->used = t.used;
    b->mask = t.mask;
    memcpy(b->small, t.small, sizeof b->small);
    b->table = a_small ? b->small : t.table;
    a->version++;
    b->version++;
}

/* ------------------------------------------------------------- algebra */

static Obj *set_copy_as(Class *cls, Obj *s)
{
    SetObj *r = set_alloc(cls);
    merge(r, (SetObj *)s);
    return &r->hdr;
}

static Class *base_class(Obj *s)
{
    return CLS(s) == &FrozenSetClass ? &FrozenSetClass : &SetClass;
}

static Obj *intersection(Obj *s, Obj *other)
{
    if (s == other)
        return set_copy_as(base_class(s), s);
    SetObj *result = set_alloc(base_class(s));
    SetObj *so = (SetObj *)s;
    if (set_check(other)) {
        SetObj *ot = (SetObj *)other;
        if (ot->used > so->used) {
            SetObj *t = so;
            so = ot;
            ot = t;
        }
        INCREF(so);
        INCREF(ot);
        size_t pos = 0;
        Obj *key;
        int64_t hash;
        bool ok = true;
        while (ok && next_entry(ot, &pos, &key, &hash)) {
            int r;
            ok = contains_entry(so, key, hash, &r) && (!r || add_entry(result, key, hash) == 0);
            DECREF(key);
        }
        DECREF(so);
        DECREF(ot);
        if (!ok) {
            DECREF(result);
            return NULL;
        }
        return &result->hdr;
    }
    Obj *it = obj_iter(other), *v;
    if (!it) {
        DECREF(result);
        return NULL;
    }
    while ((v = obj_next(it))) {
        int64_t h = obj_hash(v);
        int r = 0;
        bool ok = !(h == -1 && err_occurred()) && contains_entry(so, v, h, &r) &&
                  (!r || add_entry(result, v, h) == 0);
        DECREF(v);
        if (!ok)
            break;
    }
    DECREF(it);
    if (err_occurred()) {
        DECREF(result);
        return NULL;
    }
    return &result->hdr;
}

/* so -= other in place. */
static int difference_update(SetObj *so, Obj *other)
{
    if (&so->hdr == other) {
        clear_internal(so);
        return 0;
    }
    if (set_check(other)) {
        Obj *ot = other;
        if ((SET_N(other) >> 3) > so->used) {
            ot = intersection(&so->hdr, other);
            if (!ot)
                return -1;
        } else {
            INCREF(ot);
        }
        size_t pos = 0;
        Obj *key;
        int64_t hash;
        while (next_entry((SetObj *)ot, &pos, &key, &hash)) {
            int r = discard_entry(so, key, hash);
            DECREF(key);
            if (r < 0) {
                DECREF(ot);
                return -1;
            }
        }
        DECREF(ot);
    } else {
        Obj *it = obj_iter(other), *v;
        if (!it)
            return -1;
        while ((v = obj_next(it))) {
            int r = discard_key(so, v);
            DECREF(v);
            if (r < 0)
                break;
        }
        DECREF(it);
        if (err_occurred())
            return -1;
    }
    if (so->fill - so->used > so->mask / 4)
        return table_resize(so, grow_size(so));
    return 0;
}

static Obj *difference(Obj *s, Obj *other)
{
    SetObj *so = (SetObj *)s;
    size_t other_size;
    if (set_check(other))
        other_size = SET_N(other);
    else if (IS(other, DictClass))
        other_size = DICT_N(other);
    else
        goto copy_and_update;
    if ((so->used >> 2) > other_size)
        goto copy_and_update;
    SetObj *result = set_alloc(base_class(s));
    size_t pos = 0;
    Obj *key;
    int64_t hash;
    bool ok = true;
    while (ok && next_entry(so, &pos, &key, &hash)) {
        int r;
        if (IS(other, DictClass)) {
            Obj *v = dict_get(other, key);
            r = v != NULL;
            ok = !err_occurred();
        } else {
            ok = contains_entry((SetObj *)other, key, hash, &r);
        }
        ok = ok && (r || add_entry(result, key, hash) == 0);
        DECREF(key);
    }
    if (!ok) {
        DECREF(result);
        return NULL;
    }
    return &result->hdr;
copy_and_update:;
    Obj *r = set_copy_as(base_class(s), s);
    if (difference_update((SetObj *)r, other) < 0) {
        DECREF(r);
        return NULL;
    }
    return r;
}

static int symmetric_difference_update(SetObj *so, Obj *other)
{
    if (&so->hdr == other) {
        clear_internal(so);
        return 0;
    }
    Obj *ot;
    if (IS(other, DictClass)) {
        DictObj *d = (DictObj *)other;
        for (size_t i = 0; i < d->used; i++) {
            DictEntry *de = &d->entries[i];
            if (!de->key)
                continue;
            Obj *key = de->key;
            int64_t hash = de->hash; /* de may move once __eq__ runs */
            INCREF(key);
            int r = discard_entry(so, key, hash);
            if (r == 0)
                r = add_entry(so, key, hash);
            DECREF(key);
            if (r < 0)
                return -1;
        }
        return 0;
    }
    if (set_check(other)) {
        ot = other;
        INCREF(ot);
    } else {
        ot = set_new(&SetClass, other);
        if (!ot)
            return -1;
    }
    size_t pos = 0;
    Obj *key;
    int64_t hash;
    while (next_entry((SetObj *)ot, &pos, &key, &hash)) {
        int r = discard_entry(so, key, hash);
        if (r == 0)
            r = add_entry(so, key, hash);
        DECREF(key);
        if (r < 0) {
            DECREF(ot);
            return -1;
        }
    }
    DECREF(ot);
    return 0;
}

static Obj *symmetric_difference(Obj *s, Obj *other)
{
    SetObj *r = set_alloc(base_class(s));
    if (set_update(&r->hdr, other) < 0 || symmetric_difference_update(r, s) < 0) {
        DECREF(r);
        return NULL;
    }
    return &r->hdr;
}

/* a <= b for set-likes. */
static bool issubset(SetObj *a, SetObj *b, int *r)
{
    *r = 0;
    if (a->used > b->used)
        return true;
    size_t pos = 0;
    Obj *key;
    int64_t hash;
    while (next_entry(a, &pos, &key, &hash)) {
        int c;
        bool ok = vm_charge_ops(1) && contains_entry(b, key, hash, &c);
        DECREF(key);
        if (!ok)
            return false;
        if (!c)
            return true;
    }
    *r = 1;
    return true;
}

int set_eq(Obj *a, Obj *b)
{
    SetObj *x = (SetObj *)a, *y = (SetObj *)b;
    if (x->used != y->used)
        return 0;
    if (IS(a, FrozenSetClass) && IS(b, FrozenSetClass) && x->hash != -1 && y->hash != -1 &&
        x->hash != y->hash)
        return 0;
    int r;
    return issubset(x, y, &r) ? r : -1;
}

int set_order(Op op, Obj *a, Obj *b)
{
    if (!set_check(a) || !set_check(b))
        return -2;
    SetObj *x = (SetObj *)a, *y = (SetObj *)b;
    int r;
    switch (op) {
    case OP_LE: return issubset(x, y, &r) ? r : -1;
    case OP_GE: return issubset(y, x, &r) ? r : -1;
    case OP_LT:
        if (x->used >= y->used)
            return 0;
        return issubset(x, y, &r) ? r : -1;
    case OP_GT:
        if (x->used <= y->used)
            return 0;
        return issubset(y, x, &r) ? r : -1;
    default:
        return -2;
    }
}

Obj *set_binary(Op op, Obj *a, Obj *b, bool inplace)
{
    if (!set_check(a) || !set_check(b))
        return NULL;
    inplace = inplace && IS(a, SetClass);
    SetObj *so = (SetObj *)a;
    Obj *r = NULL;
    int rc = 0;
    switch (op) {
    case OP_BITOR:
        if (inplace) {
            rc = set_update(a, b);
            break;
        }
        r = set_copy_as(base_class(a), a);
        if (a != b && set_update(r, b) < 0)
            SETREF(r, NULL);
        return r;
    case OP_BITAND:
        r = intersection(a, b);
        if (!inplace || !r)
            return r;
        swap_bodies(so, (SetObj *)r);
        DECREF(r);
        break;
    case OP_SUB:
        if (!inplace)
            return difference(a, b);
        rc = difference_update(so, b);
        break;
    case OP_BITXOR:
        if (!inplace)
            return symmetric_difference(a, b);
        rc = symmetric_difference_update(so, b);
        break;
    default:
        return NULL;
    }
    if (rc < 0)
        return NULL;
    INCREF(a);
    return a;
}

/* ------------------------------------------------------------- hashing */

static uint64_t shuffle_bits(uint64_t h)
{
    return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL;
}

int64_t set_hash(Obj *s)
{
    SetObj *so = (SetObj *)s;
    if (!IS(s, FrozenSetClass)) {
        err_format(&TypeErrorClass, "unhashable type: '%s'", CLS(s)->name);
        return -1;
    }
    if (so->hash != -1)
        return so->hash;
    uint64_t h = 0;
    for (size_t i = 0; i <= so->mask; i++)
        if (live(&so->table[i]))
            h ^= shuffle_bits((uint64_t)so->table[i].hash);
    h ^= ((uint64_t)so->used + 1) * 1927868237ULL;
    h ^= (h >> 11) ^ (h >> 25);
    h = h * 69069U + 907133923ULL;
    if (h == (uint64_t)-1)
        h = 590923713ULL;
    so->hash = (int64_t)h;
    return so->hash;
}

/* ---------------------------------------------------------------- class */

static void set_repr(Obj *o, Buf *out)
{
    bool frozen = IS(o, FrozenSetClass);
    if (SET_N(o) == 0) {
        buf_printf(out, "%s()", CLS(o)->name);
        return;
    }
    if (frozen)
        buf_puts(out, "frozenset(");
    buf_putc(out, '{');
    size_t pos = 0;
    Obj *k;
    bool first = true;
    while (set_next(o, &pos, &k)) {
        if (!first)
            buf_puts(out, ", ");
        first = false;
        INCREF(k); /* its __repr__ may remove it from the set */
        int r = obj_repr(k, out);
        DECREF(k);
        if (r < 0)
            return;
    }
    buf_putc(out, '}');
    if (frozen)
        buf_putc(out, ')');
}

static void set_dealloc(Obj *o)
{
    clear_internal((SetObj *)o);
}

static void set_free_mem(Obj *o)
{
    SetObj *so = (SetObj *)o;
    if (so->table != so->small)
        xfree(so->table);
    so->table = so->small;
}

Class SetClass = {.name = "set", .kind = K_SET, .base = &ObjectClass, .size = sizeof(SetObj),
                  .repr = set_repr, .dealloc = set_dealloc, .free_mem = set_free_mem, .builtin = true};
Class FrozenSetClass = {.name = "frozenset", .kind = K_FROZENSET, .base = &ObjectClass,
                        .size = sizeof(SetObj), .repr = set_repr, .dealloc = set_dealloc,
                        .free_mem = set_free_mem, .builtin = true};

void set_init(void)
{
    class_init(&SetClass);
    class_init(&FrozenSetClass);
}

Obj *set_ctor(Obj *cls, Obj **args, int nargs, Obj *kwnames)
{
    Class *c = (Class *)cls;
    if (!vm_no_keywords(c->name, kwnames) || !vm_range_nargs(c->name, nargs, NULL, 0, 1))
        return NULL;
    return set_new(c, nargs ? args[0] : NULL);
}

/* -------------------------------------------------------------- methods */

/* "set.add" or "frozenset.union" for argument errors. */
static const char *mname(Obj *self, const char *m)
{
    static char buf[64];
    snprintf(buf, sizeof buf, "%s.%s", CLS(self)->name, m);
    return buf;
}

static bool no_args(Obj *self, const char *m, int nargs, Obj *kwnames)
{
    if (!vm_no_keywords(mname(self, m), kwnames))
        return false;
    if (nargs) {
        err_format(&TypeErrorClass, "%s() takes no arguments (%d given)", mname(self, m), nargs);
        return false;
    }
    return true;
}

static Obj *none_or_null(int rc)
{
    return rc < 0 ? NULL : none_new();
}

Obj *set_m_add(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_one_arg(mname(self, "add"), nargs, kwnames))
        return NULL;
    return none_or_null(set_add(self, args[0]));
}

Obj *set_m_discard(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_one_arg(mname(self, "discard"), nargs, kwnames))
        return NULL;
    return none_or_null(discard_key((SetObj *)self, args[0]));
}

Obj *set_m_remove(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_one_arg(mname(self, "remove"), nargs, kwnames))
        return NULL;
    int r = discard_key((SetObj *)self, args[0]);
    if (r < 0)
        return NULL;
    if (r == 0) {
        Obj *t = tuple_pack(1, args[0]);
        err_set(exc_new(&KeyErrorClass, t));
        DECREF(t);
        return NULL;
    }
    return none_new();
}

Obj *set_m_pop(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)args;
    if (!no_args(self, "pop", nargs, kwnames))
        return NULL;
    SetObj *so = (SetObj *)self;
    if (so->used == 0)
        return err_null(&KeyErrorClass, "pop from an empty set");
    SetEntry *e = so->table + (so->finger & so->mask), *limit = so->table + so->mask;
    while (!live(e)) {
        e++;
        if (e > limit)
            e = so->table;
    }
    Obj *key = e->key;
    e->key = DUMMY;
    e->hash = -1;
    so->used--;
    so->version++;
    so->finger = (size_t)(e - so->table) + 1;
    return key;
}

Obj *set_m_clear(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)args;
    if (!no_args(self, "clear", nargs, kwnames))
        return NULL;
    clear_internal((SetObj *)self);
    return none_new();
}

Obj *set_m_copy(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)args;
    if (!no_args(self, "copy", nargs, kwnames))
        return NULL;
    if (IS(self, FrozenSetClass)) {
        INCREF(self);
        return self;
    }
    return set_copy_as(&SetClass, self);
}

Obj *set_m_update(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_no_keywords(mname(self, "update"), kwnames))
        return NULL;
    for (int i = 0; i < nargs; i++)
        if (set_update(self, args[i]) < 0)
            return NULL;
    return none_new();
}

Obj *set_m_union(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_no_keywords(mname(self, "union"), kwnames))
        return NULL;
    Obj *r = set_copy_as(base_class(self), self);
    for (int i = 0; i < nargs; i++) {
        if (args[i] == self)
            continue;
        if (set_update(r, args[i]) < 0) {
            DECREF(r);
            return NULL;
        }
    }
    return r;
}

/* self & args[0] & args[1] ...; a copy when there are none. */
static Obj *intersection_multi(Obj *self, Obj **args, int nargs)
{
    if (nargs == 0)
        return set_copy_as(base_class(self), self);
    Obj *r = self;
    INCREF(r);
    for (int i = 0; i < nargs; i++) {
        Obj *n = intersection(r, args[i]);
        DECREF(r);
        if (!n)
            return NULL;
        r = n;
    }
    return r;
}

Obj *set_m_intersection(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_no_keywords(mname(self, "intersection"), kwnames))
        return NULL;
    return intersection_multi(self, args, nargs);
}

Obj *set_m_intersection_update(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_no_keywords(mname(self, "intersection_update"), kwnames))
        return NULL;
    Obj *r = intersection_multi(self, args, nargs);
    if (!r)
        return NULL;
    if (r != self)
        swap_bodies((SetObj *)self, (SetObj *)r);
    DECREF(r);
    return none_new();
}

Obj *set_m_difference(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_no_keywords(mname(self, "difference"), kwnames))
        return NULL;
    if (nargs == 0)
        return set_copy_as(base_class(self), self);
    Obj *r = difference(self, args[0]);
    for (int i = 1; r && i < nargs; i++)
        if (difference_update((SetObj *)r, args[i]) < 0)
            SETREF(r, NULL);
    return r;
}

Obj *set_m_difference_update(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_no_keywords(mname(self, "difference_update"), kwnames))
        return NULL;
    for (int i = 0; i < nargs; i++)
        if (difference_update((SetObj *)self, args[i]) < 0)
            return NULL;
    return none_new();
}

Obj *set_m_symmetric_difference(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_one_arg(mname(self, "symmetric_difference"), nargs, kwnames))
        return NULL;
    return symmetric_difference(self, args[0]);
}

Obj *set_m_symmetric_difference_update(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_one_arg(mname(self, "symmetric_difference_update"), nargs, kwnames))
        return NULL;
    return none_or_null(symmetric_difference_update((SetObj *)self, args[0]));
}

Obj *set_m_issubset(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_one_arg(mname(self, "issubset"), nargs, kwnames))
        return NULL;
    Obj *other = args[0];
    if (set_check(other)) {
        INCREF(other);
    } else if (!(other = set_new(&SetClass, other))) {
        return NULL;
    }
    int r;
    bool ok = issubset((SetObj *)self, (SetObj *)other, &r);
    DECREF(other);
    return ok ? bool_new(r) : NULL;
}

Obj *set_m_issuperset(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_one_arg(mname(self, "issuperset"), nargs, kwnames))
        return NULL;
    Obj *other = args[0];
    if (set_check(other)) {
        int r;
        return issubset((SetObj *)other, (SetObj *)self, &r) ? bool_new(r) : NULL;
    }
    Obj *it = obj_iter(other), *v;
    if (!it)
        return NULL;
    int found = 1;
    while (found > 0 && (v = obj_next(it))) {
        found = set_contains(self, v);
        DECREF(v);
    }
    DECREF(it);
    if (found < 0 || err_occurred())
        return NULL;
    return bool_new(found);
}

Obj *set_m_isdisjoint(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_one_arg(mname(self, "isdisjoint"), nargs, kwnames))
        return NULL;
    Obj *other = args[0];
    if (other == self)
        return bool_new(SET_N(self) == 0);
    if (set_check(other)) {
        SetObj *a = (SetObj *)self, *b = (SetObj *)other;
        if (b->used > a->used) {
            SetObj *t = a;
            a = b;
            b = t;
        }
        size_t pos = 0;
        Obj *key;
        int64_t hash;
        while (next_entry(b, &pos, &key, &hash)) {
            int r;
            bool ok = contains_entry(a, key, hash, &r);
            DECREF(key);
            if (!ok)
                return NULL;
            if (r)
                return bool_new(false);
        }
        return bool_new(true);
    }
    Obj *it = obj_iter(other), *v;
    if (!it)
        return NULL;
    int found = 0;
    while (!found && (v = obj_next(it))) {
        int64_t h = obj_hash(v);
        if (h == -1 && err_occurred())
            found = -1;
        else if (!contains_entry((SetObj *)self, v, h, &found))
            found = -1;
        DECREF(v);
    }
    DECREF(it);
    if (found < 0 || err_occurred())
        return NULL;
    return bool_new(!found);
}
