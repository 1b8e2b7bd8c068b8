/*
 * cmd_ideal.c - `hrr ideal`: ideal points by EM (one or two dimensions,
 * binary or ordinal, bootstrap standard errors), and `hrr blocs`.
 */
#include "cli.h"
#include "out.h"

#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static double corr(const double *x, int sx, const double *y, int sy, size_t n)
{
    double mx = 0, my = 0, xx = 0, yy = 0, xy = 0;
    for (size_t i = 0; i < n; i++) mx += x[i * sx], my += y[i * sy];
    mx /= (double)n;
    my /= (double)n;
    for (size_t i = 0; i < n; i++) {
        double u = x[i * sx] - mx, v = y[i * sy] - my;
        xx += u * u, yy += v * v, xy += u * v;
    }
    return xy / sqrt(xx * yy);
}

/* --simulate NS,NT,SEED: draw, fit, time, compare with the truth. */
static int simulate(const char *spec, const hrr_ideal_opts_t *io)
{
    size_t ns, nt;
    unsigned long seed;
    char extra;
    if (sscanf(spec, "%zu,%zu,%lu%c", &ns, &nt, &seed, &extra) != 3 || ns < 3 || nt < 1 ||
        ns > 100000 || nt > 10000000 / ns * 100)
        return hrr_cli_usage("ideal", "--simulate wants NS,NT,SEED (e.g. 193,6000,1)");
    int dims = io->dims ? io->dims : 1, code = 0;
    signed char *y = malloc(ns * nt);
    double *truth = malloc(ns * dims * sizeof *truth), *x = malloc(ns * dims * sizeof *x);
    double *se = malloc(ns * sizeof *se);
    if (!y || !truth || !x || !se) {
        code = hrr_cli_fail(HRR_ENOMEM, "out of memory");
        goto out;
    }
    hrr_err_t rc = hrr_ideal_simulate(ns, nt, dims, io->model, 0.1, seed, y, truth);
    int iters = 0, conv = 0;
    double t0 = now_s();
    if (!rc) rc = hrr_ideal_fit(y, ns, nt, io, x, &iters, &conv);
    double t1 = now_s();
    if (!rc && io->se_reps > 0) rc = hrr_ideal_fit_se(y, ns, nt, io, x, se, NULL, NULL);
    double t2 = now_s();
    if (rc) {
        code = hrr_cli_fail(rc, "ideal --simulate: bad options");
        goto out;
    }
    printf("simulated %zu x %zu (seed %lu, %s, %d dim%s, 10%% missing): fit %.4f s, %d iterations%s",
           ns, nt, seed, io->model == HRR_IDEAL_ORDINAL ? "ordinal" : "binary", dims,
           dims > 1 ? "s" : "", t1 - t0, iters, conv ? "" : " (not converged)");
    for (int q = 0; q < dims; q++)
        printf(", |r| dim%d = %.4f", q + 1, fabs(corr(x + q, dims, truth + q, dims, ns)));
    if (io->se_reps > 0) {
        /* the truth on the estimate's scale: standardised, same sign */
        double m = 0, s = 0, sg = corr(x, 1, truth, 1, ns) < 0 ? -1 : 1, cover = 0, mse = 0;
        for (size_t i = 0; i < ns; i++) m += truth[i];
        m /= (double)ns;
        for (size_t i = 0; i < ns; i++) s += (truth[i] - m) * (truth[i] - m);
        s = sqrt(s / (double)(ns - 1));
        for (size_t i = 0; i < ns; i++) {
            double t = sg * (truth[i] - m) / s;
            cover += fabs(t - x[i]) <= 1.96 * se[i];
            mse += se[i];
        }
        printf("; bootstrap %d replicates %.3f s, mean se %.4f, coverage %.3f", io->se_reps,
               t2 - t1, mse / (double)ns, cover / (double)ns);
    }
    printf("\n");
    if (fflush(stdout) != 0) code = HRR_EXIT_IO;
out:
    free(y);
    free(truth);
    free(x);
    free(se);
    return code;
}

int hrr_cmd_ideal(hrr_cli_t *cli, int argc, char **argv)
{
    for (int k = 1; k < argc && strcmp(argv[k], "--"); k++) /* dynamic and Gibbs: cmd_ideal_dyn.c */
        if (!strcmp(argv[k], "--dynamic") || !strcmp(argv[k], "--gibbs")) return hrr_cmd_ideal_dyn(cli, argc, argv);
    static const struct option opts[] = {
        {"body", required_argument, 0, 'b'},  {"from", required_argument, 0, 'f'},
        {"to", required_argument, 0, 't'},    {"min", required_argument, 0, 'm'},
        {"positive", required_argument, 0, 'p'}, {"csv", no_argument, 0, 'C'},
        {"json", no_argument, 0, 'J'},        {"help", no_argument, 0, 'h'},
        {"dims", required_argument, 0, 'd'},  {"model", required_argument, 0, 'M'},
        {"se", required_argument, 0, 'e'},    {"seed", required_argument, 0, 's'},
        {"simulate", required_argument, 0, 'S'}, {0, 0, 0, 0}};
    const char *cols[5];
    hrr_scope_opts_t sc = {0};
    hrr_ideal_opts_t io = {0};
    const char *sim = NULL;
    out_fmt_t fmt = OUT_TABLE;
    int c, code = 0;
    char *end;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 'b': sc.body = optarg; break;
        case 'f': sc.from = atoi(optarg); break;
        case 't': sc.to = atoi(optarg); break;
        case 'm': io.min_votes = atol(optarg); break;
        case 'p': io.positive = optarg; break;
        case 'd':
            if (strcmp(optarg, "1") && strcmp(optarg, "2"))
                return hrr_cli_usage("ideal", "--dims is 1 or 2, not '%s'", optarg);
            io.dims = atoi(optarg);
            break;
        case 'M':
            if (!strcmp(optarg, "binary"))
                io.model = HRR_IDEAL_BINARY;
            else if (!strcmp(optarg, "ordinal"))
                io.model = HRR_IDEAL_ORDINAL;
            else
                return hrr_cli_usage("ideal", "--model is binary or ordinal, not '%s'", optarg);
            break;
        case 'e': {
            long n = strtol(optarg, &end, 10);
            if (*end || end == optarg || n < 2 || n > 100000)
                return hrr_cli_usage("ideal", "--se wants a number of replicates, 2 to 100000, not '%s'",
                                     optarg);
            io.se_reps = (int)n;
            break;
        }
        case 's':
            io.seed = strtoul(optarg, &end, 10);
            if (*end || end == optarg || optarg[0] == '-')
                return hrr_cli_usage("ideal", "--seed wants a non-negative integer, not '%s'", optarg);
            break;
        case 'S': sim = optarg; break;
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
    if (io.model == HRR_IDEAL_ORDINAL && io.dims == 2)
        return hrr_cli_usage("ideal", "the ordinal model is one-dimensional (no --dims 2)");
    if (io.se_reps && io.dims == 2)
        return hrr_cli_usage("ideal", "--se is for one dimension (no --dims 2)");
    if (sim) return simulate(sim, &io);
    if (!sc.body) return hrr_cli_usage("ideal", "--body B is required (CHR, HRC, GA)");
    int nc = 0;
    cols[nc++] = "state";
    cols[nc++] = "dim1";
    if (io.se_reps) cols[nc++] = "se";
    if (io.dims == 2) cols[nc++] = "dim2";
    cols[nc++] = "votes";
    hrr_store_t *st = hrr_cli_open(cli, false, &code);
    if (!st) return code;
    hrr_ideal_t *r = NULL;
    hrr_err_t rc = hrr_ideal_run(st, &sc, &io, &r);
    if (rc) {
        code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
    } else {
        out_t o;
        if (!out_begin(&o, fmt, stdout, nc, cols)) code = hrr_cli_fail(HRR_ENOMEM, "out of memory");
        for (size_t i = 0; !code && i < r->ns; i++) {
            char v[32];
            out_text(&o, r->iso3[i]);
            snprintf(v, sizeof v, "%.4f", r->x[i]);
            out_text(&o, v);
            if (r->se) {
                snprintf(v, sizeof v, "%.4f", r->se[i]);
                out_text(&o, v);
            }
            if (r->x2) {
                snprintf(v, sizeof v, "%.4f", r->x2[i]);
                out_text(&o, v);
            }
            out_int(&o, r->n[i]);
        }
        if (!code) code = out_done(&o);
        if (!code && fmt == OUT_TABLE)
            fprintf(stderr, "%zu states, %zu contested votes, %d EM iterations%s, fit %.3f s\n",
                    r->ns, r->nt, r->iterations, r->converged ? "" : " (not converged)",
                    r->fit_seconds);
        if (!code && fmt == OUT_TABLE && r->se)
            fprintf(stderr, "bootstrap: %d replicates, %.3f s\n", io.se_reps, r->se_seconds);
    }
    hrr_ideal_free(r);
    hrr_store_close(st);
    return code;
}
