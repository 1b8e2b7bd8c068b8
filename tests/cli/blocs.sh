#!/bin/bash
# blocs.sh - `hrr blocs` on the Council's real votes: Louvain (the two blocs
# of 71 and 53 states, China and the United States apart), hierarchical
# clustering cut into K blocs, blocs by year with their stability, usage
# errors.
set -u
HRR=${HRR:?set HRR to the hrr binary}
SRC=${HRR_SOURCE_DIR:?set HRR_SOURCE_DIR to the source tree}
DATA=${HRR_DATA_DIR:?set HRR_DATA_DIR to the shared data}
[ -r "$DATA/README.md" ] || { echo "skip: no shared data at $DATA"; exit 77; }
. "$SRC/tests/cli_lib.sh"

use_data_store
want_rc 0
run blocs --body HRC --json
want_rc 0
valid_json
has_flat '{"blocs":[{"members":['
has_flat '"modularity":0.37'
count_flat '"members":' 2
run blocs --body HRC --method hclust --k 3 --json
want_rc 0
valid_json
count_flat '"members":' 3
run blocs --body HRC --method hclust --csv
want_rc 0
line_out 'bloc,state'
line_out '2,USA'
run blocs --body HRC --by-year --min 10 --json
want_rc 0
valid_json
has_flat '{"years":[{"year":2006,'
has_flat '"stability":null'
has_flat '"stability":{"ari":'
has_flat '{"year":2024,'
run blocs --body HRC --by-year --min 10 --csv
want_rc 0
line_out 'year,bloc,state'
line_out '2024,0,ari=0\.[0-9]{4};nmi=0\.[0-9]{4}'
usage_error blocs "--method: 'ward' is not louvain or hclust" blocs --body HRC --method ward
usage_error blocs "--k goes with --method hclust" blocs --body HRC --k 3
usage_error blocs "--k: '0' is not a number of blocs" blocs --body HRC --method hclust --k 0

done_checks
