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

typedef struct power_opts {
    const char *weights, *blocs;
    long quota, members;
} power_opts_t;

static int on_opt(void *ctx, int c, const char *arg)
{
    power_opts_t *po = ctx;
    char msg[256];
    int code = 0;
    switch (c) {
    case 'w': po->weights = arg; break;
    case 'b': po->blocs = arg; break;
    case 'q':
        code = hrr_args_bad("power", hrr_param_quota("--quota", arg, &po->quota, msg, sizeof msg), msg);
        break;
    case 'm':
        code = hrr_args_bad("power", hrr_param_members("--members", arg, &po->members, msg, sizeof msg),
                            msg);
        break;
    }
    return code;
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
    long *w = NULL;
    size_t n = 0;
    char msg[256];
    hrr_err_t rc;
    int code = hrr_args_parse(cli, &spec, argc, argv, &a);
    if (code >= 0) return code;
    if (po.weights) {
        if (po.blocs || po.members)
            return hrr_cli_usage("power", "--weights excludes --members/--blocs");
        if ((code = hrr_args_bad("power", hrr_param_list("--weights", po.weights, &w, &n, msg, sizeof msg),
                                 msg)))
            return code;
        if (po.quota <= 0) {
            free(w);
            return hrr_cli_usage("power", "--quota Q is required with --weights");
        }
        if ((code = hrr_args_bad("power", hrr_param_game("--weights", w, n, "--quota", po.quota, msg,
                                                         sizeof msg), msg))) {
            free(w);
            return code;
        }
        rc = hrr_power_game(w, n, po.quota, &p, NULL);
    } else if (po.members > 0) {
        if (po.blocs && (code = hrr_args_bad("power", hrr_param_list("--blocs", po.blocs, &w, &n, msg,
                                                                    sizeof msg), msg)))
            return code;
        if (po.quota > po.members) {
            free(w);
            return hrr_cli_usage("power", "--quota %ld is above the %ld members: no coalition"
                                 " could win", po.quota, po.members);
        }
        rc = hrr_power_blocs(po.members, w, n, po.quota, &p);
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
