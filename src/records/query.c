/*
 * query.c - the record queries of hrr/records.h: the summary of a store
 * (counts, bodies, provenance), states with their memberships, items with
 * filters, the votes on one item and their tally, and the guard that lets
 * callers run their own SQL without writing. Each function builds its whole
 * result or nothing: on error the partial result is freed and *OUT is NULL.
 */
#include "store/store.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ------------------------------------------------------------- helpers */

/* Copy text column I of S into *OUT (NULL for SQL NULL). False only when
 * memory ran out. */
static bool col_dup(hrr_ctx_t *ctx, sqlite3_stmt *s, int i, char **out)
{
    *out = NULL;
    if (sqlite3_column_type(s, i) == SQLITE_NULL) return true;
    const unsigned char *z = sqlite3_column_text(s, i);
    if (!z) return false;
    *out = hrr_i_strdup(ctx, (const char *)z);
    return *out != NULL;
}

/* Copy text column I into a fixed buffer of CAP bytes ("" for NULL). */
static void col_copy(sqlite3_stmt *s, int i, char *buf, size_t cap)
{
    const unsigned char *z = sqlite3_column_text(s, i);
    snprintf(buf, cap, "%s", z ? (const char *)z : "");
}

/* Integer column I, or DFLT when it is NULL. */
static long col_long(sqlite3_stmt *s, int i, long dflt)
{
    return sqlite3_column_type(s, i) == SQLITE_NULL ? dflt
                                                    : (long)sqlite3_column_int64(s, i);
}

/* Grow *ARR (of element size SIZE) so that index N fits; false on OOM. */
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

static hrr_err_t prepare(hrr_store_t *st, const char *sql, sqlite3_stmt **s,
                         const char *what)
{
    if (sqlite3_prepare_v2(st->db, sql, -1, s, NULL) != SQLITE_OK) {
        *s = NULL;
        return hrr_i_dberr(st, what);
    }
    return HRR_OK;
}

/* The error for a sqlite3_step result other than ROW/DONE. */
static hrr_err_t step_err(hrr_store_t *st, const char *what)
{
    return hrr_i_dberr(st, what);
}

static hrr_err_t oom(hrr_store_t *st)
{
    return hrr_i_seterr(st, HRR_ENOMEM, "out of memory");
}

/* A comma-separated list of the first column of every row of SQL, for
 * messages that name what the store does know. */
static char *list_of(hrr_store_t *st, const char *sql)
{
    hrr_sbuf_t b = {0};
    sqlite3_stmt *s;
    bool row;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) return NULL;
    /* a failed step gives no list rather than a short one; the caller's own
     * message is set after this, so the step's message is not kept */
    while (!hrr_i_step(NULL, s, &row) && row) {
        const char *z = (const char *)sqlite3_column_text(s, 0);
        if (!z) continue;
        if ((b.n && hrr_sbuf_add(hrr_store_ctx(st), &b, ", ", 2)) || hrr_sbuf_add(hrr_store_ctx(st), &b, z, strlen(z))) {
            hrr_sbuf_destroy(&b);
            break;
        }
    }
    if (sqlite3_finalize(s) != SQLITE_OK) hrr_sbuf_destroy(&b);
    return b.z;
}

/* ------------------------------------------------------------- tallies */

const char *hrr_vote_name(int vote)
{
    switch (vote) {
    case HRR_VOTE_YES: return "yes";
    case HRR_VOTE_NO: return "no";
    case HRR_VOTE_ABSTAIN: return "abstain";
    case HRR_VOTE_ABSENT: return "absent";
    case HRR_VOTE_NONMEMBER: return "not-member";
    }
    return NULL;
}

hrr_err_t hrr_tally_add(hrr_tally_t *t, int vote)
{
    switch (vote) {
    case HRR_VOTE_YES: t->yes++; return HRR_OK;
    case HRR_VOTE_NO: t->no++; return HRR_OK;
    case HRR_VOTE_ABSTAIN: t->abstain++; return HRR_OK;
    case HRR_VOTE_ABSENT: t->absent++; return HRR_OK;
    case HRR_VOTE_NONMEMBER: t->nonmember++; return HRR_OK;
    }
    return HRR_EINVAL;
}

/* --------------------------------------------------------------- items */

/* The item columns, in the order item_read expects. */
#define ITEM_SELECT                                                          \
    "SELECT i.id, i.key, i.body, i.symbol, i.session, i.date, i.kind,"      \
    " i.title, i.agenda_item, i.subject, i.scope, t.iso3, i.sponsors,"      \
    " i.vote_type, i.yes, i.no, i.abstain, i.nonvoting, i.outcome,"         \
    " (SELECT count(*) FROM ballots b WHERE b.item_id = i.id)"              \
    " FROM items i LEFT JOIN states t ON t.id = i.target_id"

static void item_destroy(hrr_item_t *it)
{
    char **f[] = {&it->key, &it->body, &it->symbol, &it->session, &it->date,
                  &it->kind, &it->title, &it->agenda_item, &it->subject,
                  &it->scope, &it->sponsors, &it->vote_type, &it->outcome};
    for (size_t i = 0; i < sizeof f / sizeof *f; i++) {
        hrr_i_free(NULL, *f[i]);
        *f[i] = NULL;
    }
}

/* Fill IT from the current row of an ITEM_SELECT statement. */
static bool item_read(sqlite3_stmt *s, hrr_item_t *it)
{
    bool ok = true;
    memset(it, 0, sizeof *it);
    it->id = col_long(s, 0, 0);
    ok &= col_dup(NULL, s, 1, &it->key);
    ok &= col_dup(NULL, s, 2, &it->body);
    ok &= col_dup(NULL, s, 3, &it->symbol);
    ok &= col_dup(NULL, s, 4, &it->session);
    ok &= col_dup(NULL, s, 5, &it->date);
    ok &= col_dup(NULL, s, 6, &it->kind);
    ok &= col_dup(NULL, s, 7, &it->title);
    ok &= col_dup(NULL, s, 8, &it->agenda_item);
    ok &= col_dup(NULL, s, 9, &it->subject);
    ok &= col_dup(NULL, s, 10, &it->scope);
    col_copy(s, 11, it->target, sizeof it->target);
    ok &= col_dup(NULL, s, 12, &it->sponsors);
    ok &= col_dup(NULL, s, 13, &it->vote_type);
    it->yes = col_long(s, 14, -1);
    it->no = col_long(s, 15, -1);
    it->abstain = col_long(s, 16, -1);
    it->nonvoting = col_long(s, 17, -1);
    ok &= col_dup(NULL, s, 18, &it->outcome);
    it->nballots = col_long(s, 19, 0);
    if (!ok) item_destroy(it);
    return ok;
}

void hrr_item_list_free(hrr_item_list_t *list)
{
    if (!list) return;
    for (size_t i = 0; i < list->n; i++) item_destroy(&list->items[i]);
    hrr_i_free(NULL, list->items);
    hrr_i_free(NULL, list);
}

/* A value bound to one "?" of a built query. */
typedef struct param {
    const char *text; /* text value, or NULL for an integer */
    long num;         /* integer value */
} param_t;

static void bind_params(sqlite3_stmt *s, const param_t *p, int n)
{
    for (int i = 0; i < n; i++) {
        if (p[i].text) sqlite3_bind_text(s, i + 1, p[i].text, -1, SQLITE_STATIC);
        else sqlite3_bind_int64(s, i + 1, p[i].num);
    }
}

static bool is_kind(const char *k)
{
    static const char *const kinds[] = {"resolution", "decision", "amendment",
                                        "motion", "other"};
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        if (strcmp(k, kinds[i]) == 0) return true;
    return false;
}

/* An Assembly Main Committee as items.committee writes it (any case). */
static bool is_committee(const char *c)
{
    static const char *const k[] = {"first", "second", "third", "fourth",
                                    "fifth", "sixth", "plenary"};
    for (size_t i = 0; i < sizeof k / sizeof *k; i++)
        if (strcasecmp(c, k[i]) == 0) return true;
    return false;
}

/* The body's code as the store spells it, into CODE; HRR_ENOTFOUND with
 * the list of known bodies when there is none. */
static hrr_err_t find_body(hrr_store_t *st, const char *body, char code[32])
{
    sqlite3_stmt *s;
    hrr_err_t rc = prepare(st, "SELECT code FROM bodies WHERE code = ? COLLATE NOCASE",
                           &s, "finding a body");
    if (rc) return rc;
    sqlite3_bind_text(s, 1, body, -1, SQLITE_STATIC);
    int src = sqlite3_step(s);
    if (src == SQLITE_ROW) col_copy(s, 0, code, 32);
    sqlite3_finalize(s);
    if (src == SQLITE_ROW) return HRR_OK;
    if (src != SQLITE_DONE) return step_err(st, "finding a body");
    char *known = list_of(st, "SELECT code FROM bodies ORDER BY code");
    rc = hrr_i_seterr(st, HRR_ENOTFOUND, "unknown body '%s' (the store has %s)",
                      body, known ? known : "none");
    hrr_i_free(hrr_store_ctx(st), known);
    return rc;
}

/* The state id of an ISO3 code given in any case ("chn"). */
static hrr_err_t state_by_iso3(hrr_store_t *st, const char *code, long *id)
{
    char iso3[8];
    size_t k = 0;
    for (; code[k] && k < sizeof iso3 - 1; k++) iso3[k] = (char)toupper((unsigned char)code[k]);
    iso3[k] = 0;
    return hrr_i_state_resolve_id(st, "iso3", iso3, NULL, id);
}

hrr_err_t hrr_items_find(hrr_store_t *st, const hrr_item_filter_t *filter,
                         hrr_item_list_t **out)
{
    static const hrr_item_filter_t none = {0};
    const hrr_item_filter_t *f = filter ? filter : &none;
    hrr_sbuf_t where = {0}, sql = {0};
    param_t p[12];
    int np = 0;
    char body[32], from[24], to[24];
    sqlite3_stmt *s = NULL;
    hrr_item_list_t *list = NULL;
    size_t cap = 0;
    hrr_err_t rc = HRR_OK;
    *out = NULL;

#define ADD_WHERE(str)                                                       \
    do {                                                                     \
        if (hrr_sbuf_printf(hrr_store_ctx(st), &where, "%s%s", where.n ? " AND " : " WHERE ",  \
                            (str))) {                                        \
            rc = oom(st);                                                    \
            goto out;                                                        \
        }                                                                    \
    } while (0)

    if (f->limit < 0) {
        rc = hrr_i_seterr(st, HRR_EINVAL, "limit must not be negative (got %ld)", f->limit);
        goto out;
    }
    if ((f->from_year && (f->from_year < 1800 || f->from_year > 2100)) ||
        (f->to_year && (f->to_year < 1800 || f->to_year > 2100))) {
        rc = hrr_i_seterr(st, HRR_EINVAL, "years must be between 1800 and 2100 (got %d)",
                          f->from_year && (f->from_year < 1800 || f->from_year > 2100)
                              ? f->from_year : f->to_year);
        goto out;
    }
    if (f->from_year && f->to_year && f->from_year > f->to_year) {
        rc = hrr_i_seterr(st, HRR_EINVAL, "from year %d is after to year %d",
                          f->from_year, f->to_year);
        goto out;
    }
    if (f->kind && !is_kind(f->kind)) {
        rc = hrr_i_seterr(st, HRR_EINVAL,
                          "unknown kind '%s' (expected resolution, decision,"
                          " amendment, motion or other)", f->kind);
        goto out;
    }
    if (f->committee && !is_committee(f->committee)) {
        rc = hrr_i_seterr(st, HRR_EINVAL,
                          "unknown committee '%s' (expected first, second, third, fourth,"
                          " fifth, sixth or plenary)", f->committee);
        goto out;
    }
    if (f->committee) {
        ADD_WHERE("i.committee = lower(?)");
        p[np++] = (param_t){f->committee, 0};
    }
    if (f->body) {
        if ((rc = find_body(st, f->body, body))) goto out;
        ADD_WHERE("i.body = ?");
        p[np++] = (param_t){body, 0};
    }
    if (f->from_year) {
        snprintf(from, sizeof from, "%04d-01-01", f->from_year);
        ADD_WHERE("i.date >= ?");
        p[np++] = (param_t){from, 0};
    }
    if (f->to_year) {
        snprintf(to, sizeof to, "%04d-01-01", f->to_year + 1);
        ADD_WHERE("i.date < ?");
        p[np++] = (param_t){to, 0};
    }
    if (f->kind) {
        ADD_WHERE("i.kind = ?");
        p[np++] = (param_t){f->kind, 0};
    }
    if (f->target) {
        long id;
        if ((rc = state_by_iso3(st, f->target, &id))) goto out;
        ADD_WHERE("i.target_id = ?");
        p[np++] = (param_t){NULL, id};
    }
    if (f->sponsor) {
        long id;
        if ((rc = state_by_iso3(st, f->sponsor, &id))) goto out;
        ADD_WHERE("i.id IN (SELECT sp.item_id FROM sponsors sp WHERE sp.state_id = ?)");
        p[np++] = (param_t){NULL, id};
    }
    if (f->subject) {
        ADD_WHERE("instr(lower(i.subject), lower(?)) > 0");
        p[np++] = (param_t){f->subject, 0};
    }
    if (f->text) {
        ADD_WHERE("(instr(lower(i.title), lower(?)) > 0 OR instr(lower(i.symbol), lower(?)) > 0)");
        p[np++] = (param_t){f->text, 0};
        p[np++] = (param_t){f->text, 0};
    }
#undef ADD_WHERE

    if (hrr_sbuf_printf(hrr_store_ctx(st), &sql, "%s%s ORDER BY i.date IS NULL, i.date, i.body, i.key%s",
                        ITEM_SELECT, where.z ? where.z : "",
                        f->limit ? " LIMIT ?" : "")) {
        rc = oom(st);
        goto out;
    }
    if ((rc = prepare(st, sql.z, &s, "finding items"))) goto out;
    bind_params(s, p, np);
    if (f->limit) sqlite3_bind_int64(s, np + 1, f->limit);
    if (!(list = hrr_i_calloc(hrr_store_ctx(st), 1, sizeof *list))) {
        rc = oom(st);
        goto out;
    }
    bool row;
    while (!(rc = hrr_i_step(st, s, &row)) && row) {
        if (!grow(hrr_store_ctx(st), (void **)&list->items, &cap, list->n, sizeof *list->items) ||
            !item_read(s, &list->items[list->n])) {
            rc = oom(st);
            goto out;
        }
        list->n++;
    }
    if (rc) goto out;
    list->total = (long)list->n;
    if (f->limit && (long)list->n == f->limit) {
        /* the limit may have cut the list: count every match */
        sqlite3_finalize(s);
        s = NULL;
        sql.n = 0;
        if (hrr_sbuf_printf(hrr_store_ctx(st), &sql, "SELECT count(*) FROM items i%s", where.z ? where.z : "")) {
            rc = oom(st);
            goto out;
        }
        if ((rc = prepare(st, sql.z, &s, "counting items"))) goto out;
        bind_params(s, p, np);
        if (sqlite3_step(s) != SQLITE_ROW) {
            rc = step_err(st, "counting items");
            goto out;
        }
        list->total = (long)sqlite3_column_int64(s, 0);
    }
out:
    sqlite3_finalize(s);
    hrr_sbuf_destroy(&where);
    hrr_sbuf_destroy(&sql);
    if (rc) hrr_item_list_free(list);
    else *out = list;
    return rc;
}

/* --------------------------------------------------------------- votes */

void hrr_votes_free(hrr_votes_t *v)
{
    if (!v) return;
    for (size_t i = 0; i < v->n; i++) {
        hrr_item_votes_t *iv = &v->items[i];
        item_destroy(&iv->item);
        for (size_t k = 0; k < iv->nballots; k++) hrr_i_free(NULL, iv->ballots[k].name);
        hrr_i_free(NULL, iv->ballots);
        for (size_t k = 0; k < iv->nsponsors; k++) {
            hrr_sponsor_t *sp = &iv->sponsors[k];
            hrr_i_free(NULL, sp->grp);
            hrr_i_free(NULL, sp->role);
            hrr_i_free(NULL, sp->name);
            hrr_i_free(NULL, sp->note);
            hrr_i_free(NULL, sp->source);
        }
        hrr_i_free(NULL, iv->sponsors);
    }
    hrr_i_free(NULL, v->items);
    hrr_i_free(NULL, v);
}

/* Read every ballot on IV's item, and count them. */
static hrr_err_t read_ballots(hrr_store_t *st, sqlite3_stmt *s, hrr_item_votes_t *iv)
{
    size_t cap = 0;
    bool row;
    hrr_err_t rc;
    sqlite3_bind_int64(s, 1, iv->item.id);
    while (!(rc = hrr_i_step(st, s, &row)) && row) {
        if (!grow(hrr_store_ctx(st), (void **)&iv->ballots, &cap, iv->nballots, sizeof *iv->ballots))
            return oom(st);
        hrr_ballot_t *b = &iv->ballots[iv->nballots];
        col_copy(s, 0, b->state, sizeof b->state);
        if (!col_dup(hrr_store_ctx(st), s, 1, &b->name)) return oom(st);
        b->vote = (int)sqlite3_column_int(s, 2);
        iv->nballots++;
        /* the schema's CHECK keeps votes in 1..5 */
        if (hrr_tally_add(&iv->counted, b->vote))
            return hrr_i_seterr(st, HRR_EDB, "%s: item %s: ballot of %s has vote %d",
                                st->path, iv->item.key, b->state, b->vote);
    }
    sqlite3_reset(s);
    return rc;
}

/* The value of a Roman numeral of I, V, X, L, C (0: not one). */
static int roman(const char *s, size_t n)
{
    int v = 0, prev = 0;
    for (size_t i = n; i-- > 0;) {
        int d = s[i] == 'I' ? 1 : s[i] == 'V' ? 5 : s[i] == 'X' ? 10 : s[i] == 'L' ? 50
              : s[i] == 'C' ? 100 : 0;
        if (!d) return 0;
        v += d < prev ? -d : d;
        if (d > prev) prev = d;
    }
    return v;
}

/* unvotes' form of an Assembly symbol as the UN writes it, into OUT:
 * A/RES/3379(XXX) or A/RES/3379 (XXX) -> R/30/3379 (sessions 1-30),
 * A/RES/40/5 -> R/40/5 and A/RES/31/6 K -> R/31/6K (from session 31).
 * False if REF is no such symbol. */
static bool unvotes_symbol(const char *ref, char *out, size_t n)
{
    if (strncmp(ref, "A/RES/", 6) != 0) return false;
    const char *p = ref + 6;
    char *end;
    long a = strtol(p, &end, 10);
    if (end == p || a <= 0) return false;
    if (*end == ' ') end++;
    if (*end == '(') {
        const char *close = strchr(end, ')');
        int ses = close ? roman(end + 1, (size_t)(close - end - 1)) : 0;
        if (!ses || ses > 30 || close[1]) return false;
        return snprintf(out, n, "R/%d/%ld", ses, a) < (int)n;
    }
    if (*end != '/') return false;
    const char *q = end + 1;
    long num = strtol(q, &end, 10);
    if (end == q || num <= 0 || a < 31) return false;
    if (!*end) return snprintf(out, n, "R/%ld/%ld", a, num) < (int)n;
    if (end[0] == ' ' && isupper((unsigned char)end[1]) && !end[2])
        return snprintf(out, n, "R/%ld/%ld%c", a, num, end[1]) < (int)n;
    return false;
}

/* Read IV's sponsors (table sponsors), main first. */
static hrr_err_t read_sponsors(hrr_store_t *st, sqlite3_stmt *s, hrr_item_votes_t *iv)
{
    size_t cap = 0;
    bool row;
    hrr_err_t rc;
    sqlite3_bind_int64(s, 1, iv->item.id);
    while (!(rc = hrr_i_step(st, s, &row)) && row) {
        if (!grow(hrr_store_ctx(st), (void **)&iv->sponsors, &cap, iv->nsponsors,
                  sizeof *iv->sponsors))
            return oom(st);
        hrr_sponsor_t *sp = &iv->sponsors[iv->nsponsors];
        memset(sp, 0, sizeof *sp);
        iv->nsponsors++;
        col_copy(s, 0, sp->state, sizeof sp->state);
        char **dst[] = {&sp->grp, &sp->role, &sp->name, &sp->note, &sp->source};
        for (int k = 0; k < 5; k++)
            if (sqlite3_column_type(s, k + 1) != SQLITE_NULL &&
                !col_dup(hrr_store_ctx(st), s, k + 1, dst[k]))
                return oom(st);
    }
    sqlite3_reset(s);
    return rc;
}

hrr_err_t hrr_votes_get(hrr_store_t *st, const char *ref, int flags,
                        hrr_votes_t **out)
{
    static const char *const k_match[2][2] = {
        {ITEM_SELECT " WHERE i.key = ?1 OR i.symbol = ?1 ORDER BY i.date, i.key",
         ITEM_SELECT " WHERE i.key = ?1 COLLATE NOCASE OR i.symbol = ?1 COLLATE NOCASE"
                     " ORDER BY i.date, i.key"},
        {ITEM_SELECT " WHERE i.key = ?1",
         ITEM_SELECT " WHERE i.key = ?1 COLLATE NOCASE ORDER BY i.key"},
    };
    int by_key = (flags & HRR_VOTES_BY_KEY) != 0;
    sqlite3_stmt *s = NULL, *bs = NULL;
    hrr_votes_t *v = NULL;
    size_t cap = 0;
    hrr_err_t rc = HRR_OK;
    *out = NULL;
    if (!ref || !*ref) {
        rc = hrr_i_seterr(st, HRR_EINVAL, "no item symbol or key given");
        goto out;
    }
    if (!(v = hrr_i_calloc(hrr_store_ctx(st), 1, sizeof *v))) {
        rc = oom(st);
        goto out;
    }
    /* a third pass: an Assembly symbol as the UN writes it, in unvotes' form */
    char alias[64];
    bool have_alias = !by_key && unvotes_symbol(ref, alias, sizeof alias);
    for (int pass = 0; pass < (have_alias ? 3 : 2) && v->n == 0; pass++) {
        bool row;
        if ((rc = prepare(st, k_match[by_key][pass % 2], &s, "finding an item"))) goto out;
        sqlite3_bind_text(s, 1, pass == 2 ? alias : ref, -1, SQLITE_STATIC);
        while (!(rc = hrr_i_step(st, s, &row)) && row) {
            if (!grow(hrr_store_ctx(st), (void **)&v->items, &cap, v->n, sizeof *v->items) ||
                !item_read(s, &v->items[v->n].item)) {
                rc = oom(st);
                goto out;
            }
            v->n++;
        }
        if (rc) goto out;
        sqlite3_finalize(s);
        s = NULL;
    }
    if (v->n == 0) {
        rc = hrr_i_seterr(st, HRR_ENOTFOUND, "no item with %s '%s' in %s",
                          by_key ? "key" : "symbol or key", ref, st->path);
        goto out;
    }
    if ((rc = prepare(st,
            "SELECT s.iso3, s.name, b.vote FROM ballots b JOIN states s ON s.id = b.state_id"
            " WHERE b.item_id = ? ORDER BY s.iso3", &bs, "reading ballots")))
        goto out;
    for (size_t i = 0; i < v->n; i++)
        if ((rc = read_ballots(st, bs, &v->items[i]))) goto out;
    if ((rc = prepare(st,
            "SELECT coalesce(t.iso3,''), sp.grp, sp.role, sp.name, sp.note,"
            " coalesce(sp.source, im.path) FROM sponsors sp"
            " LEFT JOIN states t ON t.id = sp.state_id LEFT JOIN imports im ON im.id = sp.source_id"
            " WHERE sp.item_id = ? ORDER BY sp.role = 'co', sp.rowid", &s, "reading sponsors")))
        goto out;
    for (size_t i = 0; i < v->n; i++)
        if ((rc = read_sponsors(st, s, &v->items[i]))) goto out;
out:
    sqlite3_finalize(s);
    sqlite3_finalize(bs);
    if (rc) hrr_votes_free(v);
    else *out = v;
    return rc;
}

/* -------------------------------------------------------------- states */

void hrr_state_list_free(hrr_state_list_t *list)
{
    if (!list) return;
    for (size_t i = 0; i < list->n; i++) {
        hrr_state_info_t *s = &list->states[i];
        hrr_i_free(NULL, s->name);
        hrr_i_free(NULL, s->un_group);
        hrr_i_free(NULL, s->start);
        hrr_i_free(NULL, s->end);
        hrr_i_free(NULL, s->orgs);
    }
    hrr_i_free(NULL, list->states);
    hrr_i_free(NULL, list);
}

/* HRR_OK if GROUP is a regional group or a membership org in the store. */
static hrr_err_t check_group(hrr_store_t *st, const char *group)
{
    sqlite3_stmt *s;
    hrr_err_t rc = prepare(st,
        "SELECT 1 FROM states WHERE un_group = ?1 COLLATE NOCASE"
        " UNION ALL SELECT 1 FROM memberships WHERE org = ?1 COLLATE NOCASE LIMIT 1",
        &s, "finding a group");
    if (rc) return rc;
    sqlite3_bind_text(s, 1, group, -1, SQLITE_STATIC);
    int src = sqlite3_step(s);
    sqlite3_finalize(s);
    if (src == SQLITE_ROW) return HRR_OK;
    if (src != SQLITE_DONE) return step_err(st, "finding a group");
    char *known = list_of(st,
        "SELECT un_group FROM states WHERE un_group IS NOT NULL"
        " UNION SELECT org FROM memberships ORDER BY 1");
    rc = hrr_i_seterr(st, HRR_ENOTFOUND, "no group or organisation '%s' in the store"
                      " (it has %s)", group, known ? known : "none");
    hrr_i_free(hrr_store_ctx(st), known);
    return rc;
}

hrr_err_t hrr_states_list(hrr_store_t *st, const hrr_state_filter_t *filter,
                          hrr_state_list_t **out)
{
    static const char *const k_sql[3] = {
        /* all states */
        "",
        /* ever in the group */
        " WHERE s.un_group = ?1 COLLATE NOCASE OR EXISTS (SELECT 1 FROM memberships m"
        " WHERE m.state_id = s.id AND m.org = ?1 COLLATE NOCASE)",
        /* in the group on a date, and existing then */
        " WHERE (s.start_date IS NULL OR s.start_date <= ?2)"
        " AND (s.end_date IS NULL OR s.end_date > ?2)"
        " AND (s.un_group = ?1 COLLATE NOCASE OR EXISTS (SELECT 1 FROM memberships m"
        " WHERE m.state_id = s.id AND m.org = ?1 COLLATE NOCASE AND m.start_date <= ?2"
        " AND (m.end_date IS NULL OR m.end_date > ?2)))",
    };
    const char *group = filter ? filter->group : NULL;
    const char *on = filter && filter->group ? filter->on : NULL;
    hrr_sbuf_t sql = {0};
    sqlite3_stmt *s = NULL;
    hrr_state_list_t *list = NULL;
    size_t cap = 0;
    hrr_err_t rc = HRR_OK;
    bool row;
    *out = NULL;
    if (on && !hrr_i_date_valid(on)) {
        rc = hrr_i_seterr(st, HRR_EINVAL, "date '%s' is not a day YYYY-MM-DD", on);
        goto out;
    }
    if (group && (rc = check_group(st, group))) goto out;
    if (hrr_sbuf_printf(hrr_store_ctx(st), &sql,
            "SELECT s.iso3, s.name, s.un_group, s.iso2, s.m49, s.start_date, s.end_date,"
            " coalesce(a.n, 0),"
            " (SELECT group_concat(org, ',') FROM (SELECT DISTINCT org FROM memberships m"
            "   WHERE m.state_id = s.id ORDER BY org))"
            " FROM states s LEFT JOIN (SELECT state_id, count(*) AS n FROM state_aliases"
            "   GROUP BY state_id) a ON a.state_id = s.id%s ORDER BY s.iso3",
            k_sql[group ? (on ? 2 : 1) : 0])) {
        rc = oom(st);
        goto out;
    }
    if ((rc = prepare(st, sql.z, &s, "listing states"))) goto out;
    if (group) sqlite3_bind_text(s, 1, group, -1, SQLITE_STATIC);
    if (on) sqlite3_bind_text(s, 2, on, -1, SQLITE_STATIC);
    if (!(list = hrr_i_calloc(hrr_store_ctx(st), 1, sizeof *list))) {
        rc = oom(st);
        goto out;
    }
    while (!(rc = hrr_i_step(st, s, &row)) && row) {
        if (!grow(hrr_store_ctx(st), (void **)&list->states, &cap, list->n, sizeof *list->states)) {
            rc = oom(st);
            goto out;
        }
        hrr_state_info_t *si = &list->states[list->n++];
        col_copy(s, 0, si->iso3, sizeof si->iso3);
        col_copy(s, 3, si->iso2, sizeof si->iso2);
        si->m49 = col_long(s, 4, 0);
        si->naliases = col_long(s, 7, 0);
        if (!col_dup(hrr_store_ctx(st), s, 1, &si->name) || !col_dup(hrr_store_ctx(st), s, 2, &si->un_group) ||
            !col_dup(hrr_store_ctx(st), s, 5, &si->start) || !col_dup(hrr_store_ctx(st), s, 6, &si->end) ||
            !col_dup(hrr_store_ctx(st), s, 8, &si->orgs)) {
            rc = oom(st);
            goto out;
        }
    }
out:
    sqlite3_finalize(s);
    hrr_sbuf_destroy(&sql);
    if (rc) hrr_state_list_free(list);
    else *out = list;
    return rc;
}

/* ------------------------------------------------------------- summary */

/* The tables of schema v1 that hold records, in schema order. */
static const char *const k_tables[] = {
    "states", "state_aliases", "imports", "bodies", "sessions", "memberships",
    "items", "item_issues", "ballots", "instruments", "ratifications",
    "upr_recommendations", "regime_scores", "findings",
};
enum { N_TABLES = sizeof k_tables / sizeof *k_tables };

void hrr_summary_free(hrr_summary_t *sm)
{
    if (!sm) return;
    for (size_t i = 0; i < sm->nbodies; i++) {
        hrr_summary_body_t *b = &sm->bodies[i];
        hrr_i_free(NULL, b->code);
        hrr_i_free(NULL, b->name);
        hrr_i_free(NULL, b->first);
        hrr_i_free(NULL, b->last);
    }
    for (size_t i = 0; i < sm->nimports; i++) {
        hrr_summary_import_t *im = &sm->imports[i];
        hrr_i_free(NULL, im->path);
        hrr_i_free(NULL, im->format);
        hrr_i_free(NULL, im->sha256);
        hrr_i_free(NULL, im->started);
        hrr_i_free(NULL, im->finished);
    }
    for (size_t i = 0; i < sm->nmembers; i++) {
        hrr_i_free(NULL, sm->members[i].body);
        hrr_i_free(NULL, sm->members[i].first);
        hrr_i_free(NULL, sm->members[i].last);
    }
    hrr_i_free(NULL, sm->tables);
    hrr_i_free(NULL, sm->bodies);
    hrr_i_free(NULL, sm->imports);
    hrr_i_free(NULL, sm->members);
    hrr_i_free(NULL, sm);
}

hrr_err_t hrr_summary_get(hrr_store_t *st, hrr_summary_t **out)
{
    hrr_summary_t *sm = NULL;
    sqlite3_stmt *s = NULL;
    size_t cap = 0;
    hrr_err_t rc = HRR_OK;
    bool row;
    char sql[128];
    *out = NULL;
    if (!(sm = hrr_i_calloc(hrr_store_ctx(st), 1, sizeof *sm)) ||
        !(sm->tables = hrr_i_calloc(hrr_store_ctx(st), N_TABLES, sizeof *sm->tables))) {
        rc = oom(st);
        goto out;
    }
    if ((rc = hrr_store_schema_version(st, &sm->schema_version))) goto out;
    for (size_t i = 0; i < N_TABLES; i++) {
        snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", k_tables[i]);
        if ((rc = prepare(st, sql, &s, "counting rows"))) goto out;
        if (sqlite3_step(s) != SQLITE_ROW) {
            rc = step_err(st, "counting rows");
            goto out;
        }
        sm->tables[i].name = k_tables[i];
        sm->tables[i].rows = (long)sqlite3_column_int64(s, 0);
        sm->ntables++;
        sqlite3_finalize(s);
        s = NULL;
    }

    if ((rc = prepare(st,
            "SELECT b.code, b.name, count(i.id), min(i.date), max(i.date),"
            " coalesce(sum((SELECT count(*) FROM ballots x WHERE x.item_id = i.id)), 0)"
            " FROM bodies b LEFT JOIN items i ON i.body = b.code"
            " GROUP BY b.code ORDER BY b.code", &s, "summarising bodies")))
        goto out;
    while (!(rc = hrr_i_step(st, s, &row)) && row) {
        if (!grow(hrr_store_ctx(st), (void **)&sm->bodies, &cap, sm->nbodies, sizeof *sm->bodies)) {
            rc = oom(st);
            goto out;
        }
        hrr_summary_body_t *b = &sm->bodies[sm->nbodies++];
        b->items = col_long(s, 2, 0);
        b->ballots = col_long(s, 5, 0);
        if (!col_dup(hrr_store_ctx(st), s, 0, &b->code) || !col_dup(hrr_store_ctx(st), s, 1, &b->name) ||
            !col_dup(hrr_store_ctx(st), s, 3, &b->first) || !col_dup(hrr_store_ctx(st), s, 4, &b->last)) {
            rc = oom(st);
            goto out;
        }
    }
    if (rc) goto out;
    sqlite3_finalize(s);
    s = NULL;

    cap = 0;
    if ((rc = prepare(st,
            "SELECT m.org, count(DISTINCT m.state_id), count(*), min(m.start_date),"
            " max(coalesce(m.end_date, '')) FROM memberships m JOIN bodies b ON b.code = m.org"
            " GROUP BY m.org ORDER BY m.org", &s, "summarising memberships")))
        goto out;
    while (!(rc = hrr_i_step(st, s, &row)) && row) {
        if (!grow(hrr_store_ctx(st), (void **)&sm->members, &cap, sm->nmembers, sizeof *sm->members)) {
            rc = oom(st);
            goto out;
        }
        hrr_summary_members_t *m = &sm->members[sm->nmembers++];
        memset(m, 0, sizeof *m);
        m->states = col_long(s, 1, 0);
        m->terms = col_long(s, 2, 0);
        if (!col_dup(hrr_store_ctx(st), s, 0, &m->body) || !col_dup(hrr_store_ctx(st), s, 3, &m->first) ||
            !col_dup(hrr_store_ctx(st), s, 4, &m->last)) {
            rc = oom(st);
            goto out;
        }
    }
    if (rc) goto out;
    sqlite3_finalize(s);
    s = NULL;

    cap = 0;
    if ((rc = prepare(st,
            "SELECT id, path, format, rows, sha256, started, finished FROM imports ORDER BY id",
            &s, "listing imports")))
        goto out;
    while (!(rc = hrr_i_step(st, s, &row)) && row) {
        if (!grow(hrr_store_ctx(st), (void **)&sm->imports, &cap, sm->nimports, sizeof *sm->imports)) {
            rc = oom(st);
            goto out;
        }
        hrr_summary_import_t *im = &sm->imports[sm->nimports++];
        im->id = col_long(s, 0, 0);
        im->rows = col_long(s, 3, 0);
        if (!col_dup(hrr_store_ctx(st), s, 1, &im->path) || !col_dup(hrr_store_ctx(st), s, 2, &im->format) ||
            !col_dup(hrr_store_ctx(st), s, 4, &im->sha256) || !col_dup(hrr_store_ctx(st), s, 5, &im->started) ||
            !col_dup(hrr_store_ctx(st), s, 6, &im->finished)) {
            rc = oom(st);
            goto out;
        }
    }
out:
    sqlite3_finalize(s);
    if (rc) hrr_summary_free(sm);
    else *out = sm;
    return rc;
}

/* ----------------------------------------------------------------- SQL */

/* What the authorizer refused while compiling a caller's statement. */
typedef struct guard {
    const char *refused; /* the kind of action, or NULL */
} guard_t;

/* Deny what could change the store or the connection even where SQLite
 * would call the statement read-only: attaching files and setting pragmas
 * (a pragma with an argument, except those whose argument names what to
 * read, such as table_info(items)). */
static int authorize(void *ud, int action, const char *a1, const char *a2,
                     const char *db, const char *trigger)
{
    guard_t *g = ud;
    (void)db;
    (void)trigger;
    switch (action) {
    case SQLITE_ATTACH: g->refused = "ATTACH"; return SQLITE_DENY;
    case SQLITE_DETACH: g->refused = "DETACH"; return SQLITE_DENY;
    case SQLITE_PRAGMA:
        /* a pragma with an argument may set something; these only read */
        if (a2 && strcmp(a1, "table_info") != 0 && strcmp(a1, "table_xinfo") != 0 &&
            strcmp(a1, "index_list") != 0 && strcmp(a1, "index_info") != 0 &&
            strcmp(a1, "index_xinfo") != 0 && strcmp(a1, "foreign_key_list") != 0 &&
            strcmp(a1, "foreign_key_check") != 0 && strcmp(a1, "integrity_check") != 0 &&
            strcmp(a1, "quick_check") != 0) {
            g->refused = "setting a PRAGMA";
            return SQLITE_DENY;
        }
        return SQLITE_OK;
    }
    return SQLITE_OK;
}

/* True if Z holds nothing but white space and SQL comments. */
static bool only_comments(const char *z)
{
    for (;;) {
        while (isspace((unsigned char)*z) || *z == ';') z++;
        if (z[0] == '-' && z[1] == '-') {
            while (*z && *z != '\n') z++;
        } else if (z[0] == '/' && z[1] == '*') {
            const char *e = strstr(z + 2, "*/");
            if (!e) return true; /* an unterminated comment runs to the end */
            z = e + 2;
        } else {
            return *z == 0;
        }
    }
}

hrr_err_t hrr_sql_prepare(hrr_store_t *st, const char *sql, struct sqlite3_stmt **out)
{
    guard_t g = {0};
    sqlite3_stmt *s = NULL;
    const char *tail = NULL;
    hrr_err_t rc = HRR_OK;
    *out = NULL;
    if (!sql) return hrr_i_seterr(st, HRR_EINVAL, "no SQL given");
    sqlite3_set_authorizer(st->db, authorize, &g);
    int src = sqlite3_prepare_v2(st->db, sql, -1, &s, &tail);
    sqlite3_set_authorizer(st->db, NULL, NULL);
    if (src != SQLITE_OK) {
        if (g.refused)
            rc = hrr_i_seterr(st, HRR_EINVAL, "SQL refused: %s could change the store;"
                              " only reading is allowed", g.refused);
        else if (src == SQLITE_NOMEM)
            rc = oom(st);
        else
            rc = hrr_i_seterr(st, HRR_EINVAL, "SQL error: %s", sqlite3_errmsg(st->db));
        goto out;
    }
    if (!s) {
        rc = hrr_i_seterr(st, HRR_EINVAL, "no SQL statement given");
        goto out;
    }
    if (tail && !only_comments(tail)) {
        rc = hrr_i_seterr(st, HRR_EINVAL, "SQL refused: give one statement at a time"
                          " (more follows: '%.40s')", tail);
        goto out;
    }
    if (!sqlite3_stmt_readonly(s)) {
        rc = hrr_i_seterr(st, HRR_EINVAL, "SQL refused: the statement would change the"
                          " store; only reading is allowed");
        goto out;
    }
out:
    if (rc) sqlite3_finalize(s);
    else *out = s;
    return rc;
}
