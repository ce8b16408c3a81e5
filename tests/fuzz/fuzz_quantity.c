/* fuzz_quantity.c - the quantity scanner and parser on any UTF-8 text.
 *
 * audit_quantity_scan over the whole input, then audit_quantity_parse on
 * the whole input and on the span of every quantity found. Besides the
 * sanitizers, it checks what quantity.h promises: spans lie inside the text,
 * are not empty, and come in text order.
 */
#include "fuzz.h"

#include "quantity.h"

#define FUZZ_CHECK(cond)                                                      \
    do {                                                                      \
        if (!(cond)) {                                                        \
            fprintf(stderr, "fuzz_quantity: %s:%d: %s\n", __FILE__, __LINE__, \
                    #cond);                                                   \
            abort();                                                          \
        }                                                                     \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!fuzz_utf8_valid(data, size))
        return 0;
    /* A copy of exactly size bytes, so that ASan sees any read past it. */
    char *text = malloc(size ? size : 1);
    if (!text)
        return 0;
    memcpy(text, data, size);

    audit_quantity_list found = {NULL, 0, 0};
    size_t n = audit_quantity_scan(text, size, &found);
    FUZZ_CHECK(n == found.len);
    for (size_t i = 0; i < found.len; i++) {
        const audit_quantity *q = &found.items[i];
        FUZZ_CHECK(q->start < q->end && q->end <= size);
        FUZZ_CHECK(i == 0 || found.items[i - 1].start <= q->start);
        audit_quantity one;
        audit_quantity_parse(text + q->start, q->end - q->start, &one);
    }
    audit_quantity_list_free(&found);

    audit_quantity whole;
    if (audit_quantity_parse(text, size, &whole) == 0) {
        FUZZ_CHECK(whole.start <= whole.end && whole.end <= size);
        (void)audit_dim_name(whole.dim);
    }
    free(text);
    return 0;
}
