/*
 * hrr/power.h - voting power of a whole game: the game of a body whose
 * blocs vote together (the rest alone), with its default quota, and the
 * three indices of every player in one result (hrr_power_indices in
 * hrr/analysis.h computes them).
 */
#ifndef HRR_POWER_H
#define HRR_POWER_H

#include "hrr.h"

/* The default quota of a body of MEMBERS: a simple majority, N/2 + 1. */
long hrr_power_default_quota(long members);

/* The indices of every player of a weighted game. */
typedef struct hrr_power {
    size_t n;            /* players */
    long quota;          /* the quota used */
    long *w;             /* weights, [n] */
    double *banzhaf;     /* normalised Banzhaf index (NaN: nobody decisive) */
    double *banzhaf_abs; /* swings / 2^(n-1) */
    double *shapley;     /* Shapley-Shubik index (NaN: nobody decisive) */
} hrr_power_t;

/* The game of weights W[0..N) and QUOTA. HRR_EINVAL (no message) for weights
 * that are not positive or sum above 100000, or QUOTA <= 0. Free *OUT with
 * hrr_power_free. */
hrr_err_t hrr_power_game(const long *w, size_t n, long quota, hrr_power_t **out, hrr_ctx_t *ctx);

/* The game of a body of MEMBERS in which blocs of sizes B[0..NB) vote
 * together and every other member alone (blocs first); QUOTA 0: the
 * default quota. HRR_EINVAL when the blocs exceed the members or MEMBERS
 * is not 1..1000. */
hrr_err_t hrr_power_blocs(long members, const long *b, size_t nb, long quota,
                          hrr_power_t **out);

void hrr_power_free(hrr_power_t *p);

#endif
