/*
 * fmt_misc.c - PLACEHOLDER: formats not yet implemented. The helper that owns
 * this file replaces it whole.
 */
#include "import.h"

static hrr_err_t not_yet(hrr_imp_t *imp)
{
    return hrr_imp_fail(imp, HRR_EINVAL, NULL, "format %s is not implemented yet", imp->fmt->name);
}

const hrr_format_t hrr_fmt_country_codes = {"country-codes", 11, NULL, not_yet};
const hrr_format_t hrr_fmt_treaty_status = {"treaty-status", 50, NULL, not_yet};
const hrr_format_t hrr_fmt_upr_info = {"upr-info", 60, NULL, not_yet};
const hrr_format_t hrr_fmt_polity5 = {"polity5", 70, NULL, not_yet};
const hrr_format_t hrr_fmt_vdem = {"vdem", 71, NULL, not_yet};
const hrr_format_t hrr_fmt_fh = {"fh", 72, NULL, not_yet};
