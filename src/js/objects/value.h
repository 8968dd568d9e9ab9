/* value.h: JavaScript values and the object model.
 * Owns: the value representation (undefined, null, booleans, numbers,
 * strings, objects), heap objects (plain objects with ordered properties,
 * arrays, functions, native functions, promises, Map/Set, timers), their
 * allocation on the runtime's heap list (freed all at once when the run
 * ends: no collector yet, so memory is bounded by the runtime's byte cap),
 * property get/set with prototype chains and accessors, and the
 * conversions of the language (ToString, ToNumber, ToBoolean, equality).
 * Leaves calling functions to vm/ (js_call) and formatting to inspect.c. */
#ifndef LS_JS_VALUE_H
#define LS_JS_VALUE_H

#include "../../base/base.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* JV_SYM: a Symbol; u.s is its property key, a string no scenario text can
 * spell (it starts with the byte 0xff, never valid UTF-8): see symbol.c.
 * JV_BIG: a BigInt; u.big is its magnitude and sign (bigint.c). */
typedef enum JsTag { JV_UNDEF, JV_NULL, JV_BOOL, JV_NUM, JV_STR, JV_OBJ, JV_HOLE, JV_SYM, JV_BIG } JsTag;

typedef struct JsString JsString;
typedef struct JsObject JsObject;
typedef struct JsRt JsRt;
typedef struct JsBig JsBig;

typedef struct JsValue {
    uint8_t tag;
    union {
        bool b;
        double n;
        JsString *s;
        JsObject *o;
        JsBig *big;
    } u;
} JsValue;

struct JsString {
    size_t len;     /* bytes (UTF-8) */
    uint32_t hash;
    char s[];       /* NUL-terminated */
};

typedef enum JsKind {
    JK_OBJECT, JK_ARRAY, JK_FUNCTION, JK_NATIVE, JK_ERROR, JK_PROMISE, JK_MAP, JK_SET,
    JK_TIMEOUT, JK_IMMEDIATE, JK_BOXED, JK_DATE, JK_SIGNAL, JK_GENERATOR, JK_REGEXP
} JsKind;

enum { PF_ENUM = 1, PF_ACCESSOR = 2, PF_CONST = 4 };

typedef struct JsProp {
    JsString *key;
    JsValue v;      /* value, or getter for an accessor */
    JsValue set;    /* setter for an accessor */
    uint8_t flags;
} JsProp;

typedef struct JsFunc JsFunc;     /* compiled code (vm/) */
typedef struct JsEnv JsEnv;       /* closure environment (vm/) */

typedef int (*JsNativeFn)(JsRt *rt, JsValue self, JsValue *args, int argc, JsObject *fn, JsValue *out);

typedef enum PromiseState { PS_PENDING, PS_FULFILLED, PS_REJECTED } PromiseState;
typedef struct JsReaction JsReaction;

enum { FN_ARROW = 1, FN_ASYNC = 2, FN_CLASS = 4, FN_DERIVED = 8, FN_METHOD = 16, FN_CTOR = 32, FN_GENERATOR = 64 };

struct JsObject {
    JsObject *next_alloc;   /* the runtime's heap list */
    uint8_t kind;
    uint8_t fnflags;        /* FN_* for functions */
    bool extensible;
    JsObject *proto;
    JsProp *props;
    int nprops, cap;
    union {
        struct { JsValue *items; size_t len, cap; } arr;
        struct { JsFunc *code; JsEnv *env; JsObject *home; JsValue fields; } fn;
        struct { JsNativeFn fn; const char *name; JsValue slot[3]; int arity; void *ptr; } nat;
        struct { PromiseState state; JsValue value; JsReaction *reactions, *last; bool handled; int id; int timer; const char *origin; } pr;
        struct { JsValue *keys, *vals; size_t len, cap; } map;   /* Map and Set (vals unused) */
        struct { int id; } timer;
        struct { void *frame; bool started, done, running; } gen;
        JsValue boxed;
        double date;
        struct { struct JsRegex *re; JsString *source; char flags[12]; } re;   /* regexp.h */
    } x;
};

#define JS_UNDEF ((JsValue){.tag = JV_UNDEF})
#define JS_NULL ((JsValue){.tag = JV_NULL})
#define JS_HOLE ((JsValue){.tag = JV_HOLE})
static inline JsValue js_bool(bool b) { JsValue v = {.tag = JV_BOOL}; v.u.b = b; return v; }
static inline JsValue js_num(double n) { JsValue v = {.tag = JV_NUM}; v.u.n = n; return v; }
static inline JsValue js_strv(JsString *s) { JsValue v = {.tag = JV_STR}; v.u.s = s; return v; }
static inline JsValue js_objv(JsObject *o) { JsValue v = {.tag = JV_OBJ}; v.u.o = o; return v; }
static inline bool js_is_obj(JsValue v) { return v.tag == JV_OBJ; }
static inline JsValue js_symv(JsString *key) { JsValue v = {.tag = JV_SYM}; v.u.s = key; return v; }
/* A property key that is a Symbol's (never listed by Object.keys or for-in). */
static inline bool js_is_symkey(const JsString *k) { return k->len && (unsigned char)k->s[0] == 0xff; }
/* A class's private name (#x): 0xfe, the class's number, the name (front/private.c). */
static inline bool js_is_private_key(const JsString *k) { return k->len && (unsigned char)k->s[0] == 0xfe; }
static inline bool js_is_nullish(JsValue v) { return v.tag == JV_UNDEF || v.tag == JV_NULL; }
bool js_is_callable(JsValue v);

/* ---- heap ---- */
void *js_alloc(JsRt *rt, size_t n);   /* counted against the memory cap; freed at the end */
JsString *js_str(JsRt *rt, const char *s, size_t n);
JsString *js_cstr(JsRt *rt, const char *s);
JsString *js_strf(JsRt *rt, const char *fmt, ...) LS_PRINTF(2, 3);
JsString *js_vstrf(JsRt *rt, const char *fmt, va_list ap);
JsString *js_intern(JsRt *rt, const char *s);   /* same pointer for the same text */
bool js_str_eq(const JsString *a, const JsString *b);
JsObject *js_obj_new(JsRt *rt, JsKind kind, JsObject *proto);
JsObject *js_array_new(JsRt *rt, size_t cap);
void js_array_push(JsRt *rt, JsObject *a, JsValue v);
/* The two-element array [a, b] (entries). */
JsObject *js_array_pair(JsRt *rt, JsValue a, JsValue b);
JsObject *js_native_new(JsRt *rt, const char *name, int arity, JsNativeFn fn);
/* A native method defined on o (not enumerable); returned. */
JsObject *js_method(JsRt *rt, JsObject *o, const char *name, int arity, JsNativeFn fn);
/* A native function linked with proto (prototype/constructor) and defined
 * on the global object under name (Symbol, BigInt: callable, not `new`). */
JsObject *js_native_class(JsRt *rt, const char *name, int arity, JsNativeFn fn, JsObject *proto);

/* ---- properties ---- */
JsProp *js_own_prop(const JsObject *o, const JsString *key);
JsProp *js_find_prop(const JsObject *o, const JsString *key, JsObject **holder);
/* Define (or overwrite) an own data property. */
void js_define(JsRt *rt, JsObject *o, JsString *key, JsValue v, uint8_t flags);
void js_define_accessor(JsRt *rt, JsObject *o, JsString *key, JsValue get, JsValue set, uint8_t flags);
bool js_delete(JsObject *o, const JsString *key);
/* Own property keys in JavaScript's order (integer keys ascending first,
 * then strings in insertion order): arrays' indices are included; with
 * enumerable_only, only enumerable ones. Returns a new array of strings. */
JsObject *js_own_keys(JsRt *rt, JsObject *o, bool enumerable_only);
/* Get/set by key on any value (primitives use their prototypes). Return 0,
 * or -1 with an exception pending (rt's exception). */
int js_get(JsRt *rt, JsValue obj, JsString *key, JsValue *out);
int js_set(JsRt *rt, JsValue obj, JsString *key, JsValue v);
int js_get_elem(JsRt *rt, JsValue obj, JsValue key, JsValue *out);
int js_set_elem(JsRt *rt, JsValue obj, JsValue key, JsValue v);
/* A canonical array index in s, or -1. */
long js_array_index(const JsString *s);

/* ---- conversions ---- */
bool js_truthy(JsValue v);
double js_to_number_prim(JsRt *rt, JsValue v);   /* objects: NaN (no valueOf yet beyond Date/boxed) */
int js_to_number(JsRt *rt, JsValue v, double *out);
int js_to_string(JsRt *rt, JsValue v, JsString **out);
JsString *js_number_to_string(JsRt *rt, double d);
void js_number_fmt(double d, char *buf, size_t n);
JsString *js_to_key(JsRt *rt, JsValue v);   /* ToPropertyKey for primitives */
bool js_strict_equals(JsValue a, JsValue b);
bool js_same_value_zero(JsValue a, JsValue b);
int js_loose_equals(JsRt *rt, JsValue a, JsValue b, bool *out);
const char *js_typeof(JsValue v);
double js_to_integer(double d);
int32_t js_to_int32(double d);

#endif
