/*
 * fmt_ohchr.c - the OHCHR voting records of the Commission on Human Rights
 * and the Human Rights Council (ohchr-voting/: resolutions.csv, one row per
 * item with its official tally; votes_long.csv, one row per state's vote).
 * docs/import-hrc.md.
 *
 * An item is keyed by its symbol where the symbol names one item in the
 * file (all Council symbols but four, most Commission ones), so that the
 * same Council vote from hrc/ meets it; a repeated symbol ("E/HR/RES") is
 * keyed "<BODY>:record:<record_id>". Re-imports and other sources merge
 * into the item: fields it lacks are filled in, nothing is overwritten.
 *
 * main_sponsors, free text ("Pakistan (on behalf of the Organization of
 * Islamic Cooperation, except Albania)", "Russian Federation, China"), is
 * split into sponsors rows (role main): each name resolved through the
 * store's name aliases, a group acted for kept as grp with the note "on
 * behalf of ...". A name no alias resolves is a finding 'unknown-sponsor'
 * naming the record and line, not an error: the field is the catalogue's
 * free text, not a list of states (docs/import-hrc.md). An amendment
 * ("Amendment A/HRC/51/L.65 to draft resolution A/HRC/51/L.33") is linked
 * to the item of the text it amends (items.amends_id) where the store has
 * one: by symbol, or by the draft symbol the records carry (item_refs).
 */
#define _GNU_SOURCE /* strcasestr */
#include "import.h"
#include "records/sponsor.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Map the file's body names to hrr's codes. */
static const char *body_code(const char *s)
{
    if (strcmp(s, "Commission on Human Rights") == 0 || strcmp(s, "CHR") == 0) return "CHR";
    if (strcmp(s, "Human Rights Council") == 0 || strcmp(s, "HRC") == 0) return "HRC";
    return NULL;
}

/* The item key for a record: its symbol when unique, else BODY:record:ID. */
static void item_key(char *out, size_t n, const char *body, const char *symbol,
                     const char *record_id, bool unique)
{
    if (unique && *symbol) snprintf(out, n, "%s", symbol);
    else snprintf(out, n, "%s:record:%s", body, record_id);
}

/* A count in a tally column: empty (NULL), or a non-negative integer
 * (written "17" or "17.0"). */
static hrr_err_t parse_count(hrr_imp_t *imp, const char *field, const char *s,
                             long *out, bool *present)
{
    *present = false;
    if (!*s) return HRR_OK;
    char buf[32];
    size_t n = strlen(s);
    if (n > 2 && n < sizeof buf && strcmp(s + n - 2, ".0") == 0) {
        memcpy(buf, s, n - 2);
        buf[n - 2] = 0;
        s = buf;
    }
    if (!hrr_i_parse_long(s, out) || *out < 0 || *out > 1000)
        return hrr_imp_fail(imp, HRR_EDATA, field, "'%s' is not a vote count", s);
    *present = true;
    return HRR_OK;
}

/* The session a Council symbol names: A/HRC/RES/31/2 -> 31, S-1 stays. */
static void hrc_session(const char *symbol, char *out, size_t n)
{
    const char *p = strncmp(symbol, "A/HRC/RES/", 10) == 0 ? symbol + 10
                  : strncmp(symbol, "A/HRC/DEC/", 10) == 0 ? symbol + 10
                  : strncmp(symbol, "A/HRC/", 6) == 0 ? symbol + 6 : NULL;
    out[0] = 0;
    if (!p) return;
    size_t k = strcspn(p, "/");
    if (p[k] == '/' && k < n) snprintf(out, n, "%.*s", (int)k, p);
}

/* The Commission's decisions to take no action on the drafts on China: the
 * records title them "Situation in China : decision" (shared data README;
 * casebook in data/casebook.csv). */
static const char *const k_no_action[] = {"E/CN.4/DEC/1990/106", "E/CN.4/DEC/1992/116",
                                          "E/CN.4/DEC/1993/110", "E/CN.4/DEC/1994/108", NULL};

/* What kind of item a symbol and title name. */
static const char *item_kind(const char *symbol, const char *title)
{
    for (const char *const *m = k_no_action; *m; m++)
        if (strcmp(symbol, *m) == 0) return "motion";
    if (strcasestr(title, "no action") || strcasestr(title, "no-action")) return "motion";
    if (strstr(symbol, "/RES/") || strstr(symbol, "/RES(")) return "resolution";
    if (strstr(symbol, "/DEC/")) return "decision";
    if (strstr(symbol, "/L.")) return strstr(title, "amendment") ? "amendment" : "other";
    return "other";
}

/* The outcome the record shows, where it shows one. A resolution or decision
 * symbol is given to adopted texts only. */
static const char *outcome(const char *vote_type, const char *kind)
{
    if (strncmp(vote_type, "WITHDRAWN", 9) == 0) return "withdrawn";
    if (strncmp(vote_type, "NOT CONSIDERED", 14) == 0) return "no-decision";
    if (strncmp(vote_type, "ADOPTED", 7) == 0 || strstr(vote_type, "adopted")) return "adopted";
    if (strcmp(kind, "resolution") == 0 || strcmp(kind, "decision") == 0 ||
        strcmp(kind, "motion") == 0)
        return "adopted";
    return NULL;
}

/* ------------------------------------------------------ resolutions.csv */

enum { R_ID, R_SYMBOL, R_TITLE, R_DATE, R_BODY, R_VTYPE, R_AGENDA, R_SUBJECT,
       R_SPONSORS, R_YES, R_NO, R_ABST, R_NONV, R_N };
/* the draft column (optional: older extracts lack it) */
static const char *const k_rcols[R_N] = {
    "record_id", "symbol", "title", "date", "body", "vote_type", "agenda_item_no",
    "agenda_subject", "main_sponsors", "yes", "no", "abstain", "nonvoting"};

typedef struct counts {
    char **sym;      /* "BODY|symbol" of every row, in order */
    size_t n, cap;   /* used / allocated */
} counts_t;

typedef struct res {
    int col[R_N];          /* column indexes */
    counts_t all;          /* every row's body|symbol (first pass) */
    bool scan;             /* first pass: only collect symbols */
    sqlite3_stmt *up;      /* item upsert */
    sqlite3_stmt *ses;     /* session insert */
    sqlite3_stmt *seen;    /* record ids seen in this file */
    int draft;             /* the draft column, -1 if absent */
    sqlite3_stmt *iid;     /* key -> items.id */
    sqlite3_stmt *sdel;    /* this format's sponsors of an item, dropped */
    sqlite3_stmt *sins;    /* sponsor insert */
    sqlite3_stmt *who;     /* name alias -> states on a date */
    sqlite3_stmt *ref;     /* the draft symbol an item was adopted from */
    sqlite3_stmt *amd;     /* amendment -> the symbol it amends (temp) */
    long nsponsors;        /* sponsor rows stored */
} res_t;

static hrr_err_t res_header(hrr_imp_t *imp, const hrr_csv_row_t *row, void *ud)
{
    res_t *r = ud;
    (void)row;
    r->draft = hrr_imp_col(imp, "draft");
    return hrr_imp_need_all(imp, k_rcols, R_N, r->col);
}

/* ------------------------------------------------------------ sponsors */

static void bind_text_or_null(sqlite3_stmt *s, int i, const char *v)
{
    if (v && *v) sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
    else sqlite3_bind_null(s, i);
}


/* The one state NAME names on DATE through the name aliases: *ID, or 0
 * (none, or more than one). */
static hrr_err_t sponsor_state(hrr_imp_t *imp, res_t *r, const char *name, const char *date,
                               long *id)
{
    char norm[256];
    bool row;
    hrr_err_t rc;
    *id = 0;
    hrr_i_name_norm(name, norm, sizeof norm);
    if (!*norm) return HRR_OK;
    sqlite3_bind_text(r->who, 1, norm, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(r->who, 2, date, -1, SQLITE_TRANSIENT);
    long first = 0;
    bool many = false;
    while (!(rc = hrr_imp_step(imp, r->who, &row)) && row) {
        long s = (long)sqlite3_column_int64(r->who, 0);
        if (first && s != first) many = true;
        first = s;
    }
    sqlite3_reset(r->who);
    if (!rc && !many) *id = first;
    return rc;
}

/* Store one sponsor row. */
static hrr_err_t sponsor_put(hrr_imp_t *imp, res_t *r, long item, long state, const char *grp,
                             const char *name, const char *note)
{
    sqlite3_stmt *s = r->sins;
    bool row;
    sqlite3_bind_int64(s, 1, item);
    if (state) sqlite3_bind_int64(s, 2, state);
    else sqlite3_bind_null(s, 2);
    bind_text_or_null(s, 3, grp);
    sqlite3_bind_text(s, 4, name, -1, SQLITE_TRANSIENT);
    bind_text_or_null(s, 5, note);
    sqlite3_bind_int64(s, 6, imp->source_id);
    hrr_err_t rc = hrr_imp_step(imp, s, &row);
    sqlite3_reset(s);
    if (!rc) r->nsponsors++;
    return rc;
}

/* One sponsor as written, TOK ("Egypt (on behalf of the Group of African
 * States)", "Saudi Arabia and Egypt on behalf of a group of countries"),
 * with EXCEPT ("except Albania and Tunisia", may be ""), the text that
 * followed it after a comma. */
static hrr_err_t sponsor_one(hrr_imp_t *imp, res_t *r, long item, const char *record,
                             const char *date, const char *tok, const char *except)
{
    char written[768];
    hrr_i_sponsor_name_t sn;
    hrr_err_t rc;
    snprintf(written, sizeof written, "%s%s%s", tok, *except ? ", " : "", except);
    hrr_i_sponsor_parse(tok, except, &sn);
    char *who = sn.who, *note = sn.note;
    const char *grp = sn.grp;
    long state;
    if ((rc = sponsor_state(imp, r, who, date, &state))) return rc;
    if (state || grp)
        return sponsor_put(imp, r, item, state, grp, written, *note ? note : NULL);
    /* "Saudi Arabia and Egypt": two states where the whole names none */
    char *and = strstr(who, " and ");
    if (and) {
        long a, b;
        *and = 0;
        if ((rc = sponsor_state(imp, r, who, date, &a)) ||
            (rc = sponsor_state(imp, r, and + 5, date, &b)))
            return rc;
        if (a && b)
            return (rc = sponsor_put(imp, r, item, a, NULL, written, *note ? note : NULL))
                       ? rc
                       : sponsor_put(imp, r, item, b, NULL, written, *note ? note : NULL);
        *and = ' ';
    }
    /* an office, not a state: "President of the Human Rights Council" */
    if (strncasecmp(who, "President of the ", 17) == 0)
        return sponsor_put(imp, r, item, 0, who, written, "the body's President");
    char detail[1024];
    snprintf(detail, sizeof detail, "record %s (line %ld): main_sponsors names '%s', which no"
             " alias resolves to a state", record, imp->line, who);
    return hrr_imp_finding(imp, "unknown-sponsor", item, detail);
}

/* Split main_sponsors S into sponsors: at commas and semicolons outside
 * parentheses, and where a closing parenthesis runs into the next name
 * ("...(on behalf of the European Union)United Kingdom ..."); a piece
 * "except ..." belongs to the one before it. */
static hrr_err_t sponsors_store(hrr_imp_t *imp, res_t *r, long item, const char *record,
                                const char *date, const char *s)
{
    char tok[64][512];
    int nt = 0, depth = 0;
    size_t k = 0;
    for (const char *p = s;; p++) {
        bool end = !*p || ((*p == ',' || *p == ';') && depth == 0);
        bool runon = *p == ')' && depth == 1 && p[1] && p[1] != ',' && p[1] != ' ' &&
                     p[1] != ')' && p[1] != ';';
        if (*p == '(') depth++;
        if (*p == ')' && depth > 0) depth--;
        if (!end && k + 1 < sizeof tok[0]) tok[nt][k++] = *p;
        if (end || runon) {
            tok[nt][k] = 0;
            char *t = tok[nt];
            while (*t == ' ') t++;
            size_t n = strlen(t);
            while (n && t[n - 1] == ' ') t[--n] = 0;
            if (n && nt < 63) {
                memmove(tok[nt], t, n + 1);
                nt++;
            }
            k = 0;
        }
        if (!*p) break;
    }
    hrr_err_t rc;
    sqlite3_bind_int64(r->sdel, 1, item);
    bool row;
    rc = hrr_imp_step(imp, r->sdel, &row);
    sqlite3_reset(r->sdel);
    if (rc) return rc;
    for (int i = 0; i < nt; i++) {
        if (strncasecmp(tok[i], "except ", 7) == 0) continue; /* taken with the one before */
        const char *except = i + 1 < nt && strncasecmp(tok[i + 1], "except ", 7) == 0
                                 ? tok[i + 1] : "";
        if ((rc = sponsor_one(imp, r, item, record, date, tok[i], except))) return rc;
    }
    return HRR_OK;
}

/* The symbol after PREFIX in S ("Amendment X to draft resolution Y ...":
 * after " to draft resolution " Y), into OUT; false if none. */
static bool symbol_after(const char *s, const char *const *prefixes, char *out, size_t n)
{
    for (const char *const *pp = prefixes; *pp; pp++) {
        const char *p = strcasestr(s, *pp);
        if (!p) continue;
        p += strlen(*pp);
        while (*p == ' ') p++;
        size_t k = strcspn(p, " ,;");
        while (k && (p[k - 1] == '.' || p[k - 1] == ')')) k--;
        if (!k || k >= n || (strncmp(p, "A/", 2) != 0 && strncmp(p, "E/", 2) != 0)) continue;
        snprintf(out, n, "%.*s", (int)k, p);
        return true;
    }
    return false;
}

/* The draft column: the draft symbol an item was adopted from (item_refs,
 * source 'ohchr-draft'), and for an amendment the text it amends. */
static hrr_err_t draft_store(hrr_imp_t *imp, res_t *r, long item, const char *kind,
                             const char *d)
{
    static const char *const k_amends[] = {" to draft resolution ", " to draft decision ",
                                           " to the draft resolution ", " to ", NULL};
    static const char *const k_draft[] = {"Draft resolution ", "Draft decision ", NULL};
    char sym[128];
    bool row;
    hrr_err_t rc = HRR_OK;
    if (strncasecmp(d, "Amendment", 9) == 0 || strcmp(kind, "amendment") == 0) {
        if (!symbol_after(d, k_amends, sym, sizeof sym)) return HRR_OK;
        sqlite3_bind_int64(r->amd, 1, item);
        sqlite3_bind_text(r->amd, 2, sym, -1, SQLITE_TRANSIENT);
        rc = hrr_imp_step(imp, r->amd, &row);
        sqlite3_reset(r->amd);
        return rc;
    }
    if (strncasecmp(d, "Draft ", 6) != 0 || !symbol_after(d, k_draft, sym, sizeof sym))
        return HRR_OK;
    sqlite3_bind_text(r->ref, 1, sym, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(r->ref, 2, item);
    rc = hrr_imp_step(imp, r->ref, &row);
    sqlite3_reset(r->ref);
    return rc;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Is BODY|SYMBOL in the file once only? (binary search of the sorted list) */
static bool unique_symbol(const counts_t *c, const char *key)
{
    char *const *hit = bsearch(&key, c->sym, c->n, sizeof *c->sym, cmp_str);
    if (!hit) return true;
    size_t i = (size_t)(hit - c->sym);
    return !((i > 0 && strcmp(c->sym[i - 1], key) == 0) ||
             (i + 1 < c->n && strcmp(c->sym[i + 1], key) == 0));
}

static hrr_err_t res_row(hrr_imp_t *imp, const hrr_csv_row_t *row, void *ud)
{
    res_t *r = ud;
    char **f = row->f;
    const char *body = body_code(f[r->col[R_BODY]]);
    char bs[512];
    if (!body)
        return hrr_imp_fail(imp, HRR_EDATA, "body", "unknown body '%s' (expected Commission"
                            " on Human Rights or Human Rights Council)", f[r->col[R_BODY]]);
    snprintf(bs, sizeof bs, "%s|%s", body, f[r->col[R_SYMBOL]]);
    if (r->scan) {
        if (r->all.n == r->all.cap) {
            size_t cap = r->all.cap ? 2 * r->all.cap : 1024;
            char **p = hrr_i_realloc(hrr_store_ctx(imp->st), r->all.sym, cap * sizeof *p);
            if (!p) return HRR_ENOMEM;
            r->all.sym = p;
            r->all.cap = cap;
        }
        if (!(r->all.sym[r->all.n] = hrr_i_strdup(hrr_store_ctx(imp->st), bs))) return HRR_ENOMEM;
        r->all.n++;
        return HRR_OK;
    }
    const char *id = f[r->col[R_ID]], *symbol = f[r->col[R_SYMBOL]];
    const char *date = f[r->col[R_DATE]], *title = f[r->col[R_TITLE]];
    long v, tally[4];
    bool have[4];
    hrr_err_t rc;
    if (!hrr_i_parse_long(id, &v) || v <= 0)
        return hrr_imp_fail(imp, HRR_EDATA, "record_id", "'%s' is not a record id", id);
    /* ten 1970 Commission decisions have no symbol: keyed by record */
    if (!hrr_i_date_valid(date))
        return hrr_imp_fail(imp, HRR_EDATA, "date", "'%s' is not a date (YYYY-MM-DD)", date);
    for (int i = 0; i < 4; i++)
        if ((rc = parse_count(imp, k_rcols[R_YES + i], f[r->col[R_YES + i]], &tally[i], &have[i])))
            return rc;
    /* a record id names one record */
    sqlite3_bind_int64(r->seen, 1, v);
    int src = sqlite3_step(r->seen);
    sqlite3_reset(r->seen);
    if (src != SQLITE_DONE)
        return src == SQLITE_CONSTRAINT
                   ? hrr_imp_fail(imp, HRR_EDATA, "record_id", "record %s appears twice", id)
                   : hrr_imp_dberr(imp, "checking record ids");

    char key[600], session[32] = "";
    item_key(key, sizeof key, body, symbol, id, unique_symbol(&r->all, bs));
    if (strcmp(body, "HRC") == 0) hrc_session(symbol, session, sizeof session);
    else snprintf(session, sizeof session, "%.4s", date); /* the Commission met once a year */
    const char *kind = item_kind(symbol, title);
    sqlite3_stmt *s = r->up;
    sqlite3_bind_text(s, 1, key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, body, -1, SQLITE_STATIC);
    bind_text_or_null(s, 3, symbol);
    bind_text_or_null(s, 4, session);
    sqlite3_bind_text(s, 5, date, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 6, kind, -1, SQLITE_STATIC);
    bind_text_or_null(s, 7, title);
    bind_text_or_null(s, 8, f[r->col[R_AGENDA]]);
    bind_text_or_null(s, 9, f[r->col[R_SUBJECT]]);
    bind_text_or_null(s, 10, f[r->col[R_SPONSORS]]);
    bind_text_or_null(s, 11, f[r->col[R_VTYPE]]);
    for (int i = 0; i < 4; i++) {
        if (have[i]) sqlite3_bind_int64(s, 12 + i, tally[i]);
        else sqlite3_bind_null(s, 12 + i);
    }
    bind_text_or_null(s, 16, outcome(f[r->col[R_VTYPE]], kind));
    sqlite3_bind_int64(s, 17, imp->source_id);
    src = sqlite3_step(s);
    sqlite3_reset(s);
    if (src != SQLITE_DONE) return hrr_imp_dberr(imp, "storing an item");
    const char *spons = f[r->col[R_SPONSORS]];
    const char *draft = r->draft >= 0 ? f[r->draft] : "";
    if (*spons || *draft) {
        bool got;
        long item = 0;
        sqlite3_bind_text(r->iid, 1, key, -1, SQLITE_TRANSIENT);
        rc = hrr_imp_step(imp, r->iid, &got);
        if (!rc && got) item = (long)sqlite3_column_int64(r->iid, 0);
        sqlite3_reset(r->iid);
        if (rc) return rc;
        if (item && *spons && (rc = sponsors_store(imp, r, item, id, date, spons))) return rc;
        if (item && *draft && (rc = draft_store(imp, r, item, kind, draft))) return rc;
    }
    if (*session) {
        sqlite3_bind_text(r->ses, 1, body, -1, SQLITE_STATIC);
        sqlite3_bind_text(r->ses, 2, session, -1, SQLITE_TRANSIENT);
        src = sqlite3_step(r->ses);
        sqlite3_reset(r->ses);
        if (src != SQLITE_DONE) return hrr_imp_dberr(imp, "storing a session");
    }
    imp->rows++;
    return HRR_OK;
}

static hrr_err_t import_resolutions(hrr_imp_t *imp)
{
    res_t r = {.scan = true};
    hrr_err_t rc;
    /* first pass: which symbols repeat within a body */
    if ((rc = hrr_imp_csv(imp, ',', res_header, res_row, &r))) goto out;
    if (r.all.n) qsort(r.all.sym, r.all.n, sizeof *r.all.sym, cmp_str);
    for (size_t i = 0; i < imp->nhdr; i++) hrr_i_free(hrr_store_ctx(imp->st), imp->hdr[i]);
    hrr_i_free(hrr_store_ctx(imp->st), imp->hdr);
    imp->hdr = NULL;
    imp->nhdr = 0;
    r.scan = false;
    if ((rc = hrr_imp_prepare(imp,
            "INSERT INTO items(key,body,symbol,session,date,kind,title,agenda_item,subject,"
            "sponsors,vote_type,yes,no,abstain,nonvoting,outcome,source_id)"
            " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT(key) DO UPDATE SET"
            " session=coalesce(session,excluded.session), date=coalesce(date,excluded.date),"
            " title=coalesce(title,excluded.title),"
            " agenda_item=coalesce(agenda_item,excluded.agenda_item),"
            " subject=coalesce(subject,excluded.subject),"
            " sponsors=coalesce(sponsors,excluded.sponsors),"
            " vote_type=coalesce(vote_type,excluded.vote_type),"
            " yes=coalesce(yes,excluded.yes), no=coalesce(no,excluded.no),"
            " abstain=coalesce(abstain,excluded.abstain),"
            " nonvoting=coalesce(nonvoting,excluded.nonvoting),"
            " outcome=coalesce(outcome,excluded.outcome)", &r.up)) ||
        (rc = hrr_imp_prepare(imp,
            "INSERT INTO sessions(body,session) VALUES(?,?) ON CONFLICT DO NOTHING", &r.ses)) ||
        (rc = hrr_i_exec(imp->st, "CREATE TEMP TABLE IF NOT EXISTS ohchr_seen(id INTEGER PRIMARY KEY);"
                                  "DELETE FROM ohchr_seen")) ||
        (rc = hrr_imp_prepare(imp, "INSERT INTO ohchr_seen(id) VALUES(?)", &r.seen)) ||
        (rc = hrr_imp_prepare(imp, "SELECT id FROM items WHERE key=?", &r.iid)) ||
        (rc = hrr_imp_prepare(imp,
            "DELETE FROM sponsors WHERE item_id=?1 AND source_id IN"
            " (SELECT id FROM imports WHERE format='ohchr-resolutions')", &r.sdel)) ||
        (rc = hrr_imp_prepare(imp,
            "INSERT INTO sponsors(item_id,state_id,grp,role,name,note,source_id,source)"
            " VALUES(?1,?2,?3,'main',?4,?5,?6,'ohchr-voting/resolutions.csv main_sponsors')",
            &r.sins)) ||
        (rc = hrr_imp_prepare(imp,
            "SELECT DISTINCT a.state_id FROM state_aliases a JOIN states s ON s.id=a.state_id"
            " WHERE a.kind='name' AND a.alias=?1"
            " AND (a.from_date IS NULL OR a.from_date<=?2) AND (a.to_date IS NULL OR a.to_date>?2)"
            " AND (s.start_date IS NULL OR s.start_date<=?2) AND (s.end_date IS NULL OR s.end_date>?2)",
            &r.who)) ||
        (rc = hrr_imp_prepare(imp,
            "INSERT INTO item_refs(source,ref,item_id) VALUES('ohchr-draft',?,?)"
            " ON CONFLICT DO NOTHING", &r.ref)) ||
        (rc = hrr_i_exec(imp->st, "CREATE TEMP TABLE IF NOT EXISTS ohchr_amends("
                                  "item_id INTEGER PRIMARY KEY, target TEXT NOT NULL);"
                                  "DELETE FROM ohchr_amends")) ||
        (rc = hrr_imp_prepare(imp, "INSERT OR REPLACE INTO ohchr_amends(item_id,target) VALUES(?,?)",
                              &r.amd)))
        goto out;
    if ((rc = hrr_imp_csv(imp, ',', res_header, res_row, &r))) goto out;
    /* amendments to the texts they amend: by symbol in the same body, else
     * by the draft symbol the records carry (the amended draft itself, or
     * the resolution adopted from it; the draft as revised, "/Rev.N", where
 * the amendment names the text before revision) */
    /* Each amendment's lookups are index searches: its target by symbol
     * (items_symbol; "+t.body" keeps the planner off items_body_date, which
     * walked every item of the body for each amendment), and by ref in a copy
     * of item_refs keyed by ref (item_refs is keyed by source first), the
     * revised draft as the range of refs that begin TARGET/Rev.: 0.39 s of
     * this file's import before, a few ms now. */
    rc = hrr_i_exec(imp->st,
        "DROP TABLE IF EXISTS temp.ohchr_refs;"
        "CREATE TEMP TABLE ohchr_refs(ref TEXT NOT NULL, item_id INTEGER NOT NULL);"
        "INSERT INTO ohchr_refs SELECT ref, item_id FROM item_refs;"
        "CREATE INDEX temp.ohchr_refs_ref ON ohchr_refs(ref);"
        "UPDATE items SET amends_id = (SELECT coalesce("
        "  (SELECT t.id FROM items t WHERE t.symbol = m.target AND +t.body = items.body"
        "   AND t.id <> items.id ORDER BY t.date LIMIT 1),"
        "  (SELECT f.item_id FROM ohchr_refs f WHERE f.ref = m.target LIMIT 1),"
        "  (SELECT f.item_id FROM ohchr_refs f WHERE f.ref >= m.target || '/Rev.'"
        "   AND f.ref < m.target || '/Rev/' ORDER BY f.ref DESC LIMIT 1))"
        "  FROM ohchr_amends m WHERE m.item_id = items.id)"
        " WHERE amends_id IS NULL AND id IN (SELECT item_id FROM ohchr_amends);"
        "DROP TABLE temp.ohchr_refs");
out:
    sqlite3_finalize(r.up);
    sqlite3_finalize(r.ses);
    sqlite3_finalize(r.seen);
    sqlite3_finalize(r.iid);
    sqlite3_finalize(r.sdel);
    sqlite3_finalize(r.sins);
    sqlite3_finalize(r.who);
    sqlite3_finalize(r.ref);
    sqlite3_finalize(r.amd);
    for (size_t i = 0; i < r.all.n; i++) hrr_i_free(hrr_store_ctx(imp->st), r.all.sym[i]);
    hrr_i_free(hrr_store_ctx(imp->st), r.all.sym);
    return rc;
}

static bool detect_resolutions(const char *path, const char *head)
{
    (void)path;
    return strncmp(head, "record_id,symbol,title,statement,date,year,body,", 48) == 0;
}

const hrr_format_t hrr_fmt_ohchr_resolutions = {
    "ohchr-resolutions", 30, detect_resolutions, import_resolutions, NULL,
};

/* -------------------------------------------------------- votes_long.csv */

enum { V_ID, V_SYMBOL, V_DATE, V_BODY, V_ISO3, V_VOTE, V_N };
static const char *const k_vcols[V_N] = {"record_id", "symbol", "date", "body", "iso3", "vote"};

typedef struct votes {
    int col[V_N];          /* column indexes */
    sqlite3_stmt *item;    /* key -> id, symbol, date */
    /* the last row's record and symbol, and the item they named: a record's
     * rows come together, so its item is looked up once, not per ballot */
    char last_key[128], last_sym[128], last_date[16];
    long last_item;
} votes_t;

static hrr_err_t votes_header(hrr_imp_t *imp, const hrr_csv_row_t *row, void *ud)
{
    votes_t *v = ud;
    hrr_err_t rc;
    (void)row;
    if ((rc = hrr_imp_need_all(imp, k_vcols, V_N, v->col))) return rc;
    return hrr_imp_prepare(imp, "SELECT id, date FROM items WHERE key=? OR key=? ORDER BY key=? DESC",
                           &v->item);
}

/* Y yes, N no, A abstain, '.' absent or not participating, '-' a member
 * listed with no vote (blank in the source): both stored as absent. */
static int vote_code(const char *s)
{
    if (strcmp(s, "Y") == 0) return 1;
    if (strcmp(s, "N") == 0) return 2;
    if (strcmp(s, "A") == 0) return 3;
    if (strcmp(s, ".") == 0 || strcmp(s, "-") == 0) return 4;
    return 0;
}

/* The item of record key RKEY, else of symbol SYM, into *ITEM (0: none)
 * and its date into IDATE; remembered in V for the record's next rows. */
static hrr_err_t votes_item(hrr_imp_t *imp, votes_t *v, const char *rkey, const char *sym,
                            long *item, char idate[16])
{
    bool found;
    sqlite3_bind_text(v->item, 1, rkey, -1, SQLITE_STATIC);
    sqlite3_bind_text(v->item, 2, sym, -1, SQLITE_STATIC);
    sqlite3_bind_text(v->item, 3, rkey, -1, SQLITE_STATIC);
    hrr_err_t rc = hrr_imp_step(imp, v->item, &found);
    if (found) {
        *item = (long)sqlite3_column_int64(v->item, 0);
        if (sqlite3_column_text(v->item, 1))
            snprintf(idate, 16, "%s", (const char *)sqlite3_column_text(v->item, 1));
    }
    sqlite3_reset(v->item);
    v->last_item = 0;
    if (rc || !*item || strlen(sym) >= sizeof v->last_sym) return rc;
    snprintf(v->last_key, sizeof v->last_key, "%s", rkey);
    snprintf(v->last_sym, sizeof v->last_sym, "%s", sym);
    memcpy(v->last_date, idate, sizeof v->last_date);
    v->last_item = *item;
    return HRR_OK;
}

static hrr_err_t votes_row(hrr_imp_t *imp, const hrr_csv_row_t *row, void *ud)
{
    votes_t *v = ud;
    char **f = row->f;
    const char *body = body_code(f[v->col[V_BODY]]);
    const char *date = f[v->col[V_DATE]], *iso3 = f[v->col[V_ISO3]];
    int vote = vote_code(f[v->col[V_VOTE]]);
    hrr_err_t rc;
    if (!body)
        return hrr_imp_fail(imp, HRR_EDATA, "body", "unknown body '%s' (expected CHR or HRC)",
                            f[v->col[V_BODY]]);
    if (!hrr_i_date_valid(date))
        return hrr_imp_fail(imp, HRR_EDATA, "date", "'%s' is not a date (YYYY-MM-DD)", date);
    if (!vote)
        return hrr_imp_fail(imp, HRR_EDATA, "vote", "unknown vote code '%s' (expected Y, N, A, . or -)",
                            f[v->col[V_VOTE]]);
    /* the item: by its record key, else by its symbol */
    char rkey[128];
    snprintf(rkey, sizeof rkey, "%s:record:%s", body, f[v->col[V_ID]]);
    long item = 0;
    char idate[16] = "";
    if (v->last_item && strcmp(rkey, v->last_key) == 0 &&
        strcmp(f[v->col[V_SYMBOL]], v->last_sym) == 0) {
        item = v->last_item;
        memcpy(idate, v->last_date, sizeof idate);
    } else if ((rc = votes_item(imp, v, rkey, f[v->col[V_SYMBOL]], &item, idate))) {
        return rc;
    }
    if (!item)
        return hrr_imp_fail(imp, HRR_EDATA, "record_id",
                            "record %s (%s) is not an item in the store: import"
                            " resolutions.csv first", f[v->col[V_ID]], f[v->col[V_SYMBOL]]);
    if (strcmp(idate, date) != 0)
        return hrr_imp_fail(imp, HRR_EDATA, "date", "%s, but the item %s is dated %s", date,
                            f[v->col[V_SYMBOL]], idate);
    long state;
    if ((rc = hrr_imp_state(imp, "iso3", "iso3", iso3, date, &state))) return rc;
    hrr_ballot_put_t put;
    int old;
    if ((rc = hrr_imp_ballot(imp, item, state, vote, iso3, &put, &old))) return rc;
    if (put == HRR_BALLOT_REPEAT) {
        if (old != vote)
            return hrr_imp_fail(imp, HRR_EDATA, "iso3",
                                "duplicate ballot: %s already voted %s on record %s in this file",
                                iso3, hrr_vote_name(old), f[v->col[V_ID]]);
        /* the same row twice: loaded once, and said */
        char detail[160];
        snprintf(detail, sizeof detail, "%s's ballot (%s) appears twice in %s (line %ld)",
                 iso3, hrr_vote_name(vote), imp->fmt->name, imp->line);
        if ((rc = hrr_imp_finding(imp, "duplicate-ballot", item, detail))) return rc;
    }
    imp->rows++;
    return HRR_OK;
}

static hrr_err_t import_votes(hrr_imp_t *imp)
{
    votes_t v;
    memset(&v, 0, sizeof v);
    hrr_err_t rc = hrr_imp_csv(imp, ',', votes_header, votes_row, &v);
    sqlite3_finalize(v.item);
    /* the Council votes these records miss (data/votes/: A/HRC/51/L.6) */
    if (!rc) rc = hrr_i_votes_missing(imp->st);
    return rc;
}

static bool detect_votes(const char *path, const char *head)
{
    (void)path;
    return strncmp(head, "record_id,symbol,date,year,body,iso3,", 37) == 0;
}

const hrr_format_t hrr_fmt_ohchr_votes = {
    "ohchr-votes", 31, detect_votes, import_votes, NULL,
};
