/*
 * cmd_casebook.c - `hrr casebook`: the regime's turning points, each with
 * its UN document symbol and source; with --rules, each vote decided again.
 */
#include "args.h"

static void help(void)
{
    printf("usage: hrr casebook [--rules NAME] [--csv | --json]\n\n"
           "The turning points of the regime (data/casebook.csv): the Commission's\n"
           "no-action motions on China 1990-2004, the Council's institution-building in\n"
           "2007, China's resolutions on development and 'mutually beneficial\n"
           "cooperation', the 2022 draft on Xinjiang, the composition rules; each with\n"
           "its symbol and public source. --rules NAME decides each recorded vote again\n"
           "under NAME (hrr rules list).\n");
}

static int on_opt(void *ctx, int c, const char *arg)
{
    (void)c;
    *(const char **)ctx = arg;
    return 0;
}

int hrr_cmd_casebook(hrr_cli_t *cli, int argc, char **argv)
{
    static const struct option opts[] = {{"rules", required_argument, 0, 'r'}, {0, 0, 0, 0}};
    const char *rules = NULL;
    const hrr_args_spec_t spec = {.cmd = "casebook", .shared = ARG_FMT, .own = opts,
                                  .on_opt = on_opt, .ctx = &rules, .help = help};
    hrr_args_t a = {0};
    int code = hrr_args_parse(cli, &spec, argc, argv, &a);
    if (code >= 0) return code;
    hrr_rules_t *r = NULL;
    if (rules && (code = hrr_cli_rules(rules, &r))) return code;
    hrr_casebook_t *cb = NULL;
    hrr_err_t rc = hrr_casebook_load(&cb, NULL);
    /* the store's items, where it has them, give the tallies and dates */
    hrr_store_t *st = NULL;
    if (!rc && hrr_store_open(cli->db, HRR_OPEN_READONLY, &st) == HRR_OK &&
        (rc = hrr_casebook_from_store(st, cb)))
        code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
    else if (rc) code = hrr_cli_fail(rc, "the casebook could not be read");
    else code = hrr_cli_report(hrr_report_casebook(stdout, a.fmt, r, cb));
    hrr_store_close(st);
    hrr_casebook_free(cb);
    hrr_rules_free(r);
    return code;
}
