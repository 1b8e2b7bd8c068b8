/*
 * cmd_agree.c - `hrr agree` (pairwise agreement between states) and
 * `hrr cohesion` (a group's cohesion by year), over one body and period.
 */
#include "args.h"

typedef struct agree_opts {
    const char *with; /* --with ISO3 or --group G */
    int by_year;
    const char *plot; /* --plot FILE.html */
} agree_opts_t;

static const struct option k_opts[] = {
    {"with", required_argument, 0, 'w'}, {"group", required_argument, 0, 'g'},
    {"by-year", no_argument, 0, 'y'},    {"plot", required_argument, 0, 'P'},
    {0, 0, 0, 0}};

static int on_opt(void *ctx, int c, const char *arg)
{
    agree_opts_t *ao = ctx;
    if (c == 'y') ao->by_year = 1;
    else if (c == 'P') ao->plot = arg;
    else ao->with = arg;
    return 0;
}

static void agree_help(void)
{
    printf("usage: hrr agree --body B [--from Y] [--to Y] [--with ISO3 [--by-year]] [--min N]\n"
           "                 [--csv | --json | --plot FILE.html]\n\n"
           "Agreement between states over the items both voted on (yes, no or abstain):\n"
           "  agree       share of identical votes\n"
           "  agree_half  yes-or-no against an abstention counts half (Lijphart 1963)\n"
           "  n           the number of votes behind each figure\n"
           "--with ISO3: that state against every other (--by-year: one row a year).\n"
           "--min N: leave out pairs with fewer than N common votes (default 1).\n"
           "--plot FILE.html: with --with and --by-year, a standalone plot (Vega-Lite).\n");
}

static void cohesion_help(void)
{
    printf("usage: hrr cohesion --body B --group G [--from Y] [--to Y]\n"
           "                    [--csv | --json | --plot FILE.html]\n\n"
           "A group's cohesion by year (G: AFRICAN, ASIA_PACIFIC, GRULAC, WEOG, EEG or any\n"
           "organisation in the store's memberships), over the items where at least two\n"
           "of its members voted:\n"
           "  rice  mean |yes - no| / (yes + no) (Rice 1928)\n"
           "  hnr   mean (max(y,n,a) - (y+n+a-max)/2) / (y+n+a) (Hix, Noury and Roland 2005)\n");
}

/* Both commands' options; -1 to go on, else the exit code. */
static int parse(hrr_cli_t *cli, const char *cmd, unsigned shared, void (*help)(void),
                 int argc, char **argv, hrr_args_t *a, agree_opts_t *ao)
{
    const hrr_args_spec_t spec = {.cmd = cmd, .shared = shared | ARG_SCOPE | ARG_FMT |
                                  ARG_BODY_REQUIRED, .own = k_opts, .on_opt = on_opt,
                                  .ctx = ao, .help = help, .maxpos = 0};
    return hrr_args_parse(cli, &spec, argc, argv, a);
}

/* The exit code of a --plot: its failure (RC), with WHY, or 0. */
static int plot_done(hrr_err_t rc, const char *why)
{
    if (rc && why) return hrr_cli_fail(rc, "--plot: %s", why);
    return hrr_cli_report(rc);
}

int hrr_cmd_agree(hrr_cli_t *cli, int argc, char **argv)
{
    hrr_args_t a = {.min = 1};
    agree_opts_t ao = {0};
    int code = parse(cli, "agree", ARG_MIN, agree_help, argc, argv, &a, &ao);
    if (code >= 0) return code;
    if (ao.by_year && !ao.with) return hrr_cli_usage("agree", "--by-year needs --with ISO3");
    if (ao.plot && !ao.by_year) return hrr_cli_usage("agree", "--plot needs --with ISO3 --by-year");
    hrr_store_t *st = hrr_cli_open(cli, false, &code);
    if (!st) return code;
    hrr_scope_opts_t sc = hrr_args_scope(&a);
    hrr_agree_t *r = NULL;
    const char *why = NULL;
    hrr_err_t rc = hrr_agree_run(st, &sc, ao.with, ao.by_year, a.min, &r);
    if (rc) code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
    else if (ao.plot) code = plot_done(hrr_report_plot_agree(ao.plot, ao.with, r, &why), why);
    else code = hrr_cli_report(hrr_report_agree(stdout, a.fmt, r));
    hrr_agree_free(r);
    hrr_store_close(st);
    return code;
}

int hrr_cmd_cohesion(hrr_cli_t *cli, int argc, char **argv)
{
    hrr_args_t a = {0};
    agree_opts_t ao = {0};
    int code = parse(cli, "cohesion", 0, cohesion_help, argc, argv, &a, &ao);
    if (code >= 0) return code;
    if (!ao.with) return hrr_cli_usage("cohesion", "--group G is required");
    hrr_store_t *st = hrr_cli_open(cli, false, &code);
    if (!st) return code;
    hrr_scope_opts_t sc = hrr_args_scope(&a);
    hrr_cohesion_t *r = NULL;
    const char *why = NULL;
    hrr_err_t rc = hrr_cohesion_run(st, &sc, ao.with, &r);
    if (rc) code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
    else if (ao.plot) code = plot_done(hrr_report_plot_cohesion(ao.plot, ao.with, r, &why), why);
    else code = hrr_cli_report(hrr_report_cohesion(stdout, a.fmt, r));
    hrr_cohesion_free(r);
    hrr_store_close(st);
    return code;
}
