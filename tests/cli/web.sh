#!/bin/bash
# web.sh - the dashboard in headless Chromium (tests/web/e2e.mjs) against the
# real server: `hrr serve` on a free loopback port with the build's web
# folder, on the shared store (HRR_FIXTURE_DB, every record imported once
# per test run), else ../shared/data/hrc imported into a temp store; then
# the browser tests, which compare what each page shows with the API's
# answer, click through the filters and fail on any console error;
# screenshots in build/web-shots/.
# Skipped (77) without node, chromium, curl, the bundle (npm ci in web/) or
# any data.
set -u
HRR=${HRR:?set HRR to the hrr binary}
SRC=${HRR_SOURCE_DIR:?set HRR_SOURCE_DIR to the source tree}
web=$(dirname "$HRR")/web/static
mods=$SRC/web/node_modules
command -v node >/dev/null && command -v curl >/dev/null && [ -x /usr/bin/chromium ] &&
    [ -d "$mods/playwright-core" ] && [ -f "$web/vendor/vega.min.js" ] ||
    { echo "skip: node, curl, chromium or the web bundle missing"; exit 77; }
tmp=$(mktemp -d /tmp/hrr-web.XXXXXX)
. "$SRC/tests/serve_lib.sh"
trap 'serve_stop; rm -rf "$tmp"' EXIT

db=${HRR_FIXTURE_DB:-}
if [ -z "$db" ] || [ ! -f "$db" ]; then
    [ -d "${HRR_DATA_DIR:-}/hrc" ] || { echo "skip: no store (HRR_FIXTURE_DB) and no shared data"; exit 77; }
    db=$tmp/hrr.db
    "$HRR" --db "$db" import --quiet "$HRR_DATA_DIR/hrc" >/dev/null || { echo "FAIL: import"; exit 1; }
fi
echo "store: $db"

# the server on a free loopback port ("serving" on stderr once it listens)
serve_start "$db" "$web" "$tmp/server.log" ||
    { echo "FAIL: hrr serve did not start"; cat "$tmp/server.log"; exit 1; }
curl -sf "$base/api/summary" >/dev/null || { echo "FAIL: /api/summary"; exit 1; }

HRR_URL=$base HRR_SHOTS=$(dirname "$HRR")/web-shots node "$SRC/tests/web/e2e.mjs"
rc=$?
[ $rc = 0 ] || cat "$tmp/server.log"
exit $rc
