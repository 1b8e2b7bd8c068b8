/*
 * test_mcmc.c - what the Gibbs sampler draws with, against GSL, and its
 * effective sample size against chains whose answer is known:
 *   - the ziggurat's normals (Philox streams) against GSL's normal CDF by
 *     the Kolmogorov-Smirnov statistic, beside GSL's own
 *     gsl_ran_gaussian_ziggurat on its MT19937 judged the same way; the
 *     two samples' frequencies beyond 2, 3 and the base layer's edge
 *     against GSL's tail probabilities; the table's layers of equal area;
 *   - truncated normals on (lo, inf) for lo from -2 to 6 (every method:
 *     normal, half-normal and Robert's exponential proposal): mean and
 *     variance against the closed forms through GSL's Mills ratio, the CDF
 *     by KS against GSL's;
 *   - the effective sample size of AR(1) chains (phi = 0, 0.5, 0.9)
 *     against n (1 - phi) / (1 + phi), and of a constant chain (0).
 */
#include "harness.h"

#include "analysis/mcmc.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_sf_erf.h>
#include <math.h>
#include <stdlib.h>

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* sup |F_n - F| of sample X (sorted here) against F(x) = P(Z <= x | Z > lo)
 * (lo = -INFINITY: the plain normal). */
static double ks(double *x, size_t n, double lo)
{
    qsort(x, n, sizeof *x, cmp_double);
    double q = isinf(lo) ? 1 : gsl_cdf_ugaussian_Q(lo), d = 0;
    for (size_t k = 0; k < n; k++) {
        double f = isinf(lo) ? gsl_cdf_ugaussian_P(x[k]) : 1 - gsl_cdf_ugaussian_Q(x[k]) / q;
        double a = fabs(f - (double)k / (double)n), b = fabs(f - (double)(k + 1) / (double)n);
        d = a > d ? a : d;
        d = b > d ? b : d;
    }
    return d;
}

static void test_ziggurat(void)
{
    enum { N = 400000 };
    const hrr_zig_t *z = hrr_i_zig_table();
    /* the layers: equal areas V, the base's including the tail */
    double v = z->x[0] * z->f[1], worst = 0;
    CHECK(fabs(v - (HRR_ZIG_R * exp(-0.5 * HRR_ZIG_R * HRR_ZIG_R) +
                    sqrt(2 * M_PI) * gsl_cdf_ugaussian_Q(HRR_ZIG_R))) < 1e-9);
    for (int i = 1; i < HRR_ZIG_N; i++) {
        double a = z->x[i] * (z->f[i + 1] - z->f[i]);
        worst = fabs(a - v) / v > worst ? fabs(a - v) / v : worst;
    }
    fprintf(stderr, "ziggurat: %d layers of area %.6g (worst relative difference %.1e)\n", HRR_ZIG_N, v, worst);
    CHECK(worst < 1e-6);
    double *a = malloc(N * sizeof *a), *g = malloc(N * sizeof *g);
    hrr_rng_t r;
    hrr_rng_init(&r, 42, 3);
    gsl_rng *gr = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(gr, 42);
    double m = 0, s2 = 0;
    for (size_t k = 0; k < N; k++) {
        a[k] = hrr_i_zig_normal(&r, z);
        g[k] = gsl_ran_gaussian_ziggurat(gr, 1);
        m += a[k], s2 += a[k] * a[k];
    }
    m /= N, s2 = s2 / N - m * m;
    /* tails: counts beyond 2, 3 and R (the tail path) against 2 N Q(t),
     * within 4.5 binomial sd, for ours and for GSL's */
    static const double t[3] = {2, 3, HRR_ZIG_R};
    for (int q = 0; q < 3; q++) {
        long ca = 0, cg = 0;
        for (size_t k = 0; k < N; k++) ca += fabs(a[k]) > t[q], cg += fabs(g[k]) > t[q];
        double p = 2 * gsl_cdf_ugaussian_Q(t[q]), e = N * p, sd = sqrt(N * p * (1 - p));
        fprintf(stderr, "  |z| > %.3f: hrr %ld, GSL's ziggurat %ld, expected %.1f\n", t[q], ca, cg, e);
        CHECK(fabs((double)ca - e) < 4.5 * sd);
        CHECK(fabs((double)cg - e) < 4.5 * sd);
    }
    double da = ks(a, N, -INFINITY), dg = ks(g, N, -INFINITY);
    fprintf(stderr, "normal: mean %.5f var %.5f, KS %.5f (GSL's ziggurat %.5f; 1%% critical %.5f)\n", m, s2, da, dg,
            1.63 / sqrt(N));
    CHECK(fabs(m) < 5 / sqrt(N));
    CHECK(fabs(s2 - 1) < 5 * sqrt(2.0 / N));
    CHECK(da < 1.63 / sqrt(N));
    CHECK(dg < 1.63 / sqrt(N));
    gsl_rng_free(gr);
    free(a);
    free(g);
}

static void test_truncated(void)
{
    enum { N = 100000 };
    static const double los[] = {-2, -0.3, 0, 0.3, 0.59, 0.6, 1, 2.5, 6};
    const hrr_zig_t *z = hrr_i_zig_table();
    double *x = malloc(N * sizeof *x);
    for (size_t c = 0; c < sizeof los / sizeof *los; c++) {
        double lo = los[c];
        hrr_rng_t r;
        hrr_rng_init(&r, 7, c);
        double m = 0, s2 = 0;
        for (size_t k = 0; k < N; k++) {
            x[k] = hrr_i_tn_lower(&r, z, lo);
            CHECK(x[k] > lo);
            m += x[k], s2 += x[k] * x[k];
        }
        m /= N, s2 = s2 / N - m * m;
        /* Z | Z > lo: mean L = phi(lo)/Q(lo) (GSL's hazard), variance
         * 1 + lo L - L^2 */
        double L = gsl_sf_hazard(lo), em = L, ev = 1 + lo * L - L * L;
        double d = ks(x, N, lo);
        fprintf(stderr, "N(0,1) on (%g, inf): mean %.5f (%.5f) var %.5f (%.5f) KS %.5f\n", lo, m, em, s2, ev, d);
        CHECK(fabs(m - em) < 5 * sqrt(ev / N));
        CHECK(fabs(s2 - ev) < 6 * ev * sqrt(2.0 / N) + 1e-4);
        CHECK(d < 1.63 / sqrt(N) * 1.15);
    }
    free(x);
}

static void test_ess(void)
{
    enum { N = 200000 };
    static const double phis[3] = {0, 0.5, 0.9};
    double *x = malloc(N * sizeof *x);
    hrr_rng_t r;
    hrr_rng_init(&r, 11, 0);
    const hrr_zig_t *z = hrr_i_zig_table();
    for (int c = 0; c < 3; c++) {
        double phi = phis[c], prev = 0;
        for (size_t k = 0; k < N; k++) x[k] = prev = phi * prev + hrr_i_zig_normal(&r, z);
        double ess = hrr_i_ess(x, N, 1), want = N * (1 - phi) / (1 + phi);
        fprintf(stderr, "AR(1) phi %.1f: ESS %.0f, n (1 - phi) / (1 + phi) = %.0f\n", phi, ess, want);
        CHECK(fabs(ess / want - 1) < 0.05);
    }
    /* every other element (a stride), and a constant chain */
    double e2 = hrr_i_ess(x, N / 2, 2), want2 = N / 2 * (1 - 0.81) / (1 + 0.81);
    fprintf(stderr, "AR(1) phi 0.9 thinned by 2: ESS %.0f (%.0f)\n", e2, want2);
    CHECK(fabs(e2 / want2 - 1) < 0.08);
    for (size_t k = 0; k < 1000; k++) x[k] = 3;
    CHECK(hrr_i_ess(x, 1000, 1) == 0);
    free(x);
}

int main(int argc, char **argv)
{
    harness_init(argc, argv);
    RUN(test_ziggurat);
    RUN(test_truncated);
    RUN(test_ess);
    return harness_done();
}
