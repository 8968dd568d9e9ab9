/* check_with.c: with, async with, and async generators driving them,
 * run on the bare VM (no event loop).
 * Owns: the with suite. User classes are not part of this branch, so the
 * rows use a test-only C class, Ctx(**methods): its attributes are the
 * callables given by keyword (called without self), found through
 * Class.getattr like any C class's. Each row's expectation is what CPython
 * 3.11.7 printed for the same code with
 *     def Ctx(**kw):
 *         return type("Ctx", (), {k: staticmethod(v) for k, v in kw.items()})()
 * and, when the code defines main(), main().send(None) run to its end (the
 * coroutines never suspend). An uncaught exception adds "!Type: message".
 * CPython passes a traceback object as __exit__'s third argument where
 * loopscope passes None; the rows do not print it. */
#include "suites.h"

#include "../src/py/front/code.h"
#include "../src/py/front/parse.h"
#include "../src/py/vm/vm.h"

#include <stdlib.h>
#include <string.h>

typedef struct CtxObj { Obj hdr; Obj *methods; } CtxObj;

static void ctx_dealloc(Obj *o) { XDECREF(((CtxObj *)o)->methods); }

static Obj *ctx_ctor(Obj *self, Obj **args, int nargs, Obj *kwnames);

static Obj *ctx_getattr(Obj *o, Obj *name)
{
    Obj *v = dict_get(((CtxObj *)o)->methods, name);
    if (!v)
        return err_null(&AttributeErrorClass, "'Ctx' object has no attribute '%s'", STR_S(name));
    INCREF(v);
    return v;
}

static Class CtxClass = {.name = "Ctx", .kind = K_OTHER, .base = &ObjectClass, .size = sizeof(CtxObj),
                         .dealloc = ctx_dealloc, .ctor = ctx_ctor, .getattr = ctx_getattr};

static Obj *ctx_ctor(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    CtxObj *c = (CtxObj *)obj_alloc(&CtxClass, sizeof(CtxObj));
    c->methods = dict_new();
    for (int i = 0; kwnames && i < (int)TUP_N(kwnames); i++)
        dict_set(c->methods, TUP_ITEMS(kwnames)[i], args[nargs + i]);
    return &c->hdr;
}

static Buf printed;

static void on_print(void *ud, const char *text, size_t len)
{
    (void)ud;
    buf_putn(&printed, text, len);
}

static void put_exception(void)
{
    Obj *e = err_fetch();
    Buf msg;
    buf_init(&msg);
    obj_str(e, &msg);
    buf_printf(&printed, "!%s%s%s\n", e->cls->name, msg.len ? ": " : "", msg.len ? msg.s : "");
    buf_free(&msg);
    DECREF(e);
}

/* Run code on a fresh VM; return what it printed (caller frees). */
static char *run(const char *code)
{
    static const ModuleSpec *const no_modules[] = {NULL};
    buf_init(&printed);
    VMHooks hooks = {.print = on_print};
    vm_init(&hooks, NULL);
    class_init(&CtxClass);
    dict_set_c(vm_builtins(), "Ctx", &CtxClass.hdr);
    Source *src = source_from_string("<test>", code, strlen(code));
    Arena *arena = arena_new();
    LangError err = {0};
    Node *tree = parse_module(src, arena, &err);
    CodeObj *co = tree ? compile_module(tree, src, no_modules, 0, &err) : NULL;
    arena_free(arena);
    ck_assert_msg(co, "load error %d:%d %s", err.line, err.col, err.msg);
    Obj *globals = dict_new();
    Obj *r = vm_run_module(co, globals);
    DECREF(co);
    Obj *main_fn = r ? dict_get_c(globals, "main") : NULL;
    if (!r) {
        put_exception();
    } else if (main_fn) {
        Obj *coro = vm_call0(main_fn);
        ck_assert_ptr_nonnull(coro);
        Obj *out = NULL;
        GenResult g = gen_send(coro, None, &out);
        if (g == GEN_RAISED)
            put_exception();
        else
            ck_assert_msg(g == GEN_RETURNED, "main() suspended");
        XDECREF(out);
        DECREF(coro);
    }
    XDECREF(r);
    DECREF(globals);
    vm_shutdown();
    source_free(src);
    char *text = strdup(printed.s);
    buf_free(&printed);
    return text;
}

typedef struct WithCase {
    const char *name, *code, *want;
} WithCase;

static const WithCase cases[] = {
    {"basic",
     "def enter():\n"
     "    print(\"enter\")\n"
     "    return 42\n"
     "def exit(t, v, tb):\n"
     "    print(\"exit\", t, v)\n"
     "with Ctx(__enter__=enter, __exit__=exit) as x:\n"
     "    print(\"body\", x)\n"
     "print(\"after\")\n",
     "enter\n"
     "body 42\n"
     "exit None None\n"
     "after\n"},
    {"suppress",
     "def enter():\n"
     "    return None\n"
     "def swallow(t, v, tb):\n"
     "    print(\"exit\", t.__name__, v)\n"
     "    return True\n"
     "def keep(t, v, tb):\n"
     "    print(\"exit\", t.__name__, v)\n"
     "with Ctx(__enter__=enter, __exit__=swallow):\n"
     "    raise ValueError(\"quiet\")\n"
     "print(\"suppressed\")\n"
     "try:\n"
     "    with Ctx(__enter__=enter, __exit__=keep):\n"
     "        {}[\"k\"]\n"
     "except KeyError as e:\n"
     "    print(\"caught\", repr(e))\n"
     "with Ctx(__enter__=enter, __exit__=keep):\n"
     "    raise ZeroDivisionError(\"loud\")\n",
     "exit ValueError quiet\n"
     "suppressed\n"
     "exit KeyError 'k'\n"
     "caught KeyError('k')\n"
     "exit ZeroDivisionError loud\n"
     "!ZeroDivisionError: loud\n"},
    {"unwind",
     "def enter():\n"
     "    print(\"enter\")\n"
     "def exit(t, v, tb):\n"
     "    print(\"exit\", t)\n"
     "def f():\n"
     "    with Ctx(__enter__=enter, __exit__=exit):\n"
     "        return \"ret\"\n"
     "print(f())\n"
     "for i in range(3):\n"
     "    with Ctx(__enter__=enter, __exit__=exit):\n"
     "        if i == 0:\n"
     "            continue\n"
     "        if i == 1:\n"
     "            break\n"
     "    print(\"unreached\")\n"
     "print(\"i\", i)\n"
     "def g():\n"
     "    try:\n"
     "        with Ctx(__enter__=enter, __exit__=exit):\n"
     "            try:\n"
     "                return 1\n"
     "            finally:\n"
     "                print(\"inner finally\")\n"
     "    finally:\n"
     "        print(\"outer finally\")\n"
     "print(g())\n",
     "enter\n"
     "exit None\n"
     "ret\n"
     "enter\n"
     "exit None\n"
     "enter\n"
     "exit None\n"
     "i 1\n"
     "enter\n"
     "inner finally\n"
     "exit None\n"
     "outer finally\n"
     "1\n"},
    {"multi",
     "def mk(name, fail=False):\n"
     "    def enter():\n"
     "        print(\"enter\", name)\n"
     "        if fail:\n"
     "            raise RuntimeError(name)\n"
     "        return name\n"
     "    def exit(t, v, tb):\n"
     "        print(\"exit\", name, t)\n"
     "    return Ctx(__enter__=enter, __exit__=exit)\n"
     "with mk(\"a\") as x, mk(\"b\") as y:\n"
     "    print(\"body\", x, y)\n"
     "with mk(\"xy\") as (p, q):\n"
     "    print(p, q)\n"
     "try:\n"
     "    with mk(\"d\"), mk(\"e\", True), mk(\"f\"):\n"
     "        print(\"unreached\")\n"
     "except RuntimeError as e:\n"
     "    print(\"caught\", e)\n",
     "enter a\n"
     "enter b\n"
     "body a b\n"
     "exit b None\n"
     "exit a None\n"
     "enter xy\n"
     "x y\n"
     "exit xy None\n"
     "enter d\n"
     "enter e\n"
     "exit d <class 'RuntimeError'>\n"
     "caught e\n"},
    {"protocol_errors",
     "def enter():\n"
     "    return 1\n"
     "try:\n"
     "    with 5:\n"
     "        pass\n"
     "except TypeError as e:\n"
     "    print(e)\n"
     "try:\n"
     "    with Ctx(__enter__=enter):\n"
     "        pass\n"
     "except TypeError as e:\n"
     "    print(e)\n"
     "try:\n"
     "    with Ctx(__exit__=enter):\n"
     "        pass\n"
     "except TypeError as e:\n"
     "    print(e)\n"
     "def boom(t, v, tb):\n"
     "    raise ValueError(\"from exit\")\n"
     "def enter_fail():\n"
     "    raise KeyError(\"enter\")\n"
     "def exit_print(t, v, tb):\n"
     "    print(\"exit must not run\")\n"
     "try:\n"
     "    with Ctx(__enter__=enter_fail, __exit__=exit_print):\n"
     "        pass\n"
     "except KeyError as e:\n"
     "    print(\"enter failed\", e)\n"
     "try:\n"
     "    with Ctx(__enter__=enter, __exit__=boom):\n"
     "        raise IndexError(\"body\")\n"
     "except ValueError as e:\n"
     "    print(\"replaced\", e, repr(e.__context__))\n"
     "with Ctx(__enter__=enter, __exit__=boom):\n"
     "    pass\n",
     "'int' object does not support the context manager protocol\n"
     "'Ctx' object does not support the context manager protocol (missed __exit__ method)\n"
     "'Ctx' object does not support the context manager protocol\n"
     "enter failed 'enter'\n"
     "replaced from exit IndexError('body')\n"
     "!ValueError: from exit\n"},
    {"async_with",
     "async def aenter():\n"
     "    print(\"aenter\")\n"
     "    return \"res\"\n"
     "async def aexit(t, v, tb):\n"
     "    print(\"aexit\", t)\n"
     "    return t is KeyError\n"
     "async def use():\n"
     "    async with Ctx(__aenter__=aenter, __aexit__=aexit) as r:\n"
     "        print(\"body\", r)\n"
     "    async with Ctx(__aenter__=aenter, __aexit__=aexit):\n"
     "        raise KeyError(\"swallowed\")\n"
     "    try:\n"
     "        async with Ctx(__aenter__=aenter, __aexit__=aexit):\n"
     "            raise ValueError(\"kept\")\n"
     "    except ValueError as e:\n"
     "        print(\"caught\", e)\n"
     "    for i in range(2):\n"
     "        async with Ctx(__aenter__=aenter, __aexit__=aexit):\n"
     "            if i == 0:\n"
     "                continue\n"
     "            return i\n"
     "async def main():\n"
     "    print(await use())\n",
     "aenter\n"
     "body res\n"
     "aexit None\n"
     "aenter\n"
     "aexit <class 'KeyError'>\n"
     "aenter\n"
     "aexit <class 'ValueError'>\n"
     "caught kept\n"
     "aenter\n"
     "aexit None\n"
     "aenter\n"
     "aexit None\n"
     "1\n"},
    {"async_with_errors",
     "async def aenter():\n"
     "    return 1\n"
     "def sync_enter():\n"
     "    return 1\n"
     "async def t1():\n"
     "    async with 5:\n"
     "        pass\n"
     "async def t2():\n"
     "    async with Ctx(__aenter__=aenter):\n"
     "        pass\n"
     "async def t3():\n"
     "    async with Ctx(__aenter__=sync_enter, __aexit__=aenter):\n"
     "        pass\n"
     "def sync_exit(t, v, tb):\n"
     "    return 1\n"
     "async def t4():\n"
     "    async with Ctx(__aenter__=aenter, __aexit__=sync_exit):\n"
     "        pass\n"
     "async def t5():\n"
     "    async with Ctx(__enter__=sync_enter, __exit__=sync_enter):\n"
     "        pass\n"
     "async def main():\n"
     "    for t in (t1, t2, t3, t4, t5):\n"
     "        try:\n"
     "            await t()\n"
     "        except TypeError as e:\n"
     "            print(e)\n",
     "'int' object does not support the asynchronous context manager protocol\n"
     "'Ctx' object does not support the asynchronous context manager protocol (missed __aexit__ method)\n"
     "'async with' received an object from __aenter__ that does not implement __await__: int\n"
     "'async with' received an object from __aexit__ that does not implement __await__: int\n"
     "'Ctx' object does not support the asynchronous context manager protocol\n"},
    {"with_in_agen",
     "def enter():\n"
     "    print(\"enter\")\n"
     "def exit(t, v, tb):\n"
     "    print(\"exit\", t)\n"
     "async def agen():\n"
     "    with Ctx(__enter__=enter, __exit__=exit):\n"
     "        yield 1\n"
     "        yield 2\n"
     "async def main():\n"
     "    g = agen()\n"
     "    print(await g.__anext__())\n"
     "    await g.aclose()\n"
     "    print(\"closed\")\n",
     "enter\n"
     "1\n"
     "exit <class 'GeneratorExit'>\n"
     "closed\n"},
};

START_TEST(test_with)
{
    const WithCase *c = &cases[_i];
    char *got = run(c->code);
    ck_assert_msg(strcmp(got, c->want) == 0, "%s:\n--- got\n%s--- want\n%s", c->name, got, c->want);
    free(got);
}
END_TEST

Suite *with_suite(void)
{
    Suite *s = suite_create("with");
    TCase *tc = tcase_create("cpython");
    tcase_add_loop_test(tc, test_with, 0, (int)(sizeof cases / sizeof cases[0]));
    suite_add_tcase(s, tc);
    return s;
}
