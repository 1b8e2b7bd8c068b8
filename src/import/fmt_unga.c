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
 * un_votes.csv has 870,109 rows, so the votes path is built for speed: the
 * roll calls held in memory (rcid -> item, date), the shared state cache by
 * date range (imp_state.c) and the shared writer in batches (imp_ballot.c).
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

static hrr_err_t rc_put(hrr_ctx_t *ctx, rcmap_t *m, long rcid, long item_id, const char *date)
{
    if (2 * (m->n + 1) > m->cap) {
        size_t cap = m->cap ? 2 * m->cap : 1024;
        rollcall_t *a = hrr_i_calloc(ctx, cap, sizeof *a);
        if (!a) return HRR_ENOMEM;
        for (size_t i = 0; i < m->cap; i++) {
            if (!m->a[i].rcid) continue;
            size_t j = rc_hash(m->a[i].rcid, cap);
            while (a[j].rcid) j = (j + 1) & (cap - 1);
            a[j] = m->a[i];
        }
        hrr_i_free(ctx, m->a);
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
    bool row;
    while (!(rc = hrr_imp_step(imp, s, &row)) && row) {
        long rcid;
        if (!hrr_i_parse_long((const char *)sqlite3_column_text(s, 1), &rcid) || rcid <= 0)
            continue; /* not a key this file writes */
        if ((rc = rc_put(hrr_store_ctx(imp->st), m, rcid, (long)sqlite3_column_int64(s, 0),
                         (const char *)sqlite3_column_text(s, 2))))
            break;
    }
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

/* The error for a second ballot of a state on a roll call. */
static hrr_err_t dup_ballot(hrr_imp_t *imp, const char *field, long state, long rcid)
{
    char iso3[8];
    hrr_err_t rc = hrr_imp_state_iso3(imp, state, iso3);
    if (rc) return rc;
    return hrr_imp_fail(imp, HRR_EDATA, field, "duplicate ballot: %s already voted on"
                        " roll call %ld earlier in this file", iso3, rcid);
}

/* ------------------------------------------------------------- ballots */

static const char *const k_vote_name[] = {"", "yes", "no", "abstain", "absent",
                                          "not a member"};

/* The label of an import's format in findings: "unvotes", "Voeten". */
static hrr_err_t source_label(hrr_imp_t *imp, long source_id, char out[32])
{
    snprintf(out, 32, "import %ld", source_id);
    hrr_err_t rc = hrr_imp_text_by_id(imp, "SELECT format FROM imports WHERE id=?", source_id,
                                      out, 32);
    if (!strcmp(out, "unvotes-votes")) snprintf(out, 32, "unvotes");
    else if (!strcmp(out, "voeten-long")) snprintf(out, 32, "Voeten");
    return rc;
}

/* A ballot another source stored already (the shared writer, imp_ballot.c):
 * the same vote is kept quietly, another vote is a finding naming both
 * sources; one this file stored is a duplicate. B->label names the column,
 * B->tag the roll call. */
static hrr_err_t settle(hrr_imp_t *imp, const hrr_imp_bal_t *b, hrr_ballot_put_t put,
                        int old, long old_src, void *ud)
{
    (void)ud;
    if (put == HRR_BALLOT_REPEAT) return dup_ballot(imp, b->label, b->state_id, b->tag);
    if (put != HRR_BALLOT_DIFFERS) return HRR_OK;
    char iso3[8], other[32], mine[32], detail[256];
    hrr_err_t rc;
    if ((rc = hrr_imp_state_iso3(imp, b->state_id, iso3)) ||
        (rc = source_label(imp, old_src, other)) ||
        (rc = source_label(imp, imp->source_id, mine)))
        return rc;
    snprintf(detail, sizeof detail, "roll call %ld, state %s: %s %s, %s %s", b->tag,
             iso3, other, k_vote_name[old], mine, k_vote_name[b->vote]);
    return hrr_imp_finding(imp, "source-disagreement", b->item_id, detail);
}

/* Store one ballot of roll call RCID; a second one from this file is an
 * error. FIELD (a literal) names the state's column. */
static hrr_err_t put_ballot(hrr_imp_t *imp, hrr_imp_writer_t *w, long rcid, long item_id,
                            long state, int vote, const char *field)
{
    hrr_imp_bal_t b = {.item_id = item_id, .state_id = state, .vote = vote, .tag = rcid,
                       .label = field};
    hrr_ballot_put_t put;
    int old;
    hrr_err_t rc = hrr_imp_writer_put(imp, w, &b, &put, &old);
    if (!rc && put == HRR_BALLOT_REPEAT) rc = dup_ballot(imp, field, state, rcid);
    return rc;
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
    bool row;
    hrr_err_t rc = hrr_imp_step(imp, s, &row);
    if (row) {
        it->id = (long)sqlite3_column_int64(s, 0);
        it->source_id = (long)sqlite3_column_int64(s, 1);
        const char *v;
        if ((v = (const char *)sqlite3_column_text(s, 2))) snprintf(it->date, sizeof it->date, "%s", v);
        if ((v = (const char *)sqlite3_column_text(s, 3))) snprintf(it->symbol, sizeof it->symbol, "%s", v);
        if ((v = (const char *)sqlite3_column_text(s, 4))) snprintf(it->session, sizeof it->session, "%s", v);
    }
    sqlite3_reset(s);
    return rc;
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
    hrr_err_t rc;
    if ((rc = source_label(imp, it->source_id, other)) ||
        (rc = source_label(imp, imp->source_id, me)))
        return rc;
    snprintf(detail, sizeof detail, "roll call %ld, %s: %s '%s', %s '%s'", rcid, what,
             other, stored, me, mine);
    return hrr_imp_finding(imp, "source-disagreement", it->id, detail);
}

/* Insert roll call RCID's item with S (ITEM_INS_SQL); SYMBOL and TITLE may be
 * NULL or "" (stored as NULL), IMPORTANT -1 for NA. A key already stored is
 * left as it is (sqlite3_changes() then says 0). */
static hrr_err_t insert_item(hrr_imp_t *imp, sqlite3_stmt *s, long rcid, const char *symbol,
                             const char *session, const char *date, const char *kind,
                             const char *title, int important)
{
    char key[40];
    snprintf(key, sizeof key, "GA:rcid:%ld", rcid);
    sqlite3_bind_text(s, 1, key, -1, SQLITE_TRANSIENT);
    bind_text_or_null(s, 2, symbol);
    sqlite3_bind_text(s, 3, session, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 4, date, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 5, kind, -1, SQLITE_STATIC);
    bind_text_or_null(s, 6, title);
    if (important < 0) sqlite3_bind_null(s, 7);
    else sqlite3_bind_int(s, 7, important);
    sqlite3_bind_int64(s, 8, imp->source_id);
    int src = sqlite3_step(s);
    sqlite3_reset(s);
    return src == SQLITE_DONE ? HRR_OK : hrr_imp_dberr(imp, "inserting a roll call");
}

/* Insert SESSION with S (SESSION_INS_SQL), if it is not there yet. */
static hrr_err_t insert_session(hrr_imp_t *imp, sqlite3_stmt *s, const char *session)
{
    sqlite3_bind_text(s, 1, session, -1, SQLITE_TRANSIENT);
    int src = sqlite3_step(s);
    sqlite3_reset(s);
    return src == SQLITE_DONE ? HRR_OK : hrr_imp_dberr(imp, "inserting a session");
}

/* Give item ITEM_ID issue CODE with S (an item_issues insert). */
static hrr_err_t insert_issue(hrr_imp_t *imp, sqlite3_stmt *s, long item_id, const char *code)
{
    sqlite3_bind_int64(s, 1, item_id);
    sqlite3_bind_text(s, 2, code, -1, SQLITE_STATIC);
    int src = sqlite3_step(s);
    sqlite3_reset(s);
    return src == SQLITE_DONE ? HRR_OK : hrr_imp_dberr(imp, "inserting an issue code");
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
    const hrr_imp_colspec_t cols[] = {
        HRR_COL("rcid", &r->c_rcid), HRR_COL("session", &r->c_session), HRR_COL("importantvote", &r->c_imp),
        HRR_COL("date", &r->c_date), HRR_COL("unres", &r->c_unres), HRR_COL("amend", &r->c_amend),
        HRR_COL("para", &r->c_para), HRR_COL("short", &r->c_short), HRR_COL("descr", &r->c_descr),
    };
    if ((rc = hrr_imp_cols(imp, cols, HRR_IMP_NCOLS(cols))) ||
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
    if ((rc = insert_item(imp, r->ins, rcid, f[r->c_unres], f[r->c_session], date, kind, title,
                          important)))
        return rc;
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
    if ((rc = insert_session(imp, r->sess, f[r->c_session]))) return rc;
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
    const hrr_imp_colspec_t cols[] = {
        HRR_COL("rcid", &s->c_rcid), HRR_COL("short_name", &s->c_code), HRR_COL("issue", &s->c_label),
    };
    if ((rc = hrr_imp_cols(imp, cols, HRR_IMP_NCOLS(cols))) ||
        (rc = rc_load(imp, &s->rcs)))
        return rc;
    if (s->rcs.cap && !(s->seen = hrr_i_calloc(hrr_store_ctx(imp->st), s->rcs.cap, 1))) return HRR_ENOMEM;
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
    if ((rc = insert_issue(imp, s->ins, rc_->item_id, code))) return rc;
    imp->rows++;
    return HRR_OK;
}

static hrr_err_t import_issues(hrr_imp_t *imp)
{
    issues_t s = {0};
    hrr_err_t rc = hrr_imp_csv(imp, ',', issues_header, issues_row, &s);
    sqlite3_finalize(s.ins);
    hrr_i_free(hrr_store_ctx(imp->st), s.rcs.a);
    hrr_i_free(hrr_store_ctx(imp->st), s.seen);
    return rc;
}

/* ------------------------------------------------------ unvotes: votes */

typedef struct votes {
    int c_rcid, c_country, c_code, c_vote; /* column indexes */
    rcmap_t rcs;                           /* the roll calls */
    hrr_imp_writer_t bal;                  /* ballot writer, batched */
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
    const hrr_imp_colspec_t cols[] = {
        HRR_COL("rcid", &v->c_rcid), HRR_COL("country", &v->c_country),
        HRR_COL("country_code", &v->c_code), HRR_COL("vote", &v->c_vote),
    };
    if ((rc = hrr_imp_cols(imp, cols, HRR_IMP_NCOLS(cols))) ||
        (rc = rc_load(imp, &v->rcs)))
        return rc;
    return hrr_imp_writer_open(imp, &v->bal, true, settle, NULL);
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
        rc = hrr_imp_state_find(imp, "country_code", "iso2", code, name, rc_->date,
                                HRR_IMP_PREFER, &state);
    else if (*name)
        rc = hrr_imp_state_find(imp, "country", "name", name, NULL, rc_->date,
                                HRR_IMP_PREFER, &state);
    else
        rc = hrr_imp_fail(imp, HRR_EDATA, "country_code",
                          "no state: country and country_code are both empty");
    if (rc) return rc == HRR_ENOTFOUND ? HRR_EDATA : rc;
    const char *field = *code ? "country_code" : "country";
    if ((rc = put_ballot(imp, &v->bal, rc_->rcid, rc_->item_id, state, vote, field)))
        return rc;
    imp->rows++;
    return HRR_OK;
}

static hrr_err_t import_votes(hrr_imp_t *imp)
{
    votes_t v = {0};
    hrr_err_t rc = hrr_imp_csv(imp, ',', votes_header, votes_row, &v);
    if (!rc) rc = hrr_imp_writer_flush(imp, &v.bal);
    hrr_imp_writer_close(&v.bal);
    hrr_i_free(hrr_store_ctx(imp->st), v.rcs.a);
    return rc;
}

/* ------------------------------------------------------ Voeten long file */

static const char *const k_voeten_issues[] = {"me", "nu", "di", "hr", "co", "ec"};
enum { N_VISSUES = sizeof k_voeten_issues / sizeof *k_voeten_issues, N_SAME = 11 };

typedef struct voeten {
    int c_rcid, c_session, c_vote, c_ccode, c_member, c_imp, c_date, c_unres,
        c_year, c_issue[N_VISSUES];      /* column indexes */
    hrr_imp_writer_t bal;                /* ballot writer, unbatched */
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
    const hrr_imp_colspec_t cols[] = {
        HRR_COL("rcid", &v->c_rcid), HRR_COL("session", &v->c_session), HRR_COL("vote", &v->c_vote),
        HRR_COL("ccode", &v->c_ccode), HRR_COL("member", &v->c_member), HRR_COL("importantvote", &v->c_imp),
        HRR_COL("date", &v->c_date), HRR_COL("unres", &v->c_unres), HRR_COL("year", &v->c_year),
    };
    if ((rc = hrr_imp_cols(imp, cols, HRR_IMP_NCOLS(cols))) ||
        (rc = hrr_imp_need_all(imp, k_voeten_issues, N_VISSUES, v->c_issue)) ||
        (rc = hrr_imp_writer_open(imp, &v->bal, false, settle, NULL)) ||
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
    if ((rc = rc_put(hrr_store_ctx(imp->st), &v->done, rcid, 0, NULL))) return rc;
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
            if ((rc = source_label(imp, it.source_id, other))) return rc;
            snprintf(detail, sizeof detail, "roll call %ld: issue codes stored '%s',"
                     " Voeten '%s'", rcid, stored, issues);
            if ((rc = hrr_imp_finding(imp, "issue-disagreement", it.id, detail))) return rc;
        }
        v->item_id = it.id;
        return HRR_OK;
    }
    /* a roll call unvotes lacks: the item from Voeten's row */
    /* Voeten does not say the kind; nor has it a title */
    if ((rc = insert_item(imp, v->ins, rcid, f[v->c_unres], f[v->c_session], date, "other",
                          NULL, important)))
        return rc;
    v->item_id = (long)sqlite3_last_insert_rowid(imp->db);
    if ((rc = insert_session(imp, v->sess, f[v->c_session]))) return rc;
    for (int i = 0; i < N_VISSUES; i++)
        if (strcmp(f[v->c_issue[i]], "1") == 0 &&
            (rc = insert_issue(imp, v->iss_ins, v->item_id, k_voeten_issues[i])))
            return rc;
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
    if ((rc = hrr_imp_state_find(imp, "ccode", "cow", cc, NULL, v->date,
                                 HRR_IMP_PREFER | (vote == HRR_VOTE_NONMEMBER ? HRR_IMP_UNDATED : 0),
                                 &state)))
        return rc == HRR_ENOTFOUND ? HRR_EDATA : rc;
    if ((rc = put_ballot(imp, &v->bal, rcid, v->item_id, state, vote, "ccode"))) return rc;
    imp->rows++;
    return HRR_OK;
}

static hrr_err_t import_voeten(hrr_imp_t *imp)
{
    voeten_t v = {0};
    hrr_err_t rc = hrr_imp_csv(imp, ',', voeten_header, voeten_row, &v);
    hrr_imp_writer_close(&v.bal);
    hrr_i_free(hrr_store_ctx(imp->st), v.done.a);
    sqlite3_finalize(v.get);
    sqlite3_finalize(v.ins);
    sqlite3_finalize(v.sess);
    sqlite3_finalize(v.iss_ins);
    sqlite3_finalize(v.iss_get);
    return rc;
}

const hrr_format_t hrr_fmt_unvotes_roll_calls = {
    "unvotes-roll-calls", 20, detect_roll_calls, import_roll_calls, NULL,
};
const hrr_format_t hrr_fmt_unvotes_issues = {
    "unvotes-issues", 21, detect_issues, import_issues, NULL,
};
const hrr_format_t hrr_fmt_unvotes_votes = {
    "unvotes-votes", 22, detect_votes, import_votes, "ballots findings",
};
const hrr_format_t hrr_fmt_voeten_long = {
    "voeten-long", 23, detect_voeten, import_voeten, NULL,
};
