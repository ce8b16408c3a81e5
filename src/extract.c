/* extract.c - sentences -> quantities with roles.
 *
 * In:  a segmented document. Out: every quantity of the text, in text order,
 *      with its role: TARGET (the plan: 全年…, 目标任务为…, a numbered plan
 *      item, a 工作任务 column), ACTUAL (presented as achieved: 已…, 累计,
 *      截至目前…, a 完成情况 part, a 工作进度 column) or OTHER; and a flag for
 *      figures presented as still under way (正在测试中, 剩余200个).
 *
 * The role comes from four layers, each overriding the one before:
 *
 *  1. Sections (segment.c): a heading that names a review (一、2022年工作
 *     回顾, 完成情况) or a plan (二、2023年工作安排) gives its paragraphs a
 *     default, used only where nothing below decides.
 *  2. Layout (segment.c): the block's or table cell's role: a numbered plan
 *     item, the paragraphs before a 完成情况 part, a 工作进度 column.
 *  3. The paragraph's own structure: "plan sentences. 截至目前，progress."
 *     A paragraph of no layout role that holds a progress anchor (截至目前,
 *     截止目前, 目前, 上半年) reads as plan before the anchor's sentence,
 *     unless a sentence there already reports (已, 同比, 完成年度…的%), and
 *     as progress after it:
 *       实现每个街道有1处综合养老服务中心…建设社区养老服务设施21个；…。
 *       截至目前，…已完成建设社区养老服务设施10个…
 *  4. Cue words, read left to right through a sentence:
 *     - plan words of the future that hold for the rest of the sentence when
 *       the layout gives no role (年底前, 力争, 确保): "年底前实现324个行政村…"
 *     - plan words that hold to the end of their clause whatever the layout
 *       (目标, 任务, 计划, 不少于): "筛查率71.9%（目标任务为60%以上）", and
 *       a figure followed by 的任务 ("超额完成年度4家的任务")
 *     - achievement words that hold for the rest of the sentence (已, 累计,
 *       截至, 目前): "目前已实施残疾儿童康复救助150人"
 *     - under-way words that mark their whole clause (正在, 在建, 剩余, 尚未):
 *       "5种试点门诊慢特病异地就医直接结算正在测试中"
 *     - earlier-period words that mark the figure right after them (上年的
 *       43.7%, 比上年增加0.4万人次; a growth rate in % stays usable)
 *
 * Clauses end at ，,；;：: and brackets. Each cue table is scanned only at
 * code points that start some cue, so the pass stays linear.
 */
#include "extract.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "text.h"

/* Plan words that need a layout-neutral sentence: they speak of the
 * future. (全年 is not one: "全年完成技能培训2.8万人次" is a plan in a
 * plan and "全年发放创业担保贷款1.2亿元" an achievement in a year-end
 * report; the paragraph's progress anchor tells them apart.) */
static const char *const weak_plan_cues[] = {
    "年底前", "年底实现", "力争", "确保", "争取", "到年底", NULL};
/* Plan verbs that hold for the rest of the sentence in any context, until
 * an achievement word: "计划新建改造管网200公里，更新改造水厂2座". */
static const char *const plan_verbs[] = {"计划", "预计", NULL};
/* Plan words that hold to the end of their clause in any context. */
static const char *const strong_plan_cues[] = {
    "目标", "任务", "不少于", "不低于", "不超过", "下达", "要求", NULL};
/* Words that hold a plan word and are no plan: "目标人群覆盖率达到93.2%". */
static const char *const false_plan_cues[] = {
    "目标人群", "目标群体", "任务量", NULL};
/* Achievement words. A completion rate is one too: no plan states how
 * much of itself is done ("完成年度目标任务的104.7%"). */
static const char *const actual_cues[] = {
    "已", "累计", "截至", "截止", "目前", "至今", "完成了", "实现了", "共完成",
    "建成了", "完成年度", "完成全年", "超额完成", "上半年", "前三季度",
    "一季度", "前两季度", "实际", NULL};
/* Words that show a sentence reports rather than plans: the achievement
 * words and comparisons with an earlier period. */
static const char *const report_cues[] = {"同比", "比上年", "较上年", NULL};
/* Progress anchors that split a paragraph into plan and progress. */
static const char *const progress_anchors[] = {
    "截至", "截止", "目前", "至今", "到目前", "上半年", "前三季度", NULL};
/* Words that open the breakdown of a total: the figures after them are
 * parts ("完成改造520户,其中城区120户、乡镇380户"). */
static const char *const part_cues[] = {
    "其中", "包括", "分别", "(含", "（含", NULL};
/* Words that name an earlier period; the figure right after them is a
 * baseline, not this period's achievement ("由上年的43.7%提升到75.5%").
 * A change names a difference, not an amount: the figure right after
 * "比上年增加" is neither ("5.3万人次，比上年增加0.4万人次"). */
static const char *const baseline_cues[] = {
    "上年", "去年", "上一年", "同期", "基期", "此前", "年初", "同比", NULL};
/* Verbs that make the figure after a baseline word a change. A change in
 * percent is a growth rate, which a target may well be ("增长8%"). */
static const char *const change_verbs[] = {
    "增加", "减少", "增长", "下降", "提高", "降低", "净增", "多", "少", NULL};
#define BASELINE_REACH 15 /* bytes after the cue: "上年的43.7%", "上年增加0.4万" */
/* A progress label inside a block: what follows is progress, whatever
 * the layout ("1.全年培训2万人次。完成情况：已培训2.3万人次。"). */
static const char *const inline_labels[] = {
    "完成情况：", "完成情况:", "工作进度：", "工作进度:", "进展情况：",
    "进展情况:", "推进情况：", "推进情况:", "落实情况：", "落实情况:", NULL};
/* Under-way words: the clause's figures are not achievements. */
static const char *const pending_cues[] = {
    "正在", "在建", "建设中", "测试中", "推进中", "实施中", "进行中", "尚未",
    "未完成", "剩余", "待完成", "拟", "在施工", "施工中", "暂未", "暂无",
    "待统计", "招标中", "筹建", NULL};

static int cue_at(const char *s, size_t n, size_t i, const char *const *cues)
{
    unsigned char c = (unsigned char)s[i];
    for (size_t k = 0; cues[k]; k++)
        if ((unsigned char)cues[k][0] == c && audit_has_prefix(s, n, i, cues[k]))
            return (int)strlen(cues[k]);
    return 0;
}

/* The first characters of all cue words, sorted: the cue tables are only
 * consulted at these, so most characters cost one binary search. Built
 * once per extraction from the tables above. */
typedef struct cue_starts {
    unsigned cp[128];
    size_t n;
} cue_starts;

static void cue_starts_add(cue_starts *cs, const char *const *cues)
{
    for (size_t k = 0; cues[k]; k++) {
        size_t adv;
        unsigned cp = audit_utf8_at(cues[k], strlen(cues[k]), 0, &adv);
        size_t at = 0;
        while (at < cs->n && cs->cp[at] < cp)
            at++;
        if ((at < cs->n && cs->cp[at] == cp) ||
            cs->n == sizeof cs->cp / sizeof cs->cp[0])
            continue;
        memmove(cs->cp + at + 1, cs->cp + at, (cs->n - at) * sizeof cs->cp[0]);
        cs->cp[at] = cp;
        cs->n++;
    }
}

static void cue_starts_build(cue_starts *cs)
{
    static const char *const *const tables[] = {
        weak_plan_cues, strong_plan_cues, actual_cues, progress_anchors,
        baseline_cues, pending_cues, part_cues, inline_labels, report_cues,
        plan_verbs, false_plan_cues};
    cs->n = 0;
    for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++)
        cue_starts_add(cs, tables[t]);
}

static int cue_starts_has(const cue_starts *cs, unsigned cp)
{
    size_t lo = 0, hi = cs->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cs->cp[mid] < cp)
            lo = mid + 1;
        else if (cs->cp[mid] > cp)
            hi = mid;
        else
            return 1;
    }
    return 0;
}

static int is_clause_end(unsigned cp)
{
    return cp == 0xFF0C || cp == ',' || cp == 0xFF1B || cp == ';' ||
           cp == 0xFF1A || cp == ':' || cp == 0x3002 || cp == '(' ||
           cp == ')' || cp == 0xFF08 || cp == 0xFF09;
}

const char *audit_role_name(audit_role role)
{
    switch (role) {
    case AUDIT_ROLE_TARGET: return "target";
    case AUDIT_ROLE_ACTUAL: return "actual";
    default: return "other";
    }
}

/* The unit that the 单位 column of sentence k's table row gives, read as
 * the quantity "1 unit" into *unit; 0 when there is none. */
static int row_unit(const audit_document *doc, const audit_extraction *ex,
                    size_t k, audit_quantity *unit)
{
    const audit_sentence *st = &ex->seg.sentences[k];
    if (st->cell < 0 || (st->role != AUDIT_ROLE_TARGET &&
                         st->role != AUDIT_ROLE_ACTUAL))
        return 0;
    const audit_block *row = &ex->seg.blocks[st->block];
    if (row->header == (size_t)-1)
        return 0;
    int col = ex->seg.blocks[row->header].unit_cell;
    if (col < 0 || col == st->cell)
        return 0;
    for (size_t j = audit_segments_sentence_from(&ex->seg, row->start);
         j < ex->seg.n_sentences && ex->seg.sentences[j].block == st->block;
         j++) {
        const audit_sentence *cell = &ex->seg.sentences[j];
        if (cell->cell != col)
            continue;
        /* "1" and the unit as written: "1万元" reads factor 10000, 元 */
        size_t n = cell->end - cell->start;
        if (n == 0 || n > 32)
            return 0;
        char one[40];
        one[0] = '1';
        memcpy(one + 1, doc->clean + cell->start, n);
        return audit_quantity_parse(one, n + 1, unit) == 0 &&
               unit->dim != AUDIT_DIM_NONE;
    }
    return 0;
}

/* A progress table names the unit of its plan and progress columns once,
 * in a 单位 column:
 *   序号  项目名称          单位  全年目标  累计完成  完成进度
 *   1     职业技能培训      人次  5000      4680      93.6%
 * Bare numbers of such a row take that unit (and a bare cell that the
 * scanner skips as a year, "2100", is read as the number it is). */
static void apply_row_units(const audit_document *doc, audit_extraction *ex,
                            size_t k, size_t before)
{
    audit_quantity unit;
    if (!row_unit(doc, ex, k, &unit))
        return;
    const audit_sentence *st = &ex->seg.sentences[k];
    audit_quantity_list *out = &ex->quantities;
    if (out->len == before) {
        audit_quantity q;
        if (audit_quantity_parse(doc->clean + st->start, st->end - st->start,
                                 &q) != 0 || q.dim != AUDIT_DIM_NONE)
            return;
        q.start = 0;
        q.end = st->end - st->start;
        out->items = audit_xgrow(out->items, &out->cap, out->len + 1,
                                 sizeof *out->items);
        out->items[out->len++] = q;
    }
    for (size_t q = before; q < out->len; q++) {
        audit_quantity *x = &out->items[q];
        if (x->dim != AUDIT_DIM_NONE)
            continue;
        x->value *= unit.value;
        x->high *= unit.value;
        x->unit = unit.unit;
        x->dim = unit.dim;
    }
}

/* Scans every sentence for quantities (offsets shifted to the text). */
static void scan_quantities(const audit_document *doc, audit_extraction *ex)
{
    audit_quantity_list *out = &ex->quantities;
    size_t cap_sentence = 0;
    for (size_t k = 0; k < ex->seg.n_sentences; k++) {
        const audit_sentence *st = &ex->seg.sentences[k];
        size_t before = out->len;
        audit_quantity_scan(doc->clean + st->start, st->end - st->start, out);
        apply_row_units(doc, ex, k, before);
        ex->sentence = audit_xgrow(ex->sentence, &cap_sentence, out->len + 1,
                                   sizeof *ex->sentence);
        for (size_t q = before; q < out->len; q++) {
            out->items[q].start += st->start;
            out->items[q].end += st->start;
            out->items[q].role = AUDIT_ROLE_OTHER;
            ex->sentence[q] = k;
        }
    }
    ex->pending = audit_xcalloc(out->len + 1, 1);
    ex->part_start = audit_xmalloc((ex->seg.n_sentences + 1) *
                                   sizeof *ex->part_start);
    for (size_t k = 0; k <= ex->seg.n_sentences; k++)
        ex->part_start[k] = (size_t)-1;
}

/* Whether the block holds a progress anchor; returns the sentence index of
 * the first one in *first_sentence. */
/* Whether the words right after a figure make it the plan it is measured
 * against: "超额完成年度4家的任务", "完成年目标60人的131.67%". */
static int names_plan_after(const char *s, size_t at, size_t end)
{
    /* with 的 only: "已完成5项任务" counts tasks done */
    static const char *const plan_nouns[] = {
        "的任务", "的目标", "的计划", NULL};
    for (size_t k = 0; plan_nouns[k]; k++)
        if (audit_has_prefix(s, end, at, plan_nouns[k]))
            return 1;
    return 0;
}


/* Whether s[st] holds a word of cues. */
static int sentence_has_cue(const char *s, const audit_sentence *st,
                            const cue_starts *cs, const char *const *cues)
{
    size_t adv;
    for (size_t i = st->start; i < st->end; i += adv) {
        unsigned cp = audit_utf8_at(s, st->end, i, &adv);
        if (cue_starts_has(cs, cp) && cue_at(s, st->end, i, cues))
            return 1;
    }
    return 0;
}

static int find_anchor(const audit_document *doc, const audit_extraction *ex,
                       const cue_starts *cs, size_t s_from, size_t s_to,
                       size_t *first_sentence)
{
    for (size_t k = s_from; k < s_to; k++) {
        if (sentence_has_cue(doc->clean, &ex->seg.sentences[k], cs,
                             progress_anchors)) {
            *first_sentence = k;
            return 1;
        }
    }
    return 0;
}

/* Assigns roles to the quantities of one sentence, q_from..q_to. */
static void assign_roles(const audit_document *doc, audit_extraction *ex,
                         const cue_starts *cs, size_t k, audit_role base,
                         int layout,
                         size_t q_from, size_t q_to)
{
    const char *s = doc->clean;
    const audit_sentence *st = &ex->seg.sentences[k];
    audit_quantity *qs = ex->quantities.items;
    audit_role role = base;
    audit_role before_clause = base;
    int in_strong = 0;
    size_t q = q_from, clause_start = st->start, clause_q = q_from;
    int clause_pending = 0;
    size_t baseline_from = 0, baseline_until = 0;

    for (size_t i = st->start; i <= st->end;) {
        /* quantities that start here take the current role */
        while (q < q_to && qs[q].start <= i) {
            qs[q].role = names_plan_after(s, qs[q].end, st->end)
                             ? AUDIT_ROLE_TARGET
                             : role;
            if (qs[q].start < baseline_until &&
                !(qs[q].dim == AUDIT_DIM_PERCENT &&
                  audit_has_any(s, baseline_from, qs[q].start, change_verbs)))
                ex->pending[q] = AUDIT_EARLIER;
            q++;
        }
        if (i == st->end)
            break;
        size_t adv;
        unsigned cp = audit_utf8_at(s, st->end, i, &adv);
        if (is_clause_end(cp)) {
            for (size_t c = clause_q; c < q; c++)
                if (!ex->pending[c])
                    ex->pending[c] = (unsigned char)clause_pending;
            clause_q = q;
            clause_pending = 0;
            clause_start = i + adv;
            while (clause_start < st->end && s[clause_start] == ' ')
                clause_start++;
            if (in_strong) {
                role = before_clause;
                in_strong = 0;
            }
            i += adv;
            continue;
        }
        if (!cue_starts_has(cs, cp)) {
            i += adv;
            continue;
        }
        int len;
        /* a clause that opens with an earlier period is about that period:
         * "上年度全镇改厕完成280户" */
        if (i == clause_start && cue_at(s, st->end, i, baseline_cues) &&
            !cue_at(s, st->end, i, report_cues))
            clause_pending = AUDIT_EARLIER;
        if ((len = cue_at(s, st->end, i, baseline_cues))) {
            baseline_from = i + (size_t)len;
            baseline_until = baseline_from + BASELINE_REACH;
        }
        if (ex->part_start[k] == (size_t)-1 && cue_at(s, st->end, i, part_cues))
            ex->part_start[k] = i;
        if ((len = cue_at(s, st->end, i, pending_cues))) {
            if (!clause_pending)
                clause_pending = AUDIT_UNDER_WAY;
        } else if ((len = cue_at(s, st->end, i, false_plan_cues))) {
            /* a term that merely holds 目标 or 任务 */
        } else if ((len = cue_at(s, st->end, i, plan_verbs))) {
            in_strong = 0;
            role = AUDIT_ROLE_TARGET;
        } else if ((len = cue_at(s, st->end, i, strong_plan_cues))) {
            if (!in_strong)
                before_clause = role;
            in_strong = 1;
            role = AUDIT_ROLE_TARGET;
        } else if ((len = cue_at(s, st->end, i, actual_cues))) {
            if (!layout || base != AUDIT_ROLE_TARGET) {
                if (in_strong)
                    before_clause = AUDIT_ROLE_ACTUAL;
                else
                    role = AUDIT_ROLE_ACTUAL;
            }
        } else if ((len = cue_at(s, st->end, i, weak_plan_cues))) {
            /* "全年完成…" plans the sentence; "完成全年任务60%" only names
             * the plan the next words measure against. */
            if (base == AUDIT_ROLE_OTHER && role == AUDIT_ROLE_OTHER &&
                !cue_at(s, st->end, i + (size_t)len, strong_plan_cues))
                role = AUDIT_ROLE_TARGET;
        }
        i += len ? (size_t)len : adv;
    }
    (void)clause_start;
    for (size_t c = clause_q; c < q_to; c++)
        if (!ex->pending[c])
            ex->pending[c] = (unsigned char)clause_pending;
}

void audit_extract(const audit_document *doc, audit_extraction *ex)
{
    audit_segment(doc, &ex->seg);
    scan_quantities(doc, ex);

    cue_starts cs;
    cue_starts_build(&cs);
    size_t q = 0, k = 0;
    const audit_sentence *sts = ex->seg.sentences;
    while (k < ex->seg.n_sentences) {
        /* the sentences of one block (or one table cell run) */
        size_t b = sts[k].block, k_end = k;
        while (k_end < ex->seg.n_sentences && sts[k_end].block == b)
            k_end++;
        const audit_block *blk = &ex->seg.blocks[b];
        size_t anchor = k_end;
        int anchored = blk->kind != AUDIT_BLOCK_ROW &&
                       blk->role == AUDIT_ROLE_OTHER &&
                       find_anchor(doc, ex, &cs, k, k_end, &anchor);
        int progress_after = anchored;
        /* a paragraph that reports before its anchor is no plan-then-
         * progress paragraph: "2021年新增就业5236人，完成年度目标任务的
         * 104.7%；失业率控制在3.5%以内。截至6月底，…" */
        for (size_t j = k; anchored && j < anchor; j++)
            if (sentence_has_cue(doc->clean, &sts[j], &cs, actual_cues) ||
                sentence_has_cue(doc->clean, &sts[j], &cs, report_cues))
                anchored = 0;
        int labelled = 0;
        for (size_t j = k; j < k_end; j++) {
            audit_role base = sts[j].role;
            int layout = base != AUDIT_ROLE_OTHER;
            if (blk->kind != AUDIT_BLOCK_ROW && !labelled && j > k &&
                sentence_has_cue(doc->clean, &sts[j], &cs, inline_labels))
                labelled = 1;
            if (labelled) {
                base = AUDIT_ROLE_ACTUAL;
                layout = 1;
            }
            if (anchored && j < anchor)
                base = AUDIT_ROLE_TARGET;
            /* nothing said: what the section's heading says */
            if (base == AUDIT_ROLE_OTHER && !anchored && !progress_after &&
                !layout && blk->kind != AUDIT_BLOCK_ROW)
                base = blk->section_role;
            /* "截至目前，…。…。": what follows the anchor is progress, but
             * a sentence with achievement words of its own says where they
             * begin ("新建村级垃圾收集点120个，已建成126个") */
            if (progress_after && j > anchor && base == AUDIT_ROLE_OTHER &&
                !sentence_has_cue(doc->clean, &sts[j], &cs, actual_cues))
                base = AUDIT_ROLE_ACTUAL;
            size_t q_to = q;
            while (q_to < ex->quantities.len && ex->sentence[q_to] == j)
                q_to++;
            assign_roles(doc, ex, &cs, j, base, layout, q, q_to);
            q = q_to;
        }
        k = k_end;
    }
}

int audit_text_under_way(const char *s, size_t from, size_t to)
{
    return audit_has_any(s, from, to, pending_cues);
}

size_t audit_extraction_sentence_at(const audit_extraction *ex, size_t pos)
{
    size_t lo = 0, hi = ex->seg.n_sentences;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ex->seg.sentences[mid].end <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < ex->seg.n_sentences && ex->seg.sentences[lo].start <= pos)
        return lo;
    return (size_t)-1;
}

size_t audit_extraction_first_at(const audit_extraction *ex, size_t pos)
{
    size_t lo = 0, hi = ex->quantities.len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ex->quantities.items[mid].start < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void audit_extraction_free(audit_extraction *ex)
{
    if (!ex)
        return;
    audit_segments_free(&ex->seg);
    audit_quantity_list_free(&ex->quantities);
    free(ex->sentence);
    free(ex->pending);
    free(ex->part_start);
    memset(ex, 0, sizeof *ex);
}
