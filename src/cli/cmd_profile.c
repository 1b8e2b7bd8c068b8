/*
 * cmd_profile.c - `hrr profile ISO3` (a state's record on one page) and
 * `hrr compare A B --body B` (two states: agreement by year and subject, the
 * votes where they differed most). Parse, call include/hrr/profile.h,
 * report through include/hrr/report_profile.h.
 */
#include "args.h"
#include "hrr/report_profile.h"

typedef struct prof_opts {
    int no_ideal;
    long limit;
} prof_opts_t;

static int on_opt(void *ctx, int c, const char *arg)
{
    prof_opts_t *po = ctx;
    char msg[256];
    if (c == 'n') po->no_ideal = 1;
    else return hrr_args_bad("compare", hrr_param_long("--limit", arg, 1, HRR_PARAM_DIFFS_MAX, &po->limit, msg,
                                                       sizeof msg), msg);
    return 0;
}

static void profile_help(void)
{
    printf("usage: hrr profile [--body B] [--no-ideal] [--json] ISO3\n\n"
           "A state's record on one page: its groups and organisations, its ballots in\n"
           "each body (HRC, CHR, GA), its agreement by year with each group's majority\n"
           "(the share of items on which it voted as most of the group's other members\n"
           "did; ties and absences not counted), its dynamic ideal-point path with a 95%%\n"
           "interval (HRC and CHR; GA only with --body GA, it takes seconds), the country\n"
           "texts that targeted it, its treaties, its UPR recommendations received and\n"
           "given by session and response, and the casebook entries that name it.\n"
           "  --body B     only that body's sections\n"
           "  --no-ideal   leave out the ideal-point path\n");
}

static void compare_help(void)
{
    printf("usage: hrr compare --body B [--from Y] [--to Y] [--limit N] [--json] A B\n\n"
           "Two states over the items both voted yes, no or abstain on: agreement\n"
           "(identical votes; agree_half counts yes-or-no against abstain as half) over\n"
           "the period, by year and by subject (the Council's and Commission's agenda\n"
           "subject up to its first ' - '; the Assembly's unvotes issue codes), and the\n"
           "votes where they differed most: yes against no first, then yes or no\n"
           "against abstain, each most recent first (--limit N, default 20).\n");
}

int hrr_cmd_profile(hrr_cli_t *cli, int argc, char **argv)
{
    static const struct option opts[] = {{"no-ideal", no_argument, 0, 'n'}, {0, 0, 0, 0}};
    prof_opts_t po = {0};
    const hrr_args_spec_t spec = {.cmd = "profile", .shared = ARG_BODY | ARG_JSON, .own = opts,
                                  .on_opt = on_opt, .ctx = &po, .help = profile_help, .maxpos = -1};
    hrr_args_t a = {0};
    int code = hrr_args_parse(cli, &spec, argc, argv, &a);
    if (code >= 0) return code;
    if (a.npos < 1) return hrr_cli_usage("profile", "no state ISO3 given");
    if (a.npos > 1) return hrr_cli_usage("profile", "one state at a time ('%s' is extra)", a.pos[1]);
    hrr_store_t *st = hrr_cli_open(cli, false, &code);
    if (!st) return code;
    hrr_profile_opts_t o = {.body = a.body, .no_ideal = po.no_ideal};
    hrr_profile_t *p = NULL;
    hrr_err_t rc = hrr_profile_get(st, a.pos[0], &o, &p);
    if (rc == HRR_EINVAL) code = hrr_cli_usage("profile", "%s", hrr_store_errmsg(st));
    else if (rc) code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
    else code = hrr_cli_report(hrr_report_profile(stdout, a.fmt, p));
    hrr_profile_free(p);
    hrr_store_close(st);
    return code;
}

int hrr_cmd_compare(hrr_cli_t *cli, int argc, char **argv)
{
    static const struct option opts[] = {{"limit", required_argument, 0, 'l'}, {0, 0, 0, 0}};
    prof_opts_t po = {.limit = 20};
    const hrr_args_spec_t spec = {.cmd = "compare", .shared = ARG_SCOPE | ARG_BODY_REQUIRED | ARG_JSON,
                                  .own = opts, .on_opt = on_opt, .ctx = &po, .help = compare_help,
                                  .maxpos = -1};
    hrr_args_t a = {0};
    int code = hrr_args_parse(cli, &spec, argc, argv, &a);
    if (code >= 0) return code;
    if (a.npos != 2) return hrr_cli_usage("compare", "two states A B are needed, not %d", a.npos);
    hrr_store_t *st = hrr_cli_open(cli, false, &code);
    if (!st) return code;
    hrr_scope_opts_t sc = hrr_args_scope(&a);
    hrr_compare_t *c = NULL;
    hrr_err_t rc = hrr_compare_get(st, a.pos[0], a.pos[1], &sc, po.limit, &c);
    if (rc == HRR_EINVAL) code = hrr_cli_usage("compare", "%s", hrr_store_errmsg(st));
    else if (rc) code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
    else code = hrr_cli_report(hrr_report_compare(stdout, a.fmt, c));
    hrr_compare_free(c);
    hrr_store_close(st);
    return code;
}
