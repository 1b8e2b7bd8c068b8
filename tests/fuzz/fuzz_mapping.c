/* fuzz_mapping.c - libFuzzer target for the --mapping parser: the input is
 * the mapping, applied to a small fixed CSV. */
#include "harness.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    static hrr_store_t *st;
    static char path[256], fx[256];
    static const char csv[] = "s,d,c,v\nX,2006-07-06,CHN,yes\nX,06/07/2006,US,1\n";
    if (!st) {
        st = open_store(tmp_store(path));
        fuzz_file(fx, "fixed.csv", csv, sizeof csv - 1);
    }
    char *map = malloc(size + 1);
    if (!map) return 0;
    memcpy(map, data, size);
    map[size] = 0;
    hrr_import_opts_t o = {.format = "generic-csv", .body = "HRC", .mapping = map};
    hrr_import(st, fx, &o, NULL);
    free(map);
    return 0;
}
