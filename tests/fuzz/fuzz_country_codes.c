/* fuzz_country_codes.c - libFuzzer target for the country-codes importer: the input is written to
 * a file named country-codes.csv and imported into one in-memory store. */
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
        snprintf(dir, sizeof dir, "/tmp/hrr-fuzz-country_codes-%d", (int)getpid());
        mkdir(dir, 0700);
        snprintf(file, sizeof file, "%s/country-codes.csv", dir);
        if (hrr_store_open(":memory:", HRR_OPEN_CREATE, &st) != HRR_OK) abort();
    }
    FILE *f = fopen(file, "wb");
    if (!f) return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    hrr_import_opts_t o = {.format = "country-codes"};
    hrr_import(st, file, &o, NULL);
    return 0;
}
