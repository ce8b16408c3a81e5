/* quantity.c - numbers, magnitudes, units and approximations.
 *
 * In: UTF-8 report text (or one target string). Out: audit_quantity values,
 * each a byte span "number..unit" with the value normalised (magnitudes
 * multiplied out, unit reduced to its canonical name) and flags for
 * approximate figures, ranges and malformed numbers.
 *
 * A figure is read in this order:
 *
 *     [约|近|超|逾…] number [余|多] [magnitudes] [余|多] [unit] [左右|以上…]
 *
 * where number is Arabic (ASCII or full-width digits, `.`/`．` point,
 * thousands separators) or Chinese (三千五百, 两万, 一万零一十二, 三点五,
 * 五六百, and the 大写 of amounts: 壹佰贰拾叁万元, 叁仟户, 貳萬參仟元),
 * magnitudes are a run of 十 百 千 万 亿 (千万, 万亿 multiply) and the unit
 * is the longest entry of the unit table below that matches. "3万5千" and
 * "1亿2000万" add up; "3-5万人", "10至15个" and "五六百" are ranges (value
 * = low end, high = high end). 百分之六十, 千分之五, 万分之三 and 三成 are
 * percentages, and so are fractions, which are proportions: 三分之一 and
 * 3分之1 are 33.33… %. The approximation words set approx and are not part
 * of the span, except 余/多 that sit inside it ("3600余人次", "35万余元").
 * After one of them a magnitude alone is a round figure: "逾千人", "上千户",
 * "超亿元" (span "千人"); "数十个", "几百人" and "成千上万" are vague and
 * count nothing. One numeral keeps to one form, common or 大写, so that the
 * 伍 of 队伍 never joins a figure, and a lone 大写 digit counts only as
 * money ("伍元", not "陆家嘴").
 *
 * Each dimension has one canonical unit: 人 (人次 stays 人次, same
 * dimension), 户, 个 for every count (座 套 场次 例 …), 公里, 平方米
 * (1 亩 = 10000/15), 元, %, 个百分点, 吨, 立方米, 天 (小时 = 1/24,
 * 个月 = 30, 周 = 7) and 倍. A rate such as "440元/人月" has dimension
 * OTHER and the rate as its unit ("元/人月"), or "rate" when the table does
 * not know it ("5元/台"); rates never compare with 元, and "rate" with
 * nothing. Traditional forms (萬 億 個 戶 場 處 臺 兩) read like common ones.
 *
 * The hard part is what is NOT a quantity, because report prose is full of
 * digits that count nothing. The scanner drops, and steps over:
 *
 *   - dates and times: 2022年, 7月1日, 12月底, 1—9月, 3月份, 8时, 8:30,
 *     2023-01-01, and a bare 4-digit 19xx/20xx (a year: "2022 10");
 *   - ordinals and list markers: 第二, 第3批, "1.持续推进", "2、", "(1)",
 *     and bare Chinese numerals (一是, 十、, 四好农村路, 两委): a Chinese
 *     numeral is a quantity only with a unit ("两条", "五项") or as 百分之…;
 *     a lone 一 before a unit is the article "a" ("一张大网", "一次办");
 *   - names and codes: S104, 5G, 4S店, lhdcms@163.com, "6+1+N", 31路,
 *     5号线, 〔2022〕10号, 0395-1234567, 11-digit phone numbers, IDs;
 *   - qualifiers: 85岁以上, 60周岁, 10千伏及以下线路, 二级以上, 90后.
 *
 * Units that are words rather than symbols (方, 头, 口) are taken only
 * after Arabic digits: "三方协议" and "抓两头" count nothing.
 *
 * Malformed figures are kept and flagged, never dropped: "75.51.63%" is one
 * quantity 75.51 % with malformed set, so that the checks can report it.
 * So are "60%%", "12.%" and "12..5", and digit runs too long for a double
 * (their value is 0: a value is always finite).
 *
 * The scan is one pass: every step consumes what it read (a skipped date is
 * stepped over whole), look-behind is bounded to a few characters, and the
 * unit table is a static array searched by longest match.
 *
 * Speed. Most of a report starts no figure, so the main loop steps over
 * it without calling the readers: a 256-entry class table of first bytes
 * passes ASCII punctuation and spaces at once, and a three-byte character
 * goes to the readers only if it is a numeral character (a 256-bit filter,
 * then one switch). The unit table is searched once per figure, testing
 * the first byte of an entry before the rest. This gives exactly the
 * answers of trying every reader at every character, several times faster
 * (20 MB of the acceptance reports at -O2: 27 → 190 MB/s with a unit index,
 * which was dropped as global state for a small loss; see the commit).
 */
#include "quantity.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "text.h"

/* ------------------------------------------------------------------ */
/* UTF-8 and character classes                                         */

/* The code point at p and its length in bytes (text.h's decoder). */
static size_t utf8_decode(const char *s, size_t len, size_t p, uint32_t *cp)
{
    size_t adv;
    *cp = audit_utf8_at(s, len, p, &adv);
    return adv;
}

/* The code point ending just before p (0 at the start of the text), and
 * where it starts. Looks back at most 4 bytes. */
static uint32_t utf8_before(const char *s, size_t p, size_t *at)
{
    uint32_t cp;
    size_t q = p;
    int k = 0;

    if (p == 0) {
        *at = 0;
        return 0;
    }
    while (q > 0 && k < 4) {
        q--;
        k++;
        if (((unsigned char)s[q] & 0xC0) != 0x80)
            break;
    }
    if (utf8_decode(s, p, q, &cp) != p - q) {
        *at = p - 1;
        return 0xFFFD;
    }
    *at = q;
    return cp;
}

/* The three-byte character at p (every CJK numeral and magnitude is one),
 * or 0 if there is none. */
static uint32_t cp3_at(const char *s, size_t len, size_t p)
{
    const unsigned char *u = (const unsigned char *)s + p;

    if (p >= len || len - p < 3 || (u[0] & 0xF0) != 0xE0 ||
        (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80)
        return 0;
    return ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) |
           (u[2] & 0x3F);
}

static uint32_t cp_at(const char *s, size_t len, size_t p, size_t *n)
{
    uint32_t cp = 0;

    if (p >= len) {
        *n = 0;
        return 0;
    }
    *n = utf8_decode(s, len, p, &cp);
    return cp;
}

/* Length of lit if s[p..] starts with it, else 0. */
static size_t lit_at(const char *s, size_t len, size_t p, const char *lit)
{
    size_t n = strlen(lit);

    return (p <= len && len - p >= n && memcmp(s + p, lit, n) == 0) ? n : 0;
}

/* Whether s[0..p) ends with lit. */
static int lit_before(const char *s, size_t p, const char *lit)
{
    size_t n = strlen(lit);

    return p >= n && memcmp(s + p - n, lit, n) == 0;
}

static int is_ascii_alpha(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_ascii_alnum(uint32_t c)
{
    return is_ascii_alpha(c) || (c >= '0' && c <= '9');
}

static int is_cjk(uint32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0xF900 && c <= 0xFAFF);
}

/* Spaces allowed inside a figure: "5.48 万人次", "8406 人" (ASCII space,
 * U+3000, U+00A0); never a line break. */
static size_t space_at(const char *s, size_t len, size_t p)
{
    if (p < len && s[p] == ' ')
        return 1;
    if (lit_at(s, len, p, "\xE3\x80\x80"))
        return 3;
    if (lit_at(s, len, p, "\xC2\xA0"))
        return 2;
    return 0;
}

static size_t skip_spaces(const char *s, size_t len, size_t p)
{
    size_t n;

    while ((n = space_at(s, len, p)))
        p += n;
    return p;
}

/* Length of the ASCII or full-width digit at p (0 if none); *d its value. */
static size_t digit_at(const char *s, size_t len, size_t p, int *d)
{
    const unsigned char *u = (const unsigned char *)s;

    if (p < len && u[p] >= '0' && u[p] <= '9') {
        *d = u[p] - '0';
        return 1;
    }
    if (p + 2 < len && u[p] == 0xEF && u[p + 1] == 0xBC && u[p + 2] >= 0x90 &&
        u[p + 2] <= 0x99) {
        *d = u[p + 2] - 0x90;
        return 3;
    }
    return 0;
}

static int has_digit_at(const char *s, size_t len, size_t p)
{
    int d;

    return digit_at(s, len, p, &d) != 0;
}

/* A decimal point: "." or "．". */
static size_t point_at(const char *s, size_t len, size_t p)
{
    if (p < len && s[p] == '.')
        return 1;
    return lit_at(s, len, p, "．");
}

/* ------------------------------------------------------------------ */
/* The unit table                                                      */

enum {
    U_SKIP = 1,        /* not a unit: the figure before it is no quantity */
    U_ARABIC_ONLY = 2, /* a unit only after Arabic digits (方, 头, 口) */
    U_SIGN = 4,        /* a percent sign: "60%%", "12.%" */
    U_ALONE = 8        /* not before another CJK character: "570余方。"
                          is a volume, "医护人员3方力量" is not */
};

typedef struct unit_entry {
    const char *text;  /* as written */
    size_t len;        /* strlen(text) */
    audit_dim dim;
    const char *name;  /* canonical name */
    double mul, div;   /* value in the canonical unit = written × mul / div */
    unsigned flags;
} unit_entry;

#define UNITF(t, dim, name, mul, div, flags) \
    {t, sizeof(t) - 1, dim, name, mul, div, flags}
#define UNIT(t, dim, name, mul, div) UNITF(t, dim, name, mul, div, 0)
#define PERSONS(t) UNIT(t, AUDIT_DIM_PERSONS, "人", 1, 1)
#define COUNT(t) UNIT(t, AUDIT_DIM_COUNT, "个", 1, 1)
#define COUNT_ARABIC(t) UNITF(t, AUDIT_DIM_COUNT, "个", 1, 1, U_ARABIC_ONLY)
#define RATE(t, name) UNIT(t, AUDIT_DIM_OTHER, name, 1, 1)
#define SKIP(t) UNITF(t, AUDIT_DIM_NONE, NULL, 1, 1, U_SKIP)

/* Longest match wins, so "人次" beats "人", "个百分点" beats "个",
 * "元/人月" beats "元" and "周岁" (not a unit) beats "周". */
static const unit_entry unit_table[] = {
    /* persons: "3837名基层卫生技术人员", "5位班子成员" */
    PERSONS("人"), PERSONS("名"), PERSONS("位"),
    UNIT("人次", AUDIT_DIM_PERSONS, "人次", 1, 1),

    /* households: "2300户特殊困难老年人家庭" */
    UNIT("户", AUDIT_DIM_HOUSEHOLDS, "户", 1, 1),
    UNIT("戶", AUDIT_DIM_HOUSEHOLDS, "户", 1, 1),
    UNIT("户次", AUDIT_DIM_HOUSEHOLDS, "户", 1, 1),

    /* counts, all canonical 个: "8433座", "136场次", "11934例", "200余起" */
    COUNT("个"), COUNT("個"), COUNT("个次"), COUNT("座"), COUNT("所"),
    COUNT("处"), COUNT("處"), COUNT("家"), COUNT("条"), COUNT("條"),
    COUNT("栋"), COUNT("棟"), COUNT("幢"), COUNT("套"), COUNT("台"),
    COUNT("臺"), COUNT("张"), COUNT("張"), COUNT("张次"), COUNT("场"),
    COUNT("場"), COUNT("场次"), COUNT("場次"), COUNT("次"), COUNT("项"),
    COUNT("項"), COUNT("件"), COUNT("篇"), COUNT("辆"), COUNT("輛"),
    COUNT("辆次"), COUNT("批"), COUNT("批次"), COUNT("种"), COUNT("種"),
    COUNT("类"), COUNT("類"), COUNT("间"), COUNT("間"), COUNT("支"),
    COUNT("站"), COUNT("块"), COUNT("塊"), COUNT("部"), COUNT("册"),
    COUNT("冊"), COUNT("本"), COUNT("只"), COUNT("隻"), COUNT("份"),
    COUNT("起"), COUNT("例"), COUNT("期"), COUNT("车次"), COUNT("架"),
    COUNT("架次"), COUNT("艘"), COUNT("棵"), COUNT("株"), COUNT("箱"),
    COUNT("瓶"), COUNT("剂"), COUNT("剂次"), COUNT("门"), COUNT("根"),
    COUNT("宗"), COUNT("盏"), COUNT("枚"), COUNT("幅"), COUNT("颗"),
    COUNT("封"), COUNT("村次"), COUNT("台次"), COUNT("家次"), COUNT("件次"),
    COUNT("班次"),
    /* "三轮车", "抓两头" and "八组" are not counts, "3轮", "100头" are */
    COUNT_ARABIC("轮"), COUNT_ARABIC("头"), COUNT_ARABIC("頭"),
    COUNT_ARABIC("口"), COUNT_ARABIC("眼"), COUNT_ARABIC("组"),
    COUNT_ARABIC("車"), COUNT_ARABIC("车"),

    /* length, canonical 公里: "130千米" is 130 公里, never 130 × 千 × 米 */
    UNIT("公里", AUDIT_DIM_LENGTH, "公里", 1, 1),
    UNIT("千米", AUDIT_DIM_LENGTH, "公里", 1, 1),
    UNIT("km", AUDIT_DIM_LENGTH, "公里", 1, 1),
    UNIT("KM", AUDIT_DIM_LENGTH, "公里", 1, 1),
    UNIT("Km", AUDIT_DIM_LENGTH, "公里", 1, 1),
    UNIT("米", AUDIT_DIM_LENGTH, "公里", 1, 1000),
    UNIT("延米", AUDIT_DIM_LENGTH, "公里", 1, 1000),
    UNIT("m", AUDIT_DIM_LENGTH, "公里", 1, 1000),

    /* area, canonical 平方米; 1 亩 = 10000/15 平方米 */
    UNIT("平方米", AUDIT_DIM_AREA, "平方米", 1, 1),
    UNIT("平米", AUDIT_DIM_AREA, "平方米", 1, 1),
    UNIT("㎡", AUDIT_DIM_AREA, "平方米", 1, 1),
    UNIT("m²", AUDIT_DIM_AREA, "平方米", 1, 1),
    UNIT("m2", AUDIT_DIM_AREA, "平方米", 1, 1),
    UNITF("平方", AUDIT_DIM_AREA, "平方米", 1, 1, U_ALONE),
    UNIT("亩", AUDIT_DIM_AREA, "平方米", 10000, 15),
    UNIT("畝", AUDIT_DIM_AREA, "平方米", 10000, 15),
    UNIT("公顷", AUDIT_DIM_AREA, "平方米", 10000, 1),
    UNIT("公頃", AUDIT_DIM_AREA, "平方米", 10000, 1),
    UNIT("平方公里", AUDIT_DIM_AREA, "平方米", 1e6, 1),
    UNIT("平方千米", AUDIT_DIM_AREA, "平方米", 1e6, 1),
    UNIT("km²", AUDIT_DIM_AREA, "平方米", 1e6, 1),
    UNIT("km2", AUDIT_DIM_AREA, "平方米", 1e6, 1),

    /* money: 万元 and 亿元 are magnitudes of 元; 圆 is the 大写 form,
     * "壹拾伍万圆整", but "三圆满" and "圆梦" are no money */
    UNIT("元", AUDIT_DIM_MONEY, "元", 1, 1),
    UNIT("圆", AUDIT_DIM_MONEY, "元", 1, 1),
    SKIP("圆满"), SKIP("圆梦"), SKIP("圆形"),

    /* percent: "96.90%", "百分之六十" (no entry: read as a prefix), "三成" */
    UNITF("%", AUDIT_DIM_PERCENT, "%", 1, 1, U_SIGN),
    UNITF("％", AUDIT_DIM_PERCENT, "%", 1, 1, U_SIGN),
    UNITF("‰", AUDIT_DIM_PERCENT, "%", 1, 10, U_SIGN),
    UNIT("成", AUDIT_DIM_PERCENT, "%", 10, 1),

    /* points: "提高3.5个百分点" */
    UNIT("个百分点", AUDIT_DIM_POINTS, "个百分点", 1, 1),
    UNIT("個百分點", AUDIT_DIM_POINTS, "个百分点", 1, 1),
    UNIT("百分点", AUDIT_DIM_POINTS, "个百分点", 1, 1),
    UNIT("百分點", AUDIT_DIM_POINTS, "个百分点", 1, 1),

    /* weight, canonical 吨: "消毒液类约10万公斤" */
    UNIT("吨", AUDIT_DIM_WEIGHT, "吨", 1, 1),
    UNIT("噸", AUDIT_DIM_WEIGHT, "吨", 1, 1),
    UNIT("公斤", AUDIT_DIM_WEIGHT, "吨", 1, 1000),
    UNIT("千克", AUDIT_DIM_WEIGHT, "吨", 1, 1000),
    UNIT("kg", AUDIT_DIM_WEIGHT, "吨", 1, 1000),
    UNIT("KG", AUDIT_DIM_WEIGHT, "吨", 1, 1000),
    UNIT("Kg", AUDIT_DIM_WEIGHT, "吨", 1, 1000),
    UNIT("斤", AUDIT_DIM_WEIGHT, "吨", 1, 2000),
    UNIT("克", AUDIT_DIM_WEIGHT, "吨", 1, 1e6),

    /* volume, canonical 立方米: "16000余立方米", "50 立方的冷藏库", "30万方" */
    UNIT("立方米", AUDIT_DIM_VOLUME, "立方米", 1, 1),
    UNIT("立方", AUDIT_DIM_VOLUME, "立方米", 1, 1),
    UNIT("m³", AUDIT_DIM_VOLUME, "立方米", 1, 1),
    UNIT("m3", AUDIT_DIM_VOLUME, "立方米", 1, 1),
    UNITF("方", AUDIT_DIM_VOLUME, "立方米", 1, 1, U_ARABIC_ONLY | U_ALONE),

    /* time, canonical 天; a month counts 30 days, a week 7: "24小时值班" */
    UNIT("天", AUDIT_DIM_TIME, "天", 1, 1),
    UNIT("工作日", AUDIT_DIM_TIME, "天", 1, 1),
    UNIT("个工作日", AUDIT_DIM_TIME, "天", 1, 1),
    UNIT("小时", AUDIT_DIM_TIME, "天", 1, 24),
    UNIT("小時", AUDIT_DIM_TIME, "天", 1, 24),
    UNIT("分钟", AUDIT_DIM_TIME, "天", 1, 1440),
    UNIT("个月", AUDIT_DIM_TIME, "天", 30, 1),
    UNIT("個月", AUDIT_DIM_TIME, "天", 30, 1),
    UNIT("周", AUDIT_DIM_TIME, "天", 7, 1),
    UNIT("个星期", AUDIT_DIM_TIME, "天", 7, 1),

    /* multiple: "不低于当地低保标准的1.3倍" */
    UNIT("倍", AUDIT_DIM_MULTIPLE, "倍", 1, 1),

    /* units of no listed dimension: compared only with the same unit */
    UNIT("千瓦", AUDIT_DIM_OTHER, "千瓦", 1, 1),
    UNIT("兆瓦", AUDIT_DIM_OTHER, "千瓦", 1000, 1),
    UNIT("千瓦时", AUDIT_DIM_OTHER, "千瓦时", 1, 1),
    UNIT("度", AUDIT_DIM_OTHER, "度", 1, 1),
    UNIT("美元", AUDIT_DIM_OTHER, "美元", 1, 1),

    /* rates: "将农村低保标准提高到440元/人月"; never compared with 元 */
    RATE("元/人月", "元/人月"), RATE("元/人·月", "元/人月"),
    RATE("元/人・月", "元/人月"), RATE("元/人/月", "元/人月"),
    RATE("元／人月", "元/人月"), RATE("元／人·月", "元/人月"),
    RATE("元/人年", "元/人年"), RATE("元/人·年", "元/人年"),
    RATE("元/人/年", "元/人年"), RATE("元/人", "元/人"),
    RATE("元／人", "元/人"), RATE("元/人次", "元/人次"),
    RATE("元/户", "元/户"), RATE("元/月", "元/月"), RATE("元/年", "元/年"),
    RATE("元/天", "元/天"), RATE("元/日", "元/天"), RATE("元/次", "元/次"),
    RATE("元/吨", "元/吨"), RATE("元/公斤", "元/公斤"),
    RATE("元/千克", "元/公斤"), RATE("元/kg", "元/公斤"),
    RATE("元/斤", "元/斤"), RATE("元/亩", "元/亩"),
    RATE("元/平方米", "元/平方米"), RATE("元/平米", "元/平方米"),
    RATE("元/㎡", "元/平方米"), RATE("元/m²", "元/平方米"),
    RATE("元/立方米", "元/立方米"), RATE("元/方", "元/立方米"),
    RATE("元/公里", "元/公里"), RATE("元/小时", "元/小时"),
    RATE("元/个", "元/个"), RATE("公斤/亩", "公斤/亩"), RATE("斤/亩", "斤/亩"),
    RATE("公里/小时", "公里/小时"), RATE("km/h", "公里/小时"),
    RATE("人/平方公里", "人/平方公里"), RATE("吨/天", "吨/天"),
    RATE("吨/日", "吨/天"), RATE("立方米/天", "立方米/天"),
    /* air quality: "PM2.5平均浓度38微克/立方米" */
    RATE("微克/立方米", "微克/立方米"), RATE("μg/m³", "微克/立方米"),
    RATE("μg/m3", "微克/立方米"), RATE("ug/m3", "微克/立方米"),
    RATE("毫克/立方米", "毫克/立方米"), RATE("mg/m³", "毫克/立方米"),
    RATE("mg/m3", "毫克/立方米"), RATE("毫克/升", "毫克/升"),
    RATE("mg/L", "毫克/升"),
    RATE("立方米/日", "立方米/天"), RATE("立方米/秒", "立方米/秒"),

    /* not units: the number before them is a date, time, age, name, grade */
    SKIP("年"), SKIP("月"), SKIP("日"), SKIP("号"), SKIP("號"), SKIP("时"),
    SKIP("時"), SKIP("点"), SKIP("點"), SKIP("分"), SKIP("秒"), SKIP("岁"),
    SKIP("歲"), SKIP("周岁"), SKIP("周年"), SKIP("路"), SKIP("线"),
    SKIP("綫"), SKIP("千伏"), SKIP("伏"), SKIP("kV"), SKIP("KV"),
    SKIP("kv"), SKIP("级"), SKIP("級"), SKIP("星"), SKIP("楼"), SKIP("樓"),
    SKIP("层"), SKIP("層"), SKIP("后"), SKIP("後"), SKIP("方面"),
    SKIP("方式"), SKIP("方案"), SKIP("方向"), SKIP("方针"), SKIP("方法"),
    SKIP("国道"), SKIP("省道"), SKIP("县道"),
};

/* The unit of 百分之… and 千分之… (read as prefixes, not from the table). */
static const unit_entry percent_unit =
    UNITF("%", AUDIT_DIM_PERCENT, "%", 1, 1, U_SIGN);

/* The unknown rate "元/台": a unit followed by a slash and a word. */
static const unit_entry unknown_rate = UNIT("", AUDIT_DIM_OTHER, "rate", 1, 1);

#define UNIT_COUNT (sizeof unit_table / sizeof unit_table[0])

/* Whether unit_table[i] is written at p and may be taken there. */
static int unit_matches(const char *s, size_t len, size_t p, size_t i)
{
    const unit_entry *u = &unit_table[i];
    size_t k = u->len, m;

    if (len - p < k || memcmp(s + p, u->text, k) != 0)
        return 0;
    if (is_ascii_alnum((unsigned char)u->text[k - 1]) && p + k < len &&
        is_ascii_alnum((unsigned char)s[p + k]))
        return 0;
    if ((u->flags & U_ALONE) && is_cjk(cp_at(s, len, p + k, &m)))
        return 0;
    return 1;
}

/* The longest unit-table entry at p, or NULL; *n its length. An entry that
 * ends in an ASCII letter or digit must not run on into one ("5mm"). Of
 * two entries of the same length, the first in the table wins. */
static const unit_entry *unit_at(const char *s, size_t len, size_t p,
                                 size_t *n)
{
    const unit_entry *best = NULL;
    size_t best_n = 0;

    *n = 0;
    if (p >= len)
        return NULL;
    /* a linear pass with a first-byte test: the table is small, and
     * this runs once per figure, not per character */
    for (size_t i = 0; i < UNIT_COUNT; i++) {
        const char *u = unit_table[i].text;
        if (u[0] != s[p] || unit_table[i].len <= best_n ||
            (u[1] && (p + 1 >= len || u[1] != s[p + 1])) ||
            (u[1] && u[2] && (p + 2 >= len || u[2] != s[p + 2])))
            continue;
        if (unit_matches(s, len, p, i)) {
            best = &unit_table[i];
            best_n = unit_table[i].len;
        }
    }
    *n = best_n;
    return best;
}

/* ------------------------------------------------------------------ */
/* Magnitudes                                                          */

/* The forms of numeral characters: common (三 十), 大写 (the financial
 * form of amounts and receipts, "壹佰贰拾叁万元", traditional 貳 參 陸),
 * or both (零 万 亿). One numeral keeps to one form, so that 队伍 does
 * not join the 两个 after it. */
enum { CN_COMMON = 1, CN_DAXIE = 2, CN_BOTH = 3 };

/* The characters of Chinese numerals: code point, digit (-1: none),
 * magnitude (0: none) and form. This one list makes cn_char_of and the
 * scanner's fast-path filter, so that they cannot disagree. */
#define CN_CHARS(X) \
    X(0x96F6, 0, 0, CN_BOTH)        /* 零 */ \
    X(0x3007, 0, 0, CN_BOTH)        /* 〇 */ \
    X(0x4E00, 1, 0, CN_COMMON)      /* 一 */ \
    X(0x4E8C, 2, 0, CN_COMMON)      /* 二 */ \
    X(0x4E24, 2, 0, CN_COMMON)      /* 两 */ \
    X(0x5169, 2, 0, CN_COMMON)      /* 兩 */ \
    X(0x4E09, 3, 0, CN_COMMON)      /* 三 */ \
    X(0x56DB, 4, 0, CN_COMMON)      /* 四 */ \
    X(0x4E94, 5, 0, CN_COMMON)      /* 五 */ \
    X(0x516D, 6, 0, CN_COMMON)      /* 六 */ \
    X(0x4E03, 7, 0, CN_COMMON)      /* 七 */ \
    X(0x516B, 8, 0, CN_COMMON)      /* 八 */ \
    X(0x4E5D, 9, 0, CN_COMMON)      /* 九 */ \
    X(0x58F9, 1, 0, CN_DAXIE)       /* 壹 */ \
    X(0x8D30, 2, 0, CN_DAXIE)       /* 贰 */ \
    X(0x8CB3, 2, 0, CN_DAXIE)       /* 貳 */ \
    X(0x53C1, 3, 0, CN_DAXIE)       /* 叁 */ \
    X(0x53C3, 3, 0, CN_DAXIE)       /* 參 */ \
    X(0x8086, 4, 0, CN_DAXIE)       /* 肆 */ \
    X(0x4F0D, 5, 0, CN_DAXIE)       /* 伍 */ \
    X(0x9646, 6, 0, CN_DAXIE)       /* 陆 */ \
    X(0x9678, 6, 0, CN_DAXIE)       /* 陸 */ \
    X(0x67D2, 7, 0, CN_DAXIE)       /* 柒 */ \
    X(0x634C, 8, 0, CN_DAXIE)       /* 捌 */ \
    X(0x7396, 9, 0, CN_DAXIE)       /* 玖 */ \
    X(0x5341, -1, 10, CN_COMMON)    /* 十 */ \
    X(0x767E, -1, 100, CN_COMMON)   /* 百 */ \
    X(0x5343, -1, 1000, CN_COMMON)  /* 千 */ \
    X(0x4E07, -1, 1e4, CN_BOTH)     /* 万 */ \
    X(0x842C, -1, 1e4, CN_BOTH)     /* 萬 */ \
    X(0x4EBF, -1, 1e8, CN_BOTH)     /* 亿 */ \
    X(0x5104, -1, 1e8, CN_BOTH)     /* 億 */ \
    X(0x62FE, -1, 10, CN_DAXIE)     /* 拾 */ \
    X(0x4F70, -1, 100, CN_DAXIE)    /* 佰 */ \
    X(0x4EDF, -1, 1000, CN_DAXIE)   /* 仟 */

typedef struct cn_char {
    int digit;          /* 0-9, -1 if none */
    double magnitude;   /* 10 100 1000 1e4 1e8, 0 if none */
    int form;           /* CN_COMMON, CN_DAXIE, CN_BOTH; 0 if none */
} cn_char;

/* What c is in a Chinese numeral: {-1, 0, 0} if nothing. */
static cn_char cn_char_of(uint32_t c)
{
    cn_char k = {-1, 0, 0};

    switch (c) {
#define CN_CASE(cp, d, m, f) \
    case cp: k.digit = d; k.magnitude = m; k.form = f; break;
    CN_CHARS(CN_CASE)
#undef CN_CASE
    default:
        break;
    }
    return k;
}

/* A 256-bit filter on the low byte of the code point: a character whose
 * bit is clear is no numeral. Lets the scanner step over nine in ten CJK
 * characters without looking them up. */
#define CN_BIT(cp, word) \
    ((((cp) >> 6) & 3) == (word) ? UINT64_C(1) << ((cp) & 63) : 0)
#define CN_BIT0(cp, d, m, f) | CN_BIT(cp, 0)
#define CN_BIT1(cp, d, m, f) | CN_BIT(cp, 1)
#define CN_BIT2(cp, d, m, f) | CN_BIT(cp, 2)
#define CN_BIT3(cp, d, m, f) | CN_BIT(cp, 3)
static const uint64_t cn_filter[4] = {
    0 CN_CHARS(CN_BIT0), 0 CN_CHARS(CN_BIT1),
    0 CN_CHARS(CN_BIT2), 0 CN_CHARS(CN_BIT3),
};

static int maybe_cn_char(uint32_t c)
{
    return (cn_filter[(c >> 6) & 3] >> (c & 63)) & 1;
}

/* The value of a magnitude character, 0 if c is none. */
static double magnitude_value(uint32_t c)
{
    return cn_char_of(c).magnitude;
}

/* One magnitude character at p, unless a unit starts there ("千米",
 * "千伏", "百分点"). */
static size_t magnitude_at(const char *s, size_t len, size_t p, double *value)
{
    double m = magnitude_value(cp3_at(s, len, p));
    size_t n;

    if (m == 0 || unit_at(s, len, p, &n))
        return 0;
    *value = m;
    return 3;
}

/* A run of magnitudes ("千万", "万亿"); their product in *product. */
static size_t read_magnitudes(const char *s, size_t len, size_t p,
                              double *product)
{
    size_t q = p, n;
    double m;

    *product = 1;
    while ((n = magnitude_at(s, len, q, &m))) {
        *product *= m;
        q += n;
    }
    return q - p;
}

/* 余 or 多 right after a number, a magnitude or a unit: "200余起". */
static size_t about_at(const char *s, size_t len, size_t p)
{
    size_t n = lit_at(s, len, p, "余");

    if (!n)
        n = lit_at(s, len, p, "多");
    if (!n)
        n = lit_at(s, len, p, "餘");
    return n;
}

/* ------------------------------------------------------------------ */
/* Arabic numbers                                                      */

typedef struct term {
    size_t start;       /* first digit */
    size_t num_end;     /* after the digits and the decimal part */
    size_t end;         /* after 余/多, magnitudes and the unit */
    double mantissa;    /* all digits read as one integer */
    double magnitude;   /* product of the magnitudes, 1 if none */
    double extra;       /* "3万5千": the 5千, already multiplied out */
    int int_digits;     /* digits before the point */
    int decimals;       /* digits after the first point */
    int dots;           /* decimal points */
    int grouped;        /* thousands separators were used */
    int leading_zero;
    int malformed;
    int has_magnitude;
    int approx;
    int point_unit;     /* "12.%": a point, no digits, then a unit */
    int double_point;   /* "12..5" */
    const unit_entry *unit;
} term;

/* A thousands separator at p: "," or "，" followed by exactly three digits
 * and then no digit; returns the separator's length. Chinese prose also
 * uses both as clause separators ("3万人以上,零就业", "11934例,筛查率"), so
 * anything else is not one. */
static size_t group_at(const char *s, size_t len, size_t p)
{
    size_t sep = (p < len && s[p] == ',') ? 1 : lit_at(s, len, p, "，");
    size_t q;
    int d;

    if (!sep)
        return 0;
    q = p + sep;
    for (int i = 0; i < 3; i++) {
        size_t n = digit_at(s, len, q, &d);
        if (!n)
            return 0;
        q += n;
    }
    return has_digit_at(s, len, q) ? 0 : sep;
}

static size_t read_digits(const char *s, size_t len, size_t p, double *mantissa,
                          int *count)
{
    size_t q = p, n;
    int d;

    while ((n = digit_at(s, len, q, &d))) {
        *mantissa = *mantissa * 10 + d;
        (*count)++;
        q += n;
    }
    return q;
}

/* Digits, thousands separators and the decimal part. */
static void read_number(const char *s, size_t len, size_t p, term *t)
{
    size_t q, n, n2;
    int d = -1, ignored = 0;
    double junk = 0;

    memset(t, 0, sizeof *t);
    t->start = p;
    t->magnitude = 1;
    digit_at(s, len, p, &d);
    t->leading_zero = d == 0;
    q = read_digits(s, len, p, &t->mantissa, &t->int_digits);

    if (t->int_digits <= 3) {
        while ((n = group_at(s, len, q))) {
            q = read_digits(s, len, q + n, &t->mantissa, &t->int_digits);
            t->grouped = 1;
        }
    }

    if ((n = point_at(s, len, q)) && has_digit_at(s, len, q + n)) {
        q = read_digits(s, len, q + n, &t->mantissa, &t->decimals);
        t->dots = 1;
        /* "提升到75.51.63%": one figure, value 75.51, malformed */
        while ((n = point_at(s, len, q)) && has_digit_at(s, len, q + n)) {
            q = read_digits(s, len, q + n, &junk, &ignored);
            t->dots++;
            t->malformed = 1;
        }
    } else if (n && (n2 = point_at(s, len, q + n)) &&
               has_digit_at(s, len, q + n + n2)) {
        /* "12..5" */
        q = read_digits(s, len, q + n + n2, &junk, &ignored);
        t->dots = 2;
        t->double_point = 1;
        t->malformed = 1;
    }
    t->num_end = q;
}

/* The rest of a term after the number: 余/多, magnitudes ("3万5千" adds
 * up), 余/多 again, and the unit, with optional spaces in between. */
static void read_term(const char *s, size_t len, size_t p, term *t)
{
    size_t q, r, n;

    read_number(s, len, p, t);
    q = t->num_end;

    /* "12.%" or "12.万人": a point with nothing after it, then a unit */
    if (!t->dots && (n = point_at(s, len, q))) {
        double m;
        const unit_entry *u = unit_at(s, len, q + n, &r);
        if ((u && !(u->flags & U_SKIP)) || magnitude_at(s, len, q + n, &m)) {
            t->point_unit = 1;
            t->malformed = 1;
            q += n;
        }
    }

    r = skip_spaces(s, len, q);
    if ((n = about_at(s, len, r))) {
        t->approx = 1;
        q = r + n;
    }

    r = skip_spaces(s, len, q);
    if ((n = read_magnitudes(s, len, r, &t->magnitude))) {
        double last = t->magnitude;
        t->has_magnitude = 1;
        q = r + n;
        /* "3万5千", "1亿2000万": smaller groups that add to the first */
        for (;;) {
            double m2 = 0, more = 0, mag2;
            int cnt = 0;
            size_t e;
            if (!has_digit_at(s, len, q))
                break;
            e = read_digits(s, len, q, &more, &cnt);
            if (!(n = read_magnitudes(s, len, e, &mag2)) || mag2 >= last)
                break;
            m2 = more * mag2;
            t->extra += m2;
            last = mag2;
            q = e + n;
        }
        r = skip_spaces(s, len, q);
        if (!t->approx && (n = about_at(s, len, r))) {
            t->approx = 1;
            q = r + n;
        }
    }

    r = skip_spaces(s, len, q);
    if ((t->unit = unit_at(s, len, r, &n)) != NULL) {
        q = r + n;
        if (!(t->unit->flags & U_SKIP) && t->unit->dim != AUDIT_DIM_OTHER) {
            /* "元/台": a rate the table does not know */
            size_t slash = (q < len && s[q] == '/') ? 1 : lit_at(s, len, q, "／");
            size_t k;
            uint32_t c = slash ? cp_at(s, len, q + slash, &k) : 0;
            if (slash && (is_cjk(c) || is_ascii_alpha(c))) {
                if (!unit_at(s, len, q + slash, &n))
                    n = k;
                q += slash + n;
                t->unit = &unknown_rate;
            }
        }
        if ((t->unit->flags & U_SIGN) && (lit_at(s, len, q, "%") ||
                                          lit_at(s, len, q, "％"))) {
            /* "60%%" */
            t->malformed = 1;
            q += lit_at(s, len, q, "%") ? 1 : 3;
        }
    }
    t->end = q;
}

static double term_value(const term *t)
{
    double v = t->mantissa * t->magnitude;

    if (t->decimals)
        v /= pow(10, t->decimals);
    return v + t->extra;
}

/* ------------------------------------------------------------------ */
/* Chinese numerals                                                    */

/* The value of a Chinese digit character, common or 大写, -1 if c is
 * none. */
static int cn_digit_value(uint32_t c)
{
    return cn_char_of(c).digit;
}

static size_t cn_digit_at(const char *s, size_t len, size_t p, int *d)
{
    int v = cn_digit_value(cp3_at(s, len, p));

    if (v < 0)
        return 0;
    *d = v;
    return 3;
}

/* The running sums of one reading of a Chinese numeral: 亿 part, 万 part,
 * the part below 万, and the digit waiting for its multiplier. */
typedef struct cn_acc {
    double total, wan, small, cur;
} cn_acc;

static double cn_value(const cn_acc *a)
{
    return a->total + a->wan + a->small + a->cur;
}

typedef struct cn_number {
    double low, high;
    int range;          /* "五六百": two neighbouring digits */
    int positional;     /* "八一", "三八", "二〇二二": names and years */
    int nchars;         /* characters read */
    int digits;         /* digit characters among them: 0 in "十万" */
    int lone_one;       /* just "一" */
    int lone_daxie;     /* just one 大写 digit: "陆", "伍" */
    size_t end;
} cn_number;

/* Reads a Chinese numeral at p: 三千五百, 两万, 一万零一十二, 一亿二千万,
 * 三点五万, 五六百 (500..600), 十五六 (15..16), 壹佰贰拾叁万. Of the
 * magnitudes only 十 may start it ("十二个"), or with leading_magnitude
 * any below 万 ("百分之百"). Returns 0 if there is none. */
static int read_cn(const char *s, size_t len, size_t p, int leading_magnitude,
                   cn_number *out)
{
    cn_acc lo = {0, 0, 0, 0}, hi = {0, 0, 0, 0};
    int has_cur = 0, run = 0, prev = -1, pair = 0, nchars = 0, d;
    int positional_seen = 0, digits = 0, form = 0;
    double positional = 0, m;
    size_t q = p, n;

    for (;;) {
        int f = cn_char_of(cp3_at(s, len, q)).form;
        if (f == CN_COMMON || f == CN_DAXIE) {
            if (form == 0)
                form = f;
            else if (f != form)
                break;  /* "队伍两个": 伍 and 两 are no one numeral */
        }
        if ((n = cn_digit_at(s, len, q, &d))) {
            if (d == 0 && run == 0 && nchars > 0) {
                q += n;  /* "一万零一十二": 零 fills a gap */
                nchars++;
                continue;
            }
            positional = positional * 10 + d;
            if (run == 1 && !pair && prev >= 1 && d == prev + 1) {
                hi.cur = d;  /* "五六百" */
                pair = 1;
            } else if (run >= 1) {
                lo.cur = hi.cur = positional;  /* "二〇二二" */
                pair = 0;
                positional_seen = 1;
            } else {
                lo.cur = hi.cur = d;
                positional = d;
            }
            has_cur = d != 0 || run > 0;
            run++;
            prev = d;
            q += n;
            nchars++;
            digits++;
            continue;
        }
        if ((n = magnitude_at(s, len, q, &m))) {
            cn_acc *acc[2] = {&lo, &hi};
            if (!has_cur) {
                if (nchars == 0 && cp3_at(s, len, q) != 0x5341 /* 十 */ &&
                    !(leading_magnitude && m < 1e4))
                    break;
                if (nchars > 0 && m < 1e4 && run == 0)
                    break;  /* "三千百" */
            }
            for (int i = 0; i < 2; i++) {
                cn_acc *a = acc[i];
                if (m < 1e4) {
                    a->small += (has_cur ? a->cur : 1) * m;
                } else if (m < 1e8) {
                    a->wan = (a->wan + a->small + a->cur) * m;
                    a->small = 0;
                } else {
                    a->total = (a->total + a->wan + a->small + a->cur) * m;
                    a->wan = a->small = 0;
                }
                a->cur = 0;
            }
            has_cur = 0;
            run = 0;
            positional = 0;
            q += n;
            nchars++;
            continue;
        }
        if (nchars > 0 && (n = lit_at(s, len, q, "点")) &&
            cn_digit_at(s, len, q + n, &d)) {
            /* "三点五万" */
            double frac = 0, scale = 1, mags;
            double x = cn_value(&lo);
            q += n;
            nchars++;
            while ((n = cn_digit_at(s, len, q, &d))) {
                scale /= 10;
                frac += d * scale;
                q += n;
                nchars++;
            }
            x += frac;
            if ((n = read_magnitudes(s, len, q, &mags))) {
                x *= mags;
                q += n;
                nchars++;
            }
            memset(&lo, 0, sizeof lo);
            lo.cur = x;
            hi = lo;
            pair = 0;
        }
        break;
    }
    if (nchars == 0)
        return 0;
    out->low = cn_value(&lo);
    out->high = pair ? cn_value(&hi) : out->low;
    out->range = pair;
    out->positional = positional_seen;
    out->nchars = nchars;
    out->digits = digits;
    out->lone_one = nchars == 1 && lit_at(s, len, p, "一");
    out->lone_daxie = nchars == 1 && form == CN_DAXIE;
    out->end = q;
    return 1;
}

static int cn_start_at(const char *s, size_t len, size_t p)
{
    int d;

    return cn_digit_at(s, len, p, &d) || cp3_at(s, len, p) == 0x5341 /* 十 */;
}

/* ------------------------------------------------------------------ */
/* Context: what comes before and after a figure                       */

/* "约43公里", "超450人次", "近3万": but 签约7.58万人 is exact, and so is
 * 最近 / 附近. */
static int approx_before(const char *s, size_t start)
{
    static const char *const words[] = {"大约", "将近", "接近", "超过", "逾",
                                        "约", "近", "超"};
    static const char *const not_about[] = {
        "签约", "節約", "节约", "预约", "制约", "履约", "合约", "条约",
        "特约", "邀约", "公约", "违约", "集约", "简约", "契约", "守约",
        "相约", "赴约", "失约", "爽约", "解约", "毁约", "誓约", "婚约",
        "最近", "附近", "就近", "邻近", "临近", "相近", "亲近", "贴近",
        "远近", "赶超", "高超"};
    size_t p = start, at;
    uint32_t c = 0;

    /* step back over spaces: "约 43 公里" */
    while (p > 0) {
        c = utf8_before(s, p, &at);
        if (c != ' ' && c != 0x3000 && c != 0xA0)
            break;
        p = at;
    }
    /* every word ends in one of these: most figures stop here */
    if (p == 0 || (c != 0x7EA6 /* 约 */ && c != 0x8FD1 /* 近 */ &&
                   c != 0x8FC7 /* 过 */ && c != 0x903E /* 逾 */ &&
                   c != 0x8D85 /* 超 */))
        return 0;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        if (!lit_before(s, p, words[i]))
            continue;
        for (size_t j = 0; j < sizeof not_about / sizeof not_about[0]; j++)
            if (lit_before(s, p, not_about[j]))
                return 0;
        return 1;
    }
    return 0;
}

/* "3万人以上", "100人左右": approximation words after the figure. */
static int approx_after(const char *s, size_t len, size_t end)
{
    static const char *const words[] = {"左右", "上下", "以上", "及以上",
                                        "或以上", "有余"};
    size_t p = skip_spaces(s, len, end), n, k;

    /* every word, and 余 多 餘, starts with one of these */
    switch (cp3_at(s, len, p)) {
    case 0x5DE6: /* 左 */ case 0x4E0A: /* 上 */ case 0x4EE5: /* 以 */
    case 0x53CA: /* 及 */ case 0x6216: /* 或 */ case 0x6709: /* 有 */
    case 0x4F59: /* 余 */ case 0x591A: /* 多 */ case 0x9918: /* 餘 */
        break;
    default:
        return 0;
    }
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (lit_at(s, len, p, words[i]))
            return 1;
    if ((n = about_at(s, len, p))) {
        /* "…累计投入35万元余," but not "3个多月" */
        uint32_t c = cp_at(s, len, p + n, &k);
        return !is_cjk(c);
    }
    return 0;
}

/* The character before start, stepping back over spaces. */
static uint32_t before_spaces(const char *s, size_t start)
{
    size_t p = start, at;
    uint32_t c = 0;

    while (p > 0) {
        c = utf8_before(s, p, &at);
        if (c != ' ' && c != 0x3000 && c != 0xA0)
            return c;
        p = at;
    }
    return 0;
}

/* A list marker starts a line or sentence: "。1. 生活饮用水". */
static int at_line_start(uint32_t prev)
{
    switch (prev) {
    case 0: case '\n': case '\r': case '\t': case ' ': case 0x3000:
    case 0x3002: /* 。 */ case 0xFF1B: /* ； */ case ';':
    case 0xFF1A: /* ： */ case ':': case 0xFF0C: /* ， */ case ',':
    case '>': case 0x201C: /* “ */ case '"':
        return 1;
    default:
        return 0;
    }
}

static int is_open_paren(uint32_t c)
{
    return c == '(' || c == 0xFF08;
}

static int is_close_paren(uint32_t c)
{
    return c == ')' || c == 0xFF09;
}

static int is_open_bracket(uint32_t c)
{
    return c == '[' || c == 0x3014 || c == 0x3010 || c == 0xFF3B;
}

static int is_close_bracket(uint32_t c)
{
    return c == ']' || c == 0x3015 || c == 0x3011 || c == 0xFF3D;
}

/* A range separator at p: "3-5万人", "10至15个", "10～15", "1—9月". */
static size_t range_sep_at(const char *s, size_t len, size_t p)
{
    static const char *const seps[] = {"——", "-", "－", "~", "～", "〜",
                                       "—", "–", "至", "到"};

    /* most figures are followed by none: look at the first byte */
    if (p >= len || (s[p] != '-' && s[p] != '~' &&
                     (unsigned char)s[p] < 0xE2))
        return 0;
    for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++) {
        size_t n = lit_at(s, len, p, seps[i]);
        if (n)
            return n;
    }
    return 0;
}

/* The end of the ASCII identifier that starts at p: "S104",
 * "lhdcms@163.com", "COVID-19". */
static size_t identifier_end(const char *s, size_t len, size_t p)
{
    while (p < len) {
        unsigned char c = (unsigned char)s[p];
        if (is_ascii_alnum(c) || c == '_') {
            p++;
        } else if ((c == '@' || c == '.' || c == '-' || c == '/') &&
                   p + 1 < len && is_ascii_alnum((unsigned char)s[p + 1])) {
            p++;
        } else {
            break;
        }
    }
    return p;
}

/* ------------------------------------------------------------------ */
/* Reading one figure                                                  */

typedef struct reading {
    size_t start, end;
    double value, high;
    const unit_entry *unit;
    int decimals;
    int approx, range, malformed;
} reading;

typedef struct scan {
    const char *s;
    size_t len;
    int whole;  /* audit_quantity_parse: no year/code guesses */
} scan;

static int year_like(const term *t)
{
    double whole = floor(t->mantissa / pow(10, t->decimals));

    return t->int_digits == 4 && !t->grouped && !t->has_magnitude &&
           t->dots <= 1 && t->decimals <= 2 && whole >= 1900 && whole <= 2100;
}

static int bare_integer(const term *t)
{
    return !t->dots && !t->grouped && !t->point_unit;
}

/* Fills r from a term (and the unit it takes). */
static void reading_from_term(reading *r, const term *t, const unit_entry *u)
{
    double v = term_value(t);

    r->start = t->start;
    r->end = t->end;
    r->unit = u;
    if (u && !(u->flags & U_SKIP))
        v = v * u->mul / u->div;
    r->value = r->high = v;
    r->decimals = t->decimals;
    r->approx = t->approx;
    r->range = 0;
    r->malformed = t->malformed;
}

enum { RANGE_NONE, RANGE_JOINED, RANGE_NOT_A_QUANTITY };

/* Joins the term a with a second figure after a range separator:
 * "3-5万人" (30000..50000 人), "10至15个", "3万-5万人", "10%～15%". The
 * low end takes the magnitude and unit written only once at the high end.
 * "1—9月" and "0~6 岁" are a period and an age: RANGE_NOT_A_QUANTITY. */
static int join_range(const char *s, size_t len, term *a, reading *r,
                      size_t *resume)
{
    size_t q = skip_spaces(s, len, a->end), n, k, bstart;
    const unit_entry *u;
    term b, lo;
    reading hi;

    if (!(n = range_sep_at(s, len, q)))
        return RANGE_NONE;
    bstart = skip_spaces(s, len, q + n);
    if (!has_digit_at(s, len, bstart))
        return RANGE_NONE;
    read_term(s, len, bstart, &b);
    if (b.unit && (b.unit->flags & U_SKIP)) {
        *resume = b.end;
        return RANGE_NOT_A_QUANTITY;
    }
    if (!a->unit && !b.unit && year_like(a) && year_like(&b)) {
        *resume = b.end;  /* "2020～2022" */
        return RANGE_NOT_A_QUANTITY;
    }
    if (a->unit && b.unit && (a->unit->dim != b.unit->dim ||
                              strcmp(a->unit->name, b.unit->name) != 0))
        return RANGE_NONE;  /* "5个-3人": two figures */
    if (a->unit && !b.unit && b.end != b.num_end)
        return RANGE_NONE;
    if (!b.unit && is_ascii_alpha(cp_at(s, len, b.num_end, &k)))
        return RANGE_NONE;  /* "3-5G" */

    u = a->unit ? a->unit : b.unit;
    lo = *a;
    if (!lo.has_magnitude && !lo.unit && b.has_magnitude) {
        lo.magnitude = b.magnitude;
        lo.has_magnitude = 1;
    }
    reading_from_term(&hi, &b, u);
    reading_from_term(r, &lo, u);
    if (hi.value < r->value) {
        reading_from_term(r, a, a->unit);
        return RANGE_NONE;
    }
    r->high = hi.value;
    r->end = b.end;
    r->range = 1;
    r->approx |= hi.approx;
    r->malformed |= hi.malformed;
    a->unit = u;
    a->has_magnitude = lo.has_magnitude;
    *resume = b.end;
    return RANGE_JOINED;
}

/* "三分之一", "3分之1", "五分之二", "十分之一": at p, right after the
 * denominator den, 分之 and the numerator. A fraction is a proportion, so
 * r (whose start is set) gets it in percent: 三分之一 is 33.33… %. Returns
 * 0, leaving r alone, when there is no fraction at p. */
static int read_fraction(const char *s, size_t len, size_t p, double den,
                         reading *r)
{
    size_t q, n = lit_at(s, len, p, "分之");
    double low, high;
    int decimals = 0, malformed = 0, range = 0;
    cn_number num;

    if (!n || !(den > 0))
        return 0;
    q = p + n;
    if (has_digit_at(s, len, q)) {
        term t;
        read_number(s, len, q, &t);
        low = high = term_value(&t);
        decimals = t.decimals;
        malformed = t.malformed;
        q = t.num_end;
    } else if (read_cn(s, len, q, 0, &num) && !num.positional) {
        low = num.low;
        high = num.high;
        range = num.range;
        q = num.end;
    } else {
        return 0;
    }
    r->value = low * 100 / den;
    r->high = high * 100 / den;
    r->unit = &percent_unit;
    r->end = q;
    r->decimals = decimals;
    r->malformed = malformed;
    r->range = range;
    return 1;
}

/* Reads the figure whose first digit is at p. Returns 1 and fills r when it
 * is a quantity; 0 when it is not. Either way *resume is where scanning
 * goes on, past everything that was read. */
static int read_arabic(const scan *sc, size_t p, reading *r, size_t *resume)
{
    const char *s = sc->s;
    size_t len = sc->len, at, n, k, q;
    uint32_t prev = utf8_before(s, p, &at), next;
    term a;

    /* "S104", "G4", "COVID-19", "&#12288;": digits glued to letters */
    if (is_ascii_alpha(prev) || prev == '@' || prev == '_' || prev == '#' ||
        (prev == '-' && is_ascii_alpha(utf8_before(s, at, &k)))) {
        *resume = identifier_end(s, len, p);
        return 0;
    }

    read_term(s, len, p, &a);
    *resume = a.end;
    next = cp_at(s, len, a.num_end, &n);

    /* "5G", "4S店", "No.5": letters glued after the digits */
    if (is_ascii_alpha(next) && !a.unit) {
        *resume = identifier_end(s, len, a.num_end);
        return 0;
    }
    /* "6+1+N", "8·26" (an incident named by its date), "3#楼" */
    if (prev == '+' || prev == 0xFF0B || next == '+' || next == 0xFF0B ||
        prev == 0xB7 || prev == 0x30FB || next == 0xB7 || next == 0x30FB ||
        next == '#' || next == 0xFF03) {
        *resume = a.num_end;
        return 0;
    }
    /* "8:30", "14：00" */
    if ((next == ':' || next == 0xFF1A) && has_digit_at(s, len, a.num_end + n)) {
        double junk = 0;
        int cnt = 0;
        *resume = read_digits(s, len, a.num_end + n, &junk, &cnt);
        return 0;
    }
    /* "(1)", "（1）", "〔2022〕", "[2022]" */
    if ((is_open_paren(prev) && is_close_paren(next)) ||
        (is_open_bracket(prev) && is_close_bracket(next))) {
        *resume = a.num_end + n;
        return 0;
    }

    /* List markers: "1.持续推进", "2、", "1）" */
    if (bare_integer(&a) && !a.has_magnitude && !a.approx) {
        size_t k2;
        uint32_t after = cp_at(s, len, a.num_end + n, &k2);
        if (next == 0x3001 /* 、 */ && !has_digit_at(s, len, a.num_end + n)) {
            *resume = a.num_end + n;
            return 0;
        }
        if (is_close_paren(next) && at_line_start(prev)) {
            *resume = a.num_end + n;
            return 0;
        }
        /* the first cell of a table row: "1\t*“人人持证”" */
        if (next == '\t' && (prev == 0 || prev == '\n' || prev == '\r') &&
            a.end == a.num_end) {
            *resume = a.num_end;
            return 0;
        }
        if ((next == '.' || next == 0xFF0E) && a.int_digits <= 3 &&
            a.end == a.num_end && after != 0 && after != '\n' &&
            after != '\r') {
            *resume = a.num_end + n;
            return 0;
        }
        /* "1." alone on its line: a marker whose item follows below */
        if ((next == '.' || next == 0xFF0E) && a.int_digits <= 3 &&
            a.end == a.num_end && (prev == 0 || prev == '\n' || prev == '\r')) {
            *resume = a.num_end + n;
            return 0;
        }
    }
    if (a.point_unit && !(a.unit && (a.unit->flags & U_SIGN)) &&
        at_line_start(prev) && a.int_digits <= 3) {
        /* "1.人才…" at the start of a line is a marker, "完成12.万人" is not */
        *resume = a.num_end + point_at(s, len, a.num_end);
        return 0;
    }

    /* Dates with dashes or slashes: "2023-01-01", "2020/12/31" */
    if (bare_integer(&a) && year_like(&a) && a.end == a.num_end &&
        (next == '-' || next == '/' || next == 0xFF0F) &&
        has_digit_at(s, len, a.num_end + n)) {
        q = a.num_end;
        for (;;) {
            uint32_t c = cp_at(s, len, q, &k);
            double junk = 0;
            int cnt = 0;
            if (!(c == '-' || c == '/' || c == 0xFF0F) ||
                !has_digit_at(s, len, q + k))
                break;
            q = read_digits(s, len, q + k, &junk, &cnt);
        }
        *resume = q;
        return 0;
    }
    /* Phone numbers: "0395-1234567" */
    if (bare_integer(&a) && a.leading_zero && a.int_digits >= 3 &&
        a.end == a.num_end && next == '-') {
        double junk = 0;
        int cnt = 0;
        size_t e = read_digits(s, len, a.num_end + 1, &junk, &cnt);
        if (cnt >= 7) {
            *resume = e;
            return 0;
        }
    }

    /* "3分之1": 分 is no unit here but the fraction's */
    if (a.unit && !(a.unit->flags & U_SIGN) && !a.approx && !a.dots &&
        strcmp(a.unit->text, "分") == 0) {
        memset(r, 0, sizeof *r);
        r->start = p;
        if (read_fraction(s, len, a.end - a.unit->len, term_value(&a), r)) {
            *resume = r->end;
            if (before_spaces(s, p) == 0x7B2C /* 第 */)
                return 0;
            r->approx = approx_before(s, p) | approx_after(s, len, r->end);
            return 1;
        }
    }
    if (a.unit && (a.unit->flags & U_SKIP))
        return 0;  /* "2022年", "7月", "85岁", "31路", "10千伏" */

    reading_from_term(r, &a, a.unit);

    switch (join_range(s, len, &a, r, resume)) {
    case RANGE_NOT_A_QUANTITY:
        return 0;
    case RANGE_JOINED:
    case RANGE_NONE:
        break;
    }

    /* Ordinals: "第3批", "第 2 名" */
    if (before_spaces(s, p) == 0x7B2C /* 第 */)
        return 0;
    /* "(1~39)": a unit-less figure alone in brackets is a reference */
    if (!a.unit && is_open_paren(prev) && is_close_paren(cp_at(s, len, r->end, &k)))
        return 0;

    if (!sc->whole && !a.unit && !r->range) {
        /* a bare 19xx/20xx is a year: "2022 10", "2022发展谋划" */
        if (year_like(&a))
            return 0;
        /* codes, phone and ID numbers: "0395", "13812345678" */
        if (bare_integer(&a) && !a.has_magnitude &&
            ((a.leading_zero && a.int_digits >= 2) || a.int_digits >= 11))
            return 0;
    }
    /* "2023.5起", "2023.10至": a year and month with a point, before a
     * word of time; 起 is then "from", not a count of incidents */
    if (!sc->whole && year_like(&a) && a.decimals >= 1 && a.decimals <= 2 &&
        a.mantissa - floor(a.mantissa / pow(10, a.decimals)) *
                         pow(10, a.decimals) >= 1 &&
        a.mantissa - floor(a.mantissa / pow(10, a.decimals)) *
                         pow(10, a.decimals) <= 12 &&
        (a.unit && strcmp(a.unit->text, "起") == 0))
        return 0;
    /* "3.1.2", "192.168.1.1": section numbers and addresses */
    if (a.dots >= 2 && !a.double_point && !a.unit)
        return 0;

    r->approx |= approx_before(s, p) | approx_after(s, len, r->end);
    return 1;
}

/* Whether a bare magnitude at p follows a word that makes it a round
 * figure: "逾千人", "近万人", "超千万元", "上千户" — but not 以上, 线上,
 * 成千上万 and the other words that end in 上. */
static int round_figure_before(const char *s, size_t p)
{
    static const uint32_t not_before_shang[] = {
        0x4EE5 /* 以 */, 0x4E4B /* 之 */, 0x7EBF /* 线 */, 0x7F51 /* 网 */,
        0x5343 /* 千 */, 0x767E /* 百 */, 0x4E07 /* 万 */, 0x5411 /* 向 */,
        0x9A6C /* 马 */, 0x65E9 /* 早 */, 0x665A /* 晚 */, 0x8DEF /* 路 */,
        0x4F1A /* 会 */, 0x8EAB /* 身 */, 0x53F2 /* 史 */, 0x4E91 /* 云 */,
        0x638C /* 掌 */, 0x7EB8 /* 纸 */, 0x53F0 /* 台 */, 0x9762 /* 面 */,
        0x624B /* 手 */, 0x5C71 /* 山 */, 0x8857 /* 街 */, 0x697C /* 楼 */,
        0x4E16 /* 世 */, 0x5929 /* 天 */, 0x5730 /* 地 */, 0x573A /* 场 */,
        0x5E02 /* 市 */, 0x684C /* 桌 */, 0x8F66 /* 车 */};
    size_t at, at2;
    uint32_t c;

    if (approx_before(s, p))
        return 1;
    if (utf8_before(s, p, &at) != 0x4E0A /* 上 */)
        return 0;
    c = utf8_before(s, at, &at2);
    for (size_t i = 0; i < sizeof not_before_shang / sizeof *not_before_shang; i++)
        if (c == not_before_shang[i])
            return 0;
    return 1;
}

/* A bare magnitude and a unit, after a word of approximation: "逾千人",
 * "上千户", "超千万元". Same contract as read_arabic. */
static int read_round(const scan *sc, size_t p, reading *r, size_t *resume)
{
    const char *s = sc->s;
    size_t len = sc->len, n = 0, q, k;
    double m;
    const unit_entry *u;

    *resume = p;
    if (!round_figure_before(s, p) || !(n = read_magnitudes(s, len, p, &m)))
        return 0;
    q = skip_spaces(s, len, p + n);
    u = unit_at(s, len, q, &k);
    if (!u || (u->flags & (U_SKIP | U_ARABIC_ONLY | U_SIGN)))
        return 0;  /* "近百年", "上千万" */
    memset(r, 0, sizeof *r);
    r->start = p;
    r->end = q + k;
    r->unit = u;
    r->value = r->high = m * u->mul / u->div;
    r->approx = 1;
    *resume = r->end;
    return 1;
}

/* Reads a Chinese figure at p: "两条", "三千五百万元", "百分之六十", "三成",
 * "五六百人", "三分之一", "壹佰贰拾叁万元", "逾千人". Same contract as
 * read_arabic. */
static int read_chinese(const scan *sc, size_t p, reading *r, size_t *resume)
{
    const char *s = sc->s;
    size_t len = sc->len, q, n, body_end;
    double per = 0;
    cn_number num;
    const unit_entry *u = NULL;

    memset(r, 0, sizeof *r);
    r->start = p;
    q = p;
    if ((n = lit_at(s, len, q, "百分之")))
        per = 1;
    else if ((n = lit_at(s, len, q, "千分之")))
        per = 0.1;
    else if ((n = lit_at(s, len, q, "万分之")))
        per = 0.01;
    if (per != 0) {
        /* "百分之六十", "千分之五", "百分之5.5", "万分之三" */
        q += n;
        if (has_digit_at(s, len, q)) {
            term t;
            read_number(s, len, q, &t);
            num.low = num.high = term_value(&t);
            num.range = 0;
            num.end = t.num_end;
            r->decimals = t.decimals;
            r->malformed = t.malformed;
        } else if (!read_cn(s, len, q, 1, &num)) {
            *resume = q;
            return 0;
        }
        u = &percent_unit;
        r->value = num.low * per;
        r->high = num.high * per;
        r->range = num.range;
        r->end = num.end;
        r->unit = u;
        *resume = num.end;
        r->approx = approx_before(s, p) | approx_after(s, len, r->end);
        return 1;
    }

    if (magnitude_value(cp3_at(s, len, p)) >= 100)
        return read_round(sc, p, r, resume);

    if (!read_cn(s, len, q, 0, &num)) {
        *resume = p;
        return 0;
    }
    *resume = num.end;
    /* "三分之一的村", "十分之一" */
    if (!num.range && !num.positional &&
        read_fraction(s, len, num.end, num.low, r)) {
        *resume = r->end;
        r->approx = approx_before(s, p) | approx_after(s, len, r->end);
        return 1;
    }
    /* "数十个", "几十万元": vague, no figure */
    if (num.digits == 0) {
        size_t at;
        uint32_t c = utf8_before(s, p, &at);
        if (c == 0x6570 /* 数 */ || c == 0x6578 /* 數 */ || c == 0x51E0 /* 几 */ ||
            c == 0x5E7E /* 幾 */)
            return 0;
    }
    body_end = num.end;
    if ((n = about_at(s, len, skip_spaces(s, len, body_end)))) {
        /* "三十多个", "二十余人" */
        r->approx = 1;
        body_end = skip_spaces(s, len, body_end) + n;
    }
    q = skip_spaces(s, len, body_end);
    u = unit_at(s, len, q, &n);
    if (u && (u->flags & (U_SKIP | U_ARABIC_ONLY))) {
        *resume = q + n;
        return 0;  /* "二级以上", "十一月", "三方协议", "抓两头" */
    }
    /* A Chinese numeral counts only with a unit: "一是", "十、", "四好农村
     *路", "两委" are not figures, and a lone 一 is the article: "一张严密的
     * 疫情防控大网", "一次办". One target string may be a bare numeral. */
    if (!sc->whole && (!u || num.lone_one || num.positional))
        return 0;
    /* a lone 大写 digit is an amount ("伍元"), not "陆家嘴" or "伍位" */
    if (!sc->whole && num.lone_daxie && u->dim != AUDIT_DIM_MONEY)
        return 0;
    if (before_spaces(s, p) == 0x7B2C /* 第 */) {
        *resume = u ? q + n : body_end;
        return 0;  /* "第一批" */
    }
    r->unit = u;
    r->value = u ? num.low * u->mul / u->div : num.low;
    r->high = u ? num.high * u->mul / u->div : num.high;
    r->range = num.range;
    r->end = u ? q + n : body_end;
    *resume = r->end;
    r->approx |= approx_before(s, p) | approx_after(s, len, r->end);
    return 1;
}

static void quantity_from_reading(audit_quantity *q, const reading *r)
{
    int finite = isfinite(r->value) && isfinite(r->high);

    memset(q, 0, sizeof *q);
    q->start = r->start;
    q->end = r->end;
    /* "999…9人" with 400 digits, "一亿亿亿…": no double holds it */
    q->value = finite ? r->value : 0;
    q->high = finite ? r->high : 0;
    q->unit = r->unit ? r->unit->name : NULL;
    q->dim = r->unit ? r->unit->dim : AUDIT_DIM_NONE;
    q->decimals = r->decimals;
    q->approx = r->approx ? 1 : 0;
    q->range = r->range ? 1 : 0;
    q->malformed = r->malformed || !finite ? 1 : 0;
    q->role = AUDIT_ROLE_OTHER;
}

/* The scanner's fast path. Each byte that can begin a character is in one
 * of three classes: FB_SKIP, an ASCII byte read_at steps over at once
 * (neither a digit nor a letter); FB_LEAD3, the lead byte of a three-byte
 * character, which starts something only if may_start_figure says so; and
 * FB_READ, everything else (digits, letters, other lead bytes, stray
 * continuation bytes), which goes to read_at. */
enum { FB_SKIP, FB_READ, FB_LEAD3 };

#define FB_ROW_SKIP FB_SKIP, FB_SKIP, FB_SKIP, FB_SKIP, FB_SKIP, FB_SKIP, \
    FB_SKIP, FB_SKIP, FB_SKIP, FB_SKIP, FB_SKIP, FB_SKIP, FB_SKIP, FB_SKIP, \
    FB_SKIP, FB_SKIP
#define FB_ROW_READ FB_READ, FB_READ, FB_READ, FB_READ, FB_READ, FB_READ, \
    FB_READ, FB_READ, FB_READ, FB_READ, FB_READ, FB_READ, FB_READ, FB_READ, \
    FB_READ, FB_READ
#define FB_ROW_LEAD3 FB_LEAD3, FB_LEAD3, FB_LEAD3, FB_LEAD3, FB_LEAD3, \
    FB_LEAD3, FB_LEAD3, FB_LEAD3, FB_LEAD3, FB_LEAD3, FB_LEAD3, FB_LEAD3, \
    FB_LEAD3, FB_LEAD3, FB_LEAD3, FB_LEAD3

static const unsigned char first_byte_class[] = {
    FB_ROW_SKIP, FB_ROW_SKIP, FB_ROW_SKIP,                  /* 0x00-0x2F */
    FB_READ, FB_READ, FB_READ, FB_READ, FB_READ,            /* 0-4 */
    FB_READ, FB_READ, FB_READ, FB_READ, FB_READ,            /* 5-9 */
    FB_SKIP, FB_SKIP, FB_SKIP, FB_SKIP, FB_SKIP, FB_SKIP,   /* :;<=>? */
    FB_SKIP, FB_READ, FB_READ, FB_READ, FB_READ, FB_READ,   /* @ A-E */
    FB_READ, FB_READ, FB_READ, FB_READ, FB_READ, FB_READ,   /* F-K */
    FB_READ, FB_READ, FB_READ, FB_READ,                     /* L-O */
    FB_READ, FB_READ, FB_READ, FB_READ, FB_READ, FB_READ,   /* P-U */
    FB_READ, FB_READ, FB_READ, FB_READ, FB_READ,            /* V-Z */
    FB_SKIP, FB_SKIP, FB_SKIP, FB_SKIP, FB_SKIP,            /* [\]^_ */
    FB_SKIP, FB_READ, FB_READ, FB_READ, FB_READ, FB_READ,   /* ` a-e */
    FB_READ, FB_READ, FB_READ, FB_READ, FB_READ, FB_READ,   /* f-k */
    FB_READ, FB_READ, FB_READ, FB_READ,                     /* l-o */
    FB_READ, FB_READ, FB_READ, FB_READ, FB_READ, FB_READ,   /* p-u */
    FB_READ, FB_READ, FB_READ, FB_READ, FB_READ,            /* v-z */
    FB_SKIP, FB_SKIP, FB_SKIP, FB_SKIP, FB_SKIP,            /* {|}~ DEL */
    FB_ROW_READ, FB_ROW_READ, FB_ROW_READ, FB_ROW_READ,     /* 0x80-0xBF */
    FB_ROW_READ, FB_ROW_READ,                               /* 0xC0-0xDF */
    FB_ROW_LEAD3,                                           /* 0xE0-0xEF */
    FB_ROW_READ                                             /* 0xF0-0xFF */
};
_Static_assert(sizeof first_byte_class == 256, "one class per byte");

/* Whether read_at may find anything at a character: Chinese digits and
 * magnitudes (三, 十, 百分之, 逾千人) and full-width digits. Every other
 * three-byte character is stepped over, as read_at would. */
static int may_start_figure(uint32_t c)
{
    cn_char k;

    if (c >= 0xFF10 && c <= 0xFF19)  /* ０-９ */
        return 1;
    if (!maybe_cn_char(c))
        return 0;
    k = cn_char_of(c);
    return k.digit >= 0 || k.magnitude != 0;
}

/* One step of the scanner at p: 1 and a reading if a quantity starts
 * there; *resume is always past p. */
static int read_at(const scan *sc, size_t p, reading *r, size_t *resume)
{
    const char *s = sc->s;
    size_t len = sc->len, n;
    uint32_t c = cp_at(s, len, p, &n);
    int ok = 0;

    if (has_digit_at(s, len, p))
        ok = read_arabic(sc, p, r, resume);
    else if (is_ascii_alpha(c)) {
        *resume = identifier_end(s, len, p);
        return 0;
    } else if (cn_start_at(s, len, p) ||
               magnitude_value(cp3_at(s, len, p)) >= 100)
        ok = read_chinese(sc, p, r, resume);
    else
        *resume = p + n;
    if (*resume <= p)
        *resume = p + (n ? n : 1);
    return ok;
}

/* ------------------------------------------------------------------ */
/* Public functions                                                    */

size_t audit_quantity_scan(const char *text, size_t len,
                           audit_quantity_list *out)
{
    const unsigned char *u = (const unsigned char *)text;
    scan sc = {text, len, 0};
    size_t p = 0, resume, found = 0;
    reading r;

    while (p < len) {
        /* Most of the text starts nothing: step over it a character at a
         * time, exactly as read_at would, without trying every reader. */
        switch (first_byte_class[u[p]]) {
        case FB_SKIP:
            p++;
            continue;
        case FB_LEAD3: {
            uint32_t c = cp3_at(text, len, p);
            if (c != 0 && !may_start_figure(c)) {
                p += 3;
                continue;
            }
            break;
        }
        default:
            break;
        }
        if (read_at(&sc, p, &r, &resume)) {
            out->items = audit_xgrow(out->items, &out->cap, out->len + 1,
                                     sizeof *out->items);
            quantity_from_reading(&out->items[out->len++], &r);
            found++;
        }
        p = resume;
    }
    return found;
}

static int is_white(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v' || c == 0x3000 || c == 0xA0;
}

int audit_quantity_parse(const char *s, size_t n, audit_quantity *q)
{
    static const char *const before[] = {"大约", "将近", "接近", "超过", "约",
                                         "近", "超", "逾"};
    static const char *const after[] = {"及以上", "或以上", "左右", "上下",
                                        "以上", "有余", "余", "多"};
    scan sc = {s, n, 1};
    size_t p = 0, end = n, at, k, resume;
    int approx = 0;
    reading r;

    while (p < end) {
        uint32_t c = cp_at(s, end, p, &k);
        if (!is_white(c))
            break;
        p += k;
    }
    while (end > p) {
        uint32_t c = utf8_before(s, end, &at);
        if (!is_white(c))
            break;
        end = at;
    }
    for (size_t i = 0; i < sizeof before / sizeof before[0]; i++) {
        if ((k = lit_at(s, end, p, before[i]))) {
            approx = 1;
            p = skip_spaces(s, end, p + k);
            break;
        }
    }
    if (p >= end)
        return -1;
    sc.len = end;
    if (!read_at(&sc, p, &r, &resume) || r.start != p)
        return -1;
    p = skip_spaces(s, end, r.end);
    for (size_t i = 0; i < sizeof after / sizeof after[0]; i++) {
        if ((k = lit_at(s, end, p, after[i]))) {
            approx = 1;
            p = skip_spaces(s, end, p + k);
            break;
        }
    }
    if (p != end)
        return -1;
    quantity_from_reading(q, &r);
    if (approx)
        q->approx = 1;
    return 0;
}

int audit_unit_compatible(const audit_quantity *a, const audit_quantity *b)
{
    if (a->dim != b->dim)
        return 0;
    if (a->dim == AUDIT_DIM_OTHER)
        return a->unit && b->unit && strcmp(a->unit, "rate") != 0 &&
               strcmp(a->unit, b->unit) == 0;
    return 1;
}

const char *audit_dim_name(audit_dim dim)
{
    switch (dim) {
    case AUDIT_DIM_NONE: return "none";
    case AUDIT_DIM_PERSONS: return "persons";
    case AUDIT_DIM_HOUSEHOLDS: return "households";
    case AUDIT_DIM_COUNT: return "count";
    case AUDIT_DIM_LENGTH: return "length";
    case AUDIT_DIM_AREA: return "area";
    case AUDIT_DIM_MONEY: return "money";
    case AUDIT_DIM_PERCENT: return "percent";
    case AUDIT_DIM_POINTS: return "percentage points";
    case AUDIT_DIM_WEIGHT: return "weight";
    case AUDIT_DIM_VOLUME: return "volume";
    case AUDIT_DIM_TIME: return "time";
    case AUDIT_DIM_MULTIPLE: return "multiple";
    case AUDIT_DIM_OTHER: return "other";
    }
    return "unknown";
}

void audit_quantity_list_free(audit_quantity_list *list)
{
    if (!list)
        return;
    free(list->items);
    list->items = NULL;
    list->len = list->cap = 0;
}
