#!/usr/bin/env bash
# Throughput and peak memory of whosaid-fetch on the article-extraction pages: parse + extraction +
# record writing, one process (the binary is single-threaded, so one core). The pages are read
# uncompressed, so gzip is not measured.
#   Speed: REPEAT runs over the pages, every record written each time; pages/s = pages / CPU seconds
#   (user + system, so other work on the machine does not count), and wall-clock beside it. A process
#   spends some 30-40 ms starting (loading the Swift runtime and Foundation) before it reads a page; that
#   is paid once per run, not per page, so the steady-state figure takes it out (measured here as the
#   least CPU time of runs over one short text file) and the figure with it is printed beside.
#   Memory: peak RSS of one run over the pages and of one run over 10 copies of them (the copies are
#   the same articles, so they are parsed and extracted but written once).
set -euo pipefail
usage="usage: bench_normalize.sh FETCH_BINARY BENCH_DIR [REPEAT]"
fetch=${1:?$usage}
bench=${2:?$usage}
repeat=${3:-5}
[ -d "$bench/html" ] || { echo "bench_normalize: $bench/html is missing (the shared benchmark is expected at ../shared/bench/article-extraction)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/pages"
for f in "$bench"/html/*.html.gz; do gzip -dc "$f" > "$work/pages/$(basename "${f%.gz}")"; done
pages=$(ls "$work/pages" | wc -l)

measure() { # folder → "user+sys wall peak_kb", from wait4's rusage of that one child
  # (getrusage(RUSAGE_CHILDREN) after subprocess.run counted some 0.09 s of CPU per run that the program
  # itself never spent; wait4 reports the child's own figures.)
  python3 - "$fetch" "$1" "$work/out.ndjson" <<'PY'
import os, subprocess, sys, time
start = time.monotonic()
child = subprocess.Popen([sys.argv[1], "--quiet", "-o", sys.argv[3], sys.argv[2]], stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
wall = time.monotonic() - start
code = os.waitstatus_to_exitcode(status)
if code not in (0, 65):
    sys.exit(f"bench_normalize: whosaid-fetch failed with status {code}")
print(usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss)
PY
}

cpu=0; wall=0; peak1=0
for _ in $(seq 1 "$repeat"); do
  read -r c w m < <(measure "$work/pages")
  cpu=$(awk -v a="$cpu" -v b="$c" 'BEGIN { print a + b }'); wall=$(awk -v a="$wall" -v b="$w" 'BEGIN { print a + b }')
  peak1=$m
done
records=$(wc -l < "$work/out.ndjson")
mkdir -p "$work/start"
printf 'A title\n\nOne short paragraph of text.\n' > "$work/start/short.txt"
start=""
for _ in 1 2 3 4 5; do
  read -r c _ _ < <(measure "$work/start")
  start=$(awk -v a="$start" -v b="$c" 'BEGIN { print (a == "" || b < a) ? b : a }')
done
mkdir -p "$work/copies"
for i in $(seq 1 10); do mkdir -p "$work/copies/$i"; cp "$work"/pages/* "$work/copies/$i/"; done
read -r c10 w10 peak10 < <(measure "$work/copies")

# The floor under any libxml2-based extractor on this machine at this moment: parse + free alone, same
# pages, same options (needs a C compiler; skipped without one).
baseline=""
if command -v cc >/dev/null && pkg-config --exists libxml-2.0; then
  cat > "$work/parse_only.c" <<'C'
#include <libxml/HTMLparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
int main(int argc, char **argv) {
  int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET
              | HTML_PARSE_COMPACT | HTML_PARSE_NOBLANKS | XML_PARSE_HUGE;
  int repeat = atoi(argv[1]), pages = 0;
  double seconds = 0;
  for (int i = 2; i < argc; i++) {
    FILE *f = fopen(argv[i], "rb");
    if (!f) continue;
    fseek(f, 0, SEEK_END); long length = ftell(f); fseek(f, 0, SEEK_SET);
    char *buffer = malloc(length);
    if (fread(buffer, 1, length, f) != (size_t)length) { fclose(f); free(buffer); continue; }
    fclose(f);
    clock_t start = clock();
    for (int r = 0; r < repeat; r++) { xmlFreeDoc(htmlReadMemory(buffer, length, NULL, "UTF-8", options)); pages++; }
    seconds += (double)(clock() - start) / CLOCKS_PER_SEC;
    free(buffer);
  }
  printf("%d %.3f\n", pages, seconds);
  return 0;
}
C
  if cc -O2 $(pkg-config --cflags libxml-2.0) "$work/parse_only.c" $(pkg-config --libs libxml-2.0) -o "$work/parse_only" 2>/dev/null; then
    baseline=$("$work/parse_only" "$repeat" "$work"/pages/*)
  fi
fi

awk -v start="$start" -v repeat="$repeat" -v base="$baseline" -v pages="$pages" -v n="$((pages * repeat))" -v r="$records" -v cpu="$cpu" -v wall="$wall" -v m1="$peak1" -v n10="$((pages * 10))" -v c10="$c10" -v m10="$peak10" 'BEGIN {
  printf "whosaid-fetch on the article-extraction pages (one process, one core):\n"
  steady = n / (cpu - repeat * start)
  printf "  speed:  %d pages (%d records written per run) in %.2f s CPU (%.2f s wall): %.0f pages/s in steady state\n", n, r, cpu, wall, steady
  printf "          (process start, %.3f s CPU once per run, left out; %.0f pages/s counting it)\n", start, n / cpu
  printf "  memory: peak RSS %.1f MB on %d pages; %.1f MB on %d pages (%.0f pages/s, process start included)\n", m1 / 1024, pages, m10 / 1024, n10, n10 / c10
  if (base != "") { split(base, p, " "); printf "  libxml2 parse + free alone, same pages: %.0f pages/s (whosaid-fetch runs at %.0f%% of that)\n", p[1] / p[2], 100 * steady / (p[1] / p[2]) }
  printf "  bar: >= 400 pages/s: %s in steady state, %s counting the process start; peak RSS flat at 10x the input (< 1.25x): %s\n", (steady >= 400 ? "met" : "NOT met"), (n / cpu >= 400 ? "met" : "NOT met"), (m10 < 1.25 * m1 ? "met" : "NOT met")
}'
