/* test_fold.c - traditional characters read like simplified ones. */
#include <check.h>

#include "check_run.h"
#include <stdlib.h>
#include <string.h>

#include "fold.h"

static const struct {
    const char *in, *out;
} cases[] = {
    {"全年完成改造2000戶", "全年完成改造2000户"},
    {"累計發放補貼資金1.2億元", "累计发放补贴资金1.2亿元"},
    {"新建3萬個", "新建3万个"},
    {"完成情況：", "完成情况："},
    {"工作進度", "工作进度"},
    {"計劃年底前完成目標任務", "计划年底前完成目标任务"},
    {"正在建設中", "正在建设中"},
    {"剩餘200處", "剩余200处"},
    {"舉辦培訓30場", "举办培训30场"},
    {"改造5臺", "改造5台"},
    {"簡體字不變：人次、户、万元", "简体字不变：人次、户、万元"},
    {"ASCII 123 stays", "ASCII 123 stays"},
    {"混合𠀀4字节", "混合𠀀4字节"},
};

START_TEST(test_fold)
{
    char *s = strdup(cases[_i].in);
    size_t n = strlen(s);
    audit_fold_traditional(s, n);
    ck_assert_uint_eq(strlen(s), n);
    ck_assert_str_eq(s, cases[_i].out);
    free(s);
}
END_TEST

START_TEST(test_truncated_sequence)
{
    char s[] = "\xE8\x90"; /* half of 萬 at the end */
    audit_fold_traditional(s, 2);
    ck_assert_int_eq((unsigned char)s[0], 0xE8);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("fold");
    TCase *tc = tcase_create("fold");
    tcase_add_loop_test(tc, test_fold, 0, sizeof cases / sizeof cases[0]);
    tcase_add_test(tc, test_truncated_sequence);
    suite_add_tcase(s, tc);
    return audit_check_run(s);
}
