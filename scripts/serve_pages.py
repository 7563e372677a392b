#!/usr/bin/env python3
"""Serve a folder of saved pages on 127.0.0.1 and write the list of their URLs, to try
`whosaid-fetch --urls` (or `make all URLS=...`) without the internet.

  scripts/serve_pages.py data/sample --list out/urls.txt &

`.html`/`.htm` are served as text/html, `.txt` as text/plain; a `.gz` page is sent with
Content-Encoding: gzip, as a web server would. Only 127.0.0.1 is listened on; the port is free one
unless --port is given. The list is written once the server is listening.
"""
import argparse
import http.server
import os
import sys

TYPES = {".html": "text/html", ".htm": "text/html", ".xhtml": "application/xhtml+xml", ".txt": "text/plain; charset=utf-8"}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder")
    parser.add_argument("--list", required=True, help="write the pages' URLs here, one a line")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--pid-file", help="write this process's id here")
    args = parser.parse_args()
    if not os.path.isdir(args.folder):
        sys.exit(f"serve_pages.py: {args.folder}: no such folder")
    root = os.path.abspath(args.folder)
    pages = {}
    for dirpath, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            stem = name[:-3] if name.endswith(".gz") else name
            ext = os.path.splitext(stem)[1].lower()
            if ext in TYPES:
                rel = os.path.relpath(os.path.join(dirpath, stem), root).replace(os.sep, "/")
                pages["/" + rel] = (os.path.join(dirpath, name), TYPES[ext], name.endswith(".gz"))

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            page = pages.get(self.path.split("?")[0])
            if page is None:
                self.send_error(404)
                return
            path, media, gzipped = page
            with open(path, "rb") as f:
                body = f.read()
            self.send_response(200)
            self.send_header("Content-Type", media)
            if gzipped:
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    port = server.server_address[1]
    if args.pid_file:
        with open(args.pid_file, "w") as f:
            f.write(f"{os.getpid()}\n")
    tmp = args.list + ".tmp"
    with open(tmp, "w") as f:
        f.write(f"# {len(pages)} pages of {args.folder}, served on 127.0.0.1:{port}\n")
        for rel in sorted(pages):
            f.write(f"http://127.0.0.1:{port}{rel}\n")
    os.replace(tmp, args.list)
    print(f"serve_pages.py: {len(pages)} pages on http://127.0.0.1:{port}/ (list in {args.list})", file=sys.stderr)
    server.serve_forever()


if __name__ == "__main__":
    main()
