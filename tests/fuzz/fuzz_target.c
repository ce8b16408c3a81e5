/* fuzz_target.c - target expressions ("≥ 2.8万人次", "控制在4.3%以内").
 *
 * audit_target_expr_parse on any UTF-8 text (libyaml hands the rule loader
 * only well-formed UTF-8). On success the expression owns its text; on
 * failure there is a static reason.
 */
#include "fuzz.h"

#include "rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!fuzz_utf8_valid(data, size))
        return 0;
    char *text = malloc(size ? size : 1);
    if (!text)
        return 0;
    memcpy(text, data, size);

    audit_target_expr expr;
    const char *why = NULL;
    memset(&expr, 0, sizeof expr);
    if (audit_target_expr_parse(text, size, &expr, &why) == 0) {
        if (!expr.text || why) {
            fprintf(stderr, "fuzz_target: success without text or with a reason\n");
            abort();
        }
        (void)audit_op_symbol(expr.op);
        (void)audit_op_text(expr.op);
        free(expr.text);
    } else if (!why || !*why) {
        fprintf(stderr, "fuzz_target: failure without a reason\n");
        abort();
    }
    free(text);
    return 0;
}
