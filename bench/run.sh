#!/usr/bin/env bash
# The decide benchmark (docs/benchmark.md): generates N records, then times md5sum (the baseline: one pass over the
# bytes), `kensa decide`, `kensa decide --explain`, `kensa decide --explain --format text` and the record reader
# alone on the same file in the same run, on one core: the first four in turn, best of ROUNDS (default 5) rounds; the
# reader best of 3.
# Usage: bench/run.sh [N]   (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-1000000}
OUT=bench/out
FILE=$OUT/records-$N.jsonl
mkdir -p "$OUT"

swift build -c release --product kensa >&2
swift build -c release --product kensa-bench >&2
BIN=$(swift build -c release --show-bin-path)
"$BIN/kensa-bench" generate "$N" "$FILE"

# The tally decides every record with its full trace to count which rules fire: above 100 000 records it runs on
# the first N/10 lines.
SAMPLE_N=$(( N > 100000 ? N / 10 : N ))
SAMPLE=$OUT/records-$N-first-$SAMPLE_N.jsonl
head -n "$SAMPLE_N" "$FILE" > "$SAMPLE"

PIN=()
if command -v taskset > /dev/null; then PIN=(taskset -c 0); fi
TIME=()
if [ -x /usr/bin/time ]; then TIME=(/usr/bin/time -f %M -o "$OUT/rss"); fi

# timed NAME CMD...: runs CMD once (stdout discarded); sets LAST (its wall seconds), keeps the fastest in BEST_<NAME>
# and the largest RSS (MB) in PEAK_<NAME>.
timed() {
    local name=$1 start end seconds peak
    shift
    echo 0 > "$OUT/rss"
    start=$(date +%s%N)
    "${TIME[@]}" "${PIN[@]}" "$@" > /dev/null
    end=$(date +%s%N)
    seconds=$(awk -v t="$(( end - start ))" 'BEGIN { print t / 1e9 }')
    LAST=$seconds
    peak=$(awk -v k="$(tail -n 1 "$OUT/rss")" 'BEGIN { print k / 1024 }')
    local best="BEST_$name" most="PEAK_$name"
    printf -v "$best" '%s' "$(awk -v t="$seconds" -v b="${!best:-}" 'BEGIN { print (b == "" || t < b) ? t : b }')"
    printf -v "$most" '%s' "$(awk -v p="$peak" -v m="${!most:-0}" 'BEGIN { print (p > m) ? p : m }')"
}

# The baseline and the three runs take turns, ROUNDS times, so that each ratio compares times taken under the same
# load: on a shared machine, timing all of one command and then all of the next lets a change of load land between.
ROUNDS=${ROUNDS:-5}
DECIDE_RATIOS=()
EXPLAIN_RATIOS=()
TEXT_RATIOS=()
for _ in $(seq "$ROUNDS"); do
    timed md5 md5sum "$FILE"
    round_md5=$LAST
    timed decide "$BIN/kensa" decide --policy policies/jp "$FILE"
    DECIDE_RATIOS+=("$(awk -v t="$LAST" -v m="$round_md5" 'BEGIN { printf "%.2f", t / m }')")
    timed explain "$BIN/kensa" decide --explain --policy policies/jp "$FILE"
    EXPLAIN_RATIOS+=("$(awk -v t="$LAST" -v m="$round_md5" 'BEGIN { printf "%.2f", t / m }')")
    timed text "$BIN/kensa" decide --explain --format text --policy policies/jp "$FILE"
    TEXT_RATIOS+=("$(awk -v t="$LAST" -v m="$round_md5" 'BEGIN { printf "%.2f", t / m }')")
done

# spread RATIO...: "median M (from LOW to HIGH)" of the ratios.
spread() {
    printf '%s\n' "$@" | sort -n | awk '{ r[NR] = $1 } END {
        m = (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2
        printf "median %.2f (from %.2f to %.2f)", m, r[1], r[NR] }'
}
MD5=$BEST_md5

ROWS=()
# row NAME RECORDS SECONDS PEAK
row() { ROWS+=("$1|$2|$3|$4"); }

row "md5sum (baseline)" "$N" "$BEST_md5" "$PEAK_md5"
row "kensa decide" "$N" "$BEST_decide" "$PEAK_decide"
row "kensa decide --explain" "$N" "$BEST_explain" "$PEAK_explain"
row "kensa decide --explain --format text" "$N" "$BEST_text" "$PEAK_text"
echo 0 > "$OUT/rss"
READERS=$("${TIME[@]}" "${PIN[@]}" "$BIN/kensa-bench" readers --policy policies/jp "$FILE")
row "reader only (kensa-bench readers)" "$N" "$(sed -n 's/.*best of 3: \([0-9.]*\) s.*/\1/p' <<< "$READERS")" \
    "$(awk -v k="$(tail -n 1 "$OUT/rss")" 'BEGIN { print k / 1024 }')"

echo
echo "kensa decide benchmark: $N records, $(stat -c %s "$FILE") bytes, $(nproc) cores, pinned: ${PIN[*]:-no}," \
    "commit $(git rev-parse --short HEAD), $(date -u +%Y-%m-%dT%H:%MZ)"
printf '%-38s %10s %10s %12s %10s %9s\n' "run (best of $ROUNDS rounds)" records "wall s" "records/s" "x md5sum" "peak MB"
for r in "${ROWS[@]}"; do
    IFS='|' read -r name records seconds peak <<< "$r"
    awk -v name="$name" -v n="$records" -v t="$seconds" -v m="$MD5" -v p="$peak" \
        'BEGIN { printf "%-38s %10d %10.2f %12.0f %10.1f %9.1f\n", name, n, t, n / t, t / m, p }'
done
echo "x md5sum within each round: decide $(spread "${DECIDE_RATIOS[@]}"), --explain $(spread "${EXPLAIN_RATIOS[@]}")," \
    "--explain --format text $(spread "${TEXT_RATIOS[@]}")"
echo
"$BIN/kensa-bench" tally --policy policies/jp "$SAMPLE"
