/* audit.h - the public interface of libaudit.
 *
 * audit checks Chinese government progress reports against the numeric
 * targets declared in YAML rule files, and checks the report's own
 * arithmetic. The pipeline: a document is loaded and decoded, a rule set is
 * loaded and validated, audit_run() extracts the figures and evaluates every
 * target and check, and a renderer turns the results into text or JSON.
 *
 * All types are opaque. Every _new/_load has a _free, and _free(NULL) does
 * nothing. Library functions never print and never exit: they return NULL
 * or non-zero and fill an audit_error.
 */
#ifndef AUDIT_H
#define AUDIT_H

#include <stddef.h>

#define AUDIT_VERSION "0.1.0"

/* Error codes. Never reuse a number. */
typedef enum {
    AUDIT_OK = 0,
    AUDIT_E_IO = 1,          /* cannot open or read a file */
    AUDIT_E_EMPTY = 2,       /* the input is empty */
    AUDIT_E_BINARY = 3,      /* NUL bytes or an image: not text */
    AUDIT_E_ENCODING = 4,    /* bytes that no supported encoding can read */
    AUDIT_E_YAML = 5,        /* the rule file is not well-formed YAML */
    AUDIT_E_SCHEMA = 6,      /* a key, type or value the schema forbids */
    AUDIT_E_DUPLICATE = 7,   /* a task or target id given twice */
    AUDIT_E_PATTERN = 8,     /* a PCRE2 pattern that does not compile */
    AUDIT_E_TARGET = 9,      /* a target expression that does not parse */
    AUDIT_E_LIMIT = 10,      /* a resource limit (size, nesting, aliases) */
    AUDIT_E_MATCH = 11,      /* a pattern hit the PCRE2 match limit */
    AUDIT_E_USAGE = 12       /* a bad argument to the library */
} audit_error_code;

/* One error, with its place. Lines and columns are 0-based inside and are
 * printed 1-based; has_mark says whether they are meaningful. */
typedef struct audit_error {
    audit_error_code code;
    char *file;     /* owned; NULL when the error is about no file */
    int has_mark;
    size_t line;
    size_t column;  /* in characters (code points) */
    char *message;  /* owned */
} audit_error;

/* Frees what the error owns and resets it to AUDIT_OK. */
void audit_error_clear(audit_error *err);
/* "file:line:col: message" (or "file: message"); the caller frees. */
char *audit_error_format(const audit_error *err);

/* ---- documents ------------------------------------------------------ */

typedef enum {
    AUDIT_ENCODING_AUTO = 0,
    AUDIT_ENCODING_UTF8,
    AUDIT_ENCODING_GB18030,
    AUDIT_ENCODING_UTF16
} audit_encoding;

typedef struct audit_document audit_document;

/* Reads and decodes a report; path "-" reads standard input. NULL on error. */
audit_document *audit_document_load(const char *path, audit_encoding enc,
                                    audit_error *err);
/* Decodes bytes[0..n) as a report named `name`. NULL on error. */
audit_document *audit_document_from_bytes(const char *name, const char *bytes,
                                          size_t n, audit_encoding enc,
                                          audit_error *err);
void audit_document_free(audit_document *doc);

/* ---- rules ---------------------------------------------------------- */

typedef struct audit_ruleset audit_ruleset;

audit_ruleset *audit_ruleset_new(void);
/* Loads one rule file into the set. Returns 0, or non-zero with err
 * filled (file, line, column). Ids must be unique across all files. */
int audit_ruleset_load(audit_ruleset *rules, const char *path, audit_error *err);
size_t audit_ruleset_count(const audit_ruleset *rules);
void audit_ruleset_free(audit_ruleset *rules);

/* ---- auditing ------------------------------------------------------- */

typedef enum {
    AUDIT_MET = 0,
    AUDIT_EXCEEDED,
    AUDIT_UNMET,
    AUDIT_MISSING,
    AUDIT_INCONSISTENT
} audit_status;

typedef enum { AUDIT_ERROR = 0, AUDIT_WARNING } audit_severity;

/* Bits for --fail-on: one per status, one per severity. */
#define AUDIT_FAIL_STATUS(s) (1u << (s))
#define AUDIT_FAIL_ERROR (1u << 8)
#define AUDIT_FAIL_WARNING (1u << 9)
#define AUDIT_FAIL_DEFAULT                                                   \
    (AUDIT_FAIL_STATUS(AUDIT_UNMET) | AUDIT_FAIL_STATUS(AUDIT_MISSING) |     \
     AUDIT_FAIL_STATUS(AUDIT_INCONSISTENT) | AUDIT_FAIL_ERROR)

typedef struct audit_options {
    int checks;   /* run the consistency checks (default 1) */
    int extract;  /* list the quantities instead of auditing */
} audit_options;

typedef struct audit_result audit_result;

/* Audits one document against a rule set (NULL: checks only). The result
 * keeps pointers into doc and rules: free it before them. NULL on error. */
audit_result *audit_run(const audit_document *doc, const audit_ruleset *rules,
                        const audit_options *opt, audit_error *err);
/* The AUDIT_FAIL_* bits of everything that occurred in the result. */
unsigned audit_result_occurred(const audit_result *res);
void audit_result_free(audit_result *res);

/* ---- rendering ------------------------------------------------------ */

typedef enum { AUDIT_FORMAT_TEXT = 0, AUDIT_FORMAT_JSON } audit_format;

typedef struct audit_render_options {
    audit_format format;
    int quiet;   /* text: only the summary lines */
    int color;   /* text: ANSI colours */
} audit_render_options;

/* Renders the results of n reports; returns a string the caller frees. */
char *audit_render(const audit_result *const *results, size_t n,
                   const audit_render_options *opt);

/* The same, one report at a time, so that each result (and its document)
 * can be freed once it is rendered. many: more than one report will be
 * added (text summaries then name their file). finish returns the whole
 * output, which the caller frees, and frees the renderer. */
typedef struct audit_renderer audit_renderer;
audit_renderer *audit_renderer_new(const audit_render_options *opt, int many);
void audit_renderer_add(audit_renderer *r, const audit_result *res);
char *audit_renderer_finish(audit_renderer *r);
void audit_renderer_free(audit_renderer *r);

/* Parses a --fail-on list ("unmet,missing,error"); 0 on success. */
int audit_fail_on_parse(const char *list, unsigned *mask);

#endif
