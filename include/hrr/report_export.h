/*
 * hrr/report_export.h - the roll-call matrix of hrr/export.h written out for
 * other programs: a wide CSV that R's pscl::rollcall reads as it is, a tidy
 * long CSV, and a Stata .dta (through ReadStat's writer). docs/export.md has
 * the shapes and the R and Stata lines that read them.
 */
#ifndef HRR_REPORT_EXPORT_H
#define HRR_REPORT_EXPORT_H

#include "hrr/report.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The codes of the wide form: ICPSR's, as pscl::rollcall's defaults
 * (yea 1, nay 6, missing 7 and 9, not in legislature 0). */
enum {
    HRR_RC_CODE_YEA = 1,      /* yes */
    HRR_RC_CODE_NAY = 6,      /* no */
    HRR_RC_CODE_ABSTAIN = 7,  /* abstained: "present", missing to pscl */
    HRR_RC_CODE_ABSENT = 9,   /* a member, absent or not voting: missing */
    HRR_RC_CODE_NOTINLEGIS = 0 /* no ballot stored: not a member then */
};

/* The wide-form code of a ballot (an hrr_vote_t, or 0 for none). */
int hrr_rollcall_code(int vote);

/* Wide CSV: columns iso3, name, then one per item headed by its header
 * (hrr_rollcall_item_t.header), in the matrix's order; one row per state;
 * cells hrr_rollcall_code. */
hrr_err_t hrr_report_rollcall_wide(FILE *f, const hrr_rollcall_t *rc);

/* Long CSV: one row per ballot, columns item, symbol, date, iso3, state,
 * vote ("yes", "no", "abstain", "absent"), items in the matrix's order and
 * states by ISO3 within each. */
hrr_err_t hrr_report_rollcall_long(FILE *f, const hrr_rollcall_t *rc);

/* The long form as a Stata .dta of format VERSION (104..119; 118 is
 * Stata 14's, UTF-8; 115 is Stata 12's, which R's foreign::read.dta reads):
 * item, symbol, iso3, state as strings, date as a Stata date (%td), vote a
 * byte labelled 1 yes, 2 no, 3 abstain, 4 absent. LABEL is the file's label
 * (may be NULL). HRR_EIO when writing fails, HRR_EINVAL when ReadStat
 * refuses (a string too long for the format, a bad version): then *WHY
 * (static) is ReadStat's reason. */
hrr_err_t hrr_report_rollcall_dta(FILE *f, const hrr_rollcall_t *rc, int version,
                                  const char *label, const char **why);

#ifdef __cplusplus
}
#endif
#endif
