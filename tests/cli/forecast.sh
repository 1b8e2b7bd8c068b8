#!/bin/bash
# forecast.sh - `hrr forecast` and `hrr backtest` on the Council's real
# records: the Iran resolution of April 2024 (A/HRC/RES/55/19, adopted
# 24-8-15) forecast from before its date, in the JSON shape the docs give;
# a batch of drafts from a CSV file; members from a file; the backtest's
# figures; usage and data errors.
set -u
HRR=${HRR:?set HRR to the hrr binary}
SRC=${HRR_SOURCE_DIR:?set HRR_SOURCE_DIR to the source tree}
DATA=${HRR_DATA_DIR:?set HRR_DATA_DIR to the shared data}
[ -r "$DATA/README.md" ] || { echo "skip: no shared data at $DATA"; exit 77; }
. "$SRC/tests/cli_lib.sh"

run import --quiet "$DATA/hrc"
want_rc 0

IRAN="Situation of human rights in the Islamic Republic of Iran"
run forecast --body HRC --date 2024-04-04 --title "$IRAN" --seed 1 --json
want_rc 0
valid_json
has_flat '"items":[{"symbol":"","date":"2024-04-04"'
has_flat '"target":"IRN"'
has_flat '"members":47'
has_flat '"p_adopted":1.0'
has_flat '"p_no_action":null'
has_flat '"ballots":[{"state":"ALB","p":{"yes":'
has_flat '"abstain":'
has_flat '"absent":'
count_flat '"state":' 47
has_flat '"swing_states":['

# the table: who is expected where
run forecast --body HRC --date 2024-04-04 --title "$IRAN"
want_rc 0
has_out "IRN on 2024-04-04: 47 members"
has_out "read against: A/HRC/RES/52/"
has_out "P(adopted) = 1.000"
line_out 'CHN +0\.[0-2][0-9]{2} +0\.[5-9][0-9]{2} .*'

# the members: from the Council's terms on a day they cover; a guess after
# the last term's end, said in the table, the JSON and on stderr; never a
# guess when given
no_warning() { nchecks=$((nchecks + 1)); ! grep -q "warning" "$tmp/err" || fail "stderr warns: $err"; }
run forecast --body HRC --date 2024-04-04 --title "$IRAN" --runs 500 --json
want_rc 0
has_flat '"members":47,"members_guessed":false,"members_note":null'
no_warning
run forecast --body HRC --date 2027-06-01 --title "$IRAN" --runs 500
want_rc 0
has_out "IRN on 2027-06-01: 47 members"
line_out "warning: members guessed: no term of HRC in the store covers 2027-06-01 \(its terms there run from 2006-06-19 until 2027-01-01\); members taken from the 47 members on record on its vote of 2024-10-11 \(A/HRC/57/L\.43\)"
has_err "hrr: warning: members guessed: no term of HRC in the store covers 2027-06-01"
run forecast --body HRC --date 2027-06-01 --title "$IRAN" --runs 500 --json
want_rc 0
has_flat '"members_guessed":true,"members_note":"notermofHRCinthestorecovers2027-06-01'
has_err "hrr: warning: members guessed:"
run forecast --body HRC --date 2025-06-01 --title "$IRAN" --runs 500 --csv
want_rc 0
has_err "hrr: warning: members guessed: 2025-06-01 is in a year after the last recorded vote of HRC (2024-10-11)"
run forecast --body HRC --date 2027-06-01 --title "$IRAN" --runs 500 --members USA,CHN,FRA
want_rc 0
lacks_out "warning"
no_warning
printf 'symbol,date,title\nL.1,2027-06-01,%s\n' "$IRAN" >"$tmp/late.csv"
run forecast --body HRC --batch "$tmp/late.csv" --runs 500 --csv
want_rc 0
has_err "hrr: warning: L.1: members guessed: no term of HRC"

# CSV: a header and one row per member; members from a file
printf 'USA\nCHN  # China\nFRA\n' >"$tmp/members.txt"
run forecast --body HRC --date 2024-04-04 --title "$IRAN" --members @"$tmp/members.txt" --csv
want_rc 0
nlines 4
line_out 'state,yes,no,abstain,absent,decisive,swing'
has_out "CHN,0."
run forecast --body HRC --date 2024-04-04 --title "$IRAN" --members "$tmp/members.txt" --csv
want_rc 0
nlines 4
run forecast --body HRC --date 2024-04-04 --title "$IRAN" --members @"$tmp/none.txt"
want_rc 3
has_err "members: cannot read"

# a batch: one forecast per row, learned once from before the first date
cat >"$tmp/session.csv" <<'CSV'
symbol,date,title,target
L.19,2024-04-04,Situation of human rights in the Islamic Republic of Iran,IRN
L.22,2024-04-04,Situation of human rights in the Syrian Arab Republic,SYR
L.7,2024-04-03,The negative impact of unilateral coercive measures on the enjoyment of human rights,
CSV
run forecast --body HRC --batch "$tmp/session.csv" --json
want_rc 0
valid_json
count_flat '"symbol":' 3
has_flat '"symbol":"L.22"'
has_flat '"target":"SYR"'
run forecast --body HRC --batch "$tmp/session.csv" --csv
want_rc 0
nlines 142
line_out 'symbol,state,yes,no,abstain,absent,decisive,swing'

# the same seed, the same forecast
run forecast --body HRC --batch "$tmp/session.csv" --json --seed 9
first=$out
run forecast --body HRC --batch "$tmp/session.csv" --json --seed 9
nchecks=$((nchecks + 1)); [ "$out" = "$first" ] || fail "seed 9 twice gave two forecasts"

# a backtest of 2024: the model and the three baselines
run backtest --body HRC --from 2024 --to 2024 --json
want_rc 0
valid_json
has_flat '"scores":[{"name":"model"'
has_flat '{"name":"always-yes"'
has_flat '{"name":"last-ballot"'
has_flat '{"name":"group-majority"'
has_flat '"reliability":[{"lo":0.0'
run backtest --body HRC --from 2024 --to 2024
want_rc 0
has_out "predictor"
has_out "calibration of the model"

# errors
printf 'symbol,date,title\nL.1,2024-02-30,Situation\n' >"$tmp/bad.csv"
run forecast --body HRC --batch "$tmp/bad.csv"
want_rc 1
has_err "bad.csv:2: field 'date': '2024-02-30' is not a date"
run forecast --body HRC --date 2024-04-04 --title "$IRAN" --members USA,XYZ
want_rc 2
has_err "members: 'XYZ' is not an ISO3 code"
run forecast --body HRC --date 2024-04-04 --like A/HRC/RES/55/19
has_err "cannot inform this forecast"
run forecast --body XYZ --date 2024-04-04 --title "$IRAN"
want_rc 5
has_err "no recorded votes of body 'XYZ'"
usage_error forecast "--date YYYY-MM-DD is required" forecast --body HRC --title x
usage_error forecast "--like SYMBOL or --title TEXT is required" forecast --body HRC --date 2024-04-04
usage_error forecast "--batch takes the drafts from the file" forecast --body HRC --batch x.csv --date 2024-01-01
usage_error forecast "--runs" forecast --body HRC --date 2024-04-04 --title x --runs 0
usage_error backtest "--from Y and --to Y" backtest --body HRC --from 2024

# drafts as a vote counter knows them (docs/forecast.md): an amendment's
# kind inferred from its title and said; sponsors by the UN's names;
# Singapore's A/HRC/48/L.63 to the death-penalty text (rejected 17-22-6)
DP="The question of the death penalty : amendment /"
run forecast --body HRC --date 2021-10-08 --title "$DP" --sponsors "Singapore" --runs 2000
want_rc 0
has_out "kind: amendment (inferred from the title (': amendment'))"
has_out "sponsors: SGP"
has_out "amends a text last voted as A/HRC/RES/42/24 (2019-09-27)"
line_out 'P\(adopted\) = 0\.[0-4][0-9]{2} over 2000 runs'
run forecast --body HRC --date 2021-10-08 --title "$DP" --sponsors "Singapore" --runs 2000 --explain CHN
want_rc 0
line_out 'CHN: yes 0\.[0-9]{3}, no 0\.[0-9]{3}, abstain 0\.[0-9]{3}, absent 0\.[0-9]{3}; what moved it.*'
line_out 'base_no +1\.000 .*its last ballot on the text an amendment amends was no'
run forecast --body HRC --date 2021-10-08 --title "$DP" --sponsors "Singapore;Atlantis"
want_rc 2
has_err "sponsors: 'Atlantis' is neither an ISO3 code nor a name of a state"
# a text on another state: warned; --strict fails when members are guessed
run forecast --body HRC --date 2022-10-06 --like A/HRC/RES/47/13 --target CHN --kind decision --runs 500
want_rc 0
# (a thematic text in a store of hrc/ alone; a text on ETH once the OHCHR
# catalogue classifies it: tests/unit/test_forecast_drafts.c)
has_out "warning: the text read against, A/HRC/RES/47/13 (2021-07-13), is a"
has_out "not on CHN: its ballots may say little about this draft"
run forecast --body HRC --date 2027-06-01 --title "$IRAN" --runs 500 --strict
want_rc 4
has_err "hrr: --strict: the members were guessed"
run forecast --body HRC --date 2024-04-04 --title "$IRAN" --runs 500 --strict
want_rc 0
# a batch with kind, amends (a draft of the same batch) and UN names
cat >"$tmp/amend.csv" <<'CSV'
symbol,date,title,kind,amends,sponsors
A/HRC/48/L.10,2021-10-08,The question of the death penalty,resolution,,Belgium;Benin;Costa Rica;France;Mexico;Mongolia;Republic of Moldova;Switzerland
A/HRC/48/L.63,2021-10-08,Amendment to draft resolution A/HRC/48/L.10,amendment,A/HRC/48/L.10,Singapore
CSV
run forecast --body HRC --batch "$tmp/amend.csv" --runs 2000 --json
want_rc 0
valid_json
has_flat '"symbol":"A/HRC/48/L.63","date":"2021-10-08","title":"AmendmenttodraftresolutionA/HRC/48/L.10","kind":"amendment","kind_inferred":null'
has_flat '"base":"A/HRC/RES/42/24"'
has_flat '"written":"RepublicofMoldova"'
cat >"$tmp/badsp.csv" <<'CSV'
symbol,date,title,sponsors
L.1,2021-10-08,The question of the death penalty : amendment /,Singapore;Ruritania
CSV
run forecast --body HRC --batch "$tmp/badsp.csv" --runs 500
want_rc 2
has_err "badsp.csv, row 2 (L.1): sponsors: 'Ruritania' is neither"
cat >"$tmp/badkind.csv" <<'CSV'
symbol,date,title,kind
L.1,2021-10-08,x,amendmnt
CSV
run forecast --body HRC --batch "$tmp/badkind.csv"
want_rc 1
has_err "badkind.csv:2: field 'kind': 'amendmnt' is not resolution, decision, amendment or motion"

done_checks
