/*
 * report_analysis.c - the analyses' results (agreement, cohesion) as a
 * table, CSV or JSON. Shares are printed with 4 decimals in the table and
 * CSV, and are JSON numbers (null where there were no votes to compare).
 */
#include "jsonout.h"
#include "hrr/ideal_study.h"

hrr_err_t hrr_report_agree(FILE *f, hrr_out_fmt_t fmt, const hrr_agree_t *r)
{
    static const char *const cols[] = {"a", "b", "year", "n", "agree", "agree_half"};
    hrr_out_t o;
    if (!hrr_out_begin(&o, fmt, f, 6, cols)) {
        hrr_out_end(&o);
        return HRR_ENOMEM;
    }
    for (size_t i = 0; i < r->n; i++) {
        hrr_out_text(&o, r->a[i].a);
        hrr_out_text(&o, r->a[i].b);
        if (r->a[i].year) hrr_out_int(&o, r->a[i].year);
        else hrr_out_null(&o);
        hrr_out_int(&o, r->a[i].n);
        hrr_out_real(&o, r->a[i].agree, 4);
        hrr_out_real(&o, r->a[i].agree_half, 4);
    }
    return hrr_i_out_result(&o);
}

hrr_err_t hrr_report_cohesion(FILE *f, hrr_out_fmt_t fmt, const hrr_cohesion_t *r)
{
    static const char *const cols[] = {"year", "items", "rice", "hnr"};
    hrr_out_t o;
    if (!hrr_out_begin(&o, fmt, f, 4, cols)) {
        hrr_out_end(&o);
        return HRR_ENOMEM;
    }
    for (size_t i = 0; i < r->n; i++) {
        hrr_out_int(&o, r->a[i].year);
        hrr_out_int(&o, r->a[i].items);
        hrr_out_real(&o, r->a[i].rice, 4);
        hrr_out_real(&o, r->a[i].hnr, 4);
    }
    return hrr_i_out_result(&o);
}

hrr_err_t hrr_report_ideal(FILE *f, hrr_out_fmt_t fmt, const hrr_ideal_t *r)
{
    const char *cols[5];
    size_t nc = 0;
    cols[nc++] = "state";
    cols[nc++] = "dim1";
    if (r->se) cols[nc++] = "se";
    if (r->x2) cols[nc++] = "dim2";
    cols[nc++] = "votes";
    hrr_out_t o;
    if (!hrr_out_begin(&o, fmt, f, nc, cols)) {
        hrr_out_end(&o);
        return HRR_ENOMEM;
    }
    for (size_t i = 0; i < r->ns; i++) {
        hrr_out_text(&o, r->iso3[i]);
        hrr_out_real(&o, r->x[i], 4);
        if (r->se) hrr_out_real(&o, r->se[i], 4);
        if (r->x2) hrr_out_real(&o, r->x2[i], 4);
        hrr_out_int(&o, r->n[i]);
    }
    return hrr_i_out_result(&o);
}

hrr_err_t hrr_report_ideal_dyn(FILE *f, hrr_out_fmt_t fmt, const hrr_ideal_dyn_t *r)
{
    static const char *const cols[] = {"state", "year", "dim1", "sd", "votes"};
    hrr_out_t o;
    if (!hrr_out_begin(&o, fmt, f, 5, cols)) {
        hrr_out_end(&o);
        return HRR_ENOMEM;
    }
    for (size_t i = 0; i < r->n; i++) {
        hrr_out_text(&o, r->r[i].iso3);
        hrr_out_int(&o, r->r[i].year);
        hrr_out_real(&o, r->r[i].x, 4);
        hrr_out_real(&o, r->r[i].sd, 4);
        hrr_out_int(&o, r->r[i].n);
    }
    return hrr_i_out_result(&o);
}

hrr_err_t hrr_report_ideal_gibbs(FILE *f, hrr_out_fmt_t fmt, const hrr_ideal_gibbs_t *r)
{
    static const char *const cols[] = {"state", "dim1", "sd", "votes"};
    hrr_out_t o;
    if (!hrr_out_begin(&o, fmt, f, 4, cols)) {
        hrr_out_end(&o);
        return HRR_ENOMEM;
    }
    for (size_t i = 0; i < r->ns; i++) {
        hrr_out_text(&o, r->iso3[i]);
        hrr_out_real(&o, r->mean[i], 4);
        hrr_out_real(&o, r->sd[i], 4);
        hrr_out_int(&o, r->n[i]);
    }
    return hrr_i_out_result(&o);
}

hrr_err_t hrr_report_ideal_study(FILE *f, const hrr_ideal_study_t *s)
{
    fprintf(f, "simulated %zu x %zu (seed %lu, %s, %d dim%s, 10%% missing): fit %.4f s, %d iterations%s",
            s->ns, s->nt, s->seed, s->model == HRR_IDEAL_ORDINAL ? "ordinal" : "binary", s->dims,
            s->dims > 1 ? "s" : "", s->fit_seconds, s->iterations,
            s->converged ? "" : " (not converged)");
    for (int q = 0; q < s->dims && q < 2; q++) fprintf(f, ", |r| dim%d = %.4f", q + 1, s->r[q]);
    if (s->se_reps > 0)
        fprintf(f, "; bootstrap %d replicates %.3f s, mean se %.4f, coverage %.3f", s->se_reps,
                s->se_seconds, s->mean_se, s->coverage);
    fprintf(f, "\n");
    return ferror(f) ? HRR_EIO : HRR_OK;
}
