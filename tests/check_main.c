/* check_main.c: the one Check runner for every unit suite (make unit).
 * Set CK_RUN_SUITE=lex (Check's own variable) to run a single suite. */
#include "suites.h"

#include <stdlib.h>

int main(void)
{
    Suite *(*const suites[])(void) = {
        base_suite,
        lex_suite,
        parse_suite,
        format_suite,
        text_suite,
        ops_suite,
        set_suite,
        builtins_suite,
        vm_suite,
        with_suite,
        loop_suite,
        rec_suite,
        seek_suite,
        grid_suite,
        view_suite,
        code_pane_suite,
        tasks_pane_suite,
        bar_pane_suite,
        export_suite,
        words_suite,
        share_suite,
        js_suite,
        stops_suite,
        internals_suite,
        narr_suite,
    };
    SRunner *sr = srunner_create(NULL);
    for (size_t i = 0; i < sizeof suites / sizeof suites[0]; i++)
        srunner_add_suite(sr, suites[i]());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
