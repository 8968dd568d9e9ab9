/* check_bar_pane.c: placeholder, filled in by the module's author. */
#include "suites.h"

Suite *bar_pane_suite(void)
{
    Suite *s = suite_create("bar_pane");
    return s;
}
