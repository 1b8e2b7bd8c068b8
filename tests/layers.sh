#!/bin/bash
# layers.sh - every `#include "..."` in src/ goes down the layers, never up.
#
# The layer table below is the one source of the order: CMakeLists.txt reads
# it too, and builds each src/<layer>/ as its own object library that sees
# only its own headers, include/ and the headers of the layers of lower rank.
# A layer may include:
#   - a header in its own folder, by its plain name ("vmat.h");
#   - a header of a lower-ranked layer, as "layer/file.h" ("store/store.h");
#   - the public API in include/ ("hrr.h", "hrr/...h"), except that core may
#     not include the umbrella hrr.h (core sees only "hrr/base.h").
# Layers of the same rank do not see each other. A "../" path is refused:
# it would bypass the include paths the compiler enforces the order with.
#
# rank layers (one row per rank, lowest first; a new src/<layer>/ needs a row)
HRR_LAYERS='
0 core
1 store
2 records
3 import rules analysis
4 replay forecast
5 sim
6 report
7 web
8 cli
'
set -u
SRC=${HRR_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}

declare -A rank
while read -r r names; do
    [ -n "$r" ] || continue
    for l in $names; do rank[$l]=$r; done
done <<<"$HRR_LAYERS"

nfail=0 nchecks=0
bad() { nfail=$((nfail + 1)); echo "$1:$2: $3" >&2; }

cd "$SRC" || exit 1
while IFS= read -r -d '' f; do
    layer=${f#src/}
    layer=${layer%%/*}
    if [ -z "${rank[$layer]+x}" ]; then
        bad "$f" 1 "src/$layer/ is not in the layer table of tests/layers.sh"
        continue
    fi
    me=${rank[$layer]}
    n=0
    while IFS= read -r line; do
        n=$((n + 1))
        [[ $line =~ ^[[:space:]]*#[[:space:]]*include[[:space:]]*\"([^\"]+)\" ]] || continue
        inc=${BASH_REMATCH[1]}
        nchecks=$((nchecks + 1))
        case $inc in
        */../* | ../* | ./* | /*)
            bad "$f" $n "#include \"$inc\": no relative or absolute paths; write \"layer/file.h\""
            ;;
        hrr.h)
            [ "$layer" != core ] || bad "$f" $n "#include \"hrr.h\": core sees only \"hrr/base.h\""
            ;;
        hrr/*.h)
            [ -f "include/$inc" ] || bad "$f" $n "#include \"$inc\": no such public header"
            ;;
        */*)
            to=${inc%%/*}
            if [ -z "${rank[$to]+x}" ]; then
                bad "$f" $n "#include \"$inc\": $to is not a layer"
            elif [ "$to" != "$layer" ] && [ "${rank[$to]}" -ge "$me" ]; then
                bad "$f" $n "#include \"$inc\": $layer (rank $me) may not include $to (rank ${rank[$to]})"
            elif [ ! -f "src/$inc" ]; then
                bad "$f" $n "#include \"$inc\": no such header in src/"
            fi
            ;;
        *)
            [ -f "$(dirname "$f")/$inc" ] || bad "$f" $n "#include \"$inc\": not in src/$layer/; write \"layer/file.h\""
            ;;
        esac
    done <"$f"
done < <(find src -type f \( -name '*.c' -o -name '*.h' \) -print0 | sort -z)

echo "layers: $nchecks includes checked, $nfail up a layer or unresolved"
[ "$nfail" = 0 ]
