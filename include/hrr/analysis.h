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
                            double *banzhaf_abs, double *shapley, hrr_ctx_t *ctx);

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

/* Ideal points by EM for the probit model of roll-call voting (Imai, Lo
 * and Olmsted 2016, "Fast estimation of ideal points with massive data",
 * APSR 110). Binary model: yes is 1, no is 0, abstentions and absences are
 * missing (as in pscl::ideal). Ordinal model: no < abstain < yes, ordered
 * probit with item cutpoints; absences missing. One or two dimensions;
 * standard errors by parametric bootstrap (docs/analysis.md). */
typedef struct hrr_ideal_opts {
    int max_iter;        /* iterations at most (0: 500) */
    double tol;          /* stop when 1 - cor(x_t, x_{t-1}) < tol (0: 1e-6) */
    long min_votes;      /* leave out states with fewer yes/no votes (0: 20) */
    const char *positive;/* ISO3 placed on the positive side (NULL: "USA") */
    int dims;            /* dimensions, 1 or 2 (0: 1) */
    int model;           /* HRR_IDEAL_BINARY or HRR_IDEAL_ORDINAL (1 dim only) */
    int se_reps;         /* bootstrap replicates for standard errors (0: none;
                            1 dim only) */
    unsigned long seed;  /* the bootstrap's random streams (0: 1) */
} hrr_ideal_opts_t;

#define HRR_IDEAL_BINARY 0  /* probit on yes/no, abstentions missing */
#define HRR_IDEAL_ORDINAL 1 /* ordered probit no < abstain < yes */

typedef struct hrr_ideal {
    char (*iso3)[4];     /* states estimated */
    double *x;           /* their ideal points (dim1), mean 0 and sd 1 */
    long *n;             /* votes behind each (yes/no; ordinal: also abstain) */
    size_t ns;           /* how many states */
    size_t nt;           /* items used (with two different votes at least) */
    int iterations;      /* EM iterations run */
    int converged;       /* 1 if the tolerance was met */
    int dims;            /* dimensions estimated (1 or 2) */
    double *x2;          /* dim2, mean 0 and sd 1 (NULL in one dimension) */
    double *se;          /* bootstrap standard error of x (NULL without) */
    double fit_seconds;  /* wall time of the EM fit (without loading the
                            votes or the bootstrap) */
    double se_seconds;   /* wall time of the bootstrap */
} hrr_ideal_t;

hrr_err_t hrr_ideal_run(hrr_store_t *st, const hrr_scope_opts_t *scope, const hrr_ideal_opts_t *opts,
                        hrr_ideal_t **out);

/* The same on a matrix Y (ns x nt, row-major, -1 missing; binary: 1 yes, 0
 * no; ordinal: 2 yes, 1 abstain, 0 no). X (ns * dims, state-major: x[i *
 * dims + k]) receives the identified ideal points: in two dimensions turned
 * to the principal axes of the points, dim1 the wider; each dimension mean
 * 0, sd 1; signs arbitrary but deterministic. ITERS and CONVERGED may be
 * NULL. Cost O(iterations * votes * dims^2). HRR_EINVAL for a bad code in
 * Y or bad options. */
hrr_err_t hrr_ideal_fit(const signed char *y, size_t ns, size_t nt, const hrr_ideal_opts_t *opts,
                        double *x, int *iters, int *converged, hrr_ctx_t *ctx);

/* hrr_ideal_fit, plus SE (ns) the parametric-bootstrap standard errors of
 * x (one dimension): opts->se_reps vote matrices drawn from the fitted
 * model with Y's pattern of missing votes, each refitted from the estimate;
 * SE is the sd of each state's refits (each refit standardised and turned
 * to agree with X). Replicate r draws from stream r of opts->seed, run in
 * parallel (OpenMP): the result does not depend on the number of threads. */
hrr_err_t hrr_ideal_fit_se(const signed char *y, size_t ns, size_t nt,
                           const hrr_ideal_opts_t *opts, double *x, double *se, int *iters,
                           int *converged, hrr_ctx_t *ctx);

void hrr_ideal_free(hrr_ideal_t *r);

/* A vote matrix Y (ns x nt, coded as for hrr_ideal_fit) drawn from the
 * model with a known truth TRUTH (ns * dims, state-major), for tests and
 * timing: x_i ~ N(0, 1) on dim1 and N(0, 0.6^2) on dim2, alpha_j ~
 * N(0, 0.5^2), beta_j ~ N(0, 1.5^2) on each dimension; ordinal (MODEL
 * HRR_IDEAL_ORDINAL, one dimension): no below 0, abstain up to tau_j ~
 * 0.2 + |N(0, 0.8^2)|, yes above. Each vote is missing with probability
 * MISSING. Stream 0 of SEED (src/core/rng.h), so the same arguments give
 * the same matrix. */
hrr_err_t hrr_ideal_simulate(size_t ns, size_t nt, int dims, int model, double missing,
                             unsigned long seed, signed char *y, double *truth);

/* ------------------------------------------------------------ dynamic ideal points */

/* Dynamic ideal points: x_{i,t} = x_{i,t-1} + N(0, omega^2) across the
 * calendar years t of the votes (Martin and Quinn 2002's random walk), probit
 * votes y*_ij = alpha_j + beta_j x_{i,t(j)} + e, abstentions and absences
 * missing; a state's path runs from its first to its last year with votes,
 * the walk bridging the years between (three-year Council terms). Fitted by
 * EM in the manner of Imai, Lo and Olmsted (2016, section 4, emIRT's
 * dynIRT): the latent utilities' expectations given the items, each state's
 * path by a Kalman filter and Rauch-Tung-Striebel smoother (the model is
 * linear-Gaussian given them), the items by ridge regression on the path's
 * means and variances. Prior x_{i,first} ~ N(0, 1); items N(0, 25 I).
 * Identified by standardising all state-years (mean 0, sd 1) and turning
 * the chosen state positive. */
typedef struct hrr_ideal_dyn_opts {
    double omega;        /* sd of the yearly step (0: 0.1; < 0 rejected) */
    int max_iter;        /* iterations at most (0: 500) */
    double tol;          /* stop when 1 - cor(x_t, x_{t-1}) < tol (0: 1e-6) */
    long min_votes;      /* leave out states with fewer yes/no votes (0: 20) */
    const char *positive;/* ISO3 placed on the positive side (NULL: "USA") */
} hrr_ideal_dyn_opts_t;

typedef struct hrr_ideal_dyn_row {
    char iso3[4];        /* the state */
    int year;            /* the year */
    double x;            /* its ideal point that year */
    double sd;           /* the posterior sd of it (given the items) */
    long n;              /* its yes/no votes that year (0: bridged) */
} hrr_ideal_dyn_row_t;

typedef struct hrr_ideal_dyn {
    hrr_ideal_dyn_row_t *r; /* by state, then year */
    size_t n;            /* rows */
    size_t ns, nt;       /* states and items used */
    int iterations;      /* EM iterations */
    int converged;       /* 1 if the tolerance was met */
} hrr_ideal_dyn_t;

hrr_err_t hrr_ideal_dyn_run(hrr_store_t *st, const hrr_scope_opts_t *scope,
                            const hrr_ideal_dyn_opts_t *opts, hrr_ideal_dyn_t **out);
void hrr_ideal_dyn_free(hrr_ideal_dyn_t *d);

/* The same on a matrix Y (ns x nt, row-major: 1 yes, 0 no, -1 missing) whose
 * item j was voted in year YEAR[j] (any integers). X and SD (ns x ny, ny =
 * max(YEAR) - min(YEAR) + 1, row-major) receive each state's path and its sd,
 * NaN outside the state's first..last year with votes; standardised over the
 * defined state-years, signs arbitrary but deterministic. START (ns, may be
 * NULL): a starting point for every year of each state (a static fit).
 * Callers fitting "before a date" pass only the items before it. */
hrr_err_t hrr_ideal_dyn_fit(const signed char *y, size_t ns, size_t nt, const int *year,
                            const hrr_ideal_dyn_opts_t *opts, const double *start, double *x,
                            double *sd, int *iters, int *converged, hrr_ctx_t *ctx);

/* ------------------------------------------------------------ Gibbs sampler */

/* The posterior of the one-dimensional probit model by Gibbs sampling with
 * data augmentation (Albert and Chib 1993; the sampler of pscl::ideal and
 * MCMCpack::MCMCirt1d): latent utilities from truncated normals, ideal
 * points and item parameters from their normal full conditionals, priors
 * x ~ N(0, 1), (alpha, beta) ~ N(0, 25 I). Each kept draw is standardised
 * (mean 0, sd 1) and turned so the chosen state is positive (pscl's
 * normalisation); the summary is the mean and sd of the kept draws over all
 * chains. Chain c draws from stream c of SEED, chains run in parallel
 * (OpenMP): the result does not depend on the number of threads. */
typedef struct hrr_ideal_gibbs_opts {
    long iter;           /* iterations kept after burn-in, before thinning
                            (0: 2000) */
    long burn;           /* burn-in iterations (500 unless burn_set) */
    int burn_set;        /* 1: BURN as given, even 0 */
    long thin;           /* keep every THIN-th (0: 1) */
    int chains;          /* chains (0: 2) */
    unsigned long seed;  /* streams (0: 1) */
    long min_votes;      /* leave out states with fewer yes/no votes (0: 20) */
    const char *positive;/* ISO3 placed on the positive side (NULL: "USA") */
} hrr_ideal_gibbs_opts_t;

typedef struct hrr_ideal_gibbs {
    char (*iso3)[4];     /* states */
    double *mean, *sd;   /* posterior mean and sd of each */
    long *n;             /* yes/no votes behind each */
    size_t ns, nt;       /* states and items */
    int chains;          /* chains run */
    long kept;           /* draws kept per chain */
    double seconds;      /* wall time of the sampling */
    double *ess;         /* effective sample size of each state's draws
                            (coda's effectiveSize, summed over the chains) */
    double ess_median;   /* their median */
} hrr_ideal_gibbs_t;

hrr_err_t hrr_ideal_gibbs_run(hrr_store_t *st, const hrr_scope_opts_t *scope,
                              const hrr_ideal_gibbs_opts_t *opts, hrr_ideal_gibbs_t **out);
void hrr_ideal_gibbs_free(hrr_ideal_gibbs_t *g);

/* The same on a matrix Y (ns x nt, 1 yes, 0 no, -1 missing): MEAN and SD (ns)
 * of the standardised draws; POS (a state index, or -1) placed positive,
 * else the sign that agrees with each state's share of yes. */
hrr_err_t hrr_ideal_gibbs_fit(const signed char *y, size_t ns, size_t nt,
                              const hrr_ideal_gibbs_opts_t *opts, long pos, double *mean,
                              double *sd, hrr_ctx_t *ctx);
/* The same with ESS (ns, or NULL): each state's effective sample size as
 * coda's effectiveSize computes it (the spectral density at 0 of an AR
 * fit chosen by AIC), summed over the chains. */
hrr_err_t hrr_ideal_gibbs_fit_ess(const signed char *y, size_t ns, size_t nt,
                                  const hrr_ideal_gibbs_opts_t *opts, long pos, double *mean,
                                  double *sd, double *ess, hrr_ctx_t *ctx);

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

/* How blocs are found: Louvain on the above-median agreement graph (as
 * hrr_blocs_run), or average-linkage hierarchical clustering (UPGMA) on the
 * distance 1 - agreement (abstention as half), cut into K clusters. The
 * modularity reported is the partition's on the same graph either way. */
enum { HRR_BLOCS_LOUVAIN = 0, HRR_BLOCS_HCLUST = 1 };

typedef struct hrr_blocs_opts {
    int method;          /* HRR_BLOCS_LOUVAIN or HRR_BLOCS_HCLUST */
    int k;               /* clusters for HCLUST (0: 2) */
    long min_n;          /* common votes a pair needs (0: 20) */
    unsigned long seed;  /* Louvain's random order (0: 1) */
} hrr_blocs_opts_t;

hrr_err_t hrr_blocs_find(hrr_store_t *st, const hrr_scope_opts_t *scope, const hrr_blocs_opts_t *opts,
                         hrr_blocs_t **out);

/* UPGMA on the N x N distance matrix DIST (row-major, symmetric): CLUSTER
 * (n) receives each item's cluster when K remain, numbered 0.. by size
 * (ties: first member); HEIGHT (n - 1, may be NULL) the distance at each
 * merge, in order. Ties merge the pair with the lowest indices first. */
hrr_err_t hrr_upgma(const double *dist, size_t n, int k, int *cluster, double *height, hrr_ctx_t *ctx);

/* Blocs year by year (the votes of each calendar year alone; years with too
 * few votes left out) and, from the second year on, their stability against
 * the year before over the states in both: the adjusted Rand index (1: the
 * same partition; about 0: no more alike than chance) and the normalised
 * mutual information (0 to 1), by igraph_compare_communities. */
typedef struct hrr_blocs_years {
    size_t n;            /* years */
    int *year;           /* each year */
    hrr_blocs_t **b;     /* its blocs */
    double *ari, *nmi;   /* its stability against the previous year (NaN
                            for the first) */
} hrr_blocs_years_t;

hrr_err_t hrr_blocs_by_year(hrr_store_t *st, const hrr_scope_opts_t *scope, const hrr_blocs_opts_t *opts,
                            hrr_blocs_years_t **out);
void hrr_blocs_years_free(hrr_blocs_years_t *y);

#ifdef __cplusplus
}
#endif
#endif
