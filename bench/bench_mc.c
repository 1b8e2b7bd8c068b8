/*
 * bench_mc.c - the speed of the forecast's Monte Carlo (hrr_fc_simulate) on
 * one core against the physical floor of its random draws: the same number
 * of Philox4x32-10 uniforms drawn and summed, nothing else. A 47-member
 * Council vote with probabilities like a contested country resolution's,
 * with and without the swing-state counts. Prints simulated ballots per
 * second, the median of REPS repetitions, and the ratio to the floor.
 *
 *   bench_mc [RUNS per repetition, default 2000000] [REPS, default 5]
 */
#include "hrr.h"

#include "core/rng.h"

#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    long runs = argc > 1 ? atol(argv[1]) : 2000000;
    int reps = argc > 2 ? atoi(argv[2]) : 5;
    if (runs < 1 || reps < 1 || reps > 100) return fprintf(stderr, "usage: bench_mc [RUNS] [REPS]\n"), 2;
    enum { N = 47 };
    omp_set_num_threads(1);
    double p[N * 4];
    for (int i = 0; i < N; i++) { /* 27 likely yes, 8 likely no, 12 likely abstain */
        double *q = p + i * 4;
        if (i < 27) q[0] = 0.85, q[1] = 0.03, q[2] = 0.11, q[3] = 0.01;
        else if (i < 35) q[0] = 0.05, q[1] = 0.80, q[2] = 0.14, q[3] = 0.01;
        else q[0] = 0.25, q[1] = 0.15, q[2] = 0.58, q[3] = 0.02;
    }
    static short t[(N + 1) * (N + 1)];
    for (int no = 0; no <= N; no++)
        for (int ab = 0; ab <= N; ab++) t[no * (N + 1) + ab] = (short)(no + ab > N ? N + 1 : no + 1);
    double floor_s[100], sim_s[100], swing_s[100];
    volatile double sink = 0;
    long dec[N];
    for (int r = 0; r < reps; r++) {
        double t0 = now();
        hrr_rng_t g;
        float acc = 0;
        for (long blk = 0; blk * 4096 < runs; blk++) {
            hrr_rng_init(&g, 1, (uint64_t)blk);
            long end = (blk + 1) * 4096 < runs ? (blk + 1) * 4096 : runs;
            for (long k = blk * 4096 * N; k < end * N; k++) acc += hrr_rng_uniform32(&g);
        }
        sink += acc;
        double t1 = now();
        sink += (double)hrr_fc_simulate(p, N, t, NULL, 0.8, runs, 1, NULL, NULL, NULL);
        double t2 = now();
        sink += (double)hrr_fc_simulate(p, N, t, NULL, 0.8, runs, 1, NULL, dec, NULL);
        double t3 = now();
        floor_s[r] = t1 - t0, sim_s[r] = t2 - t1, swing_s[r] = t3 - t2;
    }
    qsort(floor_s, (size_t)reps, sizeof *floor_s, cmp);
    qsort(sim_s, (size_t)reps, sizeof *sim_s, cmp);
    qsort(swing_s, (size_t)reps, sizeof *swing_s, cmp);
    double ballots = (double)runs * N, f = floor_s[reps / 2], s = sim_s[reps / 2], w = swing_s[reps / 2];
    printf("one core, %d members, %ld runs x %d repetitions (medians)\n", N, runs, reps);
    printf("RNG floor (Philox uniforms)      %8.1f M draws/s\n", ballots / f / 1e6);
    printf("Monte Carlo, outcome only        %8.1f M ballots/s  (%.2f x the floor's time)\n", ballots / s / 1e6, s / f);
    printf("Monte Carlo, with swing states   %8.1f M ballots/s  (%.2f x the floor's time)\n", ballots / w / 1e6, w / f);
    return sink == -1 ? 1 : 0;
}
