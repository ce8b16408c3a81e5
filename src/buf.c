/* buf.c - string builder and JSON escaping (see buf.h). */
#include "buf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

static void reserve(audit_buf *b, size_t extra)
{
    b->ptr = audit_xgrow(b->ptr, &b->cap, b->len + extra + 1, 1);
}

void audit_buf_put(audit_buf *b, const char *s, size_t n)
{
    reserve(b, n);
    if (n)
        memcpy(b->ptr + b->len, s, n);
    b->len += n;
    b->ptr[b->len] = '\0';
}

void audit_buf_puts(audit_buf *b, const char *s)
{
    audit_buf_put(b, s, strlen(s));
}

void audit_buf_putc(audit_buf *b, char c)
{
    audit_buf_put(b, &c, 1);
}

void audit_buf_vprintf(audit_buf *b, const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0)
        return;
    reserve(b, (size_t)n);
    vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void audit_buf_printf(audit_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    audit_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

void audit_buf_put_json(audit_buf *b, const char *s, size_t n)
{
    audit_buf_putc(b, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': audit_buf_puts(b, "\\\""); break;
        case '\\': audit_buf_puts(b, "\\\\"); break;
        case '\n': audit_buf_puts(b, "\\n"); break;
        case '\r': audit_buf_puts(b, "\\r"); break;
        case '\t': audit_buf_puts(b, "\\t"); break;
        default:
            if (c < 0x20)
                audit_buf_printf(b, "\\u%04x", c);
            else
                audit_buf_putc(b, (char)c);
        }
    }
    audit_buf_putc(b, '"');
}

void audit_buf_put_number(audit_buf *b, double v)
{
    if (!isfinite(v)) {
        audit_buf_puts(b, "null");
        return;
    }
    if (v == floor(v) && fabs(v) < 1e15) {
        audit_buf_printf(b, "%.0f", v);
        return;
    }
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%.10g", v);
    audit_buf_puts(b, tmp);
}

char *audit_buf_detach(audit_buf *b)
{
    if (!b->ptr)
        return audit_xstrdup("");
    char *p = b->ptr;
    b->ptr = NULL;
    b->len = b->cap = 0;
    return p;
}

void audit_buf_free(audit_buf *b)
{
    free(b->ptr);
    b->ptr = NULL;
    b->len = b->cap = 0;
}
