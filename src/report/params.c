/*
 * params.c - the value validators the CLI and the server share (hrr/params.h).
 */
#include "hrr/params.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static hrr_err_t bad(char *msg, size_t cap, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static hrr_err_t bad(char *msg, size_t cap, const char *fmt, ...)
{
    if (msg && cap) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(msg, cap, fmt, ap);
        va_end(ap);
    }
    return HRR_EINVAL;
}

bool hrr_param_long_ok(const char *s, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    if (!s || !*s) return false;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi) return false;
    *out = v;
    return true;
}

hrr_err_t hrr_param_long(const char *name, const char *value, long lo, long hi, long *out,
                         char *msg, size_t cap)
{
    if (hrr_param_long_ok(value, lo, hi, out)) return HRR_OK;
    return bad(msg, cap, "%s wants a number %ld-%ld, not '%s'", name, lo, hi,
               value ? value : "");
}

hrr_err_t hrr_param_year(const char *name, const char *value, int *out, char *msg, size_t cap)
{
    long v;
    if (!hrr_param_long_ok(value, HRR_PARAM_YEAR_MIN, HRR_PARAM_YEAR_MAX, &v))
        return bad(msg, cap, "%s wants a year %d-%d, not '%s'", name, HRR_PARAM_YEAR_MIN,
                   HRR_PARAM_YEAR_MAX, value ? value : "");
    *out = (int)v;
    return HRR_OK;
}

hrr_err_t hrr_param_years(int from, int to, char *msg, size_t cap)
{
    if (from && to && from > to)
        return bad(msg, cap, "from year %d is after to year %d", from, to);
    return HRR_OK;
}

hrr_err_t hrr_param_seed(const char *name, const char *value, unsigned long *out, char *msg,
                         size_t cap)
{
    char *end;
    errno = 0;
    if (value && *value >= '0' && *value <= '9') {
        unsigned long v = strtoul(value, &end, 10);
        if (!errno && !*end) {
            *out = v;
            return HRR_OK;
        }
    }
    return bad(msg, cap, "%s wants a non-negative integer, not '%s'", name, value ? value : "");
}

hrr_err_t hrr_param_runs(const char *name, const char *value, long *out, char *msg, size_t cap)
{
    return hrr_param_long(name, value, 1, HRR_PARAM_RUNS_MAX, out, msg, cap);
}

hrr_err_t hrr_param_min(const char *name, const char *value, long *out, char *msg, size_t cap)
{
    return hrr_param_long(name, value, 0, HRR_PARAM_MIN_MAX, out, msg, cap);
}

hrr_err_t hrr_param_limit(const char *name, const char *value, long *out, char *msg, size_t cap)
{
    if (hrr_param_long_ok(value, 1, __LONG_MAX__, out)) return HRR_OK;
    return bad(msg, cap, "%s wants a positive number, not '%s'", name, value ? value : "");
}

hrr_err_t hrr_param_iso3(const char *name, const char *value, char *msg, size_t cap)
{
    bool ok = value && strlen(value) == 3;
    for (int i = 0; ok && i < 3; i++) ok = value[i] >= 'A' && value[i] <= 'Z';
    if (ok) return HRR_OK;
    return bad(msg, cap, "%s wants an ISO 3166 alpha-3 code (e.g. FRA), not '%s'", name,
               value ? value : "");
}

hrr_err_t hrr_param_kind(const char *name, const char *value, char *msg, size_t cap)
{
    static const char *const kinds[] = {"resolution", "decision", "amendment", "motion"};
    for (size_t k = 0; value && k < sizeof kinds / sizeof *kinds; k++)
        if (!strcmp(value, kinds[k])) return HRR_OK;
    return bad(msg, cap, "%s wants resolution, decision, amendment or motion, not '%s'", name,
               value ? value : "");
}

hrr_err_t hrr_param_date(const char *name, const char *value, char *msg, size_t cap)
{
    static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y, m, d, n = 0;
    bool ok = value && strlen(value) == 10 &&
              sscanf(value, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 && n == 10 &&
              value[4] == '-' && value[7] == '-';
    for (int i = 0; ok && i < 10; i++) ok = i == 4 || i == 7 || (value[i] >= '0' && value[i] <= '9');
    ok = ok && y >= HRR_PARAM_YEAR_MIN && y <= HRR_PARAM_YEAR_MAX && m >= 1 && m <= 12 &&
         d >= 1 && d <= mdays[m - 1] &&
         !(m == 2 && d == 29 && !((y % 4 == 0 && y % 100) || y % 400 == 0));
    if (ok) return HRR_OK;
    return bad(msg, cap, "%s wants a date YYYY-MM-DD (%d-%d), not '%s'", name,
               HRR_PARAM_YEAR_MIN, HRR_PARAM_YEAR_MAX, value ? value : "");
}

hrr_err_t hrr_param_flag(const char *name, const char *value, bool *out, char *msg, size_t cap)
{
    static const char *const on[] = {"", "1", "true", "yes"}, *const off[] = {"0", "false", "no"};
    for (size_t i = 0; value && i < sizeof on / sizeof *on; i++)
        if (!strcasecmp(value, on[i])) return *out = true, HRR_OK;
    for (size_t i = 0; value && i < sizeof off / sizeof *off; i++)
        if (!strcasecmp(value, off[i])) return *out = false, HRR_OK;
    return bad(msg, cap, "%s wants 1 or 0, not '%s'", name, value ? value : "");
}

hrr_err_t hrr_param_k(const char *name, const char *value, int *out, char *msg, size_t cap)
{
    long v;
    if (!hrr_param_long_ok(value, 1, HRR_PARAM_K_MAX, &v))
        return bad(msg, cap, "%s: '%s' is not a number of blocs from 1 to %d", name,
                   value ? value : "", HRR_PARAM_K_MAX);
    *out = (int)v;
    return HRR_OK;
}

hrr_err_t hrr_param_quota(const char *name, const char *value, long *out, char *msg, size_t cap)
{
    return hrr_param_long(name, value, 1, HRR_PARAM_QUOTA_MAX, out, msg, cap);
}

hrr_err_t hrr_param_game(const char *name, const long *w, size_t n, const char *qname, long quota,
                         char *msg, size_t cap)
{
    long total = 0;
    if (n > (size_t)HRR_PARAM_PLAYERS_MAX)
        return bad(msg, cap, "%s: %zu weights, at most %ld players", name, n,
                   HRR_PARAM_PLAYERS_MAX);
    for (size_t i = 0; i < n; i++) {
        total += w[i];
        if (total > HRR_PARAM_QUOTA_MAX)
            return bad(msg, cap, "%s: the weights sum to more than %ld", name,
                       HRR_PARAM_QUOTA_MAX);
    }
    if (quota > total)
        return bad(msg, cap, "%s %ld is above the total weight %ld: no coalition could win",
                   qname, quota, total);
    return HRR_OK;
}

hrr_err_t hrr_param_members(const char *name, const char *value, long *out, char *msg,
                            size_t cap)
{
    return hrr_param_long(name, value, 1, HRR_PARAM_MEMBERS_MAX, out, msg, cap);
}

hrr_err_t hrr_param_dims(const char *name, const char *value, int *out, char *msg, size_t cap)
{
    if (value && (!strcmp(value, "1") || !strcmp(value, "2"))) return *out = value[0] - '0', HRR_OK;
    return bad(msg, cap, "%s is 1 or 2, not '%s'", name, value ? value : "");
}

hrr_err_t hrr_param_se(const char *name, const char *value, long hi, int *out, char *msg,
                       size_t cap)
{
    long v;
    if (!hrr_param_long_ok(value, 2, hi, &v))
        return bad(msg, cap, "%s wants a number of replicates, 2 to %ld, not '%s'", name, hi,
                   value ? value : "");
    *out = (int)v;
    return HRR_OK;
}

hrr_err_t hrr_param_count(const char *name, const char *value, long *out, char *msg, size_t cap)
{
    if (hrr_param_long_ok(value, 0, HRR_PARAM_COUNT_MAX, out)) return HRR_OK;
    return bad(msg, cap, "%s: '%s' is not a count", name, value ? value : "");
}

void hrr_param_body_list(hrr_store_t *st, char *list, size_t cap)
{
    hrr_summary_t *sm = NULL;
    size_t len = 0;
    if (!cap) return;
    list[0] = 0;
    if (st && hrr_summary_get(st, &sm) == HRR_OK)
        for (size_t i = 0; i < sm->nbodies && len + 40 < cap; i++)
            len += (size_t)snprintf(list + len, cap - len, "%s%s", i ? ", " : "",
                                    sm->bodies[i].code);
    hrr_summary_free(sm);
}

hrr_err_t hrr_param_body(const char *list, const char *name, const char *value, char *msg,
                         size_t cap)
{
    size_t n = value ? strlen(value) : 0;
    for (const char *p = list; n && p && *p; p = strchr(p, ',') ? strchr(p, ',') + 2 : NULL)
        if (!strncmp(p, value, n) && (p[n] == ',' || !p[n]) && !strchr(value, ','))
            return HRR_OK;
    return bad(msg, cap, "%s: '%s' is not a body of the store (it has %s)", name,
               value ? value : "", list && *list ? list : "none");
}

hrr_err_t hrr_param_list(const char *name, const char *value, long **out, size_t *n, char *msg,
                         size_t cap)
{
    size_t k = 0, m = 1;
    for (const char *p = value; p && *p; p++) m += *p == ',';
    long *a = value && *value ? malloc(m * sizeof *a) : NULL;
    if (value && *value && !a) return bad(msg, cap, "out of memory"), HRR_ENOMEM;
    for (const char *p = value; a && *p;) {
        char *end;
        errno = 0;
        long v = strtol(p, &end, 10);
        if (errno || end == p || v <= 0 || v > 100000 || (*end && *end != ',') ||
            (*end == ',' && !end[1])) {
            free(a);
            a = NULL;
            break;
        }
        a[k++] = v;
        p = *end ? end + 1 : end;
    }
    if (!a) return bad(msg, cap, "%s: '%s' is not a list of positive integers", name,
                       value ? value : "");
    *out = a;
    *n = k;
    return HRR_OK;
}
