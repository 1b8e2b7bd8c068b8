/* fuzz_unxml.c - libFuzzer target for the Assembly's resolutions as JSON
 * lines (unga-unxml/<session>.json). */
#include "harness.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    hrr_import_opts_t o = {.format = "unxml"};
    fuzz_import(data, size, "77.json", &o);
    return 0;
}
