#!/bin/bash
# docs_blocks.sh - the output blocks of docs/simulation.md and docs/forecast.md are the output of
# the current code: tools/gen_doc_blocks.sh run on a copy of the page against
# the suite's shared store must give the committed page byte for byte (a
# change that moves a figure regenerates the page:
# `tools/gen_doc_blocks.sh docs/simulation.md build/fixture/hrr.db`). The
# blocks tagged `slow` (the mechanisms switched off, ~20 s) and `bench` (a
# timing) are kept as committed, which keeps the test to about 35 s on an
# idle machine. Then the generator itself on small pages: a filter, a run-sh
# block, a table, a kept bench block, idempotence, and loud failures that
# leave the page untouched.
set -u
HRR=${HRR:?set HRR to the hrr binary}
SRC=${HRR_SOURCE_DIR:?set HRR_SOURCE_DIR to the source tree}
DATA=${HRR_DATA_DIR:?set HRR_DATA_DIR to the shared data}
[ -r "$DATA/README.md" ] || { echo "skip: no shared data at $DATA"; exit 77; }
. "$SRC/tests/cli_lib.sh"
export HRR
gen="$SRC/tools/gen_doc_blocks.sh"
use_data_store
want_rc 0

# the pages (docs/forecast.md, docs/forecast-heldout.md and README.md: the forecasts and the
# Council backtest; the Assembly's backtest is tagged slow)
for page in docs/simulation docs/forecast docs/forecast-heldout README; do
    mkdir -p "$tmp/docs"
    cp "$SRC/$page.md" "$tmp/$page.md"
    nchecks=$((nchecks + 1))
    if "$gen" --skip slow "$tmp/$page.md" "$db" 2>"$tmp/err"; then
        nchecks=$((nchecks + 1))
        diff -u "$SRC/$page.md" "$tmp/$page.md" >"$tmp/diff" ||
            fail "$page.md is not the output of the current code; regenerate it with tools/gen_doc_blocks.sh $page.md build/fixture/hrr.db:"$'\n'"$(head -60 "$tmp/diff")"
    else
        fail "tools/gen_doc_blocks.sh failed on $page.md: $(cat "$tmp/err")"
    fi
done
nchecks=$((nchecks + 1))
n=$(grep -c '^<!-- run' "$SRC/docs/simulation.md")
[ "$n" -ge 12 ] || fail "docs/simulation.md has $n markers, expected every output block marked (12)"

# the generator on a small page
cat >"$tmp/p.md" <<'EOF'
# A page

Text kept as it is.

<!-- run: decide --rules hrc --yes 20 --no 10 --abstain 5 | grep -i adopted -->
```
stale
```

<!-- run-sh: hrr summary --csv | sed -n 1p | tr -d '\r' -->
```
```

<!-- run: summary --csv | head -3 | csv2md -c -->
| old |

<!-- run-sh bench: echo timing -->
```
$ echo timing
0.1 s
```
EOF
run decide --rules hrc --yes 20 --no 10 --abstain 5
want_rc 0
decided=$(grep -i adopted "$tmp/out")
nchecks=$((nchecks + 1)); [ -n "$decided" ] || fail "hrr decide prints no 'adopted' line: $out"
"$HRR" --db "$db" summary --csv >"$tmp/sum.csv"
header=$(head -1 "$tmp/sum.csv" | tr -d '\r')
"$gen" "$tmp/p.md" "$db" 2>"$tmp/err"
rc=$?
want_rc 0
cp "$tmp/p.md" "$tmp/out"
has_out "Text kept as it is."
has_out '$ hrr decide --rules hrc --yes 20 --no 10 --abstain 5 | grep -i adopted'
has_out "$decided"
lacks_out stale
has_out "\$ hrr summary --csv | sed -n 1p | tr -d '\\r'"
has_out "$header"
has_out "| $(echo "$header" | sed 's/,/ | /g') |"
has_out "|---|"
lacks_out "| old |"
has_out "0.1 s"
nchecks=$((nchecks + 1)); ! grep -q $'\r' "$tmp/p.md" || fail "a CR in the page"
cp "$tmp/p.md" "$tmp/p1.md"
"$gen" "$tmp/p.md" "$db" 2>"$tmp/err"
nchecks=$((nchecks + 1)); cmp -s "$tmp/p.md" "$tmp/p1.md" || fail "a second run changed the page: $(diff "$tmp/p1.md" "$tmp/p.md")"

# loud failures, the page untouched
printf '%s\n' '<!-- run: decide --rules no-such-rules --yes 1 -->' '```' '```' >"$tmp/bad.md"
cp "$tmp/bad.md" "$tmp/bad0.md"
"$gen" "$tmp/bad.md" "$db" 2>"$tmp/err"
rc=$?
want_rc 1
has_err "bad.md:1: hrr decide --rules no-such-rules --yes 1 failed"
nchecks=$((nchecks + 1)); cmp -s "$tmp/bad.md" "$tmp/bad0.md" || fail "a failed run changed the page"
printf '%s\n' '<!-- run: summary | grep no-such-line -->' '```' '```' >"$tmp/bad.md"
"$gen" "$tmp/bad.md" "$db" 2>"$tmp/err"
rc=$?
want_rc 1
has_err "filter 'grep no-such-line' failed"
printf '%s\n' '<!-- run: summary -->' 'not a block' >"$tmp/bad.md"
"$gen" "$tmp/bad.md" "$db" 2>"$tmp/err"
rc=$?
want_rc 1
has_err "not followed by a fenced block or a table"
printf '%s\n' '<!-- run-sh: false -->' '```' '```' >"$tmp/bad.md"
"$gen" "$tmp/bad.md" "$db" 2>"$tmp/err"
rc=$?
want_rc 1
has_err "'false' failed (exit 1)"

done_checks
