/*
 * ideal_study.c - the recovery study of the ideal-point EM (hrr/ideal_study.h).
 */
#include "hrr.h"
#include "hrr/ideal_study.h"
#include "core/core.h"

#include <math.h>
#include <string.h>
#include <time.h>

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

double hrr_corr(const double *x, int sx, const double *y, int sy, size_t n)
{
    double mx = 0, my = 0, xx = 0, yy = 0, xy = 0;
    for (size_t i = 0; i < n; i++) mx += x[i * sx], my += y[i * sy];
    mx /= (double)n;
    my /= (double)n;
    for (size_t i = 0; i < n; i++) {
        double u = x[i * sx] - mx, v = y[i * sy] - my;
        xx += u * u, yy += v * v, xy += u * v;
    }
    return xy / sqrt(xx * yy);
}

/* Standard errors against the truth on the estimate's scale (standardised,
 * same sign): mean se and the coverage of 1.96 se. */
static void coverage(const double *x, const double *se, const double *truth, size_t ns,
                     hrr_ideal_study_t *out)
{
    double m = 0, s = 0, sg = hrr_corr(x, 1, truth, 1, ns) < 0 ? -1 : 1, cover = 0, mse = 0;
    for (size_t i = 0; i < ns; i++) m += truth[i];
    m /= (double)ns;
    for (size_t i = 0; i < ns; i++) s += (truth[i] - m) * (truth[i] - m);
    s = sqrt(s / (double)(ns - 1));
    for (size_t i = 0; i < ns; i++) {
        double t = sg * (truth[i] - m) / s;
        cover += fabs(t - x[i]) <= 1.96 * se[i];
        mse += se[i];
    }
    out->mean_se = mse / (double)ns;
    out->coverage = cover / (double)ns;
}

hrr_err_t hrr_ideal_study(size_t ns, size_t nt, unsigned long seed,
                          const hrr_ideal_opts_t *io, hrr_ideal_study_t *out, hrr_ctx_t *ctx)
{
    memset(out, 0, sizeof *out);
    if (ns < 3 || nt < 1) return HRR_EINVAL;
    int dims = io->dims ? io->dims : 1;
    hrr_err_t rc = HRR_ENOMEM;
    signed char *y = hrr_i_malloc(ctx, ns * nt);
    double *truth = hrr_i_malloc(ctx, ns * dims * sizeof *truth);
    double *x = hrr_i_malloc(ctx, ns * dims * sizeof *x), *se = hrr_i_malloc(ctx, ns * sizeof *se);
    out->ns = ns;
    out->nt = nt;
    out->seed = seed;
    out->dims = dims;
    out->model = io->model;
    out->se_reps = io->se_reps > 0 ? io->se_reps : 0;
    if (!y || !truth || !x || !se) goto out;
    rc = hrr_ideal_simulate(ns, nt, dims, io->model, 0.1, seed, y, truth);
    double t0 = now_s();
    if (!rc) rc = hrr_ideal_fit(y, ns, nt, io, x, &out->iterations, &out->converged, ctx);
    double t1 = now_s();
    if (!rc && out->se_reps) rc = hrr_ideal_fit_se(y, ns, nt, io, x, se, NULL, NULL, ctx);
    double t2 = now_s();
    if (rc) goto out;
    out->fit_seconds = t1 - t0;
    out->se_seconds = t2 - t1;
    for (int q = 0; q < dims && q < 2; q++)
        out->r[q] = fabs(hrr_corr(x + q, dims, truth + q, dims, ns));
    if (out->se_reps) coverage(x, se, truth, ns, out);
out:
    hrr_i_free(ctx, y);
    hrr_i_free(ctx, truth);
    hrr_i_free(ctx, x);
    hrr_i_free(ctx, se);
    return rc;
}
