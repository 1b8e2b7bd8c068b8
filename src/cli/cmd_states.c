/*
 * cmd_states.c - `hrr states [--group G [--on DATE]]`: the state identities
 * the store knows, with their regional group, codes, dates, how many codes
 * and names sources use for them, and the bodies and groups they belonged to.
 */
#include "cli.h"
#include "out.h"

#include <getopt.h>

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

int hrr_cmd_states(hrr_cli_t *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"group", required_argument, 0, 'g'}, {"on", required_argument, 0, 'o'},
        {"csv", no_argument, 0, 'C'},         {"json", no_argument, 0, 'J'},
        {"help", no_argument, 0, 'h'},        {0, 0, 0, 0}};
    static const char *const cols[] = {"iso3", "name", "group", "iso2", "m49",
                                       "start", "end", "aliases", "orgs"};
    hrr_state_filter_t f = {0};
    out_fmt_t fmt = OUT_TABLE;
    hrr_state_list_t *list = NULL;
    int c, code = 0;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":g:o:h", opts, NULL)) != -1) {
        switch (c) {
        case 'g': f.group = optarg; break;
        case 'o': f.on = optarg; break;
        case 'C':
        case 'J':
            if (!out_want(&fmt, c == 'C' ? OUT_CSV : OUT_JSON))
                return hrr_cli_usage("states", "--csv and --json exclude each other");
            break;
        case 'h': help(); return 0;
        default: return out_opt_error("states", c, optopt, argv, optind);
        }
    }
    if (optind < argc)
        return hrr_cli_usage("states", "unexpected argument '%s'", argv[optind]);
    if (f.on && !f.group)
        return hrr_cli_usage("states", "--on needs --group");
    hrr_store_t *st = hrr_cli_open(cli, false, &code);
    if (!st) return code;
    hrr_err_t rc = hrr_states_list(st, &f, &list);
    if (rc == HRR_EINVAL) {
        code = hrr_cli_usage("states", "%s", hrr_store_errmsg(st));
    } else if (rc) {
        code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
    } else {
        out_t o;
        out_begin(&o, fmt, stdout, sizeof cols / sizeof *cols, cols);
        out_maxwidth(&o, 1, 36);
        out_maxwidth(&o, 8, 40);
        for (size_t i = 0; i < list->n; i++) {
            const hrr_state_info_t *s = &list->states[i];
            out_text(&o, s->iso3);
            out_text(&o, s->name);
            out_text(&o, s->un_group);
            out_text(&o, *s->iso2 ? s->iso2 : NULL);
            if (s->m49) out_int(&o, s->m49);
            else out_null(&o);
            out_text(&o, s->start);
            out_text(&o, s->end);
            out_int(&o, s->naliases);
            out_text(&o, s->orgs);
        }
        code = out_done(&o);
    }
    hrr_state_list_free(list);
    hrr_store_close(st);
    return code;
}
