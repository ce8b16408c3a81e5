/* buf.h - the one growable string builder, and the JSON escaper.
 *
 * Every renderer and every error message is built in an audit_buf; nothing
 * is sprintf'ed into a fixed array. An audit_buf is always NUL-terminated
 * once anything was put into it.
 */
#ifndef AUDIT_BUF_H
#define AUDIT_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct audit_buf {
    char *ptr;
    size_t len;
    size_t cap;
} audit_buf;

#define AUDIT_BUF_INIT {NULL, 0, 0}

void audit_buf_put(audit_buf *b, const char *s, size_t n);
void audit_buf_puts(audit_buf *b, const char *s);
void audit_buf_putc(audit_buf *b, char c);
void audit_buf_printf(audit_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void audit_buf_vprintf(audit_buf *b, const char *fmt, va_list ap);
/* Appends s[0..n) as a JSON string literal, quotes included. */
void audit_buf_put_json(audit_buf *b, const char *s, size_t n);
/* Appends a number the way JSON wants it: integers without a point,
 * others with up to 10 significant digits and no trailing zeros. */
void audit_buf_put_number(audit_buf *b, double v);
/* Hands the string over to the caller (who frees it) and resets b. */
char *audit_buf_detach(audit_buf *b);
void audit_buf_free(audit_buf *b);

#endif
