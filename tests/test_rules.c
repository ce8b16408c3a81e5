/* test_rules.c - loading YAML rule files (rules.c).
 *
 * Tables, as in libyaml's test-reader.c:
 *   good     rule files that load, with what each must hold (ops, values,
 *            labels, patterns that match, positions);
 *   bad      rule files that must not load, each with the exact error code,
 *            1-based line and column, and a piece of the message; every one
 *            is loaded after a good file, which must then be left intact;
 *   goldens  tests/errors/NAME/rules.yaml must fail with the first line of
 *            tests/errors/NAME/expected (the same folders run-errors feeds
 *            to the real executable).
 * Plus the limits that need big or generated input: deep nesting, alias
 * bombs, files over 16 MiB, directories, empty files.
 */
#include <check.h>

#include "check_run.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "audit.h"
#include "rules.h"

/* ---- helpers ------------------------------------------------------------ */

/* Writes n bytes to a fresh temporary file; the caller unlinks and
 * frees the path. */
static char *write_bytes(const char *bytes, size_t n)
{
    char *path = strdup("/tmp/audit-test-rules-XXXXXX");
    int fd = mkstemp(path);
    ck_assert_msg(fd >= 0, "mkstemp: %s", strerror(errno));
    ck_assert(write(fd, bytes, n) == (ssize_t)n);
    close(fd);
    return path;
}

static char *write_rules(const char *text)
{
    return write_bytes(text, strlen(text));
}

static void remove_file(char *path)
{
    unlink(path);
    free(path);
}

/* Replaces every "{path}" in s with path and "{base}" with base. */
static char *expand(const char *s, const char *path, const char *base)
{
    size_t cap = strlen(s) + 1;
    char *out = malloc(cap), *o = out;
    while (*s) {
        const char *with = NULL;
        size_t skip = 0;
        if (strncmp(s, "{path}", 6) == 0)
            with = path, skip = 6;
        else if (strncmp(s, "{base}", 6) == 0)
            with = base, skip = 6;
        if (with) {
            size_t at = (size_t)(o - out), n = strlen(with);
            cap += n;
            out = realloc(out, cap);
            o = out + at;
            memcpy(o, with, n);
            o += n;
            s += skip;
        } else {
            *o++ = *s++;
        }
    }
    *o = '\0';
    return out;
}

static const pcre2_code *find_code(const audit_rule_target *t, size_t i)
{
    ck_assert_uint_lt(i, t->n_find);
    return t->find[i];
}

/* Whether code matches s; when group is not NULL, the text of that group
 * is copied to out. */
static int matches(const pcre2_code *code, const char *s, const char *group,
                   char *out, size_t out_size)
{
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(code, NULL);
    int rc = pcre2_match(code, (PCRE2_SPTR)s, strlen(s), 0, 0, md, NULL);
    if (rc > 0 && group) {
        PCRE2_SIZE n = out_size;
        ck_assert_int_ge(pcre2_substring_copy_byname(md, (PCRE2_SPTR)group,
                                                     (PCRE2_UCHAR *)out, &n),
                         0);
    }
    pcre2_match_data_free(md);
    return rc > 0;
}

static const audit_rule_target *target_by_id(const audit_ruleset *rules,
                                             const char *id)
{
    for (size_t i = 0; i < rules->n_targets; i++)
        if (strcmp(rules->targets[i].id, id) == 0)
            return &rules->targets[i];
    ck_abort_msg("no target %s", id);
    return NULL;
}

/* ---- good files ---------------------------------------------------------- */

static const char FULL[] =
    "# a comment before the mapping\n"                         /* 1 */
    "schema: 1\n"                                               /* 2 */
    "name: 2023年漯河市民生实事\n"                              /* 3 */
    "period: \"2023\"\n"                                        /* 4 */
    "tasks:\n"                                                  /* 5 */
    "  - id: P05\n"                                             /* 6 */
    "    title: 特殊困难老年人家庭适老化改造\n"                 /* 7 */
    "    scope: 适老化\n"                                       /* 8 */
    "    targets:\n"                                            /* 9 */
    "      - id: P05.homes\n"                                   /* 10 */
    "        label: 适老化改造户数\n"                           /* 11 */
    "        find: 适老化改造\n"                                /* 12 */
    "        target: ≥ 2000户\n"                                /* 13 */
    "        tolerance: 0.01\n"                                 /* 14 */
    "      - id: P05.count\n"                                   /* 15 */
    "        find: [改造, '已录入\\s*老年人']\n"                /* 16 */
    "        target: 不少于2.8万人次\n"                         /* 17 */
    "        actual: '已录入老年人数\\s*(?<n>[0-9.]+\\s*万人)'\n" /* 18 */
    "  - id: T07\n"                                             /* 19 */
    "    title: 孕产妇\n"                                       /* 20 */
    "    targets:\n"                                            /* 21 */
    "      - id: T07.ultrasound\n"                              /* 22 */
    "        find:\n"                                           /* 23 */
    "          - 产前超声筛查率\n"                              /* 24 */
    "          - 超声\n"                                        /* 25 */
    "        target: 控制在4.3%以内\n"                          /* 26 */
    "        tolerance: 1e-3\n"                                 /* 27 */
    "      - {id: T07.eq, find: 套, target: = 3757套, label: 套数}\n" /* 28 */
    "      - id: T07.gt\n"                                      /* 29 */
    "        find: 个案咨询\n"                                  /* 30 */
    "        target: 超450人次\n";                              /* 31 */

START_TEST(test_full_file)
{
    char *path = write_rules(FULL);
    audit_ruleset *rules = audit_ruleset_new();
    audit_error err = {0};
    ck_assert_msg(audit_ruleset_load(rules, path, &err) == 0, "%s",
                  err.message);
    ck_assert_uint_eq(audit_ruleset_count(rules), 5);
    ck_assert_uint_eq(rules->n_tasks, 2);
    ck_assert_uint_eq(rules->n_files, 1);
    ck_assert_str_eq(rules->files[0], path);
    ck_assert_str_eq(rules->names[0], "2023年漯河市民生实事");

    ck_assert_str_eq(rules->tasks[0].id, "P05");
    ck_assert_str_eq(rules->tasks[0].title, "特殊困难老年人家庭适老化改造");
    ck_assert_ptr_nonnull(rules->tasks[0].scope);
    ck_assert(matches(rules->tasks[0].scope, "实施了适老化改造2136户", NULL, NULL, 0));
    ck_assert_uint_eq(rules->tasks[0].line, 5);
    ck_assert_uint_eq(rules->tasks[0].column, 4);
    ck_assert_str_eq(rules->tasks[1].id, "T07");
    ck_assert_ptr_null(rules->tasks[1].scope);

    const audit_rule_target *t = target_by_id(rules, "P05.homes");
    ck_assert_str_eq(t->label, "适老化改造户数");
    ck_assert_uint_eq(t->task, 0);
    ck_assert_uint_eq(t->file, 0);
    ck_assert_uint_eq(t->line, 9);   /* line 10, 1-based */
    ck_assert_uint_eq(t->column, 8); /* the "id" of "- id:" */
    ck_assert_uint_eq(t->n_find, 1);
    ck_assert(matches(find_code(t, 0), "实施了适老化改造2136户", NULL, NULL, 0));
    ck_assert(!matches(find_code(t, 0), "老旧小区改造", NULL, NULL, 0));
    ck_assert_int_eq(t->target.op, AUDIT_OP_GE);
    ck_assert_double_eq_tol(t->target.quantity.value, 2000, 1e-9);
    ck_assert_str_eq(t->target.text, "≥ 2000户");
    ck_assert_double_eq_tol(t->tolerance, 0.01, 1e-15);
    ck_assert_ptr_null(t->actual);

    t = target_by_id(rules, "P05.count");
    ck_assert_str_eq(t->label, "P05.count"); /* defaults to the id */
    ck_assert_uint_eq(t->n_find, 2);
    ck_assert(matches(find_code(t, 1), "已录入 老年人", NULL, NULL, 0));
    ck_assert_int_eq(t->target.op, AUDIT_OP_GE);
    ck_assert_double_eq_tol(t->target.quantity.value, 28000, 1e-6);
    ck_assert_double_eq(t->tolerance, 0);
    ck_assert_ptr_nonnull(t->actual);
    char n[64];
    ck_assert(matches(t->actual, "已录入老年人数 3.2万人。", "n", n, sizeof n));
    ck_assert_str_eq(n, "3.2万人");

    t = target_by_id(rules, "T07.ultrasound");
    ck_assert_uint_eq(t->task, 1);
    ck_assert_uint_eq(t->n_find, 2);
    ck_assert(matches(find_code(t, 0), "产前超声筛查率71.9%", NULL, NULL, 0));
    ck_assert_int_eq(t->target.op, AUDIT_OP_LE);
    ck_assert_double_eq_tol(t->target.quantity.value, 4.3, 1e-9);
    ck_assert_double_eq_tol(t->tolerance, 0.001, 1e-15);

    t = target_by_id(rules, "T07.eq");
    ck_assert_str_eq(t->label, "套数");
    ck_assert_uint_eq(t->line, 27);
    ck_assert_uint_eq(t->column, 8); /* the "{" of a flow mapping */
    ck_assert_int_eq(t->target.op, AUDIT_OP_EQ);
    ck_assert_double_eq_tol(t->target.quantity.value, 3757, 1e-9);

    t = target_by_id(rules, "T07.gt");
    ck_assert_int_eq(t->target.op, AUDIT_OP_GT);
    ck_assert_double_eq_tol(t->target.quantity.value, 450, 1e-9);

    audit_ruleset_free(rules);
    remove_file(path);
}
END_TEST

/* Files that must load, with the number of tasks and targets. */
static const struct {
    const char *title;
    const char *yaml;
    int utf16;    /* written as UTF-16LE with a BOM */
    size_t tasks, targets;
} good_cases[] = {
    {"minimal", "name: x\ntasks:\n  - id: T1\n    title: t\n    targets:\n"
                "      - id: T1.a\n        find: a\n        target: 1\n",
     0, 1, 1},
    {"flow style",
     "{name: x, tasks: [{id: A, title: a, targets: [{id: A.1, find: [a, b], "
     "target: ≥ 2000户}, {id: A.2, find: c, target: 5%}]}]}",
     0, 1, 2},
    {"CRLF line ends",
     "name: x\r\ntasks:\r\n  - id: T1\r\n    title: t\r\n    targets:\r\n"
     "      - id: T1.a\r\n        find: a\r\n        target: 1\r\n",
     0, 1, 1},
    {"UTF-8 BOM",
     "\xEF\xBB\xBFname: x\ntasks:\n  - id: T1\n    title: t\n    targets:\n"
     "      - id: T1.a\n        find: a\n        target: 1\n",
     0, 1, 1},
    {"schema as a string, explicit document",
     "%YAML 1.1\n---\nschema: \"1\"\nname: x\ntasks:\n  - id: T1\n    title: t\n"
     "    targets:\n      - id: T1.a\n        find: a\n        target: 1\n...\n",
     0, 1, 1},
    {"ids with every allowed character, numbers kept as written",
     "name: 2023\nperiod: 2023\ntasks:\n  - id: 1.10\n    title: 2023\n"
     "    targets:\n      - id: a-Z_0.9\n        find: a\n        target: 1\n"
     "      - id: 1.1\n        find: a\n        target: 1\n",
     0, 1, 2},
    {"!!str tag and block scalars",
     "name: !!str x\ntasks:\n  - id: T1\n    title: |\n      多行\n      标题\n"
     "    targets:\n      - id: T1.a\n        find: >-\n          完成\n"
     "        target: \"≥ 7万人次\"\n        tolerance: 0\n",
     0, 1, 1},
    {"period null, label with spaces",
     "name: x\nperiod:\ntasks:\n  - id: T1\n    title: t\n    targets:\n"
     "      - id: T1.a\n        label: a label\n        find: a\n        target: 1\n",
     0, 1, 1},
    {"UTF-16LE with BOM",
     "name: x\ntasks:\n- {id: T, title: t, targets: [{id: a, find: a, "
     "target: 1}]}\n",
     1, 1, 1},
};

START_TEST(test_good)
{
    const char *yaml = good_cases[_i].yaml;
    size_t n = strlen(yaml);
    char *path;
    if (good_cases[_i].utf16) {
        /* ASCII only: each byte gets a zero high byte */
        char *wide = malloc(2 * n + 2);
        wide[0] = '\xFF';
        wide[1] = '\xFE';
        for (size_t i = 0; i < n; i++) {
            wide[2 + 2 * i] = yaml[i];
            wide[3 + 2 * i] = '\0';
        }
        path = write_bytes(wide, 2 * n + 2);
        free(wide);
    } else {
        path = write_bytes(yaml, n);
    }
    audit_ruleset *rules = audit_ruleset_new();
    audit_error err = {0};
    ck_assert_msg(audit_ruleset_load(rules, path, &err) == 0, "%s: %s",
                  good_cases[_i].title, err.message);
    ck_assert_uint_eq(rules->n_tasks, good_cases[_i].tasks);
    ck_assert_uint_eq(audit_ruleset_count(rules), good_cases[_i].targets);
    ck_assert_int_eq(err.code, AUDIT_OK);
    audit_ruleset_free(rules);
    remove_file(path);
}
END_TEST

START_TEST(test_kept_as_written)
{
    char *path = write_rules(good_cases[5].yaml);
    audit_ruleset *rules = audit_ruleset_new();
    ck_assert_int_eq(audit_ruleset_load(rules, path, NULL), 0);
    ck_assert_str_eq(rules->names[0], "2023");
    ck_assert_str_eq(rules->tasks[0].id, "1.10");
    ck_assert_str_eq(rules->targets[0].id, "a-Z_0.9");
    ck_assert_str_eq(rules->targets[1].id, "1.1");
    audit_ruleset_free(rules);

    remove_file(path);
    path = write_rules(good_cases[6].yaml);
    rules = audit_ruleset_new();
    ck_assert_int_eq(audit_ruleset_load(rules, path, NULL), 0);
    ck_assert_str_eq(rules->tasks[0].title, "多行\n标题\n");
    ck_assert(matches(rules->targets[0].find[0], "已完成", NULL, NULL, 0));
    ck_assert_double_eq_tol(rules->targets[0].target.quantity.value, 70000, 1e-6);
    audit_ruleset_free(rules);
    remove_file(path);
}
END_TEST

static const char BASE[] = "name: 基础\n"
                           "tasks:\n"
                           "  - id: B1\n"
                           "    title: 基础任务\n"
                           "    targets:\n"
                           "      - id: B1.t\n"
                           "        find: 基础\n"
                           "        target: ≥ 10个\n";

START_TEST(test_several_files)
{
    char *a = write_rules(BASE);
    char *b = write_rules(FULL);
    audit_ruleset *rules = audit_ruleset_new();
    audit_error err = {0};
    ck_assert_int_eq(audit_ruleset_load(rules, a, &err), 0);
    ck_assert_int_eq(audit_ruleset_load(rules, b, &err), 0);
    ck_assert_uint_eq(rules->n_files, 2);
    ck_assert_str_eq(rules->files[0], a);
    ck_assert_str_eq(rules->files[1], b);
    ck_assert_str_eq(rules->names[0], "基础");
    ck_assert_uint_eq(audit_ruleset_count(rules), 6);
    ck_assert_uint_eq(rules->n_tasks, 3);
    const audit_rule_target *t = target_by_id(rules, "T07.gt");
    ck_assert_uint_eq(t->file, 1);
    ck_assert_uint_eq(t->task, 2);
    ck_assert_uint_eq(rules->tasks[2].file, 1);

    /* the same file again: every id is a duplicate, nothing is added */
    ck_assert_int_ne(audit_ruleset_load(rules, b, &err), 0);
    ck_assert_int_eq(err.code, AUDIT_E_DUPLICATE);
    ck_assert_str_eq(err.file, b);
    ck_assert_uint_eq(err.line, 5);
    ck_assert_uint_eq(err.column, 8);
    char *want = expand("duplicate task id \"P05\" (first defined at {path}:6:5)",
                        b, a);
    ck_assert_str_eq(err.message, want);
    free(want);
    ck_assert_uint_eq(rules->n_files, 2);
    ck_assert_uint_eq(rules->n_tasks, 3);
    ck_assert_uint_eq(audit_ruleset_count(rules), 6);

    audit_error_clear(&err);
    audit_ruleset_free(rules);
    remove_file(a);
    remove_file(b);
}
END_TEST

START_TEST(test_free_null)
{
    audit_ruleset_free(NULL);
    ck_assert_uint_eq(audit_ruleset_count(NULL), 0);
    audit_ruleset *rules = audit_ruleset_new();
    ck_assert_uint_eq(audit_ruleset_count(rules), 0);
    audit_error err = {0};
    ck_assert_int_ne(audit_ruleset_load(NULL, "x", &err), 0);
    ck_assert_int_eq(err.code, AUDIT_E_USAGE);
    ck_assert_int_ne(audit_ruleset_load(rules, NULL, &err), 0);
    audit_error_clear(&err);
    audit_ruleset_free(rules);
}
END_TEST

/* ---- bad files ------------------------------------------------------------ */

/* Lines 1-6 of a file whose first target's keys start on line 7, column 9. */
#define HEAD                                                                 \
    "name: x\n"                                                              \
    "tasks:\n"                                                               \
    "  - id: T1\n"                                                           \
    "    title: t\n"                                                         \
    "    targets:\n"                                                         \
    "      - id: T1.a\n"
#define FIND "        find: 培训\n"
#define TARGET "        target: ≥ 1人\n"
#define TARGETS "    targets: [{id: a, find: a, target: 1}]\n"
#define TASK_TAIL "    title: t\n" TARGETS
#define TASKS "tasks: [{id: T1, title: t, targets: [{id: a, find: a, target: 1}]}]\n"

static const struct {
    const char *title;
    const char *yaml;
    audit_error_code code;
    size_t line, column; /* 1-based */
    const char *message; /* a part of it; {path} and {base} are expanded */
} bad_cases[] = {
    /* keys */
    {"unknown key in target", HEAD "        fnd: 培训\n" FIND TARGET,
     AUDIT_E_SCHEMA, 7, 9, "unknown key \"fnd\" in target"},
    {"unknown key at top level", "nmae: x\n", AUDIT_E_SCHEMA, 1, 1,
     "unknown key \"nmae\" at top level"},
    {"unknown key in task",
     "name: x\ntasks:\n  - id: T1\n    titel: t\n", AUDIT_E_SCHEMA, 4, 5,
     "unknown key \"titel\" in task"},
    {"unknown key, control characters quoted",
     "name: x\n\"a\\tb\\x01\\\"\": 1\n", AUDIT_E_SCHEMA, 2, 1,
     "unknown key \"a\\tb\\x01\\\"\" at top level"},
    {"merge key is just unknown", HEAD FIND TARGET "        <<: {}\n",
     AUDIT_E_SCHEMA, 9, 9, "unknown key \"<<\" in target"},
    {"missing name", "# rules\n\ntasks: []\n", AUDIT_E_SCHEMA, 3, 1,
     "missing key \"name\" at top level"},
    {"missing tasks", "name: x\nperiod: 2023\n", AUDIT_E_SCHEMA, 1, 1,
     "missing key \"tasks\" at top level"},
    {"missing title", "name: x\ntasks:\n  - id: T1\n    targets: []\n",
     AUDIT_E_SCHEMA, 3, 5, "missing key \"title\" in task"},
    {"missing targets", "name: x\ntasks:\n  - id: T1\n    title: t\n",
     AUDIT_E_SCHEMA, 3, 5, "missing key \"targets\" in task"},
    {"missing find", HEAD TARGET, AUDIT_E_SCHEMA, 6, 9,
     "missing key \"find\" in target"},
    {"missing target", HEAD FIND, AUDIT_E_SCHEMA, 6, 9,
     "missing key \"target\" in target"},
    {"missing target id", HEAD FIND TARGET "      - find: a\n        target: 1\n",
     AUDIT_E_SCHEMA, 9, 9, "missing key \"id\" in target"},
    {"duplicate key", HEAD FIND TARGET "        find: 其他\n", AUDIT_E_YAML, 9,
     9, "duplicate key \"find\" in target (first at line 7, column 9)"},
    {"duplicate key at top level", "name: x\nname: y\n", AUDIT_E_YAML, 2, 1,
     "duplicate key \"name\" at top level"},
    {"key that is a list", "name: x\n[a, b]: 1\n", AUDIT_E_SCHEMA, 2, 1,
     "keys must be strings, not a list"},

    /* types */
    {"list where a string belongs",
     "name: x\ntasks:\n  - id: T1\n    title: [a, b]\n" TARGETS, AUDIT_E_SCHEMA,
     4, 12,
     "\"title\" in task must be a string, not a list"},
    {"mapping where a string belongs", "name: {a: 1}\n" TASKS, AUDIT_E_SCHEMA,
     1, 7,
     "\"name\" at top level must be a string, not a mapping"},
    {"mapping where a list belongs", "name: x\ntasks:\n  a: 1\n",
     AUDIT_E_SCHEMA, 3, 3, "\"tasks\" at top level must be a list, not a mapping"},
    {"string where a list belongs", "name: x\ntasks: 培训\n", AUDIT_E_SCHEMA, 2,
     8, "\"tasks\" at top level must be a list, not a string"},
    {"null where a list belongs", "name: x\ntasks: ~\n", AUDIT_E_SCHEMA, 2, 8,
     "\"tasks\" at top level must be a list, not empty"},
    {"task that is a string", "name: x\ntasks:\n  - T1\n", AUDIT_E_SCHEMA, 3,
     5, "a task must be a mapping, not a string"},
    {"target that is a list", HEAD FIND TARGET "      - [a]\n", AUDIT_E_SCHEMA, 9,
     9, "a target must be a mapping, not a list"},
    {"find that is a mapping", HEAD "        find: {a: b}\n" TARGET,
     AUDIT_E_SCHEMA, 7, 15,
     "\"find\" in target must be a pattern or a list of patterns, not a mapping"},
    {"find list holding a list", HEAD "        find: [a, [b]]\n" TARGET,
     AUDIT_E_SCHEMA, 7, 19, "\"find\" in target must be a string, not a list"},
    {"target that is a list", HEAD FIND "        target: [1, 2]\n",
     AUDIT_E_SCHEMA, 8, 17, "\"target\" in target must be a string, not a list"},
    {"period that is a list", "name: x\nperiod: [2023]\n" TASKS,
     AUDIT_E_SCHEMA, 2, 9, "\"period\" at top level must be a string, not a list"},
    {"rule file that is a string", "完成培训5.48万人次。\n", AUDIT_E_SCHEMA, 1,
     1, "a rule file must be a mapping, not a string"},
    {"rule file that is a list", "- name: x\n", AUDIT_E_SCHEMA, 1, 1,
     "a rule file must be a mapping, not a list"},
    {"unsupported tag", "name: !custom x\n", AUDIT_E_SCHEMA, 1, 7,
     "tag \"!custom\" is not allowed in rule files"},

    /* empty things */
    {"empty tasks", "name: x\ntasks: []\n", AUDIT_E_SCHEMA, 2, 8,
     "\"tasks\" at top level must not be empty"},
    {"empty targets", "name: x\ntasks:\n  - id: T1\n    title: t\n    targets: []\n",
     AUDIT_E_SCHEMA, 5, 14, "\"targets\" in task must not be empty"},
    {"empty find list", HEAD "        find: []\n" TARGET, AUDIT_E_SCHEMA, 7, 15,
     "\"find\" in target must not be empty"},
    {"empty find", HEAD "        find:\n" TARGET, AUDIT_E_SCHEMA, 7, 14,
     "\"find\" in target must not be empty"},
    {"empty quoted pattern", HEAD "        find: ''\n" TARGET, AUDIT_E_SCHEMA, 7,
     15, "\"find\" in target must not be empty"},
    {"null title", "name: x\ntasks:\n  - id: T1\n    title: ~\n" TARGETS,
     AUDIT_E_SCHEMA, 4, 12, "\"title\" in task must not be empty"},
    {"empty name", "name: \"\"\n" TASKS, AUDIT_E_SCHEMA, 1, 7,
     "\"name\" at top level must not be empty"},
    {"empty label", HEAD "        label: \"\"\n" FIND TARGET, AUDIT_E_SCHEMA, 7,
     16, "\"label\" in target must not be empty"},

    /* values */
    {"schema 2", "schema: 2\nname: x\n" TASKS, AUDIT_E_SCHEMA, 1, 9,
     "unsupported schema \"2\": this version of audit reads schema 1"},
    {"schema 1.0", "schema: 1.0\nname: x\n" TASKS, AUDIT_E_SCHEMA, 1, 9,
     "unsupported schema \"1.0\""},
    {"schema list", "schema: [1]\nname: x\n" TASKS, AUDIT_E_SCHEMA, 1, 9,
     "\"schema\" must be 1, not a list"},
    {"negative tolerance", HEAD FIND TARGET "        tolerance: -0.1\n",
     AUDIT_E_SCHEMA, 9, 20,
     "\"tolerance\" in target must not be negative, not \"-0.1\""},
    {"tolerance that is no number", HEAD FIND TARGET "        tolerance: 1%\n",
     AUDIT_E_SCHEMA, 9, 20,
     "\"tolerance\" in target must be a number such as 0.01, not \"1%\""},
    {"tolerance .inf", HEAD FIND TARGET "        tolerance: .inf\n",
     AUDIT_E_SCHEMA, 9, 20, "must be a number such as 0.01"},
    {"tolerance overflowing", HEAD FIND TARGET "        tolerance: 1e999\n",
     AUDIT_E_SCHEMA, 9, 20, "must be a number such as 0.01"},
    {"tolerance that is a list", HEAD FIND TARGET "        tolerance: [0]\n",
     AUDIT_E_SCHEMA, 9, 20, "\"tolerance\" in target must be a number, not a list"},

    /* ids */
    {"bad task id", "name: x\ntasks:\n  - id: T 1\n" TASK_TAIL, AUDIT_E_SCHEMA, 3, 9,
     "invalid task id \"T 1\": use only letters"},
    {"bad target id", "name: x\ntasks:\n  - id: T1\n    title: t\n    targets:\n"
                      "      - id: 培训\n" FIND TARGET,
     AUDIT_E_SCHEMA, 6, 13, "invalid target id \"培训\""},
    {"empty id", "name: x\ntasks:\n  - id: ''\n" TASK_TAIL, AUDIT_E_SCHEMA, 3, 9,
     "\"id\" in task must not be empty"},
    {"duplicate task id",
     "name: x\ntasks:\n"
     "  - id: T1\n    title: t\n    targets: [{id: a, find: a, target: 1}]\n"
     "  - id: T1\n    title: t\n    targets: [{id: b, find: a, target: 1}]\n",
     AUDIT_E_DUPLICATE, 6, 9,
     "duplicate task id \"T1\" (first defined at {path}:3:5)"},
    {"duplicate target id across tasks",
     "name: x\ntasks:\n"
     "  - id: T1\n    title: t\n    targets:\n      - {id: a, find: a, target: 1}\n"
     "  - id: T2\n    title: t\n    targets:\n      - {id: a, find: a, target: 1}\n",
     AUDIT_E_DUPLICATE, 10, 14,
     "duplicate target id \"a\" (first defined at {path}:6:9)"},
    {"duplicate target id of another file",
     "name: x\ntasks:\n  - id: T1\n    title: t\n    targets:\n"
     "      - id: B1.t\n" FIND TARGET,
     AUDIT_E_DUPLICATE, 6, 13,
     "duplicate target id \"B1.t\" (first defined at {base}:6:9)"},
    {"duplicate task id of another file",
     "name: x\ntasks:\n  - id: B1\n" TASK_TAIL, AUDIT_E_DUPLICATE, 3, 9,
     "duplicate task id \"B1\" (first defined at {base}:3:5)"},

    /* patterns */
    {"bad plain pattern", HEAD "        find: 职业(培训\n" TARGET, AUDIT_E_PATTERN,
     7, 20, "invalid \"find\" pattern: missing closing parenthesis at offset 13"},
    {"bad quoted pattern", HEAD "        find: '[培训'\n" TARGET,
     AUDIT_E_PATTERN, 7, 19, "invalid \"find\" pattern: missing terminating ]"},
    {"bad pattern in a find list", HEAD "        find: [培训, \"a)\"]\n" TARGET,
     AUDIT_E_PATTERN, 7, 22, "invalid \"find\" pattern: unmatched closing parenthesis"},
    {"bad block pattern", HEAD "        find: |-\n          a(\n" TARGET,
     AUDIT_E_PATTERN, 7, 15, "missing closing parenthesis"},
    {"bad scope",
     "name: x\ntasks:\n  - id: T1\n    title: t\n    scope: 'a{2,1}'\n" TARGETS,
     AUDIT_E_PATTERN, 5, 18, "invalid \"scope\" pattern: numbers out of order"},
    {"bad actual", HEAD FIND TARGET "        actual: '(?<n>'\n", AUDIT_E_PATTERN,
     9, 23, "invalid \"actual\" pattern: missing closing parenthesis at "
     "offset 5"},
    {"actual without n", HEAD FIND TARGET "        actual: '完成(\\d+)人'\n",
     AUDIT_E_PATTERN, 9, 17,
     "\"actual\" pattern has no group named n; write (?<n>...) around the figure"},
    {"actual with another group", HEAD FIND TARGET "        actual: '(?<m>\\d+)'\n",
     AUDIT_E_PATTERN, 9, 17, "no group named n"},

    /* target expressions */
    {"bad target expression", HEAD FIND "        target: 很多人\n", AUDIT_E_TARGET,
     8, 17, "invalid target expression \"很多人\": "},
    {"empty target expression", HEAD FIND "        target: ''\n",
     AUDIT_E_SCHEMA, 8, 17, "\"target\" in target must not be empty"},

    /* YAML itself */
    {"not YAML", "name: 完成: 5万人\n", AUDIT_E_YAML, 1, 9,
     "invalid YAML: mapping values are not allowed in this context"},
    {"unclosed flow sequence", "name: x\ntasks: [a, b\n", AUDIT_E_YAML, 3, 1,
     "invalid YAML: did not find expected ',' or ']' (while parsing a flow "
     "sequence at line 2, column 8)"},
    {"tab indentation", "name: x\ntasks:\n\t- id: T1\n", AUDIT_E_YAML, 3, 1,
     "invalid YAML: found character that cannot start any token"},
    {"unclosed quote", "name: 'x\n", AUDIT_E_YAML, 2, 1,
     "invalid YAML: found unexpected end of stream"},
    {"second document", "name: x\n---\nname: y\n", AUDIT_E_YAML, 2, 1,
     "a rule file holds one YAML document; this is a second one"},
    {"anchor", "name: &n x\n", AUDIT_E_LIMIT, 1, 7,
     "anchors are not allowed in rule files"},
    {"alias", "name: x\ntasks:\n  - id: T1\n    title: *t\n", AUDIT_E_LIMIT, 4,
     12, "aliases are not allowed in rule files"},
    {"billion laughs",
     "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
     "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
     "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
     "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n",
     AUDIT_E_LIMIT, 1, 4, "anchors are not allowed"},
    {"invalid UTF-8", "name: x\ntasks: 培\xff\n", AUDIT_E_ENCODING, 2, 9,
     "not valid text: invalid leading UTF-8 octet (byte 0xFF)"},
    {"truncated UTF-8", "name: 培\xe8\xae\n", AUDIT_E_ENCODING, 1, 8,
     "invalid trailing UTF-8 octet (byte 0x0A)"},
    {"GB18030 rule file", "name: \xc5\xe0\xd1\xb5\n", AUDIT_E_ENCODING, 1, 7,
     "save the rule file as UTF-8"},
    {"control character", "name: x\x01\n", AUDIT_E_BINARY, 1, 8,
     "control character U+0001 is not allowed in a rule file"},
};

START_TEST(test_bad)
{
    char *base = write_rules(BASE);
    char *path = write_rules(bad_cases[_i].yaml);
    audit_ruleset *rules = audit_ruleset_new();
    audit_error err = {0};
    ck_assert_int_eq(audit_ruleset_load(rules, base, &err), 0);

    ck_assert_msg(audit_ruleset_load(rules, path, &err) != 0, "%s: loaded",
                  bad_cases[_i].title);
    char *want = expand(bad_cases[_i].message, path, base);
    ck_assert_msg(err.message && strstr(err.message, want),
                  "%s: message \"%s\", want \"%s\"", bad_cases[_i].title,
                  err.message, want);
    ck_assert_msg(err.code == bad_cases[_i].code, "%s: code %d, want %d",
                  bad_cases[_i].title, err.code, bad_cases[_i].code);
    ck_assert_str_eq(err.file, path);
    ck_assert_int_eq(err.has_mark, 1);
    ck_assert_msg(err.line + 1 == bad_cases[_i].line &&
                      err.column + 1 == bad_cases[_i].column,
                  "%s: at %zu:%zu, want %zu:%zu (%s)", bad_cases[_i].title,
                  err.line + 1, err.column + 1, bad_cases[_i].line,
                  bad_cases[_i].column, err.message);
    ck_assert_msg(strchr(err.message, '\n') == NULL, "message on one line");

    /* nothing of the bad file stayed; the set still works */
    ck_assert_uint_eq(rules->n_files, 1);
    ck_assert_uint_eq(rules->n_tasks, 1);
    ck_assert_uint_eq(audit_ruleset_count(rules), 1);
    ck_assert_str_eq(rules->targets[0].id, "B1.t");
    ck_assert_int_eq(audit_ruleset_load(rules, path, NULL), -1); /* err NULL */

    free(want);
    audit_error_clear(&err);
    audit_ruleset_free(rules);
    remove_file(path);
    remove_file(base);
}
END_TEST

/* A bad file deep inside: the tasks and targets before the error go too. */
START_TEST(test_rollback)
{
    char *path = write_rules(
        "name: x\ntasks:\n"
        "  - id: T1\n    title: t\n    scope: a\n    targets:\n"
        "      - {id: a, find: [a, b], target: 1, actual: '(?<n>1)'}\n"
        "      - {id: b, find: a, target: 1}\n"
        "  - id: T2\n    title: t\n    targets:\n"
        "      - {id: c, find: a, target: 1}\n"
        "      - {id: d, find: a, target: 1, tolerance: -1}\n");
    audit_ruleset *rules = audit_ruleset_new();
    audit_error err = {0};
    ck_assert_int_ne(audit_ruleset_load(rules, path, &err), 0);
    ck_assert_int_eq(err.code, AUDIT_E_SCHEMA);
    ck_assert_uint_eq(err.line, 12);
    ck_assert_uint_eq(rules->n_tasks, 0);
    ck_assert_uint_eq(rules->n_targets, 0);
    ck_assert_uint_eq(rules->n_files, 0);
    audit_error_clear(&err);
    audit_ruleset_free(rules);
    remove_file(path);
}
END_TEST

/* ---- limits and files ------------------------------------------------------ */

START_TEST(test_deep_nesting)
{
    /* 63 levels below the top mapping are allowed, 64 are not */
    for (int extra = 0; extra < 2; extra++) {
        size_t depth = 63 + (size_t)extra;
        size_t n = 7 + 2 * depth + 1;
        char *yaml = malloc(n + 1), *p = yaml;
        p += sprintf(p, "name: ");
        for (size_t i = 0; i < depth; i++)
            *p++ = '[';
        for (size_t i = 0; i < depth; i++)
            *p++ = ']';
        *p++ = '\n';
        *p = '\0';
        char *path = write_rules(yaml);
        audit_ruleset *rules = audit_ruleset_new();
        audit_error err = {0};
        ck_assert_int_ne(audit_ruleset_load(rules, path, &err), 0);
        if (extra) {
            ck_assert_int_eq(err.code, AUDIT_E_LIMIT);
            ck_assert_str_eq(err.message, "nesting deeper than 64 levels");
            ck_assert_uint_eq(err.line, 0);
            ck_assert_uint_eq(err.column, 6 + 63);
        } else {
            ck_assert_int_eq(err.code, AUDIT_E_SCHEMA); /* a list, not a string */
        }
        audit_error_clear(&err);
        audit_ruleset_free(rules);
        remove_file(path);
        free(yaml);
    }

    /* a million brackets stop at the 65th */
    size_t n = 1000000;
    char *yaml = malloc(n + 7);
    memcpy(yaml, "name: ", 6);
    memset(yaml + 6, '[', n);
    char *path = write_bytes(yaml, n + 6);
    audit_ruleset *rules = audit_ruleset_new();
    audit_error err = {0};
    ck_assert_int_ne(audit_ruleset_load(rules, path, &err), 0);
    ck_assert_int_eq(err.code, AUDIT_E_LIMIT);
    audit_error_clear(&err);
    audit_ruleset_free(rules);
    remove_file(path);
    free(yaml);
}
END_TEST

START_TEST(test_too_many_nodes)
{
    /* "[1,1,1,...]": two bytes a node, well under 16 MiB */
    size_t n = 1100000;
    char *yaml = malloc(2 * n + 16), *p = yaml;
    p += sprintf(p, "name: [");
    for (size_t i = 0; i < n; i++) {
        *p++ = '1';
        *p++ = ',';
    }
    p[-1] = ']';
    char *path = write_bytes(yaml, (size_t)(p - yaml));
    audit_ruleset *rules = audit_ruleset_new();
    audit_error err = {0};
    ck_assert_int_ne(audit_ruleset_load(rules, path, &err), 0);
    ck_assert_int_eq(err.code, AUDIT_E_LIMIT);
    ck_assert_str_eq(err.message, "more than 1048576 YAML nodes in one rule file");
    audit_error_clear(&err);
    audit_ruleset_free(rules);
    remove_file(path);
    free(yaml);
}
END_TEST

static const struct {
    const char *title;
    audit_error_code code;
    const char *message;
} file_cases[] = {
    {"empty file", AUDIT_E_EMPTY, "rule file is empty"},
    {"only comments", AUDIT_E_EMPTY, "rule file holds no YAML document"},
    {"over 16 MiB", AUDIT_E_LIMIT, "rule file is larger than 16 MiB"},
    {"a directory", AUDIT_E_IO, "cannot read rule file: Is a directory"},
    {"does not exist", AUDIT_E_IO, "cannot open rule file: No such file or directory"},
    {"over 16 MiB, not a regular file", AUDIT_E_LIMIT,
     "rule file is larger than 16 MiB"},
};

START_TEST(test_files)
{
    char *path = NULL;
    switch (_i) {
    case 0: path = write_rules(""); break;
    case 1: path = write_rules("# nothing\n\n   # here\n"); break;
    case 2: {
        size_t n = ((size_t)16 << 20) + 1;
        char *big = malloc(n);
        memset(big, '#', n);
        path = write_bytes(big, n);
        free(big);
        break;
    }
    case 3:
        path = strdup("/tmp/audit-test-rules-dir-XXXXXX");
        ck_assert_ptr_nonnull(mkdtemp(path));
        break;
    case 4: path = strdup("/nonexistent/audit/rules.yaml"); break;
    case 5: path = strdup("/dev/zero"); break;
    }
    audit_ruleset *rules = audit_ruleset_new();
    audit_error err = {0};
    ck_assert_int_ne(audit_ruleset_load(rules, path, &err), 0);
    ck_assert_msg(err.code == file_cases[_i].code, "%s: code %d",
                  file_cases[_i].title, err.code);
    ck_assert_msg(strstr(err.message, file_cases[_i].message), "%s: %s",
                  file_cases[_i].title, err.message);
    ck_assert_str_eq(err.file, path);
    ck_assert_int_eq(err.has_mark, 0);
    audit_error_clear(&err);
    audit_ruleset_free(rules);
    if (_i == 3)
        rmdir(path);
    else if (_i <= 2)
        unlink(path);
    free(path);
}
END_TEST

/* ---- error goldens ------------------------------------------------------------- */

static char *source_dir(void)
{
    const char *env = getenv("AUDIT_SOURCE_DIR");
    if (env && *env)
        return strdup(env);
    /* __FILE__ is tests/test_rules.c, absolute or relative to the tree */
    char *dir = strdup(__FILE__);
    char *slash = strrchr(dir, '/');
    if (!slash) {
        free(dir);
        return strdup("..");
    }
    *slash = '\0';
    slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    else
        strcpy(dir, ".");
    return dir;
}

/* Every tests/errors/NAME/rules.yaml fails with NAME/expected's first line,
 * loaded from inside NAME as the executable is run (cases with a cmd file,
 * or whose expected is not about rules.yaml, belong to other stages). */
START_TEST(test_goldens)
{
    char *src = source_dir();
    char errors[PATH_MAX];
    snprintf(errors, sizeof errors, "%s/tests/errors", src);
    DIR *d = opendir(errors);
    ck_assert_msg(d != NULL, "%s: %s", errors, strerror(errno));
    int here = open(".", O_RDONLY);
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        char line[4096];
        if (e->d_name[0] == '.')
            continue;
        ck_assert_int_eq(fchdir(dirfd(d)), 0);
        ck_assert_msg(chdir(e->d_name) == 0, "%s/%s", errors, e->d_name);
        /* only the cases about a rule file: other stages have theirs */
        FILE *f = fopen("expected", "r");
        if (access("cmd", F_OK) == 0 || access("rules.yaml", F_OK) != 0 || !f ||
            !fgets(line, sizeof line, f) ||
            strncmp(line, "rules.yaml:", 11) != 0) {
            if (f)
                fclose(f);
            continue;
        }
        fclose(f);
        line[strcspn(line, "\r\n")] = '\0';

        audit_ruleset *rules = audit_ruleset_new();
        audit_error err = {0};
        ck_assert_msg(audit_ruleset_load(rules, "rules.yaml", &err) != 0,
                      "%s: loaded", e->d_name);
        char *got = audit_error_format(&err);
        ck_assert_msg(strcmp(got, line) == 0, "%s:\n got  %s\n want %s",
                      e->d_name, got, line);
        free(got);
        audit_error_clear(&err);
        audit_ruleset_free(rules);
        n++;
    }
    closedir(d);
    ck_assert_int_eq(fchdir(here), 0);
    close(here);
    ck_assert_uint_ge(n, 12);
    free(src);
}
END_TEST

static Suite *rules_suite(void)
{
    Suite *s = suite_create("rules");
    TCase *tc = tcase_create("good");
    tcase_add_test(tc, test_full_file);
    tcase_add_loop_test(tc, test_good, 0,
                        (int)(sizeof good_cases / sizeof good_cases[0]));
    tcase_add_test(tc, test_kept_as_written);
    tcase_add_test(tc, test_several_files);
    tcase_add_test(tc, test_free_null);
    suite_add_tcase(s, tc);

    tc = tcase_create("bad");
    tcase_add_loop_test(tc, test_bad, 0,
                        (int)(sizeof bad_cases / sizeof bad_cases[0]));
    tcase_add_test(tc, test_rollback);
    suite_add_tcase(s, tc);

    tc = tcase_create("limits");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_deep_nesting);
    tcase_add_test(tc, test_too_many_nodes);
    tcase_add_loop_test(tc, test_files, 0,
                        (int)(sizeof file_cases / sizeof file_cases[0]));
    suite_add_tcase(s, tc);

    tc = tcase_create("goldens");
    tcase_add_test(tc, test_goldens);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return audit_check_run(rules_suite());
}
