/*
 * util.c - small helpers every layer needs: error names, whole-file reads,
 * date and integer validation, state-name normalisation, SHA-256 (through
 * OpenSSL's libcrypto, the well-kept implementation on every Debian machine).
 */
#include "core.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *hrr_err_name(hrr_err_t rc)
{
    switch (rc) {
    case HRR_OK: return "ok";
    case HRR_ENOMEM: return "out of memory";
    case HRR_EINVAL: return "invalid argument";
    case HRR_EIO: return "input/output error";
    case HRR_EDB: return "store error";
    case HRR_EDATA: return "bad data";
    case HRR_ENOTFOUND: return "not found";
    }
    return "unknown error";
}

hrr_err_t hrr_i_read_file_mode(hrr_ctx_t *ctx, const char *path, char **out, size_t *len,
                               int *err_no, unsigned *mode)
{
    struct stat sb;
    hrr_err_t rc = HRR_OK;
    char *z = NULL;
    size_t n = 0, cap;
    *out = NULL;
    *len = 0;
    *err_no = 0;
    if (mode) *mode = 0;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        *err_no = errno;
        return HRR_EIO;
    }
    if (fstat(fd, &sb) != 0) {
        *err_no = errno;
        close(fd);
        return HRR_EIO;
    }
    if (!S_ISREG(sb.st_mode)) {
        *err_no = S_ISDIR(sb.st_mode) ? EISDIR : EINVAL;
        if (mode) *mode = (unsigned)sb.st_mode;
        close(fd);
        return HRR_EIO;
    }
    cap = (size_t)sb.st_size + 2; /* the NUL, and a spare byte to see the end without growing */
    if (!(z = hrr_i_malloc(ctx, cap))) {
        rc = HRR_ENOMEM;
        goto out;
    }
    for (;;) {
        if (n + 1 == cap) { /* the file grew while read: take what is there */
            size_t ncap = cap * 2;
            char *nz = hrr_i_realloc(ctx, z, ncap);
            if (!nz) {
                rc = HRR_ENOMEM;
                goto out;
            }
            z = nz;
            cap = ncap;
        }
        ssize_t got = read(fd, z + n, cap - n - 1);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            *err_no = errno;
            rc = HRR_EIO;
            goto out;
        }
        if (got == 0) break;
        n += (size_t)got;
    }
    z[n] = 0;
    *out = z;
    *len = n;
    z = NULL;
out:
    close(fd);
    hrr_i_free(ctx, z);
    return rc;
}

hrr_err_t hrr_i_read_file(hrr_ctx_t *ctx, const char *path, char **out, size_t *len,
                          int *err_no)
{
    return hrr_i_read_file_mode(ctx, path, out, len, err_no, NULL);
}

bool hrr_i_date_valid(const char *s)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !isdigit((unsigned char)s[i])) return false;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    if (y < 1800 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
    if (d > mdays[m - 1]) return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (m == 2 && d == 29 && !leap) return false;
    return true;
}

bool hrr_i_parse_long(const char *s, long *out)
{
    char *end;
    if (!*s || isspace((unsigned char)*s)) return false;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end) return false;
    *out = v;
    return true;
}

bool hrr_i_first_line_has(const char *head, size_t cap, const char *const *words, size_t n)
{
    char line[4096];
    const char *nl = strchr(head, '\n');
    size_t len = nl ? (size_t)(nl - head) : strlen(head);
    if (cap > sizeof line) cap = sizeof line;
    if (len >= cap) len = cap - 1;
    memcpy(line, head, len);
    line[len] = 0;
    for (size_t i = 0; i < n; i++)
        if (!strstr(line, words[i])) return false;
    return true;
}

void hrr_i_name_norm(const char *name, char *out, size_t cap)
{
    size_t n = 0;
    const char *p = name;
    while (isspace((unsigned char)*p)) p++;
    if (strncasecmp(p, "the ", 4) == 0) p += 4;
    for (; *p && n + 4 < cap; p++) {
        unsigned char c = (unsigned char)*p;
        if (c >= 0x80) {
            /* U+2019 (right single quote) is punctuation: drop it */
            if (c == 0xE2 && (unsigned char)p[1] == 0x80 &&
                (unsigned char)p[2] == 0x99) {
                p += 2;
                continue;
            }
            out[n++] = (char)c;
        } else if (isalnum(c)) {
            out[n++] = (char)tolower(c);
        } else if (c == '&') {
            out[n++] = 'a';
            out[n++] = 'n';
            out[n++] = 'd';
        }
    }
    out[n] = 0;
}

void hrr_i_sha256_hex(const void *data, size_t len, char hex[65])
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    EVP_Digest(data, len, md, &n, EVP_sha256(), NULL);
    for (unsigned i = 0; i < n && i < 32; i++)
        snprintf(hex + 2 * i, 3, "%02x", md[i]);
    hex[64] = 0;
}
