/*
 * sim_fixture.h - what the simulation's tests share (test_sim.c,
 * test_sim_chr.c): an out-of-sample validation run and its coverage.
 */
#ifndef HRR_TEST_SIM_FIXTURE_H
#define HRR_TEST_SIM_FIXTURE_H

#include "harness.h"

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
