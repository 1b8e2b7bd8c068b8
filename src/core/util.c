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

hrr_err_t hrr_i_read_file(hrr_ctx_t *ctx, const char *path, char **out, size_t *len,
                          int *err_no)
{
    hrr_err_t rc = HRR_OK;
    char *z = NULL;
    size_t n = 0, cap = 0;
    /* opened without blocking and checked before any read: a FIFO would
     * block and a device never end; each is refused (EISDIR for a folder,
     * EINVAL for the others) */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat sb;
    *out = NULL;
    *len = 0;
    *err_no = 0;
    if (fd < 0) {
        *err_no = errno;
        return HRR_EIO;
    }
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        *err_no = fstat(fd, &sb) != 0 ? errno : S_ISDIR(sb.st_mode) ? EISDIR : EINVAL;
        close(fd);
        return HRR_EIO;
    }
    FILE *f = fdopen(fd, "rb");
    if (!f) {
        *err_no = errno;
        close(fd);
        return HRR_EIO;
    }
    for (;;) {
        if (cap - n < 65536 + 1) {
            size_t ncap = cap ? cap * 2 : 1 << 20;
            char *nz = hrr_i_realloc(ctx, z, ncap);
            if (!nz) {
                rc = HRR_ENOMEM;
                goto out;
            }
            z = nz;
            cap = ncap;
        }
        size_t got = fread(z + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0) {
            if (ferror(f)) {
                *err_no = errno ? errno : EIO;
                rc = HRR_EIO;
            }
            break;
        }
    }
out:
    fclose(f);
    if (rc != HRR_OK) {
        hrr_i_free(NULL, z);
        return rc;
    }
    if (!z) {
        z = hrr_i_malloc(ctx, 1);
        if (!z) return HRR_ENOMEM;
    }
    z[n] = 0;
    *out = z;
    *len = n;
    return HRR_OK;
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
