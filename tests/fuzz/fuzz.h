/* fuzz.h - helpers shared by the libFuzzer harnesses of tests/fuzz/.
 *
 * Each harness defines LLVMFuzzerTestOneInput and nothing else that
 * libFuzzer needs: set-up is done lazily on the first input, so the same
 * file links either with -fsanitize=fuzzer or with replay_main.c (the
 * ctest fuzz-regressions, which works with gcc too).
 */
#ifndef AUDIT_FUZZ_H
#define AUDIT_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Whether s[0..n) is well-formed UTF-8 (RFC 3629: no overlong forms, no
 * surrogates, nothing above U+10FFFF). The scanner and the target parser
 * are only ever given such text: the decoder and libyaml check it first. */
static inline int fuzz_utf8_valid(const uint8_t *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        uint8_t c = s[i];
        size_t k;
        uint32_t cp;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            k = 1, cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            k = 2, cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            k = 3, cp = c & 0x07;
        } else {
            return 0;
        }
        if (n - i - 1 < k)
            return 0;
        for (size_t j = 1; j <= k; j++) {
            if ((s[i + j] & 0xC0) != 0x80)
                return 0;
            cp = cp << 6 | (s[i + j] & 0x3F);
        }
        if ((k == 2 && cp < 0x800) || (k == 3 && cp < 0x10000) ||
            (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
            return 0;
        i += k + 1;
    }
    return 1;
}

/* A temporary file for the harnesses whose library call takes a path.
 * fuzz_file_write creates it on first use and replaces its contents with
 * bytes[0..n); fuzz_file_remove closes and deletes it. I/O errors abort: a
 * harness cannot go on without its file. */
typedef struct fuzz_file {
    char path[64];
    int fd;
} fuzz_file;

static inline void fuzz_file_write(fuzz_file *f, const void *bytes, size_t n)
{
    if (!f->path[0]) {
        strcpy(f->path, "/tmp/audit-fuzz-XXXXXX");
        f->fd = mkstemp(f->path);
        if (f->fd < 0) {
            perror("fuzz: mkstemp");
            abort();
        }
    }
    if (ftruncate(f->fd, 0) != 0 || pwrite(f->fd, bytes, n, 0) != (ssize_t)n) {
        perror("fuzz: write");
        abort();
    }
}

static inline void fuzz_file_remove(fuzz_file *f)
{
    if (f->path[0]) {
        close(f->fd);
        unlink(f->path);
        f->path[0] = '\0';
    }
}

#endif
