/* fuzz_vdem.c - libFuzzer target for the V-Dem importer. */
#include "harness.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    hrr_import_opts_t o = {.format = "vdem"};
    fuzz_import(data, size, "vdem_simple.csv", &o);
    return 0;
}
