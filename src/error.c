/* error.c - the error struct that carries its place (see audit.h). */
#include "error.h"

#include <stdarg.h>
#include <stdlib.h>

#include "alloc.h"
#include "buf.h"

int audit_error_set(audit_error *err, audit_error_code code, const char *file,
                    int has_mark, size_t line, size_t column,
                    const char *fmt, ...)
{
    if (!err)
        return -1;
    audit_error_clear(err);
    err->code = code;
    err->file = file ? audit_xstrdup(file) : NULL;
    err->has_mark = has_mark;
    err->line = line;
    err->column = column;
    audit_buf msg = AUDIT_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    audit_buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    err->message = audit_buf_detach(&msg);
    return -1;
}

void audit_error_clear(audit_error *err)
{
    if (!err)
        return;
    free(err->file);
    free(err->message);
    err->code = AUDIT_OK;
    err->file = NULL;
    err->message = NULL;
    err->has_mark = 0;
    err->line = err->column = 0;
}

char *audit_error_format(const audit_error *err)
{
    audit_buf b = AUDIT_BUF_INIT;
    if (err->file) {
        audit_buf_puts(&b, err->file);
        if (err->has_mark)
            audit_buf_printf(&b, ":%zu:%zu", err->line + 1, err->column + 1);
        audit_buf_puts(&b, ": ");
    }
    audit_buf_puts(&b, err->message ? err->message : "unknown error");
    return audit_buf_detach(&b);
}
