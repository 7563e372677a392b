#!/usr/bin/env python3
"""Throughput of whosaid-extract (tokenizer, entities and quotes together) on real English news bodies.

Input: the hand-checked article bodies of ../shared/bench/article-extraction/ground-truth.json that read as
English, plus the texts of the news gold set, repeated until there are at least --min-articles records. The
extractor runs once, single-threaded, on that NDJSON; the figure is records per second of wall time, with
CPU time and peak memory beside it.

Usage: bench_quotes.py [--extract PATH] [--bench FILE] [--gold DIR] [--min-articles N]
"""
import argparse
import glob
import json
import os
import resource
import subprocess
import sys
import tempfile
import time


def looks_english(text):
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 200:
        return False
    latin = sum(1 for c in letters if c.isascii())
    words = text.lower().split()
    common = sum(1 for w in words if w in ("the", "and", "of", "to", "a", "in", "is", "said"))
    return latin / len(letters) > 0.97 and common / max(1, len(words)) > 0.08


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--extract", default=".build/release/whosaid-extract")
    ap.add_argument("--bench", default="../shared/bench/article-extraction/ground-truth.json")
    ap.add_argument("--gold", default="data/eval/news")
    ap.add_argument("--min-articles", type=int, default=3000)
    args = ap.parse_args()
    if not os.path.exists(args.extract):
        sys.exit(f"bench_quotes: {args.extract} is missing; build it first (make build)")
    if not os.path.exists(args.bench):
        sys.exit(f"bench_quotes: {args.bench} is missing: the shared benchmark data must sit beside the repository "
                 "(../shared/bench/article-extraction/)")
    truth = json.load(open(args.bench, encoding="utf-8"))
    texts = [v["articleBody"] for _, v in sorted(truth.items()) if looks_english(v.get("articleBody", ""))]
    texts += [json.load(open(f, encoding="utf-8"))["text"] for f in sorted(glob.glob(os.path.join(args.gold, "*.json")))]
    base = len(texts)
    # The records are written straight to the file, so this process stays small: a child's peak RSS
    # (ru_maxrss) also counts the memory it had between fork and exec, a copy of this process.
    n = 0
    with tempfile.NamedTemporaryFile(suffix=".ndjson", delete=False, mode="w", encoding="utf-8") as f:
        while n < args.min_articles:
            for i, t in enumerate(texts):
                f.write(json.dumps({"id": f"{n}-{i}", "text": t}, ensure_ascii=False) + "\n")
                n += 1
        path = f.name
    mb = os.path.getsize(path) / 1e6
    del texts
    try:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run([args.extract, "--quiet", "-o", os.devnull, path], capture_output=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    finally:
        os.unlink(path)
    if proc.returncode != 0:
        sys.exit(f"bench_quotes: extractor exited {proc.returncode}: {proc.stderr.decode(errors='replace')[:500]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(f"whosaid-extract (entities + quotes), {base} distinct English news bodies repeated to {n} records, {mb:.1f} MB:")
    print(f"  {n / wall:,.0f} articles/s wall, {n / cpu:,.0f} articles/s per CPU second, {mb / wall:.1f} MB/s, "
          f"peak memory {after.ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
