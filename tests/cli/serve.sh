#!/bin/bash
# serve.sh - `hrr serve`: on a small store of real items (tests/data/
# records.sql), every route answers 200 with the JSON the CLI's --json
# prints for the same query, byte for byte; bad parameters are 400 naming
# the parameter; POST 405; unknown routes 404; path traversal 403/404; a
# long target 414; HEAD has no body; the store is unchanged. Then the same
# comparisons on the real store when the shared data is there
# (HRR_FIXTURE_DB, else ../shared/data/hrc imported into a temp store).
set -u
HRR=${HRR:?set HRR to the hrr binary}
SRC=${HRR_SOURCE_DIR:?set HRR_SOURCE_DIR to the source tree}
command -v curl >/dev/null || { echo "skip: no curl"; exit 77; }
command -v sqlite3 >/dev/null || { echo "skip: no sqlite3 shell"; exit 77; }

. "$SRC/tests/cli_lib.sh"
. "$SRC/tests/serve_lib.sh"
stop() { serve_stop; }
trap 'stop; rm -rf "$tmp"' EXIT

# start DB: the server on a free loopback port, $base its address
start() {
    serve_start "$1" "$tmp/www" "$tmp/serve.err" && return 0
    echo "the server did not start: $(cat "$tmp/serve.err")" >&2
    exit 1
}

# get PATH: body in $tmp/body, status in $code
get() { code=$(curl -s -o "$tmp/body" -w '%{http_code}' "$@"); }

# same PATH CLI-ARGS...: the route's answer is the CLI's --json, byte for byte
same() {
    local path=$1
    shift
    nchecks=$((nchecks + 2))
    get "$base$path"
    [ "$code" = 200 ] || { fail "$path: status $code: $(cat "$tmp/body")"; return; }
    "$HRR" --db "$store" "$@" >"$tmp/cli" 2>/dev/null
    cmp -s "$tmp/body" "$tmp/cli" || fail "$path differs from hrr $*:"$'\n'"$(diff "$tmp/body" "$tmp/cli" | head -5)"
}

# status PATH CODE [TEXT]: the answer's status, a JSON error holding TEXT
status() {
    nchecks=$((nchecks + 1))
    get "$base$1" "${@:4}"
    [ "$code" = "$2" ] || { fail "$1: status $code, expected $2: $(cat "$tmp/body")"; return; }
    if [ -n "${3:-}" ]; then
        nchecks=$((nchecks + 1))
        grep -qF -- "$3" "$tmp/body" || fail "$1: the error lacks '$3': $(cat "$tmp/body")"
        grep -qF "\"status\": $2" "$tmp/body" || fail "$1: no \"status\": $2 in $(cat "$tmp/body")"
    fi
}

# ---------------------------------------------------------------- fixture
printf 'iso3,iso2,m49,name_unterm,un_regional_group,upr_info_group_c2014\nCHN,CN,156,China,ASIA_PACIFIC,Asia\nCUB,CU,192,Cuba,GRULAC,GRULAC\n' >"$tmp/groups.csv"
run import --quiet "$tmp/groups.csv"
want_rc 0
sqlite3 "$db" <"$SRC/tests/data/records.sql" || { echo "cannot load the fixture" >&2; exit 1; }
run check --json >/dev/null # the findings the server reads (it never writes)
mkdir -p "$tmp/www/css" "$tmp/www/sub"
echo '<!doctype html><title>hrr</title>' >"$tmp/www/index.html"
echo 'body{}' >"$tmp/www/css/a.css"
echo 'secret' >"$tmp/secret.txt"
ln -s "$tmp/secret.txt" "$tmp/www/sub/link.txt"
mkfifo "$tmp/www/fifo"
store=$db
sha=$(sha256sum "$store" | cut -c1-64)
start "$store"

# ---------------------------------------------------------- the same JSON
same /api/summary summary --json
same /api/states states --json
same '/api/states?group=HRC&on=2006-07-06' states --group HRC --on 2006-07-06 --json
same /api/items items --json
same '/api/items?body=HRC&from=2006&to=2007&limit=2' items --body HRC --from 2006 --to 2007 --limit 2 --json
same '/api/votes?ref=A/HRC/RES/S-1/1' votes A/HRC/RES/S-1/1 --json
same /api/check check --json
same '/api/agree?body=HRC' agree --body HRC --json
same '/api/agree?body=HRC&with=CUB&by_year=1' agree --body HRC --with CUB --by-year --json
same '/api/agree?body=HRC&min=0' agree --body HRC --min 0 --json
same '/api/cohesion?body=HRC&group=GRULAC' cohesion --body HRC --group GRULAC --json
same '/api/power?weights=3,2,1&quota=4' power --weights 3,2,1 --quota 4 --json
same '/api/power?members=47&blocs=13,8' power --members 47 --blocs 13,8 --json
same /api/rules rules list --json
same '/api/rules?name=hrc' rules show hrc --json
same '/api/decide?rules=hrc&yes=30&no=10&abstain=5' decide --rules hrc --yes 30 --no 10 --abstain 5 --json
same '/api/decide?rules=ga-plenary&yes=80&no=70&abstain=30&important=1' decide --rules ga-plenary --yes 80 --no 70 --abstain 30 --important --json
same '/api/replay?rules=chr&body=HRC&all=1' replay --rules chr --body HRC --all --json
same /api/casebook casebook --json
same '/api/casebook?rules=hrc' casebook --rules hrc --json

# ------------------------------------------------------------- bad requests
status '/api/agree' 400 'body is required (the store has CHR, GA, GA3, HRC)'
status '/api/agree?body=XX' 400 "body: 'XX' is not a body of the store"
status '/api/agree?body=HRC&from=abc' 400 "from wants a year 1946-2100, not 'abc'"
status '/api/agree?body=HRC&from=20x6' 400 "from wants a year 1946-2100, not '20x6'"
status '/api/agree?body=HRC&from=2010&to=2007' 400 'from year 2010 is after to year 2007'
status '/api/agree?body=HRC&min=-1' 400 "min wants a number 0-1000000, not '-1'"
status '/api/agree?body=HRC&by_year=1' 400 'by_year needs with=ISO3'
status '/api/agree?body=HRC&by_year=maybe&with=CUB' 400 "by_year wants 1 or 0, not 'maybe'"
status '/api/agree?body=HRC&bogus=1' 400 "unknown parameter 'bogus'"
status '/api/blocs?body=HRC&seed=-3' 400 "seed wants a non-negative integer, not '-3'"
status '/api/blocs?body=HRC&k=3' 400 'k goes with method=hclust'
status '/api/blocs?body=HRC&method=kmeans' 400 "method: 'kmeans' is not louvain or hclust"
status '/api/items?limit=0' 400 "limit wants a positive number, not '0'"
status '/api/items?target=france' 400 "target wants an ISO 3166 alpha-3 code"
status '/api/forecast?body=HRC&date=2020-01-01&title=x&runs=0' 400 "runs wants a number 1-100000000, not '0'"
status '/api/forecast?body=HRC&title=x' 400 'date YYYY-MM-DD is required'
status '/api/ideal?body=HRC&dims=3' 400 "dims is 1 or 2, not '3'"
status '/api/votes' 400 'ref is required'
status '/api/votes?ref=A/NOPE/1' 404 ''
status '/api/decide?rules=hrc&yes=1' 400 'yes, no and abstain are required'
status '/api/decide?rules=../../etc/passwd&yes=1&no=1&abstain=1' 400 'is not the name of a rule set'
status '/api/replay?rules=nosuch' 400 ''
status '/api/power?weights=3,x&quota=2' 400 "weights: '3,x' is not a list of positive integers"
status '/api/nope' 404 'no route /api/nope'
status '/nope' 404 'not found'
status '/api/summary' 405 'method POST is not allowed' -X POST
status '/api/summary' 405 'method DELETE is not allowed' -X DELETE
status '/api/summary' 405 '' -X PUT -d x
status "/api/items?text=$(printf 'a%.0s' $(seq 5000))" 414 'longer than 4096 bytes'
status '/api/votes?ref=A%00B' 400 'a NUL in the request target'

# ---------------------------------------------------------------- static
status / 200
nchecks=$((nchecks + 1))
grep -q '<title>hrr</title>' "$tmp/body" || fail "/ is not index.html"
nchecks=$((nchecks + 1))
ctype=$(curl -s -o /dev/null -w '%{content_type}' "$base/static/css/a.css")
[ "$ctype" = "text/css; charset=utf-8" ] || fail "a.css served as '$ctype'"
nchecks=$((nchecks + 1))
ctype=$(curl -s -o /dev/null -w '%{content_type}' "$base/api/summary")
[ "$ctype" = "application/json; charset=utf-8" ] || fail "the API answers '$ctype'"
for p in '/static/../../etc/passwd' '/static/%2e%2e/%2e%2e/etc/passwd' '/static/%2E%2E%2Fsecret.txt' \
         '/static/..%2f..%2fetc%2fpasswd' '/static//etc/passwd' '/static/css/../../secret.txt' \
         '/static/sub/link.txt' '/static/fifo' '/static/css' '/static/css/' '/static/%00' \
         '/static/a%5c..%5c..%5csecret.txt'; do
    nchecks=$((nchecks + 1))
    get --path-as-is "$base$p"
    case $code in 400 | 403 | 404) ;; *) fail "$p: status $code" ;; esac
    grep -q secret "$tmp/body" && fail "$p: served a file outside the root"
done

# ------------------------------------------------------------------- HEAD
nchecks=$((nchecks + 2))
curl -s -I "$base/api/summary" >"$tmp/head"
grep -q '^HTTP/1.1 200' "$tmp/head" || fail "HEAD: $(head -1 "$tmp/head")"
n=$(curl -s --head -o /dev/null -w '%{size_download}' "$base/api/summary")
[ "$n" = 0 ] || fail "HEAD has a body of $n bytes"

# several at once, from several workers
nchecks=$((nchecks + 1))
for i in $(seq 16); do curl -s -o "$tmp/par.$i" "$base/api/votes?ref=A/HRC/RES/S-1/1" & done
wait $(jobs -p | grep -v "^$pid\$") 2>/dev/null
"$HRR" --db "$store" votes A/HRC/RES/S-1/1 --json >"$tmp/cli"
for i in $(seq 16); do cmp -s "$tmp/par.$i" "$tmp/cli" || { fail "parallel answer $i differs"; break; }; done

stop
nchecks=$((nchecks + 1))
grep -q 'stopped (SIGTERM)' "$tmp/serve.err" || fail "no clean stop: $(cat "$tmp/serve.err")"
nchecks=$((nchecks + 1))
[ "$(sha256sum "$store" | cut -c1-64)" = "$sha" ] || fail "the store changed"

# usage errors of the subcommand
usage_error serve "--port wants a number 1-65535, not '0'" serve --port 0
usage_error serve "--bind wants an IPv4 address, not 'nowhere'" serve --bind nowhere
run --db "$tmp/none.db" serve --port 1
nchecks=$((nchecks + 1))
[ "$rc" = 4 ] || fail "a missing store: exit $rc, expected 4"

# --------------------------------------------------------- the real store
real=${HRR_FIXTURE_DB:-}
if [ -z "$real" ] && [ -d "${HRR_DATA_DIR:-}/hrc" ]; then
    real=$tmp/real.db
    "$HRR" --db "$real" import --quiet "$HRR_DATA_DIR/hrc" >/dev/null 2>&1 || real=
fi
if [ -n "$real" ] && [ -f "$real" ]; then
    store=$real
    sha=$(sha256sum "$store" | cut -c1-64)
    start "$store"
    same /api/summary summary --json
    same '/api/items?body=HRC&from=2010&to=2011&target=LKA' items --body HRC --from 2010 --to 2011 --target LKA --json
    same '/api/votes?ref=A/HRC/RES/S-1/1' votes A/HRC/RES/S-1/1 --json
    same '/api/agree?body=HRC&with=CHN&by_year=1' agree --body HRC --with CHN --by-year --json
    same '/api/agree?body=HRC&from=2015&to=2016&min=10' agree --body HRC --from 2015 --to 2016 --min 10 --json
    # groups come with the countries file: only in the full store
    [ -z "${HRR_FIXTURE_DB:-}" ] || same '/api/cohesion?body=HRC&group=WEOG' cohesion --body HRC --group WEOG --json
    same '/api/blocs?body=HRC&from=2015&to=2018' blocs --body HRC --from 2015 --to 2018 --json
    same '/api/blocs?body=HRC&from=2012&to=2014&by_year=1' blocs --body HRC --from 2012 --to 2014 --by-year --json
    same '/api/ideal?body=HRC&from=2012&to=2016' ideal --body HRC --from 2012 --to 2016 --json
    same '/api/ideal?body=HRC&from=2012&to=2014&dynamic=1' ideal --body HRC --from 2012 --to 2014 --dynamic --json
    same '/api/replay?rules=chr&body=HRC&from=2010&to=2012' replay --rules chr --body HRC --from 2010 --to 2012 --json
    same '/api/forecast?body=HRC&date=2014-03-28&like=A/HRC/RES/22/1&runs=2000&seed=3' forecast --body HRC --date 2014-03-28 --like A/HRC/RES/22/1 --runs 2000 --seed 3 --json
    stop
    nchecks=$((nchecks + 1))
    [ "$(sha256sum "$store" | cut -c1-64)" = "$sha" ] || fail "the real store changed"
fi

echo "serve: $nchecks checks, $nfail failed"
[ "$nfail" = 0 ]
