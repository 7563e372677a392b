#!/usr/bin/env python3
"""Scores whosaid-fetch's article bodies and metadata on the article-extraction benchmark.

Body metric (the benchmark's own): each text is split into runs of word characters; its word 4-grams
form a multiset. Per page, true positives are the shared 4-grams (counted with multiplicity), false
positives the extra predicted ones, false negatives the missed true ones; the three are scaled to sum
to 1 so every page weighs the same. Precision and recall are averaged over pages (a page with an empty
prediction has no precision and is left out of that mean, but counts as recall 0) and F1 is the
harmonic mean of the two averages.

Metadata checks, each against evidence independent of the field's own source:
  url        the record's url (canonical link etc.) equals the benchmark's URL (ignoring scheme, "www."
             and a trailing slash);
  published  where the benchmark URL carries a full date (/2019/11/19/), the record's date is that day
             or the day before (time zones);
  title      the record's title equals the page's first <h1> text (read here with Python's parser),
             ignoring case, punctuation and spaces, where the page has an <h1>.

Metadata accuracy against the hand-checked gold file data/eval/metadata.json (title, authors, published
of pages of the benchmark, decided by reading each page):
  title      equal after case and whitespace folding (and, looser, ignoring punctuation as well);
  authors    the same set of names after case and whitespace folding (no byline = the empty set);
  published  the same calendar date (the record's first ten characters); and, looser, also the day
             before for an instant given in UTC before noon (the evening before west of Greenwich, where
             most of these publishers are; the gold gives the publisher's local date).

Usage: eval_extraction.py --fetch BIN --bench DIR [--records OUT.ndjson] [--gold-metadata FILE] [--dump PRED.json]
"""
from __future__ import annotations

import argparse
import datetime
import gzip
import html.parser
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

WORD = re.compile(r"\w+")
PEERS = [
    ("trafilatura 2.3.1 (favor_precision)", 0.964),
    ("trafilatura 2.3.1", 0.960),
    ("readability-lxml 0.9", 0.955),
    ("newspaper4k 0.9.6", 0.943),
    ("resiliparse 2.0.1", 0.898),
    ("whole-page text", 0.665),
]


def four_grams(text: str) -> Counter:
    words = WORD.findall(text or "")
    if len(words) < 4:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(zip(words, words[1:], words[2:], words[3:]))


def page_scores(truth: str, predicted: str) -> tuple[float | None, float | None]:
    t, p = four_grams(truth), four_grams(predicted)
    shared = sum(min(n, p[g]) for g, n in t.items() if g in p)
    extra = sum(p.values()) - shared
    missed = sum(t.values()) - shared
    if extra == 0 and missed == 0:
        return 1.0, 1.0
    precision = shared / (shared + extra) if shared + extra else None
    recall = shared / (shared + missed) if shared + missed else None
    return precision, recall


class FirstHeading(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts: list[str] = []
        self.done = False

    def handle_starttag(self, tag, attrs):
        if tag == "h1" and not self.done:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag == "h1" and self.depth:
            self.depth -= 1
            if self.depth == 0 and "".join(self.parts).strip():
                self.done = True

    def handle_data(self, data):
        if self.depth and not self.done:
            self.parts.append(data)


def squash(s: str | None) -> str:
    return "".join(WORD.findall((s or "").lower()))


def url_key(u: str | None) -> str:
    u = (u or "").strip().lower()
    u = re.sub(r"^https?://", "", u)
    u = re.sub(r"^www\.", "", u)
    return u.split("#")[0].rstrip("/")


def fold(s: str | None) -> str:
    return " ".join((s or "").casefold().split())


def score_gold_metadata(path: Path, records: dict) -> dict | None:
    if not path.exists():
        print(f"Metadata against {path}: the file is missing, not scored")
        return None
    gold = json.loads(path.read_text(encoding="utf8"))["pages"]
    title_ok = title_loose_ok = authors_ok = date_ok = date_zone_ok = 0
    misses: list[str] = []
    for item, want in sorted(gold.items()):
        rec = records.get(item) or {}
        title_ok += fold(rec.get("title")) == fold(want.get("title"))
        title_loose_ok += squash(rec.get("title")) == squash(want.get("title"))
        got_authors = {fold(n) for n in rec.get("authors") or []}
        authors_ok += got_authors == {fold(n) for n in want.get("authors") or []}
        got_date = rec.get("published") or ""
        date_ok += got_date[:10] == (want.get("published") or "")
        date_zone_ok += got_date[:10] == (want.get("published") or "") or utc_morning_of_day_after(got_date, want.get("published"))
    n = len(gold)
    print(f"Metadata against {path} ({n} hand-checked pages, {sum(1 for k in gold if k not in records)} without a record):")
    print(f"  title, case and spaces folded:       {title_ok}/{n} ({100 * title_ok / n:.0f}%)")
    print(f"  title, punctuation ignored as well:  {title_loose_ok}/{n} ({100 * title_loose_ok / n:.0f}%)")
    print(f"  authors, same set of names:          {authors_ok}/{n} ({100 * authors_ok / n:.0f}%)")
    print(f"  published, same calendar date:       {date_ok}/{n} ({100 * date_ok / n:.0f}%)")
    print(f"  published, or the day before a UTC time before noon: {date_zone_ok}/{n} ({100 * date_zone_ok / n:.0f}%)")
    return {"pages": n, "title": title_ok / n, "authors": authors_ok / n, "published": date_ok / n}


def utc_morning_of_day_after(got: str, want: str | None) -> bool:
    """An instant in UTC ("...T07:03:25Z" or "+00:00") before noon whose date is the day after `want`."""
    if not want or len(got) < 19 or not (got.endswith("Z") or got.endswith("+00:00")):
        return False
    try:
        day = datetime.date.fromisoformat(got[:10])
        hour = int(got[11:13])
    except ValueError:
        return False
    return hour < 12 and (day - datetime.timedelta(days=1)).isoformat() == want


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fetch", required=True, help="the whosaid-fetch binary")
    ap.add_argument("--bench", required=True, type=Path, help="the article-extraction benchmark folder")
    ap.add_argument("--records", type=Path, default=Path("out/eval-normalize.ndjson"))
    ap.add_argument("--dump", type=Path, help="also write predictions as {id: {articleBody}} JSON")
    ap.add_argument("--gold-metadata", type=Path, default=Path("data/eval/metadata.json"),
                    help="hand-checked title/authors/published per page (skipped with a note when missing)")
    ap.add_argument("--worst", type=int, default=0, help="list the N pages with the lowest F1")
    ap.add_argument("--json", type=Path, help="also write the body and hand-checked metadata figures to this JSON file")
    a = ap.parse_args()

    truth_path = a.bench / "ground-truth.json"
    if not truth_path.exists():
        sys.exit(f"eval_extraction: {truth_path} is missing (the shared benchmark is expected at ../shared/bench/article-extraction)")
    truth = json.loads(truth_path.read_text(encoding="utf8"))
    a.records.parent.mkdir(parents=True, exist_ok=True)
    rejects = a.records.with_suffix(".rejects.ndjson")
    run = subprocess.run([a.fetch, "--quiet", "--rejects", str(rejects), "-o", str(a.records), str(a.bench / "html")])
    if run.returncode not in (0, 65):
        sys.exit(f"eval_extraction: {a.fetch} failed with status {run.returncode}")

    records = {}
    for line in a.records.read_text(encoding="utf8").splitlines():
        if line.strip():
            r = json.loads(line)
            records[Path(r["source"]).name.split(".")[0]] = r

    precisions, recalls, per_page = [], [], []
    for item in sorted(truth):
        text = (records.get(item) or {}).get("text", "")
        p, r = page_scores(truth[item]["articleBody"], text)
        if p is not None:
            precisions.append(p)
        recalls.append(r if r is not None else 0.0)
        f = 2 * (p or 0) * (r or 0) / ((p or 0) + (r or 0)) if (p or 0) + (r or 0) else 0.0
        per_page.append((f, item, p, r))
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    print(f"Body extraction on {len(truth)} pages ({len(truth) - len(records)} rejected or missing):")
    print(f"  {'system':<38}{'F1':>7}{'P':>7}{'R':>7}")
    print(f"  {'whosaid-fetch':<38}{f1:>7.4f}{precision:>7.4f}{recall:>7.4f}")
    for name, score in PEERS:
        print(f"  {name:<38}{score:>7.3f}")
    target = 0.965
    print(f"  bar: F1 >= {target}: {'met' if f1 >= target else 'NOT met'}")

    if a.worst:
        for f, item, p, r in sorted(per_page)[: a.worst]:
            print(f"    {f:.3f}  P={p if p is None else round(p, 3)}  R={r if r is None else round(r, 3)}  {item[:16]}  {truth[item]['url']}")

    url_ok = url_n = date_ok = date_n = title_ok = title_n = 0
    filled = Counter()
    for item, rec in records.items():
        for field in ("title", "published", "site", "language", "url"):
            filled[field] += 1 if rec.get(field) else 0
        filled["authors"] += 1 if rec.get("authors") else 0
        gold_url = truth.get(item, {}).get("url")
        if gold_url:
            url_n += 1
            url_ok += url_key(rec.get("url")) == url_key(gold_url)
            m = re.search(r"/(20\d\d)/(\d\d)/(\d\d)/", gold_url)
            if m:
                date_n += 1
                day = datetime.date(int(m[1]), int(m[2]), int(m[3]))
                got = (rec.get("published") or "")[:10]
                date_ok += got in (day.isoformat(), (day - datetime.timedelta(days=1)).isoformat(),
                                   (day + datetime.timedelta(days=1)).isoformat())
        with gzip.open(a.bench / "html" / f"{item}.html.gz", "rt", encoding="utf8", errors="replace") as fh:
            heading = FirstHeading()
            heading.feed(fh.read())
        h1 = " ".join("".join(heading.parts).split())
        if h1:
            title_n += 1
            title_ok += squash(rec.get("title")) == squash(h1)
    n = max(len(records), 1)
    print("Metadata:")
    print(f"  url = benchmark URL:                 {url_ok}/{url_n}")
    print(f"  published = date in the URL path:    {date_ok}/{date_n}")
    print(f"  title = the page's first <h1>:       {title_ok}/{title_n}")
    print("  fields filled: " + ", ".join(f"{k} {filled[k] * 100 // n}%" for k in ("title", "authors", "published", "site", "language", "url")))
    metadata = score_gold_metadata(a.gold_metadata, records)
    if a.json:
        a.json.parent.mkdir(parents=True, exist_ok=True)
        figures = {"body": {"pages": len(truth), "f1": f1, "precision": precision, "recall": recall}, "metadata": metadata,
                   "peers": {name: score for name, score in PEERS}}
        a.json.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n")
    if a.dump:
        a.dump.write_text(json.dumps({k: {"articleBody": v.get("text", "")} for k, v in records.items()}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
