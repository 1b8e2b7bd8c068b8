/*
 * hrr/sim.h - the simulation of the Human Rights Council over years
 * (src/sim/, docs/simulation.md): members elected by regional group,
 * three regular sessions a year, country and thematic texts tabled by
 * sponsors who anticipate their support, the targeted state's answers
 * (no-action motions, hostile amendments, lobbying of swing states), and
 * every member's ballot drawn from the forecast model's multinomial logit on
 * features the simulation keeps (its last simulated ballot on the text, its
 * group's and bloc's majority there, its ideal point, sponsor and target
 * flags), decided under the scenario's rule set. Runs in ensembles; run r
 * draws only from Philox stream r of the seed, so the same seed gives the
 * same numbers on any number of threads or processes. Included by hrr.h.
 */
#ifndef HRR_SIM_H
#define HRR_SIM_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The scenario's parameters (scenarios/NAME.json; each one's meaning, range
 * and source in the table of src/sim/scenario.c, hrr_sim_param_*). */
typedef struct hrr_sim_params {
    char name[64];             /* the scenario's name */
    char rules[64];            /* the Council's rule set (hrr rules list) */
    int start_year;            /* first simulated year (January 1) */
    int start_date;            /* start day YYYYMMDD (0: January 1 of
                                  start_year; hrr simulate --from DATE) */
    int years;                 /* how many years */
    int calib_from, calib_to;  /* the calibration window (records read) */
    int recorded_agenda;       /* 1: the agenda of years with records is
                                  the recorded one; 0: always generated */
    double thematic_mult;      /* multiplier of the thematic texts' rates */
    double country_mult;       /* ... of the country texts' */
    double amend_mult;         /* ... of the hostile amendments' */
    double year_sd;            /* sd of a year's log rate (overdispersion) */
    double logit_scale;        /* factor on the model's logits */
    double shock;              /* sd of a vote's common yes/no shock */
    int anticipation;          /* sponsors table only what they expect to carry */
    double table_margin;       /* expected margin share needed to table */
    int amendments;            /* hostile amendments moved */
    int no_action;             /* no-action motions moved */
    double p_no_action;        /* a target's chance of moving one */
    int lobbying;              /* the target lobbies swing states */
    double lobby_strength;     /* log-odds moved toward abstention */
    int lmg;                   /* the Like Minded Group's cohesion */
    double lmg_pull;           /* log-odds toward the group's majority */
    double lmg_balance;        /* how the pull grows with its share */
    int image;                 /* China's image sensitivity ("face") */
    double image_before;       /* its level before the change year */
    double image_after;        /* after */
    int image_year;            /* the year it changes */
    int elections;             /* annual elections (0: members stay) */
    double p_contested;        /* a group's slate is contested */
    int no_candidates_under_res; /* targets of a country text may not stand */
    int us_engagement;         /* the United States' periods */
    int us_leave_2018;         /* leaves the Council in June 2018 */
    int us_return_2022;        /* stands in October 2021 */
    int us_leave_2025;         /* leaves in 2025 */
    double us_tabling_lift;    /* country texts' rates when it is a member */
    int chr_calib_from, chr_calib_to; /* the Commission's calibration window
                                  (runs that start before 2006) */
    double chr_p_no_action;    /* p_no_action at the Commission */
    double chr_p_contested;    /* p_contested at ECOSOC's elections */
    double chr_logit_scale;    /* logit_scale at the Commission */
    double chr_lmg_pull;       /* lmg_pull at the Commission */
    int special;               /* special sessions convened (institutions.c) */
    double special_share;      /* share of the members needed to convene */
    double special_mult;       /* multiplier of their calibrated rate */
    int suspension;            /* the Assembly may suspend a member */
    double p_suspension_motion;/* chance of a motion after a special session */
    /* the rest of the machinery (src/sim/machinery.c) */
    int upr;                   /* the UPR's yearly cycle */
    int upr_calib_to;          /* the last year of its calibration */
    int upr_recruit;           /* targets recruit allies' recommendations */
    double upr_mult;           /* multiplier of recommendations per review */
    int ratify;                /* treaty ratifications */
    double ratify_mult;        /* multiplier of the hazards */
    int concessions;           /* image-sensitive targets concede */
    double image_target;       /* image sensitivity of targets but China */
    double concession_cut;     /* sensitivity from which a target concedes */
    double p_concession;       /* chance of a concession on a text */
    double concession_effect;  /* yes log odds it costs the text */
    int joint_statements;      /* targets recruit counter-statements */
    double p_joint;            /* chance (times 1 - image) */
    double joint_reach;        /* non-members per member signatory */
    int trade;                 /* dependence on China's trade */
    double trade_pull;         /* yes log odds lost on texts against China */
    int visits;                /* special procedures' visits */
    double visit_rate;         /* a targeted state's yearly chance */
    double report_rate;        /* its yearly chance of a treaty review */
    int aligned_experts;       /* government-aligned treaty-body experts */
    double p_aligned;          /* a review lost to them */
    int ngo_deferrals;         /* the NGO Committee defers */
    double p_ngo_defer;        /* a targeted state's NGOs deferred */
    double info_lift;          /* yes log odds per unit of information */
} hrr_sim_params_t;

/* The baseline's values (those of scenarios/baseline.json). */
void hrr_sim_params_default(hrr_sim_params_t *p);

/* Load scenario PATH (JSON; "base": a file beside it whose values it
 * overrides, "params": {name: value}). HRR_EIO, HRR_EDATA with a message
 * in CTX naming the file, the field and the allowed values or range. */
hrr_err_t hrr_sim_scenario_load(const char *path, hrr_sim_params_t *p, hrr_ctx_t *ctx);

/* hrr simulate --from: S is a year YYYY (*YEAR set, *DATE 0) or a day
 * YYYY-MM-DD (both set). 0, or -1 when S is neither. */
int hrr_sim_parse_from(const char *s, int *year, int *date);

/* The parameter table: count, and for I < count its name, meaning, range
 * (as text), source, and whether the records identify it (1) or it is an
 * assumption (0). Static strings. */
int hrr_sim_param_count(void);
const char *hrr_sim_param_name(int i);
const char *hrr_sim_param_about(int i);
const char *hrr_sim_param_range(int i);
const char *hrr_sim_param_source(int i);
int hrr_sim_param_identified(int i);
/* Its value in P as a number, and set it (clamped to its range). */
double hrr_sim_param_get(const hrr_sim_params_t *p, int i);
void hrr_sim_param_set(hrr_sim_params_t *p, int i, double v);
/* The sensitivity range [lo, hi] of a numeric parameter; 0 if it has none
 * (a switch, a year or a name). */
int hrr_sim_param_span(int i, double *lo, double *hi);

/* The quantities each run gives per year. */
enum hrr_sim_q {
    HRR_SIM_VOTES,          /* recorded votes */
    HRR_SIM_COUNTRY,        /* country texts put to the vote */
    HRR_SIM_COUNTRY_ADOPTED,/* of them adopted */
    HRR_SIM_SHARE_ADOPTED,  /* adopted / put to the vote (NaN if none) */
    HRR_SIM_MARGIN,         /* mean yes - no on country texts (NaN) */
    HRR_SIM_CLOSE,          /* country texts carried or lost by < 5 votes */
    HRR_SIM_AMEND,          /* amendments put to the vote */
    HRR_SIM_AMEND_ADOPTED,  /* of them adopted */
    HRR_SIM_NOACTION,       /* no-action motions moved */
    HRR_SIM_NOACTION_CARRIED,/* of them carried */
    HRR_SIM_LMG,            /* Like Minded Group cohesion (NaN) */
    HRR_SIM_CONTESTED,      /* contested group slates at the election */
    HRR_SIM_SPECIAL,        /* special sessions convened */
    HRR_SIM_SUSPENDED,      /* members suspended by the Assembly */
    HRR_SIM_UPR_RECS,       /* UPR recommendations made */
    HRR_SIM_UPR_SOFTBALL,   /* share of them from allies (NaN) */
    HRR_SIM_UPR_SUPPORTED,  /* share supported by the state (NaN) */
    HRR_SIM_RATIFY,         /* treaty ratifications */
    HRR_SIM_CONCESSIONS,    /* targets' concessions */
    HRR_SIM_JOINT,          /* targets' joint counter-statements */
    HRR_SIM_JOINT_SIGN,     /* their signatories */
    HRR_SIM_CHINA_YES,      /* yes share on texts against China (NaN) */
    HRR_SIM_VISITS,         /* special procedures' visits to targets */
    HRR_SIM_TB_REVIEWS,     /* treaty-body reviews of targets */
    HRR_SIM_TB_ALIGNED,     /* of them lost to aligned experts */
    HRR_SIM_NGO_DEFERRED,   /* targets whose NGOs were deferred */
    HRR_SIM_NQ
};
const char *hrr_sim_q_name(int q);   /* short, stable (static) */
const char *hrr_sim_q_about(int q);  /* one line (static) */

typedef struct hrr_sim hrr_sim_t;

/* Build the simulation of P on the store: the forecast model trained on the
 * calibration window, the pools of texts, rates and the members at the
 * start. A start_year before 2006 builds the Commission's machine for the
 * years to 2005 (src/sim/commission.c; chr_* parameters), then the
 * Council's; a year before the first the store's Commission records
 * support is refused (HRR_EINVAL, the message naming it). Free with
 * hrr_sim_free. */
hrr_err_t hrr_sim_open(hrr_store_t *st, const hrr_sim_params_t *p, hrr_sim_t **out);
void hrr_sim_free(hrr_sim_t *sim);

/* Runs R0 .. R1-1 of seed SEED on THREADS threads (0: OpenMP's default),
 * into OUT ((R1-R0) x years x HRR_SIM_NQ, run-major). PROGRESS (may be
 * NULL) is called from one thread with the runs done so far. Run r draws
 * only from stream r: the numbers do not depend on THREADS or on how the
 * runs are split. */
hrr_err_t hrr_sim_run(hrr_sim_t *sim, long r0, long r1, unsigned long seed, int threads,
                      double *out, void (*progress)(void *ud, long done, long total), void *ud);

int hrr_sim_years(const hrr_sim_t *sim);
int hrr_sim_first_year(const hrr_sim_t *sim);
/* The recorded value of quantity Q in YEAR from the store (NaN when the
 * store has no votes that year). */
double hrr_sim_recorded(const hrr_sim_t *sim, int year, int q);

/* A summary: per year and quantity, the median and the 5% and 95%
 * quantiles over the runs (NaN runs left out), and the recorded value. */
typedef struct hrr_sim_summary {
    char scenario[64];      /* its name */
    int y0, ny;             /* first year, years */
    long runs;              /* runs */
    unsigned long seed;     /* seed */
    double *med, *lo, *hi;  /* ny x HRR_SIM_NQ */
    double *rec;            /* ny x HRR_SIM_NQ, recorded (NaN: none) */
    double *base_med, *base_lo, *base_hi; /* a comparison scenario's, or NULL */
    char base[64];          /* its name */
    double tmed[HRR_SIM_NQ], tlo[HRR_SIM_NQ], thi[HRR_SIM_NQ]; /* over all
                               the years: each run's total (counts) or mean
                               (shares, margins, cohesion) */
    double trec[HRR_SIM_NQ];/* the same of the recorded years (NaN: none) */
    double tbmed[HRR_SIM_NQ], tblo[HRR_SIM_NQ], tbhi[HRR_SIM_NQ]; /* the
                               effect on it against the baseline */
} hrr_sim_summary_t;

/* Summarise OUT (RUNS x years x NQ from hrr_sim_run). Free with
 * hrr_sim_summary_free. */
hrr_err_t hrr_sim_summarise(const hrr_sim_t *sim, const double *out, long runs, unsigned long seed,
                            hrr_sim_summary_t **res);
/* Add the effect against BASE_OUT (the baseline's runs, same seed): the
 * median and 90% interval of the run-by-run difference. */
hrr_err_t hrr_sim_summary_compare(hrr_sim_summary_t *s, const char *base_name, const double *out,
                                  const double *base_out, long runs);
void hrr_sim_summary_free(hrr_sim_summary_t *s);

/* Sensitivity of the headline outputs (totals over the years of the
 * quantities in hrr_sim_sens_q; the LMG's cohesion as the mean over the
 * years) to each numeric parameter that has a sensitivity span: one at a
 * time (its low and high value, the rest at the scenario's), and a Latin
 * hypercube of NPOINTS points over every span (seeded), summarised by each
 * parameter's correlation with each output. RUNS runs per point, all with
 * the same seed (common random numbers). The scenario's values are put
 * back before it returns. */
typedef struct hrr_sim_sens {
    int np;                 /* parameters */
    int *param;             /* their indices (hrr_sim_param_*) */
    int nq;                 /* outputs */
    int *q;                 /* their quantities */
    double *oat_lo, *oat_hi;/* np x nq: mean output at low and high */
    double *corr;           /* np x nq: correlation on the Latin hypercube */
    double *base;           /* nq: at P */
} hrr_sim_sens_t;

hrr_err_t hrr_sim_sensitivity(hrr_sim_t *sim, long runs, long npoints, unsigned long seed, int threads,
                              hrr_sim_sens_t **out);
/* The quantities of the sensitivity's outputs and how many. */
#define HRR_SIM_SENS_NQ 5
extern const int hrr_sim_sens_q[HRR_SIM_SENS_NQ];

/* Of the quantities with a recorded value, how many years x quantities
 * have it inside [lo, hi]; *TOTAL how many were compared. */
long hrr_sim_summary_coverage(const hrr_sim_summary_t *s, long *total);
void hrr_sim_sens_free(hrr_sim_sens_t *s);

#ifdef __cplusplus
}
#endif
#endif
