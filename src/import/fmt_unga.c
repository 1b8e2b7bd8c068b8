/*
 * fmt_unga.c - PLACEHOLDER: formats not yet implemented. The helper that owns
 * this file replaces it whole.
 */
#include "import.h"

static hrr_err_t not_yet(hrr_imp_t *imp)
{
    return hrr_imp_fail(imp, HRR_EINVAL, NULL, "format %s is not implemented yet", imp->fmt->name);
}

const hrr_format_t hrr_fmt_unvotes_roll_calls = {"unvotes-roll-calls", 20, NULL, not_yet};
const hrr_format_t hrr_fmt_unvotes_issues = {"unvotes-issues", 21, NULL, not_yet};
const hrr_format_t hrr_fmt_unvotes_votes = {"unvotes-votes", 22, NULL, not_yet};
const hrr_format_t hrr_fmt_voeten_long = {"voeten-long", 23, NULL, not_yet};
