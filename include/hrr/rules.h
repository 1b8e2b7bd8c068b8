/*
 * hrr/rules.h - rules of procedure as data (rules/NAME.json, each fact with its
 * public source) and the engine that decides an item under them: tabling
 * support, quorum, no-action motions before the drafts they target, and the
 * adoption threshold, in exact integer arithmetic. Included by hrr.h.
 */
#ifndef HRR_RULES_H
#define HRR_RULES_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A loaded rule set. */
typedef struct hrr_rules hrr_rules_t;

/* The names of the built-in rule sets, NULL-terminated (static). */
const char *const *hrr_rules_names(void);

/* Load a rule set by name ("hrc") or from a JSON file (a path with '/' or
 * ending ".json"). On error returns HRR_ENOTFOUND (unknown name), HRR_EIO or
 * HRR_EDATA and leaves a message naming the file, line and key in CTX
 * (hrr_errmsg; CTX may be NULL, then no message is kept; a store's context,
 * hrr_store_ctx, will do). *OUT is freed with hrr_rules_free. */
hrr_err_t hrr_rules_load(const char *name, hrr_rules_t **out, hrr_ctx_t *ctx);

void hrr_rules_free(hrr_rules_t *r);

/* The set's name, body code and one-line title (owned by the set). */
const char *hrr_rules_name(const hrr_rules_t *r);
const char *hrr_rules_body(const hrr_rules_t *r);
const char *hrr_rules_title(const hrr_rules_t *r);

/* The rules in words, one fact per line with its source; NUL-terminated,
 * allocated: free with free(). NULL when out of memory. */
char *hrr_rules_describe(const hrr_rules_t *r);

/* The parsed rule set as JSON text (allocated: free with free()). */
char *hrr_rules_json(const hrr_rules_t *r);

/* The number of members of the body in YEAR (0: the latest). */
long hrr_rules_members(const hrr_rules_t *r, int year);

typedef enum hrr_item_scope {
    HRR_SCOPE_UNKNOWN = 0,  /* not said: ordinary rules */
    HRR_SCOPE_COUNTRY = 1,  /* a resolution on one country's situation */
    HRR_SCOPE_THEMATIC = 2  /* any other */
} hrr_item_scope_t;

typedef enum hrr_motion {
    HRR_MOTION_NONE = 0,     /* the vote is on a proposal itself */
    HRR_MOTION_NO_ACTION = 1 /* the vote is on a motion that no action be
                                taken on a proposal (or to adjourn its debate) */
} hrr_motion_t;

/* A vote to decide. Counts < 0 mean "not known". */
typedef struct hrr_vote_in {
    long yes, no, abstain;  /* the tally */
    long absent;            /* members present but not voting (-1: unknown) */
    long members;           /* members of the body (-1: the rule set's) */
    long supporters;        /* members supporting the tabling (-1: unknown) */
    hrr_item_scope_t scope; /* country or thematic */
    hrr_motion_t motion;    /* what is being voted on */
    int important;          /* 1: an important question (GA Art. 18(2)) */
    int year;               /* the year, for membership by era (0: latest) */
} hrr_vote_in_t;

typedef enum hrr_outcome {
    HRR_ADOPTED = 0,     /* carried (a no-action motion carried: the draft
                            it targets is not voted on) */
    HRR_REJECTED = 1,    /* failed */
    HRR_NOT_TABLED = 2,  /* short of the support needed to table it */
    HRR_NO_DECISION = 3  /* no valid decision: no quorum, or a motion out
                            of order */
} hrr_outcome_t;

/* The decision and why. */
typedef struct hrr_decision {
    hrr_outcome_t outcome;  /* what happened */
    long threshold;         /* votes (or supporters, or members present)
                               needed, given the others as cast */
    long margin;            /* votes to spare (>= 0) or short (< 0) */
    const char *rule;       /* which rule decided: "adopt", "adopt_country",
                               "table_country", "quorum", "no_action",
                               "consensus" (static) */
    const char *source;     /* its public source (owned by the rule set) */
    char reason[512];       /* in words */
} hrr_decision_t;

/* "adopted", "rejected", "not-tabled", "no-decision" (static). */
const char *hrr_outcome_name(hrr_outcome_t o);

/* Decide IN under R. Returns HRR_EINVAL (with the reason in OUT->reason)
 * for impossible input, e.g. more votes than members. */
hrr_err_t hrr_rules_decide(const hrr_rules_t *r, const hrr_vote_in_t *in, hrr_decision_t *out);

/* A draft with what is voted on before it, in the order the rules put them:
 * a no-action motion (or adjournment of debate) on the draft first; if it
 * carries, nothing else is voted on (every amendment and the draft are
 * HRR_NO_DECISION). Otherwise each amendment in turn, then the draft.
 * MOTION may be NULL (no motion moved); AMEND may be NULL when NAMEND is 0.
 * OUT_AMEND has room for NAMEND decisions. */
hrr_err_t hrr_rules_decide_draft(const hrr_rules_t *r, const hrr_vote_in_t *motion,
                                 const hrr_vote_in_t *amend, size_t namend,
                                 const hrr_vote_in_t *draft, hrr_decision_t *out_motion,
                                 hrr_decision_t *out_amend, hrr_decision_t *out_draft);

#ifdef __cplusplus
}
#endif
#endif
