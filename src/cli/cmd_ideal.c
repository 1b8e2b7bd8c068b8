/*
 * cmd_ideal.c - `hrr ideal`: one-dimensional ideal points by EM.
 */
#include "cli.h"
#include "out.h"

#include <getopt.h>
#include <stdlib.h>

static void help(void)
{
    printf("usage: hrr ideal --body B [--from Y] [--to Y] [--min N] [--positive ISO3]\n"
           "                 [--csv | --json]\n\n"
           "Ideal points in one dimension by EM for the probit model of voting (Imai, Lo\n"
           "and Olmsted 2016; docs/analysis.md): yes 1, no 0, abstentions missing.\n"
           "Standardised to mean 0 and sd 1, the --positive state (default USA) > 0.\n"
           "--min N: states with fewer yes/no votes are left out (default 20).\n"
           "Columns: state,dim1,votes.\n");
}

int hrr_cmd_ideal(hrr_cli_t *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"body", required_argument, 0, 'b'}, {"from", required_argument, 0, 'f'},
        {"to", required_argument, 0, 't'},   {"min", required_argument, 0, 'm'},
        {"positive", required_argument, 0, 'p'}, {"csv", no_argument, 0, 'C'},
        {"json", no_argument, 0, 'J'},       {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    static const char *const cols[] = {"state", "dim1", "votes"};
    hrr_scope_opts_t sc = {0};
    hrr_ideal_opts_t io = {0};
    out_fmt_t fmt = OUT_TABLE;
    int c, code = 0;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 'b': sc.body = optarg; break;
        case 'f': sc.from = atoi(optarg); break;
        case 't': sc.to = atoi(optarg); break;
        case 'm': io.min_votes = atol(optarg); break;
        case 'p': io.positive = optarg; break;
        case 'C':
        case 'J':
            if (!out_want(&fmt, c == 'C' ? OUT_CSV : OUT_JSON))
                return hrr_cli_usage("ideal", "--csv and --json exclude each other");
            break;
        case 'h': help(); return 0;
        default: return out_opt_error("ideal", c, optopt, argv, optind);
        }
    }
    if (optind < argc) return hrr_cli_usage("ideal", "unexpected argument '%s'", argv[optind]);
    if (!sc.body) return hrr_cli_usage("ideal", "--body B is required (CHR, HRC, GA)");
    hrr_store_t *st = hrr_cli_open(cli, false, &code);
    if (!st) return code;
    hrr_ideal_t *r = NULL;
    hrr_err_t rc = hrr_ideal_run(st, &sc, &io, &r);
    if (rc) {
        code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
    } else {
        out_t o;
        if (!out_begin(&o, fmt, stdout, 3, cols)) code = hrr_cli_fail(HRR_ENOMEM, "out of memory");
        for (size_t i = 0; !code && i < r->ns; i++) {
            char v[32];
            snprintf(v, sizeof v, "%.4f", r->x[i]);
            out_text(&o, r->iso3[i]);
            out_text(&o, v);
            out_int(&o, r->n[i]);
        }
        if (!code) code = out_done(&o);
        if (!code && fmt == OUT_TABLE)
            fprintf(stderr, "%zu states, %zu contested votes, %d EM iterations%s\n", r->ns, r->nt,
                    r->iterations, r->converged ? "" : " (not converged)");
    }
    hrr_ideal_free(r);
    hrr_store_close(st);
    return code;
}

static void blocs_help(void)
{
    printf("usage: hrr blocs --body B [--from Y] [--to Y] [--min N] [--seed S] [--csv | --json]\n\n"
           "Voting blocs: communities (Louvain, igraph) of the graph joining states whose\n"
           "agreement is above the median of all pairs (docs/analysis.md). --min N:\n"
           "states need N common votes with a partner (default 20). --seed S: the\n"
           "community search's random order (default 1); the same seed, the same blocs.\n"
           "--json gives {\"blocs\": [{\"members\": [ISO3, ...]}, ...], \"modularity\": Q}.\n");
}

int hrr_cmd_blocs(hrr_cli_t *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"body", required_argument, 0, 'b'}, {"from", required_argument, 0, 'f'},
        {"to", required_argument, 0, 't'},   {"min", required_argument, 0, 'm'},
        {"seed", required_argument, 0, 's'}, {"csv", no_argument, 0, 'C'},
        {"json", no_argument, 0, 'J'},       {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    static const char *const cols[] = {"bloc", "state"};
    hrr_scope_opts_t sc = {0};
    long min_n = 20;
    unsigned long seed = 1;
    out_fmt_t fmt = OUT_TABLE;
    int c, code = 0;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 'b': sc.body = optarg; break;
        case 'f': sc.from = atoi(optarg); break;
        case 't': sc.to = atoi(optarg); break;
        case 'm': min_n = atol(optarg); break;
        case 's': seed = strtoul(optarg, NULL, 10); break;
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
    hrr_store_t *st = hrr_cli_open(cli, false, &code);
    if (!st) return code;
    hrr_blocs_t *b = NULL;
    hrr_err_t rc = hrr_blocs_run(st, &sc, min_n, seed, &b);
    if (rc) {
        code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
    } else if (fmt == OUT_JSON) {
        json_t *o = json_object(), *arr = json_array();
        for (int k = 0; k < b->nblocs; k++) {
            json_t *m = json_array(), *x = json_object();
            for (size_t i = 0; i < b->ns; i++)
                if (b->bloc[i] == k) json_array_append_new(m, json_string(b->iso3[i]));
            json_object_set_new(x, "members", m);
            json_array_append_new(arr, x);
        }
        json_object_set_new(o, "blocs", arr);
        json_object_set_new(o, "modularity", json_real(b->modularity));
        code = out_json(stdout, o) ? 0 : HRR_EXIT_IO;
    } else {
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
