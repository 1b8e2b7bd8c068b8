/*
 * report_upr.c - UPR recommendations (a list, or their counts by session,
 * action category and recommending state) and treaty statuses, in the
 * three forms of hrr/report.h. docs/records.md shows each.
 */
#include "jsonout.h"

#include <string.h>

/* ----------------------------------------------------------------- UPR */

hrr_err_t hrr_report_upr(FILE *f, hrr_out_fmt_t fmt, const hrr_upr_list_t *list)
{
    static const char *const cols[] = {"session", "state", "by", "response", "action", "issues", "text"};
    hrr_out_t o;
    hrr_out_begin(&o, fmt, f, sizeof cols / sizeof *cols, cols);
    hrr_out_maxwidth(&o, 5, 30);
    hrr_out_maxwidth(&o, 6, 70);
    for (size_t i = 0; i < list->n; i++) {
        const hrr_upr_rec_t *r = &list->recs[i];
        hrr_out_int(&o, r->session);
        hrr_out_text(&o, r->sur);
        hrr_out_text(&o, *r->by ? r->by : NULL);
        hrr_out_text(&o, r->response);
        hrr_out_count(&o, r->action);
        hrr_out_text(&o, r->issues);
        hrr_out_text(&o, r->text);
    }
    return hrr_i_out_result(&o);
}

/* The key of one count row: its session, category or state. */
static void count_key(hrr_out_t *o, const char *by, const hrr_upr_count_t *c)
{
    if (!strcmp(by, "session")) hrr_out_int(o, c->session);
    else if (!strcmp(by, "action")) hrr_out_count(o, c->action);
    else if (!strcmp(by, "state")) hrr_out_text(o, *c->by ? c->by : NULL);
    else hrr_out_null(o);
}

static void count_cells(hrr_out_t *o, const hrr_upr_count_t *c)
{
    hrr_out_int(o, c->n);
    hrr_out_int(o, c->supported);
    hrr_out_int(o, c->noted);
}

static json_t *count_json(const char *key, const hrr_upr_count_t *c)
{
    json_t *k;
    if (!strcmp(key, "session")) k = json_integer(c->session);
    else if (!strcmp(key, "action")) k = hrr_i_jcount(c->action);
    else k = hrr_i_jstr(*c->by ? c->by : NULL);
    json_t *x = json_pack("{s:o, s:I, s:I, s:I}", key, k, "n", (json_int_t)c->n, "supported",
                          (json_int_t)c->supported, "noted", (json_int_t)c->noted);
    if (x && !strcmp(key, "state") && json_object_set_new(x, "name", hrr_i_jstr(c->name))) {
        json_decref(x);
        return NULL;
    }
    return x;
}

static json_t *summary_json(const hrr_upr_summary_t *sm)
{
    static const char *const keys[] = {"session", "action", "state"};
    static const char *const names[] = {"sessions", "actions", "states"};
    const hrr_upr_count_t *arr[] = {sm->sessions, sm->actions, sm->states};
    const size_t n[] = {sm->nsessions, sm->nactions, sm->nstates};
    json_t *o = json_pack("{s:{s:I, s:I, s:I}}", "total", "n", (json_int_t)sm->all.n, "supported",
                          (json_int_t)sm->all.supported, "noted", (json_int_t)sm->all.noted);
    for (int k = 0; o && k < 3; k++) {
        json_t *a = json_array();
        if (!a || json_object_set_new(o, names[k], a)) {
            json_decref(o);
            return NULL;
        }
        for (size_t i = 0; i < n[k]; i++) {
            json_t *x = count_json(keys[k], &arr[k][i]);
            if (!x || json_array_append_new(a, x)) {
                json_decref(o);
                return NULL;
            }
        }
    }
    return o;
}

hrr_err_t hrr_report_upr_summary(FILE *f, hrr_out_fmt_t fmt, const hrr_upr_summary_t *sm)
{
    hrr_out_t o;
    if (fmt == HRR_OUT_JSON) return hrr_i_out_json(f, summary_json(sm));
    if (fmt == HRR_OUT_CSV) {
        static const char *const cols[] = {"by", "key", "name", "n", "supported", "noted"};
        hrr_out_begin(&o, fmt, f, sizeof cols / sizeof *cols, cols);
        hrr_out_text(&o, "all");
        hrr_out_null(&o);
        hrr_out_null(&o);
        count_cells(&o, &sm->all);
        static const char *const by[] = {"session", "action", "state"};
        const hrr_upr_count_t *arr[] = {sm->sessions, sm->actions, sm->states};
        const size_t n[] = {sm->nsessions, sm->nactions, sm->nstates};
        for (int k = 0; k < 3; k++)
            for (size_t i = 0; i < n[k]; i++) {
                hrr_out_text(&o, by[k]);
                count_key(&o, by[k], &arr[k][i]);
                hrr_out_text(&o, k == 2 ? arr[k][i].name : NULL);
                count_cells(&o, &arr[k][i]);
            }
        return hrr_i_out_result(&o);
    }
    fprintf(f, "%ld recommendations: %ld supported, %ld noted\n", sm->all.n, sm->all.supported,
            sm->all.noted);
    static const char *const sc[] = {"session", "n", "supported", "noted"};
    fprintf(f, "\nby session\n");
    hrr_out_begin(&o, HRR_OUT_TABLE, f, 4, sc);
    o.indent = 2;
    for (size_t i = 0; i < sm->nsessions; i++) {
        count_key(&o, "session", &sm->sessions[i]);
        count_cells(&o, &sm->sessions[i]);
    }
    hrr_err_t rc = hrr_i_out_result(&o);
    if (rc) return rc;
    static const char *const ac[] = {"action", "n", "supported", "noted"};
    fprintf(f, "\nby UPR Info action category (1: minimal action ... 5: specific action)\n");
    hrr_out_begin(&o, HRR_OUT_TABLE, f, 4, ac);
    o.indent = 2;
    for (size_t i = 0; i < sm->nactions; i++) {
        count_key(&o, "action", &sm->actions[i]);
        count_cells(&o, &sm->actions[i]);
    }
    if ((rc = hrr_i_out_result(&o))) return rc;
    static const char *const rc_[] = {"by", "name", "n", "supported", "noted"};
    fprintf(f, "\nby recommending state, most first\n");
    hrr_out_begin(&o, HRR_OUT_TABLE, f, 5, rc_);
    o.indent = 2;
    hrr_out_maxwidth(&o, 1, 36);
    for (size_t i = 0; i < sm->nstates; i++) {
        count_key(&o, "state", &sm->states[i]);
        hrr_out_text(&o, *sm->states[i].by ? sm->states[i].name : "(unknown)");
        count_cells(&o, &sm->states[i]);
    }
    return hrr_i_out_result(&o);
}

/* ------------------------------------------------------------ treaties */

hrr_err_t hrr_report_treaties(FILE *f, hrr_out_fmt_t fmt, const hrr_treaty_list_t *list)
{
    static const char *const cols[] = {"iso3", "state", "instrument", "status", "year", "note", "name"};
    hrr_out_t o;
    hrr_out_begin(&o, fmt, f, sizeof cols / sizeof *cols, cols);
    hrr_out_maxwidth(&o, 1, 28);
    hrr_out_maxwidth(&o, 5, 30);
    hrr_out_maxwidth(&o, 6, 60);
    for (size_t i = 0; i < list->n; i++) {
        const hrr_treaty_row_t *r = &list->rows[i];
        hrr_out_text(&o, r->iso3);
        hrr_out_text(&o, r->state);
        hrr_out_text(&o, r->instrument);
        hrr_out_text(&o, r->status);
        if (r->year) hrr_out_int(&o, r->year);
        else hrr_out_null(&o);
        hrr_out_text(&o, r->note);
        hrr_out_text(&o, r->name);
    }
    return hrr_i_out_result(&o);
}
