/* check_run.h - the one way a test program runs its Check suite. */
#ifndef AUDIT_CHECK_RUN_H
#define AUDIT_CHECK_RUN_H

#include <check.h>
#include <stdlib.h>

/* Runs the suite (which the runner frees) and returns the exit status. */
static inline int audit_check_run(Suite *suite)
{
    SRunner *runner = srunner_create(suite);
    srunner_run_all(runner, CK_NORMAL);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif
