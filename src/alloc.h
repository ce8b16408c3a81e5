/* alloc.h - the one allocation policy of audit.
 *
 * Every heap allocation in the library goes through these wrappers. On
 * out-of-memory they print one line to stderr and abort: a tool that audits
 * text has no useful way to go on without memory, and checking every call
 * site would hide the logic (cmark and jq make the same choice).
 */
#ifndef AUDIT_ALLOC_H
#define AUDIT_ALLOC_H

#include <stddef.h>

void *audit_xmalloc(size_t size);
void *audit_xcalloc(size_t count, size_t size);
void *audit_xrealloc(void *ptr, size_t size);
/* Grows an array of `*cap` elements of `size` bytes so that `need` fit. */
void *audit_xgrow(void *ptr, size_t *cap, size_t need, size_t size);
char *audit_xstrdup(const char *s);
char *audit_xstrndup(const char *s, size_t n);

#endif
