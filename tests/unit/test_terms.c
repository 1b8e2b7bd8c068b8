/*
 * test_terms.c - Council terms and Commission membership derived at import
 * (src/import/imp_terms.c), on the real records; the Council's rules
 * broken in a small fixture, as findings.
 */
#include "harness.h"

#define TERMS(iso3, org) \
    "SELECT group_concat(start_date || '/' || end_date, ' ') FROM (SELECT m.start_date," \
    " m.end_date FROM memberships m JOIN states s ON s.id=m.state_id WHERE s.iso3='" iso3 \
    "' AND m.org='" org "' ORDER BY 1)"

static const char *text(hrr_store_t *st, const char *sql, char *buf, size_t n)
{
    sqlite3_stmt *s;
    buf[0] = 0;
    if (sqlite3_prepare_v2(hrr_store_sqlite(st), sql, -1, &s, NULL) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
        snprintf(buf, n, "%s", (const char *)sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    return buf;
}

static void test_real(void)
{
    char path[256], buf[1024];
    hrr_store_t *st = data_store(path);
    /* the 2016 Council: 47 members, 13/13/8/7/6 */
    hrr_state_filter_t f = {.group = "HRC", .on = "2016-06-01"};
    hrr_state_list_t *l = NULL;
    CHECK(hrr_states_list(st, &f, &l) == HRR_OK);
    CHECK_EQ_LONG(l ? (long)l->n : -1, 47);
    int by[5] = {0};
    static const char *const g[5] = {"AFRICAN", "ASIA_PACIFIC", "GRULAC", "WEOG", "EEG"};
    for (size_t i = 0; l && i < l->n; i++)
        for (int k = 0; k < 5; k++)
            if (l->states[i].un_group && !strcmp(l->states[i].un_group, g[k])) by[k]++;
    CHECK_EQ_LONG(by[0], 13);
    CHECK_EQ_LONG(by[1], 13);
    CHECK_EQ_LONG(by[2], 8);
    CHECK_EQ_LONG(by[3], 7);
    CHECK_EQ_LONG(by[4], 6);
    hrr_state_list_free(l);
    /* China: 2006-2012 (a three-year lot, re-elected 2009), 2014-2019,
     * 2021-2026 (its present term runs past the records); each end the
     * first day no longer a member, as every membership's */
    CHECK_STR(text(st, TERMS("CHN", "HRC"), buf, sizeof buf),
              "2006-06-19/2009-06-19 2009-06-19/2013-01-01 2014-01-01/2017-01-01"
              " 2017-01-01/2020-01-01 2021-01-01/2024-01-01 2024-01-01/2027-01-01");
    /* Russia's last term ends with its suspension, A/RES/ES-11/3 */
    CHECK_STR(text(st, "SELECT m.end_date || ' ' || m.source FROM memberships m JOIN states s"
                       " ON s.id=m.state_id WHERE s.iso3='RUS' AND org='HRC'"
                       " ORDER BY m.start_date DESC LIMIT 1", buf, sizeof buf),
              "2022-04-07 A/RES/ES-11/3");
    /* the Commission of 1947: 18 members */
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM memberships WHERE org='CHR'"
                               " AND start_date<='1947-02-01' AND end_date>='1947-02-01'"), 18);
    /* the vacancies of 2018 and 2022 filled mid-year: findings */
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM findings WHERE kind='hrc-rule'"
                               " AND detail LIKE 'the 2018 membership year has 48 members%'"), 1);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM elections WHERE body='HRC'"
                               " AND state_id=(SELECT id FROM states WHERE iso3='CHN')"), 6);
    hrr_store_close(st);
    rm_store(path);
}

/* A Council that breaks A/RES/60/251 para 7, in a small all-votes.csv
 * written here: one vote a year 2013-2021; S0 sits all nine years (three
 * consecutive terms), S1 2013-2018 (two, allowed), and 46 more sit in 2013
 * only, so the 2013 membership year has 48 members. Each break is an
 * 'hrc-rule' finding with the rule's text. */
static void test_rule_findings(void)
{
    enum { NSTATE = 48, NYEAR = 9 };
    char path[256], fx[256], buf[512], iso3[NSTATE][8];
    static char data[8192], wide[8192];
    hrr_store_t *st = open_store(tmp_store(path));
    /* 48 states of the store's list that existed throughout 2013-2021 */
    sqlite3_stmt *q;
    int n = 0;
    CHECK(sqlite3_prepare_v2(hrr_store_sqlite(st),
                             "SELECT iso3 FROM states WHERE coalesce(start_date,'') <= '2013-01-01'"
                             " AND end_date IS NULL ORDER BY iso3 LIMIT 48", -1, &q, NULL) == SQLITE_OK);
    while (n < NSTATE && sqlite3_step(q) == SQLITE_ROW)
        snprintf(iso3[n++], sizeof iso3[0], "%s", (const char *)sqlite3_column_text(q, 0));
    sqlite3_finalize(q);
    CHECK_EQ_LONG(n, NSTATE);
    if (n < NSTATE) return;
    /* the votes (all-vote-data.csv), then who sat on each (all-votes.csv:
     * 1 yes, 4 not a member) */
    size_t k = (size_t)snprintf(data, sizeof data, "Resolution,Date,Summary\n");
    size_t w = (size_t)snprintf(wide, sizeof wide, "Country");
    for (int y = 0; y < NYEAR; y++) {
        int session = 22 + 3 * y; /* the March session of each year */
        k += (size_t)snprintf(data + k, sizeof data - k, "A/HRC/RES/%d/1,%d/03/20,Vote %d :resolution\n",
                              session, 2013 + y, y);
        w += (size_t)snprintf(wide + w, sizeof wide - w, ",A/HRC/RES/%d/1", session);
    }
    w += (size_t)snprintf(wide + w, sizeof wide - w, "\n");
    for (int r = 0; r < NSTATE; r++) {
        w += (size_t)snprintf(wide + w, sizeof wide - w, "%s", iso3[r]);
        for (int y = 0; y < NYEAR; y++)
            w += (size_t)snprintf(wide + w, sizeof wide - w, ",%c",
                                  r == 0 || (r == 1 && y < 6) || y == 0 ? '1' : '4');
        w += (size_t)snprintf(wide + w, sizeof wide - w, "\n");
    }
    CHECK(k < sizeof data && w < sizeof wide);
    CHECK(hrr_import(st, fixture(fx, "all-vote-data.csv", data), NULL, NULL) == HRR_OK);
    CHECK(hrr_import(st, fixture(fx, "all-votes.csv", wide), NULL, NULL) == HRR_OK);
    /* 48 members in 2013, one finding saying so */
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM memberships WHERE org='HRC'"
                               " AND start_date<='2013-06-01' AND end_date>'2013-06-01'"), 48);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM findings WHERE kind='hrc-rule' AND detail="
                               "'the 2013 membership year has 48 members, not the 47 of A/RES/60/251 para 7'"), 1);
    /* S0: three terms of three years, and the finding naming the run */
    snprintf(buf, sizeof buf, "SELECT group_concat(start_date || '/' || end_date, ' ') FROM (SELECT"
             " m.start_date, m.end_date FROM memberships m JOIN states s ON s.id=m.state_id"
             " WHERE s.iso3='%s' AND m.org='HRC' ORDER BY 1)", iso3[0]);
    char terms[256];
    CHECK_STR(sql_text(st, buf, terms, sizeof terms),
              "2013-01-01/2016-01-01 2016-01-01/2019-01-01 2019-01-01/2022-01-01");
    char want[256];
    snprintf(want, sizeof want, "%s sat 3 consecutive terms (2013-01-01 to 2021-12-31): A/RES/60/251"
             " para 7 allows no immediate re-election after two", iso3[0]);
    CHECK_STR(sql_text(st, "SELECT group_concat(detail, '|') FROM findings WHERE kind='hrc-rule'"
                           " AND detail LIKE '% consecutive terms %'", buf, sizeof buf), want);
    /* S1's two terms break nothing; every finding of the rules is 'hrc-rule' */
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM memberships WHERE org='HRC' AND state_id="
                               "(SELECT id FROM states WHERE iso3=(SELECT iso3 FROM states WHERE"
                               " coalesce(start_date,'') <= '2013-01-01' AND end_date IS NULL"
                               " ORDER BY iso3 LIMIT 1 OFFSET 1))"), 2);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM findings WHERE detail LIKE '%A/RES/60/251%'"
                               " AND kind<>'hrc-rule'"), 0);
    hrr_store_close(st);
    rm_store(path);
}

static void test_replay_size(void)
{
    char path[256];
    hrr_store_t *st = data_store(path);
    hrr_rules_t *r = NULL;
    hrr_replay_t *rp = NULL;
    CHECK(hrr_rules_load("hrc-absolute-majority", &r, NULL) == HRR_OK);
    hrr_replay_opts_t o = {.body = "CHR", .from = 1947, .to = 1947};
    CHECK(r && hrr_replay_run(st, r, &o, &rp) == HRR_OK);
    /* 5-3-3 on 28 January 1947 needs 10 yes: a majority of 18, not of 47 */
    CHECK(rp && rp->n > 0);
    if (rp && rp->n) CHECK_HAS(rp->a[0].other.reason, "needs 10 yes");
    hrr_replay_free(rp);
    hrr_rules_free(r);
    hrr_store_close(st);
    rm_store(path);
}

int main(int argc, char **argv)
{
    harness_init(argc, argv);
    RUN(test_rule_findings);
    need_data();
    RUN_DATA(test_real);
    RUN_DATA(test_replay_size);
    return harness_done();
}
