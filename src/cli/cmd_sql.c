/*
 * cmd_sql.c - `hrr sql "SELECT ..."`: one read-only SQL statement on the
 * store, its rows printed as a table, CSV or JSON. The store is opened
 * read-only, and hrr_sql_prepare refuses statements that would write.
 */
#include "cli.h"
#include "out.h"

#include <getopt.h>
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
    static const struct option opts[] = {
        {"csv", no_argument, 0, 'C'}, {"json", no_argument, 0, 'J'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    out_fmt_t fmt = OUT_TABLE;
    int c, code = 0;
    size_t len = 0;
    char *sql = NULL;
    const char **names = NULL;
    sqlite3_stmt *s = NULL;
    optind = 1;
    opterr = 0;
    /* '+': stop at the first non-option, so SQL such as "-1" is not an option */
    while ((c = getopt_long(argc, argv, "+:h", opts, NULL)) != -1) {
        switch (c) {
        case 'C':
        case 'J':
            if (!out_want(&fmt, c == 'C' ? OUT_CSV : OUT_JSON))
                return hrr_cli_usage("sql", "--csv and --json exclude each other");
            break;
        case 'h': help(); return 0;
        default: return out_opt_error("sql", c, optopt, argv, optind);
        }
    }
    if (optind >= argc) return hrr_cli_usage("sql", "no SQL statement given");
    for (int i = optind; i < argc; i++) len += strlen(argv[i]) + 1;
    if (!(sql = malloc(len))) return hrr_cli_fail(HRR_ENOMEM, "out of memory");
    sql[0] = 0;
    for (int i = optind; i < argc; i++) {
        if (i > optind) strcat(sql, " ");
        strcat(sql, argv[i]);
    }
    hrr_store_t *st = hrr_cli_open(cli, false, &code);
    if (!st) goto out;
    hrr_err_t rc = hrr_sql_prepare(st, sql, &s);
    if (rc == HRR_EINVAL) {
        code = hrr_cli_usage("sql", "%s", hrr_store_errmsg(st));
        goto out;
    } else if (rc) {
        code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
        goto out;
    }
    int ncols = sqlite3_column_count(s);
    if (ncols == 0) {
        code = hrr_cli_usage("sql", "the statement returns no columns");
        goto out;
    }
    if (!(names = calloc((size_t)ncols, sizeof *names))) {
        code = hrr_cli_fail(HRR_ENOMEM, "out of memory");
        goto out;
    }
    for (int i = 0; i < ncols; i++) {
        names[i] = sqlite3_column_name(s, i);
        if (!names[i]) names[i] = "?";
    }
    out_t o;
    int src;
    out_begin(&o, fmt, stdout, (size_t)ncols, names);
    while ((src = sqlite3_step(s)) == SQLITE_ROW)
        for (int i = 0; i < ncols; i++) out_sqlite(&o, s, i);
    code = out_done(&o);
    if (src != SQLITE_DONE && !code)
        code = hrr_cli_fail(HRR_EDB, "%s: %s", cli->db,
                            sqlite3_errmsg(hrr_store_sqlite(st)));
out:
    sqlite3_finalize(s);
    hrr_store_close(st);
    free(names);
    free(sql);
    return code;
}
