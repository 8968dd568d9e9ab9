/* gui.h: librsvg and cairo, loaded when the GIF export first needs them.
 * Owns finding the two libraries at run time (dlopen) and the table of the
 * functions gif.c calls. They are not linked into loopscope: with their
 * dependencies (glib, gio, pango, harfbuzz, ICU, libstdc++, ...) they cost
 * every run about 10 MB of resident memory before it reads a byte, and
 * only `record --format gif` draws with them. Leaves the drawing and the
 * GIF's encoding (giflib, small, still linked) to gif.c. */
#ifndef LS_GUI_H
#define LS_GUI_H

#include <cairo.h>
#include <librsvg/rsvg.h>
#include <stdbool.h>
#include <stddef.h>

/* The functions gif.c calls, each typed as its header declares it. */
#define GUI_FUNCS(X)                                                                                             \
    X(cairo_create)                                                                                              \
    X(cairo_destroy)                                                                                             \
    X(cairo_rectangle)                                                                                           \
    X(cairo_clip)                                                                                                \
    X(cairo_image_surface_create)                                                                                \
    X(cairo_image_surface_get_data)                                                                              \
    X(cairo_image_surface_get_stride)                                                                            \
    X(cairo_surface_flush)                                                                                       \
    X(cairo_surface_status)                                                                                      \
    X(cairo_surface_destroy)                                                                                     \
    X(rsvg_handle_new_from_data)                                                                                 \
    X(rsvg_handle_render_document)                                                                               \
    X(g_object_unref)                                                                                            \
    X(g_clear_error)

typedef struct Gui {
#define GUI_FIELD(f) __typeof__(&f) f;
    GUI_FUNCS(GUI_FIELD)
#undef GUI_FIELD
} Gui;

/* The loaded functions; valid after gui_load returned true. */
extern Gui gui;

/* Load the libraries and every function of Gui, once per process (later
 * calls return the first answer). Returns false with a message naming the
 * missing library or function in err (n bytes) when one cannot be found. */
bool gui_load(char *err, size_t n);

#endif
