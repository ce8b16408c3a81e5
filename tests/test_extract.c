/* test_extract.c - the role of a figure: plan, achievement or neither.
 * Every row is a real sentence (or modelled on one) and the figure to look
 * at, found by the text it starts with. */
#include <check.h>

#include "check_run.h"
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "extract.h"

typedef struct role_case {
    const char *text;
    const char *figure;    /* the figure's text as written, first occurrence */
    audit_role role;
    int pending;
} role_case;

#define T AUDIT_ROLE_TARGET
#define A AUDIT_ROLE_ACTUAL
#define O AUDIT_ROLE_OTHER

static const role_case cases[] = {
    /* plan words */
    {"高质量推进“人人持证、技能河南”建设，全年完成技能培训 2.8 万人次、新增技能人才 2.28 万人(含高技能人才 9300 人)。截止目前，已成立 16 家企业评价机构。", "2.8 万人次", T, 0},
    {"高质量推进建设，全年完成技能培训 2.8 万人次、新增技能人才 2.28 万人(含高技能人才 9300 人)。截止目前，已成立 16 家企业评价机构。", "9300 人", T, 0},
    /* 全年 alone is no plan word: a year-end report says it of its results */
    {"全年发放创业担保贷款1.2亿元，扶持创业1035人。", "1.2亿元", O, 0},
    {"2021年，全县城镇新增就业5236人，完成年度目标任务的104.7%；城镇登记失业率控制在3.5%以内。截至6月底，农村劳动力转移就业2860人。", "3.5%", O, 0},
    {"积极发展农村电子商务和快递业务，年底前实现324个行政村设立村级物流综合服务站。", "324个", T, 0},
    {"对存在安全隐患的窞井设施更换改造（市定任务 478 个），加大日常养护力度。", "478 个", T, 0},
    {"新生儿两病筛查人数 2863 人，筛查率 98.59%（目标任务为 90%以上）。", "90%", T, 0},
    {"新生儿两病筛查人数 2863 人，筛查率 98.59%（目标任务为 90%以上）。", "98.59%", O, 0},
    {"宫颈癌筛查人数为 8406 人，完成全年任务 60%，乳腺癌筛查人数为 8702 人。", "8702 人", A, 0},
    /* achievement words */
    {"截至目前，智慧养老服务平台已录入老年人数 15.3 万人。", "15.3 万人", A, 0},
    {"将残疾儿童康复救助作为年度首要工作任务列入县残联年度计划，目前已实施残疾儿童康复救助 150 人。", "150 人", A, 0},
    {"青少年心理健康服务进村（社区）活动线下活动开展累计 12 场。", "12 场", A, 0},
    /* a paragraph's plan before its progress anchor */
    {"实现每个街道有 1 处综合养老服务中心，嵌入式养老床位不少于 50 张；建设社区养老服务设施 21 个。截至目前，已完成建设社区养老服务设施 10 个。", "21 个", T, 0},
    {"实现每个街道有 1 处综合养老服务中心；建设社区养老服务设施 21 个。截至目前，已完成建设社区养老服务设施 10 个。", "10 个", A, 0},
    {"对具有我省户籍的残疾儿童开展康复救助，全年救助不少于 140 人。目前已实施残疾儿童康复救助 150 人。", "140 人", T, 0},
    /* layout */
    {"5.对符合条件的特殊困难老年人家庭实施适老化改造,全年完成改造2000户。\n\n完成情况:全年对2300户特殊困难老年人家庭实施了适老化改造。", "2000户", T, 0},
    {"5.对符合条件的特殊困难老年人家庭实施适老化改造,全年完成改造2000户。\n\n完成情况:全年对2300户特殊困难老年人家庭实施了适老化改造。", "2300户", A, 0},
    {"编号\t工作任务\t工作进度\n8\t全年救助不少于140人。\t目前已实施残疾儿童康复救助150人。\n", "140人", T, 0},
    {"编号\t工作任务\t工作进度\n8\t全年救助不少于140人。\t目前已实施残疾儿童康复救助150人。\n", "150人", A, 0},
    /* a progress label inside the item's own paragraph */
    {"1.全年培训家庭医生2万人次。完成情况：全年培训家庭医生2.3万人次。\n\n完成情况:略。\n\n2.全年改造500户。\n\n完成情况:改造520户。", "2.3万人次", A, 0},
    {"1.全年培训家庭医生2万人次。完成情况：全年培训家庭医生2.3万人次。\n\n完成情况:略。\n\n2.全年改造500户。\n\n完成情况:改造520户。", "2万人次", T, 0},
    /* what a section's heading says: review or plan */
    {"一、2022年工作回顾\n\n（一）城乡面貌持续改善。新改建农村公路128公里。\n\n二、2023年工作安排\n\n着力办好十件民生实事：新改建农村公路150公里。", "128公里", A, 0},
    {"一、2022年工作回顾\n\n（一）城乡面貌持续改善。新改建农村公路128公里。\n\n二、2023年工作安排\n\n着力办好十件民生实事：新改建农村公路150公里。", "150公里", T, 0},
    /* a figure that names the plan it is measured against */
    {"完成6家乡镇卫生院提档升级，超额完成年度4家的任务。", "4家", T, 0},
    {"截至目前，已完成5项任务。", "5项", A, 0},
    {"计划新建改造供水管网200公里，更新改造水厂2座。", "2座", T, 0},
    {"完成情况：全年计划新建20个，已建成22个。", "22个", A, 0},
    {"完成情况：孕前优生健康检查目标人群覆盖率达到93.2%，婚前医学检查率68.5%。", "93.2%", A, 0},
    {"完成情况：全年新建公共充电桩1186个（年度目标为800个）。", "800个", T, 0},
    {"全年计划完成市政道路投资12亿元，实际完成投资13.6亿元。", "13.6亿元", A, 0},
    /* under way, remaining */
    {"截止目前，已经实现普通门诊费用全覆盖，恶性肿瘤门诊放化疗等 5 种试点门诊慢特病异地就医直接结算正在测试中。", "5 种", A, 1},
    {"已完成124个行政村的电商综合服务网点建设；县级物流配送中心及剩余200个村级电商综合服务网点建设项目已挂招标意向。", "200个", O, 1},
    {"已完成124个行政村的电商综合服务网点建设；县级物流配送中心及剩余200个村级电商综合服务网点建设项目已挂招标意向。", "124个", A, 0},
    /* an earlier period's figure is a baseline */
    {"随访率由上年的43.7%提升到75.5%。", "43.7%", O, 2},
    {"随访率由上年的43.7%提升到75.5%。", "75.5%", O, 0},
    {"去年同期完成120件，今年已完成150件。", "150件", A, 0},
    {"全年任务改厕300户，已完成全年任务。上年度全镇改厕完成280户。", "280户", O, 2},
    /* neither */
    {"2020年全镇一般财政预算收入2619万元。", "2619万元", O, 0},
};

static size_t find_figure(const audit_document *doc, const audit_extraction *ex,
                          const char *figure)
{
    const char *at = strstr(doc->text, figure);
    ck_assert_msg(at != NULL, "figure %s not in text", figure);
    size_t pos = (size_t)(at - doc->text);
    for (size_t q = 0; q < ex->quantities.len; q++)
        if (ex->quantities.items[q].start == pos)
            return q;
    ck_abort_msg("no quantity starts at \"%s\"", figure);
    return 0;
}

START_TEST(test_roles)
{
    const role_case *c = &cases[_i];
    audit_error err = {0};
    audit_document *doc = audit_document_from_bytes(
        "t.txt", c->text, strlen(c->text), AUDIT_ENCODING_AUTO, &err);
    ck_assert(doc != NULL);
    audit_extraction ex = {0};
    audit_extract(doc, &ex);
    size_t q = find_figure(doc, &ex, c->figure);
    ck_assert_msg(ex.quantities.items[q].role == c->role,
                  "%s in \"%s\": role %s, want %s", c->figure, c->text,
                  audit_role_name(ex.quantities.items[q].role),
                  audit_role_name(c->role));
    ck_assert_msg(ex.pending[q] == c->pending, "%s: under-way %d, want %d",
                  c->figure, ex.pending[q], c->pending);
    audit_extraction_free(&ex);
    audit_document_free(doc);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("extract");
    TCase *tc = tcase_create("roles");
    tcase_add_loop_test(tc, test_roles, 0, sizeof cases / sizeof cases[0]);
    suite_add_tcase(s, tc);
    return audit_check_run(s);
}
