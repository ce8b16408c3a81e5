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
#include <string.h>

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

/* ---- 合计 rows ---------------------------------------------------------
 *
 * A row whose first non-empty cell (after a 序号 number) says 合计, 总计 or
 * 小计 adds up the rows above it, back to the header or the previous total
 * row: each numeric column must equal their sum, under the rounding rule
 * (a part written with decimals, or in a column of 万 or 亿, may be off by
 * half its last digit). A column is judged only when every row above has
 * exactly one bare figure in it; columns of ratios (率, 比, 占, %, 均),
 * numbers (序号, 编号, 年份) and tables with 其中 or total-like rows among
 * the parts are left alone. */

#define MAX_COLUMNS 32

static const char *const total_labels[] = {"合计", "总计", "小计", NULL};
static const char *const ratio_headers[] = {
    "率", "比", "占", "%", "％", "‰", "均", "序号", "编号", "年份", "代码",
    "增长", "增减", "增幅", "排名", "名次", NULL};
static const char *const magnitude_headers[] = {"万", "亿", "千", NULL};
/* Labels of rows that are no plain part: a nested or whole-area row. */
static const char *const non_part_labels[] = {
    "其中", "含", "计", "全县", "全市", "全区", "全省", "全镇", "总", "共",
    NULL};

typedef struct column_sum {
    double sum, slack;      /* the sum and how far rounding may move it */
    size_t rows;            /* rows that gave one bare figure */
    int bad;                /* a cell that is no bare figure */
    const audit_quantity *first, *second, *last;
} column_sum;

/* Whether clean[from..to) holds no digit and no letter outside [qa, qb). */
static int bare_cell(const char *s, size_t n, size_t from, size_t to,
                     size_t qa, size_t qb)
{
    size_t adv;
    for (size_t i = from; i < to; i += adv) {
        unsigned cp = audit_utf8_at(s, n, i, &adv);
        if (i >= qa && i < qb)
            continue;
        if (audit_is_space(cp) || cp == ',' || cp == 0x3002 || cp == 0xFF0C)
            continue;
        return 0;
    }
    return 1;
}

static int is_number_text(const char *s, size_t n, size_t from, size_t to)
{
    size_t adv;
    int digits = 0;
    for (size_t i = from; i < to; i += adv) {
        unsigned cp = audit_utf8_at(s, n, i, &adv);
        if (cp >= '0' && cp <= '9')
            digits = 1;
        else if (!audit_is_space(cp) && cp != '.' && cp != 0x3001)
            return 0;
    }
    return digits;
}

static void report_column(const audit_document *doc, audit_finding_list *out,
                          const column_sum *col, const audit_quantity *t,
                          double sum, int decimals)
{
#define SPAN(q) (int)((q)->end - (q)->start), doc->text + (q)->start
    if (col->rows == 2)
        audit_finding_add(out, "sum-mismatch", AUDIT_ERROR, t->start, t->end,
                          NULL, "%.*s+%.*s = %.*f ≠ %.*s", SPAN(col->first),
                          SPAN(col->last), decimals, sum, SPAN(t));
    else
        audit_finding_add(out, "sum-mismatch", AUDIT_ERROR, t->start, t->end,
                          NULL, "%.*s+%.*s+%s%.*s = %.*f ≠ %.*s (column sum)",
                          SPAN(col->first), SPAN(col->second),
                          col->rows > 3 ? "…+" : "", SPAN(col->last),
                          decimals, sum, SPAN(t));
#undef SPAN
}

void audit_checks_table_sums(const audit_document *doc,
                             const audit_segments *seg,
                             const audit_quantity_list *qs,
                             audit_finding_list *out)
{
    const char *s = doc->clean ? doc->clean : doc->text;
    size_t n = doc->len;
    column_sum cols[MAX_COLUMNS];
    size_t rows = 0, header = (size_t)-1;
    int spoilt = 0, subtotals = 0;
    size_t q = 0;
    for (size_t b = 0; b < seg->n_blocks; b++) {
        const audit_block *row = &seg->blocks[b];
        if (row->kind != AUDIT_BLOCK_ROW || row->header == (size_t)-1) {
            header = (size_t)-1;
            continue;
        }
        if (row->header != header || b == 0 ||
            seg->blocks[b - 1].kind != AUDIT_BLOCK_ROW) {
            header = row->header;
            memset(cols, 0, sizeof cols);
            rows = 0;
            spoilt = seg->blocks[header].unit_cell >= 0;
            subtotals = 0;
        }
        /* the label: the first cell that is no bare 序号 number */
        size_t first = audit_segments_sentence_from(seg, row->start);
        size_t k = first;
        while (k < seg->n_sentences && seg->sentences[k].block == b &&
               is_number_text(s, n, seg->sentences[k].start,
                              seg->sentences[k].end) &&
               seg->sentences[k].cell == 0)
            k++;
        if (k >= seg->n_sentences || seg->sentences[k].block != b)
            continue;
        const audit_sentence *label = &seg->sentences[k];
        int total = 0;
        for (size_t j = 0; total_labels[j]; j++)
            if (audit_has_prefix(s, label->end, label->start, total_labels[j]))
                total = j == 2 ? 2 : 1;
        int skip = total == 1 && subtotals; /* 合计 of 小计 rows */
        if (total == 2)
            subtotals = 1;
        if (!total)
            for (size_t j = 0; non_part_labels[j]; j++)
                if (audit_find_word(s + label->start,
                                    label->end - label->start,
                                    non_part_labels[j]) != (size_t)-1)
                    spoilt = 1;
        /* the figures of the row, one per cell */
        while (q < qs->len && qs->items[q].start < row->start)
            q++;
        for (size_t j = k + 1;
             j < seg->n_sentences && seg->sentences[j].block == b; j++) {
            const audit_sentence *st = &seg->sentences[j];
            if (st->cell < 0 || st->cell >= MAX_COLUMNS ||
                (j > k + 1 && seg->sentences[j - 1].cell == st->cell))
                continue; /* a cell of several sentences: spoilt below */
            column_sum *col = &cols[st->cell];
            const audit_quantity *x = NULL;
            size_t found = 0;
            for (size_t e = q; e < qs->len && qs->items[e].start < st->end; e++)
                if (qs->items[e].start >= st->start) {
                    x = &qs->items[e];
                    found++;
                }
            int bare = found == 1 && x->end <= st->end && !x->approx &&
                       !x->range && !x->malformed &&
                       x->dim != AUDIT_DIM_PERCENT &&
                       (j + 1 >= seg->n_sentences ||
                        seg->sentences[j + 1].block != b ||
                        seg->sentences[j + 1].cell != st->cell) &&
                       bare_cell(s, n, st->start, st->end, x->start, x->end);
            if (!total) {
                if (!bare) {
                    col->bad = 1;
                    continue;
                }
                double step = pow(10.0, -x->decimals);
                int mag = audit_segments_header_has(seg, s, header, st->cell,
                                                    magnitude_headers);
                col->sum += x->value;
                col->slack += (x->decimals > 0 || mag) ? step / 2 : 0;
                if (!col->first)
                    col->first = x;
                else if (!col->second)
                    col->second = x;
                col->last = x;
                col->rows++;
                continue;
            }
            if (!bare || col->bad || spoilt || skip || rows < 2 || col->rows != rows ||
                audit_segments_header_has(seg, s, header, st->cell,
                                          ratio_headers))
                continue;
            int decimals = x->decimals;
            double step = pow(10.0, -decimals);
            double lo = col->sum - col->slack, hi = col->sum + col->slack;
            double eps = 1e-9 * (1 + fabs(x->value));
            double tlo = floor(lo / step + 1e-9) * step;
            double thi = floor(hi / step + 0.5 + 1e-9) * step;
            if (tlo - eps <= x->value && x->value <= thi + eps)
                continue;
            report_column(doc, out, col, x, col->sum, decimals);
        }
        if (total) {
            memset(cols, 0, sizeof cols);
            rows = 0;
            spoilt = seg->blocks[header].unit_cell >= 0;
        } else {
            rows++;
        }
    }
}
