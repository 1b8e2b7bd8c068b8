/*
 * test_errors.c - the one error channel: a statement whose step fails (here
 * interrupted by a progress handler, as a BUSY or an I/O error would fail it)
 * gives HRR_EDB and a message naming the SQL, never a silently short result.
 * The context (hrr_ctx_t) carries the message of calls without a store.
 * Needs no real data.
 */
#include "harness.h"

#include "store/store.h"

#include <gsl/gsl_linalg.h>
#include <igraph/igraph.h>

/* A progress handler that interrupts the statement once it has run
 * *UD more callbacks (every VM step here: sqlite3_progress_handler(db, 1)). */
static int stop_after(void *ud)
{
    long *left = ud;
    return (*left)-- <= 0;
}

static hrr_err_t count_row(void *ud, sqlite3_stmt *s)
{
    (void)s;
    (*(long *)ud)++;
    return HRR_OK;
}

static void test_step(hrr_store_t *st)
{
    sqlite3 *db = hrr_store_sqlite(st);
    sqlite3_stmt *s;
    bool row;
    long n = 0, all, left;
    /* untroubled: every row, then done */
    CHECK(sqlite3_prepare_v2(db, "SELECT id FROM states ORDER BY id", -1, &s, NULL) == SQLITE_OK);
    CHECK(hrr_i_step_each(st, s, count_row, &n) == HRR_OK);
    all = sql_long(st, "SELECT count(*) FROM states");
    CHECK(all > 100);
    CHECK_EQ_LONG(n, all);
    sqlite3_reset(s);
    /* interrupted part way: an error naming the SQL, not fewer rows */
    left = 200;
    n = 0;
    sqlite3_progress_handler(db, 1, stop_after, &left);
    CHECK(hrr_i_step_each(st, s, count_row, &n) == HRR_EDB);
    CHECK(n < all);
    CHECK_HAS(hrr_store_errmsg(st), "SELECT id FROM states ORDER BY id");
    CHECK_HAS(hrr_store_errmsg(st), "interrupt");
    sqlite3_reset(s);
    /* the iterator form says the same */
    left = 0;
    CHECK(hrr_i_step(st, s, &row) == HRR_EDB);
    CHECK(!row);
    CHECK_HAS(hrr_store_errmsg(st), "SELECT id FROM states");
    sqlite3_progress_handler(db, 0, NULL, NULL);
    sqlite3_reset(s);
    CHECK(hrr_i_step(st, s, &row) == HRR_OK && row);
    sqlite3_finalize(s);
    /* a write stepped to done */
    CHECK(sqlite3_prepare_v2(db, "CREATE TEMP TABLE t(x)", -1, &s, NULL) == SQLITE_OK);
    CHECK(hrr_i_step_done(st, s) == HRR_OK);
    sqlite3_finalize(s);
}

/* A public call over a converted loop: the state resolver. Interrupted, it
 * used to say "unknown state" (the rows it never saw); now it is an error
 * of the store that names the statement. */
static void test_resolve_interrupted(hrr_store_t *st)
{
    sqlite3 *db = hrr_store_sqlite(st);
    char iso3[4];
    long left = 0;
    sqlite3_progress_handler(db, 1, stop_after, &left);
    CHECK(hrr_state_resolve(st, "iso2", "FR", NULL, iso3) == HRR_EDB);
    CHECK_HAS(hrr_store_errmsg(st), "state_aliases");
    CHECK_HAS(hrr_store_errmsg(st), "interrupt");
    sqlite3_progress_handler(db, 0, NULL, NULL);
    CHECK(hrr_state_resolve(st, "iso2", "FR", NULL, iso3) == HRR_OK);
    CHECK_STR(iso3, "FRA");
}

/* igraph's and GSL's handlers, replaced at start-up, record and return
 * instead of aborting the process (the test would die here otherwise). */
static void test_handlers(void)
{
    hrr_i_init();
    igraph_vector_int_t e;
    igraph_t g;
    CHECK(igraph_vector_int_init(&e, 2) == IGRAPH_SUCCESS);
    VECTOR(e)[1] = -1; /* an edge to a vertex that cannot be */
    hrr_i_lib_reason_clear();
    CHECK(igraph_create(&g, &e, 2, IGRAPH_UNDIRECTED) != IGRAPH_SUCCESS);
    CHECK_HAS(hrr_i_lib_reason(), "igraph");
    igraph_vector_int_destroy(&e);
    gsl_matrix *m = gsl_matrix_alloc(2, 2);
    gsl_matrix_set_all(m, 1.0);
    gsl_matrix_set(m, 1, 1, -1.0); /* not positive definite */
    hrr_i_lib_reason_clear();
    CHECK(gsl_linalg_cholesky_decomp1(m) != 0);
    CHECK_HAS(hrr_i_lib_reason(), "GSL");
    gsl_matrix_free(m);
}

/* The context: a caller's own for calls without a store, and the store's. */
static void test_ctx(hrr_store_t *st)
{
    hrr_ctx_t *ctx = NULL;
    hrr_rules_t *r = NULL;
    CHECK(hrr_ctx_new(&ctx) == HRR_OK && ctx);
    CHECK_STR(hrr_errmsg(ctx), "");
    CHECK_STR(hrr_errmsg(NULL), "out of memory");
    CHECK(hrr_rules_load("no-such-rules", &r, ctx) == HRR_ENOTFOUND);
    CHECK_HAS(hrr_errmsg(ctx), "no-such-rules");
    CHECK(hrr_rules_load("hrc", &r, ctx) == HRR_OK);
    hrr_rules_free(r);
    hrr_ctx_free(ctx);
    hrr_ctx_free(NULL);
    /* the store's context is where its messages are; freeing it is a no-op */
    char iso3[4];
    CHECK(hrr_state_resolve(st, "iso3", "XYZ", NULL, iso3) == HRR_ENOTFOUND);
    CHECK(hrr_store_ctx(st) != NULL);
    CHECK_HAS(hrr_errmsg(hrr_store_ctx(st)), "XYZ");
    CHECK(hrr_errmsg(hrr_store_ctx(st)) == hrr_store_errmsg(st));
    hrr_ctx_free(hrr_store_ctx(st));
    CHECK(hrr_rules_load("no-such-rules", &r, hrr_store_ctx(st)) == HRR_ENOTFOUND);
    CHECK_HAS(hrr_store_errmsg(st), "no-such-rules");
}

int main(void)
{
    test_handlers();
    char path[256];
    tmp_store(path);
    hrr_store_t *st = open_store(path);
    test_step(st);
    test_resolve_interrupted(st);
    test_ctx(st);
    hrr_store_close(st);
    rm_store(path);
    return harness_done();
}
