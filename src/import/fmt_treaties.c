/*
 * fmt_treaties.c - treaties/hr_status_<instrument>.csv: each UN member
 * state's status under one of the 18 core human rights instruments (UN
 * Treaty Collection, c. mid-2022; year of ratification or accession only).
 * The instrument is the file name's <instrument>; the instruments themselves
 * (name, kind, parent, monitoring body, mechanism, adoption, source) come
 * from the project's data/instruments.csv, seeded into the store when the
 * first status file is imported. Each row is checked: the three 0/1 dummies
 * must agree with the status column, a party needs a year in 1966..2022, and
 * a non-party has none. The upstream files contain eleven rows where they do
 * not agree; each is listed below with the decision taken, and applying one
 * records a finding. Any other disagreement is an error. docs/import-misc.md.
 */
#include "import.h"

#include <stdio.h>
#include <string.h>

enum { YEAR_MIN = 1966, YEAR_MAX = 2022 };

/* Known inconsistent upstream rows (world-politics-datalab, commit fdb779e).
 * SEEN is the row as the file has it: "state party|year|signatory|no
 * action|status". The row is stored with STATUS, and the file's year when
 * KEEP_YEAR (else no year). Applied only when the row is exactly SEEN. */
static const struct {
    const char *instrument;   /* file's instrument code */
    const char *iso2;         /* the state */
    const char *seen;         /* the inconsistent fields, as in the file */
    const char *status;       /* party / signatory / none: what is stored */
    bool keep_year;           /* store the file's year */
    const char *why;          /* the decision, for the finding */
} k_errata[] = {
    {"cat", "TZ", "0||0|0|no action", "none", false,
     "all three dummies are 0; the status column (no action) is taken"},
    {"crc", "KP", "1|1990|0|1|state party", "party", true,
     "'no action' is 1 beside a party with a year; taken as party (DPRK ratified the CRC in 1990)"},
    {"iccpr_op1", "JM", "1|1975|0|1|state party", "none", false,
     "ratified 1975 but denounced in 1997 (the row's note), so not a party; the 'no action' dummy says so"},
    {"iccpr_op1", "KZ", "0|2009|0|0|state party", "party", true,
     "the 'state party' dummy is 0 beside status and year; taken as party (2009)"},
    {"icerd", "BN", "1|1969|0|1|state party", "party", true,
     "'no action' is 1 beside a party; the status column is taken (the note ties Brunei to the UK's 1969 ratification)"},
    {"icerd", "GA", "1|1980|||state party", "party", true,
     "the signatory and no-action dummies are empty; the status column is taken"},
    {"icescr", "MD", "0|1993|0|0|state party", "party", true,
     "the 'state party' dummy is 0 beside status and year; taken as party (1993)"},
    {"op_cedaw", "ZW", "0||0|0|state party", "none", false,
     "status says party but there is no year and every dummy is 0; not taken as a party"},
    {"op_crc_ic", "BE", "0|2014|0|0|state party", "party", true,
     "the 'state party' dummy is 0 beside status and year; taken as party"},
    {"op_crc_ic", "BR", "0|2017|0|0|state party", "party", true,
     "the 'state party' dummy is 0 beside status and year; taken as party"},
    {"op_crc_ic", "EC", "0|2018|0|0|state party", "party", true,
     "the 'state party' dummy is 0 beside status and year; taken as party"},
};

/* Rows whose state code is wrong upstream: ISO2 written ISO2 for MEMBER is
 * read as FIXED, or, when FIXED is NULL, the row is not a state's and is
 * skipped (a finding either way). */
static const struct {
    const char *instrument;   /* file's instrument code */
    const char *iso2;         /* the code as written */
    const char *member;       /* the member column, as written */
    const char *fixed;        /* the code meant, or NULL: not a state */
    const char *why;          /* the decision, for the finding */
} k_codes[] = {
    {"op_crc_ic", "S", "South Sudan", "SS",
     "'S' is South Sudan's code truncated (SS in the other 17 files)"},
    {"op_crc_ic", "MS", "Montserrat", NULL,
     "Montserrat is a British territory, not a UN member state (the other 17 files have"
     " Gabon in its place, which this file lacks); row not loaded"},
};

typedef struct tr {
    char instrument[32];          /* from the file name */
    int c_iso2, c_member, c_party, c_year, c_sig, c_none, c_status, c_note; /* columns */
    sqlite3_stmt *ins;            /* ratification insert */
    sqlite3_stmt *old;            /* an existing ratification */
} tr_t;

/* The instrument code in a file name "hr_status_<code>.csv", or false. */
static bool instrument_of(const char *path, char *code, size_t cap)
{
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    size_t n = strlen(b);
    if (strncmp(b, "hr_status_", 10) != 0 || n <= 14 || strcmp(b + n - 4, ".csv") != 0)
        return false;
    n -= 14;
    if (n >= cap) return false;
    memcpy(code, b + 10, n);
    code[n] = 0;
    return true;
}

static bool detect(const char *path, const char *head)
{
    static const char k_head[] = "iso2,member,state party,year ratification or"
                                 " accession,signatory,no action,status";
    char code[32];
    return instrument_of(path, code, sizeof code) &&
           strncmp(head, k_head, sizeof k_head - 1) == 0;
}

/* ------------------------------------------------- seeding instruments */

typedef struct seedctx {
    hrr_imp_t *imp;       /* the import */
    sqlite3_stmt *ins;    /* instrument insert */
} seedctx_t;

static hrr_err_t seed_row(void *ud, const hrr_csv_row_t *row)
{
    seedctx_t *s = ud;
    if (row->line == 1) return HRR_OK;
    if (row->n != 8)
        return hrr_i_seterr(s->imp->st, HRR_EINVAL,
                            "data/instruments.csv:%ld: expected 8 fields", row->line);
    for (int i = 0; i < 8; i++) {
        if (*row->f[i]) sqlite3_bind_text(s->ins, i + 1, row->f[i], -1, SQLITE_STATIC);
        else sqlite3_bind_null(s->ins, i + 1);
    }
    int rc = sqlite3_step(s->ins);
    sqlite3_reset(s->ins);
    return rc == SQLITE_DONE ? HRR_OK : hrr_imp_dberr(s->imp, "seeding instruments");
}

/* Insert the 18 instruments of data/instruments.csv (no-op when present). */
static hrr_err_t seed_instruments(hrr_imp_t *imp)
{
    const hrr_i_resource_t *r = hrr_i_resource("data/instruments.csv");
    seedctx_t s = {imp, NULL};
    long line = 0;
    hrr_err_t rc;
    if (!r) return hrr_i_seterr(imp->st, HRR_EINVAL, "missing resource data/instruments.csv");
    if ((rc = hrr_imp_prepare(imp,
            "INSERT INTO instruments(code,name,kind,parent,monitoring_body,mechanism,"
            "adopted,source) VALUES(?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING", &s.ins)))
        return rc;
    rc = hrr_i_csv_parse(hrr_store_ctx(imp->st), r->data, r->len, ',', seed_row, &s, &line);
    if (rc == HRR_EDATA && line)
        rc = hrr_i_seterr(imp->st, HRR_EINVAL, "data/instruments.csv:%ld: malformed CSV", line);
    sqlite3_finalize(s.ins);
    return rc;
}

/* ------------------------------------------------------------- rows */

static hrr_err_t header(hrr_imp_t *imp, const hrr_csv_row_t *row, void *ud)
{
    tr_t *t = ud;
    hrr_err_t rc;
    (void)row;
    const hrr_imp_colspec_t cols[] = {
        HRR_COL("iso2", &t->c_iso2), HRR_COL("member", &t->c_member), HRR_COL("state party", &t->c_party),
        HRR_COL("year ratification or accession", &t->c_year), HRR_COL("signatory", &t->c_sig),
        HRR_COL("no action", &t->c_none), HRR_COL("status", &t->c_status),
    };
    if ((rc = hrr_imp_cols(imp, cols, HRR_IMP_NCOLS(cols))))
        return rc;
    const hrr_imp_colspec_t note = {"note", &t->c_note, true, NULL};
    if ((rc = hrr_imp_cols(imp, &note, 1))) return rc;
    if ((rc = hrr_imp_prepare(imp,
            "INSERT INTO ratifications(state_id,instrument,status,year,note,source_id)"
            " VALUES(?,?,?,?,?,?) ON CONFLICT DO NOTHING", &t->ins)))
        return rc;
    return hrr_imp_prepare(imp,
        "SELECT status, year, source_id FROM ratifications WHERE state_id=? AND instrument=?",
        &t->old);
}

/* Check the row as the file states it. On a disagreement, return an error
 * naming the first field at fault (the caller looks for an erratum first). */
static hrr_err_t check(hrr_imp_t *imp, const tr_t *t, const hrr_csv_row_t *r,
                       const char *status, long *year)
{
    static const char *const cols[3] = {"state party", "signatory", "no action"};
    const int idx[3] = {t->c_party, t->c_sig, t->c_none};
    const int want[3] = {strcmp(status, "party") == 0, strcmp(status, "signatory") == 0,
                         strcmp(status, "none") == 0};
    for (int i = 0; i < 3; i++) {
        const char *v = r->f[idx[i]];
        if (strcmp(v, "0") != 0 && strcmp(v, "1") != 0)
            return hrr_imp_fail(imp, HRR_EDATA, cols[i], "'%s' is not 0 or 1", v);
        if ((v[0] == '1') != want[i])
            return hrr_imp_fail(imp, HRR_EDATA, cols[i], "%s disagrees with status '%s'",
                                v, r->f[t->c_status]);
    }
    const char *y = r->f[t->c_year];
    *year = 0;
    if (want[0]) {
        if (!*y)
            return hrr_imp_fail(imp, HRR_EDATA, "year ratification or accession",
                                "a state party needs the year of ratification or accession");
        if (!hrr_i_parse_long(y, year) || *year < YEAR_MIN || *year > YEAR_MAX)
            return hrr_imp_fail(imp, HRR_EDATA, "year ratification or accession",
                                "'%s' is not a year in %d..%d", y, YEAR_MIN, YEAR_MAX);
    } else if (*y) {
        return hrr_imp_fail(imp, HRR_EDATA, "year ratification or accession",
                            "year '%s' given for status '%s' (only parties have one)",
                            y, r->f[t->c_status]);
    }
    return HRR_OK;
}

static hrr_err_t row(hrr_imp_t *imp, const hrr_csv_row_t *r, void *ud)
{
    tr_t *t = ud;
    const char *iso2 = r->f[t->c_iso2], *st = r->f[t->c_status];
    const char *status;
    long id, year = 0;
    hrr_err_t rc;

    if (strcmp(st, "state party") == 0) status = "party";
    else if (strcmp(st, "signatory state") == 0) status = "signatory";
    else if (strcmp(st, "no action") == 0) status = "none";
    else
        return hrr_imp_fail(imp, HRR_EDATA, "status",
                            "unknown status '%s' (expected 'state party', 'signatory"
                            " state' or 'no action')", st);
    for (size_t i = 0; i < sizeof k_codes / sizeof *k_codes; i++) {
        if (strcmp(k_codes[i].instrument, t->instrument) != 0 ||
            strcmp(k_codes[i].iso2, iso2) != 0 || strcmp(k_codes[i].member, r->f[t->c_member]) != 0)
            continue;
        char *d = hrr_i_printf(hrr_store_ctx(imp->st), "%s:%ld: %s %s (%s): %s", imp->path, imp->line, t->instrument,
                               iso2, k_codes[i].member, k_codes[i].why);
        if (!d) return HRR_ENOMEM;
        rc = hrr_imp_finding(imp, "treaty-status-erratum", 0, d);
        hrr_i_free(hrr_store_ctx(imp->st), d);
        if (rc) return rc;
        if (!k_codes[i].fixed) return HRR_OK;
        iso2 = k_codes[i].fixed;
        break;
    }
    if ((rc = hrr_imp_state(imp, "iso2", "iso2", iso2, HRR_PRESENT, &id))) return rc;

    if ((rc = check(imp, t, r, status, &year))) {
        if (rc != HRR_EDATA) return rc;
        char seen[160];
        snprintf(seen, sizeof seen, "%s|%s|%s|%s|%s", r->f[t->c_party], r->f[t->c_year],
                 r->f[t->c_sig], r->f[t->c_none], st);
        size_t i, n = sizeof k_errata / sizeof *k_errata;
        for (i = 0; i < n; i++)
            if (strcmp(k_errata[i].instrument, t->instrument) == 0 &&
                strcmp(k_errata[i].iso2, iso2) == 0 && strcmp(k_errata[i].seen, seen) == 0)
                break;
        if (i == n) return rc; /* the message names line and field */
        status = k_errata[i].status;
        year = 0;
        if (k_errata[i].keep_year) hrr_i_parse_long(r->f[t->c_year], &year);
        char *d = hrr_i_printf(hrr_store_ctx(imp->st), "%s:%ld: %s %s: row '%s' is inconsistent; stored as %s%s: %s",
                               imp->path, imp->line, t->instrument, iso2, seen, status,
                               year ? "" : " without a year", k_errata[i].why);
        if (!d) return HRR_ENOMEM;
        rc = hrr_imp_finding(imp, "treaty-status-erratum", 0, d);
        hrr_i_free(hrr_store_ctx(imp->st), d);
        if (rc) return rc;
    }

    const char *note = t->c_note >= 0 ? r->f[t->c_note] : "";
    sqlite3_bind_int64(t->ins, 1, id);
    sqlite3_bind_text(t->ins, 2, t->instrument, -1, SQLITE_STATIC);
    sqlite3_bind_text(t->ins, 3, status, -1, SQLITE_STATIC);
    if (year) sqlite3_bind_int64(t->ins, 4, year);
    else sqlite3_bind_null(t->ins, 4);
    if (*note) sqlite3_bind_text(t->ins, 5, note, -1, SQLITE_STATIC);
    else sqlite3_bind_null(t->ins, 5);
    sqlite3_bind_int64(t->ins, 6, imp->source_id);
    int src = sqlite3_step(t->ins);
    sqlite3_reset(t->ins);
    if (src != SQLITE_DONE) return hrr_imp_dberr(imp, "inserting a ratification");
    if (sqlite3_changes(imp->db) == 0) {
        /* already stored: twice in this file is an error; from another
         * source, keep the first and record a disagreement */
        sqlite3_bind_int64(t->old, 1, id);
        sqlite3_bind_text(t->old, 2, t->instrument, -1, SQLITE_STATIC);
        if (sqlite3_step(t->old) != SQLITE_ROW) {
            sqlite3_reset(t->old);
            return hrr_imp_dberr(imp, "reading a ratification");
        }
        char ostatus[16];
        snprintf(ostatus, sizeof ostatus, "%s", (const char *)sqlite3_column_text(t->old, 0));
        long oyear = (long)sqlite3_column_int64(t->old, 1);
        long osrc = (long)sqlite3_column_int64(t->old, 2);
        sqlite3_reset(t->old);
        if (osrc == imp->source_id)
            return hrr_imp_fail(imp, HRR_EDATA, "iso2",
                                "duplicate row: %s appears twice in this file", iso2);
        if (strcmp(ostatus, status) != 0 || oyear != year) {
            char *d = hrr_i_printf(hrr_store_ctx(imp->st), "%s:%ld: %s %s: this file says %s %ld, the store"
                                   " (import %ld) says %s %ld; first kept",
                                   imp->path, imp->line, t->instrument, iso2, status,
                                   year, osrc, ostatus, oyear);
            if (!d) return HRR_ENOMEM;
            rc = hrr_imp_finding(imp, "sources-disagree", 0, d);
            hrr_i_free(hrr_store_ctx(imp->st), d);
            if (rc) return rc;
        }
    }
    imp->rows++;
    return HRR_OK;
}

static hrr_err_t import(hrr_imp_t *imp)
{
    tr_t t;
    hrr_err_t rc;
    sqlite3_stmt *s = NULL;
    memset(&t, 0, sizeof t);
    if (!instrument_of(imp->path, t.instrument, sizeof t.instrument))
        return hrr_imp_fail(imp, HRR_EDATA, NULL,
                            "the file name must be hr_status_<instrument>.csv"
                            " (instrument codes in data/instruments.csv)");
    if ((rc = seed_instruments(imp))) return rc;
    if ((rc = hrr_imp_prepare(imp, "SELECT 1 FROM instruments WHERE code=?", &s))) return rc;
    sqlite3_bind_text(s, 1, t.instrument, -1, SQLITE_STATIC);
    bool known;
    rc = hrr_imp_step(imp, s, &known);
    sqlite3_finalize(s);
    if (rc) return rc;
    if (!known)
        return hrr_imp_fail(imp, HRR_EDATA, NULL,
                            "unknown instrument '%s' in the file name (codes in"
                            " data/instruments.csv: cat, cedaw, iccpr, ...)", t.instrument);
    rc = hrr_imp_csv(imp, ',', header, row, &t);
    sqlite3_finalize(t.ins);
    sqlite3_finalize(t.old);
    return rc;
}

const hrr_format_t hrr_fmt_treaty_status = {
    "treaty-status", 50, detect, import, NULL,
};
