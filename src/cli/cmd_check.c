/*
 * cmd_check.c - `hrr check`: reconcile the store (ballots against official
 * tallies) and list every data-quality finding, with the item it concerns.
 */
#include "cli.h"
#include "out.h"

#include <getopt.h>

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

int hrr_cmd_check(hrr_cli_t *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"kind", required_argument, 0, 'k'}, {"csv", no_argument, 0, 'C'},
        {"json", no_argument, 0, 'J'},       {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    static const char *const cols[] = {"kind", "item", "date", "detail"};
    const char *kind = NULL;
    out_fmt_t fmt = OUT_TABLE;
    hrr_findings_t *list = NULL;
    int c, code = 0;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":k:h", opts, NULL)) != -1) {
        switch (c) {
        case 'k': kind = optarg; break;
        case 'C':
        case 'J':
            if (!out_want(&fmt, c == 'C' ? OUT_CSV : OUT_JSON))
                return hrr_cli_usage("check", "--csv and --json exclude each other");
            break;
        case 'h': help(); return 0;
        default: return out_opt_error("check", c, optopt, argv, optind);
        }
    }
    if (optind < argc) return hrr_cli_usage("check", "unexpected argument '%s'", argv[optind]);
    hrr_store_t *st = hrr_cli_open(cli, true, &code);
    if (!st) return code;
    hrr_err_t rc = hrr_check_run(st, NULL);
    if (!rc) rc = hrr_findings_list(st, kind, &list);
    if (rc) {
        code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
        goto out;
    }
    if (fmt == OUT_JSON) {
        json_t *a = json_array(), *o = json_object();
        for (size_t i = 0; a && i < list->n; i++) {
            json_t *x = json_object();
            json_object_set_new(x, "kind", out_jstr(list->a[i].kind));
            json_object_set_new(x, "item", out_jstr(list->a[i].item));
            json_object_set_new(x, "date", out_jstr(list->a[i].date));
            json_object_set_new(x, "detail", out_jstr(list->a[i].detail));
            json_array_append_new(a, x);
        }
        if (o && a) json_object_set_new(o, "findings", a);
        if (!out_json(stdout, o)) code = HRR_EXIT_IO;
        goto out;
    }
    out_t o;
    if (!out_begin(&o, fmt, stdout, 4, cols)) {
        code = hrr_cli_fail(HRR_ENOMEM, "out of memory");
        goto out;
    }
    out_maxwidth(&o, 1, 28);
    for (size_t i = 0; i < list->n; i++) {
        out_text(&o, list->a[i].kind);
        out_text(&o, list->a[i].item);
        out_text(&o, list->a[i].date);
        out_text(&o, list->a[i].detail);
    }
    code = out_done(&o);
    if (!code && fmt == OUT_TABLE) fprintf(stderr, "%zu findings\n", list->n);
out:
    hrr_findings_free(list);
    hrr_store_close(st);
    return code;
}
