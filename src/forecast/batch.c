/*
 * batch.c - a session's drafts from a CSV file (symbol,date,title and the
 * optional target, members, sponsors, like, no_action, kind, amends), read with the
 * project's libcsv reader; every error names the file, line and field.
 */
#include "fc.h"

#include "core/csv.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

enum { C_SYMBOL, C_DATE, C_TITLE, C_TARGET, C_MEMBERS, C_SPONSORS, C_LIKE, C_NOACTION, C_KIND, C_AMENDS, C_N };
static const char *const colname[C_N] = {"symbol", "date", "title", "target", "members",
                                         "sponsors", "like", "no_action", "kind", "amends"};

typedef struct bctx {
    const char *path;   /* for messages */
    char *err;          /* message */
    size_t errlen;
    int col[C_N];       /* field of each column, -1 absent */
    hrr_fc_batch_t *b;  /* what is read */
    size_t cap;         /* drafts allocated */
    int header;         /* 1 once the header is read */
} bctx_t;

static char *keep(hrr_ctx_t *ctx, hrr_fc_batch_t *b, const char *s, size_t n)
{
    char **t = hrr_i_realloc(ctx, b->strs, (b->nstrs + 1) * sizeof *t);
    if (!t) return NULL;
    b->strs = t;
    char *c = hrr_i_malloc(ctx, n + 1);
    if (!c) return NULL;
    memcpy(c, s, n);
    c[n] = 0;
    return b->strs[b->nstrs++] = c;
}

static hrr_err_t row_fn(void *ud, const hrr_csv_row_t *row)
{
    bctx_t *c = ud;
    if (!c->header) {
        c->header = 1;
        for (int k = 0; k < C_N; k++) c->col[k] = -1;
        for (size_t f = 0; f < row->n; f++)
            for (int k = 0; k < C_N; k++)
                if (!strcmp(row->f[f], colname[k])) {
                    if (c->col[k] >= 0) {
                        snprintf(c->err, c->errlen, "%s:%ld: column '%s' appears twice", c->path,
                                 row->line, colname[k]);
                        return HRR_EDATA;
                    }
                    c->col[k] = (int)f;
                }
        for (int k = 0; k <= C_TITLE; k++)
            if (c->col[k] < 0) {
                snprintf(c->err, c->errlen, "%s:%ld: the header has no '%s' column (needed: symbol,date,title)",
                         c->path, row->line, colname[k]);
                return HRR_EDATA;
            }
        return HRR_OK;
    }
    if (row->n == 1 && row->len[0] == 0) return HRR_OK; /* blank line */
    if (c->b->n == c->cap) {
        size_t nc = c->cap ? c->cap * 2 : 64;
        hrr_fc_draft_t *d = hrr_i_realloc(row->ctx, c->b->d, nc * sizeof *d);
        if (!d) return HRR_ENOMEM;
        c->b->d = d;
        c->cap = nc;
    }
    hrr_fc_draft_t *d = &c->b->d[c->b->n];
    memset(d, 0, sizeof *d);
    d->no_action = -1;
    const char *val[C_N] = {0};
    for (int k = 0; k < C_N; k++) {
        if (c->col[k] < 0) continue;
        if ((size_t)c->col[k] >= row->n) {
            snprintf(c->err, c->errlen, "%s:%ld: field '%s': missing (the row has %zu fields)", c->path,
                     row->line, colname[k], row->n);
            return HRR_EDATA;
        }
        if (!row->len[c->col[k]]) continue;
        if (!(val[k] = keep(row->ctx, c->b, row->f[c->col[k]], row->len[c->col[k]]))) return HRR_ENOMEM;
    }
    if (!val[C_SYMBOL]) {
        snprintf(c->err, c->errlen, "%s:%ld: field 'symbol': empty", c->path, row->line);
        return HRR_EDATA;
    }
    if (!val[C_DATE] || !hrr_i_date_valid(val[C_DATE])) {
        snprintf(c->err, c->errlen, "%s:%ld: field 'date': '%s' is not a date (YYYY-MM-DD)", c->path,
                 row->line, val[C_DATE] ? val[C_DATE] : "");
        return HRR_EDATA;
    }
    if (!val[C_TITLE] && !val[C_LIKE]) {
        snprintf(c->err, c->errlen, "%s:%ld: field 'title': empty (and no 'like')", c->path, row->line);
        return HRR_EDATA;
    }
    if (val[C_NOACTION]) {
        if (strcmp(val[C_NOACTION], "0") && strcmp(val[C_NOACTION], "1")) {
            snprintf(c->err, c->errlen, "%s:%ld: field 'no_action': '%s' is not 0 or 1", c->path, row->line,
                     val[C_NOACTION]);
            return HRR_EDATA;
        }
        d->no_action = val[C_NOACTION][0] == '1';
    }
    if (val[C_KIND] && strcmp(val[C_KIND], "resolution") && strcmp(val[C_KIND], "decision") &&
        strcmp(val[C_KIND], "amendment") && strcmp(val[C_KIND], "motion")) {
        snprintf(c->err, c->errlen, "%s:%ld: field 'kind': '%s' is not resolution, decision, amendment or"
                 " motion", c->path, row->line, val[C_KIND]);
        return HRR_EDATA;
    }
    d->kind = val[C_KIND];
    d->amends = val[C_AMENDS];
    d->symbol = val[C_SYMBOL];
    d->date = val[C_DATE];
    d->title = val[C_TITLE];
    d->target = val[C_TARGET];
    d->members = val[C_MEMBERS];
    d->sponsors = val[C_SPONSORS];
    d->like = val[C_LIKE];
    c->b->n++;
    return HRR_OK;
}

void hrr_fc_batch_free(hrr_fc_batch_t *b)
{
    if (!b) return;
    for (size_t k = 0; k < b->nstrs; k++) hrr_i_free(NULL, b->strs[k]);
    hrr_i_free(NULL, b->strs);
    hrr_i_free(NULL, b->d);
    hrr_i_free(NULL, b->buf);
    hrr_i_free(NULL, b);
}

hrr_err_t hrr_fc_batch_load(const char *path, hrr_fc_batch_t **out, hrr_ctx_t *ctx)
{
    char dummy[8];
    char *err = ctx ? ctx->errmsg : dummy;
    size_t errlen = ctx ? sizeof ctx->errmsg : sizeof dummy;
    size_t len;
    int eno = 0;
    long line = 0;
    *out = NULL;
    hrr_fc_batch_t *b = hrr_i_calloc(ctx, 1, sizeof *b);
    if (!b) return snprintf(err, errlen, "out of memory"), HRR_ENOMEM;
    hrr_err_t rc = hrr_i_read_file(ctx, path, &b->buf, &len, &eno);
    if (rc) {
        snprintf(err, errlen, "%s: %s", path, rc == HRR_ENOMEM ? "out of memory" : strerror(eno));
        hrr_fc_batch_free(b);
        return rc;
    }
    bctx_t c = {.path = path, .err = err, .errlen = errlen, .b = b};
    err[0] = 0;
    rc = hrr_i_csv_parse(ctx, b->buf, len, ',', row_fn, &c, &line);
    if (rc == HRR_EDATA && !err[0]) snprintf(err, errlen, "%s:%ld: malformed CSV (quoting)", path, line);
    if (rc == HRR_ENOMEM) snprintf(err, errlen, "out of memory");
    if (!rc && !b->n) {
        snprintf(err, errlen, "%s: no drafts (a header symbol,date,title and one row per draft)", path);
        rc = HRR_EDATA;
    }
    if (rc) {
        hrr_fc_batch_free(b);
        return rc;
    }
    /* an amendment to a draft of the same batch is read against that
     * draft's title (its text's lineage) */
    for (size_t i = 0; i < b->n; i++) {
        if (!b->d[i].amends) continue;
        for (size_t j = 0; j < b->n; j++)
            if (j != i && b->d[j].title && !strcmp(b->d[j].symbol, b->d[i].amends)) {
                b->d[i].amends = b->d[j].title;
                break;
            }
    }
    *out = b;
    return HRR_OK;
}
