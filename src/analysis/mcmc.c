/*
 * mcmc.c - the ziggurat's table and its slow path, truncated normals, and
 * the effective sample size of a chain (mcmc.h).
 */
#include "mcmc.h"

#include <math.h>
#include <pthread.h>

/* ---------------------------------------------------------------- ziggurat */

/* The area of each layer for N = 128 and R = HRR_ZIG_R (Marsaglia and
 * Tsang 2000): V = R f(R) + integral_R^inf f. */
#define ZIG_V 9.91256303526217e-3

static hrr_zig_t g_zig;
static pthread_once_t g_zig_once = PTHREAD_ONCE_INIT;

static double zig_f(double x)
{
    return exp(-0.5 * x * x);
}

/* Layers of equal area V stacked from the base: x[i+1] solves
 * x[i] (f(x[i+1]) - f(x[i])) = V. */
static void zig_init(void)
{
    const double r = HRR_ZIG_R;
    g_zig.x[0] = ZIG_V / zig_f(r);
    g_zig.x[1] = r;
    for (int i = 1; i < HRR_ZIG_N - 1; i++) {
        double y = ZIG_V / g_zig.x[i] + zig_f(g_zig.x[i]);
        g_zig.x[i + 1] = y < 1 ? sqrt(-2 * log(y)) : 0;
    }
    g_zig.x[HRR_ZIG_N] = 0;
    for (int i = 0; i <= HRR_ZIG_N; i++) g_zig.f[i] = zig_f(g_zig.x[i]);
}

const hrr_zig_t *hrr_i_zig_table(void)
{
    pthread_once(&g_zig_once, zig_init);
    return &g_zig;
}

double hrr_i_zig_slow(hrr_rng_t *r, const hrr_zig_t *z, uint32_t u)
{
    for (;;) {
        unsigned i = u & 0x7f;
        double sign = (u & 0x80) ? -1 : 1;
        double x = ((double)(u >> 8) + 0.5) * (1.0 / 16777216.0) * z->x[i];
        if (x < z->x[i + 1]) return sign * x;
        if (i == 0) {
            /* the tail beyond R (Marsaglia 1964): x = R + a, a ~ Exp(R)
             * accepted when 2 b > a^2, b ~ Exp(1) */
            double a, b;
            do {
                a = -log(hrr_i_rng_uniform(r)) / HRR_ZIG_R;
                b = -log(hrr_i_rng_uniform(r));
            } while (b + b < a * a);
            return sign * (HRR_ZIG_R + a);
        }
        /* the wedge: a uniform height in the layer, under the curve? */
        double y = z->f[i] + hrr_i_rng_uniform(r) * (z->f[i + 1] - z->f[i]);
        if (y < zig_f(x)) return sign * x;
        u = hrr_i_rng_u32(r);
    }
}

/* ---------------------------------------------------------------- truncated normal */

/* Robert's proposal for LO >= 0.6 (hrr_i_tn_lower). */
double hrr_i_tn_robert(hrr_rng_t *r, double lo)
{
    const double lam = 0.5 * (lo + sqrt(lo * lo + 4));
    for (;;) {
        double x = lo - log(hrr_i_rng_uniform(r)) / lam, d = x - lam, t = 0.5 * d * d;
        double u = hrr_i_rng_uniform(r);
        if (u <= 1 - t || u <= exp(-t)) return x;
    }
}

/* ---------------------------------------------------------------- ESS */

double hrr_i_ess(const double *x, size_t n, size_t stride)
{
    if (n < 2) return (double)n;
    double mean = 0;
    for (size_t t = 0; t < n; t++) mean += x[t * stride];
    mean /= (double)n;
    size_t omax = (size_t)floor(10 * log10((double)n));
    if (omax > n - 1) omax = n - 1;
    if (omax > 200) omax = 200;
    double acf[201], phi[201], prev[201], best[201], vars[201];
    /* autocovariances with divisor n (R's acf, demeaned) */
    for (size_t k = 0; k <= omax; k++) {
        double s = 0;
        for (size_t t = 0; t + k < n; t++) s += (x[t * stride] - mean) * (x[(t + k) * stride] - mean);
        acf[k] = s / (double)n;
    }
    if (!(acf[0] > 0)) return 0;
    /* Levinson-Durbin: the Yule-Walker coefficients of every order up to
     * OMAX and their innovation variances; AIC n log v_m + 2 m picks the
     * order (the first of equal ones, as R's ar) */
    vars[0] = acf[0];
    size_t order = 0;
    double aic_best = (double)n * log(vars[0]);
    for (size_t m = 1; m <= omax; m++) {
        double num = acf[m];
        for (size_t k = 1; k < m; k++) num -= prev[k] * acf[m - k];
        double kap = num / vars[m - 1];
        phi[m] = kap;
        for (size_t k = 1; k < m; k++) phi[k] = prev[k] - kap * prev[m - k];
        vars[m] = vars[m - 1] * (1 - kap * kap);
        for (size_t k = 1; k <= m; k++) prev[k] = phi[k];
        if (!(vars[m] > 0)) break;
        double aic = (double)n * log(vars[m]) + 2 * (double)m;
        if (aic < aic_best) {
            aic_best = aic;
            order = m;
            for (size_t k = 1; k <= m; k++) best[k] = phi[k];
        }
    }
    const size_t dof = n > order + 1 ? n - order - 1 : 1;
    double vp = vars[order] * (double)n / (double)dof, sphi = 0; /* R's var.pred */
    for (size_t k = 1; k <= order; k++) sphi += best[k];
    double spec0 = vp / ((1 - sphi) * (1 - sphi));
    double var = acf[0] * (double)n / (double)(n - 1); /* var(x), divisor n - 1 */
    return spec0 > 0 ? (double)n * var / spec0 : 0;
}
