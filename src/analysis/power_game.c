/*
 * power_game.c - a whole game's voting power (hrr/power.h).
 */
#include "hrr.h"
#include "hrr/power.h"
#include "core/core.h"

#include <stdlib.h>

long hrr_power_default_quota(long members)
{
    return members / 2 + 1;
}

void hrr_power_free(hrr_power_t *p)
{
    if (!p) return;
    hrr_i_free(NULL, p->w);
    hrr_i_free(NULL, p->banzhaf);
    hrr_i_free(NULL, p->banzhaf_abs);
    hrr_i_free(NULL, p->shapley);
    hrr_i_free(NULL, p);
}

/* A result for N players, weights unset. */
static hrr_power_t *power_new(hrr_ctx_t *ctx, size_t n)
{
    hrr_power_t *p = hrr_i_calloc(ctx, 1, sizeof *p);
    size_t k = n ? n : 1;
    if (!p) return NULL;
    p->n = n;
    p->w = hrr_i_calloc(ctx, k, sizeof *p->w);
    p->banzhaf = hrr_i_calloc(ctx, k, sizeof *p->banzhaf);
    p->banzhaf_abs = hrr_i_calloc(ctx, k, sizeof *p->banzhaf_abs);
    p->shapley = hrr_i_calloc(ctx, k, sizeof *p->shapley);
    if (!p->w || !p->banzhaf || !p->banzhaf_abs || !p->shapley) {
        hrr_power_free(p);
        return NULL;
    }
    return p;
}

static hrr_err_t compute(hrr_power_t *p, long quota, hrr_power_t **out)
{
    p->quota = quota;
    hrr_err_t rc = quota <= 0 ? HRR_EINVAL
                              : hrr_power_indices(p->w, p->n, quota, p->banzhaf,
                                                  p->banzhaf_abs, p->shapley, NULL);
    if (rc) {
        hrr_power_free(p);
        return rc;
    }
    *out = p;
    return HRR_OK;
}

hrr_err_t hrr_power_game(const long *w, size_t n, long quota, hrr_power_t **out, hrr_ctx_t *ctx)
{
    *out = NULL;
    hrr_power_t *p = power_new(ctx, n);
    if (!p) return HRR_ENOMEM;
    for (size_t i = 0; i < n; i++) p->w[i] = w[i];
    return compute(p, quota, out);
}

hrr_err_t hrr_power_blocs(long members, const long *b, size_t nb, long quota,
                          hrr_power_t **out)
{
    long sum = 0;
    *out = NULL;
    for (size_t i = 0; i < nb; i++) sum += b[i];
    if (members < 1 || members > 1000 || sum > members) return HRR_EINVAL;
    size_t n = nb + (size_t)(members - sum);
    hrr_power_t *p = power_new(NULL, n);
    if (!p) return HRR_ENOMEM;
    for (size_t i = 0; i < n; i++) p->w[i] = i < nb ? b[i] : 1;
    return compute(p, quota > 0 ? quota : hrr_power_default_quota(members), out);
}
