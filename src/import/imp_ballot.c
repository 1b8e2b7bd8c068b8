/*
 * imp_ballot.c - storing ballots while importing: the one ballot writer
 * every importer uses (hrr_imp_writer_*, and hrr_imp_ballot on the import's
 * own unbatched writer), with the set of ballots this file has given.
 *
 * Ballots go in through one reused INSERT ... ON CONFLICT DO NOTHING. With
 * batching (the big unvotes file) they go in BATCH rows per statement: one
 * statement run per batch instead of per row, which is most of the cost
 * (the rows themselves, the foreign-key checks and the primary-key check
 * remain). A batch runs inside a savepoint; when fewer rows went in than
 * were sent (a ballot another source stored), the batch is rolled back and
 * replayed row by row, which finds the row and its line.
 *
 * The seen set says which (item, state) pairs this file has given a ballot
 * and which vote, so that a second one is found at once, even where another
 * source's ballot made the first insert a no-op.
 */
#include "import.h"

#include <stdio.h>
#include <string.h>

enum { BATCH = 200 };

/* ------------------------------------------------------------ seen set */

/* Grow the set to hold item ITEM (rows are items.id; columns states.id). */
static hrr_err_t seen_fit(hrr_imp_t *imp, hrr_imp_seen_t *s, long item)
{
    hrr_err_t rc;
    if (!s->ncols) {
        sqlite3_stmt *q;
        if ((rc = hrr_imp_prepare(imp, "SELECT coalesce(max(id), 0) FROM states", &q)))
            return rc;
        int src = sqlite3_step(q);
        if (src == SQLITE_ROW) s->ncols = (size_t)sqlite3_column_int64(q, 0) + 1;
        sqlite3_finalize(q);
        if (src != SQLITE_ROW) return hrr_imp_dberr(imp, "counting the states");
    }
    size_t need = (size_t)item + 1, rows = s->nrows ? s->nrows : 1024;
    while (rows < need) rows *= 2;
    unsigned char *v = hrr_i_realloc(hrr_store_ctx(imp->st), s->vote, rows * s->ncols);
    if (!v) return HRR_ENOMEM;
    memset(v + s->nrows * s->ncols, 0, (rows - s->nrows) * s->ncols);
    s->vote = v;
    s->nrows = rows;
    return HRR_OK;
}

/* The vote this file gave STATE on ITEM (0: none yet), and mark VOTE. */
static hrr_err_t seen_mark(hrr_imp_t *imp, hrr_imp_seen_t *s, long item, long state,
                           int vote, int *old)
{
    hrr_err_t rc;
    *old = 0;
    if (item < 0 || state < 0) return HRR_OK;
    if ((size_t)item >= s->nrows && (rc = seen_fit(imp, s, item))) return rc;
    if ((size_t)state >= s->ncols) return HRR_OK; /* a state added since: the store checks */
    unsigned char *p = &s->vote[(size_t)item * s->ncols + (size_t)state];
    *old = *p;
    if (!*p) *p = (unsigned char)vote;
    return HRR_OK;
}

/* -------------------------------------------------------------- writer */

hrr_err_t hrr_imp_writer_open(hrr_imp_t *imp, hrr_imp_writer_t *w, bool batch,
                              hrr_imp_settle_fn settle, void *ud)
{
    hrr_err_t rc;
    memset(w, 0, sizeof *w);
    w->settle = settle;
    w->ud = ud;
    if ((rc = hrr_imp_prepare(imp,
            "INSERT INTO ballots(item_id,state_id,vote,source_id) VALUES(?,?,?,?)"
            " ON CONFLICT DO NOTHING", &w->ins)) ||
        (rc = hrr_imp_prepare(imp,
            "SELECT vote, source_id FROM ballots WHERE item_id=? AND state_id=?", &w->get)) ||
        (rc = hrr_imp_prepare(imp,
            "SELECT 1 FROM ballots WHERE item_id=? AND source_id<>? LIMIT 1", &w->other)))
        return rc;
    if (!batch) return HRR_OK;
    hrr_sbuf_t sql = {0};
    rc = hrr_sbuf_printf(hrr_store_ctx(imp->st), &sql, "INSERT INTO ballots(item_id,state_id,vote,source_id) VALUES");
    for (int i = 0; i < BATCH && !rc; i++)
        rc = hrr_sbuf_printf(hrr_store_ctx(imp->st), &sql, "%s(?,?,?,%ld)", i ? "," : "", imp->source_id);
    if (!rc) rc = hrr_sbuf_printf(hrr_store_ctx(imp->st), &sql, " ON CONFLICT DO NOTHING");
    if (!rc) rc = hrr_imp_prepare(imp, sql.z, &w->many);
    hrr_sbuf_destroy(&sql);
    if (rc) return rc;
    if ((rc = hrr_imp_prepare(imp, "SAVEPOINT imp_batch", &w->sp[0])) ||
        (rc = hrr_imp_prepare(imp, "RELEASE imp_batch", &w->sp[1])) ||
        (rc = hrr_imp_prepare(imp, "ROLLBACK TO imp_batch", &w->sp[2])))
        return rc;
    if (!(w->q = hrr_i_malloc(hrr_store_ctx(imp->st), BATCH * sizeof *w->q))) return HRR_ENOMEM;
    return HRR_OK;
}

void hrr_imp_writer_close(hrr_imp_writer_t *w)
{
    if (!w) return;
    sqlite3_finalize(w->ins);
    sqlite3_finalize(w->get);
    sqlite3_finalize(w->other);
    sqlite3_finalize(w->many);
    hrr_i_free(NULL, w->others);
    for (int i = 0; i < 3; i++) sqlite3_finalize(w->sp[i]);
    hrr_i_free(NULL, w->q);
    hrr_i_free(NULL, w->seen.vote);
    memset(w, 0, sizeof *w);
}

/* The default for a ballot another source stored with another vote: a
 * "source-disagreement" finding naming both. */
static hrr_err_t settle_default(hrr_imp_t *imp, const hrr_imp_bal_t *b,
                                hrr_ballot_put_t put, int old_vote, long old_src)
{
    if (put != HRR_BALLOT_DIFFERS) return HRR_OK;
    char detail[256];
    snprintf(detail, sizeof detail, "%s: %s in the store (import %ld), %s in %s",
             b->label, hrr_vote_name(old_vote), old_src, hrr_vote_name(b->vote),
             imp->fmt->name);
    return hrr_imp_finding(imp, "source-disagreement", b->item_id, detail);
}

/* Does another source hold ballots on ITEM? Asked once an item: a file's
 * own ballots do not change the answer. */
static hrr_err_t others_on(hrr_imp_t *imp, hrr_imp_writer_t *w, long item, bool *yes)
{
    *yes = true;
    if (item < 0 || item >= (1L << 26)) return HRR_OK;
    if ((size_t)item >= w->nothers) {
        size_t n = w->nothers ? w->nothers : 4096;
        while (n <= (size_t)item) n *= 2;
        unsigned char *a = hrr_i_realloc(hrr_store_ctx(imp->st), w->others, n);
        if (!a) return HRR_ENOMEM;
        memset(a + w->nothers, 0, n - w->nothers);
        w->others = a;
        w->nothers = n;
    }
    if (!w->others[item]) {
        sqlite3_bind_int64(w->other, 1, item);
        sqlite3_bind_int64(w->other, 2, imp->source_id);
        int src = sqlite3_step(w->other);
        sqlite3_reset(w->other);
        if (src != SQLITE_ROW && src != SQLITE_DONE) return hrr_imp_dberr(imp, "reading ballots");
        w->others[item] = src == SQLITE_ROW ? 2 : 1;
    }
    *yes = w->others[item] == 2;
    return HRR_OK;
}

/* Insert B unless a ballot of its state on its item is there: *ADDED 1 if
 * it went in. */
static hrr_err_t insert1(hrr_imp_t *imp, hrr_imp_writer_t *w, const hrr_imp_bal_t *b, int *added)
{
    sqlite3_bind_int64(w->ins, 1, b->item_id);
    sqlite3_bind_int64(w->ins, 2, b->state_id);
    sqlite3_bind_int(w->ins, 3, b->vote);
    sqlite3_bind_int64(w->ins, 4, imp->source_id);
    int src = sqlite3_step(w->ins);
    sqlite3_reset(w->ins);
    if (src != SQLITE_DONE) return hrr_imp_dberr(imp, "inserting a ballot");
    *added = sqlite3_changes(imp->db) == 1;
    w->added += *added;
    return HRR_OK;
}

/* Store one ballot now; *PUT and *OLD say what happened. On an item
 * another source voted on, the ballot there is read first (most of such a
 * file's rows meet one: Voeten's 136,461 of 182,024), and the insert tried
 * only where there is none; elsewhere the insert is tried first. */
static hrr_err_t put1(hrr_imp_t *imp, hrr_imp_writer_t *w, const hrr_imp_bal_t *b,
                      hrr_ballot_put_t *put, int *old)
{
    hrr_err_t rc;
    bool others;
    int src;
    *put = HRR_BALLOT_NEW;
    *old = 0;
    if ((rc = others_on(imp, w, b->item_id, &others))) return rc;
    if (!others) {
        if ((rc = insert1(imp, w, b, &src))) return rc;
        if (src) return HRR_OK;
    }
    /* a ballot may be there already: from this file, or another source */
    sqlite3_bind_int64(w->get, 1, b->item_id);
    sqlite3_bind_int64(w->get, 2, b->state_id);
    src = sqlite3_step(w->get);
    *old = src == SQLITE_ROW ? sqlite3_column_int(w->get, 0) : 0;
    long old_src = src == SQLITE_ROW ? (long)sqlite3_column_int64(w->get, 1) : 0;
    sqlite3_reset(w->get);
    if (src == SQLITE_DONE && others) {
        /* none there: this is the first */
        if ((rc = insert1(imp, w, b, &src))) return rc;
        return src ? HRR_OK : hrr_imp_dberr(imp, "inserting a ballot");
    }
    if (src != SQLITE_ROW) return hrr_imp_dberr(imp, "reading a ballot");
    if (*old < 1 || *old > 5) *old = 0;
    *put = old_src == imp->source_id ? HRR_BALLOT_REPEAT
         : *old == b->vote ? HRR_BALLOT_SAME : HRR_BALLOT_DIFFERS;
    if (*put == HRR_BALLOT_SAME) w->same++;
    if (*put == HRR_BALLOT_DIFFERS) w->differ++;
    return w->settle ? w->settle(imp, b, *put, *old, old_src, w->ud)
                     : settle_default(imp, b, *put, *old, old_src);
}

static hrr_err_t run(hrr_imp_t *imp, sqlite3_stmt *s)
{
    int src = sqlite3_step(s);
    sqlite3_reset(s);
    return src == SQLITE_DONE ? HRR_OK : hrr_imp_dberr(imp, "inserting ballots");
}

hrr_err_t hrr_imp_writer_flush(hrr_imp_t *imp, hrr_imp_writer_t *w)
{
    hrr_err_t rc = HRR_OK;
    long line = imp->line;
    if (w->nq == BATCH) {
        for (int i = 0; i < BATCH; i++) {
            sqlite3_bind_int64(w->many, 3 * i + 1, w->q[i].item_id);
            sqlite3_bind_int64(w->many, 3 * i + 2, w->q[i].state_id);
            sqlite3_bind_int(w->many, 3 * i + 3, w->q[i].vote);
        }
        imp->line = w->q[0].line;
        if ((rc = run(imp, w->sp[0]))) goto out;
        if ((rc = run(imp, w->many))) goto out;
        if (sqlite3_changes(imp->db) == BATCH) {
            w->added += BATCH;
            w->nq = 0;
            rc = run(imp, w->sp[1]);
            goto out;
        }
        if ((rc = run(imp, w->sp[2])) || (rc = run(imp, w->sp[1]))) goto out;
    }
    for (int i = 0; i < w->nq && !rc; i++) {
        hrr_ballot_put_t put;
        int old;
        imp->line = w->q[i].line;
        rc = put1(imp, w, &w->q[i], &put, &old);
    }
    w->nq = 0;
out:
    if (!rc) imp->line = line;
    return rc;
}

hrr_err_t hrr_imp_writer_put(hrr_imp_t *imp, hrr_imp_writer_t *w, const hrr_imp_bal_t *b,
                             hrr_ballot_put_t *put, int *old)
{
    hrr_err_t rc;
    if ((rc = hrr_imp_member_check(imp, b->item_id, b->state_id, b->vote))) return rc;
    if ((rc = seen_mark(imp, &w->seen, b->item_id, b->state_id, b->vote, old))) return rc;
    if (*old) {
        *put = HRR_BALLOT_REPEAT;
        return HRR_OK;
    }
    if (!w->many) return put1(imp, w, b, put, old);
    *put = HRR_BALLOT_NEW; /* so far: a conflict is settled when the batch goes in */
    w->q[w->nq] = *b;
    w->q[w->nq++].line = imp->line;
    return w->nq == BATCH ? hrr_imp_writer_flush(imp, w) : HRR_OK;
}

hrr_err_t hrr_imp_ballot(hrr_imp_t *imp, long item_id, long state_id, int vote,
                         const char *label, hrr_ballot_put_t *put, int *old_vote)
{
    hrr_err_t rc;
    *put = HRR_BALLOT_NEW;
    *old_vote = 0;
    if (!imp->writer) {
        if (!(imp->writer = hrr_i_calloc(hrr_store_ctx(imp->st), 1, sizeof *imp->writer))) return HRR_ENOMEM;
        if ((rc = hrr_imp_writer_open(imp, imp->writer, false, NULL, NULL))) return rc;
    }
    hrr_imp_bal_t b = {.item_id = item_id, .state_id = state_id, .vote = vote,
                       .label = label};
    return hrr_imp_writer_put(imp, imp->writer, &b, put, old_vote);
}
