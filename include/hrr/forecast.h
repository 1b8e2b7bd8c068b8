/*
 * hrr/forecast.h - forecasts of votes before they happen: each member's
 * ballot (yes, no, abstain, absent) on a draft, from what was on record
 * before the vote's date only; the outcome by Monte Carlo under the body's
 * rules (a no-action motion first when one is expected); the swing states;
 * and a rolling-origin backtest with baselines. Included by hrr.h.
 * Methods: docs/forecast.md.
 */
#ifndef HRR_FORECAST_H
#define HRR_FORECAST_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A body's history, loaded once (items in date order, every member's
 * ballot, rosters, title lineages) and queried for many forecasts. */
typedef struct hrr_fc hrr_fc_t;

/* Load BODY's history from the store. Fails with HRR_ENOTFOUND when the body
 * has no recorded votes. Free with hrr_fc_close. */
hrr_err_t hrr_fc_open(hrr_store_t *st, const char *body, hrr_fc_t **out);
void hrr_fc_close(hrr_fc_t *fc);

/* The ballot classes predicted, in this order. */
enum { HRR_FC_YES = 0, HRR_FC_NO = 1, HRR_FC_ABSTAIN = 2, HRR_FC_ABSENT = 3, HRR_FC_NCLASS = 4 };

/* What is known of a draft before its vote. */
typedef struct hrr_fc_draft {
    const char *symbol;     /* a label for the output (may be NULL) */
    const char *date;       /* the vote's date, YYYY-MM-DD: nothing recorded on
                               or after it is used */
    const char *like;       /* an earlier item (symbol or key) this draft
                               repeats, or NULL: found from the title */
    const char *title;      /* the draft's title (NULL: the LIKE item's) */
    const char *target;     /* ISO3 of the state it is about, or NULL (from
                               the LIKE item or the title) */
    const char *sponsors;   /* the sponsors, separated by ';': ISO3 codes or
                               the names the UN writes ("United Kingdom of
                               Great Britain and Northern Ireland", "Algeria
                               (on behalf of the Group of Arab States)": the
                               state, with the group's members where the
                               store knows the group); ISO3 codes may also be
                               separated by ',' (NULL: none known) */
    const char *kind;       /* "resolution", "decision", "amendment" or
                               "motion"; NULL: inferred from the symbol and
                               title (": amendment /", "Amendment ... to draft
                               resolution ...", "no-action motion") */
    const char *amends;     /* for an amendment: the text it changes, by
                               symbol (a vote on record, or a draft of the
                               same batch) or by title; NULL: from the title
                               or the symbol named in it */
    const char *members;    /* ISO3 codes separated by ',' or ';' (NULL: the
                               body's membership on DATE) */
    int no_action;          /* 1: a no-action motion is expected; 0: none;
                               -1: expected when an earlier version met one */
} hrr_fc_draft_t;

/* The default sd of the common shock (see hrr_fc_simulate), chosen on the
 * Council's backtest 2016-2024 (docs/forecast.md). */
#define HRR_FC_SHOCK 0.5

/* Monte Carlo settings. */
typedef struct hrr_fc_opts {
    long runs;              /* simulated votes (0: 10,000) */
    unsigned long seed;     /* seed of the counter-based streams */
    const char *rules;      /* rule set (NULL: the body's) */
    double shock;           /* sd of the common shock of the Monte Carlo
                               (hrr_fc_simulate; < 0: none; 0: the default,
                               HRR_FC_SHOCK) */
    const char *cutoff;     /* learn only from what was recorded before this
                               date (NULL: the draft's date; a later date
                               than the draft's is taken as the draft's) */
    const char *explain;    /* ISO3 of a member whose probabilities are to
                               be explained (hrr_fc_result_t.explain), or
                               NULL */
} hrr_fc_opts_t;

/* One feature's part in a member's forecast: its value and what it added
 * to the log odds of no, abstain and absent against yes. */
typedef struct hrr_fc_explain {
    int feature;            /* enum index: hrr_fc_feature_name(feature) */
    double value;           /* its value for the member on this draft */
    double contrib[3];      /* weight x value: no, abstain, absent vs yes */
} hrr_fc_explain_t;

/* A sponsor as the forecast read it. */
typedef struct hrr_fc_sponsor {
    char state[4];          /* ISO3 ("" for a group's own row) */
    char written[160];      /* as given */
    char note[160];         /* "on behalf of ...", "member of EU, sponsoring
                               through ..." or "" */
} hrr_fc_sponsor_t;

#define HRR_FC_NWARN 6      /* warnings a forecast may carry */

/* One member's forecast. */
typedef struct hrr_fc_ballot {
    char state[4];          /* ISO3 */
    double p[HRR_FC_NCLASS];/* probabilities of yes, no, abstain, absent */
    double decisive;        /* share of runs in which its ballot, turned to the
                               other side, changes the outcome */
    double swing;           /* decisive x (1 - its likeliest ballot's
                               probability): could go either way and matters */
} hrr_fc_ballot_t;

/* A forecast. */
typedef struct hrr_fc_result {
    char symbol[64];        /* the draft's label */
    char date[11];          /* its date */
    char like[64];          /* the earlier version it was read against ("" if
                               none was found) */
    char target[4];         /* the target state ("" if thematic) */
    hrr_fc_ballot_t *b;     /* the members, by ISO3 */
    size_t n;               /* how many */
    double expect[HRR_FC_NCLASS]; /* expected yes, no, abstain, absent */
    double p_adopted;       /* probability the draft is adopted */
    double p_no_action;     /* probability a no-action motion carries (NaN
                               when none is expected) */
    long runs;              /* Monte Carlo runs */
    int members_guessed;    /* 1: the members on the date are not known from
                               the body's terms in the store (no term covers
                               the date, or it lies in a year after the last
                               recorded vote) and are a guess: taken from a
                               recorded vote, or an incomplete roster; 0: from
                               the terms, or given (draft->members) */
    char members_note[320]; /* why they were guessed and where they were
                               taken from, one sentence ("" when not) */
    char kind[16];          /* the draft's kind: resolution, decision,
                               amendment, motion */
    char kind_note[200];    /* how the kind was inferred ("" when given) */
    char like_date[16];     /* the date of the text read against ("") */
    char like_target[4];    /* its target state ("" thematic or none) */
    char like_title[160];   /* its title ("") */
    char base[64];          /* an amendment: the vote of the text it amends
                               that its ballots were read against ("") */
    char base_date[16];     /* that vote's date */
    hrr_fc_sponsor_t *sponsors; /* the sponsors as read */
    size_t nsponsors;
    char warn[HRR_FC_NWARN][320]; /* warnings, one sentence each: the text
                               read against targets another state or is
                               older than six years; no earlier version was
                               found; the members were guessed */
    int nwarn;
    char explain_state[4];  /* opts->explain, "" when not asked */
    double explain_p[HRR_FC_NCLASS]; /* that member's probabilities */
    hrr_fc_explain_t *explain; /* the features that moved them, the largest
                               first (|contribution| over the three log odds),
                               features of value 0 left out */
    size_t nexplain;
} hrr_fc_result_t;

/* Forecast DRAFT. Errors (unknown state, bad date, unknown LIKE item, no
 * members) are HRR_EINVAL/HRR_ENOTFOUND with the message in the store. Free
 * *OUT with hrr_fc_result_free. */
hrr_err_t hrr_fc_forecast(hrr_fc_t *fc, const hrr_fc_draft_t *draft, const hrr_fc_opts_t *opts,
                          hrr_fc_result_t **out);
void hrr_fc_result_free(hrr_fc_result_t *r);

/* A batch of drafts read from a CSV file with the header columns symbol,
 * date, title and optionally target, members (ISO3 codes separated by ';'),
 * sponsors (ISO3 codes or UN names separated by ';'), like, no_action (0/1),
 * kind, amends, in any order. Errors name the file, line
 * and field (HRR_EDATA, HRR_EIO), left in CTX (hrr_errmsg; may be NULL). */
typedef struct hrr_fc_batch {
    hrr_fc_draft_t *d;      /* the drafts, in file order */
    size_t n;               /* how many */
    char *buf;              /* the file (the drafts point into it) */
    char **strs;            /* strings owned by the batch */
    size_t nstrs;
} hrr_fc_batch_t;

hrr_err_t hrr_fc_batch_load(const char *path, hrr_fc_batch_t **out, hrr_ctx_t *ctx);
void hrr_fc_batch_free(hrr_fc_batch_t *b);

/* The model's features of a (member, draft) pair, 0 .. hrr_fc_feature_count()
 * - 1, in the order of its weights: each one's short stable name ("same_yes",
 * "split", ...) and a line saying what it is (docs/forecast.md). Static
 * strings; NULL for F out of range. */
int hrr_fc_feature_count(void);
const char *hrr_fc_feature_name(int f);
const char *hrr_fc_feature_about(int f);

/* ------------------------------------------------------------ backtest */

/* Figures of one predictor over the ballots of a backtest. */
typedef struct hrr_fc_score {
    const char *name;       /* "model", "always-yes", "last-ballot",
                               "group-majority" (static) */
    long ballots;           /* members' ballots scored */
    double accuracy;        /* share predicted right (the likeliest class) */
    double macro_f1;        /* mean F1 over yes, no and abstain */
    double brier;           /* mean over ballots of sum_k (p_k - y_k)^2 */
    double log_loss;        /* mean -log p(observed), p floored at 1e-6 */
    long items;             /* drafts scored for their outcome */
    double outcome_accuracy;/* share of outcomes called right (p >= 0.5) */
    double outcome_brier;   /* mean (P(adopted) - adopted)^2 */
    double ece;             /* expected calibration error over the 10 bins of
                               the reliability table (all classes pooled) */
} hrr_fc_score_t;

/* A reliability bin: predicted probabilities in [lo, hi). */
typedef struct hrr_fc_bin {
    double lo, hi;          /* the bin */
    long n;                 /* (ballot, class) pairs in it */
    double predicted;       /* their mean predicted probability */
    double observed;        /* the share that happened */
} hrr_fc_bin_t;

/* Where the model fails: accuracy by state or by subject. */
typedef struct hrr_fc_fail {
    char what[128];         /* ISO3, or "country:ISO3" / "thematic" */
    long n;                 /* ballots */
    double accuracy;        /* share right */
    long items;             /* votes (kinds only) */
    double outcome_accuracy;/* share of their outcomes called right (kinds) */
} hrr_fc_fail_t;

typedef struct hrr_fc_backtest {
    hrr_fc_score_t score[4];/* model and the three baselines */
    hrr_fc_bin_t bins[10];  /* the model's reliability table */
    long sessions;          /* sessions forecast (one training each) */
    hrr_fc_fail_t *states;  /* the model's accuracy by state, worst first */
    size_t nstates;
    hrr_fc_fail_t *subjects;/* by subject, worst first */
    size_t nsubjects;
    long confusion[4][4];   /* the model's ballots: [recorded][predicted] */
    hrr_fc_fail_t *kinds;   /* by kind of vote (resolutions, decisions,
                               amendments, motions, other, the kinds with
                               ballots only, in that order), then by target:
                               "country" and "thematic" */
    size_t nkinds;
} hrr_fc_backtest_t;

/* Rolling-origin evaluation: for each session of the body whose first vote
 * falls in FROM..TO, train on everything before the session's first vote and
 * forecast each of its recorded votes (resolutions, decisions and
 * amendments), with the recorded members. OPTS as for a forecast (runs for
 * the outcome). Free *OUT with hrr_fc_backtest_free. */
hrr_err_t hrr_fc_backtest(hrr_fc_t *fc, int from, int to, const hrr_fc_opts_t *opts,
                          hrr_fc_backtest_t **out);
void hrr_fc_backtest_free(hrr_fc_backtest_t *b);

/* ------------------------------------------------------------ Monte Carlo */

/* NRUNS simulated votes of N members, each casting yes, no, abstain or
 * absent with the probabilities in row i of P (N x 4). ADOPT[no * (N+1) +
 * abstain] is the least number of yes votes that adopts the draft given the
 * others (N+1: none does); MOTION (NULL: no motion) the same for a
 * no-action motion moved first, on which each member votes the other way
 * from its ballot on the draft (yes on the draft: no on the motion). Returns
 * the runs in which the draft was adopted; *MOTION_CARRIED (may be NULL) the
 * runs in which the motion carried; DECISIVE (N, may be NULL) for each
 * member, the runs in which its ballot turned to the other side (yes <-> no;
 * abstain or absent -> yes or no) changes whether the draft is adopted.
 * SHOCK > 0 makes the ballots move together: each run draws a common shift
 * z of the yes-against-no log odds of every member (z ~ N(0, SHOCK^2),
 * taken at the midpoints of eight equal-probability slices), so close votes
 * are as uncertain as blocs make them; 0: independent ballots.
 * Runs go in blocks of 4,096, block b drawing from stream b of SEED, in
 * parallel: the same SEED gives the same counts on any number of threads. */
long hrr_fc_simulate(const double *p, size_t n, const short *adopt, const short *motion,
                     double shock, long nruns, unsigned long seed, long *motion_carried,
                     long *decisive, hrr_ctx_t *ctx);

/* Fill ADOPT ((N+1)^2 entries, as above) from rule set RULES for a body of
 * N members, the item's scope (HRR_SCOPE_*), MOTION (HRR_MOTION_*) and year.
 * Relies on more yes votes never hurting a proposal. */
hrr_err_t hrr_fc_thresholds(const hrr_rules_t *rules, long n, int scope, int motion, int year,
                            short *adopt);

#ifdef __cplusplus
}
#endif
#endif
