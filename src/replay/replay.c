/*
 * replay.c - recorded votes decided again under another rule set
 * (include/hrr/replay.h). The tally is counted from the ballots where the
 * store has them (yes, no, abstain, and absent members), else the official
 * one. Members: the body's members on the day in the store (memberships),
 * else its own rule set's size that year, or more if more states voted. Quorum is not replayed (who was in the room is not
 * recorded), and no tabling support is known, so China's 2007 tabling rule
 * is reported as not checked.
 */
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void hrr_replay_free(hrr_replay_t *r)
{
    if (!r) return;
    for (size_t i = 0; i < r->n; i++) {
        hrr_i_free(NULL, r->a[i].symbol);
        hrr_i_free(NULL, r->a[i].date);
        hrr_i_free(NULL, r->a[i].title);
    }
    hrr_i_free(NULL, r->a);
    hrr_rules_free(r->own);
    hrr_i_free(NULL, r);
}

/* How many states were members of BODY on DATE (memberships of org BODY,
 * the end date the first day no longer a member); 0 when the store has none. */
static hrr_err_t body_size(hrr_store_t *st, const char *body, const char *date, long *n)
{
    sqlite3_stmt *s;
    bool row;
    *n = 0;
    if (sqlite3_prepare_v2(st->db,
            "SELECT count(DISTINCT state_id) FROM memberships WHERE org=?1 AND start_date<=?2"
            " AND (end_date IS NULL OR end_date>?2)", -1, &s, NULL))
        return hrr_i_dberr(st, "counting members");
    sqlite3_bind_text(s, 1, body, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, date, -1, SQLITE_STATIC);
    hrr_err_t rc = hrr_i_step(st, s, &row);
    if (!rc && row) *n = (long)sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return rc;
}

hrr_err_t hrr_replay_run(hrr_store_t *st, const hrr_rules_t *rules,
                         const hrr_replay_opts_t *opts, hrr_replay_t **out)
{
    static const hrr_replay_opts_t none;
    hrr_rules_t *own = NULL;
    sqlite3_stmt *s = NULL;
    hrr_err_t rc = HRR_OK;
    size_t cap = 0;
    if (!opts) opts = &none;
    *out = NULL;
    const char *body = opts->body ? opts->body : hrr_rules_body(rules);
    hrr_replay_t *r = hrr_i_calloc(hrr_store_ctx(st), 1, sizeof *r);
    if (!r) return hrr_i_seterr(st, HRR_ENOMEM, "out of memory");
    if ((rc = hrr_body_default_rules(st, body, r->own_rules, sizeof r->own_rules))) goto out;
    if ((rc = hrr_rules_load(r->own_rules, &own, hrr_store_ctx(st))))
        goto out;
    if (sqlite3_prepare_v2(st->db,
            "SELECT coalesce(i.symbol,i.key), i.date, i.title, coalesce(t.iso3,''), i.scope,"
            " i.important, i.kind='motion', i.yes, i.no, i.abstain, b.y, b.n, b.a, b.absent"
            " FROM items i LEFT JOIN states t ON t.id=i.target_id"
            " LEFT JOIN (SELECT item_id, sum(vote=" HRR_SQL_YES ") y, sum(vote=" HRR_SQL_NO ") n,"
            "            sum(vote=" HRR_SQL_ABSTAIN ") a, sum(vote=" HRR_SQL_ABSENT ") absent"
            "            FROM ballots GROUP BY item_id) b ON b.item_id=i.id"
            " WHERE i.body=?1 AND (i.yes IS NOT NULL OR b.item_id IS NOT NULL)"
            "   AND (?2=0 OR CAST(substr(i.date,1,4) AS INTEGER)>=?2)"
            "   AND (?3=0 OR CAST(substr(i.date,1,4) AS INTEGER)<=?3)"
            "   AND (?4 IS NULL OR t.iso3=?4)"
            "   AND (?5=0 OR i.scope=CASE ?5 WHEN 1 THEN 'country' ELSE 'thematic' END)"
            " ORDER BY i.date, i.id", -1, &s, NULL)) {
        rc = hrr_i_dberr(st, "replaying");
        goto out;
    }
    sqlite3_bind_text(s, 1, body, -1, SQLITE_STATIC);
    sqlite3_bind_int(s, 2, opts->from);
    sqlite3_bind_int(s, 3, opts->to);
    if (opts->target) sqlite3_bind_text(s, 4, opts->target, -1, SQLITE_STATIC);
    sqlite3_bind_int(s, 5, opts->scope);
    bool row;
    while (!(rc = hrr_i_step(st, s, &row)) && row) {
        hrr_replay_item_t it;
        memset(&it, 0, sizeof it);
        const char *scope = (const char *)sqlite3_column_text(s, 4);
        it.scope = scope && strcmp(scope, "country") == 0 ? HRR_SCOPE_COUNTRY
                 : scope ? HRR_SCOPE_THEMATIC : HRR_SCOPE_UNKNOWN;
        it.from_ballots = sqlite3_column_type(s, 10) != SQLITE_NULL;
        int c = it.from_ballots ? 10 : 7;
        hrr_motion_t motion = sqlite3_column_int(s, 6) ? HRR_MOTION_NO_ACTION : HRR_MOTION_NONE;
        it.yes = sqlite3_column_int(s, c);
        it.no = sqlite3_column_int(s, c + 1);
        it.abstain = sqlite3_column_int(s, c + 2);
        long absent = it.from_ballots ? sqlite3_column_int(s, 13) : 0;
        const char *date = (const char *)sqlite3_column_text(s, 1);
        int year = date ? atoi(date) : 0;
        hrr_vote_in_t in = {it.yes, it.no, it.abstain, -1, -1, -1,
                            (hrr_item_scope_t)it.scope, motion,
                            sqlite3_column_int(s, 5), year};
        long voted = it.yes + it.no + it.abstain + absent;
        long m = hrr_rules_members(own, year), m2 = hrr_rules_members(rules, year);
        /* the body's own size that day: its members in the store, else its
         * own rules' size (a 47-member rule set on the 18-member Commission
         * of 1947 still counts 18) */
        long held = 0;
        if (date && (rc = body_size(st, body, date, &held))) goto out;
        m = m2 = held ? held : m;
        in.members = voted > m ? voted : m;
        if (hrr_rules_decide(own, &in, &it.own)) continue;
        in.members = voted > m2 ? voted : m2;
        if (hrr_rules_decide(rules, &in, &it.other)) continue;
        r->decided++;
        bool flip = it.own.outcome != it.other.outcome;
        if (flip) r->flipped++;
        if (opts->flips_only && !flip) continue;
        snprintf(it.target, sizeof it.target, "%s", (const char *)sqlite3_column_text(s, 3));
        it.symbol = hrr_i_strdup(hrr_store_ctx(st), (const char *)sqlite3_column_text(s, 0));
        it.date = hrr_i_strdup(hrr_store_ctx(st), date ? date : "");
        it.title = sqlite3_column_text(s, 2) ? hrr_i_strdup(hrr_store_ctx(st), (const char *)sqlite3_column_text(s, 2)) : NULL;
        if (r->n == cap) {
            size_t ncap = cap ? 2 * cap : 256;
            hrr_replay_item_t *a = hrr_i_realloc(hrr_store_ctx(st), r->a, ncap * sizeof *a);
            if (!a) {
                hrr_i_free(hrr_store_ctx(st), it.symbol), hrr_i_free(hrr_store_ctx(st), it.date), hrr_i_free(hrr_store_ctx(st), it.title);
                rc = hrr_i_seterr(st, HRR_ENOMEM, "out of memory");
                goto out;
            }
            r->a = a;
            cap = ncap;
        }
        r->a[r->n++] = it;
        if (!it.symbol || !it.date) {
            rc = hrr_i_seterr(st, HRR_ENOMEM, "out of memory");
            goto out;
        }
    }
out:
    sqlite3_finalize(s);
    r->own = own;
    if (rc) {
        hrr_replay_free(r);
        return rc;
    }
    *out = r;
    return HRR_OK;
}
