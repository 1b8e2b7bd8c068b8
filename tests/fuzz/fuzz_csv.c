/* fuzz_csv.c - libFuzzer target for the libcsv wrapper (line tracking). */
#include "core/csv.h"

static hrr_err_t count(void *ud, const hrr_csv_row_t *row)
{
    *(size_t *)ud += row->n + (size_t)row->line;
    return HRR_OK;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    size_t n = 0;
    long line;
    hrr_i_csv_parse(NULL, (const char *)data, size, ',', count, &n, &line);
    return 0;
}
