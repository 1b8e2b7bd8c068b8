/* fuzz_groups.c - libFuzzer target for the un-regional-groups importer. */
#include "harness.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    hrr_import_opts_t o = {.format = "un-regional-groups"};
    fuzz_import(data, size, "groups.csv", &o);
    return 0;
}
