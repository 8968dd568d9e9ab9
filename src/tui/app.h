/* app.h: the interactive program. A libev loop with the watchers embedded
 * in the app: stdin (drain every pending key), the playback timer (stopped
 * while paused, so an idle viewer makes no wake-ups), SIGWINCH (relayout),
 * SIGINT/SIGTERM/SIGHUP (clean exit). Feeds keys and elapsed time to the
 * view and draws a frame after each change. While the run is still being
 * recorded, a progress timer shows the steps as they come. */
#ifndef LS_APP_H
#define LS_APP_H

#include "../view/view.h"

#include <stdbool.h>

typedef struct AppOptions {
    bool ascii;     /* --ascii, or a non-UTF-8 locale */
    bool color;     /* false with NO_COLOR or --no-color */
    /* The view's index, when the recording is still growing on another
     * thread (v->growing): the app brings it up to date a few times a
     * second, under the recording's lock, until the run is over. */
    Seek *live_seek;
    /* Called once, under the recording's lock, when a growing recording
     * is complete: what needs the whole run (stops, predict mode's
     * questions) is made then. NULL for none. */
    void (*recorded)(View *v, void *ctx);
    void *recorded_ctx;
} AppOptions;

/* Run the UI on v until the user quits. Returns an exit status (0, or 1
 * when the terminal could not be used, after printing why). */
int app_run(View *v, const AppOptions *opt);

#endif
