/* compile_int.h: what compile.c, compile_scope.c and compile_expr.c share
 * inside the compiler: the symbol table's types (Sym, Scope), the code unit
 * being built (Unit, its FBlock stack), the compiler state (Comp), and the
 * functions one file defines and another calls. Internal to src/py/front's
 * compiler; everything else uses code.h. */
#ifndef LS_COMPILE_INT_H
#define LS_COMPILE_INT_H

#include "code.h"

#include <stdbool.h>

/* ------------------------------------------------------ symbol table */

enum {
    SYM_ASSIGNED = 1, SYM_PARAM = 2, SYM_GLOBAL = 4, SYM_NONLOCAL = 8,
    SYM_USED = 16, SYM_FREE = 32, SYM_CELL = 64
};

/* A class body (SC_CLASS) keeps its names in a namespace dict (LOAD_NAME);
 * functions nested in it do not see them, except the __class__ cell that
 * zero-argument super() reads. */
typedef enum { SC_MODULE, SC_FUNC, SC_COMP, SC_CLASS } ScopeKind;

typedef struct Sym {
    const char *name;
    int flags;
    int slot;   /* fast-local slot (parameters always have one), or -1 */
    int cslot;  /* cell slot: cells first, then frees; or -1 */
    const Node *decl; /* its first global or nonlocal statement, or NULL */
} Sym;

typedef struct Scope {
    ScopeKind kind;
    const Node *node;
    struct Scope *parent;
    Sym *syms;
    int nsyms, cap;
    bool is_async, is_gen;
    char *qualname;
    struct Scope *next_all; /* every scope, for freeing */
} Scope;

typedef struct ScopeMap {
    const Node **keys;
    Scope **vals;
    size_t cap, n;
} ScopeMap;

typedef struct Comp Comp;

/* ---------------------------------------------------------- codegen */

typedef enum {
    FB_WHILE, FB_FOR, FB_TRY_EXCEPT, FB_TRY_FINALLY, FB_HANDLER, FB_FINALLY_HANDLER, FB_WITH, FB_STAR_HANDLER
} FBKind;

typedef struct FBlock {
    FBKind kind;
    int cont, brk;          /* labels for loops */
    const NodeList *finalbody;
    const Node *with;       /* FB_WITH: the with statement (its line, F_ASYNC) */
} FBlock;

typedef struct Unit {
    Scope *sc;
    uint32_t *ops;
    int *lines;
    int n, cap;
    Obj *consts, *names;    /* lists while building */
    int *labels;
    int nlabels, caplabels;
    FBlock fb[256];
    int nfb;
    int line;
} Unit;

struct Comp {
    const Source *src;
    LangError *err;
    const ModuleSpec *const *modules;
    int flags;
    bool failed;
    Scope *all_scopes;
    ScopeMap map;
    Unit *u;
    int depth;
    Buf *warnings;          /* compile-time warnings ("LINE\0MESSAGE\0"), or NULL */
};

#define FAIL(c, n, ...) fail_at((c), (n) ? (n)->line : 0, (n) ? (n)->col : 0, __VA_ARGS__)

/* How name_op uses a name. */
typedef enum { ACC_LOAD, ACC_STORE, ACC_DELETE } Access;

/* ---- defined in one compiler file, called from another ---- */

void fail_at(Comp *c, int line, int col, const char *fmt, ...) LS_PRINTF(4, 5);
Scope *map_get(ScopeMap *m, const Node *k);
Sym *sym_find(Scope *sc, const char *name);
Scope *scope_new(Comp *c, ScopeKind kind, const Node *n, Scope *parent, const char *name);
void sym_stmts(Comp *c, Scope *sc, const NodeList *l);
void sym_resolve(Comp *c);
void emit(Comp *c, int op, int arg);
int label_new(Comp *c);
void label_here(Comp *c, int l);
int name_add(Comp *c, const char *name);
int mangled_add(Comp *c, const char *name);
void emit_const(Comp *c, Obj *v);
void set_line(Comp *c, const Node *n);
void unsupported(Comp *c, const Node *n, const char *what);
void name_op(Comp *c, const char *name, Access acc, const Node *at);
bool in_async_function(Comp *c);
bool in_list(const char *const *l, const char *s);
const ModuleSpec *module_find(Comp *c, const char *name);
bool module_typo(const ModuleSpec *m, const char *name);
const ModuleSpec *module_of_name(Comp *c, const char *name);
void make_function(Comp *c, const NodeList *params, Scope *sc, CodeObj *code);
void unit_push(Unit *u, Scope *sc);
void assign_slots(Scope *sc, const NodeList *params, int *argcount, int *kwonly, int *flags);
void emit_loop_next(Comp *c, bool is_async, int end);
void expr(Comp *c, const Node *n);
void store_target(Comp *c, const Node *t);
CodeObj *unit_finish(Comp *c, const char *name, int argcount, int kwonly, int flags, int firstline);

#endif
