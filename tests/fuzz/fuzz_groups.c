/* fuzz_groups.c - libFuzzer target for the un-regional-groups importer. */
#include "harness.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    static hrr_store_t *st;
    static char path[256];
    char fx[256];
    if (!st) st = open_store(tmp_store(path));
    hrr_import_opts_t o = {.format = "un-regional-groups"};
    if (fuzz_file(fx, "groups.csv", data, size)) hrr_import(st, fx, &o, NULL);
    return 0;
}
