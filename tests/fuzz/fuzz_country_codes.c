/* fuzz_country_codes.c - libFuzzer target for the country-codes importer. */
#include "harness.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    hrr_import_opts_t o = {.format = "country-codes"};
    fuzz_import(data, size, "country-codes.csv", &o);
    return 0;
}
