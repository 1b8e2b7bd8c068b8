/*
 * core.h - internal helpers shared by every layer: allocation (one pair, so
 * tests can make it fail), growable strings, dates and string utilities.
 * Not public API.
 */
#ifndef HRR_CORE_H
#define HRR_CORE_H

#include "hrr/base.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

/* All allocation goes through these, with the context the work is done
 * for (a store's hrr_store_ctx(st), an importer's store's, or a ctx a
 * function was given); the context's allocator serves it (alloc.c). A NULL
 * context means malloc & co with no fault injection. Internal functions take
 * the context first; public ones take it last (include/hrr/base.h).
 * hrr_i_free and hrr_i_realloc give a block back to the allocator that made
 * it (recorded in the block), whatever context they are passed. */
void *hrr_i_malloc(hrr_ctx_t *ctx, size_t n);
void *hrr_i_calloc(hrr_ctx_t *ctx, size_t n, size_t size);
void *hrr_i_realloc(hrr_ctx_t *ctx, void *p, size_t n);
void hrr_i_free(hrr_ctx_t *ctx, void *p);
char *hrr_i_strdup(hrr_ctx_t *ctx, const char *s);
char *hrr_i_strndup(hrr_ctx_t *ctx, const char *s, size_t n);
char *hrr_i_printf(hrr_ctx_t *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Tests: the N-th allocation through CTX from now fails, and every one
 * after it until reset (N < 0: never). Other contexts are not affected.
 * Safe to call while OpenMP workers allocate through CTX (atomic). */
void hrr_i_ctx_fail_after(hrr_ctx_t *ctx, long n);

/* The context (public as the opaque hrr_ctx_t, include/hrr/base.h). It
 * holds the last error message and the allocation hook, as Lua's
 * lua_newstate(f, ud) does. One context may be shared by OpenMP workers for
 * allocation (the counter is atomic), not for error messages. */
struct hrr_ctx {
    char errmsg[2048];       /* last error message, "" if none */
    hrr_alloc_fn alloc;      /* allocator (Lua's lua_Alloc); NULL: malloc & co */
    void *alloc_ud;          /* passed to alloc */
    _Atomic long fail_after; /* tests: allocations left before one fails, <0
                                never (hrr_i_ctx_fail_after) */
    int owned_by_store;      /* 1: part of a store, not freed by hrr_ctx_free */
};

/* Set CTX's message (printf-style) and return RC; a NULL CTX only returns
 * RC. */
hrr_err_t hrr_i_ctx_seterr(hrr_ctx_t *ctx, hrr_err_t rc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
hrr_err_t hrr_i_ctx_vseterr(hrr_ctx_t *ctx, hrr_err_t rc, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));

/* Initialise a context embedded in another object (a store). */
void hrr_i_ctx_init(hrr_ctx_t *ctx);

/* The library's one-time start-up (src/core/init.c): replaces igraph's and
 * GSL's aborting error handlers by ones that only record the reason, once,
 * process-wide (pthread_once). Call it from every public entry that can
 * reach igraph or GSL; it is cheap after the first call. */
void hrr_i_init(void);

/* The last reason igraph's or GSL's handler recorded on this thread
 * ("no reason given" if none since the last clear); a static buffer. */
const char *hrr_i_lib_reason(void);
void hrr_i_lib_reason_clear(void);

/* A growable byte buffer, always NUL-terminated when z != NULL. */
typedef struct hrr_sbuf {
    char *z;    /* the bytes */
    size_t n;   /* used, without the NUL */
    size_t cap; /* allocated */
} hrr_sbuf_t;

/* The buffer grows through CTX (each call takes it; the buffer keeps
 * none); destroy needs none (hrr_i_free finds the block's allocator). */
hrr_err_t hrr_sbuf_add(hrr_ctx_t *ctx, hrr_sbuf_t *b, const char *s, size_t n);
hrr_err_t hrr_sbuf_printf(hrr_ctx_t *ctx, hrr_sbuf_t *b, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void hrr_sbuf_destroy(hrr_sbuf_t *b);

/* Read a whole regular file into memory (NUL-terminated). *OUT owned by the
 * caller (hrr_i_free). Opened without blocking and checked with fstat before
 * any read, so a FIFO or a device is refused instead of blocking or never
 * ending. Returns HRR_EIO with errno in *ERR_NO on failure (EISDIR for a
 * folder, EINVAL for another file that is not regular, whose st_mode is then
 * in *MODE when MODE is not NULL; 0 otherwise), HRR_ENOMEM. */
hrr_err_t hrr_i_read_file_mode(hrr_ctx_t *ctx, const char *path, char **out, size_t *len,
                               int *err_no, unsigned *mode);
/* The same without the mode. */
hrr_err_t hrr_i_read_file(hrr_ctx_t *ctx, const char *path, char **out, size_t *len,
                          int *err_no);

/* Validate an ISO date "YYYY-MM-DD" (a real calendar day, year 1800-2100). */
bool hrr_i_date_valid(const char *s);

/* Parse a base-10 integer that fills the whole string; false otherwise. */
bool hrr_i_parse_long(const char *s, long *out);

/* Whether the first line of HEAD, cut at CAP - 1 bytes (at most 4095), holds
 * each of the N strings WORDS: how importers recognise a file's header. */
bool hrr_i_first_line_has(const char *head, size_t cap, const char *const *words, size_t n);

/* Normalise a state name for matching: ASCII letters and digits lowercased,
 * "&" as "and", punctuation and spaces dropped, a leading "the" dropped,
 * non-ASCII bytes kept. OUT has room for CAP bytes. */
void hrr_i_name_norm(const char *name, char *out, size_t cap);

/* Lowercase hex SHA-256 of a buffer into HEX (65 bytes). */
void hrr_i_sha256_hex(const void *data, size_t len, char hex[65]);

#endif
