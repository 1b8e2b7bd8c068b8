/*
 * sim_fixture.h - what the simulation's tests share (test_sim.c,
 * test_sim_chr.c): a scenario's runs, a what-if against its baseline,
 * an out-of-sample validation run and its coverage.
 */
#ifndef HRR_TEST_SIM_FIXTURE_H
#define HRR_TEST_SIM_FIXTURE_H

#include "harness.h"

/* RUNS runs of P with SEED into OUT (runs x years x quantities): 1 when
 * they ran (a CHECK has said why not). */
static inline int sim_runs(hrr_store_t *st, const hrr_sim_params_t *p, long runs, unsigned long seed,
                           double *out)
{
    hrr_sim_t *sim = NULL;
    CHECK(hrr_sim_open(st, p, &sim) == HRR_OK);
    int ok = sim && hrr_sim_run(sim, 0, runs, seed, 0, out, NULL, NULL) == HRR_OK;
    CHECK(ok);
    hrr_sim_free(sim);
    return ok;
}

/* RUNS runs of scenario C with SEED into OC, summarised against the runs
 * OB of the baseline named BASE (the same seed): the summary, or NULL (a
 * CHECK has said why). */
static inline hrr_sim_summary_t *sim_against(hrr_store_t *st, const hrr_sim_params_t *c, long runs,
                                             unsigned long seed, const char *base, const double *ob,
                                             double *oc)
{
    hrr_sim_t *sim = NULL;
    hrr_sim_summary_t *sm = NULL;
    CHECK(hrr_sim_open(st, c, &sim) == HRR_OK);
    if (sim && hrr_sim_run(sim, 0, runs, seed, 0, oc, NULL, NULL) == HRR_OK &&
        hrr_sim_summarise(sim, oc, runs, seed, &sm) == HRR_OK &&
        hrr_sim_summary_compare(sm, base, oc, ob, runs) == HRR_OK) {
        hrr_sim_free(sim);
        return sm;
    }
    CHECK(!"the what-if runs");
    hrr_sim_summary_free(sm);
    hrr_sim_free(sim);
    return NULL;
}

/* RUNS runs of P (seed 1) on store ST, summarised: how many of the
 * recorded quantities of its years fall inside their 90% intervals, of
 * *TOTAL (0, 0 when the simulation could not be opened or run: a CHECK
 * has said so). */
static inline long sim_coverage(hrr_store_t *st, const hrr_sim_params_t *p, long runs, long *total)
{
    hrr_sim_t *sim = NULL;
    hrr_sim_summary_t *sm = NULL;
    long in = 0;
    *total = 0;
    CHECK(hrr_sim_open(st, p, &sim) == HRR_OK);
    if (!sim) return 0;
    double *o = calloc((size_t)runs * (size_t)p->years * HRR_SIM_NQ, sizeof *o);
    CHECK(o != NULL);
    if (o && hrr_sim_run(sim, 0, runs, 1, 0, o, NULL, NULL) == HRR_OK &&
        hrr_sim_summarise(sim, o, runs, 1, &sm) == HRR_OK)
        in = hrr_sim_summary_coverage(sm, total);
    else
        CHECK(!"the validation runs");
    free(o);
    hrr_sim_summary_free(sm);
    hrr_sim_free(sim);
    return in;
}

#endif
