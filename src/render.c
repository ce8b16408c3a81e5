/* render.c - results -> text (compiler style) or JSON (SPEC section 6).
 *
 * Renderers only walk results: every decision was made in evaluate.c and
 * checks.c. Positions are printed 1-based; columns count code points.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "result.h"

#define C_RESET "\033[0m"
#define C_BOLD "\033[1m"
#define C_GREEN "\033[32m"
#define C_YELLOW "\033[33m"
#define C_RED "\033[31m"
#define C_MAGENTA "\033[35m"

typedef struct pos {
    size_t line, column;
} pos;

static pos position(const audit_document *doc, size_t offset)
{
    pos p;
    audit_document_position(doc, offset, &p.line, &p.column);
    p.line++;
    p.column++;
    return p;
}

static const char *status_color(audit_status s)
{
    switch (s) {
    case AUDIT_MET:
    case AUDIT_EXCEEDED: return C_GREEN;
    case AUDIT_UNMET: return C_YELLOW;
    case AUDIT_MISSING: return C_MAGENTA;
    default: return C_RED;
    }
}

static void put_colored(audit_buf *b, int color, const char *code,
                        const char *word)
{
    if (color)
        audit_buf_printf(b, "%s%s%s", code, word, C_RESET);
    else
        audit_buf_puts(b, word);
}

static void put_plural(audit_buf *b, size_t n, const char *word)
{
    audit_buf_printf(b, "%zu %s%s", n, word, n == 1 ? "" : "s");
}

static void text_target(audit_buf *b, const audit_result *res,
                        const audit_target_result *r, int color)
{
    const audit_rule_target *t = r->rule;
    if (r->has_actual) {
        pos p = position(res->doc, r->actual.start);
        audit_buf_printf(b, "%s:%zu:%zu: ", res->doc->name, p.line, p.column);
    } else {
        audit_buf_printf(b, "%s:%zu:%zu: ", res->rules->files[t->file],
                         t->line + 1, t->column + 1);
    }
    put_colored(b, color, status_color(r->status),
                audit_status_name(r->status));
    audit_buf_printf(b, ": %s %s ", t->id, t->label);
    if (!r->has_actual) {
        audit_buf_printf(b, "no actual found (target %s)\n", t->target.text);
        return;
    }
    audit_buf_put(b, res->doc->text + r->actual.start,
                  r->actual.end - r->actual.start);
    audit_buf_printf(b, " vs %s", t->target.text);
    if (r->has_ratio)
        audit_buf_printf(b, " (%.1f%%)", r->ratio * 100.0);
    if (r->reason)
        audit_buf_printf(b, " [%s]", r->reason);
    if (r->units_differ)
        audit_buf_printf(b, " [units: %s vs %s]", r->actual.unit,
                         t->target.quantity.unit);
    audit_buf_putc(b, '\n');
}

/* Writes s[0..n), cut after TEXT_EXCERPT characters with "…" (a figure
 * of 100 000 digits is one finding, not a 100 KB line). */
#define TEXT_EXCERPT 60
static void put_excerpt(audit_buf *b, const char *s, size_t n)
{
    size_t i = 0, chars = 0;
    while (i < n && chars < TEXT_EXCERPT) {
        i++;
        while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
        chars++;
    }
    audit_buf_put(b, s, i);
    if (i < n)
        audit_buf_puts(b, "…");
}

static void text_finding(audit_buf *b, const audit_result *res,
                         const audit_finding *f, int color)
{
    pos p = position(res->doc, f->start);
    audit_buf_printf(b, "%s:%zu:%zu: ", res->doc->name, p.line, p.column);
    if (f->severity == AUDIT_ERROR)
        put_colored(b, color, C_RED, "error");
    else
        put_colored(b, color, C_YELLOW, "warning");
    audit_buf_printf(b, ": %s: \"", f->check);
    put_excerpt(b, res->doc->text + f->start, f->end - f->start);
    audit_buf_printf(b, "\": %s\n", f->message);
}

static void text_summary(audit_buf *b, const audit_result *res, int many,
                         int color)
{
    if (color)
        audit_buf_puts(b, C_BOLD);
    audit_buf_puts(b, "summary: ");
    if (many)
        audit_buf_printf(b, "%s: ", res->doc->name);
    put_plural(b, res->n_targets, "target");
    audit_buf_puts(b, ": ");
    for (int s = AUDIT_MET; s <= AUDIT_INCONSISTENT; s++)
        audit_buf_printf(b, "%s%zu %s", s ? ", " : "", res->counts[s],
                         audit_status_name((audit_status)s));
    audit_buf_puts(b, "; ");
    put_plural(b, res->errors, "error");
    audit_buf_puts(b, ", ");
    put_plural(b, res->warnings, "warning");
    if (color)
        audit_buf_puts(b, C_RESET);
    audit_buf_putc(b, '\n');
}

static void text_extract(audit_buf *b, const audit_result *res)
{
    const audit_quantity_list *qs = &res->ex.quantities;
    for (size_t i = 0; i < qs->len; i++) {
        const audit_quantity *q = &qs->items[i];
        pos p = position(res->doc, q->start);
        audit_buf_printf(b, "%s:%zu:%zu: %s: ", res->doc->name, p.line,
                         p.column, audit_role_name(q->role));
        audit_buf_put(b, res->doc->text + q->start, q->end - q->start);
        audit_buf_puts(b, " = ");
        audit_buf_put_number(b, q->value);
        if (q->range) {
            audit_buf_puts(b, "..");
            audit_buf_put_number(b, q->high);
        }
        if (q->unit)
            audit_buf_printf(b, " %s", q->unit);
        if (q->approx)
            audit_buf_puts(b, " approx");
        if (q->malformed)
            audit_buf_puts(b, " malformed");
        if (res->ex.pending[i] == AUDIT_UNDER_WAY)
            audit_buf_puts(b, " under-way");
        else if (res->ex.pending[i] == AUDIT_EARLIER)
            audit_buf_puts(b, " earlier-period");
        audit_buf_putc(b, '\n');
    }
    audit_buf_printf(b, "summary: %zu quantities\n", qs->len);
}

static void render_text(audit_buf *b, const audit_result *res, int many,
                        const audit_render_options *opt)
{
    if (res->extract_only) {
        text_extract(b, res);
        return;
    }
    if (!opt->quiet) {
        for (size_t t = 0; t < res->n_targets; t++)
            text_target(b, res, &res->targets[t], opt->color);
        for (size_t f = 0; f < res->findings.len; f++)
            text_finding(b, res, &res->findings.items[f], opt->color);
    }
    text_summary(b, res, many, opt->color);
}

static void json_str(audit_buf *b, const char *s)
{
    if (s)
        audit_buf_put_json(b, s, strlen(s));
    else
        audit_buf_puts(b, "null");
}

static void json_span(audit_buf *b, const audit_result *res, size_t start,
                      size_t end)
{
    pos p = position(res->doc, start);
    audit_buf_puts(b, "\"text\": ");
    audit_buf_put_json(b, res->doc->text + start, end - start);
    audit_buf_printf(b, ", \"line\": %zu, \"column\": %zu, \"offset\": %zu",
                     p.line, p.column, start);
}

static void json_target(audit_buf *b, const audit_result *res,
                        const audit_target_result *r)
{
    const audit_rule_target *t = r->rule;
    audit_buf_puts(b, "{\"task\": ");
    json_str(b, res->rules->tasks[t->task].id);
    audit_buf_puts(b, ", \"id\": ");
    json_str(b, t->id);
    audit_buf_puts(b, ", \"label\": ");
    json_str(b, t->label);
    audit_buf_puts(b, ", \"status\": ");
    json_str(b, audit_status_name(r->status));
    audit_buf_puts(b, ",\n        \"target\": {\"op\": ");
    json_str(b, audit_op_symbol(t->target.op));
    audit_buf_puts(b, ", \"value\": ");
    audit_buf_put_number(b, t->target.quantity.value);
    audit_buf_puts(b, ", \"unit\": ");
    json_str(b, t->target.quantity.unit);
    audit_buf_puts(b, ", \"text\": ");
    json_str(b, t->target.text);
    audit_buf_puts(b, "},\n        \"actual\": ");
    if (r->has_actual) {
        audit_buf_puts(b, "{\"value\": ");
        audit_buf_put_number(b, r->actual.value);
        audit_buf_puts(b, ", \"unit\": ");
        json_str(b, r->actual.unit);
        audit_buf_puts(b, ", ");
        json_span(b, res, r->actual.start, r->actual.end);
        audit_buf_printf(b, ", \"approx\": %s}",
                         r->actual.approx ? "true" : "false");
    } else {
        audit_buf_puts(b, "null");
    }
    audit_buf_puts(b, ",\n        \"ratio\": ");
    if (r->has_ratio)
        audit_buf_put_number(b, round(r->ratio * 10000.0) / 10000.0);
    else
        audit_buf_puts(b, "null");
    audit_buf_puts(b, ", \"reason\": ");
    json_str(b, r->reason);
    audit_buf_puts(b, "}");
}

static void json_finding(audit_buf *b, const audit_result *res,
                         const audit_finding *f)
{
    audit_buf_puts(b, "{\"check\": ");
    json_str(b, f->check);
    audit_buf_puts(b, ", \"severity\": ");
    json_str(b, f->severity == AUDIT_ERROR ? "error" : "warning");
    audit_buf_puts(b, ", ");
    json_span(b, res, f->start, f->end);
    audit_buf_puts(b, ", \"message\": ");
    json_str(b, f->message);
    audit_buf_puts(b, ", \"target\": ");
    json_str(b, f->target);
    audit_buf_puts(b, "}");
}

static void json_quantity(audit_buf *b, const audit_result *res, size_t i)
{
    const audit_quantity *q = &res->ex.quantities.items[i];
    audit_buf_puts(b, "{\"value\": ");
    audit_buf_put_number(b, q->value);
    audit_buf_puts(b, ", \"high\": ");
    if (q->range)
        audit_buf_put_number(b, q->high);
    else
        audit_buf_puts(b, "null");
    audit_buf_puts(b, ", \"unit\": ");
    json_str(b, q->unit);
    audit_buf_puts(b, ", ");
    json_span(b, res, q->start, q->end);
    audit_buf_printf(b, ", \"approx\": %s, \"range\": %s, \"malformed\": %s, "
                        "\"under_way\": %s, \"earlier\": %s, \"role\": ",
                     q->approx ? "true" : "false", q->range ? "true" : "false",
                     q->malformed ? "true" : "false",
                     res->ex.pending[i] == AUDIT_UNDER_WAY ? "true" : "false",
                     res->ex.pending[i] == AUDIT_EARLIER ? "true" : "false");
    json_str(b, audit_role_name(q->role));
    audit_buf_puts(b, "}");
}

static void render_json(audit_buf *b, const audit_result *res, int first)
{
    audit_buf_puts(b, first ? "{\n" : ", {\n");
    audit_buf_puts(b, "    \"file\": ");
    json_str(b, res->doc->name);
    audit_buf_puts(b, ",\n    \"rules\": [");
    for (size_t f = 0; res->rules && f < res->rules->n_files; f++) {
        if (f)
            audit_buf_puts(b, ", ");
        json_str(b, res->rules->files[f]);
    }
    audit_buf_puts(b, "],\n");
    if (res->extract_only) {
        audit_buf_puts(b, "    \"quantities\": [");
        for (size_t q = 0; q < res->ex.quantities.len; q++) {
            audit_buf_puts(b, q ? ",\n      " : "\n      ");
            json_quantity(b, res, q);
        }
        audit_buf_puts(b, res->ex.quantities.len ? "\n    ]\n  }" : "]\n  }");
        return;
    }
    audit_buf_printf(b, "    \"summary\": {\"targets\": %zu", res->n_targets);
    for (int s = AUDIT_MET; s <= AUDIT_INCONSISTENT; s++)
        audit_buf_printf(b, ", \"%s\": %zu", audit_status_name((audit_status)s),
                         res->counts[s]);
    audit_buf_printf(b, ", \"errors\": %zu, \"warnings\": %zu},\n",
                     res->errors, res->warnings);
    audit_buf_puts(b, "    \"targets\": [");
    for (size_t t = 0; t < res->n_targets; t++) {
        audit_buf_puts(b, t ? ",\n      " : "\n      ");
        json_target(b, res, &res->targets[t]);
    }
    audit_buf_puts(b, res->n_targets ? "\n    ],\n" : "],\n");
    audit_buf_puts(b, "    \"findings\": [");
    for (size_t f = 0; f < res->findings.len; f++) {
        audit_buf_puts(b, f ? ",\n      " : "\n      ");
        json_finding(b, res, &res->findings.items[f]);
    }
    audit_buf_puts(b, res->findings.len ? "\n    ]\n  }" : "]\n  }");
}

/* The renderer keeps only the output: each report is rendered when it is
 * done, so that a run over many reports can free each one at once. */
struct audit_renderer {
    audit_render_options opt;
    int many;
    size_t reports;
    audit_buf out;
};

audit_renderer *audit_renderer_new(const audit_render_options *opt, int many)
{
    audit_renderer *r = audit_xcalloc(1, sizeof *r);
    r->opt = *opt;
    r->many = many;
    if (opt->format == AUDIT_FORMAT_JSON)
        audit_buf_puts(&r->out, "{\n  \"schema\": 1,\n  \"tool\": {\"name\": "
                                "\"audit\", \"version\": \"" AUDIT_VERSION
                                "\"},\n  \"reports\": [");
    return r;
}

void audit_renderer_add(audit_renderer *r, const audit_result *res)
{
    if (r->opt.format == AUDIT_FORMAT_JSON)
        render_json(&r->out, res, r->reports == 0);
    else
        render_text(&r->out, res, r->many, &r->opt);
    r->reports++;
}

char *audit_renderer_finish(audit_renderer *r)
{
    if (r->opt.format == AUDIT_FORMAT_JSON)
        audit_buf_puts(&r->out, "]\n}\n");
    char *text = audit_buf_detach(&r->out);
    free(r);
    return text;
}

void audit_renderer_free(audit_renderer *r)
{
    if (!r)
        return;
    audit_buf_free(&r->out);
    free(r);
}

char *audit_render(const audit_result *const *results, size_t n,
                   const audit_render_options *opt)
{
    audit_renderer *r = audit_renderer_new(opt, n > 1);
    for (size_t i = 0; i < n; i++)
        audit_renderer_add(r, results[i]);
    return audit_renderer_finish(r);
}
