/*
 * report_profile.c - a state's profile and two states compared
 * (include/hrr/report_profile.h): sections of aligned text, or one JSON
 * object with a key per section. docs/analysis.md shows both.
 */
#include "jsonout.h"
#include "hrr/report_profile.h"

#include <math.h>
#include <string.h>

/* ------------------------------------------------------------- helpers */

/* Begin a section TITLE: a table of N columns indented by two. */
static bool section(hrr_out_t *o, FILE *f, const char *title, size_t n, const char *const *cols)
{
    fprintf(f, "\n%s\n", title);
    if (!hrr_out_begin(o, HRR_OUT_TABLE, f, n, cols)) {
        hrr_out_end(o);
        return false;
    }
    o->indent = 2;
    return true;
}

static const char *vname(int v) { return v ? hrr_vote_name(v) : NULL; }

/* Set KEY of O to V (stolen); false when either is NULL. */
static bool put(json_t *o, const char *key, json_t *v)
{
    if (!o || !v) {
        json_decref(v);
        return false;
    }
    return json_object_set_new(o, key, v) == 0;
}

/* Append V (stolen) to A. */
static bool push(json_t *a, json_t *v)
{
    if (!a || !v) {
        json_decref(v);
        return false;
    }
    return json_array_append_new(a, v) == 0;
}

/* ------------------------------------------------------------- profile */

/* A Council (HRC) or Commission (CHR) term among the memberships. */
static bool is_term(const hrr_profile_member_t *m)
{
    return m->org && (!strcmp(m->org, "HRC") || !strcmp(m->org, "CHR"));
}

static json_t *profile_json(const hrr_profile_t *p)
{
    bool ok = true;
    json_t *o = json_object(), *id = json_object();
    ok &= put(id, "iso3", json_string(p->iso3));
    ok &= put(id, "name", hrr_i_jstr(p->name));
    ok &= put(id, "un_group", hrr_i_jstr(p->un_group));
    ok &= put(id, "start", hrr_i_jstr(p->start));
    ok &= put(id, "end", hrr_i_jstr(p->end));
    ok &= put(o, "state", id);

    json_t *a = json_array();
    for (size_t i = 0; i < p->nmembers; i++) {
        const hrr_profile_member_t *m = &p->members[i];
        json_t *x = json_object();
        ok &= put(x, "org", hrr_i_jstr(m->org)) && put(x, "start", hrr_i_jstr(m->start)) &&
              put(x, "end", hrr_i_jstr(m->end)) && put(x, "source", hrr_i_jstr(m->source));
        ok &= push(a, x);
    }
    ok &= put(o, "memberships", a);

    a = json_array();
    for (size_t i = 0; i < p->nmembers; i++) {
        const hrr_profile_member_t *m = &p->members[i];
        if (!is_term(m)) continue;
        json_t *x = json_object();
        ok &= put(x, "body", hrr_i_jstr(m->org)) && put(x, "start", hrr_i_jstr(m->start)) &&
              put(x, "end", hrr_i_jstr(m->end)) && put(x, "source", hrr_i_jstr(m->source));
        ok &= push(a, x);
    }
    ok &= put(o, "terms", a);

    a = json_array();
    for (size_t i = 0; i < p->nrecords; i++) {
        const hrr_profile_record_t *r = &p->records[i];
        json_t *x = json_object();
        ok &= put(x, "body", json_string(r->body)) && put(x, "items", json_integer(r->items)) &&
              put(x, "yes", json_integer(r->yes)) && put(x, "no", json_integer(r->no)) &&
              put(x, "abstain", json_integer(r->abstain)) &&
              put(x, "absent", json_integer(r->absent)) && put(x, "first", hrr_i_jstr(r->first)) &&
              put(x, "last", hrr_i_jstr(r->last));
        ok &= push(a, x);
    }
    ok &= put(o, "voting", a);

    a = json_array();
    for (size_t i = 0; i < p->nagree; i++) {
        const hrr_profile_agree_t *r = &p->agree[i];
        json_t *x = json_object();
        ok &= put(x, "body", json_string(r->body)) && put(x, "year", json_integer(r->year)) &&
              put(x, "group", json_string(r->group)) && put(x, "n", json_integer(r->n)) &&
              put(x, "same", json_integer(r->same)) && put(x, "share", hrr_i_jreal(r->share));
        ok &= push(a, x);
    }
    ok &= put(o, "agreement", a);

    json_t *ip = json_object();
    a = json_array();
    for (size_t i = 0; i < p->nideal; i++) {
        const hrr_profile_ideal_t *r = &p->ideal[i];
        json_t *x = json_object();
        ok &= put(x, "body", json_string(r->body)) && put(x, "year", json_integer(r->year)) &&
              put(x, "x", hrr_i_jreal(r->x)) && put(x, "sd", hrr_i_jreal(r->sd)) &&
              put(x, "lo", hrr_i_jreal(r->lo)) && put(x, "hi", hrr_i_jreal(r->hi)) &&
              put(x, "votes", json_integer(r->n));
        ok &= push(a, x);
    }
    ok &= put(ip, "note", hrr_i_jstr(p->ideal_note)) && put(ip, "path", a);
    ok &= put(o, "ideal", ip);

    a = json_array();
    for (size_t i = 0; i < p->ntexts; i++) {
        const hrr_profile_text_t *t = &p->texts[i];
        json_t *x = json_object();
        ok &= put(x, "body", hrr_i_jstr(t->body)) && put(x, "symbol", hrr_i_jstr(t->symbol)) &&
              put(x, "date", hrr_i_jstr(t->date)) && put(x, "kind", hrr_i_jstr(t->kind)) &&
              put(x, "title", hrr_i_jstr(t->title)) && put(x, "yes", hrr_i_jcount(t->yes)) &&
              put(x, "no", hrr_i_jcount(t->no)) && put(x, "abstain", hrr_i_jcount(t->abstain)) &&
              put(x, "outcome", hrr_i_jstr(t->outcome)) && put(x, "vote", hrr_i_jstr(vname(t->vote)));
        ok &= push(a, x);
    }
    ok &= put(o, "targeted", a);

    a = json_array();
    for (size_t i = 0; i < p->ntreaties; i++) {
        const hrr_profile_treaty_t *t = &p->treaties[i];
        json_t *x = json_object();
        ok &= put(x, "instrument", hrr_i_jstr(t->instrument)) && put(x, "name", hrr_i_jstr(t->name)) &&
              put(x, "status", hrr_i_jstr(t->status)) &&
              put(x, "year", t->year ? json_integer(t->year) : json_null());
        ok &= push(a, x);
    }
    ok &= put(o, "treaties", a);

    a = json_array();
    for (size_t i = 0; i < p->nupr; i++) {
        const hrr_profile_upr_t *u = &p->upr[i];
        json_t *x = json_object(), *r = json_object(), *g = json_object();
        ok &= put(r, "total", json_integer(u->received)) &&
              put(r, "supported", json_integer(u->rec_supported)) &&
              put(r, "noted", json_integer(u->rec_noted));
        ok &= put(g, "total", json_integer(u->given)) &&
              put(g, "supported", json_integer(u->giv_supported)) &&
              put(g, "noted", json_integer(u->giv_noted));
        ok &= put(x, "session", json_integer(u->session)) && put(x, "received", r) && put(x, "given", g);
        ok &= push(a, x);
    }
    ok &= put(o, "upr", a);

    a = json_array();
    for (size_t i = 0; i < p->ncases; i++) {
        const hrr_case_t *c = &p->cases[i];
        json_t *x = json_object();
        ok &= put(x, "id", hrr_i_jstr(c->id)) && put(x, "date", hrr_i_jstr(c->date)) &&
              put(x, "body", hrr_i_jstr(c->body)) && put(x, "symbol", hrr_i_jstr(c->symbol)) &&
              put(x, "kind", hrr_i_jstr(c->kind)) && put(x, "target", hrr_i_jstr(c->target)) &&
              put(x, "yes", hrr_i_jcount(c->yes)) && put(x, "no", hrr_i_jcount(c->no)) &&
              put(x, "abstain", hrr_i_jcount(c->abstain)) &&
              put(x, "outcome", hrr_i_jstr(c->outcome)) && put(x, "note", hrr_i_jstr(c->note)) &&
              put(x, "source", hrr_i_jstr(c->source));
        ok &= push(a, x);
    }
    ok &= put(o, "casebook", a);

    a = json_array();
    for (size_t i = 0; i < p->nengagement; i++) {
        const hrr_profile_engagement_t *e = &p->engagement[i];
        json_t *x = json_object();
        ok &= put(x, "kind", hrr_i_jstr(e->kind)) && put(x, "mechanism", hrr_i_jstr(e->mechanism)) &&
              put(x, "date", hrr_i_jstr(e->date)) && put(x, "status", hrr_i_jstr(e->status)) &&
              put(x, "note", hrr_i_jstr(e->note)) && put(x, "source", hrr_i_jstr(e->source));
        ok &= push(a, x);
    }
    ok &= put(o, "engagement", a);
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* The agreement rows of one body as a wide table: a row a year, a column
 * a group (the share; blank where the group had no majority). */
static bool agree_table(FILE *f, const hrr_profile_t *p, const char *body)
{
    static const char *const groups[] = {HRR_PROFILE_GROUPS};
    const char *cols[2 + HRR_PROFILE_NGROUPS] = {"body", "year"};
    for (int g = 0; g < HRR_PROFILE_NGROUPS; g++) cols[2 + g] = groups[g];
    size_t i = 0;
    while (i < p->nagree && strcmp(p->agree[i].body, body)) i++;
    if (i == p->nagree) return true;
    hrr_out_t o;
    char title[96];
    snprintf(title, sizeof title, "agreement with each group's majority, %s (share of items)", body);
    if (!section(&o, f, title, 2 + HRR_PROFILE_NGROUPS, cols)) return false;
    while (i < p->nagree && !strcmp(p->agree[i].body, body)) {
        int year = p->agree[i].year;
        hrr_out_text(&o, body);
        hrr_out_int(&o, year);
        for (int g = 0; g < HRR_PROFILE_NGROUPS; g++) {
            if (i < p->nagree && p->agree[i].year == year && !strcmp(p->agree[i].body, body) &&
                !strcmp(p->agree[i].group, groups[g])) {
                hrr_out_real(&o, p->agree[i].share, 2);
                i++;
            } else {
                hrr_out_null(&o);
            }
        }
    }
    return hrr_i_out_result(&o) == HRR_OK;
}

/* A section that could not be written: the output failed (a full disk, a
 * closed pipe) or memory ran out. */
static hrr_err_t out_fail(FILE *f)
{
    return ferror(f) ? HRR_EIO : HRR_ENOMEM;
}

static hrr_err_t profile_table(FILE *f, const hrr_profile_t *p)
{
    hrr_out_t o;
    bool ok = true;
    fprintf(f, "%s  %s\n", p->iso3, p->name ? p->name : "");
    fprintf(f, "  UN regional group  %s\n", p->un_group ? p->un_group : "(none)");
    if (p->start || p->end)
        fprintf(f, "  a UN actor         %s to %s\n", p->start ? p->start : "", p->end ? p->end : "");

    static const char *const mc[] = {"org", "from", "to", "source"};
    if (!section(&o, f, "memberships", 4, mc)) return out_fail(f);
    hrr_out_maxwidth(&o, 3, 60);
    for (size_t i = 0; i < p->nmembers; i++) {
        hrr_out_text(&o, p->members[i].org);
        hrr_out_text(&o, p->members[i].start);
        hrr_out_text(&o, p->members[i].end);
        hrr_out_text(&o, p->members[i].source);
    }
    ok &= hrr_i_out_result(&o) == HRR_OK;

    static const char *const rc[] = {"body", "items", "yes", "no", "abstain", "absent", "first", "last"};
    if (!ok || !section(&o, f, "voting record (ballots as a member)", 8, rc)) return out_fail(f);
    for (size_t i = 0; i < p->nrecords; i++) {
        const hrr_profile_record_t *r = &p->records[i];
        hrr_out_text(&o, r->body);
        hrr_out_int(&o, r->items);
        hrr_out_int(&o, r->yes);
        hrr_out_int(&o, r->no);
        hrr_out_int(&o, r->abstain);
        hrr_out_int(&o, r->absent);
        hrr_out_text(&o, r->first);
        hrr_out_text(&o, r->last);
    }
    ok &= hrr_i_out_result(&o) == HRR_OK;
    for (size_t i = 0; ok && i < p->nrecords; i++) ok &= agree_table(f, p, p->records[i].body);

    static const char *const ic[] = {"body", "year", "x", "sd", "lo", "hi", "votes"};
    char title[320];
    snprintf(title, sizeof title, "ideal-point path, 95%% interval (%s)", p->ideal_note ? p->ideal_note : "not asked for");
    if (!ok || !section(&o, f, title, 7, ic)) return out_fail(f);
    for (size_t i = 0; i < p->nideal; i++) {
        const hrr_profile_ideal_t *r = &p->ideal[i];
        hrr_out_text(&o, r->body);
        hrr_out_int(&o, r->year);
        hrr_out_real(&o, r->x, 3);
        hrr_out_real(&o, r->sd, 3);
        hrr_out_real(&o, r->lo, 3);
        hrr_out_real(&o, r->hi, 3);
        hrr_out_int(&o, r->n);
    }
    ok &= hrr_i_out_result(&o) == HRR_OK;

    static const char *const tc[] = {"date", "body", "symbol", "kind", "yes", "no", "abstain",
                                     "outcome", "own vote", "title"};
    if (!ok || !section(&o, f, "country texts that targeted it", 10, tc)) return out_fail(f);
    hrr_out_maxwidth(&o, 9, 50);
    for (size_t i = 0; i < p->ntexts; i++) {
        const hrr_profile_text_t *t = &p->texts[i];
        hrr_out_text(&o, t->date);
        hrr_out_text(&o, t->body);
        hrr_out_text(&o, t->symbol);
        hrr_out_text(&o, t->kind);
        hrr_out_count(&o, t->yes);
        hrr_out_count(&o, t->no);
        hrr_out_count(&o, t->abstain);
        hrr_out_text(&o, t->outcome);
        hrr_out_text(&o, vname(t->vote));
        hrr_out_text(&o, t->title);
    }
    ok &= hrr_i_out_result(&o) == HRR_OK;

    static const char *const trc[] = {"instrument", "status", "year", "name"};
    if (!ok || !section(&o, f, "treaties", 4, trc)) return out_fail(f);
    hrr_out_maxwidth(&o, 3, 60);
    for (size_t i = 0; i < p->ntreaties; i++) {
        const hrr_profile_treaty_t *t = &p->treaties[i];
        hrr_out_text(&o, t->instrument);
        hrr_out_text(&o, t->status);
        if (t->year) hrr_out_int(&o, t->year);
        else hrr_out_null(&o);
        hrr_out_text(&o, t->name);
    }
    ok &= hrr_i_out_result(&o) == HRR_OK;

    static const char *const uc[] = {"session", "received", "supported", "noted",
                                     "given", "supported", "noted"};
    if (!ok || !section(&o, f, "UPR recommendations received and given, by response", 7, uc))
        return out_fail(f);
    for (size_t i = 0; i < p->nupr; i++) {
        const hrr_profile_upr_t *u = &p->upr[i];
        hrr_out_int(&o, u->session);
        hrr_out_int(&o, u->received);
        hrr_out_int(&o, u->rec_supported);
        hrr_out_int(&o, u->rec_noted);
        hrr_out_int(&o, u->given);
        hrr_out_int(&o, u->giv_supported);
        hrr_out_int(&o, u->giv_noted);
    }
    ok &= hrr_i_out_result(&o) == HRR_OK;

    static const char *const ec[] = {"date", "kind", "mechanism", "status", "source", "note"};
    if (!ok || !section(&o, f, "engagement with the machinery (visits, reviews; data/engagement.csv)", 6, ec))
        return out_fail(f);
    hrr_out_maxwidth(&o, 2, 48);
    hrr_out_maxwidth(&o, 4, 40);
    hrr_out_maxwidth(&o, 5, 40);
    for (size_t i = 0; i < p->nengagement; i++) {
        const hrr_profile_engagement_t *e = &p->engagement[i];
        hrr_out_text(&o, e->date);
        hrr_out_text(&o, e->kind);
        hrr_out_text(&o, e->mechanism);
        hrr_out_text(&o, e->status);
        hrr_out_text(&o, e->source);
        hrr_out_text(&o, e->note);
    }
    ok &= hrr_i_out_result(&o) == HRR_OK;

    static const char *const cc[] = {"date", "id", "body", "symbol", "kind", "yes", "no",
                                     "abstain", "outcome", "note"};
    if (!ok || !section(&o, f, "casebook entries that name it", 10, cc)) return out_fail(f);
    hrr_out_maxwidth(&o, 9, 50);
    for (size_t i = 0; i < p->ncases; i++) {
        const hrr_case_t *c = &p->cases[i];
        hrr_out_text(&o, c->date);
        hrr_out_text(&o, c->id);
        hrr_out_text(&o, c->body);
        hrr_out_text(&o, c->symbol);
        hrr_out_text(&o, c->kind);
        hrr_out_count(&o, c->yes);
        hrr_out_count(&o, c->no);
        hrr_out_count(&o, c->abstain);
        hrr_out_text(&o, c->outcome);
        hrr_out_text(&o, c->note);
    }
    ok &= hrr_i_out_result(&o) == HRR_OK;
    if (ferror(f)) return HRR_EIO;
    return ok ? HRR_OK : out_fail(f);
}

hrr_err_t hrr_report_profile(FILE *f, hrr_out_fmt_t fmt, const hrr_profile_t *p)
{
    if (fmt == HRR_OUT_JSON) return hrr_i_out_json(f, profile_json(p));
    if (fmt != HRR_OUT_TABLE) return HRR_EINVAL;
    return profile_table(f, p);
}

/* ------------------------------------------------------------- compare */

static json_t *row_json(const hrr_compare_row_t *r, bool year, bool subject)
{
    json_t *x = json_object();
    bool ok = true;
    if (year) ok &= put(x, "year", json_integer(r->year));
    if (subject) ok &= put(x, "subject", hrr_i_jstr(r->subject));
    ok &= put(x, "n", json_integer(r->n)) && put(x, "same", json_integer(r->same)) &&
          put(x, "opposed", json_integer(r->opposed)) && put(x, "agree", hrr_i_jreal(r->agree)) &&
          put(x, "agree_half", hrr_i_jreal(r->agree_half));
    if (!ok) {
        json_decref(x);
        return NULL;
    }
    return x;
}

static json_t *compare_json(const hrr_compare_t *c)
{
    json_t *o = json_object(), *a;
    bool ok = put(o, "a", json_string(c->a)) && put(o, "b", json_string(c->b)) &&
              put(o, "name_a", hrr_i_jstr(c->name_a)) && put(o, "name_b", hrr_i_jstr(c->name_b)) &&
              put(o, "body", json_string(c->body)) &&
              put(o, "from", c->from ? json_integer(c->from) : json_null()) &&
              put(o, "to", c->to ? json_integer(c->to) : json_null()) &&
              put(o, "all", row_json(&c->all, false, false));
    a = json_array();
    for (size_t i = 0; i < c->nyears; i++) ok &= push(a, row_json(&c->years[i], true, false));
    ok &= put(o, "by_year", a);
    a = json_array();
    for (size_t i = 0; i < c->nsubjects; i++) ok &= push(a, row_json(&c->subjects[i], false, true));
    ok &= put(o, "by_subject", a);
    a = json_array();
    for (size_t i = 0; i < c->ndiffs; i++) {
        const hrr_compare_diff_t *d = &c->diffs[i];
        json_t *x = json_object();
        ok &= put(x, "date", hrr_i_jstr(d->date)) && put(x, "symbol", hrr_i_jstr(d->symbol)) &&
              put(x, "a", hrr_i_jstr(vname(d->va))) && put(x, "b", hrr_i_jstr(vname(d->vb))) &&
              put(x, "opposed", json_boolean(d->opposed)) && put(x, "subject", hrr_i_jstr(d->subject)) &&
              put(x, "title", hrr_i_jstr(d->title));
        ok &= push(a, x);
    }
    ok &= put(o, "differed", a);
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static void row_cells(hrr_out_t *o, const hrr_compare_row_t *r)
{
    hrr_out_int(o, r->n);
    hrr_out_int(o, r->same);
    hrr_out_int(o, r->opposed);
    hrr_out_real(o, r->agree, 3);
    hrr_out_real(o, r->agree_half, 3);
}

hrr_err_t hrr_report_compare(FILE *f, hrr_out_fmt_t fmt, const hrr_compare_t *c)
{
    if (fmt == HRR_OUT_JSON) return hrr_i_out_json(f, compare_json(c));
    if (fmt != HRR_OUT_TABLE) return HRR_EINVAL;
    hrr_out_t o;
    bool ok = true;
    char period[32] = "all years";
    if (c->from || c->to)
        snprintf(period, sizeof period, "%d-%d", c->from ? c->from : c->all.n ? c->years[0].year : 0,
                 c->to ? c->to : c->all.n ? c->years[c->nyears - 1].year : 0);
    fprintf(f, "%s %s and %s %s in %s, %s\n", c->a, c->name_a ? c->name_a : "", c->b,
            c->name_b ? c->name_b : "", c->body, period);
    fprintf(f, "  items both voted on  %ld\n  same vote           %ld\n  yes against no      %ld\n",
            c->all.n, c->all.same, c->all.opposed);
    if (c->all.n)
        fprintf(f, "  agreement           %.3f (abstention as half: %.3f)\n", c->all.agree,
                c->all.agree_half);

    static const char *const yc[] = {"year", "n", "same", "opposed", "agree", "agree_half"};
    if (!section(&o, f, "by year", 6, yc)) return out_fail(f);
    for (size_t i = 0; i < c->nyears; i++) {
        hrr_out_int(&o, c->years[i].year);
        row_cells(&o, &c->years[i]);
    }
    ok &= hrr_i_out_result(&o) == HRR_OK;

    static const char *const sc[] = {"subject", "n", "same", "opposed", "agree", "agree_half"};
    size_t ns = c->nsubjects < 20 ? c->nsubjects : 20;
    char title[96];
    snprintf(title, sizeof title, "by subject (%zu of %zu, most items first; --json: all)", ns, c->nsubjects);
    if (!ok || !section(&o, f, title, 6, sc)) return out_fail(f);
    hrr_out_maxwidth(&o, 0, 44);
    for (size_t i = 0; i < ns; i++) {
        hrr_out_text(&o, c->subjects[i].subject);
        row_cells(&o, &c->subjects[i]);
    }
    ok &= hrr_i_out_result(&o) == HRR_OK;

    static const char *const dc[] = {"date", "symbol", "a", "b", "title"};
    if (!ok || !section(&o, f, "where they differed most (yes against no first, most recent first)", 5, dc))
        return out_fail(f);
    hrr_out_maxwidth(&o, 4, 50);
    for (size_t i = 0; i < c->ndiffs; i++) {
        const hrr_compare_diff_t *d = &c->diffs[i];
        hrr_out_text(&o, d->date);
        hrr_out_text(&o, d->symbol);
        hrr_out_text(&o, vname(d->va));
        hrr_out_text(&o, vname(d->vb));
        hrr_out_text(&o, d->title);
    }
    ok &= hrr_i_out_result(&o) == HRR_OK;
    if (ferror(f)) return HRR_EIO;
    return ok ? HRR_OK : out_fail(f);
}
