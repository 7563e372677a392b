#!/usr/bin/env bash
# Throughput and peak memory of whosaid-fetch on the article-extraction pages: parse + extraction +
# record writing, one process (the binary is single-threaded, so one core). The pages are read
# uncompressed, so gzip is not measured.
#   Speed: REPEAT runs over the pages, every record written each time; pages/s = pages / CPU seconds
#   (user + system, so other work on the machine does not count), and wall-clock beside it.
#   Memory: peak RSS of one run over the pages and of one run over 10 copies of them (the copies are
#   the same articles, so they are parsed and extracted but written once).
set -euo pipefail
usage="usage: bench_normalize.sh FETCH_BINARY BENCH_DIR [REPEAT]"
fetch=${1:?$usage}
bench=${2:?$usage}
repeat=${3:-5}
[ -d "$bench/html" ] || { echo "bench_normalize: $bench/html is missing (the shared benchmark is expected at ../shared/bench/article-extraction)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench_normalize: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/pages"
for f in "$bench"/html/*.html.gz; do gzip -dc "$f" > "$work/pages/$(basename "${f%.gz}")"; done
pages=$(ls "$work/pages" | wc -l)

measure() { # folder → "user+sys wall peak_kb"
  /usr/bin/time -f "%U %S %e %M" -o "$work/time" "$fetch" --quiet -o "$work/out.ndjson" "$1" 2>/dev/null || [ $? -eq 65 ]
  tail -n 1 "$work/time" | awk '{ print $1 + $2, $3, $4 }'
}

cpu=0; wall=0; peak1=0
for _ in $(seq 1 "$repeat"); do
  read -r c w m < <(measure "$work/pages")
  cpu=$(awk -v a="$cpu" -v b="$c" 'BEGIN { print a + b }'); wall=$(awk -v a="$wall" -v b="$w" 'BEGIN { print a + b }')
  peak1=$m
done
records=$(wc -l < "$work/out.ndjson")
mkdir -p "$work/copies"
for i in $(seq 1 10); do mkdir -p "$work/copies/$i"; cp "$work"/pages/* "$work/copies/$i/"; done
read -r c10 w10 peak10 < <(measure "$work/copies")

awk -v n="$((pages * repeat))" -v r="$records" -v cpu="$cpu" -v wall="$wall" -v m1="$peak1" -v n10="$((pages * 10))" -v c10="$c10" -v m10="$peak10" 'BEGIN {
  printf "whosaid-fetch on the article-extraction pages (one process, one core):\n"
  printf "  speed:  %d pages (%d records written per run) in %.2f s CPU (%.2f s wall): %.0f pages/s\n", n, r, cpu, wall, n / cpu
  printf "  memory: peak RSS %.1f MB on %d pages; %.1f MB on %d pages (%.0f pages/s)\n", m1 / 1024, n / (n / 181 > 0 ? n / 181 : 1) , m10 / 1024, n10, n10 / c10
  printf "  bar: >= 400 pages/s: %s; peak RSS flat at 10x the input (< 1.25x): %s\n", (n / cpu >= 400 ? "met" : "NOT met"), (m10 < 1.25 * m1 ? "met" : "NOT met")
}'
