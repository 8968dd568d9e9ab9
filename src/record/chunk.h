/* chunk.h: append-only storage in fixed-size blocks, and the varint codec
 * the recording packs its side data with.
 * Owns: Chunks, an array that grows one 64 KiB block at a time. Nothing is
 * ever copied or moved when it grows (no doubling realloc: a long run's
 * recording never holds two copies of a table at its peak, and a pointer
 * into a block stays valid while the recording grows). Element i of a
 * table of T lives at CHUNKS_AT(c, T, i) once its block was made with
 * chunks_block. What the bytes mean is the user's (rec.c, hist.c). */
#ifndef LS_CHUNK_H
#define LS_CHUNK_H

#include <stddef.h>
#include <stdint.h>

enum { CHUNK_SHIFT = 16, CHUNK_BYTES = 1 << CHUNK_SHIFT };

typedef struct Chunks {
    unsigned char **blk;
    size_t n, cap;
} Chunks;

/* Block k (0 <= k <= c->n): made, zeroed, when k == c->n. */
unsigned char *chunks_block(Chunks *c, size_t k);
void chunks_free(Chunks *c);
/* Bytes allocated (blocks and the block list). */
size_t chunks_bytes(const Chunks *c);

/* Element i of a table of T (sizeof(T) up to CHUNK_BYTES; a power of two
 * wastes nothing at a block's end and indexes with shifts). */
#define CHUNKS_AT(c, T, i) \
    ((T *)(void *)(c).blk[(size_t)(i) / (CHUNK_BYTES / sizeof(T))] + (size_t)(i) % (CHUNK_BYTES / sizeof(T)))
/* The same, making its block first (for appending element i). */
#define CHUNKS_PUT(c, T, i) \
    ((T *)(void *)chunks_block(&(c), (size_t)(i) / (CHUNK_BYTES / sizeof(T))) + (size_t)(i) % (CHUNK_BYTES / sizeof(T)))

/* A keyframe of a stream of edits (inside.c's, states.c's): its step and
 * where it starts. */
typedef struct StepKey {
    uint32_t step;
    uint32_t at;
} StepKey;

/* The last of the n keys (by step, the first at or before s) at or before s. */
static inline size_t key_at(const StepKey *k, size_t n, size_t s)
{
    size_t lo = 0, hi = n;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (k[mid].step <= s)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* Unsigned LEB128: 7 bits a byte, at most 10 bytes. */
static inline unsigned char *varint_put(unsigned char *p, uint64_t v)
{
    while (v >= 0x80) {
        *p++ = (unsigned char)(v | 0x80);
        v >>= 7;
    }
    *p++ = (unsigned char)v;
    return p;
}

static inline const unsigned char *varint_get(const unsigned char *p, uint64_t *v)
{
    uint64_t x = 0;
    unsigned s = 0;
    while (*p & 0x80 && s < 63) {
        x |= (uint64_t)(*p++ & 0x7F) << s;
        s += 7;
    }
    *v = x | (uint64_t)*p++ << s;
    return p;
}

/* A signed difference as an unsigned number, small either way. */
static inline uint64_t zigzag(int64_t d) { return d >= 0 ? (uint64_t)d << 1 : ((uint64_t)(-(d + 1)) << 1) | 1; }
static inline int64_t unzigzag(uint64_t z) { return z & 1 ? -(int64_t)(z >> 1) - 1 : (int64_t)(z >> 1); }

#endif
