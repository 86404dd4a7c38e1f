"""Neo4j Browser (from Maven Central) served locally, logged in to the test server in headless Chromium,
runs queries/top-pairs.cypher and shows the rows the graph says.

Chromium is driven over its DevTools protocol (websocket-client); the screenshot goes to docs/neo4j-browser.png.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from kg.fileio import read_graph
from kg.neo4j_load import load

from .conftest import ROOT
from .cypher_examples import QUERIES, Events, read_cypher, top_pairs
from .test_report import find_chromium

pytestmark = pytest.mark.neo4j
DOCS = ROOT / "docs"


class DevTools:
    """Just enough of the Chrome DevTools protocol: evaluate, type, click, screenshot."""

    def __init__(self, ws_url: str):
        import websocket

        self.ws = websocket.create_connection(ws_url, timeout=60, suppress_origin=True)
        self.next_id = 0

    def call(self, method: str, **params) -> dict:
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self.next_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})

    def js(self, expression: str):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression[:200]}: {result['exceptionDetails'].get('exception', {}).get('description')}")
        return result.get("result", {}).get("value")

    def wait(self, expression: str, what: str, timeout: float = 60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = self.js(expression)
            if value:
                return value
            time.sleep(0.25)
        shot = DOCS.parent / "out" / "neo4j-browser-failure.png"
        self.screenshot(shot)
        raise AssertionError(f"the Browser never showed {what} (screenshot: {shot}); page text: "
                             f"{(self.js('document.body.innerText') or '')[:1500]}")

    def click(self, selector: str):
        box = self.js(f"(() => {{ const r = document.querySelector({json.dumps(selector)}).getBoundingClientRect();"
                      " return [r.x + r.width / 2, r.y + r.height / 2]; })()")
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=1)

    def type_into(self, selector: str, text: str, check: str | None = None):
        """Click ``selector`` and type ``text``; with ``check`` (the input element), type again until it holds it:
        a form the page is still rendering can drop the first keystrokes."""
        for _ in range(20):
            self.click(selector)
            self.call("Input.insertText", text=text)
            if check is None or self.js(f"document.querySelector({json.dumps(check)}).value") == text:
                return
            self.js(f"document.querySelector({json.dumps(check)}).value === '' || "
                    f"document.querySelector({json.dumps(check)}).select()")
            time.sleep(0.5)
        raise AssertionError(f"{check} never took the text typed into it")

    def set_input(self, selector: str, text: str):
        """Set a form field as React sees typing (the native value setter, then an input event), and
        check it holds the text: typed keystrokes can land in whichever field the page focuses first."""
        sel = json.dumps(selector)
        for _ in range(20):
            self.js(f"(() => {{ const el = document.querySelector({sel}); el.focus();"
                    " Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set"
                    f".call(el, {json.dumps(text)});"
                    " el.dispatchEvent(new Event('input', {bubbles: true}));"
                    " el.dispatchEvent(new Event('change', {bubbles: true})); })()")
            if self.js(f"document.querySelector({sel}).value") == text:
                return
            time.sleep(0.5)
        raise AssertionError(f"{selector} never took the text set into it")

    def screenshot(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        import base64

        path.write_bytes(base64.b64decode(self.call("Page.captureScreenshot", format="png")["data"]))

    def close(self):
        self.ws.close()


@pytest.fixture
def chromium(tmp_path):
    pytest.importorskip("websocket", reason="websocket-client drives Chromium (pip install -e '.[test]')")
    binary = find_chromium()
    if not binary:
        pytest.skip("no chromium binary on PATH (install Debian's chromium: apt-get install -y chromium; "
                    "or set KG_CHROMIUM)")
    profile = tmp_path / "profile"
    proc = subprocess.Popen([binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                             "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                             f"--user-data-dir={profile}", "--window-size=1400,1000", "about:blank"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port_file = profile / "DevToolsActivePort"
    deadline = time.monotonic() + 30
    while not port_file.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    port = int(port_file.read_text().split()[0])
    pages = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10))
    tools = DevTools(next(p for p in pages if p["type"] == "page")["webSocketDebuggerUrl"])
    yield tools
    tools.close()
    proc.terminate()
    proc.wait(10)
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def browser_server(neo4j):
    import importlib.util

    spec = importlib.util.spec_from_file_location("browser", ROOT / "tools" / "neo4j" / "browser.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    server = module.BrowserServer(0, neo4j.uri)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


FRAME_TEXT = "Array.from(document.querySelectorAll('[data-testid=\"frame\"]')).map(f => f.innerText).join('\\n---\\n')"


def run_in_editor(tools: DevTools, text: str, done: str, what: str):
    frames = tools.js("document.querySelectorAll('[data-testid=\"frame\"]').length") or 0
    tools.type_into('[data-testid="activeEditor"]', text)
    tools.click('[data-testid="editor-Run"]')
    tools.wait(f"document.querySelectorAll('[data-testid=\"frame\"]').length > {frames} && "
               f"document.querySelector('[data-testid=\"frame\"]').innerText.includes({json.dumps(done)})", what)


def test_the_browser_runs_an_example_query_on_the_test_server(bolt, neo4j, seeds_graph, browser_server, chromium):
    g = read_graph(seeds_graph)
    load(bolt, g, neo4j.settings())
    tools = chromium
    tools.call("Page.enable")
    tools.call("Page.navigate", url=browser_server.url)

    # log in: the address and user come from the URL, the password is typed (it is in no URL)
    tools.wait("!!document.querySelector('[data-testid=\"password\"]')", "the login form")
    assert tools.js("document.querySelector('[data-testid=\"boltaddress\"]').value") == neo4j.uri.split("//")[1]
    user = tools.js("document.querySelector('[data-testid=\"username\"]').value") or "neo4j"
    connected = f"{FRAME_TEXT}.includes('You are connected as user neo4j')"
    # a cold page may ignore the first click on Connect (its form still settling): try as a user would
    for attempt in range(6):
        if tools.js(connected):
            break
        if tools.js("!!document.querySelector('[data-testid=\"password\"]')"):
            tools.set_input('[data-testid="username"]', user)
            tools.set_input('[data-testid="password"]', neo4j.password)
            if attempt % 2:
                tools.js("document.querySelector('[data-testid=\"connect\"]').click()")
            else:
                tools.click('[data-testid="connect"]')
        try:
            tools.wait(connected, "a successful login", timeout=15 if attempt < 5 else 60)
            break
        except AssertionError:
            if attempt == 5:
                raise

    # the example, pasted as a user would, gives the pairs the graph has, in the file's order
    _, query = read_cypher(QUERIES / "top-pairs.cypher")
    expected = sorted(top_pairs(Events(g)), key=lambda r: (-r[2], r[0], r[1]))[:25]
    run_in_editor(tools, query, expected[0][0], "the rows of top-pairs.cypher")
    tools.wait("!!document.querySelector('[data-testid=\"frame\"] table')", "the result table")
    table = "document.querySelector('[data-testid=\"frame\"] table')"
    head = tools.js(f"Array.from({table}.querySelectorAll('th')).map(th => th.innerText.trim())")
    rows = tools.js(f"Array.from({table}.querySelectorAll('tr')).map(tr => Array.from(tr.querySelectorAll('td'))"
                    ".map(td => td.innerText.trim())).filter(r => r.length)")
    cells = [dict(zip(head[-len(row):], row)) for row in rows]
    got = [(json.loads(c["a"]), json.loads(c["b"]), int(c["events"])) for c in cells]
    assert got == [(a, b, n) for a, b, n, *_ in expected], (head, rows[:3])
    tools.screenshot(DOCS / "neo4j-browser.png")

    # queries/kg.grass applied with :style (on one line: the editor indents and closes brackets as it is typed
    # into, which garbles a multi-line style), then a graph drawn with its colours and captions
    grass = " ".join((ROOT / "queries" / "kg.grass").read_text(encoding="utf-8").split())
    run_in_editor(tools, ":style " + grass, "node.Person", "the style taken")
    run_in_editor(tools, "MATCH (a:Person)-[r:PARTICIPATED_IN]->(e:Event)-[t:TOOK_PLACE_IN]->(p:Place) "
                  "RETURN a, r, e, t, p LIMIT 12", "Displaying", "the graph")
    drawn = ("Array.from(document.querySelector('[data-testid=\"frame\"]').querySelectorAll('svg g.node'))"
             ".map(n => [Array.from(n.querySelectorAll('circle')).map(c => c.getAttribute('fill') || '').join(' '),"
             " n.textContent.trim(), n.innerHTML.slice(0, 300)])")
    nodes = tools.wait(f"(({drawn}).length > 0) && {drawn}", "the graph's nodes")
    assert "Something went wrong" not in tools.js("document.body.innerText")
    fills = {fill.upper() for fills, _, _ in nodes for fill in fills.split()}
    assert {"#4C8EDA", "#F79767", "#57C7E3"} <= fills, nodes  # people, events, places: the file's colours
    texts = {text for _, text, _ in nodes}
    assert {"Meeting", "Visit"} & texts and any("Putin" in t for t in texts), nodes  # {type} and {name} captions
    tools.screenshot(DOCS / "neo4j-browser-style.png")
