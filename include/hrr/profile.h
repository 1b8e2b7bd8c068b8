/*
 * hrr/profile.h - a state's record across the regime on one page (its
 * groups, votes in each body, agreement with the groups, ideal-point path,
 * the country texts that targeted it, treaties, UPR, casebook), and two
 * states compared (agreement by year and by subject, the votes where they
 * differed most). Both read only what the store (and the project's
 * casebook) holds. Include after hrr.h or alone.
 *
 * Ownership: hrr_profile_get and hrr_compare_get allocate their result,
 * freed with hrr_profile_free / hrr_compare_free (each accepts NULL);
 * every string inside belongs to it. On error *OUT is NULL and
 * hrr_store_errmsg() says why.
 *
 * Agreement with a group's majority, for one item: the group's majority is
 * the ballot (yes, no or abstain) cast by more of the group's OTHER members
 * (the state itself left out, members on the item's date by the
 * memberships table) than any other ballot; a tie is no majority. The item
 * counts when the state voted yes, no or abstain and the group has a
 * majority on it; the agreement is the share of counted items on which the
 * state's ballot equals the majority's. Absences never count.
 */
#ifndef HRR_PROFILE_H
#define HRR_PROFILE_H

#include "hrr.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The groups agreement is measured against, in this order. */
#define HRR_PROFILE_GROUPS "AFRICAN", "ASIA_PACIFIC", "EEG", "GRULAC", "WEOG", "EU", "LMG", "OIC"
#define HRR_PROFILE_NGROUPS 8

typedef struct hrr_profile_opts {
    const char *body;  /* only this body (CHR, HRC or GA); NULL: all three */
    int no_ideal;      /* 1: leave out the ideal-point path */
} hrr_profile_opts_t;

/* One membership of a group or organisation (memberships table). */
typedef struct hrr_profile_member {
    char *org;         /* AFRICAN, EU, OIC, LMG, ... */
    char *start;       /* first day, NULL: not recorded (as long as known) */
    char *end;         /* day it ended, NULL: still a member */
    char *source;      /* the source the store gives */
} hrr_profile_member_t;

/* The state's ballots in one body. */
typedef struct hrr_profile_record {
    char body[8];      /* CHR, HRC, GA */
    long items;        /* items it has a member's ballot on (yes..absent) */
    long yes, no, abstain, absent; /* ballots by kind */
    char *first, *last;/* dates of its first and last yes/no/abstain;
                          NULL when it cast none */
} hrr_profile_record_t;

/* Agreement with one group's majority in one body and year. */
typedef struct hrr_profile_agree {
    char body[8];      /* the body */
    int year;          /* the year */
    char group[16];    /* the group (HRR_PROFILE_GROUPS) */
    long n;            /* items counted (see the header comment) */
    long same;         /* ... on which the state voted as the majority */
    double share;      /* same / n */
} hrr_profile_agree_t;

/* One year of the dynamic ideal-point path (hrr_ideal_dyn_run). */
typedef struct hrr_profile_ideal {
    char body[8];      /* the body it was fitted on */
    int year;          /* the year */
    double x;          /* ideal point (USA positive) */
    double sd;         /* posterior sd */
    double lo, hi;     /* x -/+ 1.96 sd */
    long n;            /* its yes/no votes that year (0: bridged) */
} hrr_profile_ideal_t;

/* A country text (any item whose target is the state). */
typedef struct hrr_profile_text {
    char *body, *symbol, *date, *kind, *title, *outcome; /* NULL: not recorded */
    long yes, no, abstain; /* official tally, -1: not recorded */
    int vote;          /* the state's own ballot (hrr_vote_t), 0: none */
} hrr_profile_text_t;

/* One instrument's status (ratifications table). */
typedef struct hrr_profile_treaty {
    char *instrument;  /* code: cat, iccpr, ... */
    char *name;        /* its name */
    char *status;      /* party, signatory, none */
    int year;          /* year of ratification or signature, 0: none */
} hrr_profile_treaty_t;

/* UPR recommendations of one session; responses compared ignoring case. */
typedef struct hrr_profile_upr {
    long session;      /* UPR session */
    long received, rec_supported, rec_noted; /* made to the state */
    long given, giv_supported, giv_noted;    /* made by the state */
} hrr_profile_upr_t;

/* One fact of its engagement with the machinery (engagement table, seeded
 * from data/engagement.csv): a visit, a request, a review. */
typedef struct hrr_profile_engagement {
    char *kind;        /* hc-visit, sp-visit, tb-review, ohchr-report, ... */
    char *mechanism;   /* the mandate, office or treaty body */
    char *date;        /* YYYY, YYYY-MM or YYYY-MM-DD */
    char *status;      /* done, pending, refused, published, ...; NULL */
    char *note;        /* NULL: none */
    char *source;      /* its UN document or press record */
} hrr_profile_engagement_t;

typedef struct hrr_profile {
    char iso3[4];      /* the state */
    char *name;        /* its name */
    char *un_group;    /* its UN regional group, NULL: none */
    char *start, *end; /* its dates as a UN actor, NULL: open */
    hrr_profile_member_t *members; size_t nmembers;   /* by org, start */
    hrr_profile_record_t *records; size_t nrecords;   /* one per body */
    hrr_profile_agree_t *agree; size_t nagree;        /* by body, year, group */
    hrr_profile_ideal_t *ideal; size_t nideal;        /* by body, year */
    char *ideal_note;  /* which bodies the path was fitted on, and why */
    hrr_profile_text_t *texts; size_t ntexts;         /* by date */
    hrr_profile_treaty_t *treaties; size_t ntreaties; /* by instrument code */
    hrr_profile_upr_t *upr; size_t nupr;              /* by session */
    hrr_case_t *cases; size_t ncases; /* casebook entries naming it: target,
                                         or its name (a whole word) in
                                         moved_by or note */
    void *casebook_;   /* internal: owns the cases' strings */
    hrr_profile_engagement_t *engagement; size_t nengagement; /* by date */
    size_t nterms;     /* memberships of org HRC or CHR (Council and
                          Commission terms), counted among members */
} hrr_profile_t;

/* The profile of ISO3 (a canonical ISO3 or project code). OPTS may be NULL.
 * The ideal-point path is fitted on HRC and CHR (about 0.1 s each); on GA
 * only when opts->body is "GA" (a few seconds). HRR_ENOTFOUND for a state
 * the store does not know. Free *OUT with hrr_profile_free. */
hrr_err_t hrr_profile_get(hrr_store_t *st, const char *iso3, const hrr_profile_opts_t *opts,
                          hrr_profile_t **out);
void hrr_profile_free(hrr_profile_t *p);

/* ------------------------------------------------------------ compare */

/* Agreement of the two over one year, or one subject. */
typedef struct hrr_compare_row {
    int year;          /* the year (by_year), else 0 */
    char *subject;     /* the subject (by_subject), else NULL */
    long n;            /* items both voted yes, no or abstain on */
    long same;         /* ... with the same vote */
    long opposed;      /* ... one yes, the other no */
    double agree;      /* same / n */
    double agree_half; /* a yes or no against an abstention as half
                          (Lijphart's index, as hrr_agree_run) */
} hrr_compare_row_t;

/* One item on which they voted differently. */
typedef struct hrr_compare_diff {
    char *symbol, *date, *title, *subject; /* NULL: not recorded */
    int va, vb;        /* A's and B's ballot (hrr_vote_t) */
    int opposed;       /* 1: yes against no; 0: yes or no against abstain */
} hrr_compare_diff_t;

typedef struct hrr_compare {
    char a[4], b[4];   /* the two states */
    char *name_a, *name_b;
    char body[8];      /* the body */
    int from, to;      /* the years (0: open) */
    hrr_compare_row_t all;          /* the whole period (year 0) */
    hrr_compare_row_t *years; size_t nyears;       /* by year */
    hrr_compare_row_t *subjects; size_t nsubjects; /* by n, most first */
    hrr_compare_diff_t *diffs; size_t ndiffs;      /* yes against no first,
                                                      then against abstain;
                                                      each most recent first */
} hrr_compare_t;

/* A and B compared over SCOPE (body required). Subject: for the Council
 * and the Commission, the item's OHCHR agenda subject (items.subject) up to
 * its first " - " ("HUMAN RIGHTS - ETHIOPIA": "HUMAN RIGHTS"), "(none)"
 * where it has none; for the Assembly, the unvotes issue codes
 * (item_issues: an item counts under each of its codes). At most LIMIT
 * differing votes (0: 20). HRR_ENOTFOUND for an unknown state or body.
 * Free *OUT with hrr_compare_free. */
hrr_err_t hrr_compare_get(hrr_store_t *st, const char *a, const char *b,
                          const hrr_scope_opts_t *scope, long limit, hrr_compare_t **out);
void hrr_compare_free(hrr_compare_t *c);

#ifdef __cplusplus
}
#endif
#endif /* HRR_PROFILE_H */
