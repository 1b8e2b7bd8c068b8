/*
 * fmt_upr.c - upr/upr_info_recommendations_s1-27_utf8.csv: every Universal
 * Periodic Review recommendation of Working Group sessions 1-27 (2008-2017)
 * as UPR Info's database exports it: the state under review and the
 * recommending state by name, the text, the response (supported / noted),
 * UPR Info's action category 1-5, its issues, and the session.
 *
 * States are resolved by name (UPR Info's spellings are mapped by hand in
 * data/aliases/upr.csv) at mid-year of the session's year. Decisions on the
 * rows the source leaves incomplete (docs/import-misc.md):
 *   - "(Unknown)" as recommending state (9 rows of session 1, Indonesia's
 *     review): stored with no recommending state (NULL), one finding;
 *   - a blank session: filled only from the explicit list below, one
 *     finding per row;
 *   - a row repeated in the file is an error, except the repeats listed
 *     below, which UPR Info itself records twice: loaded, one finding each.
 */
#include "import.h"

#include <stdio.h>
#include <string.h>

/* Year of each Working Group session (1-27), to resolve names at a date. */
static const int k_session_year[] = {
    2008, 2008, 2008, 2009, 2009, 2009, 2010, 2010, 2010, 2011, 2011, 2011, 2012, 2012,
    2013, 2013, 2013, 2014, 2014, 2014, 2015, 2015, 2015, 2016, 2016, 2016, 2017,
};
enum { N_SESSIONS = sizeof k_session_year / sizeof *k_session_year };

/* How UPR Info writes a recommendation that names no recommending state. */
static const char *const k_unknown[] = {"&#40;Unknown&#41;", "(Unknown)"};

/* Rows with a blank session, and the session they belong to. */
static const struct {
    const char *sur, *rs;     /* state under review, recommending state */
    const char *text;         /* the start of the recommendation */
    int session;              /* the session */
    const char *why;          /* the evidence */
} k_sessions[] = {
    {"Afghanistan", "United Kingdom", "Enact, with immediate effect, the new Media Law", 5,
     "the row sits among Afghanistan's session-5 rows (May 2009) and repeats Norway's"
     " session-5 recommendation on the Media Law; Afghanistan's other review is session 18"},
};

/* Rows that UPR Info records twice (same session, states and text, once
 * read: CSV trims the spaces around an unquoted field). */
static const struct {
    int session;              /* session */
    const char *sur, *rs;     /* state under review, recommending state */
    const char *text;         /* the start of the recommendation */
} k_repeats[] = {
    {10, "Australia", "Thailand", "Continue to work and coordinate with countries in the region"},
    {15, "Montenegro", "Moldova", "Establish a mechanism for monitoring the number of cases"},
    {15, "Tonga", "United Kingdom", "Ratify ICCPR and its Second Optional Protocol"},
};

/* A set of row keys (64-bit hashes) with the line that first had each. */
typedef struct rowset {
    uint64_t *keys;   /* open addressing; 0 = empty */
    long *lines;      /* line of each key */
    size_t cap, n;    /* slots (a power of 2), used */
} rowset_t;

typedef struct upr {
    int c_sur, c_rs, c_text, c_resp, c_action, c_issue, c_session; /* columns */
    sqlite3_stmt *ins;        /* recommendation insert */
    sqlite3_stmt *same;       /* the same recommendation already stored */
    bool others;              /* the table had rows before this import */
    rowset_t seen;            /* rows of this file */
    long nunknown;            /* rows with no recommending state */
    long nother;              /* rows already stored by another source */
} upr_t;

static bool detect(const char *path, const char *head)
{
    (void)path;
    static const char k_head[] = "sur,sur_rgrp,sur_org,recommendation,recommending_state,";
    return strncmp(head, k_head, sizeof k_head - 1) == 0;
}

static hrr_err_t header(hrr_imp_t *imp, const hrr_csv_row_t *row, void *ud)
{
    upr_t *u = ud;
    hrr_err_t rc;
    (void)row;
    const hrr_imp_colspec_t cols[] = {
        HRR_COL("sur", &u->c_sur), HRR_COL("recommending_state", &u->c_rs),
        HRR_COL("recommendation", &u->c_text), HRR_COL("response", &u->c_resp), HRR_COL("action", &u->c_action),
        HRR_COL("issue", &u->c_issue), HRR_COL("session", &u->c_session),
    };
    if ((rc = hrr_imp_cols(imp, cols, HRR_IMP_NCOLS(cols))))
        return rc;
    if ((rc = hrr_imp_prepare(imp,
            "INSERT INTO upr_recommendations(session,sur_id,recommending_id,text,"
            "response,action,issues,source_id) VALUES(?,?,?,?,?,?,?,?)", &u->ins)))
        return rc;
    return hrr_imp_prepare(imp,
        "SELECT source_id FROM upr_recommendations WHERE sur_id=? AND session=?"
        " AND recommending_id IS ? AND text=? ORDER BY source_id=? DESC LIMIT 1", &u->same);
}

static bool starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* FNV-1a, 64 bits, over the row's identity; never 0 (0 marks empty). */
static uint64_t row_key(long session, long sur, long rs, const char *text)
{
    uint64_t h = 1469598103934665603ULL;
    long v[3] = {session, sur, rs};
    const unsigned char *p = (const unsigned char *)v;
    for (size_t i = 0; i < sizeof v; i++) h = (h ^ p[i]) * 1099511628211ULL;
    for (p = (const unsigned char *)text; *p; p++) h = (h ^ *p) * 1099511628211ULL;
    return h ? h : 1;
}

/* Add KEY first seen at LINE; *FIRST receives the line of an earlier equal
 * key (0 if none). */
static hrr_err_t rowset_add(hrr_ctx_t *ctx, rowset_t *s, uint64_t key, long line, long *first)
{
    *first = 0;
    if (2 * (s->n + 1) > s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 1 << 14;
        uint64_t *k = hrr_i_calloc(ctx, cap, sizeof *k);
        long *l = hrr_i_calloc(ctx, cap, sizeof *l);
        if (!k || !l) {
            hrr_i_free(ctx, k);
            hrr_i_free(ctx, l);
            return HRR_ENOMEM;
        }
        for (size_t i = 0; i < s->cap; i++) {
            if (!s->keys[i]) continue;
            size_t j = (size_t)s->keys[i] & (cap - 1);
            while (k[j]) j = (j + 1) & (cap - 1);
            k[j] = s->keys[i];
            l[j] = s->lines[i];
        }
        hrr_i_free(ctx, s->keys);
        hrr_i_free(ctx, s->lines);
        s->keys = k;
        s->lines = l;
        s->cap = cap;
    }
    size_t j = (size_t)key & (s->cap - 1);
    while (s->keys[j]) {
        if (s->keys[j] == key) {
            *first = s->lines[j];
            return HRR_OK;
        }
        j = (j + 1) & (s->cap - 1);
    }
    s->keys[j] = key;
    s->lines[j] = line;
    s->n++;
    return HRR_OK;
}

static hrr_err_t finding(hrr_imp_t *imp, const char *kind, const char *detail)
{
    char *d = imp->line ? hrr_i_printf(hrr_store_ctx(imp->st), "%s:%ld: %s", imp->path, imp->line, detail)
                        : hrr_i_printf(hrr_store_ctx(imp->st), "%s: %s", imp->path, detail);
    if (!d) return HRR_ENOMEM;
    hrr_err_t rc = hrr_imp_finding(imp, kind, 0, d);
    hrr_i_free(hrr_store_ctx(imp->st), d);
    return rc;
}

/* The source_id of the same recommendation already stored (0: none). */
static hrr_err_t stored(hrr_imp_t *imp, upr_t *u, long session, long sur, long rs,
                        const char *text, long *src)
{
    *src = 0;
    sqlite3_bind_int64(u->same, 1, sur);
    sqlite3_bind_int64(u->same, 2, session);
    if (rs) sqlite3_bind_int64(u->same, 3, rs);
    else sqlite3_bind_null(u->same, 3);
    sqlite3_bind_text(u->same, 4, text, -1, SQLITE_STATIC);
    sqlite3_bind_int64(u->same, 5, imp->source_id);
    int rc = sqlite3_step(u->same);
    if (rc == SQLITE_ROW) *src = (long)sqlite3_column_int64(u->same, 0);
    sqlite3_reset(u->same);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? HRR_OK
                                                 : hrr_imp_dberr(imp, "looking up a recommendation");
}

static hrr_err_t row(hrr_imp_t *imp, const hrr_csv_row_t *r, void *ud)
{
    upr_t *u = ud;
    const char *sur = r->f[u->c_sur], *rs = r->f[u->c_rs], *text = r->f[u->c_text];
    const char *resp = r->f[u->c_resp], *issue = r->f[u->c_issue];
    const char *ss = r->f[u->c_session], *response;
    long session, action, sur_id, rs_id = 0, first, src;
    char date[16];
    hrr_err_t rc;

    if (!*ss) {
        size_t i, n = sizeof k_sessions / sizeof *k_sessions;
        for (i = 0; i < n; i++)
            if (strcmp(sur, k_sessions[i].sur) == 0 &&
                strcmp(rs, k_sessions[i].rs) == 0 && starts(text, k_sessions[i].text))
                break;
        if (i == n)
            return hrr_imp_fail(imp, HRR_EDATA, "session", "empty (expected 1..%d)", N_SESSIONS);
        session = k_sessions[i].session;
        char *d = hrr_i_printf(hrr_store_ctx(imp->st), "blank session taken as %ld: %s", session, k_sessions[i].why);
        if (!d) return HRR_ENOMEM;
        rc = finding(imp, "upr-session-erratum", d);
        hrr_i_free(hrr_store_ctx(imp->st), d);
        if (rc) return rc;
    } else if (!hrr_i_parse_long(ss, &session) || session < 1 || session > N_SESSIONS) {
        return hrr_imp_fail(imp, HRR_EDATA, "session",
                            "'%s' is not a UPR Working Group session in 1..%d", ss, N_SESSIONS);
    }
    snprintf(date, sizeof date, "%d-07-01", k_session_year[session - 1]);

    if (strcmp(resp, "Supported") == 0) response = "supported";
    else if (strcmp(resp, "Noted") == 0) response = "noted";
    else
        return hrr_imp_fail(imp, HRR_EDATA, "response",
                            "'%s' (expected Supported or Noted)", resp);
    if (!hrr_i_parse_long(r->f[u->c_action], &action) || action < 1 || action > 5)
        return hrr_imp_fail(imp, HRR_EDATA, "action",
                            "'%s' is not a UPR Info action category 1..5", r->f[u->c_action]);
    if (!*text)
        return hrr_imp_fail(imp, HRR_EDATA, "recommendation", "empty");
    if ((rc = hrr_imp_state(imp, "sur", "name", sur, date, &sur_id))) return rc;
    bool unknown = false;
    for (size_t i = 0; i < sizeof k_unknown / sizeof *k_unknown; i++)
        unknown |= strcmp(rs, k_unknown[i]) == 0;
    if (!unknown &&
        (rc = hrr_imp_state(imp, "recommending_state", "name", rs, date, &rs_id)))
        return rc;

    /* a row seen before in this file */
    if ((rc = rowset_add(hrr_store_ctx(imp->st), &u->seen, row_key(session, sur_id, rs_id, text), imp->line, &first)))
        return rc;
    if (first) {
        if ((rc = stored(imp, u, session, sur_id, rs_id, text, &src))) return rc;
        if (src == imp->source_id) {
            size_t i, n = sizeof k_repeats / sizeof *k_repeats;
            for (i = 0; i < n; i++)
                if (k_repeats[i].session == session && strcmp(sur, k_repeats[i].sur) == 0 &&
                    strcmp(rs, k_repeats[i].rs) == 0 && starts(text, k_repeats[i].text))
                    break;
            if (i == n)
                return hrr_imp_fail(imp, HRR_EDATA, NULL,
                                    "duplicate row: same session, states and recommendation"
                                    " as line %ld", first);
            char *d = hrr_i_printf(hrr_store_ctx(imp->st), "recorded twice by UPR Info (as line %ld); both loaded", first);
            if (!d) return HRR_ENOMEM;
            rc = finding(imp, "upr-repeated", d);
            hrr_i_free(hrr_store_ctx(imp->st), d);
            if (rc) return rc;
        }
    }
    /* the same recommendation stored by another source: keep the first */
    if (u->others) {
        if ((rc = stored(imp, u, session, sur_id, rs_id, text, &src))) return rc;
        if (src && src != imp->source_id) {
            u->nother++;
            imp->rows++;
            return HRR_OK;
        }
    }

    sqlite3_bind_int64(u->ins, 1, session);
    sqlite3_bind_int64(u->ins, 2, sur_id);
    if (rs_id) sqlite3_bind_int64(u->ins, 3, rs_id);
    else sqlite3_bind_null(u->ins, 3);
    sqlite3_bind_text(u->ins, 4, text, -1, SQLITE_STATIC);
    sqlite3_bind_text(u->ins, 5, response, -1, SQLITE_STATIC);
    sqlite3_bind_int64(u->ins, 6, action);
    if (*issue) sqlite3_bind_text(u->ins, 7, issue, -1, SQLITE_STATIC);
    else sqlite3_bind_null(u->ins, 7);
    sqlite3_bind_int64(u->ins, 8, imp->source_id);
    int src2 = sqlite3_step(u->ins);
    sqlite3_reset(u->ins);
    if (src2 != SQLITE_DONE) return hrr_imp_dberr(imp, "inserting a recommendation");
    if (unknown) u->nunknown++;
    imp->rows++;
    return HRR_OK;
}

static hrr_err_t import(hrr_imp_t *imp)
{
    upr_t u;
    sqlite3_stmt *s = NULL;
    hrr_err_t rc;
    memset(&u, 0, sizeof u);
    if ((rc = hrr_imp_prepare(imp, "SELECT 1 FROM upr_recommendations LIMIT 1", &s))) return rc;
    rc = hrr_imp_step(imp, s, &u.others);
    sqlite3_finalize(s);
    if (rc) return rc;
    rc = hrr_imp_csv(imp, ',', header, row, &u);
    imp->line = 0;
    if (rc == HRR_OK && u.nunknown) {
        char *d = hrr_i_printf(hrr_store_ctx(imp->st), "%ld recommendations name no recommending state (UPR Info"
                               " '(Unknown)'); stored with recommending state NULL",
                               u.nunknown);
        rc = d ? finding(imp, "upr-unattributed", d) : HRR_ENOMEM;
        hrr_i_free(hrr_store_ctx(imp->st), d);
    }
    if (rc == HRR_OK && u.nother) {
        char *d = hrr_i_printf(hrr_store_ctx(imp->st), "%ld recommendations were already stored by another"
                               " import; the first kept", u.nother);
        rc = d ? finding(imp, "upr-already-stored", d) : HRR_ENOMEM;
        hrr_i_free(hrr_store_ctx(imp->st), d);
    }
    sqlite3_finalize(u.ins);
    sqlite3_finalize(u.same);
    hrr_i_free(hrr_store_ctx(imp->st), u.seen.keys);
    hrr_i_free(hrr_store_ctx(imp->st), u.seen.lines);
    return rc;
}

const hrr_format_t hrr_fmt_upr_info = {
    "upr-info", 60, detect, import, NULL,
};
