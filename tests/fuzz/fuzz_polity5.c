/* fuzz_polity5.c - libFuzzer target for the polity5 importer: the input is written to
 * a file named polity5.csv and imported into one in-memory store. */
#include "hrr.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    static hrr_store_t *st;
    static char dir[64], file[128];
    if (!st) {
        snprintf(dir, sizeof dir, "/tmp/hrr-fuzz-polity5-%d", (int)getpid());
        mkdir(dir, 0700);
        snprintf(file, sizeof file, "%s/polity5.csv", dir);
        if (hrr_store_open(":memory:", HRR_OPEN_CREATE, &st) != HRR_OK) abort();
    }
    FILE *f = fopen(file, "wb");
    if (!f) return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    hrr_import_opts_t o = {.format = "polity5"};
    hrr_import(st, file, &o, NULL);
    return 0;
}
