#!/bin/bash
# tools/gen_api_docs.sh - write docs/api.md: every route of `hrr serve`, its
# parameters, an example request and its real answer (from STORE, the real
# data imported: build/hrr --db /tmp/serve.db import ../shared/data), so the
# examples cannot drift from the code. The bench figures are kept from the
# file's "## Benchmark" section.   tools/gen_api_docs.sh [STORE]
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
HRR=${HRR:-$ROOT/build/hrr}
DB=${1:-/tmp/serve.db}
OUT=$ROOT/docs/api.md
port=$((20000 + RANDOM % 20000))
err=$(mktemp)
"$HRR" --db "$DB" serve --port "$port" 2>"$err" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -f "$err"' EXIT
for _ in $(seq 50); do grep -q serving "$err" && break; sleep 0.1; done
base=http://127.0.0.1:$port
bench=$( [ -f "$OUT" ] && sed -n '/^## Benchmark/,$p' "$OUT" || true)

route() { # PATH PARAMS EXAMPLE: a section
    echo "### \`$1\`"
    echo
    echo "$2"
    echo
    echo '```'
    echo "GET $3"
    echo '```'
    echo
    echo '```json'
    curl -s "$base$3" | head -c 1500
    [ "$(curl -s "$base$3" | wc -c)" -le 1500 ] || printf '\n... (cut here)'
    echo
    echo '```'
    echo
}
{
cat <<'MD'
# The JSON API of `hrr serve`

Made by `tools/gen_api_docs.sh` from the real store (every example below is
the server's real answer); do not edit by hand.

`hrr serve [--port P (8080)] [--bind ADDR (127.0.0.1)] [--db FILE] [--static DIR] [--threads N (4)]`
serves the API and the pages on libmicrohttpd (a thread pool; one read-only,
`query_only` store per worker). It prints `hrr: serving STORE on
http://ADDR:PORT/` on stderr and stops cleanly on SIGINT or SIGTERM.

- Only GET and HEAD; any other method is 405. Every answer of `/api/...` is
  `application/json; charset=utf-8`, the same bytes the CLI prints with
  `--json` for the same query (tests/cli/serve.sh checks it).
- Parameters are query-string parameters named as the CLI's options without
  dashes (`by_year=1` for `--by-year`). Each value goes through the same
  validator as the CLI's (include/hrr/params.h): years 1946-2100 (`from` <=
  `to`), `seed` a non-negative integer, `runs` 1-100000000, `min`
  0-1000000, `limit` a positive number, ISO3 codes three letters A-Z,
  switches `1`/`0`; `body` one of the store's bodies. A parameter a route does
  not take is refused.
- Errors: `{"error": "message", "status": N}`: 400 a bad or missing
  parameter (the message names it and its range), 403 a forbidden static
  path, 404 an unknown route or thing, 405 a method, 414 a request target
  over 4096 bytes, 500 the store failed, 503 out of memory.
- Static pages: `/` is `DIR/index.html`, `/static/PATH` is `DIR/PATH`; only
  regular files under DIR (no `..`, `.`, empty parts, backslashes, encoded
  NULs, or symlinks out of DIR).
- `/api/check` lists the findings the last `hrr check` stored: the server
  never writes, so it does not re-run the reconciliation.

## Routes

MD
route /api/summary "No parameters. \`hrr summary --json\`." "/api/summary"
route /api/states "\`group\` (a regional group or organisation), \`on\` (YYYY-MM-DD, with group). \`hrr states --json\`." "/api/states?group=LMG"
route /api/items "\`body\`, \`from\`, \`to\`, \`kind\`, \`target\` (ISO3), \`subject\`, \`text\`, \`limit\`. \`hrr items --json\`." "/api/items?body=HRC&from=2012&to=2012&target=LKA"
route /api/votes "\`ref\` (required: a symbol or key), \`key=1\` (ref is a key), \`all=1\` (every item ref names: an array). \`hrr votes SYMBOL --json\`." "/api/votes?ref=A/HRC/RES/S-1/1"
route /api/check "\`kind\` (a finding kind). \`hrr check --json\`, as last stored." "/api/check?kind=tally_mismatch"
route /api/agree "\`body\` (required), \`from\`, \`to\`, \`with\` (ISO3 or group), \`by_year=1\` (with with), \`min\` (default 1). \`hrr agree --json\`." "/api/agree?body=HRC&with=CHN&by_year=1&from=2019"
route /api/cohesion "\`body\` (required), \`group\` (required), \`from\`, \`to\`. \`hrr cohesion --json\`." "/api/cohesion?body=HRC&group=WEOG&from=2020"
route /api/blocs "\`body\` (required), \`from\`, \`to\`, \`min\` (default 20), \`seed\` (default 1), \`method\` (louvain, hclust), \`k\` (1-100, with hclust), \`by_year=1\`. \`hrr blocs --json\`." "/api/blocs?body=HRC&from=2018&to=2020&method=hclust&k=3"
route /api/ideal "\`body\` (required), \`from\`, \`to\`, \`dims\` (1, 2), \`model\` (binary, ordinal), \`se\` (2-1000 replicates), \`min\`, \`seed\`, \`positive\` (ISO3), \`dynamic=1\` (the yearly paths; no dims, model, se, seed). \`hrr ideal --json\`." "/api/ideal?body=HRC&from=2020&to=2021"
route /api/power "\`weights\` (positive integers) and \`quota\` (1-100000), or \`members\` (1-1000) and \`blocs\`. \`hrr power --json\`." "/api/power?weights=3,2,1&quota=4"
route /api/rules "\`name\` (one rule set's own JSON, as \`hrr rules show NAME --json\`); without: the list, \`hrr rules list --json\`." "/api/rules"
route /api/decide "\`rules\` (required), \`yes\`, \`no\`, \`abstain\` (required counts 0-100000), \`absent\`, \`members\`, \`supporters\`, \`year\`, \`kind\` (country, thematic), \`motion\` (no-action), \`important=1\`. \`hrr decide --json\`." "/api/decide?rules=hrc&yes=20&no=17&abstain=10"
route /api/replay "\`rules\` (required), \`body\`, \`from\`, \`to\`, \`kind\` (country, thematic), \`target\` (ISO3), \`all=1\` (every item, not only flips). \`hrr replay --json\`." "/api/replay?rules=chr&body=HRC&from=2012&to=2012"
route /api/casebook "\`rules\` (each vote decided again under it). \`hrr casebook --json\`." "/api/casebook?rules=hrc"
route /api/forecast "\`body\` (required), \`date\` (required, YYYY-MM-DD), \`like\` or \`title\` (one required), \`target\` (ISO3), \`sponsors\` and \`members\` (ISO3 codes separated by , or ;; the CLI's --members takes a file or such a list), \`rules\`, \`runs\`, \`seed\`, \`no_action\` (1/0). \`hrr forecast --json\`." "/api/forecast?body=HRC&date=2014-03-28&like=A/HRC/RES/22/1&runs=2000&seed=3"
route /api/backtest "\`body\` (required), \`from\` and \`to\` (required), \`runs\`, \`seed\`. \`hrr backtest --json\`." "/api/backtest?body=HRC&from=2024&to=2024&runs=500"
route /api/profile "\`state\` (required, ISO3, any case), \`body\` (one body only), \`no_ideal\` (1: leave out the ideal-point path). \`hrr profile ISO3 --json\`." "/api/profile?state=CHN&body=HRC&no_ideal=1"
route /api/compare "\`a\` and \`b\` (required, ISO3), \`body\` (required), \`from\`, \`to\`, \`limit\` (1-100000 differing votes, default 20). \`hrr compare A B --json\`." "/api/compare?a=CHN&b=USA&body=HRC&limit=3"
if [ -n "$bench" ]; then echo "$bench"; else echo "## Benchmark"; echo; echo "(run bench/serve)"; fi
} >"$OUT.tmp"
mv "$OUT.tmp" "$OUT"
echo "wrote $OUT"
