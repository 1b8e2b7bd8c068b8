/*
 * store.c - opening the SQLite store: pragmas (foreign keys on, WAL),
 * versioned migrations, and the project's own facts seeded at creation
 * (state identities and their aliases, bodies). Also the state resolver
 * every importer uses to turn a source's code into one canonical identity.
 */
#include "store.h"
#include "core/csv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

hrr_err_t hrr_i_seterr(hrr_store_t *st, hrr_err_t rc, const char *fmt, ...)
{
    if (!st) return rc;
    va_list ap;
    va_start(ap, fmt);
    hrr_i_ctx_vseterr(st->ctx, rc, fmt, ap);
    va_end(ap);
    return rc;
}

hrr_err_t hrr_i_dberr(hrr_store_t *st, const char *what)
{
    int ec = sqlite3_errcode(st->db);
    hrr_err_t rc = ec == SQLITE_NOMEM ? HRR_ENOMEM : HRR_EDB;
    return hrr_i_seterr(st, rc, "%s: %s: %s", st->path, what,
                        sqlite3_errmsg(st->db));
}

hrr_err_t hrr_i_step(hrr_store_t *st, sqlite3_stmt *s, bool *row)
{
    int src = sqlite3_step(s);
    *row = src == SQLITE_ROW;
    if (src == SQLITE_ROW || src == SQLITE_DONE) return HRR_OK;
    hrr_err_t rc = (src & 0xff) == SQLITE_NOMEM ? HRR_ENOMEM : HRR_EDB;
    const char *sql = sqlite3_sql(s);
    /* sqlite3_errmsg may already describe a later call on the connection;
     * sqlite3_errstr(src) is the step's own result, said plainly */
    sqlite3 *db = sqlite3_db_handle(s);
    const char *msg = sqlite3_errcode(db) == src ? sqlite3_errmsg(db) : sqlite3_errstr(src);
    return hrr_i_seterr(st, rc, "%s: %s (in: %s)", st && st->path ? st->path : "store", msg,
                        sql ? sql : "?");
}

hrr_err_t hrr_i_step_done(hrr_store_t *st, sqlite3_stmt *s)
{
    bool row;
    hrr_err_t rc;
    while (!(rc = hrr_i_step(st, s, &row)) && row) {}
    return rc;
}

hrr_err_t hrr_i_step_each(hrr_store_t *st, sqlite3_stmt *s, hrr_i_row_fn fn, void *ud)
{
    bool row;
    hrr_err_t rc;
    while (!(rc = hrr_i_step(st, s, &row)) && row)
        if ((rc = fn(ud, s))) break;
    return rc;
}

hrr_err_t hrr_i_query_each(hrr_store_t *st, const char *sql, const char *arg, hrr_i_row_fn fn,
                           void *ud)
{
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) return hrr_i_dberr(st, "prepare");
    if (arg) sqlite3_bind_text(s, 1, arg, -1, SQLITE_STATIC);
    hrr_err_t rc = hrr_i_step_each(st, s, fn, ud);
    sqlite3_finalize(s);
    return rc;
}

hrr_err_t hrr_i_exec(hrr_store_t *st, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(st->db, sql, NULL, NULL, &err) != SQLITE_OK) {
        hrr_err_t rc = hrr_i_seterr(st, HRR_EDB, "%s: %s", st->path,
                                    err ? err : "SQL failed");
        sqlite3_free(err);
        return rc;
    }
    return HRR_OK;
}

const hrr_i_resource_t *hrr_i_resource(const char *name)
{
    for (const hrr_i_resource_t *r = hrr_i_resources; r->name; r++)
        if (strcmp(r->name, name) == 0) return r;
    return NULL;
}

const char *hrr_store_errmsg(const hrr_store_t *st)
{
    return st ? hrr_errmsg(st->ctx) : "out of memory";
}

hrr_ctx_t *hrr_store_ctx(hrr_store_t *st) { return st ? st->ctx : NULL; }

struct sqlite3 *hrr_store_sqlite(hrr_store_t *st) { return st->db; }

hrr_err_t hrr_store_schema_version(hrr_store_t *st, int *version)
{
    sqlite3_stmt *s;
    bool row;
    *version = -1;
    if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL))
        return hrr_i_dberr(st, "reading the schema version");
    /* PRAGMA user_version always gives one row: anything else failed */
    hrr_err_t rc = hrr_i_step(st, s, &row);
    if (!rc && !row) rc = hrr_i_seterr(st, HRR_EDB, "%s: PRAGMA user_version gave no row", st->path);
    if (!rc) *version = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return rc;
}

/* ------------------------------------------------------------- seeding */

typedef struct seed {
    hrr_store_t *st;      /* the store */
    const char *name;     /* resource being read */
    sqlite3_stmt *ins;    /* insert statement */
    sqlite3_stmt *alias;  /* alias insert */
    sqlite3_stmt *find;   /* iso3 -> id */
} seed_t;

static hrr_err_t add_alias(seed_t *sd, const char *kind, const char *alias,
                           long id, const char *from, const char *to,
                           const char *source)
{
    char norm[256];
    if (!*alias) return HRR_OK;
    if (strcmp(kind, "name") == 0) {
        hrr_i_name_norm(alias, norm, sizeof norm);
        alias = norm;
    }
    sqlite3_stmt *s = sd->alias;
    sqlite3_bind_text(s, 1, kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, alias, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 3, id);
    if (from && *from) sqlite3_bind_text(s, 4, from, -1, SQLITE_TRANSIENT);
    else sqlite3_bind_null(s, 4);
    if (to && *to) sqlite3_bind_text(s, 5, to, -1, SQLITE_TRANSIENT);
    else sqlite3_bind_null(s, 5);
    if (source && *source) sqlite3_bind_text(s, 6, source, -1, SQLITE_TRANSIENT);
    else sqlite3_bind_null(s, 6);
    hrr_err_t rc = hrr_i_step_done(sd->st, s);
    sqlite3_reset(s);
    return rc;
}

/* A data row of SD's file: N fields, the ISO3 of a state the store knows in
 * field ICOL; its id into *ID. */
static hrr_err_t seed_row_state(seed_t *sd, const hrr_csv_row_t *row, size_t n, size_t icol,
                                long *id)
{
    if (row->n != n)
        return hrr_i_seterr(sd->st, HRR_EDATA, "%s:%ld: expected %zu fields", sd->name, row->line, n);
    hrr_err_t e = hrr_i_state_id(sd->st, row->f[icol], id);
    if (e) return e;
    if (!*id)
        return hrr_i_seterr(sd->st, HRR_EDATA, "%s:%ld: field 'iso3': unknown state '%s'", sd->name,
                            row->line, row->f[icol]);
    return HRR_OK;
}

/* Run SD's insert with what is bound, and reset it for the next row. */
static hrr_err_t seed_step(seed_t *sd)
{
    hrr_err_t rc = hrr_i_step_done(sd->st, sd->ins);
    sqlite3_reset(sd->ins);
    return rc;
}

static hrr_err_t seed_state(void *ud, const hrr_csv_row_t *row)
{
    seed_t *sd = ud;
    if (row->line == 1) return HRR_OK; /* header */
    if (row->n != 8)
        return hrr_i_seterr(sd->st, HRR_EDATA, "%s:%ld: expected 8 fields",
                            sd->name, row->line);
    sqlite3_stmt *s = sd->ins;
    for (int i = 0; i < 7; i++) {
        if (*row->f[i]) sqlite3_bind_text(s, i + 1, row->f[i], -1, SQLITE_STATIC);
        else sqlite3_bind_null(s, i + 1);
    }
    sqlite3_bind_text(s, 8, row->f[7], -1, SQLITE_STATIC);
    hrr_err_t e = hrr_i_step_done(sd->st, s);
    sqlite3_reset(s);
    if (e) return e;
    long id = (long)sqlite3_last_insert_rowid(sd->st->db);
    const char *from = row->f[5], *to = row->f[6];
    if ((e = add_alias(sd, "iso3", row->f[0], id, from, to, NULL)) ||
        (e = add_alias(sd, "iso2", row->f[3], id, from, to, NULL)) ||
        (e = add_alias(sd, "m49", row->f[4], id, from, to, NULL)) ||
        (e = add_alias(sd, "name", row->f[1], id, from, to, NULL)))
        return e;
    return HRR_OK;
}

static hrr_err_t seed_alias(void *ud, const hrr_csv_row_t *row)
{
    seed_t *sd = ud;
    if (row->line == 1) return HRR_OK;
    if (row->n < 5)
        return hrr_i_seterr(sd->st, HRR_EDATA, "%s:%ld: expected 5 or 6 fields",
                            sd->name, row->line);
    long id;
    hrr_err_t e = hrr_i_state_id(sd->st, row->f[2], &id);
    if (e) return e;
    if (!id)
        return hrr_i_seterr(sd->st, HRR_EDATA,
                            "%s:%ld: field 'iso3': unknown state '%s'",
                            sd->name, row->line, row->f[2]);
    return add_alias(sd, row->f[0], row->f[1], id, row->f[3], row->f[4],
                     row->n > 5 ? row->f[5] : NULL);
}

/* data/bodies.csv: code,name,founded,ended,default_rules,source -> bodies.
 * default_rules is not stored (hrr_body_default_rules reads it from the
 * file, so stores made before the column still answer). */
static hrr_err_t seed_body(void *ud, const hrr_csv_row_t *row)
{
    static const int col[5] = {0, 1, 2, 3, 5}; /* code, name, founded, ended, source */
    seed_t *sd = ud;
    if (row->line == 1) return HRR_OK;
    if (row->n != 6)
        return hrr_i_seterr(sd->st, HRR_EDATA, "%s:%ld: expected 6 fields",
                            sd->name, row->line);
    for (int i = 0; i < 5; i++) {
        const char *f = row->f[col[i]];
        if (*f) sqlite3_bind_text(sd->ins, i + 1, f, -1, SQLITE_STATIC);
        else sqlite3_bind_null(sd->ins, i + 1);
    }
    return seed_step(sd);
}

/* data/groups.csv: org,iso3,from,to,source -> memberships. */
static hrr_err_t seed_group(void *ud, const hrr_csv_row_t *row)
{
    seed_t *sd = ud;
    if (row->line == 1) return HRR_OK;
    long id;
    hrr_err_t e = seed_row_state(sd, row, 5, 1, &id);
    if (e) return e;
    sqlite3_bind_int64(sd->ins, 1, id);
    sqlite3_bind_text(sd->ins, 2, row->f[0], -1, SQLITE_STATIC);
    sqlite3_bind_text(sd->ins, 3, row->f[2], -1, SQLITE_STATIC);
    if (*row->f[3]) sqlite3_bind_text(sd->ins, 4, row->f[3], -1, SQLITE_STATIC);
    else sqlite3_bind_null(sd->ins, 4);
    sqlite3_bind_text(sd->ins, 5, row->f[4], -1, SQLITE_STATIC);
    return seed_step(sd);
}

/* data/elections.csv: body,date,group,seats,iso3,round,votes,elected,source
 * -> elections (an empty seats or votes: not known for certain). */
static hrr_err_t seed_election(void *ud, const hrr_csv_row_t *row)
{
    seed_t *sd = ud;
    if (row->line == 1) return HRR_OK;
    long id;
    hrr_err_t e = seed_row_state(sd, row, 9, 4, &id);
    if (e) return e;
    sqlite3_stmt *s = sd->ins;
    sqlite3_bind_text(s, 1, row->f[0], -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, row->f[1], -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, row->f[2], -1, SQLITE_STATIC);
    if (*row->f[3]) sqlite3_bind_int(s, 4, atoi(row->f[3]));
    else sqlite3_bind_null(s, 4);
    sqlite3_bind_int64(s, 5, id);
    sqlite3_bind_int(s, 6, *row->f[5] ? atoi(row->f[5]) : 1);
    if (*row->f[6]) sqlite3_bind_int(s, 7, atoi(row->f[6]));
    else sqlite3_bind_null(s, 7);
    sqlite3_bind_int(s, 8, strcmp(row->f[7], "1") == 0);
    sqlite3_bind_text(s, 9, row->f[8], -1, SQLITE_STATIC);
    return seed_step(sd);
}

static hrr_err_t seed_csv(seed_t *sd, const char *name, hrr_csv_fn fn)
{
    const hrr_i_resource_t *r = hrr_i_resource(name);
    long line;
    if (!r) return hrr_i_seterr(sd->st, HRR_EINVAL, "missing resource %s", name);
    sd->name = name;
    hrr_err_t rc = hrr_i_csv_parse(hrr_store_ctx(sd->st), r->data, r->len, ',', fn, sd, &line);
    if (rc == HRR_EDATA && line)
        hrr_i_seterr(sd->st, rc, "%s:%ld: malformed CSV", name, line);
    return rc;
}

static hrr_err_t seed(hrr_store_t *st)
{
    seed_t sd = {.st = st};
    hrr_err_t rc = HRR_OK;
    if (sqlite3_prepare_v2(st->db,
            "INSERT INTO state_aliases(kind,alias,state_id,from_date,to_date,source)"
            " VALUES(?,?,?,?,?,?) ON CONFLICT DO NOTHING", -1, &sd.alias, NULL) ||
        sqlite3_prepare_v2(st->db,
            "INSERT INTO states(iso3,name,un_group,iso2,m49,start_date,end_date,source)"
            " VALUES(?,?,?,?,?,?,?,?)", -1, &sd.ins, NULL)) {
        rc = hrr_i_dberr(st, "seeding states");
        goto out;
    }
    if ((rc = seed_csv(&sd, "data/states.csv", seed_state))) goto out;
    for (const hrr_i_resource_t *r = hrr_i_resources; r->name; r++)
        if (strncmp(r->name, "data/aliases/", 13) == 0 &&
            (rc = seed_csv(&sd, r->name, seed_alias)))
            goto out;
    sqlite3_finalize(sd.ins);
    sd.ins = NULL;
    if (sqlite3_prepare_v2(st->db,
            "INSERT INTO bodies(code,name,founded,ended,source) VALUES(?,?,?,?,?)",
            -1, &sd.ins, NULL)) {
        rc = hrr_i_dberr(st, "seeding bodies");
        goto out;
    }
    if ((rc = seed_csv(&sd, "data/bodies.csv", seed_body))) goto out;
    /* groups of states with their sources (EU, OIC, the Like Minded Group) */
    sqlite3_finalize(sd.ins);
    sd.ins = NULL;
    if (sqlite3_prepare_v2(st->db,
            "INSERT INTO memberships(state_id,org,start_date,end_date,source) VALUES(?,?,?,?,?)",
            -1, &sd.ins, NULL)) {
        rc = hrr_i_dberr(st, "seeding groups");
        goto out;
    }
    rc = seed_csv(&sd, "data/groups.csv", seed_group);
out:
    sqlite3_finalize(sd.ins);
    sqlite3_finalize(sd.alias);
    return rc;
}

/* The records of schema v2 (a new store, or one migrated from v1):
 * elections to the Council, each row with its UN record. */
static hrr_err_t seed_v2(hrr_store_t *st)
{
    seed_t sd = {.st = st};
    if (sqlite3_prepare_v2(st->db,
            "INSERT INTO elections(body,date,grp,seats,state_id,round,votes,elected,source)"
            " VALUES(?,?,?,?,?,?,?,?,?)", -1, &sd.ins, NULL))
        return hrr_i_dberr(st, "seeding elections");
    hrr_err_t rc = seed_csv(&sd, "data/elections.csv", seed_election);
    sqlite3_finalize(sd.ins);
    return rc;
}

/* data/engagement.csv: iso3,kind,mechanism,date,status,note,source ->
 * engagement (schema 2: seeded by that migration, so stores made under
 * schema 1 get it when they move to 2). */
static hrr_err_t seed_engagement_row(void *ud, const hrr_csv_row_t *row)
{
    seed_t *sd = ud;
    if (row->line == 1) return HRR_OK;
    if (row->n != 7)
        return hrr_i_seterr(sd->st, HRR_EDATA, "%s:%ld: expected 7 fields", sd->name, row->line);
    if (!*row->f[1] || !*row->f[6])
        return hrr_i_seterr(sd->st, HRR_EDATA, "%s:%ld: field '%s': empty, expected %s", sd->name,
                            row->line, *row->f[1] ? "source" : "kind",
                            *row->f[1] ? "the UN document or press record" : "sp-visit, hc-visit, ...");
    long id;
    hrr_err_t e = seed_row_state(sd, row, 7, 0, &id);
    if (e) return e;
    sqlite3_bind_int64(sd->ins, 1, id);
    for (int i = 1; i < 7; i++) {
        if (*row->f[i]) sqlite3_bind_text(sd->ins, i + 1, row->f[i], -1, SQLITE_STATIC);
        else sqlite3_bind_null(sd->ins, i + 1);
    }
    return seed_step(sd);
}

static hrr_err_t seed_engagement(hrr_store_t *st)
{
    seed_t sd = {.st = st};
    hrr_err_t rc;
    if (sqlite3_prepare_v2(st->db,
            "INSERT INTO engagement(state_id,kind,mechanism,date,status,note,source)"
            " VALUES(?,?,?,?,?,?,?)", -1, &sd.ins, NULL))
        return hrr_i_dberr(st, "seeding engagement");
    rc = seed_csv(&sd, "data/engagement.csv", seed_engagement_row);
    sqlite3_finalize(sd.ins);
    return rc;
}

/* ----------------------------------------------------- votes the sources miss */

/* data/votes/: votes no source in ../shared/data records, each ballot with
 * its UN document (docs/check.md): items.csv (one row per item), one file
 * of ballots per item (symbol,iso3,name,vote,source), sponsors.csv. Each
 * file is an imports row of format 'hrr-votes', so its ballots have a
 * source like any imported ones. Not seeded into a new store (hand-built
 * stores stay as built): hrr_i_votes_missing adds them once the store holds
 * the records of the item's session (the OHCHR importer calls it). */
typedef struct vseed {
    hrr_store_t *st;
    const char *name;     /* resource being read */
    long source_id;       /* its imports row */
    sqlite3_stmt *s;      /* the file's insert */
    sqlite3_stmt *item;   /* symbol -> items.id */
    long rows;            /* rows stored */
    bool skip;            /* rows of items not in the store are skipped */
} vseed_t;

static hrr_err_t vseed_item_id(vseed_t *v, const char *symbol, long *id)
{
    if (v->skip) { /* ballots and sponsors of items not added */
        *id = 0;
        bool row;
        sqlite3_bind_text(v->item, 1, symbol, -1, SQLITE_TRANSIENT);
        hrr_err_t rc = hrr_i_step(v->st, v->item, &row);
        if (!rc && row) *id = (long)sqlite3_column_int64(v->item, 0);
        sqlite3_reset(v->item);
        return rc;
    }
    bool row;
    *id = 0;
    sqlite3_bind_text(v->item, 1, symbol, -1, SQLITE_TRANSIENT);
    hrr_err_t rc = hrr_i_step(v->st, v->item, &row);
    if (!rc && row) *id = (long)sqlite3_column_int64(v->item, 0);
    sqlite3_reset(v->item);
    if (!rc && !*id)
        rc = hrr_i_seterr(v->st, HRR_EDATA, "%s: field 'symbol': '%s' is not in data/votes/items.csv",
                          v->name, symbol);
    return rc;
}

static hrr_err_t vseed_state(vseed_t *v, const hrr_csv_row_t *row, const char *iso3, long *id)
{
    hrr_err_t e = hrr_i_state_id(v->st, iso3, id);
    if (!e && !*id)
        e = hrr_i_seterr(v->st, HRR_EDATA, "%s:%ld: field 'iso3': unknown state '%s'", v->name,
                         row->line, iso3);
    return e;
}

/* items.csv: symbol,body,session,date,kind,title,subject (as the OHCHR records
 * write agenda subjects, for classify.c),scope,target (ISO3),yes,no,abstain,
 * nonvoting,outcome,source */
static hrr_err_t vseed_items_row(void *ud, const hrr_csv_row_t *row)
{
    vseed_t *v = ud;
    if (row->line == 1) return HRR_OK;
    if (row->n != 15)
        return hrr_i_seterr(v->st, HRR_EDATA, "%s:%ld: expected 15 fields", v->name, row->line);
    if (!*row->f[14])
        return hrr_i_seterr(v->st, HRR_EDATA, "%s:%ld: field 'source': every item needs its"
                            " UN source", v->name, row->line);
    sqlite3_stmt *s = v->s;
    for (int i = 0; i < 14; i++) {
        if (*row->f[i]) sqlite3_bind_text(s, i + 1, row->f[i], -1, SQLITE_STATIC);
        else sqlite3_bind_null(s, i + 1);
    }
    sqlite3_bind_int64(s, 15, v->source_id);
    hrr_err_t rc = hrr_i_step_done(v->st, s);
    sqlite3_reset(s);
    if (!rc) v->rows += sqlite3_changes(v->st->db);
    return rc;
}

/* A-HRC-51-L.6.csv & co.: symbol,iso3,name,vote,source */
static hrr_err_t vseed_ballot_row(void *ud, const hrr_csv_row_t *row)
{
    static const char *const k_votes[] = {"", "yes", "no", "abstain", "absent", "not a member"};
    vseed_t *v = ud;
    if (row->line == 1) return HRR_OK;
    if (row->n != 5)
        return hrr_i_seterr(v->st, HRR_EDATA, "%s:%ld: expected 5 fields", v->name, row->line);
    int vote = 0;
    for (int i = 1; i <= 5; i++)
        if (strcmp(row->f[3], k_votes[i]) == 0) vote = i;
    if (!vote)
        return hrr_i_seterr(v->st, HRR_EDATA, "%s:%ld: field 'vote': '%s' (expected yes, no,"
                            " abstain, absent or not a member)", v->name, row->line, row->f[3]);
    if (!*row->f[4])
        return hrr_i_seterr(v->st, HRR_EDATA, "%s:%ld: field 'source': every ballot needs its"
                            " UN source", v->name, row->line);
    long item, state;
    hrr_err_t rc;
    if ((rc = vseed_item_id(v, row->f[0], &item))) return rc;
    if (!item) return HRR_OK;
    if ((rc = vseed_state(v, row, row->f[1], &state))) return rc;
    sqlite3_bind_int64(v->s, 1, item);
    sqlite3_bind_int64(v->s, 2, state);
    sqlite3_bind_int(v->s, 3, vote);
    sqlite3_bind_int64(v->s, 4, v->source_id);
    rc = hrr_i_step_done(v->st, v->s);
    sqlite3_reset(v->s);
    if (!rc) v->rows++;
    return rc;
}

/* sponsors.csv: symbol,iso3,role,name,source */
static hrr_err_t vseed_sponsor_row(void *ud, const hrr_csv_row_t *row)
{
    vseed_t *v = ud;
    if (row->line == 1) return HRR_OK;
    if (row->n != 5)
        return hrr_i_seterr(v->st, HRR_EDATA, "%s:%ld: expected 5 fields", v->name, row->line);
    long item, state;
    hrr_err_t rc;
    if ((rc = vseed_item_id(v, row->f[0], &item))) return rc;
    if (!item) return HRR_OK;
    if ((rc = vseed_state(v, row, row->f[1], &state))) return rc;
    sqlite3_bind_int64(v->s, 1, item);
    sqlite3_bind_int64(v->s, 2, state);
    sqlite3_bind_text(v->s, 3, row->f[2], -1, SQLITE_STATIC);
    sqlite3_bind_text(v->s, 4, row->f[3], -1, SQLITE_STATIC);
    sqlite3_bind_int64(v->s, 5, v->source_id);
    sqlite3_bind_text(v->s, 6, row->f[4], -1, SQLITE_STATIC);
    rc = hrr_i_step_done(v->st, v->s);
    sqlite3_reset(v->s);
    if (!rc) v->rows++;
    return rc;
}

/* One data/votes/ file R through FN with the insert SQL. */
static hrr_err_t vseed_file(vseed_t *v, const hrr_i_resource_t *r, const char *sql, hrr_csv_fn fn)
{
    char hex[65];
    long line;
    bool row;
    sqlite3_stmt *imp = NULL;
    hrr_i_sha256_hex(r->data, r->len, hex);
    v->name = r->name;
    v->rows = 0;
    if (sqlite3_prepare_v2(v->st->db, "SELECT 1 FROM imports WHERE sha256=?", -1, &imp, NULL))
        return hrr_i_dberr(v->st, "seeding data/votes");
    sqlite3_bind_text(imp, 1, hex, -1, SQLITE_TRANSIENT);
    hrr_err_t rc0 = hrr_i_step(v->st, imp, &row);
    sqlite3_finalize(imp);
    imp = NULL;
    if (rc0 || row) return rc0; /* in the store already */
    if (sqlite3_prepare_v2(v->st->db,
            "INSERT INTO imports(path,sha256,format,rows,started,finished)"
            " VALUES(?,?,'hrr-votes',0,strftime('%Y-%m-%dT%H:%M:%SZ','now'),"
            "strftime('%Y-%m-%dT%H:%M:%SZ','now')) RETURNING id", -1, &imp, NULL) ||
        sqlite3_prepare_v2(v->st->db, sql, -1, &v->s, NULL)) {
        sqlite3_finalize(imp);
        return hrr_i_dberr(v->st, "seeding data/votes");
    }
    sqlite3_bind_text(imp, 1, r->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(imp, 2, hex, -1, SQLITE_TRANSIENT);
    hrr_err_t rc = hrr_i_step(v->st, imp, &row);
    if (!rc && row) v->source_id = (long)sqlite3_column_int64(imp, 0);
    sqlite3_finalize(imp);
    if (!rc) {
        rc = hrr_i_csv_parse(hrr_store_ctx(v->st), r->data, r->len, ',', fn, v, &line);
        if (rc == HRR_EDATA && line && !hrr_store_errmsg(v->st)[0])
            hrr_i_seterr(v->st, rc, "%s:%ld: malformed CSV", r->name, line);
    }
    sqlite3_finalize(v->s);
    v->s = NULL;
    if (!rc) {
        char sql2[96];
        if (v->rows)
            snprintf(sql2, sizeof sql2, "UPDATE imports SET rows=%ld WHERE id=%ld", v->rows,
                     v->source_id);
        else /* nothing for this store (its sessions are not there) */
            snprintf(sql2, sizeof sql2, "DELETE FROM imports WHERE id=%ld", v->source_id);
        rc = hrr_i_exec(v->st, sql2);
    }
    return rc;
}

hrr_err_t hrr_i_votes_missing(hrr_store_t *st)
{
    vseed_t v = {.st = st, .skip = true};
    hrr_err_t rc;
    const hrr_i_resource_t *items = hrr_i_resource("data/votes/items.csv");
    const hrr_i_resource_t *spons = hrr_i_resource("data/votes/sponsors.csv");
    if (!items) return HRR_OK;
    if (sqlite3_prepare_v2(st->db, "SELECT id FROM items WHERE symbol=? ORDER BY id LIMIT 1", -1,
                           &v.item, NULL))
        return hrr_i_dberr(st, "seeding data/votes");
    if ((rc = vseed_file(&v, items,
            "INSERT INTO items(key,symbol,body,session,date,kind,title,subject,scope,target_id,"
            "yes,no,abstain,nonvoting,outcome,vote_type,source_id) SELECT ?1,?1,?2,?3,?4,?5,?6,"
            "?7,?8,(SELECT id FROM states WHERE iso3=?9 AND end_date IS NULL),?10,?11,?12,?13,"
            "?14,'RECORDED',?15 WHERE EXISTS (SELECT 1 FROM items WHERE body=?2 AND session=?3)"
            " AND NOT EXISTS (SELECT 1 FROM items WHERE key=?1 OR symbol=?1)", vseed_items_row)))
        goto out;
    for (const hrr_i_resource_t *r = hrr_i_resources; r->name; r++)
        if (strncmp(r->name, "data/votes/", 11) == 0 && r != items && r != spons &&
            (rc = vseed_file(&v, r,
                "INSERT INTO ballots(item_id,state_id,vote,source_id) VALUES(?,?,?,?)",
                vseed_ballot_row)))
            goto out;
    if (spons)
        rc = vseed_file(&v, spons,
            "INSERT INTO sponsors(item_id,state_id,role,name,source_id,source)"
            " VALUES(?,?,?,?,?,?)", vseed_sponsor_row);
out:
    sqlite3_finalize(v.item);
    return rc;
}

/* ---------------------------------------------------------- migrations */

/* Each migration moves the schema from version i to i+1. Append only. */
static const char *const k_migrations[] = {
    "src/store/schema_v1.sql",
    "src/store/schema_v2.sql",
};
enum { N_MIGRATIONS = sizeof k_migrations / sizeof k_migrations[0] };

static hrr_err_t migrate(hrr_store_t *st)
{
    int v;
    hrr_err_t rc = hrr_store_schema_version(st, &v);
    if (rc) return rc;
    if (v > N_MIGRATIONS)
        return hrr_i_seterr(st, HRR_EDB,
                            "%s: store schema version %d is newer than this hrr (%d)",
                            st->path, v, N_MIGRATIONS);
    if (v == N_MIGRATIONS) return HRR_OK;
    if (st->readonly)
        return hrr_i_seterr(st, HRR_EDB,
                            "%s: store needs migration (version %d < %d); open it read-write",
                            st->path, v, N_MIGRATIONS);
    if ((rc = hrr_i_exec(st, "BEGIN IMMEDIATE"))) return rc;
    for (int i = v; i < N_MIGRATIONS; i++) {
        const hrr_i_resource_t *r = hrr_i_resource(k_migrations[i]);
        if (!r) {
            rc = hrr_i_seterr(st, HRR_EDB, "missing migration %s", k_migrations[i]);
            goto fail;
        }
        if ((rc = hrr_i_exec(st, r->data))) goto fail;
        if (i == 0 && (rc = seed(st))) goto fail;
        if (i == 1 && (rc = seed_v2(st))) goto fail;
        if (i == 1 && (rc = seed_engagement(st))) goto fail;
    }
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA user_version=%d", N_MIGRATIONS);
    if ((rc = hrr_i_exec(st, sql))) goto fail;
    return hrr_i_exec(st, "COMMIT");
fail:
    sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

/* Before SQLite sees PATH: a folder, a FIFO or a device, an unreadable
 * file and a file that is not SQLite are refused, each by name (SQLite
 * would say "disk I/O error", block on a FIFO, or, for a file that is not a
 * database, fail only on a later read). *EMPTY: no file, or an empty one. */
static hrr_err_t check_path(hrr_store_t *st, const char *path, bool *empty)
{
    struct stat sb;
    unsigned char head[16];
    *empty = true;
    if (stat(path, &sb) != 0) {
        if (errno == ENOENT) return HRR_OK;
        return hrr_i_seterr(st, HRR_EDB, "%s: cannot open store: %s", path, strerror(errno));
    }
    if (S_ISDIR(sb.st_mode))
        return hrr_i_seterr(st, HRR_EDB, "%s: cannot open store: a folder, not a store file",
                            path);
    if (!S_ISREG(sb.st_mode))
        return hrr_i_seterr(st, HRR_EDB, "%s: cannot open store: not a regular file (%s)", path,
                            S_ISFIFO(sb.st_mode) ? "a FIFO" : S_ISSOCK(sb.st_mode) ? "a socket"
                                                                                    : "a device");
    if (access(path, st->readonly ? R_OK : R_OK | W_OK) != 0)
        return hrr_i_seterr(st, HRR_EDB, "%s: cannot open store: %s", path, strerror(errno));
    if (sb.st_size == 0) return HRR_OK;
    *empty = false;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return hrr_i_seterr(st, HRR_EDB, "%s: cannot open store: %s", path, strerror(errno));
    ssize_t n = read(fd, head, sizeof head);
    close(fd);
    if (n < 0)
        return hrr_i_seterr(st, HRR_EDB, "%s: cannot open store: %s", path, strerror(errno));
    if (n < (ssize_t)sizeof head || memcmp(head, "SQLite format 3", 16) != 0)
        return hrr_i_seterr(st, HRR_EDB,
                            "%s: not an SQLite file (%lld bytes that do not begin with SQLite's"
                            " header); hrr neither reads nor overwrites it", path,
                            (long long)sb.st_size);
    return HRR_OK;
}

/* An SQLite file hrr did not make: a schema version of 0 with tables in it,
 * or a version without hrr's tables. Refused, so that hrr's schema is never
 * added beside another program's tables. */
static hrr_err_t check_foreign(hrr_store_t *st, int version)
{
    sqlite3_stmt *s;
    bool row;
    long ntab = 0, nhrr = 0;
    char first[128] = "";
    if (sqlite3_prepare_v2(st->db,
            "SELECT name, name IN ('states','imports','items','ballots','bodies') FROM sqlite_master"
            " WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name", -1, &s, NULL))
        return hrr_i_seterr(st, HRR_EDB, "%s: a damaged SQLite file: %s", st->path,
                            sqlite3_errmsg(st->db));
    hrr_err_t rc;
    while (!(rc = hrr_i_step(NULL, s, &row)) && row) {
        if (!ntab++) snprintf(first, sizeof first, "%s", (const char *)sqlite3_column_text(s, 0));
        nhrr += sqlite3_column_int(s, 1);
    }
    sqlite3_finalize(s);
    if (rc)
        return hrr_i_seterr(st, HRR_EDB, "%s: a damaged SQLite file: %s", st->path,
                            sqlite3_errmsg(st->db));
    if ((version == 0 && ntab > 0) || (version > 0 && nhrr < 5))
        return hrr_i_seterr(st, HRR_EDB,
                            "%s: an SQLite database that is not an hrr store (%ld table%s, '%s'"
                            " first; schema version %d); hrr will not add its tables to it",
                            st->path, ntab, ntab == 1 ? "" : "s", first, version);
    return HRR_OK;
}

hrr_err_t hrr_store_open(const char *path, int flags, hrr_store_t **out)
{
    return hrr_store_open_ctx(path, flags, out, NULL);
}

hrr_err_t hrr_store_open_ctx(const char *path, int flags, hrr_store_t **out, hrr_ctx_t *ctx)
{
    hrr_i_init();
    hrr_store_t *st = hrr_i_calloc(ctx, 1, sizeof *st);
    hrr_err_t rc;
    *out = st;
    if (!st) return hrr_i_ctx_seterr(ctx, HRR_ENOMEM, "out of memory");
    hrr_i_ctx_init(&st->own);
    st->own.owned_by_store = 1;
    st->ctx = ctx ? ctx : &st->own;
    st->readonly = (flags & HRR_OPEN_READONLY) != 0;
    if (!path || !*path)
        return hrr_i_seterr(st, HRR_EINVAL, "no store path given");
    if (!(st->path = hrr_i_strdup(ctx, path))) return HRR_ENOMEM;
    bool empty;
    if ((rc = check_path(st, path, &empty))) return rc;
    if (empty && st->readonly)
        return hrr_i_seterr(st, HRR_EDB, "%s: cannot open store: %s (hrr import makes one)",
                            path, access(path, F_OK) == 0 ? "an empty file, not yet a store"
                                                          : "no such file");
    int oflags = st->readonly ? SQLITE_OPEN_READONLY
                              : SQLITE_OPEN_READWRITE |
                                    ((flags & HRR_OPEN_CREATE) ? SQLITE_OPEN_CREATE : 0);
    if (sqlite3_open_v2(path, &st->db, oflags, NULL) != SQLITE_OK) {
        rc = hrr_i_seterr(st, HRR_EDB, "%s: cannot open store: %s", path,
                          st->db ? sqlite3_errmsg(st->db) : "out of memory");
        return rc;
    }
    sqlite3_busy_timeout(st->db, 5000);
    sqlite3_extended_result_codes(st->db, 0);
    /* a file that is not SQLite fails on its first read: say so plainly;
     * and before anything is written (the journal mode is written in the
     * file's header), a foreign database is refused */
    int version;
    if (hrr_store_schema_version(st, &version))
        return hrr_i_seterr(st, HRR_EDB, "%s: not an hrr store: a damaged or truncated SQLite"
                            " file (%s)", path, sqlite3_errmsg(st->db));
    if ((rc = check_foreign(st, version))) return rc;
    if (!st->readonly &&
        (rc = hrr_i_exec(st, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL")))
        return rc;
    if ((rc = hrr_i_exec(st, "PRAGMA foreign_keys=ON"))) return rc;
    if ((rc = migrate(st))) return rc;
    st->ctx->errmsg[0] = 0;
    return HRR_OK;
}

void hrr_store_close(hrr_store_t *st)
{
    if (!st) return;
    sqlite3_finalize(st->resolve);
    sqlite3_close(st->db);
    hrr_i_free(hrr_store_ctx(st), st->path);
    hrr_i_free(hrr_store_ctx(st), st);
}

/* ------------------------------------------------------------ states */

hrr_err_t hrr_i_state_id(hrr_store_t *st, const char *iso3, long *id)
{
    sqlite3_stmt *s;
    bool row;
    *id = 0;
    if (sqlite3_prepare_v2(st->db, "SELECT id FROM states WHERE iso3=?", -1, &s, NULL))
        return hrr_i_dberr(st, "looking up a state");
    sqlite3_bind_text(s, 1, iso3, -1, SQLITE_STATIC);
    hrr_err_t rc = hrr_i_step(st, s, &row);
    if (!rc && row) *id = (long)sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return rc;
}

const char *hrr_i_body_list(hrr_store_t *st, char *buf, size_t len)
{
    sqlite3_stmt *s;
    bool row;
    size_t k = 0;
    if (!len) return buf;
    *buf = 0;
    if (!st || sqlite3_prepare_v2(st->db, "SELECT code FROM bodies ORDER BY rowid", -1, &s, NULL)) {
        snprintf(buf, len, "?");
        return buf;
    }
    /* stepped without ST: the store's message stays the caller's */
    while (!hrr_i_step(NULL, s, &row) && row && k < len) {
        const char *code = (const char *)sqlite3_column_text(s, 0);
        int n = snprintf(buf + k, len - k, "%s%s", k ? ", " : "", code ? code : "?");
        if (n < 0) break;
        k += (size_t)n;
    }
    sqlite3_finalize(s);
    if (!*buf) snprintf(buf, len, "?");
    return buf;
}

hrr_err_t hrr_i_state_resolve_id(hrr_store_t *st, const char *kind,
                                 const char *code, const char *date, long *id)
{
    char norm[256];
    const char *key = code;
    long found = 0;
    int nfound = 0, any = 0;
    *id = 0;
    if (strcmp(kind, "name") == 0) {
        hrr_i_name_norm(code, norm, sizeof norm);
        key = norm;
    }
    if (!st->resolve &&
        sqlite3_prepare_v2(st->db,
            "SELECT state_id, from_date, to_date FROM state_aliases"
            " WHERE kind=? AND alias=?", -1, &st->resolve, NULL))
        return hrr_i_dberr(st, "resolving a state");
    sqlite3_bind_text(st->resolve, 1, kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(st->resolve, 2, key, -1, SQLITE_STATIC);
    bool row;
    hrr_err_t rc;
    while (!(rc = hrr_i_step(st, st->resolve, &row)) && row) {
        long sid = (long)sqlite3_column_int64(st->resolve, 0);
        const char *from = (const char *)sqlite3_column_text(st->resolve, 1);
        const char *to = (const char *)sqlite3_column_text(st->resolve, 2);
        any = 1;
        if (date && ((from && strcmp(date, from) < 0) || (to && strcmp(date, to) >= 0)))
            continue;
        if (nfound == 0 || sid != found) nfound++;
        found = sid;
    }
    sqlite3_reset(st->resolve);
    if (rc) return rc;
    if (nfound == 1) {
        *id = found;
        return HRR_OK;
    }
    if (nfound > 1)
        return hrr_i_seterr(st, HRR_EDATA,
                            "%s '%s' names more than one state%s; give a date",
                            kind, code, date ? " on that date" : "");
    if (any)
        return hrr_i_seterr(st, HRR_ENOTFOUND, "%s '%s' names no state on %s",
                            kind, code, date);
    return hrr_i_seterr(st, HRR_ENOTFOUND, "unknown state %s '%s'", kind, code);
}

hrr_err_t hrr_state_resolve(hrr_store_t *st, const char *kind,
                            const char *code, const char *date, char iso3[4])
{
    long id;
    hrr_err_t rc = hrr_i_state_resolve_id(st, kind, code, date, &id);
    iso3[0] = 0;
    if (rc) return rc;
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db, "SELECT iso3 FROM states WHERE id=?", -1, &s, NULL))
        return hrr_i_dberr(st, "resolving a state");
    sqlite3_bind_int64(s, 1, id);
    bool row;
    if (!(rc = hrr_i_step(st, s, &row)) && row)
        snprintf(iso3, 4, "%s", (const char *)sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    return rc;
}
