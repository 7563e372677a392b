#!/usr/bin/env python3
"""Load throughput of whosaid-load: a fresh load, a reload of the same file, and a load in which a tenth
of the articles were re-extracted. Prints articles/s, rows/s, database bytes per article and peak memory.

The input is made up but shaped like real extracted news: ~3 KB of text, 8 entities (people drawn from a
pool in which surnames repeat, organisations, places, outlets), ~14 mentions and 6 quotes per article,
so about 30 rows each. It is generated from a fixed seed, so every run measures the same bytes.
"""
import argparse
import json
import os
import random
import resource
import sqlite3
import subprocess
import sys
import time

WORDS = ("the a of to in and said on for that with was as by at from government minister talks peace "
         "border vote budget market election police court report officials week year city country people "
         "plan new after would could support meeting agreement security economy energy health school").split()
FIRST = ["Antony", "Maria", "Daniel", "Amara", "Chen", "Olga", "Rahul", "Fatima", "James", "Sofia", "Kenji", "Lucas",
         "Aisha", "Pedro", "Hannah", "Omar", "Yuki", "Ivan", "Grace", "Mateo"]
LAST = ["Blinken", "Lopez", "Okafor", "Wei", "Petrova", "Sharma", "Haddad", "Smith", "Rossi", "Tanaka", "Silva",
        "Kim", "Novak", "Garcia", "Mensah", "Berg", "Costa", "Ali", "Dubois", "Ivanov"]
ROLES = ["foreign minister", "spokesperson", "mayor", "senator", "chief executive", "professor", "police chief"]
ORGS = [f"{w.title()} {k}" for w in ["National", "United", "Global", "Central", "Northern", "Federal"]
        for k in ["Bank", "Council", "Party", "Agency", "Institute", "Union", "Court", "Ministry"]]
PLACES = ["Armenia", "Azerbaijan", "Nagorno-Karabakh", "Lagos", "Springfield", "Kyiv", "Gaza", "Taipei", "Caracas",
          "Nairobi", "Lima", "Hanoi", "Oslo", "Quito", "Accra"]
OUTLETS = ["Reuters", "Aljazeera", "Deutsche Welle", "Associated Press", "AFP", "BBC"]
CUES = ["said", "told reporters", "added", "stated", "according to", "warned"]


def article(n, rng, version=1):
    text = []
    length = 0
    entities = {}

    def add(s):
        nonlocal length
        start = length
        text.append(s)
        length += len(s)  # Python str length counts code points, as the records do
        return {"start": start, "end": length, "text": s}

    def entity(name, etype, role=None, outlet=False, alias=None):
        if name not in entities:
            entities[name] = {"id": f"E{len(entities) + 1}", "name": name, "type": etype, "role": role,
                              "aliases": [alias] if alias else [], "outlet": outlet, "mentions": []}
        return entities[name]

    def filler(words):
        add(" ".join(rng.choice(WORDS) for _ in range(words)) + ". ")

    people = []
    for _ in range(3):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        people.append((f"{first} {last}", last, rng.choice(ROLES)))
    org, place = rng.choice(ORGS), rng.choice(PLACES)
    quotes = []
    filler(40)
    for i in range(6):
        name, surname, role = people[i % 3]
        person = entity(name, "PERSON", role=role, alias=surname)
        outlet_name = rng.choice(OUTLETS)
        outlet = entity(outlet_name, "ORG", outlet=True)
        mention = add(name if i < 3 else surname)
        person["mentions"].append(mention)
        add(" ")
        cue = add(rng.choice(CUES))
        add(" that “")
        content = add(" ".join(rng.choice(WORDS) for _ in range(18)) + f" in {place} v{version}")
        add("”, as reported by ")
        outlet["mentions"].append(add(outlet_name))
        add(". ")
        if i % 2 == 0:
            entity(org, "ORG")["mentions"].append(add(org))
            add(" ")
        entity(place, "GPE")["mentions"].append(add(place))
        add(" ")
        filler(45)
        quotes.append({"text": content["text"], "start": content["start"], "end": content["end"],
                       "type": ["direct", "mixed", "indirect"][i % 3], "speaker": name, "speaker_entity": person["id"],
                       "speaker_mention": mention, "cue": cue["text"], "cue_span": cue,
                       "via": outlet_name, "via_entity": outlet["id"]})
    return {"_schema": "whosaid.extracted/1", "id": f"bench-{n}", "source": f"bench/{n}.html",
            "url": f"https://news.example/{n}", "title": f"{people[0][0]} on {place}", "authors": ["Staff"],
            "published": f"2024-{n % 12 + 1:02d}-{n % 28 + 1:02d}", "site": "news.example", "language": "en",
            "text": "".join(text), "entities": list(entities.values()), "quotes": quotes}


def write_input(path, count, version_of=lambda n: 1):
    rng = random.Random(20240917)
    with open(path, "w", encoding="utf-8") as out:
        for n in range(count):
            out.write(json.dumps(article(n, rng, version_of(n)), ensure_ascii=False, sort_keys=True, separators=(",", ":")))
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


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--load", required=True, help="the whosaid-load binary")
    parser.add_argument("--out", required=True, help="folder for the input and the database")
    parser.add_argument("--articles", type=int, default=20000)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    first = os.path.join(args.out, f"load-input-{args.articles}.ndjson")
    changed = os.path.join(args.out, f"load-input-{args.articles}-reextracted.ndjson")
    parse_only = os.path.join(args.out, f"load-input-{args.articles}-parse-only.ndjson")
    if not os.path.exists(first):
        write_input(first, args.articles)
        write_input(changed, args.articles, lambda n: 2 if n % 10 == 0 else 1)
    if not os.path.exists(parse_only):
        # The same lines under a schema name no whosaid reads: each is parsed in full, then rejected by its
        # first check, so the run times line reading and JSON parsing (and the rejects' messages) alone.
        with open(first, "rb") as src, open(parse_only, "wb") as out:
            for line in src:
                out.write(line.replace(b'"_schema":"whosaid.extracted/1"', b'"_schema":"whosaid.parse-only/0"', 1))
    db = os.path.join(args.out, "bench.db")
    for suffix in ("", "-wal", "-shm"):
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
