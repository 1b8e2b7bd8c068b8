/*
 * hrr/params.h - the value validators every front end shares: the CLI's
 * options (src/cli/args.c) and the server's query parameters (src/web/)
 * check each value with the same function, so a bad value gets the same
 * range in the same words. NAME is how the front end spells the parameter
 * ("--from" on the command line, "from" in a query string); on a bad value
 * the call returns HRR_EINVAL and writes "NAME wants ..., not 'VALUE'" into
 * MSG (CAP bytes; MSG may be NULL). *OUT is set only on success.
 */
#ifndef HRR_PARAMS_H
#define HRR_PARAMS_H

#include "hrr.h"

#include <stdbool.h>
#include <stddef.h>

/* The years a from or to may name: the records start in 1946. */
#define HRR_PARAM_YEAR_MIN 1946
#define HRR_PARAM_YEAR_MAX 2100
#define HRR_PARAM_RUNS_MAX 100000000L
#define HRR_PARAM_MIN_MAX 1000000L

/* A whole base-10 number in [LO, HI] (no sign games, no trailing text). */
bool hrr_param_long_ok(const char *value, long lo, long hi, long *out);

/* A whole number in [LO, HI]: "NAME wants a number LO-HI, not 'V'". */
hrr_err_t hrr_param_long(const char *name, const char *value, long lo, long hi, long *out,
                         char *msg, size_t cap);
/* A year HRR_PARAM_YEAR_MIN-HRR_PARAM_YEAR_MAX. */
hrr_err_t hrr_param_year(const char *name, const char *value, int *out, char *msg, size_t cap);
/* FROM <= TO when both are given (0: not given). */
hrr_err_t hrr_param_years(int from, int to, char *msg, size_t cap);
/* A seed: a non-negative integer. */
hrr_err_t hrr_param_seed(const char *name, const char *value, unsigned long *out, char *msg,
                         size_t cap);
/* Monte Carlo runs, 1-HRR_PARAM_RUNS_MAX. */
hrr_err_t hrr_param_runs(const char *name, const char *value, long *out, char *msg, size_t cap);
/* A minimum count, 0-HRR_PARAM_MIN_MAX. */
hrr_err_t hrr_param_min(const char *name, const char *value, long *out, char *msg, size_t cap);
/* A row limit: a positive number. */
hrr_err_t hrr_param_limit(const char *name, const char *value, long *out, char *msg, size_t cap);
/* An ISO 3166 alpha-3 code: three letters A-Z. */
hrr_err_t hrr_param_iso3(const char *name, const char *value, char *msg, size_t cap);
/* The kind of a draft: resolution, decision, amendment or motion. */
hrr_err_t hrr_param_kind(const char *name, const char *value, char *msg, size_t cap);
/* A date YYYY-MM-DD (a real calendar day). */
hrr_err_t hrr_param_date(const char *name, const char *value, char *msg, size_t cap);
/* A switch: "1" (or "true", "yes", "") on, "0" ("false", "no") off. */
hrr_err_t hrr_param_flag(const char *name, const char *value, bool *out, char *msg, size_t cap);

/* The subcommands' own values (hrr blocs --k, hrr power --quota ...), one
 * check for the option and the query parameter of the same name. */
#define HRR_PARAM_K_MAX 100
#define HRR_PARAM_QUOTA_MAX 100000L
#define HRR_PARAM_MEMBERS_MAX 1000L
#define HRR_PARAM_SE_MAX 100000L
#define HRR_PARAM_COUNT_MAX 100000L
#define HRR_PARAM_DIFFS_MAX 100000L /* hrr compare --limit, /api/compare?limit= */

/* The number of blocs to cut a tree into, 1-HRR_PARAM_K_MAX: "NAME: 'V' is
 * not a number of blocs from 1 to 100". */
hrr_err_t hrr_param_k(const char *name, const char *value, int *out, char *msg, size_t cap);
/* A weighted game's quota, 1-HRR_PARAM_QUOTA_MAX. */
hrr_err_t hrr_param_quota(const char *name, const char *value, long *out, char *msg, size_t cap);
/* A body's number of members, 1-HRR_PARAM_MEMBERS_MAX. */
hrr_err_t hrr_param_members(const char *name, const char *value, long *out, char *msg,
                            size_t cap);
/* The dimensions of an ideal-point fit: "1" or "2" ("NAME is 1 or 2, not 'V'"). */
hrr_err_t hrr_param_dims(const char *name, const char *value, int *out, char *msg, size_t cap);
/* Bootstrap replicates, 2-HI (HRR_PARAM_SE_MAX, or a front end's lower cap):
 * "NAME wants a number of replicates, 2 to HI, not 'V'". */
hrr_err_t hrr_param_se(const char *name, const char *value, long hi, int *out, char *msg,
                       size_t cap);
/* A count of members voting one way, 0-HRR_PARAM_COUNT_MAX: "NAME: 'V' is not a count". */
hrr_err_t hrr_param_count(const char *name, const char *value, long *out, char *msg, size_t cap);

/* A weighted game (hrr power --weights W --quota Q): at most
 * HRR_PARAM_PLAYERS_MAX weights summing to at most HRR_PARAM_QUOTA_MAX, and
 * a quota no larger than their total (else no coalition could win and every
 * index would be undefined). NAME names the weights, QNAME the quota. */
#define HRR_PARAM_PLAYERS_MAX 1000L
hrr_err_t hrr_param_game(const char *name, const long *w, size_t n, const char *qname, long quota,
                         char *msg, size_t cap);

/* A list of positive integers "3,2,1" (at most 100000 each): *OUT
 * (free() it) and *N. HRR_ENOMEM, or HRR_EINVAL: "NAME: 'V' is not a list
 * of positive integers". */
hrr_err_t hrr_param_list(const char *name, const char *value, long **out, size_t *n, char *msg,
                         size_t cap);

/* The bodies the store has, as "CHR, GA, GA3, HRC" into LIST (CAP bytes);
 * "" when the store cannot say. */
void hrr_param_body_list(hrr_store_t *st, char *list, size_t cap);
/* A body in LIST (as hrr_param_body_list writes it, so that a caller can
 * keep the list of a store that does not change): "NAME: 'V' is not a body
 * of the store (it has LIST)". */
hrr_err_t hrr_param_body(const char *list, const char *name, const char *value, char *msg,
                         size_t cap);

#endif
