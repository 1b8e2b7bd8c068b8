/*
 * test_query.c - the record queries of hrr/records.h on a small store of
 * real items (tests/data/records.sql: A/HRC/RES/S-1/1, 29-11-5, and the
 * Commission's 1990 no-action motion on China, 17-15-11): the summary and
 * its provenance, states by group and date, item filters, the votes on an
 * item and the tally counted from its ballots against the official one,
 * the SQL guard (a write is refused and the store is unchanged), and
 * out-of-memory at every allocation.
 */
#include "harness.h"
#include "core/core.h"

static const char k_groups[] =
    "iso3,iso2,m49,name_unterm,un_regional_group,upr_info_group_c2014\n"
    "CHN,CN,156,China,ASIA_PACIFIC,Asia\n"
    "CUB,CU,192,Cuba,GRULAC,GRULAC\n";

static hrr_store_t *fixture_store(const char *path)
{
    hrr_store_t *st = open_store(path);
    char fx[256], *sql = NULL, *err = NULL;
    size_t len;
    int eno;
    if (hrr_import(st, fixture(fx, "groups.csv", k_groups), NULL, NULL) != HRR_OK ||
        hrr_i_read_file(NULL, HRR_SOURCE_DIR "/tests/data/records.sql", &sql, &len, &eno) != HRR_OK ||
        sqlite3_exec(hrr_store_sqlite(st), sql, NULL, NULL, &err) != SQLITE_OK) {
        fprintf(stderr, "fixture: %s %s\n", hrr_store_errmsg(st), err ? err : "");
        exit(1);
    }
    hrr_i_free(NULL, sql);
    return st;
}

static void test_summary(hrr_store_t *st)
{
    hrr_summary_t *sm = NULL;
    char hex[65];
    CHECK(hrr_summary_get(st, &sm) == HRR_OK);
    if (!sm) return;
    CHECK_EQ_LONG(sm->schema_version, 2);
    for (size_t i = 0; i < sm->ntables; i++) {
        /* every count agrees with a count made here */
        char sql[128];
        snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", sm->tables[i].name);
        CHECK_EQ_LONG(sm->tables[i].rows, sql_long(st, sql));
        if (strcmp(sm->tables[i].name, "items") == 0) CHECK_EQ_LONG(sm->tables[i].rows, 5);
        if (strcmp(sm->tables[i].name, "ballots") == 0) CHECK_EQ_LONG(sm->tables[i].rows, 91);
        /* 2 regional groups + 47 Council + 43 Commission members, and the
         * 128 rows of data/groups.csv seeded into every store */
        if (strcmp(sm->tables[i].name, "memberships") == 0) CHECK_EQ_LONG(sm->tables[i].rows, 92 + 128);
    }
    CHECK_EQ_LONG(sm->ntables, 14);
    CHECK_EQ_LONG(sm->nbodies, 4);
    if (sm->nbodies == 4) {
        CHECK_STR(sm->bodies[0].code, "CHR");
        CHECK_EQ_LONG(sm->bodies[0].items, 3);
        CHECK_EQ_LONG(sm->bodies[0].ballots, 43);
        CHECK_STR(sm->bodies[0].first, "1990-03-06");
        CHECK_STR(sm->bodies[0].last, "1990-03-06");
        CHECK_STR(sm->bodies[1].code, "GA");
        CHECK_EQ_LONG(sm->bodies[1].items, 1);
        CHECK(sm->bodies[1].first == NULL); /* its one item is undated */
        CHECK_STR(sm->bodies[2].code, "GA3");
        CHECK_EQ_LONG(sm->bodies[2].items, 0);
        CHECK_STR(sm->bodies[3].code, "HRC");
        CHECK_STR(sm->bodies[3].name, "Human Rights Council");
        CHECK_EQ_LONG(sm->bodies[3].ballots, 48);
    }
    CHECK_EQ_LONG(sm->nimports, 2);
    if (sm->nimports == 2) {
        hrr_i_sha256_hex(k_groups, strlen(k_groups), hex);
        CHECK_STR(sm->imports[0].format, "un-regional-groups");
        CHECK_STR(sm->imports[0].sha256, hex);
        CHECK_EQ_LONG(sm->imports[0].rows, 2);
        CHECK_HAS(sm->imports[0].path, "groups.csv");
        CHECK(sm->imports[0].started && sm->imports[0].finished);
        CHECK_STR(sm->imports[1].format, "fixture");
        CHECK_STR(sm->imports[1].finished, "2024-05-01T10:00:01Z");
    }
    hrr_summary_free(sm);
    hrr_summary_free(NULL);
}

static bool has_state(const hrr_state_list_t *l, const char *iso3)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->states[i].iso3, iso3) == 0) return true;
    return false;
}

static void test_states(hrr_store_t *st)
{
    hrr_state_list_t *l = NULL;
    char buf[64];
    CHECK(hrr_states_list(st, NULL, &l) == HRR_OK);
    CHECK_EQ_LONG(l->n, sql_long(st, "SELECT count(*) FROM states"));
    for (size_t i = 1; i < l->n; i++) CHECK(strcmp(l->states[i - 1].iso3, l->states[i].iso3) < 0);
    for (size_t i = 0; i < l->n; i++) {
        const hrr_state_info_t *s = &l->states[i];
        if (strcmp(s->iso3, "CHN") == 0) {
            CHECK_STR(s->name, "China");
            CHECK_STR(s->un_group, "ASIA_PACIFIC");
            CHECK_STR(s->iso2, "CN");
            CHECK_EQ_LONG(s->m49, 156);
            CHECK(s->start == NULL && s->end == NULL);
            CHECK_STR(s->orgs, "ASIA_PACIFIC,CHR,HRC,LMG,LMG2005");
            CHECK_EQ_LONG(s->naliases, sql_long(st, "SELECT count(*) FROM state_aliases a"
                                                " JOIN states s ON s.id=a.state_id WHERE s.iso3='CHN'"));
            CHECK(s->naliases >= 4); /* iso3, iso2, m49, name at least */
        }
        if (strcmp(s->iso3, "SUN") == 0) {
            CHECK_STR(s->start, "1945-10-24");
            CHECK_STR(s->end, "1991-12-24");
            CHECK_STR(s->orgs, "CHR");
        }
        if (strcmp(s->iso3, "AFG") == 0) CHECK_STR(s->orgs, "OIC");
    }
    hrr_state_list_free(l);

    /* the 47 members of the first Council, on the day of its 1st special session */
    hrr_state_filter_t f = {.group = "hrc", .on = "2006-07-06"};
    CHECK(hrr_states_list(st, &f, &l) == HRR_OK);
    CHECK_EQ_LONG(l->n, 47);
    CHECK(has_state(l, "CHN") && has_state(l, "CZE") && !has_state(l, "USA"));
    hrr_state_list_free(l);
    f.on = "2010-01-01";
    CHECK(hrr_states_list(st, &f, &l) == HRR_OK);
    CHECK_EQ_LONG(l->n, 0);
    hrr_state_list_free(l);
    /* the Commission of 1990: the USSR and the Federal Republic, not Russia or Germany */
    f = (hrr_state_filter_t){.group = "CHR", .on = "1990-03-06"};
    CHECK(hrr_states_list(st, &f, &l) == HRR_OK);
    CHECK_EQ_LONG(l->n, 43);
    CHECK(has_state(l, "SUN") && has_state(l, "FRG") && has_state(l, "YUG"));
    CHECK(!has_state(l, "RUS") && !has_state(l, "DEU"));
    hrr_state_list_free(l);
    /* a present-day regional group, with no date: from states.un_group */
    f = (hrr_state_filter_t){.group = "weog"};
    CHECK(hrr_states_list(st, &f, &l) == HRR_OK);
    CHECK_EQ_LONG(l->n, sql_long(st, "SELECT count(*) FROM states WHERE un_group='WEOG'"));
    CHECK(has_state(l, "FRG") && has_state(l, "USA") && !has_state(l, "CHN"));
    hrr_state_list_free(l);

    f = (hrr_state_filter_t){.group = "NAM"};
    l = (hrr_state_list_t *)buf; /* must be reset to NULL on error */
    CHECK(hrr_states_list(st, &f, &l) == HRR_ENOTFOUND);
    CHECK(l == NULL);
    CHECK_HAS(hrr_store_errmsg(st), "no group or organisation 'NAM'");
    CHECK_HAS(hrr_store_errmsg(st), "CHR, EEG, EU, GRULAC, HRC");
    f = (hrr_state_filter_t){.group = "HRC", .on = "2006-13-01"};
    CHECK(hrr_states_list(st, &f, &l) == HRR_EINVAL);
    CHECK_HAS(hrr_store_errmsg(st), "'2006-13-01'");
    hrr_state_list_free(NULL);
}

/* Number of items FILTER finds (-1 on error). */
static long nfound(hrr_store_t *st, hrr_item_filter_t f)
{
    hrr_item_list_t *l = NULL;
    if (hrr_items_find(st, &f, &l) != HRR_OK) return -1;
    long n = (long)l->n;
    hrr_item_list_free(l);
    return n;
}

static void test_items(hrr_store_t *st)
{
    hrr_item_list_t *l = NULL;
    CHECK(hrr_items_find(st, NULL, &l) == HRR_OK);
    CHECK_EQ_LONG(l->n, 5);
    CHECK_EQ_LONG(l->total, 5);
    if (l->n == 5) {
        /* by date, then body, then key; the undated item last */
        CHECK_STR(l->items[0].key, "E/CN.4/1990/L.47");
        CHECK_STR(l->items[1].key, "E/CN.4/DEC/1990/106");
        CHECK_STR(l->items[2].key, "ohchr:chr:46:L.47");
        CHECK_STR(l->items[3].key, "A/HRC/RES/S-1/1");
        CHECK_STR(l->items[4].key, "unga:undated:1");
        const hrr_item_t *it = &l->items[3];
        CHECK_STR(it->body, "HRC");
        CHECK_STR(it->session, "S-1");
        CHECK_STR(it->date, "2006-07-06");
        CHECK_STR(it->kind, "resolution");
        CHECK_STR(it->target, "ISR");
        CHECK_EQ_LONG(it->yes, 29);
        CHECK_EQ_LONG(it->no, 11);
        CHECK_EQ_LONG(it->abstain, 5);
        CHECK_EQ_LONG(it->nonvoting, -1);
        CHECK_STR(it->outcome, "adopted");
        CHECK_EQ_LONG(it->nballots, 48);
        CHECK_EQ_LONG(l->items[0].yes, -1); /* the draft never came to a vote */
        CHECK_EQ_LONG(l->items[0].nballots, 0);
        CHECK(l->items[4].symbol == NULL && l->items[4].date == NULL);
        CHECK_STR(l->items[4].target, "");
    }
    hrr_item_list_free(l);

    CHECK_EQ_LONG(nfound(st, (hrr_item_filter_t){.body = "hrc"}), 1);
    CHECK_EQ_LONG(nfound(st, (hrr_item_filter_t){.body = "CHR"}), 3);
    CHECK_EQ_LONG(nfound(st, (hrr_item_filter_t){.body = "GA3"}), 0);
    CHECK_EQ_LONG(nfound(st, (hrr_item_filter_t){.from_year = 2000}), 1);
    CHECK_EQ_LONG(nfound(st, (hrr_item_filter_t){.to_year = 1990}), 3);
    CHECK_EQ_LONG(nfound(st, (hrr_item_filter_t){.from_year = 1991, .to_year = 2005}), 0);
    CHECK_EQ_LONG(nfound(st, (hrr_item_filter_t){.from_year = 2006, .to_year = 2006}), 1);
    CHECK_EQ_LONG(nfound(st, (hrr_item_filter_t){.kind = "motion"}), 1);
    CHECK_EQ_LONG(nfound(st, (hrr_item_filter_t){.target = "chn"}), 3);
    CHECK_EQ_LONG(nfound(st, (hrr_item_filter_t){.target = "ISR", .body = "CHR"}), 0);
    CHECK_EQ_LONG(nfound(st, (hrr_item_filter_t){.subject = "PALESTIN"}), 1);
    CHECK_EQ_LONG(nfound(st, (hrr_item_filter_t){.text = "china"}), 3);
    CHECK_EQ_LONG(nfound(st, (hrr_item_filter_t){.text = "res/s-1"}), 1); /* in the symbol */
    CHECK_EQ_LONG(nfound(st, (hrr_item_filter_t){.text = "china", .kind = "resolution"}), 2);
    CHECK_EQ_LONG(nfound(st, (hrr_item_filter_t){.text = "100%"}), 0); /* no LIKE wildcards */

    hrr_item_filter_t f = {.limit = 2};
    CHECK(hrr_items_find(st, &f, &l) == HRR_OK);
    CHECK_EQ_LONG(l->n, 2);
    CHECK_EQ_LONG(l->total, 5);
    hrr_item_list_free(l);
    f = (hrr_item_filter_t){.body = "CHR", .limit = 3};
    CHECK(hrr_items_find(st, &f, &l) == HRR_OK);
    CHECK_EQ_LONG(l->total, 3);
    hrr_item_list_free(l);

    static const struct {
        hrr_item_filter_t f;
        hrr_err_t rc;
        const char *want;
    } bad[] = {
        {{.body = "UNSC"}, HRR_ENOTFOUND, "unknown body 'UNSC' (the store has CHR, GA, GA3, HRC)"},
        {{.kind = "vote"}, HRR_EINVAL, "unknown kind 'vote'"},
        {{.target = "ZZZ"}, HRR_ENOTFOUND, "unknown state iso3 'ZZZ'"},
        {{.limit = -1}, HRR_EINVAL, "limit must not be negative"},
        {{.from_year = 2007, .to_year = 2006}, HRR_EINVAL, "from year 2007 is after to year 2006"},
        {{.from_year = 20}, HRR_EINVAL, "between 1800 and 2100"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        l = (hrr_item_list_t *)&f;
        CHECK(hrr_items_find(st, &bad[i].f, &l) == bad[i].rc);
        CHECK(l == NULL);
        CHECK_HAS(hrr_store_errmsg(st), bad[i].want);
    }
    hrr_item_list_free(NULL);
}

static void test_votes(hrr_store_t *st)
{
    hrr_votes_t *v = NULL;
    CHECK(hrr_votes_get(st, "A/HRC/RES/S-1/1", 0, &v) == HRR_OK);
    CHECK_EQ_LONG(v->n, 1);
    if (v && v->n == 1) {
        const hrr_item_votes_t *iv = &v->items[0];
        CHECK_EQ_LONG(iv->nballots, 48);
        /* the ballots add up to the official 29-11-5 */
        CHECK_EQ_LONG(iv->counted.yes, iv->item.yes);
        CHECK_EQ_LONG(iv->counted.no, iv->item.no);
        CHECK_EQ_LONG(iv->counted.abstain, iv->item.abstain);
        CHECK_EQ_LONG(iv->counted.yes, 29);
        CHECK_EQ_LONG(iv->counted.absent, 2);
        CHECK_EQ_LONG(iv->counted.nonmember, 1);
        /* recount by hand, and check the order and a few ballots */
        hrr_tally_t t = {0};
        for (size_t i = 0; i < iv->nballots; i++) {
            CHECK(hrr_tally_add(&t, iv->ballots[i].vote) == HRR_OK);
            if (i) CHECK(strcmp(iv->ballots[i - 1].state, iv->ballots[i].state) < 0);
            if (strcmp(iv->ballots[i].state, "CHN") == 0) CHECK_EQ_LONG(iv->ballots[i].vote, HRR_VOTE_YES);
            if (strcmp(iv->ballots[i].state, "GBR") == 0) CHECK_EQ_LONG(iv->ballots[i].vote, HRR_VOTE_NO);
            if (strcmp(iv->ballots[i].state, "USA") == 0) CHECK_EQ_LONG(iv->ballots[i].vote, HRR_VOTE_NONMEMBER);
        }
        CHECK(memcmp(&t, &iv->counted, sizeof t) == 0);
        CHECK_STR(iv->ballots[0].state, "ARG");
        CHECK_STR(iv->ballots[0].name, "Argentina");
    }
    hrr_votes_free(v);

    /* the 1990 no-action motion on China: 17-15-11, China in favour */
    CHECK(hrr_votes_get(st, "E/CN.4/DEC/1990/106", 0, &v) == HRR_OK);
    if (v && v->n == 1) {
        const hrr_item_votes_t *iv = &v->items[0];
        CHECK_STR(iv->item.kind, "motion");
        CHECK_EQ_LONG(iv->counted.yes, 17);
        CHECK_EQ_LONG(iv->counted.no, 15);
        CHECK_EQ_LONG(iv->counted.abstain, 11);
        CHECK_EQ_LONG(iv->counted.absent + iv->counted.nonmember, 0);
        int seen = 0;
        for (size_t i = 0; i < iv->nballots; i++) {
            if (strcmp(iv->ballots[i].state, "CHN") == 0 && iv->ballots[i].vote == HRR_VOTE_YES) seen++;
            if (strcmp(iv->ballots[i].state, "SUN") == 0) {
                CHECK_STR(iv->ballots[i].name, "Union of Soviet Socialist Republics");
                seen++;
            }
        }
        CHECK_EQ_LONG(seen, 2);
    }
    hrr_votes_free(v);

    /* case does not matter when nothing matches exactly */
    CHECK(hrr_votes_get(st, "a/hrc/res/s-1/1", 0, &v) == HRR_OK);
    CHECK(v && v->n == 1 && strcmp(v->items[0].item.key, "A/HRC/RES/S-1/1") == 0);
    hrr_votes_free(v);
    /* a symbol two sources key differently: both come back, by key */
    CHECK(hrr_votes_get(st, "E/CN.4/1990/L.47", 0, &v) == HRR_OK);
    CHECK_EQ_LONG(v ? (long)v->n : -1, 2);
    if (v && v->n == 2) {
        CHECK_STR(v->items[0].item.key, "E/CN.4/1990/L.47");
        CHECK_STR(v->items[1].item.key, "ohchr:chr:46:L.47");
        CHECK_EQ_LONG(v->items[1].nballots, 0);
    }
    hrr_votes_free(v);
    /* by key, the other item's symbol no longer matches */
    CHECK(hrr_votes_get(st, "E/CN.4/1990/L.47", HRR_VOTES_BY_KEY, &v) == HRR_OK);
    CHECK_EQ_LONG(v ? (long)v->n : -1, 1);
    hrr_votes_free(v);
    CHECK(hrr_votes_get(st, "OHCHR:CHR:46:L.47", HRR_VOTES_BY_KEY, &v) == HRR_OK);
    CHECK(v && v->n == 1 && strcmp(v->items[0].item.key, "ohchr:chr:46:L.47") == 0);
    hrr_votes_free(v);
    CHECK(hrr_votes_get(st, "A/HRC/RES/S-1/2", 0, &v) == HRR_ENOTFOUND);
    CHECK(v == NULL);
    CHECK_HAS(hrr_store_errmsg(st), "no item with symbol or key 'A/HRC/RES/S-1/2'");
    CHECK(hrr_votes_get(st, "", 0, &v) == HRR_EINVAL);
    hrr_votes_free(NULL);
}

static void test_tally(void)
{
    hrr_tally_t t = {0}, zero = {0};
    CHECK(hrr_tally_add(&t, 0) == HRR_EINVAL);
    CHECK(hrr_tally_add(&t, 6) == HRR_EINVAL);
    CHECK(memcmp(&t, &zero, sizeof t) == 0);
    static const int votes[] = {1, 1, 2, 3, 4, 5, 5, 1};
    for (size_t i = 0; i < sizeof votes / sizeof *votes; i++) CHECK(hrr_tally_add(&t, votes[i]) == HRR_OK);
    CHECK(t.yes == 3 && t.no == 1 && t.abstain == 1 && t.absent == 1 && t.nonmember == 2);
    CHECK_STR(hrr_vote_name(HRR_VOTE_YES), "yes");
    CHECK_STR(hrr_vote_name(HRR_VOTE_ABSENT), "absent");
    CHECK_STR(hrr_vote_name(HRR_VOTE_NONMEMBER), "not-member");
    CHECK(hrr_vote_name(0) == NULL && hrr_vote_name(6) == NULL);
}

/* Every row of the tables a write could touch, hashed (FNV-1a), to prove
 * the store unchanged. (harness.h's store_fingerprint counts rows only, and
 * overflows a signed long under -fsanitize=undefined.) */
static unsigned long store_hash(hrr_store_t *st)
{
    static const char *const tables[] = {"items", "ballots", "bodies", "memberships",
                                         "imports", "states"};
    unsigned long h = 1469598103934665603UL;
    for (size_t t = 0; t < sizeof tables / sizeof *tables; t++) {
        char sql[64];
        sqlite3_stmt *s;
        snprintf(sql, sizeof sql, "SELECT * FROM %s", tables[t]);
        if (sqlite3_prepare_v2(hrr_store_sqlite(st), sql, -1, &s, NULL) != SQLITE_OK) return 0;
        while (sqlite3_step(s) == SQLITE_ROW)
            for (int i = 0; i < sqlite3_column_count(s); i++) {
                const unsigned char *z = sqlite3_column_text(s, i);
                for (; z && *z; z++) h = (h ^ *z) * 1099511628211UL;
                h = (h ^ 0xff) * 1099511628211UL;
            }
        sqlite3_finalize(s);
    }
    return h;
}

static void test_sql(hrr_store_t *st)
{
    sqlite3_stmt *s = NULL;
    unsigned long fp = store_hash(st);
    CHECK(hrr_sql_prepare(st, "SELECT count(*) FROM ballots WHERE vote = 1; -- yes votes", &s) == HRR_OK);
    CHECK(s && sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0) == 29 + 17);
    sqlite3_finalize(s);
    static const struct {
        const char *sql, *want;
    } bad[] = {
        {"DELETE FROM ballots", "would change the store"},
        {"UPDATE items SET yes = 30", "would change the store"},
        {"SELECT 1; DELETE FROM ballots", "one statement at a time"},
        {"PRAGMA foreign_keys = OFF", "setting a PRAGMA"},
        {"ATTACH '/tmp/hrr-never.db' AS x", "ATTACH"},
        {"SELEC 1", "syntax error"},
        {"  -- only a comment", "no SQL statement"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        s = (sqlite3_stmt *)st;
        CHECK(hrr_sql_prepare(st, bad[i].sql, &s) == HRR_EINVAL);
        CHECK(s == NULL);
        CHECK_HAS(hrr_store_errmsg(st), bad[i].want);
    }
    CHECK(store_hash(st) == fp);
    CHECK_EQ_LONG(sql_long(st, "SELECT yes FROM items WHERE key = 'A/HRC/RES/S-1/1'"), 29);
    /* reading pragmas with an argument are allowed */
    CHECK(hrr_sql_prepare(st, "PRAGMA table_info(items)", &s) == HRR_OK);
    sqlite3_finalize(s);
}

/* Every allocation, in turn, fails: each query returns HRR_ENOMEM (and
 * leaks nothing, which the sanitizer build checks) or succeeds. */
static void test_oom(hrr_store_t *st)
{
    int ok[4] = {0};
    for (long n = 0; n < 400; n++) {
        hrr_summary_t *sm;
        hrr_state_list_t *sl;
        hrr_item_list_t *il;
        hrr_votes_t *v;
        hrr_state_filter_t sf = {.group = "HRC"};
        hrr_item_filter_t itf = {.text = "china", .limit = 1};
        hrr_err_t rc[4];
        hrr_i_ctx_fail_after(hrr_store_ctx(st), n);
        rc[0] = hrr_summary_get(st, &sm);
        hrr_i_ctx_fail_after(hrr_store_ctx(st), n);
        rc[1] = hrr_states_list(st, &sf, &sl);
        hrr_i_ctx_fail_after(hrr_store_ctx(st), n);
        rc[2] = hrr_items_find(st, &itf, &il);
        hrr_i_ctx_fail_after(hrr_store_ctx(st), n);
        rc[3] = hrr_votes_get(st, "A/HRC/RES/S-1/1", 0, &v);
        hrr_i_ctx_fail_after(hrr_store_ctx(st), -1);
        for (int k = 0; k < 4; k++) {
            CHECK(rc[k] == HRR_OK || rc[k] == HRR_ENOMEM);
            if (n == 0) CHECK(rc[k] == HRR_ENOMEM);
            ok[k] += rc[k] == HRR_OK;
        }
        CHECK(rc[0] == HRR_OK || sm == NULL);
        CHECK(rc[3] == HRR_OK || v == NULL);
        hrr_summary_free(rc[0] ? NULL : sm);
        hrr_state_list_free(rc[1] ? NULL : sl);
        hrr_item_list_free(rc[2] ? NULL : il);
        hrr_votes_free(rc[3] ? NULL : v);
    }
    for (int k = 0; k < 4; k++) CHECK(ok[k] > 0);
}

int main(int argc, char **argv)
{
    harness_init(argc, argv);
    char path[256];
    hrr_store_t *st = fixture_store(tmp_store(path));
    RUN(test_summary, st);
    RUN(test_states, st);
    RUN(test_items, st);
    RUN(test_votes, st);
    RUN(test_tally);
    RUN(test_sql, st);
    RUN(test_oom, st);
    hrr_store_close(st);
    rm_store(path);
    return harness_done();
}
