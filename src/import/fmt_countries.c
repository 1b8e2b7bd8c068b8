/*
 * fmt_countries.c - countries/un_regional_groups_iso3.csv: the five UN
 * regional groups of the 193 member states (present-day groups), loaded as
 * memberships of the orgs AFRICAN, ASIA_PACIFIC, GRULAC, WEOG and EEG.
 * The model for the other importers: check the header, validate every
 * field, name the line and field of the first bad one.
 */
#include "import.h"

#include <string.h>

static const char *const k_groups[] = {"AFRICAN", "ASIA_PACIFIC", "GRULAC",
                                       "WEOG", "EEG"};

typedef struct groups {
    int c_iso3, c_iso2, c_group;  /* column indexes */
    sqlite3_stmt *ins;            /* membership insert */
    long *first;                  /* per states.id: the line that listed it (0: none) */
    size_t nfirst;                /* its length */
} groups_t;

static bool detect(const char *path, const char *head)
{
    (void)path;
    return strncmp(head, "iso3,iso2,m49,name_unterm,un_regional_group", 43) == 0;
}

static hrr_err_t header(hrr_imp_t *imp, const hrr_csv_row_t *row, void *ud)
{
    groups_t *g = ud;
    hrr_err_t rc;
    (void)row;
    const hrr_imp_colspec_t cols[] = {
        HRR_COL("iso3", &g->c_iso3), HRR_COL("iso2", &g->c_iso2), HRR_COL("un_regional_group", &g->c_group),
    };
    if ((rc = hrr_imp_cols(imp, cols, HRR_IMP_NCOLS(cols))))
        return rc;
    return hrr_imp_prepare(imp,
        "INSERT INTO memberships(state_id,org,start_date,source_id,source)"
        " VALUES(?,?,'',?,'present-day UN regional group')"
        " ON CONFLICT DO NOTHING", &g->ins);
}

static hrr_err_t row(hrr_imp_t *imp, const hrr_csv_row_t *r, void *ud)
{
    groups_t *g = ud;
    long id, id2;
    hrr_err_t rc;
    const char *grp = r->f[g->c_group];
    if ((rc = hrr_imp_state(imp, "iso3", "iso3", r->f[g->c_iso3], HRR_PRESENT, &id)))
        return rc;
    if (*r->f[g->c_iso2]) {
        if ((rc = hrr_imp_state(imp, "iso2", "iso2", r->f[g->c_iso2], HRR_PRESENT, &id2)))
            return rc;
        if (id2 != id)
            return hrr_imp_fail(imp, HRR_EDATA, "iso2",
                                "'%s' is not the ISO2 code of %s",
                                r->f[g->c_iso2], r->f[g->c_iso3]);
    }
    /* a state listed twice: refused, whether the group is the same or not */
    if ((size_t)id >= g->nfirst) {
        size_t n = g->nfirst ? g->nfirst : 256;
        while (n <= (size_t)id) n *= 2;
        long *f = hrr_i_realloc(hrr_store_ctx(imp->st), g->first, n * sizeof *f);
        if (!f) return HRR_ENOMEM;
        memset(f + g->nfirst, 0, (n - g->nfirst) * sizeof *f);
        g->first = f;
        g->nfirst = n;
    }
    if (g->first[id])
        return hrr_imp_fail(imp, HRR_EDATA, "iso3", "%s is listed twice (first on line %ld)",
                            r->f[g->c_iso3], g->first[id]);
    g->first[id] = imp->line;
    bool ok = false;
    for (size_t i = 0; i < sizeof k_groups / sizeof *k_groups; i++)
        ok |= strcmp(grp, k_groups[i]) == 0;
    if (!ok)
        return hrr_imp_fail(imp, HRR_EDATA, "un_regional_group",
                            "unknown group '%s' (expected AFRICAN, ASIA_PACIFIC,"
                            " GRULAC, WEOG or EEG)", grp);
    sqlite3_bind_int64(g->ins, 1, id);
    sqlite3_bind_text(g->ins, 2, grp, -1, SQLITE_STATIC);
    sqlite3_bind_int64(g->ins, 3, imp->source_id);
    int src = sqlite3_step(g->ins);
    sqlite3_reset(g->ins);
    if (src != SQLITE_DONE) return hrr_imp_dberr(imp, "inserting a membership");
    imp->rows++;
    return HRR_OK;
}

static hrr_err_t import(hrr_imp_t *imp)
{
    groups_t g = {0};
    hrr_err_t rc = hrr_imp_csv(imp, ',', header, row, &g);
    sqlite3_finalize(g.ins);
    hrr_i_free(hrr_store_ctx(imp->st), g.first);
    return rc;
}

const hrr_format_t hrr_fmt_un_regional_groups = {
    "un-regional-groups", 10, detect, import,
};
