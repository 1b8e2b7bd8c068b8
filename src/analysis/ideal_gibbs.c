/*
 * ideal_gibbs.c - the posterior of the one-dimensional probit roll-call
 * model by Gibbs sampling with data augmentation (Albert and Chib 1993,
 * "Bayesian analysis of binary and polychotomous response data", JASA 88;
 * Clinton, Jackman and Rivers 2004, the model of pscl::ideal). One sweep:
 *
 *   z_ij | .    ~ N(a_j + b_j x_i, 1) truncated to (0, inf) for yes, (-inf, 0)
 *                 for no (inversion-free: a normal or half-normal proposal
 *                 near the mean, Robert's 1995 exponential proposal in the
 *                 tail; mcmc.h);
 *   x_i | .     ~ N(sum_j b_j (z_ij - a_j) / (1 + sum_j b_j^2), 1 / (1 + sum_j b_j^2));
 *   a_j, b_j | . ~ N(V X'z_j, V), V = (X'X + I/25)^-1, X = [1, x_i] over j's voters.
 *
 * Chains start from the EM estimate (hrr_ideal_fit) and draw from stream c
 * of the seed (src/core/rng.h), every normal by the ziggurat (mcmc.h);
 * kept draws are standardised and turned to a fixed side, then pooled. The
 * effective sample size of each state is coda's (mcmc.h) summed over the
 * chains, as coda's effectiveSize does for an mcmc.list.
 */
#include "ideal_em.h"
#include "mcmc.h"
#include "vmat.h"

#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One chain: KEEP draws of x (standardised, signed by REF) added to SUM and
 * SUMSQ and, if DRAWS, stored there (keep x ns, draw-major). */
static hrr_err_t chain(hrr_ctx_t *ctx, const ideal_data_t *d, const double *x0, const double *ref, long burn, long keep,
                       long thin, hrr_rng_t *r, double *sum, double *sumsq, double *draws)
{
    const hrr_zig_t *zt = hrr_i_zig_table();
    size_t ns = d->ns, nt = d->nt;
    double *x = hrr_i_malloc(ctx, ns * sizeof *x), *a = hrr_i_calloc(ctx, nt, sizeof *a), *b = hrr_i_calloc(ctx, nt, sizeof *b);
    double *nu = hrr_i_malloc(ctx, ns * sizeof *nu), *de = hrr_i_malloc(ctx, ns * sizeof *de);
    double *zs = hrr_i_malloc(ctx, (ns + 1) * sizeof *zs);
    if (!x || !a || !b || !nu || !de || !zs) {
        hrr_i_free(ctx, x), hrr_i_free(ctx, a), hrr_i_free(ctx, b), hrr_i_free(ctx, nu), hrr_i_free(ctx, de), hrr_i_free(ctx, zs);
        return HRR_ENOMEM;
    }
    memcpy(x, x0, ns * sizeof *x);
    for (size_t j = 0; j < nt; j++) b[j] = 0.5;
    long total = burn + keep * thin;
    for (long it = 0; it < total; it++) {
        for (size_t i = 0; i < ns; i++) nu[i] = 0, de[i] = 1;
        /* latent utilities, then the item given them and x */
        for (size_t j = 0; j < nt; j++) {
            double s1 = 1.0 / 25, sx = 0, sxx = 1.0 / 25, sz = 0, sxz = 0;
            for (size_t k = d->start[j]; k < d->start[j + 1]; k++) {
                size_t i = d->v[k] >> 2;
                double mu = a[j] + b[j] * x[i];
                double z = (d->v[k] & 3) ? mu + hrr_i_tn_lower(r, zt, -mu) : mu - hrr_i_tn_lower(r, zt, mu);
                zs[k - d->start[j]] = z;
                s1 += 1, sx += x[i], sxx += x[i] * x[i], sz += z, sxz += x[i] * z;
            }
            /* V = [s1 sx; sx sxx]^-1, mean V [sz sxz]; draw by Cholesky of V */
            double det = s1 * sxx - sx * sx;
            double v11 = sxx / det, v12 = -sx / det, v22 = s1 / det;
            double ma = v11 * sz + v12 * sxz, mb = v12 * sz + v22 * sxz;
            double l11 = sqrt(v11), l21 = v12 / l11, l22 = sqrt(v22 - l21 * l21 > 0 ? v22 - l21 * l21 : 0);
            double e1 = hrr_i_zig_normal(r, zt), e2 = hrr_i_zig_normal(r, zt);
            a[j] = ma + l11 * e1;
            b[j] = mb + l21 * e1 + l22 * e2;
            for (size_t k = d->start[j]; k < d->start[j + 1]; k++) {
                size_t i = d->v[k] >> 2;
                nu[i] += b[j] * (zs[k - d->start[j]] - a[j]);
                de[i] += b[j] * b[j];
            }
        }
        /* ideal points */
        for (size_t i = 0; i < ns; i++) x[i] = nu[i] / de[i] + hrr_i_zig_normal(r, zt) / sqrt(de[i]);
        if (it < burn || (it - burn) % thin) continue;
        /* keep: standardised, on the side of the reference */
        double mu = 0, ss = 0, c = 0;
        for (size_t i = 0; i < ns; i++) mu += x[i];
        mu /= (double)ns;
        for (size_t i = 0; i < ns; i++) ss += (x[i] - mu) * (x[i] - mu), c += (x[i] - mu) * ref[i];
        double s = sqrt(ss / (double)(ns > 1 ? ns - 1 : 1));
        if (!(s > 0)) s = 1;
        if (c < 0) s = -s;
        double *dr = draws ? draws + (size_t)((it - burn) / thin) * ns : NULL;
        for (size_t i = 0; i < ns; i++) {
            double v = (x[i] - mu) / s;
            sum[i] += v, sumsq[i] += v * v;
            if (dr) dr[i] = v;
        }
    }
    hrr_i_free(ctx, x), hrr_i_free(ctx, a), hrr_i_free(ctx, b), hrr_i_free(ctx, nu), hrr_i_free(ctx, de), hrr_i_free(ctx, zs);
    return HRR_OK;
}

hrr_err_t hrr_ideal_gibbs_fit(const signed char *y, size_t ns, size_t nt,
                              const hrr_ideal_gibbs_opts_t *opts, long pos, double *mean,
                              double *sd, hrr_ctx_t *ctx)
{
    return hrr_ideal_gibbs_fit_ess(y, ns, nt, opts, pos, mean, sd, NULL, ctx);
}

hrr_err_t hrr_ideal_gibbs_fit_ess(const signed char *y, size_t ns, size_t nt,
                                  const hrr_ideal_gibbs_opts_t *opts, long pos, double *mean,
                                  double *sd, double *ess, hrr_ctx_t *ctx)
{
    static const hrr_ideal_gibbs_opts_t dflt;
    if (!opts) opts = &dflt;
    long keep = opts->iter > 0 ? opts->iter : 2000, thin = opts->thin > 0 ? opts->thin : 1;
    long burn = opts->burn_set ? opts->burn : opts->burn > 0 ? opts->burn : 500;
    int nch = opts->chains > 0 ? opts->chains : 2;
    unsigned long seed = opts->seed ? opts->seed : 1;
    keep /= thin;
    if (keep < 1 || burn < 0 || !ns || !nt) return HRR_EINVAL;
    ideal_data_t d = {0};
    hrr_err_t rc = hrr_i_ideal_data_init(ctx, &d, y, ns, nt, 1);
    if (rc) return rc;
    double *x0 = hrr_i_malloc(ctx, ns * sizeof *x0), *ref = hrr_i_malloc(ctx, ns * sizeof *ref);
    double *sum = hrr_i_calloc(ctx, ns * (size_t)nch, sizeof *sum), *sq = hrr_i_calloc(ctx, ns * (size_t)nch, sizeof *sq);
    double *draws = ess ? hrr_i_malloc(ctx, ns * (size_t)keep * (size_t)nch * sizeof *draws) : NULL;
    if (!x0 || !ref || !sum || !sq || (ess && !draws)) {
        rc = HRR_ENOMEM;
        goto out;
    }
    hrr_ideal_opts_t eo = {.tol = 1e-5};
    if ((rc = hrr_ideal_fit(y, ns, nt, &eo, x0, NULL, NULL, ctx))) goto out;
    /* the side: the chosen state above the mean, else the side on which the
     * shares of yes rise */
    if (pos >= 0 && (size_t)pos < ns) {
        for (size_t i = 0; i < ns; i++) ref[i] = i == (size_t)pos ? 1 : 0;
        double m = 1.0 / (double)ns;
        for (size_t i = 0; i < ns; i++) ref[i] -= m;
    } else {
        for (size_t i = 0; i < ns; i++) {
            long yes = 0, n = 0;
            for (size_t j = 0; j < nt; j++)
                if (y[i * nt + j] >= 0) n++, yes += y[i * nt + j];
            ref[i] = n ? (double)yes / (double)n : 0.5;
        }
    }
    int fail = 0;
#pragma omp parallel for schedule(static, 1) reduction(| : fail)
    for (int c = 0; c < nch; c++) {
        hrr_rng_t r;
        hrr_rng_init(&r, seed, (uint64_t)c);
        if (chain(ctx, &d, x0, ref, burn, keep, thin, &r, sum + (size_t)c * ns, sq + (size_t)c * ns,
                  draws ? draws + (size_t)c * ns * (size_t)keep : NULL))
            fail = 1;
    }
    if (fail) {
        rc = HRR_ENOMEM;
        goto out;
    }
    /* pooled in chain order: the same sums whatever the threads */
    double n = (double)keep * nch;
    for (size_t i = 0; i < ns; i++) {
        double s = 0, q = 0;
        for (int c = 0; c < nch; c++) s += sum[(size_t)c * ns + i], q += sq[(size_t)c * ns + i];
        mean[i] = s / n;
        double v = q / n - mean[i] * mean[i];
        sd[i] = sqrt(v > 0 ? v * n / (n > 1 ? n - 1 : 1) : 0);
        if (ess) {
            ess[i] = 0;
            for (int c = 0; c < nch; c++) ess[i] += hrr_i_ess(draws + (size_t)c * ns * (size_t)keep + i, (size_t)keep, ns);
        }
    }
out:
    hrr_i_ideal_data_destroy(&d);
    hrr_i_free(ctx, x0);
    hrr_i_free(ctx, ref);
    hrr_i_free(ctx, sum);
    hrr_i_free(ctx, sq);
    hrr_i_free(ctx, draws);
    return rc;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

void hrr_ideal_gibbs_free(hrr_ideal_gibbs_t *g)
{
    if (!g) return;
    hrr_i_free(NULL, g->iso3);
    hrr_i_free(NULL, g->mean);
    hrr_i_free(NULL, g->sd);
    hrr_i_free(NULL, g->n);
    hrr_i_free(NULL, g->ess);
    hrr_i_free(NULL, g);
}

hrr_err_t hrr_ideal_gibbs_run(hrr_store_t *st, const hrr_scope_opts_t *scope,
                              const hrr_ideal_gibbs_opts_t *opts, hrr_ideal_gibbs_t **out)
{
    static const hrr_ideal_gibbs_opts_t dflt;
    vmat_t mt;
    hrr_err_t rc;
    signed char *y = NULL;
    size_t *keep_s = NULL, *keep_t = NULL;
    if (!opts) opts = &dflt;
    *out = NULL;
    if ((rc = hrr_i_vmat_load(st, scope, &mt))) return rc;
    long min_votes = opts->min_votes > 0 ? opts->min_votes : 20;
    hrr_ideal_gibbs_t *g = hrr_i_calloc(hrr_store_ctx(st), 1, sizeof *g);
    size_t nt = 0, ns = 0;
    if (!g) goto nomem;
    if ((rc = hrr_i_vmat_rollcall(hrr_store_ctx(st), &mt, min_votes, 0, &y, &keep_s, &ns, &keep_t, &nt))) {
        if (rc == HRR_ENOMEM) goto nomem;
        rc = hrr_i_seterr(st, HRR_ENOTFOUND, "no contested votes in %s in that period", scope->body);
        goto out;
    }
    if (!(g->iso3 = hrr_i_calloc(hrr_store_ctx(st), ns, sizeof *g->iso3)) || !(g->mean = hrr_i_calloc(hrr_store_ctx(st), ns, sizeof *g->mean)) ||
        !(g->sd = hrr_i_calloc(hrr_store_ctx(st), ns, sizeof *g->sd)) || !(g->n = hrr_i_calloc(hrr_store_ctx(st), ns, sizeof *g->n)) ||
        !(g->ess = hrr_i_calloc(hrr_store_ctx(st), ns, sizeof *g->ess)))
        goto nomem;
    long pos = -1;
    const char *pz = opts->positive ? opts->positive : "USA";
    for (size_t a = 0; a < ns; a++) {
        snprintf(g->iso3[a], 4, "%s", mt.iso3[keep_s[a]]);
        if (!strcmp(g->iso3[a], pz)) pos = (long)a;
        for (size_t k = 0; k < nt; k++) g->n[a] += y[a * nt + k] >= 0;
    }
    g->ns = ns, g->nt = nt;
    g->chains = opts->chains > 0 ? opts->chains : 2;
    g->kept = (opts->iter > 0 ? opts->iter : 2000) / (opts->thin > 0 ? opts->thin : 1);
    double t0 = omp_get_wtime();
    if ((rc = hrr_ideal_gibbs_fit_ess(y, ns, nt, opts, pos, g->mean, g->sd, g->ess, hrr_store_ctx(st)))) {
        rc = hrr_i_seterr(st, rc, rc == HRR_ENOMEM ? "out of memory" : "Gibbs sampler: bad options");
        goto out;
    }
    g->seconds = omp_get_wtime() - t0;
    {
        double *tmp = hrr_i_malloc(hrr_store_ctx(st), ns * sizeof *tmp);
        if (!tmp) goto nomem;
        memcpy(tmp, g->ess, ns * sizeof *tmp);
        qsort(tmp, ns, sizeof *tmp, cmp_double);
        g->ess_median = ns % 2 ? tmp[ns / 2] : 0.5 * (tmp[ns / 2 - 1] + tmp[ns / 2]);
        hrr_i_free(hrr_store_ctx(st), tmp);
    }
    goto out;
nomem:
    rc = hrr_i_seterr(st, HRR_ENOMEM, "out of memory");
out:
    hrr_i_free(hrr_store_ctx(st), y);
    hrr_i_free(hrr_store_ctx(st), keep_s);
    hrr_i_free(hrr_store_ctx(st), keep_t);
    hrr_i_vmat_destroy(&mt);
    if (rc) {
        hrr_ideal_gibbs_free(g);
        return rc;
    }
    *out = g;
    return HRR_OK;
}
