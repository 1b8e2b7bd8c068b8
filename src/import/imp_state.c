/*
 * imp_state.c - resolving state codes while importing, with a cache by date
 * range: the one resolver every importer uses (hrr_imp_state,
 * hrr_imp_state_find).
 *
 * The answer for a code is constant between consecutive dates at which one
 * of its aliases, or one of the states they name, starts or ends; each cache
 * entry keeps the answer and that stretch [lo, hi), so a code is looked up
 * again only when a row's date leaves it (un_votes.csv resolves 870,109 rows
 * with a few thousand queries). With HRR_IMP_PREFER, where the aliases of a
 * code name two states on one date, the states that existed then are
 * preferred (unvotes' "Federal Republic of Germany" before 1990 is FRG, not
 * unified Germany), and then the states that the row's name also names
 * (unvotes' "CS" with "Czechoslovakia" in 1992, when CS was also Serbia and
 * Montenegro's ISO code). Without it, two states on one date is an error.
 */
#include "import.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

enum { MAXC = 8 };

/* The states the alias rows of one code name around one date. */
typedef struct cands {
    long id[MAXC];  /* states the aliases name on the date */
    int n;          /* how many */
    long ex[MAXC];  /* ... of those, the states that existed on the date */
    int nex;        /* how many */
    long any;       /* the state named on any date, if only one */
    int nany;       /* distinct states named on any date (capped at 2) */
    int rows;       /* alias rows seen */
} cands_t;

/* One cached answer. */
typedef struct sres {
    char *key;      /* flags kind \x1f code \x1f name (owned); NULL: empty slot */
    long id;        /* the state on dates in [lo, hi); 0: none */
    long undated;   /* the only state the code names on any date, else 0 */
    char lo[11];    /* first date the answer holds ("": open) */
    char hi[11];    /* first date it no longer holds ("": open) */
} sres_t;

struct hrr_imp_states {
    sres_t *a;          /* slots */
    size_t cap, n;      /* slots / used */
    sqlite3_stmt *q;    /* alias rows of one code, with state dates */
    char (*iso3)[8];    /* iso3 by state id, "" not read yet (the store
                           seeds the states; no importer changes them) */
    size_t niso3;       /* its length */
};

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
    if (!b || !*b || !date) return;
    if (strcmp(b, date) <= 0) {
        if (!*lo || strcmp(b, lo) > 0) snprintf(lo, 11, "%s", b);
    } else if (!*hi || strcmp(b, hi) < 0) {
        snprintf(hi, 11, "%s", b);
    }
}

/* DATE (NULL: any date) in [FROM, TO) (NULL or "": open)? */
static bool in_range(const char *date, const char *from, const char *to)
{
    return !date || ((!from || !*from || strcmp(date, from) >= 0) &&
                     (!to || !*to || strcmp(date, to) < 0));
}

/* All alias rows of (KIND, CODE): the candidates on DATE, and the stretch
 * around DATE over which they stay the same. */
static hrr_err_t scan(hrr_imp_t *imp, hrr_imp_states_t *c, const char *kind,
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
    bool row;
    while (!(rc = hrr_imp_step(imp, c->q, &row)) && row) {
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
    return rc;
}

/* Resolve a cache miss into E. */
static hrr_err_t resolve_miss(hrr_imp_t *imp, hrr_imp_states_t *c, const char *field,
                              const char *kind, const char *code, const char *name,
                              const char *date, unsigned flags, sres_t *e)
{
    cands_t k;
    hrr_err_t rc;
    e->lo[0] = e->hi[0] = 0;
    e->id = e->undated = 0;
    if ((rc = scan(imp, c, kind, code, date, &k, e->lo, e->hi))) return rc;
    if (!k.rows)
        return hrr_imp_fail(imp, HRR_ENOTFOUND, field, "unknown state %s '%s'", kind, code);
    if (k.nany == 1) e->undated = k.any;
    if (k.n == 1) {
        e->id = k.id[0];
    } else if (k.n > 1 && !(flags & HRR_IMP_PREFER)) {
        return hrr_imp_fail(imp, HRR_EDATA, field,
                            "%s '%s' names more than one state%s; give a date", kind, code,
                            date ? " on that date" : "");
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

/* Make room for one more entry. */
static hrr_err_t grow(hrr_ctx_t *ctx, hrr_imp_states_t *c)
{
    if (2 * (c->n + 1) <= c->cap) return HRR_OK;
    size_t cap = c->cap ? 2 * c->cap : 512;
    sres_t *a = hrr_i_calloc(ctx, cap, sizeof *a);
    if (!a) return HRR_ENOMEM;
    for (size_t i = 0; i < c->cap; i++) {
        if (!c->a[i].key) continue;
        size_t j = str_hash(c->a[i].key) & (cap - 1);
        while (a[j].key) j = (j + 1) & (cap - 1);
        a[j] = c->a[i];
    }
    hrr_i_free(ctx, c->a);
    c->a = a;
    c->cap = cap;
    return HRR_OK;
}

hrr_err_t hrr_imp_state_find(hrr_imp_t *imp, const char *field, const char *kind,
                             const char *code, const char *name, const char *date,
                             unsigned flags, long *id)
{
    char key[512];
    hrr_err_t rc;
    sres_t tmp = {0}, *e = &tmp;
    bool undated = flags & HRR_IMP_UNDATED;
    *id = 0;
    if (!imp->states && !(imp->states = hrr_i_calloc(hrr_store_ctx(imp->st), 1, sizeof *imp->states)))
        return HRR_ENOMEM;
    hrr_imp_states_t *c = imp->states;
    /* key = flags kind \x1f code \x1f name, built by hand: this runs once a
     * row. An answer for no date in particular is not cached. */
    size_t nk = strlen(kind), nc = strlen(code), nn = name ? strlen(name) : 0;
    size_t kl = 1 + nk + nc + nn + 2;
    if (date && kl < sizeof key) {
        key[0] = (char)('A' + (flags & HRR_IMP_PREFER));
        memcpy(key + 1, kind, nk);
        key[1 + nk] = '\x1f';
        memcpy(key + 2 + nk, code, nc);
        key[2 + nk + nc] = '\x1f';
        if (nn) memcpy(key + 3 + nk + nc, name, nn);
        key[kl] = 0;
        if ((rc = grow(hrr_store_ctx(imp->st), c))) return rc;
        size_t j = str_hash(key) & (c->cap - 1);
        while (c->a[j].key && strcmp(c->a[j].key, key) != 0) j = (j + 1) & (c->cap - 1);
        e = &c->a[j];
        if (e->key && (e->id || e->undated) && in_range(date, e->lo, e->hi)) {
            *id = e->id ? e->id : undated ? e->undated : 0;
            if (*id) return HRR_OK;
        }
        if (!e->key) {
            if (!(e->key = hrr_i_strdup(hrr_store_ctx(imp->st), key))) return HRR_ENOMEM;
            c->n++;
        }
    } /* else: too long to cache, or no date; resolve into tmp */
    if ((rc = resolve_miss(imp, c, field, kind, code, name, date, flags, e))) return rc;
    *id = e->id ? e->id : undated ? e->undated : 0;
    if (!*id)
        return hrr_imp_fail(imp, HRR_ENOTFOUND, field, "%s '%s' names no state on %s",
                            kind, code, date);
    return HRR_OK;
}

hrr_err_t hrr_imp_state(hrr_imp_t *imp, const char *field, const char *kind,
                        const char *code, const char *date, long *state_id)
{
    hrr_err_t rc = hrr_imp_state_find(imp, field, kind, code, NULL, date, 0, state_id);
    return rc == HRR_ENOTFOUND ? HRR_EDATA : rc;
}

hrr_err_t hrr_imp_state_iso3(hrr_imp_t *imp, long id, char out[8])
{
    hrr_ctx_t *ctx = hrr_store_ctx(imp->st);
    snprintf(out, 8, "#%ld", id);
    if (!imp->states && !(imp->states = hrr_i_calloc(ctx, 1, sizeof *imp->states)))
        return HRR_ENOMEM;
    hrr_imp_states_t *c = imp->states;
    /* a ballot's label, asked for every ballot: read once per state */
    if (id > 0 && id < 65536 && (size_t)id >= c->niso3) {
        size_t n = (size_t)id * 2 + 64;
        char (*a)[8] = hrr_i_realloc(ctx, c->iso3, n * sizeof *a);
        if (!a) return HRR_ENOMEM;
        memset(a + c->niso3, 0, (n - c->niso3) * sizeof *a);
        c->iso3 = a;
        c->niso3 = n;
    }
    if (id > 0 && (size_t)id < c->niso3 && c->iso3[id][0]) {
        memcpy(out, c->iso3[id], 8);
        return HRR_OK;
    }
    hrr_err_t rc = hrr_imp_text_by_id(imp, "SELECT iso3 FROM states WHERE id=?", id, out, 8);
    if (!rc && out[0] != '#' && id > 0 && (size_t)id < c->niso3) memcpy(c->iso3[id], out, 8);
    return rc;
}

void hrr_i_imp_states_free(hrr_imp_states_t *c)
{
    if (!c) return;
    for (size_t i = 0; i < c->cap; i++) hrr_i_free(NULL, c->a[i].key);
    hrr_i_free(NULL, c->a);
    hrr_i_free(NULL, c->iso3);
    sqlite3_finalize(c->q);
    hrr_i_free(NULL, c);
}
