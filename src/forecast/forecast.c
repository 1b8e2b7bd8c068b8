/*
 * forecast.c - hrr_fc_forecast: a draft's ballots from the model trained
 * on the record before its date, the members on that date (or given), the
 * outcome and the swing states by Monte Carlo under the body's rules.
 */
#include "fc.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void hrr_fc_result_free(hrr_fc_result_t *r)
{
    if (!r) return;
    hrr_i_free(NULL, r->b);
    hrr_i_free(NULL, r);
}

static int find_state(const hrr_fc_t *fc, const char *iso3)
{
    for (size_t s = 0; s < fc->ns; s++)
        if (!strcasecmp(fc->iso3[s], iso3)) return (int)s;
    return -1;
}

/* Parse a list of ISO3 codes (',' ';' or spaces between) into flags. */
static hrr_err_t parse_list(hrr_fc_t *fc, const char *what, const char *list, unsigned char *flags)
{
    const char *p = list;
    while (*p) {
        while (*p && (*p == ',' || *p == ';' || isspace((unsigned char)*p))) p++;
        if (!*p) break;
        char code[16];
        size_t k = 0;
        while (*p && *p != ',' && *p != ';' && !isspace((unsigned char)*p))
            if (k < sizeof code - 1) code[k++] = *p++;
            else p++;
        code[k] = 0;
        int s = find_state(fc, code);
        if (s < 0)
            return hrr_i_seterr(fc->st, HRR_EINVAL, "%s: '%s' is not an ISO3 code of a state in the store",
                                what, code);
        flags[s] = 1;
    }
    return HRR_OK;
}

static int find_item(const hrr_fc_t *fc, const char *ref)
{
    for (int j = (int)fc->ni - 1; j >= 0; j--)
        if (!strcmp(fc->it[j].symbol, ref)) return j;
    return -1;
}

/* Whether a no-action motion met an earlier text on the same target in the
 * ten years before LIMIT. */
static int motion_before(const hrr_fc_t *fc, int limit, int target)
{
    if (target < 0 || limit <= 0) return 0;
    for (int j = limit - 1; j >= 0 && fc->it[j].date >= fc->it[limit - 1].date - 100000; j--)
        if (fc->it[j].kind == FC_MOTION && fc->it[j].target == target) return 1;
    return 0;
}

/* yyyymmdd as YYYY-MM-DD */
static void ymd(int d, char out[16])
{
    snprintf(out, 16, "%04d-%02d-%02d", d / 10000 % 10000, d / 100 % 100, d % 100);
}

/* Whether the roster RO that hrr_i_fc_roster gave for DATE (ZDATE as given)
 * is a guess, and if so why, as a sentence into NOTE (N bytes): the store
 * has no terms of the body, or none that covers the date (the members are
 * then those of a recorded vote), or the date lies in a year after the
 * body's last recorded vote (the terms that run on past the records name
 * only some of its members: those elected since are not in the store). */
static int roster_note(const hrr_fc_t *fc, int date, const char *zdate, const unsigned char *ro,
                       char *note, size_t n)
{
    char a[16], b[16];
    size_t nmem = 0;
    note[0] = 0;
    for (size_t s = 0; s < fc->ns; s++) nmem += ro[s] != 0;
    if (!hrr_i_fc_roster_guessed(fc)) {
        int last = fc->ni ? fc->it[fc->ni - 1].date : 0;
        if (!last || date / 10000 <= last / 10000) return 0;
        ymd(last, a);
        snprintf(note, n,
                 "%s is in a year after the last recorded vote of %s (%s): the %zu members are those"
                 " whose terms in the store run on that day; members elected since are not in the"
                 " store",
                 zdate, fc->body, a, nmem);
        return 1;
    }
    /* the vote the roster was taken from */
    char from[160];
    size_t ref = ro >= fc->v && fc->ns ? (size_t)(ro - fc->v) / fc->ns : 0;
    if (ref >= fc->ni) from[0] = 0;
    else if (fc->year_roster)
        snprintf(from, sizeof from, "the %zu states on record in its votes of %d", nmem,
                 fc->it[ref].date / 10000);
    else {
        ymd(fc->it[ref].date, a);
        snprintf(from, sizeof from, "the %zu members on record on its vote of %s (%s)", nmem, a,
                 fc->it[ref].symbol);
    }
    if (!fc->nterms) {
        snprintf(note, n, "the store has no terms of %s%s; members on %s taken from %s", fc->body,
                 !strcmp(fc->body, "GA") ? " (the Assembly's members are all the UN's members,"
                                           " which the store does not list by date)" : "",
                 zdate, from);
        return 1;
    }
    /* past the records, with terms that name only some of the members: the
     * roster is the last recorded vote's (hrr_i_fc_roster) */
    int last = fc->ni ? fc->it[fc->ni - 1].date : 0;
    if (last && date > last) {
        size_t nt = 0;
        for (size_t k = 0; k < fc->nterms; k++)
            if (fc->terms[k].from <= date && (!fc->terms[k].to || fc->terms[k].to > date)) nt++;
        if (nt) {
            ymd(last, a);
            snprintf(note, n,
                     "%s is in a year after the last recorded vote of %s (%s): the store's terms name"
                     " only %zu of its members on that day (those elected since are not in the"
                     " store); members taken from %s",
                     zdate, fc->body, a, nt, from);
            return 1;
        }
    }
    int lo = 0, hi = 0, open = 0;
    for (size_t k = 0; k < fc->nterms; k++) {
        const struct fc_term *t = &fc->terms[k];
        if (!lo || t->from < lo) lo = t->from;
        if (!t->to) open = 1;
        else if (t->to > hi) hi = t->to;
    }
    ymd(lo, a);
    if (open) snprintf(b, sizeof b, "today");
    else ymd(hi, b);
    snprintf(note, n, "no term of %s in the store covers %s (its terms there run from %s until %s); members"
             " taken from %s", fc->body, zdate, a, b, from);
    return 1;
}

static int cmp_ballot(const void *a, const void *b)
{
    return strcmp(((const hrr_fc_ballot_t *)a)->state, ((const hrr_fc_ballot_t *)b)->state);
}

hrr_err_t hrr_fc_forecast(hrr_fc_t *fc, const hrr_fc_draft_t *draft, const hrr_fc_opts_t *opts,
                          hrr_fc_result_t **out)
{
    static const hrr_fc_opts_t dflt;
    hrr_err_t rc = HRR_OK;
    unsigned char *mem = NULL, *sp = NULL;
    int *tok = NULL;
    double *p = NULL;
    long *dec = NULL;
    short *tadopt = NULL, *tmotion = NULL;
    hrr_rules_t *rules = NULL;
    hrr_fc_result_t *r = NULL;
    if (!opts) opts = &dflt;
    *out = NULL;
    int date = hrr_i_fc_date(draft->date);
    if (!date)
        return hrr_i_seterr(fc->st, HRR_EINVAL, "date: '%s' is not a date (YYYY-MM-DD)",
                            draft->date ? draft->date : "");
    int cut = date;
    if (opts->cutoff) {
        int c = hrr_i_fc_date(opts->cutoff);
        if (!c) return hrr_i_seterr(fc->st, HRR_EINVAL, "cutoff: '%s' is not a date", opts->cutoff);
        if (c < cut) cut = c;
    }
    int limit = hrr_i_fc_limit(fc, date); /* what the draft is read against */
    /* the draft: its earlier version, title, kind, target */
    int like = -1, kind = FC_RES, target = -1;
    const char *title = draft->title;
    if (draft->like) {
        if ((like = find_item(fc, draft->like)) < 0)
            return hrr_i_seterr(fc->st, HRR_ENOTFOUND, "like: no %s vote on record with symbol '%s'",
                                fc->body, draft->like);
        if (like >= limit)
            return hrr_i_seterr(fc->st, HRR_EINVAL,
                                "like: %s was voted on %d-%02d-%02d, not before %d-%02d-%02d: it cannot"
                                " inform this forecast",
                                draft->like, fc->it[like].date / 10000, fc->it[like].date / 100 % 100,
                                fc->it[like].date % 100, date / 10000, date / 100 % 100, date % 100);
        kind = fc->it[like].kind == FC_MOTION ? FC_RES : fc->it[like].kind;
        target = fc->it[like].target;
    } else if (!title || !*title) {
        return hrr_i_seterr(fc->st, HRR_EINVAL, "a draft needs an earlier version (like) or a title");
    }
    if (draft->target && *draft->target && (target = find_state(fc, draft->target)) < 0)
        return hrr_i_seterr(fc->st, HRR_EINVAL, "target: '%s' is not an ISO3 code of a state in the store",
                            draft->target);
    int prev = like, lineage = like >= 0 ? fc->it[like].lineage : -1;
    int blin = like >= 0 ? fc->it[like].blin : -1;
    if (prev < 0) {
        int ntok;
        hrr_i_fc_title_key(fc, title, kind, &lineage, &tok, &ntok, 0);
        prev = hrr_i_fc_find_prev(fc, limit, kind, lineage, tok, ntok, target);
        if (target < 0 && prev >= 0 && fc->it[prev].lineage == lineage && lineage >= 0)
            target = fc->it[prev].target;
    }
    /* members and sponsors */
    if (!(mem = hrr_i_calloc(hrr_store_ctx(fc->st), fc->ns + 1, 1)) || !(sp = hrr_i_calloc(hrr_store_ctx(fc->st), fc->ns + 1, 1))) goto nomem;
    int guessed = 0;
    char note[sizeof r->members_note];
    note[0] = 0;
    if (draft->members && *draft->members) {
        if ((rc = parse_list(fc, "members", draft->members, mem))) goto out;
    } else {
        const unsigned char *ro = hrr_i_fc_roster(fc, date, 0);
        if (!ro) {
            rc = hrr_i_seterr(fc->st, HRR_ENOTFOUND, "no membership of %s on record near %s", fc->body,
                              draft->date);
            goto out;
        }
        for (size_t s = 0; s < fc->ns; s++) mem[s] = ro[s] != 0;
        guessed = roster_note(fc, date, draft->date, ro, note, sizeof note);
    }
    if (draft->sponsors && (rc = parse_list(fc, "sponsors", draft->sponsors, sp))) goto out;
    size_t n = 0;
    for (size_t s = 0; s < fc->ns; s++) n += mem[s];
    if (!n) {
        rc = hrr_i_seterr(fc->st, HRR_EINVAL, "members: none given");
        goto out;
    }
    if ((rc = hrr_i_fc_train(fc, cut))) goto out;
    /* the ballots */
    fc_draft_ctx_t d = {.date = date, .limit = limit, .prev = prev, .target = target, .kind = kind,
                        .lineage = lineage, .blin = blin, .sp = sp};
    hrr_i_fc_draft_ctx(fc, &d);
    if (!(r = hrr_i_calloc(hrr_store_ctx(fc->st), 1, sizeof *r)) || !(r->b = hrr_i_calloc(hrr_store_ctx(fc->st), n, sizeof *r->b)) ||
        !(p = hrr_i_malloc(hrr_store_ctx(fc->st), n * 4 * sizeof *p)) || !(dec = hrr_i_calloc(hrr_store_ctx(fc->st), n, sizeof *dec)))
        goto nomem;
    size_t k = 0;
    for (size_t s = 0; s < fc->ns; s++) {
        if (!mem[s]) continue;
        double f[FC_NFEAT];
        hrr_i_fc_features(fc, &d, (int)s, f);
        hrr_i_fc_predict(fc, f, p + k * 4);
        snprintf(r->b[k].state, sizeof r->b[k].state, "%s", fc->iso3[s]);
        for (int c = 0; c < 4; c++) r->b[k].p[c] = p[k * 4 + c], r->expect[c] += p[k * 4 + c];
        k++;
    }
    r->n = n;
    snprintf(r->symbol, sizeof r->symbol, "%s", draft->symbol ? draft->symbol : "");
    snprintf(r->date, sizeof r->date, "%s", draft->date);
    snprintf(r->like, sizeof r->like, "%s", prev >= 0 ? fc->it[prev].symbol : "");
    snprintf(r->target, sizeof r->target, "%s", target >= 0 ? fc->iso3[target] : "");
    r->members_guessed = guessed;
    snprintf(r->members_note, sizeof r->members_note, "%s", note);
    /* the outcome */
    if ((rc = hrr_rules_load(opts->rules ? opts->rules : fc->rules, &rules, hrr_store_ctx(fc->st))))
        goto out;
    int scope = target >= 0 ? HRR_SCOPE_COUNTRY : HRR_SCOPE_THEMATIC;
    int want_motion = draft->no_action > 0 || (draft->no_action < 0 && motion_before(fc, limit, target));
    size_t n1 = n + 1;
    if (!(tadopt = hrr_i_malloc(hrr_store_ctx(fc->st), n1 * n1 * sizeof *tadopt)) ||
        (want_motion && !(tmotion = hrr_i_malloc(hrr_store_ctx(fc->st), n1 * n1 * sizeof *tmotion))))
        goto nomem;
    if ((rc = hrr_fc_thresholds(rules, (long)n, scope, HRR_MOTION_NONE, date / 10000, tadopt)) ||
        (want_motion &&
         (rc = hrr_fc_thresholds(rules, (long)n, scope, HRR_MOTION_NO_ACTION, date / 10000, tmotion)))) {
        rc = hrr_i_seterr(fc->st, rc, "the rules of %s could not decide a vote of %zu members",
                          hrr_rules_name(rules), n);
        goto out;
    }
    double shock = opts->shock < 0 ? 0 : opts->shock > 0 ? opts->shock : HRR_FC_SHOCK;
    long runs = opts->runs > 0 ? opts->runs : 10000, carried = 0;
    long adopted = hrr_fc_simulate(p, n, tadopt, tmotion, shock, runs, opts->seed, &carried, dec, hrr_store_ctx(fc->st));
    if (adopted < 0) goto nomem;
    r->runs = runs;
    r->p_adopted = (double)adopted / (double)runs;
    r->p_no_action = want_motion ? (double)carried / (double)runs : NAN;
    for (size_t i = 0; i < n; i++) {
        double top = 0;
        for (int c = 0; c < 4; c++) top = r->b[i].p[c] > top ? r->b[i].p[c] : top;
        r->b[i].decisive = (double)dec[i] / (double)runs;
        r->b[i].swing = r->b[i].decisive * (1 - top);
    }
    qsort(r->b, n, sizeof *r->b, cmp_ballot);
    goto out;
nomem:
    rc = hrr_i_seterr(fc->st, HRR_ENOMEM, "out of memory");
out:
    hrr_rules_free(rules);
    hrr_i_free(hrr_store_ctx(fc->st), mem);
    hrr_i_free(hrr_store_ctx(fc->st), sp);
    hrr_i_free(hrr_store_ctx(fc->st), tok);
    hrr_i_free(hrr_store_ctx(fc->st), p);
    hrr_i_free(hrr_store_ctx(fc->st), dec);
    hrr_i_free(hrr_store_ctx(fc->st), tadopt);
    hrr_i_free(hrr_store_ctx(fc->st), tmotion);
    if (rc) {
        hrr_fc_result_free(r);
        return rc;
    }
    *out = r;
    return HRR_OK;
}
