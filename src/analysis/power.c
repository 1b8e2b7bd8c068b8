/*
 * power.c - a priori voting power in weighted games, exactly, by generating
 * functions (Brams and Affuso 1976, "Power and size: a new paradox", Theory
 * and Decision 7; Bilbao, Fernandez, Jimenez Losada and Lopez 2000,
 * "Generating functions for computing power indices efficiently", TOP 8).
 *
 * Player i swings in coalition S (i not in S) when w(S) < q <= w(S) + w_i.
 * With c_i(k) the number of coalitions of the others weighing k -- the
 * coefficients of prod_{j != i} (1 + x^{w_j}) --
 *
 *   Banzhaf swings  eta_i = sum_{k = q - w_i}^{q - 1} c_i(k)
 *   (Banzhaf 1965, "Weighted voting doesn't work", Rutgers Law Review 19),
 *   normalised beta_i = eta_i / sum_j eta_j, absolute eta_i / 2^(n-1).
 *
 * For Shapley-Shubik (Shapley and Shubik 1954, "A method for evaluating the
 * distribution of power in a committee system", APSR 48) the coalitions are
 * also counted by size s, c_i(s, k), and
 *
 *   phi_i = sum_s s! (n - s - 1)! / n! * sum_{k = q - w_i}^{q - 1} c_i(s, k).
 *
 * Counts are doubles: exact up to 2^53, and for larger bodies (193 members)
 * relative error ~1e-15, far below what an index is read to. The weights
 * polynomial of all players is built once and each player's is obtained by
 * dividing out (1 + x^{w_i}) (c_i(k) = C(k) - c_i(k - w_i)), so Banzhaf costs
 * O(n W) in all, Shapley-Shubik O(n^2 W).
 */
#include "core/core.h"
#include "hrr.h"

#include <math.h>
#include <string.h>

hrr_err_t hrr_power_indices(const long *w, size_t n, long quota, double *banzhaf,
                            double *banzhaf_abs, double *shapley, hrr_ctx_t *ctx)
{
    hrr_err_t rc = HRR_OK;
    long total = 0;
    double *all = NULL, *ci = NULL, *alls = NULL, *cis = NULL, *fact = NULL;
    if (!w || n == 0 || n > 1000 || quota <= 0) return HRR_EINVAL;
    for (size_t i = 0; i < n; i++) {
        if (w[i] <= 0 || w[i] > 100000) return HRR_EINVAL;
        total += w[i];
        if (total > 100000) return HRR_EINVAL;
    }
    size_t W = (size_t)total + 1;
    if (!(all = hrr_i_calloc(ctx, W, sizeof *all)) || !(ci = hrr_i_calloc(ctx, W, sizeof *ci))) {
        rc = HRR_ENOMEM;
        goto out;
    }
    /* C(x) = prod_j (1 + x^{w_j}) */
    all[0] = 1;
    long upto = 0;
    for (size_t j = 0; j < n; j++) {
        for (long k = upto; k >= 0; k--) all[k + w[j]] += all[k];
        upto += w[j];
    }
    if (banzhaf || banzhaf_abs) {
        double sum = 0;
        double *eta = banzhaf ? banzhaf : banzhaf_abs;
        for (size_t i = 0; i < n; i++) {
            /* c_i(k) = C(k) - c_i(k - w_i) */
            for (long k = 0; k <= total; k++) ci[k] = all[k] - (k >= w[i] ? ci[k - w[i]] : 0);
            double s = 0;
            for (long k = quota - w[i] < 0 ? 0 : quota - w[i]; k <= quota - 1 && k <= total; k++)
                s += ci[k];
            eta[i] = s;
            sum += s;
        }
        double half = ldexp(1.0, -(int)(n - 1));
        for (size_t i = 0; i < n; i++) {
            double e = eta[i];
            if (banzhaf_abs) banzhaf_abs[i] = e * half;
            if (banzhaf) banzhaf[i] = sum > 0 ? e / sum : NAN;
        }
    }
    if (shapley) {
        /* by size: A(s, k) coalitions of s players weighing k, all players */
        size_t S = n + 1;
        if (!(alls = hrr_i_calloc(ctx, S * W, sizeof *alls)) ||
            !(cis = hrr_i_calloc(ctx, S * W, sizeof *cis)) || !(fact = hrr_i_calloc(ctx, n, sizeof *fact))) {
            rc = HRR_ENOMEM;
            goto out;
        }
        alls[0] = 1;
        upto = 0;
        for (size_t j = 0; j < n; j++) {
            for (size_t s = j + 1; s >= 1; s--)
                for (long k = upto; k >= 0; k--) alls[s * W + (size_t)(k + w[j])] += alls[(s - 1) * W + (size_t)k];
            upto += w[j];
        }
        /* weight of a coalition of size s: s! (n-s-1)! / n!, as a product
         * of ratios to stay in range for n = 193 */
        for (size_t s = 0; s < n; s++) {
            double f = 1.0 / (double)n;
            for (size_t t = 1; t <= s; t++) f *= (double)t / (double)(n - t);
            fact[s] = f;
        }
        for (size_t i = 0; i < n; i++) {
            /* c_i(s, k) = A(s, k) - c_i(s - 1, k - w_i) */
            double phi = 0;
            for (size_t s = 0; s < n; s++) {
                for (long k = 0; k <= total; k++) {
                    double v = alls[s * W + (size_t)k];
                    if (s > 0 && k >= w[i]) v -= cis[(s - 1) * W + (size_t)(k - w[i])];
                    cis[s * W + (size_t)k] = v;
                }
                double cnt = 0;
                for (long k = quota - w[i] < 0 ? 0 : quota - w[i]; k <= quota - 1 && k <= total; k++)
                    cnt += cis[s * W + (size_t)k];
                phi += cnt * fact[s];
            }
            shapley[i] = phi;
        }
        if (quota > total)
            for (size_t i = 0; i < n; i++) shapley[i] = NAN;
    }
out:
    hrr_i_free(ctx, all);
    hrr_i_free(ctx, ci);
    hrr_i_free(ctx, alls);
    hrr_i_free(ctx, cis);
    hrr_i_free(ctx, fact);
    return rc;
}
