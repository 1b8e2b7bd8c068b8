/*
 * jsonout.h - jansson helpers of the report layer (only src/report/ builds
 * JSON output).
 */
#ifndef HRR_REPORT_JSONOUT_H
#define HRR_REPORT_JSONOUT_H

#include "hrr/report.h"

#include <jansson.h>

/* Print a JSON value (indented, keys in insertion order) and a newline to
 * F, then release it. HRR_ENOMEM if V is NULL, HRR_EIO if writing fails. */
hrr_err_t hrr_i_out_json(FILE *f, json_t *v);

/* NULL strings and "not recorded" (-1) counts as JSON null; NaN as null. */
json_t *hrr_i_jstr(const char *s);
json_t *hrr_i_jcount(long v);
json_t *hrr_i_jreal(double v);

/* The result of a row writer: HRR_OK, HRR_ENOMEM or HRR_EIO. */
hrr_err_t hrr_i_out_result(hrr_out_t *o);

#endif
