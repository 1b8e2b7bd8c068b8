/*
 * hrr.h - the public API of libhrr, a working model of the international
 * human rights regime: its records (votes, items, memberships, treaties, UPR),
 * the rules its bodies decide by, and analyses over them.
 *
 * This header is the whole public API: what is not declared here is internal.
 * Conventions (see STYLE.md):
 *   - every call that can fail returns hrr_err_t; results go out through
 *     pointer arguments;
 *   - the last error message is kept in a context (hrr_ctx_t, read with
 *     hrr_errmsg, SQLite's way); it names the file, line and field when the
 *     error came from input. A store owns one (hrr_store_ctx); calls that
 *     take no store take a context;
 *   - the library never prints and never exits;
 *   - each function says who owns what it returns; _free/_close accept NULL.
 */
#ifndef HRR_H
#define HRR_H

#include <stddef.h>
#include <stdint.h>

#include "hrr/base.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ store */

/* An open hrr store: one SQLite database holding every record. */
typedef struct hrr_store hrr_store_t;

enum {
    HRR_OPEN_READONLY = 1, /* open for reading only; never migrate */
    HRR_OPEN_CREATE = 2    /* create the file if it does not exist */
};

/* Open (and, unless read-only, create or migrate) the store at PATH.
 * On success *OUT is the store. On failure *OUT is still set when memory
 * allowed, so that hrr_store_errmsg() can say why; close it either way. */
hrr_err_t hrr_store_open(const char *path, int flags, hrr_store_t **out);

/* As hrr_store_open, but the store uses the caller's CTX (NULL: as
 * hrr_store_open) for its messages and its allocations, including the store
 * itself: hrr_store_ctx(st) is CTX. CTX stays the caller's, to free after
 * hrr_store_close; it must not be used by another thread meanwhile. When
 * even the store cannot be allocated, *OUT is NULL and CTX says so. */
hrr_err_t hrr_store_open_ctx(const char *path, int flags, hrr_store_t **out, hrr_ctx_t *ctx);

/* Close the store. Accepts NULL. */
void hrr_store_close(hrr_store_t *st);

/* The store's context, where its calls leave their error messages and
 * through which they allocate; owned by the store (do not free it), valid
 * until hrr_store_close, unless it is the caller's (hrr_store_open_ctx).
 * NULL for NULL. */
hrr_ctx_t *hrr_store_ctx(hrr_store_t *st);

/* The last error message for this store: hrr_errmsg(hrr_store_ctx(st)),
 * kept so that existing callers read it as before. Never NULL. */
const char *hrr_store_errmsg(const hrr_store_t *st);

/* The schema version of an open store (the number of migrations applied)
 * into *VERSION; HRR_EDB (the store's message) when it cannot be read. */
hrr_err_t hrr_store_schema_version(hrr_store_t *st, int *version);

/* The underlying SQLite handle, for read-only queries by callers that need
 * SQL (the `sql` subcommand, analyses). Owned by the store. */
struct sqlite3 *hrr_store_sqlite(hrr_store_t *st);

/* ----------------------------------------------------------------- states */

/* Resolve a state code as a given source writes it, on a given date, to the
 * canonical ISO3 identity. KIND is one of "iso3", "iso2", "m49", "cow",
 * "vdem", "name". DATE is "YYYY-MM-DD" or NULL when unknown (then a code
 * that named different states at different times is an error). ISO3 receives
 * the code and a NUL. Returns HRR_ENOTFOUND for an unknown code. */
hrr_err_t hrr_state_resolve(hrr_store_t *st, const char *kind,
                            const char *code, const char *date,
                            char iso3[4]);

/* ---------------------------------------------------------------- import */

/* Progress callback for long imports: ROWS read so far of file PATH, and
 * FRAC, the share of the file's bytes consumed (0..1). */
typedef void (*hrr_progress_fn)(void *ud, const char *path, long rows,
                                double frac);

typedef struct hrr_import_opts {
    const char *format;   /* NULL: detect each file; else a format name */
    const char *mapping;  /* generic CSV: "target=column,..." (docs/import.md) */
    const char *body;     /* generic CSV / .dta: the body the votes belong to */
    hrr_progress_fn progress; /* NULL for none */
    void *progress_ud;    /* passed to progress */
} hrr_import_opts_t;

/* What one import did, per file. */
typedef struct hrr_import_file {
    char *path;           /* the file */
    const char *format;   /* detected or given format (static string) */
    long rows;            /* data rows read */
    int skipped;          /* 1: identical file already imported, nothing done;
                             inside a folder, left alone: 2: not a format hrr
                             reads; 3: not a regular file (FIFO, socket,
                             device); 4: unreadable (or a dangling link);
                             5: the same file or folder (device and inode)
                             met before, through a link */
} hrr_import_file_t;

typedef struct hrr_import_result {
    hrr_import_file_t *files; /* one per file seen, in import order */
    size_t nfiles;            /* number of entries in files */
    long rows;                /* data rows loaded in all */
} hrr_import_result_t;

/* Import PATH (a file, or a folder searched recursively) into the store.
 * Each file is one transaction: it loads whole or not at all, and a process
 * killed during the import leaves the store as it was. A file whose SHA-256
 * is already recorded is skipped. On error, the files before the failing one
 * stay imported, and the message names the file, line and field.
 * OPTS may be NULL. RES may be NULL; if not, free it with
 * hrr_import_result_destroy (also after an error). */
hrr_err_t hrr_import(hrr_store_t *st, const char *path,
                     const hrr_import_opts_t *opts, hrr_import_result_t *res);

/* Free what hrr_import put in RES. Accepts NULL. */
void hrr_import_result_destroy(hrr_import_result_t *res);

/* The format hrr would use for the file at PATH (a static string), or NULL
 * with HRR_ENOTFOUND when it reads none. */
hrr_err_t hrr_import_detect(const char *path, const char **format);

/* The names of the formats hrr reads, NULL-terminated (static). */
const char *const *hrr_import_formats(void);

#include "hrr/records.h"
#include "hrr/check.h"
#include "hrr/rules.h"
#include "hrr/replay.h"
#include "hrr/analysis.h"
#include "hrr/forecast.h"
#include "hrr/export.h"
#include "hrr/sim.h"

#ifdef __cplusplus
}
#endif
#endif /* HRR_H */
