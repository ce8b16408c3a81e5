/* fuzz_audit.c - the whole pipeline on any bytes: decode, segment, extract,
 * evaluate, check, render.
 *
 * The rule set is loaded once: a small file written here (a scope, an
 * `actual` pattern, a list of `find` patterns, a tolerance) and the bundled
 * rules/luohe-2023.yaml (AUDIT_FUZZ_RULES). Each input is decoded as
 * auto, GB18030 and UTF-16; every document that decodes is audited with
 * the rules and the checks, and once more with --extract, and each result
 * is rendered as JSON and as text (quiet and in colour too).
 */
#include "fuzz.h"

#include "audit.h"

static const char rules_yaml[] =
    "schema: 1\n"
    "name: fuzz\n"
    "tasks:\n"
    "  - id: F01\n"
    "    title: 职业技能培训\n"
    "    scope: 培训|技能\n"
    "    targets:\n"
    "      - id: F01.trainees\n"
    "        label: 培训人次\n"
    "        find: [职业培训, 技能培训, 培训]\n"
    "        target: 不少于2.8万人次\n"
    "        tolerance: 0.01\n"
    "      - id: F01.rate\n"
    "        find: 就业率\n"
    "        actual: '就业率(?:为|达)?(?<n>[0-9.]+%)'\n"
    "        target: 控制在4.3%以内\n"
    "  - id: F02\n"
    "    title: 改造\n"
    "    targets:\n"
    "      - id: F02.homes\n"
    "        find: 改造\n"
    "        target: = 2000户\n"
    "      - id: F02.km\n"
    "        find: 公里|管网\n"
    "        target: '> 12.5公里'\n";

static fuzz_file rules_file;
static audit_ruleset *rules;

static void cleanup(void)
{
    audit_ruleset_free(rules);
    fuzz_file_remove(&rules_file);
}

static void load_rules(void)
{
    audit_error err = {0};
    rules = audit_ruleset_new();
    fuzz_file_write(&rules_file, rules_yaml, sizeof rules_yaml - 1);
    const char *paths[] = {rules_file.path, AUDIT_FUZZ_RULES};
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        if (audit_ruleset_load(rules, paths[i], &err) != 0) {
            char *msg = audit_error_format(&err);
            fprintf(stderr, "fuzz_audit: cannot load the rules: %s\n", msg);
            abort();
        }
    }
    atexit(cleanup);
}

static void render(const audit_result *res)
{
    static const audit_render_options styles[] = {
        {AUDIT_FORMAT_JSON, 0, 0},
        {AUDIT_FORMAT_TEXT, 0, 0},
        {AUDIT_FORMAT_TEXT, 1, 1},
    };
    for (size_t i = 0; i < sizeof styles / sizeof styles[0]; i++) {
        char *out = audit_render(&res, 1, &styles[i]);
        if (!out) {
            fprintf(stderr, "fuzz_audit: audit_render returned NULL\n");
            abort();
        }
        free(out);
    }
}

static void audit_as(const uint8_t *data, size_t size, audit_encoding enc)
{
    audit_error err = {0};
    audit_document *doc = audit_document_from_bytes(
        "report.txt", (const char *)data, size, enc, &err);
    if (!doc) {
        if (err.code == AUDIT_OK || !err.message) {
            fprintf(stderr, "fuzz_audit: a document failed without an error\n");
            abort();
        }
        free(audit_error_format(&err));
        audit_error_clear(&err);
        return;
    }
    audit_options audit_opt = {1, 0};
    audit_options extract_opt = {1, 1};
    const audit_options *opts[] = {&audit_opt, &extract_opt};
    for (size_t i = 0; i < 2; i++) {
        audit_result *res = audit_run(doc, rules, opts[i], &err);
        if (!res) {
            /* A pattern of the fixed rules over its match limit. */
            free(audit_error_format(&err));
            audit_error_clear(&err);
            continue;
        }
        (void)audit_result_occurred(res);
        render(res);
        audit_result_free(res);
    }
    audit_document_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!rules)
        load_rules();
    /* A copy of exactly size bytes, so that ASan sees any read past it. */
    uint8_t *bytes = malloc(size ? size : 1);
    if (!bytes)
        return 0;
    memcpy(bytes, data, size);
    audit_as(bytes, size, AUDIT_ENCODING_AUTO);
    audit_as(bytes, size, AUDIT_ENCODING_GB18030);
    audit_as(bytes, size, AUDIT_ENCODING_UTF16);
    free(bytes);
    return 0;
}
