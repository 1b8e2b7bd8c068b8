/*
 * fmt_regimes.c - country-year regime scores as the R package democracyData
 * ships them (regimes/): Polity5 (polity5.csv, keyed by COW code), V-Dem's
 * high-level indices (vdem_simple.csv, keyed by V-Dem's country_text_id) and
 * Freedom House (fh.csv, keyed by COW code, or by name where FH rates a
 * territory without one). Each measure is stored as regime_scores(state,
 * year, measure, value).
 *
 * Scope: years from 1946 (the UN era); earlier rows are validated for their
 * year, counted and reported in one finding. Within scope, every row names a
 * state hrr knows (data/states.csv; the codes are mapped in
 * data/aliases/cow.csv and data/aliases/regimes.csv at 1 July of the year,
 * else 31 December, else 1 January, so that a state that began or ended
 * during the year still gets it) or is excluded by the explicit list below,
 * which gives the reason and is counted in one finding per entry. An empty
 * value is not stored; a value that is not a number in the measure's range is
 * an error naming line and field. docs/import-misc.md.
 */
#include "import.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { FIRST_YEAR = 1946 };

/* One measure: a column and the name it is stored under. */
typedef struct measure {
    const char *col;      /* header column */
    const char *name;     /* regime_scores.measure */
    double lo, hi;        /* valid range */
    int special;          /* 1: Polity's -66/-77/-88 are valid (stored);
                             2: valid but not a score (not stored) */
} measure_t;

/* One source format. */
typedef struct regfmt {
    const char *code_col;   /* the state's code */
    const char *kind;       /* its alias kind (cow, vdem) */
    const char *key_col;    /* the column exclusions match */
    const char *name_col;   /* resolve by this name when the code is empty */
    const measure_t *m;     /* measures */
    size_t nm;              /* how many */
    bool fh;                /* Freedom House checks (status, total = pr + cl) */
} regfmt_t;

static const measure_t k_polity[] = {
    {"polity2", "polity2", -10, 10, 0},
    {"polity", "polity", -10, 10, 1},
    {"democ", "democ", 0, 10, 2},
    {"autoc", "autoc", 0, 10, 2},
};
static const measure_t k_vdem[] = {
    {"v2x_polyarchy", "v2x_polyarchy", 0, 1, 0}, {"v2x_libdem", "v2x_libdem", 0, 1, 0},
    {"v2x_partipdem", "v2x_partipdem", 0, 1, 0}, {"v2x_delibdem", "v2x_delibdem", 0, 1, 0},
    {"v2x_egaldem", "v2x_egaldem", 0, 1, 0},     {"v2x_api", "v2x_api", 0, 1, 0},
    {"v2x_mpi", "v2x_mpi", 0, 1, 0},
};
static const measure_t k_fh[] = {
    {"pr", "fh_pr", 1, 7, 0},
    {"cl", "fh_cl", 1, 7, 0},
    {"fh_total", "fh_total", 2, 14, 0},
};

static const regfmt_t k_fmt_polity = {"cown", "cow", "scode", NULL, k_polity,
                                      sizeof k_polity / sizeof *k_polity, false};
static const regfmt_t k_fmt_vdem = {"country_text_id", "vdem", "country_text_id", NULL,
                                    k_vdem, sizeof k_vdem / sizeof *k_vdem, false};
static const regfmt_t k_fmt_fh = {"cown", "cow", "fh_country", "fh_country", k_fh,
                                  sizeof k_fh / sizeof *k_fh, true};

#define FH_TERRITORY \
    "a territory Freedom House rates apart from the states (related or disputed" \
    " territory); not a state in hrr"

/* Rows in scope that are not loaded, and why. KEY is matched against the
 * format's key column, for the years FROM..TO. */
static const struct {
    const regfmt_t *fmt;  /* the format */
    const char *key;      /* key column value */
    int from, to;         /* years */
    const char *why;      /* the reason */
} k_excl[] = {
    /* Polity codes a state twice in the year one polity ends and the next
     * begins; hrr keeps one score per state-year */
    {&k_fmt_polity, "ETH", 1993, 1993,
     "Polity codes Ethiopia twice in 1993 (ccode 530 ends, 529 begins after Eritrea's"
     " secession); the new polity's row (ETI) is kept"},
    {&k_fmt_polity, "SUD", 2011, 2011,
     "Polity codes Sudan twice in 2011 (ccode 625 ends at South Sudan's secession,"
     " 626 Sudan-North begins); the new polity's row (SDN) is kept"},
    {&k_fmt_polity, "DRV", 1976, 1976,
     "North Vietnam's last year; the row of unified Vietnam (VIE), which hrr also"
     " files under VNM, is kept for 1976"},
    {&k_fmt_polity, "YAR", 1990, 1990,
     "Yemen North's last year (unification 22 May 1990); unified Yemen's row (YEM) is"
     " kept for 1990"},
    {&k_fmt_polity, "YGS", 1991, 1991,
     "Polity starts the FRY (YGS) in 1991, but hrr's Yugoslavia (SFRY) lasts until"
     " 27 Apr 1992; the SFRY's row (YUG) is kept for 1991"},
    {&k_fmt_polity, "YGS", 2006, 2006,
     "Serbia and Montenegro ended on 3 Jun 2006; Serbia's row (SER) is kept for 2006"},
    /* V-Dem units that are not states hrr knows */
    {&k_fmt_vdem, "HKG", FIRST_YEAR, 9999,
     "Hong Kong: a British colony, then a special administrative region of China;"
     " never a UN member"},
    {&k_fmt_vdem, "PSB", FIRST_YEAR, 9999,
     "Palestine under the British Mandate (to 1948): a mandate territory"},
    {&k_fmt_vdem, "PSG", FIRST_YEAR, 9999,
     "Palestine/Gaza: V-Dem splits Palestine in two; hrr files V-Dem's"
     " Palestine/West Bank (PSE) as the State of Palestine, one score per state-year"},
    {&k_fmt_vdem, "SML", FIRST_YEAR, 9999,
     "Somaliland: not recognised by any UN member; part of Somalia (SOM)"},
    {&k_fmt_vdem, "VDR", FIRST_YEAR, 1954,
     "the State of Vietnam / French Indochina before the Republic of Vietnam was"
     " proclaimed (26 Oct 1955)"},
    {&k_fmt_vdem, "ZZB", FIRST_YEAR, 1962,
     "Zanzibar as a British protectorate, before independence (10 Dec 1963)"},
    {&k_fmt_vdem, "ZZB", 1965, 9999,
     "Zanzibar as an autonomous part of Tanzania (union of 26 Apr 1964)"},
    /* Freedom House's territories */
    {&k_fmt_fh, "Abkhazia", FIRST_YEAR, 9999, FH_TERRITORY},
    {&k_fmt_fh, "Chechnya", FIRST_YEAR, 9999, FH_TERRITORY},
    {&k_fmt_fh, "Crimea", FIRST_YEAR, 9999, FH_TERRITORY},
    {&k_fmt_fh, "Eastern Donbas", FIRST_YEAR, 9999, FH_TERRITORY},
    {&k_fmt_fh, "Gaza Strip", FIRST_YEAR, 9999, FH_TERRITORY},
    {&k_fmt_fh, "Hong Kong", FIRST_YEAR, 9999, FH_TERRITORY},
    {&k_fmt_fh, "Indian Kashmir", FIRST_YEAR, 9999, FH_TERRITORY},
    {&k_fmt_fh, "Israeli-Occupied Territories", FIRST_YEAR, 9999, FH_TERRITORY},
    {&k_fmt_fh, "Kurdistan", FIRST_YEAR, 9999, FH_TERRITORY},
    {&k_fmt_fh, "Macao", FIRST_YEAR, 9999, FH_TERRITORY},
    {&k_fmt_fh, "Nagorno-Karabakh", FIRST_YEAR, 9999, FH_TERRITORY},
    {&k_fmt_fh, "Northern Cyprus", FIRST_YEAR, 9999, FH_TERRITORY},
    {&k_fmt_fh, "Northern Ireland", FIRST_YEAR, 9999, FH_TERRITORY},
    {&k_fmt_fh, "Pakistani Kashmir", FIRST_YEAR, 9999, FH_TERRITORY},
    {&k_fmt_fh, "Palestinian Authority-Administered Territories", FIRST_YEAR, 9999,
     FH_TERRITORY},
    {&k_fmt_fh, "Puerto Rico", FIRST_YEAR, 9999, FH_TERRITORY},
    {&k_fmt_fh, "Russian-Occupied Territories of Ukraine", FIRST_YEAR, 9999, FH_TERRITORY},
    {&k_fmt_fh, "Somaliland", FIRST_YEAR, 9999, FH_TERRITORY},
    {&k_fmt_fh, "South Ossetia", FIRST_YEAR, 9999, FH_TERRITORY},
    {&k_fmt_fh, "Tibet", FIRST_YEAR, 9999, FH_TERRITORY},
    {&k_fmt_fh, "Transnistria", FIRST_YEAR, 9999, FH_TERRITORY},
    {&k_fmt_fh, "West Bank and Gaza Strip", FIRST_YEAR, 9999, FH_TERRITORY},
    {&k_fmt_fh, "West Bank", FIRST_YEAR, 9999, FH_TERRITORY},
    {&k_fmt_fh, "West Papua", FIRST_YEAR, 9999, FH_TERRITORY},
    {&k_fmt_fh, "Western Sahara", FIRST_YEAR, 9999, FH_TERRITORY},
};
enum { N_EXCL = sizeof k_excl / sizeof *k_excl };

typedef struct reg {
    const regfmt_t *fmt;    /* the format */
    int c_year, c_code, c_key, c_name, c_status; /* columns (-1: none) */
    int c_m[8];             /* measure columns */
    sqlite3_stmt *ins;      /* score insert */
    sqlite3_stmt *old;      /* an existing score */
    long nold;              /* rows before FIRST_YEAR */
    long nexcl[N_EXCL];     /* rows excluded, per entry */
} reg_t;


static bool detect_polity(const char *path, const char *head)
{
    static const char *const w[] = {"polity_annual_country", "polity2", "cown"};
    (void)path;
    return hrr_i_first_line_has(head, 4096, w, 3);
}

static bool detect_vdem(const char *path, const char *head)
{
    static const char *const w[] = {"country_text_id", "v2x_polyarchy"};
    (void)path;
    return hrr_i_first_line_has(head, 4096, w, 2);
}

static bool detect_fh(const char *path, const char *head)
{
    static const char *const w[] = {"fh_country", "fh_total", "cown"};
    (void)path;
    return hrr_i_first_line_has(head, 4096, w, 3);
}

static hrr_err_t header(hrr_imp_t *imp, const hrr_csv_row_t *row, void *ud)
{
    reg_t *g = ud;
    const regfmt_t *f = g->fmt;
    hrr_err_t rc;
    (void)row;
    const hrr_imp_colspec_t cols[] = {
        HRR_COL("year", &g->c_year), HRR_COL(f->code_col, &g->c_code), HRR_COL(f->key_col, &g->c_key),
    };
    if ((rc = hrr_imp_cols(imp, cols, HRR_IMP_NCOLS(cols))))
        return rc;
    g->c_name = -1;
    g->c_status = -1;
    const hrr_imp_colspec_t more[] = {HRR_COL(f->name_col, &g->c_name), HRR_COL("status", &g->c_status)};
    if ((f->name_col && (rc = hrr_imp_cols(imp, &more[0], 1))) ||
        (f->fh && (rc = hrr_imp_cols(imp, &more[1], 1))))
        return rc;
    for (size_t i = 0; i < f->nm; i++) {
        const hrr_imp_colspec_t m = HRR_COL(f->m[i].col, &g->c_m[i]);
        if ((rc = hrr_imp_cols(imp, &m, 1))) return rc;
    }
    if ((rc = hrr_imp_prepare(imp,
            "INSERT INTO regime_scores(state_id,year,measure,value,source_id)"
            " VALUES(?,?,?,?,?) ON CONFLICT DO NOTHING", &g->ins)))
        return rc;
    return hrr_imp_prepare(imp,
        "SELECT value, source_id FROM regime_scores WHERE state_id=? AND year=? AND measure=?",
        &g->old);
}

/* Resolve CODE for YEAR: at 1 July, else 31 December, else 1 January. */
static hrr_err_t resolve_year(hrr_imp_t *imp, const char *field, const char *kind,
                              const char *code, long year, long *id)
{
    static const char *const days[] = {"07-01", "12-31", "01-01"};
    char date[16];
    for (int i = 0; i < 3; i++) {
        snprintf(date, sizeof date, "%04ld-%s", year, days[i]);
        hrr_err_t rc = hrr_imp_state_find(imp, field, kind, code, NULL, date, 0, id);
        if (rc == HRR_OK) return HRR_OK;
        if (rc != HRR_ENOTFOUND || i == 2) return rc == HRR_ENOTFOUND ? HRR_EDATA : rc;
    }
    return HRR_OK;
}

/* A number filling the whole field. */
static bool parse_num(const char *s, double *out)
{
    char *end;
    if (!*s) return false;
    *out = strtod(s, &end);
    return *end == 0 && isfinite(*out);
}

static hrr_err_t store(hrr_imp_t *imp, reg_t *g, long id, long year, const char *measure,
                       double v, const char *key)
{
    sqlite3_bind_int64(g->ins, 1, id);
    sqlite3_bind_int64(g->ins, 2, year);
    sqlite3_bind_text(g->ins, 3, measure, -1, SQLITE_STATIC);
    sqlite3_bind_double(g->ins, 4, v);
    sqlite3_bind_int64(g->ins, 5, imp->source_id);
    int src = sqlite3_step(g->ins);
    sqlite3_reset(g->ins);
    if (src != SQLITE_DONE) return hrr_imp_dberr(imp, "inserting a regime score");
    if (sqlite3_changes(imp->db)) return HRR_OK;
    sqlite3_bind_int64(g->old, 1, id);
    sqlite3_bind_int64(g->old, 2, year);
    sqlite3_bind_text(g->old, 3, measure, -1, SQLITE_STATIC);
    if (sqlite3_step(g->old) != SQLITE_ROW) {
        sqlite3_reset(g->old);
        return hrr_imp_dberr(imp, "reading a regime score");
    }
    double ov = sqlite3_column_double(g->old, 0);
    long osrc = (long)sqlite3_column_int64(g->old, 1);
    sqlite3_reset(g->old);
    if (osrc == imp->source_id)
        return hrr_imp_fail(imp, HRR_EDATA, NULL,
                            "duplicate: a second row for the same state and year ('%s' %ld"
                            " gives %s again)", key, year, measure);
    if (ov != v) {
        char *d = hrr_i_printf(hrr_store_ctx(imp->st), "%s:%ld: '%s' %ld %s = %g, the store (import %ld) has %g;"
                               " first kept", imp->path, imp->line, key, year, measure, v,
                               osrc, ov);
        if (!d) return HRR_ENOMEM;
        hrr_err_t rc = hrr_imp_finding(imp, "sources-disagree", 0, d);
        hrr_i_free(hrr_store_ctx(imp->st), d);
        return rc;
    }
    return HRR_OK;
}

static hrr_err_t row(hrr_imp_t *imp, const hrr_csv_row_t *r, void *ud)
{
    reg_t *g = ud;
    const regfmt_t *f = g->fmt;
    const char *key = r->f[g->c_key], *code = r->f[g->c_code];
    long year, id;
    double v[8];
    bool has[8];
    hrr_err_t rc;

    if (!hrr_i_parse_long(r->f[g->c_year], &year) || year < 1700 || year > 2100)
        return hrr_imp_fail(imp, HRR_EDATA, "year", "'%s' is not a year", r->f[g->c_year]);
    if (year < FIRST_YEAR) {
        g->nold++;
        return HRR_OK;
    }
    /* validate every value before deciding what to store */
    for (size_t i = 0; i < f->nm; i++) {
        const measure_t *m = &f->m[i];
        const char *s = r->f[g->c_m[i]];
        has[i] = *s != 0;
        if (!has[i]) continue;
        if (!parse_num(s, &v[i]))
            return hrr_imp_fail(imp, HRR_EDATA, m->col, "'%s' is not a number", s);
        bool special = m->special && (v[i] == -66 || v[i] == -77 || v[i] == -88);
        if (!special && (v[i] < m->lo || v[i] > m->hi))
            return hrr_imp_fail(imp, HRR_EDATA, m->col, "%s is outside %g..%g%s", s, m->lo,
                                m->hi, m->special ? " (or -66, -77, -88)" : "");
        if (special && m->special == 2) has[i] = false; /* a code, not a score */
    }
    if (f->fh) {
        const char *s = r->f[g->c_status];
        if (*s && strcmp(s, "F") != 0 && strcmp(s, "PF") != 0 && strcmp(s, "NF") != 0)
            return hrr_imp_fail(imp, HRR_EDATA, "status", "'%s' (expected F, PF or NF)", s);
        if (has[0] && has[1] && has[2] && v[2] != v[0] + v[1])
            return hrr_imp_fail(imp, HRR_EDATA, "fh_total", "%g is not pr + cl (%g + %g)",
                                v[2], v[0], v[1]);
    }
    for (size_t i = 0; i < N_EXCL; i++)
        if (k_excl[i].fmt == f && strcmp(k_excl[i].key, key) == 0 &&
            year >= k_excl[i].from && year <= k_excl[i].to) {
            g->nexcl[i]++;
            return HRR_OK;
        }
    if (*code) rc = resolve_year(imp, f->code_col, f->kind, code, year, &id);
    else if (g->c_name >= 0)
        rc = resolve_year(imp, f->name_col, "name", r->f[g->c_name], year, &id);
    else
        rc = hrr_imp_fail(imp, HRR_EDATA, f->code_col, "empty: no state code");
    if (rc) return rc;
    for (size_t i = 0; i < f->nm; i++)
        if (has[i] && (rc = store(imp, g, id, year, f->m[i].name, v[i], key))) return rc;
    imp->rows++;
    return HRR_OK;
}

static hrr_err_t import_with(hrr_imp_t *imp, const regfmt_t *f)
{
    reg_t g;
    memset(&g, 0, sizeof g);
    g.fmt = f;
    hrr_err_t rc = hrr_imp_csv(imp, ',', header, row, &g);
    imp->line = 0;
    if (rc == HRR_OK && g.nold) {
        char *d = hrr_i_printf(hrr_store_ctx(imp->st), "%s: %ld rows before %d are outside hrr's scope (the UN"
                               " era); not loaded", imp->path, g.nold, FIRST_YEAR);
        rc = d ? hrr_imp_finding(imp, "regime-out-of-scope", 0, d) : HRR_ENOMEM;
        hrr_i_free(hrr_store_ctx(imp->st), d);
    }
    for (size_t i = 0; i < N_EXCL && rc == HRR_OK; i++) {
        if (!g.nexcl[i]) continue;
        char years[32];
        if (k_excl[i].to == 9999) snprintf(years, sizeof years, "%d on", k_excl[i].from);
        else snprintf(years, sizeof years, "%d-%d", k_excl[i].from, k_excl[i].to);
        char *d = hrr_i_printf(hrr_store_ctx(imp->st), "%s: %ld rows of '%s' (%s) excluded: %s", imp->path,
                               g.nexcl[i], k_excl[i].key, years, k_excl[i].why);
        rc = d ? hrr_imp_finding(imp, "regime-excluded", 0, d) : HRR_ENOMEM;
        hrr_i_free(hrr_store_ctx(imp->st), d);
    }
    sqlite3_finalize(g.ins);
    sqlite3_finalize(g.old);
    return rc;
}

static hrr_err_t import_polity(hrr_imp_t *imp) { return import_with(imp, &k_fmt_polity); }
static hrr_err_t import_vdem(hrr_imp_t *imp) { return import_with(imp, &k_fmt_vdem); }
static hrr_err_t import_fh(hrr_imp_t *imp) { return import_with(imp, &k_fmt_fh); }

const hrr_format_t hrr_fmt_polity5 = {"polity5", 70, detect_polity, import_polity, NULL};
const hrr_format_t hrr_fmt_vdem = {"vdem", 71, detect_vdem, import_vdem, NULL};
const hrr_format_t hrr_fmt_fh = {"fh", 72, detect_fh, import_fh, NULL};
