/*
 * casebook.c - the regime's turning points (data/casebook.csv: the
 * Commission's no-action motions on China 1990-2004, the Council's
 * institution-building in 2007, China's own resolutions, the 2022 draft on
 * Xinjiang, the composition rules), each with its public source, and their
 * votes decided again under any rule set.
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
