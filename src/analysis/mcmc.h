/*
 * mcmc.h - what the Gibbs sampler (ideal_gibbs.c) draws with and how its
 * chains are judged: standard normals by the ziggurat on the counter-based
 * streams of core/rng.h, normals truncated to a half-line (a normal or
 * half-normal proposal near the mean, Robert's exponential proposal in the
 * tail), and the effective sample size of a chain as coda computes it.
 * Internal to the analysis layer; tested against GSL and against known
 * autocorrelations in tests/unit/test_mcmc.c.
 */
#ifndef HRR_MCMC_H
#define HRR_MCMC_H

#include "core/rng.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The ziggurat of Marsaglia and Tsang (2000, "The ziggurat method for
 * generating random variables", J. Stat. Softw. 5(8)) with 128 layers of
 * equal area under f(x) = exp(-x^2 / 2), the layout of GSL's
 * gsl_ran_gaussian_ziggurat: layer i covers [0, zig_x[i]) x [zig_f[i],
 * zig_f[i+1]); layer 0 is the base rectangle and the tail beyond R. A draw
 * takes one 32-bit word: 7 bits pick the layer, 1 the sign and 24 the
 * abscissa (disjoint bits, as GSL's; the wedges and the tail take more
 * words); 97.6% of the draws end at the first comparison. */
#define HRR_ZIG_N 128
#define HRR_ZIG_R 3.442619855899 /* the base layer's right edge */

typedef struct hrr_zig {
    double x[HRR_ZIG_N + 1]; /* layer widths, x[0] = V / f(R) > x[1] = R > ... > x[N] = 0 */
    double f[HRR_ZIG_N + 1]; /* f(x[i]) */
} hrr_zig_t;

/* The table, built once (thread-safe). */
const hrr_zig_t *hrr_i_zig_table(void);

/* The wedges and the tail of the ziggurat (the rare path of hrr_i_zig_normal). */
double hrr_i_zig_slow(hrr_rng_t *r, const hrr_zig_t *z, uint32_t u);

/* hrr_rng_u32, its common case inline: the same draws in the same order. */
static inline uint32_t hrr_i_rng_u32(hrr_rng_t *r)
{
    if (__builtin_expect(r->left > 0, 1)) return r->out.v[--r->left];
    return hrr_rng_u32(r);
}

/* hrr_rng_uniform over hrr_i_rng_u32: the same numbers. */
static inline double hrr_i_rng_uniform(hrr_rng_t *r)
{
    uint64_t hi = hrr_i_rng_u32(r) >> 5, lo = hrr_i_rng_u32(r) >> 6; /* 27 + 26 bits */
    return ((double)(hi * 67108864u + lo) + 0.5) * (1.0 / 9007199254740992.0);
}

/* A standard normal from stream R; Z from hrr_i_zig_table(). */
static inline double hrr_i_zig_normal(hrr_rng_t *r, const hrr_zig_t *z)
{
    uint32_t u = hrr_i_rng_u32(r);
    unsigned i = u & 0x7f;
    double x = ((double)(u >> 8) + 0.5) * (1.0 / 16777216.0) * z->x[i];
    if (__builtin_expect(x < z->x[i + 1], 1)) return (u & 0x80) ? -x : x;
    return hrr_i_zig_slow(r, z, u);
}

/* N(0, 1) truncated to (LO, inf), exactly (each method is an exact
 * rejection sampler; the choice between them only sets the cost):
 *   LO < 0:           normal proposals, acceptance Phi(-LO) >= 1/2;
 *   0 <= LO < 0.6:    half-normal proposals |z|, acceptance 2 Q(LO) >= 0.55;
 *   LO >= 0.6:        Robert's (1995, "Simulation of truncated normal
 *                     variables", Stat. Comput. 5) translated exponential
 *                     with the optimal rate L = (LO + sqrt(LO^2 + 4)) / 2,
 *                     accepted with probability exp(-(z - L)^2 / 2),
 *                     overall acceptance >= 0.8; the test u <= 1 - t
 *                     (1 - t <= exp(-t)) accepts most draws without exp. */
double hrr_i_tn_robert(hrr_rng_t *r, double lo);

static inline double hrr_i_tn_lower(hrr_rng_t *r, const hrr_zig_t *z, double lo)
{
    if (lo < 0) {
        for (;;) {
            double x = hrr_i_zig_normal(r, z);
            if (x > lo) return x;
        }
    }
    if (lo < 0.6) {
        for (;;) {
            double x = hrr_i_zig_normal(r, z);
            x = x < 0 ? -x : x;
            if (x > lo) return x;
        }
    }
    return hrr_i_tn_robert(r, lo);
}

/* The effective sample size of the N draws X[0], X[STRIDE], ... as coda's
 * effectiveSize computes it (Plummer et al. 2006, "CODA", R News 6):
 * n var(x) / S(0), S(0) the spectral density at frequency 0 of an
 * autoregression fitted by Yule-Walker, its order chosen by AIC up to
 * min(n - 1, floor(10 log10 n)) (R's ar(), as coda's spectrum0.ar calls
 * it). 0 for a constant chain; O(n * order). */
double hrr_i_ess(const double *x, size_t n, size_t stride);

#endif
