/*
 * cmd_power.c - `hrr power`: Banzhaf and Shapley-Shubik voting power in a
 * weighted game, or of blocs voting together in a body of N members.
 */
#include "cli.h"
#include "out.h"

#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static void help(void)
{
    printf("usage: hrr power --weights W1,W2,... --quota Q [--csv | --json]\n"
           "       hrr power --members N --blocs B1,B2,... [--quota Q] [--csv | --json]\n\n"
           "A priori voting power, exact (generating functions; docs/analysis.md):\n"
           "  banzhaf        share of all swings (normalised Banzhaf index)\n"
           "  banzhaf_abs    swings / 2^(n-1) (the absolute Banzhaf measure)\n"
           "  shapley_shubik share of orderings in which the player is pivotal\n"
           "With --members and --blocs: blocs of the given sizes vote together, every\n"
           "other member alone; the quota defaults to a simple majority of N (N/2 + 1).\n"
           "--json gives {\"banzhaf\": [...], \"banzhaf_abs\": [...], \"shapley_shubik\": [...]}\n"
           "in the order of the weights (blocs first, then one entry per other member).\n");
}

/* "4,4,2" -> array; returns count or -1. */
static long parse_list(const char *s, long **out)
{
    long n = 0, cap = 16;
    long *a = malloc((size_t)cap * sizeof *a);
    if (!a) return -1;
    const char *p = s;
    while (*p) {
        char *end;
        long v = strtol(p, &end, 10);
        if (end == p || v <= 0 || (*end && *end != ',')) {
            free(a);
            return -1;
        }
        if (n == cap) {
            long *b = realloc(a, (size_t)(cap *= 2) * sizeof *a);
            if (!b) {
                free(a);
                return -1;
            }
            a = b;
        }
        a[n++] = v;
        p = *end ? end + 1 : end;
    }
    *out = a;
    return n;
}

int hrr_cmd_power(hrr_cli_t *cli, int argc, char **argv)
{
    static const struct option opts[] = {
        {"weights", required_argument, 0, 'w'}, {"quota", required_argument, 0, 'q'},
        {"members", required_argument, 0, 'm'}, {"blocs", required_argument, 0, 'b'},
        {"csv", no_argument, 0, 'C'},           {"json", no_argument, 0, 'J'},
        {"help", no_argument, 0, 'h'},          {0, 0, 0, 0}};
    static const char *const cols[] = {"player", "weight", "banzhaf", "banzhaf_abs", "shapley_shubik"};
    const char *weights = NULL, *blocs = NULL;
    long quota = 0, members = 0;
    out_fmt_t fmt = OUT_TABLE;
    int c, code = 0;
    (void)cli;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 'w': weights = optarg; break;
        case 'b': blocs = optarg; break;
        case 'q': quota = atol(optarg); break;
        case 'm': members = atol(optarg); break;
        case 'C':
        case 'J':
            if (!out_want(&fmt, c == 'C' ? OUT_CSV : OUT_JSON))
                return hrr_cli_usage("power", "--csv and --json exclude each other");
            break;
        case 'h': help(); return 0;
        default: return out_opt_error("power", c, optopt, argv, optind);
        }
    }
    if (optind < argc) return hrr_cli_usage("power", "unexpected argument '%s'", argv[optind]);
    long *w = NULL, n;
    if (weights) {
        if (blocs || members) return hrr_cli_usage("power", "--weights excludes --members/--blocs");
        if ((n = parse_list(weights, &w)) <= 0)
            return hrr_cli_usage("power", "--weights: '%s' is not a list of positive integers", weights);
        if (quota <= 0) {
            free(w);
            return hrr_cli_usage("power", "--quota Q is required with --weights");
        }
    } else if (members > 0) {
        long *b = NULL, nb = 0, sum = 0;
        if (blocs && (nb = parse_list(blocs, &b)) <= 0)
            return hrr_cli_usage("power", "--blocs: '%s' is not a list of positive integers", blocs);
        for (long i = 0; i < nb; i++) sum += b[i];
        if (sum > members || members > 1000) {
            free(b);
            return hrr_cli_usage("power", "the blocs (%ld) exceed the %ld members, or N > 1000", sum, members);
        }
        n = nb + (members - sum);
        w = malloc((size_t)(n ? n : 1) * sizeof *w);
        if (!w) {
            free(b);
            return hrr_cli_fail(HRR_ENOMEM, "out of memory");
        }
        for (long i = 0; i < n; i++) w[i] = i < nb ? b[i] : 1;
        free(b);
        if (quota <= 0) quota = members / 2 + 1;
    } else {
        return hrr_cli_usage("power", "give --weights and --quota, or --members (and --blocs)");
    }
    double *bz = calloc((size_t)n, sizeof *bz), *ba = calloc((size_t)n, sizeof *ba),
           *ss = calloc((size_t)n, sizeof *ss);
    hrr_err_t rc = bz && ba && ss ? hrr_power_indices(w, (size_t)n, quota, bz, ba, ss) : HRR_ENOMEM;
    if (rc == HRR_EINVAL) code = hrr_cli_usage("power", "weights must be positive and sum to at most 100000");
    else if (rc) code = hrr_cli_fail(rc, "out of memory");
    else if (fmt == OUT_JSON) {
        json_t *o = json_object(), *a = json_array(), *b = json_array(), *s = json_array();
        for (long i = 0; i < n; i++) {
            json_array_append_new(a, isnan(bz[i]) ? json_null() : json_real(bz[i]));
            json_array_append_new(b, json_real(ba[i]));
            json_array_append_new(s, isnan(ss[i]) ? json_null() : json_real(ss[i]));
        }
        json_object_set_new(o, "quota", json_integer(quota));
        json_object_set_new(o, "banzhaf", a);
        json_object_set_new(o, "banzhaf_abs", b);
        json_object_set_new(o, "shapley_shubik", s);
        code = out_json(stdout, o) == HRR_OK ? 0 : HRR_EXIT_IO;
    } else {
        out_t o;
        if (!out_begin(&o, fmt, stdout, 5, cols)) code = hrr_cli_fail(HRR_ENOMEM, "out of memory");
        for (long i = 0; !code && i < n; i++) {
            char name[32], v[3][32];
            snprintf(name, sizeof name, "%ld", i + 1);
            out_text(&o, name);
            out_int(&o, w[i]);
            snprintf(v[0], sizeof v[0], "%.6f", bz[i]);
            snprintf(v[1], sizeof v[1], "%.6f", ba[i]);
            snprintf(v[2], sizeof v[2], "%.6f", ss[i]);
            out_text(&o, v[0]);
            out_text(&o, v[1]);
            out_text(&o, v[2]);
        }
        if (!code) code = out_done(&o);
    }
    free(w);
    free(bz);
    free(ba);
    free(ss);
    return code;
}
