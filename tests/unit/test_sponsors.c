/*
 * test_sponsors.c - who tabled an item (sponsors from ohchr-voting and
 * data/votes/), `items --sponsor`, the votes the sources miss (A/HRC/51/L.6
 * ballot by ballot) and the casebook read from the store.
 */
#include "harness.h"

#include <sqlite3.h>
#include <stdbool.h>
#include <string.h>

/* The first column of SQL's first row as a long (-1: no row), ?1 = ARG. */
static long q_long(hrr_store_t *st, const char *sql, const char *arg)
{
    sqlite3_stmt *s;
    long v = -1;
    if (sqlite3_prepare_v2(hrr_store_sqlite(st), sql, -1, &s, NULL) != SQLITE_OK) return -2;
    if (arg) sqlite3_bind_text(s, 1, arg, -1, SQLITE_STATIC);
    if (sqlite3_step(s) == SQLITE_ROW) v = (long)sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return v;
}

/* The ISO3 of the one state the sponsor name NAME (as written) was given. */
static const char *iso3_of(hrr_store_t *st, const char *name, char out[8])
{
    sqlite3_stmt *s;
    out[0] = 0;
    if (sqlite3_prepare_v2(hrr_store_sqlite(st),
            "SELECT DISTINCT t.iso3 FROM sponsors s JOIN states t ON t.id = s.state_id"
            " WHERE s.name = ?", -1, &s, NULL) != SQLITE_OK)
        return out;
    sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
    if (sqlite3_step(s) == SQLITE_ROW) snprintf(out, 8, "%s", sqlite3_column_text(s, 0));
    if (sqlite3_step(s) == SQLITE_ROW) snprintf(out, 8, "two"); /* more than one state */
    sqlite3_finalize(s);
    return out;
}

static const hrr_ballot_t *ballot(const hrr_item_votes_t *iv, const char *iso3)
{
    for (size_t i = 0; i < iv->nballots; i++)
        if (!strcmp(iv->ballots[i].state, iso3)) return &iv->ballots[i];
    return NULL;
}

static bool has_sponsor(const hrr_item_votes_t *iv, const char *iso3)
{
    for (size_t i = 0; i < iv->nsponsors; i++)
        if (!strcmp(iv->sponsors[i].state, iso3)) return true;
    return false;
}

/* A/HRC/51/L.6, ballot by ballot, with its sponsors: in every store. */
static void check_l6(hrr_store_t *st)
{
    hrr_votes_t *v = NULL;
    CHECK(hrr_votes_get(st, "A/HRC/51/L.6", 0, &v) == HRR_OK);
    if (!v) return;
    CHECK(v->n == 1);
    const hrr_item_votes_t *iv = &v->items[0];
    CHECK(iv->item.yes == 17 && iv->item.no == 19 && iv->item.abstain == 11);
    CHECK(iv->counted.yes == 17 && iv->counted.no == 19 && iv->counted.abstain == 11);
    CHECK(iv->nballots == 47);
    CHECK(ballot(iv, "CHN") && ballot(iv, "CHN")->vote == HRR_VOTE_NO);
    CHECK(ballot(iv, "GBR") && ballot(iv, "GBR")->vote == HRR_VOTE_YES);
    CHECK(ballot(iv, "SOM") && ballot(iv, "SOM")->vote == HRR_VOTE_YES);
    CHECK(ballot(iv, "UKR") && ballot(iv, "UKR")->vote == HRR_VOTE_ABSTAIN);
    CHECK(iv->item.outcome && !strcmp(iv->item.outcome, "rejected"));
    CHECK(!strcmp(iv->item.date, "2022-10-06"));
    CHECK(iv->nsponsors == 10);
    CHECK(has_sponsor(iv, "AUS") && has_sponsor(iv, "LTU") && has_sponsor(iv, "USA"));
    hrr_votes_free(v);
}

/* A new store stays empty: the missing votes come with the records of
 * their session (the OHCHR import). */
static void test_l6_fresh(void)
{
    char path[256];
    hrr_store_t *st = open_store(tmp_store(path));
    hrr_votes_t *v = NULL;
    CHECK(hrr_votes_get(st, "A/HRC/51/L.6", 0, &v) == HRR_ENOTFOUND);
    hrr_votes_free(v);
    CHECK(q_long(st, "SELECT count(*) FROM imports", NULL) == 0);
    hrr_store_close(st);
    rm_store(path);
}

/* Names written differently resolve to the same state as its code. */
static void names(hrr_store_t *st)
{
    static const char *const pairs[][2] = {
        {"Türkiye", "TUR"}, {"Turkey", "TUR"},
        {"Iran", "IRN"}, {"Iran (Islamic Republic of)", "IRN"},
        {"Côte d'Ivoire", "CIV"}, {"Côte d’Ivoire", "CIV"},
        {"Netherlands (Kingdom of the)", "NLD"}, {"Netherlands", "NLD"},
        {"Venezuela (Bolivian Republic of)", "VEN"}, {"Venezuela (Bolivarian Republic of)", "VEN"},
        {"Viet Nam", "VNM"}, {"Vietnam", "VNM"},
        {"United States", "USA"}, {"United States of America", "USA"},
        {"Saint Kitts And Nevis", "KNA"}, {"Saint Kitts and Nevis", "KNA"},
    };
    char out[8];
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
        iso3_of(st, pairs[i][0], out);
        if (strcmp(out, pairs[i][1]) != 0)
            fprintf(stderr, "  sponsor '%s': got '%s', want %s\n", pairs[i][0], out, pairs[i][1]);
        CHECK(!strcmp(out, pairs[i][1]));
    }
    /* every OHCHR sponsor is a state or a group; no name left unresolved */
    CHECK(q_long(st, "SELECT count(DISTINCT item_id) FROM sponsors s JOIN imports i"
                     " ON i.id = s.source_id WHERE i.format = 'ohchr-resolutions'", NULL) == 916);
    CHECK(q_long(st, "SELECT count(*) FROM findings WHERE kind = 'unknown-sponsor'", NULL) == 0);
}

/* An OHCHR item's sponsors: a state alone, and a state for a group. */
static void ohchr_item(hrr_store_t *st)
{
    hrr_votes_t *v = NULL;
    CHECK(hrr_votes_get(st, "A/HRC/51/L.64", 0, &v) == HRR_OK);
    if (v) {
        CHECK(v->items[0].nsponsors == 1 && has_sponsor(&v->items[0], "RUS"));
        CHECK(!strcmp(v->items[0].sponsors[0].role, "main"));
    }
    hrr_votes_free(v);
    /* groups acted for: the OIC through Pakistan, the EU, the African Group */
    CHECK(q_long(st, "SELECT count(*) FROM sponsors s JOIN states t ON t.id = s.state_id"
                     " WHERE s.grp = 'OIC' AND t.iso3 <> 'PAK'", NULL) == 0);
    CHECK(q_long(st, "SELECT count(*) FROM sponsors WHERE grp = 'OIC'"
                     " AND note LIKE 'on behalf of %'", NULL) > 50);
    CHECK(q_long(st, "SELECT count(*) FROM sponsors WHERE grp = 'EU'", NULL) > 20);
    CHECK(q_long(st, "SELECT count(*) FROM sponsors WHERE grp = 'AFRICAN'", NULL) > 20);
    /* "Saudi Arabia and Egypt on behalf of a group of countries": two states */
    CHECK(q_long(st, "SELECT count(*) FROM sponsors WHERE name = ?1",
                 "Saudi Arabia and Egypt on behalf of a group of countries") == 4);
    /* the amendment L.64 amends L.33, adopted as A/HRC/RES/51/23 */
    CHECK(q_long(st, "SELECT count(*) FROM items a JOIN items t ON t.id = a.amends_id"
                     " WHERE a.symbol = 'A/HRC/51/L.64' AND t.symbol = ?1",
                 "A/HRC/RES/51/23") == 1);
    CHECK(q_long(st, "SELECT count(amends_id) FROM items WHERE kind = 'amendment'", NULL) >= 600);
}

/* hrr items --sponsor */
static void sponsor_filter(hrr_store_t *st)
{
    hrr_item_filter_t f = {.sponsor = "ltu"};
    hrr_item_list_t *list = NULL;
    CHECK(hrr_items_find(st, &f, &list) == HRR_OK);
    bool l6 = false;
    for (size_t i = 0; list && i < list->n; i++)
        if (list->items[i].symbol && !strcmp(list->items[i].symbol, "A/HRC/51/L.6")) l6 = true;
    CHECK(l6);
    CHECK(list && (long)list->n == q_long(st, "SELECT count(DISTINCT item_id) FROM sponsors s"
                                          " JOIN states t ON t.id = s.state_id WHERE t.iso3 = 'LTU'",
                                          NULL));
    hrr_item_list_free(list);
    hrr_item_filter_t g = {.sponsor = "PAK", .body = "HRC"};
    CHECK(hrr_items_find(st, &g, &list) == HRR_OK);
    CHECK(list && list->n > 100);
    hrr_item_list_free(list);
    hrr_item_filter_t bad = {.sponsor = "XXX"};
    list = NULL;
    CHECK(hrr_items_find(st, &bad, &list) == HRR_ENOTFOUND);
    hrr_item_list_free(list);
}

/* The casebook equals the store for every entry with an item; its own
 * file agrees too (so the two agree with or without a store). */
static void casebook(hrr_store_t *st)
{
    hrr_casebook_t *file = NULL, *cb = NULL;
    CHECK(hrr_casebook_load(&file, NULL) == HRR_OK);
    CHECK(hrr_casebook_load(&cb, NULL) == HRR_OK);
    if (!file || !cb) goto out;
    CHECK(hrr_casebook_from_store(st, cb) == HRR_OK);
    int with_item = 0;
    for (size_t i = 0; i < cb->n; i++) {
        const hrr_case_t *c = &cb->a[i], *f = &file->a[i];
        if (!*c->symbol) continue;
        sqlite3_stmt *s;
        if (sqlite3_prepare_v2(hrr_store_sqlite(st),
                "SELECT date, coalesce(outcome,''), yes, no, abstain FROM items"
                " WHERE body = ? AND symbol = ? ORDER BY date LIMIT 1", -1, &s, NULL) != SQLITE_OK)
            continue;
        sqlite3_bind_text(s, 1, c->body, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, c->symbol, -1, SQLITE_STATIC);
        if (sqlite3_step(s) == SQLITE_ROW) {
            with_item++;
            bool same = !strcmp(c->date, (const char *)sqlite3_column_text(s, 0)) &&
                        !strcmp(c->outcome, (const char *)sqlite3_column_text(s, 1));
            if (sqlite3_column_type(s, 2) != SQLITE_NULL)
                same = same && c->yes == sqlite3_column_int(s, 2) &&
                       c->no == sqlite3_column_int(s, 3) && c->abstain == sqlite3_column_int(s, 4);
            bool file_same = !strcmp(c->date, f->date) && !strcmp(c->outcome, f->outcome) &&
                             c->yes == f->yes && c->no == f->no && c->abstain == f->abstain;
            if (!same || !file_same) fprintf(stderr, "  casebook %s differs from the store\n", c->id);
            CHECK(same);
            CHECK(file_same);
        }
        sqlite3_finalize(s);
    }
    CHECK(with_item == 8); /* 4 Commission motions, 4 Council texts */
    /* 1992: the store's official tally, and the ballots' disagreement a finding */
    for (size_t i = 0; i < cb->n; i++) {
        const hrr_case_t *c = &cb->a[i];
        if (!strcmp(c->id, "chr-1992-china")) {
            CHECK(c->yes == 27 && c->no == 5 && c->abstain == 10);
            CHECK(!strcmp(c->date, "1992-03-04"));
        }
        if (!strcmp(c->id, "chr-1993-china")) CHECK(!strcmp(c->date, "1993-03-11"));
        if (!strcmp(c->id, "hrc-2022-xinjiang")) {
            CHECK(c->yes == 17 && c->no == 19 && c->abstain == 11);
            CHECK(strstr(c->moved_by, "Australia") && strstr(c->moved_by, "Lithuania"));
        }
    }
    CHECK(q_long(st, "SELECT count(*) FROM findings f JOIN items i ON i.id = f.item_id"
                     " WHERE f.kind = 'tally-mismatch' AND i.symbol = ?1",
                 "E/CN.4/DEC/1992/116") >= 1);
out:
    hrr_casebook_free(file);
    hrr_casebook_free(cb);
}

/* Run FN on the shared store. */
static void with_data(void (*fn)(hrr_store_t *))
{
    char path[256];
    hrr_store_t *st = data_store(path);
    fn(st);
    hrr_store_close(st);
    rm_store(path);
}

static void l6_data(hrr_store_t *st)
{
    check_l6(st);
    CHECK(q_long(st, "SELECT count(*) FROM imports WHERE format='hrr-votes'", NULL) == 3);
}

static void test_l6_data(void) { with_data(l6_data); }
static void test_names(void) { with_data(names); }
static void test_ohchr_item(void) { with_data(ohchr_item); }
static void test_sponsor_filter(void) { with_data(sponsor_filter); }
static void test_casebook(void) { with_data(casebook); }

int main(int argc, char **argv)
{
    harness_init(argc, argv);
    RUN(test_l6_fresh);
    RUN_DATA(test_l6_data);
    RUN_DATA(test_names);
    RUN_DATA(test_ohchr_item);
    RUN_DATA(test_sponsor_filter);
    RUN_DATA(test_casebook);
    return harness_done();
}
