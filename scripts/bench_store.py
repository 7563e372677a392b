#!/usr/bin/env python3
"""Load throughput of whosaid-load: a fresh load, a reload of the same file, and a load in which a tenth
of the articles were re-extracted. Prints articles/s, rows/s, database bytes per article and peak memory.

The input is real extracted news: the English pages of the shared extraction benchmark, through whosaid-fetch
and whosaid-extract, and the news gold set's texts, through whosaid-extract. Those records are repeated until
there are --articles of them, each copy under its own id, URL and source, so every line is a distinct article
to the loader (its entities meet the same names again across the corpus, as a news corpus's do). The records
are made again on every run, from the current extractor, and the same pages always give the same bytes.
"""
import argparse
import glob
import json
import os
import resource
import sqlite3
import subprocess
import sys
import time


def real_records(fetch, extract, pages, gold, workdir):
    """The extracted records of the benchmark pages (English only) and of the gold texts, as parsed JSON."""
    articles = os.path.join(workdir, "real-articles.ndjson")
    texts = os.path.join(workdir, "real-texts.ndjson")
    extracted = os.path.join(workdir, "real-extracted.ndjson")
    subprocess.run([fetch, "--quiet", "--rejects", os.devnull, "-o", articles, pages], check=False)
    with open(articles, "a", encoding="utf-8") as out:
        for path in sorted(glob.glob(os.path.join(gold, "*.json"))):
            doc = json.load(open(path, encoding="utf-8"))
            out.write(json.dumps({"id": "gold-" + doc["id"][:16], "url": doc.get("url"), "text": doc["text"],
                                  "language": "en"}, ensure_ascii=False) + "\n")
    result = subprocess.run([extract, "--quiet", "--rejects", os.devnull, "-o", extracted, articles])
    if result.returncode not in (0, 65):
        sys.exit(f"{extract} failed ({result.returncode})")
    records = [json.loads(line) for line in open(extracted, encoding="utf-8")]
    return [r for r in records if r.get("language") == "en"]


def write_input(path, records, count, changed=lambda n: False):
    with open(path, "w", encoding="utf-8") as out:
        for n in range(count):
            r = dict(records[n % len(records)])
            copy = n // len(records)
            r["id"] = f"{r['id']}-{copy}"
            r["source"] = f"{r.get('source') or 'bench'}#{copy}"
            if r.get("url"):
                r["url"] = f"{r['url']}#{copy}"
            if changed(n):
                # Another title is enough to make it a re-extracted record: the loader replaces all its rows.
                r["title"] = (r.get("title") or "") + " (updated)"
            out.write(json.dumps(r, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
            out.write("\n")


def run_load(binary, db, path, accept=(0,)):
    start = time.monotonic()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run([binary, "--quiet", "--db", db, path], capture_output=True, text=True)
    elapsed = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode not in accept:
        sys.exit(f"{binary} failed ({result.returncode}): {result.stderr}")
    return elapsed, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, after.ru_maxrss


def text_index_ceiling(loaded_db, workdir):
    """CPU seconds SQLite alone takes to build the article search index the schema declares (FTS5, porter
    stemming) over the loaded articles' titles and texts, in one statement with the loader's settings:
    no loader can load faster than this while keeping that index."""
    scratch = os.path.join(workdir, "text-index-ceiling.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(scratch + suffix):
            os.remove(scratch + suffix)
    con = sqlite3.connect(scratch, isolation_level=None)
    con.execute("PRAGMA page_size = 16384")
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = NORMAL")
    con.execute("PRAGMA cache_size = -65536")
    con.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, text TEXT NOT NULL)")
    con.execute("ATTACH DATABASE ? AS loaded", (loaded_db,))
    con.execute("INSERT INTO articles SELECT id, title, text FROM loaded.articles")
    con.execute("DETACH DATABASE loaded")
    loaded = sqlite3.connect(loaded_db)
    declared = loaded.execute("SELECT sql FROM sqlite_schema WHERE name = 'articles_fts'").fetchone()[0]
    loaded.close()
    con.execute(declared)
    con.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 16777216)")
    start = time.process_time()
    con.execute("BEGIN")
    con.execute("INSERT INTO articles_fts (rowid, title, text) SELECT id, title, text FROM articles")
    con.execute("COMMIT")
    cpu = time.process_time() - start
    con.close()
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(scratch + suffix):
            os.remove(scratch + suffix)
    return cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--load", required=True, help="the whosaid-load binary")
    parser.add_argument("--out", required=True, help="folder for the input and the database")
    parser.add_argument("--fetch", required=True, help="the whosaid-fetch binary")
    parser.add_argument("--extract", required=True, help="the whosaid-extract binary")
    parser.add_argument("--pages", default="../shared/bench/article-extraction/html", help="HTML pages to extract")
    parser.add_argument("--gold", default="data/eval/news", help="the news gold set (its texts are extracted too)")
    parser.add_argument("--articles", type=int, default=20000)
    args = parser.parse_args()
    if not os.path.isdir(args.pages):
        sys.exit(f"bench_store: {args.pages} is missing: the shared benchmark data must sit beside the repository")
    os.makedirs(args.out, exist_ok=True)
    first = os.path.join(args.out, f"load-input-{args.articles}.ndjson")
    changed = os.path.join(args.out, f"load-input-{args.articles}-reextracted.ndjson")
    parse_only = os.path.join(args.out, f"load-input-{args.articles}-parse-only.ndjson")
    records = real_records(args.fetch, args.extract, args.pages, args.gold, args.out)
    write_input(first, records, args.articles)
    write_input(changed, records, args.articles, lambda n: n % 10 == 0)
    print(f"bench-load: {len(records)} distinct extracted English articles, repeated to {args.articles}")
    # The same lines under a schema name no whosaid reads: each is parsed in full, then rejected by its
    # first check, so the run times line reading and JSON parsing (and the rejects' messages) alone.
    with open(first, "rb") as src, open(parse_only, "wb") as out:
        for line in src:
            out.write(line.replace(b'"_schema":"whosaid.extracted/1"', b'"_schema":"whosaid.parse-only/0"', 1))
    db = os.path.join(args.out, "bench.db")
    for suffix in ("", "-wal", "-shm", ".loading"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)

    elapsed, cpu, rss = run_load(args.load, db, first)
    with sqlite3.connect(db) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        rows = sum(con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                   for t in ["articles", "entities", "article_entities", "mentions", "quotes"])
    size = os.path.getsize(db)
    input_bytes = os.path.getsize(first)
    n = args.articles
    print(f"bench-load: input {n} articles, {input_bytes / n:.0f} bytes/article of NDJSON, {rows / n:.1f} rows/article")
    # Per CPU second is what one core does; wall time also counts waiting for a shared machine and the disk.
    print(f"bench-load: fresh load    {n / cpu:8.0f} articles/CPU-s {rows / cpu:9.0f} rows/CPU-s  "
          f"({n / elapsed:.0f} articles/s wall; {elapsed:.2f} s wall, {cpu:.2f} s CPU, peak RSS {rss / 1024:.0f} MB)")
    print(f"bench-load: database      {size / n:8.0f} bytes/article ({size / 1e6:.1f} MB, FTS included)")
    ceiling = text_index_ceiling(db, args.out)
    print(f"bench-load: text index alone {n / ceiling:5.0f} articles/CPU-s (SQLite building articles_fts over the same "
          f"texts in one statement, {ceiling:.2f} s CPU: the ceiling for any load that keeps that index)")
    elapsed, cpu, _ = run_load(args.load, db, first)
    print(f"bench-load: reload same   {n / cpu:8.0f} articles/CPU-s (all unchanged; {elapsed:.2f} s wall, {cpu:.2f} s CPU)")
    elapsed, cpu, _ = run_load(args.load, db, changed)
    print(f"bench-load: 10% re-extracted {n / cpu:5.0f} articles/CPU-s ({elapsed:.2f} s wall, {cpu:.2f} s CPU)")
    scratch = os.path.join(args.out, "parse-only.db")
    elapsed, cpu, _ = run_load(args.load, scratch, parse_only, accept=(65,))
    print(f"bench-load: JSON parse    {input_bytes / cpu / 1e6:8.0f} MB/CPU-s {n / cpu:9.0f} lines/CPU-s "
          f"(line reading, parsing and the rejects' messages; {cpu:.2f} s CPU)")


if __name__ == "__main__":
    main()
