/*
 * args.c - the one option parser of the subcommands (args.h).
 */
#include "args.h"
#include "hrr/params.h"

#include <string.h>

/* getopt_long values of the shared options: above any short option. */
enum { V_DB = 256, V_BODY, V_FROM, V_TO, V_SEED, V_RUNS, V_MIN, V_JSON, V_CSV, V_HELP };

static const struct option k_shared[] = {
    {"db", required_argument, 0, V_DB},     {"body", required_argument, 0, V_BODY},
    {"from", required_argument, 0, V_FROM}, {"to", required_argument, 0, V_TO},
    {"seed", required_argument, 0, V_SEED}, {"runs", required_argument, 0, V_RUNS},
    {"min", required_argument, 0, V_MIN},   {"json", no_argument, 0, V_JSON},
    {"csv", no_argument, 0, V_CSV}};
#define NSHARED (sizeof k_shared / sizeof *k_shared)

bool hrr_args_long(const char *s, long lo, long hi, long *out)
{
    return hrr_param_long_ok(s, lo, hi, out);
}

/* The usage error for what getopt_long returned ('?' or ':'). */
static int opt_error(const char *cmd, int c, char **argv)
{
    const char *arg = optind > 0 ? argv[optind - 1] : "";
    if (c == ':') return hrr_cli_usage(cmd, "option '%s' needs a value", arg);
    if (optopt && optopt < 256 && strncmp(arg, "--", 2) != 0)
        return hrr_cli_usage(cmd, "unknown option '-%c'", optopt);
    return hrr_cli_usage(cmd, "unknown option '%s'", arg);
}

static int shared_opt(hrr_cli_t *cli, const char *cmd, int c, const char *arg, hrr_args_t *a)
{
    char msg[256];
    hrr_err_t rc = HRR_OK;
    switch (c) {
    case V_DB: cli->db = arg; return 0;
    case V_BODY: a->body = arg; return 0;
    case V_FROM: rc = hrr_param_year("--from", arg, &a->from, msg, sizeof msg); break;
    case V_TO: rc = hrr_param_year("--to", arg, &a->to, msg, sizeof msg); break;
    case V_SEED:
        rc = hrr_param_seed("--seed", arg, &a->seed, msg, sizeof msg);
        a->seed_set = !rc;
        break;
    case V_RUNS:
        rc = hrr_param_runs("--runs", arg, &a->runs, msg, sizeof msg);
        a->runs_set = !rc;
        break;
    case V_MIN:
        rc = hrr_param_min("--min", arg, &a->min, msg, sizeof msg);
        a->min_set = !rc;
        break;
    case V_JSON:
    case V_CSV:
        if (!hrr_out_want(&a->fmt, c == V_CSV ? HRR_OUT_CSV : HRR_OUT_JSON))
            return hrr_cli_usage(cmd, "--csv and --json exclude each other");
        return 0;
    default: return hrr_cli_usage(cmd, "unknown option");
    }
    return rc ? hrr_cli_usage(cmd, "%s", msg) : 0;
}

int hrr_args_parse(hrr_cli_t *cli, const hrr_args_spec_t *spec, int argc, char **argv,
                   hrr_args_t *a)
{
    static const unsigned bits[NSHARED] = {ARG_DB, ARG_BODY, ARG_FROM, ARG_TO, ARG_SEED,
                                           ARG_RUNS, ARG_MIN, ARG_JSON, ARG_CSV};
    struct option opts[64];
    char shorts[128];
    size_t n = 0, ns = (size_t)snprintf(shorts, sizeof shorts, "%s:h", spec->in_order ? "+" : "");
    const char *cmd = spec->cmd;
    for (size_t i = 0; i < NSHARED; i++)
        if ((spec->shared | ARG_DB) & bits[i]) opts[n++] = k_shared[i];
    for (const struct option *o = spec->own; o && o->name && n < 62; o++) {
        opts[n++] = *o;
    }
    if (spec->shorts) {
        snprintf(shorts + ns, sizeof shorts - ns, "%s", spec->shorts);
        ns = strlen(shorts);
    }
    opts[n++] = (struct option){"help", no_argument, 0, V_HELP};
    opts[n] = (struct option){0, 0, 0, 0};
    shorts[ns] = 0;

    int c, code;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, shorts, opts, NULL)) != -1) {
        if (c == 'h' || c == V_HELP) {
            spec->help();
            return 0;
        }
        if (c == '?' || c == ':') return opt_error(cmd, c, argv);
        /* -b, -f, -t: the short forms of the scope options, where a command has them */
        if (c == 'b' && (spec->shared & ARG_BODY)) c = V_BODY;
        else if (c == 'f' && (spec->shared & ARG_FROM)) c = V_FROM;
        else if (c == 't' && (spec->shared & ARG_TO)) c = V_TO;
        code = c >= 256 ? shared_opt(cli, cmd, c, optarg, a)
                        : spec->on_opt(spec->ctx, c, optarg);
        if (code) return code;
    }
    a->npos = argc - optind;
    a->pos = argv + optind;
    if (spec->maxpos >= 0 && a->npos > spec->maxpos)
        return hrr_cli_usage(cmd, "unexpected argument '%s'", a->pos[spec->maxpos]);
    char msg[128];
    if ((spec->shared & ARG_FROM) && (spec->shared & ARG_TO) &&
        hrr_param_years(a->from, a->to, msg, sizeof msg))
        return hrr_cli_usage(cmd, "%s", msg);
    if ((spec->shared & ARG_BODY_REQUIRED) && !a->body) return hrr_args_need_body(cli, cmd);
    return -1;
}

hrr_scope_opts_t hrr_args_scope(const hrr_args_t *a)
{
    hrr_scope_opts_t sc = {0};
    sc.body = a->body;
    sc.from = a->from;
    sc.to = a->to;
    return sc;
}

int hrr_args_bad(const char *cmd, hrr_err_t rc, const char *msg)
{
    if (rc == HRR_OK) return 0;
    if (rc == HRR_EINVAL) return hrr_cli_usage(cmd, "%s", msg);
    return hrr_cli_fail(rc, "%s", msg);
}

int hrr_args_need_body(hrr_cli_t *cli, const char *cmd)
{
    hrr_store_t *st = NULL;
    char list[256] = "";
    if (hrr_store_open(cli->db, HRR_OPEN_READONLY, &st) == HRR_OK)
        hrr_param_body_list(st, list, sizeof list);
    hrr_store_close(st);
    if (*list) return hrr_cli_usage(cmd, "--body B is required (the store has %s)", list);
    return hrr_cli_usage(cmd, "--body B is required (see `hrr summary`)");
}

int hrr_cli_done(hrr_out_t *o)
{
    FILE *f = o->f;
    if (hrr_out_end(o) || (f && ferror(f))) return 0; /* write errors: hrr_cli_finish */
    return hrr_cli_fail(HRR_ENOMEM, "out of memory");
}
