/* rules.c - YAML rule files → a validated rule set (SPEC section 2).
 *
 * In: the path of a rule file, written by a person, possibly wrong and
 * possibly hostile. Out: tasks and targets appended to an audit_ruleset,
 * every pattern compiled (and JIT-compiled when the platform allows), every
 * target expression parsed, and every target remembering where it was
 * defined so that a "missing" line can point back at it. Or: nothing
 * appended at all, and one audit_error naming the file, the 0-based line
 * and column (in characters, as libyaml counts them) and what is wrong.
 *
 * Loading runs in three passes over one file:
 *
 *   read      the bytes, at most 16 MiB; a directory or an unreadable file
 *             is AUDIT_E_IO with strerror.
 *   tree      libyaml's event stream → a flat tree of nodes in document
 *             order, each node knowing where its subtree ends. This pass is
 *             where YAML itself is judged: syntax errors (libyaml's
 *             problem_mark), invalid UTF-8 (libyaml's reader gives only a
 *             byte offset, which we turn into a line and column), a second
 *             document, anchors and aliases, tags other than the core
 *             ones, nesting deeper than 64 and more than 2^20 nodes.
 *   schema    the tree → tasks and targets: unknown, missing and duplicate
 *             keys, types, empty lists, ids, patterns, target expressions,
 *             tolerances.
 *
 * The hard cases, and what we do about them:
 *
 *   - Alias bombs ("billion laughs"): a rule file has no use for anchors,
 *     so the first anchor or alias is an error. Nothing is ever expanded.
 *   - Deep nesting ([[[[...) and huge flat lists: bounded by the depth and
 *     node limits while the tree is built, before any schema work.
 *   - Scalars keep the text as written. `id: 1.10` is the id "1.10", not
 *     the float 1.1; `target: 2000` is the expression "2000". Only plain
 *     empty, ~ and null are null.
 *   - A PCRE2 error offset is a byte offset into the pattern. For a scalar
 *     on one line we add it, in characters, to the scalar's column (after
 *     the opening quote); escapes in double-quoted scalars can shift it,
 *     and for block scalars we point at the scalar.
 *   - Ids: tasks share one namespace and targets another, across every
 *     file loaded into the set. A duplicate names where the first one was.
 *   - All or nothing: on any error the set is cut back to what it held
 *     before the call, so a caller can report and go on with a clean set.
 */
#include "rules.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <yaml.h>

#include "alloc.h"
#include "buf.h"
#include "error.h"
#include "fold.h"

#define RULES_MAX_BYTES ((size_t)16 << 20) /* 16 MiB */
#define RULES_MAX_DEPTH 64                 /* nested collections */
#define RULES_MAX_NODES ((size_t)1 << 20)
#define NO_NODE SIZE_MAX

/* ---- the tree ------------------------------------------------------- */

typedef enum { NODE_SCALAR, NODE_SEQUENCE, NODE_MAPPING } node_kind;

/* One YAML node. Nodes sit in one array in document order, so the children
 * of a collection are the nodes from its index + 1 up to `after`, each
 * child's subtree skipped with the child's own `after`. A mapping's
 * children alternate key, value. */
typedef struct node {
    node_kind kind;
    int plain;              /* scalar: plain style and no !!str tag */
    int quoted;             /* scalar: single- or double-quoted */
    size_t line, column;    /* 0-based start mark */
    size_t end_line;
    size_t text, len;       /* scalar: bytes in loader.text, NUL after */
    size_t after;           /* index of the first node after the subtree */
} node;

typedef struct id_entry {
    const char *id;
    size_t index;
} id_entry;

/* Open addressing over the ids of one namespace, for the load of one file:
 * a rule set of many thousands of targets must not cost n² comparisons. */
typedef struct id_table {
    id_entry *slots;
    size_t cap, used;
} id_table;

typedef struct loader {
    audit_ruleset *rules;
    const char *path;
    size_t file;            /* the index this file will have in the set */
    audit_error *err;
    char *bytes;
    size_t n_bytes;
    node *nodes;
    size_t n_nodes, cap_nodes;
    audit_buf text;         /* scalar texts */
    audit_buf scratch;      /* quote() */
    id_table task_ids, target_ids;
    char *name;             /* the file's `name`, until it is registered */
    int year;               /* the year its `period` names, or 0 */
} loader;

/* A mapping of the schema: which keys it takes, which it requires. */
typedef struct schema_map {
    const char *noun;       /* "a task" */
    const char *where;      /* "in task" */
    const char *const *keys;
    size_t n_keys;
    unsigned required;      /* bit i: keys[i] is required */
} schema_map;

static const char *const file_keys[] = {"schema", "name", "period", "tasks"};
enum { FILE_SCHEMA, FILE_NAME, FILE_PERIOD, FILE_TASKS, FILE_N };
static const schema_map file_map = {
    "a rule file", "at top level", file_keys, FILE_N,
    1u << FILE_NAME | 1u << FILE_TASKS};

static const char *const task_keys[] = {"id", "title", "scope", "targets"};
enum { TASK_ID, TASK_TITLE, TASK_SCOPE, TASK_TARGETS, TASK_N };
static const schema_map task_map = {
    "a task", "in task", task_keys, TASK_N,
    1u << TASK_ID | 1u << TASK_TITLE | 1u << TASK_TARGETS};

static const char *const target_keys[] = {"id",     "label",  "find",
                                          "target", "actual", "tolerance"};
enum {
    TARGET_ID, TARGET_LABEL, TARGET_FIND, TARGET_TARGET, TARGET_ACTUAL,
    TARGET_TOLERANCE, TARGET_N
};
static const schema_map target_map = {
    "a target", "in target", target_keys, TARGET_N,
    1u << TARGET_ID | 1u << TARGET_FIND | 1u << TARGET_TARGET};

/* ---- errors --------------------------------------------------------- */

static int fail_at(loader *ld, audit_error_code code, size_t line,
                   size_t column, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static int fail_at(loader *ld, audit_error_code code, size_t line,
                   size_t column, const char *fmt, ...)
{
    audit_buf msg = AUDIT_BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    audit_buf_vprintf(&msg, fmt, ap);
    va_end(ap);
    audit_error_set(ld->err, code, ld->path, 1, line, column, "%s",
                    msg.ptr ? msg.ptr : "");
    audit_buf_free(&msg);
    return -1;
}

#define fail_node(ld, nd, code, ...) \
    fail_at((ld), (code), (nd)->line, (nd)->column, __VA_ARGS__)

/* Text from the rule file as a quoted C-like string, safe for a one-line
 * message: quotes, backslashes and control characters escaped, anything
 * past 60 bytes cut at a character boundary. Valid until the next call. */
static const char *quote(loader *ld, const char *s, size_t n)
{
    audit_buf *b = &ld->scratch;
    b->len = 0;
    audit_buf_putc(b, '"');
    size_t i = 0;
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (i >= 60 && (c & 0xC0) != 0x80) {
            audit_buf_puts(b, "…");
            break;
        }
        if (c == '"' || c == '\\') {
            audit_buf_putc(b, '\\');
            audit_buf_putc(b, (char)c);
        } else if (c == '\n') {
            audit_buf_puts(b, "\\n");
        } else if (c == '\t') {
            audit_buf_puts(b, "\\t");
        } else if (c < 0x20 || c == 0x7f) {
            audit_buf_printf(b, "\\x%02x", c);
        } else {
            audit_buf_putc(b, (char)c);
        }
    }
    audit_buf_putc(b, '"');
    return b->ptr;
}

/* libyaml's reader reports a byte offset only; count lines (LF, CRLF, CR)
 * and characters up to it, the way libyaml's marks do (no BOM). */
static void mark_at_offset(const char *s, size_t n, size_t offset,
                           size_t *line, size_t *column)
{
    size_t i = 0;
    *line = *column = 0;
    /* a bad trailing octet: point at the lead octet of its sequence */
    size_t lead = offset;
    while (lead > 0 && offset - lead < 3 && lead <= n &&
           ((unsigned char)s[lead - 1] & 0xC0) == 0x80)
        lead--;
    if (lead > 0 && lead <= n) {
        unsigned char c = (unsigned char)s[lead - 1];
        size_t width = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (lead - 1 + width > offset)
            offset = lead - 1;
    }
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    for (; i < offset && i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n' || (c == '\r' && (i + 1 >= n || s[i + 1] != '\n'))) {
            (*line)++;
            *column = 0;
        } else if (c != '\r' && (c & 0xC0) != 0x80) {
            (*column)++;
        }
    }
}

static int fail_yaml(loader *ld, const yaml_parser_t *parser)
{
    const char *problem = parser->problem ? parser->problem : "unknown error";
    if (parser->error == YAML_READER_ERROR) {
        size_t line, column;
        mark_at_offset(ld->bytes, ld->n_bytes, parser->problem_offset, &line,
                       &column);
        if (strstr(problem, "control characters"))
            return fail_at(ld, AUDIT_E_BINARY, line, column,
                           "control character U+%04X is not allowed in a "
                           "rule file",
                           (unsigned)parser->problem_value);
        return fail_at(ld, AUDIT_E_ENCODING, line, column,
                       "not valid text: %s (byte 0x%02X); save the rule file "
                       "as UTF-8",
                       problem, (unsigned)parser->problem_value & 0xFFu);
    }
    if (parser->error == YAML_MEMORY_ERROR)
        return audit_error_set(ld->err, AUDIT_E_LIMIT, ld->path, 0, 0, 0,
                               "out of memory while parsing YAML");
    if (parser->context)
        return fail_at(ld, AUDIT_E_YAML, parser->problem_mark.line,
                       parser->problem_mark.column,
                       "invalid YAML: %s (%s at line %zu, column %zu)",
                       problem, parser->context,
                       parser->context_mark.line + 1,
                       parser->context_mark.column + 1);
    return fail_at(ld, AUDIT_E_YAML, parser->problem_mark.line,
                   parser->problem_mark.column, "invalid YAML: %s", problem);
}

/* ---- pass 1: the bytes ---------------------------------------------- */

static int read_file(loader *ld)
{
    struct stat st;
    size_t cap = 0;
    int rc = -1, is_dir = 0, too_big;
    int fd = open(ld->path, O_RDONLY);
    if (fd < 0)
        return audit_error_set(ld->err, AUDIT_E_IO, ld->path, 0, 0, 0,
                               "cannot open rule file: %s", strerror(errno));
    if (fstat(fd, &st) != 0 || (is_dir = S_ISDIR(st.st_mode))) {
        audit_error_set(ld->err, AUDIT_E_IO, ld->path, 0, 0, 0,
                        "cannot read rule file: %s",
                        strerror(is_dir ? EISDIR : errno));
        goto fail;
    }
    /* a regular file says its size; a pipe or a device is read up to the
     * limit and one byte more */
    too_big = S_ISREG(st.st_mode) && (uintmax_t)st.st_size > RULES_MAX_BYTES;
    while (!too_big) {
        ld->bytes = audit_xgrow(ld->bytes, &cap, ld->n_bytes + 65536, 1);
        ssize_t got = read(fd, ld->bytes + ld->n_bytes, cap - ld->n_bytes);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            audit_error_set(ld->err, AUDIT_E_IO, ld->path, 0, 0, 0,
                            "cannot read rule file: %s", strerror(errno));
            goto fail;
        }
        if (got == 0)
            break;
        ld->n_bytes += (size_t)got;
        too_big = ld->n_bytes > RULES_MAX_BYTES;
    }
    if (too_big) {
        audit_error_set(ld->err, AUDIT_E_LIMIT, ld->path, 0, 0, 0,
                        "rule file is larger than 16 MiB");
        goto fail;
    }
    if (ld->n_bytes == 0) {
        audit_error_set(ld->err, AUDIT_E_EMPTY, ld->path, 0, 0, 0,
                        "rule file is empty");
        goto fail;
    }
    rc = 0;
fail:
    close(fd);
    return rc;
}

/* ---- pass 2: YAML → tree -------------------------------------------- */

static int check_tag(loader *ld, const yaml_mark_t *mark, const yaml_char_t *tag,
                     const char *allowed, int *is_string)
{
    if (!tag)
        return 0;
    const char *t = (const char *)tag;
    if (is_string && (strcmp(t, YAML_STR_TAG) == 0 || strcmp(t, "!") == 0)) {
        *is_string = 1;
        return 0;
    }
    if (strcmp(t, allowed) == 0)
        return 0;
    return fail_at(ld, AUDIT_E_SCHEMA, mark->line, mark->column,
                   "tag %s is not allowed in rule files", quote(ld, t, strlen(t)));
}

static size_t add_node(loader *ld, node_kind kind, const yaml_event_t *ev)
{
    ld->nodes = audit_xgrow(ld->nodes, &ld->cap_nodes, ld->n_nodes + 1,
                            sizeof *ld->nodes);
    node *nd = &ld->nodes[ld->n_nodes];
    memset(nd, 0, sizeof *nd);
    nd->kind = kind;
    nd->line = ev->start_mark.line;
    nd->column = ev->start_mark.column;
    nd->end_line = ev->end_mark.line;
    nd->after = ld->n_nodes + 1;
    return ld->n_nodes++;
}

static int build_tree(loader *ld)
{
    yaml_parser_t parser;
    yaml_event_t ev;
    size_t open_nodes[RULES_MAX_DEPTH]; /* collections not yet ended */
    size_t depth = 0, documents = 0;
    int have_event = 0, done = 0, rc = -1;

    if (!yaml_parser_initialize(&parser))
        return audit_error_set(ld->err, AUDIT_E_LIMIT, ld->path, 0, 0, 0,
                               "out of memory while parsing YAML");
    yaml_parser_set_input_string(&parser, (const unsigned char *)ld->bytes,
                                 ld->n_bytes);
    while (!done) {
        if (!yaml_parser_parse(&parser, &ev)) {
            fail_yaml(ld, &parser);
            goto fail;
        }
        have_event = 1;
        const yaml_mark_t *m = &ev.start_mark;
        const yaml_char_t *anchor = NULL, *tag = NULL;
        int is_node = 1;
        if (ev.type == YAML_SCALAR_EVENT) {
            anchor = ev.data.scalar.anchor;
            tag = ev.data.scalar.tag;
        } else if (ev.type == YAML_SEQUENCE_START_EVENT) {
            anchor = ev.data.sequence_start.anchor;
            tag = ev.data.sequence_start.tag;
        } else if (ev.type == YAML_MAPPING_START_EVENT) {
            anchor = ev.data.mapping_start.anchor;
            tag = ev.data.mapping_start.tag;
        } else {
            is_node = 0;
        }
        if (anchor) {
            fail_at(ld, AUDIT_E_LIMIT, m->line, m->column,
                    "anchors are not allowed in rule files");
            goto fail;
        }
        if (is_node && ld->n_nodes >= RULES_MAX_NODES) {
            fail_at(ld, AUDIT_E_LIMIT, m->line, m->column,
                    "more than %zu YAML nodes in one rule file",
                    RULES_MAX_NODES);
            goto fail;
        }
        switch (ev.type) {
        case YAML_DOCUMENT_START_EVENT:
            if (documents++) {
                fail_at(ld, AUDIT_E_YAML, m->line, m->column,
                        "a rule file holds one YAML document; this is a "
                        "second one");
                goto fail;
            }
            break;
        case YAML_ALIAS_EVENT:
            fail_at(ld, AUDIT_E_LIMIT, m->line, m->column,
                    "aliases are not allowed in rule files");
            goto fail;
        case YAML_SCALAR_EVENT: {
            int is_string = 0;
            if (check_tag(ld, m, tag, YAML_STR_TAG, &is_string))
                goto fail;
            size_t i = add_node(ld, NODE_SCALAR, &ev);
            node *nd = &ld->nodes[i];
            yaml_scalar_style_t style = ev.data.scalar.style;
            nd->plain = style == YAML_PLAIN_SCALAR_STYLE && !is_string;
            nd->quoted = style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
                         style == YAML_DOUBLE_QUOTED_SCALAR_STYLE;
            nd->text = ld->text.len;
            nd->len = ev.data.scalar.length;
            audit_buf_put(&ld->text, (const char *)ev.data.scalar.value,
                          ev.data.scalar.length);
            audit_buf_putc(&ld->text, '\0');
            break;
        }
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT: {
            int seq = ev.type == YAML_SEQUENCE_START_EVENT;
            if (check_tag(ld, m, tag, seq ? YAML_SEQ_TAG : YAML_MAP_TAG, NULL))
                goto fail;
            if (depth == RULES_MAX_DEPTH) {
                fail_at(ld, AUDIT_E_LIMIT, m->line, m->column,
                        "nesting deeper than %d levels", RULES_MAX_DEPTH);
                goto fail;
            }
            open_nodes[depth++] = add_node(ld, seq ? NODE_SEQUENCE : NODE_MAPPING, &ev);
            break;
        }
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            /* libyaml balances start and end events */
            depth--;
            ld->nodes[open_nodes[depth]].after = ld->n_nodes;
            break;
        case YAML_STREAM_END_EVENT:
            done = 1;
            break;
        default:
            break;
        }
        yaml_event_delete(&ev);
        have_event = 0;
    }
    if (!documents) {
        audit_error_set(ld->err, AUDIT_E_EMPTY, ld->path, 0, 0, 0,
                        "rule file holds no YAML document (only comments or "
                        "blank lines)");
        goto fail;
    }
    rc = 0;
fail:
    if (have_event)
        yaml_event_delete(&ev);
    yaml_parser_delete(&parser);
    return rc;
}

/* ---- ids ------------------------------------------------------------ */

static size_t id_hash(const char *s)
{
    size_t h = 14695981039346656037u & SIZE_MAX;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * (1099511628211u & SIZE_MAX);
    return h;
}

static const id_entry *id_find(const id_table *t, const char *id)
{
    if (!t->cap)
        return NULL;
    for (size_t i = id_hash(id) & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
        if (!t->slots[i].id)
            return NULL;
        if (strcmp(t->slots[i].id, id) == 0)
            return &t->slots[i];
    }
}

static void id_insert(id_table *t, const char *id, size_t index)
{
    if ((t->used + 1) * 2 > t->cap) {
        id_table bigger = {NULL, t->cap ? t->cap * 2 : 64, 0};
        bigger.slots = audit_xcalloc(bigger.cap, sizeof *bigger.slots);
        for (size_t i = 0; i < t->cap; i++)
            if (t->slots[i].id)
                id_insert(&bigger, t->slots[i].id, t->slots[i].index);
        free(t->slots);
        *t = bigger;
    }
    size_t i = id_hash(id) & (t->cap - 1);
    while (t->slots[i].id)
        i = (i + 1) & (t->cap - 1);
    t->slots[i].id = id;
    t->slots[i].index = index;
    t->used++;
}

static int id_char(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
}

/* ---- pass 3: tree → rule set ---------------------------------------- */

static const char *scalar(const loader *ld, const node *nd)
{
    return ld->text.ptr + nd->text;
}

/* A plain empty, ~ or null: YAML's null, which no key of ours accepts. */
static int is_null(const loader *ld, const node *nd)
{
    if (nd->kind != NODE_SCALAR || !nd->plain)
        return 0;
    const char *s = scalar(ld, nd);
    return (nd->len == 0 || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 ||
            strcmp(s, "Null") == 0 || strcmp(s, "NULL") == 0);
}

static const char *kind_name(const node *nd)
{
    switch (nd->kind) {
    case NODE_SEQUENCE: return "a list";
    case NODE_MAPPING: return "a mapping";
    default: return "a string";
    }
}

/* Checks that node m is a mapping of the schema map and puts the index of
 * each key's value node in values[] (NO_NODE when absent). */
static int read_mapping(loader *ld, size_t m, const schema_map *map,
                        size_t *values)
{
    const node *nd = &ld->nodes[m];
    size_t keys[8];
    if (nd->kind != NODE_MAPPING)
        return fail_node(ld, nd, AUDIT_E_SCHEMA, "%s must be a mapping, not %s",
                    map->noun, is_null(ld, nd) ? "empty" : kind_name(nd));
    for (size_t k = 0; k < map->n_keys; k++)
        values[k] = keys[k] = NO_NODE;
    for (size_t key = m + 1; key < nd->after;) {
        const node *kn = &ld->nodes[key];
        size_t value = kn->after;
        if (kn->kind != NODE_SCALAR)
            return fail_node(ld, kn, AUDIT_E_SCHEMA, "keys must be strings, not %s",
                        kind_name(kn));
        size_t k = 0;
        while (k < map->n_keys && !(strlen(map->keys[k]) == kn->len &&
                                    memcmp(map->keys[k], scalar(ld, kn), kn->len) == 0))
            k++;
        if (k == map->n_keys)
            return fail_node(ld, kn, AUDIT_E_SCHEMA, "unknown key %s %s",
                        quote(ld, scalar(ld, kn), kn->len), map->where);
        if (keys[k] != NO_NODE)
            return fail_node(ld, kn, AUDIT_E_YAML,
                        "duplicate key \"%s\" %s (first at line %zu, column %zu)",
                        map->keys[k], map->where, ld->nodes[keys[k]].line + 1,
                        ld->nodes[keys[k]].column + 1);
        keys[k] = key;
        values[k] = value;
        key = ld->nodes[value].after;
    }
    for (size_t k = 0; k < map->n_keys; k++)
        if ((map->required & 1u << k) && values[k] == NO_NODE)
            return fail_node(ld, nd, AUDIT_E_SCHEMA, "missing key \"%s\" %s",
                        map->keys[k], map->where);
    return 0;
}

/* A non-empty string for `key`; a copy in *out when out is not NULL. */
static int read_text(loader *ld, size_t v, const char *key, const char *where,
                     char **out)
{
    const node *nd = &ld->nodes[v];
    if (nd->kind != NODE_SCALAR)
        return fail_node(ld, nd, AUDIT_E_SCHEMA, "\"%s\" %s must be a string, not %s",
                    key, where, kind_name(nd));
    if (nd->len == 0 || is_null(ld, nd))
        return fail_node(ld, nd, AUDIT_E_SCHEMA, "\"%s\" %s must not be empty", key,
                    where);
    if (out)
        *out = audit_xstrndup(scalar(ld, nd), nd->len);
    return 0;
}

/* A non-empty list for `key`. */
static int read_list(loader *ld, size_t v, const char *key, const char *where)
{
    const node *nd = &ld->nodes[v];
    if (nd->kind != NODE_SEQUENCE)
        return fail_node(ld, nd, AUDIT_E_SCHEMA, "\"%s\" %s must be a list, not %s",
                    key, where, is_null(ld, nd) ? "empty" : kind_name(nd));
    if (nd->after == v + 1)
        return fail_node(ld, nd, AUDIT_E_SCHEMA, "\"%s\" %s must not be empty", key,
                    where);
    return 0;
}

static int read_id(loader *ld, size_t v, const char *noun, const char *where,
                   char **out)
{
    const node *nd = &ld->nodes[v];
    if (read_text(ld, v, "id", where, NULL))
        return -1;
    const char *s = scalar(ld, nd);
    for (size_t i = 0; i < nd->len; i++)
        if (!id_char((unsigned char)s[i]))
            return fail_node(ld, nd, AUDIT_E_SCHEMA,
                        "invalid %s id %s: use only letters A-Z a-z, digits, "
                        "\"_\", \".\" and \"-\"",
                        noun, quote(ld, s, nd->len));
    *out = audit_xstrndup(s, nd->len);
    return 0;
}

static int duplicate_id(loader *ld, size_t v, const char *noun, size_t file,
                        size_t line, size_t column)
{
    const node *nd = &ld->nodes[v];
    const char *first = file < ld->rules->n_files ? ld->rules->files[file]
                                                  : ld->path;
    return fail_node(ld, nd, AUDIT_E_DUPLICATE,
                "duplicate %s id %s (first defined at %s:%zu:%zu)", noun,
                quote(ld, scalar(ld, nd), nd->len), first, line + 1, column + 1);
}

/* Compiles the pattern scalar v for `key` (UTF and Unicode properties),
 * JIT-compiled when the platform can; JIT failure is no error. */
static int read_pattern(loader *ld, size_t v, const char *key,
                        const char *where, pcre2_code **out)
{
    const node *nd = &ld->nodes[v];
    int code;
    PCRE2_SIZE offset;
    if (read_text(ld, v, key, where, NULL))
        return -1;
    const char *s = scalar(ld, nd);
    /* The report is matched in its folded form (fold.c): fold the pattern
     * the same way, so 萬 in a pattern still meets 萬 in a report. */
    char *folded = audit_xstrndup(s, nd->len);
    audit_fold_traditional(folded, nd->len);
    *out = pcre2_compile((PCRE2_SPTR)folded, nd->len, PCRE2_UTF | PCRE2_UCP,
                         &code, &offset, NULL);
    free(folded);
    if (!*out) {
        PCRE2_UCHAR problem[256]; /* PCRE2's messages are short */
        size_t column = nd->column;
        if (pcre2_get_error_message(code, problem, sizeof problem) < 0)
            strcpy((char *)problem, "unknown error");
        if (nd->end_line == nd->line && (nd->plain || nd->quoted)) {
            column += nd->quoted;
            for (size_t i = 0; i < offset && i < nd->len; i++)
                column += ((unsigned char)s[i] & 0xC0) != 0x80;
        }
        return fail_at(ld, AUDIT_E_PATTERN, nd->line, column,
                       "invalid \"%s\" pattern: %s at offset %zu", key,
                       (const char *)problem, (size_t)offset);
    }
    (void)pcre2_jit_compile(*out, PCRE2_JIT_COMPLETE);
    return 0;
}

/* A number ≥ 0, read without strtod so that no locale can change what
 * "0.01" means: [+]digits[.digits][e[+-]digits] or .digits. */
static int read_tolerance(loader *ld, size_t v, double *out)
{
    const node *nd = &ld->nodes[v];
    double mantissa = 0;
    long scale = 0, exponent = 0;
    int digits = 0, negative = 0;
    if (nd->kind != NODE_SCALAR)
        return fail_node(ld, nd, AUDIT_E_SCHEMA,
                         "\"tolerance\" in target must be a number, not %s",
                         kind_name(nd));
    const char *s = scalar(ld, nd), *p = s, *end = s + nd->len;
    if (p < end && (*p == '+' || *p == '-'))
        negative = *p++ == '-';
    for (; p < end && *p >= '0' && *p <= '9'; p++, digits++)
        mantissa = mantissa * 10 + (*p - '0');
    if (p < end && *p == '.')
        for (p++; p < end && *p >= '0' && *p <= '9'; p++, digits++, scale++)
            mantissa = mantissa * 10 + (*p - '0');
    if (!digits)
        goto bad;
    if (p < end && (*p == 'e' || *p == 'E')) {
        int sign = 1, exp_digits = 0;
        p++;
        if (p < end && (*p == '+' || *p == '-'))
            sign = *p++ == '-' ? -1 : 1;
        for (; p < end && *p >= '0' && *p <= '9'; p++, exp_digits++)
            if (exponent < 10000)
                exponent = exponent * 10 + (*p - '0');
        if (!exp_digits)
            goto bad;
        exponent *= sign;
    }
    if (p != end)
        goto bad;
    exponent -= scale;
    *out = exponent < 0 ? mantissa / pow(10, (double)-exponent)
                        : mantissa * pow(10, (double)exponent);
    if (negative && *out != 0)
        return fail_node(ld, nd, AUDIT_E_SCHEMA,
                    "\"tolerance\" in target must not be negative, not %s",
                    quote(ld, s, nd->len));
    if (!isfinite(*out))
        goto bad;
    *out = fabs(*out);
    return 0;
bad:
    return fail_node(ld, nd, AUDIT_E_SCHEMA,
                     "\"tolerance\" in target must be a number such as 0.01, "
                     "not %s",
                     quote(ld, s, nd->len));
}

static int read_target(loader *ld, size_t m, size_t task)
{
    audit_ruleset *rules = ld->rules;
    size_t v[TARGET_N];
    const char *why = NULL;
    if (read_mapping(ld, m, &target_map, v))
        return -1;
    rules->targets = audit_xgrow(rules->targets, &rules->cap_targets,
                                 rules->n_targets + 1, sizeof *rules->targets);
    size_t index = rules->n_targets++;
    audit_rule_target *t = &rules->targets[index];
    memset(t, 0, sizeof *t);
    t->task = task;
    t->file = ld->file;
    t->line = ld->nodes[m].line;
    t->column = ld->nodes[m].column;

    if (read_id(ld, v[TARGET_ID], "target", target_map.where, &t->id))
        return -1;
    const id_entry *first = id_find(&ld->target_ids, t->id);
    if (first) {
        const audit_rule_target *f = &rules->targets[first->index];
        return duplicate_id(ld, v[TARGET_ID], "target", f->file, f->line,
                            f->column);
    }
    id_insert(&ld->target_ids, t->id, index);

    if (v[TARGET_LABEL] == NO_NODE)
        t->label = audit_xstrdup(t->id);
    else if (read_text(ld, v[TARGET_LABEL], "label", target_map.where, &t->label))
        return -1;

    const node *find = &ld->nodes[v[TARGET_FIND]];
    if (find->kind == NODE_MAPPING)
        return fail_node(ld, find, AUDIT_E_SCHEMA,
                    "\"find\" in target must be a pattern or a list of "
                    "patterns, not a mapping");
    if (find->kind == NODE_SCALAR) {
        t->find = audit_xcalloc(1, sizeof *t->find);
        t->n_find = 1;
        if (read_pattern(ld, v[TARGET_FIND], "find", target_map.where, &t->find[0]))
            return -1;
    } else {
        size_t n = 0;
        if (read_list(ld, v[TARGET_FIND], "find", target_map.where))
            return -1;
        for (size_t i = v[TARGET_FIND] + 1; i < find->after; i = ld->nodes[i].after)
            n++;
        t->find = audit_xcalloc(n, sizeof *t->find);
        for (size_t i = v[TARGET_FIND] + 1; i < find->after; i = ld->nodes[i].after)
            if (read_pattern(ld, i, "find", target_map.where, &t->find[t->n_find++]))
                return -1;
    }

    const node *target = &ld->nodes[v[TARGET_TARGET]];
    if (read_text(ld, v[TARGET_TARGET], "target", target_map.where, NULL))
        return -1;
    /* read "不少於2萬人" like "不少于2万人"; the text shown stays as written */
    char *folded = audit_xstrndup(scalar(ld, target), target->len);
    audit_fold_traditional(folded, target->len);
    int parsed = audit_target_expr_parse(folded, target->len, &t->target, &why);
    if (parsed == 0) {
        /* the parsed text is a span of folded; take the same span of the
         * scalar as written (folding keeps every offset) */
        size_t n = strlen(t->target.text);
        for (size_t at = 0; at + n <= target->len; at++) {
            if (memcmp(folded + at, t->target.text, n) == 0) {
                memcpy(t->target.text, scalar(ld, target) + at, n);
                break;
            }
        }
    }
    free(folded);
    if (parsed != 0) {
        memset(&t->target, 0, sizeof t->target);
        return fail_node(ld, target, AUDIT_E_TARGET,
                    "invalid target expression %s: %s",
                    quote(ld, scalar(ld, target), target->len),
                    why ? why : "cannot parse");
    }

    if (v[TARGET_ACTUAL] != NO_NODE) {
        if (read_pattern(ld, v[TARGET_ACTUAL], "actual", target_map.where,
                         &t->actual))
            return -1;
        if (pcre2_substring_number_from_name(t->actual, (PCRE2_SPTR) "n") ==
            PCRE2_ERROR_NOSUBSTRING)
            return fail_node(ld, &ld->nodes[v[TARGET_ACTUAL]], AUDIT_E_PATTERN,
                        "\"actual\" pattern has no group named n; write "
                        "(?<n>...) around the figure");
    }

    if (v[TARGET_TOLERANCE] != NO_NODE &&
        read_tolerance(ld, v[TARGET_TOLERANCE], &t->tolerance))
        return -1;
    return 0;
}

static int read_task(loader *ld, size_t m)
{
    audit_ruleset *rules = ld->rules;
    size_t v[TASK_N];
    if (read_mapping(ld, m, &task_map, v))
        return -1;
    rules->tasks = audit_xgrow(rules->tasks, &rules->cap_tasks,
                               rules->n_tasks + 1, sizeof *rules->tasks);
    size_t index = rules->n_tasks++;
    audit_rule_task *t = &rules->tasks[index];
    memset(t, 0, sizeof *t);
    t->file = ld->file;
    t->line = ld->nodes[m].line;
    t->column = ld->nodes[m].column;

    if (read_id(ld, v[TASK_ID], "task", task_map.where, &t->id))
        return -1;
    const id_entry *first = id_find(&ld->task_ids, t->id);
    if (first) {
        const audit_rule_task *f = &rules->tasks[first->index];
        return duplicate_id(ld, v[TASK_ID], "task", f->file, f->line, f->column);
    }
    id_insert(&ld->task_ids, t->id, index);
    if (read_text(ld, v[TASK_TITLE], "title", task_map.where, &t->title))
        return -1;
    if (v[TASK_SCOPE] != NO_NODE) {
        if (read_pattern(ld, v[TASK_SCOPE], "scope", task_map.where, &t->scope))
            return -1;
        t->scope_line = ld->nodes[v[TASK_SCOPE]].line;
        t->scope_column = ld->nodes[v[TASK_SCOPE]].column;
    }

    size_t list = v[TASK_TARGETS];
    if (read_list(ld, list, "targets", task_map.where))
        return -1;
    for (size_t i = list + 1; i < ld->nodes[list].after; i = ld->nodes[i].after)
        if (read_target(ld, i, index))
            return -1;
    return 0;
}

/* schema: 1 (also "1" or +1: a careful user means the same). */
static int read_schema(loader *ld, size_t v)
{
    const node *nd = &ld->nodes[v];
    if (nd->kind == NODE_SCALAR) {
        const char *s = scalar(ld, nd);
        size_t i = s[0] == '+';
        while (s[i] == '0' && s[i + 1] != '\0')
            i++;
        if (strcmp(s + i, "1") == 0)
            return 0;
        return fail_node(ld, nd, AUDIT_E_SCHEMA,
                    "unsupported schema %s: this version of audit reads "
                    "schema 1",
                    quote(ld, s, nd->len));
    }
    return fail_node(ld, nd, AUDIT_E_SCHEMA, "\"schema\" must be 1, not %s",
                kind_name(nd));
}

/* The year a period names ("2023", "2022年上半年"), or 0. */
static int period_year(const char *s, size_t n)
{
    for (size_t i = 0; i + 4 <= n; i++) {
        if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
            continue;
        int y = 0, k;
        for (k = 0; k < 4 && s[i + k] >= '0' && s[i + k] <= '9'; k++)
            y = y * 10 + (s[i + k] - '0');
        if (k == 4 && (i + 4 == n || s[i + 4] < '0' || s[i + 4] > '9') &&
            y >= 1900 && y <= 2100)
            return y;
    }
    return 0;
}

static int read_rule_file(loader *ld)
{
    size_t v[FILE_N];
    if (read_mapping(ld, 0, &file_map, v))
        return -1;
    if (v[FILE_SCHEMA] != NO_NODE && read_schema(ld, v[FILE_SCHEMA]))
        return -1;
    if (read_text(ld, v[FILE_NAME], "name", file_map.where, &ld->name))
        return -1;
    if (v[FILE_PERIOD] != NO_NODE && ld->nodes[v[FILE_PERIOD]].kind != NODE_SCALAR)
        return fail_node(ld, &ld->nodes[v[FILE_PERIOD]], AUDIT_E_SCHEMA,
                    "\"period\" at top level must be a string, not %s",
                    kind_name(&ld->nodes[v[FILE_PERIOD]]));
    if (v[FILE_PERIOD] != NO_NODE)
        ld->year = period_year(scalar(ld, &ld->nodes[v[FILE_PERIOD]]),
                               ld->nodes[v[FILE_PERIOD]].len);
    size_t list = v[FILE_TASKS];
    if (read_list(ld, list, "tasks", file_map.where))
        return -1;
    for (size_t i = list + 1; i < ld->nodes[list].after; i = ld->nodes[i].after)
        if (read_task(ld, i))
            return -1;
    return 0;
}

/* ---- the rule set --------------------------------------------------- */

static void free_target(audit_rule_target *t)
{
    free(t->id);
    free(t->label);
    for (size_t i = 0; i < t->n_find; i++)
        pcre2_code_free(t->find[i]);
    free(t->find);
    pcre2_code_free(t->actual);
    free(t->target.text);
}

/* Cuts the set back to its first n_tasks tasks and n_targets targets. */
static void truncate_ruleset(audit_ruleset *rules, size_t n_tasks,
                             size_t n_targets)
{
    while (rules->n_targets > n_targets)
        free_target(&rules->targets[--rules->n_targets]);
    while (rules->n_tasks > n_tasks) {
        audit_rule_task *t = &rules->tasks[--rules->n_tasks];
        free(t->id);
        free(t->title);
        pcre2_code_free(t->scope);
    }
}

audit_ruleset *audit_ruleset_new(void)
{
    return audit_xcalloc(1, sizeof(audit_ruleset));
}

int audit_ruleset_load(audit_ruleset *rules, const char *path,
                       audit_error *err)
{
    loader ld;
    int rc = -1;
    if (!rules || !path)
        return audit_error_set(err, AUDIT_E_USAGE, NULL, 0, 0, 0,
                               "audit_ruleset_load: no rule set or no path");
    size_t n_tasks = rules->n_tasks, n_targets = rules->n_targets;
    memset(&ld, 0, sizeof ld);
    ld.rules = rules;
    ld.path = path;
    ld.file = rules->n_files;
    ld.err = err;

    if (read_file(&ld) || build_tree(&ld))
        goto fail;
    for (size_t i = 0; i < rules->n_tasks; i++)
        id_insert(&ld.task_ids, rules->tasks[i].id, i);
    for (size_t i = 0; i < rules->n_targets; i++)
        id_insert(&ld.target_ids, rules->targets[i].id, i);
    if (read_rule_file(&ld))
        goto fail;

    rules->files = audit_xrealloc(rules->files,
                                  (rules->n_files + 1) * sizeof *rules->files);
    rules->names = audit_xrealloc(rules->names,
                                  (rules->n_files + 1) * sizeof *rules->names);
    rules->years = audit_xrealloc(rules->years,
                                  (rules->n_files + 1) * sizeof *rules->years);
    rules->years[rules->n_files] = ld.year;
    rules->files[rules->n_files] = audit_xstrdup(path);
    rules->names[rules->n_files] = ld.name;
    ld.name = NULL;
    rules->n_files++;
    rc = 0;
fail:
    if (rc)
        truncate_ruleset(rules, n_tasks, n_targets);
    free(ld.bytes);
    free(ld.nodes);
    free(ld.name);
    free(ld.task_ids.slots);
    free(ld.target_ids.slots);
    audit_buf_free(&ld.text);
    audit_buf_free(&ld.scratch);
    return rc;
}

size_t audit_ruleset_count(const audit_ruleset *rules)
{
    return rules ? rules->n_targets : 0;
}

void audit_ruleset_free(audit_ruleset *rules)
{
    if (!rules)
        return;
    truncate_ruleset(rules, 0, 0);
    for (size_t i = 0; i < rules->n_files; i++) {
        free(rules->files[i]);
        free(rules->names[i]);
    }
    free(rules->files);
    free(rules->names);
    free(rules->years);
    free(rules->tasks);
    free(rules->targets);
    free(rules);
}
