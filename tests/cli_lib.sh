# cli_lib.sh - what the CLI tests (tests/cli/*.sh) share: a temp folder
# with a store ($db), `run` to call hrr on it, and checks that count and
# report failures. Source it after setting HRR and HRR_SOURCE_DIR.
tmp=$(mktemp -d /tmp/hrr-cli.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/hrr.db
nfail=0 nchecks=0

fail() { nfail=$((nfail + 1)); echo "FAIL (line ${BASH_LINENO[1]}): $*" >&2; }

# run ARGS...: hrr on the test store; stdout in $out, stderr in $err, status in $rc
run() {
    "$HRR" --db "$db" "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    out=$(cat "$tmp/out")
    err=$(cat "$tmp/err")
}
# the output with CR and all blanks removed (for JSON and CSV checks)
flat() { tr -d ' \r\n' <"$tmp/out"; }

want_rc() { nchecks=$((nchecks + 1)); [ "$rc" = "$1" ] || fail "exit $rc, expected $1 (stderr: $err)"; }
has_out() { nchecks=$((nchecks + 1)); grep -qF -- "$1" "$tmp/out" || fail "stdout lacks '$1'"$'\n'"$out"; }
lacks_out() { nchecks=$((nchecks + 1)); ! grep -qF -- "$1" "$tmp/out" || fail "stdout has '$1'"; }
line_out() { nchecks=$((nchecks + 1)); tr -d '\r' <"$tmp/out" | grep -qxE -- "$1" || fail "no stdout line matching /$1/"$'\n'"$out"; }
has_err() { nchecks=$((nchecks + 1)); grep -qF -- "$1" "$tmp/err" || fail "stderr lacks '$1' (stderr: $err)"; }
has_flat() { nchecks=$((nchecks + 1)); flat | grep -qF -- "$1" || fail "output lacks '$1'"$'\n'"$(flat)"; }
nlines() { nchecks=$((nchecks + 1)); local n; n=$(wc -l <"$tmp/out"); [ "$n" = "$1" ] || fail "$n lines, expected $1"$'\n'"$out"; }
count_flat() { nchecks=$((nchecks + 1)); local n; n=$(flat | grep -oF -- "$1" | wc -l); [ "$n" = "$2" ] || fail "'$1' $n times, expected $2"; }
valid_json() {
    # an extra check where python3 happens to be installed; the shapes are
    # checked with grep above either way
    if command -v python3 >/dev/null; then
        nchecks=$((nchecks + 1))
        python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/out" || fail "invalid JSON"
    fi
}
usage_error() { # CMD WANT ARGS...: exit 2, the message and the hint
    local cmd=$1 want=$2
    shift 2
    run "$@"
    want_rc 2
    has_err "$want"
    has_err "Try 'hrr $cmd --help'."
    [ -z "$out" ] || fail "usage error wrote to stdout: $out"
}

# done: print the count and exit 0 when every check passed, 1 otherwise
done_checks() { echo "$nchecks checks, $nfail failed"; [ "$nfail" = 0 ]; }

# use_data_store: the test store becomes a copy of the shared store, all of
# the shared data imported once per test run by the CTest fixture (its path
# in HRR_FIXTURE_DB; tests/fixture.sh), and $out, $err and $rc are that
# import's, as `run import DATA` sets them; without the fixture, this is
# `run import "$HRR_DATA_DIR"` on the test store.
use_data_store() {
    local fx=${HRR_FIXTURE_DB:-}
    if [ -n "$fx" ]; then
        cp "$fx.out" "$tmp/out" && cp "$fx.err" "$tmp/err" && rc=$(cat "$fx.rc") &&
            cp "$fx" "$db" || rc=1
        out=$(cat "$tmp/out")
        err=$(cat "$tmp/err")
    else
        run import "${HRR_DATA_DIR:?set HRR_DATA_DIR to the shared data}"
    fi
}
