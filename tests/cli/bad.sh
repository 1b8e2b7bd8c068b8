#!/usr/bin/env bash
# bad.sh - the catalogue of bad input (tests/bad/*.txt): each case is data,
# the input (files written inline, or made by a shell line), the command, the
# exit code, the messages; and every case checks that the store it ran on is
# unchanged (sqlite3's .sha3sum of its content; for a store file of the
# case's own, its bytes). No real data: the store is a fresh one holding two
# roll calls of tests/bad/base/.
#
# A case is a block of lines "KEY: VALUE", blocks separated by blank lines,
# '#' lines comments:
#   name: NAME            what the case is (required, first)
#   def: @X@ = VALUE      a text substituted in the later lines of the file
#   file: PATH: CONTENT   a file written with printf %b (\n, \t, \xHH, \0)
#   sh: COMMAND           run in the case's folder (bash -c), before the run
#   db: PATH              the store is this file (unchanged, or still absent)
#   pre: ARGS             run hrr so on the store first (must succeed)
#   env: NAME=VALUE       set for the run (as many as wanted)
#   run: ARGS             hrr's arguments after --db (shell words)
#   exit: N               the exit code (required)
#   err: TEXT             stderr holds TEXT (as many as wanted)
#   out: TEXT / noout: TEXT   stdout holds / lacks TEXT
#   changed: yes          the store may change (a folder import that loads)
#   stdout: PATH          hrr's standard output goes there (e.g. /dev/full)
HRR=${HRR:?set HRR to the hrr binary}
SRC=${HRR_SOURCE_DIR:?set HRR_SOURCE_DIR to the source tree}
command -v sqlite3 >/dev/null || { echo "bad.sh: no sqlite3 command: skipped"; exit 77; }
tmp=$(mktemp -d /tmp/hrr-bad.XXXXXX) || exit 1
trap 'rm -rf "$tmp"' EXIT
base=$tmp/base.db
"$HRR" --db "$base" import --quiet "$SRC/tests/bad/base/un_roll_calls.csv" >/dev/null 2>"$tmp/base.err" ||
    { echo "bad.sh: the base store: $(cat "$tmp/base.err")"; exit 1; }
sqlite3 "$base" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
export BASE=$base HRR
base_sum=$(sqlite3 "$base" .sha3sum)

n=0 nfail=0
fail() { nfail=$((nfail + 1)); echo "FAIL ($file: $name): $*"; }
fsum() { # a store file's bytes; never read a FIFO or a device (it would block)
    if [ -f "$1" ]; then sha256sum <"$1" | cut -c1-64
    elif [ -e "$1" ]; then stat -L -c '%F %i' "$1"
    else echo absent; fi
}

run_case() {
    local dir=$tmp/c$n dbf="" want="" changed="" args="" k v line sout=""
    local -a errs=() outs=() nouts=() envs=() pres=()
    [ -n "$name" ] || return 0
    n=$((n + 1))
    mkdir -p "$dir"
    for line in "${lines[@]}"; do
        k=${line%%:*} v=${line#*: }
        case $k in
            file) local p=${v%%: *} c=${v#*: }
                  if [ "$p" = "$v" ]; then p=${v%:} c=""; fi # "file: NAME:" is empty
                  mkdir -p "$(dirname "$dir/$p")"; printf '%b' "$c" >"$dir/$p" ;;
            sh) (cd "$dir" && bash -c "$v") || fail "sh failed: $v" ;;
            db) dbf=$v ;;
            env) envs+=("$v") ;;
            pre) pres+=("$v") ;;
            run) args=$v ;;
            exit) want=$v ;;
            err) errs+=("$v") ;;
            out) outs+=("$v") ;;
            noout) nouts+=("$v") ;;
            changed) changed=$v ;;
            stdout) sout=$v ;;
            *) fail "unknown key '$k'" ;;
        esac
    done
    local store=$dir/hrr.db before
    if [ -n "$dbf" ]; then
        case $dbf in /*) store=$dbf ;; *) store=$dir/$dbf ;; esac
        before=$(fsum "$store")
    else cp "$base" "$store"; before=$base_sum; fi
    for v in "${pres[@]}"; do
        (cd "$dir" && eval "set -- $v" && exec "$HRR" --db "$store" "$@" >/dev/null 2>"$dir/.pre") ||
            fail "pre $v: $(cat "$dir/.pre")"
        before=$(sqlite3 "$store" .sha3sum)
    done
    (cd "$dir" && eval "set -- $args" && exec env "${envs[@]}" timeout 30 "$HRR" --db "$store" "$@" \
        >"${sout:-$dir/.out}" 2>"$dir/.err" </dev/null)
    local rc=$?
    [ "$rc" = "$want" ] || fail "exit $rc, want $want; stderr: $(head -c 300 "$dir/.err")"
    for v in "${errs[@]}"; do grep -qF -- "$v" "$dir/.err" ||
        fail "stderr lacks '$v': $(head -c 300 "$dir/.err")"; done
    [ -z "$sout" ] || : >"$dir/.out"
    for v in "${outs[@]}"; do grep -qF -- "$v" "$dir/.out" ||
        fail "stdout lacks '$v': $(head -c 300 "$dir/.out")"; done
    for v in "${nouts[@]}"; do ! grep -qF -- "$v" "$dir/.out" ||
        fail "stdout has '$v'"; done
    if [ -z "$changed" ]; then
        local after
        if [ -n "$dbf" ]; then after=$(fsum "$store")
        else after=$(sqlite3 "$store" .sha3sum 2>&1); fi
        [ "$after" = "$before" ] || fail "the store changed"
    fi
    rm -rf "$dir"
}

for file in "$SRC"/tests/bad/*.txt; do
    name="" lines=() defs=()
    while IFS= read -r line || [ -n "$line" ]; do
        case $line in
            '#'*) continue ;;
            '') run_case; name="" lines=(); continue ;;
            def:*) local_def=${line#def: }; defs+=("${local_def%% = *}" "${local_def#* = }"); continue ;;
        esac
        for ((i = 0; i < ${#defs[@]}; i += 2)); do line=${line//"${defs[i]}"/"${defs[i+1]}"}; done
        if [ "${line%%:*}" = name ]; then name=${line#name: }; else lines+=("$line"); fi
    done <"$file"
    run_case
done
echo "$n cases, $nfail failed"
[ "$n" -ge 150 ] || { echo "bad.sh: the catalogue has $n cases, fewer than 150"; exit 1; }
[ "$nfail" = 0 ]
