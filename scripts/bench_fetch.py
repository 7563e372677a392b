#!/usr/bin/env python3
"""Throughput and peak memory of reading WARC.gz archives (`make bench-fetch`).

Builds archives of the 181 real news pages of ../shared/bench/article-extraction (repeated under
distinct URLs, one gzip member per record as Common Crawl writes them), then times
`whosaid-fetch --list-documents` on them: the archive is read, decompressed and every HTML response is
decoded into a document, but nothing is normalized. Two sizes show whether memory stays flat.

  scripts/bench_fetch.py .build/release/whosaid-fetch out/bench
"""
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PAGES = os.path.join(HERE, "..", "..", "shared", "bench", "article-extraction", "html")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    binary, folder = sys.argv[1], sys.argv[2]
    if not os.path.isdir(PAGES):
        sys.exit("bench_fetch.py: ../shared/bench/article-extraction/html is missing; the benchmark needs "
                 "the shared folder beside the repository")
    if not os.access(binary, os.X_OK):
        sys.exit(f"bench_fetch.py: {binary}: not built")
    os.makedirs(folder, exist_ok=True)
    rows = []
    for repeat in (5, 20):
        archive = os.path.join(folder, f"pages-x{repeat}.warc.gz")
        if not os.path.exists(archive):
            subprocess.run([sys.executable, os.path.join(HERE, "make_warc.py"), "--repeat", str(repeat), PAGES, archive],
                           check=True)
        best = None
        listing = os.path.join(folder, "listing.ndjson")
        for _ in range(3):
            start = time.monotonic()
            with open(listing, "wb") as out:
                child = subprocess.Popen([binary, "--list-documents", "--quiet", archive], stdout=out)
                # wait4 gives this child's own peak RSS (ru_maxrss, in KiB on Linux).
                _, status, usage = os.wait4(child.pid, 0)
            seconds = time.monotonic() - start
            if os.waitstatus_to_exitcode(status) != 0:
                sys.exit(f"bench_fetch.py: whosaid-fetch failed on {archive} (exit {os.waitstatus_to_exitcode(status)})")
            with open(listing, "rb") as f:
                lines = f.read().splitlines()
            peak_kb = usage.ru_maxrss
            cpu = usage.ru_utime + usage.ru_stime
            decoded = sum(int(line.rsplit(b'"bytes":', 1)[1].split(b",")[0].split(b"}")[0]) for line in lines)
            result = (seconds, len(lines), decoded, peak_kb, cpu)
            if best is None or seconds < best[0]:
                best = result
        seconds, documents, decoded, peak_kb, cpu = best
        compressed = os.path.getsize(archive)
        rows.append((os.path.basename(archive), documents, compressed, decoded, seconds, peak_kb, cpu))
    print("WARC reading (whosaid-fetch --list-documents, best of 3 by wall time, one process; CPU = user + system)")
    print(f"{'archive':<22} {'pages':>6} {'gz MB':>7} {'HTML MB':>8} {'wall s':>7} {'pages/s':>8} {'CPU s':>6} "
          f"{'pages/CPU s':>12} {'HTML MB/CPU s':>14} {'peak RSS MB':>12}")
    for name, documents, compressed, decoded, seconds, peak_kb, cpu in rows:
        print(f"{name:<22} {documents:>6} {compressed / 1e6:>7.1f} {decoded / 1e6:>8.1f} {seconds:>7.2f} {documents / seconds:>8.0f} "
              f"{cpu:>6.2f} {documents / cpu:>12.0f} {decoded / 1e6 / cpu:>14.1f} {peak_kb / 1024:>12.1f}")
    print(f"load average while measuring: {os.getloadavg()[0]:.2f} (2 cores shared: wall figures move with it)")


if __name__ == "__main__":
    main()
