/*
 * ctx.c - the context, the one way errors reach the caller: each fallible
 * call returns an hrr_err_t and leaves its message in the context it was
 * given (or its store's), read with hrr_errmsg as SQLite's sqlite3_errmsg.
 */
#include "core.h"

#include <stdio.h>

void hrr_i_ctx_init(hrr_ctx_t *ctx)
{
    ctx->errmsg[0] = 0;
    ctx->alloc = NULL;
    ctx->alloc_ud = NULL;
    atomic_init(&ctx->fail_after, -1);
    ctx->owned_by_store = 0;
}

hrr_err_t hrr_ctx_new_alloc(hrr_alloc_fn f, void *ud, hrr_ctx_t **out)
{
    hrr_i_init();
    hrr_ctx_t tmp; /* only its allocator is read */
    hrr_i_ctx_init(&tmp);
    tmp.alloc = f;
    tmp.alloc_ud = f ? ud : NULL;
    hrr_ctx_t *ctx = hrr_i_malloc(&tmp, sizeof *ctx);
    *out = ctx;
    if (!ctx) return HRR_ENOMEM;
    hrr_i_ctx_init(ctx);
    ctx->alloc = tmp.alloc;
    ctx->alloc_ud = tmp.alloc_ud;
    return HRR_OK;
}

hrr_err_t hrr_ctx_new(hrr_ctx_t **out) { return hrr_ctx_new_alloc(NULL, NULL, out); }

void hrr_ctx_free(hrr_ctx_t *ctx)
{
    if (!ctx || ctx->owned_by_store) return;
    hrr_i_free(ctx, ctx);
}

const char *hrr_errmsg(const hrr_ctx_t *ctx) { return ctx ? ctx->errmsg : "out of memory"; }

hrr_err_t hrr_i_ctx_vseterr(hrr_ctx_t *ctx, hrr_err_t rc, const char *fmt, va_list ap)
{
    if (ctx) vsnprintf(ctx->errmsg, sizeof ctx->errmsg, fmt, ap);
    return rc;
}

hrr_err_t hrr_i_ctx_seterr(hrr_ctx_t *ctx, hrr_err_t rc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    hrr_i_ctx_vseterr(ctx, rc, fmt, ap);
    va_end(ap);
    return rc;
}
