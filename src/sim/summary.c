/*
 * summary.c - what an ensemble says: each quantity's median and 90%
 * interval (the 5% and 95% quantiles, R's type 7 interpolation) per year,
 * beside the recorded value; the effect of a what-if against the baseline
 * (quantiles of the run-by-run difference, both run with the same seed, so
 * run r of each shares its random numbers where the histories agree); and
 * the sensitivity of the headline outputs to each parameter.
 */
#include "simi.h"

#include "core/rng.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
    const char *name, *about;
} k_q[HRR_SIM_NQ] = {
    [HRR_SIM_VOTES] = {"votes", "recorded votes (drafts, amendments and motions put to the vote)"},
    [HRR_SIM_COUNTRY] = {"country_voted", "country resolutions put to the vote"},
    [HRR_SIM_COUNTRY_ADOPTED] = {"country_adopted", "country resolutions adopted"},
    [HRR_SIM_SHARE_ADOPTED] = {"share_adopted", "share of the country resolutions voted that were adopted"},
    [HRR_SIM_MARGIN] = {"margin", "mean yes minus no on country resolutions"},
    [HRR_SIM_CLOSE] = {"close", "country resolutions within 4 votes of the threshold"},
    [HRR_SIM_AMEND] = {"amendments", "amendments put to the vote"},
    [HRR_SIM_AMEND_ADOPTED] = {"amendments_adopted", "amendments adopted"},
    [HRR_SIM_NOACTION] = {"no_action", "no-action motions put to the vote"},
    [HRR_SIM_NOACTION_CARRIED] = {"no_action_carried", "no-action motions carried"},
    [HRR_SIM_LMG] = {"lmg_cohesion", "Like Minded Group cohesion (share casting the group's most common ballot)"},
    [HRR_SIM_CONTESTED] = {"contested", "contested regional slates at the year's election"},
    [HRR_SIM_SPECIAL] = {"special_sessions", "special sessions convened (A/RES/60/251 para 10)"},
    [HRR_SIM_SUSPENDED] = {"suspended", "members suspended by the General Assembly (A/RES/60/251 para 8)"},
    [HRR_SIM_UPR_RECS] = {"upr_recs", "UPR recommendations made to the states under review"},
    [HRR_SIM_UPR_SOFTBALL] = {"upr_softball_share", "share of the UPR recommendations from the state's allies (its regional group, or both in the LMG)"},
    [HRR_SIM_UPR_SUPPORTED] = {"upr_supported_share", "share of the UPR recommendations the state supported"},
    [HRR_SIM_RATIFY] = {"ratifications", "ratifications of the 18 human rights instruments"},
    [HRR_SIM_CONCESSIONS] = {"concessions", "concessions of targeted states on country texts"},
    [HRR_SIM_JOINT] = {"joint_statements", "joint counter-statements of targeted states' allies"},
    [HRR_SIM_JOINT_SIGN] = {"joint_signatories", "signatories of the joint counter-statements"},
    [HRR_SIM_CHINA_YES] = {"china_yes", "yes share on texts against China"},
    [HRR_SIM_VISITS] = {"sp_visits", "special procedures' visits to targeted states"},
    [HRR_SIM_TB_REVIEWS] = {"tb_reviews", "treaty-body reviews of targeted states"},
    [HRR_SIM_TB_ALIGNED] = {"tb_aligned", "treaty-body reviews of targeted states voided by government-aligned experts"},
    [HRR_SIM_NGO_DEFERRED] = {"ngo_deferred", "targeted states whose NGOs' accreditation the NGO Committee deferred"},
};

const char *hrr_sim_q_name(int q) { return q >= 0 && q < HRR_SIM_NQ ? k_q[q].name : NULL; }
const char *hrr_sim_q_about(int q) { return q >= 0 && q < HRR_SIM_NQ ? k_q[q].about : NULL; }

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Quantile P of the N sorted values V (type 7). */
static double quantile(const double *v, long n, double p)
{
    if (n <= 0) return NAN;
    double h = (double)(n - 1) * p;
    long lo = (long)floor(h);
    if (lo >= n - 1) return v[n - 1];
    return v[lo] + (h - (double)lo) * (v[lo + 1] - v[lo]);
}

/* Median and 90% interval of column (Y, Q) of OUT, or of OUT - BASE. */
static void column(const double *out, const double *base, long runs, size_t stride, size_t off, double *buf,
                   double *med, double *lo, double *hi)
{
    long n = 0;
    for (long r = 0; r < runs; r++) {
        double v = out[(size_t)r * stride + off];
        if (base) v -= base[(size_t)r * stride + off];
        if (!isnan(v)) buf[n++] = v;
    }
    qsort(buf, (size_t)n, sizeof *buf, cmp_d);
    *med = quantile(buf, n, 0.5);
    *lo = quantile(buf, n, 0.05);
    *hi = quantile(buf, n, 0.95);
}

/* Quantity Q over the years of row V (NY x NQ): a total for counts, a
 * mean for shares, margins and cohesion; NaN when no year has it. */
static double over_years(const double *v, int ny, int q)
{
    double t = 0;
    int n = 0;
    for (int y = 0; y < ny; y++) {
        double x = v[(size_t)y * HRR_SIM_NQ + (size_t)q];
        if (!isnan(x)) t += x, n++;
    }
    if (!n) return NAN;
    return q == HRR_SIM_SHARE_ADOPTED || q == HRR_SIM_MARGIN || q == HRR_SIM_LMG || q == HRR_SIM_UPR_SOFTBALL ||
                   q == HRR_SIM_UPR_SUPPORTED || q == HRR_SIM_CHINA_YES
               ? t / n
               : t;
}

/* The totals' median and interval (of OUT - BASE when BASE). */
static void totals(const double *out, const double *base, long runs, int ny, double *buf, double *med, double *lo,
                   double *hi)
{
    size_t stride = (size_t)ny * HRR_SIM_NQ;
    for (int q = 0; q < HRR_SIM_NQ; q++) {
        long n = 0;
        for (long r = 0; r < runs; r++) {
            double v = over_years(out + (size_t)r * stride, ny, q);
            if (base) v -= over_years(base + (size_t)r * stride, ny, q);
            if (!isnan(v)) buf[n++] = v;
        }
        qsort(buf, (size_t)n, sizeof *buf, cmp_d);
        med[q] = quantile(buf, n, 0.5), lo[q] = quantile(buf, n, 0.05), hi[q] = quantile(buf, n, 0.95);
    }
}

hrr_err_t hrr_sim_summarise(const hrr_sim_t *sim, const double *out, long runs, unsigned long seed,
                            hrr_sim_summary_t **res)
{
    hrr_ctx_t *ctx = sim->ctx;
    size_t cells = (size_t)sim->ny * HRR_SIM_NQ;
    hrr_sim_summary_t *s = hrr_i_calloc(ctx, 1, sizeof *s);
    double *buf = hrr_i_malloc(ctx, (size_t)(runs > 0 ? runs : 1) * sizeof *buf);
    *res = NULL;
    if (s) {
        s->med = hrr_i_malloc(ctx, cells * sizeof *s->med);
        s->lo = hrr_i_malloc(ctx, cells * sizeof *s->lo);
        s->hi = hrr_i_malloc(ctx, cells * sizeof *s->hi);
        s->rec = hrr_i_malloc(ctx, cells * sizeof *s->rec);
    }
    if (!s || !buf || !s->med || !s->lo || !s->hi || !s->rec) {
        hrr_i_free(ctx, buf);
        hrr_sim_summary_free(s);
        return hrr_i_seterr(sim->st, HRR_ENOMEM, "out of memory");
    }
    snprintf(s->scenario, sizeof s->scenario, "%s", sim->p.name);
    s->y0 = sim->y0, s->ny = sim->ny, s->runs = runs, s->seed = seed;
    for (size_t c = 0; c < cells; c++) {
        column(out, NULL, runs, cells, c, buf, &s->med[c], &s->lo[c], &s->hi[c]);
        s->rec[c] = sim->rec[c];
    }
    totals(out, NULL, runs, sim->ny, buf, s->tmed, s->tlo, s->thi);
    for (int q = 0; q < HRR_SIM_NQ; q++) {
        s->trec[q] = over_years(sim->rec, sim->ny, q);
        s->tbmed[q] = s->tblo[q] = s->tbhi[q] = NAN;
    }
    hrr_i_free(ctx, buf);
    *res = s;
    return HRR_OK;
}

hrr_err_t hrr_sim_summary_compare(hrr_sim_summary_t *s, const char *base_name, const double *out,
                                  const double *base_out, long runs)
{
    size_t cells = (size_t)s->ny * HRR_SIM_NQ;
    s->base_med = hrr_i_malloc(NULL, cells * sizeof *s->base_med);
    s->base_lo = hrr_i_malloc(NULL, cells * sizeof *s->base_lo);
    s->base_hi = hrr_i_malloc(NULL, cells * sizeof *s->base_hi);
    double *buf = hrr_i_malloc(NULL, (size_t)(runs > 0 ? runs : 1) * sizeof *buf);
    if (!s->base_med || !s->base_lo || !s->base_hi || !buf) {
        hrr_i_free(NULL, buf);
        return HRR_ENOMEM;
    }
    snprintf(s->base, sizeof s->base, "%s", base_name);
    for (size_t c = 0; c < cells; c++) column(out, base_out, runs, cells, c, buf, &s->base_med[c], &s->base_lo[c], &s->base_hi[c]);
    totals(out, base_out, runs, s->ny, buf, s->tbmed, s->tblo, s->tbhi);
    hrr_i_free(NULL, buf);
    return HRR_OK;
}

void hrr_sim_summary_free(hrr_sim_summary_t *s)
{
    if (!s) return;
    hrr_i_free(NULL, s->med);
    hrr_i_free(NULL, s->lo);
    hrr_i_free(NULL, s->hi);
    hrr_i_free(NULL, s->rec);
    hrr_i_free(NULL, s->base_med);
    hrr_i_free(NULL, s->base_lo);
    hrr_i_free(NULL, s->base_hi);
    hrr_i_free(NULL, s);
}

long hrr_sim_summary_coverage(const hrr_sim_summary_t *s, long *total)
{
    long in = 0, n = 0;
    for (size_t c = 0; c < (size_t)s->ny * HRR_SIM_NQ; c++) {
        if (isnan(s->rec[c]) || isnan(s->lo[c])) continue;
        n++;
        in += s->rec[c] >= s->lo[c] - 1e-9 && s->rec[c] <= s->hi[c] + 1e-9;
    }
    *total = n;
    return in;
}

/* ------------------------------------------------------------ sensitivity */

const int hrr_sim_sens_q[HRR_SIM_SENS_NQ] = {HRR_SIM_VOTES, HRR_SIM_COUNTRY_ADOPTED, HRR_SIM_AMEND, HRR_SIM_LMG,
                                             HRR_SIM_CONTESTED};

/* Mean over RUNS of each headline output (totals over years; LMG: mean). */
static hrr_err_t headline(hrr_sim_t *sim, long runs, unsigned long seed, int threads, double *buf, double *res)
{
    hrr_err_t rc = hrr_sim_run(sim, 0, runs, seed, threads, buf, NULL, NULL);
    if (rc) return rc;
    for (int k = 0; k < HRR_SIM_SENS_NQ; k++) {
        int q = hrr_sim_sens_q[k];
        double sum = 0;
        long n = 0;
        for (long r = 0; r < runs; r++) {
            double t = 0;
            long m = 0;
            for (int y = 0; y < sim->ny; y++) {
                double v = buf[((size_t)r * (size_t)sim->ny + (size_t)y) * HRR_SIM_NQ + (size_t)q];
                if (!isnan(v)) t += v, m++;
            }
            if (q == HRR_SIM_LMG) {
                if (!m) continue;
                t /= (double)m;
            }
            sum += t, n++;
        }
        res[k] = n ? sum / (double)n : NAN;
    }
    return HRR_OK;
}

hrr_err_t hrr_sim_sensitivity(hrr_sim_t *sim, long runs, long npoints, unsigned long seed, int threads,
                              hrr_sim_sens_t **out)
{
    hrr_ctx_t *ctx = sim->ctx;
    const hrr_sim_params_t keep = sim->p;
    int np = 0, idx[64];
    double lo[64], hi[64];
    for (int i = 0; i < hrr_sim_param_count() && np < 64; i++)
        if (hrr_sim_param_span(i, &lo[np], &hi[np])) idx[np++] = i;
    hrr_sim_sens_t *s = hrr_i_calloc(ctx, 1, sizeof *s);
    double *buf = hrr_i_malloc(ctx, (size_t)runs * (size_t)sim->ny * HRR_SIM_NQ * sizeof *buf);
    double *X = hrr_i_malloc(ctx, (size_t)npoints * (size_t)np * sizeof *X);
    double *Y = hrr_i_malloc(ctx, (size_t)npoints * HRR_SIM_SENS_NQ * sizeof *Y);
    int *perm = hrr_i_malloc(ctx, (size_t)npoints * sizeof *perm);
    hrr_err_t rc = HRR_OK;
    *out = NULL;
    if (s) {
        s->np = np, s->nq = HRR_SIM_SENS_NQ;
        s->param = hrr_i_malloc(ctx, (size_t)np * sizeof *s->param);
        s->q = hrr_i_malloc(ctx, HRR_SIM_SENS_NQ * sizeof *s->q);
        s->oat_lo = hrr_i_malloc(ctx, (size_t)np * HRR_SIM_SENS_NQ * sizeof *s->oat_lo);
        s->oat_hi = hrr_i_malloc(ctx, (size_t)np * HRR_SIM_SENS_NQ * sizeof *s->oat_hi);
        s->corr = hrr_i_malloc(ctx, (size_t)np * HRR_SIM_SENS_NQ * sizeof *s->corr);
        s->base = hrr_i_malloc(ctx, HRR_SIM_SENS_NQ * sizeof *s->base);
    }
    if (!s || !buf || !X || !Y || !perm || !s->param || !s->q || !s->oat_lo || !s->oat_hi || !s->corr || !s->base) {
        rc = hrr_i_seterr(sim->st, HRR_ENOMEM, "out of memory");
        goto out;
    }
    memcpy(s->param, idx, (size_t)np * sizeof *idx);
    memcpy(s->q, hrr_sim_sens_q, sizeof hrr_sim_sens_q);
    if ((rc = headline(sim, runs, seed, threads, buf, s->base))) goto out;
    for (int i = 0; i < np; i++) { /* one at a time */
        sim->p = keep;
        hrr_sim_param_set(&sim->p, idx[i], lo[i]);
        if ((rc = headline(sim, runs, seed, threads, buf, s->oat_lo + (size_t)i * HRR_SIM_SENS_NQ))) goto out;
        sim->p = keep;
        hrr_sim_param_set(&sim->p, idx[i], hi[i]);
        if ((rc = headline(sim, runs, seed, threads, buf, s->oat_hi + (size_t)i * HRR_SIM_SENS_NQ))) goto out;
    }
    /* the Latin hypercube: each parameter's span cut in NPOINTS strata,
     * one point in each, the strata shuffled per parameter (stream
     * 2^40 + i of the seed) */
    for (int i = 0; i < np; i++) {
        hrr_rng_t rng;
        hrr_rng_init(&rng, seed, (1ULL << 40) + (uint64_t)i);
        for (long k = 0; k < npoints; k++) perm[k] = (int)k;
        for (long k = npoints - 1; k > 0; k--) {
            long j = (long)(hrr_rng_uniform(&rng) * (double)(k + 1));
            int t = perm[k];
            perm[k] = perm[j], perm[j] = t;
        }
        for (long k = 0; k < npoints; k++)
            X[(size_t)k * (size_t)np + (size_t)i] = lo[i] + (hi[i] - lo[i]) * ((double)perm[k] + hrr_rng_uniform(&rng)) / (double)npoints;
    }
    for (long k = 0; k < npoints; k++) {
        sim->p = keep;
        for (int i = 0; i < np; i++) hrr_sim_param_set(&sim->p, idx[i], X[(size_t)k * (size_t)np + (size_t)i]);
        if ((rc = headline(sim, runs, seed, threads, buf, Y + (size_t)k * HRR_SIM_SENS_NQ))) goto out;
    }
    for (int i = 0; i < np; i++)
        for (int q = 0; q < HRR_SIM_SENS_NQ; q++) {
            double mx = 0, my = 0, sxx = 0, syy = 0, sxy = 0;
            long n = 0;
            for (long k = 0; k < npoints; k++) {
                double y = Y[(size_t)k * HRR_SIM_SENS_NQ + (size_t)q];
                if (isnan(y)) continue;
                mx += X[(size_t)k * (size_t)np + (size_t)i], my += y, n++;
            }
            if (n < 3) {
                s->corr[(size_t)i * HRR_SIM_SENS_NQ + (size_t)q] = NAN;
                continue;
            }
            mx /= (double)n, my /= (double)n;
            for (long k = 0; k < npoints; k++) {
                double y = Y[(size_t)k * HRR_SIM_SENS_NQ + (size_t)q];
                if (isnan(y)) continue;
                double dx = X[(size_t)k * (size_t)np + (size_t)i] - mx, dy = y - my;
                sxx += dx * dx, syy += dy * dy, sxy += dx * dy;
            }
            s->corr[(size_t)i * HRR_SIM_SENS_NQ + (size_t)q] = sxx > 0 && syy > 0 ? sxy / sqrt(sxx * syy) : NAN;
        }
out:
    sim->p = keep;
    hrr_i_free(ctx, buf);
    hrr_i_free(ctx, X);
    hrr_i_free(ctx, Y);
    hrr_i_free(ctx, perm);
    if (rc) {
        hrr_sim_sens_free(s);
        return rc;
    }
    *out = s;
    return HRR_OK;
}

void hrr_sim_sens_free(hrr_sim_sens_t *s)
{
    if (!s) return;
    hrr_i_free(NULL, s->param);
    hrr_i_free(NULL, s->q);
    hrr_i_free(NULL, s->oat_lo);
    hrr_i_free(NULL, s->oat_hi);
    hrr_i_free(NULL, s->corr);
    hrr_i_free(NULL, s->base);
    hrr_i_free(NULL, s);
}
