/*
 * test_misc.c - the importers for country codes, treaty status, UPR
 * recommendations and regime scores: bad input of each kind (the message
 * names file, line and field, and the store is unchanged), small fixtures
 * that load, then the real data (facts checked against the files and
 * SOURCE.txt) and a second import that changes nothing.
 */
#include "harness.h"

typedef struct bad {
    const char *name;   /* fixture file name (detection reads it) */
    const char *csv;    /* its content */
    const char *want;   /* expected part of the message */
} bad_t;

static void run_bad(hrr_store_t *st, const bad_t *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char path[256];
        long fp = store_fingerprint(st);
        fixture(path, cases[i].name, cases[i].csv);
        hrr_err_t rc = hrr_import(st, path, NULL, NULL);
        if (rc != HRR_EDATA) fprintf(stderr, "case %zu (%s): rc %d\n", i, cases[i].name, rc);
        CHECK(rc == HRR_EDATA);
        CHECK_HAS(hrr_store_errmsg(st), path);
        CHECK_HAS(hrr_store_errmsg(st), cases[i].want);
        CHECK_EQ_LONG(store_fingerprint(st), fp);
    }
}

/* Import CONTENT as NAME; returns the result code. */
static hrr_err_t load(hrr_store_t *st, const char *name, const char *content)
{
    char path[256];
    fixture(path, name, content);
    hrr_err_t rc = hrr_import(st, path, NULL, NULL);
    if (rc) fprintf(stderr, "%s: %s\n", name, hrr_store_errmsg(st));
    return rc;
}

#define CC_HEAD "ISO3166-1-Alpha-3,ISO3166-1-Alpha-2,ISO3166-1-numeric,M49,UNTERM English Short," \
                "UNTERM English Formal,official_name_en,CLDR display name,UNTERM French Short\n"
#define TR_HEAD "iso2,member,state party,year ratification or accession,signatory,no action,status,note\n"
#define UPR_HEAD "sur,sur_rgrp,sur_org,recommendation,recommending_state,rs_rgrp,rs_org,response," \
                 "action,issue,session,source_file\n"
#define UPR_OK "China,Asia,,Abolish the death penalty,Sweden,WEOG,EU,Noted,5,Death penalty,4,f\n"
#define POL_HEAD "scode,polity_annual_country,year,democ,autoc,polity,polity2,cown\n"
#define VD_HEAD "country_text_id,year,v2x_polyarchy,v2x_libdem,v2x_partipdem,v2x_delibdem," \
                "v2x_egaldem,v2x_api,v2x_mpi\n"
#define FH_HEAD "fh_country,year,pr,cl,status,fh_total,cown\n"

static void test_bad(hrr_store_t *st)
{
    static const bad_t cases[] = {
        /* country-codes */
        {"country-codes.csv", CC_HEAD "AF1,AF,4,4,Afghanistan,x,x,x,x\n",
         ":2: field 'ISO3166-1-Alpha-3': 'AF1' is not an ISO 3166-1 alpha-3 code"},
        {"country-codes.csv", CC_HEAD "AFG,af,4,4,Afghanistan,x,x,x,x\n",
         ":2: field 'ISO3166-1-Alpha-2': 'af' is not an ISO 3166-1 alpha-2 code"},
        {"country-codes.csv", CC_HEAD "AFG,AO,4,4,Afghanistan,x,x,x,x\n",
         ":2: field 'ISO3166-1-Alpha-2': 'AO' disagrees with data/states.csv, where AFG has ISO2 'AF'"},
        {"country-codes.csv", CC_HEAD "AFG,AF,5,5,Afghanistan,x,x,x,x\n",
         ":2: field 'M49': 5 disagrees with data/states.csv, where AFG has M49 4"},
        {"country-codes.csv", CC_HEAD "AFG,AF,4,8,Afghanistan,x,x,x,x\n",
         ":2: field 'M49': 8 differs from the ISO 3166-1 numeric code 4"},
        {"country-codes.csv", CC_HEAD "ABW,AW,x,533,Aruba,x,x,x,x\n",
         ":2: field 'ISO3166-1-numeric': 'x' is not a numeric country code"},
        {"country-codes.csv", CC_HEAD "AFG,AF,4,4,A,x,x,x,x\nAFG,AF,4,4,A,x,x,x,x\n",
         ":3: field 'ISO3166-1-Alpha-3': duplicate row: AFG appears twice"},
        {"country-codes.csv", CC_HEAD "AFG,AF,4,4,A,x,x,x\n", ":2: wrong column count"},
        /* treaty-status */
        {"hr_status_cat.csv", TR_HEAD "CN,China,1,1988,0,0,ratified,\n",
         ":2: field 'status': unknown status 'ratified'"},
        {"hr_status_cat.csv", TR_HEAD "CN,China,1,1988,1,0,state party,\n",
         ":2: field 'signatory': 1 disagrees with status 'state party'"},
        {"hr_status_cat.csv", TR_HEAD "CN,China,1,1988,0,2,state party,\n",
         ":2: field 'no action': '2' is not 0 or 1"},
        {"hr_status_cat.csv", TR_HEAD "CN,China,1,1965,0,0,state party,\n",
         ":2: field 'year ratification or accession': '1965' is not a year in 1966..2022"},
        {"hr_status_cat.csv", TR_HEAD "CN,China,1,,0,0,state party,\n",
         ":2: field 'year ratification or accession': a state party needs the year"},
        {"hr_status_iccpr.csv", TR_HEAD "CN,China,0,1998,1,0,signatory state,\n",
         ":2: field 'year ratification or accession': year '1998' given for status 'signatory state'"},
        {"hr_status_cat.csv", TR_HEAD "ZZ,Nowhere,0,,0,1,no action,\n",
         ":2: field 'iso2': unknown state iso2 'ZZ'"},
        {"hr_status_cat.csv", TR_HEAD "CN,China,1,1988,0,0,state party,\nCN,China,1,1988,0,0,state party,\n",
         ":3: field 'iso2': duplicate row: CN appears twice"},
        /* an erratum applies only to the exact row it names */
        {"hr_status_cat.csv", TR_HEAD "TZ,Tanzania,0,,0,0,signatory state,\n",
         ":2: field 'signatory': 0 disagrees with status 'signatory state'"},
        {"hr_status_xyz.csv", TR_HEAD "CN,China,1,1988,0,0,state party,\n",
         "unknown instrument 'xyz' in the file name"},
        /* upr-info */
        {"upr.csv", UPR_HEAD "China,Asia,,Abolish the death penalty,Sweden,WEOG,EU,Accepted,5,,4,f\n",
         ":2: field 'response': 'Accepted' (expected Supported or Noted)"},
        {"upr.csv", UPR_HEAD "China,Asia,,Abolish the death penalty,Sweden,WEOG,EU,Noted,6,,4,f\n",
         ":2: field 'action': '6' is not a UPR Info action category 1..5"},
        {"upr.csv", UPR_HEAD "China,Asia,,Abolish the death penalty,Sweden,WEOG,EU,Noted,5,,28,f\n",
         ":2: field 'session': '28' is not a UPR Working Group session in 1..27"},
        {"upr.csv", UPR_HEAD "China,Asia,,Abolish the death penalty,Sweden,WEOG,EU,Noted,5,,,f\n",
         ":2: field 'session': empty"},
        {"upr.csv", UPR_HEAD "Atlantis,Asia,,Abolish the death penalty,Sweden,WEOG,EU,Noted,5,,4,f\n",
         ":2: field 'sur': unknown state name 'Atlantis'"},
        {"upr.csv", UPR_HEAD "China,Asia,,Abolish the death penalty,Ruritania,WEOG,EU,Noted,5,,4,f\n",
         ":2: field 'recommending_state': unknown state name 'Ruritania'"},
        {"upr.csv", UPR_HEAD "China,Asia,,,Sweden,WEOG,EU,Noted,5,,4,f\n",
         ":2: field 'recommendation': empty"},
        {"upr.csv", UPR_HEAD UPR_OK UPR_OK,
         ":3: duplicate row: same session, states and recommendation as line 2"},
        /* polity5 */
        {"polity5.csv", POL_HEAD "CHN,China,1988,0,7,-7,abc,710\n",
         ":2: field 'polity2': 'abc' is not a number"},
        {"polity5.csv", POL_HEAD "CHN,China,1988,0,7,-7,11,710\n",
         ":2: field 'polity2': 11 is outside -10..10"},
        {"polity5.csv", POL_HEAD "CHN,China,1988,0,-99,-7,-7,710\n",
         ":2: field 'autoc': -99 is outside 0..10 (or -66, -77, -88)"},
        {"polity5.csv", POL_HEAD "CHN,China,19x8,0,7,-7,-7,710\n",
         ":2: field 'year': '19x8' is not a year"},
        {"polity5.csv", POL_HEAD "XXX,Ruritania,1988,0,7,-7,-7,999\n",
         ":2: field 'cown': unknown state cow '999'"},
        {"polity5.csv", POL_HEAD "CHN,China,1988,0,7,-7,-7,\n", ":2: field 'cown': empty"},
        {"polity5.csv", POL_HEAD "CHN,China,1988,0,7,-7,-7,710\nCHN,China,1988,0,7,-7,-7,710\n",
         ":3: duplicate: a second row for the same state and year ('CHN' 1988 gives polity2 again)"},
        /* an exclusion covers only its years */
        {"polity5.csv", POL_HEAD "ETH,Ethiopia,1993,0,0,0,0,530\nETI,Ethiopia,1993,1,0,1,1,530\n"
                        "ETI,Ethiopia,1994,1,0,1,1,530\nETH,Ethiopia,1994,1,0,1,1,530\n",
         ":5: duplicate: a second row for the same state and year ('ETH' 1994"},
        /* 817 is South Vietnam only from 26 Oct 1955 */
        {"polity5.csv", POL_HEAD "RVN,South Vietnam,1950,0,7,-7,-7,817\n",
         ":2: field 'cown': cow '817' names no state on 1950-01-01"},
        /* vdem */
        {"vdem.csv", VD_HEAD "CHN,2010,1.5,,,,,,\n", ":2: field 'v2x_polyarchy': 1.5 is outside 0..1"},
        {"vdem.csv", VD_HEAD "CHN,2010,0.1,,,,,,0.1x\n", ":2: field 'v2x_mpi': '0.1x' is not a number"},
        {"vdem.csv", VD_HEAD "ZZZ,2010,0.1,,,,,,\n", ":2: field 'country_text_id': unknown state vdem 'ZZZ'"},
        {"vdem.csv", VD_HEAD "VDR,1980,0.1,,,,,,\n",
         ":2: field 'country_text_id': vdem 'VDR' names no state on 1980-01-01"},
        /* fh */
        {"fh.csv", FH_HEAD "China,2010,7,6,NF,12,710\n", ":2: field 'fh_total': 12 is not pr + cl (7 + 6)"},
        {"fh.csv", FH_HEAD "China,2010,7,6,XF,13,710\n", ":2: field 'status': 'XF' (expected F, PF or NF)"},
        {"fh.csv", FH_HEAD "China,2010,8,6,NF,14,710\n", ":2: field 'pr': 8 is outside 1..7"},
        {"fh.csv", FH_HEAD "Atlantis,2010,7,6,NF,13,\n", ":2: field 'fh_country': unknown state name 'Atlantis'"},
    };
    run_bad(st, cases, sizeof cases / sizeof *cases);
}

/* Small files that load, with the decisions they exercise. */
static void test_fixtures(hrr_store_t *st)
{
    char buf[256];
    long f0 = sql_long(st, "SELECT count(*) FROM findings");
    /* a territory is counted and reported; a new name becomes an alias */
    CHECK(load(st, "country-codes.csv", CC_HEAD
               "AFG,AF,4,4,Afghanistan,the Islamic Republic of Afghanistan,Afghanistan,"
               "Afghanistan,Afghanistan-Testname (l')\n"
               "ABW,AW,533,533,,,Aruba,Aruba,\n") == HRR_OK);
    CHECK_STR(sql_text(st, "SELECT s.iso3 FROM state_aliases a JOIN states s ON s.id=a.state_id"
                           " WHERE kind='name' AND alias='afghanistantestname'", buf, sizeof buf),
              "AFG");
    CHECK_HAS(sql_text(st, "SELECT detail FROM findings WHERE kind='not-a-state'", buf, sizeof buf),
              "1 rows are territories or areas that are not states in hrr (validated, not loaded): ABW");
    /* Polity's -88 (transition) is kept in 'polity', not as a democ score;
     * rows before 1946 are out of scope; an empty value is not stored */
    CHECK(load(st, "polity5.csv", POL_HEAD "CHN,China,1900,0,7,-7,-7,710\n"
                                  "CHN,China,1949,-88,-88,-88,,710\n") == HRR_OK);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM regime_scores"), 1);
    CHECK_EQ_LONG(sql_long(st, "SELECT value FROM regime_scores WHERE measure='polity' AND year=1949"), -88);
    CHECK_HAS(sql_text(st, "SELECT detail FROM findings WHERE kind='regime-out-of-scope'", buf, sizeof buf),
              "1 rows before 1946");
    /* FH territories are excluded by name and counted */
    CHECK(load(st, "fh.csv", FH_HEAD "Tibet,2010,7,7,NF,14,\nTibet,2011,7,7,NF,14,\n") == HRR_OK);
    CHECK_HAS(sql_text(st, "SELECT detail FROM findings WHERE kind='regime-excluded'", buf, sizeof buf),
              "2 rows of 'Tibet'");
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM regime_scores"), 1);
    /* the first source is kept; a disagreeing second one is a finding */
    CHECK(load(st, "polity5.csv", POL_HEAD "CHN,China,1949,-88,-88,-77,,710\n") == HRR_OK);
    CHECK_EQ_LONG(sql_long(st, "SELECT value FROM regime_scores WHERE measure='polity' AND year=1949"), -88);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM findings WHERE kind='sources-disagree'"), 1);
    /* "(Unknown)" recommending state: stored as NULL, reported */
    CHECK(load(st, "upr.csv", UPR_HEAD
               "Indonesia,Asia,,Continue,&#40;Unknown&#41;,&#40;Unknown&#41;,,Supported,2,,1,f\n") == HRR_OK);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM upr_recommendations WHERE recommending_id IS NULL"), 1);
    CHECK(sql_long(st, "SELECT count(*) FROM findings") > f0);
    /* tidy up for the real data */
    sqlite3_exec(hrr_store_sqlite(st), "DELETE FROM regime_scores; DELETE FROM upr_recommendations;"
                 " DELETE FROM findings; DELETE FROM imports;"
                 " DELETE FROM state_aliases WHERE source LIKE 'countries/%'", NULL, NULL, NULL);
}

static double sql_double(hrr_store_t *st, const char *sql)
{
    sqlite3_stmt *s;
    double v = -999;
    if (sqlite3_prepare_v2(hrr_store_sqlite(st), sql, -1, &s, NULL) != SQLITE_OK) return v;
    if (sqlite3_step(s) == SQLITE_ROW) v = sqlite3_column_double(s, 0);
    sqlite3_finalize(s);
    return v;
}

#define SCORE(iso3, year, m)                                                        \
    "SELECT value FROM regime_scores r JOIN states s ON s.id=r.state_id WHERE s.iso3='" \
    iso3 "' AND year=" #year " AND measure='" m "'"
#define RAT(iso3, instr, col)                                                        \
    "SELECT " col " FROM ratifications r JOIN states s ON s.id=r.state_id WHERE s.iso3='" \
    iso3 "' AND instrument='" instr "'"

static void test_country_codes(hrr_store_t *st)
{
    char iso3[4];
    hrr_import_result_t res;
    CHECK(hrr_state_resolve(st, "name", "Afganistán", NULL, iso3) == HRR_ENOTFOUND);
    CHECK(hrr_import(st, HRR_DATA_DIR "/countries/country-codes.csv", NULL, &res) == HRR_OK);
    /* 249 rows: 196 states hrr knows (193 members, TWN, PSE, VAT), 53 territories */
    CHECK_EQ_LONG(res.rows, 196);
    hrr_import_result_destroy(&res);
    CHECK(hrr_state_resolve(st, "name", "Afganistán", NULL, iso3) == HRR_OK); /* Spanish */
    CHECK_STR(iso3, "AFG");
    CHECK(hrr_state_resolve(st, "name", "Allemagne", NULL, iso3) == HRR_OK);  /* French */
    CHECK_STR(iso3, "DEU");
    CHECK(hrr_state_resolve(st, "name", "Bolivia (Plurinational State of)", NULL, iso3) == HRR_OK);
    CHECK_STR(iso3, "BOL");
    char buf[512];
    CHECK_HAS(sql_text(st, "SELECT detail FROM findings WHERE kind='not-a-state'", buf, sizeof buf),
              "53 rows are territories");
}

static void test_treaties(hrr_store_t *st)
{
    char buf[256];
    hrr_import_result_t res;
    CHECK(hrr_import(st, HRR_DATA_DIR "/treaties", NULL, &res) == HRR_OK);
    long n = 0;
    for (size_t i = 0; i < res.nfiles; i++) n += res.files[i].format != NULL;
    CHECK_EQ_LONG(n, 18);
    hrr_import_result_destroy(&res);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM instruments"), 18);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM instruments WHERE kind='treaty'"), 9);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM instruments WHERE kind='protocol' AND parent IS NOT NULL"), 9);
    CHECK_STR(sql_text(st, "SELECT adopted FROM instruments WHERE code='cat'", buf, sizeof buf), "1984-12-10");
    CHECK_HAS(sql_text(st, "SELECT source FROM instruments WHERE code='iccpr'", buf, sizeof buf),
              "A/RES/2200 A (XXI)");
    CHECK_STR(sql_text(st, "SELECT monitoring_body FROM instruments WHERE code='opcat'", buf, sizeof buf), "SPT");
    /* China: party to CAT since 1988; signed the ICCPR (1998), not ratified */
    CHECK_STR(sql_text(st, RAT("CHN", "cat", "status"), buf, sizeof buf), "party");
    CHECK_EQ_LONG(sql_long(st, RAT("CHN", "cat", "year")), 1988);
    CHECK_STR(sql_text(st, RAT("CHN", "iccpr", "status"), buf, sizeof buf), "signatory");
    CHECK_EQ_LONG(sql_long(st, RAT("CHN", "iccpr", "year IS NULL")), 1);
    /* parties per file, counted with Python's csv module over the status
     * column: cat 171, iccpr 174, crc 192, icmw 57 */
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM ratifications WHERE instrument='cat' AND status='party'"), 171);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM ratifications WHERE instrument='iccpr' AND status='party'"), 174);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM ratifications WHERE instrument='crc' AND status='party'"), 192);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM ratifications WHERE instrument='icmw' AND status='party'"), 57);
    /* iccpr_op1: 116 in the status column, less Jamaica (denounced 1997) */
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM ratifications WHERE instrument='iccpr_op1' AND status='party'"), 115);
    CHECK_STR(sql_text(st, RAT("JAM", "iccpr_op1", "status"), buf, sizeof buf), "none");
    /* 18 x 193 rows, less Montserrat (op_crc_ic, a territory in Gabon's place) */
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM ratifications"), 18 * 193 - 1);
    CHECK_EQ_LONG(sql_long(st, RAT("GAB", "op_crc_ic", "count(*)")), 0);
    CHECK_STR(sql_text(st, RAT("SSD", "op_crc_ic", "status"), buf, sizeof buf), "none");
    CHECK_STR(sql_text(st, RAT("TLS", "cat", "status"), buf, sizeof buf), "party"); /* TP */
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM findings WHERE kind='treaty-status-erratum'"), 13);
}

static void test_upr(hrr_store_t *st)
{
    hrr_import_result_t res;
    CHECK(hrr_import(st, HRR_DATA_DIR "/upr/upr_info_recommendations_s1-27_utf8.csv", NULL, &res) == HRR_OK);
    CHECK_EQ_LONG(res.rows, 61014);
    hrr_import_result_destroy(&res);
    /* upr/SOURCE.txt: 61,014 rows, 193 states under review, Supported
     * 44,606 / Noted 16,408; session 1 = 430, session 20 = 2,768 */
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM upr_recommendations"), 61014);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(DISTINCT sur_id) FROM upr_recommendations"), 193);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM upr_recommendations WHERE response='supported'"), 44606);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM upr_recommendations WHERE response='noted'"), 16408);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM upr_recommendations WHERE session=1"), 430);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM upr_recommendations WHERE session=20"), 2768);
    /* recommending: 174 distinct names in the file (SOURCE.txt says 176):
     * 171 member states, the Holy See, Palestine and "(Unknown)" (9 rows) */
    CHECK_EQ_LONG(sql_long(st, "SELECT count(DISTINCT recommending_id) FROM upr_recommendations"), 173);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM upr_recommendations WHERE recommending_id IS NULL"), 9);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM upr_recommendations u JOIN states s"
                               " ON s.id=u.recommending_id WHERE s.iso3 IN ('VAT','PSE')"), 646);
    /* Afghanistan, session 5: 146 rows + the one with a blank session */
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM upr_recommendations u JOIN states s ON s.id=u.sur_id"
                               " WHERE s.iso3='AFG' AND session=5"), 147);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM findings WHERE kind='upr-repeated'"), 3);
}

static void test_regimes(hrr_store_t *st)
{
    char buf[512];
    CHECK(hrr_import(st, HRR_DATA_DIR "/regimes", NULL, NULL) == HRR_OK);
    /* polity5.csv: China's polity2 is -8 in 1950, -7 in 1988 */
    CHECK_EQ_LONG(sql_double(st, SCORE("CHN", 1950, "polity2")), -8);
    CHECK_EQ_LONG(sql_double(st, SCORE("CHN", 1988, "polity2")), -7);
    /* COW 365: the USSR up to 1991, Russia from 1992 */
    CHECK_EQ_LONG(sql_long(st, "SELECT min(year)*10000+max(year) FROM regime_scores r JOIN states s"
                               " ON s.id=r.state_id WHERE s.iso3='SUN' AND measure='polity2'"), 19461991);
    CHECK_EQ_LONG(sql_long(st, "SELECT min(year) FROM regime_scores r JOIN states s"
                               " ON s.id=r.state_id WHERE s.iso3='RUS' AND measure='polity2'"), 1992);
    /* FRG to 1990, unified Germany from 1990 (both have 1990) */
    CHECK_EQ_LONG(sql_long(st, "SELECT max(year) FROM regime_scores r JOIN states s"
                               " ON s.id=r.state_id WHERE s.iso3='FRG' AND measure='polity2'"), 1990);
    CHECK_EQ_LONG(sql_long(st, "SELECT min(year) FROM regime_scores r JOIN states s"
                               " ON s.id=r.state_id WHERE s.iso3='DEU' AND measure='polity2'"), 1990);
    /* South Vietnam (RVN): Polity 1955-1975 */
    CHECK_EQ_LONG(sql_long(st, "SELECT min(year)*10000+max(year) FROM regime_scores r JOIN states s"
                               " ON s.id=r.state_id WHERE s.iso3='RVN' AND measure='polity'"), 19551975);
    /* vdem_simple.csv: USA 2020 polyarchy 0.807; V-Dem's RUS 1985 is the USSR */
    CHECK(sql_double(st, SCORE("USA", 2020, "v2x_polyarchy")) == 0.807);
    CHECK(sql_double(st, SCORE("SUN", 1985, "v2x_polyarchy")) == 0.109);
    CHECK(sql_double(st, SCORE("RUS", 2000, "v2x_libdem")) == 0.219);
    CHECK(sql_double(st, SCORE("FRG", 1985, "v2x_polyarchy")) == 0.87);
    CHECK(sql_double(st, SCORE("RVN", 1960, "v2x_polyarchy")) == 0.296);
    /* fh.csv: China 2010 PR 7, CL 6, total 13; South Vietnam 1973 total 9 */
    CHECK_EQ_LONG(sql_double(st, SCORE("CHN", 2010, "fh_pr")), 7);
    CHECK_EQ_LONG(sql_double(st, SCORE("CHN", 2010, "fh_cl")), 6);
    CHECK_EQ_LONG(sql_double(st, SCORE("CHN", 2010, "fh_total")), 13);
    CHECK_EQ_LONG(sql_double(st, SCORE("RVN", 1973, "fh_total")), 9);
    CHECK_EQ_LONG(sql_double(st, SCORE("SUN", 1985, "fh_total")), 14);
    /* rows in scope (>= 1946): polity 9,952 (6 transition rows excluded),
     * vdem 13,080 (253 excluded), fh 9,965 (514 territory rows excluded) */
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM regime_scores WHERE measure='polity'"), 9946);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM regime_scores WHERE measure='fh_total'"), 9451);
    CHECK_EQ_LONG(sql_long(st, "SELECT sum(CAST(substr(detail, instr(detail, 'csv: ')+5) AS INTEGER))"
                               " FROM findings WHERE kind='regime-excluded' AND detail LIKE '%vdem_simple.csv%'"), 253);
    CHECK_HAS(sql_text(st, "SELECT detail FROM findings WHERE kind='regime-excluded' AND detail LIKE '%''HKG''%'",
                       buf, sizeof buf), "79 rows of 'HKG'");
}

/* importing the same folders again skips every file and changes nothing */
static void test_twice(hrr_store_t *st)
{
    static const char *const dirs[] = {"/countries/country-codes.csv", "/treaties", "/upr",
                                       "/regimes"};
    long fp = store_fingerprint(st);
    for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
        char p[512];
        hrr_import_result_t res;
        snprintf(p, sizeof p, "%s%s", HRR_DATA_DIR, dirs[i]);
        CHECK(hrr_import(st, p, NULL, &res) == HRR_OK);
        for (size_t j = 0; j < res.nfiles; j++) CHECK(res.files[j].skipped != 0);
        CHECK(res.rows == 0);
        hrr_import_result_destroy(&res);
    }
    CHECK_EQ_LONG(store_fingerprint(st), fp);
}

int main(int argc, char **argv)
{
    harness_init(argc, argv);
    char path[256];
    tmp_store(path);
    hrr_store_t *st = open_store(path);
    RUN(test_bad, st);
    RUN(test_fixtures, st);
    need_data();
    RUN_DATA(test_country_codes, st);
    RUN_DATA(test_treaties, st);
    RUN_DATA(test_upr, st);
    RUN_DATA(test_regimes, st);
    RUN_DATA(test_twice, st);
    hrr_store_close(st);
    rm_store(path);
    return harness_done();
}
