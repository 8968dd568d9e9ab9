/* text.c: str methods over UTF-8 byte strings. See text.h for the
 * contracts.
 * Case conversion follows CPython's unicodeobject.c: full (one-to-many)
 * mappings ('ß'.upper() == 'SS'), the final-sigma rule wherever a capital
 * sigma is lowercased, and CPython's definitions of cased characters.
 * Leaves to text_unicode.c the generated character tables and the lookups
 * into them (shared through text_int.h). */
#define _GNU_SOURCE /* memmem */
#include "text.h"
#include "text_int.h"

#include <stdlib.h>
#include <string.h>

/* ---- UTF-8 ---- */

int text_utf8_decode(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n == 0)
        return 0;
    uint32_t c = u[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c < 0xC2)  /* continuation byte, or an overlong 2-byte lead */
        return 0;
    if (c < 0xE0) {
        if (n < 2 || (u[1] & 0xC0) != 0x80)
            return 0;
        *cp = (c & 0x1F) << 6 | (u[1] & 0x3Fu);
        return 2;
    }
    if (c < 0xF0) {
        if (n < 3 || (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80)
            return 0;
        if (c == 0xE0 && u[1] < 0xA0)  /* overlong */
            return 0;
        *cp = (c & 0x0F) << 12 | (u[1] & 0x3Fu) << 6 | (u[2] & 0x3Fu);
        return 3;
    }
    if (c < 0xF5) {
        if (n < 4 || (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80 ||
            (u[3] & 0xC0) != 0x80)
            return 0;
        if ((c == 0xF0 && u[1] < 0x90) || (c == 0xF4 && u[1] >= 0x90))
            return 0;  /* overlong, or above U+10FFFF */
        *cp = (c & 0x07) << 18 | (u[1] & 0x3Fu) << 12 | (u[2] & 0x3Fu) << 6 |
              (u[3] & 0x3Fu);
        return 4;
    }
    return 0;
}

int text_utf8_encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | cp >> 6);
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | cp >> 12);
        out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    if (cp <= 0x10FFFF) {
        out[0] = (char)(0xF0 | cp >> 18);
        out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
        out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
        out[3] = (char)(0x80 | (cp & 0x3F));
        return 4;
    }
    return 0;
}

void text_utf8_append(Buf *out, uint32_t cp)
{
    char tmp[4];
    int k = text_utf8_encode(cp, tmp);
    buf_putn(out, tmp, (size_t)k);
}

/* The code point starting at byte i < n, its length in *len. A byte that
 * starts no valid sequence is U+FFFD of length 1 (see text.h). */
static uint32_t cp_at(const char *s, size_t n, size_t i, size_t *len)
{
    uint32_t cp;
    int k = text_utf8_decode(s + i, n - i, &cp);
    if (k == 0) {
        *len = 1;
        return 0xFFFD;
    }
    *len = (size_t)k;
    return cp;
}

/* Start of the code point that ends at byte i (0 < i <= n), splitting
 * invalid bytes the same way cp_at does going forwards. */
static size_t cp_start_before(const char *s, size_t n, size_t i)
{
    size_t j = i - 1, len;
    while (j > 0 && i - j < 4 && ((unsigned char)s[j] & 0xC0) == 0x80)
        j--;
    cp_at(s, n, j, &len);
    return j + len == i ? j : i - 1;
}

size_t text_length(const char *s, size_t n)
{
    size_t count = 0, len;
    for (size_t i = 0; i < n; i += len) {
        if ((unsigned char)s[i] < 0x80)
            len = 1;
        else
            cp_at(s, n, i, &len);
        count++;
    }
    return count;
}

size_t text_offset(const char *s, size_t n, size_t i)
{
    size_t off = 0, len;
    while (i > 0 && off < n) {
        if ((unsigned char)s[off] < 0x80)
            len = 1;
        else
            cp_at(s, n, off, &len);
        off += len;
        i--;
    }
    return off;
}

int text_is_ascii(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return 0;
    return 1;
}

/* ---- single code points ---- */

int in_ranges(const TextRange *r, size_t count, uint32_t cp)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < r[mid].lo)
            hi = mid;
        else if (cp > r[mid].hi)
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

int text_cp_isspace(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20);
    return cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
           cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/* Python's line boundaries for splitlines. */
static int cp_is_linebreak(uint32_t cp)
{
    return cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C ||
           (cp >= 0x1C && cp <= 0x1E) || cp == 0x85 || cp == 0x2028 ||
           cp == 0x2029;
}

static int cp_is_cased(uint32_t cp)
{
    return cp_is_upper(cp) || cp_is_lower(cp) || cp_is_title(cp);
}

/* ---- case ---- */

/* Append the mapping m[0..k) of the code point s[i..i+len): the original
 * bytes when it maps to itself, so invalid bytes pass through. */
static void put_mapped(Buf *out, const char *s, size_t i, size_t len,
                       uint32_t cp, const uint32_t *m, int k)
{
    if (k == 1 && m[0] == cp) {
        buf_putn(out, s + i, len);
        return;
    }
    for (int j = 0; j < k; j++)
        text_utf8_append(out, m[j]);
}

/* CPython's handle_capital_sigma: the capital sigma at s[i..i+len) lowers
 * to final sigma when a cased letter precedes it and none follows, looking
 * past case-ignorable characters both ways. */
static uint32_t sigma_lower(const char *s, size_t n, size_t i, size_t len)
{
    uint32_t c = 0;
    size_t j = i, l;
    int found = 0;
    while (j > 0) {
        j = cp_start_before(s, n, j);
        c = cp_at(s, n, j, &l);
        if (!cp_is_case_ignorable(c)) {
            found = 1;
            break;
        }
    }
    int final = found && cp_is_cased(c);
    if (final) {
        found = 0;
        for (j = i + len; j < n; j += l) {
            c = cp_at(s, n, j, &l);
            if (!cp_is_case_ignorable(c)) {
                found = 1;
                break;
            }
        }
        final = !found || !cp_is_cased(c);
    }
    return final ? 0x3C2 : 0x3C3;
}

/* Lowercase the code point at s[i] in context (CPython's lower_ucs4). */
static int lower_at(const char *s, size_t n, size_t i, size_t len,
                    uint32_t cp, uint32_t m[3])
{
    if (cp == 0x3A3) {
        m[0] = sigma_lower(s, n, i, len);
        return 1;
    }
    return cp_map_lower(cp, m);
}

void text_upper(const char *s, size_t n, Buf *out)
{
    uint32_t m[3];
    size_t len;
    for (size_t i = 0; i < n; i += len) {
        uint32_t cp = cp_at(s, n, i, &len);
        put_mapped(out, s, i, len, cp, m, cp_map_upper(cp, m));
    }
}

void text_lower(const char *s, size_t n, Buf *out)
{
    uint32_t m[3];
    size_t len;
    for (size_t i = 0; i < n; i += len) {
        uint32_t cp = cp_at(s, n, i, &len);
        put_mapped(out, s, i, len, cp, m, lower_at(s, n, i, len, cp, m));
    }
}

void text_casefold(const char *s, size_t n, Buf *out)
{
    uint32_t m[3];
    size_t len;
    for (size_t i = 0; i < n; i += len) {
        uint32_t cp = cp_at(s, n, i, &len);
        put_mapped(out, s, i, len, cp, m, cp_map_fold(cp, m));
    }
}

void text_swapcase(const char *s, size_t n, Buf *out)
{
    uint32_t m[3];
    size_t len;
    for (size_t i = 0; i < n; i += len) {
        uint32_t cp = cp_at(s, n, i, &len);
        int k = 1;
        m[0] = cp;
        if (cp_is_upper(cp))
            k = lower_at(s, n, i, len, cp, m);
        else if (cp_is_lower(cp))
            k = cp_map_upper(cp, m);
        put_mapped(out, s, i, len, cp, m, k);
    }
}

void text_title(const char *s, size_t n, Buf *out)
{
    uint32_t m[3];
    size_t len;
    int previous_is_cased = 0;
    for (size_t i = 0; i < n; i += len) {
        uint32_t cp = cp_at(s, n, i, &len);
        int k = previous_is_cased ? lower_at(s, n, i, len, cp, m)
                                  : cp_map_title(cp, m);
        put_mapped(out, s, i, len, cp, m, k);
        previous_is_cased = cp_is_cased(cp);
    }
}

void text_capitalize(const char *s, size_t n, Buf *out)
{
    uint32_t m[3];
    size_t len;
    for (size_t i = 0; i < n; i += len) {
        uint32_t cp = cp_at(s, n, i, &len);
        int k = i == 0 ? cp_map_title(cp, m) : lower_at(s, n, i, len, cp, m);
        put_mapped(out, s, i, len, cp, m, k);
    }
}

/* ---- strip ---- */

static int strip_member(uint32_t cp, const char *chars, size_t charsn)
{
    size_t len;
    if (!chars)
        return text_cp_isspace(cp);
    for (size_t i = 0; i < charsn; i += len)
        if (cp_at(chars, charsn, i, &len) == cp)
            return 1;
    return 0;
}

static TextSpan strip_span(const char *s, size_t n, const char *chars,
                           size_t charsn, int left, int right)
{
    size_t i = 0, j = n, len;
    if (left)
        while (i < n && strip_member(cp_at(s, n, i, &len), chars, charsn))
            i += len;
    if (right)
        while (j > i) {
            size_t k = cp_start_before(s, n, j);
            if (!strip_member(cp_at(s, n, k, &len), chars, charsn))
                break;
            j = k;
        }
    return (TextSpan){i, j - i};
}

TextSpan text_strip(const char *s, size_t n, const char *chars, size_t charsn)
{
    return strip_span(s, n, chars, charsn, 1, 1);
}

TextSpan text_lstrip(const char *s, size_t n, const char *chars, size_t charsn)
{
    return strip_span(s, n, chars, charsn, 1, 0);
}

TextSpan text_rstrip(const char *s, size_t n, const char *chars, size_t charsn)
{
    return strip_span(s, n, chars, charsn, 0, 1);
}

/* ---- split ---- */

typedef struct SpanList {
    TextSpan *v;
    size_t n, cap;
} SpanList;

static void spans_init(SpanList *l)
{
    l->n = 0;
    l->cap = 8;
    l->v = xmalloc(l->cap * sizeof *l->v);
}

static void spans_add(SpanList *l, size_t from, size_t to)
{
    if (l->n == l->cap) {
        l->cap *= 2;
        l->v = xrealloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n++] = (TextSpan){from, to - from};
}

static void spans_reverse(SpanList *l)
{
    for (size_t i = 0, j = l->n; i + 1 < j; i++, j--) {
        TextSpan t = l->v[i];
        l->v[i] = l->v[j - 1];
        l->v[j - 1] = t;
    }
}

/* First occurrence of needle (nn > 0) in h[from..to), or (size_t)-1.
 * glibc's memmem is linear for long needles (the two-way algorithm), so
 * ("a" * 5000000 + "b") in ("a" * 10000000) takes milliseconds, not hours. */
static size_t bytes_find(const char *h, size_t from, size_t to,
                         const char *needle, size_t nn)
{
    if (to - from < nn)
        return (size_t)-1;
    const char *p = memmem(h + from, to - from, needle, nn);
    return p ? (size_t)(p - h) : (size_t)-1;
}

/* Last occurrence of needle (nn > 0) in h[from..to), or (size_t)-1.
 * Short needles are compared in place (at most nn bytes per position);
 * long ones go through Knuth-Morris-Pratt on the reversed text and
 * needle, linear in to - from + nn. */
static size_t bytes_rfind(const char *h, size_t from, size_t to,
                          const char *needle, size_t nn)
{
    if (to - from < nn)
        return (size_t)-1;
    if (nn <= 32 || nn >= UINT32_MAX) {
        for (size_t at = to - nn + 1; at-- > from;)
            if (h[at] == needle[0] && memcmp(h + at, needle, nn) == 0)
                return at;
        return (size_t)-1;
    }
    /* r(i) = needle[nn - 1 - i]; fail[i] = length of the longest proper
     * border of r(0..i] */
    uint32_t *fail = xmalloc(nn * sizeof *fail);
    fail[0] = 0;
    for (size_t i = 1, k = 0; i < nn; i++) {
        while (k && needle[nn - 1 - i] != needle[nn - 1 - k])
            k = fail[k - 1];
        if (needle[nn - 1 - i] == needle[nn - 1 - k])
            k++;
        fail[i] = (uint32_t)k;
    }
    size_t found = (size_t)-1;
    for (size_t at = to, k = 0; at-- > from;) {
        while (k && h[at] != needle[nn - 1 - k])
            k = fail[k - 1];
        if (h[at] == needle[nn - 1 - k] && ++k == nn) {
            found = at;
            break;
        }
    }
    xfree(fail);
    return found;
}

size_t text_mem_find(const char *h, size_t from, size_t to, const char *needle, size_t nn)
{
    return bytes_find(h, from, to, needle, nn);
}

size_t text_mem_rfind(const char *h, size_t from, size_t to, const char *needle, size_t nn)
{
    return bytes_rfind(h, from, to, needle, nn);
}

static int space_at(const char *s, size_t n, size_t i, size_t *len)
{
    return text_cp_isspace(cp_at(s, n, i, len));
}

/* stringlib's split_whitespace, over code points. */
static void split_whitespace(const char *s, size_t n, long maxcount,
                             SpanList *l)
{
    size_t i = 0, j, len;
    while (maxcount-- > 0) {
        while (i < n && space_at(s, n, i, &len))
            i += len;
        if (i == n)
            break;
        j = i;
        cp_at(s, n, i, &len);
        i += len;
        while (i < n && !space_at(s, n, i, &len))
            i += len;
        spans_add(l, j, i);
    }
    if (i < n) {
        /* maxsplit reached: the rest, less its leading whitespace */
        while (i < n && space_at(s, n, i, &len))
            i += len;
        if (i != n)
            spans_add(l, i, n);
    }
}

/* The code point ending at byte i is whitespace; *start gets its start. */
static int space_before(const char *s, size_t n, size_t i, size_t *start)
{
    size_t len;
    *start = cp_start_before(s, n, i);
    return text_cp_isspace(cp_at(s, n, *start, &len));
}

/* stringlib's rsplit_whitespace; pieces come out right to left. */
static void rsplit_whitespace(const char *s, size_t n, long maxcount,
                              SpanList *l)
{
    size_t i = n, j, k;
    while (maxcount-- > 0) {
        while (i > 0 && space_before(s, n, i, &k))
            i = k;
        if (i == 0)
            break;
        j = i;
        i = cp_start_before(s, n, i);
        while (i > 0 && !space_before(s, n, i, &k))
            i = k;
        spans_add(l, i, j);
    }
    if (i > 0) {
        while (i > 0 && space_before(s, n, i, &k))
            i = k;
        if (i > 0)
            spans_add(l, 0, i);
    }
}

int text_split(const char *s, size_t n, const char *sep, size_t sepn,
               long maxsplit, TextSpan **out, size_t *count)
{
    SpanList l;
    long maxcount = maxsplit < 0 ? LONG_MAX : maxsplit;
    if (sep && sepn == 0)
        return 0;
    spans_init(&l);
    if (!sep) {
        split_whitespace(s, n, maxcount, &l);
    } else {
        size_t i = 0, pos;
        while (maxcount-- > 0 &&
               (pos = bytes_find(s, i, n, sep, sepn)) != (size_t)-1) {
            spans_add(&l, i, pos);
            i = pos + sepn;
        }
        spans_add(&l, i, n);
    }
    *out = l.v;
    *count = l.n;
    return 1;
}

int text_rsplit(const char *s, size_t n, const char *sep, size_t sepn,
                long maxsplit, TextSpan **out, size_t *count)
{
    SpanList l;
    long maxcount = maxsplit < 0 ? LONG_MAX : maxsplit;
    if (sep && sepn == 0)
        return 0;
    spans_init(&l);
    if (!sep) {
        rsplit_whitespace(s, n, maxcount, &l);
    } else {
        size_t j = n, pos;
        while (maxcount-- > 0 &&
               (pos = bytes_rfind(s, 0, j, sep, sepn)) != (size_t)-1) {
            spans_add(&l, pos + sepn, j);
            j = pos;
        }
        spans_add(&l, 0, j);
    }
    spans_reverse(&l);
    *out = l.v;
    *count = l.n;
    return 1;
}

size_t text_splitlines(const char *s, size_t n, int keepends, TextSpan **out)
{
    SpanList l;
    size_t i = 0, j = 0, len = 0;
    spans_init(&l);
    while (i < n) {
        while (i < n && !cp_is_linebreak(cp_at(s, n, i, &len)))
            i += len;
        size_t eol = i;
        if (i < n) {
            if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
                i += 2;
            else
                i += len;
            if (keepends)
                eol = i;
        }
        spans_add(&l, j, eol);
        j = i;
    }
    *out = l.v;
    return l.n;
}

/* ---- search ---- */

/* CPython's ADJUST_INDICES: clamp a slice to a string of len code points.
 * start may stay above len; callers check end - start. */
static void adjust_indices(long *start, long *end, long len)
{
    if (*end > len)
        *end = len;
    else if (*end < 0) {
        *end += len;
        if (*end < 0)
            *end = 0;
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0)
            *start = 0;
    }
}

/* Resolve s[start:end] against sub: on success 1, with byte bounds in
 * *bs, *be and the code-point count of sub in *subcp; 0 if sub cannot fit
 * (CPython's "end - start < len(sub)" early exit). */
static int slice_prepare(const char *s, size_t n, const char *sub,
                         size_t subn, long *start, long *end, size_t *bs,
                         size_t *be, long *subcp)
{
    adjust_indices(start, end, (long)text_length(s, n));
    *subcp = (long)text_length(sub, subn);
    if (*end - *start < *subcp)
        return 0;
    *bs = text_offset(s, n, (size_t)*start);
    *be = *bs + text_offset(s + *bs, n - *bs, (size_t)(*end - *start));
    return 1;
}

/* find and rfind: the first or last match in s[start:end], in code points. */
static long find_dir(const char *s, size_t n, const char *sub, size_t subn, long start, long end, int reverse)
{
    size_t bs, be, pos;
    long subcp;
    if (!slice_prepare(s, n, sub, subn, &start, &end, &bs, &be, &subcp))
        return -1;
    if (subn == 0)
        return reverse ? end : start;
    pos = reverse ? bytes_rfind(s, bs, be, sub, subn) : bytes_find(s, bs, be, sub, subn);
    if (pos == (size_t)-1)
        return -1;
    return start + (long)text_length(s + bs, pos - bs);
}

long text_find(const char *s, size_t n, const char *sub, size_t subn,
               long start, long end)
{
    return find_dir(s, n, sub, subn, start, end, 0);
}

long text_rfind(const char *s, size_t n, const char *sub, size_t subn,
                long start, long end)
{
    return find_dir(s, n, sub, subn, start, end, 1);
}

long text_count(const char *s, size_t n, const char *sub, size_t subn,
                long start, long end)
{
    size_t bs, be, pos;
    long subcp, count = 0;
    if (!slice_prepare(s, n, sub, subn, &start, &end, &bs, &be, &subcp))
        return 0;
    if (subn == 0)
        return end - start + 1;
    while ((pos = bytes_find(s, bs, be, sub, subn)) != (size_t)-1) {
        count++;
        bs = pos + subn;
    }
    return count;
}

/* CPython's tailmatch: does s[start:end] start (or end, if at_end) with
 * sub? */
static int tail_match(const char *s, size_t n, const char *sub, size_t subn,
                      long start, long end, int at_end)
{
    adjust_indices(&start, &end, (long)text_length(s, n));
    end -= (long)text_length(sub, subn);
    if (end < start)
        return 0;
    if (subn == 0)
        return 1;
    size_t off = text_offset(s, n, (size_t)(at_end ? end : start));
    return n - off >= subn && memcmp(s + off, sub, subn) == 0;
}

int text_startswith(const char *s, size_t n, const char *prefix, size_t pn,
                    long start, long end)
{
    return tail_match(s, n, prefix, pn, start, end, 0);
}

int text_endswith(const char *s, size_t n, const char *suffix, size_t sn,
                  long start, long end)
{
    return tail_match(s, n, suffix, sn, start, end, 1);
}

void text_replace(const char *s, size_t n, const char *old, size_t oldn,
                  const char *new_, size_t newn, long count, Buf *out)
{
    size_t i = 0, len, pos;
    if (count < 0)
        count = LONG_MAX;
    if (oldn == 0) {
        /* an empty old matches before each code point and at the end */
        for (; count > 0 && i < n; count--, i += len) {
            buf_putn(out, new_, newn);
            cp_at(s, n, i, &len);
            buf_putn(out, s + i, len);
        }
        if (count > 0)
            buf_putn(out, new_, newn);
        buf_putn(out, s + i, n - i);
        return;
    }
    for (; count > 0 && (pos = bytes_find(s, i, n, old, oldn)) != (size_t)-1;
         count--) {
        buf_putn(out, s + i, pos - i);
        buf_putn(out, new_, newn);
        i = pos + oldn;
    }
    buf_putn(out, s + i, n - i);
}

int text_partition(const char *s, size_t n, const char *sep, size_t sepn,
                   TextSpan parts[3])
{
    if (sepn == 0)
        return 0;
    size_t pos = bytes_find(s, 0, n, sep, sepn);
    if (pos == (size_t)-1) {
        parts[0] = (TextSpan){0, n};
        parts[1] = parts[2] = (TextSpan){n, 0};
        return 1;
    }
    parts[0] = (TextSpan){0, pos};
    parts[1] = (TextSpan){pos, sepn};
    parts[2] = (TextSpan){pos + sepn, n - pos - sepn};
    return 1;
}

int text_rpartition(const char *s, size_t n, const char *sep, size_t sepn,
                    TextSpan parts[3])
{
    if (sepn == 0)
        return 0;
    size_t pos = bytes_rfind(s, 0, n, sep, sepn);
    if (pos == (size_t)-1) {
        parts[0] = parts[1] = (TextSpan){0, 0};
        parts[2] = (TextSpan){0, n};
        return 1;
    }
    parts[0] = (TextSpan){0, pos};
    parts[1] = (TextSpan){pos, sepn};
    parts[2] = (TextSpan){pos + sepn, n - pos - sepn};
    return 1;
}

/* ---- padding ---- */

static void put_fill(Buf *out, uint32_t fill, long count)
{
    char enc[4];
    int k = text_utf8_encode(fill, enc);
    for (; count > 0; count--)
        buf_putn(out, enc, (size_t)k);
}

/* Pad s to width: mode < 0 pads on the right (ljust), > 0 on the left
 * (rjust), 0 on both sides (center). 0 if width is too large. */
static int pad(const char *s, size_t n, long width, uint32_t fill,
               int mode, Buf *out)
{
    long len = (long)text_length(s, n), marg, left;
    if (width <= len) {
        buf_putn(out, s, n);
        return 1;
    }
    if (width > TEXT_WIDTH_MAX)
        return 0;
    marg = width - len;
    if (mode < 0)       /* ljust */
        left = 0;
    else if (mode > 0)  /* rjust */
        left = marg;
    else                /* center: CPython's odd rounding */
        left = marg / 2 + (marg & width & 1);
    put_fill(out, fill, left);
    buf_putn(out, s, n);
    put_fill(out, fill, marg - left);
    return 1;
}

int text_center(const char *s, size_t n, long width, uint32_t fill, Buf *out)
{
    return pad(s, n, width, fill, 0, out);
}

int text_ljust(const char *s, size_t n, long width, uint32_t fill, Buf *out)
{
    return pad(s, n, width, fill, -1, out);
}

int text_rjust(const char *s, size_t n, long width, uint32_t fill, Buf *out)
{
    return pad(s, n, width, fill, 1, out);
}

int text_zfill(const char *s, size_t n, long width, Buf *out)
{
    long len = (long)text_length(s, n);
    if (width <= len) {
        buf_putn(out, s, n);
        return 1;
    }
    if (width > TEXT_WIDTH_MAX)
        return 0;
    size_t skip = 0;
    if (n > 0 && (s[0] == '+' || s[0] == '-')) {
        buf_putc(out, s[0]);
        skip = 1;
    }
    put_fill(out, '0', width - len);
    buf_putn(out, s + skip, n - skip);
    return 1;
}

/* ---- predicates ---- */

/* 1 if s is non-empty and pred holds for every code point. */
static int all_cps(const char *s, size_t n, int (*pred)(uint32_t))
{
    size_t len;
    if (n == 0)
        return 0;
    for (size_t i = 0; i < n; i += len)
        if (!pred(cp_at(s, n, i, &len)))
            return 0;
    return 1;
}

static int cp_is_decimal(uint32_t cp)
{
    return text_cp_decimal(cp) >= 0;
}

static int cp_is_alnum(uint32_t cp)
{
    return text_cp_isalpha(cp) || cp_is_numeric(cp);
}

int text_isdigit(const char *s, size_t n)
{
    return all_cps(s, n, cp_is_digit);
}

int text_isdecimal(const char *s, size_t n)
{
    return all_cps(s, n, cp_is_decimal);
}

int text_isnumeric(const char *s, size_t n)
{
    return all_cps(s, n, cp_is_numeric);
}

int text_isalpha(const char *s, size_t n)
{
    return all_cps(s, n, text_cp_isalpha);
}

int text_isalnum(const char *s, size_t n)
{
    return all_cps(s, n, cp_is_alnum);
}

int text_isspace(const char *s, size_t n)
{
    return all_cps(s, n, text_cp_isspace);
}

int text_isprintable(const char *s, size_t n)
{
    return n == 0 || all_cps(s, n, text_cp_isprintable);
}

/* isupper and islower: no character of the other case (or titlecase), and
 * at least one of this case. */
static int all_cased(const char *s, size_t n, int (*want)(uint32_t),
                     int (*other)(uint32_t))
{
    int cased = 0;
    size_t len;
    for (size_t i = 0; i < n; i += len) {
        uint32_t cp = cp_at(s, n, i, &len);
        if (other(cp) || cp_is_title(cp))
            return 0;
        if (want(cp))
            cased = 1;
    }
    return cased;
}

int text_isupper(const char *s, size_t n)
{
    return all_cased(s, n, cp_is_upper, cp_is_lower);
}

int text_islower(const char *s, size_t n)
{
    return all_cased(s, n, cp_is_lower, cp_is_upper);
}

int text_istitle(const char *s, size_t n)
{
    int cased = 0, previous_is_cased = 0;
    size_t len;
    for (size_t i = 0; i < n; i += len) {
        uint32_t cp = cp_at(s, n, i, &len);
        if (cp_is_upper(cp) || cp_is_title(cp)) {
            if (previous_is_cased)
                return 0;
            previous_is_cased = cased = 1;
        } else if (cp_is_lower(cp)) {
            if (!previous_is_cased)
                return 0;
            previous_is_cased = cased = 1;
        } else {
            previous_is_cased = 0;
        }
    }
    return cased;
}

/* XID_Start, approximated beyond Latin-1 as text.h says. */
static int cp_is_xid_start(uint32_t cp)
{
    return text_cp_isalpha(cp) || (cp >= 0x2160 && cp <= 0x2188);
}

static int cp_is_xid_continue(uint32_t cp)
{
    return cp_is_xid_start(cp) || cp == '_' || cp == 0xB7 ||
           cp_is_decimal(cp) || (cp >= 0x0300 && cp <= 0x036F) ||
           (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
           (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F);
}

int text_isidentifier(const char *s, size_t n)
{
    size_t len;
    if (n == 0)
        return 0;
    uint32_t cp = cp_at(s, n, 0, &len);
    if (cp != '_' && !cp_is_xid_start(cp))
        return 0;
    for (size_t i = len; i < n; i += len)
        if (!cp_is_xid_continue(cp_at(s, n, i, &len)))
            return 0;
    return 1;
}
