/*
 * cmd_export.c - `hrr export rollcall`: one body's roll calls over a period
 * for R (a wide matrix CSV that pscl::rollcall reads as it is), as a tidy
 * long CSV, or as a Stata .dta (docs/export.md). Parse, call the library
 * (hrr_rollcall_get), hand the matrix to the report layer.
 */
#include "args.h"
#include "hrr/report_export.h"

#include <errno.h>
#include <string.h>

typedef enum { FMT_WIDE, FMT_LONG, FMT_DTA } export_fmt_t;

typedef struct export_opts {
    export_fmt_t fmt;  /* --format */
    const char *out;   /* --out FILE, NULL: stdout */
    long dta_version;  /* --dta-version */
    int bad_fmt;       /* --format named no form */
    const char *fmt_arg;
} export_opts_t;

static const struct option k_opts[] = {{"format", required_argument, 0, 'F'},
                                       {"out", required_argument, 0, 'o'},
                                       {"dta-version", required_argument, 0, 'V'},
                                       {0, 0, 0, 0}};

static void help(void)
{
    printf("usage: hrr export rollcall --body B [--from Y] [--to Y]\n"
           "                  [--format wide|long|dta] [--dta-version N] [--out FILE]\n\n"
           "One body's roll calls over the years FROM-TO (inclusive), for other programs.\n"
           "Only members' ballots count; an item without one in the period is left out,\n"
           "and so is a state without one. Items are in date order, states by ISO3.\n"
           "  --format wide  (default) CSV: iso3, name, then one column per item headed\n"
           "                 by its symbol (its key when the symbol is missing or shared);\n"
           "                 cells 1 yes, 6 no, 7 abstain, 9 absent, 0 no ballot (not a\n"
           "                 member): pscl::rollcall(m, yea=1, nay=6, missing=c(7,9),\n"
           "                 notInLegis=0)\n"
           "  --format long  CSV, one row per ballot: item,symbol,date,iso3,state,vote\n"
           "  --format dta   the long form as Stata .dta (vote labelled 1 yes, 2 no,\n"
           "                 3 abstain, 4 absent; date a %%td date)\n"
           "  --dta-version N  .dta format 104-119 (default 118, Stata 14+, UTF-8; 115\n"
           "                 is Stata 12's, which R's foreign::read.dta reads)\n"
           "  --out FILE     write to FILE instead of stdout\n"
           "docs/export.md has the four lines of R that read the wide form.\n");
}

static int on_opt(void *ctx, int c, const char *arg)
{
    export_opts_t *eo = ctx;
    if (c == 'F') {
        eo->fmt_arg = arg;
        if (strcmp(arg, "wide") == 0) eo->fmt = FMT_WIDE;
        else if (strcmp(arg, "long") == 0) eo->fmt = FMT_LONG;
        else if (strcmp(arg, "dta") == 0) eo->fmt = FMT_DTA;
        else return hrr_cli_usage("export", "--format wants wide, long or dta, not '%s'", arg);
    } else if (c == 'o') {
        eo->out = arg;
    } else {
        char msg[256];
        return hrr_args_bad("export", hrr_param_long("--dta-version", arg, 104, 119, &eo->dta_version,
                                                     msg, sizeof msg), msg);
    }
    return 0;
}

int hrr_cmd_export(hrr_cli_t *cli, int argc, char **argv)
{
    export_opts_t eo = {.fmt = FMT_WIDE, .dta_version = 118};
    const hrr_args_spec_t spec = {.cmd = "export", .shared = ARG_SCOPE | ARG_BODY_REQUIRED,
                                  .own = k_opts, .on_opt = on_opt, .ctx = &eo, .help = help,
                                  .maxpos = 1};
    hrr_args_t a = {0};
    int code = hrr_args_parse(cli, &spec, argc, argv, &a);
    if (code >= 0) return code;
    if (a.npos < 1) return hrr_cli_usage("export", "what to export? (rollcall)");
    if (strcmp(a.pos[0], "rollcall") != 0)
        return hrr_cli_usage("export", "unknown export '%s' (rollcall)", a.pos[0]);
    if (a.from && a.to && a.from > a.to)
        return hrr_cli_usage("export", "--from %d is after --to %d", a.from, a.to);
    hrr_store_t *st = hrr_cli_open(cli, false, &code);
    if (!st) return code;
    hrr_scope_opts_t sc = hrr_args_scope(&a);
    hrr_rollcall_t *r = NULL;
    FILE *f = stdout;
    hrr_err_t rc = hrr_rollcall_get(st, &sc, &r);
    if (rc) {
        code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
        goto out;
    }
    if (eo.out && !(f = fopen(eo.out, "wb"))) {
        code = hrr_cli_fail(HRR_EIO, "%s: %s", eo.out, strerror(errno));
        f = stdout;
        goto out;
    }
    if (eo.fmt == FMT_WIDE) {
        rc = hrr_report_rollcall_wide(f, r);
    } else if (eo.fmt == FMT_LONG) {
        rc = hrr_report_rollcall_long(f, r);
    } else {
        char label[80];
        const char *why = NULL;
        snprintf(label, sizeof label, "hrr roll calls: %s, %s to %s", sc.body,
                 r->items[0].date ? r->items[0].date : "?",
                 r->items[r->nitems - 1].date ? r->items[r->nitems - 1].date : "?");
        rc = hrr_report_rollcall_dta(f, r, (int)eo.dta_version, label, &why);
        if (rc == HRR_EINVAL) {
            code = hrr_cli_fail(HRR_EIO, "writing .dta version %ld: %s", eo.dta_version,
                                why ? why : "refused");
            goto out;
        }
    }
    if (rc == HRR_EIO && f != stdout)
        code = hrr_cli_fail(rc, "writing %s: %s", eo.out, strerror(errno));
    else
        code = hrr_cli_report(rc);
out:
    if (f != stdout && fclose(f) != 0 && !code)
        code = hrr_cli_fail(HRR_EIO, "writing %s: %s", eo.out, strerror(errno));
    hrr_rollcall_free(r);
    hrr_store_close(st);
    return code;
}
