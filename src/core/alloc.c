/*
 * alloc.c - the single allocation pair of libhrr. Every allocation in the
 * library goes through here, so a test can make the n-th one fail and check
 * that the caller returns HRR_ENOMEM and leaks nothing (as Lua's test
 * allocator and SQLite's fault simulation do).
 */
#include "core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Still process-wide: the hook belongs in the context (struct hrr_ctx has
 * the fields: alloc, alloc_ud, fail_after), but hrr_i_malloc & co take no
 * context, and giving them one changes ~218 call sites. The plan, for after
 * the current rewrites merge: hrr_i_malloc(hrr_ctx_t *, size_t) & co, each
 * layer passing its store's context (&st->ctx) or the one it was given;
 * OpenMP workers receive the context as a shared() variable (the counter
 * made atomic, or each worker given a child context whose counter it owns).
 * Until then the counter below is not thread-safe, as before. */
static long g_fail_after = -1; /* allocations left before one fails; <0 off */

void hrr_i_alloc_fail_after(long n) { g_fail_after = n; }

static bool should_fail(void)
{
    if (g_fail_after < 0) return false;
    if (g_fail_after == 0) return true;
    g_fail_after--;
    return false;
}

void *hrr_i_malloc(size_t n)
{
    if (should_fail()) return NULL;
    return malloc(n ? n : 1);
}

void *hrr_i_calloc(size_t n, size_t size)
{
    if (should_fail()) return NULL;
    return calloc(n ? n : 1, size ? size : 1);
}

void *hrr_i_realloc(void *p, size_t n)
{
    if (should_fail()) return NULL;
    return realloc(p, n ? n : 1);
}

void hrr_i_free(void *p) { free(p); }

char *hrr_i_strndup(const char *s, size_t n)
{
    char *z = hrr_i_malloc(n + 1);
    if (!z) return NULL;
    memcpy(z, s, n);
    z[n] = 0;
    return z;
}

char *hrr_i_strdup(const char *s) { return hrr_i_strndup(s, strlen(s)); }

char *hrr_i_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) return NULL;
    char *z = hrr_i_malloc((size_t)n + 1);
    if (!z) return NULL;
    va_start(ap, fmt);
    vsnprintf(z, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return z;
}

hrr_err_t hrr_sbuf_add(hrr_sbuf_t *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->n + n + 1) cap *= 2;
        char *z = hrr_i_realloc(b->z, cap);
        if (!z) return HRR_ENOMEM;
        b->z = z;
        b->cap = cap;
    }
    memcpy(b->z + b->n, s, n);
    b->n += n;
    b->z[b->n] = 0;
    return HRR_OK;
}

hrr_err_t hrr_sbuf_printf(hrr_sbuf_t *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) return HRR_EINVAL;
    if ((size_t)n < sizeof small) return hrr_sbuf_add(b, small, (size_t)n);
    char *z = hrr_i_malloc((size_t)n + 1);
    if (!z) return HRR_ENOMEM;
    va_start(ap, fmt);
    vsnprintf(z, (size_t)n + 1, fmt, ap);
    va_end(ap);
    hrr_err_t rc = hrr_sbuf_add(b, z, (size_t)n);
    hrr_i_free(z);
    return rc;
}

void hrr_sbuf_destroy(hrr_sbuf_t *b)
{
    if (!b) return;
    hrr_i_free(b->z);
    b->z = NULL;
    b->n = b->cap = 0;
}
