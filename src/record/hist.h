/* hist.h: one task's history of state changes, packed.
 * Owns: how the changes are stored. A change is a handful of numbers that
 * mostly repeat or move a little (the step, the label, the await chain,
 * the line, the queue order), so each one is written as differences from
 * the change before it, in a few bytes, into blocks taken from one pool
 * (HistPool) shared by every task: a task's first block is 64 bytes, the
 * rest 128 (most tasks are short, and the unused tail of every task's
 * last block was a third of the table; larger blocks would make a read
 * decode more). Each block starts afresh (its
 * first step beside its id, its first change's index in it), so the
 * change in force at a step is a binary search over the task's blocks'
 * first steps and a short decode.
 * Knows nothing of tasks' names or labels (rec.c). */
#ifndef LS_HIST_H
#define LS_HIST_H

#include "chunk.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct HistChange {
    uint32_t step;
    uint32_t label, chain; /* string ids */
    uint32_t line, order;   /* order: READY's queue order (0 in other states) */
    uint8_t state, outcome; /* 2 and 3 bits */
} HistChange;

/* What a change is written against: the one before it in its block. */
typedef struct HistCtx {
    uint32_t step, chain, line, order;
    uint32_t label[4]; /* the last label of each state */
} HistCtx;

enum { HIST_CLASSES = 2 }; /* block sizes: 64, 128 */

/* The blocks live in 64-byte units in 64 KiB chunks; each size class
 * takes 4 KiB slabs of them in turn, so a short run holds one chunk. */
typedef struct HistPool {
    Chunks blocks;
    uint32_t units;                  /* units handed out as slabs */
    uint32_t next[HIST_CLASSES], end[HIST_CLASSES]; /* each class's slab */
    uint32_t n[HIST_CLASSES];        /* blocks of each class */
} HistPool;

/* 64 bytes, what a change writes first (48 bytes: in one cache line
 * when the table's rows are aligned), then the block list, which only a
 * new block and a reader touch. */
typedef struct Hist {
    uint32_t n;             /* changes */
    uint32_t last;          /* the last block's id (blk[nblk - 1], without reading blk) */
    uint16_t wpos, lastpos; /* the end of the last block, where its last change starts */
    HistCtx wctx;           /* the context after the last change */
    uint32_t nblk, capblk;
    uint32_t *blk;          /* its blocks, in order, then (from blk + capblk) each
                             * block's first step, for the binary search */
} Hist;

/* A reader's place in one history, for walking its changes in order. */
typedef struct HistCursor {
    const Hist *h;
    uint32_t k, b, pos;     /* change k is next, in block b at pos */
    HistCtx ctx;
} HistCursor;

/* hist_add (append a change) is inline, in hist_enc.h. */
/* The last change with step <= step; false when there is none. */
bool hist_at(const HistPool *p, const Hist *h, uint32_t step, HistChange *out);
/* The step of the first change (0 when none). */
uint32_t hist_first_step(const HistPool *p, const Hist *h);
/* Change k (k < h->n), read from cur (start one zeroed; it resumes where
 * the last call left off when k moves forward). */
void hist_get(const HistPool *p, const Hist *h, uint32_t k, HistCursor *cur, HistChange *out);
void hist_free(Hist *h);
/* Bytes h itself holds (its block list; the blocks are the pool's). */
size_t hist_bytes(const Hist *h);
/* The pool's bytes: allocated, and in use (the blocks handed out). */
size_t hist_pool_bytes(const HistPool *p, size_t *used);
void hist_pool_free(HistPool *p);

#endif
