/* evaluate.c - rule set x extracted figures -> statuses and findings.
 *
 * In:  a document's extraction (extract.c) and a rule set (rules.c).
 * Out: one audit_target_result per rule target, the rule-based findings
 *      (rate-mismatch against actual / target, target-mismatch), and the
 *      rule-free findings of checks.c.
 *
 * For each target, every match of each `find` pattern (inside the task's
 * `scope`, when it has one) proposes the nearest figure of its sentence
 * that (a) is not plan (role TARGET), under way or of an earlier period
 * (上年的…, or a clause naming another year than the rules' `period`), and
 * (b) has a unit compatible with the target's. Distance counts characters
 * between the match and the figure; a figure after the match wins a tie
 * ("完成培训人数5.48万人次": the figure follows its keyword), and a part of
 * a breakdown is far from a keyword outside it ("完成改造520户，其中城区
 * 120户"). Over all matches an ACTUAL proposal wins over the others, and
 * the nearest among them, an ACTUAL before an
 * OTHER (within a sentence too: "新建村级垃圾收集点120个，已建成126个"),
 * and a figure across a clause break from its keyword counts as further
 * away ("城市…680元，农村低保标准…5760元"). Two proposals of the same
 * role from different blocks that sit right next to their keyword, after
 * the same word, and disagree make the target inconsistent
 * (conflicting-actuals): prose and table disagree.
 *
 * When the keyword's sentence has no such figure, two layouts still tie it
 * to one: a table row whose item cell holds the keyword gives the figure
 * of its progress column, and an item whose title sentence holds it
 * ("1.高标准农田建设【绿灯】。…已完成建设3.62万亩") gives the first figure
 * of the item. Values after 分别 go to their subjects in order.
 *
 * `actual` patterns replace the association: the group n is the figure.
 *
 * A completion percentage stated next to the actual ("完成全年任务60%",
 * "超额完成市定任务数的400%", a 完成率 column of its table row) must agree
 * with actual / target under the rounding rule of SPEC section 5; when it
 * does not, the target is inconsistent (rate-mismatch) and the percentage
 * is a finding. A target restated in the actual's sentence ("（目标任务为
 * 90%以上）") that differs from the rule is a target-mismatch finding.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "result.h"
#include "text.h"

#define MATCH_LIMIT 10000u /* per start position: rule patterns need tens */
#define DEPTH_LIMIT 100000u
#define NEAR_CHARS 12
#define PART_PENALTY 20
#define CLAUSE_PENALTY 8 /* a figure across a clause break from its keyword */
#define LEAD_CHARS 1 /* characters before a keyword that must agree */
#define RESTATE_REACH 30 /* bytes before a restated target for 目标/任务 */

typedef struct matcher {
    pcre2_match_data *md;
    pcre2_match_context *ctx;
    const audit_document *doc;
} matcher;

typedef struct proposal {
    size_t q;          /* quantity index, or (size_t)-1 for a parsed capture */
    audit_quantity quantity;
    double distance;
    size_t block;
    size_t match;      /* where the keyword that proposed it starts */
} proposal;

const char *audit_status_name(audit_status status)
{
    static const char *const names[] = {"met", "exceeded", "unmet", "missing",
                                        "inconsistent"};
    return names[status];
}

/* Runs code once from `from`; 1 with the match span, 0 for no match, -1 on
 * a matching error (limits), with err filled. */
static int match_once(matcher *m, const pcre2_code *code, size_t from,
                      size_t *start, size_t *end, const audit_rule_target *t,
                      const audit_ruleset *rules, audit_error *err)
{
    int rc = pcre2_match(code, (PCRE2_SPTR)m->doc->clean, m->doc->len, from,
                         PCRE2_NO_UTF_CHECK, m->md, m->ctx);
    if (rc == PCRE2_ERROR_NOMATCH)
        return 0;
    if (rc < 0 && rc != 0) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(rc, msg, sizeof msg);
        return audit_error_set(err, AUDIT_E_MATCH, rules->files[t->file], 1,
                               t->line, t->column,
                               "pattern of target %s failed on %s: %s", t->id,
                               m->doc->name, (const char *)msg);
    }
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
    *start = ov[0];
    *end = ov[1];
    return 1;
}

/* Next search offset after a match: past it, or one character on when it
 * was empty. */
static size_t next_from(const audit_document *doc, size_t start, size_t end)
{
    if (end > start)
        return end;
    size_t adv;
    if (end >= doc->len)
        return doc->len + 1;
    audit_utf8_at(doc->clean, doc->len, end, &adv);
    return end + adv;
}

static double char_distance(const audit_document *doc, size_t a, size_t b)
{
    return (double)audit_utf8_count(doc->clean + a, b - a);
}

/* Marks the blocks of the task's scope: the blocks that match it, and the
 * blocks after each up to the next heading or numbered item. */
static int scope_blocks(matcher *m, const audit_result *res,
                        const audit_rule_task *task, unsigned char *in_scope,
                        audit_error *err)
{
    const audit_segments *seg = &res->ex.seg;
    for (size_t b = 0; b < seg->n_blocks; b++) {
        const audit_block *blk = &seg->blocks[b];
        int rc = pcre2_match(task->scope, (PCRE2_SPTR)m->doc->clean, blk->end,
                             blk->start, PCRE2_NO_UTF_CHECK, m->md, m->ctx);
        if (rc == PCRE2_ERROR_NOMATCH)
            continue;
        if (rc < 0) {
            PCRE2_UCHAR msg[256];
            pcre2_get_error_message(rc, msg, sizeof msg);
            return audit_error_set(err, AUDIT_E_MATCH,
                                   res->rules->files[task->file], 1,
                                   task->scope_line, task->scope_column,
                                   "scope pattern of task %s failed on %s: %s",
                                   task->id, m->doc->name, (const char *)msg);
        }
        in_scope[b] = 1;
        for (size_t c = b + 1; c < seg->n_blocks; c++) {
            audit_block_kind k = seg->blocks[c].kind;
            if (k == AUDIT_BLOCK_HEADING || k == AUDIT_BLOCK_ITEM)
                break;
            in_scope[c] = 1;
        }
    }
    return 0;
}

static int block_of(const audit_result *res, size_t pos, size_t *block)
{
    size_t k = audit_extraction_sentence_at(&res->ex, pos);
    if (k == (size_t)-1)
        return 0;
    *block = res->ex.seg.sentences[k].block;
    return 1;
}

/* Whether the clause before a figure names a year other than the rules'
 * period: "2021 年完成改造 1443 户" is last year's batch in a 2022 report. */
static int names_other_year(const char *s, size_t from, size_t at, int year)
{
    if (year == 0)
        return 0;
    size_t i = at;
    while (i > from) {
        size_t p = audit_utf8_prev(s, i), adv;
        unsigned cp = audit_utf8_at(s, at, p, &adv);
        if (cp == 0xFF0C || cp == ',' || cp == 0xFF1B || cp == ';' ||
            cp == 0x3002)
            break;
        i = p;
    }
    for (size_t j = i; j + 4 < at; j++) {
        if (j > i && s[j - 1] >= '0' && s[j - 1] <= '9')
            continue;
        /* "较2020年削减8.2%" compares with that year: the figure is now */
        if (j >= i + 3 && (audit_has_prefix(s, at, j - 3, "较") ||
                           audit_has_prefix(s, at, j - 3, "比")))
            continue;
        int y = 0, k;
        for (k = 0; k < 4 && s[j + k] >= '0' && s[j + k] <= '9'; k++)
            y = y * 10 + (s[j + k] - '0');
        if (k < 4 || (s[j + 4] >= '0' && s[j + 4] <= '9'))
            continue;
        size_t e = j + 4;
        while (e < at && s[e] == ' ')
            e++;
        if (audit_has_prefix(s, at, e, "年") && y >= 1900 && y <= 2100 &&
            y != year)
            return 1;
    }
    return 0;
}

/* The distance a clause break adds: a figure across ，or ； belongs to the
 * next statement ("城市低保标准…680元，农村低保标准…每人每年5760元"). */
static double crossing(const char *s, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ',' || c == ';')
            return CLAUSE_PENALTY;
        /* ，U+FF0C is EF BC 8C; ；U+FF1B is EF BC 9B */
        if (c == 0xEF && i + 2 < to && (unsigned char)s[i + 1] == 0xBC &&
            ((unsigned char)s[i + 2] == 0x8C || (unsigned char)s[i + 2] == 0x9B))
            return CLAUSE_PENALTY;
    }
    return 0;
}

/* The start of the clause that holds `at`, not before from. */
static size_t clause_start(const char *s, size_t from, size_t at)
{
    size_t i = at;
    while (i > from) {
        size_t p = audit_utf8_prev(s, i), adv;
        unsigned cp = audit_utf8_at(s, at, p, &adv);
        if (cp == 0xFF0C || cp == ',' || cp == 0xFF1B || cp == ';')
            return i;
        i = p;
    }
    return from;
}

/* Whether the keyword's own clause holds a figure of the target's unit
 * that is under way: then no figure of another clause stands for it
 * ("已建成百姓健身房10个，社区运动场地设施4个正在施工"). */
static int own_clause_under_way(const audit_result *res,
                                const audit_rule_target *t,
                                const audit_sentence *st, size_t ms, size_t me)
{
    const audit_extraction *ex = &res->ex;
    const char *s = res->doc->clean;
    /* the clause itself says it is not done: "新增学位尚未投入使用" */
    size_t end = me, adv;
    while (end < st->end) {
        unsigned cp = audit_utf8_at(s, st->end, end, &adv);
        if (cp == 0xFF0C || cp == ',' || cp == 0xFF1B || cp == ';')
            break;
        end += adv;
    }
    if (audit_text_under_way(s, clause_start(s, st->start, ms), end))
        return 1;
    for (size_t q = audit_extraction_first_at(ex, st->start);
         q < ex->quantities.len && ex->quantities.items[q].start < st->end; q++) {
        const audit_quantity *qq = &ex->quantities.items[q];
        if (ex->pending[q] != AUDIT_UNDER_WAY ||
            !audit_unit_compatible(qq, &t->target.quantity))
            continue;
        if ((qq->start >= me && !crossing(s, me, qq->start)) ||
            (qq->end <= ms && !crossing(s, qq->end, ms)))
            return 1;
    }
    return 0;
}

/* The best figure of sentence k for a match at [ms, me). */
static int propose(const audit_result *res, const audit_rule_target *t,
                   size_t k, size_t ms, size_t me, proposal *out)
{
    const audit_extraction *ex = &res->ex;
    const audit_sentence *st = &ex->seg.sentences[k];
    size_t q = audit_extraction_first_at(ex, st->start);
    int found = 0;
    int blocked = own_clause_under_way(res, t, st, ms, me);
    for (; q < ex->quantities.len && ex->quantities.items[q].start < st->end;
         q++) {
        const audit_quantity *qq = &ex->quantities.items[q];
        if (qq->role == AUDIT_ROLE_TARGET || ex->pending[q])
            continue;
        if (!audit_unit_compatible(qq, &t->target.quantity))
            continue;
        if (names_other_year(res->doc->clean, st->start, qq->start,
                             res->rules->years[t->file]))
            continue;
        if (blocked &&
            (qq->start >= me ? crossing(res->doc->clean, me, qq->start)
                             : crossing(res->doc->clean, qq->end, ms)))
            continue;
        double d;
        if (qq->start >= me)
            d = char_distance(res->doc, me, qq->start) +
                crossing(res->doc->clean, me, qq->start);
        else if (qq->end <= ms)
            d = char_distance(res->doc, qq->end, ms) + 0.5 +
                crossing(res->doc->clean, qq->end, ms);
        else
            d = 0;

        /* a part of a breakdown is not the total the keyword names, unless
         * the keyword itself is inside the breakdown */
        if (qq->start >= ex->part_start[k] && ms < ex->part_start[k])
            d += PART_PENALTY;
        /* a figure presented as achieved beats an unmarked one wherever
         * it stands ("新建村级垃圾收集点120个，已建成126个") */
        int actual = qq->role == AUDIT_ROLE_ACTUAL;
        int best_actual = found && out->quantity.role == AUDIT_ROLE_ACTUAL;
        if (!found || (actual && !best_actual) ||
            (actual == best_actual && d < out->distance)) {
            out->q = q;
            out->quantity = *qq;
            out->distance = d;
            out->block = st->block;
            out->match = ms;
            found = 1;
        }
    }
    return found;
}

#define ROW_FIGURES 64

/* The figures of the cells of row block b whose column has the role, in
 * order, at most ROW_FIGURES; returns how many. */
static size_t row_figures(const audit_extraction *ex, size_t b, audit_role role,
                          size_t *out)
{
    size_t n = 0;
    for (size_t j = audit_segments_sentence_from(&ex->seg, ex->seg.blocks[b].start);
         j < ex->seg.n_sentences && ex->seg.sentences[j].block == b; j++) {
        const audit_sentence *cell = &ex->seg.sentences[j];
        if (cell->role != role)
            continue;
        for (size_t q = audit_extraction_first_at(ex, cell->start);
             q < ex->quantities.len && ex->quantities.items[q].start < cell->end &&
             n < ROW_FIGURES;
             q++)
            out[n++] = q;
    }
    return n;
}

/* A keyword in a table row's item cell reaches the row's progress cells:
 *   | 项目           | 年度目标 | 完成情况  |
 *   | 农村公路新改建 | 150公里  | 162.4公里 |
 * The first eligible figure of a progress column (by the header) is
 * proposed, as far from the keyword as a figure can be and still count
 * as next to it. */
static int propose_row(const audit_result *res, const audit_rule_target *t,
                       size_t k, size_t ms, proposal *out)
{
    const audit_extraction *ex = &res->ex;
    const audit_sentence *st = &ex->seg.sentences[k];
    const audit_block *row = &ex->seg.blocks[st->block];
    if (row->kind != AUDIT_BLOCK_ROW || row->header == (size_t)-1 ||
        st->role != AUDIT_ROLE_OTHER)
        return 0;
    size_t figures[ROW_FIGURES];
    size_t n = row_figures(ex, st->block, AUDIT_ROLE_ACTUAL, figures);
    for (size_t i = 0; i < n; i++) {
        size_t q = figures[i];
        const audit_quantity *qq = &ex->quantities.items[q];
        if (qq->role == AUDIT_ROLE_TARGET || ex->pending[q] ||
            !audit_unit_compatible(qq, &t->target.quantity))
            continue;
        out->q = q;
        out->quantity = *qq;
        out->distance = NEAR_CHARS;
        out->block = st->block;
        out->match = ms;
        return 1;
    }
    return 0;
}

/* "高血压患者规范管理18420人、糖尿病患者规范管理6135人，规范管理率分别为
 * 63.5%、60.8%": when the proposal is one of the values after 分别 and the
 * keyword is the k-th of as many subjects before it (each with a figure),
 * the k-th value is the keyword's. */
static void respective_value(const audit_result *res,
                             const audit_rule_target *t, size_t k, size_t me,
                             proposal *p)
{
    const audit_extraction *ex = &res->ex;
    const audit_sentence *st = &ex->seg.sentences[k];
    const char *s = res->doc->clean;
    if (p->q == (size_t)-1 || p->quantity.start < me)
        return;
    size_t at = audit_find_word(s + me, p->quantity.start - me, "分别");
    if (at == (size_t)-1)
        return;
    size_t split = me + at;
    /* the values after 分别: a run of figures like the proposal */
    size_t first = audit_extraction_first_at(ex, split), n_values = 0;
    const audit_quantity *items = ex->quantities.items;
    while (first + n_values < ex->quantities.len &&
           items[first + n_values].start < st->end &&
           audit_unit_compatible(&items[first + n_values], &t->target.quantity))
        n_values++;
    /* the subjects before 分别: figures of another kind, and the one the
     * keyword comes before */
    size_t subjects = 0, mine = (size_t)-1;
    for (size_t q = audit_extraction_first_at(ex, st->start);
         q < ex->quantities.len && items[q].start < split; q++) {
        if (audit_unit_compatible(&items[q], &t->target.quantity))
            continue;
        if (mine == (size_t)-1 && items[q].start >= me)
            mine = subjects;
        subjects++;
    }
    if (n_values < 2 || subjects != n_values || mine == (size_t)-1)
        return;
    p->q = first + mine;
    p->quantity = items[first + mine];
}

/* A keyword in an item's title covers the item: "1.高标准农田建设【绿灯】。
 * 年度任务3.5万亩，截至9月25日，已完成建设3.62万亩". When the keyword's
 * sentence opens its block and holds no figure, the first of the block's
 * later sentences that proposes one gives it. */
static int propose_item(const audit_result *res, const audit_rule_target *t,
                        size_t k, size_t ms, size_t me, proposal *out)
{
    const audit_extraction *ex = &res->ex;
    const audit_sentence *st = &ex->seg.sentences[k];
    size_t q = audit_extraction_first_at(ex, st->start);
    if (st->cell >= 0 || (k > 0 && ex->seg.sentences[k - 1].block == st->block) ||
        (q < ex->quantities.len && ex->quantities.items[q].start < st->end))
        return 0;
    for (size_t j = k + 1;
         j < ex->seg.n_sentences && ex->seg.sentences[j].block == st->block; j++)
        if (propose(res, t, j, ms, me, out))
            return 1;
    return 0;
}

/* Proposals from the `actual` pattern: the group n of every match. */
static int propose_captures(matcher *m, audit_result *res,
                            const audit_rule_target *t,
                            const unsigned char *in_scope, proposal **props,
                            size_t *n, size_t *cap, audit_error *err)
{
    int group = pcre2_substring_number_from_name(t->actual, (PCRE2_SPTR) "n");
    for (size_t from = 0; from <= m->doc->len;) {
        size_t s, e;
        int rc = match_once(m, t->actual, from, &s, &e, t, res->rules, err);
        if (rc < 0)
            return -1;
        if (rc == 0)
            break;
        from = next_from(m->doc, s, e);
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
        if (group < 0 || (uint32_t)group >= pcre2_get_ovector_count(m->md) ||
            ov[2 * group] == PCRE2_UNSET)
            continue;
        size_t gs = ov[2 * group], ge = ov[2 * group + 1], blk;
        if (!block_of(res, gs, &blk))
            blk = 0;
        if (in_scope && !in_scope[blk])
            continue;
        audit_quantity q;
        if (audit_quantity_parse(m->doc->clean + gs, ge - gs, &q) != 0) {
            /* not one quantity as written: take the first one inside */
            audit_quantity_list tmp = {0};
            audit_quantity_scan(m->doc->clean + gs, ge - gs, &tmp);
            int ok = tmp.len > 0;
            if (ok)
                q = tmp.items[0];
            audit_quantity_list_free(&tmp);
            if (!ok)
                continue;
        } else {
            q.start = 0;
            q.end = ge - gs;
        }
        q.start += gs;
        q.end = q.end + gs;
        q.role = AUDIT_ROLE_ACTUAL;
        *props = audit_xgrow(*props, cap, *n + 1, sizeof **props);
        proposal *p = &(*props)[(*n)++];
        p->q = audit_extraction_first_at(&res->ex, gs);
        if (p->q >= res->ex.quantities.len ||
            res->ex.quantities.items[p->q].start >= ge)
            p->q = (size_t)-1;
        /* the capture keeps the role of the figure it covers: a pattern
         * that also meets the plan ("主要预期目标是：…分别增长6%、7.5%")
         * yields to its match in the progress */
        if (p->q != (size_t)-1)
            q.role = res->ex.quantities.items[p->q].role;
        p->quantity = q;
        p->distance = 0;
        p->block = blk;
        p->match = s;
    }
    return 0;
}

static int propose_finds(matcher *m, audit_result *res,
                         const audit_rule_target *t,
                         const unsigned char *in_scope, proposal **props,
                         size_t *n, size_t *cap, audit_error *err)
{
    for (size_t f = 0; f < t->n_find; f++) {
        for (size_t from = 0; from <= m->doc->len;) {
            size_t s, e;
            int rc = match_once(m, t->find[f], from, &s, &e, t, res->rules, err);
            if (rc < 0)
                return -1;
            if (rc == 0)
                break;
            from = next_from(m->doc, s, e);
            size_t k = audit_extraction_sentence_at(&res->ex, s);
            if (k == (size_t)-1 && e > s)
                k = audit_extraction_sentence_at(&res->ex, e - 1);
            if (k == (size_t)-1)
                continue;
            if (in_scope && !in_scope[res->ex.seg.sentences[k].block])
                continue;
            proposal p;
            if (!propose(res, t, k, s, e, &p) && !propose_row(res, t, k, s, &p) &&
                !propose_item(res, t, k, s, e, &p))
                continue;
            respective_value(res, t, k, e, &p);
            *props = audit_xgrow(*props, cap, *n + 1, sizeof **props);
            (*props)[(*n)++] = p;
        }
    }
    return 0;
}

/* A percentage in the completion-rate column of the actual's table row:
 *   序号  年度目标任务        完成情况           完成率
 *   2     完成危房改造300户   已完成改造186户    62%           */
static size_t completion_cell(const audit_result *res, size_t k)
{
    const audit_extraction *ex = &res->ex;
    const audit_sentence *st = &ex->seg.sentences[k];
    const audit_block *row = &ex->seg.blocks[st->block];
    if (row->kind != AUDIT_BLOCK_ROW || row->header == (size_t)-1)
        return (size_t)-1;
    for (size_t j = audit_segments_sentence_from(&ex->seg, row->start);
         j < ex->seg.n_sentences && ex->seg.sentences[j].block == st->block;
         j++) {
        const audit_sentence *other = &ex->seg.sentences[j];
        if (other->cell == st->cell ||
            !audit_segments_header_has(&ex->seg, res->doc->clean, row->header,
                                       other->cell, audit_completion_words))
            continue;
        for (size_t q = audit_extraction_first_at(ex, other->start);
             q < ex->quantities.len && ex->quantities.items[q].start < other->end;
             q++)
            if (ex->quantities.items[q].dim == AUDIT_DIM_PERCENT)
                return q;
    }
    return (size_t)-1;
}


/* "宫颈癌筛查7236人，乳腺癌筛查6980人，分别完成年度任务的60.3%、58.2%":
 * the figures before 分别 that share the actual's unit take the rates after
 * it in order. q is the first of the rates; (size_t)-1 when the counts of
 * figures and rates differ. */
static size_t respectively(const audit_result *res, const audit_sentence *st,
                           const proposal *p, size_t q)
{
    const audit_extraction *ex = &res->ex;
    const audit_quantity *items = ex->quantities.items;
    size_t figures = 0, mine = (size_t)-1;
    for (size_t i = audit_extraction_first_at(ex, st->start); i < q; i++) {
        if (!audit_unit_compatible(&items[i], &p->quantity))
            continue;
        if (items[i].start == p->quantity.start)
            mine = figures;
        figures++;
    }
    size_t rates = 0;
    for (size_t i = q; i < ex->quantities.len && items[i].start < st->end &&
                       items[i].dim == AUDIT_DIM_PERCENT;
         i++)
        rates++;
    if (mine == (size_t)-1 || rates != figures)
        return (size_t)-1;
    return q + mine;
}

/* A completion percentage stated after the actual in its sentence, or
 * alone in the next sentence of the same block and cell: "完成全年任务60%",
 * "超额完成市定任务数的400%", "完成率103%". Returns its quantity index. */
static size_t completion_rate(const audit_result *res, const proposal *p)
{
    const audit_extraction *ex = &res->ex;
    const char *s = res->doc->clean;
    size_t k = audit_extraction_sentence_at(ex, p->quantity.start);
    /* a rate has no completion rate: "增长6.1%，完成年度目标的48.9%"
     * measures the amount before it */
    if (k == (size_t)-1 || p->quantity.dim == AUDIT_DIM_PERCENT)
        return (size_t)-1;
    size_t from = p->quantity.end;
    int passed = 0; /* a figure stood between the actual and the rate */
    for (size_t j = k; j < ex->seg.n_sentences && j <= k + 1; j++) {
        const audit_sentence *st = &ex->seg.sentences[j];
        const audit_sentence *first = &ex->seg.sentences[k];
        if (st->block != first->block || st->cell != first->cell)
            break;
        size_t q = audit_extraction_first_at(ex, j == k ? from : st->start);
        for (; q < ex->quantities.len && ex->quantities.items[q].start < st->end;
             q++) {
            const audit_quantity *qq = &ex->quantities.items[q];
            if (qq->dim != AUDIT_DIM_PERCENT) {
                if (j > k)
                    return (size_t)-1; /* the next sentence is about more */
                from = qq->end;
                passed = 1;
                continue;
            }
            size_t a = j == k ? from : st->start;
            if (a > qq->start)
                a = qq->start;
            /* the completion words stand in the rate's own clause: "改造率
             * 达到31.5%" after "已完成改造112个" is a proportion of its own */
            a = clause_start(s, a, qq->start);
            const char *w = s + a;
            size_t wn = qq->start - a;
            int done = audit_find_word(w, wn, "完成") != (size_t)-1;
            int goal = audit_find_word(w, wn, "任务") != (size_t)-1 ||
                       audit_find_word(w, wn, "目标") != (size_t)-1 ||
                       audit_find_word(w, wn, "计划") != (size_t)-1;
            if ((done && goal) ||
                audit_find_word(w, wn, "完成率") != (size_t)-1) {
                if (audit_find_word(w, wn, "分别") != (size_t)-1)
                    return respectively(res, st, p, q);
                /* "…中心10处，新增养老床位756张，完成率94.5%": the rate of
                 * its sentence is the nearer figure's */
                if (j == k && passed)
                    return (size_t)-1;
                return q;
            }
            from = qq->end;
        }
    }
    return completion_cell(res, k);
}

/* A target-mismatch finding at quantity q when its value differs from the
 * rule's; returns whether it was raised. */
static int flag_restatement(audit_result *res, const audit_rule_target *t,
                            size_t q, unsigned char *flagged)
{
    const audit_quantity *qq = &res->ex.quantities.items[q];
    const audit_quantity *tq = &t->target.quantity;
    if (flagged[q] ||
        fabs(qq->value - tq->value) <= 1e-9 * fabs(tq->value) + 1e-12)
        return 0;
    flagged[q] = 1;
    audit_finding_add(&res->findings, "target-mismatch", AUDIT_ERROR,
                      qq->start, qq->end, t->id,
                      "the report restates the target of %s as \"%.*s\", the "
                      "rule says %s",
                      t->id, (int)(qq->end - qq->start),
                      res->doc->text + qq->start, t->target.text);
    return 1;
}

/* The plan column of the actual's table row restates the target: when it
 * holds exactly one figure of the target's unit and that differs from the
 * rule ("养老床位  300张  320张" against a rule of 500张), that is a
 * target-mismatch too. */
static void restated_in_row(audit_result *res, const audit_rule_target *t,
                            const proposal *p, unsigned char *flagged)
{
    const audit_extraction *ex = &res->ex;
    size_t k = audit_extraction_sentence_at(ex, p->quantity.start);
    if (k == (size_t)-1)
        return;
    const audit_sentence *st = &ex->seg.sentences[k];
    const audit_block *row = &ex->seg.blocks[st->block];
    if (row->kind != AUDIT_BLOCK_ROW || row->header == (size_t)-1)
        return;
    const audit_quantity *tq = &t->target.quantity;
    size_t figures[ROW_FIGURES], found = (size_t)-1, count = 0;
    size_t n = row_figures(ex, st->block, AUDIT_ROLE_TARGET, figures);
    for (size_t i = 0; i < n; i++) {
        const audit_quantity *qq = &ex->quantities.items[figures[i]];
        if (audit_unit_compatible(qq, tq) && qq->dim != AUDIT_DIM_NONE) {
            found = figures[i];
            count++;
        }
    }
    if (count == 1)
        flag_restatement(res, t, found, flagged);
}

/* A restated target in the actual's sentence that differs from the rule:
 * "筛查率98.59%（目标任务为90%以上）" against a rule of 98%. */
static void restated_targets(audit_result *res, const audit_rule_target *t,
                             const proposal *p, unsigned char *flagged)
{
    const audit_extraction *ex = &res->ex;
    size_t k = audit_extraction_sentence_at(ex, p->quantity.start);
    if (k == (size_t)-1)
        return;
    const audit_sentence *st = &ex->seg.sentences[k];
    const audit_quantity *tq = &t->target.quantity;
    for (size_t q = audit_extraction_first_at(ex, p->quantity.end);
         q < ex->quantities.len && ex->quantities.items[q].start < st->end; q++) {
        const audit_quantity *qq = &ex->quantities.items[q];
        if (qq->role != AUDIT_ROLE_TARGET || flagged[q] ||
            !audit_unit_compatible(qq, tq) || qq->dim == AUDIT_DIM_NONE)
            continue;
        /* the restatement follows its figure in one clause or bracket, or
         * in the next clause that says what was done against what:
         * "全年新增托位1620个，超额完成年度目标1200个的任务"; but
         * "…达到75%，孕前…覆盖率达到80%" restates another target */
        if (crossing(res->doc->clean, p->quantity.end, qq->start)) {
            const char *s = res->doc->clean;
            size_t c = clause_start(s, p->quantity.end, qq->start);
            int done = audit_has_prefix(s, qq->start, c, "完成") ||
                       audit_has_prefix(s, qq->start, c, "超额完成");
            /* …目标1200个 names the plan; …目标的48.9% measures against it */
            int named = qq->start >= 6 &&
                        (audit_has_prefix(s, qq->start, qq->start - 6, "目标") ||
                         audit_has_prefix(s, qq->start, qq->start - 6, "任务"));
            if (!done || !named)
                break;
        }
        /* the restatement names itself: "目标任务为90%以上" */
        size_t look = qq->start > RESTATE_REACH ? qq->start - RESTATE_REACH : 0;
        if (look < p->quantity.end)
            look = p->quantity.end;
        if (audit_find_word(res->doc->clean + look, qq->start - look, "目标") ==
                (size_t)-1 &&
            audit_find_word(res->doc->clean + look, qq->start - look, "任务") ==
                (size_t)-1)
            continue;
        if (flag_restatement(res, t, q, flagged))
            break;
    }
}

/* The Chinese character before *at, white space, ASCII and punctuation
 * skipped; 0 at the start of the text. *at moves onto it. */
static unsigned lead_char(const char *s, size_t n, size_t *at)
{
    while (*at > 0) {
        size_t adv;
        *at = audit_utf8_prev(s, *at);
        unsigned cp = audit_utf8_at(s, n, *at, &adv);
        /* a keyword that starts its cell, line or clause leads with 0 */
        if (cp == '\t' || cp == '\n' || cp == '\r' || cp == '|' ||
            cp == 0x3001 || cp == 0xFF0C || cp == ',' || cp == 0x3002 ||
            cp == 0xFF1B || cp == ';' || cp == 0xFF1A || cp == ':')
            return 0;
        if (!audit_is_space(cp) && cp >= 0x80)
            return cp;
    }
    return 0;
}

/* Whether the words before two keyword matches agree, white space and
 * punctuation aside: the prose and the table restate one sentence
 * ("各成员单位完成培训人数 5.48万人次" twice), while "城镇新增就业" and
 * "农村新增就业" are two statements that a loose keyword both meets. */
static int same_lead(const char *s, size_t n, size_t a, size_t b)
{
    for (int k = 0; k < LEAD_CHARS; k++) {
        unsigned ca = lead_char(s, n, &a), cb = lead_char(s, n, &b);
        /* a keyword that starts its cell or clause may restate any */
        if (ca == 0 || cb == 0)
            return 1;
        if (ca != cb)
            return 0;
    }
    return 1;
}

/* Achieved before unmarked before plan (a plan figure is proposed only by
 * an `actual` pattern that meets it). */
static int role_rank(audit_role role)
{
    return role == AUDIT_ROLE_ACTUAL ? 2 : role == AUDIT_ROLE_OTHER ? 1 : 0;
}

static void judge(audit_target_result *r)
{
    const audit_rule_target *t = r->rule;
    double a = r->actual.value, v = t->target.quantity.value;
    double slack = t->tolerance * fabs(v) + 1e-9 * fabs(v) + 1e-12;
    if (t->target.op == AUDIT_OP_GE || t->target.op == AUDIT_OP_GT ||
        t->target.op == AUDIT_OP_EQ) {
        if (v != 0) {
            r->has_ratio = 1;
            r->ratio = a / v;
        }
    }
    switch (t->target.op) {
    case AUDIT_OP_GE:
        r->status = fabs(a - v) <= slack ? AUDIT_MET
                    : a > v              ? AUDIT_EXCEEDED
                                         : AUDIT_UNMET;
        break;
    case AUDIT_OP_GT:
        r->status = a > v ? AUDIT_EXCEEDED : AUDIT_UNMET;
        break;
    case AUDIT_OP_EQ:
        r->status = fabs(a - v) <= slack ? AUDIT_MET : AUDIT_UNMET;
        break;
    case AUDIT_OP_LE:
        r->status = a <= v + slack ? AUDIT_MET : AUDIT_UNMET;
        break;
    case AUDIT_OP_LT:
        r->status = a < v ? AUDIT_MET : AUDIT_UNMET;
        break;
    }
}

static int evaluate_target(matcher *m, audit_result *res, size_t i,
                           unsigned char *in_scope, unsigned char *flagged,
                           audit_error *err)
{
    const audit_rule_target *t = &res->rules->targets[i];
    const audit_rule_task *task = &res->rules->tasks[t->task];
    audit_target_result *r = &res->targets[i];
    r->rule = t;
    r->status = AUDIT_MISSING;

    unsigned char *scope = NULL;
    if (task->scope) {
        memset(in_scope, 0, res->ex.seg.n_blocks + 1);
        if (scope_blocks(m, res, task, in_scope, err) < 0)
            return -1;
        scope = in_scope;
    }
    proposal *props = NULL;
    size_t n = 0, cap = 0;
    int rc = t->actual ? propose_captures(m, res, t, scope, &props, &n, &cap, err)
                       : propose_finds(m, res, t, scope, &props, &n, &cap, err);
    if (rc < 0) {
        free(props);
        return -1;
    }
    if (n == 0) {
        free(props);
        return 0;
    }
    /* a figure presented as achieved beats one that is only not plan */
    size_t best = 0;
    for (size_t k = 1; k < n; k++) {
        int ka = role_rank(props[k].quantity.role);
        int ba = role_rank(props[best].quantity.role);
        /* a later proposal must be clearly nearer: "5.48 万人次" in the prose
         * and "5.48万人次" in the table are one figure, shown at its first */
        if (ka > ba ||
            (ka == ba && props[k].distance + 1.0 < props[best].distance))
            best = k;
    }
    r->has_actual = 1;
    r->actual = props[best].quantity;
    r->units_differ = r->actual.unit && t->target.quantity.unit &&
                      strcmp(r->actual.unit, t->target.quantity.unit) != 0;
    judge(r);

    /* Proposals right next to their keyword in other blocks must agree. */
    for (size_t k = 0; k < n; k++) {
        const proposal *p = &props[k];
        if (p->distance > NEAR_CHARS || props[best].distance > NEAR_CHARS ||
            p->block == props[best].block ||
            p->quantity.role != props[best].quantity.role ||
            !same_lead(res->doc->clean, res->doc->len, p->match,
                       props[best].match))
            continue;
        double a = p->quantity.value, b = r->actual.value;
        if (fabs(a - b) > 0.005 * fmax(fabs(a), fabs(b)) + 1e-12 &&
            !p->quantity.approx && !r->actual.approx) {
            r->status = AUDIT_INCONSISTENT;
            r->reason = "conflicting-actuals";
        }
    }
    if (r->actual.malformed) {
        r->status = AUDIT_INCONSISTENT;
        r->reason = "malformed-number";
    }
    for (size_t k = 0; k < n; k++) {
        const proposal *p = &props[k];
        size_t q = completion_rate(res, p);
        double v = t->target.quantity.value;
        if (q != (size_t)-1 && !flagged[q] && v != 0) {
            const audit_quantity *rate = &res->ex.quantities.items[q];
            double computed = p->quantity.value / v * 100.0;
            if (!audit_rate_agrees(rate->value, rate->decimals, computed)) {
                flagged[q] = 1;
                r->status = AUDIT_INCONSISTENT;
                r->reason = "rate-mismatch";
                audit_finding_add(&res->findings, "rate-mismatch", AUDIT_ERROR,
                                  rate->start, rate->end, t->id,
                                  "stated %.*s, but %g / %g (%s) = %.2f%%",
                                  (int)(rate->end - rate->start),
                                  res->doc->text + rate->start,
                                  p->quantity.value, v, t->target.text,
                                  computed);
            }
        }
        restated_targets(res, t, p, flagged);
        restated_in_row(res, t, p, flagged);
    }
    free(props);
    return 0;
}

int audit_evaluate(audit_result *res, audit_error *err)
{
    const audit_ruleset *rules = res->rules;
    if (!rules || rules->n_targets == 0)
        return 0;
    res->targets = audit_xcalloc(rules->n_targets, sizeof *res->targets);
    res->n_targets = rules->n_targets;
    matcher m = {0};
    m.doc = res->doc;
    m.md = pcre2_match_data_create(64, NULL);
    m.ctx = pcre2_match_context_create(NULL);
    pcre2_set_match_limit(m.ctx, MATCH_LIMIT);
    pcre2_set_depth_limit(m.ctx, DEPTH_LIMIT);
    unsigned char *in_scope = audit_xcalloc(res->ex.seg.n_blocks + 1, 1);
    unsigned char *flagged = audit_xcalloc(res->ex.quantities.len + 1, 1);
    int rc = 0;
    for (size_t i = 0; i < rules->n_targets && rc == 0; i++)
        rc = evaluate_target(&m, res, i, in_scope, flagged, err);
    free(flagged);
    free(in_scope);
    pcre2_match_context_free(m.ctx);
    pcre2_match_data_free(m.md);
    return rc;
}
