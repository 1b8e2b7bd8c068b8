/*
 * hrr/replay.h - recorded history under another rule set: every recorded
 * vote in the store decided again, by its ballots where the store has them,
 * by its official tally where it has only that, under its own body's rules
 * and under the chosen ones; what flips, and by how much. Included by hrr.h.
 */
#ifndef HRR_REPLAY_H
#define HRR_REPLAY_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct hrr_replay_opts {
    const char *body;   /* CHR, HRC, GA, GA3; NULL: the rule set's body */
    int from, to;       /* years, inclusive (0: open) */
    int scope;          /* hrr_item_scope_t; 0: all */
    const char *target; /* ISO3 of the target state; NULL: any */
    int flips_only;     /* 1: keep only the items whose outcome changes */
} hrr_replay_opts_t;

/* One item decided twice. */
typedef struct hrr_replay_item {
    char *symbol;            /* symbol (or key) */
    char *date;              /* date */
    char *title;             /* title; NULL */
    char target[4];          /* ISO3 of its target, "" if thematic */
    int scope;               /* hrr_item_scope_t */
    long yes, no, abstain;   /* the tally used */
    int from_ballots;        /* 1: counted from ballots; 0: official tally */
    hrr_decision_t own;      /* under the body's own rules */
    hrr_decision_t other;    /* under the chosen rules */
} hrr_replay_item_t;

typedef struct hrr_replay {
    hrr_replay_item_t *a;    /* the items, by date */
    size_t n;                /* how many listed */
    long decided;            /* items decided */
    long flipped;            /* whose outcome differs */
    char own_rules[32];      /* the body's own rule set's name */
    hrr_rules_t *own;        /* that rule set (owned; own.source points in it) */
} hrr_replay_t;

/* Replay under RULES. *OUT freed with hrr_replay_free. */
hrr_err_t hrr_replay_run(hrr_store_t *st, const hrr_rules_t *rules,
                         const hrr_replay_opts_t *opts, hrr_replay_t **out);

void hrr_replay_free(hrr_replay_t *r);

#ifdef __cplusplus
}
#endif
#endif
