/*
 * fc.c - a body's history in memory for forecasting: items in date order
 * with their ballots, rosters, regional groups, sponsors and title
 * lineages (the same text returning session after session), loaded once
 * from the store.
 */
#include "fc.h"

#include "core/csv.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int hrr_i_fc_date(const char *s)
{
    if (!s || !hrr_i_date_valid(s)) return 0;
    return atoi(s) * 10000 + atoi(s + 5) * 100 + atoi(s + 8);
}

int hrr_i_fc_limit(const hrr_fc_t *fc, int date)
{
    size_t lo = 0, hi = fc->ni;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (fc->it[mid].date < date) lo = mid + 1;
        else hi = mid;
    }
    return (int)lo;
}

static unsigned long fnv(const char *s)
{
    unsigned long h = 1469598103934665603UL;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211UL;
    return h;
}

/* Intern S in a string table with an open-addressing hash (2 x cap slots
 * holding id + 1); -1 when out of memory or (ADD 0) unknown. */
static int intern(hrr_ctx_t *ctx, char ***tab, size_t *n, size_t *cap, int **hash, const char *s, int add)
{
    unsigned long h = fnv(s);
    if (*cap) {
        size_t mask = *cap * 2 - 1;
        for (size_t k = h & mask;; k = (k + 1) & mask) {
            int id = (*hash)[k] - 1;
            if (id < 0) break;
            if (strcmp((*tab)[id], s) == 0) return id;
        }
    }
    if (!add) return -1;
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 256;
        char **t = hrr_i_realloc(ctx, *tab, nc * sizeof *t);
        if (!t) return -1;
        *tab = t;
        int *nh = hrr_i_calloc(ctx, nc * 2, sizeof *nh);
        if (!nh) return -1;
        for (size_t k = 0; k < *n; k++) {
            size_t q = fnv((*tab)[k]) & (nc * 2 - 1);
            while (nh[q]) q = (q + 1) & (nc * 2 - 1);
            nh[q] = (int)k + 1;
        }
        hrr_i_free(ctx, *hash);
        *hash = nh, *cap = nc;
    }
    if (!((*tab)[*n] = hrr_i_strdup(ctx, s))) return -1;
    size_t q = h & (*cap * 2 - 1);
    while ((*hash)[q]) q = (q + 1) & (*cap * 2 - 1);
    (*hash)[q] = (int)*n + 1;
    return (int)(*n)++;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* Words that say nothing of a text's subject. */
static int stopword(const char *w)
{
    static const char *const sw[] = {"of", "the", "in", "and", "on", "to", "a", "for", "by", "with",
                                     "draft", "resolution", "decision", "amendment", "amendments",
                                     "at", "its", "an", "as", "from", "rev", "l", NULL};
    for (int k = 0; sw[k]; k++)
        if (strcmp(w, sw[k]) == 0) return 1;
    return 0;
}

/* A title's lineage (the lowercased words, digits dropped, with the kind
 * class: amendments apart from drafts) and its content-word tokens. With ADD
 * 0, unseen words and lineages are left out (-1). */
void hrr_i_fc_title_key(hrr_fc_t *fc, const char *title, int kind, int *lineage, int **tok,
                        int *ntok, int add)
{
    char key[512], word[64];
    size_t k = 0, w = 0;
    int ids[128], nid = 0;
    *lineage = -1;
    *tok = NULL;
    *ntok = 0;
    if (!title) title = "";
    key[k++] = kind == FC_AMEND ? 'A' : kind == FC_MOTION ? 'M' : 'R';
    key[k++] = ':';
    /* the title proper: the catalogue's " : draft resolution /" and the
     * like are cut at the first " : " */
    const char *end = strstr(title, " : ");
    if (!end) end = title + strlen(title);
    for (const char *p = title;; p++) {
        int c = p < end ? (unsigned char)*p : 0;
        if (c && isalpha(c)) {
            if (w < sizeof word - 1) word[w++] = (char)tolower(c);
            continue;
        }
        if (w) {
            word[w] = 0;
            if (!stopword(word)) {
                if (k + w + 2 < sizeof key) {
                    memcpy(key + k, word, w);
                    k += w;
                    key[k++] = ' ';
                }
                int id = intern(hrr_store_ctx(fc->st), &fc->vocab, &fc->nvocab, &fc->capvocab, &fc->hvocab, word, add);
                if (id >= 0 && nid < 128) ids[nid++] = id;
            }
            w = 0;
        }
        if (!c) break;
    }
    key[k] = 0;
    *lineage = intern(hrr_store_ctx(fc->st), &fc->lin, &fc->nlin, &fc->caplin, &fc->hlin, key, add);
    qsort(ids, (size_t)nid, sizeof *ids, cmp_int);
    int u = 0;
    for (int a = 0; a < nid; a++)
        if (!u || ids[u - 1] != ids[a]) ids[u++] = ids[a];
    if (u && (*tok = hrr_i_malloc(hrr_store_ctx(fc->st), (size_t)u * sizeof **tok))) {
        memcpy(*tok, ids, (size_t)u * sizeof *ids);
        *ntok = u;
    }
}

/* Jaccard similarity of two sorted token sets. */
static double jaccard(const int *a, int na, const int *b, int nb)
{
    int i = 0, j = 0, both = 0;
    while (i < na && j < nb) {
        if (a[i] == b[j]) both++, i++, j++;
        else if (a[i] < b[j]) i++;
        else j++;
    }
    int uni = na + nb - both;
    return uni ? (double)both / uni : 0;
}

/* The earlier version of a draft among items [0, LIMIT): the latest item
 * of the same lineage; else the latest on the same target state (same kind
 * class; for a draft, a no-action motion on it counts, its ballots read the
 * other way round) in the six years before; else the most similar title
 * (Jaccard of content words >= 0.5) in those six years, the later on ties;
 * else (for a draft) a no-action motion on the same target in the ten years
 * before. -1 if none. */
int hrr_i_fc_find_prev(const hrr_fc_t *fc, int limit, int kind, int lineage, const int *tok,
                       int ntok, int target)
{
    int amend = kind == FC_AMEND;
    if (lineage >= 0)
        for (int j = limit - 1; j >= 0; j--)
            if (fc->it[j].lineage == lineage) return j;
    if (limit <= 0) return -1;
    int horizon = fc->it[limit - 1].date - 60000;
    if (target >= 0)
        for (int j = limit - 1; j >= 0 && fc->it[j].date >= horizon; j--)
            if (fc->it[j].target == target && (fc->it[j].kind == FC_AMEND) == amend &&
                (fc->it[j].kind != FC_MOTION || !amend))
                return j;
    int best = -1;
    double bs = 0.5 - 1e-12;
    for (int j = limit - 1; j >= 0 && fc->it[j].date >= horizon; j--) {
        if ((fc->it[j].kind == FC_AMEND) != amend || fc->it[j].kind == FC_MOTION) continue;
        double s = jaccard(tok, ntok, fc->it[j].tok, fc->it[j].ntok);
        if (s > bs) bs = s, best = j;
    }
    if (best < 0 && target >= 0 && !amend)
        for (int j = limit - 1; j >= 0 && fc->it[j].date >= fc->it[limit - 1].date - 100000; j--)
            if (fc->it[j].kind == FC_MOTION && fc->it[j].target == target) return j;
    return best;
}

int hrr_i_fc_roster_guessed(const hrr_fc_t *fc)
{
    return !fc->mroster || !fc->mroster[fc->ns];
}

/* The roster on DATE: the body's members that day (memberships of org
 * BODY), where the store has them; else (a guess) the members recorded on the latest vote before it in
 * the same year, else on the first vote of that year on or after it (the
 * year's members are elected before it begins), else on the latest vote
 * before it. With LIMIT_ONLY, only votes before DATE. A row of ns bytes
 * (nonzero: a member), or NULL when the body has no vote to go by. */
const unsigned char *hrr_i_fc_roster(const hrr_fc_t *fc, int date, int limit_only)
{
    /* the members on the day where the store has the body's terms */
    if (fc->mroster) {
        size_t n = 0;
        memset(fc->mroster, 0, fc->ns + 1);
        for (size_t k = 0; k < fc->nterms; k++) {
            const struct fc_term *t = &fc->terms[k];
            if (t->from <= date && (!t->to || t->to > date) && !fc->mroster[t->s]) {
                fc->mroster[t->s] = 1;
                n++;
            }
        }
        /* past the records the terms name only the members elected so far
         * (2025: 29 of 47): fewer than sat on the last recorded vote is not
         * the body, and the last vote's members are the better guess */
        if (n && fc->ni && date > fc->it[fc->ni - 1].date) {
            int last = fc->it[fc->ni - 1].date;
            size_t full = 0;
            for (size_t k = 0; k < fc->nterms; k++)
                if (fc->terms[k].from <= last && (!fc->terms[k].to || fc->terms[k].to > last)) full++;
            if (n < full) n = 0;
        }
        if (n) {
            fc->mroster[fc->ns] = 1;
            return fc->mroster;
        }
    }
    int lim = hrr_i_fc_limit(fc, date);
    int year = date / 10000;
    int ref = -1;
    if (lim > 0 && fc->it[lim - 1].date / 10000 == year) ref = lim - 1;
    else if (!limit_only && lim < (int)fc->ni && fc->it[lim].date / 10000 == year) ref = lim;
    else if (lim > 0) ref = lim - 1;
    else if (!limit_only && fc->ni) ref = 0;
    return ref < 0 ? NULL : fc->v + (size_t)ref * fc->ns;
}

static int kind_code(const char *k)
{
    if (!k) return FC_OTHER;
    if (!strcmp(k, "resolution")) return FC_RES;
    if (!strcmp(k, "decision")) return FC_DEC;
    if (!strcmp(k, "amendment")) return FC_AMEND;
    if (!strcmp(k, "motion")) return FC_MOTION;
    return FC_OTHER;
}

int hrr_i_fc_state_of_id(const hrr_fc_t *fc, long sid)
{
    size_t lo = 0, hi = fc->ns;
    while (lo < hi) { /* sid is sorted */
        size_t mid = (lo + hi) / 2;
        if (fc->sid[mid] < sid) lo = mid + 1;
        else hi = mid;
    }
    return lo < fc->ns && fc->sid[lo] == sid ? (int)lo : -1;
}

int hrr_i_fc_state_of_iso3(const hrr_fc_t *fc, const char *iso3)
{
    for (size_t s = 0; s < fc->ns; s++)
        if (!strcasecmp(fc->iso3[s], iso3)) return (int)s;
    return -1;
}

/* Sponsors named in the catalogue ("Canada, Finland (on behalf of the
 * European Union)"): each name resolved at the date; groups spoken for are
 * not expanded. */
static void parse_sponsors(hrr_fc_t *fc, fc_item_t *it, const char *text, const char *date)
{
    char buf[4096];
    int idx[256], n = 0;
    if (!text || !*text) return;
    /* drop parentheses */
    size_t k = 0;
    int depth = 0;
    for (const char *p = text; *p && k < sizeof buf - 1; p++) {
        if (*p == '(') depth++;
        else if (*p == ')') depth = depth ? depth - 1 : 0;
        else if (!depth) buf[k++] = *p == ';' ? ',' : *p;
    }
    buf[k] = 0;
    for (char *save = NULL, *tok = strtok_r(buf, ",", &save); tok && n < 256;
         tok = strtok_r(NULL, ",", &save)) {
        while (*tok == ' ') tok++;
        if (!strncmp(tok, "and ", 4)) tok += 4;
        size_t l = strlen(tok);
        while (l && (tok[l - 1] == ' ' || tok[l - 1] == '.')) tok[--l] = 0;
        if (!l) continue;
        long id = 0;
        if (hrr_i_state_resolve_id(fc->st, "name", tok, date, &id) == HRR_OK && id > 0) {
            int s = hrr_i_fc_state_of_id(fc, id);
            if (s >= 0) idx[n++] = s;
        }
    }
    if (n && (it->sponsor = hrr_i_malloc(hrr_store_ctx(fc->st), (size_t)n * sizeof *idx))) {
        memcpy(it->sponsor, idx, (size_t)n * sizeof *idx);
        it->nsponsor = n;
    }
}

void hrr_fc_close(hrr_fc_t *fc)
{
    if (!fc) return;
    for (size_t i = 0; i < fc->ni; i++) {
        hrr_i_free(hrr_store_ctx(fc->st), fc->it[i].symbol);
        hrr_i_free(hrr_store_ctx(fc->st), fc->it[i].session);
        hrr_i_free(hrr_store_ctx(fc->st), fc->it[i].title);
        hrr_i_free(hrr_store_ctx(fc->st), fc->it[i].subject);
        hrr_i_free(hrr_store_ctx(fc->st), fc->it[i].tok);
        hrr_i_free(hrr_store_ctx(fc->st), fc->it[i].sponsor);
    }
    for (size_t k = 0; k < fc->nvocab; k++) hrr_i_free(hrr_store_ctx(fc->st), fc->vocab[k]);
    for (size_t k = 0; k < fc->nlin; k++) hrr_i_free(hrr_store_ctx(fc->st), fc->lin[k]);
    hrr_i_free(hrr_store_ctx(fc->st), fc->vocab);
    hrr_i_free(hrr_store_ctx(fc->st), fc->hvocab);
    hrr_i_free(hrr_store_ctx(fc->st), fc->hlin);
    hrr_i_free(hrr_store_ctx(fc->st), fc->lin);
    hrr_i_free(hrr_store_ctx(fc->st), fc->it);
    hrr_i_free(hrr_store_ctx(fc->st), fc->v);
    hrr_i_free(hrr_store_ctx(fc->st), fc->iso3);
    hrr_i_free(hrr_store_ctx(fc->st), fc->sid);
    hrr_i_free(hrr_store_ctx(fc->st), fc->group);
    hrr_i_free(hrr_store_ctx(fc->st), fc->model.x);
    hrr_i_free(hrr_store_ctx(fc->st), fc->model.hasx);
    hrr_i_free(hrr_store_ctx(fc->st), fc->model.xpath);
    hrr_i_free(hrr_store_ctx(fc->st), fc->model.agree);
    hrr_i_free(hrr_store_ctx(fc->st), fc->model.bloc);
    hrr_i_free(hrr_store_ctx(fc->st), fc->scratch);
    hrr_i_free(hrr_store_ctx(fc->st), fc->terms);
    hrr_i_free(hrr_store_ctx(fc->st), fc->mroster);
    hrr_i_free(hrr_store_ctx(fc->st), fc);
}


/* The Assembly's members are the UN's: when the store has no terms of the
 * body, each state's periods of UN membership (data/un_members.csv:
 * admission and the first day no longer a Member, each with its source)
 * are its terms. */
typedef struct un_terms {
    hrr_fc_t *fc;
    size_t cap;
    hrr_err_t rc;
} un_terms_t;

static hrr_err_t un_row(void *ud, const hrr_csv_row_t *row)
{
    un_terms_t *u = ud;
    hrr_fc_t *fc = u->fc;
    if (row->line == 1 || row->n < 3) return HRR_OK;
    int k = hrr_i_fc_state_of_iso3(fc, row->f[0]);
    int from = hrr_i_fc_date(row->f[1]);
    if (k < 0 || !from) return HRR_OK;
    if (fc->nterms == u->cap) {
        size_t nc = u->cap ? u->cap * 2 : 256;
        struct fc_term *a = hrr_i_realloc(hrr_store_ctx(fc->st), fc->terms, nc * sizeof *a);
        if (!a) return HRR_ENOMEM;
        fc->terms = a;
        u->cap = nc;
    }
    fc->terms[fc->nterms++] = (struct fc_term){k, from, *row->f[2] ? hrr_i_fc_date(row->f[2]) : 0};
    return HRR_OK;
}

static hrr_err_t load_un_terms(hrr_fc_t *fc)
{
    const hrr_i_resource_t *res = hrr_i_resource("data/un_members.csv");
    long line = 0;
    un_terms_t u = {.fc = fc, .cap = fc->nterms};
    if (!res) return HRR_OK;
    fc->un_terms = 1;
    hrr_err_t rc = hrr_i_csv_parse(hrr_store_ctx(fc->st), res->data, res->len, ',', un_row, &u, &line);
    return rc ? hrr_i_seterr(fc->st, rc, "data/un_members.csv:%ld: cannot be read", line) : HRR_OK;
}

/* Each item's sponsors as the store's sponsors table lists them (states,
 * and the members on the item's date of a group acted for that the store
 * knows: "on behalf of the European Union"), in place of those read from
 * the item's sponsors text; and an amendment's base lineage from the text
 * it amends (items.amends_id), in place of the one read from its title.
 * POS maps item ids (<= MAXID) to indices. */
static hrr_err_t load_links(hrr_fc_t *fc, const char *body, const long *pos, long maxid)
{
    static const char *const q_sp =
        "SELECT s.item_id, s.state_id FROM sponsors s JOIN items i ON i.id=s.item_id"
        " WHERE i.body=?1 AND s.state_id IS NOT NULL"
        " UNION SELECT s.item_id, m.state_id FROM sponsors s JOIN items i ON i.id=s.item_id"
        " JOIN memberships m ON m.org=s.grp AND m.start_date<=i.date"
        " AND (m.end_date IS NULL OR m.end_date>i.date)"
        " WHERE i.body=?1 AND s.grp IS NOT NULL ORDER BY 1, 2";
    static const char *const q_am =
        "SELECT i.id, coalesce(a.title,''), a.kind FROM items i JOIN items a ON a.id=i.amends_id"
        " WHERE i.body=?1";
    hrr_store_t *st = fc->st;
    sqlite3_stmt *s = NULL;
    hrr_err_t rc = HRR_OK;
    bool row;
    int *idx = NULL;
    size_t n = 0, cap = 0;
    long cur = -1;
    if (sqlite3_prepare_v2(st->db, q_sp, -1, &s, NULL)) return hrr_i_dberr(st, "reading sponsors");
    sqlite3_bind_text(s, 1, body, -1, SQLITE_STATIC);
    for (;;) {
        if ((rc = hrr_i_step(st, s, &row))) break;
        long id = row ? sqlite3_column_int64(s, 0) : -2;
        if (id != cur && cur >= 0 && cur <= maxid && pos[cur] >= 0) { /* the item before: done */
            fc_item_t *it = &fc->it[pos[cur]];
            int *a = n ? hrr_i_malloc(hrr_store_ctx(st), n * sizeof *a) : NULL;
            if (n && !a) {
                rc = hrr_i_seterr(st, HRR_ENOMEM, "out of memory");
                break;
            }
            if (n) memcpy(a, idx, n * sizeof *a);
            hrr_i_free(hrr_store_ctx(st), it->sponsor);
            it->sponsor = a, it->nsponsor = (int)n;
        }
        if (!row) break;
        if (id != cur) cur = id, n = 0;
        int k = hrr_i_fc_state_of_id(fc, sqlite3_column_int64(s, 1));
        if (k < 0) continue;
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 64;
            int *a = hrr_i_realloc(hrr_store_ctx(st), idx, nc * sizeof *a);
            if (!a) {
                rc = hrr_i_seterr(st, HRR_ENOMEM, "out of memory");
                break;
            }
            idx = a, cap = nc;
        }
        idx[n++] = k;
    }
    sqlite3_finalize(s);
    hrr_i_free(hrr_store_ctx(st), idx);
    if (rc) return rc;
    if (sqlite3_prepare_v2(st->db, q_am, -1, &s, NULL)) return hrr_i_dberr(st, "reading amendments");
    sqlite3_bind_text(s, 1, body, -1, SQLITE_STATIC);
    while (!(rc = hrr_i_step(st, s, &row)) && row) {
        long id = sqlite3_column_int64(s, 0);
        if (id > maxid || pos[id] < 0) continue;
        const char *title = (const char *)sqlite3_column_text(s, 1);
        if (!*title) continue;
        int bk = kind_code((const char *)sqlite3_column_text(s, 2));
        int bl, *bt, nbt;
        hrr_i_fc_title_key(fc, title, bk == FC_AMEND ? FC_RES : bk, &bl, &bt, &nbt, 1);
        hrr_i_free(hrr_store_ctx(st), bt);
        if (bl < 0) {
            rc = hrr_i_seterr(st, HRR_ENOMEM, "out of memory");
            break;
        }
        fc->it[pos[id]].blin = bl;
    }
    sqlite3_finalize(s);
    return rc;
}


hrr_err_t hrr_fc_open(hrr_store_t *st, const char *body, hrr_fc_t **out)
{
    static const char *const q_states =
        "SELECT s.id, s.iso3 FROM states s WHERE ?1 IS NOT NULL ORDER BY s.id";
    static const char *const q_items =
        "SELECT i.id, i.date, coalesce(i.symbol, i.key), coalesce(i.session,''), i.kind,"
        " coalesce(i.title,''), t.iso3, i.outcome, i.sponsors, i.scope FROM items i"
        " LEFT JOIN states t ON t.id=i.target_id WHERE i.body=?1 AND i.date IS NOT NULL"
        " AND EXISTS (SELECT 1 FROM ballots b WHERE b.item_id=i.id) ORDER BY i.date, i.id";
    static const char *const q_votes =
        "SELECT b.item_id, b.state_id, b.vote FROM ballots b JOIN items i ON i.id=b.item_id"
        " WHERE i.body=?1 AND b.vote BETWEEN " HRR_SQL_YES " AND " HRR_SQL_ABSENT;
    static const char *const q_groups =
        "SELECT state_id, org FROM memberships WHERE org IN"
        " ('AFRICAN','ASIA_PACIFIC','EEG','GRULAC','WEOG') ORDER BY start_date";
    static const char *const q_terms =
        "SELECT state_id, start_date, end_date FROM memberships WHERE org=?1"
        " AND start_date<>''";
    sqlite3_stmt *s = NULL;
    hrr_err_t rc = HRR_OK;
    long *pos = NULL, maxid = 0;
    *out = NULL;
    char known[64];
    if (!body || !*body)
        return hrr_i_seterr(st, HRR_EINVAL, "a body is required (%s)",
                            hrr_i_body_list(st, known, sizeof known));
    hrr_fc_t *fc = hrr_i_calloc(hrr_store_ctx(st), 1, sizeof *fc);
    if (!fc) return hrr_i_seterr(st, HRR_ENOMEM, "out of memory");
    fc->st = st;
    snprintf(fc->body, sizeof fc->body, "%s", body);
    /* a body data/bodies.csv does not list has no items either (items.body
     * references bodies): the load below says so */
    if ((rc = hrr_body_default_rules(st, body, fc->rules, sizeof fc->rules)) && rc != HRR_ENOTFOUND) {
        hrr_fc_close(fc);
        return rc;
    }
    rc = HRR_OK;
    fc->year_roster = strcmp(body, "GA") == 0;
    size_t cap = 0;
    /* states */
    if (sqlite3_prepare_v2(st->db, q_states, -1, &s, NULL)) goto dberr;
    sqlite3_bind_text(s, 1, body, -1, SQLITE_STATIC);
    bool row;
    while (!(rc = hrr_i_step(st, s, &row)) && row) {
        if (fc->ns == cap) {
            size_t nc = cap ? cap * 2 : 256;
            void *a = hrr_i_realloc(hrr_store_ctx(st), fc->iso3, nc * sizeof *fc->iso3);
            if (!a) goto nomem;
            fc->iso3 = a;
            if (!(a = hrr_i_realloc(hrr_store_ctx(st), fc->sid, nc * sizeof *fc->sid))) goto nomem;
            fc->sid = a;
            cap = nc;
        }
        fc->sid[fc->ns] = sqlite3_column_int64(s, 0);
        snprintf(fc->iso3[fc->ns], 4, "%s", (const char *)sqlite3_column_text(s, 1));
        fc->ns++;
    }
    if (rc) goto out;
    sqlite3_finalize(s);
    s = NULL;
    if (!(fc->group = hrr_i_malloc(hrr_store_ctx(st), fc->ns * sizeof *fc->group))) goto nomem;
    for (size_t k = 0; k < fc->ns; k++) fc->group[k] = -1;
    if (sqlite3_prepare_v2(st->db, q_groups, -1, &s, NULL)) goto dberr;
    while (!(rc = hrr_i_step(st, s, &row)) && row) {
        static const char *const g[FC_NGROUP] = {"AFRICAN", "ASIA_PACIFIC", "EEG", "GRULAC", "WEOG"};
        int k = hrr_i_fc_state_of_id(fc, sqlite3_column_int64(s, 0));
        const char *org = (const char *)sqlite3_column_text(s, 1);
        for (int a = 0; k >= 0 && a < FC_NGROUP; a++)
            if (!strcmp(org, g[a])) fc->group[k] = a;
    }
    if (rc) goto out;
    sqlite3_finalize(s);
    s = NULL;
    /* the body's terms (memberships of org BODY), for the rosters */
    if (sqlite3_prepare_v2(st->db, q_terms, -1, &s, NULL)) goto dberr;
    sqlite3_bind_text(s, 1, body, -1, SQLITE_STATIC);
    cap = 0;
    while (!(rc = hrr_i_step(st, s, &row)) && row) {
        int k = hrr_i_fc_state_of_id(fc, sqlite3_column_int64(s, 0));
        if (k < 0) continue;
        if (fc->nterms == cap) {
            size_t nc = cap ? cap * 2 : 256;
            struct fc_term *a = hrr_i_realloc(hrr_store_ctx(st), fc->terms, nc * sizeof *a);
            if (!a) goto nomem;
            fc->terms = a;
            cap = nc;
        }
        const char *to = (const char *)sqlite3_column_text(s, 2);
        fc->terms[fc->nterms++] = (struct fc_term){k, hrr_i_fc_date((const char *)sqlite3_column_text(s, 1)),
                                                   to ? hrr_i_fc_date(to) : 0};
    }
    if (rc) goto out;
    sqlite3_finalize(s);
    s = NULL;
    if (!fc->nterms && (!strcmp(body, "GA") || !strcmp(body, "GA3")) && (rc = load_un_terms(fc))) goto out;
    if (fc->nterms && !(fc->mroster = hrr_i_calloc(hrr_store_ctx(st), fc->ns + 1, 1))) goto nomem;
    /* items */
    cap = 0;
    if (sqlite3_prepare_v2(st->db, q_items, -1, &s, NULL)) goto dberr;
    sqlite3_bind_text(s, 1, body, -1, SQLITE_STATIC);
    while (!(rc = hrr_i_step(st, s, &row)) && row) {
        if (fc->ni == cap) {
            size_t nc = cap ? cap * 2 : 1024;
            fc_item_t *a = hrr_i_realloc(hrr_store_ctx(st), fc->it, nc * sizeof *a);
            if (!a) goto nomem;
            fc->it = a;
            cap = nc;
        }
        fc_item_t *it = &fc->it[fc->ni];
        memset(it, 0, sizeof *it);
        fc->ni++;
        it->id = sqlite3_column_int64(s, 0);
        const char *date = (const char *)sqlite3_column_text(s, 1);
        it->date = hrr_i_fc_date(date);
        it->kind = kind_code((const char *)sqlite3_column_text(s, 4));
        const char *tg = (const char *)sqlite3_column_text(s, 6);
        it->target = -1;
        if (tg) {
            long tid;
            if ((rc = hrr_i_state_id(st, tg, &tid))) break;
            it->target = hrr_i_fc_state_of_id(fc, tid);
        }
        const char *oc = (const char *)sqlite3_column_text(s, 7);
        it->adopted = !oc ? -1 : !strcmp(oc, "adopted") ? 1 : !strcmp(oc, "no-decision") ? -1 : 0;
        char subj[32];
        snprintf(subj, sizeof subj, tg ? "country:%s" : "thematic", tg ? tg : "");
        if (!(it->symbol = hrr_i_strdup(hrr_store_ctx(st), (const char *)sqlite3_column_text(s, 2))) ||
            !(it->session = hrr_i_strdup(hrr_store_ctx(st), (const char *)sqlite3_column_text(s, 3))) ||
            !(it->title = hrr_i_strdup(hrr_store_ctx(st), (const char *)sqlite3_column_text(s, 5))) ||
            !(it->subject = hrr_i_strdup(hrr_store_ctx(st), subj)))
            goto nomem;
        hrr_i_fc_title_key(fc, (const char *)sqlite3_column_text(s, 5), it->kind, &it->lineage,
                           &it->tok, &it->ntok, 1);
        if (it->lineage < 0) goto nomem;
        it->blin = -1;
        if (it->kind == FC_AMEND) {
            int bl, *bt, nbt;
            hrr_i_fc_title_key(fc, (const char *)sqlite3_column_text(s, 5), FC_RES, &bl, &bt, &nbt, 1);
            hrr_i_free(hrr_store_ctx(st), bt);
            if (bl < 0) goto nomem;
            it->blin = bl;
        }
        parse_sponsors(fc, it, (const char *)sqlite3_column_text(s, 8), date);
    }
    if (rc) goto out;
    sqlite3_finalize(s);
    s = NULL;
    if (!fc->ni) {
        rc = hrr_i_seterr(st, HRR_ENOTFOUND, "no recorded votes of body '%s' in the store", body);
        goto out;
    }
    /* ballots */
    for (size_t t = 0; t < fc->ni; t++) maxid = fc->it[t].id > maxid ? fc->it[t].id : maxid;
    if (!(fc->v = hrr_i_calloc(hrr_store_ctx(st), fc->ni * fc->ns + 1, 1)) ||
        !(pos = hrr_i_malloc(hrr_store_ctx(st), ((size_t)maxid + 1) * sizeof *pos)))
        goto nomem;
    for (long k = 0; k <= maxid; k++) pos[k] = -1;
    for (size_t t = 0; t < fc->ni; t++) pos[fc->it[t].id] = (long)t;
    if (sqlite3_prepare_v2(st->db, q_votes, -1, &s, NULL)) goto dberr;
    sqlite3_bind_text(s, 1, body, -1, SQLITE_STATIC);
    while (!(rc = hrr_i_step(st, s, &row)) && row) {
        long id = sqlite3_column_int64(s, 0);
        int k = hrr_i_fc_state_of_id(fc, sqlite3_column_int64(s, 1));
        if (id > maxid || pos[id] < 0 || k < 0) continue;
        fc->v[(size_t)pos[id] * fc->ns + (size_t)k] = (unsigned char)sqlite3_column_int(s, 2);
    }
    if (rc) goto out;
    sqlite3_finalize(s);
    s = NULL;
    /* sponsors from the store's table, where it has them, and the text an
     * amendment amends (items.amends_id) */
    if ((rc = load_links(fc, body, pos, maxid))) goto out;
    /* the Assembly's records leave absences out: a member of the year (a
     * state with a ballot that year) without a ballot was absent */
    if (fc->year_roster) {
        unsigned char *mem = hrr_i_calloc(hrr_store_ctx(st), fc->ns + 1, 1);
        if (!mem) goto nomem;
        for (size_t a = 0; a < fc->ni;) {
            size_t b = a;
            int year = fc->it[a].date / 10000;
            memset(mem, 0, fc->ns);
            while (b < fc->ni && fc->it[b].date / 10000 == year) {
                for (size_t k = 0; k < fc->ns; k++) mem[k] |= fc->v[b * fc->ns + k] != 0;
                b++;
            }
            for (size_t t = a; t < b; t++)
                for (size_t k = 0; k < fc->ns; k++)
                    if (mem[k] && !fc->v[t * fc->ns + k]) fc->v[t * fc->ns + k] = HRR_VOTE_ABSENT;
            a = b;
        }
        hrr_i_free(hrr_store_ctx(st), mem);
    }
    /* each item's previous version */
    {
        int *last = hrr_i_malloc(hrr_store_ctx(st), (fc->nlin + 1) * sizeof *last);
        if (!last) goto nomem;
        for (size_t k = 0; k < fc->nlin; k++) last[k] = -1;
        for (size_t t = 0; t < fc->ni; t++) {
            fc->it[t].lprev = last[fc->it[t].lineage];
            last[fc->it[t].lineage] = (int)t;
        }
        hrr_i_free(hrr_store_ctx(st), last);
    }
    if (!(fc->model.x = hrr_i_calloc(hrr_store_ctx(st), fc->ns, sizeof *fc->model.x)) ||
        !(fc->model.hasx = hrr_i_calloc(hrr_store_ctx(st), fc->ns, 1)) ||
        !(fc->model.bloc = hrr_i_malloc(hrr_store_ctx(st), (fc->ns + 1) * sizeof *fc->model.bloc)) ||
        !(fc->scratch = hrr_i_malloc(hrr_store_ctx(st), (fc->ni + 1) * sizeof *fc->scratch)) ||
        !(fc->model.agree = hrr_i_malloc(hrr_store_ctx(st), fc->ns * fc->ns * sizeof *fc->model.agree)))
        goto nomem;
    goto out;
dberr:
    rc = hrr_i_dberr(st, "reading the body's votes");
    goto out;
nomem:
    rc = hrr_i_seterr(st, HRR_ENOMEM, "out of memory");
out:
    sqlite3_finalize(s);
    hrr_i_free(hrr_store_ctx(st), pos);
    if (rc) {
        hrr_fc_close(fc);
        return rc;
    }
    *out = fc;
    return HRR_OK;
}
