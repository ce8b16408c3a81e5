/* test_decode.c - decoding reports (decode.c) and blanking markup (markup.c).
 *
 * Tables, as in libyaml's test-reader.c:
 *   encodings  one short report in every supported encoding and line-end
 *              style must give the same text and the same positions;
 *   errors     bad inputs, each with its exact code, message and place;
 *   positions  byte offsets -> 0-based line and column;
 *   markup     text -> clean.
 */
#include <check.h>

#include "check_run.h"
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "audit.h"
#include "document.h"

static const char REPORT[] = "完成情况:全年完成改造2300户。\n筛查率71.9%";

/* iconv(3) from UTF-8 to `to`; the caller frees. */
static char *convert(const char *to, const char *in, size_t n, size_t *out_n)
{
    iconv_t cd = iconv_open(to, "UTF-8");
    ck_assert_msg(cd != (iconv_t)-1, "iconv_open %s: %s", to, strerror(errno));
    size_t cap = 4 * n + 16, left = cap;
    char *out = malloc(cap), *o = out, *i = (char *)in;
    size_t in_left = n;
    ck_assert(iconv(cd, &i, &in_left, &o, &left) != (size_t)-1);
    iconv_close(cd);
    *out_n = cap - left;
    return out;
}

/* REPORT with its LF replaced by `eol`. */
static char *with_eol(const char *eol, size_t *n)
{
    const char *lf = strchr(REPORT, '\n');
    size_t head = (size_t)(lf - REPORT), tail = strlen(lf + 1);
    char *s = malloc(head + strlen(eol) + tail + 1);
    memcpy(s, REPORT, head);
    memcpy(s + head, eol, strlen(eol));
    memcpy(s + head + strlen(eol), lf + 1, tail + 1);
    *n = head + strlen(eol) + tail;
    return s;
}

/* ---- encodings --------------------------------------------------------- */

enum { PLAIN, BOM8, GB, LE, BE, GB_BOM };

static const struct {
    const char *title;
    int form;
    const char *eol;
    audit_encoding enc;      /* asked for */
    audit_encoding expected; /* read as */
} encoding_cases[] = {
    {"utf-8", PLAIN, "\n", AUDIT_ENCODING_AUTO, AUDIT_ENCODING_UTF8},
    {"utf-8 with BOM", BOM8, "\n", AUDIT_ENCODING_AUTO, AUDIT_ENCODING_UTF8},
    {"utf-8 CRLF", PLAIN, "\r\n", AUDIT_ENCODING_AUTO, AUDIT_ENCODING_UTF8},
    {"utf-8 CR", PLAIN, "\r", AUDIT_ENCODING_AUTO, AUDIT_ENCODING_UTF8},
    {"utf-8 BOM CRLF", BOM8, "\r\n", AUDIT_ENCODING_AUTO, AUDIT_ENCODING_UTF8},
    {"utf-8 forced", PLAIN, "\n", AUDIT_ENCODING_UTF8, AUDIT_ENCODING_UTF8},
    {"gb18030 detected", GB, "\n", AUDIT_ENCODING_AUTO, AUDIT_ENCODING_GB18030},
    {"gb18030 CRLF", GB, "\r\n", AUDIT_ENCODING_AUTO, AUDIT_ENCODING_GB18030},
    {"gb18030 forced", GB, "\n", AUDIT_ENCODING_GB18030, AUDIT_ENCODING_GB18030},
    {"gb18030 BOM", GB_BOM, "\n", AUDIT_ENCODING_AUTO, AUDIT_ENCODING_GB18030},
    {"utf-16le BOM", LE, "\n", AUDIT_ENCODING_AUTO, AUDIT_ENCODING_UTF16},
    {"utf-16be BOM", BE, "\n", AUDIT_ENCODING_AUTO, AUDIT_ENCODING_UTF16},
    {"utf-16le CRLF", LE, "\r\n", AUDIT_ENCODING_AUTO, AUDIT_ENCODING_UTF16},
    {"utf-16be CR", BE, "\r", AUDIT_ENCODING_AUTO, AUDIT_ENCODING_UTF16},
    {"utf-16 forced", LE, "\n", AUDIT_ENCODING_UTF16, AUDIT_ENCODING_UTF16},
};

/* The bytes of encoding case i; the caller frees. */
static char *encode_case(int i, size_t *n)
{
    size_t u8_n, body_n;
    char *u8 = with_eol(encoding_cases[i].eol, &u8_n), *body, *out;
    const char *bom = "";
    size_t bom_n = 0;
    switch (encoding_cases[i].form) {
    case BOM8: bom = "\xEF\xBB\xBF"; bom_n = 3; /* fall through */
    case PLAIN: body = strdup(u8); body_n = u8_n; break;
    case GB_BOM: bom = "\x84\x31\x95\x33"; bom_n = 4; /* fall through */
    case GB: body = convert("GB18030", u8, u8_n, &body_n); break;
    case LE: bom = "\xFF\xFE"; bom_n = 2; body = convert("UTF-16LE", u8, u8_n, &body_n); break;
    default: bom = "\xFE\xFF"; bom_n = 2; body = convert("UTF-16BE", u8, u8_n, &body_n); break;
    }
    out = malloc(bom_n + body_n);
    memcpy(out, bom, bom_n);
    memcpy(out + bom_n, body, body_n);
    *n = bom_n + body_n;
    free(body);
    free(u8);
    return out;
}

static void assert_position(const audit_document *doc, const char *needle,
                            size_t line, size_t column)
{
    const char *at = strstr(doc->text, needle);
    ck_assert_msg(at, "%s not in text", needle);
    size_t l, c;
    audit_document_position(doc, (size_t)(at - doc->text), &l, &c);
    ck_assert_uint_eq(l, line);
    ck_assert_uint_eq(c, column);
}

START_TEST(test_encodings)
{
    size_t n, expect_n;
    char *bytes = encode_case(_i, &n);
    char *expect = with_eol(encoding_cases[_i].eol, &expect_n);
    audit_error err = {0};
    audit_document *doc = audit_document_from_bytes(
        "r.txt", bytes, n, encoding_cases[_i].enc, &err);
    ck_assert_msg(doc, "%s: %s", encoding_cases[_i].title,
                  err.message ? err.message : "?");
    ck_assert_str_eq(doc->name, "r.txt");
    ck_assert_int_eq(doc->encoding, encoding_cases[_i].expected);
    ck_assert_uint_eq(doc->len, expect_n);
    ck_assert_str_eq(doc->text, expect);
    ck_assert_uint_eq(strlen(doc->clean), doc->len);
    ck_assert_uint_eq(doc->n_lines, 2);
    assert_position(doc, "完成情况", 0, 0);
    assert_position(doc, "2300", 0, 11);
    assert_position(doc, "户。", 0, 15);
    assert_position(doc, "筛查率", 1, 0);
    assert_position(doc, "71.9", 1, 3);
    assert_position(doc, "%", 1, 7);
    audit_document_free(doc);
    free(expect);
    free(bytes);
}
END_TEST

/* Chinese UTF-8 with one corrupt byte is usually valid GB18030: it must be
 * an error at that byte, not a page of mojibake. */
START_TEST(test_broken_utf8_is_not_gb18030)
{
    /* 改 (E6 94 B9) cut short, then more UTF-8 */
    const char bytes[] = "完成情况:全年完成\xE6\x94" "2300户。\n筛查率71.9%";
    audit_error err = {0};
    audit_document *doc = audit_document_from_bytes(
        "r.txt", bytes, sizeof bytes - 1, AUDIT_ENCODING_AUTO, &err);
    ck_assert_ptr_null(doc);
    ck_assert_int_eq(err.code, AUDIT_E_ENCODING);
    char *msg = audit_error_format(&err);
    ck_assert_str_eq(msg, "r.txt:1:10: invalid UTF-8 (byte 0xE6)");
    free(msg);
    audit_error_clear(&err);
}
END_TEST

/* GBK text read as GB18030 keeps its positions. */
START_TEST(test_gbk_positions)
{
    size_t n;
    const char u8[] = "一、工作进度\r\n截至目前,已完成8406人,完成率84.06%。";
    char *gb = convert("GBK", u8, sizeof u8 - 1, &n);
    audit_error err = {0};
    audit_document *doc =
        audit_document_from_bytes("g.txt", gb, n, AUDIT_ENCODING_AUTO, &err);
    ck_assert_ptr_nonnull(doc);
    ck_assert_int_eq(doc->encoding, AUDIT_ENCODING_GB18030);
    ck_assert_str_eq(doc->text, u8);
    assert_position(doc, "8406", 1, 8);
    assert_position(doc, "84.06", 1, 17);
    audit_document_free(doc);
    free(gb);
}
END_TEST

/* ---- errors ------------------------------------------------------------ */

#define BYTES(s) s, sizeof s - 1

static const struct {
    const char *title;
    const char *bytes;
    size_t n;
    audit_encoding enc;
    audit_error_code code;
    const char *message; /* audit_error_format(), exactly */
} error_cases[] = {
    {"empty", BYTES(""), AUDIT_ENCODING_AUTO, AUDIT_E_EMPTY,
     "r.txt: empty report"},
    {"blank", BYTES(" \r\n\t\n"), AUDIT_ENCODING_AUTO, AUDIT_E_EMPTY,
     "r.txt: empty report"},
    {"only a BOM", BYTES("\xEF\xBB\xBF"), AUDIT_ENCODING_AUTO, AUDIT_E_EMPTY,
     "r.txt: empty report"},
    {"only a UTF-16 BOM", BYTES("\xFF\xFE"), AUDIT_ENCODING_AUTO,
     AUDIT_E_EMPTY, "r.txt: empty report"},
    {"NUL byte", BYTES("完成\0xx"), AUDIT_ENCODING_AUTO, AUDIT_E_BINARY,
     "r.txt: binary file (NUL byte at offset 6)"},
    {"NUL byte, gb18030 forced", BYTES("ab\0"), AUDIT_ENCODING_GB18030,
     AUDIT_E_BINARY, "r.txt: binary file (NUL byte at offset 2)"},
    {"PNG", BYTES("\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), AUDIT_ENCODING_AUTO,
     AUDIT_E_BINARY, "r.txt: binary file (PNG image)"},
    {"PDF", BYTES("%PDF-1.4\n"), AUDIT_ENCODING_AUTO, AUDIT_E_BINARY,
     "r.txt: binary file (PDF document)"},
    {"docx", BYTES("PK\x03\x04\x14\0\x06\0"), AUDIT_ENCODING_AUTO,
     AUDIT_E_BINARY, "r.txt: binary file (zip archive or Office document)"},
    {"UTF-16 NUL character", BYTES("\xFF\xFE" "a\0\0\0"), AUDIT_ENCODING_AUTO,
     AUDIT_E_BINARY, "r.txt: binary file (NUL character at offset 4)"},
    {"invalid byte in UTF-8", BYTES("完成情况:全年\n筛查率\xFF" "71.9%"),
     AUDIT_ENCODING_AUTO, AUDIT_E_ENCODING, "r.txt:2:4: invalid UTF-8 (byte 0xFF)"},
    {"neither UTF-8 nor GB18030", BYTES("ab\ncd\xFF"), AUDIT_ENCODING_AUTO,
     AUDIT_E_ENCODING,
     "r.txt:2:3: invalid UTF-8 (byte 0xFF) and not GB18030 either"},
    {"invalid byte after a BOM", BYTES("\xEF\xBB\xBF" "ab\x80"),
     AUDIT_ENCODING_AUTO, AUDIT_E_ENCODING, "r.txt:1:3: invalid UTF-8 (byte 0x80)"},
    {"overlong, utf-8 forced", BYTES("ab\xC0\xAF"), AUDIT_ENCODING_UTF8,
     AUDIT_E_ENCODING, "r.txt:1:3: invalid UTF-8 (byte 0xC0)"},
    {"surrogate in UTF-8", BYTES("完成\xED\xA0\x80"), AUDIT_ENCODING_AUTO,
     AUDIT_E_ENCODING, "r.txt:1:3: invalid UTF-8 (byte 0xED)"},
    {"truncated UTF-8", BYTES("筛查率71.9%\n已完成\xE6\x94"), AUDIT_ENCODING_AUTO,
     AUDIT_E_ENCODING, "r.txt:2:4: truncated UTF-8 character at end of file"},
    {"gb18030 forced, invalid", BYTES("ab\r\n\xFF"), AUDIT_ENCODING_GB18030,
     AUDIT_E_ENCODING, "r.txt:2:1: invalid GB18030 (byte 0xFF)"},
    {"gb18030 forced, truncated", BYTES("ab\xC8"), AUDIT_ENCODING_GB18030,
     AUDIT_E_ENCODING, "r.txt:1:3: truncated GB18030 character at end of file"},
    {"lone high surrogate", BYTES("\xFF\xFE" "a\0\n\0\x00\xD8" "b\0"),
     AUDIT_ENCODING_AUTO, AUDIT_E_ENCODING,
     "r.txt:2:1: invalid UTF-16: unpaired surrogate 0xD800"},
    {"high surrogate at the end", BYTES("\xFE\xFF\0a\xD8\x3D"),
     AUDIT_ENCODING_AUTO, AUDIT_E_ENCODING,
     "r.txt:1:2: invalid UTF-16: unpaired surrogate 0xD83D"},
    {"lone low surrogate", BYTES("\xFE\xFF\0a\0b\xDC\x00"), AUDIT_ENCODING_AUTO,
     AUDIT_E_ENCODING, "r.txt:1:3: invalid UTF-16: unpaired surrogate 0xDC00"},
    {"odd UTF-16", BYTES("\xFF\xFE" "a\0b"), AUDIT_ENCODING_AUTO,
     AUDIT_E_ENCODING,
     "r.txt:1:2: truncated UTF-16 character at end of file (odd number of bytes)"},
};

START_TEST(test_errors)
{
    audit_error err = {0};
    audit_document *doc = audit_document_from_bytes(
        "r.txt", error_cases[_i].bytes, error_cases[_i].n, error_cases[_i].enc,
        &err);
    ck_assert_msg(!doc, "%s: decoded", error_cases[_i].title);
    ck_assert_int_eq(err.code, error_cases[_i].code);
    char *msg = audit_error_format(&err);
    ck_assert_str_eq(msg, error_cases[_i].message);
    free(msg);
    audit_error_clear(&err);
}
END_TEST

START_TEST(test_surrogate_pair)
{
    /* U+20BB7 𠮷 as D842 DFB7, then "户" */
    const char le[] = "\xFF\xFE\x42\xD8\xB7\xDF\x37\x62";
    audit_error err = {0};
    audit_document *doc = audit_document_from_bytes(
        "r.txt", le, sizeof le - 1, AUDIT_ENCODING_AUTO, &err);
    ck_assert_ptr_nonnull(doc);
    ck_assert_str_eq(doc->text, "𠮷户");
    assert_position(doc, "户", 0, 1);
    audit_document_free(doc);
}
END_TEST

/* ---- files and standard input ------------------------------------------ */

static char tmpdir[64];

static void make_tmpdir(void)
{
    strcpy(tmpdir, "/tmp/test_decode.XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

/* A formatted string; the caller frees. */
static char *strf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *strf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = malloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

static char *tmp_path(const char *name)
{
    return strf("%s/%s", tmpdir, name);
}

static char *write_file(const char *name, const char *bytes, size_t n)
{
    char *p = tmp_path(name);
    FILE *f = fopen(p, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(bytes, 1, n, f), n);
    fclose(f);
    return p;
}

static void expect_load_error(const char *path, audit_error_code code,
                              const char *message)
{
    audit_error err = {0};
    audit_document *doc = audit_document_load(path, AUDIT_ENCODING_AUTO, &err);
    ck_assert_ptr_null(doc);
    ck_assert_int_eq(err.code, code);
    char *msg = audit_error_format(&err);
    ck_assert_str_eq(msg, message);
    free(msg);
    audit_error_clear(&err);
}

START_TEST(test_load_file)
{
    make_tmpdir();
    char *p = write_file("r.txt", REPORT, sizeof REPORT - 1);
    audit_error err = {0};
    audit_document *doc = audit_document_load(p, AUDIT_ENCODING_AUTO, &err);
    ck_assert_ptr_nonnull(doc);
    ck_assert_str_eq(doc->name, p);
    ck_assert_str_eq(doc->text, REPORT);
    audit_document_free(doc);
    unlink(p);
    free(p);
    rmdir(tmpdir);
}
END_TEST

START_TEST(test_load_errors)
{
    make_tmpdir();
    char *missing = tmp_path("missing.txt");
    char *msg = strf("%s: cannot open: No such file or directory", missing);
    expect_load_error(missing, AUDIT_E_IO, msg);
    free(msg);
    msg = strf("%s: cannot read: Is a directory", tmpdir);
    expect_load_error(tmpdir, AUDIT_E_IO, msg);
    free(msg);

    char *empty = write_file("empty.txt", "", 0);
    msg = strf("%s: empty report", empty);
    expect_load_error(empty, AUDIT_E_EMPTY, msg);
    free(msg);

    char *bad = write_file("bad.txt", BYTES("完成\n筛查率\xE6"));
    msg = strf("%s:2:4: truncated UTF-8 character at end of file", bad);
    expect_load_error(bad, AUDIT_E_ENCODING, msg);
    free(msg);

    /* 257 MiB, sparse: refused from its size, before any read */
    char *big = tmp_path("big.txt");
    int fd = open(big, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(ftruncate(fd, (off_t)257 << 20), 0);
    close(fd);
    msg = strf("%s: file too large (more than 256 MiB)", big);
    expect_load_error(big, AUDIT_E_LIMIT, msg);
    free(msg);

    unlink(empty);
    unlink(bad);
    unlink(big);
    rmdir(tmpdir);
    free(missing);
    free(empty);
    free(bad);
    free(big);
}
END_TEST

START_TEST(test_load_stdin)
{
    make_tmpdir();
    char *p = write_file("r.txt", REPORT, sizeof REPORT - 1);
    int fd = open(p, O_RDONLY);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_ge(dup2(fd, STDIN_FILENO), 0);
    close(fd);
    audit_error err = {0};
    audit_document *doc = audit_document_load("-", AUDIT_ENCODING_AUTO, &err);
    ck_assert_ptr_nonnull(doc);
    ck_assert_str_eq(doc->name, "<stdin>");
    ck_assert_str_eq(doc->text, REPORT);
    audit_document_free(doc);
    unlink(p);
    free(p);
    rmdir(tmpdir);
}
END_TEST

/* Standard input has no size: the read loop itself must stop. */
START_TEST(test_stdin_limit)
{
    int pipefd[2];
    ck_assert_int_eq(pipe(pipefd), 0);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        close(pipefd[0]);
        static char block[1 << 16];
        memset(block, 'a', sizeof block);
        for (size_t sent = 0; sent <= ((size_t)300 << 20); sent += sizeof block)
            if (write(pipefd[1], block, sizeof block) < 0)
                _exit(0);
        _exit(0);
    }
    close(pipefd[1]);
    ck_assert_int_ge(dup2(pipefd[0], STDIN_FILENO), 0);
    close(pipefd[0]);
    audit_error err = {0};
    audit_document *doc = audit_document_load("-", AUDIT_ENCODING_AUTO, &err);
    ck_assert_ptr_null(doc);
    ck_assert_int_eq(err.code, AUDIT_E_LIMIT);
    char *msg = audit_error_format(&err);
    ck_assert_str_eq(msg, "<stdin>: file too large (more than 256 MiB)");
    free(msg);
    audit_error_clear(&err);
    close(STDIN_FILENO);
    kill(pid, SIGTERM);
    waitpid(pid, NULL, 0);
}
END_TEST

/* ---- positions --------------------------------------------------------- */

static const struct {
    const char *text;
    size_t offset, line, column;
} position_cases[] = {
    {"ab\ncd", 0, 0, 0},
    {"ab\ncd", 2, 0, 2},        /* the LF itself */
    {"ab\ncd", 3, 1, 0},
    {"ab\ncd", 5, 1, 2},        /* the end */
    {"ab\r\ncd", 3, 0, 3},      /* the LF of a CRLF */
    {"ab\r\ncd", 4, 1, 0},
    {"ab\rcd\re", 3, 1, 0},     /* lone CRs */
    {"ab\rcd\re", 6, 2, 0},
    {"a\n\n\nb", 4, 3, 0},      /* empty lines */
    {"完成\n筛查率71.9%", 16, 1, 3}, /* columns count characters */
    {"完成\n筛查率71.9%", 100, 1, 8}, /* past the end: the end */
    {"x\n", 2, 1, 0},           /* a final line end opens an empty line */
};

START_TEST(test_positions)
{
    audit_error err = {0};
    audit_document *doc = audit_document_from_bytes(
        "p.txt", position_cases[_i].text, strlen(position_cases[_i].text),
        AUDIT_ENCODING_AUTO, &err);
    ck_assert_ptr_nonnull(doc);
    size_t line, column;
    audit_document_position(doc, position_cases[_i].offset, &line, &column);
    ck_assert_uint_eq(line, position_cases[_i].line);
    ck_assert_uint_eq(column, position_cases[_i].column);
    audit_document_free(doc);
}
END_TEST

/* ---- markup ------------------------------------------------------------ */

static const struct {
    const char *title, *text, *clean;
} markup_cases[] = {
    {"plain text", "筛查率71.9%。", "筛查率71.9%。"},
    {"paragraph", "<p>完成</p>", "\n  完成\n   "},
    {"upper case", "<P>完成</P>", "\n  完成\n   "},
    {"br", "a<br/>b<br>c", "a\n    b\n   c"},
    {"inline tag", "<span class=\"n\">71.9%</span>",
     "                71.9%       "},
    {"tag across lines", "<span\nid=1>x", "     \n     x"},
    {"comment", "<!-- 注 -->x", "            x"},
    {"comment with tags", "<!-- <p> -->x", "            x"},
    {"unclosed comment", "<!-- x", "<!-- x"},
    {"doctype", "<!DOCTYPE html>x", "               x"},
    {"table row", "<tr><td>筛查率</td><td>71.9%</td></tr>",
     "\n       筛查率     \t   71.9%     \n    "},
    {"not a tag: space", "a < b > c", "a < b > c"},
    {"not a tag: digit", "<5%的>", "<5%的>"},
    {"not a tag: no >", "<p 完成", "<p 完成"},
    {"not a tag: < first", "<p <b>x", "<p    x"},
    {"nbsp", "改造&nbsp;2300户", "改造      2300户"},
    {"br inside a table row", "<tr><td>1</td><td>已建成3所，<br>新增1350个</td></tr>",
     "\n       1     \t   已建成3所，    新增1350个     \n    "},
    {"amp", "A&amp;B", "A    &B"},
    {"amp not twice", "&amp;lt;", "    &lt;"},
    {"lt gt quot", "&lt;5%&gt;&quot;", "   <5%   >     \""},
    {"decimal", "&#20154;", "     人"},
    {"hex", "&#x4EBA;数", "     人数"},
    {"ldquo", "&ldquo;民生&rdquo;", "    “民生    ”"},
    {"le", "&le;5%", " ≤5%"},
    {"unknown entity", "&bogus;", "&bogus;"},
    {"surrogate entity", "&#xD800;", "&#xD800;"},
    {"too big entity", "&#x110000;", "&#x110000;"},
    {"bare ampersand", "A & B;", "A & B;"},
    {"heading", "## 二、工作进度", "   二、工作进度"},
    {"heading no space", "##工作进度", "  工作进度"},
    {"heading after spaces", "  # 一", "    一"},
    {"heading on line 2", "a\n# b", "a\n  b"},
    {"heading in a tag", "<p>## 一</p>", "\n     一\n   "},
    {"not heading: mid-line", "a # b", "a # b"},
    {"not heading: number", "#3号楼", "#3号楼"},
    {"not heading: 7 marks", "####### x", "####### x"},
    {"bold", "**完成情况**:2300户", "  完成情况  :2300户"},
    {"single star", "* 一是", "* 一是"},
    {"pipes stay", "| 指标 | 71.9% |", "| 指标 | 71.9% |"},
};

START_TEST(test_markup)
{
    char *s = strdup(markup_cases[_i].text);
    size_t n = strlen(s);
    audit_markup_blank(s, n);
    ck_assert_msg(strlen(markup_cases[_i].clean) == n,
                  "%s: expected text has another length",
                  markup_cases[_i].title);
    ck_assert_msg(!strcmp(s, markup_cases[_i].clean), "%s: got \"%s\"",
                  markup_cases[_i].title, s);
    free(s);
}
END_TEST

START_TEST(test_document_clean)
{
    const char html[] = "<p>改造&nbsp;<b>2300</b>户</p>";
    audit_error err = {0};
    audit_document *doc = audit_document_from_bytes(
        "h.html", html, sizeof html - 1, AUDIT_ENCODING_AUTO, &err);
    ck_assert_ptr_nonnull(doc);
    ck_assert_str_eq(doc->text, html);
    ck_assert_str_eq(doc->clean, "\n  改造         2300    户\n   ");
    /* the same offset in text and clean */
    ck_assert_ptr_eq(strstr(doc->clean, "2300") - doc->clean + doc->text,
                     strstr(doc->text, "2300"));
    audit_document_free(doc);
}
END_TEST

#define N(table) (int)(sizeof table / sizeof table[0])

static Suite *decode_suite(void)
{
    Suite *s = suite_create("decode");
    TCase *tc = tcase_create("decode");
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_encodings, 0, N(encoding_cases));
    tcase_add_test(tc, test_broken_utf8_is_not_gb18030);
    tcase_add_test(tc, test_gbk_positions);
    tcase_add_loop_test(tc, test_errors, 0, N(error_cases));
    tcase_add_test(tc, test_surrogate_pair);
    tcase_add_test(tc, test_load_file);
    tcase_add_test(tc, test_load_errors);
    tcase_add_test(tc, test_load_stdin);
    tcase_add_test(tc, test_stdin_limit);
    tcase_add_loop_test(tc, test_positions, 0, N(position_cases));
    tcase_add_loop_test(tc, test_markup, 0, N(markup_cases));
    tcase_add_test(tc, test_document_clean);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return audit_check_run(decode_suite());
}
