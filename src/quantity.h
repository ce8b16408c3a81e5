/* quantity.h - numbers, magnitudes, units and approximations.
 *
 * The one place that reads a figure as written in Chinese report text:
 * Arabic and full-width digits, decimals, thousands separators, Chinese
 * numerals (两万, 三千五百, 百分之六十), magnitudes (十 百 千 万 亿 萬 億),
 * the unit table with dimensions and canonical names, approximation words
 * (余 多 约 近 超 左右), ranges, and the things that look like numbers but are
 * not quantities (dates, ordinals, list markers, route and model names, ages
 * used as qualifiers, codes, phone numbers).
 */
#ifndef AUDIT_QUANTITY_H
#define AUDIT_QUANTITY_H

#include <stddef.h>

typedef enum {
    AUDIT_DIM_NONE = 0,    /* no unit written: "突破26万" */
    AUDIT_DIM_PERSONS,     /* 人 名 位 人次 */
    AUDIT_DIM_HOUSEHOLDS,  /* 户 */
    AUDIT_DIM_COUNT,       /* 个 座 所 处 家 条 栋 套 台 张 场 场次 次 项 件 ... */
    AUDIT_DIM_LENGTH,      /* 公里 千米 km 米 m */
    AUDIT_DIM_AREA,        /* 平方米 ㎡ m² 亩 公顷 平方公里 */
    AUDIT_DIM_MONEY,       /* 元 (万元 亿元 are magnitudes) */
    AUDIT_DIM_PERCENT,     /* % ％ 百分之 ‰ */
    AUDIT_DIM_POINTS,      /* 个百分点 */
    AUDIT_DIM_WEIGHT,      /* 吨 公斤 千克 */
    AUDIT_DIM_VOLUME,      /* 立方米 方 */
    AUDIT_DIM_TIME,        /* 天 小时 个月 */
    AUDIT_DIM_MULTIPLE,    /* 倍 */
    AUDIT_DIM_OTHER        /* a unit of no listed dimension: 例 (cases) ... */
} audit_dim;

typedef enum {
    AUDIT_ROLE_OTHER = 0,
    AUDIT_ROLE_TARGET,
    AUDIT_ROLE_ACTUAL
} audit_role;

typedef struct audit_quantity {
    size_t start, end;     /* byte span in the scanned text: number..unit */
    double value;          /* normalised: magnitude and unit factor applied */
    double high;           /* upper end of a range; == value otherwise */
    const char *unit;      /* canonical unit name (static string), or NULL */
    audit_dim dim;
    int decimals;          /* digits after the decimal point as written */
    unsigned approx : 1;   /* 约 近 余 多 超 左右 ... */
    unsigned range : 1;    /* 3-5万, 10至15个, 五六百 */
    unsigned malformed : 1;/* 75.51.63%, 12..5, 60%%: value is unreliable */
    audit_role role;       /* set by extract.c; OTHER from the scanner */
} audit_quantity;

typedef struct audit_quantity_list {
    audit_quantity *items;
    size_t len, cap;
} audit_quantity_list;

/* Scans text[0..len) (UTF-8) and appends every quantity found to out, in
 * text order; offsets are relative to text. Things that are not quantities
 * are skipped. Returns the number appended. */
size_t audit_quantity_scan(const char *text, size_t len,
                           audit_quantity_list *out);

/* Parses s[0..n) as exactly one quantity (surrounding white space allowed),
 * e.g. "2.8万人次", "60%", "百分之六十", "3757 套", "26万". Returns 0 and
 * fills q on success, -1 when s is not one quantity. Used for target
 * expressions and for the `actual` capture of a rule. */
int audit_quantity_parse(const char *s, size_t n, audit_quantity *q);

/* Whether quantities in these two units can be compared (same dimension;
 * 人次 and 人 compare; 个 matches any count; two unit-less figures compare). */
int audit_unit_compatible(const audit_quantity *a, const audit_quantity *b);

/* The dimension of a canonical unit name, and its human name. */
const char *audit_dim_name(audit_dim dim);

void audit_quantity_list_free(audit_quantity_list *list);

#endif
