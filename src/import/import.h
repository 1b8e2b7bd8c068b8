/*
 * import.h - the importer framework (internal). The driver (import.c) finds
 * the files, detects each one's format, opens one transaction per file,
 * records provenance and hands the importer an hrr_imp_t. An importer reads
 * its file (usually through hrr_imp_csv), validates every row, and reports
 * the first bad one with hrr_imp_fail, naming the line and field.
 */
#ifndef HRR_IMPORT_H
#define HRR_IMPORT_H

#include "core/csv.h"
#include "store/store.h"

typedef struct hrr_imp hrr_imp_t;

/* The date to resolve codes at for files that describe the present day. */
#define HRR_PRESENT "9999-12-31"

/* One format hrr reads. */
typedef struct hrr_format {
    const char *name;   /* "unvotes-votes", ... (hrr import --format NAME) */
    int order;          /* import order within a folder: lower first */
    /* true if the file (its name, and its first bytes HEAD, NUL-terminated)
     * is in this format */
    bool (*detect)(const char *path, const char *head);
    /* import the whole file; return HRR_OK or an error set by hrr_imp_fail */
    hrr_err_t (*import)(hrr_imp_t *imp);
} hrr_format_t;

struct hrr_imp {
    hrr_store_t *st;               /* the store */
    sqlite3 *db;                   /* its connection */
    const char *path;              /* the file being imported */
    const hrr_format_t *fmt;       /* its format */
    const hrr_import_opts_t *opts; /* options (never NULL) */
    const char *data;              /* the whole file, NUL-terminated */
    size_t len;                    /* its length */
    long source_id;                /* imports.id of this file */
    long rows;                     /* data rows loaded (importer counts) */
    /* CSV reading state, set by hrr_imp_csv */
    char **hdr;                    /* header fields (copies) */
    size_t nhdr;                   /* number of header fields */
    long line;                     /* line of the row being handled */
    bool obs;                      /* line counts observations (.dta): "row N" */
    /* statements of hrr_imp_ballot, prepared on first use */
    sqlite3_stmt *ballot_ins;      /* INSERT ... ON CONFLICT DO NOTHING */
    sqlite3_stmt *ballot_get;      /* the ballot already stored */
};

/* Report bad input: "PATH:LINE: field 'FIELD': MESSAGE" (FIELD may be NULL;
 * LINE is imp->line, 0 for none). Returns RC. */
hrr_err_t hrr_imp_fail(hrr_imp_t *imp, hrr_err_t rc, const char *field,
                       const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Report a failed SQLite call while importing (HRR_EDB, with line). */
hrr_err_t hrr_imp_dberr(hrr_imp_t *imp, const char *what);

/* Read the file as delimited text. HEADER (may be NULL) sees the header row
 * first and should check the columns it needs (hrr_imp_col). Every later
 * record must have as many fields as the header, or the import fails with
 * a "wrong column count" error; ROW sees each. imp->line is set for both. */
typedef hrr_err_t (*hrr_imp_row_fn)(hrr_imp_t *imp, const hrr_csv_row_t *row,
                                    void *ud);
hrr_err_t hrr_imp_csv(hrr_imp_t *imp, unsigned char delim,
                      hrr_imp_row_fn header, hrr_imp_row_fn row, void *ud);

/* Index of header column NAME, or -1. */
int hrr_imp_col(const hrr_imp_t *imp, const char *name);

/* Index of header column NAME, or an error naming the missing column. */
hrr_err_t hrr_imp_need(hrr_imp_t *imp, const char *name, int *idx);

/* Resolve a state code at a date, failing with file/line/field on error. */
hrr_err_t hrr_imp_state(hrr_imp_t *imp, const char *field, const char *kind,
                        const char *code, const char *date, long *state_id);

/* Record a data-quality finding for an item (item_id 0: none). */
hrr_err_t hrr_imp_finding(hrr_imp_t *imp, const char *kind, long item_id,
                          const char *detail);

/* Outcome of hrr_imp_ballot. */
typedef enum hrr_ballot_put {
    HRR_BALLOT_NEW = 0,      /* stored */
    HRR_BALLOT_SAME = 1,     /* another source stored the same vote */
    HRR_BALLOT_DIFFERS = 2,  /* another source stored another vote: a
                                "source-disagreement" finding is recorded,
                                the first source's vote is kept */
    HRR_BALLOT_REPEAT = 3    /* this file already gave this state's ballot
                                on this item (*OLD_VOTE is that vote): the
                                caller decides (an error, as a rule) */
} hrr_ballot_put_t;

/* Store one ballot (vote 1 yes .. 5 not a member) for this import. LABEL
 * names the state in a finding's detail. */
hrr_err_t hrr_imp_ballot(hrr_imp_t *imp, long item_id, long state_id, int vote,
                         const char *label, hrr_ballot_put_t *put, int *old_vote);

/* Prepare a statement, failing with an HRR_EDB error on failure. */
hrr_err_t hrr_imp_prepare(hrr_imp_t *imp, const char *sql, sqlite3_stmt **s);

/* Call the progress callback, if any (cheap: rate-limited inside). */
void hrr_imp_progress(hrr_imp_t *imp, size_t offset);

/* True if the file's name (without folders) is NAME. */
bool hrr_imp_basename_is(const char *path, const char *name);

/* The formats, defined one per file in src/import/fmt_*.c. */
extern const hrr_format_t hrr_fmt_un_regional_groups;
extern const hrr_format_t hrr_fmt_country_codes;
extern const hrr_format_t hrr_fmt_unvotes_roll_calls;
extern const hrr_format_t hrr_fmt_unvotes_issues;
extern const hrr_format_t hrr_fmt_unvotes_votes;
extern const hrr_format_t hrr_fmt_voeten_long;
extern const hrr_format_t hrr_fmt_hrc_vote_data;
extern const hrr_format_t hrr_fmt_hrc_legis;
extern const hrr_format_t hrr_fmt_hrc_wide;
extern const hrr_format_t hrr_fmt_hrc_long;
extern const hrr_format_t hrr_fmt_ohchr_resolutions;
extern const hrr_format_t hrr_fmt_ohchr_votes;
extern const hrr_format_t hrr_fmt_treaty_status;
extern const hrr_format_t hrr_fmt_upr_info;
extern const hrr_format_t hrr_fmt_polity5;
extern const hrr_format_t hrr_fmt_vdem;
extern const hrr_format_t hrr_fmt_fh;
extern const hrr_format_t hrr_fmt_generic_csv;
extern const hrr_format_t hrr_fmt_stata;

#endif
