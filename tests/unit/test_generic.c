/*
 * test_generic.c - roll calls a user brings: a long CSV through a column
 * mapping, and a Stata .dta (written here with ReadStat's own writer) with
 * value labels and a %td date. The real A/HRC/RES/S-1/1 (29-11-5) goes out
 * of a store built from the OHCHR records, through a CSV in another coding,
 * into a fresh store, and must come back ballot for ballot.
 */
#include "harness.h"
#include "core/core.h"

#include <readstat.h>

/* The 11 states that voted no on A/HRC/RES/S-1/1 (6 July 2006), by COW code:
 * Canada 20, Czech Republic 316, Germany 255, Finland 375, France 220,
 * United Kingdom 200, Japan 740, Netherlands 210, Poland 290, Romania 360,
 * Ukraine 369. */
static const int k_no_cow[] = {20, 316, 255, 375, 220, 200, 740, 210, 290, 360, 369};
static const char k_no_iso3[] = "CAN,CZE,DEU,FIN,FRA,GBR,JPN,NLD,POL,ROU,UKR";

static const char *nos(hrr_store_t *st, const char *key, char *buf, size_t n)
{
    char sql[400];
    snprintf(sql, sizeof sql, "SELECT group_concat(iso3) FROM (SELECT s.iso3 FROM ballots b"
             " JOIN items i ON i.id=b.item_id JOIN states s ON s.id=b.state_id WHERE i.key='%s'"
             " AND b.vote=2 ORDER BY s.iso3)", key);
    return sql_text(st, sql, buf, n);
}

static void test_csv_fixture(void)
{
    char path[256], fx[256], buf[512];
    hrr_sbuf_t csv = {0};
    hrr_store_t *st = open_store(tmp_store(path));
    hrr_sbuf_printf(NULL, &csv, "res;when;ccode;v\n");
    for (size_t i = 0; i < sizeof k_no_cow / sizeof *k_no_cow; i++)
        hrr_sbuf_printf(NULL, &csv, "S-1/1;06/07/2006;%d;3\n", k_no_cow[i]);
    hrr_sbuf_printf(NULL, &csv, "S-1/1;06/07/2006;710;1\nS-1/1;06/07/2006;365;1\nS-1/1;06/07/2006;900;8\n");
    fixture(fx, "mine.csv", csv.z);
    hrr_sbuf_destroy(&csv);
    hrr_import_opts_t o = {.format = "generic-csv", .body = "HRC",
        .mapping = "symbol=res,date=when,state=ccode,vote=v,state_kind=cow,date_format=dmy,"
                   "delim=semicolon,yes=1,no=3,abstain=2,absent=8,nonmember=9"};
    hrr_import_result_t res;
    CHECK(hrr_import(st, fx, &o, &res) == HRR_OK);
    CHECK_EQ_LONG(res.rows, 14);
    hrr_import_result_destroy(&res);
    CHECK_STR(nos(st, "HRC:S-1/1", buf, sizeof buf), k_no_iso3);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM ballots b JOIN states s ON s.id=b.state_id"
                               " WHERE s.iso3 IN ('CHN','RUS') AND b.vote=1"), 2);
    CHECK_EQ_LONG(sql_long(st, "SELECT vote FROM ballots b JOIN states s ON s.id=b.state_id"
                               " WHERE s.iso3='AUS'"), 4);
    CHECK_STR(sql_text(st, "SELECT date FROM items WHERE key='HRC:S-1/1'", buf, sizeof buf), "2006-07-06");
    /* twice: nothing changes */
    long fp = store_fingerprint(st);
    CHECK(hrr_import(st, fx, &o, NULL) == HRR_OK);
    CHECK_EQ_LONG(store_fingerprint(st), fp);

    /* bad input: each refused with file, line, field; the store unchanged */
    static const struct {
        const char *mapping, *body, *csv, *want;
        hrr_err_t rc;
    } bad[] = {
        {"symbol=a,date=b,state=c,vote=d,colour=red", "HRC", "a,b,c,d\n",
         "--mapping: unknown key 'colour'", HRR_EINVAL},
        {"symbol=a,date=b,state=c", "HRC", "a,b,c,d\n", "--mapping: 'vote' is required", HRR_EINVAL},
        {"symbol=a,date=b,state=c,vote=d,state_kind=fips", "HRC", "a,b,c\n",
         "state_kind 'fips' is not one of", HRR_EINVAL},
        {"symbol=a,date=b,state=c,vote=d", NULL, "a,b,c,d\n", "--body is required", HRR_EINVAL},
        {"symbol=a,date=b,state=c,vote=d", "UNSC", "a,b,c,d\n", "unknown body 'UNSC'", HRR_EINVAL},
        {"symbol=a,date=b,state=c,vote=e", "HRC", "a,b,c,d\n",
         ":1: field 'e': the mapping's vote column is not in the header", HRR_EDATA},
        {"symbol=a,date=b,state=c,vote=d", "HRC", "a,b,c,d\nX,2006-07-06,ZZZ,yes\n",
         ":2: field 'c': unknown state iso3 'ZZZ'", HRR_EDATA},
        {"symbol=a,date=b,state=c,vote=d", "HRC", "a,b,c,d\nX,2006-07-06,CHN,maybe\n",
         ":2: field 'd': unknown vote code 'maybe'", HRR_EDATA},
        {"symbol=a,date=b,state=c,vote=d", "HRC", "a,b,c,d\nX,2006-13-06,CHN,yes\n",
         ":2: field 'b': '2006-13-06' is not a date", HRR_EDATA},
        {"symbol=a,date=b,state=c,vote=d", "HRC", "a,b,c,d\nX,2006-07-06,CHN,yes\nX,2006-07-06,CHN,no\n",
         ":3: field 'c': duplicate ballot: CHN already voted yes on X", HRR_EDATA},
        {"symbol=a,date=b,state=c,vote=d", "HRC", "a,b,c,d\nX,2006-07-06,CHN\n",
         ":2: wrong column count: 3 fields, the header has 4", HRR_EDATA},
        {"symbol=a,date=b,state=c,vote=d,kind=k", "HRC", "a,b,c,d,k\nX,2006-07-06,CHN,yes,law\n",
         ":2: field 'k': unknown kind 'law'", HRR_EDATA},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        hrr_import_opts_t b = {.format = "generic-csv", .body = bad[i].body, .mapping = bad[i].mapping};
        fp = store_fingerprint(st);
        fixture(fx, "bad.csv", bad[i].csv);
        CHECK_EQ_LONG(hrr_import(st, fx, &b, NULL), bad[i].rc);
        CHECK_HAS(hrr_store_errmsg(st), bad[i].want);
        if (bad[i].rc == HRR_EDATA) CHECK_HAS(hrr_store_errmsg(st), fx);
        CHECK_EQ_LONG(store_fingerprint(st), fp);
    }
    hrr_store_close(st);
    rm_store(path);
}

static ssize_t write_bytes(const void *data, size_t len, void *ctx)
{
    return (ssize_t)fwrite(data, 1, len, ctx);
}

/* A .dta of S-1/1's no votes and two yes votes: res (string), vdate (%td),
 * ccode (COW), vote (labelled 1 Yes, 2 Abstain, 3 No). */
static void write_dta(const char *path, int bad_vote)
{
    FILE *f = fopen(path, "wb");
    readstat_writer_t *w = readstat_writer_init();
    readstat_set_data_writer(w, write_bytes);
    readstat_label_set_t *ls = readstat_add_label_set(w, READSTAT_TYPE_INT32, "votelab");
    readstat_label_int32_value(ls, 1, "Yes");
    readstat_label_int32_value(ls, 2, "Abstain");
    readstat_label_int32_value(ls, 3, "No");
    readstat_variable_t *vres = readstat_add_variable(w, "res", READSTAT_TYPE_STRING, 32);
    readstat_variable_t *vdate = readstat_add_variable(w, "vdate", READSTAT_TYPE_INT32, 0);
    readstat_variable_set_format(vdate, "%td");
    readstat_variable_t *vcc = readstat_add_variable(w, "ccode", READSTAT_TYPE_INT32, 0);
    readstat_variable_t *vv = readstat_add_variable(w, "vote", READSTAT_TYPE_INT32, 0);
    readstat_variable_set_label_set(vv, ls);
    size_t nno = sizeof k_no_cow / sizeof *k_no_cow;
    readstat_begin_writing_dta(w, f, (long)nno + 2);
    for (size_t i = 0; i < nno + 2; i++) {
        readstat_begin_row(w);
        readstat_insert_string_value(w, vres, "A/HRC/RES/S-1/1");
        readstat_insert_int32_value(w, vdate, 16988); /* 2006-07-06 */
        readstat_insert_int32_value(w, vcc, i < nno ? k_no_cow[i] : i == nno ? 710 : 365);
        readstat_insert_int32_value(w, vv, i < nno ? (i == 3 && bad_vote ? 7 : 3) : 1);
        readstat_end_row(w);
    }
    readstat_end_writing(w);
    readstat_writer_free(w);
    fclose(f);
}

static void test_dta(void)
{
    char path[256], fx[256], buf[512];
    hrr_store_t *st = open_store(tmp_store(path));
    fixture(fx, "s1.dta", "");
    write_dta(fx, 0);
    const char *fmt = NULL;
    CHECK(hrr_import_detect(fx, &fmt) == HRR_OK);
    CHECK_STR(fmt, "stata");
    hrr_import_opts_t o = {.body = "HRC",
        .mapping = "symbol=res,date=vdate,state=ccode,state_kind=cow,vote=vote,yes=Yes,no=No,abstain=Abstain"};
    hrr_import_result_t res;
    CHECK(hrr_import(st, fx, &o, &res) == HRR_OK);
    CHECK_EQ_LONG(res.rows, 13);
    hrr_import_result_destroy(&res);
    CHECK_STR(nos(st, "HRC:A/HRC/RES/S-1/1", buf, sizeof buf), k_no_iso3);
    CHECK_STR(sql_text(st, "SELECT date FROM items WHERE key='HRC:A/HRC/RES/S-1/1'", buf, sizeof buf),
              "2006-07-06");
    /* a value with no label and no mapped code: row 4 */
    long fp = store_fingerprint(st);
    write_dta(fx, 1);
    CHECK(hrr_import(st, fx, &o, NULL) == HRR_EDATA);
    CHECK_HAS(hrr_store_errmsg(st), ": row 4: field 'vote': unknown vote code '7'");
    CHECK_EQ_LONG(store_fingerprint(st), fp);
    /* a variable the mapping names is not there */
    hrr_import_opts_t o2 = o;
    o2.mapping = "symbol=res,date=vdate,state=cc,vote=vote";
    CHECK(hrr_import(st, fx, &o2, NULL) == HRR_EDATA);
    CHECK_HAS(hrr_store_errmsg(st), "field 'cc': the mapping's state variable is not in the file");
    /* a corrupt file: its first 100 bytes */
    FILE *f = fopen(fx, "r+b");
    CHECK(f && ftruncate(fileno(f), 100) == 0);
    if (f) fclose(f);
    CHECK(hrr_import(st, fx, &o, NULL) == HRR_EDATA);
    CHECK_HAS(hrr_store_errmsg(st), "not a readable Stata .dta file");
    CHECK_EQ_LONG(store_fingerprint(st), fp);
    hrr_store_close(st);
    rm_store(path);
}

/* The real S-1/1 out of the OHCHR records into a CSV coded ISO2 with
 * Voeten's vote codes, and back into a fresh store. */
static void test_roundtrip(void)
{
    char pa[256], pb[256], fx[256], want[512], got[512];
    hrr_store_t *a = data_store(pa);
    sqlite3_stmt *s;
    hrr_sbuf_t csv = {0};
    hrr_sbuf_printf(NULL, &csv, "symbol,date,iso2,code\n");
    CHECK(sqlite3_prepare_v2(hrr_store_sqlite(a),
        "SELECT i.symbol, i.date, st.iso2, b.vote FROM ballots b JOIN items i ON i.id=b.item_id"
        " JOIN states st ON st.id=b.state_id WHERE i.symbol='A/HRC/RES/S-1/1'", -1, &s, NULL) == SQLITE_OK);
    int n = 0;
    while (sqlite3_step(s) == SQLITE_ROW) {
        static const int voeten[] = {0, 1, 3, 2, 8, 9};
        hrr_sbuf_printf(NULL, &csv, "%s,%s,%s,%d\n", sqlite3_column_text(s, 0), sqlite3_column_text(s, 1),
                        sqlite3_column_text(s, 2), voeten[sqlite3_column_int(s, 3)]);
        n++;
    }
    sqlite3_finalize(s);
    CHECK_EQ_LONG(n, 47);
    fixture(fx, "s1.csv", csv.z);
    hrr_sbuf_destroy(&csv);
    hrr_store_t *b = open_store(tmp_store(pb));
    hrr_import_opts_t o = {.format = "generic-csv", .body = "HRC",
        .mapping = "symbol=symbol,date=date,state=iso2,state_kind=iso2,vote=code,yes=1,no=3,abstain=2,absent=8"};
    CHECK(hrr_import(b, fx, &o, NULL) == HRR_OK);
    static const char q[] = "SELECT group_concat(x) FROM (SELECT s.iso3||b.vote x FROM ballots b"
                            " JOIN states s ON s.id=b.state_id ORDER BY s.iso3)";
    CHECK_STR(sql_text(b, q, got, sizeof got), sql_text(a, "SELECT group_concat(x) FROM (SELECT"
              " s.iso3||b.vote x FROM ballots b JOIN states s ON s.id=b.state_id JOIN items i ON"
              " i.id=b.item_id WHERE i.symbol='A/HRC/RES/S-1/1' ORDER BY s.iso3)", want, sizeof want));
    CHECK_EQ_LONG(sql_long(b, "SELECT sum(vote=1)*10000+sum(vote=2)*100+sum(vote=3) FROM ballots"), 291105);
    hrr_store_close(a);
    hrr_store_close(b);
    rm_store(pa);
    rm_store(pb);
}

int main(int argc, char **argv)
{
    harness_init(argc, argv);
    RUN(test_csv_fixture);
    RUN(test_dta);
    need_data();
    RUN_DATA(test_roundtrip);
    return harness_done();
}
