#!/bin/bash
# fixture.sh - the CTest fixture setup: the README's main job, `hrr import`
# of all the shared data, done once per test run into the store at
# $HRR_FIXTURE_DB (the data tests read it there, or copy it to write). The
# import's stdout, stderr and exit status are kept beside it (.out, .err,
# .rc) for tests/cli/full.sh, which checks them.
set -u
HRR=${HRR:?set HRR to the hrr binary}
DATA=${HRR_DATA_DIR:?set HRR_DATA_DIR to the shared data}
DB=${HRR_FIXTURE_DB:?set HRR_FIXTURE_DB to the store to build}
[ -r "$DATA/README.md" ] || { echo "skip: no shared data at $DATA"; exit 77; }
mkdir -p "$(dirname "$DB")" || exit 1
rm -f "$DB" "$DB-wal" "$DB-shm" "$DB.out" "$DB.err" "$DB.rc"
"$HRR" --db "$DB" import "$DATA" >"$DB.out" 2>"$DB.err"
rc=$?
echo "$rc" >"$DB.rc"
[ "$rc" = 0 ] || { cat "$DB.err" >&2; exit 1; }
echo "imported $DATA into $DB"
