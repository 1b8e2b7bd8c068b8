#!/bin/bash
# gen_doc_blocks.sh [--bench] [--only TAG] [--skip TAG] FILE.md STORE - regenerates the
# output blocks of a page of docs/ from the current code, so that its
# figures cannot drift. A block is marked by the line before it:
#
#   <!-- run: ARGS -->            the block becomes "$ hrr ARGS" and the
#                                 output of `build/hrr --db STORE ARGS`
#   <!-- run: ARGS | FILTER -->   the same through FILTER, a shell pipeline
#                                 (`head -30`, `grep -E '...'`), split at the
#                                 first " | "; the block's first line shows it
#   <!-- run-sh: COMMAND -->      "$ COMMAND" and its output, a shell command
#                                 run from the project root (bash -o pipefail)
#                                 where `hrr` is build/hrr on STORE and $tmp
#                                 a scratch folder (under pipefail, `hrr ...
#                                 | head` can fail with SIGPIPE on a long
#                                 output: cut with sed -n, or use run:, whose
#                                 output is read whole before its FILTER)
#
# Words between the kind and the colon are tags: `<!-- run fast: ARGS -->`.
# A block tagged `bench` (a timing: it depends on the machine) is kept as it
# is unless --bench is given; --only TAG (or $HRR_DOC_ONLY) re-runs only the
# blocks tagged TAG and keeps the others; --skip TAG (or $HRR_DOC_SKIP) keeps
# the blocks tagged TAG as they are (tests/cli/docs_blocks.sh: --skip slow). The block after a marker is either
# a fenced block (``` to ```) or a markdown table (lines starting with "|",
# for the output of a filter such as `csv2md`, which turns hrr's --csv into
# a table: `csv2md -c` sets the first column as code). Everything else in
# FILE is kept as it is, so the script is idempotent. Any failure (a command
# or filter exiting non-zero, an empty output, a marker not followed by a
# block) stops it with the marker's line and FILE is left untouched. The
# CR of CR LF line ends (hrr's --csv) is dropped.
#
#   tools/gen_doc_blocks.sh docs/simulation.md build/fixture/hrr.db
set -euo pipefail
usage() { echo "usage: tools/gen_doc_blocks.sh [--bench] [--only TAG] [--skip TAG] FILE.md STORE" >&2; exit 2; }
bench=0 only=${HRR_DOC_ONLY:-} skip=${HRR_DOC_SKIP:-}
while [ $# -gt 0 ]; do
    case $1 in
        --bench) bench=1; shift ;;
        --only) [ $# -ge 2 ] || usage; only=$2; shift 2 ;;
        --only=*) only=${1#--only=}; shift ;;
        --skip) [ $# -ge 2 ] || usage; skip=$2; shift 2 ;;
        --skip=*) skip=${1#--skip=}; shift ;;
        -*) usage ;;
        *) break ;;
    esac
done
[ $# = 2 ] || usage
FILE=$1 STORE=$2
SRC=$(cd "$(dirname "$0")/.." && pwd)
HRR=${HRR:-$SRC/build/hrr}
[ -f "$FILE" ] || { echo "gen_doc_blocks: $FILE: no such file" >&2; exit 3; }
[ -f "$STORE" ] || { echo "gen_doc_blocks: $STORE: no such store" >&2; exit 4; }
[ -x "$HRR" ] || { echo "gen_doc_blocks: $HRR not found; run make first" >&2; exit 3; }
STORE=$(cd "$(dirname "$STORE")" && pwd)/$(basename "$STORE")
work=$(mktemp -d "${TMPDIR:-/tmp}/hrr-docblocks.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir "$work/scratch"
export HRR STORE
export tmp=$work/scratch

# hrr ARGS...: the binary on the store (for run-sh commands)
hrr() { "$HRR" --db "$STORE" "$@"; }
# csv2md [-c]: CSV (RFC 4180 quotes, as hrr writes it) on stdin to a
# markdown table; -c: the first column as code
csv2md() {
    local code=0
    [ "${1:-}" = -c ] && code=1
    awk -v code="$code" '
    function cell(s) { gsub(/\|/, "\\|", s); return s }
    {
        sub(/\r$/, "")
        line = $0; n = 0
        while (1) {
            if (substr(line, 1, 1) == "\"") {
                f = ""; line = substr(line, 2)
                while (1) {
                    i = index(line, "\"")
                    if (i == 0) { f = f line; line = ""; break }
                    f = f substr(line, 1, i - 1); line = substr(line, i + 1)
                    if (substr(line, 1, 1) == "\"") { f = f "\""; line = substr(line, 2) } else break
                }
            } else {
                i = index(line, ",")
                if (i == 0) { f = line; line = "" } else { f = substr(line, 1, i - 1); line = substr(line, i) }
            }
            c[++n] = f
            if (substr(line, 1, 1) != ",") break
            line = substr(line, 2)
        }
        out = "|"
        for (i = 1; i <= n; i++)
            out = out " " ((code && i == 1 && NR > 1) ? "`" cell(c[i]) "`" : cell(c[i])) " |"
        print out
        if (NR == 1) { out = "|"; for (i = 1; i <= n; i++) out = out "---|"; print out }
    }'
}
export -f hrr csv2md

die() { echo "gen_doc_blocks: $FILE:$1: $2" >&2; exit 1; }

# run_marker LINE KIND TAGS BODY: the block's new text in $work/block
run_marker() {
    local ln=$1 kind=$2 body=$4 args filter shown t0 t1
    t0=$(date +%s.%N)
    if [ "$kind" = run ]; then
        args=${body%% | *}
        filter=
        [ "$args" = "$body" ] || filter=${body#* | }
        shown="\$ hrr $body"
        (cd "$SRC" && bash -c "\"\$HRR\" --db \"\$STORE\" $args") >"$work/out" 2>"$work/err" ||
            die "$ln" "hrr $args failed (exit $?): $(cat "$work/err")"
        if [ -n "$filter" ]; then
            (cd "$SRC" && bash -o pipefail -c "$filter") <"$work/out" >"$work/filtered" 2>"$work/err" ||
                die "$ln" "filter '$filter' failed (exit $?; a grep that matched nothing?): $(cat "$work/err")"
            mv "$work/filtered" "$work/out"
        fi
    else
        shown="\$ $body"
        (cd "$SRC" && bash -o pipefail -c "$body") >"$work/out" 2>"$work/err" ||
            die "$ln" "'$body' failed (exit $?): $(cat "$work/err")"
    fi
    [ -s "$work/out" ] || die "$ln" "'$body' printed nothing"
    sed -i 's/\r$//' "$work/out" # hrr's CSV ends its lines with CR LF (RFC 4180)
    ! grep -q '^```' "$work/out" || die "$ln" "the output of '$body' has a fence line"
    if [ "$blocktype" = fence ]; then
        { echo '```'; echo "$shown"; cat "$work/out"; echo '```'; } >"$work/block"
    else
        grep -qv '^|' "$work/out" && die "$ln" "the block is a table but '$body' printed a line not starting with '|'"
        cp "$work/out" "$work/block"
    fi
    t1=$(date +%s.%N)
    printf 'gen_doc_blocks: %s:%s: %s (%.1f s)\n' "$FILE" "$ln" "$shown" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" >&2
}

re='^<!-- (run|run-sh)(( [a-z][a-z0-9-]*)*): (.*) -->$'
mapfile -t lines <"$FILE"
n=${#lines[@]} i=0 nrun=0 nkept=0
: >"$work/new"
while [ $i -lt $n ]; do
    line=${lines[$i]}
    printf '%s\n' "$line" >>"$work/new"
    i=$((i + 1))
    [[ $line =~ $re ]] || continue
    kind=${BASH_REMATCH[1]} tags=" ${BASH_REMATCH[2]# } " body=${BASH_REMATCH[4]}
    ln=$i
    # the block: from i to its end (exclusive) in j
    [ $i -lt $n ] || die "$ln" "marker at the end of the file"
    j=$i
    case ${lines[$i]} in
        '```'*)
            blocktype=fence
            j=$((i + 1))
            while [ $j -lt $n ] && [[ ${lines[$j]} != '```' ]]; do j=$((j + 1)); done
            [ $j -lt $n ] || die "$ln" "the fenced block after the marker is not closed"
            j=$((j + 1)) ;;
        '|'*)
            blocktype=table
            while [ $j -lt $n ] && [[ ${lines[$j]} == '|'* ]]; do j=$((j + 1)); done ;;
        *) die "$ln" "the marker is not followed by a fenced block or a table" ;;
    esac
    keep=0
    [[ $tags == *" bench "* ]] && [ $bench = 0 ] && keep=1
    [ -n "$only" ] && [[ $tags != *" $only "* ]] && keep=1
    [ -n "$skip" ] && [[ $tags == *" $skip "* ]] && keep=1
    if [ $keep = 1 ]; then
        printf '%s\n' "${lines[@]:$i:$((j - i))}" >>"$work/new"
        nkept=$((nkept + 1))
    else
        run_marker "$ln" "$kind" "$tags" "$body"
        cat "$work/block" >>"$work/new"
        nrun=$((nrun + 1))
    fi
    i=$j
done
[ $((nrun + nkept)) -gt 0 ] || { echo "gen_doc_blocks: $FILE: no <!-- run: --> marker" >&2; exit 1; }
if cmp -s "$work/new" "$FILE"; then
    echo "gen_doc_blocks: $FILE: $nrun blocks run, $nkept kept; unchanged" >&2
else
    cat "$work/new" >"$FILE"
    echo "gen_doc_blocks: $FILE: $nrun blocks run, $nkept kept; rewritten" >&2
fi
