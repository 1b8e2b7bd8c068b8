#!/bin/bash
# simulate.sh - `hrr simulate` on the shared store: the same seed gives the
# same bytes on 1 and 2 threads and on 1 and 2 MPI ranks (when hrr is built
# with MPI and mpirun is installed); the JSON shape; --out; --validate's
# coverage line; a what-if's effect columns; bad scenarios name the field.
set -u
HRR=${HRR:?set HRR to the hrr binary}
SRC=${HRR_SOURCE_DIR:?set HRR_SOURCE_DIR to the source tree}
. "$SRC/tests/cli_lib.sh"
use_data_store
want_rc 0

run simulate --from 2016 --years 6 --runs 16 --seed 5 --threads 1 --csv
want_rc 0
one=$out
has_out "scenario,year,quantity,median,lo90,hi90,recorded"
has_out "baseline,2021,country_voted,"
nq=$(echo "$out" | awk -F, 'NR > 1 {print $3}' | sort -u | wc -l) # the quantities (hrr_sim_q_name)
nchecks=$((nchecks + 1)); [ "$nq" -ge 26 ] || fail "$nq quantities, expected 26 or more"
nlines $((1 + 6 * nq + nq))
has_out "baseline,2016,upr_recs,"
has_out "baseline,,ratifications,"
run simulate --from 2016 --years 6 --runs 16 --seed 5 --threads 2 --csv
nchecks=$((nchecks + 1)); [ "$out" = "$one" ] || fail "1 and 2 threads differ"
run simulate --from 2016 --years 6 --runs 16 --seed 6 --threads 2 --csv
nchecks=$((nchecks + 1)); [ "$out" != "$one" ] || fail "seeds 5 and 6 give the same output"

# 1 and 2 MPI ranks
if command -v mpirun >/dev/null && ldd "$HRR" | grep -q libmpi; then
    mpi="mpirun --oversubscribe --allow-run-as-root"
    $mpi -np 1 "$HRR" --db "$db" simulate --from 2016 --years 6 --runs 16 --seed 5 --threads 1 --csv >"$tmp/r1" 2>"$tmp/e1"
    nchecks=$((nchecks + 1)); [ "$(cat "$tmp/r1")" = "$one" ] || fail "1 rank differs from no MPI: $(cat "$tmp/e1")"
    $mpi -np 2 "$HRR" --db "$db" simulate --from 2016 --years 6 --runs 16 --seed 5 --threads 1 --csv >"$tmp/r2" 2>"$tmp/e2"
    nchecks=$((nchecks + 1)); [ "$(cat "$tmp/r2")" = "$one" ] || fail "2 ranks differ from 1: $(cat "$tmp/e2")"
    # a run through the Commission's years into the Council's
    "$HRR" --db "$db" simulate --from 2003 --years 5 --runs 8 --seed 5 --threads 2 --csv >"$tmp/c1"
    $mpi -np 2 "$HRR" --db "$db" simulate --from 2003 --years 5 --runs 8 --seed 5 --threads 1 --csv >"$tmp/c2" 2>"$tmp/e2"
    nchecks=$((nchecks + 1)); cmp -s "$tmp/c1" "$tmp/c2" || fail "Commission era: 2 ranks differ from 2 threads: $(cat "$tmp/e2")"
else
    echo "skip: hrr not built with MPI, or no mpirun: ranks not compared"
fi

run simulate --from 2022 --years 2 --runs 8 --json
want_rc 0
valid_json
has_flat '"scenario":"baseline","year":2022,"quantity":"votes","median":'
has_flat '"year":null,"quantity":"country_adopted"'

run simulate --from 2020 --years 2 --runs 8 --out "$tmp/o"
want_rc 0
nchecks=$((nchecks + 1)); [ "$(wc -l <"$tmp/o/runs.csv")" = $((1 + 8 * 2)) ] || fail "runs.csv: not one line per run and year"
nchecks=$((nchecks + 1)); head -1 "$tmp/o/runs.csv" | grep -q "^run,year,votes,country_voted" || fail "runs.csv header"
nchecks=$((nchecks + 1)); grep -q "^baseline,2021,amendments," "$tmp/o/summary.csv" || fail "summary.csv"

run simulate --validate --runs 60
want_rc 0
has_out "2024  country_adopted"
line_out "baseline, out of sample 2022-2024: [0-9]+ of [0-9]+ recorded quantities inside the 90% interval \([0-9]+%\); 60 runs, seed 1"

# the Commission era: its own validation years; an earlier start than the
# store supports names the first year it does
run simulate "$SRC/scenarios/commission.json" --validate --runs 60
want_rc 0
has_out "2005  country_voted"
line_out "commission, out of sample 2002-2005: [0-9]+ of [0-9]+ recorded quantities inside the 90% interval \([0-9]+%\); 60 runs, seed 1"
run simulate --from 1985 --years 2 --runs 2
want_rc 1
has_err "start_year 1985: the store's Commission records support runs from 1993"

run simulate "$SRC/scenarios/china-2007-rules.json" --runs 10 --csv
want_rc 0
has_out "scenario,year,quantity,median,lo90,hi90,recorded,effect_median,effect_lo90,effect_hi90"
has_out "china-2007-rules,2021,country_adopted,"

# --from a day: the sessions after it; a malformed day, one before the
# Council's first day, one over a year past the store's last record: exit 2
run simulate --from 2023-07-01 --years 1 --runs 4 --csv
want_rc 0
has_out "baseline,2023,special_sessions,"
has_out "baseline,2023,suspended,"
run simulate --from 2023-7-1
want_rc 2
has_err "--from: expected a day YYYY-MM-DD or a year YYYY, got '2023-7-1'"
run simulate --from 2006-06-18 --years 1
want_rc 2
has_err "--from: start date 2006-06-18 is before the Council's first day: the earliest is 2006-06-19"
run simulate --from 2026-01-01 --years 1
want_rc 2
has_err "--from: start date 2026-01-01 is more than a year after the store's last Council record"

run simulate --params
want_rc 0
has_out "image_year"
has_out "no (assumption)"

# bad scenarios: exit 1, the file, the field, what is allowed
printf '{"base": "baseline.json", "params": {"lmg_pull": 9}}\n' >"$tmp/bad.json"
cp "$SRC/scenarios/baseline.json" "$tmp/"
run simulate "$tmp/bad.json"
want_rc 1
has_err "bad.json: field 'params.lmg_pull': 9 is out of range (expected a number in [0, 4])"
printf '{"base": "baseline.json", "params": {"lmg_push": 1}}\n' >"$tmp/bad.json"
run simulate "$tmp/bad.json"
want_rc 1
has_err "unknown field 'params.lmg_push' (allowed: rules, start_year"

done_checks
