/* fuzz_stata.c - libFuzzer target for the Stata .dta importer (ReadStat). */
#include "harness.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    static hrr_store_t *st;
    static char path[256];
    char fx[256];
    if (!st) st = open_store(tmp_store(path));
    hrr_import_opts_t o = {.body = "GA",
        .mapping = "symbol=res,date=vdate,state=ccode,state_kind=cow,vote=vote,yes=Yes,no=No"};
    if (fuzz_file(fx, "votes.dta", data, size)) hrr_import(st, fx, &o, NULL);
    return 0;
}
