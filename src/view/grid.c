/* grid.c: the cell grid every pane draws into.
 * Owns the cells, clipping, UTF-8 decoding for drawing, display widths
 * (our own tables, never the locale), the ASCII fallbacks, text with an
 * ellipsis, fills, boxes and lines. Invariant: a wide character always
 * occupies a CELL_WIDE cell followed by a CELL_CONT cell in the same row;
 * no write ever leaves one half without the other.
 * Leaves to others: what is drawn where (panes and layout), which colours a
 * Style has (theme.c), and turning cells into output (src/out, src/tui).
 * Zero-width characters (combining marks, ZWJ, variation selectors) are
 * dropped, not attached to the previous cell: a cell holds one code point,
 * and the text still reads right with its marks missing. */
#include "grid.h"

#include "../base/base.h"
#include "../base/esc.h"

#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>

#define CP_REPLACEMENT 0xFFFDu
#define CP_ELLIPSIS 0x2026u
#define CP_HLINE 0x2500u
#define CP_VLINE 0x2502u

/* Rectangles in 64-bit arithmetic, so x + w never overflows however big or
 * negative the caller's numbers are. */
typedef struct LRect {
    long long x, y, w, h;
} LRect;

static LRect lrect(Rect r)
{
    LRect l = {r.x, r.y, r.w, r.h};
    return l;
}

/* a ∩ b; an empty result has w == 0 or h == 0. */
static LRect lrect_meet(LRect a, LRect b)
{
    long long x0 = a.x > b.x ? a.x : b.x;
    long long y0 = a.y > b.y ? a.y : b.y;
    long long x1 = a.x + (a.w > 0 ? a.w : 0);
    long long y1 = a.y + (a.h > 0 ? a.h : 0);
    long long bx1 = b.x + (b.w > 0 ? b.w : 0);
    long long by1 = b.y + (b.h > 0 ? b.h : 0);
    if (bx1 < x1)
        x1 = bx1;
    if (by1 < y1)
        y1 = by1;
    LRect r = {x0, y0, x1 > x0 ? x1 - x0 : 0, y1 > y0 ? y1 - y0 : 0};
    return r;
}

/* ------------------------------------------------------------ widths */

typedef struct CpRange {
    uint32_t lo, hi;
} CpRange;

/* Generated from Python 3.11's unicodedata (Unicode 14.0.0):
 * zero_width: categories Mn and Me, plus U+200B..200F, U+2060..2064,
 * U+FEFF, the Hangul medial and final jamo (U+1160..11FF, U+D7B0..D7FF),
 * variation selectors and tags (U+FE00..FE0F, U+E0000..E0FFF).
 * double_width: East Asian Width W and F (assigned characters), plus the
 * ideograph blocks that are wide even where unassigned.
 * Gaps made only of unassigned code points are merged into their
 * neighbours to keep the tables short. */
static const CpRange zero_width[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF},
    {0x05C1, 0x05C2}, {0x05C4, 0x05C5}, {0x05C7, 0x05C7}, {0x0610, 0x061A},
    {0x064B, 0x065F}, {0x0670, 0x0670}, {0x06D6, 0x06DC}, {0x06DF, 0x06E4},
    {0x06E7, 0x06E8}, {0x06EA, 0x06ED}, {0x0711, 0x0711}, {0x0730, 0x074A},
    {0x07A6, 0x07B0}, {0x07EB, 0x07F3}, {0x07FD, 0x07FD}, {0x0816, 0x0819},
    {0x081B, 0x0823}, {0x0825, 0x0827}, {0x0829, 0x082D}, {0x0859, 0x085B},
    {0x0898, 0x089F}, {0x08CA, 0x08E1}, {0x08E3, 0x0902}, {0x093A, 0x093A},
    {0x093C, 0x093C}, {0x0941, 0x0948}, {0x094D, 0x094D}, {0x0951, 0x0957},
    {0x0962, 0x0963}, {0x0981, 0x0981}, {0x09BC, 0x09BC}, {0x09C1, 0x09C4},
    {0x09CD, 0x09CD}, {0x09E2, 0x09E3}, {0x09FE, 0x0A02}, {0x0A3C, 0x0A3C},
    {0x0A41, 0x0A51}, {0x0A70, 0x0A71}, {0x0A75, 0x0A75}, {0x0A81, 0x0A82},
    {0x0ABC, 0x0ABC}, {0x0AC1, 0x0AC8}, {0x0ACD, 0x0ACD}, {0x0AE2, 0x0AE3},
    {0x0AFA, 0x0B01}, {0x0B3C, 0x0B3C}, {0x0B3F, 0x0B3F}, {0x0B41, 0x0B44},
    {0x0B4D, 0x0B56}, {0x0B62, 0x0B63}, {0x0B82, 0x0B82}, {0x0BC0, 0x0BC0},
    {0x0BCD, 0x0BCD}, {0x0C00, 0x0C00}, {0x0C04, 0x0C04}, {0x0C3C, 0x0C3C},
    {0x0C3E, 0x0C40}, {0x0C46, 0x0C56}, {0x0C62, 0x0C63}, {0x0C81, 0x0C81},
    {0x0CBC, 0x0CBC}, {0x0CBF, 0x0CBF}, {0x0CC6, 0x0CC6}, {0x0CCC, 0x0CCD},
    {0x0CE2, 0x0CE3}, {0x0D00, 0x0D01}, {0x0D3B, 0x0D3C}, {0x0D41, 0x0D44},
    {0x0D4D, 0x0D4D}, {0x0D62, 0x0D63}, {0x0D81, 0x0D81}, {0x0DCA, 0x0DCA},
    {0x0DD2, 0x0DD6}, {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E},
    {0x0EB1, 0x0EB1}, {0x0EB4, 0x0EBC}, {0x0EC8, 0x0ECD}, {0x0F18, 0x0F19},
    {0x0F35, 0x0F35}, {0x0F37, 0x0F37}, {0x0F39, 0x0F39}, {0x0F71, 0x0F7E},
    {0x0F80, 0x0F84}, {0x0F86, 0x0F87}, {0x0F8D, 0x0FBC}, {0x0FC6, 0x0FC6},
    {0x102D, 0x1030}, {0x1032, 0x1037}, {0x1039, 0x103A}, {0x103D, 0x103E},
    {0x1058, 0x1059}, {0x105E, 0x1060}, {0x1071, 0x1074}, {0x1082, 0x1082},
    {0x1085, 0x1086}, {0x108D, 0x108D}, {0x109D, 0x109D}, {0x1160, 0x11FF},
    {0x135D, 0x135F}, {0x1712, 0x1714}, {0x1732, 0x1733}, {0x1752, 0x1753},
    {0x1772, 0x1773}, {0x17B4, 0x17B5}, {0x17B7, 0x17BD}, {0x17C6, 0x17C6},
    {0x17C9, 0x17D3}, {0x17DD, 0x17DD}, {0x180B, 0x180D}, {0x180F, 0x180F},
    {0x1885, 0x1886}, {0x18A9, 0x18A9}, {0x1920, 0x1922}, {0x1927, 0x1928},
    {0x1932, 0x1932}, {0x1939, 0x193B}, {0x1A17, 0x1A18}, {0x1A1B, 0x1A1B},
    {0x1A56, 0x1A56}, {0x1A58, 0x1A60}, {0x1A62, 0x1A62}, {0x1A65, 0x1A6C},
    {0x1A73, 0x1A7F}, {0x1AB0, 0x1B03}, {0x1B34, 0x1B34}, {0x1B36, 0x1B3A},
    {0x1B3C, 0x1B3C}, {0x1B42, 0x1B42}, {0x1B6B, 0x1B73}, {0x1B80, 0x1B81},
    {0x1BA2, 0x1BA5}, {0x1BA8, 0x1BA9}, {0x1BAB, 0x1BAD}, {0x1BE6, 0x1BE6},
    {0x1BE8, 0x1BE9}, {0x1BED, 0x1BED}, {0x1BEF, 0x1BF1}, {0x1C2C, 0x1C33},
    {0x1C36, 0x1C37}, {0x1CD0, 0x1CD2}, {0x1CD4, 0x1CE0}, {0x1CE2, 0x1CE8},
    {0x1CED, 0x1CED}, {0x1CF4, 0x1CF4}, {0x1CF8, 0x1CF9}, {0x1DC0, 0x1DFF},
    {0x200B, 0x200F}, {0x2060, 0x2064}, {0x20D0, 0x20F0}, {0x2CEF, 0x2CF1},
    {0x2D7F, 0x2D7F}, {0x2DE0, 0x2DFF}, {0x302A, 0x302D}, {0x3099, 0x309A},
    {0xA66F, 0xA672}, {0xA674, 0xA67D}, {0xA69E, 0xA69F}, {0xA6F0, 0xA6F1},
    {0xA802, 0xA802}, {0xA806, 0xA806}, {0xA80B, 0xA80B}, {0xA825, 0xA826},
    {0xA82C, 0xA82C}, {0xA8C4, 0xA8C5}, {0xA8E0, 0xA8F1}, {0xA8FF, 0xA8FF},
    {0xA926, 0xA92D}, {0xA947, 0xA951}, {0xA980, 0xA982}, {0xA9B3, 0xA9B3},
    {0xA9B6, 0xA9B9}, {0xA9BC, 0xA9BD}, {0xA9E5, 0xA9E5}, {0xAA29, 0xAA2E},
    {0xAA31, 0xAA32}, {0xAA35, 0xAA36}, {0xAA43, 0xAA43}, {0xAA4C, 0xAA4C},
    {0xAA7C, 0xAA7C}, {0xAAB0, 0xAAB0}, {0xAAB2, 0xAAB4}, {0xAAB7, 0xAAB8},
    {0xAABE, 0xAABF}, {0xAAC1, 0xAAC1}, {0xAAEC, 0xAAED}, {0xAAF6, 0xAAF6},
    {0xABE5, 0xABE5}, {0xABE8, 0xABE8}, {0xABED, 0xABED}, {0xD7B0, 0xD7FF},
    {0xFB1E, 0xFB1E}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF},
    {0x101FD, 0x101FD}, {0x102E0, 0x102E0}, {0x10376, 0x1037A}, {0x10A01, 0x10A0F},
    {0x10A38, 0x10A3F}, {0x10AE5, 0x10AE6}, {0x10D24, 0x10D27}, {0x10EAB, 0x10EAC},
    {0x10F46, 0x10F50}, {0x10F82, 0x10F85}, {0x11001, 0x11001}, {0x11038, 0x11046},
    {0x11070, 0x11070}, {0x11073, 0x11074}, {0x1107F, 0x11081}, {0x110B3, 0x110B6},
    {0x110B9, 0x110BA}, {0x110C2, 0x110C2}, {0x11100, 0x11102}, {0x11127, 0x1112B},
    {0x1112D, 0x11134}, {0x11173, 0x11173}, {0x11180, 0x11181}, {0x111B6, 0x111BE},
    {0x111C9, 0x111CC}, {0x111CF, 0x111CF}, {0x1122F, 0x11231}, {0x11234, 0x11234},
    {0x11236, 0x11237}, {0x1123E, 0x1123E}, {0x112DF, 0x112DF}, {0x112E3, 0x112EA},
    {0x11300, 0x11301}, {0x1133B, 0x1133C}, {0x11340, 0x11340}, {0x11366, 0x11374},
    {0x11438, 0x1143F}, {0x11442, 0x11444}, {0x11446, 0x11446}, {0x1145E, 0x1145E},
    {0x114B3, 0x114B8}, {0x114BA, 0x114BA}, {0x114BF, 0x114C0}, {0x114C2, 0x114C3},
    {0x115B2, 0x115B5}, {0x115BC, 0x115BD}, {0x115BF, 0x115C0}, {0x115DC, 0x115DD},
    {0x11633, 0x1163A}, {0x1163D, 0x1163D}, {0x1163F, 0x11640}, {0x116AB, 0x116AB},
    {0x116AD, 0x116AD}, {0x116B0, 0x116B5}, {0x116B7, 0x116B7}, {0x1171D, 0x1171F},
    {0x11722, 0x11725}, {0x11727, 0x1172B}, {0x1182F, 0x11837}, {0x11839, 0x1183A},
    {0x1193B, 0x1193C}, {0x1193E, 0x1193E}, {0x11943, 0x11943}, {0x119D4, 0x119DB},
    {0x119E0, 0x119E0}, {0x11A01, 0x11A0A}, {0x11A33, 0x11A38}, {0x11A3B, 0x11A3E},
    {0x11A47, 0x11A47}, {0x11A51, 0x11A56}, {0x11A59, 0x11A5B}, {0x11A8A, 0x11A96},
    {0x11A98, 0x11A99}, {0x11C30, 0x11C3D}, {0x11C3F, 0x11C3F}, {0x11C92, 0x11CA7},
    {0x11CAA, 0x11CB0}, {0x11CB2, 0x11CB3}, {0x11CB5, 0x11CB6}, {0x11D31, 0x11D45},
    {0x11D47, 0x11D47}, {0x11D90, 0x11D91}, {0x11D95, 0x11D95}, {0x11D97, 0x11D97},
    {0x11EF3, 0x11EF4}, {0x16AF0, 0x16AF4}, {0x16B30, 0x16B36}, {0x16F4F, 0x16F4F},
    {0x16F8F, 0x16F92}, {0x16FE4, 0x16FE4}, {0x1BC9D, 0x1BC9E}, {0x1CF00, 0x1CF46},
    {0x1D167, 0x1D169}, {0x1D17B, 0x1D182}, {0x1D185, 0x1D18B}, {0x1D1AA, 0x1D1AD},
    {0x1D242, 0x1D244}, {0x1DA00, 0x1DA36}, {0x1DA3B, 0x1DA6C}, {0x1DA75, 0x1DA75},
    {0x1DA84, 0x1DA84}, {0x1DA9B, 0x1DAAF}, {0x1E000, 0x1E02A}, {0x1E130, 0x1E136},
    {0x1E2AE, 0x1E2AE}, {0x1E2EC, 0x1E2EF}, {0x1E8D0, 0x1E8D6}, {0x1E944, 0x1E94A},
    {0xE0000, 0xE0FFF},
};
static const CpRange double_width[] = {
    {0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC},
    {0x23F0, 0x23F0}, {0x23F3, 0x23F3}, {0x25FD, 0x25FE}, {0x2614, 0x2615},
    {0x2648, 0x2653}, {0x267F, 0x267F}, {0x2693, 0x2693}, {0x26A1, 0x26A1},
    {0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5}, {0x26CE, 0x26CE},
    {0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5},
    {0x26FA, 0x26FA}, {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B},
    {0x2728, 0x2728}, {0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755},
    {0x2757, 0x2757}, {0x2795, 0x2797}, {0x27B0, 0x27B0}, {0x27BF, 0x27BF},
    {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55}, {0x2E80, 0x3029},
    {0x302E, 0x303E}, {0x3041, 0x3096}, {0x309B, 0x3247}, {0x3250, 0x4DBF},
    {0x4E00, 0xA4C6}, {0xA960, 0xA97C}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF},
    {0xFE10, 0xFE19}, {0xFE30, 0xFE6B}, {0xFF01, 0xFF60}, {0xFFE0, 0xFFE6},
    {0x16FE0, 0x16FE3}, {0x16FF0, 0x1B2FB}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF},
    {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F320}, {0x1F32D, 0x1F335},
    {0x1F337, 0x1F37C}, {0x1F37E, 0x1F393}, {0x1F3A0, 0x1F3CA}, {0x1F3CF, 0x1F3D3},
    {0x1F3E0, 0x1F3F0}, {0x1F3F4, 0x1F3F4}, {0x1F3F8, 0x1F43E}, {0x1F440, 0x1F440},
    {0x1F442, 0x1F4FC}, {0x1F4FF, 0x1F53D}, {0x1F54B, 0x1F54E}, {0x1F550, 0x1F567},
    {0x1F57A, 0x1F57A}, {0x1F595, 0x1F596}, {0x1F5A4, 0x1F5A4}, {0x1F5FB, 0x1F64F},
    {0x1F680, 0x1F6C5}, {0x1F6CC, 0x1F6CC}, {0x1F6D0, 0x1F6D2}, {0x1F6D5, 0x1F6DF},
    {0x1F6EB, 0x1F6EC}, {0x1F6F4, 0x1F6FC}, {0x1F7E0, 0x1F7F0}, {0x1F90C, 0x1F93A},
    {0x1F93C, 0x1F945}, {0x1F947, 0x1F9FF}, {0x1FA70, 0x1FAF6}, {0x20000, 0x3FFFD},
};

static bool in_table(uint32_t cp, const CpRange *t, size_t n)
{
    if (n == 0 || cp < t[0].lo || cp > t[n - 1].hi)
        return false;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp > t[mid].hi)
            lo = mid + 1;
        else if (cp < t[mid].lo)
            hi = mid;
        else
            return true;
    }
    return false;
}

static bool is_invalid(uint32_t cp)
{
    return cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF);
}

/* Control characters, bidi and other invisible format characters
 * (esc_hidden) and invalid code points are 1: they draw as U+FFFD. */
int grid_cp_width(uint32_t cp)
{
    if (cp < 0x300)
        return 1;
    if (is_invalid(cp) || esc_hidden(cp))
        return 1;
    if (in_table(cp, zero_width, sizeof zero_width / sizeof zero_width[0]))
        return 0;
    if (in_table(cp, double_width, sizeof double_width / sizeof double_width[0]))
        return 2;
    return 1;
}

/* ------------------------------------------------------------ UTF-8 */

size_t grid_utf8_next(const char *str, size_t n, uint32_t *cp)
{
    return utf8_decode(str, n, cp);
}

/* ------------------------------------------------------------ ASCII */

typedef struct AsciiMap {
    uint32_t lo, hi;
    char ch;
} AsciiMap;

/* Sorted, non-overlapping. Anything else non-ASCII becomes '?'. */
static const AsciiMap ascii_map[] = {
    {0x00A0, 0x00A0, ' '}, {0x00AB, 0x00AB, '<'}, {0x00B7, 0x00B7, '.'},
    {0x00BB, 0x00BB, '>'}, {0x00D7, 0x00D7, 'x'}, {0x2010, 0x2015, '-'},
    {0x2018, 0x201B, '\''}, {0x201C, 0x201F, '"'}, {0x2022, 0x2022, '*'},
    {0x2026, 0x2026, '~'}, {0x2190, 0x2190, '<'}, {0x2191, 0x2191, '^'},
    {0x2192, 0x2192, '>'}, {0x2193, 0x2193, 'v'}, {0x2212, 0x2212, '-'},
    {0x2500, 0x2501, '-'}, {0x2502, 0x2503, '|'}, {0x2504, 0x2505, '-'},
    {0x2506, 0x2507, '|'}, {0x2508, 0x2509, '-'}, {0x250A, 0x250B, '|'},
    {0x250C, 0x254B, '+'}, {0x254C, 0x254D, '-'}, {0x254E, 0x254F, '|'},
    {0x2550, 0x2550, '='}, {0x2551, 0x2551, '|'}, {0x2552, 0x2570, '+'},
    {0x2571, 0x2571, '/'}, {0x2572, 0x2572, '\\'}, {0x2573, 0x2573, 'X'},
    {0x2574, 0x2574, '-'}, {0x2575, 0x2575, '|'}, {0x2576, 0x2576, '-'},
    {0x2577, 0x2577, '|'}, {0x2578, 0x2578, '-'}, {0x2579, 0x2579, '|'},
    {0x257A, 0x257A, '-'}, {0x257B, 0x257B, '|'}, {0x257C, 0x257C, '-'},
    {0x257D, 0x257D, '|'}, {0x257E, 0x257E, '-'}, {0x257F, 0x257F, '|'},
    {0x2580, 0x2590, '#'}, {0x2591, 0x2591, '.'}, {0x2592, 0x2592, ':'},
    {0x2593, 0x259F, '#'}, {0x25A0, 0x25A1, '#'}, {0x25B2, 0x25B2, '^'},
    {0x25B6, 0x25B6, '>'}, {0x25B8, 0x25B8, '>'}, {0x25BA, 0x25BA, '>'},
    {0x25BC, 0x25BC, 'v'}, {0x25C0, 0x25C0, '<'}, {0x25C2, 0x25C2, '<'},
    {0x25C4, 0x25C4, '<'}, {0x25C6, 0x25C6, '*'}, {0x25CB, 0x25CB, 'o'},
    {0x25CF, 0x25CF, '*'},
};

static uint32_t ascii_fallback(uint32_t cp)
{
    size_t lo = 0, hi = sizeof ascii_map / sizeof ascii_map[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp > ascii_map[mid].hi)
            lo = mid + 1;
        else if (cp < ascii_map[mid].lo)
            hi = mid;
        else
            return (uint32_t)(unsigned char)ascii_map[mid].ch;
    }
    return '?';
}

/* What actually lands in a cell for cp, and its width (0 = dropped). */
static int glyph(const Grid *g, uint32_t cp, uint32_t *out)
{
    if (esc_hidden(cp) || is_invalid(cp))
        cp = g->ascii ? '?' : CP_REPLACEMENT;
    int w = grid_cp_width(cp);
    if (w == 0)
        return 0;
    if (g->ascii && cp >= 0x80) {
        cp = ascii_fallback(cp);
        w = 1;
    }
    *out = cp;
    return w;
}

/* ------------------------------------------------------------ cells */

static const Cell blank_cell = {' ', ST_NORMAL, 0};

static Cell *cell_at(Grid *g, long long x, long long y)
{
    return &g->cells[(size_t)y * (size_t)g->w + (size_t)x];
}

static bool visible(const Grid *g, long long x, long long y)
{
    return x >= g->clip.x && x < (long long)g->clip.x + g->clip.w &&
           y >= g->clip.y && y < (long long)g->clip.y + g->clip.h;
}

/* Before (x, y) is overwritten (the caller sets all of it next): if it is
 * half of a wide character, blank the other half, keeping its style. That
 * half may lie outside the clip; it is still cleared, or the grid would
 * hold an orphan half. */
static void unpair(Grid *g, long long x, long long y)
{
    Cell *c = cell_at(g, x, y);
    if ((c->flags & CELL_WIDE) && x + 1 < g->w) {
        Cell *o = cell_at(g, x + 1, y);
        if (o->flags & CELL_CONT)
            o->ch = ' ', o->flags = 0;
    } else if ((c->flags & CELL_CONT) && x > 0) {
        Cell *o = cell_at(g, x - 1, y);
        if (o->flags & CELL_WIDE)
            o->ch = ' ', o->flags = 0;
    }
}

static void set_cell(Grid *g, long long x, long long y, uint32_t ch, Style st, uint8_t flags)
{
    Cell *c = cell_at(g, x, y);
    c->ch = ch;
    c->style = (uint8_t)st;
    c->flags = flags;
}

/* grid_put with 64-bit coordinates and the glyph already chosen. */
static void put_glyph(Grid *g, long long x, long long y, uint32_t ch, int w, Style st)
{
    if (w == 1) {
        if (!visible(g, x, y))
            return;
        unpair(g, x, y);
        set_cell(g, x, y, ch, st, 0);
        return;
    }
    bool a = visible(g, x, y), b = visible(g, x + 1, y);
    if (a && b) {
        unpair(g, x, y);
        unpair(g, x + 1, y);
        set_cell(g, x, y, ch, st, CELL_WIDE);
        set_cell(g, x + 1, y, 0, st, CELL_CONT);
    } else if (a || b) {
        /* half of it is clipped: the visible half is a space */
        long long vx = a ? x : x + 1;
        unpair(g, vx, y);
        set_cell(g, vx, y, ' ', st, 0);
    }
}

static void put_l(Grid *g, long long x, long long y, uint32_t cp, Style st)
{
    uint32_t ch;
    int w = glyph(g, cp, &ch);
    if (w)
        put_glyph(g, x, y, ch, w, st);
}

void grid_put(Grid *g, int x, int y, uint32_t cp, Style st)
{
    put_l(g, x, y, cp, st);
}

/* ------------------------------------------------------------ grid */

static void grid_alloc(Grid *g, int w, int h)
{
    g->w = w > 0 ? w : 0;
    g->h = h > 0 ? h : 0;
    if (g->h && (size_t)g->w > SIZE_MAX / sizeof(Cell) / (size_t)g->h)
        die("grid of %d x %d cells is too large", g->w, g->h);
    g->cells = xmalloc((size_t)g->w * (size_t)g->h * sizeof(Cell));
    grid_clear(g);
}

Grid *grid_new(int w, int h, bool ascii)
{
    Grid *g = xcalloc(1, sizeof *g);
    g->ascii = ascii;
    grid_alloc(g, w, h);
    return g;
}

void grid_free(Grid *g)
{
    if (!g)
        return;
    xfree(g->cells);
    xfree(g);
}

void grid_resize(Grid *g, int w, int h)
{
    xfree(g->cells);
    grid_alloc(g, w, h);
}

void grid_clear(Grid *g)
{
    size_t n = (size_t)g->w * (size_t)g->h;
    for (size_t i = 0; i < n; i++)
        g->cells[i] = blank_cell;
    grid_unclip(g);
}

const Cell *grid_at(const Grid *g, int x, int y)
{
    if (x < 0 || y < 0 || x >= g->w || y >= g->h)
        return NULL;
    return &g->cells[(size_t)y * (size_t)g->w + (size_t)x];
}

bool grid_row_is(const Grid *g, int y, const Cell *row)
{
    for (int x = 0; x < g->w; x++) {
        const Cell *c = grid_at(g, x, y);
        if (c->ch != row[x].ch || c->style != row[x].style || c->flags != row[x].flags)
            return false;
    }
    return true;
}

void grid_clip(Grid *g, Rect r)
{
    g->clip = rect_and(r, (Rect){0, 0, g->w, g->h});
    if (g->clip.w == 0 || g->clip.h == 0)
        g->clip.w = g->clip.h = 0;
}

void grid_unclip(Grid *g)
{
    g->clip.x = g->clip.y = 0;
    g->clip.w = g->w;
    g->clip.h = g->h;
}

Rect grid_clip_push(Grid *g, Rect r)
{
    Rect old = g->clip;
    grid_clip(g, rect_and(r, old));
    return old;
}

void grid_clip_pop(Grid *g, Rect old)
{
    g->clip = old;
}

/* ------------------------------------------------------------ text */

/* Columns text takes up to its end or first newline, as grid_text draws
 * it on g (g NULL: not in ASCII mode). */
static long long measure(const Grid *g, const char *utf8)
{
    static const Grid unicode_grid = {0, 0, NULL, {0, 0, 0, 0}, false};
    if (!g)
        g = &unicode_grid;
    const unsigned char *p = (const unsigned char *)utf8;
    long long cols = 0;
    while (*p && *p != '\n') {
        uint32_t cp, ch;
        p += grid_utf8_next((const char *)p, SIZE_MAX, &cp);
        cols += glyph(g, cp == '\t' ? ' ' : cp, &ch);
    }
    return cols;
}

/* When the text is too long the ellipsis goes right after the last
 * character that fits before the last column; a wide character that would
 * reach into that column is dropped, so the result may be one column
 * short of maxw ("ab…" rather than "ab …"). */
int grid_text(Grid *g, int x, int y, int maxw, Style st, const char *utf8)
{
    if (maxw <= 0 || !utf8)
        return 0;
    long long limit = maxw;
    bool cut = measure(g, utf8) > limit;
    if (cut)
        limit--;
    const unsigned char *p = (const unsigned char *)utf8;
    long long col = 0;
    while (*p && *p != '\n') {
        uint32_t cp, ch;
        p += grid_utf8_next((const char *)p, SIZE_MAX, &cp);
        int w = glyph(g, cp == '\t' ? ' ' : cp, &ch);
        if (w == 0)
            continue;
        if (col + w > limit)
            break;
        put_glyph(g, (long long)x + col, y, ch, w, st);
        col += w;
    }
    if (cut) {
        put_l(g, (long long)x + col, y, CP_ELLIPSIS, st);
        col++;
    }
    return (int)col;
}

int grid_textf(Grid *g, int x, int y, int maxw, Style st, const char *fmt, ...)
{
    Buf b;
    buf_init(&b);
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    int n = grid_text(g, x, y, maxw, st, b.s);
    buf_free(&b);
    return n;
}

/* Stops at a newline, like grid_text; tabs and control characters count
 * one column, as they are drawn. */
int grid_text_width(const char *utf8)
{
    if (!utf8)
        return 0;
    long long n = measure(NULL, utf8);
    return n > INT_MAX ? INT_MAX : (int)n;
}

/* ------------------------------------------------------------ areas */

/* Fill r with cp; wide characters are laid from r.x in steps of two, a
 * space where the last one would stick out of r. Only the visible part is
 * visited, so a huge r costs no more than the grid. */
static void fill_l(Grid *g, LRect r, uint32_t cp, Style st)
{
    LRect v = lrect_meet(r, lrect(g->clip));
    if (v.w == 0 || v.h == 0)
        return;
    uint32_t ch;
    int w = glyph(g, cp, &ch);
    if (w == 0)
        return;
    for (long long y = v.y; y < v.y + v.h; y++) {
        if (w == 1) {
            for (long long x = v.x; x < v.x + v.w; x++)
                put_glyph(g, x, y, ch, 1, st);
            continue;
        }
        long long x = r.x + (v.x - r.x) / 2 * 2;
        for (; x < v.x + v.w; x += 2) {
            if (x + 1 < r.x + r.w)
                put_glyph(g, x, y, ch, 2, st);
            else
                put_glyph(g, x, y, ' ', 1, st);
        }
    }
}

void grid_fill(Grid *g, Rect r, uint32_t cp, Style st)
{
    fill_l(g, lrect(r), cp, st);
}

/* Cell by cell: a wide character is drawn in the style of its first cell,
 * so restyling only its right half leaves it looking unchanged. */
void grid_restyle(Grid *g, Rect r, Style st)
{
    LRect v = lrect_meet(lrect(r), lrect(g->clip));
    for (long long y = v.y; y < v.y + v.h; y++)
        for (long long x = v.x; x < v.x + v.w; x++)
            cell_at(g, x, y)->style = (uint8_t)st;
}

void grid_hline(Grid *g, int x, int y, int w, Style st)
{
    LRect r = {x, y, w, 1};
    fill_l(g, r, CP_HLINE, st);
}

void grid_vline(Grid *g, int x, int y, int h, Style st)
{
    LRect r = {x, y, 1, h};
    fill_l(g, r, CP_VLINE, st);
}

/* A box 1 cell high is a horizontal line, 1 cell wide a vertical line.
 * The title needs at least 5 columns: corner, space, one column, space,
 * corner; it is cut with an ellipsis to fit. */
void grid_box(Grid *g, Rect r, Style st, const char *title, Style title_st)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    LRect l = lrect(r);
    long long right = l.x + l.w - 1, bottom = l.y + l.h - 1;
    if (r.w == 1) {
        fill_l(g, l, CP_VLINE, st);
        return;
    }
    if (r.h == 1) {
        fill_l(g, l, CP_HLINE, st);
    } else {
        LRect top = {l.x + 1, l.y, l.w - 2, 1}, bot = {l.x + 1, bottom, l.w - 2, 1};
        LRect left = {l.x, l.y + 1, 1, l.h - 2}, rside = {right, l.y + 1, 1, l.h - 2};
        fill_l(g, top, CP_HLINE, st);
        fill_l(g, bot, CP_HLINE, st);
        fill_l(g, left, CP_VLINE, st);
        fill_l(g, rside, CP_VLINE, st);
        put_l(g, l.x, l.y, 0x250C, st);
        put_l(g, right, l.y, 0x2510, st);
        put_l(g, l.x, bottom, 0x2514, st);
        put_l(g, right, bottom, 0x2518, st);
    }
    if (!title || !*title || r.w < 5 || l.x + 2 > INT_MAX)
        return;
    int used = grid_text(g, (int)(l.x + 2), r.y, (int)(l.w - 4), title_st, title);
    if (used > 0) {
        put_l(g, l.x + 1, l.y, ' ', st);
        put_l(g, l.x + 2 + used, l.y, ' ', st);
    }
}

Rect rect_inset(Rect r, int n)
{
    long long x = (long long)r.x + n, y = (long long)r.y + n;
    long long w = (long long)r.w - 2LL * n, h = (long long)r.h - 2LL * n;
    Rect o;
    o.x = x > INT_MAX ? INT_MAX : x < INT_MIN ? INT_MIN : (int)x;
    o.y = y > INT_MAX ? INT_MAX : y < INT_MIN ? INT_MIN : (int)y;
    o.w = w > INT_MAX ? INT_MAX : w < 0 ? 0 : (int)w;
    o.h = h > INT_MAX ? INT_MAX : h < 0 ? 0 : (int)h;
    return o;
}

Rect rect_and(Rect a, Rect b)
{
    LRect m = lrect_meet(lrect(a), lrect(b));
    /* m lies inside both a and b, so it fits in an int */
    return (Rect){(int)m.x, (int)m.y, (int)m.w, (int)m.h};
}
