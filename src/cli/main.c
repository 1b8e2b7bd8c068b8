/*
 * main.c - the `hrr` command: global options, then one subcommand. Each
 * subcommand is a thin user of the library, in its own cmd_*.c.
 */
#define _GNU_SOURCE /* fopencookie */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct cmd {
    const char *name;  /* subcommand */
    hrr_cmd_fn fn;     /* its entry point */
    const char *help;  /* one line for `hrr --help` */
} cmd_t;

static const cmd_t k_cmds[] = {
    {"import", hrr_cmd_import, "load real records (files or folders) into the store"},
    {"summary", hrr_cmd_summary, "what is in the store and where it came from"},
    {"states", hrr_cmd_states, "the states, their groups and memberships"},
    {"items", hrr_cmd_items, "the items decided, with filters"},
    {"votes", hrr_cmd_votes, "the votes on one item, with its tally"},
    {"sql", hrr_cmd_sql, "run a read-only SQL query on the store"},
    {"check", hrr_cmd_check, "reconcile the records and list data-quality findings"},
    {"rules", hrr_cmd_rules, "the rule sets bodies decide by, with their sources"},
    {"decide", hrr_cmd_decide, "decide one vote under a rule set"},
    {"replay", hrr_cmd_replay, "recorded history decided again under another rule set"},
    {"casebook", hrr_cmd_casebook, "the regime's turning points, with their sources"},
    {"power", hrr_cmd_power, "Banzhaf and Shapley-Shubik voting power"},
    {"agree", hrr_cmd_agree, "agreement between states"},
    {"cohesion", hrr_cmd_cohesion, "a group's cohesion by year (Rice, Hix-Noury-Roland)"},
    {"ideal", hrr_cmd_ideal, "ideal points (1-D, EM)"},
    {"blocs", hrr_cmd_blocs, "voting blocs (communities of the agreement graph)"},
    {"forecast", hrr_cmd_forecast, "forecast a vote: ballots, P(adopted), swing states"},
    {"backtest", hrr_cmd_backtest, "score the forecasts on past sessions, with baselines"},
    {"simulate", hrr_cmd_simulate, "simulate the Council over years: ensembles, what-ifs, validation"},
    {"export", hrr_cmd_export, "roll calls for R (pscl::rollcall), Stata (.dta) or tidy CSV"},
    {"upr", hrr_cmd_upr, "UPR recommendations given and received, listed or counted"},
    {"treaties", hrr_cmd_treaties, "treaty statuses (party, signatory, year) by state or instrument"},
    {"profile", hrr_cmd_profile, "a state's record on one page"},
    {"compare", hrr_cmd_compare, "two states compared: agreement by year and subject, where they differ"},
    {"serve", hrr_cmd_serve, "the JSON API and the pages over HTTP (read-only)"},
};

static void usage(FILE *f)
{
    fprintf(f,
        "usage: hrr [--db FILE] SUBCOMMAND [options]\n"
        "\n"
        "hrr: a working model of the international human rights regime.\n"
        "The store is FILE, else $HRR_DB, else hrr.db.\n\nsubcommands:\n");
    for (size_t i = 0; i < sizeof k_cmds / sizeof *k_cmds; i++)
        fprintf(f, "  %-10s %s\n", k_cmds[i].name, k_cmds[i].help);
    fprintf(f, "\n`hrr SUBCOMMAND --help` for its options; docs/ for the methods.\n");
}

int hrr_cli_exit_code(hrr_err_t rc)
{
    switch (rc) {
    case HRR_OK: return HRR_EXIT_OK;
    case HRR_EDATA: return HRR_EXIT_DATA;
    case HRR_EINVAL: return HRR_EXIT_USAGE;
    case HRR_EIO: return HRR_EXIT_IO;
    case HRR_EDB: return HRR_EXIT_STORE;
    case HRR_ENOTFOUND: return HRR_EXIT_NOTFOUND;
    case HRR_ENOMEM: return HRR_EXIT_NOMEM;
    }
    return HRR_EXIT_STORE;
}

int hrr_cli_fail(hrr_err_t rc, const char *fmt, ...)
{
    va_list ap;
    fputs("hrr: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return hrr_cli_exit_code(rc);
}

int hrr_cli_usage(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fputs("hrr: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'hrr %s --help'.\n", cmd ? cmd : "");
    return HRR_EXIT_USAGE;
}

int hrr_cli_report(hrr_err_t rc)
{
    if (rc == HRR_OK || rc == HRR_EIO) return 0;
    return hrr_cli_fail(rc, "out of memory");
}

hrr_store_t *hrr_cli_open(hrr_cli_t *cli, bool write, int *code)
{
    hrr_store_t *st = NULL;
    hrr_err_t rc = hrr_store_open(cli->db, write ? HRR_OPEN_CREATE : HRR_OPEN_READONLY, &st);
    if (rc) {
        *code = hrr_cli_fail(rc, "%s", hrr_store_errmsg(st));
        hrr_store_close(st);
        return NULL;
    }
    *code = 0;
    return st;
}

/* Standard output through a stream that keeps the errno of its first failed
 * write: by the time a command finishes, errno says something else (a write
 * to /dev/full fails with ENOSPC; what finish saw was EBADF from a later
 * call). */
static int g_out_errno;

static ssize_t out_write(void *cookie, const char *buf, size_t n)
{
    int fd = *(int *)cookie;
    size_t done = 0;
    while (done < n) {
        ssize_t k = write(fd, buf + done, n - done);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) {
            if (!g_out_errno) g_out_errno = k < 0 ? errno : EIO;
            return done ? (ssize_t)done : -1;
        }
        done += (size_t)k;
    }
    return (ssize_t)done;
}

static void out_stream(void)
{
    static int fd = STDOUT_FILENO;
    static const cookie_io_functions_t io = {.write = out_write};
    FILE *f = fopencookie(&fd, "w", io);
    if (!f) return; /* keep the plain stdout */
    setvbuf(f, NULL, isatty(fd) ? _IOLBF : _IOFBF, 1 << 16); /* as stdout's own */
    stdout = f;
}

int hrr_cli_finish(int code)
{
    static int said; /* the failure is said once, however often this runs */
    if (fflush(stdout) != 0 || ferror(stdout)) {
        int e = g_out_errno ? g_out_errno : errno;
        if (!said++) fprintf(stderr, "hrr: writing output: %s\n", strerror(e));
        return code ? code : HRR_EXIT_IO;
    }
    return code;
}

/* OpenMP's worker threads spin for a while after each parallel region
 * unless OMP_WAIT_POLICY says otherwise; on a machine shared with other
 * work that spinning takes the core the serial parts need (a forecast
 * batch of 60 drafts: 1.3 s spinning, 0.9 s passive; bench/forecast). The
 * OpenMP runtime reads the variable in its own initialiser, before main:
 * an entry of the program's .preinit_array runs before any shared
 * library's initialiser (the ELF gABI), so hrr sets it there unless the
 * user set it (before, hrr started itself again: twice the start-up, 18 ms
 * a command). */
static void passive_openmp(int argc, char **argv, char **envp)
{
    (void)argc;
    (void)argv;
    (void)envp;
    if (!getenv("OMP_WAIT_POLICY")) setenv("OMP_WAIT_POLICY", "PASSIVE", 1);
}
__attribute__((section(".preinit_array"), used))
static void (*const k_passive_openmp)(int, char **, char **) = passive_openmp;

int main(int argc, char **argv)
{
    out_stream();
    hrr_cli_t cli = {.db = getenv("HRR_DB"), .prog = "hrr"};
    int i = 1;
    if (!cli.db || !*cli.db) cli.db = "hrr.db";
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            usage(stdout);
            return hrr_cli_finish(0);
        } else if (strcmp(argv[i], "--version") == 0) {
            printf("hrr %s\n", HRR_VERSION);
            return hrr_cli_finish(0);
        } else if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
            cli.db = argv[++i];
        } else if (strncmp(argv[i], "--db=", 5) == 0) {
            cli.db = argv[i] + 5;
        } else {
            return hrr_cli_usage("", "unknown option '%s'", argv[i]);
        }
    }
    if (i >= argc) {
        usage(stderr);
        return HRR_EXIT_USAGE;
    }
    for (size_t k = 0; k < sizeof k_cmds / sizeof *k_cmds; k++)
        if (strcmp(argv[i], k_cmds[k].name) == 0)
            return hrr_cli_finish(k_cmds[k].fn(&cli, argc - i, argv + i));
    return hrr_cli_usage("", "unknown subcommand '%s'", argv[i]);
}
