/* prims.h: the internals view's sync primitives (prims.c), for internals.c. */
#ifndef LS_PRIMS_H
#define LS_PRIMS_H

#include "model.h"

/* The primitives' part of the snapshot at the recording's last step: what
 * changed in their state since the step before, as a few bytes. */
void prims_record(void);
void prims_reset(void);

/* internals.c: where a task's reference is kept as words once interned
 * (0: not yet), for the recording now; t->rec_id >= 0. */
uint32_t *internals_task_ref(const TaskObj *t);

#endif
