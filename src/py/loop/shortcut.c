/* shortcut.c: the prelude's coroutine functions whose call, awaited at
 * once, runs in C with no coroutine made: `await asyncio.sleep(d)`,
 * `await q.get()`, `await q.put(x)`, the hops a busy program makes most.
 * Owns registering them with the VM's await shortcut
 * (vm_set_await_shortcut) and what the function's frame would have added
 * to an exception leaving it: the traceback entry ("in sleep", at its
 * call or its await) and the locals CPython's traceback keeps alive. The
 * awaitables are sleep.c's and sync.c's; a call that is not awaited at
 * once, or one with keywords, still runs the prelude's function. */
#include "model.h"

bool shortcut_bind(Shortcut *sc, Obj *fn, CFunc fast)
{
    sc->fn = NULL;
    if (!fn || !IS(fn, FuncClass))
        return false;
    const CodeObj *code = ((FuncObj *)fn)->code;
    sc->call_line = sc->await_line = 0;
    for (int i = 0; i < code->nops; i++) {
        int op = OPCODE(code->ops[i]);
        if (op == I_CALL && !sc->call_line)
            sc->call_line = code->lines[i];
        else if (op == I_AWAIT && !sc->await_line)
            sc->await_line = code->lines[i];
    }
    if (!vm_set_await_shortcut(fn, fast))
        return false;
    sc->fn = (FuncObj *)fn;
    return true;
}

void shortcut_left(const Shortcut *sc, bool at_await, Obj *const *locals, int n)
{
    Obj *exc = err_fetch();
    if (!exc)
        return;
    const CodeObj *code = sc->fn->code;
    exc_add_tb(exc, code->src, at_await ? sc->await_line : sc->call_line, code->name);
    ExcObj *e = (ExcObj *)exc;
    for (int i = 0; i < n; i++) {
        if (!locals[i])
            continue;
        if (!e->frame_locals)
            e->frame_locals = list_new(4);
        list_append(e->frame_locals, locals[i]);
    }
    err_set(exc);
}

void shortcut_reset(void)
{
    vm_set_await_shortcut(NULL, NULL);
}
