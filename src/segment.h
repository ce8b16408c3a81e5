/* segment.h - text -> blocks (paragraphs, headings, numbered items, table
 * rows) and sentences (never crossing a block or a table cell). */
#ifndef AUDIT_SEGMENT_H
#define AUDIT_SEGMENT_H

#include <stddef.h>

#include "document.h"
#include "quantity.h"

typedef enum {
    AUDIT_BLOCK_PARAGRAPH = 0,
    AUDIT_BLOCK_HEADING,   /* "# ...", "一、...", "(一)..." on a line of its own */
    AUDIT_BLOCK_ITEM,      /* a numbered item: "1.持续推进..." */
    AUDIT_BLOCK_ROW        /* a tab-separated (or Markdown pipe) table row */
} audit_block_kind;

typedef struct audit_block {
    size_t start, end;     /* byte span in doc->text; a paragraph broken by a
                              blank line mid-sentence is one block */
    audit_block_kind kind;
    audit_role role;       /* default role of its figures: TARGET for a plan
                              item, ACTUAL for a 完成情况/工作进度 part, OTHER */
    size_t section;        /* index of the heading or item that opens the
                              section this block belongs to (itself if so) */
    size_t header;         /* a table row: the index of its table's header
                              row, or (size_t)-1 */
    int unit_cell;         /* a header row: the column named 单位 that
                              gives the unit of its row's bare numbers,
                              or -1 */
    audit_role section_role; /* what the headings above say of their
                              section: "一、2022年工作回顾" progress,
                              "二、2023年工作安排" plan; a default that
                              cue words and layout override */
} audit_block;

typedef struct audit_sentence {
    size_t start, end;     /* byte span in doc->text */
    size_t block;          /* index into blocks */
    int cell;              /* table column, -1 outside tables */
    audit_role role;       /* the cell's or block's default role */
} audit_sentence;

typedef struct audit_segments {
    audit_block *blocks;
    size_t n_blocks, cap_blocks;
    audit_sentence *sentences;
    size_t n_sentences, cap_sentences;
} audit_segments;

/* Segments doc->clean. out must be zeroed; free with audit_segments_free. */
void audit_segment(const audit_document *doc, audit_segments *out);
void audit_segments_free(audit_segments *seg);

/* The index of the first sentence that starts at or after byte pos. */
size_t audit_segments_sentence_from(const audit_segments *seg, size_t pos);

/* Whether the header cell of column `cell` of the header row block
 * `header` holds one of words (a NULL-terminated list). */
int audit_segments_header_has(const audit_segments *seg, const char *text,
                              size_t header, int cell,
                              const char *const *words);

/* Header words of a completion-rate column: 完成率, 完成比例, 完成进度 … */
extern const char *const audit_completion_words[];

#endif
