/*
 * cmd_forecast.c - `hrr forecast` (one draft, or a batch from a CSV file)
 * and `hrr backtest` (rolling-origin evaluation with baselines).
 */
#include "cli.h"
#include "out.h"

#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void help(void)
{
    printf("usage: hrr forecast --body B --date YYYY-MM-DD (--like SYMBOL | --title TEXT)\n"
           "                    [--target ISO3] [--sponsors LIST] [--members LIST|@FILE]\n"
           "                    [--no-action | --no-motion] [--runs N] [--seed S]\n"
           "                    [--shock S] [--rules NAME] [--json | --csv]\n"
           "       hrr forecast --body B --batch FILE.csv [--runs N] [--seed S] [--json | --csv]\n\n"
           "Each member's probabilities of yes, no, abstain and absent on a draft, learned\n"
           "only from votes recorded before DATE; P(adopted) by Monte Carlo under the\n"
           "body's rules (a no-action motion first when --no-action is given or one met\n"
           "an earlier text on the same target); the swing states (docs/forecast.md).\n"
           "--like: an earlier vote the draft repeats (else found from --title).\n"
           "--members: ISO3 codes separated by ',' or ';', or a FILE (or @FILE) with one\n"
           "per line ('#' starts a comment);\n"
           "default: the body's members on DATE as recorded.\n"
           "--batch: a CSV with columns symbol,date,title and optionally target,members\n"
           "(';'-separated), sponsors, like, no_action; learned from before its first date.\n"
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

/* --members LIST, FILE or @FILE: a file's codes joined by ','. */
static char *read_members(const char *arg, int *code)
{
    const char *path = arg[0] == '@' ? arg + 1 : arg;
    FILE *f = arg[0] == '@' || access(arg, R_OK) == 0 ? fopen(path, "r") : NULL;
    if (!f && arg[0] != '@') return strdup(arg);
    if (!f) {
        *code = hrr_cli_fail(HRR_EIO, "members: cannot read %s", path);
        return NULL;
    }
    size_t cap = 4096, n = 0;
    char *s = malloc(cap), line[256];
    while (s && fgets(line, sizeof line, f)) {
        size_t l = strcspn(line, "\r\n#");
        line[l] = 0;
        if (n + l + 2 > cap) {
            char *t = realloc(s, cap *= 2);
            if (!t) {
                free(s);
                s = NULL;
                break;
            }
            s = t;
        }
        memcpy(s + n, line, l);
        n += l;
        s[n++] = ',';
    }
    fclose(f);
    if (!s) {
        *code = hrr_cli_fail(HRR_ENOMEM, "out of memory");
        return NULL;
    }
    s[n] = 0;
    return s;
}

/* The Monte Carlo options both commands take: --runs (r), --seed (S),
 * --shock (K). 0, or after printing the usage error, nonzero. */
static int mc_opt(const char *cmd, int c, const char *arg, hrr_fc_opts_t *fo)
{
    char *end;
    if (c == 'r') {
        fo->runs = strtol(arg, &end, 10);
        if (*end || fo->runs < 1 || fo->runs > 100000000)
            return hrr_cli_usage(cmd, "--runs: '%s' is not a number from 1 to 100000000", arg);
    } else if (c == 'S') {
        fo->seed = strtoul(arg, &end, 10);
        if (*end || !*arg) return hrr_cli_usage(cmd, "--seed: '%s' is not a number", arg);
    } else {
        fo->shock = strtod(arg, &end);
        if (*end || !*arg || !(fo->shock >= 0 && fo->shock <= 10))
            return hrr_cli_usage(cmd, "--shock: '%s' is not a number from 0 to 10", arg);
        if (fo->shock == 0) fo->shock = -1; /* none */
    }
    return 0;
}

/* The swing states of R: swing above 0.01, most first (ties: the earlier
 * state), at most MAX; their indices into IDX, and how many. */
static int swing_states(const hrr_fc_result_t *r, size_t *idx, int max)
{
    int n = 0;
    for (; n < max; n++) {
        size_t best = (size_t)-1;
        for (size_t i = 0; i < r->n; i++) {
            int taken = 0;
            for (int k = 0; k < n && !taken; k++) taken = idx[k] == i;
            if (!taken && r->b[i].swing > 0.01 && (best == (size_t)-1 || r->b[i].swing > r->b[best].swing))
                best = i;
        }
        if (best == (size_t)-1) break;
        idx[n] = best;
    }
    return n;
}

static json_t *result_json(const hrr_fc_result_t *r, const char *title)
{
    static const char *const cls[4] = {"yes", "no", "abstain", "absent"};
    json_t *o = json_object(), *bs = json_array(), *sw = json_array(), *ex = json_object();
    json_object_set_new(o, "symbol", json_string(r->symbol));
    json_object_set_new(o, "date", json_string(r->date));
    if (title) json_object_set_new(o, "title", json_string(title));
    json_object_set_new(o, "like", r->like[0] ? json_string(r->like) : json_null());
    json_object_set_new(o, "target", r->target[0] ? json_string(r->target) : json_null());
    json_object_set_new(o, "members", json_integer((json_int_t)r->n));
    json_object_set_new(o, "p_adopted", json_real(r->p_adopted));
    json_object_set_new(o, "p_no_action", isnan(r->p_no_action) ? json_null() : json_real(r->p_no_action));
    for (int c = 0; c < 4; c++) json_object_set_new(ex, cls[c], json_real(r->expect[c]));
    json_object_set_new(o, "expected", ex);
    json_object_set_new(o, "runs", json_integer(r->runs));
    for (size_t i = 0; i < r->n; i++) {
        json_t *b = json_object(), *p = json_object();
        json_object_set_new(b, "state", json_string(r->b[i].state));
        for (int c = 0; c < 4; c++) json_object_set_new(p, cls[c], json_real(r->b[i].p[c]));
        json_object_set_new(b, "p", p);
        json_object_set_new(b, "decisive", json_real(r->b[i].decisive));
        json_object_set_new(b, "swing", json_real(r->b[i].swing));
        json_array_append_new(bs, b);
    }
    json_object_set_new(o, "ballots", bs);
    size_t idx[10];
    int nsw = swing_states(r, idx, 10);
    for (int k = 0; k < nsw; k++) json_array_append_new(sw, json_string(r->b[idx[k]].state));
    json_object_set_new(o, "swing_states", sw);
    return o;
}

static const char *const tcols[] = {"symbol", "state", "yes", "no", "abstain", "absent", "decisive", "swing"};

/* The members' rows of R into O (begun with the symbol column when
 * WITH_SYMBOL). */
static void add_rows(out_t *o, const hrr_fc_result_t *r, int with_symbol)
{
    for (size_t i = 0; i < r->n; i++) {
        char v[32];
        if (with_symbol) out_text(o, r->symbol);
        out_text(o, r->b[i].state);
        for (int c = 0; c < 4; c++) {
            snprintf(v, sizeof v, "%.3f", r->b[i].p[c]);
            out_text(o, v);
        }
        snprintf(v, sizeof v, "%.3f", r->b[i].decisive);
        out_text(o, v);
        snprintf(v, sizeof v, "%.3f", r->b[i].swing);
        out_text(o, v);
    }
}

static void print_summary(const hrr_fc_result_t *r, FILE *f)
{
    fprintf(f, "%s%s%s on %s: %zu members; expected %.1f yes, %.1f no, %.1f abstain, %.1f absent\n",
            r->symbol, r->symbol[0] ? " " : "", r->target[0] ? r->target : "thematic", r->date, r->n,
            r->expect[0], r->expect[1], r->expect[2], r->expect[3]);
    fprintf(f, "read against: %s\n", r->like[0] ? r->like : "(no earlier version found)");
    if (!isnan(r->p_no_action)) fprintf(f, "P(no-action motion carries) = %.3f\n", r->p_no_action);
    fprintf(f, "P(adopted) = %.3f over %ld runs\n", r->p_adopted, r->runs);
    fprintf(f, "swing states:");
    size_t idx[8];
    int nsw = swing_states(r, idx, 8);
    for (int k = 0; k < nsw; k++) fprintf(f, " %s (%.2f)", r->b[idx[k]].state, r->b[idx[k]].swing);
    fprintf(f, "%s\n", nsw ? "" : " none (the outcome does not turn on any one member)");
}

int hrr_cmd_forecast(hrr_cli_t *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"body", required_argument, 0, 'b'},     {"date", required_argument, 0, 'd'},
        {"like", required_argument, 0, 'l'},     {"title", required_argument, 0, 'T'},
        {"target", required_argument, 0, 't'},   {"sponsors", required_argument, 0, 's'},
        {"members", required_argument, 0, 'm'},  {"runs", required_argument, 0, 'r'},
        {"seed", required_argument, 0, 'S'},     {"rules", required_argument, 0, 'R'},
        {"batch", required_argument, 0, 'B'},    {"no-action", no_argument, 0, 'N'},
        {"no-motion", no_argument, 0, 'M'},      {"csv", no_argument, 0, 'C'},
        {"json", no_argument, 0, 'J'},           {"help", no_argument, 0, 'h'},
        {"shock", required_argument, 0, 'K'},    {0, 0, 0, 0}};
    hrr_fc_draft_t d = {.no_action = -1};
    hrr_fc_opts_t fo = {0};
    const char *body = NULL, *batch = NULL, *members = NULL;
    out_fmt_t fmt = OUT_TABLE;
    int c, code = 0;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 'b': body = optarg; break;
        case 'd': d.date = optarg; break;
        case 'l': d.like = optarg; break;
        case 'T': d.title = optarg; break;
        case 't': d.target = optarg; break;
        case 's': d.sponsors = optarg; break;
        case 'm': members = optarg; break;
        case 'R': fo.rules = optarg; break;
        case 'B': batch = optarg; break;
        case 'N': d.no_action = 1; break;
        case 'M': d.no_action = 0; break;
        case 'K':
        case 'r':
        case 'S':
            if (mc_opt("forecast", c, optarg, &fo)) return HRR_EXIT_USAGE;
            break;
        case 'C':
        case 'J':
            if (!out_want(&fmt, c == 'C' ? OUT_CSV : OUT_JSON))
                return hrr_cli_usage("forecast", "--csv and --json exclude each other");
            break;
        case 'h': help(); return 0;
        default: return out_opt_error("forecast", c, optopt, argv, optind);
        }
    }
    if (optind < argc) return hrr_cli_usage("forecast", "unexpected argument '%s'", argv[optind]);
    if (!body) return hrr_cli_usage("forecast", "--body B is required (HRC, CHR, GA)");
    if (batch && (d.date || d.like || d.title || d.target || members || d.sponsors))
        return hrr_cli_usage("forecast", "--batch takes the drafts from the file: no --date, --like, --title, "
                                         "--target, --members or --sponsors");
    if (!batch && !d.date) return hrr_cli_usage("forecast", "--date YYYY-MM-DD is required");
    if (!batch && !d.like && !d.title) return hrr_cli_usage("forecast", "--like SYMBOL or --title TEXT is required");
    char *mem = NULL;
    if (members && !(mem = read_members(members, &code))) return code;
    d.members = mem;
    hrr_fc_batch_t *bt = NULL;
    hrr_ctx_t *ctx = NULL;
    if (batch && (hrr_ctx_new(&ctx) || hrr_fc_batch_load(batch, &bt, ctx))) {
        free(mem);
        code = hrr_cli_fail(HRR_EDATA, "%s", hrr_errmsg(ctx));
        hrr_ctx_free(ctx);
        return code;
    }
    hrr_ctx_free(ctx);
    hrr_store_t *st = hrr_cli_open(cli, false, &code);
    hrr_fc_t *fc = NULL;
    json_t *items = json_array();
    if (st && hrr_fc_open(st, body, &fc)) code = hrr_cli_fail(HRR_ENOTFOUND, "%s", hrr_store_errmsg(st));
    if (fc && bt) {
        /* learn once, from before the batch's first date */
        const char *first = bt->d[0].date;
        for (size_t k = 1; k < bt->n; k++)
            if (strcmp(bt->d[k].date, first) < 0) first = bt->d[k].date;
        fo.cutoff = first;
    }
    size_t nd = bt ? bt->n : 1;
    out_t o;
    int csv_open = 0;
    for (size_t k = 0; fc && !code && k < nd; k++) {
        const hrr_fc_draft_t *dk = bt ? &bt->d[k] : &d;
        hrr_fc_result_t *r = NULL;
        hrr_err_t rc = hrr_fc_forecast(fc, dk, &fo, &r);
        if (rc) {
            code = bt ? hrr_cli_fail(rc, "%s, row %zu (%s): %s", batch, k + 2, dk->symbol, hrr_fc_errmsg(fc))
                      : hrr_cli_fail(rc, "%s", hrr_fc_errmsg(fc));
            break;
        }
        if (fmt == OUT_JSON) {
            json_array_append_new(items, result_json(r, dk->title));
        } else if (fmt == OUT_CSV) {
            /* one table: with the symbol column for a batch */
            if (k == 0) {
                if (out_begin(&o, OUT_CSV, stdout, bt ? 8 : 7, tcols + (bt ? 0 : 1))) csv_open = 1;
                else code = hrr_cli_fail(HRR_ENOMEM, "out of memory");
            }
            if (!code) add_rows(&o, r, bt != NULL);
            if (!code && k + 1 == nd) code = out_done(&o), csv_open = 0;
        } else {
            print_summary(r, stdout);
            if (!out_begin(&o, OUT_TABLE, stdout, 7, tcols + 1)) code = hrr_cli_fail(HRR_ENOMEM, "out of memory");
            if (!code) add_rows(&o, r, 0);
            if (!code) code = out_done(&o);
            if (k + 1 < nd) printf("\n");
        }
        hrr_fc_result_free(r);
    }
    if (csv_open) out_end(&o); /* a draft failed: drop the rest */
    if (!code && fmt == OUT_JSON) {
        json_t *top = json_object();
        json_object_set_new(top, "body", json_string(body));
        json_object_set_new(top, "items", items);
        items = NULL;
        if (json_dumpf(top, stdout, JSON_INDENT(1) | JSON_REAL_PRECISION(4)) == 0) fputc('\n', stdout);
        json_decref(top);
    }
    json_decref(items);
    hrr_fc_close(fc);
    hrr_fc_batch_free(bt);
    hrr_store_close(st);
    free(mem);
    return hrr_cli_finish(code);
}

/* A number, or null for NaN (which JSON has not). */
static json_t *jnum(double v) { return isnan(v) ? json_null() : json_real(v); }

/* The accuracy rows of a backtest (by state, subject or kind) as JSON, each
 * named by KEY; with OUTCOMES the votes and outcome accuracy too. */
static json_t *fails_json(const hrr_fc_fail_t *f, size_t n, const char *key, int outcomes)
{
    json_t *a = json_array();
    for (size_t k = 0; k < n; k++) {
        json_t *j = json_object();
        json_object_set_new(j, key, json_string(f[k].what));
        json_object_set_new(j, "ballots", json_integer(f[k].n));
        json_object_set_new(j, "accuracy", jnum(f[k].accuracy));
        if (outcomes) {
            json_object_set_new(j, "votes", json_integer(f[k].items));
            json_object_set_new(j, "outcome_accuracy", jnum(f[k].outcome_accuracy));
        }
        json_array_append_new(a, j);
    }
    return a;
}

int hrr_cmd_backtest(hrr_cli_t *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"body", required_argument, 0, 'b'}, {"from", required_argument, 0, 'f'},
        {"to", required_argument, 0, 't'},   {"runs", required_argument, 0, 'r'},
        {"seed", required_argument, 0, 'S'}, {"json", no_argument, 0, 'J'},
        {"help", no_argument, 0, 'h'},       {"shock", required_argument, 0, 'K'},
        {0, 0, 0, 0}};
    const char *body = NULL;
    int from = 0, to = 0, json = 0, c, code = 0;
    hrr_fc_opts_t fo = {0};
    char *end;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 'b': body = optarg; break;
        case 'f':
        case 't': {
            long y = strtol(optarg, &end, 10);
            if (*end || y < 1900 || y > 2100)
                return hrr_cli_usage("backtest", "--%s: '%s' is not a year", c == 'f' ? "from" : "to", optarg);
            if (c == 'f') from = (int)y;
            else to = (int)y;
            break;
        }
        case 'K':
        case 'r':
        case 'S':
            if (mc_opt("backtest", c, optarg, &fo)) return HRR_EXIT_USAGE;
            break;
        case 'J': json = 1; break;
        case 'h': backtest_help(); return 0;
        default: return out_opt_error("backtest", c, optopt, argv, optind);
        }
    }
    if (optind < argc) return hrr_cli_usage("backtest", "unexpected argument '%s'", argv[optind]);
    if (!body) return hrr_cli_usage("backtest", "--body B is required (HRC, CHR, GA)");
    if (!from || !to || to < from) return hrr_cli_usage("backtest", "--from Y and --to Y (Y <= Y) are required");
    hrr_store_t *st = hrr_cli_open(cli, false, &code);
    if (!st) return code;
    hrr_fc_t *fc = NULL;
    hrr_fc_backtest_t *bt = NULL;
    hrr_err_t rc = hrr_fc_open(st, body, &fc);
    if (!rc) rc = hrr_fc_backtest(fc, from, to, &fo, &bt);
    if (rc) {
        code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
    } else if (json) {
        json_t *o = json_object(), *sc = json_array(), *bins = json_array();
        json_object_set_new(o, "body", json_string(body));
        json_object_set_new(o, "from", json_integer(from));
        json_object_set_new(o, "to", json_integer(to));
        json_object_set_new(o, "sessions", json_integer(bt->sessions));
        for (int m = 0; m < 4; m++) {
            const hrr_fc_score_t *s = &bt->score[m];
            json_t *j = json_object();
            json_object_set_new(j, "name", json_string(s->name));
            json_object_set_new(j, "ballots", json_integer(s->ballots));
            json_object_set_new(j, "accuracy", jnum(s->accuracy));
            json_object_set_new(j, "macro_f1", jnum(s->macro_f1));
            json_object_set_new(j, "brier", jnum(s->brier));
            json_object_set_new(j, "log_loss", jnum(s->log_loss));
            json_object_set_new(j, "items", json_integer(s->items));
            json_object_set_new(j, "outcome_accuracy", jnum(s->outcome_accuracy));
            json_object_set_new(j, "outcome_brier", jnum(s->outcome_brier));
            if (m == 0) json_object_set_new(j, "ece", jnum(s->ece));
            json_array_append_new(sc, j);
        }
        json_object_set_new(o, "scores", sc);
        for (int k = 0; k < 10; k++) {
            const hrr_fc_bin_t *b = &bt->bins[k];
            json_t *j = json_object();
            json_object_set_new(j, "lo", json_real(b->lo));
            json_object_set_new(j, "hi", json_real(b->hi));
            json_object_set_new(j, "n", json_integer(b->n));
            json_object_set_new(j, "predicted", b->n ? json_real(b->predicted) : json_null());
            json_object_set_new(j, "observed", b->n ? json_real(b->observed) : json_null());
            json_array_append_new(bins, j);
        }
        json_object_set_new(o, "reliability", bins);
        json_object_set_new(o, "states", fails_json(bt->states, bt->nstates, "state", 0));
        json_object_set_new(o, "subjects", fails_json(bt->subjects, bt->nsubjects, "subject", 0));
        json_object_set_new(o, "kinds", fails_json(bt->kinds, bt->nkinds, "kind", 1));
        json_t *conf = json_array();
        for (int y = 0; y < 4; y++) {
            json_t *row = json_array();
            for (int q = 0; q < 4; q++) json_array_append_new(row, json_integer(bt->confusion[y][q]));
            json_array_append_new(conf, row);
        }
        json_object_set_new(o, "confusion", conf);
        if (json_dumpf(o, stdout, JSON_INDENT(1) | JSON_REAL_PRECISION(4)) == 0) fputc('\n', stdout);
        json_decref(o);
    } else {
        printf("%s %d-%d: %ld sessions, each forecast from the record before it\n\n", body, from, to,
               bt->sessions);
        printf("%-15s %8s %9s %9s %7s %9s %6s %9s %8s\n", "predictor", "ballots", "accuracy", "macro-F1",
               "Brier", "log-loss", "votes", "outcomes", "o-Brier");
        for (int m = 0; m < 4; m++) {
            const hrr_fc_score_t *s = &bt->score[m];
            printf("%-15s %8ld %9.4f %9.4f %7.4f %9.4f %6ld %9.4f %8.4f\n", s->name, s->ballots, s->accuracy,
                   s->macro_f1, s->brier, s->log_loss, s->items, s->outcome_accuracy, s->outcome_brier);
        }
        printf("\ncalibration of the model (all classes pooled), ECE = %.4f\n", bt->score[0].ece);
        printf("%-11s %9s %10s %9s\n", "predicted", "pairs", "mean p", "observed");
        for (int k = 0; k < 10; k++)
            if (bt->bins[k].n)
                printf("[%.1f, %.1f)  %9ld %10.4f %9.4f\n", bt->bins[k].lo, bt->bins[k].hi, bt->bins[k].n,
                       bt->bins[k].predicted, bt->bins[k].observed);
        printf("\nrecorded (rows) against forecast (columns):\n%-9s %8s %8s %8s %8s\n", "", "yes", "no",
               "abstain", "absent");
        static const char *const cls[4] = {"yes", "no", "abstain", "absent"};
        for (int y = 0; y < 4; y++)
            printf("%-9s %8ld %8ld %8ld %8ld\n", cls[y], bt->confusion[y][0], bt->confusion[y][1],
                   bt->confusion[y][2], bt->confusion[y][3]);
        printf("\nthe model by kind of vote:\n%-12s %8s %9s %6s %9s\n", "", "ballots", "accuracy", "votes",
               "outcomes");
        for (size_t k = 0; k < bt->nkinds; k++)
            printf("%-12s %8ld %9.4f %6ld %9.4f\n", bt->kinds[k].what, bt->kinds[k].n, bt->kinds[k].accuracy,
                   bt->kinds[k].items, bt->kinds[k].outcome_accuracy);
        printf("where the model fails most (accuracy; ballots):\n  states:");
        for (size_t k = 0; k < bt->nstates && k < 8; k++)
            printf(" %s %.2f (%ld)%s", bt->states[k].what, bt->states[k].accuracy, bt->states[k].n,
                   k + 1 < 8 && k + 1 < bt->nstates ? "," : "");
        printf("\n  subjects:");
        for (size_t k = 0; k < bt->nsubjects && k < 8; k++)
            printf(" %s %.2f (%ld)%s", bt->subjects[k].what, bt->subjects[k].accuracy, bt->subjects[k].n,
                   k + 1 < 8 && k + 1 < bt->nsubjects ? "," : "");
        printf("\n");
    }
    hrr_fc_backtest_free(bt);
    hrr_fc_close(fc);
    hrr_store_close(st);
    return hrr_cli_finish(code);
}
