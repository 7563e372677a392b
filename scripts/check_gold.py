#!/usr/bin/env python3
"""Check the news gold set in data/eval/news/: every span's offsets match its text, every speaker and
via names an entity of the article, every type is known. Exit 1 on the first file with problems listed."""
import json
import sys
from pathlib import Path

ENTITY_TYPES = {"PERSON", "ORG", "GPE", "LOC", "NORP"}
QUOTE_TYPES = {"direct", "indirect", "mixed"}


def check_span(text, span, where, problems):
    s, e, t = span.get("start"), span.get("end"), span.get("text")
    if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
        problems.append(f"{where}: bad offsets {s}..{e}")
    elif text[s:e] != t:
        problems.append(f"{where}: text[{s}:{e}] is {text[s:e]!r}, span says {t!r}")


def check_file(path):
    problems = []
    doc = json.loads(path.read_text(encoding="utf8"))
    text = doc["text"]
    if doc.get("split") not in ("dev", "test"):
        problems.append("split must be dev or test")
    names = set()
    for i, ent in enumerate(doc.get("entities", [])):
        where = f"entities[{i}] {ent.get('name')!r}"
        if ent.get("type") not in ENTITY_TYPES:
            problems.append(f"{where}: type {ent.get('type')!r}")
        if ent.get("name") in names:
            problems.append(f"{where}: name used twice")
        names.add(ent.get("name"))
        if not ent.get("mentions"):
            problems.append(f"{where}: no mentions")
        for j, m in enumerate(ent.get("mentions", [])):
            check_span(text, m, f"{where}.mentions[{j}]", problems)
    for i, q in enumerate(doc.get("quotes", [])):
        where = f"quotes[{i}]"
        check_span(text, q, where, problems)
        if q.get("type") not in QUOTE_TYPES:
            problems.append(f"{where}: type {q.get('type')!r}")
        if q.get("speaker") is not None and q["speaker"] not in names:
            problems.append(f"{where}: speaker {q['speaker']!r} is not an entity name")
        if q.get("via") is not None and q["via"] not in names:
            problems.append(f"{where}: via {q['via']!r} is not an entity name")
        if q.get("speaker_mention"):
            check_span(text, q["speaker_mention"], f"{where}.speaker_mention", problems)
        if not q.get("cue"):
            problems.append(f"{where}: no cue")
    return problems


def main(argv):
    folder = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent / "data/eval/news"
    bad = 0
    files = sorted(folder.glob("*.json"))
    for path in files:
        problems = check_file(path)
        for p in problems:
            print(f"{path.name}: {p}")
        bad += bool(problems)
    print(f"{len(files)} files, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
