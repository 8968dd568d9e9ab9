/* check_tasks_pane.c: placeholder, filled in by the module's author. */
#include "suites.h"

Suite *tasks_pane_suite(void)
{
    Suite *s = suite_create("tasks_pane");
    return s;
}
