#!/bin/bash
# export.sh - `hrr export rollcall` read by the programs it is for: the
# Council's 2016-2018 roll calls (real data, ../shared/data/hrc, or the
# store HRR_FIXTURE_DB names) exported wide and read in R with the four
# lines of docs/export.md; pscl::rollcall's n and m checked against counts
# made with `hrr sql`, and the 2018 Iran resolution's ballots against
# `hrr votes`; the long CSV against the .dta read back in R (foreign for
# format 115, readstata13 for 118), and usage errors. Skips (77) without
# Rscript; needs R's pscl, foreign and readstata13 (tools/deps).
set -u
HRR=${HRR:?set HRR to the hrr binary}
SRC=${HRR_SOURCE_DIR:?set HRR_SOURCE_DIR to the source tree}
command -v Rscript >/dev/null || { echo "skip: no Rscript"; exit 77; }

. "$SRC/tests/cli_lib.sh"

if [ -n "${HRR_FIXTURE_DB:-}" ]; then
    db=$HRR_FIXTURE_DB # opened read-only by every command below
else
    DATA=${HRR_DATA_DIR:?set HRR_DATA_DIR to ../shared/data}
    run import --quiet "$DATA/hrc"
    want_rc 0
fi
scope="--body HRC --from 2016 --to 2018"

# ------------------------------------------------------------ usage errors
run export --help
want_rc 0
has_out "usage: hrr export rollcall"
usage_error export "--body B is required" export rollcall
usage_error export "what to export? (rollcall)" export --body HRC
usage_error export "unknown export 'matrix' (rollcall)" export matrix --body HRC
usage_error export "--format wants wide, long or dta, not 'xls'" export rollcall --body HRC --format xls
usage_error export "--dta-version wants a number 104-119, not '12'" export rollcall --body HRC --dta-version 12
run export rollcall --body XYZ
want_rc 5
has_err "unknown body 'XYZ'"
run export rollcall --body HRC --from 2090
want_rc 5
has_err "no ballots of HRC members from 2090 to the end"
run export rollcall $scope --out /nonexistent/dir/x.csv
want_rc 3
has_err "/nonexistent/dir/x.csv"

# ------------------------------------------- the counts, made another way
q="i.body='HRC' AND b.vote BETWEEN 1 AND 4 AND substr(i.date,1,4) BETWEEN '2016' AND '2018'"
run sql --csv "SELECT count(DISTINCT b.state_id) FROM ballots b JOIN items i ON i.id=b.item_id WHERE $q"
n_sql=$(tr -d '\r' <"$tmp/out" | tail -1)
run sql --csv "SELECT count(DISTINCT b.item_id) FROM ballots b JOIN items i ON i.id=b.item_id WHERE $q"
m_sql=$(tr -d '\r' <"$tmp/out" | tail -1)
run sql --csv "SELECT count(*) FROM ballots b JOIN items i ON i.id=b.item_id WHERE $q"
ballots_sql=$(tr -d '\r' <"$tmp/out" | tail -1)
nchecks=$((nchecks + 1))
[ "${n_sql:-0}" -gt 40 ] && [ "${m_sql:-0}" -gt 100 ] || fail "implausible counts: n=$n_sql m=$m_sql"

# one real ballot: the Council's 2018 resolution on Iran (A/HRC/RES/37/30,
# 21-7-19); China voted no, the United Kingdom yes (hrr votes)
run votes --csv A/HRC/RES/37/30
want_rc 0
line_out 'A/HRC/RES/37/30,A/HRC/RES/37/30,HRC,2018-03-23,CHN,China,no'
tr -d '\r' <"$tmp/out" | tail -n +2 | cut -d, -f5,7 | grep -v ',not-member$' >"$tmp/iran.csv"

# -------------------------------------------------------------- the exports
run export rollcall $scope --out "$tmp/wide.csv"
want_rc 0
[ -z "$out" ] || fail "--out wrote to stdout"
run export rollcall $scope
want_rc 0
nchecks=$((nchecks + 1))
cmp -s "$tmp/out" "$tmp/wide.csv" || fail "stdout and --out differ"
run export rollcall $scope --format long --out "$tmp/long.csv"
want_rc 0
nchecks=$((nchecks + 1))
n=$(($(wc -l <"$tmp/long.csv") - 1))
[ "$n" = "$ballots_sql" ] || fail "long CSV has $n ballots, sql counts $ballots_sql"
nchecks=$((nchecks + 1))
[ "$(head -1 "$tmp/long.csv" | tr -d '\r')" = "item,symbol,date,iso3,state,vote" ] ||
    fail "long CSV header: $(head -1 "$tmp/long.csv")"
run export rollcall $scope --format dta --out "$tmp/v118.dta"
want_rc 0
run export rollcall $scope --format dta --dta-version 115 --out "$tmp/v115.dta"
want_rc 0
nchecks=$((nchecks + 1))
head -c 64 "$tmp/v118.dta" | grep -qF '<release>118</release>' || fail "not a format 118 .dta"

# ------------------------------------------------------------------- R
cat >"$tmp/check.R" <<'R'
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]; n_sql <- as.integer(args[2]); m_sql <- as.integer(args[3])
bad <- 0
check <- function(ok, what) if (!isTRUE(ok)) { cat("R FAIL:", what, "\n"); bad <<- bad + 1 }
suppressPackageStartupMessages(library(pscl))
# the four lines of docs/export.md
m <- read.csv(file.path(dir, "wide.csv"), check.names = FALSE)
rc <- rollcall(m[, -(1:2)], yea = 1, nay = 6, missing = c(7, 9), notInLegis = 0,
               legis.names = m$iso3, vote.names = names(m)[-(1:2)], desc = "HRC 2016-2018")
check(rc$n == n_sql, sprintf("rollcall n %d, sql %d", rc$n, n_sql))
check(rc$m == m_sql, sprintf("rollcall m %d, sql %d", rc$m, m_sql))
check(identical(colnames(m)[1:2], c("iso3", "name")), "wide columns 1-2")
# the Iran resolution: every member's ballot as hrr votes lists it
code <- c(yes = 1, no = 6, abstain = 7, absent = 9)
iran <- read.csv(file.path(dir, "iran.csv"), header = FALSE, col.names = c("iso3", "vote"))
check(nrow(iran) == 47, sprintf("%d members on A/HRC/RES/37/30", nrow(iran)))
got <- rc$votes[iran$iso3, "A/HRC/RES/37/30"]
check(all(got == code[iran$vote]), "A/HRC/RES/37/30 coded as hrr votes says")
check(rc$votes["CHN", "A/HRC/RES/37/30"] == 6, "China's no on A/HRC/RES/37/30 is 6")
check(rc$votes["GBR", "A/HRC/RES/37/30"] == 1, "the UK's yes on A/HRC/RES/37/30 is 1")
check(sum(rc$votes[, "A/HRC/RES/37/30"] == 0) == rc$n - 47, "non-members are 0")
# a pscl summary runs on it (yea, nay and missing as the codes say)
s <- summary(rc, verbose = FALSE)
check(sum(rc$votes == 1) == sum(m[, -(1:2)] == 1), "yea cells")
# the .dta, both formats, against the long CSV
suppressPackageStartupMessages({ library(foreign); library(readstata13) })
norm <- function(d) data.frame(item = d$item, symbol = d$symbol, date = as.character(d$date),
                               iso3 = d$iso3, state = d$state, vote = as.character(d$vote))
l <- norm(read.csv(file.path(dir, "long.csv"), encoding = "UTF-8"))
a <- read.dta(file.path(dir, "v115.dta"))
b <- read.dta13(file.path(dir, "v118.dta"))
check(identical(norm(a), l), "format 115 .dta (foreign) equals the long CSV")
check(identical(norm(b), l), "format 118 .dta (readstata13) equals the long CSV")
check(identical(levels(a$vote), c("yes", "no", "abstain", "absent")), "vote labels")
check(inherits(a$date, "Date"), "date is a Stata %td date")
check(identical(unique(b$state[b$iso3 == "CIV"]), "C\u00f4te d\u2019Ivoire"), "UTF-8 names")
cat(sprintf("R: n %d, m %d, %d ballots; %d failed\n", rc$n, rc$m, nrow(l), bad))
quit(status = if (bad) 1 else 0)
R
nchecks=$((nchecks + 1))
Rscript "$tmp/check.R" "$tmp" "$n_sql" "$m_sql" || fail "the R checks failed"

done_checks
