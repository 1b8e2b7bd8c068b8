/*
 * cmd_summary.c - `hrr summary`: what is in the store (rows per table, items
 * and ballots per body with their first and last dates) and where it came
 * from (every import: path, format, rows, SHA-256, time).
 */
#include "cli.h"
#include "out.h"

#include <getopt.h>
#include <string.h>

static void help(void)
{
    printf("usage: hrr summary [--csv | --json]\n\n"
           "What the store holds and where it came from: rows per table, items and\n"
           "ballots per body with the first and last item date, and every import\n"
           "(path, format, rows, SHA-256, when).\n"
           "  --csv    one CSV table: section,name,rows,ballots,first,last,format,sha256,time\n"
           "  --json   one JSON object (docs/cli.md)\n");
}

static json_t *to_json(const char *db, const hrr_summary_t *sm)
{
    json_t *o = json_object(), *t = json_object(), *b = json_array(), *im = json_array();
    if (!o || !t || !b || !im) goto fail;
    json_object_set_new(o, "store", json_string(db));
    json_object_set_new(o, "schema", json_integer(sm->schema_version));
    json_object_set_new(o, "tables", t);
    json_object_set_new(o, "bodies", b);
    json_object_set_new(o, "imports", im);
    for (size_t i = 0; i < sm->ntables; i++)
        json_object_set_new(t, sm->tables[i].name, json_integer(sm->tables[i].rows));
    for (size_t i = 0; i < sm->nbodies; i++) {
        const hrr_summary_body_t *x = &sm->bodies[i];
        json_array_append_new(b, json_pack("{s:s, s:s, s:I, s:I, s:o, s:o}",
            "code", x->code, "name", x->name, "items", (json_int_t)x->items,
            "ballots", (json_int_t)x->ballots, "first", out_jstr(x->first),
            "last", out_jstr(x->last)));
    }
    for (size_t i = 0; i < sm->nimports; i++) {
        const hrr_summary_import_t *x = &sm->imports[i];
        json_array_append_new(im, json_pack("{s:I, s:o, s:o, s:I, s:o, s:o, s:o}",
            "id", (json_int_t)x->id, "path", out_jstr(x->path), "format", out_jstr(x->format),
            "rows", (json_int_t)x->rows, "sha256", out_jstr(x->sha256),
            "started", out_jstr(x->started), "finished", out_jstr(x->finished)));
    }
    return o;
fail:
    json_decref(o);
    json_decref(t);
    json_decref(b);
    json_decref(im);
    return NULL;
}

static int to_csv(const hrr_summary_t *sm)
{
    static const char *const cols[] = {"section", "name", "rows", "ballots", "first",
                                       "last", "format", "sha256", "time"};
    out_t o;
    out_begin(&o, OUT_CSV, stdout, 9, cols);
    for (size_t i = 0; i < sm->ntables; i++) {
        out_text(&o, "table");
        out_text(&o, sm->tables[i].name);
        out_int(&o, sm->tables[i].rows);
        for (int k = 0; k < 6; k++) out_null(&o);
    }
    for (size_t i = 0; i < sm->nbodies; i++) {
        const hrr_summary_body_t *x = &sm->bodies[i];
        out_text(&o, "body");
        out_text(&o, x->code);
        out_int(&o, x->items);
        out_int(&o, x->ballots);
        out_text(&o, x->first);
        out_text(&o, x->last);
        for (int k = 0; k < 3; k++) out_null(&o);
    }
    for (size_t i = 0; i < sm->nimports; i++) {
        const hrr_summary_import_t *x = &sm->imports[i];
        out_text(&o, "import");
        out_text(&o, x->path);
        out_int(&o, x->rows);
        for (int k = 0; k < 3; k++) out_null(&o);
        out_text(&o, x->format);
        out_text(&o, x->sha256);
        out_text(&o, x->finished ? x->finished : x->started);
    }
    return out_done(&o);
}

static int to_table(const char *db, const hrr_summary_t *sm)
{
    static const char *const tcols[] = {"table", "rows"};
    static const char *const bcols[] = {"body", "name", "items", "ballots", "first", "last"};
    static const char *const icols[] = {"id", "path", "format", "rows", "sha256", "finished"};
    out_t o;
    int code;
    long items = 0, ballots = 0;
    for (size_t i = 0; i < sm->nbodies; i++) {
        items += sm->bodies[i].items;
        ballots += sm->bodies[i].ballots;
    }
    printf("store %s (schema %d): %ld items, %ld ballots, %zu imports\n\nrecords\n",
           db, sm->schema_version, items, ballots, sm->nimports);
    out_begin(&o, OUT_TABLE, stdout, 2, tcols);
    o.indent = 2;
    for (size_t i = 0; i < sm->ntables; i++) {
        out_text(&o, sm->tables[i].name);
        out_int(&o, sm->tables[i].rows);
    }
    if ((code = out_done(&o))) return code;

    printf("\nbodies\n");
    out_begin(&o, OUT_TABLE, stdout, 6, bcols);
    o.indent = 2;
    for (size_t i = 0; i < sm->nbodies; i++) {
        const hrr_summary_body_t *x = &sm->bodies[i];
        out_text(&o, x->code);
        out_text(&o, x->name);
        out_int(&o, x->items);
        out_int(&o, x->ballots);
        out_text(&o, x->first);
        out_text(&o, x->last);
    }
    if ((code = out_done(&o))) return code;

    printf("\nimports\n");
    if (sm->nimports == 0) {
        printf("  none yet: `hrr import PATH` loads records\n");
        return 0;
    }
    out_begin(&o, OUT_TABLE, stdout, 6, icols);
    o.indent = 2;
    out_maxwidth(&o, 1, 60);
    for (size_t i = 0; i < sm->nimports; i++) {
        const hrr_summary_import_t *x = &sm->imports[i];
        char sha[13];
        snprintf(sha, sizeof sha, "%s", x->sha256 ? x->sha256 : "");
        out_int(&o, x->id);
        out_text(&o, x->path);
        out_text(&o, x->format);
        out_int(&o, x->rows);
        out_text(&o, sha);
        out_text(&o, x->finished ? x->finished : "(unfinished)");
    }
    return out_done(&o);
}

int hrr_cmd_summary(hrr_cli_t *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"csv", no_argument, 0, 'C'}, {"json", no_argument, 0, 'J'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    out_fmt_t fmt = OUT_TABLE;
    hrr_summary_t *sm = NULL;
    int c, code = 0;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 'C':
        case 'J':
            if (!out_want(&fmt, c == 'C' ? OUT_CSV : OUT_JSON))
                return hrr_cli_usage("summary", "--csv and --json exclude each other");
            break;
        case 'h': help(); return 0;
        default: return out_opt_error("summary", c, optopt, argv, optind);
        }
    }
    if (optind < argc)
        return hrr_cli_usage("summary", "unexpected argument '%s'", argv[optind]);
    hrr_store_t *st = hrr_cli_open(cli, false, &code);
    if (!st) return code;
    hrr_err_t rc = hrr_summary_get(st, &sm);
    if (rc) {
        code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
    } else if (fmt == OUT_JSON) {
        if (!out_json(stdout, to_json(cli->db, sm)) && !ferror(stdout))
            code = hrr_cli_fail(HRR_ENOMEM, "out of memory");
    } else if (fmt == OUT_CSV) {
        code = to_csv(sm);
    } else {
        code = to_table(cli->db, sm);
    }
    hrr_summary_free(sm);
    hrr_store_close(st);
    return code;
}
