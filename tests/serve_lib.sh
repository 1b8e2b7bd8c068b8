# serve_lib.sh - what the tests that talk to `hrr serve` share (serve.sh,
# web.sh): start the server on a free loopback port and stop it. Source it
# after setting HRR; the caller's EXIT trap calls serve_stop.
pid=
base=
serve_stop() { [ -z "$pid" ] || { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; }; pid=; }

# serve_start STORE STATIC LOG: `hrr serve` on a free loopback port (five
# tries), stderr in LOG; $pid the server, $base its address once it prints
# "serving STORE on http://127.0.0.1:PORT/". Returns 1 if it never did.
serve_start() {
    local store=$1 static=$2 log=$3 port
    for _ in 1 2 3 4 5; do
        port=$((20000 + RANDOM % 20000))
        "$HRR" --db "$store" serve --port "$port" --static "$static" 2>"$log" &
        pid=$!
        for _ in $(seq 50); do
            grep -q "serving" "$log" 2>/dev/null && break
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        if grep -q "serving $store on http://127.0.0.1:$port/" "$log"; then
            base=http://127.0.0.1:$port
            return 0
        fi
        serve_stop
    done
    return 1
}
