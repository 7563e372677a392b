#!/usr/bin/env python3
"""Write a corpus of hostile and broken inputs, plus a few good articles, for the reliability tests.

Usage: make_bad_corpus.py OUTDIR

Every stage must go through this folder without crashing: each bad file gets a clear reason in the rejects
output, and every good file (named good-*) still comes out as an article. The content is generated here,
deterministically (a fixed random seed), so the same script always writes the same bytes.
"""
import gzip
import os
import random
import sys

GOOD_PARAGRAPHS = [
    "The harbour authority said on Tuesday that the new pier would open in the spring, after two years of delays.",
    "“We are confident the work will be finished on time,” said Elena Marsh, the authority’s director.",
    "Local fishermen, who had opposed the project, said they would keep watching the costs closely.",
]


def good_html(title, extra_body="", charset_meta='<meta charset="utf-8">'):
    # Each page opens with its own sentence, so no two good pages are the same article.
    own = f"<p>This report, “{title}”, was filed by the harbour desk for the evening edition of the paper.</p>\n"
    paragraphs = own + "\n".join(f"<p>{p}</p>" for p in GOOD_PARAGRAPHS)
    return (f"<!DOCTYPE html><html lang=\"en\"><head>{charset_meta}<title>{title}</title></head>"
            f"<body><article><h1>{title}</h1>\n{paragraphs}\n{extra_body}</article></body></html>")


def write(folder, name, data):
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 64
    folder = argv[1]
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(20240312)

    # Good articles that must come through, some in awkward clothing.
    write(folder, "good-plain.html", good_html("Harbour pier to open in spring"))
    write(folder, "good-article.txt", "Harbour pier to open in spring\n\n" + "\n\n".join(GOOD_PARAGRAPHS) + "\n")
    write(folder, "good-windows-1252-unlabelled.html",
          good_html("Pier opening delayed", charset_meta="").encode("cp1252"))
    write(folder, "good-utf16-bom.html", good_html("Pier opening in UTF-16").encode("utf-16"))
    write(folder, "good-rtl-emoji.html", good_html("Harbour pier 🎉 opens",
          "<p>Visitors wrote “مرحبا بكم في الميناء” on a banner 🚢 and the mayor said “שלום” to the crowd.</p>"))
    write(folder, "good-gzipped.html.gz", gzip.compress(good_html("Pier story, compressed").encode(), mtime=0))
    write(folder, "good-deep-nesting.html",
          good_html("Pier story inside deep markup", "<div>" * 10_000 + "<p>Deep inside the page, the director said the pier was safe.</p>" + "</div>" * 10_000))
    write(folder, "good-long-words.html",
          good_html("Pier story with long words", "<p>" + "x" * 200_000 + " and a normal sentence at the end.</p>"))

    # Bad inputs: each must be rejected with a reason, or pass with a warning, never crash a stage.
    write(folder, "bad-empty.html", b"")
    write(folder, "bad-empty.txt", b"")
    write(folder, "bad-random-binary.html", bytes(rng.getrandbits(8) for _ in range(20_000)))
    write(folder, "bad-truncated.html", good_html("Truncated page")[:180])
    write(folder, "bad-invalid-utf8.html", good_html("Broken bytes").encode() .replace(b"pier", b"p\xff\xfeer"))
    write(folder, "bad-utf16-no-bom.html", good_html("UTF-16 without a BOM").encode("utf-16-le"))
    write(folder, "bad-mislabelled-charset.html",
          good_html("Says Shift_JIS, is UTF-8", charset_meta='<meta charset="shift_jis">'))
    write(folder, "bad-nul-bytes.html", good_html("NUL bytes").encode().replace(b"the", b"t\x00he"))
    write(folder, "bad-long-line.html", "<html><body><p>" + ("word " * 2_000_000) + "</p></body></html>")
    write(folder, "bad-only-scripts.html",
          "<html><head><script>var a = 1;</script></head><body><script>document.write('hi')</script></body></html>")
    write(folder, "bad-not-gzip.html.gz", b"this is not gzip data at all")
    write(folder, "bad-gzip-bomb.html.gz", gzip.compress(b"<p>" + b"A" * (300 * 1024 * 1024) + b"</p>", compresslevel=9, mtime=0))
    big = "<html><body>" + "<div class='nav'><a href='/'>link</a></div>" * 1_300_000 + "</body></html>"
    write(folder, "bad-50mb-page.html", big)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
