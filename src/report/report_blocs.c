/*
 * report_blocs.c - voting blocs, for a period or year by year, as a table,
 * CSV or JSON.
 */
#include "jsonout.h"

static json_t *blocs_json(const hrr_blocs_t *b)
{
    json_t *arr = json_array();
    for (int k = 0; arr && k < b->nblocs; k++) {
        json_t *m = json_array(), *x = json_object();
        for (size_t i = 0; m && i < b->ns; i++)
            if (b->bloc[i] == k) json_array_append_new(m, json_string(b->iso3[i]));
        json_object_set_new(x, "members", m);
        json_array_append_new(arr, x);
    }
    return arr;
}

hrr_err_t hrr_report_blocs(FILE *f, hrr_out_fmt_t fmt, const hrr_blocs_t *b)
{
    static const char *const cols[] = {"bloc", "state"};
    if (fmt == HRR_OUT_JSON) {
        json_t *o = json_object();
        if (!o) return HRR_ENOMEM;
        json_object_set_new(o, "blocs", blocs_json(b));
        json_object_set_new(o, "modularity", hrr_i_jreal(b->modularity));
        return hrr_i_out_json(f, o);
    }
    hrr_out_t o;
    if (!hrr_out_begin(&o, fmt, f, 2, cols)) {
        hrr_out_end(&o);
        return HRR_ENOMEM;
    }
    for (int k = 0; k < b->nblocs; k++)
        for (size_t i = 0; i < b->ns; i++)
            if (b->bloc[i] == k) {
                hrr_out_int(&o, k + 1);
                hrr_out_text(&o, b->iso3[i]);
            }
    return hrr_i_out_result(&o);
}

static hrr_err_t years_json(FILE *f, const hrr_blocs_years_t *y)
{
    json_t *o = json_object(), *arr = json_array();
    if (!o || !arr) {
        json_decref(o);
        json_decref(arr);
        return HRR_ENOMEM;
    }
    for (size_t k = 0; k < y->n; k++) {
        json_t *x = json_object();
        json_object_set_new(x, "year", json_integer(y->year[k]));
        json_object_set_new(x, "blocs", blocs_json(y->b[k]));
        json_object_set_new(x, "modularity", hrr_i_jreal(y->b[k]->modularity));
        if (k == 0) {
            json_object_set_new(x, "stability", json_null());
        } else {
            json_t *sx = json_object();
            json_object_set_new(sx, "ari", hrr_i_jreal(y->ari[k]));
            json_object_set_new(sx, "nmi", hrr_i_jreal(y->nmi[k]));
            json_object_set_new(x, "stability", sx);
        }
        json_array_append_new(arr, x);
    }
    json_object_set_new(o, "years", arr);
    return hrr_i_out_json(f, o);
}

/* One line a year: the blocs' sizes, modularity, stability. */
static void years_notes(FILE *n, const hrr_blocs_years_t *y)
{
    for (size_t k = 0; k < y->n; k++) {
        fprintf(n, "%d: %d blocs (", y->year[k], y->b[k]->nblocs);
        for (int b = 0; b < y->b[k]->nblocs; b++) {
            int c = 0;
            for (size_t i = 0; i < y->b[k]->ns; i++) c += y->b[k]->bloc[i] == b;
            fprintf(n, "%s%d", b ? ", " : "", c);
        }
        fprintf(n, "), modularity %.3f", y->b[k]->modularity);
        if (k)
            fprintf(n, ", against %d: ARI %.3f, NMI %.3f", y->year[k - 1], y->ari[k], y->nmi[k]);
        fprintf(n, "\n");
    }
}

hrr_err_t hrr_report_blocs_years(FILE *f, hrr_out_fmt_t fmt, const hrr_blocs_years_t *y,
                                 FILE *notes)
{
    static const char *const cols[] = {"year", "bloc", "state"};
    if (fmt == HRR_OUT_JSON) return years_json(f, y);
    hrr_out_t o;
    if (!hrr_out_begin(&o, fmt, f, 3, cols)) {
        hrr_out_end(&o);
        return HRR_ENOMEM;
    }
    for (size_t k = 0; k < y->n; k++) {
        if (fmt == HRR_OUT_CSV && k > 0) {
            char v[64];
            snprintf(v, sizeof v, "ari=%.4f;nmi=%.4f", y->ari[k], y->nmi[k]);
            hrr_out_int(&o, y->year[k]);
            hrr_out_int(&o, 0);
            hrr_out_text(&o, v);
        }
        for (int b = 0; b < y->b[k]->nblocs; b++)
            for (size_t i = 0; i < y->b[k]->ns; i++)
                if (y->b[k]->bloc[i] == b) {
                    hrr_out_int(&o, y->year[k]);
                    hrr_out_int(&o, b + 1);
                    hrr_out_text(&o, y->b[k]->iso3[i]);
                }
    }
    hrr_err_t rc = hrr_i_out_result(&o);
    if (!rc && fmt == HRR_OUT_TABLE && notes) years_notes(notes, y);
    return rc;
}
