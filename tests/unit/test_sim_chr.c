/* test_sim_chr.c - the simulation's Commission era (src/sim/commission.c,
 * docs/simulation.md "The Commission era (before 2006)"): the first year
 * the store supports and the error for an earlier one, each year's members
 * by regional group against SQL on the store's memberships, the recorded
 * quantities of the 1990s against SQL counts, runs bit-for-bit the same on
 * 1 and 2 threads with the Council's years those of a run started in 2006,
 * the out-of-sample band on 2002-2005, and the no-action what-if. */
#include "harness.h"
#include "sim_fixture.h"
#include "sim/simi.h"
#include "core/core.h"

#include <math.h>

/* A run 1993-2008: each Commission year's members per group are the
 * store's (memberships org CHR on July 1, by the states' groups), in its
 * one session; the Council's years fill its 47 seats in each of three. */
static void test_chr_members(void)
{
    static const char *const grp[SIM_NGROUP] = {"AFRICAN", "ASIA_PACIFIC", "EEG", "GRULAC", "WEOG"};
    char path[256], sql[512];
    hrr_store_t *st = data_store(path);
    hrr_sim_params_t p;
    hrr_sim_t *sim = NULL;
    int first = 0, seats[SIM_NGROUP];
    hrr_i_sim_seats(seats);
    CHECK(hrr_i_sim_chr_first_year(st, &first) == HRR_OK);
    CHECK_EQ_LONG(first, 1993); /* 1992: 55 states voted (rules/chr.json) */
    hrr_sim_params_default(&p);
    p.start_year = 1993, p.years = 16;
    CHECK(hrr_sim_open(st, &p, &sim) == HRR_OK);
    if (!sim) goto out;
    int *m = calloc((size_t)p.years * SIM_SESSIONS * SIM_NGROUP, sizeof *m);
    double *o = calloc((size_t)p.years * HRR_SIM_NQ, sizeof *o);
    CHECK(hrr_i_sim_trace(sim, 3, 0, o, m) == HRR_OK);
    long bad = 0, total = 0;
    for (int y = 1993; y <= 2008; y++)
        for (int k = 0; k < SIM_SESSIONS; k++)
            for (int g = 0; g < SIM_NGROUP; g++) {
                int got = m[((y - 1993) * SIM_SESSIONS + k) * SIM_NGROUP + g];
                long want = y >= 2006 ? seats[g] : 0;
                if (y < 2006 && k == 0) {
                    snprintf(sql, sizeof sql,
                             "SELECT count(*) FROM memberships m JOIN memberships g ON g.state_id=m.state_id"
                             " AND g.org='%s' WHERE m.org='CHR' AND m.start_date<='%d-07-01' AND m.end_date>'%d-07-01'",
                             grp[g], y, y);
                    want = sql_long(st, sql);
                }
                if (got != want) fprintf(stderr, "%d session %d %s: %d members, want %ld\n", y, k, grp[g], got, want);
                bad += got != want, total += got;
            }
    CHECK_EQ_LONG(bad, 0);
    CHECK_EQ_LONG(total, 13 * 53 + 3 * 3 * 47);
    free(m);
    free(o);
    /* drawn agendas from 1997 (no rosters from the store): ECOSOC's
     * elections keep the 53 seats by group filled through 2005 */
    hrr_sim_free(sim);
    hrr_sim_params_default(&p);
    p.start_year = 1997, p.years = 9, p.recorded_agenda = 0;
    CHECK(hrr_sim_open(st, &p, &sim) == HRR_OK);
    if (!sim) goto out;
    {
        static const int chr_seats[SIM_NGROUP] = {15, 12, 5, 11, 10}; /* E/RES/1990/48 */
        int *mm = calloc((size_t)p.years * SIM_SESSIONS * SIM_NGROUP, sizeof *mm);
        double *oo = calloc((size_t)p.years * HRR_SIM_NQ, sizeof *oo);
        long wrong = 0;
        for (long r = 0; r < 4; r++) {
            CHECK(hrr_i_sim_trace(sim, 5, r, oo, mm) == HRR_OK);
            for (int y = 0; y < p.years; y++)
                for (int g = 0; g < SIM_NGROUP; g++) wrong += mm[(y * SIM_SESSIONS) * SIM_NGROUP + g] != chr_seats[g];
        }
        CHECK_EQ_LONG(wrong, 0);
        free(mm);
        free(oo);
    }
out:
    hrr_sim_free(sim);
    hrr_store_close(st);
}

/* The recorded quantities of the Commission's years against SQL. */
static void test_chr_recorded(void)
{
    char path[256];
    hrr_store_t *st = data_store(path);
    hrr_sim_params_t p;
    hrr_sim_t *sim = NULL;
    hrr_sim_params_default(&p);
    p.start_year = 1993, p.years = 13;
    CHECK(hrr_sim_open(st, &p, &sim) == HRR_OK);
    if (!sim) goto out;
    CHECK_EQ_LONG(hrr_sim_recorded(sim, 1995, HRR_SIM_COUNTRY),
                  sql_long(st, "SELECT count(*) FROM items WHERE body='CHR' AND vote_type='RECORDED' AND kind='resolution'"
                               " AND scope='country' AND date LIKE '1995%'"));
    CHECK_EQ_LONG(hrr_sim_recorded(sim, 1999, HRR_SIM_VOTES),
                  sql_long(st, "SELECT count(*) FROM items i WHERE body='CHR' AND date LIKE '1999%'"
                               " AND EXISTS (SELECT 1 FROM ballots b WHERE b.item_id=i.id)"));
    CHECK_EQ_LONG(hrr_sim_recorded(sim, 1993, HRR_SIM_NOACTION),
                  sql_long(st, "SELECT count(*) FROM items WHERE body='CHR' AND kind='motion' AND date LIKE '1993%'"));
    /* this store's counts (docs/simulation.md) */
    CHECK_EQ_LONG(hrr_sim_recorded(sim, 1995, HRR_SIM_COUNTRY), 10);
    CHECK_EQ_LONG(hrr_sim_recorded(sim, 1999, HRR_SIM_VOTES), 26);
    CHECK_EQ_LONG(hrr_sim_recorded(sim, 1994, HRR_SIM_NOACTION), 1);
    CHECK_EQ_LONG(hrr_sim_recorded(sim, 1994, HRR_SIM_NOACTION_CARRIED), 1); /* E/CN.4/DEC/1994/108 */
    CHECK(isnan(hrr_sim_recorded(sim, 1996, HRR_SIM_NOACTION)));           /* the known gap */
    CHECK_EQ_LONG(hrr_sim_recorded(sim, 2005, HRR_SIM_NOACTION), 0);
    CHECK(isnan(hrr_sim_recorded(sim, 2000, HRR_SIM_CONTESTED)));          /* no ECOSOC elections */
    CHECK(hrr_sim_recorded(sim, 2000, HRR_SIM_LMG) > 0.5 && hrr_sim_recorded(sim, 2000, HRR_SIM_LMG) <= 1);
    /* the recorded motions are played: every run moves them */
    double *o = calloc((size_t)13 * 8 * HRR_SIM_NQ, sizeof *o);
    CHECK(hrr_sim_run(sim, 0, 8, 1, 1, o, NULL, NULL) == HRR_OK);
    long moved = 0;
    for (int r = 0; r < 8; r++) moved += (long)o[((size_t)r * 13 + 1) * HRR_SIM_NQ + HRR_SIM_NOACTION];
    CHECK_EQ_LONG(moved, 8);
    free(o);
out:
    hrr_sim_free(sim);
    hrr_store_close(st);
}

/* A start before the first supported year: an error naming it. */
static void test_chr_bad_start(void)
{
    char path[256];
    hrr_store_t *st = data_store(path);
    hrr_sim_params_t p;
    hrr_sim_t *sim = NULL;
    hrr_sim_params_default(&p);
    p.start_year = 1985, p.years = 5;
    CHECK(hrr_sim_open(st, &p, &sim) == HRR_EINVAL);
    CHECK(sim == NULL);
    CHECK_HAS(hrr_store_errmsg(st), "start_year 1985: the store's Commission records support runs from 1993");
    p.start_year = 1992;
    CHECK(hrr_sim_open(st, &p, &sim) == HRR_EINVAL);
    CHECK_HAS(hrr_store_errmsg(st), "from 1993");
    /* a day before the Council: the Commission's runs start on January 1 */
    p.start_year = 1995, p.start_date = 19950301;
    CHECK(hrr_sim_open(st, &p, &sim) == HRR_EINVAL);
    CHECK_HAS(hrr_store_errmsg(st), "start date 1995-03-01 is before the Council's first day");
    hrr_store_close(st);
}

/* The same seed: the same numbers on 1 and 2 threads and split runs; the
 * Council's years (2006-) are those of a run started in 2006, the
 * Commission's those of a run that ends in 2005. */
static void test_chr_determinism(void)
{
    char path[256];
    hrr_store_t *st = data_store(path);
    hrr_sim_params_t p, q;
    hrr_sim_t *sim = NULL, *hrc = NULL;
    hrr_sim_params_default(&p);
    q = p;
    p.start_year = 2001, p.years = 8;
    q.start_year = 2006, q.years = 3;
    CHECK(hrr_sim_open(st, &p, &sim) == HRR_OK);
    CHECK(hrr_sim_open(st, &q, &hrc) == HRR_OK);
    if (!sim || !hrc) goto out;
    long runs = 10;
    size_t n = (size_t)runs * 8 * HRR_SIM_NQ;
    double *a = calloc(n, sizeof *a), *b = calloc(n, sizeof *b), *c = calloc(n, sizeof *c);
    double *h = calloc((size_t)runs * 5 * HRR_SIM_NQ, sizeof *h); /* 3 Council or 5 Commission years */
    CHECK(hrr_sim_run(sim, 0, runs, 7, 1, a, NULL, NULL) == HRR_OK);
    CHECK(hrr_sim_run(sim, 0, runs, 7, 2, b, NULL, NULL) == HRR_OK);
    CHECK(memcmp(a, b, n * sizeof *a) == 0);
    CHECK(hrr_sim_run(sim, 0, 4, 7, 2, c, NULL, NULL) == HRR_OK);
    CHECK(hrr_sim_run(sim, 4, runs, 7, 1, c + (size_t)4 * 8 * HRR_SIM_NQ, NULL, NULL) == HRR_OK);
    CHECK(memcmp(a, c, n * sizeof *a) == 0);
    CHECK(hrr_sim_run(sim, 0, runs, 8, 1, c, NULL, NULL) == HRR_OK);
    CHECK(memcmp(a, c, n * sizeof *a) != 0);
    CHECK(hrr_sim_run(hrc, 0, runs, 7, 1, h, NULL, NULL) == HRR_OK);
    long same = 0;
    for (long r = 0; r < runs; r++)
        same += memcmp(a + ((size_t)r * 8 + 5) * HRR_SIM_NQ, h + (size_t)r * 3 * HRR_SIM_NQ, 3 * HRR_SIM_NQ * sizeof *a) == 0;
    CHECK_EQ_LONG(same, runs);
    /* and its Commission years those of a run that ends in 2005 */
    hrr_sim_free(hrc);
    q.start_year = 2001, q.years = 5;
    CHECK(hrr_sim_open(st, &q, &hrc) == HRR_OK);
    same = 0;
    if (hrc && hrr_sim_run(hrc, 0, runs, 7, 2, h, NULL, NULL) == HRR_OK)
        for (long r = 0; r < runs; r++)
            same += memcmp(a + (size_t)r * 8 * HRR_SIM_NQ, h + (size_t)r * 5 * HRR_SIM_NQ, 5 * HRR_SIM_NQ * sizeof *a) == 0;
    CHECK_EQ_LONG(same, runs);
    /* and the Commission's years are its own: one session's recorded votes */
    CHECK(a[HRR_SIM_VOTES] >= hrr_sim_recorded(sim, 2001, HRR_SIM_VOTES) - 3);
    CHECK(a[HRR_SIM_VOTES] <= hrr_sim_recorded(sim, 2001, HRR_SIM_VOTES) + 6);
    free(a);
    free(b);
    free(c);
    free(h);
out:
    hrr_sim_free(sim);
    hrr_sim_free(hrc);
    hrr_store_close(st);
}

/* Out of sample: started on 2002-01-01 from the store's members then, the
 * agenda drawn from the rates of 1996-2001, the model trained on the
 * Commission's votes before 2002, ECOSOC's elections simulated: at least
 * 80% of the recorded quantities of 2002-2005 inside the 90% intervals
 * (200 runs, seed 1). */
static void test_chr_validation(void)
{
    char path[256];
    hrr_store_t *st = data_store(path);
    hrr_sim_params_t p;
    hrr_sim_params_default(&p);
    p.start_year = p.chr_calib_to + 1, p.years = 2005 - p.chr_calib_to, p.recorded_agenda = 0;
    CHECK_EQ_LONG(p.start_year, 2002);
    long total, in = sim_coverage(st, &p, 200, &total);
    fprintf(stderr, "Commission validation 2002-2005: %ld of %ld inside\n", in, total);
    CHECK(total >= 36); /* 10 quantities x 4 years, less no-action 2002-2004 (the gap) */
    CHECK(in * 100 >= 80 * total);
    hrr_store_close(st);
}

/* No no-action motions at the Commission: the drafts on China of 1993 and
 * 1994 come to the vote (one more country text voted each year in every
 * run), and lose (their members vote the other way from the motions that
 * carried): no more country texts adopted in the median. */
static void test_chr_whatif(void)
{
    char path[256];
    hrr_store_t *st = data_store(path);
    hrr_sim_params_t b, c;
    hrr_sim_summary_t *sm = NULL;
    long runs = 40;
    size_t n = (size_t)runs * 2 * HRR_SIM_NQ;
    double *ob = calloc(n, sizeof *ob), *oc = calloc(n, sizeof *oc);
    hrr_sim_params_default(&b);
    b.start_year = 1993, b.years = 2;
    c = b;
    c.no_action = 0;
    if (!sim_runs(st, &b, runs, 3, ob) || !(sm = sim_against(st, &c, runs, 3, "commission", ob, oc)))
        goto out;
    CHECK(sm->tmed[HRR_SIM_NOACTION] == 0 && sm->trec[HRR_SIM_NOACTION] == 2);
    CHECK(sm->tbmed[HRR_SIM_COUNTRY] == 2);
    CHECK(sm->tbmed[HRR_SIM_COUNTRY_ADOPTED] <= 0.5);
    CHECK(sm->tbmed[HRR_SIM_MARGIN] < 0);
out:
    hrr_sim_summary_free(sm);
    free(ob);
    free(oc);
    hrr_store_close(st);
}

/* Out of memory at the n-th allocation (n doubling) in a Commission-only
 * machine and in one that passes to the Council: HRR_ENOMEM and nothing
 * out, nothing leaked (the sanitizer build checks), until it succeeds; a
 * run whose workspaces cannot be allocated fails the same way. */
static void test_chr_nomem(void)
{
    char path[256];
    hrr_store_t *st = data_store(path);
    hrr_ctx_t *ctx = hrr_store_ctx(st);
    hrr_sim_params_t p;
    hrr_sim_t *sim = NULL;
    for (int pass = 0; pass < 2; pass++) {
        hrr_sim_params_default(&p);
        p.start_year = 2004, p.years = pass ? 3 : 2;
        int ok = 0;
        for (long n = 0; n < (1L << 26) && !ok; n = n ? 2 * n : 1) {
            hrr_i_ctx_fail_after(ctx, n);
            hrr_err_t rc = hrr_sim_open(st, &p, &sim);
            hrr_i_ctx_fail_after(ctx, -1);
            CHECK((rc == HRR_OK && sim) || (rc == HRR_ENOMEM && !sim));
            ok = rc == HRR_OK;
            if (!ok) continue;
            double o[2 * 3 * HRR_SIM_NQ];
            for (long k = 0; k < 64; k++) { /* every allocation of the workspaces */
                hrr_i_ctx_fail_after(ctx, k);
                rc = hrr_sim_run(sim, 0, 2, 1, 1, o, NULL, NULL);
                hrr_i_ctx_fail_after(ctx, -1);
                if (rc == HRR_OK) break;
                CHECK(rc == HRR_ENOMEM);
            }
            CHECK(hrr_sim_run(sim, 0, 2, 1, 1, o, NULL, NULL) == HRR_OK);
            hrr_sim_free(sim);
        }
        CHECK(ok);
    }
    hrr_store_close(st);
}

int main(int argc, char **argv)
{
    harness_init(argc, argv);
    RUN_DATA(test_chr_members);
    RUN_DATA(test_chr_recorded);
    RUN_DATA(test_chr_bad_start);
    RUN_DATA(test_chr_determinism);
    RUN_DATA(test_chr_validation);
    RUN_DATA(test_chr_whatif);
    RUN_DATA(test_chr_nomem);
    return harness_done();
}
