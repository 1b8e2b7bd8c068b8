/* fuzz_ohchr.c - libFuzzer target for the six Council and Commission
 * formats (ohchr-voting/, hrc/): the first byte picks the format. */
#include "harness.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    static const char *const formats[] = {"ohchr-resolutions", "ohchr-votes", "hrc-vote-data",
                                          "hrc-legis", "hrc-wide", "hrc-long"};
    if (size < 1) return 0;
    hrr_import_opts_t o = {.format = formats[data[0] % 6]};
    fuzz_import(data + 1, size - 1, "votes.csv", &o);
    return 0;
}
