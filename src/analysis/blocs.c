/*
 * blocs.c - voting blocs as communities of the agreement graph: Louvain
 * modularity optimisation (Blondel, Guillaume, Lambiotte and Lefebvre 2008,
 * "Fast unfolding of communities in large networks", J. Stat. Mech.) by
 * igraph. Edges join pairs whose agreement (abstention as half) is above the
 * median of all pairs, so that the graph carries the contrast between blocs
 * rather than the Assembly's general consensus; weights are the agreement.
 */
#include "../store/store.h"

#include <igraph/igraph.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void hrr_blocs_free(hrr_blocs_t *b)
{
    if (!b) return;
    hrr_i_free(b->iso3);
    hrr_i_free(b->bloc);
    hrr_i_free(b);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

hrr_err_t hrr_blocs_run(hrr_store_t *st, const hrr_scope_opts_t *scope, long min_n,
                        unsigned long seed, hrr_blocs_t **out)
{
    hrr_agree_t *ag = NULL;
    hrr_blocs_t *b = NULL;
    double *vals = NULL;
    hrr_err_t rc;
    *out = NULL;
    if ((rc = hrr_agree_run(st, scope, NULL, 0, min_n > 0 ? min_n : 20, &ag))) return rc;
    if (!ag->n) {
        hrr_agree_free(ag);
        return hrr_i_seterr(st, HRR_ENOTFOUND, "no pairs of states with enough common votes");
    }
    if (!(b = hrr_i_calloc(1, sizeof *b)) || !(vals = hrr_i_malloc(ag->n * sizeof *vals))) goto nomem;
    /* the states: every state in a pair */
    for (size_t k = 0; k < ag->n; k++) {
        const char *names[2] = {ag->a[k].a, ag->a[k].b};
        for (int s = 0; s < 2; s++) {
            size_t i = 0;
            while (i < b->ns && strcmp(b->iso3[i], names[s]) != 0) i++;
            if (i == b->ns) {
                char (*p)[4] = hrr_i_realloc(b->iso3, (b->ns + 1) * sizeof *p);
                if (!p) goto nomem;
                b->iso3 = p;
                snprintf(b->iso3[b->ns++], 4, "%s", names[s]);
            }
        }
        vals[k] = ag->a[k].agree_half;
    }
    qsort(vals, ag->n, sizeof *vals, cmp_double);
    double median = vals[ag->n / 2];
    igraph_vector_int_t edges, memb;
    igraph_vector_t w;
    igraph_t g;
    igraph_real_t q = 0;
    igraph_vector_int_init(&edges, 0);
    igraph_vector_init(&w, 0);
    igraph_vector_int_init(&memb, 0);
    for (size_t k = 0; k < ag->n; k++) {
        if (!(ag->a[k].agree_half > median)) continue;
        igraph_integer_t u = 0, v = 0;
        for (size_t i = 0; i < b->ns; i++) {
            if (!strcmp(b->iso3[i], ag->a[k].a)) u = (igraph_integer_t)i;
            if (!strcmp(b->iso3[i], ag->a[k].b)) v = (igraph_integer_t)i;
        }
        igraph_vector_int_push_back(&edges, u);
        igraph_vector_int_push_back(&edges, v);
        igraph_vector_push_back(&w, ag->a[k].agree_half);
    }
    igraph_create(&g, &edges, (igraph_integer_t)b->ns, IGRAPH_UNDIRECTED);
    igraph_rng_seed(igraph_rng_default(), seed);
    igraph_vector_t modv;
    igraph_vector_init(&modv, 0);
    igraph_error_t ie = igraph_community_multilevel(&g, &w, 1.0, &memb, NULL, &modv);
    if (ie == IGRAPH_SUCCESS && igraph_vector_size(&modv) > 0)
        q = VECTOR(modv)[igraph_vector_size(&modv) - 1];
    if (ie == IGRAPH_SUCCESS && (b->bloc = hrr_i_calloc(b->ns, sizeof *b->bloc))) {
        /* renumber: largest bloc first, ties by first member */
        int maxc = 0;
        for (size_t i = 0; i < b->ns; i++) maxc = VECTOR(memb)[i] > maxc ? (int)VECTOR(memb)[i] : maxc;
        int *size = calloc((size_t)maxc + 1, sizeof *size), *map = calloc((size_t)maxc + 1, sizeof *map);
        if (size && map) {
            for (size_t i = 0; i < b->ns; i++) size[VECTOR(memb)[i]]++;
            for (int r = 0; r <= maxc; r++) map[r] = -1;
            for (int next = 0; next <= maxc; next++) {
                int best = -1;
                for (int c = 0; c <= maxc; c++)
                    if (map[c] < 0 && size[c] > 0 && (best < 0 || size[c] > size[best])) best = c;
                if (best < 0) break;
                map[best] = next;
                b->nblocs = next + 1;
            }
            for (size_t i = 0; i < b->ns; i++) b->bloc[i] = map[VECTOR(memb)[i]];
        } else {
            ie = IGRAPH_ENOMEM;
        }
        free(size);
        free(map);
    }
    b->modularity = q;
    igraph_vector_destroy(&modv);
    igraph_destroy(&g);
    igraph_vector_int_destroy(&edges);
    igraph_vector_int_destroy(&memb);
    igraph_vector_destroy(&w);
    if (ie != IGRAPH_SUCCESS || !b->bloc) goto nomem;
    hrr_i_free(vals);
    hrr_agree_free(ag);
    *out = b;
    return HRR_OK;
nomem:
    hrr_i_free(vals);
    hrr_agree_free(ag);
    hrr_blocs_free(b);
    return hrr_i_seterr(st, HRR_ENOMEM, "out of memory (or igraph failed) finding blocs");
}
