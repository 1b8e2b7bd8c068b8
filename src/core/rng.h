/*
 * rng.h - counter-based random streams (Random123's Philox4x32-10, Salmon
 * et al. 2011, "Parallel random numbers: as easy as 1, 2, 3", SC11).
 *
 * A stream is named by (seed, stream): replicate r of a bootstrap, run r of
 * a Monte Carlo, chain c of a sampler each take stream r, so the numbers a
 * replicate sees do not depend on which thread or process runs it, nor on
 * how many there are. Within a stream, draws come from successive counters.
 * Header-only; no state but the struct.
 */
#ifndef HRR_RNG_H
#define HRR_RNG_H

#include <Random123/philox.h>
#include <math.h>
#include <stdint.h>

typedef struct hrr_rng {
    philox4x32_key_t key;  /* (seed low, seed high) */
    philox4x32_ctr_t ctr;  /* (counter low, counter high, stream low, stream high) */
    philox4x32_ctr_t out;  /* the last block of four draws */
    int left;              /* draws of OUT not yet used */
    int have_normal;       /* a second Box-Muller normal is waiting */
    double normal;         /* it */
} hrr_rng_t;

/* Stream STREAM of the generator seeded with SEED. */
static inline void hrr_rng_init(hrr_rng_t *r, uint64_t seed, uint64_t stream)
{
    r->key.v[0] = (uint32_t)seed;
    r->key.v[1] = (uint32_t)(seed >> 32);
    r->ctr.v[0] = 0;
    r->ctr.v[1] = 0;
    r->ctr.v[2] = (uint32_t)stream;
    r->ctr.v[3] = (uint32_t)(stream >> 32);
    r->left = 0;
    r->have_normal = 0;
    r->normal = 0;
}

/* The next 32 random bits. */
static inline uint32_t hrr_rng_u32(hrr_rng_t *r)
{
    if (r->left == 0) {
        r->out = philox4x32(r->ctr, r->key);
        if (++r->ctr.v[0] == 0) r->ctr.v[1]++;
        r->left = 4;
    }
    return r->out.v[--r->left];
}

/* Uniform on (0, 1), 53 bits, never 0 or 1. */
static inline double hrr_rng_uniform(hrr_rng_t *r)
{
    uint64_t hi = hrr_rng_u32(r) >> 5, lo = hrr_rng_u32(r) >> 6; /* 27 + 26 bits */
    return ((double)(hi * 67108864u + lo) + 0.5) * (1.0 / 9007199254740992.0);
}

/* Uniform on [0, 1) from 32 bits: for fast comparisons against
 * probabilities known to a few decimals (Monte Carlo of ballots). */
static inline float hrr_rng_uniform32(hrr_rng_t *r)
{
    return (float)(hrr_rng_u32(r) >> 8) * (1.0f / 16777216.0f);
}

/* Standard normal (Box-Muller, both values used). */
static inline double hrr_rng_normal(hrr_rng_t *r)
{
    if (r->have_normal) {
        r->have_normal = 0;
        return r->normal;
    }
    double u = hrr_rng_uniform(r), v = hrr_rng_uniform(r);
    double rad = sqrt(-2.0 * log(u)), th = 6.283185307179586 * v;
    r->normal = rad * sin(th);
    r->have_normal = 1;
    return rad * cos(th);
}

#endif
