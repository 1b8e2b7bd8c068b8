/*
 * hrr/fc_plan.h - what a front end needs around a forecast, in the library
 * so the CLI and a server share it: the ranges of the Monte Carlo options,
 * the members file, the batch's learning cutoff and the swing-state rule.
 */
#ifndef HRR_FC_PLAN_H
#define HRR_FC_PLAN_H

#include "hrr.h"

#include <stdbool.h>

/* The ranges of the Monte Carlo options (hrr_fc_opts_t). */
#define HRR_FC_RUNS_MIN 1L
#define HRR_FC_RUNS_MAX 100000000L
#define HRR_FC_SHOCK_MAX 10.0

/* Set OPTS->shock from a requested sd in [0, HRR_FC_SHOCK_MAX] (0: no
 * shock); false when SD is out of range. */
bool hrr_fc_set_shock(hrr_fc_opts_t *opts, double sd);

/* --members ARG: a list of ISO3 codes, or a file of them (one a line, '#'
 * comments; "@FILE" forces a file). *OUT gets the codes joined by ',' (free
 * with free()); on an error *OUT is NULL and the message is left in CTX
 * (hrr_errmsg; CTX may be NULL): HRR_EIO, the file could not be read (its
 * path named); HRR_ENOMEM. */
hrr_err_t hrr_fc_members_read(const char *arg, char **out, hrr_ctx_t *ctx);

/* The date a batch learns from: before its earliest draft's date. */
const char *hrr_fc_batch_cutoff(const hrr_fc_batch_t *b);

/* The swing states of R: swing above 0.01, most first (ties: the earlier
 * state), at most MAX; their indices into IDX, and how many. */
size_t hrr_fc_swing_states(const hrr_fc_result_t *r, size_t *idx, size_t max);

#endif
