/*
 * commission.c - the Commission era: runs that start before 2006 simulate
 * the Commission on Human Rights with the same machine and its own rules,
 * then pass to the Council in 2006 (docs/simulation.md, "The Commission
 * era (before 2006)").
 *
 * The Commission's machine (era k_chr) differs from the Council's in what
 * the records and its rules say: 53 members from 1992, by regional group
 * 15 African, 12 Asia-Pacific, 11 GRULAC, 10 WEOG, 5 EEG (E/RES/1990/48,
 * as rules/chr.json records); one regular session a year (every vote of a
 * year is one session's agenda, special sessions included); decisions
 * under rules/chr.json (E/5975/Rev.1 rule 58: majority of those present
 * and voting, for texts and no-action motions alike); elections by group
 * with the Council's election code, for three-year terms and with no term
 * limit (an assumption: the store's memberships are runs of years, which
 * show no terms, and the rule set has no limit); the Like Minded Group as China's statement of
 * 2005 names it (memberships org LMG2005); the forecast model trained on
 * the Commission's recorded votes (hrr_fc_open on body CHR). In the years
 * the store records, the members are the store's of that year (derived
 * from the Commission's ballots) and the recorded no-action motions are
 * played as recorded (run.c, recorded_motion); in 1995-2004, a known gap
 * of the data (no source of China's motions then: ../shared/data/README.md),
 * motions are drawn with chr_p_no_action and the recorded counts are
 * unknown. From 2006 the run is the Council's machine, from its first
 * members as the store records them on 2006-06-19.
 */
#include "simi.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const sim_era_t k_chr = {.body = "CHR", .lmg_org = "LMG2005", .members = 53, .seats = {15, 12, 5, 11, 10},
                                .sessions = 1, .term_limit = 0, .first_day = 0, .stream = (uint64_t)1 << 42};

/* The years without a source for China's no-action motions. */
#define GAP_FROM 1995
#define GAP_TO 2004

hrr_err_t hrr_i_sim_chr_first_year(hrr_store_t *st, int *year)
{
    /* each year to 2005: its recorded votes, and its members by group on
     * July 1 (the store's Commission memberships run by calendar year) */
    static const char *const sql =
        "WITH RECURSIVE y(y) AS (SELECT 1946 UNION ALL SELECT y + 1 FROM y WHERE y < 2005)"
        " SELECT y.y, (SELECT count(*) FROM items i WHERE i.body='CHR' AND i.vote_type='RECORDED'"
        "  AND i.date >= printf('%04d', y.y) AND i.date < printf('%04d', y.y + 1)),"
        " count(m.state_id), sum(g.org='AFRICAN'), sum(g.org='ASIA_PACIFIC'), sum(g.org='EEG'),"
        " sum(g.org='GRULAC'), sum(g.org='WEOG')"
        " FROM y LEFT JOIN memberships m ON m.org='CHR' AND m.start_date <= printf('%04d-07-01', y.y)"
        "  AND (m.end_date IS NULL OR m.end_date > printf('%04d-07-01', y.y))"
        " LEFT JOIN memberships g ON g.state_id=m.state_id AND g.org IN ('AFRICAN','ASIA_PACIFIC','EEG','GRULAC','WEOG')"
        " GROUP BY y.y ORDER BY y.y DESC";
    sqlite3_stmt *s = NULL;
    bool row;
    hrr_err_t rc;
    *year = 0;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) return hrr_i_dberr(st, "prepare");
    while (!(rc = hrr_i_step(st, s, &row)) && row) {
        int ok = sqlite3_column_int(s, 1) > 0 && sqlite3_column_int(s, 2) == k_chr.members;
        for (int g = 0; g < SIM_NGROUP && ok; g++) ok = sqlite3_column_int(s, 3 + g) == k_chr.seats[g];
        if (!ok) break;
        *year = sqlite3_column_int(s, 0);
    }
    sqlite3_finalize(s);
    if (rc) return rc;
    if (!*year)
        return hrr_i_seterr(st, HRR_ENOTFOUND,
                            "the store's Commission records do not fill its 53 seats by group in 2005 (import ohchr-voting)");
    return HRR_OK;
}

/* The Commission's own state once its machine is built: each member's
 * term on the start date (three-year terms counted from the start of its
 * run of years: the store's runs join consecutive terms and their ends are
 * the future), the store's members of each year, the years whose motions
 * are recorded, and the recorded motions unknown in the gap. */
static hrr_err_t chr_state(hrr_sim_t *c)
{
    hrr_fc_t *fc = c->fc;
    size_t ns = (size_t)c->ns;
    int date = c->y0 * 10000 + 101;
    c->mem_year = hrr_i_calloc(c->ctx, (size_t)c->ny * ns, 1);
    c->mknown = hrr_i_calloc(c->ctx, (size_t)c->ny, 1);
    if (!c->mem_year || !c->mknown) return hrr_i_seterr(c->st, HRR_ENOMEM, "out of memory");
    for (size_t k = 0; k < fc->nterms; k++) {
        const struct fc_term *t = &fc->terms[k];
        if (t->s < 0 || t->s >= c->ns) continue;
        for (int y = 0; y < c->ny; y++) {
            int d = (c->y0 + y) * 10000 + 701;
            if (t->from <= d && (!t->to || t->to > d)) c->mem_year[(size_t)y * ns + (size_t)t->s] = 1;
        }
        if (t->from <= date && (!t->to || t->to > date)) {
            int a = t->from / 10000;
            c->end0[t->s] = (short)(a + 3 * ((c->y0 - a) / 3 + 1) - 1);
        }
    }
    for (int y = 0; y < c->ny; y++) {
        int yr = c->y0 + y;
        int gap = yr >= GAP_FROM && yr <= GAP_TO;
        double *r = c->rec + (size_t)y * HRR_SIM_NQ;
        c->mknown[y] = c->p.recorded_agenda && yr <= c->last_rec_year && !gap;
        if (gap) r[HRR_SIM_NOACTION] = r[HRR_SIM_NOACTION_CARRIED] = NAN;
        /* the Council's institutions, not the Commission's (its special
         * sessions' votes are in its agenda) */
        r[HRR_SIM_SPECIAL] = r[HRR_SIM_SUSPENDED] = NAN;
        for (int q = HRR_SIM_UPR_RECS; q <= HRR_SIM_NGO_DEFERRED; q++) r[q] = NAN; /* machinery.c's: off */
    }
    return HRR_OK;
}

hrr_err_t hrr_i_sim_open_commission(hrr_store_t *st, const hrr_sim_params_t *p, hrr_sim_t **out)
{
    int first;
    *out = NULL;
    if (p->start_date)
        return hrr_i_seterr(st, HRR_EINVAL,
                            "start date %04d-%02d-%02d is before the Council's first day (2006-06-19): a run of the"
                            " Commission starts on January 1 of a year (--from YYYY)",
                            p->start_date / 10000, p->start_date / 100 % 100, p->start_date % 100);
    hrr_err_t rc = hrr_i_sim_chr_first_year(st, &first);
    if (rc) return rc;
    if (p->start_year < first)
        return hrr_i_seterr(st, HRR_EINVAL,
                            "start_year %d: the store's Commission records support runs from %d (the first year from which"
                            " every year has recorded votes and members filling the 53 seats by group of E/RES/1990/48)",
                            p->start_year, first);
    const int council = SIM_COUNCIL_DAY / 10000;
    hrr_sim_params_t pc = *p;
    snprintf(pc.rules, sizeof pc.rules, "chr");
    pc.calib_from = p->chr_calib_from, pc.calib_to = p->chr_calib_to;
    pc.years = p->start_year + p->years > council ? council - p->start_year : p->years;
    pc.p_no_action = p->chr_p_no_action;
    pc.p_contested = p->chr_p_contested;
    pc.us_engagement = 0; /* its periods are the Council's */
    pc.special = 0, pc.suspension = 0; /* the Council's (A/RES/60/251 paras 8, 10): the
                                        * Commission's special sessions are in its agenda */
    /* the rest of the machinery (machinery.c) is the Council era's: the UPR
     * from 2008 (A/RES/60/251 para 5(e)), the other mechanisms' values
     * chosen for the Council; the Commission era models the votes */
    pc.upr = pc.ratify = pc.concessions = pc.joint_statements = pc.trade = 0;
    pc.visits = pc.aligned_experts = pc.ngo_deferrals = 0;
    pc.report_rate = 0, pc.info_lift = 0; /* no information term on the votes */
    pc.logit_scale = p->chr_logit_scale, pc.lmg_pull = p->chr_lmg_pull;
    hrr_sim_t *c = NULL, *sim = NULL;
    if ((rc = hrr_i_sim_open_era(st, &pc, &k_chr, &c))) return rc;
    if ((rc = chr_state(c))) goto fail;
    if (pc.years == p->years) { /* the run ends before the Council */
        *out = c;
        return HRR_OK;
    }
    if ((rc = hrr_i_sim_open_era(st, p, &hrr_i_sim_council, &sim))) goto fail;
    sim->chr = c;
    memcpy(sim->rec, c->rec, (size_t)c->ny * HRR_SIM_NQ * sizeof *sim->rec);
    *out = sim;
    return HRR_OK;
fail:
    hrr_sim_free(c);
    return rc;
}
