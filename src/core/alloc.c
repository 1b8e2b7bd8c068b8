/*
 * alloc.c - the single allocation pair of libhrr. Every allocation in the
 * library goes through here with the context it serves, and here through
 * that context's allocator (Lua's lua_Alloc), so a caller can supply its own
 * and a test can make the n-th allocation of one context fail and check that
 * the caller returns HRR_ENOMEM and leaks nothing (as Lua's test allocator
 * and SQLite's fault simulation do).
 *
 * Each block starts with a small header recording the allocator (function
 * and ud) that made it and its size. So the allocator gets Lua's osize, and
 * a block is always given back to the allocator that made it: hrr_i_free and
 * hrr_i_realloc may be reached through another context or NULL (the public
 * hrr_*_free functions take no context) and still do the right thing. In a
 * debug build, a non-NULL context passed to hrr_i_free / hrr_i_realloc must
 * have the block's allocator (assert).
 *
 * Threads: a context is shared by OpenMP workers (shared()), so its
 * fail-after counter is atomic (C11 <stdatomic.h>); the allocator itself
 * must then be thread-safe (malloc is; a caller's hook must be too, or the
 * caller must not ask for threads).
 */
#include "core.h"

#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef union hdr {
    struct {
        hrr_alloc_fn fn; /* the allocator that made the block */
        void *ud;        /* its ud */
        size_t size;     /* the caller's size (without this header) */
    } h;
    max_align_t align; /* keeps the caller's bytes aligned */
} hdr_t;

#define HDR sizeof(hdr_t)

static void *default_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    (void)ud;
    (void)osize;
    if (nsize == 0) {
        free(ptr);
        return NULL;
    }
    return realloc(ptr, nsize);
}

void hrr_i_ctx_fail_after(hrr_ctx_t *ctx, long n)
{
    if (ctx) atomic_store(&ctx->fail_after, n);
}

/* Whether this allocation of CTX is the one to fail: the counter counts
 * down to 0 and then stays there (every later allocation fails too, until
 * it is reset), as the process-wide counter did. */
static bool should_fail(hrr_ctx_t *ctx)
{
    if (!ctx) return false;
    long v = atomic_load(&ctx->fail_after);
    for (;;) {
        if (v < 0) return false;
        if (v == 0) return true;
        if (atomic_compare_exchange_weak(&ctx->fail_after, &v, v - 1)) return false;
    }
}

static hdr_t *hdr_of(void *p) { return (hdr_t *)p - 1; }

static void check_owner(hrr_ctx_t *ctx, const hdr_t *h)
{
    (void)ctx;
    (void)h;
    assert(!ctx || ((ctx->alloc ? ctx->alloc : default_alloc) == h->h.fn &&
                    (ctx->alloc ? ctx->alloc_ud : NULL) == h->h.ud));
}

void *hrr_i_malloc(hrr_ctx_t *ctx, size_t n)
{
    if (should_fail(ctx)) return NULL;
    if (n > SIZE_MAX - HDR) return NULL;
    hrr_alloc_fn fn = ctx && ctx->alloc ? ctx->alloc : default_alloc;
    void *ud = ctx && ctx->alloc ? ctx->alloc_ud : NULL;
    hdr_t *h = fn(ud, NULL, 0, HDR + n);
    if (!h) return NULL;
    h->h.fn = fn;
    h->h.ud = ud;
    h->h.size = n;
    return h + 1;
}

void *hrr_i_calloc(hrr_ctx_t *ctx, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size) return NULL;
    void *p = hrr_i_malloc(ctx, n * size);
    if (p) memset(p, 0, n * size);
    return p;
}

void *hrr_i_realloc(hrr_ctx_t *ctx, void *p, size_t n)
{
    if (!p) return hrr_i_malloc(ctx, n);
    hdr_t *h = hdr_of(p);
    check_owner(ctx, h);
    if (should_fail(ctx)) return NULL;
    if (n > SIZE_MAX - HDR) return NULL;
    hrr_alloc_fn fn = h->h.fn;
    void *ud = h->h.ud;
    hdr_t *z = fn(ud, h, HDR + h->h.size, HDR + n);
    if (!z) return NULL;
    z->h.size = n;
    return z + 1;
}

void hrr_i_free(hrr_ctx_t *ctx, void *p)
{
    if (!p) return;
    hdr_t *h = hdr_of(p);
    check_owner(ctx, h);
    h->h.fn(h->h.ud, h, HDR + h->h.size, 0);
}

char *hrr_i_strndup(hrr_ctx_t *ctx, const char *s, size_t n)
{
    char *z = hrr_i_malloc(ctx, n + 1);
    if (!z) return NULL;
    memcpy(z, s, n);
    z[n] = 0;
    return z;
}

char *hrr_i_strdup(hrr_ctx_t *ctx, const char *s) { return hrr_i_strndup(ctx, s, strlen(s)); }

char *hrr_i_printf(hrr_ctx_t *ctx, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) return NULL;
    char *z = hrr_i_malloc(ctx, (size_t)n + 1);
    if (!z) return NULL;
    va_start(ap, fmt);
    vsnprintf(z, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return z;
}

hrr_err_t hrr_sbuf_add(hrr_ctx_t *ctx, hrr_sbuf_t *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->n + n + 1) cap *= 2;
        char *z = hrr_i_realloc(ctx, b->z, cap);
        if (!z) return HRR_ENOMEM;
        b->z = z;
        b->cap = cap;
    }
    memcpy(b->z + b->n, s, n);
    b->n += n;
    b->z[b->n] = 0;
    return HRR_OK;
}

hrr_err_t hrr_sbuf_printf(hrr_ctx_t *ctx, hrr_sbuf_t *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) return HRR_EINVAL;
    if ((size_t)n < sizeof small) return hrr_sbuf_add(ctx, b, small, (size_t)n);
    char *z = hrr_i_malloc(ctx, (size_t)n + 1);
    if (!z) return HRR_ENOMEM;
    va_start(ap, fmt);
    vsnprintf(z, (size_t)n + 1, fmt, ap);
    va_end(ap);
    hrr_err_t rc = hrr_sbuf_add(ctx, b, z, (size_t)n);
    hrr_i_free(ctx, z);
    return rc;
}

void hrr_sbuf_destroy(hrr_sbuf_t *b)
{
    if (!b) return;
    hrr_i_free(NULL, b->z);
    b->z = NULL;
    b->n = b->cap = 0;
}
