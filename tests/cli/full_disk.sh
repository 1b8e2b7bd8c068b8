#!/bin/bash
# full_disk.sh - every command that writes output, with its standard output
# on a full device (/dev/full: every write fails with ENOSPC): exit 3 and
# one line "writing output: No space left on device", never a wrong reason
# ("out of memory" was said by `profile`) nor the line twice (forecast,
# backtest and simulate said it twice); the store is left as it was.
# Import on /dev/full (committed, and says so) is in tests/bad/.
set -u
HRR=${HRR:?set HRR to the hrr binary}
SRC=${HRR_SOURCE_DIR:?set HRR_SOURCE_DIR to the source tree}
DATA=${HRR_DATA_DIR:?set HRR_DATA_DIR to the shared data}
[ -r "$DATA/README.md" ] || { echo "skip: no shared data at $DATA"; exit 77; }
. "$SRC/tests/cli_lib.sh"
[ -w /dev/full ] || { echo "skip: no /dev/full"; exit 77; }

use_data_store
want_rc 0
before=$(sqlite3 "$db" .sha3sum 2>/dev/null || md5sum <"$db")

full() {
    nchecks=$((nchecks + 1))
    "$HRR" --db "$db" "$@" >/dev/full 2>"$tmp/err"
    local rc=$? n
    n=$(grep -c 'writing output: No space left on device' "$tmp/err")
    if [ "$rc" != 3 ] || [ "$n" != 1 ] || grep -q 'out of memory' "$tmp/err"; then
        fail "hrr $*: exit $rc, expected 3 and one 'writing output' line (stderr: $(cat "$tmp/err"))"
    fi
}

full summary
full summary --json
full states --group HRC --on 2016-06-01
full items --body HRC --from 2023
full votes A/HRC/51/L.6
full votes A/HRC/51/L.6 --json
full agree --body HRC --from 2023
full cohesion --body HRC --group EU --from 2023
full blocs --body HRC --from 2023
full ideal --body HRC --from 2023
full ideal --body HRC --from 2020 --dynamic
full power --weights 3,2,1 --quota 4
full rules list
full decide --rules hrc --yes 20 --no 10 --abstain 5
full replay --rules hrc-absolute-majority --body HRC --from 2023
full casebook
full forecast --body HRC --date 2024-04-04 --title x --runs 100
full forecast --body HRC --date 2024-04-04 --title x --runs 100 --json
full backtest --body HRC --from 2024 --to 2024 --runs 100
full export rollcall --body HRC
full export rollcall --body HRC --format long
full upr --state CHN
full treaties --state CHN
full profile CHN
full profile CHN --json
full compare --body HRC CHN USA
full sql 'SELECT count(*) FROM items'
full check
full simulate --runs 10 --years 1 --from 2024
full simulate --params

after=$(sqlite3 "$db" .sha3sum 2>/dev/null || md5sum <"$db")
nchecks=$((nchecks + 1))
[ "$before" = "$after" ] || fail "the store changed"
done_checks
