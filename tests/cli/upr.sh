#!/bin/bash
# upr.sh - `hrr upr` and `hrr treaties` on the real records (UPR Info's
# recommendations, OHCHR's treaty status), every count recomputed in SQL:
# China's recommendations received and given, filters in any case (the
# store keeps responses in lower case), the summary's totals, China's CAT
# and ICCPR status; and the engagement record seeded into every store
# (the High Commissioner's 2022 visit to China).
set -u
HRR=${HRR:?set HRR to the hrr binary}
SRC=${HRR_SOURCE_DIR:?set HRR_SOURCE_DIR to the source tree}
DATA=${HRR_DATA_DIR:?set HRR_DATA_DIR to the shared data}
[ -r "$DATA/README.md" ] || { echo "skip: no shared data at $DATA"; exit 77; }
command -v sqlite3 >/dev/null || { echo "skip: no sqlite3 shell"; exit 77; }
. "$SRC/tests/cli_lib.sh"
q() { sqlite3 "$db" "$1"; }

for d in countries treaties upr; do
    run import --quiet "$DATA/$d"
    want_rc 0
done
chn="(SELECT id FROM states WHERE iso3='CHN')"

# ------------------------------------------------------------------ upr
run upr --state chn --response Supported --csv
want_rc 0
n=$(q "SELECT count(*) FROM upr_recommendations WHERE sur_id=$chn AND response='supported'")
[ "$n" -gt 200 ] || fail "China received $n supported recommendations"
nlines $((n + 1))
has_out "session,state,by,response,action,issues,text"
run upr --state CHN --response NOTED --session 17 --json
want_rc 0
valid_json
n=$(q "SELECT count(*) FROM upr_recommendations WHERE sur_id=$chn AND response='noted' AND session=17")
count_flat '"state":"CHN"' "$n"
count_flat '"response":"noted"' "$n"
run upr --by CHN --theme TORTURE --csv
want_rc 0
n=$(q "SELECT count(*) FROM upr_recommendations WHERE recommending_id=$chn AND lower(issues) LIKE '%torture%'")
nlines $((n + 1))
run upr --state CHN --action 5 --limit 2
want_rc 0
n=$(q "SELECT count(*) FROM upr_recommendations WHERE sur_id=$chn AND action=5")
has_err "2 of $n recommendations shown (--limit 2)"
run upr --state CHN --summary --json
want_rc 0
valid_json
tot=$(q "SELECT count(*) FROM upr_recommendations WHERE sur_id=$chn")
sup=$(q "SELECT count(*) FROM upr_recommendations WHERE sur_id=$chn AND response='supported'")
has_flat "\"total\":{\"n\":$tot,\"supported\":$sup,\"noted\":$((tot - sup))}"
s4=$(q "SELECT count(*) FROM upr_recommendations WHERE sur_id=$chn AND session=4")
has_flat "{\"session\":4,\"n\":$s4,"
usa=$(q "SELECT count(*) FROM upr_recommendations WHERE sur_id=$chn AND recommending_id=(SELECT id FROM states WHERE iso3='USA')")
has_flat "{\"state\":\"USA\",\"n\":$usa,"
run upr --state CHN --summary
want_rc 0
line_out "$tot recommendations: $sup supported, $((tot - sup)) noted"
run upr --state XXX
want_rc 5
has_err "--state: no state 'XXX' in the store"

# ------------------------------------------------------------- treaties
run treaties --state chn
want_rc 0
line_out 'CHN +China +cat +party +1988 .*'
line_out 'CHN +China +iccpr +signatory +International Covenant on Civil and Political Rights'
run treaties --instrument CAT --status party --csv
want_rc 0
n=$(q "SELECT count(*) FROM ratifications WHERE instrument='cat' AND status='party'")
[ "$n" -gt 150 ] || fail "$n parties to CAT"
nlines $((n + 1))
run treaties --state CHN --instrument iccpr --json
want_rc 0
valid_json
has_flat '"iso3":"CHN","state":"China","instrument":"iccpr","status":"signatory","year":null'
run treaties --instrument xyz
want_rc 5
has_err "--instrument: no instrument 'xyz' (one of: cat, cedaw,"

# ----------------------------------------------------------- engagement
[ "$(q "SELECT count(*) FROM engagement WHERE state_id=$chn AND kind='hc-visit' AND date='2022-05'")" = 1 ] ||
    fail "no 2022 High Commissioner's visit to China in the engagement table"
run profile CHN --json --no-ideal
want_rc 0
n=$(q "SELECT count(*) FROM engagement WHERE state_id=$chn")
count_flat '"kind":"tb-review"' "$(q "SELECT count(*) FROM engagement WHERE state_id=$chn AND kind='tb-review'")"
has_flat '"kind":"hc-visit","mechanism":"HighCommissionerforHumanRights(MichelleBachelet)","date":"2022-05"'
has_flat '"source":"CAT/C/CHN/CO/4"'
has_flat '"terms":['
[ "$n" -ge 20 ] || fail "$n engagement rows for China"
run profile CHN --no-ideal
want_rc 0
line_out '  2015-11 +tb-review +CAT +done +CAT/C/CHN/CO/5 +fifth periodic report'
done_checks
