/* checks.h - the report's own arithmetic (SPEC section 5): findings. */
#ifndef AUDIT_CHECKS_H
#define AUDIT_CHECKS_H

#include <stddef.h>

#include "audit.h"
#include "document.h"
#include "quantity.h"
#include "segment.h"

typedef struct audit_finding {
    const char *check;       /* "malformed-number", "sum-mismatch", ... */
    audit_severity severity;
    size_t start, end;       /* byte span in doc->text */
    char *message;           /* owned; shows the arithmetic */
    const char *target;      /* rule target id, or NULL */
} audit_finding;

typedef struct audit_finding_list {
    audit_finding *items;
    size_t len, cap;
} audit_finding_list;

/* Appends a finding (message is copied from fmt). */
void audit_finding_add(audit_finding_list *list, const char *check,
                       audit_severity severity, size_t start, size_t end,
                       const char *target, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/* Runs the rule-free checks (malformed-number, sum-mismatch, rate-mismatch,
 * rate-over-100) over a segmented document whose quantities (document
 * order, offsets into doc->text, roles set) are in qs. */
void audit_checks_run(const audit_document *doc, const audit_segments *seg,
                      const audit_quantity_list *qs, audit_finding_list *out);

/* The completion-rate column of progress tables (table_checks.c). */
void audit_checks_table_rates(const audit_document *doc,
                              const audit_segments *seg,
                              const audit_quantity_list *qs,
                              audit_finding_list *out);

/* The 合计 rows of tables against the rows above them (table_checks.c). */
void audit_checks_table_sums(const audit_document *doc,
                             const audit_segments *seg,
                             const audit_quantity_list *qs,
                             audit_finding_list *out);

/* Whether a stated rate with `decimals` written equals computed rounded or
 * truncated to that many decimals (SPEC section 5). */
int audit_rate_agrees(double stated, int decimals, double computed);

void audit_finding_list_free(audit_finding_list *list);

#endif
