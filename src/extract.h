/* extract.h - sentences -> quantities with roles (target / actual / other). */
#ifndef AUDIT_EXTRACT_H
#define AUDIT_EXTRACT_H

#include <stddef.h>

#include "document.h"
#include "quantity.h"
#include "segment.h"

#define AUDIT_UNDER_WAY 1
#define AUDIT_EARLIER 2

typedef struct audit_extraction {
    audit_segments seg;
    audit_quantity_list quantities; /* document order, offsets into text */
    size_t *sentence;               /* per quantity: its sentence index */
    unsigned char *pending;         /* per quantity: 0, or why it is not
                                       an achievement even outside the plan:
                                       AUDIT_UNDER_WAY (正在…, 剩余…) or
                                       AUDIT_EARLIER (上年的43.7%) */
    size_t *part_start;             /* per sentence: where a breakdown of
                                       a total begins (其中, 包括, 分别, （含),
                                       or (size_t)-1 */
} audit_extraction;

/* Segments doc and extracts every quantity with its role. ex must be
 * zeroed; free with audit_extraction_free. */
void audit_extract(const audit_document *doc, audit_extraction *ex);
void audit_extraction_free(audit_extraction *ex);

/* Index of the sentence that holds byte offset pos, or (size_t)-1. */
size_t audit_extraction_sentence_at(const audit_extraction *ex, size_t pos);
/* Index of the first quantity that starts at or after pos. */
size_t audit_extraction_first_at(const audit_extraction *ex, size_t pos);

const char *audit_role_name(audit_role role);

/* Whether s[from..to) says something is under way or not yet done
 * (正在, 尚未, 在建, 剩余 …). */
int audit_text_under_way(const char *s, size_t from, size_t to);

#endif
