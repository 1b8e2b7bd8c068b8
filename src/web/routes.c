/*
 * routes.c - the API's routes (docs/api.md): each handler reads its query
 * parameters with the CLI's validators (hrr/params.h), calls the library,
 * and renders the result with the report function the CLI's --json uses.
 * To add an endpoint: a handler here and a row in web_routes.
 */
#include "web.h"
#include "hrr/power.h"
#include "hrr/profile.h"
#include "hrr/report_profile.h"

#include <stdlib.h>
#include <string.h>

#define A(name) web_arg(req, name)
#define MSG req->msg, sizeof req->msg

/* The server's cap on bootstrap replicates (docs/api.md): lower than the
 * CLI's HRR_PARAM_SE_MAX, so that one request cannot hold a worker for long. */
#define WEB_SE_MAX 1000L

/* A validator's result: 0 to go on, else the 400 it set. */
static int v(web_req_t *req, hrr_err_t rc)
{
    if (!rc) return 0;
    return req->status = web_status(rc);
}

/* The library's error, with the store's message. */
static int lib(web_req_t *req, hrr_err_t rc, hrr_store_t *st)
{
    return web_fail(req, web_status(rc), "%s", st ? hrr_store_errmsg(st) : "error");
}

/* A report's result: 200, or why it failed. */
static int done(web_req_t *req, hrr_err_t rc)
{
    if (!rc) return 200;
    return web_fail(req, 503, rc == HRR_ENOMEM ? "out of memory" : "the answer could not be written");
}

/* A switch parameter (absent: off). */
static int flag(web_req_t *req, const char *name, bool *on)
{
    const char *s = A(name);
    *on = false;
    return s ? v(req, hrr_param_flag(name, s, on, MSG)) : 0;
}

/* body, from, to: validated (the body against the store's); the store. */
static int scope(web_req_t *req, bool need_body, hrr_scope_opts_t *sc, hrr_store_t **st)
{
    const char *bodies, *s;
    int code;
    memset(sc, 0, sizeof *sc);
    if (!(*st = web_store(req, &bodies))) return req->status;
    if ((s = A("from")) && (code = v(req, hrr_param_year("from", s, &sc->from, MSG)))) return code;
    if ((s = A("to")) && (code = v(req, hrr_param_year("to", s, &sc->to, MSG)))) return code;
    if ((code = v(req, hrr_param_years(sc->from, sc->to, MSG)))) return code;
    sc->body = A("body");
    if (!sc->body && need_body)
        return web_fail(req, 400, "body is required (the store has %s)", bodies);
    if (sc->body) return v(req, hrr_param_body(bodies, "body", sc->body, MSG));
    return 0;
}

static int iso3(web_req_t *req, const char *name, const char **out)
{
    *out = A(name);
    return *out ? v(req, hrr_param_iso3(name, *out, MSG)) : 0;
}

static int scope_kind(web_req_t *req, const char *s, int *out)
{
    if (!s) return 0;
    if (!strcmp(s, "country")) *out = HRR_SCOPE_COUNTRY;
    else if (!strcmp(s, "thematic")) *out = HRR_SCOPE_THEMATIC;
    else return web_fail(req, 400, "kind: '%s' is not country or thematic", s);
    return 0;
}

/* A rule set by name (an unknown name is a 400, as the CLI's usage error). */
static int rules(web_req_t *req, const char *name, hrr_rules_t **r)
{
    hrr_ctx_t *ctx = NULL;
    *r = NULL;
    if (strchr(name, '/') || strchr(name, '.'))
        return web_fail(req, 400, "rules: '%s' is not the name of a rule set", name);
    hrr_err_t rc = hrr_ctx_new(&ctx);
    if (!rc) rc = hrr_rules_load(name, r, ctx);
    if (rc) web_fail(req, rc == HRR_ENOTFOUND ? 400 : web_status(rc), "%s", hrr_errmsg(ctx));
    hrr_ctx_free(ctx);
    return rc ? req->status : 0;
}

/* ------------------------------------------------------------ records */

static int h_summary(web_req_t *req, FILE *f)
{
    hrr_store_t *st = web_store(req, NULL);
    hrr_summary_t *sm = NULL;
    if (!st) return req->status;
    hrr_err_t rc = hrr_summary_get(st, &sm);
    int code = rc ? lib(req, rc, st) : done(req, hrr_report_summary(f, HRR_OUT_JSON, req->opts->db, sm));
    hrr_summary_free(sm);
    return code;
}

static int h_states(web_req_t *req, FILE *f)
{
    hrr_state_filter_t sf = {.group = A("group"), .on = A("on")};
    hrr_state_list_t *list = NULL;
    if (sf.on && !sf.group) return web_fail(req, 400, "on needs group");
    hrr_store_t *st = web_store(req, NULL);
    if (!st) return req->status;
    hrr_err_t rc = hrr_states_list(st, &sf, &list);
    int code = rc ? lib(req, rc, st) : done(req, hrr_report_states(f, HRR_OUT_JSON, list));
    hrr_state_list_free(list);
    return code;
}

static int h_items(web_req_t *req, FILE *f)
{
    hrr_scope_opts_t sc;
    hrr_store_t *st;
    hrr_item_filter_t it = {.kind = A("kind"), .subject = A("subject"), .text = A("text")};
    hrr_item_list_t *list = NULL;
    const char *s;
    if (scope(req, false, &sc, &st) || iso3(req, "target", &it.target)) return req->status;
    if ((s = A("limit")) && v(req, hrr_param_limit("limit", s, &it.limit, MSG))) return req->status;
    it.body = sc.body;
    it.from_year = sc.from;
    it.to_year = sc.to;
    hrr_err_t rc = hrr_items_find(st, &it, &list);
    int code = rc ? lib(req, rc, st) : done(req, hrr_report_items(f, HRR_OUT_JSON, list));
    hrr_item_list_free(list);
    return code;
}

static int h_votes(web_req_t *req, FILE *f)
{
    const char *ref = A("ref");
    bool key, all;
    hrr_votes_t *vt = NULL;
    if (flag(req, "key", &key) || flag(req, "all", &all)) return req->status;
    if (!ref || !*ref) return web_fail(req, 400, "ref is required (an item's symbol or key)");
    hrr_store_t *st = web_store(req, NULL);
    if (!st) return req->status;
    hrr_err_t rc = hrr_votes_get(st, ref, key ? HRR_VOTES_BY_KEY : 0, &vt);
    int code;
    if (rc) code = lib(req, rc, st);
    else if (vt->n > 1 && !all)
        code = web_fail(req, 400, "'%s' names %zu items: give one key with key=1, or all=1", ref,
                        vt->n);
    else code = done(req, hrr_report_votes(f, HRR_OUT_JSON, vt, all));
    hrr_votes_free(vt);
    return code;
}

/* The findings as the last `hrr check` left them (the server never writes). */
static int h_check(web_req_t *req, FILE *f)
{
    hrr_findings_t *list = NULL;
    hrr_store_t *st = web_store(req, NULL);
    if (!st) return req->status;
    hrr_err_t rc = hrr_findings_list(st, A("kind"), &list);
    int code = rc ? lib(req, rc, st) : done(req, hrr_report_findings(f, HRR_OUT_JSON, list));
    hrr_findings_free(list);
    return code;
}

/* ------------------------------------------------------------ analyses */

static int h_agree(web_req_t *req, FILE *f)
{
    hrr_scope_opts_t sc;
    hrr_store_t *st;
    const char *with, *s;
    bool by_year;
    long min = 1;
    hrr_agree_t *r = NULL;
    if (scope(req, true, &sc, &st) || flag(req, "by_year", &by_year)) return req->status;
    if ((with = A("with")) && !*with) return web_fail(req, 400, "with wants an ISO3 or a group");
    if ((s = A("min")) && v(req, hrr_param_min("min", s, &min, MSG))) return req->status;
    if (by_year && !with) return web_fail(req, 400, "by_year needs with=ISO3");
    hrr_err_t rc = hrr_agree_run(st, &sc, with, by_year, min, &r);
    int code = rc ? lib(req, rc, st) : done(req, hrr_report_agree(f, HRR_OUT_JSON, r));
    hrr_agree_free(r);
    return code;
}

static int h_cohesion(web_req_t *req, FILE *f)
{
    hrr_scope_opts_t sc;
    hrr_store_t *st;
    hrr_cohesion_t *r = NULL;
    const char *group = A("group");
    if (scope(req, true, &sc, &st)) return req->status;
    if (!group || !*group) return web_fail(req, 400, "group is required");
    hrr_err_t rc = hrr_cohesion_run(st, &sc, group, &r);
    int code = rc ? lib(req, rc, st) : done(req, hrr_report_cohesion(f, HRR_OUT_JSON, r));
    hrr_cohesion_free(r);
    return code;
}

static int h_blocs(web_req_t *req, FILE *f)
{
    hrr_scope_opts_t sc;
    hrr_store_t *st;
    hrr_blocs_opts_t bo = {.method = HRR_BLOCS_LOUVAIN, .min_n = 20, .seed = 1};
    const char *s, *method = A("method");
    bool by_year;
    if (scope(req, true, &sc, &st) || flag(req, "by_year", &by_year)) return req->status;
    if ((s = A("min")) && v(req, hrr_param_min("min", s, &bo.min_n, MSG))) return req->status;
    if ((s = A("seed")) && v(req, hrr_param_seed("seed", s, &bo.seed, MSG))) return req->status;
    if (method && !strcmp(method, "hclust")) bo.method = HRR_BLOCS_HCLUST;
    else if (method && strcmp(method, "louvain"))
        return web_fail(req, 400, "method: '%s' is not louvain or hclust", method);
    if ((s = A("k"))) {
        if (bo.method != HRR_BLOCS_HCLUST) return web_fail(req, 400, "k goes with method=hclust");
        if (v(req, hrr_param_k("k", s, &bo.k, MSG))) return req->status;
    }
    hrr_err_t rc;
    int code;
    if (by_year) {
        hrr_blocs_years_t *y = NULL;
        rc = hrr_blocs_by_year(st, &sc, &bo, &y);
        code = rc ? lib(req, rc, st) : done(req, hrr_report_blocs_years(f, HRR_OUT_JSON, y, NULL));
        hrr_blocs_years_free(y);
    } else {
        hrr_blocs_t *b = NULL;
        rc = hrr_blocs_find(st, &sc, &bo, &b);
        code = rc ? lib(req, rc, st) : done(req, hrr_report_blocs(f, HRR_OUT_JSON, b));
        hrr_blocs_free(b);
    }
    return code;
}

static int h_ideal(web_req_t *req, FILE *f)
{
    hrr_scope_opts_t sc;
    hrr_store_t *st;
    hrr_ideal_opts_t io = {0};
    const char *s, *model = A("model"), *dims = A("dims");
    bool dynamic;
    if (scope(req, true, &sc, &st) || flag(req, "dynamic", &dynamic) ||
        iso3(req, "positive", &io.positive))
        return req->status;
    if ((s = A("min")) && v(req, hrr_param_min("min", s, &io.min_votes, MSG))) return req->status;
    if (dynamic) {
        if (dims || model || A("seed") || A("se"))
            return web_fail(req, 400, "dims, model, se and seed do not go with dynamic=1");
        hrr_ideal_dyn_opts_t dy = {.min_votes = io.min_votes, .positive = io.positive};
        hrr_ideal_dyn_t *r = NULL;
        hrr_err_t rc = hrr_ideal_dyn_run(st, &sc, &dy, &r);
        int code = rc ? lib(req, rc, st) : done(req, hrr_report_ideal_dyn(f, HRR_OUT_JSON, r));
        hrr_ideal_dyn_free(r);
        return code;
    }
    if ((s = A("seed")) && v(req, hrr_param_seed("seed", s, &io.seed, MSG))) return req->status;
    if (dims && v(req, hrr_param_dims("dims", dims, &io.dims, MSG))) return req->status;
    if (model && !strcmp(model, "ordinal")) io.model = HRR_IDEAL_ORDINAL;
    else if (model && strcmp(model, "binary"))
        return web_fail(req, 400, "model is binary or ordinal, not '%s'", model);
    if ((s = A("se")) && v(req, hrr_param_se("se", s, WEB_SE_MAX, &io.se_reps, MSG)))
        return req->status;
    if (io.model == HRR_IDEAL_ORDINAL && io.dims == 2)
        return web_fail(req, 400, "the ordinal model is one-dimensional (no dims=2)");
    if (io.se_reps && io.dims == 2) return web_fail(req, 400, "se is for one dimension (no dims=2)");
    hrr_ideal_t *r = NULL;
    hrr_err_t rc = hrr_ideal_run(st, &sc, &io, &r);
    int code = rc ? lib(req, rc, st) : done(req, hrr_report_ideal(f, HRR_OUT_JSON, r));
    hrr_ideal_free(r);
    return code;
}

static int h_power(web_req_t *req, FILE *f)
{
    const char *weights = A("weights"), *blocs = A("blocs"), *s;
    long quota = 0, members = 0, *w = NULL;
    size_t n = 0;
    hrr_power_t *p = NULL;
    hrr_err_t rc;
    if ((s = A("quota")) && v(req, hrr_param_quota("quota", s, &quota, MSG))) return req->status;
    if ((s = A("members")) && v(req, hrr_param_members("members", s, &members, MSG)))
        return req->status;
    if (weights) {
        if (blocs || members) return web_fail(req, 400, "weights excludes members/blocs");
        if (!quota) return web_fail(req, 400, "quota is required with weights");
        if (v(req, hrr_param_list("weights", weights, &w, &n, MSG))) return req->status;
        rc = hrr_power_game(w, n, quota, &p, NULL);
    } else if (members) {
        if (blocs && v(req, hrr_param_list("blocs", blocs, &w, &n, MSG))) return req->status;
        rc = hrr_power_blocs(members, w, n, quota, &p);
        if (rc == HRR_EINVAL) {
            free(w);
            return web_fail(req, 400, "the blocs exceed the %ld members", members);
        }
    } else {
        return web_fail(req, 400, "give weights and quota, or members (and blocs)");
    }
    free(w);
    int code;
    if (rc == HRR_EINVAL) code = web_fail(req, 400, "weights must be positive and sum to at most 100000");
    else if (rc) code = web_fail(req, web_status(rc), "out of memory");
    else code = done(req, hrr_report_power(f, HRR_OUT_JSON, p));
    hrr_power_free(p);
    return code;
}

/* ------------------------------------------------------------ rules */

static int h_rules(web_req_t *req, FILE *f)
{
    const char *name = A("name");
    hrr_rules_t *r[64];
    size_t n = 0;
    int code = 0;
    if (name) { /* hrr rules show NAME --json: the rule set's own JSON */
        if ((code = rules(req, name, &r[0]))) return code;
        char *text = hrr_rules_json(r[0]);
        hrr_rules_free(r[0]);
        if (!text) return web_fail(req, 503, "out of memory");
        fprintf(f, "%s\n", text);
        free(text);
        return 200;
    }
    for (const char *const *nm = hrr_rules_names(); *nm && n < 64 && !code; nm++)
        if (!(code = rules(req, *nm, &r[n]))) n++;
    if (!code) code = done(req, hrr_report_rules_list(f, HRR_OUT_JSON, r, n));
    while (n) hrr_rules_free(r[--n]);
    return code;
}

static int count(web_req_t *req, const char *name, long *out)
{
    const char *s = A(name);
    return s ? v(req, hrr_param_count(name, s, out, MSG)) : 0;
}

static int h_decide(web_req_t *req, FILE *f)
{
    hrr_vote_in_t in = {-1, -1, -1, -1, -1, -1, HRR_SCOPE_UNKNOWN, HRR_MOTION_NONE, 0, 0};
    const char *name = A("rules"), *motion = A("motion");
    long year = 0;
    bool important;
    int scope_k = HRR_SCOPE_UNKNOWN, code;
    if (count(req, "yes", &in.yes) || count(req, "no", &in.no) ||
        count(req, "abstain", &in.abstain) || count(req, "absent", &in.absent) ||
        count(req, "members", &in.members) || count(req, "supporters", &in.supporters) ||
        count(req, "year", &year) || flag(req, "important", &important) ||
        scope_kind(req, A("kind"), &scope_k))
        return req->status;
    in.scope = scope_k;
    in.year = (int)year;
    in.important = important;
    if (motion && strcmp(motion, "no-action") && strcmp(motion, "adjournment"))
        return web_fail(req, 400, "motion: '%s' is not no-action", motion);
    if (motion) in.motion = HRR_MOTION_NO_ACTION;
    if (!name) return web_fail(req, 400, "rules is required (see /api/rules)");
    if (in.yes < 0 || in.no < 0 || in.abstain < 0)
        return web_fail(req, 400, "yes, no and abstain are required");
    hrr_rules_t *r;
    if ((code = rules(req, name, &r))) return code;
    hrr_decision_t dec;
    if (hrr_rules_decide(r, &in, &dec)) code = web_fail(req, 400, "%s", dec.reason);
    else code = done(req, hrr_report_decision(f, HRR_OUT_JSON, r, &dec));
    hrr_rules_free(r);
    return code;
}

static int h_replay(web_req_t *req, FILE *f)
{
    hrr_scope_opts_t sc;
    hrr_store_t *st;
    hrr_replay_opts_t ro = {.flips_only = 1};
    const char *name = A("rules");
    bool all;
    int code;
    if (scope(req, false, &sc, &st) || flag(req, "all", &all) ||
        scope_kind(req, A("kind"), &ro.scope) || iso3(req, "target", &ro.target))
        return req->status;
    if (!name) return web_fail(req, 400, "rules is required (see /api/rules)");
    ro.body = sc.body;
    ro.from = sc.from;
    ro.to = sc.to;
    ro.flips_only = !all;
    hrr_rules_t *r;
    hrr_replay_t *rep = NULL;
    if ((code = rules(req, name, &r))) return code;
    hrr_err_t rc = hrr_replay_run(st, r, &ro, &rep);
    code = rc ? lib(req, rc, st) : done(req, hrr_report_replay(f, HRR_OUT_JSON, r, rep));
    hrr_replay_free(rep);
    hrr_rules_free(r);
    return code;
}

static int h_casebook(web_req_t *req, FILE *f)
{
    const char *name = A("rules");
    hrr_rules_t *r = NULL;
    hrr_casebook_t *cb = NULL;
    int code;
    if (name && (code = rules(req, name, &r))) return code;
    hrr_err_t rc = hrr_casebook_load(&cb, NULL);
    if (rc) code = web_fail(req, web_status(rc), "the casebook could not be read");
    else code = done(req, hrr_report_casebook(f, HRR_OUT_JSON, r, cb));
    hrr_casebook_free(cb);
    hrr_rules_free(r);
    return code;
}

/* ------------------------------------------------------------ forecast */

/* runs and seed, as the CLI's --runs and --seed. */
static int mc_opts(web_req_t *req, hrr_fc_opts_t *fo)
{
    const char *s;
    if ((s = A("runs")) && v(req, hrr_param_runs("runs", s, &fo->runs, MSG))) return req->status;
    if ((s = A("seed")) && v(req, hrr_param_seed("seed", s, &fo->seed, MSG))) return req->status;
    return 0;
}

/* A list of ISO3 codes separated by ',' or ';'. */
static int iso3_list(web_req_t *req, const char *name, const char **out)
{
    const char *s = *out = A(name);
    for (const char *p = s; p && *p;) {
        size_t n = strcspn(p, ",;");
        char code[8];
        snprintf(code, sizeof code, "%.*s", n < 7 ? (int)n : 7, p);
        if (v(req, hrr_param_iso3(name, code, MSG))) return req->status;
        p += n + (p[n] != 0);
    }
    return 0;
}

static int h_forecast(web_req_t *req, FILE *f)
{
    hrr_scope_opts_t sc;
    hrr_store_t *st;
    hrr_fc_draft_t d = {.date = A("date"), .like = A("like"), .title = A("title"), .no_action = -1};
    hrr_fc_opts_t fo = {.rules = A("rules")};
    bool no_action;
    int code;
    if (scope(req, true, &sc, &st) || mc_opts(req, &fo) || iso3(req, "target", &d.target) ||
        iso3_list(req, "sponsors", &d.sponsors) || iso3_list(req, "members", &d.members))
        return req->status;
    if (A("no_action")) {
        if (flag(req, "no_action", &no_action)) return req->status;
        d.no_action = no_action;
    }
    if (!d.date) return web_fail(req, 400, "date YYYY-MM-DD is required");
    if (!d.like && !d.title) return web_fail(req, 400, "like=SYMBOL or title=TEXT is required");
    if (fo.rules && strpbrk(fo.rules, "/."))
        return web_fail(req, 400, "rules: '%s' is not the name of a rule set", fo.rules);
    hrr_fc_t *fc = NULL;
    if (hrr_fc_open(st, sc.body, &fc)) return web_fail(req, 404, "%s", hrr_store_errmsg(st));
    hrr_report_fc_t rf;
    hrr_fc_result_t *r = NULL;
    hrr_err_t rc = hrr_report_fc_begin(&rf, f, HRR_OUT_JSON, sc.body, false);
    if (rc) {
        code = done(req, rc);
    } else if ((rc = hrr_fc_forecast(fc, &d, &fo, &r))) {
        code = web_fail(req, web_status(rc), "%s", hrr_store_errmsg(st));
        hrr_report_fc_end(&rf, false);
    } else {
        rc = hrr_report_fc_add(&rf, r, d.title);
        hrr_err_t end = hrr_report_fc_end(&rf, rc == HRR_OK);
        code = done(req, rc ? rc : end);
    }
    hrr_fc_result_free(r);
    hrr_fc_close(fc);
    return code;
}

/* /api/profile?state=ISO3[&body=B][&no_ideal=1]: hrr profile ISO3 --json. */
static int h_profile(web_req_t *req, FILE *f)
{
    const char *state, *bodies;
    bool no_ideal;
    hrr_profile_t *p = NULL;
    if (iso3(req, "state", &state) || flag(req, "no_ideal", &no_ideal)) return req->status;
    if (!state) return web_fail(req, 400, "state is required (an ISO3 code)");
    hrr_store_t *st = web_store(req, &bodies);
    if (!st) return req->status;
    hrr_profile_opts_t o = {.body = A("body"), .no_ideal = no_ideal};
    if (o.body && v(req, hrr_param_body(bodies, "body", o.body, MSG))) return req->status;
    hrr_err_t rc = hrr_profile_get(st, state, &o, &p);
    int code = rc ? lib(req, rc, st) : done(req, hrr_report_profile(f, HRR_OUT_JSON, p));
    hrr_profile_free(p);
    return code;
}

/* /api/compare?a=&b=&body=[&from=&to=&limit=]: hrr compare A B --json. */
static int h_compare(web_req_t *req, FILE *f)
{
    hrr_scope_opts_t sc;
    hrr_store_t *st;
    const char *a, *b, *s;
    long limit = 0;
    hrr_compare_t *c = NULL;
    if (iso3(req, "a", &a) || iso3(req, "b", &b) || scope(req, true, &sc, &st)) return req->status;
    if (!a || !b) return web_fail(req, 400, "a and b are required (two ISO3 codes)");
    if ((s = A("limit")) && v(req, hrr_param_long("limit", s, 1, HRR_PARAM_DIFFS_MAX, &limit, MSG)))
        return req->status;
    hrr_err_t rc = hrr_compare_get(st, a, b, &sc, limit, &c);
    int code = rc ? lib(req, rc, st) : done(req, hrr_report_compare(f, HRR_OUT_JSON, c));
    hrr_compare_free(c);
    return code;
}

static int h_backtest(web_req_t *req, FILE *f)
{
    hrr_scope_opts_t sc;
    hrr_store_t *st;
    hrr_fc_opts_t fo = {0};
    if (scope(req, true, &sc, &st) || mc_opts(req, &fo)) return req->status;
    if (!sc.from || !sc.to) return web_fail(req, 400, "from=Y and to=Y (Y <= Y) are required");
    hrr_fc_t *fc = NULL;
    hrr_fc_backtest_t *bt = NULL;
    hrr_err_t rc = hrr_fc_open(st, sc.body, &fc);
    if (!rc) rc = hrr_fc_backtest(fc, sc.from, sc.to, &fo, &bt);
    int code = rc ? lib(req, rc, st)
                  : done(req, hrr_report_backtest(f, HRR_OUT_JSON, sc.body, sc.from, sc.to, bt));
    hrr_fc_backtest_free(bt);
    hrr_fc_close(fc);
    return code;
}

/* ------------------------------------------------------------ the table */

const web_route_t web_routes[] = {
    {"/api/summary", "", h_summary},
    {"/api/states", "group,on", h_states},
    {"/api/items", "body,from,to,kind,target,subject,text,limit", h_items},
    {"/api/votes", "ref,key,all", h_votes},
    {"/api/check", "kind", h_check},
    {"/api/agree", "body,from,to,with,by_year,min", h_agree},
    {"/api/cohesion", "body,from,to,group", h_cohesion},
    {"/api/blocs", "body,from,to,min,seed,method,k,by_year", h_blocs},
    {"/api/ideal", "body,from,to,dims,model,se,min,seed,positive,dynamic", h_ideal},
    {"/api/power", "weights,quota,members,blocs", h_power},
    {"/api/rules", "name", h_rules},
    {"/api/decide", "rules,yes,no,abstain,absent,members,supporters,kind,motion,important,year",
     h_decide},
    {"/api/replay", "rules,body,kind,target,from,to,all", h_replay},
    {"/api/casebook", "rules", h_casebook},
    {"/api/forecast", "body,date,title,like,target,sponsors,members,rules,runs,seed,no_action",
     h_forecast},
    {"/api/backtest", "body,from,to,runs,seed", h_backtest},
    {"/api/profile", "state,body,no_ideal", h_profile},
    {"/api/compare", "a,b,body,from,to,limit", h_compare},
};
const size_t web_nroutes = sizeof web_routes / sizeof *web_routes;
