/* alloc.c - allocation wrappers that abort on out-of-memory (see alloc.h). */
#include "alloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(size_t size)
{
    fprintf(stderr, "audit: out of memory (%zu bytes)\n", size);
    abort();
}

void *audit_xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        out_of_memory(size);
    return p;
}

void *audit_xcalloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        out_of_memory(count * size);
    return p;
}

void *audit_xrealloc(void *ptr, size_t size)
{
    void *p = realloc(ptr, size ? size : 1);
    if (!p)
        out_of_memory(size);
    return p;
}

void *audit_xgrow(void *ptr, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return ptr;
    size_t n = *cap ? *cap : 8;
    while (n < need) {
        if (n > SIZE_MAX / 2 / size)
            out_of_memory(SIZE_MAX);
        n *= 2;
    }
    *cap = n;
    return audit_xrealloc(ptr, n * size);
}

char *audit_xstrdup(const char *s)
{
    return audit_xstrndup(s, strlen(s));
}

char *audit_xstrndup(const char *s, size_t n)
{
    char *p = audit_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}
