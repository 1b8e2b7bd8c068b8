/*
 * ideal_em.c - EM for ideal points (Imai, Lo and Olmsted 2016, "Fast
 * estimation of ideal points with massive data", APSR 110).
 *
 * Binary probit, x_i in R^d (d = 1, 2):
 *   y*_ij = alpha_j + beta_j' x_i + e_ij, e ~ N(0, 1), yes iff y* > 0;
 *   priors x_i ~ N(0, I), (alpha_j, beta_j) ~ N(0, 25 I).
 *   E-step: z_ij = E[y*_ij] = m + s lambda(s m), m = alpha_j + beta_j' x_i,
 *           s = +1 for yes, -1 for no, lambda(m) = phi(m) / Phi(m).
 *   M-step: (alpha_j, beta_j) = (X_j'X_j + I/25)^-1 X_j' z_j over the voters
 *           on j (X_j rows [1, x_i']);
 *           x_i = (I + sum_j beta_j beta_j')^-1 sum_j beta_j (z_ij - alpha_j).
 *
 * Ordered probit (no < abstain < yes), the paper's section on ordinal items:
 * with item cutpoints 0 < tau_j the utility is rescaled by 1/tau_j, so the
 * cutpoints become 0 and 1 and the item gains a precision p_j = tau_j^2:
 *   z_ij ~ N(alpha_j + beta_j x_i, 1/p_j), no if z < 0, abstain if 0 <= z < 1,
 *   yes if z >= 1. The E-step takes the first two moments of the truncated
 *   normal; the M-step is the same ridge regression weighted by p_j, then
 *   p_j = (n_j + 1) / (S_j + 1) with S_j = sum_i E[(z_ij - m_ij)^2] (a
 *   Gamma(1.5, 0.5) prior keeps p_j finite for items without abstentions);
 *   x_i = sum_j p_j beta_j (z_ij - alpha_j) / (1 + sum_j p_j beta_j^2).
 *
 * One iteration is one pass over the observed votes item by item: each
 * item's E-step, its M-step, then its share of every voter's state update
 * accumulated, so the cost is O(votes * d^2) and the votes are read in
 * memory order (4 bytes each); the items are cut into chunks that run on
 * every core (OpenMP), their sums added in a fixed order (em_iteration), the
 * same result on any number of threads. lambda comes from a table with cubic Hermite
 * interpolation (a few flops instead of erfc). The binary model's steps
 * are accelerated by SQUAREM (Varadhan and Roland 2008): 48 EM steps become
 * 18 on a simulated 193 x 6,000 matrix. Iterations stop when
 * 1 - min_k |cor(x_k^t, x_k^{t-1})| < tol (the paper's criterion).
 */
#include "ideal_em.h"

#include <math.h>
#include <pthread.h>
#include <string.h>

/* Chunks of items for the parallel iteration (em_iteration): about one per
 * CHUNK_ITEMS items, at most CHUNK_MAX, one below 2 x CHUNK_ITEMS. */
#define CHUNK_ITEMS 512
#define CHUNK_MAX 16

/* ---------------------------------------------------------------- lambda */

#define MILLS_LO (-20.0)
#define MILLS_HI 9.0
#define MILLS_STEPS 64 /* table points per unit */
#define MILLS_N (29 * MILLS_STEPS + 1) /* (MILLS_HI - MILLS_LO) * MILLS_STEPS + 1 */

/* lambda and h * lambda' at each grid point */
static double mills_tab[MILLS_N][2];
static pthread_once_t mills_once = PTHREAD_ONCE_INIT;

/* lambda(m) exactly: phi(m) / Phi(m) with Phi(m) = erfc(-m / sqrt 2) / 2,
 * accurate in relative terms far into the lower tail. */
static double mills_exact(double m)
{
    if (m < -30) {
        /* lambda(-x) = 1 / R(x), R the Mills ratio, by its continued
         * fraction R(x) = 1 / (x + 1 / (x + 2 / (x + 3 / ...))) */
        double x = -m, t = x;
        for (int k = 40; k >= 1; k--) t = x + k / t;
        return t;
    }
    double phi = exp(-0.5 * m * m) * 0.3989422804014327;
    return phi / (0.5 * erfc(-m * 0.7071067811865476));
}

static void mills_init(void)
{
    const double h = 1.0 / MILLS_STEPS;
    for (int k = 0; k < MILLS_N; k++) {
        double m = MILLS_LO + k * h, l = mills_exact(m);
        mills_tab[k][0] = l;
        mills_tab[k][1] = h * (-l * (m + l)); /* lambda' = -lambda (m + lambda) */
    }
}

/* lambda(m) for the EM, without branches on the common path (which side of
 * the table a vote falls on is unpredictable, and a mispredicted branch
 * costs more than the interpolation): m above 9 is clamped to the table's
 * end, where lambda < 1.1e-18 vanishes beside m anyway (z = m + lambda);
 * below -20 (a rare, badly predicted vote) the asymptotic series of 1/R(x),
 * x = -m: x + 1/x - 2/x^3 + 10/x^5 - 74/x^7 + 706/x^9 (next term < 5e-11). */
static inline double mills_fast(double m)
{
    if (__builtin_expect(m < MILLS_LO, 0)) {
        double x = -m, r = 1 / x, r2 = r * r;
        return x + r * (1 + r2 * (-2 + r2 * (10 + r2 * (-74 + r2 * 706))));
    }
    /* t in [0, N - 1]; k = floor(t) without int <-> double conversions:
     * adding 1.5 * 2^52 rounds t - 0.5 to an integer in the low bits */
    double t = (m - MILLS_LO) * MILLS_STEPS;
    t = t < MILLS_N - 1.0 ? t : MILLS_N - 1.0;
    double rr = (t - 0.5) + 6755399441055744.0;
    uint64_t bits;
    memcpy(&bits, &rr, sizeof bits);
    uint32_t k = (uint32_t)bits;
    k = k < MILLS_N - 1 ? k : MILLS_N - 2;
    double u = t - (double)(rr - 6755399441055744.0), u1 = 1 - u;
    const double *p0 = mills_tab[k], *p1 = p0 + 2;
    /* cubic Hermite basis */
    return (1 + 2 * u) * u1 * u1 * p0[0] + u * u1 * u1 * p0[1] + u * u * (3 - 2 * u) * p1[0] -
           u * u * u1 * p1[1];
}

double hrr_i_ideal_mills(double m)
{
    pthread_once(&mills_once, mills_init);
    if (m >= MILLS_HI) return exp(-0.5 * m * m) * 0.3989422804014327 / (0.5 * erfc(-m * 0.7071067811865476));
    return mills_fast(m);
}

/* ---------------------------------------------------------------- data */

hrr_err_t hrr_i_ideal_data_init(hrr_ctx_t *ctx, ideal_data_t *d, const signed char *y, size_t ns, size_t nt,
                                int maxv)
{
    memset(d, 0, sizeof *d);
    size_t n = 0;
    for (size_t k = 0; k < ns * nt; k++) {
        if (y[k] > maxv || y[k] < -1) return HRR_EINVAL;
        n += y[k] >= 0;
    }
    if (ns >= (1u << 30)) return HRR_EINVAL;
    d->ns = ns;
    d->nt = nt;
    d->start = hrr_i_malloc(ctx, (nt + 1) * sizeof *d->start);
    d->v = hrr_i_malloc(ctx, (n + 1) * sizeof *d->v);
    if (!d->start || !d->v) {
        hrr_i_ideal_data_destroy(d);
        return HRR_ENOMEM;
    }
    /* counts per item, then a row-major pass (Y read in memory order)
     * appending to each item's run, so states stay sorted within an item */
    memset(d->start, 0, (nt + 1) * sizeof *d->start);
    for (size_t i = 0; i < ns; i++)
        for (size_t j = 0; j < nt; j++) d->start[j + 1] += y[i * nt + j] >= 0;
    for (size_t j = 0; j < nt; j++) d->start[j + 1] += d->start[j];
    for (size_t i = 0; i < ns; i++)
        for (size_t j = 0; j < nt; j++)
            if (y[i * nt + j] >= 0) d->v[d->start[j]++] = (uint32_t)(i << 2 | (size_t)y[i * nt + j]);
    /* each start[j] now holds the end of run j: shift back */
    for (size_t j = nt; j > 0; j--) d->start[j] = d->start[j - 1];
    d->start[0] = 0;
    return HRR_OK;
}

void hrr_i_ideal_data_destroy(ideal_data_t *d)
{
    hrr_i_free(NULL, d->start);
    hrr_i_free(NULL, d->v);
    memset(d, 0, sizeof *d);
}

hrr_err_t hrr_i_ideal_par_init(hrr_ctx_t *ctx, ideal_par_t *p, size_t ns, size_t nt, int dims, int ordinal)
{
    memset(p, 0, sizeof *p);
    p->dims = dims;
    p->ordinal = ordinal;
    p->x = hrr_i_calloc(ctx, ns * dims, sizeof *p->x);
    p->a = hrr_i_calloc(ctx, nt, sizeof *p->a);
    p->b = hrr_i_calloc(ctx, nt * dims, sizeof *p->b);
    p->p = hrr_i_calloc(ctx, nt, sizeof *p->p);
    if (!p->x || !p->a || !p->b || !p->p) {
        hrr_i_ideal_par_destroy(p);
        return HRR_ENOMEM;
    }
    for (size_t j = 0; j < nt; j++) p->p[j] = 1;
    return HRR_OK;
}

void hrr_i_ideal_par_destroy(ideal_par_t *p)
{
    hrr_i_free(NULL, p->x);
    hrr_i_free(NULL, p->a);
    hrr_i_free(NULL, p->b);
    hrr_i_free(NULL, p->p);
    memset(p, 0, sizeof *p);
}

void hrr_i_ideal_par_copy(ideal_par_t *d, const ideal_par_t *s, size_t ns, size_t nt)
{
    memcpy(d->x, s->x, ns * s->dims * sizeof *d->x);
    memcpy(d->a, s->a, nt * sizeof *d->a);
    memcpy(d->b, s->b, nt * s->dims * sizeof *d->b);
    memcpy(d->p, s->p, nt * sizeof *d->p);
}

hrr_err_t hrr_i_ideal_work_init(hrr_ctx_t *ctx, ideal_work_t *w, size_t ns, size_t nt, int dims)
{
    memset(w, 0, sizeof *w);
    for (int k = 0; k < 3; k++)
        if (!(w->sq[k] = hrr_i_malloc(ctx, (ns * dims + nt + nt * dims) * sizeof *w->sq[k] + 1))) {
            hrr_i_ideal_work_destroy(w);
            return HRR_ENOMEM;
        }
    w->z = hrr_i_malloc(ctx, ns * sizeof *w->z + 1);
    w->z2 = hrr_i_malloc(ctx, ns * sizeof *w->z2 + 1);
    w->nu = hrr_i_malloc(ctx, ns * dims * sizeof *w->nu + 1);
    w->de = hrr_i_malloc(ctx, ns * dims * dims * sizeof *w->de + 1);
    w->xprev = hrr_i_malloc(ctx, ns * dims * sizeof *w->xprev + 1);
    w->nch = nt / CHUNK_ITEMS < 2 ? 1 : nt / CHUNK_ITEMS > CHUNK_MAX ? CHUNK_MAX : nt / CHUNK_ITEMS;
    w->cut = hrr_i_malloc(ctx, (w->nch + 1) * sizeof *w->cut);
    w->zc = hrr_i_malloc(ctx, (w->nch - 1) * 2 * ns * sizeof *w->zc + 1);
    w->nuc = hrr_i_malloc(ctx, (w->nch - 1) * ns * dims * sizeof *w->nuc + 1);
    w->dec = hrr_i_malloc(ctx, (w->nch - 1) * ns * dims * dims * sizeof *w->dec + 1);
    if (!w->z || !w->z2 || !w->nu || !w->de || !w->xprev || !w->cut || !w->zc || !w->nuc || !w->dec) {
        hrr_i_ideal_work_destroy(w);
        return HRR_ENOMEM;
    }
    return HRR_OK;
}

void hrr_i_ideal_work_destroy(ideal_work_t *w)
{
    hrr_i_free(NULL, w->z);
    hrr_i_free(NULL, w->z2);
    hrr_i_free(NULL, w->nu);
    hrr_i_free(NULL, w->de);
    hrr_i_free(NULL, w->xprev);
    hrr_i_free(NULL, w->cut);
    hrr_i_free(NULL, w->zc);
    hrr_i_free(NULL, w->nuc);
    hrr_i_free(NULL, w->dec);
    for (int k = 0; k < 3; k++) hrr_i_free(NULL, w->sq[k]);
    memset(w, 0, sizeof *w);
}

/* ---------------------------------------------------------------- algebra */

/* Solve the symmetric positive definite N x N system A s = r (N <= 3) by
 * Cholesky; A is destroyed. Returns 0 if A is not positive definite. */
static int spd_solve(int n, double a[3][3], const double *r, double *s)
{
    double y[3];
    for (int i = 0; i < n; i++) {
        for (int j = 0; j <= i; j++) {
            double v = a[i][j];
            for (int k = 0; k < j; k++) v -= a[i][k] * a[j][k];
            if (i == j) {
                if (!(v > 1e-300)) return 0;
                a[i][i] = sqrt(v);
            } else {
                a[i][j] = v / a[j][j];
            }
        }
    }
    for (int i = 0; i < n; i++) {
        double v = r[i];
        for (int k = 0; k < i; k++) v -= a[i][k] * y[k];
        y[i] = v / a[i][i];
    }
    for (int i = n - 1; i >= 0; i--) {
        double v = y[i];
        for (int k = i + 1; k < n; k++) v -= a[k][i] * s[k];
        s[i] = v / a[i][i];
    }
    return 1;
}

/* Pearson correlation of columns K of two ns x d state-major arrays. */
static double col_cor(const double *x, const double *y, size_t ns, int d, int k)
{
    double mx = 0, my = 0, sxx = 0, syy = 0, sxy = 0;
    for (size_t i = 0; i < ns; i++) mx += x[i * d + k], my += y[i * d + k];
    mx /= (double)ns;
    my /= (double)ns;
    for (size_t i = 0; i < ns; i++) {
        double u = x[i * d + k] - mx, v = y[i * d + k] - my;
        sxx += u * u;
        syy += v * v;
        sxy += u * v;
    }
    return sxx > 0 && syy > 0 ? sxy / sqrt(sxx * syy) : 0;
}

/* Centre and scale column K to mean 0, sd 1 (n - 1 denominator). */
static void col_standardise(double *x, size_t ns, int d, int k)
{
    double m = 0, s = 0;
    for (size_t i = 0; i < ns; i++) m += x[i * d + k];
    m /= (double)ns;
    for (size_t i = 0; i < ns; i++) s += (x[i * d + k] - m) * (x[i * d + k] - m);
    s = ns > 1 ? sqrt(s / (double)(ns - 1)) : 0;
    for (size_t i = 0; i < ns; i++) x[i * d + k] = s > 0 ? (x[i * d + k] - m) / s : 0;
}

/* The chunks' cuts: NCH runs of consecutive items with about the same
 * number of votes each (a function of the data alone). */
static void em_cuts(const ideal_data_t *d, ideal_work_t *w)
{
    const size_t nch = w->nch, total = d->start[d->nt];
    size_t j = 0;
    w->cut[0] = 0;
    for (size_t c = 1; c < nch; c++) {
        const size_t want = total / nch * c + total % nch * c / nch;
        while (j < d->nt && d->start[j] < want) j++;
        w->cut[c] = j;
    }
    w->cut[nch] = d->nt;
}

/* ---------------------------------------------------------------- start */

void hrr_i_ideal_start(const ideal_data_t *d, ideal_par_t *p, ideal_work_t *w)
{
    const int D = p->dims;
    const size_t ns = d->ns, nt = d->nt;
    double *v = p->x, *vn = w->nu;
    /* the item means, kept in a for now */
    for (size_t j = 0; j < nt; j++) {
        double s = 0;
        size_t n = d->start[j + 1] - d->start[j];
        for (size_t k = d->start[j]; k < d->start[j + 1]; k++) s += (double)(d->v[k] & 3);
        p->a[j] = n ? s / (double)n : 0;
    }
    /* first vector: each state's mean deviation from the item means; the
     * second a fixed deterministic pattern */
    memset(w->de, 0, ns * sizeof *w->de);
    memset(v, 0, ns * D * sizeof *v);
    for (size_t j = 0; j < nt; j++)
        for (size_t k = d->start[j]; k < d->start[j + 1]; k++) {
            size_t i = d->v[k] >> 2;
            v[i * D] += (double)(d->v[k] & 3) - p->a[j];
            w->de[i] += 1;
        }
    for (size_t i = 0; i < ns; i++) {
        if (w->de[i] > 0) v[i * D] /= w->de[i];
        if (D > 1) v[i * D + 1] = cos(1.7 * (double)i + 0.3);
    }
    /* subspace iteration V <- C C' V, orthonormalised (Gram-Schmidt); the
     * items chunk by chunk in parallel as in em_iteration, the chunks' sums
     * added in chunk order */
    em_cuts(d, w);
    const size_t nch = w->nch;
    for (int it = 0; it < 60; it++) {
#pragma omp parallel for schedule(dynamic, 1) if (nch > 1)
        for (size_t ch = 0; ch < nch; ch++) {
            double *vc = ch ? w->nuc + (ch - 1) * ns * D : vn;
            memset(vc, 0, ns * D * sizeof *vc);
            for (size_t j = w->cut[ch]; j < w->cut[ch + 1]; j++) {
                double wj[2] = {0, 0};
                for (size_t k = d->start[j]; k < d->start[j + 1]; k++) {
                    size_t i = d->v[k] >> 2;
                    double c = (double)(d->v[k] & 3) - p->a[j];
                    for (int q = 0; q < D; q++) wj[q] += c * v[i * D + q];
                }
                for (size_t k = d->start[j]; k < d->start[j + 1]; k++) {
                    size_t i = d->v[k] >> 2;
                    double c = (double)(d->v[k] & 3) - p->a[j];
                    for (int q = 0; q < D; q++) vc[i * D + q] += c * wj[q];
                }
            }
        }
        for (size_t ch = 1; ch < nch; ch++) {
            const double *vc = w->nuc + (ch - 1) * ns * D;
            for (size_t k = 0; k < ns * D; k++) vn[k] += vc[k];
        }
        double change = 0;
        for (int q = 0; q < D; q++) {
            for (int r = 0; r < q; r++) {
                double dot = 0;
                for (size_t i = 0; i < ns; i++) dot += vn[i * D + q] * vn[i * D + r];
                for (size_t i = 0; i < ns; i++) vn[i * D + q] -= dot * vn[i * D + r];
            }
            double nn = 0, dot = 0, no = 0;
            for (size_t i = 0; i < ns; i++) nn += vn[i * D + q] * vn[i * D + q];
            nn = sqrt(nn);
            if (!(nn > 0)) nn = 1;
            for (size_t i = 0; i < ns; i++) {
                vn[i * D + q] /= nn;
                dot += vn[i * D + q] * v[i * D + q];
                no += v[i * D + q] * v[i * D + q];
            }
            double c = no > 0 ? fabs(dot) / sqrt(no) : 0;
            if (1 - c > change) change = 1 - c;
        }
        memcpy(v, vn, ns * D * sizeof *v);
        if (change < 1e-10) break;
    }
    for (int q = 0; q < D; q++) col_standardise(v, ns, D, q);
    for (size_t j = 0; j < nt; j++) {
        p->a[j] = p->ordinal ? 0.5 : 0;
        p->p[j] = 1;
        for (int q = 0; q < D; q++) p->b[j * D + q] = 0;
    }
}

/* ---------------------------------------------------------------- EM */

/* The items of one iteration are cut into chunks (ideal_work_t's nch,
 * fixed by the number of items, never by the number of threads), each
 * accumulating its share of the states' sums (nu, de) into its own arrays;
 * the chunks run in parallel (OpenMP) and their sums are added in chunk
 * order after them, so that the result is the same bit for bit on any
 * number of threads. One chunk (fewer than CHUNK_ITEMS items x 2) is the
 * sequential pass itself. */
/* Binary items [J0, J1) in D dimensions (inlined for D = 1 and 2): each
 * item's E- and M-step, its voters' shares added to NU and DE (zeroed by
 * the caller); Z scratch for one item's voters. */
static inline __attribute__((always_inline)) void em_binary_items(const ideal_data_t *d, ideal_par_t *p, size_t j0,
                                                                  size_t j1, double *z, double *nu, double *de,
                                                                  const int D)
{
    const uint32_t *v = d->v;
    const double *x = p->x;
    for (size_t j = j0; j < j1; j++) {
        const size_t s0 = d->start[j], s1 = d->start[j + 1];
        double a = p->a[j], *b = p->b + j * D;
        double A[3][3] = {{0}}, r[3] = {0}, sol[3];
        for (size_t k = s0; k < s1; k++) {
            const uint32_t c = v[k];
            const double *xi = x + (size_t)(c >> 2) * D;
            double m = a, sg = (c & 1) ? 1.0 : -1.0;
            for (int q = 0; q < D; q++) m += b[q] * xi[q];
            double zz = m + sg * mills_fast(sg * m);
            z[k - s0] = zz;
            A[0][0] += 1;
            r[0] += zz;
            for (int q = 0; q < D; q++) {
                A[q + 1][0] += xi[q];
                r[q + 1] += xi[q] * zz;
                for (int t = 0; t <= q; t++) A[q + 1][t + 1] += xi[q] * xi[t];
            }
        }
        for (int q = 0; q <= D; q++) A[q][q] += 1.0 / 25;
        if (spd_solve(D + 1, A, r, sol)) {
            a = p->a[j] = sol[0];
            for (int q = 0; q < D; q++) b[q] = sol[q + 1];
        }
        double bb[4];
        for (int q = 0; q < D; q++)
            for (int t = 0; t < D; t++) bb[q * D + t] = b[q] * b[t];
        for (size_t k = s0; k < s1; k++) {
            const size_t i = v[k] >> 2;
            double e = z[k - s0] - a;
            for (int q = 0; q < D; q++) nu[i * D + q] += b[q] * e;
            for (int q = 0; q < D * D; q++) de[i * D * D + q] += bb[q];
        }
    }
}

/* Binary items [J0, J1) in one dimension: em_binary_items with D = 1
 * written out, sums in scalars so that they stay in registers (the hot
 * loop of the General Assembly: a few nanoseconds a vote). */
static void em_binary1_items(const ideal_data_t *d, ideal_par_t *p, size_t j0, size_t j1, double *z, double *nu,
                             double *de)
{
    const uint32_t *v = d->v;
    const double *x = p->x;
    for (size_t j = j0; j < j1; j++) {
        const size_t s0 = d->start[j], n = d->start[j + 1] - s0;
        const uint32_t *vj = v + s0;
        const double a = p->a[j], b = p->b[j];
        double sx = 0, sxx = 0, sz = 0, sxz = 0;
        for (size_t k = 0; k < n; k++) {
            const uint32_t c = vj[k];
            const double xi = x[c >> 2], m = a + b * xi;
            const double sg = (double)((int)(c & 1) * 2 - 1);
            const double zz = m + sg * mills_fast(sg * m);
            z[k] = zz;
            sx += xi;
            sxx += xi * xi;
            sz += zz;
            sxz += xi * zz;
        }
        /* (a, b) = [n + 1/25, sx; sx, sxx + 1/25]^-1 [sz; sxz] */
        const double s1 = (double)n + 1.0 / 25, s2 = sxx + 1.0 / 25, det = s1 * s2 - sx * sx;
        const double an = (s2 * sz - sx * sxz) / det, bn = (s1 * sxz - sx * sz) / det;
        p->a[j] = an;
        p->b[j] = bn;
        const double bb = bn * bn;
        for (size_t k = 0; k < n; k++) {
            const size_t i = vj[k] >> 2;
            nu[i] += bn * (z[k] - an);
            de[i] += bb;
        }
    }
}

/* First two moments of z ~ N(mu, sigma^2) truncated to the category's
 * interval: no (-inf, 0), abstain [0, 1), yes [1, inf). */
static void tn_moments(double mu, double sigma, int cat, double *ez, double *ez2)
{
    double e, var;
    if (cat == 0) {
        double be = (0 - mu) / sigma, l = mills_fast(be);
        e = mu - sigma * l;
        var = sigma * sigma * (1 - be * l - l * l);
    } else if (cat == 2) {
        double al = (1 - mu) / sigma, l = mills_fast(-al);
        e = mu + sigma * l;
        var = sigma * sigma * (1 + al * l - l * l);
    } else {
        double al = (0 - mu) / sigma, be = (1 - mu) / sigma, r1, r2;
        if (be - al < 1e-6) {
            /* a sliver: uniform on it */
            e = 0.5;
            var = 1.0 / 12;
            goto done;
        }
        if (al >= 0 || be <= 0) {
            /* both bounds in one tail: reflect into the upper tail, where
             * with R(x) = Q(x)/phi(x) = 1/lambda(-x) and g = phi(B)/phi(A):
             * (phi(A) - phi(B)) / Z = (1 - g) / D, (A phi(A) - B phi(B)) / Z
             * = (A - B g) / D, D = R(A) - R(B) g */
            int flip = be <= 0;
            double A = flip ? -be : al, B = flip ? -al : be;
            double g = exp(0.5 * (A * A - B * B));
            double D = 1 / mills_fast(-A) - g / mills_fast(-B);
            r1 = (1 - g) / D;
            r2 = (A - B * g) / D;
            if (flip) r1 = -r1;
        } else {
            double pa = exp(-0.5 * al * al) * 0.3989422804014327;
            double pb = exp(-0.5 * be * be) * 0.3989422804014327;
            double Z = 0.5 * (erfc(-be * 0.7071067811865476) - erfc(-al * 0.7071067811865476));
            r1 = (pa - pb) / Z;
            r2 = (al * pa - be * pb) / Z;
        }
        e = mu + sigma * r1;
        var = sigma * sigma * (1 + r2 - r1 * r1);
    }
done:
    if (var < 0) var = 0;
    *ez = e;
    *ez2 = var + e * e;
}

/* Ordinal items [J0, J1) (one dimension), as em_binary1_items; Z2 the
 * second moments' scratch. */
static void em_ordinal_items(const ideal_data_t *d, ideal_par_t *p, size_t j0, size_t j1, double *z, double *z2,
                             double *nu, double *de)
{
    const uint32_t *v = d->v;
    const double *x = p->x;
    for (size_t j = j0; j < j1; j++) {
        const size_t s0 = d->start[j], s1 = d->start[j + 1];
        double a = p->a[j], b = p->b[j], pj = p->p[j], sigma = 1 / sqrt(pj);
        double A[3][3] = {{0}}, r[2] = {0}, sol[2];
        for (size_t k = s0; k < s1; k++) {
            const uint32_t c = v[k];
            const double xi = x[c >> 2];
            tn_moments(a + b * xi, sigma, (int)(c & 3), &z[k - s0], &z2[k - s0]);
            A[0][0] += pj;
            A[1][0] += pj * xi;
            A[1][1] += pj * xi * xi;
            r[0] += pj * z[k - s0];
            r[1] += pj * xi * z[k - s0];
        }
        A[0][0] += 1.0 / 25;
        A[1][1] += 1.0 / 25;
        if (spd_solve(2, A, r, sol)) {
            a = p->a[j] = sol[0];
            b = p->b[j] = sol[1];
        }
        double S = 0;
        for (size_t k = s0; k < s1; k++) {
            double m = a + b * x[v[k] >> 2];
            S += z2[k - s0] - 2 * z[k - s0] * m + m * m;
        }
        pj = p->p[j] = ((double)(s1 - s0) + 1) / (S + 1);
        for (size_t k = s0; k < s1; k++) {
            const size_t i = v[k] >> 2;
            nu[i] += pj * b * (z[k - s0] - a);
            de[i] += pj * b * b;
        }
    }
}

/* One iteration: the items chunk by chunk (in parallel), the chunks' sums
 * added in chunk order, then every state's update from them. Chunk c
 * covers items [cut[c], cut[c+1]) and uses w's arrays for c = 0, the
 * chunk arrays (zc, nuc, dec) for the others. */
static void em_iteration(const ideal_data_t *d, ideal_par_t *p, ideal_work_t *w)
{
    const int D = p->dims, DD = D * D;
    const size_t ns = d->ns, nch = w->nch;
#pragma omp parallel for schedule(dynamic, 1) if (nch > 1)
    for (size_t c = 0; c < nch; c++) {
        double *z = c ? w->zc + (c - 1) * 2 * ns : w->z, *z2 = c ? z + ns : w->z2;
        double *nu = c ? w->nuc + (c - 1) * ns * D : w->nu, *de = c ? w->dec + (c - 1) * ns * DD : w->de;
        memset(nu, 0, ns * D * sizeof *nu);
        memset(de, 0, ns * DD * sizeof *de);
        if (p->ordinal)
            em_ordinal_items(d, p, w->cut[c], w->cut[c + 1], z, z2, nu, de);
        else if (D == 1)
            em_binary1_items(d, p, w->cut[c], w->cut[c + 1], z, nu, de);
        else
            em_binary_items(d, p, w->cut[c], w->cut[c + 1], z, nu, de, 2);
    }
    double *nu = w->nu, *de = w->de;
    for (size_t c = 1; c < nch; c++) {
        const double *nc = w->nuc + (c - 1) * ns * D, *dc = w->dec + (c - 1) * ns * DD;
        for (size_t k = 0; k < ns * D; k++) nu[k] += nc[k];
        for (size_t k = 0; k < ns * DD; k++) de[k] += dc[k];
    }
    for (size_t i = 0; i < ns; i++) {
        if (D == 1) {
            p->x[i] = nu[i] / (1 + de[i]);
        } else {
            double A[3][3] = {{1 + de[i * 4], 0, 0}, {de[i * 4 + 2], 1 + de[i * 4 + 3], 0}, {0}};
            double sol[3];
            if (spd_solve(2, A, nu + i * 2, sol)) {
                p->x[i * 2] = sol[0];
                p->x[i * 2 + 1] = sol[1];
            }
        }
    }
}

/* One EM step; 1 when it meets the convergence criterion. */
static int em_step(const ideal_data_t *d, ideal_par_t *p, ideal_work_t *w, double tol)
{
    const int D = p->dims;
    memcpy(w->xprev, p->x, d->ns * D * sizeof *p->x);
    em_iteration(d, p, w);
    double worst = 0;
    for (int q = 0; q < D; q++) {
        double c = 1 - fabs(col_cor(p->x, w->xprev, d->ns, D, q));
        if (c > worst) worst = c;
    }
    return worst < tol;
}

/* The parameters (x, a, b) as one vector and back. */
static void sq_pack(const ideal_par_t *p, size_t ns, size_t nt, double *v)
{
    const size_t nx = ns * p->dims, nb = nt * p->dims;
    memcpy(v, p->x, nx * sizeof *v);
    memcpy(v + nx, p->a, nt * sizeof *v);
    memcpy(v + nx + nt, p->b, nb * sizeof *v);
}

static void sq_unpack(ideal_par_t *p, size_t ns, size_t nt, const double *v)
{
    const size_t nx = ns * p->dims, nb = nt * p->dims;
    memcpy(p->x, v, nx * sizeof *v);
    memcpy(p->a, v + nx, nt * sizeof *v);
    memcpy(p->b, v + nx + nt, nb * sizeof *v);
}

void hrr_i_ideal_em(const ideal_data_t *d, ideal_par_t *p, ideal_work_t *w, int max_iter,
                    double tol, int *iters, int *converged)
{
    const size_t ns = d->ns, nt = d->nt, n = ns * p->dims + nt + nt * p->dims;
    int it = 0, conv = 0;
    pthread_once(&mills_once, mills_init);
    em_cuts(d, w); /* (the bootstrap runs EM without a start) */
    if (p->ordinal) {
        while (it < max_iter && !conv) {
            it++;
            conv = em_step(d, p, w, tol) && it > 1;
        }
        goto out;
    }
    double *t0 = w->sq[0], *t1 = w->sq[1], *t2 = w->sq[2];
    while (it < max_iter && !conv) {
        /* theta1 = F(theta0), theta2 = F(theta1) */
        sq_pack(p, ns, nt, t0);
        it++;
        if ((conv = em_step(d, p, w, tol) && it > 1) || it >= max_iter) break;
        sq_pack(p, ns, nt, t1);
        it++;
        if ((conv = em_step(d, p, w, tol)) || it >= max_iter) break;
        sq_pack(p, ns, nt, t2);
        /* r = theta1 - theta0, v = theta2 - 2 theta1 + theta0; step
         * alpha = -|r| / |v| (at most -1: never shorter than EM) */
        double rr = 0, vv = 0;
        for (size_t k = 0; k < n; k++) {
            double r = t1[k] - t0[k], v = t2[k] - 2 * t1[k] + t0[k];
            rr += r * r;
            vv += v * v;
        }
        if (!(vv > 0)) continue;
        double al = -sqrt(rr / vv);
        if (al > -1) al = -1;
        int finite = 1;
        for (size_t k = 0; k < n; k++) {
            double r = t1[k] - t0[k], v = t2[k] - 2 * t1[k] + t0[k];
            t0[k] = t0[k] - 2 * al * r + al * al * v;
            finite &= isfinite(t0[k]);
        }
        if (!finite) continue; /* keep theta2 */
        sq_unpack(p, ns, nt, t0);
        /* the stabilising step, from the extrapolated point */
        it++;
        conv = em_step(d, p, w, tol);
    }
out:
    if (iters) *iters = it;
    if (converged) *converged = conv;
}

/* ---------------------------------------------------------------- identification */

void hrr_i_ideal_identify(size_t ns, int dims, const double *x, double *out)
{
    memcpy(out, x, ns * dims * sizeof *out);
    if (dims == 2 && ns > 1) {
        /* principal axes of the centred points: the eigenvectors of their
         * 2 x 2 covariance [sxx sxy; sxy syy], the larger eigenvalue first */
        double mx = 0, my = 0, sxx = 0, syy = 0, sxy = 0;
        for (size_t i = 0; i < ns; i++) mx += x[2 * i], my += x[2 * i + 1];
        mx /= (double)ns;
        my /= (double)ns;
        for (size_t i = 0; i < ns; i++) {
            double u = x[2 * i] - mx, v = x[2 * i + 1] - my;
            sxx += u * u;
            syy += v * v;
            sxy += u * v;
        }
        double th = 0.5 * atan2(2 * sxy, sxx - syy); /* angle of the major axis */
        double c = cos(th), s = sin(th);
        for (size_t i = 0; i < ns; i++) {
            double u = x[2 * i] - mx, v = x[2 * i + 1] - my;
            out[2 * i] = c * u + s * v;
            out[2 * i + 1] = -s * u + c * v;
        }
    }
    for (int q = 0; q < dims; q++) col_standardise(out, ns, dims, q);
}

/* ---------------------------------------------------------------- simulation */

void hrr_i_ideal_simulate(const ideal_data_t *d, const ideal_par_t *p, hrr_rng_t *rng,
                          uint32_t *v)
{
    const int D = p->dims;
    for (size_t j = 0; j < d->nt; j++) {
        double sigma = p->ordinal ? 1 / sqrt(p->p[j]) : 1;
        for (size_t k = d->start[j]; k < d->start[j + 1]; k++) {
            uint32_t i = d->v[k] >> 2;
            double m = p->a[j];
            for (int q = 0; q < D; q++) m += p->b[j * D + q] * p->x[(size_t)i * D + q];
            double ys = m + sigma * hrr_rng_normal(rng);
            uint32_t y = p->ordinal ? (ys < 0 ? 0 : ys < 1 ? 1 : 2) : ys > 0;
            v[k] = i << 2 | y;
        }
    }
}
