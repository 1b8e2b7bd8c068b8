/*
 * sponsor.h - a sponsor as the UN's records write it ("Egypt (on behalf of
 * the Group of African States)"): the state's name, the group acted for
 * and the note, shared by the importers that store sponsors and the
 * forecast that reads sponsors given by name.
 */
#ifndef HRR_SPONSOR_H
#define HRR_SPONSOR_H

#include <stddef.h>

typedef struct hrr_i_sponsor_name {
    char who[512];      /* the state's name, "on behalf of ..." cut off */
    char note[512];     /* "on behalf of the ...[, except ...]" or "" */
    const char *grp;    /* the group acted for: a code of data/groups.csv or
                           of a regional group (EU, OIC, LMG, AFRICAN,
                           GRULAC), else the name as written (grpbuf);
                           NULL when none or "a group of States" */
    char grpbuf[256];
} hrr_i_sponsor_name_t;

/* Split TOK, one sponsor as written, and EXCEPT ("except Albania", may be
 * "" or NULL: the piece that followed it after a comma) into OUT. */
void hrr_i_sponsor_parse(const char *tok, const char *except, hrr_i_sponsor_name_t *out);

#endif
