/*
 * hrr/report.h - how results are printed, the same for the CLI and any
 * other front end. The row writer (hrr_out_*) prints rows: aligned columns
 * for people (the default), RFC 4180 CSV and JSON (through jansson) for
 * programs. A command
 * declares its columns once, so the three forms share one stable column
 * order, then adds cells left to right; a row ends after its last column.
 * CSV and JSON stream row by row; the table is buffered to align it.
 */
#ifndef HRR_REPORT_H
#define HRR_REPORT_H

#include "hrr.h"

#include <stdbool.h>
#include <stdio.h>

typedef enum hrr_out_fmt {
    HRR_OUT_TABLE = 0, /* aligned columns, for people */
    HRR_OUT_CSV,       /* RFC 4180: header row, quoted where needed, CRLF */
    HRR_OUT_JSON       /* an array of objects, one key per column */
} hrr_out_fmt_t;

typedef struct hrr_out {
    hrr_out_fmt_t fmt;      /* the form */
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
    struct json_t *row; /* JSON: the row being built */
    int indent;         /* table: spaces before each line */
    bool failed;        /* out of memory or a write failed */
} hrr_out_t;

/* Record that the command asked for FMT; false (a usage error) when another
 * form was already asked for. */
bool hrr_out_want(hrr_out_fmt_t *fmt, hrr_out_fmt_t want);

/* Start rows with NCOLS columns named NAMES, printed to F. False on OOM. */
bool hrr_out_begin(hrr_out_t *o, hrr_out_fmt_t fmt, FILE *f, size_t ncols,
               const char *const *names);

/* Table form: cut cells of column COL to W display columns (with "…"). */
void hrr_out_maxwidth(hrr_out_t *o, size_t col, int w);

/* Add the next cell: text (NULL: null), an integer, a count that is null
 * when V < 0 (the library's "not recorded"), or null. */
void hrr_out_text(hrr_out_t *o, const char *s);
void hrr_out_int(hrr_out_t *o, long long v);
void hrr_out_count(hrr_out_t *o, long v);
void hrr_out_null(hrr_out_t *o);
/* Add a cell from column I of a SQLite row, keeping its type. */
struct sqlite3_stmt;
void hrr_out_sqlite(hrr_out_t *o, struct sqlite3_stmt *s, int i);

/* Finish: print the table (or close the JSON array) and free O. Returns
 * false when memory ran out or the rows could not all be written. */
bool hrr_out_end(hrr_out_t *o);

/* A real number: printed with DIGITS decimals in the table and CSV, a JSON
 * number; NaN is null. */
void hrr_out_real(hrr_out_t *o, double v, int digits);

/* ---------------------------------------------------------------------
 * One function per result type: each renders it as FMT to F, in the shape
 * docs/cli.md documents. They return HRR_OK, HRR_ENOMEM, or HRR_EIO when
 * writing failed. */
hrr_err_t hrr_report_summary(FILE *f, hrr_out_fmt_t fmt, const char *db, const hrr_summary_t *sm);

/* An API error as JSON on one line: {"error": MSG, "status": STATUS}. */
hrr_err_t hrr_report_error(FILE *f, const char *msg, int status);
hrr_err_t hrr_report_states(FILE *f, hrr_out_fmt_t fmt, const hrr_state_list_t *list);
/* FULL: every column (CSV and JSON always are) */
hrr_err_t hrr_report_items(FILE *f, hrr_out_fmt_t fmt, const hrr_item_list_t *list);
/* ALL: every item (JSON: an array), else only the first */
hrr_err_t hrr_report_votes(FILE *f, hrr_out_fmt_t fmt, const hrr_votes_t *v, bool all);
hrr_err_t hrr_report_findings(FILE *f, hrr_out_fmt_t fmt, const hrr_findings_t *list);
hrr_err_t hrr_report_agree(FILE *f, hrr_out_fmt_t fmt, const hrr_agree_t *r);
hrr_err_t hrr_report_cohesion(FILE *f, hrr_out_fmt_t fmt, const hrr_cohesion_t *r);
/* The rows of a prepared statement of ST (hrr sql), stepped to the end;
 * HRR_EDB (HRR_ENOMEM) when a step fails, the message, naming the store
 * and the SQL, left in ST's context (hrr_store_errmsg). */
hrr_err_t hrr_report_sql(FILE *f, hrr_out_fmt_t fmt, hrr_store_t *st, struct sqlite3_stmt *s);

/* UPR recommendations: rows session, state, by, response, action, issues,
 * text. Their counts: table sections by session, action and recommending
 * state; CSV rows by,key,name,n,supported,noted (by: all, session, action,
 * state); JSON {"total", "sessions", "actions", "states"}. */
hrr_err_t hrr_report_upr(FILE *f, hrr_out_fmt_t fmt, const hrr_upr_list_t *list);
hrr_err_t hrr_report_upr_summary(FILE *f, hrr_out_fmt_t fmt, const hrr_upr_summary_t *sm);
/* Treaty statuses: rows iso3, state, instrument, status, year, note, name. */
hrr_err_t hrr_report_treaties(FILE *f, hrr_out_fmt_t fmt, const hrr_treaty_list_t *list);
/* The rule sets R[0..N) as rows: name, body, members, title. */
hrr_err_t hrr_report_rules_list(FILE *f, hrr_out_fmt_t fmt, hrr_rules_t *const *r, size_t n);
/* One vote decided under R (table: the outcome, its reason and rule). */
hrr_err_t hrr_report_decision(FILE *f, hrr_out_fmt_t fmt, const hrr_rules_t *r,
                              const hrr_decision_t *d);
/* A replay under R: the items, then (table) the flips by year and target. */
hrr_err_t hrr_report_replay(FILE *f, hrr_out_fmt_t fmt, const hrr_rules_t *r,
                            const hrr_replay_t *rep);
/* The casebook, each vote decided again under R when R is not NULL. */
hrr_err_t hrr_report_casebook(FILE *f, hrr_out_fmt_t fmt, const hrr_rules_t *r,
                              const hrr_casebook_t *cb);
struct hrr_power;
/* Voting power: rows player, weight, banzhaf, banzhaf_abs, shapley_shubik;
 * JSON {"quota", "banzhaf": [...], "banzhaf_abs": [...], "shapley_shubik": [...]}. */
hrr_err_t hrr_report_power(FILE *f, hrr_out_fmt_t fmt, const struct hrr_power *p);

/* Ideal points: rows state, dim1[, se][, dim2], votes (numbers in JSON). */
hrr_err_t hrr_report_ideal(FILE *f, hrr_out_fmt_t fmt, const hrr_ideal_t *r);
/* Dynamic ideal points: rows state, year, dim1, sd, votes. */
hrr_err_t hrr_report_ideal_dyn(FILE *f, hrr_out_fmt_t fmt, const hrr_ideal_dyn_t *r);
/* Posterior means by Gibbs sampling: rows state, dim1, sd, votes. */
hrr_err_t hrr_report_ideal_gibbs(FILE *f, hrr_out_fmt_t fmt, const hrr_ideal_gibbs_t *r);
struct hrr_ideal_study;
/* The recovery study, as one line of text. */
hrr_err_t hrr_report_ideal_study(FILE *f, const struct hrr_ideal_study *s);

/* Voting blocs: rows bloc, state; JSON {"blocs": [{"members": [...]}], "modularity"}. */
hrr_err_t hrr_report_blocs(FILE *f, hrr_out_fmt_t fmt, const hrr_blocs_t *b);
/* Blocs year by year: rows year, bloc, state (CSV: a bloc-0 row with the
 * stability); JSON {"years": [{"year", "blocs", "modularity", "stability"}]};
 * the table's summary per year goes to NOTES when not NULL. */
hrr_err_t hrr_report_blocs_years(FILE *f, hrr_out_fmt_t fmt, const hrr_blocs_years_t *y,
                                 FILE *notes);

/* Forecasts, one draft after another (a batch streams): begin, add each
 * result, end. Table: a summary and the members' rows per draft; CSV: one
 * table (with a symbol column for a batch); JSON {"body", "items": [...]},
 * written at the end. */
typedef struct hrr_report_fc {
    FILE *f;
    hrr_out_fmt_t fmt;
    bool batch;         /* several drafts: the CSV has a symbol column */
    const char *body;
    size_t k;           /* results added */
    hrr_out_t o;            /* CSV: the one table */
    struct json_t *items; /* JSON: the results so far */
} hrr_report_fc_t;

hrr_err_t hrr_report_fc_begin(hrr_report_fc_t *rf, FILE *f, hrr_out_fmt_t fmt, const char *body,
                              bool batch);
/* TITLE: the draft's title, when given (JSON only). */
hrr_err_t hrr_report_fc_add(hrr_report_fc_t *rf, const hrr_fc_result_t *r, const char *title);
/* OK: every draft was added (false: drop what is pending). */
hrr_err_t hrr_report_fc_end(hrr_report_fc_t *rf, bool ok);

/* A backtest of BODY over FROM-TO: the scores, the calibration, the
 * confusion matrix and where the model fails (table or JSON). */
hrr_err_t hrr_report_backtest(FILE *f, hrr_out_fmt_t fmt, const char *body, int from, int to,
                              const hrr_fc_backtest_t *bt);

/* The folder of the dashboard's pages, with the vega bundle in vendor/:
 * $HRR_WEB_DIR when set, else the build tree's (build/web/static, when it
 * holds the bundle), else the installed one (PREFIX/share/hrr/web/static).
 * Never NULL; static. */
const char *hrr_web_dir(void);

/* --plot FILE.html: the result as a standalone HTML page, a Vega-Lite line
 * plot with its rows inline (the --json rows) and the vega libraries inlined
 * from the build's web bundle. HRR_EIO with *WHY set (static) when the
 * libraries are missing or FILE cannot be written; HRR_ENOMEM. */
hrr_err_t hrr_report_plot_agree(const char *file, const char *with, const hrr_agree_t *r,
                                const char **why);
hrr_err_t hrr_report_plot_cohesion(const char *file, const char *group, const hrr_cohesion_t *r,
                                   const char **why);
hrr_err_t hrr_report_plot_ideal_dyn(const char *file, const hrr_ideal_dyn_t *r, const char **why);

#endif
