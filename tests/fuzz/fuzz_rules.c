/* fuzz_rules.c - libFuzzer target for the rule-file parser: the input is a
 * rule set (JSON) loaded from a file and used to decide one vote. */
#include "harness.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    char fx[256];
    hrr_rules_t *r = NULL;
    if (!fuzz_file(fx, "rules.json", data, size)) return 0;
    if (hrr_rules_load(fx, &r, NULL) == HRR_OK) {
        hrr_vote_in_t in = {20, 15, 12, 0, -1, 16, HRR_SCOPE_COUNTRY, HRR_MOTION_NONE, 0, 1990};
        hrr_decision_t d;
        hrr_rules_decide(r, &in, &d);
        free(hrr_rules_describe(r));
        hrr_rules_free(r);
    }
    return 0;
}
