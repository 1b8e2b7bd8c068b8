/*
 * test_ideal_dyn.c - dynamic ideal points and the Gibbs sampler. Simulated
 * panels with a known random-walk truth (states entering and leaving), the
 * static special case against hrr_ideal_fit, the Gibbs sampler against a
 * simulated truth and against the EM on the Council (a reference computed
 * another way), the same draws on 1 and 2 threads, and the Council's paths.
 */
#include "harness.h"

#include "../../src/core/rng.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_statistics_double.h>
#include <math.h>
#include <omp.h>

enum { NS = 60, NY = 10, PER = 50, NT = NY * PER };

/* A panel: truth X (NS x NY, NaN outside each state's years), votes Y. */
static void panel(double omega, unsigned long seed, double *x, signed char *y, int *year)
{
    hrr_rng_t r;
    hrr_rng_init(&r, seed, 0);
    for (int i = 0; i < NS; i++) {
        int f = i % 6 == 0 ? 3 : 0, l = i % 7 == 0 ? 5 : NY - 1; /* entering, leaving */
        double v = hrr_rng_normal(&r);
        for (int t = 0; t < NY; t++) {
            if (t > 0) v += omega * hrr_rng_normal(&r);
            x[i * NY + t] = t >= f && t <= l ? v : NAN;
        }
    }
    for (int j = 0; j < NT; j++) {
        year[j] = 2000 + j / PER;
        double a = 0.5 * hrr_rng_normal(&r), b = 1.5 * hrr_rng_normal(&r);
        for (int i = 0; i < NS; i++) {
            double xi = x[i * NY + j / PER];
            if (isnan(xi) || hrr_rng_uniform(&r) < 0.1) {
                y[i * NT + j] = -1;
                continue;
            }
            y[i * NT + j] = a + b * xi + hrr_rng_normal(&r) > 0;
        }
    }
}

static double corr_defined(const double *a, const double *b, size_t n)
{
    static double u[NS * NY], v[NS * NY];
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!isnan(a[i]) && !isnan(b[i])) u[k] = a[i], v[k] = b[i], k++;
    return fabs(gsl_stats_correlation(u, 1, v, 1, k));
}

static void test_dynamic_sim(void)
{
    static double truth[NS * NY], est[NS * NY], sd[NS * NY];
    static signed char y[NS * NT];
    static int year[NT];
    panel(0.3, 5, truth, y, year);
    hrr_ideal_dyn_opts_t o = {.omega = 0.3};
    int it = 0, conv = 0;
    CHECK(hrr_ideal_dyn_fit(y, NS, NT, year, &o, NULL, est, sd, &it, &conv, NULL) == HRR_OK);
    CHECK(conv);
    double r = corr_defined(truth, est, NS * NY);
    fprintf(stderr, "dynamic: r = %.4f with the truth over state-years, %d iterations\n", r, it);
    CHECK(r >= 0.95);
    /* defined exactly on each state's years; sds positive and small */
    int ok = 1;
    for (int k = 0; k < NS * NY; k++) {
        ok &= isnan(truth[k]) == isnan(est[k]);
        if (!isnan(est[k])) ok &= sd[k] > 0 && sd[k] < 1;
    }
    CHECK(ok);
    /* the walk moves: a state's path is not flat */
    CHECK(fabs(est[1 * NY + 9] - est[1 * NY + 1]) > 0.05);

    /* the static special case: a tiny step gives flat paths equal to the
     * one-dimensional EM */
    panel(0, 9, truth, y, year);
    hrr_ideal_dyn_opts_t flat = {.omega = 1e-4};
    CHECK(hrr_ideal_dyn_fit(y, NS, NT, year, &flat, NULL, est, NULL, NULL, NULL, NULL) == HRR_OK);
    static double x1[NS], xs[NS];
    CHECK(hrr_ideal_fit(y, NS, NT, NULL, x1, NULL, NULL, NULL) == HRR_OK);
    for (int i = 0; i < NS; i++) xs[i] = est[i * NY + 5];
    double rs = fabs(gsl_stats_correlation(x1, 1, xs, 1, NS));
    fprintf(stderr, "dynamic with omega 1e-4 against the static EM: r = %.5f\n", rs);
    CHECK(rs >= 0.99);
    double spread = 0;
    for (int i = 0; i < NS; i++)
        if (!isnan(est[i * NY + 5]) && !isnan(est[i * NY + 4])) spread += fabs(est[i * NY + 5] - est[i * NY + 4]);
    CHECK(spread / NS < 1e-2);

    hrr_ideal_dyn_opts_t bad = {.omega = -1};
    CHECK(hrr_ideal_dyn_fit(y, NS, NT, year, &bad, NULL, est, NULL, NULL, NULL, NULL) == HRR_EINVAL);
}

static void test_gibbs_sim(void)
{
    enum { S = 50, T = 200 };
    static signed char y[S * T];
    static double truth[S], mean[S], sd[S], mean2[S], sd2[S];
    hrr_rng_t r;
    hrr_rng_init(&r, 77, 0);
    for (int i = 0; i < S; i++) truth[i] = hrr_rng_normal(&r);
    for (int j = 0; j < T; j++) {
        double a = 0.5 * hrr_rng_normal(&r), b = 1.5 * hrr_rng_normal(&r);
        for (int i = 0; i < S; i++)
            y[i * T + j] = hrr_rng_uniform(&r) < 0.1 ? -1 : (signed char)(a + b * truth[i] + hrr_rng_normal(&r) > 0);
    }
    hrr_ideal_gibbs_opts_t o = {.iter = 600, .burn = 200, .chains = 2, .seed = 3};
    omp_set_num_threads(1);
    CHECK(hrr_ideal_gibbs_fit(y, S, T, &o, -1, mean, sd, NULL) == HRR_OK);
    double rr = fabs(gsl_stats_correlation(truth, 1, mean, 1, S));
    fprintf(stderr, "gibbs: r = %.4f with the truth\n", rr);
    CHECK(rr >= 0.98);
    /* about 95% of the (standardised) truth within 1.96 posterior sd */
    double mt = gsl_stats_mean(truth, 1, S), st = gsl_stats_sd(truth, 1, S);
    int in = 0;
    for (int i = 0; i < S; i++) {
        double t = (truth[i] - mt) / st * (gsl_stats_correlation(truth, 1, mean, 1, S) > 0 ? 1 : -1);
        in += fabs(t - mean[i]) <= 1.96 * sd[i] + 0.05;
    }
    CHECK(in >= S * 8 / 10);
    /* the same seed on two threads: the same figures, bit for bit */
    omp_set_num_threads(2);
    CHECK(hrr_ideal_gibbs_fit(y, S, T, &o, -1, mean2, sd2, NULL) == HRR_OK);
    CHECK(memcmp(mean, mean2, sizeof mean) == 0 && memcmp(sd, sd2, sizeof sd) == 0);
    o.seed = 4;
    CHECK(hrr_ideal_gibbs_fit(y, S, T, &o, -1, mean2, sd2, NULL) == HRR_OK);
    CHECK(memcmp(mean, mean2, sizeof mean) != 0);
    hrr_ideal_gibbs_opts_t bad = {.iter = 10, .thin = 20};
    CHECK(hrr_ideal_gibbs_fit(y, S, T, &bad, -1, mean2, sd2, NULL) == HRR_EINVAL);
}

static void test_council(void)
{
    char path[256];
    hrr_store_t *st = data_store(path);
    hrr_scope_opts_t sc = {.body = "HRC"};
    hrr_ideal_dyn_t *d = NULL;
    CHECK(hrr_ideal_dyn_run(st, &sc, NULL, &d) == HRR_OK);
    if (d) {
        /* the United States and China on opposite sides in every year both
         * have a point; the United States positive */
        int both = 0, apart = 0;
        long voted = 0;
        for (size_t k = 0; k < d->n; k++) {
            voted += d->r[k].n > 0;
            if (strcmp(d->r[k].iso3, "USA")) continue;
            for (size_t q = 0; q < d->n; q++)
                if (!strcmp(d->r[q].iso3, "CHN") && d->r[q].year == d->r[k].year) {
                    both++;
                    apart += d->r[k].x > 0 && d->r[q].x < 0;
                }
        }
        CHECK(both >= 10 && apart == both);
        /* the state-years with votes are those with a yes or no on a
         * contested vote (of the states with 20 or more) */
        long want = sql_long(st,
            "WITH c AS (SELECT i.id, substr(i.date,1,4) y FROM items i WHERE i.body='HRC' AND"
            " EXISTS (SELECT 1 FROM ballots b WHERE b.item_id=i.id AND b.vote=1) AND"
            " EXISTS (SELECT 1 FROM ballots b WHERE b.item_id=i.id AND b.vote=2)),"
            " s AS (SELECT b.state_id FROM ballots b JOIN c ON c.id=b.item_id WHERE b.vote IN (1,2)"
            " GROUP BY b.state_id HAVING count(*) >= 20)"
            " SELECT count(DISTINCT b.state_id || '-' || c.y) FROM ballots b JOIN c ON c.id=b.item_id"
            " WHERE b.vote IN (1,2) AND b.state_id IN (SELECT state_id FROM s)");
        CHECK_EQ_LONG(voted, want);
    }
    hrr_ideal_dyn_free(d);
    /* the Gibbs sampler's posterior means against the EM */
    hrr_ideal_gibbs_opts_t go = {.iter = 400, .burn = 100, .chains = 2, .seed = 1};
    hrr_ideal_gibbs_t *g = NULL;
    hrr_ideal_t *e = NULL;
    CHECK(hrr_ideal_gibbs_run(st, &sc, &go, &g) == HRR_OK);
    CHECK(hrr_ideal_run(st, &sc, NULL, &e) == HRR_OK);
    if (g && e) {
        CHECK_EQ_LONG(g->ns, e->ns);
        static double a[400], b[400];
        size_t n = 0;
        for (size_t i = 0; i < g->ns && i < e->ns && n < 400; i++)
            if (!strcmp(g->iso3[i], e->iso3[i])) a[n] = g->mean[i], b[n] = e->x[i], n++;
        double r = gsl_stats_correlation(a, 1, b, 1, n);
        fprintf(stderr, "Council: Gibbs posterior means against the EM: r = %.4f over %zu states\n", r, n);
        CHECK(r >= 0.98);
        for (size_t i = 0; i < g->ns; i++)
            if (!strcmp(g->iso3[i], "USA")) CHECK(g->mean[i] > 0);
    }
    hrr_ideal_gibbs_free(g);
    hrr_ideal_free(e);
    hrr_store_close(st);
    rm_store(path);
}

int main(int argc, char **argv)
{
    harness_init(argc, argv);
    RUN(test_dynamic_sim);
    RUN(test_gibbs_sim);
    need_data();
    RUN_DATA(test_council);
    return harness_done();
}
