/*
 * test_profile.c - a state's profile and two states compared: a small
 * Council worked by hand (the group majority with dated memberships, a
 * tie, the state itself left out; agreement and the differing votes), then
 * China on the real records: a country text's tally from the Commission's
 * 1990 decision, its treaties (CAT 1988; the ICCPR signed, not ratified),
 * its UPR recommendations and its agreement with the EU's majority against
 * the same figures computed another way in SQL, and China against the
 * United States on the Council in 2017 recomputed by SQL.
 */
#include "harness.h"
#include "hrr/profile.h"
#include "core/core.h"

#include <math.h>

/* Four Council items of 2007. Votes (1 yes, 2 no, 3 abstain, 4 absent):
 *        i1 i2 i3 i4
 *   CHN   1  2  3  4
 *   FRA   1  1  2  1     EU members: FRA, DEU from the start, ITA from
 *   DEU   1  2  2  1     2008 (so not on these items), CHN (left out: its
 *   ITA   2  2  3  1     own ballot never makes the majority)
 * EU majority: i1 yes (FRA, DEU), i2 none (a tie, 1-1: ITA does not count),
 * i3 no; i4 China absent. So n 2, same 1 (i1).
 * CHN against FRA: i1 same, i2 no-yes opposed, i3 abstain-no (half); n 3,
 * agree 1/3, agree_half 1.5/3; differed: i2 (opposed) before i3. */
static void test_hand(void)
{
    char path[256];
    hrr_store_t *st = open_store(tmp_store(path));
    sql_exec(st, "INSERT INTO imports(id,path,sha256,format,started) VALUES(1,'t','x','fixture','now');"
             "INSERT INTO items(id,key,body,symbol,date,kind,subject) VALUES"
             "(1,'i1','HRC','S/1','2007-03-01','resolution','HUMAN RIGHTS - ETHIOPIA'),"
             "(2,'i2','HRC','S/2','2007-03-02','resolution','HUMAN RIGHTS'),"
             "(3,'i3','HRC','S/3','2007-03-03','resolution',NULL),"
             "(4,'i4','HRC','S/4','2007-03-04','resolution',NULL);"
             "DELETE FROM memberships WHERE org='EU';"
             "INSERT INTO memberships(state_id,org,start_date) SELECT id,'EU',"
             " CASE iso3 WHEN 'ITA' THEN '2008-01-01' ELSE '' END FROM states"
             " WHERE iso3 IN ('FRA','DEU','ITA','CHN');");
    static const char *const v[] = {"CHN", "1234", "FRA", "1121", "DEU", "1221", "ITA", "2231"};
    for (int s = 0; s < 4; s++)
        for (int i = 0; i < 4; i++) {
            char sql[256];
            snprintf(sql, sizeof sql, "INSERT INTO ballots VALUES(%d,(SELECT id FROM states"
                     " WHERE iso3='%s'),%c,1)", i + 1, v[2 * s], v[2 * s + 1][i]);
            sql_exec(st, sql);
        }
    hrr_profile_opts_t o = {.body = "hrc", .no_ideal = 1};
    hrr_profile_t *p = NULL;
    CHECK(hrr_profile_get(st, "chn", &o, &p) == HRR_OK);
    CHECK(p && !strcmp(p->iso3, "CHN") && p->nrecords == 1);
    if (p && p->nrecords == 1) {
        const hrr_profile_record_t *r = &p->records[0];
        CHECK(!strcmp(r->body, "HRC") && r->items == 4 && r->yes == 1 && r->no == 1 &&
              r->abstain == 1 && r->absent == 1);
        CHECK_STR(r->first, "2007-03-01");
        CHECK_STR(r->last, "2007-03-03");
    }
    int seen = 0;
    for (size_t i = 0; p && i < p->nagree; i++)
        if (!strcmp(p->agree[i].group, "EU")) {
            seen++;
            CHECK(p->agree[i].year == 2007 && p->agree[i].n == 2 && p->agree[i].same == 1 &&
                  p->agree[i].share == 0.5);
        }
    CHECK(seen == 1);
    /* the memberships as stored (the store's own LMG lists are there too) */
    CHECK(p && p->nmembers >= 1 && !strcmp(p->members[0].org, "EU") && !p->members[0].start &&
          !p->members[0].end);
    hrr_profile_free(p);
    CHECK(hrr_profile_get(st, "XXX", NULL, &p) == HRR_ENOTFOUND && !p);
    CHECK_HAS(hrr_store_errmsg(st), "no state 'XXX'");
    o.body = "GA3";
    CHECK(hrr_profile_get(st, "CHN", &o, &p) == HRR_EINVAL && !p);
    o.body = "NOPE";
    CHECK(hrr_profile_get(st, "CHN", &o, &p) == HRR_ENOTFOUND && !p);

    hrr_scope_opts_t sc = {"HRC", 0, 0};
    hrr_compare_t *c = NULL;
    CHECK(hrr_compare_get(st, "CHN", "FRA", &sc, 0, &c) == HRR_OK);
    CHECK(c && c->all.n == 3 && c->all.same == 1 && c->all.opposed == 1);
    CHECK(c && fabs(c->all.agree - 1.0 / 3) < 1e-12 && c->all.agree_half == 0.5);
    CHECK(c && c->nyears == 1 && c->years[0].year == 2007 && c->years[0].n == 3);
    CHECK(c && c->nsubjects == 2 && !strcmp(c->subjects[0].subject, "HUMAN RIGHTS") &&
          c->subjects[0].n == 2 && !strcmp(c->subjects[1].subject, "(none)"));
    CHECK(c && c->ndiffs == 2 && !strcmp(c->diffs[0].symbol, "S/2") && c->diffs[0].opposed &&
          !strcmp(c->diffs[1].symbol, "S/3") && !c->diffs[1].opposed);
    hrr_compare_free(c);
    CHECK(hrr_compare_get(st, "CHN", "FRA", &sc, 1, &c) == HRR_OK);
    CHECK(c && c->ndiffs == 1 && !strcmp(c->diffs[0].symbol, "S/2"));
    hrr_compare_free(c);
    sc.from = 2008;
    CHECK(hrr_compare_get(st, "CHN", "FRA", &sc, 0, &c) == HRR_OK);
    CHECK(c && c->all.n == 0 && isnan(c->all.agree) && c->nyears == 0);
    hrr_compare_free(c);
    CHECK(hrr_compare_get(st, "CHN", "ZZZ", &sc, 0, &c) == HRR_ENOTFOUND && !c);
    sc.body = "XX";
    CHECK(hrr_compare_get(st, "CHN", "FRA", &sc, 0, &c) == HRR_ENOTFOUND && !c);
    /* out of memory at every allocation in turn: HRR_ENOMEM, nothing out,
     * nothing leaked (the sanitizer build checks), until both succeed */
    sc.body = "HRC";
    sc.from = 0;
    int done[2] = {0, 0};
    for (long n = 0; n < 5000 && !(done[0] && done[1]); n++) {
        hrr_i_ctx_fail_after(hrr_store_ctx(st), n);
        hrr_err_t r1 = hrr_profile_get(st, "CHN", NULL, &p);
        hrr_i_ctx_fail_after(hrr_store_ctx(st), n);
        hrr_err_t r2 = hrr_compare_get(st, "CHN", "FRA", &sc, 0, &c);
        hrr_i_ctx_fail_after(hrr_store_ctx(st), -1);
        CHECK((r1 == HRR_OK && p) || (r1 == HRR_ENOMEM && !p));
        CHECK((r2 == HRR_OK && c) || (r2 == HRR_ENOMEM && !c));
        if (n == 0) CHECK(r1 == HRR_ENOMEM && r2 == HRR_ENOMEM);
        done[0] |= r1 == HRR_OK;
        done[1] |= r2 == HRR_OK;
        hrr_profile_free(p);
        hrr_compare_free(c);
    }
    CHECK(done[0] && done[1]);
    hrr_store_close(st);
}

/* The store of real records these cases read (imported once). */
static hrr_store_t *g_real;
static hrr_store_t *real_store(void)
{
    static char path[256];
    if (g_real) return g_real;
    hrr_store_t *st;
    g_real = st = open_store(tmp_store(path));
    static const char *const dirs[] = {"countries", "ohchr-voting", "hrc", "treaties", "upr"};
    for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
        char d[512];
        snprintf(d, sizeof d, "%s/%s", HRR_DATA_DIR, dirs[i]);
        CHECK(hrr_import(st, d, NULL, NULL) == HRR_OK);
    }
    return st;
}

static void test_china(void)
{
    hrr_store_t *st = real_store();
    hrr_profile_t *p = NULL;
    CHECK(hrr_profile_get(st, "CHN", NULL, &p) == HRR_OK);
    if (!p) return;
    CHECK_STR(p->name, "China");
    CHECK_STR(p->un_group, "ASIA_PACIFIC");
    /* the Commission's 1990 no-action motion on the draft on China */
    int found = 0;
    for (size_t i = 0; i < p->ntexts; i++) {
        const hrr_profile_text_t *t = &p->texts[i];
        if (!t->symbol || strcmp(t->symbol, "E/CN.4/DEC/1990/106")) continue;
        found = 1;
        CHECK(t->yes == 17 && t->no == 15 && t->abstain == 11);
        CHECK_STR(t->outcome, "adopted");
        CHECK_STR(t->body, "CHR");
        CHECK(t->vote == HRR_VOTE_YES);
    }
    CHECK(found);
    /* CAT: party since 1988; the ICCPR signed, never ratified */
    int cat = 0, iccpr = 0;
    for (size_t i = 0; i < p->ntreaties; i++) {
        const hrr_profile_treaty_t *t = &p->treaties[i];
        if (!strcmp(t->instrument, "cat")) cat = !strcmp(t->status, "party") && t->year == 1988;
        if (!strcmp(t->instrument, "iccpr")) iccpr = !strcmp(t->status, "signatory");
    }
    CHECK(cat && iccpr);
    /* UPR: what China received at session 17 (its second review, 2013) and
     * gave over all sessions, each counted in SQL */
    long rec17 = sql_long(st, "SELECT count(*) FROM upr_recommendations u JOIN states s ON"
                              " s.id=u.sur_id WHERE s.iso3='CHN' AND u.session=17");
    long sup17 = sql_long(st, "SELECT count(*) FROM upr_recommendations u JOIN states s ON"
                              " s.id=u.sur_id WHERE s.iso3='CHN' AND u.session=17"
                              " AND upper(u.response)='SUPPORTED'");
    long given = sql_long(st, "SELECT count(*) FROM upr_recommendations u JOIN states s ON"
                              " s.id=u.recommending_id WHERE s.iso3='CHN'");
    long got17 = -1, gotsup = -1, gotgiven = 0;
    for (size_t i = 0; i < p->nupr; i++) {
        if (p->upr[i].session == 17) got17 = p->upr[i].received, gotsup = p->upr[i].rec_supported;
        gotgiven += p->upr[i].given;
    }
    fprintf(stderr, "CHN UPR s17: %ld received (%ld supported), %ld given\n", got17, gotsup, gotgiven);
    CHECK(rec17 > 100);
    CHECK_EQ_LONG(got17, rec17);
    CHECK_EQ_LONG(gotsup, sup17);
    CHECK_EQ_LONG(gotgiven, given);
    /* agreement with the EU's majority on the Council in 2016, in SQL: the
     * plurality ballot of the other members on the day, ties dropped */
    long n = sql_long(st,
        "WITH me AS (SELECT id FROM states WHERE iso3='CHN'),"
        " g AS (SELECT b.item_id, b.vote, count(*) n FROM ballots b JOIN items i ON i.id=b.item_id"
        "  JOIN memberships m ON m.state_id=b.state_id AND m.org='EU' AND m.start_date<=i.date"
        "  AND (m.end_date IS NULL OR m.end_date>i.date) WHERE i.body='HRC'"
        "  AND substr(i.date,1,4)='2016' AND b.vote IN (1,2,3) AND b.state_id<>(SELECT id FROM me)"
        "  GROUP BY b.item_id, b.vote),"
        " mx AS (SELECT item_id, max(n) m FROM g GROUP BY item_id),"
        " maj AS (SELECT g.item_id, min(g.vote) vote FROM g JOIN mx ON mx.item_id=g.item_id AND"
        "  g.n=mx.m GROUP BY g.item_id HAVING count(*)=1)"
        " SELECT count(*) * 100000 + sum(c.vote=maj.vote) FROM maj JOIN ballots c ON"
        "  c.item_id=maj.item_id AND c.state_id=(SELECT id FROM me) AND c.vote IN (1,2,3)");
    found = 0;
    for (size_t i = 0; i < p->nagree; i++) {
        const hrr_profile_agree_t *a = &p->agree[i];
        if (strcmp(a->body, "HRC") || a->year != 2016 || strcmp(a->group, "EU")) continue;
        found = 1;
        fprintf(stderr, "CHN-EU majority, HRC 2016: %ld of %ld\n", a->same, a->n);
        CHECK(a->n > 20);
        CHECK_EQ_LONG(a->n * 100000 + a->same, n);
    }
    CHECK(found);
    /* the ideal-point path on the Council, with its interval; China far from
     * the United States (positive) */
    int hrc = 0;
    for (size_t i = 0; i < p->nideal; i++) {
        const hrr_profile_ideal_t *x = &p->ideal[i];
        if (strcmp(x->body, "HRC")) continue;
        hrc++;
        CHECK(x->lo < x->x && x->x < x->hi && x->x < 0);
    }
    CHECK(hrc >= 15);
    /* the casebook's 1990 entry */
    found = 0;
    for (size_t i = 0; i < p->ncases; i++) found |= !strcmp(p->cases[i].id, "chr-1990-china");
    CHECK(found);
    hrr_profile_free(p);
}

static void test_compare(void)
{
    hrr_store_t *st = real_store();
    hrr_scope_opts_t sc = {"HRC", 2017, 2017};
    hrr_compare_t *c = NULL;
    CHECK(hrr_compare_get(st, "CHN", "USA", &sc, 5, &c) == HRR_OK);
    if (!c) return;
    const char *both = "FROM ballots x JOIN ballots y ON y.item_id=x.item_id JOIN items i ON"
                       " i.id=x.item_id WHERE x.state_id=(SELECT id FROM states WHERE iso3='CHN')"
                       " AND y.state_id=(SELECT id FROM states WHERE iso3='USA') AND i.body='HRC'"
                       " AND substr(i.date,1,4)='2017' AND x.vote IN (1,2,3) AND y.vote IN (1,2,3)";
    char q[1024];
    snprintf(q, sizeof q, "SELECT count(*) %s", both);
    long n = sql_long(st, q);
    snprintf(q, sizeof q, "SELECT sum(x.vote=y.vote) %s", both);
    long same = sql_long(st, q);
    snprintf(q, sizeof q, "SELECT sum(x.vote+y.vote=3) %s", both);
    long opposed = sql_long(st, q);
    fprintf(stderr, "CHN-USA HRC 2017: %ld items, %ld same, %ld yes-no\n", n, same, opposed);
    CHECK(n > 50);
    CHECK_EQ_LONG(c->all.n, n);
    CHECK_EQ_LONG(c->all.same, same);
    CHECK_EQ_LONG(c->all.opposed, opposed);
    CHECK(c->nyears == 1 && c->years[0].year == 2017 && c->years[0].n == n);
    CHECK(fabs(c->all.agree - (double)same / (double)n) < 1e-12);
    long subj = 0;
    for (size_t i = 0; i < c->nsubjects; i++) subj += c->subjects[i].n;
    CHECK(subj == n); /* each Council item has one subject */
    /* five differing votes, all yes against no, newest first */
    CHECK(c->ndiffs == 5);
    for (size_t i = 0; i < c->ndiffs; i++) {
        CHECK(c->diffs[i].opposed && c->diffs[i].va + c->diffs[i].vb == 3);
        if (i) CHECK(strcmp(c->diffs[i - 1].date, c->diffs[i].date) >= 0);
    }
    hrr_compare_free(c);
}

int main(int argc, char **argv)
{
    harness_init(argc, argv);
    RUN(test_hand);
    need_data();
    RUN_DATA(test_china);
    RUN_DATA(test_compare);
    hrr_store_close(g_real);
    return harness_done();
}
