/*
 * cmd_summary.c - `hrr summary`: what is in the store (rows per table, items
 * and ballots per body with their first and last dates) and where it came
 * from (every import: path, format, rows, SHA-256, time).
 */
#include "args.h"

static void help(void)
{
    printf("usage: hrr summary [--csv | --json]\n\n"
           "What the store holds and where it came from: rows per table, items and\n"
           "ballots per body with the first and last item date, and every import\n"
           "(path, format, rows, SHA-256, when).\n"
           "  --csv    one CSV table: section,name,rows,ballots,first,last,format,sha256,time\n"
           "  --json   one JSON object (docs/cli.md)\n");
}

int hrr_cmd_summary(hrr_cli_t *cli, int argc, char **argv)
{
    static const hrr_args_spec_t spec = {.cmd = "summary", .shared = ARG_FMT, .help = help};
    hrr_args_t a = {0};
    hrr_summary_t *sm = NULL;
    int code = hrr_args_parse(cli, &spec, argc, argv, &a);
    if (code >= 0) return code;
    hrr_store_t *st = hrr_cli_open(cli, false, &code);
    if (!st) return code;
    hrr_err_t rc = hrr_summary_get(st, &sm);
    if (rc) code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
    else code = hrr_cli_report(hrr_report_summary(stdout, a.fmt, cli->db, sm));
    hrr_summary_free(sm);
    hrr_store_close(st);
    return code;
}
