/*
 * report_sim.c - the simulation's results (include/hrr/report_sim.h) as a
 * table, CSV or JSON through the row writer: one row per year and
 * quantity, numbers with 3 decimals in the table and CSV, JSON numbers
 * (null where a quantity is undefined, e.g. the share adopted of a year
 * with no country text). docs/simulation.md shows them.
 */
#include "jsonout.h"
#include "hrr/report_sim.h"

#include <math.h>
#include <string.h>

static int digits(int q)
{
    return q == HRR_SIM_SHARE_ADOPTED || q == HRR_SIM_LMG || q == HRR_SIM_UPR_SOFTBALL || q == HRR_SIM_UPR_SUPPORTED ||
                   q == HRR_SIM_CHINA_YES
               ? 3
               : 1;
}

hrr_err_t hrr_report_sim(FILE *f, hrr_out_fmt_t fmt, const hrr_sim_summary_t *s)
{
    static const char *const cols[] = {"scenario", "year", "quantity", "median", "lo90", "hi90", "recorded",
                                       "effect_median", "effect_lo90", "effect_hi90"};
    size_t nc = s->base_med ? 10 : 7;
    hrr_out_t o;
    if (!hrr_out_begin(&o, fmt, f, nc, cols)) {
        hrr_out_end(&o);
        return HRR_ENOMEM;
    }
    for (int y = 0; y < s->ny; y++)
        for (int q = 0; q < HRR_SIM_NQ; q++) {
            size_t c = (size_t)y * HRR_SIM_NQ + (size_t)q;
            int d = digits(q);
            hrr_out_text(&o, s->scenario);
            hrr_out_int(&o, s->y0 + y);
            hrr_out_text(&o, hrr_sim_q_name(q));
            hrr_out_real(&o, s->med[c], d);
            hrr_out_real(&o, s->lo[c], d);
            hrr_out_real(&o, s->hi[c], d);
            hrr_out_real(&o, s->rec[c], d);
            if (s->base_med) {
                hrr_out_real(&o, s->base_med[c], d);
                hrr_out_real(&o, s->base_lo[c], d);
                hrr_out_real(&o, s->base_hi[c], d);
            }
        }
    for (int q = 0; q < HRR_SIM_NQ; q++) { /* over all the years: year null */
        int d = digits(q);
        hrr_out_text(&o, s->scenario);
        hrr_out_null(&o);
        hrr_out_text(&o, hrr_sim_q_name(q));
        hrr_out_real(&o, s->tmed[q], d);
        hrr_out_real(&o, s->tlo[q], d);
        hrr_out_real(&o, s->thi[q], d);
        hrr_out_real(&o, s->trec[q], d);
        if (s->base_med) {
            hrr_out_real(&o, s->tbmed[q], d);
            hrr_out_real(&o, s->tblo[q], d);
            hrr_out_real(&o, s->tbhi[q], d);
        }
    }
    hrr_err_t rc = hrr_i_out_result(&o);
    if (!rc && fmt == HRR_OUT_TABLE) {
        fprintf(f, "\n%s: %ld runs, seed %lu; median and 90%% interval (5%%-95%%) per year; rows with no year:\n"
                   "%d-%d, each run's total (counts) or mean (share_adopted, margin, lmg_cohesion, the UPR's shares,"
                   " china_yes)",
                s->scenario, s->runs, s->seed, s->y0, s->y0 + s->ny - 1);
        if (s->base_med) fprintf(f, "; effect: the run-by-run difference from %s (same seed)", s->base);
        fprintf(f, "\nnot identified by the records (assumptions; hrr simulate --params, --sensitivity):");
        for (int i = 0, k = 0; i < hrr_sim_param_count(); i++)
            if (!hrr_sim_param_identified(i)) fprintf(f, "%s %s", k++ ? "," : "", hrr_sim_param_name(i));
        fprintf(f, "\n");
        if (ferror(f)) rc = HRR_EIO;
    }
    return rc;
}

hrr_err_t hrr_report_sim_validate(FILE *f, hrr_out_fmt_t fmt, const hrr_sim_summary_t *s)
{
    static const char *const cols[] = {"year", "quantity", "recorded", "median", "lo90", "hi90", "inside"};
    hrr_out_t o;
    if (!hrr_out_begin(&o, fmt, f, 7, cols)) {
        hrr_out_end(&o);
        return HRR_ENOMEM;
    }
    for (int y = 0; y < s->ny; y++)
        for (int q = 0; q < HRR_SIM_NQ; q++) {
            size_t c = (size_t)y * HRR_SIM_NQ + (size_t)q;
            if (isnan(s->rec[c]) || isnan(s->lo[c])) continue;
            int d = digits(q);
            hrr_out_int(&o, s->y0 + y);
            hrr_out_text(&o, hrr_sim_q_name(q));
            hrr_out_real(&o, s->rec[c], d);
            hrr_out_real(&o, s->med[c], d);
            hrr_out_real(&o, s->lo[c], d);
            hrr_out_real(&o, s->hi[c], d);
            hrr_out_int(&o, s->rec[c] >= s->lo[c] - 1e-9 && s->rec[c] <= s->hi[c] + 1e-9);
        }
    hrr_err_t rc = hrr_i_out_result(&o);
    if (!rc && fmt == HRR_OUT_TABLE) {
        long n, in = hrr_sim_summary_coverage(s, &n);
        fprintf(f, "\n%s, out of sample %d-%d: %ld of %ld recorded quantities inside the 90%% interval (%.0f%%); %ld runs, seed %lu\n",
                s->scenario, s->y0, s->y0 + s->ny - 1, in, n, n ? 100.0 * (double)in / (double)n : 0.0, s->runs,
                s->seed);
        if (ferror(f)) rc = HRR_EIO;
    }
    return rc;
}

hrr_err_t hrr_report_sim_runs(FILE *f, hrr_out_fmt_t fmt, const double *out, long runs, int y0, int ny)
{
    const char *cols[2 + HRR_SIM_NQ] = {"run", "year"};
    for (int q = 0; q < HRR_SIM_NQ; q++) cols[2 + q] = hrr_sim_q_name(q);
    hrr_out_t o;
    if (!hrr_out_begin(&o, fmt, f, 2 + HRR_SIM_NQ, cols)) {
        hrr_out_end(&o);
        return HRR_ENOMEM;
    }
    for (long r = 0; r < runs; r++)
        for (int y = 0; y < ny; y++) {
            const double *v = out + ((size_t)r * (size_t)ny + (size_t)y) * HRR_SIM_NQ;
            hrr_out_int(&o, r);
            hrr_out_int(&o, y0 + y);
            for (int q = 0; q < HRR_SIM_NQ; q++) hrr_out_real(&o, v[q], digits(q) == 3 ? 4 : 1);
        }
    return hrr_i_out_result(&o);
}

hrr_err_t hrr_report_sim_sens(FILE *f, hrr_out_fmt_t fmt, const hrr_sim_sens_t *s)
{
    static const char *const cols[] = {"parameter", "identified", "low", "high", "output",
                                       "at_low", "at_scenario", "at_high", "lhs_corr"};
    hrr_out_t o;
    if (!hrr_out_begin(&o, fmt, f, 9, cols)) {
        hrr_out_end(&o);
        return HRR_ENOMEM;
    }
    for (int i = 0; i < s->np; i++) {
        double lo = 0, hi = 0;
        hrr_sim_param_span(s->param[i], &lo, &hi);
        for (int k = 0; k < s->nq; k++) {
            size_t c = (size_t)i * (size_t)s->nq + (size_t)k;
            int d = s->q[k] == HRR_SIM_LMG ? 4 : 1;
            hrr_out_text(&o, hrr_sim_param_name(s->param[i]));
            hrr_out_text(&o, hrr_sim_param_identified(s->param[i]) ? "yes" : "no (assumption)");
            hrr_out_real(&o, lo, 3);
            hrr_out_real(&o, hi, 3);
            hrr_out_text(&o, hrr_sim_q_name(s->q[k]));
            hrr_out_real(&o, s->oat_lo[c], d);
            hrr_out_real(&o, s->base[k], d);
            hrr_out_real(&o, s->oat_hi[c], d);
            hrr_out_real(&o, s->corr[c], 3);
        }
    }
    return hrr_i_out_result(&o);
}

hrr_err_t hrr_report_sim_params(FILE *f, hrr_out_fmt_t fmt, const hrr_sim_params_t *p)
{
    static const char *const cols[] = {"parameter", "value", "range", "identified", "meaning", "source"};
    hrr_out_t o;
    if (!hrr_out_begin(&o, fmt, f, 6, cols)) {
        hrr_out_end(&o);
        return HRR_ENOMEM;
    }
    hrr_out_maxwidth(&o, 4, 60);
    hrr_out_maxwidth(&o, 5, 60);
    hrr_out_text(&o, "rules");
    hrr_out_text(&o, p->rules);
    hrr_out_text(&o, "a rule set name or file");
    hrr_out_text(&o, "yes");
    hrr_out_text(&o, "the Council's rule set (hrr rules list)");
    hrr_out_text(&o, "rules/hrc.json");
    for (int i = 0; i < hrr_sim_param_count(); i++) {
        const char *range = hrr_sim_param_range(i);
        double v = hrr_sim_param_get(p, i);
        hrr_out_text(&o, hrr_sim_param_name(i));
        if (range[0] == 't') hrr_out_text(&o, v != 0 ? "true" : "false");
        else if (!strncmp(range, "an integer", 10)) hrr_out_int(&o, (long long)v);
        else hrr_out_real(&o, v, 3);
        hrr_out_text(&o, hrr_sim_param_range(i));
        hrr_out_text(&o, hrr_sim_param_identified(i) ? "yes" : "no (assumption)");
        hrr_out_text(&o, hrr_sim_param_about(i));
        hrr_out_text(&o, hrr_sim_param_source(i));
    }
    return hrr_i_out_result(&o);
}
