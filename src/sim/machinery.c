/*
 * machinery.c - the rest of the regime's machinery around the Council's
 * votes (docs/simulation.md, "The rest of the machinery"):
 *   - the Universal Periodic Review: each year's states under review (the
 *     Working Group's recorded sessions 1-27, then each state again 14
 *     sessions after its last review), their recommendations, the share
 *     that come from allies ("softball" recommendations; allies: the same
 *     regional group, or both in the Like Minded Group) and the share the
 *     state supports; calibrated on the store's upr_recommendations up to
 *     upr_calib_to, targets of country texts getting allies'
 *     recommendations with the odds the records give them (lower than
 *     the others': the records show no recruiting);
 *   - treaty ratification: a yearly hazard per instrument and regime class
 *     (V-Dem's polyarchy, Freedom House where V-Dem has no score) from the
 *     store's ratifications over the calibration window;
 *   - a targeted state's strategies when image matters: a concession that
 *     lowers the sponsors' expected support, or (the less image-sensitive
 *     it is) a joint counter-statement of its allies; and its trade
 *     leverage (texts against China lose yes from the states the
 *     assumption calls dependent on it);
 *   - the information that reaches the Council on a targeted state:
 *     special procedures' visits, treaty-body reviews (less those of
 *     government-aligned experts), NGO accreditation not deferred by the
 *     NGO Committee, which move the members' yes on texts about it.
 * Everything is read from the store once (hrr_i_sim_mach_open); run r
 * draws each mechanism from its own Philox stream (2^41 + 2^36 k + r of
 * the seed for mechanism k), so the votes' stream r is the one it was
 * before this file and switching one mechanism off leaves the others'
 * draws as they were; the machinery costs a few hundred draws a year
 * (counts drawn as binomials, not one by one).
 */
#include "simi.h"

#include "core/rng.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define UPR_NSESS 27     /* sessions in the store (UPR Info's export, sessions 1-27) */
#define UPR_CYCLE 14     /* sessions a state waits between reviews from the second cycle (A/HRC/DEC/17/119) */
#define MAX_INSTR 24     /* instruments (the store has 18) */

typedef struct sim_mach {
    int *sur;             /* each session's states under review, at sur_off */
    int sur_off[UPR_NSESS + 2];
    float *pally;         /* ns x 2: chance a recommendation to the state
                             comes from an ally (not targeted, targeted) */
    double srate[UPR_NSESS + 1]; /* recommendations per review in each
                             calibration session (0 in the others) */
    double rate_last;     /* ... in the last calibration year's sessions:
                             the rate of every session after */
    double rate_sd;       /* sd of a review's log count around its session's mean */
    double sup_ally, sup_other; /* shares supported */
    double k_ally, k_recruit;   /* odds of an ally's recommendation against
                                   its weight, for states not targeted and
                                   targeted (docs) */
    int ninstr;
    int adopted[MAX_INSTR];     /* the year each instrument was adopted */
    double hazard[MAX_INSTR][2];/* yearly chance of ratifying, by class */
    unsigned char *demo;  /* ns: regime class 1 (polyarchy >= 0.5) */
    short *rat_year;      /* ns x ninstr: year a party ratified, 0 never */
    unsigned char *dep;   /* ns: dependent on China's trade (assumption) */
    int china;            /* China's index, -1 */
    short *tlast0;        /* ns: the last year before the start a recorded
                             country resolution targeted the state */
    double info_ref;      /* the expected information under the baseline */
} sim_mach_t;

/* A run's streams, one per mechanism, so that switching one off leaves
 * the others' draws as they were (common random numbers). */
enum { R_UPR, R_RATIFY, R_INFO, R_TEXT, R_N };

struct sim_mach_ws {
    hrr_rng_t rng[R_N];
    int at_risk[MAX_INSTR][2];
    float *info;          /* ns: information on the state this year */
    double ey_china, n_china; /* this year's yes share on texts against China */
};

/* The year of UPR Working Group session K (1-based): three a year from
 * 2008, two in 2012 (sessions 13-14), three a year again from 2013
 * (A/HRC/WG.6/1 of April 2008 to A/HRC/WG.6/27 of May 2017; later
 * sessions on the same rhythm: an assumption past the store). */
static int upr_year(int k)
{
    if (k <= 12) return 2008 + (k - 1) / 3;
    if (k <= 14) return 2012;
    return 2013 + (k - 15) / 3;
}

/* The first and last session of year Y (0 when none). */
static void upr_sessions(int y, int *k0, int *k1)
{
    if (y < 2008) *k0 = 1, *k1 = 0;
    else if (y <= 2011) *k0 = 3 * (y - 2008) + 1, *k1 = *k0 + 2;
    else if (y == 2012) *k0 = 13, *k1 = 14;
    else *k0 = 15 + 3 * (y - 2013), *k1 = *k0 + 2;
}

static int ally(const hrr_sim_t *sim, int a, int b)
{
    return a != b && ((sim->grp[a] >= 0 && sim->grp[a] == sim->grp[b]) || (sim->lmg[a] && sim->lmg[b]));
}

/* Y targeted by a recorded country resolution in the three years before
 * year Y (bit y - 2000 of TY). */
static int targeted_before(const unsigned long long *ty, int s, int y)
{
    for (int k = y - 3; k < y; k++)
        if (k >= 2000 && k < 2064 && (ty[s] >> (k - 2000) & 1)) return 1;
    return 0;
}

/* Item IT is a text against state T (as against_entry below). */
static int against(const fc_item_t *it, int t)
{
    if (it->nsponsor <= 0 && it->kind != FC_RES) return 0;
    for (int k = 0; k < it->nsponsor; k++)
        if (it->sponsor[k] == t) return 0;
    return 1;
}

typedef struct upr_row {
    int session, sur, rec, supported;
} upr_row_t;

typedef struct rows {
    hrr_sim_t *sim;
    upr_row_t *r;
    size_t n, cap;
    int fail;
} rows_t;

static hrr_err_t upr_row(void *ud, sqlite3_stmt *s)
{
    rows_t *u = ud;
    int k = sqlite3_column_int(s, 0);
    int a = hrr_i_fc_state_of_id(u->sim->fc, sqlite3_column_int64(s, 1));
    int b = sqlite3_column_type(s, 2) == SQLITE_NULL ? -1 : hrr_i_fc_state_of_id(u->sim->fc, sqlite3_column_int64(s, 2));
    if (k < 1 || k > UPR_NSESS || a < 0) return HRR_OK;
    if (u->n == u->cap) {
        size_t nc = u->cap ? u->cap * 2 : 4096;
        void *p = hrr_i_realloc(u->sim->ctx, u->r, nc * sizeof *u->r);
        if (!p) return HRR_ENOMEM;
        u->r = p, u->cap = nc;
    }
    u->r[u->n++] = (upr_row_t){k, a, b, sqlite3_column_int(s, 3)};
    return HRR_OK;
}

/* The UPR: the schedule, the calibration, the recorded quantities. */
static hrr_err_t upr_open(hrr_sim_t *sim, sim_mach_t *m, const unsigned long long *ty)
{
    hrr_ctx_t *ctx = sim->ctx;
    const int ns = sim->ns;
    rows_t u = {sim, NULL, 0, 0, 0};
    hrr_err_t rc = hrr_i_query_each(sim->st,
                                    "SELECT session, sur_id, recommending_id, response='supported' FROM upr_recommendations"
                                    " ORDER BY session, sur_id",
                                    NULL, upr_row, &u);
    double *act = hrr_i_calloc(ctx, (size_t)ns, sizeof *act);
    if (!rc && !act) rc = HRR_ENOMEM;
    if (!rc) {
        /* each session's states under review */
        size_t nsur = 0;
        for (size_t i = 0; i < u.n; i++) nsur += i == 0 || u.r[i].session != u.r[i - 1].session || u.r[i].sur != u.r[i - 1].sur;
        m->sur = hrr_i_malloc(ctx, (nsur ? nsur : 1) * sizeof *m->sur);
        if (!m->sur) rc = HRR_ENOMEM;
    }
    if (rc) goto out;
    {
        int n = 0, k = 1;
        m->sur_off[1] = 0;
        for (size_t i = 0; i < u.n; i++) {
            if (i && u.r[i].session == u.r[i - 1].session && u.r[i].sur == u.r[i - 1].sur) continue;
            while (k < u.r[i].session) m->sur_off[++k] = n;
            m->sur[n++] = u.r[i].sur;
        }
        while (k <= UPR_NSESS) m->sur_off[++k] = n;
    }
    /* the calibration: reviews of the years calib_from .. upr_calib_to */
    const int c0 = sim->p.calib_from, c1 = sim->p.upr_calib_to;
    for (size_t i = 0; i < u.n; i++) {
        int y = upr_year(u.r[i].session);
        if (y >= c0 && y <= c1 && u.r[i].rec >= 0) act[u.r[i].rec]++;
    }
    double num[2] = {0, 0}, den[2] = {0, 0}, sup[2][2] = {{0, 0}, {0, 0}};
    double lsum[UPR_NSESS + 1] = {0}, ln[UPR_NSESS + 1] = {0}, lsq = 0, nlast = 0, rlast = 0, nrev = 0;
    double tot = 0;
    for (int s = 0; s < ns; s++) tot += act[s];
    for (size_t i = 0; i < u.n;) {
        size_t j = i;
        int s = u.r[i].sur, k = u.r[i].session, y = upr_year(k);
        long n = 0, a = 0;
        for (; j < u.n && u.r[j].session == k && u.r[j].sur == s; j++) {
            int r = u.r[j].rec, al = r >= 0 && ally(sim, r, s);
            n++, a += al;
        }
        if (y >= c0 && y <= c1 && n > 0 && tot - act[s] > 0) {
            double wa = 0;
            for (int r = 0; r < ns; r++)
                if (ally(sim, r, s)) wa += act[r];
            double A = wa / (tot - act[s]);
            int t = targeted_before(ty, s, y);
            num[t] += a * (1 - A), den[t] += (double)(n - a) * A;
            lsum[k] += log((double)n), ln[k]++, nrev++;
            m->srate[k] += (double)n;
            if (y == c1) rlast += (double)n, nlast++;
        }
        i = j;
    }
    /* the shares supported, ally's and others', in the calibration years */
    for (size_t i = 0; i < u.n; i++) {
        int y = upr_year(u.r[i].session), r = u.r[i].rec;
        if (y < c0 || y > c1) continue;
        int al = r >= 0 && ally(sim, r, u.r[i].sur);
        sup[al][0] += u.r[i].supported, sup[al][1]++;
    }
    m->sup_ally = sup[1][1] > 0 ? sup[1][0] / sup[1][1] : 0;
    m->sup_other = sup[0][1] > 0 ? sup[0][0] / sup[0][1] : 0;
    for (int k = 1; k <= UPR_NSESS; k++) m->srate[k] = ln[k] > 0 ? m->srate[k] / ln[k] : 0;
    m->rate_last = nlast > 0 ? rlast / nlast : 0;
    m->k_ally = den[0] > 0 ? num[0] / den[0] : 1;
    m->k_recruit = den[1] > 0 ? num[1] / den[1] : m->k_ally;
    { /* the spread of a review's log count around its session's mean */
        for (size_t i = 0; i < u.n;) {
            size_t j = i;
            int s = u.r[i].sur, k = u.r[i].session, y = upr_year(k);
            while (j < u.n && u.r[j].session == k && u.r[j].sur == s) j++;
            if (y >= c0 && y <= c1) {
                double d = log((double)(j - i)) - lsum[k] / ln[k];
                lsq += d * d;
            }
            i = j;
        }
        double nsess = 0;
        for (int k = 1; k <= UPR_NSESS; k++) nsess += ln[k] > 0;
        m->rate_sd = nrev > nsess ? sqrt(lsq / (nrev - nsess)) : 0;
    }
    for (int s = 0; s < ns; s++) {
        double wa = 0;
        for (int r = 0; r < ns; r++)
            if (ally(sim, r, s)) wa += act[r];
        double A = tot - act[s] > 0 ? wa / (tot - act[s]) : 0;
        for (int t = 0; t < 2; t++) {
            double k = t ? m->k_recruit : m->k_ally;
            m->pally[(size_t)s * 2 + (size_t)t] = (float)(A * k / (A * k + 1 - A));
        }
    }
    /* recorded: the years whose sessions the store has in full (2008-2016) */
    for (int yi = 0; yi < sim->ny; yi++) {
        int y = sim->y0 + yi, k0, k1;
        upr_sessions(y, &k0, &k1);
        if (k1 < k0 || k1 > UPR_NSESS) continue;
        double n = 0, a = 0, sp = 0;
        for (size_t i = 0; i < u.n; i++) {
            if (u.r[i].session < k0 || u.r[i].session > k1) continue;
            n++, sp += u.r[i].supported;
            a += u.r[i].rec >= 0 && ally(sim, u.r[i].rec, u.r[i].sur);
        }
        double *r = sim->rec + (size_t)yi * HRR_SIM_NQ;
        r[HRR_SIM_UPR_RECS] = n;
        r[HRR_SIM_UPR_SOFTBALL] = n > 0 ? a / n : NAN;
        r[HRR_SIM_UPR_SUPPORTED] = n > 0 ? sp / n : NAN;
    }
out:
    hrr_i_free(ctx, u.r);
    hrr_i_free(ctx, act);
    return rc;
}

typedef struct rat_ud {
    hrr_sim_t *sim;
    sim_mach_t *m;
    char codes[MAX_INSTR][16];
} rat_ud_t;

static hrr_err_t instr_row(void *ud, sqlite3_stmt *s)
{
    rat_ud_t *r = ud;
    if (r->m->ninstr >= MAX_INSTR) return HRR_OK;
    const char *c = (const char *)sqlite3_column_text(s, 0);
    snprintf(r->codes[r->m->ninstr], sizeof r->codes[0], "%s", c ? c : "");
    r->m->adopted[r->m->ninstr++] = sqlite3_column_int(s, 1);
    return HRR_OK;
}

static hrr_err_t rat_row(void *ud, sqlite3_stmt *s)
{
    rat_ud_t *r = ud;
    int st = hrr_i_fc_state_of_id(r->sim->fc, sqlite3_column_int64(s, 0));
    const char *c = (const char *)sqlite3_column_text(s, 1);
    int y = sqlite3_column_int(s, 2);
    if (st < 0 || !c || y <= 0) return HRR_OK;
    for (int i = 0; i < r->m->ninstr; i++)
        if (!strcmp(r->codes[i], c)) r->m->rat_year[(size_t)st * (size_t)r->m->ninstr + (size_t)i] = (short)y;
    return HRR_OK;
}

static hrr_err_t demo_row(void *ud, sqlite3_stmt *s)
{
    rat_ud_t *r = ud;
    int st = hrr_i_fc_state_of_id(r->sim->fc, sqlite3_column_int64(s, 0));
    if (st >= 0) r->m->demo[st] = (unsigned char)(sqlite3_column_int(s, 1) != 0);
    return HRR_OK;
}

/* A state "exists" for the hazards when the store lists it as a member
 * at the time: in fc's list with a regional group. */
static hrr_err_t ratify_open(hrr_sim_t *sim, sim_mach_t *m)
{
    rat_ud_t r = {sim, m, {{0}}};
    hrr_err_t rc = hrr_i_query_each(sim->st, "SELECT code, CAST(substr(adopted,1,4) AS INTEGER) FROM instruments ORDER BY code",
                                    NULL, instr_row, &r);
    if (rc) return rc;
    m->rat_year = hrr_i_calloc(sim->ctx, (size_t)sim->ns * (size_t)(m->ninstr ? m->ninstr : 1), sizeof *m->rat_year);
    if (!m->rat_year) return HRR_ENOMEM;
    if ((rc = hrr_i_query_each(sim->st, "SELECT state_id, instrument, year FROM ratifications WHERE status='party'",
                               NULL, rat_row, &r)))
        return rc;
    /* the regime class: the state's mean V-Dem polyarchy over the
     * calibration window at least 0.5, or (no V-Dem score) its mean
     * Freedom House total at least 70 */
    char sql[512];
    snprintf(sql, sizeof sql,
             "SELECT state_id, CASE WHEN avg(CASE WHEN measure='v2x_polyarchy' THEN value END) IS NOT NULL"
             " THEN avg(CASE WHEN measure='v2x_polyarchy' THEN value END) >= 0.5"
             " ELSE coalesce(avg(CASE WHEN measure='fh_total' THEN value END) >= 70, 0) END"
             " FROM regime_scores WHERE year BETWEEN %d AND %d AND measure IN ('v2x_polyarchy','fh_total')"
             " GROUP BY state_id",
             sim->p.calib_from, sim->p.calib_to);
    if ((rc = hrr_i_query_each(sim->st, sql, NULL, demo_row, &r))) return rc;
    /* the hazards: ratifications in the calibration years over the years
     * states were at risk (not yet party, the instrument open: from the
     * year after its adoption) */
    for (int i = 0; i < m->ninstr; i++) {
        double ev[2] = {0, 0}, risk[2] = {0, 0};
        for (int s = 0; s < sim->ns; s++) {
            if (sim->grp[s] < 0) continue;
            int ry = m->rat_year[(size_t)s * (size_t)m->ninstr + (size_t)i], c = m->demo[s];
            for (int y = sim->p.calib_from; y <= sim->p.calib_to; y++) {
                if (y <= m->adopted[i] || (ry && ry < y)) continue;
                risk[c]++;
                ev[c] += ry == y;
            }
        }
        for (int c = 0; c < 2; c++) m->hazard[i][c] = risk[c] > 0 ? ev[c] / risk[c] : 0;
    }
    /* recorded: ratifications a year up to 2021 (the store's snapshot is
     * of mid-2022, so 2022 is not a whole year) */
    for (int yi = 0; yi < sim->ny; yi++) {
        int y = sim->y0 + yi;
        if (y > 2021) continue;
        double n = 0;
        for (size_t k = 0; k < (size_t)sim->ns * (size_t)m->ninstr; k++) n += m->rat_year[k] == y;
        sim->rec[(size_t)yi * HRR_SIM_NQ + HRR_SIM_RATIFY] = n;
    }
    return HRR_OK;
}

hrr_err_t hrr_i_sim_mach_open(hrr_sim_t *sim)
{
    hrr_ctx_t *ctx = sim->ctx;
    const size_t ns = (size_t)sim->ns;
    sim_mach_t *m = hrr_i_calloc(ctx, 1, sizeof *m);
    unsigned long long *ty = hrr_i_calloc(ctx, ns, sizeof *ty);
    hrr_err_t rc = HRR_OK;
    sim->mach = m;
    if (!m || !ty) {
        hrr_i_free(ctx, ty);
        return HRR_ENOMEM;
    }
    m->pally = hrr_i_calloc(ctx, ns * 2, sizeof *m->pally);
    m->demo = hrr_i_calloc(ctx, ns, 1);
    m->dep = hrr_i_calloc(ctx, ns, 1);
    m->tlast0 = hrr_i_malloc(ctx, ns * sizeof *m->tlast0);
    if (!m->pally || !m->demo || !m->dep || !m->tlast0) {
        rc = HRR_ENOMEM;
        goto out;
    }
    for (size_t j = 0; j < sim->fc->ni; j++) { /* the recorded targets of country resolutions */
        const fc_item_t *it = &sim->fc->it[j];
        int y = it->date / 10000;
        if (it->kind == FC_RES && it->target >= 0 && y >= 2000 && y < 2064) ty[it->target] |= 1ULL << (y - 2000);
    }
    for (size_t s = 0; s < ns; s++) {
        m->tlast0[s] = -1000;
        for (int y = 2000; y < sim->y0 + sim->yi0 && y < 2064; y++) /* yi0: the Commission's years before */
            if (ty[s] >> (y - 2000) & 1) m->tlast0[s] = (short)y;
    }
    m->china = hrr_i_fc_state_of_iso3(sim->fc, "CHN");
    /* the store records none of these quantities but those filled below */
    for (int yi = 0; yi < sim->ny; yi++)
        for (int q = HRR_SIM_UPR_RECS; q <= HRR_SIM_NGO_DEFERRED; q++) sim->rec[(size_t)yi * HRR_SIM_NQ + (size_t)q] = NAN;
    { /* the yes share on texts against China (targeting it, sponsored by
       * others: A/HRC/51/L.6 of 6 October 2022), each year's mean */
        double sum[64] = {0}, n[64] = {0};
        for (size_t j = 0; j < sim->fc->ni; j++) {
            const fc_item_t *it = &sim->fc->it[j];
            int yi = it->date / 10000 - sim->y0;
            if (m->china < 0 || it->target != m->china || !against(it, m->china) || yi < 0 || yi >= sim->ny || yi >= 64) continue;
            const unsigned char *v = sim->fc->v + j * sim->fc->ns;
            long t[5] = {0};
            for (size_t s = 0; s < sim->fc->ns; s++) t[v[s]]++;
            if (t[1] + t[2] + t[3] > 0) sum[yi] += (double)t[1] / (double)(t[1] + t[2] + t[3]), n[yi]++;
        }
        for (int yi = 0; yi < sim->ny && yi < 64; yi++)
            if (n[yi] > 0) sim->rec[(size_t)yi * HRR_SIM_NQ + HRR_SIM_CHINA_YES] = sum[yi] / n[yi];
    }
    /* dependence on China's trade and aid: an assumption, not the records
     * (the store has no trade data): the states of the African,
     * Asia-Pacific and Latin American and Caribbean groups */
    for (size_t s = 0; s < ns; s++) m->dep[s] = sim->grp[s] == 0 || sim->grp[s] == 1 || sim->grp[s] == 3;
    if ((rc = upr_open(sim, m, ty))) goto out;
    if ((rc = ratify_open(sim, m))) goto out;
    const hrr_sim_params_t *b = &sim->ref;
    m->info_ref = b->visit_rate + b->report_rate * (1 - b->p_aligned) + (1 - b->p_ngo_defer);
out:
    hrr_i_free(ctx, ty);
    return rc;
}

void hrr_i_sim_mach_free(hrr_sim_t *sim)
{
    sim_mach_t *m = sim->mach;
    if (!m) return;
    hrr_i_free(sim->ctx, m->sur);
    hrr_i_free(sim->ctx, m->pally);
    hrr_i_free(sim->ctx, m->demo);
    hrr_i_free(sim->ctx, m->rat_year);
    hrr_i_free(sim->ctx, m->dep);
    hrr_i_free(sim->ctx, m->tlast0);
    hrr_i_free(sim->ctx, m);
    sim->mach = NULL;
}

double hrr_i_sim_mach_calib(const hrr_sim_t *sim, int what)
{
    const sim_mach_t *m = sim->mach;
    switch (what) {
    case 0: return m->rate_last;
    case 1: return m->rate_sd;
    case 2: return m->k_ally;
    case 3: return m->k_recruit;
    case 4: return m->sup_ally;
    case 5: return m->sup_other;
    default: return NAN;
    }
}

sim_mach_ws_t *hrr_i_sim_mach_ws(const hrr_sim_t *sim)
{
    sim_mach_ws_t *w = hrr_i_calloc(sim->ctx, 1, sizeof *w);
    if (w && !(w->info = hrr_i_calloc(sim->ctx, (size_t)sim->ns, sizeof *w->info))) {
        hrr_i_free(sim->ctx, w);
        w = NULL;
    }
    return w;
}

void hrr_i_sim_mach_ws_free(const hrr_sim_t *sim, sim_mach_ws_t *w)
{
    if (!w) return;
    hrr_i_free(sim->ctx, w->info);
    hrr_i_free(sim->ctx, w);
}

void hrr_i_sim_mach_reset(const hrr_sim_t *sim, sim_mach_ws_t *w, unsigned long seed, long r)
{
    const sim_mach_t *m = sim->mach;
    for (int k = 0; k < R_N; k++) hrr_rng_init(&w->rng[k], seed, (1ULL << 41) + ((uint64_t)k << 36) + (uint64_t)r);
    memset(w->at_risk, 0, sizeof w->at_risk);
    for (int s = 0; s < sim->ns; s++) {
        if (sim->grp[s] < 0) continue;
        for (int i = 0; i < m->ninstr; i++) {
            int ry = m->rat_year[(size_t)s * (size_t)m->ninstr + (size_t)i];
            w->at_risk[i][m->demo[s]] += !ry || ry >= sim->y0 + sim->yi0;
        }
    }
    memset(w->info, 0, (size_t)sim->ns * sizeof *w->info);
}

/* The last year S was targeted: in the run, or in the records before it. */
static int last_targeted(const sim_mach_t *m, const short *targeted, int s)
{
    return targeted[s] > m->tlast0[s] ? targeted[s] : m->tlast0[s];
}

/* A binomial (N, P) draw: inversion when N P is small, else normal. */
static long binom(hrr_rng_t *rng, long n, double p)
{
    if (n <= 0 || p <= 0) return 0;
    if (p >= 1) return n;
    double mu = (double)n * p;
    if (mu > 20 && (double)n * (1 - p) > 20) {
        long k = lround(mu + sqrt(mu * (1 - p)) * hrr_rng_normal(rng));
        return k < 0 ? 0 : k > n ? n : k;
    }
    double u = hrr_rng_uniform(rng), f = pow(1 - p, (double)n), c = f;
    long k = 0;
    while (u > c && k < n) {
        f *= (double)(n - k) / (double)(k + 1) * p / (1 - p);
        c += f;
        k++;
    }
    return k;
}

void hrr_i_sim_mach_year(const hrr_sim_t *sim, sim_mach_ws_t *w, int y, const short *targeted, double *q)
{
    const sim_mach_t *m = sim->mach;
    const hrr_sim_params_t *p = &sim->p;
    hrr_rng_t *rng = &w->rng[R_UPR];
    w->ey_china = w->n_china = 0;
    /* the UPR cycle of year Y */
    double nrec = 0, nally = 0, nsup = 0;
    int k0, k1;
    upr_sessions(y, &k0, &k1);
    for (int k = k0; p->upr && k <= k1; k++) {
        int kk = k;
        while (kk > UPR_NSESS) kk -= UPR_CYCLE;
        const double rate = (k <= UPR_NSESS && m->srate[k] > 0 ? m->srate[k] : m->rate_last) * p->upr_mult;
        for (int i = m->sur_off[kk]; i < m->sur_off[kk + 1]; i++) {
            int s = m->sur[i];
            double z = m->rate_sd * hrr_rng_normal(rng) - m->rate_sd * m->rate_sd / 2;
            long n = lround(rate * exp(z));
            int t = p->upr_recruit && last_targeted(m, targeted, s) >= y - 3;
            long a = binom(rng, n, m->pally[(size_t)s * 2 + (size_t)t]);
            nrec += (double)n, nally += (double)a;
            nsup += (double)(binom(rng, a, m->sup_ally) + binom(rng, n - a, m->sup_other));
        }
    }
    q[HRR_SIM_UPR_RECS] = nrec;
    q[HRR_SIM_UPR_SOFTBALL] = nrec > 0 ? nally / nrec : NAN;
    q[HRR_SIM_UPR_SUPPORTED] = nrec > 0 ? nsup / nrec : NAN;
    /* ratifications */
    rng = &w->rng[R_RATIFY];
    for (int i = 0; p->ratify && i < m->ninstr; i++) {
        if (y <= m->adopted[i]) continue;
        for (int c = 0; c < 2; c++) {
            long k = binom(rng, w->at_risk[i][c], fmin(1, m->hazard[i][c] * p->ratify_mult));
            w->at_risk[i][c] -= (int)k;
            q[HRR_SIM_RATIFY] += (double)k;
        }
    }
    /* the information reaching the Council on the states targeted in the
     * three years before (and China): a visit, a treaty-body review not
     * lost to aligned experts, NGOs not deferred */
    rng = &w->rng[R_INFO];
    for (int s = 0; s < sim->ns; s++) {
        if (last_targeted(m, targeted, s) < y - 3 && s != m->china) {
            w->info[s] = 0;
            continue;
        }
        /* four draws whatever the switches (common random numbers) */
        double u[4], info = 0;
        for (int k = 0; k < 4; k++) u[k] = hrr_rng_uniform(rng);
        if (p->visits && u[0] < p->visit_rate) info += 1, q[HRR_SIM_VISITS]++;
        if (u[1] < p->report_rate) {
            q[HRR_SIM_TB_REVIEWS]++;
            if (p->aligned_experts && u[2] < p->p_aligned) q[HRR_SIM_TB_ALIGNED]++;
            else info += 1;
        }
        if (p->ngo_deferrals && u[3] < p->p_ngo_defer) q[HRR_SIM_NGO_DEFERRED]++;
        else info += 1;
        w->info[s] = (float)info;
    }
}

/* Entry E is a text against its target: a country resolution it does not
 * sponsor (the store's sponsors are incomplete), or another text with
 * sponsors, none of them the target (the decisions adopting a UPR
 * outcome have none). */
static int against_entry(const sim_entry_t *e)
{
    return e->target >= 0 && !e->sp_target && (e->kind == FC_RES || e->nsp > 0);
}

/* The target's image sensitivity in year Y: China's from the image
 * parameters, every other target's image_target. */
static double target_image(const hrr_sim_t *sim, int t, int y)
{
    const hrr_sim_params_t *p = &sim->p;
    if (t == sim->mach->china) return !p->image ? 0 : y < p->image_year ? p->image_before : p->image_after;
    return p->image_target;
}

void hrr_i_sim_mach_text(const hrr_sim_t *sim, sim_mach_ws_t *w, const sim_entry_t *e, int y, double *q,
                         float *f_all, float *f_dep)
{
    const sim_mach_t *m = sim->mach;
    const hrr_sim_params_t *p = &sim->p;
    double z = 0, zd = 0;
    *f_all = *f_dep = 1;
    if (!against_entry(e)) return;
    if (e->kind == FC_RES) {
        if (p->info_lift > 0) z += p->info_lift * (w->info[e->target] - m->info_ref);
        if (p->concessions && target_image(sim, e->target, y) >= p->concession_cut &&
            hrr_rng_uniform(&w->rng[R_TEXT]) < p->p_concession) {
            z -= p->concession_effect;
            q[HRR_SIM_CONCESSIONS]++;
        }
    }
    if (p->trade && e->target == m->china) zd = -p->trade_pull;
    *f_all = (float)exp(z), *f_dep = (float)exp(z + zd);
}

int hrr_i_sim_mach_dep(const hrr_sim_t *sim, int s) { return sim->mach->dep[s]; }

void hrr_i_sim_mach_voted(const hrr_sim_t *sim, sim_mach_ws_t *w, const sim_entry_t *e, int y, double en,
                          long yes, long voting, double *q)
{
    const sim_mach_t *m = sim->mach;
    const hrr_sim_params_t *p = &sim->p;
    if (!against_entry(e)) return;
    if (e->target == m->china && voting > 0) w->ey_china += (double)yes / (double)voting, w->n_china++;
    if (e->kind != FC_RES || !p->joint_statements) return;
    /* the less the target minds its image, the likelier it recruits its
     * allies for a counter-statement; they sign as they would vote no,
     * members and as many others again per joint_reach */
    if (hrr_rng_uniform(&w->rng[R_TEXT]) < p->p_joint * (1 - target_image(sim, e->target, y))) {
        q[HRR_SIM_JOINT]++;
        q[HRR_SIM_JOINT_SIGN] += (double)lround(en * (1 + p->joint_reach));
    }
}

void hrr_i_sim_mach_year_end(const hrr_sim_t *sim, sim_mach_ws_t *w, double *q)
{
    (void)sim;
    q[HRR_SIM_CHINA_YES] = w->n_china > 0 ? w->ey_china / w->n_china : NAN;
}
