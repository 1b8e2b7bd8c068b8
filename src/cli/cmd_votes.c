/*
 * cmd_votes.c - `hrr votes SYMBOL`: one item, its official tally, the tally
 * counted from the ballots, and every ballot grouped yes / no / abstain /
 * absent. Ballots of states that were not members (vote 5) are counted but
 * not listed. A symbol that names several items is an error unless --all.
 */
#include "cli.h"
#include "out.h"

#include <getopt.h>
#include <string.h>

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

static json_t *tally_json(long yes, long no, long abstain)
{
    return json_pack("{s:I, s:I, s:I}", "yes", (json_int_t)yes, "no", (json_int_t)no,
                     "abstain", (json_int_t)abstain);
}

static json_t *item_json(const hrr_item_votes_t *iv)
{
    const hrr_item_t *it = &iv->item;
    const hrr_tally_t *t = &iv->counted;
    json_t *o = json_object(), *ballots = json_array(), *tally;
    const char *source;
    if (!o || !ballots) {
        json_decref(o);
        json_decref(ballots);
        return NULL;
    }
    if (it->yes >= 0 && it->no >= 0 && it->abstain >= 0) {
        tally = tally_json(it->yes, it->no, it->abstain);
        source = "official";
    } else if (iv->nballots) {
        tally = tally_json(t->yes, t->no, t->abstain);
        source = "counted";
    } else {
        tally = json_null();
        source = NULL;
    }
    json_object_set_new(o, "key", json_string(it->key));
    json_object_set_new(o, "symbol", out_jstr(it->symbol));
    json_object_set_new(o, "body", json_string(it->body));
    json_object_set_new(o, "session", out_jstr(it->session));
    json_object_set_new(o, "date", out_jstr(it->date));
    json_object_set_new(o, "kind", out_jstr(it->kind));
    json_object_set_new(o, "title", out_jstr(it->title));
    json_object_set_new(o, "subject", out_jstr(it->subject));
    json_object_set_new(o, "scope", out_jstr(it->scope));
    json_object_set_new(o, "target", out_jstr(*it->target ? it->target : NULL));
    json_object_set_new(o, "outcome", out_jstr(it->outcome));
    json_object_set_new(o, "tally", tally);
    json_object_set_new(o, "tally_source", out_jstr(source));
    json_object_set_new(o, "official", json_pack("{s:o, s:o, s:o, s:o}",
        "yes", out_jcount(it->yes), "no", out_jcount(it->no),
        "abstain", out_jcount(it->abstain), "nonvoting", out_jcount(it->nonvoting)));
    json_object_set_new(o, "counted", json_pack("{s:I, s:I, s:I, s:I, s:I}",
        "yes", (json_int_t)t->yes, "no", (json_int_t)t->no,
        "abstain", (json_int_t)t->abstain, "absent", (json_int_t)t->absent,
        "not_member", (json_int_t)t->nonmember));
    json_object_set_new(o, "ballots", ballots);
    for (size_t i = 0; i < iv->nballots; i++) {
        const hrr_ballot_t *b = &iv->ballots[i];
        if (b->vote == HRR_VOTE_NONMEMBER) continue;
        json_array_append_new(ballots, json_pack("{s:s, s:o, s:s}", "state", b->state,
            "name", out_jstr(b->name), "vote", hrr_vote_name(b->vote)));
    }
    return o;
}

/* "29 yes, 11 no, 5 abstain" or "not recorded". */
static void print_official(const hrr_item_t *it)
{
    if (it->yes < 0 && it->no < 0 && it->abstain < 0) {
        printf("not recorded\n");
        return;
    }
    const long v[] = {it->yes, it->no, it->abstain, it->nonvoting};
    const char *const what[] = {"yes", "no", "abstain", "non-voting"};
    int n = 0;
    for (int i = 0; i < 4; i++)
        if (v[i] >= 0) printf("%s%ld %s", n++ ? ", " : "", v[i], what[i]);
    printf("\n");
}

static void print_item(const hrr_item_votes_t *iv)
{
    const hrr_item_t *it = &iv->item;
    const hrr_tally_t *t = &iv->counted;
    printf("%s\n", it->symbol ? it->symbol : it->key);
    if (it->symbol && strcmp(it->symbol, it->key) != 0) printf("  key       %s\n", it->key);
    printf("  body      %s", it->body);
    if (it->session) printf(", session %s", it->session);
    printf("\n  date      %s\n", it->date ? it->date : "unknown");
    printf("  kind      %s", it->kind);
    if (it->scope) printf(", %s", it->scope);
    if (*it->target) printf(", target %s", it->target);
    printf("\n");
    if (it->title) printf("  title     %s\n", it->title);
    if (it->subject) printf("  subject   %s\n", it->subject);
    if (it->outcome) printf("  outcome   %s\n", it->outcome);
    printf("  official  ");
    print_official(it);
    printf("  counted   %ld yes, %ld no, %ld abstain, %ld absent", t->yes, t->no,
           t->abstain, t->absent);
    if (t->nonmember)
        printf(" (%ld non-member ballot%s not listed)", t->nonmember,
               t->nonmember == 1 ? "" : "s");
    printf("\n");
    if (iv->nballots == 0) printf("  no ballots stored\n");
    static const int k_order[] = {HRR_VOTE_YES, HRR_VOTE_NO, HRR_VOTE_ABSTAIN, HRR_VOTE_ABSENT};
    const long counts[] = {t->yes, t->no, t->abstain, t->absent};
    for (size_t g = 0; g < 4; g++) {
        if (!counts[g]) continue;
        printf("\n%s (%ld)\n", hrr_vote_name(k_order[g]), counts[g]);
        for (size_t i = 0; i < iv->nballots; i++)
            if (iv->ballots[i].vote == k_order[g])
                printf("  %-4s %s\n", iv->ballots[i].state,
                       iv->ballots[i].name ? iv->ballots[i].name : "");
    }
}

static int print_csv(const hrr_votes_t *v)
{
    static const char *const cols[] = {"key", "symbol", "body", "date", "state", "name", "vote"};
    out_t o;
    out_begin(&o, OUT_CSV, stdout, sizeof cols / sizeof *cols, cols);
    for (size_t k = 0; k < v->n; k++) {
        const hrr_item_votes_t *iv = &v->items[k];
        for (size_t i = 0; i < iv->nballots; i++) {
            const hrr_ballot_t *b = &iv->ballots[i];
            if (b->vote == HRR_VOTE_NONMEMBER) continue;
            out_text(&o, iv->item.key);
            out_text(&o, iv->item.symbol);
            out_text(&o, iv->item.body);
            out_text(&o, iv->item.date);
            out_text(&o, b->state);
            out_text(&o, b->name);
            out_text(&o, hrr_vote_name(b->vote));
        }
    }
    return out_done(&o);
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

int hrr_cmd_votes(hrr_cli_t *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"key", no_argument, 0, 'k'}, {"all", no_argument, 0, 'a'},
        {"csv", no_argument, 0, 'C'}, {"json", no_argument, 0, 'J'},
        {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
    out_fmt_t fmt = OUT_TABLE;
    hrr_votes_t *v = NULL;
    int c, code = 0, flags = 0, all = 0;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 'k': flags |= HRR_VOTES_BY_KEY; break;
        case 'a': all = 1; break;
        case 'C':
        case 'J':
            if (!out_want(&fmt, c == 'C' ? OUT_CSV : OUT_JSON))
                return hrr_cli_usage("votes", "--csv and --json exclude each other");
            break;
        case 'h': help(); return 0;
        default: return out_opt_error("votes", c, optopt, argv, optind);
        }
    }
    if (optind >= argc) return hrr_cli_usage("votes", "no item SYMBOL given");
    if (optind + 1 < argc)
        return hrr_cli_usage("votes", "one SYMBOL at a time ('%s' is extra)", argv[optind + 1]);
    const char *ref = argv[optind];
    hrr_store_t *st = hrr_cli_open(cli, false, &code);
    if (!st) return code;
    hrr_err_t rc = hrr_votes_get(st, ref, flags, &v);
    if (rc == HRR_EINVAL) {
        code = hrr_cli_usage("votes", "%s", hrr_store_errmsg(st));
    } else if (rc) {
        code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
    } else if (v->n > 1 && !all) {
        code = ambiguous(ref, v);
    } else if (fmt == OUT_CSV) {
        code = print_csv(v);
    } else if (fmt == OUT_JSON) {
        json_t *j = all ? json_array() : item_json(&v->items[0]);
        for (size_t i = 0; all && j && i < v->n; i++) {
            json_t *x = item_json(&v->items[i]);
            if (!x || json_array_append_new(j, x)) {
                json_decref(j);
                j = NULL;
            }
        }
        if (!out_json(stdout, j) && !ferror(stdout))
            code = hrr_cli_fail(HRR_ENOMEM, "out of memory");
    } else {
        for (size_t i = 0; i < v->n; i++) {
            if (i) printf("\n");
            print_item(&v->items[i]);
        }
    }
    hrr_votes_free(v);
    hrr_store_close(st);
    return code;
}
