/*
 * hrr/report_sim.h - the simulation's results rendered once (table, CSV,
 * JSON) for the CLI and the server: an ensemble's summary by year and
 * quantity (with the effect against a baseline when it has one), the
 * out-of-sample validation, every run, the sensitivity table and the
 * parameter table. Included by the front ends, not by hrr.h.
 */
#ifndef HRR_REPORT_SIM_H
#define HRR_REPORT_SIM_H

#include "hrr/report.h"
#include "hrr/sim.h"

/* Columns: scenario, year, quantity, median, lo90, hi90, recorded, and with
 * a baseline effect_median, effect_lo90, effect_hi90 (against BASE). */
hrr_err_t hrr_report_sim(FILE *f, hrr_out_fmt_t fmt, const hrr_sim_summary_t *s);

/* Columns: year, quantity, recorded, median, lo90, hi90, inside (1/0);
 * only quantities recorded. The table form ends with the coverage line. */
hrr_err_t hrr_report_sim_validate(FILE *f, hrr_out_fmt_t fmt, const hrr_sim_summary_t *s);

/* Every run: run, year and one column per quantity. OUT as hrr_sim_run
 * filled it (RUNS x NY x HRR_SIM_NQ). */
hrr_err_t hrr_report_sim_runs(FILE *f, hrr_out_fmt_t fmt, const double *out, long runs, int y0, int ny);

/* Columns: parameter, identified, low, high, output, at_low, at_scenario,
 * at_high, lhs_corr. */
hrr_err_t hrr_report_sim_sens(FILE *f, hrr_out_fmt_t fmt, const hrr_sim_sens_t *s);

/* Columns: parameter, value, range, identified, meaning, source. */
hrr_err_t hrr_report_sim_params(FILE *f, hrr_out_fmt_t fmt, const hrr_sim_params_t *p);

#endif
