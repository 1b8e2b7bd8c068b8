/* fuzz_scenario.c - libFuzzer target for the scenario loader: the input is
 * a scenario file (JSON) beside a copy of the baseline it may name as its
 * base; a loaded one must have its values inside their ranges. */
#include "harness.h"

#include <assert.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    char fx[256], bx[256];
    static const char base[] = "{\"name\": \"baseline\", \"params\": {\"shock\": 0.5}}";
    hrr_sim_params_t p;
    if (!fuzz_file(bx, "baseline.json", base, sizeof base - 1)) return 0;
    if (!fuzz_file(fx, "scenario.json", data, size)) return 0;
    if (hrr_sim_scenario_load(fx, &p, NULL) == HRR_OK)
        for (int i = 0; i < hrr_sim_param_count(); i++) {
            double v = hrr_sim_param_get(&p, i), v2;
            hrr_sim_params_t q = p;
            hrr_sim_param_set(&q, i, v); /* clamps: a loaded value is in range */
            v2 = hrr_sim_param_get(&q, i);
            assert(v == v2 || (v != v && v2 != v2));
        }
    return 0;
}
