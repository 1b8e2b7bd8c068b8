/*
 * cmd_ideal_dyn.c - `hrr ideal --dynamic` (a random walk of ideal points
 * across the years) and `hrr ideal --gibbs` (the posterior by Gibbs
 * sampling), dispatched from cmd_ideal.c.
 */
#include "cli.h"
#include "out.h"

#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static void help(void)
{
    printf("usage: hrr ideal --body B --dynamic [--omega W] [--from Y] [--to Y] [--min N]\n"
           "                 [--positive ISO3] [--csv | --json]\n"
           "       hrr ideal --body B --gibbs [--iter N] [--burn B] [--thin K] [--chains C]\n"
           "                 [--seed S] [--from Y] [--to Y] [--min N] [--positive ISO3]\n"
           "                 [--csv | --json]\n\n"
           "--dynamic: each state's ideal point year by year, a random walk with yearly\n"
           "steps of sd W (default 0.1) across its first to last year with votes (years\n"
           "off the body bridged), fitted by EM with a Kalman smoother (Martin and Quinn\n"
           "2002; Imai, Lo and Olmsted 2016). Columns: state,year,dim1,sd,votes (votes\n"
           "0: a year bridged). Standardised over all state-years, --positive > 0.\n"
           "--gibbs: the one-dimensional probit model's posterior by Gibbs sampling (Albert\n"
           "and Chib 1993; as pscl::ideal): N iterations (default 2000) after B (500),\n"
           "every K-th kept (1), C chains (2) in parallel from streams of --seed (1).\n"
           "Columns: state,dim1,sd,votes (posterior mean and sd).\n"
           "docs/analysis.md.\n");
}

int hrr_cmd_ideal_dyn(hrr_cli_t *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"body", required_argument, 0, 'b'},     {"from", required_argument, 0, 'f'},
        {"to", required_argument, 0, 't'},       {"min", required_argument, 0, 'm'},
        {"positive", required_argument, 0, 'p'}, {"omega", required_argument, 0, 'w'},
        {"dynamic", no_argument, 0, 'D'},        {"gibbs", no_argument, 0, 'G'},
        {"iter", required_argument, 0, 'i'},     {"burn", required_argument, 0, 'u'},
        {"thin", required_argument, 0, 'k'},     {"chains", required_argument, 0, 'c'},
        {"seed", required_argument, 0, 's'},     {"csv", no_argument, 0, 'C'},
        {"json", no_argument, 0, 'J'},           {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    hrr_scope_opts_t sc = {0};
    hrr_ideal_dyn_opts_t dy = {0};
    hrr_ideal_gibbs_opts_t gb = {0};
    out_fmt_t fmt = OUT_TABLE;
    int c, code = 0, dynamic = 0, gibbs = 0;
    long min = 0;
    const char *pos = NULL;
    char *end;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        long v;
        switch (c) {
        case 'b': sc.body = optarg; break;
        case 'f': sc.from = atoi(optarg); break;
        case 't': sc.to = atoi(optarg); break;
        case 'm': min = atol(optarg); break;
        case 'p': pos = optarg; break;
        case 'D': dynamic = 1; break;
        case 'G': gibbs = 1; break;
        case 'w':
            dy.omega = strtod(optarg, &end);
            if (*end || !*optarg || !(dy.omega > 0 && dy.omega <= 10))
                return hrr_cli_usage("ideal", "--omega: '%s' is not a number in (0, 10]", optarg);
            break;
        case 'i':
        case 'u':
        case 'k':
        case 'c':
            v = strtol(optarg, &end, 10);
            if (*end || !*optarg || v < (c == 'u' ? 0 : 1) || v > 10000000)
                return hrr_cli_usage("ideal", "--%s: '%s' is not a count", c == 'i' ? "iter" : c == 'u' ? "burn" : c == 'k' ? "thin" : "chains", optarg);
            if (c == 'i') gb.iter = v;
            else if (c == 'u') gb.burn = v, gb.burn_set = 1;
            else if (c == 'k') gb.thin = v;
            else gb.chains = (int)(v > 64 ? 64 : v);
            break;
        case 's':
            gb.seed = strtoul(optarg, &end, 10);
            if (*end || !*optarg) return hrr_cli_usage("ideal", "--seed: '%s' is not a number", optarg);
            break;
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
    if (dynamic && gibbs) return hrr_cli_usage("ideal", "--dynamic and --gibbs exclude each other");
    if (!sc.body) return hrr_cli_usage("ideal", "--body B is required (CHR, HRC, GA)");
    if (!gibbs && (gb.iter || gb.burn_set || gb.thin || gb.chains || gb.seed))
        return hrr_cli_usage("ideal", "--iter, --burn, --thin, --chains and --seed go with --gibbs");
    if (!dynamic && dy.omega > 0) return hrr_cli_usage("ideal", "--omega goes with --dynamic");
    dy.min_votes = gb.min_votes = min;
    dy.positive = gb.positive = pos;
    hrr_store_t *st = hrr_cli_open(cli, false, &code);
    if (!st) return code;
    out_t o;
    if (dynamic) {
        static const char *const cols[] = {"state", "year", "dim1", "sd", "votes"};
        hrr_ideal_dyn_t *r = NULL;
        hrr_err_t rc = hrr_ideal_dyn_run(st, &sc, &dy, &r);
        if (rc) code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
        else if (!out_begin(&o, fmt, stdout, 5, cols)) code = hrr_cli_fail(HRR_ENOMEM, "out of memory");
        for (size_t i = 0; !code && i < r->n; i++) {
            char v[32];
            out_text(&o, r->r[i].iso3);
            out_int(&o, r->r[i].year);
            snprintf(v, sizeof v, "%.4f", r->r[i].x);
            out_text(&o, v);
            snprintf(v, sizeof v, "%.4f", r->r[i].sd);
            out_text(&o, v);
            out_int(&o, r->r[i].n);
        }
        if (!code) code = out_done(&o);
        if (!code && fmt == OUT_TABLE)
            fprintf(stderr, "%zu states, %zu state-years, %zu contested votes, %d EM iterations%s\n", r->ns, r->n,
                    r->nt, r->iterations, r->converged ? "" : " (not converged)");
        hrr_ideal_dyn_free(r);
    } else {
        static const char *const cols[] = {"state", "dim1", "sd", "votes"};
        hrr_ideal_gibbs_t *r = NULL;
        hrr_err_t rc = hrr_ideal_gibbs_run(st, &sc, &gb, &r);
        if (rc) code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
        else if (!out_begin(&o, fmt, stdout, 4, cols)) code = hrr_cli_fail(HRR_ENOMEM, "out of memory");
        for (size_t i = 0; !code && i < r->ns; i++) {
            char v[32];
            out_text(&o, r->iso3[i]);
            snprintf(v, sizeof v, "%.4f", r->mean[i]);
            out_text(&o, v);
            snprintf(v, sizeof v, "%.4f", r->sd[i]);
            out_text(&o, v);
            out_int(&o, r->n[i]);
        }
        if (!code) code = out_done(&o);
        if (!code && fmt == OUT_TABLE)
            fprintf(stderr, "%zu states, %zu contested votes, %d chains x %ld kept draws, %.2f s\n", r->ns, r->nt,
                    r->chains, r->kept, r->seconds);
        hrr_ideal_gibbs_free(r);
    }
    hrr_store_close(st);
    return code;
}
