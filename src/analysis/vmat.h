/*
 * vmat.h - the votes of one body over a period as a states x items byte
 * matrix (0: no yes/no/abstain vote, 1 yes, 2 no, 3 abstain), items in date
 * order, states by ISO3. Internal to the analysis layer.
 */
#ifndef HRR_VMAT_H
#define HRR_VMAT_H

#include "store/store.h"

typedef struct vmat {
    char (*iso3)[4];     /* states, sorted */
    size_t ns;           /* how many */
    int *year;           /* year of each item */
    size_t nt;           /* items */
    unsigned char *v;    /* ns x nt votes */
} vmat_t;

hrr_err_t hrr_i_vmat_load(hrr_store_t *st, const hrr_scope_opts_t *sc, vmat_t *m);
void hrr_i_vmat_destroy(vmat_t *m);

/* The roll-call matrix the ideal-point models read: the items of M with a
 * yes and a no (ORDINAL: two different votes of yes, no and abstain), the
 * states with MIN_VOTES or more such votes on them. *Y (ns x nt, row-major):
 * 1 yes, 0 no, -1 missing (ordinal: 2 yes, 1 abstain, 0 no); KEEP_S and
 * KEEP_T the rows and columns of M kept. HRR_ENOTFOUND (no message) when
 * nothing is contested, HRR_ENOMEM. Free the three arrays with hrr_i_free. */
hrr_err_t hrr_i_vmat_rollcall(hrr_ctx_t *ctx, const vmat_t *m, long min_votes, int ordinal, signed char **y, size_t **keep_s,
                              size_t *ns, size_t **keep_t, size_t *nt);

#endif
