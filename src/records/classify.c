/*
 * classify.c - which items are country-specific, and about which state: the
 * distinction China's 2007 proposal turned on. From the agenda subject where
 * the record has one, in this order: a subject or title phrase listed in
 * data/targets.csv with its target and source (the occupied territories,
 * addressed to Israel; apartheid, to South Africa), a state's name in the
 * subject ("HUMAN RIGHTS - ETHIOPIA"), a state's name after a title phrase
 * ("Situation of human rights in Myanmar"). A phrase of data/targets.csv
 * with scope "thematic" says an item has no target whatever its subject
 * names (an institution, a committee's enlargement). Everything else is
 * thematic.
 * Stored in items.scope / target_id. Measured against 200 items labelled
 * by hand in tests/unit/test_replay.c.
 */
#define _GNU_SOURCE /* strcasestr */
#include "classify.h"
#include "core/csv.h"

#include <ctype.h>
#include <string.h>

/* Title phrases after which a state's name follows. */
static const char *const k_phrases[] = {
    "situation of human rights in ", "human rights situation in ", "situation in ",
    "human rights in ", "violations of human rights in ", "violation of human rights in ",
    "cooperation with ", "assistance to ", "question of ", NULL};

typedef struct subj {
    int *in_title;    /* 1: the phrase is matched in the title, 0: subject */
    char **name;      /* the phrase (matched ignoring case) */
    char **target;    /* ISO3 */
    size_t n;         /* how many */
} subj_t;

static hrr_err_t subj_row(void *ud, const hrr_csv_row_t *row)
{
    subj_t *s = ud;
    if (row->line == 1 || row->n < 4) return HRR_OK;
    int thematic = strcmp(row->f[2], "thematic") == 0; /* a rule that says: no target */
    if (!thematic && strcmp(row->f[2], "country") != 0) return HRR_OK;
    char **a = hrr_i_realloc(row->ctx, s->name, (s->n + 1) * sizeof *a);
    if (!a) return HRR_ENOMEM;
    s->name = a;
    char **b = hrr_i_realloc(row->ctx, s->target, (s->n + 1) * sizeof *b);
    if (!b) return HRR_ENOMEM;
    s->target = b;
    int *c = hrr_i_realloc(row->ctx, s->in_title, (s->n + 1) * sizeof *c);
    if (!c) return HRR_ENOMEM;
    s->in_title = c;
    s->in_title[s->n] = strcmp(row->f[0], "title") == 0;
    s->name[s->n] = hrr_i_strdup(row->ctx, row->f[1]);
    s->target[s->n] = hrr_i_strdup(row->ctx, thematic ? "" : row->f[3]);
    s->n++;
    return s->name[s->n - 1] && s->target[s->n - 1] ? HRR_OK : HRR_ENOMEM;
}

/* A state named by TEXT (up to LEN bytes) on DATE, or 0. Tries the whole
 * text, then shorter prefixes ending at a word, so "Myanmar : resolution" or
 * "Cambodia and ..." still find the state. */
static long name_to_state(hrr_store_t *st, const char *text, size_t len, const char *date)
{
    char buf[160];
    if (len >= sizeof buf) len = sizeof buf - 1;
    memcpy(buf, text, len);
    buf[len] = 0;
    for (char *end = buf + strlen(buf); end > buf;) {
        *end = 0;
        long id = 0;
        if (strlen(buf) >= 4 && hrr_i_state_resolve_id(st, "name", buf, date, &id) == HRR_OK) return id;
        while (end > buf && *end != ' ') end--;
    }
    return 0;
}

static long from_title(hrr_store_t *st, const char *title, const char *date)
{
    char low[512];
    size_t n = strlen(title);
    if (n >= sizeof low) n = sizeof low - 1;
    for (size_t i = 0; i < n; i++) low[i] = (char)tolower((unsigned char)title[i]);
    low[n] = 0;
    for (const char *const *p = k_phrases; *p; p++) {
        const char *hit = strstr(low, *p);
        if (!hit) continue;
        const char *s = title + (hit - low) + strlen(*p);
        size_t len = strcspn(s, ":,;(/");
        long id = name_to_state(st, s, len, date);
        if (id) return id;
    }
    return 0;
}

hrr_err_t hrr_i_classify(hrr_store_t *st, long *ncountry)
{
    subj_t subj = {0};
    sqlite3_stmt *sel = NULL, *upd = NULL;
    hrr_err_t rc;
    long line;
    *ncountry = 0;
    const hrr_i_resource_t *res = hrr_i_resource("data/targets.csv");
    if (res && (rc = hrr_i_csv_parse(hrr_store_ctx(st), res->data, res->len, ',', subj_row, &subj, &line))) goto out;
    if (sqlite3_prepare_v2(st->db, "SELECT id, coalesce(subject,''), coalesce(title,''), date FROM items"
                           " WHERE kind IN ('resolution','decision','amendment','motion','other')",
                           -1, &sel, NULL) ||
        sqlite3_prepare_v2(st->db, "UPDATE items SET scope=?, target_id=? WHERE id=?", -1, &upd, NULL)) {
        rc = hrr_i_dberr(st, "classifying items");
        goto out;
    }
    bool row;
    while (!(rc = hrr_i_step(st, sel, &row)) && row) {
        long id = (long)sqlite3_column_int64(sel, 0), target = 0;
        const char *subject = (const char *)sqlite3_column_text(sel, 1);
        const char *title = (const char *)sqlite3_column_text(sel, 2);
        const char *date = (const char *)sqlite3_column_text(sel, 3);
        int thematic = 0; /* a rule of data/targets.csv says it has none:
                             those rules first, then the others in order */
        for (int pass = 0; pass < 2; pass++)
            for (size_t i = 0; i < subj.n && !target && !thematic && !rc; i++)
                if ((pass == 0) == !*subj.target[i] &&
                    strcasestr(subj.in_title[i] ? title : subject, subj.name[i])) {
                    if (!*subj.target[i]) thematic = 1;
                    else rc = hrr_i_state_id(st, subj.target[i], &target);
                }
        if (rc) break;
        if (!target && !thematic && *subject) {
            const char *dash = strstr(subject, " - ");
            target = name_to_state(st, subject, strlen(subject), date);
            if (!target && dash) target = name_to_state(st, dash + 3, strlen(dash + 3), date);
        }
        if (!target && !thematic) target = from_title(st, title, date);
        sqlite3_bind_text(upd, 1, target ? "country" : "thematic", -1, SQLITE_STATIC);
        if (target) sqlite3_bind_int64(upd, 2, target);
        else sqlite3_bind_null(upd, 2);
        sqlite3_bind_int64(upd, 3, id);
        if ((rc = hrr_i_step_done(st, upd))) goto out;
        sqlite3_reset(upd);
        if (target) (*ncountry)++;
    }
out:
    sqlite3_finalize(sel);
    sqlite3_finalize(upd);
    for (size_t i = 0; i < subj.n; i++) {
        hrr_i_free(hrr_store_ctx(st), subj.name[i]);
        hrr_i_free(hrr_store_ctx(st), subj.target[i]);
    }
    hrr_i_free(hrr_store_ctx(st), subj.name);
    hrr_i_free(hrr_store_ctx(st), subj.target);
    hrr_i_free(hrr_store_ctx(st), subj.in_title);
    return rc;
}
