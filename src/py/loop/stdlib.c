/* stdlib.c: the standard-library modules written in the scenario language
 * (src/py/lib/NAME.py, embedded by scripts/embed_lib.sh). Owns the list of
 * importable modules the compiler checks imports against (the C modules of
 * asyncio.c, executor.c and functools.c, then these), loading a library
 * module the first time a scenario imports it, and linking a dotted module
 * to its package (`import concurrent.futures` binds `concurrent`). What each
 * module does is in its .py file; the C modules are built elsewhere. */
#include "../py.h"

#include "model.h"

#include "../front/code.h"
#include "../front/parse.h"
#include "../front/pyver.h"
#include "../objects/klass.h"
#include "../objects/methods.h"
#include "../vm/builtins.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

extern const char *const lib_names[];
extern const char *const lib_sources[];
extern const char *const *const lib_exports[];

#define MAX_SPECS 96

static ModuleSpec specs[MAX_SPECS];
static const ModuleSpec *all_specs[MAX_SPECS + 1];
static Source *lib_src[MAX_SPECS]; /* parsed once; code refers to them for the program's life */

const ModuleSpec *const *stdlib_specs(const ModuleSpec *const *builtin)
{
    if (all_specs[0])
        return all_specs;
    size_t n = 0;
    for (; builtin && builtin[n] && n < MAX_SPECS; n++) {
        specs[n] = *builtin[n];
        specs[n].cpython = cpython_names(specs[n].name);
    }
    for (size_t i = 0; lib_names[i] && n < MAX_SPECS; i++, n++)
        specs[n] = (ModuleSpec){lib_names[i], lib_exports[i], cpython_names(lib_names[i]), true};
    for (size_t i = 0; i < n; i++)
        all_specs[i] = &specs[i];
    all_specs[n] = NULL;
    return all_specs;
}

static int lib_index(const char *name)
{
    for (int i = 0; lib_names[i]; i++)
        if (strcmp(lib_names[i], name) == 0)
            return i;
    return -1;
}

/* A name some module lives under ("concurrent" for concurrent.futures). */
static bool is_package(const char *name)
{
    size_t n = strlen(name);
    for (size_t i = 0; all_specs[i]; i++)
        if (strncmp(all_specs[i]->name, name, n) == 0 && all_specs[i]->name[n] == '.')
            return true;
    return false;
}

static Obj *import_c(const char *name)
{
    Obj *key = str_from(name);
    Obj *m = stdlib_import(NULL, key);
    DECREF(key);
    return m;
}

void stdlib_add_module(Obj *module)
{
    vm_add_module(module);
    const char *name = STR_S(((ModuleObj *)module)->name);
    const char *dot = strrchr(name, '.');
    if (!dot)
        return;
    char *parent = xstrndup(name, (size_t)(dot - name));
    Obj *p = import_c(parent);
    xfree(parent);
    if (!p) {
        err_clear();
        return;
    }
    dict_set_c(((ModuleObj *)p)->dict, dot + 1, module);
    DECREF(p);
}

/* _new_class(name, base, namespace): a class made at run time, for the
 * library's class factories (collections.namedtuple, dataclasses.make_dataclass)
 * that the scenario language's class statement cannot name. */
static Obj *p_new_class(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)self;
    if (!vm_check_nargs("_new_class", nargs, kw, 3, 3))
        return NULL;
    if (!IS(args[0], StrClass) || !IS(args[2], DictClass))
        return err_null(&TypeErrorClass, "_new_class(name: str, base, namespace: dict)");
    return klass_new(args[0], args[0], args[1] == None ? NULL : args[1], args[2]);
}

static const Source *scenario;

void stdlib_set_scenario(const Source *src) { scenario = src; }

/* One directive token: [*i, end) after skipping spaces; false at the end. */
static bool next_token(const char *line, size_t len, size_t *i, size_t *start, size_t *end)
{
    while (*i < len && (line[*i] == ' ' || line[*i] == '\t'))
        (*i)++;
    if (*i >= len)
        return false;
    *start = *i;
    while (*i < len && line[*i] != ' ' && line[*i] != '\t')
        (*i)++;
    *end = *i;
    return true;
}

static bool latency_ok(const char *t, size_t n)
{
    char buf[64];
    if (n >= 2 && t[n - 2] == 'm' && t[n - 1] == 's')
        n -= 2;
    else if (n >= 1 && t[n - 1] == 's')
        n -= 1;
    if (n == 0 || n >= sizeof buf)
        return false;
    memcpy(buf, t, n);
    buf[n] = '\0';
    char *stop;
    double v = strtod(buf, &stop);
    return *stop == '\0' && v >= 0 && v < 1e12;
}

static bool directive_fail(LangError *err, int line, size_t col, const char *msg)
{
    err->line = line;
    err->col = (int)col + 1;
    snprintf(err->msg, sizeof err->msg, "%s", msg);
    return false;
}

bool stdlib_check_directives(const Source *src, LangError *err)
{
    static const char tag[] = "# loopscope:";
    static const char *const methods[] = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "*", NULL};
    size_t len;
    const char *line;
    for (int n = 1; (line = source_line(src, n, &len)); n++) {
        size_t i = 0, a, b;
        while (i < len && (line[i] == ' ' || line[i] == '\t'))
            i++;
        if (len - i < sizeof tag - 1 || memcmp(line + i, tag, sizeof tag - 1) != 0)
            continue;
        i += sizeof tag - 1;
        if (!next_token(line, len, &i, &a, &b))
            continue;
        bool net = b - a == 3 && memcmp(line + a, "net", 3) == 0;
        bool file = b - a == 4 && memcmp(line + a, "file", 4) == 0;
        if (!net && !file)
            continue; /* another feature's directive */
        if (file) {
            if (!next_token(line, len, &i, &a, &b))
                return directive_fail(err, n, i, "a file directive needs a path: # loopscope: file PATH CONTENT");
            continue;
        }
        if (!next_token(line, len, &i, &a, &b))
            return directive_fail(err, n, i, "a net directive needs a URL and a latency: "
                                             "# loopscope: net [METHOD] URL LATENCY [STATUS] [BODY]");
        bool method = false;
        for (const char *const *m = methods; *m; m++)
            if (strlen(*m) == b - a && strncasecmp(*m, line + a, b - a) == 0)
                method = true;
        if (method && !next_token(line, len, &i, &a, &b))
            return directive_fail(err, n, i, "a net directive needs a URL after the method");
        if (!next_token(line, len, &i, &a, &b))
            return directive_fail(err, n, i, "a net directive needs a latency after the URL (0.3s, 300ms or 0.3)");
        if (!latency_ok(line + a, b - a))
            return directive_fail(err, n, a, "bad latency in a net directive (expected seconds: 0.3s, 300ms or 0.3)");
    }
    return true;
}

/* _directives(): the scenario's `# loopscope: ...` comment lines, the text
 * after the colon, in order (the simulated network and files read them) */
static Obj *p_directives(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)self;
    (void)args;
    if (!vm_check_nargs("_directives", nargs, kw, 0, 0))
        return NULL;
    Obj *out = list_new(4);
    static const char tag[] = "# loopscope:";
    size_t len;
    const char *line;
    for (int n = 1; scenario && (line = source_line(scenario, n, &len)); n++) {
        size_t i = 0;
        while (i < len && (line[i] == ' ' || line[i] == '\t'))
            i++;
        if (len - i < sizeof tag - 1 || memcmp(line + i, tag, sizeof tag - 1) != 0)
            continue;
        i += sizeof tag - 1;
        while (i < len && line[i] == ' ')
            i++;
        Obj *s = str_new(line + i, len - i);
        list_append(out, s);
        DECREF(s);
    }
    return out;
}

/* _code_flags(f): the code flags of a function (inspect's tests) */
static Obj *p_code_flags(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)self;
    if (!vm_check_nargs("_code_flags", nargs, kw, 1, 1))
        return NULL;
    return int_new(asyncio_code_flags(args[0]));
}

/* _class_dict(cls): a copy of a class's own namespace, in definition order
 * (what cls.__dict__ shows in CPython; enum and dataclasses read it) */
static Obj *p_class_dict(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)self;
    if (!vm_check_nargs("_class_dict", nargs, kw, 1, 1))
        return NULL;
    Obj *d = dict_new();
    if (IS(args[0], ClassClass) && ((Class *)args[0])->heap && ((Class *)args[0])->dict &&
        dict_update(d, ((Class *)args[0])->dict) < 0) {
        DECREF(d);
        return NULL;
    }
    return d;
}

/* _stderr(text): text written to standard error, one recorded line each */
static Obj *p_stderr(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)self;
    if (!vm_check_nargs("_stderr", nargs, kw, 1, 1))
        return NULL;
    if (!IS(args[0], StrClass))
        return err_null(&TypeErrorClass, "write() argument must be str, not %s", obj_type_name(args[0]));
    const char *s = STR_S(args[0]);
    size_t n = STR_LEN(args[0]);
    while (n) {
        const char *nl = memchr(s, '\n', n);
        size_t len = nl ? (size_t)(nl - s) : n;
        char *line = xstrndup(s, len);
        narr_stderr(line);
        xfree(line);
        if (!nl)
            break;
        s = nl + 1;
        n -= len + 1;
    }
    if (!narr_check_room())
        return NULL;
    return none_new();
}

/* _set_names(func, name, qualname): functools.wraps on a function (its
 * coroutines and tracebacks then carry the wrapped function's names) */
static Obj *p_set_names(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)self;
    if (!vm_check_nargs("_set_names", nargs, kw, 3, 3))
        return NULL;
    if (IS(args[0], FuncClass) && IS(args[1], StrClass) && IS(args[2], StrClass)) {
        FuncObj *f = (FuncObj *)args[0];
        INCREF(args[1]);
        SETREF(f->name, args[1]);
        INCREF(args[2]);
        SETREF(f->qualname, args[2]);
    }
    return none_new();
}

/* _wait_label(future, text): what a task waiting on future waits for, as
 * the viewer's WAITING column shows it (asyncio's own _set_label) */
static Obj *p_wait_label(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)self;
    Obj *asyncio = dict_get_c(vm_modules(), "asyncio");
    Obj *set = asyncio ? dict_get_c(((ModuleObj *)asyncio)->dict, "_set_label") : NULL;
    if (!set)
        return none_new();
    return vm_call(set, args, nargs, kw);
}

/* _format_tb(exc): the traceback text loopscope writes for an uncaught
 * exc (its chain, its frames from where it was caught down to where it was
 * raised, and its last line), for the traceback module */
static Obj *p_format_tb(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)self;
    if (!vm_check_nargs("_format_tb", nargs, kw, 1, 1))
        return NULL;
    if (!IS(args[0], BaseExceptionClass) && !class_is_sub(CLS(args[0]), &BaseExceptionClass))
        return err_null(&TypeErrorClass, "_format_tb(exception)");
    char *text = NULL;
    size_t size = 0;
    FILE *mem = open_memstream(&text, &size);
    if (!mem)
        return err_null(&MemoryErrorClass, "out of memory");
    vm_print_traceback(args[0], mem);
    fclose(mem);
    Obj *r = str_new(text, size);
    free(text); /* open_memstream's, from libc */
    return r;
}

/* _warn(text): a `warn` trace line (warnings.warn) */
static Obj *p_warn(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)self;
    if (!vm_check_nargs("_warn", nargs, kw, 1, 1))
        return NULL;
    if (!IS(args[0], StrClass))
        return err_null(&TypeErrorClass, "_warn(str)");
    narr_warn(STR_S(args[0]), "warnings.warn: a warning is shown (on standard error in CPython) and the program goes on");
    if (!narr_check_room())
        return NULL;
    return none_new();
}

/* _pyver(): (3, minor, micro) of the CPython version the run follows
 * (front/pyver.c), for sys.version_info */
static Obj *p_pyver(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)self;
    (void)args;
    if (!vm_check_nargs("_pyver", nargs, kw, 0, 0))
        return NULL;
    Obj *a = int_new(3), *b = int_new(pyver_minor()), *c = int_new(pyver_micro(pyver_minor()));
    Obj *t = tuple_pack(3, a, b, c);
    DECREF(a);
    DECREF(b);
    DECREF(c);
    return t;
}

void stdlib_add_prims(Obj *module_dict, const LibPrim *prims, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        Obj *b = builtin_new(prims[k].name, prims[k].fn, NULL);
        dict_set_c(module_dict, prims[k].name, b);
        DECREF(b);
    }
}

static Obj *run_library(int i, Obj *m)
{
    static const LibPrim prims[] = {
        {"_new_class", p_new_class}, {"_code_flags", p_code_flags}, {"_directives", p_directives},
        {"_class_dict", p_class_dict}, {"_stderr", p_stderr},
        {"_set_names", p_set_names}, {"_wait_label", p_wait_label},
        {"_warn", p_warn}, {"_format_tb", p_format_tb}, {"_pyver", p_pyver},
    };
    stdlib_add_prims(((ModuleObj *)m)->dict, prims, sizeof prims / sizeof prims[0]);
    context_add_prims(((ModuleObj *)m)->dict);
    if (strcmp(lib_names[i], "math") == 0)
        mathmod_add_prims(((ModuleObj *)m)->dict);
    if (!lib_src[i]) {
        char path[96];
        snprintf(path, sizeof path, "<%s>", lib_names[i]);
        lib_src[i] = source_from_string(path, lib_sources[i], strlen(lib_sources[i]));
    }
    LangError err = {0};
    Arena *arena = arena_new();
    Node *tree = parse_module(lib_src[i], arena, &err);
    CodeObj *code = tree ? compile_module(tree, lib_src[i], all_specs, CO_LIBRARY, &err) : NULL;
    arena_free(arena);
    if (!code) {
        source_print_error(stderr, lib_src[i], &err);
        die("the built-in module %s does not compile", lib_names[i]);
    }
    Obj *r = vm_run_module(code, ((ModuleObj *)m)->dict);
    DECREF(code);
    return r;
}

Obj *stdlib_import(void *ud, Obj *name)
{
    (void)ud;
    Obj *have = dict_get_c(vm_modules(), STR_S(name));
    if (have) {
        INCREF(have);
        return have;
    }
    int i = lib_index(STR_S(name));
    if (i < 0 && !is_package(STR_S(name))) {
        /* a module CPython has no more than loopscope (the compiler refused
         * the standard library's): CPython's error, naming the top package
         * unless that one exists (aiohttp.web: aiohttp is a module here) */
        const char *s = STR_S(name);
        int top = (int)strcspn(s, ".");
        char head[64];
        snprintf(head, sizeof head, "%.*s", top, s);
        if (lib_index(head) >= 0 && !is_package(head))
            return err_null(&ModuleNotFoundErrorClass, "No module named '%s'; '%s' is not a package", s, head);
        if (is_package(head))
            top = (int)strlen(s);
        return err_null(&ModuleNotFoundErrorClass, "No module named '%.*s'", top, s);
    }
    Obj *m = module_new(STR_S(name));
    dict_set_c(((ModuleObj *)m)->dict, "__name__", ((ModuleObj *)m)->name);
    stdlib_add_module(m); /* first: modules that import each other find it */
    if (i >= 0) {
        Obj *r = run_library(i, m);
        if (!r) {
            dict_del(vm_modules(), name);
            DECREF(m);
            return NULL;
        }
        DECREF(r);
    }
    return m;
}
