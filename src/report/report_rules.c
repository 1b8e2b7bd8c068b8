/*
 * report_rules.c - the rules' results (rule sets, one decision, a replay,
 * the casebook) and voting power as a table, CSV or JSON.
 */
#include "jsonout.h"
#include "hrr/power.h"

#include <string.h>

hrr_err_t hrr_report_rules_list(FILE *f, hrr_out_fmt_t fmt, hrr_rules_t *const *r, size_t n)
{
    static const char *const cols[] = {"name", "body", "members", "title"};
    hrr_out_t o;
    if (!hrr_out_begin(&o, fmt, f, 4, cols)) {
        hrr_out_end(&o);
        return HRR_ENOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        hrr_out_text(&o, hrr_rules_name(r[i]));
        hrr_out_text(&o, hrr_rules_body(r[i]));
        hrr_out_int(&o, hrr_rules_members(r[i], 0));
        hrr_out_text(&o, hrr_rules_title(r[i]));
    }
    return hrr_i_out_result(&o);
}

hrr_err_t hrr_report_decision(FILE *f, hrr_out_fmt_t fmt, const hrr_rules_t *r,
                              const hrr_decision_t *d)
{
    if (fmt == HRR_OUT_JSON) {
        json_t *o = json_object();
        if (!o) return HRR_ENOMEM;
        json_object_set_new(o, "outcome", json_string(hrr_outcome_name(d->outcome)));
        json_object_set_new(o, "reason", hrr_i_jstr(d->reason));
        json_object_set_new(o, "threshold", json_integer(d->threshold));
        json_object_set_new(o, "margin", json_integer(d->margin));
        json_object_set_new(o, "rule", hrr_i_jstr(d->rule));
        json_object_set_new(o, "source", hrr_i_jstr(d->source));
        json_object_set_new(o, "rules", hrr_i_jstr(hrr_rules_name(r)));
        return hrr_i_out_json(f, o);
    }
    fprintf(f, "%s\n  %s\n  rule: %s (%s)\n", hrr_outcome_name(d->outcome), d->reason, d->rule,
            d->source);
    return ferror(f) ? HRR_EIO : HRR_OK;
}

static const char *target_of(const hrr_replay_item_t *it)
{
    return *it->target ? it->target : "(thematic)";
}

static bool flips(const hrr_replay_item_t *it)
{
    return it->own.outcome != it->other.outcome;
}

/* The table's summary: flips by year and by target state. */
static void replay_summary(FILE *f, const hrr_rules_t *r, const hrr_replay_t *rep)
{
    fprintf(f, "\n%ld items decided under %s and %s; %ld flip\nby year:\n", rep->decided,
            rep->own_rules, hrr_rules_name(r), rep->flipped);
    char year[5] = "";
    int n = 0;
    for (size_t i = 0; i <= rep->n; i++) {
        bool flip = i < rep->n && flips(&rep->a[i]);
        if (i == rep->n || strncmp(rep->a[i].date, year, 4) != 0) {
            if (n) fprintf(f, "  %s: %d\n", year, n);
            n = 0;
            if (i < rep->n) snprintf(year, sizeof year, "%.4s", rep->a[i].date);
        }
        if (flip) n++;
    }
    /* and by target state, in order of first appearance */
    fprintf(f, "by target:\n");
    for (size_t i = 0; i < rep->n; i++) {
        const char *t = target_of(&rep->a[i]);
        bool seen = false;
        for (size_t k = 0; k < i && !seen; k++)
            seen = strcmp(target_of(&rep->a[k]), t) == 0 && flips(&rep->a[k]);
        if (seen || !flips(&rep->a[i])) continue;
        int m = 0;
        for (size_t k = i; k < rep->n; k++)
            m += strcmp(target_of(&rep->a[k]), t) == 0 && flips(&rep->a[k]);
        fprintf(f, "  %s: %d\n", t, m);
    }
}

hrr_err_t hrr_report_replay(FILE *f, hrr_out_fmt_t fmt, const hrr_rules_t *r,
                            const hrr_replay_t *rep)
{
    static const char *const cols[] = {"date", "symbol", "target", "yes", "no", "abstain",
                                       "tally", "own", "own_margin", "outcome", "margin", "reason"};
    hrr_out_t o;
    if (!hrr_out_begin(&o, fmt, f, 12, cols)) {
        hrr_out_end(&o);
        return HRR_ENOMEM;
    }
    hrr_out_maxwidth(&o, 1, 26);
    hrr_out_maxwidth(&o, 11, 70);
    for (size_t i = 0; i < rep->n; i++) {
        const hrr_replay_item_t *it = &rep->a[i];
        hrr_out_text(&o, it->date);
        hrr_out_text(&o, it->symbol);
        hrr_out_text(&o, *it->target ? it->target : NULL);
        hrr_out_int(&o, it->yes);
        hrr_out_int(&o, it->no);
        hrr_out_int(&o, it->abstain);
        hrr_out_text(&o, it->from_ballots ? "ballots" : "official");
        hrr_out_text(&o, hrr_outcome_name(it->own.outcome));
        hrr_out_int(&o, it->own.margin);
        hrr_out_text(&o, hrr_outcome_name(it->other.outcome));
        hrr_out_int(&o, it->other.margin);
        hrr_out_text(&o, it->other.reason);
    }
    hrr_err_t rc = hrr_i_out_result(&o);
    if (!rc && fmt == HRR_OUT_TABLE) replay_summary(f, r, rep);
    return rc;
}

hrr_err_t hrr_report_casebook(FILE *f, hrr_out_fmt_t fmt, const hrr_rules_t *r,
                              const hrr_casebook_t *cb)
{
    static const char *const cols[] = {"date", "body", "symbol", "kind", "target", "yes", "no",
                                       "abstain", "outcome", "replayed", "margin", "note", "source"};
    hrr_out_t o;
    size_t ncols = fmt == HRR_OUT_TABLE ? 12 : 13; /* the table leaves the sources to --csv/--json */
    if (!hrr_out_begin(&o, fmt, f, ncols, cols)) {
        hrr_out_end(&o);
        return HRR_ENOMEM;
    }
    for (size_t i = 0; i < cb->n; i++) {
        const hrr_case_t *x = &cb->a[i];
        hrr_decision_t d;
        bool replayed = r && hrr_case_decide(r, x, &d) == HRR_OK;
        hrr_out_text(&o, x->date);
        hrr_out_text(&o, x->body);
        hrr_out_text(&o, *x->symbol ? x->symbol : NULL);
        hrr_out_text(&o, x->kind);
        hrr_out_text(&o, *x->target ? x->target : NULL);
        hrr_out_count(&o, x->yes);
        hrr_out_count(&o, x->no);
        hrr_out_count(&o, x->abstain);
        hrr_out_text(&o, *x->outcome ? x->outcome : NULL);
        hrr_out_text(&o, replayed ? hrr_outcome_name(d.outcome) : NULL);
        if (replayed) hrr_out_int(&o, d.margin);
        else hrr_out_null(&o);
        hrr_out_text(&o, x->note);
        if (ncols == 13) hrr_out_text(&o, x->source);
    }
    hrr_out_maxwidth(&o, 11, 60);
    return hrr_i_out_result(&o);
}

hrr_err_t hrr_report_power(FILE *f, hrr_out_fmt_t fmt, const hrr_power_t *p)
{
    static const char *const cols[] = {"player", "weight", "banzhaf", "banzhaf_abs",
                                       "shapley_shubik"};
    if (fmt == HRR_OUT_JSON) {
        json_t *o = json_object(), *a = json_array(), *b = json_array(), *s = json_array();
        if (!o || !a || !b || !s) {
            json_decref(o);
            json_decref(a);
            json_decref(b);
            json_decref(s);
            return HRR_ENOMEM;
        }
        for (size_t i = 0; i < p->n; i++) {
            json_array_append_new(a, hrr_i_jreal(p->banzhaf[i]));
            json_array_append_new(b, hrr_i_jreal(p->banzhaf_abs[i]));
            json_array_append_new(s, hrr_i_jreal(p->shapley[i]));
        }
        json_object_set_new(o, "quota", json_integer(p->quota));
        json_object_set_new(o, "banzhaf", a);
        json_object_set_new(o, "banzhaf_abs", b);
        json_object_set_new(o, "shapley_shubik", s);
        return hrr_i_out_json(f, o);
    }
    hrr_out_t o;
    if (!hrr_out_begin(&o, fmt, f, 5, cols)) {
        hrr_out_end(&o);
        return HRR_ENOMEM;
    }
    for (size_t i = 0; i < p->n; i++) {
        char name[32];
        snprintf(name, sizeof name, "%zu", i + 1);
        hrr_out_text(&o, name);
        hrr_out_int(&o, p->w[i]);
        hrr_out_real(&o, p->banzhaf[i], 6);
        hrr_out_real(&o, p->banzhaf_abs[i], 6);
        hrr_out_real(&o, p->shapley[i], 6);
    }
    return hrr_i_out_result(&o);
}
