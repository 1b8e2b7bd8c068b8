/*
 * test_store.c - the store: schema, seeded identities, the state resolver
 * across history, regional groups from the real data, idempotent import, and
 * a bad row that must leave the store unchanged.
 */
#include "harness.h"

static void test_resolve(hrr_store_t *st)
{
    char iso3[4];
    CHECK(hrr_state_resolve(st, "iso2", "RU", "1980-01-01", iso3) == HRR_OK);
    CHECK_STR(iso3, "SUN");
    CHECK(hrr_state_resolve(st, "iso2", "RU", "2000-01-01", iso3) == HRR_OK);
    CHECK_STR(iso3, "RUS");
    CHECK(hrr_state_resolve(st, "iso2", "YU", "1985-06-01", iso3) == HRR_OK);
    CHECK_STR(iso3, "YUG");
    CHECK(hrr_state_resolve(st, "iso2", "YU", "1999-06-01", iso3) == HRR_OK);
    CHECK_STR(iso3, "SCG");
    CHECK(hrr_state_resolve(st, "iso2", "YU", "2010-06-01", iso3) == HRR_OK);
    CHECK_STR(iso3, "SRB");
    CHECK(hrr_state_resolve(st, "iso2", "CS", "1970-01-01", iso3) == HRR_OK);
    CHECK_STR(iso3, "CSK");
    /* a successor's names do not name its predecessor */
    CHECK(hrr_state_resolve(st, "name", "Federal Republic of Germany", "1980-01-01", iso3) == HRR_OK);
    CHECK_STR(iso3, "FRG");
    CHECK(hrr_state_resolve(st, "name", "the Federal Republic of Germany", "2000-01-01", iso3) == HRR_OK);
    CHECK_STR(iso3, "DEU");
    CHECK(hrr_state_resolve(st, "cow", "365", "1985-01-01", iso3) == HRR_OK);
    CHECK_STR(iso3, "SUN");
    CHECK(hrr_state_resolve(st, "cow", "345", "2001-01-01", iso3) == HRR_OK);
    CHECK_STR(iso3, "SCG");
    CHECK(hrr_state_resolve(st, "name", "Côte d’Ivoire", NULL, iso3) == HRR_OK);
    CHECK_STR(iso3, "CIV");
    CHECK(hrr_state_resolve(st, "name", "the People's Republic of China", NULL, iso3) == HRR_OK);
    CHECK_STR(iso3, "CHN");
    CHECK(hrr_state_resolve(st, "iso3", "XYZ", NULL, iso3) == HRR_ENOTFOUND);
    CHECK_HAS(hrr_store_errmsg(st), "XYZ");
    /* RU without a date names two states */
    CHECK(hrr_state_resolve(st, "iso2", "RU", NULL, iso3) == HRR_EDATA);
    CHECK_HAS(hrr_store_errmsg(st), "more than one state");
}

static void test_groups(hrr_store_t *st)
{
    hrr_import_result_t res;
    CHECK(hrr_import(st, HRR_DATA_DIR "/countries/un_regional_groups_iso3.csv", NULL, &res) == HRR_OK);
    CHECK_EQ_LONG(res.rows, 193);
    hrr_import_result_destroy(&res);
    /* the five groups: 54, 54, 33, 29, 23 (countries/SOURCE.txt) */
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM memberships WHERE org='AFRICAN'"), 54);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM memberships WHERE org='ASIA_PACIFIC'"), 54);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM memberships WHERE org='GRULAC'"), 33);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM memberships WHERE org='WEOG'"), 29);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM memberships WHERE org='EEG'"), 23);
    /* importing the same file again changes nothing */
    long fp = store_fingerprint(st);
    CHECK(hrr_import(st, HRR_DATA_DIR "/countries/un_regional_groups_iso3.csv", NULL, &res) == HRR_OK);
    CHECK_EQ_LONG(res.nfiles, 1);
    CHECK(res.nfiles == 1 && res.files[0].skipped == 1);
    hrr_import_result_destroy(&res);
    CHECK_EQ_LONG(store_fingerprint(st), fp);
}

static void test_bad_rows(hrr_store_t *st)
{
    static const struct {
        const char *csv, *want;
    } cases[] = {
        {"iso3,iso2,m49,name_unterm,un_regional_group,upr_info_group_c2014\n"
         "AFG,AF,4,Afghanistan,ASIA_PACIFIC,Asia\nZZZ,ZZ,4,Nowhere,AFRICAN,Africa\n",
         ":3: field 'iso3': unknown state iso3 'ZZZ'"},
        {"iso3,iso2,m49,name_unterm,un_regional_group,upr_info_group_c2014\n"
         "AFG,AF,4,Afghanistan,ASIA_PACIFIC,Asia\nAGO,AO,24,Angola,AFRICA,Africa\n",
         ":3: field 'un_regional_group': unknown group 'AFRICA'"},
        {"iso3,iso2,m49,name_unterm,un_regional_group,upr_info_group_c2014\n"
         "AFG,AF,4,Afghanistan,ASIA_PACIFIC\n",
         ":2: wrong column count: 5 fields, the header has 6"},
        {"iso3,iso2,m49,name_unterm,un_regional_group,upr_info_group_c2014\n"
         "AFG,AF,4,\"Afghan\"istan,ASIA_PACIFIC,Asia\n",
         ":2: malformed CSV"},
        {"iso3,iso2,m49,name_unterm,un_regional_group,upr_info_group_c2014\n"
         "AFG,AO,4,Afghanistan,ASIA_PACIFIC,Asia\n",
         ":2: field 'iso2': 'AO' is not the ISO2 code of AFG"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char path[256];
        long fp = store_fingerprint(st);
        fixture(path, "groups.csv", cases[i].csv);
        CHECK(hrr_import(st, path, NULL, NULL) == HRR_EDATA);
        CHECK_HAS(hrr_store_errmsg(st), path);
        CHECK_HAS(hrr_store_errmsg(st), cases[i].want);
        CHECK_EQ_LONG(store_fingerprint(st), fp);
    }
}

int main(int argc, char **argv)
{
    harness_init(argc, argv);
    char path[256];
    tmp_store(path);
    hrr_store_t *st = open_store(path);
    int version = -1;
    hrr_store_schema_version(st, &version);
    CHECK_EQ_LONG(version, 2);
    CHECK(sql_long(st, "SELECT count(*) FROM states WHERE un_group IS NOT NULL") >= 193);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM bodies"), 4);
    RUN(test_resolve, st);
    RUN(test_bad_rows, st);
    need_data();
    RUN_DATA(test_groups, st);
    hrr_store_close(st);
    /* reopening an existing store migrates nothing and keeps the rows */
    st = open_store(path);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM memberships"), 193 + 128); /* + data/groups.csv */
    hrr_store_close(st);
    rm_store(path);
    return harness_done();
}
