/* gui.c: librsvg and cairo at run time. See gui.h.
 * The libraries are asked for by their sonames, the names the dynamic
 * linker would have used; the unversioned names (a development install)
 * are tried after them. librsvg depends on cairo, glib and gobject, so once
 * it is loaded every function is found through its handle or cairo's. */
#include "gui.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

Gui gui;

static void *open_one(const char *const *names, char *err, size_t n)
{
    for (size_t i = 0; names[i]; i++) {
        void *h = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
        if (h)
            return h;
    }
    const char *why = dlerror();
    snprintf(err, n, "cannot load %s, which GIF export draws with (%s)", names[0], why ? why : "not found");
    return NULL;
}

/* Find name in h, else in also; store it through slot (a function pointer). */
static bool find(void *h, void *also, const char *name, void *slot, char *err, size_t n)
{
    void *f = dlsym(h, name);
    if (!f)
        f = dlsym(also, name);
    if (!f) {
        snprintf(err, n, "the loaded librsvg has no %s", name);
        return false;
    }
    memcpy(slot, &f, sizeof f); /* object pointer to function pointer, as POSIX allows */
    return true;
}

static bool load(char *err, size_t n)
{
    static const char *const rsvg_names[] = {"librsvg-2.so.2", "librsvg-2.so", NULL};
    static const char *const cairo_names[] = {"libcairo.so.2", "libcairo.so", NULL};
    void *rsvg = open_one(rsvg_names, err, n);
    if (!rsvg)
        return false;
    void *cairo = open_one(cairo_names, err, n);
    if (!cairo)
        return false;
#define GUI_FIND(f)                                                                                              \
    if (!find(rsvg, cairo, #f, &gui.f, err, n))                                                                  \
        return false;
    GUI_FUNCS(GUI_FIND)
#undef GUI_FIND
    return true; /* the handles stay open for the process's life */
}

bool gui_load(char *err, size_t n)
{
    static int state; /* 0 not tried, 1 loaded, -1 failed */
    static char why[256];
    if (!state)
        state = load(why, sizeof why) ? 1 : -1;
    if (state < 0)
        snprintf(err, n, "%s", why);
    return state > 0;
}
