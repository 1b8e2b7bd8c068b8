/*
 * test_ideal_em.c - the EM ideal-point family against known truths and
 * against GSL:
 *   - the tabulated inverse Mills ratio phi/Phi against GSL's density and
 *     distribution function on [-35, 30] (relative error < 1e-9 up to 2,
 *     absolute < 1e-10 everywhere);
 *   - speed: 193 states x 6,000 roll calls drawn from the model, r >= 0.99
 *     with the truth in at most 30 EM steps (the time is printed, not
 *     asserted: the machine is shared);
 *   - threads: the same estimates bit for bit on one thread and on two;
 *   - two dimensions: the truth recovered after an orthogonal Procrustes
 *     rotation at r >= 0.95 per dimension;
 *   - the ordinal model: r >= 0.99 with the truth;
 *   - the parametric bootstrap: 95% intervals cover the truth for 85% to
 *     99% of the states, and the standard errors are byte-identical on one
 *     thread and on two;
 *   - bad options and bad codes (HRR_EINVAL), failed allocations
 *     (HRR_ENOMEM, nothing leaked under the sanitizer build);
 *   - the Council: dim1 in two dimensions and the ordinal model against the
 *     one-dimensional binary fit.
 */
#include "harness.h"

#include "analysis/ideal_em.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <omp.h>
#include <time.h>

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static void test_mills(void)
{
    /* relative error where lambda is large (m <= 2), absolute error
     * everywhere (above 2, lambda < 0.06 decays like the density and only
     * enters as m + lambda, m >= 2) */
    double rel = 0, ab = 0, zrel = 0;
    for (double m = -35; m <= 30; m += 0.001237) {
        double ref = gsl_ran_ugaussian_pdf(m) / gsl_cdf_ugaussian_P(m), got = hrr_i_ideal_mills(m);
        double e = fabs(got - ref);
        if (m <= 2 && e / ref > rel) rel = e / ref;
        if (e > ab) ab = e;
        if (fabs(m + ref) > 0.1 && e / fabs(m + ref) > zrel) zrel = e / fabs(m + ref);
    }
    fprintf(stderr, "Mills ratio vs GSL: relative error %.2e (m <= 2), absolute %.2e, on m + lambda %.2e\n",
            rel, ab, zrel);
    CHECK(rel < 1e-9);
    CHECK(ab < 1e-10);
    CHECK(zrel < 1e-10);
    /* far below the table: lambda(m) -> -m */
    CHECK(fabs(hrr_i_ideal_mills(-100) - 100.01) < 1e-3);
}

static void test_speed(void)
{
    enum { NS = 193, NT = 6000 };
    signed char *y = malloc((size_t)NS * NT);
    double truth[NS], x[NS];
    int iters = 0, conv = 0;
    CHECK(hrr_ideal_simulate(NS, NT, 1, HRR_IDEAL_BINARY, 0.1, 1, y, truth) == HRR_OK);
    double t0 = now_s();
    CHECK(hrr_ideal_fit(y, NS, NT, NULL, x, &iters, &conv, NULL) == HRR_OK);
    double t = now_s() - t0, r = fabs(gsl_stats_correlation(truth, 1, x, 1, NS));
    fprintf(stderr, "simulated %dx%d: %.3f s, %d iterations, r = %.4f\n", NS, NT, t, iters, r);
    CHECK(r >= 0.99);
    CHECK(conv == 1);
    CHECK(iters <= 30);
    free(y);
}

/* The EM on one thread and on two: the same estimates bit for bit (the
 * items run in chunks on every core, their sums added in a fixed order),
 * for the binary model in one and two dimensions and the ordinal model, on
 * a matrix wide enough for several chunks (120 x 3,000: five), and one
 * narrow enough for one (the sequential pass). Each fit also recovers the
 * truth (r >= 0.95 on dim1), so that the equal answers are right ones. */
static void test_threads(void)
{
    enum { NS = 120 };
    static const size_t nts[2] = {3000, 400};
    signed char *y = malloc((size_t)NS * 3000);
    double truth[2 * NS], x1[2 * NS], x2[2 * NS];
    for (int w = 0; w < 2; w++)
        for (int k = 0; k < 3; k++) {
            const int dims = k == 1 ? 2 : 1;
            const int model = k == 2 ? HRR_IDEAL_ORDINAL : HRR_IDEAL_BINARY;
            hrr_ideal_opts_t o;
            memset(&o, 0, sizeof o);
            o.dims = dims;
            o.model = model;
            int it1 = 0, it2 = 0, c1 = 0, c2 = 0;
            CHECK(hrr_ideal_simulate(NS, nts[w], dims, model, 0.1, 7 + (unsigned long)k, y, truth) == HRR_OK);
            omp_set_num_threads(1);
            CHECK(hrr_ideal_fit(y, NS, nts[w], &o, x1, &it1, &c1, NULL) == HRR_OK);
            omp_set_num_threads(2);
            CHECK(hrr_ideal_fit(y, NS, nts[w], &o, x2, &it2, &c2, NULL) == HRR_OK);
            CHECK(memcmp(x1, x2, (size_t)NS * dims * sizeof *x1) == 0);
            CHECK(it1 == it2 && c1 == c2);
            double r = fabs(gsl_stats_correlation(truth, dims, x1, dims, NS));
            fprintf(stderr, "%d x %zu, %s, %d dim: %d iterations on 1 and 2 threads, r dim1 %.4f\n", NS, nts[w],
                    model == HRR_IDEAL_ORDINAL ? "ordinal" : "binary", dims, it1, r);
            CHECK(r >= 0.95);
        }
    omp_set_num_threads(omp_get_num_procs());
    free(y);
}

/* r per dimension after turning EST (ns x 2) onto TRUTH by the orthogonal
 * Procrustes rotation R = U V' of the SVD of EST' TRUTH = U S V'. */
static void procrustes_r(const double *est, const double *truth, size_t ns, double r[2])
{
    gsl_matrix *m = gsl_matrix_calloc(2, 2), *v = gsl_matrix_alloc(2, 2);
    gsl_vector *s = gsl_vector_alloc(2), *w = gsl_vector_alloc(2);
    for (size_t i = 0; i < ns; i++)
        for (int a = 0; a < 2; a++)
            for (int b = 0; b < 2; b++)
                *gsl_matrix_ptr(m, a, b) += est[2 * i + a] * truth[2 * i + b];
    gsl_linalg_SV_decomp(m, v, s, w); /* m becomes U */
    double R[2][2], *rot = malloc(ns * 2 * sizeof *rot);
    for (int a = 0; a < 2; a++)
        for (int b = 0; b < 2; b++)
            R[a][b] = gsl_matrix_get(m, a, 0) * gsl_matrix_get(v, b, 0) +
                      gsl_matrix_get(m, a, 1) * gsl_matrix_get(v, b, 1);
    for (size_t i = 0; i < ns; i++)
        for (int b = 0; b < 2; b++) rot[2 * i + b] = est[2 * i] * R[0][b] + est[2 * i + 1] * R[1][b];
    for (int b = 0; b < 2; b++) r[b] = gsl_stats_correlation(rot + b, 2, truth + b, 2, ns);
    free(rot);
    gsl_matrix_free(m);
    gsl_matrix_free(v);
    gsl_vector_free(s);
    gsl_vector_free(w);
}

static void test_two_dims(void)
{
    enum { NS = 193, NT = 1000 };
    signed char *y = malloc((size_t)NS * NT);
    double truth[2 * NS], x[2 * NS], r[2];
    hrr_ideal_opts_t o = {0};
    int iters = 0, conv = 0;
    o.dims = 2;
    CHECK(hrr_ideal_simulate(NS, NT, 2, HRR_IDEAL_BINARY, 0.1, 7, y, truth) == HRR_OK);
    CHECK(hrr_ideal_fit(y, NS, NT, &o, x, &iters, &conv, NULL) == HRR_OK);
    /* identified: each dimension mean 0, sd 1, uncorrelated */
    CHECK(fabs(gsl_stats_mean(x, 2, NS)) < 1e-9 && fabs(gsl_stats_sd(x + 1, 2, NS) - 1) < 1e-9);
    CHECK(fabs(gsl_stats_correlation(x, 2, x + 1, 2, NS)) < 1e-9);
    procrustes_r(x, truth, NS, r);
    fprintf(stderr, "2-D %dx%d: %d iterations, r after rotation %.4f, %.4f\n", NS, NT, iters, r[0],
            r[1]);
    CHECK(r[0] >= 0.95 && r[1] >= 0.95);
    CHECK(conv == 1);
    free(y);
}

static void test_ordinal(void)
{
    enum { NS = 193, NT = 1000 };
    signed char *y = malloc((size_t)NS * NT);
    double truth[NS], x[NS];
    hrr_ideal_opts_t o = {0};
    int iters = 0, conv = 0;
    long n[3] = {0, 0, 0};
    o.model = HRR_IDEAL_ORDINAL;
    CHECK(hrr_ideal_simulate(NS, NT, 1, HRR_IDEAL_ORDINAL, 0.1, 3, y, truth) == HRR_OK);
    for (size_t k = 0; k < (size_t)NS * NT; k++)
        if (y[k] >= 0) n[y[k]]++;
    CHECK(n[1] > NS * NT / 20); /* abstentions are there */
    CHECK(hrr_ideal_fit(y, NS, NT, &o, x, &iters, &conv, NULL) == HRR_OK);
    double r = fabs(gsl_stats_correlation(truth, 1, x, 1, NS));
    fprintf(stderr, "ordinal %dx%d (%ld no, %ld abstain, %ld yes): %d iterations, r = %.4f\n", NS,
            NT, n[0], n[1], n[2], iters, r);
    CHECK(r >= 0.99);
    CHECK(conv == 1);
    free(y);
}

static void test_bootstrap(void)
{
    enum { NS = 193, NT = 300, REPS = 100 };
    signed char *y = malloc((size_t)NS * NT);
    double truth[NS], x[NS], se[NS], se2[NS], x2[NS];
    hrr_ideal_opts_t o = {0};
    o.se_reps = REPS;
    o.seed = 42;
    CHECK(hrr_ideal_simulate(NS, NT, 1, HRR_IDEAL_BINARY, 0.1, 5, y, truth) == HRR_OK);
    omp_set_num_threads(1);
    CHECK(hrr_ideal_fit_se(y, NS, NT, &o, x, se, NULL, NULL, NULL) == HRR_OK);
    omp_set_num_threads(2);
    CHECK(hrr_ideal_fit_se(y, NS, NT, &o, x2, se2, NULL, NULL, NULL) == HRR_OK);
    CHECK(memcmp(se, se2, sizeof se) == 0 && memcmp(x, x2, sizeof x) == 0);
    /* the truth on the estimate's scale: standardised, same orientation */
    double m = gsl_stats_mean(truth, 1, NS), s = gsl_stats_sd(truth, 1, NS);
    double sg = gsl_stats_correlation(truth, 1, x, 1, NS) < 0 ? -1 : 1, cover = 0, mse = 0;
    for (int i = 0; i < NS; i++) {
        double t = sg * (truth[i] - m) / s;
        cover += fabs(t - x[i]) <= 1.96 * se[i];
        mse += se[i] / NS;
        CHECK(se[i] > 0);
    }
    cover /= NS;
    fprintf(stderr, "bootstrap %dx%d, %d replicates: mean se %.4f, coverage %.3f\n", NS, NT, REPS,
            mse, cover);
    CHECK(cover >= 0.85 && cover <= 0.99);
    /* another seed, other draws */
    o.seed = 43;
    CHECK(hrr_ideal_fit_se(y, NS, NT, &o, x2, se2, NULL, NULL, NULL) == HRR_OK);
    CHECK(memcmp(se, se2, sizeof se) != 0);
    free(y);
}

static void test_bad(void)
{
    signed char y[6] = {1, 0, 1, 0, 1, -1};
    double x[6], se[3];
    hrr_ideal_opts_t o = {0};
    o.dims = 3;
    CHECK(hrr_ideal_fit(y, 3, 2, &o, x, NULL, NULL, NULL) == HRR_EINVAL);
    o.dims = 2;
    o.model = HRR_IDEAL_ORDINAL;
    CHECK(hrr_ideal_fit(y, 3, 2, &o, x, NULL, NULL, NULL) == HRR_EINVAL);
    o.model = 7;
    o.dims = 1;
    CHECK(hrr_ideal_fit(y, 3, 2, &o, x, NULL, NULL, NULL) == HRR_EINVAL);
    o.model = HRR_IDEAL_BINARY;
    o.dims = 2;
    o.se_reps = 10;
    CHECK(hrr_ideal_fit_se(y, 3, 2, &o, x, se, NULL, NULL, NULL) == HRR_EINVAL);
    y[2] = 2; /* abstain is not a binary code */
    CHECK(hrr_ideal_fit(y, 3, 2, NULL, x, NULL, NULL, NULL) == HRR_EINVAL);
    o.model = HRR_IDEAL_ORDINAL;
    o.dims = 1;
    o.se_reps = 0;
    CHECK(hrr_ideal_fit(y, 3, 2, &o, x, NULL, NULL, NULL) == HRR_OK);
    y[2] = 3;
    CHECK(hrr_ideal_fit(y, 3, 2, &o, x, NULL, NULL, NULL) == HRR_EINVAL);
    CHECK(hrr_ideal_simulate(3, 2, 1, HRR_IDEAL_BINARY, 1.0, 1, y, x) == HRR_EINVAL);
}

static void test_nomem(void)
{
    enum { NS = 20, NT = 40 };
    signed char y[NS * NT];
    double truth[NS], x[NS], se[NS];
    hrr_ideal_opts_t o = {0};
    o.se_reps = 4;
    CHECK(hrr_ideal_simulate(NS, NT, 1, HRR_IDEAL_BINARY, 0.1, 9, y, truth) == HRR_OK);
    int fails = 0;
    hrr_ctx_t *ctx;
    CHECK(hrr_ctx_new(&ctx) == HRR_OK);
    for (long k = 0; k < 40; k++) {
        hrr_i_ctx_fail_after(ctx, k);
        hrr_err_t rc = hrr_ideal_fit_se(y, NS, NT, &o, x, se, NULL, NULL, ctx);
        hrr_i_ctx_fail_after(ctx, -1);
        CHECK(rc == HRR_OK || rc == HRR_ENOMEM);
        fails += rc == HRR_ENOMEM;
    }
    hrr_ctx_free(ctx);
    CHECK(fails >= 10);
}

static double cor_by_state(const hrr_ideal_t *a, const double *xa, const hrr_ideal_t *b,
                           const double *xb, size_t *n)
{
    double *u = malloc(a->ns * sizeof *u), *v = malloc(a->ns * sizeof *v);
    size_t k = 0;
    for (size_t i = 0; i < a->ns; i++)
        for (size_t j = 0; j < b->ns; j++)
            if (!strcmp(a->iso3[i], b->iso3[j])) u[k] = xa[i], v[k++] = xb[j];
    double r = k > 2 ? gsl_stats_correlation(u, 1, v, 1, k) : NAN;
    free(u);
    free(v);
    *n = k;
    return r;
}

static void test_council(void)
{
    char path[256];
    need_data();
    hrr_store_t *st = data_store(path);
    hrr_scope_opts_t sc = {"HRC", 0, 0};
    hrr_ideal_opts_t o2 = {0}, oo = {0}, os = {0};
    o2.dims = 2;
    oo.model = HRR_IDEAL_ORDINAL;
    os.se_reps = 20;
    hrr_ideal_t *b = NULL, *d2 = NULL, *ord = NULL, *se = NULL;
    CHECK(hrr_ideal_run(st, &sc, NULL, &b) == HRR_OK);
    CHECK(hrr_ideal_run(st, &sc, &o2, &d2) == HRR_OK);
    CHECK(hrr_ideal_run(st, &sc, &oo, &ord) == HRR_OK);
    CHECK(hrr_ideal_run(st, &sc, &os, &se) == HRR_OK);
    if (b && d2 && ord && se) {
        size_t n2, no;
        double r2 = cor_by_state(b, b->x, d2, d2->x, &n2);
        double ro = cor_by_state(b, b->x, ord, ord->x, &no);
        fprintf(stderr,
                "Council: 1-D %zu states %d it; 2-D dim1 r = %.4f (%zu states, %d it); ordinal r = "
                "%.4f (%zu states, %zu votes, %d it)\n",
                b->ns, b->iterations, r2, n2, d2->iterations, ro, no, ord->nt, ord->iterations);
        CHECK(r2 >= 0.95);
        CHECK(ro >= 0.9);
        CHECK(d2->dims == 2 && d2->x2 && !b->x2 && !b->se);
        CHECK(ord->nt >= b->nt); /* items with only yes and abstain join in */
        CHECK(se->se && se->ns == b->ns);
        for (size_t i = 0; se->se && i < se->ns; i++) {
            CHECK(se->se[i] > 0 && se->se[i] < 1);
            CHECK(se->x[i] == b->x[i]); /* the bootstrap leaves the estimate alone */
        }
        for (size_t i = 0; i < d2->ns; i++)
            if (!strcmp(d2->iso3[i], "USA")) CHECK(d2->x[i] > 0 && d2->x2[i] > 0);
    }
    o2.dims = 3;
    hrr_ideal_t *bad = NULL;
    CHECK(hrr_ideal_run(st, &sc, &o2, &bad) == HRR_EINVAL && !bad);
    CHECK_HAS(hrr_store_errmsg(st), "1 or 2 only");
    oo.dims = 2;
    CHECK(hrr_ideal_run(st, &sc, &oo, &bad) == HRR_EINVAL && !bad);
    CHECK_HAS(hrr_store_errmsg(st), "ordinal model is one-dimensional");
    hrr_ideal_free(b);
    hrr_ideal_free(d2);
    hrr_ideal_free(ord);
    hrr_ideal_free(se);
    hrr_store_close(st);
    rm_store(path);
}

int main(int argc, char **argv)
{
    harness_init(argc, argv);
    RUN(test_mills);
    RUN(test_speed);
    RUN(test_threads);
    RUN(test_two_dims);
    RUN(test_ordinal);
    RUN(test_bootstrap);
    RUN(test_bad);
    RUN(test_nomem);
    RUN_DATA(test_council);
    return harness_done();
}
