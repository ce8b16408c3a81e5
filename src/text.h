/* text.h - small UTF-8 helpers shared by the stages that read words. */
#ifndef AUDIT_TEXT_H
#define AUDIT_TEXT_H

#include <stddef.h>
#include <string.h>

/* Decodes the code point at s[i] (i < n); *adv gets its byte length (1 for
 * an invalid byte, which decodes as U+FFFD). */
unsigned audit_utf8_at(const char *s, size_t n, size_t i, size_t *adv);
/* The start of the code point before s[i] (i > 0). */
size_t audit_utf8_prev(const char *s, size_t i);
/* Code points in s[0..n). */
size_t audit_utf8_count(const char *s, size_t n);

/* Whether s[i..n) starts with the NUL-terminated word w. */
static inline int audit_has_prefix(const char *s, size_t n, size_t i,
                                   const char *w)
{
    size_t k = strlen(w);
    return i <= n && n - i >= k && memcmp(s + i, w, k) == 0;
}

/* Whether s[0..n) contains the word w; returns its offset or (size_t)-1. */
size_t audit_find_word(const char *s, size_t n, const char *w);

/* White space a report puts between words: ASCII blanks, U+3000, U+00A0. */
int audit_is_space(unsigned cp);

#endif
