/*
 * hrr/report_profile.h - the renderers of a state's profile and of two
 * states compared (include/hrr/profile.h), for the CLI and the server
 * alike. Table: sections of text for people; JSON: one object with a key
 * per section, numbers as numbers, NaN and "not recorded" as null. CSV is
 * not a form of these (HRR_EINVAL). They return HRR_OK, HRR_ENOMEM, or
 * HRR_EIO when writing failed.
 */
#ifndef HRR_REPORT_PROFILE_H
#define HRR_REPORT_PROFILE_H

#include "hrr/profile.h"
#include "hrr/report.h"

hrr_err_t hrr_report_profile(FILE *f, hrr_out_fmt_t fmt, const hrr_profile_t *p);
hrr_err_t hrr_report_compare(FILE *f, hrr_out_fmt_t fmt, const hrr_compare_t *c);

#endif
