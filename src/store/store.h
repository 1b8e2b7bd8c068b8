/*
 * store.h - the store's internals, shared by the layers built on it.
 */
#ifndef HRR_STORE_H
#define HRR_STORE_H

#include "../core/core.h"

#include <sqlite3.h>

struct hrr_store {
    sqlite3 *db;          /* the SQLite connection */
    char *path;           /* file name as given */
    int readonly;         /* opened with HRR_OPEN_READONLY */
    char errmsg[2048];    /* last error message */
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

/* Set the store's error message (printf-style) and return RC. */
hrr_err_t hrr_i_seterr(hrr_store_t *st, hrr_err_t rc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Set an HRR_EDB error carrying SQLite's message, prefixed by WHAT. */
hrr_err_t hrr_i_dberr(hrr_store_t *st, const char *what);

/* Run SQL with no results. */
hrr_err_t hrr_i_exec(hrr_store_t *st, const char *sql);

/* Look up the state id for a canonical ISO3 code: 0 if none. */
long hrr_i_state_id(hrr_store_t *st, const char *iso3);

/* Resolve a source's code to a state id (see hrr_state_resolve). */
hrr_err_t hrr_i_state_resolve_id(hrr_store_t *st, const char *kind,
                                 const char *code, const char *date,
                                 long *id);

/* Classify every item as country-specific (with its target state) or
 * thematic (src/records/classify.c); *NCOUNTRY: how many are country-specific. */
hrr_err_t hrr_i_classify(hrr_store_t *st, long *ncountry);

/* Embedded project data (rules/, data/), generated at build time. */
typedef struct hrr_i_resource {
    const char *name;   /* path relative to the project root */
    const char *data;   /* contents, NUL-terminated */
    size_t len;         /* length in bytes */
} hrr_i_resource_t;
extern const hrr_i_resource_t hrr_i_resources[];
const hrr_i_resource_t *hrr_i_resource(const char *name);

#endif
