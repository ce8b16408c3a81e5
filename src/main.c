/* main.c - the audit command: option parsing and exit codes, nothing else.
 *
 * Exit status: 0 when nothing listed in --fail-on occurred, 1 when
 * something did, 2 on a usage error, an unreadable input or an invalid
 * rule file (with a message naming file, line and column on stderr).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "audit.h"

#define EXIT_FAILED 1
#define EXIT_USAGE 2

static const char usage_text[] =
    "usage: audit [options] REPORT...\n"
    "  -r, --rules FILE      rule file; repeatable. Without rules only the checks run.\n"
    "  -f, --format FMT      text (default) | json\n"
    "  -o, --output FILE     write there instead of stdout, atomically\n"
    "      --fail-on LIST    statuses and severities that make the exit code 1;\n"
    "                        default: unmet,missing,inconsistent,error\n"
    "      --encoding ENC    auto (default) | utf-8 | gb18030 | utf-16\n"
    "      --no-checks       skip the consistency checks\n"
    "      --extract         list every quantity found instead of auditing\n"
    "      --validate        only load the rule files and report their errors\n"
    "  -q, --quiet           only the summary\n"
    "      --color WHEN      auto | always | never (NO_COLOR is honoured)\n"
    "  -h, --help\n"
    "  -V, --version\n"
    "REPORT may be - for standard input.\n";

typedef struct options {
    const char **rules;
    size_t n_rules;
    audit_render_options render;
    const char *output;
    unsigned fail_on;
    audit_encoding encoding;
    audit_options audit;
    int validate;
    const char *color;
} options;

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "audit: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'audit --help'.\n");
    return EXIT_USAGE;
}

static void print_error(audit_error *err)
{
    char *msg = audit_error_format(err);
    fprintf(stderr, "%s\n", msg);
    free(msg);
    audit_error_clear(err);
}

/* Writes text to path atomically: a temporary file beside it, renamed. */
static int write_output(const char *path, const char *text)
{
    if (!path) {
        fputs(text, stdout);
        return fflush(stdout) == 0 ? 0 : -1;
    }
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        fprintf(stderr, "audit: %s: cannot write output: %s\n", path,
                strerror(EISDIR));
        return -1;
    }
    size_t n = strlen(path);
    char *tmp = malloc(n + 16);
    if (!tmp)
        return -1;
    memcpy(tmp, path, n);
    memcpy(tmp + n, ".tmp.XXXXXX", 12);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        fprintf(stderr, "audit: %s: cannot write output: %s\n", path,
                strerror(errno));
        free(tmp);
        return -1;
    }
    FILE *f = fdopen(fd, "w");
    int ok = f && fputs(text, f) >= 0 && fflush(f) == 0 && fsync(fd) == 0;
    if (f)
        ok = (fclose(f) == 0) && ok;
    else
        close(fd);
    if (ok && rename(tmp, path) != 0)
        ok = 0;
    if (!ok) {
        fprintf(stderr, "audit: %s: cannot write output: %s\n", path,
                strerror(errno));
        unlink(tmp);
    }
    free(tmp);
    return ok ? 0 : -1;
}

static int parse_options(int argc, char **argv, options *o)
{
    enum { OPT_FAIL_ON = 256, OPT_ENCODING, OPT_NO_CHECKS, OPT_EXTRACT,
           OPT_VALIDATE, OPT_COLOR };
    static const struct option longs[] = {
        {"rules", required_argument, NULL, 'r'},
        {"format", required_argument, NULL, 'f'},
        {"output", required_argument, NULL, 'o'},
        {"fail-on", required_argument, NULL, OPT_FAIL_ON},
        {"encoding", required_argument, NULL, OPT_ENCODING},
        {"no-checks", no_argument, NULL, OPT_NO_CHECKS},
        {"extract", no_argument, NULL, OPT_EXTRACT},
        {"validate", no_argument, NULL, OPT_VALIDATE},
        {"quiet", no_argument, NULL, 'q'},
        {"color", required_argument, NULL, OPT_COLOR},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0}};
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":r:f:o:qhV", longs, NULL)) != -1) {
        switch (c) {
        case 'r':
            o->rules[o->n_rules++] = optarg;
            break;
        case 'f':
            if (strcmp(optarg, "text") == 0)
                o->render.format = AUDIT_FORMAT_TEXT;
            else if (strcmp(optarg, "json") == 0)
                o->render.format = AUDIT_FORMAT_JSON;
            else
                return usage_error("unknown format '%s' (text, json)", optarg);
            break;
        case 'o':
            o->output = optarg;
            break;
        case OPT_FAIL_ON:
            if (audit_fail_on_parse(optarg, &o->fail_on) != 0)
                return usage_error("bad --fail-on list '%s' (met, exceeded, "
                                   "unmet, missing, inconsistent, error, "
                                   "warning, none)", optarg);
            break;
        case OPT_ENCODING:
            if (strcmp(optarg, "auto") == 0)
                o->encoding = AUDIT_ENCODING_AUTO;
            else if (strcmp(optarg, "utf-8") == 0 || strcmp(optarg, "utf8") == 0)
                o->encoding = AUDIT_ENCODING_UTF8;
            else if (strcmp(optarg, "gb18030") == 0 || strcmp(optarg, "gbk") == 0)
                o->encoding = AUDIT_ENCODING_GB18030;
            else if (strcmp(optarg, "utf-16") == 0 || strcmp(optarg, "utf16") == 0)
                o->encoding = AUDIT_ENCODING_UTF16;
            else
                return usage_error("unknown encoding '%s' (auto, utf-8, "
                                   "gb18030, utf-16)", optarg);
            break;
        case OPT_NO_CHECKS:
            o->audit.checks = 0;
            break;
        case OPT_EXTRACT:
            o->audit.extract = 1;
            break;
        case OPT_VALIDATE:
            o->validate = 1;
            break;
        case 'q':
            o->render.quiet = 1;
            break;
        case OPT_COLOR:
            if (strcmp(optarg, "auto") && strcmp(optarg, "always") &&
                strcmp(optarg, "never"))
                return usage_error("bad --color '%s' (auto, always, never)",
                                   optarg);
            o->color = optarg;
            break;
        case 'h':
            fputs(usage_text, stdout);
            return -1;
        case 'V':
            printf("audit %s\n", AUDIT_VERSION);
            return -1;
        case ':':
            return usage_error("option '%s' needs an argument", argv[optind - 1]);
        default:
            return usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    return 0;
}

static int use_color(const options *o)
{
    if (strcmp(o->color, "always") == 0)
        return 1;
    if (strcmp(o->color, "never") == 0 || o->output)
        return 0;
    const char *no_color = getenv("NO_COLOR");
    if (no_color && *no_color)
        return 0;
    return isatty(STDOUT_FILENO);
}

int main(int argc, char **argv)
{
    options o = {0};
    o.rules = calloc((size_t)argc + 1, sizeof *o.rules);
    o.fail_on = AUDIT_FAIL_DEFAULT;
    o.audit.checks = 1;
    o.color = "auto";
    int status = EXIT_USAGE;
    audit_ruleset *rules = NULL;
    audit_document *doc = NULL;
    audit_result *result = NULL;
    audit_renderer *renderer = NULL;
    size_t n_reports = 0;
    audit_error err = {0};

    if (!o.rules)
        return EXIT_USAGE;
    int rc = parse_options(argc, argv, &o);
    if (rc != 0) {
        status = rc < 0 ? EXIT_SUCCESS : rc;
        goto done;
    }
    n_reports = (size_t)(argc - optind);
    if (n_reports == 0 && !o.validate) {
        status = usage_error("%s", "no REPORT given");
        goto done;
    }
    if (o.validate && o.n_rules == 0) {
        status = usage_error("%s", "--validate needs --rules FILE");
        goto done;
    }
    rules = audit_ruleset_new();
    for (size_t i = 0; i < o.n_rules; i++) {
        if (audit_ruleset_load(rules, o.rules[i], &err) != 0) {
            print_error(&err);
            goto done;
        }
    }
    if (o.validate) {
        printf("%zu rule file%s valid: %zu targets\n", o.n_rules,
               o.n_rules == 1 ? "" : "s", audit_ruleset_count(rules));
        status = EXIT_SUCCESS;
        goto done;
    }
    o.render.color = use_color(&o);
    renderer = audit_renderer_new(&o.render, n_reports > 1);
    unsigned occurred = 0;
    for (size_t i = 0; i < n_reports; i++) {
        /* one report at a time: memory stays that of the largest */
        doc = audit_document_load(argv[optind + (int)i], o.encoding, &err);
        if (!doc) {
            print_error(&err);
            goto done;
        }
        result = audit_run(doc, o.n_rules ? rules : NULL, &o.audit, &err);
        if (!result) {
            print_error(&err);
            goto done;
        }
        occurred |= audit_result_occurred(result);
        audit_renderer_add(renderer, result);
        audit_result_free(result);
        result = NULL;
        audit_document_free(doc);
        doc = NULL;
    }
    char *out = audit_renderer_finish(renderer);
    renderer = NULL;
    int written = write_output(o.output, out);
    free(out);
    if (written != 0)
        goto done;
    status = (!o.audit.extract && (occurred & o.fail_on)) ? EXIT_FAILED
                                                          : EXIT_SUCCESS;
done:
    audit_renderer_free(renderer);
    audit_result_free(result);
    audit_document_free(doc);
    audit_ruleset_free(rules);
    free(o.rules);
    return status;
}
