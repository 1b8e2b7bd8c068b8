/*
 * fmt_unxml.c - the General Assembly's resolutions as extracted by the UN
 * (DGACM, github.com/UNxml/GAresolutions, data_extract/<session>.json):
 * JSON lines, one adopted resolution a line. docs/import-unga.md.
 *
 * Every resolution adopted by a recorded vote is an item of body GA, keyed
 * by its symbol as the UN writes it (A/RES/77/1), with its Main Committee
 * (items.committee: 'third', ..., 'plenary'), agenda item, UNBIS subjects,
 * the official tally, the yes/no/abstain ballots of the lists and, since
 * the files list no one else, an absent ballot (4) for every member of the
 * Assembly on that date that is in no list. Its sponsors and additional
 * sponsors go into the sponsors table (main / co).
 *
 * A vote unvotes (unga/, to January 2020) has already stored under the same
 * symbol is the same item: this file fills in what the item lacks, its
 * ballots meet unvotes' ballots (hrr_imp_ballot: a "source-disagreement"
 * finding where they differ) and a tally that differs is a
 * "sources-disagree" finding. A state twice in one resolution's lists, or a
 * list whose length is not its count, is a finding too. A name no alias
 * resolves is an error naming the file, line and field.
 */
#define _GNU_SOURCE /* strcasestr */
#include "import.h"

#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define UX_SOURCE "United Nations, DGACM (github.com/UNxml/GAresolutions)"

static const char *const k_lists[3] = {"MS_in_favour", "MS_against", "MS_abstaining"};
static const char *const k_counts[3] = {"MS_in_favour_count", "MS_against_count",
                                        "MS_abstaining_count"};

/* One state's ballot as the lists give it. */
typedef struct ux_bal {
    long state;
    int vote;
} ux_bal_t;

typedef struct ux {
    sqlite3_stmt *find;    /* a GA item under a symbol (another source's) */
    sqlite3_stmt *up;      /* item upsert */
    sqlite3_stmt *ref;     /* item_refs insert */
    sqlite3_stmt *ses;     /* sessions insert */
    sqlite3_stmt *spon;    /* sponsors insert */
    sqlite3_stmt *mem;     /* members of the Assembly on a date */
    sqlite3_stmt *other;   /* another source's tally on an item */
    ux_bal_t *bal;         /* this resolution's ballots */
    size_t nbal, cap;
} ux_t;

static bool detect(const char *path, const char *head)
{
    (void)path;
    while (isspace((unsigned char)*head)) head++;
    return strncmp(head, "{\"symbol\":", 10) == 0 && strstr(head, "\"A/RES/") &&
           strstr(head, "\"resolution_number\"");
}

/* A string member of O ("" if absent or not a string). */
static const char *str_of(json_t *o, const char *k)
{
    const char *s = json_string_value(json_object_get(o, k));
    return s ? s : "";
}

/* Copy S into OUT without leading/trailing white space (ASCII, and the
 * no-break space U+00A0 the files sometimes carry). */
static void trim(const char *s, char *out, size_t n)
{
    for (;;) {
        if (isspace((unsigned char)*s)) s++;
        else if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0) s += 2;
        else break;
    }
    size_t k = strlen(s);
    for (;;) {
        if (k && isspace((unsigned char)s[k - 1])) k--;
        else if (k >= 2 && (unsigned char)s[k - 2] == 0xC2 && (unsigned char)s[k - 1] == 0xA0) k -= 2;
        else break;
    }
    if (k >= n) k = n - 1;
    memcpy(out, s, k);
    out[k] = 0;
}

/* "7 October 2022", "7\u00a0October 2022" or "2019-10-10 00:00:00" -> ISO. */
static bool parse_date(const char *s, char out[11])
{
    static const char *const months[] = {"January", "February", "March", "April", "May",
                                         "June", "July", "August", "September", "October",
                                         "November", "December"};
    char buf[64], mon[16];
    int d, y;
    trim(s, buf, sizeof buf);
    if (strlen(buf) >= 10 && buf[4] == '-' && buf[7] == '-') {
        snprintf(out, 11, "%.10s", buf);
        return hrr_i_date_valid(out);
    }
    for (char *p = buf; *p; p++) /* no-break spaces to spaces */
        if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0) p[0] = ' ', p[1] = ' ';
    if (sscanf(buf, "%d %15s %d", &d, mon, &y) != 3) return false;
    for (int m = 0; m < 12; m++)
        if (strcasecmp(mon, months[m]) == 0) {
            snprintf(out, 11, "%04d-%02d-%02d", y, m + 1, d);
            return hrr_i_date_valid(out);
        }
    return false;
}

/* "Third Committee" -> "third"; "Without reference to a Main Committee" ->
 * "plenary"; "#fifthCommittee" (five rows of 76.json) -> "fifth". */
static const char *committee_code(const char *s)
{
    static const char *const k[] = {"first", "second", "third", "fourth", "fifth", "sixth"};
    if (strcasestr(s, "without reference")) return "plenary";
    for (int i = 0; i < 6; i++) {
        size_t n = strlen(k[i]);
        const char *p = s;
        while (*p == '#' || isspace((unsigned char)*p)) p++;
        if (strncasecmp(p, k[i], n) == 0 && strcasestr(p + n, "committee")) return k[i];
    }
    return NULL;
}

/* The session a symbol names: A/RES/77/1 -> 77, A/RES/ES-11/3 -> ES-11. */
static bool symbol_session(const char *symbol, char *out, size_t n)
{
    if (strncmp(symbol, "A/RES/", 6) != 0) return false;
    const char *p = symbol + 6;
    size_t k = strcspn(p, "/");
    if (!k || p[k] != '/' || k >= n) return false;
    snprintf(out, n, "%.*s", (int)k, p);
    return true;
}

/* A count: "93", or "N.A." (74.json's 0). */
static hrr_err_t parse_count(hrr_imp_t *imp, json_t *o, const char *k, long *out)
{
    json_t *v = json_object_get(o, k);
    *out = 0;
    if (!v || json_is_null(v)) return HRR_OK;
    if (json_is_integer(v)) *out = (long)json_integer_value(v);
    else if (!json_is_string(v) ||
             (strcmp(json_string_value(v), "N.A.") != 0 &&
              !hrr_i_parse_long(json_string_value(v), out)))
        return hrr_imp_fail(imp, HRR_EDATA, k, "not a vote count");
    if (*out < 0 || *out > 1000)
        return hrr_imp_fail(imp, HRR_EDATA, k, "%ld is not a vote count", *out);
    return HRR_OK;
}

static void bind_or_null(sqlite3_stmt *s, int i, const char *v)
{
    if (v && *v) sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
    else sqlite3_bind_null(s, i);
}

static hrr_err_t run(hrr_imp_t *imp, sqlite3_stmt *s)
{
    bool row;
    hrr_err_t rc = hrr_imp_step(imp, s, &row);
    sqlite3_reset(s);
    return rc;
}

/* ------------------------------------------------------------- sponsors */

/* Entries of the sponsor lists that name no state: the organ or officer
 * that submitted a draft ("SUBMITTED BY THE CHAIR ..."). Not sponsors. */
static bool is_sentence(const char *s)
{
    static const char *const k[] = {"submitted by", "introduced in", "on the basis",
                                    "the representative of", "the amendment", NULL};
    for (const char *const *p = k; *p; p++)
        if (strncasecmp(s, *p, strlen(*p)) == 0) return true;
    return strcasestr(s, "informal consultations") || strcasestr(s, "on behalf of the bureau");
}

/* Fragments the extraction left of a name split over two lines, next to
 * the whole name in the same list (docs/import-unga.md): not a sponsor. */
static bool is_fragment(const char *s)
{
    return strcmp(s, "ISLANDS") == 0 ||   /* 78.json:133, with SOLOMON */
           strcmp(s, "PRINCIPE") == 0 ||  /* 74.json:118, before SAO TOME AND PRINCIPE */
           strcmp(s, "NORTHERN IRELAND") == 0; /* 77.json:12, before UNITED KINGDOM */
}

static hrr_err_t add_sponsor(hrr_imp_t *imp, ux_t *u, long item, const char *role,
                             const char *field, const char *written, const char *name,
                             const char *note, const char *date)
{
    long state;
    hrr_err_t rc = hrr_imp_state_find(imp, field, "name", name, NULL, date, HRR_IMP_PREFER, &state);
    if (rc) return rc == HRR_ENOTFOUND ? HRR_EDATA : rc;
    sqlite3_stmt *s = u->spon;
    sqlite3_bind_int64(s, 1, item);
    sqlite3_bind_int64(s, 2, state);
    sqlite3_bind_text(s, 3, role, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 4, written, -1, SQLITE_TRANSIENT);
    bind_or_null(s, 5, note);
    sqlite3_bind_int64(s, 6, imp->source_id);
    return run(imp, s);
}

/* Does NAME resolve to a state on DATE? (no error set) */
static bool known(hrr_imp_t *imp, const char *name, const char *date)
{
    long id;
    hrr_err_t rc = hrr_imp_state_find(imp, NULL, "name", name, NULL, date, HRR_IMP_PREFER, &id);
    return rc == HRR_OK;
}

/* One entry of a sponsor list: a state; "STATE (ON BEHALF OF ...)" or
 * "STATE, ON BEHALF OF ..." (the group in the note); two states run
 * together ("CHILE,DOMINICAN REPUBLIC", "A AND B"); or a sentence. */
static hrr_err_t sponsor_entry(hrr_imp_t *imp, ux_t *u, long item, const char *role,
                               const char *field, const char *raw, const char *date)
{
    char w[1024], name[1024];
    trim(raw, w, sizeof w);
    if (!*w || is_sentence(w) || is_fragment(w)) return HRR_OK;
    const char *note = NULL;
    snprintf(name, sizeof name, "%s", w);
    char *p = strcasestr(name, " (on behalf of");
    if (!p) p = strcasestr(name, ", on behalf of");
    if (!p) p = strcasestr(name, " (of behalf of");
    if (!p) p = strcasestr(name, " (in its capacity as");
    if (p) {
        char *tail = strstr(p, ") AND "), nb[1024];
        const char *from = w + (p - name) + (w[p - name] == ',' ? 2 : 1);
        *p = 0;
        if (*from == '(') from++;
        snprintf(nb, sizeof nb, "%.*s", tail ? (int)(tail - p) - 2 : (int)strlen(from), from);
        size_t k = strlen(nb);
        if (!tail && k && nb[k - 1] == ')') nb[k - 1] = 0;
        note = nb;
        hrr_err_t rc = add_sponsor(imp, u, item, role, field, w, name, note, date);
        if (rc || !tail) return rc;
        /* "NIGERIA (ON BEHALF OF ...) AND PORTUGAL" */
        return sponsor_entry(imp, u, item, role, field, w + (tail - name) + 6, date);
    }
    if (!known(imp, name, date)) {
        const char *seps[] = {",", " AND "};
        for (int i = 0; i < 2; i++) {
            char *q = strstr(name, seps[i]);
            if (!q) continue;
            *q = 0;
            const char *rest = q + strlen(seps[i]);
            if (known(imp, name, date) && known(imp, rest, date)) {
                hrr_err_t rc = add_sponsor(imp, u, item, role, field, w, name, NULL, date);
                return rc ? rc : add_sponsor(imp, u, item, role, field, w, rest, NULL, date);
            }
            *q = seps[i][0];
        }
    }
    return add_sponsor(imp, u, item, role, field, w, name, NULL, date);
}

static hrr_err_t sponsors(hrr_imp_t *imp, ux_t *u, json_t *o, long item, const char *date)
{
    static const char *const k[2] = {"sponsors", "additional_sponsors"};
    static const char *const roles[2] = {"main", "co"};
    for (int i = 0; i < 2; i++) {
        json_t *a = json_object_get(o, k[i]), *v;
        size_t j;
        if (json_is_string(a)) {
            hrr_err_t rc = sponsor_entry(imp, u, item, roles[i], k[i], json_string_value(a), date);
            if (rc) return rc;
            continue;
        }
        if (!json_is_array(a)) continue;
        json_array_foreach(a, j, v) {
            if (!json_is_string(v))
                return hrr_imp_fail(imp, HRR_EDATA, k[i], "entry %zu is not a string", j + 1);
            hrr_err_t rc = sponsor_entry(imp, u, item, roles[i], k[i], json_string_value(v), date);
            if (rc) return rc;
        }
    }
    return HRR_OK;
}

/* -------------------------------------------------------------- ballots */

static hrr_err_t bal_add(hrr_imp_t *imp, ux_t *u, long state, int vote)
{
    if (u->nbal == u->cap) {
        size_t cap = u->cap ? 2 * u->cap : 256;
        ux_bal_t *b = hrr_i_realloc(hrr_store_ctx(imp->st), u->bal, cap * sizeof *b);
        if (!b) return HRR_ENOMEM;
        u->bal = b;
        u->cap = cap;
    }
    u->bal[u->nbal].state = state;
    u->bal[u->nbal].vote = vote;
    u->nbal++;
    return HRR_OK;
}

static int bal_vote(const ux_t *u, long state)
{
    for (size_t i = 0; i < u->nbal; i++)
        if (u->bal[i].state == state) return u->bal[i].vote;
    return 0;
}

/* Read the three lists into u->bal (a state twice: counted, the first
 * ballot kept); check each list against its count. */
static hrr_err_t read_lists(hrr_imp_t *imp, ux_t *u, json_t *o, const char *date,
                            const long count[3], long item, const char *symbol)
{
    long twice = 0, differ = 0;
    char dup[400] = "";
    hrr_err_t rc;
    for (int l = 0; l < 3; l++) {
        json_t *a = json_object_get(o, k_lists[l]), *v;
        size_t j;
        if (!a || json_is_null(a)) a = NULL;
        else if (!json_is_array(a))
            return hrr_imp_fail(imp, HRR_EDATA, k_lists[l], "not a list of states");
        json_array_foreach(a, j, v) {
            char name[512];
            long state;
            if (!json_is_string(v))
                return hrr_imp_fail(imp, HRR_EDATA, k_lists[l], "entry %zu is not a string", j + 1);
            trim(json_string_value(v), name, sizeof name);
            if ((rc = hrr_imp_state_find(imp, k_lists[l], "name", name, NULL, date,
                                         HRR_IMP_PREFER, &state)))
                return rc == HRR_ENOTFOUND ? HRR_EDATA : rc;
            int old = bal_vote(u, state);
            if (old) {
                char iso[8];
                twice++;
                differ += old != l + 1;
                if ((rc = hrr_imp_state_iso3(imp, state, iso))) return rc;
                if (strlen(dup) + 8 < sizeof dup - 8) {
                    if (*dup) strcat(dup, ", ");
                    strcat(dup, iso);
                } else if (!strstr(dup, "...")) {
                    strcat(dup, ", ...");
                }
                continue;
            }
            if ((rc = bal_add(imp, u, state, l + 1))) return rc;
        }
        size_t n = a ? json_array_size(a) : 0;
        if ((long)n != count[l]) {
            char d[200];
            snprintf(d, sizeof d, "%s: %s lists %zu states, %s says %ld (unxml line %ld)",
                     symbol, k_lists[l], n, k_counts[l], count[l], imp->line);
            if ((rc = hrr_imp_finding(imp, "count-mismatch", item, d))) return rc;
        }
    }
    if (twice) {
        char d[600];
        snprintf(d, sizeof d, "%s: %ld states appear twice in the vote lists (%ld with two"
                 " different votes: the first kept), unxml line %ld: %s", symbol, twice,
                 differ, imp->line, dup);
        if ((rc = hrr_imp_finding(imp, "duplicate-ballot", item, d))) return rc;
    }
    return HRR_OK;
}

/* Store the ballots, and an absent ballot for every member of the Assembly
 * on DATE in no list. *ABSENT: how many. */
static hrr_err_t store_ballots(hrr_imp_t *imp, ux_t *u, long item, const char *date,
                               long *absent)
{
    hrr_err_t rc;
    hrr_ballot_put_t put;
    int old;
    char label[8];
    *absent = 0;
    for (size_t i = 0; i < u->nbal; i++) {
        if ((rc = hrr_imp_state_iso3(imp, u->bal[i].state, label)) ||
            (rc = hrr_imp_ballot(imp, item, u->bal[i].state, u->bal[i].vote, label, &put, &old)))
            return rc;
    }
    if (!u->nbal) return HRR_OK;
    sqlite3_bind_text(u->mem, 1, date, -1, SQLITE_TRANSIENT);
    bool row;
    long ids[256];
    size_t n = 0;
    while (!(rc = hrr_imp_step(imp, u->mem, &row)) && row)
        if (n < 256) ids[n++] = (long)sqlite3_column_int64(u->mem, 0);
    sqlite3_reset(u->mem);
    if (rc) return rc;
    for (size_t i = 0; i < n; i++) {
        if (bal_vote(u, ids[i])) continue;
        if ((rc = hrr_imp_state_iso3(imp, ids[i], label)) ||
            (rc = hrr_imp_ballot(imp, item, ids[i], HRR_VOTE_ABSENT_CODE, label, &put, &old)))
            return rc;
        (*absent)++;
    }
    return HRR_OK;
}

/* Another source's tally of ITEM from its ballots, against the file's. */
static hrr_err_t compare_tally(hrr_imp_t *imp, ux_t *u, long item, const char *symbol,
                               const char *key, const long count[3])
{
    long t[3] = {0, 0, 0};
    bool row, any = false;
    hrr_err_t rc;
    sqlite3_bind_int64(u->other, 1, item);
    sqlite3_bind_int64(u->other, 2, imp->source_id);
    while (!(rc = hrr_imp_step(imp, u->other, &row)) && row) {
        int v = sqlite3_column_int(u->other, 0);
        any = true;
        if (v >= 1 && v <= 3) t[v - 1] = (long)sqlite3_column_int64(u->other, 1);
    }
    sqlite3_reset(u->other);
    if (rc || !any || (t[0] == count[0] && t[1] == count[1] && t[2] == count[2])) return rc;
    char d[512];
    snprintf(d, sizeof d, "%s: %ld-%ld-%ld in the store (%s), %ld-%ld-%ld in unxml line %ld",
             symbol, t[0], t[1], t[2], key, count[0], count[1], count[2], imp->line);
    return hrr_imp_finding(imp, "sources-disagree", item, d);
}

/* ------------------------------------------------------------ one line */

static hrr_err_t subjects_text(json_t *o, char *out, size_t n)
{
    json_t *a = json_object_get(o, "subjects"), *v;
    size_t j, k = 0;
    out[0] = 0;
    json_array_foreach(a, j, v) {
        const char *t = json_is_array(v) ? json_string_value(json_array_get(v, 0))
                                         : json_string_value(v);
        const char *voc = json_is_array(v) ? json_string_value(json_array_get(v, 1)) : NULL;
        if (!t || (voc && strcmp(voc, "UNBIS Thesaurus") != 0)) continue;
        int w = snprintf(out + k, n - k, "%s%s", k ? "; " : "", t);
        if (w < 0 || (size_t)w >= n - k) {
            out[k] = 0;
            break;
        }
        k += (size_t)w;
    }
    return HRR_OK;
}

static hrr_err_t one(hrr_imp_t *imp, ux_t *u, json_t *o)
{
    char symbol[128], date[11], session[32], subj[2048], agenda[128], key[160];
    long count[3], item = 0, absent = 0;
    hrr_err_t rc;
    if (!json_is_object(o)) return hrr_imp_fail(imp, HRR_EDATA, NULL, "not a JSON object");
    trim(str_of(o, "symbol"), symbol, sizeof symbol);
    if (!symbol_session(symbol, session, sizeof session))
        return hrr_imp_fail(imp, HRR_EDATA, "symbol", "'%s' is not an Assembly resolution"
                            " symbol (A/RES/...)", symbol);
    if (!parse_date(str_of(o, "adoption_date"), date))
        return hrr_imp_fail(imp, HRR_EDATA, "adoption_date", "'%s' is not a date",
                            str_of(o, "adoption_date"));
    const char *cmt = str_of(o, "committee"), *code = committee_code(cmt);
    if (*cmt && !code)
        return hrr_imp_fail(imp, HRR_EDATA, "committee", "unknown committee '%s'", cmt);
    for (int l = 0; l < 3; l++)
        if ((rc = parse_count(imp, o, k_counts[l], &count[l]))) return rc;
    const char *atype = str_of(o, "adoption_type");
    bool recorded = strcasestr(atype, "recorded vote") || count[0] || count[1] || count[2];
    imp->rows++;
    if (!recorded) return HRR_OK; /* adopted without a vote: no vote to store */

    /* the same vote from another source (unvotes) */
    snprintf(key, sizeof key, "%s", symbol);
    sqlite3_bind_text(u->find, 1, symbol, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(u->find, 2, date, -1, SQLITE_TRANSIENT);
    bool row;
    char odate[16] = "";
    if ((rc = hrr_imp_step(imp, u->find, &row))) {
        sqlite3_reset(u->find);
        return rc;
    }
    if (row) {
        snprintf(key, sizeof key, "%s", (const char *)sqlite3_column_text(u->find, 0));
        const unsigned char *d = sqlite3_column_text(u->find, 1);
        if (d) snprintf(odate, sizeof odate, "%s", (const char *)d);
    }
    sqlite3_reset(u->find);

    trim(str_of(o, "agenda_item"), agenda, sizeof agenda);
    const char *ag = strncasecmp(agenda, "Agenda item ", 12) == 0 ? agenda + 12 : agenda;
    subjects_text(o, subj, sizeof subj);
    sqlite3_stmt *s = u->up;
    sqlite3_bind_text(s, 1, key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, symbol, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 3, session, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 4, date, -1, SQLITE_TRANSIENT);
    bind_or_null(s, 5, str_of(o, "title"));
    bind_or_null(s, 6, ag);
    bind_or_null(s, 7, subj);
    bind_or_null(s, 8, atype);
    for (int l = 0; l < 3; l++) sqlite3_bind_int64(s, 9 + l, count[l]);
    bind_or_null(s, 12, code);
    sqlite3_bind_int64(s, 13, imp->source_id);
    if ((rc = run(imp, s))) return rc;
    {
        sqlite3_stmt *g;
        if ((rc = hrr_imp_prepare(imp, "SELECT id FROM items WHERE key=?", &g))) return rc;
        sqlite3_bind_text(g, 1, key, -1, SQLITE_TRANSIENT);
        rc = hrr_imp_step(imp, g, &row);
        if (!rc && row) item = (long)sqlite3_column_int64(g, 0);
        sqlite3_finalize(g);
        if (rc) return rc;
    }
    if (*odate && strcmp(odate, date) != 0) {
        char d[512];
        snprintf(d, sizeof d, "%s: dated %s in the store (%s), %s in unxml line %ld", symbol,
                 odate, key, date, imp->line);
        if ((rc = hrr_imp_finding(imp, "sources-disagree", item, d))) return rc;
    }
    if (strcmp(key, symbol) != 0 && (rc = compare_tally(imp, u, item, symbol, key, count)))
        return rc;
    sqlite3_bind_text(u->ref, 1, symbol, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(u->ref, 2, item);
    if ((rc = run(imp, u->ref))) return rc;
    sqlite3_bind_text(u->ses, 1, session, -1, SQLITE_TRANSIENT);
    if ((rc = run(imp, u->ses))) return rc;

    u->nbal = 0;
    if ((rc = read_lists(imp, u, o, date, count, item, symbol)) ||
        (rc = store_ballots(imp, u, item, date, &absent)))
        return rc;
    if (u->nbal) {
        sqlite3_stmt *nv;
        if ((rc = hrr_imp_prepare(imp, "UPDATE items SET nonvoting=coalesce(nonvoting,?) WHERE id=?",
                                  &nv)))
            return rc;
        sqlite3_bind_int64(nv, 1, absent);
        sqlite3_bind_int64(nv, 2, item);
        rc = run(imp, nv);
        sqlite3_finalize(nv);
        if (rc) return rc;
    }
    return sponsors(imp, u, o, item, date);
}

static hrr_err_t import(hrr_imp_t *imp)
{
    ux_t u;
    hrr_err_t rc;
    memset(&u, 0, sizeof u);
    if ((rc = hrr_imp_prepare(imp,
            "SELECT key, date FROM items WHERE body='GA' AND symbol=?1"
            " ORDER BY date=?2 DESC, key=?1 DESC, id LIMIT 1", &u.find)) ||
        (rc = hrr_imp_prepare(imp,
            "INSERT INTO items(key,body,symbol,session,date,kind,title,agenda_item,subject,"
            "vote_type,yes,no,abstain,committee,outcome,source_id)"
            " VALUES(?1,'GA',?2,?3,?4,'resolution',?5,?6,?7,?8,?9,?10,?11,?12,'adopted',?13)"
            " ON CONFLICT(key) DO UPDATE SET"
            " title=coalesce(title,excluded.title),"
            " agenda_item=coalesce(agenda_item,excluded.agenda_item),"
            " subject=coalesce(subject,excluded.subject),"
            " vote_type=coalesce(vote_type,excluded.vote_type),"
            " yes=coalesce(yes,excluded.yes), no=coalesce(no,excluded.no),"
            " abstain=coalesce(abstain,excluded.abstain),"
            " committee=coalesce(committee,excluded.committee),"
            " outcome=coalesce(outcome,excluded.outcome)", &u.up)) ||
        (rc = hrr_imp_prepare(imp,
            "INSERT INTO item_refs(source,ref,item_id) VALUES('unxml',?,?) ON CONFLICT DO NOTHING",
            &u.ref)) ||
        (rc = hrr_imp_prepare(imp,
            "INSERT INTO sessions(body,session) VALUES('GA',?) ON CONFLICT DO NOTHING", &u.ses)) ||
        (rc = hrr_imp_prepare(imp,
            "INSERT INTO sponsors(item_id,state_id,role,name,note,source_id,source)"
            " VALUES(?,?,?,?,?,?,'" UX_SOURCE "')", &u.spon)) ||
        (rc = hrr_imp_prepare(imp,
            /* the Assembly's members: the states with a regional group that
             * existed on the date (the 193 members throughout 2011-) */
            "SELECT id FROM states WHERE un_group IS NOT NULL AND un_group<>''"
            " AND (start_date IS NULL OR start_date='' OR start_date<=?1)"
            " AND (end_date IS NULL OR end_date='' OR end_date>?1) ORDER BY id", &u.mem)) ||
        (rc = hrr_imp_prepare(imp,
            "SELECT vote, count(*) FROM ballots WHERE item_id=? AND source_id<>?"
            " GROUP BY vote", &u.other)))
        goto out;
    const char *p = imp->data, *end = imp->data + imp->len;
    imp->line = 0;
    while (p < end && !rc) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        imp->line++;
        const char *q = p;
        while (q < p + n && isspace((unsigned char)*q)) q++;
        if (q < p + n) {
            json_error_t err;
            json_t *o = json_loadb(p, n, 0, &err);
            if (!o) rc = hrr_imp_fail(imp, HRR_EDATA, NULL, "not a JSON object: %s (column %d)",
                                      err.text, err.column);
            else rc = one(imp, &u, o);
            json_decref(o);
        }
        hrr_imp_progress(imp, (size_t)(p - imp->data));
        p += n + 1;
    }
out:
    sqlite3_finalize(u.find);
    sqlite3_finalize(u.up);
    sqlite3_finalize(u.ref);
    sqlite3_finalize(u.ses);
    sqlite3_finalize(u.spon);
    sqlite3_finalize(u.mem);
    sqlite3_finalize(u.other);
    hrr_i_free(hrr_store_ctx(imp->st), u.bal);
    return rc;
}

const hrr_format_t hrr_fmt_unxml = {"unxml", 24, detect, import, NULL};
