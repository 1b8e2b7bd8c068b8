/*
 * test_rng.c - the counter-based streams of src/core/rng.h: Philox4x32-10
 * against Random123's known-answer vectors (kat_vectors in the Random123
 * distribution), streams that do not depend on the order they are drawn in,
 * and the moments of the uniform and normal draws.
 */
#include "harness.h"

#include "../../src/core/rng.h"

#include <math.h>

int main(void)
{
    /* Random123 kat_vectors: philox4x32 10, counter 0, key 0 and all ones */
    philox4x32_ctr_t c = {{0, 0, 0, 0}};
    philox4x32_key_t k = {{0, 0}};
    philox4x32_ctr_t o = philox4x32(c, k);
    CHECK(o.v[0] == 0x6627e8d5u && o.v[1] == 0xe169c58du && o.v[2] == 0xbc57ac4cu && o.v[3] == 0x9b00dbd8u);
    c = (philox4x32_ctr_t){{0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu}};
    k = (philox4x32_key_t){{0xffffffffu, 0xffffffffu}};
    o = philox4x32(c, k);
    CHECK(o.v[0] == 0x408f276du && o.v[1] == 0x41c83b0eu && o.v[2] == 0xa20bc7c6u && o.v[3] == 0x6d5451fdu);

    /* stream 7 of seed 42 is the same whether streams 0..6 were drawn first */
    hrr_rng_t a, b;
    double first[5];
    hrr_rng_init(&a, 42, 7);
    for (int i = 0; i < 5; i++) first[i] = hrr_rng_uniform(&a);
    for (int s = 0; s < 7; s++) {
        hrr_rng_init(&b, 42, (uint64_t)s);
        for (int i = 0; i < 100; i++) (void)hrr_rng_uniform(&b);
    }
    hrr_rng_init(&b, 42, 7);
    int same = 1;
    for (int i = 0; i < 5; i++) same &= hrr_rng_uniform(&b) == first[i];
    CHECK(same);
    hrr_rng_init(&b, 43, 7);
    CHECK(hrr_rng_uniform(&b) != first[0]);
    hrr_rng_init(&b, 42, 8);
    CHECK(hrr_rng_uniform(&b) != first[0]);

    /* moments: 10^6 uniforms (mean 1/2, var 1/12) and normals (0, 1) */
    const int n = 1000000;
    double su = 0, suu = 0, sn = 0, snn = 0, lo = 1, hi = 0;
    hrr_rng_init(&a, 1, 0);
    for (int i = 0; i < n; i++) {
        double u = hrr_rng_uniform(&a), z = hrr_rng_normal(&a);
        su += u, suu += u * u, sn += z, snn += z * z;
        if (u < lo) lo = u;
        if (u > hi) hi = u;
    }
    double mu = su / n, vu = suu / n - mu * mu, mn = sn / n, vn = snn / n - mn * mn;
    CHECK(fabs(mu - 0.5) < 5 * sqrt(1.0 / 12 / n));
    CHECK(fabs(vu - 1.0 / 12) < 0.001);
    CHECK(fabs(mn) < 5 / sqrt((double)n));
    CHECK(fabs(vn - 1) < 0.01);
    CHECK(lo > 0 && hi < 1);
    return harness_done();
}
