/*
 * forecast.c - hrr_fc_forecast: a draft's ballots from the model trained
 * on the record before its date, the members on that date (or given), the
 * outcome and the swing states by Monte Carlo under the body's rules.
 */
#define _GNU_SOURCE /* strcasestr */
#include "fc.h"

#include "records/sponsor.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void hrr_fc_result_free(hrr_fc_result_t *r)
{
    if (!r) return;
    hrr_i_free(NULL, r->b);
    hrr_i_free(NULL, r->sponsors);
    hrr_i_free(NULL, r->explain);
    hrr_i_free(NULL, r);
}

/* Parse a list of ISO3 codes (',' ';' or spaces between) into flags. */
static hrr_err_t parse_list(hrr_fc_t *fc, const char *what, const char *list, unsigned char *flags)
{
    const char *p = list;
    while (*p) {
        while (*p && (*p == ',' || *p == ';' || isspace((unsigned char)*p))) p++;
        if (!*p) break;
        char code[16];
        size_t k = 0;
        while (*p && *p != ',' && *p != ';' && !isspace((unsigned char)*p))
            if (k < sizeof code - 1) code[k++] = *p++;
            else p++;
        code[k] = 0;
        int s = hrr_i_fc_state_of_iso3(fc, code);
        if (s < 0)
            return hrr_i_seterr(fc->st, HRR_EINVAL, "%s: '%s' is not an ISO3 code of a state in the store",
                                what, code);
        flags[s] = 1;
    }
    return HRR_OK;
}

static int find_item(const hrr_fc_t *fc, const char *ref)
{
    for (int j = (int)fc->ni - 1; j >= 0; j--)
        if (!strcmp(fc->it[j].symbol, ref)) return j;
    return -1;
}

static const char *const k_kind_name[] = {[FC_RES] = "resolution", [FC_DEC] = "decision",
                                           [FC_AMEND] = "amendment", [FC_MOTION] = "motion",
                                           [FC_OTHER] = "other"};

/* The kind of a draft as given (NAME), or inferred from its TITLE and
 * SYMBOL, with a note saying how (NOTE, N bytes; "" when given); the
 * symbol an amendment's title names as the text it changes into AMENDS
 * (NA bytes; "" none). -1 for a name that is not a kind. */
static int draft_kind(const char *name, const char *symbol, const char *title, char *note, size_t n,
                      char *amends, size_t na)
{
    note[0] = 0;
    amends[0] = 0;
    if (!title) title = "";
    /* "Amendment A/HRC/51/L.65 to draft resolution A/HRC/51/L.33" */
    const char *to = strcasestr(title, " to draft ");
    if (to && !strncasecmp(title, "amendment", 9)) {
        const char *sym = strstr(to, "A/");
        if (!sym) sym = strstr(to, "E/");
        if (sym) {
            size_t k = 0;
            while (sym[k] && !isspace((unsigned char)sym[k]) && sym[k] != ',' && k + 1 < na) k++;
            snprintf(amends, na, "%.*s", (int)k, sym);
        }
    }
    if (name) {
        for (int k = FC_RES; k <= FC_MOTION; k++)
            if (!strcasecmp(name, k_kind_name[k])) return k;
        return -1;
    }
    static const struct { const char *pat; int kind; } pats[] = {
        {": amendment", FC_AMEND},      {" : amendment", FC_AMEND}, {"amendment to draft", FC_AMEND},
        {"amendments to draft", FC_AMEND}, {"no-action motion", FC_MOTION}, {"no action motion", FC_MOTION},
        {"motion for no action", FC_MOTION}, {"motion of no action", FC_MOTION},
        {": draft decision", FC_DEC},   {"draft decision", FC_DEC},
    };
    for (size_t k = 0; k < sizeof pats / sizeof *pats; k++)
        if (strcasestr(title, pats[k].pat)) {
            snprintf(note, n, "inferred from the title ('%s')", pats[k].pat);
            return pats[k].kind;
        }
    if (!strncasecmp(title, "amendment", 9)) {
        snprintf(note, n, "inferred from the title ('Amendment ...')");
        return FC_AMEND;
    }
    if (symbol && (strstr(symbol, "/DEC/") || strstr(symbol, "/dec/"))) {
        snprintf(note, n, "inferred from the symbol ('/DEC/')");
        return FC_DEC;
    }
    snprintf(note, n, "inferred: neither the title nor the symbol names an amendment, a decision or a"
             " motion; give the kind to say otherwise");
    return FC_RES;
}

/* Whether S is a run of ISO3 codes separated by ',' (", " allowed). */
static int iso3_run(const char *s)
{
    int n = 0;
    while (*s) {
        while (*s == ' ' || *s == ',') s++;
        if (!*s) break;
        int k = 0;
        while (s[k] && s[k] != ',' && s[k] != ' ') k++;
        if (k != 3) return 0;
        for (int i = 0; i < 3; i++)
            if (!isalpha((unsigned char)s[i])) return 0;
        s += k, n++;
    }
    return n > 0;
}

/* Add a sponsor row to R. */
static hrr_err_t sponsor_add(hrr_fc_t *fc, hrr_fc_result_t *r, size_t *cap, int s, const char *written,
                             const char *note)
{
    if (r->nsponsors == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        hrr_fc_sponsor_t *a = hrr_i_realloc(hrr_store_ctx(fc->st), r->sponsors, nc * sizeof *a);
        if (!a) return hrr_i_seterr(fc->st, HRR_ENOMEM, "out of memory");
        r->sponsors = a, *cap = nc;
    }
    hrr_fc_sponsor_t *p = &r->sponsors[r->nsponsors++];
    snprintf(p->state, sizeof p->state, "%s", s >= 0 ? fc->iso3[s] : "");
    snprintf(p->written, sizeof p->written, "%s", written);
    snprintf(p->note, sizeof p->note, "%s", note ? note : "");
    return HRR_OK;
}

/* The members on DATE of the group CODE as the store's memberships list
 * them, flagged in SP and listed in R; *N: how many (0: the store does not
 * know the group). */
static hrr_err_t group_members(hrr_fc_t *fc, const char *code, const char *date, unsigned char *sp,
                               hrr_fc_result_t *r, size_t *cap, const char *written, int *n)
{
    sqlite3_stmt *q = NULL;
    bool row;
    hrr_err_t rc;
    char note[160];
    *n = 0;
    if (sqlite3_prepare_v2(fc->st->db,
                           "SELECT state_id FROM memberships WHERE org=?1 AND start_date<=?2"
                           " AND (end_date IS NULL OR end_date>?2) ORDER BY state_id",
                           -1, &q, NULL))
        return hrr_i_dberr(fc->st, "reading a group's members");
    sqlite3_bind_text(q, 1, code, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 2, date, -1, SQLITE_STATIC);
    snprintf(note, sizeof note, "a member of %s on %s, for which the sponsor acted", code, date);
    while (!(rc = hrr_i_step(fc->st, q, &row)) && row) {
        int s = hrr_i_fc_state_of_id(fc, sqlite3_column_int64(q, 0));
        if (s < 0) continue;
        if (!sp[s] && (rc = sponsor_add(fc, r, cap, s, written, note))) goto out;
        sp[s] = 1, (*n)++;
    }
out:
    sqlite3_finalize(q);
    return rc;
}

/* The sponsors LIST (see hrr_fc_draft_t.sponsors) on DATE into flags SP and
 * R's sponsors; an unknown name is an error naming it. */
static hrr_err_t parse_sponsors_list(hrr_fc_t *fc, const char *list, const char *date, unsigned char *sp,
                                     hrr_fc_result_t *r)
{
    size_t cap = 0;
    hrr_err_t rc;
    char piece[600];
    const char *p = list;
    while (*p) {
        size_t k = strcspn(p, ";");
        snprintf(piece, sizeof piece, "%.*s", (int)(k < sizeof piece ? k : sizeof piece - 1), p);
        p += k + (p[k] == ';');
        char *t = piece;
        while (isspace((unsigned char)*t)) t++;
        size_t l = strlen(t);
        while (l && isspace((unsigned char)t[l - 1])) t[--l] = 0;
        if (!l) continue;
        if (iso3_run(t)) { /* "GBR,USA" */
            for (char *save = NULL, *c = strtok_r(t, ", ", &save); c; c = strtok_r(NULL, ", ", &save)) {
                int s = hrr_i_fc_state_of_iso3(fc, c);
                if (s < 0)
                    return hrr_i_seterr(fc->st, HRR_EINVAL,
                                        "sponsors: '%s' is not an ISO3 code of a state in the store", c);
                if (!sp[s] && (rc = sponsor_add(fc, r, &cap, s, c, NULL))) return rc;
                sp[s] = 1;
            }
            continue;
        }
        hrr_i_sponsor_name_t sn;
        hrr_i_sponsor_parse(t, NULL, &sn);
        long id = 0;
        int s = -1;
        if (*sn.who && (rc = hrr_i_state_resolve_id(fc->st, "name", sn.who, date, &id)) &&
            rc != HRR_ENOTFOUND)
            return rc;
        if (id > 0) s = hrr_i_fc_state_of_id(fc, id);
        if (s < 0 && strlen(sn.who) == 3) s = hrr_i_fc_state_of_iso3(fc, sn.who);
        if (s < 0 && !sn.grp)
            return hrr_i_seterr(fc->st, HRR_EINVAL,
                                "sponsors: '%s' is neither an ISO3 code nor a name of a state the store"
                                " knows on %s (its names are in `hrr states`)",
                                sn.who, date);
        if (s >= 0) {
            if (!sp[s] && (rc = sponsor_add(fc, r, &cap, s, t, sn.note))) return rc;
            sp[s] = 1;
        }
        if (sn.grp) {
            int n;
            if ((rc = group_members(fc, sn.grp, date, sp, r, &cap, t, &n))) return rc;
            if (!n && (rc = sponsor_add(fc, r, &cap, -1, t,
                                        "the store does not list this group's members: only the state"
                                        " that acted for it is counted")))
                return rc;
        }
    }
    return HRR_OK;
}

/* Add a warning to R. */
static void warn(hrr_fc_result_t *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void warn(hrr_fc_result_t *r, const char *fmt, ...)
{
    if (r->nwarn >= HRR_FC_NWARN) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->warn[r->nwarn++], sizeof r->warn[0], fmt, ap);
    va_end(ap);
}

static int cmp_explain(const void *a, const void *b)
{
    const hrr_fc_explain_t *x = a, *y = b;
    double mx = 0, my = 0;
    for (int c = 0; c < 3; c++) {
        mx = fabs(x->contrib[c]) > mx ? fabs(x->contrib[c]) : mx;
        my = fabs(y->contrib[c]) > my ? fabs(y->contrib[c]) : my;
    }
    return mx < my ? 1 : mx > my ? -1 : x->feature - y->feature;
}

/* Whether a no-action motion met an earlier text on the same target in the
 * ten years before LIMIT. */
static int motion_before(const hrr_fc_t *fc, int limit, int target)
{
    if (target < 0 || limit <= 0) return 0;
    for (int j = limit - 1; j >= 0 && fc->it[j].date >= fc->it[limit - 1].date - 100000; j--)
        if (fc->it[j].kind == FC_MOTION && fc->it[j].target == target) return 1;
    return 0;
}

/* yyyymmdd as YYYY-MM-DD */
static void ymd(int d, char out[16])
{
    snprintf(out, 16, "%04d-%02d-%02d", d / 10000 % 10000, d / 100 % 100, d % 100);
}

/* Whether the roster RO that hrr_i_fc_roster gave for DATE (ZDATE as given)
 * is a guess, and if so why, as a sentence into NOTE (N bytes): the store
 * has no terms of the body, or none that covers the date (the members are
 * then those of a recorded vote), or the date lies in a year after the
 * body's last recorded vote (the terms that run on past the records name
 * only some of its members: those elected since are not in the store). */
static int roster_note(const hrr_fc_t *fc, int date, const char *zdate, const unsigned char *ro,
                       char *note, size_t n)
{
    char a[16], b[16];
    size_t nmem = 0;
    note[0] = 0;
    for (size_t s = 0; s < fc->ns; s++) nmem += ro[s] != 0;
    if (!hrr_i_fc_roster_guessed(fc)) {
        if (fc->un_terms) return 0; /* the UN's members on the day, from its list */
        int last = fc->ni ? fc->it[fc->ni - 1].date : 0;
        if (!last || date / 10000 <= last / 10000) return 0;
        ymd(last, a);
        snprintf(note, n,
                 "%s is in a year after the last recorded vote of %s (%s): the %zu members are those"
                 " whose terms in the store run on that day; members elected since are not in the"
                 " store",
                 zdate, fc->body, a, nmem);
        return 1;
    }
    /* the vote the roster was taken from */
    char from[160];
    size_t ref = ro >= fc->v && fc->ns ? (size_t)(ro - fc->v) / fc->ns : 0;
    if (ref >= fc->ni) from[0] = 0;
    else if (fc->year_roster)
        snprintf(from, sizeof from, "the %zu states on record in its votes of %d", nmem,
                 fc->it[ref].date / 10000);
    else {
        ymd(fc->it[ref].date, a);
        snprintf(from, sizeof from, "the %zu members on record on its vote of %s (%s)", nmem, a,
                 fc->it[ref].symbol);
    }
    if (!fc->nterms) {
        snprintf(note, n, "the store has no terms of %s%s; members on %s taken from %s", fc->body,
                 !strcmp(fc->body, "GA") ? " (the Assembly's members are all the UN's members,"
                                           " which the store does not list by date)" : "",
                 zdate, from);
        return 1;
    }
    /* past the records, with terms that name only some of the members: the
     * roster is the last recorded vote's (hrr_i_fc_roster) */
    int last = fc->ni ? fc->it[fc->ni - 1].date : 0;
    if (last && date > last) {
        size_t nt = 0;
        for (size_t k = 0; k < fc->nterms; k++)
            if (fc->terms[k].from <= date && (!fc->terms[k].to || fc->terms[k].to > date)) nt++;
        if (nt) {
            ymd(last, a);
            snprintf(note, n,
                     "%s is in a year after the last recorded vote of %s (%s): the store's terms name"
                     " only %zu of its members on that day (those elected since are not in the"
                     " store); members taken from %s",
                     zdate, fc->body, a, nt, from);
            return 1;
        }
    }
    int lo = 0, hi = 0, open = 0;
    for (size_t k = 0; k < fc->nterms; k++) {
        const struct fc_term *t = &fc->terms[k];
        if (!lo || t->from < lo) lo = t->from;
        if (!t->to) open = 1;
        else if (t->to > hi) hi = t->to;
    }
    ymd(lo, a);
    if (open) snprintf(b, sizeof b, "today");
    else ymd(hi, b);
    snprintf(note, n, "no term of %s in the store covers %s (its terms there run from %s until %s); members"
             " taken from %s", fc->body, zdate, a, b, from);
    return 1;
}

static int cmp_ballot(const void *a, const void *b)
{
    return strcmp(((const hrr_fc_ballot_t *)a)->state, ((const hrr_fc_ballot_t *)b)->state);
}

hrr_err_t hrr_fc_forecast(hrr_fc_t *fc, const hrr_fc_draft_t *draft, const hrr_fc_opts_t *opts,
                          hrr_fc_result_t **out)
{
    static const hrr_fc_opts_t dflt;
    hrr_err_t rc = HRR_OK;
    unsigned char *mem = NULL, *sp = NULL;
    int *tok = NULL;
    double *p = NULL;
    long *dec = NULL;
    short *tadopt = NULL, *tmotion = NULL;
    hrr_rules_t *rules = NULL;
    hrr_fc_result_t *r = NULL;
    if (!opts) opts = &dflt;
    *out = NULL;
    int date = hrr_i_fc_date(draft->date);
    if (!date)
        return hrr_i_seterr(fc->st, HRR_EINVAL, "date: '%s' is not a date (YYYY-MM-DD)",
                            draft->date ? draft->date : "");
    int cut = date;
    if (opts->cutoff) {
        int c = hrr_i_fc_date(opts->cutoff);
        if (!c) return hrr_i_seterr(fc->st, HRR_EINVAL, "cutoff: '%s' is not a date", opts->cutoff);
        if (c < cut) cut = c;
    }
    int limit = hrr_i_fc_limit(fc, date); /* what the draft is read against */
    if (!(r = hrr_i_calloc(hrr_store_ctx(fc->st), 1, sizeof *r))) goto nomem;
    /* the draft: its kind, earlier version, title, target */
    char knote[sizeof r->kind_note], amsym[64];
    int kind = draft_kind(draft->kind, draft->symbol, draft->title ? draft->title : "", knote,
                          sizeof knote, amsym, sizeof amsym);
    if (kind < 0) {
        rc = hrr_i_seterr(fc->st, HRR_EINVAL, "kind: '%s' is not resolution, decision, amendment or motion",
                          draft->kind);
        goto out;
    }
    int like = -1, target = -1;
    const char *title = draft->title;
    if (draft->like) {
        if ((like = find_item(fc, draft->like)) < 0) {
            rc = hrr_i_seterr(fc->st, HRR_ENOTFOUND, "like: no %s vote on record with symbol '%s'",
                              fc->body, draft->like);
            goto out;
        }
        if (like >= limit) {
            rc = hrr_i_seterr(fc->st, HRR_EINVAL,
                              "like: %s was voted on %d-%02d-%02d, not before %d-%02d-%02d: it cannot"
                              " inform this forecast",
                              draft->like, fc->it[like].date / 10000, fc->it[like].date / 100 % 100,
                              fc->it[like].date % 100, date / 10000, date / 100 % 100, date % 100);
            goto out;
        }
        if (!draft->kind && (!title || !*title)) { /* the kind of the text it repeats */
            kind = fc->it[like].kind == FC_MOTION || fc->it[like].kind == FC_OTHER ? FC_RES : fc->it[like].kind;
            snprintf(knote, sizeof knote, "that of %s, the text it repeats", fc->it[like].symbol);
        }
        target = fc->it[like].target;
    } else if (!title || !*title) {
        rc = hrr_i_seterr(fc->st, HRR_EINVAL, "a draft needs an earlier version (like) or a title");
        goto out;
    }
    /* a no-action motion is forecast as the vote on the text it would set
     * aside: each member votes the other way on the motion */
    int motion_kind = kind == FC_MOTION;
    if (motion_kind) kind = FC_RES;
    if (draft->target && *draft->target && (target = hrr_i_fc_state_of_iso3(fc, draft->target)) < 0) {
        rc = hrr_i_seterr(fc->st, HRR_EINVAL, "target: '%s' is not an ISO3 code of a state in the store",
                          draft->target);
        goto out;
    }
    int prev = like, lineage = like >= 0 ? fc->it[like].lineage : -1;
    int blin = like >= 0 ? fc->it[like].blin : -1;
    if (prev < 0) {
        int ntok;
        hrr_i_fc_title_key(fc, title, kind, &lineage, &tok, &ntok, 0);
        prev = hrr_i_fc_find_prev(fc, limit, kind, lineage, tok, ntok, target);
        if (target < 0 && prev >= 0 && fc->it[prev].lineage == lineage && lineage >= 0)
            target = fc->it[prev].target;
    }
    /* an amendment: the text it amends, read for its base lineage */
    if (kind == FC_AMEND) {
        const char *am = draft->amends && *draft->amends ? draft->amends : amsym[0] ? amsym : NULL;
        int bl = -1, *bt = NULL, nbt;
        if (am) {
            int j = find_item(fc, am);
            if (j >= 0 && j < limit) bl = fc->it[j].kind == FC_AMEND ? fc->it[j].blin : fc->it[j].lineage;
            else if (j >= 0 || (strchr(am, '/') && !strchr(am, ' '))) {
                /* a symbol of a text not yet voted: nothing to read unless
                 * given by title */
                if (draft->amends && *draft->amends && j < 0 && !strstr(am, "/L.")) {
                    rc = hrr_i_seterr(fc->st, HRR_ENOTFOUND,
                                      "amends: no %s vote on record before %s with symbol '%s' (give the"
                                      " amended text's title, or its draft symbol in the same batch)",
                                      fc->body, draft->date, am);
                    goto out;
                }
            } else {
                hrr_i_fc_title_key(fc, am, FC_RES, &bl, &bt, &nbt, 0);
                hrr_i_free(hrr_store_ctx(fc->st), bt);
            }
        }
        if (bl < 0 && title) { /* "X : amendment /": the text X */
            hrr_i_fc_title_key(fc, title, FC_RES, &bl, &bt, &nbt, 0);
            hrr_i_free(hrr_store_ctx(fc->st), bt);
        }
        if (bl >= 0) blin = bl;
    }
    /* members and sponsors */
    if (!(mem = hrr_i_calloc(hrr_store_ctx(fc->st), fc->ns + 1, 1)) || !(sp = hrr_i_calloc(hrr_store_ctx(fc->st), fc->ns + 1, 1))) goto nomem;
    int guessed = 0;
    char note[sizeof r->members_note];
    note[0] = 0;
    if (draft->members && *draft->members) {
        if ((rc = parse_list(fc, "members", draft->members, mem))) goto out;
    } else {
        const unsigned char *ro = hrr_i_fc_roster(fc, date, 0);
        if (!ro) {
            rc = hrr_i_seterr(fc->st, HRR_ENOTFOUND, "no membership of %s on record near %s", fc->body,
                              draft->date);
            goto out;
        }
        for (size_t s = 0; s < fc->ns; s++) mem[s] = ro[s] != 0;
        guessed = roster_note(fc, date, draft->date, ro, note, sizeof note);
    }
    if (draft->sponsors && (rc = parse_sponsors_list(fc, draft->sponsors, draft->date, sp, r))) goto out;
    size_t n = 0;
    for (size_t s = 0; s < fc->ns; s++) n += mem[s];
    if (!n) {
        rc = hrr_i_seterr(fc->st, HRR_EINVAL, "members: none given");
        goto out;
    }
    int ex = -1;
    if (opts->explain && *opts->explain) {
        if ((ex = hrr_i_fc_state_of_iso3(fc, opts->explain)) < 0 || !mem[ex]) {
            rc = hrr_i_seterr(fc->st, HRR_EINVAL, "explain: '%s' is not one of the %zu members of this vote",
                              opts->explain, n);
            goto out;
        }
    }
    if ((rc = hrr_i_fc_train(fc, cut))) goto out;
    /* the ballots */
    fc_draft_ctx_t d = {.date = date, .limit = limit, .prev = prev, .target = target, .kind = kind,
                        .lineage = lineage, .blin = blin, .sp = sp};
    hrr_i_fc_draft_ctx(fc, &d);
    if (!(r->b = hrr_i_calloc(hrr_store_ctx(fc->st), n, sizeof *r->b)) ||
        !(p = hrr_i_malloc(hrr_store_ctx(fc->st), n * 4 * sizeof *p)) || !(dec = hrr_i_calloc(hrr_store_ctx(fc->st), n, sizeof *dec)))
        goto nomem;
    size_t k = 0;
    for (size_t s = 0; s < fc->ns; s++) {
        if (!mem[s]) continue;
        double f[FC_NFEAT];
        hrr_i_fc_features(fc, &d, (int)s, f);
        hrr_i_fc_predict(fc, f, p + k * 4);
        snprintf(r->b[k].state, sizeof r->b[k].state, "%s", fc->iso3[s]);
        for (int c = 0; c < 4; c++) r->b[k].p[c] = p[k * 4 + c], r->expect[c] += p[k * 4 + c];
        if ((int)s == ex) { /* what moved this member */
            if (!(r->explain = hrr_i_calloc(hrr_store_ctx(fc->st), FC_NFEAT, sizeof *r->explain))) goto nomem;
            for (int q = 0; q < FC_NFEAT; q++) {
                if (f[q] == 0) continue;
                hrr_fc_explain_t *e = &r->explain[r->nexplain++];
                e->feature = q, e->value = f[q];
                for (int c = 0; c < 3; c++) e->contrib[c] = fc->model.w[c][q] * f[q];
            }
            qsort(r->explain, r->nexplain, sizeof *r->explain, cmp_explain);
            snprintf(r->explain_state, sizeof r->explain_state, "%s", fc->iso3[s]);
            memcpy(r->explain_p, p + k * 4, sizeof r->explain_p);
        }
        k++;
    }
    r->n = n;
    snprintf(r->symbol, sizeof r->symbol, "%s", draft->symbol ? draft->symbol : "");
    snprintf(r->date, sizeof r->date, "%s", draft->date);
    snprintf(r->like, sizeof r->like, "%s", prev >= 0 ? fc->it[prev].symbol : "");
    snprintf(r->target, sizeof r->target, "%s", target >= 0 ? fc->iso3[target] : "");
    snprintf(r->kind, sizeof r->kind, "%s", motion_kind ? "motion" : k_kind_name[kind]);
    snprintf(r->kind_note, sizeof r->kind_note, "%s%s", knote,
             motion_kind ? (*knote ? "; the ballots are on the text the motion would set aside"
                                   : "the ballots are on the text the motion would set aside")
                         : "");
    r->members_guessed = guessed;
    snprintf(r->members_note, sizeof r->members_note, "%s", note);
    if (prev >= 0) {
        const fc_item_t *pi = &fc->it[prev];
        ymd(pi->date, r->like_date);
        snprintf(r->like_target, sizeof r->like_target, "%s", pi->target >= 0 ? fc->iso3[pi->target] : "");
        snprintf(r->like_title, sizeof r->like_title, "%s", pi->title ? pi->title : "");
        if (target >= 0 && pi->target != target)
            warn(r, "the text read against, %s (%s), is %s%s, not on %s: its ballots may say little about"
                    " this draft",
                 pi->symbol, r->like_date, pi->target >= 0 ? "a text on " : "a thematic text",
                 pi->target >= 0 ? fc->iso3[pi->target] : "", fc->iso3[target]);
        if (pi->date < date - 60000)
            warn(r, "the text read against, %s, was voted on %s, more than six years before", pi->symbol,
                 r->like_date);
    } else {
        warn(r, "no earlier version of this text was found: the ballots are read from each member's"
                " record in general%s", kind == FC_AMEND ? " and the amended text's last vote" : "");
    }
    if (kind == FC_AMEND && d.base >= 0) {
        snprintf(r->base, sizeof r->base, "%s", fc->it[d.base].symbol);
        ymd(fc->it[d.base].date, r->base_date);
    } else if (kind == FC_AMEND) {
        warn(r, "no earlier vote of the text this amendment changes was found: its ballots are read"
                " without it");
    }
    if (guessed) warn(r, "members guessed: %s", note);
    /* the outcome */
    if ((rc = hrr_rules_load(opts->rules ? opts->rules : fc->rules, &rules, hrr_store_ctx(fc->st))))
        goto out;
    int scope = target >= 0 ? HRR_SCOPE_COUNTRY : HRR_SCOPE_THEMATIC;
    int want_motion = motion_kind || draft->no_action > 0 ||
                      (draft->no_action < 0 && motion_before(fc, limit, target));
    size_t n1 = n + 1;
    if (!(tadopt = hrr_i_malloc(hrr_store_ctx(fc->st), n1 * n1 * sizeof *tadopt)) ||
        (want_motion && !(tmotion = hrr_i_malloc(hrr_store_ctx(fc->st), n1 * n1 * sizeof *tmotion))))
        goto nomem;
    if ((rc = hrr_fc_thresholds(rules, (long)n, scope, HRR_MOTION_NONE, date / 10000, tadopt)) ||
        (want_motion &&
         (rc = hrr_fc_thresholds(rules, (long)n, scope, HRR_MOTION_NO_ACTION, date / 10000, tmotion)))) {
        rc = hrr_i_seterr(fc->st, rc, "the rules of %s could not decide a vote of %zu members",
                          hrr_rules_name(rules), n);
        goto out;
    }
    double shock = opts->shock < 0 ? 0 : opts->shock > 0 ? opts->shock : HRR_FC_SHOCK;
    long runs = opts->runs > 0 ? opts->runs : 10000, carried = 0;
    long adopted = hrr_fc_simulate(p, n, tadopt, tmotion, shock, runs, opts->seed, &carried, dec, hrr_store_ctx(fc->st));
    if (adopted < 0) goto nomem;
    r->runs = runs;
    r->p_adopted = (double)adopted / (double)runs;
    r->p_no_action = want_motion ? (double)carried / (double)runs : NAN;
    for (size_t i = 0; i < n; i++) {
        double top = 0;
        for (int c = 0; c < 4; c++) top = r->b[i].p[c] > top ? r->b[i].p[c] : top;
        r->b[i].decisive = (double)dec[i] / (double)runs;
        r->b[i].swing = r->b[i].decisive * (1 - top);
    }
    qsort(r->b, n, sizeof *r->b, cmp_ballot);
    goto out;
nomem:
    rc = hrr_i_seterr(fc->st, HRR_ENOMEM, "out of memory");
out:
    hrr_rules_free(rules);
    hrr_i_free(hrr_store_ctx(fc->st), mem);
    hrr_i_free(hrr_store_ctx(fc->st), sp);
    hrr_i_free(hrr_store_ctx(fc->st), tok);
    hrr_i_free(hrr_store_ctx(fc->st), p);
    hrr_i_free(hrr_store_ctx(fc->st), dec);
    hrr_i_free(hrr_store_ctx(fc->st), tadopt);
    hrr_i_free(hrr_store_ctx(fc->st), tmotion);
    if (rc) {
        hrr_fc_result_free(r);
        return rc;
    }
    *out = r;
    return HRR_OK;
}
