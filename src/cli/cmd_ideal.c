/*
 * cmd_ideal.c - `hrr ideal`: ideal points by EM (one or two dimensions,
 * binary or ordinal, bootstrap standard errors), and `hrr blocs`.
 */
#include "args.h"
#include "hrr/ideal_study.h"

#include <stdio.h>
#include <string.h>

static void help(void)
{
    printf("usage: hrr ideal --body B [--from Y] [--to Y] [--min N] [--positive ISO3]\n"
           "                 [--dims 1|2] [--model binary|ordinal] [--se N [--seed S]]\n"
           "                 [--csv | --json]\n"
           "       hrr ideal --simulate NS,NT,SEED [--dims 1|2] [--model M] [--se N]\n"
           "       hrr ideal --body B --dynamic ... | --gibbs ...  (hrr ideal --dynamic --help)\n\n"
           "Ideal points by EM for the probit model of voting (Imai, Lo and Olmsted\n"
           "2016; docs/analysis.md). Binary model (default): yes 1, no 0, abstentions\n"
           "missing. --model ordinal: ordered probit no < abstain < yes with item\n"
           "cutpoints (one dimension). --dims 2: two dimensions, turned to the principal\n"
           "axes of the points (dim1 the wider). Each dimension has mean 0 and sd 1,\n"
           "the --positive state (default USA) > 0.\n"
           "--min N: states with fewer votes are left out (default 20).\n"
           "--se N: standard errors by a parametric bootstrap of N replicates (one\n"
           "dimension), --seed S its random streams (default 1): the same seed gives\n"
           "the same figures whatever the number of threads (OMP_NUM_THREADS).\n"
           "Columns: state,dim1[,se][,dim2],votes.\n"
           "--simulate NS,NT,SEED: no store; fit NS states x NT votes drawn from the\n"
           "model (10%% missing) and print the fit's time, iterations and correlation\n"
           "with the truth (with --se, the share of the truth within 1.96 se).\n");
}

/* --simulate NS,NT,SEED: the recovery study. */
static int simulate(const char *spec, const hrr_ideal_opts_t *io)
{
    size_t ns, nt;
    unsigned long seed;
    char extra;
    hrr_ideal_study_t s;
    if (sscanf(spec, "%zu,%zu,%lu%c", &ns, &nt, &seed, &extra) != 3 || ns < 3 || nt < 1 ||
        ns > 100000 || nt > 10000000 / ns * 100)
        return hrr_cli_usage("ideal", "--simulate wants NS,NT,SEED (e.g. 193,6000,1): NS states"
                             " 3-100000, NT votes at least 1, NS x NT at most 1000000000");
    hrr_err_t rc = hrr_ideal_study(ns, nt, seed, io, &s, NULL);
    if (rc == HRR_ENOMEM) return hrr_cli_fail(rc, "out of memory");
    if (rc) return hrr_cli_fail(rc, "ideal --simulate: bad options");
    return hrr_cli_report(hrr_report_ideal_study(stdout, &s));
}

typedef struct ideal_cli {
    hrr_ideal_opts_t io;
    const char *sim;
} ideal_cli_t;

static int on_opt(void *ctx, int c, const char *arg)
{
    ideal_cli_t *ic = ctx;
    char msg[256];
    int code;
    switch (c) {
    case 'p': ic->io.positive = arg; break;
    case 'S': ic->sim = arg; break;
    case 'd':
        if ((code = hrr_args_bad("ideal", hrr_param_dims("--dims", arg, &ic->io.dims, msg, sizeof msg),
                                 msg)))
            return code;
        break;
    case 'M':
        if (!strcmp(arg, "binary")) ic->io.model = HRR_IDEAL_BINARY;
        else if (!strcmp(arg, "ordinal")) ic->io.model = HRR_IDEAL_ORDINAL;
        else return hrr_cli_usage("ideal", "--model is binary or ordinal, not '%s'", arg);
        break;
    case 'e':
        if ((code = hrr_args_bad("ideal", hrr_param_se("--se", arg, HRR_PARAM_SE_MAX, &ic->io.se_reps,
                                                       msg, sizeof msg), msg)))
            return code;
        break;
    }
    return 0;
}

int hrr_cmd_ideal(hrr_cli_t *cli, int argc, char **argv)
{
    for (int k = 1; k < argc && strcmp(argv[k], "--"); k++) /* dynamic and Gibbs: cmd_ideal_dyn.c */
        if (!strcmp(argv[k], "--dynamic") || !strcmp(argv[k], "--gibbs")) return hrr_cmd_ideal_dyn(cli, argc, argv);
    static const struct option opts[] = {
        {"positive", required_argument, 0, 'p'}, {"dims", required_argument, 0, 'd'},
        {"model", required_argument, 0, 'M'},    {"se", required_argument, 0, 'e'},
        {"simulate", required_argument, 0, 'S'}, {0, 0, 0, 0}};
    ideal_cli_t ic = {0};
    const hrr_args_spec_t spec = {.cmd = "ideal", .shared = ARG_SCOPE | ARG_MIN | ARG_SEED | ARG_FMT,
                                  .own = opts, .on_opt = on_opt, .ctx = &ic, .help = help};
    hrr_args_t a = {0};
    int code = hrr_args_parse(cli, &spec, argc, argv, &a);
    if (code >= 0) return code;
    hrr_ideal_opts_t *io = &ic.io;
    if (a.min_set) io->min_votes = a.min;
    if (a.seed_set) io->seed = a.seed;
    if (io->model == HRR_IDEAL_ORDINAL && io->dims == 2)
        return hrr_cli_usage("ideal", "the ordinal model is one-dimensional (no --dims 2)");
    if (io->se_reps && io->dims == 2)
        return hrr_cli_usage("ideal", "--se is for one dimension (no --dims 2)");
    if (ic.sim) return simulate(ic.sim, io);
    if (!a.body) return hrr_args_need_body(cli, "ideal");
    hrr_store_t *st = hrr_cli_open(cli, false, &code);
    if (!st) return code;
    hrr_scope_opts_t sc = hrr_args_scope(&a);
    hrr_ideal_t *r = NULL;
    hrr_err_t rc = hrr_ideal_run(st, &sc, io, &r);
    if (rc) {
        code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
    } else {
        code = hrr_cli_report(hrr_report_ideal(stdout, a.fmt, r));
        if (!code && a.fmt == HRR_OUT_TABLE)
            fprintf(stderr, "%zu states, %zu contested votes, %d EM iterations%s, fit %.3f s\n",
                    r->ns, r->nt, r->iterations, r->converged ? "" : " (not converged)",
                    r->fit_seconds);
        if (!code && a.fmt == HRR_OUT_TABLE && r->se)
            fprintf(stderr, "bootstrap: %d replicates, %.3f s\n", io->se_reps, r->se_seconds);
    }
    hrr_ideal_free(r);
    hrr_store_close(st);
    return code;
}
