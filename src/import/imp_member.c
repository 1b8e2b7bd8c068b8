/*
 * imp_member.c - every ballot checked against its state's UN membership
 * (data/un_members.csv: admission, dissolution and succession dates, each
 * with its source), while importing, in the one ballot writer.
 *
 * A ballot (other than "not a member") on an item dated outside the state's
 * membership is an error naming the file, line, state, item and dates, with
 * two exceptions:
 *  - up to HRR_IMP_MEMBER_GRACE days before an admission, the ballot is
 *    taken as cast in the session of the admission: the sources date some
 *    roll calls of the 1940s-1990s only to the first days of a session's
 *    meetings (unvotes gives 1971-12-03 for ballots of the UAE, admitted
 *    1971-12-09); docs/reliability.md lists every such ballot of the real
 *    data;
 *  - the ranges of data/un_member_findings.csv, each with its reason, are
 *    kept as findings ("ballot-outside-membership", one per file and state,
 *    with the count and the dates).
 * Items dated after the import day are refused by a trigger (import.c).
 */
#include "import.h"
#include "core/csv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Days before an admission within which a ballot is taken as cast in the
 * session of the admission. */
#define HRR_IMP_MEMBER_GRACE 62

enum { MAXP = 3 }; /* membership periods of one state at most (SCG has two) */

struct hrr_imp_members {
    size_t nstates;      /* states.id bound */
    long *adm[MAXP], *left[MAXP]; /* per state: each membership period, admitted /
                                     left as day numbers (0: none / still) */
    long *exc_from, *exc_to; /* per state: the range of un_member_findings.csv */
    long *nfind;         /* per state: ballots kept as findings in this file */
    long *fmin, *fmax;   /* their first and last dates */
    size_t nitems;       /* items.id bound of DATE */
    long *date;          /* per item: its date (0: not read yet, -1: none) */
    sqlite3_stmt *q;     /* an item's date */
    hrr_store_t *st;     /* for the CSV callbacks */
    int which;           /* 0: un_members.csv, 1: un_member_findings.csv */
    hrr_err_t rc;        /* a callback's error */
};

/* "YYYY-MM-DD" to a day number (days since 0000-03-01), 0 if not a date. */
static long day_of(const char *z)
{
    int y, m, d, n = 0;
    if (!z || sscanf(z, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10 || m < 1 || m > 12 ||
        d < 1 || d > 31)
        return 0;
    /* the civil-from-days inverse (H. Hinnant's days_from_civil) */
    y -= m <= 2;
    long era = y / 400, yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe + 1;
}

static void day_str(long day, char out[64])
{
    /* H. Hinnant's civil_from_days, from the numbering of day_of */
    long z = day - 1, era = z / 146097, doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    snprintf(out, 64, "%04ld-%02ld-%02ld", y + (m <= 2), m, d);
}

static hrr_err_t member_row(void *ud, const hrr_csv_row_t *row)
{
    hrr_imp_members_t *m = ud;
    long id;
    if (row->line == 1) return HRR_OK;
    if (row->n != 4 || hrr_i_state_id(m->st, row->f[0], &id) || id <= 0 ||
        (size_t)id >= m->nstates)
        return hrr_i_seterr(m->st, HRR_EDATA, "data/%s:%ld: field 'iso3': not a state of the"
                            " store", m->which ? "un_member_findings.csv" : "un_members.csv",
                            row->line);
    long a = day_of(row->f[1]), b = *row->f[2] ? day_of(row->f[2]) : 0;
    if (!a || (*row->f[2] && !b))
        return hrr_i_seterr(m->st, HRR_EDATA, "data/%s:%ld: not a date",
                            m->which ? "un_member_findings.csv" : "un_members.csv", row->line);
    if (m->which) {
        m->exc_from[id] = a;
        m->exc_to[id] = b;
    } else {
        int k = 0;
        while (k < MAXP && m->adm[k][id]) k++;
        if (k == MAXP)
            return hrr_i_seterr(m->st, HRR_EDATA, "data/un_members.csv:%ld: more than %d periods"
                                " of membership", row->line, MAXP);
        m->adm[k][id] = a;
        m->left[k][id] = b;
    }
    return HRR_OK;
}

static hrr_err_t load(hrr_imp_t *imp, hrr_imp_members_t **out)
{
    hrr_ctx_t *ctx = hrr_store_ctx(imp->st);
    hrr_imp_members_t *m = hrr_i_calloc(ctx, 1, sizeof *m);
    sqlite3_stmt *q = NULL;
    hrr_err_t rc;
    long line;
    if (!m) return HRR_ENOMEM;
    m->st = imp->st;
    if ((rc = hrr_imp_prepare(imp, "SELECT coalesce(max(id), 0) + 1 FROM states", &q))) goto fail;
    bool row;
    if ((rc = hrr_imp_step(imp, q, &row))) goto fail;
    m->nstates = row ? (size_t)sqlite3_column_int64(q, 0) : 1;
    sqlite3_finalize(q);
    q = NULL;
    long **arrays[] = {&m->adm[0], &m->left[0], &m->adm[1], &m->left[1], &m->adm[2],
                       &m->left[2], &m->exc_from, &m->exc_to, &m->nfind, &m->fmin, &m->fmax};
    for (size_t i = 0; i < sizeof arrays / sizeof *arrays; i++)
        if (!(*arrays[i] = hrr_i_calloc(ctx, m->nstates, sizeof(long)))) {
            rc = HRR_ENOMEM;
            goto fail;
        }
    static const char *const files[] = {"data/un_members.csv", "data/un_member_findings.csv"};
    for (int i = 0; i < 2; i++) {
        const hrr_i_resource_t *r = hrr_i_resource(files[i]);
        if (!r) {
            rc = hrr_i_seterr(imp->st, HRR_EDATA, "%s is missing from the build", files[i]);
            goto fail;
        }
        m->which = i;
        if ((rc = hrr_i_csv_parse(ctx, r->data, r->len, ',', member_row, m, &line))) goto fail;
    }
    if ((rc = hrr_imp_prepare(imp, "SELECT date FROM items WHERE id=?", &m->q))) goto fail;
    *out = m;
    return HRR_OK;
fail:
    sqlite3_finalize(q);
    hrr_i_imp_members_free(m);
    return rc;
}

void hrr_i_imp_members_free(hrr_imp_members_t *m)
{
    if (!m) return;
    hrr_ctx_t *ctx = hrr_store_ctx(m->st);
    sqlite3_finalize(m->q);
    long *arrays[] = {m->adm[0], m->left[0], m->adm[1], m->left[1], m->adm[2], m->left[2],
                      m->exc_from, m->exc_to, m->nfind, m->fmin, m->fmax, m->date};
    for (size_t i = 0; i < sizeof arrays / sizeof *arrays; i++) hrr_i_free(ctx, arrays[i]);
    hrr_i_free(ctx, m);
}

/* The date of item ITEM as a day number (-1: none), read once. */
static hrr_err_t item_day(hrr_imp_t *imp, hrr_imp_members_t *m, long item, long *day)
{
    if ((size_t)item >= m->nitems) {
        size_t n = m->nitems ? m->nitems : 1024;
        while (n <= (size_t)item) n *= 2;
        long *d = hrr_i_realloc(hrr_store_ctx(imp->st), m->date, n * sizeof *d);
        if (!d) return HRR_ENOMEM;
        memset(d + m->nitems, 0, (n - m->nitems) * sizeof *d);
        m->date = d;
        m->nitems = n;
    }
    if (!m->date[item]) {
        bool row;
        sqlite3_bind_int64(m->q, 1, item);
        hrr_err_t rc = hrr_imp_step(imp, m->q, &row);
        long d = row ? day_of((const char *)sqlite3_column_text(m->q, 0)) : 0;
        sqlite3_reset(m->q);
        if (rc) return rc;
        m->date[item] = d ? d : -1;
    }
    *day = m->date[item];
    return HRR_OK;
}

hrr_err_t hrr_imp_member_check(hrr_imp_t *imp, long item, long state, int vote)
{
    hrr_err_t rc;
    long day;
    if (vote == HRR_VOTE_NONMEMBER || item <= 0 || state <= 0) return HRR_OK;
    if (!imp->members && (rc = load(imp, &imp->members))) return rc;
    hrr_imp_members_t *m = imp->members;
    if ((size_t)state >= m->nstates) return HRR_OK; /* a state added since: no dates */
    if ((rc = item_day(imp, m, item, &day))) return rc;
    if (day < 0) return HRR_OK;
    /* a member on the day, or within the grace before an admission; else
     * name the last period begun before the day (or the first) */
    long a = m->adm[0][state], b = m->left[0][state];
    for (int k = 0; k < MAXP && m->adm[k][state]; k++) {
        long ak = m->adm[k][state], bk = m->left[k][state];
        if (day >= ak - HRR_IMP_MEMBER_GRACE && (!bk || day < bk)) return HRR_OK;
        if (ak <= day) {
            a = ak;
            b = bk;
        }
    }
    if (m->exc_from[state] && day >= m->exc_from[state] &&
        (!m->exc_to[state] || day < m->exc_to[state])) {
        if (!m->nfind[state]++ || day < m->fmin[state]) m->fmin[state] = day;
        if (day > m->fmax[state]) m->fmax[state] = day;
        return HRR_OK;
    }
    char iso3[8], zd[64], za[64], zb[64], sym[128] = "?";
    if ((rc = hrr_imp_state_iso3(imp, state, iso3)) ||
        (rc = hrr_imp_text_by_id(imp, "SELECT coalesce(symbol, key) FROM items WHERE id=?", item,
                                 sym, sizeof sym)))
        return rc;
    day_str(day, zd);
    if (!a)
        return hrr_imp_fail(imp, HRR_EDATA, NULL, "a ballot of %s on %s (dated %s), but %s has never"
                            " been a UN Member (data/un_members.csv)", iso3, sym, zd,
                            iso3);
    day_str(a, za);
    if (day < a)
        return hrr_imp_fail(imp, HRR_EDATA, NULL, "a ballot of %s on %s (dated %s), but %s became a"
                            " UN Member on %s (data/un_members.csv)", iso3, sym, zd,
                            iso3, za);
    day_str(b, zb);
    return hrr_imp_fail(imp, HRR_EDATA, NULL, "a ballot of %s on %s (dated %s), but %s was a UN"
                        " Member from %s to %s (data/un_members.csv)", iso3, sym, zd, iso3,
                        za, zb);
}

hrr_err_t hrr_imp_member_findings(hrr_imp_t *imp)
{
    hrr_imp_members_t *m = imp->members;
    hrr_err_t rc = HRR_OK;
    for (size_t s = 1; m && s < m->nstates && !rc; s++) {
        if (!m->nfind[s]) continue;
        char iso3[8], z0[64], z1[64], za[64] = "never", detail[400];
        if ((rc = hrr_imp_state_iso3(imp, (long)s, iso3))) break;
        day_str(m->fmin[s], z0);
        day_str(m->fmax[s], z1);
        if (m->adm[0][s]) day_str(m->adm[0][s], za);
        snprintf(detail, sizeof detail,
                 "%s: %ld ballot%s of %s dated %s to %s, outside its UN membership (admitted %s;"
                 " data/un_members.csv, data/un_member_findings.csv), kept as the source"
                 " records them", imp->path, m->nfind[s], m->nfind[s] == 1 ? "" : "s", iso3, z0,
                 z1, za);
        rc = hrr_imp_finding(imp, "ballot-outside-membership", 0, detail);
    }
    return rc;
}
