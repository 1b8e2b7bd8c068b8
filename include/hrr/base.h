/*
 * hrr/base.h - what every part of libhrr shares: the version and the result
 * codes. Included by hrr.h (the whole public API); the library's lowest
 * layer (src/core) includes only this.
 */
#ifndef HRR_BASE_H
#define HRR_BASE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define HRR_VERSION "0.1.0"

/* Result codes. The CLI maps them to exit codes (docs/cli.md). */
typedef enum hrr_err {
    HRR_OK = 0,        /* success */
    HRR_ENOMEM = 1,    /* allocation failed */
    HRR_EINVAL = 2,    /* bad argument from the caller */
    HRR_EIO = 3,       /* a file could not be read or written */
    HRR_EDB = 4,       /* the SQLite store failed or is not an hrr store */
    HRR_EDATA = 5,     /* bad input data: the message names file, line, field */
    HRR_ENOTFOUND = 6  /* the thing asked for is not in the store */
} hrr_err_t;

/* A short constant name for a result code ("ok", "out of memory", ...). */
const char *hrr_err_name(hrr_err_t rc);

/* ---------------------------------------------------------------- context */

/* Where errors reach the caller: the last error message of the calls made
 * with it, and the allocator they use (hrr_ctx_new_alloc). A context is used
 * by one thread at a time. Functions that take a context take it as their
 * LAST parameter; a NULL context is accepted by the pure functions (no
 * store), which then use malloc & co and set no message. Each open store owns
 * one (hrr_store_ctx); calls that take no store (hrr_rules_load,
 * hrr_fc_batch_load) take one from the caller. */
typedef struct hrr_ctx hrr_ctx_t;

/* A new context with no message. *OUT is NULL on HRR_ENOMEM. Free it with
 * hrr_ctx_free. Its allocator is malloc & co. */
hrr_err_t hrr_ctx_new(hrr_ctx_t **out);

/* The allocator of a context, Lua's lua_Alloc: NSIZE 0 frees PTR (OSIZE its
 * size) and returns NULL; PTR NULL allocates NSIZE bytes (OSIZE 0); else
 * resizes PTR from OSIZE to NSIZE bytes, returning NULL (PTR untouched) when
 * it cannot. Blocks must be aligned as malloc's. Sizes include the
 * library's small per-block header. UD is the one given with it. Every
 * allocation the library makes for work done with the context (or with a
 * store opened on it) goes through it; SQLite's, igraph's and GSL's own
 * allocations do not. If the context is used by a call that runs OpenMP
 * workers, the allocator must be thread-safe. */
typedef void *(*hrr_alloc_fn)(void *ud, void *ptr, size_t osize, size_t nsize);

/* A new context whose allocations go through F(UD, ...); the context itself
 * is allocated by F too. F NULL: as hrr_ctx_new. UD and F must outlive
 * every object allocated with the context (freeing one gives it back to F),
 * as the context itself must outlive the calls made with it. */
hrr_err_t hrr_ctx_new_alloc(hrr_alloc_fn f, void *ud, hrr_ctx_t **out);

/* Free a context made by hrr_ctx_new. Accepts NULL. */
void hrr_ctx_free(hrr_ctx_t *ctx);

/* The last error message set on CTX ("" after a success that cleared it);
 * never NULL: "out of memory" for a NULL context (one hrr_ctx_new could not
 * make). Owned by the context, valid until the next call with it. */
const char *hrr_errmsg(const hrr_ctx_t *ctx);

#ifdef __cplusplus
}
#endif
#endif /* HRR_BASE_H */
