/* fuzz_unvotes_roll_calls.c - libFuzzer target for the unvotes roll-calls importer. */
#include "harness.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    hrr_import_opts_t o = {.format = "unvotes-roll-calls"};
    fuzz_import(data, size, "un_roll_calls.csv", &o);
    return 0;
}
