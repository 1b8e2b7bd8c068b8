/*
 * cmd_items.c - `hrr items [filters]`: the items decided (resolutions,
 * decisions, amendments, motions), filtered by body, years, kind, target
 * state, subject and text, oldest first.
 */
#include "args.h"

#include <limits.h>

static void help(void)
{
    printf("usage: hrr items [--body B] [--from YEAR] [--to YEAR] [--kind K]\n"
           "                 [--target ISO3] [--sponsor ISO3] [--subject TEXT] [--text TEXT]\n"
           "                 [--committee C] [--limit N] [--csv | --json]\n\n"
           "The items decided, oldest first (undated last), with their official tally\n"
           "where recorded and the number of ballots stored.\n"
           "  --body B        CHR, HRC, GA, GA3 ... (any case)\n"
           "  --from YEAR     dated in YEAR or later\n"
           "  --to YEAR       dated in YEAR or earlier\n"
           "  --kind K        resolution, decision, amendment, motion or other\n"
           "  --target ISO3   country items targeting this state (e.g. CHN)\n"
           "  --sponsor ISO3  items this state tabled (alone or for a group)\n"
           "  --subject TEXT  subject contains TEXT (ignoring case)\n"
           "  --text TEXT     title or symbol contains TEXT (ignoring case)\n"
           "  --committee C   Assembly items from drafts of Main Committee C: first ..\n"
           "                  sixth, or plenary (without reference to a committee)\n"
           "  --limit N       at most N items (the total goes to stderr)\n"
           "  --csv           CSV: key,body,symbol,session,date,kind,scope,target,\n"
           "                  subject,agenda_item,yes,no,abstain,nonvoting,outcome,\n"
           "                  vote_type,ballots,sponsors,title\n"
           "  --json          the same columns as a JSON array of objects\n");
}

static int on_opt(void *ctx, int c, const char *arg)
{
    hrr_item_filter_t *f = ctx;
    switch (c) {
    case 'k': f->kind = arg; break;
    case 'T': f->target = arg; break;
    case 'S': f->sponsor = arg; break;
    case 's': f->subject = arg; break;
    case 'x': f->text = arg; break;
    case 'C': f->committee = arg; break;
    case 'n':
        if (!hrr_args_long(arg, 1, LONG_MAX, &f->limit))
            return hrr_cli_usage("items", "--limit wants a positive number, not '%s'", arg);
        break;
    }
    return 0;
}

int hrr_cmd_items(hrr_cli_t *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"kind", required_argument, 0, 'k'},    {"target", required_argument, 0, 'T'},
        {"subject", required_argument, 0, 's'}, {"text", required_argument, 0, 'x'},
        {"limit", required_argument, 0, 'n'},   {"committee", required_argument, 0, 'C'},
        {"sponsor", required_argument, 0, 'S'},
        {0, 0, 0, 0}};
    hrr_item_filter_t f = {0};
    const hrr_args_spec_t spec = {.cmd = "items", .shared = ARG_SCOPE | ARG_FMT, .own = opts,
                                  .on_opt = on_opt, .ctx = &f, .help = help,
                                  .shorts = "b:f:t:k:T:s:x:n:C:S:"};
    hrr_args_t a = {0};
    hrr_item_list_t *list = NULL;
    int code = hrr_args_parse(cli, &spec, argc, argv, &a);
    if (code >= 0) return code;
    f.body = a.body;
    f.from_year = a.from;
    f.to_year = a.to;
    hrr_store_t *st = hrr_cli_open(cli, false, &code);
    if (!st) return code;
    hrr_err_t rc = hrr_items_find(st, &f, &list);
    if (rc == HRR_EINVAL) {
        code = hrr_cli_usage("items", "%s", hrr_store_errmsg(st));
    } else if (rc) {
        code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
    } else {
        code = hrr_cli_report(hrr_report_items(stdout, a.fmt, list));
        if (!code && list->total > (long)list->n)
            fprintf(stderr, "hrr: %zu of %ld items shown (--limit %ld)\n", list->n,
                    list->total, f.limit);
    }
    hrr_item_list_free(list);
    hrr_store_close(st);
    return code;
}
