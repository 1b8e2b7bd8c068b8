/*
 * store.h - the store's internals, shared by the layers built on it.
 */
#ifndef HRR_STORE_H
#define HRR_STORE_H

#include "core/core.h"
#include "hrr.h"

#include <sqlite3.h>

struct hrr_store {
    sqlite3 *db;          /* the SQLite connection */
    char *path;           /* file name as given */
    int readonly;         /* opened with HRR_OPEN_READONLY */
    hrr_ctx_t own;        /* the context hrr_store_open made for it */
    hrr_ctx_t *ctx;       /* the store's context (&own, or the caller's given
                             to hrr_store_open_ctx): its last error message
                             and its allocator */
    sqlite3_stmt *resolve;/* cached alias lookup for hrr_state_resolve */
};

/* The vote codes (hrr_vote_t, include/hrr/records.h) as SQL literals,
 * made from the same numbers: "b.vote=" HRR_SQL_YES. */
#define HRR_I_STR_(x) #x
#define HRR_I_STR(x) HRR_I_STR_(x)
#define HRR_SQL_YES HRR_I_STR(HRR_VOTE_YES_CODE)
#define HRR_SQL_NO HRR_I_STR(HRR_VOTE_NO_CODE)
#define HRR_SQL_ABSTAIN HRR_I_STR(HRR_VOTE_ABSTAIN_CODE)
#define HRR_SQL_ABSENT HRR_I_STR(HRR_VOTE_ABSENT_CODE)
#define HRR_SQL_NONMEMBER HRR_I_STR(HRR_VOTE_NONMEMBER_CODE)

/* Set the message of the store's context (printf-style) and return RC;
 * a NULL ST only returns RC. */
hrr_err_t hrr_i_seterr(hrr_store_t *st, hrr_err_t rc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Set an HRR_EDB error carrying SQLite's message, prefixed by WHAT. */
hrr_err_t hrr_i_dberr(hrr_store_t *st, const char *what);

/* Step a prepared statement, the one way the library does it, so that a
 * BUSY, an I/O error or a corrupt page is an error and never a silently
 * short result. Iterator form:
 *
 *     bool row;
 *     while (!(rc = hrr_i_step(st, s, &row)) && row) { ...columns... }
 *
 * *ROW is true when a row is ready (SQLITE_ROW), false when the statement is
 * done (SQLITE_DONE); both return HRR_OK. Any other result sets the store's
 * message to "PATH: WHAT-SQLITE-SAYS (in: SQL)", naming the statement's SQL
 * (sqlite3_sql), and returns HRR_EDB (HRR_ENOMEM for SQLITE_NOMEM); *ROW is
 * then false. ST may be NULL (then only the code comes back). */
hrr_err_t hrr_i_step(hrr_store_t *st, sqlite3_stmt *s, bool *row);

/* Step S to SQLITE_DONE, discarding any rows (an INSERT, UPDATE or DELETE;
 * a PRAGMA whose result is not wanted). Errors as hrr_i_step. */
hrr_err_t hrr_i_step_done(hrr_store_t *st, sqlite3_stmt *s);

/* Step S to SQLITE_DONE, calling FN(UD, S) on each row; FN returns HRR_OK to
 * go on or an error, which stops the loop and is returned as it is (FN sets
 * its own message). Errors of the step as hrr_i_step. */
typedef hrr_err_t (*hrr_i_row_fn)(void *ud, sqlite3_stmt *s);
hrr_err_t hrr_i_step_each(hrr_store_t *st, sqlite3_stmt *s, hrr_i_row_fn fn,
                          void *ud);

/* Prepare SQL (its one parameter bound to ARG when ARG is not NULL), call
 * FN(UD, S) on each row as hrr_i_step_each, finalize. */
hrr_err_t hrr_i_query_each(hrr_store_t *st, const char *sql, const char *arg, hrr_i_row_fn fn,
                           void *ud);

/* Run SQL with no results. */
hrr_err_t hrr_i_exec(hrr_store_t *st, const char *sql);

/* Add the votes of data/votes/ the sources miss, each file once, for the
 * items whose body and session the store holds (store.c). */
hrr_err_t hrr_i_votes_missing(hrr_store_t *st);

/* Look up the state id for a canonical ISO3 code into *ID: 0 if the store
 * has none (HRR_OK); a failed lookup is an error (HRR_EDB, the store's
 * message naming the SQL) and never reads as "no such state". */
hrr_err_t hrr_i_state_id(hrr_store_t *st, const char *iso3, long *id);

/* The codes of the store's bodies, in the order data/bodies.csv gives them
 * ("CHR, HRC, GA, GA3"), into BUF (LEN bytes), for messages that name what
 * --body accepts; returns BUF. A store that cannot be read gives "?" and
 * leaves the store's message as it was (the caller is reporting an error
 * of its own). */
const char *hrr_i_body_list(hrr_store_t *st, char *buf, size_t len);

/* Resolve a source's code to a state id (see hrr_state_resolve). */
hrr_err_t hrr_i_state_resolve_id(hrr_store_t *st, const char *kind,
                                 const char *code, const char *date,
                                 long *id);

/* Embedded project data (rules/, data/), generated at build time. */
typedef struct hrr_i_resource {
    const char *name;   /* path relative to the project root */
    const char *data;   /* contents, NUL-terminated */
    size_t len;         /* length in bytes */
} hrr_i_resource_t;
extern const hrr_i_resource_t hrr_i_resources[];
const hrr_i_resource_t *hrr_i_resource(const char *name);

#endif
