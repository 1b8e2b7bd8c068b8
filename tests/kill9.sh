#!/usr/bin/env bash
# kill9.sh - kill -9 trials: an import is killed at a random moment (a
# uniform delay over its measured duration) and the store is checked:
# PRAGMA integrity_check, and its content before the import, after it, or
# (a folder, one transaction per file) after a prefix of its files in
# order; anything else is "neither". Four imports: a big CSV (unvotes
# votes, 870,109 ballots, one transaction), the Assembly's JSON lines
# (unxml, 78.json), a folder (unga-unxml/, nine files, then the folder's
# derived findings) and a small file (the regional groups).
#
#   tests/kill9.sh [TRIALS [SEED]]      (default 100 trials, seed 1)
#
# Prints one line per import and the totals: before / after / partial
# (a folder's prefix) / neither. Exit 0 when neither is 0. Needs the real
# data (../shared/data) and sqlite3; takes a few minutes.
set -u
cd "$(dirname "$0")/.."
HRR=${HRR:-build/hrr}
DATA=${HRR_DATA_DIR:-../shared/data}
trials=${1:-100}
RANDOM=${2:-1}
tmp=$(mktemp -d /tmp/hrr-kill9.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

# what a store holds: every table's rows, and which files are committed with
# their row counts (not the times, which differ between runs)
content() {
    sqlite3 "$1" "SELECT (SELECT count(*) FROM items), (SELECT count(*) FROM ballots),
        (SELECT total(vote) FROM ballots), (SELECT count(*) FROM memberships),
        (SELECT count(*) FROM findings), (SELECT count(*) FROM item_issues),
        (SELECT count(*) FROM sessions), (SELECT count(*) FROM item_refs),
        (SELECT coalesce(group_concat(sha256 || ':' || coalesce(rows, -1), ','), '') FROM
         (SELECT sha256, rows FROM imports ORDER BY id))"
}
# the rows no committed import accounts for, and imports never finished
orphans() {
    sqlite3 "$1" "SELECT (SELECT count(*) FROM ballots WHERE source_id NOT IN (SELECT id FROM imports))
        + (SELECT count(*) FROM items WHERE source_id NOT IN (SELECT id FROM imports))
        + (SELECT count(*) FROM imports WHERE finished IS NULL)"
}

nb=0 na=0 np=0 nn=0
# trial NAME BASE TARGET N: N kills of `hrr import TARGET` on copies of BASE
trial() {
    local name=$1 base=$2 target=$3 n=$4 t0 t1 ms b=0 a=0 p=0 x=0
    sqlite3 "$base" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
    local before; before=$(content "$base")
    # the states a folder import may stop in: after each of its files, as
    # one run to the end prints them (in order); the last one is "after"
    cp "$base" "$tmp/full.db"
    t0=$(date +%s%N)
    "$HRR" --db "$tmp/full.db" import "$target" >"$tmp/full.out" 2>&1 || { echo "kill9: $name: $(cat "$tmp/full.out")"; exit 1; }
    t1=$(date +%s%N)
    ms=$(( (t1 - t0) / 1000000 + 1 ))
    local after; after=$(content "$tmp/full.db")
    local prefixes; prefixes=$(sqlite3 "$tmp/full.db" "SELECT sha256 || ':' || rows FROM imports
        WHERE id > (SELECT coalesce(max(id), 0) FROM imports WHERE sha256 IN
        ($(sqlite3 "$base" "SELECT coalesce(group_concat(quote(sha256)), '''''') FROM imports")))
        ORDER BY id")
    for ((i = 0; i < n; i++)); do
        cp "$base" "$tmp/t.db"; rm -f "$tmp/t.db-wal" "$tmp/t.db-shm"
        local delay=$(( (RANDOM * 32768 + RANDOM) % (ms * 11 / 10 + 1) ))
        "$HRR" --db "$tmp/t.db" import --quiet "$target" >/dev/null 2>&1 &
        local pid=$!
        sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
        kill -9 "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
        local ok c o
        ok=$(sqlite3 "$tmp/t.db" "PRAGMA integrity_check" 2>&1)
        c=$(content "$tmp/t.db" 2>&1)
        o=$(orphans "$tmp/t.db" 2>&1)
        if [ "$ok" != ok ] || [ "$o" != 0 ]; then x=$((x + 1)); echo "neither ($name, ${delay} ms): integrity $ok, orphans $o"
        elif [ "$c" = "$before" ]; then b=$((b + 1))
        elif [ "$c" = "$after" ]; then a=$((a + 1))
        else
            # a folder: the committed files must be a prefix of the full run's
            local got want
            got=$(sqlite3 "$tmp/t.db" "SELECT sha256 || ':' || rows FROM imports ORDER BY id" | tail -n +$(( $(sqlite3 "$base" "SELECT count(*) FROM imports") + 1 )))
            want=$(printf '%s\n' "$prefixes" | head -n "$(printf '%s\n' "$got" | grep -c .)")
            if [ -n "$got" ] && [ "$got" = "$want" ]; then p=$((p + 1))
            else x=$((x + 1)); echo "neither ($name, ${delay} ms): $c"; fi
        fi
    done
    printf '%-28s %4d trials over %5d ms: before %3d  after %3d  partial %3d  neither %d\n' \
        "$name" "$n" "$ms" "$b" "$a" "$p" "$x"
    nb=$((nb + b)) na=$((na + a)) np=$((np + p)) nn=$((nn + x))
}

fresh=$tmp/fresh.db
"$HRR" --db "$fresh" check >/dev/null 2>&1 || { echo "kill9: cannot make a store"; exit 1; }
rolls=$tmp/rolls.db
cp "$fresh" "$rolls"
"$HRR" --db "$rolls" import --quiet "$DATA/unga/un_roll_calls.csv" || exit 1
q=$((trials / 4))
trial "unvotes-votes (870k rows)" "$rolls" "$DATA/unga/un_votes.csv" $((trials - 3 * q))
trial "unxml 78.json" "$fresh" "$DATA/unga-unxml/78.json" "$q"
trial "folder unga-unxml/" "$fresh" "$DATA/unga-unxml" "$q"
trial "un-regional-groups" "$fresh" "$DATA/countries/un_regional_groups_iso3.csv" "$q"
echo "total: $trials trials: before $nb, after $na, partial (a folder's prefix) $np, neither $nn"
[ "$nn" = 0 ]
