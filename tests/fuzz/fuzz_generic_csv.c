/* fuzz_generic_csv.c - libFuzzer target for the generic CSV importer. */
#include "harness.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    hrr_import_opts_t o = {.format = "generic-csv", .body = "HRC",
        .mapping = "symbol=s,date=d,state=c,vote=v,title=t,kind=k,state_kind=iso2,date_format=dmy"};
    fuzz_import(data, size, "mine.csv", &o);
    return 0;
}
