#!/usr/bin/env python3
"""Build a WARC file from a folder of saved pages, the way a crawler would have stored them.

Each page becomes a `request` and a `response` record (HTTP head + body), after one `warcinfo` record;
`.warc.gz` output has one gzip member per record, as Common Crawl writes it. Output is deterministic
(record ids derive from the URLs, gzip headers carry no time), so the same folder gives the same bytes.

  scripts/make_warc.py data/sample out/crawl.warc.gz
  scripts/make_warc.py --repeat 20 ../shared/bench/article-extraction out/bench/crawl.warc.gz
  scripts/make_warc.py --faults data/sample out/faulty.warc.gz   # adds damaged and non-article records

--faults adds, between the pages: a 404, an image, a redirect, a record whose Content-Length lies, and
(for .warc.gz) a record whose gzip member is cut in half. The reader must skip or report each of them and
still return every page.
"""
import argparse
import gzip
import os
import sys
import uuid

PAGE_TYPES = {".html": "text/html", ".htm": "text/html", ".xhtml": "application/xhtml+xml", ".txt": "text/plain"}


def pages(folder):
    """(relative name without .gz, media type, bytes) of every page below folder, in a stable order."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in files:
            path = os.path.join(root, name)
            stem = name[:-3] if name.endswith(".gz") else name
            media = PAGE_TYPES.get(os.path.splitext(stem)[1].lower())
            if media is None:
                continue
            with open(path, "rb") as f:
                data = f.read()
            if name.endswith(".gz"):
                data = gzip.decompress(data)
            found.append((os.path.relpath(os.path.join(root, stem), folder).replace(os.sep, "/"), media, data))
    found.sort(key=lambda p: p[0].encode())
    return found


class Writer:
    def __init__(self, compress, date):
        self.compress = compress
        self.date = date
        self.members = []

    def record(self, kind, block, uri=None, content_type=None, length=None, cut=False):
        rid = uuid.uuid5(uuid.NAMESPACE_URL, f"{kind} {uri} {len(self.members)}")
        head = ["WARC/1.0", f"WARC-Type: {kind}", f"WARC-Record-ID: <urn:uuid:{rid}>", f"WARC-Date: {self.date}"]
        if uri:
            head.append(f"WARC-Target-URI: {uri}")
        if content_type:
            head.append(f"Content-Type: {content_type}")
        head.append(f"Content-Length: {len(block) if length is None else length}")
        data = ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"
        if self.compress:
            data = gzip.compress(data, compresslevel=6, mtime=0)
            if cut:
                data = data[: len(data) // 2]
        self.members.append(data)

    def response(self, uri, status, headers, body, length=None, cut=False):
        head = f"HTTP/1.1 {status}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
        self.record("response", head.encode() + body, uri, "application/http; msgtype=response", length, cut)

    def request(self, uri):
        host = uri.split("/")[2]
        path = "/" + uri.split("/", 3)[3] if uri.count("/") >= 3 else "/"
        block = f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: make_warc\r\n\r\n".encode()
        self.record("request", block, uri, "application/http; msgtype=request")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", help="folder of .html/.htm/.txt pages (optionally .gz)")
    parser.add_argument("output", help="the .warc or .warc.gz to write")
    parser.add_argument("--base", default="https://pages.example/", help="URL prefix the pages are given")
    parser.add_argument("--repeat", type=int, default=1, help="write every page this many times (distinct URLs)")
    parser.add_argument("--faults", action="store_true", help="add damaged and non-article records")
    parser.add_argument("--date", default="2026-01-15T08:00:00Z", help="WARC-Date of every record")
    args = parser.parse_args()
    if not os.path.isdir(args.folder):
        sys.exit(f"make_warc.py: {args.folder}: no such folder")
    found = pages(args.folder)
    if not found:
        sys.exit(f"make_warc.py: {args.folder}: no .html, .htm, .xhtml or .txt pages")
    compress = args.output.endswith(".gz")
    w = Writer(compress, args.date)
    w.record("warcinfo", b"software: whosaid scripts/make_warc.py\r\nformat: WARC File Format 1.0\r\n",
             content_type="application/warc-fields")
    n = 0
    for copy in range(args.repeat):
        for name, media, body in found:
            uri = args.base + name + (f"?copy={copy}" if args.repeat > 1 else "")
            w.request(uri)
            w.response(uri, "200 OK", [("Content-Type", media), ("Content-Length", str(len(body)))], body)
            n += 1
            if args.faults and n == 1:
                w.response(args.base + "missing", "404 Not Found", [("Content-Type", "text/html")], b"<p>gone</p>")
                w.response(args.base + "logo.png", "200 OK", [("Content-Type", "image/png")], b"\x89PNG\r\n")
                w.response(args.base + "moved", "301 Moved Permanently", [("Location", args.base + name)], b"")
                lying = b"<html><body><p>This record says it is longer than it is.</p></body></html>"
                w.response(args.base + "lying-length", "200 OK", [("Content-Type", "text/html")], lying,
                           length=len(lying) + 500)
                if compress:
                    w.response(args.base + "cut-member", "200 OK", [("Content-Type", "text/html")],
                               b"<html><body>" + b"<p>A page whose gzip member was cut.</p>" * 50 + b"</body></html>", cut=True)
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "wb") as f:
        for member in w.members:
            f.write(member)
    print(f"{args.output}: {len(w.members)} records, {n} pages", file=sys.stderr)


if __name__ == "__main__":
    main()
