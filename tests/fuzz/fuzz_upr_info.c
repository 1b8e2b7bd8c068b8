/* fuzz_upr_info.c - libFuzzer target for the UPR Info importer. */
#include "harness.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    hrr_import_opts_t o = {.format = "upr-info"};
    fuzz_import(data, size, "upr.csv", &o);
    return 0;
}
