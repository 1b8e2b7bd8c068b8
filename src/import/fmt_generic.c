/*
 * fmt_generic.c - roll calls a user brings: a long-format CSV (one row per
 * state per vote) read through a column mapping, and the same from a Stata
 * .dta file through ReadStat, where the mapping names variables and a vote
 * may be matched by its numeric code or its value label. docs/import.md.
 *
 * Mapping: comma-separated key=value pairs. Columns: symbol, date, state,
 * vote (required), title, session, kind. Parameters: state_kind (iso3, iso2,
 * m49, cow, vdem, name; default iso3), yes/no/abstain/absent/nonmember (the
 * file's codes for each, several separated by '|'; defaults yes, no,
 * abstain, absent, nonmember), date_format (ymd: 2006-07-06, the default;
 * ymd-slash: 2006/07/06; dmy: 06/07/2006; mdy: 07/06/2006; Stata %td dates
 * are read as dates whatever the format), delim (comma, tab, semicolon).
 */
#include "import.h"

#include <readstat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { C_SYMBOL, C_DATE, C_STATE, C_VOTE, C_TITLE, C_SESSION, C_KIND, C_N };
static const char *const k_cols[C_N] = {"symbol", "date", "state", "vote",
                                        "title", "session", "kind"};
static const char *const k_votes[5] = {"yes", "no", "abstain", "absent", "nonmember"};
enum { DF_YMD, DF_YMD_SLASH, DF_DMY, DF_MDY };

/* A parsed mapping. */
typedef struct map {
    char *col[C_N];        /* column (variable) name of each field; NULL unmapped */
    char *codes[5];        /* "|code|code|" for yes, no, abstain, absent, nonmember */
    char kind[8];          /* state_kind */
    int date_format;       /* DF_* */
    unsigned char delim;   /* CSV delimiter */
} map_t;

static void map_destroy(map_t *m)
{
    for (int i = 0; i < C_N; i++) hrr_i_free(NULL, m->col[i]);
    for (int i = 0; i < 5; i++) hrr_i_free(NULL, m->codes[i]);
}

/* Parse SPEC into M; HRR_EINVAL with a message naming the key on error. */
static hrr_err_t map_parse(hrr_store_t *st, const char *spec, map_t *m)
{
    hrr_err_t rc = HRR_OK;
    char *copy = NULL, *save = NULL;
    const char *seen[64]; /* the keys given so far */
    size_t nseen = 0;
    memset(m, 0, sizeof *m);
    snprintf(m->kind, sizeof m->kind, "iso3");
    m->delim = ',';
    if (!spec || !*spec)
        return hrr_i_seterr(st, HRR_EINVAL, "generic-csv needs --mapping"
                            " symbol=COL,date=COL,state=COL,vote=COL[,...] (docs/import.md)");
    if (!(copy = hrr_i_strdup(hrr_store_ctx(st), spec))) return HRR_ENOMEM;
    for (char *kv = strtok_r(copy, ",", &save); kv; kv = strtok_r(NULL, ",", &save)) {
        char *eq = strchr(kv, '=');
        if (!eq || eq == kv || !eq[1]) {
            rc = hrr_i_seterr(st, HRR_EINVAL, "--mapping: '%s' is not key=value", kv);
            goto out;
        }
        *eq = 0;
        const char *k = kv, *v = eq + 1;
        int i;
        /* a key given twice is a mistake (which one was meant?), refused */
        for (size_t j = 0; j < nseen; j++)
            if (strcmp(seen[j], k) == 0) {
                rc = hrr_i_seterr(st, HRR_EINVAL, "--mapping: key '%s' given twice", k);
                goto out;
            }
        if (nseen < sizeof seen / sizeof *seen) seen[nseen++] = k; /* known keys are fewer */
        for (i = 0; i < C_N && strcmp(k, k_cols[i]) != 0; i++) {}
        if (i < C_N) {
            hrr_i_free(hrr_store_ctx(st), m->col[i]);
            if (!(m->col[i] = hrr_i_strdup(hrr_store_ctx(st), v))) rc = HRR_ENOMEM;
            continue;
        }
        for (i = 0; i < 5 && strcmp(k, k_votes[i]) != 0; i++) {}
        if (i < 5) {
            hrr_i_free(hrr_store_ctx(st), m->codes[i]);
            if (!(m->codes[i] = hrr_i_printf(hrr_store_ctx(st), "|%s|", v))) rc = HRR_ENOMEM;
            continue;
        }
        if (strcmp(k, "state_kind") == 0) {
            static const char *const kinds[] = {"iso3", "iso2", "m49", "cow", "vdem", "name"};
            for (i = 0; i < 6 && strcmp(v, kinds[i]) != 0; i++) {}
            if (i == 6) {
                rc = hrr_i_seterr(st, HRR_EINVAL, "--mapping: state_kind '%s' is not one of"
                                  " iso3, iso2, m49, cow, vdem, name", v);
                goto out;
            }
            snprintf(m->kind, sizeof m->kind, "%s", v);
        } else if (strcmp(k, "date_format") == 0) {
            static const char *const dfs[] = {"ymd", "ymd-slash", "dmy", "mdy"};
            for (i = 0; i < 4 && strcmp(v, dfs[i]) != 0; i++) {}
            if (i == 4) {
                rc = hrr_i_seterr(st, HRR_EINVAL, "--mapping: date_format '%s' is not one of"
                                  " ymd, ymd-slash, dmy, mdy", v);
                goto out;
            }
            m->date_format = i;
        } else if (strcmp(k, "delim") == 0) {
            if (strcmp(v, "comma") == 0) m->delim = ',';
            else if (strcmp(v, "tab") == 0) m->delim = '\t';
            else if (strcmp(v, "semicolon") == 0) m->delim = ';';
            else {
                rc = hrr_i_seterr(st, HRR_EINVAL, "--mapping: delim '%s' is not one of comma,"
                                  " tab, semicolon", v);
                goto out;
            }
        } else {
            rc = hrr_i_seterr(st, HRR_EINVAL, "--mapping: unknown key '%s' (docs/import.md)", k);
            goto out;
        }
        if (rc) goto out;
    }
    for (int i = 0; i < 4 && !rc; i++)
        if (!m->col[i])
            rc = hrr_i_seterr(st, HRR_EINVAL, "--mapping: '%s' is required", k_cols[i]);
    for (int i = 0; i < 5 && !rc; i++)
        if (!m->codes[i] && !(m->codes[i] = hrr_i_printf(hrr_store_ctx(st), "|%s|", k_votes[i]))) rc = HRR_ENOMEM;
out:
    hrr_i_free(hrr_store_ctx(st), copy);
    if (rc == HRR_ENOMEM) hrr_i_seterr(st, rc, "out of memory");
    return rc;
}

/* The vote a file's code stands for (1..5), 0 if none. */
static int map_vote(const map_t *m, const char *code)
{
    char key[128];
    if (!code || !*code || strlen(code) > sizeof key - 3) return 0;
    snprintf(key, sizeof key, "|%s|", code);
    for (int i = 0; i < 5; i++)
        if (strstr(m->codes[i], key)) return i + 1;
    return 0;
}

/* A date as the mapping writes it, to ISO. */
static bool map_date(const map_t *m, const char *in, char out[11])
{
    int a, b, c;
    char sep, sep2, extra;
    if (m->date_format == DF_YMD) {
        snprintf(out, 11, "%s", in);
        return strlen(in) == 10 && hrr_i_date_valid(out);
    }
    if (sscanf(in, "%d%c%d%c%d%c", &a, &sep, &b, &sep2, &c, &extra) != 5 || sep != sep2 ||
        (sep != '/' && sep != '.' && sep != '-'))
        return false;
    int y = m->date_format == DF_YMD_SLASH ? a : c;
    int mo = m->date_format == DF_YMD_SLASH ? b : m->date_format == DF_DMY ? b : a;
    int d = m->date_format == DF_YMD_SLASH ? c : m->date_format == DF_DMY ? a : b;
    if (y < 1000 || y > 9999 || mo < 1 || mo > 99 || d < 1 || d > 99) return false;
    snprintf(out, 11, "%04d-%02d-%02d", y, mo, d);
    return hrr_i_date_valid(out);
}

/* ------------------------------------------------------------- rows */

typedef struct gen {
    map_t m;               /* the mapping */
    const char *body;      /* body code */
    int idx[C_N];          /* column index of each field (-1 unmapped) */
    const char *what;      /* "line" (CSV) or "row" (.dta), for messages */
    char last_sym[256];    /* the previous row's item ... */
    char last_date[11];    /* ... and date ... */
    long last_item;        /* ... and its id (rows come grouped by item) */
} gen_t;

/* One row's fields (NULL where unmapped or missing); VLABEL: the vote's
 * value label, if any. */
typedef struct fields {
    const char *f[C_N];    /* by C_* */
    const char *vlabel;    /* value label of the vote (.dta) */
    bool date_iso;         /* f[C_DATE] is already ISO (a Stata date) */
} fields_t;

static hrr_err_t item_for(hrr_imp_t *imp, gen_t *g, const fields_t *x, const char *date, long *item)
{
    const char *sym = x->f[C_SYMBOL];
    sqlite3_stmt *s;
    hrr_err_t rc;
    if (g->last_item && strcmp(sym, g->last_sym) == 0 && strcmp(date, g->last_date) == 0) {
        *item = g->last_item;
        return HRR_OK;
    }
    /* an item of this body with this symbol and date (e.g. from the real
     * data), else this file's own, keyed BODY:symbol */
    if ((rc = hrr_imp_prepare(imp,
            "SELECT id FROM items WHERE body=?1 AND ((symbol=?2 AND date=?3) OR key=?4)"
            " ORDER BY key=?4, id LIMIT 1", &s)))
        return rc;
    char key[300];
    snprintf(key, sizeof key, "%s:%s", g->body, sym);
    sqlite3_bind_text(s, 1, g->body, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, sym, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, date, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 4, key, -1, SQLITE_STATIC);
    *item = sqlite3_step(s) == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
    sqlite3_finalize(s);
    if (!*item) {
        const char *kind = x->f[C_KIND] && *x->f[C_KIND] ? x->f[C_KIND] : "other";
        static const char *const kinds[] = {"resolution", "decision", "amendment", "motion", "other"};
        int k;
        for (k = 0; k < 5 && strcmp(kind, kinds[k]) != 0; k++) {}
        if (k == 5)
            return hrr_imp_fail(imp, HRR_EDATA, g->m.col[C_KIND], "unknown kind '%s' (expected"
                                " resolution, decision, amendment, motion or other)", kind);
        if ((rc = hrr_imp_prepare(imp,
                "INSERT INTO items(key,body,symbol,session,date,kind,title,source_id)"
                " VALUES(?,?,?,?,?,?,?,?)", &s)))
            return rc;
        sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, g->body, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 3, sym, -1, SQLITE_STATIC);
        if (x->f[C_SESSION] && *x->f[C_SESSION]) sqlite3_bind_text(s, 4, x->f[C_SESSION], -1, SQLITE_STATIC);
        else sqlite3_bind_null(s, 4);
        sqlite3_bind_text(s, 5, date, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 6, kind, -1, SQLITE_STATIC);
        if (x->f[C_TITLE] && *x->f[C_TITLE]) sqlite3_bind_text(s, 7, x->f[C_TITLE], -1, SQLITE_STATIC);
        else sqlite3_bind_null(s, 7);
        sqlite3_bind_int64(s, 8, imp->source_id);
        int src = sqlite3_step(s);
        sqlite3_finalize(s);
        if (src != SQLITE_DONE) return hrr_imp_dberr(imp, "storing an item");
        *item = (long)sqlite3_last_insert_rowid(imp->db);
    }
    snprintf(g->last_sym, sizeof g->last_sym, "%s", sym);
    snprintf(g->last_date, sizeof g->last_date, "%s", date);
    g->last_item = *item;
    return HRR_OK;
}

static hrr_err_t gen_row(hrr_imp_t *imp, gen_t *g, const fields_t *x)
{
    const map_t *m = &g->m;
    char date[11];
    long item, state;
    hrr_err_t rc;
    if (!x->f[C_SYMBOL] || !*x->f[C_SYMBOL])
        return hrr_imp_fail(imp, HRR_EDATA, m->col[C_SYMBOL], "empty symbol");
    if (strlen(x->f[C_SYMBOL]) > 200)
        return hrr_imp_fail(imp, HRR_EDATA, m->col[C_SYMBOL], "symbol longer than 200 bytes");
    const char *d = x->f[C_DATE] ? x->f[C_DATE] : "";
    if (x->date_iso ? (snprintf(date, sizeof date, "%s", d), !hrr_i_date_valid(date))
                    : !map_date(m, d, date))
        return hrr_imp_fail(imp, HRR_EDATA, m->col[C_DATE], "'%s' is not a date (date_format %s)",
                            d, m->date_format == DF_YMD ? "ymd: YYYY-MM-DD"
                             : m->date_format == DF_YMD_SLASH ? "ymd-slash: YYYY/MM/DD"
                             : m->date_format == DF_DMY ? "dmy: DD/MM/YYYY" : "mdy: MM/DD/YYYY");
    int vote = map_vote(m, x->f[C_VOTE]);
    if (!vote && x->vlabel) vote = map_vote(m, x->vlabel);
    if (!vote)
        return hrr_imp_fail(imp, HRR_EDATA, m->col[C_VOTE], "unknown vote code '%s'%s%s%s (the"
                            " mapping's yes/no/abstain/absent/nonmember codes)",
                            x->f[C_VOTE] ? x->f[C_VOTE] : "", x->vlabel ? " (label '" : "",
                            x->vlabel ? x->vlabel : "", x->vlabel ? "')" : "");
    const char *code = x->f[C_STATE] ? x->f[C_STATE] : "";
    if ((rc = hrr_imp_state(imp, m->col[C_STATE], m->kind, code, date, &state))) return rc;
    if ((rc = item_for(imp, g, x, date, &item))) return rc;
    hrr_ballot_put_t put;
    int old;
    if ((rc = hrr_imp_ballot(imp, item, state, vote, code, &put, &old))) return rc;
    if (put == HRR_BALLOT_REPEAT)
        return hrr_imp_fail(imp, HRR_EDATA, m->col[C_STATE],
                            "duplicate ballot: %s already voted %s on %s in this file", code,
                            hrr_vote_name(old), x->f[C_SYMBOL]);
    imp->rows++;
    return HRR_OK;
}

static hrr_err_t gen_init(hrr_imp_t *imp, gen_t *g, const char *what)
{
    const char *body = imp->opts->body;
    sqlite3_stmt *s;
    hrr_err_t rc;
    char bodies[64];
    memset(g, 0, sizeof *g);
    g->what = what;
    for (int i = 0; i < C_N; i++) g->idx[i] = -1;
    if (!body || !*body)
        return hrr_i_seterr(imp->st, HRR_EINVAL, "%s: --body is required for %s (%s)",
                            imp->path, imp->fmt->name,
                            hrr_i_body_list(imp->st, bodies, sizeof bodies));
    if ((rc = hrr_imp_prepare(imp, "SELECT code FROM bodies WHERE code=?", &s))) return rc;
    sqlite3_bind_text(s, 1, body, -1, SQLITE_STATIC);
    bool known;
    rc = hrr_imp_step(imp, s, &known);
    sqlite3_finalize(s);
    if (rc) return rc;
    if (!known)
        return hrr_i_seterr(imp->st, HRR_EINVAL, "%s: unknown body '%s' (%s)",
                            imp->path, body, hrr_i_body_list(imp->st, bodies, sizeof bodies));
    g->body = body;
    return map_parse(imp->st, imp->opts->mapping, &g->m);
}

/* ------------------------------------------------------------ CSV */

static hrr_err_t csv_header(hrr_imp_t *imp, const hrr_csv_row_t *row, void *ud)
{
    gen_t *g = ud;
    (void)row;
    hrr_err_t rc;
    for (int i = 0; i < C_N; i++) {
        if (!g->m.col[i]) continue;
        char why[96];
        snprintf(why, sizeof why, "the mapping's %s column is not in the header", k_cols[i]);
        const hrr_imp_colspec_t col = {g->m.col[i], &g->idx[i], false, why};
        if ((rc = hrr_imp_cols(imp, &col, 1))) return rc;
    }
    return HRR_OK;
}

static hrr_err_t csv_row(hrr_imp_t *imp, const hrr_csv_row_t *row, void *ud)
{
    gen_t *g = ud;
    fields_t x = {{0}, NULL, false};
    for (int i = 0; i < C_N; i++)
        if (g->idx[i] >= 0) x.f[i] = row->f[g->idx[i]];
    return gen_row(imp, g, &x);
}

static hrr_err_t import_csv(hrr_imp_t *imp)
{
    gen_t g;
    hrr_err_t rc = gen_init(imp, &g, "line");
    if (!rc) rc = hrr_imp_csv(imp, g.m.delim, csv_header, csv_row, &g);
    map_destroy(&g.m);
    return rc;
}

/* Never detected: a user's CSV is read only when asked (--format). */
const hrr_format_t hrr_fmt_generic_csv = {"generic-csv", 90, NULL, import_csv, NULL};

/* ------------------------------------------------------------ Stata */

/* ReadStat gives value labels after the data in .dta files, so rows are
 * collected first and stored once the file is read whole. */
typedef struct cell {
    char *s;          /* the value as text (NULL: missing) */
    double num;       /* numeric value */
    bool is_num;      /* the variable is numeric */
} cell_t;

typedef struct dta {
    gen_t g;               /* mapping and item cache */
    hrr_imp_t *imp;        /* the import */
    int var[C_N];          /* ReadStat variable index of each field (-1) */
    char *vlabels;         /* value-label set name of the vote variable */
    bool date_td;          /* the date variable is a Stata %td date */
    cell_t *cells;         /* cap x C_N, by observation */
    long cap;              /* observations allocated */
    long nobs;             /* observations seen (highest index + 1) */
    char **lab_val;        /* value labels of the vote: values as text ... */
    char **lab_txt;        /* ... and labels */
    size_t nlab;           /* how many */
    hrr_err_t rc;          /* first error inside a handler */
    char err[256];         /* ReadStat's error message */
} dta_t;

static int on_meta(readstat_metadata_t *md, void *ctx)
{
    dta_t *d = ctx;
    /* the header's count is only believed as far as the file's size allows
     * (an observation takes at least a byte); rows are grown as they come */
    long n = readstat_get_row_count(md);
    if (n < 0 || (size_t)n > d->imp->len) {
        d->rc = hrr_imp_fail(d->imp, HRR_EDATA, NULL,
                             "the header claims %ld observations in a file of %zu bytes", n,
                             d->imp->len);
        return READSTAT_HANDLER_ABORT;
    }
    return READSTAT_HANDLER_OK;
}

/* Make room for observation OBS. */
static bool grow(dta_t *d, long obs)
{
    if (obs < d->cap) return true;
    long cap = d->cap ? d->cap : 256;
    while (cap <= obs) cap *= 2;
    cell_t *c = hrr_i_realloc(hrr_store_ctx(d->imp->st), d->cells, (size_t)cap * C_N * sizeof *c);
    if (!c) return false;
    memset(c + (size_t)d->cap * C_N, 0, (size_t)(cap - d->cap) * C_N * sizeof *c);
    d->cells = c;
    d->cap = cap;
    return true;
}

static int on_var(int index, readstat_variable_t *v, const char *val_labels, void *ctx)
{
    dta_t *d = ctx;
    const char *name = readstat_variable_get_name(v);
    for (int i = 0; i < C_N; i++) {
        if (!d->g.m.col[i] || !name || strcmp(name, d->g.m.col[i]) != 0) continue;
        d->var[i] = index;
        if (i == C_VOTE && val_labels && !d->vlabels && !(d->vlabels = hrr_i_strdup(hrr_store_ctx(d->imp->st), val_labels))) {
            d->rc = HRR_ENOMEM;
            return READSTAT_HANDLER_ABORT;
        }
        const char *fmt = readstat_variable_get_format(v);
        if (i == C_DATE && fmt && strncmp(fmt, "%td", 3) == 0) d->date_td = true;
    }
    return READSTAT_HANDLER_OK;
}

/* A value as text: strings as they are, numbers without a useless ".0". */
static char *value_text(hrr_ctx_t *ctx, readstat_value_t value, double *num, bool *is_num)
{
    char buf[64];
    *is_num = readstat_value_type_class(value) == READSTAT_TYPE_CLASS_NUMERIC;
    if (!*is_num) {
        const char *s = readstat_string_value(value);
        return hrr_i_strdup(ctx, s ? s : "");
    }
    *num = readstat_double_value(value);
    if (*num == (double)(long long)*num) snprintf(buf, sizeof buf, "%lld", (long long)*num);
    else snprintf(buf, sizeof buf, "%.17g", *num);
    return hrr_i_strdup(ctx, buf);
}

static int on_value(int obs, readstat_variable_t *v, readstat_value_t value, void *ctx)
{
    dta_t *d = ctx;
    int index = readstat_variable_get_index(v);
    if (obs < 0 || (size_t)obs > d->imp->len) return READSTAT_HANDLER_OK;
    if (!grow(d, obs)) {
        d->rc = HRR_ENOMEM;
        return READSTAT_HANDLER_ABORT;
    }
    if (obs >= d->nobs) d->nobs = obs + 1;
    for (int i = 0; i < C_N; i++) {
        if (d->var[i] != index) continue;
        cell_t *c = &d->cells[(size_t)obs * C_N + (size_t)i];
        if (readstat_value_is_missing(value, v)) continue;
        if (!(c->s = value_text(hrr_store_ctx(d->imp->st), value, &c->num, &c->is_num))) {
            d->rc = HRR_ENOMEM;
            return READSTAT_HANDLER_ABORT;
        }
    }
    return READSTAT_HANDLER_OK;
}

static int on_label(const char *set, readstat_value_t value, const char *label, void *ctx)
{
    dta_t *d = ctx;
    double num;
    bool is_num;
    if (!d->vlabels || !set || strcmp(set, d->vlabels) != 0) return READSTAT_HANDLER_OK;
    char **a = hrr_i_realloc(hrr_store_ctx(d->imp->st), d->lab_val, (d->nlab + 1) * sizeof *a);
    if (a) d->lab_val = a;
    char **b = a ? hrr_i_realloc(hrr_store_ctx(d->imp->st), d->lab_txt, (d->nlab + 1) * sizeof *b) : NULL;
    if (b) d->lab_txt = b;
    if (!a || !b) {
        d->rc = HRR_ENOMEM;
        return READSTAT_HANDLER_ABORT;
    }
    d->lab_val[d->nlab] = value_text(hrr_store_ctx(d->imp->st), value, &num, &is_num);
    d->lab_txt[d->nlab] = hrr_i_strdup(hrr_store_ctx(d->imp->st), label ? label : "");
    d->nlab++;
    if (!d->lab_val[d->nlab - 1] || !d->lab_txt[d->nlab - 1]) {
        d->rc = HRR_ENOMEM;
        return READSTAT_HANDLER_ABORT;
    }
    return READSTAT_HANDLER_OK;
}

static void on_error(const char *msg, void *ctx)
{
    dta_t *d = ctx;
    snprintf(d->err, sizeof d->err, "%s", msg);
    size_t n = strlen(d->err);
    while (n && (d->err[n - 1] == '\n' || d->err[n - 1] == '\r')) d->err[--n] = 0;
}

/* Days since 1960-01-01 (Stata's %td) to ISO. */
static void td_date(double days, char out[11])
{
    /* Hinnant's civil_from_days: 1960-01-01 is 3,653 days before 1970-01-01,
     * which is day 719,468 counted from 0000-03-01 */
    long z = (long)days - 3653 + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153, dd = doy - (153 * mp + 2) / 5 + 1;
    long mm = mp + (mp < 10 ? 3 : -9);
    if (mm <= 2) y++;
    if (y < 0 || y > 9999) y = 0; /* not a date: refused by the caller */
    char buf[32];
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", (int)y, (int)(mm % 100), (int)(dd % 100));
    memcpy(out, buf, 10);
    out[10] = 0;
}

static hrr_err_t import_stata(hrr_imp_t *imp)
{
    dta_t d;
    hrr_err_t rc;
    memset(&d, 0, sizeof d);
    d.imp = imp;
    for (int i = 0; i < C_N; i++) d.var[i] = -1;
    imp->obs = true;
    if ((rc = gen_init(imp, &d.g, "row"))) goto out;
    readstat_parser_t *p = readstat_parser_init();
    if (!p) {
        rc = HRR_ENOMEM;
        goto out;
    }
    readstat_set_metadata_handler(p, on_meta);
    readstat_set_variable_handler(p, on_var);
    readstat_set_value_handler(p, on_value);
    readstat_set_value_label_handler(p, on_label);
    readstat_set_error_handler(p, on_error);
    readstat_error_t err = readstat_parse_dta(p, imp->path, &d);
    readstat_parser_free(p);
    if (d.rc) {
        rc = d.rc;
        goto out;
    }
    if (err != READSTAT_OK) {
        rc = hrr_imp_fail(imp, HRR_EDATA, NULL, "not a readable Stata .dta file: %s%s%s",
                          readstat_error_message(err), d.err[0] ? ": " : "", d.err);
        goto out;
    }
    for (int i = 0; i < C_N; i++)
        if (d.g.m.col[i] && d.var[i] < 0) {
            rc = hrr_imp_fail(imp, HRR_EDATA, d.g.m.col[i],
                              "the mapping's %s variable is not in the file", k_cols[i]);
            goto out;
        }
    for (long o = 0; o < d.nobs && !rc; o++) {
        fields_t x = {{0}, NULL, false};
        char date[11];
        cell_t *row = &d.cells[(size_t)o * C_N];
        imp->line = o + 1; /* reported as "row N" (imp->obs) */
        for (int i = 0; i < C_N; i++) x.f[i] = row[i].s;
        if (d.date_td && row[C_DATE].s) {
            td_date(row[C_DATE].num, date);
            x.f[C_DATE] = date;
            x.date_iso = true;
        }
        for (size_t k = 0; row[C_VOTE].s && k < d.nlab; k++)
            if (strcmp(d.lab_val[k], row[C_VOTE].s) == 0) x.vlabel = d.lab_txt[k];
        rc = gen_row(imp, &d.g, &x);
    }
out:
    for (long o = 0; d.cells && o < d.cap * C_N; o++) hrr_i_free(hrr_store_ctx(imp->st), d.cells[o].s);
    hrr_i_free(hrr_store_ctx(imp->st), d.cells);
    for (size_t k = 0; k < d.nlab; k++) {
        hrr_i_free(hrr_store_ctx(imp->st), d.lab_val[k]);
        hrr_i_free(hrr_store_ctx(imp->st), d.lab_txt[k]);
    }
    hrr_i_free(hrr_store_ctx(imp->st), d.lab_val);
    hrr_i_free(hrr_store_ctx(imp->st), d.lab_txt);
    hrr_i_free(hrr_store_ctx(imp->st), d.vlabels);
    map_destroy(&d.g.m);
    return rc;
}

static bool detect_stata(const char *path, const char *head)
{
    size_t n = strlen(path);
    (void)head;
    return n > 4 && strcmp(path + n - 4, ".dta") == 0;
}

const hrr_format_t hrr_fmt_stata = {"stata", 91, detect_stata, import_stata, NULL};
