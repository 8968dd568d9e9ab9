/* theme.c: the look of each Style, in colour and in monochrome, and the
 * RGB palettes for exports.
 * Owns the two style tables and the two palettes. Leaves to others which
 * style a cell has (panes) and how a StyleAttr reaches the screen (the
 * ncurses backend, the ANSI writer, SVG, asciicast).
 * Colour rules, so dark and light terminals both stay readable: ordinary
 * text keeps the terminal's default colours, accents use the eight plain
 * ANSI colours (never bright white or black, which vanish on one of the two
 * backgrounds), and highlights (current line, header bar, playhead) are
 * reverse video, which works on any background.
 * Monochrome tells task states apart with attributes alone: running bold,
 * waiting plain, ready underlined, done dim, raised bold+underline,
 * cancelled dim+underline, never-awaited reverse+underline. */
#include "theme.h"

#include <stddef.h>

enum { BLACK, RED, GREEN, YELLOW, BLUE, MAGENTA, CYAN, WHITE };
#define DEF (-1)

typedef struct StyleLook {
    StyleAttr color, mono;
} StyleLook;

#define LOOK(fg, cattr, mattr) {{(fg), DEF, (cattr)}, {DEF, DEF, (mattr)}}

static const StyleLook looks[ST_COUNT] = {
    [ST_NORMAL] = LOOK(DEF, 0, 0),
    [ST_DIM] = LOOK(DEF, ATTR_DIM, ATTR_DIM),
    [ST_BOLD] = LOOK(DEF, ATTR_BOLD, ATTR_BOLD),
    [ST_BORDER] = LOOK(DEF, ATTR_DIM, ATTR_DIM),
    [ST_BORDER_FOCUS] = LOOK(CYAN, ATTR_BOLD, ATTR_BOLD),
    [ST_TITLE] = LOOK(DEF, ATTR_BOLD, ATTR_BOLD),
    [ST_HEADER] = LOOK(DEF, ATTR_REVERSE, ATTR_REVERSE),
    [ST_HEADER_ACCENT] = LOOK(DEF, ATTR_REVERSE | ATTR_BOLD, ATTR_REVERSE | ATTR_BOLD),
    [ST_RUNNING] = LOOK(GREEN, ATTR_BOLD, ATTR_BOLD),
    [ST_WAITING] = LOOK(YELLOW, 0, 0),
    [ST_READY] = LOOK(CYAN, 0, ATTR_UNDERLINE),
    [ST_DONE] = LOOK(BLUE, 0, ATTR_DIM),
    [ST_RAISED] = LOOK(RED, ATTR_BOLD, ATTR_BOLD | ATTR_UNDERLINE),
    [ST_CANCELLED] = LOOK(MAGENTA, 0, ATTR_DIM | ATTR_UNDERLINE),
    [ST_NEVER] = LOOK(YELLOW, ATTR_UNDERLINE, ATTR_REVERSE | ATTR_UNDERLINE),
    [ST_CODE] = LOOK(DEF, 0, 0),
    [ST_LINENO] = LOOK(DEF, ATTR_DIM, ATTR_DIM),
    [ST_CODE_CURRENT] = LOOK(DEF, ATTR_REVERSE | ATTR_BOLD, ATTR_REVERSE | ATTR_BOLD),
    [ST_CODE_WAITING] = LOOK(YELLOW, 0, ATTR_UNDERLINE),
    [ST_KEYWORD] = LOOK(MAGENTA, 0, ATTR_BOLD),
    [ST_STRING] = LOOK(GREEN, 0, 0),
    [ST_COMMENT] = LOOK(DEF, ATTR_DIM | ATTR_ITALIC, ATTR_DIM),
    [ST_CAPTION] = LOOK(DEF, 0, 0),
    [ST_TRACK] = LOOK(DEF, ATTR_DIM, ATTR_DIM),
    [ST_TICK] = LOOK(DEF, 0, 0),
    [ST_PLAYHEAD] = LOOK(YELLOW, ATTR_BOLD, ATTR_BOLD), /* a solid block: reverse would hollow it */
    [ST_BLOCKED] = LOOK(RED, ATTR_BOLD, ATTR_BOLD | ATTR_UNDERLINE),
    [ST_LOG_TIME] = LOOK(DEF, ATTR_DIM, ATTR_DIM),
    [ST_LOG] = LOOK(DEF, 0, 0),
    [ST_LOG_CURRENT] = LOOK(DEF, ATTR_REVERSE, ATTR_REVERSE),
    [ST_KEY] = LOOK(CYAN, ATTR_BOLD, ATTR_BOLD),
    [ST_WARNING] = LOOK(YELLOW, ATTR_BOLD, ATTR_BOLD | ATTR_UNDERLINE),
    [ST_BANNER] = LOOK(YELLOW, ATTR_REVERSE | ATTR_BOLD, ATTR_REVERSE | ATTR_BOLD),
};

static bool projector;

void theme_set_projector(bool on) { projector = on; }
bool theme_is_projector(void) { return projector; }

/* The projector look: nothing dim (a washed-out projector loses it),
 * ordinary text bold, accents in their bright forms, and the task states
 * apart by attributes alone: running reverse bold, waiting bold, ready
 * bold underlined, done plain (the only light text on screen). */
static StyleAttr projector_look(Style s, bool color)
{
    StyleAttr a = looks[s].color;
    a.attr &= (uint8_t)~ATTR_DIM;
    if (a.fg >= RED && a.fg <= CYAN)
        a.fg = (int8_t)(a.fg + 8);
    switch (s) {
    case ST_NORMAL:
    case ST_CODE:
    case ST_CAPTION:
    case ST_LOG:
    case ST_BORDER:
    case ST_TRACK:
        a.attr |= ATTR_BOLD;
        break;
    case ST_RUNNING: a.attr = ATTR_REVERSE | ATTR_BOLD; break;
    case ST_WAITING: a.attr = ATTR_BOLD; break;
    case ST_READY: a.attr = ATTR_BOLD | ATTR_UNDERLINE; break;
    case ST_DONE: a.attr = 0; break;
    case ST_RAISED: a.attr = ATTR_BOLD | ATTR_UNDERLINE | ATTR_REVERSE; break;
    case ST_CANCELLED: a.attr = ATTR_UNDERLINE; break;
    default: break;
    }
    if (!color)
        a.fg = a.bg = DEF;
    return a;
}

/* A style outside the enum (a corrupt cell) looks like ST_NORMAL. */
StyleAttr theme_style(Style s, bool color)
{
    if ((unsigned)s >= ST_COUNT)
        s = ST_NORMAL;
    if (projector)
        return projector_look(s, color);
    return color ? looks[s].color : looks[s].mono;
}

/* Each set keeps every accent colour (1..6 and their bright forms) at a
 * WCAG contrast ratio of at least 4:1 against its own background, and the
 * text colour at 7:1 (check_grid.c measures them). Black (0) is exempt
 * on the dark set: the theme never draws text in it. */
static const Palette palettes[2] = {
    { /* light */
        0x202020, 0xfafafa,
        {0x202020, 0xb3261e, 0x2b7a2b, 0x7a5d00, 0x1f5fbf, 0x96309f, 0x0b6e80, 0x6e6e6e,
         0x555555, 0xcc2f27, 0x2f8a2f, 0x8a6a00, 0x2f6fd8, 0xa83ab3, 0x0f7d91, 0x444444},
    },
    { /* dark */
        0xd0d0d0, 0x1c1c1c,
        {0x3a3a3a, 0xe06c75, 0x98c379, 0xe5c07b, 0x61afef, 0xc678dd, 0x56b6c2, 0xd0d0d0,
         0x808080, 0xff7b86, 0xb5e890, 0xffd68a, 0x82c4ff, 0xdf9cf0, 0x7fd4de, 0xffffff},
    },
};

const Palette *theme_palette(bool dark)
{
    return &palettes[dark ? 1 : 0];
}

/* Black on white, every accent a deep, saturated colour: the most
 * contrast a projector keeps. */
static const Palette projector_palette = {
    0x000000, 0xffffff,
    {0x000000, 0xa00000, 0x006400, 0x6b4a00, 0x0030b0, 0x80008a, 0x005f70, 0x404040,
     0x303030, 0xb00000, 0x006e00, 0x704e00, 0x0038c8, 0x8c0096, 0x00667a, 0x202020},
};

const Palette *theme_palette_projector(void) { return &projector_palette; }
