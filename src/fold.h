/* fold.h - reading traditional characters like their simplified forms. */
#ifndef AUDIT_FOLD_H
#define AUDIT_FOLD_H

#include <stddef.h>

/* Rewrites the traditional characters of s[0..n) (UTF-8) in place as their
 * simplified forms (萬→万, 個→个, 戶→户, 計劃→计划 …). Every pair is three
 * bytes on both sides, so lengths and offsets do not change. */
void audit_fold_traditional(char *s, size_t n);

#endif
