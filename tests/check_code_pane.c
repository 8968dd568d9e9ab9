/* check_code_pane.c: placeholder, filled in by the module's author. */
#include "suites.h"

Suite *code_pane_suite(void)
{
    Suite *s = suite_create("code_pane");
    return s;
}
