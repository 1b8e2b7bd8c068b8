/*
 * swing.c - the pieces around a forecast that front ends share
 * (hrr/fc_plan.h): option ranges, the members file, the batch cutoff and
 * the swing states.
 */
#include "core/core.h"
#include "hrr.h"
#include "hrr/fc_plan.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

bool hrr_fc_set_shock(hrr_fc_opts_t *opts, double sd)
{
    if (!(sd >= 0 && sd <= HRR_FC_SHOCK_MAX)) return false;
    opts->shock = sd == 0 ? -1 : sd; /* 0 in hrr_fc_opts_t means the default */
    return true;
}

hrr_err_t hrr_fc_members_read(const char *arg, char **out, hrr_ctx_t *ctx)
{
    const char *path = arg[0] == '@' ? arg + 1 : arg;
    *out = NULL;
    if (arg[0] != '@' && access(arg, F_OK) != 0) { /* a list, not a file */
        char *s = strdup(arg);
        if (!s) return hrr_i_ctx_seterr(ctx, HRR_ENOMEM, "out of memory");
        *out = s;
        return HRR_OK;
    }
    /* read through the one file reader: a FIFO, a device or a folder is
     * refused instead of blocking */
    char *buf = NULL;
    size_t len = 0;
    int eno = 0;
    hrr_err_t rc = hrr_i_read_file(ctx, path, &buf, &len, &eno);
    if (rc == HRR_ENOMEM) return hrr_i_ctx_seterr(ctx, rc, "out of memory");
    if (rc)
        return hrr_i_ctx_seterr(ctx, HRR_EIO, "members: cannot read %s: %s", path,
                                eno == EINVAL ? "not a regular file" : strerror(eno));
    /* one code per line, '#' starts a comment: the lines joined by ',' */
    char *s = malloc(len + 2);
    size_t n = 0;
    if (!s) {
        hrr_i_free(ctx, buf);
        return hrr_i_ctx_seterr(ctx, HRR_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < len;) {
        size_t e = i;
        while (e < len && buf[e] != '\n') e++;
        size_t l = 0;
        while (i + l < e && buf[i + l] != '\r' && buf[i + l] != '#') l++;
        memcpy(s + n, buf + i, l);
        n += l;
        s[n++] = ',';
        i = e + 1;
    }
    s[n] = 0;
    hrr_i_free(ctx, buf);
    *out = s;
    return HRR_OK;
}

const char *hrr_fc_batch_cutoff(const hrr_fc_batch_t *b)
{
    if (!b || !b->n) return NULL;
    const char *first = b->d[0].date;
    for (size_t k = 1; k < b->n; k++)
        if (strcmp(b->d[k].date, first) < 0) first = b->d[k].date;
    return first;
}

size_t hrr_fc_swing_states(const hrr_fc_result_t *r, size_t *idx, size_t max)
{
    size_t n = 0;
    for (; n < max; n++) {
        size_t best = (size_t)-1;
        for (size_t i = 0; i < r->n; i++) {
            int taken = 0;
            for (size_t k = 0; k < n && !taken; k++) taken = idx[k] == i;
            if (!taken && r->b[i].swing > 0.01 &&
                (best == (size_t)-1 || r->b[i].swing > r->b[best].swing))
                best = i;
        }
        if (best == (size_t)-1) break;
        idx[n] = best;
    }
    return n;
}
