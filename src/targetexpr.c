/* targetexpr.c - target expressions of the rule files (SPEC section 2).
 *
 * A target is "[operator] quantity", with the operator as a symbol or in
 * Chinese, before the quantity or after it:
 *
 *     ≥ 2.8万人次    >= 28000人次    不少于2.8万人次    2.8万人次以上    2.8万人次
 *     > 450人次      超过450人次      超450人次
 *     ≤ 4.3%         不超过4.3%       控制在4.3%以内     4.3%以下
 *     < 5%           低于5%
 *     = 3757套       == 3757套
 *
 * Without an operator a target means "at least". A word after the quantity
 * may restate the operator in front ("不少于3万人以上", "控制在4.3%以内")
 * but not contradict it ("≤ 5%以上" is an error). The quantity itself is
 * read by audit_quantity_parse, so every form of number and unit that the
 * reports use is accepted here too. A range, a malformed number or one too
 * large for a double is not a target.
 */
#include "rules.h"

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "alloc.h"

typedef struct op_word {
    const char *text;
    audit_op op;
} op_word;

/* Operators written before the quantity. Longest match wins, so ">=" is
 * not read as ">" and "不超过" not as "超过". */
static const op_word op_before[] = {
    {"≥", AUDIT_OP_GE}, {">=", AUDIT_OP_GE}, {"＞＝", AUDIT_OP_GE},
    {"≧", AUDIT_OP_GE}, {"不少于", AUDIT_OP_GE}, {"不低于", AUDIT_OP_GE},
    {"不小于", AUDIT_OP_GE}, {"大于等于", AUDIT_OP_GE},
    {"大于或等于", AUDIT_OP_GE}, {"至少", AUDIT_OP_GE},
    {"达到", AUDIT_OP_GE}, {"突破", AUDIT_OP_GE},
    {">", AUDIT_OP_GT}, {"＞", AUDIT_OP_GT}, {"超过", AUDIT_OP_GT},
    {"超", AUDIT_OP_GT}, {"大于", AUDIT_OP_GT}, {"多于", AUDIT_OP_GT},
    {"高于", AUDIT_OP_GT},
    {"≤", AUDIT_OP_LE}, {"<=", AUDIT_OP_LE}, {"＜＝", AUDIT_OP_LE},
    {"≦", AUDIT_OP_LE}, {"不超过", AUDIT_OP_LE}, {"不高于", AUDIT_OP_LE},
    {"不大于", AUDIT_OP_LE}, {"不多于", AUDIT_OP_LE},
    {"小于等于", AUDIT_OP_LE}, {"小于或等于", AUDIT_OP_LE},
    {"控制在", AUDIT_OP_LE},
    {"<", AUDIT_OP_LT}, {"＜", AUDIT_OP_LT}, {"低于", AUDIT_OP_LT},
    {"小于", AUDIT_OP_LT}, {"少于", AUDIT_OP_LT},
    {"==", AUDIT_OP_EQ}, {"=", AUDIT_OP_EQ}, {"＝", AUDIT_OP_EQ},
    {"等于", AUDIT_OP_EQ},
};

/* Operators written after the quantity: "2.8万人次以上", "4.3%以内". */
static const op_word op_after[] = {
    {"及以上", AUDIT_OP_GE}, {"或以上", AUDIT_OP_GE}, {"以上", AUDIT_OP_GE},
    {"及以下", AUDIT_OP_LE}, {"或以下", AUDIT_OP_LE}, {"以下", AUDIT_OP_LE},
    {"以内", AUDIT_OP_LE},
};

static size_t white_at(const char *s, size_t n, size_t p)
{
    const unsigned char *u = (const unsigned char *)s;

    if (p >= n)
        return 0;
    if (u[p] == ' ' || (u[p] >= '\t' && u[p] <= '\r'))
        return 1;
    if (p + 2 < n && u[p] == 0xE3 && u[p + 1] == 0x80 && u[p + 2] == 0x80)
        return 3; /* U+3000 */
    if (p + 1 < n && u[p] == 0xC2 && u[p + 1] == 0xA0)
        return 2; /* U+00A0 */
    return 0;
}

static size_t white_before(const char *s, size_t p)
{
    const unsigned char *u = (const unsigned char *)s;

    if (p >= 1 && (u[p - 1] == ' ' || (u[p - 1] >= '\t' && u[p - 1] <= '\r')))
        return 1;
    if (p >= 3 && u[p - 3] == 0xE3 && u[p - 2] == 0x80 && u[p - 1] == 0x80)
        return 3;
    if (p >= 2 && u[p - 2] == 0xC2 && u[p - 1] == 0xA0)
        return 2;
    return 0;
}

/* The longest word of the table at s[*p..end), consumed; NULL if none. */
static const op_word *word_before(const op_word *table, size_t count,
                                  const char *s, size_t *p, size_t end)
{
    const op_word *best = NULL;
    size_t best_n = 0;

    for (size_t i = 0; i < count; i++) {
        size_t k = strlen(table[i].text);
        if (k > best_n && end - *p >= k && memcmp(s + *p, table[i].text, k) == 0) {
            best = &table[i];
            best_n = k;
        }
    }
    *p += best_n;
    return best;
}

/* The longest word of the table ending at *end, consumed; NULL if none. */
static const op_word *word_after(const op_word *table, size_t count,
                                 const char *s, size_t start, size_t *end)
{
    const op_word *best = NULL;
    size_t best_n = 0;

    for (size_t i = 0; i < count; i++) {
        size_t k = strlen(table[i].text);
        if (k > best_n && *end - start >= k &&
            memcmp(s + *end - k, table[i].text, k) == 0) {
            best = &table[i];
            best_n = k;
        }
    }
    *end -= best_n;
    return best;
}

static void trim(const char *s, size_t *start, size_t *end)
{
    size_t k;

    while (*start < *end && (k = white_at(s, *end, *start)))
        *start += k;
    while (*end > *start && (k = white_before(s, *end)))
        *end -= k;
}

/* Whether a quantity starts at s[0] but does not reach n: "60%人". */
static int quantity_with_trailer(const char *s, size_t n)
{
    audit_quantity_list found = {NULL, 0, 0};
    int yes;

    audit_quantity_scan(s, n, &found);
    yes = found.len > 0 && found.items[0].start == 0 &&
          found.items[0].end < n;
    audit_quantity_list_free(&found);
    return yes;
}

/* A double holds about 308 decimal digits: the scanner marks a longer
 * number malformed; here it gets its own reason. */
static size_t longest_digit_run(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t best = 0, run = 0, p = 0;

    while (p < n) {
        if (u[p] >= '0' && u[p] <= '9') {
            run++;
            p++;
        } else if (p + 2 < n && u[p] == 0xEF && u[p + 1] == 0xBC &&
                   u[p + 2] >= 0x90 && u[p + 2] <= 0x99) {
            run++;
            p += 3;
        } else {
            run = 0;
            p++;
        }
        if (run > best)
            best = run;
    }
    return best;
}

/* Whether s[0..n) writes a digit 1-9 (ASCII or full-width). */
static int has_nonzero_digit(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= '1' && c <= '9')
            return 1;
        /* full-width １-９: EF BC 91..99 */
        if (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBC &&
            (unsigned char)s[i + 2] >= 0x91 && (unsigned char)s[i + 2] <= 0x99)
            return 1;
    }
    return 0;
}

int audit_target_expr_parse(const char *s, size_t n, audit_target_expr *expr,
                            const char **why)
{
    const char *reason = NULL;
    const op_word *before, *after;
    size_t start = 0, end = n, qstart, qend;
    audit_op op;
    audit_quantity q;

    trim(s, &start, &end);
    if (start == end) {
        reason = "empty target expression";
        goto fail;
    }

    qstart = start;
    qend = end;
    before = word_before(op_before, sizeof op_before / sizeof op_before[0], s,
                         &qstart, qend);
    after = word_after(op_after, sizeof op_after / sizeof op_after[0], s,
                       qstart, &qend);
    trim(s, &qstart, &qend);

    if (!before && !after)
        op = AUDIT_OP_GE;
    else if (!after)
        op = before->op;
    else if (!before)
        op = after->op;
    else if (after->op == AUDIT_OP_GE &&
             (before->op == AUDIT_OP_GE || before->op == AUDIT_OP_GT))
        op = before->op; /* "不少于3万人以上", "超过450人次以上" */
    else if (after->op == AUDIT_OP_LE &&
             (before->op == AUDIT_OP_LE || before->op == AUDIT_OP_LT))
        op = before->op; /* "控制在4.3%以内" */
    else {
        reason = "conflicting operator words";
        goto fail;
    }

    if (qstart == qend) {
        reason = before ? "expected a quantity after the operator"
                        : "expected a quantity";
        goto fail;
    }
    {
        size_t again = qend;
        if (word_after(op_after, sizeof op_after / sizeof op_after[0], s,
                       qstart, &again)) {
            reason = "conflicting operator words"; /* "5%以上以内" */
            goto fail;
        }
    }
    if (audit_quantity_parse(s + qstart, qend - qstart, &q) != 0) {
        if (quantity_with_trailer(s + qstart, qend - qstart))
            reason = "trailing text after the quantity";
        else if (before)
            reason = "expected a quantity after the operator";
        else
            reason = "expected a quantity";
        goto fail;
    }
    /* too large for a double, or so small that it reads as 0 although a
     * digit other than 0 is written ("≥ 0.000…0001" with 10 000 zeros) */
    if (!isfinite(q.value) || !isfinite(q.high) ||
        (q.malformed && longest_digit_run(s + qstart, qend - qstart) > 300) ||
        ((q.value == 0 || fabs(q.value) < DBL_MIN) &&
         has_nonzero_digit(s + qstart, qend - qstart))) {
        reason = "number out of range";
        goto fail;
    }
    if (q.malformed) {
        reason = "malformed number";
        goto fail;
    }
    if (q.range) {
        reason = "a range is not a target";
        goto fail;
    }

    q.start += qstart;
    q.end += qstart;
    expr->op = op;
    expr->quantity = q;
    expr->text = audit_xstrndup(s + start, end - start);
    if (why)
        *why = NULL;
    return 0;

fail:
    if (why)
        *why = reason;
    return -1;
}

const char *audit_op_symbol(audit_op op)
{
    switch (op) {
    case AUDIT_OP_GE: return ">=";
    case AUDIT_OP_GT: return ">";
    case AUDIT_OP_LE: return "<=";
    case AUDIT_OP_LT: return "<";
    case AUDIT_OP_EQ: return "=";
    }
    return "?";
}

const char *audit_op_text(audit_op op)
{
    switch (op) {
    case AUDIT_OP_GE: return "≥";
    case AUDIT_OP_GT: return ">";
    case AUDIT_OP_LE: return "≤";
    case AUDIT_OP_LT: return "<";
    case AUDIT_OP_EQ: return "=";
    }
    return "?";
}
