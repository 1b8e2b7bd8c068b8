/*
 * bodies.c - the bodies' facts that live in data/bodies.csv only (embedded
 * in the library, cmake/embed.cmake): each body's default rule set, the one
 * mapping from a body to the rules it decides by, read by the forecast and
 * by replay (include/hrr/records.h).
 */
#include "core/csv.h"
#include "store/store.h"

#include <stdio.h>
#include <string.h>

#define BODIES "data/bodies.csv"

typedef struct find {
    const char *code;   /* the body sought */
    int ccode, crules;  /* its columns (from the header), -1 until found */
    char *out;          /* where the rule set's name goes */
    size_t len;         /* its size */
    int found;          /* 1 found, 2 found but too long for OUT */
    char known[128];    /* the codes seen, for the message */
} find_t;

static hrr_err_t find_row(void *ud, const hrr_csv_row_t *row)
{
    find_t *fd = ud;
    if (row->line == 1) {
        for (size_t i = 0; i < row->n; i++) {
            if (!strcmp(row->f[i], "code")) fd->ccode = (int)i;
            if (!strcmp(row->f[i], "default_rules")) fd->crules = (int)i;
        }
        return fd->ccode >= 0 && fd->crules >= 0 ? HRR_OK : HRR_EDATA;
    }
    if (row->n <= (size_t)fd->ccode || row->n <= (size_t)fd->crules) return HRR_EDATA;
    const char *code = row->f[fd->ccode], *rules = row->f[fd->crules];
    size_t k = strlen(fd->known);
    snprintf(fd->known + k, sizeof fd->known - k, "%s%s", k ? ", " : "", code);
    if (strcmp(code, fd->code) != 0 || !*rules) return HRR_OK;
    fd->found = strlen(rules) < fd->len ? 1 : 2;
    if (fd->found == 1) memcpy(fd->out, rules, strlen(rules) + 1);
    return HRR_OK;
}

hrr_err_t hrr_body_default_rules(hrr_store_t *st, const char *code, char *name, size_t len)
{
    find_t fd = {.code = code, .ccode = -1, .crules = -1, .out = name, .len = len};
    const hrr_i_resource_t *r = hrr_i_resource(BODIES);
    long line = 0;
    hrr_err_t rc;
    if (name && len) *name = 0;
    if (!code || !name || !len) return st ? hrr_i_seterr(st, HRR_EINVAL, "no body or no buffer") : HRR_EINVAL;
    if (!r) return st ? hrr_i_seterr(st, HRR_EDATA, "missing resource %s", BODIES) : HRR_EDATA;
    rc = hrr_i_csv_parse(hrr_store_ctx(st), r->data, r->len, ',', find_row, &fd, &line);
    if (rc) return st ? hrr_i_seterr(st, rc, "%s: malformed (no code or default_rules column)", BODIES) : rc;
    if (fd.found == 2)
        return st ? hrr_i_seterr(st, HRR_EINVAL, "%s: the default rule set of %s is too long", BODIES, code)
                  : HRR_EINVAL;
    if (!fd.found)
        return st ? hrr_i_seterr(st, HRR_ENOTFOUND, "unknown body '%s' (%s has %s)", code, BODIES, fd.known)
                  : HRR_ENOTFOUND;
    return HRR_OK;
}
