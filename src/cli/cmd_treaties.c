/*
 * cmd_treaties.c - `hrr treaties`: the human rights treaties and
 * protocols (data/instruments.csv) and each state's status under them
 * (party, signatory, none) with the year, by state or by instrument.
 */
#include "args.h"

#include <strings.h>

static void help(void)
{
    printf("usage: hrr treaties [--state ISO3] [--instrument CODE] [--status S]\n"
           "                    [--csv | --json]\n\n"
           "Treaty statuses from the ratifications table (OHCHR's status of\n"
           "ratification), by state then instrument: party (ratified or acceded, with\n"
           "the year), signatory (signed, not ratified), none.\n"
           "  --state ISO3        this state only (e.g. CHN)\n"
           "  --instrument CODE   this instrument only, any case: icerd, iccpr,\n"
           "                      iccpr_op1, iccpr_op2, icescr, icescr_op, cedaw,\n"
           "                      op_cedaw, cat, opcat, crc, op_crc_ac, op_crc_sc,\n"
           "                      op_crc_ic, icmw, crpd, op_crpd, cped\n"
           "  --status S          party, signatory or none\n"
           "  --csv               CSV: iso3,state,instrument,status,year,note,name\n"
           "  --json              the same as JSON\n");
}

static int on_opt(void *ctx, int c, const char *arg)
{
    hrr_treaty_filter_t *f = ctx;
    switch (c) {
    case 'S': f->state = arg; break;
    case 'i': f->instrument = arg; break;
    case 's':
        if (strcasecmp(arg, "party") && strcasecmp(arg, "signatory") && strcasecmp(arg, "none"))
            return hrr_cli_usage("treaties", "--status wants party, signatory or none, not '%s'", arg);
        f->status = arg;
        break;
    }
    return 0;
}

int hrr_cmd_treaties(hrr_cli_t *cli, int argc, char **argv)
{
    static const struct option opts[] = {{"state", required_argument, 0, 'S'},
                                         {"instrument", required_argument, 0, 'i'},
                                         {"status", required_argument, 0, 's'},
                                         {0, 0, 0, 0}};
    hrr_treaty_filter_t f = {0};
    const hrr_args_spec_t spec = {.cmd = "treaties", .shared = ARG_FMT, .own = opts, .on_opt = on_opt,
                                  .ctx = &f, .help = help};
    hrr_args_t a = {0};
    int code = hrr_args_parse(cli, &spec, argc, argv, &a);
    if (code >= 0) return code;
    hrr_store_t *st = hrr_cli_open(cli, false, &code);
    if (!st) return code;
    hrr_treaty_list_t *list = NULL;
    hrr_err_t rc = hrr_treaties_find(st, &f, &list);
    if (rc == HRR_EINVAL) code = hrr_cli_usage("treaties", "%s", hrr_store_errmsg(st));
    else if (rc) code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
    else code = hrr_cli_report(hrr_report_treaties(stdout, a.fmt, list));
    hrr_treaty_list_free(list);
    hrr_store_close(st);
    return code;
}
