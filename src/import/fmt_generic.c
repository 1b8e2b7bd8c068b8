/*
 * fmt_generic.c - PLACEHOLDER: formats not yet implemented. The helper that owns
 * this file replaces it whole.
 */
#include "import.h"

static hrr_err_t not_yet(hrr_imp_t *imp)
{
    return hrr_imp_fail(imp, HRR_EINVAL, NULL, "format %s is not implemented yet", imp->fmt->name);
}

const hrr_format_t hrr_fmt_generic_csv = {"generic-csv", 90, NULL, not_yet};
const hrr_format_t hrr_fmt_stata = {"stata", 91, NULL, not_yet};
