/*
 * ideal_em.h - the EM engine behind `hrr ideal` (Imai, Lo and Olmsted 2016):
 * the votes stored item by item, the probit model in one or two dimensions,
 * the ordered probit (no < abstain < yes), a deterministic start, the
 * identification of the estimates, and simulation from a fitted model for
 * the parametric bootstrap. Internal to the analysis layer (ideal.c is the
 * public face); the Mills-ratio table is exposed for its accuracy test.
 */
#ifndef HRR_IDEAL_EM_H
#define HRR_IDEAL_EM_H

#include "core/core.h"
#include "core/rng.h"

#include <stddef.h>
#include <stdint.h>

/* The observed votes, item-major: item j's votes are v[start[j] ..
 * start[j+1]), each (state << 2 | vote). Binary votes: 1 yes, 0 no;
 * ordinal: 2 yes, 1 abstain, 0 no. Missing votes are not stored. */
typedef struct ideal_data {
    size_t ns;        /* states */
    size_t nt;        /* items */
    size_t *start;    /* nt + 1 offsets into v */
    uint32_t *v;      /* the votes, start[nt] of them */
} ideal_data_t;

/* Build from the dense ns x nt matrix Y (row-major, -1 missing; votes as
 * above). Values outside 0..MAXV are HRR_EINVAL. */
hrr_err_t hrr_i_ideal_data_init(hrr_ctx_t *ctx, ideal_data_t *d, const signed char *y, size_t ns, size_t nt,
                                int maxv);
void hrr_i_ideal_data_destroy(ideal_data_t *d);

/* Parameters on the scale the EM works in (before identification). */
typedef struct ideal_par {
    int dims;         /* 1 or 2 */
    int ordinal;      /* 1: ordered probit, cutpoints 0 and 1, precision p */
    double *x;        /* ns * dims ideal points, state-major */
    double *a;        /* nt intercepts */
    double *b;        /* nt * dims discriminations, item-major */
    double *p;        /* nt precisions of the latent utility (ordinal) */
} ideal_par_t;

hrr_err_t hrr_i_ideal_par_init(hrr_ctx_t *ctx, ideal_par_t *p, size_t ns, size_t nt, int dims, int ordinal);
void hrr_i_ideal_par_destroy(ideal_par_t *p);
/* Copy S into D (allocated with the same shape). */
void hrr_i_ideal_par_copy(ideal_par_t *d, const ideal_par_t *s, size_t ns, size_t nt);

/* Scratch space for one EM run (one per concurrent run). */
typedef struct ideal_work {
    double *z;        /* ns: latent utilities of one item's voters */
    double *z2;       /* ns: their second moments (ordinal) */
    double *nu;       /* ns * dims: accumulated b (z - a) for each state */
    double *de;       /* ns * dims * dims: accumulated b b' */
    double *xprev;    /* ns * dims: the previous iterate */
    double *sq[3];    /* SQUAREM's three parameter vectors (x, a, b packed) */
    size_t nch;       /* chunks of items an iteration runs in parallel (from nt) */
    size_t *cut;      /* nch + 1: chunk c is items [cut[c], cut[c+1]) */
    double *zc;       /* (nch - 1) * 2 * ns: chunks 1..'s z and z2 (chunk 0: z, z2) */
    double *nuc;      /* (nch - 1) * ns * dims: chunks 1..'s nu (chunk 0: nu) */
    double *dec;      /* (nch - 1) * ns * dims * dims: chunks 1..'s de */
} ideal_work_t;

hrr_err_t hrr_i_ideal_work_init(hrr_ctx_t *ctx, ideal_work_t *w, size_t ns, size_t nt, int dims);
void hrr_i_ideal_work_destroy(ideal_work_t *w);

/* Deterministic start: the leading DIMS principal components of the
 * item-centred vote matrix (missing = 0) by subspace iteration, each scaled
 * to sd 1; items neutral (a = 0 or 0.5, b = 0, p = 1). */
void hrr_i_ideal_start(const ideal_data_t *d, ideal_par_t *p, ideal_work_t *w);

/* EM from the values in P until 1 - min_k |cor(x_k, x_k previous)| < TOL or
 * MAX_ITER iterations (EM steps). The binary model is accelerated by
 * SQUAREM (Varadhan and Roland 2008, Scand. J. Stat. 35): two EM steps,
 * an extrapolation along them, one stabilising EM step. */
void hrr_i_ideal_em(const ideal_data_t *d, ideal_par_t *p, ideal_work_t *w, int max_iter,
                    double tol, int *iters, int *converged);

/* Identified ideal points OUT (ns * dims) from the raw X: in two
 * dimensions rotated to the principal axes of the points (dim1 the larger
 * variance); each dimension standardised to mean 0, sd 1. Signs as they
 * come (the caller orients them). */
void hrr_i_ideal_identify(size_t ns, int dims, const double *x, double *out);

/* A vote matrix drawn from the model P with D's pattern of observed votes:
 * V (start[nt] entries) receives the (state << 2 | vote) codes. */
void hrr_i_ideal_simulate(const ideal_data_t *d, const ideal_par_t *p, hrr_rng_t *rng,
                          uint32_t *v);

/* The inverse Mills ratio phi(m) / Phi(m) (Hermite-interpolated table on
 * [-20, 9], an asymptotic series below, exact above): against GSL a
 * relative error below 1e-9 for m <= 2, an absolute error below 1e-10
 * everywhere (tests/unit/test_ideal_em.c). */
double hrr_i_ideal_mills(double m);

#endif
