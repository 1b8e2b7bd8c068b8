/*
 * vmat.c - the votes of one body over a period as a states x items matrix
 * of bytes, loaded once for the analyses (agreement, cohesion, ideal points).
 */
#include "vmat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>



void hrr_i_vmat_destroy(vmat_t *m)
{
    hrr_i_free(NULL, m->iso3);
    hrr_i_free(NULL, m->year);
    hrr_i_free(NULL, m->v);
}

/* One state of the states table, in ISO3 order: the matrix's row for it
 * until the rows without a vote are dropped. */
typedef struct srow {
    char iso3[4];
    unsigned char flag;    /* VOTED, LONG */
} srow_t;

enum { VOTED = 1, LONG = 2 }; /* LONG: an ISO3 of more than 3 bytes, whose votes
                                 the ISO3 lookup this replaces never matched */

/* A state id and its row, for the ids the direct map does not cover. */
typedef struct id_row {
    sqlite3_int64 id;
    long row;
} id_row_t;

/* The direct map (state id -> row) covers ids 0..DIRECT_MAX: the states
 * table holds ~210, numbered from 1. */
#define DIRECT_MAX 65535

static int cmp_id_row(const void *a, const void *b)
{
    sqlite3_int64 x = ((const id_row_t *)a)->id, y = ((const id_row_t *)b)->id;
    return (x > y) - (x < y);
}

/* What the ballots' pass writes through: the aggregate vmat_put(ptr, item_id,
 * state_id, vote) that the third query calls on each ballot, so that SQLite
 * runs the whole scan inside one sqlite3_step (a result row per ballot,
 * three sqlite3_column calls each taking the connection's mutex, cost more
 * than the scan itself: 870k ballots for the Assembly). */
typedef struct put {
    const long *pos;       /* item id -> column, -1 if not read */
    long maxid;            /* pos covers 0..maxid */
    const long *direct;    /* state id 0..dmax -> row, -1 if none */
    long dmax;
    const id_row_t *pairs; /* (state id, row) by id, for the others */
    size_t nall;
    srow_t *rows;          /* every state: VOTED set here */
    unsigned char *v;      /* nall x nt */
    size_t nt;
} put_t;

static void put_step(sqlite3_context *c, int argc, sqlite3_value **argv)
{
    put_t *p = sqlite3_value_pointer(argv[0], "hrr_vmat_put");
    (void)argc;
    (void)c;
    if (!p) return; /* called by other SQL than hrr_i_vmat_load's */
    sqlite3_int64 id = sqlite3_value_int64(argv[1]), sid = sqlite3_value_int64(argv[2]);
    long t = id >= 0 && id <= p->maxid ? p->pos[id] : -1, r;
    if (sid >= 0 && sid <= p->dmax) r = p->direct[sid];
    else {
        id_row_t key = {sid, 0}, *f = bsearch(&key, p->pairs, p->nall, sizeof *p->pairs, cmp_id_row);
        r = f ? f->row : -1;
    }
    if (t < 0 || r < 0) return;
    p->rows[r].flag |= VOTED;
    if (!(p->rows[r].flag & LONG)) p->v[(size_t)r * p->nt + (size_t)t] = (unsigned char)sqlite3_value_int(argv[3]);
}

static void put_final(sqlite3_context *c)
{
    sqlite3_result_int(c, 0);
}

/* The items (selected by date), the states table by ISO3, then the ballots
 * ONCE, item by item, by integer state id: each vote written straight into
 * its state's row; the rows of the states without a vote dropped last. */
hrr_err_t hrr_i_vmat_load(hrr_store_t *st, const hrr_scope_opts_t *sc, vmat_t *m)
{
    hrr_ctx_t *ctx = hrr_store_ctx(st);
    sqlite3_stmt *s = NULL;
    hrr_err_t rc = HRR_OK;
    memset(m, 0, sizeof *m);
    char known[64];
    if (!sc || !sc->body)
        return hrr_i_seterr(st, HRR_EINVAL, "a body is required (%s)",
                            hrr_i_body_list(st, known, sizeof known));
    static const char *const q_items =
        "SELECT id, CAST(substr(date,1,4) AS INTEGER) FROM items WHERE body=?1"
        " AND (?2=0 OR CAST(substr(date,1,4) AS INTEGER)>=?2)"
        " AND (?3=0 OR CAST(substr(date,1,4) AS INTEGER)<=?3)"
        " AND EXISTS (SELECT 1 FROM ballots b WHERE b.item_id=items.id) ORDER BY date, id";
    static const char *const q_states = "SELECT id, iso3 FROM states ORDER BY iso3";
    /* items_body_date, then the ballots' primary key: in item order, no sort */
    static const char *const q_votes =
        "SELECT vmat_put(?4, b.item_id, b.state_id, b.vote) FROM items i JOIN ballots b ON b.item_id=i.id"
        " WHERE i.body=?1 AND b.vote BETWEEN " HRR_SQL_YES " AND " HRR_SQL_ABSTAIN
        " AND (?2=0 OR CAST(substr(i.date,1,4) AS INTEGER)>=?2)"
        " AND (?3=0 OR CAST(substr(i.date,1,4) AS INTEGER)<=?3)";
    long *ids = NULL, maxid = 0;
    long *pos = NULL;       /* item id -> column, -1 if not read */
    size_t cap = 0;
    srow_t *rows = NULL;    /* every state, by ISO3 */
    id_row_t *pairs = NULL; /* (state id, row), sorted by id for the search */
    long *direct = NULL;    /* state id 0..dmax -> row, -1 if none */
    long dmax = -1;
    size_t nall = 0, scap = 0;
    put_t put;
    for (int pass = 0; pass < 3 && !rc; pass++) {
        const char *q = pass == 0 ? q_items : pass == 1 ? q_states : q_votes;
        if (pass == 2) {
            /* registered on the connection once and left there (SQLite
             * refuses to replace a function while a statement of the
             * connection is running: SQLITE_BUSY, the earlier registration
             * stays and serves); the matrix goes in as a bound pointer */
            int frc = sqlite3_create_function_v2(st->db, "vmat_put", 4, SQLITE_UTF8 | SQLITE_DIRECTONLY, NULL,
                                                 NULL, put_step, put_final, NULL);
            if (frc && frc != SQLITE_BUSY) {
                rc = hrr_i_dberr(st, "reading votes");
                break;
            }
        }
        if (sqlite3_prepare_v2(st->db, q, -1, &s, NULL)) {
            rc = hrr_i_dberr(st, "reading votes");
            break;
        }
        if (pass != 1) {
            sqlite3_bind_text(s, 1, sc->body, -1, SQLITE_STATIC);
            sqlite3_bind_int(s, 2, sc->from);
            sqlite3_bind_int(s, 3, sc->to);
        }
        if (pass == 2) {
            for (size_t t = 0; t < m->nt; t++) maxid = ids[t] > maxid ? ids[t] : maxid;
            for (size_t k = 0; k < nall; k++)
                if (pairs[k].id >= 0 && pairs[k].id <= DIRECT_MAX && pairs[k].id > dmax) dmax = (long)pairs[k].id;
            if (!(m->v = hrr_i_calloc(ctx, nall * m->nt + 1, 1)) ||
                !(pos = hrr_i_malloc(ctx, ((size_t)maxid + 1) * sizeof *pos)) ||
                !(direct = hrr_i_malloc(ctx, ((size_t)dmax + 2) * sizeof *direct)))
                rc = HRR_ENOMEM;
            for (long k = 0; !rc && k <= maxid; k++) pos[k] = -1;
            for (size_t t = 0; !rc && t < m->nt; t++) pos[ids[t]] = (long)t;
            for (long k = 0; !rc && k <= dmax; k++) direct[k] = -1;
            for (size_t k = 0; !rc && k < nall; k++)
                if (pairs[k].id >= 0 && pairs[k].id <= dmax) direct[pairs[k].id] = pairs[k].row;
            if (!rc && nall) qsort(pairs, nall, sizeof *pairs, cmp_id_row);
            put = (put_t){pos, maxid, direct, dmax, pairs, nall, rows, m->v, m->nt};
            sqlite3_bind_pointer(s, 4, &put, "hrr_vmat_put", NULL);
        }
        bool row;
        while (!rc && !(rc = hrr_i_step(st, s, &row)) && row) {
            if (pass == 0) {
                if (m->nt == cap) {
                    cap = cap ? 2 * cap : 1024;
                    long *a = hrr_i_realloc(ctx, ids, cap * sizeof *a);
                    int *y = a ? hrr_i_realloc(ctx, m->year, cap * sizeof *y) : NULL;
                    if (a) ids = a;
                    if (y) m->year = y;
                    if (!a || !y) {
                        rc = HRR_ENOMEM;
                        break;
                    }
                }
                ids[m->nt] = (long)sqlite3_column_int64(s, 0);
                m->year[m->nt++] = sqlite3_column_int(s, 1);
            } else if (pass == 1) {
                if (nall == scap) {
                    scap = scap ? 2 * scap : 256;
                    srow_t *a = hrr_i_realloc(ctx, rows, scap * sizeof *a);
                    id_row_t *p = a ? hrr_i_realloc(ctx, pairs, scap * sizeof *p) : NULL;
                    if (a) rows = a;
                    if (p) pairs = p;
                    if (!a || !p) {
                        rc = HRR_ENOMEM;
                        break;
                    }
                }
                const char *iso = (const char *)sqlite3_column_text(s, 1);
                if (!iso) iso = "";
                snprintf(rows[nall].iso3, sizeof rows[nall].iso3, "%s", iso);
                rows[nall].flag = strlen(iso) > 3 ? LONG : 0;
                pairs[nall].id = sqlite3_column_int64(s, 0);
                pairs[nall].row = (long)nall;
                nall++;
            }
        }
        sqlite3_finalize(s);
        s = NULL;
    }
    /* drop the rows of the states that did not vote (moving rows up) */
    size_t ns = 0;
    for (size_t k = 0; !rc && k < nall; k++)
        if (rows[k].flag & VOTED) {
            if (ns != k) {
                if (m->nt) memcpy(m->v + ns * m->nt, m->v + k * m->nt, m->nt);
                rows[ns] = rows[k];
            }
            ns++;
        }
    if (!rc && ns && !(m->iso3 = hrr_i_malloc(ctx, ns * sizeof *m->iso3))) rc = HRR_ENOMEM;
    if (!rc) {
        for (size_t k = 0; k < ns; k++) memcpy(m->iso3[k], rows[k].iso3, sizeof m->iso3[k]);
        m->ns = ns;
        if (ns < nall) {
            unsigned char *v = hrr_i_realloc(ctx, m->v, ns * m->nt + 1);
            if (v) m->v = v;
        }
        m->v[ns * m->nt] = 0;
    }
    hrr_i_free(ctx, ids);
    hrr_i_free(ctx, pos);
    hrr_i_free(ctx, rows);
    hrr_i_free(ctx, pairs);
    hrr_i_free(ctx, direct);
    if (rc == HRR_ENOMEM) hrr_i_seterr(st, rc, "out of memory");
    if (rc) hrr_i_vmat_destroy(m);
    return rc;
}


hrr_err_t hrr_i_vmat_rollcall(hrr_ctx_t *ctx, const vmat_t *m, long min_votes, int ordinal, signed char **y, size_t **keep_s,
                              size_t *ns, size_t **keep_t, size_t *nt)
{
    size_t *ks = hrr_i_calloc(ctx, m->ns + 1, sizeof *ks), *kt = hrr_i_calloc(ctx, m->nt + 1, sizeof *kt);
    signed char *yy = NULL;
    size_t a = 0, b = 0;
    *y = NULL, *keep_s = *keep_t = NULL, *ns = *nt = 0;
    if (!ks || !kt) goto nomem;
    for (size_t j = 0; j < m->nt; j++) {
        int seen[4] = {0, 0, 0, 0};
        for (size_t i = 0; i < m->ns; i++) seen[m->v[i * m->nt + j] & 3] = 1;
        if (ordinal ? seen[HRR_VOTE_YES] + seen[HRR_VOTE_NO] + seen[HRR_VOTE_ABSTAIN] >= 2 : seen[HRR_VOTE_YES] && seen[HRR_VOTE_NO]) kt[b++] = j;
    }
    for (size_t i = 0; i < m->ns; i++) {
        long n = 0;
        for (size_t k = 0; k < b; k++) {
            unsigned char v = m->v[i * m->nt + kt[k]];
            n += v == HRR_VOTE_YES || v == HRR_VOTE_NO || (ordinal && v == HRR_VOTE_ABSTAIN);
        }
        if (n >= min_votes) ks[a++] = i;
    }
    if (!a || !b) {
        hrr_i_free(ctx, ks), hrr_i_free(ctx, kt);
        return HRR_ENOTFOUND;
    }
    if (!(yy = hrr_i_malloc(ctx, a * b))) goto nomem;
    for (size_t r = 0; r < a; r++)
        for (size_t k = 0; k < b; k++) {
            unsigned char v = m->v[ks[r] * m->nt + kt[k]];
            yy[r * b + k] = ordinal ? (v == HRR_VOTE_YES ? 2 : v == HRR_VOTE_ABSTAIN ? 1 : v == HRR_VOTE_NO ? 0 : -1)
                                  : (v == HRR_VOTE_YES ? 1 : v == HRR_VOTE_NO ? 0 : -1);
        }
    *y = yy, *keep_s = ks, *keep_t = kt, *ns = a, *nt = b;
    return HRR_OK;
nomem:
    hrr_i_free(ctx, ks), hrr_i_free(ctx, kt), hrr_i_free(ctx, yy);
    return HRR_ENOMEM;
}
