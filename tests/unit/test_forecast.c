/*
 * test_forecast.c - the forecast layer. The Monte Carlo against exact
 * enumeration of all 4^7 ballots of a 7-member vote; the same counts on 1
 * and 2 threads; the threshold tables against the rules engine decision by
 * decision. On the Council's real records: the 2024 Iran resolution
 * (A/HRC/RES/55/19, adopted 24-8-15) forecast from the record before
 * 2024-04-04; no leak (every ballot on or after the date turned around
 * leaves the forecast bit for bit the same, while turning around earlier
 * ballots changes it); a backtest that beats its baselines; bad input.
 */
#include "harness.h"

/* where the loaders leave their messages */
static hrr_ctx_t *g_ctx;

#include <math.h>
#include <omp.h>

/* Simple majority of those voting yes or no: yes > no. */
static void majority_table(long n, short *t)
{
    for (long no = 0; no <= n; no++)
        for (long ab = 0; ab <= n; ab++) t[no * (n + 1) + ab] = (short)(no + ab > n ? n + 1 : no + 1);
}

static int pass(long y, long no) { return y > no; }

static void test_exact(void)
{
    enum { N = 7 };
    double p[N * 4] = {0.9, 0.05, 0.05, 0,  0.2, 0.6, 0.2, 0,   0.4, 0.4, 0.1, 0.1, 0.5, 0.3, 0.1, 0.1,
                       0.1, 0.8, 0.05, 0.05, 0.33, 0.33, 0.34, 0, 0.6, 0.1, 0.25, 0.05};
    short t[(N + 1) * (N + 1)];
    majority_table(N, t);
    /* exact: every combination of ballots */
    double exact = 0, dec[N] = {0};
    for (int m = 0; m < 1 << (2 * N); m++) {
        double pr = 1;
        long c[4] = {0};
        int b[N];
        for (int i = 0; i < N; i++) {
            b[i] = (m >> (2 * i)) & 3;
            pr *= p[i * 4 + b[i]];
            c[b[i]]++;
        }
        if (pr == 0) continue;
        int ok = pass(c[0], c[1]);
        exact += pr * ok;
        for (int i = 0; i < N; i++) {
            int alt;
            if (b[i] == 0) alt = pass(c[0] - 1, c[1] + 1);
            else if (b[i] == 1) alt = pass(c[0] + 1, c[1] - 1);
            else alt = pass(c[0] + 1, c[1]) != ok || pass(c[0], c[1] + 1) != ok ? !ok : ok;
            dec[i] += pr * (alt != ok);
        }
    }
    long runs = 400000, d[N];
    long ad = hrr_fc_simulate(p, N, t, NULL, 0, runs, 11, NULL, d, NULL);
    double mc = (double)ad / (double)runs, se = sqrt(exact * (1 - exact) / (double)runs);
    CHECK(fabs(mc - exact) < 4 * se);
    for (int i = 0; i < N; i++) {
        double q = (double)d[i] / (double)runs, s = sqrt(dec[i] * (1 - dec[i]) / (double)runs) + 1e-9;
        CHECK(fabs(q - dec[i]) < 4 * s);
    }
    /* a no-action motion on the same ballots turned around: it carries when
     * the draft's no votes outnumber its yes votes */
    long carried = 0;
    long ad2 = hrr_fc_simulate(p, N, t, t, 0, runs, 11, &carried, NULL, NULL);
    CHECK(ad2 == ad);              /* ... so it never blocks a draft that would pass */
    double exact_motion = 0;       /* P(no > yes) */
    for (int m = 0; m < 1 << (2 * N); m++) {
        double pr = 1;
        long c[4] = {0};
        for (int i = 0; i < N; i++) pr *= p[i * 4 + ((m >> (2 * i)) & 3)], c[(m >> (2 * i)) & 3]++;
        exact_motion += pr * (c[1] > c[0]);
    }
    CHECK(fabs((double)carried / (double)runs - exact_motion) <
          4 * sqrt(exact_motion * (1 - exact_motion) / (double)runs));

    /* the same seed, the same counts on 1 and on 2 threads */
    long d1[N], d2[N];
    omp_set_num_threads(1);
    long a1 = hrr_fc_simulate(p, N, t, NULL, 0.8, 50000, 3, NULL, d1, NULL);
    omp_set_num_threads(2);
    long a2 = hrr_fc_simulate(p, N, t, NULL, 0.8, 50000, 3, NULL, d2, NULL);
    CHECK(a1 == a2);
    CHECK(memcmp(d1, d2, sizeof d1) == 0);
    CHECK(hrr_fc_simulate(p, N, t, NULL, 0.8, 50000, 4, NULL, NULL, NULL) != a1);
}

/* The threshold tables say what the rules engine says. */
static void test_thresholds(void)
{
    hrr_rules_t *r = NULL;
    CHECK(hrr_rules_load("hrc", &r, g_ctx) == HRR_OK);
    if (!r) return;
    enum { N = 47 };
    static short t[(N + 1) * (N + 1)];
    CHECK(hrr_fc_thresholds(r, N, HRR_SCOPE_COUNTRY, HRR_MOTION_NONE, 2024, t) == HRR_OK);
    /* a simple majority of those present and voting (A/RES/60/251 para 7;
     * GA rules of procedure r. 125-126): 20 against, 5 abstaining -> 21 */
    CHECK_EQ_LONG(t[20 * (N + 1) + 5], 21);
    long bad = 0;
    for (long y = 0; y <= N; y++)
        for (long no = 0; no + y <= N; no++)
            for (long ab = 0; ab + no + y <= N; ab += 3) {
                hrr_vote_in_t in = {.yes = y, .no = no, .abstain = ab, .absent = N - y - no - ab,
                                    .members = N, .supporters = -1, .scope = HRR_SCOPE_COUNTRY, .year = 2024};
                hrr_decision_t d;
                if (hrr_rules_decide(r, &in, &d)) continue;
                bad += (d.outcome == HRR_ADOPTED) != (y >= t[no * (N + 1) + ab]);
            }
    CHECK_EQ_LONG(bad, 0);
    hrr_rules_free(r);
}

static const hrr_fc_draft_t iran = {.symbol = "A/HRC/RES/55/19", .date = "2024-04-04",
                                    .title = "Situation of human rights in the Islamic Republic of Iran",
                                    .no_action = -1};

static double p_of(const hrr_fc_result_t *r, const char *iso3, int cls)
{
    for (size_t i = 0; i < r->n; i++)
        if (!strcmp(r->b[i].state, iso3)) return r->b[i].p[cls];
    return NAN;
}

static int likeliest(const hrr_fc_result_t *r, const char *iso3)
{
    int best = -1;
    for (size_t i = 0; i < r->n; i++)
        if (!strcmp(r->b[i].state, iso3)) {
            best = 0;
            for (int c = 1; c < 4; c++)
                if (r->b[i].p[c] > r->b[i].p[best]) best = c;
        }
    return best;
}

static void test_real(void)
{
    char path[256];
    hrr_store_t *st = data_store_copy(path);
    hrr_fc_t *fc = NULL;
    CHECK(hrr_fc_open(st, "HRC", &fc) == HRR_OK);
    if (!fc) return;
    hrr_fc_opts_t o = {.runs = 20000, .seed = 7};
    hrr_fc_result_t *a = NULL;
    CHECK(hrr_fc_forecast(fc, &iran, &o, &a) == HRR_OK);
    if (!a) return;
    /* the Council of 2024: 47 members; read against the 2023 text */
    CHECK_EQ_LONG(a->n, 47);
    CHECK(!strcmp(a->target, "IRN"));
    CHECK(!strncmp(a->like, "A/HRC/RES/52/", 13));
    /* adopted 24-8-15: China, Cuba, Eritrea, Viet Nam against, India
     * abstaining, Germany and the United States in favour */
    CHECK(a->p_adopted > 0.95);
    CHECK(likeliest(a, "CHN") == HRR_FC_NO && likeliest(a, "CUB") == HRR_FC_NO);
    CHECK(likeliest(a, "ERI") == HRR_FC_NO && likeliest(a, "VNM") == HRR_FC_NO);
    CHECK(likeliest(a, "IND") == HRR_FC_ABSTAIN);
    CHECK(likeliest(a, "USA") == HRR_FC_YES && likeliest(a, "DEU") == HRR_FC_YES);
    CHECK(fabs(a->expect[0] - 24) < 4 && fabs(a->expect[1] - 8) < 4 && fabs(a->expect[2] - 15) < 4);
    double sum = 0;
    for (int c = 0; c < 4; c++) sum += p_of(a, "USA", c);
    CHECK(fabs(sum - 1) < 1e-9);
    /* the same seed gives the same result; members can be given */
    hrr_fc_result_t *b = NULL;
    CHECK(hrr_fc_forecast(fc, &iran, &o, &b) == HRR_OK);
    CHECK(b && b->p_adopted == a->p_adopted && !memcmp(b->b, a->b, a->n * sizeof *a->b));
    hrr_fc_result_free(b);
    b = NULL;
    hrr_fc_draft_t three = iran;
    three.members = "USA;CHN, FRA";
    CHECK(hrr_fc_forecast(fc, &three, &o, &b) == HRR_OK);
    CHECK(b && b->n == 3 && !strcmp(b->b[0].state, "CHN") && !strcmp(b->b[2].state, "USA"));
    hrr_fc_result_free(b);
    b = NULL;
    /* bad input: a message naming what is wrong */
    three.members = "USA;XYZ";
    CHECK(hrr_fc_forecast(fc, &three, &o, &b) == HRR_EINVAL);
    CHECK(strstr(hrr_store_errmsg(st), "members: 'XYZ'") != NULL);
    hrr_fc_draft_t bad = iran;
    bad.date = "2024-02-30";
    CHECK(hrr_fc_forecast(fc, &bad, &o, &b) == HRR_EINVAL);
    CHECK(strstr(hrr_store_errmsg(st), "'2024-02-30' is not a date") != NULL);
    bad = iran;
    bad.like = "A/HRC/RES/55/19"; /* the vote itself: on the date, not before */
    CHECK(hrr_fc_forecast(fc, &bad, &o, &b) == HRR_EINVAL);
    CHECK(strstr(hrr_store_errmsg(st), "cannot inform") != NULL);
    bad.like = "A/HRC/RES/99/99";
    CHECK(hrr_fc_forecast(fc, &bad, &o, &b) == HRR_ENOTFOUND);
    hrr_fc_close(fc);
    fc = NULL;

    /* no leak: turn every ballot on or after the date around (yes <-> no,
     * abstain -> absent); the forecast is bit for bit the same */
    sqlite3 *db = hrr_store_sqlite(st);
    CHECK(sqlite3_exec(db,
                       "UPDATE ballots SET vote = CASE vote WHEN 1 THEN 2 WHEN 2 THEN 1 WHEN 3 THEN 4"
                       " ELSE vote END WHERE item_id IN (SELECT id FROM items WHERE date >= '2024-04-04');"
                       "UPDATE items SET outcome = 'rejected' WHERE date >= '2024-04-04'",
                       NULL, NULL, NULL) == SQLITE_OK);
    CHECK(hrr_fc_open(st, "HRC", &fc) == HRR_OK);
    CHECK(fc && hrr_fc_forecast(fc, &iran, &o, &b) == HRR_OK);
    CHECK(b && b->n == a->n && b->p_adopted == a->p_adopted && !strcmp(b->like, a->like));
    int same = b != NULL;
    for (size_t i = 0; same && i < a->n; i++) same = !memcmp(a->b[i].p, b->b[i].p, sizeof a->b[i].p);
    CHECK(same);
    hrr_fc_result_free(b);
    b = NULL;
    hrr_fc_close(fc);
    fc = NULL;
    /* ... while turning around the ballots of the day before changes it */
    CHECK(sqlite3_exec(db,
                       "UPDATE ballots SET vote = CASE vote WHEN 1 THEN 2 WHEN 2 THEN 1 ELSE vote END"
                       " WHERE item_id IN (SELECT id FROM items WHERE date >= '2023-01-01' AND date < '2024-04-04')",
                       NULL, NULL, NULL) == SQLITE_OK);
    CHECK(hrr_fc_open(st, "HRC", &fc) == HRR_OK);
    CHECK(fc && hrr_fc_forecast(fc, &iran, &o, &b) == HRR_OK);
    CHECK(b && fabs(p_of(b, "USA", HRR_FC_YES) - p_of(a, "USA", HRR_FC_YES)) > 0.3);
    hrr_fc_result_free(b);
    hrr_fc_result_free(a);
    hrr_fc_close(fc);
    hrr_store_close(st);
    rm_store(path);
}

/* The Commission, March 1995: the draft on China, after no-action motions
 * carried on every earlier one (E/CN.4/DEC/1990/106 ... 1994/108). The last
 * motion is read as the earlier version the other way round (a yes for no
 * action is a vote against the text), and a motion is expected first. */
static void test_no_action(void)
{
    char path[256];
    hrr_store_t *st = data_store(path);
    hrr_fc_t *fc = NULL;
    CHECK(hrr_fc_open(st, "CHR", &fc) == HRR_OK);
    hrr_fc_draft_t d = {.symbol = "E/CN.4/1995/L.?", .date = "1995-03-08",
                        .title = "Situation of human rights in China", .target = "CHN", .no_action = -1};
    hrr_fc_opts_t o = {.runs = 5000, .seed = 3};
    hrr_fc_result_t *r = NULL;
    CHECK(fc && hrr_fc_forecast(fc, &d, &o, &r) == HRR_OK);
    if (r) {
        CHECK(!strcmp(r->like, "E/CN.4/DEC/1994/108"));
        CHECK(!isnan(r->p_no_action));
        /* for no action in 1994 (yes on the motion): against the text now */
        CHECK(likeliest(r, "PAK") == HRR_FC_NO && likeliest(r, "CUB") == HRR_FC_NO &&
              likeliest(r, "IND") == HRR_FC_NO && likeliest(r, "CHN") == HRR_FC_NO);
        CHECK(likeliest(r, "USA") == HRR_FC_YES && likeliest(r, "FRA") == HRR_FC_YES);
        CHECK(r->p_no_action >= 0 && r->p_no_action <= 1 - r->p_adopted + 1e-12);
    }
    hrr_fc_result_free(r);
    r = NULL;
    d.no_action = 0; /* told no motion is expected */
    CHECK(fc && hrr_fc_forecast(fc, &d, &o, &r) == HRR_OK);
    CHECK(r && isnan(r->p_no_action));
    hrr_fc_result_free(r);
    hrr_fc_close(fc);
    hrr_store_close(st);
    rm_store(path);
}

/* The Iran draft on DATE (MEMBERS: NULL for the body's), with few runs: the
 * members are what is checked. */
static hrr_fc_result_t *members_of(hrr_fc_t *fc, const char *date, const char *members)
{
    hrr_fc_draft_t d = iran;
    d.date = date;
    d.members = members;
    hrr_fc_opts_t o = {.runs = 200, .seed = 1};
    hrr_fc_result_t *r = NULL;
    CHECK(fc && hrr_fc_forecast(fc, &d, &o, &r) == HRR_OK);
    return r;
}

/* Whether the members were known or guessed: the Council's members from
 * its terms on a day the terms cover; a guess from the last recorded vote
 * after them, and an incomplete roster in a year after the records; given
 * members never a guess; the Assembly (no terms: its members are all the
 * UN's) a guess from the year's votes. */
static void test_members_guessed(void)
{
    char path[256];
    hrr_store_t *st = data_store(path);
    hrr_fc_t *fc = NULL;
    CHECK(hrr_fc_open(st, "HRC", &fc) == HRR_OK);
    hrr_fc_result_t *r = members_of(fc, "2016-06-01", NULL);
    CHECK(r && r->n == 47 && !r->members_guessed && !r->members_note[0]);
    hrr_fc_result_free(r);
    /* after the last term's end (2027-01-01): the 47 of the last vote */
    r = members_of(fc, "2027-06-01", NULL);
    CHECK(r && r->n == 47 && r->members_guessed);
    if (r) {
        CHECK_HAS(r->members_note, "no term of HRC in the store covers 2027-06-01");
        CHECK_HAS(r->members_note, "until 2027-01-01");
        CHECK_HAS(r->members_note, "the 47 members on record on its vote of 2024-10-11");
    }
    hrr_fc_result_free(r);
    /* 2025: the terms that run on past the records (elected 2022-23) name
     * only some of the 47; the last recorded vote's members are the guess,
     * and the note says how many the terms name */
    r = members_of(fc, "2025-06-01", NULL);
    CHECK(r && r->members_guessed);
    if (r) {
        long nt = sql_long(st, "SELECT count(DISTINCT state_id) FROM memberships"
                               " WHERE org='HRC' AND start_date<='2025-06-01'"
                               " AND end_date>'2025-06-01'");
        char want[64];
        CHECK(nt > 0 && nt < 47);
        CHECK_EQ_LONG((long)r->n, 47);
        CHECK_HAS(r->members_note, "2025-06-01 is in a year after the last recorded vote of HRC"
                                   " (2024-10-11)");
        snprintf(want, sizeof want, "name only %ld of its members", nt);
        CHECK_HAS(r->members_note, want);
        CHECK_HAS(r->members_note, "the 47 members on record on its vote of 2024-10-11");
    }
    hrr_fc_result_free(r);
    /* ... and given members are never a guess */
    r = members_of(fc, "2027-06-01", "USA;CHN;FRA");
    CHECK(r && r->n == 3 && !r->members_guessed && !r->members_note[0]);
    hrr_fc_result_free(r);
    hrr_fc_close(fc);
    fc = NULL;
    /* the Assembly: the UN's members on the day (data/un_members.csv), not
     * a guess: 192 the day before South Sudan's admission on 14 July 2011
     * (A/RES/65/308), 193 the day after; the German Democratic Republic a
     * Member until unification on 3 October 1990 */
    CHECK(hrr_fc_open(st, "GA", &fc) == HRR_OK);
    r = members_of(fc, "2023-12-15", NULL);
    CHECK(r && r->n == 193 && !r->members_guessed && !r->members_note[0]);
    hrr_fc_result_free(r);
    r = members_of(fc, "2011-07-13", NULL);
    CHECK(r && r->n == 192 && !r->members_guessed);
    hrr_fc_result_free(r);
    r = members_of(fc, "2011-07-15", NULL);
    CHECK(r && r->n == 193);
    int ssd = 0;
    for (size_t i = 0; r && i < r->n; i++) ssd |= !strcmp(r->b[i].state, "SSD");
    CHECK(ssd);
    hrr_fc_result_free(r);
    r = members_of(fc, "1990-10-02", NULL);
    int ddr = 0;
    for (size_t i = 0; r && i < r->n; i++) ddr |= !strcmp(r->b[i].state, "DDR");
    CHECK(ddr);
    hrr_fc_result_free(r);
    hrr_fc_close(fc);
    hrr_store_close(st);
    rm_store(path);
}

/* A rolling-origin backtest of the Council's 2023-2024 sessions. */
static void test_backtest(void)
{
    char path[256];
    /* its own import of hrc/ only: the assertions hold on the shared store
     * too, but there the backtest took more CPU under the sanitizer (37.6 s
     * user) than this import and backtest together (32.7 s) */
    hrr_store_t *st = open_store(tmp_store(path));
    CHECK(hrr_import(st, HRR_DATA_DIR "/hrc", NULL, NULL) == HRR_OK);
    hrr_fc_t *fc = NULL;
    hrr_fc_backtest_t *bt = NULL;
    CHECK(hrr_fc_open(st, "HRC", &fc) == HRR_OK);
    hrr_fc_opts_t o = {.runs = 1000, .seed = 1};
    CHECK(fc && hrr_fc_backtest(fc, 2023, 2024, &o, &bt) == HRR_OK);
    if (bt) {
        /* every recorded ballot of 2023-2024 is scored: 5,593 (SQL below) */
        long n = sql_long(st, "SELECT count(*) FROM ballots b JOIN items i ON i.id=b.item_id"
                              " WHERE i.body='HRC' AND i.date >= '2023' AND i.date < '2025'"
                              " AND i.kind <> 'motion' AND b.vote BETWEEN 1 AND 4");
        CHECK_EQ_LONG(bt->score[0].ballots, n);
        CHECK(bt->sessions >= 6);
        for (int m = 1; m < 4; m++) {
            CHECK(bt->score[0].accuracy > bt->score[m].accuracy + 0.05);
            CHECK(bt->score[0].macro_f1 > bt->score[m].macro_f1 + 0.05);
            CHECK(bt->score[0].brier < bt->score[m].brier);
        }
        CHECK(bt->score[0].outcome_accuracy > 0.85);
        CHECK(bt->score[0].ece < 0.05);
        /* always-yes is right exactly on the yes ballots */
        long yes = sql_long(st, "SELECT count(*) FROM ballots b JOIN items i ON i.id=b.item_id"
                                " WHERE i.body='HRC' AND i.date >= '2023' AND i.date < '2025'"
                                " AND i.kind <> 'motion' AND b.vote = 1");
        CHECK(fabs(bt->score[1].accuracy - (double)yes / (double)n) < 1e-12);
        long pairs = 0;
        for (int k = 0; k < 10; k++) pairs += bt->bins[k].n;
        CHECK_EQ_LONG(pairs, 4 * n);
    }
    hrr_fc_backtest_free(bt);
    hrr_fc_close(fc);
    hrr_store_close(st);
    rm_store(path);
}

static void test_batch_errors(void)
{
    char f[256];
    hrr_fc_batch_t *b = NULL;
    fixture(f, "batch.csv", "symbol,date,title,members\nL.1,2024-04-04,Situation in X,USA;CHN\n"
                            "L.2,2024-13-01,Situation in Y,\n");
    CHECK(hrr_fc_batch_load(f, &b, g_ctx) == HRR_EDATA);
    CHECK(strstr(hrr_errmsg(g_ctx), "batch.csv:3: field 'date': '2024-13-01'") != NULL);
    fixture(f, "batch.csv", "symbol,title\nL.1,Situation in X\n");
    CHECK(hrr_fc_batch_load(f, &b, g_ctx) == HRR_EDATA);
    CHECK(strstr(hrr_errmsg(g_ctx), "batch.csv:1: the header has no 'date' column") != NULL);
    fixture(f, "batch.csv", "symbol,date,title,target\nL.1,2024-04-04,Situation in X,PRK\n"
                            "L.2,2024-04-05,\"Right, to food\",\n");
    CHECK(hrr_fc_batch_load(f, &b, g_ctx) == HRR_OK);
    CHECK(b && b->n == 2 && !strcmp(b->d[1].title, "Right, to food") && !strcmp(b->d[0].target, "PRK") &&
          b->d[1].target == NULL && b->d[1].no_action == -1);
    hrr_fc_batch_free(b);
    CHECK(hrr_fc_batch_load("/nonexistent/batch.csv", &b, g_ctx) == HRR_EIO);
    CHECK(strstr(hrr_errmsg(g_ctx), "/nonexistent/batch.csv") != NULL);
}

/* The features' name table: one short lower-case name per feature, unique,
 * each with a line saying what it is; nothing out of range. */
static void test_feature_names(void)
{
    int n = hrr_fc_feature_count();
    CHECK_EQ_LONG(n, 44);
    CHECK_STR(hrr_fc_feature_name(0), "const");
    CHECK_STR(hrr_fc_feature_name(n - 1), "absent_last10");
    CHECK(hrr_fc_feature_name(-1) == NULL && hrr_fc_feature_name(n) == NULL);
    CHECK(hrr_fc_feature_about(-1) == NULL && hrr_fc_feature_about(n) == NULL);
    for (int f = 0; f < n; f++) {
        const char *a = hrr_fc_feature_name(f), *b = hrr_fc_feature_about(f);
        CHECK(a && *a && strspn(a, "abcdefghijklmnopqrstuvwxyz0123456789_") == strlen(a));
        CHECK(b && strlen(b) > 10);
        for (int g = 0; a && g < f; g++) CHECK(strcmp(a, hrr_fc_feature_name(g)) != 0);
    }
}

int main(int argc, char **argv)
{
    harness_init(argc, argv);
    if (hrr_ctx_new(&g_ctx)) return 1;
    RUN(test_exact);
    RUN(test_feature_names);
    RUN(test_thresholds);
    RUN(test_batch_errors);
    need_data();
    RUN_DATA(test_real);
    RUN_DATA(test_no_action);
    RUN_DATA(test_members_guessed);
    RUN_DATA(test_backtest);
    hrr_ctx_free(g_ctx);
    return harness_done();
}
