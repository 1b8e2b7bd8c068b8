/* fuzz_ohchr.c - libFuzzer target for the six Council and Commission
 * formats (ohchr-voting/, hrc/): the first byte picks the format. */
#include "harness.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    static const char *const formats[] = {"ohchr-resolutions", "ohchr-votes", "hrc-vote-data",
                                          "hrc-legis", "hrc-wide", "hrc-long"};
    static hrr_store_t *st;
    static char path[256];
    char fx[256];
    if (size < 1) return 0;
    if (!st) st = open_store(tmp_store(path));
    hrr_import_opts_t o = {.format = formats[data[0] % 6]};
    if (fuzz_file(fx, "votes.csv", data + 1, size - 1)) hrr_import(st, fx, &o, NULL);
    return 0;
}
