/*
 * vmat.c - the votes of one body over a period as a states x items matrix
 * of bytes, loaded once for the analyses (agreement, cohesion, ideal points).
 */
#include "vmat.h"

#include <stdio.h>
#include <string.h>



void hrr_i_vmat_destroy(vmat_t *m)
{
    hrr_i_free(NULL, m->iso3);
    hrr_i_free(NULL, m->year);
    hrr_i_free(NULL, m->v);
}

hrr_err_t hrr_i_vmat_load(hrr_store_t *st, const hrr_scope_opts_t *sc, vmat_t *m)
{
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
    static const char *const q_states =
        "SELECT DISTINCT s.iso3 FROM ballots b JOIN items i ON i.id=b.item_id JOIN states s"
        " ON s.id=b.state_id WHERE i.body=?1 AND b.vote BETWEEN " HRR_SQL_YES " AND " HRR_SQL_ABSTAIN
        " AND (?2=0 OR CAST(substr(i.date,1,4) AS INTEGER)>=?2)"
        " AND (?3=0 OR CAST(substr(i.date,1,4) AS INTEGER)<=?3) ORDER BY s.iso3";
    static const char *const q_votes =
        "SELECT b.item_id, s.iso3, b.vote FROM ballots b JOIN items i ON i.id=b.item_id"
        " JOIN states s ON s.id=b.state_id WHERE i.body=?1 AND b.vote BETWEEN " HRR_SQL_YES " AND " HRR_SQL_ABSTAIN
        " AND (?2=0 OR CAST(substr(i.date,1,4) AS INTEGER)>=?2)"
        " AND (?3=0 OR CAST(substr(i.date,1,4) AS INTEGER)<=?3)";
    long *ids = NULL, maxid = 0;
    long *pos = NULL;    /* item id -> column, -1 if not read */
    size_t cap = 0;
    for (int pass = 0; pass < 3 && !rc; pass++) {
        const char *q = pass == 0 ? q_items : pass == 1 ? q_states : q_votes;
        if (sqlite3_prepare_v2(st->db, q, -1, &s, NULL)) {
            rc = hrr_i_dberr(st, "reading votes");
            break;
        }
        sqlite3_bind_text(s, 1, sc->body, -1, SQLITE_STATIC);
        sqlite3_bind_int(s, 2, sc->from);
        sqlite3_bind_int(s, 3, sc->to);
        if (pass == 2) {
            for (size_t t = 0; t < m->nt; t++) maxid = ids[t] > maxid ? ids[t] : maxid;
            if (!(m->v = hrr_i_calloc(hrr_store_ctx(st), m->ns * m->nt + 1, 1)) ||
                !(pos = hrr_i_malloc(hrr_store_ctx(st), ((size_t)maxid + 1) * sizeof *pos)))
                rc = HRR_ENOMEM;
            for (long k = 0; !rc && k <= maxid; k++) pos[k] = -1;
            for (size_t t = 0; !rc && t < m->nt; t++) pos[ids[t]] = (long)t;
        }
        bool row;
        while (!rc && !(rc = hrr_i_step(st, s, &row)) && row) {
            if (pass == 0) {
                if (m->nt == cap) {
                    cap = cap ? 2 * cap : 1024;
                    long *a = hrr_i_realloc(hrr_store_ctx(st), ids, cap * sizeof *a);
                    int *y = a ? hrr_i_realloc(hrr_store_ctx(st), m->year, cap * sizeof *y) : NULL;
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
                char (*a)[4] = hrr_i_realloc(hrr_store_ctx(st), m->iso3, (m->ns + 1) * sizeof *a);
                if (!a) {
                    rc = HRR_ENOMEM;
                    break;
                }
                m->iso3 = a;
                snprintf(m->iso3[m->ns++], 4, "%s", (const char *)sqlite3_column_text(s, 0));
            } else {
                long id = (long)sqlite3_column_int64(s, 0);
                const char *iso = (const char *)sqlite3_column_text(s, 1);
                long t = id >= 0 && id <= maxid ? pos[id] : -1;
                size_t lo = 0, hi = m->ns; /* states are sorted: binary search */
                while (lo < hi) {
                    size_t mid = (lo + hi) / 2;
                    int c = strcmp(m->iso3[mid], iso);
                    if (c == 0) lo = hi = mid;
                    else if (c < 0) lo = mid + 1;
                    else hi = mid;
                }
                if (t >= 0 && lo < m->ns && strcmp(m->iso3[lo], iso) == 0)
                    m->v[lo * m->nt + (size_t)t] = (unsigned char)sqlite3_column_int(s, 2);
            }
        }
        sqlite3_finalize(s);
        s = NULL;
    }
    hrr_i_free(hrr_store_ctx(st), ids);
    hrr_i_free(hrr_store_ctx(st), pos);
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
