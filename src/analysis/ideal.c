/*
 * ideal.c - one-dimensional ideal points by EM (Imai, Lo and Olmsted 2016,
 * "Fast estimation of ideal points with massive data", APSR 110, section 2).
 *
 * Model: y*_ij = alpha_j + beta_j x_i + e_ij, e ~ N(0, 1), y_ij = 1[y* > 0];
 * priors x_i ~ N(0, 1), (alpha_j, beta_j) ~ N(0, 25 I). EM on the latent y*:
 *
 *   E-step   m = alpha_j + beta_j x_i;  E[y*] = m + phi(m)/Phi(m) if yes,
 *            m - phi(m)/(1 - Phi(m)) if no (missing votes are left out);
 *   M-step   (alpha_j, beta_j) = (X'X + I/25)^-1 X'y*_j over the states
 *            voting on j, X = [1, x_i];
 *            x_i = sum_j beta_j (y*_ij - alpha_j) / (1 + sum_j beta_j^2).
 *
 * Each iteration is O(observed votes). Iterations stop when the correlation
 * of successive x exceeds 1 - tol (the paper's criterion). Identification:
 * x is standardised to mean 0, sd 1, and turned so that the chosen state
 * (the United States by default) is positive.
 */
#include "vmat.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* phi(m)/Phi(m), stable for very negative m (where it tends to -m). */
static double mills_yes(double m)
{
    if (m < -30) return -m;
    return gsl_ran_ugaussian_pdf(m) / gsl_cdf_ugaussian_P(m);
}

hrr_err_t hrr_ideal_fit(const signed char *y, size_t ns, size_t nt, const hrr_ideal_opts_t *opts,
                        double *x, int *iters, int *converged)
{
    static const hrr_ideal_opts_t dflt;
    if (!opts) opts = &dflt;
    int max_iter = opts->max_iter > 0 ? opts->max_iter : 500;
    double tol = opts->tol > 0 ? opts->tol : 1e-6;
    double *a = hrr_i_calloc(nt, sizeof *a), *b = hrr_i_calloc(nt, sizeof *b);
    double *xprev = hrr_i_calloc(ns, sizeof *xprev);
    double *z = hrr_i_malloc(ns * nt * sizeof *z + 1);
    hrr_err_t rc = HRR_OK;
    int it = 0, conv = 0;
    if (!a || !b || !xprev || !z) {
        rc = HRR_ENOMEM;
        goto out;
    }
    /* start: each state's share of yes votes, standardised (a common,
     * deterministic start), items neutral */
    for (size_t i = 0; i < ns; i++) {
        long yes = 0, n = 0;
        for (size_t j = 0; j < nt; j++) {
            signed char v = y[i * nt + j];
            if (v >= 0) n++, yes += v;
        }
        x[i] = n ? (double)yes / (double)n : 0.5;
    }
    {
        double mu = gsl_stats_mean(x, 1, ns), sd = gsl_stats_sd(x, 1, ns);
        for (size_t i = 0; i < ns; i++) x[i] = sd > 0 ? (x[i] - mu) / sd : 0;
    }
    /* item start: regress the votes on the start */
    for (size_t j = 0; j < nt; j++) b[j] = 0.5;
    for (it = 1; it <= max_iter; it++) {
        memcpy(xprev, x, ns * sizeof *x);
        /* E-step: the latent utilities, once per iteration */
        for (size_t i = 0; i < ns; i++)
            for (size_t j = 0; j < nt; j++) {
                signed char v = y[i * nt + j];
                if (v < 0) continue;
                double m = a[j] + b[j] * x[i];
                z[i * nt + j] = v ? m + mills_yes(m) : m - mills_yes(-m);
            }
        /* M-step for items: ridge regression of z on [1, x] */
        for (size_t j = 0; j < nt; j++) {
            double s1 = 1.0 / 25, sx = 0, sxx = 1.0 / 25, sy = 0, sxy = 0;
            for (size_t i = 0; i < ns; i++) {
                if (y[i * nt + j] < 0) continue;
                double zz = z[i * nt + j];
                s1 += 1;
                sx += x[i];
                sxx += x[i] * x[i];
                sy += zz;
                sxy += x[i] * zz;
            }
            /* [s1 sx; sx sxx] [a b]' = [sy sxy]' */
            double det = s1 * sxx - sx * sx;
            if (det > 1e-12) {
                a[j] = (sxx * sy - sx * sxy) / det;
                b[j] = (s1 * sxy - sx * sy) / det;
            }
        }
        /* M-step for states, given the new items */
        for (size_t i = 0; i < ns; i++) {
            double nu = 0, de = 1;
            for (size_t j = 0; j < nt; j++) {
                if (y[i * nt + j] < 0) continue;
                nu += b[j] * (z[i * nt + j] - a[j]);
                de += b[j] * b[j];
            }
            x[i] = nu / de;
        }
        double r = gsl_stats_correlation(x, 1, xprev, 1, ns);
        if (it > 1 && 1 - fabs(r) < tol) {
            conv = 1;
            break;
        }
    }
    if (it > max_iter) it = max_iter;
    {
        double mu = gsl_stats_mean(x, 1, ns), sd = gsl_stats_sd(x, 1, ns);
        for (size_t i = 0; i < ns; i++) x[i] = sd > 0 ? (x[i] - mu) / sd : NAN;
    }
out:
    if (iters) *iters = it;
    if (converged) *converged = conv;
    hrr_i_free(a);
    hrr_i_free(b);
    hrr_i_free(xprev);
    hrr_i_free(z);
    return rc;
}

void hrr_ideal_free(hrr_ideal_t *r)
{
    if (!r) return;
    hrr_i_free(r->iso3);
    hrr_i_free(r->x);
    hrr_i_free(r->n);
    hrr_i_free(r);
}

hrr_err_t hrr_ideal_run(hrr_store_t *st, const hrr_scope_opts_t *scope, const hrr_ideal_opts_t *opts,
                        hrr_ideal_t **out)
{
    static const hrr_ideal_opts_t dflt;
    vmat_t m;
    hrr_err_t rc;
    signed char *y = NULL;
    size_t *keep_s = NULL, *keep_t = NULL;
    if (!opts) opts = &dflt;
    *out = NULL;
    if ((rc = hrr_i_vmat_load(st, scope, &m))) return rc;
    long min_votes = opts->min_votes > 0 ? opts->min_votes : 20;
    hrr_ideal_t *r = hrr_i_calloc(1, sizeof *r);
    keep_s = hrr_i_calloc(m.ns + 1, sizeof *keep_s);
    keep_t = hrr_i_calloc(m.nt + 1, sizeof *keep_t);
    if (!r || !keep_s || !keep_t) goto nomem;
    /* items with a yes and a no; states with enough yes/no votes on them */
    size_t nt = 0, ns = 0;
    for (size_t j = 0; j < m.nt; j++) {
        int yes = 0, no = 0;
        for (size_t i = 0; i < m.ns && !(yes && no); i++) {
            yes |= m.v[i * m.nt + j] == 1;
            no |= m.v[i * m.nt + j] == 2;
        }
        if (yes && no) keep_t[nt++] = j;
    }
    for (size_t i = 0; i < m.ns; i++) {
        long n = 0;
        for (size_t k = 0; k < nt; k++) {
            unsigned char v = m.v[i * m.nt + keep_t[k]];
            n += v == 1 || v == 2;
        }
        if (n >= min_votes) keep_s[ns++] = i;
    }
    if (!ns || !nt) {
        rc = hrr_i_seterr(st, HRR_ENOTFOUND, "no contested votes in %s in that period", scope->body);
        goto out;
    }
    if (!(y = hrr_i_malloc(ns * nt)) || !(r->iso3 = hrr_i_calloc(ns, sizeof *r->iso3)) ||
        !(r->x = hrr_i_calloc(ns, sizeof *r->x)) || !(r->n = hrr_i_calloc(ns, sizeof *r->n)))
        goto nomem;
    for (size_t a = 0; a < ns; a++) {
        snprintf(r->iso3[a], 4, "%s", m.iso3[keep_s[a]]);
        for (size_t k = 0; k < nt; k++) {
            unsigned char v = m.v[keep_s[a] * m.nt + keep_t[k]];
            y[a * nt + k] = v == 1 ? 1 : v == 2 ? 0 : -1;
            r->n[a] += v == 1 || v == 2;
        }
    }
    r->ns = ns;
    r->nt = nt;
    if ((rc = hrr_ideal_fit(y, ns, nt, opts, r->x, &r->iterations, &r->converged))) goto nomem;
    /* polarity: the chosen state on the positive side */
    const char *pos = opts->positive ? opts->positive : "USA";
    for (size_t a = 0; a < ns; a++)
        if (strcmp(r->iso3[a], pos) == 0 && r->x[a] < 0)
            for (size_t k = 0; k < ns; k++) r->x[k] = -r->x[k];
    goto out;
nomem:
    rc = hrr_i_seterr(st, HRR_ENOMEM, "out of memory");
out:
    hrr_i_free(y);
    hrr_i_free(keep_s);
    hrr_i_free(keep_t);
    hrr_i_vmat_destroy(&m);
    if (rc) {
        hrr_ideal_free(r);
        return rc;
    }
    *out = r;
    return HRR_OK;
}
