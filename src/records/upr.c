/*
 * upr.c - a state's record outside the votes (hrr/records.h): the UPR
 * recommendations it received and gave (UPR Info's records, sessions
 * 1-27), listed or counted by session, response, recommending state and
 * action category; and its treaty statuses, by state or by instrument.
 * Filters ignore case: responses are stored in lower case, codes in
 * upper (states) or lower (instruments) case, and a user types either.
 * Each function builds its whole result or nothing.
 */
#include "store/store.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* ------------------------------------------------------------- helpers */

static bool grow(hrr_ctx_t *ctx, void **arr, size_t *cap, size_t n, size_t size)
{
    if (n < *cap) return true;
    size_t ncap = *cap ? *cap * 2 : 16;
    void *p = hrr_i_realloc(ctx, *arr, ncap * size);
    if (!p) return false;
    memset((char *)p + *cap * size, 0, (ncap - *cap) * size);
    *arr = p;
    *cap = ncap;
    return true;
}

/* Copy text column I of S into *OUT (NULL for SQL NULL); false on OOM. */
static bool col_dup(hrr_ctx_t *ctx, sqlite3_stmt *s, int i, char **out)
{
    *out = NULL;
    if (sqlite3_column_type(s, i) == SQLITE_NULL) return true;
    const unsigned char *z = sqlite3_column_text(s, i);
    if (!z) return false;
    *out = hrr_i_strdup(ctx, (const char *)z);
    return *out != NULL;
}

static void col_copy(sqlite3_stmt *s, int i, char *buf, size_t cap)
{
    const unsigned char *z = sqlite3_column_text(s, i);
    snprintf(buf, cap, "%s", z ? (const char *)z : "");
}

static hrr_err_t prepare(hrr_store_t *st, const char *sql, sqlite3_stmt **s, const char *what)
{
    if (sqlite3_prepare_v2(st->db, sql, -1, s, NULL) != SQLITE_OK) {
        *s = NULL;
        return hrr_i_dberr(st, what);
    }
    return HRR_OK;
}

static hrr_err_t nomem(hrr_store_t *st) { return hrr_i_seterr(st, HRR_ENOMEM, "out of memory"); }

/* The id of the state CODE (any case) in *ID; HRR_ENOTFOUND naming OPT
 * when the store has none. */
static hrr_err_t state_of(hrr_store_t *st, const char *code, const char *opt, long *id)
{
    char iso3[8];
    size_t n = strlen(code);
    *id = 0;
    if (n >= 2 && n <= 3) {
        for (size_t i = 0; i <= n; i++)
            iso3[i] = (char)(code[i] >= 'a' && code[i] <= 'z' ? code[i] - 32 : code[i]);
        hrr_err_t rc = hrr_i_state_id(st, iso3, id);
        if (rc) return rc;
    }
    if (!*id)
        return hrr_i_seterr(st, HRR_ENOTFOUND, "%s: no state '%s' in the store (an ISO3 code, e.g. CHN)",
                            opt, code);
    return HRR_OK;
}

/* ----------------------------------------------------------------- UPR */

/* The filter's WHERE clause over upr_recommendations u, parameters ?1..?6
 * bound by bind_filter. */
#define UPR_WHERE                                                                        \
    " WHERE (?1=0 OR u.sur_id=?1) AND (?2=0 OR u.recommending_id=?2)"                    \
    " AND (?3=0 OR u.session=?3) AND (?4 IS NULL OR lower(u.response)=lower(?4))"        \
    " AND (?5 IS NULL OR instr(lower(u.issues), lower(?5))>0) AND (?6=0 OR u.action=?6)"

typedef struct upr_args {
    long sur, by;         /* state ids, 0: any */
} upr_args_t;

static hrr_err_t check_filter(hrr_store_t *st, const hrr_upr_filter_t *f, upr_args_t *a)
{
    hrr_err_t rc;
    memset(a, 0, sizeof *a);
    if (f->session < 0)
        return hrr_i_seterr(st, HRR_EINVAL, "--session: a UPR session is 1 or more, not %ld", f->session);
    if (f->limit < 0) return hrr_i_seterr(st, HRR_EINVAL, "--limit: must be positive, not %ld", f->limit);
    if (f->action && (f->action < 1 || f->action > 5))
        return hrr_i_seterr(st, HRR_EINVAL, "--action: UPR Info's action categories are 1 to 5, not %ld",
                            f->action);
    if (f->response && strcasecmp(f->response, "supported") && strcasecmp(f->response, "noted"))
        return hrr_i_seterr(st, HRR_EINVAL, "--response: 'supported' or 'noted', not '%s'", f->response);
    if (f->state && (rc = state_of(st, f->state, "--state", &a->sur))) return rc;
    if (f->by && (rc = state_of(st, f->by, "--by", &a->by))) return rc;
    return HRR_OK;
}

static void bind_filter(sqlite3_stmt *s, const hrr_upr_filter_t *f, const upr_args_t *a)
{
    sqlite3_bind_int64(s, 1, a->sur);
    sqlite3_bind_int64(s, 2, a->by);
    sqlite3_bind_int64(s, 3, f->session);
    if (f->response) sqlite3_bind_text(s, 4, f->response, -1, SQLITE_STATIC);
    else sqlite3_bind_null(s, 4);
    if (f->theme && *f->theme) sqlite3_bind_text(s, 5, f->theme, -1, SQLITE_STATIC);
    else sqlite3_bind_null(s, 5);
    sqlite3_bind_int64(s, 6, f->action);
}

void hrr_upr_list_free(hrr_upr_list_t *list)
{
    if (!list) return;
    for (size_t i = 0; i < list->n; i++) {
        hrr_i_free(NULL, list->recs[i].response);
        hrr_i_free(NULL, list->recs[i].issues);
        hrr_i_free(NULL, list->recs[i].text);
    }
    hrr_i_free(NULL, list->recs);
    hrr_i_free(NULL, list);
}

hrr_err_t hrr_upr_find(hrr_store_t *st, const hrr_upr_filter_t *filter, hrr_upr_list_t **out)
{
    static const hrr_upr_filter_t none;
    hrr_ctx_t *ctx = hrr_store_ctx(st);
    sqlite3_stmt *s = NULL;
    upr_args_t a;
    size_t cap = 0;
    bool row;
    *out = NULL;
    if (!filter) filter = &none;
    hrr_err_t rc = check_filter(st, filter, &a);
    if (rc) return rc;
    hrr_upr_list_t *l = hrr_i_calloc(ctx, 1, sizeof *l);
    if (!l) return nomem(st);
    if ((rc = prepare(st, "SELECT u.id, u.session, s.iso3, r.iso3, u.response, u.action, u.issues, u.text"
                          " FROM upr_recommendations u JOIN states s ON s.id=u.sur_id"
                          " LEFT JOIN states r ON r.id=u.recommending_id" UPR_WHERE
                          " ORDER BY u.session, s.iso3, u.id", &s, "UPR recommendations")))
        goto out;
    bind_filter(s, filter, &a);
    while (!(rc = hrr_i_step(st, s, &row)) && row) {
        l->total++;
        if (filter->limit && (long)l->n >= filter->limit) continue;
        if (!grow(ctx, (void **)&l->recs, &cap, l->n, sizeof *l->recs)) {
            rc = nomem(st);
            break;
        }
        hrr_upr_rec_t *r = &l->recs[l->n++];
        r->id = (long)sqlite3_column_int64(s, 0);
        r->session = (long)sqlite3_column_int64(s, 1);
        col_copy(s, 2, r->sur, sizeof r->sur);
        col_copy(s, 3, r->by, sizeof r->by);
        r->action = sqlite3_column_type(s, 5) == SQLITE_NULL ? -1 : (long)sqlite3_column_int64(s, 5);
        if (!col_dup(ctx, s, 4, &r->response) || !col_dup(ctx, s, 6, &r->issues) ||
            !col_dup(ctx, s, 7, &r->text)) {
            rc = nomem(st);
            break;
        }
    }
out:
    sqlite3_finalize(s);
    if (rc) {
        hrr_upr_list_free(l);
        return rc;
    }
    *out = l;
    return HRR_OK;
}

void hrr_upr_summary_free(hrr_upr_summary_t *sm)
{
    if (!sm) return;
    hrr_i_free(NULL, sm->sessions);
    for (size_t i = 0; i < sm->nstates; i++) hrr_i_free(NULL, sm->states[i].name);
    hrr_i_free(NULL, sm->states);
    hrr_i_free(NULL, sm->actions);
    hrr_i_free(NULL, sm);
}

/* One GROUP BY of the summary: KEY is the grouped column's SQL (with a
 * second column, the state's name, when BY_STATE), rows into *ARR. */
static hrr_err_t count_by(hrr_store_t *st, const hrr_upr_filter_t *f, const upr_args_t *a,
                          const char *key, const char *order, int kind, hrr_upr_count_t **arr,
                          size_t *n)
{
    hrr_ctx_t *ctx = hrr_store_ctx(st);
    char sql[1024];
    sqlite3_stmt *s = NULL;
    size_t cap = 0;
    bool row;
    snprintf(sql, sizeof sql,
             "SELECT %s, count(*), sum(lower(u.response)='supported'), sum(lower(u.response)='noted')"
             " FROM upr_recommendations u LEFT JOIN states r ON r.id=u.recommending_id" UPR_WHERE
             " GROUP BY 1 ORDER BY %s", key, order);
    hrr_err_t rc = prepare(st, sql, &s, "UPR summary");
    if (rc) return rc;
    bind_filter(s, f, a);
    while (!(rc = hrr_i_step(st, s, &row)) && row) {
        if (!grow(ctx, (void **)arr, &cap, *n, sizeof **arr)) {
            rc = nomem(st);
            break;
        }
        hrr_upr_count_t *c = &(*arr)[(*n)++];
        int k = kind == 1 ? 2 : 1; /* first count column */
        c->action = -1;
        if (kind == 0) c->session = (long)sqlite3_column_int64(s, 0);
        if (kind == 2)
            c->action = sqlite3_column_type(s, 0) == SQLITE_NULL ? -1 : (long)sqlite3_column_int64(s, 0);
        if (kind == 1) {
            col_copy(s, 0, c->by, sizeof c->by);
            if (!col_dup(ctx, s, 1, &c->name)) {
                rc = nomem(st);
                break;
            }
        }
        c->n = (long)sqlite3_column_int64(s, k);
        c->supported = (long)sqlite3_column_int64(s, k + 1);
        c->noted = (long)sqlite3_column_int64(s, k + 2);
    }
    sqlite3_finalize(s);
    return rc;
}

hrr_err_t hrr_upr_summarise(hrr_store_t *st, const hrr_upr_filter_t *filter, hrr_upr_summary_t **out)
{
    static const hrr_upr_filter_t none;
    upr_args_t a;
    *out = NULL;
    if (!filter) filter = &none;
    hrr_err_t rc = check_filter(st, filter, &a);
    if (rc) return rc;
    hrr_upr_summary_t *sm = hrr_i_calloc(hrr_store_ctx(st), 1, sizeof *sm);
    if (!sm) return nomem(st);
    sm->all.action = -1;
    if ((rc = count_by(st, filter, &a, "u.session", "1", 0, &sm->sessions, &sm->nsessions)) ||
        (rc = count_by(st, filter, &a, "coalesce(r.iso3,''), r.name", "3 DESC, 1", 1, &sm->states,
                       &sm->nstates)) ||
        (rc = count_by(st, filter, &a, "u.action", "1", 2, &sm->actions, &sm->nactions)))
        goto out;
    for (size_t i = 0; i < sm->nsessions; i++) {
        sm->all.n += sm->sessions[i].n;
        sm->all.supported += sm->sessions[i].supported;
        sm->all.noted += sm->sessions[i].noted;
    }
out:
    if (rc) {
        hrr_upr_summary_free(sm);
        return rc;
    }
    *out = sm;
    return HRR_OK;
}

/* ------------------------------------------------------------ treaties */

void hrr_treaty_list_free(hrr_treaty_list_t *list)
{
    if (!list) return;
    for (size_t i = 0; i < list->n; i++) {
        hrr_treaty_row_t *r = &list->rows[i];
        hrr_i_free(NULL, r->state);
        hrr_i_free(NULL, r->instrument);
        hrr_i_free(NULL, r->name);
        hrr_i_free(NULL, r->status);
        hrr_i_free(NULL, r->note);
    }
    hrr_i_free(NULL, list->rows);
    hrr_i_free(NULL, list);
}

/* HRR_ENOTFOUND, with the codes the store knows, when CODE names no
 * instrument. */
static hrr_err_t instrument_known(hrr_store_t *st, const char *code)
{
    sqlite3_stmt *s = NULL;
    bool row = false;
    hrr_err_t rc = prepare(st, "SELECT 1 FROM instruments WHERE code=lower(?)", &s, "instruments");
    if (rc) return rc;
    sqlite3_bind_text(s, 1, code, -1, SQLITE_STATIC);
    rc = hrr_i_step(st, s, &row);
    sqlite3_finalize(s);
    if (rc || row) return rc;
    char codes[512] = "";
    if ((rc = prepare(st, "SELECT group_concat(code, ', ') FROM (SELECT code FROM instruments ORDER BY code)",
                      &s, "instruments")))
        return rc;
    if (!(rc = hrr_i_step(st, s, &row)) && row) col_copy(s, 0, codes, sizeof codes);
    sqlite3_finalize(s);
    if (rc) return rc;
    return hrr_i_seterr(st, HRR_ENOTFOUND, "--instrument: no instrument '%s' (one of: %s)", code, codes);
}

hrr_err_t hrr_treaties_find(hrr_store_t *st, const hrr_treaty_filter_t *filter, hrr_treaty_list_t **out)
{
    static const hrr_treaty_filter_t none;
    hrr_ctx_t *ctx = hrr_store_ctx(st);
    sqlite3_stmt *s = NULL;
    long sid = 0;
    size_t cap = 0;
    bool row;
    *out = NULL;
    if (!filter) filter = &none;
    hrr_err_t rc;
    if (filter->status && strcasecmp(filter->status, "party") && strcasecmp(filter->status, "signatory") &&
        strcasecmp(filter->status, "none"))
        return hrr_i_seterr(st, HRR_EINVAL, "--status: party, signatory or none, not '%s'", filter->status);
    if (filter->state && (rc = state_of(st, filter->state, "--state", &sid))) return rc;
    if (filter->instrument && (rc = instrument_known(st, filter->instrument))) return rc;
    hrr_treaty_list_t *l = hrr_i_calloc(ctx, 1, sizeof *l);
    if (!l) return nomem(st);
    if ((rc = prepare(st, "SELECT s.iso3, s.name, r.instrument, n.name, r.status, r.year, r.note"
                          " FROM ratifications r JOIN states s ON s.id=r.state_id"
                          " LEFT JOIN instruments n ON n.code=r.instrument"
                          " WHERE (?1=0 OR r.state_id=?1) AND (?2 IS NULL OR r.instrument=lower(?2))"
                          " AND (?3 IS NULL OR r.status=lower(?3)) ORDER BY s.iso3, r.instrument",
                      &s, "treaties")))
        goto out;
    sqlite3_bind_int64(s, 1, sid);
    if (filter->instrument) sqlite3_bind_text(s, 2, filter->instrument, -1, SQLITE_STATIC);
    else sqlite3_bind_null(s, 2);
    if (filter->status) sqlite3_bind_text(s, 3, filter->status, -1, SQLITE_STATIC);
    else sqlite3_bind_null(s, 3);
    while (!(rc = hrr_i_step(st, s, &row)) && row) {
        if (!grow(ctx, (void **)&l->rows, &cap, l->n, sizeof *l->rows)) {
            rc = nomem(st);
            break;
        }
        hrr_treaty_row_t *r = &l->rows[l->n++];
        col_copy(s, 0, r->iso3, sizeof r->iso3);
        r->year = sqlite3_column_int(s, 5);
        if (!col_dup(ctx, s, 1, &r->state) || !col_dup(ctx, s, 2, &r->instrument) ||
            !col_dup(ctx, s, 3, &r->name) || !col_dup(ctx, s, 4, &r->status) ||
            !col_dup(ctx, s, 6, &r->note)) {
            rc = nomem(st);
            break;
        }
    }
out:
    sqlite3_finalize(s);
    if (rc) {
        hrr_treaty_list_free(l);
        return rc;
    }
    *out = l;
    return HRR_OK;
}
