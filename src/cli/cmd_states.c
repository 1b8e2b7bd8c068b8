/*
 * cmd_states.c - `hrr states [--group G [--on DATE]]`: the state identities
 * the store knows, with their regional group, codes, dates, how many codes
 * and names sources use for them, and the bodies and groups they belonged to.
 */
#include "args.h"

static void help(void)
{
    printf("usage: hrr states [--group G [--on DATE]] [--csv | --json]\n\n"
           "The states the store knows, by ISO3 code (historical states such as SUN,\n"
           "YUG or DDR included), with their UN regional group, ISO2 and M49 codes,\n"
           "dates as UN actors, number of aliases, and the bodies and groups they were\n"
           "ever members of.\n"
           "  --group G   only members of G: a regional group (AFRICAN, ASIA_PACIFIC,\n"
           "              GRULAC, WEOG, EEG) or any organisation in memberships\n"
           "              (HRC, CHR, OIC, LMG...), any case\n"
           "  --on DATE   with --group: members on DATE (YYYY-MM-DD) only\n"
           "  --csv       CSV: iso3,name,group,iso2,m49,start,end,aliases,orgs\n"
           "  --json      the same columns as a JSON array of objects\n");
}

static int on_opt(void *ctx, int c, const char *arg)
{
    hrr_state_filter_t *f = ctx;
    if (c == 'g') f->group = arg;
    else f->on = arg;
    return 0;
}

int hrr_cmd_states(hrr_cli_t *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"group", required_argument, 0, 'g'}, {"on", required_argument, 0, 'o'}, {0, 0, 0, 0}};
    hrr_state_filter_t f = {0};
    const hrr_args_spec_t spec = {.cmd = "states", .shared = ARG_FMT, .own = opts,
                                  .on_opt = on_opt, .ctx = &f, .help = help, .shorts = "g:o:"};
    hrr_args_t a = {0};
    hrr_state_list_t *list = NULL;
    int code = hrr_args_parse(cli, &spec, argc, argv, &a);
    if (code >= 0) return code;
    if (f.on && !f.group) return hrr_cli_usage("states", "--on needs --group");
    hrr_store_t *st = hrr_cli_open(cli, false, &code);
    if (!st) return code;
    hrr_err_t rc = hrr_states_list(st, &f, &list);
    if (rc == HRR_EINVAL) code = hrr_cli_usage("states", "%s", hrr_store_errmsg(st));
    else if (rc) code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
    else code = hrr_cli_report(hrr_report_states(stdout, a.fmt, list));
    hrr_state_list_free(list);
    hrr_store_close(st);
    return code;
}
