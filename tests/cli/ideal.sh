#!/bin/bash
# ideal.sh - `hrr ideal`: the help, the --simulate timing mode, usage errors
# for the new options, and on the Council the columns of --dims 2 and --se,
# and --se --seed 1 byte-identical on one thread and on two.
set -u
HRR=${HRR:?set HRR to the hrr binary}
SRC=${HRR_SOURCE_DIR:?set HRR_SOURCE_DIR to the source tree}
. "$SRC/tests/cli_lib.sh"

run ideal --help
want_rc 0
has_out "--dims 1|2"
has_out "--model binary|ordinal"
has_out "--se N"
has_out "--simulate NS,NT,SEED"
run ideal --simulate 100,200,1
want_rc 0
line_out "simulated 100 x 200 \(seed 1, binary, 1 dim, 10% missing\): fit [0-9.]+ s, [0-9]+ iterations, \|r\| dim1 = 0\.9[0-9]+"
run ideal --simulate 100,200,1 --dims 2
want_rc 0
has_out "|r| dim2 = 0.9"
run ideal --simulate 100,200,1 --model ordinal --se 5
want_rc 0
has_out "ordinal"
has_out "bootstrap 5 replicates"
usage_error ideal "--dims is 1 or 2, not '3'" ideal --body HRC --dims 3
usage_error ideal "--model is binary or ordinal, not 'logit'" ideal --body HRC --model logit
usage_error ideal "--se wants a number of replicates" ideal --body HRC --se x
usage_error ideal "--se wants a number of replicates" ideal --body HRC --se 1
usage_error ideal "--seed wants a non-negative integer" ideal --body HRC --se 5 --seed -1
usage_error ideal "the ordinal model is one-dimensional" ideal --body HRC --dims 2 --model ordinal
usage_error ideal "--se is for one dimension" ideal --body HRC --dims 2 --se 10
usage_error ideal "--simulate wants NS,NT,SEED" ideal --simulate 10,x

DATA=${HRR_DATA_DIR:-}
if [ -n "$DATA" ] && [ -r "$DATA/hrc/hrc_votes_long.csv" ]; then
  use_data_store
  want_rc 0
  run ideal --body HRC --dims 2 --csv
  want_rc 0
  line_out "state,dim1,dim2,votes"
  line_out "USA,[0-9.]+,[0-9.]+,[0-9]+"
  OMP_NUM_THREADS=1 run ideal --body HRC --se 20 --seed 1 --csv
  want_rc 0
  line_out "state,dim1,se,votes"
  cp "$tmp/out" "$tmp/one"
  OMP_NUM_THREADS=2 run ideal --body HRC --se 20 --seed 1 --csv
  nchecks=$((nchecks + 1))
  cmp -s "$tmp/out" "$tmp/one" || fail "--se 20 --seed 1 differs between 1 and 2 threads"
  run ideal --body HRC --model ordinal --csv
  want_rc 0
  line_out "state,dim1,votes"
fi

done_checks
