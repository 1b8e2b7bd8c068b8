#!/bin/bash
# power.sh - `hrr power`: the JSON shape in the order of the weights, the
# EEC 1958 values, blocs in a 47-member Council, usage errors.
set -u
HRR=${HRR:?set HRR to the hrr binary}
SRC=${HRR_SOURCE_DIR:?set HRR_SOURCE_DIR to the source tree}
. "$SRC/tests/cli_lib.sh"

run power --weights 4,4,4,2,2,1 --quota 12 --json
want_rc 0
valid_json
has_flat '"banzhaf":[0.238095238095'
has_flat ',0.142857142857'
has_flat '"shapley_shubik":[0.233333333333'
has_flat ',0.15000000000'
count_flat ',0.0]' 3
run power --weights 4,4,4,2,2,1 --quota 12 --csv
nlines 7
# the African Group voting together in the Council: 13/35 of the orderings
run power --members 47 --blocs 13 --csv
want_rc 0
has_out "1,13,"
has_out ",0.371429"
usage_error power "--quota Q is required" power --weights 1,2
usage_error power "is not a list of positive integers" power --weights 1,x --quota 2
usage_error power "give --weights and --quota, or --members" power

done_checks
