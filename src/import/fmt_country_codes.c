/*
 * fmt_country_codes.c - countries/country-codes.csv (datasets/country-codes:
 * ISO 3166-1 alpha-2/alpha-3/numeric, M49, UNTERM and CLDR names). For every
 * row whose ISO3 is a state hrr knows (data/states.csv), the importer checks
 * that the file's ISO2 and M49 agree with the project's, and adds the names
 * the file gives (English, French, Spanish) as "name" aliases, so that other
 * sources that spell states that way resolve. Rows for territories and areas
 * that are not states in hrr (Aruba, Hong Kong...) are validated, counted and
 * reported in one finding, not loaded. docs/import-misc.md.
 */
#include "import.h"

#include <stdio.h>
#include <string.h>

/* The name columns turned into aliases; the French and Spanish short names
 * carry their article in parentheses ("Afghanistan (l')"), dropped first. */
static const struct {
    const char *col;    /* header column */
    bool required;      /* the header must have it */
} k_names[] = {
    {"UNTERM English Short", true}, {"UNTERM English Formal", true},
    {"official_name_en", true},     {"CLDR display name", true},
    {"UNTERM French Short", false}, {"UNTERM Spanish Short", false},
    {"official_name_fr", false},    {"official_name_es", false},
};
enum { N_NAMES = sizeof k_names / sizeof *k_names };

typedef struct cc {
    int c_iso3, c_iso2, c_num, c_m49;  /* code columns */
    int c_name[N_NAMES];               /* name columns (-1: absent) */
    sqlite3_stmt *state;    /* iso2, m49 of a state id */
    sqlite3_stmt *find;     /* states an alias already names */
    sqlite3_stmt *ins;      /* alias insert */
    hrr_sbuf_t seen;        /* ",AFG,ALB," ISO3 codes seen so far */
    hrr_sbuf_t terr;        /* territories, "ALA, ASM" */
    long nterr;             /* how many */
    long nalias;            /* aliases added */
} cc_t;

static bool detect(const char *path, const char *head)
{
    (void)path;
    static const char *const w[] = {"ISO3166-1-Alpha-3", "UNTERM English Short", "M49"};
    return hrr_i_first_line_has(head, 1024, w, 3);
}

static hrr_err_t header(hrr_imp_t *imp, const hrr_csv_row_t *row, void *ud)
{
    cc_t *c = ud;
    hrr_err_t rc;
    (void)row;
    const hrr_imp_colspec_t cols[] = {
        HRR_COL("ISO3166-1-Alpha-3", &c->c_iso3), HRR_COL("ISO3166-1-Alpha-2", &c->c_iso2),
        HRR_COL("ISO3166-1-numeric", &c->c_num), HRR_COL("M49", &c->c_m49),
    };
    if ((rc = hrr_imp_cols(imp, cols, HRR_IMP_NCOLS(cols))))
        return rc;
    for (int i = 0; i < N_NAMES; i++) {
        hrr_imp_colspec_t name = {k_names[i].col, &c->c_name[i], !k_names[i].required, NULL};
        if ((rc = hrr_imp_cols(imp, &name, 1))) return rc;
    }
    if ((rc = hrr_imp_prepare(imp, "SELECT iso2, m49 FROM states WHERE id=?", &c->state)) ||
        (rc = hrr_imp_prepare(imp,
            "SELECT state_id FROM state_aliases WHERE kind='name' AND alias=?", &c->find)) ||
        (rc = hrr_imp_prepare(imp,
            "INSERT INTO state_aliases(kind,alias,state_id,from_date,to_date,source)"
            " VALUES('name',?,?,NULL,NULL,?) ON CONFLICT DO NOTHING", &c->ins)))
        return rc;
    return hrr_sbuf_add(hrr_store_ctx(imp->st), &c->seen, ",", 1);
}

static bool all_upper(const char *s, size_t n)
{
    if (strlen(s) != n) return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < 'A' || s[i] > 'Z') return false;
    return true;
}

/* A numeric code 1..999 (ISO 3166-1 numeric, M49), into *OUT. */
static hrr_err_t code_num(hrr_imp_t *imp, const char *field, const char *s, long *out)
{
    if (!hrr_i_parse_long(s, out) || *out < 1 || *out > 999)
        return hrr_imp_fail(imp, HRR_EDATA, field,
                            "'%s' is not a numeric country code (1-999)", s);
    return HRR_OK;
}

/* Copy NAME into OUT without a trailing article in parentheses, as UNTERM
 * writes French and Spanish short names: "Afghanistan (l')", "Chad (el)". */
static void drop_article(const char *name, char *out, size_t cap)
{
    static const char *const arts[] = {"(l')", "(l\xe2\x80\x99)", "(le)", "(la)",
                                       "(les)", "(el)", "(los)", "(las)"};
    snprintf(out, cap, "%s", name);
    size_t n = strlen(out);
    for (size_t i = 0; i < sizeof arts / sizeof *arts; i++) {
        size_t k = strlen(arts[i]);
        if (n > k && strcmp(out + n - k, arts[i]) == 0) {
            out[n - k] = 0;
            return;
        }
    }
}

/* Add NAME as an alias of state ID unless it already names that state; if it
 * names only other states, record a finding and leave it (the project's own
 * alias files decide). */
static hrr_err_t add_name(hrr_imp_t *imp, cc_t *c, const char *iso3, long id,
                          const char *col, const char *name)
{
    char plain[512], norm[512];
    hrr_err_t rc = HRR_OK;
    drop_article(name, plain, sizeof plain);
    hrr_i_name_norm(plain, norm, sizeof norm);
    if (!*norm) return HRR_OK;
    bool same = false, other = false;
    sqlite3_bind_text(c->find, 1, norm, -1, SQLITE_STATIC);
    bool row;
    while (!(rc = hrr_imp_step(imp, c->find, &row)) && row) {
        if (sqlite3_column_int64(c->find, 0) == id) same = true;
        else other = true;
    }
    sqlite3_reset(c->find);
    if (rc) return rc;
    if (same) return HRR_OK;
    if (other) {
        char *d = hrr_i_printf(hrr_store_ctx(imp->st), "%s:%ld: name '%s' (%s) for %s already names another"
                               " state; not added", imp->path, imp->line, name, col, iso3);
        if (!d) return HRR_ENOMEM;
        rc = hrr_imp_finding(imp, "alias-conflict", 0, d);
        hrr_i_free(hrr_store_ctx(imp->st), d);
        return rc;
    }
    char *source = hrr_i_printf(hrr_store_ctx(imp->st), "countries/country-codes.csv: %s", col);
    if (!source) return HRR_ENOMEM;
    sqlite3_bind_text(c->ins, 1, norm, -1, SQLITE_STATIC);
    sqlite3_bind_int64(c->ins, 2, id);
    sqlite3_bind_text(c->ins, 3, source, -1, SQLITE_STATIC);
    int src = sqlite3_step(c->ins);
    sqlite3_reset(c->ins);
    hrr_i_free(hrr_store_ctx(imp->st), source);
    if (src != SQLITE_DONE) return hrr_imp_dberr(imp, "adding a name alias");
    c->nalias++;
    return HRR_OK;
}

static hrr_err_t row(hrr_imp_t *imp, const hrr_csv_row_t *r, void *ud)
{
    cc_t *c = ud;
    const char *iso3 = r->f[c->c_iso3], *iso2 = r->f[c->c_iso2];
    const char *num = r->f[c->c_num], *m49s = r->f[c->c_m49];
    long isonum, m49, id;
    hrr_err_t rc;
    char key[8];

    if (!all_upper(iso3, 3))
        return hrr_imp_fail(imp, HRR_EDATA, "ISO3166-1-Alpha-3",
                            "'%s' is not an ISO 3166-1 alpha-3 code (three capital letters)", iso3);
    if (!all_upper(iso2, 2))
        return hrr_imp_fail(imp, HRR_EDATA, "ISO3166-1-Alpha-2",
                            "'%s' is not an ISO 3166-1 alpha-2 code (two capital letters)", iso2);
    if ((rc = code_num(imp, "ISO3166-1-numeric", num, &isonum)) ||
        (rc = code_num(imp, "M49", m49s, &m49)))
        return rc;
    if (isonum != m49)
        return hrr_imp_fail(imp, HRR_EDATA, "M49",
                            "%ld differs from the ISO 3166-1 numeric code %ld", m49, isonum);
    snprintf(key, sizeof key, ",%s,", iso3);
    if (strstr(c->seen.z, key))
        return hrr_imp_fail(imp, HRR_EDATA, "ISO3166-1-Alpha-3",
                            "duplicate row: %s appears twice", iso3);
    if ((rc = hrr_sbuf_add(hrr_store_ctx(imp->st), &c->seen, key + 1, 4))) return rc;

    /* a state hrr knows, or a territory (not an error: reported) */
    rc = hrr_imp_state_find(imp, "ISO3166-1-Alpha-3", "iso3", iso3, NULL, NULL, 0, &id);
    if (rc == HRR_ENOTFOUND) {
        c->nterr++;
        return hrr_sbuf_printf(hrr_store_ctx(imp->st), &c->terr, "%s%s", c->terr.n ? ", " : "", iso3);
    }
    if (rc) return rc;

    sqlite3_bind_int64(c->state, 1, id);
    if (sqlite3_step(c->state) != SQLITE_ROW) {
        sqlite3_reset(c->state);
        return hrr_imp_dberr(imp, "reading a state");
    }
    const char *siso2 = (const char *)sqlite3_column_text(c->state, 0);
    bool has_m49 = sqlite3_column_type(c->state, 1) != SQLITE_NULL;
    long sm49 = (long)sqlite3_column_int64(c->state, 1);
    char want2[8];
    snprintf(want2, sizeof want2, "%s", siso2 ? siso2 : "");
    sqlite3_reset(c->state);
    if (*want2 && strcmp(want2, iso2) != 0)
        return hrr_imp_fail(imp, HRR_EDATA, "ISO3166-1-Alpha-2",
                            "'%s' disagrees with data/states.csv, where %s has ISO2 '%s'",
                            iso2, iso3, want2);
    if (has_m49 && sm49 != m49)
        return hrr_imp_fail(imp, HRR_EDATA, "M49",
                            "%ld disagrees with data/states.csv, where %s has M49 %ld",
                            m49, iso3, sm49);
    for (int i = 0; i < N_NAMES; i++) {
        if (c->c_name[i] < 0) continue;
        if ((rc = add_name(imp, c, iso3, id, k_names[i].col, r->f[c->c_name[i]])))
            return rc;
    }
    imp->rows++;
    return HRR_OK;
}

static hrr_err_t import(hrr_imp_t *imp)
{
    cc_t c;
    memset(&c, 0, sizeof c);
    hrr_err_t rc = hrr_imp_csv(imp, ',', header, row, &c);
    if (rc == HRR_OK && c.nterr) {
        imp->line = 0;
        char *d = hrr_i_printf(hrr_store_ctx(imp->st), "%s: %ld rows are territories or areas that are not"
                               " states in hrr (validated, not loaded): %s",
                               imp->path, c.nterr, c.terr.z);
        if (!d) rc = HRR_ENOMEM;
        else rc = hrr_imp_finding(imp, "not-a-state", 0, d);
        hrr_i_free(hrr_store_ctx(imp->st), d);
    }
    sqlite3_finalize(c.state);
    sqlite3_finalize(c.find);
    sqlite3_finalize(c.ins);
    hrr_sbuf_destroy(&c.seen);
    hrr_sbuf_destroy(&c.terr);
    return rc;
}

const hrr_format_t hrr_fmt_country_codes = {
    "country-codes", 11, detect, import, NULL,
};
