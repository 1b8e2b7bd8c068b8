/* fuzz_stata.c - libFuzzer target for the Stata .dta importer (ReadStat). */
#include "harness.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    hrr_import_opts_t o = {.body = "GA",
        .mapping = "symbol=res,date=vdate,state=ccode,state_kind=cow,vote=vote,yes=Yes,no=No"};
    fuzz_import(data, size, "votes.dta", &o);
    return 0;
}
