/* js_callsite.c: the receivers of `.then(...)` and `.catch(...)` call
 * sites, by code position. Owns: the receiver's source words for a call
 * whose receiver is a plain name, `this`, or a chain of names ("p",
 * "this.ready", "jobs.first"), recorded by the compiler at the position
 * just past the call instruction, and found again from a frame's pc while
 * the call runs (the promise's then() asks through the loop, which names
 * the promise on its callback's card). Leaves compiling to js_compile.c
 * and the wording to loop/js_narrate.c. */
#include "code.h"

#include <string.h>

/* The receiver's words into b; false when it is not a name chain. */
static bool recv_words(const Node *n, Buf *b)
{
    if (!n)
        return false;
    if (n->kind == N_IDENT && n->str) {
        buf_puts(b, n->str);
        return true;
    }
    if (n->kind == N_THIS) {
        buf_puts(b, "this");
        return true;
    }
    if (n->kind == N_MEMBER && n->str && recv_words(n->a, b)) {
        buf_putc(b, '.');
        buf_puts(b, n->str);
        return true;
    }
    return false;
}

void js_callsite_note(JsFunc *f, size_t pc, const char *method, const Node *recv)
{
    if (!method || (strcmp(method, "then") && strcmp(method, "catch")))
        return;
    Buf b;
    buf_init(&b);
    if (recv_words(recv, &b) && b.len <= 40) {
        if (f->nrecv == f->caprecv) {
            f->caprecv = f->caprecv ? f->caprecv * 2 : 4;
            f->recv = xrealloc(f->recv, (size_t)f->caprecv * sizeof *f->recv);
        }
        f->recv[f->nrecv].pc = pc;
        f->recv[f->nrecv].text = xstrdup(b.s);
        f->nrecv++;
    }
    buf_free(&b);
}

const char *js_callsite_recv(const JsFunc *f, size_t pc)
{
    for (int i = 0; f && i < f->nrecv; i++)
        if (f->recv[i].pc == pc)
            return f->recv[i].text;
    return NULL;
}

void js_callsite_free(JsFunc *f)
{
    for (int i = 0; i < f->nrecv; i++)
        xfree(f->recv[i].text);
    xfree(f->recv);
    f->recv = NULL;
    f->nrecv = f->caprecv = 0;
}
