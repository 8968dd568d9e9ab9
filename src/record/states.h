/* states.h: a language's own part of the internals snapshots, stored as
 * that language's bytes per step; private to src/record (rec.c wraps it in
 * rec_state_* and rec_internals_at, under the writer's lock). See states.c. */
#ifndef LS_STATES_H
#define LS_STATES_H

#include "rec.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct States States;

States *states_new(const RecStateCodec *codec);
void states_free(States *st);
/* Bytes allocated, and in use in *used. */
size_t states_bytes(const States *st, size_t *used);

/* Is a record for step due to be a keyframe (one that starts from the
 * empty state)? A record already given for step keeps its kind. */
bool states_key_due(const States *st, size_t step);
/* The record of step (the recording's last; n bytes, 0: none), replacing
 * one given for the same step before. */
void states_put(States *st, size_t step, const uint8_t *p, size_t n, bool key);

/* The codec's text at step s appended to out. */
void states_at(const States *st, const Recording *r, size_t s, Buf *out);

#endif
