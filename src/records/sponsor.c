/*
 * sponsor.c - one sponsor as written, split into the state, the group it
 * acts for and the note (sponsor.h).
 */
#define _GNU_SOURCE /* strcasestr */
#include "sponsor.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Groups the records act for "on behalf of", by the start of their name:
 * the codes of data/groups.csv (EU, OIC, LMG) and of the regional groups
 * of states.csv (un_group). The rest keep the name as written. */
static const struct { const char *prefix, *code; } k_groups[] = {
    {"european union", "EU"},
    {"organization of islamic cooperation", "OIC"},
    {"organization of the islamic conference", "OIC"},
    {"oic", "OIC"},
    {"like-minded group", "LMG"},
    {"group of african states", "AFRICAN"},
    {"african group", "AFRICAN"},
    {"group of latin american and caribbean states", "GRULAC"},
    {"grulac", "GRULAC"},
};

/* The group code for what follows "on behalf of" (G, "the " stripped):
 * a code, the name as written for a named group, NULL for "a group of ...". */
static const char *group_code(const char *g, char *buf, size_t n)
{
    if (strncasecmp(g, "a group", 7) == 0 || strncasecmp(g, "group of states", 15) == 0)
        return NULL;
    for (size_t i = 0; i < sizeof k_groups / sizeof *k_groups; i++)
        if (strncasecmp(g, k_groups[i].prefix, strlen(k_groups[i].prefix)) == 0)
            return k_groups[i].code;
    /* "Gulf Cooperation Council, except ..." -> the group's name alone */
    size_t k = strcspn(g, ",(");
    while (k && g[k - 1] == ' ') k--;
    snprintf(buf, n, "%.*s", (int)k, g);
    return buf;
}

void hrr_i_sponsor_parse(const char *tok, const char *except, hrr_i_sponsor_name_t *out)
{
    if (!except) except = "";
    out->note[0] = 0;
    out->grp = NULL;
    snprintf(out->who, sizeof out->who, "%s", tok);
    char *ob = strcasestr(out->who, "on behalf of");
    if (ob) {
        const char *g = ob + 12;
        while (*g == ' ') g++;
        char gbuf[512];
        snprintf(gbuf, sizeof gbuf, "%s", g);
        size_t gl = strlen(gbuf);
        while (gl && (gbuf[gl - 1] == ')' || gbuf[gl - 1] == ' ')) gbuf[--gl] = 0;
        snprintf(out->note, sizeof out->note, "on behalf of %.*s%s%.*s", 250, gbuf, *except ? ", " : "",
                 200, except);
        const char *gn = strncasecmp(gbuf, "the ", 4) == 0 ? gbuf + 4 : gbuf;
        out->grp = group_code(gn, out->grpbuf, sizeof out->grpbuf);
        /* the state's name ends before "(on behalf" or "on behalf" */
        *ob = 0;
        size_t k = strlen(out->who);
        while (k && (out->who[k - 1] == ' ' || out->who[k - 1] == '(' || out->who[k - 1] == ','))
            out->who[--k] = 0;
    }
}
