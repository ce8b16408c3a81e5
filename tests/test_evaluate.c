/* test_evaluate.c - statuses from a report and one rule, through audit_run.
 * Each row is a short report modelled on real ones, one target, and the
 * status and actual value the SPEC and the acceptance notes call for. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_run.h"
#include "result.h"

typedef struct eval_case {
    const char *title;
    const char *report;
    const char *find;      /* the rule's find pattern */
    const char *target;    /* the rule's target expression */
    const char *extra;     /* more YAML lines of the target, or "" */
    audit_status status;
    double actual;         /* NAN when missing */
    const char *reason;    /* expected reason, or NULL */
} eval_case;

static const eval_case cases[] = {
    {"the figure after its keyword",
     "完成情况:全年开展各类职业培训14.7万人次,新增技能人才6.7万人。",
     "职业培训", "≥ 7万人次", "", AUDIT_EXCEEDED, 147000, NULL},
    {"a plan item is not its own actual",
     "5.全年完成改造2000户。\n\n完成情况:正在推进。\n\n6.全年建成10个站点。\n\n完成情况:建成12个站点。",
     "完成改造", "≥ 2000户", "", AUDIT_MISSING, NAN, NULL},
    {"the total, not a part after 其中",
     "截至目前，已完成改造520户，其中城区120户、乡镇400户。",
     "完成改造", "≥ 500户", "", AUDIT_EXCEEDED, 520, NULL},
    {"last year's batch is not this year's actual",
     "截至目前，2022年完成改造老旧小区480户；2023年已完成改造老旧小区300户。",
     "完成改造老旧小区", "≥ 500户", "", AUDIT_UNMET, 300, NULL},
    {"under way is no achievement",
     "截止目前，5种试点门诊慢特病异地就医直接结算正在测试中。",
     "试点门诊慢特病", "≥ 5种", "", AUDIT_MISSING, NAN, NULL},
    {"tolerance makes a recount met",
     "完成情况:全年新开工改造老旧小区53个,涉及居民3890户。",
     "涉及居民", "≥ 3889户", "        tolerance: 0.001\n", AUDIT_MET, 3890, NULL},
    {"more than: equal is unmet",
     "完成情况:开展个案咨询450人次。",
     "个案咨询", "超450人次", "", AUDIT_UNMET, 450, NULL},
    {"at most: below the bound is met",
     "完成情况:城镇登记失业率3.2%。",
     "登记失业率", "控制在4.5%以内", "", AUDIT_MET, 3.2, NULL},
    {"a completion rate that contradicts actual ÷ target",
     "截至目前，已整改病害井盖201座，更换954座。超额完成市定任务数的400%。",
     "更换", "≥ 478个", "", AUDIT_INCONSISTENT, 954, "rate-mismatch"},
    {"a completion rate that agrees",
     "截止目前，宫颈癌筛查人数为8406人，完成全年任务60%。",
     "宫颈癌筛查人数", "≥ 1.4万人", "", AUDIT_UNMET, 8406, NULL},
    {"prose and table disagree",
     "截至目前，已完成适老化改造2300户。\n\n编号\t工作任务\t工作进度\n1\t全年改造2000户。\t已完成适老化改造2200户。\n",
     "完成适老化改造", "≥ 2000户", "", AUDIT_INCONSISTENT, 2300, "conflicting-actuals"},
    {"a malformed actual",
     "完成情况:随访率由上年的43.7%提升到75.51.63%。",
     "随访率", "≥ 60%", "", AUDIT_INCONSISTENT, 75.51, "malformed-number"},
    {"the actual override",
     "10家两定机构（3家定点医院，7家定点药店）全部已实测成功。",
     "定点医院", "≥ 3家", "        actual: '(?<n>\\d+\\s*家)\\s*定点医院'\n",
     AUDIT_MET, 3, NULL},
    {"分别 gives each subject its own rate",
     "截至6月底，高血压患者规范管理18420人、糖尿病患者规范管理6135人，规范管理率分别为63.5%、60.8%。",
     "糖尿病患者规范管理", "≥ 62%", "", AUDIT_UNMET, 60.8, NULL},
    {"a keyword in an item's title covers the item",
     "1.高标准农田建设【绿灯】。年度任务3.5万亩，截至9月25日，已完成建设3.62万亩。",
     "高标准农田", "≥ 3.5万亩", "", AUDIT_EXCEEDED, 36200 * 10000.0 / 15, NULL},
    {"the keyword's own figure is under way: no other clause stands for it",
     "截至目前，已建成百姓健身房10个，社区运动场地设施4个正在施工。",
     "运动场地设施", "≥ 6个", "", AUDIT_MISSING, NAN, NULL},
    {"a 完成率 belongs to the figure next to it",
     "完成情况：建成社区养老服务中心10处，新增养老床位756张，完成率94.5%。",
     "养老服务中心", "≥ 10处", "", AUDIT_MET, 10, NULL},
    {"a keyword clause that is not yet done takes no other figure",
     "截至目前，3所幼儿园主体工程已封顶，新增学位尚未投入使用。",
     "学位", "≥ 1080个", "", AUDIT_MISSING, NAN, NULL},
    {"a unit-less target meets a unit-less figure",
     "目前完成注册25.9万。", "完成注册", "突破26万", "", AUDIT_UNMET, 259000, NULL},
};

/* Writes a one-target rule file and returns its path (caller frees). */
static char *write_rules(const eval_case *c)
{
    char *path = strdup("/tmp/audit-test-evaluate-XXXXXX");
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "w");
    fprintf(f, "schema: 1\nname: test\nperiod: \"2023\"\ntasks:\n  - id: T\n"
               "    title: t\n    targets:\n      - id: T.x\n"
               "        find: '%s'\n        target: '%s'\n%s",
            c->find, c->target, c->extra);
    fclose(f);
    return path;
}

START_TEST(test_statuses)
{
    const eval_case *c = &cases[_i];
    audit_error err = {0};
    char *path = write_rules(c);
    audit_ruleset *rules = audit_ruleset_new();
    ck_assert_msg(audit_ruleset_load(rules, path, &err) == 0, "%s: %s",
                  c->title, err.message);
    audit_document *doc = audit_document_from_bytes(
        "r.txt", c->report, strlen(c->report), AUDIT_ENCODING_AUTO, &err);
    ck_assert_ptr_nonnull(doc);
    audit_options opt = {1, 0};
    audit_result *res = audit_run(doc, rules, &opt, &err);
    ck_assert_ptr_nonnull(res);
    const audit_target_result *r = &res->targets[0];
    ck_assert_msg(r->status == c->status, "%s: status %s, want %s", c->title,
                  audit_status_name(r->status), audit_status_name(c->status));
    if (isnan(c->actual))
        ck_assert_msg(!r->has_actual, "%s: an actual was found", c->title);
    else
        ck_assert_msg(r->has_actual && fabs(r->actual.value - c->actual) < 1e-6,
                      "%s: actual %g, want %g", c->title,
                      r->has_actual ? r->actual.value : NAN, c->actual);
    if (c->reason)
        ck_assert_msg(r->reason && strcmp(r->reason, c->reason) == 0,
                      "%s: reason %s, want %s", c->title,
                      r->reason ? r->reason : "(none)", c->reason);
    audit_result_free(res);
    audit_document_free(doc);
    audit_ruleset_free(rules);
    unlink(path);
    free(path);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("evaluate");
    TCase *tc = tcase_create("statuses");
    tcase_add_loop_test(tc, test_statuses, 0, sizeof cases / sizeof cases[0]);
    suite_add_tcase(s, tc);
    return audit_check_run(s);
}
