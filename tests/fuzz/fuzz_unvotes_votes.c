/* fuzz_unvotes_votes.c - libFuzzer target for the unvotes-votes importer, on a store
 * that holds three roll calls for the rows to point at. */
#include "harness.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    static hrr_store_t *st;
    static char path[256];
    static const char rc[] = "rcid,session,importantvote,date,unres,amend,para,short,descr\n"
        "3,1,0,1946-01-01,R/1/66,1,0,A,B\n127,3,0,1948-12-02,R/3/933,0,1,,C\n"
        "5309,68,0,2014-03-27,R/68/262,,,D,\n";
    char fx[256];
    if (!st) {
        st = open_store(tmp_store(path));
        hrr_import_opts_t r = {.format = "unvotes-roll-calls"};
        if (fuzz_file(fx, "un_roll_calls.csv", rc, sizeof rc - 1)) hrr_import(st, fx, &r, NULL);
    }
    hrr_import_opts_t o = {.format = "unvotes-votes"};
    if (fuzz_file(fx, "un_votes.csv", data, size)) hrr_import(st, fx, &o, NULL);
    return 0;
}
