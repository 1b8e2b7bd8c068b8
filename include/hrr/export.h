/*
 * hrr/export.h - the roll calls of one body over a period as a states x
 * items matrix, for export to R (pscl::rollcall), Stata and tidy CSV. The
 * renderers are in hrr/report_export.h. Included by hrr.h; do not include
 * it alone.
 *
 * Ownership: hrr_rollcall_get allocates its result, which the caller frees
 * with hrr_rollcall_free (accepts NULL). Strings inside belong to it.
 */
#ifndef HRR_EXPORT_H
#define HRR_EXPORT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* One item, a column of the matrix. */
typedef struct hrr_rollcall_item {
    char *key;      /* the item's key (unique), never NULL */
    char *symbol;   /* its document symbol, NULL when none */
    char *date;     /* "YYYY-MM-DD", NULL when undated */
    const char *header; /* the column's name: the symbol when the item has one
                           and no other item of the export shares it, else the
                           key (points into symbol or key) */
} hrr_rollcall_item_t;

/* One state, a row of the matrix. */
typedef struct hrr_rollcall_state {
    char iso3[4];   /* ISO3 or project code ("YUG") */
    char *name;     /* the state's name */
} hrr_rollcall_state_t;

/* The roll-call matrix. Only members' ballots are read (yes, no, abstain,
 * absent); a not-member ballot is treated as no ballot. An item without a
 * member's ballot in the period is left out, and so is a state without one. */
typedef struct hrr_rollcall {
    hrr_rollcall_item_t *items;   /* columns, by date (undated last), then key */
    size_t nitems;                /* how many */
    hrr_rollcall_state_t *states; /* rows, by ISO3 */
    size_t nstates;               /* how many */
    unsigned char *votes;         /* nstates x nitems, row-major: an hrr_vote_t
                                     (1 yes .. 4 absent), or 0 for no ballot */
    long nballots;                /* the cells that are not 0 */
} hrr_rollcall_t;

/* The roll calls of SCOPE->body in the years SCOPE->from..to (0: open).
 * An unknown body is HRR_ENOTFOUND (the message lists the store's bodies);
 * a body with no members' ballots in the period is HRR_ENOTFOUND too.
 * Free *OUT with hrr_rollcall_free. */
struct hrr_scope_opts;
hrr_err_t hrr_rollcall_get(hrr_store_t *st, const struct hrr_scope_opts *scope,
                           hrr_rollcall_t **out);

/* The vote of state row I on item column J. */
#define HRR_ROLLCALL_AT(rc, i, j) ((rc)->votes[(size_t)(i) * (rc)->nitems + (size_t)(j)])

/* Free a result of hrr_rollcall_get. Accepts NULL. */
void hrr_rollcall_free(hrr_rollcall_t *rc);

#ifdef __cplusplus
}
#endif
#endif /* HRR_EXPORT_H */
