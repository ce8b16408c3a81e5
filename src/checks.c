/* checks.c - the report's own arithmetic (SPEC section 5).
 *
 * In:  a segmented document and its quantities (document order, byte spans
 *      into doc->text, values normalised). The words around a figure are
 *      read in doc->clean, which has the same offsets with markup blanked.
 * Out: findings appended to a list: malformed-number, sum-mismatch,
 *      rate-mismatch (errors) and rate-over-100 (warning), each on the byte
 *      span of the offending figure, with a message that shows the
 *      arithmetic on the figures as written ("60+40+…+28.4 = 351.83 ≠
 *      371.83公里", "5.8万/5万 = 116%", never the square metres or the
 *      0.7205万 they are computed in).
 *
 * The unit of reading is the statement: the sentences of one block (one
 * table cell) up to a full stop, so a breakdown separated by ；
 * ("拒付违规资金52.67万元；追回246.94万元，合计金额300.64万元") stays together.
 * A blank line that cuts a paragraph ("阳\n\n性率") is read through, because
 * labels are compared with their white space squeezed out. Every figure
 * gets a label: the words between the previous clause mark (，、；：（）) or
 * figure and the figure itself ("到位 451 例" → 到位).
 *
 * A false alarm costs more than a miss, so every check stays quiet when it
 * is unsure: approximate figures (200余, 约), ranges, figures in Chinese
 * numerals, per-unit figures (人均, 平均, 每, 各) and figures whose counterpart
 * is not written in the same statement are never judged. A change is no
 * level: a figure whose label ends in a verb of change said of a comparison
 * ("比年初增加46.82亿元", "较上年减少14家", "同比增加"), as net (净增), as
 * done (增加了) or alone in its clause ("，增加1.18万吨") is neither a total,
 * a part, a count nor a base; "比上年增加到…" ends in a level and is one.
 *
 * Rounding. A written figure with decimals or a magnitude (1.17万, 86.7万元)
 * may itself be rounded by half a step of its last digit; plain integers
 * are exact. A stated result is consistent when it equals the computed one,
 * taken anywhere in the interval the inputs allow, rounded or truncated to
 * the stated decimals (SPEC section 5): 44983/46408 = 96.929 gives 96.93 or
 * 96.92, so 96.90% is a mismatch; 2532/1.17万 lies in 21.55–21.73, so 21.51%
 * is one; 149.65 summed gives 149 truncated, so a total of 149 is fine.
 *
 * malformed-number: every quantity the scanner marked malformed
 *   (75.51.63%, 60%%, 12..5).
 *
 * rate-over-100: a percentage whose label ends in a proportion word from
 *   the table below (筛查率 108.01%, 覆盖率达 101%), after linking words
 *   (为 达到 均为 提高到 …). Completion and growth words (完成率 103%, 增长率,
 *   同比提高) are not proportions and are not in the table; "100%以上" and
 *   other approximate figures are left alone.
 *
 * rate-mismatch: a percentage that contradicts the count and the base
 *   written next to it, in three shapes:
 *   - a rate word: "应补种数46408，已补种数44983，补种率96.90%". Count
 *     candidates are the figures since the previous percentage whose label
 *     holds the two characters before 率 (补种); base candidates are figures
 *     of the same measure before the count whose clause says they are a base
 *     (应, 共, 总, 合计, 活产, 在册, or a label ending in 目标/任务/计划). With
 *     no base written nothing is said ("筛查14041人，筛查率108.01%"). A base
 *     before the previous percentage qualifies only when that rate agreed
 *     with it, so rates can share one base ("活产数5011人，…管理率93.87%，…
 *     建档率88.96%，…访视率92.00%") without a base leaking to a later rate
 *     that has its own ("共采集样品170份，合格率100%；采样1030份，合格1000份，
 *     合格率97.09%").
 *   - "完成年目标60人的131.67%": the base is the plan figure before 的, taken
 *     as exact; the count is the figure of its measure before it (79名).
 *   - "1170件困难群体法律援助已完成948件（81%）": the count is the figure
 *     before the bracket; the base is the figure before it in the same
 *     clause, or a base-cued figure ("共受理1170件").
 *   - the share of the first part of a 其中 list, written right after it:
 *     "支出42.35亿元，增长6.5%，其中民生支出34.62亿元，占比达82.7%" (81.7%).
 *     The base is the total of the breakdown (see sum-mismatch), or, when
 *     the share names its whole ("占参考考生的25.52%"), the earlier figure
 *     whose label holds that name; a whole that no label holds ("占采购
 *     总额的") leaves the share unjudged.
 *   - a change after a move between two levels: "由上年的68.45万平方米下降
 *     到59.12万平方米，下降15.8%" (13.6%): a percentage is the change over
 *     the old level, points ("由128.6%下降到116.3%，下降13.3个百分点") the
 *     difference; a change said the other way round is not judged.
 *   A rate is a finding only when no (count, base) pair reconciles it.
 *
 * sum-mismatch: a total and the parts it is broken into, all of one measure
 *   (the same canonical unit; for counts the same written unit word, so that
 *   "3个功能区各1所" reads as 3 × 1所 and not as a part 3个). A run of two or
 *   more parts at either end of a list that adds up closes the breakdown
 *   ("在职职工455人，其中卫生技术351人，行管后勤104人，退休136人": 351 + 104),
 *   and a percentage that annotates a part ("0.06亿元，下降66.7%；") is
 *   stepped over. Shapes:
 *   - bracketed list right after the total, "1640处风险点（重大301处、一般481处、
 *     低592处）", and a colon list "风险点1598个：重大166个，…": the writer
 *     presents a complete enumeration, so any difference is a finding. A
 *     single 含 sub-item ("药品60.67万元（含中草药5.5万元）") is no list.
 *   - a total after its parts with 合计/共计/总计/总共: "拒付52.67万元；追回
 *     246.94万元，合计金额300.64万元". The parts are the figures of the same
 *     measure earlier in the statement (other figures may stand between, as
 *     in "报销人数2031人，报销金额86.7万元；…共计报销人数73143人"), back to a
 *     figure that is itself a total (共, 总) or the whole of a 其中. Any
 *     difference is a finding.
 *   - 其中 / 包括 / 分别为 after the total, the total being the nearest
 *     earlier figure of the parts' measure in the same statement. Such lists
 *     are often partial ("8625人，其中留观129人"), so a 其中 list is a finding
 *     only when (a) its first part exceeds the total ("拆除6宗，其中…10宗"),
 *     (b) two or more consecutive parts add up to more than the total, or
 *     (c) three or more parts, most of them named by administrative areas
 *     (县, 区, 镇, 街道 …), cover nine tenths of the total or more but not
 *     all of it: such a list is the territorial breakdown of the total
 *     ("乐道371.83公里，其中临颍县60公里、舞阳县40公里…" adding to 351.83),
 *     while a partial list names a few groups ("22832人次，其中留观病人
 *     289人次…"), categories that need not be exhaustive ("投资100亿元，其中
 *     工业50亿元、基础设施30亿元…"), or a few areas out of many. A 其中 that
 *     opens a new sentence refers to the previous sentence and is not read:
 *     "总收入3737.9万元。其中：医疗收入3048.7万元，医疗支出3999.4万元" is
 *     loose writing, not a breakdown. Which total, and whether any:
 *     . after a 、-list of totals the part belongs to the one whose label
 *       shares the longest head noun with its own ("预防接种门诊24个、产科
 *       接种点6个，其中数字化门诊24个": 门诊, so 24), the nearest on a tie
 *       or when none shares one ("自行拆除6宗，其中…集中拆除10宗");
 *     . a 其中 or 包括 after a clause mark that follows the total and a
 *       subject of its own breaks down that subject, not the figure:
 *       "2个医疗健康集团，成员单位包括18个乡镇卫生院". Connectives and
 *       adverbs are no subject ("，主要包括", "，这其中"), and a marker in
 *       the clause of its total or right after the mark continues it.
 *     A 其中 list is complete, and any difference a finding, when a
 *     residual category closes it ("小麦43.16万亩、玉米35.27万亩、大豆
 *     4.83万亩、其他谷物2.16万亩") or its first two parts are halves named
 *     to cover the whole (男/女, 城镇/乡村, 城市/农村, 公办/民办 …: "男党员
 *     1426名、女党员427名"); the parts after the closing one are not read.
 *     . 分别 after as many items means "respectively", one figure per
 *       item, and is no breakdown: figures with no name of their own
 *       ("总数分别达到15家和68家"), a list as long as the 、-list ending at
 *       the total ("幼儿园2所、小学3所，累计分别达到12所和20所"), or parts of
 *       another noun ("乡镇4个，分别为城关镇12个村…");
 *     . a part of an outer 其中 list may be the total of an inner 其中 right
 *       after it ("…乡镇卫生院出院3.96万人次，其中一级甲等卫生院出院4.12万
 *       人次") when their labels share a head noun the outer total lacks.
 *     A pair of measures written together ("乙类传染病7种612例、丙类传染病
 *     4种694例") is read once per measure, each against its own total
 *     ("11种1286例"). A partial list that passes its total is shown up to
 *     the part that passes it ("2180+1180 = 3360 ≠ 3260个", not the 386
 *     charging piles after the ；).
 *   - an unmarked 、-list in the clause right after a total with an
 *     aggregate cue (共, 总, 累计, 涉及): "涉及该区213人，协查管控密接14人、
 *     次密接146人、中高风险地区来人50人、时空伴随者6人". Without a marker the
 *     list may be partial, so only parts that exceed the total (216 > 213)
 *     are a finding.
 *   - a 合计/总计/小计 row of a table against the rows above it, column by
 *     column (table_checks.c).
 *   Each total is judged once, by the first shape that reaches it.
 *   Not detected: parts with no marker and no 、 ("预警信息154条，…121条排除，
 *   34条判定为疑似事件"): without a cue, a funnel ("排查1000人，核实800人，
 *   确诊300人") reads the same.
 */
#include "checks.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "text.h"

/* Bounds that keep every check linear in the length of a statement. */
#define MAX_CANDIDATES 16 /* bases weighed for one rate */
#define MAX_PARTS 64      /* parts of one breakdown */
#define MAX_LOOKBACK 64   /* figures a total, count or base is looked for behind */
#define MAX_GAP 512       /* bytes between a marker or part and the next part */
#define MAX_SCAN 1024     /* bytes searched for the end of a bracket */

/* ---- findings ------------------------------------------------------- */

void audit_finding_add(audit_finding_list *list, const char *check,
                       audit_severity severity, size_t start, size_t end,
                       const char *target, const char *fmt, ...)
{
    audit_buf msg = AUDIT_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    audit_buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    list->items = audit_xgrow(list->items, &list->cap, list->len + 1,
                              sizeof *list->items);
    audit_finding *f = &list->items[list->len++];
    f->check = check;
    f->severity = severity;
    f->start = start;
    f->end = end;
    f->target = target;
    f->message = msg.ptr ? audit_buf_detach(&msg) : audit_xstrdup("");
}

void audit_finding_list_free(audit_finding_list *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->len; i++)
        free(list->items[i].message);
    free(list->items);
    list->items = NULL;
    list->len = list->cap = 0;
}

/* ---- word tables ---------------------------------------------------- */

/* Proportions: a part of a whole, never above 100%. "筛查率 108.01%".
 * Left out on purpose: 使用率 and 周转率 (beds), 巩固率 (pupils who moved in),
 * 发放率 (against a plan), and gross rates (毛入学率, checked below). */
static const char *const proportion_words[] = {
    "筛查率", "覆盖率", "合格率", "满意率", "满意度", "接种率", "签约率",
    "建档率", "体检率", "知晓率", "到位率", "治疗率", "管理率", "达标率",
    "参保率", "入学率", "访视率", "随访率", "检出率", "阳性率", "治愈率",
    "好转率", "受益率", "参检率", "封闭率", "上传率", "报告率", "调查率",
    "回复率", "及时率", "准确率", "规范率", "普及率", "入园率",
    "就业率", "通过率", "补种率", "办结率", "知情率", "录入率",
    "上线率", "出勤率", "参与率", "参合率", "检测率", "落实率", "审核率",
    "处理率", "处置率", "整改率", "完好率", "优良率", "绿化率", "硬化率",
    "入网率", "联网率", "分娩率", "喂养率", "占比", "比重", NULL};

/* Words that link a rate word to its figure: "到位率为96.9%", "均达到100%". */
static const char *const linking_words[] = {
    "分别达到", "分别为", "分别是", "分别达", "均达到", "已达到", "保持在",
    "稳定在", "提升到", "提升至", "提高到", "提高至", "上升到", "上升至",
    "均为", "均达", "已达", "达到", "高达", "升至", "达至", "为", "达", "是",
    "在", "均", "已", "：", ":", NULL};

/* Rate words whose stem names a change, not a count: never matched. */
static const char *const change_stems[] = {
    "增长", "下降", "降低", "提高", "减少", "上升", "增加", "同比", NULL};
/* A percentage that annotates the part before it, inside a list of parts:
 * "其中，第一产业增加值0.06亿元，下降66.7%；第二产业增加值28.55亿元，…". */
static const char *const annotation_words[] = {
    "增长", "下降", "降低", "提高", "减少", "上升", "增加", "同比", "占",
    "比重", NULL};

/* A label that says its figure is the base of a rate: "应补种数46408",
 * "共467例", "活产数5011人". */
static const char *const base_cues[] = {
    "应", "共", "总", "合计", "活产", "在册", NULL};
/* A plan figure is a base only right after its word: "年目标60人",
 * "任务数478个"; "完成任务的已有10项" counts tasks and is no base. */
static const char *const plan_endings[] = {
    "目标", "任务", "计划", "目标数", "任务数", "计划数", "目标任务", NULL};
/* Words holding a base cue character that are no cue: 供应, 公共, 总体 … */
static const char *const base_cue_false[] = {
    "供应", "响应", "适应", "反应", "相应", "对应", "效应", "应急", "应用",
    "应对", "应收", "公共", "共同", "共享", "共建", "共治", "中共", "共产",
    "共青", "总体", "总结", "总书记", "总部", "总队", "总站", "总院", "总工会",
    "总支", "计划生育", NULL};

/* A label that makes its figure a total: "共检查…28家", "涉及该区213人". */
static const char *const total_cues[] = {
    "共", "总", "合计", "累计", "涉及", NULL};
/* A total that a list of parts before a 合计 does not reach back over. */
static const char *const earlier_total_cues[] = {"共", "总", "合计", NULL};
/* A label that puts its figure after the parts it adds up. */
static const char *const closing_total_cues[] = {
    "合计", "共计", "总计", "总共", NULL};
/* Per-unit figures add up to nothing: "人均", "每村", "各完成筛查20564人".
 * 各 and 均 count only right before the figure or its verb: 各级, 各类 and
 * 均衡 are no per-unit words. */
static const char *const per_unit_cues[] = {
    "人均", "户均", "平均", "每", "各完成", "各新建", "各建成", "各开展",
    "各有", "各设", "各配备", "均完成", "均有", NULL};
static const char *const per_unit_endings[] = {"各", "均", "均为", "均达", NULL};

/* A change is no level, so it is neither a total nor a part: in "存款余额
 * 412.36亿元，比年初增加46.82亿元，增长12.8%；其中住户存款余额318.65亿元" the
 * 其中 breaks down 412.36. A change is a figure whose label ends in a verb
 * of change, right before it, said of a comparison (比, 较: "比上年增加",
 * "较上年减少", "同比增加"), as net (净增), as done (增加了), or alone in
 * its clause ("45.26万吨，增加1.18万吨"; not 新增, which counts new
 * things). "由42个减少
 * 到9个" and "比上年增加到…" end in a new level, and a 比 further back
 * ("在同比增长的带动下完成投资100亿元") says nothing of the figure. */
static const char *const change_verbs[] = {
    "增加", "减少", "增长", "下降", "降低", "提高", "上升", "增", "减", "降",
    "升", "多", "少", NULL};
static const char *const comparatives[] = {"比", "较", "净", NULL};
static const char *const comparative_false[] = {
    "评比", "对比", "比赛", "比武", "比例", "比重", "占比", "比对", "比较",
    "比率", "比值", "较大", "较好", "较高", "较低", "较为", "较快", "较强",
    "较多", "较少", "较差", "较长", "较短", "较重", NULL};

/* Markers that open a breakdown after its total. */
static const char *const breakdown_markers[] = {
    "其中", "包括", "分别为", "分别是", "分别有", "分别达", NULL};
/* Words before a 其中 or 包括 that name no subject: "，主要包括". */
static const char *const subjectless[] = {
    "其中", "主要", "具体", "分别", "这些", "这", "此", "其", "还", "另",
    "也", "均", "都", "一共", "总共", "共", "并", "且", "而", "已", NULL};
/* Measure words that end a label after its head noun: "门诊数". */
static const char *const head_fillers[] = {"总数", "数量", "数", NULL};
/* What opens the label of a share (佔 is the Taiwan form, not folded). */
static const char *const share_openers[] = {"所占", "所佔", "占", "佔", NULL};
/* What ends the label of a share: "占全部投资的比重为42.3%". */
static const char *const share_endings[] = {"比重", "比例", "比", NULL};
/* A share of these wholes names none: "占总数的". */
static const char *const generic_wholes[] = {
    "总数", "总量", "总额", "总体", "全部", "总", NULL};
/* Words that open a residual category, the last part of a complete list. */
static const char *const residual_words[] = {"其他", "其它", "其余", NULL};
/* Two halves that make a whole by their names: "男党员…、女党员…". */
static const char *const halves[][2] = {
    {"男", "女"}, {"城镇", "乡村"}, {"城镇", "农村"}, {"城市", "农村"},
    {"公办", "民办"}, {"境内", "境外"}, {"省内", "省外"}, {NULL, NULL}};
/* Names of administrative areas: a 其中 list of them is the territorial
 * breakdown of its total ("其中临颍县60公里、舞阳县40公里、郾城区57.17公里…"). */
static const char *const area_endings[] = {
    "县", "区", "市", "镇", "乡", "街道", "村", "社区", "办事处", NULL};
/* Words that end a list of parts; 按/根据/以 frame a base, not a part
 * ("其中医师1264人、护士1487人，按常住人口57.2万人计算"). */
static const char *const list_stops[] = {
    "其中", "包括", "合计", "共计", "总计", "总共", "另有", "此外", "同时",
    "。", "按", "根据", "据", "以", NULL};

/* ---- figures: a quantity and what is written around it --------------- */

typedef struct figure {
    const audit_quantity *q;
    size_t start, end;       /* the quantity's span */
    size_t label;            /* where its label starts (after 、 too) */
    size_t clause;           /* where its clause starts (、 is inside) */
    size_t num_from, num_end; /* the Arabic numeral as written */
    size_t unit_from, unit_to;   /* the written unit word, magnitude stripped */
    size_t shown_from, shown_to; /* the unit as shown in messages ("万元") */
    double value;
    double scale;            /* value / numeral: 1, 10000 … */
    double step;             /* one unit of the last written digit */
    double delta;            /* how far rounding may have moved it */
    int decimals;
    int usable;              /* exact enough to compute with */
    int percent;             /* a percentage written with Arabic digits */
    double pct;              /* its value in percent */
    int per_unit;            /* 人均, 每, 各 … */
    int change;              /* a change, not a level: "比年初增加46.82亿元" */
    int area;                /* its label names an administrative area */
    int plan;                /* a plan figure: "年目标60人" */
    int base_cue, total_cue, closing_cue, earlier_total_cue;
    int used;                /* already part of a list */
    int judged;              /* already judged as a total */
} figure;

typedef struct ctx {
    const char *s;           /* doc->clean */
    size_t n;
    audit_finding_list *out;
    figure *figs;
    size_t n_figs, cap_figs;
    size_t st_start, st_end; /* the statement */
    const figure *last_base; /* the base the last rate agreed with */
    const figure *chain;     /* the base the previous rate agreed with */
    audit_buf word;          /* a squeezed label */
    audit_buf other;         /* a second one, to compare with */
    audit_buf msg;
} ctx;

static unsigned cp_at(const ctx *c, size_t i, size_t *adv)
{
    return audit_utf8_at(c->s, c->n, i, adv);
}

static int is_digit_cp(unsigned cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

static int digit_of(unsigned cp)
{
    return cp <= '9' ? (int)(cp - '0') : (int)(cp - 0xFF10);
}

/* Clause marks: a label never reaches over one. */
static int is_clause_mark(unsigned cp)
{
    switch (cp) {
    case 0xFF0C: case ',': case 0x3001: case 0xFF1B: case ';': case 0xFF1A:
    case ':': case 0xFF08: case '(': case 0xFF09: case ')': case 0x3002:
    case 0xFF01: case 0xFF1F: case '!': case '?': case '\t':
        return 1;
    default:
        return 0;
    }
}

static int is_open_paren(unsigned cp) { return cp == '(' || cp == 0xFF08; }
static int is_close_paren(unsigned cp) { return cp == ')' || cp == 0xFF09; }

/* Copies clean[from..to) into b without white space. */
static const char *squeeze_into(ctx *c, audit_buf *b, size_t from, size_t to,
                                size_t *len)
{
    b->len = 0;
    audit_buf_put(b, "", 0);
    size_t adv;
    for (size_t i = from; i < to; i += adv) {
        unsigned cp = cp_at(c, i, &adv);
        if (i + adv > to)
            break;
        if (!audit_is_space(cp))
            audit_buf_put(b, c->s + i, adv);
    }
    *len = b->len;
    return b->ptr;
}

static const char *squeeze(ctx *c, size_t from, size_t to, size_t *len)
{
    return squeeze_into(c, &c->word, from, to, len);
}

static int ends_with(const char *w, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n >= k && memcmp(w + n - k, suffix, k) == 0;
}

/* The length of w[0..n) without the linking words at its end. */
static size_t strip_linking(const char *w, size_t n)
{
    for (int again = 1; again;) {
        again = 0;
        for (size_t k = 0; linking_words[k]; k++)
            if (ends_with(w, n, linking_words[k]) &&
                n > strlen(linking_words[k])) {
                n -= strlen(linking_words[k]);
                again = 1;
                break;
            }
    }
    return n;
}

/* Whether one of the false words covers w[i..i+wl). */
static int covered(const char *w, size_t n, size_t i, size_t wl,
                   const char *const *false_words)
{
    for (size_t f = 0; false_words && false_words[f]; f++) {
        size_t fl = strlen(false_words[f]);
        for (size_t j = i + wl > fl ? i + wl - fl : 0; j <= i && j + fl <= n;
             j++)
            if (memcmp(w + j, false_words[f], fl) == 0)
                return 1;
    }
    return 0;
}

/* Where w holds one of words at or after `from`, not as part of one of the
 * false words; (size_t)-1 if nowhere. *wl is the length of the word. */
static size_t find_cue(const char *w, size_t n, size_t from,
                       const char *const *words,
                       const char *const *false_words, size_t *wl)
{
    for (size_t i = from; i < n; i++) {
        if (((unsigned char)w[i] & 0xC0) == 0x80)
            continue; /* inside a character: no word starts here */
        for (size_t k = 0; words[k]; k++) {
            /* two or three bytes decide almost every try before strlen */
            if (w[i] != words[k][0] ||
                (words[k][1] && (i + 1 >= n || w[i + 1] != words[k][1])) ||
                (words[k][1] && words[k][2] &&
                 (i + 2 >= n || w[i + 2] != words[k][2])))
                continue;
            size_t l = strlen(words[k]);
            if (i + l <= n && memcmp(w + i, words[k], l) == 0 &&
                !covered(w, n, i, l, false_words)) {
                *wl = l;
                return i;
            }
        }
    }
    return (size_t)-1;
}

/* Whether w holds one of words, not as part of one of the false words. */
static int has_cue(const char *w, size_t n, const char *const *words,
                   const char *const *false_words)
{
    size_t wl;
    return find_cue(w, n, 0, words, false_words, &wl) != (size_t)-1;
}

/* Whether a label says its figure is a change (see change_verbs). */
static int says_change(const char *w, size_t n)
{
    int done = ends_with(w, n, "了");
    if (done)
        n -= strlen("了");
    size_t k;
    for (k = 0; change_verbs[k]; k++)
        if (ends_with(w, n, change_verbs[k]))
            break;
    if (!change_verbs[k])
        return 0;
    size_t verb = n - strlen(change_verbs[k]), wl;
    if (done || (verb == 0 && strlen(change_verbs[k]) > 3))
        return 1;
    size_t at = find_cue(w, verb, 0, comparatives, comparative_false, &wl);
    return at != (size_t)-1;
}

/* Whether clean[from..to) contains word. */
static int span_has(const ctx *c, size_t from, size_t to, const char *word)
{
    return to > from && audit_find_word(c->s + from, to - from, word) !=
                            (size_t)-1;
}


static double round_step(double x, double step)
{
    return floor(x / step + 0.5 + 1e-9) * step;
}

static double trunc_step(double x, double step)
{
    return floor(x / step + 1e-9) * step;
}

/* Reads the Arabic numeral in the span and the words after it. */
static void figure_read(ctx *c, figure *f)
{
    const audit_quantity *q = f->q;
    size_t i = f->start, adv;
    int seen = 0, point = 0, decimals = 0;
    double num = 0, frac = 1;
    f->num_end = f->start;
    while (i < f->end) {
        unsigned cp = cp_at(c, i, &adv);
        if (is_digit_cp(cp))
            break;
        i += adv;
    }
    f->num_from = i;
    while (i < f->end) {
        unsigned cp = cp_at(c, i, &adv);
        if (is_digit_cp(cp)) {
            seen = 1;
            if (point) {
                frac /= 10;
                num += digit_of(cp) * frac;
                decimals++;
            } else {
                num = num * 10 + digit_of(cp);
            }
        } else if ((cp == '.' || cp == 0xFF0E) && !point && seen) {
            point = 1;
        } else if (cp == ',' && seen && !point && i + 1 < f->end &&
                   c->s[i + 1] >= '0' && c->s[i + 1] <= '9') {
            /* thousands separator: "1,234" */
        } else {
            break;
        }
        i += adv;
    }
    f->value = q->value;
    f->decimals = seen ? decimals : q->decimals;
    f->scale = 1;
    if (seen) {
        f->num_end = i;
        if (num > 0 && q->value != 0) {
            double r = q->value / num, l = log10(fabs(r));
            f->scale = fabs(l - round(l)) < 1e-6 ? pow(10, round(l)) : r;
        }
    }
    f->step = pow(10, -f->decimals) * f->scale;
    f->delta = (f->decimals > 0 || f->scale >= 10000) ? f->step / 2 : 0;

    /* the unit as written, and the unit word without the magnitude */
    i = f->num_end > f->start ? f->num_end : f->end;
    while (i < f->end && audit_is_space(cp_at(c, i, &adv)))
        i += adv;
    f->shown_from = i;
    while (i < f->end) {
        unsigned cp = cp_at(c, i, &adv);
        if (cp != 0x4E07 && cp != 0x4EBF && cp != 0x842C && cp != 0x5104 &&
            cp != 0x4F59 && cp != 0x591A && !audit_is_space(cp))
            break; /* 万 亿 萬 億 余 多 */
        i += adv;
    }
    f->unit_from = i;
    f->unit_to = f->end;
    while (f->unit_to > f->unit_from) {
        size_t p = audit_utf8_prev(c->s, f->unit_to);
        if (!audit_is_space(cp_at(c, p, &adv)))
            break;
        f->unit_to = p;
    }
    f->shown_to = f->unit_to;
    if (f->unit_to <= f->unit_from && q->dim == AUDIT_DIM_NONE &&
        f->end < c->st_end) {
        /* a unit the scanner does not know: "制止11宗" */
        unsigned cp = cp_at(c, f->end, &adv);
        if (cp >= 0x4E00 && cp <= 0x9FFF) {
            f->unit_from = f->end;
            f->unit_to = f->end + adv;
            f->shown_to = f->unit_to;
        }
    }
    if (f->shown_to < f->shown_from)
        f->shown_to = f->shown_from;

    f->usable = seen && !q->approx && !q->range && !q->malformed;
    f->percent = 0;
    if (seen && q->dim == AUDIT_DIM_PERCENT &&
        (span_has(c, f->unit_from, f->end, "%") ||
         span_has(c, f->unit_from, f->end, "％"))) {
        f->percent = 1;
        f->pct = num;
    }
}

/* The label: back from the figure to a clause mark or the previous figure;
 * with list = 0, an enumeration comma 、 does not stop it. */
static size_t label_start(const ctx *c, size_t lo, size_t at, int list)
{
    size_t i = at, adv;
    while (i > lo) {
        size_t p = audit_utf8_prev(c->s, i);
        if (p < lo)
            break;
        unsigned cp = audit_utf8_at(c->s, c->n, p, &adv);
        if (is_clause_mark(cp) && (list || cp != 0x3001))
            break;
        i = p;
    }
    return i;
}

static void figures_build(ctx *c, const audit_quantity_list *qs, size_t from,
                          size_t to)
{
    c->n_figs = 0;
    for (size_t k = from; k < to; k++) {
        c->figs = audit_xgrow(c->figs, &c->cap_figs, c->n_figs + 1,
                              sizeof *c->figs);
        figure *f = &c->figs[c->n_figs];
        memset(f, 0, sizeof *f);
        f->q = &qs->items[k];
        f->start = f->q->start;
        f->end = f->q->end > c->n ? c->n : f->q->end;
        if (f->start >= f->end)
            continue;
        size_t lo = c->n_figs ? c->figs[c->n_figs - 1].end : c->st_start;
        if (lo < c->st_start)
            lo = c->st_start;
        if (lo > f->start)
            lo = f->start;
        f->label = label_start(c, lo, f->start, 1);
        f->clause = label_start(c, lo, f->start, 0);
        figure_read(c, f);
        size_t n;
        const char *w = squeeze(c, f->label, f->start, &n);
        f->per_unit = has_cue(w, n, per_unit_cues, NULL);
        f->change = says_change(w, n);
        for (size_t j = 0; per_unit_endings[j]; j++)
            if (ends_with(w, n, per_unit_endings[j]))
                f->per_unit = 1;
        for (size_t j = 0; area_endings[j]; j++)
            if (ends_with(w, n, area_endings[j]))
                f->area = 1;
        n = strip_linking(w, n);
        for (size_t j = 0; plan_endings[j]; j++)
            if (ends_with(w, n, plan_endings[j]))
                f->plan = 1;
        w = squeeze(c, f->clause, f->start, &n);
        f->base_cue = has_cue(w, n, base_cues, base_cue_false) || f->plan;
        f->total_cue = has_cue(w, n, total_cues, base_cue_false);
        f->earlier_total_cue = has_cue(w, n, earlier_total_cues, base_cue_false);
        f->closing_cue = has_cue(w, n, closing_total_cues, NULL);
        c->n_figs++;
    }
}

/* ---- measures ------------------------------------------------------- */

static int same_str(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static int same_unit_word(const ctx *c, const figure *a, const figure *b)
{
    size_t la = a->unit_to - a->unit_from, lb = b->unit_to - b->unit_from;
    return la > 0 && la == lb &&
           memcmp(c->s + a->unit_from, c->s + b->unit_from, la) == 0;
}

/* Parts and totals of one sum: the same measure, one that adds up. */
static int sum_compatible(const ctx *c, const figure *a, const figure *b)
{
    if (a->q->dim != b->q->dim || a->percent || b->percent)
        return 0;
    switch (a->q->dim) {
    case AUDIT_DIM_PERCENT: case AUDIT_DIM_POINTS: case AUDIT_DIM_MULTIPLE:
    case AUDIT_DIM_TIME:
        return 0;
    case AUDIT_DIM_COUNT: case AUDIT_DIM_NONE:
        return same_unit_word(c, a, b);
    default:
        return a->q->unit && same_str(a->q->unit, b->q->unit);
    }
}

/* Count and base of a rate: the same dimension (人 and 人次 compare). */
static int rate_compatible(const ctx *c, const figure *a, const figure *b)
{
    if (a->percent || b->percent || a->q->dim != b->q->dim)
        return 0;
    switch (a->q->dim) {
    case AUDIT_DIM_PERSONS: case AUDIT_DIM_HOUSEHOLDS: case AUDIT_DIM_MONEY:
        return 1;
    case AUDIT_DIM_NONE:
        return a->unit_to == a->unit_from ? b->unit_to == b->unit_from
                                          : same_unit_word(c, a, b);
    case AUDIT_DIM_COUNT:
        return same_unit_word(c, a, b) ||
               same_str(a->q->unit, b->q->unit);
    default:
        return same_str(a->q->unit, b->q->unit);
    }
}

/* ---- printing ------------------------------------------------------- */

static int shown_decimals(const figure *f, double scale)
{
    int d = f->decimals;
    if (scale > 0 && f->scale > 0) {
        double l = log10(f->scale / scale);
        d -= (int)lround(l);
    }
    return d < 0 ? 0 : d > 10 ? 10 : d;
}

static void put_num(audit_buf *b, double v, int decimals)
{
    audit_buf_printf(b, "%.*f", decimals, v);
}

/* How much of a figure a message shows. */
enum { SHOW_NUMERAL, SHOW_MAGNITUDE, SHOW_UNIT };

/* A figure as the report writes it: its numeral ("7205"), with its
 * magnitude ("1.17万") and with its unit word ("5.8万亩"). Messages show
 * what the editor reads, never a converted value (5.8万亩 is no "38666667"
 * square metres). */
static void put_written(ctx *c, audit_buf *b, const figure *f, int show)
{
    audit_buf_put(b, c->s + f->num_from, f->num_end - f->num_from);
    if (show == SHOW_NUMERAL)
        return;
    audit_buf_put(b, c->s + f->shown_from,
                  (show == SHOW_UNIT ? f->shown_to : f->unit_from) -
                      f->shown_from);
}

static void put_unit(ctx *c, audit_buf *b, const figure *f)
{
    audit_buf_put(b, c->s + f->shown_from, f->shown_to - f->shown_from);
}

/* Whether two figures are written with the same magnitude and unit. */
static int same_shown(const ctx *c, const figure *a, const figure *b)
{
    size_t la = a->shown_to - a->shown_from, lb = b->shown_to - b->shown_from;
    return la == lb &&
           memcmp(c->s + a->shown_from, c->s + b->shown_from, la) == 0;
}

/* ---- malformed-number ----------------------------------------------- */

/* What is wrong with a malformed figure, in words. */
static const char *malformed_why(const ctx *c, size_t from, size_t to)
{
    int points = 0;
    size_t adv;
    for (size_t i = from; i < to; i += adv) {
        unsigned cp = cp_at(c, i, &adv);
        if (cp == '.' || cp == 0xFF0E)
            points++;
    }
    if (span_has(c, from, to, "..") || span_has(c, from, to, "．．"))
        return "a doubled decimal point: the value cannot be read";
    if (points > 1)
        return "more than one decimal point: the value cannot be read";
    if (span_has(c, from, to, "%%") || span_has(c, from, to, "％％") ||
        span_has(c, from, to, "%％") || span_has(c, from, to, "％%"))
        return "a doubled percent sign";
    return "the digits do not form one number";
}

static void check_malformed(ctx *c, const audit_quantity_list *qs)
{
    for (size_t k = 0; k < qs->len; k++) {
        const audit_quantity *q = &qs->items[k];
        if (!q->malformed || q->end > c->n || q->start >= q->end)
            continue;
        audit_finding_add(c->out, "malformed-number", AUDIT_ERROR, q->start,
                          q->end, NULL, "%s",
                          malformed_why(c, q->start, q->end));
    }
}

/* ---- rates ---------------------------------------------------------- */

/* The rate word of a percentage: its label without the linking words. */
static const char *rate_word(ctx *c, const figure *f, size_t *len)
{
    size_t n;
    const char *w = squeeze(c, f->label, f->start, &n);
    *len = strip_linking(w, n);
    return w;
}

static void check_over_100(ctx *c, const figure *f)
{
    if (!f->percent || !f->usable || f->pct <= 100 + 1e-9)
        return;
    size_t adv, i = f->end;
    while (i < c->st_end && audit_is_space(cp_at(c, i, &adv)))
        i += adv;
    if (audit_has_prefix(c->s, c->st_end, i, "以上"))
        return;
    size_t n;
    const char *w = rate_word(c, f, &n);
    for (size_t k = 0; proportion_words[k]; k++) {
        if (!ends_with(w, n, proportion_words[k]))
            continue;
        size_t at = n - strlen(proportion_words[k]);
        if (at >= 3 && memcmp(w + at - 3, "毛", 3) == 0)
            return; /* 毛入学率 105%: a gross rate may pass 100 */
        audit_finding_add(c->out, "rate-over-100", AUDIT_WARNING, f->start,
                          f->end, NULL, "%s %.*f%% > 100%%: a proportion cannot exceed the whole",
                          proportion_words[k], f->decimals, f->pct);
        return;
    }
}

/* Whether count/base can give the stated percentage (SPEC rounding). */
static int rate_agrees(const figure *rate, const figure *count,
                       const figure *base)
{
    double blo = base->value - base->delta, bhi = base->value + base->delta;
    double clo = count->value - count->delta, chi = count->value + count->delta;
    if (blo <= 0)
        return 1; /* cannot say */
    double lo = clo / bhi * 100, hi = chi / blo * 100;
    double step = pow(10, -rate->decimals), eps = 1e-9 * (1 + rate->pct);
    return trunc_step(lo, step) - eps <= rate->pct &&
           rate->pct <= round_step(hi, step) + eps;
}

static void report_rate(ctx *c, const figure *rate, const figure *count,
                        const figure *base)
{
    audit_buf *b = &c->msg;
    b->len = 0;
    /* "1.36万人次/9.56万人" when the units differ, else "2532/1.17万" (two
     * figures with no unit word show none either way) */
    int show = same_unit_word(c, count, base) ? SHOW_MAGNITUDE : SHOW_UNIT;
    put_written(c, b, count, show);
    audit_buf_putc(b, '/');
    put_written(c, b, base, show);
    audit_buf_puts(b, " = ");
    put_num(b, round_step(count->value / base->value * 100,
                          pow(10, -rate->decimals)),
            rate->decimals);
    audit_buf_puts(b, "% ≠ stated ");
    put_num(b, rate->pct, rate->decimals);
    audit_buf_putc(b, '%');
    audit_finding_add(c->out, "rate-mismatch", AUDIT_ERROR, rate->start,
                      rate->end, NULL, "%s", b->ptr);
}

/* Judges a rate against every base candidate; quiet if any agrees. */
static void judge_rate(ctx *c, const figure *rate, const figure *count,
                       figure *const *bases, size_t n_bases)
{
    if (n_bases == 0)
        return;
    for (size_t k = 0; k < n_bases; k++)
        if (rate_agrees(rate, count, bases[k])) {
            c->last_base = bases[k];
            return;
        }
    report_rate(c, rate, count, bases[n_bases - 1]);
}

/* Base candidates for a count: base-cued figures of its measure before
 * it. A figure before the previous rate qualifies only when that rate
 * agreed with it: "活产数5011人，…管理率93.87%，…建档率88.96%，…访视率
 * 92.00%" share one base, while in "共采集样品170份，合格率100%；采样1030份，
 * 合格1000份，合格率97.09%" the 170 belongs to the first rate alone. */
static size_t bases_before(ctx *c, size_t count, size_t *bases_out,
                           size_t max)
{
    size_t n = 0;
    int after_rate = 1;
    for (size_t k = count; k-- > 0 && n < max && count - k <= MAX_LOOKBACK;) {
        figure *f = &c->figs[k];
        if (f->percent) {
            after_rate = 0;
            continue;
        }
        if (f->usable && f->base_cue && !f->per_unit && !f->change &&
            rate_compatible(c, f, &c->figs[count]) &&
            (after_rate || f == c->chain))
            bases_out[n++] = k;
    }
    return n;
}

/* Text between two offsets, squeezed, equals one of the words. */
static int gap_is(ctx *c, size_t from, size_t to, const char *word)
{
    size_t n;
    const char *w = squeeze(c, from, to, &n);
    return n == strlen(word) && memcmp(w, word, n) == 0;
}


static void check_rate_mismatch(ctx *c, size_t r)
{
    const figure *rate = &c->figs[r];
    figure *bases[MAX_CANDIDATES];
    size_t idx[MAX_CANDIDATES], n_bases = 0;
    if (!rate->percent)
        return;
    /* the chain of rates sharing a base ends unless this rate agrees */
    c->chain = c->last_base;
    c->last_base = NULL;
    if (!rate->usable || r == 0)
        return;
    figure *prev = &c->figs[r - 1];

    /* "完成年目标60人的131.67%" */
    if (prev->usable && !prev->percent && gap_is(c, prev->end, rate->start, "的")) {
        if (!prev->plan)
            return;
        for (size_t k = r - 1; k-- > 0 && r - k <= MAX_LOOKBACK;) {
            const figure *f = &c->figs[k];
            if (!rate_compatible(c, f, prev))
                continue;
            if (f->usable && !f->per_unit) {
                /* a target is exact as written: 计划5亿元 is not 4.5–5.5亿 */
                figure target = *prev;
                target.delta = 0;
                bases[0] = &target;
                judge_rate(c, rate, f, bases, 1);
                c->last_base = NULL; /* not a figure of the statement */
            }
            return;
        }
        return;
    }

    /* "已完成948件（81%）" */
    if (prev->usable && !prev->percent &&
        (gap_is(c, prev->end, rate->start, "（") ||
         gap_is(c, prev->end, rate->start, "("))) {
        n_bases = bases_before(c, r - 1, idx, MAX_CANDIDATES);
        for (size_t k = 0; k < n_bases; k++)
            bases[k] = &c->figs[idx[k]];
        /* "1170件困难群体法律援助已完成948件（81%）": the task and what is
         * done of it, in one clause */
        if (r >= 2 && n_bases < MAX_CANDIDATES) {
            figure *task = &c->figs[r - 2];
            if (task->usable && !task->per_unit && !task->base_cue &&
                rate_compatible(c, task, prev) &&
                prev->label <= task->end)
                bases[n_bases++] = task;
        }
        judge_rate(c, rate, prev, bases, n_bases);
        return;
    }

    /* "应补种数46408，已补种数44983，补种率96.90%" */
    size_t n;
    const char *w = rate_word(c, rate, &n);
    if (!ends_with(w, n, "率"))
        return;
    n -= strlen("率");
    size_t stem = n;
    for (int k = 0; k < 2 && stem > 0; k++)
        stem = audit_utf8_prev(w, stem);
    if (n - stem != 6) /* two CJK characters */
        return;
    char word[8];
    memcpy(word, w + stem, 6);
    word[6] = '\0';
    for (size_t k = 0; change_stems[k]; k++)
        if (strcmp(word, change_stems[k]) == 0)
            return;
    /* Every figure since the previous rate whose label holds the stem is a
     * count candidate, and the rate is judged only when no (count, base)
     * pair agrees: in "建册孕妇总数1212人，…总的产前筛查数1069人，其中免费唐氏
     * 筛查870人，无创DNA筛查199人，建册孕妇的免费产前筛查率71.78%" the count
     * is 870, not the nearer 199. */
    const figure *first_count = NULL;
    figure *first_base = NULL;
    for (size_t k = r; k-- > 0 && r - k <= MAX_LOOKBACK;) {
        const figure *f = &c->figs[k];
        if (f->percent)
            break; /* the count comes after the previous rate */
        if (f->base_cue || !f->usable || f->per_unit || f->change)
            continue;
        size_t m;
        const char *lw = squeeze(c, f->label, f->start, &m);
        if (audit_find_word(lw, m, word) == (size_t)-1)
            continue;
        n_bases = bases_before(c, k, idx, MAX_CANDIDATES);
        for (size_t b = 0; b < n_bases; b++) {
            if (rate_agrees(rate, f, &c->figs[idx[b]])) {
                c->last_base = &c->figs[idx[b]];
                return;
            }
        }
        if (n_bases && !first_count) {
            first_count = f;
            first_base = &c->figs[idx[0]];
        }
    }
    if (first_count)
        report_rate(c, rate, first_count, first_base);
}

/* ---- sums ----------------------------------------------------------- */

typedef enum {
    SUM_EXACT,      /* a complete enumeration: any difference */
    SUM_PARTIAL,    /* 其中: exceeding, or a long list nearly complete */
    SUM_EXCEEDING   /* an unmarked list: only parts above the total */
} sum_policy;


typedef struct parts {
    size_t idx[MAX_PARTS];
    double mult[MAX_PARTS];
    size_t n;
    int annotated;  /* percentages stand between the parts */
} parts;

static void report_sum(ctx *c, figure *total, const parts *p, double sum,
                       const figure *over)
{
    audit_buf *b = &c->msg;
    b->len = 0;
    if (over) {
        put_written(c, b, over,
                    same_shown(c, over, total) ? SHOW_NUMERAL : SHOW_UNIT);
        audit_buf_puts(b, " > ");
        put_written(c, b, total, SHOW_UNIT);
        audit_buf_puts(b, ": a part exceeds its total");
    } else {
        /* The parts as written; the sum in their common magnitude and unit
         * ("7205+7126+6548+2390 = 23269人 ≠ 2.31万人"), or in the total's
         * when they have none ("1.2万人次+8936人次 = 2.0936万人次"). */
        const figure *like = &c->figs[p->idx[0]];
        int common = 1;
        for (size_t k = 1; k < p->n; k++)
            common = common && same_shown(c, like, &c->figs[p->idx[k]]);
        if (!common)
            like = total;
        int d = shown_decimals(like, like->scale);
        for (size_t k = 0; k < p->n; k++) {
            const figure *f = &c->figs[p->idx[k]];
            int fd = shown_decimals(f, like->scale);
            if (fd > d)
                d = fd;
            if (k)
                audit_buf_putc(b, '+');
            if (p->mult[k] != 1)
                audit_buf_printf(b, "%g×", p->mult[k]);
            put_written(c, b, f, common ? SHOW_NUMERAL : SHOW_UNIT);
        }
        audit_buf_puts(b, " = ");
        put_num(b, sum / like->scale, d);
        if (like != total && !same_shown(c, like, total))
            put_unit(c, b, like);
        else if (!common)
            put_unit(c, b, total);
        audit_buf_puts(b, " ≠ ");
        put_written(c, b, total, SHOW_UNIT);
    }
    audit_finding_add(c->out, "sum-mismatch", AUDIT_ERROR, total->start,
                      total->end, NULL, "%s", b->ptr);
}

/* Whether parts [from, to) add up to the total, rounding allowed. */
static int sum_agrees(const ctx *c, const figure *total, const parts *p,
                      size_t from, size_t to)
{
    double lo = 0, hi = 0, eps = 1e-9 * (1 + fabs(total->value));
    for (size_t k = from; k < to; k++) {
        const figure *f = &c->figs[p->idx[k]];
        lo += p->mult[k] * (f->value - f->delta);
        hi += p->mult[k] * (f->value + f->delta);
    }
    return trunc_step(lo, total->step) - eps <= total->value &&
           total->value <= round_step(hi, total->step) + eps;
}

/* Judges parts against their total under a policy. A run of two or more
 * parts at either end of the list that adds up closes the breakdown, and
 * what follows is another statement: "在职职工455人，其中卫生技术351人，
 * 行管后勤104人，退休136人" (351 + 104 = 455). */
/* Steps of one process, each counting some of the same people or cases:
 * "抓获犯罪嫌疑人1034人，其中逮捕612人、移送起诉843人" (overlapping). */
static const char *const stage_verbs[] = {
    "逮捕", "起诉", "移送", "批捕", "判处", "破获", "侦破", "办结", "受理",
    "审结", "立案", "查处", "处理", "整改", "核实", "排除", "确诊", "治愈",
    "验收", "开工", "竣工", "完工", "建成", "投用", "签约", "落地", "入库",
    "结案", "调解", "化解", NULL};

/* Whether every part of the list is named by a step of a process: such
 * parts may overlap, so their sum may pass the total. */
static int stages(ctx *c, const parts *p)
{
    for (size_t k = 0; k < p->n; k++) {
        const figure *f = &c->figs[p->idx[k]];
        size_t n;
        const char *w = squeeze(c, f->label, f->start, &n);
        int verb = 0;
        for (size_t v = 0; stage_verbs[v] && !verb; v++)
            verb = audit_find_word(w, n, stage_verbs[v]) != (size_t)-1;
        if (!verb)
            return 0;
    }
    return 1;
}

static void judge_sum(ctx *c, figure *total, const parts *p, sum_policy policy)
{
    if (total->judged || p->n == 0)
        return;
    total->judged = 1;
    for (size_t k = 0; k < p->n; k++)
        c->figs[p->idx[k]].used = 1;
    for (size_t k = 2; k < p->n; k++)
        if (sum_agrees(c, total, p, 0, k) || sum_agrees(c, total, p, p->n - k, p->n))
            return;
    double sum = 0, lo = 0, hi = 0;
    size_t areas = 0;
    const figure *over = NULL;
    double t_hi = total->value + 2 * total->delta; /* rounded or truncated */
    for (size_t k = 0; k < p->n; k++) {
        const figure *f = &c->figs[p->idx[k]];
        double m = p->mult[k];
        sum += m * f->value;
        lo += m * (f->value - f->delta);
        hi += m * (f->value + f->delta);
        areas += f->area;
        if (m * (f->value - f->delta) > t_hi * (1 + 1e-9) && !over)
            over = f;
    }
    double eps = 1e-9 * (1 + fabs(total->value));
    int exceeds = total->value < trunc_step(lo, total->step) - eps;
    int short_ = total->value > round_step(hi, total->step) + eps;
    int flag = 0;
    switch (policy) {
    case SUM_EXACT:
        flag = p->n >= 2 && (exceeds || short_);
        break;
    case SUM_PARTIAL:
        /* the first part stands right after 其中: it is a part for sure */
        if (over && over == &c->figs[p->idx[0]])
            flag = 2;
        /* parts that are steps of one process may overlap ("抓获1034人，
         * 其中逮捕612人、移送起诉843人"): two of them passing the total say
         * nothing; two kinds of a thing, or three parts, may not pass it */
        else if (exceeds && !p->annotated &&
                 (p->n >= 3 || !stages(c, p)))
            flag = 1;
        else if (p->n >= 3 && short_ && hi >= 0.9 * total->value &&
                 2 * areas >= p->n)
            flag = 1;
        break;
    case SUM_EXCEEDING:
        flag = p->n >= 2 && exceeds && !over;
        break;
    }
    if (!flag)
        return;
    if (flag == 1 && exceeds && policy != SUM_EXACT) {
        /* a partial list is wrong as soon as its parts pass the total: show
         * those, not what follows ("2180+1180 = 3360 ≠ 3260个", without the
         * 386 charging piles after the ；) */
        parts shown = *p;
        double run = 0, run_lo = 0;
        for (shown.n = 0; shown.n < p->n;) {
            const figure *f = &c->figs[p->idx[shown.n]];
            run += p->mult[shown.n] * f->value;
            run_lo += p->mult[shown.n] * (f->value - f->delta);
            shown.n++;
            if (shown.n >= 2 &&
                total->value < trunc_step(run_lo, total->step) - eps)
                break;
        }
        report_sum(c, total, &shown, run, NULL);
        return;
    }
    report_sum(c, total, p, sum, flag == 2 ? over : NULL);
}

/* Whether fig k multiplies the next one: "3个功能区各1所". */
static int is_multiplier(ctx *c, size_t k, size_t limit, const figure *unit)
{
    const figure *f = &c->figs[k];
    if (k + 1 >= c->n_figs || !f->usable || f->percent ||
        (f->q->dim != AUDIT_DIM_COUNT && f->q->dim != AUDIT_DIM_NONE) ||
        f->value != floor(f->value) || f->value < 1 || f->value > 1000)
        return 0;
    const figure *next = &c->figs[k + 1];
    return next->start < limit && span_has(c, f->end, next->start, "各") &&
           sum_compatible(c, next, unit);
}

/* Whether figure k of the measure of `unit` and figure other are written
 * as one pair of measures, with nothing between them: "7种612例",
 * "1926户3218人". A breakdown of such pairs is read once per measure. */
static int paired(ctx *c, size_t k, size_t other, const figure *unit)
{
    const figure *a = &c->figs[k < other ? k : other];
    const figure *b = &c->figs[k < other ? other : k];
    if (a->percent || b->percent || !sum_compatible(c, &c->figs[k], unit) ||
        sum_compatible(c, a, b))
        return 0;
    size_t adv;
    for (size_t i = a->end; i < b->start; i += adv)
        if (!audit_is_space(cp_at(c, i, &adv)))
            return 0;
    return 1;
}

/* Collects the parts of a list from figure `first` up to `limit`. Returns
 * 0 when the list holds something that makes it unreadable. */
static int collect_forward(ctx *c, size_t first, size_t from, size_t limit,
                           parts *p)
{
    p->n = 0;
    p->annotated = 0;
    const figure *unit = &c->figs[first];
    size_t prev_end = from;
    double mult = 1;
    int depth = 0;
    for (size_t k = first; k < c->n_figs && c->figs[k].start < limit; k++) {
        figure *f = &c->figs[k];
        /* brackets and stops between the previous part and this one */
        size_t adv;
        for (size_t i = prev_end; i < f->start; i += adv) {
            unsigned cp = cp_at(c, i, &adv);
            if (is_open_paren(cp))
                depth++;
            else if (is_close_paren(cp) && --depth < 0)
                return 1;
        }
        if (f->start - prev_end > MAX_GAP ||
            (k > first && audit_has_any(c->s, prev_end, f->start, list_stops)))
            return 1;
        prev_end = f->end;
        if (depth > 0)
            continue; /* a note inside the part: "A 10人（含B 3人）" */
        if (f->change && k > first) {
            p->annotated = 1; /* "住户存款318.65亿元，比年初增加20亿元" */
            continue;
        }
        if (!sum_compatible(c, f, unit)) {
            if (is_multiplier(c, k, limit, unit)) {
                mult = f->value;
                continue;
            }
            if ((k > first && paired(c, k - 1, k, unit)) ||
                (k + 1 < c->n_figs && paired(c, k + 1, k, unit)))
                continue; /* "乙类传染病7种612例": the other measure */
            if (f->q->dim == AUDIT_DIM_PERCENT || f->q->dim == AUDIT_DIM_POINTS) {
                size_t n;
                const char *w = squeeze(c, f->label, f->start, &n);
                if (has_cue(w, n, annotation_words, NULL)) {
                    p->annotated = 1;
                    continue;
                }
            }
            return 1;
        }
        if (!f->usable || (f->per_unit && mult == 1) || f->used)
            return 0;
        if (p->n == MAX_PARTS)
            return 0;
        p->idx[p->n] = k;
        p->mult[p->n] = mult;
        p->n++;
        mult = 1;
    }
    return 1;
}

/* The nearest figure before `before` of the measure of `like`. */
static figure *total_before(ctx *c, size_t before, const figure *like)
{
    size_t k = (size_t)(like - c->figs), seen = 0;
    while (k-- > 0 && seen++ < MAX_LOOKBACK) {
        figure *f = &c->figs[k];
        if (f->end > before)
            continue;
        if (!sum_compatible(c, f, like) || f->per_unit || f->change)
            continue;
        if (!f->usable || f->judged || f->used)
            return NULL;
        return f;
    }
    return NULL;
}

/* The end of the bracket that is open at `from`, within MAX_SCAN bytes;
 * `to` when there is none. */
static size_t bracket_end(ctx *c, size_t from, size_t to)
{
    size_t adv;
    int depth = 0;
    if (to - from > MAX_SCAN)
        to = from + MAX_SCAN;
    for (size_t i = from; i < to; i += adv) {
        unsigned cp = cp_at(c, i, &adv);
        if (is_open_paren(cp))
            depth++;
        else if (is_close_paren(cp) && --depth < 0)
            return i;
    }
    return to;
}

/* Whether clean[from..to) holds exactly one mark of `kind` and no other
 * clause mark: kind 0 = ，or ：, kind 1 = 、. */
static int joined_by(ctx *c, size_t from, size_t to, int kind)
{
    size_t adv;
    int marks = 0;
    for (size_t i = from; i < to; i += adv) {
        unsigned cp = cp_at(c, i, &adv);
        if (!is_clause_mark(cp))
            continue;
        int fits = kind == 0 ? (cp == 0xFF0C || cp == ',' || cp == 0xFF1A ||
                                cp == ':')
                             : cp == 0x3001;
        if (!fits || ++marks > 1)
            return 0;
    }
    return marks == 1;
}

/* The length of the breakdown marker at clean[i], or 0. */
static size_t marker_at(const ctx *c, size_t i)
{
    for (size_t k = 0; breakdown_markers[k]; k++)
        if (audit_has_prefix(c->s, c->st_end, i, breakdown_markers[k]))
            return strlen(breakdown_markers[k]);
    return 0;
}

/* The head noun of a label: its end, without linking and measure words
 * ("预防接种门诊数为" → …门诊). */
static size_t head_end(const char *w, size_t n)
{
    n = strip_linking(w, n);
    for (size_t k = 0; head_fillers[k]; k++)
        if (ends_with(w, n, head_fillers[k]) && n > strlen(head_fillers[k])) {
            n -= strlen(head_fillers[k]);
            break;
        }
    return n;
}

/* The figure whose label names f: f itself, or for the second of a pair
 * of measures ("城市低保1926户3218人") the first one. */
static const figure *named(ctx *c, const figure *f)
{
    size_t k = (size_t)(f - c->figs);
    while (k > 0 && paired(c, k - 1, k, &c->figs[k - 1])) {
        size_t adv;
        size_t i = c->figs[k].label;
        while (i < c->figs[k].start && audit_is_space(cp_at(c, i, &adv)))
            i += adv;
        if (i < c->figs[k].start)
            break; /* it has a label of its own */
        k--;
    }
    return &c->figs[k];
}

/* How many characters the labels of two figures share at their heads:
 * 数字化门诊 and 预防接种门诊 share 门诊 (2). */
static size_t shared_head(ctx *c, const figure *a, const figure *b)
{
    size_t na, nb;
    a = named(c, a);
    b = named(c, b);
    const char *wa = squeeze_into(c, &c->other, a->label, a->start, &na);
    const char *wb = squeeze(c, b->label, b->start, &nb);
    na = head_end(wa, na);
    nb = head_end(wb, nb);
    size_t chars = 0;
    while (na > 0 && nb > 0) {
        size_t pa = audit_utf8_prev(wa, na), pb = audit_utf8_prev(wb, nb);
        if (na - pa != nb - pb || memcmp(wa + pa, wb + pb, na - pa) != 0)
            break;
        na = pa;
        nb = pb;
        chars++;
    }
    return chars;
}

/* A part of an outer 其中 list that an inner 其中 right after it breaks
 * down: in "出院9.86万人次，其中…乡镇卫生院出院3.96万人次，其中一级甲等卫生院
 * 出院4.12万人次" the inner total is 3.96. Only when one clause mark stands
 * between the part and the marker and the two labels share a head noun
 * (卫生院出院), more than the inner part shares with the outer total: a
 * "，其中女性1200人" after "注册护士900人" breaks down the whole staff. */
static figure *nested_total(ctx *c, size_t m, const figure *unit)
{
    size_t k = (size_t)(unit - c->figs);
    while (k-- > 0) {
        figure *f = &c->figs[k];
        if (f->end > m)
            continue;
        if (!sum_compatible(c, f, unit) || !f->used || !f->usable ||
            f->judged || f->per_unit || f->change || f->percent ||
            !joined_by(c, f->end, m, 0) || !span_has(c, f->end, m, "，"))
            return NULL;
        size_t own = shared_head(c, unit, f);
        if (own < 2)
            return NULL;
        /* the outer total: the nearest earlier figure of the measure that
         * is no part */
        for (size_t j = k; j-- > 0 && k - j <= MAX_LOOKBACK;) {
            figure *g = &c->figs[j];
            if (!sum_compatible(c, g, unit) || g->used || g->change ||
                g->per_unit)
                continue;
            if (shared_head(c, unit, g) >= own)
                return NULL;
            break;
        }
        return f;
    }
    return NULL;
}

/* The total of a breakdown whose first part is `unit`, the marker being at
 * m: the nearest earlier figure of its measure. When that figure ends a
 * 、-list of totals, the part belongs to the one whose label shares the
 * longest head noun with its own, the nearest on a tie: in "预防接种门诊
 * 24个、产科接种点6个，其中数字化门诊24个" the total is 24, not 6. */
static figure *marker_total(ctx *c, size_t m, const figure *unit)
{
    figure *best = total_before(c, m, unit);
    if (!best)
        return nested_total(c, m, unit);
    size_t best_len = shared_head(c, unit, best);
    size_t t = (size_t)(best - c->figs);
    for (size_t k = t; k > 0 && t - k < MAX_LOOKBACK; k--) {
        figure *f = &c->figs[k - 1];
        if (!joined_by(c, f->end, c->figs[k].start, 1) ||
            !sum_compatible(c, f, unit))
            break;
        if (!f->usable || f->judged || f->used || f->per_unit || f->change)
            continue;
        size_t len = shared_head(c, unit, f);
        if (len > best_len) {
            best = f;
            best_len = len;
        }
    }
    return best;
}

/* Whether the 其中 or 包括 at m has a subject of its own, one that follows
 * a clause mark after the total: in "组建…2个医疗健康集团，成员单位包括18个
 * 乡镇卫生院和3个社区卫生服务中心" the members are no breakdown of the 2
 * groups. Connectives and adverbs ("，主要包括", "，这其中") name nothing; a
 * marker in the clause of its total ("风险点1598个其中…") or right after a
 * clause mark ("，其中") continues the total. */
static int own_subject(ctx *c, const figure *total, size_t m)
{
    size_t from = 0, adv;
    for (size_t i = total->end; i < m; i += adv)
        if (is_clause_mark(cp_at(c, i, &adv)))
            from = i + adv;
    if (!from)
        return 0;
    size_t n;
    const char *w = squeeze(c, from, m, &n);
    for (size_t i = 0; i < n;) {
        size_t k;
        for (k = 0; subjectless[k]; k++)
            if (audit_has_prefix(w, n, i, subjectless[k]))
                break;
        if (subjectless[k]) {
            i += strlen(subjectless[k]);
            continue;
        }
        unsigned cp = audit_utf8_at(w, n, i, &adv);
        if (cp >= 0x3400 && cp <= 0x9FFF)
            return 1;
        i += adv;
    }
    return 0;
}

/* The first part of a breakdown and the share written after it: "一般公共
 * 预算支出42.35亿元，…其中民生支出34.62亿元，占比达82.7%". The whole is the
 * total of the breakdown ("占比", "占") or, when the share names it ("占参考
 * 考生的25.52%"), the earlier figure whose label holds that name; a name that
 * no figure carries ("占采购总额的") leaves the share unjudged. */
static void check_part_share(ctx *c, const figure *total, size_t first)
{
    figure *part = &c->figs[first];
    if (first + 1 >= c->n_figs || !part->usable || part->per_unit)
        return;
    figure *rate = &c->figs[first + 1];
    if (!rate->percent || !rate->usable || rate->judged ||
        !joined_by(c, part->end, rate->start, 0))
        return;
    rate->judged = 1; /* a percentage is never a total: judged once here */
    size_t n;
    const char *w = squeeze(c, rate->label, rate->start, &n);
    n = strip_linking(w, n);
    size_t from = 0;
    for (size_t k = 0; share_openers[k] && !from; k++)
        if (audit_has_prefix(w, n, 0, share_openers[k]))
            from = strlen(share_openers[k]);
    if (!from)
        return;
    for (size_t k = 0; share_endings[k]; k++)
        if (ends_with(w, n, share_endings[k]) &&
            n - strlen(share_endings[k]) >= from) {
            n -= strlen(share_endings[k]);
            break;
        }
    if (ends_with(w, n, "的") && n - strlen("的") >= from)
        n -= strlen("的");
    const figure *whole = total;
    size_t name_len = n - from;
    int generic = name_len == 0;
    for (size_t k = 0; generic_wholes[k] && !generic; k++)
        generic = name_len == strlen(generic_wholes[k]) &&
                  memcmp(w + from, generic_wholes[k], name_len) == 0;
    if (!generic) {
        /* the whole is named: find the figure that carries the name */
        c->other.len = 0;
        audit_buf_put(&c->other, w + from, name_len);
        whole = NULL;
        for (size_t k = first; k-- > 0 && first - k <= MAX_LOOKBACK;) {
            const figure *f = &c->figs[k];
            if (!rate_compatible(c, f, part) || !f->usable || f->per_unit ||
                f->change)
                continue;
            size_t m;
            const char *lw = squeeze(c, f->label, f->start, &m);
            if (audit_find_word(lw, m, c->other.ptr) != (size_t)-1) {
                whole = f;
                break;
            }
        }
        if (!whole)
            return;
    }
    if (!rate_agrees(rate, part, whole))
        report_rate(c, rate, part, whole);
}

/* How many parts of a 其中 list make a complete enumeration, or 0: the
 * writer closes it with a residual category ("小麦43.16万亩、玉米35.27万亩、
 * 大豆4.83万亩、其他谷物2.16万亩") or splits the total in two halves that
 * cover it by their names ("男党员1426名、女党员427名"). */
static size_t closing_parts(ctx *c, const parts *p)
{
    size_t n;
    for (size_t k = 0; k < p->n; k++) {
        if (p->mult[k] != 1)
            return 0;
        const figure *f = named(c, &c->figs[p->idx[k]]);
        const char *w = squeeze(c, f->label, f->start, &n);
        size_t at = audit_has_prefix(w, n, 0, "其中") ? strlen("其中") : 0;
        if (k == 0 && p->n >= 2) {
            const figure *g = named(c, &c->figs[p->idx[1]]);
            for (size_t j = 0; halves[j][0]; j++) {
                if (!audit_has_prefix(w, n, at, halves[j][0]))
                    continue;
                size_t m;
                const char *v =
                    squeeze_into(c, &c->other, g->label, g->start, &m);
                if (audit_has_prefix(v, m, 0, halves[j][1]))
                    return 2;
            }
        }
        if (k > 0)
            for (size_t j = 0; residual_words[j]; j++)
                if (audit_has_prefix(w, n, at, residual_words[j]))
                    return k + 1;
    }
    return 0;
}

/* Words that join the figures of a list, not names: "15家和68家". */
static const char *const list_joiners[] = {"以及", "和", "及", "与", "、", NULL};

/* Whether the figures of p after a 分别 marker ending at `at` each answer
 * an item written before, one figure per item ("respectively"), and are
 * no breakdown of the total: a figure with no name of its own ("总数分别
 * 达到15家和68家"), a list as long as the 、-list that ends at the total
 * ("幼儿园2所、小学3所，累计分别达到12所和20所"), or parts that count
 * another noun ("乡镇4个，分别为城关镇12个村"). */
static int respectively(ctx *c, const figure *total, const parts *p, size_t at)
{
    for (size_t k = 0; k < p->n; k++) {
        const figure *f = &c->figs[p->idx[k]];
        size_t from = f->label > at ? f->label : at, n;
        const char *w = squeeze(c, from < f->start ? from : f->start,
                                f->start, &n);
        n = strip_linking(w, n);
        size_t i = 0;
        for (int again = 1; again;) {
            again = 0;
            for (size_t j = 0; list_joiners[j]; j++)
                if (audit_has_prefix(w, n, i, list_joiners[j])) {
                    i += strlen(list_joiners[j]);
                    again = 1;
                }
        }
        for (size_t j = 0; linking_words[j] && i < n; j++)
            if (n - i == strlen(linking_words[j]) &&
                audit_has_prefix(w, n, i, linking_words[j]))
                i = n;
        if (i >= n)
            return 1; /* no name of its own */
        size_t adv;
        unsigned cp = f->end < c->st_end ? cp_at(c, f->end, &adv) : 0;
        if (cp >= 0x3400 && cp <= 0x9FFF) {
            size_t j;
            for (j = 0; list_joiners[j]; j++)
                if (audit_has_prefix(c->s, c->st_end, f->end, list_joiners[j]))
                    break;
            if (!list_joiners[j] && !audit_has_prefix(c->s, c->st_end, f->end, "等"))
                return 1; /* "12个村": another noun */
        }
    }
    size_t run = 1, t = (size_t)(total - c->figs);
    while (t > 0 && sum_compatible(c, &c->figs[t - 1], total) &&
           (joined_by(c, c->figs[t - 1].end, c->figs[t].start, 1) ||
            (c->figs[t].label <= c->figs[t - 1].end &&
             audit_has_any(c->s, c->figs[t - 1].end, c->figs[t].start,
                          list_joiners)))) {
        run++;
        t--;
    }
    return run >= 2 && run == p->n;
}

/* The breakdown after a marker at m whose first part is figure `first`. */
static void breakdown_at(ctx *c, size_t m, size_t at, size_t first,
                         size_t limit)
{
    figure *unit = &c->figs[first];
    if (unit->used || unit->change || unit->start - at > MAX_GAP ||
        unit->start >= limit)
        return;
    figure *total = marker_total(c, m, unit);
    if (!total || ((audit_has_prefix(c->s, c->st_end, m, "其中") ||
                    audit_has_prefix(c->s, c->st_end, m, "包括")) &&
                   own_subject(c, total, m)))
        return;
    check_part_share(c, total, first);
    parts p;
    if (!collect_forward(c, first, at, limit, &p) || p.n == 0)
        return;
    if (audit_has_prefix(c->s, c->st_end, m, "分别") &&
        respectively(c, total, &p, at))
        return;
    size_t closed = audit_has_prefix(c->s, c->st_end, m, "其中")
                        ? closing_parts(c, &p) : 0;
    if (closed) {
        p.n = closed;
        judge_sum(c, total, &p, SUM_EXACT);
    } else {
        judge_sum(c, total, &p, SUM_PARTIAL);
    }
}

/* 其中 / 包括 / 分别为 after the total, in one pass over the statement. */
static void sums_after_marker(ctx *c)
{
    size_t adv, first = 0;
    int depth = 0;
    for (size_t m = c->st_start; m < c->st_end; m += adv) {
        unsigned cp = cp_at(c, m, &adv);
        if (is_open_paren(cp))
            depth++;
        else if (is_close_paren(cp) && depth > 0)
            depth--;
        size_t len = marker_at(c, m);
        if (!len)
            continue;
        size_t at = m + len;
        while (first < c->n_figs && c->figs[first].start < at)
            first++;
        if (first >= c->n_figs)
            break;
        /* a marker inside a bracket ends with it: "(其中…239名)" */
        size_t limit = depth > 0 ? bracket_end(c, at, c->st_end) : c->st_end;
        breakdown_at(c, m, at, first, limit);
        /* "其中乙类传染病7种612例、丙类传染病4种694例": each measure */
        if (first + 1 < c->n_figs &&
            paired(c, first, first + 1, &c->figs[first]))
            breakdown_at(c, m, at, first + 1, limit);
    }
}

/* Up to 10 characters of a noun, and then `mark`: "1640处风险点（". */
static size_t mark_after(ctx *c, const figure *f, int colon)
{
    size_t i = f->end, adv;
    for (int chars = 0; i < c->st_end && chars <= 10; chars++) {
        unsigned cp = cp_at(c, i, &adv);
        if (colon ? (cp == 0xFF1A || cp == ':') : is_open_paren(cp))
            return i + adv;
        if (is_clause_mark(cp) || is_digit_cp(cp))
            return 0;
        i += adv;
    }
    return 0;
}

/* A bracketed or colon list right after the total. */
static void sums_enumerated(ctx *c, int colon)
{
    for (size_t t = 0; t + 1 < c->n_figs; t++) {
        figure *total = &c->figs[t];
        if (total->judged || total->used || !total->usable ||
            total->per_unit || total->change)
            continue;
        size_t open = mark_after(c, total, colon);
        if (!open)
            continue;
        size_t limit = colon ? c->st_end : bracket_end(c, open, c->st_end);
        size_t first = t + 1;
        if (c->figs[first].start >= limit)
            continue;
        if (audit_has_any(c->s, open, c->figs[first].start, breakdown_markers) ||
            span_has(c, open, c->figs[first].start, "含"))
            continue; /* 其中 is judged as such; 含 is one sub-item */
        parts p;
        figure *unit = &c->figs[first];
        if (!sum_compatible(c, unit, total) &&
            !is_multiplier(c, first, limit, total))
            continue;
        if (!collect_forward(c, first, open, limit, &p) || p.n < 2)
            continue;
        /* every figure up to the end of the list is a part */
        size_t last = p.idx[p.n - 1];
        if (last + 1 < c->n_figs && c->figs[last + 1].start < limit)
            continue;
        if (!sum_compatible(c, &c->figs[p.idx[0]], total))
            continue;
        judge_sum(c, total, &p, SUM_EXACT);
    }
}

/* A total after its parts: "…，合计金额300.64万元". */
static void sums_closing(ctx *c)
{
    for (size_t t = 0; t < c->n_figs; t++) {
        figure *total = &c->figs[t];
        if (!total->closing_cue || total->judged || total->used ||
            !total->usable || total->per_unit || total->change)
            continue;
        parts p;
        p.n = 0;
        p.annotated = 0;
        int ok = 1;
        for (size_t k = t; k-- > 0 && ok && t - k <= MAX_LOOKBACK;) {
            figure *f = &c->figs[k];
            if (!sum_compatible(c, f, total) || f->change)
                continue;
            if (f->earlier_total_cue || f->used || f->judged ||
                span_has(c, f->end, total->start, "其中") ||
                span_has(c, f->end, total->start, "包括"))
                break;
            if (!f->usable || f->per_unit || p.n == MAX_PARTS) {
                ok = 0;
                break;
            }
            p.idx[p.n] = k;
            p.mult[p.n] = 1;
            p.n++;
        }
        if (!ok || p.n < 2)
            continue;
        /* back into text order */
        for (size_t a = 0, b = p.n - 1; a < b; a++, b--) {
            size_t x = p.idx[a];
            p.idx[a] = p.idx[b];
            p.idx[b] = x;
        }
        judge_sum(c, total, &p, SUM_EXACT);
    }
}

/* "涉及该区213人，协查管控密接14人、次密接146人、…". */
static void sums_apposed(ctx *c)
{
    for (size_t t = 0; t + 2 < c->n_figs; t++) {
        figure *total = &c->figs[t];
        if (!total->total_cue || total->judged || total->used ||
            !total->usable || total->per_unit || total->change)
            continue;
        figure *first = &c->figs[t + 1];
        if (!sum_compatible(c, first, total) ||
            !joined_by(c, total->end, first->start, 0))
            continue;
        parts p;
        p.n = 0;
        p.annotated = 0;
        int ok = 1;
        for (size_t k = t + 1; k < c->n_figs && p.n < MAX_PARTS; k++) {
            figure *f = &c->figs[k];
            if (k > t + 1 && !joined_by(c, c->figs[k - 1].end, f->start, 1))
                break;
            if (!sum_compatible(c, f, total))
                break;
            if (!f->usable || f->per_unit || f->used || f->change) {
                ok = 0;
                break;
            }
            p.idx[p.n] = k;
            p.mult[p.n] = 1;
            p.n++;
        }
        if (!ok || p.n < 2)
            continue;
        judge_sum(c, total, &p, SUM_EXCEEDING);
    }
}

/* ---- change between two levels -------------------------------------- */

/* Words between the old and the new level: "由68.45万平方米下降到59.12万". */
static const char *const change_to_words[] = {
    "下降到", "下降至", "降低到", "降低至", "减少到", "减少至", "降到", "降至",
    "减到", "减至", "增加到", "增加至", "增长到", "增长至", "提高到", "提高至",
    "提升到", "提升至", "上升到", "上升至", "增到", "增至", "升到", "升至",
    NULL};
/* The change said right after the new level: "，下降15.8%". */
static const char *const change_said[] = {
    "下降", "降低", "减少", "增加", "增长", "提高", "提升", "上升", "下降了",
    "降低了", "减少了", "增加了", "增长了", "提高了", "提升了", "上升了",
    NULL};
static const char *const from_words[] = {"由", "从", NULL};
static const char *const from_false[] = {
    "由于", "理由", "自由", "由此", "缘由", "事由", "从事", "从而", "从严",
    "从业", "从来", "服从", "从中", "从未", NULL};

static int word_is_one_of(const char *w, size_t n, const char *const *words)
{
    for (size_t k = 0; words[k]; k++)
        if (n == strlen(words[k]) && memcmp(w, words[k], n) == 0)
            return 1;
    return 0;
}

/* A level's value and rounding, in percent for a percentage. */
static void level_of(const figure *f, double *v, double *d)
{
    if (f->percent) {
        *v = f->pct;
        *d = f->decimals > 0 ? pow(10, -f->decimals) / 2 : 0;
    } else {
        *v = f->value;
        *d = f->delta;
    }
}

/* Whether a change lying in [lo, hi] can be written as x with `decimals`. */
static int change_agrees(double lo, double hi, double x, int decimals)
{
    double step = pow(10, -decimals), eps = 1e-9 * (1 + fabs(x));
    if (lo < 0)
        lo = 0;
    return trunc_step(lo, step) - eps <= x && x <= round_step(hi, step) + eps;
}

/* "由上年的68.45万平方米下降到59.12万平方米，下降15.8%" (13.6%) and "由128.6%
 * 下降到116.3%，下降13.3个百分点" (12.3): the change stated right after a
 * move from one level to another, against the two levels. A percentage is
 * the change over the old level; points the difference of two percentages.
 * A change said the other way round (下降 after a rise) is not judged. */
static void check_change(ctx *c, size_t r)
{
    if (r < 2)
        return;
    const figure *x = &c->figs[r], *b = &c->figs[r - 1], *a = &c->figs[r - 2];
    int points = x->q->dim == AUDIT_DIM_POINTS;
    if (!x->usable || (!x->percent && !points) || !a->usable || !b->usable ||
        a->per_unit || b->per_unit || x->num_end <= x->num_from)
        return;
    if (points ? !(a->percent && b->percent)
               : (a->percent != b->percent ||
                  (!a->percent && !sum_compatible(c, a, b))))
        return;
    if (!a->percent && !same_shown(c, a, b))
        return;
    size_t n;
    const char *w = squeeze(c, x->label, x->start, &n);
    if (!joined_by(c, b->end, x->start, 0) || x->label <= b->end ||
        !word_is_one_of(w, n, change_said))
        return;
    int down = audit_has_prefix(w, n, 0, "下降") ||
               audit_has_prefix(w, n, 0, "降低") ||
               audit_has_prefix(w, n, 0, "减少");
    w = squeeze(c, a->end, b->start, &n);
    if (!word_is_one_of(w, n, change_to_words))
        return;
    w = squeeze(c, a->label, a->start, &n);
    size_t wl;
    if (a->label > b->start ||
        find_cue(w, n, 0, from_words, from_false, &wl) == (size_t)-1)
        return;
    double av, ad, bv, bd;
    level_of(a, &av, &ad);
    level_of(b, &bv, &bd);
    if ((bv < av) != down || av - ad <= 0 || bv == av)
        return;
    double xv = x->percent ? x->pct : x->value / x->scale;
    double diff = fabs(bv - av);
    double dlo = diff - ad - bd, dhi = diff + ad + bd;
    if (points) {
        if (change_agrees(dlo, dhi, xv, x->decimals))
            return;
    } else {
        if (change_agrees(dlo / (av + ad) * 100, dhi / (av - ad) * 100, xv,
                          x->decimals))
            return;
        if (a->percent && change_agrees(dlo, dhi, xv, x->decimals))
            return; /* points written as a percentage */
    }
    audit_buf *m = &c->msg;
    m->len = 0;
    audit_buf_putc(m, '|');
    put_written(c, m, b, a->percent ? SHOW_UNIT : SHOW_MAGNITUDE);
    audit_buf_puts(m, "−");
    put_written(c, m, a, a->percent ? SHOW_UNIT : SHOW_MAGNITUDE);
    audit_buf_putc(m, '|');
    if (!points) {
        audit_buf_putc(m, '/');
        put_written(c, m, a, a->percent ? SHOW_UNIT : SHOW_MAGNITUDE);
    }
    audit_buf_puts(m, " = ");
    put_num(m, round_step(points ? diff : diff / av * 100,
                          pow(10, -x->decimals)), x->decimals);
    audit_buf_puts(m, points ? "个百分点" : "%");
    audit_buf_puts(m, " ≠ stated ");
    put_num(m, xv, x->decimals);
    audit_buf_puts(m, points ? "个百分点" : "%");
    audit_finding_add(c->out, "rate-mismatch", AUDIT_ERROR, x->start, x->end,
                      NULL, "%s", m->ptr);
}

/* ---- statements ----------------------------------------------------- */

static int ends_with_semicolon(const ctx *c, const audit_sentence *st)
{
    if (st->end == 0)
        return 0;
    size_t p = audit_utf8_prev(c->s, st->end), adv;
    unsigned cp = audit_utf8_at(c->s, c->n, p, &adv);
    return cp == 0xFF1B || cp == ';';
}

static void check_statement(ctx *c)
{
    for (size_t k = 0; k < c->n_figs; k++) {
        check_over_100(c, &c->figs[k]);
        check_rate_mismatch(c, k);
        check_change(c, k);
    }
    sums_enumerated(c, 0);
    sums_after_marker(c);
    sums_enumerated(c, 1);
    sums_closing(c);
    sums_apposed(c);
}

void audit_checks_run(const audit_document *doc, const audit_segments *seg,
                      const audit_quantity_list *qs, audit_finding_list *out)
{
    if (!doc || !qs || !out)
        return;
    ctx c;
    memset(&c, 0, sizeof c);
    c.s = doc->clean ? doc->clean : doc->text;
    c.n = doc->len;
    c.out = out;
    check_malformed(&c, qs);
    if (!seg)
        goto done;

    size_t q = 0;
    for (size_t i = 0; i < seg->n_sentences;) {
        const audit_sentence *st = &seg->sentences[i];
        size_t j = i;
        while (j + 1 < seg->n_sentences &&
               seg->sentences[j + 1].block == st->block &&
               seg->sentences[j + 1].cell == st->cell &&
               ends_with_semicolon(&c, &seg->sentences[j]))
            j++;
        c.st_start = st->start;
        c.st_end = seg->sentences[j].end > c.n ? c.n : seg->sentences[j].end;
        while (q < qs->len && qs->items[q].start < c.st_start)
            q++;
        size_t e = q;
        while (e < qs->len && qs->items[e].start < c.st_end)
            e++;
        if (e > q) {
            c.last_base = c.chain = NULL;
            figures_build(&c, qs, q, e);
            check_statement(&c);
        }
        q = e;
        i = j + 1;
    }
    audit_checks_table_rates(doc, seg, qs, out);
    audit_checks_table_sums(doc, seg, qs, out);
done:
    free(c.figs);
    audit_buf_free(&c.word);
    audit_buf_free(&c.other);
    audit_buf_free(&c.msg);
}
