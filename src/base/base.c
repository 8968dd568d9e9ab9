/* base.c: allocators that abort on exhaustion and count live bytes, Buf
 * and Arena; malloc's main heap asked for huge pages as it grows.
 * See base.h for the contracts. */
#define _DEFAULT_SOURCE /* sbrk, madvise */
#include "base.h"

#include <malloc.h>
#include <stdatomic.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void die(const char *fmt, ...)
{
    va_list ap;
    fputs("loopscope: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(3);
}

/* The count of live bytes and the cap (see base.h), one of each per
 * thread. The limit is SIZE_MAX when there is no cap, so mem_over() is
 * one compare either way. */
_Thread_local size_t mem_live_bytes_, mem_limit_bytes_ = SIZE_MAX;
static _Thread_local size_t mem_peak_bytes, mem_hard_bytes = SIZE_MAX, mem_cap_bytes;
static _Thread_local char mem_msg[256];

static size_t sat_add(size_t a, size_t b)
{
    return a > SIZE_MAX - b ? SIZE_MAX : a + b;
}

void mem_cap_set(size_t cap, const char *msg)
{
    mem_cap_bytes = cap;
    if (!cap) {
        mem_limit_bytes_ = mem_hard_bytes = SIZE_MAX;
        return;
    }
    mem_limit_bytes_ = sat_add(mem_live_bytes_, cap);
    mem_hard_bytes = sat_add(mem_limit_bytes_, sat_add(cap / 8, (size_t)8 << 20));
    snprintf(mem_msg, sizeof mem_msg, "%s", msg ? msg : "out of memory");
}

size_t mem_live(void) { return mem_live_bytes_; }
size_t mem_peak(void) { return mem_peak_bytes; }
size_t mem_cap(void) { return mem_cap_bytes; }

bool mem_fits(size_t n)
{
    return mem_live_bytes_ <= mem_limit_bytes_ && n <= mem_limit_bytes_ - mem_live_bytes_;
}

/* Before an allocation of n more bytes: past the safety net, stop. */
static void mem_charge(size_t n)
{
    if (mem_hard_bytes != SIZE_MAX && (mem_live_bytes_ > mem_hard_bytes || n > mem_hard_bytes - mem_live_bytes_)) {
        mem_hard_bytes = mem_limit_bytes_ = SIZE_MAX; /* the exit path may allocate */
        fprintf(stderr, "loopscope: %s\n", mem_msg);
        exit(1);
    }
}

/* What an allocation costs: its usable size and the allocator's header
 * word before it (glibc's chunk size), so the count follows what the
 * process really holds even for many small objects. */
static size_t mem_size(void *p)
{
    return malloc_usable_size(p) + sizeof(size_t);
}

/* The main heap in huge pages where the kernel allows them (THP in
 * "madvise" mode, the usual default). A run grows malloc's heap by tens of
 * MB of fresh blocks (the pool's slabs, the recording's chunks) that are
 * touched once and kept: in 4 KiB pages that is a page fault per page and,
 * with 10,000 tasks' objects spread over it, a TLB miss at most reads. So
 * the heap grows 32 MiB past each request (M_TOP_PAD: address space only,
 * never touched until used; the 2 MiB page that straddles the old end is
 * left in small pages, so few growths mean few of those), is not given
 * back at its top on the way down (M_TRIM_THRESHOLD: a peak held, freed,
 * then held again faulted again), and each stretch it grew by
 * is marked MADV_HUGEPAGE once the heap is past its first 16 MiB. Peak
 * RSS grows by the huge pages' untouched parts (measured: about 2 MB on a
 * 30 MB run; 1 to 2.4 MB on every run when the first 16 MiB were huge
 * too, for a few % of CPU on the biggest only). Setting these fixes
 * glibc's mmap threshold at 128 KiB (it would rise as big blocks are
 * freed); raising it to 1 MiB instead kept the growing tables' old copies
 * in the heap: 2 MB more on the endless loop. Nothing a
 * run shows depends on it: where THP is off or refused, madvise fails or
 * does nothing and the pages are small. The sanitize and fuzz builds
 * (LOOPSCOPE_NO_POOL) use their own allocator and leave it alone. The
 * break as last seen is shared by the threads (relaxed: two threads
 * advising the same stretch is harmless). */
#ifndef LOOPSCOPE_NO_POOL
#define HEAP_PAD ((size_t)32 << 20)
#define HEAP_KEEP ((size_t)64 << 20)
#define HEAP_SMALL ((uintptr_t)16 << 20)
static _Atomic uintptr_t heap_seen, heap_first;

static void heap_grew(void)
{
    uintptr_t seen = atomic_load_explicit(&heap_seen, memory_order_relaxed);
    void *brk = sbrk(0);
    uintptr_t end = (uintptr_t)brk;
    if (brk == (void *)-1 || end <= seen)
        return; /* a block mmap gave, above the heap */
    atomic_store_explicit(&heap_seen, end, memory_order_relaxed);
    if (!seen) {
        atomic_store_explicit(&heap_first, end, memory_order_relaxed);
        return;
    }
    /* the first 16 MiB stay in small pages and malloc's own settings: a
     * short run's heap has stretches it never touches (tables' first
     * blocks), which a huge page would make resident, and the fixed mmap
     * threshold the settings bring cost the sleep(0) storm 3% */
    uintptr_t from = atomic_load_explicit(&heap_first, memory_order_relaxed) + HEAP_SMALL;
    if (end <= from)
        return;
    if (seen <= from) { /* past 16 MiB: a big run, from now on */
        mallopt(M_TOP_PAD, (int)HEAP_PAD);
        mallopt(M_TRIM_THRESHOLD, (int)HEAP_KEEP);
    }
    from = (seen > from ? seen : from) & ~(uintptr_t)4095;
    (void)madvise((void *)from, end - from, MADV_HUGEPAGE);
}

/* p, of sz bytes, may lie past the heap's break as last seen */
static inline void heap_check(const void *p, size_t sz)
{
    if ((uintptr_t)p + sz > atomic_load_explicit(&heap_seen, memory_order_relaxed))
        heap_grew();
}
#else
static inline void heap_check(const void *p, size_t sz)
{
    (void)p;
    (void)sz;
}
#endif

static void *mem_add(void *p)
{
    if (!p)
        die("out of memory");
    size_t sz = mem_size(p);
    heap_check(p, sz);
    mem_live_bytes_ += sz;
    if (mem_live_bytes_ > mem_peak_bytes)
        mem_peak_bytes = mem_live_bytes_;
    return p;
}

/* Take p's bytes off the count. A pointer libc allocated was never
 * counted, so the count never goes below zero. */
static void mem_sub(void *p)
{
    size_t n = mem_size(p);
    mem_live_bytes_ = n > mem_live_bytes_ ? 0 : mem_live_bytes_ - n;
}

void *xmalloc(size_t n)
{
    mem_charge(n);
    return mem_add(malloc(n ? n : 1));
}

void *xcalloc(size_t count, size_t size)
{
    size_t n;
    if (__builtin_mul_overflow(count, size, &n))
        die("out of memory");
    mem_charge(n);
    return mem_add(calloc(count ? count : 1, size ? size : 1));
}

void *xrealloc(void *p, size_t n)
{
    if (!p)
        return xmalloc(n);
    size_t old = mem_size(p);
    if (n > old)
        mem_charge(n - old);
    void *q = realloc(p, n ? n : 1);
    if (!q)
        die("out of memory");
    mem_live_bytes_ = old > mem_live_bytes_ ? 0 : mem_live_bytes_ - old;
    return mem_add(q);
}

void xfree(void *p)
{
    if (!p)
        return;
    mem_sub(p);
    free(p);
}

char *xstrndup(const char *s, size_t n)
{
    char *d = xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

void buf_init(Buf *b)
{
    b->cap = 32;
    b->len = 0;
    b->s = xmalloc(b->cap);
    b->s[0] = '\0';
}

void buf_free(Buf *b)
{
    xfree(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

void buf_clear(Buf *b)
{
    b->len = 0;
    b->s[0] = '\0';
}

static void buf_reserve(Buf *b, size_t extra)
{
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return;
    size_t cap = b->cap;
    while (need > cap)
        cap *= 2;
    /* near the memory cap, grow by an eighth rather than doubling, so a
     * big buffer does not take twice what it holds past the cap */
    if (cap - b->cap > 4096 && !mem_fits(cap - b->cap))
        cap = need + b->cap / 8;
    b->cap = cap;
    b->s = xrealloc(b->s, b->cap);
}

void buf_putn(Buf *b, const char *s, size_t n)
{
    buf_reserve(b, n);
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void buf_putc(Buf *b, char c)
{
    buf_putn(b, &c, 1);
}

void buf_puts(Buf *b, const char *s)
{
    buf_putn(b, s, strlen(s));
}

void buf_put_uint(Buf *b, unsigned long long v)
{
    char tmp[24];
    size_t n = sizeof tmp;
    do
        tmp[--n] = (char)('0' + v % 10);
    while ((v /= 10));
    buf_putn(b, tmp + n, sizeof tmp - n);
}

void buf_put_int(Buf *b, long long v)
{
    if (v < 0)
        buf_putc(b, '-');
    buf_put_uint(b, v < 0 ? (unsigned long long)-(v + 1) + 1 : (unsigned long long)v);
}

void buf_vprintf(Buf *b, const char *fmt, va_list ap)
{
    /* one pass when the text fits the room there is (it mostly does);
     * a second, into room made to measure, when it does not */
    va_list ap2;
    va_copy(ap2, ap);
    if (b->cap - b->len < 160)
        buf_reserve(b, 159); /* a caption's worth: printing past the end costs a second pass */
    size_t room = b->cap - b->len;
    int n = vsnprintf(b->s + b->len, room, fmt, ap2);
    va_end(ap2);
    if (n < 0) {
        if (room)
            b->s[b->len] = '\0'; /* whatever it wrote is not kept */
        return;
    }
    if ((size_t)n >= room) {
        buf_reserve(b, (size_t)n);
        vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    }
    b->len += (size_t)n;
}

void buf_printf(Buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(b, fmt, ap);
    va_end(ap);
}

char *buf_take(Buf *b, size_t *len_out)
{
    char *s = b->s;
    if (len_out)
        *len_out = b->len;
    buf_init(b);
    return s;
}

void buf_put_utf8(Buf *b, uint32_t cp)
{
    char s[4];
    size_t n;
    if (cp < 0x80) {
        s[0] = (char)cp, n = 1;
    } else if (cp < 0x800) {
        s[0] = (char)(0xC0 | cp >> 6);
        s[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
    } else if (cp < 0x10000 && (cp < 0xD800 || cp > 0xDFFF)) {
        s[0] = (char)(0xE0 | cp >> 12);
        s[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        s[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
    } else if (cp >= 0x10000 && cp <= 0x10FFFF) {
        s[0] = (char)(0xF0 | cp >> 18);
        s[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        s[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        s[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
    } else {
        s[0] = '?', n = 1;
    }
    buf_putn(b, s, n);
}

size_t utf8_decode(const char *str, size_t n, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t len;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2, v = c & 0x1F, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        len = 3, v = c & 0x0F, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        len = 4, v = c & 0x07, min = 0x10000;
    else
        goto bad;
    for (size_t i = 1; i < len; i++) {
        if (i >= n || (s[i] & 0xC0) != 0x80) /* also stops at a NUL */
            goto bad;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        goto bad;
    *cp = v;
    return len;
bad:
    *cp = UTF8_BAD;
    return 1;
}

void buf_put_json(Buf *b, const char *str)
{
    const unsigned char *s = (const unsigned char *)str;
    buf_putc(b, '"');
    while (*s) {
        unsigned char c = *s;
        if (c == '"' || c == '\\') {
            buf_putc(b, '\\');
            buf_putc(b, (char)c);
        } else if (c == '\n') {
            buf_puts(b, "\\n");
        } else if (c == '\t') {
            buf_puts(b, "\\t");
        } else if (c < 0x20 || c == 0x7f) {
            buf_printf(b, "\\u%04x", c);
        } else if (c >= 0x80) {
            uint32_t cp;
            size_t n = utf8_decode((const char *)s, SIZE_MAX, &cp);
            if (n > 1) {
                buf_putn(b, (const char *)s, n);
                s += n;
                continue;
            }
            buf_puts(b, "\\ufffd");
        } else {
            buf_putc(b, (char)c);
        }
        s++;
    }
    buf_putc(b, '"');
}

typedef struct Chunk {
    struct Chunk *next;
    size_t used, size;
    _Alignas(16) unsigned char data[];
} Chunk;

struct Arena {
    Chunk *head;
};

Arena *arena_new(void)
{
    return xcalloc(1, sizeof(Arena));
}

void arena_free(Arena *a)
{
    if (!a)
        return;
    Chunk *c = a->head;
    while (c) {
        Chunk *next = c->next;
        xfree(c);
        c = next;
    }
    xfree(a);
}

void *arena_alloc(Arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    if (!a->head || a->head->used + n > a->head->size) {
        size_t size = n > 65536 ? n : 65536;
        Chunk *c = xmalloc(sizeof(Chunk) + size);
        c->size = size;
        c->used = 0;
        c->next = a->head;
        a->head = c;
    }
    void *p = a->head->data + a->head->used;
    a->head->used += n;
    memset(p, 0, n);
    return p;
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
    char *d = arena_alloc(a, n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

long long fixed_round(double x, int dec)
{
    static const double scale[] = {1, 10, 100, 1000};
    double s = scale[dec < 0 ? 0 : dec > 3 ? 3 : dec];
    double v = floor(x * s);
    /* fma gives the sign of x*s - v exactly: fix a product rounded up to
     * an integer, then decide the rounding on the exact half */
    if (fma(x, s, -v) < 0)
        v -= 1;
    double h = fma(x, s, -(v + 0.5));
    if (h > 0 || (h == 0 && fmod(v, 2) != 0))
        v += 1;
    return (long long)v;
}

void fixed_write(long long v, int dec, char *buf, size_t n)
{
    char tmp[32];
    int k = 0;
    if (v < 0)
        v = 0;
    do {
        tmp[k++] = (char)('0' + v % 10);
        v /= 10;
        if (k == dec)
            tmp[k++] = '.';
    } while (v > 0 || (dec && k <= dec + 1)); /* "0.05": a digit before the point */
    size_t i = 0;
    while (k > 0 && i + 1 < n)
        buf[i++] = tmp[--k];
    if (n)
        buf[i] = 0;
}
