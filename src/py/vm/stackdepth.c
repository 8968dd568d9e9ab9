/* stackdepth.c: the deepest value stack a code object needs. See
 * stackdepth.h.
 * Each instruction's depth on entry is found by walking the bytecode from
 * the first instruction along every edge (fall-through, jump, exception
 * handler), revisiting an instruction only when it is reached deeper; the
 * answer is the deepest point passed. The effects below mirror vm_eval.c's
 * cases: a mistake there only moves a stack (vm.c learns from the growth)
 * or wastes slots, never corrupts one. */
#include "stackdepth.h"

#include "../front/code.h"
#include "../../base/base.h"

/* Depths beyond this are not followed: such a frame's stack grows when it
 * gets there (a literal of thousands of items, in module code). */
enum { DEPTH_CAP = 1024 };

typedef struct Walk {
    int *depth; /* per instruction: the depth on entry, -1 not reached */
    int *todo, ntodo;  /* instructions to walk from, each at most once */
    bool *queued;
    int nops;
} Walk;

static void reach(Walk *w, int at, int d)
{
    if (at < 0 || at >= w->nops)
        return;
    if (d < 0)
        d = 0;
    if (d > DEPTH_CAP)
        d = DEPTH_CAP;
    if (w->depth[at] >= d)
        return;
    w->depth[at] = d;
    if (!w->queued[at]) {
        w->queued[at] = true;
        w->todo[w->ntodo++] = at;
    }
}

static int popcount3(int arg)
{
    return (arg & 1) + ((arg >> 1) & 1) + ((arg >> 2) & 1);
}

/* The stack's change when op falls through to the next instruction;
 * *jump gets the depth change along its other edge (a jump's target or a
 * handler's entry) and *edge whether it has one; *ends when it never falls
 * through. */
static int effect(int op, int arg, int *jump, bool *edge, bool *ends)
{
    *edge = false;
    *ends = false;
    switch (op) {
    case I_LOAD_CONST: case I_LOAD_FAST: case I_LOAD_DEREF: case I_LOAD_CLOSURE: case I_LOAD_GLOBAL:
    case I_LOAD_NAME: case I_LOAD_ASSERTION_ERROR: case I_IMPORT_NAME: case I_IMPORT_FROM: case I_DUP_TOP:
    case I_BEFORE_WITH: case I_WITH_EXCEPT: case I_GET_ANEXT: case I_AGEN_AWAIT:
        return 1;
    case I_DUP_TOP_TWO:
        return 2;
    case I_STORE_FAST: case I_STORE_DEREF: case I_STORE_GLOBAL: case I_STORE_NAME: case I_POP_TOP:
    case I_BINARY_SUBSCR: case I_BINARY: case I_INPLACE: case I_COMPARE: case I_LIST_APPEND:
    case I_LIST_EXTEND: case I_DICT_UPDATE: case I_SET_ADD: case I_SET_UPDATE: case I_DELETE_ATTR:
        return -1;
    case I_STORE_ATTR: case I_DELETE_SUBSCR: case I_DICT_ADD: case I_END_ASYNC_FOR:
        return -2;
    case I_STORE_SUBSCR:
        return -3;
    case I_JUMP:
        *edge = *ends = true;
        *jump = 0;
        return 0;
    case I_POP_JUMP_IF_FALSE: case I_POP_JUMP_IF_TRUE:
        *edge = true;
        *jump = -1;
        return -1;
    case I_JUMP_IF_FALSE_OR_POP: case I_JUMP_IF_TRUE_OR_POP:
        *edge = true;
        *jump = 0;
        return -1;
    case I_BUILD_TUPLE: case I_BUILD_LIST: case I_BUILD_SLICE: case I_BUILD_STRING:
        return 1 - arg;
    case I_BUILD_SET:
        return 1 - (arg & ~SET_FROM_CONSTS);
    case I_BUILD_DICT:
        return 1 - 2 * arg;
    case I_FORMAT_VALUE:
        return (arg & 4) ? -1 : 0;
    case I_CALL:
        return -arg;
    case I_CALL_KW:
        return -arg - 1;
    case I_LOAD_METHOD: /* o -> the method and o, or the attribute and None */
        return 1;
    case I_CALL_METHOD:
        return -arg - 1;
    case I_CALL_EX:
        return arg ? -2 : -1;
    case I_MAKE_FUNCTION:
        return -popcount3(arg);
    case I_BUILD_CLASS:
        return -1 - (arg ? 1 : 0);
    case I_RETURN_VALUE: case I_RERAISE:
        *ends = true;
        return -1;
    case I_RAISE:
        *ends = true;
        return 0;
    case I_FOR_ITER: /* exhausted: the iterator is popped and it jumps */
        *edge = true;
        *jump = -1;
        return 1;
    case I_UNPACK_SEQUENCE:
        return arg - 1;
    case I_UNPACK_EX:
        return (arg & 0xff) + (arg >> 8);
    case I_SETUP_EXCEPT: case I_SETUP_FINALLY: /* the handler starts with the exception pushed */
        *edge = true;
        *jump = 1;
        return 0;
    case I_SETUP_WITH: /* its level leaves out __exit__'s result below TOS */
        *edge = true;
        *jump = 0;
        return 0;
    case I_EXCEPT_STAR_MATCH: /* no match: the type is popped and it jumps */
        *edge = true;
        *jump = -1;
        return 0;
    case I_EXCEPT_STAR_END:
        return arg ? -1 : 0;
    case I_EXCEPT_STAR_RERAISE:
        return -3;
    default: /* NOP, DELETE_*, LOAD_ATTR, ROT_*, UNARY, GET_ITER, GET_AITER, AWAIT,
                YIELD_VALUE, LIST_TO_TUPLE, CHECK_EXC_MATCH, POP_BLOCK, POP_EXCEPT */
        return 0;
    }
}

int stackdepth_of(const CodeObj *code)
{
    int n = code->nops;
    if (n <= 0)
        return 1;
    Walk w = {.depth = xmalloc(sizeof(int) * (size_t)n), .todo = xmalloc(sizeof(int) * (size_t)n),
              .queued = xcalloc((size_t)n, sizeof(bool)), .nops = n};
    for (int i = 0; i < n; i++)
        w.depth[i] = -1;
    reach(&w, 0, 0);
    int max = 0;
    while (w.ntodo > 0) {
        int at = w.todo[--w.ntodo];
        w.queued[at] = false;
        /* follow the straight line from at while it deepens something */
        for (;;) {
            int d = w.depth[at], jump = 0;
            bool edge, ends;
            uint32_t op = code->ops[at];
            int next = d + effect(OPCODE(op), OPARG(op), &jump, &edge, &ends);
            /* unpacking grows the stack when it would fill it exactly */
            int peak = OPCODE(op) == I_UNPACK_SEQUENCE || OPCODE(op) == I_UNPACK_EX ? next + 1 : next;
            if (peak > max)
                max = peak;
            if (d > max)
                max = d;
            if (edge) {
                int j = d + jump;
                if (j > max)
                    max = j;
                reach(&w, OPARG(op), j);
            }
            if (ends || at + 1 >= n)
                break;
            if (next < 0)
                next = 0;
            if (next > DEPTH_CAP)
                next = DEPTH_CAP;
            if (w.depth[at + 1] >= next)
                break;
            w.depth[at + 1] = next;
            at++;
        }
    }
    xfree(w.depth);
    xfree(w.todo);
    xfree(w.queued);
    return max > DEPTH_CAP ? DEPTH_CAP : max < 1 ? 1 : max;
}
