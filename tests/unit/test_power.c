/*
 * test_power.c - voting power by generating functions against published
 * values (the Council of the EEC, 1958: weights 4,4,4,2,2,1, quota 12;
 * Shapley-Shubik 14/60, 9/60, 0; Banzhaf 10/42, 6/42, 0), a game worked by
 * hand (8,6,4,2, quota 12), brute-force enumeration of random small games,
 * and closed forms for blocs voting together in 47- and 193-member bodies.
 */
#include "harness.h"

#include <math.h>

#define NEAR(a, b) (fabs((a) - (b)) < 1e-9)

/* Brute force: Banzhaf swings over all coalitions, Shapley-Shubik over all
 * orderings (n <= 8). */
static void brute(const long *w, int n, long q, double *bz, double *ss)
{
    double swings[8] = {0}, total = 0;
    for (unsigned m = 0; m < (1u << n); m++) {
        long s = 0;
        for (int j = 0; j < n; j++)
            if (m >> j & 1) s += w[j];
        for (int i = 0; i < n; i++)
            if (!(m >> i & 1) && s < q && s + w[i] >= q) swings[i]++, total++;
    }
    for (int i = 0; i < n; i++) bz[i] = total ? swings[i] / total : NAN;
    int perm[8];
    double piv[8] = {0}, count = 0;
    for (int i = 0; i < n; i++) perm[i] = i;
    for (;;) { /* all permutations, lexicographic */
        long s = 0;
        for (int k = 0; k < n; k++) {
            s += w[perm[k]];
            if (s >= q) {
                piv[perm[k]]++;
                break;
            }
        }
        count++;
        int i = n - 2;
        while (i >= 0 && perm[i] > perm[i + 1]) i--;
        if (i < 0) break;
        int j = n - 1;
        while (perm[j] < perm[i]) j--;
        int t = perm[i]; perm[i] = perm[j]; perm[j] = t;
        for (int a = i + 1, b = n - 1; a < b; a++, b--) t = perm[a], perm[a] = perm[b], perm[b] = t;
    }
    for (int i = 0; i < n; i++) ss[i] = piv[i] / count;
}

static double binom(int n, int k) { return exp(lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1)); }

int main(void)
{
    double bz[200], ba[200], ss[200], rb[8], rs[8];
    /* EEC 1958 */
    long eec[] = {4, 4, 4, 2, 2, 1};
    CHECK(hrr_power_indices(eec, 6, 12, bz, ba, ss, NULL) == HRR_OK);
    for (int i = 0; i < 3; i++) CHECK(NEAR(ss[i], 14.0 / 60) && NEAR(bz[i], 10.0 / 42));
    for (int i = 3; i < 5; i++) CHECK(NEAR(ss[i], 9.0 / 60) && NEAR(bz[i], 6.0 / 42));
    CHECK(ss[5] == 0 && bz[5] == 0 && ba[5] == 0);
    CHECK(NEAR(ba[0], 10.0 / 32));
    /* 8,6,4,2, quota 12: swings 5,3,3,1 (worked by hand) */
    long g[] = {8, 6, 4, 2};
    CHECK(hrr_power_indices(g, 4, 12, bz, ba, ss, NULL) == HRR_OK);
    CHECK(NEAR(bz[0], 5.0 / 12) && NEAR(bz[1], 3.0 / 12) && NEAR(bz[2], 3.0 / 12) && NEAR(bz[3], 1.0 / 12));
    brute(g, 4, 12, rb, rs);
    for (int i = 0; i < 4; i++) CHECK(NEAR(ss[i], rs[i]));
    /* random small games against enumeration (fixed seed) */
    unsigned long x = 20261128;
    for (int t = 0; t < 200; t++) {
        long w[8];
        int n = 2 + (int)(x % 7);
        long tot = 0;
        for (int i = 0; i < n; i++) {
            x = x * 6364136223846793005ul + 1442695040888963407ul;
            w[i] = 1 + (long)((x >> 33) % 9);
            tot += w[i];
        }
        x = x * 6364136223846793005ul + 1442695040888963407ul;
        long q = 1 + (long)((x >> 33) % (unsigned long)tot);
        CHECK(hrr_power_indices(w, (size_t)n, q, bz, NULL, ss, NULL) == HRR_OK);
        brute(w, n, q, rb, rs);
        for (int i = 0; i < n; i++) {
            if (!NEAR(bz[i], rb[i]) || !NEAR(ss[i], rs[i])) {
                fprintf(stderr, "game %d player %d: %g %g vs %g %g\n", t, i, bz[i], ss[i], rb[i], rs[i]);
                h_fail++;
            }
            h_checks++;
        }
    }
    /* the Council: the African Group (13) voting together, 34 alone, quota 24.
     * The bloc is pivotal when 11..23 of the 34 precede it: 13/35; it swings
     * in sum_{j=11}^{23} C(34,j) coalitions, a single member in
     * C(33,10) + C(33,23). */
    long hrc[35];
    hrc[0] = 13;
    for (int i = 1; i < 35; i++) hrc[i] = 1;
    CHECK(hrr_power_indices(hrc, 35, 24, bz, ba, ss, NULL) == HRR_OK);
    CHECK(NEAR(ss[0], 13.0 / 35));
    CHECK(NEAR(ss[0] + 34 * ss[1], 1.0));
    double sb = 0;
    for (int j = 11; j <= 23; j++) sb += binom(34, j);
    double s1 = binom(33, 10) + binom(33, 23);
    CHECK(fabs(ba[0] - sb / pow(2, 34)) < 1e-9);
    CHECK(fabs(ba[1] - s1 / pow(2, 34)) < 1e-9);
    CHECK(fabs(bz[0] - sb / (sb + 34 * s1)) < 1e-9);
    /* the Assembly: 193 equal members, majority 97: Shapley-Shubik 1/193 each;
     * absolute Banzhaf C(192,96) / 2^192 */
    long ga[193];
    for (int i = 0; i < 193; i++) ga[i] = 1;
    CHECK(hrr_power_indices(ga, 193, 97, bz, ba, ss, NULL) == HRR_OK);
    double want = exp(lgamma(193) - 2 * lgamma(97) - 192 * log(2.0));
    for (int i = 0; i < 193; i++) {
        CHECK(fabs(ss[i] - 1.0 / 193) < 1e-12);
        CHECK(fabs(ba[i] / want - 1) < 1e-9);
    }
    /* bad games */
    long bad[] = {3, -1};
    CHECK(hrr_power_indices(bad, 2, 2, bz, ba, ss, NULL) == HRR_EINVAL);
    CHECK(hrr_power_indices(eec, 6, 0, bz, ba, ss, NULL) == HRR_EINVAL);
    CHECK(hrr_power_indices(eec, 6, 18, bz, ba, ss, NULL) == HRR_OK); /* the quota is above the total (17) */
    CHECK(isnan(bz[0]) && isnan(ss[0]));
    return harness_done();
}
