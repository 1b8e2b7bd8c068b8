/*
 * cmd_replay.c - `hrr replay`: recorded history under another rule set; the
 * items whose outcome flips, with margins, and a summary by year and target.
 */
#include "args.h"

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

typedef struct replay_cli {
    hrr_replay_opts_t ro;
    const char *rules;
} replay_cli_t;

static int on_opt(void *ctx, int c, const char *arg)
{
    replay_cli_t *rc = ctx;
    switch (c) {
    case 'r': rc->rules = arg; break;
    case 'T': rc->ro.target = arg; break;
    case 'a': rc->ro.flips_only = 0; break;
    case 'k':
        if (strcmp(arg, "country") == 0) rc->ro.scope = HRR_SCOPE_COUNTRY;
        else if (strcmp(arg, "thematic") == 0) rc->ro.scope = HRR_SCOPE_THEMATIC;
        else return hrr_cli_usage("replay", "--kind: '%s' is not country or thematic", arg);
        break;
    }
    return 0;
}

int hrr_cmd_replay(hrr_cli_t *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"rules", required_argument, 0, 'r'}, {"kind", required_argument, 0, 'k'},
        {"target", required_argument, 0, 'T'}, {"all", no_argument, 0, 'a'}, {0, 0, 0, 0}};
    replay_cli_t rcl = {{NULL, 0, 0, 0, NULL, 1}, NULL};
    const hrr_args_spec_t spec = {.cmd = "replay", .shared = ARG_SCOPE | ARG_FMT, .own = opts,
                                  .on_opt = on_opt, .ctx = &rcl, .help = help};
    hrr_args_t a = {0};
    int code = hrr_args_parse(cli, &spec, argc, argv, &a);
    if (code >= 0) return code;
    if (!rcl.rules) return hrr_cli_usage("replay", "--rules NAME is required (hrr rules list)");
    rcl.ro.body = a.body;
    rcl.ro.from = a.from;
    rcl.ro.to = a.to;
    hrr_rules_t *r = NULL;
    hrr_err_t rc;
    if ((code = hrr_cli_rules(rcl.rules, &r))) return code;
    hrr_store_t *st = hrr_cli_open(cli, false, &code);
    hrr_replay_t *rep = NULL;
    if (!st) goto out;
    if ((rc = hrr_replay_run(st, r, &rcl.ro, &rep)))
        code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
    else code = hrr_cli_report(hrr_report_replay(stdout, a.fmt, r, rep));
out:
    hrr_replay_free(rep);
    hrr_store_close(st);
    hrr_rules_free(r);
    return code;
}
