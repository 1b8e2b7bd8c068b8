/*
 * cmd_sql.c - `hrr sql "SELECT ..."`: one read-only SQL statement on the
 * store, its rows printed as a table, CSV or JSON. The store is opened
 * read-only, and hrr_sql_prepare refuses statements that would write.
 */
#include "args.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

static void help(void)
{
    printf("usage: hrr sql [--csv | --json] \"SELECT ...\"\n\n"
           "Run one read-only SQL statement on the store and print its rows. The\n"
           "store is opened read-only; statements that would write (INSERT, UPDATE,\n"
           "DELETE, CREATE, ATTACH, setting a PRAGMA...) are refused with exit 2.\n"
           "Several arguments are joined with spaces. The tables are described in\n"
           "src/store/schema_v1.sql and docs/cli.md.\n"
           "  --csv    CSV with a header row (RFC 4180)\n"
           "  --json   a JSON array of objects, integers and reals as numbers\n");
}

int hrr_cmd_sql(hrr_cli_t *cli, int argc, char **argv)
{
    /* in order: stop at the first non-option, so SQL such as "-1" is not an option */
    static const hrr_args_spec_t spec = {.cmd = "sql", .shared = ARG_FMT, .help = help,
                                         .maxpos = -1, .in_order = true};
    hrr_args_t a = {0};
    size_t len = 0;
    char *sql = NULL;
    sqlite3_stmt *s = NULL;
    int code = hrr_args_parse(cli, &spec, argc, argv, &a);
    if (code >= 0) return code;
    if (a.npos < 1) return hrr_cli_usage("sql", "no SQL statement given");
    for (int i = 0; i < a.npos; i++) len += strlen(a.pos[i]) + 1;
    if (!(sql = malloc(len))) return hrr_cli_fail(HRR_ENOMEM, "out of memory");
    sql[0] = 0;
    for (int i = 0; i < a.npos; i++) {
        if (i) strcat(sql, " ");
        strcat(sql, a.pos[i]);
    }
    hrr_store_t *st = hrr_cli_open(cli, false, &code);
    if (!st) goto out;
    hrr_err_t rc = hrr_sql_prepare(st, sql, &s);
    if (rc == HRR_EINVAL) code = hrr_cli_usage("sql", "%s", hrr_store_errmsg(st));
    else if (rc) code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
    else if (sqlite3_column_count(s) == 0)
        code = hrr_cli_usage("sql", "the statement returns no columns");
    else if ((rc = hrr_report_sql(stdout, a.fmt, st, s)) == HRR_EDB)
        code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
    else code = hrr_cli_report(rc);
out:
    sqlite3_finalize(s);
    hrr_store_close(st);
    free(sql);
    return code;
}
