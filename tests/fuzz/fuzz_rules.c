/* fuzz_rules.c - the rule loader on any bytes.
 *
 * The input is written to a temporary file (audit_ruleset_load reads a
 * path) and loaded into a fresh rule set. A set that loads is used once on
 * a small fixed report, so that its patterns, scopes and targets run, then
 * the same file is loaded a second time into it, which must fail on the
 * duplicate ids (or succeed when the file has none) and leave the set
 * usable. Every error must carry a message that formats.
 */
#include "fuzz.h"

#include "audit.h"

static const char report[] =
    "一、职业技能培训\n"
    "全年完成职业技能培训2.8万人次,新增技能人才1.2万人。\n"
    "完成情况:截至12月底,适老化改造2156户,完成率107.8%。\n"
    "产前超声筛查率71.9%,较上年提高3个百分点。\n";

static fuzz_file rules_file;
static audit_document *doc;

static void cleanup(void)
{
    audit_document_free(doc);
    fuzz_file_remove(&rules_file);
}

static void check_error(audit_error *err)
{
    if (err->code == AUDIT_OK || !err->message) {
        fprintf(stderr, "fuzz_rules: failure without an error\n");
        abort();
    }
    free(audit_error_format(err));
    audit_error_clear(err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    audit_error err = {0};
    if (!doc) {
        doc = audit_document_from_bytes("report.txt", report, sizeof report - 1,
                                         AUDIT_ENCODING_AUTO, &err);
        if (!doc) {
            fprintf(stderr, "fuzz_rules: the fixed report does not load\n");
            abort();
        }
        atexit(cleanup);
    }
    fuzz_file_write(&rules_file, data, size);

    audit_ruleset *rules = audit_ruleset_new();
    if (audit_ruleset_load(rules, rules_file.path, &err) != 0) {
        check_error(&err);
        audit_ruleset_free(rules);
        return 0;
    }
    size_t count = audit_ruleset_count(rules);
    audit_options opt = {1, 0};
    audit_result *res = audit_run(doc, rules, &opt, &err);
    if (res) {
        audit_render_options ro = {AUDIT_FORMAT_JSON, 0, 0};
        free(audit_render((const audit_result *const *)&res, 1, &ro));
        audit_result_free(res);
    } else {
        check_error(&err); /* a pattern over its match limit */
    }
    if (audit_ruleset_load(rules, rules_file.path, &err) != 0) {
        check_error(&err);
        if (audit_ruleset_count(rules) != count) {
            fprintf(stderr, "fuzz_rules: a failed load changed the set\n");
            abort();
        }
    }
    audit_ruleset_free(rules);
    return 0;
}
