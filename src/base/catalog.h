/* catalog.h: the scenarios of a folder, for the picker.
 * Owns listing a folder's *.py and *.js files (sorted by name, so the list
 * is the same on every machine) and reading each one's title, the first
 * line of its docstring (Python) or leading comment (JavaScript), without
 * running it. Showing the list is the view's (view/picker.c). */
#ifndef LS_CATALOG_H
#define LS_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

typedef struct CatalogEntry {
    char *path;    /* folder/name.py; owned */
    char *name;    /* name.py; owned */
    char *title;   /* the first docstring line, "" when none; owned */
} CatalogEntry;

typedef struct Catalog {
    char *dir;
    CatalogEntry *e;
    size_t n;
} Catalog;

/* List dir. False with a message in err (n bytes) when it cannot be read
 * or holds no scenario. */
bool catalog_load(const char *dir, Catalog *c, char *err, size_t n);
void catalog_free(Catalog *c);
/* The first docstring line of a scenario's text (its language from its
 * name), into out (n bytes); "" when it has none. */
void catalog_title(const char *name, const char *text, char *out, size_t n);

#endif
