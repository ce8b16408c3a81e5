/* error.h - filling an audit_error where the problem is found. */
#ifndef AUDIT_ERROR_H
#define AUDIT_ERROR_H

#include "audit.h"

/* Sets err (clearing what it held) to code with a message from fmt. file
 * may be NULL; when has_mark, line and column are 0-based. Returns -1 so
 * that callers can `return audit_error_set(...)`. err may be NULL. */
int audit_error_set(audit_error *err, audit_error_code code, const char *file,
                    int has_mark, size_t line, size_t column,
                    const char *fmt, ...) __attribute__((format(printf, 7, 8)));

#endif
