#!/usr/bin/env bash
# Throughput and peak memory of whosaid-fetch on the article-extraction pages: parse + extraction +
# record writing, one process (the binary is single-threaded, so one core). The pages are copied
# (uncompressed, so gzip is not measured) REPEAT times for a run of a few seconds, then 10x that to
# show peak RSS does not grow with the corpus.
set -euo pipefail
fetch=${1:?usage: bench_normalize.sh FETCH_BINARY BENCH_DIR [REPEAT]}
bench=${2:?usage: bench_normalize.sh FETCH_BINARY BENCH_DIR [REPEAT]}
repeat=${3:-5}
[ -d "$bench/html" ] || { echo "bench_normalize: $bench/html is missing (the shared benchmark is expected at ../shared/bench/article-extraction)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench_normalize: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/pages"
for f in "$bench"/html/*.html.gz; do gzip -dc "$f" > "$work/pages/$(basename "${f%.gz}")"; done
pages=$(ls "$work/pages" | wc -l)

run() { # copies → prints "pages seconds peak_kb"
  local copies=$1 dir="$work/corpus$1"
  mkdir -p "$dir"
  for i in $(seq 1 "$copies"); do mkdir -p "$dir/$i"; ln -f "$work"/pages/* "$dir/$i/" 2>/dev/null || cp "$work"/pages/* "$dir/$i/"; done
  /usr/bin/time -f "%e %M" -o "$work/time" "$fetch" --quiet -o "$work/out.ndjson" "$dir" || [ $? -eq 65 ]
  read -r seconds peak < "$work/time"
  echo "$((pages * copies)) $seconds $peak"
  rm -rf "$dir"
}
read -r n1 s1 m1 < <(run "$repeat")
read -r n2 s2 m2 < <(run $((repeat * 10)))
awk -v n1="$n1" -v s1="$s1" -v m1="$m1" -v n2="$n2" -v s2="$s2" -v m2="$m2" 'BEGIN {
  printf "whosaid-fetch on the article-extraction pages (one process, one core):\n"
  printf "  %6d pages: %6.2f s, %6.0f pages/s, peak RSS %6.1f MB\n", n1, s1, n1 / s1, m1 / 1024
  printf "  %6d pages: %6.2f s, %6.0f pages/s, peak RSS %6.1f MB (10x the input)\n", n2, s2, n2 / s2, m2 / 1024
  printf "  bar: >= 400 pages/s: %s; peak RSS flat (10x input, < 1.5x memory): %s\n", (n2 / s2 >= 400 ? "met" : "NOT met"), (m2 < 1.5 * m1 ? "met" : "NOT met")
}'
