/*
 * cmd_forecast.c - `hrr forecast` (one draft, or a batch from a CSV file)
 * and `hrr backtest` (rolling-origin evaluation with baselines).
 */
#include "args.h"
#include "hrr/fc_plan.h"

#include <stdlib.h>
#include <string.h>

static void help(void)
{
    printf("usage: hrr forecast --body B --date YYYY-MM-DD (--like SYMBOL | --title TEXT)\n"
           "                    [--kind K] [--amends SYMBOL|TITLE] [--target ISO3]\n"
           "                    [--sponsors LIST] [--members LIST|@FILE]\n"
           "                    [--no-action | --no-motion] [--runs N] [--seed S]\n"
           "                    [--shock S] [--rules NAME] [--explain ISO3] [--strict]\n"
           "                    [--json | --csv]\n"
           "       hrr forecast --body B --batch FILE.csv [--runs N] [--seed S] [--strict]\n"
           "                    [--json | --csv]\n\n"
           "Each member's probabilities of yes, no, abstain and absent on a draft, learned\n"
           "only from votes recorded before DATE; P(adopted) by Monte Carlo under the\n"
           "body's rules (a no-action motion first when --no-action is given or one met\n"
           "an earlier text on the same target); the swing states (docs/forecast.md).\n"
           "--like: an earlier vote the draft repeats (else found from --title).\n"
           "--kind: resolution, decision, amendment or motion (a no-action motion on the\n"
           "text described); default: inferred from the title and symbol, and said.\n"
           "--amends: the text an amendment changes, by symbol or title (default: from\n"
           "the title, 'X : amendment /' or 'Amendment ... to draft resolution S').\n"
           "--sponsors: ISO3 codes or the names the UN writes, separated by ';'\n"
           "('Algeria (on behalf of the Group of Arab States)': the group's members too,\n"
           "where the store knows the group).\n"
           "--explain ISO3: the features that moved that member's probabilities.\n"
           "--strict: exit 4 when the members had to be guessed (the warning says why).\n"
           "--members: ISO3 codes separated by ',' or ';', or a FILE (or @FILE) with one\n"
           "per line ('#' starts a comment);\n"
           "default: the body's members on DATE as recorded.\n"
           "--batch: a CSV with columns symbol,date,title and optionally target,members\n"
           "(';'-separated), sponsors (';'-separated), like, no_action, kind, amends (a\n"
           "symbol of the batch allowed); learned from before its first date.\n"
           "--shock S: sd of the common shock of each run's yes-against-no log odds\n"
           "(blocs moving together; default 0.5, 0: independent ballots).\n");
}

static void backtest_help(void)
{
    printf("usage: hrr backtest --body B --from Y --to Y [--runs N] [--seed S] [--shock S]\n"
           "                    [--json]\n\n"
           "Rolling-origin evaluation: each session whose first vote falls in FROM..TO is\n"
           "forecast from what was recorded before it, and scored against the votes: ballot\n"
           "accuracy, macro-F1 over yes/no/abstain, Brier score, log loss, outcome accuracy,\n"
           "calibration (reliability table, ECE), beside three baselines: always yes; the\n"
           "member's ballot on the earlier version; its regional group's majority there.\n");
}

/* --shock SD, both commands' own option. */
static int shock_opt(const char *cmd, const char *arg, hrr_fc_opts_t *fo)
{
    char *end;
    double sd = strtod(arg, &end);
    if (*end || !*arg || !hrr_fc_set_shock(fo, sd))
        return hrr_cli_usage(cmd, "--shock: '%s' is not a number from 0 to %g", arg, HRR_FC_SHOCK_MAX);
    return 0;
}

typedef struct fc_cli {
    hrr_fc_draft_t d;
    hrr_fc_opts_t fo;
    const char *batch, *members;
    int strict;
} fc_cli_t;

static int fc_opt(void *ctx, int c, const char *arg)
{
    fc_cli_t *x = ctx;
    char msg[256];
    switch (c) {
    case 'd': {
        int code = hrr_args_bad("forecast", hrr_param_date("--date", arg, msg, sizeof msg), msg);
        if (code) return code;
        x->d.date = arg;
        break;
    }
    case 'l': x->d.like = arg; break;
    case 'T': x->d.title = arg; break;
    case 't': x->d.target = arg; break;
    case 's': x->d.sponsors = arg; break;
    case 'm': x->members = arg; break;
    case 'R': x->fo.rules = arg; break;
    case 'B': x->batch = arg; break;
    case 'N': x->d.no_action = 1; break;
    case 'M': x->d.no_action = 0; break;
    case 'K': return shock_opt("forecast", arg, &x->fo);
    case 'k': {
        int code = hrr_args_bad("forecast", hrr_param_kind("--kind", arg, msg, sizeof msg), msg);
        if (code) return code;
        x->d.kind = arg;
        break;
    }
    case 'a': x->d.amends = arg; break;
    case 'x': {
        int code = hrr_args_bad("forecast", hrr_param_iso3("--explain", arg, msg, sizeof msg), msg);
        if (code) return code;
        x->fo.explain = arg;
        break;
    }
    case 'S': x->strict = 1; break;
    }
    return 0;
}

/* --members names each state once: a state named twice is refused at the
 * first repeat (a body seats each member once). */
static int members_once(const char *mem)
{
    const char *a = mem;
    while (*a) {
        size_t n = strcspn(a, ",; \n");
        for (const char *b = a + n; n && *b;) {
            b += strspn(b, ",; \n");
            size_t m = strcspn(b, ",; \n");
            if (m == n && !strncmp(a, b, n))
                return hrr_cli_usage("forecast", "--members: '%.*s' is named twice (a body seats"
                                     " each member once)", (int)n, a);
            b += m;
        }
        a += n;
        a += strspn(a, ",; \n");
    }
    return 0;
}

/* Forecast every draft (one, or the batch's) into the report. */
static int run_drafts(hrr_store_t *st, hrr_fc_t *fc, const fc_cli_t *x, const hrr_fc_batch_t *bt, hrr_report_fc_t *rf,
                      int *guessed)
{
    int code = 0;
    for (size_t k = 0; !code && k < (bt ? bt->n : 1); k++) {
        const hrr_fc_draft_t *dk = bt ? &bt->d[k] : &x->d;
        hrr_fc_result_t *r = NULL;
        hrr_err_t rc = hrr_fc_forecast(fc, dk, &x->fo, &r);
        if (rc && bt) code = hrr_cli_fail(rc, "%s, row %zu (%s): %s", x->batch, k + 2, dk->symbol, hrr_store_errmsg(st));
        else if (rc) code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
        else code = hrr_cli_report(hrr_report_fc_add(rf, r, dk->title));
        /* the table says so too; CSV and JSON readers may not look */
        if (!rc && r->members_guessed) {
            fprintf(stderr, "hrr: warning: %s%smembers guessed: %s\n", r->symbol,
                    r->symbol[0] ? ": " : "", r->members_note);
            if (x->strict) *guessed = 1;
        }
        hrr_fc_result_free(r);
    }
    return code;
}

int hrr_cmd_forecast(hrr_cli_t *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"date", required_argument, 0, 'd'},     {"like", required_argument, 0, 'l'},
        {"title", required_argument, 0, 'T'},    {"target", required_argument, 0, 't'},
        {"sponsors", required_argument, 0, 's'}, {"members", required_argument, 0, 'm'},
        {"rules", required_argument, 0, 'R'},    {"batch", required_argument, 0, 'B'},
        {"no-action", no_argument, 0, 'N'},      {"no-motion", no_argument, 0, 'M'},
        {"shock", required_argument, 0, 'K'},    {"kind", required_argument, 0, 'k'},
        {"amends", required_argument, 0, 'a'},   {"explain", required_argument, 0, 'x'},
        {"strict", no_argument, 0, 'S'},         {0, 0, 0, 0}};
    fc_cli_t x = {.d = {.no_action = -1}};
    const hrr_args_spec_t spec = {.cmd = "forecast", .shared = ARG_BODY | ARG_BODY_REQUIRED | ARG_RUNS |
                                  ARG_SEED | ARG_FMT, .own = opts, .on_opt = fc_opt, .ctx = &x, .help = help};
    hrr_args_t a = {0};
    int code = hrr_args_parse(cli, &spec, argc, argv, &a);
    if (code >= 0) return code;
    x.fo.runs = a.runs;
    x.fo.seed = a.seed;
    if (x.batch && (x.d.date || x.d.like || x.d.title || x.d.target || x.members || x.d.sponsors ||
                    x.d.kind || x.d.amends || x.fo.explain))
        return hrr_cli_usage("forecast", "--batch takes the drafts from the file: no --date, --like, --title, "
                                         "--target, --members, --sponsors, --kind, --amends or --explain");
    if (!x.batch && !x.d.date) return hrr_cli_usage("forecast", "--date YYYY-MM-DD is required");
    if (!x.batch && !x.d.like && !x.d.title) return hrr_cli_usage("forecast", "--like SYMBOL or --title TEXT is required");
    char *mem = NULL;
    hrr_err_t rc;
    hrr_fc_batch_t *bt = NULL;
    hrr_ctx_t *ctx = NULL;
    if (x.members) {
        if ((rc = hrr_ctx_new(&ctx)) || (rc = hrr_fc_members_read(x.members, &mem, ctx))) {
            code = hrr_cli_fail(rc, "%s", hrr_errmsg(ctx));
            hrr_ctx_free(ctx);
            return code;
        }
        hrr_ctx_free(ctx);
        ctx = NULL;
    }
    if (mem && (code = members_once(mem))) {
        free(mem);
        return code;
    }
    x.d.members = mem;
    if (x.batch && (hrr_ctx_new(&ctx) || hrr_fc_batch_load(x.batch, &bt, ctx))) {
        free(mem);
        code = hrr_cli_fail(HRR_EDATA, "%s", hrr_errmsg(ctx));
        hrr_ctx_free(ctx);
        return code;
    }
    hrr_ctx_free(ctx);
    x.fo.cutoff = hrr_fc_batch_cutoff(bt); /* a batch learns once, from before its first date */
    hrr_store_t *st = hrr_cli_open(cli, false, &code);
    hrr_fc_t *fc = NULL;
    if (st && hrr_fc_open(st, a.body, &fc)) code = hrr_cli_fail(HRR_ENOTFOUND, "%s", hrr_store_errmsg(st));
    if (fc) {
        hrr_report_fc_t rf;
        code = hrr_cli_report(hrr_report_fc_begin(&rf, stdout, a.fmt, a.body, bt != NULL));
        int guessed = 0;
        if (!code) code = run_drafts(st, fc, &x, bt, &rf, &guessed);
        int end = hrr_cli_report(hrr_report_fc_end(&rf, code == 0));
        if (!code) code = end;
        if (!code && guessed) {
            fprintf(stderr, "hrr: --strict: the members were guessed (see the warning); exit 4\n");
            code = 4;
        }
    }
    hrr_fc_close(fc);
    hrr_fc_batch_free(bt);
    hrr_store_close(st);
    free(mem);
    return hrr_cli_finish(code);
}

static int bt_opt(void *ctx, int c, const char *arg)
{
    (void)c;
    return shock_opt("backtest", arg, ctx);
}

int hrr_cmd_backtest(hrr_cli_t *cli, int argc, char **argv)
{
    static const struct option opts[] = {{"shock", required_argument, 0, 'K'}, {0, 0, 0, 0}};
    hrr_fc_opts_t fo = {0};
    const hrr_args_spec_t spec = {.cmd = "backtest", .shared = ARG_SCOPE | ARG_BODY_REQUIRED | ARG_RUNS |
                                  ARG_SEED | ARG_JSON, .own = opts, .on_opt = bt_opt, .ctx = &fo,
                                  .help = backtest_help};
    hrr_args_t a = {0};
    int code = hrr_args_parse(cli, &spec, argc, argv, &a);
    if (code >= 0) return code;
    if (!a.from || !a.to) return hrr_cli_usage("backtest", "--from Y and --to Y (Y <= Y) are required");
    fo.runs = a.runs;
    fo.seed = a.seed;
    hrr_store_t *st = hrr_cli_open(cli, false, &code);
    if (!st) return code;
    hrr_fc_t *fc = NULL;
    hrr_fc_backtest_t *bt = NULL;
    hrr_err_t rc = hrr_fc_open(st, a.body, &fc);
    if (!rc) rc = hrr_fc_backtest(fc, a.from, a.to, &fo, &bt);
    if (rc) code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
    else code = hrr_cli_report(hrr_report_backtest(stdout, a.fmt, a.body, a.from, a.to, bt));
    hrr_fc_backtest_free(bt);
    hrr_fc_close(fc);
    hrr_store_close(st);
    return hrr_cli_finish(code);
}
