/*
 * cmd_blocs.c - `hrr blocs`: voting blocs by Louvain or hierarchical
 * clustering, for a period or year by year with their stability.
 */
#include "cli.h"
#include "out.h"

#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
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

static json_t *blocs_json(const hrr_blocs_t *b)
{
    json_t *arr = json_array();
    for (int k = 0; k < b->nblocs; k++) {
        json_t *m = json_array(), *x = json_object();
        for (size_t i = 0; i < b->ns; i++)
            if (b->bloc[i] == k) json_array_append_new(m, json_string(b->iso3[i]));
        json_object_set_new(x, "members", m);
        json_array_append_new(arr, x);
    }
    return arr;
}

static json_t *num(double v) { return isnan(v) ? json_null() : json_real(v); }

int hrr_cmd_blocs(hrr_cli_t *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"body", required_argument, 0, 'b'},   {"from", required_argument, 0, 'f'},
        {"to", required_argument, 0, 't'},     {"min", required_argument, 0, 'm'},
        {"seed", required_argument, 0, 's'},   {"csv", no_argument, 0, 'C'},
        {"json", no_argument, 0, 'J'},         {"help", no_argument, 0, 'h'},
        {"method", required_argument, 0, 'M'}, {"k", required_argument, 0, 'k'},
        {"by-year", no_argument, 0, 'Y'},      {0, 0, 0, 0}};
    hrr_scope_opts_t sc = {0};
    hrr_blocs_opts_t bo = {.method = HRR_BLOCS_LOUVAIN, .min_n = 20, .seed = 1};
    out_fmt_t fmt = OUT_TABLE;
    int c, code = 0, by_year = 0, k_set = 0;
    char *end;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 'b': sc.body = optarg; break;
        case 'f': sc.from = atoi(optarg); break;
        case 't': sc.to = atoi(optarg); break;
        case 'm': bo.min_n = atol(optarg); break;
        case 's': bo.seed = strtoul(optarg, NULL, 10); break;
        case 'Y': by_year = 1; break;
        case 'M':
            if (!strcmp(optarg, "louvain")) bo.method = HRR_BLOCS_LOUVAIN;
            else if (!strcmp(optarg, "hclust")) bo.method = HRR_BLOCS_HCLUST;
            else return hrr_cli_usage("blocs", "--method: '%s' is not louvain or hclust", optarg);
            break;
        case 'k':
            bo.k = (int)strtol(optarg, &end, 10);
            if (*end || !*optarg || bo.k < 1 || bo.k > 100)
                return hrr_cli_usage("blocs", "--k: '%s' is not a number of blocs from 1 to 100", optarg);
            k_set = 1;
            break;
        case 'C':
        case 'J':
            if (!out_want(&fmt, c == 'C' ? OUT_CSV : OUT_JSON))
                return hrr_cli_usage("blocs", "--csv and --json exclude each other");
            break;
        case 'h': blocs_help(); return 0;
        default: return out_opt_error("blocs", c, optopt, argv, optind);
        }
    }
    if (optind < argc) return hrr_cli_usage("blocs", "unexpected argument '%s'", argv[optind]);
    if (!sc.body) return hrr_cli_usage("blocs", "--body B is required (CHR, HRC, GA)");
    if (k_set && bo.method != HRR_BLOCS_HCLUST) return hrr_cli_usage("blocs", "--k goes with --method hclust");
    hrr_store_t *st = hrr_cli_open(cli, false, &code);
    if (!st) return code;
    if (by_year) {
        hrr_blocs_years_t *y = NULL;
        hrr_err_t rc = hrr_blocs_by_year(st, &sc, &bo, &y);
        if (rc) {
            code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
        } else if (fmt == OUT_JSON) {
            json_t *o = json_object(), *arr = json_array();
            for (size_t k = 0; k < y->n; k++) {
                json_t *x = json_object();
                json_object_set_new(x, "year", json_integer(y->year[k]));
                json_object_set_new(x, "blocs", blocs_json(y->b[k]));
                json_object_set_new(x, "modularity", json_real(y->b[k]->modularity));
                if (k == 0) {
                    json_object_set_new(x, "stability", json_null());
                } else {
                    json_t *sx = json_object();
                    json_object_set_new(sx, "ari", num(y->ari[k]));
                    json_object_set_new(sx, "nmi", num(y->nmi[k]));
                    json_object_set_new(x, "stability", sx);
                }
                json_array_append_new(arr, x);
            }
            json_object_set_new(o, "years", arr);
            code = out_json(stdout, o) == HRR_OK ? 0 : HRR_EXIT_IO;
        } else {
            static const char *const cols[] = {"year", "bloc", "state"};
            out_t o;
            if (!out_begin(&o, fmt, stdout, 3, cols)) code = hrr_cli_fail(HRR_ENOMEM, "out of memory");
            for (size_t k = 0; !code && k < y->n; k++) {
                if (fmt == OUT_CSV && k > 0) {
                    char v[64];
                    snprintf(v, sizeof v, "ari=%.4f;nmi=%.4f", y->ari[k], y->nmi[k]);
                    out_int(&o, y->year[k]);
                    out_int(&o, 0);
                    out_text(&o, v);
                }
                for (int b = 0; b < y->b[k]->nblocs; b++)
                    for (size_t i = 0; i < y->b[k]->ns; i++)
                        if (y->b[k]->bloc[i] == b) {
                            out_int(&o, y->year[k]);
                            out_int(&o, b + 1);
                            out_text(&o, y->b[k]->iso3[i]);
                        }
            }
            if (!code) code = out_done(&o);
            if (!code && fmt == OUT_TABLE)
                for (size_t k = 0; k < y->n; k++) {
                    fprintf(stderr, "%d: %d blocs (", y->year[k], y->b[k]->nblocs);
                    for (int b = 0; b < y->b[k]->nblocs; b++) {
                        int n = 0;
                        for (size_t i = 0; i < y->b[k]->ns; i++) n += y->b[k]->bloc[i] == b;
                        fprintf(stderr, "%s%d", b ? ", " : "", n);
                    }
                    fprintf(stderr, "), modularity %.3f", y->b[k]->modularity);
                    if (k) fprintf(stderr, ", against %d: ARI %.3f, NMI %.3f", y->year[k - 1], y->ari[k], y->nmi[k]);
                    fprintf(stderr, "\n");
                }
        }
        hrr_blocs_years_free(y);
        hrr_store_close(st);
        return code;
    }
    hrr_blocs_t *b = NULL;
    hrr_err_t rc = hrr_blocs_find(st, &sc, &bo, &b);
    if (rc) {
        code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
    } else if (fmt == OUT_JSON) {
        json_t *o = json_object();
        json_object_set_new(o, "blocs", blocs_json(b));
        json_object_set_new(o, "modularity", json_real(b->modularity));
        code = out_json(stdout, o) == HRR_OK ? 0 : HRR_EXIT_IO;
    } else {
        static const char *const cols[] = {"bloc", "state"};
        out_t o;
        if (!out_begin(&o, fmt, stdout, 2, cols)) code = hrr_cli_fail(HRR_ENOMEM, "out of memory");
        for (int k = 0; !code && k < b->nblocs; k++)
            for (size_t i = 0; i < b->ns; i++)
                if (b->bloc[i] == k) {
                    out_int(&o, k + 1);
                    out_text(&o, b->iso3[i]);
                }
        if (!code) code = out_done(&o);
    }
    hrr_blocs_free(b);
    hrr_store_close(st);
    return code;
}
