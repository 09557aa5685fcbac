#!/usr/bin/env bash
# Instruction counts of `kensa decide` (and --explain, as JSON and as text) against md5sum on the same generated
# records, measured with callgrind: unlike seconds, they do not move when other work shares the machine, so a change
# to the engine can be judged from one run. Debug info is stripped from a copy of the binary first (valgrind cannot
# read Swift's DWARF 5).
# Usage: bench/instructions.sh [N]   (default 20000)
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-20000}
OUT=bench/out
FILE=$OUT/records-$N.jsonl
EMPTY=$OUT/empty.jsonl
mkdir -p "$OUT"
command -v valgrind > /dev/null || { echo "bench/instructions.sh needs valgrind" >&2; exit 1; }

swift build -c release --product kensa >&2
swift build -c release --product kensa-bench >&2
BIN=$(swift build -c release --show-bin-path)
"$BIN/kensa-bench" generate "$N" "$FILE"
: > "$EMPTY"
strip --strip-debug -o "$OUT/kensa-stripped" "$BIN/kensa"

# count CMD...: instructions CMD executes.
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 > /dev/null \
        | sed -n 's/.*I *refs: *//p' | tr -d ,
}

MD5=$(count md5sum "$FILE")
START=$(count "$OUT/kensa-stripped" decide --policy policies/jp "$EMPTY")
DECIDE=$(count "$OUT/kensa-stripped" decide --policy policies/jp "$FILE")
EXPLAIN=$(count "$OUT/kensa-stripped" decide --explain --policy policies/jp "$FILE")
TEXT=$(count "$OUT/kensa-stripped" decide --explain --format text --policy policies/jp "$FILE")

echo "instructions (callgrind): $N records, $(stat -c %s "$FILE") bytes, commit $(git rev-parse --short HEAD)"
printf '%-34s %16s %14s %10s\n' run instructions "per record" "x md5sum"
row() {
    awk -v name="$1" -v total="$2" -v n="$N" -v md5="$MD5" \
        'BEGIN { printf "%-34s %16.0f %14.0f %10.1f\n", name, total, total / n, total / md5 }'
}
row "md5sum (baseline)" "$MD5"
row "kensa decide, start-up only" "$START"
row "kensa decide" "$((DECIDE - START))"
row "kensa decide --explain" "$((EXPLAIN - START))"
row "kensa decide --explain --format text" "$((TEXT - START))"
echo "kensa rows exclude start-up (loading and compiling the policy set: the empty-file run)."
