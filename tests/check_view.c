/* check_view.c: placeholder, filled in by the module's author. */
#include "suites.h"

Suite *view_suite(void)
{
    Suite *s = suite_create("view");
    return s;
}
