/*
 * cmd_votes.c - `hrr votes SYMBOL`: one item, its official tally, the tally
 * counted from the ballots, and every ballot grouped yes / no / abstain /
 * absent. Ballots of states that were not members (vote 5) are counted but
 * not listed. A symbol that names several items is an error unless --all.
 */
#include "args.h"

static void help(void)
{
    printf("usage: hrr votes [--key] [--all] [--csv | --json] SYMBOL\n\n"
           "The votes on the item SYMBOL names (its symbol, e.g. A/HRC/RES/S-1/1, or\n"
           "its key): the item, its official tally, the tally counted from the\n"
           "ballots, and every member's ballot grouped yes, no, abstain, absent.\n"
           "States that were not members are counted (not-member) but not listed.\n"
           "  --key    SYMBOL is an item key: match keys only\n"
           "  --all    when SYMBOL names several items, show them all (JSON: an array)\n"
           "  --csv    one row per ballot: key,symbol,body,date,state,name,vote\n"
           "  --json   one object per item (docs/cli.md)\n");
}

/* The usage error for a symbol that names several items. */
static int ambiguous(const char *ref, const hrr_votes_t *v)
{
    fprintf(stderr, "hrr: '%s' names %zu items:\n", ref, v->n);
    for (size_t i = 0; i < v->n; i++)
        fprintf(stderr, "  key %-30s %s %s\n", v->items[i].item.key, v->items[i].item.body,
                v->items[i].item.date ? v->items[i].item.date : "undated");
    fprintf(stderr, "Give one key with --key KEY, or --all to show every one.\n"
                    "Try 'hrr votes --help'.\n");
    return HRR_EXIT_USAGE;
}

typedef struct votes_opts {
    int flags, all;
} votes_opts_t;

static int on_opt(void *ctx, int c, const char *arg)
{
    votes_opts_t *vo = ctx;
    (void)arg;
    if (c == 'k') vo->flags |= HRR_VOTES_BY_KEY;
    else vo->all = 1;
    return 0;
}

int hrr_cmd_votes(hrr_cli_t *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"key", no_argument, 0, 'k'}, {"all", no_argument, 0, 'a'}, {0, 0, 0, 0}};
    votes_opts_t vo = {0};
    const hrr_args_spec_t spec = {.cmd = "votes", .shared = ARG_FMT, .own = opts,
                                  .on_opt = on_opt, .ctx = &vo, .help = help, .maxpos = -1};
    hrr_args_t a = {0};
    hrr_votes_t *v = NULL;
    int code = hrr_args_parse(cli, &spec, argc, argv, &a);
    if (code >= 0) return code;
    if (a.npos < 1) return hrr_cli_usage("votes", "no item SYMBOL given");
    if (a.npos > 1)
        return hrr_cli_usage("votes", "one SYMBOL at a time ('%s' is extra)", a.pos[1]);
    const char *ref = a.pos[0];
    hrr_store_t *st = hrr_cli_open(cli, false, &code);
    if (!st) return code;
    hrr_err_t rc = hrr_votes_get(st, ref, vo.flags, &v);
    if (rc == HRR_EINVAL) code = hrr_cli_usage("votes", "%s", hrr_store_errmsg(st));
    else if (rc) code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
    else if (v->n > 1 && !vo.all) code = ambiguous(ref, v);
    else code = hrr_cli_report(hrr_report_votes(stdout, a.fmt, v, vo.all));
    hrr_votes_free(v);
    hrr_store_close(st);
    return code;
}
