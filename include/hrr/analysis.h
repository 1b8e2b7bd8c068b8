/*
 * hrr/analysis.h - analyses of the records. Voting power in weighted games
 * (Banzhaf, Shapley-Shubik), computed exactly by generating functions.
 * Included by hrr.h.
 */
#ifndef HRR_ANALYSIS_H
#define HRR_ANALYSIS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Voting power of each player in the weighted game [QUOTA; W1..WN]: a
 * coalition wins when its weight reaches QUOTA. BANZHAF (normalised: the
 * shares of all swings, summing to 1), BANZHAF_ABS (swings / 2^(n-1)) and
 * SHAPLEY (Shapley-Shubik: the share of orderings in which the player is
 * pivotal) receive N values each; any may be NULL. Weights are positive;
 * their sum at most 100,000; N at most 1,000. Cost O(n^2 * sum(w)) per
 * player for Shapley-Shubik, O(n * sum(w)) for Banzhaf. A game in which
 * nobody is ever decisive (a quota above the total) gives NaN. */
hrr_err_t hrr_power_indices(const long *w, size_t n, long quota, double *banzhaf,
                            double *banzhaf_abs, double *shapley);

#ifdef __cplusplus
}
#endif
#endif
