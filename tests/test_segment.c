/* test_segment.c - blocks, roles and sentences of real report layouts. */
#include <check.h>

#include "check_run.h"
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "segment.h"

/* One layout and what the segmenter must make of it. Blocks are written as
 * a string of letters, one per block: P paragraph, H heading, I item,
 * R row; roles as a string of t (target), a (actual), o (other). */
typedef struct layout_case {
    const char *title;
    const char *text;
    const char *kinds;
    const char *roles;
    size_t sentences;
} layout_case;

static const layout_case cases[] = {
    {"numbered plan item with its 完成情况",
     "1.持续推进“人人持证、技能河南”建设,全年开展职业技能培训7万人次。\n\n"
     "责任单位:市人力资源和社会保障局\n\n"
     "完成情况:全年开展各类职业培训14.7万人次,新增技能人才6.7万人。\n",
     "IPP", "tta", 3},
    {"numbered item without a progress part stays neutral",
     "19.对全市中小学校、幼儿园在校学生免费开展青少年儿童近视防控及视力筛查3万人次以上。\n",
     "I", "o", 1},
    {"Chinese heading then paragraph",
     "一、开展职业技能培训和评价取证。\n\n"
     "高质量推进“人人持证、技能河南”建设，全年完成技能培训 2.8 万人次。截止目前，已成立 16 家企业评价机构。\n",
     "HP", "oo", 3},
    {"paragraph broken by a blank line mid-sentence is one block",
     "截止目前，免费“两癌”筛查开展情况，宫颈癌筛查人数为 8406 人，完成全年\n\n"
     "任务 60%，乳腺癌筛查人数为 8702 人，完成全年任务 62%。\n",
     "P", "o", 1},
    {"item continued on the next line",
     "13.改造提升农村寄递物流基础设施,2023年年底实现\n\n"
     "85%的行政村设立村级寄递物流服务站。\n\n"
     "完成情况:全市范围内共设立1135个村级寄递物流综合服务站,建制村覆盖率达到90.87%。\n",
     "IP", "ta", 2},
    {"short title line stands alone",
     "核心提示\n\n在示范区党工委的坚强领导下,宁郭镇全镇一般财政预算收入2619万元。\n",
     "HP", "oo", 2},
    {"markdown headings",
     "## 漯河市2023年民生实事完成情况\n\n#### (一)提升就业和社会保障水平\n",
     "HH", "oo", 2},
    {"table: header gives the column roles",
     "编号\t工作任务\t责任单位\t工作进度\n"
     "1\t全年完成技能培训2.8万人次。\t县人社局\t完成培训人数5.48万人次。\n",
     "RR", "oo", 8},
    {"table rows separated by blank lines stay in one table",
     "编号\t工作任务\t工作进度\n\n1\t改造2000户。\t已改造2300户。\n\n2\t培训31个团队。\t培训31个团队。\n",
     "RRR", "ooo", 9},
    {"sentences end at 。；; but not at a decimal point",
     "产前超声筛查人数 2088 人，筛查率 71.9%（目标任务为 60%以上）；产前血清学筛查人数 1856 人，筛查率 63.91%。\n",
     "P", "o", 2},
    {"Markdown pipe table: the rule row is no row, the header gives roles",
     "| 序号 | 目标任务 | 完成情况 |\n|---|:---|---:|\n| 1 | 改造2000户 | 已改造2300户 |\n",
     "RR", "oo", 6},
    {"Markdown bullets are items of their own, never joined or titles",
     "完成情况：全市各项民生实事推进顺利，主要指标如下，请各单位对照检查\n"
     "- 新增城镇就业3.75万人\n- 完成农村户厕改造11000户\n* 新建乐道371.83公里\n",
     "PPPP", "aaaa", 4},
    {"a quoted cell of a spreadsheet export spans lines",
     "编号\t工作任务\t工作进度\n1\t全年改造2000户。\t\"县民政局：\n已改造2300户。\n下一步继续推进。\"\n2\t培训31个团队。\t培训31个团队。\n",
     "RRR", "ooo", 11},
    {"page numbers of a print layout are no text",
     "完成情况:全年新增城镇就业3.75万人。\n\n— 2 —\n\n第3页 共10页\n",
     "P", "a", 1},
    {"CRLF line ends",
     "1.全年新增城镇就业3万人以上。\r\n\r\n完成情况:全年新增城镇就业3.75万人。\r\n",
     "IP", "ta", 2},
};

static audit_document *load(const char *text)
{
    audit_error err = {0};
    audit_document *doc =
        audit_document_from_bytes("t.txt", text, strlen(text),
                                  AUDIT_ENCODING_AUTO, &err);
    ck_assert_msg(doc != NULL, "decode failed: %s", err.message);
    return doc;
}

START_TEST(test_layouts)
{
    const layout_case *c = &cases[_i];
    audit_document *doc = load(c->text);
    audit_segments seg = {0};
    audit_segment(doc, &seg);
    char kinds[64] = {0}, roles[64] = {0};
    for (size_t b = 0; b < seg.n_blocks && b < 63; b++) {
        kinds[b] = "PHIR"[seg.blocks[b].kind];
        roles[b] = "ota"[seg.blocks[b].role];
    }
    ck_assert_msg(strcmp(kinds, c->kinds) == 0, "%s: kinds %s, want %s",
                  c->title, kinds, c->kinds);
    ck_assert_msg(strcmp(roles, c->roles) == 0, "%s: roles %s, want %s",
                  c->title, roles, c->roles);
    ck_assert_msg(seg.n_sentences == c->sentences, "%s: %zu sentences, want %zu",
                  c->title, seg.n_sentences, c->sentences);
    for (size_t k = 1; k < seg.n_sentences; k++)
        ck_assert(seg.sentences[k].start >= seg.sentences[k - 1].end);
    audit_segments_free(&seg);
    audit_document_free(doc);
}
END_TEST

/* Which columns of the second row are plan and progress. */
static const struct {
    size_t layout;
    int plan, progress;
} column_cases[] = {{7, 1, 3}, {10, 2, 3}};

START_TEST(test_table_cell_roles)
{
    audit_document *doc = load(cases[column_cases[_i].layout].text);
    audit_segments seg = {0};
    audit_segment(doc, &seg);
    int plan = 0, progress = 0;
    for (size_t k = 0; k < seg.n_sentences; k++) {
        const audit_sentence *st = &seg.sentences[k];
        if (st->block != 1)
            continue;
        if (st->cell == column_cases[_i].plan)
            plan = st->role == AUDIT_ROLE_TARGET;
        if (st->cell == column_cases[_i].progress)
            progress = st->role == AUDIT_ROLE_ACTUAL;
    }
    ck_assert_msg(plan, "the 任务 column is the plan");
    ck_assert_msg(progress, "the 进度/完成情况 column is the progress");
    audit_segments_free(&seg);
    audit_document_free(doc);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("segment");
    TCase *tc = tcase_create("layouts");
    tcase_add_loop_test(tc, test_layouts, 0, sizeof cases / sizeof cases[0]);
    tcase_add_loop_test(tc, test_table_cell_roles, 0,
                        sizeof column_cases / sizeof column_cases[0]);
    suite_add_tcase(s, tc);
    return audit_check_run(s);
}
