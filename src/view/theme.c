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

/* A style outside the enum (a corrupt cell) looks like ST_NORMAL. */
StyleAttr theme_style(Style s, bool color)
{
    if ((unsigned)s >= ST_COUNT)
        s = ST_NORMAL;
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
