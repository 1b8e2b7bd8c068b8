/* fuzz_voeten.c - libFuzzer target for the voeten-long importer, on a store
 * that holds two roll calls for its rows to meet. */
#include "harness.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    static hrr_store_t *st;
    static char path[256];
    static const char rc[] = "rcid,session,importantvote,date,unres,amend,para,short,descr\n"
        "6,1,0,1946-01-04,R/1/107,0,0,A,B\n127,3,0,1948-12-02,R/3/933,0,1,,C\n";
    char fx[256];
    if (!st) {
        st = open_store(tmp_store(path));
        hrr_import_opts_t r = {.format = "unvotes-roll-calls"};
        if (fuzz_file(fx, "un_roll_calls.csv", rc, sizeof rc - 1)) hrr_import(st, fx, &r, NULL);
    }
    hrr_import_opts_t o = {.format = "voeten-long"};
    if (fuzz_file(fx, "voeten2016_hr_votes_long.csv", data, size)) hrr_import(st, fx, &o, NULL);
    return 0;
}
