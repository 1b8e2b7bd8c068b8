/*
 * rules.c - rule sets as data and the decision engine (include/hrr/rules.h).
 *
 * A rule set is a JSON file (rules/NAME.json, compiled into the library, or
 * a user's file). A variant names a "base" set and overrides some of its
 * keys. Every threshold is a fraction num/den of a base (the members present
 * and voting: yes + no; the members present: yes + no + abstain; or all the
 * members), met strictly ("more than half") or not ("two thirds"). The votes
 * needed are computed exactly, in integers:
 *
 *   base = members M:          strict  y*den > num*M   =>  y = floor(num*M/den) + 1
 *                              else    y*den >= num*M  =>  y = ceil(num*M/den)
 *   base = present and voting: y*den > num*(y + no)    =>  y*(den-num) > num*no
 *                              =>  y = floor(num*no/(den-num)) + 1 (strict),
 *                                  y = ceil(num*no/(den-num)) (else), at least 1
 *   base = present:            the same with no + abstain in place of no.
 *
 * So a simple majority of those present and voting needs no + 1 (a tie
 * fails), two thirds needs 2*no, and one third of 47 members is 16.
 */
#include "core/core.h"
#include "store/store.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { BASE_PV = 0, BASE_PRESENT = 1, BASE_MEMBERS = 2 };
static const char *const k_bases[] = {"present_and_voting", "present", "members"};

/* One threshold. */
typedef struct thr {
    int set;        /* given in the rule set */
    int base;       /* BASE_* */
    long num, den;  /* the fraction, 0 < num < den */
    int strict;     /* 1: more than num/den; 0: at least */
    const char *source; /* public source (in the set's JSON) */
} thr_t;

struct hrr_rules {
    json_t *json;           /* the merged rule set (owns every string below) */
    const char *name;       /* "hrc" */
    const char *body;       /* "HRC" */
    const char *title;      /* one line */
    long members;           /* members (latest) */
    int nera;               /* eras in members_by_year */
    long era_year[16];      /* from this year ... */
    long era_members[16];   /* ... this many members */
    thr_t quorum;           /* members present for a decision */
    thr_t adopt;            /* ordinary adoption */
    thr_t adopt_country;    /* country resolutions, where different */
    thr_t adopt_important;  /* important questions (GA) */
    thr_t table_country;    /* support to table a country resolution */
    thr_t special_session;  /* support to call a special session */
    int no_action_allowed;  /* no-action motions admitted */
    thr_t no_action;        /* their threshold */
    const char *no_action_source; /* why they are not admitted */
    int consensus;          /* decisions by consensus only */
    const char *consensus_source; /* its source */
};

static const char *const k_builtin[] = {"chr", "hrc", "ga-plenary", "ga-third-committee",
                                        "hrc-china-2007", "hrc-no-no-action",
                                        "hrc-absolute-majority", "hrc-consensus", NULL};

const char *const *hrr_rules_names(void) { return k_builtin; }

const char *hrr_outcome_name(hrr_outcome_t o)
{
    static const char *const n[] = {"adopted", "rejected", "not-tabled", "no-decision"};
    return (unsigned)o < 4 ? n[o] : "?";
}

/* ------------------------------------------------------------ parsing */

typedef struct perr {
    char *buf;          /* message out */
    size_t len;         /* its size */
    const char *file;   /* what is being read */
} perr_t;

static hrr_err_t fail(perr_t *e, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static hrr_err_t fail(perr_t *e, const char *key, const char *fmt, ...)
{
    char msg[384];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (e->buf && e->len) snprintf(e->buf, e->len, "%s: %s: %s", e->file, key, msg);
    return HRR_EDATA;
}

static hrr_err_t check_keys(perr_t *e, json_t *o, const char *where, const char *const *allowed)
{
    const char *k;
    json_t *v;
    json_object_foreach(o, k, v) {
        int ok = 0;
        for (const char *const *a = allowed; *a; a++) ok |= strcmp(k, *a) == 0;
        if (!ok) {
            char path[128];
            snprintf(path, sizeof path, "%s%s%s", where, *where ? "." : "", k);
            return fail(e, path, "unknown key");
        }
    }
    return HRR_OK;
}

static hrr_err_t parse_thr(perr_t *e, json_t *root, const char *key, thr_t *t)
{
    static const char *const keys[] = {"base", "num", "den", "strict", "source", NULL};
    json_t *o = json_object_get(root, key);
    char path[96];
    hrr_err_t rc;
    memset(t, 0, sizeof *t);
    if (!o) return HRR_OK;
    if (!json_is_object(o)) return fail(e, key, "must be an object {base, num, den, strict, source}");
    if ((rc = check_keys(e, o, key, keys))) return rc;
    json_t *b = json_object_get(o, "base"), *n = json_object_get(o, "num"),
           *d = json_object_get(o, "den"), *s = json_object_get(o, "strict"),
           *src = json_object_get(o, "source");
    snprintf(path, sizeof path, "%s.base", key);
    if (!json_is_string(b)) return fail(e, path, "must be one of present_and_voting, present, members");
    t->base = -1;
    for (int i = 0; i < 3; i++)
        if (strcmp(json_string_value(b), k_bases[i]) == 0) t->base = i;
    if (t->base < 0)
        return fail(e, path, "'%s' is not one of present_and_voting, present, members",
                    json_string_value(b));
    snprintf(path, sizeof path, "%s.num", key);
    if (!json_is_integer(n)) return fail(e, path, "must be an integer");
    snprintf(path, sizeof path, "%s.den", key);
    if (!json_is_integer(d)) return fail(e, path, "must be an integer");
    t->num = (long)json_integer_value(n);
    t->den = (long)json_integer_value(d);
    if (t->num <= 0 || t->den <= 0 || t->num >= t->den || t->den > 1000)
        return fail(e, key, "the fraction %ld/%ld must lie strictly between 0 and 1", t->num, t->den);
    snprintf(path, sizeof path, "%s.strict", key);
    if (!json_is_boolean(s)) return fail(e, path, "must be true (more than) or false (at least)");
    t->strict = json_is_true(s);
    snprintf(path, sizeof path, "%s.source", key);
    if (!json_is_string(src) || !*json_string_value(src))
        return fail(e, path, "every rule names its public source (a UN document symbol)");
    t->source = json_string_value(src);
    t->set = 1;
    return HRR_OK;
}

static hrr_err_t parse(perr_t *e, json_t *j, hrr_rules_t *r)
{
    static const char *const keys[] = {
        "name", "body", "title", "base", "members", "members_by_year", "members_source",
        "groups", "special_session", "quorum", "adopt", "adopt_country", "adopt_important",
        "table_country", "no_action", "consensus", "consensus_source", "country_note", NULL};
    hrr_err_t rc;
    if ((rc = check_keys(e, j, "", keys))) return rc;
    json_t *v;
    if (!json_is_string(v = json_object_get(j, "name"))) return fail(e, "name", "must be a string");
    r->name = json_string_value(v);
    if (!json_is_string(v = json_object_get(j, "body"))) return fail(e, "body", "must be a string");
    r->body = json_string_value(v);
    v = json_object_get(j, "title");
    r->title = json_is_string(v) ? json_string_value(v) : "";
    v = json_object_get(j, "members");
    if (!json_is_integer(v) || json_integer_value(v) < 1 || json_integer_value(v) > 1000)
        return fail(e, "members", "must be a number of members (1-1000)");
    r->members = (long)json_integer_value(v);
    if (!json_is_string(json_object_get(j, "members_source")))
        return fail(e, "members_source", "every rule names its public source");
    if ((v = json_object_get(j, "members_by_year"))) {
        size_t i;
        json_t *x;
        if (!json_is_array(v) || json_array_size(v) > 16)
            return fail(e, "members_by_year", "must be a list of [year, members] (at most 16)");
        json_array_foreach(v, i, x) {
            if (!json_is_array(x) || json_array_size(x) != 2 ||
                !json_is_integer(json_array_get(x, 0)) || !json_is_integer(json_array_get(x, 1)))
                return fail(e, "members_by_year", "entry %zu is not [year, members]", i);
            r->era_year[i] = (long)json_integer_value(json_array_get(x, 0));
            r->era_members[i] = (long)json_integer_value(json_array_get(x, 1));
            if (i && r->era_year[i] <= r->era_year[i - 1])
                return fail(e, "members_by_year", "years must increase (entry %zu)", i);
        }
        r->nera = (int)json_array_size(v);
    }
    if ((rc = parse_thr(e, j, "quorum", &r->quorum)) || (rc = parse_thr(e, j, "adopt", &r->adopt)) ||
        (rc = parse_thr(e, j, "adopt_country", &r->adopt_country)) ||
        (rc = parse_thr(e, j, "adopt_important", &r->adopt_important)) ||
        (rc = parse_thr(e, j, "table_country", &r->table_country)) ||
        (rc = parse_thr(e, j, "special_session", &r->special_session)))
        return rc;
    if (!r->adopt.set) return fail(e, "adopt", "missing: how is a proposal adopted?");
    v = json_object_get(j, "no_action");
    if (v) {
        static const char *const nk[] = {"allowed", "adopt", "source", NULL};
        if (!json_is_object(v)) return fail(e, "no_action", "must be an object {allowed, adopt}");
        if ((rc = check_keys(e, v, "no_action", nk))) return rc;
        json_t *a = json_object_get(v, "allowed");
        if (!json_is_boolean(a)) return fail(e, "no_action.allowed", "must be true or false");
        r->no_action_allowed = json_is_true(a);
        if (r->no_action_allowed) {
            if ((rc = parse_thr(e, v, "adopt", &r->no_action))) return rc;
            if (!r->no_action.set) return fail(e, "no_action.adopt", "missing for allowed motions");
        } else {
            json_t *s = json_object_get(v, "source");
            if (!json_is_string(s)) return fail(e, "no_action.source", "every rule names its source");
            r->no_action_source = json_string_value(s);
        }
    }
    v = json_object_get(j, "consensus");
    if (v && !json_is_boolean(v)) return fail(e, "consensus", "must be true or false");
    r->consensus = json_is_true(v);
    if (r->consensus) {
        json_t *s = json_object_get(j, "consensus_source");
        if (!json_is_string(s)) return fail(e, "consensus_source", "every rule names its source");
        r->consensus_source = json_string_value(s);
    }
    return HRR_OK;
}

/* Read a rule file's JSON: a built-in name or a path. */
static hrr_err_t read_json(const char *name, json_t **out, perr_t *e, int depth)
{
    json_error_t je;
    json_t *j = NULL;
    char res[128];
    bool path = strchr(name, '/') || (strlen(name) > 5 && strcmp(name + strlen(name) - 5, ".json") == 0);
    *out = NULL;
    if (depth > 4) return fail(e, "base", "too many levels of base");
    if (path) {
        struct stat sb; /* a FIFO or a device would block or never end */
        if (stat(name, &sb) == 0 && !S_ISREG(sb.st_mode))
            return snprintf(e->buf, e->len, "%s: not a regular file: hrr reads rule files"
                            " from regular files only", name), HRR_EIO;
        j = json_load_file(name, JSON_REJECT_DUPLICATES, &je);
        if (!j) {
            if (je.line <= 0 && strstr(je.text, "unable to open"))
                return snprintf(e->buf, e->len, "%s: %s", name, je.text), HRR_EIO;
            snprintf(e->buf, e->len, "%s:%d:%d: bad JSON: %s", name, je.line, je.column, je.text);
            return HRR_EDATA;
        }
    } else {
        snprintf(res, sizeof res, "rules/%s.json", name);
        const hrr_i_resource_t *rr = hrr_i_resource(res);
        if (!rr) {
            snprintf(e->buf, e->len, "no rule set '%s' (hrr rules list)", name);
            return HRR_ENOTFOUND;
        }
        j = json_loadb(rr->data, rr->len, JSON_REJECT_DUPLICATES, &je);
        if (!j) {
            snprintf(e->buf, e->len, "%s:%d: bad JSON: %s", res, je.line, je.text);
            return HRR_EDATA;
        }
    }
    if (!json_is_object(j)) {
        json_decref(j);
        return fail(e, "(top)", "a rule set is a JSON object");
    }
    json_t *base = json_object_get(j, "base");
    if (base) {
        json_t *bj = NULL;
        if (!json_is_string(base)) {
            json_decref(j);
            return fail(e, "base", "must name a rule set");
        }
        const char *file = e->file;
        hrr_err_t rc = read_json(json_string_value(base), &bj, e, depth + 1);
        e->file = file;
        if (rc) {
            char inner[512];
            snprintf(inner, sizeof inner, "%s", e->buf);
            snprintf(e->buf, e->len, "%s: base: %s", file, inner);
            json_decref(j);
            return rc == HRR_ENOTFOUND ? HRR_EDATA : rc;
        }
        /* the variant's keys replace the base's */
        json_object_update(bj, j);
        json_object_del(bj, "base");
        json_decref(j);
        j = bj;
    }
    *out = j;
    return HRR_OK;
}

hrr_err_t hrr_rules_load(const char *name, hrr_rules_t **out, hrr_ctx_t *ctx)
{
    char dummy[8];
    perr_t e = {ctx ? ctx->errmsg : dummy, ctx ? sizeof ctx->errmsg : sizeof dummy, name};
    json_t *j = NULL;
    hrr_err_t rc;
    *out = NULL;
    e.buf[0] = 0;
    if ((rc = read_json(name, &j, &e, 0))) return rc;
    hrr_rules_t *r = hrr_i_calloc(ctx, 1, sizeof *r);
    if (!r) {
        json_decref(j);
        snprintf(e.buf, e.len, "out of memory");
        return HRR_ENOMEM;
    }
    r->json = j;
    if ((rc = parse(&e, j, r))) {
        hrr_rules_free(r);
        return rc;
    }
    *out = r;
    return HRR_OK;
}

void hrr_rules_free(hrr_rules_t *r)
{
    if (!r) return;
    json_decref(r->json);
    hrr_i_free(NULL, r);
}

const char *hrr_rules_name(const hrr_rules_t *r) { return r->name; }
const char *hrr_rules_body(const hrr_rules_t *r) { return r->body; }
const char *hrr_rules_title(const hrr_rules_t *r) { return r->title; }

long hrr_rules_members(const hrr_rules_t *r, int year)
{
    long m = r->members;
    if (year > 0)
        for (int i = 0; i < r->nera; i++)
            if (year >= r->era_year[i]) m = r->era_members[i];
    return m;
}

char *hrr_rules_json(const hrr_rules_t *r)
{
    return json_dumps(r->json, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
}

static void describe_thr(hrr_sbuf_t *b, const char *what, const thr_t *t, long members)
{
    if (!t->set) return;
    hrr_sbuf_printf(NULL, b, "%-20s %s %ld/%ld of the %s", what, t->strict ? "more than" : "at least",
                    t->num, t->den,
                    t->base == BASE_PV ? "members present and voting (yes + no)"
                    : t->base == BASE_PRESENT ? "members present (yes + no + abstain)" : "members");
    if (t->base == BASE_MEMBERS) {
        long need = t->strict ? t->num * members / t->den + 1
                              : (t->num * members + t->den - 1) / t->den;
        hrr_sbuf_printf(NULL, b, ": %ld of %ld", need, members);
    }
    hrr_sbuf_printf(NULL, b, "\n%-20s   source: %s\n", "", t->source);
}

char *hrr_rules_describe(const hrr_rules_t *r)
{
    hrr_sbuf_t b = {0};
    hrr_sbuf_printf(NULL, &b, "%s (%s): %s\n", r->name, r->body, r->title);
    hrr_sbuf_printf(NULL, &b, "%-20s %ld\n", "members", r->members);
    for (int i = 0; i < r->nera; i++)
        hrr_sbuf_printf(NULL, &b, "%-20s   from %ld: %ld\n", "", r->era_year[i], r->era_members[i]);
    hrr_sbuf_printf(NULL, &b, "%-20s   source: %s\n", "",
                    json_string_value(json_object_get(r->json, "members_source")));
    json_t *g = json_object_get(r->json, "groups");
    if (json_is_object(g)) {
        const char *k;
        json_t *v;
        hrr_sbuf_printf(NULL, &b, "%-20s", "seats by group");
        json_object_foreach(g, k, v) hrr_sbuf_printf(NULL, &b, " %s %lld", k, (long long)json_integer_value(v));
        hrr_sbuf_printf(NULL, &b, "\n");
    }
    describe_thr(&b, "quorum", &r->quorum, r->members);
    describe_thr(&b, "special session", &r->special_session, r->members);
    describe_thr(&b, "tabling (country)", &r->table_country, r->members);
    describe_thr(&b, "adoption", &r->adopt, r->members);
    describe_thr(&b, "adoption (country)", &r->adopt_country, r->members);
    describe_thr(&b, "adoption (important)", &r->adopt_important, r->members);
    if (r->no_action_allowed) describe_thr(&b, "no-action motion", &r->no_action, r->members);
    else if (r->no_action_source)
        hrr_sbuf_printf(NULL, &b, "%-20s not admitted\n%-20s   source: %s\n", "no-action motion", "",
                        r->no_action_source);
    if (r->consensus)
        hrr_sbuf_printf(NULL, &b, "%-20s consensus only: one objection blocks\n%-20s   source: %s\n",
                        "decisions", "", r->consensus_source);
    json_t *note = json_object_get(r->json, "country_note");
    if (json_is_string(note)) hrr_sbuf_printf(NULL, &b, "%-20s %s\n", "note", json_string_value(note));
    if (!b.z) return NULL;
    char *out = strdup(b.z); /* the header says: free with free() */
    hrr_sbuf_destroy(&b);
    return out;
}

/* ------------------------------------------------------------ deciding */

/* Votes needed under T, given the other votes as cast. */
static long needed(const thr_t *t, long no, long abstain, long members)
{
    long other = t->base == BASE_PV ? no : no + abstain;
    if (t->base == BASE_MEMBERS)
        return t->strict ? t->num * members / t->den + 1 : (t->num * members + t->den - 1) / t->den;
    long d = t->den - t->num;
    long y = t->strict ? t->num * other / d + 1 : (t->num * other + d - 1) / d;
    return y < 1 ? 1 : y;
}

static const char *base_words(const thr_t *t)
{
    return t->base == BASE_PV ? "of those present and voting"
         : t->base == BASE_PRESENT ? "of those present" : "of all members";
}

/* Apply threshold T to YES votes. */
static void apply(const thr_t *t, const char *rule, long yes, long no, long abstain, long members,
                  const char *what, hrr_decision_t *out)
{
    long need = needed(t, no, abstain, members);
    out->threshold = need;
    out->margin = yes - need;
    out->rule = rule;
    out->source = t->source;
    out->outcome = yes >= need ? HRR_ADOPTED : HRR_REJECTED;
    snprintf(out->reason, sizeof out->reason, "%s %s: %ld-%ld-%ld needs %ld yes (%s %ld/%ld %s);"
             " %ld %s", what, yes >= need ? "carries" : "fails", yes, no, abstain, need,
             t->strict ? "more than" : "at least", t->num, t->den, base_words(t),
             out->margin >= 0 ? out->margin : -out->margin,
             out->margin >= 0 ? "to spare" : (out->margin == -1 ? "vote short" : "votes short"));
}

hrr_err_t hrr_rules_decide(const hrr_rules_t *r, const hrr_vote_in_t *in, hrr_decision_t *out)
{
    memset(out, 0, sizeof *out);
    long members = in->members > 0 ? in->members : hrr_rules_members(r, in->year);
    long absent = in->absent > 0 ? in->absent : 0;
    out->outcome = HRR_NO_DECISION;
    out->rule = "input";
    out->source = "";
    if (in->yes < 0 || in->no < 0 || in->abstain < 0) {
        snprintf(out->reason, sizeof out->reason, "yes, no and abstain must be given and not negative");
        return HRR_EINVAL;
    }
    if (in->yes + in->no + in->abstain + absent > members) {
        snprintf(out->reason, sizeof out->reason, "%ld votes and %ld absent exceed the %ld members",
                 in->yes + in->no + in->abstain, absent, members);
        return HRR_EINVAL;
    }
    /* a no-action motion is decided on its own tally, before its draft */
    if (in->motion == HRR_MOTION_NO_ACTION) {
        if (!r->no_action_allowed) {
            out->rule = "no_action";
            out->source = r->no_action_source ? r->no_action_source : "";
            snprintf(out->reason, sizeof out->reason,
                     "a no-action motion is out of order under %s: the draft is put to the vote",
                     r->name);
            return HRR_OK;
        }
        apply(&r->no_action, "no_action", in->yes, in->no, in->abstain, members,
              "the no-action motion", out);
        size_t n = strlen(out->reason);
        snprintf(out->reason + n, sizeof out->reason - n, "%s",
                 out->outcome == HRR_ADOPTED ? "; the draft is not voted on"
                                             : "; the draft is put to the vote");
        return HRR_OK;
    }
    bool country = in->scope == HRR_SCOPE_COUNTRY;
    /* tabling */
    const char *note = "";
    if (country && r->table_country.set) {
        const thr_t *t = &r->table_country;
        long need = needed(t, 0, 0, members);
        if (in->supporters < 0) {
            note = "; tabling support not checked (supporters not given)";
        } else if (in->supporters < need) {
            out->outcome = HRR_NOT_TABLED;
            out->threshold = need;
            out->margin = in->supporters - need;
            out->rule = "table_country";
            out->source = t->source;
            snprintf(out->reason, sizeof out->reason,
                     "not tabled: %ld supporters, a country resolution needs %ld (%s %ld/%ld of %ld"
                     " members); %ld short", in->supporters, need, t->strict ? "more than" : "at least",
                     t->num, t->den, members, need - in->supporters);
            return HRR_OK;
        }
    }
    /* quorum, where who was present is known */
    if (r->quorum.set && in->absent >= 0) {
        long present = in->yes + in->no + in->abstain + in->absent;
        long need = needed(&r->quorum, 0, 0, members);
        if (present < need) {
            out->outcome = HRR_NO_DECISION;
            out->threshold = need;
            out->margin = present - need;
            out->rule = "quorum";
            out->source = r->quorum.source;
            snprintf(out->reason, sizeof out->reason, "no quorum: %ld members present, %ld needed",
                     present, need);
            return HRR_OK;
        }
    }
    if (r->consensus) {
        out->rule = "consensus";
        out->source = r->consensus_source;
        out->threshold = 0;
        out->margin = -in->no;
        out->outcome = in->no == 0 ? HRR_ADOPTED : HRR_REJECTED;
        if (in->no == 0)
            snprintf(out->reason, sizeof out->reason, "adopted by consensus: no objection%s", note);
        else
            snprintf(out->reason, sizeof out->reason, "blocked: %ld member%s objected (consensus only)%s",
                     in->no, in->no == 1 ? "" : "s", note);
        return HRR_OK;
    }
    const thr_t *t = &r->adopt;
    const char *rule = "adopt";
    if (in->important && r->adopt_important.set) t = &r->adopt_important, rule = "adopt_important";
    else if (country && r->adopt_country.set) t = &r->adopt_country, rule = "adopt_country";
    apply(t, rule, in->yes, in->no, in->abstain, members,
          country ? "the country resolution" : "the proposal", out);
    size_t n = strlen(out->reason);
    snprintf(out->reason + n, sizeof out->reason - n, "%s", note);
    return HRR_OK;
}

/* Mark D as not voted on, because the motion decided first carried. */
static void not_voted(hrr_decision_t *d, const hrr_decision_t *motion, const char *what)
{
    memset(d, 0, sizeof *d);
    d->outcome = HRR_NO_DECISION;
    d->rule = "no_action";
    d->source = motion->source;
    snprintf(d->reason, sizeof d->reason, "%s not voted on: the no-action motion carried", what);
}

hrr_err_t hrr_rules_decide_draft(const hrr_rules_t *r, const hrr_vote_in_t *motion,
                                 const hrr_vote_in_t *amend, size_t namend,
                                 const hrr_vote_in_t *draft, hrr_decision_t *out_motion,
                                 hrr_decision_t *out_amend, hrr_decision_t *out_draft)
{
    hrr_err_t rc;
    memset(out_motion, 0, sizeof *out_motion);
    out_motion->outcome = HRR_NO_DECISION;
    out_motion->rule = "none";
    out_motion->source = "";
    snprintf(out_motion->reason, sizeof out_motion->reason, "no motion moved");
    if (motion) {
        hrr_vote_in_t m = *motion;
        m.motion = HRR_MOTION_NO_ACTION;
        if ((rc = hrr_rules_decide(r, &m, out_motion))) return rc;
        if (out_motion->outcome == HRR_ADOPTED) {
            for (size_t i = 0; i < namend; i++) not_voted(&out_amend[i], out_motion, "the amendment");
            not_voted(out_draft, out_motion, "the draft");
            return HRR_OK;
        }
    }
    for (size_t i = 0; i < namend; i++) {
        hrr_vote_in_t a = amend[i];
        a.motion = HRR_MOTION_NONE;
        if ((rc = hrr_rules_decide(r, &a, &out_amend[i]))) return rc;
    }
    hrr_vote_in_t d = *draft;
    d.motion = HRR_MOTION_NONE;
    return hrr_rules_decide(r, &d, out_draft);
}
