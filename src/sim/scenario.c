/*
 * scenario.c - the simulation's parameters: one table (name, type, range,
 * meaning, source, whether the records identify it), the baseline's values,
 * and the loader of scenario files (JSON, jansson): "base" names a file
 * beside it whose values this one overrides, "params" sets values by name.
 * Every error names the file, the field and the allowed values or range.
 */
#include "simi.h"

#include <jansson.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

enum { T_INT, T_DBL, T_BOOL, T_STR };

#define OFF(f) offsetof(hrr_sim_params_t, f)

static const struct param {
    const char *name;   /* the key in "params" */
    int type;           /* T_* */
    size_t off;         /* where in hrr_sim_params_t */
    double lo, hi;      /* allowed range (numbers) */
    double def;         /* the baseline's value (numbers and switches) */
    double slo, shi;    /* sensitivity range (slo == shi: none) */
    int identified;     /* 1 calibrated on the records, 0 an assumption */
    const char *about;  /* meaning */
    const char *source; /* where the value comes from */
} k_params[] = {
    {"start_year", T_INT, OFF(start_year), 2006, 2030, 2006, 0, 0, 1,
     "first simulated year (from January 1; members as recorded that day)",
     "the Council's first session, June 2006 (A/RES/60/251)"},
    {"start_date", T_INT, OFF(start_date), 0, 20301231, 0, 0, 0, 1,
     "first simulated day as YYYYMMDD (0: January 1 of start_year; hrr simulate --from YYYY-MM-DD): the members, ideal points and history of that day, the sessions opening after it",
     "the Council's first day, 19 June 2006 (A/RES/60/251), is the earliest"},
    {"years", T_INT, OFF(years), 1, 50, 19, 0, 0, 1, "years simulated", "2006-2024, the years with Council votes in the store"},
    {"calib_from", T_INT, OFF(calib_from), 2006, 2030, 2006, 0, 0, 1,
     "first year of the calibration window", "the records (HRC votes 2006-)"},
    {"calib_to", T_INT, OFF(calib_to), 2006, 2030, 2021, 0, 0, 1,
     "last year of the calibration window; the forecast model learns from votes before it ends",
     "the issue: calibrate on 2006-2021, validate on 2022-2024"},
    {"recorded_agenda", T_BOOL, OFF(recorded_agenda), 0, 1, 1, 0, 0, 1,
     "1: in years the store has votes for, the drafts are the recorded ones (each still tabled or not by its sponsors); 0: drafts drawn from the rates of the last six calibration years",
     "the records"},
    {"thematic_mult", T_DBL, OFF(thematic_mult), 0, 5, 1, 0.7, 1.3, 1,
     "multiplier of the recorded rate of each thematic text", "1: the recorded rates"},
    {"country_mult", T_DBL, OFF(country_mult), 0, 5, 1, 0.7, 1.3, 1,
     "multiplier of the recorded rate of each country text", "1: the recorded rates"},
    {"amend_mult", T_DBL, OFF(amend_mult), 0, 5, 1, 0.7, 1.3, 1,
     "multiplier of the recorded rate of hostile amendments", "1: the recorded rates"},
    {"year_sd", T_DBL, OFF(year_sd), 0, 2, 0.35, 0.1, 0.6, 1,
     "sd of a year's common log-rate factor of drafts (years busier or quieter than the rates)",
     "sd of log recorded votes per year around the six-year mean, HRC 2011-2021 (0.3-0.4)"},
    {"logit_scale", T_DBL, OFF(logit_scale), 0.5, 4, 2, 1.5, 2.5, 1,
     "factor on every logit of the forecast model in a run (1: as fitted): a run's own ballots are noisier predecessors than the recorded ones, which flattens its votes",
     "calibrated on 2006-2021: the value whose mean margin of country texts matches the recorded one (docs/simulation.md)"},
    {"shock", T_DBL, OFF(shock), 0, 3, 0.5, 0.2, 1.0, 0,
     "sd of each vote's common shift of every member's yes-against-no log odds (blocs moving together)",
     "hrr forecast's default --shock (docs/forecast.md); not identified"},
    {"anticipation", T_BOOL, OFF(anticipation), 0, 1, 1, 0, 0, 0,
     "sponsors table a country text only when they expect it to carry under the rules (and to have the support to table it)",
     "the seed interview (sponsors count votes before tabling); the records show no country text lost at the Council"},
    {"table_margin", T_DBL, OFF(table_margin), -0.2, 0.5, 0, -0.1, 0.1, 0,
     "expected yes over the threshold, as a share of the members, that sponsors ask for before tabling",
     "assumption: 0 (table when expected to carry)"},
    {"amendments", T_BOOL, OFF(amendments), 0, 1, 1, 0, 0, 1,
     "hostile amendments are moved on texts", "the records: 435 recorded amendment votes 2006-2024"},
    {"no_action", T_BOOL, OFF(no_action), 0, 1, 1, 0, 0, 0,
     "targets of country texts may move a no-action motion", "rules/hrc.json: the motion of the General Assembly's committee rules (A/520/Rev.20) through A/RES/60/251 para 11"},
    {"p_no_action", T_DBL, OFF(p_no_action), 0, 1, 0.01, 0, 0.05, 0,
     "chance that a targeted state moves a no-action motion on a text expected to carry",
     "assumption: the store records no no-action motion among the 257 country texts voted 2006-2024 (0.01 is under the rule-of-three bound 3/257); not identified"},
    {"lobbying", T_BOOL, OFF(lobbying), 0, 1, 1, 0, 0, 0,
     "the targeted state lobbies the swing states (yes between 0.25 and 0.75)",
     "the seed interview (China's lobbying in Geneva)"},
    {"lobby_strength", T_DBL, OFF(lobby_strength), 0, 3, 0.3, 0, 0.8, 0,
     "log odds moved from yes to abstain for a lobbied swing state", "assumption; not identified"},
    {"lmg", T_BOOL, OFF(lmg), 0, 1, 1, 0, 0, 0,
     "Like Minded Group members pull toward the group's expected majority", "the seed interview (the LMG forming in the 1990s)"},
    {"lmg_pull", T_DBL, OFF(lmg_pull), 0, 4, 1.5, 1.0, 2.0, 1,
     "log odds added to the group's expected majority ballot for each member",
     "calibrated on 2006-2021: the value whose mean LMG cohesion matches the recorded 0.861 (docs/simulation.md)"},
    {"lmg_balance", T_DBL, OFF(lmg_balance), 0, 5, 1, 0, 2, 0,
     "how the pull grows with the group's share of the Council above its 2006-2021 mean (pull x (1 + b x excess / mean))",
     "assumption; not identified"},
    {"image", T_BOOL, OFF(image), 0, 1, 1, 0, 0, 1,
     "China's image sensitivity restrains hostile amendments (and motions) of its group", "the seed interview (\"face\"; low profile before 2013)"},
    {"image_before", T_DBL, OFF(image_before), 0, 1, 0.975, 0.9, 1.0, 1,
     "image sensitivity before the change year: hostile amendments run at (1 - image) of the rate of full assertiveness",
     "the records: 7 amendment votes 2006-2012 (1 a year) against 40 a year 2014-2021: 1 - 1/40"},
    {"image_after", T_DBL, OFF(image_after), 0, 1, 0, 0, 0.3, 1,
     "image sensitivity from the change year on", "the records: the rate of 2014-2021 is the reference (0)"},
    {"image_year", T_INT, OFF(image_year), 2006, 2100, 2013, 0, 0, 1,
     "the year China's image sensitivity falls (2100: never)", "the seed interview (Xi Jinping, 2013); the records (9 amendments in 2013, 24 in 2014)"},
    {"elections", T_BOOL, OFF(elections), 0, 1, 1, 0, 0, 1,
     "annual elections by regional group (0: the starting members stay)", "A/RES/60/251 paragraph 7"},
    {"p_contested", T_DBL, OFF(p_contested), 0, 1, 0.025, 0, 0.2, 1,
     "chance that a group's slate has one candidate more than its seats",
     "the store's elections table: 2 contested slates recorded 2006-2021 (2016 EEG, 2020 Asia-Pacific) of 80 group elections (16 years x 5 groups); the table is incomplete, so this is a floor"},
    {"no_candidates_under_res", T_BOOL, OFF(no_candidates_under_res), 0, 1, 0, 0, 0, 0,
     "states targeted by a country text in the three years before may not stand", "the what-if of the issue"},
    {"us_engagement", T_BOOL, OFF(us_engagement), 0, 1, 1, 0, 0, 1,
     "the United States stands only in its periods of engagement (0: it stands whenever eligible, never leaves)",
     "the records: not a candidate 2006, elected 2009, left June 2018, elected October 2021, left 2025"},
    {"us_leave_2018", T_BOOL, OFF(us_leave_2018), 0, 1, 1, 0, 0, 1, "the United States leaves the Council in June 2018 (its seat to another WEOG state)",
     "the store's Council memberships (the US term ends in June 2018; the announcement of 19 June 2018); its seat went to another WEOG state (Iceland, elected by the Assembly in July 2018)"},
    {"us_return_2022", T_BOOL, OFF(us_return_2022), 0, 1, 1, 0, 0, 1, "the United States stands again from the October 2021 election",
     "the store's Council memberships (a US term from 2022, after the Assembly's election of October 2021)"},
    {"us_leave_2025", T_BOOL, OFF(us_leave_2025), 0, 1, 1, 0, 0, 1, "the United States leaves again in 2025 (does not stand, takes no part)",
     "the US announcement of February 2025 that it would not take part (its term had ended in 2024; it did not stand in October 2024)"},
    {"us_tabling_lift", T_DBL, OFF(us_tabling_lift), 0, 1, 0, 0, 0.2, 0,
     "country texts' rates are 1 + lift times higher when the United States is a member",
     "assumption: 0 (2018-2021 without it saw 18-21 country votes a year, as many as before)"},
    {"special", T_BOOL, OFF(special), 0, 1, 1, 0, 0, 1,
     "special sessions: recorded ones with the recorded agenda, crises at the calibrated rate beyond it; convened when enough members are expected to support a text on the target",
     "A/RES/60/251 para 10; the store's HRC items of sessions S-1 to S-36"},
    {"special_share", T_DBL, OFF(special_share), 0, 1, 0, 0, 0, 1,
     "share of the members who must be expected to support (P(yes) > 0.5 on a text on the target) for a special session to be convened (0: the rule set's special_session share)",
     "A/RES/60/251 para 10 (one third of the membership): rules/hrc.json special_session"},
    {"special_mult", T_DBL, OFF(special_mult), 0, 5, 1, 0.5, 1.5, 1,
     "multiplier of the calibrated rate of crises (special sessions requested a year, calibration window) beyond the recorded agenda",
     "1: the store's special sessions 2006-2021 (33 in 16 years)"},
    {"suspension", T_BOOL, OFF(suspension), 0, 1, 1, 0, 0, 1,
     "the Assembly may suspend a member (recorded suspensions with the recorded agenda; beyond it, after a special session's resolution adopted by two thirds against a sitting member)",
     "A/RES/60/251 para 8; A/RES/65/265 (Libya, 1 March 2011); A/RES/ES-11/3 (Russian Federation, 7 April 2022, 93-24-58)"},
    {"p_suspension_motion", T_DBL, OFF(p_suspension_motion), 0, 1, 0.5, 0, 1, 0,
     "chance that a sitting member targeted by a special session's resolution adopted by two thirds of yes and no faces a suspension vote in the Assembly",
     "assumption: 1 motion (Libya after S-15, A/RES/65/265) of the 2 sitting members a special session targeted 2006-2021 (Libya 2011; Sudan, S-32, 2021); two cases identify little"},
    /* the rest of the machinery (src/sim/machinery.c) */
    {"upr", T_BOOL, OFF(upr), 0, 1, 1, 0, 0, 1,
     "the Universal Periodic Review's yearly cycle: the states under review, their recommendations, the share from allies and the share supported",
     "the store's upr_recommendations (UPR Info's export of Working Group sessions 1-27, April 2008 - May 2017); A/HRC/RES/5/1 annex (the review)"},
    {"upr_calib_to", T_INT, OFF(upr_calib_to), 2008, 2017, 2014, 0, 0, 1,
     "last year of the UPR's calibration (recommendations per review, allies' odds, shares supported); the years after it to 2016 are out of sample",
     "the records end with session 27 (May 2017): calibrate on 2008-2014, validate on 2015-2016"},
    {"upr_recruit", T_BOOL, OFF(upr_recruit), 0, 1, 1, 0, 0, 1,
     "states targeted by a country text in the three years before get their allies' recommendations with the odds the records give targeted states (0: the others' odds)",
     "the records: 2008-2014, targeted states' odds of an ally's recommendation (against their allies' weight) are lower than the others': no sign of recruiting (docs/simulation.md)"},
    {"upr_mult", T_DBL, OFF(upr_mult), 0, 5, 1, 0.7, 1.3, 1,
     "multiplier of the recommendations per review", "1: the calibration years' mean per review in each cycle"},
    {"ratify", T_BOOL, OFF(ratify), 0, 1, 1, 0, 0, 1,
     "treaty ratifications: each state not yet party ratifies each of the 18 instruments with the yearly hazard of its regime class",
     "the store's ratifications (the UN Treaty Collection's status, mid-2022; year only) and regime_scores (V-Dem polyarchy, Freedom House)"},
    {"ratify_mult", T_DBL, OFF(ratify_mult), 0, 5, 1, 0.7, 1.3, 1,
     "multiplier of the ratification hazards", "1: the hazards of the calibration window"},
    {"concessions", T_BOOL, OFF(concessions), 0, 1, 1, 0, 0, 0,
     "a target whose image sensitivity is at least concession_cut may concede (accept a visit, cooperate), which lowers the text's support",
     "the seed interview (\"face\": \"certain prisoners being released ... so that a resolution would not be introduced\", before 2013); the records have no concessions"},
    {"image_target", T_DBL, OFF(image_target), 0, 1, 0.5, 0, 1, 0,
     "image sensitivity of the targets of country texts other than China (China's: image_before and image_after)",
     "assumption; not identified"},
    {"concession_cut", T_DBL, OFF(concession_cut), 0, 1, 0.5, 0, 0, 0,
     "image sensitivity from which a target concedes", "assumption; not identified"},
    {"p_concession", T_DBL, OFF(p_concession), 0, 1, 0.05, 0, 0.2, 0,
     "chance that an image-sensitive target concedes on a country text before the sponsors decide to table it",
     "assumption; not identified (the recorded agenda already holds the texts that survived real concessions, so it is small)"},
    {"concession_effect", T_DBL, OFF(concession_effect), 0, 3, 0.3, 0, 0.8, 0,
     "log odds of yes every member but the target loses on the text after a concession", "assumption; not identified"},
    {"joint_statements", T_BOOL, OFF(joint_statements), 0, 1, 1, 0, 0, 0,
     "a target of a country text put to the vote recruits its allies for a joint counter-statement",
     "the issue (recruiting allies for joint statements); not in the seed interview; the store has no joint statements"},
    {"p_joint", T_DBL, OFF(p_joint), 0, 1, 0.5, 0.2, 0.8, 0,
     "chance of a joint statement on a country text voted, times (1 - the target's image sensitivity)",
     "assumption; not identified"},
    {"joint_reach", T_DBL, OFF(joint_reach), 0, 5, 1, 0, 2, 0,
     "non-members signing per member expected to vote no", "assumption; not identified"},
    {"trade", T_BOOL, OFF(trade), 0, 1, 1, 0, 0, 0,
     "states dependent on China's trade and aid (assumed: the African, Asia-Pacific and GRULAC groups) vote yes less on texts against China",
     "the issue (the leverage of trade); the store has no trade data: not calibrated"},
    {"trade_pull", T_DBL, OFF(trade_pull), 0, 3, 0.5, 0, 1, 0,
     "log odds of yes a dependent state loses on a text against China", "assumption; not identified"},
    {"visits", T_BOOL, OFF(visits), 0, 1, 1, 0, 0, 0,
     "special procedures visit the states targeted in the three years before (and China); a visit is information reaching the Council",
     "the seed interview (visits must be invited; China sits on requests); the store's engagement table holds China's visits only"},
    {"visit_rate", T_DBL, OFF(visit_rate), 0, 1, 0.25, 0.1, 0.5, 0,
     "a targeted state's yearly chance of a special procedure's visit",
     "China's rate, assumed for every target: 4 visits 2006-2021 in the store's engagement table (A/HRC/19/59/Add.1, A/HRC/26/39/Add.2, A/HRC/35/26/Add.2, A/HRC/45/14/Add.1)"},
    {"report_rate", T_DBL, OFF(report_rate), 0, 1, 0.5, 0.2, 0.8, 0,
     "a targeted state's yearly chance of a treaty-body review (it reports to one of its treaties)",
     "assumption (China's record: 9 reviews 2006-2021 in the store's engagement table, under 0.6 a year); not identified"},
    {"aligned_experts", T_BOOL, OFF(aligned_experts), 0, 1, 1, 0, 0, 0,
     "government-aligned experts on a treaty body void a review's information", "the seed interview (treaty-body experts on the Chinese foreign ministry's payroll, softball questions to allies); the store has no experts' records"},
    {"p_aligned", T_DBL, OFF(p_aligned), 0, 1, 0.2, 0, 0.5, 0,
     "chance that a review's committee is dominated by government-aligned experts", "assumption; not identified"},
    {"ngo_deferrals", T_BOOL, OFF(ngo_deferrals), 0, 1, 1, 0, 0, 0,
     "the NGO Committee defers the accreditation of NGOs working on a targeted state, whose information does not reach the Council",
     "the issue; the store has no NGO Committee records"},
    {"p_ngo_defer", T_DBL, OFF(p_ngo_defer), 0, 1, 0.4, 0.1, 0.7, 0,
     "a targeted state's yearly chance that its NGOs' accreditation is deferred", "assumption; not identified"},
    {"info_lift", T_DBL, OFF(info_lift), 0, 3, 0.2, 0, 0.5, 0,
     "log odds of yes on a country text per unit of information on its target (visit, review, NGOs), above the baseline's expected information",
     "assumption; not identified (centred: the baseline's votes keep their calibration)"},
};
#define NPARAM ((int)(sizeof k_params / sizeof k_params[0]))

int hrr_sim_param_count(void) { return NPARAM; }
const char *hrr_sim_param_name(int i) { return i >= 0 && i < NPARAM ? k_params[i].name : NULL; }
const char *hrr_sim_param_about(int i) { return i >= 0 && i < NPARAM ? k_params[i].about : NULL; }
const char *hrr_sim_param_source(int i) { return i >= 0 && i < NPARAM ? k_params[i].source : NULL; }
int hrr_sim_param_identified(int i) { return i >= 0 && i < NPARAM ? k_params[i].identified : 0; }

const char *hrr_sim_param_range(int i)
{
    static char buf[NPARAM][64];
    if (i < 0 || i >= NPARAM) return NULL;
    const struct param *q = &k_params[i];
    if (q->type == T_BOOL) return "true or false";
    if (q->type == T_STR) return "a rule set name or file";
    if (!buf[i][0]) {
        if (q->type == T_INT) snprintf(buf[i], sizeof buf[i], "an integer in [%.10g, %.10g]", q->lo, q->hi);
        else snprintf(buf[i], sizeof buf[i], "a number in [%.10g, %.10g]", q->lo, q->hi);
    }
    return buf[i];
}

double hrr_sim_param_get(const hrr_sim_params_t *p, int i)
{
    const char *b = (const char *)p + k_params[i].off;
    switch (k_params[i].type) {
    case T_DBL: return *(const double *)(const void *)b;
    case T_INT:
    case T_BOOL: return *(const int *)(const void *)b;
    default: return NAN;
    }
}

void hrr_sim_param_set(hrr_sim_params_t *p, int i, double v)
{
    const struct param *q = &k_params[i];
    char *b = (char *)p + q->off;
    if (v < q->lo) v = q->lo;
    if (v > q->hi) v = q->hi;
    if (q->type == T_DBL) *(double *)(void *)b = v;
    else if (q->type != T_STR) *(int *)(void *)b = (int)lround(v);
}

int hrr_sim_param_span(int i, double *lo, double *hi)
{
    if (i < 0 || i >= NPARAM || k_params[i].slo >= k_params[i].shi) return 0;
    *lo = k_params[i].slo;
    *hi = k_params[i].shi;
    return 1;
}

void hrr_sim_params_default(hrr_sim_params_t *p)
{
    memset(p, 0, sizeof *p);
    snprintf(p->name, sizeof p->name, "baseline");
    snprintf(p->rules, sizeof p->rules, "hrc");
    for (int i = 0; i < NPARAM; i++)
        if (k_params[i].type != T_STR) hrr_sim_param_set(p, i, k_params[i].def);
}

/* Set P from the "params" object O of FILE. */
static hrr_err_t set_params(const char *file, json_t *o, hrr_sim_params_t *p, hrr_ctx_t *ctx)
{
    const char *key;
    json_t *v;
    json_object_foreach(o, key, v) {
        if (!strcmp(key, "rules")) {
            if (!json_is_string(v) || !json_string_length(v) || json_string_length(v) >= sizeof p->rules)
                return hrr_i_ctx_seterr(ctx, HRR_EDATA, "%s: field 'params.rules': expected a rule set name (hrr rules list) or a .json file, under 64 characters", file);
            snprintf(p->rules, sizeof p->rules, "%s", json_string_value(v));
            continue;
        }
        int i = 0;
        while (i < NPARAM && strcmp(k_params[i].name, key)) i++;
        if (i == NPARAM) {
            char names[2048];
            size_t n = (size_t)snprintf(names, sizeof names, "rules");
            for (int k = 0; k < NPARAM && n < sizeof names; k++)
                n += (size_t)snprintf(names + n, sizeof names - n, ", %s", k_params[k].name);
            return hrr_i_ctx_seterr(ctx, HRR_EDATA, "%s: unknown field 'params.%s' (allowed: %s)", file, key, names);
        }
        const struct param *q = &k_params[i];
        double x;
        if (q->type == T_BOOL) {
            if (!json_is_boolean(v))
                return hrr_i_ctx_seterr(ctx, HRR_EDATA, "%s: field 'params.%s': expected true or false", file, key);
            x = json_is_true(v);
        } else {
            if (!json_is_number(v) || (q->type == T_INT && !json_is_integer(v)))
                return hrr_i_ctx_seterr(ctx, HRR_EDATA, "%s: field 'params.%s': expected %s", file, key,
                                        hrr_sim_param_range(i));
            x = json_number_value(v);
            if (!(x >= q->lo && x <= q->hi))
                return hrr_i_ctx_seterr(ctx, HRR_EDATA, "%s: field 'params.%s': %g is out of range (expected %s)",
                                        file, key, x, hrr_sim_param_range(i));
        }
        hrr_sim_param_set(p, i, x);
    }
    return HRR_OK;
}

static hrr_err_t load(const char *path, hrr_sim_params_t *p, hrr_ctx_t *ctx, int depth)
{
    json_error_t je;
    hrr_err_t rc = HRR_OK;
    json_t *j = json_load_file(path, JSON_REJECT_DUPLICATES, &je);
    if (!j) {
        FILE *f = fopen(path, "r");
        if (!f) return hrr_i_ctx_seterr(ctx, HRR_EIO, "%s: cannot read the scenario", path);
        fclose(f);
        return hrr_i_ctx_seterr(ctx, HRR_EDATA, "%s:%d: not valid JSON: %s", path, je.line, je.text);
    }
    if (!json_is_object(j)) {
        rc = hrr_i_ctx_seterr(ctx, HRR_EDATA, "%s: expected an object with \"name\", \"about\", \"base\", \"params\"", path);
        goto out;
    }
    const char *key;
    json_t *v;
    json_object_foreach(j, key, v) {
        if (strcmp(key, "name") && strcmp(key, "about") && strcmp(key, "base") && strcmp(key, "params")) {
            rc = hrr_i_ctx_seterr(ctx, HRR_EDATA, "%s: unknown field '%s' (allowed: name, about, base, params)", path, key);
            goto out;
        }
    }
    json_t *base = json_object_get(j, "base"), *name = json_object_get(j, "name"),
           *about = json_object_get(j, "about"), *params = json_object_get(j, "params");
    if (name && (!json_is_string(name) || !json_string_length(name) || json_string_length(name) >= sizeof p->name)) {
        rc = hrr_i_ctx_seterr(ctx, HRR_EDATA, "%s: field 'name': expected a string of 1 to 63 characters", path);
        goto out;
    }
    if (about && !json_is_string(about)) {
        rc = hrr_i_ctx_seterr(ctx, HRR_EDATA, "%s: field 'about': expected a string", path);
        goto out;
    }
    if (params && !json_is_object(params)) {
        rc = hrr_i_ctx_seterr(ctx, HRR_EDATA, "%s: field 'params': expected an object {name: value}", path);
        goto out;
    }
    if (base) {
        if (!json_is_string(base) || !json_string_length(base) || strchr(json_string_value(base), '/')) {
            rc = hrr_i_ctx_seterr(ctx, HRR_EDATA, "%s: field 'base': expected the name of a scenario file beside it (\"baseline.json\")", path);
            goto out;
        }
        if (depth >= 8) {
            rc = hrr_i_ctx_seterr(ctx, HRR_EDATA, "%s: field 'base': more than 8 bases (a cycle?)", path);
            goto out;
        }
        char bpath[4096];
        const char *slash = strrchr(path, '/');
        int dn = slash ? (int)(slash - path + 1) : 0;
        if (snprintf(bpath, sizeof bpath, "%.*s%s", dn, path, json_string_value(base)) >= (int)sizeof bpath) {
            rc = hrr_i_ctx_seterr(ctx, HRR_EDATA, "%s: field 'base': path too long", path);
            goto out;
        }
        if ((rc = load(bpath, p, ctx, depth + 1))) goto out;
    } else {
        hrr_sim_params_default(p);
    }
    if (name) snprintf(p->name, sizeof p->name, "%s", json_string_value(name));
    else if (!base) snprintf(p->name, sizeof p->name, "%s", "unnamed");
    if (params && (rc = set_params(path, params, p, ctx))) goto out;
    if (p->start_date) { /* a day: its year is the start year */
        char day[16];
        int y, d;
        snprintf(day, sizeof day, "%04d-%02d-%02d", p->start_date / 10000, p->start_date / 100 % 100, p->start_date % 100);
        if (hrr_sim_parse_from(day, &y, &d) || d != p->start_date || y < 2006) {
            rc = hrr_i_ctx_seterr(ctx, HRR_EDATA, "%s: field 'params.start_date': %d is not a day YYYYMMDD from 20060619 (or 0)",
                                  path, p->start_date);
            goto out;
        }
        p->start_year = y;
    }
    if (p->calib_to < p->calib_from) {
        rc = hrr_i_ctx_seterr(ctx, HRR_EDATA, "%s: field 'params.calib_to': %d is before calib_from %d", path,
                              p->calib_to, p->calib_from);
        goto out;
    }
out:
    json_decref(j);
    return rc;
}

hrr_err_t hrr_sim_scenario_load(const char *path, hrr_sim_params_t *p, hrr_ctx_t *ctx)
{
    hrr_sim_params_t t;
    hrr_err_t rc = load(path, &t, ctx, 0);
    if (!rc) *p = t;
    return rc;
}
