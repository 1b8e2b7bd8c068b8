/*
 * args.c - the one option parser of the subcommands (args.h).
 */
#include "args.h"

#include <errno.h>
#include <stdlib.h>
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
    char *end;
    errno = 0;
    if (!s || !*s) return false;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi) return false;
    *out = v;
    return true;
}

static bool parse_seed(const char *s, unsigned long *out)
{
    char *end;
    errno = 0;
    if (!s || *s < '0' || *s > '9') return false;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || *end) return false;
    *out = v;
    return true;
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
    long v;
    switch (c) {
    case V_DB: cli->db = arg; return 0;
    case V_BODY: a->body = arg; return 0;
    case V_FROM:
    case V_TO:
        if (!hrr_args_long(arg, HRR_ARGS_YEAR_MIN, HRR_ARGS_YEAR_MAX, &v))
            return hrr_cli_usage(cmd, "--%s wants a year %d-%d, not '%s'",
                                 c == V_FROM ? "from" : "to", HRR_ARGS_YEAR_MIN,
                                 HRR_ARGS_YEAR_MAX, arg);
        if (c == V_FROM) a->from = (int)v;
        else a->to = (int)v;
        return 0;
    case V_SEED:
        if (!parse_seed(arg, &a->seed))
            return hrr_cli_usage(cmd, "--seed wants a non-negative integer, not '%s'", arg);
        a->seed_set = true;
        return 0;
    case V_RUNS:
        if (!hrr_args_long(arg, 1, HRR_ARGS_RUNS_MAX, &a->runs))
            return hrr_cli_usage(cmd, "--runs wants a number 1-%ld, not '%s'",
                                 HRR_ARGS_RUNS_MAX, arg);
        a->runs_set = true;
        return 0;
    case V_MIN:
        if (!hrr_args_long(arg, 0, HRR_ARGS_MIN_MAX, &a->min))
            return hrr_cli_usage(cmd, "--min wants a number 0-%ld, not '%s'",
                                 HRR_ARGS_MIN_MAX, arg);
        a->min_set = true;
        return 0;
    case V_JSON:
    case V_CSV:
        if (!hrr_out_want(&a->fmt, c == V_CSV ? HRR_OUT_CSV : HRR_OUT_JSON))
            return hrr_cli_usage(cmd, "--csv and --json exclude each other");
        return 0;
    }
    return hrr_cli_usage(cmd, "unknown option");
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
    if ((spec->shared & ARG_FROM) && (spec->shared & ARG_TO) && a->from && a->to &&
        a->from > a->to)
        return hrr_cli_usage(cmd, "from year %d is after to year %d", a->from, a->to);
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

int hrr_args_need_body(hrr_cli_t *cli, const char *cmd)
{
    hrr_store_t *st = NULL;
    hrr_summary_t *sm = NULL;
    char list[256] = "";
    size_t len = 0;
    if (hrr_store_open(cli->db, HRR_OPEN_READONLY, &st) == HRR_OK &&
        hrr_summary_get(st, &sm) == HRR_OK) {
        for (size_t i = 0; i < sm->nbodies && len + 40 < sizeof list; i++)
            len += (size_t)snprintf(list + len, sizeof list - len, "%s%s", i ? ", " : "",
                                    sm->bodies[i].code);
    }
    hrr_summary_free(sm);
    hrr_store_close(st);
    if (len) return hrr_cli_usage(cmd, "--body B is required (the store has %s)", list);
    return hrr_cli_usage(cmd, "--body B is required (see `hrr summary`)");
}

int hrr_cli_done(hrr_out_t *o)
{
    FILE *f = o->f;
    if (hrr_out_end(o) || (f && ferror(f))) return 0; /* write errors: hrr_cli_finish */
    return hrr_cli_fail(HRR_ENOMEM, "out of memory");
}
