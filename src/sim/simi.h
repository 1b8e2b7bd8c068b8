/*
 * simi.h - the simulation's internals, shared by the files of src/sim/:
 * the prepared model (hrr_sim_t: states, the pool of drafts, the threshold
 * tables, the recorded quantities) that every run reads and none writes.
 */
#ifndef HRR_SIMI_H
#define HRR_SIMI_H

#include "core/rng.h"
#include "forecast/fc.h"
#include "hrr.h"

#define SIM_NGROUP 5   /* regional groups, in fc's order */
#define SIM_SESSIONS 3 /* regular sessions a year */

/* A draft that may come before the Council: a recorded one (YEAR set, its
 * session) or a lineage of the generating pool (YEAR -1, RATE per session). */
typedef struct sim_entry {
    int year;           /* recorded year, -1 in the generating pool */
    int session;        /* 0..2 (recorded), -1 */
    int kind;           /* FC_RES, FC_DEC, FC_AMEND, FC_MOTION, FC_OTHER */
    int target;         /* state index, -1 */
    int slot;           /* its lineage's slot */
    int bslot;          /* an amendment's base text's slot, -1 */
    float rate;         /* chance a session (pool); 1 (recorded) */
    float spx;          /* the sponsors' mean ideal point */
    int has_spx;        /* some sponsor has one */
    int sp_target;      /* the target sponsors it */
    int nsp;            /* sponsors */
    int item;           /* the item it was made from (fc's index) */
    int special;        /* its recorded special session's index + 1, 0 */
    size_t sp_off;      /* its rows: ns at off (flags), 3 ns at 3 off (zs) */
} sim_entry_t;

/* A recorded special session of the simulated years (institutions.c). */
typedef struct sim_special {
    char name[8];       /* S-n */
    int year, date;     /* its (first) date */
    int session;        /* the period it falls in, 0..2 */
    int target;         /* state index of its country resolution, -1 */
    int entry;          /* the text its convening is tested on, -1: none */
    int inrun;          /* on or after the start date */
} sim_special_t;

struct hrr_sim {
    hrr_store_t *st;    /* the store */
    hrr_ctx_t *ctx;     /* its context */
    hrr_sim_params_t p; /* the scenario */
    hrr_sim_params_t ref; /* the baseline (for the image ratio) */
    hrr_fc_t *fc;       /* the Council's history and the trained model */
    hrr_rules_t *rules; /* the scenario's rule set */
    int ns;             /* states */
    int y0, ny;         /* years simulated */
    int last_rec_year;  /* the last year the store has votes for */
    float w[3][HRR_FC_NFEAT]; /* the logit's weights */
    float *z0;          /* ns x 2 x 3: each state's own logits (text,
                           amendment) from the records before the start:
                           its shares on texts of the kind, its recent
                           absences (not the intercept, the ideal point or
                           the yearly shares) */
    float *xy;          /* ns x ny: ideal point in each simulated year */
    unsigned char *hasx;/* has an ideal point */
    float *yes0, *abs0; /* ns: shares yes and absent the year before start */
    signed char *grp;   /* regional group, -1 */
    signed char *bloc;  /* voting bloc, -1 */
    unsigned char *lmg; /* Like Minded Group member */
    float *prop;        /* propensity to stand (share of years on the Council) */
    int usa;            /* the United States' index, -1 */
    unsigned char *mem0;/* members at the start */
    short *end0;        /* the last year of their term */
    unsigned char *consec0; /* consecutive terms at the start */
    size_t ne;          /* entries */
    sim_entry_t *e;     /* recorded ones by date, then the pool */
    size_t nrec_e;      /* recorded entries (the first ones) */
    unsigned char *spf; /* sponsor flags, at sp_off */
    float *zs;          /* ne x ns x 3: each entry's static logits (the
                           text's features: intercept, split, target,
                           sponsor flags and affinity, the sponsors' earlier
                           texts before the start, amendment) */
    size_t nslot;       /* lineage slots */
    unsigned char *last0; /* nslot x ns: last recorded ballot before start */
    unsigned char *gmaj0; /* nslot x 5 */
    unsigned char *bmaj0; /* nslot x FC_NBLOC */
    float *share0;      /* nslot: yes share of that vote */
    unsigned char *has0;/* nslot: it has a vote */
    int n1;             /* members + 1 (threshold tables' stride) */
    short *adopt[2][2]; /* [country][no-action motion] */
    long table_need;    /* supporters needed to table a country text */
    double lmg_ref;     /* the group's share of the members at the start */
    double *rec;        /* ny x NQ recorded */
    /* institutions.c */
    int k0;             /* the first year's first session (start date) */
    int nspec;          /* recorded special sessions of the years run */
    sim_special_t *spec;
    double spec_rate;   /* special sessions a year, calibration window */
    double spec_share;  /* the rule set's convening share of the members */
    int spec_strict;    /* ... more than it (1) or at least it (0) */
    int ntgt;           /* crisis targets */
    int *tgt_e;         /* each one's text (entry) */
    double *tgt_cum;    /* cumulative weights */
    int nsusp;          /* recorded suspensions in the years run */
    int susp_date[4], susp_state[4];
    int ga_ok;          /* the Assembly's suspension model is fitted */
    int nga;            /* its states */
    float *ga_x;        /* their GA ideal points */
    int *ga_of;         /* ns: a Council state's GA index, -1 */
    double ga_b, ga_c1, ga_c2, ga_absent; /* ordered logit, absences */
    struct sim_mach *mach; /* the rest of the machinery (machinery.c) */
};

/* Seats of each regional group (13, 13, 6, 8, 7 in fc's order). */
void hrr_i_sim_seats(int *seats);
/* Each group's and bloc's majority ballot (1..3, 0 none) and the yes share
 * among yes, no and abstain of the ballots V (ns). */
void hrr_i_sim_summarise_vote(const hrr_sim_t *sim, const unsigned char *v, unsigned char *gmaj,
                              unsigned char *bmaj, float *share);
/* The LMG's cohesion on ballots V, -1 when fewer than two of it voted. */
double hrr_i_sim_lmg_vote(const hrr_sim_t *sim, const unsigned char *v);
/* Run R of SEED alone into OUT (years x NQ), counting each regional
 * group's members in each session into MEMBERS (years x 3 x 5), for tests. */
hrr_err_t hrr_i_sim_trace(const hrr_sim_t *sim, unsigned long seed, long r, double *out, int *members);

/* institutions.c: the start date's first session (0..3); setup after the
 * pool (special sessions, crisis targets, the Assembly's model); the start
 * date's checks; the recorded special sessions and suspensions; a
 * Poisson draw; a crisis's text (entry, -1) for uniform U; whether the
 * Assembly suspends TARGET (two thirds of yes and no). */
int hrr_i_sim_first_session(int start_date);
hrr_err_t hrr_i_sim_inst_open(hrr_sim_t *sim, int date);
hrr_err_t hrr_i_sim_inst_check(hrr_sim_t *sim);
void hrr_i_sim_inst_recorded(hrr_sim_t *sim);
void hrr_i_sim_inst_free(hrr_sim_t *sim);
int hrr_i_sim_poisson(hrr_rng_t *rng, double lambda);
int hrr_i_sim_crisis(const hrr_sim_t *sim, double u);
/* Members who must be expected to support a special session's request of
 * N members: special_share, or the rule set's share when it is 0. */
long hrr_i_sim_convening_need(const hrr_sim_t *sim, int n);
int hrr_i_sim_ga_suspends(const hrr_sim_t *sim, int target, hrr_rng_t *rng);
/* The rest of the machinery (machinery.c): the UPR, ratifications, the
 * targets' concessions, joint statements and trade leverage, and the
 * information reaching the Council. Read from the store once (after the
 * members and groups: open frees nothing on error, hrr_sim_free does); a
 * run's workspace drawn from streams 2^41 + 2^36 k + r of the seed (one
 * per mechanism k). */
typedef struct sim_mach_ws sim_mach_ws_t;
hrr_err_t hrr_i_sim_mach_open(hrr_sim_t *sim);
void hrr_i_sim_mach_free(hrr_sim_t *sim);
sim_mach_ws_t *hrr_i_sim_mach_ws(const hrr_sim_t *sim);
void hrr_i_sim_mach_ws_free(const hrr_sim_t *sim, sim_mach_ws_t *w);
void hrr_i_sim_mach_reset(const hrr_sim_t *sim, sim_mach_ws_t *w, unsigned long seed, long r);
/* Year Y's UPR cycle, ratifications and information on the targets
 * (TARGETED: each state's last year targeted), into Q. */
void hrr_i_sim_mach_year(const hrr_sim_t *sim, sim_mach_ws_t *w, int y, const short *targeted, double *q);
/* Entry E in year Y: the factors on every member's yes (the information,
 * a concession) and on the members dependent on China's trade. */
void hrr_i_sim_mach_text(const hrr_sim_t *sim, sim_mach_ws_t *w, const sim_entry_t *e, int y, double *q,
                         float *f_all, float *f_dep);
int hrr_i_sim_mach_dep(const hrr_sim_t *sim, int s);
/* E voted: YES of VOTING, EN the expected no; the target's joint statement. */
void hrr_i_sim_mach_voted(const hrr_sim_t *sim, sim_mach_ws_t *w, const sim_entry_t *e, int y, double en,
                          long yes, long voting, double *q);
void hrr_i_sim_mach_year_end(const hrr_sim_t *sim, sim_mach_ws_t *w, double *q);
/* The UPR's calibration (0: recommendations per review after the
 * calibration years, 1: their log sd, 2: allies' odds for states not
 * targeted, 3: targeted, 4: share supported of allies', 5: of others'). */
double hrr_i_sim_mach_calib(const hrr_sim_t *sim, int what);

#endif
