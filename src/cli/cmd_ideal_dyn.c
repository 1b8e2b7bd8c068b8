/*
 * cmd_ideal_dyn.c - `hrr ideal --dynamic` (a random walk of ideal points
 * across the years) and `hrr ideal --gibbs` (the posterior by Gibbs
 * sampling), dispatched from cmd_ideal.c.
 */
#include "args.h"

#include <stdlib.h>

static void help(void)
{
    printf("usage: hrr ideal --body B --dynamic [--omega W] [--from Y] [--to Y] [--min N]\n"
           "                  [--plot FILE.html]\n"
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
           "Columns: state,dim1,sd,votes (posterior mean and sd). The table format says\n"
           "on stderr the median effective sample size (coda's effectiveSize, summed over\n"
           "the chains) and how many per second.\n"
           "docs/analysis.md.\n");
}

typedef struct dyn_cli {
    hrr_ideal_dyn_opts_t dy;
    hrr_ideal_gibbs_opts_t gb;
    int dynamic, gibbs;
    const char *pos;
    const char *plot; /* --plot FILE.html (--dynamic) */
} dyn_cli_t;

static int on_opt(void *ctx, int c, const char *arg)
{
    dyn_cli_t *d = ctx;
    char *end;
    long v;
    switch (c) {
    case 'p': d->pos = arg; break;
    case 'D': d->dynamic = 1; break;
    case 'P': d->plot = arg; break;
    case 'G': d->gibbs = 1; break;
    case 'w':
        d->dy.omega = strtod(arg, &end);
        if (*end || !*arg || !(d->dy.omega > 0 && d->dy.omega <= 10))
            return hrr_cli_usage("ideal", "--omega: '%s' is not a number in (0, 10]", arg);
        break;
    default: /* i, u, k, c: the sampler's counts */
        if (!hrr_args_long(arg, c == 'u' ? 0 : 1, 10000000, &v))
            return hrr_cli_usage("ideal", "--%s: '%s' is not a count",
                                 c == 'i' ? "iter" : c == 'u' ? "burn" : c == 'k' ? "thin" : "chains", arg);
        if (c == 'i') d->gb.iter = v;
        else if (c == 'u') d->gb.burn = v, d->gb.burn_set = 1;
        else if (c == 'k') d->gb.thin = v;
        else d->gb.chains = (int)(v > 64 ? 64 : v);
        break;
    }
    return 0;
}

int hrr_cmd_ideal_dyn(hrr_cli_t *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"positive", required_argument, 0, 'p'}, {"omega", required_argument, 0, 'w'},
        {"dynamic", no_argument, 0, 'D'},        {"gibbs", no_argument, 0, 'G'},
        {"iter", required_argument, 0, 'i'},     {"burn", required_argument, 0, 'u'},
        {"thin", required_argument, 0, 'k'},     {"chains", required_argument, 0, 'c'},
        {"plot", required_argument, 0, 'P'},     {0, 0, 0, 0}};
    dyn_cli_t d = {0};
    const hrr_args_spec_t spec = {.cmd = "ideal", .shared = ARG_SCOPE | ARG_MIN | ARG_SEED | ARG_FMT,
                                  .own = opts, .on_opt = on_opt, .ctx = &d, .help = help};
    hrr_args_t a = {0};
    int code = hrr_args_parse(cli, &spec, argc, argv, &a);
    if (code >= 0) return code;
    if (d.dynamic && d.gibbs) return hrr_cli_usage("ideal", "--dynamic and --gibbs exclude each other");
    if (!a.body) return hrr_args_need_body(cli, "ideal");
    if (d.plot && !d.dynamic) return hrr_cli_usage("ideal", "--plot goes with --dynamic");
    if (!d.gibbs && (d.gb.iter || d.gb.burn_set || d.gb.thin || d.gb.chains || a.seed_set))
        return hrr_cli_usage("ideal", "--iter, --burn, --thin, --chains and --seed go with --gibbs");
    if (!d.dynamic && d.dy.omega > 0) return hrr_cli_usage("ideal", "--omega goes with --dynamic");
    d.dy.min_votes = d.gb.min_votes = a.min;
    d.dy.positive = d.gb.positive = d.pos;
    d.gb.seed = a.seed;
    hrr_scope_opts_t sc = hrr_args_scope(&a);
    hrr_store_t *st = hrr_cli_open(cli, false, &code);
    if (!st) return code;
    hrr_err_t rc;
    if (d.dynamic) {
        hrr_ideal_dyn_t *r = NULL;
        if ((rc = hrr_ideal_dyn_run(st, &sc, &d.dy, &r))) code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
        else if (d.plot) {
            const char *why = NULL;
            rc = hrr_report_plot_ideal_dyn(d.plot, r, &why);
            code = rc && why ? hrr_cli_fail(rc, "--plot: %s", why) : hrr_cli_report(rc);
        } else code = hrr_cli_report(hrr_report_ideal_dyn(stdout, a.fmt, r));
        if (!code && !d.plot && a.fmt == HRR_OUT_TABLE)
            fprintf(stderr, "%zu states, %zu state-years, %zu contested votes, %d EM iterations%s\n", r->ns, r->n,
                    r->nt, r->iterations, r->converged ? "" : " (not converged)");
        hrr_ideal_dyn_free(r);
    } else {
        hrr_ideal_gibbs_t *r = NULL;
        if ((rc = hrr_ideal_gibbs_run(st, &sc, &d.gb, &r))) code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
        else code = hrr_cli_report(hrr_report_ideal_gibbs(stdout, a.fmt, r));
        if (!code && a.fmt == HRR_OUT_TABLE) {
            double med = r->ess_median;
            fprintf(stderr, "%zu states, %zu contested votes, %d chains x %ld kept draws, %.2f s;"
                    " effective sample size (coda's) median %.0f, %.1f per second\n", r->ns, r->nt,
                    r->chains, r->kept, r->seconds, med, r->seconds > 0 ? med / r->seconds : 0);
        }
        hrr_ideal_gibbs_free(r);
    }
    hrr_store_close(st);
    return code;
}
