/* view.h: the viewer's state and everything a key press does to it.
 * Owns where the learner is in the recording (the current step), playback
 * (playing, speed, the playhead that moves through clock gaps), which pane
 * has the keyboard and how far each pane is scrolled, the help overlay and
 * the goto-time prompt. Pure logic on a finished recording: no terminal,
 * no real clock. The TUI feeds it keys and elapsed real time; frame.c
 * draws it. Stepping back is a seek in the recording, never an undo. */
#ifndef LS_VIEW_H
#define LS_VIEW_H

#include "../base/source.h"
#include "../record/rec.h"
#include "../record/seek.h"
#include "../record/quiz.h"
#include "../record/stops.h"
#include "grid.h"

#include <stdbool.h>
#include <stddef.h>

/* Keys: printable keys are their code point; the rest are above Unicode. */
enum {
    K_NONE = 0,
    K_TAB = '\t',
    K_ENTER = '\r',
    K_ESC = 27,
    K_BACKSPACE = 127,
    K_UP = 0x110000,
    K_DOWN,
    K_LEFT,
    K_RIGHT,
    K_HOME,
    K_END,
    K_PGUP,
    K_PGDN,
    K_BTAB,        /* shift-tab */
    K_CLICK,       /* mouse button 1 pressed at (x, y) */
    K_WHEEL_UP,
    K_WHEEL_DOWN,
    K_CTRL_C
};

typedef struct Input {
    int key;
    int x, y;      /* mouse position for K_CLICK and the wheel */
} Input;

/* What the caller should do after a key or a tick. */
typedef enum Action {
    ACT_NONE,      /* nothing changed */
    ACT_REDRAW,    /* the screen changed */
    ACT_PLAYBACK,  /* redraw, and playback started, stopped or changed speed: rearm the timer */
    ACT_RECORD,    /* the R key: start or stop recording (the app handles it) */
    ACT_QUIT
} Action;

/* The boxed panes, which can have the keyboard and be shown or hidden
 * (pane.c's pane_slots table says what each is and which key toggles
 * it). A new pane: its Focus before FOCUS_COUNT; a row in pane_slots
 * (its Pane, its --panes name, its toggle key: that also gives it its
 * place in the Tab order and in the help); the key in the toggle row of
 * view.c's key table; a place in layout.c (the bottom[] row, say); and
 * whether view_shown shows it by itself (SHOW_AUTO) at a width. */
typedef enum Focus { FOCUS_TASKS, FOCUS_CODE, FOCUS_LOG, FOCUS_OUTPUT, FOCUS_NOTES, FOCUS_COUNT } Focus;

/* Everything that can be shown or hidden: the boxed panes, then the two
 * bars under the main area. */
enum { PART_CAPTION = FOCUS_COUNT, PART_TIMELINE, PART_COUNT };

/* Whether a part is shown: as the layout sees fit for the screen size
 * (SHOW_AUTO), or as the learner asked (a toggle key, --panes). */
typedef enum Show { SHOW_AUTO = 0, SHOW_ON = 1, SHOW_OFF = -1 } Show;

/* Rectangles of the panes in the last frame (layout.c fills it). A part
 * that is not shown has an empty rectangle (w == 0). */
typedef struct Layout {
    bool too_small;        /* the screen is below the minimum: nothing else is set */
    int min_w, min_h;
    bool stacked;          /* the code above the task columns, not beside them */
    Rect header, caption, timeline;
    Rect banner;           /* the stop's note under the header (w == 0: not at a stop) */
    Rect box[FOCUS_COUNT]; /* the boxed panes, by Focus */
} Layout;

/* How a viewer opened from the scenario list was left. */
enum { VIEW_LEAVE_QUIT, VIEW_LEAVE_LIST, VIEW_LEAVE_NEXT };

typedef struct View {
    const Recording *rec;
    const Source *src;
    const Seek *seek;
    char title[160];       /* first line of the docstring, or the file name */
    const char *lang;      /* the scenario's language ("Python", "JavaScript"), named in a compare
                              half's header; NULL: not named (main.c sets it) */
    size_t step;           /* current step, 0 .. nsteps-1 */
    bool playing;
    int speed;             /* index into the speed table (view_speed) */
    double playhead;       /* virtual time on the clock: the step's time, or
                              between two steps while playback crosses a gap */
    double dwell;          /* real seconds already spent on the current step while playing */
    Focus focus;
    int scroll[FOCUS_COUNT];   /* first row shown, per pane */
    bool pinned[FOCUS_COUNT];  /* the user scrolled: stop following the action */
    int hscroll;               /* the code pane's first column (sideways scroll) */
    struct {                   /* the source's size, measured once (view_init) */
        const Source *of;      /* the source measured, NULL: not yet */
        int lines, code_cols, all_cols;
    } src_size;
    int8_t show[PART_COUNT];   /* Show, per part */
    bool hints;            /* show interactive-only hints (? help, paused, key
                              tips); off in frames, SVGs and casts unless asked */
    bool help;             /* the help overlay is open */
    bool internals;        /* the loop internals view replaces the task columns */
    bool prompt;           /* typing a time for goto */
    char input[16];
    char status[160];      /* a one-line message under the caption, "" for none */
    bool recording;        /* the app is recording a .cast (shown in the header) */
    bool growing;          /* the run is still being recorded on another thread:
                              only seek_nsteps steps exist so far (docs/longrun.md) */
    const Stops *stops;    /* where playback stops (a presenter's pauses), or NULL */
    bool stop_pause;       /* playback pauses at a stop (the viewer); exports
                              play through and mark them instead */
    struct View *twin;     /* compare: the right-hand run (compare.c), or NULL */
    const Quiz *quiz;      /* predict mode's questions (record/quiz.c), or NULL */
    bool predict;          /* predict mode: ask before each question's step */
    size_t asking;         /* the question on screen, 1-based; 0 for none */
    size_t next_q;         /* questions before this one were asked already */
    int score, answered;   /* right answers, of answered questions */
    struct Picker *picker; /* the scenario list (picker.c): no recording, or NULL */
    bool from_list;        /* opened from the scenario list: Backspace and N leave */
    int leave;             /* how the viewer was left: VIEW_LEAVE_* */
    bool step_markers;     /* exports: a marker at every step even when
                              there are stops (else only at the stops) */
    Layout lay;            /* set by frame_draw, used for mouse hits */
} View;

/* Start at step 0, paused, 1x, tasks pane focused, the title taken from
 * the recording's docstring. v keeps pointers to rec, src and seek, which
 * must outlive it. */
void view_init(View *v, const Recording *rec, const Source *src, const Seek *seek);
size_t view_nsteps(const View *v);
/* Go to step (clamped), stop following-scroll pins, playhead to its time. */
void view_seek(View *v, size_t step);
/* Go to virtual time t (pausing playback): the first step at t, or the
 * last step before it with the clock showing t itself. */
Action view_seek_time(View *v, double t);
/* Parse a time typed by the user: "1.5", "1,5", ".5", "2s"; a
 * non-negative decimal whatever the locale. Returns false if it is not one. */
bool view_parse_time(const char *s, double *out);
/* Predict mode: when a question reveals the step after the current one,
 * put it on screen (for a picture of a question: frame --predict). */
void view_ask_here(View *v);
/* The stop the view is at (its index), or -1 when it is not at one. */
long view_at_stop(const View *v);
/* Handle one input. */
Action view_key(View *v, const Input *in);

/* The key table: every key the viewer knows, in the order the help
 * overlay lists them. view_key dispatches through it and pane_help.c
 * draws it, so the help can never miss a key. */
typedef struct ViewKey {
    const char *label;     /* as the help shows it, UTF-8 ("\u2192 l") */
    const char *ascii;     /* the same for ASCII-only screens */
    const char *what;      /* what it does, a few words */
    int keys[8];           /* the inputs it takes, 0-terminated (or all 8 used) */
    Action (*run)(View *v, const Input *in);
} ViewKey;
const ViewKey *view_keys(size_t *n);

/* Is part p (a Focus or PART_*) shown on a w-column screen? SHOW_AUTO
 * parts are shown when the width has room for them (the notes from 140
 * columns, the output from 80, the rest always). */
bool view_shown(const View *v, int part, int w);
/* Set which parts are shown from a list like "code,tasks,caption,output"
 * (the others are hidden). Returns false, with the name that is not a
 * part in bad (n bytes), when one is not. */
bool view_set_panes(View *v, const char *list, char *bad, size_t n);

/* Playback speed, a multiple of virtual time (0.25 .. 16), and its label ("1x"). */
double view_speed(const View *v);
const char *view_speed_label(const View *v);
/* Real seconds until playback next needs a tick, or a negative number when
 * paused (no timer at all). */
double view_tick_delay(const View *v);
/* elapsed real seconds have passed while playing: move the playhead and
 * the step. Stops (and returns ACT_PLAYBACK) at the end. */
Action view_tick(View *v, double elapsed);

#endif
