/*
 * fmt_countries.c - countries/un_regional_groups_iso3.csv: the five UN
 * regional groups of the 193 member states (present-day groups), loaded as
 * memberships of the orgs AFRICAN, ASIA_PACIFIC, GRULAC, WEOG and EEG.
 * The model for the other importers: check the header, validate every
 * field, name the line and field of the first bad one.
 */
#include "import.h"

#include <stdio.h>
#include <string.h>

static const char *const k_groups[] = {"AFRICAN", "ASIA_PACIFIC", "GRULAC",
                                       "WEOG", "EEG"};

typedef struct groups {
    int c_iso3, c_iso2, c_group;  /* column indexes */
    sqlite3_stmt *ins;            /* membership insert */
    long *first;                  /* per states.id: the line that listed it (0: none) */
    long *nrep;                   /* per states.id: the times listed again */
    char (*group)[16];            /* per states.id: the group it was listed in */
    size_t nfirst;                /* their length */
    long nreps;                   /* states listed more than once */
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
        long *nr = hrr_i_realloc(hrr_store_ctx(imp->st), g->nrep, n * sizeof *nr);
        if (!nr) return HRR_ENOMEM;
        memset(nr + g->nfirst, 0, (n - g->nfirst) * sizeof *nr);
        g->nrep = nr;
        char (*gr)[16] = hrr_i_realloc(hrr_store_ctx(imp->st), g->group, n * sizeof *gr);
        if (!gr) return HRR_ENOMEM;
        memset(gr + g->nfirst, 0, (n - g->nfirst) * sizeof *gr);
        g->group = gr;
        g->nfirst = n;
    }
    bool ok = false;
    for (size_t i = 0; i < sizeof k_groups / sizeof *k_groups; i++)
        ok |= strcmp(grp, k_groups[i]) == 0;
    if (!ok)
        return hrr_imp_fail(imp, HRR_EDATA, "un_regional_group",
                            "unknown group '%s' (expected AFRICAN, ASIA_PACIFIC,"
                            " GRULAC, WEOG or EEG)", grp);
    /* a state listed again: in another group, an error; in the same group,
     * a repeat that changes nothing, recorded as one finding per state */
    if (g->first[id]) {
        if (strcmp(g->group[id], grp) != 0)
            return hrr_imp_fail(imp, HRR_EDATA, "un_regional_group", "%s is listed twice, in %s"
                                " here and in %s on line %ld", r->f[g->c_iso3], grp,
                                g->group[id], g->first[id]);
        if (!g->nrep[id]++) g->nreps++;
        imp->rows++;
        return HRR_OK;
    }
    g->first[id] = imp->line;
    snprintf(g->group[id], sizeof g->group[id], "%s", grp);
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
    for (size_t id = 0; !rc && g.nreps && id < g.nfirst; id++) {
        if (!g.nrep[id]) continue;
        char iso3[8], detail[256];
        if ((rc = hrr_imp_state_iso3(imp, (long)id, iso3))) break;
        snprintf(detail, sizeof detail, "%s: %s listed %ld more time%s in %s after line %ld,"
                 " the same group: the repeats change nothing", imp->path, iso3, g.nrep[id],
                 g.nrep[id] == 1 ? "" : "s", g.group[id], g.first[id]);
        rc = hrr_imp_finding(imp, "repeated-row", 0, detail);
    }
    sqlite3_finalize(g.ins);
    hrr_i_free(hrr_store_ctx(imp->st), g.first);
    hrr_i_free(hrr_store_ctx(imp->st), g.nrep);
    hrr_i_free(hrr_store_ctx(imp->st), g.group);
    return rc;
}

const hrr_format_t hrr_fmt_un_regional_groups = {
    "un-regional-groups", 10, detect, import, NULL,
};
