/* suites.h: one Check suite per module (Check's own layout); check_main.c
 * runs them all. Add a module's suite here and in check_main.c's table. */
#ifndef LS_SUITES_H
#define LS_SUITES_H

#include <check.h>

Suite *base_suite(void);
Suite *lex_suite(void);
Suite *parse_suite(void);
Suite *format_suite(void);
Suite *text_suite(void);
Suite *ops_suite(void);
Suite *set_suite(void);
Suite *builtins_suite(void);
Suite *vm_suite(void);
Suite *with_suite(void);
Suite *loop_suite(void);
Suite *rec_suite(void);
Suite *seek_suite(void);
Suite *grid_suite(void);
Suite *view_suite(void);
Suite *code_pane_suite(void);
Suite *tasks_pane_suite(void);
Suite *bar_pane_suite(void);
Suite *export_suite(void);
Suite *words_suite(void);
Suite *share_suite(void);
Suite *js_suite(void);
Suite *stops_suite(void);
Suite *internals_suite(void);
Suite *narr_suite(void);

#endif
