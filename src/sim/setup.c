/*
 * setup.c - preparing a simulation from the store (hrr_sim_open): the
 * Council's history and the forecast model trained on the calibration
 * window (hrr_i_fc_train: dynamic ideal points, voting blocs, the
 * multinomial logit), each state's base logits, the members on the start
 * date with their terms, the pool of drafts (recorded ones, and lineages
 * with their rates over the last six calibration years), the rule set's
 * thresholds as integer tables, and the recorded quantities per year.
 * Everything a run reads is built here, once; runs allocate nothing else.
 */
#include "simi.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const int k_seats[SIM_NGROUP] = {13, 13, 6, 8, 7}; /* fc's order: AFRICAN, ASIA_PACIFIC, EEG, GRULAC, WEOG */

void hrr_i_sim_seats(int *seats)
{
    memcpy(seats, k_seats, sizeof k_seats);
}

/* The session (0..2) of a date: March, June-July, September-December. */
static int session_of(int date)
{
    int m = date / 100 % 100;
    return m <= 4 ? 0 : m <= 7 ? 1 : 2;
}

/* Majorities and yes share of the ballots V (ns) into the slot's arrays. */
void hrr_i_sim_summarise_vote(const hrr_sim_t *sim, const unsigned char *v, unsigned char *gmaj,
                              unsigned char *bmaj, float *share)
{
    int gc[SIM_NGROUP][4] = {{0}}, bc[FC_NBLOC][4] = {{0}};
    long yes = 0, tot = 0;
    for (int s = 0; s < sim->ns; s++) {
        int b = v[s];
        if (b < HRR_VOTE_YES || b > HRR_VOTE_ABSTAIN) continue;
        if (sim->grp[s] >= 0) gc[sim->grp[s]][b]++;
        if (sim->bloc[s] >= 0) bc[sim->bloc[s]][b]++;
        yes += b == HRR_VOTE_YES, tot++;
    }
    for (int g = 0; g < SIM_NGROUP; g++) {
        int best = 0;
        for (int b = 1; b <= 3; b++)
            if (gc[g][b] > (best ? gc[g][best] : 0)) best = b;
        gmaj[g] = (unsigned char)best;
    }
    for (int g = 0; g < FC_NBLOC; g++) {
        int best = 0;
        for (int b = 1; b <= 3; b++)
            if (bc[g][b] > (best ? bc[g][best] : 0)) best = b;
        bmaj[g] = (unsigned char)best;
    }
    *share = tot ? (float)yes / (float)tot : 0.5f;
}

/* LMG cohesion on one vote: the share of the group's members voting yes,
 * no or abstain who cast the group's most common ballot; -1 when fewer
 * than two voted. */
double hrr_i_sim_lmg_vote(const hrr_sim_t *sim, const unsigned char *v)
{
    int c[4] = {0}, n = 0;
    for (int s = 0; s < sim->ns; s++)
        if (sim->lmg[s] && v[s] >= HRR_VOTE_YES && v[s] <= HRR_VOTE_ABSTAIN) c[v[s]]++, n++;
    if (n < 2) return -1;
    int m = c[1] > c[2] ? c[1] : c[2];
    if (c[3] > m) m = c[3];
    return (double)m / n;
}

static hrr_err_t lmg_row(void *ud, sqlite3_stmt *s)
{
    hrr_sim_t *sim = ud;
    long id = sqlite3_column_int64(s, 0);
    for (int k = 0; k < sim->ns; k++)
        if (sim->fc->sid[k] == id) sim->lmg[k] = 1;
    return HRR_OK;
}

typedef struct contested_ud {
    hrr_sim_t *sim;
    int maxyear;
} contested_ud_t;

static hrr_err_t contested_row(void *ud, sqlite3_stmt *s)
{
    contested_ud_t *c = ud;
    int y = sqlite3_column_int(s, 0), n = sqlite3_column_int(s, 1);
    if (y > c->maxyear) c->maxyear = y;
    if (y >= c->sim->y0 && y < c->sim->y0 + c->sim->ny) c->sim->rec[(size_t)(y - c->sim->y0) * HRR_SIM_NQ + HRR_SIM_CONTESTED] = n;
    return HRR_OK;
}

static hrr_err_t query(hrr_sim_t *sim, const char *sql, hrr_i_row_fn fn, void *ud)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(sim->st->db, sql, -1, &s, NULL) != SQLITE_OK) return hrr_i_dberr(sim->st, "prepare");
    hrr_err_t rc = hrr_i_step_each(sim->st, s, fn, ud);
    sqlite3_finalize(s);
    return rc;
}

/* Adopted under the tables: YES >= the least yes for (NO, AB). */
static int carried(const hrr_sim_t *sim, const short *t, long yes, long no, long ab)
{
    if (no + ab >= sim->n1) return 0;
    return yes >= t[no * sim->n1 + ab];
}

/* The recorded quantities of each simulated year with votes. */
static hrr_err_t recorded(hrr_sim_t *sim)
{
    hrr_fc_t *fc = sim->fc;
    size_t nq = HRR_SIM_NQ;
    double *lmg_sum = hrr_i_calloc(sim->ctx, (size_t)sim->ny * 2, sizeof *lmg_sum);
    double *mg = hrr_i_calloc(sim->ctx, (size_t)sim->ny, sizeof *mg);
    if (!lmg_sum || !mg) {
        hrr_i_free(sim->ctx, lmg_sum);
        hrr_i_free(sim->ctx, mg);
        return HRR_ENOMEM;
    }
    for (size_t k = 0; k < (size_t)sim->ny * nq; k++) sim->rec[k] = NAN;
    for (size_t j = 0; j < fc->ni; j++) {
        const fc_item_t *it = &fc->it[j];
        int y = it->date / 10000 - sim->y0;
        if (y < 0 || y >= sim->ny) continue;
        double *r = sim->rec + (size_t)y * nq;
        if (isnan(r[HRR_SIM_VOTES])) {
            for (size_t q = 0; q < nq; q++) r[q] = 0;
            r[HRR_SIM_CONTESTED] = NAN;
        }
        const unsigned char *v = fc->v + j * fc->ns;
        long t[5] = {0};
        for (size_t s = 0; s < fc->ns; s++) t[v[s]]++;
        r[HRR_SIM_VOTES]++;
        if (it->kind == FC_RES && it->target >= 0) {
            r[HRR_SIM_COUNTRY]++;
            int ad = it->adopted >= 0 ? it->adopted : carried(sim, sim->adopt[1][0], t[1], t[2], t[3]);
            r[HRR_SIM_COUNTRY_ADOPTED] += ad;
            mg[y] += (double)(t[1] - t[2]);
            long m = t[1] - sim->adopt[1][0][t[2] * sim->n1 + t[3]];
            if (m > -5 && m < 5) r[HRR_SIM_CLOSE]++;
        } else if (it->kind == FC_AMEND) {
            r[HRR_SIM_AMEND]++;
            r[HRR_SIM_AMEND_ADOPTED] += carried(sim, sim->adopt[0][0], t[1], t[2], t[3]);
        } else if (it->kind == FC_MOTION) {
            r[HRR_SIM_NOACTION]++;
            r[HRR_SIM_NOACTION_CARRIED] += carried(sim, sim->adopt[1][1], t[1], t[2], t[3]);
        }
        double c = hrr_i_sim_lmg_vote(sim, v);
        if (c >= 0) lmg_sum[2 * y] += c, lmg_sum[2 * y + 1]++;
    }
    for (int y = 0; y < sim->ny; y++) {
        double *r = sim->rec + (size_t)y * nq;
        if (isnan(r[HRR_SIM_VOTES])) continue;
        r[HRR_SIM_SHARE_ADOPTED] = r[HRR_SIM_COUNTRY] > 0 ? r[HRR_SIM_COUNTRY_ADOPTED] / r[HRR_SIM_COUNTRY] : NAN;
        r[HRR_SIM_MARGIN] = r[HRR_SIM_COUNTRY] > 0 ? mg[y] / r[HRR_SIM_COUNTRY] : NAN;
        r[HRR_SIM_LMG] = lmg_sum[2 * y + 1] > 0 ? lmg_sum[2 * y] / lmg_sum[2 * y + 1] : NAN;
    }
    hrr_i_free(sim->ctx, lmg_sum);
    hrr_i_free(sim->ctx, mg);
    /* contested slates: a group's election with a candidate not elected
     * (the store's elections table; years before its last entry count 0) */
    contested_ud_t cu = {sim, 0};
    hrr_err_t rc = query(sim,
                         "SELECT CAST(substr(date,1,4) AS INTEGER) y, count(*) FROM (SELECT date, grp FROM elections"
                         " WHERE body='HRC' GROUP BY date, grp HAVING sum(elected=0)>0) GROUP BY y",
                         contested_row, &cu);
    if (rc) return rc;
    {
        sqlite3_stmt *s = NULL;
        bool row = false;
        if (sqlite3_prepare_v2(sim->st->db, "SELECT max(CAST(substr(date,1,4) AS INTEGER)) FROM elections WHERE body='HRC'",
                               -1, &s, NULL) != SQLITE_OK)
            return hrr_i_dberr(sim->st, "prepare");
        rc = hrr_i_step(sim->st, s, &row);
        int mx = row ? sqlite3_column_int(s, 0) : 0;
        if (!rc && row) rc = hrr_i_step_done(sim->st, s);
        sqlite3_finalize(s);
        if (rc) return rc;
        for (int y = 0; y < sim->ny; y++) {
            double *r = sim->rec + (size_t)y * nq;
            if (sim->y0 + y <= mx && isnan(r[HRR_SIM_CONTESTED])) r[HRR_SIM_CONTESTED] = 0;
        }
    }
    return HRR_OK;
}

/* Entry E's sponsor flags from item IT, and the sponsors' mean ideal point. */
static void sponsors(hrr_sim_t *sim, sim_entry_t *e, const fc_item_t *it)
{
    hrr_fc_t *fc = sim->fc;
    unsigned char *f = sim->spf + e->sp_off;
    double sx = 0;
    int nx = 0;
    for (int k = 0; k < it->nsponsor; k++) {
        int q = it->sponsor[k];
        if (q < 0 || q >= sim->ns || f[q]) continue;
        f[q] = 1, e->nsp++;
        if (fc->model.hasx[q]) sx += fc->model.x[q], nx++;
        if (q == it->target) e->sp_target = 1;
    }
    e->has_spx = nx > 0;
    e->spx = nx ? (float)(sx / nx) : 0;
}

/* The features a run keeps itself, zeroed in the static rows. */
static void drop_dynamic(double *f)
{
    static const int dyn[] = {HRR_FC_F_SAME_YES, HRR_FC_F_SAME_NO, HRR_FC_F_SAME_ABSTAIN, HRR_FC_F_SAME_ABSENT,
                              HRR_FC_F_HAS_PREV, HRR_FC_F_GROUP_YES, HRR_FC_F_GROUP_NO, HRR_FC_F_GROUP_ABSTAIN,
                              HRR_FC_F_ABSENT_YEAR, HRR_FC_F_YES_YEAR, HRR_FC_F_PREV_YES_SHARE,
                              HRR_FC_F_X_AMEND, HRR_FC_F_X_TEXT, HRR_FC_F_KIND_YES, HRR_FC_F_KIND_NO,
                              HRR_FC_F_KIND_ABSTAIN, HRR_FC_F_BASE_YES, HRR_FC_F_BASE_NO, HRR_FC_F_BASE_ABSTAIN,
                              HRR_FC_F_RELATED_YES, HRR_FC_F_RELATED_NO, HRR_FC_F_RELATED_ABSTAIN,
                              HRR_FC_F_ABSENT_RECENT, HRR_FC_F_HAS_RECENT, HRR_FC_F_BLOC_YES, HRR_FC_F_BLOC_NO,
                              HRR_FC_F_BLOC_ABSTAIN, HRR_FC_F_ABSENT_LAST, HRR_FC_F_ABSENT_LAST10};
    for (size_t k = 0; k < sizeof dyn / sizeof dyn[0]; k++) f[dyn[k]] = 0;
}

/* Each entry's static logits for every state: the forecast model's
 * features of the text (hrr_i_fc_features on the item it was made from:
 * its previous recorded version's probit split, target and sponsor flags,
 * affinity with the sponsors, ballots on the sponsors' earlier texts
 * recorded before LIMIT0), without those a run keeps. */
static hrr_err_t static_rows(hrr_sim_t *sim, int limit0, int limitc)
{
    hrr_fc_t *fc = sim->fc;
    size_t ns = (size_t)sim->ns;
    double f[HRR_FC_NFEAT];
    for (size_t k = 0; k < sim->ne; k++) {
        sim_entry_t *e = &sim->e[k];
        const fc_item_t *it = &fc->it[e->item];
        int rec = e->year >= 0;
        fc_draft_ctx_t d = {.date = it->date, .limit = rec ? e->item : limitc, .prev = rec ? it->lprev : e->item,
                            .target = it->target, .kind = it->kind, .lineage = it->lineage,
                            .sp = e->nsp ? sim->spf + e->sp_off : NULL, .blin = it->blin, .base = -1};
        hrr_err_t rc = hrr_i_fc_draft_ctx(fc, &d);
        if (rc) return rc;
        if (rec) { /* the sponsors' earlier texts: only those before the start */
            int n = 0;
            for (int q = 0; q < d.nsame_sp; q++)
                if (d.same_sp[q] < limit0) d.same_sp[n++] = d.same_sp[q];
            d.nsame_sp = n;
        }
        for (size_t s = 0; s < ns; s++) {
            hrr_i_fc_features(fc, &d, (int)s, f);
            drop_dynamic(f);
            for (int c = 0; c < 3; c++) {
                double z = 0;
                for (int q = 0; q < HRR_FC_NFEAT; q++) z += fc->model.w[c][q] * f[q];
                sim->zs[(e->sp_off + s) * 3 + (size_t)c] = (float)z;
            }
        }
    }
    return HRR_OK;
}

/* Item J is a recorded entry of the run: from the start date on, in the
 * simulated years, not of a session that opened before the start (a
 * special session after it is). */
static int recorded_entry(const hrr_sim_t *sim, int j, int limit0)
{
    const fc_item_t *it = &sim->fc->it[j];
    int y = it->date / 10000;
    if (!sim->p.recorded_agenda || j < limit0 || y >= sim->y0 + sim->ny) return 0;
    return y > sim->y0 || session_of(it->date) >= sim->k0 || !strncmp(it->session, "S-", 2);
}

/* The pool: recorded entries of the simulated years (when the scenario
 * keeps the recorded agenda), then one per lineage voted in the last six
 * calibration years, with its rate per session, and one per pending
 * mandate (a country resolution adopted in the year before the start
 * DATE whose lineage is not voted in those six years: its votes that year
 * over three sessions). */
static hrr_err_t pool(hrr_sim_t *sim, int limit0, int date)
{
    hrr_fc_t *fc = sim->fc;
    int g0 = sim->p.calib_to - 5, g1 = sim->p.calib_to;
    int *slot = NULL, *cnt = NULL, *lastj = NULL, *pend = NULL;
    hrr_err_t rc = HRR_OK;
    size_t nlin = fc->nlin ? fc->nlin : 1;
    slot = hrr_i_malloc(sim->ctx, nlin * sizeof *slot);
    cnt = hrr_i_calloc(sim->ctx, nlin, sizeof *cnt);
    lastj = hrr_i_malloc(sim->ctx, nlin * sizeof *lastj);
    pend = hrr_i_calloc(sim->ctx, nlin, sizeof *pend);
    if (!slot || !cnt || !lastj || !pend) {
        rc = HRR_ENOMEM;
        goto out;
    }
    for (size_t k = 0; k < nlin; k++) slot[k] = -1, lastj[k] = -1;
    size_t ne = 0;
    for (size_t j = 0; j < fc->ni; j++) {
        int y = fc->it[j].date / 10000, l = fc->it[j].lineage;
        if (l < 0 || (size_t)l >= nlin) continue;
        if (recorded_entry(sim, (int)j, limit0)) ne++;
        if (y >= g0 && y <= g1 && fc->it[j].date < fc->model.cutoff) {
            if (!cnt[l]++) ne++;
            lastj[l] = (int)j;
        }
    }
    for (int j = hrr_i_fc_limit(fc, date - 10000); j < limit0; j++) {
        const fc_item_t *it = &fc->it[j];
        int l = it->lineage;
        if (l < 0 || (size_t)l >= nlin || cnt[l] || it->kind != FC_RES || it->target < 0 || it->adopted == 0) continue;
        if (!pend[l]++) ne++;
        lastj[l] = j;
    }
    sim->e = hrr_i_calloc(sim->ctx, ne ? ne : 1, sizeof *sim->e);
    sim->spf = hrr_i_calloc(sim->ctx, (ne ? ne : 1) * (size_t)sim->ns, 1);
    sim->zs = hrr_i_calloc(sim->ctx, (ne ? ne : 1) * (size_t)sim->ns * 3, sizeof *sim->zs);
    if (!sim->e || !sim->spf || !sim->zs) {
        rc = HRR_ENOMEM;
        goto out;
    }
    /* slots: lineages of entries and of their bases */
    size_t ns_ = 0;
#define SLOT(l) ((l) >= 0 && (size_t)(l) < nlin ? (slot[l] < 0 ? (slot[l] = (int)ns_++) : slot[l]) : -1)
    for (int pass = 0; pass < 2; pass++)
        for (size_t j = 0; j < fc->ni; j++) {
            const fc_item_t *it = &fc->it[j];
            int y = it->date / 10000, l = it->lineage;
            if (l < 0 || (size_t)l >= nlin) continue;
            int take = pass == 0 ? recorded_entry(sim, (int)j, limit0) : lastj[l] == (int)j;
            if (!take) continue;
            sim_entry_t *e = &sim->e[sim->ne];
            e->sp_off = sim->ne * (size_t)sim->ns;
            sim->ne++;
            e->year = pass == 0 ? y : -1;
            e->session = pass == 0 ? session_of(it->date) : -1;
            e->kind = it->kind;
            e->target = it->target;
            e->slot = SLOT(l);
            e->bslot = it->kind == FC_AMEND ? SLOT(it->blin) : -1;
            e->item = (int)j;
            e->rate = pass == 0 ? 1.0f
                      : cnt[l]  ? (float)cnt[l] / (float)((g1 - g0 + 1) * SIM_SESSIONS)
                                : (float)fmin(1, pend[l] / (double)SIM_SESSIONS);
            sponsors(sim, e, it);
        }
    sim->nrec_e = 0;
    while (sim->nrec_e < sim->ne && sim->e[sim->nrec_e].year >= 0) sim->nrec_e++;
    sim->nslot = ns_ ? ns_ : 1;
    size_t nsl = sim->nslot, ns = (size_t)sim->ns;
    sim->last0 = hrr_i_calloc(sim->ctx, nsl * ns, 1);
    sim->gmaj0 = hrr_i_calloc(sim->ctx, nsl * SIM_NGROUP, 1);
    sim->bmaj0 = hrr_i_calloc(sim->ctx, nsl * FC_NBLOC, 1);
    sim->share0 = hrr_i_calloc(sim->ctx, nsl, sizeof *sim->share0);
    sim->has0 = hrr_i_calloc(sim->ctx, nsl, 1);
    if (!sim->last0 || !sim->gmaj0 || !sim->bmaj0 || !sim->share0 || !sim->has0) {
        rc = HRR_ENOMEM;
        goto out;
    }
    /* the records before the start: each slot's last ballots */
    for (int j = 0; j < limit0; j++) {
        const fc_item_t *it = &fc->it[j];
        if (it->lineage < 0 || (size_t)it->lineage >= nlin || it->kind == FC_MOTION) continue;
        int k = slot[it->lineage];
        if (k < 0) continue;
        const unsigned char *v = fc->v + (size_t)j * ns;
        for (size_t s = 0; s < ns; s++)
            if (v[s]) sim->last0[(size_t)k * ns + s] = v[s];
        hrr_i_sim_summarise_vote(sim, v, sim->gmaj0 + (size_t)k * SIM_NGROUP, sim->bmaj0 + (size_t)k * FC_NBLOC,
                                 &sim->share0[k]);
        sim->has0[k] = 1;
    }
#undef SLOT
out:
    hrr_i_free(sim->ctx, slot);
    hrr_i_free(sim->ctx, cnt);
    hrr_i_free(sim->ctx, lastj);
    hrr_i_free(sim->ctx, pend);
    return rc;
}

/* Members at DATE, the last year of each one's term and its consecutive
 * terms; each state's propensity to stand. */
static void roster(hrr_sim_t *sim, int date)
{
    hrr_fc_t *fc = sim->fc;
    int w = sim->p.calib_to - sim->p.calib_from + 1;
    for (size_t k = 0; k < fc->nterms; k++) {
        const struct fc_term *t = &fc->terms[k];
        int s = t->s;
        if (s < 0 || s >= sim->ns) continue;
        int a = t->from / 10000, b = t->to ? t->to / 10000 : 9999;
        int lo = a > sim->p.calib_from ? a : sim->p.calib_from, hi = b < sim->p.calib_to ? b : sim->p.calib_to;
        if (hi >= lo) sim->prop[s] += (float)(hi - lo + 1) / (float)w;
        if (t->from <= date && (!t->to || t->to > date)) {
            sim->mem0[s] = 1;
            /* a term ends on the day before TO: its last year */
            int end = t->to ? (t->to % 10000 <= 101 ? t->to / 10000 - 1 : t->to / 10000) : date / 10000 + 2;
            if (end < date / 10000) end = date / 10000;
            sim->end0[s] = (short)end;
            sim->consec0[s] = 1;
            for (size_t q = 0; q < fc->nterms; q++)
                if (fc->terms[q].s == s && fc->terms[q].to && fc->terms[q].to >= t->from - 10 && fc->terms[q].to <= t->from &&
                    q != k)
                    sim->consec0[s] = 2;
        }
    }
    for (int s = 0; s < sim->ns; s++) {
        if (sim->prop[s] > 1) sim->prop[s] = 1;
        sim->prop[s] += 0.02f; /* every state of the group may stand */
    }
}

hrr_err_t hrr_sim_open(hrr_store_t *st, const hrr_sim_params_t *p, hrr_sim_t **out)
{
    hrr_ctx_t *ctx = hrr_store_ctx(st);
    hrr_err_t rc;
    hrr_sim_t *sim = hrr_i_calloc(ctx, 1, sizeof *sim);
    double *f = NULL;
    *out = NULL;
    if (!sim) return hrr_i_seterr(st, HRR_ENOMEM, "out of memory");
    sim->st = st;
    sim->ctx = ctx;
    sim->p = *p;
    hrr_sim_params_default(&sim->ref);
    sim->y0 = p->start_date ? p->start_date / 10000 : p->start_year; /* a day names its year */
    sim->p.start_year = sim->y0;
    sim->ny = p->years;
    sim->usa = -1;
    if ((rc = hrr_rules_load(p->rules, &sim->rules, ctx))) goto out;
    if (strcmp(hrr_rules_body(sim->rules), "HRC")) {
        rc = hrr_i_seterr(st, HRR_EINVAL, "rule set %s is for %s; the simulation is of the HRC", p->rules,
                          hrr_rules_body(sim->rules));
        goto out;
    }
    if ((rc = hrr_fc_open(st, "HRC", &sim->fc))) goto out;
    if ((rc = hrr_i_sim_inst_check(sim))) goto out;
    hrr_fc_t *fc = sim->fc;
    int date = p->start_date ? p->start_date : sim->y0 * 10000 + 101;
    if (date < 20060619) date = 20060619; /* the Council's first day */
    sim->k0 = hrr_i_sim_first_session(p->start_date);
    /* the model learns from the votes before the calibration window's end,
     * or before the start when that is later (a forecast from a day) */
    int cutoff = (p->calib_to + 1) * 10000 + 101;
    if ((rc = hrr_i_fc_train(fc, date > cutoff ? date : cutoff))) goto out;
    sim->ns = (int)fc->ns;
    size_t ns = fc->ns;
    sim->last_rec_year = fc->ni ? fc->it[fc->ni - 1].date / 10000 : 0;
    for (int c = 0; c < 3; c++)
        for (int q = 0; q < HRR_FC_NFEAT; q++) sim->w[c][q] = (float)fc->model.w[c][q];
    sim->z0 = hrr_i_calloc(ctx, ns * 6, sizeof *sim->z0);
    sim->xy = hrr_i_calloc(ctx, ns * (size_t)sim->ny, sizeof *sim->xy);
    sim->hasx = hrr_i_calloc(ctx, ns, 1);
    sim->yes0 = hrr_i_calloc(ctx, ns, sizeof *sim->yes0);
    sim->abs0 = hrr_i_calloc(ctx, ns, sizeof *sim->abs0);
    sim->grp = hrr_i_calloc(ctx, ns, 1);
    sim->bloc = hrr_i_calloc(ctx, ns, 1);
    sim->lmg = hrr_i_calloc(ctx, ns, 1);
    sim->prop = hrr_i_calloc(ctx, ns, sizeof *sim->prop);
    sim->mem0 = hrr_i_calloc(ctx, ns, 1);
    sim->end0 = hrr_i_calloc(ctx, ns, sizeof *sim->end0);
    sim->consec0 = hrr_i_calloc(ctx, ns, 1);
    sim->rec = hrr_i_calloc(ctx, (size_t)sim->ny * HRR_SIM_NQ, sizeof *sim->rec);
    f = hrr_i_calloc(ctx, HRR_FC_NFEAT, sizeof *f);
    if (!sim->z0 || !sim->xy || !sim->hasx || !sim->yes0 || !sim->abs0 || !sim->grp || !sim->bloc || !sim->lmg ||
        !sim->prop || !sim->mem0 || !sim->end0 || !sim->consec0 || !sim->rec || !f) {
        rc = HRR_ENOMEM;
        goto out;
    }
    int limit0 = hrr_i_fc_limit(fc, date);
    for (size_t s = 0; s < ns; s++) {
        sim->grp[s] = (signed char)fc->group[s];
        sim->bloc[s] = (signed char)fc->model.bloc[s];
        sim->hasx[s] = fc->model.hasx[s];
        if (!strcmp(fc->iso3[s], "USA")) sim->usa = (int)s;
        for (int a = 0; a < 2; a++) {
            fc_draft_ctx_t d = {.date = date, .limit = limit0, .prev = -1, .target = -1,
                                .kind = a ? FC_AMEND : FC_RES, .lineage = -1, .blin = -1, .base = -1};
            hrr_i_fc_features(fc, &d, (int)s, f);
            if (!a) sim->yes0[s] = (float)f[HRR_FC_F_YES_YEAR], sim->abs0[s] = (float)f[HRR_FC_F_ABSENT_YEAR];
            f[HRR_FC_F_X_TEXT] = f[HRR_FC_F_X_AMEND] = f[HRR_FC_F_YES_YEAR] = f[HRR_FC_F_ABSENT_YEAR] = 0;
            f[HRR_FC_F_CONST] = f[HRR_FC_F_AMEND] = 0; /* in the entry's static row */
            for (int c = 0; c < 3; c++) {
                double z = 0;
                for (int q = 0; q < HRR_FC_NFEAT; q++) z += fc->model.w[c][q] * f[q];
                sim->z0[(s * 2 + (size_t)a) * 3 + (size_t)c] = (float)z;
            }
        }
        /* the ideal point each year: its dynamic path (trained before the
         * calibration window's end), the nearest year it has */
        const fc_model_t *m = &fc->model;
        for (int y = 0; y < sim->ny; y++) {
            double x = m->hasx[s] ? m->x[s] : 0;
            if (m->xpath && m->npath > 0) {
                int t = sim->y0 + y - m->y0;
                if (t < 0) t = 0;
                if (t >= m->npath) t = m->npath - 1;
                const double *pp = m->xpath + s * (size_t)m->npath;
                for (int k = 0; k < m->npath; k++) {
                    if (t - k >= 0 && isfinite(pp[t - k])) { x = pp[t - k]; break; }
                    if (t + k < m->npath && isfinite(pp[t + k])) { x = pp[t + k]; break; }
                }
            }
            sim->xy[s * (size_t)sim->ny + (size_t)y] = m->hasx[s] ? (float)x : 0;
        }
    }
    if ((rc = query(sim, "SELECT DISTINCT state_id FROM memberships WHERE org='LMG'", lmg_row, sim))) goto out;
    roster(sim, date);
    {
        long nm = 0, nl = 0;
        for (size_t s = 0; s < ns; s++) nm += sim->mem0[s], nl += sim->mem0[s] && sim->lmg[s];
        sim->lmg_ref = nm ? (double)nl / nm : 0;
    }
    /* thresholds for 47 members */
    sim->n1 = 48;
    for (int c = 0; c < 2; c++)
        for (int m = 0; m < 2; m++) {
            sim->adopt[c][m] = hrr_i_calloc(ctx, (size_t)sim->n1 * (size_t)sim->n1, sizeof(short));
            if (!sim->adopt[c][m]) {
                rc = HRR_ENOMEM;
                goto out;
            }
            if ((rc = hrr_fc_thresholds(sim->rules, 47, c ? HRR_SCOPE_COUNTRY : HRR_SCOPE_THEMATIC,
                                        m ? HRR_MOTION_NO_ACTION : HRR_MOTION_NONE, sim->y0, sim->adopt[c][m])))
                goto out;
        }
    sim->table_need = 0;
    for (long k = 0; k <= 47; k++) {
        hrr_vote_in_t in = {.yes = 47, .no = 0, .abstain = 0, .absent = 0, .members = 47, .supporters = k,
                            .scope = HRR_SCOPE_COUNTRY, .motion = HRR_MOTION_NONE, .year = sim->y0};
        hrr_decision_t d;
        if (hrr_rules_decide(sim->rules, &in, &d) == HRR_OK && d.outcome != HRR_NOT_TABLED) {
            sim->table_need = k;
            break;
        }
    }
    if ((rc = pool(sim, limit0, date))) goto out;
    if ((rc = hrr_i_sim_inst_open(sim, date))) goto out;
    if ((rc = static_rows(sim, limit0, hrr_i_fc_limit(fc, fc->model.cutoff)))) goto out;
    if ((rc = recorded(sim))) goto out;
    hrr_i_sim_inst_recorded(sim);
    if ((rc = hrr_i_sim_mach_open(sim))) goto out;
out:
    hrr_i_free(ctx, f);
    if (rc) {
        if (rc == HRR_ENOMEM) hrr_i_seterr(st, rc, "out of memory");
        hrr_sim_free(sim);
        return rc;
    }
    *out = sim;
    return HRR_OK;
}

void hrr_sim_free(hrr_sim_t *sim)
{
    if (!sim) return;
    hrr_ctx_t *ctx = sim->ctx;
    hrr_i_sim_inst_free(sim);
    hrr_i_sim_mach_free(sim);
    hrr_fc_close(sim->fc);
    hrr_rules_free(sim->rules);
    void *a[] = {sim->z0, sim->xy, sim->hasx, sim->yes0, sim->abs0, sim->grp, sim->bloc, sim->lmg, sim->prop,
                 sim->mem0, sim->end0, sim->consec0, sim->e, sim->spf, sim->zs, sim->last0, sim->gmaj0,
                 sim->bmaj0, sim->share0, sim->has0, sim->rec, sim->adopt[0][0], sim->adopt[0][1],
                 sim->adopt[1][0], sim->adopt[1][1]};
    for (size_t k = 0; k < sizeof a / sizeof a[0]; k++) hrr_i_free(ctx, a[k]);
    hrr_i_free(ctx, sim);
}

int hrr_sim_years(const hrr_sim_t *sim) { return sim->ny; }
int hrr_sim_first_year(const hrr_sim_t *sim) { return sim->y0; }

double hrr_sim_recorded(const hrr_sim_t *sim, int year, int q)
{
    int y = year - sim->y0;
    if (y < 0 || y >= sim->ny || q < 0 || q >= HRR_SIM_NQ) return NAN;
    return sim->rec[(size_t)y * HRR_SIM_NQ + (size_t)q];
}
