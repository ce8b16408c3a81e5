/* test_targetexpr.c - target expressions (SPEC section 2), table-driven.
 *
 * target_cases: expressions that parse, with the operator, the normalised
 * value and the canonical unit. bad_targets: expressions that must be
 * rejected, with the reason given.
 */
#include <check.h>

#include "check_run.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"

typedef struct target_case {
    const char *text;
    audit_op op;
    double value;
    const char *unit; /* canonical, NULL for none */
} target_case;

static const target_case target_cases[] = {
    /* at least (the default) */
    {"≥ 2.8万人次", AUDIT_OP_GE, 28000, "人次"},
    {"≥2.8万人次", AUDIT_OP_GE, 28000, "人次"},
    {">= 28000人次", AUDIT_OP_GE, 28000, "人次"},
    {"不少于2.8万人次", AUDIT_OP_GE, 28000, "人次"},
    {"不低于1.3倍", AUDIT_OP_GE, 1.3, "倍"},
    {"2.8万人次以上", AUDIT_OP_GE, 28000, "人次"},
    {"2.8万人次 以上", AUDIT_OP_GE, 28000, "人次"},
    {"达到2.8万人次", AUDIT_OP_GE, 28000, "人次"},
    {"突破2.8万人次", AUDIT_OP_GE, 28000, "人次"},
    {"2.8万人次", AUDIT_OP_GE, 28000, "人次"},
    {"不少于3万人以上", AUDIT_OP_GE, 30000, "人"},
    {"≥ 2000户", AUDIT_OP_GE, 2000, "户"},
    {"≥ 60%", AUDIT_OP_GE, 60, "%"},
    {"60%以上", AUDIT_OP_GE, 60, "%"},
    {"百分之六十", AUDIT_OP_GE, 60, "%"},
    {"不少于140人", AUDIT_OP_GE, 140, "人"},
    {"16.38万户", AUDIT_OP_GE, 163800, "户"},
    {"42.37万平方米", AUDIT_OP_GE, 423700, "平方米"},
    {"3亿元", AUDIT_OP_GE, 3e8, "元"},
    {"130千米", AUDIT_OP_GE, 130, "公里"},
    {"突破26万", AUDIT_OP_GE, 260000, NULL},
    {"≥ 2022", AUDIT_OP_GE, 2022, NULL},
    {"  ≥ 90场次  ", AUDIT_OP_GE, 90, "个"},
    {"≧ 5项", AUDIT_OP_GE, 5, "个"},
    {"至少两条", AUDIT_OP_GE, 2, "个"},
    {"30公里及以上", AUDIT_OP_GE, 30, "公里"},
    {"≥ 440元/人月", AUDIT_OP_GE, 440, "元/人月"},
    {"≥ 3个百分点", AUDIT_OP_GE, 3, "个百分点"},
    /* more than */
    {"> 450人次", AUDIT_OP_GT, 450, "人次"},
    {"＞450人次", AUDIT_OP_GT, 450, "人次"},
    {"超过450人次", AUDIT_OP_GT, 450, "人次"},
    {"超450人次", AUDIT_OP_GT, 450, "人次"},
    {"超过 450 人次以上", AUDIT_OP_GT, 450, "人次"},
    {"超62项", AUDIT_OP_GT, 62, "个"},
    /* at most */
    {"≤ 4.3%", AUDIT_OP_LE, 4.3, "%"},
    {"<= 4.3%", AUDIT_OP_LE, 4.3, "%"},
    {"不超过4.3%", AUDIT_OP_LE, 4.3, "%"},
    {"不高于4.3%", AUDIT_OP_LE, 4.3, "%"},
    {"控制在4.3%以内", AUDIT_OP_LE, 4.3, "%"},
    {"控制在4.3%", AUDIT_OP_LE, 4.3, "%"},
    {"4.3%以下", AUDIT_OP_LE, 4.3, "%"},
    {"4.3%以内", AUDIT_OP_LE, 4.3, "%"},
    {"≤ 5天", AUDIT_OP_LE, 5, "天"},
    /* less than */
    {"< 5%", AUDIT_OP_LT, 5, "%"},
    {"＜5%", AUDIT_OP_LT, 5, "%"},
    {"低于5%", AUDIT_OP_LT, 5, "%"},
    {"低于千分之五", AUDIT_OP_LT, 0.5, "%"},
    /* exactly */
    {"= 3757套", AUDIT_OP_EQ, 3757, "个"},
    {"== 3757套", AUDIT_OP_EQ, 3757, "个"},
    {"＝3757套", AUDIT_OP_EQ, 3757, "个"},
    {"=0", AUDIT_OP_EQ, 0, NULL},
};

static int close_to(double a, double b)
{
    return fabs(a - b) <= 1e-9 * (fabs(b) > 1 ? fabs(b) : 1);
}

START_TEST(test_target_case)
{
    const target_case *c = &target_cases[_i];
    audit_target_expr expr;
    const char *why = "unset";
    size_t start = 0, end = strlen(c->text);

    ck_assert_msg(audit_target_expr_parse(c->text, strlen(c->text), &expr, &why) == 0,
                  "\"%s\": %s", c->text, why);
    ck_assert_ptr_null(why);
    ck_assert_msg(expr.op == c->op, "%s: op %s", c->text, audit_op_symbol(expr.op));
    ck_assert_msg(close_to(expr.quantity.value, c->value), "%s: value %.10g",
                  c->text, expr.quantity.value);
    if (c->unit)
        ck_assert_str_eq(expr.quantity.unit, c->unit);
    else
        ck_assert_ptr_null(expr.quantity.unit);
    ck_assert(!expr.quantity.range && !expr.quantity.malformed);

    /* the text is kept as written, without the white space around it */
    while (c->text[start] == ' ')
        start++;
    while (end > start && c->text[end - 1] == ' ')
        end--;
    ck_assert_uint_eq(strlen(expr.text), end - start);
    ck_assert(memcmp(expr.text, c->text + start, end - start) == 0);
    /* the quantity's span lies inside the expression */
    ck_assert(expr.quantity.start < expr.quantity.end);
    ck_assert(expr.quantity.end <= strlen(c->text));
    free(expr.text);
}
END_TEST

typedef struct bad_target {
    const char *text;
    const char *why;
} bad_target;

static const bad_target bad_targets[] = {
    {"", "empty target expression"},
    {"   ", "empty target expression"},
    {"≥", "expected a quantity after the operator"},
    {"不少于", "expected a quantity after the operator"},
    {"≥ abc", "expected a quantity after the operator"},
    {"> > 5", "expected a quantity after the operator"},
    {"abc", "expected a quantity"},
    {"以上", "expected a quantity"},
    {"万人", "expected a quantity"},
    {"2022年", "expected a quantity"},
    {"≥ 60%人口", "trailing text after the quantity"},
    {"3万人 5万人", "trailing text after the quantity"},
    {"≤ 5%以上", "conflicting operator words"},
    {"> 5%以内", "conflicting operator words"},
    {"5%以上以内", "conflicting operator words"},
    {"≥ 3-5万人", "a range is not a target"},
    {"≥ 75.51.63%", "malformed number"},
    {"60%%", "malformed number"},
    {"≥ 12.%", "malformed number"},
};

START_TEST(test_bad_target)
{
    const bad_target *c = &bad_targets[_i];
    audit_target_expr expr;
    const char *why = NULL;

    memset(&expr, 0, sizeof expr);
    ck_assert_int_eq(audit_target_expr_parse(c->text, strlen(c->text), &expr, &why), -1);
    ck_assert_msg(why != NULL && strcmp(why, c->why) == 0, "\"%s\": %s", c->text,
                  why ? why : "(no reason)");
    ck_assert_ptr_null(expr.text);
}
END_TEST

/* A 10,000-digit number neither crashes nor hangs, and is rejected. */
START_TEST(test_huge_number)
{
    size_t n = 10000;
    char *s = malloc(n + 16);
    audit_target_expr expr;
    const char *why = NULL;

    memcpy(s, "≥ ", strlen("≥ "));
    memset(s + strlen("≥ "), '9', n);
    memcpy(s + strlen("≥ ") + n, "人", strlen("人"));
    ck_assert_int_eq(audit_target_expr_parse(s, strlen("≥ ") + n + strlen("人"), &expr, &why), -1);
    ck_assert_str_eq(why, "number out of range");
    ck_assert_int_eq(audit_target_expr_parse(s, strlen("≥ ") + n, &expr, &why), -1);
    ck_assert_str_eq(why, "number out of range");
    /* and so small that it underflows: ≥ 0.000…0001 */
    memset(s + strlen("≥ "), '0', n);
    s[strlen("≥ ") + 1] = '.';
    s[strlen("≥ ") + n - 1] = '1';
    ck_assert_int_eq(audit_target_expr_parse(s, strlen("≥ ") + n, &expr, &why), -1);
    ck_assert_str_eq(why, "number out of range");
    free(s);
}
END_TEST

/* The parser reads exactly n bytes, and a NULL why is allowed. */
START_TEST(test_length_and_null_why)
{
    const char *s = "≥ 60%以上以内";
    audit_target_expr expr;

    ck_assert_int_eq(audit_target_expr_parse(s, strlen("≥ 60%"), &expr, NULL), 0);
    ck_assert_str_eq(expr.text, "≥ 60%");
    free(expr.text);
    ck_assert_int_eq(audit_target_expr_parse(s, strlen(s), &expr, NULL), -1);
}
END_TEST

START_TEST(test_op_names)
{
    static const struct {
        audit_op op;
        const char *symbol, *text;
    } ops[] = {
        {AUDIT_OP_GE, ">=", "≥"}, {AUDIT_OP_GT, ">", ">"},
        {AUDIT_OP_LE, "<=", "≤"}, {AUDIT_OP_LT, "<", "<"},
        {AUDIT_OP_EQ, "=", "="},
    };

    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        ck_assert_str_eq(audit_op_symbol(ops[i].op), ops[i].symbol);
        ck_assert_str_eq(audit_op_text(ops[i].op), ops[i].text);
    }
    ck_assert_str_eq(audit_op_symbol((audit_op)42), "?");
    ck_assert_str_eq(audit_op_text((audit_op)42), "?");
}
END_TEST

/* Every truncation of every case is handled (ASan watches). */
START_TEST(test_truncations)
{
    for (size_t i = 0; i < sizeof target_cases / sizeof target_cases[0]; i++) {
        const char *text = target_cases[i].text;
        for (size_t cut = 0; cut <= strlen(text); cut++) {
            char *copy = malloc(cut ? cut : 1);
            audit_target_expr expr;
            const char *why = NULL;
            memcpy(copy, text, cut);
            if (audit_target_expr_parse(copy, cut, &expr, &why) == 0)
                free(expr.text);
            else
                ck_assert_ptr_nonnull(why);
            free(copy);
        }
    }
}
END_TEST

static Suite *targetexpr_suite(void)
{
    Suite *s = suite_create("targetexpr");
    TCase *tc = tcase_create("parse");

    tcase_add_loop_test(tc, test_target_case, 0,
                        (int)(sizeof target_cases / sizeof target_cases[0]));
    tcase_add_loop_test(tc, test_bad_target, 0,
                        (int)(sizeof bad_targets / sizeof bad_targets[0]));
    tcase_add_test(tc, test_huge_number);
    tcase_add_test(tc, test_length_and_null_why);
    tcase_add_test(tc, test_op_names);
    tcase_add_test(tc, test_truncations);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return audit_check_run(targetexpr_suite());
}
