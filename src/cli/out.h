/*
 * out.h - how the subcommands print rows: aligned columns for people (the
 * default), RFC 4180 CSV and JSON (through jansson) for programs. A command
 * declares its columns once, so the three forms share one stable column
 * order, then adds cells left to right; a row ends after its last column.
 * CSV and JSON stream row by row; the table is buffered to align it.
 */
#ifndef HRR_CLI_OUT_H
#define HRR_CLI_OUT_H

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

typedef enum out_fmt {
    OUT_TABLE = 0, /* aligned columns, for people */
    OUT_CSV,       /* RFC 4180: header row, quoted where needed, CRLF */
    OUT_JSON       /* an array of objects, one key per column */
} out_fmt_t;

typedef struct out {
    out_fmt_t fmt;      /* the form */
    FILE *f;            /* where rows go */
    size_t ncols;       /* number of columns */
    char **names;       /* column names */
    int *maxw;          /* table: widest a cell may be (0: no limit) */
    bool *text;         /* table: column holds text (left-aligned) */
    char **cells;       /* table: every cell so far, row-major; NULL = null */
    size_t ncells;      /* cells used */
    size_t cap;         /* cells allocated */
    size_t col;         /* next column of the current row */
    long nrows;         /* rows completed */
    json_t *row;        /* JSON: the row being built */
    int indent;         /* table: spaces before each line */
    bool failed;        /* out of memory or a write failed */
} out_t;

/* Record that the command asked for FMT; false (a usage error) when another
 * form was already asked for. */
bool out_want(out_fmt_t *fmt, out_fmt_t want);

/* Start rows with NCOLS columns named NAMES, printed to F. False on OOM. */
bool out_begin(out_t *o, out_fmt_t fmt, FILE *f, size_t ncols,
               const char *const *names);

/* Table form: cut cells of column COL to W display columns (with "…"). */
void out_maxwidth(out_t *o, size_t col, int w);

/* Add the next cell: text (NULL: null), an integer, a count that is null
 * when V < 0 (the library's "not recorded"), or null. */
void out_text(out_t *o, const char *s);
void out_int(out_t *o, long long v);
void out_count(out_t *o, long v);
void out_null(out_t *o);
/* Add a cell from column I of a SQLite row, keeping its type. */
struct sqlite3_stmt;
void out_sqlite(out_t *o, struct sqlite3_stmt *s, int i);

/* Finish: print the table (or close the JSON array) and free O. Returns
 * false when memory ran out or the rows could not all be written. */
bool out_end(out_t *o);

/* out_end for commands: 0, or after printing why, the exit code for
 * running out of memory. A failed write is left to hrr_cli_finish. */
int out_done(out_t *o);

/* Print a JSON value (indented, keys in insertion order) and a newline to
 * F, then release it. False if V is NULL (out of memory) or writing fails. */
bool out_json(FILE *f, json_t *v);

/* jansson helpers that turn NULL strings and "not recorded" (-1) numbers
 * into JSON null. */
json_t *out_jstr(const char *s);
json_t *out_jcount(long v);

/* The usage error for what getopt_long returned (C is '?' or ':', with
 * optstring starting with ':'); pass optopt, argv and optind. Returns
 * HRR_EXIT_USAGE. */
int out_opt_error(const char *cmd, int c, int optopt_, char **argv, int optind_);

#endif
