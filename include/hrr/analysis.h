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

/* ------------------------------------------------------------ agreement */

/* Which votes an analysis reads. */
typedef struct hrr_scope_opts {
    const char *body;   /* CHR, HRC, GA (required) */
    int from, to;       /* years, inclusive (0: open) */
} hrr_scope_opts_t;

/* Agreement of two states over the items both voted on (yes, no or
 * abstain; absences do not count). */
typedef struct hrr_agree_row {
    char a[4], b[4];    /* the two states (ISO3) */
    int year;           /* the year, with by_year; else 0 */
    long n;             /* items both voted on */
    double agree;       /* share of identical votes */
    double agree_half;  /* the same counting yes-or-no against abstain as
                           half an agreement (Lijphart's index of agreement) */
} hrr_agree_row_t;

typedef struct hrr_agree {
    hrr_agree_row_t *a; /* rows: by pair (a < b), or by year */
    size_t n;           /* how many */
} hrr_agree_t;

/* Pairwise agreement in the body and period. WITH (ISO3 or NULL): only the
 * pairs of that state, with the others as b; BY_YEAR: one row per year.
 * MIN_N: leave out pairs with fewer common votes. *OUT freed with
 * hrr_agree_free. */
hrr_err_t hrr_agree_run(hrr_store_t *st, const hrr_scope_opts_t *scope, const char *with,
                        int by_year, long min_n, hrr_agree_t **out);
void hrr_agree_free(hrr_agree_t *a);

/* Cohesion of a group (an org in memberships: AFRICAN, WEOG, ...) by year:
 * over the items where at least two members voted, the mean Rice index
 * |yes - no| / (yes + no) (Rice 1928) and the mean agreement index of Hix,
 * Noury and Roland (2005), (max(y,n,a) - (y+n+a-max)/2) / (y+n+a). */
typedef struct hrr_cohesion_row {
    int year;           /* the year */
    long items;         /* items counted */
    double rice;        /* mean Rice index (items with a yes or no) */
    double hnr;         /* mean Hix-Noury-Roland agreement index */
} hrr_cohesion_row_t;

typedef struct hrr_cohesion {
    hrr_cohesion_row_t *a; /* by year */
    size_t n;              /* how many */
} hrr_cohesion_t;

hrr_err_t hrr_cohesion_run(hrr_store_t *st, const hrr_scope_opts_t *scope, const char *group,
                           hrr_cohesion_t **out);
void hrr_cohesion_free(hrr_cohesion_t *c);

/* ------------------------------------------------------------ ideal points */

/* One-dimensional ideal points by EM for the probit model of roll-call
 * voting (Imai, Lo and Olmsted 2016, "Fast estimation of ideal points with
 * massive data", APSR 110): yes is 1, no is 0, abstentions and absences are
 * missing (as in pscl::ideal). */
typedef struct hrr_ideal_opts {
    int max_iter;        /* iterations at most (0: 500) */
    double tol;          /* stop when 1 - cor(x_t, x_{t-1}) < tol (0: 1e-6) */
    long min_votes;      /* leave out states with fewer yes/no votes (0: 20) */
    const char *positive;/* ISO3 placed on the positive side (NULL: "USA") */
} hrr_ideal_opts_t;

typedef struct hrr_ideal {
    char (*iso3)[4];     /* states estimated */
    double *x;           /* their ideal points, mean 0 and sd 1 */
    long *n;             /* yes/no votes behind each */
    size_t ns;           /* how many states */
    size_t nt;           /* items used (with at least one yes and one no) */
    int iterations;      /* EM iterations run */
    int converged;       /* 1 if the tolerance was met */
} hrr_ideal_t;

hrr_err_t hrr_ideal_run(hrr_store_t *st, const hrr_scope_opts_t *scope, const hrr_ideal_opts_t *opts,
                        hrr_ideal_t **out);

/* The same on a matrix Y (ns x nt, row-major: 1 yes, 0 no, -1 missing). X
 * (ns) receives the ideal points; ITERS (may be NULL) the iterations. */
hrr_err_t hrr_ideal_fit(const signed char *y, size_t ns, size_t nt, const hrr_ideal_opts_t *opts,
                        double *x, int *iters, int *converged);

void hrr_ideal_free(hrr_ideal_t *r);

/* ------------------------------------------------------------ blocs */

/* Blocs: communities of the agreement graph (Louvain, Blondel et al. 2008,
 * through igraph's multilevel algorithm). Nodes are states with at least
 * MIN_N common votes; an edge joins two states whose agreement index
 * (agree_half) is above the median of all pairs, weighted by it. SEED makes
 * the run repeatable. */
typedef struct hrr_blocs {
    char (*iso3)[4];     /* states */
    int *bloc;           /* each state's bloc, 0.. (largest bloc first) */
    size_t ns;           /* states */
    int nblocs;          /* blocs */
    double modularity;   /* of the partition */
} hrr_blocs_t;

hrr_err_t hrr_blocs_run(hrr_store_t *st, const hrr_scope_opts_t *scope, long min_n,
                        unsigned long seed, hrr_blocs_t **out);
void hrr_blocs_free(hrr_blocs_t *b);

#ifdef __cplusplus
}
#endif
#endif
