/* fuzz_batch.c - libFuzzer target for `hrr forecast --batch`: the input is
 * the CSV file; every draft it yields is forecast against a small Council
 * (five votes of twenty states in 2020). */
#include "harness.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    static hrr_store_t *st;
    static hrr_fc_t *fc;
    static char path[256];
    if (!st) {
        static const char *const iso[20] = {"USA", "CHN", "CUB", "FRA", "DEU", "IND", "BRA", "ZAF", "RUS", "GBR",
                                            "PAK", "EGY", "MEX", "JPN", "NGA", "KEN", "ARG", "IDN", "SAU", "POL"};
        st = open_store(tmp_store(path));
        sqlite3 *db = hrr_store_sqlite(st);
        sqlite3_exec(db, "INSERT INTO imports(id,path,sha256,format,started) VALUES(1,'f','x','fixture','now');"
                         "INSERT INTO items(id,key,body,date,kind,title) VALUES"
                         "(1,'a','HRC','2020-01-10','resolution','Situation in Iran'),"
                         "(2,'b','HRC','2020-02-10','resolution','Right to food'),"
                         "(3,'c','HRC','2020-03-10','amendment','Right to food'),"
                         "(4,'d','HRC','2020-04-10','resolution','Situation in Iran'),"
                         "(5,'e','HRC','2020-05-10','decision','Situation in Syria')",
                     NULL, NULL, NULL);
        for (int i = 1; i <= 5; i++)
            for (int s = 0; s < 20; s++) {
                char sql[256];
                snprintf(sql, sizeof sql,
                         "INSERT INTO ballots SELECT %d, id, %d, 1 FROM states WHERE iso3='%s'", i,
                         1 + (i * 7 + s * 3) % 4, iso[s]);
                sqlite3_exec(db, sql, NULL, NULL, NULL);
            }
        if (hrr_fc_open(st, "HRC", &fc)) return 0;
    }
    char f[256];
    fuzz_file(f, "batch.csv", (const char *)data, size);
    hrr_fc_batch_t *b = NULL;
    if (hrr_fc_batch_load(f, &b, NULL) == HRR_OK) {
        hrr_fc_opts_t o = {.runs = 64, .seed = 1};
        for (size_t k = 0; k < b->n && k < 8 && fc; k++) {
            hrr_fc_result_t *r = NULL;
            if (hrr_fc_forecast(fc, &b->d[k], &o, &r) == HRR_OK) hrr_fc_result_free(r);
        }
        hrr_fc_batch_free(b);
    }
    return 0;
}
