/* fuzz_polity5.c - libFuzzer target for the Polity5 importer. */
#include "harness.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    hrr_import_opts_t o = {.format = "polity5"};
    fuzz_import(data, size, "polity5.csv", &o);
    return 0;
}
