/*
 * institutions.c - the Council's institutions beyond its regular sessions
 * (docs/simulation.md): the start date of a run (hrr simulate --from
 * YYYY-MM-DD: the sessions after it, its pending mandates), special
 * sessions (A/RES/60/251 para 10: at the request of a member supported by
 * one third of the members), and suspension by the General Assembly
 * (para 8: two thirds of the members present and voting, for gross and
 * systematic violations). Everything here is prepared once in setup
 * (hrr_i_sim_inst_open); the runs read it through the small helpers below.
 */
#include "simi.h"

#include "core/rng.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The Council's first day: its first session opened on 19 June 2006
 * (A/RES/60/251 para 1 and 13; the store's first HRC memberships). */
#define SIM_FIRST_DAY 20060619

/* The Assembly's recorded suspensions (A/RES/60/251 para 8). Libya's is
 * not in the store (adopted without a vote); Russia's is (its ballots).
 * Libya's reinstatement (A/RES/66/11) is not in the store: left out. */
static const struct {
    const char *iso3;
    int date;
    const char *symbol;
} k_susp[] = {
    {"LBY", 20110301, "A/RES/65/265"},  /* 1 March 2011, without a vote */
    {"RUS", 20220407, "A/RES/ES-11/3"}, /* 7 April 2022, 93-24-58 */
};
#define NSUSP ((int)(sizeof k_susp / sizeof k_susp[0]))

static int valid_day(int y, int m, int d)
{
    static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1]) return 0;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 0;
    return 1;
}

int hrr_sim_parse_from(const char *s, int *year, int *date)
{
    int y = 0, m = 0, d = 0, n = 0;
    *year = *date = 0;
    if (!s) return -1;
    size_t len = strlen(s);
    if (len == 4 && sscanf(s, "%4d%n", &y, &n) == 1 && n == 4) {
        *year = y;
        return 0;
    }
    if (len != 10 || s[4] != '-' || s[7] != '-') return -1;
    for (size_t k = 0; k < len; k++)
        if (k != 4 && k != 7 && (s[k] < '0' || s[k] > '9')) return -1;
    if (sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3 || !valid_day(y, m, d)) return -1;
    *year = y;
    *date = y * 10000 + m * 100 + d;
    return 0;
}

int hrr_i_sim_first_session(int start_date)
{
    /* the sessions are named by the months they open in (March, June,
     * September): a run from a day counts the sessions whose month starts
     * after it; the Council's first session opened on its first day */
    if (!start_date) return 0;
    if (start_date == SIM_FIRST_DAY) return 1;
    int md = start_date % 10000;
    return md < 301 ? 0 : md < 601 ? 1 : md < 901 ? 2 : SIM_SESSIONS;
}

typedef struct spec_ud {
    hrr_sim_t *sim;
    int date;
    size_t cap;
} spec_ud_t;

/* One recorded special session: SESSION, its date, its target's store id. */
static hrr_err_t spec_row(void *ud, sqlite3_stmt *s)
{
    spec_ud_t *u = ud;
    hrr_sim_t *sim = u->sim;
    const char *name = (const char *)sqlite3_column_text(s, 0);
    int date = hrr_i_fc_date((const char *)sqlite3_column_text(s, 1));
    int y = date / 10000;
    if (!name || !date) return HRR_OK;
    if (y >= sim->p.calib_from && y <= sim->p.calib_to) sim->spec_rate += 1;
    if (y < sim->y0 || y >= sim->y0 + sim->ny || (size_t)sim->nspec >= u->cap) return HRR_OK;
    sim_special_t *sp = &sim->spec[sim->nspec++];
    sp->inrun = date >= u->date; /* recorded for the whole year, run after the start */
    snprintf(sp->name, sizeof sp->name, "%s", name);
    sp->year = y;
    sp->date = date;
    sp->session = date / 100 % 100 <= 4 ? 0 : date / 100 % 100 <= 7 ? 1 : 2;
    sp->target = sqlite3_column_type(s, 2) == SQLITE_NULL ? -1 : hrr_i_fc_state_of_id(sim->fc, sqlite3_column_int64(s, 2));
    sp->entry = -1;
    return HRR_OK;
}

typedef struct ga_ud {
    hrr_sim_t *sim;
    const hrr_ideal_t *id;
    double *x;   /* the recorded ballots' states' ideal points */
    int *v;      /* their ballots */
    int n, cap, absent;
} ga_ud_t;

static int ideal_of(const hrr_ideal_t *id, const char *iso3)
{
    for (size_t k = 0; k < id->ns; k++)
        if (!strcmp(id->iso3[k], iso3)) return (int)k;
    return -1;
}

static hrr_err_t ga_row(void *ud, sqlite3_stmt *s)
{
    ga_ud_t *g = ud;
    const char *iso3 = (const char *)sqlite3_column_text(s, 0);
    int v = sqlite3_column_int(s, 1);
    if (v == HRR_VOTE_ABSENT || v > HRR_VOTE_ABSENT) {
        g->absent++;
        return HRR_OK;
    }
    int k = iso3 ? ideal_of(g->id, iso3) : -1;
    if (k < 0 || g->n >= g->cap || v < HRR_VOTE_YES || v > HRR_VOTE_ABSTAIN) return HRR_OK;
    g->x[g->n] = g->id->x[k], g->v[g->n++] = v;
    return HRR_OK;
}

static double sigm(double z) { return 1 / (1 + exp(-z)); }

/* Log likelihood of the ordered logit (no < abstain < yes on
 * B (x - XT), cut points C1 < C2) of the N ballots. */
static double ga_loglik(const ga_ud_t *g, double xt, double b, double c1, double c2)
{
    double ll = 0;
    for (int i = 0; i < g->n; i++) {
        double d = b * (g->x[i] - xt), pn = sigm(c1 - d), py = 1 - sigm(c2 - d);
        double p = g->v[i] == HRR_VOTE_YES ? py : g->v[i] == HRR_VOTE_NO ? pn : 1 - py - pn;
        ll += log(p > 1e-12 ? p : 1e-12);
    }
    return ll;
}

/* The Assembly's ballots on a suspension: the GA ideal points of the ten
 * calibration years to its end, and an ordered logit on each state's
 * distance from the target along them, fitted (grid search) on the one
 * recorded suspension vote with ballots (A/RES/ES-11/3). Without it in
 * the store, no suspension can be decided: the mechanism stays off. */
static hrr_err_t ga_model(hrr_sim_t *sim)
{
    hrr_scope_opts_t sc = {.body = "GA", .from = sim->p.calib_to - 9, .to = sim->p.calib_to};
    hrr_ideal_opts_t io = {0};
    hrr_ideal_t *id = NULL;
    hrr_err_t rc = hrr_ideal_run(sim->st, &sc, &io, &id);
    if (rc) return rc == HRR_ENOMEM ? rc : HRR_OK; /* no Assembly votes: no suspension */
    ga_ud_t g = {.sim = sim, .id = id, .cap = (int)id->ns};
    g.x = hrr_i_calloc(sim->ctx, id->ns ? id->ns : 1, sizeof *g.x);
    g.v = hrr_i_calloc(sim->ctx, id->ns ? id->ns : 1, sizeof *g.v);
    sim->ga_x = hrr_i_calloc(sim->ctx, id->ns ? id->ns : 1, sizeof *sim->ga_x);
    sim->ga_of = hrr_i_calloc(sim->ctx, (size_t)sim->ns, sizeof *sim->ga_of);
    if (!g.x || !g.v || !sim->ga_x || !sim->ga_of) {
        rc = HRR_ENOMEM;
        goto out;
    }
    for (size_t k = 0; k < id->ns; k++) sim->ga_x[k] = (float)id->x[k];
    sim->nga = (int)id->ns;
    for (int s = 0; s < sim->ns; s++) {
        int k = ideal_of(id, sim->fc->iso3[s]);
        sim->ga_of[s] = k;
    }
    rc = hrr_i_query_each(sim->st,
                          "SELECT st.iso3, b.vote FROM ballots b JOIN items i ON i.id=b.item_id JOIN states st ON st.id=b.state_id"
                          " WHERE i.body='GA' AND i.symbol=?1",
                          "A/RES/ES-11/3", ga_row, &g);
    if (rc) goto out;
    int rus = ideal_of(id, "RUS");
    if (g.n < 50 || rus < 0) goto out; /* not in this store */
    double xt = id->x[rus], best = -1e300;
    for (int ib = 1; ib <= 30; ib++)
        for (int i1 = 0; i1 < 40; i1++)
            for (int i2 = i1 + 1; i2 < 40; i2++) {
                double b = 0.1 * ib, c1 = -4 + 0.2 * i1, c2 = -4 + 0.2 * i2;
                double ll = ga_loglik(&g, xt, b, c1, c2);
                if (ll > best) best = ll, sim->ga_b = b, sim->ga_c1 = c1, sim->ga_c2 = c2;
            }
    sim->ga_absent = (double)g.absent / (double)(g.absent + g.n);
    sim->ga_ok = 1;
out:
    hrr_i_free(sim->ctx, g.x);
    hrr_i_free(sim->ctx, g.v);
    hrr_ideal_free(id);
    return rc;
}

int hrr_i_sim_ga_suspends(const hrr_sim_t *sim, int target, hrr_rng_t *rng)
{
    if (!sim->ga_ok || target < 0 || sim->ga_of[target] < 0) return 0;
    double xt = sim->ga_x[sim->ga_of[target]];
    long yes = 0, no = 0;
    for (int k = 0; k < sim->nga; k++) {
        double u = hrr_rng_uniform(rng);
        if (u < sim->ga_absent) continue;
        u = (u - sim->ga_absent) / (1 - sim->ga_absent);
        double d = sim->ga_b * (sim->ga_x[k] - xt), pn = sigm(sim->ga_c1 - d), py = 1 - sigm(sim->ga_c2 - d);
        if (u < py) yes++;
        else if (u < py + pn) no++;
    }
    return yes > 0 && 3 * yes >= 2 * (yes + no); /* two thirds of those present and voting */
}

int hrr_i_sim_poisson(hrr_rng_t *rng, double lambda)
{
    /* inversion: lambda is a few a year */
    double u = hrr_rng_uniform(rng), p = exp(-lambda), c = p;
    int k = 0;
    while (u > c && k < 64) {
        k++;
        p *= lambda / k;
        c += p;
    }
    return k;
}

int hrr_i_sim_crisis(const hrr_sim_t *sim, double u)
{
    if (sim->ntgt <= 0) return -1;
    double x = u * sim->tgt_cum[sim->ntgt - 1];
    int lo = 0, hi = sim->ntgt - 1;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (sim->tgt_cum[mid] > x) hi = mid;
        else lo = mid + 1;
    }
    return sim->tgt_e[lo];
}

/* The crises' targets: each state targeted by a country resolution in the
 * pool, once (its most frequent lineage), weighted by the country
 * resolutions recorded against it in the calibration window and in the
 * year before the start. */
static hrr_err_t targets(hrr_sim_t *sim, int date)
{
    hrr_fc_t *fc = sim->fc;
    int *best = hrr_i_malloc(sim->ctx, (size_t)sim->ns * sizeof *best);
    sim->tgt_e = hrr_i_calloc(sim->ctx, (size_t)sim->ns, sizeof *sim->tgt_e);
    sim->tgt_cum = hrr_i_calloc(sim->ctx, (size_t)sim->ns, sizeof *sim->tgt_cum);
    if (!best || !sim->tgt_e || !sim->tgt_cum) {
        hrr_i_free(sim->ctx, best);
        return HRR_ENOMEM;
    }
    for (int s = 0; s < sim->ns; s++) best[s] = -1;
    for (size_t k = sim->nrec_e; k < sim->ne; k++) {
        const sim_entry_t *e = &sim->e[k];
        if (e->kind != FC_RES || e->target < 0) continue;
        if (best[e->target] < 0 || e->rate > sim->e[best[e->target]].rate) best[e->target] = (int)k;
    }
    double cum = 0;
    for (int s = 0; s < sim->ns; s++) {
        if (best[s] < 0) continue;
        long n = 0;
        for (size_t j = 0; j < fc->ni; j++) {
            const fc_item_t *it = &fc->it[j];
            int y = it->date / 10000;
            if (it->kind != FC_RES || it->target != s) continue;
            n += (y >= sim->p.calib_from && y <= sim->p.calib_to) || (it->date >= date - 10000 && it->date < date);
        }
        if (!n) continue;
        cum += (double)n;
        sim->tgt_e[sim->ntgt] = best[s];
        sim->tgt_cum[sim->ntgt++] = cum;
    }
    hrr_i_free(sim->ctx, best);
    return HRR_OK;
}

/* The rule set's convening share (its special_session threshold, of the
 * members; rules/hrc.json: one third, A/RES/60/251 para 10), else one
 * third. */
static hrr_err_t rule_share(hrr_sim_t *sim)
{
    sim->spec_share = 1.0 / 3, sim->spec_strict = 0;
    char *txt = hrr_rules_json(sim->rules);
    if (!txt) return HRR_ENOMEM;
    json_t *j = json_loads(txt, 0, NULL), *t = j ? json_object_get(j, "special_session") : NULL;
    free(txt);
    if (!j) return HRR_ENOMEM;
    json_t *num = json_object_get(t, "num"), *den = json_object_get(t, "den");
    const char *base = json_string_value(json_object_get(t, "base"));
    if (json_is_integer(num) && json_is_integer(den) && json_integer_value(den) > 0 && base && !strcmp(base, "members")) {
        sim->spec_share = (double)json_integer_value(num) / (double)json_integer_value(den);
        sim->spec_strict = json_is_true(json_object_get(t, "strict"));
    }
    json_decref(j);
    return HRR_OK;
}

long hrr_i_sim_convening_need(const hrr_sim_t *sim, int n)
{
    double sh = sim->p.special_share > 0 ? sim->p.special_share : sim->spec_share;
    double x = sh * n;
    return sim->spec_strict && sim->p.special_share <= 0 ? (long)floor(x + 1e-9) + 1 : (long)ceil(x - 1e-9);
}

hrr_err_t hrr_i_sim_inst_open(hrr_sim_t *sim, int date)
{
    hrr_err_t rc;
    if ((rc = rule_share(sim))) return rc;
    /* the recorded special sessions: calibration rate, those of the run */
    size_t cap = (size_t)sim->ny * 16 + 1;
    sim->spec = hrr_i_calloc(sim->ctx, cap, sizeof *sim->spec);
    if (!sim->spec) return HRR_ENOMEM;
    spec_ud_t su = {sim, date, cap};
    rc = hrr_i_query_each(sim->st,
                          "SELECT i.session, min(i.date), (SELECT i2.target_id FROM items i2 WHERE i2.body='HRC' AND"
                          " i2.session=i.session AND i2.kind='resolution' AND i2.target_id IS NOT NULL ORDER BY i2.date LIMIT 1)"
                          " FROM items i WHERE i.body='HRC' AND i.session LIKE 'S-%' GROUP BY i.session ORDER BY min(i.date)",
                          NULL, spec_row, &su);
    if (rc) return rc;
    sim->spec_rate /= (double)(sim->p.calib_to - sim->p.calib_from + 1);
    /* each recorded entry of a special session, and its resolution */
    for (size_t k = 0; k < sim->nrec_e; k++) {
        sim_entry_t *e = &sim->e[k];
        const char *ses = sim->fc->it[e->item].session;
        if (!ses || strncmp(ses, "S-", 2)) continue;
        for (int i = 0; i < sim->nspec; i++)
            if (!strcmp(sim->spec[i].name, ses) && sim->spec[i].year == e->year) {
                e->special = i + 1;
                if (sim->spec[i].entry < 0 && e->kind == FC_RES) sim->spec[i].entry = (int)k;
            }
    }
    if ((rc = targets(sim, date))) return rc;
    /* a recorded special session with no recorded vote: the test of its
     * target's text in the pool, when it has one */
    for (int i = 0; i < sim->nspec; i++) {
        sim_special_t *sp = &sim->spec[i];
        for (int t = 0; sp->entry < 0 && sp->target >= 0 && t < sim->ntgt; t++)
            if (sim->e[sim->tgt_e[t]].target == sp->target) sp->entry = sim->tgt_e[t];
    }
    /* the recorded suspensions of the run's years */
    for (int k = 0; k < NSUSP; k++) {
        int s = hrr_i_fc_state_of_iso3(sim->fc, k_susp[k].iso3), y = k_susp[k].date / 10000;
        if (s < 0 || k_susp[k].date < date || y >= sim->y0 + sim->ny || sim->nsusp >= 4) continue;
        sim->susp_date[sim->nsusp] = k_susp[k].date;
        sim->susp_state[sim->nsusp++] = s;
    }
    if (sim->p.suspension && (rc = ga_model(sim))) return rc;
    return HRR_OK;
}

hrr_err_t hrr_i_sim_inst_check(hrr_sim_t *sim)
{
    int d = sim->p.start_date;
    if (!d) return HRR_OK;
    char buf[16];
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", d / 10000, d / 100 % 100, d % 100);
    if (!valid_day(d / 10000, d / 100 % 100, d % 100))
        return hrr_i_seterr(sim->st, HRR_EINVAL, "start date %s: not a day (expected YYYY-MM-DD)", buf);
    if (d < SIM_FIRST_DAY)
        return hrr_i_seterr(sim->st, HRR_EINVAL,
                            "start date %s is before the Council's first day: the earliest is 2006-06-19 (A/RES/60/251)", buf);
    sqlite3_stmt *s = NULL;
    bool row = false;
    if (sqlite3_prepare_v2(sim->st->db, "SELECT max(date) FROM items WHERE body='HRC'", -1, &s, NULL) != SQLITE_OK)
        return hrr_i_dberr(sim->st, "prepare");
    hrr_err_t rc = hrr_i_step(sim->st, s, &row);
    int last = row ? hrr_i_fc_date((const char *)sqlite3_column_text(s, 0)) : 0;
    if (!rc && row) rc = hrr_i_step_done(sim->st, s);
    sqlite3_finalize(s);
    if (rc) return rc;
    if (last && d > last + 10000)
        return hrr_i_seterr(sim->st, HRR_EINVAL,
                            "start date %s is more than a year after the store's last Council record (%04d-%02d-%02d)", buf,
                            last / 10000, last / 100 % 100, last % 100);
    return HRR_OK;
}

void hrr_i_sim_inst_recorded(hrr_sim_t *sim)
{
    for (int y = 0; y < sim->ny; y++) {
        double *r = sim->rec + (size_t)y * HRR_SIM_NQ;
        if (isnan(r[HRR_SIM_VOTES])) continue;
        r[HRR_SIM_SPECIAL] = r[HRR_SIM_SUSPENDED] = 0;
    }
    /* special sessions: the distinct S-n sessions of the year, with a
     * recorded vote or not */
    for (int i = 0; i < sim->nspec; i++) {
        int y = sim->spec[i].year - sim->y0;
        double *r = sim->rec + (size_t)y * HRR_SIM_NQ;
        if (!isnan(r[HRR_SIM_SPECIAL])) r[HRR_SIM_SPECIAL]++;
    }
    for (int k = 0; k < NSUSP; k++) {
        int y = k_susp[k].date / 10000 - sim->y0;
        if (y < 0 || y >= sim->ny) continue;
        double *r = sim->rec + (size_t)y * HRR_SIM_NQ;
        if (!isnan(r[HRR_SIM_SUSPENDED])) r[HRR_SIM_SUSPENDED]++;
    }
}

void hrr_i_sim_inst_free(hrr_sim_t *sim)
{
    void *a[] = {sim->spec, sim->tgt_e, sim->tgt_cum, sim->ga_x, sim->ga_of};
    for (size_t k = 0; k < sizeof a / sizeof a[0]; k++) hrr_i_free(sim->ctx, a[k]);
}
