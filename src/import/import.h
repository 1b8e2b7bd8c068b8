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
typedef struct hrr_imp_states hrr_imp_states_t; /* imp_state.c's cache */
typedef struct hrr_imp_writer hrr_imp_writer_t; /* imp_ballot.c's writer */
typedef struct hrr_imp_members hrr_imp_members_t; /* imp_member.c's dates */

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
    /* a format that writes rows by the ten thousand: the tables it writes
     * ("ballots findings": findings always among them), its files imported with SQLite's per-row
     * foreign-key check off and those tables checked once before the commit
     * (import.c, fk_check); NULL: checked row by row */
    const char *bulk;
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
    long records;                  /* data records read (hrr_imp_csv counts) */
    /* CSV reading state, set by hrr_imp_csv */
    char **hdr;                    /* header fields (copies) */
    size_t nhdr;                   /* number of header fields */
    long line;                     /* line of the row being handled */
    bool obs;                      /* line counts observations (.dta): "row N" */
    /* shared pieces, made on first use, freed by the driver */
    hrr_imp_states_t *states;      /* state resolution cache (imp_state.c) */
    hrr_imp_writer_t *writer;      /* unbatched writer of hrr_imp_ballot */
    hrr_imp_members_t *members;    /* UN membership dates (imp_member.c) */
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

/* One column an importer reads, in its name table. */
typedef struct hrr_imp_colspec {
    const char *name;  /* the header's name for it */
    int *idx;          /* out: its index; -1 for an optional one absent */
    bool optional;     /* absent is not an error */
    const char *why;   /* message when a required one is missing
                          (NULL: "missing column in header") */
} hrr_imp_colspec_t;

/* A required column NAME, its index into *IDX. */
#define HRR_COL(name, idx) {(name), (idx), false, NULL}
#define HRR_IMP_NCOLS(a) (sizeof(a) / sizeof(a)[0])

/* Look up the N columns of the name table SPEC in the header (from a header
 * callback). A required one absent is an error naming the file, line 1 and
 * the column: "PATH:1: field 'NAME': missing column in header". */
hrr_err_t hrr_imp_cols(hrr_imp_t *imp, const hrr_imp_colspec_t *spec, size_t n);

/* The same for N required columns named NAMES, into IDX[0..N). */
hrr_err_t hrr_imp_need_all(hrr_imp_t *imp, const char *const *names, size_t n, int *idx);

/* -------------------------------------------------------------- states */

/* Flags of hrr_imp_state_find. */
enum {
    HRR_IMP_PREFER = 1,   /* two states on the date: prefer the one that
                             existed then, then the one NAME also names */
    HRR_IMP_UNDATED = 2   /* no state on the date but one on any date: that
                             one (Voeten lists every state on every roll call) */
};

/* Resolve (KIND, CODE) at DATE (NULL: any date) to *STATE_ID, through the
 * import's cache by date range (imp_state.c); NAME (may be NULL) breaks ties
 * with HRR_IMP_PREFER. HRR_ENOTFOUND: unknown, or no state on the date;
 * HRR_EDATA: more than one. Either sets the message (file, line, FIELD). */
hrr_err_t hrr_imp_state_find(hrr_imp_t *imp, const char *field, const char *kind,
                             const char *code, const char *name, const char *date,
                             unsigned flags, long *state_id);

/* hrr_imp_state_find with no name or flags; any failure is HRR_EDATA. */
hrr_err_t hrr_imp_state(hrr_imp_t *imp, const char *field, const char *kind,
                        const char *code, const char *date, long *state_id);

/* ISO3 of a state id into OUT ("#ID" if none), for messages; a failed
 * lookup is an error (OUT still holds "#ID"). */
hrr_err_t hrr_imp_state_iso3(hrr_imp_t *imp, long id, char out[8]);

/* Free the cache (the driver calls it; NULL is fine). */
void hrr_i_imp_states_free(hrr_imp_states_t *c);

/* A ballot of STATE on ITEM (ids) with VOTE checked against the state's UN
 * membership (data/un_members.csv; imp_member.c says which are findings):
 * HRR_EDATA naming the file, line, state, item and the dates. Every ballot
 * passes here (hrr_imp_writer_put). */
hrr_err_t hrr_imp_member_check(hrr_imp_t *imp, long item, long state, int vote);

/* The findings of the ballots hrr_imp_member_check kept: one per state. */
hrr_err_t hrr_imp_member_findings(hrr_imp_t *imp);

/* Free the dates (the driver calls it; NULL is fine). */
void hrr_i_imp_members_free(hrr_imp_members_t *m);

/* Record a data-quality finding for an item (item_id 0: none). */
hrr_err_t hrr_imp_finding(hrr_imp_t *imp, const char *kind, long item_id,
                          const char *detail);

/* -------------------------------------------------------------- ballots */

/* Outcome of storing a ballot. */
typedef enum hrr_ballot_put {
    HRR_BALLOT_NEW = 0,      /* stored (batched: queued) */
    HRR_BALLOT_SAME = 1,     /* another source stored the same vote */
    HRR_BALLOT_DIFFERS = 2,  /* another source stored another vote: the
                                first source's vote is kept */
    HRR_BALLOT_REPEAT = 3    /* this file already gave this state's ballot
                                on this item (*OLD_VOTE is that vote): the
                                caller decides (an error, as a rule) */
} hrr_ballot_put_t;

/* One ballot for the writer. */
typedef struct hrr_imp_bal {
    long item_id, state_id;  /* the ballot */
    int vote;                /* 1 yes .. 5 not a member */
    long line;               /* its line (set by the writer) */
    long tag;                /* the caller's (unvotes: the rcid) */
    const char *label;       /* names the state in findings; batched: must
                                outlive the batch (a literal) */
} hrr_imp_bal_t;

/* What to do with a ballot another source stored already (SAME, DIFFERS),
 * or that the store says this file gave already (REPEAT; the seen set
 * finds those first). OLD_SRC: imports.id of the stored one. */
typedef hrr_err_t (*hrr_imp_settle_fn)(hrr_imp_t *imp, const hrr_imp_bal_t *b,
                                       hrr_ballot_put_t put, int old_vote,
                                       long old_src, void *ud);

/* Which (item, state) pairs this file has given a ballot, with the vote. */
typedef struct hrr_imp_seen {
    unsigned char *vote;     /* nrows x ncols votes, 0: none */
    size_t nrows, ncols;     /* items.id / states.id bounds */
} hrr_imp_seen_t;

/* The ballot writer (imp_ballot.c). */
struct hrr_imp_writer {
    sqlite3_stmt *ins;       /* INSERT one row ... ON CONFLICT DO NOTHING */
    sqlite3_stmt *get;       /* the ballot already there */
    sqlite3_stmt *many;      /* INSERT a batch (NULL: no batching) */
    sqlite3_stmt *sp[3];     /* SAVEPOINT, RELEASE, ROLLBACK TO */
    hrr_imp_bal_t *q;        /* ballots waiting for the batch insert */
    int nq;                  /* how many */
    hrr_imp_seen_t seen;     /* ballots this file gave */
    sqlite3_stmt *other;     /* another source's ballot on an item? */
    unsigned char *others;   /* by items.id: 0 not asked, 1 none, 2 some
                                (unbatched: where 2, the ballot there is
                                read before any insert is tried) */
    size_t nothers;          /* its length */
    hrr_imp_settle_fn settle;/* conflicts (NULL: a finding for DIFFERS) */
    void *ud;                /* its data */
    long added, same, differ;/* ballots stored / another source's, same
                                vote / another vote */
};

/* Open W; BATCH: insert in batches (call hrr_imp_writer_flush at the end). */
hrr_err_t hrr_imp_writer_open(hrr_imp_t *imp, hrr_imp_writer_t *w, bool batch,
                              hrr_imp_settle_fn settle, void *ud);

/* Store B. A repeat within this file is found at once (*PUT REPEAT, *OLD
 * the first vote, nothing stored); otherwise unbatched, *PUT says what
 * happened (after SETTLE ran); batched, *PUT is NEW and conflicts are
 * settled when the batch goes in. */
hrr_err_t hrr_imp_writer_put(hrr_imp_t *imp, hrr_imp_writer_t *w, const hrr_imp_bal_t *b,
                             hrr_ballot_put_t *put, int *old);

/* Insert the ballots waiting in the batch. */
hrr_err_t hrr_imp_writer_flush(hrr_imp_t *imp, hrr_imp_writer_t *w);

/* Finalize W's statements and free its memory (NULL is fine). */
void hrr_imp_writer_close(hrr_imp_writer_t *w);

/* Store one ballot through the import's own unbatched writer (a
 * "source-disagreement" finding for DIFFERS). LABEL names the state. */
hrr_err_t hrr_imp_ballot(hrr_imp_t *imp, long item_id, long state_id, int vote,
                         const char *label, hrr_ballot_put_t *put, int *old_vote);

/* Report a failed step of S (HRR_EDB, naming its SQL). */
hrr_err_t hrr_imp_stmterr(hrr_imp_t *imp, sqlite3_stmt *s);

/* The text of the first column of SQL's row for the id ID (bound as ?1)
 * into OUT (LEN bytes); OUT is left as it was when there is no such row or
 * the column is NULL. A failed step is an error (hrr_imp_stmterr). */
hrr_err_t hrr_imp_text_by_id(hrr_imp_t *imp, const char *sql, long id, char *out, size_t len);

/* Step S the checked way (hrr_i_step), a failure reported as by
 * hrr_imp_stmterr (the file, the line and the SQL): *ROW is true when a row
 * is ready, false when S is done. */
hrr_err_t hrr_imp_step(hrr_imp_t *imp, sqlite3_stmt *s, bool *row);

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
extern const hrr_format_t hrr_fmt_unxml;
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
