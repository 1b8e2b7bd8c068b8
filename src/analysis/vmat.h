/*
 * vmat.h - the votes of one body over a period as a states x items byte
 * matrix (0: no yes/no/abstain vote, 1 yes, 2 no, 3 abstain), items in date
 * order, states by ISO3. Internal to the analysis layer.
 */
#ifndef HRR_VMAT_H
#define HRR_VMAT_H

#include "../store/store.h"

typedef struct vmat {
    char (*iso3)[4];     /* states, sorted */
    size_t ns;           /* how many */
    int *year;           /* year of each item */
    size_t nt;           /* items */
    unsigned char *v;    /* ns x nt votes */
} vmat_t;

hrr_err_t hrr_i_vmat_load(hrr_store_t *st, const hrr_scope_opts_t *sc, vmat_t *m);
void hrr_i_vmat_destroy(vmat_t *m);

#endif
