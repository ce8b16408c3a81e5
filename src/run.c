/* run.c - one audit: extract, evaluate the rules, run the checks, count. */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "result.h"

static int by_position(const void *a, const void *b)
{
    const audit_finding *x = a, *y = b;
    if (x->start != y->start)
        return (x->start > y->start) - (x->start < y->start);
    return strcmp(x->check, y->check);
}

/* Sorts findings by position and drops a second finding of the same check
 * at the same figure (a rule and a rule-free check may both see it). */
static void sort_findings(audit_finding_list *list)
{
    if (list->len < 2)
        return;
    qsort(list->items, list->len, sizeof *list->items, by_position);
    size_t kept = 1;
    for (size_t i = 1; i < list->len; i++) {
        audit_finding *prev = &list->items[kept - 1], *f = &list->items[i];
        if (f->start == prev->start && strcmp(f->check, prev->check) == 0) {
            if (!prev->target)
                prev->target = f->target;
            free(f->message);
            continue;
        }
        list->items[kept++] = *f;
    }
    list->len = kept;
}

audit_result *audit_run(const audit_document *doc, const audit_ruleset *rules,
                        const audit_options *opt, audit_error *err)
{
    if (!doc) {
        audit_error_set(err, AUDIT_E_USAGE, NULL, 0, 0, 0, "no document");
        return NULL;
    }
    audit_result *res = audit_xcalloc(1, sizeof *res);
    res->doc = doc;
    res->rules = rules;
    res->extract_only = opt && opt->extract;
    audit_extract(doc, &res->ex);
    if (res->extract_only)
        return res;
    if (audit_evaluate(res, err) != 0)
        goto fail;
    if (!opt || opt->checks)
        audit_checks_run(doc, &res->ex.seg, &res->ex.quantities, &res->findings);
    sort_findings(&res->findings);
    for (size_t i = 0; i < res->n_targets; i++)
        res->counts[res->targets[i].status]++;
    for (size_t i = 0; i < res->findings.len; i++) {
        if (res->findings.items[i].severity == AUDIT_ERROR)
            res->errors++;
        else
            res->warnings++;
    }
    return res;

fail:
    audit_result_free(res);
    return NULL;
}

unsigned audit_result_occurred(const audit_result *res)
{
    unsigned bits = 0;
    for (int s = AUDIT_MET; s <= AUDIT_INCONSISTENT; s++)
        if (res->counts[s])
            bits |= AUDIT_FAIL_STATUS(s);
    if (res->errors)
        bits |= AUDIT_FAIL_ERROR;
    if (res->warnings)
        bits |= AUDIT_FAIL_WARNING;
    return bits;
}

int audit_fail_on_parse(const char *list, unsigned *mask)
{
    static const struct {
        const char *name;
        unsigned bit;
    } names[] = {
        {"met", AUDIT_FAIL_STATUS(AUDIT_MET)},
        {"exceeded", AUDIT_FAIL_STATUS(AUDIT_EXCEEDED)},
        {"unmet", AUDIT_FAIL_STATUS(AUDIT_UNMET)},
        {"missing", AUDIT_FAIL_STATUS(AUDIT_MISSING)},
        {"inconsistent", AUDIT_FAIL_STATUS(AUDIT_INCONSISTENT)},
        {"error", AUDIT_FAIL_ERROR},
        {"warning", AUDIT_FAIL_WARNING},
    };
    unsigned bits = 0;
    const char *p = list;
    while (*p) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        size_t k;
        for (k = 0; k < sizeof names / sizeof names[0]; k++)
            if (strlen(names[k].name) == n && memcmp(names[k].name, p, n) == 0)
                break;
        if (n == 4 && memcmp(p, "none", 4) == 0)
            k = (size_t)-1;
        else if (k == sizeof names / sizeof names[0])
            return -1;
        else
            bits |= names[k].bit;
        p += n;
        if (*p == ',')
            p++;
    }
    *mask = bits;
    return 0;
}

void audit_result_free(audit_result *res)
{
    if (!res)
        return;
    audit_extraction_free(&res->ex);
    audit_finding_list_free(&res->findings);
    free(res->targets);
    free(res);
}
