/*
 * backtest.c - rolling-origin evaluation of the forecasts. The body's votes
 * are cut into sessions (a new session after a gap of more than 20 days
 * between votes); each session is forecast from a model trained only on what
 * was recorded before its first vote, every recorded member's ballot on
 * every vote of it is scored, and the same figures are computed for three
 * baselines: always yes; the member's ballot on the earlier version (the
 * same text's last vote, else the most similar earlier title); its regional
 * group's majority there.
 */
#include "fc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GAP_DAYS 20

/* Days between two yyyymmdd dates, roughly (enough to find gaps). */
static long days(int d) { return (long)(d / 10000) * 372 + (d / 100 % 100) * 31 + d % 100; }

typedef struct acc {
    long n, right;
    long tp[4], fp[4], fn[4];
    double brier, logloss;
    long items, items_right;
    double obrier;
} acc_t;

static void score(acc_t *a, const double *p, int y)
{
    int best = 0;
    for (int k = 1; k < 4; k++)
        if (p[k] > p[best]) best = k;
    a->n++;
    a->right += best == y;
    if (best == y) a->tp[y]++;
    else a->fp[best]++, a->fn[y]++;
    for (int k = 0; k < 4; k++) {
        double e = p[k] - (k == y);
        a->brier += e * e;
    }
    double q = p[y] < 1e-6 ? 1e-6 : p[y];
    a->logloss -= log(q);
}

static void finish(const acc_t *a, hrr_fc_score_t *s, const char *name)
{
    s->name = name;
    s->ballots = a->n;
    s->accuracy = a->n ? (double)a->right / (double)a->n : NAN;
    double f1 = 0;
    for (int k = 0; k < 3; k++) {
        double den = 2.0 * (double)a->tp[k] + (double)a->fp[k] + (double)a->fn[k];
        f1 += den > 0 ? 2.0 * (double)a->tp[k] / den : 0;
    }
    s->macro_f1 = f1 / 3;
    s->brier = a->n ? a->brier / (double)a->n : NAN;
    s->log_loss = a->n ? a->logloss / (double)a->n : NAN;
    s->items = a->items;
    s->outcome_accuracy = a->items ? (double)a->items_right / (double)a->items : NAN;
    s->outcome_brier = a->items ? a->obrier / (double)a->items : NAN;
}

void hrr_fc_backtest_free(hrr_fc_backtest_t *b)
{
    if (!b) return;
    hrr_i_free(NULL, b->states);
    hrr_i_free(NULL, b->subjects);
    hrr_i_free(NULL, b->kinds);
    hrr_i_free(NULL, b);
}

static int cmp_fail(const void *a, const void *b)
{
    const hrr_fc_fail_t *x = a, *y = b;
    if (x->accuracy != y->accuracy) return x->accuracy < y->accuracy ? -1 : 1;
    return strcmp(x->what, y->what);
}

/* The outcome of a tally under a threshold table. */
static int adopts(const short *t, long n, const long *c)
{
    return c[0] >= t[c[1] * (n + 1) + c[2]];
}

hrr_err_t hrr_fc_backtest(hrr_fc_t *fc, int from, int to, const hrr_fc_opts_t *opts,
                          hrr_fc_backtest_t **out)
{
    static const hrr_fc_opts_t dflt;
    static const char *const names[4] = {"model", "always-yes", "last-ballot", "group-majority"};
    hrr_err_t rc = HRR_OK;
    acc_t acc[4];
    long kn[7] = {0}, kr[7] = {0}, ki[7] = {0}, kir[7] = {0}; /* by kind, then country / thematic */
    long bin_n[10] = {0};
    double bin_p[10] = {0}, bin_o[10] = {0};
    long *st_n = NULL, *st_r = NULL;
    hrr_fc_fail_t *subj = NULL;
    size_t nsubj = 0, capsubj = 0;
    double *p = NULL, *pb = NULL;
    long *dec = NULL;
    /* the threshold table of the last vote of each scope (country texts and
     * thematic ones alternate: one table for both was rebuilt at almost
     * every item, 5% of a backtest) */
    short *tabs[2] = {NULL, NULL}, *tab = NULL;
    long tab_n[2] = {-1, -1};
    int tab_year[2] = {-1, -1};
    unsigned char *sp = NULL;
    hrr_rules_t *rules = NULL;
    if (!opts) opts = &dflt;
    *out = NULL;
    memset(acc, 0, sizeof acc);
    hrr_fc_backtest_t *bt = hrr_i_calloc(hrr_store_ctx(fc->st), 1, sizeof *bt);
    if (!bt || !(st_n = hrr_i_calloc(hrr_store_ctx(fc->st), fc->ns, sizeof *st_n)) || !(st_r = hrr_i_calloc(hrr_store_ctx(fc->st), fc->ns, sizeof *st_r)) ||
        !(p = hrr_i_malloc(hrr_store_ctx(fc->st), fc->ns * 4 * sizeof *p)) || !(pb = hrr_i_malloc(hrr_store_ctx(fc->st), fc->ns * 4 * sizeof *pb)) ||
        !(sp = hrr_i_calloc(hrr_store_ctx(fc->st), fc->ns, 1)))
        goto nomem;
    if ((rc = hrr_rules_load(opts->rules ? opts->rules : fc->rules, &rules, hrr_store_ctx(fc->st))))
        goto out;
    double shock = opts->shock < 0 ? 0 : opts->shock > 0 ? opts->shock : HRR_FC_SHOCK;
    long runs = opts->runs > 0 ? opts->runs : 2000;
    size_t a = 0;
    while (a < fc->ni) {
        /* the session [a, b) */
        size_t b = a + 1;
        while (b < fc->ni && days(fc->it[b].date) - days(fc->it[b - 1].date) <= GAP_DAYS) b++;
        int year = fc->it[a].date / 10000;
        if (year < from || (to && year > to)) {
            a = b;
            continue;
        }
        int cut = fc->it[a].date;
        if ((rc = hrr_i_fc_train(fc, cut))) {
            if (rc == HRR_ENOTFOUND) { /* too little history: skip the session */
                rc = HRR_OK;
                a = b;
                continue;
            }
            goto out;
        }
        bt->sessions++;
        for (size_t j = a; j < b; j++) {
            const fc_item_t *it = &fc->it[j];
            if (it->kind == FC_MOTION) continue;
            const unsigned char *v = fc->v + j * fc->ns;
            memset(sp, 0, fc->ns);
            for (int k = 0; k < it->nsponsor; k++) sp[it->sponsor[k]] = 1;
            /* the model learned before the session; the draft is read
             * against what was recorded before its own date */
            int lim = hrr_i_fc_limit(fc, it->date);
            fc_draft_ctx_t d = {.date = it->date, .limit = lim, .target = it->target, .kind = it->kind,
                                .lineage = it->lineage, .blin = it->blin, .sp = sp};
            d.prev = hrr_i_fc_find_prev(fc, lim, it->kind, it->lineage, it->tok, it->ntok, it->target);
            hrr_i_fc_draft_ctx(fc, &d);
            /* subjects */
            size_t ks;
            for (ks = 0; ks < nsubj; ks++)
                if (!strcmp(subj[ks].what, it->subject)) break;
            if (ks == nsubj) {
                if (nsubj == capsubj) {
                    size_t nc = capsubj ? capsubj * 2 : 64;
                    hrr_fc_fail_t *t = hrr_i_realloc(hrr_store_ctx(fc->st), subj, nc * sizeof *t);
                    if (!t) goto nomem;
                    subj = t, capsubj = nc;
                }
                memset(&subj[nsubj], 0, sizeof *subj);
                snprintf(subj[nsubj].what, sizeof subj[nsubj].what, "%s", it->subject);
                nsubj++;
            }
            size_t n = 0;
            long c_true[4] = {0}, c_last[4] = {0}, c_grp[4] = {0};
            for (size_t s = 0; s < fc->ns; s++) {
                if (!v[s]) continue;
                int y = v[s] - HRR_VOTE_YES; /* the class */
                double f[FC_NFEAT], *q = p + n * 4;
                hrr_i_fc_features(fc, &d, (int)s, f);
                hrr_i_fc_predict(fc, f, q);
                score(&acc[0], q, y);
                for (int k = 0; k < 4; k++) {
                    int bn = (int)(q[k] * 10);
                    if (bn > 9) bn = 9;
                    bin_n[bn]++, bin_p[bn] += q[k], bin_o[bn] += k == y;
                }
                double one[4] = {1, 0, 0, 0};
                score(&acc[1], one, y);
                /* last ballot on the earlier version; else yes */
                int lb = 0;
                if (d.prev >= 0) {
                    unsigned char pv = fc->v[(size_t)d.prev * fc->ns + s];
                    if (pv) lb = pv - HRR_VOTE_YES;
                }
                double l4[4] = {0};
                l4[lb] = 1;
                score(&acc[2], l4, y);
                int gm = fc->group[s] >= 0 && d.gmaj[fc->group[s]] ? d.gmaj[fc->group[s]] - HRR_VOTE_YES : 0;
                double g4[4] = {0};
                g4[gm] = 1;
                score(&acc[3], g4, y);
                c_true[y]++, c_last[lb]++, c_grp[gm]++;
                int best = 0;
                for (int c = 1; c < 4; c++)
                    if (q[c] > q[best]) best = c;
                st_n[s]++, st_r[s] += best == y;
                bt->confusion[y][best]++;
                kn[it->kind]++, kr[it->kind] += best == y;
                kn[5 + (it->target < 0)]++, kr[5 + (it->target < 0)] += best == y;
                subj[ks].n++, subj[ks].accuracy += best == y;
                n++;
            }
            if (!n) continue;
            /* the outcome */
            int scope = it->target >= 0 ? HRR_SCOPE_COUNTRY : HRR_SCOPE_THEMATIC;
            int ts = scope == HRR_SCOPE_COUNTRY;
            if ((long)n != tab_n[ts] || year != tab_year[ts]) {
                hrr_i_free(hrr_store_ctx(fc->st), tabs[ts]);
                tab_n[ts] = -1;
                if (!(tabs[ts] = hrr_i_malloc(hrr_store_ctx(fc->st), (n + 1) * (n + 1) * sizeof *tab)))
                    goto nomem;
                if ((rc = hrr_fc_thresholds(rules, (long)n, scope, HRR_MOTION_NONE, year, tabs[ts]))) {
                    rc = hrr_i_seterr(fc->st, rc, "the rules could not decide a vote of %zu members", n);
                    goto out;
                }
                tab_n[ts] = (long)n, tab_year[ts] = year;
            }
            tab = tabs[ts];
            int truth = it->adopted >= 0 ? it->adopted : adopts(tab, (long)n, c_true);
            long ad = hrr_fc_simulate(p, n, tab, NULL, shock, runs, opts->seed + j, NULL, NULL, hrr_store_ctx(fc->st));
            if (ad < 0) goto nomem;
            int calls[4] = {2 * ad >= runs, 1, adopts(tab, (long)n, c_last), adopts(tab, (long)n, c_grp)};
            double pad = (double)ad / (double)runs;
            for (int m = 0; m < 4; m++) {
                double e = (m ? calls[m] : pad) - truth;
                acc[m].items++, acc[m].items_right += calls[m] == truth, acc[m].obrier += e * e;
            }
            ki[it->kind]++, kir[it->kind] += calls[0] == truth;
            ki[5 + (it->target < 0)]++, kir[5 + (it->target < 0)] += calls[0] == truth;
        }
        a = b;
    }
    if (!acc[0].n) {
        rc = hrr_i_seterr(fc->st, HRR_ENOTFOUND, "no %s votes to backtest in %d-%d (with earlier votes to learn from)",
                          fc->body, from, to);
        goto out;
    }
    for (int m = 0; m < 4; m++) finish(&acc[m], &bt->score[m], names[m]);
    double ece = 0;
    long tot = 0;
    for (int k = 0; k < 10; k++) tot += bin_n[k];
    for (int k = 0; k < 10; k++) {
        bt->bins[k].lo = k / 10.0;
        bt->bins[k].hi = (k + 1) / 10.0;
        bt->bins[k].n = bin_n[k];
        bt->bins[k].predicted = bin_n[k] ? bin_p[k] / (double)bin_n[k] : NAN;
        bt->bins[k].observed = bin_n[k] ? bin_o[k] / (double)bin_n[k] : NAN;
        if (bin_n[k]) ece += (double)bin_n[k] / (double)tot * fabs(bt->bins[k].predicted - bt->bins[k].observed);
    }
    bt->score[0].ece = ece;
    size_t ns = 0;
    for (size_t s = 0; s < fc->ns; s++) ns += st_n[s] > 0;
    if (!(bt->states = hrr_i_calloc(hrr_store_ctx(fc->st), ns + 1, sizeof *bt->states))) goto nomem;
    for (size_t s = 0; s < fc->ns; s++)
        if (st_n[s]) {
            hrr_fc_fail_t *f = &bt->states[bt->nstates++];
            snprintf(f->what, sizeof f->what, "%s", fc->iso3[s]);
            f->n = st_n[s];
            f->accuracy = (double)st_r[s] / (double)st_n[s];
        }
    qsort(bt->states, bt->nstates, sizeof *bt->states, cmp_fail);
    for (size_t k = 0; k < nsubj; k++) subj[k].accuracy = subj[k].n ? subj[k].accuracy / (double)subj[k].n : NAN;
    qsort(subj, nsubj, sizeof *subj, cmp_fail);
    {
        static const char *const kname[7] = {"resolutions", "decisions", "amendments", "motions", "other",
                                             "country", "thematic"};
        if (!(bt->kinds = hrr_i_calloc(hrr_store_ctx(fc->st), 7, sizeof *bt->kinds))) goto nomem;
        for (int k = 0; k < 7; k++)
            if (kn[k]) {
                hrr_fc_fail_t *f = &bt->kinds[bt->nkinds++];
                snprintf(f->what, sizeof f->what, "%s", kname[k]);
                f->n = kn[k];
                f->accuracy = (double)kr[k] / (double)kn[k];
                f->items = ki[k];
                f->outcome_accuracy = ki[k] ? (double)kir[k] / (double)ki[k] : NAN;
            }
    }
    bt->subjects = subj;
    bt->nsubjects = nsubj;
    subj = NULL;
    goto out;
nomem:
    rc = hrr_i_seterr(fc->st, HRR_ENOMEM, "out of memory");
out:
    hrr_rules_free(rules);
    hrr_i_free(hrr_store_ctx(fc->st), st_n);
    hrr_i_free(hrr_store_ctx(fc->st), st_r);
    hrr_i_free(hrr_store_ctx(fc->st), subj);
    hrr_i_free(hrr_store_ctx(fc->st), p);
    hrr_i_free(hrr_store_ctx(fc->st), pb);
    hrr_i_free(hrr_store_ctx(fc->st), dec);
    hrr_i_free(hrr_store_ctx(fc->st), tabs[0]);
    hrr_i_free(hrr_store_ctx(fc->st), tabs[1]);
    hrr_i_free(hrr_store_ctx(fc->st), sp);
    if (rc) {
        hrr_fc_backtest_free(bt);
        return rc;
    }
    *out = bt;
    return HRR_OK;
}
