/*
 * test_blocs.c - hierarchical clustering against the UPGMA example worked by
 * hand (distances 17 ... 43 between five items: merges at 17, 22, 28 and 33),
 * both methods on a fixture with two obvious blocs, and blocs by year with
 * their stability (identical years: ARI = NMI = 1; the same seed, the same
 * output).
 */
#include "harness.h"

#include <math.h>

static void test_upgma(void)
{
    /*        a   b   c   d   e */
    static const double d[25] = {0,  17, 21, 31, 23, /* a */
                                 17, 0,  30, 34, 21, /* b */
                                 21, 30, 0,  28, 39, /* c */
                                 31, 34, 28, 0,  43, /* d */
                                 23, 21, 39, 43, 0}; /* e */
    int cl[5];
    double h[4];
    CHECK(hrr_upgma(d, 5, 2, cl, h, NULL) == HRR_OK);
    /* a-b at 17; (a,b)-e at (23+21)/2 = 22; c-d at 28; the two at
     * ((25.5*2+39)/3 + (32.5*2+43)/3)/2 = (30+36)/2 = 33 */
    CHECK(fabs(h[0] - 17) < 1e-12 && fabs(h[1] - 22) < 1e-12 && fabs(h[2] - 28) < 1e-12 &&
          fabs(h[3] - 33) < 1e-12);
    CHECK(cl[0] == 0 && cl[1] == 0 && cl[4] == 0 && cl[2] == 1 && cl[3] == 1);
    CHECK(hrr_upgma(d, 5, 5, cl, NULL, NULL) == HRR_OK);
    CHECK(cl[0] != cl[1] && cl[2] != cl[3]);
    CHECK(hrr_upgma(d, 5, 1, cl, NULL, NULL) == HRR_OK);
    CHECK(cl[0] == 0 && cl[1] == 0 && cl[2] == 0 && cl[3] == 0 && cl[4] == 0);
    CHECK(hrr_upgma(d, 5, 0, cl, NULL, NULL) == HRR_EINVAL);
}

static const char *const A[4] = {"CHN", "CUB", "RUS", "PAK"}, *const B[4] = {"USA", "GBR", "FRA", "DEU"};

static int same_bloc(const hrr_blocs_t *b, const char *x, const char *y)
{
    int bx = -1, by = -2;
    for (size_t i = 0; i < b->ns; i++) {
        if (!strcmp(b->iso3[i], x)) bx = b->bloc[i];
        if (!strcmp(b->iso3[i], y)) by = b->bloc[i];
    }
    return bx == by;
}

int main(void)
{
    test_upgma();
    char path[256];
    hrr_store_t *st = open_store(tmp_store(path));
    sqlite3 *db = hrr_store_sqlite(st);
    CHECK(sqlite3_exec(db, "INSERT INTO imports(id,path,sha256,format,started) VALUES(1,'t','x','fixture','now')",
                       NULL, NULL, NULL) == SQLITE_OK);
    /* 2021 and 2022: 30 votes each; bloc A yes, bloc B no, but for one
     * member of each that strays on every third vote; 2022 repeats 2021 */
    for (int j = 0; j < 60; j++) {
        char sql[512];
        snprintf(sql, sizeof sql, "INSERT INTO items(id,key,body,date,kind) VALUES(%d,'i%d','HRC','%d-03-%02d','resolution')",
                 j + 1, j, 2021 + j / 30, 1 + j % 30);
        CHECK(sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK);
        for (int s = 0; s < 8; s++) {
            const char *iso = s < 4 ? A[s] : B[s - 4];
            int v = s < 4 ? 1 : 2;
            if ((s == 3 || s == 7) && (j % 30) % 3 == 0) v = 3;
            snprintf(sql, sizeof sql, "INSERT INTO ballots SELECT %d, id, %d, 1 FROM states WHERE iso3='%s'", j + 1, v, iso);
            CHECK(sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK);
        }
    }
    hrr_scope_opts_t sc = {.body = "HRC"};
    for (int m = 0; m < 2; m++) {
        hrr_blocs_opts_t o = {.method = m ? HRR_BLOCS_HCLUST : HRR_BLOCS_LOUVAIN, .k = 2, .min_n = 10, .seed = 3};
        hrr_blocs_t *b = NULL;
        CHECK(hrr_blocs_find(st, &sc, &o, &b) == HRR_OK);
        if (!b) continue;
        CHECK_EQ_LONG(b->ns, 8);
        CHECK_EQ_LONG(b->nblocs, 2);
        CHECK(same_bloc(b, "CHN", "PAK") && same_bloc(b, "USA", "DEU") && !same_bloc(b, "CHN", "USA"));
        CHECK(b->modularity > 0.4);
        hrr_blocs_free(b);
    }
    /* by year: two identical years */
    hrr_blocs_opts_t o = {.method = HRR_BLOCS_LOUVAIN, .min_n = 10, .seed = 3};
    hrr_blocs_years_t *y = NULL, *y2 = NULL;
    CHECK(hrr_blocs_by_year(st, &sc, &o, &y) == HRR_OK);
    CHECK(hrr_blocs_by_year(st, &sc, &o, &y2) == HRR_OK);
    if (y && y2) {
        CHECK_EQ_LONG(y->n, 2);
        CHECK(y->year[0] == 2021 && y->year[1] == 2022);
        CHECK(isnan(y->ari[0]) && isnan(y->nmi[0]));
        CHECK(fabs(y->ari[1] - 1) < 1e-12 && fabs(y->nmi[1] - 1) < 1e-12);
        CHECK(!memcmp(y->b[1]->bloc, y2->b[1]->bloc, y->b[1]->ns * sizeof *y->b[1]->bloc));
    }
    hrr_blocs_years_free(y);
    hrr_blocs_years_free(y2);
    /* a year in which the two strays swap sides: stability below 1 */
    CHECK(sqlite3_exec(db, "UPDATE ballots SET vote = CASE vote WHEN 1 THEN 2 ELSE 1 END WHERE item_id > 30 AND"
                           " state_id IN (SELECT id FROM states WHERE iso3 IN ('PAK','DEU'))", NULL, NULL, NULL) == SQLITE_OK);
    CHECK(hrr_blocs_by_year(st, &sc, &o, &y) == HRR_OK);
    if (y && y->n == 2) {
        CHECK(y->ari[1] < 1 && y->ari[1] >= -1 && y->nmi[1] < 1 && y->nmi[1] >= 0);
        CHECK(same_bloc(y->b[1], "PAK", "USA") && same_bloc(y->b[1], "DEU", "CHN"));
    }
    hrr_blocs_years_free(y);
    hrr_store_close(st);
    rm_store(path);
    return harness_done();
}
