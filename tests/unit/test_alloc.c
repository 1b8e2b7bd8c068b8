/*
 * test_alloc.c - the allocation hook lives in the context (Lua's way): a
 * caller-supplied allocator really serves a store's work (calls and bytes
 * counted, every byte given back), and two contexts are independent (making
 * one fail leaves the other working). Needs no real data.
 */
#include "harness.h"

#include "core/core.h"

#include <stdlib.h>

typedef struct counter {
    long calls;  /* allocations and resizes */
    long frees;  /* frees */
    long live;   /* bytes currently held */
    long total;  /* bytes ever asked for */
} counter_t;

static void *counting_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    counter_t *c = ud;
    if (nsize == 0) {
        if (ptr) c->frees++, c->live -= (long)osize;
        free(ptr);
        return NULL;
    }
    void *z = realloc(ptr, nsize);
    if (!z) return NULL;
    c->calls++;
    c->live += (long)nsize - (long)(ptr ? osize : 0);
    c->total += (long)nsize;
    return z;
}

static void test_caller_allocator(void)
{
    counter_t c = {0};
    hrr_ctx_t *ctx = NULL;
    CHECK(hrr_ctx_new_alloc(counting_alloc, &c, &ctx) == HRR_OK);
    CHECK(c.calls == 1 && c.live > 0); /* the context itself */
    long base_calls = c.calls, base_live = c.live;

    char path[256];
    tmp_store(path);
    hrr_store_t *st = NULL;
    CHECK(hrr_store_open_ctx(path, HRR_OPEN_CREATE, &st, ctx) == HRR_OK);
    CHECK(hrr_store_ctx(st) == ctx);
    CHECK(c.calls > base_calls); /* the store (and its seeding) */
    long before = c.calls;
    hrr_state_list_t *sl = NULL;
    hrr_state_filter_t sf = {0};
    CHECK(hrr_states_list(st, &sf, &sl) == HRR_OK);
    CHECK(sl != NULL && sl->n > 100);
    CHECK(c.calls > before);    /* the query's work went through it */
    CHECK(c.live > base_live);  /* and the list is held by it */
    hrr_state_list_free(sl);
    /* an error message lands in the caller's context */
    char iso3[4];
    CHECK(hrr_state_resolve(st, "iso3", "XYZ", NULL, iso3) == HRR_ENOTFOUND);
    CHECK_HAS(hrr_errmsg(ctx), "XYZ");
    hrr_store_close(st);
    CHECK_EQ_LONG(c.live, base_live); /* everything given back */
    CHECK(c.total > c.live);
    hrr_ctx_free(ctx);
    CHECK_EQ_LONG(c.live, 0);
    rm_store(path);

    /* a pure function given the context allocates through it */
    enum { NS = 12, NT = 30 };
    signed char y[NS * NT];
    double truth[NS], x[NS];
    CHECK(hrr_ideal_simulate(NS, NT, 1, HRR_IDEAL_BINARY, 0.1, 3, y, truth) == HRR_OK);
    counter_t c2 = {0};
    CHECK(hrr_ctx_new_alloc(counting_alloc, &c2, &ctx) == HRR_OK);
    long live0 = c2.live, calls0 = c2.calls;
    CHECK(hrr_ideal_fit(y, NS, NT, NULL, x, NULL, NULL, ctx) == HRR_OK);
    CHECK(c2.calls > calls0);
    CHECK_EQ_LONG(c2.live, live0);
    hrr_ctx_free(ctx);
    CHECK_EQ_LONG(c2.live, 0);
}

static void test_independent(void)
{
    hrr_ctx_t *a = NULL, *b = NULL;
    CHECK(hrr_ctx_new(&a) == HRR_OK && hrr_ctx_new(&b) == HRR_OK);
    char pa[256], pb[256];
    tmp_store(pa);
    tmp_store(pb);
    hrr_store_t *sa = NULL, *sb = NULL;
    CHECK(hrr_store_open_ctx(pa, HRR_OPEN_CREATE, &sa, a) == HRR_OK);
    CHECK(hrr_store_open_ctx(pb, HRR_OPEN_CREATE, &sb, b) == HRR_OK);
    hrr_state_filter_t sf = {0};
    hrr_state_list_t *la = NULL, *lb = NULL;
    hrr_i_ctx_fail_after(a, 0); /* every allocation of A fails */
    CHECK(hrr_states_list(sa, &sf, &la) == HRR_ENOMEM);
    CHECK(hrr_states_list(sb, &sf, &lb) == HRR_OK); /* B is unaffected */
    CHECK(lb != NULL && lb->n > 100);
    CHECK(hrr_i_malloc(a, 8) == NULL);
    void *p = hrr_i_malloc(NULL, 8); /* nor is the default (NULL) context */
    CHECK(p != NULL);
    hrr_i_free(NULL, p);
    hrr_i_ctx_fail_after(a, -1);
    CHECK(hrr_states_list(sa, &sf, &la) == HRR_OK);
    CHECK(la != NULL && la->n == lb->n);
    hrr_state_list_free(la);
    hrr_state_list_free(lb);
    /* the n-th allocation of B fails, the ones before succeed */
    hrr_i_ctx_fail_after(b, 2);
    void *q1 = hrr_i_malloc(b, 8), *q2 = hrr_i_calloc(b, 2, 8), *q3 = hrr_i_strdup(b, "x");
    CHECK(q1 && q2 && !q3);
    hrr_i_ctx_fail_after(b, -1);
    hrr_i_free(b, q1);
    hrr_i_free(b, q2);
    hrr_store_close(sa);
    hrr_store_close(sb);
    hrr_ctx_free(a);
    hrr_ctx_free(b);
    rm_store(pa);
    rm_store(pb);
}

int main(void)
{
    test_caller_allocator();
    test_independent();
    return harness_done();
}
