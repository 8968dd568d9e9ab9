/* vm.c: frames, the eval loop, calls and async functions. See vm.h. */
#include "vm.h"
#include "../objects/bigint.h"
#include "../objects/symbol.h"
#include "../objects/regexp.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const JsVmHooks *hooks;

/* The frames being run, innermost last (lines for errors and the viewer). */
typedef struct VmState {
    Frame **stack;
    int n, cap;
    Frame **async;        /* every async frame, for freeing their buffers */
    int nasync, capasync;
    JsObject *return_marker; /* js_vm_return_completion's value */
} VmState;

static VmState *vms(JsRt *rt) { return rt->vm; }

JsValue js_vm_return_completion(JsRt *rt)
{
    VmState *v = vms(rt);
    if (!v->return_marker)
        v->return_marker = js_obj_new(rt, JK_OBJECT, NULL);
    return js_objv(v->return_marker);
}

bool js_vm_is_return_completion(JsRt *rt, JsValue x)
{
    VmState *v = vms(rt);
    return v && v->return_marker && x.tag == JV_OBJ && x.u.o == v->return_marker;
}

static void frames_push(JsRt *rt, Frame *f)
{
    VmState *v = vms(rt);
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 64;
        v->stack = xrealloc(v->stack, (size_t)v->cap * sizeof(Frame *));
    }
    v->stack[v->n++] = f;
}

static void frames_pop(JsRt *rt) { vms(rt)->n--; }

int js_vm_frame_line(const Frame *f)
{
    if (!f->fn->ncode)
        return f->fn->line;
    size_t pc = f->pc ? f->pc - 1 : 0;
    if (pc >= f->fn->ncode)
        pc = f->fn->ncode - 1;
    return f->fn->lines[pc];
}

int js_vm_current_line(JsRt *rt)
{
    VmState *v = vms(rt);
    return v && v->n ? js_vm_frame_line(v->stack[v->n - 1]) : 0;
}

int js_vm_depth(JsRt *rt)
{
    VmState *v = vms(rt);
    return v ? v->n : 0;
}

const Frame *js_vm_frame(JsRt *rt, int i)
{
    VmState *v = vms(rt);
    return v && i >= 0 && i < v->n ? v->stack[v->n - 1 - i] : NULL;
}

static JsEnv *env_new(JsRt *rt, JsEnv *parent, int n)
{
    JsEnv *e = js_alloc(rt, sizeof(JsEnv) + (size_t)(n ? n : 1) * sizeof(JsValue));
    e->parent = parent;
    e->n = n;
    for (int i = 0; i < n; i++)
        e->v[i] = JS_HOLE;
    return e;
}

static JsString *func_name(JsRt *rt, JsObject *fn)
{
    if (fn->kind == JK_NATIVE)
        return js_intern(rt, fn->x.nat.name ? fn->x.nat.name : "");
    JsProp *p = js_own_prop(fn, rt->s_name);
    if (p && p->v.tag == JV_STR)
        return p->v.u.s;
    return js_intern(rt, fn->x.fn.code->name);
}

JsObject *js_vm_closure(JsRt *rt, JsFunc *f, JsEnv *env)
{
    JsObject *o = js_obj_new(rt, JK_FUNCTION, rt->function_proto);
    o->fnflags = (uint8_t)f->flags;
    o->x.fn.code = f;
    o->x.fn.env = env;
    o->x.fn.fields = JS_UNDEF;
    js_define(rt, o, rt->s_length, js_num(f->nparams), PF_CONST);
    js_define(rt, o, rt->s_name, js_strv(js_intern(rt, f->name)), PF_CONST);
    if (f->flags & FN_GENERATOR) {
        JsObject *proto = js_obj_new(rt, JK_OBJECT, f->flags & FN_ASYNC ? rt->async_generator_proto : rt->generator_proto);
        js_define(rt, o, rt->s_prototype, js_objv(proto), 0);
    } else if (!(f->flags & (FN_ARROW | FN_METHOD | FN_ASYNC))) {
        JsObject *proto = js_obj_new(rt, JK_OBJECT, rt->object_proto);
        js_define(rt, proto, rt->s_constructor, js_objv(o), 0);
        js_define(rt, o, rt->s_prototype, js_objv(proto), 0);
    }
    return o;
}

/* ---- value stack ---- */

void js_vm_push(Frame *f, JsValue v)
{
    if (f->sp == f->cap) {
        f->cap = f->cap ? f->cap * 2 : 16;
        f->stack = xrealloc(f->stack, (size_t)f->cap * sizeof(JsValue));
    }
    f->stack[f->sp++] = v;
}

#define POP() (f->stack[--f->sp])
#define TOP() (f->stack[f->sp - 1])
#define PEEK(k) (f->stack[f->sp - 1 - (k)])

#define push js_vm_push
#define exec js_vm_exec

/* ---- calls ---- */

static int call_function(JsRt *rt, JsObject *fo, JsValue self, JsValue *args, int argc, JsValue new_target,
                         JsValue *out);

static int js_vm_call(JsRt *rt, JsValue fn, JsValue self, JsValue *args, int argc, JsValue *out)
{
    if (fn.tag != JV_OBJ)
        return js_throw_error(rt, ERR_TYPE, "%s is not a function", fn.tag == JV_UNDEF ? "undefined" : js_typeof(fn));
    JsObject *o = fn.u.o;
    if (o->kind == JK_NATIVE) {
        if (++rt->depth > rt->max_depth) {
            rt->depth--;
            return js_throw_error(rt, ERR_RANGE, "Maximum call stack size exceeded");
        }
        rt->constructing = false;
        int r = o->x.nat.fn(rt, self, args, argc, o, out);
        rt->depth--;
        return r;
    }
    if (o->kind != JK_FUNCTION)
        return js_throw_error(rt, ERR_TYPE, "%s is not a function", "object");
    if (o->fnflags & FN_CLASS)
        return js_throw_error(rt, ERR_TYPE, "Class constructor %s cannot be invoked without 'new'", func_name(rt, o)->s);
    return call_function(rt, o, self, args, argc, JS_UNDEF, out);
}

/* Run the class field initialiser of F on obj, if it has one. */
static int init_fields(JsRt *rt, JsObject *F, JsValue obj)
{
    if (F->kind != JK_FUNCTION || F->x.fn.fields.tag == JV_UNDEF)
        return 0;
    JsValue r;
    return call_function(rt, F->x.fn.fields.u.o, obj, NULL, 0, JS_UNDEF, &r);
}

/* [[Construct]] of F on an object already made (new, and super()). */
static int construct_into(JsRt *rt, JsObject *F, JsValue obj, JsValue *args, int argc, JsValue new_target,
                          JsValue *out)
{
    *out = obj;
    if (F->kind == JK_NATIVE) {
        if (!(F->fnflags & FN_CTOR))
            return js_throw_error(rt, ERR_TYPE, "%s is not a constructor", func_name(rt, F)->s);
        JsValue r;
        rt->constructing = true;
        if (++rt->depth > rt->max_depth) {
            rt->depth--;
            return js_throw_error(rt, ERR_RANGE, "Maximum call stack size exceeded");
        }
        int st = F->x.nat.fn(rt, obj, args, argc, F, &r);
        rt->depth--;
        rt->constructing = false;
        if (st < 0)
            return -1;
        if (r.tag == JV_OBJ)
            *out = r;
        return 0;
    }
    if (F->kind != JK_FUNCTION || (F->fnflags & (FN_ARROW | FN_ASYNC)) ||
        ((F->fnflags & FN_METHOD) && !(F->fnflags & FN_CTOR)))
        return js_throw_error(rt, ERR_TYPE, "%s is not a constructor", func_name(rt, F)->s);
    if (!(F->fnflags & FN_DERIVED) && init_fields(rt, F, obj) < 0)
        return -1;
    JsValue r;
    if (call_function(rt, F, obj, args, argc, new_target, &r) < 0)
        return -1;
    if (r.tag == JV_OBJ)
        *out = r;
    return 0;
}

int js_vm_construct(JsRt *rt, JsValue fn, JsValue *args, int argc, JsValue *out)
{
    if (fn.tag != JV_OBJ || (fn.u.o->kind != JK_FUNCTION && fn.u.o->kind != JK_NATIVE))
        return js_throw_error(rt, ERR_TYPE, "%s is not a constructor", fn.tag == JV_OBJ ? "object" : js_typeof(fn));
    JsObject *F = fn.u.o;
    JsValue pv;
    if (js_get(rt, fn, rt->s_prototype, &pv) < 0)
        return -1;
    JsObject *proto = pv.tag == JV_OBJ ? pv.u.o : rt->object_proto;
    JsObject *obj = js_obj_new(rt, JK_OBJECT, proto);
    return construct_into(rt, F, js_objv(obj), args, argc, fn, out);
}

static int construct_hook(JsRt *rt, JsValue fn, JsValue *args, int argc, JsValue *out)
{
    return js_vm_construct(rt, fn, args, argc, out);
}

/* ---- async functions ---- */

#define async_step js_vm_async_step

static int resume_fn(JsRt *rt, JsValue self, JsValue *args, int argc, JsObject *fn, JsValue *out)
{
    (void)self;
    Frame *f = fn->x.nat.ptr;
    *out = JS_UNDEF;
    JsValue v = argc > 0 ? args[0] : JS_UNDEF;
    if (fn->x.nat.arity == 2) {
        rt->has_exc = true;
        rt->exc = v;
        async_step(rt, f, true);
    } else {
        push(f, v);
        async_step(rt, f, false);
    }
    return rt->limit ? -1 : 0;
}

/* Run an async frame until it awaits, returns or throws. */
void js_vm_async_step(JsRt *rt, Frame *f, bool throwing)
{
    if (hooks && hooks->async_resume)
        hooks->async_resume(rt, f);
    ExecStatus st = exec(rt, f, throwing);
    if (rt->limit)
        return;
    if (st == EX_AWAIT) {
        JsObject *p = js_promise_resolve_value(rt, f->result);
        if (rt->limit)
            return;
        JsObject *on_f = js_native_new(rt, "", 1, resume_fn);
        JsObject *on_r = js_native_new(rt, "", 1, resume_fn);
        on_f->x.nat.ptr = on_r->x.nat.ptr = f;
        on_r->x.nat.arity = 2;
        if (hooks && hooks->async_await)
            hooks->async_await(rt, f, p, f->result);
        js_promise_then(rt, p, js_objv(on_f), js_objv(on_r), NULL);
        return;
    }
    if (f->agen) {
        js_agen_after(rt, f, st);
        return;
    }
    f->done = true;
    if (st == EX_RETURN) {
        if (hooks && hooks->async_end)
            hooks->async_end(rt, f, false, f->result);
        js_promise_resolve(rt, f->promise, f->result);
    } else {
        JsValue e = js_catch(rt);
        if (hooks && hooks->async_end)
            hooks->async_end(rt, f, true, e);
        js_promise_reject(rt, f->promise, e);
    }
}

/* A frame that outlives its call (async, generator): freed with the VM. */
void js_vm_keep_frame(JsRt *rt, Frame *f)
{
    VmState *v = vms(rt);
    if (v->nasync == v->capasync) {
        v->capasync = v->capasync ? v->capasync * 2 : 16;
        v->async = xrealloc(v->async, (size_t)v->capasync * sizeof(Frame *));
    }
    v->async[v->nasync++] = f;
}

static int call_function(JsRt *rt, JsObject *fo, JsValue self, JsValue *args, int argc, JsValue new_target,
                         JsValue *out)
{
    JsFunc *fn = fo->x.fn.code;
    if (++rt->depth > rt->max_depth) {
        rt->depth--;
        return js_throw_error(rt, ERR_RANGE, "Maximum call stack size exceeded");
    }
    bool async = fn->flags & FN_ASYNC, gen = fn->flags & FN_GENERATOR;
    Frame local = {0};
    Frame *f = async || gen ? js_alloc(rt, sizeof(Frame)) : &local;
    memset(f, 0, sizeof *f);
    f->fn = fn;
    f->callee = fo;
    f->task = -1;
    f->new_target = new_target;
    f->env = env_new(rt, fo->x.fn.env, fn->nslots);
    if (!(fn->flags & FN_ARROW)) {
        f->env->v[0] = self;
        f->env->v[1] = js_objv(fo);
    }
    if (argc) {
        f->args = xmalloc((size_t)argc * sizeof(JsValue));
        memcpy(f->args, args, (size_t)argc * sizeof(JsValue));
        f->argc = argc;
    }
    int rc = 0;
    if (gen) {
        js_vm_keep_frame(rt, f);
        JsValue pv;
        JsObject *proto = rt->generator_proto;
        if (js_get(rt, js_objv(fo), rt->s_prototype, &pv) == 0 && pv.tag == JV_OBJ)
            proto = pv.u.o;
        JsObject *g = js_obj_new(rt, JK_GENERATOR, proto);
        g->x.gen.frame = f;
        if (async) {
            g->fnflags = 1; /* an async generator (agen.c) */
            f->agen = g;
        }
        *out = js_objv(g);
    } else if (async) {
        f->promise = js_promise_new(rt);
        f->promise->x.pr.origin = fn->name && *fn->name ? fn->name : "(anonymous)";
        js_vm_keep_frame(rt, f);
        if (hooks && hooks->async_start)
            hooks->async_start(rt, f);
        async_step(rt, f, false);
        *out = js_objv(f->promise);
        if (rt->limit)
            rc = -1;
        /* the frame lives on (heap) until the run ends; its buffers too */
    } else {
        ExecStatus st = exec(rt, f, false);
        if (st == EX_RETURN) {
            *out = f->result;
        } else {
            rc = -1;
        }
        xfree(f->stack);
        xfree(f->h);
        xfree(f->args);
    }
    rt->depth--;
    return rc;
}

/* for-in keys: own enumerable string keys, then the prototype chain's. */
static JsObject *for_in_keys(JsRt *rt, JsValue v)
{
    JsObject *a = js_array_new(rt, 0);
    if (v.tag == JV_STR) {
        JsObject *chars;
        if (js_vm_iterate_to_array(rt, v, &chars) == 0)
            for (size_t i = 0; i < chars->x.arr.len; i++)
                js_array_push(rt, a, js_strv(js_number_to_string(rt, (double)i)));
        return a;
    }
    if (v.tag != JV_OBJ)
        return a;
    for (JsObject *o = v.u.o; o; o = o->proto) {
        if (o->kind == JK_ARRAY)
            for (size_t i = 0; i < o->x.arr.len; i++)
                if (o->x.arr.items[i].tag != JV_HOLE)
                    js_array_push(rt, a, js_strv(js_number_to_string(rt, (double)i)));
        for (int i = 0; i < o->nprops; i++) {
            if (!(o->props[i].flags & PF_ENUM) || js_is_symkey(o->props[i].key))
                continue;
            bool seen = false;
            for (size_t k = 0; k < a->x.arr.len && !seen; k++)
                seen = js_str_eq(a->x.arr.items[k].u.s, o->props[i].key);
            if (!seen)
                js_array_push(rt, a, js_strv(o->props[i].key));
        }
    }
    return a;
}

/* ---- operators ---- */

static int add_values(JsRt *rt, JsValue a, JsValue b, JsValue *out)
{
    if (a.tag == JV_SYM || b.tag == JV_SYM)
        return js_throw_error(rt, ERR_TYPE, "Cannot convert a Symbol value to a %s",
                              a.tag == JV_STR || b.tag == JV_STR ? "string" : "number");
    if (a.tag == JV_NUM && b.tag == JV_NUM) {
        *out = js_num(a.u.n + b.u.n);
        return 0;
    }
    if (a.tag == JV_OBJ) {
        JsString *s;
        if (a.u.o->kind == JK_DATE || true) {
            /* ToPrimitive(default): valueOf first, except Date */
            JsValue f, r;
            if (a.u.o->kind != JK_DATE) {
                if (js_get(rt, a, js_intern(rt, "valueOf"), &f) < 0)
                    return -1;
                if (js_is_callable(f) && f.u.o->kind == JK_FUNCTION) {
                    if (js_call(rt, f, a, NULL, 0, &r) < 0)
                        return -1;
                    if (r.tag != JV_OBJ) {
                        a = r;
                        return add_values(rt, a, b, out);
                    }
                }
            }
        }
        if (js_to_string(rt, a, &s) < 0)
            return -1;
        a = js_strv(s);
    }
    if (b.tag == JV_OBJ) {
        JsString *s;
        JsValue f, r;
        if (b.u.o->kind != JK_DATE) {
            if (js_get(rt, b, js_intern(rt, "valueOf"), &f) < 0)
                return -1;
            if (js_is_callable(f) && f.u.o->kind == JK_FUNCTION) {
                if (js_call(rt, f, b, NULL, 0, &r) < 0)
                    return -1;
                if (r.tag != JV_OBJ)
                    return add_values(rt, a, r, out);
            }
        }
        if (js_to_string(rt, b, &s) < 0)
            return -1;
        b = js_strv(s);
    }
    if (a.tag == JV_STR || b.tag == JV_STR) {
        JsString *sa, *sb;
        if (js_to_string(rt, a, &sa) < 0 || js_to_string(rt, b, &sb) < 0)
            return -1;
        size_t n = sa->len + sb->len;
        if (rt->max_items && n > rt->max_items)
            return js_limit(rt, "a string longer than --max-items");
        JsString *r = js_alloc(rt, sizeof(JsString) + n + 1);
        memcpy(r->s, sa->s, sa->len);
        memcpy(r->s + sa->len, sb->s, sb->len);
        r->s[n] = 0;
        r->len = n;
        JsString *h = js_str(rt, r->s, n);
        *out = js_strv(h);
        return 0;
    }
    if (a.tag == JV_BIG || b.tag == JV_BIG)
        return js_big_operator(rt, '+', a, b, out);
    *out = js_num(js_to_number_prim(rt, a) + js_to_number_prim(rt, b));
    return 0;
}

static int compare(JsRt *rt, JsValue a, JsValue b, int *res)
{
    /* res: -1 less, 0 equal, 1 greater, 2 undefined (NaN) */
    if (a.tag == JV_OBJ) {
        JsString *s;
        if (js_to_string(rt, a, &s) < 0)
            return -1;
        a = js_strv(s);
    }
    if (b.tag == JV_OBJ) {
        JsString *s;
        if (js_to_string(rt, b, &s) < 0)
            return -1;
        b = js_strv(s);
    }
    if (a.tag == JV_STR && b.tag == JV_STR) {
        int c = strcmp(a.u.s->s, b.u.s->s);
        *res = c < 0 ? -1 : c > 0 ? 1 : 0;
        return 0;
    }
    if (a.tag == JV_BIG || b.tag == JV_BIG) {
        if (a.tag == JV_SYM || b.tag == JV_SYM)
            return js_throw_error(rt, ERR_TYPE, "Cannot convert a Symbol value to a number");
        *res = js_big_compare(rt, a, b);
        return 0;
    }
    double x = js_to_number_prim(rt, a), y = js_to_number_prim(rt, b);
    if (isnan(x) || isnan(y))
        *res = 2;
    else
        *res = x < y ? -1 : x > y ? 1 : 0;
    return 0;
}

static int instance_of(JsRt *rt, JsValue v, JsValue ctor, bool *out)
{
    if (!js_is_callable(ctor))
        return js_throw_error(rt, ERR_TYPE, "Right-hand side of 'instanceof' is not callable");
    *out = false;
    if (v.tag != JV_OBJ)
        return 0;
    JsValue pv;
    if (js_get(rt, ctor, rt->s_prototype, &pv) < 0)
        return -1;
    if (pv.tag != JV_OBJ)
        return 0;
    for (JsObject *o = v.u.o->proto; o; o = o->proto) {
        if (o == pv.u.o) {
            *out = true;
            return 0;
        }
    }
    return 0;
}

static int numeric_op(JsRt *rt, Op op, JsValue a, JsValue b, JsValue *out)
{
    if (a.tag == JV_BIG || b.tag == JV_BIG) {
        static const char ops[] = {[OP_SUB] = '-', [OP_MUL] = '*', [OP_DIV] = '/', [OP_MOD] = '%', [OP_EXP] = 'e',
                                   [OP_BITAND] = '&', [OP_BITOR] = '|', [OP_BITXOR] = '^', [OP_SHL] = '<',
                                   [OP_SHR] = '>', [OP_USHR] = 'u'};
        return js_big_operator(rt, ops[op], a, b, out);
    }
    double x, y;
    if (js_to_number(rt, a, &x) < 0 || js_to_number(rt, b, &y) < 0)
        return -1;
    double r = 0;
    switch (op) {
    case OP_SUB: r = x - y; break;
    case OP_MUL: r = x * y; break;
    case OP_DIV: r = x / y; break;
    case OP_MOD:
        if (isinf(y) && !isinf(x))
            r = x;
        else
            r = fmod(x, y);
        break;
    case OP_EXP:
        if (isnan(y) || ((x == 1 || x == -1) && isinf(y)))
            r = NAN;
        else
            r = pow(x, y);
        break;
    case OP_BITAND: r = (double)(js_to_int32(x) & js_to_int32(y)); break;
    case OP_BITOR: r = (double)(js_to_int32(x) | js_to_int32(y)); break;
    case OP_BITXOR: r = (double)(js_to_int32(x) ^ js_to_int32(y)); break;
    case OP_SHL: r = (double)(int32_t)((uint32_t)js_to_int32(x) << (js_to_int32(y) & 31)); break;
    case OP_SHR: r = (double)(js_to_int32(x) >> (js_to_int32(y) & 31)); break;
    case OP_USHR: r = (double)((uint32_t)js_to_int32(x) >> (js_to_int32(y) & 31)); break;
    default: break;
    }
    *out = js_num(r);
    return 0;
}

/* ---- classes ---- */

static int define_method(JsRt *rt, JsValue target, JsValue key, JsValue fn, int kind)
{
    if (target.tag != JV_OBJ)
        return 0;
    JsObject *t = target.u.o;
    JsString *k = js_to_key(rt, key);
    if (fn.tag == JV_OBJ && fn.u.o->kind == JK_FUNCTION) {
        fn.u.o->x.fn.home = t;
        JsString *name = js_key_function_name(rt, k);
        if (kind == 'g' || kind == 'G' || kind == 's' || kind == 'S') {
            char buf[300];
            snprintf(buf, sizeof buf, "%s %s", (kind | 32) == 'g' ? "get" : "set", name->s);
            js_define(rt, fn.u.o, rt->s_name, js_strv(js_cstr(rt, buf)), PF_CONST);
        } else {
            js_define(rt, fn.u.o, rt->s_name, js_strv(name), PF_CONST);
        }
    }
    uint8_t flags = (kind == 'o' || kind == 'g' || kind == 's') ? PF_ENUM : 0;
    if ((kind | 32) == 'g')
        js_define_accessor(rt, t, k, fn, JS_UNDEF, flags);
    else if ((kind | 32) == 's')
        js_define_accessor(rt, t, k, JS_UNDEF, fn, flags);
    else
        js_define(rt, t, k, fn, flags);
    return 0;
}

static int make_class(JsRt *rt, Frame *f, JsFunc *cf, bool has_super)
{
    JsValue super_v = has_super ? POP() : JS_UNDEF;
    JsObject *proto_parent = rt->object_proto;
    JsObject *ctor_parent = rt->function_proto;
    if (has_super) {
        if (super_v.tag == JV_NULL) {
            proto_parent = NULL;
        } else if (!js_is_callable(super_v)) {
            return js_throw_error(rt, ERR_TYPE, "Class extends value %s is not a constructor or null",
                                  super_v.tag == JV_UNDEF ? "undefined" : js_typeof(super_v));
        } else {
            JsValue pp;
            if (js_get(rt, super_v, rt->s_prototype, &pp) < 0)
                return -1;
            proto_parent = pp.tag == JV_OBJ ? pp.u.o : NULL;
            ctor_parent = super_v.u.o;
        }
    }
    JsObject *F = js_vm_closure(rt, cf, f->env);
    F->proto = ctor_parent;
    JsObject *P = js_obj_new(rt, JK_OBJECT, proto_parent);
    js_define(rt, P, rt->s_constructor, js_objv(F), 0);
    js_define(rt, F, rt->s_prototype, js_objv(P), PF_CONST);
    F->x.fn.home = P;
    push(f, js_objv(F));
    push(f, js_objv(P));
    return 0;
}

static int super_call(JsRt *rt, JsValue fnv, JsValue self, JsObject *args)
{
    if (fnv.tag != JV_OBJ)
        return js_throw_error(rt, ERR_SYNTAX, "'super' keyword unexpected here");
    JsObject *F = fnv.u.o;
    JsObject *parent = F->proto;
    if (!parent || (parent->kind != JK_FUNCTION && parent->kind != JK_NATIVE))
        return js_throw_error(rt, ERR_TYPE, "Super constructor %s of anonymous class is not a constructor", "null");
    JsValue r;
    if (parent == rt->function_proto) {
        /* extends a class whose parent is Object: nothing to run */
    } else if (construct_into(rt, parent, self, args->x.arr.items, (int)args->x.arr.len, fnv, &r) < 0) {
        return -1;
    }
    return init_fields(rt, F, self);
}

/* ---- the eval loop ---- */

static inline uint16_t rd16(const uint8_t *p) { return (uint16_t)(p[0] | (p[1] << 8)); }
static inline uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static JsEnv *env_at(JsEnv *e, int hops)
{
    while (hops-- > 0)
        e = e->parent;
    return e;
}

static int call_value(JsRt *rt, Frame *f, JsValue fn, JsValue self, JsValue *args, int argc, JsValue *out,
                      const char *what)
{
    if (!js_is_callable(fn)) {
        char buf[160];
        snprintf(buf, sizeof buf, "%s", what ? what : "expression");
        (void)f;
        return js_throw_error(rt, ERR_TYPE, "%s is not a function", buf);
    }
    return js_vm_call(rt, fn, self, args, argc, out);
}

ExecStatus js_vm_exec(JsRt *rt, Frame *f, bool throwing)
{
    const JsFunc *fn = f->fn;
    const uint8_t *code = fn->code;
    frames_push(rt, f);
    char namebuf[300];
    const char *last_name = NULL; /* the last property or variable read, for messages */
    if (throwing)
        goto exception;
    for (;;) {
        if (++rt->ops > rt->max_ops) {
            js_limit(rt, "the operation budget (--max-ops)");
            goto exception;
        }
        if (rt->max_bytes && rt->bytes > rt->max_bytes) {
            js_limit(rt, "the memory limit (--max-memory)");
            goto exception;
        }
        Op op = (Op)code[f->pc++];
        switch (op) {
        case OP_CONST:
            push(f, fn->consts[rd16(code + f->pc)]);
            f->pc += 2;
            break;
        case OP_UNDEF: push(f, JS_UNDEF); break;
        case OP_NULL: push(f, JS_NULL); break;
        case OP_TRUE: push(f, js_bool(true)); break;
        case OP_FALSE: push(f, js_bool(false)); break;
        case OP_POP: f->sp--; break;
        case OP_DUP: push(f, TOP()); break;
        case OP_DUP2: {
            JsValue a = PEEK(1), b = PEEK(0);
            push(f, a);
            push(f, b);
            break;
        }
        case OP_SWAP: {
            JsValue t = PEEK(0);
            PEEK(0) = PEEK(1);
            PEEK(1) = t;
            break;
        }
        case OP_ROT3: { /* a b c -> c a b */
            JsValue c = PEEK(0), b = PEEK(1), a = PEEK(2);
            PEEK(2) = c;
            PEEK(1) = a;
            PEEK(0) = b;
            break;
        }
        case OP_ROT4: { /* a b c d -> d a b c */
            JsValue d = PEEK(0), c = PEEK(1), b = PEEK(2), a = PEEK(3);
            PEEK(3) = d;
            PEEK(2) = a;
            PEEK(1) = b;
            PEEK(0) = c;
            break;
        }
        case OP_GET_VAR: {
            int hops = rd16(code + f->pc), slot = rd16(code + f->pc + 2);
            f->pc += 4;
            JsValue v = env_at(f->env, hops)->v[slot];
            if (v.tag == JV_HOLE) {
                js_throw_error(rt, ERR_REFERENCE, "Cannot access a variable before initialization");
                goto exception;
            }
            push(f, v);
            break;
        }
        case OP_SET_VAR:
        case OP_INIT_VAR: {
            int hops = rd16(code + f->pc), slot = rd16(code + f->pc + 2);
            f->pc += 4;
            JsEnv *e = env_at(f->env, hops);
            if (op == OP_SET_VAR && e->v[slot].tag == JV_HOLE) {
                js_throw_error(rt, ERR_REFERENCE, "Cannot access a variable before initialization");
                goto exception;
            }
            e->v[slot] = TOP();
            break;
        }
        case OP_GET_GLOBAL:
        case OP_TYPEOF_GLOBAL: {
            JsString *name = fn->consts[rd16(code + f->pc)].u.s;
            f->pc += 2;
            JsProp *p = js_find_prop(rt->global, name, NULL);
            if (!p) {
                if (op == OP_TYPEOF_GLOBAL) {
                    push(f, js_strv(js_intern(rt, "undefined")));
                    break;
                }
                js_throw_error(rt, ERR_REFERENCE, "%s is not defined", name->s);
                goto exception;
            }
            JsValue v;
            if (js_get(rt, js_objv(rt->global), name, &v) < 0)
                goto exception;
            last_name = name->s;
            push(f, op == OP_TYPEOF_GLOBAL ? js_strv(js_intern(rt, js_typeof(v))) : v);
            break;
        }
        case OP_SET_GLOBAL: {
            JsString *name = fn->consts[rd16(code + f->pc)].u.s;
            f->pc += 2;
            if (js_set(rt, js_objv(rt->global), name, TOP()) < 0)
                goto exception;
            break;
        }
        case OP_THROW_CONST:
            f->pc += 2;
            js_throw_error(rt, ERR_TYPE, "Assignment to constant variable.");
            goto exception;
        case OP_GET_PROP:
        case OP_GET_PROP_KEEP: {
            JsString *name = fn->consts[rd16(code + f->pc)].u.s;
            f->pc += 2;
            JsValue v;
            if (js_get(rt, TOP(), name, &v) < 0)
                goto exception;
            if (op == OP_GET_PROP)
                f->sp--;
            push(f, v);
            last_name = name->s;
            break;
        }
        case OP_SET_PROP: {
            JsString *name = fn->consts[rd16(code + f->pc)].u.s;
            f->pc += 2;
            JsValue v = POP(), o = POP();
            if (js_set(rt, o, name, v) < 0)
                goto exception;
            push(f, v);
            break;
        }
        case OP_GET_ELEM:
        case OP_GET_ELEM_KEEP: {
            JsValue k = POP(), o = TOP(), v;
            if (js_get_elem(rt, o, k, &v) < 0)
                goto exception;
            if (op == OP_GET_ELEM)
                f->sp--;
            push(f, v);
            last_name = NULL;
            break;
        }
        case OP_SET_ELEM: {
            JsValue v = POP(), k = POP(), o = POP();
            if (js_set_elem(rt, o, k, v) < 0)
                goto exception;
            push(f, v);
            break;
        }
        case OP_DELETE_PROP: {
            JsString *name = fn->consts[rd16(code + f->pc)].u.s;
            f->pc += 2;
            JsValue o = POP();
            bool ok = true;
            if (o.tag == JV_OBJ)
                ok = js_delete(o.u.o, name);
            push(f, js_bool(ok));
            break;
        }
        case OP_DELETE_ELEM: {
            JsValue k = POP(), o = POP();
            bool ok = true;
            if (o.tag == JV_OBJ) {
                if (o.u.o->kind == JK_ARRAY && k.tag == JV_NUM && k.u.n >= 0 && (size_t)k.u.n < o.u.o->x.arr.len)
                    o.u.o->x.arr.items[(size_t)k.u.n] = JS_HOLE;
                else
                    ok = js_delete(o.u.o, js_to_key(rt, k));
            }
            push(f, js_bool(ok));
            break;
        }
        case OP_CALL:
        case OP_CALL_METHOD:
        case OP_NEW: {
            int argc = rd16(code + f->pc);
            f->pc += 2;
            JsValue *args = &f->stack[f->sp - argc];
            JsValue callee = f->stack[f->sp - argc - 1];
            JsValue self = op == OP_CALL_METHOD ? f->stack[f->sp - argc - 2] : JS_UNDEF;
            JsValue r;
            int st;
            if (op == OP_NEW) {
                if (!js_is_callable(callee)) {
                    snprintf(namebuf, sizeof namebuf, "%s is not a constructor", last_name ? last_name : "expression");
                    js_throw_error(rt, ERR_TYPE, "%s", namebuf);
                    goto exception;
                }
                st = js_vm_construct(rt, callee, args, argc, &r);
            } else {
                if (!js_is_callable(callee)) {
                    js_throw_error(rt, ERR_TYPE, "%s is not a function", last_name ? last_name : "expression");
                    goto exception;
                }
                st = js_vm_call(rt, callee, self, args, argc, &r);
            }
            if (st < 0)
                goto exception;
            f->sp -= argc + 1 + (op == OP_CALL_METHOD);
            push(f, r);
            break;
        }
        case OP_CALL_ARR:
        case OP_CALL_METHOD_ARR:
        case OP_NEW_ARR: {
            JsObject *arr = f->stack[f->sp - 1].u.o;
            JsValue callee = f->stack[f->sp - 2];
            JsValue self = op == OP_CALL_METHOD_ARR ? f->stack[f->sp - 3] : JS_UNDEF;
            JsValue r;
            int st;
            if (op == OP_NEW_ARR)
                st = js_vm_construct(rt, callee, arr->x.arr.items, (int)arr->x.arr.len, &r);
            else
                st = call_value(rt, f, callee, self, arr->x.arr.items, (int)arr->x.arr.len, &r, last_name);
            if (st < 0)
                goto exception;
            f->sp -= 2 + (op == OP_CALL_METHOD_ARR);
            push(f, r);
            break;
        }
        case OP_SUPER_CALL_ARR: {
            JsObject *arr = POP().u.o;
            JsValue self = POP(), fnv = POP();
            if (super_call(rt, fnv, self, arr) < 0)
                goto exception;
            push(f, self);
            break;
        }
        case OP_SUPER_GET:
        case OP_SUPER_GET_KEEP: {
            JsString *name = fn->consts[rd16(code + f->pc)].u.s;
            f->pc += 2;
            JsValue self = POP(), fnv = POP();
            JsObject *home = fnv.tag == JV_OBJ && fnv.u.o->kind == JK_FUNCTION ? fnv.u.o->x.fn.home : NULL;
            JsValue v = JS_UNDEF;
            if (home && home->proto) {
                JsProp *p = js_find_prop(home->proto, name, NULL);
                if (p && (p->flags & PF_ACCESSOR)) {
                    if (p->v.tag != JV_UNDEF && js_call(rt, p->v, self, NULL, 0, &v) < 0)
                        goto exception;
                } else if (p) {
                    v = p->v;
                }
            }
            if (op == OP_SUPER_GET_KEEP)
                push(f, self);
            push(f, v);
            last_name = name->s;
            break;
        }
        case OP_CLOSURE: {
            JsFunc *inner = fn->funcs[rd16(code + f->pc)];
            f->pc += 2;
            push(f, js_objv(js_vm_closure(rt, inner, f->env)));
            break;
        }
        case OP_CLASS: {
            JsFunc *cf = fn->funcs[rd16(code + f->pc)];
            bool has_super = code[f->pc + 2];
            f->pc += 3;
            if (make_class(rt, f, cf, has_super) < 0)
                goto exception;
            break;
        }
        case OP_DEFINE_METHOD: {
            int kind = code[f->pc++];
            JsValue m = POP(), k = POP();
            if (define_method(rt, TOP(), k, m, kind) < 0)
                goto exception;
            break;
        }
        case OP_SET_FIELDS: {
            JsValue init = POP();
            JsObject *F = TOP().u.o;
            if (init.tag == JV_OBJ)
                init.u.o->x.fn.home = F->x.fn.home;
            F->x.fn.fields = init;
            break;
        }
        case OP_ARRAY:
            push(f, js_objv(js_array_new(rt, 0)));
            break;
        case OP_ARRAY_PUSH: {
            JsValue v = POP();
            js_array_push(rt, TOP().u.o, v);
            break;
        }
        case OP_ARRAY_HOLE:
            js_array_push(rt, TOP().u.o, JS_HOLE);
            break;
        case OP_ARRAY_SPREAD: {
            JsValue v = POP();
            JsObject *items;
            if (js_vm_iterate_to_array(rt, v, &items) < 0)
                goto exception;
            for (size_t i = 0; i < items->x.arr.len; i++)
                js_array_push(rt, TOP().u.o, items->x.arr.items[i]);
            break;
        }
        case OP_OBJECT:
            push(f, js_objv(js_obj_new(rt, JK_OBJECT, rt->object_proto)));
            break;
        case OP_DEFINE: {
            JsValue v = POP(), k = POP();
            JsString *key = js_to_key(rt, k);
            JsObject *o = TOP().u.o;
            if (js_str_eq(key, js_intern(rt, "__proto__")) && k.tag == JV_STR) {
                if (v.tag == JV_OBJ)
                    o->proto = v.u.o;
                else if (v.tag == JV_NULL)
                    o->proto = NULL;
                break;
            }
            js_define(rt, o, key, v, PF_ENUM);
            break;
        }
        case OP_OBJ_SPREAD: {
            JsValue src = POP();
            JsObject *o = TOP().u.o;
            if (src.tag == JV_OBJ) {
                JsObject *s = src.u.o;
                if (s->kind == JK_ARRAY)
                    for (size_t i = 0; i < s->x.arr.len; i++)
                        if (s->x.arr.items[i].tag != JV_HOLE)
                            js_define(rt, o, js_number_to_string(rt, (double)i), s->x.arr.items[i], PF_ENUM);
                for (int i = 0; i < s->nprops; i++) {
                    if (!(s->props[i].flags & PF_ENUM))
                        continue;
                    JsValue v;
                    if (js_get(rt, src, s->props[i].key, &v) < 0)
                        goto exception;
                    js_define(rt, o, s->props[i].key, v, PF_ENUM);
                }
            } else if (src.tag == JV_STR) {
                JsObject *chars;
                js_vm_iterate_to_array(rt, src, &chars);
                for (size_t i = 0; i < chars->x.arr.len; i++)
                    js_define(rt, o, js_number_to_string(rt, (double)i), chars->x.arr.items[i], PF_ENUM);
            }
            break;
        }
        case OP_OBJ_REST: {
            int n = rd16(code + f->pc);
            f->pc += 2;
            JsValue *keys = &f->stack[f->sp - n];
            JsValue src = f->stack[f->sp - n - 1];
            JsObject *o = js_obj_new(rt, JK_OBJECT, rt->object_proto);
            if (src.tag == JV_OBJ) {
                JsObject *s = src.u.o;
                for (int i = 0; i < s->nprops; i++) {
                    if (!(s->props[i].flags & PF_ENUM))
                        continue;
                    bool skip = false;
                    for (int k = 0; k < n && !skip; k++)
                        skip = js_str_eq(js_to_key(rt, keys[k]), s->props[i].key);
                    if (skip)
                        continue;
                    JsValue v;
                    if (js_get(rt, src, s->props[i].key, &v) < 0)
                        goto exception;
                    js_define(rt, o, s->props[i].key, v, PF_ENUM);
                }
            }
            f->sp -= n + 1;
            push(f, js_objv(o));
            break;
        }
        case OP_ADD: {
            JsValue b = POP(), a = POP(), r;
            if (add_values(rt, a, b, &r) < 0)
                goto exception;
            push(f, r);
            break;
        }
        case OP_SUB:
        case OP_MUL:
        case OP_DIV:
        case OP_MOD:
        case OP_EXP:
        case OP_BITAND:
        case OP_BITOR:
        case OP_BITXOR:
        case OP_SHL:
        case OP_SHR:
        case OP_USHR: {
            JsValue b = POP(), a = POP(), r;
            if (a.tag == JV_NUM && b.tag == JV_NUM && op <= OP_DIV) {
                double x = a.u.n, y = b.u.n;
                push(f, js_num(op == OP_SUB ? x - y : op == OP_MUL ? x * y : x / y));
                break;
            }
            if (numeric_op(rt, op, a, b, &r) < 0)
                goto exception;
            push(f, r);
            break;
        }
        case OP_EQ:
        case OP_NE: {
            JsValue b = POP(), a = POP();
            bool eq = false;
            if (js_loose_equals(rt, a, b, &eq) < 0)
                goto exception;
            push(f, js_bool(op == OP_EQ ? eq : !eq));
            break;
        }
        case OP_SEQ:
        case OP_SNE: {
            JsValue b = POP(), a = POP();
            bool eq = js_strict_equals(a, b);
            push(f, js_bool(op == OP_SEQ ? eq : !eq));
            break;
        }
        case OP_LT:
        case OP_LE:
        case OP_GT:
        case OP_GE: {
            JsValue b = POP(), a = POP();
            int c = 2;
            if (a.tag == JV_NUM && b.tag == JV_NUM) {
                double x = a.u.n, y = b.u.n;
                push(f, js_bool(op == OP_LT ? x < y : op == OP_LE ? x <= y : op == OP_GT ? x > y : x >= y));
                break;
            }
            if (compare(rt, a, b, &c) < 0)
                goto exception;
            bool r = c != 2 && (op == OP_LT ? c < 0 : op == OP_LE ? c <= 0 : op == OP_GT ? c > 0 : c >= 0);
            push(f, js_bool(r));
            break;
        }
        case OP_IN: {
            JsValue o = POP(), k = POP();
            if (o.tag != JV_OBJ) {
                js_throw_error(rt, ERR_TYPE, "Cannot use 'in' operator to search for '%s' in %s", js_to_key(rt, k)->s,
                               o.tag == JV_STR ? o.u.s->s : js_typeof(o));
                goto exception;
            }
            JsString *key = js_to_key(rt, k);
            bool has = js_find_prop(o.u.o, key, NULL) != NULL;
            if (!has && o.u.o->kind == JK_ARRAY) {
                long i = js_array_index(key);
                has = (i >= 0 && (size_t)i < o.u.o->x.arr.len) || js_str_eq(key, rt->s_length);
            }
            push(f, js_bool(has));
            break;
        }
        case OP_INSTANCEOF: {
            JsValue c = POP(), v = POP();
            bool r = false;
            if (instance_of(rt, v, c, &r) < 0)
                goto exception;
            push(f, js_bool(r));
            break;
        }
        case OP_NEG:
        case OP_PLUS:
        case OP_TONUM:
        case OP_INC:
        case OP_DEC: {
            JsValue a = POP();
            double x;
            if (a.tag == JV_BIG && op != OP_PLUS) {
                JsValue one = js_bigv(js_big_from_double(rt, 1)), r = a;
                if (op == OP_NEG)
                    r = js_bigv(js_big_neg(rt, a.u.big));
                else if ((op == OP_INC || op == OP_DEC) && js_big_operator(rt, op == OP_INC ? '+' : '-', a, one, &r) < 0)
                    goto exception;
                push(f, r);
                break;
            }
            if (js_to_number(rt, a, &x) < 0)
                goto exception;
            push(f, js_num(op == OP_NEG ? -x : op == OP_INC ? x + 1 : op == OP_DEC ? x - 1 : x));
            break;
        }
        case OP_NOT: {
            JsValue a = POP();
            push(f, js_bool(!js_truthy(a)));
            break;
        }
        case OP_BITNOT: {
            JsValue a = POP();
            double x;
            if (a.tag == JV_BIG) { /* ~a is -a - 1 */
                JsValue r;
                if (js_big_operator(rt, '-', js_bigv(js_big_neg(rt, a.u.big)), js_bigv(js_big_from_double(rt, 1)), &r) < 0)
                    goto exception;
                push(f, r);
                break;
            }
            if (js_to_number(rt, a, &x) < 0)
                goto exception;
            push(f, js_num((double)~js_to_int32(x)));
            break;
        }
        case OP_TYPEOF: {
            JsValue a = POP();
            push(f, js_strv(js_intern(rt, js_typeof(a))));
            break;
        }
        case OP_JMP:
            f->pc = rd32(code + f->pc);
            break;
        case OP_JMP_FALSE:
        case OP_JMP_TRUE: {
            JsValue a = POP();
            if (js_truthy(a) == (op == OP_JMP_TRUE))
                f->pc = rd32(code + f->pc);
            else
                f->pc += 4;
            break;
        }
        case OP_JMP_FALSE_KEEP:
        case OP_JMP_TRUE_KEEP:
        case OP_JMP_NOTNULLISH_KEEP: {
            JsValue a = TOP();
            bool jump = op == OP_JMP_NOTNULLISH_KEEP ? !js_is_nullish(a) : js_truthy(a) == (op == OP_JMP_TRUE_KEEP);
            if (jump)
                f->pc = rd32(code + f->pc);
            else
                f->pc += 4;
            break;
        }
        case OP_JMP_NULLISH: {
            int npop = code[f->pc];
            if (js_is_nullish(TOP())) {
                f->sp -= npop;
                push(f, JS_UNDEF);
                f->pc = rd32(code + f->pc + 1);
            } else {
                f->pc += 5;
            }
            break;
        }
        case OP_RETURN:
            f->result = POP();
            frames_pop(rt);
            return EX_RETURN;
        case OP_THROW:
            js_throw(rt, POP());
            goto exception;
        case OP_TRY:
        case OP_TRY_FINALLY:
            if (f->nh == f->caph) {
                f->caph = f->caph ? f->caph * 2 : 4;
                f->h = xrealloc(f->h, (size_t)f->caph * sizeof(Handler));
            }
            f->h[f->nh++] = (Handler){.pc = rd32(code + f->pc), .sp = f->sp, .env = f->env, .finally = op == OP_TRY_FINALLY};
            f->pc += 4;
            break;
        case OP_END_TRY:
            f->nh--;
            break;
        case OP_PUSH_ENV: {
            int n = rd16(code + f->pc);
            f->pc += 2;
            f->env = env_new(rt, f->env, n);
            break;
        }
        case OP_POP_ENV:
            f->env = f->env->parent;
            break;
        case OP_COPY_ENV: {
            JsEnv *e = env_new(rt, f->env->parent, f->env->n);
            memcpy(e->v, f->env->v, (size_t)f->env->n * sizeof(JsValue));
            f->env = e;
            break;
        }
        case OP_ITER:
        case OP_FORIN: {
            JsValue v = POP();
            JsObject *rec;
            if (op == OP_FORIN)
                rec = js_iter_of_array(rt, for_in_keys(rt, v));
            else if (js_iter_open(rt, v, false, &rec) < 0)
                goto exception;
            push(f, js_objv(rec));
            break;
        }
        case OP_ITER_NEXT: {
            JsValue x;
            bool done;
            if (js_iter_step(rt, TOP().u.o, &x, &done) < 0)
                goto exception;
            if (done) {
                f->pc = rd32(code + f->pc);
            } else {
                f->pc += 4;
                push(f, x);
            }
            break;
        }
        case OP_ITER_CLOSE:
        case OP_ITER_CLOSE_AT: {
            int k = op == OP_ITER_CLOSE ? 0 : rd16(code + f->pc);
            if (op == OP_ITER_CLOSE_AT)
                f->pc += 2;
            JsObject *rec = PEEK(k).u.o;
            if (op == OP_ITER_CLOSE)
                f->sp--;
            if (js_iter_close(rt, rec) < 0)
                goto exception;
            break;
        }
        case OP_ITER_ASYNC: {
            JsValue v = POP();
            JsObject *rec;
            if (js_iter_open(rt, v, true, &rec) < 0)
                goto exception;
            push(f, js_objv(rec));
            break;
        }
        case OP_ASYNC_NEXT: {
            JsValue p;
            if (js_await_iter_next(rt, TOP().u.o, &p) < 0)
                goto exception;
            push(f, p);
            break;
        }
        case OP_ITER_RESULT: {
            /* [record, result] -> [record, value], or [record] and jump when done */
            JsValue r = POP(), d, v;
            if (r.tag != JV_OBJ) {
                js_throw_error(rt, ERR_TYPE, "Iterator result %s is not an object", r.tag == JV_UNDEF ? "undefined" : js_typeof(r));
                goto exception;
            }
            if (js_get(rt, r, rt->s_done, &d) < 0)
                goto exception;
            if (js_truthy(d)) {
                f->pc = rd32(code + f->pc);
                break;
            }
            if (js_get(rt, r, rt->s_value, &v) < 0)
                goto exception;
            f->pc += 4;
            push(f, v);
            break;
        }
        case OP_ASYNC_CLOSE: {
            int k = rd16(code + f->pc);
            JsValue p;
            bool none;
            if (js_await_iter_close(rt, PEEK(k).u.o, &p, &none) < 0)
                goto exception;
            if (none) {
                f->pc = rd32(code + f->pc + 2);
            } else {
                f->pc += 6;
                push(f, p);
            }
            break;
        }
        case OP_AGEN_SEND: {
            /* [record, received, mode] -> [record, mode, what to await] */
            int mode = (int)POP().u.n;
            JsValue received = POP(), p;
            if (js_agen_send(rt, TOP().u.o, &mode, received, &p) < 0)
                goto exception;
            push(f, js_num(mode));
            push(f, p);
            break;
        }
        case OP_AGEN_RESULT: {
            /* [record, mode, result]: the delegate's value ends yield*,
             * returns (mode return), or is yielded, resuming at the send */
            JsValue r = POP(), d, v;
            int mode = (int)POP().u.n;
            if (mode == 3) {
                f->ret_value = r;
                js_throw(rt, js_vm_return_completion(rt));
                goto exception;
            }
            if (r.tag != JV_OBJ) {
                js_throw_error(rt, ERR_TYPE, "Iterator result %s is not an object", r.tag == JV_UNDEF ? "undefined" : js_typeof(r));
                goto exception;
            }
            if (js_get(rt, r, rt->s_done, &d) < 0 || js_get(rt, r, rt->s_value, &v) < 0)
                goto exception;
            if (js_truthy(d) && mode == GEN_RETURN) {
                /* the delegate returned: so does this generator */
                f->ret_value = v;
                js_throw(rt, js_vm_return_completion(rt));
                goto exception;
            }
            if (js_truthy(d)) {
                f->sp--;
                push(f, v);
                f->pc += 4;
                break;
            }
            f->pc = rd32(code + f->pc);
            f->delegating = true;
            f->result = v;
            frames_pop(rt);
            return EX_YIELD;
        }
        case OP_ITER_CLOSE_THROW: {
            /* [record, exception]: close the iterator (its own errors are
             * dropped), then throw the exception on */
            JsValue e = POP();
            JsObject *rec = POP().u.o;
            if (js_iter_close(rt, rec) < 0 && !rt->limit)
                js_catch(rt);
            if (rt->limit)
                goto exception;
            js_throw(rt, e);
            goto exception;
        }
        case OP_REGEXP: {
            JsObject *t = fn->consts[rd16(code + f->pc)].u.o;
            f->pc += 2;
            push(f, js_objv(js_regexp_new(rt, t->x.re.re, t->x.re.source, t->x.re.flags)));
            break;
        }
        case OP_CHECK_OBJ: {
            JsValue r = POP();
            if (r.tag != JV_OBJ) {
                js_throw_error(rt, ERR_TYPE, "Iterator result %s is not an object", r.tag == JV_UNDEF ? "undefined" : js_typeof(r));
                goto exception;
            }
            break;
        }
        case OP_YIELD_STAR: {
            int mode = (int)POP().u.n;
            JsValue received = POP(), x;
            bool done;
            if (js_iter_resume(rt, TOP().u.o, mode, received, &x, &done) < 0)
                goto exception;
            if (done && mode == GEN_RETURN) {
                /* the delegate returned: so does this generator, through its finally blocks */
                f->ret_value = x;
                js_throw(rt, js_vm_return_completion(rt));
                goto exception;
            }
            if (done) {
                f->sp--;
                push(f, x);
                break;
            }
            f->pc--; /* resume here: the next value goes to the delegate */
            f->delegating = true;
            f->result = x;
            frames_pop(rt);
            return EX_YIELD;
        }
        case OP_TO_ARRAY: {
            int want = rd16(code + f->pc);
            f->pc += 2;
            JsValue v = POP();
            JsObject *items;
            if (v.tag == JV_OBJ && v.u.o->kind == JK_ARRAY) {
                items = v.u.o;
            } else if (want != 0xffff) {
                /* destructuring: take only what the pattern names, then close */
                JsObject *rec;
                if (js_iter_open(rt, v, false, &rec) < 0)
                    goto exception;
                items = js_array_new(rt, 0);
                bool done = false;
                for (int k = 0; k < want && !done; k++) {
                    JsValue x;
                    if (js_iter_step(rt, rec, &x, &done) < 0)
                        goto exception;
                    if (!done)
                        js_array_push(rt, items, x);
                }
                if (!done && js_iter_close(rt, rec) < 0)
                    goto exception;
            } else if (js_vm_iterate_to_array(rt, v, &items) < 0)
                goto exception;
            push(f, js_objv(items));
            break;
        }
        case OP_SLICE_FROM: {
            JsValue k = POP(), a = POP();
            JsObject *src = a.u.o, *r = js_array_new(rt, 0);
            for (size_t i = (size_t)k.u.n; i < src->x.arr.len; i++)
                js_array_push(rt, r, src->x.arr.items[i].tag == JV_HOLE ? JS_UNDEF : src->x.arr.items[i]);
            push(f, js_objv(r));
            break;
        }
        case OP_YIELD:
            f->result = POP();
            frames_pop(rt);
            return EX_YIELD;
        case OP_AWAIT:
            f->await_text = fn->consts[rd16(code + f->pc)].u.s->s;
            f->pc += 2;
            f->result = POP();
            frames_pop(rt);
            return EX_AWAIT;
        case OP_TEMPLATE: {
            int n = rd16(code + f->pc);
            f->pc += 2;
            Buf b;
            buf_init(&b);
            for (int i = 0; i < n; i++) {
                JsString *s;
                if (js_to_string(rt, f->stack[f->sp - n + i], &s) < 0) {
                    buf_free(&b);
                    goto exception;
                }
                buf_putn(&b, s->s, s->len);
            }
            f->sp -= n;
            if (rt->max_items && b.len > rt->max_items) {
                buf_free(&b);
                js_limit(rt, "a string longer than --max-items");
                goto exception;
            }
            push(f, js_strv(js_str(rt, b.s, b.len)));
            buf_free(&b);
            break;
        }
        case OP_ARG: {
            int i = rd16(code + f->pc);
            f->pc += 2;
            push(f, i < f->argc ? f->args[i] : JS_UNDEF);
            break;
        }
        case OP_REST_ARGS: {
            int i = rd16(code + f->pc);
            f->pc += 2;
            JsObject *a = js_array_new(rt, 0);
            for (int k = i; k < f->argc; k++)
                js_array_push(rt, a, f->args[k]);
            push(f, js_objv(a));
            break;
        }
        case OP_ARGUMENTS: {
            JsObject *a = js_array_new(rt, 0);
            for (int k = 0; k < f->argc; k++)
                js_array_push(rt, a, f->args[k]);
            push(f, js_objv(a));
            break;
        }
        case OP_NEW_TARGET:
            push(f, f->new_target);
            break;
        default:
            js_throw_error(rt, ERR_SYNTAX, "internal: bad opcode %d", (int)op);
            goto exception;
        }
        continue;
    exception:
        if (!rt->exc_line)
            rt->exc_line = js_vm_frame_line(f);
        if (!rt->limit && f->nh && js_vm_is_return_completion(rt, rt->exc))
            while (f->nh && !f->h[f->nh - 1].finally)
                f->nh--; /* a generator's return(): only finally blocks run */
        if (rt->limit || f->nh == 0) {
            frames_pop(rt);
            return EX_THROW;
        }
        {
            Handler h = f->h[--f->nh];
            f->sp = h.sp;
            f->env = h.env;
            f->pc = h.pc;
            push(f, js_catch(rt));
        }
    }
}

Frame *js_vm_resume_frame(JsValue handler)
{
    if (handler.tag == JV_OBJ && handler.u.o->kind == JK_NATIVE && handler.u.o->x.nat.fn == resume_fn)
        return handler.u.o->x.nat.ptr;
    return NULL;
}

void js_vm_free(JsRt *rt)
{
    VmState *v = vms(rt);
    if (!v)
        return;
    for (int i = 0; i < v->nasync; i++) {
        xfree(v->async[i]->stack);
        xfree(v->async[i]->h);
        xfree(v->async[i]->args);
        js_agen_free(v->async[i]);
    }
    xfree(v->async);
    xfree(v->stack);
    xfree(v);
    rt->vm = NULL;
}

void js_vm_init(JsRt *rt, const JsVmHooks *h)
{
    hooks = h;
    rt->vm = xcalloc(1, sizeof(VmState));
    rt->call = js_vm_call;
    rt->construct = construct_hook;
    rt->iterate = js_vm_iterate_to_array;
}
