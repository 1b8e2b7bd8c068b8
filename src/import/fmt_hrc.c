/*
 * fmt_hrc.c - PLACEHOLDER: formats not yet implemented. The helper that owns
 * this file replaces it whole.
 */
#include "import.h"

static hrr_err_t not_yet(hrr_imp_t *imp)
{
    return hrr_imp_fail(imp, HRR_EINVAL, NULL, "format %s is not implemented yet", imp->fmt->name);
}

const hrr_format_t hrr_fmt_hrc_vote_data = {"hrc-vote-data", 30, NULL, not_yet};
const hrr_format_t hrr_fmt_hrc_legis = {"hrc-legis", 31, NULL, not_yet};
const hrr_format_t hrr_fmt_hrc_wide = {"hrc-wide", 32, NULL, not_yet};
const hrr_format_t hrr_fmt_hrc_long = {"hrc-long", 33, NULL, not_yet};
const hrr_format_t hrr_fmt_ohchr_resolutions = {"ohchr-resolutions", 40, NULL, not_yet};
const hrr_format_t hrr_fmt_ohchr_votes = {"ohchr-votes", 41, NULL, not_yet};
