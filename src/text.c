/* text.c - UTF-8 helpers (see text.h). */
#include "text.h"

unsigned audit_utf8_at(const char *s, size_t n, size_t i, size_t *adv)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned c = u[i];
    size_t k;
    unsigned cp;
    if (c < 0x80) {
        *adv = 1;
        return c;
    } else if ((c & 0xE0) == 0xC0) {
        k = 2;
        cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        k = 3;
        cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        k = 4;
        cp = c & 0x07;
    } else {
        *adv = 1;
        return 0xFFFD;
    }
    if (i + k > n) {
        *adv = 1;
        return 0xFFFD;
    }
    for (size_t j = 1; j < k; j++) {
        if ((u[i + j] & 0xC0) != 0x80) {
            *adv = 1;
            return 0xFFFD;
        }
        cp = (cp << 6) | (u[i + j] & 0x3F);
    }
    *adv = k;
    return cp;
}

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
        if (s[i] == w[0] && memcmp(s + i, w, k) == 0)
            return i;
    return (size_t)-1;
}

int audit_is_space(unsigned cp)
{
    return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' ||
           cp == 0x3000 || cp == 0xA0 || cp == 0xFEFF;
}
