/*
 * cmd_check.c - `hrr check`: reconcile the store (ballots against official
 * tallies) and list every data-quality finding, with the item it concerns.
 */
#include "args.h"

static void help(void)
{
    printf("usage: hrr check [--kind K] [--csv | --json]\n\n"
           "Reconcile the store and list its data-quality findings (docs/check.md):\n"
           "  tally-mismatch       an item's ballots do not add up to its official tally\n"
           "  source-disagreement  two sources give the same state different votes\n"
           "  duplicate-ballot     a source gives one state's ballot twice\n"
           "  ambiguous-symbol     a symbol names two items\n"
           "and the findings of the importers (docs/import-*.md).\n"
           "  --kind K   only findings of kind K\n"
           "  --csv      CSV: kind,item,date,detail\n"
           "  --json     {\"findings\": [{\"kind\", \"item\", \"date\", \"detail\"}, ...]}\n");
}

static int on_opt(void *ctx, int c, const char *arg)
{
    (void)c;
    *(const char **)ctx = arg;
    return 0;
}

int hrr_cmd_check(hrr_cli_t *cli, int argc, char **argv)
{
    static const struct option opts[] = {{"kind", required_argument, 0, 'k'}, {0, 0, 0, 0}};
    const char *kind = NULL;
    const hrr_args_spec_t spec = {.cmd = "check", .shared = ARG_FMT, .own = opts,
                                  .on_opt = on_opt, .ctx = &kind, .help = help, .shorts = "k:"};
    hrr_args_t a = {0};
    hrr_findings_t *list = NULL;
    int code = hrr_args_parse(cli, &spec, argc, argv, &a);
    if (code >= 0) return code;
    hrr_store_t *st = hrr_cli_open(cli, true, &code);
    if (!st) return code;
    hrr_err_t rc = hrr_check_run(st, NULL);
    if (!rc) rc = hrr_findings_list(st, kind, &list);
    if (rc) {
        code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
    } else {
        code = hrr_cli_report(hrr_report_findings(stdout, a.fmt, list));
        if (!code && a.fmt == HRR_OUT_TABLE) fprintf(stderr, "%zu findings\n", list->n);
    }
    hrr_findings_free(list);
    hrr_store_close(st);
    return code;
}
