/*
 * casebook.c - the regime's turning points (data/casebook.csv: the
 * Commission's no-action motions on China 1990-2004, the Council's
 * institution-building in 2007, China's own resolutions, the 2022 draft on
 * Xinjiang, the composition rules), each with its public source, and their
 * votes decided again under any rule set. Where the store has the item, its
 * date, tally and outcome are the store's (hrr_casebook_from_store).
 */
#include "store/store.h"
#include "core/csv.h"

#include <stdlib.h>
#include <string.h>

enum { F_ID, F_DATE, F_BODY, F_SYMBOL, F_KIND, F_TARGET, F_MOVED, F_YES, F_NO, F_ABST,
       F_OUTCOME, F_NOTE, F_SOURCE, F_N };

void hrr_casebook_free(hrr_casebook_t *c)
{
    if (!c) return;
    for (size_t i = 0; i < c->n; i++) {
        hrr_case_t *x = &c->a[i];
        char *s[] = {x->id, x->date, x->body, x->symbol, x->kind, x->target, x->moved_by,
                     x->outcome, x->note, x->source};
        for (size_t k = 0; k < sizeof s / sizeof *s; k++) hrr_i_free(NULL, s[k]);
    }
    hrr_i_free(NULL, c->a);
    hrr_i_free(NULL, c);
}

static hrr_err_t row(void *ud, const hrr_csv_row_t *r)
{
    hrr_casebook_t *c = ud;
    if (r->line == 1) return HRR_OK;
    if (r->n != F_N) return HRR_EDATA;
    hrr_case_t *a = hrr_i_realloc(r->ctx, c->a, (c->n + 1) * sizeof *a);
    if (!a) return HRR_ENOMEM;
    c->a = a;
    hrr_case_t *x = &c->a[c->n++];
    memset(x, 0, sizeof *x);
    char **dst[] = {&x->id, &x->date, &x->body, &x->symbol, &x->kind, &x->target, &x->moved_by,
                    NULL, NULL, NULL, &x->outcome, &x->note, &x->source};
    for (int i = 0; i < F_N; i++)
        if (dst[i] && !(*dst[i] = hrr_i_strdup(r->ctx, r->f[i]))) return HRR_ENOMEM;
    x->yes = *r->f[F_YES] ? atol(r->f[F_YES]) : -1;
    x->no = *r->f[F_NO] ? atol(r->f[F_NO]) : -1;
    x->abstain = *r->f[F_ABST] ? atol(r->f[F_ABST]) : -1;
    return HRR_OK;
}

hrr_err_t hrr_casebook_load(hrr_casebook_t **out, hrr_ctx_t *ctx)
{
    const hrr_i_resource_t *res = hrr_i_resource("data/casebook.csv");
    long line;
    *out = NULL;
    if (!res) return HRR_ENOTFOUND;
    hrr_casebook_t *c = hrr_i_calloc(ctx, 1, sizeof *c);
    if (!c) return HRR_ENOMEM;
    hrr_err_t rc = hrr_i_csv_parse(ctx, res->data, res->len, ',', row, c, &line);
    if (rc) {
        hrr_casebook_free(c);
        return rc;
    }
    *out = c;
    return HRR_OK;
}

hrr_err_t hrr_case_decide(const hrr_rules_t *r, const hrr_case_t *c, hrr_decision_t *out)
{
    memset(out, 0, sizeof *out);
    if (c->yes < 0 || c->no < 0 || c->abstain < 0) return HRR_ENOTFOUND;
    hrr_vote_in_t in = {c->yes, c->no, c->abstain, -1, -1, -1,
                        *c->target ? HRR_SCOPE_COUNTRY : HRR_SCOPE_THEMATIC,
                        strcmp(c->kind, "no-action") == 0 ? HRR_MOTION_NO_ACTION : HRR_MOTION_NONE,
                        0, atoi(c->date)};
    /* a body's case under another body's rules: at least as many members
     * as voted */
    long voted = c->yes + c->no + c->abstain, m = hrr_rules_members(r, in.year);
    in.members = voted > m ? voted : m;
    return hrr_rules_decide(r, &in, out);
}

/* Replace *DST (owned, allocated from CTX) with a copy of SRC. */
static hrr_err_t replace(hrr_ctx_t *ctx, char **dst, const unsigned char *src)
{
    if (!src) return HRR_OK;
    char *d = hrr_i_strdup(ctx, (const char *)src);
    if (!d) return HRR_ENOMEM;
    hrr_i_free(ctx, *dst);
    *dst = d;
    return HRR_OK;
}

hrr_err_t hrr_casebook_from_store(hrr_store_t *st, hrr_casebook_t *cb)
{
    sqlite3_stmt *s = NULL;
    hrr_err_t rc = HRR_OK;
    if (sqlite3_prepare_v2(st->db,
            "SELECT i.date, i.outcome,"
            " coalesce(i.yes, (SELECT count(*) FROM ballots b WHERE b.item_id=i.id AND b.vote=1)),"
            " coalesce(i.no, (SELECT count(*) FROM ballots b WHERE b.item_id=i.id AND b.vote=2)),"
            " coalesce(i.abstain, (SELECT count(*) FROM ballots b WHERE b.item_id=i.id AND b.vote=3)),"
            " i.yes IS NULL AND NOT EXISTS (SELECT 1 FROM ballots b WHERE b.item_id=i.id)"
            " FROM items i WHERE i.body=?1 AND i.symbol=?2"
            " ORDER BY substr(i.date,1,4) = substr(?3,1,4) DESC, i.date LIMIT 1", -1, &s, NULL))
        return hrr_i_dberr(st, "reading the casebook's items");
    for (size_t k = 0; k < cb->n && !rc; k++) {
        hrr_case_t *c = &cb->a[k];
        bool row;
        if (!c->symbol || !*c->symbol) continue;
        sqlite3_bind_text(s, 1, c->body, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, c->symbol, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 3, c->date, -1, SQLITE_STATIC);
        if (!(rc = hrr_i_step(st, s, &row)) && row) {
            hrr_ctx_t *ctx = hrr_store_ctx(st);
            if ((rc = replace(ctx, &c->date, sqlite3_column_text(s, 0))) ||
                (rc = replace(ctx, &c->outcome, sqlite3_column_text(s, 1))))
                break;
            if (!sqlite3_column_int(s, 5)) { /* a tally recorded or counted */
                c->yes = (long)sqlite3_column_int64(s, 2);
                c->no = (long)sqlite3_column_int64(s, 3);
                c->abstain = (long)sqlite3_column_int64(s, 4);
            }
        }
        sqlite3_reset(s);
    }
    sqlite3_finalize(s);
    return rc;
}
