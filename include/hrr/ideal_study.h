/*
 * hrr/ideal_study.h - the recovery study of the ideal-point EM: a vote
 * matrix drawn from the model, fitted, timed and compared with the truth
 * (`hrr ideal --simulate`).
 */
#ifndef HRR_IDEAL_STUDY_H
#define HRR_IDEAL_STUDY_H

#include "hrr.h"

typedef struct hrr_ideal_study {
    size_t ns, nt;       /* states x votes drawn */
    unsigned long seed;  /* the draw's seed */
    int dims, model;     /* as fitted */
    int iterations;      /* EM iterations */
    int converged;       /* the EM converged */
    double fit_seconds;  /* the fit's wall time */
    double r[2];         /* |correlation| of each dimension with the truth */
    int se_reps;         /* bootstrap replicates (0: none) */
    double se_seconds;   /* the bootstrap's wall time */
    double mean_se;      /* mean standard error */
    double coverage;     /* share of the truth within 1.96 se */
} hrr_ideal_study_t;

/* Draw NS x NT votes (10% missing) from the model of OPTS with SEED, fit
 * them (with the bootstrap when OPTS->se_reps > 0) and compare with the
 * truth. HRR_EINVAL for bad options or sizes (NS < 3, NT < 1). */
hrr_err_t hrr_ideal_study(size_t ns, size_t nt, unsigned long seed,
                          const hrr_ideal_opts_t *opts, hrr_ideal_study_t *out, hrr_ctx_t *ctx);

/* Pearson's correlation of X[i*SX] and Y[i*SY], i < N (NaN when either is
 * constant). */
double hrr_corr(const double *x, int sx, const double *y, int sy, size_t n);

#endif
