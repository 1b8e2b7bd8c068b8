/*
 * blocs.c - voting blocs, two ways, and their stability across years.
 *
 * Louvain: communities of the agreement graph by modularity optimisation
 * (Blondel, Guillaume, Lambiotte and Lefebvre 2008, "Fast unfolding of
 * communities in large networks", J. Stat. Mech.) through igraph. Edges join
 * pairs whose agreement (abstention as half) is above the median of all
 * pairs, so that the graph carries the contrast between blocs rather than
 * the Assembly's general consensus; weights are the agreement.
 *
 * Hierarchical: average-linkage (UPGMA; Sokal and Michener 1958) clustering
 * on the distance 1 - agreement (pairs without enough common votes: the
 * mean distance), cut into K clusters. igraph has no
 * agglomerative clustering of a distance matrix, so the O(n^3) merge loop is
 * written here (n is at most a few hundred states); ties merge the pair with
 * the lowest indices first, so the result is deterministic.
 *
 * Stability: the partitions of consecutive years compared over the states
 * present in both, by the adjusted Rand index (Hubert and Arabie 1985) and
 * the normalised mutual information (Danon et al. 2005), igraph's
 * igraph_compare_communities.
 */
#include "store/store.h"

#include <igraph/igraph.h>
#include <pthread.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void hrr_blocs_free(hrr_blocs_t *b)
{
    if (!b) return;
    hrr_i_free(NULL, b->iso3);
    hrr_i_free(NULL, b->bloc);
    hrr_i_free(NULL, b);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

hrr_err_t hrr_upgma(const double *dist, size_t n, int k, int *cluster, double *height, hrr_ctx_t *ctx)
{
    if (!n || k < 1) return HRR_EINVAL;
    double *d = hrr_i_malloc(ctx, n * n * sizeof *d);
    size_t *size = hrr_i_malloc(ctx, n * sizeof *size);
    int *id = hrr_i_malloc(ctx, n * sizeof *id), *alive = hrr_i_malloc(ctx, n * sizeof *alive);
    if (!d || !size || !id || !alive) {
        hrr_i_free(ctx, d), hrr_i_free(ctx, size), hrr_i_free(ctx, id), hrr_i_free(ctx, alive);
        return HRR_ENOMEM;
    }
    memcpy(d, dist, n * n * sizeof *d);
    for (size_t i = 0; i < n; i++) size[i] = 1, id[i] = (int)i, alive[i] = 1, cluster[i] = (int)i;
    for (size_t step = 0; step + 1 < n; step++) {
        size_t a = 0, b = 0;
        double best = INFINITY;
        for (size_t i = 0; i < n; i++)
            for (size_t j = i + 1; alive[i] && j < n; j++)
                if (alive[j] && d[i * n + j] < best) best = d[i * n + j], a = i, b = j;
        if (height) height[step] = best;
        /* the clusters: merge while more than k remain */
        if (n - step > (size_t)k)
            for (size_t i = 0; i < n; i++)
                if (cluster[i] == id[b]) cluster[i] = id[a];
        /* average linkage: the new cluster's distance to each other one */
        for (size_t j = 0; j < n; j++)
            if (alive[j] && j != a && j != b) {
                double v = (d[a * n + j] * (double)size[a] + d[b * n + j] * (double)size[b]) /
                           (double)(size[a] + size[b]);
                d[a * n + j] = d[j * n + a] = v;
            }
        size[a] += size[b];
        alive[b] = 0;
    }
    /* renumber: largest cluster first, ties by first member */
    int *map = id; /* reuse */
    for (size_t i = 0; i < n; i++) map[i] = -1;
    size_t *cnt = size;
    memset(cnt, 0, n * sizeof *cnt);
    for (size_t i = 0; i < n; i++) cnt[cluster[i]]++;
    for (int next = 0;; next++) {
        int bestc = -1;
        for (size_t i = 0; i < n; i++) {
            int c = cluster[i];
            if (map[c] < 0 && (bestc < 0 || cnt[c] > cnt[bestc])) bestc = c;
        }
        if (bestc < 0) break;
        map[bestc] = next;
    }
    for (size_t i = 0; i < n; i++) cluster[i] = map[cluster[i]];
    hrr_i_free(ctx, d), hrr_i_free(ctx, size), hrr_i_free(ctx, id), hrr_i_free(ctx, alive);
    return HRR_OK;
}

/* Renumber memberships M (n) 0.. by size, largest first, ties by first
 * member; the number of blocs. */
static int renumber(hrr_ctx_t *ctx, int *m, size_t n)
{
    int maxc = 0;
    for (size_t i = 0; i < n; i++) maxc = m[i] > maxc ? m[i] : maxc;
    int *size = hrr_i_calloc(ctx, (size_t)maxc + 1, sizeof *size), *map = hrr_i_calloc(ctx, (size_t)maxc + 1, sizeof *map);
    int nb = 0;
    if (!size || !map) {
        hrr_i_free(ctx, size), hrr_i_free(ctx, map);
        return -1;
    }
    for (size_t i = 0; i < n; i++) size[m[i]]++;
    for (int r = 0; r <= maxc; r++) map[r] = -1;
    for (int next = 0; next <= maxc; next++) {
        int best = -1;
        for (size_t i = 0; i < n; i++) { /* by first member among equals */
            int c = m[i];
            if (map[c] < 0 && (best < 0 || size[c] > size[best])) best = c;
        }
        if (best < 0) break;
        map[best] = next;
        nb = next + 1;
    }
    for (size_t i = 0; i < n; i++) m[i] = map[m[i]];
    hrr_i_free(ctx, size), hrr_i_free(ctx, map);
    return nb;
}

/* igraph is built without thread safety (IGRAPH_THREAD_SAFE 0 in 0.10):
 * its cleanup stack and its default RNG are process-wide, so every use of
 * igraph in the library holds this lock. */
static pthread_mutex_t g_igraph_lock = PTHREAD_MUTEX_INITIALIZER;

/* The hrr_err_t for igraph's result IE in WHAT, with the reason igraph's
 * handler recorded (src/core/init.c). */
static hrr_err_t igraph_err(hrr_store_t *st, igraph_error_t ie, const char *what)
{
    return hrr_i_seterr(st, ie == IGRAPH_ENOMEM ? HRR_ENOMEM : HRR_EINVAL, "finding blocs: %s: %s", what,
                        hrr_i_lib_reason());
}

/* Before any igraph call: the library's handlers installed, the lock held
 * (the caller unlocks g_igraph_lock on its way out), no stale reason. */
static void igraph_enter(void)
{
    hrr_i_init();
    pthread_mutex_lock(&g_igraph_lock);
    hrr_i_lib_reason_clear();
}

/* Run igraph CALL; on failure set rc from it (naming WHAT) and goto out. The
 * function has `igraph_error_t ie`, `hrr_err_t rc`, `hrr_store_t *st`. */
#define IG(call, what)                                                                                   \
    if ((ie = (call)) != IGRAPH_SUCCESS) {                                                               \
        rc = igraph_err(st, ie, what);                                                                   \
        goto out;                                                                                        \
    }

/* Partition the states of AG into blocs (B->bloc, B->nblocs) and score the
 * partition's modularity (B->modularity) on the graph of the above-MEDIAN
 * pairs (PA[e], PB[e]) weighted by agreement: Louvain (igraph's multilevel,
 * Blondel et al. 2008) or UPGMA cut into K (hrr_upgma) on the distances
 * 1 - agreement (*DIST, owned by the caller after the call). */
static hrr_err_t graph_blocs(hrr_store_t *st, const hrr_agree_t *ag, const size_t *pa, const size_t *pb,
                             double median, const hrr_blocs_opts_t *opts, int k, hrr_blocs_t *b,
                             double **dist)
{
    igraph_vector_int_t edges, memb;
    igraph_vector_t w, modv;
    igraph_t g;
    igraph_rng_t rng;
    igraph_real_t q = 0;
    hrr_err_t rc = HRR_OK;
    igraph_error_t ie;
    int have = 0; /* how many of edges, w, memb, modv, g, rng are initialised */
    igraph_enter();
    IG(igraph_vector_int_init(&edges, 0), "a vector");
    have++;
    IG(igraph_vector_init(&w, 0), "a vector");
    have++;
    IG(igraph_vector_int_init(&memb, (igraph_integer_t)b->ns), "a vector");
    have++;
    IG(igraph_vector_init(&modv, 0), "a vector");
    have++;
    for (size_t e = 0; e < ag->n; e++) {
        if (!(ag->a[e].agree_half > median)) continue;
        IG(igraph_vector_int_push_back(&edges, (igraph_integer_t)pa[e]), "the graph's edges");
        IG(igraph_vector_int_push_back(&edges, (igraph_integer_t)pb[e]), "the graph's edges");
        IG(igraph_vector_push_back(&w, ag->a[e].agree_half), "the graph's weights");
    }
    IG(igraph_create(&g, &edges, (igraph_integer_t)b->ns, IGRAPH_UNDIRECTED), "the graph");
    have++;
    if (opts->method == HRR_BLOCS_LOUVAIN) {
        /* a local RNG seeded from the options. igraph 0.10's
         * community_multilevel draws only from igraph_rng_default() (RNG_BEGIN
         * / RNG_INTEGER in igraph_random.h), so the local RNG is made the
         * default for the call and the old default restored after, under
         * g_igraph_lock. PCG32 is igraph 0.10's default type: the blocs are
         * bit-identical to those of the seeded default RNG before. */
        IG(igraph_rng_init(&rng, &igraph_rngtype_pcg32), "the RNG");
        have++;
        IG(igraph_rng_seed(&rng, opts->seed ? opts->seed : 1), "the RNG");
        igraph_rng_t *old = igraph_rng_default();
        igraph_rng_set_default(&rng);
        ie = igraph_community_multilevel(&g, &w, 1.0, &memb, NULL, &modv);
        igraph_rng_set_default(old);
        IG(ie, "the multilevel communities");
        for (size_t i = 0; i < b->ns; i++) b->bloc[i] = (int)VECTOR(memb)[i];
    } else {
        /* distances 1 - agreement; pairs without enough common votes (on
         * the Council, states that never sat together) take the mean
         * distance, so they neither join nor repel */
        double mean = 0, *d;
        for (size_t e = 0; e < ag->n; e++) mean += 1 - ag->a[e].agree_half;
        mean /= (double)ag->n;
        if (!(d = *dist = hrr_i_malloc(hrr_store_ctx(st), b->ns * b->ns * sizeof *d))) goto nomem;
        for (size_t i = 0; i < b->ns * b->ns; i++) d[i] = (i % (b->ns + 1)) ? mean : 0;
        for (size_t e = 0; e < ag->n; e++)
            d[pa[e] * b->ns + pb[e]] = d[pb[e] * b->ns + pa[e]] = 1 - ag->a[e].agree_half;
        if ((rc = hrr_upgma(d, b->ns, k, b->bloc, NULL, hrr_store_ctx(st)))) {
            rc = hrr_i_seterr(st, rc, "finding blocs: the UPGMA tree failed (%s)", hrr_err_name(rc));
            goto out;
        }
    }
    if ((b->nblocs = renumber(hrr_store_ctx(st), b->bloc, b->ns)) < 0) goto nomem;
    for (size_t i = 0; i < b->ns; i++) VECTOR(memb)[i] = b->bloc[i];
    /* the partition's modularity on the same graph */
    if (igraph_vector_int_size(&edges) > 0)
        IG(igraph_modularity(&g, &memb, &w, 1.0, IGRAPH_UNDIRECTED, &q), "the modularity");
    b->modularity = q;
    goto out;
nomem:
    rc = hrr_i_seterr(st, HRR_ENOMEM, "out of memory finding blocs");
out:
    if (have > 5) igraph_rng_destroy(&rng);
    if (have > 4) igraph_destroy(&g);
    if (have > 3) igraph_vector_destroy(&modv);
    if (have > 2) igraph_vector_int_destroy(&memb);
    if (have > 1) igraph_vector_destroy(&w);
    if (have > 0) igraph_vector_int_destroy(&edges);
    pthread_mutex_unlock(&g_igraph_lock);
    return rc;
}

hrr_err_t hrr_blocs_find(hrr_store_t *st, const hrr_scope_opts_t *scope, const hrr_blocs_opts_t *opts,
                         hrr_blocs_t **out)
{
    static const hrr_blocs_opts_t dflt;
    hrr_agree_t *ag = NULL;
    hrr_blocs_t *b = NULL;
    double *vals = NULL, *dist = NULL;
    size_t *pa = NULL, *pb = NULL;
    hrr_err_t rc;
    if (!opts) opts = &dflt;
    *out = NULL;
    if (opts->method != HRR_BLOCS_LOUVAIN && opts->method != HRR_BLOCS_HCLUST)
        return hrr_i_seterr(st, HRR_EINVAL, "unknown blocs method %d", opts->method);
    int k = opts->k > 0 ? opts->k : 2;
    if ((rc = hrr_agree_run(st, scope, NULL, 0, opts->min_n > 0 ? opts->min_n : 20, &ag))) return rc;
    if (!ag->n) {
        hrr_agree_free(ag);
        return hrr_i_seterr(st, HRR_ENOTFOUND, "no pairs of states with enough common votes");
    }
    if (!(b = hrr_i_calloc(hrr_store_ctx(st), 1, sizeof *b)) || !(vals = hrr_i_malloc(hrr_store_ctx(st), ag->n * sizeof *vals)) ||
        !(pa = hrr_i_malloc(hrr_store_ctx(st), ag->n * sizeof *pa)) || !(pb = hrr_i_malloc(hrr_store_ctx(st), ag->n * sizeof *pb)))
        goto nomem;
    /* the states: every state in a pair (pairs come sorted by a, then b) */
    for (size_t q = 0; q < ag->n; q++) {
        const char *names[2] = {ag->a[q].a, ag->a[q].b};
        size_t *slot[2] = {&pa[q], &pb[q]};
        for (int s = 0; s < 2; s++) {
            size_t i = 0;
            while (i < b->ns && strcmp(b->iso3[i], names[s]) != 0) i++;
            if (i == b->ns) {
                char (*p)[4] = hrr_i_realloc(hrr_store_ctx(st), b->iso3, (b->ns + 1) * sizeof *p);
                if (!p) goto nomem;
                b->iso3 = p;
                snprintf(b->iso3[b->ns++], 4, "%s", names[s]);
            }
            *slot[s] = i;
        }
        vals[q] = ag->a[q].agree_half;
    }
    if (!(b->bloc = hrr_i_calloc(hrr_store_ctx(st), b->ns, sizeof *b->bloc))) goto nomem;
    qsort(vals, ag->n, sizeof *vals, cmp_double);
    double median = vals[ag->n / 2];
    /* the graph: above-median pairs, weighted by agreement */
    rc = graph_blocs(st, ag, pa, pb, median, opts, k, b, &dist);
    hrr_i_free(hrr_store_ctx(st), vals), hrr_i_free(hrr_store_ctx(st), dist), hrr_i_free(hrr_store_ctx(st), pa), hrr_i_free(hrr_store_ctx(st), pb);
    hrr_agree_free(ag);
    if (rc) {
        hrr_blocs_free(b);
        return rc;
    }
    *out = b;
    return HRR_OK;
nomem:
    hrr_i_free(hrr_store_ctx(st), vals), hrr_i_free(hrr_store_ctx(st), dist), hrr_i_free(hrr_store_ctx(st), pa), hrr_i_free(hrr_store_ctx(st), pb);
    hrr_agree_free(ag);
    hrr_blocs_free(b);
    return hrr_i_seterr(st, HRR_ENOMEM, "out of memory finding blocs");
}

hrr_err_t hrr_blocs_run(hrr_store_t *st, const hrr_scope_opts_t *scope, long min_n,
                        unsigned long seed, hrr_blocs_t **out)
{
    hrr_blocs_opts_t o = {.method = HRR_BLOCS_LOUVAIN, .min_n = min_n, .seed = seed};
    return hrr_blocs_find(st, scope, &o, out);
}

void hrr_blocs_years_free(hrr_blocs_years_t *y)
{
    if (!y) return;
    for (size_t k = 0; k < y->n; k++) hrr_blocs_free(y->b[k]);
    hrr_i_free(NULL, y->b);
    hrr_i_free(NULL, y->year);
    hrr_i_free(NULL, y->ari);
    hrr_i_free(NULL, y->nmi);
    hrr_i_free(NULL, y);
}

/* The stability of partition B against A over the states in both: the
 * adjusted Rand index (Hubert and Arabie 1985) and the normalised mutual
 * information (Danon et al. 2005), NaN when fewer than two states are shared. */
static hrr_err_t compare(hrr_store_t *st, const hrr_blocs_t *a, const hrr_blocs_t *b, double *ari,
                         double *nmi)
{
    igraph_vector_int_t u, v;
    igraph_real_t r1 = NAN, r2 = NAN;
    igraph_error_t ie;
    hrr_err_t rc = HRR_OK;
    int have = 0;
    igraph_enter();
    IG(igraph_vector_int_init(&u, 0), "a vector");
    have++;
    IG(igraph_vector_int_init(&v, 0), "a vector");
    have++;
    for (size_t i = 0; i < a->ns; i++)
        for (size_t j = 0; j < b->ns; j++)
            if (!strcmp(a->iso3[i], b->iso3[j])) {
                IG(igraph_vector_int_push_back(&u, a->bloc[i]), "comparing years");
                IG(igraph_vector_int_push_back(&v, b->bloc[j]), "comparing years");
            }
    if (igraph_vector_int_size(&u) >= 2) {
        IG(igraph_compare_communities(&u, &v, &r1, IGRAPH_COMMCMP_ADJUSTED_RAND), "the adjusted Rand index");
        IG(igraph_compare_communities(&u, &v, &r2, IGRAPH_COMMCMP_NMI), "the NMI");
    }
out:
    if (have > 1) igraph_vector_int_destroy(&v);
    if (have > 0) igraph_vector_int_destroy(&u);
    pthread_mutex_unlock(&g_igraph_lock);
    *ari = rc ? NAN : r1, *nmi = rc ? NAN : r2;
    return rc;
}

hrr_err_t hrr_blocs_by_year(hrr_store_t *st, const hrr_scope_opts_t *scope, const hrr_blocs_opts_t *opts,
                            hrr_blocs_years_t **out)
{
    *out = NULL;
    char known[64];
    if (!scope || !scope->body)
        return hrr_i_seterr(st, HRR_EINVAL, "a body is required (%s)",
                            hrr_i_body_list(st, known, sizeof known));
    char q[256];
    snprintf(q, sizeof q, "SELECT DISTINCT CAST(substr(date,1,4) AS INTEGER) FROM items WHERE body=?1"
                          " AND date IS NOT NULL ORDER BY 1");
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(st->db, q, -1, &s, NULL)) return hrr_i_dberr(st, "reading years");
    sqlite3_bind_text(s, 1, scope->body, -1, SQLITE_STATIC);
    hrr_blocs_years_t *y = hrr_i_calloc(hrr_store_ctx(st), 1, sizeof *y);
    size_t cap = 0;
    hrr_err_t rc = y ? HRR_OK : HRR_ENOMEM;
    bool row;
    while (!rc && !(rc = hrr_i_step(st, s, &row)) && row) {
        int year = sqlite3_column_int(s, 0);
        if ((scope->from && year < scope->from) || (scope->to && year > scope->to)) continue;
        hrr_scope_opts_t one = {.body = scope->body, .from = year, .to = year};
        hrr_blocs_t *b = NULL;
        hrr_err_t e = hrr_blocs_find(st, &one, opts, &b);
        if (e == HRR_ENOTFOUND) continue; /* a year with too few votes */
        if (e) {
            rc = e;
            break;
        }
        if (y->n == cap) {
            size_t nc = cap ? 2 * cap : 32;
            hrr_blocs_t **nb = hrr_i_realloc(hrr_store_ctx(st), y->b, nc * sizeof *nb);
            int *ny = nb ? hrr_i_realloc(hrr_store_ctx(st), y->year, nc * sizeof *ny) : NULL;
            double *na = ny ? hrr_i_realloc(hrr_store_ctx(st), y->ari, nc * sizeof *na) : NULL;
            double *nn = na ? hrr_i_realloc(hrr_store_ctx(st), y->nmi, nc * sizeof *nn) : NULL;
            if (nb) y->b = nb;
            if (ny) y->year = ny;
            if (na) y->ari = na;
            if (nn) y->nmi = nn;
            if (!nn) {
                hrr_blocs_free(b);
                rc = HRR_ENOMEM;
                break;
            }
            cap = nc;
        }
        y->b[y->n] = b;
        y->year[y->n] = year;
        y->ari[y->n] = y->nmi[y->n] = NAN;
        if (y->n && (rc = compare(st, y->b[y->n - 1], b, &y->ari[y->n], &y->nmi[y->n]))) {
            y->n++;
            break;
        }
        y->n++;
    }
    sqlite3_finalize(s);
    if (!rc && y && !y->n) rc = hrr_i_seterr(st, HRR_ENOTFOUND, "no year of %s with enough votes", scope->body);
    if (rc) {
        if (rc == HRR_ENOMEM) hrr_i_seterr(st, rc, "out of memory finding blocs by year");
        hrr_blocs_years_free(y);
        return rc;
    }
    *out = y;
    return HRR_OK;
}
