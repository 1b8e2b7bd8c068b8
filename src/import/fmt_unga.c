/*
 * fmt_unga.c - the General Assembly roll calls: the three files of the
 * `unvotes` package (roll calls, their issue codes, the votes) and Voeten's
 * long file of human-rights votes (docs/import-unga.md).
 *
 * Every roll call is one item of body GA keyed "GA:rcid:<rcid>", so the
 * unvotes and Voeten rows of one roll call meet on the same item. Votes name
 * their roll call by rcid; each state is resolved at the roll call's date
 * (the USSR is unvotes' "RU" until 1991, Voeten's COW 365 likewise).
 *
 * un_votes.csv has 870,109 rows, so the votes path is built for speed: one
 * prepared insert reused, the roll calls held in memory (rcid -> item, date),
 * and each state code resolved once per stretch of dates over which its
 * answer cannot change, instead of once per row.
 */
#include "import.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------ roll calls */

/* One roll call known to the store, in an open-addressing table by rcid. */
typedef struct rollcall {
    long rcid;      /* roll-call id; 0: empty slot */
    long item_id;   /* items.id */
    char date[11];  /* its date, ISO */
} rollcall_t;

typedef struct rcmap {
    rollcall_t *a;  /* slots */
    size_t cap;     /* number of slots: 0 or a power of two */
    size_t n;       /* slots used */
} rcmap_t;

static size_t rc_hash(long rcid, size_t cap)
{
    return (size_t)((uint64_t)rcid * 0x9E3779B97F4A7C15ull >> 17) & (cap - 1);
}

static rollcall_t *rc_find(const rcmap_t *m, long rcid)
{
    if (!m->cap) return NULL;
    for (size_t i = rc_hash(rcid, m->cap);; i = (i + 1) & (m->cap - 1)) {
        if (m->a[i].rcid == rcid) return &m->a[i];
        if (m->a[i].rcid == 0) return NULL;
    }
}

static hrr_err_t rc_put(rcmap_t *m, long rcid, long item_id, const char *date)
{
    if (2 * (m->n + 1) > m->cap) {
        size_t cap = m->cap ? 2 * m->cap : 1024;
        rollcall_t *a = hrr_i_calloc(cap, sizeof *a);
        if (!a) return HRR_ENOMEM;
        for (size_t i = 0; i < m->cap; i++) {
            if (!m->a[i].rcid) continue;
            size_t j = rc_hash(m->a[i].rcid, cap);
            while (a[j].rcid) j = (j + 1) & (cap - 1);
            a[j] = m->a[i];
        }
        hrr_i_free(m->a);
        m->a = a;
        m->cap = cap;
    }
    rollcall_t *r = rc_find(m, rcid);
    if (!r) {
        size_t j = rc_hash(rcid, m->cap);
        while (m->a[j].rcid) j = (j + 1) & (m->cap - 1);
        r = &m->a[j];
        m->n++;
    }
    r->rcid = rcid;
    r->item_id = item_id;
    snprintf(r->date, sizeof r->date, "%s", date ? date : "");
    return HRR_OK;
}

/* Load every GA roll call already in the store. */
static hrr_err_t rc_load(hrr_imp_t *imp, rcmap_t *m)
{
    sqlite3_stmt *s;
    hrr_err_t rc = hrr_imp_prepare(imp,
        "SELECT id, substr(key, 9), date FROM items"
        " WHERE key >= 'GA:rcid:' AND key < 'GA:rcid;'", &s);
    if (rc) return rc;
    int src;
    while ((src = sqlite3_step(s)) == SQLITE_ROW) {
        long rcid;
        if (!hrr_i_parse_long((const char *)sqlite3_column_text(s, 1), &rcid) || rcid <= 0)
            continue; /* not a key this file writes */
        if ((rc = rc_put(m, rcid, (long)sqlite3_column_int64(s, 0),
                         (const char *)sqlite3_column_text(s, 2))))
            break;
    }
    if (!rc && src != SQLITE_DONE) rc = hrr_imp_dberr(imp, "reading the roll calls");
    sqlite3_finalize(s);
    return rc;
}

/* Parse an rcid field: a positive integer. */
static hrr_err_t parse_rcid(hrr_imp_t *imp, const char *f, long *rcid)
{
    if (!hrr_i_parse_long(f, rcid) || *rcid <= 0 || *rcid > 100000000L)
        return hrr_imp_fail(imp, HRR_EDATA, "rcid",
                            "'%s' is not a roll-call id (a positive integer)", f);
    return HRR_OK;
}

/* The roll call RCID must be in the store already. */
static hrr_err_t need_rollcall(hrr_imp_t *imp, const rcmap_t *m, long rcid,
                               const rollcall_t **out)
{
    if (!(*out = rc_find(m, rcid)))
        return hrr_imp_fail(imp, HRR_EDATA, "rcid",
                            "roll call %ld is not in the store (import"
                            " un_roll_calls.csv first)", rcid);
    return HRR_OK;
}

/* A bitmap of (roll call, state) pairs this file has given a ballot, so
 * that a second ballot is an error even where another source's ballot made
 * the insert a no-op. Row R is a roll call (its slot), column a state id. */
typedef struct seen {
    unsigned char *bits;  /* nrows x ncols bits */
    size_t nrows, ncols;  /* dimensions */
} seen_t;

static hrr_err_t seen_init(hrr_imp_t *imp, seen_t *s, size_t nrows)
{
    sqlite3_stmt *q;
    hrr_err_t rc = hrr_imp_prepare(imp, "SELECT coalesce(max(id), 0) FROM states", &q);
    if (rc) return rc;
    if (sqlite3_step(q) == SQLITE_ROW) s->ncols = (size_t)sqlite3_column_int64(q, 0) + 1;
    sqlite3_finalize(q);
    s->nrows = nrows ? nrows : 1;
    if (!(s->bits = hrr_i_calloc((s->nrows * s->ncols + 7) / 8, 1))) return HRR_ENOMEM;
    return HRR_OK;
}

/* Mark (ROW, STATE); true if it was marked already. */
static bool seen_mark(seen_t *s, size_t row, long state)
{
    if (row >= s->nrows || state < 0 || (size_t)state >= s->ncols) return false;
    size_t i = row * s->ncols + (size_t)state;
    bool was = s->bits[i / 8] & (1u << (i % 8));
    s->bits[i / 8] |= (unsigned char)(1u << (i % 8));
    return was;
}

static void seen_clear(seen_t *s)
{
    if (s->bits) memset(s->bits, 0, (s->nrows * s->ncols + 7) / 8);
}

/* The error for a second ballot of a state on a roll call. */
static hrr_err_t dup_ballot(hrr_imp_t *imp, const char *field, long state, long rcid);

/* ---------------------------------------------------------------- states */

/*
 * Resolving a state code at a date. The answer for a code is constant
 * between consecutive dates at which one of its aliases, or one of the
 * states they name, starts or ends; each cache entry keeps the answer and
 * that stretch [lo, hi), so a code is looked up again only when a row's date
 * leaves it. Where the aliases of a code name two states on one date, the
 * states that existed then are preferred (unvotes' "Federal Republic of
 * Germany" before 1990 is FRG, not unified Germany), and then the states
 * that the row's name also names (unvotes' "CS" with "Czechoslovakia" in
 * 1992, when CS was also Serbia and Montenegro's ISO code).
 */
enum { MAXC = 8 };

typedef struct cands {
    long id[MAXC];  /* states the aliases name on the date */
    int n;          /* how many */
    long ex[MAXC];  /* ... of those, the states that existed on the date */
    int nex;        /* how many */
    long any;       /* the state named on any date, if only one */
    int nany;       /* distinct states named on any date (capped at 2) */
    int rows;       /* alias rows seen */
} cands_t;

typedef struct sres {
    char *key;      /* "kind\x1f" code "\x1f" name (owned); NULL: empty slot */
    long id;        /* the state on dates in [lo, hi); 0: none, see err */
    long undated;   /* the only state the code names on any date, else 0 */
    char lo[11];    /* first date the answer holds ("": open) */
    char hi[11];    /* first date it no longer holds ("": open) */
} sres_t;

typedef struct scache {
    sres_t *a;                /* slots */
    size_t cap, n;            /* slots / used */
    sqlite3_stmt *q;          /* alias rows of one code, with state dates */
} scache_t;

static size_t str_hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return (size_t)(h ^ (h >> 29));
}

static void add_id(long *a, int *n, long id)
{
    for (int i = 0; i < *n; i++)
        if (a[i] == id) return;
    if (*n < MAXC) a[(*n)++] = id;
}

/* Narrow [lo, hi) around DATE by the boundary B (NULL or "": none). */
static void narrow(const char *b, const char *date, char lo[11], char hi[11])
{
    if (!b || !*b) return;
    if (strcmp(b, date) <= 0) {
        if (!*lo || strcmp(b, lo) > 0) snprintf(lo, 11, "%s", b);
    } else if (!*hi || strcmp(b, hi) < 0) {
        snprintf(hi, 11, "%s", b);
    }
}

static bool in_range(const char *date, const char *from, const char *to)
{
    return (!from || !*from || strcmp(date, from) >= 0) &&
           (!to || !*to || strcmp(date, to) < 0);
}

/* All alias rows of (KIND, CODE): the candidates on DATE, and the stretch
 * around DATE over which they stay the same. */
static hrr_err_t scan(hrr_imp_t *imp, scache_t *c, const char *kind,
                      const char *code, const char *date, cands_t *out,
                      char lo[11], char hi[11])
{
    char norm[256];
    hrr_err_t rc;
    memset(out, 0, sizeof *out);
    if (strcmp(kind, "name") == 0) {
        hrr_i_name_norm(code, norm, sizeof norm);
        code = norm;
    }
    if (!c->q && (rc = hrr_imp_prepare(imp,
            "SELECT a.state_id, a.from_date, a.to_date, s.start_date, s.end_date"
            " FROM state_aliases a JOIN states s ON s.id = a.state_id"
            " WHERE a.kind = ? AND a.alias = ?", &c->q)))
        return rc;
    sqlite3_bind_text(c->q, 1, kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(c->q, 2, code, -1, SQLITE_TRANSIENT);
    int src;
    while ((src = sqlite3_step(c->q)) == SQLITE_ROW) {
        long id = (long)sqlite3_column_int64(c->q, 0);
        const char *d[4];
        for (int i = 0; i < 4; i++) {
            d[i] = (const char *)sqlite3_column_text(c->q, i + 1);
            narrow(d[i], date, lo, hi);
        }
        out->rows++;
        if (out->nany == 0) out->any = id, out->nany = 1;
        else if (out->any != id) out->nany = 2;
        if (!in_range(date, d[0], d[1])) continue;
        add_id(out->id, &out->n, id);
        if (in_range(date, d[2], d[3])) add_id(out->ex, &out->nex, id);
    }
    sqlite3_reset(c->q);
    if (src != SQLITE_DONE) return hrr_imp_dberr(imp, "resolving a state");
    return HRR_OK;
}

/* Resolve a cache miss into E. NAME (may be NULL or "") breaks ties. */
static hrr_err_t resolve_miss(hrr_imp_t *imp, scache_t *c, const char *field,
                              const char *kind, const char *code,
                              const char *name, const char *date, sres_t *e)
{
    cands_t k;
    hrr_err_t rc;
    e->lo[0] = e->hi[0] = 0;
    e->id = e->undated = 0;
    if ((rc = scan(imp, c, kind, code, date, &k, e->lo, e->hi))) return rc;
    if (!k.rows)
        return hrr_imp_fail(imp, HRR_EDATA, field, "unknown state %s '%s'", kind, code);
    if (k.nany == 1) e->undated = k.any;
    if (k.n == 1) {
        e->id = k.id[0];
    } else if (k.n > 1 && k.nex == 1) {
        e->id = k.ex[0];
    } else if (k.n > 1 && name && *name) {
        cands_t kn;
        long hit = 0;
        int nhit = 0;
        if ((rc = scan(imp, c, "name", name, date, &kn, e->lo, e->hi))) return rc;
        const long *pool = k.nex > 1 ? k.ex : k.id;
        int npool = k.nex > 1 ? k.nex : k.n;
        for (int i = 0; i < npool; i++)
            for (int j = 0; j < kn.n; j++)
                if (pool[i] == kn.id[j] && hit != pool[i]) hit = pool[i], nhit++;
        if (nhit == 1) e->id = hit;
    }
    if (k.n > 1 && !e->id)
        return hrr_imp_fail(imp, HRR_EDATA, field,
                            "%s '%s' names more than one state on %s", kind, code, date);
    return HRR_OK;
}

/*
 * The state for (KIND, CODE) at DATE, NAME breaking ties. With UNDATED, a
 * code that names no state on DATE but only one state on any date gives that
 * one (Voeten lists every state on every roll call, "not a member" where it
 * did not exist yet or any more). *ID is 0 only on error.
 */
static hrr_err_t resolve(hrr_imp_t *imp, scache_t *c, const char *field,
                         const char *kind, const char *code, const char *name,
                         const char *date, bool undated, long *id)
{
    char key[512];
    hrr_err_t rc;
    sres_t tmp = {0}, *e = &tmp;
    *id = 0;
    /* key = kind \x1f code \x1f name, built by hand: this runs once a row */
    size_t nk = strlen(kind), nc = strlen(code), nn = name ? strlen(name) : 0;
    size_t kl = nk + nc + nn + 2;
    if (kl < sizeof key) {
        memcpy(key, kind, nk);
        key[nk] = '\x1f';
        memcpy(key + nk + 1, code, nc);
        key[nk + 1 + nc] = '\x1f';
        if (nn) memcpy(key + nk + nc + 2, name, nn);
        key[kl] = 0;
    }
    if (kl < sizeof key) {
        if (2 * (c->n + 1) > c->cap) {
            size_t cap = c->cap ? 2 * c->cap : 512;
            sres_t *a = hrr_i_calloc(cap, sizeof *a);
            if (!a) return HRR_ENOMEM;
            for (size_t i = 0; i < c->cap; i++) {
                if (!c->a[i].key) continue;
                size_t j = str_hash(c->a[i].key) & (cap - 1);
                while (a[j].key) j = (j + 1) & (cap - 1);
                a[j] = c->a[i];
            }
            hrr_i_free(c->a);
            c->a = a;
            c->cap = cap;
        }
        size_t j = str_hash(key) & (c->cap - 1);
        while (c->a[j].key && strcmp(c->a[j].key, key) != 0) j = (j + 1) & (c->cap - 1);
        e = &c->a[j];
        if (e->key && (e->id || e->undated) && in_range(date, e->lo, e->hi)) {
            *id = e->id ? e->id : undated ? e->undated : 0;
            if (*id) return HRR_OK;
        }
        if (!e->key) {
            if (!(e->key = hrr_i_strdup(key))) return HRR_ENOMEM;
            c->n++;
        }
    } /* else: too long to cache; resolve into tmp */
    if ((rc = resolve_miss(imp, c, field, kind, code, name, date, e))) return rc;
    *id = e->id ? e->id : undated ? e->undated : 0;
    if (!*id)
        return hrr_imp_fail(imp, HRR_EDATA, field, "%s '%s' names no state on %s",
                            kind, code, date);
    return HRR_OK;
}

static void scache_destroy(scache_t *c)
{
    for (size_t i = 0; i < c->cap; i++) hrr_i_free(c->a[i].key);
    hrr_i_free(c->a);
    sqlite3_finalize(c->q);
}

/* ISO3 of a state id, into OUT (for messages). */
static void state_iso3(hrr_imp_t *imp, long id, char out[8]);

static hrr_err_t dup_ballot(hrr_imp_t *imp, const char *field, long state, long rcid)
{
    char iso3[8];
    state_iso3(imp, state, iso3);
    return hrr_imp_fail(imp, HRR_EDATA, field, "duplicate ballot: %s already voted on"
                        " roll call %ld earlier in this file", iso3, rcid);
}

static void state_iso3(hrr_imp_t *imp, long id, char out[8])
{
    sqlite3_stmt *s;
    snprintf(out, 8, "#%ld", id);
    if (sqlite3_prepare_v2(imp->db, "SELECT iso3 FROM states WHERE id=?", -1, &s, NULL))
        return;
    sqlite3_bind_int64(s, 1, id);
    if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
        snprintf(out, 8, "%s", (const char *)sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
}

/* ------------------------------------------------------------- ballots */

static const char *const k_vote_name[] = {"", "yes", "no", "abstain", "absent",
                                          "not a member"};

/* The label of an import's format in findings: "unvotes", "Voeten". */
static void source_label(hrr_imp_t *imp, long source_id, char out[32])
{
    sqlite3_stmt *s;
    snprintf(out, 32, "import %ld", source_id);
    if (sqlite3_prepare_v2(imp->db, "SELECT format FROM imports WHERE id=?", -1, &s, NULL))
        return;
    sqlite3_bind_int64(s, 1, source_id);
    if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0)) {
        const char *f = (const char *)sqlite3_column_text(s, 0);
        snprintf(out, 32, "%s", strcmp(f, "unvotes-votes") == 0 ? "unvotes"
                              : strcmp(f, "voeten-long") == 0 ? "Voeten" : f);
    }
    sqlite3_finalize(s);
}

/*
 * Ballots go in through one reused INSERT ... ON CONFLICT DO NOTHING. For
 * the big unvotes file they go in batches of BATCH rows per statement: one
 * statement run per batch instead of per row, which is most of the cost
 * (the rows themselves, the foreign-key checks and the primary-key check
 * remain). A batch runs inside a savepoint; when fewer rows went in than
 * were sent (a duplicate, or a ballot another source stored), the batch is
 * rolled back and replayed row by row, which finds the row and its line.
 */
enum { BATCH = 200 };

typedef struct pending {
    long item_id, state_id;  /* the ballot */
    long rcid;               /* its roll call (for messages) */
    long line;               /* its line */
    int vote;                /* 1..5 */
    const char *field;       /* the column naming the state */
} pending_t;

typedef struct bal {
    sqlite3_stmt *ins;       /* INSERT one row ... ON CONFLICT DO NOTHING */
    sqlite3_stmt *get;       /* the ballot already there */
    sqlite3_stmt *many;      /* INSERT BATCH rows (NULL: no batching) */
    sqlite3_stmt *sp[3];     /* SAVEPOINT, RELEASE, ROLLBACK TO */
    pending_t *q;            /* rows waiting for the batch insert */
    int nq;                  /* how many */
    long added;              /* ballots this file added */
    long same;               /* ballots another source had already, same vote */
    long differ;             /* ... with another vote (findings) */
} bal_t;

static hrr_err_t bal_prepare(hrr_imp_t *imp, bal_t *b, bool batch)
{
    hrr_err_t rc;
    if ((rc = hrr_imp_prepare(imp,
            "INSERT INTO ballots(item_id,state_id,vote,source_id) VALUES(?,?,?,?)"
            " ON CONFLICT DO NOTHING", &b->ins)) ||
        (rc = hrr_imp_prepare(imp,
            "SELECT vote, source_id FROM ballots WHERE item_id=? AND state_id=?", &b->get)))
        return rc;
    if (!batch) return HRR_OK;
    hrr_sbuf_t sql = {0};
    rc = hrr_sbuf_printf(&sql, "INSERT INTO ballots(item_id,state_id,vote,source_id) VALUES");
    for (int i = 0; i < BATCH && !rc; i++)
        rc = hrr_sbuf_printf(&sql, "%s(?,?,?,%ld)", i ? "," : "", imp->source_id);
    if (!rc) rc = hrr_sbuf_printf(&sql, " ON CONFLICT DO NOTHING");
    if (!rc) rc = hrr_imp_prepare(imp, sql.z, &b->many);
    hrr_sbuf_destroy(&sql);
    if (rc) return rc;
    if ((rc = hrr_imp_prepare(imp, "SAVEPOINT unga_batch", &b->sp[0])) ||
        (rc = hrr_imp_prepare(imp, "RELEASE unga_batch", &b->sp[1])) ||
        (rc = hrr_imp_prepare(imp, "ROLLBACK TO unga_batch", &b->sp[2])))
        return rc;
    if (!(b->q = hrr_i_malloc(BATCH * sizeof *b->q))) return HRR_ENOMEM;
    return HRR_OK;
}

static void bal_destroy(bal_t *b)
{
    sqlite3_finalize(b->ins);
    sqlite3_finalize(b->get);
    sqlite3_finalize(b->many);
    for (int i = 0; i < 3; i++) sqlite3_finalize(b->sp[i]);
    hrr_i_free(b->q);
}

/* Store one ballot now. A second ballot of the same state on the same roll
 * call in this file is an error; one that another source stored is kept,
 * and a different vote there is a finding. FIELD names the state's column. */
static hrr_err_t bal_put1(hrr_imp_t *imp, bal_t *b, const pending_t *p)
{
    sqlite3_bind_int64(b->ins, 1, p->item_id);
    sqlite3_bind_int64(b->ins, 2, p->state_id);
    sqlite3_bind_int(b->ins, 3, p->vote);
    sqlite3_bind_int64(b->ins, 4, imp->source_id);
    int src = sqlite3_step(b->ins);
    sqlite3_reset(b->ins);
    if (src != SQLITE_DONE) return hrr_imp_dberr(imp, "inserting a ballot");
    if (sqlite3_changes(imp->db) == 1) {
        b->added++;
        return HRR_OK;
    }
    sqlite3_bind_int64(b->get, 1, p->item_id);
    sqlite3_bind_int64(b->get, 2, p->state_id);
    src = sqlite3_step(b->get);
    int old = sqlite3_column_int(b->get, 0);
    long old_src = (long)sqlite3_column_int64(b->get, 1);
    sqlite3_reset(b->get);
    if (src != SQLITE_ROW) return hrr_imp_dberr(imp, "reading a ballot");
    if (old_src == imp->source_id) /* kept as a safety net: seen_t finds these */
        return dup_ballot(imp, p->field, p->state_id, p->rcid);
    char iso3[8];
    state_iso3(imp, p->state_id, iso3);
    if (old == p->vote) {
        b->same++;
        return HRR_OK;
    }
    if (old < 1 || old > 5) old = 0;
    char other[32], mine[32], detail[256];
    source_label(imp, old_src, other);
    source_label(imp, imp->source_id, mine);
    snprintf(detail, sizeof detail, "roll call %ld, state %s: %s %s, %s %s", p->rcid,
             iso3, other, k_vote_name[old], mine, k_vote_name[p->vote]);
    b->differ++;
    return hrr_imp_finding(imp, "source-disagreement", p->item_id, detail);
}

static hrr_err_t run(hrr_imp_t *imp, sqlite3_stmt *s)
{
    int src = sqlite3_step(s);
    sqlite3_reset(s);
    return src == SQLITE_DONE ? HRR_OK : hrr_imp_dberr(imp, "inserting ballots");
}

/* Insert the waiting rows: as one batch if they fill one, else one by one. */
static hrr_err_t bal_flush(hrr_imp_t *imp, bal_t *b)
{
    hrr_err_t rc = HRR_OK;
    long line = imp->line;
    if (b->nq == BATCH) {
        for (int i = 0; i < BATCH; i++) {
            sqlite3_bind_int64(b->many, 3 * i + 1, b->q[i].item_id);
            sqlite3_bind_int64(b->many, 3 * i + 2, b->q[i].state_id);
            sqlite3_bind_int(b->many, 3 * i + 3, b->q[i].vote);
        }
        imp->line = b->q[0].line;
        if ((rc = run(imp, b->sp[0]))) goto out;
        if ((rc = run(imp, b->many))) goto out;
        if (sqlite3_changes(imp->db) == BATCH) {
            b->added += BATCH;
            b->nq = 0;
            rc = run(imp, b->sp[1]);
            goto out;
        }
        if ((rc = run(imp, b->sp[2])) || (rc = run(imp, b->sp[1]))) goto out;
    }
    for (int i = 0; i < b->nq && !rc; i++) {
        imp->line = b->q[i].line;
        rc = bal_put1(imp, b, &b->q[i]);
    }
    b->nq = 0;
out:
    if (!rc) imp->line = line;
    return rc;
}

/* Store one ballot, now or in the next batch (see bal_put1). */
static hrr_err_t bal_put(hrr_imp_t *imp, bal_t *b, long rcid, long item_id,
                         long state_id, int vote, const char *field)
{
    pending_t p = {item_id, state_id, rcid, imp->line, vote, field};
    if (!b->many) return bal_put1(imp, b, &p);
    b->q[b->nq++] = p;
    return b->nq == BATCH ? bal_flush(imp, b) : HRR_OK;
}

/* -------------------------------------------------------------- helpers */

/* True if the first line of HEAD, quotes removed, is exactly WANT. */
static bool header_is(const char *head, const char *want)
{
    if (strncmp(head, "\xEF\xBB\xBF", 3) == 0) head += 3;
    for (; *head && *head != '\n' && *head != '\r'; head++) {
        if (*head == '"') continue;
        if (*head != *want) return false;
        want++;
    }
    return *want == 0;
}

/* A 0/1 flag where R writes NA as "": -1 for "". */
static hrr_err_t parse_flag(hrr_imp_t *imp, const char *field, const char *f, int *out)
{
    if (!*f) *out = -1;
    else if (strcmp(f, "0") == 0) *out = 0;
    else if (strcmp(f, "1") == 0) *out = 1;
    else
        return hrr_imp_fail(imp, HRR_EDATA, field, "'%s' is not 0, 1 or empty", f);
    return HRR_OK;
}

static hrr_err_t parse_session(hrr_imp_t *imp, const char *f)
{
    long v;
    if (!hrr_i_parse_long(f, &v) || v <= 0 || v > 1000)
        return hrr_imp_fail(imp, HRR_EDATA, "session",
                            "'%s' is not a session number", f);
    return HRR_OK;
}

static void bind_text_or_null(sqlite3_stmt *s, int i, const char *v)
{
    if (v && *v) sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
    else sqlite3_bind_null(s, i);
}

/* The item's stored fields, for comparing with another source. */
typedef struct item {
    long id;           /* items.id, 0: none */
    long source_id;    /* import that created it */
    char date[11];     /* date */
    char symbol[256];  /* symbol ("" for none) */
    char session[16];  /* session */
} item_t;

static hrr_err_t item_get(hrr_imp_t *imp, sqlite3_stmt *s, long rcid, item_t *it)
{
    char key[40];
    memset(it, 0, sizeof *it);
    snprintf(key, sizeof key, "GA:rcid:%ld", rcid);
    sqlite3_bind_text(s, 1, key, -1, SQLITE_TRANSIENT);
    int src = sqlite3_step(s);
    if (src == SQLITE_ROW) {
        it->id = (long)sqlite3_column_int64(s, 0);
        it->source_id = (long)sqlite3_column_int64(s, 1);
        const char *v;
        if ((v = (const char *)sqlite3_column_text(s, 2))) snprintf(it->date, sizeof it->date, "%s", v);
        if ((v = (const char *)sqlite3_column_text(s, 3))) snprintf(it->symbol, sizeof it->symbol, "%s", v);
        if ((v = (const char *)sqlite3_column_text(s, 4))) snprintf(it->session, sizeof it->session, "%s", v);
    }
    sqlite3_reset(s);
    if (src != SQLITE_ROW && src != SQLITE_DONE) return hrr_imp_dberr(imp, "reading an item");
    return HRR_OK;
}

#define ITEM_GET_SQL \
    "SELECT id, source_id, date, symbol, session FROM items WHERE key=?"
#define ITEM_INS_SQL \
    "INSERT INTO items(key,body,symbol,session,date,kind,title,important,source_id)" \
    " VALUES(?,'GA',?,?,?,?,?,?,?) ON CONFLICT(key) DO NOTHING"
#define SESSION_INS_SQL \
    "INSERT INTO sessions(body,session) VALUES('GA',?) ON CONFLICT DO NOTHING"

/* Record that another source describes the roll call differently. */
static hrr_err_t compare_item(hrr_imp_t *imp, const item_t *it, long rcid,
                              const char *what, const char *stored, const char *mine)
{
    if (strcmp(stored, mine) == 0) return HRR_OK;
    char other[32], me[32], detail[256];
    source_label(imp, it->source_id, other);
    source_label(imp, imp->source_id, me);
    snprintf(detail, sizeof detail, "roll call %ld, %s: %s '%s', %s '%s'", rcid, what,
             other, stored, me, mine);
    return hrr_imp_finding(imp, "source-disagreement", it->id, detail);
}

/* ------------------------------------------------- unvotes: roll calls */

typedef struct rcalls {
    int c_rcid, c_session, c_imp, c_date, c_unres, c_amend, c_para, c_short,
        c_descr;             /* column indexes */
    sqlite3_stmt *ins;       /* item insert */
    sqlite3_stmt *get;       /* item by key */
    sqlite3_stmt *sess;      /* session insert */
} rcalls_t;

static bool detect_roll_calls(const char *path, const char *head)
{
    (void)path;
    return header_is(head, "rcid,session,importantvote,date,unres,amend,para,short,descr");
}

static hrr_err_t rcalls_header(hrr_imp_t *imp, const hrr_csv_row_t *row, void *ud)
{
    rcalls_t *r = ud;
    hrr_err_t rc;
    (void)row;
    if ((rc = hrr_imp_need(imp, "rcid", &r->c_rcid)) ||
        (rc = hrr_imp_need(imp, "session", &r->c_session)) ||
        (rc = hrr_imp_need(imp, "importantvote", &r->c_imp)) ||
        (rc = hrr_imp_need(imp, "date", &r->c_date)) ||
        (rc = hrr_imp_need(imp, "unres", &r->c_unres)) ||
        (rc = hrr_imp_need(imp, "amend", &r->c_amend)) ||
        (rc = hrr_imp_need(imp, "para", &r->c_para)) ||
        (rc = hrr_imp_need(imp, "short", &r->c_short)) ||
        (rc = hrr_imp_need(imp, "descr", &r->c_descr)) ||
        (rc = hrr_imp_prepare(imp, ITEM_INS_SQL, &r->ins)) ||
        (rc = hrr_imp_prepare(imp, ITEM_GET_SQL, &r->get)))
        return rc;
    return hrr_imp_prepare(imp, SESSION_INS_SQL, &r->sess);
}

static hrr_err_t rcalls_row(hrr_imp_t *imp, const hrr_csv_row_t *row, void *ud)
{
    rcalls_t *r = ud;
    char *const *f = row->f;
    long rcid;
    int important, amend, para;
    hrr_err_t rc;
    if ((rc = parse_rcid(imp, f[r->c_rcid], &rcid)) ||
        (rc = parse_session(imp, f[r->c_session])) ||
        (rc = parse_flag(imp, "importantvote", f[r->c_imp], &important)) ||
        (rc = parse_flag(imp, "amend", f[r->c_amend], &amend)) ||
        (rc = parse_flag(imp, "para", f[r->c_para], &para)))
        return rc;
    const char *date = f[r->c_date];
    if (!hrr_i_date_valid(date))
        return hrr_imp_fail(imp, HRR_EDATA, "date", "'%s' is not a date (YYYY-MM-DD)", date);
    const char *kind = amend == 1 ? "amendment" : para == 1 ? "other" : "resolution";
    const char *title = *f[r->c_short] ? f[r->c_short] : f[r->c_descr];
    char key[40];
    snprintf(key, sizeof key, "GA:rcid:%ld", rcid);

    sqlite3_stmt *s = r->ins;
    sqlite3_bind_text(s, 1, key, -1, SQLITE_TRANSIENT);
    bind_text_or_null(s, 2, f[r->c_unres]);
    sqlite3_bind_text(s, 3, f[r->c_session], -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 4, date, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 5, kind, -1, SQLITE_STATIC);
    bind_text_or_null(s, 6, title);
    if (important < 0) sqlite3_bind_null(s, 7);
    else sqlite3_bind_int(s, 7, important);
    sqlite3_bind_int64(s, 8, imp->source_id);
    int src = sqlite3_step(s);
    sqlite3_reset(s);
    if (src != SQLITE_DONE) return hrr_imp_dberr(imp, "inserting a roll call");
    if (sqlite3_changes(imp->db) == 0) {
        item_t it;
        if ((rc = item_get(imp, r->get, rcid, &it))) return rc;
        if (it.source_id == imp->source_id)
            return hrr_imp_fail(imp, HRR_EDATA, "rcid",
                                "duplicate roll call %ld: already on an earlier line", rcid);
        if ((rc = compare_item(imp, &it, rcid, "date", it.date, date)) ||
            (rc = compare_item(imp, &it, rcid, "symbol", it.symbol, f[r->c_unres])))
            return rc;
    }
    sqlite3_bind_text(r->sess, 1, f[r->c_session], -1, SQLITE_TRANSIENT);
    src = sqlite3_step(r->sess);
    sqlite3_reset(r->sess);
    if (src != SQLITE_DONE) return hrr_imp_dberr(imp, "inserting a session");
    imp->rows++;
    return HRR_OK;
}

static hrr_err_t import_roll_calls(hrr_imp_t *imp)
{
    rcalls_t r = {0};
    hrr_err_t rc = hrr_imp_csv(imp, ',', rcalls_header, rcalls_row, &r);
    sqlite3_finalize(r.ins);
    sqlite3_finalize(r.get);
    sqlite3_finalize(r.sess);
    return rc;
}

/* ----------------------------------------------------- unvotes: issues */

/* The issue codes of unvotes, with the labels it gives them. */
static const char *const k_issues[][2] = {
    {"me", "Palestinian conflict"},
    {"nu", "Nuclear weapons and nuclear material"},
    {"di", "Arms control and disarmament"},
    {"hr", "Human rights"},
    {"co", "Colonialism"},
    {"ec", "Economic development"},
};
enum { N_ISSUES = sizeof k_issues / sizeof *k_issues };

typedef struct issues {
    int c_rcid, c_code, c_label; /* column indexes */
    rcmap_t rcs;                 /* the roll calls */
    sqlite3_stmt *ins;           /* item_issues insert */
    unsigned char *seen;         /* per roll-call slot: issue bits this file set */
} issues_t;

static bool detect_issues(const char *path, const char *head)
{
    (void)path;
    return header_is(head, "rcid,short_name,issue");
}

static hrr_err_t issues_header(hrr_imp_t *imp, const hrr_csv_row_t *row, void *ud)
{
    issues_t *s = ud;
    hrr_err_t rc;
    (void)row;
    if ((rc = hrr_imp_need(imp, "rcid", &s->c_rcid)) ||
        (rc = hrr_imp_need(imp, "short_name", &s->c_code)) ||
        (rc = hrr_imp_need(imp, "issue", &s->c_label)) ||
        (rc = rc_load(imp, &s->rcs)))
        return rc;
    if (s->rcs.cap && !(s->seen = hrr_i_calloc(s->rcs.cap, 1))) return HRR_ENOMEM;
    return hrr_imp_prepare(imp,
        "INSERT INTO item_issues(item_id,code) VALUES(?,?) ON CONFLICT DO NOTHING", &s->ins);
}

static hrr_err_t issues_row(hrr_imp_t *imp, const hrr_csv_row_t *row, void *ud)
{
    issues_t *s = ud;
    long rcid;
    const rollcall_t *rc_;
    hrr_err_t rc;
    if ((rc = parse_rcid(imp, row->f[s->c_rcid], &rcid)) ||
        (rc = need_rollcall(imp, &s->rcs, rcid, &rc_)))
        return rc;
    const char *code = row->f[s->c_code], *label = row->f[s->c_label];
    int k = 0;
    while (k < N_ISSUES && strcmp(code, k_issues[k][0]) != 0) k++;
    if (k == N_ISSUES)
        return hrr_imp_fail(imp, HRR_EDATA, "short_name",
                            "unknown issue code '%s' (expected me, nu, di, hr, co or ec)", code);
    if (strcmp(label, k_issues[k][1]) != 0)
        return hrr_imp_fail(imp, HRR_EDATA, "issue", "'%s' is not the label of issue"
                            " '%s' (\"%s\")", label, code, k_issues[k][1]);
    unsigned char *bits = &s->seen[rc_ - s->rcs.a];
    if (*bits & (1u << k))
        return hrr_imp_fail(imp, HRR_EDATA, "short_name",
                            "duplicate issue '%s' for roll call %ld", code, rcid);
    *bits |= (unsigned char)(1u << k);
    sqlite3_bind_int64(s->ins, 1, rc_->item_id);
    sqlite3_bind_text(s->ins, 2, code, -1, SQLITE_STATIC);
    int src = sqlite3_step(s->ins);
    sqlite3_reset(s->ins);
    if (src != SQLITE_DONE) return hrr_imp_dberr(imp, "inserting an issue code");
    imp->rows++;
    return HRR_OK;
}

static hrr_err_t import_issues(hrr_imp_t *imp)
{
    issues_t s = {0};
    hrr_err_t rc = hrr_imp_csv(imp, ',', issues_header, issues_row, &s);
    sqlite3_finalize(s.ins);
    hrr_i_free(s.rcs.a);
    hrr_i_free(s.seen);
    return rc;
}

/* ------------------------------------------------------ unvotes: votes */

typedef struct votes {
    int c_rcid, c_country, c_code, c_vote; /* column indexes */
    rcmap_t rcs;                           /* the roll calls */
    scache_t states;                       /* state resolution cache */
    bal_t bal;                             /* ballot insert */
    seen_t seen;                           /* ballots given, by roll-call slot */
    char last_rcid[24];                    /* rcid text of the previous row */
    const rollcall_t *last;                /* its roll call */
} votes_t;

static bool detect_votes(const char *path, const char *head)
{
    (void)path;
    return header_is(head, "rcid,country,country_code,vote");
}

static hrr_err_t votes_header(hrr_imp_t *imp, const hrr_csv_row_t *row, void *ud)
{
    votes_t *v = ud;
    hrr_err_t rc;
    (void)row;
    if ((rc = hrr_imp_need(imp, "rcid", &v->c_rcid)) ||
        (rc = hrr_imp_need(imp, "country", &v->c_country)) ||
        (rc = hrr_imp_need(imp, "country_code", &v->c_code)) ||
        (rc = hrr_imp_need(imp, "vote", &v->c_vote)) ||
        (rc = rc_load(imp, &v->rcs)) ||
        (rc = seen_init(imp, &v->seen, v->rcs.cap)))
        return rc;
    return bal_prepare(imp, &v->bal, true);
}

static hrr_err_t votes_row(hrr_imp_t *imp, const hrr_csv_row_t *row, void *ud)
{
    votes_t *v = ud;
    char *const *f = row->f;
    hrr_err_t rc;
    const char *rcid_s = f[v->c_rcid];
    /* the file is in rcid order: most rows name the previous row's roll call */
    if (!v->last || strcmp(rcid_s, v->last_rcid) != 0) {
        long rcid;
        v->last = NULL;
        if ((rc = parse_rcid(imp, rcid_s, &rcid)) ||
            (rc = need_rollcall(imp, &v->rcs, rcid, &v->last)))
            return rc;
        snprintf(v->last_rcid, sizeof v->last_rcid, "%s", rcid_s);
    }
    const rollcall_t *rc_ = v->last;
    const char *vs = f[v->c_vote];
    int vote = strcmp(vs, "yes") == 0 ? 1 : strcmp(vs, "no") == 0 ? 2
             : strcmp(vs, "abstain") == 0 ? 3 : 0;
    if (!vote)
        return hrr_imp_fail(imp, HRR_EDATA, "vote",
                            "unknown vote '%s' (expected yes, no or abstain)", vs);
    const char *code = f[v->c_code], *name = f[v->c_country];
    long state;
    if (*code)
        rc = resolve(imp, &v->states, "country_code", "iso2", code, name, rc_->date,
                     false, &state);
    else if (*name)
        rc = resolve(imp, &v->states, "country", "name", name, NULL, rc_->date,
                     false, &state);
    else
        rc = hrr_imp_fail(imp, HRR_EDATA, "country_code",
                          "no state: country and country_code are both empty");
    if (rc) return rc;
    const char *field = *code ? "country_code" : "country";
    if (seen_mark(&v->seen, (size_t)(rc_ - v->rcs.a), state))
        return dup_ballot(imp, field, state, rc_->rcid);
    if ((rc = bal_put(imp, &v->bal, rc_->rcid, rc_->item_id, state, vote, field)))
        return rc;
    imp->rows++;
    return HRR_OK;
}

static hrr_err_t import_votes(hrr_imp_t *imp)
{
    votes_t v = {0};
    hrr_err_t rc = hrr_imp_csv(imp, ',', votes_header, votes_row, &v);
    if (!rc) rc = bal_flush(imp, &v.bal);
    bal_destroy(&v.bal);
    scache_destroy(&v.states);
    hrr_i_free(v.rcs.a);
    hrr_i_free(v.seen.bits);
    return rc;
}

/* ------------------------------------------------------ Voeten long file */

static const char *const k_voeten_issues[] = {"me", "nu", "di", "hr", "co", "ec"};
enum { N_VISSUES = sizeof k_voeten_issues / sizeof *k_voeten_issues, N_SAME = 11 };

typedef struct voeten {
    int c_rcid, c_session, c_vote, c_ccode, c_member, c_imp, c_date, c_unres,
        c_year, c_issue[N_VISSUES];      /* column indexes */
    scache_t states;                     /* state resolution cache */
    bal_t bal;                           /* ballot insert */
    seen_t seen;                         /* states given a ballot on this roll call */
    rcmap_t done;                        /* roll calls this file has had rows for */
    sqlite3_stmt *get, *ins, *sess;      /* item by key, item insert, session */
    sqlite3_stmt *iss_ins, *iss_get;     /* issue insert, issues of an item */
    long rcid;                           /* roll call of the previous row (0: none) */
    long item_id;                        /* its item */
    long first_line;                     /* the line its first row was on */
    char date[11];                       /* its date, ISO */
    char raw[11][128];                   /* its session, date, unres, importantvote,
                                            year and issue flags, as first written */
} voeten_t;

static bool detect_voeten(const char *path, const char *head)
{
    (void)path;
    return header_is(head, "rcid,session,vote,ccode,member,importantvote,date,unres,"
                           "me,nu,di,hr,co,ec,year");
}

static hrr_err_t voeten_header(hrr_imp_t *imp, const hrr_csv_row_t *row, void *ud)
{
    voeten_t *v = ud;
    hrr_err_t rc;
    (void)row;
    if ((rc = hrr_imp_need(imp, "rcid", &v->c_rcid)) ||
        (rc = hrr_imp_need(imp, "session", &v->c_session)) ||
        (rc = hrr_imp_need(imp, "vote", &v->c_vote)) ||
        (rc = hrr_imp_need(imp, "ccode", &v->c_ccode)) ||
        (rc = hrr_imp_need(imp, "member", &v->c_member)) ||
        (rc = hrr_imp_need(imp, "importantvote", &v->c_imp)) ||
        (rc = hrr_imp_need(imp, "date", &v->c_date)) ||
        (rc = hrr_imp_need(imp, "unres", &v->c_unres)) ||
        (rc = hrr_imp_need(imp, "year", &v->c_year)))
        return rc;
    for (int i = 0; i < N_VISSUES; i++)
        if ((rc = hrr_imp_need(imp, k_voeten_issues[i], &v->c_issue[i]))) return rc;
    if ((rc = seen_init(imp, &v->seen, 1)) ||
        (rc = bal_prepare(imp, &v->bal, false)) ||
        (rc = hrr_imp_prepare(imp, ITEM_GET_SQL, &v->get)) ||
        (rc = hrr_imp_prepare(imp, ITEM_INS_SQL, &v->ins)) ||
        (rc = hrr_imp_prepare(imp, SESSION_INS_SQL, &v->sess)) ||
        (rc = hrr_imp_prepare(imp,
            "INSERT INTO item_issues(item_id,code) VALUES(?,?) ON CONFLICT DO NOTHING",
            &v->iss_ins)))
        return rc;
    return hrr_imp_prepare(imp,
        "SELECT group_concat(code, ' ') FROM (SELECT code FROM item_issues"
        " WHERE item_id=? ORDER BY code)", &v->iss_get);
}

/* Voeten's date "m/d/Y" as ISO into OUT; false if it is not one. */
static bool voeten_date(const char *s, char out[11])
{
    int m = 0, d = 0, y = 0, nm = 0, nd = 0, ny = 0;
    while (*s >= '0' && *s <= '9' && nm < 3) m = m * 10 + (*s++ - '0'), nm++;
    if (*s++ != '/') return false;
    while (*s >= '0' && *s <= '9' && nd < 3) d = d * 10 + (*s++ - '0'), nd++;
    if (*s++ != '/') return false;
    while (*s >= '0' && *s <= '9' && ny < 5) y = y * 10 + (*s++ - '0'), ny++;
    if (*s || nm < 1 || nm > 2 || nd < 1 || nd > 2 || ny != 4) return false;
    char tmp[40];
    snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
    if (strlen(tmp) != 10) return false;
    memcpy(out, tmp, 11);
    return hrr_i_date_valid(out);
}

/* The first row of a roll call: find or create its item; compare. */
static hrr_err_t voeten_rollcall(hrr_imp_t *imp, voeten_t *v, char *const *f,
                                 long rcid, const char *date, const char *issues,
                                 int important)
{
    item_t it;
    hrr_err_t rc;
    if ((rc = item_get(imp, v->get, rcid, &it))) return rc;
    if (rc_find(&v->done, rcid) || (it.id && it.source_id == imp->source_id))
        return hrr_imp_fail(imp, HRR_EDATA, "rcid", "the rows of roll call %ld are"
                            " not together (it was also on an earlier line)", rcid);
    if ((rc = rc_put(&v->done, rcid, 0, NULL))) return rc;
    if (it.id) {
        /* another source has it: keep that, note where they differ */
        char stored[64] = "";
        sqlite3_bind_int64(v->iss_get, 1, it.id);
        int src = sqlite3_step(v->iss_get);
        if (src == SQLITE_ROW && sqlite3_column_text(v->iss_get, 0))
            snprintf(stored, sizeof stored, "%s", (const char *)sqlite3_column_text(v->iss_get, 0));
        sqlite3_reset(v->iss_get);
        if (src != SQLITE_ROW) return hrr_imp_dberr(imp, "reading issue codes");
        if ((rc = compare_item(imp, &it, rcid, "date", it.date, date)) ||
            (rc = compare_item(imp, &it, rcid, "symbol", it.symbol, f[v->c_unres])) ||
            (rc = compare_item(imp, &it, rcid, "session", it.session, f[v->c_session])))
            return rc;
        if (strcmp(stored, issues) != 0) {
            char other[32], detail[256];
            source_label(imp, it.source_id, other);
            snprintf(detail, sizeof detail, "roll call %ld: issue codes stored '%s',"
                     " Voeten '%s'", rcid, stored, issues);
            if ((rc = hrr_imp_finding(imp, "issue-disagreement", it.id, detail))) return rc;
        }
        v->item_id = it.id;
        return HRR_OK;
    }
    /* a roll call unvotes lacks: the item from Voeten's row */
    char key[40];
    snprintf(key, sizeof key, "GA:rcid:%ld", rcid);
    sqlite3_stmt *s = v->ins;
    sqlite3_bind_text(s, 1, key, -1, SQLITE_TRANSIENT);
    bind_text_or_null(s, 2, f[v->c_unres]);
    sqlite3_bind_text(s, 3, f[v->c_session], -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 4, date, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 5, "other", -1, SQLITE_STATIC); /* Voeten does not say */
    sqlite3_bind_null(s, 6);
    if (important < 0) sqlite3_bind_null(s, 7);
    else sqlite3_bind_int(s, 7, important);
    sqlite3_bind_int64(s, 8, imp->source_id);
    int src = sqlite3_step(s);
    sqlite3_reset(s);
    if (src != SQLITE_DONE) return hrr_imp_dberr(imp, "inserting a roll call");
    v->item_id = (long)sqlite3_last_insert_rowid(imp->db);
    sqlite3_bind_text(v->sess, 1, f[v->c_session], -1, SQLITE_TRANSIENT);
    src = sqlite3_step(v->sess);
    sqlite3_reset(v->sess);
    if (src != SQLITE_DONE) return hrr_imp_dberr(imp, "inserting a session");
    for (int i = 0; i < N_VISSUES; i++) {
        if (strcmp(f[v->c_issue[i]], "1") != 0) continue;
        sqlite3_bind_int64(v->iss_ins, 1, v->item_id);
        sqlite3_bind_text(v->iss_ins, 2, k_voeten_issues[i], -1, SQLITE_STATIC);
        src = sqlite3_step(v->iss_ins);
        sqlite3_reset(v->iss_ins);
        if (src != SQLITE_DONE) return hrr_imp_dberr(imp, "inserting an issue code");
    }
    return HRR_OK;
}

static hrr_err_t voeten_row(hrr_imp_t *imp, const hrr_csv_row_t *row, void *ud)
{
    voeten_t *v = ud;
    char *const *f = row->f;
    long rcid, n;
    hrr_err_t rc;
    if ((rc = parse_rcid(imp, f[v->c_rcid], &rcid))) return rc;
    if (rcid != v->rcid) {
        /* a new roll call: validate what its rows say about it */
        char date[11], issues[32] = "";
        int important, flag;
        v->rcid = 0;
        if ((rc = parse_session(imp, f[v->c_session])) ||
            (rc = parse_flag(imp, "importantvote", f[v->c_imp], &important)))
            return rc;
        if (!voeten_date(f[v->c_date], date))
            return hrr_imp_fail(imp, HRR_EDATA, "date",
                                "'%s' is not a date (M/D/YYYY)", f[v->c_date]);
        /* issue codes in alphabetical order, as the store lists them */
        static const int order[N_VISSUES] = {4, 2, 5, 3, 0, 1}; /* co di ec hr me nu */
        for (int i = 0; i < N_VISSUES; i++)
            if ((rc = parse_flag(imp, k_voeten_issues[i], f[v->c_issue[i]], &flag)))
                return rc;
        for (int i = 0; i < N_VISSUES; i++)
            if (strcmp(f[v->c_issue[order[i]]], "1") == 0) {
                if (*issues) strcat(issues, " ");
                strcat(issues, k_voeten_issues[order[i]]);
            }
        if ((rc = voeten_rollcall(imp, v, f, rcid, date, issues, important))) return rc;
        v->rcid = rcid;
        v->first_line = imp->line;
        seen_clear(&v->seen);
        snprintf(v->date, sizeof v->date, "%s", date);
    }
    /* every row of a roll call says the same about it */
    const int cols[N_SAME] = {v->c_session, v->c_date, v->c_unres, v->c_imp, v->c_year,
                              v->c_issue[0], v->c_issue[1], v->c_issue[2],
                              v->c_issue[3], v->c_issue[4], v->c_issue[5]};
    for (int i = 0; i < N_SAME; i++) {
        const char *x = f[cols[i]];
        if (v->first_line == imp->line) {
            if (strlen(x) >= sizeof v->raw[i])
                return hrr_imp_fail(imp, HRR_EDATA, imp->hdr[cols[i]],
                                    "too long (%zu bytes)", strlen(x));
            memcpy(v->raw[i], x, strlen(x) + 1);
        } else if (strcmp(x, v->raw[i]) != 0) {
            return hrr_imp_fail(imp, HRR_EDATA, imp->hdr[cols[i]],
                                "'%s' differs from line %ld ('%s') for roll call %ld",
                                x, v->first_line, v->raw[i], rcid);
        }
    }
    if (!hrr_i_parse_long(f[v->c_year], &n) || n < 1800 || n > 2100)
        return hrr_imp_fail(imp, HRR_EDATA, "year", "'%s' is not a year", f[v->c_year]);
    const char *m = f[v->c_member];
    if (*m && strcmp(m, "0") != 0 && strcmp(m, "1") != 0)
        return hrr_imp_fail(imp, HRR_EDATA, "member", "'%s' is not 0, 1 or empty", m);
    const char *vs = f[v->c_vote];
    int vote = strcmp(vs, "1") == 0 ? 1 : strcmp(vs, "2") == 0 ? 3
             : strcmp(vs, "3") == 0 ? 2 : strcmp(vs, "8") == 0 ? 4
             : strcmp(vs, "9") == 0 ? 5 : 0;
    if (!vote)
        return hrr_imp_fail(imp, HRR_EDATA, "vote", "unknown vote code '%s' (expected 1"
                            " yes, 2 abstain, 3 no, 8 absent or 9 not a member)", vs);
    const char *cc = f[v->c_ccode];
    if (!hrr_i_parse_long(cc, &n) || n <= 0)
        return hrr_imp_fail(imp, HRR_EDATA, "ccode", "'%s' is not a COW country code", cc);
    long state;
    if ((rc = resolve(imp, &v->states, "ccode", "cow", cc, NULL, v->date, vote == HRR_VOTE_NONMEMBER,
                      &state)))
        return rc;
    if (seen_mark(&v->seen, 0, state)) return dup_ballot(imp, "ccode", state, rcid);
    if ((rc = bal_put(imp, &v->bal, rcid, v->item_id, state, vote, "ccode"))) return rc;
    imp->rows++;
    return HRR_OK;
}

static hrr_err_t import_voeten(hrr_imp_t *imp)
{
    voeten_t v = {0};
    hrr_err_t rc = hrr_imp_csv(imp, ',', voeten_header, voeten_row, &v);
    bal_destroy(&v.bal);
    scache_destroy(&v.states);
    hrr_i_free(v.seen.bits);
    hrr_i_free(v.done.a);
    sqlite3_finalize(v.get);
    sqlite3_finalize(v.ins);
    sqlite3_finalize(v.sess);
    sqlite3_finalize(v.iss_ins);
    sqlite3_finalize(v.iss_get);
    return rc;
}

const hrr_format_t hrr_fmt_unvotes_roll_calls = {
    "unvotes-roll-calls", 20, detect_roll_calls, import_roll_calls,
};
const hrr_format_t hrr_fmt_unvotes_issues = {
    "unvotes-issues", 21, detect_issues, import_issues,
};
const hrr_format_t hrr_fmt_unvotes_votes = {
    "unvotes-votes", 22, detect_votes, import_votes,
};
const hrr_format_t hrr_fmt_voeten_long = {
    "voeten-long", 23, detect_voeten, import_voeten,
};
