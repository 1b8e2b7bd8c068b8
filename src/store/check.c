/*
 * check.c - reconciliation over the store (include/hrr/check.h): ballots
 * against official tallies, and the list of every finding.
 */
#include "store.h"

#include <string.h>

/* An item's official tally vs its counted ballots: yes (1), no (2) and
 * abstain (3) must each agree. Items without an official tally, or without
 * ballots, have nothing to compare. */
static const char k_mismatch_sql[] =
    "INSERT INTO findings(kind,item_id,detail)"
    " SELECT 'tally-mismatch', id,"
    "  printf('official %d-%d-%d, ballots %d-%d-%d', yes, no, abstain, y, n, a)"
    " FROM (SELECT i.id, i.yes, i.no, i.abstain,"
    "         sum(b.vote=" HRR_SQL_YES ") y, sum(b.vote=" HRR_SQL_NO ") n,"
    "         sum(b.vote=" HRR_SQL_ABSTAIN ") a"
    "       FROM items i JOIN ballots b ON b.item_id=i.id" /* PK prefix: only these items' ballots */
    "       WHERE i.yes IS NOT NULL AND i.no IS NOT NULL AND i.abstain IS NOT NULL"
    "       GROUP BY i.id)"
    " WHERE yes<>y OR no<>n OR abstain<>a";

hrr_err_t hrr_check_run(hrr_store_t *st, long *nmismatch)
{
    hrr_err_t rc;
    if (nmismatch) *nmismatch = 0;
    if (st->readonly)
        return hrr_i_seterr(st, HRR_EINVAL, "%s: store is read-only; checking records findings",
                            st->path);
    if ((rc = hrr_i_exec(st, "SAVEPOINT hrr_check"))) return rc;
    if ((rc = hrr_i_exec(st, "DELETE FROM findings WHERE kind='tally-mismatch'"))) goto fail;
    if ((rc = hrr_i_exec(st, k_mismatch_sql))) goto fail;
    if (nmismatch) *nmismatch = (long)sqlite3_changes(st->db);
    return hrr_i_exec(st, "RELEASE hrr_check");
fail:
    sqlite3_exec(st->db, "ROLLBACK TO hrr_check; RELEASE hrr_check", NULL, NULL, NULL);
    return rc;
}

static char *dup_col(hrr_ctx_t *ctx, sqlite3_stmt *s, int i, bool *oom)
{
    const char *z = (const char *)sqlite3_column_text(s, i);
    if (!z) return NULL;
    char *d = hrr_i_strdup(ctx, z);
    if (!d) *oom = true;
    return d;
}

void hrr_findings_free(hrr_findings_t *f)
{
    if (!f) return;
    for (size_t i = 0; i < f->n; i++) {
        hrr_i_free(NULL, f->a[i].kind);
        hrr_i_free(NULL, f->a[i].item);
        hrr_i_free(NULL, f->a[i].date);
        hrr_i_free(NULL, f->a[i].detail);
    }
    hrr_i_free(NULL, f->a);
    hrr_i_free(NULL, f);
}

hrr_err_t hrr_findings_list(hrr_store_t *st, const char *kind, hrr_findings_t **out)
{
    sqlite3_stmt *s = NULL;
    hrr_err_t rc = HRR_OK;
    hrr_findings_t *f = hrr_i_calloc(hrr_store_ctx(st), 1, sizeof *f);
    size_t cap = 0;
    bool oom = false;
    *out = NULL;
    if (!f) return hrr_i_seterr(st, HRR_ENOMEM, "out of memory");
    if (sqlite3_prepare_v2(st->db,
            "SELECT f.kind, coalesce(i.symbol,i.key), i.date, f.detail FROM findings f"
            " LEFT JOIN items i ON i.id=f.item_id WHERE ?1 IS NULL OR f.kind=?1"
            " ORDER BY f.kind, i.date, coalesce(i.symbol,i.key), f.id", -1, &s, NULL)) {
        rc = hrr_i_dberr(st, "listing findings");
        goto out;
    }
    if (kind) sqlite3_bind_text(s, 1, kind, -1, SQLITE_STATIC);
    bool row;
    while (!(rc = hrr_i_step(st, s, &row)) && row) {
        if (f->n == cap) {
            size_t ncap = cap ? 2 * cap : 64;
            hrr_finding_t *a = hrr_i_realloc(hrr_store_ctx(st), f->a, ncap * sizeof *a);
            if (!a) {
                oom = true;
                break;
            }
            f->a = a;
            cap = ncap;
        }
        hrr_finding_t *x = &f->a[f->n++];
        x->kind = dup_col(hrr_store_ctx(st), s, 0, &oom);
        x->item = dup_col(hrr_store_ctx(st), s, 1, &oom);
        x->date = dup_col(hrr_store_ctx(st), s, 2, &oom);
        x->detail = dup_col(hrr_store_ctx(st), s, 3, &oom);
        if (oom) break;
    }
    if (oom) rc = hrr_i_seterr(st, HRR_ENOMEM, "out of memory");
out:
    sqlite3_finalize(s);
    if (rc) {
        hrr_findings_free(f);
        return rc;
    }
    *out = f;
    return HRR_OK;
}
