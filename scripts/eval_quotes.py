#!/usr/bin/env python3
"""Score whosaid-extract's quotes against the news gold set (data/eval/news/*.json).

Feeds each gold article's text as an article record to the extractor and compares:
- a found quote matches a gold quote when they overlap by at least half of the gold span (one-to-one,
  largest overlaps first);
- precision and recall per quote type (direct, mixed, indirect) and for direct+mixed together; a found quote
  counts towards the precision of its own type, a gold quote towards the recall of its own type;
- speaker accuracy on matched quotes: the found speaker names the gold speaker's entity (its name or one of its
  mention texts); both null counts as correct;
- via accuracy on matched quotes, the same way for the crediting outlet.

dev and test are scored separately. `--show dev` lists the misses of the dev articles (never use it on test:
the test split is held out).

Usage: eval_quotes.py [--extract PATH] [--gold DIR] [--show dev]
"""
import argparse
import glob
import json
import os
import subprocess
import sys

TYPES = ("direct", "mixed", "indirect")


def load_gold(folder):
    files = sorted(glob.glob(os.path.join(folder, "*.json")))
    if not files:
        sys.exit(f"eval_quotes: no gold files in {folder}")
    return [json.load(open(f, encoding="utf-8")) for f in files]


def run_extractor(binary, articles):
    if not os.path.exists(binary):
        sys.exit(f"eval_quotes: {binary} is missing; build it first (make build)")
    records = "".join(json.dumps({"id": a["id"], "text": a["text"]}, ensure_ascii=False) + "\n" for a in articles)
    proc = subprocess.run([binary, "--quiet"], input=records.encode(), capture_output=True)
    if proc.returncode not in (0, 65):
        sys.exit(f"eval_quotes: {binary} exited {proc.returncode}: {proc.stderr.decode(errors='replace')[:500]}")
    out = {}
    for line in proc.stdout.decode().splitlines():
        if line.strip():
            r = json.loads(line)
            out[r["id"]] = r
    return out


def names_of(entity_name, entities):
    """The name and mention texts of the gold entity called entity_name."""
    if entity_name is None:
        return {None}
    forms = {entity_name}
    for e in entities:
        if e["name"] == entity_name:
            forms |= {m["text"] for m in e.get("mentions", [])}
            forms |= set(e.get("aliases", []) or [])
    return forms


def match(gold, found):
    pairs = []
    for gi, g in enumerate(gold):
        glen = max(1, g["end"] - g["start"])
        for fi, f in enumerate(found):
            ov = min(g["end"], f["end"]) - max(g["start"], f["start"])
            if ov * 2 >= glen and ov > 0:
                pairs.append((ov / glen, gi, fi))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_g, used_f, out = set(), set(), {}
    for _, gi, fi in pairs:
        if gi in used_g or fi in used_f:
            continue
        used_g.add(gi)
        used_f.add(fi)
        out[gi] = fi
    return out


class Tally:
    def __init__(self):
        self.gold = {t: 0 for t in TYPES}
        self.found = {t: 0 for t in TYPES}
        self.gold_hit = {t: 0 for t in TYPES}
        self.found_hit = {t: 0 for t in TYPES}
        self.speaker_ok = {t: 0 for t in TYPES}
        self.via_ok = {t: 0 for t in TYPES}
        # Kinds of error on matched quotes, for the summary line.
        self.via_errors = {"credited none": 0, "missed": 0, "other outlet": 0}
        self.speaker_errors = {"null for named": 0, "named for null": 0, "other name": 0}

    def ratio(self, a, b):
        return f"{a / b:.3f}" if b else "  -  "

    GROUPS = [("direct", ("direct",)), ("mixed", ("mixed",)), ("direct+mixed", ("direct", "mixed")),
              ("indirect", ("indirect",)), ("all", TYPES)]

    def figures(self, ts):
        """Counts and scores of the quote types `ts` taken together."""
        g = sum(self.gold[t] for t in ts)
        f = sum(self.found[t] for t in ts)
        gh = sum(self.gold_hit[t] for t in ts)
        fh = sum(self.found_hit[t] for t in ts)
        sp = sum(self.speaker_ok[t] for t in ts)
        via = sum(self.via_ok[t] for t in ts)
        p = fh / f if f else 0.0
        r = gh / g if g else 0.0
        return {"gold": g, "found": f, "gold_hit": gh, "found_hit": fh, "precision": p, "recall": r,
                "f1": 2 * p * r / (p + r) if p + r else 0.0, "speaker_ok": sp, "via_ok": via,
                "speaker": sp / gh if gh else 0.0, "via": via / gh if gh else 0.0}

    def rows(self):
        lines = [f"  {'type':<13} {'gold':>5} {'found':>6} {'precision':>9} {'recall':>7} {'F1':>6} {'speaker':>8} {'via':>6}"]
        for name, ts in self.GROUPS:
            x = self.figures(ts)
            lines.append(f"  {name:<13} {x['gold']:>5} {x['found']:>6} {self.ratio(x['found_hit'], x['found']):>9} "
                         f"{self.ratio(x['gold_hit'], x['gold']):>7} {x['f1']:>6.3f} "
                         f"{self.ratio(x['speaker_ok'], x['gold_hit']):>8} {self.ratio(x['via_ok'], x['gold_hit']):>6}")
        return lines


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--extract", default=".build/release/whosaid-extract")
    ap.add_argument("--gold", default="data/eval/news")
    ap.add_argument("--show", choices=["dev"], help="list the dev articles' misses")
    ap.add_argument("--json", help="also write each split's figures per quote type to this JSON file")
    args = ap.parse_args()
    gold = load_gold(args.gold)
    results = run_extractor(args.extract, gold)
    tallies = {"dev": Tally(), "test": Tally()}
    for art in gold:
        tally = tallies[art["split"]]
        found = results.get(art["id"], {}).get("quotes", [])
        gq = art["quotes"]
        m = match(gq, found)
        matched_found = set(m.values())
        for g in gq:
            tally.gold[g["type"]] += 1
        for f in found:
            tally.found[f["type"]] += 1
        for fi, f in enumerate(found):
            if fi in matched_found:
                tally.found_hit[f["type"]] += 1
        show = args.show == art["split"] == "dev"
        text = art["text"]
        for gi, g in enumerate(gq):
            if gi not in m:
                if show:
                    print(f"MISS [{g['type']}] {g['speaker']!r} cue={g['cue']!r}: "
                          f"{text[max(0, g['start'] - 80):g['start']]}⟦{g['text'][:120]}⟧".replace("\n", "¶"))
                continue
            f = found[m[gi]]
            tally.gold_hit[g["type"]] += 1
            sp_ok = f.get("speaker") in names_of(g["speaker"], art["entities"])
            via_ok = f.get("via") in names_of(g.get("via"), art["entities"])
            tally.speaker_ok[g["type"]] += sp_ok
            tally.via_ok[g["type"]] += via_ok
            if not via_ok:
                kind = "credited none" if g.get("via") is None else "missed" if f.get("via") is None else "other outlet"
                tally.via_errors[kind] += 1
            if not sp_ok:
                kind = "null for named" if f.get("speaker") is None else "named for null" if g["speaker"] is None else "other name"
                tally.speaker_errors[kind] += 1
            if show and not sp_ok:
                print(f"SPEAKER [{g['type']}] gold={g['speaker']!r} found={f.get('speaker')!r} "
                      f"mention={(f.get('speaker_mention') or {}).get('text')!r}: ⟦{g['text'][:80]}⟧".replace("\n", "¶"))
            if show and not via_ok:
                print(f"VIA gold={g.get('via')!r} found={f.get('via')!r}: ⟦{g['text'][:80]}⟧".replace("\n", "¶"))
        if show:
            for fi, f in enumerate(found):
                if fi not in matched_found:
                    print(f"EXTRA [{f['type']}] {f.get('speaker')!r} cue={f.get('cue')!r}: ⟦{f['text'][:120]}⟧".replace("\n", "¶"))
    for split in ("dev", "test"):
        n = sum(1 for a in gold if a["split"] == split)
        print(f"quotes on the news gold set, {split} ({n} articles):")
        print("\n".join(tallies[split].rows()))
        t = tallies[split]
        print("  speaker errors: " + ", ".join(f"{k} {v}" for k, v in t.speaker_errors.items())
              + "; via errors: " + ", ".join(f"{k} {v}" for k, v in t.via_errors.items()))
    if args.json:
        os.makedirs(os.path.dirname(args.json) or ".", exist_ok=True)
        figures = {split: {name: tallies[split].figures(ts) for name, ts in Tally.GROUPS} for split in ("dev", "test")}
        with open(args.json, "w", encoding="utf-8") as out:
            out.write(json.dumps(figures, indent=2, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
