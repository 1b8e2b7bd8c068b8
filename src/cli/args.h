/*
 * args.h - the one option parser of the subcommands. A subcommand declares
 * which shared options it takes (--db, --body, --from, --to, --seed, --runs,
 * --min, --json, --csv) and its own; hrr_args_parse runs getopt_long once,
 * validates every shared value the same way (a bad one is a usage error,
 * exit 2, naming the option and its range), prints --help and refuses
 * unknown options and unexpected arguments.
 */
#ifndef HRR_CLI_ARGS_H
#define HRR_CLI_ARGS_H

#include "cli.h"
#include "hrr/report.h"

#include <getopt.h>
#include <stdbool.h>

/* The years a --from or --to may name: the records start in 1946. */
#include "hrr/params.h"
#define HRR_ARGS_YEAR_MIN HRR_PARAM_YEAR_MIN
#define HRR_ARGS_YEAR_MAX HRR_PARAM_YEAR_MAX
#define HRR_ARGS_RUNS_MAX HRR_PARAM_RUNS_MAX
#define HRR_ARGS_MIN_MAX HRR_PARAM_MIN_MAX

/* The shared options, as a set. */
enum {
    ARG_DB = 1 << 0,
    ARG_BODY = 1 << 1,
    ARG_FROM = 1 << 2,
    ARG_TO = 1 << 3,
    ARG_SEED = 1 << 4,
    ARG_RUNS = 1 << 5,
    ARG_MIN = 1 << 6,
    ARG_JSON = 1 << 7,
    ARG_CSV = 1 << 8,
    ARG_BODY_REQUIRED = 1 << 9, /* --body must be given */
    ARG_FMT = ARG_JSON | ARG_CSV,
    ARG_SCOPE = ARG_BODY | ARG_FROM | ARG_TO
};

/* The values of the shared options. Set the defaults before parsing. */
typedef struct hrr_args {
    const char *body;    /* --body, as given (the store checks it) */
    int from, to;        /* --from, --to: 0 when not given */
    unsigned long seed;  /* --seed */
    long runs;           /* --runs */
    long min;            /* --min */
    bool seed_set, runs_set, min_set;
    hrr_out_fmt_t fmt;       /* --json / --csv */
    int npos;            /* positional arguments left */
    char **pos;          /* ... and where they are */
} hrr_args_t;

/* One subcommand's command line. OWN is its own options (NULL or ended by
 * a zero entry; their val must be below 256, and not 'b', 'f' or 't' when
 * the command takes --body, --from or --to: those are their short forms); ON_OPT is called with each,
 * and returns 0 to go on or an exit code. MAXPOS positional arguments at
 * most (-1: any number). */
typedef struct hrr_args_spec {
    const char *cmd;
    unsigned shared;
    const struct option *own;
    int (*on_opt)(void *ctx, int val, const char *arg);
    void *ctx;
    void (*help)(void);
    int maxpos;
    bool in_order;      /* stop at the first argument (hrr sql "-1") */
    const char *shorts; /* getopt short options (own; b, f, t name the scope) */
} hrr_args_spec_t;

/* Parse ARGV for SPEC into A. Returns -1 to go on, else the exit code
 * (0 after --help). */
int hrr_args_parse(hrr_cli_t *cli, const hrr_args_spec_t *spec, int argc, char **argv,
                   hrr_args_t *a);

/* The scope the shared options name. */
hrr_scope_opts_t hrr_args_scope(const hrr_args_t *a);

/* Shared value parsers for a command's own options: a whole base-10
 * number in [LO, HI] into *OUT, else false. */
bool hrr_args_long(const char *s, long lo, long hi, long *out);

/* What a shared validator's RC (hrr/params.h) means for the command CMD:
 * 0 for HRR_OK; the usage error MSG (exit 2) for a bad value; else the
 * failure (out of memory). Use: `char msg[256]; if ((code = hrr_args_bad(cmd,
 * hrr_param_k("--k", arg, &k, msg, sizeof msg), msg))) return code;`. */
int hrr_args_bad(const char *cmd, hrr_err_t rc, const char *msg);

/* The usage error "--body B is required", with the bodies the store has. */
int hrr_args_need_body(hrr_cli_t *cli, const char *cmd);

/* 0, or after printing why, the exit code for running out of memory.
 * A failed write is left to hrr_cli_finish. */
int hrr_cli_done(hrr_out_t *o);

#endif
