/* result.h - what audit_run produces and the renderers walk. */
#ifndef AUDIT_RESULT_H
#define AUDIT_RESULT_H

#include <stddef.h>

#include "audit.h"
#include "checks.h"
#include "document.h"
#include "extract.h"
#include "rules.h"

typedef struct audit_target_result {
    const audit_rule_target *rule;
    audit_status status;
    int has_actual;
    audit_quantity actual;     /* offsets into doc->text */
    int has_ratio;
    double ratio;              /* actual / target */
    const char *reason;        /* why inconsistent, or NULL */
    int units_differ;          /* 人次 against 人: compared, and noted */
} audit_target_result;

struct audit_result {
    const audit_document *doc;
    const audit_ruleset *rules;  /* may be NULL */
    int extract_only;
    audit_extraction ex;
    audit_target_result *targets;
    size_t n_targets;
    audit_finding_list findings;
    size_t counts[AUDIT_INCONSISTENT + 1];
    size_t errors, warnings;
};

/* Evaluates every rule target against the extraction (evaluate.c). */
int audit_evaluate(audit_result *res, audit_error *err);

const char *audit_status_name(audit_status status);

#endif
