#!/bin/bash
# records.sh - the record subcommands (summary, states, items, votes, sql) on
# a small store of real items (tests/data/records.sql): tables, CSV and JSON
# output and their exact shapes, filters, usage errors (exit 2 with a hint),
# unknown things (exit 5), `hrr sql` refusing writes with the store left
# unchanged, a missing store (exit 4) and a failed write to stdout (exit 3).
# Needs only bash, coreutils, grep and the sqlite3 shell (tools/deps).
set -u
HRR=${HRR:?set HRR to the hrr binary}
SRC=${HRR_SOURCE_DIR:?set HRR_SOURCE_DIR to the source tree}
command -v sqlite3 >/dev/null || { echo "skip: no sqlite3 shell"; exit 77; }

. "$SRC/tests/cli_lib.sh"

# ---------------------------------------------------------------- fixture
printf 'iso3,iso2,m49,name_unterm,un_regional_group,upr_info_group_c2014\nCHN,CN,156,China,ASIA_PACIFIC,Asia\nCUB,CU,192,Cuba,GRULAC,GRULAC\n' >"$tmp/groups.csv"
run import --quiet "$tmp/groups.csv"
want_rc 0
sqlite3 "$db" <"$SRC/tests/data/records.sql" || { echo "cannot load the fixture" >&2; exit 1; }
sha=$(sha256sum "$tmp/groups.csv" | cut -c1-64)

# ------------------------------------------------------------------- help
run --help
want_rc 0
for c in summary states items votes sql; do has_out "  $c "; done
for c in summary states items votes sql; do
    run "$c" --help
    want_rc 0
    has_out "usage: hrr $c"
    [ -z "$err" ] || fail "$c --help wrote to stderr"
    usage_error "$c" "unknown option '--bogus'" "$c" --bogus
    usage_error "$c" "--csv and --json exclude each other" "$c" --csv --json
done
usage_error summary "unexpected argument 'x'" summary x
usage_error states "option '--group' needs a value" states --group
usage_error states "--on needs --group" states --on 2006-07-06
usage_error states "date '2006-13-45' is not a day" states --group HRC --on 2006-13-45
usage_error items "--from wants a year 1946-2100, not 'abc'" items --from abc
usage_error items "--limit wants a positive number, not '0'" items --limit 0
usage_error items "unknown kind 'vote'" items --kind vote
usage_error items "from year 2007 is after to year 2006" items --from 2007 --to 2006
usage_error votes "no item SYMBOL given" votes
usage_error votes "one SYMBOL at a time" votes A/HRC/RES/S-1/1 E/CN.4/DEC/1990/106
usage_error sql "no SQL statement given" sql

# ---------------------------------------------------------------- summary
run summary
want_rc 0
has_out "(schema 2): 5 items, 91 ballots, 2 imports"
line_out '  items +5'
line_out '  ballots +91'
line_out '  memberships +220'   # 92 from the fixture, 128 seeded from data/groups.csv
line_out '  CHR +Commission on Human Rights +3 +43 +1990-03-06 +1990-03-06'
line_out '  HRC +Human Rights Council +1 +48 +2006-07-06 +2006-07-06'
line_out '  GA3 +General Assembly Third Committee +0 +0'
line_out " +1 +$tmp/groups.csv +un-regional-groups +2 +${sha:0:12} +[0-9]{4}-[0-9]{2}-[0-9]{2}T.*Z"
line_out ' +2 +tests/data/records.sql +fixture +5 +f1c7e0d2a9b8 +2024-05-01T10:00:01Z'
run summary --json
want_rc 0
valid_json
nstates=$(sqlite3 "$db" 'SELECT count(*) FROM states')
has_flat "\"schema\":2,\"tables\":{\"states\":$nstates,"
has_flat '"items":5,"item_issues":0,"ballots":91,'
has_flat '{"code":"HRC","name":"HumanRightsCouncil","items":1,"ballots":48,"first":"2006-07-06","last":"2006-07-06"}'
has_flat '{"code":"GA3","name":"GeneralAssemblyThirdCommittee","items":0,"ballots":0,"first":null,"last":null}'
has_flat "\"format\":\"un-regional-groups\",\"rows\":2,\"sha256\":\"$sha\""
run summary --csv
want_rc 0
line_out 'section,name,rows,ballots,first,last,format,sha256,time'
line_out 'table,ballots,91,,,,,,'
line_out 'body,CHR,3,43,1990-03-06,1990-03-06,,,'
line_out "import,$tmp/groups.csv,2,,,,un-regional-groups,$sha,.*Z"
nchecks=$((nchecks + 1))
[ "$(head -c 200 "$tmp/out" | grep -c $'\r$')" -ge 1 ] || fail "CSV lines do not end in CRLF"

# ----------------------------------------------------------------- states
run states
want_rc 0
line_out 'iso3 +name +group +iso2 +m49 +start +end +aliases +orgs'
line_out 'CHN +China +ASIA_PACIFIC +CN +156 +[0-9]+ +ASIA_PACIFIC,CHR,HRC,LMG,LMG2005'
line_out "CIV +Côte d.Ivoire +AFRICAN +CI +384 +[0-9]+ +OIC"
run states --group hrc --on 2006-07-06 --csv
want_rc 0
nlines 48
line_out 'iso3,name,group,iso2,m49,start,end,aliases,orgs'
line_out 'CZE,Czechia,EEG,CZ,203,1993-01-01,,[0-9]+,"EU,HRC"'
lacks_out 'USA,'
run states --group CHR --on 1990-03-06 --csv
want_rc 0
nlines 44
line_out 'SUN,Union of Soviet Socialist Republics,EEG,SU,810,1945-10-24,1991-12-24,[0-9]+,CHR'
line_out 'FRG,Federal Republic of Germany \(before unification\),WEOG,,280,1973-09-18,1990-10-03,[0-9]+,"CHR,EU"'
lacks_out 'RUS,'
run states --group HRC --on 2010-01-01 --json
want_rc 0
nchecks=$((nchecks + 1)); [ "$out" = "[]" ] || fail "expected [], got $out"
run states --group ASIA_PACIFIC --json
want_rc 0
valid_json
has_flat '{"iso3":"CHN","name":"China","group":"ASIA_PACIFIC","iso2":"CN","m49":156,"start":null,"end":null,"aliases":'
run states --group NAM
want_rc 5
has_err "hrr: no group or organisation 'NAM' in the store (it has AFRICAN, ASIA_PACIFIC, CHR, EEG, EU, GRULAC, HRC, LMG, LMG2005, OIC, WEOG)"

# ------------------------------------------------------------------ items
run items
want_rc 0
nlines 7
line_out 'date +body +symbol +kind +target +yes +no +abst +outcome +ballots +title'
line_out '2006-07-06 +HRC +A/HRC/RES/S-1/1 +resolution +ISR +29 +11 +5 +adopted +48 +Human rights situation in the Occupied Palestinian Territory'
line_out '1990-03-06 +CHR +E/CN.4/DEC/1990/106 +motion +CHN +17 +15 +11 +adopted +43 +No-action motion on draft resolution E/CN.4/1990/L.47 \(Situ…'
line_out ' +GA +unga:undated:1 +other +0 +An undated item with no symbol'
run items --body hrc --csv
want_rc 0
nlines 2
line_out 'key,body,symbol,session,date,kind,scope,target,subject,agenda_item,yes,no,abstain,nonvoting,outcome,vote_type,ballots,sponsors,title'
line_out 'A/HRC/RES/S-1/1,HRC,A/HRC/RES/S-1/1,S-1,2006-07-06,resolution,country,ISR,Occupied Palestinian Territory,,29,11,5,,adopted,recorded,48,,Human rights situation in the Occupied Palestinian Territory'
run items --target chn --csv
nlines 4
run items --from 1991 --to 2005 --csv
nlines 1
run items --to 1990 --kind resolution --csv
nlines 3
run items --subject palestin --csv
nlines 2
run items --text CHINA --body chr --csv
nlines 4
run items --limit 2 --csv
want_rc 0
nlines 3
has_err "hrr: 2 of 5 items shown (--limit 2)"
run items --kind motion --json
want_rc 0
valid_json
has_flat '"key":"E/CN.4/DEC/1990/106","body":"CHR","symbol":"E/CN.4/DEC/1990/106","session":"46","date":"1990-03-06","kind":"motion","scope":"country","target":"CHN"'
has_flat '"yes":17,"no":15,"abstain":11,"nonvoting":null,"outcome":"adopted","vote_type":"recorded","ballots":43'
run items --body UNSC
want_rc 5
has_err "hrr: unknown body 'UNSC' (the store has CHR, GA, GA3, HRC)"
run items --target ZZZ
want_rc 5
has_err "unknown state iso3 'ZZZ'"

# ------------------------------------------------------------------ votes
run votes A/HRC/RES/S-1/1
want_rc 0
line_out 'A/HRC/RES/S-1/1'
line_out '  body +HRC, session S-1'
line_out '  official +29 yes, 11 no, 5 abstain'
line_out '  counted +29 yes, 11 no, 5 abstain, 2 absent \(1 non-member ballot not listed\)'
for g in 'yes (29)' 'no (11)' 'abstain (5)' 'absent (2)'; do line_out "${g//[()]/\\&}"; done
lacks_out 'USA'
# each state sits under its own vote
group_of() { awk -v s="$1" '/^[a-z]+ \([0-9]+\)$/ {g = $1} $1 == s && /^  / {print g}' "$tmp/out"; }
for sv in CHN:yes CUB:yes GBR:no JPN:no CHE:abstain KOR:absent; do
    nchecks=$((nchecks + 1))
    [ "$(group_of "${sv%%:*}")" = "${sv#*:}" ] || fail "${sv%%:*} not listed under ${sv#*:}"
done
run votes A/HRC/RES/S-1/1 --json
want_rc 0
valid_json
has_flat '"key":"A/HRC/RES/S-1/1","symbol":"A/HRC/RES/S-1/1","body":"HRC","session":"S-1","date":"2006-07-06"'
has_flat '"tally":{"yes":29,"no":11,"abstain":5},"tally_source":"official"'
has_flat '"official":{"yes":29,"no":11,"abstain":5,"nonvoting":null}'
has_flat '"counted":{"yes":29,"no":11,"abstain":5,"absent":2,"not_member":1}'
has_flat '{"state":"CHN","name":"China","vote":"yes"}'
has_flat '{"state":"PER","name":"Peru","vote":"absent"}'
count_flat '"vote":' 47
count_flat '"vote":"no"' 11
lacks_out '"USA"'
run votes --csv E/CN.4/DEC/1990/106
want_rc 0
nlines 44
line_out 'key,symbol,body,date,state,name,vote'
line_out 'E/CN.4/DEC/1990/106,E/CN.4/DEC/1990/106,CHR,1990-03-06,CHN,China,yes'
line_out 'E/CN.4/DEC/1990/106,E/CN.4/DEC/1990/106,CHR,1990-03-06,SUN,Union of Soviet Socialist Republics,yes'
nchecks=$((nchecks + 1))
[ "$(tr -d '\r' <"$tmp/out" | grep -c ',yes$')" = 17 ] || fail "not 17 yes ballots"
run votes e/cn.4/dec/1990/106 --json
want_rc 0
has_flat '"tally":{"yes":17,"no":15,"abstain":11}'
run votes E/CN.4/1990/L.47
want_rc 2
has_err "hrr: 'E/CN.4/1990/L.47' names 2 items:"
has_err "key E/CN.4/1990/L.47"
has_err "key ohchr:chr:46:L.47"
has_err "Give one key with --key KEY, or --all to show every one."
run votes --key ohchr:chr:46:L.47
want_rc 0
line_out '  key +ohchr:chr:46:L.47'
line_out '  official +not recorded'
has_out 'no ballots stored'
run votes --all --json E/CN.4/1990/L.47
want_rc 0
valid_json
nchecks=$((nchecks + 1)); [ "${out:0:1}" = "[" ] || fail "--all --json is not an array"
count_flat '"key":' 2
has_flat '"tally":null,"tally_source":null'
run votes A/HRC/RES/S-1/2
want_rc 5
has_err "hrr: no item with symbol or key 'A/HRC/RES/S-1/2' in $db"

# -------------------------------------------------------------------- sql
run sql "SELECT body, count(*) AS n FROM items GROUP BY body ORDER BY body"
want_rc 0
line_out 'body +n'
line_out 'CHR +3'
run sql --json "SELECT count(*) AS n, 1.5 AS r, NULL AS z, 'x' AS s FROM ballots"
want_rc 0
valid_json
has_flat '[{"n":91,"r":1.5,"z":null,"s":"x"}]'
run sql --csv SELECT "'a,b' AS x," "'say \"hi\"' AS y"
want_rc 0
line_out 'x,y'
line_out '"a,b","say ""hi"""'
before=$(sqlite3 "$db" .dump | sha256sum)
for q in "DELETE FROM ballots" "UPDATE items SET yes = 30" "DROP TABLE items" \
         "INSERT INTO bodies(code, name) VALUES ('X', 'x')" "CREATE TABLE t(x)"; do
    usage_error sql "SQL refused: the statement would change the store; only reading is allowed" sql "$q"
done
usage_error sql "SQL refused: give one statement at a time" sql "SELECT 1; DELETE FROM ballots"
usage_error sql "SQL refused: setting a PRAGMA" sql "PRAGMA user_version = 7"
usage_error sql "SQL refused: ATTACH" sql "ATTACH '$tmp/other.db' AS o"
usage_error sql 'SQL error: near "SELEC": syntax error' sql "SELEC 1"
nchecks=$((nchecks + 1))
[ "$(sqlite3 "$db" .dump | sha256sum)" = "$before" ] || fail "a refused statement changed the store"
nchecks=$((nchecks + 1))
[ ! -e "$tmp/other.db" ] || fail "ATTACH created a file"
run sql "SELECT count(*) FROM ballots"
line_out ' *91'

# ----------------------------------------------------- store and output errors
"$HRR" --db "$tmp/none.db" summary >"$tmp/out" 2>"$tmp/err"
rc=$? err=$(cat "$tmp/err")
want_rc 4
has_err "$tmp/none.db: cannot open store"
nchecks=$((nchecks + 1)); [ ! -e "$tmp/none.db" ] || fail "a read-only command created the store"
if [ -w /dev/full ]; then
    "$HRR" --db "$db" votes A/HRC/RES/S-1/1 >/dev/full 2>"$tmp/err"
    rc=$? err=$(cat "$tmp/err")
    want_rc 3
    has_err "hrr: writing output"
fi

echo "$nchecks checks, $nfail failed"
[ "$nfail" = 0 ]
