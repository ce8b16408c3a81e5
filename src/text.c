/* text.c - UTF-8 helpers (see text.h). */
#include "text.h"

size_t audit_utf8_prev(const char *s, size_t i)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t j = i;
    while (j > 0) {
        j--;
        if ((u[j] & 0xC0) != 0x80 || i - j >= 4)
            break;
    }
    return j;
}

size_t audit_utf8_count(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            count++;
    return count;
}

size_t audit_find_word(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    if (k == 0 || k > n)
        return (size_t)-1;
    for (size_t i = 0; i + k <= n; i++)
        if (s[i] == w[0] && (k == 1 || s[i + 1] == w[1]) &&
            memcmp(s + i, w, k) == 0)
            return i;
    return (size_t)-1;
}

int audit_has_any(const char *s, size_t from, size_t to,
                  const char *const *words)
{
    for (size_t k = 0; words[k] && to > from; k++)
        if (audit_find_word(s + from, to - from, words[k]) != (size_t)-1)
            return 1;
    return 0;
}

int audit_is_space(unsigned cp)
{
    return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' ||
           cp == 0x3000 || cp == 0xA0 || cp == 0xFEFF;
}
