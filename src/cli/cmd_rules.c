/*
 * cmd_rules.c - `hrr rules list|show NAME` (the rule sets, in words, with
 * their sources) and `hrr decide` (one vote decided under a rule set). No
 * store is needed for either.
 */
#include "args.h"
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
    hrr_ctx_t *ctx = NULL;
    hrr_err_t rc = hrr_ctx_new(&ctx);
    if (!rc) rc = hrr_rules_load(name, r, ctx);
    /* an unknown name is a usage error (exit 2); a bad file is bad data */
    int code = rc ? hrr_cli_fail(rc == HRR_ENOTFOUND ? HRR_EINVAL : rc, "%s", hrr_errmsg(ctx)) : 0;
    hrr_ctx_free(ctx);
    return code;
}

/* `rules list`: every built-in rule set. */
static int rules_list(hrr_out_fmt_t fmt)
{
    hrr_rules_t *r[64];
    size_t n = 0;
    int code = 0;
    for (const char *const *nm = hrr_rules_names(); *nm && n < 64 && !code; nm++)
        if (!(code = hrr_cli_rules(*nm, &r[n]))) n++;
    if (!code) code = hrr_cli_report(hrr_report_rules_list(stdout, fmt, r, n));
    while (n) hrr_rules_free(r[--n]);
    return code;
}

int hrr_cmd_rules(hrr_cli_t *cli, int argc, char **argv)
{
    static const hrr_args_spec_t spec = {.cmd = "rules", .shared = ARG_FMT, .help = rules_help,
                                         .maxpos = -1};
    hrr_args_t a = {0};
    int code = hrr_args_parse(cli, &spec, argc, argv, &a);
    if (code >= 0) return code;
    if (a.npos < 1) return hrr_cli_usage("rules", "say 'list' or 'show NAME'");
    const char *verb = a.pos[0];
    if (strcmp(verb, "list") == 0) {
        if (a.npos != 1) return hrr_cli_usage("rules", "'list' takes no argument");
        return rules_list(a.fmt);
    }
    if (strcmp(verb, "show") == 0) {
        hrr_rules_t *r;
        if (a.npos != 2) return hrr_cli_usage("rules", "'show' takes one NAME");
        if ((code = hrr_cli_rules(a.pos[1], &r))) return code;
        /* the rule set's own text: its JSON file or its description */
        char *text = a.fmt == HRR_OUT_JSON ? hrr_rules_json(r) : hrr_rules_describe(r);
        hrr_rules_free(r);
        if (!text) return hrr_cli_fail(HRR_ENOMEM, "out of memory");
        fputs(text, stdout);
        if (a.fmt == HRR_OUT_JSON) fputc('\n', stdout);
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
    char msg[256];
    return hrr_args_bad("decide", hrr_param_count(opt, s, v, msg, sizeof msg), msg);
}

typedef struct decide_opts {
    hrr_vote_in_t in;
    const char *rules;
} decide_opts_t;

static int decide_opt(void *ctx, int c, const char *arg)
{
    decide_opts_t *d = ctx;
    hrr_vote_in_t *in = &d->in;
    long v;
    int code = 0;
    switch (c) {
    case 'r': d->rules = arg; break;
    case 'y': code = num_arg("--yes", arg, &in->yes); break;
    case 'n': code = num_arg("--no", arg, &in->no); break;
    case 'a': code = num_arg("--abstain", arg, &in->abstain); break;
    case 'A': code = num_arg("--absent", arg, &in->absent); break;
    case 'm': code = num_arg("--members", arg, &in->members); break;
    case 's': code = num_arg("--supporters", arg, &in->supporters); break;
    case 'Y':
        if (!(code = num_arg("--year", arg, &v))) in->year = (int)v;
        break;
    case 'i': in->important = 1; break;
    case 'k':
        if (strcmp(arg, "country") == 0) in->scope = HRR_SCOPE_COUNTRY;
        else if (strcmp(arg, "thematic") == 0) in->scope = HRR_SCOPE_THEMATIC;
        else return hrr_cli_usage("decide", "--kind: '%s' is not country or thematic", arg);
        break;
    case 'M':
        if (strcmp(arg, "no-action") != 0 && strcmp(arg, "adjournment") != 0)
            return hrr_cli_usage("decide", "--motion: '%s' is not no-action", arg);
        in->motion = HRR_MOTION_NO_ACTION;
        break;
    }
    return code;
}

int hrr_cmd_decide(hrr_cli_t *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"rules", required_argument, 0, 'r'},   {"yes", required_argument, 0, 'y'},
        {"no", required_argument, 0, 'n'},      {"abstain", required_argument, 0, 'a'},
        {"absent", required_argument, 0, 'A'},  {"members", required_argument, 0, 'm'},
        {"supporters", required_argument, 0, 's'}, {"kind", required_argument, 0, 'k'},
        {"motion", required_argument, 0, 'M'},  {"important", no_argument, 0, 'i'},
        {"year", required_argument, 0, 'Y'},    {0, 0, 0, 0}};
    decide_opts_t d = {{-1, -1, -1, -1, -1, -1, HRR_SCOPE_UNKNOWN, HRR_MOTION_NONE, 0, 0}, NULL};
    const hrr_args_spec_t spec = {.cmd = "decide", .shared = ARG_JSON, .own = opts,
                                  .on_opt = decide_opt, .ctx = &d, .help = decide_help};
    hrr_args_t a = {0};
    int code = hrr_args_parse(cli, &spec, argc, argv, &a);
    if (code >= 0) return code;
    if (!d.rules) return hrr_cli_usage("decide", "--rules NAME is required (hrr rules list)");
    if (d.in.yes < 0 || d.in.no < 0 || d.in.abstain < 0)
        return hrr_cli_usage("decide", "--yes, --no and --abstain are required");
    hrr_rules_t *r;
    if ((code = hrr_cli_rules(d.rules, &r))) return code;
    hrr_decision_t dec;
    if (hrr_rules_decide(r, &d.in, &dec)) code = hrr_cli_usage("decide", "%s", dec.reason);
    else code = hrr_cli_report(hrr_report_decision(stdout, a.fmt, r, &dec));
    hrr_rules_free(r);
    return code;
}
