#!/bin/bash
# full.sh - the main job, as the README runs it: `hrr import ../shared/data`
# loads every real record the project reads, in one command, and the store
# then answers with facts a person can check against UN documents. A second
# import of the same folder changes nothing.
set -u
HRR=${HRR:?set HRR to the hrr binary}
SRC=${HRR_SOURCE_DIR:?set HRR_SOURCE_DIR to the source tree}
DATA=${HRR_DATA_DIR:?set HRR_DATA_DIR to the shared data}
[ -r "$DATA/README.md" ] || { echo "skip: no shared data at $DATA"; exit 77; }
command -v sqlite3 >/dev/null || { echo "skip: no sqlite3 shell"; exit 77; }
. "$SRC/tests/cli_lib.sh"
q() { sqlite3 "$db" "$1"; }
eq() { nchecks=$((nchecks + 1)); [ "$1" = "$2" ] || fail "$3: got '$1', expected '$2'"; }

use_data_store # run import "$DATA", done once per test run (the fixture)
want_rc 0
# every file hrr reads is loaded; what is left alone is documentation
has_out "un-regional-groups"
has_out "unvotes-votes         870109 rows"
has_out "upr-info               61014 rows"
left=$(grep '^left alone' "$tmp/out" | sed 's/^[^:]*: //' | tr ' ' '\n' | grep -vE '^(README.md|SOURCE.txt|LICENSE.*|democracy_info.csv)$' | sort -u | tr '\n' ' ')
[ -z "${left// /}" ] || echo "note: left alone: $left" >&2

# General Assembly: 870,109 ballots from unvotes (SOURCE.txt)
eq "$(q "SELECT count(*) FROM ballots b JOIN imports i ON i.id=b.source_id WHERE i.format='unvotes-votes'")" 870109 "unvotes ballots"
eq "$(q "SELECT count(DISTINCT item_id) FROM item_issues WHERE code='hr'")" 1015 "human-rights roll calls"
# the five regional groups hold 54, 54, 33, 29 and 23 states
eq "$(q "SELECT group_concat(n) FROM (SELECT count(*) n FROM memberships WHERE org IN ('AFRICAN','ASIA_PACIFIC','GRULAC','WEOG','EEG') GROUP BY org ORDER BY org)")" "54,54,23,33,29" "regional groups (AFRICAN,ASIA_PACIFIC,EEG,GRULAC,WEOG)"
# China: party to CAT since 1988; ICCPR signed, not ratified
eq "$(q "SELECT status||' '||year FROM ratifications r JOIN states s ON s.id=r.state_id WHERE s.iso3='CHN' AND instrument='cat'")" "party 1988" "China CAT"
eq "$(q "SELECT status FROM ratifications r JOIN states s ON s.id=r.state_id WHERE s.iso3='CHN' AND instrument='iccpr'")" "signatory" "China ICCPR"

# the Universal Declaration (A/RES/217(III) A, 10 Dec 1948): 48-0-8, the USSR abstaining
run votes GA:rcid:127 --key --json
want_rc 0
has_flat '"body":"GA"'
for s in SUN BLR UKR CSK POL YUG ZAF SAU; do
    nchecks=$((nchecks + 1))
    flat | grep -qE "\"state\":\"$s\",\"name\":\"[^\"]*\",\"vote\":\"abstain\"" || fail "$s did not abstain"
done
has_flat '"counted":{"yes":48,"no":0,"abstain":8'

# the Council: A/HRC/RES/S-1/1 is 29-11-5, official and counted
run votes A/HRC/RES/S-1/1 --json
want_rc 0
has_flat '"official":{"yes":29,"no":11,"abstain":5'
has_flat '"counted":{"yes":29,"no":11,"abstain":5'
# reconciliation: 150 items whose ballots do not add up: the OHCHR records'
# 149 and the Assembly's A/RES/77/293 (docs/check.md)
run check --json
want_rc 0
valid_json
has_flat '{"findings":[{'
count_flat '"kind":"tally-mismatch"' 150
has_flat '"kind":"tally-mismatch","item":"E/CN.4/DEC/1992/116","date":"1992-03-04","detail":"official27-5-10,ballots27-15-10"'
run check --kind no-such-kind --csv
want_rc 0
nlines 1

# China's 2007 proposal replayed over the Council's country votes (docs/rules.md)
run replay --rules hrc-china-2007 --kind country
want_rc 0
has_out "339 items decided under hrc and hrc-china-2007; 30 flip"
has_out "  LKA: 3"
run replay --rules hrc-china-2007 --kind country --json
valid_json
count_flat '"outcome":"rejected"' 30
run replay --rules nosuch
want_rc 2
has_err "no rule set 'nosuch'"

# who sat on the Council and the Commission: the summary's members, each
# figure recomputed from the memberships table
run summary --json
want_rc 0
for b in HRC CHR; do
    n=$(q "SELECT count(DISTINCT state_id)||','||count(*) FROM memberships WHERE org='$b'")
    has_flat "{\"body\":\"$b\",\"states\":${n%,*},\"terms\":${n#*,},"
done
has_flat '"body":"HRC","states":124,'
run summary
line_out '  HRC +124 +313 +2006-06-19 +2027-01-01'

# importing the same folder again changes nothing
before=$(sqlite3 "$db" "SELECT (SELECT count(*) FROM ballots)||'/'||(SELECT count(*) FROM items)||'/'||(SELECT count(*) FROM findings)||'/'||(SELECT count(*) FROM imports)")
run import "$DATA"
want_rc 0
lacks_out " rows"
has_out "already imported, unchanged"
after=$(sqlite3 "$db" "SELECT (SELECT count(*) FROM ballots)||'/'||(SELECT count(*) FROM items)||'/'||(SELECT count(*) FROM findings)||'/'||(SELECT count(*) FROM imports)")
eq "$after" "$before" "store after a second import"

done_checks
