#!/usr/bin/env bash
# The decide benchmark (docs/benchmark.md): generates N records, then times md5sum (the baseline: one pass over the
# bytes), `kensa decide`, `kensa decide --explain` and the record reader alone on the same file in the same run,
# each best of 3 on one core. Usage: bench/run.sh [N]   (default 1000000)
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

# best CMD...: runs CMD three times (stdout discarded); sets BEST (fastest wall seconds) and PEAK (largest RSS, MB).
best() {
    BEST=""
    PEAK=0
    for _ in 1 2 3; do
        local start end
        echo 0 > "$OUT/rss"
        start=$(date +%s%N)
        "${TIME[@]}" "${PIN[@]}" "$@" > /dev/null
        end=$(date +%s%N)
        BEST=$(awk -v t="$(( end - start ))" -v b="$BEST" 'BEGIN { t /= 1e9; print (b == "" || t < b) ? t : b }')
        PEAK=$(awk -v k="$(tail -n 1 "$OUT/rss")" -v p="$PEAK" 'BEGIN { m = k / 1024; print (m > p) ? m : p }')
    done
}

ROWS=()
# row NAME RECORDS SECONDS PEAK
row() { ROWS+=("$1|$2|$3|$4"); }

best md5sum "$FILE"
MD5=$BEST
row "md5sum (baseline)" "$N" "$MD5" "$PEAK"
best "$BIN/kensa" decide --policy policies/jp "$FILE"
row "kensa decide" "$N" "$BEST" "$PEAK"
best "$BIN/kensa" decide --explain --policy policies/jp "$FILE"
row "kensa decide --explain" "$N" "$BEST" "$PEAK"
echo 0 > "$OUT/rss"
READERS=$("${TIME[@]}" "${PIN[@]}" "$BIN/kensa-bench" readers --policy policies/jp "$FILE")
row "reader only (kensa-bench readers)" "$N" "$(sed -n 's/.*best of 3: \([0-9.]*\) s.*/\1/p' <<< "$READERS")" \
    "$(awk -v k="$(tail -n 1 "$OUT/rss")" 'BEGIN { print k / 1024 }')"

echo
echo "kensa decide benchmark: $N records, $(stat -c %s "$FILE") bytes, $(nproc) cores, pinned: ${PIN[*]:-no}," \
    "commit $(git rev-parse --short HEAD), $(date -u +%Y-%m-%dT%H:%MZ)"
printf '%-36s %10s %10s %12s %10s %9s\n' "run (best of 3)" records "wall s" "records/s" "x md5sum" "peak MB"
for r in "${ROWS[@]}"; do
    IFS='|' read -r name records seconds peak <<< "$r"
    awk -v name="$name" -v n="$records" -v t="$seconds" -v m="$MD5" -v p="$peak" \
        'BEGIN { printf "%-36s %10d %10.2f %12.0f %10.1f %9.1f\n", name, n, t, n / t, t / m, p }'
done
echo
"$BIN/kensa-bench" tally --policy policies/jp "$SAMPLE"
