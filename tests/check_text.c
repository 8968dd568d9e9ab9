/* check_text.c: unit tests for src/lang/text.c.
 * Owns: the text suite. The expected results in the tables were printed
 * by CPython 3.11.7 for the listed inputs and pasted in; the UTF-8 and
 * error-code tests are written by hand. */
#include "suites.h"

#include "../src/py/objects/text.h"

#include <stdlib.h>
#include <string.h>

#define MAXPIECES 12

typedef struct CaseCase {
    const char *s, *upper, *lower, *title, *capitalize, *swapcase, *casefold;
} CaseCase;

typedef struct StripCase {
    const char *s, *chars, *strip, *lstrip, *rstrip;
} StripCase;

typedef struct SplitCase {
    const char *s, *sep;
    long maxsplit;
    const char *split[MAXPIECES], *rsplit[MAXPIECES];
} SplitCase;

typedef struct LinesCase {
    const char *s;
    const char *lines[MAXPIECES], *kept[MAXPIECES];
} LinesCase;

typedef struct FindCase {
    const char *s, *sub;
    long start, end, find, rfind, count;
    int startswith, endswith;
} FindCase;

typedef struct ReplaceCase {
    const char *s, *old, *new_;
    long count;
    const char *want;
} ReplaceCase;

typedef struct PartitionCase {
    const char *s, *sep;
    const char *part[4], *rpart[4];
} PartitionCase;

typedef struct PadCase {
    const char *s;
    long width;
    uint32_t fill;
    const char *center, *ljust, *rjust, *zfill;
} PadCase;

typedef struct PredCase {
    const char *s, *flags;
} PredCase;

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* s and its upper(), lower(), title(), capitalize(), swapcase(),
 * casefold(). */
static const CaseCase case_cases[] = {
    {"", "", "", "", "", "", ""},
    {"hello world", "HELLO WORLD", "hello world", "Hello World", "Hello world",
     "HELLO WORLD", "hello world"},
    {"they're bill's", "THEY'RE BILL'S", "they're bill's", "They'Re Bill'S",
     "They're bill's", "THEY'RE BILL'S", "they're bill's"},
    {"HeLLo WoRLD", "HELLO WORLD", "hello world", "Hello World", "Hello world",
     "hEllO wOrld", "hello world"},
    {"a1b2 c3D4", "A1B2 C3D4", "a1b2 c3d4", "A1B2 C3D4", "A1b2 c3d4",
     "A1B2 C3d4", "a1b2 c3d4"},
    {"\303\237", "SS", "\303\237", "Ss", "Ss", "SS", "ss"},
    {"Stra\303\237e", "STRASSE", "stra\303\237e", "Stra\303\237e",
     "Stra\303\237e", "sTRASSE", "strasse"},
    {"\307\205ungla \307\204EMAL", "\307\204UNGLA \307\204EMAL",
     "\307\206ungla \307\206emal", "\307\205ungla \307\205emal",
     "\307\205ungla \307\206emal", "\307\205UNGLA \307\206emal",
     "\307\206ungla \307\206emal"},
    {"\316\243\316\221\316\243 \316\237\316\224\316\237\316\243.",
     "\316\243\316\221\316\243 \316\237\316\224\316\237\316\243.",
     "\317\203\316\261\317\202 \316\277\316\264\316\277\317\202.",
     "\316\243\316\261\317\202 \316\237\316\264\316\277\317\202.",
     "\316\243\316\261\317\202 \316\277\316\264\316\277\317\202.",
     "\317\203\316\261\317\202 \316\277\316\264\316\277\317\202.",
     "\317\203\316\261\317\203 \316\277\316\264\316\277\317\203."},
    {"\341\275\210\316\224\316\245\316\243\316\243\316\225\316\216\316\243",
     "\341\275\210\316\224\316\245\316\243\316\243\316\225\316\216\316\243",
     "\341\275\200\316\264\317\205\317\203\317\203\316\265\317\215\317\202",
     "\341\275\210\316\264\317\205\317\203\317\203\316\265\317\215\317\202",
     "\341\275\210\316\264\317\205\317\203\317\203\316\265\317\215\317\202",
     "\341\275\200\316\264\317\205\317\203\317\203\316\265\317\215\317\202",
     "\341\275\200\316\264\317\205\317\203\317\203\316\265\317\215\317\203"},
    {"\316\221\316\243'\316\243", "\316\221\316\243'\316\243",
     "\316\261\317\203'\317\202", "\316\221\317\203'\316\243",
     "\316\221\317\203'\317\202", "\316\261\317\203'\317\202",
     "\316\261\317\203'\317\203"},
    {"\316\221\316\243\314\201", "\316\221\316\243\314\201",
     "\316\261\317\202\314\201", "\316\221\317\202\314\201",
     "\316\221\317\202\314\201", "\316\261\317\202\314\201",
     "\316\261\317\203\314\201"},
    {"\316\243", "\316\243", "\317\203", "\316\243", "\316\243", "\317\203",
     "\317\203"},
    {"\304\260stanbul", "\304\260STANBUL", "i\314\207stanbul",
     "\304\260stanbul", "\304\260stanbul", "i\314\207STANBUL",
     "i\314\207stanbul"},
    {"\357\254\201re \357\254\200", "FIRE FF", "\357\254\201re \357\254\200",
     "Fire Ff", "Fire \357\254\200", "FIRE FF", "fire ff"},
    {"\303\277 \305\270", "\305\270 \305\270", "\303\277 \303\277",
     "\305\270 \305\270", "\305\270 \303\277", "\305\270 \303\277",
     "\303\277 \303\277"},
    {"\341\216\240\341\216\241 \352\255\260",
     "\341\216\240\341\216\241 \341\216\240",
     "\352\255\260\352\255\261 \352\255\260",
     "\341\216\240\352\255\261 \341\216\240",
     "\341\216\240\352\255\261 \352\255\260",
     "\352\255\260\352\255\261 \341\216\240",
     "\341\216\240\341\216\241 \341\216\240"},
    {"\302\265 \305\277", "\316\234 S", "\302\265 \305\277", "\316\234 S",
     "\316\234 \305\277", "\316\234 S", "\316\274 s"},
    {"\305\211", "\312\274N", "\305\211", "\312\274N", "\312\274N",
     "\312\274N", "\312\274n"},
    {"\303\251lan VITAL", "\303\211LAN VITAL", "\303\251lan vital",
     "\303\211lan Vital", "\303\211lan vital", "\303\211LAN vital",
     "\303\251lan vital"},
    {"\303\200\303\211\303\216\303\225\303\234",
     "\303\200\303\211\303\216\303\225\303\234",
     "\303\240\303\251\303\256\303\265\303\274",
     "\303\200\303\251\303\256\303\265\303\274",
     "\303\200\303\251\303\256\303\265\303\274",
     "\303\240\303\251\303\256\303\265\303\274",
     "\303\240\303\251\303\256\303\265\303\274"},
    {"\320\277\321\200\320\270\320\262\320\265\321\202 \320\274"
     "\320\270\321\200",
     "\320\237\320\240\320\230\320\222\320\225\320\242 \320\234"
     "\320\230\320\240",
     "\320\277\321\200\320\270\320\262\320\265\321\202 \320\274"
     "\320\270\321\200",
     "\320\237\321\200\320\270\320\262\320\265\321\202 \320\234"
     "\320\270\321\200",
     "\320\237\321\200\320\270\320\262\320\265\321\202 \320\274"
     "\320\270\321\200",
     "\320\237\320\240\320\230\320\222\320\225\320\242 \320\234"
     "\320\230\320\240",
     "\320\277\321\200\320\270\320\262\320\265\321\202 \320\274"
     "\320\270\321\200"},
    {"\320\237\320\240\320\230\320\222\320\225\320\242",
     "\320\237\320\240\320\230\320\222\320\225\320\242",
     "\320\277\321\200\320\270\320\262\320\265\321\202",
     "\320\237\321\200\320\270\320\262\320\265\321\202",
     "\320\237\321\200\320\270\320\262\320\265\321\202",
     "\320\277\321\200\320\270\320\262\320\265\321\202",
     "\320\277\321\200\320\270\320\262\320\265\321\202"},
    {"\341\276\263 \341\276\274", "\316\221\316\231 \316\221\316\231",
     "\341\276\263 \341\276\263", "\341\276\274 \341\276\274",
     "\341\276\274 \341\276\263", "\316\221\316\231 \341\276\274",
     "\316\261\316\271 \316\261\316\271"},
    {"A\315\205", "A\316\231", "a\315\205", "A\315\205", "A\315\205",
     "a\316\231", "a\316\271"},
    {"\342\205\240\342\205\260 \342\222\266\342\223\220",
     "\342\205\240\342\205\240 \342\222\266\342\222\266",
     "\342\205\260\342\205\260 \342\223\220\342\223\220",
     "\342\205\240\342\205\260 \342\222\266\342\223\220",
     "\342\205\240\342\205\260 \342\223\220\342\223\220",
     "\342\205\260\342\205\240 \342\223\220\342\222\266",
     "\342\205\260\342\205\260 \342\223\220\342\223\220"},
    {"\360\220\220\200\360\220\220\250", "\360\220\220\200\360\220\220\200",
     "\360\220\220\250\360\220\220\250", "\360\220\220\200\360\220\220\250",
     "\360\220\220\200\360\220\220\250", "\360\220\220\250\360\220\220\200",
     "\360\220\220\250\360\220\220\250"},
    {"x\355\260\200y", "X\355\260\200Y", "x\355\260\200y", "X\355\260\200Y",
     "X\355\260\200y", "X\355\260\200Y", "x\355\260\200y"},
};

/* s, chars (NULL: whitespace), strip, lstrip, rstrip */
static const StripCase strip_cases[] = {
    {"  hi  ", NULL, "hi", "hi  ", "  hi"},
    {"\t\n\013\014\015\034\035\036\037 x \302\205\302\240", NULL, "x",
     "x \302\205\302\240", "\t\n\013\014\015\034\035\036\037 x"},
    {"\343\200\200\342\200\203a b\342\200\250", NULL, "a b", "a b\342\200\250",
     "\343\200\200\342\200\203a b"},
    {"", NULL, "", "", ""},
    {"   ", NULL, "", "", ""},
    {"xxhixx", "x", "hi", "hixx", "xxhi"},
    {"abcba", "ab", "c", "cba", "abc"},
    {"\303\251a\303\251", "\303\251", "a", "a\303\251", "\303\251a"},
    {"hi", "", "hi", "hi", "hi"},
    {"\342\200\213x\342\200\213", NULL, "\342\200\213x\342\200\213",
     "\342\200\213x\342\200\213", "\342\200\213x\342\200\213"},
    {"\360\237\230\200ok\360\237\230\200", "\360\237\230\200", "ok",
     "ok\360\237\230\200", "\360\237\230\200ok"},
    {"aaa", "a", "", "", ""},
};

/* s, sep (NULL: whitespace), maxsplit, split pieces, rsplit pieces */
static const SplitCase split_cases[] = {
    {"a b  c", NULL, -1, {"a", "b", "c", NULL}, {"a", "b", "c", NULL}},
    {"  a b  c  ", NULL, -1, {"a", "b", "c", NULL}, {"a", "b", "c", NULL}},
    {"  a b  c  ", NULL, 1, {"a", "b  c  ", NULL}, {"  a b", "c", NULL}},
    {"  a b  c  ", NULL, 0, {"a b  c  ", NULL}, {"  a b  c", NULL}},
    {"", NULL, -1, {NULL}, {NULL}},
    {"   ", NULL, -1, {NULL}, {NULL}},
    {"a\343\200\200b\302\205c\302\240d", NULL, -1, {"a", "b", "c", "d", NULL},
     {"a", "b", "c", "d", NULL}},
    {"a,b,,c", ",", -1, {"a", "b", "", "c", NULL}, {"a", "b", "", "c", NULL}},
    {"a,b,,c", ",", 2, {"a", "b", ",c", NULL}, {"a,b", "", "c", NULL}},
    {"", ",", -1, {"", NULL}, {"", NULL}},
    {",", ",", -1, {"", "", NULL}, {"", "", NULL}},
    {"a::b::c", "::", -1, {"a", "b", "c", NULL}, {"a", "b", "c", NULL}},
    {"a::b::c", "::", 1, {"a", "b::c", NULL}, {"a::b", "c", NULL}},
    {"\303\251x\303\251y\303\251", "\303\251", -1, {"", "x", "y", "", NULL},
     {"", "x", "y", "", NULL}},
    {"aaa", "aa", -1, {"", "a", NULL}, {"a", "", NULL}},
    {"one", "x", -1, {"one", NULL}, {"one", NULL}},
    {"a b c", " ", 0, {"a b c", NULL}, {"a b c", NULL}},
};

/* s, splitlines(), splitlines(keepends=True) */
static const LinesCase lines_cases[] = {
    {"", {NULL}, {NULL}},
    {"one", {"one", NULL}, {"one", NULL}},
    {"a\nb", {"a", "b", NULL}, {"a\n", "b", NULL}},
    {"a\015\nb\015c\n", {"a", "b", "c", NULL},
     {"a\015\n", "b\015", "c\n", NULL}},
    {"a\n\nb\n", {"a", "", "b", NULL}, {"a\n", "\n", "b\n", NULL}},
    {"\013\014\034\035\036\302\205\342\200\250\342\200\251x",
     {"", "", "", "", "", "", "", "", "x", NULL},
     {"\013", "\014", "\034", "\035", "\036", "\302\205", "\342\200\250",
      "\342\200\251", "x", NULL}},
    {"a\015", {"a", NULL}, {"a\015", NULL}},
    {"\n", {"", NULL}, {"\n", NULL}},
};

/* s, sub, start, end, find, rfind, count, startswith, endswith */
static const FindCase find_cases[] = {
    {"hello world", "o", 0, TEXT_END, 4, 7, 2, 0, 0},
    {"hello world", "o", 5, TEXT_END, 7, 7, 1, 0, 0},
    {"hello world", "o", -4, TEXT_END, 7, 7, 1, 1, 0},
    {"hello world", "o", 0, 5, 4, 4, 1, 0, 1},
    {"hello world", "l", 3, -2, 3, 3, 1, 1, 0},
    {"hello", "", 0, TEXT_END, 0, 5, 6, 1, 1},
    {"hello", "", 2, 4, 2, 4, 3, 1, 1},
    {"hello", "", 6, TEXT_END, -1, -1, 0, 0, 0},
    {"hello", "", 5, TEXT_END, 5, 5, 1, 1, 1},
    {"hello", "xyz", 0, TEXT_END, -1, -1, 0, 0, 0},
    {"hello", "hello!", 0, TEXT_END, -1, -1, 0, 0, 0},
    {"", "", 0, TEXT_END, 0, 0, 1, 1, 1},
    {"", "a", 0, TEXT_END, -1, -1, 0, 0, 0},
    {"aaaa", "aa", 0, TEXT_END, 0, 2, 2, 1, 1},
    {"h\303\251llo w\303\266rld", "l", 0, TEXT_END, 2, 9, 3, 0, 0},
    {"h\303\251llo w\303\266rld", "\303\266", 0, TEXT_END, 7, 7, 1, 0, 0},
    {"\360\237\230\200a\360\237\230\200a", "a", 2, TEXT_END, 3, 3, 1, 0, 1},
    {"abcabc", "abc", -3, TEXT_END, 3, 3, 1, 1, 1},
    {"abcabc", "bc", -100, 100, 1, 4, 2, 0, 1},
    {"abc", "c", 2, 1, -1, -1, 0, 0, 0},
    {"abc", "abc", 0, 2, -1, -1, 0, 0, 0},
};

/* s, old, new, count, s.replace(old, new, count) */
static const ReplaceCase replace_cases[] = {
    {"hello", "l", "L", -1, "heLLo"},
    {"hello", "l", "L", 1, "heLlo"},
    {"hello", "l", "", -1, "heo"},
    {"hello", "x", "y", -1, "hello"},
    {"ab", "", "-", -1, "-a-b-"},
    {"ab", "", "-", 2, "-a-b"},
    {"", "", "x", -1, "x"},
    {"", "a", "x", -1, ""},
    {"aaa", "aa", "b", -1, "ba"},
    {"\303\251t\303\251", "\303\251", "e", -1, "ete"},
    {"\303\251t\303\251", "", ".", -1, ".\303\251.t.\303\251."},
    {"abc", "abc", "", 0, "abc"},
    {"abc", "b", "bb", -1, "abbc"},
};

/* s, sep, partition(), rpartition() */
static const PartitionCase partition_cases[] = {
    {"a=b=c", "=", {"a", "=", "b=c", NULL}, {"a=b", "=", "c", NULL}},
    {"abc", "=", {"abc", "", "", NULL}, {"", "", "abc", NULL}},
    {"", "=", {"", "", "", NULL}, {"", "", "", NULL}},
    {"key: value", ": ", {"key", ": ", "value", NULL},
     {"key", ": ", "value", NULL}},
    {"\303\251=\303\251", "\303\251", {"", "\303\251", "=\303\251", NULL},
     {"\303\251=", "\303\251", "", NULL}},
    {"==", "=", {"", "=", "=", NULL}, {"=", "=", "", NULL}},
};

/* s, width, fill, center, ljust, rjust, zfill */
static const PadCase pad_cases[] = {
    {"a", 4, 0x20, " a  ", "a   ", "   a", "000a"},
    {"ab", 5, 0x20, "  ab ", "ab   ", "   ab", "000ab"},
    {"abc", 6, 0x2A, "*abc**", "abc***", "***abc", "000abc"},
    {"abc", 7, 0xE9, "\303\251\303\251abc\303\251\303\251",
     "abc\303\251\303\251\303\251\303\251",
     "\303\251\303\251\303\251\303\251abc", "0000abc"},
    {"abc", 2, 0x2A, "abc", "abc", "abc", "abc"},
    {"abc", -1, 0x2A, "abc", "abc", "abc", "abc"},
    {"", 3, 0x1F600, "\360\237\230\200\360\237\230\200\360\237\230\200",
     "\360\237\230\200\360\237\230\200\360\237\230\200",
     "\360\237\230\200\360\237\230\200\360\237\230\200", "000"},
    {"\303\251\303\251", 5, 0x2D, "--\303\251\303\251-", "\303\251\303\251---",
     "---\303\251\303\251", "000\303\251\303\251"},
    {"42", 5, 0x20, "  42 ", "42   ", "   42", "00042"},
    {"-42", 5, 0x20, " -42 ", "-42  ", "  -42", "-0042"},
    {"+4", 4, 0x20, " +4 ", "+4  ", "  +4", "+004"},
    {"-", 3, 0x20, " - ", "-  ", "  -", "-00"},
    {"", 2, 0x20, "  ", "  ", "  ", "00"},
    {"abc", 3, 0x20, "abc", "abc", "abc", "abc"},
    {"x-1", 5, 0x20, " x-1 ", "x-1  ", "  x-1", "00x-1"},
    {"\303\251", 3, 0x20, " \303\251 ", "\303\251  ", "  \303\251",
     "00\303\251"},
};

/* s and flags for isdigit, isdecimal, isnumeric, isalpha, isalnum,
 * isspace, isupper, islower, istitle, isidentifier, isprintable,
 * isascii */
static const PredCase pred_cases[] = {
    {"", "000000000011"},
    {"123", "111010000011"},
    {"\331\243\331\244", "111010000010"},
    {"\302\262", "101010000010"},
    {"\302\275", "001010000010"},
    {"\342\205\240", "001010101110"},
    {"abc", "000110010111"},
    {"ab1", "000010010111"},
    {"ab c", "000000010011"},
    {"\303\251\303\237", "000110010110"},
    {"\344\270\255\346\226\207", "000110000110"},
    {" \t\n", "000001000001"},
    {"\343\200\200\302\240", "000001000000"},
    {"ABC", "000110100111"},
    {"AbC", "000110000111"},
    {"abc1", "000010010111"},
    {"ABC1", "000010100111"},
    {"Hello World", "000000001011"},
    {"Hello world", "000000000011"},
    {"\307\205a", "000110001110"},
    {"HELLO\307\205", "000110000110"},
    {"\341\276\210", "000110001110"},
    {"They'Re", "000000001011"},
    {"_id", "000000010111"},
    {"id_2", "000000010111"},
    {"2id", "000010010011"},
    {"a-b", "000000010011"},
    {"\303\251t\303\251", "000110010110"},
    {"\302\267a", "000000010010"},
    {"a\302\267", "000000010110"},
    {"x\314\201", "000000010110"},
    {"\177", "000000000001"},
    {"caf\303\251\n", "000000010000"},
    {"\342\200\213", "000000000000"},
    {"\302\252\302\272", "000110010110"},
    {"\315\205", "000000010010"},
};

/* ---- helpers ---- */

typedef void (*Conv)(const char *, size_t, Buf *);

static void check_conv(Conv f, const char *name, const char *s,
                       const char *want)
{
    Buf b;
    buf_init(&b);
    buf_puts(&b, "<");  /* conversions append */
    f(s, strlen(s), &b);
    ck_assert_msg(strcmp(b.s + 1, want) == 0 && b.s[0] == '<',
                  "%s('%s') = '%s', want '%s'", name, s, b.s + 1, want);
    buf_free(&b);
}

static void check_span(const char *s, TextSpan sp, const char *want,
                       const char *what)
{
    ck_assert_msg(sp.off + sp.len <= strlen(s), "%s: span out of range",
                  what);
    ck_assert_msg(sp.len == strlen(want) &&
                      memcmp(s + sp.off, want, sp.len) == 0,
                  "%s('%s') = '%.*s', want '%s'", what, s, (int)sp.len,
                  s + sp.off, want);
}

static void check_pieces(const char *s, const TextSpan *v, size_t count,
                         const char *const *want, const char *what)
{
    size_t n = 0;
    while (want[n])
        n++;
    ck_assert_msg(count == n, "%s('%s'): %zu pieces, want %zu", what, s,
                  count, n);
    for (size_t i = 0; i < n; i++)
        check_span(s, v[i], want[i], what);
}

/* ---- UTF-8 ---- */

typedef struct Utf8Case {
    const char *bytes;
    size_t n;
    int len;
    uint32_t cp;
} Utf8Case;

static const Utf8Case utf8_cases[] = {
    {"A", 1, 1, 0x41},
    {"\0", 1, 1, 0},
    {"\302\251", 2, 2, 0xA9},
    {"\337\277", 2, 2, 0x7FF},
    {"\340\240\200", 3, 3, 0x800},
    {"\342\202\254", 3, 3, 0x20AC},
    {"\355\240\200", 3, 3, 0xD800},   /* lone surrogate: accepted */
    {"\357\277\277", 3, 3, 0xFFFF},
    {"\360\220\200\200", 4, 4, 0x10000},
    {"\364\217\277\277", 4, 4, 0x10FFFF},
    {"", 0, 0, 0},
    {"\200", 1, 0, 0},                /* stray continuation */
    {"\300\200", 2, 0, 0},            /* overlong NUL */
    {"\301\277", 2, 0, 0},
    {"\340\200\200", 3, 0, 0},        /* overlong */
    {"\360\200\200\200", 4, 0, 0},    /* overlong */
    {"\364\220\200\200", 4, 0, 0},    /* above U+10FFFF */
    {"\365\200\200\200", 4, 0, 0},
    {"\377", 1, 0, 0},
    {"\342\202", 2, 0, 0},            /* truncated */
    {"\342\202\254", 2, 0, 0},        /* truncated by n */
    {"\342A\254", 3, 0, 0},
};

START_TEST(test_utf8_decode)
{
    const Utf8Case *c = &utf8_cases[_i];
    uint32_t cp = 0xDEADBEEF;
    int len = text_utf8_decode(c->bytes, c->n, &cp);
    ck_assert_int_eq(len, c->len);
    if (len)
        ck_assert_uint_eq(cp, c->cp);
    else
        ck_assert_uint_eq(cp, 0xDEADBEEF);
}
END_TEST

START_TEST(test_utf8_encode)
{
    static const uint32_t cps[] = {0, 0x41, 0x7F, 0x80, 0x7FF, 0x800, 0xD800,
                                   0xFFFF, 0x10000, 0x10FFFF};
    char out[4];
    uint32_t back;
    for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
        int k = text_utf8_encode(cps[i], out);
        ck_assert_int_gt(k, 0);
        ck_assert_int_eq(text_utf8_decode(out, (size_t)k, &back), k);
        ck_assert_uint_eq(back, cps[i]);
    }
    ck_assert_int_eq(text_utf8_encode(0x110000, out), 0);
    Buf b;
    buf_init(&b);
    text_utf8_append(&b, 0xE9);
    text_utf8_append(&b, 0x1F600);
    text_utf8_append(&b, 0x110000);  /* ignored */
    ck_assert_str_eq(b.s, "\303\251\360\237\230\200");
    buf_free(&b);
}
END_TEST

START_TEST(test_length_offset)
{
    /* a, e-acute, euro sign, an emoji, z: 1, 2, 3, 4 and 1 bytes */
    const char *s = "a\303\251\342\202\254\360\237\230\200z";
    size_t n = strlen(s);
    ck_assert_uint_eq(text_length(s, n), 5);
    ck_assert_uint_eq(text_length("", 0), 0);
    ck_assert_uint_eq(text_offset(s, n, 0), 0);
    ck_assert_uint_eq(text_offset(s, n, 1), 1);
    ck_assert_uint_eq(text_offset(s, n, 2), 3);
    ck_assert_uint_eq(text_offset(s, n, 3), 6);
    ck_assert_uint_eq(text_offset(s, n, 4), 10);
    ck_assert_uint_eq(text_offset(s, n, 5), n);
    ck_assert_uint_eq(text_offset(s, n, 99), n);
    ck_assert_int_eq(text_is_ascii(s, n), 0);
    ck_assert_int_eq(text_is_ascii("abc\177", 4), 1);
    ck_assert_int_eq(text_is_ascii("", 0), 1);
    /* a byte that starts nothing valid counts as one code point */
    ck_assert_uint_eq(text_length("a\377\200b", 4), 4);
    ck_assert_uint_eq(text_length("\342\202", 2), 2);
}
END_TEST

START_TEST(test_cp_properties)
{
    ck_assert(text_cp_isspace(' ') && text_cp_isspace(0x1F) &&
              text_cp_isspace(0x85) && text_cp_isspace(0x3000));
    ck_assert(!text_cp_isspace(0x200B) && !text_cp_isspace('a'));
    ck_assert(text_cp_isprintable(' ') && text_cp_isprintable(0xE9) &&
              text_cp_isprintable(0x1F600));
    ck_assert(!text_cp_isprintable(0xA0) && !text_cp_isprintable(0xAD) &&
              !text_cp_isprintable(0x378) && !text_cp_isprintable(0xD800) &&
              !text_cp_isprintable(0xE000) && !text_cp_isprintable(0xFFFF));
    ck_assert(text_cp_isalpha(0x4E2D) && !text_cp_isalpha('1'));
    ck_assert_int_eq(text_cp_decimal('7'), 7);
    ck_assert_int_eq(text_cp_decimal(0x663), 3);     /* ARABIC-INDIC THREE */
    ck_assert_int_eq(text_cp_decimal(0x1D7D7), 9);  /* MATH BOLD NINE */
    ck_assert_int_eq(text_cp_decimal(0xB2), -1);    /* superscript two */
    ck_assert_int_eq(text_cp_decimal('a'), -1);
}
END_TEST

/* ---- case ---- */

START_TEST(test_case)
{
    const CaseCase *c = &case_cases[_i];
    check_conv(text_upper, "upper", c->s, c->upper);
    check_conv(text_lower, "lower", c->s, c->lower);
    check_conv(text_title, "title", c->s, c->title);
    check_conv(text_capitalize, "capitalize", c->s, c->capitalize);
    check_conv(text_swapcase, "swapcase", c->s, c->swapcase);
    check_conv(text_casefold, "casefold", c->s, c->casefold);
}
END_TEST

/* Bytes that are not UTF-8 pass through case conversion unchanged. */
START_TEST(test_case_invalid_bytes)
{
    Buf b;
    buf_init(&b);
    text_upper("a\377b\303", 4, &b);
    ck_assert_uint_eq(b.len, 4);
    ck_assert_int_eq(memcmp(b.s, "A\377B\303", 4), 0);
    buf_free(&b);
}
END_TEST

/* ---- strip, split ---- */

START_TEST(test_strip)
{
    const StripCase *c = &strip_cases[_i];
    size_t n = strlen(c->s), cn = c->chars ? strlen(c->chars) : 0;
    check_span(c->s, text_strip(c->s, n, c->chars, cn), c->strip, "strip");
    check_span(c->s, text_lstrip(c->s, n, c->chars, cn), c->lstrip, "lstrip");
    check_span(c->s, text_rstrip(c->s, n, c->chars, cn), c->rstrip, "rstrip");
}
END_TEST

START_TEST(test_split)
{
    const SplitCase *c = &split_cases[_i];
    size_t n = strlen(c->s), sepn = c->sep ? strlen(c->sep) : 0, count;
    TextSpan *v;
    ck_assert_int_eq(text_split(c->s, n, c->sep, sepn, c->maxsplit, &v,
                                &count), 1);
    check_pieces(c->s, v, count, c->split, "split");
    free(v);
    ck_assert_int_eq(text_rsplit(c->s, n, c->sep, sepn, c->maxsplit, &v,
                                 &count), 1);
    check_pieces(c->s, v, count, c->rsplit, "rsplit");
    free(v);
}
END_TEST

START_TEST(test_split_empty_separator)
{
    TextSpan *v = NULL, parts[3];
    size_t count = 99;
    ck_assert_int_eq(text_split("a b", 3, "", 0, -1, &v, &count), 0);
    ck_assert_int_eq(text_rsplit("a b", 3, "", 0, -1, &v, &count), 0);
    ck_assert_ptr_null(v);
    ck_assert_uint_eq(count, 99);
    ck_assert_int_eq(text_partition("a b", 3, "", 0, parts), 0);
    ck_assert_int_eq(text_rpartition("a b", 3, "", 0, parts), 0);
}
END_TEST

START_TEST(test_splitlines)
{
    const LinesCase *c = &lines_cases[_i];
    TextSpan *v;
    size_t count = text_splitlines(c->s, strlen(c->s), 0, &v);
    check_pieces(c->s, v, count, c->lines, "splitlines");
    free(v);
    count = text_splitlines(c->s, strlen(c->s), 1, &v);
    check_pieces(c->s, v, count, c->kept, "splitlines(keepends)");
    free(v);
}
END_TEST

/* ---- search ---- */

START_TEST(test_find)
{
    const FindCase *c = &find_cases[_i];
    size_t n = strlen(c->s), m = strlen(c->sub);
    ck_assert_int_eq(text_find(c->s, n, c->sub, m, c->start, c->end),
                     c->find);
    ck_assert_int_eq(text_rfind(c->s, n, c->sub, m, c->start, c->end),
                     c->rfind);
    ck_assert_int_eq(text_count(c->s, n, c->sub, m, c->start, c->end),
                     c->count);
    ck_assert_int_eq(text_startswith(c->s, n, c->sub, m, c->start, c->end),
                     c->startswith);
    ck_assert_int_eq(text_endswith(c->s, n, c->sub, m, c->start, c->end),
                     c->endswith);
}
END_TEST

START_TEST(test_replace)
{
    const ReplaceCase *c = &replace_cases[_i];
    Buf b;
    buf_init(&b);
    text_replace(c->s, strlen(c->s), c->old, strlen(c->old), c->new_,
                 strlen(c->new_), c->count, &b);
    ck_assert_msg(strcmp(b.s, c->want) == 0,
                  "'%s'.replace('%s', '%s', %ld) = '%s', want '%s'", c->s,
                  c->old, c->new_, c->count, b.s, c->want);
    buf_free(&b);
}
END_TEST

START_TEST(test_partition)
{
    const PartitionCase *c = &partition_cases[_i];
    TextSpan p[3];
    size_t n = strlen(c->s);
    ck_assert_int_eq(text_partition(c->s, n, c->sep, strlen(c->sep), p), 1);
    check_pieces(c->s, p, 3, c->part, "partition");
    ck_assert_int_eq(text_rpartition(c->s, n, c->sep, strlen(c->sep), p), 1);
    check_pieces(c->s, p, 3, c->rpart, "rpartition");
}
END_TEST

/* ---- padding ---- */

START_TEST(test_pad)
{
    const PadCase *c = &pad_cases[_i];
    size_t n = strlen(c->s);
    Buf b;
    buf_init(&b);
    ck_assert_int_eq(text_center(c->s, n, c->width, c->fill, &b), 1);
    ck_assert_str_eq(b.s, c->center);
    buf_clear(&b);
    ck_assert_int_eq(text_ljust(c->s, n, c->width, c->fill, &b), 1);
    ck_assert_str_eq(b.s, c->ljust);
    buf_clear(&b);
    ck_assert_int_eq(text_rjust(c->s, n, c->width, c->fill, &b), 1);
    ck_assert_str_eq(b.s, c->rjust);
    buf_clear(&b);
    ck_assert_int_eq(text_zfill(c->s, n, c->width, &b), 1);
    ck_assert_str_eq(b.s, c->zfill);
    buf_free(&b);
}
END_TEST

START_TEST(test_pad_too_wide)
{
    Buf b;
    buf_init(&b);
    ck_assert_int_eq(text_center("a", 1, TEXT_WIDTH_MAX + 1, ' ', &b), 0);
    ck_assert_int_eq(text_ljust("a", 1, LONG_MAX, ' ', &b), 0);
    ck_assert_int_eq(text_rjust("a", 1, TEXT_WIDTH_MAX + 1, ' ', &b), 0);
    ck_assert_int_eq(text_zfill("1", 1, TEXT_WIDTH_MAX + 1, &b), 0);
    ck_assert_uint_eq(b.len, 0);
    ck_assert_int_eq(text_ljust("a", 1, 1000, ' ', &b), 1);
    ck_assert_uint_eq(b.len, 1000);
    buf_free(&b);
}
END_TEST

/* ---- predicates ---- */

START_TEST(test_predicates)
{
    const PredCase *c = &pred_cases[_i];
    int (*const preds[])(const char *, size_t) = {
        text_isdigit, text_isdecimal, text_isnumeric, text_isalpha,
        text_isalnum, text_isspace, text_isupper, text_islower,
        text_istitle, text_isidentifier, text_isprintable, text_is_ascii,
    };
    static const char *const names[] = {
        "isdigit", "isdecimal", "isnumeric", "isalpha", "isalnum", "isspace",
        "isupper", "islower", "istitle", "isidentifier", "isprintable",
        "isascii",
    };
    for (size_t i = 0; i < sizeof preds / sizeof preds[0]; i++)
        ck_assert_msg(preds[i](c->s, strlen(c->s)) == c->flags[i] - '0',
                      "'%s'.%s() should be %c", c->s, names[i], c->flags[i]);
}
END_TEST

Suite *text_suite(void)
{
    Suite *s = suite_create("text");
    TCase *tc = tcase_create("utf8");
    tcase_add_loop_test(tc, test_utf8_decode, 0, COUNT(utf8_cases));
    tcase_add_test(tc, test_utf8_encode);
    tcase_add_test(tc, test_length_offset);
    tcase_add_test(tc, test_cp_properties);
    suite_add_tcase(s, tc);

    tc = tcase_create("case");
    tcase_add_loop_test(tc, test_case, 0, COUNT(case_cases));
    tcase_add_test(tc, test_case_invalid_bytes);
    suite_add_tcase(s, tc);

    tc = tcase_create("split");
    tcase_add_loop_test(tc, test_strip, 0, COUNT(strip_cases));
    tcase_add_loop_test(tc, test_split, 0, COUNT(split_cases));
    tcase_add_test(tc, test_split_empty_separator);
    tcase_add_loop_test(tc, test_splitlines, 0, COUNT(lines_cases));
    suite_add_tcase(s, tc);

    tc = tcase_create("search");
    tcase_add_loop_test(tc, test_find, 0, COUNT(find_cases));
    tcase_add_loop_test(tc, test_replace, 0, COUNT(replace_cases));
    tcase_add_loop_test(tc, test_partition, 0, COUNT(partition_cases));
    suite_add_tcase(s, tc);

    tc = tcase_create("pad");
    tcase_add_loop_test(tc, test_pad, 0, COUNT(pad_cases));
    tcase_add_test(tc, test_pad_too_wide);
    suite_add_tcase(s, tc);

    tc = tcase_create("predicates");
    tcase_add_loop_test(tc, test_predicates, 0, COUNT(pred_cases));
    suite_add_tcase(s, tc);
    return s;
}
