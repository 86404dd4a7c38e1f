#!/usr/bin/env python3
"""Serve Neo4j Browser (org.neo4j.client:neo4j-browser from Maven Central, fetched by `make neo4j`) on 127.0.0.1.

    tools/neo4j/run &                               # the server, Bolt on 127.0.0.1:7687
    python tools/neo4j/browser.py [--port 7474] [--bolt bolt://127.0.0.1:7687]
    # then open the address it prints, log in as neo4j with NEO4J_PASSWORD

The web app is read straight out of the jar's ``browser/`` folder. The Browser
talks to Neo4j over Bolt (WebSocket, on the Bolt port) from the page itself;
this server only hands out the files and the discovery document that tells the
page where Bolt is.
"""

from __future__ import annotations

import argparse
import json
import mimetypes
import sys
import threading
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, urlsplit

JAR = Path(__file__).resolve().parent / "target" / "browser" / "neo4j-browser.jar"


class BrowserServer(ThreadingHTTPServer):
    """The Browser's files from the jar, and a discovery document naming ``bolt``."""

    daemon_threads = True

    def __init__(self, port: int, bolt: str, jar: Path = JAR):
        if not jar.is_file():
            raise FileNotFoundError(f"{jar} is missing: run `make neo4j` (it fetches org.neo4j.client:neo4j-browser)")
        self.zip = zipfile.ZipFile(jar)
        self.files = {name[len("browser/"):]: name for name in self.zip.namelist()
                      if name.startswith("browser/") and not name.endswith("/")}
        self.bolt = bolt
        self.lock = threading.Lock()
        super().__init__(("127.0.0.1", port), _Handler)

    @property
    def url(self) -> str:
        """The page, told where Bolt is and that it logs in with a user name and password."""
        host = urlsplit(self.bolt).netloc
        return (f"http://127.0.0.1:{self.server_address[1]}/?dbms={quote('bolt://neo4j@' + host, safe='')}"
                "&preselectAuthMethod=NATIVE")

    def read(self, name: str) -> bytes | None:
        member = self.files.get(name)
        if member is None:
            return None
        with self.lock:  # one ZipFile, many handler threads
            return self.zip.read(member)


class _Handler(BaseHTTPRequestHandler):
    server: BrowserServer

    def do_GET(self):  # noqa: N802 (the http.server API)
        path = urlsplit(self.path).path.lstrip("/")
        if not path and "application/json" in self.headers.get("Accept", ""):
            body = json.dumps({"bolt_direct": self.server.bolt, "bolt_routing": self.server.bolt.replace("bolt", "neo4j", 1),
                               "neo4j_edition": "community"}).encode()
            return self._send(200, "application/json", body)
        body = self.server.read(path or "index.html")
        if body is None:
            return self._send(404, "text/plain", b"not found")
        self._send(200, mimetypes.guess_type(path or "index.html")[0] or "application/octet-stream", body)

    def _send(self, status: int, kind: str, body: bytes):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # quiet: the page asks for many files
        pass


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--port", type=int, default=7474)
    ap.add_argument("--bolt", default="bolt://127.0.0.1:7687", help="the Bolt address the page connects to")
    args = ap.parse_args(argv)
    server = BrowserServer(args.port, args.bolt)
    print(f"Neo4j Browser on {server.url}  (Ctrl-C stops it)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
