#!/bin/bash
# web.sh - the dashboard in headless Chromium (tests/web/e2e.mjs): a store
# with every real record (or $HRR_WEB_DB), a server on a free loopback port
# (`hrr serve` once it exists, else the stand-in tests/web/standin.py) on the
# build's web folder, then the browser tests; screenshots in build/web-shots/.
# Skipped (77) without node, chromium or the bundle (npm ci in web/).
# Reads $HRR_DATA_DIR.
set -u
web=$(dirname "$HRR")/web
mods=$HRR_SOURCE_DIR/web/node_modules
command -v node >/dev/null && [ -x /usr/bin/chromium ] && [ -d "$mods/playwright-core" ] &&
    [ -f "$web/static/vendor/vega.min.js" ] || { echo "skip: node, chromium or the web bundle missing"; exit 77; }
tmp=$(mktemp -d /tmp/hrr-web.XXXXXX)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
db=${HRR_WEB_DB:-}
if [ -z "$db" ]; then
    db=$tmp/hrr.db
    "$HRR" --db "$db" import "$HRR_DATA_DIR" >/dev/null || { echo "FAIL: import"; exit 1; }
fi
port=$((20000 + $$ % 20000))
if "$HRR" serve --help >/dev/null 2>&1; then
    "$HRR" --db "$db" serve --port "$port" --static "$web" >"$tmp/server.log" 2>&1 &
else
    python3 "$HRR_SOURCE_DIR/tests/web/standin.py" "$HRR" "$db" "$web" "$port" >"$tmp/server.log" 2>&1 &
fi
pid=$!
for _ in $(seq 50); do
    curl -sf "http://127.0.0.1:$port/api/summary" >/dev/null 2>&1 && break
    sleep 0.2
done
HRR_URL=http://127.0.0.1:$port HRR_SHOTS=$(dirname "$HRR")/web-shots node "$HRR_SOURCE_DIR/tests/web/e2e.mjs"
rc=$?
[ $rc = 0 ] || cat "$tmp/server.log"
exit $rc
