/* fuzz_unvotes_roll_calls.c - libFuzzer target for the unvotes-roll-calls importer. */
#include "harness.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    static hrr_store_t *st;
    static char path[256];
    char fx[256];
    if (!st) st = open_store(tmp_store(path));
    hrr_import_opts_t o = {.format = "unvotes-roll-calls"};
    if (fuzz_file(fx, "un_roll_calls.csv", data, size)) hrr_import(st, fx, &o, NULL);
    return 0;
}
