/* fuzz_query.c - libFuzzer target for what the server reads from a query
 * string: the input is split as a query string is ("name=value&..."), each
 * value decoded from %XX and '+' as libmicrohttpd hands it to the routes,
 * and given to every validator the routes and the CLI share
 * (src/report/params.c), under a name taken from the input. The HTTP request
 * itself is parsed by libmicrohttpd. */
#include "harness.h"

#include "hrr/params.h"

#include <ctype.h>

static void decode(char *s)
{
    char *o = s;
    for (char *p = s; *p; p++) {
        if (*p == '+') *o++ = ' ';
        else if (*p == '%' && isxdigit((unsigned char)p[1]) && isxdigit((unsigned char)p[2])) {
            char h[3] = {p[1], p[2], 0};
            *o++ = (char)strtol(h, NULL, 16);
            p += 2;
        } else *o++ = *p;
    }
    *o = 0;
}

static void validate(const char *name, const char *v)
{
    char msg[256];
    long l, *list = NULL;
    int i;
    unsigned long u;
    bool b;
    size_t n;
    hrr_param_long(name, v, -5, 5, &l, msg, sizeof msg);
    hrr_param_year(name, v, &i, msg, sizeof msg);
    hrr_param_seed(name, v, &u, msg, sizeof msg);
    hrr_param_runs(name, v, &l, msg, sizeof msg);
    hrr_param_min(name, v, &l, msg, sizeof msg);
    hrr_param_limit(name, v, &l, msg, sizeof msg);
    hrr_param_iso3(name, v, msg, sizeof msg);
    hrr_param_kind(name, v, msg, sizeof msg);
    hrr_param_date(name, v, msg, sizeof msg);
    hrr_param_flag(name, v, &b, msg, sizeof msg);
    hrr_param_k(name, v, &i, msg, sizeof msg);
    hrr_param_quota(name, v, &l, msg, sizeof msg);
    hrr_param_members(name, v, &l, msg, sizeof msg);
    hrr_param_dims(name, v, &i, msg, sizeof msg);
    hrr_param_se(name, v, 1000, &i, msg, sizeof msg);
    hrr_param_count(name, v, &l, msg, sizeof msg);
    hrr_param_body("CHR, GA, GA3, HRC", name, v, msg, sizeof msg);
    if (hrr_param_list(name, v, &list, &n, msg, sizeof msg) == HRR_OK) {
        hrr_param_game(name, list, n, "quota", n ? list[0] : 1, msg, sizeof msg);
        free(list);
    }
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    char *q = malloc(size + 1);
    if (!q) return 0;
    memcpy(q, data, size);
    q[size] = 0;
    for (char *save = NULL, *kv = strtok_r(q, "&", &save); kv; kv = strtok_r(NULL, "&", &save)) {
        char *eq = strchr(kv, '='), none[1] = "";
        char *v = none; /* "name" alone: an empty value */
        if (eq) *eq = 0, v = eq + 1;
        decode(kv);
        decode(v);
        validate(kv, v);
    }
    free(q);
    return 0;
}
