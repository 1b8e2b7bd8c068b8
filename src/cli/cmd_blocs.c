/*
 * cmd_blocs.c - `hrr blocs`: voting blocs by Louvain or hierarchical
 * clustering, for a period or year by year with their stability.
 */
#include "args.h"

#include <string.h>

static void blocs_help(void)
{
    printf("usage: hrr blocs --body B [--from Y] [--to Y] [--method louvain|hclust] [--k K]\n"
           "                 [--by-year] [--min N] [--seed S] [--csv | --json]\n\n"
           "Voting blocs (docs/analysis.md). --method louvain (default): communities\n"
           "(igraph's multilevel algorithm) of the graph joining states whose agreement\n"
           "is above the median of all pairs; --seed S its random order (default 1).\n"
           "--method hclust: average-linkage clustering on 1 - agreement, cut into\n"
           "--k K blocs (default 2). --min N: states need N common votes with a partner\n"
           "(default 20). --by-year: the blocs of each year, with their stability\n"
           "against the year before (adjusted Rand index and normalised mutual\n"
           "information over the states in both).\n"
           "--json: {\"blocs\": [{\"members\": [ISO3, ...]}, ...], \"modularity\": Q}; with\n"
           "--by-year {\"years\": [{\"year\": Y, \"blocs\": [...], \"modularity\": Q,\n"
           "\"stability\": {\"ari\": A, \"nmi\": N} or null}, ...]}.\n"
           "Columns: bloc,state (--by-year: year,bloc,state; the stability on stderr\n"
           "for the table, as rows year,0,ari=A;nmi=N in CSV).\n");
}

typedef struct blocs_cli {
    hrr_blocs_opts_t bo;
    int by_year, k_set;
} blocs_cli_t;

static int on_opt(void *ctx, int c, const char *arg)
{
    blocs_cli_t *b = ctx;
    char msg[256];
    int code;
    switch (c) {
    case 'Y': b->by_year = 1; break;
    case 'M':
        if (!strcmp(arg, "louvain")) b->bo.method = HRR_BLOCS_LOUVAIN;
        else if (!strcmp(arg, "hclust")) b->bo.method = HRR_BLOCS_HCLUST;
        else return hrr_cli_usage("blocs", "--method: '%s' is not louvain or hclust", arg);
        break;
    case 'k':
        if ((code = hrr_args_bad("blocs", hrr_param_k("--k", arg, &b->bo.k, msg, sizeof msg), msg)))
            return code;
        b->k_set = 1;
        break;
    }
    return 0;
}

int hrr_cmd_blocs(hrr_cli_t *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"method", required_argument, 0, 'M'}, {"k", required_argument, 0, 'k'},
        {"by-year", no_argument, 0, 'Y'},      {0, 0, 0, 0}};
    blocs_cli_t bc = {.bo = {.method = HRR_BLOCS_LOUVAIN}};
    const hrr_args_spec_t spec = {.cmd = "blocs", .shared = ARG_SCOPE | ARG_BODY_REQUIRED |
                                  ARG_MIN | ARG_SEED | ARG_FMT, .own = opts, .on_opt = on_opt,
                                  .ctx = &bc, .help = blocs_help};
    hrr_args_t a = {.min = 20, .seed = 1};
    int code = hrr_args_parse(cli, &spec, argc, argv, &a);
    if (code >= 0) return code;
    if (bc.k_set && bc.bo.method != HRR_BLOCS_HCLUST)
        return hrr_cli_usage("blocs", "--k goes with --method hclust");
    bc.bo.min_n = a.min;
    bc.bo.seed = a.seed;
    hrr_scope_opts_t sc = hrr_args_scope(&a);
    hrr_store_t *st = hrr_cli_open(cli, false, &code);
    if (!st) return code;
    hrr_err_t rc;
    if (bc.by_year) {
        hrr_blocs_years_t *y = NULL;
        if ((rc = hrr_blocs_by_year(st, &sc, &bc.bo, &y))) code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
        else code = hrr_cli_report(hrr_report_blocs_years(stdout, a.fmt, y, stderr));
        hrr_blocs_years_free(y);
    } else {
        hrr_blocs_t *b = NULL;
        if ((rc = hrr_blocs_find(st, &sc, &bc.bo, &b))) code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
        else code = hrr_cli_report(hrr_report_blocs(stdout, a.fmt, b));
        hrr_blocs_free(b);
    }
    hrr_store_close(st);
    return code;
}
