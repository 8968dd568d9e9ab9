/* text_int.h: what text.c (str methods) and text_unicode.c (the generated
 * Unicode tables and their lookups) share: the table row types and the
 * per-code-point lookups. Internal to src/py/objects' text; everything
 * else uses text.h. */
#ifndef LS_TEXT_INT_H
#define LS_TEXT_INT_H

#include <stddef.h>
#include <stdint.h>

/* A range of code points, lo..hi inclusive. */
typedef struct TextRange {
    uint32_t lo, hi;
} TextRange;

/* Code points lo, lo+stride, ..., hi each map to themselves + delta. */
typedef struct TextCaseRun {
    uint32_t lo, hi;
    unsigned stride;
    int delta;
} TextCaseRun;

/* A code point whose mapping is 2 or 3 code points (unused slots are 0). */
typedef struct TextCaseMulti {
    uint32_t cp;
    uint32_t to[3];
} TextCaseMulti;

/* One case mapping: runs of one-character results and the longer ones. */
typedef struct TextCaseMap {
    const TextCaseRun *runs;
    size_t nruns;
    const TextCaseMulti *multi;
    size_t nmulti;
} TextCaseMap;

/* Defined in text.c. */
int in_ranges(const TextRange *r, size_t count, uint32_t cp);

/* Lookups into the generated tables (text_unicode.c). */
int cp_map_upper(uint32_t cp, uint32_t out[3]);
int cp_map_lower(uint32_t cp, uint32_t out[3]);
int cp_map_title(uint32_t cp, uint32_t out[3]);
int cp_map_fold(uint32_t cp, uint32_t out[3]);
int cp_is_title(uint32_t cp);
int cp_is_upper(uint32_t cp);
int cp_is_lower(uint32_t cp);
int cp_is_case_ignorable(uint32_t cp);
int cp_is_digit(uint32_t cp);
int cp_is_numeric(uint32_t cp);

#endif
