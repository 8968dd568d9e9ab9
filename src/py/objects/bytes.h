/* bytes.h: the bytes type.
 * Owns: bytes values (an immutable array of byte values), their repr, the
 * bytes() constructor, their methods, the codecs loopscope has (str.encode,
 * bytes.decode and str(b, encoding): utf-8, ascii and latin-1),
 * int.to_bytes / int.from_bytes, and the byte-level work the operators hand
 * over (+, *, ordering, `in`, b[i]).
 * Leaves to others: hashing and == (obj.c, the same hash as a str of the
 * same bytes, as in CPython), operator dispatch (ops.c), len and
 * subscripts (ops_subscript.c), iteration (iter.c), b % args
 * (ops_percent.c), b'' literals (front/lex.c). bytearray and
 * memoryview stay refused at load time. */
#ifndef LS_BYTES_H
#define LS_BYTES_H

#include "../front/ast.h"
#include "obj.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct BytesObj {
    Obj hdr;
    size_t len;
    int64_t hash;        /* -1 until computed */
    unsigned char s[];   /* len bytes, then a NUL (not part of the value) */
} BytesObj;

extern Class BytesClass;

#define BYTES_S(o) (((BytesObj *)(o))->s)
#define BYTES_LEN(o) (((BytesObj *)(o))->len)

/* A new bytes value holding s[0..len). */
Obj *bytes_new(const void *s, size_t len);

/* Register bytes' methods and str.encode. Call after methods_init. */
void bytes_init(void);

/* a op b where a or b is bytes: + and *. NULL with an exception, or NULL
 * without one when bytes has no such operator (the caller goes on: % is
 * ops_percent.c's bytes_percent, the rest its usual "unsupported operand"
 * error). */
Obj *bytes_binary(Op op, Obj *a, Obj *b);
/* Compare two bytes values: <0, 0, >0 as memcmp, shorter first on a tie. */
int bytes_cmp(Obj *a, Obj *b);
/* item in b (item an int in range(256) or bytes): 1, 0, or -1 with an error. */
int bytes_contains(Obj *b, Obj *item);
/* b[key]: an int for an index, bytes for a slice (indices already resolved
 * by the caller: start, step, n items). */
Obj *bytes_slice(Obj *b, int64_t start, int64_t step, int64_t n);
/* str(b, encoding[, errors]): b decoded; enc/errors are str objects or NULL. */
Obj *bytes_decode_obj(Obj *b, Obj *enc, Obj *errors);

#endif
