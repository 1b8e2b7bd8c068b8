/*
 * model.c - each member's ballot on a draft as a multinomial logit (yes,
 * no, abstain, absent) of features read from the record before a cutoff:
 * its ballot on the draft's earlier version, its regional group's majority
 * there, where the earlier version split the body along the ideal-point
 * dimension (its probit item parameters given ideal points estimated by EM
 * on the six years before the cutoff), its recent rates of yes and of
 * absence, whether it is the target, in the target's group, or a sponsor.
 * Weights by Newton's method with a ridge penalty on everything before the
 * cutoff (eight years). docs/forecast.md.
 */
#include "fc.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#define WINDOW_IDEAL 60000  /* yyyymmdd span: six years */
#define WINDOW_TRAIN 80000  /* eight years */
#define RIDGE 0.05          /* on each weight */

/* phi(m)/Phi(m), stable far in the lower tail. */
static double mills(double m)
{
    if (m < -30) return -m;
    return gsl_ran_ugaussian_pdf(m) / gsl_cdf_ugaussian_P(m);
}

/* Probit item parameters (a, b) of item J on the ideal points, by Newton
 * with the N(0, 25) prior of the EM: over the states with an ideal point
 * and a yes or no. */
/* State S's ideal point in the year of item J: its dynamic path that year,
 * the nearest year of its path outside it. */
static double x_at(const hrr_fc_t *fc, int j, size_t s)
{
    const fc_model_t *m = &fc->model;
    if (!m->xpath || m->npath <= 0) return m->x[s];
    int t = fc->it[j].date / 10000 - m->y0;
    if (t < 0) t = 0;
    if (t >= m->npath) t = m->npath - 1;
    const double *p = m->xpath + s * (size_t)m->npath;
    for (int k = 0; k < m->npath; k++) { /* nearest defined year */
        if (t - k >= 0 && isfinite(p[t - k])) return p[t - k];
        if (t + k < m->npath && isfinite(p[t + k])) return p[t + k];
    }
    return m->x[s];
}

static int item_probit(const hrr_fc_t *fc, int j, double *pa, double *pb)
{
    const unsigned char *v = fc->v + (size_t)j * fc->ns;
    double a = 0, b = 0;
    int yes = 0, no = 0;
    for (size_t s = 0; s < fc->ns; s++)
        if (fc->model.hasx[s]) yes += v[s] == HRR_VOTE_YES, no += v[s] == HRR_VOTE_NO;
    if (yes + no < 3) return 0;
    for (int it = 0; it < 25; it++) {
        double g0 = -a / 25, g1 = -b / 25, h00 = 1.0 / 25, h01 = 0, h11 = 1.0 / 25;
        for (size_t s = 0; s < fc->ns; s++) {
            if (!fc->model.hasx[s] || (v[s] != HRR_VOTE_YES && v[s] != HRR_VOTE_NO)) continue;
            double x = x_at(fc, j, s), eta = a + b * x;
            double lam = v[s] == HRR_VOTE_YES ? mills(eta) : -mills(-eta);
            double w = lam * (lam + eta); /* minus the second derivative */
            g0 += lam, g1 += lam * x;
            h00 += w, h01 += w * x, h11 += w * x * x;
        }
        double det = h00 * h11 - h01 * h01;
        if (!(det > 1e-12)) break;
        double da = (h11 * g0 - h01 * g1) / det, db = (h00 * g1 - h01 * g0) / det;
        a += da, b += db;
        if (fabs(da) + fabs(db) < 1e-8) break;
    }
    *pa = a, *pb = b;
    return isfinite(a) && isfinite(b);
}

hrr_err_t hrr_i_fc_draft_ctx(hrr_fc_t *fc, fc_draft_ctx_t *d)
{
    d->has_ab = 0;
    d->pa = d->pb = 0;
    d->yes_share = 0;
    d->same_text = 0;
    d->has_spx = 0;
    d->spx = 0;
    memset(d->gmaj, 0, sizeof d->gmaj);
    memset(d->bmaj, 0, sizeof d->bmaj);
    if (d->sp) {
        double sum = 0;
        int n = 0;
        for (size_t s = 0; s < fc->ns; s++)
            if (d->sp[s] && fc->model.hasx[s]) sum += fc->model.x[s], n++;
        if (n) d->spx = sum / n, d->has_spx = 1;
    }
    d->nsame_sp = 0;
    d->same_sp = fc->scratch;
    if (d->sp) {
        int amend = d->kind == FC_AMEND;
        for (int j = d->limit - 1; j >= 0 && fc->it[j].date >= d->date - 30000; j--) {
            const fc_item_t *it = &fc->it[j];
            if ((it->kind == FC_AMEND) != amend) continue;
            for (int k = 0; k < it->nsponsor; k++)
                if (d->sp[it->sponsor[k]]) {
                    d->same_sp[d->nsame_sp++] = j;
                    break;
                }
        }
    }
    d->base = -1;
    d->sp_target = d->sp && d->target >= 0 && d->sp[d->target];
    if (d->kind == FC_AMEND && d->blin >= 0)
        for (int j = d->limit - 1; j >= 0 && fc->it[j].date >= d->date - 100000; j--)
            if (fc->it[j].lineage == d->blin) {
                d->base = j;
                break;
            }
    if (d->prev < 0) return HRR_OK;
    /* the same text: the same title, or a no-action motion on its target */
    d->same_text = (d->lineage >= 0 && fc->it[d->prev].lineage == d->lineage) ||
                   (fc->it[d->prev].kind == FC_MOTION && d->target >= 0 && fc->it[d->prev].target == d->target);
    const unsigned char *v = fc->v + (size_t)d->prev * fc->ns;
    int motion = fc->it[d->prev].kind == FC_MOTION; /* read the other way round */
    long cnt[FC_NGROUP][HRR_VOTE_ABSTAIN + 1] = {{0}}, bcnt[FC_NBLOC][HRR_VOTE_ABSTAIN + 1] = {{0}};
    long y = 0, tot = 0;
    for (size_t s = 0; s < fc->ns; s++) {
        int vv = v[s];
        if (vv < HRR_VOTE_YES || vv > HRR_VOTE_ABSTAIN) continue;
        if (motion && vv != HRR_VOTE_ABSTAIN) vv = HRR_VOTE_YES + HRR_VOTE_NO - vv; /* yes <-> no */
        tot++, y += vv == HRR_VOTE_YES;
        if (fc->group[s] >= 0) cnt[fc->group[s]][vv]++;
        if (fc->model.bloc[s] >= 0) bcnt[fc->model.bloc[s]][vv]++;
    }
    for (int g = 0; g < FC_NBLOC; g++) {
        int best = 0;
        for (int c = HRR_VOTE_YES; c <= HRR_VOTE_ABSTAIN; c++)
            if (bcnt[g][c] > (best ? bcnt[g][best] : 0)) best = c;
        d->bmaj[g] = best;
    }
    d->yes_share = tot ? (double)y / (double)tot : 0;
    for (int g = 0; g < FC_NGROUP; g++) {
        int best = 0;
        for (int c = HRR_VOTE_YES; c <= HRR_VOTE_ABSTAIN; c++)
            if (cnt[g][c] > (best ? cnt[g][best] : 0)) best = c;
        d->gmaj[g] = best;
    }
    d->has_ab = item_probit(fc, d->prev, &d->pa, &d->pb);
    if (motion) d->pa = -d->pa, d->pb = -d->pb;
    return HRR_OK;
}

/* A state's shares of yes and of absence among its ballots on the items in
 * the year before the draft, and its shares of yes, no and abstain on items
 * of the draft's kind class (amendments, or the rest) in the two years
 * before (items before the limit only). */
static void recent(const hrr_fc_t *fc, const fc_draft_ctx_t *d, int s, double *f)
{
    long n = 0, y = 0, a = 0, kn = 0, kc[HRR_VOTE_ABSTAIN + 1] = {0}, rn = 0, ra = 0;
    int d90 = d->date - (d->date / 100 % 100 > 3 ? 300 : 9100); /* about 90 days before */
    int amend = d->kind == FC_AMEND;
    for (int j = d->limit - 1; j >= 0 && fc->it[j].date >= d->date - 20000; j--) {
        unsigned char v = fc->v[(size_t)j * fc->ns + (size_t)s];
        if (!v) continue;
        if (fc->it[j].date >= d->date - 10000) n++, y += v == HRR_VOTE_YES, a += v == HRR_VOTE_ABSENT;
        if (fc->it[j].date >= d90) rn++, ra += v == HRR_VOTE_ABSENT;
        if ((fc->it[j].kind == FC_AMEND) == amend && v <= HRR_VOTE_ABSTAIN) kn++, kc[v]++;
    }
    f[HRR_FC_F_YES_YEAR] = n ? (double)y / (double)n : 0.5;
    f[HRR_FC_F_ABSENT_YEAR] = n ? (double)a / (double)n : 0.05;
    for (int c = HRR_VOTE_YES; c <= HRR_VOTE_ABSTAIN; c++) f[HRR_FC_F_KIND_YES + c - HRR_VOTE_YES] = kn ? (double)kc[c] / (double)kn : 0;
    if (rn) /* absences of the last months */
        f[HRR_FC_F_ABSENT_RECENT] = (double)ra / (double)rn, f[HRR_FC_F_HAS_RECENT] = 1;
    /* absent on the last vote it was a member for, and on the last ten */
    int seen = 0, abs10 = 0;
    for (int j = d->limit - 1; j >= 0 && seen < 10; j--) {
        unsigned char v = fc->v[(size_t)j * fc->ns + (size_t)s];
        if (!v) continue;
        if (!seen) f[HRR_FC_F_ABSENT_LAST] = v == HRR_VOTE_ABSENT;
        seen++, abs10 += v == HRR_VOTE_ABSENT;
    }
    if (seen) f[HRR_FC_F_ABSENT_LAST10] = (double)abs10 / seen;
}

/* The state's last ballot (yes, no or abstain) on the draft's text: on the
 * predecessor, or, when the state was not a member then or was absent, on
 * the versions before it in the ten years before. 0 if none. */
/* State S's ballot on item J, a no-action motion's read as on the text it
 * targets (for no action: against the text). */
static int ballot_on(const hrr_fc_t *fc, int j, int s)
{
    int v = fc->v[(size_t)j * fc->ns + (size_t)s];
    return fc->it[j].kind == FC_MOTION && (v == HRR_VOTE_YES || v == HRR_VOTE_NO) ? HRR_VOTE_YES + HRR_VOTE_NO - v : v;
}

static int last_ballot(const hrr_fc_t *fc, const fc_draft_ctx_t *d, int prev, int same_text, int s)
{
    int pv = ballot_on(fc, prev, s);
    if ((pv >= HRR_VOTE_YES && pv <= HRR_VOTE_ABSTAIN) || !same_text) return pv;
    for (int j = fc->it[prev].lprev; j >= 0 && fc->it[j].date >= d->date - 100000; j = fc->it[j].lprev) {
        int v = ballot_on(fc, j, s);
        if (v >= HRR_VOTE_YES && v <= HRR_VOTE_ABSTAIN) return v;
    }
    return pv;
}

/* The features' short names (stable: for --explain and the docs) and what
 * each says, by enum hrr_fc_feature (fc.h). */
static const struct {
    const char *name;   /* short, stable, lower case */
    const char *about;  /* one line */
} features[HRR_FC_NFEAT] = {
    [HRR_FC_F_CONST] = {"const", "the intercept (always 1)"},
    [HRR_FC_F_SAME_YES] = {"same_yes", "its last ballot on the same text was yes"},
    [HRR_FC_F_SAME_NO] = {"same_no", "its last ballot on the same text was no"},
    [HRR_FC_F_SAME_ABSTAIN] = {"same_abstain", "its last ballot on the same text was abstain"},
    [HRR_FC_F_SAME_ABSENT] = {"same_absent", "it was absent on the same text's last vote"},
    [HRR_FC_F_HAS_PREV] = {"has_prev", "an earlier version of the draft was found"},
    [HRR_FC_F_GROUP_YES] = {"group_yes", "its regional group's majority on the earlier version was yes"},
    [HRR_FC_F_GROUP_NO] = {"group_no", "its regional group's majority on the earlier version was no"},
    [HRR_FC_F_GROUP_ABSTAIN] = {"group_abstain", "its regional group's majority on the earlier version was abstain"},
    [HRR_FC_F_SPLIT] = {"split", "a + b x: where the earlier version's probit split puts it (clipped to +-5)"},
    [HRR_FC_F_HAS_SPLIT] = {"has_split", "the earlier version's split was estimated and it has an ideal point"},
    [HRR_FC_F_ABSENT_YEAR] = {"absent_year", "its share of absences over the year before"},
    [HRR_FC_F_YES_YEAR] = {"yes_year", "its share of yes over the year before"},
    [HRR_FC_F_TARGET] = {"target", "it is the state the draft is about"},
    [HRR_FC_F_TARGET_GROUP] = {"target_group", "it is in the target state's regional group"},
    [HRR_FC_F_SPONSOR] = {"sponsor", "it sponsors the draft"},
    [HRR_FC_F_PREV_YES_SHARE] = {"prev_yes_share", "the earlier version's share of yes among yes, no and abstain"},
    [HRR_FC_F_AMEND] = {"amend", "the draft is an amendment"},
    [HRR_FC_F_X_AMEND] = {"x_amend", "its ideal point, on an amendment"},
    [HRR_FC_F_X_TEXT] = {"x_text", "its ideal point, on a text other than an amendment"},
    [HRR_FC_F_X_SPONSORS] = {"x_sponsors", "its ideal point times the sponsors' mean ideal point"},
    [HRR_FC_F_HAS_SPONSORS_X] = {"has_sponsors_x", "some sponsor has an ideal point"},
    [HRR_FC_F_KIND_YES] = {"kind_yes", "its share of yes on texts of the draft's kind, two years"},
    [HRR_FC_F_KIND_NO] = {"kind_no", "its share of no on texts of the draft's kind, two years"},
    [HRR_FC_F_KIND_ABSTAIN] = {"kind_abstain", "its share of abstain on texts of the draft's kind, two years"},
    [HRR_FC_F_BASE_YES] = {"base_yes", "its last ballot on the text an amendment amends was yes"},
    [HRR_FC_F_BASE_NO] = {"base_no", "its last ballot on the text an amendment amends was no"},
    [HRR_FC_F_BASE_ABSTAIN] = {"base_abstain", "its last ballot on the text an amendment amends was abstain"},
    [HRR_FC_F_TARGET_SPONSORS] = {"target_sponsors", "the target state sponsors the draft"},
    [HRR_FC_F_RELATED_YES] = {"related_yes", "its ballot on a related text (by target or title) was yes"},
    [HRR_FC_F_RELATED_NO] = {"related_no", "its ballot on a related text (by target or title) was no"},
    [HRR_FC_F_RELATED_ABSTAIN] = {"related_abstain", "its ballot on a related text (by target or title) was abstain"},
    [HRR_FC_F_SPONSOR_AFFINITY] = {"sponsor_affinity", "its mean agreement with the sponsors over six years, minus 0.5"},
    [HRR_FC_F_SAME_SP_YES] = {"same_sp_yes", "its share of yes on the same sponsors' texts, three years"},
    [HRR_FC_F_SAME_SP_NO] = {"same_sp_no", "its share of no on the same sponsors' texts, three years"},
    [HRR_FC_F_SAME_SP_ABSTAIN] = {"same_sp_abstain", "its share of abstain on the same sponsors' texts, three years"},
    [HRR_FC_F_HAS_SAME_SP] = {"has_same_sp", "it voted on earlier texts of the same sponsors"},
    [HRR_FC_F_ABSENT_RECENT] = {"absent_recent", "its share of absences over the last three months"},
    [HRR_FC_F_HAS_RECENT] = {"has_recent", "it had votes in the last three months"},
    [HRR_FC_F_BLOC_YES] = {"bloc_yes", "its voting bloc's majority on the earlier version was yes"},
    [HRR_FC_F_BLOC_NO] = {"bloc_no", "its voting bloc's majority on the earlier version was no"},
    [HRR_FC_F_BLOC_ABSTAIN] = {"bloc_abstain", "its voting bloc's majority on the earlier version was abstain"},
    [HRR_FC_F_ABSENT_LAST] = {"absent_last", "it was absent on the last vote it was a member for"},
    [HRR_FC_F_ABSENT_LAST10] = {"absent_last10", "its share of absences on the last ten votes it was a member for"},
};

int hrr_fc_feature_count(void) { return HRR_FC_NFEAT; }

const char *hrr_fc_feature_name(int f)
{
    return f >= 0 && f < HRR_FC_NFEAT ? features[f].name : NULL;
}

const char *hrr_fc_feature_about(int f)
{
    return f >= 0 && f < HRR_FC_NFEAT ? features[f].about : NULL;
}

void hrr_i_fc_features(const hrr_fc_t *fc, const fc_draft_ctx_t *d, int s, double *f)
{
    memset(f, 0, FC_NFEAT * sizeof *f);
    f[HRR_FC_F_CONST] = 1;
    if (d->prev >= 0) {
        int pv = last_ballot(fc, d, d->prev, d->same_text, s);
        if (pv >= HRR_VOTE_YES && pv <= HRR_VOTE_ABSENT) {
            if (d->same_text) f[HRR_FC_F_SAME_YES + pv - HRR_VOTE_YES] = 1;
            else if (pv <= HRR_VOTE_ABSTAIN) f[HRR_FC_F_RELATED_YES + pv - HRR_VOTE_YES] = 1; /* a related text's ballot */
        }
        f[HRR_FC_F_HAS_PREV] = 1;
        int g = fc->group[s];
        if (g >= 0 && d->gmaj[g]) f[HRR_FC_F_GROUP_YES + d->gmaj[g] - HRR_VOTE_YES] = 1;
        int b = fc->model.bloc[s];
        if (b >= 0 && d->bmaj[b]) f[HRR_FC_F_BLOC_YES + d->bmaj[b] - HRR_VOTE_YES] = 1; /* its bloc's majority */
        if (d->has_ab && fc->model.hasx[s]) {
            double m = d->pa + d->pb * fc->model.x[s];
            f[HRR_FC_F_SPLIT] = m < -5 ? -5 : m > 5 ? 5 : m;
            f[HRR_FC_F_HAS_SPLIT] = 1;
        }
        f[HRR_FC_F_PREV_YES_SHARE] = d->yes_share;
    }
    recent(fc, d, s, f);
    if (d->target >= 0) {
        f[HRR_FC_F_TARGET] = d->target == s;
        f[HRR_FC_F_TARGET_GROUP] = d->target != s && fc->group[s] >= 0 && fc->group[s] == fc->group[d->target];
    }
    f[HRR_FC_F_SPONSOR] = d->sp && d->sp[s];
    f[HRR_FC_F_AMEND] = d->kind == FC_AMEND;
    if (fc->model.hasx[s]) {
        double x = fc->model.x[s];
        f[HRR_FC_F_X_AMEND] = f[HRR_FC_F_AMEND] * x;
        f[HRR_FC_F_X_TEXT] = (1 - f[HRR_FC_F_AMEND]) * x;
        if (d->has_spx) f[HRR_FC_F_X_SPONSORS] = x * d->spx;
    }
    f[HRR_FC_F_HAS_SPONSORS_X] = d->has_spx;
    if (d->base >= 0) {
        int bv = last_ballot(fc, d, d->base, 1, s);
        if (bv >= HRR_VOTE_YES && bv <= HRR_VOTE_ABSTAIN) f[HRR_FC_F_BASE_YES + bv - HRR_VOTE_YES] = 1;
    }
    f[HRR_FC_F_TARGET_SPONSORS] = d->sp_target;
    if (d->sp) { /* affinity with the sponsors: mean agreement */
        double sum = 0;
        int n = 0;
        for (size_t q = 0; q < fc->ns; q++)
            if (d->sp[q] && (int)q != s && fc->model.agree[(size_t)s * fc->ns + q] >= 0)
                sum += fc->model.agree[(size_t)s * fc->ns + q], n++;
        if (d->sp[s]) sum += 1, n++;
        if (n) f[HRR_FC_F_SPONSOR_AFFINITY] = sum / n - 0.5;
    }
    /* its ballots on earlier texts of the same sponsors */
    long c[HRR_VOTE_ABSTAIN + 1] = {0}, n = 0;
    for (int k = 0; k < d->nsame_sp; k++) {
        unsigned char v = fc->v[(size_t)d->same_sp[k] * fc->ns + (size_t)s];
        if (v >= HRR_VOTE_YES && v <= HRR_VOTE_ABSTAIN) c[v]++, n++;
    }
    if (n) {
        for (int k = HRR_VOTE_YES; k <= HRR_VOTE_ABSTAIN; k++) f[HRR_FC_F_SAME_SP_YES + k - HRR_VOTE_YES] = (double)c[k] / (double)n;
        f[HRR_FC_F_HAS_SAME_SP] = 1;
    }
}

void hrr_i_fc_predict(const hrr_fc_t *fc, const double *f, double *p)
{
    double e[4] = {0, 0, 0, 0}, mx = 0;
    for (int k = 0; k < 3; k++) {
        double z = 0;
        for (int q = 0; q < FC_NFEAT; q++) z += fc->model.w[k][q] * f[q];
        e[k + 1] = z;
        if (z > mx) mx = z;
    }
    double sum = 0;
    for (int k = 0; k < 4; k++) sum += (e[k] = exp(e[k] - mx));
    for (int k = 0; k < 4; k++) p[k] = e[k] / sum;
}

/* Ideal points on the six years before the cutoff (items with a yes and a
 * no; states with ten yes/no votes or more), by hrr_ideal_fit. */
static hrr_err_t fit_ideal(hrr_fc_t *fc, int limit, int cutoff)
{
    size_t ns = fc->ns;
    int first = hrr_i_fc_limit(fc, cutoff - WINDOW_IDEAL);
    size_t nt = 0, nk = 0;
    int *cols = hrr_i_malloc(hrr_store_ctx(fc->st), (size_t)(limit > first ? limit - first : 1) * sizeof *cols);
    int *rows = hrr_i_malloc(hrr_store_ctx(fc->st), ns * sizeof *rows);
    signed char *y = NULL;
    double *x = NULL;
    hrr_err_t rc = HRR_OK;
    memset(fc->model.hasx, 0, ns);
    memset(fc->model.x, 0, ns * sizeof *fc->model.x);
    hrr_i_free(hrr_store_ctx(fc->st), fc->model.xpath);
    fc->model.xpath = NULL;
    fc->model.npath = 0;
    if (!cols || !rows) goto nomem;
    for (int j = first; j < limit; j++) {
        const unsigned char *v = fc->v + (size_t)j * ns;
        int yes = 0, no = 0;
        for (size_t s = 0; s < ns && !(yes && no); s++) yes |= v[s] == HRR_VOTE_YES, no |= v[s] == HRR_VOTE_NO;
        if (yes && no) cols[nt++] = j;
    }
    for (size_t s = 0; s < ns; s++) {
        int n = 0;
        for (size_t t = 0; t < nt; t++) {
            unsigned char v = fc->v[(size_t)cols[t] * ns + s];
            n += v == HRR_VOTE_YES || v == HRR_VOTE_NO;
        }
        if (n >= 10) rows[nk++] = (int)s;
    }
    /* agreement of each pair of states over the window */
    for (size_t k = 0; k < ns * ns; k++) fc->model.agree[k] = -1;
    {
        int *act = hrr_i_malloc(hrr_store_ctx(fc->st), ns * sizeof *act);
        if (!act) goto nomem;
        int na = 0;
        for (size_t s = 0; s < ns; s++) {
            int n = 0;
            for (int j = first; j < limit && n < 10; j++) {
                unsigned char v = fc->v[(size_t)j * ns + s];
                n += v >= HRR_VOTE_YES && v <= HRR_VOTE_ABSTAIN;
            }
            if (n >= 10) act[na++] = (int)s;
        }
        for (int p = 0; p < na; p++)
            for (int q = p; q < na; q++) {
                long both = 0, same = 0;
                for (int j = first; j < limit; j++) {
                    unsigned char u = fc->v[(size_t)j * ns + (size_t)act[p]],
                                  w = fc->v[(size_t)j * ns + (size_t)act[q]];
                    if (u >= HRR_VOTE_YES && u <= HRR_VOTE_ABSTAIN && w >= HRR_VOTE_YES && w <= HRR_VOTE_ABSTAIN) both++, same += u == w;
                }
                if (both >= 10)
                    fc->model.agree[(size_t)act[p] * ns + (size_t)act[q]] =
                        fc->model.agree[(size_t)act[q] * ns + (size_t)act[p]] = (float)same / (float)both;
            }
        hrr_i_free(hrr_store_ctx(fc->st), act);
    }
    if (nt < 5 || nk < 5) goto out;
    if (!(y = hrr_i_malloc(hrr_store_ctx(fc->st), nk * nt)) || !(x = hrr_i_malloc(hrr_store_ctx(fc->st), nk * sizeof *x))) goto nomem;
    for (size_t r = 0; r < nk; r++)
        for (size_t t = 0; t < nt; t++) {
            unsigned char v = fc->v[(size_t)cols[t] * ns + (size_t)rows[r]];
            y[r * nt + t] = v == HRR_VOTE_YES ? 1 : v == HRR_VOTE_NO ? 0 : -1;
        }
    hrr_ideal_opts_t io = {.max_iter = 200, .tol = 1e-5};
    if ((rc = hrr_ideal_fit(y, nk, nt, &io, x, NULL, NULL, hrr_store_ctx(fc->st)))) goto out;
    /* the dynamic points (a random walk across the window's years, from the
     * static ones), each state's as of its latest year: where the walk
     * stands at the cutoff */
    {
        int *yr = hrr_i_malloc(hrr_store_ctx(fc->st), nt * sizeof *yr), y0 = INT32_MAX, y1 = INT32_MIN;
        if (!yr) goto nomem;
        for (size_t t = 0; t < nt; t++) {
            yr[t] = fc->it[cols[t]].date / 10000;
            y0 = yr[t] < y0 ? yr[t] : y0, y1 = yr[t] > y1 ? yr[t] : y1;
        }
        size_t ny = (size_t)(y1 - y0 + 1);
        double *px = hrr_i_malloc(hrr_store_ctx(fc->st), nk * ny * sizeof *px);
        hrr_ideal_dyn_opts_t dyo = {.omega = 0.1, .max_iter = 200, .tol = 1e-5};
        if (!px) {
            hrr_i_free(hrr_store_ctx(fc->st), yr);
            goto nomem;
        }
        rc = hrr_ideal_dyn_fit(y, nk, nt, yr, &dyo, x, px, NULL, NULL, NULL, hrr_store_ctx(fc->st));
        double *path = rc ? NULL : hrr_i_malloc(hrr_store_ctx(fc->st), ns * ny * sizeof *path);
        if (!rc && !path) rc = HRR_ENOMEM;
        if (rc == HRR_OK) {
            for (size_t k = 0; k < ns * ny; k++) path[k] = NAN;
            for (size_t r = 0; r < nk; r++) {
                memcpy(path + (size_t)rows[r] * ny, px + r * ny, ny * sizeof *px);
                for (size_t t = ny; t-- > 0;)
                    if (isfinite(px[r * ny + t])) {
                        x[r] = px[r * ny + t];
                        break;
                    }
            }
            hrr_i_free(hrr_store_ctx(fc->st), fc->model.xpath);
            fc->model.xpath = path;
            fc->model.y0 = y0;
            fc->model.npath = (int)ny;
        }
        hrr_i_free(hrr_store_ctx(fc->st), yr);
        hrr_i_free(hrr_store_ctx(fc->st), px);
        if (rc) goto out;
    }
    for (size_t r = 0; r < nk; r++)
        if (isfinite(x[r])) fc->model.x[rows[r]] = x[r], fc->model.hasx[rows[r]] = 1;
    goto out;
nomem:
    rc = HRR_ENOMEM;
out:
    hrr_i_free(hrr_store_ctx(fc->st), cols);
    hrr_i_free(hrr_store_ctx(fc->st), rows);
    hrr_i_free(hrr_store_ctx(fc->st), y);
    hrr_i_free(hrr_store_ctx(fc->st), x);
    return rc;
}

/* The training rows: every member's ballot on every item of the eight years
 * before the cutoff, with features from the record before that item. */
typedef struct rows {
    double *f;          /* n x FC_NFEAT */
    unsigned char *y;   /* classes 0..3 */
    size_t n, cap;
} rows_t;

static hrr_err_t collect(hrr_fc_t *fc, int limit, int cutoff, rows_t *r)
{
    int first = hrr_i_fc_limit(fc, cutoff - WINDOW_TRAIN);
    for (int j = first; j < limit; j++) {
        const fc_item_t *it = &fc->it[j];
        if (it->kind == FC_MOTION) continue;
        fc_draft_ctx_t d = {.date = it->date, .limit = hrr_i_fc_limit(fc, it->date),
                            .target = it->target, .kind = it->kind, .lineage = it->lineage, .blin = it->blin, .sp = NULL};
        d.prev = hrr_i_fc_find_prev(fc, d.limit, it->kind, it->lineage, it->tok, it->ntok, it->target);
        unsigned char *sp = NULL;
        if (it->nsponsor && (sp = hrr_i_calloc(hrr_store_ctx(fc->st), fc->ns, 1)))
            for (int k = 0; k < it->nsponsor; k++) sp[it->sponsor[k]] = 1;
        d.sp = sp;
        hrr_i_fc_draft_ctx(fc, &d);
        for (size_t s = 0; s < fc->ns; s++) {
            unsigned char v = fc->v[(size_t)j * fc->ns + s];
            if (!v) continue;
            if (r->n == r->cap) {
                size_t nc = r->cap ? r->cap * 2 : 65536;
                double *nf = hrr_i_realloc(hrr_store_ctx(fc->st), r->f, nc * FC_NFEAT * sizeof *nf);
                if (!nf) return hrr_i_free(hrr_store_ctx(fc->st), sp), HRR_ENOMEM;
                r->f = nf;
                unsigned char *ny = hrr_i_realloc(hrr_store_ctx(fc->st), r->y, nc);
                if (!ny) return hrr_i_free(hrr_store_ctx(fc->st), sp), HRR_ENOMEM;
                r->y = ny;
                r->cap = nc;
            }
            hrr_i_fc_features(fc, &d, (int)s, r->f + r->n * FC_NFEAT);
            r->y[r->n++] = (unsigned char)(v - HRR_VOTE_YES); /* the class, HRR_FC_YES.. */
        }
        hrr_i_free(hrr_store_ctx(fc->st), sp);
    }
    return HRR_OK;
}

/* Multinomial logit by Newton's method: classes 1..3 against class 0,
 * ridge RIDGE on every weight. */
static hrr_err_t fit_mnl(hrr_fc_t *fc, const rows_t *r)
{
    enum { K = 3, P = FC_NFEAT, D = K * P };
    gsl_matrix *H = gsl_matrix_alloc(D, D);
    gsl_vector *g = gsl_vector_alloc(D), *step = gsl_vector_alloc(D);
    double *hbuf = hrr_i_malloc(hrr_store_ctx(fc->st), K * K * P * P * sizeof *hbuf); /* blocks (k <= l) */
    hrr_err_t rc = HRR_OK;
    if (!H || !g || !step || !hbuf) {
        rc = HRR_ENOMEM;
        goto out;
    }
    /* warm start: from the weights of the last fit (a backtest fits session
     * after session on records that differ by one session), else zero */
    int iter_done = 0;
    if (!fc->model.warm) memset(fc->model.w, 0, sizeof fc->model.w);
    double wprev[K][P], lprev = -INFINITY, lastmx = INFINITY;
    double (*stepv)[P] = NULL;
    double stepbuf[K][P];
    for (int iter = 0; iter < 40; iter++) {
        double gr[D], ll = 0;
        memset(hbuf, 0, K * K * P * P * sizeof *hbuf);
        memset(gr, 0, sizeof gr);
        for (size_t n = 0; n < r->n; n++) {
            const double *f = r->f + n * P;
            int nz[P], nnz = 0;
            for (int q = 0; q < P; q++)
                if (f[q] != 0) nz[nnz++] = q;
            double p[4];
            hrr_i_fc_predict(fc, f, p);
            ll += log(p[r->y[n]] > 1e-300 ? p[r->y[n]] : 1e-300);
            for (int k = 0; k < K; k++) {
                double res = (r->y[n] == k + 1) - p[k + 1];
                for (int a = 0; a < nnz; a++) gr[k * P + nz[a]] += res * f[nz[a]];
            }
            /* H_kl = sum p_k (delta_kl - p_l) f f' over the nonzero
             * features, upper triangle of each block */
            for (int k = 0; k < K; k++)
                for (int l = k; l < K; l++) {
                    double w = p[k + 1] * ((k == l) - p[l + 1]);
                    double *h = hbuf + ((size_t)(k * K + l) * P * P);
                    for (int a = 0; a < nnz; a++) {
                        double wf = w * f[nz[a]];
                        double *row = h + nz[a] * P;
                        for (int b = a; b < nnz; b++) row[nz[b]] += wf * f[nz[b]];
                    }
                }
        }
        for (int a = 0; a < D; a++) ll -= 0.5 * RIDGE * fc->model.w[a / P][a % P] * fc->model.w[a / P][a % P];
        /* damped Newton: a step that lowered the penalised likelihood is
         * halved from the point before it (warm starts can begin far off:
         * the ideal points' sign is fitted afresh each time) */
        if (stepv && ll < lprev - 1e-9 * fabs(lprev)) {
            for (int k = 0; k < K; k++)
                for (int q = 0; q < P; q++) stepbuf[k][q] *= 0.5, fc->model.w[k][q] = wprev[k][q] + stepbuf[k][q];
            if (lastmx * 0.5 < 1e-7) {
                memcpy(fc->model.w, wprev, sizeof wprev);
                break;
            }
            lastmx *= 0.5;
            continue;
        }
        lprev = ll;
        memcpy(wprev, fc->model.w, sizeof wprev);
        for (int a = 0; a < D; a++) {
            gr[a] -= RIDGE * fc->model.w[a / P][a % P];
            gsl_vector_set(g, (size_t)a, gr[a]);
        }
        /* the lower triangles of the blocks */
        for (int k = 0; k < K * K; k++) {
            double *h = hbuf + (size_t)k * P * P;
            for (int q = 0; q < P; q++)
                for (int u = 0; u < q; u++) h[q * P + u] = h[u * P + q];
        }
        for (int k = 0; k < K; k++)
            for (int l = 0; l < K; l++) {
                const double *h = hbuf + ((size_t)((k <= l ? k * K + l : l * K + k)) * P * P);
                for (int q = 0; q < P; q++)
                    for (int u = 0; u < P; u++)
                        gsl_matrix_set(H, (size_t)(k * P + q), (size_t)(l * P + u),
                                       k <= l ? h[q * P + u] : h[u * P + q]);
            }
        for (int a = 0; a < D; a++)
            gsl_matrix_set(H, (size_t)a, (size_t)a, gsl_matrix_get(H, (size_t)a, (size_t)a) + RIDGE);
        /* GSL's handler only records (hrr_i_init, run by hrr_store_open) */
        int bad = gsl_linalg_cholesky_decomp1(H) || gsl_linalg_cholesky_solve(H, g, step);
        if (bad) break;
        iter_done++;
        double mx = 0;
        for (int a = 0; a < D; a++) {
            double s = gsl_vector_get(step, (size_t)a);
            stepbuf[a / P][a % P] = s;
            fc->model.w[a / P][a % P] += s;
            if (fabs(s) > mx) mx = fabs(s);
        }
        stepv = stepbuf;
        lastmx = mx;
        if (mx < 1e-5) break;
    }
    fc->model.iters = iter_done;
out:
    hrr_i_free(hrr_store_ctx(fc->st), hbuf);
    gsl_matrix_free(H);
    gsl_vector_free(g);
    gsl_vector_free(step);
    return rc;
}

hrr_err_t hrr_i_fc_train(hrr_fc_t *fc, int cutoff)
{
    if (fc->model.cutoff == cutoff) return HRR_OK;
    int limit = hrr_i_fc_limit(fc, cutoff);
    rows_t r = {0};
    hrr_err_t rc;
    fc->model.cutoff = 0;
    if ((rc = fit_ideal(fc, limit, cutoff))) goto out;
    /* voting blocs of the six calendar years before the cutoff's */
    for (size_t k = 0; k < fc->ns; k++) fc->model.bloc[k] = -1;
    {
        hrr_scope_opts_t sc = {.body = fc->body, .from = cutoff / 10000 - 6, .to = cutoff / 10000 - 1};
        hrr_blocs_t *b = NULL;
        hrr_err_t brc = hrr_blocs_run(fc->st, &sc, 10, 1, &b);
        if (brc == HRR_ENOMEM) {
            rc = brc;
            goto out;
        }
        for (size_t k = 0; b && k < b->ns; k++)
            for (size_t q = 0; q < fc->ns; q++)
                if (!strcmp(fc->iso3[q], b->iso3[k]) && b->bloc[k] < FC_NBLOC) fc->model.bloc[q] = b->bloc[k];
        hrr_blocs_free(b);
    }
    if ((rc = collect(fc, limit, cutoff, &r))) goto out;
    if (r.n < 50) {
        rc = hrr_i_seterr(fc->st, HRR_ENOTFOUND,
                          "too few %s votes recorded before %d-%02d-%02d to learn from (%zu ballots)",
                          fc->body, cutoff / 10000, cutoff / 100 % 100, cutoff % 100, r.n);
        goto out;
    }
    if ((rc = fit_mnl(fc, &r))) goto out;
    fc->model.warm = 1;
    fc->model.trained = (long)r.n;
    fc->model.cutoff = cutoff;
out:
    if (rc == HRR_ENOMEM) hrr_i_seterr(fc->st, rc, "out of memory");
    hrr_i_free(hrr_store_ctx(fc->st), r.f);
    hrr_i_free(hrr_store_ctx(fc->st), r.y);
    return rc;
}
