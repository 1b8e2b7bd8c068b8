/*
 * report_records.c - the records' results (summary, states, items, votes,
 * findings, SQL rows) as a table, CSV or JSON. The shapes are docs/cli.md's.
 */
#include "jsonout.h"
#include "store/store.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------- summary */

static json_t *summary_json(const char *db, const hrr_summary_t *sm)
{
    json_t *o = json_object(), *t = json_object(), *b = json_array(), *im = json_array(),
           *mb = json_array();
    if (!o || !t || !b || !im || !mb) goto fail;
    json_object_set_new(o, "store", hrr_i_jstr(db));
    json_object_set_new(o, "schema", json_integer(sm->schema_version));
    json_object_set_new(o, "tables", t);
    json_object_set_new(o, "bodies", b);
    json_object_set_new(o, "imports", im);
    json_object_set_new(o, "members", mb);
    for (size_t i = 0; i < sm->nmembers; i++) {
        const hrr_summary_members_t *x = &sm->members[i];
        json_array_append_new(mb, json_pack("{s:o, s:I, s:I, s:o, s:o}", "body", hrr_i_jstr(x->body),
            "states", (json_int_t)x->states, "terms", (json_int_t)x->terms,
            "first", hrr_i_jstr(x->first), "last", hrr_i_jstr(x->last)));
    }
    for (size_t i = 0; i < sm->ntables; i++)
        json_object_set_new(t, sm->tables[i].name, json_integer(sm->tables[i].rows));
    for (size_t i = 0; i < sm->nbodies; i++) {
        const hrr_summary_body_t *x = &sm->bodies[i];
        json_array_append_new(b, json_pack("{s:s, s:s, s:I, s:I, s:o, s:o}",
            "code", x->code, "name", x->name, "items", (json_int_t)x->items,
            "ballots", (json_int_t)x->ballots, "first", hrr_i_jstr(x->first),
            "last", hrr_i_jstr(x->last)));
    }
    for (size_t i = 0; i < sm->nimports; i++) {
        const hrr_summary_import_t *x = &sm->imports[i];
        json_array_append_new(im, json_pack("{s:I, s:o, s:o, s:I, s:o, s:o, s:o}",
            "id", (json_int_t)x->id, "path", hrr_i_jstr(x->path), "format", hrr_i_jstr(x->format),
            "rows", (json_int_t)x->rows, "sha256", hrr_i_jstr(x->sha256),
            "started", hrr_i_jstr(x->started), "finished", hrr_i_jstr(x->finished)));
    }
    return o;
fail:
    json_decref(o);
    json_decref(t);
    json_decref(b);
    json_decref(im);
    json_decref(mb);
    return NULL;
}

static hrr_err_t summary_csv(FILE *f, const hrr_summary_t *sm)
{
    static const char *const cols[] = {"section", "name", "rows", "ballots", "first",
                                       "last", "format", "sha256", "time"};
    hrr_out_t o;
    hrr_out_begin(&o, HRR_OUT_CSV, f, 9, cols);
    for (size_t i = 0; i < sm->ntables; i++) {
        hrr_out_text(&o, "table");
        hrr_out_text(&o, sm->tables[i].name);
        hrr_out_int(&o, sm->tables[i].rows);
        for (int k = 0; k < 6; k++) hrr_out_null(&o);
    }
    for (size_t i = 0; i < sm->nbodies; i++) {
        const hrr_summary_body_t *x = &sm->bodies[i];
        hrr_out_text(&o, "body");
        hrr_out_text(&o, x->code);
        hrr_out_int(&o, x->items);
        hrr_out_int(&o, x->ballots);
        hrr_out_text(&o, x->first);
        hrr_out_text(&o, x->last);
        for (int k = 0; k < 3; k++) hrr_out_null(&o);
    }
    for (size_t i = 0; i < sm->nimports; i++) {
        const hrr_summary_import_t *x = &sm->imports[i];
        hrr_out_text(&o, "import");
        hrr_out_text(&o, x->path);
        hrr_out_int(&o, x->rows);
        for (int k = 0; k < 3; k++) hrr_out_null(&o);
        hrr_out_text(&o, x->format);
        hrr_out_text(&o, x->sha256);
        hrr_out_text(&o, x->finished ? x->finished : x->started);
    }
    for (size_t i = 0; i < sm->nmembers; i++) {
        const hrr_summary_members_t *x = &sm->members[i];
        hrr_out_text(&o, "members");
        hrr_out_text(&o, x->body);
        hrr_out_int(&o, x->terms);
        hrr_out_null(&o);
        hrr_out_text(&o, x->first);
        hrr_out_text(&o, x->last);
        for (int k = 0; k < 3; k++) hrr_out_null(&o);
    }
    return hrr_i_out_result(&o);
}

static hrr_err_t summary_table(FILE *f, const char *db, const hrr_summary_t *sm)
{
    static const char *const tcols[] = {"table", "rows"};
    static const char *const bcols[] = {"body", "name", "items", "ballots", "first", "last"};
    static const char *const icols[] = {"id", "path", "format", "rows", "sha256", "finished"};
    hrr_out_t o;
    hrr_err_t rc;
    long items = 0, ballots = 0;
    for (size_t i = 0; i < sm->nbodies; i++) {
        items += sm->bodies[i].items;
        ballots += sm->bodies[i].ballots;
    }
    fprintf(f, "store %s (schema %d): %ld items, %ld ballots, %zu imports\n\nrecords\n",
            db, sm->schema_version, items, ballots, sm->nimports);
    hrr_out_begin(&o, HRR_OUT_TABLE, f, 2, tcols);
    o.indent = 2;
    for (size_t i = 0; i < sm->ntables; i++) {
        hrr_out_text(&o, sm->tables[i].name);
        hrr_out_int(&o, sm->tables[i].rows);
    }
    if ((rc = hrr_i_out_result(&o))) return rc;

    fprintf(f, "\nbodies\n");
    hrr_out_begin(&o, HRR_OUT_TABLE, f, 6, bcols);
    o.indent = 2;
    for (size_t i = 0; i < sm->nbodies; i++) {
        const hrr_summary_body_t *x = &sm->bodies[i];
        hrr_out_text(&o, x->code);
        hrr_out_text(&o, x->name);
        hrr_out_int(&o, x->items);
        hrr_out_int(&o, x->ballots);
        hrr_out_text(&o, x->first);
        hrr_out_text(&o, x->last);
    }
    if ((rc = hrr_i_out_result(&o))) return rc;

    if (sm->nmembers) {
        static const char *const mcols[] = {"body", "states", "terms", "from", "to"};
        fprintf(f, "\nmembers (terms on the Council, years on the Commission; 'to' is the first day after)\n");
        hrr_out_begin(&o, HRR_OUT_TABLE, f, 5, mcols);
        o.indent = 2;
        for (size_t i = 0; i < sm->nmembers; i++) {
            const hrr_summary_members_t *x = &sm->members[i];
            hrr_out_text(&o, x->body);
            hrr_out_int(&o, x->states);
            hrr_out_int(&o, x->terms);
            hrr_out_text(&o, x->first);
            hrr_out_text(&o, x->last);
        }
        if ((rc = hrr_i_out_result(&o))) return rc;
    }

    fprintf(f, "\nimports\n");
    if (sm->nimports == 0) {
        fprintf(f, "  none yet: `hrr import PATH` loads records\n");
        return HRR_OK;
    }
    hrr_out_begin(&o, HRR_OUT_TABLE, f, 6, icols);
    o.indent = 2;
    hrr_out_maxwidth(&o, 1, 60);
    for (size_t i = 0; i < sm->nimports; i++) {
        const hrr_summary_import_t *x = &sm->imports[i];
        char sha[13];
        snprintf(sha, sizeof sha, "%s", x->sha256 ? x->sha256 : "");
        hrr_out_int(&o, x->id);
        hrr_out_text(&o, x->path);
        hrr_out_text(&o, x->format);
        hrr_out_int(&o, x->rows);
        hrr_out_text(&o, sha);
        hrr_out_text(&o, x->finished ? x->finished : "(unfinished)");
    }
    return hrr_i_out_result(&o);
}

hrr_err_t hrr_report_summary(FILE *f, hrr_out_fmt_t fmt, const char *db, const hrr_summary_t *sm)
{
    if (fmt == HRR_OUT_JSON) return hrr_i_out_json(f, summary_json(db, sm));
    if (fmt == HRR_OUT_CSV) return summary_csv(f, sm);
    return summary_table(f, db, sm);
}

/* -------------------------------------------------------------- states */

hrr_err_t hrr_report_states(FILE *f, hrr_out_fmt_t fmt, const hrr_state_list_t *list)
{
    static const char *const cols[] = {"iso3", "name", "group", "iso2", "m49",
                                       "start", "end", "aliases", "orgs"};
    hrr_out_t o;
    hrr_out_begin(&o, fmt, f, sizeof cols / sizeof *cols, cols);
    hrr_out_maxwidth(&o, 1, 36);
    hrr_out_maxwidth(&o, 8, 40);
    for (size_t i = 0; i < list->n; i++) {
        const hrr_state_info_t *s = &list->states[i];
        hrr_out_text(&o, s->iso3);
        hrr_out_text(&o, s->name);
        hrr_out_text(&o, s->un_group);
        hrr_out_text(&o, *s->iso2 ? s->iso2 : NULL);
        if (s->m49) hrr_out_int(&o, s->m49);
        else hrr_out_null(&o);
        hrr_out_text(&o, s->start);
        hrr_out_text(&o, s->end);
        hrr_out_int(&o, s->naliases);
        hrr_out_text(&o, s->orgs);
    }
    return hrr_i_out_result(&o);
}

/* --------------------------------------------------------------- items */

static void items_table(FILE *f, const hrr_item_list_t *list, hrr_out_t *o)
{
    static const char *const cols[] = {"date", "body", "symbol", "kind", "target",
                                       "yes", "no", "abst", "outcome", "ballots", "title"};
    hrr_out_begin(o, HRR_OUT_TABLE, f, sizeof cols / sizeof *cols, cols);
    hrr_out_maxwidth(o, 2, 32);
    hrr_out_maxwidth(o, 10, 60);
    for (size_t i = 0; i < list->n; i++) {
        const hrr_item_t *it = &list->items[i];
        hrr_out_text(o, it->date);
        hrr_out_text(o, it->body);
        hrr_out_text(o, it->symbol ? it->symbol : it->key);
        hrr_out_text(o, it->kind);
        hrr_out_text(o, *it->target ? it->target : NULL);
        hrr_out_count(o, it->yes);
        hrr_out_count(o, it->no);
        hrr_out_count(o, it->abstain);
        hrr_out_text(o, it->outcome);
        hrr_out_int(o, it->nballots);
        hrr_out_text(o, it->title);
    }
}

static void items_full(FILE *f, const hrr_item_list_t *list, hrr_out_fmt_t fmt, hrr_out_t *o)
{
    static const char *const cols[] = {
        "key", "body", "symbol", "session", "date", "kind", "scope", "target",
        "subject", "agenda_item", "yes", "no", "abstain", "nonvoting", "outcome",
        "vote_type", "ballots", "sponsors", "title"};
    hrr_out_begin(o, fmt, f, sizeof cols / sizeof *cols, cols);
    for (size_t i = 0; i < list->n; i++) {
        const hrr_item_t *it = &list->items[i];
        hrr_out_text(o, it->key);
        hrr_out_text(o, it->body);
        hrr_out_text(o, it->symbol);
        hrr_out_text(o, it->session);
        hrr_out_text(o, it->date);
        hrr_out_text(o, it->kind);
        hrr_out_text(o, it->scope);
        hrr_out_text(o, *it->target ? it->target : NULL);
        hrr_out_text(o, it->subject);
        hrr_out_text(o, it->agenda_item);
        hrr_out_count(o, it->yes);
        hrr_out_count(o, it->no);
        hrr_out_count(o, it->abstain);
        hrr_out_count(o, it->nonvoting);
        hrr_out_text(o, it->outcome);
        hrr_out_text(o, it->vote_type);
        hrr_out_int(o, it->nballots);
        hrr_out_text(o, it->sponsors);
        hrr_out_text(o, it->title);
    }
}

hrr_err_t hrr_report_items(FILE *f, hrr_out_fmt_t fmt, const hrr_item_list_t *list)
{
    hrr_out_t o;
    if (fmt == HRR_OUT_TABLE) items_table(f, list, &o);
    else items_full(f, list, fmt, &o);
    return hrr_i_out_result(&o);
}

/* --------------------------------------------------------------- votes */

static json_t *tally_json(long yes, long no, long abstain)
{
    return json_pack("{s:I, s:I, s:I}", "yes", (json_int_t)yes, "no", (json_int_t)no,
                     "abstain", (json_int_t)abstain);
}

static json_t *item_json(const hrr_item_votes_t *iv)
{
    const hrr_item_t *it = &iv->item;
    const hrr_tally_t *t = &iv->counted;
    json_t *o = json_object(), *ballots = json_array(), *tally;
    const char *source;
    if (!o || !ballots) {
        json_decref(o);
        json_decref(ballots);
        return NULL;
    }
    if (it->yes >= 0 && it->no >= 0 && it->abstain >= 0) {
        tally = tally_json(it->yes, it->no, it->abstain);
        source = "official";
    } else if (iv->nballots) {
        tally = tally_json(t->yes, t->no, t->abstain);
        source = "counted";
    } else {
        tally = json_null();
        source = NULL;
    }
    json_object_set_new(o, "key", json_string(it->key));
    json_object_set_new(o, "symbol", hrr_i_jstr(it->symbol));
    json_object_set_new(o, "body", json_string(it->body));
    json_object_set_new(o, "session", hrr_i_jstr(it->session));
    json_object_set_new(o, "date", hrr_i_jstr(it->date));
    json_object_set_new(o, "kind", hrr_i_jstr(it->kind));
    json_object_set_new(o, "title", hrr_i_jstr(it->title));
    json_object_set_new(o, "subject", hrr_i_jstr(it->subject));
    json_object_set_new(o, "scope", hrr_i_jstr(it->scope));
    json_object_set_new(o, "target", hrr_i_jstr(*it->target ? it->target : NULL));
    json_object_set_new(o, "outcome", hrr_i_jstr(it->outcome));
    json_object_set_new(o, "tally", tally);
    json_object_set_new(o, "tally_source", hrr_i_jstr(source));
    json_object_set_new(o, "official", json_pack("{s:o, s:o, s:o, s:o}",
        "yes", hrr_i_jcount(it->yes), "no", hrr_i_jcount(it->no),
        "abstain", hrr_i_jcount(it->abstain), "nonvoting", hrr_i_jcount(it->nonvoting)));
    json_object_set_new(o, "counted", json_pack("{s:I, s:I, s:I, s:I, s:I}",
        "yes", (json_int_t)t->yes, "no", (json_int_t)t->no,
        "abstain", (json_int_t)t->abstain, "absent", (json_int_t)t->absent,
        "not_member", (json_int_t)t->nonmember));
    json_t *sp = json_array();
    for (size_t i = 0; sp && i < iv->nsponsors; i++) {
        const hrr_sponsor_t *x = &iv->sponsors[i];
        json_array_append_new(sp, json_pack("{s:o, s:o, s:o, s:o, s:o, s:o}",
            "state", hrr_i_jstr(*x->state ? x->state : NULL), "group", hrr_i_jstr(x->grp),
            "role", hrr_i_jstr(x->role), "name", hrr_i_jstr(x->name),
            "note", hrr_i_jstr(x->note), "source", hrr_i_jstr(x->source)));
    }
    json_object_set_new(o, "sponsors", sp ? sp : json_null());
    json_object_set_new(o, "ballots", ballots);
    for (size_t i = 0; i < iv->nballots; i++) {
        const hrr_ballot_t *b = &iv->ballots[i];
        if (b->vote == HRR_VOTE_NONMEMBER) continue;
        json_array_append_new(ballots, json_pack("{s:s, s:o, s:s}", "state", b->state,
            "name", hrr_i_jstr(b->name), "vote", hrr_vote_name(b->vote)));
    }
    return o;
}

/* "29 yes, 11 no, 5 abstain" or "not recorded". */
static void print_official(FILE *f, const hrr_item_t *it)
{
    if (it->yes < 0 && it->no < 0 && it->abstain < 0) {
        fprintf(f, "not recorded\n");
        return;
    }
    const long v[] = {it->yes, it->no, it->abstain, it->nonvoting};
    const char *const what[] = {"yes", "no", "abstain", "non-voting"};
    int n = 0;
    for (int i = 0; i < 4; i++)
        if (v[i] >= 0) fprintf(f, "%s%ld %s", n++ ? ", " : "", v[i], what[i]);
    fprintf(f, "\n");
}

static void print_item(FILE *f, const hrr_item_votes_t *iv)
{
    const hrr_item_t *it = &iv->item;
    const hrr_tally_t *t = &iv->counted;
    fprintf(f, "%s\n", it->symbol ? it->symbol : it->key);
    if (it->symbol && strcmp(it->symbol, it->key) != 0) fprintf(f, "  key       %s\n", it->key);
    fprintf(f, "  body      %s", it->body);
    if (it->session) fprintf(f, ", session %s", it->session);
    fprintf(f, "\n  date      %s\n", it->date ? it->date : "unknown");
    fprintf(f, "  kind      %s", it->kind);
    if (it->scope) fprintf(f, ", %s", it->scope);
    if (*it->target) fprintf(f, ", target %s", it->target);
    fprintf(f, "\n");
    if (it->title) fprintf(f, "  title     %s\n", it->title);
    if (it->subject) fprintf(f, "  subject   %s\n", it->subject);
    if (it->outcome) fprintf(f, "  outcome   %s\n", it->outcome);
    for (size_t i = 0; i < iv->nsponsors; i++) {
        const hrr_sponsor_t *x = &iv->sponsors[i];
        fprintf(f, "%s%s%s", i ? "; " : "  sponsors  ", *x->state ? x->state : x->grp ? x->grp : "",
                x->role && strcmp(x->role, "co") == 0 ? " (co)" : "");
        if (x->note) fprintf(f, " (%s)", x->note);
        if (i + 1 == iv->nsponsors) fprintf(f, "\n");
    }
    fprintf(f, "  official  ");
    print_official(f, it);
    fprintf(f, "  counted   %ld yes, %ld no, %ld abstain, %ld absent", t->yes, t->no,
            t->abstain, t->absent);
    if (t->nonmember)
        fprintf(f, " (%ld non-member ballot%s not listed)", t->nonmember,
                t->nonmember == 1 ? "" : "s");
    fprintf(f, "\n");
    if (iv->nballots == 0) fprintf(f, "  no ballots stored\n");
    static const int k_order[] = {HRR_VOTE_YES, HRR_VOTE_NO, HRR_VOTE_ABSTAIN, HRR_VOTE_ABSENT};
    const long counts[] = {t->yes, t->no, t->abstain, t->absent};
    for (size_t g = 0; g < 4; g++) {
        if (!counts[g]) continue;
        fprintf(f, "\n%s (%ld)\n", hrr_vote_name(k_order[g]), counts[g]);
        for (size_t i = 0; i < iv->nballots; i++)
            if (iv->ballots[i].vote == k_order[g])
                fprintf(f, "  %-4s %s\n", iv->ballots[i].state,
                        iv->ballots[i].name ? iv->ballots[i].name : "");
    }
}

static hrr_err_t votes_csv(FILE *f, const hrr_votes_t *v, size_t n)
{
    static const char *const cols[] = {"key", "symbol", "body", "date", "state", "name", "vote"};
    hrr_out_t o;
    hrr_out_begin(&o, HRR_OUT_CSV, f, sizeof cols / sizeof *cols, cols);
    for (size_t k = 0; k < n; k++) {
        const hrr_item_votes_t *iv = &v->items[k];
        for (size_t i = 0; i < iv->nballots; i++) {
            const hrr_ballot_t *b = &iv->ballots[i];
            if (b->vote == HRR_VOTE_NONMEMBER) continue;
            hrr_out_text(&o, iv->item.key);
            hrr_out_text(&o, iv->item.symbol);
            hrr_out_text(&o, iv->item.body);
            hrr_out_text(&o, iv->item.date);
            hrr_out_text(&o, b->state);
            hrr_out_text(&o, b->name);
            hrr_out_text(&o, hrr_vote_name(b->vote));
        }
    }
    return hrr_i_out_result(&o);
}

hrr_err_t hrr_report_votes(FILE *f, hrr_out_fmt_t fmt, const hrr_votes_t *v, bool all)
{
    size_t n = all ? v->n : (v->n ? 1 : 0);
    if (fmt == HRR_OUT_CSV) return votes_csv(f, v, n);
    if (fmt == HRR_OUT_JSON) {
        json_t *j = all ? json_array() : (n ? item_json(&v->items[0]) : json_null());
        for (size_t i = 0; all && j && i < n; i++) {
            json_t *x = item_json(&v->items[i]);
            if (!x || json_array_append_new(j, x)) {
                json_decref(j);
                j = NULL;
            }
        }
        return hrr_i_out_json(f, j);
    }
    for (size_t i = 0; i < n; i++) {
        if (i) fprintf(f, "\n");
        print_item(f, &v->items[i]);
    }
    return ferror(f) ? HRR_EIO : HRR_OK;
}

/* ------------------------------------------------------------ findings */

hrr_err_t hrr_report_findings(FILE *f, hrr_out_fmt_t fmt, const hrr_findings_t *list)
{
    static const char *const cols[] = {"kind", "item", "date", "detail"};
    if (fmt == HRR_OUT_JSON) {
        json_t *a = json_array(), *o = json_object();
        for (size_t i = 0; a && i < list->n; i++) {
            json_t *x = json_object();
            json_object_set_new(x, "kind", hrr_i_jstr(list->a[i].kind));
            json_object_set_new(x, "item", hrr_i_jstr(list->a[i].item));
            json_object_set_new(x, "date", hrr_i_jstr(list->a[i].date));
            json_object_set_new(x, "detail", hrr_i_jstr(list->a[i].detail));
            json_array_append_new(a, x);
        }
        if (o && a) json_object_set_new(o, "findings", a);
        else {
            json_decref(a);
            json_decref(o);
            o = NULL;
        }
        return hrr_i_out_json(f, o);
    }
    hrr_out_t o;
    if (!hrr_out_begin(&o, fmt, f, 4, cols)) {
        hrr_out_end(&o);
        return HRR_ENOMEM;
    }
    hrr_out_maxwidth(&o, 1, 28);
    for (size_t i = 0; i < list->n; i++) {
        hrr_out_text(&o, list->a[i].kind);
        hrr_out_text(&o, list->a[i].item);
        hrr_out_text(&o, list->a[i].date);
        hrr_out_text(&o, list->a[i].detail);
    }
    return hrr_i_out_result(&o);
}

/* ----------------------------------------------------------------- sql */

hrr_err_t hrr_report_sql(FILE *f, hrr_out_fmt_t fmt, hrr_store_t *st, sqlite3_stmt *s)
{
    int ncols = sqlite3_column_count(s);
    const char **names = calloc((size_t)(ncols > 0 ? ncols : 1), sizeof *names);
    if (!names) return hrr_i_seterr(st, HRR_ENOMEM, "out of memory");
    for (int i = 0; i < ncols; i++) {
        names[i] = sqlite3_column_name(s, i);
        if (!names[i]) names[i] = "?";
    }
    hrr_out_t o;
    bool row;
    hrr_err_t src;
    hrr_out_begin(&o, fmt, f, (size_t)ncols, names);
    while (!(src = hrr_i_step(st, s, &row)) && row)
        for (int i = 0; i < ncols; i++) hrr_out_sqlite(&o, s, i);
    free(names);
    hrr_err_t rc = hrr_i_out_result(&o);
    return rc ? rc : src;
}

hrr_err_t hrr_report_error(FILE *f, const char *msg, int status)
{
    json_t *j = json_pack("{s:s, s:i}", "error", msg ? msg : "", "status", status);
    if (!j) return HRR_ENOMEM;
    int rc = json_dumpf(j, f, 0);
    json_decref(j);
    fputc('\n', f);
    if (rc == 0 && !ferror(f)) return HRR_OK;
    return ferror(f) ? HRR_EIO : HRR_ENOMEM;
}
