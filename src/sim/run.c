/*
 * run.c - one simulated history, and ensembles of them (hrr_sim_run).
 *
 * A run walks the years from the start: three regular sessions, then the
 * election. In a session each draft of the agenda (the recorded drafts of
 * that session, or drafts drawn from the pool's rates) goes through:
 *   1. every member's ballot probabilities: the forecast model's logit
 *      (weights trained before the calibration window's end) on the
 *      features the run keeps: its last simulated ballot on the text, its
 *      group's and bloc's majority and the yes share there, its ideal point
 *      that year, sponsor, target and amendment flags, its shares of yes
 *      and absence the year before;
 *   2. the Like Minded Group's pull toward its expected majority, the
 *      target's lobbying of the swing states (country texts);
 *   3. the sponsors' decision to table (a country text): expected yes over
 *      the rule set's threshold, and the support the rule set asks to table;
 *   4. the target's no-action motion (rare; the records have none), then
 *      the ballots (one common shock per vote, then each member's draw),
 *      decided with the rule set's threshold tables.
 * The election replaces the members whose terms end: by regional group,
 * candidates drawn by their propensity to stand (share of years on the
 * Council), at most two consecutive terms, a slate contested with the
 * calibrated chance (the weakest candidate loses in the Assembly).
 *
 * Run r draws only from Philox stream r of the seed, in a fixed order, so a
 * run's numbers do not depend on the thread or process that runs it. The
 * per-thread workspace is allocated once; the loop allocates nothing.
 * Cost: O(years x votes x members) logits of 3 x ~20 terms, plus O(slots x
 * states) bytes copied per run.
 */
#include "simi.h"

#include "core/rng.h"

#include <math.h>
#include <omp.h>
#include <string.h>

typedef struct ws {
    unsigned char *last;   /* nslot x ns: last ballot on each text */
    unsigned char *gmaj;   /* nslot x 5 */
    unsigned char *bmaj;   /* nslot x FC_NBLOC */
    float *share;          /* nslot */
    unsigned char *has;    /* nslot */
    unsigned char *held;   /* nslot: withheld this session */
    unsigned char *mem;    /* ns: member now */
    short *endy;           /* ns: last year of the term */
    unsigned char *consec; /* ns: consecutive terms */
    short *targeted;       /* ns: last year targeted by a country text */
    float *zb;             /* ns x 2 x 3: this year's base logits */
    int *cnt;              /* ns x 3: this year's ballots, yes, absent */
    int *idx;              /* members */
    float *p;              /* members x 4: probabilities */
    unsigned char *bal;    /* ns: this vote's ballots */
    double lmg_sum, lmg_n; /* this year's cohesion */
    double margin;         /* this year's sum of yes - no */
    unsigned char *spconv; /* nspec: each recorded special session convened */
    short *susp;           /* ns: the year suspended, 0 */
    long ty, tn;           /* the last draft's yes and no */
    sim_mach_ws_t *mw;     /* the rest of the machinery's (machinery.c) */
} ws_t;

static void ws_free(const hrr_sim_t *sim, ws_t *w)
{
    hrr_ctx_t *ctx = sim->ctx;
    void *a[] = {w->last, w->gmaj, w->bmaj, w->share, w->has, w->held, w->mem, w->endy, w->consec,
                 w->targeted, w->zb, w->cnt, w->idx, w->p, w->bal, w->spconv, w->susp};
    for (size_t k = 0; k < sizeof a / sizeof a[0]; k++) hrr_i_free(ctx, a[k]);
    hrr_i_sim_mach_ws_free(sim, w->mw);
}

static int ws_alloc(const hrr_sim_t *sim, ws_t *w)
{
    hrr_ctx_t *ctx = sim->ctx;
    size_t ns = (size_t)sim->ns, nsl = sim->nslot;
    memset(w, 0, sizeof *w);
    w->last = hrr_i_malloc(ctx, nsl * ns);
    w->gmaj = hrr_i_malloc(ctx, nsl * SIM_NGROUP);
    w->bmaj = hrr_i_malloc(ctx, nsl * FC_NBLOC);
    w->share = hrr_i_malloc(ctx, nsl * sizeof *w->share);
    w->has = hrr_i_malloc(ctx, nsl);
    w->held = hrr_i_malloc(ctx, nsl);
    w->mem = hrr_i_malloc(ctx, ns);
    w->endy = hrr_i_malloc(ctx, ns * sizeof *w->endy);
    w->consec = hrr_i_malloc(ctx, ns);
    w->targeted = hrr_i_malloc(ctx, ns * sizeof *w->targeted);
    w->zb = hrr_i_malloc(ctx, ns * 6 * sizeof *w->zb);
    w->cnt = hrr_i_malloc(ctx, ns * 3 * sizeof *w->cnt);
    w->idx = hrr_i_malloc(ctx, ns * sizeof *w->idx);
    w->p = hrr_i_malloc(ctx, ns * 4 * sizeof *w->p);
    w->bal = hrr_i_malloc(ctx, ns);
    w->spconv = hrr_i_malloc(ctx, (size_t)sim->nspec + 1);
    w->susp = hrr_i_malloc(ctx, ns * sizeof *w->susp);
    w->mw = hrr_i_sim_mach_ws(sim);
    return w->mw && w->last && w->gmaj && w->bmaj && w->share && w->has && w->held && w->mem && w->endy && w->consec &&
           w->targeted && w->zb && w->cnt && w->idx && w->p && w->bal && w->spconv && w->susp;
}

static double image_at(const hrr_sim_params_t *p, int y)
{
    if (!p->image) return 0;
    return y < p->image_year ? p->image_before : p->image_after;
}

/* The United States stands in year Y's election. */
static int us_engaged(const hrr_sim_params_t *p, int y)
{
    if (!p->us_engagement) return 1;
    if (y < 2009) return 0;
    if (p->us_leave_2018 && y >= 2018 && (y < 2021 || !p->us_return_2022)) return 0;
    if (p->us_leave_2025 && y >= 2024) return 0;
    return 1;
}

/* Every member's probabilities on entry E, with the
 * group's pull and the target's lobbying; the no-shock expectations. */
static void probabilities(const hrr_sim_t *sim, ws_t *w, const sim_entry_t *e, int n, float f_all, float f_dep,
                          double *ey, double *en, double *ea, long *supporters)
{
    const size_t ns = (size_t)sim->ns;
    const int a = e->kind == FC_AMEND;
    const size_t sl = (size_t)e->slot;
    const unsigned char *last = w->last + sl * ns;
    const unsigned char *blast = e->bslot >= 0 ? w->last + (size_t)e->bslot * ns : NULL;
    const float *zs = sim->zs + e->sp_off * 3;
    const int has = w->has[sl];
    const int country = e->kind == FC_RES && e->target >= 0;
    float ec[3];
    for (int c = 0; c < 3; c++)
        ec[c] = has ? sim->w[c][HRR_FC_F_HAS_PREV] + sim->w[c][HRR_FC_F_PREV_YES_SHARE] * w->share[sl] : 0;
    const unsigned char *gm = w->gmaj + sl * SIM_NGROUP, *bm = w->bmaj + sl * FC_NBLOC;
    double lsum[4] = {0, 0, 0, 0};
    const float ks = (float)sim->p.logit_scale;
    for (int i = 0; i < n; i++) {
        int s = w->idx[i];
        const float *zb = w->zb + ((size_t)s * 2 + (size_t)a) * 3, *zt = zs + (size_t)s * 3;
        float z[3] = {zb[0] + zt[0] + ec[0], zb[1] + zt[1] + ec[1], zb[2] + zt[2] + ec[2]};
        int pv = last[s], g = sim->grp[s], b = sim->bloc[s];
        int gv = has && g >= 0 ? gm[g] : 0, bv = has && b >= 0 ? bm[b] : 0;
        int av = blast && blast[s] >= 1 && blast[s] <= 3 ? blast[s] : 0;
        for (int c = 0; c < 3; c++) {
            const float *wc = sim->w[c];
            if (pv) z[c] += wc[HRR_FC_F_SAME_YES + pv - 1];
            if (gv) z[c] += wc[HRR_FC_F_GROUP_YES + gv - 1];
            if (bv) z[c] += wc[HRR_FC_F_BLOC_YES + bv - 1];
            if (av) z[c] += wc[HRR_FC_F_BASE_YES + av - 1];
        }
        /* softmax against yes */
        for (int c = 0; c < 3; c++) z[c] *= ks;
        float mx = 0;
        for (int c = 0; c < 3; c++)
            if (z[c] > mx) mx = z[c];
        float ex0 = expf(-mx), ex[3];
        float sum = ex0;
        for (int c = 0; c < 3; c++) sum += (ex[c] = expf(z[c] - mx));
        float *pp = w->p + (size_t)i * 4;
        pp[0] = ex0 / sum, pp[1] = ex[0] / sum, pp[2] = ex[1] / sum, pp[3] = ex[2] / sum;
        if (sim->lmg[s]) for (int c = 0; c < 4; c++) lsum[c] += pp[c];
    }
    /* the Like Minded Group's pull and the target's lobbying: a shift of
     * log odds, applied to the probabilities directly */
    int lm = 0;
    if (sim->p.lmg && sim->p.lmg_pull > 0) {
        lm = lsum[0] >= lsum[1] ? (lsum[0] >= lsum[2] ? 1 : 3) : (lsum[1] >= lsum[2] ? 2 : 3);
    }
    double pull = 0;
    if (lm) {
        long nm = 0, nl = 0;
        for (int i = 0; i < n; i++) nm++, nl += sim->lmg[w->idx[i]];
        double sh = nm ? (double)nl / nm : 0, ex = sim->lmg_ref > 0 ? (sh - sim->lmg_ref) / sim->lmg_ref : 0;
        pull = sim->p.lmg_pull * (1 + sim->p.lmg_balance * ex);
        if (pull < 0) pull = 0;
    }
    const int lobby = country && sim->p.lobbying && sim->p.lobby_strength > 0;
    const float ep = (float)exp(pull), el = (float)exp(sim->p.lobby_strength);
    const int mach = f_all != 1 || f_dep != 1; /* machinery.c's factors on yes */
    double sy = 0, sn = 0, sa = 0;
    long sup = 0;
    for (int i = 0; i < n; i++) {
        int s = w->idx[i];
        float *pp = w->p + (size_t)i * 4;
        int ch = 0;
        if (lm && sim->lmg[s]) pp[lm - 1] *= ep, ch = 1;
        if (lobby && s != e->target && pp[0] > 0.25f && pp[0] < 0.75f) pp[2] *= el, ch = 1;
        if (mach && s != e->target) pp[0] *= hrr_i_sim_mach_dep(sim, s) ? f_dep : f_all, ch = 1;
        if (ch) {
            float t = pp[0] + pp[1] + pp[2] + pp[3];
            for (int c = 0; c < 4; c++) pp[c] /= t;
        }
        sy += pp[0], sn += pp[1], sa += pp[2];
        sup += pp[0] > 0.5f;
    }
    *ey = sy, *en = sn, *ea = sa, *supporters = sup;
}

/* Draw the ballots of the members with a common shock Z of the yes-against-
 * no log odds; tally into T (index by ballot). */
static void ballots(const hrr_sim_t *sim, ws_t *w, int n, double zsh, hrr_rng_t *rng, long *t)
{
    (void)sim;
    const float ez = (float)exp(-zsh); /* p_no relative to p_yes */
    t[1] = t[2] = t[3] = t[4] = 0;
    for (int i = 0; i < n; i++) {
        const float *pp = w->p + (size_t)i * 4;
        float q0 = pp[0], q1 = pp[1] * ez, q2 = pp[2], q3 = pp[3];
        float u = hrr_rng_uniform32(rng) * (q0 + q1 + q2 + q3);
        int b = u < q0 ? 1 : u < q0 + q1 ? 2 : u < q0 + q1 + q2 ? 3 : 4;
        w->bal[w->idx[i]] = (unsigned char)b;
        t[b]++;
    }
}

/* After a vote on slot SL: each member's ballot kept, majorities, shares. */
static void remember(const hrr_sim_t *sim, ws_t *w, int sl, int n)
{
    const size_t ns = (size_t)sim->ns;
    unsigned char *last = w->last + (size_t)sl * ns;
    int gc[SIM_NGROUP][4] = {{0}}, bc[FC_NBLOC][4] = {{0}}, c[4] = {0}, yes = 0, tot = 0;
    for (int i = 0; i < n; i++) {
        int s = w->idx[i], b = w->bal[s];
        last[s] = (unsigned char)b;
        int *cn = w->cnt + (size_t)s * 3;
        cn[0]++, cn[1] += b == 1, cn[2] += b == 4;
        if (b > 3) continue;
        if (sim->grp[s] >= 0) gc[sim->grp[s]][b]++;
        if (sim->bloc[s] >= 0) bc[sim->bloc[s]][b]++;
        if (sim->lmg[s]) c[b]++;
        yes += b == 1, tot++;
    }
    for (int g = 0; g < SIM_NGROUP; g++) {
        int best = 0;
        for (int b = 1; b <= 3; b++)
            if (gc[g][b] > (best ? gc[g][best] : 0)) best = b;
        w->gmaj[(size_t)sl * SIM_NGROUP + (size_t)g] = (unsigned char)best;
    }
    for (int g = 0; g < FC_NBLOC; g++) {
        int best = 0;
        for (int b = 1; b <= 3; b++)
            if (bc[g][b] > (best ? bc[g][best] : 0)) best = b;
        w->bmaj[(size_t)sl * FC_NBLOC + (size_t)g] = (unsigned char)best;
    }
    w->share[sl] = tot ? (float)yes / (float)tot : 0.5f;
    w->has[sl] = 1;
    int nl = c[1] + c[2] + c[3];
    if (nl >= 2) {
        int m = c[1] > c[2] ? c[1] : c[2];
        if (c[3] > m) m = c[3];
        w->lmg_sum += (double)m / nl, w->lmg_n++;
    }
}

/* Carried under table T: at least the least yes for (NO, AB). */
static int carried(const hrr_sim_t *sim, const short *t, long yes, long no, long ab)
{
    return no + ab < sim->n1 && yes >= t[no * sim->n1 + ab];
}

/* Entry E comes before the session: tabled or not, moved against, voted;
 * 1 when it is adopted (its yes and no in W). */
static int draft(const hrr_sim_t *sim, ws_t *w, const sim_entry_t *e, int y, int n, hrr_rng_t *rng, double *q)
{
    const int country = e->kind == FC_RES && e->target >= 0;
    double ey, en, ea;
    long sup, t[5];
    if (e->bslot >= 0 && w->held[e->bslot]) return 0; /* its text was not tabled */
    float f_all, f_dep;
    hrr_i_sim_mach_text(sim, w->mw, e, y, q, &f_all, &f_dep);
    probabilities(sim, w, e, n, f_all, f_dep, &ey, &en, &ea, &sup);
    if (country) {
        long no = lround(en), ab = lround(ea);
        double need = no + ab < sim->n1 ? sim->adopt[1][0][no * sim->n1 + ab] : sim->n1;
        int ok = sup >= sim->table_need;
        if (sim->p.anticipation) ok = ok && ey - need >= sim->p.table_margin * 47;
        if (!ok) {
            w->held[e->slot] = 1;
            return 0;
        }
    }
    double zsh = sim->p.shock > 0 ? sim->p.shock * hrr_rng_normal(rng) : 0;
    int motion = country && sim->p.no_action && hrr_rng_uniform(rng) < sim->p.p_no_action;
    ballots(sim, w, n, zsh, rng, t);
    if (motion) { /* members vote on the motion the other way from the draft */
        q[HRR_SIM_VOTES]++, q[HRR_SIM_NOACTION]++;
        if (carried(sim, sim->adopt[1][1], t[2], t[1], t[3])) {
            q[HRR_SIM_NOACTION_CARRIED]++;
            w->held[e->slot] = 1;
            return 0;
        }
    }
    q[HRR_SIM_VOTES]++;
    int ad = carried(sim, sim->adopt[country][0], t[1], t[2], t[3]);
    if (country) {
        q[HRR_SIM_COUNTRY]++, q[HRR_SIM_COUNTRY_ADOPTED] += ad;
        w->margin += (double)(t[1] - t[2]);
        long m = t[1] - (t[2] + t[3] < sim->n1 ? sim->adopt[1][0][t[2] * sim->n1 + t[3]] : sim->n1);
        if (m > -5 && m < 5) q[HRR_SIM_CLOSE]++;
        w->targeted[e->target] = (short)y;
    } else if (e->kind == FC_AMEND) {
        q[HRR_SIM_AMEND]++, q[HRR_SIM_AMEND_ADOPTED] += ad;
    }
    hrr_i_sim_mach_voted(sim, w->mw, e, y, en, t[1], t[1] + t[2] + t[3], q);
    remember(sim, w, e->slot, n);
    w->ty = t[1], w->tn = t[2];
    return ad;
}

/* Draw K distinct states of EL (NE of them) by weight PROP into OUT. */
static int pick(const hrr_sim_t *sim, int *el, int ne, int k, hrr_rng_t *rng, int *out)
{
    int got = 0;
    while (got < k && ne > 0) {
        double tot = 0;
        for (int i = 0; i < ne; i++) tot += sim->prop[el[i]];
        double u = hrr_rng_uniform(rng) * tot;
        int i = 0;
        for (; i < ne - 1; i++) {
            u -= sim->prop[el[i]];
            if (u < 0) break;
        }
        out[got++] = el[i];
        el[i] = el[--ne];
    }
    return got;
}

/* The election at the end of year Y: the members whose terms end are
 * replaced, group by group. */
static void election(const hrr_sim_t *sim, ws_t *w, int y, hrr_rng_t *rng, double *q)
{
    int seats[SIM_NGROUP], el[512], cand[64];
    hrr_i_sim_seats(seats);
    const int ns = sim->ns;
    if (!sim->p.elections) {
        for (int s = 0; s < ns; s++)
            if (w->mem[s] && w->endy[s] <= y) w->endy[s] = (short)(y + 3);
        return;
    }
    for (int g = 0; g < SIM_NGROUP; g++) {
        int cont = 0, ne = 0;
        for (int s = 0; s < ns; s++)
            if (sim->grp[s] == g && w->mem[s] && w->endy[s] > y) cont++;
        int k = seats[g] - cont;
        if (k <= 0) continue;
        for (int s = 0; s < ns && ne < (int)(sizeof el / sizeof el[0]); s++) {
            if (sim->grp[s] != g || sim->prop[s] <= 0) continue;
            if (w->mem[s] && w->endy[s] > y) continue;          /* still sitting */
            if (w->mem[s] && w->consec[s] >= 2) continue;       /* two consecutive terms */
            if (sim->p.no_candidates_under_res && w->targeted[s] >= y - 2) continue;
            if (w->susp[s] == y) continue;                      /* suspended this year */
            if (s == sim->usa && !us_engaged(&sim->p, y)) continue;
            el[ne++] = s;
        }
        int contested = ne > k && hrr_rng_uniform(rng) < sim->p.p_contested;
        int nc = pick(sim, el, ne, k + contested, rng, cand);
        if (contested && nc > k) { /* the weakest in the Assembly loses */
            int lo = 0;
            double lv = 1e300;
            for (int i = 0; i < nc; i++) {
                double v = log(sim->prop[cand[i]]) - log(-log(hrr_rng_uniform(rng)));
                if (v < lv) lv = v, lo = i;
            }
            cand[lo] = cand[--nc];
            q[HRR_SIM_CONTESTED]++;
        }
        for (int s = 0; s < ns; s++) /* the terms ending now */
            if (sim->grp[s] == g && w->mem[s] && w->endy[s] <= y) w->mem[s] = 0;
        for (int s = 0; s < ns; s++)
            if (sim->grp[s] == g && !w->mem[s] && w->endy[s] < y) w->consec[s] = 0;
        for (int i = 0; i < nc; i++) {
            int s = cand[i];
            w->consec[s] = w->endy[s] == y ? (unsigned char)(w->consec[s] + 1) : 1;
            w->mem[s] = 1;
            w->endy[s] = (short)(y + 3);
        }
    }
}

/* A member leaves in year Y: its seat to the group's likeliest candidate
 * not sitting, for the rest of the term. */
static void leave(const hrr_sim_t *sim, ws_t *w, int s)
{
    if (s < 0 || !w->mem[s]) return;
    w->mem[s] = 0;
    int best = -1;
    for (int q = 0; q < sim->ns; q++)
        if (q != s && sim->grp[q] == sim->grp[s] && !w->mem[q] && sim->prop[q] > 0 &&
            (best < 0 || sim->prop[q] > sim->prop[best]))
            best = q;
    if (best >= 0) {
        w->mem[best] = 1;
        w->endy[best] = w->endy[s];
        w->consec[best] = 1;
    }
    w->endy[s] = 0;
}

/* The Assembly suspends member S in year Y (A/RES/60/251 para 8) when two
 * thirds of its members voting say yes: the seat stays empty for the
 * rest of the year and is filled at its election. */
static int suspend(const hrr_sim_t *sim, ws_t *w, int s, int y, hrr_rng_t *rng, double *q)
{
    if (s < 0 || !w->mem[s] || !hrr_i_sim_ga_suspends(sim, s, rng)) return 0;
    w->mem[s] = 0;
    w->endy[s] = (short)y;
    w->susp[s] = (short)y;
    q[HRR_SIM_SUSPENDED]++;
    return 1;
}

/* Members expected to support a text E (P(yes) > 0.5) against the
 * convening share of the N members (A/RES/60/251 para 10). */
static int convened(const hrr_sim_t *sim, ws_t *w, const sim_entry_t *e, int n)
{
    double ey, en, ea;
    long sup;
    probabilities(sim, w, e, n, 1, 1, &ey, &en, &ea, &sup); /* no machinery factor: the convening count */
    return sup >= hrr_i_sim_convening_need(sim, n);
}

/* NC crises in session period of year Y beyond the recorded agenda: a
 * target drawn by weight, a special session when enough members are
 * expected to support a text on it, its resolution voted like a country
 * text; adopted by two thirds against a sitting member, a suspension
 * motion in the Assembly with chance p_suspension_motion. */
static int crises(const hrr_sim_t *sim, ws_t *w, int nc, int y, int n, hrr_rng_t *rng, double *q)
{
    int gone = 0;
    for (int c = 0; c < nc; c++) {
        int k = hrr_i_sim_crisis(sim, hrr_rng_uniform(rng));
        if (k < 0) continue;
        const sim_entry_t *e = &sim->e[k];
        if (!convened(sim, w, e, n)) continue;
        q[HRR_SIM_SPECIAL]++;
        int ad = draft(sim, w, e, y, n, rng, q);
        if (ad && sim->p.suspension && w->mem[e->target] && 3 * w->ty >= 2 * (w->ty + w->tn) &&
            hrr_rng_uniform(rng) < sim->p.p_suspension_motion)
            gone |= suspend(sim, w, e->target, y, rng, q);
    }
    return gone;
}

static void one_run(const hrr_sim_t *sim, ws_t *w, unsigned long seed, long r, double *out, int *trace)
{
    const size_t ns = (size_t)sim->ns, nsl = sim->nslot;
    const hrr_sim_params_t *p = &sim->p;
    hrr_rng_t rng;
    hrr_rng_init(&rng, seed, (uint64_t)r);
    memcpy(w->last, sim->last0, nsl * ns);
    memcpy(w->gmaj, sim->gmaj0, nsl * SIM_NGROUP);
    memcpy(w->bmaj, sim->bmaj0, nsl * FC_NBLOC);
    memcpy(w->share, sim->share0, nsl * sizeof *w->share);
    memcpy(w->has, sim->has0, nsl);
    memcpy(w->mem, sim->mem0, ns);
    memcpy(w->endy, sim->end0, ns * sizeof *w->endy);
    memcpy(w->consec, sim->consec0, ns);
    for (size_t s = 0; s < ns; s++) w->targeted[s] = -1000;
    memset(w->susp, 0, ns * sizeof *w->susp);
    int sr = 0; /* the next recorded suspension */
    memset(w->cnt, 0, ns * 3 * sizeof *w->cnt);
    hrr_i_sim_mach_reset(sim, w->mw, seed, r);
    size_t cur = 0;
    { /* seats the store does not fill on the start date (its memberships
       * end with the last recorded votes: 29 of 47 on 2025-01-01): the
       * election of the year before, for them only */
        int seats[SIM_NGROUP], have[SIM_NGROUP] = {0}, short_ = 0;
        hrr_i_sim_seats(seats);
        for (size_t s = 0; s < ns; s++)
            if (w->mem[s] && sim->grp[s] >= 0) have[sim->grp[s]]++;
        for (int g = 0; g < SIM_NGROUP; g++) short_ |= have[g] < seats[g];
        if (short_ && p->elections) {
            double scratch[HRR_SIM_NQ] = {0};
            election(sim, w, sim->y0 - 1, &rng, scratch);
        }
    }
    for (int yi = 0; yi < sim->ny; yi++) {
        int y = sim->y0 + yi;
        double *q = out + (size_t)yi * HRR_SIM_NQ;
        for (int k = 0; k < HRR_SIM_NQ; k++) q[k] = 0;
        w->lmg_sum = w->lmg_n = w->margin = 0;
        hrr_i_sim_mach_year(sim, w->mw, y, w->targeted, q);
        /* this year's base logits: last year's shares, the ideal point */
        for (size_t s = 0; s < ns; s++) {
            int *cn = w->cnt + s * 3;
            float ys = cn[0] ? (float)cn[1] / (float)cn[0] : sim->yes0[s];
            float as = cn[0] ? (float)cn[2] / (float)cn[0] : sim->abs0[s];
            float x = sim->xy[s * (size_t)sim->ny + (size_t)yi];
            for (int a = 0; a < 2; a++)
                for (int c = 0; c < 3; c++)
                    w->zb[(s * 2 + (size_t)a) * 3 + (size_t)c] =
                        sim->z0[(s * 2 + (size_t)a) * 3 + (size_t)c] + sim->w[c][HRR_FC_F_YES_YEAR] * ys +
                        sim->w[c][HRR_FC_F_ABSENT_YEAR] * as + (a ? sim->w[c][HRR_FC_F_X_AMEND] : sim->w[c][HRR_FC_F_X_TEXT]) * x;
            cn[0] = cn[1] = cn[2] = 0;
        }
        if (p->us_engagement && p->us_leave_2025 && y == 2025) leave(sim, w, sim->usa);
        /* the year's common factor of the drawn agenda's rates */
        double fy = p->year_sd > 0 ? exp(p->year_sd * hrr_rng_normal(&rng) - p->year_sd * p->year_sd / 2) : 1;
        double img = image_at(p, y);
        int recorded = p->recorded_agenda && y <= sim->last_rec_year && cur < sim->nrec_e;
        double am_rec = (1 - img) / fmax(1e-3, 1 - image_at(&sim->ref, y));
        double am_gen = (1 - img) / fmax(1e-3, 1 - image_at(&sim->ref, p->calib_to));
        while (cur < sim->nrec_e && sim->e[cur].year < y) cur++;
        int ncr[SIM_SESSIONS] = {0}; /* crises per session period, beyond the records */
        if (!recorded && p->special)
            for (int c = hrr_i_sim_poisson(&rng, sim->spec_rate * p->special_mult); c > 0; c--) {
                int k = (int)(hrr_rng_uniform(&rng) * SIM_SESSIONS);
                if (yi > 0 || k >= sim->k0) ncr[k < SIM_SESSIONS ? k : SIM_SESSIONS - 1]++;
            }
        for (int k = 0; k < SIM_SESSIONS; k++) {
            if (p->us_engagement && p->us_leave_2018 && y == 2018 && k == 1) leave(sim, w, sim->usa);
            if (recorded && cur < sim->nrec_e && sim->e[cur].year == y && sim->e[cur].session == k)
                for (; sr < sim->nsusp && sim->susp_date[sr] < sim->fc->it[sim->e[cur].item].date; sr++)
                    if (p->suspension) suspend(sim, w, sim->susp_state[sr], y, &rng, q); /* before the session's votes */
            int n = 0, usm = 0;
            for (size_t s = 0; s < ns; s++)
                if (w->mem[s]) w->idx[n++] = (int)s;
            if (sim->usa >= 0) usm = w->mem[sim->usa];
            if (trace) /* each group's members this session */
                for (int i = 0; i < n; i++)
                    if (sim->grp[w->idx[i]] >= 0) trace[((size_t)yi * SIM_SESSIONS + (size_t)k) * SIM_NGROUP + (size_t)sim->grp[w->idx[i]]]++;
            memset(w->held, 0, nsl);
            if (recorded) {
                /* the recorded special sessions of the period: convened
                 * under the scenario's share (those with no text to test
                 * on, as recorded) */
                for (int i = 0; i < sim->nspec; i++) {
                    const sim_special_t *sp = &sim->spec[i];
                    if (sp->year != y || sp->session != k || !sp->inrun) continue;
                    w->spconv[i] = p->special && (sp->entry < 0 || convened(sim, w, &sim->e[sp->entry], n));
                    q[HRR_SIM_SPECIAL] += w->spconv[i];
                }
                for (; cur < sim->nrec_e && sim->e[cur].year == y && sim->e[cur].session == k; cur++) {
                    const sim_entry_t *e = &sim->e[cur];
                    if (e->special && !w->spconv[e->special - 1]) continue; /* not convened */
                    if (e->kind == FC_MOTION) continue; /* motions come from the targets' strategy */
                    if (e->kind == FC_AMEND) {
                        double pa = p->amendments ? fmin(1, p->amend_mult * am_rec) : 0;
                        if (hrr_rng_uniform(&rng) >= pa) continue;
                    } else if (e->target >= 0 && e->kind == FC_RES) {
                        double pc = fmin(1, p->country_mult * (1 + p->us_tabling_lift * usm));
                        if (pc < 1 && hrr_rng_uniform(&rng) >= pc) continue;
                    } else if (p->thematic_mult < 1 && hrr_rng_uniform(&rng) >= p->thematic_mult) {
                        continue;
                    }
                    draft(sim, w, e, y, n, &rng, q);
                }
                /* less image restraint than recorded: the extra hostile
                 * amendments, drawn from the pool's (full-rate) ones */
                double extra = p->amendments ? image_at(&sim->ref, y) - img : 0;
                if (extra > 0)
                    for (size_t j = sim->nrec_e; j < sim->ne; j++) {
                        const sim_entry_t *e = &sim->e[j];
                        if (e->kind != FC_AMEND) continue;
                        double rate = e->rate * p->amend_mult * extra / fmax(1e-3, 1 - image_at(&sim->ref, p->calib_to));
                        if (hrr_rng_uniform(&rng) >= rate) continue;
                        draft(sim, w, e, y, n, &rng, q);
                    }
            } else if (yi > 0 || k >= sim->k0) { /* the sessions after the start */
                if (crises(sim, w, ncr[k], y, n, &rng, q)) /* a member suspended: the others vote on */
                    for (int i = n = 0; i < sim->ns; i++)
                        if (w->mem[i]) w->idx[n++] = i;
                for (size_t j = sim->nrec_e; j < sim->ne; j++) {
                    const sim_entry_t *e = &sim->e[j];
                    if (e->kind == FC_MOTION) continue;
                    double rate = e->rate * fy;
                    if (e->kind == FC_AMEND) rate *= p->amendments ? p->amend_mult * am_gen : 0;
                    else if (e->target >= 0 && e->kind == FC_RES) rate *= p->country_mult * (1 + p->us_tabling_lift * usm);
                    else rate *= p->thematic_mult;
                    if (hrr_rng_uniform(&rng) >= rate) continue;
                    draft(sim, w, e, y, n, &rng, q);
                }
            }
        }
        if (recorded) while (cur < sim->nrec_e && sim->e[cur].year == y) cur++;
        for (; sr < sim->nsusp && sim->susp_date[sr] / 10000 <= y; sr++) /* after the year's last vote */
            if (recorded && p->suspension) suspend(sim, w, sim->susp_state[sr], y, &rng, q);
        election(sim, w, y, &rng, q);
        q[HRR_SIM_SHARE_ADOPTED] = q[HRR_SIM_COUNTRY] > 0 ? q[HRR_SIM_COUNTRY_ADOPTED] / q[HRR_SIM_COUNTRY] : NAN;
        q[HRR_SIM_MARGIN] = q[HRR_SIM_COUNTRY] > 0 ? w->margin / q[HRR_SIM_COUNTRY] : NAN;
        q[HRR_SIM_LMG] = w->lmg_n > 0 ? w->lmg_sum / w->lmg_n : NAN;
        hrr_i_sim_mach_year_end(sim, w->mw, q);
    }
}

hrr_err_t hrr_sim_run(hrr_sim_t *sim, long r0, long r1, unsigned long seed, int threads, double *out,
                      void (*progress)(void *ud, long done, long total), void *ud)
{
    if (r1 < r0) return hrr_i_seterr(sim->st, HRR_EINVAL, "runs %ld..%ld: the end is before the start", r0, r1);
    int failed = 0;
    long done = 0, total = r1 - r0;
    const size_t stride = (size_t)sim->ny * HRR_SIM_NQ;
#pragma omp parallel num_threads(threads > 0 ? threads : omp_get_max_threads()) reduction(| : failed)
    {
        ws_t w;
        int ok = ws_alloc(sim, &w);
        if (!ok) failed = 1;
#pragma omp for schedule(dynamic, 1)
        for (long r = r0; r < r1; r++) {
            if (!ok) continue;
            one_run(sim, &w, seed, r, out + (size_t)(r - r0) * stride, NULL);
            long d;
#pragma omp atomic capture
            d = ++done;
            if (progress && omp_get_thread_num() == 0) progress(ud, d, total);
        }
        ws_free(sim, &w);
    }
    if (failed) return hrr_i_seterr(sim->st, HRR_ENOMEM, "out of memory");
    if (progress) progress(ud, total, total);
    return HRR_OK;
}

hrr_err_t hrr_i_sim_trace(const hrr_sim_t *sim, unsigned long seed, long r, double *out, int *members)
{
    ws_t w;
    hrr_err_t rc = HRR_OK;
    memset(members, 0, (size_t)sim->ny * SIM_SESSIONS * SIM_NGROUP * sizeof *members);
    if (!ws_alloc(sim, &w)) rc = hrr_i_seterr(sim->st, HRR_ENOMEM, "out of memory");
    else one_run(sim, &w, seed, r, out, members);
    ws_free(sim, &w);
    return rc;
}
