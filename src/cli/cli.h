/*
 * cli.h - what the subcommands of `hrr` share: the parsed global options,
 * exit codes, and output helpers. Each subcommand lives in its own cmd_*.c.
 */
#ifndef HRR_CLI_H
#define HRR_CLI_H

#include "hrr.h"

#include <stdbool.h>
#include <stdio.h>

/* Exit codes (docs/cli.md). */
enum {
    HRR_EXIT_OK = 0,       /* success */
    HRR_EXIT_DATA = 1,     /* bad input data, or findings when asked to fail */
    HRR_EXIT_USAGE = 2,    /* bad command line */
    HRR_EXIT_IO = 3,       /* file could not be read or written */
    HRR_EXIT_STORE = 4,    /* the store failed */
    HRR_EXIT_NOTFOUND = 5, /* what was asked for is not in the store */
    HRR_EXIT_NOMEM = 6     /* out of memory */
};

typedef struct hrr_cli {
    const char *db;   /* store path: --db, $HRR_DB, or hrr.db */
    const char *prog; /* "hrr" */
} hrr_cli_t;

/* A subcommand: ARGV[0] is its name. Returns an exit code. */
typedef int (*hrr_cmd_fn)(hrr_cli_t *cli, int argc, char **argv);

/* Print "hrr: MSG" to stderr and return the exit code for RC. */
int hrr_cli_fail(hrr_err_t rc, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Print a usage error with a hint and return HRR_EXIT_USAGE. */
int hrr_cli_usage(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The exit code for a report's result (HRR_EIO is left to hrr_cli_finish,
 * which names the write error). */
int hrr_cli_report(hrr_err_t rc);

/* The exit code for a library result. */
int hrr_cli_exit_code(hrr_err_t rc);

/* Open the store (read-only unless WRITE); prints the error and returns
 * NULL on failure, with *CODE the exit code. */
hrr_store_t *hrr_cli_open(hrr_cli_t *cli, bool write, int *code);

/* Flush stdout and report a write error (e.g. a full disk). */
int hrr_cli_finish(int code);

/* Load a rule set by name or path for a subcommand; prints the error and
 * returns its exit code (0 on success). */
int hrr_cli_rules(const char *name, hrr_rules_t **r);

int hrr_cmd_import(hrr_cli_t *cli, int argc, char **argv);
int hrr_cmd_check(hrr_cli_t *cli, int argc, char **argv);
int hrr_cmd_rules(hrr_cli_t *cli, int argc, char **argv);
int hrr_cmd_decide(hrr_cli_t *cli, int argc, char **argv);
int hrr_cmd_replay(hrr_cli_t *cli, int argc, char **argv);
int hrr_cmd_casebook(hrr_cli_t *cli, int argc, char **argv);
int hrr_cmd_power(hrr_cli_t *cli, int argc, char **argv);
int hrr_cmd_simulate(hrr_cli_t *cli, int argc, char **argv);
int hrr_cmd_agree(hrr_cli_t *cli, int argc, char **argv);
int hrr_cmd_cohesion(hrr_cli_t *cli, int argc, char **argv);
int hrr_cmd_ideal(hrr_cli_t *cli, int argc, char **argv);
int hrr_cmd_ideal_dyn(hrr_cli_t *cli, int argc, char **argv); /* --dynamic, --gibbs */
int hrr_cmd_blocs(hrr_cli_t *cli, int argc, char **argv);
int hrr_cmd_forecast(hrr_cli_t *cli, int argc, char **argv);
int hrr_cmd_backtest(hrr_cli_t *cli, int argc, char **argv);
int hrr_cmd_summary(hrr_cli_t *cli, int argc, char **argv);
int hrr_cmd_states(hrr_cli_t *cli, int argc, char **argv);
int hrr_cmd_items(hrr_cli_t *cli, int argc, char **argv);
int hrr_cmd_votes(hrr_cli_t *cli, int argc, char **argv);
int hrr_cmd_sql(hrr_cli_t *cli, int argc, char **argv);
int hrr_cmd_export(hrr_cli_t *cli, int argc, char **argv);
int hrr_cmd_upr(hrr_cli_t *cli, int argc, char **argv);
int hrr_cmd_treaties(hrr_cli_t *cli, int argc, char **argv);
int hrr_cmd_profile(hrr_cli_t *cli, int argc, char **argv); /* and hrr_cmd_compare */
int hrr_cmd_compare(hrr_cli_t *cli, int argc, char **argv);
int hrr_cmd_serve(hrr_cli_t *cli, int argc, char **argv);

#endif
