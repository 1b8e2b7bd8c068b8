/* fuzz_upr_info.c - libFuzzer target for the upr-info importer: the input is written to
 * a file named upr.csv and imported into one in-memory store. */
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
        snprintf(dir, sizeof dir, "/tmp/hrr-fuzz-upr_info-%d", (int)getpid());
        mkdir(dir, 0700);
        snprintf(file, sizeof file, "%s/upr.csv", dir);
        if (hrr_store_open(":memory:", HRR_OPEN_CREATE, &st) != HRR_OK) abort();
    }
    FILE *f = fopen(file, "wb");
    if (!f) return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    hrr_import_opts_t o = {.format = "upr-info"};
    hrr_import(st, file, &o, NULL);
    return 0;
}
