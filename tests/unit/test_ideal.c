/*
 * test_ideal.c - EM ideal points recover a known truth: 193 legislators x
 * 1,000 roll calls simulated from the probit model (GSL's generator, fixed
 * seed), 20% of the votes missing; the estimates must correlate with the
 * true ideal points at r >= 0.99. Then the real General Assembly: the
 * United States at the positive end, and the estimate repeatable.
 */
#include "harness.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>

static void test_simulated(void)
{
    enum { NS = 193, NT = 1000 };
    static double truth[NS], est[NS];
    static signed char y[NS * NT];
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(rng, 20261128);
    for (int i = 0; i < NS; i++) truth[i] = gsl_ran_ugaussian(rng);
    for (int j = 0; j < NT; j++) {
        double a = gsl_ran_gaussian(rng, 0.5), b = gsl_ran_gaussian(rng, 1.5);
        for (int i = 0; i < NS; i++) {
            double ystar = a + b * truth[i] + gsl_ran_ugaussian(rng);
            y[i * NT + j] = gsl_rng_uniform(rng) < 0.2 ? -1 : ystar > 0;
        }
    }
    gsl_rng_free(rng);
    int iters = 0, conv = 0;
    CHECK(hrr_ideal_fit(y, NS, NT, NULL, est, &iters, &conv, NULL) == HRR_OK);
    double r = fabs(gsl_stats_correlation(truth, 1, est, 1, NS));
    fprintf(stderr, "simulated %dx%d: r = %.4f after %d iterations (converged %d)\n", NS, NT, r,
            iters, conv);
    CHECK(r >= 0.99);
    CHECK(conv == 1);
}

static void test_real(void)
{
    char path[256];
    need_data();
    hrr_store_t *st = data_store(path);
    hrr_scope_opts_t sc = {"GA", 0, 0};
    hrr_ideal_t *a = NULL, *b = NULL;
    CHECK(hrr_ideal_run(st, &sc, NULL, &a) == HRR_OK);
    CHECK(hrr_ideal_run(st, &sc, NULL, &b) == HRR_OK);
    double usa = NAN, isr = NAN, cub = NAN;
    for (size_t i = 0; a && i < a->ns; i++) {
        if (!strcmp(a->iso3[i], "USA")) usa = a->x[i];
        if (!strcmp(a->iso3[i], "ISR")) isr = a->x[i];
        if (!strcmp(a->iso3[i], "CUB")) cub = a->x[i];
        CHECK(b && a->x[i] == b->x[i]); /* deterministic */
    }
    fprintf(stderr, "GA: %zu states, %zu roll calls, %d iterations; USA %.2f ISR %.2f CUB %.2f\n",
            a ? a->ns : 0, a ? a->nt : 0, a ? a->iterations : 0, usa, isr, cub);
    CHECK(usa > 1.5 && isr > 1.5 && cub < 0);
    hrr_ideal_free(a);
    hrr_ideal_free(b);
    hrr_store_close(st);
    rm_store(path);
}

int main(int argc, char **argv)
{
    harness_init(argc, argv);
    RUN(test_simulated);
    RUN_DATA(test_real);
    return harness_done();
}
