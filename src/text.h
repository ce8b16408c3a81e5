/* text.h - small UTF-8 helpers shared by the stages that read words. */
#ifndef AUDIT_TEXT_H
#define AUDIT_TEXT_H

#include <stddef.h>
#include <string.h>

/* Decodes the code point at s[i] (i < n); *adv gets its byte length (1 for
 * an invalid byte, which decodes as U+FFFD). Inline: every stage that
 * reads words calls it once per character. */
static inline unsigned audit_utf8_at(const char *s, size_t n, size_t i, size_t *adv)
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

/* The start of the code point before s[i] (i > 0). */
size_t audit_utf8_prev(const char *s, size_t i);
/* Code points in s[0..n). */
size_t audit_utf8_count(const char *s, size_t n);

/* Whether s[i..n) starts with the NUL-terminated word w. */
static inline int audit_has_prefix(const char *s, size_t n, size_t i,
                                   const char *w)
{
    /* the first two bytes decide almost every call, before any strlen */
    if (i >= n || s[i] != w[0])
        return w[0] == '\0' && i <= n;
    if (w[1] == '\0')
        return 1;
    if (i + 1 >= n || s[i + 1] != w[1])
        return 0;
    size_t k = strlen(w);
    return n - i >= k && memcmp(s + i, w, k) == 0;
}

/* Whether s[0..n) contains the word w; returns its offset or (size_t)-1. */
size_t audit_find_word(const char *s, size_t n, const char *w);

/* Whether s[from..to) holds one of words (a NULL-terminated list). */
int audit_has_any(const char *s, size_t from, size_t to,
                  const char *const *words);

/* White space a report puts between words: ASCII blanks, U+3000, U+00A0. */
int audit_is_space(unsigned cp);

#endif
