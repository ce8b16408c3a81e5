/* rules.h - the rule set: YAML rule files, validated (SPEC section 2). */
#ifndef AUDIT_RULES_H
#define AUDIT_RULES_H

#include <stddef.h>

#include <pcre2.h>

#include "audit.h"
#include "quantity.h"

typedef enum {
    AUDIT_OP_GE = 0, /* ≥  不少于 以上 达到 突破 (default) */
    AUDIT_OP_GT,     /* >  超过 超 */
    AUDIT_OP_LE,     /* ≤  不超过 不高于 控制在…以内 */
    AUDIT_OP_LT,     /* <  低于 */
    AUDIT_OP_EQ      /* =  == */
} audit_op;

typedef struct audit_target_expr {
    audit_op op;
    audit_quantity quantity; /* normalised value and canonical unit */
    char *text;              /* as written in the rule file, owned */
} audit_target_expr;

/* Parses a target expression ("≥ 2.8万人次", "不少于140人", "60%以上",
 * "控制在4.3%以内", "超450人次", "= 3757套"). Returns 0 on success; -1 and
 * a static reason in *why otherwise. expr->text is set on success. */
int audit_target_expr_parse(const char *s, size_t n, audit_target_expr *expr,
                            const char **why);
const char *audit_op_symbol(audit_op op); /* ">=", ">", "<=", "<", "=" */
const char *audit_op_text(audit_op op);   /* "≥", ">", "≤", "<", "=" */

typedef struct audit_rule_target {
    char *id;
    char *label;              /* defaults to id */
    size_t task;              /* index into audit_ruleset.tasks */
    pcre2_code **find;        /* one or more, JIT-compiled */
    size_t n_find;
    pcre2_code *actual;       /* optional, has a group named n */
    audit_target_expr target;
    double tolerance;         /* relative, default 0 */
    size_t file;              /* index into audit_ruleset.files */
    size_t line, column;      /* 0-based position of the target's mapping */
} audit_rule_target;

typedef struct audit_rule_task {
    char *id;
    char *title;
    pcre2_code *scope;        /* optional */
    size_t file;
    size_t line, column;      /* 0-based position of the task's mapping */
    size_t scope_line, scope_column; /* and of its scope pattern */
} audit_rule_task;

struct audit_ruleset {
    char **files;             /* paths as given */
    char **names;             /* the `name` of each file */
    int *years;               /* the year its `period` names, or 0 */
    size_t n_files;
    audit_rule_task *tasks;
    size_t n_tasks, cap_tasks;
    audit_rule_target *targets;
    size_t n_targets, cap_targets;
};

#endif
