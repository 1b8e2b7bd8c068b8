/*
 * cmd_replay.c - `hrr replay`: recorded history under another rule set; the
 * items whose outcome flips, with margins, and a summary by year and target.
 */
#include "cli.h"
#include "out.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static void help(void)
{
    printf("usage: hrr replay --rules NAME [--body B] [--from Y] [--to Y]\n"
           "                  [--kind country|thematic] [--target ISO3] [--all] [--csv | --json]\n\n"
           "Decide every recorded vote again under another rule set (hrr rules list):\n"
           "by its ballots where the store has them, by its official tally otherwise.\n"
           "Lists the items whose outcome flips (--all: every item), with the margin\n"
           "under the body's own rules and under NAME, then a summary by year and by\n"
           "target state (docs/rules.md).\n");
}

int hrr_cmd_replay(hrr_cli_t *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"rules", required_argument, 0, 'r'}, {"body", required_argument, 0, 'b'},
        {"from", required_argument, 0, 'f'},  {"to", required_argument, 0, 't'},
        {"kind", required_argument, 0, 'k'},  {"target", required_argument, 0, 'T'},
        {"all", no_argument, 0, 'a'},         {"csv", no_argument, 0, 'C'},
        {"json", no_argument, 0, 'J'},        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    static const char *const cols[] = {"date", "symbol", "target", "yes", "no", "abstain",
                                       "tally", "own", "own_margin", "outcome", "margin", "reason"};
    hrr_replay_opts_t ro = {NULL, 0, 0, 0, NULL, 1};
    const char *rules = NULL;
    out_fmt_t fmt = OUT_TABLE;
    int c, code = 0;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 'r': rules = optarg; break;
        case 'b': ro.body = optarg; break;
        case 'f': ro.from = atoi(optarg); break;
        case 't': ro.to = atoi(optarg); break;
        case 'T': ro.target = optarg; break;
        case 'a': ro.flips_only = 0; break;
        case 'k':
            if (strcmp(optarg, "country") == 0) ro.scope = HRR_SCOPE_COUNTRY;
            else if (strcmp(optarg, "thematic") == 0) ro.scope = HRR_SCOPE_THEMATIC;
            else return hrr_cli_usage("replay", "--kind: '%s' is not country or thematic", optarg);
            break;
        case 'C':
        case 'J':
            if (!out_want(&fmt, c == 'C' ? OUT_CSV : OUT_JSON))
                return hrr_cli_usage("replay", "--csv and --json exclude each other");
            break;
        case 'h': help(); return 0;
        default: return out_opt_error("replay", c, optopt, argv, optind);
        }
    }
    if (optind < argc) return hrr_cli_usage("replay", "unexpected argument '%s'", argv[optind]);
    if (!rules) return hrr_cli_usage("replay", "--rules NAME is required (hrr rules list)");
    hrr_rules_t *r = NULL;
    hrr_err_t rc;
    if ((code = hrr_cli_rules(rules, &r))) return code;
    hrr_store_t *st = hrr_cli_open(cli, false, &code);
    hrr_replay_t *rep = NULL;
    if (!st) goto out;
    if ((rc = hrr_replay_run(st, r, &ro, &rep))) {
        code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
        goto out;
    }
    out_t o;
    if (!out_begin(&o, fmt, stdout, 12, cols)) {
        code = hrr_cli_fail(HRR_ENOMEM, "out of memory");
        goto out;
    }
    out_maxwidth(&o, 1, 26);
    out_maxwidth(&o, 11, 70);
    for (size_t i = 0; i < rep->n; i++) {
        const hrr_replay_item_t *it = &rep->a[i];
        out_text(&o, it->date);
        out_text(&o, it->symbol);
        out_text(&o, *it->target ? it->target : NULL);
        out_int(&o, it->yes);
        out_int(&o, it->no);
        out_int(&o, it->abstain);
        out_text(&o, it->from_ballots ? "ballots" : "official");
        out_text(&o, hrr_outcome_name(it->own.outcome));
        out_int(&o, it->own.margin);
        out_text(&o, hrr_outcome_name(it->other.outcome));
        out_int(&o, it->other.margin);
        out_text(&o, it->other.reason);
    }
    code = out_done(&o);
    if (!code && fmt == OUT_TABLE) {
        /* summary: flips by year and by target */
        printf("\n%ld items decided under %s and %s; %ld flip\nby year:\n", rep->decided,
               rep->own_rules, hrr_rules_name(r), rep->flipped);
        char year[5] = "";
        int n = 0;
        for (size_t i = 0; i <= rep->n; i++) {
            bool flip = i < rep->n && rep->a[i].own.outcome != rep->a[i].other.outcome;
            if (i == rep->n || strncmp(rep->a[i].date, year, 4) != 0) {
                if (n) printf("  %s: %d\n", year, n);
                n = 0;
                if (i < rep->n) snprintf(year, sizeof year, "%.4s", rep->a[i].date);
            }
            if (flip) n++;
        }
        /* and by target state, in order of first appearance */
        printf("by target:\n");
        for (size_t i = 0; i < rep->n; i++) {
            const char *t = *rep->a[i].target ? rep->a[i].target : "(thematic)";
            bool seen = false;
            for (size_t k = 0; k < i && !seen; k++)
                seen = strcmp(*rep->a[k].target ? rep->a[k].target : "(thematic)", t) == 0 &&
                       rep->a[k].own.outcome != rep->a[k].other.outcome;
            if (seen || rep->a[i].own.outcome == rep->a[i].other.outcome) continue;
            int m = 0;
            for (size_t k = i; k < rep->n; k++)
                m += strcmp(*rep->a[k].target ? rep->a[k].target : "(thematic)", t) == 0 &&
                     rep->a[k].own.outcome != rep->a[k].other.outcome;
            printf("  %s: %d\n", t, m);
        }
    }
out:
    hrr_replay_free(rep);
    hrr_store_close(st);
    hrr_rules_free(r);
    return code;
}
