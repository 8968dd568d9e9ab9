/* term.c: the ncurses backend, the only file that includes curses.
 * Owns the terminal while the UI runs: entering curses mode (cbreak, so
 * Ctrl-C still raises SIGINT for the app to handle), one colour pair per
 * Style from the theme, copying a Grid to the screen (curses diffs it, so
 * only changed cells are written, and everything goes out in one
 * doupdate()), turning keys and mouse events into view Inputs, lending
 * the terminal to the shell during Ctrl-Z, and giving it back on every
 * way out: term_close (also run at exit) and an async-signal-safe restore
 * for fatal signals. What is drawn, and when,
 * is the caller's business (frame.c draws, app.c decides when). */
#include "term.h"

#include <curses.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

/* Escape sequences that undo what curses set up: mouse tracking off (X10,
 * button-event, any-event, and the UTF-8, SGR and urxvt encodings),
 * attributes reset, cursor shown, keypad back to normal mode, alternate
 * screen left. */
static const char restore_seq[] = "\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1005l\x1b[?1006l\x1b[?1015l"
                                  "\x1b[0m\x1b[?25h\x1b[?1l\x1b>\x1b[?1049l";

static struct termios saved_tio;
static volatile sig_atomic_t have_tio;   /* saved_tio holds the terminal's own modes */
static volatile sig_atomic_t active;     /* curses mode is on */
static bool exit_hooked;
static volatile sig_atomic_t suspended; /* endwin'd for Ctrl-Z: the shell has the terminal */
static bool utf8;
static bool colored;
static attr_t style_attr[ST_COUNT];
static short style_pair[ST_COUNT];

/* Every signal whose default action ends the process, but those the app
 * handles in its loop (SIGINT, SIGTERM, SIGHUP) and SIGPIPE (ignored
 * while the viewer runs): crashes, Ctrl-\ (SIGQUIT), and kill -USR1 and
 * the like. One the process inherited as ignored stays ignored. */
static const int fatal_signals[] = {SIGSEGV, SIGABRT, SIGBUS,  SIGFPE,  SIGILL,  SIGQUIT,  SIGTRAP,
                                    SIGSYS,  SIGXCPU, SIGXFSZ, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM};
#define NFATAL (sizeof fatal_signals / sizeof fatal_signals[0])
static struct sigaction fatal_old[NFATAL];
static bool fatal_hooked[NFATAL];

void term_emergency_restore(void)
{
    if (!active)
        return;
    active = 0;
    if (suspended)   /* stopped by Ctrl-Z: curses already gave the terminal back */
        return;
    ssize_t n = write(STDOUT_FILENO, restore_seq, sizeof restore_seq - 1);
    (void)n;
    if (have_tio)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_tio);
}

/* A crash while curses owns the screen: give the terminal back, put back
 * the action the signal had before (the default, or a sanitizer's
 * handler), then die of the same signal, so the exit status shows it. A
 * fault the CPU raised (si_code > 0) is not raised again: returning runs
 * the faulting instruction again, and the old action gets the real
 * fault. One sent by kill or raise would be lost that way, so it is
 * raised. */
static void on_fatal(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    term_emergency_restore();
    bool dfl = true;
    for (size_t i = 0; i < NFATAL; i++) {
        if (fatal_signals[i] == sig && fatal_hooked[i]) {
            sigaction(sig, &fatal_old[i], NULL);
            dfl = !(fatal_old[i].sa_flags & SA_SIGINFO) && fatal_old[i].sa_handler == SIG_DFL;
        }
    }
    if (dfl || !si || si->si_code <= 0)
        raise(sig);
}

static void hook_fatal_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fatal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_SIGINFO | SA_RESETHAND | SA_NODEFER;
    for (size_t i = 0; i < NFATAL; i++) {
        fatal_hooked[i] = false;
        if (sigaction(fatal_signals[i], NULL, &fatal_old[i]) != 0 || fatal_old[i].sa_handler == SIG_IGN)
            continue;
        fatal_hooked[i] = sigaction(fatal_signals[i], &sa, NULL) == 0;
    }
}

static void unhook_fatal_signals(void)
{
    for (size_t i = 0; i < NFATAL; i++) {
        if (fatal_hooked[i])
            sigaction(fatal_signals[i], &fatal_old[i], NULL);
        fatal_hooked[i] = false;
    }
}

/* Cursor hidden, keypad transmit (arrow keys as KEY_*), mouse reports. */
static void input_modes(void)
{
    curs_set(0);
    keypad(stdscr, TRUE);
    mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
}

static void exit_hook(void)
{
    term_close();
}

/* A theme colour (-1 default, 0..15) as a curses colour. Terminals with 8
 * colours get the dark form of a bright colour; *bold says to brighten a
 * foreground with A_BOLD instead. No default colours: white on black. */
static short curses_color(int c, bool fg, bool defaults, bool *bold)
{
    if (c < 0)
        return defaults ? -1 : (fg ? COLOR_WHITE : COLOR_BLACK);
    if (c >= COLORS) {
        c &= 7;
        if (fg && bold)
            *bold = true;
    }
    return (short)c;
}

static void setup_styles(bool color)
{
    colored = color && has_colors() && start_color() == OK && COLOR_PAIRS > ST_COUNT;
    bool defaults = colored && use_default_colors() == OK;
    for (int s = 0; s < ST_COUNT; s++) {
        StyleAttr sa = theme_style((Style)s, colored);
        attr_t a = A_NORMAL;
        if (sa.attr & ATTR_BOLD)
            a |= A_BOLD;
        if (sa.attr & ATTR_DIM)
            a |= A_DIM;
        if (sa.attr & ATTR_REVERSE)
            a |= A_REVERSE;
        if (sa.attr & ATTR_UNDERLINE)
            a |= A_UNDERLINE;
#ifdef A_ITALIC
        if (sa.attr & ATTR_ITALIC)
            a |= A_ITALIC;
#endif
        style_pair[s] = 0;
        if (colored && (sa.fg >= 0 || sa.bg >= 0 || !defaults)) {
            bool bright = false;
            short fg = curses_color(sa.fg, true, defaults, &bright);
            short bg = curses_color(sa.bg, false, defaults, NULL);
            if (init_pair((short)(s + 1), fg, bg) == OK)
                style_pair[s] = (short)(s + 1);
            if (bright)
                a |= A_BOLD;
        }
        style_attr[s] = a;
    }
}

/* An environment size (LINES, COLUMNS) curses would use: unset, or a whole
 * number from 1 to 9999. Otherwise says what is wrong. */
static bool env_size_ok(const char *name, const char *what, char *err, size_t errlen)
{
    const char *v = getenv(name);
    if (!v || !*v)
        return true;
    char *end;
    long n = strtol(v, &end, 10);
    if (!*end && n >= 1 && n <= 9999)
        return true;
    snprintf(err, errlen, "%s=%.20s%s is not a screen %s (1 to 9999); unset it to use the terminal's own size",
             name, v, strlen(v) > 20 ? "..." : "", what);
    return false;
}

bool term_open(bool color, char *err, size_t errlen)
{
    if (active)
        return true;
    const char *cs = nl_langinfo(CODESET);
    utf8 = cs && (!strcmp(cs, "UTF-8") || !strcmp(cs, "utf-8") || !strcmp(cs, "UTF8") || !strcmp(cs, "utf8"));
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        snprintf(err, errlen, "the interactive viewer needs a terminal on stdin and stdout");
        return false;
    }
    have_tio = tcgetattr(STDIN_FILENO, &saved_tio) == 0;
    const char *tn = getenv("TERM");
    if (!tn || !*tn) {
        snprintf(err, errlen, "TERM is not set, so the terminal type is unknown");
        return false;
    }
    /* curses takes LINES and COLUMNS over the terminal's own size: a value
     * that is not a size would fail below as a "missing terminfo entry" */
    if (!env_size_ok("LINES", "height", err, errlen) || !env_size_ok("COLUMNS", "width", err, errlen))
        return false;
    /* newterm, unlike initscr, reports an unknown terminal instead of exiting. */
    SCREEN *scr = newterm(NULL, stdout, stdin);
    if (!scr) {
        snprintf(err, errlen, "cannot use terminal type '%s' (no terminfo entry?)", tn);
        return false;
    }
    set_term(scr);
    /* TERM=dumb and the like: nothing to draw with, a blank screen */
    const char *cup = tigetstr("cup");
    if (!cup || cup == (const char *)-1) {
        endwin();
        delscreen(scr);
        snprintf(err, errlen,
                 "terminal type '%s' cannot move the cursor, so the viewer cannot draw on it; "
                 "`loopscope frame` and `loopscope trace` print instead", tn);
        return false;
    }
    active = 1;
    hook_fatal_signals();
    if (!exit_hooked) {
        atexit(exit_hook);
        exit_hooked = true;
    }
    cbreak();
    noecho();
    nonl();
    intrflush(stdscr, FALSE);
    nodelay(stdscr, TRUE);
    scrollok(stdscr, FALSE);
    leaveok(stdscr, TRUE);
    set_escdelay(25);
    mouseinterval(0);
    input_modes();
    setup_styles(color);
    return true;
}

void term_suspend(void)
{
    if (!active || suspended)
        return;
    endwin();
    fflush(stdout);
    suspended = true;
}

void term_resume(void)
{
    if (!active)
        return;
    if (suspended) {
        /* the first refresh after endwin puts curses mode back */
        doupdate();
        suspended = false;
    }
    /* curses restores the tty modes but sends keypad-transmit only when
     * keypad() is called: without it the first arrow key after fg would
     * arrive as ESC [ C */
    input_modes();
    clearok(curscr, TRUE);
}

void term_close(void)
{
    if (!active)
        return;
    /* Fatal handlers first: a crash inside endwin must not restore twice. */
    unhook_fatal_signals();
    if (!suspended) {
        mousemask(0, NULL);
        curs_set(1);
        endwin();
    }
    suspended = false;
    active = 0;
    fflush(stdout);
}

bool term_utf8(void)
{
    return utf8;
}

void term_size(int *w, int *h)
{
    *w = active ? COLS : 0;
    *h = active ? LINES : 0;
}

void term_resize(void)
{
    if (!active)
        return;
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0) {
        resizeterm(ws.ws_row, ws.ws_col);
    } else {
        /* No size from the kernel: let curses ask the terminal itself. */
        endwin();
        refresh();
    }
}

/* The character to show for cell c at column x of a row w wide, as wide
 * as the grid says it is (width 1 or 2): control and unprintable
 * characters, and any whose width the C library sees differently from our
 * tables, become '?' (a space for a wide character cut by the edge), so
 * the terminal's cursor and the grid never disagree. */
static wchar_t show_char(const Cell *c, int x, int w, int width)
{
    uint32_t ch = c->ch;
    if (ch == 0 || ch == ' ')
        return L' ';
    if (width == 2 && x + 1 >= w)
        return L' ';
    if (ch < 0x20 || (ch >= 0x7f && ch < 0xa0) || ch > 0x10ffff)
        return L'?';
    if (!utf8)
        return ch < 0x7f ? (wchar_t)ch : L'?';
    if (ch >= 0x7f && wcwidth((wchar_t)ch) != width)
        return L'?';
    return (wchar_t)ch;
}

void term_draw(const Grid *g)
{
    if (!active || suspended)
        return;
    int w = g->w < COLS ? g->w : COLS;
    int h = g->h < LINES ? g->h : LINES;
    for (int y = 0; y < h; y++) {
        bool covered = false;   /* the cell before drew two columns */
        for (int x = 0; x < w; x++) {
            const Cell *c = &g->cells[(size_t)y * (size_t)g->w + (size_t)x];
            if (covered) {
                covered = false;
                continue;
            }
            int width = (c->flags & CELL_WIDE) ? 2 : 1;
            wchar_t wc[2] = {L' ', 0};
            if (!(c->flags & CELL_CONT))   /* a right half with no left half: blank */
                wc[0] = show_char(c, x, w, width);
            int s = c->style < ST_COUNT ? c->style : ST_NORMAL;
            cchar_t cc;
            if (setcchar(&cc, wc, style_attr[s], style_pair[s], NULL) == ERR) {
                wc[0] = L'?';
                setcchar(&cc, wc, style_attr[s], style_pair[s], NULL);
            }
            /* The bottom-right cell returns ERR (the cursor cannot move on
             * with scrolling off) but is still drawn. */
            mvwadd_wch(stdscr, y, x, &cc);
            covered = wc[0] != L' ' && wc[0] != L'?' && width == 2;
        }
    }
    wnoutrefresh(stdscr);
    doupdate();
}

static bool mouse_input(Input *in)
{
    MEVENT me;
    if (getmouse(&me) != OK)
        return false;
    in->x = me.x;
    in->y = me.y;
    if (me.bstate & BUTTON1_PRESSED)
        in->key = K_CLICK;
    else if (me.bstate & BUTTON4_PRESSED)
        in->key = K_WHEEL_UP;
    else if (me.bstate & BUTTON5_PRESSED)
        in->key = K_WHEEL_DOWN;
    else
        return false;
    return true;
}

static int map_keycode(wint_t k)
{
    switch (k) {
    case KEY_UP: return K_UP;
    case KEY_DOWN: return K_DOWN;
    case KEY_LEFT: return K_LEFT;
    case KEY_RIGHT: return K_RIGHT;
    case KEY_HOME: return K_HOME;
    case KEY_END: return K_END;
    case KEY_PPAGE: return K_PGUP;
    case KEY_NPAGE: return K_PGDN;
    case KEY_BTAB: return K_BTAB;
    case KEY_ENTER: return K_ENTER;
    case KEY_BACKSPACE: return K_BACKSPACE;
    default: return K_NONE;   /* KEY_RESIZE (SIGWINCH is handled by the app) and the rest */
    }
}

static int map_char(wint_t c)
{
    switch (c) {
    case '\n':
    case '\r': return K_ENTER;
    case 8:
    case 127: return K_BACKSPACE;
    case 27: return K_ESC;
    case 3: return K_CTRL_C;
    case '\t': return K_TAB;
    default: break;
    }
    if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c > 0x10ffff)
        return K_NONE;
    return (int)c;
}

/* The next character already waiting, or -1. */
static int next_char(void)
{
    wint_t wc;
    int r = wget_wch(stdscr, &wc);
    if (r == ERR)
        return -1;
    return r == KEY_CODE_YES ? 0x110000 : (int)wc;
}

/* After an ESC with more input right behind it: an escape sequence curses
 * did not know (a pasted one, a terminal's reply, an SGR mouse report) or
 * Alt+key. It is swallowed whole, so its letters are not taken for keys
 * (the q of ESC P + q ESC \ would quit). CSI runs to its final byte, SS3
 * is one character, OSC/DCS/APC/PM/SOS strings run to BEL or ESC \; the
 * lengths are bounded. Returns false when the ESC stood alone. */
static bool skip_sequence(void)
{
    int c = next_char();
    if (c < 0)
        return false;
    if (c == '[') {
        for (int i = 0; i < 64; i++) {
            c = next_char();
            if (c < 0 || (c >= 0x40 && c <= 0x7e) || c == 27)
                break;
        }
    } else if (c == 'O') {
        next_char();
    } else if (c == ']' || c == 'P' || c == '_' || c == '^' || c == 'X') {
        bool esc = false;
        for (int i = 0; i < 4096; i++) {
            c = next_char();
            if (c < 0 || c == 7 || (esc && c == '\\'))
                break;
            esc = c == 27;
        }
    }
    return true;
}

bool term_read(Input *in)
{
    if (!active || suspended)
        return false;
    for (;;) {
        wint_t wc;
        int r = wget_wch(stdscr, &wc);
        if (r == ERR)
            return false;
        memset(in, 0, sizeof *in);
        if (r == KEY_CODE_YES) {
            if (wc == KEY_MOUSE) {
                if (mouse_input(in))
                    return true;
                continue;
            }
            in->key = map_keycode(wc);
        } else {
            in->key = map_char(wc);
            if (in->key == K_ESC && skip_sequence())
                continue;
        }
        if (in->key != K_NONE)
            return true;
    }
}
