/* segment.c - text -> blocks and sentences.
 *
 * In:  a decoded document (doc->text for markers such as "#", doc->clean,
 *      the markup-free twin, for everything else).
 * Out: blocks (paragraphs, headings, numbered items, table rows) and
 *      sentences, as byte spans into the text, in text order.
 *
 * Reports are laid out in a few recurring ways, and the role of a figure
 * (plan or achievement) is often given by the layout rather than by words:
 *
 *   1.持续推进…全年开展职业技能培训7万人次…        a numbered item: the plan
 *   责任单位:市人力资源和社会保障局
 *   完成情况:全年开展各类职业培训14.7万人次…       a labelled part: progress
 *
 *   编号<TAB>工作任务<TAB>责任单位<TAB>工作进度     a table header row: the
 *   1<TAB>…2.8万人次…<TAB>县人社局<TAB>…5.48万人次  columns say plan/progress
 *
 * The hard cases:
 *  - Paragraphs broken mid-sentence by a blank line ("…完成全年\n\n任务60%");
 *    a line that ends without sentence-final punctuation and is followed by
 *    ordinary text continues into the next line.
 *  - Tables whose rows are separated by blank lines, and cells wrapped in
 *    <p> tags (blanked by markup.c before we get here).
 *  - Short title lines with no punctuation ("核心提示") are headings, not
 *    the start of a paragraph that runs on.
 *
 * Sentences end at 。！？；; !? and never cross a block or a table cell.
 */
#include "segment.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "text.h"

typedef enum {
    LINE_BLANK,
    LINE_TEXT,
    LINE_HEADING,   /* "# ..", "一、..", "(一).." */
    LINE_ITEM,      /* "1.持续推进.." */
    LINE_LABEL,     /* "完成情况:.." and the like: a progress part */
    LINE_BULLET,    /* "- ..", "* ..", "• ..": a list item of its own */
    LINE_ROW        /* tab-separated or pipe table row */
} line_kind;

typedef struct line {
    size_t start, end;  /* content, without the line end */
    size_t first;       /* first non-blank byte */
    size_t last;        /* one past the last non-blank byte */
    line_kind kind;
} line;

/* Words that open a progress part: "完成情况:", "工作进度：" … */
static const char *const progress_labels[] = {
    "完成情况", "工作进度", "进展情况", "推进情况", "落实情况", "完成进度",
    "工作进展", "进度情况", "实施情况", "工作完成情况", NULL};

/* Headings that say what their section holds: a review of the year, or
 * the plan for the next. */
static const char *const review_heading_words[] = {
    "工作回顾", "过去一年", "过去五年", "完成情况", "工作成效", "主要成效",
    "主要成绩", "进展情况", "取得成效", "工作总结", "进度情况", "开展情况",
    "实施情况", "执行情况", "落实情况", NULL};
static const char *const plan_heading_words[] = {
    "工作安排", "工作打算", "预期目标", "主要目标", "工作计划", "下一步",
    "工作思路", "目标任务", "主要任务", "重点任务", NULL};

/* Header cells of a progress column, checked before the plan words. */
static const char *const progress_header_words[] = {
    "进度", "完成情况", "进展", "完成", "实际", "落实情况", NULL};
static const char *const plan_header_words[] = {
    "任务", "目标", "计划", "内容", NULL};

static int is_chinese_digit(unsigned cp)
{
    static const unsigned digits[] = {0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
                                      0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341,
                                      0x96F6, 0x3007, 0x4E24};
    for (size_t i = 0; i < sizeof digits / sizeof digits[0]; i++)
        if (cp == digits[i])
            return 1;
    return 0;
}

static int is_digit_cp(unsigned cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

/* Sentence-final punctuation: 。！？；; ! ? and the full-width stops. */
static int is_terminal(unsigned cp)
{
    /* not the full-width full stop U+FF0E: full-width figures use it as
     * their decimal point ("１２．５％") */
    return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF1B ||
           cp == ';' || cp == '!' || cp == '?';
}

/* A line end that closes a paragraph: terminal punctuation or a colon,
 * possibly followed by closing quotes or brackets. */
static int ends_paragraph(const char *s, size_t start, size_t last)
{
    size_t i = last;
    while (i > start) {
        size_t p = audit_utf8_prev(s, i), adv;
        unsigned cp = audit_utf8_at(s, last, p, &adv);
        if (cp == 0x201D || cp == 0x300D || cp == 0xFF09 || cp == ')' ||
            cp == 0x300B || cp == '"' || cp == 0x2019) {
            i = p;
            continue;
        }
        return is_terminal(cp) || cp == ':' || cp == 0xFF1A || cp == '.';
    }
    return 1;
}

static int is_item_start(const char *s, size_t n, size_t i)
{
    size_t adv, j = i, digits = 0;
    unsigned open = audit_utf8_at(s, n, i, &adv);
    if (open == '(' || open == 0xFF08) {
        /* "(1)", "（2）" */
        j += adv;
        while (j < n && is_digit_cp(audit_utf8_at(s, n, j, &adv))) {
            digits++;
            j += adv;
        }
        if (digits == 0 || digits > 3 || j >= n)
            return 0;
        unsigned close = audit_utf8_at(s, n, j, &adv);
        return close == ')' || close == 0xFF09;
    }
    while (j < n) {
        unsigned cp = audit_utf8_at(s, n, j, &adv);
        if (!is_digit_cp(cp))
            break;
        digits++;
        j += adv;
    }
    if (digits == 0 || digits > 3 || j >= n)
        return 0;
    unsigned cp = audit_utf8_at(s, n, j, &adv);
    if (cp != '.' && cp != 0xFF0E && cp != 0x3001)
        return 0;
    j += adv;
    if (j >= n)
        return 0;
    cp = audit_utf8_at(s, n, j, &adv);
    return !is_digit_cp(cp);
}

/* "- ", "* ", "+ " (Markdown), "• ", "· " at the start of a line. */
static int is_bullet_start(const char *s, size_t i, size_t end)
{
    size_t adv;
    if (i >= end)
        return 0;
    unsigned cp = audit_utf8_at(s, end, i, &adv);
    if (cp == 0x2022 || cp == 0x00B7 || cp == 0x25CF || cp == 0x25AA)
        return 1;
    return (cp == '-' || cp == '*' || cp == '+') && i + 1 < end &&
           s[i + 1] == ' ';
}

/* "一、", "十二、", "（一）", "(一)" at the start of a line. */
static int is_chinese_heading_start(const char *s, size_t n, size_t i)
{
    size_t adv, j = i, k = 0;
    unsigned cp = audit_utf8_at(s, n, j, &adv);
    int paren = (cp == '(' || cp == 0xFF08);
    if (paren)
        j += adv;
    while (j < n) {
        cp = audit_utf8_at(s, n, j, &adv);
        if (!is_chinese_digit(cp))
            break;
        k++;
        j += adv;
    }
    if (k == 0 || k > 3 || j >= n)
        return 0;
    cp = audit_utf8_at(s, n, j, &adv);
    if (paren)
        return cp == ')' || cp == 0xFF09;
    return cp == 0x3001;
}

static int is_label_start(const char *s, size_t n, size_t i)
{
    for (size_t k = 0; progress_labels[k]; k++) {
        if (!audit_has_prefix(s, n, i, progress_labels[k]))
            continue;
        size_t j = i + strlen(progress_labels[k]), adv;
        while (j < n) {
            unsigned cp = audit_utf8_at(s, n, j, &adv);
            if (cp == ':' || cp == 0xFF1A)
                return 1;
            if (!audit_is_space(cp))
                return 0;
            j += adv;
        }
    }
    return 0;
}

static int has_digit(const char *s, size_t start, size_t end);

/* A page number left by a print layout: digits between dashes, or
 * 第…页 and 共…页, and nothing else on the line. */
static int is_page_number(const char *s, size_t start, size_t end)
{
    int digits = 0, dashes = 0, page = 0;
    size_t adv;
    for (size_t i = start; i < end; i += adv) {
        unsigned cp = audit_utf8_at(s, end, i, &adv);
        if (is_digit_cp(cp))
            digits = 1;
        else if (cp == '-' || cp == 0x2014 || cp == 0x2013 || cp == 0xFF0D ||
                 cp == 0x2015)
            dashes = 1;
        else if (cp == 0x7B2C || cp == 0x9875 || cp == 0x5171) /* 第 页 共 */
            page = 1;
        else if (!audit_is_space(cp))
            return 0;
    }
    return digits && (dashes || page);
}

static void classify(const audit_document *doc, line *ln)
{
    const char *s = doc->clean;
    size_t n = doc->len, adv;
    ln->first = ln->start;
    while (ln->first < ln->end) {
        unsigned cp = audit_utf8_at(s, ln->end, ln->first, &adv);
        if (!audit_is_space(cp) || cp == '\t')
            break;
        ln->first += adv;
    }
    ln->last = ln->end;
    while (ln->last > ln->first) {
        size_t p = audit_utf8_prev(s, ln->last);
        unsigned cp = audit_utf8_at(s, ln->end, p, &adv);
        if (!audit_is_space(cp))
            break;
        ln->last = p;
    }
    if (ln->first >= ln->last) {
        /* a line of tabs only is still blank */
        ln->kind = LINE_BLANK;
        for (size_t i = ln->start; i < ln->end; i++)
            if (s[i] != '\t' && s[i] != ' ')
                ln->kind = LINE_TEXT;
        if (ln->kind == LINE_BLANK)
            return;
    }
    if (is_page_number(s, ln->first, ln->last)) {
        ln->kind = LINE_BLANK; /* "— 2 —", "-3-", "第2页 共10页" */
        return;
    }
    if (memchr(s + ln->start, '\t', ln->end - ln->start)) {
        ln->kind = LINE_ROW;
        return;
    }
    if (s[ln->first] == '|' && memchr(s + ln->first + 1, '|',
                                       ln->last - ln->first - 1)) {
        ln->kind = LINE_ROW;
        return;
    }
    /* Markdown headings are blanked in clean; look at the text itself. */
    size_t t = ln->start;
    while (t < ln->end && (doc->text[t] == ' ' || doc->text[t] == '\t'))
        t++;
    if (t < ln->end && doc->text[t] == '#') {
        ln->kind = LINE_HEADING;
        return;
    }
    if (is_chinese_heading_start(s, n, ln->first)) {
        /* "一、开展职业技能培训。" is a heading; "一、新建改扩建中小学和幼儿
         * 园。全年新建改扩建中小学12所…" and "（十一）…接入停车泊位两万个"
         * (figures, or a long line) state an item's plan */
        size_t chars = audit_utf8_count(s + ln->first, ln->last - ln->first);
        ln->kind = (has_digit(s, ln->first, ln->last) && chars > 20) ||
                           chars > 30
                       ? LINE_ITEM
                       : LINE_HEADING;
        return;
    }
    if (is_bullet_start(s, ln->first, ln->last)) {
        ln->kind = LINE_BULLET;
        return;
    }
    if (is_item_start(s, n, ln->first)) {
        ln->kind = LINE_ITEM;
        return;
    }
    if (is_label_start(s, n, ln->first)) {
        ln->kind = LINE_LABEL;
        return;
    }
    ln->kind = LINE_TEXT;
}

static size_t add_block(audit_segments *seg, size_t start, size_t end,
                        audit_block_kind kind, audit_role role)
{
    seg->blocks = audit_xgrow(seg->blocks, &seg->cap_blocks,
                              seg->n_blocks + 1, sizeof *seg->blocks);
    audit_block *b = &seg->blocks[seg->n_blocks];
    b->start = start;
    b->end = end;
    b->kind = kind;
    b->role = role;
    b->section = seg->n_blocks;
    b->header = (size_t)-1;
    b->unit_cell = -1;
    b->section_role = AUDIT_ROLE_OTHER;
    return seg->n_blocks++;
}

static void add_sentence(audit_segments *seg, const char *s, size_t start,
                         size_t end, size_t block, int cell, audit_role role)
{
    size_t adv;
    /* trim blanks on both sides */
    while (start < end) {
        unsigned cp = audit_utf8_at(s, end, start, &adv);
        if (!audit_is_space(cp))
            break;
        start += adv;
    }
    while (end > start) {
        size_t p = audit_utf8_prev(s, end);
        unsigned cp = audit_utf8_at(s, end, p, &adv);
        if (!audit_is_space(cp))
            break;
        end = p;
    }
    if (start >= end)
        return;
    seg->sentences = audit_xgrow(seg->sentences, &seg->cap_sentences,
                                 seg->n_sentences + 1, sizeof *seg->sentences);
    audit_sentence *st = &seg->sentences[seg->n_sentences++];
    st->start = start;
    st->end = end;
    st->block = block;
    st->cell = cell;
    st->role = role;
}

/* Splits s[start..end) into sentences at terminal punctuation. */
static void split_sentences(audit_segments *seg, const char *s, size_t start,
                            size_t end, size_t block, int cell,
                            audit_role role)
{
    size_t i = start, from = start, adv;
    while (i < end) {
        unsigned cp = audit_utf8_at(s, end, i, &adv);
        i += adv;
        if (is_terminal(cp)) {
            add_sentence(seg, s, from, i, block, cell, role);
            from = i;
        }
    }
    add_sentence(seg, s, from, end, block, cell, role);
}

static audit_role header_role(const char *s, size_t start, size_t end)
{
    for (size_t k = 0; progress_header_words[k]; k++)
        if (audit_find_word(s + start, end - start,
                            progress_header_words[k]) != (size_t)-1)
            return AUDIT_ROLE_ACTUAL;
    for (size_t k = 0; plan_header_words[k]; k++)
        if (audit_find_word(s + start, end - start, plan_header_words[k]) !=
            (size_t)-1)
            return AUDIT_ROLE_TARGET;
    return AUDIT_ROLE_OTHER;
}

static int has_colon(const char *s, size_t start, size_t end)
{
    size_t adv;
    for (size_t i = start; i < end; i += adv) {
        unsigned cp = audit_utf8_at(s, end, i, &adv);
        if (cp == ':' || cp == 0xFF1A)
            return 1;
    }
    return 0;
}

static int has_digit(const char *s, size_t start, size_t end)
{
    size_t adv;
    for (size_t i = start; i < end; i += adv)
        if (is_digit_cp(audit_utf8_at(s, end, i, &adv)))
            return 1;
    return 0;
}

/* A Markdown table rule: only | - : and blanks. */
static int is_pipe_rule(const char *s, size_t start, size_t end)
{
    int dash = 0;
    for (size_t i = start; i < end; i++) {
        if (s[i] == '-')
            dash = 1;
        else if (s[i] != '|' && s[i] != ':' && s[i] != ' ' && s[i] != '\t')
            return 0;
    }
    return dash;
}

#define MAX_COLUMNS 64
#define ROW_LINES 200 /* lines a quoted cell may span */

typedef struct table_state {
    int active;
    size_t header;                   /* block of the header row, or -1 */
    audit_role columns[MAX_COLUMNS];
} table_state;

/* Words of a header cell: "序号", "年度目标任务", "截至6月底完成情况". */
static const char *const header_words[] = {
    "序号", "编号", "项目", "名称", "任务", "目标", "计划", "完成", "进度",
    "情况", "单位", "内容", "指标", "进展", NULL};

/* The column of a header row named 单位 or 计量单位 (not 责任单位), or -1. */
static int unit_column(const char *s, size_t cells[][2], size_t n_cells)
{
    for (size_t c = 0; c < n_cells; c++) {
        size_t a = cells[c][0], e = cells[c][1];
        while (a < e && (s[a] == ' ' || s[a] == '\t'))
            a++;
        while (e > a && (s[e - 1] == ' ' || s[e - 1] == '\t'))
            e--;
        if ((e - a == strlen("单位") && !memcmp(s + a, "单位", e - a)) ||
            (e - a == strlen("计量单位") && !memcmp(s + a, "计量单位", e - a)))
            return (int)c;
    }
    return -1;
}

/* A header row: no digit at all, or, as the first row of a table, short
 * cells of which one at least holds a header word (a header may name a
 * date: "截至6月底完成情况"). */
static int is_header_row(const char *s, size_t cells[][2], size_t n_cells,
                         int first)
{
    int digits = 0, words = 0;
    for (size_t c = 0; c < n_cells; c++) {
        size_t a = cells[c][0], e = cells[c][1];
        digits |= has_digit(s, a, e);
        /* measured without the blanks left by <td width="6%"> */
        while (a < e && (s[a] == ' ' || s[a] == '\t'))
            a++;
        while (e > a && (s[e - 1] == ' ' || s[e - 1] == '\t'))
            e--;
        if (audit_utf8_count(s + a, e - a) > 24)
            return 0;
        for (size_t k = 0; header_words[k]; k++)
            if (audit_find_word(s + a, e - a, header_words[k]) != (size_t)-1)
                words = 1;
    }
    return !digits || (first && words);
}

/* The last line of the tab-separated row that starts on line i: itself,
 * unless a cell opens a quote that closes on a later line. An unclosed
 * quote is no quote: the row is its own line. */
static size_t row_extent(const char *s, const line *lines, size_t n_lines,
                         size_t i)
{
    int quoted = 0;
    for (size_t j = i; j < n_lines; j++) {
        size_t cell = lines[j].start;
        for (size_t k = lines[j].start; k < lines[j].end; k++) {
            if (s[k] == '\t' && !quoted) {
                cell = k + 1;
            } else if (s[k] == '"') {
                if (!quoted && k == cell)
                    quoted = 1;
                else if (quoted && k + 1 < lines[j].end && s[k + 1] == '"')
                    k++;
                else if (quoted)
                    quoted = 0;
            }
        }
        if (!quoted)
            return j;
        if (j - i > ROW_LINES)
            break;
    }
    return i;
}

static void add_row(audit_segments *seg, const char *s, const line *ln,
                    table_state *table, size_t section)
{
    char sep = memchr(s + ln->start, '\t', ln->end - ln->start) ? '\t' : '|';
    size_t cells[MAX_COLUMNS + 1][2], n_cells = 0, from = ln->start;
    int quoted = 0;
    for (size_t i = ln->start; i <= ln->end; i++) {
        if (i < ln->end && s[i] == '"' && sep == '\t') {
            /* a quoted cell may hold tabs and line breaks */
            if (!quoted && i == from)
                quoted = 1;
            else if (quoted && i + 1 < ln->end && s[i + 1] == '"')
                i++; /* "" inside a quoted cell */
            else if (quoted)
                quoted = 0;
            continue;
        }
        if (i == ln->end || (s[i] == sep && !quoted)) {
            if (n_cells < MAX_COLUMNS) {
                cells[n_cells][0] = from;
                cells[n_cells][1] = i;
                n_cells++;
            }
            from = i + 1;
        }
    }
    if (sep == '|' && is_pipe_rule(s, ln->start, ln->end))
        return; /* |---|:--:| under a Markdown header: no content */
    int header = is_header_row(s, cells, n_cells, !table->active);
    if (header) {
        /* its words give the role of each column */
        memset(table->columns, 0, sizeof table->columns);
        for (size_t c = 0; c < n_cells; c++)
            table->columns[c] = header_role(s, cells[c][0], cells[c][1]);
        table->header = seg->n_blocks;
    } else if (!table->active) {
        memset(table->columns, 0, sizeof table->columns);
        table->header = (size_t)-1;
    }
    table->active = 1;
    size_t b = add_block(seg, ln->start, ln->end, AUDIT_BLOCK_ROW,
                         AUDIT_ROLE_OTHER);
    seg->blocks[b].section = section;
    if (!header)
        seg->blocks[b].header = table->header;
    else
        seg->blocks[b].unit_cell = unit_column(s, cells, n_cells);
    for (size_t c = 0; c < n_cells; c++)
        split_sentences(seg, s, cells[c][0], cells[c][1], b, (int)c,
                        table->columns[c]);
}

/* A numbered item whose section holds a progress part is the plan, and
 * so is every paragraph of the section before that part:
 *
 *   一、扩大城镇就业                      heading
 *   城镇新增就业4.5万人。                  plan
 *   完成情况：全年城镇新增就业5.12万人。   progress
 *
 * When most numbered items of the report are laid out that way, the other
 * items are plan too: an item whose progress part is missing (a truncated
 * report) still states a plan, not an achievement. */
static void mark_plan_items(audit_segments *seg, const int *labelled)
{
    size_t items = 0, plans = 0;
    for (size_t i = 0; i < seg->n_blocks; i++) {
        audit_block *b = &seg->blocks[i];
        if (b->kind != AUDIT_BLOCK_ITEM && b->kind != AUDIT_BLOCK_HEADING)
            continue;
        if (b->kind == AUDIT_BLOCK_ITEM)
            items++;
        size_t label = 0;
        for (size_t j = i + 1; j < seg->n_blocks && !label; j++) {
            audit_block_kind k = seg->blocks[j].kind;
            if (k == AUDIT_BLOCK_ITEM || k == AUDIT_BLOCK_HEADING)
                break;
            if (labelled[j])
                label = j;
        }
        if (!label)
            continue;
        /* a heading that states figures ("（十一）建设智慧停车平台，接入
         * 停车泊位两万个。") is the plan of its section too */
        b->role = AUDIT_ROLE_TARGET;
        if (b->kind == AUDIT_BLOCK_ITEM)
            plans++;
        for (size_t j = i + 1; j < label; j++)
            if (seg->blocks[j].kind == AUDIT_BLOCK_PARAGRAPH &&
                seg->blocks[j].role == AUDIT_ROLE_OTHER)
                seg->blocks[j].role = AUDIT_ROLE_TARGET;
    }
    if (plans < 2 || plans * 2 < items)
        return;
    for (size_t i = 0; i < seg->n_blocks; i++)
        if (seg->blocks[i].kind == AUDIT_BLOCK_ITEM)
            seg->blocks[i].role = AUDIT_ROLE_TARGET;
}

/* The level of a heading: the number of # of a Markdown heading, 1 for
 * "一、", 2 for "（一）", 3 for a numbered item, 4 for a short title. */
static int heading_level(const audit_document *doc, const audit_block *b)
{
    if (b->kind == AUDIT_BLOCK_ITEM)
        return 3;
    size_t i = b->start;
    while (i > 0 && doc->text[i - 1] != '\n' && doc->text[i - 1] != '\r')
        i--;
    while (i < b->end && (doc->text[i] == ' ' || doc->text[i] == '\t'))
        i++;
    int hashes = 0;
    while (i < b->end && doc->text[i] == '#' && hashes < 6) {
        hashes++;
        i++;
    }
    if (hashes)
        return hashes;
    size_t adv;
    unsigned cp = audit_utf8_at(doc->clean, b->end, b->start, &adv);
    if (cp == '(' || cp == 0xFF08)
        return 2;
    if (is_chinese_digit(cp))
        return 1;
    return 4;
}

/* The end of a heading's title: its first 。 or ：, or the block's end. */
static size_t title_end(const char *s, size_t start, size_t end)
{
    size_t adv;
    for (size_t i = start; i < end; i += adv) {
        unsigned cp = audit_utf8_at(s, end, i, &adv);
        if (cp == 0x3002 || cp == 0xFF1A || cp == ':')
            return i;
    }
    return end;
}

/* Hands each block the role its headings give its section. A heading
 * without role words takes its parent's. */
static void mark_sections(const audit_document *doc, audit_segments *seg)
{
    audit_role at_level[8] = {AUDIT_ROLE_OTHER};
    int depth = 0;
    for (size_t i = 0; i < seg->n_blocks; i++) {
        audit_block *b = &seg->blocks[i];
        if (b->kind == AUDIT_BLOCK_HEADING || b->kind == AUDIT_BLOCK_ITEM) {
            int level = heading_level(doc, b);
            /* the title only: "（三）爱国卫生运动深入开展。一是…超额完成
             * 目标任务" names no plan section */
            size_t title = title_end(doc->clean, b->start, b->end);
            audit_role own = AUDIT_ROLE_OTHER;
            for (size_t k = 0; review_heading_words[k]; k++)
                if (audit_find_word(doc->clean + b->start, title - b->start,
                                    review_heading_words[k]) != (size_t)-1)
                    own = AUDIT_ROLE_ACTUAL;
            for (size_t k = 0; plan_heading_words[k]; k++)
                if (audit_find_word(doc->clean + b->start, title - b->start,
                                    plan_heading_words[k]) != (size_t)-1)
                    own = AUDIT_ROLE_TARGET;
            audit_role parent = AUDIT_ROLE_OTHER;
            for (int l = level - 1; l >= 0 && parent == AUDIT_ROLE_OTHER; l--)
                if (l <= depth)
                    parent = at_level[l];
            for (int l = level; l < 8; l++)
                at_level[l] = AUDIT_ROLE_OTHER;
            at_level[level] = own != AUDIT_ROLE_OTHER ? own : parent;
            depth = level;
        }
        audit_role role = AUDIT_ROLE_OTHER;
        for (int l = depth; l >= 0 && role == AUDIT_ROLE_OTHER; l--)
            role = at_level[l];
        b->section_role = role;
    }
}

void audit_segment(const audit_document *doc, audit_segments *seg)
{
    const char *s = doc->clean;
    size_t n = doc->len;
    line *lines = NULL;
    size_t n_lines = 0, cap_lines = 0;

    for (size_t i = 0; i <= n;) {
        size_t e = i;
        while (e < n && s[e] != '\n' && s[e] != '\r')
            e++;
        lines = audit_xgrow(lines, &cap_lines, n_lines + 1, sizeof *lines);
        line *ln = &lines[n_lines++];
        ln->start = i;
        ln->end = e;
        classify(doc, ln);
        if (e >= n)
            break;
        i = e + ((s[e] == '\r' && e + 1 < n && s[e + 1] == '\n') ? 2 : 1);
    }

    int *labelled = NULL;
    size_t cap_labelled = 0;
    table_state table = {0};
    audit_role list_role = AUDIT_ROLE_OTHER;
    size_t section = 0;
    for (size_t i = 0; i < n_lines; i++) {
        line *ln = &lines[i];
        if (ln->kind == LINE_BLANK)
            continue;
        if (ln->kind == LINE_ROW) {
            /* a row whose quoted cell spans lines (a spreadsheet export:
             * 1<TAB>"第一段\n第二段"<TAB>…) runs on to the closing quote */
            size_t last = row_extent(s, lines, n_lines, i);
            line row = *ln;
            row.end = lines[last].end;
            add_row(seg, s, &row, &table, section);
            i = last;
            continue;
        }
        table.active = 0;
        /* Join the lines of a paragraph broken mid-sentence. */
        size_t last_line = i;
        while (1) {
            line *cur = &lines[last_line];
            if (cur->kind == LINE_HEADING || cur->kind == LINE_BULLET ||
                ends_paragraph(s, cur->first, cur->last) ||
                audit_utf8_count(s + cur->first, cur->last - cur->first) < 20)
                break;
            size_t j = last_line + 1;
            while (j < n_lines && lines[j].kind == LINE_BLANK)
                j++;
            if (j >= n_lines || lines[j].kind != LINE_TEXT)
                break;
            last_line = j;
        }
        audit_block_kind kind = AUDIT_BLOCK_PARAGRAPH;
        audit_role role = AUDIT_ROLE_OTHER;
        if (ln->kind == LINE_HEADING)
            kind = AUDIT_BLOCK_HEADING;
        else if (ln->kind == LINE_ITEM)
            kind = AUDIT_BLOCK_ITEM;
        else if (ln->kind == LINE_LABEL)
            role = AUDIT_ROLE_ACTUAL;
        else if (ln->kind == LINE_BULLET)
            role = list_role; /* "完成情况：" then "- 新增就业3.75万人" */
        list_role = ln->kind == LINE_LABEL || ln->kind == LINE_BULLET
                        ? role
                        : AUDIT_ROLE_OTHER;
        /* A short line with no punctuation at its end stands alone: a title
         * ("核心提示"), unless it is a "责任单位:…" style field. */
        if (kind == AUDIT_BLOCK_PARAGRAPH && last_line == i &&
            ln->kind == LINE_TEXT && !ends_paragraph(s, ln->first, ln->last) &&
            !has_colon(s, ln->first, ln->last) &&
            audit_utf8_count(s + ln->first, ln->last - ln->first) < 20)
            kind = AUDIT_BLOCK_HEADING;
        size_t b = add_block(seg, ln->first, lines[last_line].last, kind, role);
        split_sentences(seg, s, ln->first, lines[last_line].last, b, -1, role);
        labelled = audit_xgrow(labelled, &cap_labelled, b + 1, sizeof *labelled);
        labelled[b] = ln->kind == LINE_LABEL;
        if (kind == AUDIT_BLOCK_HEADING || kind == AUDIT_BLOCK_ITEM)
            section = b;
        seg->blocks[b].section = section;
        i = last_line;
    }
    labelled = audit_xgrow(labelled, &cap_labelled, seg->n_blocks + 1,
                           sizeof *labelled);
    for (size_t b = 0; b < seg->n_blocks; b++)
        if (seg->blocks[b].kind == AUDIT_BLOCK_ROW)
            labelled[b] = 0;
    mark_plan_items(seg, labelled);
    mark_sections(doc, seg);
    for (size_t k = 0; k < seg->n_sentences; k++)
        if (seg->sentences[k].cell < 0)
            seg->sentences[k].role = seg->blocks[seg->sentences[k].block].role;
    free(labelled);
    free(lines);
}

const char *const audit_completion_words[] = {
    "完成率", "完成比例", "完成进度", "完成百分比", NULL};

size_t audit_segments_sentence_from(const audit_segments *seg, size_t pos)
{
    size_t lo = 0, hi = seg->n_sentences;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (seg->sentences[mid].start < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int audit_segments_header_has(const audit_segments *seg, const char *text,
                              size_t header, int cell,
                              const char *const *words)
{
    if (header >= seg->n_blocks)
        return 0;
    for (size_t k = audit_segments_sentence_from(seg, seg->blocks[header].start);
         k < seg->n_sentences && seg->sentences[k].block == header; k++) {
        const audit_sentence *st = &seg->sentences[k];
        if (st->cell != cell)
            continue;
        for (size_t w = 0; words[w]; w++)
            if (audit_find_word(text + st->start, st->end - st->start,
                                words[w]) != (size_t)-1)
                return 1;
    }
    return 0;
}

void audit_segments_free(audit_segments *seg)
{
    if (!seg)
        return;
    free(seg->blocks);
    free(seg->sentences);
    memset(seg, 0, sizeof *seg);
}
