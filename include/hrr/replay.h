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

/* ------------------------------------------------------------ casebook */

/* One turning point of the regime (data/casebook.csv), with its source. */
typedef struct hrr_case {
    char *id;        /* "chr-1990-china" */
    char *date;      /* ISO date, or a year */
    char *body;      /* CHR, HRC, GA */
    char *symbol;    /* UN document symbol; "" where none is recorded */
    char *kind;      /* no-action, draft, resolution, none, composition */
    char *target;    /* ISO3 of the state concerned; "" */
    char *moved_by;  /* who moved or tabled it; "" */
    long yes, no, abstain; /* the tally; -1 where none */
    char *outcome;   /* as recorded: adopted, rejected; "" */
    char *note;      /* what happened */
    char *source;    /* the public source */
} hrr_case_t;

typedef struct hrr_casebook {
    hrr_case_t *a;   /* the cases, by date */
    size_t n;        /* how many */
} hrr_casebook_t;

/* The project's casebook. *OUT freed with hrr_casebook_free. */
hrr_err_t hrr_casebook_load(hrr_casebook_t **out, hrr_ctx_t *ctx);
void hrr_casebook_free(hrr_casebook_t *c);

/* Take each case's date, tally (the official one, else the ballots
 * counted) and outcome from ST's item where the store has one (same body
 * and symbol; of several, the one dated in the case's year), so the
 * casebook and the store cannot disagree. Cases without an item keep the
 * casebook's own figures. */
hrr_err_t hrr_casebook_from_store(hrr_store_t *st, hrr_casebook_t *cb);

/* Decide case C (with a tally) under R: a no-action motion as a motion,
 * anything with a target as a country text. HRR_ENOTFOUND: no tally. */
hrr_err_t hrr_case_decide(const hrr_rules_t *r, const hrr_case_t *c, hrr_decision_t *out);

#ifdef __cplusplus
}
#endif
#endif
