/*
 * cmd_agree.c - `hrr agree` (pairwise agreement between states) and
 * `hrr cohesion` (a group's cohesion by year), over one body and period.
 */
#include "cli.h"
#include "out.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

/* Shared options; returns -1 to go on, else an exit code. */
static int scope_opts(const char *cmd, int argc, char **argv, hrr_scope_opts_t *sc,
                      const char **with, int *by_year, long *min_n, out_fmt_t *fmt,
                      void (*help)(void))
{
    static const struct option opts[] = {
        {"body", required_argument, 0, 'b'}, {"from", required_argument, 0, 'f'},
        {"to", required_argument, 0, 't'},   {"with", required_argument, 0, 'w'},
        {"group", required_argument, 0, 'g'}, {"by-year", no_argument, 0, 'y'},
        {"min", required_argument, 0, 'm'},  {"csv", no_argument, 0, 'C'},
        {"json", no_argument, 0, 'J'},       {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 'b': sc->body = optarg; break;
        case 'f': sc->from = atoi(optarg); break;
        case 't': sc->to = atoi(optarg); break;
        case 'w':
        case 'g': *with = optarg; break;
        case 'y': *by_year = 1; break;
        case 'm': *min_n = atol(optarg); break;
        case 'C':
        case 'J':
            if (!out_want(fmt, c == 'C' ? OUT_CSV : OUT_JSON))
                return hrr_cli_usage(cmd, "--csv and --json exclude each other");
            break;
        case 'h': help(); return 0;
        default: return out_opt_error(cmd, c, optopt, argv, optind);
        }
    }
    if (optind < argc) return hrr_cli_usage(cmd, "unexpected argument '%s'", argv[optind]);
    if (!sc->body) return hrr_cli_usage(cmd, "--body B is required (CHR, HRC, GA)");
    return -1;
}

static void agree_help(void)
{
    printf("usage: hrr agree --body B [--from Y] [--to Y] [--with ISO3 [--by-year]] [--min N]\n"
           "                 [--csv | --json]\n\n"
           "Agreement between states over the items both voted on (yes, no or abstain):\n"
           "  agree       share of identical votes\n"
           "  agree_half  yes-or-no against an abstention counts half (Lijphart 1963)\n"
           "  n           the number of votes behind each figure\n"
           "--with ISO3: that state against every other (--by-year: one row a year).\n"
           "--min N: leave out pairs with fewer than N common votes (default 1).\n");
}

static void fmt3(out_t *o, double v)
{
    char b[32];
    if (v != v) { /* NaN: no common votes */
        out_null(o);
        return;
    }
    snprintf(b, sizeof b, "%.4f", v);
    out_text(o, b);
}

int hrr_cmd_agree(hrr_cli_t *cli, int argc, char **argv)
{
    static const char *const cols[] = {"a", "b", "year", "n", "agree", "agree_half"};
    hrr_scope_opts_t sc = {0};
    const char *with = NULL;
    int by_year = 0, code;
    long min_n = 1;
    out_fmt_t fmt = OUT_TABLE;
    if ((code = scope_opts("agree", argc, argv, &sc, &with, &by_year, &min_n, &fmt, agree_help)) >= 0)
        return code;
    if (by_year && !with) return hrr_cli_usage("agree", "--by-year needs --with ISO3");
    hrr_store_t *st = hrr_cli_open(cli, false, &code);
    if (!st) return code;
    hrr_agree_t *r = NULL;
    hrr_err_t rc = hrr_agree_run(st, &sc, with, by_year, min_n, &r);
    if (rc) {
        code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
    } else {
        out_t o;
        if (!out_begin(&o, fmt, stdout, 6, cols)) code = hrr_cli_fail(HRR_ENOMEM, "out of memory");
        for (size_t i = 0; !code && i < r->n; i++) {
            out_text(&o, r->a[i].a);
            out_text(&o, r->a[i].b);
            if (r->a[i].year) out_int(&o, r->a[i].year);
            else out_null(&o);
            out_int(&o, r->a[i].n);
            fmt3(&o, r->a[i].agree);
            fmt3(&o, r->a[i].agree_half);
        }
        if (!code) code = out_done(&o);
    }
    hrr_agree_free(r);
    hrr_store_close(st);
    return code;
}

static void cohesion_help(void)
{
    printf("usage: hrr cohesion --body B --group G [--from Y] [--to Y] [--csv | --json]\n\n"
           "A group's cohesion by year (G: AFRICAN, ASIA_PACIFIC, GRULAC, WEOG, EEG or any\n"
           "organisation in the store's memberships), over the items where at least two\n"
           "of its members voted:\n"
           "  rice  mean |yes - no| / (yes + no) (Rice 1928)\n"
           "  hnr   mean (max(y,n,a) - (y+n+a-max)/2) / (y+n+a) (Hix, Noury and Roland 2005)\n");
}

int hrr_cmd_cohesion(hrr_cli_t *cli, int argc, char **argv)
{
    static const char *const cols[] = {"year", "items", "rice", "hnr"};
    hrr_scope_opts_t sc = {0};
    const char *group = NULL;
    int by_year = 0, code;
    long min_n = 0;
    out_fmt_t fmt = OUT_TABLE;
    if ((code = scope_opts("cohesion", argc, argv, &sc, &group, &by_year, &min_n, &fmt,
                           cohesion_help)) >= 0)
        return code;
    if (!group) return hrr_cli_usage("cohesion", "--group G is required");
    hrr_store_t *st = hrr_cli_open(cli, false, &code);
    if (!st) return code;
    hrr_cohesion_t *r = NULL;
    hrr_err_t rc = hrr_cohesion_run(st, &sc, group, &r);
    if (rc) {
        code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
    } else {
        out_t o;
        if (!out_begin(&o, fmt, stdout, 4, cols)) code = hrr_cli_fail(HRR_ENOMEM, "out of memory");
        for (size_t i = 0; !code && i < r->n; i++) {
            out_int(&o, r->a[i].year);
            out_int(&o, r->a[i].items);
            fmt3(&o, r->a[i].rice);
            fmt3(&o, r->a[i].hnr);
        }
        if (!code) code = out_done(&o);
    }
    hrr_cohesion_free(r);
    hrr_store_close(st);
    return code;
}
