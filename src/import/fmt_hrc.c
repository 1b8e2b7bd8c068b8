/*
 * fmt_hrc.c - the Human Rights Council's recorded votes as scraped from the
 * OHCHR library by tsujamin/unhrc-nominate (hrc/): the votes' symbols, dates
 * and titles (all-vote-data.csv), the members' names (all-legis-data.csv),
 * and the ballots twice over, as a wide matrix (all-votes.csv) and a long
 * file (hrc_votes_long.csv). docs/import-hrc.md.
 *
 * Every one of these Council votes is also in ohchr-voting/, which a folder
 * import loads first: a vote here meets its item by symbol, and its ballots
 * meet the ballots there. Where the two sources disagree, the first one's
 * vote is kept and a finding says what the other one said.
 */
#include "imp_terms.h"

#include <stdio.h>
#include <string.h>

/* The statements a file's rows share, prepared once per file. */
typedef struct hrc_q {
    sqlite3_stmt *item;    /* items under a symbol (hrc_item) */
    sqlite3_stmt *others;  /* another source's ballot on an item (others_voted) */
} hrc_q_t;

#define HRC_ITEM_SQL \
    "SELECT i.id, i.date FROM items i LEFT JOIN item_refs r ON r.item_id=i.id" \
    " AND r.source='hrc' AND r.ref=i.symbol WHERE i.body='HRC' AND i.symbol=?" \
    " ORDER BY r.item_id IS NULL, i.id"
#define HRC_OTHERS_SQL "SELECT 1 FROM ballots WHERE item_id=? AND source_id<>? LIMIT 1"

static hrr_err_t hrc_q_prepare(hrr_imp_t *imp, hrc_q_t *q)
{
    hrr_err_t rc = hrr_imp_prepare(imp, HRC_ITEM_SQL, &q->item);
    return rc ? rc : hrr_imp_prepare(imp, HRC_OTHERS_SQL, &q->others);
}

static void hrc_q_finalize(hrc_q_t *q)
{
    sqlite3_finalize(q->item);
    sqlite3_finalize(q->others);
}

/* The HRC item for SYMBOL (on DATE where given): the one with that date, or
 * else the first; 0 if none. Two items under one symbol (four Council
 * symbols are given to two records each) is a finding. */
static hrr_err_t hrc_item(hrr_imp_t *imp, hrc_q_t *q, const char *symbol, const char *date,
                          long *item, char idate[16])
{
    /* the item all-vote-data.csv chose for this symbol comes first */
    sqlite3_stmt *s = q->item;
    int n = 0;
    *item = 0;
    idate[0] = 0;
    sqlite3_bind_text(s, 1, symbol, -1, SQLITE_STATIC);
    bool row;
    hrr_err_t rc;
    while (!(rc = hrr_i_step(imp->st, s, &row)) && row) {
        const char *d = (const char *)sqlite3_column_text(s, 1);
        bool same = d && date && strcmp(d, date) == 0;
        if (n++ == 0 || (same && strcmp(idate, date) != 0)) {
            *item = (long)sqlite3_column_int64(s, 0);
            snprintf(idate, 16, "%s", d ? d : "");
        }
    }
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    if (rc) return rc;
    if (n > 1) {
        char detail[256];
        snprintf(detail, sizeof detail, "%s names %d items; %s matched to item %ld", symbol, n,
                 imp->fmt->name, *item);
        return hrr_imp_finding(imp, "ambiguous-symbol", *item, detail);
    }
    return HRR_OK;
}

/* Kind from the symbol, by the rule of the source (hrc/SOURCE.txt). */
static const char *hrc_kind(const char *symbol)
{
    const char *last = strrchr(symbol, '/');
    if (last && strncmp(last + 1, "L.", 2) == 0) return "amendment";
    if (strstr(symbol, "/RES/")) return "resolution";
    return "decision";
}

/* Create the item for a Council vote the store does not have yet. */
static hrr_err_t hrc_new_item(hrr_imp_t *imp, const char *symbol, const char *date,
                              const char *title, long *item)
{
    sqlite3_stmt *s;
    hrr_err_t rc = hrr_imp_prepare(imp,
        "INSERT INTO items(key,body,symbol,date,kind,title,source_id)"
        " VALUES(?,'HRC',?,?,?,?,?)", &s);
    if (rc) return rc;
    sqlite3_bind_text(s, 1, symbol, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, symbol, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, date, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 4, hrc_kind(symbol), -1, SQLITE_STATIC);
    if (title && *title) sqlite3_bind_text(s, 5, title, -1, SQLITE_STATIC);
    else sqlite3_bind_null(s, 5);
    sqlite3_bind_int64(s, 6, imp->source_id);
    int src = sqlite3_step(s);
    sqlite3_finalize(s);
    if (src != SQLITE_DONE) return hrr_imp_dberr(imp, "storing an item");
    *item = (long)sqlite3_last_insert_rowid(imp->db);
    return HRR_OK;
}

/* Does another source hold ballots on ITEM? */
static hrr_err_t others_voted(hrr_imp_t *imp, hrc_q_t *q, long item, bool *yes)
{
    sqlite3_stmt *s = q->others;
    sqlite3_bind_int64(s, 1, item);
    sqlite3_bind_int64(s, 2, imp->source_id);
    int src = sqlite3_step(s);
    *yes = src == SQLITE_ROW;
    hrr_err_t rc = src == SQLITE_ROW || src == SQLITE_DONE ? HRR_OK : hrr_imp_stmterr(imp, s);
    sqlite3_reset(s);
    return rc;
}

/* Store one ballot from these files; OTHERS: another source has ballots on
 * the item, so a ballot new to it is a disagreement too. */
static hrr_err_t hrc_ballot(hrr_imp_t *imp, const char *field, long item, const char *symbol,
                            const char *iso3, const char *date, int vote, bool others)
{
    long state;
    hrr_ballot_put_t put;
    int old;
    hrr_err_t rc = hrr_imp_state(imp, field, "iso3", iso3, date, &state);
    if (rc || (rc = hrr_imp_ballot(imp, item, state, vote, iso3, &put, &old))) return rc;
    if (put == HRR_BALLOT_REPEAT)
        return hrr_imp_fail(imp, HRR_EDATA, field,
                            "duplicate ballot: %s already voted %s on %s in this file", iso3,
                            hrr_vote_name(old), symbol);
    if (put == HRR_BALLOT_NEW && others) {
        char detail[160];
        snprintf(detail, sizeof detail, "%s: no ballot in the store, %s in %s", iso3,
                 hrr_vote_name(vote), imp->fmt->name);
        return hrr_imp_finding(imp, "source-disagreement", item, detail);
    }
    return HRR_OK;
}

/* "2006/06/29" -> "2006-06-29", validated. */
static hrr_err_t slash_date(hrr_imp_t *imp, const char *field, const char *in, char out[11])
{
    snprintf(out, 11, "%s", in);
    if (strlen(in) == 10 && in[4] == '/' && in[7] == '/') out[4] = out[7] = '-';
    if (!hrr_i_date_valid(out))
        return hrr_imp_fail(imp, HRR_EDATA, field, "'%s' is not a date (YYYY/MM/DD)", in);
    return HRR_OK;
}

/* ------------------------------------------------- all-vote-data.csv */

typedef struct data {
    int col[3];   /* Resolution, Date, Summary */
    hrc_q_t q;    /* shared statements */
} data_t;

static hrr_err_t data_header(hrr_imp_t *imp, const hrr_csv_row_t *row, void *ud)
{
    data_t *x = ud;
    static const char *const names[] = {"Resolution", "Date", "Summary"};
    hrr_err_t rc;
    (void)row;
    if ((rc = hrr_imp_need_all(imp, names, 3, x->col)) || (rc = hrc_q_prepare(imp, &x->q)))
        return rc;
    return hrr_i_exec(imp->st, "CREATE TEMP TABLE IF NOT EXISTS hrc_seen(symbol TEXT PRIMARY KEY);"
                               "DELETE FROM hrc_seen");
}

static hrr_err_t data_row(hrr_imp_t *imp, const hrr_csv_row_t *row, void *ud)
{
    data_t *x = ud;
    const int *col = x->col;
    const char *symbol = row->f[col[0]];
    char date[11], title[1024], idate[16];
    long item;
    hrr_err_t rc;
    if (strncmp(symbol, "A/HRC/", 6) != 0)
        return hrr_imp_fail(imp, HRR_EDATA, "Resolution", "'%s' is not a Council symbol", symbol);
    if ((rc = slash_date(imp, "Date", row->f[col[1]], date))) return rc;
    /* "Title :resolution /adopted by the Human Rights Council..." -> "Title" */
    snprintf(title, sizeof title, "%s", row->f[col[2]]);
    char *cut = strstr(title, " :");
    if (cut) *cut = 0;
    sqlite3_stmt *s;
    if ((rc = hrr_imp_prepare(imp, "INSERT INTO hrc_seen(symbol) VALUES(?)", &s))) return rc;
    sqlite3_bind_text(s, 1, symbol, -1, SQLITE_STATIC);
    int src = sqlite3_step(s);
    sqlite3_finalize(s);
    if (src != SQLITE_DONE)
        return hrr_imp_fail(imp, HRR_EDATA, "Resolution", "%s appears twice", symbol);
    if ((rc = hrc_item(imp, &x->q, symbol, date, &item, idate))) return rc;
    if (!item) rc = hrc_new_item(imp, symbol, date, title, &item);
    if (!rc && (rc = hrr_imp_prepare(imp,
                    "INSERT INTO item_refs(source,ref,item_id) VALUES('hrc',?,?)"
                    " ON CONFLICT DO NOTHING", &s)) == HRR_OK) {
        sqlite3_bind_text(s, 1, symbol, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 2, item);
        src = sqlite3_step(s);
        sqlite3_finalize(s);
        if (src != SQLITE_DONE) rc = hrr_imp_dberr(imp, "storing an item reference");
    }
    if (rc) return rc;
    if (strcmp(idate, date) != 0 && *idate) {
        char detail[160];
        snprintf(detail, sizeof detail, "date: %s in the store, %s in hrc-vote-data", idate, date);
        rc = hrr_imp_finding(imp, "source-disagreement", item, detail);
    }
    if (!rc) imp->rows++;
    return rc;
}

static hrr_err_t import_data(hrr_imp_t *imp)
{
    data_t x = {{0}, {0}};
    hrr_err_t rc = hrr_imp_csv(imp, ',', data_header, data_row, &x);
    hrc_q_finalize(&x.q);
    return rc;
}

static bool detect_data(const char *path, const char *head)
{
    (void)path;
    return strncmp(head, "Resolution,Date,Summary", 23) == 0;
}

const hrr_format_t hrr_fmt_hrc_vote_data = {"hrc-vote-data", 32, detect_data, import_data, NULL};

/* ------------------------------------------------ all-legis-data.csv */

static hrr_err_t legis_header(hrr_imp_t *imp, const hrr_csv_row_t *row, void *ud)
{
    int *col = ud;
    static const char *const names[] = {"Country", "Country Long"};
    (void)row;
    return hrr_imp_need_all(imp, names, 2, col);
}

/* Each member's ISO3 must be known; its long name becomes a name alias. */
static hrr_err_t legis_row(hrr_imp_t *imp, const hrr_csv_row_t *row, void *ud)
{
    int *col = ud;
    long state;
    char norm[256];
    sqlite3_stmt *s;
    hrr_err_t rc = hrr_imp_state(imp, "Country", "iso3", row->f[col[0]], HRR_PRESENT, &state);
    if (rc) return rc;
    hrr_i_name_norm(row->f[col[1]], norm, sizeof norm);
    if (!*norm) return hrr_imp_fail(imp, HRR_EDATA, "Country Long", "empty name");
    if ((rc = hrr_imp_prepare(imp,
            "INSERT INTO state_aliases(kind,alias,state_id,source) VALUES('name',?,?,"
            "'hrc/all-legis-data.csv') ON CONFLICT DO NOTHING", &s)))
        return rc;
    sqlite3_bind_text(s, 1, norm, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 2, state);
    int src = sqlite3_step(s);
    sqlite3_finalize(s);
    if (src != SQLITE_DONE) return hrr_imp_dberr(imp, "storing a name");
    imp->rows++;
    return HRR_OK;
}

static hrr_err_t import_legis(hrr_imp_t *imp)
{
    int col[2];
    return hrr_imp_csv(imp, ',', legis_header, legis_row, col);
}

static bool detect_legis(const char *path, const char *head)
{
    (void)path;
    return strncmp(head, "Country,Country Long,party", 26) == 0;
}

const hrr_format_t hrr_fmt_hrc_legis = {"hrc-legis", 33, detect_legis, import_legis, NULL};

/* ------------------------------------------------------ all-votes.csv */

typedef struct wide {
    long *item;      /* item of each column (index 0: the country column) */
    char (*date)[16];/* its date */
    bool *others;    /* another source has ballots on it */
    hrc_q_t q;       /* shared statements */
    long *state;     /* each row's state (the terms' derivation) */
    unsigned char *mem; /* row x column: a member on that vote */
    size_t nrow, cap;/* rows kept, room for */
    size_t ncol;     /* columns (index 0: the country column) */
} wide_t;

static hrr_err_t wide_header(hrr_imp_t *imp, const hrr_csv_row_t *row, void *ud)
{
    wide_t *w = ud;
    hrr_err_t rc;
    if (row->n < 2 || strcmp(row->f[0], "Country") != 0)
        return hrr_imp_fail(imp, HRR_EDATA, "Country", "the first column must be Country");
    if (!(w->item = hrr_i_calloc(hrr_store_ctx(imp->st), row->n, sizeof *w->item)) ||
        !(w->date = hrr_i_calloc(hrr_store_ctx(imp->st), row->n, sizeof *w->date)) ||
        !(w->others = hrr_i_calloc(hrr_store_ctx(imp->st), row->n, sizeof *w->others)))
        return HRR_ENOMEM;
    w->ncol = row->n;
    if ((rc = hrc_q_prepare(imp, &w->q))) return rc;
    for (size_t i = 1; i < row->n; i++) {
        if ((rc = hrc_item(imp, &w->q, row->f[i], NULL, &w->item[i], w->date[i]))) return rc;
        if (!w->item[i])
            return hrr_imp_fail(imp, HRR_EDATA, row->f[i],
                                "no such Council vote in the store: import"
                                " all-vote-data.csv (or ohchr-voting) first");
        if ((rc = others_voted(imp, &w->q, w->item[i], &w->others[i]))) return rc;
    }
    return HRR_OK;
}

static hrr_err_t wide_row(hrr_imp_t *imp, const hrr_csv_row_t *row, void *ud)
{
    wide_t *w = ud;
    hrr_ctx_t *ctx = hrr_store_ctx(imp->st);
    hrr_err_t rc;
    long state;
    if (w->nrow == w->cap) {
        size_t cap = w->cap ? 2 * w->cap : 128;
        long *st = hrr_i_realloc(ctx, w->state, cap * sizeof *st);
        if (!st) return HRR_ENOMEM;
        w->state = st;
        unsigned char *mem = hrr_i_realloc(ctx, w->mem, cap * w->ncol);
        if (!mem) return HRR_ENOMEM;
        w->mem = mem;
        w->cap = cap;
    }
    if ((rc = hrr_imp_state(imp, "Country", "iso3", row->f[0], HRR_PRESENT, &state))) return rc;
    unsigned char *mem = &w->mem[w->nrow * w->ncol];
    memset(mem, 0, w->ncol);
    w->state[w->nrow++] = state;
    for (size_t i = 1; i < row->n; i++) {
        const char *c = row->f[i];
        /* 0 no, 1 yes, 2 abstain, 3 non-voting member, 4 not a member */
        static const int k_map[] = {2, 1, 3, 4};
        if (strlen(c) != 1 || c[0] < '0' || c[0] > '4')
            return hrr_imp_fail(imp, HRR_EDATA, imp->hdr[i],
                                "unknown vote code '%s' (expected 0 no, 1 yes, 2 abstain,"
                                " 3 non-voting, 4 not a member)", c);
        if (c[0] == '4') continue;
        mem[i] = 1;
        if ((rc = hrc_ballot(imp, imp->hdr[i], w->item[i], imp->hdr[i], row->f[0], w->date[i],
                             k_map[c[0] - '0'], w->others[i])))
            return rc;
    }
    imp->rows++;
    return HRR_OK;
}

static hrr_err_t import_wide(hrr_imp_t *imp)
{
    wide_t w = {0};
    hrr_err_t rc = hrr_imp_csv(imp, ',', wide_header, wide_row, &w);
    if (!rc && w.ncol > 1) {
        /* the terms, from the membership vote by vote (column 0 left out) */
        hrr_imp_hrc_grid_t g = {w.nrow, w.ncol, w.state, (const char (*)[16])w.date,
                                imp->hdr, w.mem};
        rc = hrr_imp_hrc_terms(imp, &g);
    }
    /* the Commission's members by year, from its ballots (ohchr-voting,
     * which a folder import loads first) */
    if (!rc) rc = hrr_imp_chr_years(imp);
    hrr_i_free(hrr_store_ctx(imp->st), w.state);
    hrr_i_free(hrr_store_ctx(imp->st), w.mem);
    hrr_i_free(hrr_store_ctx(imp->st), w.item);
    hrr_i_free(hrr_store_ctx(imp->st), w.date);
    hrr_i_free(hrr_store_ctx(imp->st), w.others);
    hrc_q_finalize(&w.q);
    return rc;
}

static bool detect_wide(const char *path, const char *head)
{
    (void)path;
    return strncmp(head, "Country,A/HRC/", 14) == 0;
}

const hrr_format_t hrr_fmt_hrc_wide = {"hrc-wide", 34, detect_wide, import_wide, NULL};

/* ------------------------------------------------- hrc_votes_long.csv */

enum { L_SYMBOL, L_DATE, L_ISO3, L_VOTE, L_N };

/* A vote (symbol and date) already met in the file: its item and whether
 * another source holds ballots on it. The file is sorted by country, so
 * each vote comes back once a state; looked up once, it is remembered (the
 * file's own ballots do not change the answer: they are of this source). */
typedef struct seen_vote {
    char *key;     /* "symbol\x1fdate" (owned); NULL: empty slot */
    long item;
    bool others;
} seen_vote_t;

typedef struct longf {
    int col[L_N];  /* column indexes */
    hrc_q_t q;     /* shared statements */
    seen_vote_t *seen; /* open addressing, CAP a power of two, at most half full */
    size_t cap, n;
} longf_t;

static size_t key_hash(const char *s)
{
    size_t h = 1469598103934665603ull;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h ^ (h >> 29);
}

/* The slot of KEY in X's table: its entry, or the empty slot it would take. */
static seen_vote_t *seen_slot(longf_t *x, const char *key)
{
    size_t i = key_hash(key) & (x->cap - 1);
    while (x->seen[i].key && strcmp(x->seen[i].key, key) != 0) i = (i + 1) & (x->cap - 1);
    return &x->seen[i];
}

/* Remember KEY's answer (KEY is copied). */
static hrr_err_t seen_put(hrr_imp_t *imp, longf_t *x, const char *key, long item, bool others)
{
    hrr_ctx_t *ctx = hrr_store_ctx(imp->st);
    if (2 * (x->n + 1) > x->cap) {
        size_t cap = x->cap ? 2 * x->cap : 1024;
        seen_vote_t *old = x->seen, *a = hrr_i_calloc(ctx, cap, sizeof *a);
        if (!a) return hrr_imp_fail(imp, HRR_ENOMEM, NULL, "out of memory");
        size_t ocap = x->cap;
        x->seen = a;
        x->cap = cap;
        for (size_t i = 0; i < ocap; i++)
            if (old[i].key) *seen_slot(x, old[i].key) = old[i];
        hrr_i_free(ctx, old);
    }
    seen_vote_t *e = seen_slot(x, key);
    if (!(e->key = hrr_i_strdup(ctx, key))) return hrr_imp_fail(imp, HRR_ENOMEM, NULL, "out of memory");
    e->item = item;
    e->others = others;
    x->n++;
    return HRR_OK;
}

static hrr_err_t long_header(hrr_imp_t *imp, const hrr_csv_row_t *row, void *ud)
{
    longf_t *x = ud;
    static const char *const names[L_N] = {"symbol", "date", "country_iso3", "vote"};
    hrr_err_t rc;
    (void)row;
    if ((rc = hrr_imp_need_all(imp, names, L_N, x->col))) return rc;
    return hrc_q_prepare(imp, &x->q);
}

static hrr_err_t long_row(hrr_imp_t *imp, const hrr_csv_row_t *row, void *ud)
{
    longf_t *x = ud;
    const int *col = x->col;
    const char *symbol = row->f[col[L_SYMBOL]], *date = row->f[col[L_DATE]];
    const char *v = row->f[col[L_VOTE]];
    int vote = strcmp(v, "yes") == 0 ? 1 : strcmp(v, "no") == 0 ? 2
             : strcmp(v, "abstain") == 0 ? 3 : strcmp(v, "non_voting") == 0 ? 4 : 0;
    char idate[16];
    long item;
    bool others = false;
    hrr_err_t rc;
    if (!hrr_i_date_valid(date))
        return hrr_imp_fail(imp, HRR_EDATA, "date", "'%s' is not a date (YYYY-MM-DD)", date);
    if (!vote)
        return hrr_imp_fail(imp, HRR_EDATA, "vote",
                            "unknown vote '%s' (expected yes, no, abstain or non_voting)", v);
    if (strncmp(symbol, "A/HRC/", 6) != 0)
        return hrr_imp_fail(imp, HRR_EDATA, "symbol", "'%s' is not a Council symbol", symbol);
    char key[256];
    bool keyed = (size_t)snprintf(key, sizeof key, "%s\x1f%s", symbol, date) < sizeof key;
    seen_vote_t *e = keyed && x->cap ? seen_slot(x, key) : NULL;
    if (e && e->key) {
        item = e->item;
        others = e->others;
    } else {
        if ((rc = hrc_item(imp, &x->q, symbol, date, &item, idate))) return rc;
        if (!item) rc = hrc_new_item(imp, symbol, date, NULL, &item);
        if (rc || (rc = others_voted(imp, &x->q, item, &others))) return rc;
        if (keyed && (rc = seen_put(imp, x, key, item, others))) return rc;
    }
    if ((rc = hrc_ballot(imp, "country_iso3", item, symbol, row->f[col[L_ISO3]], date, vote,
                         others)))
        return rc;
    imp->rows++;
    return HRR_OK;
}

static hrr_err_t import_long(hrr_imp_t *imp)
{
    longf_t x = {{0}, {0}, NULL, 0, 0};
    hrr_err_t rc = hrr_imp_csv(imp, ',', long_header, long_row, &x);
    hrc_q_finalize(&x.q);
    for (size_t i = 0; i < x.cap; i++) hrr_i_free(hrr_store_ctx(imp->st), x.seen[i].key);
    hrr_i_free(hrr_store_ctx(imp->st), x.seen);
    return rc;
}

static bool detect_long(const char *path, const char *head)
{
    (void)path;
    return strncmp(head, "symbol,date,type,country_iso3,country_name,vote", 47) == 0;
}

const hrr_format_t hrr_fmt_hrc_long = {"hrc-long", 35, detect_long, import_long, NULL};
