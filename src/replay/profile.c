/*
 * profile.c - a state's record on one page and two states compared
 * (include/hrr/profile.h), read from the store with one prepared query per
 * section, plus the dynamic ideal points (src/analysis) and the casebook
 * (this layer). Group agreement reads the ballots of every item the state
 * voted on once, in item order, and tallies each group's other members in
 * memory: O(ballots on those items), about 0.2 s for the Assembly.
 *
 * Allocation goes through three helpers (grow, dup, hrr_profile_free's
 * hrr_i_free), so that the allocator's interface can change in one place.
 */
#define _GNU_SOURCE /* strcasestr */
#include "store/store.h"
#include "hrr/profile.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const k_groups[HRR_PROFILE_NGROUPS] = {HRR_PROFILE_GROUPS};
static const char *const k_bodies[] = {"HRC", "CHR", "GA"};
#define NBODIES (sizeof k_bodies / sizeof *k_bodies)

/* Room for N + 1 elements of SZ bytes in *A (capacity *CAP). */
static int grow(hrr_ctx_t *ctx, void *pa, size_t *cap, size_t n, size_t sz)
{
    void **a = pa;
    if (n < *cap) return 0;
    size_t c = *cap ? 2 * *cap : 16;
    void *p = hrr_i_realloc(ctx, *a, c * sz);
    if (!p) return -1;
    memset((char *)p + *cap * sz, 0, (c - *cap) * sz);
    *a = p;
    *cap = c;
    return 0;
}

/* A copy of S (NULL stays NULL); *FAIL set when memory ran out. */
static char *dup(hrr_ctx_t *ctx, const char *s, int *fail)
{
    if (!s) return NULL;
    size_t n = strlen(s) + 1;
    char *d = hrr_i_malloc(ctx, n);
    if (!d) {
        *fail = 1;
        return NULL;
    }
    memcpy(d, s, n);
    return d;
}

static char *col(hrr_ctx_t *ctx, sqlite3_stmt *s, int i, int *fail)
{
    return dup(ctx, (const char *)sqlite3_column_text(s, i), fail);
}

static long col_count(sqlite3_stmt *s, int i)
{
    return sqlite3_column_type(s, i) == SQLITE_NULL ? -1 : (long)sqlite3_column_int64(s, i);
}

static hrr_err_t prep(hrr_store_t *st, const char *sql, sqlite3_stmt **s)
{
    if (sqlite3_prepare_v2(st->db, sql, -1, s, NULL) != SQLITE_OK) return hrr_i_dberr(st, "profile");
    return HRR_OK;
}

/* The state id of CODE, any case ("chn"), in *ID; 0 when none (CODE too
 * long). A failed lookup is an error, not "no such state". */
static hrr_err_t state_id(hrr_store_t *st, const char *code, char iso3[4], long *id)
{
    size_t n = code ? strlen(code) : 0;
    *id = 0;
    if (n < 2 || n > 3) return HRR_OK;
    for (size_t i = 0; i <= n; i++)
        iso3[i] = (char)(code[i] >= 'a' && code[i] <= 'z' ? code[i] - 32 : code[i]);
    return hrr_i_state_id(st, iso3, id);
}

static hrr_err_t nomem(hrr_store_t *st) { return hrr_i_seterr(st, HRR_ENOMEM, "out of memory"); }

/* ---------------------------------------------------------------- profile */

void hrr_profile_free(hrr_profile_t *p)
{
    if (!p) return;
    hrr_i_free(NULL, p->name);
    hrr_i_free(NULL, p->un_group);
    hrr_i_free(NULL, p->start);
    hrr_i_free(NULL, p->end);
    for (size_t i = 0; i < p->nmembers; i++) {
        hrr_i_free(NULL, p->members[i].org);
        hrr_i_free(NULL, p->members[i].start);
        hrr_i_free(NULL, p->members[i].end);
        hrr_i_free(NULL, p->members[i].source);
    }
    hrr_i_free(NULL, p->members);
    for (size_t i = 0; i < p->nrecords; i++) {
        hrr_i_free(NULL, p->records[i].first);
        hrr_i_free(NULL, p->records[i].last);
    }
    hrr_i_free(NULL, p->records);
    hrr_i_free(NULL, p->agree);
    hrr_i_free(NULL, p->ideal);
    hrr_i_free(NULL, p->ideal_note);
    for (size_t i = 0; i < p->ntexts; i++) {
        hrr_profile_text_t *t = &p->texts[i];
        char *s[] = {t->body, t->symbol, t->date, t->kind, t->title, t->outcome};
        for (size_t k = 0; k < sizeof s / sizeof *s; k++) hrr_i_free(NULL, s[k]);
    }
    hrr_i_free(NULL, p->texts);
    for (size_t i = 0; i < p->ntreaties; i++) {
        hrr_i_free(NULL, p->treaties[i].instrument);
        hrr_i_free(NULL, p->treaties[i].name);
        hrr_i_free(NULL, p->treaties[i].status);
    }
    hrr_i_free(NULL, p->treaties);
    hrr_i_free(NULL, p->upr);
    for (size_t i = 0; i < p->nengagement; i++) {
        hrr_profile_engagement_t *e = &p->engagement[i];
        char *z[] = {e->kind, e->mechanism, e->date, e->status, e->note, e->source};
        for (size_t k = 0; k < sizeof z / sizeof *z; k++) hrr_i_free(NULL, z[k]);
    }
    hrr_i_free(NULL, p->engagement);
    hrr_i_free(NULL, p->cases); /* the strings belong to the casebook */
    hrr_casebook_free(p->casebook_);
    hrr_i_free(NULL, p);
}

/* Identity and memberships. */
static hrr_err_t identity(hrr_store_t *st, long id, hrr_profile_t *p)
{
    sqlite3_stmt *s = NULL;
    bool row;
    int fail = 0;
    size_t cap = 0;
    hrr_err_t rc = prep(st, "SELECT name, un_group, start_date, end_date FROM states WHERE id=?", &s);
    if (rc) return rc;
    sqlite3_bind_int64(s, 1, id);
    if (!(rc = hrr_i_step(st, s, &row)) && row) {
        p->name = col(hrr_store_ctx(st), s, 0, &fail);
        p->un_group = col(hrr_store_ctx(st), s, 1, &fail);
        p->start = col(hrr_store_ctx(st), s, 2, &fail);
        p->end = col(hrr_store_ctx(st), s, 3, &fail);
    }
    sqlite3_finalize(s);
    if (rc) return rc;
    if ((rc = prep(st, "SELECT org, nullif(start_date,''), end_date, source FROM memberships"
                       " WHERE state_id=? ORDER BY org, start_date", &s)))
        return rc;
    sqlite3_bind_int64(s, 1, id);
    while (!fail && !(rc = hrr_i_step(st, s, &row)) && row) {
        if (grow(hrr_store_ctx(st), &p->members, &cap, p->nmembers, sizeof *p->members)) {
            fail = 1;
            break;
        }
        hrr_profile_member_t *m = &p->members[p->nmembers++];
        m->org = col(hrr_store_ctx(st), s, 0, &fail);
        m->start = col(hrr_store_ctx(st), s, 1, &fail);
        m->end = col(hrr_store_ctx(st), s, 2, &fail);
        m->source = col(hrr_store_ctx(st), s, 3, &fail);
        if (m->org && (!strcmp(m->org, "HRC") || !strcmp(m->org, "CHR"))) p->nterms++;
    }
    sqlite3_finalize(s);
    return !rc && fail ? nomem(st) : rc;
}

/* Each body's ballot counts. */
static hrr_err_t records(hrr_store_t *st, long id, const char *only, hrr_profile_t *p)
{
    sqlite3_stmt *s = NULL;
    bool row;
    int fail = 0;
    hrr_err_t rc = prep(st, "SELECT count(*), sum(b.vote=" HRR_SQL_YES "), sum(b.vote=" HRR_SQL_NO
                            "), sum(b.vote=" HRR_SQL_ABSTAIN "), sum(b.vote=" HRR_SQL_ABSENT "),"
                            " min(CASE WHEN b.vote<" HRR_SQL_ABSENT " THEN i.date END),"
                            " max(CASE WHEN b.vote<" HRR_SQL_ABSENT " THEN i.date END)"
                            " FROM ballots b JOIN items i ON i.id=b.item_id"
                            " WHERE b.state_id=?1 AND i.body=?2 AND b.vote<>" HRR_SQL_NONMEMBER,
                        &s);
    if (rc) return rc;
    if (!(p->records = hrr_i_calloc(hrr_store_ctx(st), NBODIES, sizeof *p->records))) rc = nomem(st);
    for (size_t k = 0; k < NBODIES && !rc; k++) {
        if (only && strcasecmp(only, k_bodies[k]) != 0) continue;
        sqlite3_reset(s);
        sqlite3_bind_int64(s, 1, id);
        sqlite3_bind_text(s, 2, k_bodies[k], -1, SQLITE_STATIC);
        if ((rc = hrr_i_step(st, s, &row)) || !row) break;
        hrr_profile_record_t *r = &p->records[p->nrecords++];
        snprintf(r->body, sizeof r->body, "%s", k_bodies[k]);
        r->items = sqlite3_column_int64(s, 0);
        r->yes = sqlite3_column_int64(s, 1);
        r->no = sqlite3_column_int64(s, 2);
        r->abstain = sqlite3_column_int64(s, 3);
        r->absent = sqlite3_column_int64(s, 4);
        r->first = col(hrr_store_ctx(st), s, 5, &fail);
        r->last = col(hrr_store_ctx(st), s, 6, &fail);
    }
    sqlite3_finalize(s);
    if (!rc && fail) rc = nomem(st);
    return rc;
}

/* A membership span of one group. */
typedef struct span {
    long state;        /* states.id */
    int g;             /* index in k_groups */
    char from[11], to[11]; /* ISO dates; "" open, to "9999" open */
} span_t;

/* Agreement with each group's majority, by body and year (header comment
 * of profile.h). */
static hrr_err_t group_agree(hrr_store_t *st, long id, const char *body, hrr_profile_t *p,
                             size_t *cap)
{
    sqlite3_stmt *s = NULL;
    span_t *sp = NULL;
    size_t nsp = 0, capsp = 0;
    long maxid = 0;
    size_t *first = NULL; /* spans of state i: sp[first[i]..first[i+1]) */
    bool row;
    hrr_err_t rc = prep(st, "SELECT m.state_id, m.org, m.start_date, coalesce(m.end_date,'9999')"
                            " FROM memberships m WHERE m.org IN (?,?,?,?,?,?,?,?)"
                            " ORDER BY m.state_id", &s);
    if (rc) return rc;
    for (int g = 0; g < HRR_PROFILE_NGROUPS; g++)
        sqlite3_bind_text(s, g + 1, k_groups[g], -1, SQLITE_STATIC);
    while (!(rc = hrr_i_step(st, s, &row)) && row) {
        if (grow(hrr_store_ctx(st), &sp, &capsp, nsp, sizeof *sp)) {
            rc = nomem(st);
            break;
        }
        span_t *x = &sp[nsp++];
        x->state = sqlite3_column_int64(s, 0);
        const char *org = (const char *)sqlite3_column_text(s, 1);
        for (x->g = 0; x->g < HRR_PROFILE_NGROUPS && strcmp(org, k_groups[x->g]) != 0; x->g++) {}
        snprintf(x->from, sizeof x->from, "%s", (const char *)sqlite3_column_text(s, 2));
        snprintf(x->to, sizeof x->to, "%s", (const char *)sqlite3_column_text(s, 3));
        if (x->state > maxid) maxid = x->state;
    }
    sqlite3_finalize(s);
    s = NULL;
    if (rc) goto out;
    if (!(first = hrr_i_calloc(hrr_store_ctx(st), (size_t)maxid + 2, sizeof *first))) {
        rc = nomem(st);
        goto out;
    }
    for (size_t k = 0; k < nsp; k++) first[sp[k].state + 1] = k + 1;
    for (long i = 1; i <= maxid + 1; i++)
        if (first[i] < first[i - 1]) first[i] = first[i - 1];
    /* the ballots of every item the state voted on, its own first */
    if ((rc = prep(st, "SELECT i.id, i.date, me.vote, b.state_id, b.vote FROM ballots me JOIN items i ON i.id=me.item_id"
                       " JOIN ballots b ON b.item_id=me.item_id"
                       " WHERE me.state_id=?1 AND i.body=?2 AND i.date IS NOT NULL"
                       " AND me.vote<" HRR_SQL_ABSENT " AND b.vote<" HRR_SQL_ABSENT
                       " AND b.state_id<>?1 ORDER BY i.date, i.id", &s)))
        goto out;
    sqlite3_bind_int64(s, 1, id);
    sqlite3_bind_text(s, 2, body, -1, SQLITE_STATIC);
    long cnt[HRR_PROFILE_NGROUPS][4];
    long item = -1;
    int year = 0, mine = 0;
    char date[11] = "";
    size_t base = p->nagree; /* this body's rows */
    enum { Y0 = 1900, NY = 201 };
    static const size_t none = (size_t)-1;
    size_t at[NY][HRR_PROFILE_NGROUPS]; /* the row of (year, group), or none */
    memset(at, 0xff, sizeof at);
    for (;;) {
        rc = hrr_i_step(st, s, &row);
        long it = row ? sqlite3_column_int64(s, 0) : -2;
        if (!rc && it != item && item != -1 && year >= Y0 && year < Y0 + NY) {
            /* close the item: each group with a majority counts it */
            for (int g = 0; g < HRR_PROFILE_NGROUPS && !rc; g++) {
                long m = 0;
                int best = 0, nbest = 0;
                for (int v = 1; v <= 3; v++)
                    if (cnt[g][v] > m) m = cnt[g][v], best = v, nbest = 1;
                    else if (m && cnt[g][v] == m) nbest++;
                if (!best || nbest > 1) continue;
                size_t *r = &at[year - Y0][g];
                if (*r == none) {
                    if (grow(hrr_store_ctx(st), &p->agree, cap, p->nagree, sizeof *p->agree)) {
                        rc = nomem(st);
                        break;
                    }
                    hrr_profile_agree_t *a = &p->agree[*r = p->nagree++];
                    snprintf(a->body, sizeof a->body, "%s", body);
                    a->year = year;
                    snprintf(a->group, sizeof a->group, "%s", k_groups[g]);
                }
                p->agree[*r].n++;
                p->agree[*r].same += best == mine;
            }
        }
        if (rc || !row) break;
        if (it != item) {
            item = it;
            snprintf(date, sizeof date, "%s", (const char *)sqlite3_column_text(s, 1));
            year = atoi(date);
            mine = sqlite3_column_int(s, 2);
            memset(cnt, 0, sizeof cnt);
        }
        long sid = sqlite3_column_int64(s, 3);
        if (sid < 1 || sid > maxid) continue;
        int v = sqlite3_column_int(s, 4);
        for (size_t k = first[sid]; k < first[sid + 1]; k++)
            if (strcmp(sp[k].from, date) <= 0 && strcmp(date, sp[k].to) < 0) cnt[sp[k].g][v]++;
    }
    for (size_t r = base; r < p->nagree; r++)
        p->agree[r].share = (double)p->agree[r].same / (double)p->agree[r].n;
out:
    sqlite3_finalize(s);
    hrr_i_free(hrr_store_ctx(st), sp);
    hrr_i_free(hrr_store_ctx(st), first);
    return rc;
}

static int agree_cmp(const void *x, const void *y)
{
    const hrr_profile_agree_t *a = x, *b = y;
    int c = strcmp(a->body, b->body);
    if (c) return c;
    if (a->year != b->year) return a->year < b->year ? -1 : 1;
    int ga = 0, gb = 0;
    while (strcmp(k_groups[ga], a->group)) ga++;
    while (strcmp(k_groups[gb], b->group)) gb++;
    return ga - gb;
}

/* The dynamic ideal-point path on each body asked for. */
static hrr_err_t ideal(hrr_store_t *st, const char *iso3, const char *only, hrr_profile_t *p)
{
    size_t cap = 0;
    char note[256] = "";
    int fail = 0;
    for (size_t k = 0; k < NBODIES; k++) {
        if (only ? strcasecmp(only, k_bodies[k]) != 0 : !strcmp(k_bodies[k], "GA")) continue;
        hrr_scope_opts_t sc = {k_bodies[k], 0, 0};
        hrr_ideal_dyn_t *d = NULL;
        hrr_err_t rc = hrr_ideal_dyn_run(st, &sc, NULL, &d);
        if (rc && rc != HRR_ENOTFOUND) return rc; /* ENOTFOUND: nothing contested */
        size_t n0 = p->nideal;
        for (size_t i = 0; !rc && i < d->n; i++) {
            const hrr_ideal_dyn_row_t *r = &d->r[i];
            if (strcmp(r->iso3, iso3) != 0) continue;
            if (grow(hrr_store_ctx(st), &p->ideal, &cap, p->nideal, sizeof *p->ideal)) {
                hrr_ideal_dyn_free(d);
                return nomem(st);
            }
            hrr_profile_ideal_t *x = &p->ideal[p->nideal++];
            snprintf(x->body, sizeof x->body, "%s", k_bodies[k]);
            x->year = r->year;
            x->x = r->x;
            x->sd = r->sd;
            x->lo = r->x - 1.96 * r->sd;
            x->hi = r->x + 1.96 * r->sd;
            x->n = r->n;
        }
        hrr_ideal_dyn_free(d);
        size_t len = strlen(note);
        snprintf(note + len, sizeof note - len, "%s%s: %s", len ? "; " : "", k_bodies[k],
                 rc ? "no contested votes" : p->nideal > n0 ? "fitted" : "too few yes/no votes");
    }
    size_t len = strlen(note);
    if (!only)
        snprintf(note + len, sizeof note - len, "%sGA: not fitted by default (seconds; ask with --body GA)",
                 len ? "; " : "");
    p->ideal_note = dup(hrr_store_ctx(st), note, &fail);
    return fail ? nomem(st) : HRR_OK;
}

/* The items that targeted it. */
static hrr_err_t texts(hrr_store_t *st, long id, const char *only, hrr_profile_t *p)
{
    sqlite3_stmt *s = NULL;
    bool row;
    int fail = 0;
    size_t cap = 0;
    hrr_err_t rc = prep(st, "SELECT i.body, i.symbol, i.date, i.kind, i.title, i.outcome, i.yes, i.no,"
                            " i.abstain, (SELECT vote FROM ballots b WHERE b.item_id=i.id AND b.state_id=?1)"
                            " FROM items i WHERE i.target_id=?1 AND (?2 IS NULL OR i.body=upper(?2))"
                            " ORDER BY i.date, i.key", &s);
    if (rc) return rc;
    sqlite3_bind_int64(s, 1, id);
    if (only) sqlite3_bind_text(s, 2, only, -1, SQLITE_STATIC);
    while (!fail && !(rc = hrr_i_step(st, s, &row)) && row) {
        if (grow(hrr_store_ctx(st), &p->texts, &cap, p->ntexts, sizeof *p->texts)) {
            fail = 1;
            break;
        }
        hrr_profile_text_t *t = &p->texts[p->ntexts++];
        t->body = col(hrr_store_ctx(st), s, 0, &fail);
        t->symbol = col(hrr_store_ctx(st), s, 1, &fail);
        t->date = col(hrr_store_ctx(st), s, 2, &fail);
        t->kind = col(hrr_store_ctx(st), s, 3, &fail);
        t->title = col(hrr_store_ctx(st), s, 4, &fail);
        t->outcome = col(hrr_store_ctx(st), s, 5, &fail);
        t->yes = col_count(s, 6);
        t->no = col_count(s, 7);
        t->abstain = col_count(s, 8);
        t->vote = sqlite3_column_int(s, 9);
    }
    sqlite3_finalize(s);
    return !rc && fail ? nomem(st) : rc;
}

static hrr_err_t treaties(hrr_store_t *st, long id, hrr_profile_t *p)
{
    sqlite3_stmt *s = NULL;
    bool row;
    int fail = 0;
    size_t cap = 0;
    hrr_err_t rc = prep(st, "SELECT r.instrument, n.name, r.status, coalesce(r.year,0) FROM ratifications r"
                            " LEFT JOIN instruments n ON n.code=r.instrument WHERE r.state_id=?"
                            " ORDER BY r.instrument", &s);
    if (rc) return rc;
    sqlite3_bind_int64(s, 1, id);
    while (!fail && !(rc = hrr_i_step(st, s, &row)) && row) {
        if (grow(hrr_store_ctx(st), &p->treaties, &cap, p->ntreaties, sizeof *p->treaties)) {
            fail = 1;
            break;
        }
        hrr_profile_treaty_t *t = &p->treaties[p->ntreaties++];
        t->instrument = col(hrr_store_ctx(st), s, 0, &fail);
        t->name = col(hrr_store_ctx(st), s, 1, &fail);
        t->status = col(hrr_store_ctx(st), s, 2, &fail);
        t->year = sqlite3_column_int(s, 3);
    }
    sqlite3_finalize(s);
    return !rc && fail ? nomem(st) : rc;
}

static hrr_err_t upr(hrr_store_t *st, long id, hrr_profile_t *p)
{
    sqlite3_stmt *s = NULL;
    bool row;
    size_t cap = 0;
    hrr_err_t rc = prep(st, "SELECT session, sum(sur_id=?1), sum(sur_id=?1 AND lower(response)='supported'),"
                            " sum(sur_id=?1 AND lower(response)='noted'), sum(recommending_id=?1),"
                            " sum(recommending_id=?1 AND lower(response)='supported'),"
                            " sum(recommending_id=?1 AND lower(response)='noted')"
                            " FROM upr_recommendations WHERE sur_id=?1 OR recommending_id=?1"
                            " GROUP BY session ORDER BY session", &s);
    if (rc) return rc;
    sqlite3_bind_int64(s, 1, id);
    while (!(rc = hrr_i_step(st, s, &row)) && row) {
        if (grow(hrr_store_ctx(st), &p->upr, &cap, p->nupr, sizeof *p->upr)) {
            rc = nomem(st);
            break;
        }
        hrr_profile_upr_t *u = &p->upr[p->nupr++];
        u->session = sqlite3_column_int64(s, 0);
        u->received = sqlite3_column_int64(s, 1);
        u->rec_supported = sqlite3_column_int64(s, 2);
        u->rec_noted = sqlite3_column_int64(s, 3);
        u->given = sqlite3_column_int64(s, 4);
        u->giv_supported = sqlite3_column_int64(s, 5);
        u->giv_noted = sqlite3_column_int64(s, 6);
    }
    sqlite3_finalize(s);
    return rc;
}

/* Its engagement record, oldest first (undated last). */
static hrr_err_t engagement(hrr_store_t *st, long id, hrr_profile_t *p)
{
    sqlite3_stmt *s = NULL;
    bool row;
    int fail = 0;
    size_t cap = 0;
    hrr_err_t rc = prep(st, "SELECT kind, mechanism, date, status, note, source FROM engagement"
                            " WHERE state_id=? ORDER BY date IS NULL, date, kind, id", &s);
    if (rc) return rc;
    sqlite3_bind_int64(s, 1, id);
    while (!fail && !(rc = hrr_i_step(st, s, &row)) && row) {
        if (grow(hrr_store_ctx(st), &p->engagement, &cap, p->nengagement, sizeof *p->engagement)) {
            fail = 1;
            break;
        }
        hrr_profile_engagement_t *e = &p->engagement[p->nengagement++];
        e->kind = col(hrr_store_ctx(st), s, 0, &fail);
        e->mechanism = col(hrr_store_ctx(st), s, 1, &fail);
        e->date = col(hrr_store_ctx(st), s, 2, &fail);
        e->status = col(hrr_store_ctx(st), s, 3, &fail);
        e->note = col(hrr_store_ctx(st), s, 4, &fail);
        e->source = col(hrr_store_ctx(st), s, 5, &fail);
    }
    sqlite3_finalize(s);
    return !rc && fail ? nomem(st) : rc;
}

/* Whether TEXT names NAME as a whole word (ignoring case): "Niger" is not
 * in "Nigeria". */
static bool names(const char *text, const char *name)
{
    size_t n = strlen(name);
    for (const char *q = text; n && q && (q = strcasestr(q, name)); q++) {
        bool before = q > text && isalpha((unsigned char)q[-1]);
        bool after = isalpha((unsigned char)q[n]);
        if (!before && !after) return true;
    }
    return false;
}

/* The casebook entries that name it: its code as target, or its name in
 * who moved the item or in the note (a whole word, ignoring case). */
static hrr_err_t cases(hrr_store_t *st, const char *only, hrr_profile_t *p)
{
    hrr_casebook_t *cb = NULL;
    hrr_err_t rc = hrr_casebook_load(&cb, hrr_store_ctx(st));
    if (rc) return hrr_i_seterr(st, rc, "cannot read the casebook");
    p->casebook_ = cb;
    if ((rc = hrr_casebook_from_store(st, cb))) return rc;
    size_t cap = 0;
    for (size_t i = 0; i < cb->n; i++) {
        const hrr_case_t *c = &cb->a[i];
        if (only && (!c->body || strcasecmp(c->body, only) != 0)) continue;
        bool named = p->name && ((c->moved_by && names(c->moved_by, p->name)) ||
                                 (c->note && names(c->note, p->name)));
        if (!(c->target && !strcmp(c->target, p->iso3)) && !named)
            continue;
        if (grow(hrr_store_ctx(st), &p->cases, &cap, p->ncases, sizeof *p->cases)) return nomem(st);
        p->cases[p->ncases++] = *c;
    }
    return HRR_OK;
}

static hrr_err_t body_known(hrr_store_t *st, const char *body)
{
    sqlite3_stmt *s = NULL;
    bool row = false;
    hrr_err_t rc = prep(st, "SELECT 1 FROM bodies WHERE code=upper(?)", &s);
    if (rc) return rc;
    sqlite3_bind_text(s, 1, body, -1, SQLITE_STATIC);
    rc = hrr_i_step(st, s, &row);
    sqlite3_finalize(s);
    if (!rc && !row) rc = hrr_i_seterr(st, HRR_ENOTFOUND, "no body '%s' in the store", body);
    return rc;
}

hrr_err_t hrr_profile_get(hrr_store_t *st, const char *iso3, const hrr_profile_opts_t *opts,
                          hrr_profile_t **out)
{
    static const hrr_profile_opts_t dflt;
    hrr_err_t rc;
    *out = NULL;
    if (!opts) opts = &dflt;
    if (!iso3 || !*iso3) return hrr_i_seterr(st, HRR_EINVAL, "a state (ISO3) is required");
    char code[4];
    long id;
    if ((rc = state_id(st, iso3, code, &id))) return rc;
    if (!id) return hrr_i_seterr(st, HRR_ENOTFOUND, "no state '%s' in the store", iso3);
    iso3 = code;
    const char *only = NULL;
    if (opts->body) {
        for (size_t k = 0; k < NBODIES && !only; k++)
            if (!strcasecmp(opts->body, k_bodies[k])) only = k_bodies[k];
        if (!only) {
            if ((rc = body_known(st, opts->body))) return rc;
            return hrr_i_seterr(st, HRR_EINVAL, "a profile covers CHR, HRC or GA, not '%s'", opts->body);
        }
    }
    hrr_profile_t *p = hrr_i_calloc(hrr_store_ctx(st), 1, sizeof *p);
    if (!p) return nomem(st);
    snprintf(p->iso3, sizeof p->iso3, "%s", iso3);
    size_t cap = 0;
    if ((rc = identity(st, id, p)) || (rc = records(st, id, only, p))) goto out;
    for (size_t k = 0; k < NBODIES; k++)
        if ((!only || only == k_bodies[k]) && (rc = group_agree(st, id, k_bodies[k], p, &cap))) goto out;
    if (p->nagree) qsort(p->agree, p->nagree, sizeof *p->agree, agree_cmp);
    if (!opts->no_ideal && (rc = ideal(st, iso3, only, p))) goto out;
    if ((rc = texts(st, id, only, p)) || (rc = treaties(st, id, p)) || (rc = upr(st, id, p)) ||
        (rc = engagement(st, id, p)) || (rc = cases(st, only, p)))
        goto out;
out:
    if (rc) {
        if (rc == HRR_ENOMEM) nomem(st);
        hrr_profile_free(p);
        return rc;
    }
    *out = p;
    return HRR_OK;
}

/* ---------------------------------------------------------------- compare */

void hrr_compare_free(hrr_compare_t *c)
{
    if (!c) return;
    hrr_i_free(NULL, c->name_a);
    hrr_i_free(NULL, c->name_b);
    hrr_i_free(NULL, c->years);
    for (size_t i = 0; i < c->nsubjects; i++) hrr_i_free(NULL, c->subjects[i].subject);
    hrr_i_free(NULL, c->subjects);
    for (size_t i = 0; i < c->ndiffs; i++) {
        hrr_compare_diff_t *d = &c->diffs[i];
        hrr_i_free(NULL, d->symbol);
        hrr_i_free(NULL, d->date);
        hrr_i_free(NULL, d->title);
        hrr_i_free(NULL, d->subject);
    }
    hrr_i_free(NULL, c->diffs);
    hrr_i_free(NULL, c);
}

/* Count one common vote (A's VA, B's VB, both yes/no/abstain) into R. */
static void count(hrr_compare_row_t *r, int va, int vb)
{
    r->n++;
    if (va == vb) r->same++;
    else if ((va == HRR_VOTE_ABSTAIN) == (vb == HRR_VOTE_ABSTAIN)) r->opposed++;
}

static void finish(hrr_compare_row_t *r)
{
    long half = r->n - r->same - r->opposed;
    r->agree = r->n ? (double)r->same / (double)r->n : NAN;
    r->agree_half = r->n ? ((double)r->same + 0.5 * (double)half) / (double)r->n : NAN;
}

/* The row of subject NAME (LEN bytes) in C, added when new. */
static hrr_compare_row_t *subject_row(hrr_ctx_t *ctx, hrr_compare_t *c, size_t *cap, const char *name, size_t len)
{
    for (size_t i = 0; i < c->nsubjects; i++)
        if (strlen(c->subjects[i].subject) == len && !memcmp(c->subjects[i].subject, name, len))
            return &c->subjects[i];
    if (grow(ctx, &c->subjects, cap, c->nsubjects, sizeof *c->subjects)) return NULL;
    char buf[256];
    snprintf(buf, sizeof buf, "%.*s", (int)(len < 255 ? len : 255), name);
    int fail = 0;
    hrr_compare_row_t *r = &c->subjects[c->nsubjects];
    if (!(r->subject = dup(ctx, buf, &fail))) return NULL;
    c->nsubjects++;
    return r;
}

static int subject_cmp(const void *x, const void *y)
{
    const hrr_compare_row_t *a = x, *b = y;
    if (a->n != b->n) return a->n > b->n ? -1 : 1;
    return strcmp(a->subject, b->subject);
}

static int diff_cmp(const void *x, const void *y)
{
    const hrr_compare_diff_t *a = x, *b = y;
    if (a->opposed != b->opposed) return a->opposed ? -1 : 1;
    int c = strcmp(b->date ? b->date : "", a->date ? a->date : "");
    return c ? c : strcmp(a->symbol ? a->symbol : "", b->symbol ? b->symbol : "");
}

static const char *issue_name(const char *code)
{
    static const char *const k[][2] = {{"me", "Palestinian conflict (me)"}, {"nu", "nuclear weapons (nu)"},
                                       {"di", "arms control and disarmament (di)"},
                                       {"hr", "human rights (hr)"}, {"co", "colonialism (co)"},
                                       {"ec", "economic development (ec)"}};
    for (size_t i = 0; i < sizeof k / sizeof *k; i++)
        if (!strcmp(k[i][0], code)) return k[i][1];
    return code;
}

hrr_err_t hrr_compare_get(hrr_store_t *st, const char *a, const char *b,
                          const hrr_scope_opts_t *scope, long limit, hrr_compare_t **out)
{
    sqlite3_stmt *s = NULL;
    hrr_err_t rc;
    bool row;
    int fail = 0;
    *out = NULL;
    if (!scope || !scope->body) return hrr_i_seterr(st, HRR_EINVAL, "a body is required");
    if (limit < 0) return hrr_i_seterr(st, HRR_EINVAL, "the limit must be positive");
    if (!limit) limit = 20;
    if ((rc = body_known(st, scope->body))) return rc;
    char ca[4], cb[4];
    long ida, idb;
    if ((rc = state_id(st, a, ca, &ida)) || (rc = state_id(st, b, cb, &idb))) return rc;
    if (!ida || !idb) return hrr_i_seterr(st, HRR_ENOTFOUND, "no state '%s' in the store", !ida ? a : b);
    a = ca;
    b = cb;
    hrr_compare_t *c = hrr_i_calloc(hrr_store_ctx(st), 1, sizeof *c);
    if (!c) return nomem(st);
    snprintf(c->a, sizeof c->a, "%s", a);
    snprintf(c->b, sizeof c->b, "%s", b);
    snprintf(c->body, sizeof c->body, "%s", scope->body);
    for (char *q = c->body; *q; q++) *q = (char)(*q >= 'a' && *q <= 'z' ? *q - 32 : *q);
    c->from = scope->from;
    c->to = scope->to;
    if ((rc = prep(st, "SELECT name FROM states WHERE id=?", &s))) goto out;
    for (int k = 0; k < 2 && !rc; k++) {
        sqlite3_reset(s);
        sqlite3_bind_int64(s, 1, k ? idb : ida);
        if (!(rc = hrr_i_step(st, s, &row)) && row) *(k ? &c->name_b : &c->name_a) = col(hrr_store_ctx(st), s, 0, &fail);
    }
    sqlite3_finalize(s);
    s = NULL;
    if (rc) goto out;
    if ((rc = prep(st, "SELECT CAST(substr(i.date,1,4) AS INTEGER) y, i.date, i.symbol, i.title,"
                       " i.subject, (SELECT group_concat(code, ',') FROM item_issues x WHERE x.item_id=i.id),"
                       " va.vote, vb.vote FROM ballots va JOIN ballots vb ON vb.item_id=va.item_id"
                       " AND vb.state_id=?2 JOIN items i ON i.id=va.item_id"
                       " WHERE va.state_id=?1 AND i.body=?3 AND va.vote<" HRR_SQL_ABSENT
                       " AND vb.vote<" HRR_SQL_ABSENT " AND i.date IS NOT NULL"
                       " AND (?4=0 OR y>=?4) AND (?5=0 OR y<=?5) ORDER BY i.date DESC, i.key", &s)))
        goto out;
    sqlite3_bind_int64(s, 1, ida);
    sqlite3_bind_int64(s, 2, idb);
    sqlite3_bind_text(s, 3, c->body, -1, SQLITE_STATIC);
    sqlite3_bind_int(s, 4, scope->from);
    sqlite3_bind_int(s, 5, scope->to);
    size_t capy = 0, caps = 0, capd = 0;
    while (!fail && !(rc = hrr_i_step(st, s, &row)) && row) {
        int year = sqlite3_column_int(s, 0), va = sqlite3_column_int(s, 6), vb = sqlite3_column_int(s, 7);
        count(&c->all, va, vb);
        /* years arrive newest first */
        if (!c->nyears || c->years[c->nyears - 1].year != year) {
            if (grow(hrr_store_ctx(st), &c->years, &capy, c->nyears, sizeof *c->years)) {
                fail = 1;
                break;
            }
            c->years[c->nyears++].year = year;
        }
        count(&c->years[c->nyears - 1], va, vb);
        const char *subj = (const char *)sqlite3_column_text(s, 4);
        const char *issues = (const char *)sqlite3_column_text(s, 5);
        if (subj && *subj) {
            const char *cut = strstr(subj, " - ");
            hrr_compare_row_t *r = subject_row(hrr_store_ctx(st), c, &caps, subj, cut ? (size_t)(cut - subj) : strlen(subj));
            if (!r) {
                fail = 1;
                break;
            }
            count(r, va, vb);
        } else if (issues && *issues) {
            for (const char *q = issues; *q;) {
                size_t len = strcspn(q, ",");
                char code[8];
                snprintf(code, sizeof code, "%.*s", (int)(len < 7 ? len : 7), q);
                const char *nm = issue_name(code);
                hrr_compare_row_t *r = subject_row(hrr_store_ctx(st), c, &caps, nm, strlen(nm));
                if (!r) {
                    fail = 1;
                    break;
                }
                count(r, va, vb);
                q += len + (q[len] == ',');
            }
        } else {
            hrr_compare_row_t *r = subject_row(hrr_store_ctx(st), c, &caps, "(none)", 6);
            if (!r) {
                fail = 1;
                break;
            }
            count(r, va, vb);
        }
        if (fail) break;
        if (va != vb) {
            if (grow(hrr_store_ctx(st), &c->diffs, &capd, c->ndiffs, sizeof *c->diffs)) {
                fail = 1;
                break;
            }
            hrr_compare_diff_t *d = &c->diffs[c->ndiffs++];
            d->date = col(hrr_store_ctx(st), s, 1, &fail);
            d->symbol = col(hrr_store_ctx(st), s, 2, &fail);
            d->title = col(hrr_store_ctx(st), s, 3, &fail);
            d->subject = subj ? col(hrr_store_ctx(st), s, 4, &fail) : col(hrr_store_ctx(st), s, 5, &fail);
            d->va = va;
            d->vb = vb;
            d->opposed = (va == HRR_VOTE_ABSTAIN) == (vb == HRR_VOTE_ABSTAIN);
        }
    }
    if (rc || fail) goto out;
    finish(&c->all);
    for (size_t i = 0; i < c->nyears; i++) finish(&c->years[i]);
    for (size_t i = 0; i < c->nsubjects; i++) finish(&c->subjects[i]);
    /* years oldest first */
    for (size_t i = 0, j = c->nyears; i + 1 < j--; i++) {
        hrr_compare_row_t t = c->years[i];
        c->years[i] = c->years[j];
        c->years[j] = t;
    }
    if (c->nsubjects) qsort(c->subjects, c->nsubjects, sizeof *c->subjects, subject_cmp);
    if (c->ndiffs) qsort(c->diffs, c->ndiffs, sizeof *c->diffs, diff_cmp);
    while (c->ndiffs > (size_t)limit) {
        hrr_compare_diff_t *d = &c->diffs[--c->ndiffs];
        hrr_i_free(hrr_store_ctx(st), d->symbol);
        hrr_i_free(hrr_store_ctx(st), d->date);
        hrr_i_free(hrr_store_ctx(st), d->title);
        hrr_i_free(hrr_store_ctx(st), d->subject);
    }
out:
    sqlite3_finalize(s);
    if (!rc && fail) rc = nomem(st);
    if (rc) {
        hrr_compare_free(c);
        return rc;
    }
    *out = c;
    return HRR_OK;
}
