#!/usr/bin/env python3
"""End-to-end benchmark of the whosaid pipeline (make bench-pipeline).

Runs the release binaries on the article-extraction benchmark pages (../shared/bench/article-extraction/html
from the repository root, or --pages DIR), one stage after another on one core, and prints per stage and end
to end: articles/s, words/s, MB/s and peak RSS. Then it builds a corpus 100x as large and shows that peak RSS
stays flat, and times `make -j1` against `make -j2` for the two-core speed-up (the median of pairs' ratios,
the order of each pair's runs alternating), on the pages copied as many times as the one-core passes and on a
larger corpus (--scale-copies).
With --peers FILE (the JSON the peer benchmark writes) it prints the ratio against the Python stack.

Each measured process is run alone; its peak RSS comes from wait4's rusage, so no external tool is needed.
Results also go to out/bench/pipeline.json.
"""
import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".build" / "release"


def run_measured(argv, stdin_path=None, stdout_path=None, env=None, cpu=None):
    """Runs argv; returns (seconds, peak RSS in MB, exit status)."""
    if cpu is not None and shutil.which("taskset"):
        argv = ["taskset", "-c", str(cpu)] + argv
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    stdout = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    for f in (stdin, stdout):
        if hasattr(f, "close"):
            f.close()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 65):
        sys.exit(f"bench: {' '.join(map(str, argv))} failed with status {code}:\n{err[-2000:]}")
    return seconds, usage.ru_maxrss / 1024.0, code


def count_words(ndjson_path):
    words = articles = 0
    with open(ndjson_path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            words += len(record.get("text", "").split())
            articles += 1
    return articles, words


def replicate_records(src, dst, times):
    """Copies of every record with distinct ids, so later stages see `times` x as many articles."""
    with open(src, encoding="utf-8") as f:
        lines = [json.loads(l) for l in f if l.strip()]
    with open(dst, "w", encoding="utf-8") as out:
        for k in range(times):
            for record in lines:
                copy = dict(record)
                copy["id"] = f"{record['id']}-{k}"
                out.write(json.dumps(copy, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n")


def remove_database(path):
    """A SQLite database with its WAL and shared-memory files, and the file a killed first load left."""
    for suffix in ("", "-wal", "-shm", ".loading"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def distinct_copy(html, url, k):
    """Copy k of a page as another article: its canonical URL and every paragraph's end carry the copy
    number. Plain copies would be one article read again: the fetch stage writes it once per shard and the
    load keeps one row, so the parallel run would not parse, extract and load what a corpus of distinct
    articles makes it do."""
    if url:
        copy_url = f"{url}-copy{k}"
        forms = {url: copy_url, url.replace("/", "\\/"): copy_url.replace("/", "\\/"),
                 url.replace("&", "&amp;"): copy_url.replace("&", "&amp;")}
        for form, replacement in forms.items():
            html = html.replace(form.encode(), replacement.encode())
    for end in (b"</p>", b"</P>"):
        html = html.replace(end, f" ({k})".encode() + end)
    return html


def make_corpus(corpus, pages, urls, copies):
    """A folder of `copies` copies of the pages: the first links to them, the others are distinct copies."""
    if corpus.exists():
        shutil.rmtree(corpus)
    for k in range(copies):
        d = corpus / f"copy{k}"
        d.mkdir(parents=True)
        for p in pages:
            if k == 0:
                os.symlink(p, d / os.path.basename(p))
            else:
                (d / os.path.basename(p)[:-3]).write_bytes(distinct_copy(gzip.decompress(Path(p).read_bytes()), urls.get(p), k))


SHARDS = 8


def time_make_jobs(work, corpus, pages_total, pairs):
    """make -j1 against make -j2 on `corpus`, in `pairs` pairs of runs. This machine's speed drifts (by a
    third, at times, over minutes): the two runs of a pair follow each other, in turn -j1 first and -j2
    first, so that a drift favours neither, and the figure is the median of the pairs' ratios. A median
    -j1 time over a median -j2 time would compare runs minutes apart (2.10x and 1.79x where the pairs'
    medians were 2.00 and 1.85, in one run of this bench)."""
    timings = []
    same = True
    for k in range(pairs):
        pair = {}
        for jobs in ((1, 2) if k % 2 == 0 else (2, 1)):
            outdir = work / f"make-j{jobs}"
            if outdir.exists():
                shutil.rmtree(outdir)
            start = time.perf_counter()
            subprocess.run(["make", "-s", f"-j{jobs}", "all", f"CORPUS={corpus}", f"OUT={outdir}", f"SHARDS={SHARDS}"],
                           cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            pair[jobs] = time.perf_counter() - start
        timings.append(pair)
        # The same records, and the same database byte for byte (the load takes the shards in the same
        # order and in one transaction, whether it runs after the extractions or beside them).
        same = same and all(
            subprocess.run(["cmp", "-s", str(work / "make-j1" / name), str(work / "make-j2" / name)]).returncode == 0
            for name in ("extracted.ndjson", "whosaid.db"))
    with open(work / "make-j1" / "articles.ndjson", encoding="utf-8") as f:
        distinct = len({json.loads(l)["id"] for l in f})
    ratios = sorted(t[1] / t[2] for t in timings)
    speedup = statistics.median(ratios)
    j1_median = statistics.median(t[1] for t in timings)
    j2_median = statistics.median(t[2] for t in timings)
    print(f"make -j corpus: {pages_total} pages, {distinct} distinct articles, {SHARDS} shards; {pairs} pairs of runs")
    print(f"  speed-up of make -j2 over make -j1: {speedup:.2f}x (median of the pairs: {', '.join(f'{r:.2f}' for r in ratios)}); "
          f"make -j1 {pages_total / j1_median:.0f} pages/s, make -j2 {pages_total / j2_median:.0f} pages/s (medians); "
          f"records and database identical: {same}")
    return {"pages": pages_total, "distinct_articles": distinct, "shards": SHARDS,
            "pairs": [{"j1_seconds": t[1], "j2_seconds": t[2]} for t in timings],
            "speedup": speedup, "pair_speedups": ratios, "identical": same}


def line(name, articles, words, nbytes, seconds, rss):
    return (f"{name:<28} {articles:>7} articles {articles / seconds:>9.0f} articles/s "
            f"{words / seconds:>11.0f} words/s {nbytes / seconds / 1e6:>7.1f} MB/s  peak RSS {rss:>6.1f} MB")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=Path, default=ROOT.parent / "shared" / "bench" / "article-extraction" / "html")
    ap.add_argument("--repeat", type=int, default=5, help="passes over the pages for the one-core figures")
    ap.add_argument("--large", type=int, default=100, help="how many times larger the flat-memory corpus is")
    ap.add_argument("--peers", type=Path, help="peer benchmark JSON to compare against")
    ap.add_argument("--quality", type=Path, help="the folder of `make eval`'s JSON figures, printed beside the speed")
    ap.add_argument("--skip-parallel", action="store_true")
    ap.add_argument("--pairs", type=int, default=7, help="pairs of make -j1 / -j2 runs for the speed-up (the median of their ratios)")
    ap.add_argument("--scale-copies", type=int, default=20, help="copies of the pages in the larger make -j corpus (0: none)")
    ap.add_argument("--scale-pairs", type=int, default=7, help="pairs of make -j1 / -j2 runs on the larger corpus")
    a = ap.parse_args()
    if not a.pages.is_dir():
        sys.exit(f"bench: no benchmark pages at {a.pages} (give --pages DIR)")
    for exe in ("whosaid-fetch", "whosaid-extract", "whosaid-load"):
        if not (BIN / exe).exists():
            sys.exit(f"bench: {BIN / exe} is missing: run `make build` first")
    work = ROOT / "out" / "bench"
    work.mkdir(parents=True, exist_ok=True)
    pages = sorted(str(p) for p in a.pages.glob("*.html.gz"))
    html_bytes = sum(os.path.getsize(p) for p in pages)
    results = {"pages": len(pages), "stages": {}}
    print(f"machine: {os.cpu_count()} cores; one core per stage (taskset); {len(pages)} pages x {a.repeat} passes")

    # Stage 1: fetch-normalize over the pages, `repeat` times (duplicates are normalised, then written once).
    page_list = work / "pages.list"
    page_list.write_text("".join(p + "\n" for p in pages * a.repeat))
    articles_path = work / "articles.ndjson"
    t, rss, _ = run_measured([str(BIN / "whosaid-fetch"), "--quiet", "--files-from", str(page_list), "-o", str(articles_path)], cpu=0)
    n_articles, n_words = count_words(articles_path)
    processed = len(pages) * a.repeat
    print(line("fetch-normalize (pages)", processed, n_words * a.repeat, html_bytes * a.repeat, t, rss))
    results["stages"]["fetch"] = {"pages": processed, "seconds": t, "pages_per_s": processed / t, "peak_rss_mb": rss}

    # Stage 2: extract, on `repeat` copies of the articles.
    many = work / "articles-many.ndjson"
    replicate_records(articles_path, many, a.repeat)
    extracted = work / "extracted.ndjson"
    t, rss, _ = run_measured([str(BIN / "whosaid-extract"), "--quiet", "-o", str(extracted), str(many)], cpu=0)
    n, w = n_articles * a.repeat, n_words * a.repeat
    print(line("extract", n, w, os.path.getsize(many), t, rss))
    results["stages"]["extract"] = {"articles": n, "seconds": t, "articles_per_s": n / t, "words_per_s": w / t, "peak_rss_mb": rss}

    # Stage 3: load into a fresh database.
    db = work / "bench.db"
    remove_database(db)
    t, rss, _ = run_measured([str(BIN / "whosaid-load"), "--quiet", "--db", str(db), str(extracted)], cpu=0)
    print(line("load", n, w, os.path.getsize(extracted), t, rss) + f"  {os.path.getsize(db) / n / 1024:.1f} KB/article")
    results["stages"]["load"] = {"articles": n, "seconds": t, "articles_per_s": n / t, "peak_rss_mb": rss,
                                 "db_kb_per_article": os.path.getsize(db) / n / 1024}

    # End to end on one core: the three stages' times per article added up.
    per_article = (results["stages"]["fetch"]["seconds"] / processed + results["stages"]["extract"]["seconds"] / n
                   + results["stages"]["load"]["seconds"] / n)
    e2e = 1 / per_article
    print(f"{'end to end, one core':<28} {e2e:>9.0f} articles/s (HTML → database)")
    results["end_to_end_articles_per_s"] = e2e

    # Flat memory: the same stages on a corpus `large` times larger.
    big = work / "articles-large.ndjson"
    replicate_records(articles_path, big, a.large)
    big_out = work / "extracted-large.ndjson"
    t, rss_big, _ = run_measured([str(BIN / "whosaid-extract"), "--quiet", "-o", str(big_out), str(big)], cpu=0)
    big_list = work / "pages-large.list"
    big_list.write_text("".join(p + "\n" for p in pages * a.large))
    _, rss_fetch_big, _ = run_measured([str(BIN / "whosaid-fetch"), "--quiet", "--files-from", str(big_list), "-o", os.devnull], cpu=0)
    big_db = work / "bench-large.db"
    remove_database(big_db)
    _, rss_load_big, _ = run_measured([str(BIN / "whosaid-load"), "--quiet", "--db", str(big_db), str(big_out)], cpu=0)
    # The load's memory grows until SQLite's page cache and the FTS buffer reach their bounds, then stays:
    # half the large corpus shows where it stands on the way.
    half = work / "extracted-half.ndjson"
    with open(big_out, "rb") as src, open(half, "wb") as dst:
        for k, record_line in enumerate(src):
            if k >= n_articles * a.large // 2:
                break
            dst.write(record_line)
    half_db = work / "bench-half.db"
    remove_database(half_db)
    _, rss_load_half, _ = run_measured([str(BIN / "whosaid-load"), "--quiet", "--db", str(half_db), str(half)], cpu=0)
    print(f"peak RSS at {a.large}x ({n_articles * a.large} articles): fetch {rss_fetch_big:.1f} MB "
          f"(was {results['stages']['fetch']['peak_rss_mb']:.1f}), extract {rss_big:.1f} MB "
          f"(was {results['stages']['extract']['peak_rss_mb']:.1f}), load {rss_load_big:.1f} MB "
          f"(was {results['stages']['load']['peak_rss_mb']:.1f}; {rss_load_half:.1f} at {a.large // 2}x: "
          f"SQLite's page cache and the FTS buffer are bounded)")
    results["large"] = {"factor": a.large, "fetch_peak_rss_mb": rss_fetch_big, "extract_peak_rss_mb": rss_big,
                        "load_peak_rss_mb": rss_load_big, "load_peak_rss_mb_half": rss_load_half}
    for p in (big, big_out, big_list, half):
        Path(p).unlink(missing_ok=True)
    for p in (big_db, half_db):
        remove_database(p)

    # Two cores: make -j1 against make -j2 on corpus folders of the pages, at two sizes: as many copies as
    # the one-core passes, and `scale_copies` copies. Of what make -j cannot spread over the cores, a part
    # is the same whatever the corpus (make's start and the shard plan) and a part grows with it (the last
    # extraction while the other core has nothing left, the load of the last shard and its commit): the two
    # sizes show how the speed-up moves with the corpus.
    if not a.skip_parallel:
        urls = {}
        with open(articles_path, encoding="utf-8") as f:
            for record_line in f:
                record = json.loads(record_line)
                urls[record["source"]] = record.get("url")
        results["parallel"] = []
        for copies, pairs in ((a.repeat, a.pairs), (a.scale_copies, a.scale_pairs)):
            if copies <= 0 or pairs <= 0:
                continue
            corpus = work / "corpus"
            make_corpus(corpus, pages, urls, copies)
            results["parallel"].append(time_make_jobs(work, corpus, len(pages) * copies, pairs))
            shutil.rmtree(corpus)

    if a.peers and a.peers.exists():
        peers = json.loads(a.peers.read_text())
        stack = peers.get("measurements", {}).get("end-to-end", {})
        rate = stack.get("pages_per_s")
        if rate:
            print(f"peer stack (trafilatura + spaCy en_core_web_sm + a quote step), one core: {rate:.2f} articles/s "
                  f"({stack.get('cpu_pages_per_s', 0):.2f} per CPU second); whosaid end to end is {e2e / rate:.0f}x faster")
            results["peer_ratio"] = e2e / rate
    else:
        print("peer stack: not measured (run make bench-peers)")
    if a.quality:
        print_speed_beside_quality(results, a.quality)
    (work / "pipeline.json").write_text(json.dumps(results, indent=2, sort_keys=True))
    return 0


def print_speed_beside_quality(results, folder):
    """The speed of each stage next to what `make eval` says of its output, so that neither moves unseen."""
    def load(name):
        path = folder / f"{name}.json"
        return json.loads(path.read_text()) if path.exists() else None
    normalize, entities, quotes = load("normalize"), load("entities"), load("quotes")
    stages = results["stages"]
    print(f"speed beside quality (the quality from `make eval` in {folder}; test = the held-out split):")
    text = "not measured"
    if normalize:
        body, meta = normalize["body"], normalize.get("metadata")
        best_peer = max(normalize.get("peers", {}).items(), key=lambda kv: kv[1], default=None)
        text = f"body F1 {body['f1']:.3f} on {body['pages']} pages" + (f" ({best_peer[0]}: {best_peer[1]:.3f})" if best_peer else "")
        if meta:
            text += (f"; title {100 * meta['title']:.0f}%, authors {100 * meta['authors']:.0f}%, "
                     f"published {100 * meta['published']:.0f}% of {meta['pages']} hand-checked pages")
    print(f"  {'fetch-normalize':<16} {stages['fetch']['pages_per_s']:>6.0f} pages/s     {text}")
    parts = []
    if entities and "news_test" in entities:
        parts.append(f"entities F1 {100 * entities['news_test']['f1']:.1f} (news test"
                     + (f"; UNER test {100 * entities['uner_test']['f1']:.1f})" if "uner_test" in entities else ")"))
    if quotes:
        test = quotes["test"]
        parts.append(f"quotes F1 {test['all']['f1']:.3f} (direct+mixed {test['direct+mixed']['f1']:.3f}), "
                     f"speaker {test['all']['speaker']:.3f}, via {test['all']['via']:.3f} (news test)")
    print(f"  {'extract':<16} {stages['extract']['articles_per_s']:>6.0f} articles/s  {'; '.join(parts) or 'not measured'}")
    print(f"  {'load':<16} {stages['load']['articles_per_s']:>6.0f} articles/s  stores what extract wrote: no quality figure of its own")
    extra = []
    for run in results.get("parallel", []):
        extra.append(f"make -j2 {run['speedup']:.2f}x on {run['pages']} pages")
    if "peer_ratio" in results:
        extra.append(f"{results['peer_ratio']:.0f}x the peer stack")
    print(f"  {'end to end':<16} {results['end_to_end_articles_per_s']:>6.0f} articles/s  one core" + (f"; {', '.join(extra)}" if extra else ""))


if __name__ == "__main__":
    sys.exit(main())
