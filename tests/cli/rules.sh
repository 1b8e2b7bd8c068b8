#!/bin/bash
# rules.sh - `hrr rules` and `hrr decide` as a user runs them: the list, a
# rule set in words with its sources, the JSON shape of a decision, the 1990
# no-action motion on China, China's 2007 proposal, and usage errors.
set -u
HRR=${HRR:?set HRR to the hrr binary}
SRC=${HRR_SOURCE_DIR:?set HRR_SOURCE_DIR to the source tree}
. "$SRC/tests/cli_lib.sh"

run rules list --csv
want_rc 0
nlines 9
has_out "hrc-china-2007,HRC,47,"
run rules show hrc
want_rc 0
has_out "A/RES/60/251 para 7"
has_out "seats by group       AFRICAN 13 ASIA_PACIFIC 13 GRULAC 8 WEOG 7 EEG 6"
run rules show hrc-china-2007
has_out "tabling (country)    at least 1/3 of the members: 16 of 47"

# E/CN.4/DEC/1990/106: 17-15-11, the motion carries and the draft on China is not voted on
run decide --rules chr --yes 17 --no 15 --abstain 11 --motion no-action --json
want_rc 0
valid_json
has_flat '{"outcome":"adopted","reason":"theno-actionmotioncarries:17-15-11needs16yes'
has_flat '"threshold":16,"margin":1,'
# the same motion where no-action motions are out of order
run decide --rules hrc-no-no-action --yes 17 --no 15 --abstain 11 --motion no-action
has_out "no-decision"
# China's 2007 proposal: 15 supporters cannot table a country resolution
run decide --rules hrc-china-2007 --yes 29 --no 11 --abstain 5 --kind country --supporters 15 --json
has_flat '"outcome":"not-tabled"'
has_flat '"threshold":16,"margin":-1,'

usage_error decide "--rules NAME is required" decide --yes 1 --no 1 --abstain 1
usage_error decide "--kind: 'regional' is not country or thematic" decide --rules hrc --yes 1 --no 1 --abstain 1 --kind regional
usage_error decide "exceed the 47 members" decide --rules hrc --yes 40 --no 10 --abstain 1
run decide --rules nosuch --yes 1 --no 1 --abstain 1
want_rc 2
has_err "no rule set 'nosuch'"

# the casebook, replayed under the Council's rules without no-action motions
run casebook --rules hrc-no-no-action --json
want_rc 0
valid_json
has_flat '"symbol":"E/CN.4/DEC/1990/106","kind":"no-action","target":"CHN","yes":17,"no":15,"abstain":11,"outcome":"adopted","replayed":"no-decision"'
has_flat '"symbol":"A/HRC/51/L.6"'
run casebook
want_rc 0
has_out "A/HRC/RES/37/23"

done_checks
