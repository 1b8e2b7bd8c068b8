/*
 * rollcall.c - the roll calls of one body over a period as a states x items
 * matrix (hrr/export.h), read in three passes: the items with a member's
 * ballot, the states with one, then the ballots into their cells. The
 * renderers (wide CSV for pscl::rollcall, long CSV, Stata .dta) are in
 * src/report/report_export.c.
 */
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The scope, shared by the three queries: ?1 body, ?2 from, ?3 to. */
#define SCOPE_WHERE                                                          \
    " i.body = ?1 AND b.vote BETWEEN " HRR_SQL_YES " AND " HRR_SQL_ABSENT    \
    " AND (?2 = 0 OR CAST(substr(i.date, 1, 4) AS INTEGER) >= ?2)"           \
    " AND (?3 = 0 OR CAST(substr(i.date, 1, 4) AS INTEGER) <= ?3)"

static const char *const k_q_items =
    "SELECT i.id, i.key, i.symbol, i.date FROM items i WHERE EXISTS"
    " (SELECT 1 FROM ballots b WHERE b.item_id = i.id AND" SCOPE_WHERE ")"
    " ORDER BY i.date IS NULL, i.date, i.key";
static const char *const k_q_states =
    "SELECT s.id, s.iso3, s.name FROM states s WHERE EXISTS"
    " (SELECT 1 FROM ballots b JOIN items i ON i.id = b.item_id"
    " WHERE b.state_id = s.id AND" SCOPE_WHERE ") ORDER BY s.iso3";
static const char *const k_q_ballots =
    "SELECT b.item_id, b.state_id, b.vote FROM ballots b JOIN items i ON i.id = b.item_id"
    " WHERE" SCOPE_WHERE;

void hrr_rollcall_free(hrr_rollcall_t *rc)
{
    if (!rc) return;
    for (size_t j = 0; j < rc->nitems; j++) {
        hrr_i_free(NULL, rc->items[j].key);
        hrr_i_free(NULL, rc->items[j].symbol);
        hrr_i_free(NULL, rc->items[j].date);
    }
    for (size_t i = 0; i < rc->nstates; i++) hrr_i_free(NULL, rc->states[i].name);
    hrr_i_free(NULL, rc->items);
    hrr_i_free(NULL, rc->states);
    hrr_i_free(NULL, rc->votes);
    hrr_i_free(NULL, rc);
}

/* A copy of text column I (NULL for SQL NULL); false when memory ran out. */
static bool dup_col(hrr_ctx_t *ctx, sqlite3_stmt *s, int i, char **out)
{
    *out = NULL;
    if (sqlite3_column_type(s, i) == SQLITE_NULL) return true;
    const char *z = (const char *)sqlite3_column_text(s, i);
    return z && (*out = hrr_i_strdup(ctx, z)) != NULL;
}

static int by_symbol(const void *a, const void *b)
{
    const hrr_rollcall_item_t *x = *(hrr_rollcall_item_t *const *)a;
    const hrr_rollcall_item_t *y = *(hrr_rollcall_item_t *const *)b;
    return strcmp(x->symbol, y->symbol);
}

/* Each item's header: its symbol when no other item here has the same one,
 * else its key. O(n log n). */
static bool set_headers(hrr_ctx_t *ctx, hrr_rollcall_t *rc)
{
    hrr_rollcall_item_t **p = hrr_i_malloc(ctx, (rc->nitems + 1) * sizeof *p);
    size_t n = 0;
    if (!p) return false;
    for (size_t j = 0; j < rc->nitems; j++) {
        rc->items[j].header = rc->items[j].key;
        if (rc->items[j].symbol) p[n++] = &rc->items[j];
    }
    qsort(p, n, sizeof *p, by_symbol);
    for (size_t k = 0; k < n; k++) {
        bool dup = (k > 0 && strcmp(p[k]->symbol, p[k - 1]->symbol) == 0) ||
                   (k + 1 < n && strcmp(p[k]->symbol, p[k + 1]->symbol) == 0);
        if (!dup) p[k]->header = p[k]->symbol;
    }
    hrr_i_free(ctx, p);
    return true;
}

/* Grow *A (elements of SIZE) so that index N fits. */
static bool grow(hrr_ctx_t *ctx, void **a, size_t *cap, size_t n, size_t size)
{
    if (n < *cap) return true;
    size_t ncap = *cap ? 2 * *cap : 256;
    void *q = hrr_i_realloc(ctx, *a, ncap * size);
    if (!q) return false;
    *a = q, *cap = ncap;
    return true;
}

/* HRR_ENOTFOUND for BODY, naming the bodies the store has. */
static hrr_err_t unknown_body(hrr_store_t *st, const char *body)
{
    sqlite3_stmt *s = NULL;
    hrr_sbuf_t known = {0};
    bool row = false;
    if (!sqlite3_prepare_v2(st->db, "SELECT code FROM bodies ORDER BY code", -1, &s, NULL))
        while (!hrr_i_step(st, s, &row) && row) {
            const char *z = (const char *)sqlite3_column_text(s, 0);
            if ((known.n && hrr_sbuf_add(hrr_store_ctx(st), &known, ", ", 2)) || hrr_sbuf_add(hrr_store_ctx(st), &known, z, strlen(z)))
                break;
        }
    sqlite3_finalize(s);
    hrr_err_t rc = hrr_i_seterr(st, HRR_ENOTFOUND, "unknown body '%s' (the store has %s)", body,
                                known.n ? known.z : "none");
    hrr_sbuf_destroy(&known);
    return rc;
}

hrr_err_t hrr_rollcall_get(hrr_store_t *st, const hrr_scope_opts_t *sc, hrr_rollcall_t **out)
{
    hrr_err_t rc = HRR_OK;
    sqlite3_stmt *s = NULL;
    hrr_rollcall_t *r = NULL;
    long *item_id = NULL, *state_id = NULL; /* ids of the columns and rows */
    long *col = NULL, *row_of = NULL;       /* id -> column / row, -1: none */
    long max_item = 0, max_state = 0;
    size_t cap_i = 0, cap_s = 0, cap_ii = 0, cap_si = 0;
    char body[32];
    *out = NULL;
    if (!sc || !sc->body || !*sc->body)
        return hrr_i_seterr(st, HRR_EINVAL, "a body is required (CHR, HRC, GA)");

    /* the body as the store spells it */
    if (sqlite3_prepare_v2(st->db, "SELECT code FROM bodies WHERE code = ?1 COLLATE NOCASE",
                           -1, &s, NULL))
        return hrr_i_dberr(st, "finding a body");
    sqlite3_bind_text(s, 1, sc->body, -1, SQLITE_STATIC);
    bool row = false;
    if ((rc = hrr_i_step(st, s, &row))) goto out;
    if (!row) {
        rc = unknown_body(st, sc->body);
        goto out;
    }
    snprintf(body, sizeof body, "%s", (const char *)sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    s = NULL;

    if (!(r = hrr_i_calloc(hrr_store_ctx(st), 1, sizeof *r))) goto nomem;
    for (int pass = 0; pass < 3; pass++) {
        const char *q = pass == 0 ? k_q_items : pass == 1 ? k_q_states : k_q_ballots;
        if (sqlite3_prepare_v2(st->db, q, -1, &s, NULL)) {
            rc = hrr_i_dberr(st, "reading the roll calls");
            goto out;
        }
        sqlite3_bind_text(s, 1, body, -1, SQLITE_STATIC);
        sqlite3_bind_int(s, 2, sc->from);
        sqlite3_bind_int(s, 3, sc->to);
        if (pass == 2) { /* the matrix and the id maps */
            if (!r->nitems || !r->nstates) {
                char from[16] = "the start", to[16] = "the end";
                if (sc->from) snprintf(from, sizeof from, "%d", sc->from);
                if (sc->to) snprintf(to, sizeof to, "%d", sc->to);
                rc = hrr_i_seterr(st, HRR_ENOTFOUND,
                                  "no ballots of %s members from %s to %s", body, from, to);
                goto out;
            }
            if (!(r->votes = hrr_i_calloc(hrr_store_ctx(st), r->nstates * r->nitems, 1)) ||
                !(col = hrr_i_malloc(hrr_store_ctx(st), ((size_t)max_item + 1) * sizeof *col)) ||
                !(row_of = hrr_i_malloc(hrr_store_ctx(st), ((size_t)max_state + 1) * sizeof *row_of)))
                goto nomem;
            for (long k = 0; k <= max_item; k++) col[k] = -1;
            for (long k = 0; k <= max_state; k++) row_of[k] = -1;
            for (size_t j = 0; j < r->nitems; j++) col[item_id[j]] = (long)j;
            for (size_t i = 0; i < r->nstates; i++) row_of[state_id[i]] = (long)i;
        }
        while (!(rc = hrr_i_step(st, s, &row)) && row) {
            long id = (long)sqlite3_column_int64(s, 0);
            if (pass == 0) {
                if (!grow(hrr_store_ctx(st), (void **)&r->items, &cap_i, r->nitems, sizeof *r->items) ||
                    !grow(hrr_store_ctx(st), (void **)&item_id, &cap_ii, r->nitems, sizeof *item_id))
                    goto nomem;
                hrr_rollcall_item_t *it = &r->items[r->nitems];
                memset(it, 0, sizeof *it);
                item_id[r->nitems++] = id;
                max_item = id > max_item ? id : max_item;
                if (!dup_col(hrr_store_ctx(st), s, 1, &it->key) || !it->key || !dup_col(hrr_store_ctx(st), s, 2, &it->symbol) ||
                    !dup_col(hrr_store_ctx(st), s, 3, &it->date))
                    goto nomem;
            } else if (pass == 1) {
                if (!grow(hrr_store_ctx(st), (void **)&r->states, &cap_s, r->nstates, sizeof *r->states) ||
                    !grow(hrr_store_ctx(st), (void **)&state_id, &cap_si, r->nstates, sizeof *state_id))
                    goto nomem;
                hrr_rollcall_state_t *sp = &r->states[r->nstates];
                memset(sp, 0, sizeof *sp);
                state_id[r->nstates++] = id;
                max_state = id > max_state ? id : max_state;
                const char *iso = (const char *)sqlite3_column_text(s, 1);
                snprintf(sp->iso3, sizeof sp->iso3, "%s", iso ? iso : "");
                if (!dup_col(hrr_store_ctx(st), s, 2, &sp->name)) goto nomem;
            } else {
                long sid = (long)sqlite3_column_int64(s, 1);
                long j = id >= 0 && id <= max_item ? col[id] : -1;
                long i = sid >= 0 && sid <= max_state ? row_of[sid] : -1;
                if (i < 0 || j < 0) continue; /* cannot happen: same scope */
                unsigned char *cell = &HRR_ROLLCALL_AT(r, i, j);
                if (!*cell) r->nballots++;
                *cell = (unsigned char)sqlite3_column_int(s, 2);
            }
        }
        if (rc) goto out;
        sqlite3_finalize(s);
        s = NULL;
    }
    if (!set_headers(hrr_store_ctx(st), r)) goto nomem;
    *out = r;
    r = NULL;
    goto out;
nomem:
    rc = hrr_i_seterr(st, HRR_ENOMEM, "out of memory");
out:
    sqlite3_finalize(s);
    hrr_rollcall_free(r);
    hrr_i_free(hrr_store_ctx(st), item_id);
    hrr_i_free(hrr_store_ctx(st), state_id);
    hrr_i_free(hrr_store_ctx(st), col);
    hrr_i_free(hrr_store_ctx(st), row_of);
    return rc;
}
