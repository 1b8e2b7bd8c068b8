#!/bin/bash
# lint.sh - no sqlite3_step whose failure could read as "no row".
#
# Outside src/store/ (whose hrr_i_step, hrr_i_step_done and hrr_i_step_each
# are the one checked way to step a statement, see src/store/store.h) a
# direct sqlite3_step( is allowed in two forms only, both of which treat a
# BUSY, an I/O error or a corrupt page as an error:
#   - compared at once, with !=, to the one result expected, so that anything
#     else is the error branch:  if (sqlite3_step(s) != SQLITE_DONE) (or
#     != SQLITE_ROW where a row must be there);
#   - assigned to a variable that one of the next 4 lines (or the same line)
#     compares with SQLITE_DONE (== or !=), or with != SQLITE_ROW:
#         int src = sqlite3_step(s);
#         sqlite3_finalize(s);
#         if (src != SQLITE_DONE) return hrr_imp_dberr(imp, "...");
# Anything else, above all `while (sqlite3_step(s) == SQLITE_ROW)` and
# `if (sqlite3_step(s) == SQLITE_ROW && ...)`, fails naming file:line: step it
# with hrr_i_step (or hrr_imp_step in src/import/) instead.
set -u
SRC=${HRR_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$SRC" || exit 1

find src -type f \( -name '*.c' -o -name '*.h' \) -not -path 'src/store/*' -print0 |
    sort -z | xargs -0 awk '
    # a file is read whole, then its step calls are judged (plain awk: no ENDFILE)
    function judge(   i, j, t, u, v, ok) {
        for (i = 1; i <= nl; i++) {
            t = line[i]
            if (t !~ /sqlite3_step[ \t]*\(/) continue
            if (t ~ /^[ \t]*(\/\*|\*|\/\/)/) continue          # a comment
            nsteps++
            if (t ~ /sqlite3_step[ \t]*\([^()]*\)[ \t]*!=[ \t]*SQLITE_(DONE|ROW)/) continue
            if (match(t, /[A-Za-z_][A-Za-z_0-9]*[ \t]*=[ \t]*sqlite3_step[ \t]*\(/)) {
                v = substr(t, RSTART, RLENGTH)
                sub(/[ \t]*=.*/, "", v)
                ok = 0
                for (j = i; j <= i + 4 && j <= nl; j++) {
                    u = line[j]
                    if (j == i) u = substr(u, RSTART + RLENGTH)
                    if (u ~ ("(^|[^A-Za-z_0-9])" v "[ \t]*([!=]=[ \t]*SQLITE_DONE|!=[ \t]*SQLITE_ROW)")) ok = 1
                }
                if (ok) continue
            }
            nbad++
            printf "%s:%d: unchecked sqlite3_step (a failure would read as no row): use hrr_i_step or compare with SQLITE_DONE\n", file, i > "/dev/stderr"
        }
    }
    FNR == 1 { if (NR > 1) judge(); file = FILENAME; nl = 0 }
    { line[FNR] = $0; nl = FNR }
    END {
        if (NR > 0) judge()
        printf "lint: %d sqlite3_step calls outside src/store/, %d unchecked\n", nsteps, nbad
        exit nbad > 0
    }'
