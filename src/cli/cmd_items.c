/*
 * cmd_items.c - `hrr items [filters]`: the items decided (resolutions,
 * decisions, amendments, motions), filtered by body, years, kind, target
 * state, subject and text, oldest first.
 */
#include "cli.h"
#include "out.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>

static void help(void)
{
    printf("usage: hrr items [--body B] [--from YEAR] [--to YEAR] [--kind K]\n"
           "                 [--target ISO3] [--subject TEXT] [--text TEXT]\n"
           "                 [--limit N] [--csv | --json]\n\n"
           "The items decided, oldest first (undated last), with their official tally\n"
           "where recorded and the number of ballots stored.\n"
           "  --body B        CHR, HRC, GA, GA3 ... (any case)\n"
           "  --from YEAR     dated in YEAR or later\n"
           "  --to YEAR       dated in YEAR or earlier\n"
           "  --kind K        resolution, decision, amendment, motion or other\n"
           "  --target ISO3   country items targeting this state (e.g. CHN)\n"
           "  --subject TEXT  subject contains TEXT (ignoring case)\n"
           "  --text TEXT     title or symbol contains TEXT (ignoring case)\n"
           "  --limit N       at most N items (the total goes to stderr)\n"
           "  --csv           CSV: key,body,symbol,session,date,kind,scope,target,\n"
           "                  subject,agenda_item,yes,no,abstain,nonvoting,outcome,\n"
           "                  vote_type,ballots,sponsors,title\n"
           "  --json          the same columns as a JSON array of objects\n");
}

/* A whole-string base-10 number in [LO, HI]. */
static bool parse_num(const char *s, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi) return false;
    *out = v;
    return true;
}

static void table(const hrr_item_list_t *list, out_t *o)
{
    static const char *const cols[] = {"date", "body", "symbol", "kind", "target",
                                       "yes", "no", "abst", "outcome", "ballots", "title"};
    out_begin(o, OUT_TABLE, stdout, sizeof cols / sizeof *cols, cols);
    out_maxwidth(o, 2, 32);
    out_maxwidth(o, 10, 60);
    for (size_t i = 0; i < list->n; i++) {
        const hrr_item_t *it = &list->items[i];
        out_text(o, it->date);
        out_text(o, it->body);
        out_text(o, it->symbol ? it->symbol : it->key);
        out_text(o, it->kind);
        out_text(o, *it->target ? it->target : NULL);
        out_count(o, it->yes);
        out_count(o, it->no);
        out_count(o, it->abstain);
        out_text(o, it->outcome);
        out_int(o, it->nballots);
        out_text(o, it->title);
    }
}

static void full(const hrr_item_list_t *list, out_fmt_t fmt, out_t *o)
{
    static const char *const cols[] = {
        "key", "body", "symbol", "session", "date", "kind", "scope", "target",
        "subject", "agenda_item", "yes", "no", "abstain", "nonvoting", "outcome",
        "vote_type", "ballots", "sponsors", "title"};
    out_begin(o, fmt, stdout, sizeof cols / sizeof *cols, cols);
    for (size_t i = 0; i < list->n; i++) {
        const hrr_item_t *it = &list->items[i];
        out_text(o, it->key);
        out_text(o, it->body);
        out_text(o, it->symbol);
        out_text(o, it->session);
        out_text(o, it->date);
        out_text(o, it->kind);
        out_text(o, it->scope);
        out_text(o, *it->target ? it->target : NULL);
        out_text(o, it->subject);
        out_text(o, it->agenda_item);
        out_count(o, it->yes);
        out_count(o, it->no);
        out_count(o, it->abstain);
        out_count(o, it->nonvoting);
        out_text(o, it->outcome);
        out_text(o, it->vote_type);
        out_int(o, it->nballots);
        out_text(o, it->sponsors);
        out_text(o, it->title);
    }
}

int hrr_cmd_items(hrr_cli_t *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"body", required_argument, 0, 'b'},    {"from", required_argument, 0, 'f'},
        {"to", required_argument, 0, 't'},      {"kind", required_argument, 0, 'k'},
        {"target", required_argument, 0, 'T'},  {"subject", required_argument, 0, 's'},
        {"text", required_argument, 0, 'x'},    {"limit", required_argument, 0, 'n'},
        {"csv", no_argument, 0, 'C'},           {"json", no_argument, 0, 'J'},
        {"help", no_argument, 0, 'h'},          {0, 0, 0, 0}};
    hrr_item_filter_t f = {0};
    out_fmt_t fmt = OUT_TABLE;
    hrr_item_list_t *list = NULL;
    int c, code = 0;
    long v;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":b:f:t:k:T:s:x:n:h", opts, NULL)) != -1) {
        switch (c) {
        case 'b': f.body = optarg; break;
        case 'f':
        case 't':
            if (!parse_num(optarg, 1800, 2100, &v))
                return hrr_cli_usage("items", "--%s wants a year 1800-2100, not '%s'",
                                     c == 'f' ? "from" : "to", optarg);
            if (c == 'f') f.from_year = (int)v;
            else f.to_year = (int)v;
            break;
        case 'k': f.kind = optarg; break;
        case 'T': f.target = optarg; break;
        case 's': f.subject = optarg; break;
        case 'x': f.text = optarg; break;
        case 'n':
            if (!parse_num(optarg, 1, LONG_MAX, &v))
                return hrr_cli_usage("items", "--limit wants a positive number, not '%s'",
                                     optarg);
            f.limit = v;
            break;
        case 'C':
        case 'J':
            if (!out_want(&fmt, c == 'C' ? OUT_CSV : OUT_JSON))
                return hrr_cli_usage("items", "--csv and --json exclude each other");
            break;
        case 'h': help(); return 0;
        default: return out_opt_error("items", c, optopt, argv, optind);
        }
    }
    if (optind < argc)
        return hrr_cli_usage("items", "unexpected argument '%s'", argv[optind]);
    hrr_store_t *st = hrr_cli_open(cli, false, &code);
    if (!st) return code;
    hrr_err_t rc = hrr_items_find(st, &f, &list);
    if (rc == HRR_EINVAL) {
        code = hrr_cli_usage("items", "%s", hrr_store_errmsg(st));
    } else if (rc) {
        code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
    } else {
        out_t o;
        if (fmt == OUT_TABLE) table(list, &o);
        else full(list, fmt, &o);
        code = out_done(&o);
        if (!code && list->total > (long)list->n)
            fprintf(stderr, "hrr: %zu of %ld items shown (--limit %ld)\n", list->n,
                    list->total, f.limit);
    }
    hrr_item_list_free(list);
    hrr_store_close(st);
    return code;
}
