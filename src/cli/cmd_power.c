/*
 * cmd_power.c - `hrr power`: Banzhaf and Shapley-Shubik voting power in a
 * weighted game, or of blocs voting together in a body of N members.
 */
#include "args.h"
#include "hrr/power.h"

#include <stdlib.h>
#include <string.h>

static void help(void)
{
    printf("usage: hrr power --weights W1,W2,... --quota Q [--csv | --json]\n"
           "       hrr power --members N --blocs B1,B2,... [--quota Q] [--csv | --json]\n\n"
           "A priori voting power, exact (generating functions; docs/analysis.md):\n"
           "  banzhaf        share of all swings (normalised Banzhaf index)\n"
           "  banzhaf_abs    swings / 2^(n-1) (the absolute Banzhaf measure)\n"
           "  shapley_shubik share of orderings in which the player is pivotal\n"
           "With --members and --blocs: blocs of the given sizes vote together, every\n"
           "other member alone; the quota defaults to a simple majority of N (N/2 + 1).\n"
           "--json gives {\"banzhaf\": [...], \"banzhaf_abs\": [...], \"shapley_shubik\": [...]}\n"
           "in the order of the weights (blocs first, then one entry per other member).\n");
}

/* "4,4,2" -> array; returns count or -1. */
static long parse_list(const char *s, long **out)
{
    long n = 0, cap = 16;
    long *a = malloc((size_t)cap * sizeof *a);
    if (!a) return -1;
    const char *p = s;
    while (*p) {
        char *end;
        long v = strtol(p, &end, 10);
        if (end == p || v <= 0 || (*end && *end != ',')) {
            free(a);
            return -1;
        }
        if (n == cap) {
            long *b = realloc(a, (size_t)(cap *= 2) * sizeof *a);
            if (!b) {
                free(a);
                return -1;
            }
            a = b;
        }
        a[n++] = v;
        p = *end ? end + 1 : end;
    }
    *out = a;
    return n;
}

typedef struct power_opts {
    const char *weights, *blocs;
    long quota, members;
} power_opts_t;

static int on_opt(void *ctx, int c, const char *arg)
{
    power_opts_t *po = ctx;
    switch (c) {
    case 'w': po->weights = arg; break;
    case 'b': po->blocs = arg; break;
    case 'q':
        if (!hrr_args_long(arg, 1, 100000, &po->quota))
            return hrr_cli_usage("power", "--quota wants a number 1-100000, not '%s'", arg);
        break;
    case 'm':
        if (!hrr_args_long(arg, 1, 1000, &po->members))
            return hrr_cli_usage("power", "--members wants a number 1-1000, not '%s'", arg);
        break;
    }
    return 0;
}

int hrr_cmd_power(hrr_cli_t *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"weights", required_argument, 0, 'w'}, {"quota", required_argument, 0, 'q'},
        {"members", required_argument, 0, 'm'}, {"blocs", required_argument, 0, 'b'},
        {0, 0, 0, 0}};
    power_opts_t po = {0};
    const hrr_args_spec_t spec = {.cmd = "power", .shared = ARG_FMT, .own = opts,
                                  .on_opt = on_opt, .ctx = &po, .help = help};
    hrr_args_t a = {0};
    hrr_power_t *p = NULL;
    long *w = NULL, n = 0;
    hrr_err_t rc;
    int code = hrr_args_parse(cli, &spec, argc, argv, &a);
    if (code >= 0) return code;
    if (po.weights) {
        if (po.blocs || po.members)
            return hrr_cli_usage("power", "--weights excludes --members/--blocs");
        if ((n = parse_list(po.weights, &w)) <= 0)
            return hrr_cli_usage("power", "--weights: '%s' is not a list of positive integers", po.weights);
        if (po.quota <= 0) {
            free(w);
            return hrr_cli_usage("power", "--quota Q is required with --weights");
        }
        rc = hrr_power_game(w, (size_t)n, po.quota, &p, NULL);
    } else if (po.members > 0) {
        if (po.blocs && (n = parse_list(po.blocs, &w)) <= 0)
            return hrr_cli_usage("power", "--blocs: '%s' is not a list of positive integers", po.blocs);
        rc = hrr_power_blocs(po.members, w, (size_t)n, po.quota, &p);
        if (rc == HRR_EINVAL) {
            free(w);
            return hrr_cli_usage("power", "the blocs exceed the %ld members", po.members);
        }
    } else {
        return hrr_cli_usage("power", "give --weights and --quota, or --members (and --blocs)");
    }
    free(w);
    if (rc == HRR_EINVAL) code = hrr_cli_usage("power", "weights must be positive and sum to at most 100000");
    else if (rc) code = hrr_cli_fail(rc, "out of memory");
    else code = hrr_cli_report(hrr_report_power(stdout, a.fmt, p));
    hrr_power_free(p);
    return code;
}
