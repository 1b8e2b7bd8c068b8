/*
 * cmd_casebook.c - `hrr casebook`: the regime's turning points, each with
 * its UN document symbol and source; with --rules, each vote decided again.
 */
#include "cli.h"
#include "out.h"

#include <getopt.h>

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

int hrr_cmd_casebook(hrr_cli_t *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"rules", required_argument, 0, 'r'}, {"csv", no_argument, 0, 'C'},
        {"json", no_argument, 0, 'J'},        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    static const char *const cols[] = {"date", "body", "symbol", "kind", "target", "yes", "no",
                                       "abstain", "outcome", "replayed", "margin", "note", "source"};
    const char *rules = NULL;
    out_fmt_t fmt = OUT_TABLE;
    int c, code = 0;
    (void)cli;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 'r': rules = optarg; break;
        case 'C':
        case 'J':
            if (!out_want(&fmt, c == 'C' ? OUT_CSV : OUT_JSON))
                return hrr_cli_usage("casebook", "--csv and --json exclude each other");
            break;
        case 'h': help(); return 0;
        default: return out_opt_error("casebook", c, optopt, argv, optind);
        }
    }
    if (optind < argc) return hrr_cli_usage("casebook", "unexpected argument '%s'", argv[optind]);
    hrr_rules_t *r = NULL;
    if (rules && (code = hrr_cli_rules(rules, &r))) return code;
    hrr_casebook_t *cb = NULL;
    hrr_err_t rc = hrr_casebook_load(&cb);
    if (rc) {
        hrr_rules_free(r);
        return hrr_cli_fail(rc, "the casebook could not be read");
    }
    out_t o;
    size_t ncols = fmt == OUT_TABLE ? 12 : 13; /* the table leaves the sources to --csv/--json */
    if (!out_begin(&o, fmt, stdout, ncols, cols)) code = hrr_cli_fail(HRR_ENOMEM, "out of memory");
    for (size_t i = 0; !code && i < cb->n; i++) {
        const hrr_case_t *x = &cb->a[i];
        hrr_decision_t d;
        bool replayed = r && hrr_case_decide(r, x, &d) == HRR_OK;
        out_text(&o, x->date);
        out_text(&o, x->body);
        out_text(&o, *x->symbol ? x->symbol : NULL);
        out_text(&o, x->kind);
        out_text(&o, *x->target ? x->target : NULL);
        out_count(&o, x->yes);
        out_count(&o, x->no);
        out_count(&o, x->abstain);
        out_text(&o, *x->outcome ? x->outcome : NULL);
        out_text(&o, replayed ? hrr_outcome_name(d.outcome) : NULL);
        if (replayed) out_int(&o, d.margin);
        else out_null(&o);
        out_text(&o, x->note);
        if (ncols == 13) out_text(&o, x->source);
    }
    if (!code) {
        out_maxwidth(&o, 11, 60);
        code = out_done(&o);
    }
    hrr_casebook_free(cb);
    hrr_rules_free(r);
    return code;
}
