/* stackdepth.h: how many value-stack slots a code object's frames need.
 * Owns the opcodes' stack effects (what code.h documents), read by vm.c
 * to size a frame's first stack. Leaves running the code to vm_eval.c. */
#ifndef LS_STACKDEPTH_H
#define LS_STACKDEPTH_H

#include "../objects/obj.h"

/* The deepest the value stack of a frame running code gets, found by
 * following every path through the bytecode (jumps, exception handlers).
 * An estimate is safe either way: every push checks the stack's size and
 * grows it, so a short stack costs a move, a long one memory. */
int stackdepth_of(const CodeObj *code);

#endif
