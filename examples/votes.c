/*
 * votes.c - a small program on the installed libhrr: open a store and print
 * the tally of one item, as counted from its ballots and as officially
 * recorded. Build it with pkg-config:
 *
 *   cc votes.c $(pkg-config --cflags --libs hrr) -o votes
 *   ./votes hrr.db A/HRC/RES/S-1/1
 *
 * or against libhrr.a: cc votes.c $(pkg-config --cflags --static --libs hrr)
 * with -l:libhrr.a in place of -lhrr (tests/cli/install.sh does both).
 */
#include <hrr.h>

#include <stdio.h>

int main(int argc, char **argv)
{
    hrr_store_t *st = NULL;
    hrr_votes_t *v = NULL;
    int code = 1;
    if (argc != 3) {
        fprintf(stderr, "usage: %s STORE SYMBOL\n", argv[0]);
        return 2;
    }
    if (hrr_store_open(argv[1], HRR_OPEN_READONLY, &st) != HRR_OK) {
        fprintf(stderr, "votes: %s\n", hrr_store_errmsg(st));
        goto out;
    }
    if (hrr_votes_get(st, argv[2], 0, &v) != HRR_OK) {
        fprintf(stderr, "votes: %s\n", hrr_store_errmsg(st));
        goto out;
    }
    for (size_t i = 0; i < v->n; i++) { /* a symbol may name several items */
        const hrr_item_votes_t *iv = &v->items[i];
        const hrr_tally_t *t = &iv->counted;
        printf("%s (%s, %s): %ld yes, %ld no, %ld abstain, %ld absent", iv->item.key,
               iv->item.body, iv->item.date ? iv->item.date : "undated", t->yes, t->no,
               t->abstain, t->absent);
        if (iv->item.yes >= 0)
            printf("; official %ld-%ld-%ld", iv->item.yes, iv->item.no, iv->item.abstain);
        printf("\n");
    }
    code = 0;
out:
    hrr_votes_free(v);
    hrr_store_close(st);
    return code;
}
