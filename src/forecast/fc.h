/*
 * fc.h - the forecast layer's internals: a body's history in memory (items
 * in date order, every member's ballot, rosters, title lineages), the
 * features of a (member, draft) pair computed from what was recorded before
 * a cutoff, and the multinomial logit that maps them to ballot
 * probabilities. Internal to src/forecast/.
 */
#ifndef HRR_FC_H
#define HRR_FC_H

#include "store/store.h"

/* An item of the body. */
typedef struct fc_item {
    long id;            /* items.id */
    int date;           /* yyyymmdd */
    char *symbol;       /* symbol, or the key when there is none */
    char *session;      /* session ("" if none) */
    char *title;        /* title ("" if none) */
    char *subject;      /* "country:ISO3" or "thematic" */
    int kind;           /* FC_RES, FC_DEC, FC_AMEND, FC_MOTION, FC_OTHER */
    int target;         /* state index, -1 if none */
    int lineage;        /* id of its normalised title (with the kind class) */
    int lprev;          /* the previous item of the same lineage, -1 */
    int blin;           /* an amendment's base text's lineage, -1 */
    int *tok;           /* title tokens (sorted ids), for similarity */
    int ntok;           /* how many */
    int adopted;        /* 1 adopted, 0 not, -1 not recorded */
    int *sponsor;       /* sponsoring states (indices) */
    int nsponsor;       /* how many */
} fc_item_t;

enum { FC_RES, FC_DEC, FC_AMEND, FC_MOTION, FC_OTHER };

/* The features of a (member, draft) pair, in the order of the model's
 * weights (fc_model_t.w). Each is named and explained once, in
 * hrr_i_fc_features' table in model.c (hrr_fc_feature_name, _about); the
 * runs of three or four (yes, no, abstain[, absent]) are indexed by ballot
 * code, so their order is fixed by the asserts after the enum. */
enum hrr_fc_feature {
    HRR_FC_F_CONST,            /* the intercept */
    HRR_FC_F_SAME_YES,         /* last ballot on the same text: yes */
    HRR_FC_F_SAME_NO,          /* ... no */
    HRR_FC_F_SAME_ABSTAIN,     /* ... abstain */
    HRR_FC_F_SAME_ABSENT,      /* ... absent */
    HRR_FC_F_HAS_PREV,         /* an earlier version was found */
    HRR_FC_F_GROUP_YES,        /* its regional group's majority there: yes */
    HRR_FC_F_GROUP_NO,         /* ... no */
    HRR_FC_F_GROUP_ABSTAIN,    /* ... abstain */
    HRR_FC_F_SPLIT,            /* a + b x on the earlier version's probit */
    HRR_FC_F_HAS_SPLIT,        /* that was estimated */
    HRR_FC_F_ABSENT_YEAR,      /* share absent, the year before */
    HRR_FC_F_YES_YEAR,         /* share yes, the year before */
    HRR_FC_F_TARGET,           /* it is the target state */
    HRR_FC_F_TARGET_GROUP,     /* in the target's regional group */
    HRR_FC_F_SPONSOR,          /* it sponsors the draft */
    HRR_FC_F_PREV_YES_SHARE,   /* the earlier version's share of yes */
    HRR_FC_F_AMEND,            /* the draft is an amendment */
    HRR_FC_F_X_AMEND,          /* ideal point, on an amendment */
    HRR_FC_F_X_TEXT,           /* ideal point, on another text */
    HRR_FC_F_X_SPONSORS,       /* ideal point x the sponsors' mean */
    HRR_FC_F_HAS_SPONSORS_X,   /* some sponsor has an ideal point */
    HRR_FC_F_KIND_YES,         /* share yes on texts of its kind, 2 years */
    HRR_FC_F_KIND_NO,          /* ... no */
    HRR_FC_F_KIND_ABSTAIN,     /* ... abstain */
    HRR_FC_F_BASE_YES,         /* last ballot on an amendment's base: yes */
    HRR_FC_F_BASE_NO,          /* ... no */
    HRR_FC_F_BASE_ABSTAIN,     /* ... abstain */
    HRR_FC_F_TARGET_SPONSORS,  /* the target sponsors the draft */
    HRR_FC_F_RELATED_YES,      /* ballot on a related text: yes */
    HRR_FC_F_RELATED_NO,       /* ... no */
    HRR_FC_F_RELATED_ABSTAIN,  /* ... abstain */
    HRR_FC_F_SPONSOR_AFFINITY, /* mean agreement with the sponsors - 0.5 */
    HRR_FC_F_SAME_SP_YES,      /* share yes on the sponsors' earlier texts */
    HRR_FC_F_SAME_SP_NO,       /* ... no */
    HRR_FC_F_SAME_SP_ABSTAIN,  /* ... abstain */
    HRR_FC_F_HAS_SAME_SP,      /* the sponsors have earlier texts */
    HRR_FC_F_ABSENT_RECENT,    /* share absent, the last three months */
    HRR_FC_F_HAS_RECENT,       /* it voted in the last three months */
    HRR_FC_F_BLOC_YES,         /* its voting bloc's majority there: yes */
    HRR_FC_F_BLOC_NO,          /* ... no */
    HRR_FC_F_BLOC_ABSTAIN,     /* ... abstain */
    HRR_FC_F_ABSENT_LAST,      /* absent on the last vote it was a member for */
    HRR_FC_F_ABSENT_LAST10,    /* share absent, the last ten */
    HRR_FC_NFEAT               /* how many */
};

/* runs indexed by ballot code (1 yes, 2 no, 3 abstain, 4 absent) */
#define FC_RUN3(a, b, c) (b == a + 1 && c == a + 2)
_Static_assert(FC_RUN3(HRR_FC_F_SAME_YES, HRR_FC_F_SAME_NO, HRR_FC_F_SAME_ABSTAIN) &&
               HRR_FC_F_SAME_ABSENT == HRR_FC_F_SAME_YES + 3, "same-text ballots");
_Static_assert(FC_RUN3(HRR_FC_F_GROUP_YES, HRR_FC_F_GROUP_NO, HRR_FC_F_GROUP_ABSTAIN), "group");
_Static_assert(FC_RUN3(HRR_FC_F_KIND_YES, HRR_FC_F_KIND_NO, HRR_FC_F_KIND_ABSTAIN), "kind");
_Static_assert(FC_RUN3(HRR_FC_F_BASE_YES, HRR_FC_F_BASE_NO, HRR_FC_F_BASE_ABSTAIN), "base");
_Static_assert(FC_RUN3(HRR_FC_F_RELATED_YES, HRR_FC_F_RELATED_NO, HRR_FC_F_RELATED_ABSTAIN), "related");
_Static_assert(FC_RUN3(HRR_FC_F_SAME_SP_YES, HRR_FC_F_SAME_SP_NO, HRR_FC_F_SAME_SP_ABSTAIN), "same sp");
_Static_assert(FC_RUN3(HRR_FC_F_BLOC_YES, HRR_FC_F_BLOC_NO, HRR_FC_F_BLOC_ABSTAIN), "bloc");
#undef FC_RUN3

#define FC_NFEAT HRR_FC_NFEAT  /* the short name used across src/forecast */
#define FC_NGROUP 5     /* regional groups */
#define FC_NBLOC 16     /* voting blocs at most */

/* A fitted model: ideal points and multinomial-logit weights, trained on
 * what was recorded before CUTOFF. */
typedef struct fc_model {
    int cutoff;         /* yyyymmdd; 0 = none fitted */
    double *x;          /* ideal point of each state where its path stands
                           at the cutoff (0 when unknown) */
    double *xpath;      /* ns x npath: the dynamic path, year y0 + t (NaN
                           off a state's years) */
    int y0, npath;      /* its first year and length */
    unsigned char *hasx;/* 1 when estimated */
    double w[3][FC_NFEAT]; /* weights of no, abstain, absent against yes */
    float *agree;       /* ns x ns share of identical votes (yes, no,
                           abstain) on the six years before, -1 if < 10 */
    long trained;       /* training rows */
    int warm;           /* 1: w holds a fit to start the next one from */
    int iters;          /* Newton steps of the last fit */
    int *bloc;          /* each state's voting bloc (Louvain communities of
                           the agreement graph, hrr_blocs_run, over the six
                           calendar years before the cutoff's), -1 none */
} fc_model_t;

struct hrr_fc {
    hrr_store_t *st;    /* the store it was loaded from */
    char body[8];       /* the body */
    char rules[32];     /* its rule set */
    size_t ns;          /* states */
    char (*iso3)[4];    /* their codes */
    long *sid;          /* their store ids */
    int *group;         /* regional group 0..4, -1 none */
    size_t ni;          /* items, by date */
    fc_item_t *it;      /* them */
    unsigned char *v;   /* ni x ns ballots: 0 not a member, 1 yes, 2 no,
                           3 abstain, 4 absent */
    int year_roster;    /* 1: absences are not recorded (the Assembly);
                           members of a year without a ballot were absent */
    char **vocab;       /* title token strings, by id */
    size_t nvocab, capvocab;
    int *hvocab;        /* hash of vocab: capvocab * 2 slots, id + 1 */
    char **lin;         /* lineage keys, by id */
    size_t nlin, caplin;
    int *hlin;          /* hash of lin */
    fc_model_t model;   /* the last model fitted */
    int *scratch;       /* ni ints for a draft's same-sponsor items */
    struct fc_term { int s, from, to; } *terms; /* the body's memberships
                           (org = body; to: the first day no longer
                           a member, 0 open) */
    size_t nterms;
    int un_terms;       /* 1: the terms are the UN's membership periods
                           (data/un_members.csv: the Assembly) */
    unsigned char *mroster; /* ns + 1 bytes: the roster from the terms;
                           [ns] 1 when the last roster came from them */
};

/* The features of state S on a draft described by D (the predecessor P,
 * -1 if none; target T, -1; sponsors flags SP (ns bytes or NULL); kind K),
 * using only items before index LIMIT (those dated before the cutoff). */
typedef struct fc_draft_ctx {
    int date;           /* yyyymmdd of the draft */
    int limit;          /* items [0, limit) may be read */
    int prev;           /* predecessor item, -1 if none */
    int target;         /* target state, -1 */
    int kind;           /* FC_* */
    int lineage;        /* the draft's lineage, -1 if new */
    const unsigned char *sp; /* sponsors (ns flags) or NULL */
    double pa, pb;      /* the predecessor's probit item parameters */
    int has_ab;         /* 1 when they were estimated */
    int gmaj[FC_NGROUP];/* each group's majority ballot on the predecessor
                           (1..3, 0 none) */
    double yes_share;   /* the predecessor's yes / (yes+no+abstain) */
    int bmaj[FC_NBLOC]; /* each bloc's majority ballot there (1..3, 0) */
    int same_text;      /* 1: the predecessor is an earlier version of the
                           same text (its lineage), whose chain is walked
                           back for each member's last ballot */
    double spx;         /* the sponsors' mean ideal point */
    int has_spx;        /* 1 when some sponsor has one */
    int blin;           /* an amendment's base text's lineage, -1 */
    int base;           /* its latest vote before the limit, -1 */
    int sp_target;      /* 1: the target state is among the sponsors */
    int *same_sp;       /* earlier items of the same kind class sharing a
                           sponsor with the draft (three years), or NULL */
    int nsame_sp;       /* how many */
} fc_draft_ctx_t;

int hrr_i_fc_date(const char *s);                /* yyyymmdd, 0 if invalid */
int hrr_i_fc_state_of_id(const hrr_fc_t *fc, long sid); /* state index of a store id, -1 */
int hrr_i_fc_state_of_iso3(const hrr_fc_t *fc, const char *iso3); /* ... of an ISO3 code (any case), -1 */
int hrr_i_fc_limit(const hrr_fc_t *fc, int date); /* first item on/after date */
int hrr_i_fc_find_prev(const hrr_fc_t *fc, int limit, int kind, int lineage, const int *tok,
                       int ntok, int target);
void hrr_i_fc_title_key(hrr_fc_t *fc, const char *title, int kind, int *lineage, int **tok,
                        int *ntok, int add);
hrr_err_t hrr_i_fc_draft_ctx(hrr_fc_t *fc, fc_draft_ctx_t *d);
void hrr_i_fc_features(const hrr_fc_t *fc, const fc_draft_ctx_t *d, int s, double *f);
hrr_err_t hrr_i_fc_train(hrr_fc_t *fc, int cutoff);
void hrr_i_fc_predict(const hrr_fc_t *fc, const double *f, double *p);
const unsigned char *hrr_i_fc_roster(const hrr_fc_t *fc, int date, int limit_only);
/* 1 when the last roster was guessed from who voted (the store has no
 * memberships of the body on that date), 0 when it came from them. */
int hrr_i_fc_roster_guessed(const hrr_fc_t *fc);

#endif
