/* decode.c - bytes -> UTF-8 text, the first stage of the pipeline.
 *
 * In:  the bytes of a report, from a file, standard input or memory, and
 *      the encoding the user asked for (--encoding, usually "auto").
 * Out: an audit_document: the text as UTF-8 with any BOM removed, its
 *      markup-free twin `clean` (markup.c), and the start of every line so
 *      that a byte offset maps back to the line and column of the original
 *      file.
 *
 * Which encoding, in auto mode:
 *   - a BOM decides: EF BB BF is UTF-8, FF FE UTF-16LE, FE FF UTF-16BE,
 *     84 31 95 33 GB18030;
 *   - otherwise a NUL byte or the magic number of an image, PDF or archive
 *     means the file is not text at all;
 *   - bytes that are valid UTF-8 are UTF-8;
 *   - bytes that are not are GB18030 (a superset of GBK and GB2312), read
 *     with iconv(3), unless they look like UTF-8 with a few bad bytes in
 *     it. That case matters: Chinese UTF-8 usually *is* valid GB18030
 *     (that is how mojibake is made), so one corrupt byte in a UTF-8 report
 *     would otherwise turn the whole report into nonsense instead of
 *     giving an error at the corrupt byte.
 *
 * Hard cases: a multi-byte character cut off by the end of the file; UTF-16
 * surrogates without their other half; standard input, which has no size
 * to check in advance, so every read is bounded (AUDIT_MAX_REPORT).
 *
 * Line ends are kept as they are (LF, CRLF, lone CR); each one ends a line.
 * Columns count code points, so they are the same in the original encoding
 * and in the UTF-8 text. Byte offsets are offsets in the UTF-8 text.
 */
#include "document.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"
#include "error.h"
#include "fold.h"

/* The largest report read: anything larger is refused, not loaded. */
#define AUDIT_MAX_REPORT ((size_t)256 << 20)

/* ---- positions --------------------------------------------------------- */

/* Number of code points in s[0..n) (UTF-8): the bytes that are not
 * continuation bytes. */
static size_t count_code_points(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            k++;
    return k;
}

/* 0-based line and column of the end of text[0..n), for error marks. Used
 * only on the error path, so a plain scan is fine. */
static void prefix_position(const char *text, size_t n, size_t *line,
                            size_t *column)
{
    size_t l = 0, start = 0;
    for (size_t i = 0; i < n; i++) {
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= n || text[i + 1] != '\n'))) {
            l++;
            start = i + 1;
        }
    }
    /* A CR that is the last byte of the prefix may be the first half of a
     * CRLF; it ends a line either way. */
    *line = l;
    *column = count_code_points(text + start, n - start);
}

/* Code points in text[0..offset): the nearest mark, then a short count. */
static size_t chars_before(const audit_document *doc, size_t offset)
{
    size_t k = offset / AUDIT_MARK_STEP;
    size_t from = k * AUDIT_MARK_STEP;
    return doc->char_marks[k] + count_code_points(doc->text + from,
                                                  offset - from);
}

void audit_document_position(const audit_document *doc, size_t offset,
                             size_t *line, size_t *column)
{
    if (offset > doc->len)
        offset = doc->len;
    /* The last line start <= offset. line_starts[0] == 0 always. */
    size_t lo = 0, hi = doc->n_lines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->line_starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    *line = lo;
    *column = chars_before(doc, offset) -
              chars_before(doc, doc->line_starts[lo]);
}

/* ---- UTF-8 ------------------------------------------------------------- */

/* Length of the well-formed UTF-8 sequence at s[0..n), which starts with a
 * byte >= 0x80; 0 when it is ill-formed. *cut is set when the bytes are a
 * good beginning that the end of the input cuts off. Overlong forms,
 * surrogates and code points above U+10FFFF are ill-formed. */
static size_t utf8_sequence(const unsigned char *s, size_t n, int *cut)
{
    unsigned char c = s[0];
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF; /* range of the second byte */
    *cut = 0;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else {
        return 0;
    }
    for (size_t i = 1; i < len; i++) {
        if (i >= n) {
            *cut = 1;
            return 0;
        }
        unsigned char lo_i = i == 1 ? lo : 0x80, hi_i = i == 1 ? hi : 0xBF;
        if (s[i] < lo_i || s[i] > hi_i)
            return 0;
    }
    return len;
}

/* What a pass over bytes that may be UTF-8 found. */
typedef struct utf8_scan {
    size_t first_bad;    /* offset of the first ill-formed byte, or n */
    int first_bad_cut;   /* that byte starts a sequence the end cuts off */
    size_t multibyte;    /* well-formed sequences of 2 or more bytes */
    size_t bad;          /* ill-formed sequences */
} utf8_scan;

static void scan_utf8(const unsigned char *s, size_t n, utf8_scan *out)
{
    out->first_bad = n;
    out->first_bad_cut = 0;
    out->multibyte = out->bad = 0;
    size_t i = 0;
    while (i < n) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        int cut;
        size_t k = utf8_sequence(s + i, n - i, &cut);
        if (k) {
            out->multibyte++;
            i += k;
            continue;
        }
        if (out->bad++ == 0) {
            out->first_bad = i;
            out->first_bad_cut = cut;
        }
        /* One ill-formed sequence: the bad byte and the continuation
         * bytes that follow it. */
        for (i++; i < n && (s[i] & 0xC0) == 0x80; i++)
            ;
    }
}

/* Whether bytes that are not valid UTF-8 are still UTF-8, with a few bad
 * bytes, rather than GB18030. GB18030 text is almost never well-formed
 * UTF-8 for long: a GBK pair looks like a 2-byte UTF-8 sequence now and
 * then, but most are ill-formed. Measured on five GBK reports of 10-90k
 * characters: one well-formed sequence for three ill-formed ones. So twice
 * as many well-formed as ill-formed means UTF-8 (a margin of six). */
static int looks_like_broken_utf8(const utf8_scan *scan)
{
    return scan->multibyte >= 2 && scan->multibyte >= 2 * scan->bad;
}

static int utf8_error(audit_error *err, const char *name, const char *text,
                      const utf8_scan *scan, const char *also)
{
    size_t line, column;
    prefix_position(text, scan->first_bad, &line, &column);
    if (scan->first_bad_cut)
        return audit_error_set(err, AUDIT_E_ENCODING, name, 1, line, column,
                               "truncated UTF-8 character at end of file%s",
                               also);
    return audit_error_set(err, AUDIT_E_ENCODING, name, 1, line, column,
                           "invalid UTF-8 (byte 0x%02X)%s",
                           (unsigned char)text[scan->first_bad], also);
}

/* ---- UTF-16 ------------------------------------------------------------ */

static void put_utf8(audit_buf *b, unsigned long cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    audit_buf_put(b, u, n);
}

/* Decodes UTF-16 (s[0..n), BOM already skipped) into out; base is the
 * offset of s in the file, for messages. */
static int decode_utf16(const char *name, const unsigned char *s, size_t n,
                        size_t base, int big_endian, audit_buf *out,
                        audit_error *err)
{
    size_t line, column;
    audit_buf_put(out, "", 0); /* out->ptr is never NULL from here on */
    for (size_t i = 0; i + 1 < n; i += 2) {
        unsigned long u = big_endian ? (unsigned long)s[i] << 8 | s[i + 1]
                                     : (unsigned long)s[i + 1] << 8 | s[i];
        if (u >= 0xD800 && u <= 0xDBFF) {
            unsigned long v = 0;
            if (i + 3 < n)
                v = big_endian ? (unsigned long)s[i + 2] << 8 | s[i + 3]
                               : (unsigned long)s[i + 3] << 8 | s[i + 2];
            if (v < 0xDC00 || v > 0xDFFF) {
                prefix_position(out->ptr, out->len, &line, &column);
                return audit_error_set(err, AUDIT_E_ENCODING, name, 1, line,
                                       column,
                                       "invalid UTF-16: unpaired surrogate "
                                       "0x%04lX", u);
            }
            put_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00));
            i += 2;
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            prefix_position(out->ptr, out->len, &line, &column);
            return audit_error_set(err, AUDIT_E_ENCODING, name, 1, line, column,
                                   "invalid UTF-16: unpaired surrogate 0x%04lX",
                                   u);
        } else if (u == 0) {
            return audit_error_set(err, AUDIT_E_BINARY, name, 0, 0, 0,
                                   "binary file (NUL character at offset %zu)",
                                   base + i);
        } else {
            put_utf8(out, u);
        }
    }
    if (n % 2) {
        prefix_position(out->ptr, out->len, &line, &column);
        return audit_error_set(err, AUDIT_E_ENCODING, name, 1, line, column,
                               "truncated UTF-16 character at end of file "
                               "(odd number of bytes)");
    }
    return 0;
}

/* Without a BOM: the half of the code units where ASCII text has its zero
 * bytes tells the byte order; little-endian when nothing tells. */
static int guess_utf16_big_endian(const unsigned char *s, size_t n)
{
    size_t even = 0, odd = 0;
    for (size_t i = 0; i < n; i++)
        if (!s[i])
            *(i % 2 ? &odd : &even) += 1;
    return even > odd;
}

/* ---- GB18030 ----------------------------------------------------------- */

/* Decodes GB18030 s[0..n) with iconv(3) into out. */
static int decode_gb18030(const char *name, const char *s, size_t n,
                          audit_buf *out, audit_error *err)
{
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == (iconv_t)-1)
        return audit_error_set(err, AUDIT_E_ENCODING, name, 0, 0, 0,
                               "cannot read GB18030: iconv: %s",
                               strerror(errno));
    int rc = 0;
    /* GB18030 -> UTF-8 grows by at most half: 2 bytes -> 3. */
    size_t cap = n + n / 2 + 16;
    out->ptr = audit_xgrow(out->ptr, &out->cap, cap, 1);
    out->len = 0;
    char *in = (char *)s;
    size_t in_left = n;
    while (in_left > 0) {
        char *o = out->ptr + out->len;
        size_t o_left = out->cap - out->len - 1;
        size_t r = iconv(cd, &in, &in_left, &o, &o_left);
        out->len = (size_t)(o - out->ptr);
        if (r != (size_t)-1)
            break;
        if (errno == E2BIG) {
            out->ptr = audit_xgrow(out->ptr, &out->cap, out->cap + 64, 1);
            continue;
        }
        size_t line, column;
        prefix_position(out->ptr, out->len, &line, &column);
        if (errno == EINVAL)
            rc = audit_error_set(err, AUDIT_E_ENCODING, name, 1, line, column,
                                 "truncated GB18030 character at end of file");
        else
            rc = audit_error_set(err, AUDIT_E_ENCODING, name, 1, line, column,
                                 "invalid GB18030 (byte 0x%02X)",
                                 (unsigned char)*in);
        break;
    }
    out->ptr[out->len] = '\0';
    iconv_close(cd);
    return rc;
}

/* ---- not text at all --------------------------------------------------- */

/* The kind of a file that starts with a known binary magic number, or NULL.
 * A .docx is a zip: say so, as users do give those. */
static const char *binary_magic(const unsigned char *s, size_t n)
{
    static const struct {
        const char *magic;
        size_t len;
        const char *kind;
    } table[] = {
        {"\x89PNG\r\n\x1a\n", 8, "PNG image"},
        {"\xFF\xD8\xFF", 3, "JPEG image"},
        {"GIF87a", 6, "GIF image"},
        {"GIF89a", 6, "GIF image"},
        {"%PDF-", 5, "PDF document"},
        {"PK\x03\x04", 4, "zip archive or Office document"},
        {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, "old Office document"},
        {"\x1F\x8B", 2, "gzip archive"},
        {"\x7F" "ELF", 4, "executable"},
        {"II*\0", 4, "TIFF image"},
        {"MM\0*", 4, "TIFF image"},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (n >= table[i].len && !memcmp(s, table[i].magic, table[i].len))
            return table[i].kind;
    if (n >= 12 && !memcmp(s, "RIFF", 4) && !memcmp(s + 8, "WEBP", 4))
        return "WebP image";
    return NULL;
}

/* ---- the document ------------------------------------------------------ */

/* Only white space, the ideographic space U+3000 and no-break spaces
 * included ("　　\r\n" is an empty report). The text is valid UTF-8. */
static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
            c == '\v')
            continue;
        if (c == 0xE3 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
            (unsigned char)s[i + 2] == 0x80) {
            i += 2; /* U+3000 */
            continue;
        }
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
            i += 1; /* U+00A0 */
            continue;
        }
        return 0;
    }
    return 1;
}

static void index_lines(audit_document *doc)
{
    size_t cap = 0;
    doc->line_starts = audit_xgrow(NULL, &cap, 64, sizeof *doc->line_starts);
    doc->line_starts[0] = 0;
    doc->n_lines = 1;
    const char *t = doc->text;
    for (size_t i = 0; i < doc->len; i++) {
        if (t[i] != '\n' && t[i] != '\r')
            continue;
        if (t[i] == '\r' && i + 1 < doc->len && t[i + 1] == '\n')
            i++;
        doc->line_starts = audit_xgrow(doc->line_starts, &cap, doc->n_lines + 1,
                                       sizeof *doc->line_starts);
        doc->line_starts[doc->n_lines++] = i + 1;
    }
    size_t marks = doc->len / AUDIT_MARK_STEP + 1, count = 0;
    doc->char_marks = audit_xmalloc(marks * sizeof *doc->char_marks);
    for (size_t k = 0; k < marks; k++) {
        doc->char_marks[k] = count;
        size_t from = k * AUDIT_MARK_STEP;
        size_t to = from + AUDIT_MARK_STEP < doc->len ? from + AUDIT_MARK_STEP
                                                      : doc->len;
        count += count_code_points(t + from, to - from);
    }
}

/* Turns bytes into UTF-8 text in out; returns the encoding used in *used. */
static int decode(const char *name, const char *bytes, size_t n,
                  audit_encoding enc, audit_buf *out, audit_encoding *used,
                  audit_error *err)
{
    const unsigned char *s = (const unsigned char *)bytes;

    if (n == 0)
        return audit_error_set(err, AUDIT_E_EMPTY, name, 0, 0, 0,
                               "empty report");

    int bom_utf8 = n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF;
    int bom_le = n >= 2 && s[0] == 0xFF && s[1] == 0xFE;
    int bom_be = n >= 2 && s[0] == 0xFE && s[1] == 0xFF;
    int bom_gb = n >= 4 && !memcmp(s, "\x84\x31\x95\x33", 4);

    if (enc == AUDIT_ENCODING_AUTO) {
        if (bom_le || bom_be)
            enc = AUDIT_ENCODING_UTF16;
        else if (bom_gb)
            enc = AUDIT_ENCODING_GB18030;
    }

    if (enc == AUDIT_ENCODING_UTF16) {
        *used = AUDIT_ENCODING_UTF16;
        if (bom_le || bom_be)
            return decode_utf16(name, s + 2, n - 2, 2, bom_be, out, err);
        return decode_utf16(name, s, n, 0, guess_utf16_big_endian(s, n),
                            out, err);
    }

    const char *kind = binary_magic(s, n);
    if (kind)
        return audit_error_set(err, AUDIT_E_BINARY, name, 0, 0, 0,
                               "binary file (%s)", kind);
    const unsigned char *nul = memchr(s, 0, n);
    if (nul)
        return audit_error_set(err, AUDIT_E_BINARY, name, 0, 0, 0,
                               "binary file (NUL byte at offset %zu)",
                               (size_t)(nul - s));

    if (enc == AUDIT_ENCODING_GB18030) {
        *used = AUDIT_ENCODING_GB18030;
        if (bom_gb) {
            s += 4;
            n -= 4;
        }
        return decode_gb18030(name, (const char *)s, n, out, err);
    }

    if (bom_utf8) {
        s += 3;
        n -= 3;
    }
    utf8_scan scan;
    scan_utf8(s, n, &scan);
    if (scan.bad == 0) {
        *used = AUDIT_ENCODING_UTF8;
        audit_buf_put(out, (const char *)s, n);
        return 0;
    }
    /* A BOM, --encoding utf-8 or mostly good UTF-8: it is broken UTF-8. */
    if (enc == AUDIT_ENCODING_UTF8 || bom_utf8 || looks_like_broken_utf8(&scan))
        return utf8_error(err, name, (const char *)s, &scan, "");

    *used = AUDIT_ENCODING_GB18030;
    audit_error gb_err = {0};
    if (decode_gb18030(name, (const char *)s, n, out, &gb_err) == 0)
        return 0;
    /* Neither: report the reading that got further, GB18030 for a GBK
     * export with one corrupt byte, UTF-8 otherwise. */
    audit_error utf_err = {0};
    utf8_error(&utf_err, name, (const char *)s, &scan,
               " and not GB18030 either");
    int gb_further = gb_err.has_mark && utf_err.has_mark &&
                     (gb_err.line > utf_err.line ||
                      (gb_err.line == utf_err.line &&
                       gb_err.column > utf_err.column));
    audit_error *chosen = gb_further ? &gb_err : &utf_err;
    int rc = audit_error_set(err, chosen->code, name, chosen->has_mark,
                             chosen->line, chosen->column, "%s%s",
                             chosen->message,
                             gb_further ? " and not UTF-8 either" : "");
    audit_error_clear(&gb_err);
    audit_error_clear(&utf_err);
    return rc;
}

audit_document *audit_document_from_bytes(const char *name, const char *bytes,
                                          size_t n, audit_encoding enc,
                                          audit_error *err)
{
    audit_buf text = AUDIT_BUF_INIT;
    audit_encoding used = AUDIT_ENCODING_UTF8;
    if (!name)
        name = "-";
    if (n > AUDIT_MAX_REPORT) {
        audit_error_set(err, AUDIT_E_LIMIT, name, 0, 0, 0,
                        "file too large (more than %zu MiB)",
                        AUDIT_MAX_REPORT >> 20);
        goto fail;
    }
    if (decode(name, bytes, n, enc, &text, &used, err) != 0)
        goto fail;
    audit_buf_put(&text, "", 0);
    /* A BOM that the decoder let through (UTF-16, GB18030): U+FEFF. */
    size_t skip = text.len >= 3 && !memcmp(text.ptr, "\xEF\xBB\xBF", 3) ? 3 : 0;
    if (is_blank(text.ptr + skip, text.len - skip)) {
        audit_error_set(err, AUDIT_E_EMPTY, name, 0, 0, 0, "empty report");
        goto fail;
    }
    const char *nul = memchr(text.ptr, 0, text.len);
    if (nul) {
        /* Only GB18030 gets here: it can spell U+0000 in four bytes. */
        audit_error_set(err, AUDIT_E_BINARY, name, 0, 0, 0,
                        "binary file (NUL character in the text)");
        goto fail;
    }

    audit_document *doc = audit_xcalloc(1, sizeof *doc);
    doc->name = audit_xstrdup(name);
    doc->len = text.len - skip;
    memmove(text.ptr, text.ptr + skip, doc->len + 1);
    doc->text = audit_buf_detach(&text);
    doc->encoding = used;
    doc->clean = audit_xmalloc(doc->len + 1);
    memcpy(doc->clean, doc->text, doc->len + 1);
    audit_markup_blank(doc->clean, doc->len);
    audit_fold_traditional(doc->clean, doc->len);
    index_lines(doc);
    return doc;

fail:
    audit_buf_free(&text);
    return NULL;
}

/* Reads all of fd into *out (the caller frees), refusing more than
 * AUDIT_MAX_REPORT bytes: never more than that plus one chunk is held. */
static int read_bounded(int fd, const char *name, size_t size_hint,
                        audit_buf *out, audit_error *err)
{
    size_t chunk = 1 << 16;
    /* Room for the whole file, and one byte more to see its end. */
    out->cap = (size_hint ? size_hint : chunk) + 2;
    out->ptr = audit_xrealloc(out->ptr, out->cap);
    for (;;) {
        if (out->len > AUDIT_MAX_REPORT)
            return audit_error_set(err, AUDIT_E_LIMIT, name, 0, 0, 0,
                                   "file too large (more than %zu MiB)",
                                   AUDIT_MAX_REPORT >> 20);
        if (out->cap - out->len < 2)
            out->ptr = audit_xgrow(out->ptr, &out->cap, out->len + chunk, 1);
        size_t want = out->cap - out->len - 1;
        if (want > AUDIT_MAX_REPORT + 1 - out->len)
            want = AUDIT_MAX_REPORT + 1 - out->len;
        ssize_t r = read(fd, out->ptr + out->len, want);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            return audit_error_set(err, AUDIT_E_IO, name, 0, 0, 0,
                                   "cannot read: %s", strerror(errno));
        }
        if (r == 0)
            break;
        out->len += (size_t)r;
    }
    out->ptr[out->len] = '\0';
    return 0;
}

audit_document *audit_document_load(const char *path, audit_encoding enc,
                                    audit_error *err)
{
    int is_stdin = !strcmp(path, "-");
    const char *name = is_stdin ? "<stdin>" : path;
    audit_buf bytes = AUDIT_BUF_INIT;
    audit_document *doc = NULL;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY);
    if (fd < 0) {
        audit_error_set(err, AUDIT_E_IO, name, 0, 0, 0, "cannot open: %s",
                        strerror(errno));
        goto done;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        audit_error_set(err, AUDIT_E_IO, name, 0, 0, 0, "cannot read: %s",
                        strerror(errno));
        goto done;
    }
    if (S_ISDIR(st.st_mode)) {
        audit_error_set(err, AUDIT_E_IO, name, 0, 0, 0, "cannot read: %s",
                        strerror(EISDIR));
        goto done;
    }
    size_t hint = 0;
    if (S_ISREG(st.st_mode)) {
        if ((unsigned long long)st.st_size > AUDIT_MAX_REPORT) {
            audit_error_set(err, AUDIT_E_LIMIT, name, 0, 0, 0,
                            "file too large (more than %zu MiB)",
                            AUDIT_MAX_REPORT >> 20);
            goto done;
        }
        hint = (size_t)st.st_size;
    }
    if (read_bounded(fd, name, hint, &bytes, err) != 0)
        goto done;
    /* standard input is "<stdin>" in errors and results alike */
    doc = audit_document_from_bytes(name, bytes.ptr, bytes.len, enc, err);

done:
    if (fd >= 0 && !is_stdin)
        close(fd);
    audit_buf_free(&bytes);
    return doc;
}

void audit_document_free(audit_document *doc)
{
    if (!doc)
        return;
    free(doc->name);
    free(doc->text);
    free(doc->clean);
    free(doc->line_starts);
    free(doc->char_marks);
    free(doc);
}
