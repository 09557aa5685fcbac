#!/usr/bin/env bash
# The lint benchmark (docs/lint.md, "Speed"): builds release, generates policy sets from policies/jp, then times
# `kensa lint` on the shipped sets and the generated ones, with `kensa check` on the same set as the baseline
# measured in the same run (it loads and compiles the set, which lint does too), and `kensa test` on each shipped
# set; each best of 3 on one core. Usage: bench/lint.sh [RULES/EXEMPTIONS...]   (default 50/10 200/40 500/100)
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=("$@")
if [ ${#SIZES[@]} -eq 0 ]; then SIZES=(50/10 200/40 500/100); fi
OUT=bench/out
mkdir -p "$OUT"

swift build -c release --product kensa >&2
swift build -c release --product kensa-bench >&2
BIN=$(swift build -c release --show-bin-path)

SETS=(policies/jp policies/us)
for size in "${SIZES[@]}"; do
    dir=$OUT/lint-${size%/*}-${size#*/}
    rm -rf "$dir"
    "$BIN/kensa-bench" generate-policy "${size%/*}" "${size#*/}" "$dir" --from policies/jp >&2
    SETS+=("$dir")
done

PIN=()
if command -v taskset > /dev/null; then PIN=(taskset -c 0); fi

# best CMD...: runs CMD three times (output discarded); sets BEST to the fastest wall time in seconds.
best() {
    BEST=""
    for _ in 1 2 3; do
        local start end
        start=$(date +%s%N)
        "${PIN[@]}" "$@" > /dev/null || true
        end=$(date +%s%N)
        BEST=$(awk -v t="$(( end - start ))" -v b="$BEST" 'BEGIN { t /= 1e9; print (b == "" || t < b) ? t : b }')
    done
}

echo
echo "kensa lint benchmark: $(nproc) cores, pinned: ${PIN[*]:-no}, commit $(git rev-parse --short HEAD)," \
    "$(date -u +%Y-%m-%dT%H:%MZ)"
printf '%-28s %6s %6s %9s %9s %9s %9s %12s\n' "set (best of 3)" rules exempt "check s" "lint s" "x check" "test s" \
    "lint records"
for set in "${SETS[@]}"; do
    rules=$(grep -c '^  - id:' "$set"/*.yaml | awk -F: '/rules.yaml|policy.yaml/ { n += $2 } END { print n + 0 }')
    exemptions=$(grep -c '^  - id:' "$set"/*.yaml | awk -F: '/exemptions.yaml/ { n += $2 } END { print n + 0 }')
    best "$BIN/kensa" check "$set"
    check=$BEST
    best "$BIN/kensa" lint "$set"
    lint=$BEST
    test="-"
    if [ -d "$set/tests" ]; then
        best "$BIN/kensa" test "$set"
        test=$BEST
    fi
    records=$("$BIN/kensa" lint "$set" | sed -n 's/.*(\([0-9]*\) records of the decision space decided).*/\1/p')
    awk -v s="$set" -v r="$rules" -v e="$exemptions" -v c="$check" -v l="$lint" -v t="$test" -v n="$records" \
        'BEGIN { printf "%-28s %6d %6d %9.3f %9.3f %9.1f %9s %12s\n", s, r, e, c, l, l / c,
            (t == "-") ? t : sprintf("%.3f", t), n }'
done
