/*
 * ideal.c - ideal points by EM (Imai, Lo and Olmsted 2016): the public
 * face of the engine in ideal_em.c. Fits on a matrix (hrr_ideal_fit), with
 * parametric-bootstrap standard errors (hrr_ideal_fit_se, OpenMP over the
 * replicates, one random stream per replicate), and on a body's votes in
 * the store (hrr_ideal_run: items with two different votes, states with
 * enough votes, the chosen state on the positive side).
 */
#include "ideal_em.h"
#include "vmat.h"

#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* Fit Y; on success *DATA and *PAR hold the votes and the raw estimate (the
 * caller destroys them) and X the identified points. */
static hrr_err_t fit(hrr_ctx_t *ctx, const signed char *y, size_t ns, size_t nt, const hrr_ideal_opts_t *opts,
                     ideal_data_t *data, ideal_par_t *par, double *x, int *iters, int *converged)
{
    int dims = opts->dims ? opts->dims : 1, ord = opts->model == HRR_IDEAL_ORDINAL;
    int max_iter = opts->max_iter > 0 ? opts->max_iter : 500;
    double tol = opts->tol > 0 ? opts->tol : 1e-6;
    ideal_work_t w;
    hrr_err_t rc;
    memset(par, 0, sizeof *par);
    if (dims < 1 || dims > 2 || (ord && dims != 1) ||
        (opts->model != HRR_IDEAL_BINARY && opts->model != HRR_IDEAL_ORDINAL) || !ns)
        return HRR_EINVAL;
    if ((rc = hrr_i_ideal_data_init(ctx, data, y, ns, nt, ord ? 2 : 1))) return rc;
    if ((rc = hrr_i_ideal_par_init(ctx, par, ns, nt, dims, ord))) goto fail;
    if ((rc = hrr_i_ideal_work_init(ctx, &w, ns, nt, dims))) goto fail;
    hrr_i_ideal_start(data, par, &w);
    hrr_i_ideal_em(data, par, &w, max_iter, tol, iters, converged);
    hrr_i_ideal_identify(ns, dims, par->x, x);
    hrr_i_ideal_work_destroy(&w);
    return HRR_OK;
fail:
    hrr_i_ideal_par_destroy(par);
    hrr_i_ideal_data_destroy(data);
    return rc;
}

hrr_err_t hrr_ideal_fit(const signed char *y, size_t ns, size_t nt, const hrr_ideal_opts_t *opts,
                        double *x, int *iters, int *converged, hrr_ctx_t *ctx)
{
    static const hrr_ideal_opts_t dflt;
    ideal_data_t data;
    ideal_par_t par;
    hrr_err_t rc = fit(ctx, y, ns, nt, opts ? opts : &dflt, &data, &par, x, iters, converged);
    if (rc) return rc;
    hrr_i_ideal_par_destroy(&par);
    hrr_i_ideal_data_destroy(&data);
    return HRR_OK;
}

/* Per-thread state of the bootstrap. */
typedef struct boot_slot {
    ideal_work_t w;     /* EM scratch */
    ideal_par_t par;    /* the replicate's parameters */
    ideal_data_t data;  /* the estimate's pattern with simulated votes */
} boot_slot_t;

/* SE (ns) from REPS refits of data simulated from PAR (raw estimate, with
 * identified points X) on DATA's pattern. */
static hrr_err_t bootstrap(hrr_ctx_t *ctx, const ideal_data_t *data, const ideal_par_t *par, const double *x,
                           const hrr_ideal_opts_t *opts, double *se)
{
    const size_t ns = data->ns, nt = data->nt, nv = data->start[nt];
    const int reps = opts->se_reps, nth = omp_get_max_threads();
    int max_iter = opts->max_iter > 0 ? opts->max_iter : 500;
    double tol = opts->tol > 0 ? opts->tol : 1e-6;
    uint64_t seed = opts->seed ? opts->seed : 1;
    hrr_err_t rc = HRR_OK;
    double *res = hrr_i_malloc(ctx, (size_t)reps * ns * sizeof *res);
    boot_slot_t *sl = hrr_i_calloc(ctx, (size_t)nth, sizeof *sl);
    if (!res || !sl) {
        rc = HRR_ENOMEM;
        goto out;
    }
    for (int t = 0; t < nth; t++) {
        boot_slot_t *s = &sl[t];
        s->data = *data;
        s->data.v = hrr_i_malloc(ctx, (nv + 1) * sizeof *s->data.v);
        if (!s->data.v || hrr_i_ideal_work_init(ctx, &s->w, ns, nt, par->dims) ||
            hrr_i_ideal_par_init(ctx, &s->par, ns, nt, par->dims, par->ordinal)) {
            rc = HRR_ENOMEM;
            goto out;
        }
    }
#pragma omp parallel for schedule(dynamic, 1) num_threads(nth)
    for (int r = 0; r < reps; r++) {
        boot_slot_t *s = &sl[omp_get_thread_num()];
        double *xr = res + (size_t)r * ns;
        hrr_rng_t rng;
        hrr_rng_init(&rng, seed, (uint64_t)r);
        hrr_i_ideal_simulate(data, par, &rng, s->data.v);
        hrr_i_ideal_par_copy(&s->par, par, ns, nt);
        hrr_i_ideal_em(&s->data, &s->par, &s->w, max_iter, tol, NULL, NULL);
        hrr_i_ideal_identify(ns, 1, s->par.x, xr);
        double dot = 0;
        for (size_t i = 0; i < ns; i++) dot += xr[i] * x[i];
        if (dot < 0)
            for (size_t i = 0; i < ns; i++) xr[i] = -xr[i];
    }
    /* sd over the replicates, in a fixed order */
    for (size_t i = 0; i < ns; i++) {
        double m = 0, v = 0;
        for (int r = 0; r < reps; r++) m += res[(size_t)r * ns + i];
        m /= reps;
        for (int r = 0; r < reps; r++) {
            double e = res[(size_t)r * ns + i] - m;
            v += e * e;
        }
        se[i] = reps > 1 ? sqrt(v / (reps - 1)) : NAN;
    }
out:
    for (int t = 0; sl && t < nth; t++) {
        hrr_i_free(ctx, sl[t].data.v);
        hrr_i_ideal_work_destroy(&sl[t].w);
        hrr_i_ideal_par_destroy(&sl[t].par);
    }
    hrr_i_free(ctx, sl);
    hrr_i_free(ctx, res);
    return rc;
}

/* hrr_ideal_fit_se, with the wall times of the fit and the bootstrap in
 * SECS[0..1] (may be NULL). */
static hrr_err_t fit_se(hrr_ctx_t *ctx, const signed char *y, size_t ns, size_t nt, const hrr_ideal_opts_t *opts,
                        double *x, double *se, int *iters, int *converged, double *secs)
{
    static const hrr_ideal_opts_t dflt;
    ideal_data_t data;
    ideal_par_t par;
    hrr_err_t rc;
    if (!opts) opts = &dflt;
    if (opts->se_reps < 0 || (opts->se_reps > 0 && opts->dims > 1)) return HRR_EINVAL;
    double t0 = now_s();
    if ((rc = fit(ctx, y, ns, nt, opts, &data, &par, x, iters, converged))) return rc;
    double t1 = now_s();
    if (se && opts->se_reps > 0)
        rc = bootstrap(ctx, &data, &par, x, opts, se);
    else if (se)
        for (size_t i = 0; i < ns; i++) se[i] = NAN;
    if (secs) {
        secs[0] = t1 - t0;
        secs[1] = now_s() - t1;
    }
    hrr_i_ideal_par_destroy(&par);
    hrr_i_ideal_data_destroy(&data);
    return rc;
}

hrr_err_t hrr_ideal_fit_se(const signed char *y, size_t ns, size_t nt,
                           const hrr_ideal_opts_t *opts, double *x, double *se, int *iters,
                           int *converged, hrr_ctx_t *ctx)
{
    return fit_se(ctx, y, ns, nt, opts, x, se, iters, converged, NULL);
}

hrr_err_t hrr_ideal_simulate(size_t ns, size_t nt, int dims, int model, double missing,
                             unsigned long seed, signed char *y, double *truth)
{
    hrr_rng_t rng;
    if (dims < 1 || dims > 2 || (model != HRR_IDEAL_BINARY && model != HRR_IDEAL_ORDINAL) ||
        (model == HRR_IDEAL_ORDINAL && dims != 1) || !(missing >= 0 && missing < 1))
        return HRR_EINVAL;
    hrr_rng_init(&rng, seed, 0);
    for (size_t i = 0; i < ns; i++)
        for (int q = 0; q < dims; q++) truth[i * dims + q] = (q ? 0.6 : 1.0) * hrr_rng_normal(&rng);
    for (size_t j = 0; j < nt; j++) {
        double a = 0.5 * hrr_rng_normal(&rng), b[2] = {0, 0};
        for (int q = 0; q < dims; q++) b[q] = 1.5 * hrr_rng_normal(&rng);
        double tau = 0.2 + fabs(0.8 * hrr_rng_normal(&rng));
        for (size_t i = 0; i < ns; i++) {
            double ys = a + hrr_rng_normal(&rng);
            for (int q = 0; q < dims; q++) ys += b[q] * truth[i * dims + q];
            signed char v = model == HRR_IDEAL_ORDINAL ? (ys < 0 ? 0 : ys < tau ? 1 : 2) : ys > 0;
            y[i * nt + j] = hrr_rng_uniform(&rng) < missing ? -1 : v;
        }
    }
    return HRR_OK;
}

void hrr_ideal_free(hrr_ideal_t *r)
{
    if (!r) return;
    hrr_i_free(NULL, r->iso3);
    hrr_i_free(NULL, r->x);
    hrr_i_free(NULL, r->x2);
    hrr_i_free(NULL, r->se);
    hrr_i_free(NULL, r->n);
    hrr_i_free(NULL, r);
}

hrr_err_t hrr_ideal_run(hrr_store_t *st, const hrr_scope_opts_t *scope, const hrr_ideal_opts_t *opts,
                        hrr_ideal_t **out)
{
    static const hrr_ideal_opts_t dflt;
    vmat_t m;
    hrr_err_t rc;
    signed char *y = NULL;
    double *xx = NULL;
    size_t *keep_s = NULL, *keep_t = NULL;
    if (!opts) opts = &dflt;
    *out = NULL;
    const int dims = opts->dims ? opts->dims : 1, ord = opts->model == HRR_IDEAL_ORDINAL;
    if (dims < 1 || dims > 2)
        return hrr_i_seterr(st, HRR_EINVAL, "ideal points in %d dimensions: 1 or 2 only", dims);
    if (opts->model != HRR_IDEAL_BINARY && opts->model != HRR_IDEAL_ORDINAL)
        return hrr_i_seterr(st, HRR_EINVAL, "unknown ideal-point model %d", opts->model);
    if (ord && dims != 1)
        return hrr_i_seterr(st, HRR_EINVAL, "the ordinal model is one-dimensional");
    if (opts->se_reps < 0 || (opts->se_reps > 0 && dims != 1))
        return hrr_i_seterr(st, HRR_EINVAL, "bootstrap standard errors are one-dimensional");
    if ((rc = hrr_i_vmat_load(st, scope, &m))) return rc;
    long min_votes = opts->min_votes > 0 ? opts->min_votes : 20;
    hrr_ideal_t *r = hrr_i_calloc(hrr_store_ctx(st), 1, sizeof *r);
    if (!r) goto nomem;
    /* items with a yes and a no (ordinal: two different votes of yes, no,
     * abstain); states with enough such votes on them */
    size_t nt = 0, ns = 0;
    if ((rc = hrr_i_vmat_rollcall(hrr_store_ctx(st), &m, min_votes, ord, &y, &keep_s, &ns, &keep_t, &nt))) {
        if (rc == HRR_ENOMEM) goto nomem;
        rc = hrr_i_seterr(st, HRR_ENOTFOUND, "no contested votes in %s in that period", scope->body);
        goto out;
    }
    if (!(xx = hrr_i_malloc(hrr_store_ctx(st), ns * dims * sizeof *xx)) ||
        !(r->iso3 = hrr_i_calloc(hrr_store_ctx(st), ns, sizeof *r->iso3)) ||
        !(r->x = hrr_i_calloc(hrr_store_ctx(st), ns, sizeof *r->x)) || !(r->n = hrr_i_calloc(hrr_store_ctx(st), ns, sizeof *r->n)) ||
        (dims == 2 && !(r->x2 = hrr_i_calloc(hrr_store_ctx(st), ns, sizeof *r->x2))) ||
        (opts->se_reps > 0 && !(r->se = hrr_i_calloc(hrr_store_ctx(st), ns, sizeof *r->se))))
        goto nomem;
    for (size_t a = 0; a < ns; a++) {
        snprintf(r->iso3[a], 4, "%s", m.iso3[keep_s[a]]);
        for (size_t k = 0; k < nt; k++) r->n[a] += y[a * nt + k] >= 0;
    }
    r->ns = ns;
    r->nt = nt;
    r->dims = dims;
    double secs[2];
    rc = fit_se(hrr_store_ctx(st), y, ns, nt, opts, xx, r->se, &r->iterations, &r->converged, secs);
    r->fit_seconds = secs[0];
    r->se_seconds = secs[1];
    if (rc) {
        rc = rc == HRR_ENOMEM ? hrr_i_seterr(st, rc, "out of memory")
                              : hrr_i_seterr(st, rc, "ideal points: bad options");
        goto out;
    }
    /* polarity: the chosen state on the positive side of each dimension */
    const char *pos = opts->positive ? opts->positive : "USA";
    for (int q = 0; q < dims; q++)
        for (size_t a = 0; a < ns; a++)
            if (strcmp(r->iso3[a], pos) == 0 && xx[a * dims + q] < 0)
                for (size_t k = 0; k < ns; k++) xx[k * dims + q] = -xx[k * dims + q];
    for (size_t a = 0; a < ns; a++) {
        r->x[a] = xx[a * dims];
        if (dims == 2) r->x2[a] = xx[a * dims + 1];
    }
    goto out;
nomem:
    rc = hrr_i_seterr(st, HRR_ENOMEM, "out of memory");
out:
    hrr_i_free(hrr_store_ctx(st), y);
    hrr_i_free(hrr_store_ctx(st), xx);
    hrr_i_free(hrr_store_ctx(st), keep_s);
    hrr_i_free(hrr_store_ctx(st), keep_t);
    hrr_i_vmat_destroy(&m);
    if (rc) {
        hrr_ideal_free(r);
        return rc;
    }
    *out = r;
    return HRR_OK;
}
