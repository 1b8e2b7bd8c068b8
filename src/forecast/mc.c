/*
 * mc.c - the outcome of a vote by Monte Carlo: members cast independent
 * ballots with their forecast probabilities; the tally is decided by
 * thresholds precomputed from the rules engine; a no-action motion, when
 * one is expected, is decided first on the same ballots turned around.
 * Counter-based streams (src/core/rng.h) per block of runs, so the counts
 * do not depend on the number of threads.
 */
#include "fc.h"

#include "core/rng.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <string.h>

/* draws (runs x members) from which the simulation is spread over threads */
#define MC_PARALLEL_DRAWS 2e5
#define BLOCK 4096

hrr_err_t hrr_fc_thresholds(const hrr_rules_t *rules, long n, int scope, int motion, int year,
                            short *adopt)
{
    for (long no = 0; no <= n; no++)
        for (long ab = 0; ab <= n; ab++) {
            short *t = &adopt[no * (n + 1) + ab];
            if (no + ab > n) {
                *t = (short)(n + 1);
                continue;
            }
            /* the least yes in [0, n - no - ab] that adopts: binary search */
            long lo = 0, hi = n - no - ab + 1;
            while (lo < hi) {
                long y = (lo + hi) / 2;
                hrr_vote_in_t in = {.yes = y, .no = no, .abstain = ab, .absent = n - y - no - ab,
                                    .members = n, .supporters = -1,
                                    .scope = (hrr_item_scope_t)scope,
                                    .motion = (hrr_motion_t)motion, .year = year};
                hrr_decision_t d;
                hrr_err_t rc = hrr_rules_decide(rules, &in, &d);
                if (rc && rc != HRR_EINVAL) return rc;
                if (!rc && d.outcome == HRR_ADOPTED) hi = y;
                else lo = y + 1;
            }
            *t = (short)lo;
        }
    return HRR_OK;
}

/* Adopted in the end: the motion (if any) fails and the draft carries. */
static inline int passes(const short *adopt, const short *motion, long n1, long y, long no, long ab)
{
    if (motion && no >= motion[y * n1 + ab]) return 0;
    return y >= adopt[no * n1 + ab];
}

#define LEVELS 8 /* slices of the common shock */

long hrr_fc_simulate(const double *p, size_t n, const short *adopt, const short *motion,
                     double shock, long nruns, unsigned long seed, long *motion_carried,
                     long *decisive, hrr_ctx_t *ctx)
{
    long n1 = (long)n + 1, nblocks = (nruns + BLOCK - 1) / BLOCK;
    long adopted = 0, carried = 0;
    int levels = shock > 0 ? LEVELS : 1;
    float *cum = hrr_i_malloc(ctx, (size_t)levels * n * 3 * sizeof *cum + 1);
    if (!cum) return -1;
    for (int q = 0; q < levels; q++) {
        /* the shock at the middle of slice q of N(0, shock^2) */
        double z = levels > 1 ? shock * gsl_cdf_ugaussian_Pinv((q + 0.5) / levels) : 0;
        double up = exp(z / 2), down = exp(-z / 2);
        for (size_t i = 0; i < n; i++) {
            const double *pi = p + i * 4;
            double y = pi[0] * up, no = pi[1] * down, tot = y + no + pi[2] + pi[3];
            float *c = cum + ((size_t)q * n + i) * 3;
            c[0] = (float)(y / tot);
            c[1] = (float)((y + no) / tot);
            c[2] = (float)((y + no + pi[2]) / tot);
        }
    }
    if (decisive) memset(decisive, 0, n * sizeof *decisive);
    int fail = 0;
    /* threads only where the work pays for them: a backtest's thousands of
     * small simulations run faster on one thread than with workers that
     * spin between regions while the model is being fitted */
    int par = (double)nruns * (double)n > MC_PARALLEL_DRAWS;
#pragma omp parallel if (par) reduction(+ : adopted, carried) reduction(| : fail)
    {
        unsigned char *b = hrr_i_malloc(ctx, n + 1);
        long *dec = decisive ? hrr_i_calloc(ctx, n + 1, sizeof *dec) : NULL;
        if (!b || (decisive && !dec)) fail = 1;
#pragma omp for schedule(static)
        for (long blk = 0; blk < nblocks; blk++) {
            if (fail) continue;
            hrr_rng_t r;
            hrr_rng_init(&r, seed, (uint64_t)blk);
            long end = (blk + 1) * BLOCK < nruns ? (blk + 1) * BLOCK : nruns;
            for (long run = blk * BLOCK; run < end; run++) {
                long c[4] = {0, 0, 0, 0};
                const float *cl = cum + (levels > 1 ? (size_t)(hrr_rng_u32(&r) >> 29) * n * 3 : 0);
                for (size_t i = 0; i < n; i++) {
                    float u = hrr_rng_uniform32(&r);
                    const float *q = cl + i * 3;
                    unsigned char k = (unsigned char)((u >= q[0]) + (u >= q[1]) + (u >= q[2]));
                    b[i] = k;
                    c[k]++;
                }
                int ok = passes(adopt, motion, n1, c[0], c[1], c[2]);
                adopted += ok;
                if (motion && c[1] >= motion[c[0] * n1 + c[2]]) carried++;
                if (!dec) continue;
                for (size_t i = 0; i < n; i++) {
                    long y = c[0], no = c[1], ab = c[2];
                    int alt;
                    switch (b[i]) {
                    case 0: alt = passes(adopt, motion, n1, y - 1, no + 1, ab); break;
                    case 1: alt = passes(adopt, motion, n1, y + 1, no - 1, ab); break;
                    case 2:
                        alt = passes(adopt, motion, n1, y + 1, no, ab - 1) != ok ||
                                      passes(adopt, motion, n1, y, no + 1, ab - 1) != ok
                                  ? !ok
                                  : ok;
                        break;
                    default:
                        alt = passes(adopt, motion, n1, y + 1, no, ab) != ok ||
                                      passes(adopt, motion, n1, y, no + 1, ab) != ok
                                  ? !ok
                                  : ok;
                    }
                    dec[i] += alt != ok;
                }
            }
        }
        if (dec) {
#pragma omp critical
            for (size_t i = 0; i < n; i++) decisive[i] += dec[i];
        }
        hrr_i_free(ctx, b);
        hrr_i_free(ctx, dec);
    }
    hrr_i_free(ctx, cum);
    if (fail) return -1;
    if (motion_carried) *motion_carried = carried;
    return adopted;
}
