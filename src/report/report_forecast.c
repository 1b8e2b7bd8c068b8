/*
 * report_forecast.c - forecasts and backtests as a table, CSV or JSON.
 * Their JSON is indented by one and has reals to 4 significant digits
 * (docs/cli.md).
 */
#include "jsonout.h"
#include "hrr/fc_plan.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define FC_JSON_FLAGS (JSON_INDENT(1) | JSON_REAL_PRECISION(4))

static const char *const k_cls[4] = {"yes", "no", "abstain", "absent"};

static hrr_err_t dump(FILE *f, json_t *o)
{
    if (!o) return HRR_ENOMEM;
    int rc = json_dumpf(o, f, FC_JSON_FLAGS);
    json_decref(o);
    if (rc == 0) fputc('\n', f);
    return ferror(f) ? HRR_EIO : rc ? HRR_ENOMEM : HRR_OK;
}

static json_t *result_json(const hrr_fc_result_t *r, const char *title)
{
    json_t *o = json_object(), *bs = json_array(), *sw = json_array(), *ex = json_object();
    if (!o || !bs || !sw || !ex) {
        json_decref(o);
        json_decref(bs);
        json_decref(sw);
        json_decref(ex);
        return NULL;
    }
    json_object_set_new(o, "symbol", json_string(r->symbol));
    json_object_set_new(o, "date", json_string(r->date));
    if (title) json_object_set_new(o, "title", hrr_i_jstr(title));
    json_object_set_new(o, "kind", json_string(r->kind));
    json_object_set_new(o, "kind_inferred", r->kind_note[0] ? hrr_i_jstr(r->kind_note) : json_null());
    json_object_set_new(o, "like", r->like[0] ? json_string(r->like) : json_null());
    json_object_set_new(o, "like_date", r->like[0] ? json_string(r->like_date) : json_null());
    json_object_set_new(o, "like_target", r->like_target[0] ? json_string(r->like_target) : json_null());
    json_object_set_new(o, "like_title", r->like[0] ? hrr_i_jstr(r->like_title) : json_null());
    json_object_set_new(o, "base", r->base[0] ? json_string(r->base) : json_null());
    json_object_set_new(o, "base_date", r->base[0] ? json_string(r->base_date) : json_null());
    json_object_set_new(o, "target", r->target[0] ? json_string(r->target) : json_null());
    json_t *spa = json_array(), *wa = json_array();
    for (size_t i = 0; spa && i < r->nsponsors; i++) {
        json_t *j = json_object();
        json_object_set_new(j, "state", r->sponsors[i].state[0] ? json_string(r->sponsors[i].state) : json_null());
        json_object_set_new(j, "written", hrr_i_jstr(r->sponsors[i].written));
        json_object_set_new(j, "note", r->sponsors[i].note[0] ? hrr_i_jstr(r->sponsors[i].note) : json_null());
        json_array_append_new(spa, j);
    }
    json_object_set_new(o, "sponsors", spa);
    for (int i = 0; wa && i < r->nwarn; i++) json_array_append_new(wa, hrr_i_jstr(r->warn[i]));
    json_object_set_new(o, "warnings", wa);
    if (r->explain_state[0]) {
        json_t *e = json_object(), *fa = json_array(), *pp = json_object();
        json_object_set_new(e, "state", json_string(r->explain_state));
        for (int c = 0; pp && c < 4; c++) json_object_set_new(pp, k_cls[c], hrr_i_jreal(r->explain_p[c]));
        json_object_set_new(e, "p", pp);
        for (size_t i = 0; fa && i < r->nexplain; i++) {
            const hrr_fc_explain_t *x = &r->explain[i];
            json_t *j = json_object();
            json_object_set_new(j, "feature", hrr_i_jstr(hrr_fc_feature_name(x->feature)));
            json_object_set_new(j, "about", hrr_i_jstr(hrr_fc_feature_about(x->feature)));
            json_object_set_new(j, "value", hrr_i_jreal(x->value));
            for (int c = 0; c < 3; c++) {
                char key[24];
                snprintf(key, sizeof key, "logodds_%s", k_cls[c + 1]);
                json_object_set_new(j, key, hrr_i_jreal(x->contrib[c]));
            }
            json_array_append_new(fa, j);
        }
        json_object_set_new(e, "features", fa);
        json_object_set_new(o, "explain", e);
    }
    json_object_set_new(o, "members", json_integer((json_int_t)r->n));
    json_object_set_new(o, "members_guessed", json_boolean(r->members_guessed));
    json_object_set_new(o, "members_note", r->members_guessed ? hrr_i_jstr(r->members_note) : json_null());
    json_object_set_new(o, "p_adopted", hrr_i_jreal(r->p_adopted));
    json_object_set_new(o, "p_no_action", hrr_i_jreal(r->p_no_action));
    for (int c = 0; c < 4; c++) json_object_set_new(ex, k_cls[c], hrr_i_jreal(r->expect[c]));
    json_object_set_new(o, "expected", ex);
    json_object_set_new(o, "runs", json_integer(r->runs));
    for (size_t i = 0; i < r->n; i++) {
        json_t *b = json_object(), *p = json_object();
        json_object_set_new(b, "state", json_string(r->b[i].state));
        for (int c = 0; c < 4; c++) json_object_set_new(p, k_cls[c], hrr_i_jreal(r->b[i].p[c]));
        json_object_set_new(b, "p", p);
        json_object_set_new(b, "decisive", hrr_i_jreal(r->b[i].decisive));
        json_object_set_new(b, "swing", hrr_i_jreal(r->b[i].swing));
        json_array_append_new(bs, b);
    }
    json_object_set_new(o, "ballots", bs);
    size_t idx[10];
    size_t nsw = hrr_fc_swing_states(r, idx, 10);
    for (size_t k = 0; k < nsw; k++) json_array_append_new(sw, json_string(r->b[idx[k]].state));
    json_object_set_new(o, "swing_states", sw);
    return o;
}

static const char *const k_tcols[] = {"symbol", "state", "yes", "no", "abstain", "absent",
                                      "decisive", "swing"};

/* The members' rows of R into O (with the symbol column when WITH_SYMBOL). */
static void add_rows(hrr_out_t *o, const hrr_fc_result_t *r, bool with_symbol)
{
    for (size_t i = 0; i < r->n; i++) {
        if (with_symbol) hrr_out_text(o, r->symbol);
        hrr_out_text(o, r->b[i].state);
        for (int c = 0; c < 4; c++) hrr_out_real(o, r->b[i].p[c], 3);
        hrr_out_real(o, r->b[i].decisive, 3);
        hrr_out_real(o, r->b[i].swing, 3);
    }
}

static void print_summary(const hrr_fc_result_t *r, FILE *f)
{
    fprintf(f, "%s%s%s on %s: %zu members; expected %.1f yes, %.1f no, %.1f abstain, %.1f absent\n",
            r->symbol, r->symbol[0] ? " " : "", r->target[0] ? r->target : "thematic", r->date, r->n,
            r->expect[0], r->expect[1], r->expect[2], r->expect[3]);
    fprintf(f, "kind: %s%s%s%s\n", r->kind, r->kind_note[0] ? " (" : "", r->kind_note,
            r->kind_note[0] ? ")" : "");
    if (r->nsponsors) {
        fprintf(f, "sponsors:");
        size_t shown = 0;
        for (size_t i = 0; i < r->nsponsors; i++)
            if (r->sponsors[i].state[0] && shown++ < 24) fprintf(f, " %s", r->sponsors[i].state);
        if (shown > 24) fprintf(f, " ... (%zu states)", shown);
        fprintf(f, "\n");
        for (size_t i = 0; i < r->nsponsors; i++)
            if (r->sponsors[i].note[0] && (i == 0 || strcmp(r->sponsors[i].written, r->sponsors[i - 1].written)))
                fprintf(f, "  %s: %s\n", r->sponsors[i].written, r->sponsors[i].note);
    }
    if (r->like[0])
        fprintf(f, "read against: %s (%s, %s): %s\n", r->like, r->like_date,
                r->like_target[0] ? r->like_target : "thematic", r->like_title);
    else fprintf(f, "read against: (no earlier version found)\n");
    if (r->base[0]) fprintf(f, "amends a text last voted as %s (%s)\n", r->base, r->base_date);
    for (int i = 0; i < r->nwarn; i++) fprintf(f, "warning: %s\n", r->warn[i]);
    if (!isnan(r->p_no_action)) fprintf(f, "P(no-action motion carries) = %.3f\n", r->p_no_action);
    fprintf(f, "P(adopted) = %.3f over %ld runs\n", r->p_adopted, r->runs);
    fprintf(f, "swing states:");
    size_t idx[8];
    size_t nsw = hrr_fc_swing_states(r, idx, 8);
    for (size_t k = 0; k < nsw; k++) fprintf(f, " %s (%.2f)", r->b[idx[k]].state, r->b[idx[k]].swing);
    fprintf(f, "%s\n", nsw ? "" : " none (the outcome does not turn on any one member)");
}

/* What moved one member's probabilities: each feature's value and its part
 * in the log odds of no, abstain and absent against yes. */
static hrr_err_t print_explain(const hrr_fc_result_t *r, FILE *f)
{
    static const char *const cols[] = {"feature", "value", "no", "abstain", "absent", "meaning"};
    fprintf(f, "\n%s: yes %.3f, no %.3f, abstain %.3f, absent %.3f; what moved it (log odds against"
            " yes, weight x value):\n", r->explain_state, r->explain_p[0], r->explain_p[1],
            r->explain_p[2], r->explain_p[3]);
    hrr_out_t o;
    if (!hrr_out_begin(&o, HRR_OUT_TABLE, f, 6, cols)) {
        hrr_out_end(&o);
        return HRR_ENOMEM;
    }
    for (size_t i = 0; i < r->nexplain; i++) {
        const hrr_fc_explain_t *x = &r->explain[i];
        hrr_out_text(&o, hrr_fc_feature_name(x->feature));
        hrr_out_real(&o, x->value, 3);
        for (int c = 0; c < 3; c++) hrr_out_real(&o, x->contrib[c], 3);
        hrr_out_text(&o, hrr_fc_feature_about(x->feature));
    }
    return hrr_i_out_result(&o);
}

hrr_err_t hrr_report_fc_begin(hrr_report_fc_t *rf, FILE *f, hrr_out_fmt_t fmt, const char *body,
                              bool batch)
{
    memset(rf, 0, sizeof *rf);
    rf->f = f;
    rf->fmt = fmt;
    rf->body = body;
    rf->batch = batch;
    if (fmt == HRR_OUT_JSON && !(rf->items = json_array())) return HRR_ENOMEM;
    return HRR_OK; /* the CSV table begins with the first result */
}

hrr_err_t hrr_report_fc_add(hrr_report_fc_t *rf, const hrr_fc_result_t *r, const char *title)
{
    hrr_err_t rc = HRR_OK;
    if (rf->fmt == HRR_OUT_JSON) {
        json_t *x = result_json(r, title);
        if (!x || json_array_append_new(rf->items, x)) rc = HRR_ENOMEM;
    } else if (rf->fmt == HRR_OUT_CSV) {
        if (!rf->k && !hrr_out_begin(&rf->o, HRR_OUT_CSV, rf->f, rf->batch ? 8 : 7,
                                     k_tcols + (rf->batch ? 0 : 1))) {
            hrr_out_end(&rf->o);
            return HRR_ENOMEM;
        }
        add_rows(&rf->o, r, rf->batch);
    } else {
        hrr_out_t o;
        if (rf->k) fprintf(rf->f, "\n");
        print_summary(r, rf->f);
        if (!hrr_out_begin(&o, HRR_OUT_TABLE, rf->f, 7, k_tcols + 1)) {
            hrr_out_end(&o);
            return HRR_ENOMEM;
        }
        add_rows(&o, r, false);
        rc = hrr_i_out_result(&o);
        if (!rc && r->explain_state[0]) rc = print_explain(r, rf->f);
    }
    rf->k++;
    return rc;
}

hrr_err_t hrr_report_fc_end(hrr_report_fc_t *rf, bool ok)
{
    hrr_err_t rc = HRR_OK;
    if (rf->fmt == HRR_OUT_CSV && rf->k) {
        if (ok) rc = hrr_i_out_result(&rf->o);
        else hrr_out_end(&rf->o); /* a draft failed: drop the rest */
    } else if (rf->fmt == HRR_OUT_JSON && ok) {
        json_t *top = json_object();
        if (top) {
            json_object_set_new(top, "body", hrr_i_jstr(rf->body));
            json_object_set_new(top, "items", rf->items);
            rf->items = NULL;
        }
        rc = dump(rf->f, top);
    }
    json_decref(rf->items);
    rf->items = NULL;
    return rc;
}

/* ------------------------------------------------------------ backtest */

/* The accuracy rows of a backtest (by state, subject or kind) as JSON, each
 * named by KEY; with OUTCOMES the votes and outcome accuracy too. */
static json_t *fails_json(const hrr_fc_fail_t *f, size_t n, const char *key, int outcomes)
{
    json_t *a = json_array();
    for (size_t k = 0; a && k < n; k++) {
        json_t *j = json_object();
        json_object_set_new(j, key, hrr_i_jstr(f[k].what));
        json_object_set_new(j, "ballots", json_integer(f[k].n));
        json_object_set_new(j, "accuracy", hrr_i_jreal(f[k].accuracy));
        if (outcomes) {
            json_object_set_new(j, "votes", json_integer(f[k].items));
            json_object_set_new(j, "outcome_accuracy", hrr_i_jreal(f[k].outcome_accuracy));
        }
        json_array_append_new(a, j);
    }
    return a;
}

static json_t *backtest_json(const char *body, int from, int to, const hrr_fc_backtest_t *bt)
{
    json_t *o = json_object(), *sc = json_array(), *bins = json_array(), *conf = json_array();
    if (!o || !sc || !bins || !conf) {
        json_decref(o);
        json_decref(sc);
        json_decref(bins);
        json_decref(conf);
        return NULL;
    }
    json_object_set_new(o, "body", hrr_i_jstr(body));
    json_object_set_new(o, "from", json_integer(from));
    json_object_set_new(o, "to", json_integer(to));
    json_object_set_new(o, "sessions", json_integer(bt->sessions));
    for (int m = 0; m < 4; m++) {
        const hrr_fc_score_t *s = &bt->score[m];
        json_t *j = json_object();
        json_object_set_new(j, "name", hrr_i_jstr(s->name));
        json_object_set_new(j, "ballots", json_integer(s->ballots));
        json_object_set_new(j, "accuracy", hrr_i_jreal(s->accuracy));
        json_object_set_new(j, "macro_f1", hrr_i_jreal(s->macro_f1));
        json_object_set_new(j, "brier", hrr_i_jreal(s->brier));
        json_object_set_new(j, "log_loss", hrr_i_jreal(s->log_loss));
        json_object_set_new(j, "items", json_integer(s->items));
        json_object_set_new(j, "outcome_accuracy", hrr_i_jreal(s->outcome_accuracy));
        json_object_set_new(j, "outcome_brier", hrr_i_jreal(s->outcome_brier));
        if (m == 0) json_object_set_new(j, "ece", hrr_i_jreal(s->ece));
        json_array_append_new(sc, j);
    }
    json_object_set_new(o, "scores", sc);
    for (int k = 0; k < 10; k++) {
        const hrr_fc_bin_t *b = &bt->bins[k];
        json_t *j = json_object();
        json_object_set_new(j, "lo", json_real(b->lo));
        json_object_set_new(j, "hi", json_real(b->hi));
        json_object_set_new(j, "n", json_integer(b->n));
        json_object_set_new(j, "predicted", b->n ? hrr_i_jreal(b->predicted) : json_null());
        json_object_set_new(j, "observed", b->n ? hrr_i_jreal(b->observed) : json_null());
        json_array_append_new(bins, j);
    }
    json_object_set_new(o, "reliability", bins);
    json_object_set_new(o, "states", fails_json(bt->states, bt->nstates, "state", 0));
    json_object_set_new(o, "subjects", fails_json(bt->subjects, bt->nsubjects, "subject", 0));
    json_object_set_new(o, "kinds", fails_json(bt->kinds, bt->nkinds, "kind", 1));
    for (int y = 0; y < 4; y++) {
        json_t *row = json_array();
        for (int q = 0; q < 4; q++) json_array_append_new(row, json_integer(bt->confusion[y][q]));
        json_array_append_new(conf, row);
    }
    json_object_set_new(o, "confusion", conf);
    return o;
}

/* " A 0.52 (12), B ..." for the first 8 of F. */
static void print_fails(FILE *f, const hrr_fc_fail_t *x, size_t n)
{
    for (size_t k = 0; k < n && k < 8; k++)
        fprintf(f, " %s %.2f (%ld)%s", x[k].what, x[k].accuracy, x[k].n,
                k + 1 < 8 && k + 1 < n ? "," : "");
}

static void backtest_table(FILE *f, const char *body, int from, int to, const hrr_fc_backtest_t *bt)
{
    fprintf(f, "%s %d-%d: %ld sessions, each forecast from the record before it\n\n", body, from, to,
            bt->sessions);
    fprintf(f, "%-15s %8s %9s %9s %7s %9s %6s %9s %8s\n", "predictor", "ballots", "accuracy",
            "macro-F1", "Brier", "log-loss", "votes", "outcomes", "o-Brier");
    for (int m = 0; m < 4; m++) {
        const hrr_fc_score_t *s = &bt->score[m];
        fprintf(f, "%-15s %8ld %9.4f %9.4f %7.4f %9.4f %6ld %9.4f %8.4f\n", s->name, s->ballots,
                s->accuracy, s->macro_f1, s->brier, s->log_loss, s->items, s->outcome_accuracy,
                s->outcome_brier);
    }
    fprintf(f, "\ncalibration of the model (all classes pooled), ECE = %.4f\n", bt->score[0].ece);
    fprintf(f, "%-11s %9s %10s %9s\n", "predicted", "pairs", "mean p", "observed");
    for (int k = 0; k < 10; k++)
        if (bt->bins[k].n)
            fprintf(f, "[%.1f, %.1f)  %9ld %10.4f %9.4f\n", bt->bins[k].lo, bt->bins[k].hi,
                    bt->bins[k].n, bt->bins[k].predicted, bt->bins[k].observed);
    fprintf(f, "\nrecorded (rows) against forecast (columns):\n%-9s %8s %8s %8s %8s\n", "", "yes",
            "no", "abstain", "absent");
    for (int y = 0; y < 4; y++)
        fprintf(f, "%-9s %8ld %8ld %8ld %8ld\n", k_cls[y], bt->confusion[y][0], bt->confusion[y][1],
                bt->confusion[y][2], bt->confusion[y][3]);
    fprintf(f, "\nthe model by kind of vote, then by target:\n%-12s %8s %9s %6s %9s\n", "", "ballots",
            "accuracy", "votes", "outcomes");
    for (size_t k = 0; k < bt->nkinds; k++)
        fprintf(f, "%s%-12s %8ld %9.4f %6ld %9.4f\n",
                k && !strcmp(bt->kinds[k].what, "country") ? "\n" : "", bt->kinds[k].what, bt->kinds[k].n,
                bt->kinds[k].accuracy, bt->kinds[k].items, bt->kinds[k].outcome_accuracy);
    fprintf(f, "where the model fails most (accuracy; ballots):\n  states:");
    print_fails(f, bt->states, bt->nstates);
    fprintf(f, "\n  subjects:");
    print_fails(f, bt->subjects, bt->nsubjects);
    fprintf(f, "\n");
}

hrr_err_t hrr_report_backtest(FILE *f, hrr_out_fmt_t fmt, const char *body, int from, int to,
                              const hrr_fc_backtest_t *bt)
{
    if (fmt == HRR_OUT_JSON) return dump(f, backtest_json(body, from, to, bt));
    backtest_table(f, body, from, to, bt);
    return ferror(f) ? HRR_EIO : HRR_OK;
}
