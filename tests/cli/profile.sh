#!/bin/bash
# profile.sh - `hrr profile ISO3` and `hrr compare A B` on the real records
# (groups, Commission and Council votes, treaties, UPR): China's page in text
# and JSON (the 1990 Commission decision's 17-15-11, CAT since 1988, its UPR
# recommendations of session 17 counted again in SQL), China against the
# United States on the Council in 2017 recomputed in SQL, usage errors
# (exit 2 with a hint) and an unknown state (exit 5).
set -u
HRR=${HRR:?set HRR to the hrr binary}
SRC=${HRR_SOURCE_DIR:?set HRR_SOURCE_DIR to the source tree}
DATA=${HRR_DATA_DIR:?set HRR_DATA_DIR to the shared data}
[ -r "$DATA/README.md" ] || { echo "skip: no shared data at $DATA"; exit 77; }
command -v sqlite3 >/dev/null || { echo "skip: no sqlite3 shell"; exit 77; }
. "$SRC/tests/cli_lib.sh"
q() { sqlite3 "$db" "$1"; }

for d in countries ohchr-voting hrc treaties upr; do
    run import --quiet "$DATA/$d"
    want_rc 0
done

# ------------------------------------------------------------------ usage
run --help
has_out "  profile "
has_out "  compare "
for c in profile compare; do
    run "$c" --help
    want_rc 0
    has_out "usage: hrr $c"
done
usage_error profile "no state ISO3 given" profile
usage_error profile "one state at a time ('USA' is extra)" profile CHN USA
usage_error profile "unknown option '--csv'" profile --csv CHN
usage_error profile "a profile covers CHR, HRC or GA, not 'GA3'" profile --body GA3 CHN
usage_error compare "two states A B are needed, not 1" compare --body HRC CHN
usage_error compare "--body" compare CHN USA
usage_error compare "--limit wants a number 1-100000, not '0'" compare --body HRC --limit 0 CHN USA
run profile XXX
want_rc 5
has_err "no state 'XXX' in the store"
run compare --body HRC CHN XXX
want_rc 5
has_err "no state 'XXX' in the store"

# ------------------------------------------------------------------ China
run profile CHN
want_rc 0
line_out '  1990-03-06  CHR   E/CN.4/DEC/1990/106  motion +17 +15 +11  adopted +yes .*'
line_out '  cat +party +1988  Convention against Torture.*'
line_out '  iccpr +signatory +International Covenant on Civil and Political Rights'
has_out "chr-1990-china"
has_out "ideal-point path, 95% interval (HRC: fitted; CHR: fitted"
run profile chn --json
want_rc 0
valid_json
has_flat '"symbol":"E/CN.4/DEC/1990/106","date":"1990-03-06","kind":"motion"'
has_flat '"yes":17,"no":15,"abstain":11,"outcome":"adopted","vote":"yes"'
has_flat '{"instrument":"cat","name":"ConventionagainstTortureandOtherCruel,InhumanorDegradingTreatmentorPunishment","status":"party","year":1988}'
has_flat '"status":"signatory","year":null}'
r17=$(q "SELECT count(*) FROM upr_recommendations u JOIN states s ON s.id=u.sur_id WHERE s.iso3='CHN' AND u.session=17")
s17=$(q "SELECT count(*) FROM upr_recommendations u JOIN states s ON s.id=u.sur_id WHERE s.iso3='CHN' AND u.session=17 AND upper(response)='SUPPORTED'")
[ "$r17" -gt 100 ] || fail "session 17: $r17 recommendations to China"
has_flat "{\"session\":17,\"received\":{\"total\":$r17,\"supported\":$s17,"
for k in state memberships voting agreement ideal targeted treaties upr casebook; do has_flat "\"$k\":"; done
run profile CHN --body CHR --no-ideal
want_rc 0
has_out "E/CN.4/DEC/1990/106"
lacks_out "A/HRC/DEC/11/110"
lacks_out "ideal-point path, 95% interval (HRC"

# -------------------------------------------------------- China and the US
both="FROM ballots x JOIN ballots y ON y.item_id=x.item_id JOIN items i ON i.id=x.item_id
 WHERE x.state_id=(SELECT id FROM states WHERE iso3='CHN') AND y.state_id=(SELECT id FROM states WHERE iso3='USA')
 AND i.body='HRC' AND substr(i.date,1,4)='2017' AND x.vote IN (1,2,3) AND y.vote IN (1,2,3)"
n=$(q "SELECT count(*) $both")
same=$(q "SELECT sum(x.vote=y.vote) $both")
opp=$(q "SELECT sum(x.vote+y.vote=3) $both")
run compare CHN USA --body HRC --from 2017 --to 2017 --json --limit 3
want_rc 0
valid_json
has_flat "\"all\":{\"n\":$n,\"same\":$same,\"opposed\":$opp,"
has_flat "\"by_year\":[{\"year\":2017,\"n\":$n,"
count_flat '"opposed":true' 3
run compare CHN USA --body HRC --from 2017 --to 2017
want_rc 0
has_out "CHN China and USA United States of America in HRC, 2017-2017"
line_out "  items both voted on  $n"
done_checks
