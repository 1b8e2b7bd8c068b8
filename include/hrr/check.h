/*
 * hrr/check.h - reconciliation: the data-quality findings of a store. Some
 * are recorded while importing (sources that disagree, a ballot given twice,
 * a symbol that names two items); hrr_check_run adds the ones that compare
 * the store with itself, such as per-state ballots that do not add up to an
 * item's official tally. Included by hrr.h; do not include it alone.
 */
#ifndef HRR_CHECK_H
#define HRR_CHECK_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* One finding. */
typedef struct hrr_finding {
    char *kind;    /* "tally-mismatch", "source-disagreement", ... */
    char *item;    /* the item's symbol (its key where it has none); NULL */
    char *date;    /* the item's date; NULL */
    char *detail;  /* what was found, in words */
} hrr_finding_t;

/* A list of findings, owned by the caller: free with hrr_findings_free. */
typedef struct hrr_findings {
    hrr_finding_t *a;  /* the findings, by kind, then date and item */
    size_t n;          /* how many */
} hrr_findings_t;

/* Recompute the derived findings: "tally-mismatch" for every item whose
 * official yes/no/abstain tally differs from its counted ballots. Replaces
 * the earlier ones, so it can run any number of times. *NMISMATCH (may be
 * NULL) receives the number of such items. Needs a writable store. */
hrr_err_t hrr_check_run(hrr_store_t *st, long *nmismatch);

/* The findings of kind KIND (NULL: all). *OUT is allocated; free it with
 * hrr_findings_free. */
hrr_err_t hrr_findings_list(hrr_store_t *st, const char *kind, hrr_findings_t **out);

/* Free a list. Accepts NULL. */
void hrr_findings_free(hrr_findings_t *f);

#ifdef __cplusplus
}
#endif
#endif
