/* set.h: set and frozenset.
 * Owns: the set object (an open-addressing table laid out slot for slot
 * like CPython 3.11's, so that iterating a set of ints, and printing it,
 * gives CPython's order), its construction, membership, the set algebra
 * behind the operators and methods, frozenset hashing, equality, the
 * subset/superset comparisons and repr.
 * Leaves to others: the operators dispatch here from ops.c, the method
 * table lives in methods.c, the constructors are registered by builtins.c,
 * iteration goes through iter.c (set_next), the opcodes through vm.c.
 * Iteration order is the table's slot order: exact for values whose hash
 * CPython fixes (ints, bools, floats, tuples and frozensets of those);
 * strings use loopscope's own str hash and identity-hashed objects their
 * per-run allocation number (obj_hash), so their order is deterministic
 * but not CPython's (CPython's varies from run to run anyway). */
#ifndef LS_SET_H
#define LS_SET_H

#include "../front/ast.h"
#include "obj.h"

#include <stdbool.h>
#include <stdint.h>

typedef struct SetEntry { Obj *key; int64_t hash; } SetEntry;
typedef struct SetObj {
    Obj hdr;
    size_t fill;          /* active + dummy slots */
    size_t used;          /* active slots */
    size_t mask;          /* table size - 1 (a power of 2 minus 1) */
    size_t finger;        /* where pop() looks next */
    SetEntry *table;      /* small, or a malloc'ed table */
    int64_t hash;         /* frozenset: -1 until computed */
    uint64_t version;     /* bumped by every change of the table's keys: a
                             lookup whose __eq__ changed it starts again */
    SetEntry small[8];
} SetObj;

extern Class SetClass, FrozenSetClass;
#define SET_N(o) (((SetObj *)(o))->used)

/* Give the classes their headers (idempotent; builtins_init calls it). */
void set_init(void);
/* True for set and frozenset. */
bool set_check(Obj *o);

/* A new set or frozenset (cls) of the items of iterable (NULL: empty).
 * frozenset(f) of a frozenset returns f itself. NULL on error. */
Obj *set_new(Class *cls, Obj *iterable);
/* s.add(key): 0, or -1 (unhashable key). */
int set_add(Obj *s, Obj *key);
/* s |= iterable for any iterable: 0 or -1. */
int set_update(Obj *s, Obj *iterable);
/* key in s: 1, 0, or -1 (unhashable key, except sets which are looked up
 * as frozensets, as CPython does). */
int set_contains(Obj *s, Obj *key);
/* Walk the table in slot order: *pos starts at 0; borrowed key. */
bool set_next(Obj *s, size_t *pos, Obj **key);

/* frozenset hash (CPython's); sets raise "unhashable type: 'set'". */
int64_t set_hash(Obj *s);
/* a == b for two set-likes: 1 or 0. */
int set_eq(Obj *a, Obj *b);
/* a op b for OP_LT/LE/GT/GE when both are sets: 1 or 0; -2 when a or b
 * is not a set (the caller raises its TypeError). */
int set_order(Op op, Obj *a, Obj *b);
/* a | b, a & b, a - b, a ^ b (OP_BITOR, OP_BITAND, OP_SUB, OP_BITXOR),
 * in place when inplace (a is a set). NULL WITHOUT an exception when the
 * operands are not both set-likes (the caller reports the TypeError). */
Obj *set_binary(Op op, Obj *a, Obj *b, bool inplace);

/* The methods (CFuncs for methods.c's table). */
Obj *set_m_add(Obj *self, Obj **args, int nargs, Obj *kwnames);
Obj *set_m_discard(Obj *self, Obj **args, int nargs, Obj *kwnames);
Obj *set_m_remove(Obj *self, Obj **args, int nargs, Obj *kwnames);
Obj *set_m_pop(Obj *self, Obj **args, int nargs, Obj *kwnames);
Obj *set_m_clear(Obj *self, Obj **args, int nargs, Obj *kwnames);
Obj *set_m_copy(Obj *self, Obj **args, int nargs, Obj *kwnames);
Obj *set_m_update(Obj *self, Obj **args, int nargs, Obj *kwnames);
Obj *set_m_union(Obj *self, Obj **args, int nargs, Obj *kwnames);
Obj *set_m_intersection(Obj *self, Obj **args, int nargs, Obj *kwnames);
Obj *set_m_intersection_update(Obj *self, Obj **args, int nargs, Obj *kwnames);
Obj *set_m_difference(Obj *self, Obj **args, int nargs, Obj *kwnames);
Obj *set_m_difference_update(Obj *self, Obj **args, int nargs, Obj *kwnames);
Obj *set_m_symmetric_difference(Obj *self, Obj **args, int nargs, Obj *kwnames);
Obj *set_m_symmetric_difference_update(Obj *self, Obj **args, int nargs, Obj *kwnames);
Obj *set_m_issubset(Obj *self, Obj **args, int nargs, Obj *kwnames);
Obj *set_m_issuperset(Obj *self, Obj **args, int nargs, Obj *kwnames);
Obj *set_m_isdisjoint(Obj *self, Obj **args, int nargs, Obj *kwnames);

/* The constructors set(...) and frozenset(...) (Class.ctor). */
Obj *set_ctor(Obj *cls, Obj **args, int nargs, Obj *kwnames);

#endif
