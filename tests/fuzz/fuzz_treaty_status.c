/* fuzz_treaty_status.c - libFuzzer target for the treaty-status importer (the instrument is in the file name). */
#include "harness.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    hrr_import_opts_t o = {.format = "treaty-status"};
    fuzz_import(data, size, "hr_status_cat.csv", &o);
    return 0;
}
