/*
 * test_replay.c - the rules engine over the real records. Fidelity: every
 * Commission and Council resolution or decision with a recorded vote must
 * come out adopted under its own body's rules from its official tally (the
 * exceptions are listed and pinned: they point at data errors). Replay:
 * China's 2007 proposal over the Council's country resolutions 2006-2024,
 * and the 1990 no-action motion on China under each rule set.
 */
#include "harness.h"

/* where the loaders leave their messages */
static hrr_ctx_t *g_ctx;
#include "core/core.h"

/* The 7 exceptions are OHCHR records of HRC session 56 (11-12 July 2024)
 * whose symbols mix a resolution number and a draft (A/HRC/RES/56/L.30 to
 * L.36): amendments that were rejected, under a symbol that says adopted
 * (docs/rules.md). */
#define FIDELITY_EXCEPTIONS 7

static void test_fidelity(hrr_store_t *st)
{
    hrr_rules_t *chr, *hrc;
    CHECK(hrr_rules_load("chr", &chr, g_ctx) == HRR_OK);
    CHECK(hrr_rules_load("hrc", &hrc, g_ctx) == HRR_OK);
    sqlite3_stmt *s;
    CHECK(sqlite3_prepare_v2(hrr_store_sqlite(st),
        "SELECT body, symbol, date, yes, no, abstain FROM items WHERE body IN ('CHR','HRC')"
        " AND kind IN ('resolution','decision') AND yes IS NOT NULL AND no IS NOT NULL"
        " AND abstain IS NOT NULL ORDER BY date", -1, &s, NULL) == SQLITE_OK);
    long n = 0, bad = 0;
    hrr_sbuf_t list = {0};
    while (sqlite3_step(s) == SQLITE_ROW) {
        const char *body = (const char *)sqlite3_column_text(s, 0);
        const char *date = (const char *)sqlite3_column_text(s, 2);
        hrr_vote_in_t in = {sqlite3_column_int(s, 3), sqlite3_column_int(s, 4),
                            sqlite3_column_int(s, 5), -1, -1, -1, HRR_SCOPE_UNKNOWN,
                            HRR_MOTION_NONE, 0, atoi(date)};
        hrr_decision_t d;
        long m = hrr_rules_members(strcmp(body, "CHR") == 0 ? chr : hrc, in.year);
        if (in.yes + in.no + in.abstain > m) in.members = in.yes + in.no + in.abstain;
        CHECK(hrr_rules_decide(strcmp(body, "CHR") == 0 ? chr : hrc, &in, &d) == HRR_OK);
        n++;
        if (d.outcome != HRR_ADOPTED) {
            bad++;
            hrr_sbuf_printf(NULL, &list, "%s %s %ld-%ld-%ld: %s\n", date,
                            (const char *)sqlite3_column_text(s, 1), in.yes, in.no, in.abstain,
                            d.reason);
        }
    }
    sqlite3_finalize(s);
    fprintf(stderr, "fidelity: %ld adopted items decided, %ld exceptions\n%s", n, bad,
            list.z ? list.z : "");
    CHECK(n > 1500);
    CHECK_EQ_LONG(bad, FIDELITY_EXCEPTIONS);
    hrr_sbuf_destroy(&list);
    hrr_rules_free(chr);
    hrr_rules_free(hrc);
}

/* The classifier against 260 items drawn by a fixed hash from the 2,017
 * Commission and Council items with a recorded tally, labelled by hand
 * (tests/data/classify_sample.csv): country-specific, with the state whose
 * situation or conduct is addressed (the occupying power for occupied
 * territories), or thematic. The first 200 ("tuning") were used to write
 * data/targets.csv; the last 60 ("heldout") were labelled afterwards and
 * measure it honestly. */
static void test_classify(hrr_store_t *st)
{
    char *buf;
    size_t len;
    int en;
    CHECK(hrr_i_read_file(NULL, HRR_SOURCE_DIR "/tests/data/classify_sample.csv", &buf, &len, &en) == HRR_OK);
    long n[2] = {0}, scope_ok[2] = {0}, target_ok[2] = {0}, ncountry[2] = {0};
    sqlite3_stmt *s;
    CHECK(sqlite3_prepare_v2(hrr_store_sqlite(st), "SELECT coalesce(i.scope,''), coalesce(t.iso3,'')"
        " FROM items i LEFT JOIN states t ON t.id=i.target_id WHERE i.key=?", -1, &s, NULL) == SQLITE_OK);
    for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n")) {
        char *c1 = strchr(line, ','), *c2 = c1 ? strchr(c1 + 1, ',') : NULL;
        char *c3 = c2 ? strchr(c2 + 1, ',') : NULL;
        if (!c3 || strncmp(line, "key,", 4) == 0) continue;
        *c1 = *c2 = *c3 = 0;
        int set = strcmp(c3 + 1, "heldout") == 0;
        sqlite3_bind_text(s, 1, line, -1, SQLITE_STATIC);
        if (sqlite3_step(s) == SQLITE_ROW) {
            const char *scope = (const char *)sqlite3_column_text(s, 0);
            const char *target = (const char *)sqlite3_column_text(s, 1);
            n[set]++;
            scope_ok[set] += strcmp(scope, c1 + 1) == 0;
            if (strcmp(c1 + 1, "country") == 0) {
                ncountry[set]++;
                target_ok[set] += strcmp(target, c2 + 1) == 0;
            }
            if (strcmp(scope, c1 + 1) != 0 || strcmp(target, c2 + 1) != 0)
                fprintf(stderr, "classify: %s (%s): by hand %s %s, hrr %s %s\n", line, c3 + 1,
                        c1 + 1, c2 + 1, scope, target);
        }
        sqlite3_reset(s);
    }
    sqlite3_finalize(s);
    hrr_i_free(NULL, buf);
    for (int k = 0; k < 2; k++)
        fprintf(stderr, "classify (%s): %ld items, scope right %ld, target right %ld of %ld\n",
                k ? "heldout" : "tuning", n[k], scope_ok[k], target_ok[k], ncountry[k]);
    CHECK_EQ_LONG(n[0], 200);
    CHECK_EQ_LONG(n[1], 60);
    CHECK_EQ_LONG(scope_ok[0], 200);
    CHECK_EQ_LONG(target_ok[0], 79);
    /* held out: every scope right; East Timor 1993 is TLS to hrr, IDN (the
     * occupying power) by hand */
    CHECK_EQ_LONG(scope_ok[1], 60);
    CHECK_EQ_LONG(target_ok[1], 21);
}

/* China's 2007 proposal over the Council's country resolutions. */
static void test_china_2007(hrr_store_t *st)
{
    hrr_rules_t *r;
    hrr_replay_t *rep = NULL;
    CHECK(hrr_rules_load("hrc-china-2007", &r, g_ctx) == HRR_OK);
    hrr_replay_opts_t o = {NULL, 2006, 2024, HRR_SCOPE_COUNTRY, NULL, 1};
    CHECK(hrr_replay_run(st, r, &o, &rep) == HRR_OK);
    CHECK_STR(rep->own_rules, "hrc");
    fprintf(stderr, "china-2007: %ld country items decided, %ld flip\n", rep->decided, rep->flipped);
    CHECK_EQ_LONG(rep->decided, 339);
    CHECK_EQ_LONG(rep->flipped, 30);
    CHECK_EQ_LONG((long)rep->n, 30);
    /* every flip is an adoption lost to the two-thirds rule */
    long lost = 0;
    for (size_t i = 0; i < rep->n; i++)
        lost += rep->a[i].own.outcome == HRR_ADOPTED && rep->a[i].other.outcome == HRR_REJECTED &&
                strcmp(rep->a[i].other.rule, "adopt_country") == 0;
    CHECK_EQ_LONG(lost, 30);
    hrr_replay_free(rep);
    /* thematic texts do not move */
    o.scope = HRR_SCOPE_THEMATIC;
    CHECK(hrr_replay_run(st, r, &o, &rep) == HRR_OK);
    CHECK_EQ_LONG(rep->flipped, 0);
    hrr_replay_free(rep);
    hrr_rules_free(r);
}

int main(void)
{
    if (hrr_ctx_new(&g_ctx)) return 1;
    char path[256];
    need_data();
    hrr_store_t *st = data_store(path);
    test_fidelity(st);
    test_classify(st);
    test_china_2007(st);
    hrr_store_close(st);
    rm_store(path);
    hrr_ctx_free(g_ctx);
    return harness_done();
}
