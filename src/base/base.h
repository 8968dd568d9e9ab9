/* base.h: the bottom layer every other module may use.
 * Owns: out-of-memory handling (x* allocators abort with a message, so
 * callers never check for NULL), the count of live bytes behind the memory
 * cap (mem_*), growable byte buffers (Buf) with UTF-8 and JSON string
 * output, and arenas.
 * Knows nothing about Python, the loop or the terminal. */
#ifndef LS_BASE_H
#define LS_BASE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#define LS_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define LS_NORETURN __attribute__((noreturn))
/* for a hot path's helpers, which the compiler would call out of line in a
 * huge caller, and its rare branches */
#define LS_ALWAYS_INLINE inline __attribute__((always_inline))
#define LS_COLD __attribute__((noinline, cold))
#define LS_LIKELY(x) __builtin_expect(!!(x), 1)
#define LS_UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define LS_PRINTF(a, b)
#define LS_NORETURN
#define LS_ALWAYS_INLINE inline
#define LS_COLD
#define LS_LIKELY(x) (x)
#define LS_UNLIKELY(x) (x)
#endif

/* Allocation never fails from the caller's view: on exhaustion the
 * process prints "loopscope: out of memory" and exits 3. */
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Free what an x* allocator returned (and only that: memory from libc,
 * such as open_memstream's, goes to free()). NULL is a no-op. */
void xfree(void *p);

/* Memory accounting. Every x* allocation adds its usable size to one
 * count of live bytes, and xfree takes it off, so the count is exact for
 * everything loopscope allocates (objects, buffers, recordings), in a
 * normal and an ASan build alike.
 *
 * The count and the cap belong to the thread that allocates: while the
 * viewer shows a run recorded on another thread (docs/longrun.md), the
 * run's thread counts the scenario and the recording, under its cap, and
 * the viewer's frames count on the viewer's thread, uncapped (no lock and
 * no shared counter on every allocation). A block freed on another thread
 * than the one that allocated it comes off that thread's count, which
 * never goes below zero.
 *
 * mem_cap_set(cap, msg) caps the bytes allocated from now on: the count
 * may grow by at most cap bytes over what is live at this call. It is
 * enforced in two steps. Code that can raise an error asks mem_fits(n)
 * before a big allocation and checks mem_over() between operations, so a
 * run stops with its own error the moment it would pass the cap. As a
 * safety net, an allocation that would pass the cap by more than a small
 * reserve (cap / 8 + 8 MB, room to unwind and report) ends the process:
 * "loopscope: <msg>" on stderr, exit 1. mem_cap_set(0, NULL) lifts it. */
void mem_cap_set(size_t cap, const char *msg);
size_t mem_live(void);             /* bytes live now */
size_t mem_peak(void);             /* most bytes live at once since the start */
size_t mem_cap(void);              /* the cap given to mem_cap_set, or 0 */
/* True when n more bytes keep the count within the cap (always, with none). */
bool mem_fits(size_t n);
/* True when the count is past the cap. Cheap: one compare. */
static inline bool mem_over(void)
{
    extern _Thread_local size_t mem_live_bytes_, mem_limit_bytes_;
    return mem_live_bytes_ > mem_limit_bytes_;
}
/* Print "loopscope: <msg>" to stderr and exit(3). For internal failures only;
 * user mistakes are reported through return values. */
LS_NORETURN void die(const char *fmt, ...) LS_PRINTF(1, 2);

/* Buf: a growable byte string, always NUL-terminated (b.s is never NULL
 * after buf_init). The caller owns b.s; buf_free releases it. */
typedef struct Buf {
    char *s;
    size_t len, cap;
} Buf;

void buf_init(Buf *b);
void buf_free(Buf *b);
void buf_clear(Buf *b);
void buf_putc(Buf *b, char c);
void buf_puts(Buf *b, const char *s);
void buf_putn(Buf *b, const char *s, size_t n);
void buf_printf(Buf *b, const char *fmt, ...) LS_PRINTF(2, 3);
/* v in decimal, without printf (for the recording's hot paths). */
void buf_put_uint(Buf *b, unsigned long long v);
void buf_put_int(Buf *b, long long v); /* as "%lld" prints it, without printf */
void buf_vprintf(Buf *b, const char *fmt, va_list ap);
/* Hand the bytes to the caller (who frees them) and reset b to empty. */
char *buf_take(Buf *b, size_t *len_out);
/* One code point as UTF-8; a value past U+10FFFF or a surrogate is '?'. */
void buf_put_utf8(Buf *b, uint32_t cp);
/* Decode one code point from s[0..n) (n > 0) into *cp and return the
 * bytes it took (at least 1). Strict: an overlong form, a surrogate, a
 * value past U+10FFFF, a stray continuation byte or a sequence cut short
 * (by n or by a NUL) gives UTF8_BAD (U+FFFD) for one byte, and decoding
 * resumes at the next. For NUL-terminated text pass SIZE_MAX. */
#define UTF8_BAD 0xFFFDu
size_t utf8_decode(const char *s, size_t n, uint32_t *cp);
/* s as a JSON string literal, quotes included: '"' and '\\' escaped, \n
 * \t as such, other control characters (and DEL) as \u00XX, UTF-8 kept as
 * it is; a byte that is not valid UTF-8 becomes \ufffd, so the result is
 * always valid JSON. */
void buf_put_json(Buf *b, const char *s);

/* Arena: bump allocation freed all at once (AST and parse scratch). */
typedef struct Arena Arena;
Arena *arena_new(void);
void arena_free(Arena *a);
void *arena_alloc(Arena *a, size_t n);   /* zeroed, 16-byte aligned */
char *arena_strndup(Arena *a, const char *s, size_t n);

/* ---- fixed-point numbers without printf (the recording's hot path) ----
 * fixed_round: x * 10^dec rounded to an integer exactly as printf's "%.*f"
 * rounds (the binary value, half to even), for 0 <= x < 1e12 and dec in
 * 0..3. fixed_write: that integer v >= 0 as text with dec decimals
 * ("1204.50"), into buf (n bytes; at least 24 always suffices), with '.'
 * in every locale. Together they write what snprintf "%.*f" would. */
long long fixed_round(double x, int dec);
void fixed_write(long long v, int dec, char *buf, size_t n);

#endif
