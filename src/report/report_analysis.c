/*
 * report_analysis.c - the analyses' results (agreement, cohesion) as a
 * table, CSV or JSON. Shares are printed with 4 decimals in the table and
 * CSV, and are JSON numbers (null where there were no votes to compare).
 */
#include "jsonout.h"

hrr_err_t hrr_report_agree(FILE *f, out_fmt_t fmt, const hrr_agree_t *r)
{
    static const char *const cols[] = {"a", "b", "year", "n", "agree", "agree_half"};
    out_t o;
    if (!out_begin(&o, fmt, f, 6, cols)) {
        out_end(&o);
        return HRR_ENOMEM;
    }
    for (size_t i = 0; i < r->n; i++) {
        out_text(&o, r->a[i].a);
        out_text(&o, r->a[i].b);
        if (r->a[i].year) out_int(&o, r->a[i].year);
        else out_null(&o);
        out_int(&o, r->a[i].n);
        out_real(&o, r->a[i].agree, 4);
        out_real(&o, r->a[i].agree_half, 4);
    }
    return out_result(&o);
}

hrr_err_t hrr_report_cohesion(FILE *f, out_fmt_t fmt, const hrr_cohesion_t *r)
{
    static const char *const cols[] = {"year", "items", "rice", "hnr"};
    out_t o;
    if (!out_begin(&o, fmt, f, 4, cols)) {
        out_end(&o);
        return HRR_ENOMEM;
    }
    for (size_t i = 0; i < r->n; i++) {
        out_int(&o, r->a[i].year);
        out_int(&o, r->a[i].items);
        out_real(&o, r->a[i].rice, 4);
        out_real(&o, r->a[i].hnr, 4);
    }
    return out_result(&o);
}
