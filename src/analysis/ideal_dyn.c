/*
 * ideal_dyn.c - dynamic ideal points: a random walk of each state's ideal
 * point across the years (Martin and Quinn 2002), fitted by EM as in Imai,
 * Lo and Olmsted (2016, section 4; emIRT's dynIRT). Each iteration:
 *
 *   latent utilities  z_ij = E[y*_ij] = mu + phi(mu)/Phi(mu) if yes,
 *                     mu - phi(mu)/(1 - Phi(mu)) if no, mu = a_j + b_j m_it;
 *   paths             given the items, z_ij - a_j = b_j x_it + e is a
 *                     linear-Gaussian observation of the walk: per state and
 *                     year the information A = sum b_j^2 and B = sum b_j
 *                     (z_ij - a_j); a Kalman filter forward (prior N(0, 1) in
 *                     the first year, variance + omega^2 a year) and a
 *                     Rauch-Tung-Striebel smoother back give each year's mean
 *                     m_it and variance P_it;
 *   items             (a_j, b_j) by ridge regression of z on [1, x] with the
 *                     moments E[x] = m, E[x^2] = m^2 + P, prior N(0, 25 I).
 *
 * Years between a state's first and last vote without votes are bridged by
 * the walk (A = 0). Stops when the correlation of successive paths exceeds
 * 1 - tol. The votes are the item-major store of ideal_em.h.
 */
#include "ideal_em.h"
#include "vmat.h"

#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

hrr_err_t hrr_ideal_dyn_fit(const signed char *y, size_t ns, size_t nt, const int *year,
                            const hrr_ideal_dyn_opts_t *opts, const double *start, double *x,
                            double *sd, int *iters, int *converged, hrr_ctx_t *ctx)
{
    static const hrr_ideal_dyn_opts_t dflt;
    hrr_i_init(); /* reaches GSL without a store */
    if (!opts) opts = &dflt;
    if (opts->omega < 0 || !ns || !nt) return HRR_EINVAL;
    double w2 = opts->omega > 0 ? opts->omega * opts->omega : 0.01;
    int max_iter = opts->max_iter > 0 ? opts->max_iter : 500;
    double tol = opts->tol > 0 ? opts->tol : 1e-6;
    int y0 = year[0], y1 = year[0];
    for (size_t j = 1; j < nt; j++) y0 = year[j] < y0 ? year[j] : y0, y1 = year[j] > y1 ? year[j] : y1;
    size_t ny = (size_t)(y1 - y0 + 1), nc = ns * ny;
    ideal_data_t d = {0};
    hrr_err_t rc = hrr_i_ideal_data_init(ctx, &d, y, ns, nt, 1);
    if (rc) return rc;
    double *a = hrr_i_calloc(ctx, nt, sizeof *a), *b = hrr_i_calloc(ctx, nt, sizeof *b);
    double *m = hrr_i_calloc(ctx, nc, sizeof *m), *P = hrr_i_calloc(ctx, nc, sizeof *P);
    double *mf = hrr_i_calloc(ctx, nc, sizeof *mf), *Pf = hrr_i_calloc(ctx, nc, sizeof *Pf);
    double *A = hrr_i_calloc(ctx, nc, sizeof *A), *B = hrr_i_calloc(ctx, nc, sizeof *B);
    double *prev = hrr_i_calloc(ctx, nc, sizeof *prev), *z = hrr_i_malloc(ctx, (d.start[nt] + 1) * sizeof *z);
    int *first = hrr_i_malloc(ctx, (ns + 1) * sizeof *first), *last = hrr_i_malloc(ctx, (ns + 1) * sizeof *last);
    double *cur = hrr_i_malloc(ctx, (nc + 1) * sizeof *cur), *old = hrr_i_malloc(ctx, (nc + 1) * sizeof *old);
    int it = 0, conv = 0;
    if (!a || !b || !m || !P || !mf || !Pf || !A || !B || !prev || !z || !first || !last || !cur || !old) {
        rc = HRR_ENOMEM;
        goto out;
    }
    /* each state's span of years */
    for (size_t i = 0; i < ns; i++) first[i] = (int)ny, last[i] = -1;
    for (size_t j = 0; j < nt; j++)
        for (size_t k = d.start[j]; k < d.start[j + 1]; k++) {
            size_t i = d.v[k] >> 2;
            int t = year[j] - y0;
            if (t < first[i]) first[i] = t;
            if (t > last[i]) last[i] = t;
        }
    /* start: the static points (or each state's share of yes), every year */
    for (size_t i = 0; i < ns; i++) {
        double s0 = 0;
        if (start) {
            s0 = start[i];
        } else {
            long yes = 0, n = 0;
            for (size_t j = 0; j < nt; j++)
                if (y[i * nt + j] >= 0) n++, yes += y[i * nt + j];
            s0 = n ? (double)yes / (double)n - 0.5 : 0;
        }
        for (size_t t = 0; t < ny; t++) m[i * ny + t] = s0, P[i * ny + t] = 0.1;
    }
    /* items from pseudo-utilities +-0.8 */
    for (size_t k = 0; k < d.start[nt]; k++) z[k] = (d.v[k] & 3) ? 0.8 : -0.8;
    for (it = 0; it <= max_iter; it++) {
        /* items: ridge regression of z on [1, x] with the path's moments */
        for (size_t j = 0; j < nt; j++) {
            double s1 = 1.0 / 25, sx = 0, sxx = 1.0 / 25, sy = 0, sxy = 0;
            size_t t = (size_t)(year[j] - y0);
            for (size_t k = d.start[j]; k < d.start[j + 1]; k++) {
                size_t c = (size_t)(d.v[k] >> 2) * ny + t;
                double xm = m[c];
                s1 += 1, sx += xm, sxx += xm * xm + P[c], sy += z[k], sxy += xm * z[k];
            }
            double det = s1 * sxx - sx * sx;
            if (det > 1e-12) a[j] = (sxx * sy - sx * sxy) / det, b[j] = (s1 * sxy - sx * sy) / det;
        }
        if (it == max_iter) break;
        /* latent utilities and each state-year's information */
        memset(A, 0, nc * sizeof *A);
        memset(B, 0, nc * sizeof *B);
        for (size_t j = 0; j < nt; j++) {
            size_t t = (size_t)(year[j] - y0);
            for (size_t k = d.start[j]; k < d.start[j + 1]; k++) {
                size_t c = (size_t)(d.v[k] >> 2) * ny + t;
                double mu = a[j] + b[j] * m[c];
                z[k] = (d.v[k] & 3) ? mu + hrr_i_ideal_mills(mu) : mu - hrr_i_ideal_mills(-mu);
                A[c] += b[j] * b[j];
                B[c] += b[j] * (z[k] - a[j]);
            }
        }
        /* paths: Kalman filter forward, RTS smoother back */
        for (size_t i = 0; i < ns; i++) {
            if (last[i] < 0) continue;
            double *mi = m + i * ny, *Pi = P + i * ny, *fi = mf + i * ny, *gi = Pf + i * ny;
            const double *Ai = A + i * ny, *Bi = B + i * ny;
            for (int t = first[i]; t <= last[i]; t++) {
                double mp = t == first[i] ? 0 : fi[t - 1], pp = t == first[i] ? 1 : gi[t - 1] + w2;
                gi[t] = 1 / (1 / pp + Ai[t]);
                fi[t] = gi[t] * (mp / pp + Bi[t]);
            }
            mi[last[i]] = fi[last[i]], Pi[last[i]] = gi[last[i]];
            for (int t = last[i] - 1; t >= first[i]; t--) {
                double pp = gi[t] + w2, J = gi[t] / pp;
                mi[t] = fi[t] + J * (mi[t + 1] - fi[t]);
                Pi[t] = gi[t] + J * J * (Pi[t + 1] - pp);
            }
        }
        /* convergence: the paths against the previous iteration's */
        size_t n = 0;
        for (size_t i = 0; i < ns; i++)
            for (int t = first[i]; t <= last[i]; t++) cur[n] = m[i * ny + (size_t)t], old[n] = prev[n], n++;
        if (it > 0 && n > 2 && 1 - fabs(gsl_stats_correlation(cur, 1, old, 1, n)) < tol) {
            conv = 1;
            it++;
            break;
        }
        memcpy(prev, cur, n * sizeof *cur);
    }
    /* identify: standardise over the defined state-years */
    {
        size_t n = 0;
        for (size_t i = 0; i < ns; i++)
            for (int t = first[i]; t <= last[i]; t++) cur[n++] = m[i * ny + (size_t)t];
        double mu = gsl_stats_mean(cur, 1, n), s = n > 1 ? gsl_stats_sd(cur, 1, n) : 1;
        if (!(s > 0)) s = 1;
        for (size_t i = 0; i < ns; i++)
            for (size_t t = 0; t < ny; t++) {
                int in = (int)t >= first[i] && (int)t <= last[i];
                x[i * ny + t] = in ? (m[i * ny + t] - mu) / s : NAN;
                if (sd) sd[i * ny + t] = in ? sqrt(P[i * ny + t] > 0 ? P[i * ny + t] : 0) / s : NAN;
            }
    }
out:
    if (iters) *iters = it;
    if (converged) *converged = conv;
    hrr_i_ideal_data_destroy(&d);
    hrr_i_free(ctx, a);
    hrr_i_free(ctx, b);
    hrr_i_free(ctx, m);
    hrr_i_free(ctx, P);
    hrr_i_free(ctx, mf);
    hrr_i_free(ctx, Pf);
    hrr_i_free(ctx, A);
    hrr_i_free(ctx, B);
    hrr_i_free(ctx, prev);
    hrr_i_free(ctx, z);
    hrr_i_free(ctx, first);
    hrr_i_free(ctx, last);
    hrr_i_free(ctx, cur);
    hrr_i_free(ctx, old);
    return rc;
}

void hrr_ideal_dyn_free(hrr_ideal_dyn_t *r)
{
    if (!r) return;
    hrr_i_free(NULL, r->r);
    hrr_i_free(NULL, r);
}

hrr_err_t hrr_ideal_dyn_run(hrr_store_t *st, const hrr_scope_opts_t *scope,
                            const hrr_ideal_dyn_opts_t *opts, hrr_ideal_dyn_t **out)
{
    static const hrr_ideal_dyn_opts_t dflt;
    vmat_t mt;
    hrr_err_t rc;
    signed char *y = NULL;
    size_t *keep_s = NULL, *keep_t = NULL;
    int *yr = NULL;
    double *x = NULL, *sd = NULL, *x0 = NULL;
    long *cnt = NULL;
    if (!opts) opts = &dflt;
    *out = NULL;
    if (opts->omega < 0) return hrr_i_seterr(st, HRR_EINVAL, "omega must be >= 0");
    if ((rc = hrr_i_vmat_load(st, scope, &mt))) return rc;
    long min_votes = opts->min_votes > 0 ? opts->min_votes : 20;
    hrr_ideal_dyn_t *r = hrr_i_calloc(hrr_store_ctx(st), 1, sizeof *r);
    size_t nt = 0, ns = 0;
    if (!r) goto nomem;
    if ((rc = hrr_i_vmat_rollcall(hrr_store_ctx(st), &mt, min_votes, 0, &y, &keep_s, &ns, &keep_t, &nt))) {
        if (rc == HRR_ENOMEM) goto nomem;
        rc = hrr_i_seterr(st, HRR_ENOTFOUND, "no contested votes in %s in that period", scope->body);
        goto out;
    }
    if (!(yr = hrr_i_malloc(hrr_store_ctx(st), nt * sizeof *yr)) || !(x0 = hrr_i_malloc(hrr_store_ctx(st), ns * sizeof *x0))) goto nomem;
    for (size_t k = 0; k < nt; k++) yr[k] = mt.year[keep_t[k]];
    int y0 = yr[0], y1 = yr[nt - 1];
    for (size_t k = 0; k < nt; k++) y0 = yr[k] < y0 ? yr[k] : y0, y1 = yr[k] > y1 ? yr[k] : y1;
    size_t ny = (size_t)(y1 - y0 + 1);
    if (!(x = hrr_i_malloc(hrr_store_ctx(st), ns * ny * sizeof *x)) || !(sd = hrr_i_malloc(hrr_store_ctx(st), ns * ny * sizeof *sd)) ||
        !(cnt = hrr_i_calloc(hrr_store_ctx(st), ns * ny, sizeof *cnt)))
        goto nomem;
    /* start from the static fit */
    hrr_ideal_opts_t so = {.tol = 1e-5};
    if ((rc = hrr_ideal_fit(y, ns, nt, &so, x0, NULL, NULL, hrr_store_ctx(st)))) goto fail;
    if ((rc = hrr_ideal_dyn_fit(y, ns, nt, yr, opts, x0, x, sd, &r->iterations, &r->converged, hrr_store_ctx(st)))) goto fail;
    for (size_t a = 0; a < ns; a++)
        for (size_t k = 0; k < nt; k++) cnt[a * ny + (size_t)(yr[k] - y0)] += y[a * nt + k] >= 0;
    size_t rows = 0;
    for (size_t c = 0; c < ns * ny; c++) rows += !isnan(x[c]);
    if (!(r->r = hrr_i_calloc(hrr_store_ctx(st), rows + 1, sizeof *r->r))) goto nomem;
    /* polarity: the chosen state's mean positive */
    const char *pos = opts->positive ? opts->positive : "USA";
    double sign = 1;
    for (size_t a = 0; a < ns; a++)
        if (!strcmp(mt.iso3[keep_s[a]], pos)) {
            double s = 0;
            for (size_t t = 0; t < ny; t++)
                if (!isnan(x[a * ny + t])) s += x[a * ny + t];
            if (s < 0) sign = -1;
        }
    for (size_t a = 0; a < ns; a++)
        for (size_t t = 0; t < ny; t++) {
            size_t c = a * ny + t;
            if (isnan(x[c])) continue;
            hrr_ideal_dyn_row_t *w = &r->r[r->n++];
            snprintf(w->iso3, sizeof w->iso3, "%s", mt.iso3[keep_s[a]]);
            w->year = y0 + (int)t;
            w->x = sign * x[c];
            w->sd = sd[c];
            w->n = cnt[c];
        }
    r->ns = ns;
    r->nt = nt;
    goto out;
fail:
    rc = hrr_i_seterr(st, rc, rc == HRR_ENOMEM ? "out of memory" : "dynamic ideal points: bad input");
    goto out;
nomem:
    rc = hrr_i_seterr(st, HRR_ENOMEM, "out of memory");
out:
    hrr_i_free(hrr_store_ctx(st), y);
    hrr_i_free(hrr_store_ctx(st), yr);
    hrr_i_free(hrr_store_ctx(st), x);
    hrr_i_free(hrr_store_ctx(st), sd);
    hrr_i_free(hrr_store_ctx(st), x0);
    hrr_i_free(hrr_store_ctx(st), cnt);
    hrr_i_free(hrr_store_ctx(st), keep_s);
    hrr_i_free(hrr_store_ctx(st), keep_t);
    hrr_i_vmat_destroy(&mt);
    if (rc) {
        hrr_ideal_dyn_free(r);
        return rc;
    }
    *out = r;
    return HRR_OK;
}
