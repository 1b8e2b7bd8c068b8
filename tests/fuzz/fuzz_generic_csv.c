/* fuzz_generic_csv.c - libFuzzer target for the generic CSV importer. */
#include "harness.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    static hrr_store_t *st;
    static char path[256];
    char fx[256];
    if (!st) st = open_store(tmp_store(path));
    hrr_import_opts_t o = {.format = "generic-csv", .body = "HRC",
        .mapping = "symbol=s,date=d,state=c,vote=v,title=t,kind=k,state_kind=iso2,date_format=dmy"};
    if (fuzz_file(fx, "mine.csv", data, size)) hrr_import(st, fx, &o, NULL);
    return 0;
}
