/*
 * imp_terms.c - who sat on the Council and the Commission, derived from
 * the records at import time (imp_terms.h; docs/import-hrc.md).
 *
 * The Council (A/RES/60/251): the Assembly elects its 47 members (13
 * African, 13 Asia-Pacific, 8 Latin American and Caribbean, 7 Western
 * European and other, 6 Eastern European states) for three years; a member
 * that has served two consecutive terms is not eligible for immediate
 * re-election; the first members, who met on 19 June 2006, drew lots for
 * one-, two- and three-year terms. Until 2011 the membership year ran from
 * 19 June; A/RES/65/281 moved it to the calendar year from 2013, the terms
 * that would have ended in June 2012, 2013 and 2014 running to 31 December
 * of those years. So the membership "years" are 2006-07 ... 2010-11 (from 19
 * June), 2011-12 (19 June 2011 to 31 December 2012), then 2013, 2014, ...
 * Members change only between two of them, except where a seat falls
 * vacant (a suspension, a withdrawal) and the Assembly fills it.
 */
#include "imp_terms.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HRC_SOURCE "derived from hrc/all-votes.csv, checked against A/RES/60/251"
#define HRC_RULE "A/RES/60/251"

/* -------------------------------------------------- membership years */

enum { NCYC = 64, NGRP = 5 };

/* Sequence number of the membership year DATE falls in (0: 2006-07). */
static int cyc_of(const char *date)
{
    int y = atoi(date);
    if (y >= 2013) return y - 2007;
    if (y == 2012) return 5;
    return (strcmp(date + 5, "06-19") >= 0 ? y : y - 1) - 2006;
}

/* First and last day of membership year C. */
static void cyc_start(int c, char out[16])
{
    c &= NCYC - 1;
    if (c <= 5) snprintf(out, 16, "%04d-06-19", 2006 + c);
    else snprintf(out, 16, "%04d-01-01", 2007 + c);
}

static void cyc_end(int c, char out[16])
{
    c &= NCYC - 1;
    if (c <= 4) snprintf(out, 16, "%04d-06-18", 2007 + c);
    else if (c == 5) snprintf(out, 16, "2012-12-31");
    else snprintf(out, 16, "%04d-12-31", 2007 + c);
}

/* "2006-07", "2011-12", "2013": membership year C as the docs write it. */
static void cyc_name(int c, char out[16])
{
    c &= NCYC - 1;
    if (c <= 5) snprintf(out, 16, "%04d-%02d", 2006 + c, (2007 + c) % 100);
    else snprintf(out, 16, "%04d", 2007 + c);
}

/* Mid-term ends the Council's records cannot place to the day: the last day
 * as a member (stored, as every end date, as the day after). */
static const struct {
    const char *iso3, *date, *source;
} k_ends[] = {
    {"RUS", "2022-04-06", "A/RES/ES-11/3"}, /* suspended on 7 April 2022, 93-24-58 */
};

/* ------------------------------------------------------------ helpers */

typedef struct terms_q {
    sqlite3_stmt *ins;    /* a membership */
    sqlite3_stmt *iso3;   /* a state's iso3 and group */
} terms_q_t;

static hrr_err_t state_info(hrr_imp_t *imp, terms_q_t *q, long id, char iso3[8], char grp[16])
{
    bool row;
    sqlite3_bind_int64(q->iso3, 1, id);
    hrr_err_t rc = hrr_imp_step(imp, q->iso3, &row);
    snprintf(iso3, 8, "#%ld", id);
    grp[0] = 0;
    if (!rc && row) {
        const unsigned char *a = sqlite3_column_text(q->iso3, 0), *b = sqlite3_column_text(q->iso3, 1);
        if (a) snprintf(iso3, 8, "%s", (const char *)a);
        if (b) snprintf(grp, 16, "%s", (const char *)b);
    }
    sqlite3_reset(q->iso3);
    return rc;
}

static hrr_err_t put_term(hrr_imp_t *imp, terms_q_t *q, long state, const char *org,
                          const char *from, const char *to, const char *source)
{
    bool row;
    sqlite3_bind_int64(q->ins, 1, state);
    sqlite3_bind_text(q->ins, 2, org, -1, SQLITE_STATIC);
    sqlite3_bind_text(q->ins, 3, from, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(q->ins, 4, to, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(q->ins, 5, imp->source_id);
    sqlite3_bind_text(q->ins, 6, source, -1, SQLITE_TRANSIENT);
    hrr_err_t rc = hrr_imp_step(imp, q->ins, &row);
    sqlite3_reset(q->ins);
    return rc;
}

static hrr_err_t terms_q_open(hrr_imp_t *imp, terms_q_t *q, const char *org)
{
    sqlite3_stmt *d;
    bool row;
    hrr_err_t rc = hrr_imp_prepare(imp, "DELETE FROM memberships WHERE org=?", &d);
    if (rc) return rc;
    sqlite3_bind_text(d, 1, org, -1, SQLITE_STATIC);
    rc = hrr_imp_step(imp, d, &row);
    sqlite3_finalize(d);
    if (rc || (rc = hrr_imp_prepare(imp,
            "INSERT OR REPLACE INTO memberships(state_id,org,start_date,end_date,source_id,source)"
            /* end_date as every membership has it: the first day no longer a
             * member (the term's last day + 1), as groups.csv writes them */
            " VALUES(?,?,?,date(?4,'+1 day'),?,?)", &q->ins)))
        return rc;
    return hrr_imp_prepare(imp, "SELECT iso3, un_group FROM states WHERE id=?", &q->iso3);
}

static void terms_q_close(terms_q_t *q)
{
    sqlite3_finalize(q->ins);
    sqlite3_finalize(q->iso3);
}

/* ----------------------------------------------------------- Council */

static const char *const k_grp[NGRP] = {"AFRICAN", "ASIA_PACIFIC", "GRULAC", "WEOG", "EEG"};
static const int k_seats[NGRP] = {13, 13, 8, 7, 6};

/* What one state's record says of one membership year. */
typedef struct cell {
    int n;            /* votes it is listed on */
    int first, last;  /* their positions among the year's votes */
    size_t fcol, lcol;/* the first and last of them (columns) */
} cell_t;

typedef struct cyc {
    size_t *col;      /* the year's votes (columns), in date order */
    int n;
} cyc_t;

static const hrr_imp_hrc_grid_t *g_sort;
static int by_date(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    int c = strcmp(g_sort->date[x], g_sort->date[y]);
    return c ? c : (x > y) - (x < y);
}

/* One state: its years, runs, terms, stored; rule breaks as findings.
 * MEMBER[c] is set for the years it counts as a member of. */
static hrr_err_t state_terms(hrr_imp_t *imp, terms_q_t *q, const hrr_imp_hrc_grid_t *g,
                             const cyc_t *cy, int ncyc, size_t r, bool *member)
{
    char iso3[8], grp[16], from[16], to[16], yname[16], detail[512];
    cell_t cell[NCYC];
    hrr_err_t rc = state_info(imp, q, g->state[r], iso3, grp);
    if (rc) return rc;
    for (int c = 0; c < ncyc; c++) {
        cell_t *e = &cell[c];
        memset(e, 0, sizeof *e);
        for (int k = 0; k < cy[c].n; k++) {
            size_t col = cy[c].col[k];
            if (!g->mem[r * g->ncol + col]) continue;
            if (!e->n++) e->first = k, e->fcol = col;
            e->last = k;
            e->lcol = col;
        }
        /* listed on one or two votes of a year it sat in no other vote of:
         * the record's error, not a term */
        int need = cy[c].n < 3 ? cy[c].n : 3;
        member[c] = e->n >= need && e->n > 0;
        if (e->n && !member[c]) {
            cyc_name(c, yname);
            snprintf(detail, sizeof detail,
                     "%s is listed as a member on %d of the %d votes of the %s membership"
                     " year (%s, %s), a member on no other: not counted a member", iso3, e->n,
                     cy[c].n, yname, g->symbol[e->fcol], g->date[e->fcol]);
            if ((rc = hrr_imp_finding(imp, "hrc-membership", 0, detail))) return rc;
        }
    }
    for (int a = 0; a < ncyc;) {
        if (!member[a]) {
            a++;
            continue;
        }
        int b = a;
        /* a run of years; a seat left or taken mid-year ends it */
        while (b + 1 < ncyc && member[b + 1] && cell[b].last >= cy[b].n - 3 &&
               cell[b + 1].first < 3)
            b++;
        bool joined = cell[a].first >= 3, left = cell[b].last < cy[b].n - 3;
        int len = b - a + 1, nterms = 0;
        int first = a == 0 ? (len - 1) % 3 + 1 : 3; /* the lots of 2006 */
        for (int s = a; s <= b; nterms++) {
            int e = s + (s == a ? first : 3) - 1;
            const char *source = HRC_SOURCE;
            if (s == a && joined) snprintf(from, sizeof from, "%s", g->date[cell[a].fcol]);
            else cyc_start(s, from);
            if (e >= b) {
                /* the records' last year: the term runs on to its end */
                if (b < ncyc - 1 || left) e = b;
                cyc_end(e, to);
                if (e == b && left) {
                    snprintf(to, sizeof to, "%s", g->date[cell[b].lcol]);
                    for (size_t k = 0; k < sizeof k_ends / sizeof k_ends[0]; k++)
                        if (strcmp(k_ends[k].iso3, iso3) == 0 &&
                            strncmp(k_ends[k].date, to, 4) == 0) {
                            snprintf(to, sizeof to, "%s", k_ends[k].date);
                            source = k_ends[k].source;
                        }
                }
            } else {
                cyc_end(e, to);
            }
            if ((rc = put_term(imp, q, g->state[r], "HRC", from, to, source))) return rc;
            s = e + 1;
        }
        if (nterms > 2) {
            cyc_start(a, from);
            cyc_end(b, to);
            snprintf(detail, sizeof detail,
                     "%s sat %d consecutive terms (%s to %s): %s para 7 allows no immediate"
                     " re-election after two", iso3, nterms, from, to, HRC_RULE);
            if ((rc = hrr_imp_finding(imp, "hrc-rule", 0, detail))) return rc;
        }
        a = b + 1;
    }
    return HRR_OK;
}

/* Members and seats by group in each membership year, against the rules. */
static hrr_err_t check_years(hrr_imp_t *imp, terms_q_t *q, const hrr_imp_hrc_grid_t *g,
                             int ncyc, const bool *member)
{
    char iso3[8], grp[16], yname[16], detail[512];
    hrr_err_t rc;
    for (int c = 0; c < ncyc; c++) {
        int n = 0, by[NGRP] = {0}, other = 0;
        for (size_t r = 0; r < g->nrow; r++) {
            if (!member[r * NCYC + c]) continue;
            n++;
            if ((rc = state_info(imp, q, g->state[r], iso3, grp))) return rc;
            int k = 0;
            while (k < NGRP && strcmp(k_grp[k], grp) != 0) k++;
            if (k < NGRP) by[k]++;
            else other++;
        }
        if (!n) continue;
        cyc_name(c, yname);
        if (n != 47) {
            snprintf(detail, sizeof detail, "the %s membership year has %d members, not the 47"
                     " of %s para 7", yname, n, HRC_RULE);
            if ((rc = hrr_imp_finding(imp, "hrc-rule", 0, detail))) return rc;
        }
        for (int k = 0; k < NGRP; k++) {
            if (by[k] == k_seats[k]) continue;
            snprintf(detail, sizeof detail, "the %s membership year has %d %s members, not the"
                     " %d seats of %s para 7", yname, by[k], k_grp[k], k_seats[k], HRC_RULE);
            if ((rc = hrr_imp_finding(imp, "hrc-rule", 0, detail))) return rc;
        }
        if (other) {
            snprintf(detail, sizeof detail, "the %s membership year has %d members of no"
                     " regional group", yname, other);
            if ((rc = hrr_imp_finding(imp, "hrc-rule", 0, detail))) return rc;
        }
    }
    return HRR_OK;
}

hrr_err_t hrr_imp_hrc_terms(hrr_imp_t *imp, const hrr_imp_hrc_grid_t *g)
{
    hrr_ctx_t *ctx = hrr_store_ctx(imp->st);
    cyc_t cy[NCYC];
    terms_q_t q = {0};
    size_t *cols = hrr_i_calloc(ctx, g->ncol ? g->ncol : 1, sizeof *cols), nc = 0;
    bool *member = hrr_i_calloc(ctx, (g->nrow ? g->nrow : 1) * NCYC, sizeof *member);
    hrr_err_t rc = HRR_OK;
    int ncyc = 0;
    memset(cy, 0, sizeof cy);
    imp->line = 0;
    if (!cols || !member) {
        rc = HRR_ENOMEM;
        goto out;
    }
    for (size_t c = 0; c < g->ncol; c++) {
        bool any = false;
        for (size_t r = 0; r < g->nrow && !any; r++) any = g->mem[r * g->ncol + c];
        int y = hrr_i_date_valid(g->date[c]) ? cyc_of(g->date[c]) : -1;
        if (any && y >= 0 && y < NCYC) cols[nc++] = c;
    }
    g_sort = g;
    qsort(cols, nc, sizeof *cols, by_date);
    /* the years' votes: runs of COLS */
    for (size_t k = 0; k < nc; k++) {
        int y = cyc_of(g->date[cols[k]]);
        if (!cy[y].n) cy[y].col = &cols[k];
        cy[y].n++;
        if (y + 1 > ncyc) ncyc = y + 1;
    }
    if ((rc = terms_q_open(imp, &q, "HRC"))) goto out;
    for (size_t r = 0; r < g->nrow && !rc; r++)
        rc = state_terms(imp, &q, g, cy, ncyc, r, &member[r * NCYC]);
    if (!rc) rc = check_years(imp, &q, g, ncyc, member);
out:
    terms_q_close(&q);
    hrr_i_free(ctx, cols);
    hrr_i_free(ctx, member);
    return rc;
}

/* -------------------------------------------------------- Commission */

/* The Commission's size (rules/chr.json's members_by_year and sources). */
static const struct {
    int from, members;
    const char *source;
} k_chr[] = {
    {1946, 18, "E/RES/5(I)"},     {1962, 21, "E/RES/845(XXXII)"},
    {1967, 32, "E/RES/1147(XLI)"}, {1980, 43, "E/RES/1979/36"},
    {1992, 53, "E/RES/1990/48"},
};

hrr_err_t hrr_imp_chr_years(hrr_imp_t *imp)
{
    terms_q_t q = {0};
    sqlite3_stmt *s = NULL;
    char from[16], to[16], detail[512];
    bool row;
    imp->line = 0;
    hrr_err_t rc = terms_q_open(imp, &q, "CHR");
    if (rc) goto out;
    /* runs of consecutive years each state voted or was recorded absent in */
    if ((rc = hrr_imp_prepare(imp,
            "WITH y AS (SELECT DISTINCT b.state_id s, CAST(substr(i.date,1,4) AS INTEGER) y"
            "  FROM ballots b JOIN items i ON i.id=b.item_id"
            "  WHERE i.body='CHR' AND b.vote<>" HRR_SQL_NONMEMBER " AND i.date IS NOT NULL)"
            " SELECT s, min(y), max(y) FROM (SELECT s, y, y - row_number() OVER"
            "  (PARTITION BY s ORDER BY y) g FROM y) GROUP BY s, g ORDER BY s, 2", &s)))
        goto out;
    while (!(rc = hrr_imp_step(imp, s, &row)) && row) {
        snprintf(from, sizeof from, "%04d-01-01", sqlite3_column_int(s, 1));
        snprintf(to, sizeof to, "%04d-12-31", sqlite3_column_int(s, 2));
        if ((rc = put_term(imp, &q, (long)sqlite3_column_int64(s, 0), "CHR", from, to,
                           "derived from the Commission's ballots (ohchr-voting), sizes per"
                           " rules/chr.json")))
            goto out;
    }
    sqlite3_finalize(s);
    s = NULL;
    if (rc) goto out;
    /* each year's count against the size */
    if ((rc = hrr_imp_prepare(imp,
            "SELECT CAST(substr(i.date,1,4) AS INTEGER) y, count(DISTINCT b.state_id)"
            " FROM ballots b JOIN items i ON i.id=b.item_id WHERE i.body='CHR'"
            " AND b.vote<>" HRR_SQL_NONMEMBER " AND i.date IS NOT NULL GROUP BY y ORDER BY y",
            &s)))
        goto out;
    while (!(rc = hrr_imp_step(imp, s, &row)) && row) {
        int y = sqlite3_column_int(s, 0), n = sqlite3_column_int(s, 1);
        size_t k = 0;
        while (k + 1 < sizeof k_chr / sizeof k_chr[0] && k_chr[k + 1].from <= y) k++;
        if (n == k_chr[k].members) continue;
        snprintf(detail, sizeof detail, "%d: the ballots name %d members, the Commission had %d"
                 " (%s)%s", y, n, k_chr[k].members, k_chr[k].source,
                 n < k_chr[k].members ? ": the others are not known from the records"
                                      : ": states that served part of the year counted");
        if ((rc = hrr_imp_finding(imp, "chr-membership", 0, detail))) goto out;
    }
out:
    sqlite3_finalize(s);
    terms_q_close(&q);
    return rc;
}
