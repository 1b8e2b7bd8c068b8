/*
 * test_agree.c - agreement and cohesion: a small body worked by hand, then
 * the General Assembly's United States-Israel agreement against the same
 * figure computed another way (a SQL self-join over the ballots).
 */
#include "harness.h"

#include <math.h>

/* Four HRC items, three states. Votes (1 yes, 2 no, 3 abstain, 4 absent):
 *        item1 item2 item3 item4 (2007)
 *   CHN    1     2     1     3
 *   CUB    1     2     1     4
 *   USA    2     1     3     1
 * CHN-CUB: items 1-3 (Cuba absent on 4), all the same: 1, 1.
 * CHN-USA: 4 items, two opposite, two yes-or-no against an abstention:
 *   agree 0, agree_half 1/4. CUB-USA: items 1-3, one half: 0, (1/2)/3.
 * The group {CHN, CUB}: 2006, three items both voted alike: Rice 1, HNR 1;
 * 2007 has one member voting, not counted. */
static void test_hand(void)
{
    char path[256];
    hrr_store_t *st = open_store(tmp_store(path));
    sql_exec(st, "INSERT INTO imports(id,path,sha256,format,started) VALUES(1,'t','x','fixture','now');"
             "INSERT INTO items(id,key,body,date,kind) VALUES(1,'i1','HRC','2006-07-01','resolution'),"
             "(2,'i2','HRC','2006-07-02','resolution'),(3,'i3','HRC','2006-07-03','resolution'),"
             "(4,'i4','HRC','2007-03-01','resolution');");
    static const char *const v[] = {"CHN", "1213", "CUB", "1214", "USA", "2131"};
    for (int s = 0; s < 3; s++)
        for (int i = 0; i < 4; i++) {
            char sql[256];
            snprintf(sql, sizeof sql, "INSERT INTO ballots VALUES(%d,(SELECT id FROM states"
                     " WHERE iso3='%s'),%c,1)", i + 1, v[2 * s], v[2 * s + 1][i]);
            sql_exec(st, sql);
        }
    sql_exec(st, "INSERT INTO memberships(state_id,org) SELECT id,'PAIR' FROM states WHERE iso3 IN ('CHN','CUB')");
    hrr_scope_opts_t sc = {"HRC", 0, 0};
    hrr_agree_t *a = NULL;
    CHECK(hrr_agree_run(st, &sc, NULL, 0, 1, &a) == HRR_OK);
    CHECK(a && a->n == 3);
    for (size_t i = 0; a && i < a->n; i++) {
        const hrr_agree_row_t *r = &a->a[i];
        if (!strcmp(r->a, "CHN") && !strcmp(r->b, "CUB"))
            CHECK(r->n == 3 && r->agree == 1 && r->agree_half == 1);
        else if (!strcmp(r->a, "CHN") && !strcmp(r->b, "USA"))
            CHECK(r->n == 4 && r->agree == 0 && r->agree_half == 0.25);
        else if (!strcmp(r->a, "CUB") && !strcmp(r->b, "USA"))
            CHECK(r->n == 3 && r->agree == 0 && fabs(r->agree_half - 0.5 / 3) < 1e-12);
        else
            CHECK(!"unexpected pair");
    }
    hrr_agree_free(a);
    /* by year, with China */
    CHECK(hrr_agree_run(st, &sc, "CHN", 1, 1, &a) == HRR_OK);
    CHECK(a && a->n == 3); /* CUB 2006; USA 2006 and 2007 */
    hrr_agree_free(a);
    CHECK(hrr_agree_run(st, &sc, "FRA", 0, 1, &a) == HRR_ENOTFOUND);
    hrr_cohesion_t *c = NULL;
    CHECK(hrr_cohesion_run(st, &sc, "PAIR", &c) == HRR_OK);
    CHECK(c && c->n == 1 && c->a[0].year == 2006 && c->a[0].items == 3);
    CHECK(c && c->a[0].rice == 1 && c->a[0].hnr == 1);
    hrr_cohesion_free(c);
    CHECK(hrr_cohesion_run(st, &sc, "NOPE", &c) == HRR_ENOTFOUND);
    hrr_store_close(st);
    rm_store(path);
}

static void test_real(void)
{
    char path[256];
    need_data();
    hrr_store_t *st = open_store(tmp_store(path));
    CHECK(hrr_import(st, HRR_DATA_DIR "/unga", NULL, NULL) == HRR_OK);
    hrr_scope_opts_t sc = {"GA", 0, 0};
    hrr_agree_t *a = NULL;
    CHECK(hrr_agree_run(st, &sc, "USA", 0, 1, &a) == HRR_OK);
    double got = NAN;
    long n = 0;
    for (size_t i = 0; a && i < a->n; i++)
        if (!strcmp(a->a[i].b, "ISR")) got = a->a[i].agree, n = a->a[i].n;
    hrr_agree_free(a);
    long same = sql_long(st, "SELECT sum(x.vote=y.vote) FROM ballots x JOIN ballots y ON"
        " y.item_id=x.item_id JOIN states s ON s.id=x.state_id JOIN states t ON t.id=y.state_id"
        " WHERE s.iso3='USA' AND t.iso3='ISR' AND x.vote BETWEEN 1 AND 3 AND y.vote BETWEEN 1 AND 3");
    long both = sql_long(st, "SELECT count(*) FROM ballots x JOIN ballots y ON"
        " y.item_id=x.item_id JOIN states s ON s.id=x.state_id JOIN states t ON t.id=y.state_id"
        " WHERE s.iso3='USA' AND t.iso3='ISR' AND x.vote BETWEEN 1 AND 3 AND y.vote BETWEEN 1 AND 3");
    fprintf(stderr, "GA USA-ISR: %ld votes, agreement %.4f\n", n, got);
    CHECK_EQ_LONG(n, both);
    CHECK(fabs(got - (double)same / (double)both) < 1e-12);
    /* year by year (ranges of items that start and end inside the 64-item
     * words the pairs are counted in), the half agreements too: the United
     * States and Cuba, each year against the ballots counted by SQL */
    CHECK(hrr_agree_run(st, &sc, "USA", 1, 1, &a) == HRR_OK);
    long years = 0;
    for (size_t i = 0; a && i < a->n; i++) {
        if (strcmp(a->a[i].b, "CUB")) continue;
        char q[640];
        static const char *const from = " FROM ballots x JOIN ballots y ON y.item_id=x.item_id"
            " JOIN items i ON i.id=x.item_id JOIN states s ON s.id=x.state_id JOIN states t ON t.id=y.state_id"
            " WHERE s.iso3='USA' AND t.iso3='CUB' AND x.vote BETWEEN 1 AND 3 AND y.vote BETWEEN 1 AND 3"
            " AND i.body='GA' AND CAST(substr(i.date,1,4) AS INTEGER)=";
        snprintf(q, sizeof q, "SELECT count(*)%s%d", from, a->a[i].year);
        long yn = sql_long(st, q);
        snprintf(q, sizeof q, "SELECT sum(x.vote=y.vote)%s%d", from, a->a[i].year);
        long ysame = sql_long(st, q);
        snprintf(q, sizeof q, "SELECT sum(x.vote<>y.vote AND (x.vote=3)<>(y.vote=3))%s%d", from, a->a[i].year);
        long yhalf = sql_long(st, q);
        CHECK_EQ_LONG(a->a[i].n, yn);
        CHECK(fabs(a->a[i].agree - (double)ysame / (double)yn) < 1e-12);
        CHECK(fabs(a->a[i].agree_half - ((double)ysame + 0.5 * (double)yhalf) / (double)yn) < 1e-12);
        years++;
    }
    hrr_agree_free(a);
    fprintf(stderr, "GA USA-CUB: %ld years checked\n", years);
    CHECK(years >= 50);
    hrr_cohesion_t *c = NULL;
    /* blocs on the Council 2006-2024: China with Cuba, Russia and Pakistan,
     * the United States with the United Kingdom, the two apart; the same
     * seed, the same partition */
    CHECK(hrr_import(st, HRR_DATA_DIR "/hrc", NULL, NULL) == HRR_OK);
    hrr_scope_opts_t hrc = {"HRC", 0, 0};
    hrr_blocs_t *b1 = NULL, *b2 = NULL;
    CHECK(hrr_blocs_run(st, &hrc, 20, 1, &b1) == HRR_OK);
    CHECK(hrr_blocs_run(st, &hrc, 20, 1, &b2) == HRR_OK);
    int bl[6] = {-1, -1, -1, -1, -1, -1};
    static const char *const who[6] = {"CHN", "CUB", "RUS", "PAK", "USA", "GBR"};
    for (size_t i = 0; b1 && i < b1->ns; i++) {
        for (int k = 0; k < 6; k++)
            if (!strcmp(b1->iso3[i], who[k])) bl[k] = b1->bloc[i];
        CHECK(b2 && b1->bloc[i] == b2->bloc[i]);
    }
    fprintf(stderr, "HRC blocs: %d, modularity %.3f\n", b1 ? b1->nblocs : 0, b1 ? b1->modularity : 0);
    CHECK(bl[0] >= 0 && bl[0] == bl[1] && bl[0] == bl[2] && bl[0] == bl[3]);
    CHECK(bl[4] >= 0 && bl[4] == bl[5] && bl[4] != bl[0]);
    hrr_blocs_free(b1);
    hrr_blocs_free(b2);
    /* no groups imported into this store: said, not a silent empty answer */
    CHECK(hrr_cohesion_run(st, &sc, "WEOG", &c) == HRR_ENOTFOUND);
    CHECK_HAS(hrr_store_errmsg(st), "no group 'WEOG'");
    hrr_store_close(st);
    rm_store(path);
}

int main(int argc, char **argv)
{
    harness_init(argc, argv);
    RUN(test_hand);
    RUN_DATA(test_real);
    return harness_done();
}
