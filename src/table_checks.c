/* table_checks.c - the completion-rate column of a progress table.
 *
 * Progress reports often come as a table whose header names the plan, the
 * progress and the completion rate of each row:
 *
 *   序号  年度目标任务          截至6月底完成情况     完成率
 *   1     城镇新增就业5000人以上  城镇新增就业3120人     64.2%
 *
 * The stated rate must agree with progress ÷ plan under the rounding rule
 * of SPEC section 5 (rounded or truncated to the stated decimals). A row
 * is judged only when it is unambiguous: one figure in the plan cells and
 * one in the progress cells (parts after 其中 aside: "已完成186户，其中C级
 * 120户"), of the same unit. "路基42公里，路面28.6公里" against 50公里 could
 * be either, so it is not judged. A plan figure may be a bound
 * ("5000人以上"); the progress figure may not be approximate.
 */
#include <math.h>

#include "checks.h"
#include "text.h"

int audit_rate_agrees(double stated, int decimals, double computed)
{
    double scale = pow(10.0, decimals);
    double rounded = floor(computed * scale + 0.5) / scale;
    double truncated = floor(computed * scale + 1e-9) / scale;
    double eps = 1e-9 * fmax(1.0, fabs(computed));
    return fabs(stated - rounded) <= eps || fabs(stated - truncated) <= eps;
}

typedef struct row_figures {
    const audit_quantity *rate, *plan, *done;
    size_t plans, dones;
} row_figures;

/* Whether a breakdown opens between from and at ("已完成186户，其中…"). */
static int in_breakdown(const char *s, size_t from, size_t at)
{
    return audit_find_word(s + from, at - from, "其中") != (size_t)-1 ||
           audit_find_word(s + from, at - from, "包括") != (size_t)-1;
}

static void read_row(const audit_document *doc, const audit_segments *seg,
                     const audit_quantity_list *qs, size_t b, row_figures *r)
{
    const audit_block *row = &seg->blocks[b];
    size_t q = 0;
    /* quantities are in text order: find the first one of the row */
    size_t lo = 0, hi = qs->len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (qs->items[mid].start < row->start)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t k = audit_segments_sentence_from(seg, row->start);
         k < seg->n_sentences && seg->sentences[k].block == b; k++) {
        const audit_sentence *st = &seg->sentences[k];
        int rate_cell = audit_segments_header_has(
            seg, doc->clean, row->header, st->cell, audit_completion_words);
        for (q = lo; q < qs->len && qs->items[q].start < st->end; q++) {
            const audit_quantity *x = &qs->items[q];
            if (x->start < st->start)
                continue;
            if (rate_cell) {
                if (!r->rate && x->dim == AUDIT_DIM_PERCENT)
                    r->rate = x;
            } else if (st->role == AUDIT_ROLE_TARGET && x->dim != AUDIT_DIM_NONE &&
                       x->dim != AUDIT_DIM_PERCENT) {
                r->plans++;
                r->plan = x;
            } else if (st->role == AUDIT_ROLE_ACTUAL &&
                       x->dim != AUDIT_DIM_NONE && x->dim != AUDIT_DIM_PERCENT &&
                       !in_breakdown(doc->clean, st->start, x->start)) {
                r->dones++;
                r->done = x;
            }
        }
        lo = q;
    }
}

void audit_checks_table_rates(const audit_document *doc,
                              const audit_segments *seg,
                              const audit_quantity_list *qs,
                              audit_finding_list *out)
{
    for (size_t b = 0; b < seg->n_blocks; b++) {
        const audit_block *row = &seg->blocks[b];
        if (row->kind != AUDIT_BLOCK_ROW || row->header == (size_t)-1)
            continue;
        row_figures r = {0};
        read_row(doc, seg, qs, b, &r);
        if (!r.rate || !r.plan || !r.done || r.plans != 1 || r.dones != 1 ||
            r.done->approx || r.rate->approx ||
            r.plan->range || r.done->range || r.plan->value <= 0 ||
            !audit_unit_compatible(r.plan, r.done))
            continue;
        double computed = r.done->value / r.plan->value * 100.0;
        if (audit_rate_agrees(r.rate->value, r.rate->decimals, computed))
            continue;
        audit_finding_add(out, "rate-mismatch", AUDIT_ERROR, r.rate->start,
                          r.rate->end, NULL,
                          "%.*s / %.*s = %.2f%% ≠ stated %.*s",
                          (int)(r.done->end - r.done->start),
                          doc->text + r.done->start,
                          (int)(r.plan->end - r.plan->start),
                          doc->text + r.plan->start, computed,
                          (int)(r.rate->end - r.rate->start),
                          doc->text + r.rate->start);
    }
}
