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
        for _ in range(3):
            start = time.monotonic()
            run = subprocess.run(["/usr/bin/time", "-f", "%M", binary, "--list-documents", "--quiet", archive],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
            seconds = time.monotonic() - start
            if run.returncode != 0:
                sys.exit(f"bench_fetch.py: whosaid-fetch failed ({run.returncode}): {run.stderr.decode()[-500:]}")
            lines = run.stdout.splitlines()
            peak_kb = int(run.stderr.decode().strip().splitlines()[-1])
            decoded = sum(int(line.rsplit(b'"bytes":', 1)[1].split(b",")[0].split(b"}")[0]) for line in lines)
            result = (seconds, len(lines), decoded, peak_kb)
            if best is None or seconds < best[0]:
                best = result
        seconds, documents, decoded, peak_kb = best
        compressed = os.path.getsize(archive)
        rows.append((os.path.basename(archive), documents, compressed, decoded, seconds, peak_kb))
    print("WARC reading (whosaid-fetch --list-documents, best of 3, one process)")
    print(f"{'archive':<22} {'pages':>6} {'gz MB':>7} {'HTML MB':>8} {'s':>6} {'pages/s':>8} {'MB/s in':>8} {'MB/s out':>9} {'peak RSS MB':>12}")
    for name, documents, compressed, decoded, seconds, peak_kb in rows:
        print(f"{name:<22} {documents:>6} {compressed / 1e6:>7.1f} {decoded / 1e6:>8.1f} {seconds:>6.2f} "
              f"{documents / seconds:>8.0f} {compressed / 1e6 / seconds:>8.1f} {decoded / 1e6 / seconds:>9.1f} {peak_kb / 1024:>12.1f}")


if __name__ == "__main__":
    main()
