/* document.h - a decoded report: UTF-8 text, its markup-free twin, and the
 * map from byte offsets back to lines and columns of the original file. */
#ifndef AUDIT_DOCUMENT_H
#define AUDIT_DOCUMENT_H

#include <stddef.h>

#include "audit.h"

#define AUDIT_MARK_STEP 4096

struct audit_document {
    char *name;             /* the path as given ("<stdin>" for "-") */
    char *text;             /* UTF-8, BOM removed, NUL-terminated, owned */
    size_t len;             /* bytes in text */
    char *clean;            /* len bytes + NUL: text with markup (HTML tags,
                               entities, Markdown markers) blanked to spaces
                               of the same byte length, so offsets agree; a
                               block tag outside a tab-separated row leaves
                               a line break, an HTML cell a tab */
    size_t *line_starts;    /* byte offset in text of every line start */
    size_t n_lines;
    size_t *char_marks;     /* code points in text[0 .. k*AUDIT_MARK_STEP):
                               columns on long lines cost O(step), not
                               O(line length) */
    audit_encoding encoding;/* the encoding the bytes were read as */
};

/* 0-based line and column (in code points) of a byte offset in doc->text.
 * Lines end at LF, CRLF or a lone CR, as in the original file. */
void audit_document_position(const audit_document *doc, size_t offset,
                             size_t *line, size_t *column);

/* Blanks markup in clean[0..len) in place (HTML tags and comments, character
 * entities, Markdown heading/emphasis markers) without changing its length;
 * what an entity stands for is written in its place when it fits. */
void audit_markup_blank(char *clean, size_t len);

#endif
