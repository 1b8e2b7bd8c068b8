/*
 * agree.c - agreement between states and cohesion of groups, from the
 * ballots of one body over a period (include/hrr/analysis.h).
 *
 * The votes are loaded once into a states x items matrix of bytes (0: no
 * yes/no/abstain vote, 1 yes, 2 no, 3 abstain), items in date order, then
 * as bit-planes (a bit per item for each of yes, no and abstain): a pair of
 * states costs three popcounts per 64 items, O(S^2 T / 64) for all pairs.
 *
 * Agreement counts the items both states voted on. "agree" is the share of
 * identical votes; "agree_half" counts a yes or no against an abstention as
 * half an agreement (the index of agreement of Lijphart 1963, "The analysis
 * of bloc voting in the General Assembly", APSR 57).
 */
#include "store/store.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vmat.h"

void hrr_agree_free(hrr_agree_t *a)
{
    if (!a) return;
    hrr_i_free(NULL, a->a);
    hrr_i_free(NULL, a);
}

static hrr_err_t push(hrr_ctx_t *ctx, hrr_agree_t *r, size_t *cap, const hrr_agree_row_t *row)
{
    if (r->n == *cap) {
        size_t c = *cap ? 2 * *cap : 256;
        hrr_agree_row_t *a = hrr_i_realloc(ctx, r->a, c * sizeof *a);
        if (!a) return HRR_ENOMEM;
        r->a = a;
        *cap = c;
    }
    r->a[r->n++] = *row;
    return HRR_OK;
}

/* The votes as bit-planes: for each state three rows of NW 64-bit words,
 * bit t of plane k set when the state's vote on item t is k + 1 (yes, no,
 * abstain). A pair over items [t0, t1) is then three popcounts per word:
 *   n    = |P_a & P_b|                      P = Y | N | A, both voted
 *   same = |(Y_a & Y_b) | (N_a & N_b) | (A_a & A_b)|
 *   half = |(A_a ^ A_b) & P_a & P_b|        one abstained, the other did not
 * the same counts the byte loop over the items made (one branch per vote
 * there, 64 votes per word here): O(S^2 T / 64). */
typedef struct planes {
    uint64_t *w;  /* ns x 3 x nw words: state i's plane k at w + (3 i + k) nw */
    size_t nw;    /* words per plane */
} planes_t;

static hrr_err_t planes_build(hrr_ctx_t *ctx, const vmat_t *m, planes_t *p)
{
    p->nw = (m->nt + 63) / 64;
    p->w = hrr_i_calloc(ctx, m->ns * 3 * p->nw + 1, sizeof *p->w);
    if (!p->w) return HRR_ENOMEM;
    for (size_t i = 0; i < m->ns; i++) {
        const unsigned char *v = m->v + i * m->nt;
        uint64_t *w = p->w + 3 * i * p->nw;
        for (size_t t = 0; t < m->nt; t++)
            if (v[t] >= HRR_VOTE_YES && v[t] <= HRR_VOTE_ABSTAIN)
                w[(size_t)(v[t] - HRR_VOTE_YES) * p->nw + t / 64] |= (uint64_t)1 << (t % 64);
    }
    return HRR_OK;
}

/* One pair over items [t0, t1) (t0 < t1). */
static void pair(const planes_t *p, size_t i, size_t j, size_t t0, size_t t1, hrr_agree_row_t *row)
{
    const uint64_t *ya = p->w + 3 * i * p->nw, *na = ya + p->nw, *aa = na + p->nw;
    const uint64_t *yb = p->w + 3 * j * p->nw, *nb = yb + p->nw, *ab = nb + p->nw;
    size_t w0 = t0 / 64, w1 = (t1 - 1) / 64;
    long n = 0, same = 0, half = 0;
    for (size_t k = w0; k <= w1; k++) {
        uint64_t mask = ~(uint64_t)0;
        if (k == w0) mask &= ~(uint64_t)0 << (t0 % 64);
        if (k == w1 && t1 % 64) mask &= ~(uint64_t)0 >> (64 - t1 % 64);
        uint64_t both = (ya[k] | na[k] | aa[k]) & (yb[k] | nb[k] | ab[k]) & mask;
        n += __builtin_popcountll(both);
        same += __builtin_popcountll(((ya[k] & yb[k]) | (na[k] & nb[k]) | (aa[k] & ab[k])) & mask);
        half += __builtin_popcountll((aa[k] ^ ab[k]) & both);
    }
    row->n = n;
    row->agree = n ? (double)same / (double)n : NAN;
    row->agree_half = n ? ((double)same + 0.5 * (double)half) / (double)n : NAN;
}

hrr_err_t hrr_agree_run(hrr_store_t *st, const hrr_scope_opts_t *scope, const char *with,
                        int by_year, long min_n, hrr_agree_t **out)
{
    vmat_t m;
    planes_t pl = {NULL, 0};
    size_t cap = 0, w = 0;
    hrr_err_t rc = hrr_i_vmat_load(st, scope, &m);
    *out = NULL;
    if (rc) return rc;
    hrr_agree_t *r = hrr_i_calloc(hrr_store_ctx(st), 1, sizeof *r);
    if (!r || planes_build(hrr_store_ctx(st), &m, &pl)) {
        rc = hrr_i_seterr(st, HRR_ENOMEM, "out of memory");
        goto out;
    }
    if (with) {
        for (w = 0; w < m.ns && strcmp(m.iso3[w], with) != 0; w++) {}
        if (w == m.ns) {
            rc = hrr_i_seterr(st, HRR_ENOTFOUND, "%s cast no vote in %s in that period", with,
                              scope->body);
            goto out;
        }
    }
    for (size_t i = 0; i < m.ns && !rc; i++) {
        if (with && i != w) continue;
        for (size_t j = with ? 0 : i + 1; j < m.ns && !rc; j++) {
            if (j == i) continue;
            hrr_agree_row_t row;
            memset(&row, 0, sizeof row);
            snprintf(row.a, sizeof row.a, "%s", m.iso3[i]);
            snprintf(row.b, sizeof row.b, "%s", m.iso3[j]);
            if (!by_year) {
                if (m.nt) pair(&pl, i, j, 0, m.nt, &row);
                if (row.n >= (min_n > 0 ? min_n : 1)) rc = push(hrr_store_ctx(st), r, &cap, &row);
                continue;
            }
            for (size_t t0 = 0; t0 < m.nt && !rc;) {
                size_t t1 = t0;
                while (t1 < m.nt && m.year[t1] == m.year[t0]) t1++;
                row.year = m.year[t0];
                pair(&pl, i, j, t0, t1, &row);
                if (row.n >= (min_n > 0 ? min_n : 1)) rc = push(hrr_store_ctx(st), r, &cap, &row);
                t0 = t1;
            }
        }
    }
    if (rc == HRR_ENOMEM) hrr_i_seterr(st, rc, "out of memory");
out:
    hrr_i_free(hrr_store_ctx(st), pl.w);
    hrr_i_vmat_destroy(&m);
    if (rc) {
        hrr_agree_free(r);
        return rc;
    }
    *out = r;
    return HRR_OK;
}

void hrr_cohesion_free(hrr_cohesion_t *c)
{
    if (!c) return;
    hrr_i_free(NULL, c->a);
    hrr_i_free(NULL, c);
}

hrr_err_t hrr_cohesion_run(hrr_store_t *st, const hrr_scope_opts_t *scope, const char *group,
                           hrr_cohesion_t **out)
{
    vmat_t m;
    sqlite3_stmt *s = NULL;
    unsigned char *in = NULL;
    hrr_err_t rc;
    *out = NULL;
    if (!group) return hrr_i_seterr(st, HRR_EINVAL, "a group is required");
    if ((rc = hrr_i_vmat_load(st, scope, &m))) return rc;
    hrr_cohesion_t *c = hrr_i_calloc(hrr_store_ctx(st), 1, sizeof *c);
    if (!c || !(in = hrr_i_calloc(hrr_store_ctx(st), m.ns + 1, 1))) {
        rc = hrr_i_seterr(st, HRR_ENOMEM, "out of memory");
        goto out;
    }
    if (sqlite3_prepare_v2(st->db, "SELECT s.iso3, m.start_date, coalesce(m.end_date, '9999') FROM memberships m"
                           " JOIN states s ON s.id=m.state_id WHERE m.org=?", -1, &s, NULL)) {
        rc = hrr_i_dberr(st, "reading a group");
        goto out;
    }
    sqlite3_bind_text(s, 1, group, -1, SQLITE_STATIC);
    /* each membership: the state's row and its span (ISO dates; '' open) */
    typedef struct span { size_t i; char from[11], to[11]; } span_t;
    span_t *sp = NULL;
    size_t nsp = 0, capsp = 0;
    long members = 0;
    bool step_row;
    while (!(rc = hrr_i_step(st, s, &step_row)) && step_row) {
        members++;
        const char *iso = (const char *)sqlite3_column_text(s, 0);
        for (size_t i = 0; i < m.ns; i++)
            if (strcmp(m.iso3[i], iso) == 0) {
                if (nsp == capsp) {
                    capsp = capsp ? 2 * capsp : 64;
                    span_t *t = hrr_i_realloc(hrr_store_ctx(st), sp, capsp * sizeof *t);
                    if (!t) {
                        hrr_i_free(hrr_store_ctx(st), sp);
                        rc = hrr_i_seterr(st, HRR_ENOMEM, "out of memory");
                        goto out;
                    }
                    sp = t;
                }
                sp[nsp].i = i;
                snprintf(sp[nsp].from, sizeof sp[nsp].from, "%s", (const char *)sqlite3_column_text(s, 1));
                snprintf(sp[nsp].to, sizeof sp[nsp].to, "%s", (const char *)sqlite3_column_text(s, 2));
                nsp++;
            }
    }
    if (rc) {
        hrr_i_free(hrr_store_ctx(st), sp);
        goto out;
    }
    if (!members) {
        rc = hrr_i_seterr(st, HRR_ENOTFOUND, "no group '%s' in the store", group);
        goto out;
    }
    size_t cap = 0;
    for (size_t t0 = 0; t0 < m.nt && !rc;) {
        size_t t1 = t0;
        while (t1 < m.nt && m.year[t1] == m.year[t0]) t1++;
        hrr_cohesion_row_t row = {m.year[t0], 0, 0, 0};
        /* the members of the year: those on 1 July (undated: always) */
        char mid[16];
        snprintf(mid, sizeof mid, "%04d-07-01", m.year[t0]);
        memset(in, 0, m.ns);
        for (size_t k = 0; k < nsp; k++)
            if (strcmp(sp[k].from, mid) <= 0 && strcmp(mid, sp[k].to) < 0) in[sp[k].i] = 1;
        long nrice = 0;
        double rice = 0, hnr = 0;
        for (size_t t = t0; t < t1; t++) {
            long cnt[4] = {0};
            for (size_t i = 0; i < m.ns; i++)
                if (in[i]) cnt[m.v[i * m.nt + t]]++;
            long y = cnt[1], n = cnt[2], a = cnt[3], tot = y + n + a;
            if (tot < 2) continue;
            long mx = y > n ? (y > a ? y : a) : (n > a ? n : a);
            /* Hix, Noury and Roland 2005, "Power to the parties", BJPolS 35 */
            hnr += ((double)mx - 0.5 * (double)(tot - mx)) / (double)tot;
            row.items++;
            if (y + n > 0) {
                rice += fabs((double)(y - n)) / (double)(y + n); /* Rice 1928 */
                nrice++;
            }
        }
        if (row.items) {
            row.rice = nrice ? rice / (double)nrice : NAN;
            row.hnr = hnr / (double)row.items;
            if (c->n == cap) {
                cap = cap ? 2 * cap : 64;
                hrr_cohesion_row_t *a = hrr_i_realloc(hrr_store_ctx(st), c->a, cap * sizeof *a);
                if (!a) {
                    rc = hrr_i_seterr(st, HRR_ENOMEM, "out of memory");
                    break;
                }
                c->a = a;
            }
            c->a[c->n++] = row;
        }
        t0 = t1;
    }
    hrr_i_free(hrr_store_ctx(st), sp);
out:
    sqlite3_finalize(s);
    hrr_i_free(hrr_store_ctx(st), in);
    hrr_i_vmat_destroy(&m);
    if (rc) {
        hrr_cohesion_free(c);
        return rc;
    }
    *out = c;
    return HRR_OK;
}
