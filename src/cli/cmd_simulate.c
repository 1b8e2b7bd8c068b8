/*
 * cmd_simulate.c - `hrr simulate`: an ensemble of simulated Council
 * histories under a scenario (scenarios/NAME.json), summarised per year
 * (median, 90% interval), against the baseline for a what-if; the
 * out-of-sample validation (--validate); the sensitivity (--sensitivity).
 * Threads with OpenMP (--threads); processes with MPI when hrr is built
 * with it and started by mpirun: rank k runs a contiguous block of runs,
 * rank 0 gathers them in run order and prints. docs/simulation.md.
 */
#include "args.h"
#include "hrr/report_sim.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef HRR_HAVE_MPI
#include <mpi.h>
#endif

static void help(void)
{
    printf("usage: hrr simulate [SCENARIO.json] [--runs N] [--seed S] [--threads T]\n"
           "                    [--from DATE] [--years N] [--out DIR] [--json | --csv]\n"
           "       hrr simulate [SCENARIO.json] --validate [--runs N] [--seed S]\n"
           "       hrr simulate [SCENARIO.json] --sensitivity [--points N] [--runs N]\n"
           "       hrr simulate [SCENARIO.json] --params\n\n"
           "Runs the Human Rights Council forward session by session (members elected by\n"
           "regional group, drafts tabled by sponsors who anticipate their support, the\n"
           "targets' answers, every ballot from the forecast model) and prints each\n"
           "quantity's median and 90%% interval by year over the runs, beside the recorded\n"
           "value; a scenario other than the baseline also prints its effect against the\n"
           "baseline (the run-by-run difference, same seed). Default scenario: the\n"
           "baseline's values (scenarios/baseline.json); default 200 runs, seed 1.\n"
           "--from DATE --years N: start from the store's state on DATE (YYYY-MM-DD, or\n"
           "YYYY for January 1): its members, the votes before it, the sessions after it.\n"
           "--validate: start after the calibration window (2022) with drawn agendas and\n"
           "compare with the records, per year and quantity (out of sample).\n"
           "--sensitivity: one-at-a-time and a Latin hypercube of --points N (default 20)\n"
           "points, on drawn agendas; parameters the records cannot identify are marked.\n"
           "--out DIR: also write DIR/summary.csv and DIR/runs.csv (every run).\n"
           "--threads T: OpenMP threads (default: all). Under mpirun the runs are split\n"
           "across ranks; the same seed gives the same numbers on any threads and ranks.\n");
}

typedef struct sim_opts {
    long threads, years, points;
    int from, from_date;
    const char *out;
    int validate, sensitivity, params;
} sim_opts_t;

static int on_opt(void *ctx, int c, const char *arg)
{
    sim_opts_t *so = ctx;
    switch (c) {
    case 'T':
        if (!hrr_args_long(arg, 1, 1024, &so->threads)) return hrr_cli_usage("simulate", "--threads: expected 1-1024, got '%s'", arg);
        break;
    case 'y':
        if (!hrr_args_long(arg, 1, 50, &so->years)) return hrr_cli_usage("simulate", "--years: expected 1-50, got '%s'", arg);
        break;
    case 'p':
        if (!hrr_args_long(arg, 3, 10000, &so->points)) return hrr_cli_usage("simulate", "--points: expected 3-10000, got '%s'", arg);
        break;
    case 'F':
        if (hrr_sim_parse_from(arg, &so->from, &so->from_date))
            return hrr_cli_usage("simulate", "--from: expected a day YYYY-MM-DD or a year YYYY, got '%s'", arg);
        break;
    case 'o': so->out = arg; break;
    case 'V': so->validate = 1; break;
    case 'S': so->sensitivity = 1; break;
    case 'P': so->params = 1; break;
    }
    return 0;
}

/* This process's MPI rank (0 without MPI). */
static int mpi_rank(void)
{
    int rank = 0;
#ifdef HRR_HAVE_MPI
    int inited = 0;
    MPI_Initialized(&inited);
    if (inited) MPI_Comm_rank(MPI_COMM_WORLD, &rank);
#endif
    return rank;
}

static void progress(void *ud, long done, long total)
{
    (void)ud;
    fprintf(stderr, "\rsimulate: %ld/%ld runs", done, total);
    if (done == total) fprintf(stderr, "\n");
}

/* Runs 0..RUNS-1 into OUT (on rank 0: all of them, in run order). *ROOT is
 * 0 on the other ranks, which print nothing. */
static hrr_err_t ensemble(hrr_sim_t *sim, long runs, unsigned long seed, int threads, double *out, int *root)
{
    int rank = 0, size = 1;
    void (*pg)(void *, long, long) = isatty(2) ? progress : NULL;
#ifdef HRR_HAVE_MPI
    int inited = 0;
    MPI_Initialized(&inited);
    if (inited) {
        MPI_Comm_rank(MPI_COMM_WORLD, &rank);
        MPI_Comm_size(MPI_COMM_WORLD, &size);
    }
#endif
    *root = rank == 0;
    long r0 = runs * rank / size, r1 = runs * (rank + 1) / size;
    size_t stride = (size_t)hrr_sim_years(sim) * HRR_SIM_NQ;
    hrr_err_t rc = hrr_sim_run(sim, r0, r1, seed, threads, out + (size_t)r0 * stride, rank == 0 ? pg : NULL, NULL);
#ifdef HRR_HAVE_MPI
    if (size > 1) {
        int *cnt = malloc((size_t)size * sizeof *cnt), *disp = malloc((size_t)size * sizeof *disp);
        int ok = !rc && cnt && disp, all = 0;
        MPI_Allreduce(&ok, &all, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
        if (all) {
            for (int k = 0; k < size; k++) {
                long a = runs * k / size, b = runs * (k + 1) / size;
                cnt[k] = (int)((size_t)(b - a) * stride), disp[k] = (int)((size_t)a * stride);
            }
            MPI_Gatherv(rank ? out + (size_t)r0 * stride : MPI_IN_PLACE, cnt[rank], MPI_DOUBLE, out, cnt, disp,
                        MPI_DOUBLE, 0, MPI_COMM_WORLD);
        } else if (!rc) {
            rc = HRR_ENOMEM;
        }
        free(cnt);
        free(disp);
    }
#endif
    return rc;
}

static int write_out(const char *dir, const hrr_sim_summary_t *s, const double *out, long runs)
{
    char path[4096];
    if (mkdir(dir, 0777) && errno != EEXIST) return hrr_cli_fail(HRR_EIO, "%s: cannot create the folder: %s", dir, strerror(errno));
    const char *names[] = {"summary.csv", "runs.csv"};
    for (int k = 0; k < 2; k++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[k]);
        FILE *f = fopen(path, "w");
        if (!f) return hrr_cli_fail(HRR_EIO, "%s: cannot write: %s", path, strerror(errno));
        hrr_err_t rc = k ? hrr_report_sim_runs(f, HRR_OUT_CSV, out, runs, s->y0, s->ny)
                         : hrr_report_sim(f, HRR_OUT_CSV, s);
        if (fclose(f) || rc) return hrr_cli_fail(rc ? rc : HRR_EIO, "%s: write failed", path);
    }
    return 0;
}

int hrr_cmd_simulate(hrr_cli_t *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"threads", required_argument, 0, 'T'}, {"years", required_argument, 0, 'y'},
        {"points", required_argument, 0, 'p'}, {"out", required_argument, 0, 'o'},
        {"validate", no_argument, 0, 'V'}, {"sensitivity", no_argument, 0, 'S'},
        {"params", no_argument, 0, 'P'}, {"from", required_argument, 0, 'F'}, {0, 0, 0, 0}};
    sim_opts_t so = {.points = 20};
    const hrr_args_spec_t spec = {.cmd = "simulate", .shared = ARG_DB | ARG_SEED | ARG_RUNS | ARG_FMT,
                                  .own = opts, .on_opt = on_opt, .ctx = &so, .help = help, .maxpos = 1};
    hrr_args_t a = {.seed = 1, .runs = 200};
    hrr_sim_params_t p, bp;
    hrr_store_t *st = NULL;
    hrr_sim_t *sim = NULL, *base = NULL;
    hrr_sim_summary_t *sm = NULL;
    double *out = NULL, *bout = NULL;
    int code = hrr_args_parse(cli, &spec, argc, argv, &a), root = 1;
    if (code >= 0) return code;
    if (so.validate + so.sensitivity + so.params > 1)
        return hrr_cli_usage("simulate", "--validate, --sensitivity and --params exclude each other");
    if (so.validate && (so.from || so.years))
        return hrr_cli_usage("simulate", "--validate starts after the calibration window: no --from or --years");
    hrr_ctx_t *ctx = NULL;
    if (hrr_ctx_new(&ctx)) return hrr_cli_fail(HRR_ENOMEM, "out of memory");
    if (a.npos == 1) {
        hrr_err_t lrc = hrr_sim_scenario_load(a.pos[0], &p, ctx);
        if (lrc) {
            code = hrr_cli_fail(lrc, "%s", hrr_errmsg(ctx));
            hrr_ctx_free(ctx);
            return code;
        }
    } else {
        hrr_sim_params_default(&p);
    }
    hrr_ctx_free(ctx);
    if (so.params) return hrr_cli_finish(hrr_cli_report(hrr_report_sim_params(stdout, a.fmt, &p)));
    if (so.from) p.start_year = so.from, p.start_date = so.from_date;
    if (so.years) p.years = (int)so.years;
    if (so.validate) p.start_year = p.calib_to + 1, p.start_date = 0, p.years = 3, p.recorded_agenda = 0;
    if (so.sensitivity) p.recorded_agenda = 0; /* the rates matter on drawn agendas */
    if (!p.start_date && (p.start_year < 2006 || p.start_year > 2030)) /* a day: checked on the store */
        return hrr_cli_usage("simulate", "--from: the Council's years are 2006-2030, got %d", p.start_year);
#ifdef HRR_HAVE_MPI
    if (getenv("OMPI_COMM_WORLD_SIZE") || getenv("PMI_SIZE") || getenv("PMIX_RANK")) MPI_Init(&argc, &argv);
#endif
    if (!(st = hrr_cli_open(cli, false, &code))) goto done;
    if ((code = hrr_sim_open(st, &p, &sim))) {
        code = code == HRR_EINVAL && p.start_date ? hrr_cli_usage("simulate", "--from: %s", hrr_store_errmsg(st))
                                                  : hrr_cli_fail(HRR_EDATA, "%s", hrr_store_errmsg(st));
        goto done;
    }
    if (so.sensitivity && mpi_rank() != 0) goto done; /* one process is enough */
    if (so.sensitivity) {
        hrr_sim_sens_t *sens = NULL;
        hrr_err_t rc = hrr_sim_sensitivity(sim, a.runs_set ? a.runs : 50, so.points, a.seed, (int)so.threads, &sens);
        code = rc ? hrr_cli_fail(rc, "%s", hrr_store_errmsg(st)) : hrr_cli_report(hrr_report_sim_sens(stdout, a.fmt, sens));
        hrr_sim_sens_free(sens);
        goto done;
    }
    size_t cells = (size_t)a.runs * (size_t)hrr_sim_years(sim) * HRR_SIM_NQ;
#ifdef HRR_HAVE_MPI
    if (cells > 2147483647u) { /* MPI_Gatherv counts are ints */
        int inited = 0;
        MPI_Initialized(&inited);
        if (inited) {
            code = hrr_cli_usage("simulate", "--runs: at most %zu runs under MPI", (size_t)2147483647u / (cells / (size_t)a.runs));
            goto done;
        }
    }
#endif
    if (!(out = calloc(cells, sizeof *out))) {
        code = hrr_cli_fail(HRR_ENOMEM, "out of memory");
        goto done;
    }
    hrr_err_t rc = ensemble(sim, a.runs, a.seed, (int)so.threads, out, &root);
    int compare = !so.validate && strcmp(p.name, "baseline");
    if (!rc && compare) { /* the baseline over the same years, same seed */
        hrr_sim_params_default(&bp);
        bp.start_year = p.start_year, bp.start_date = p.start_date, bp.years = p.years;
        bp.calib_from = p.calib_from, bp.calib_to = p.calib_to;
        if (!(bout = calloc(cells, sizeof *bout))) rc = HRR_ENOMEM;
        else if (!(rc = hrr_sim_open(st, &bp, &base))) rc = ensemble(base, a.runs, a.seed, (int)so.threads, bout, &root);
    }
    if (!rc && root) rc = hrr_sim_summarise(sim, out, a.runs, a.seed, &sm);
    if (!rc && root && compare) rc = hrr_sim_summary_compare(sm, "baseline", out, bout, a.runs);
    if (rc) {
        code = hrr_cli_fail(rc, "%s", rc == HRR_ENOMEM ? "out of memory" : hrr_store_errmsg(st));
        goto done;
    }
    if (!root) goto done;
    if (so.out && (code = write_out(so.out, sm, out, a.runs))) goto done;
    code = hrr_cli_report(so.validate ? hrr_report_sim_validate(stdout, a.fmt, sm) : hrr_report_sim(stdout, a.fmt, sm));
done:
    hrr_sim_summary_free(sm);
    hrr_sim_free(sim);
    hrr_sim_free(base);
    free(out);
    free(bout);
    hrr_store_close(st);
#ifdef HRR_HAVE_MPI
    {
        int inited = 0;
        MPI_Initialized(&inited);
        if (inited) MPI_Finalize();
    }
#endif
    return hrr_cli_finish(code);
}
