/* theme.h: what each kind of text on screen looks like.
 * Owns the list of styles the panes draw with (a style says what a cell is,
 * "a READY task", "the current log line", not which colour it has) and the
 * mapping from style to colours and attributes, in colour and in monochrome.
 * Backends (ncurses, ANSI text, SVG, asciicast) ask here; panes never pick
 * colours themselves. Colours are the terminal's 16 ANSI colours with its
 * default foreground and background, so both dark and light terminals stay
 * readable; the RGB palettes are for exports that must fix real colours. */
#ifndef LS_THEME_H
#define LS_THEME_H

#include <stdbool.h>
#include <stdint.h>

typedef enum Style {
    ST_NORMAL,
    ST_DIM,            /* secondary text: hints, line numbers, "+3 more" */
    ST_BOLD,
    ST_BORDER,         /* pane frames */
    ST_BORDER_FOCUS,   /* the frame of the pane that has the keyboard */
    ST_TITLE,          /* pane titles */
    ST_HEADER,         /* the top bar */
    ST_HEADER_ACCENT,  /* play state and clock inside the top bar */
    ST_RUNNING,        /* task cards and column titles, by state */
    ST_WAITING,
    ST_READY,
    ST_DONE,
    ST_RAISED,         /* a task that ended with an exception; errors */
    ST_CANCELLED,
    ST_NEVER,          /* a coroutine that was never awaited (a warning) */
    ST_CODE,
    ST_LINENO,
    ST_CODE_CURRENT,   /* the line the running task is on */
    ST_CODE_WAITING,   /* the lines suspended tasks stand on, and their gutter names */
    ST_KEYWORD,
    ST_STRING,
    ST_COMMENT,
    ST_CAPTION,
    ST_TRACK,          /* the timeline bar */
    ST_TICK,           /* a moment on the timeline */
    ST_PLAYHEAD,       /* now, on the timeline */
    ST_BLOCKED,        /* a stretch where time.sleep froze the loop */
    ST_LOG_TIME,
    ST_LOG,
    ST_LOG_CURRENT,    /* the log line of the current step */
    ST_KEY,            /* a key name in help and hints */
    ST_WARNING,        /* "too small", limits, prompts */
    ST_BANNER,         /* a presenter's stop and its note */
    ST_COUNT
} Style;

enum {
    ATTR_BOLD = 1,
    ATTR_DIM = 2,
    ATTR_REVERSE = 4,
    ATTR_UNDERLINE = 8,
    ATTR_ITALIC = 16
};

/* fg, bg: -1 for the terminal's default, 0..15 for the ANSI colours
 * (0 black, 1 red, 2 green, 3 yellow, 4 blue, 5 magenta, 6 cyan, 7 white,
 * 8..15 their bright forms). */
typedef struct StyleAttr {
    int8_t fg, bg;
    uint8_t attr;
} StyleAttr;

/* The look of s. color false gives the monochrome form (NO_COLOR, or a
 * terminal without colours): attributes only, still telling states apart. */
StyleAttr theme_style(Style s, bool color);

/* Real colours for exports (issue 4: SVG, asciicast themes). */
typedef struct Palette {
    uint32_t fg, bg;      /* 0xRRGGBB */
    uint32_t ansi[16];
} Palette;
const Palette *theme_palette(bool dark);

/* The projector theme (--theme projector): high contrast for a washed-out
 * projector. theme_style answers with its looks while it is on (the
 * process draws one theme at a time); its palette is for exports. */
void theme_set_projector(bool on);
bool theme_is_projector(void);
const Palette *theme_palette_projector(void);

#endif
