/*
 * imp_terms.h - Council terms and Commission membership derived from the
 * ballots (imp_terms.c, docs/import-hrc.md): memberships rows of org 'HRC'
 * and 'CHR', and findings where the records break the bodies' rules.
 */
#ifndef HRR_IMP_TERMS_H
#define HRR_IMP_TERMS_H

#include "import.h"

/* The Council's per-vote membership as a file gives it: NROW states by
 * NCOL votes, MEM[r * NCOL + c] nonzero when state r was a member on vote
 * c (its code was not 4 in all-votes.csv). A vote with no member at all
 * (a record without ballots) is left out. */
typedef struct hrr_imp_hrc_grid {
    size_t nrow, ncol;
    const long *state;          /* states.id of each row */
    const char (*date)[16];     /* date of each vote, YYYY-MM-DD */
    char *const *symbol;        /* symbol of each vote */
    const unsigned char *mem;   /* nrow x ncol */
} hrr_imp_hrc_grid_t;

/* Derive each state's Council terms from G, store them as memberships
 * (org 'HRC', replacing any derived before), and record a finding
 * (kind 'hrc-rule') for every break of A/RES/60/251's rules and
 * 'hrc-membership' for every vote whose list disagrees with the terms. */
hrr_err_t hrr_imp_hrc_terms(hrr_imp_t *imp, const hrr_imp_hrc_grid_t *g);

/* Derive the Commission's membership by year from its ballots in the store
 * (a state that voted, or was recorded absent, in a year was a member that
 * year), as memberships (org 'CHR', one row per run of years), with a
 * finding (kind 'chr-membership') for each year whose ballots name another
 * number of members than the Commission's size. */
hrr_err_t hrr_imp_chr_years(hrr_imp_t *imp);

#endif
