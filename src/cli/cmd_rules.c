/*
 * cmd_rules.c - `hrr rules list|show NAME` (the rule sets, in words, with
 * their sources) and `hrr decide` (one vote decided under a rule set). No
 * store is needed for either.
 */
#include "cli.h"
#include "out.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static void rules_help(void)
{
    printf("usage: hrr rules list [--csv | --json]\n"
           "       hrr rules show NAME|FILE.json [--json]\n\n"
           "The rule sets hrr decides items under (docs/rules.md): each body's rules of\n"
           "procedure, China's 2007 proposal for the Council, and counterfactual variants.\n"
           "A user's own rule file (JSON, same keys) can be given by path.\n");
}

int hrr_cli_rules(const char *name, hrr_rules_t **r)
{
    char err[512];
    hrr_err_t rc = hrr_rules_load(name, r, err, sizeof err);
    /* an unknown name is a usage error (exit 2); a bad file is bad data */
    return rc ? hrr_cli_fail(rc == HRR_ENOTFOUND ? HRR_EINVAL : rc, "%s", err) : 0;
}

int hrr_cmd_rules(hrr_cli_t *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"csv", no_argument, 0, 'C'}, {"json", no_argument, 0, 'J'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    out_fmt_t fmt = OUT_TABLE;
    int c, code;
    (void)cli;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 'C':
        case 'J':
            if (!out_want(&fmt, c == 'C' ? OUT_CSV : OUT_JSON))
                return hrr_cli_usage("rules", "--csv and --json exclude each other");
            break;
        case 'h': rules_help(); return 0;
        default: return out_opt_error("rules", c, optopt, argv, optind);
        }
    }
    if (optind >= argc) return hrr_cli_usage("rules", "say 'list' or 'show NAME'");
    const char *verb = argv[optind];
    if (strcmp(verb, "list") == 0) {
        static const char *const cols[] = {"name", "body", "members", "title"};
        out_t o;
        if (optind + 1 != argc) return hrr_cli_usage("rules", "'list' takes no argument");
        if (!out_begin(&o, fmt, stdout, 4, cols)) return hrr_cli_fail(HRR_ENOMEM, "out of memory");
        for (const char *const *n = hrr_rules_names(); *n; n++) {
            hrr_rules_t *r;
            if ((code = hrr_cli_rules(*n, &r))) {
                out_end(&o);
                return code;
            }
            out_text(&o, hrr_rules_name(r));
            out_text(&o, hrr_rules_body(r));
            out_int(&o, hrr_rules_members(r, 0));
            out_text(&o, hrr_rules_title(r));
            hrr_rules_free(r);
        }
        return out_done(&o);
    }
    if (strcmp(verb, "show") == 0) {
        hrr_rules_t *r;
        if (optind + 2 != argc) return hrr_cli_usage("rules", "'show' takes one NAME");
        if ((code = hrr_cli_rules(argv[optind + 1], &r))) return code;
        char *text = fmt == OUT_JSON ? hrr_rules_json(r) : hrr_rules_describe(r);
        hrr_rules_free(r);
        if (!text) return hrr_cli_fail(HRR_ENOMEM, "out of memory");
        fputs(text, stdout);
        if (fmt == OUT_JSON) fputc('\n', stdout);
        free(text);
        return 0;
    }
    return hrr_cli_usage("rules", "unknown verb '%s' (list, show)", verb);
}

static void decide_help(void)
{
    printf("usage: hrr decide --rules NAME --yes N --no N --abstain N [--absent N]\n"
           "                  [--members N] [--supporters N] [--kind country|thematic]\n"
           "                  [--important] [--year Y] [--motion no-action] [--json]\n\n"
           "Decide one vote under a rule set (hrr rules list): the outcome (adopted,\n"
           "rejected, not-tabled, no-decision), the threshold, the margin and the rule.\n"
           "  --motion no-action  the tally is that of a motion that no action be taken\n"
           "                      on a draft: if it carries, the draft is not voted on\n"
           "  --absent N          members present but not voting (checks the quorum)\n"
           "  --supporters N      members supporting the tabling of the text\n"
           "  --important         an important question (Charter Art. 18(2))\n"
           "  --year Y            for bodies whose size changed (the Commission)\n"
           "  --json              {\"outcome\", \"reason\", \"threshold\", \"margin\", \"rule\", \"source\"}\n");
}

static int num_arg(const char *opt, const char *s, long *v)
{
    char *end;
    long x = strtol(s, &end, 10);
    if (!*s || *end || x < 0 || x > 100000)
        return hrr_cli_usage("decide", "%s: '%s' is not a count", opt, s);
    *v = x;
    return 0;
}

int hrr_cmd_decide(hrr_cli_t *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"rules", required_argument, 0, 'r'},   {"yes", required_argument, 0, 'y'},
        {"no", required_argument, 0, 'n'},      {"abstain", required_argument, 0, 'a'},
        {"absent", required_argument, 0, 'A'},  {"members", required_argument, 0, 'm'},
        {"supporters", required_argument, 0, 's'}, {"kind", required_argument, 0, 'k'},
        {"motion", required_argument, 0, 'M'},  {"important", no_argument, 0, 'i'},
        {"year", required_argument, 0, 'Y'},    {"json", no_argument, 0, 'J'},
        {"help", no_argument, 0, 'h'},          {0, 0, 0, 0}};
    hrr_vote_in_t in = {-1, -1, -1, -1, -1, -1, HRR_SCOPE_UNKNOWN, HRR_MOTION_NONE, 0, 0};
    const char *rules = NULL;
    int c, json = 0, code;
    long v;
    (void)cli;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 'r': rules = optarg; break;
        case 'y': if ((code = num_arg("--yes", optarg, &in.yes))) return code; break;
        case 'n': if ((code = num_arg("--no", optarg, &in.no))) return code; break;
        case 'a': if ((code = num_arg("--abstain", optarg, &in.abstain))) return code; break;
        case 'A': if ((code = num_arg("--absent", optarg, &in.absent))) return code; break;
        case 'm': if ((code = num_arg("--members", optarg, &in.members))) return code; break;
        case 's': if ((code = num_arg("--supporters", optarg, &in.supporters))) return code; break;
        case 'Y': if ((code = num_arg("--year", optarg, &v))) return code; in.year = (int)v; break;
        case 'i': in.important = 1; break;
        case 'k':
            if (strcmp(optarg, "country") == 0) in.scope = HRR_SCOPE_COUNTRY;
            else if (strcmp(optarg, "thematic") == 0) in.scope = HRR_SCOPE_THEMATIC;
            else return hrr_cli_usage("decide", "--kind: '%s' is not country or thematic", optarg);
            break;
        case 'M':
            if (strcmp(optarg, "no-action") != 0 && strcmp(optarg, "adjournment") != 0)
                return hrr_cli_usage("decide", "--motion: '%s' is not no-action", optarg);
            in.motion = HRR_MOTION_NO_ACTION;
            break;
        case 'J': json = 1; break;
        case 'h': decide_help(); return 0;
        default: return out_opt_error("decide", c, optopt, argv, optind);
        }
    }
    if (optind < argc) return hrr_cli_usage("decide", "unexpected argument '%s'", argv[optind]);
    if (!rules) return hrr_cli_usage("decide", "--rules NAME is required (hrr rules list)");
    if (in.yes < 0 || in.no < 0 || in.abstain < 0)
        return hrr_cli_usage("decide", "--yes, --no and --abstain are required");
    hrr_rules_t *r;
    if ((code = hrr_cli_rules(rules, &r))) return code;
    hrr_decision_t d;
    hrr_err_t rc = hrr_rules_decide(r, &in, &d);
    if (rc) {
        hrr_rules_free(r);
        return hrr_cli_usage("decide", "%s", d.reason);
    }
    if (json) {
        json_t *o = json_object();
        json_object_set_new(o, "outcome", json_string(hrr_outcome_name(d.outcome)));
        json_object_set_new(o, "reason", json_string(d.reason));
        json_object_set_new(o, "threshold", json_integer(d.threshold));
        json_object_set_new(o, "margin", json_integer(d.margin));
        json_object_set_new(o, "rule", json_string(d.rule));
        json_object_set_new(o, "source", json_string(d.source));
        json_object_set_new(o, "rules", json_string(hrr_rules_name(r)));
        code = out_json(stdout, o) == HRR_OK ? 0 : HRR_EXIT_IO;
    } else {
        printf("%s\n  %s\n  rule: %s (%s)\n", hrr_outcome_name(d.outcome), d.reason, d.rule,
               d.source);
        code = 0;
    }
    hrr_rules_free(r);
    return code;
}
