/*
 * cmd_upr.c - `hrr upr [filters]`: Universal Periodic Review
 * recommendations received (--state) and given (--by), by session,
 * response, theme and UPR Info's action category, listed or counted
 * (--summary). Every filter ignores case.
 */
#include "args.h"

#include <limits.h>
#include <strings.h>

typedef struct upr_cmd {
    hrr_upr_filter_t f; /* the filter */
    bool summary;       /* --summary */
} upr_cmd_t;

static void help(void)
{
    printf("usage: hrr upr [--state ISO3] [--by ISO3] [--session N] [--response R]\n"
           "               [--theme TEXT] [--action N] [--limit N] [--summary]\n"
           "               [--csv | --json]\n\n"
           "Universal Periodic Review recommendations (UPR Info's records of the\n"
           "Working Group sessions 1-27, 2008-2017), by session, state under review, id.\n"
           "  --state ISO3    received: made to this state under review\n"
           "  --by ISO3       given: made by this recommending state\n"
           "  --session N     in UPR Working Group session N\n"
           "  --response R    supported or noted (any case)\n"
           "  --theme TEXT    UPR Info's issues contain TEXT (ignoring case), e.g. torture\n"
           "  --action N      UPR Info's action category, 1 (minimal action) to 5\n"
           "                  (specific action)\n"
           "  --limit N       at most N rows (the total goes to stderr)\n"
           "  --summary       counts instead: all, by session, by action category and\n"
           "                  by recommending state (supported and noted in each)\n"
           "  --csv           CSV: session,state,by,response,action,issues,text\n"
           "                  (--summary: by,key,name,n,supported,noted)\n"
           "  --json          the same as JSON\n");
}

static int on_opt(void *ctx, int c, const char *arg)
{
    upr_cmd_t *u = ctx;
    switch (c) {
    case 'S': u->f.state = arg; break;
    case 'y': u->f.by = arg; break;
    case 'm': u->f.theme = arg; break;
    case 'u': u->summary = true; break;
    case 'r':
        if (strcasecmp(arg, "supported") && strcasecmp(arg, "noted"))
            return hrr_cli_usage("upr", "--response wants supported or noted, not '%s'", arg);
        u->f.response = arg;
        break;
    case 'e':
        if (!hrr_args_long(arg, 1, 999, &u->f.session))
            return hrr_cli_usage("upr", "--session wants a UPR session (1 or more), not '%s'", arg);
        break;
    case 'a':
        if (!hrr_args_long(arg, 1, 5, &u->f.action))
            return hrr_cli_usage("upr", "--action wants a UPR Info action category 1 to 5, not '%s'", arg);
        break;
    case 'n':
        if (!hrr_args_long(arg, 1, LONG_MAX, &u->f.limit))
            return hrr_cli_usage("upr", "--limit wants a positive number, not '%s'", arg);
        break;
    }
    return 0;
}

int hrr_cmd_upr(hrr_cli_t *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"state", required_argument, 0, 'S'},  {"by", required_argument, 0, 'y'},
        {"session", required_argument, 0, 'e'}, {"response", required_argument, 0, 'r'},
        {"theme", required_argument, 0, 'm'},  {"action", required_argument, 0, 'a'},
        {"limit", required_argument, 0, 'n'},  {"summary", no_argument, 0, 'u'},
        {0, 0, 0, 0}};
    upr_cmd_t u = {0};
    const hrr_args_spec_t spec = {.cmd = "upr", .shared = ARG_FMT, .own = opts, .on_opt = on_opt,
                                  .ctx = &u, .help = help};
    hrr_args_t a = {0};
    int code = hrr_args_parse(cli, &spec, argc, argv, &a);
    if (code >= 0) return code;
    if (u.summary && u.f.limit) return hrr_cli_usage("upr", "--limit and --summary exclude each other");
    hrr_store_t *st = hrr_cli_open(cli, false, &code);
    if (!st) return code;
    hrr_upr_list_t *list = NULL;
    hrr_upr_summary_t *sm = NULL;
    hrr_err_t rc = u.summary ? hrr_upr_summarise(st, &u.f, &sm) : hrr_upr_find(st, &u.f, &list);
    if (rc == HRR_EINVAL) {
        code = hrr_cli_usage("upr", "%s", hrr_store_errmsg(st));
    } else if (rc) {
        code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
    } else if (sm) {
        code = hrr_cli_report(hrr_report_upr_summary(stdout, a.fmt, sm));
    } else {
        code = hrr_cli_report(hrr_report_upr(stdout, a.fmt, list));
        if (!code && list->total > (long)list->n)
            fprintf(stderr, "hrr: %zu of %ld recommendations shown (--limit %ld)\n", list->n,
                    list->total, u.f.limit);
    }
    hrr_upr_list_free(list);
    hrr_upr_summary_free(sm);
    hrr_store_close(st);
    return code;
}
