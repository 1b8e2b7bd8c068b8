/*
 * test_groups.c - the groups of states shipped in data/groups.csv (the EU
 * with accession and withdrawal dates, the 57 OIC members, the Like Minded
 * Group as two statements list it), each with its source, and cohesion
 * counting a group's members as of each year: the United Kingdom inside the
 * EU in 2019, outside in 2021 (Withdrawal Agreement, 31 Jan 2020).
 */
#include "harness.h"

#include <math.h>

static long members_on(hrr_store_t *st, const char *org, const char *date)
{
    char sql[512];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM memberships WHERE org='%s' AND start_date <= '%s'"
             " AND (end_date IS NULL OR end_date > '%s')", org, date, date);
    return sql_long(st, sql);
}

int main(void)
{
    char path[256];
    hrr_store_t *st = open_store(tmp_store(path));
    CHECK_EQ_LONG(members_on(st, "EU", "1958-07-01"), 6);
    CHECK_EQ_LONG(members_on(st, "EU", "1995-07-01"), 15);
    CHECK_EQ_LONG(members_on(st, "EU", "2004-07-01"), 25);
    CHECK_EQ_LONG(members_on(st, "EU", "2019-07-01"), 28);
    CHECK_EQ_LONG(members_on(st, "EU", "2024-07-01"), 27);
    CHECK_EQ_LONG(members_on(st, "OIC", "2024-07-01"), 57);
    CHECK_EQ_LONG(members_on(st, "OIC", "1970-07-01"), 25);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM memberships WHERE org='LMG'"), 22);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM memberships WHERE org='LMG2005'"), 20);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM memberships WHERE org IN ('EU','OIC','LMG','LMG2005')"
                               " AND (source IS NULL OR length(source) < 20)"), 0);
    /* Germany: the Federal Republic until unification, then Germany */
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM memberships m JOIN states s ON s.id=m.state_id"
                               " WHERE m.org='EU' AND s.iso3 IN ('FRG','DEU')"), 2);

    /* cohesion by year with the members of that year: two votes a year;
     * France and Germany vote together, the United Kingdom against them */
    sqlite3 *db = hrr_store_sqlite(st);
    CHECK(sqlite3_exec(db,
        "INSERT INTO imports(id,path,sha256,format,started) VALUES(1,'t','x','fixture','now');"
        "INSERT INTO items(id,key,body,date,kind) VALUES(1,'a','HRC','2019-03-01','resolution'),"
        "(2,'b','HRC','2019-03-02','resolution'),(3,'c','HRC','2021-03-01','resolution'),"
        "(4,'d','HRC','2021-03-02','resolution');"
        "INSERT INTO ballots SELECT i.id, s.id, CASE s.iso3 WHEN 'GBR' THEN 2 ELSE 1 END, 1"
        " FROM items i, states s WHERE s.iso3 IN ('FRA','DEU','GBR')", NULL, NULL, NULL) == SQLITE_OK);
    hrr_scope_opts_t sc = {.body = "HRC"};
    hrr_cohesion_t *c = NULL;
    CHECK(hrr_cohesion_run(st, &sc, "EU", &c) == HRR_OK);
    CHECK(c && c->n == 2);
    if (c && c->n == 2) {
        /* 2019: 2 yes, 1 no -> Rice 1/3, HNR (2 - 0.5) / 3 = 0.5 */
        CHECK(c->a[0].year == 2019 && fabs(c->a[0].rice - 1.0 / 3) < 1e-12 && fabs(c->a[0].hnr - 0.5) < 1e-12);
        /* 2021: the United Kingdom has left: 2 yes -> 1 and 1 */
        CHECK(c->a[1].year == 2021 && fabs(c->a[1].rice - 1) < 1e-12 && fabs(c->a[1].hnr - 1) < 1e-12);
    }
    hrr_cohesion_free(c);
    hrr_store_close(st);
    rm_store(path);
    return harness_done();
}
