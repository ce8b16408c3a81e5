/* markup.c - blanking the markup of a report so that it is not read as text.
 *
 * In:  a copy of the decoded UTF-8 text (doc->clean).
 * Out: the same bytes, same length, with the markup overwritten in place:
 *
 *   HTML tags      <p>, </p>, <br/>, <span class="x">, <!DOCTYPE html>: only
 *                  a `<` followed by a letter, `/` + letter or `!`, closed by
 *                  a `>` within 1 KiB and before any other `<`, is a tag
 *                  ("x<y" and "a < b" in prose are not).
 *   comments       <!-- ... -->
 *   entities       &nbsp; &amp; &lt; &gt; &quot; &ldquo; &le; ... &#20154;
 *                  &#x4EBA;: the character is written where the entity
 *                  ends, after spaces, when its UTF-8 is not longer than
 *                  the entity (it never is for the ones listed), so that a
 *                  figure ending in it spans the whole entity.
 *                  &nbsp; and the other spaces become a plain space.
 *   Markdown       a run of 1-6 `#` opening a line ("## 二、工作进度",
 *                  also "##标题" as Chinese authors write it), and runs of
 *                  two or more `*` ("**完成情况**"). Pipes of tables stay:
 *                  the segmenter reads them as cell separators.
 *
 * Blanked bytes become spaces, except that line ends inside a tag or a
 * comment stay, and that tags which break text keep the break: a block tag
 * (<p>, </p>, <br>, <div>, <li>, <tr>, <h2>, ...) becomes a line end and
 * spaces, and a table cell (<td>, <th>) after the first of its row becomes
 * a tab and spaces. So "<tr><td>筛查率</td><td>71.9%</td></tr>" reads as a
 * tab-separated row, and one-line HTML still has paragraphs. Every offset
 * of clean is the same offset of text.
 *
 * One pass, linear: a tag is looked for at most 1 KiB ahead and never past
 * the next `<`; after one comment is found unclosed, no later one is
 * looked for; entities are at most a dozen bytes.
 */
#include "document.h"

#include <string.h>

#define MAX_TAG 1024
#define MAX_ENTITY 12 /* "&thinsp;" "&#x10FFFF;" */

static int is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_alnum(char c)
{
    return is_alpha(c) || (c >= '0' && c <= '9');
}

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Spaces over s[from..to), line ends kept. */
static void blank(char *s, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (s[i] != '\n' && s[i] != '\r')
            s[i] = ' ';
}

/* ---- tags -------------------------------------------------------------- */

typedef enum { TAG_INLINE, TAG_BLOCK, TAG_ROW, TAG_CELL } tag_kind;

/* What the tag named name[0..n) (lower case) does to the text. */
static tag_kind classify_tag(const char *name, size_t n)
{
    static const char *const block[] = {
        "p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5",
        "h6", "hr", "table", "thead", "tbody", "tfoot", "caption",
        "section", "article", "header", "footer", "blockquote", "pre",
        "title", "body", "html", "head", "dl", "dt", "dd", "center",
    };
    if (n == 2 && !memcmp(name, "tr", 2))
        return TAG_ROW;
    if (n == 2 && (!memcmp(name, "td", 2) || !memcmp(name, "th", 2)))
        return TAG_CELL;
    for (size_t i = 0; i < sizeof block / sizeof block[0]; i++)
        if (strlen(block[i]) == n && !memcmp(block[i], name, n))
            return TAG_BLOCK;
    return TAG_INLINE;
}

/* If s[i] opens a tag, returns the offset just past its `>`, else 0. */
static size_t tag_end(const char *s, size_t len, size_t i)
{
    size_t j = i + 1;
    if (j < len && s[j] == '/')
        j++;
    else if (j < len && s[j] == '!')
        j++;
    if (j >= len || !is_alpha(s[j]))
        return 0;
    size_t limit = len - i > MAX_TAG ? i + MAX_TAG : len;
    for (; j < limit; j++) {
        if (s[j] == '>')
            return j + 1;
        if (s[j] == '<')
            return 0;
    }
    return 0;
}

/* ---- entities ---------------------------------------------------------- */

static size_t encode_utf8(unsigned long cp, char *u)
{
    if (cp < 0x80) {
        u[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    u[0] = (char)(0xF0 | (cp >> 18));
    u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    u[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* The named entities a Chinese report exported from a web page carries. */
static const struct {
    const char *name;
    const char *utf8;
} entities[] = {
    {"nbsp", " "},   {"ensp", " "},    {"emsp", " "},    {"thinsp", " "},
    {"amp", "&"},    {"lt", "<"},      {"gt", ">"},      {"quot", "\""},
    {"apos", "'"},   {"ldquo", "“"},   {"rdquo", "”"},   {"lsquo", "‘"},
    {"rsquo", "’"},  {"mdash", "—"},   {"ndash", "–"},   {"hellip", "…"},
    {"middot", "·"}, {"times", "×"},   {"divide", "÷"},  {"yen", "¥"},
    {"deg", "°"},    {"permil", "‰"},  {"percnt", "%"},  {"plusmn", "±"},
    {"le", "≤"},     {"ge", "≥"},      {"sup2", "²"},    {"sup3", "³"},
};

/* If s[i] ('&') starts an entity that can be written in place, writes its
 * character after padding spaces and returns the offset past the `;`;
 * else returns 0 and leaves s alone. */
static size_t replace_entity(char *s, size_t len, size_t i)
{
    size_t limit = len - i > MAX_ENTITY ? i + MAX_ENTITY : len;
    size_t semi = i + 1;
    while (semi < limit && s[semi] != ';')
        semi++;
    if (semi >= limit || semi == i + 1)
        return 0;
    size_t end = semi + 1, room = end - i;
    char u[4];
    size_t n = 0;
    if (s[i + 1] == '#') {
        int hex = i + 2 < semi && (s[i + 2] == 'x' || s[i + 2] == 'X');
        size_t j = i + 2 + (size_t)hex;
        if (j == semi)
            return 0;
        unsigned long cp = 0;
        for (; j < semi; j++) {
            char c = lower(s[j]);
            int d;
            if (c >= '0' && c <= '9')
                d = c - '0';
            else if (hex && c >= 'a' && c <= 'f')
                d = c - 'a' + 10;
            else
                return 0;
            cp = cp * (hex ? 16 : 10) + (unsigned long)d;
            if (cp > 0x10FFFF)
                return 0;
        }
        if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        if (cp < 0x20 || cp == 0x7F || cp == 0xA0 || cp == 0x3000)
            cp = ' ';
        n = encode_utf8(cp, u);
    } else {
        size_t name_len = semi - i - 1;
        for (size_t k = 0; k < sizeof entities / sizeof entities[0]; k++) {
            if (strlen(entities[k].name) == name_len &&
                !memcmp(entities[k].name, s + i + 1, name_len)) {
                n = strlen(entities[k].utf8);
                memcpy(u, entities[k].utf8, n);
                break;
            }
        }
        if (!n)
            return 0;
    }
    if (n > room)
        return 0;
    /* The character goes last, so that a figure ending in it ("99.07&#37;")
     * spans the whole entity in the original text. */
    memset(s + i, ' ', room - n);
    memcpy(s + i + room - n, u, n);
    return end;
}

/* ---- the pass ---------------------------------------------------------- */

/* Whether the line that starts at i holds a tab. */
static int line_has_tab(const char *s, size_t len, size_t i)
{
    for (; i < len && s[i] != '\n' && s[i] != '\r'; i++)
        if (s[i] == '\t')
            return 1;
    return 0;
}

void audit_markup_blank(char *clean, size_t len)
{
    int line_start = 1;      /* only blanks since the last line end */
    int comments_closed = 1; /* no unclosed comment seen yet */
    size_t cells = 0;        /* <td>/<th> seen in the current <tr> */
    int in_row = 0;          /* between <tr> and </tr> */
    size_t i = 0, end;
    /* A tab-separated row keeps its cells' <p> tags on one line: a line
     * break there would cut the row apart. */
    int row_line = line_has_tab(clean, len, 0);
    while (i < len) {
        char c = clean[i];
        if (c == '\n' || c == '\r') {
            line_start = 1;
            i++;
            row_line = line_has_tab(clean, len, i);
        } else if (c == ' ' || c == '\t') {
            i++;
        } else if (c == '<' && comments_closed && len - i >= 4 &&
                   !memcmp(clean + i, "<!--", 4)) {
            /* <!-- 以下为正文 --> */
            size_t j = i + 4;
            while (j + 3 <= len && memcmp(clean + j, "-->", 3))
                j++;
            if (j + 3 > len) {
                comments_closed = 0;
                line_start = 0;
                i++;
                continue;
            }
            blank(clean, i, j + 3);
            i = j + 3;
        } else if (c == '<' && (end = tag_end(clean, len, i)) != 0) {
            /* <p style="text-indent:2em">截至目前...</p> */
            size_t name = i + 1;
            if (clean[name] == '/' || clean[name] == '!')
                name++;
            char lname[16];
            size_t n = 0;
            while (name + n < end && is_alnum(clean[name + n]) &&
                   n < sizeof lname) {
                lname[n] = lower(clean[name + n]);
                n++;
            }
            tag_kind kind = is_alnum(clean[name + n]) ? TAG_INLINE
                                                      : classify_tag(lname, n);
            int closing = clean[i + 1] == '/';
            blank(clean, i, end);
            if (kind == TAG_ROW) {
                in_row = !closing;
                if (!row_line) {
                    clean[i] = '\n';
                    line_start = 1;
                }
                cells = 0;
            } else if (kind == TAG_BLOCK && !row_line && !in_row) {
                /* a <br> or <p> inside a <td> breaks the cell's text, not
                 * the row: it stays a blank */
                clean[i] = '\n';
                line_start = 1;
            } else if (kind == TAG_CELL && !closing) {
                if (cells++ > 0)
                    clean[i] = '\t';
            }
            i = end;
        } else if (c == '&') {
            /* 老年人&nbsp;2300户, &#20154; */
            end = replace_entity(clean, len, i);
            line_start = 0;
            i = end ? end : i + 1;
        } else if (c == '#' && line_start) {
            /* ## 二、工作进度 */
            size_t j = i;
            while (j < len && clean[j] == '#')
                j++;
            if (j - i <= 6 && (j == len || clean[j] == ' ' || clean[j] == '\t' ||
                               clean[j] == '\n' || clean[j] == '\r' ||
                               (unsigned char)clean[j] >= 0x80))
                blank(clean, i, j);
            line_start = 0;
            i = j;
        } else if (c == '*' && i + 1 < len && clean[i + 1] == '*') {
            /* **完成情况**:全年完成改造2300户 */
            size_t j = i;
            while (j < len && clean[j] == '*')
                j++;
            blank(clean, i, j);
            i = j;
        } else {
            line_start = 0;
            i++;
        }
    }
}
