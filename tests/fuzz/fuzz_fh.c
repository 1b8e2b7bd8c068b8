/* fuzz_fh.c - libFuzzer target for the Freedom House importer. */
#include "harness.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    hrr_import_opts_t o = {.format = "fh"};
    fuzz_import(data, size, "fh.csv", &o);
    return 0;
}
