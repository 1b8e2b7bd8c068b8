/*
 * report_export.c - the roll-call matrix written for R and Stata: the wide
 * CSV of pscl::rollcall, the tidy long CSV, and the long form as a Stata
 * .dta through ReadStat's writer (docs/export.md).
 */
#include "hrr/report_export.h"

#include "jsonout.h"

#include <readstat.h>
#include <string.h>

int hrr_rollcall_code(int vote)
{
    switch (vote) {
    case HRR_VOTE_YES: return HRR_RC_CODE_YEA;
    case HRR_VOTE_NO: return HRR_RC_CODE_NAY;
    case HRR_VOTE_ABSTAIN: return HRR_RC_CODE_ABSTAIN;
    case HRR_VOTE_ABSENT: return HRR_RC_CODE_ABSENT;
    default: return HRR_RC_CODE_NOTINLEGIS;
    }
}

hrr_err_t hrr_report_rollcall_wide(FILE *f, const hrr_rollcall_t *rc)
{
    size_t ncols = rc->nitems + 2;
    const char **names = malloc(ncols * sizeof *names);
    hrr_out_t o;
    if (!names) return HRR_ENOMEM;
    names[0] = "iso3";
    names[1] = "name";
    for (size_t j = 0; j < rc->nitems; j++) names[j + 2] = rc->items[j].header;
    bool ok = hrr_out_begin(&o, HRR_OUT_CSV, f, ncols, names);
    free(names);
    for (size_t i = 0; ok && i < rc->nstates; i++) {
        hrr_out_text(&o, rc->states[i].iso3);
        hrr_out_text(&o, rc->states[i].name);
        for (size_t j = 0; j < rc->nitems; j++)
            hrr_out_int(&o, hrr_rollcall_code(HRR_ROLLCALL_AT(rc, i, j)));
    }
    return hrr_i_out_result(&o);
}

hrr_err_t hrr_report_rollcall_long(FILE *f, const hrr_rollcall_t *rc)
{
    static const char *const cols[] = {"item", "symbol", "date", "iso3", "state", "vote"};
    hrr_out_t o;
    bool ok = hrr_out_begin(&o, HRR_OUT_CSV, f, 6, cols);
    for (size_t j = 0; ok && j < rc->nitems; j++)
        for (size_t i = 0; i < rc->nstates; i++) {
            int v = HRR_ROLLCALL_AT(rc, i, j);
            if (!v) continue;
            hrr_out_text(&o, rc->items[j].key);
            hrr_out_text(&o, rc->items[j].symbol);
            hrr_out_text(&o, rc->items[j].date);
            hrr_out_text(&o, rc->states[i].iso3);
            hrr_out_text(&o, rc->states[i].name);
            hrr_out_text(&o, hrr_vote_name(v));
        }
    return hrr_i_out_result(&o);
}

/* ------------------------------------------------------------------ .dta */

static ssize_t dta_write(const void *data, size_t len, void *ctx)
{
    return fwrite(data, 1, len, ctx) == len ? (ssize_t)len : -1;
}

/* Days from 1960-01-01 (Stata's %td) to "YYYY-MM-DD"; false when D is not
 * a date. The civil-from-days inverse of Howard Hinnant's algorithm. */
static bool stata_day(const char *d, double *out)
{
    int y, m, dd;
    if (!d || sscanf(d, "%4d-%2d-%2d", &y, &m, &dd) != 3 || m < 1 || m > 12 || dd < 1 || dd > 31)
        return false;
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + dd - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    long days1970 = era * 146097 + doe - 719468;
    *out = (double)(days1970 + 3653); /* 1960-01-01 is 3653 days before 1970 */
    return true;
}

static size_t width(size_t w, const char *s)
{
    size_t n = s ? strlen(s) : 0;
    return n > w ? n : w;
}

hrr_err_t hrr_report_rollcall_dta(FILE *f, const hrr_rollcall_t *rc, int version,
                                  const char *label, const char **why)
{
    readstat_writer_t *w = readstat_writer_init();
    readstat_error_t e = READSTAT_OK;
    *why = NULL;
    if (!w) return HRR_ENOMEM;
    size_t wk = 1, ws = 1, wn = 1;
    for (size_t j = 0; j < rc->nitems; j++) {
        wk = width(wk, rc->items[j].key);
        ws = width(ws, rc->items[j].symbol);
    }
    for (size_t i = 0; i < rc->nstates; i++) wn = width(wn, rc->states[i].name);
    readstat_set_data_writer(w, dta_write);
    if (version) e = readstat_writer_set_file_format_version(w, (uint8_t)version);
    if (!e && label) e = readstat_writer_set_file_label(w, label);
    /* the same bytes for the same store: the file's time is its last item's day */
    double last = 0;
    for (size_t j = rc->nitems; j-- > 0;)
        if (stata_day(rc->items[j].date, &last)) break;
    if (!e) e = readstat_writer_set_file_timestamp(w, (time_t)((last - 3653) * 86400));
    readstat_label_set_t *ls = readstat_add_label_set(w, READSTAT_TYPE_INT8, "vote");
    for (int v = HRR_VOTE_YES; v <= HRR_VOTE_ABSENT; v++)
        readstat_label_int32_value(ls, v, hrr_vote_name(v));
    readstat_variable_t *v_item = readstat_add_variable(w, "item", READSTAT_TYPE_STRING, wk);
    readstat_variable_t *v_sym = readstat_add_variable(w, "symbol", READSTAT_TYPE_STRING, ws);
    readstat_variable_t *v_date = readstat_add_variable(w, "date", READSTAT_TYPE_DOUBLE, 0);
    readstat_variable_t *v_iso = readstat_add_variable(w, "iso3", READSTAT_TYPE_STRING, 3);
    readstat_variable_t *v_name = readstat_add_variable(w, "state", READSTAT_TYPE_STRING, wn);
    readstat_variable_t *v_vote = readstat_add_variable(w, "vote", READSTAT_TYPE_INT8, 0);
    readstat_variable_set_label(v_item, "the item's key in the hrr store");
    readstat_variable_set_label(v_sym, "document symbol");
    readstat_variable_set_label(v_date, "date of the vote");
    readstat_variable_set_format(v_date, "%td");
    readstat_variable_set_label(v_iso, "state (ISO3 or project code)");
    readstat_variable_set_label(v_name, "state name");
    readstat_variable_set_label(v_vote, "ballot");
    readstat_variable_set_label_set(v_vote, ls);
    if (!e) e = readstat_begin_writing_dta(w, f, rc->nballots);
    for (size_t j = 0; !e && j < rc->nitems; j++) {
        const hrr_rollcall_item_t *it = &rc->items[j];
        double day;
        bool dated = stata_day(it->date, &day);
        for (size_t i = 0; !e && i < rc->nstates; i++) {
            int v = HRR_ROLLCALL_AT(rc, i, j);
            if (!v) continue;
            if (!(e = readstat_begin_row(w)) &&
                !(e = readstat_insert_string_value(w, v_item, it->key)) &&
                !(e = it->symbol ? readstat_insert_string_value(w, v_sym, it->symbol)
                                 : readstat_insert_missing_value(w, v_sym)) &&
                !(e = dated ? readstat_insert_double_value(w, v_date, day)
                            : readstat_insert_missing_value(w, v_date)) &&
                !(e = readstat_insert_string_value(w, v_iso, rc->states[i].iso3)) &&
                !(e = readstat_insert_string_value(w, v_name, rc->states[i].name)) &&
                !(e = readstat_insert_int8_value(w, v_vote, (int8_t)v)))
                e = readstat_end_row(w);
        }
    }
    if (!e) e = readstat_end_writing(w);
    readstat_writer_free(w);
    if (e == READSTAT_OK) return fflush(f) || ferror(f) ? HRR_EIO : HRR_OK;
    if (e == READSTAT_ERROR_WRITE || ferror(f)) return HRR_EIO;
    if (e == READSTAT_ERROR_MALLOC) return HRR_ENOMEM;
    *why = readstat_error_message(e);
    return HRR_EINVAL;
}
