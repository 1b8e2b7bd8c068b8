/*
 * test_unxml.c - the Assembly's resolutions of 2019-2024 (unga-unxml/):
 * A/RES/ES-11/3 ballot by ballot, a Third Committee resolution of 2023,
 * the session-74 votes unvotes also has made one item each, absent members
 * derived, sponsors; and bad input refused with the store unchanged.
 */
#include "harness.h"

static long vote_of(hrr_store_t *st, const char *symbol, const char *iso3)
{
    char sql[512];
    snprintf(sql, sizeof sql,
             "SELECT b.vote FROM ballots b JOIN items i ON i.id=b.item_id JOIN states s"
             " ON s.id=b.state_id WHERE i.symbol='%s' AND s.iso3='%s'", symbol, iso3);
    return sql_long(st, sql);
}

static long count_votes(hrr_store_t *st, const char *symbol, int vote)
{
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM ballots b JOIN items i ON i.id=b.item_id"
             " WHERE i.symbol='%s' AND b.vote=%d", symbol, vote);
    return sql_long(st, sql);
}

static void test_real(void)
{
    char path[256];
    hrr_store_t *st = data_store(path);
    /* Russia's suspension from the Council, 7 April 2022: 93-24-58 */
    const char *es = "A/RES/ES-11/3";
    CHECK_EQ_LONG(count_votes(st, es, 1), 93);
    CHECK_EQ_LONG(count_votes(st, es, 2), 24);
    CHECK_EQ_LONG(count_votes(st, es, 3), 58);
    CHECK_EQ_LONG(count_votes(st, es, 4), 193 - 93 - 24 - 58);
    CHECK_EQ_LONG(vote_of(st, es, "RUS"), 2);
    CHECK_EQ_LONG(vote_of(st, es, "CHN"), 2);
    CHECK_EQ_LONG(vote_of(st, es, "PRK"), 2);
    CHECK_EQ_LONG(vote_of(st, es, "USA"), 1);
    CHECK_EQ_LONG(vote_of(st, es, "UKR"), 1);
    CHECK_EQ_LONG(vote_of(st, es, "IND"), 3);
    CHECK_EQ_LONG(vote_of(st, es, "BRA"), 3);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM items WHERE symbol='A/RES/ES-11/3'"
                               " AND date='2022-04-07' AND body='GA' AND yes=93 AND no=24"
                               " AND abstain=58 AND committee='plenary'"), 1);
    /* targets the subject headings would get wrong (data/targets.csv):
     * UNHCR's Executive Committee enlarged (A/RES/78/183 A) is on no
     * state; the Rohingya text (A/RES/75/238) is on Myanmar, not on
     * Bangladesh, which its subjects name as the refugees' host */
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM items WHERE symbol='A/RES/78/183 A'"
                               " AND scope='thematic' AND target_id IS NULL"), 1);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM items i JOIN states s ON s.id=i.target_id"
                               " WHERE i.symbol='A/RES/75/238' AND s.iso3='MMR'"), 1);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM items WHERE symbol='A/RES/78/209'"
                               " AND scope='thematic'"), 1);
    /* a Third Committee draft adopted in plenary in 2023 */
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM items WHERE symbol='A/RES/78/186'"
                               " AND committee='third' AND yes=112 AND no=4 AND abstain=64"
                               " AND date='2023-12-19'"), 1);
    CHECK_EQ_LONG(count_votes(st, "A/RES/78/186", 1), 112);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM items i JOIN item_refs r ON r.item_id=i.id"
                               " AND r.source='unxml' WHERE i.committee='third'"), 89);
    /* every member of the Assembly has a ballot on every listed vote */
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM (SELECT i.id FROM items i JOIN item_refs r"
                               " ON r.item_id=i.id AND r.source='unxml' LEFT JOIN ballots b"
                               " ON b.item_id=i.id GROUP BY i.id HAVING count(b.state_id)"
                               " NOT IN (0, 193))"), 0);
    /* session 74: the 90 recorded votes are unvotes' items, not new ones */
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM items WHERE symbol='A/RES/74/7'"), 1);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM items i JOIN item_refs r ON r.item_id=i.id"
                               " AND r.source='unxml' WHERE i.key LIKE 'GA:rcid:%'"), 90);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM items WHERE symbol LIKE 'A/RES/74/%'"
                               " AND key NOT LIKE 'GA:rcid:%'"), 0);
    CHECK_EQ_LONG(sql_long(st, "SELECT committee='plenary' FROM items WHERE symbol='A/RES/74/7'"), 1);
    /* A/RES/75/290 A lists 137 states twice: one finding, 90 yes */
    CHECK_EQ_LONG(count_votes(st, "A/RES/75/290 A", 1), 90);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM findings f JOIN items i ON i.id=f.item_id"
                               " WHERE i.symbol='A/RES/75/290 A' AND f.kind='duplicate-ballot'"
                               " AND f.detail LIKE '%137 states appear twice%'"), 1);
    /* sponsors: the main sponsor of ES-11/3 include Ukraine */
    CHECK(sql_long(st, "SELECT count(*) FROM sponsors p JOIN items i ON i.id=p.item_id JOIN"
                       " states s ON s.id=p.state_id WHERE i.symbol='A/RES/ES-11/3' AND"
                       " s.iso3='UKR' AND p.role='main'") == 1);
    /* the UN's form of an old symbol finds unvotes' item */
    hrr_votes_t *v = NULL;
    CHECK(hrr_votes_get(st, "A/RES/3379(XXX)", 0, &v) == HRR_OK);
    CHECK(v && v->n >= 1);
    if (v && v->n) CHECK_STR(v->items[0].item.symbol, "R/30/3379");
    hrr_votes_free(v);
    /* --committee */
    hrr_item_filter_t f = {.body = "GA", .from_year = 2023, .to_year = 2023, .committee = "third"};
    hrr_item_list_t *l = NULL;
    CHECK(hrr_items_find(st, &f, &l) == HRR_OK);
    CHECK(l && l->n > 0);
    for (size_t i = 0; l && i < l->n; i++) CHECK_HAS(l->items[i].date, "2023-");
    hrr_item_list_free(l);
    f.committee = "seventh";
    CHECK(hrr_items_find(st, &f, &l) == HRR_EINVAL);
    hrr_store_close(st);
}

#define LINE_OK                                                                              \
    "{\"symbol\": \"A/RES/77/999\", \"resolution_number\": \"77/999.\", \"title\": \"T\","  \
    " \"adoption_date\": \"7 October 2022\", \"committee\": \"Third Committee\","             \
    " \"agenda_item\": \"Agenda item 68\", \"adoption_type\": \"By a recorded vote\","         \
    " \"MS_in_favour_count\": \"2\", \"MS_against_count\": \"1\", \"MS_abstaining_count\": \"0\"," \
    " \"MS_in_favour\": [\"CHINA\", \"T\\u00dcRKIYE\"], \"MS_against\": [\"%s\"],"             \
    " \"MS_abstaining\": [], \"sponsors\": [\"CUBA (ON BEHALF OF THE GROUP OF 77 AND CHINA)\"],"  \
    " \"additional_sponsors\": \"SUBMITTED BY THE CHAIR\", \"subjects\": []}\n"

static void test_small(void)
{
    char path[256], fx[256], content[4096];
    hrr_store_t *st = open_store(tmp_store(path));
    snprintf(content, sizeof content, LINE_OK, "NETHERLANDS (KINGDOM OF THE)");
    fixture(fx, "77.json", content);
    CHECK(hrr_import(st, fx, NULL, NULL) == HRR_OK);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM items WHERE symbol='A/RES/77/999'"
                               " AND committee='third' AND yes=2 AND no=1 AND agenda_item='68'"), 1);
    CHECK_EQ_LONG(vote_of(st, "A/RES/77/999", "TUR"), 1);
    CHECK_EQ_LONG(vote_of(st, "A/RES/77/999", "NLD"), 2);
    /* absent members derived: every other member, none of the observers */
    CHECK_EQ_LONG(count_votes(st, "A/RES/77/999", 4), 190);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM ballots b JOIN states s ON s.id=b.state_id"
                               " WHERE s.iso3 IN ('PSE','VAT')"), 0);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM sponsors p JOIN states s ON s.id=p.state_id"
                               " WHERE s.iso3='CUB' AND p.role='main'"
                               " AND p.note='ON BEHALF OF THE GROUP OF 77 AND CHINA'"), 1);
    hrr_store_close(st);
    rm_store(path);
}

static void test_bad(void)
{
    char path[256], fx[256], content[4096];
    hrr_store_t *st = open_store(tmp_store(path));
    static const char *const twice =
        "{\"symbol\": \"A/RES/77/998\", \"resolution_number\": \"77/998.\", \"title\": \"T\","
        " \"adoption_date\": \"8 October 2022\", \"committee\": \"First Committee\","
        " \"adoption_type\": \"By a recorded vote\", \"MS_in_favour_count\": \"1\","
        " \"MS_against_count\": \"0\", \"MS_abstaining_count\": \"0\","
        " \"MS_in_favour\": [\"CHINA\"], \"MS_against\": [], \"MS_abstaining\": [\"CHINA\"],"
        " \"sponsors\": [], \"additional_sponsors\": [], \"subjects\": []}\n";
    fixture(fx, "77.json", twice);
    CHECK(hrr_import(st, fx, NULL, NULL) == HRR_OK);
    CHECK_EQ_LONG(vote_of(st, "A/RES/77/998", "CHN"), 1);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM findings WHERE kind='duplicate-ballot'"
                               " AND detail LIKE 'A/RES/77/998: 1 states appear twice%CHN'"), 1);
    CHECK_EQ_LONG(sql_long(st, "SELECT count(*) FROM findings WHERE kind='count-mismatch'"
                               " AND detail LIKE 'A/RES/77/998: MS_abstaining lists 1 states%'"), 1);
    char ok[1500], unknown[1500];
    snprintf(ok, sizeof ok, LINE_OK, "CHINA");
    snprintf(unknown, sizeof unknown, LINE_OK, "ATLANTIS");
    const struct {
        const char *content, *want;
    } cases[] = {
        {unknown, "76.json:1: field 'MS_against': unknown state name 'ATLANTIS'"},
        {NULL, "76.json:2: not a JSON object"}, /* ok, then a truncated line */
        {"{\"symbol\": \"A/RES/77/1\", \"resolution_number\": \"77/1.\", \"adoption_date\": \"31 Feb 2022\"}\n",
         "76.json:1: field 'adoption_date': '31 Feb 2022' is not a date"},
        {"{\"symbol\": \"A/RES/77/1\", \"resolution_number\": \"77/1.\", \"adoption_date\": \"1 March 2022\","
         " \"MS_in_favour_count\": \"many\"}\n",
         "76.json:1: field 'MS_in_favour_count': not a vote count"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        long fp = store_fingerprint(st);
        if (cases[i].content) {
            snprintf(content, sizeof content, "%s", cases[i].content);
        } else {
            snprintf(content, sizeof content, "%s%.*s", ok, (int)(strlen(ok) / 2), ok);
        }
        fixture(fx, "76.json", content);
        CHECK(hrr_import(st, fx, &(hrr_import_opts_t){.format = "unxml"}, NULL) == HRR_EDATA);
        CHECK_HAS(hrr_store_errmsg(st), fx);
        CHECK_HAS(hrr_store_errmsg(st), cases[i].want);
        CHECK_EQ_LONG(store_fingerprint(st), fp);
    }
    hrr_store_close(st);
    rm_store(path);
}

int main(int argc, char **argv)
{
    harness_init(argc, argv);
    RUN(test_small);
    RUN(test_bad);
    need_data();
    RUN_DATA(test_real);
    return harness_done();
}
