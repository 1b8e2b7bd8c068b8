#!/usr/bin/env bash
# cases.sh - the usage errors of every subcommand, from tests/cli/cases/*.txt
# (jq's way: the cases are data). Each case is three lines: the arguments
# (shell words), the expected exit code, and a substring stderr must hold
# (empty: not checked); cases are separated by blank lines, '#' lines are
# comments. No real data: a fresh empty store stands in where a command
# reads the bodies it knows.
HRR=${HRR:?set HRR to the hrr binary}
SRC=${HRR_SOURCE_DIR:?set HRR_SOURCE_DIR to the source tree}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
export HRR_DB="$tmp/empty.db"
"$HRR" check >/dev/null 2>&1 # creates the empty store, with its bodies

n=0 nfail=0
run_case() { # FILE ARGS CODE MSG
    local args=$2 want=$3 msg=$4 rc
    n=$((n + 1))
    eval "set -- $args"
    "$HRR" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    rc=$?
    if [ "$rc" != "$want" ]; then
        echo "FAIL ($1): hrr $args: exit $rc, want $want; stderr: $(cat "$tmp/err")"
        nfail=$((nfail + 1))
    elif [ -n "$msg" ] && ! grep -qF -- "$msg" "$tmp/err"; then
        echo "FAIL ($1): hrr $args: stderr lacks '$msg': $(cat "$tmp/err")"
        nfail=$((nfail + 1))
    fi
}

for f in "$SRC"/tests/cli/cases/*.txt; do
    block=()
    while IFS= read -r line || [ -n "$line" ]; do
        case $line in \#*) continue ;; esac
        if [ -z "$line" ] && [ ${#block[@]} -lt 2 ]; then block=(); continue; fi
        block+=("$line")
        if [ ${#block[@]} = 3 ]; then
            run_case "$(basename "$f")" "${block[0]}" "${block[1]}" "${block[2]}"
            block=()
        fi
    done <"$f"
    # a case whose message line is empty ends at the blank line or EOF
    [ ${#block[@]} = 2 ] && run_case "$(basename "$f")" "${block[0]}" "${block[1]}" ""
done
# the bodies a missing --body lists come from the store
run_case store "agree" 2 "--body B is required (the store has CHR, GA, GA3, HRC)"
echo "$n cases, $nfail failed"
[ "$n" -ge 100 ] && [ "$nfail" = 0 ]
