/*
 * hrr/records.h - reading the records back out of a store: what is in it and
 * where it came from (summary), the states and their memberships, the items
 * decided (with filters), and the votes on one item with its tally. Also a
 * guarded entry point for read-only SQL. Included by hrr.h; do not include
 * it alone.
 *
 * Ownership: every hrr_*_get / hrr_*_find / hrr_*_list function allocates
 * its result, which the caller frees with the matching _free function (each
 * accepts NULL). Strings inside a result belong to it. On error *OUT is NULL
 * and hrr_store_errmsg() says why.
 */
#ifndef HRR_RECORDS_H
#define HRR_RECORDS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------- bodies */

/* The default rule set of body CODE (its name for hrr_rules_load: "chr",
 * "hrc", "ga-plenary", "ga-third-committee"), as data/bodies.csv's
 * default_rules column says: the one mapping of bodies to rule sets.
 * Written into NAME (LEN bytes). HRR_ENOTFOUND for a body the file does not
 * list (the message names those it does); HRR_EINVAL when NAME is too small.
 * ST (may be NULL) only receives the message. */
hrr_err_t hrr_body_default_rules(hrr_store_t *st, const char *code, char *name, size_t len);

/* ----------------------------------------------------------------- votes */

/* A ballot, as stored in ballots.vote: the one definition of the codes
 * (the schema's CHECK names this enum). They are also plain numbers,
 * HRR_VOTE_*_CODE, so that SQL text can spell them (src/store/store.h's
 * HRR_SQL_*); the enum is defined from those. The order is part of the
 * definition: YES..ABSTAIN are the votes cast, YES..ABSENT the ballots of
 * members. */
#define HRR_VOTE_YES_CODE 1
#define HRR_VOTE_NO_CODE 2
#define HRR_VOTE_ABSTAIN_CODE 3
#define HRR_VOTE_ABSENT_CODE 4
#define HRR_VOTE_NONMEMBER_CODE 5

typedef enum hrr_vote {
    HRR_VOTE_YES = HRR_VOTE_YES_CODE,             /* in favour */
    HRR_VOTE_NO = HRR_VOTE_NO_CODE,               /* against */
    HRR_VOTE_ABSTAIN = HRR_VOTE_ABSTAIN_CODE,     /* abstained */
    HRR_VOTE_ABSENT = HRR_VOTE_ABSENT_CODE,       /* a member, absent or present
                                                     but not voting */
    HRR_VOTE_NONMEMBER = HRR_VOTE_NONMEMBER_CODE  /* not a member of the body
                                                     at the time */
} hrr_vote_t;

/* "yes", "no", "abstain", "absent", "not-member"; NULL for any other value.
 * A static string. */
const char *hrr_vote_name(int vote);

/* Ballots counted by kind. */
typedef struct hrr_tally {
    long yes;        /* HRR_VOTE_YES ballots */
    long no;         /* HRR_VOTE_NO ballots */
    long abstain;    /* HRR_VOTE_ABSTAIN ballots */
    long absent;     /* HRR_VOTE_ABSENT ballots */
    long nonmember;  /* HRR_VOTE_NONMEMBER ballots */
} hrr_tally_t;

/* Add one ballot of kind VOTE to T. HRR_EINVAL (T unchanged) when VOTE is
 * not 1..5. */
hrr_err_t hrr_tally_add(hrr_tally_t *t, int vote);

/* ----------------------------------------------------------------- items */

/* One item decided by a body: a resolution, decision, amendment or motion.
 * Text fields are NULL when the store does not record them. */
typedef struct hrr_item {
    long id;           /* items.id (stable within one store only) */
    char *key;         /* identity across sources (unique), never NULL */
    char *body;        /* body code: CHR, HRC, GA, GA3..., never NULL */
    char *symbol;      /* document symbol, e.g. "A/HRC/RES/S-1/1" */
    char *session;     /* session as the body writes it ("S-1", "46") */
    char *date;        /* date of the vote, "YYYY-MM-DD" */
    char *kind;        /* resolution, decision, amendment, motion, other */
    char *title;       /* title */
    char *agenda_item; /* agenda item */
    char *subject;     /* subject */
    char *scope;       /* "country" or "thematic" */
    char target[4];    /* ISO3 of the target state, "" when none */
    char *sponsors;    /* sponsors as recorded */
    char *vote_type;   /* recorded / consensus / ... as the source says */
    long yes;          /* official tally: in favour, -1 when not recorded */
    long no;           /* official tally: against, -1 when not recorded */
    long abstain;      /* official tally: abstentions, -1 when not recorded */
    long nonvoting;    /* official tally: non-voting, -1 when not recorded */
    char *outcome;     /* adopted, rejected, withdrawn, no-decision */
    long nballots;     /* ballots stored for the item (all five kinds) */
} hrr_item_t;

/* Which items hrr_items_find returns. Zero/NULL fields do not filter, so
 * a zeroed filter returns every item. */
typedef struct hrr_item_filter {
    const char *body;    /* body code (exact, any case), e.g. "HRC" */
    int from_year;       /* only items dated in or after this year */
    int to_year;         /* only items dated in or before this year */
    const char *kind;    /* resolution, decision, amendment, motion, other */
    const char *target;  /* ISO3 of the target state */
    const char *subject; /* substring of the subject, ignoring ASCII case */
    const char *text;    /* substring of the title or symbol, ignoring case */
    long limit;          /* at most this many items (0: all) */
    const char *committee; /* the Assembly's Main Committee the draft came
                              from: first .. sixth, or plenary (any case) */
    const char *sponsor; /* ISO3 of a state that sponsored it (main or co,
                            alone or for a group: table sponsors) */
} hrr_item_filter_t;

/* Items found, ordered by date (undated last), body, key. */
typedef struct hrr_item_list {
    hrr_item_t *items;   /* the items */
    size_t n;            /* number of items */
    long total;          /* items matching the filter without the limit */
} hrr_item_list_t;

/* Find the items matching FILTER (NULL: all). An unknown body or target
 * state is HRR_ENOTFOUND and a kind that is not one of the five or a
 * negative limit HRR_EINVAL, each with a message; a filter that matches
 * nothing is HRR_OK with n == 0. Free *OUT with hrr_item_list_free. */
hrr_err_t hrr_items_find(hrr_store_t *st, const hrr_item_filter_t *filter,
                         hrr_item_list_t **out);

/* Free a list from hrr_items_find. Accepts NULL. */
void hrr_item_list_free(hrr_item_list_t *list);

/* One state's ballot on an item. */
typedef struct hrr_ballot {
    char state[4];  /* ISO3 (or project code, e.g. "YUG") */
    char *name;     /* the state's name */
    int vote;       /* an hrr_vote_t */
} hrr_ballot_t;

/* Who tabled an item (table sponsors): a state, a group acted for, or both. */
typedef struct hrr_sponsor {
    char state[4];  /* ISO3, "" when a group or office alone */
    char *grp;      /* the group's code (EU, OIC, AFRICAN, ...) or name; NULL */
    char *role;     /* "main" or "co" */
    char *name;     /* as the source writes it */
    char *note;     /* "on behalf of ..."; NULL */
    char *source;   /* the source; NULL */
} hrr_sponsor_t;

/* One item with every ballot stored for it. */
typedef struct hrr_item_votes {
    hrr_item_t item;        /* the item, with its official tally */
    hrr_ballot_t *ballots;  /* every ballot, not-member ones included,
                               ordered by ISO3 */
    size_t nballots;        /* number of ballots */
    hrr_tally_t counted;    /* the ballots counted by kind */
    hrr_sponsor_t *sponsors;/* its sponsors, main first, in stored order */
    size_t nsponsors;       /* number of sponsors */
} hrr_item_votes_t;

/* The items one reference names, usually one. */
typedef struct hrr_votes {
    hrr_item_votes_t *items; /* ordered by date, then key */
    size_t n;                /* number of items (>= 1) */
} hrr_votes_t;

enum {
    HRR_VOTES_BY_KEY = 1  /* REF is an item key only, never a symbol */
};

/* The votes on the item(s) REF names. REF is matched against item keys and
 * symbols exactly, and when nothing matches, ignoring ASCII case. A symbol
 * can name several items (Commission symbols repeat across sessions, and
 * sources key items differently): then every item is returned (n > 1) and
 * the caller decides; pass an item's key with HRR_VOTES_BY_KEY to pick one.
 * HRR_ENOTFOUND when REF names no item. Free *OUT with hrr_votes_free. */
hrr_err_t hrr_votes_get(hrr_store_t *st, const char *ref, int flags,
                        hrr_votes_t **out);

/* Free a result of hrr_votes_get. Accepts NULL. */
void hrr_votes_free(hrr_votes_t *v);

/* ---------------------------------------------------------------- states */

/* One state identity with what the store knows about it. */
typedef struct hrr_state_info {
    char iso3[4];     /* ISO3 or project code */
    char *name;       /* name */
    char *un_group;   /* present-day UN regional group, NULL when none */
    char iso2[3];     /* ISO 3166 alpha-2, "" when none */
    long m49;         /* UN M49 code, 0 when none */
    char *start;      /* first day as a UN actor, NULL: from the start */
    char *end;        /* day it ceased (exclusive), NULL: still exists */
    long naliases;    /* codes and names sources use for it */
    char *orgs;       /* bodies and groups it was ever a member of,
                         comma-separated and sorted; NULL when none */
} hrr_state_info_t;

/* Which states hrr_states_list returns. */
typedef struct hrr_state_filter {
    const char *group; /* a UN regional group (AFRICAN, ASIA_PACIFIC,
                          GRULAC, WEOG, EEG) or any membership org (HRC,
                          CHR, OIC, LMG...), any case; NULL: all states */
    const char *on;    /* with GROUP: members on this date "YYYY-MM-DD"
                          only; NULL: ever a member */
} hrr_state_filter_t;

typedef struct hrr_state_list {
    hrr_state_info_t *states; /* ordered by ISO3 */
    size_t n;                 /* number of states */
} hrr_state_list_t;

/* The states matching FILTER (NULL: all). A group the store does not know
 * is HRR_ENOTFOUND (the message lists the known ones); a malformed date is
 * HRR_EINVAL. Free *OUT with hrr_state_list_free. */
hrr_err_t hrr_states_list(hrr_store_t *st, const hrr_state_filter_t *filter,
                          hrr_state_list_t **out);

/* Free a list from hrr_states_list. Accepts NULL. */
void hrr_state_list_free(hrr_state_list_t *list);

/* --------------------------------------------------------------- summary */

/* Rows in one table of the store. */
typedef struct hrr_summary_table {
    const char *name;  /* table name (static) */
    long rows;         /* row count */
} hrr_summary_table_t;

/* Items and ballots of one body. */
typedef struct hrr_summary_body {
    char *code;        /* body code */
    char *name;        /* its name */
    long items;        /* items of this body */
    long ballots;      /* ballots on those items */
    char *first;       /* earliest item date, NULL when no dated item */
    char *last;        /* latest item date, NULL when no dated item */
} hrr_summary_body_t;

/* One imported file (provenance). */
typedef struct hrr_summary_import {
    long id;           /* imports.id: what rows' source_id point at */
    char *path;        /* the file as given to hrr import */
    char *format;      /* the format it was read as */
    long rows;         /* data rows loaded */
    char *sha256;      /* SHA-256 of the file, lowercase hex */
    char *started;     /* when the import began (UTC, ISO 8601) */
    char *finished;    /* when it committed; NULL if it never did */
} hrr_summary_import_t;

/* Who sat on a body (memberships of org = the body's code: the Council's
 * terms, the Commission's years). */
typedef struct hrr_summary_members {
    char *body;        /* body code (HRC, CHR) */
    long states;       /* states that were ever members */
    long terms;        /* membership rows (terms, or years for CHR) */
    char *first;       /* earliest start */
    char *last;        /* latest end (the first day no longer a member) */
} hrr_summary_members_t;

/* What is in a store and where it came from. */
typedef struct hrr_summary {
    int schema_version;            /* migrations applied */
    hrr_summary_table_t *tables;   /* every record table, schema order */
    size_t ntables;                /* number of tables */
    hrr_summary_body_t *bodies;    /* every body, by code */
    size_t nbodies;                /* number of bodies */
    hrr_summary_import_t *imports; /* every import, oldest first */
    size_t nimports;               /* number of imports */
    hrr_summary_members_t *members; /* the bodies with memberships, by code */
    size_t nmembers;               /* number of entries in members */
} hrr_summary_t;

/* Summarise the store. Free *OUT with hrr_summary_free. */
hrr_err_t hrr_summary_get(hrr_store_t *st, hrr_summary_t **out);

/* Free a summary. Accepts NULL. */
void hrr_summary_free(hrr_summary_t *s);

/* ------------------------------------------------------------------- UPR */

/* Which UPR recommendations hrr_upr_find returns (hrr_upr_summarise
 * counts). Zero/NULL fields do not filter; codes and words ignore case. */
typedef struct hrr_upr_filter {
    const char *state;    /* received: the state under review (ISO3) */
    const char *by;       /* given: the recommending state (ISO3) */
    long session;         /* this UPR Working Group session (1..) */
    const char *response; /* "supported" or "noted" */
    const char *theme;    /* UPR Info's issues contain this text */
    long action;          /* UPR Info's action category 1..5 */
    long limit;           /* at most this many rows (0: all; find only) */
} hrr_upr_filter_t;

/* One recommendation. */
typedef struct hrr_upr_rec {
    long id;              /* upr_recommendations.id */
    long session;         /* UPR session */
    char sur[4];          /* the state under review (ISO3) */
    char by[4];           /* the recommending state, "" when unknown */
    char *response;       /* supported, noted; NULL: not recorded */
    long action;          /* action category 1..5, -1: not recorded */
    char *issues;         /* UPR Info's themes, comma-separated; NULL: none */
    char *text;           /* the recommendation */
} hrr_upr_rec_t;

typedef struct hrr_upr_list {
    hrr_upr_rec_t *recs;  /* by session, state under review, id */
    size_t n;             /* number of rows */
    long total;           /* rows matching without the limit */
} hrr_upr_list_t;

/* Find the recommendations matching FILTER (NULL: all). An unknown state
 * is HRR_ENOTFOUND; a response other than supported/noted, an action
 * outside 1..5 or a negative session or limit is HRR_EINVAL. Free *OUT
 * with hrr_upr_list_free. */
hrr_err_t hrr_upr_find(hrr_store_t *st, const hrr_upr_filter_t *filter, hrr_upr_list_t **out);
void hrr_upr_list_free(hrr_upr_list_t *list);

/* Counts of one session, one recommending state or one action category. */
typedef struct hrr_upr_count {
    long session;         /* by session: the session, else 0 */
    char by[4];           /* by state: the recommending state ("": unknown) */
    char *name;           /* ... its name (NULL: unknown) */
    long action;          /* by action: the category 1..5 (-1: none) */
    long n;               /* recommendations */
    long supported, noted;/* ... by response */
} hrr_upr_count_t;

typedef struct hrr_upr_summary {
    hrr_upr_count_t all;                              /* every match */
    hrr_upr_count_t *sessions; size_t nsessions;      /* by session */
    hrr_upr_count_t *states; size_t nstates;          /* by recommending
                                                         state, most first */
    hrr_upr_count_t *actions; size_t nactions;        /* by action category */
} hrr_upr_summary_t;

/* The counts of the recommendations matching FILTER (its limit ignored).
 * Errors as hrr_upr_find. Free *OUT with hrr_upr_summary_free. */
hrr_err_t hrr_upr_summarise(hrr_store_t *st, const hrr_upr_filter_t *filter,
                            hrr_upr_summary_t **out);
void hrr_upr_summary_free(hrr_upr_summary_t *s);

/* -------------------------------------------------------------- treaties */

/* Which treaty statuses hrr_treaties_find returns; NULL fields do not
 * filter. */
typedef struct hrr_treaty_filter {
    const char *state;      /* ISO3, any case */
    const char *instrument; /* instrument code (data/instruments.csv: cat,
                               iccpr, op_cedaw, ...), any case */
    const char *status;     /* party, signatory or none */
} hrr_treaty_filter_t;

/* One state's status under one instrument (ratifications table). */
typedef struct hrr_treaty_row {
    char iso3[4];           /* the state */
    char *state;            /* its name */
    char *instrument;       /* the instrument's code */
    char *name;             /* the instrument's name */
    char *status;           /* party, signatory, none */
    int year;               /* year of ratification or signature, 0: none */
    char *note;             /* the source's note, NULL: none */
} hrr_treaty_row_t;

typedef struct hrr_treaty_list {
    hrr_treaty_row_t *rows; /* by state, then instrument code */
    size_t n;               /* number of rows */
} hrr_treaty_list_t;

/* The statuses matching FILTER (NULL: all). An unknown state or
 * instrument is HRR_ENOTFOUND, a status other than the three HRR_EINVAL.
 * Free *OUT with hrr_treaty_list_free. */
hrr_err_t hrr_treaties_find(hrr_store_t *st, const hrr_treaty_filter_t *filter,
                            hrr_treaty_list_t **out);
void hrr_treaty_list_free(hrr_treaty_list_t *list);

/* ------------------------------------------------------------------- SQL */

struct sqlite3_stmt;

/* Prepare SQL, which must be exactly one statement that does not write
 * (sqlite3_stmt_readonly), for the caller to step through with SQLite's
 * API and finalize with sqlite3_finalize. A statement that would write,
 * more than one statement, or SQL that does not compile is HRR_EINVAL
 * with a message; the store is never changed. */
hrr_err_t hrr_sql_prepare(hrr_store_t *st, const char *sql,
                          struct sqlite3_stmt **out);

#ifdef __cplusplus
}
#endif
#endif /* HRR_RECORDS_H */
