"""`--format html` as a person sees it: the report of examples/ and of a cross-file strategy with
its plans, written by the real command, parsed (every finding and pillar on the page, nothing
loaded from the network, maps with text alternatives) and rendered in headless Chromium (the
screenshot is not blank, in light and in dark mode).

Chromium is Debian's `chromium` package; `python3 tools/dev.py test` installs it where it is
missing (as root, with apt-get). The browser tests skip, saying why, only where it is not there.

    python tests/test_html_report.py 500   # write and open a 500-document report, with timings
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import CROSS_FILE_STRATEGY, ROOT, run_cli

STRATEGY = "---\ntype: strategy\n---\n" + CROSS_FILE_STRATEGY  # declared: judged as one
PLAN = """\
---
type: plan
strategy: ../strategy.md
---
# Q3 Ohio plan

Target: 12 signed retrofit kits by 30 September. Budget: $40k, 2 AEs.

## Weekend installs

- Hire 2 installers for weekend windows in Ohio — Dana, by 30 September.
  - Supports: Pillar 1

## Brand refresh

- Redesign the company logo and website colours — Sam, by 15 August.
"""
NO_STRATEGY = """\
---
type: plan
---
# Q4 plan

- Run 4 webinars for plant managers — Kim, by 30 November.
- Hire 2 SDRs — Lee, by October.
"""
BROKEN_LINK = """\
---
type: plan
strategy: ../fy28-strategy.md
---
# Q4 East plan

- Run 4 webinars for plant managers — Kim, by 30 November.
"""
PILLARS = ("Retrofit kits for weekend windows", "Distributor-led selling in small plants")

# Attributes that load or point at something; on this page each may only point inside it.
URL_ATTRS = {
    "href",
    "src",
    "srcset",
    "action",
    "formaction",
    "poster",
    "data",
    "xlink:href",
    "background",
    "ping",
    "manifest",
    "cite",
    "longdesc",
}
LOADING_TAGS = {
    "script",
    "link",
    "iframe",
    "frame",
    "img",
    "object",
    "embed",
    "base",
    "audio",
    "video",
    "source",
    "track",
    "image",
    "use",
    "form",
    "input",
    "foreignobject",
}


# -- reading the page -----------------------------------------------------------------------


class Report(HTMLParser):
    """What a reader (and a browser) finds in the page."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.urls: list[str] = []
        self.css: list[str] = []
        self.findings: list[tuple[str, str, int]] = []  # (path, rule, line)
        self.quoted: int = 0  # source lines quoted (pre.src)
        self.pillars: dict[int, tuple[str, bool]] = {}  # number → (title, needs attention)
        self.pillar_lines: dict[int, int] = {}
        self.inits: dict[tuple[str, int], bool] = {}  # (path, line) → needs attention
        self.traces: list[tuple[int, int, str]] = []  # (pillar, initiative line, class)
        self.ids: set[str] = set()
        self.labelled: list[tuple[str, str]] = []  # (element, aria-labelledby)
        self.text_by_id: dict[str, str] = {}
        self.headings: list[tuple[str, str]] = []
        self.apart: str = ""
        self._path = ""
        self._stack: list[tuple[str, dict[str, str]]] = []
        self._pillar: int | None = None
        self._grab: list[tuple[str, str, list[str]]] = []  # (tag, key, text) being collected
        self._in_style = False
        self._in_apart = False
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags[tag] += 1
        self._stack.append((tag, a))
        cls = a.get("class", "").split()
        self.urls += [v for k, v in a.items() if k in URL_ATTRS]
        if "style" in a:
            self.css.append(a["style"])
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "style":
            self._in_style = True
        if tag == "article" and "doc" in cls:
            self._path = a["data-path"]
        if tag == "li" and "finding" in cls:
            self.findings.append((self._path, a["data-rule"], int(a["data-line"])))
        if tag == "pre" and "src" in cls:
            self.quoted += 1
        if tag == "g" and "pillar" in cls and "data-pillar" in a:
            self._pillar = int(a["data-pillar"])
            self.pillars[self._pillar] = ("", "attn" in cls)
            self.pillar_lines[self._pillar] = int(a["data-line"])
        if tag == "g" and "init" in cls:
            self.inits[(a["data-path"], int(a["data-line"]))] = "attn" in cls
        if tag == "path" and "t" in cls:
            self.traces.append((int(a["data-pillar"]), int(a["data-line"]), cls[1]))
        if a.get("aria-labelledby"):
            self.labelled.append((tag, a["aria-labelledby"]))
        if tag == "title" and self._pillar is not None:
            self._grab.append((tag, "pillar", []))
        elif a.get("id") and tag in ("title", "desc"):
            self._grab.append((tag, a["id"], []))
        elif tag in ("h1", "h2", "h3"):
            self._grab.append((tag, tag, []))
        if tag == "section" and a.get("id") == "apart":
            self._in_apart = True

    def handle_endtag(self, tag: str) -> None:
        while self._stack:
            open_tag, _ = self._stack.pop()
            if open_tag == tag:
                break
        if tag == "style":
            self._in_style = False
        if tag == "section":
            self._in_apart = False
        if self._grab and self._grab[-1][0] == tag:
            _, key, parts = self._grab.pop()
            text = " ".join("".join(parts).split())
            if key == "pillar" and self._pillar is not None:
                self.pillars[self._pillar] = (text, self.pillars[self._pillar][1])
                self._pillar = None
            elif key in ("h1", "h2", "h3"):
                self.headings.append((key, text))
            else:
                self.text_by_id[key] = text

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.css.append(data)
        for _, _, parts in self._grab:
            parts.append(data)
        if self._in_apart:
            self.apart += data


def _write_cross_file(root: Path) -> Path:
    docs = root / "docs"
    (docs / "plans").mkdir(parents=True)
    (docs / "strategy.md").write_text(STRATEGY, encoding="utf-8")
    (docs / "plans" / "q3-plan.md").write_text(PLAN, encoding="utf-8")
    (docs / "plans" / "no-strategy.md").write_text(NO_STRATEGY, encoding="utf-8")
    (docs / "plans" / "broken-link.md").write_text(BROKEN_LINK, encoding="utf-8")
    return docs


def _reports(cwd: Path, target: str, out: Path) -> tuple[str, list[tuple[str, str, int]]]:
    """The HTML report of `target` and the findings of the same run in JSON."""
    html = run_cli("--no-cache", "--format", "html", "-o", str(out), target, cwd=cwd)
    assert html.returncode in (0, 1), html.stderr
    js = run_cli("--no-cache", "--format", "json", target, cwd=cwd)
    findings = [(f["path"], f["rule"], f["line"]) for f in json.loads(js.stdout)["findings"]]
    return out.read_text(encoding="utf-8"), findings


@pytest.fixture(scope="module")
def examples_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Report, list]:
    out = tmp_path_factory.mktemp("examples") / "report.html"
    text, findings = _reports(ROOT, "examples/", out)
    return out, Report(text), findings


@pytest.fixture(scope="module")
def cross_file_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Report, list]:
    root = tmp_path_factory.mktemp("project")
    _write_cross_file(root)
    text, findings = _reports(root, "docs/", root / "report.html")
    return root / "report.html", Report(text), findings


# -- the page -------------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["examples_report", "cross_file_report"])
def test_every_finding_is_on_the_page_once_with_its_source_line(
    which: str, request: pytest.FixtureRequest
) -> None:
    _, page, findings = request.getfixturevalue(which)
    assert findings, "the run should have findings to show"
    assert Counter(page.findings) == Counter(findings), (
        f"on the page: {sorted(page.findings)}\nin JSON: {sorted(findings)}"
    )
    assert page.quoted == len(findings)


@pytest.mark.parametrize("which", ["examples_report", "cross_file_report"])
def test_the_page_loads_nothing_from_anywhere(which: str, request: pytest.FixtureRequest) -> None:
    _, page, _ = request.getfixturevalue(which)
    assert not set(page.tags) & LOADING_TAGS, sorted(set(page.tags) & LOADING_TAGS)
    assert page.urls and all(u.startswith("#") and u[1:] in page.ids for u in page.urls), [
        u for u in page.urls if not u.startswith("#") or u[1:] not in page.ids
    ]
    css = "\n".join(page.css).lower()
    for needle in ("url(", "@import", "http:", "https:", "//"):
        assert needle not in css, needle


def test_the_map_shows_each_pillar_its_traces_and_what_serves_nothing(cross_file_report) -> None:
    _, page, findings = cross_file_report
    assert {n: t for n, (t, _) in page.pillars.items()} == {
        1: f"Pillar 1: {PILLARS[0]}",
        2: f"Pillar 2: {PILLARS[1]}",
    }
    # The map marks exactly what A301 and A302 report: pillars no plan item serves, initiatives
    # that serve no pillar.
    a301 = {line for path, rule, line in findings if rule == "A301"}
    a302 = {(path, line) for path, rule, line in findings if rule == "A302"}
    assert {page.pillar_lines[n] for n, (_, attn) in page.pillars.items() if attn} == a301
    assert {key for key, attn in page.inits.items() if attn} == a302
    # Pillar 1 is served by the item that says `Supports: Pillar 1`; pillar 2 by nothing;
    # "Brand refresh" serves no pillar.
    assert a301 == {23} and a302 == {("docs/plans/q3-plan.md", 14)}
    assert (1, 9, "t-supports") in page.traces  # the "Weekend installs" section
    assert set(page.inits) >= {("docs/plans/q3-plan.md", 9), ("docs/plans/q3-plan.md", 14)}
    # Plans with no strategy behind them are shown apart, with the reason.
    assert "Q4 plan" in page.apart and "No strategy in the document" in page.apart
    assert "Q4 East plan" in page.apart and "../fy28-strategy.md" in page.apart
    assert "missing file" in page.apart


def test_headings_and_text_alternatives_for_every_map(cross_file_report) -> None:
    _, page, _ = cross_file_report
    assert [t for h, t in page.headings if h == "h1"] == ["Strategy and plan review"]
    assert [t for h, t in page.headings if h == "h2"] == [
        "Summary",
        "Alignment maps",
        "Plans with no strategy",
        "Documents",
    ]
    svgs = [ids for tag, ids in page.labelled if tag == "svg"]
    assert len(svgs) == page.tags["svg"] == 1
    for ids in svgs:
        texts = [page.text_by_id.get(i, "") for i in ids.split()]
        assert all(texts), ids
        assert PILLARS[1] in texts[1] and "no plan item serves" in texts[1], texts[1]
    assert "#main" in page.urls and "main" in page.ids  # the skip link, for keyboards


def test_document_text_is_escaped() -> None:
    from stratlint.model import Finding, Kind, Result, Severity
    from stratlint.report import get
    from stratlint.report.summary import DocumentSummary, SectionSummary

    evil = "<script>alert(1)</script><img src=x onerror=alert(1)>"
    text = f"## Strategy {evil}\n\nOur strategy is to increase sales by 50%. {evil}\n"
    finding = Finding(
        "a<b>.md",
        3,
        1,
        3,
        80,
        "S101",
        "goal-as-strategy",
        Severity.ERROR,
        f"“{evil}” is a goal",
        f"Say who {evil}",
        f"Strategy {evil}",
    )
    summary = DocumentSummary(
        "a<b>.md",
        f"Strategy {evil}",
        (SectionSummary(f"Strategy {evil}", 2, 1, 3, Kind.STRATEGY, Kind.STRATEGY, None),),
        (),
        (),
    )
    html = get("html")(Result([finding], [], 1, [summary]), {"a<b>.md": text})
    page = Report(html)
    assert not {"script", "img"} & set(page.tags)
    assert page.findings == [("a<b>.md", "S101", 3)]
    assert html.count("&lt;script&gt;") >= 4


def test_a_file_name_that_is_not_utf8_is_shown_as_the_text_report_shows_it() -> None:
    from stratlint.model import Finding, Result, Severity
    from stratlint.report import get

    name = "caf\udce9\tplan.md"  # the bytes b"caf\xe9\tplan.md" as os.fsdecode gives them
    finding = Finding(
        name, 3, 1, 3, 20, "P202", "plan-item-missing-owner", Severity.WARNING, "m", "s", "Plan"
    )
    html = get("html")(Result([finding], [], 1, []), {name: "# Plan\n\n- Hire two SDRs.\n"})
    assert "\udce9" not in html and "\t" not in html.split("<body", 1)[1], "raw name in the page"
    assert "$&#x27;caf\\xe9\\x09plan.md&#x27;" in html, "not the name `display` gives"
    html.encode("utf-8")  # the page can be written


# -- the engine's hand-over -----------------------------------------------------------------


def test_summaries_are_made_only_when_asked_and_change_no_finding(tmp_path: Path) -> None:
    from stratlint.run.engine import lint_sources
    from stratlint.settings import Settings

    docs = _write_cross_file(tmp_path)
    sources = [(str(p), p.read_text(encoding="utf-8")) for p in sorted(docs.rglob("*.md"))]
    plain = lint_sources(sources, Settings(root=tmp_path))
    drawn = lint_sources(sources, Settings(root=tmp_path), summaries=True)
    assert plain.summaries == []
    assert [f.to_dict() for f in drawn.findings] == [f.to_dict() for f in plain.findings]
    assert [s.path for s in drawn.summaries] == [p for p, _ in sources]
    strategy = next(s for s in drawn.summaries if s.path.endswith("/strategy.md"))
    assert [(p.text, p.line, p.served) for p in strategy.strategies[0].pillars] == [
        (PILLARS[0], 19, True),
        (PILLARS[1], 23, False),
    ]
    plan = next(s for s in drawn.summaries if s.path.endswith("/q3-plan.md"))
    first = plan.plans[0].initiatives[0]
    assert (first.text, first.serves) == ("Weekend installs", True)
    assert ("supports", "Pillar 1", True) in {
        (t.way, t.evidence, t.names_pillar) for t in first.traces if t.pillar == 1
    }


def test_a_rule_turned_off_marks_nothing_on_the_map(tmp_path: Path) -> None:
    from stratlint.report import get
    from stratlint.run.engine import lint_sources
    from stratlint.settings import Settings

    docs = _write_cross_file(tmp_path)
    sources = [(str(p), p.read_text(encoding="utf-8")) for p in sorted(docs.rglob("*.md"))]
    result = lint_sources(sources, Settings(root=tmp_path, ignore=("A301", "A302")), summaries=True)
    page = Report(get("html")(result, dict(sources)))
    assert not any(attn for _, attn in page.pillars.values())
    assert page.pillars and page.inits and not any(page.inits.values())


def test_workers_hand_back_summaries(tmp_path: Path) -> None:
    from stratlint.run import parallel
    from stratlint.run.project import Pool
    from stratlint.settings import Settings

    docs = _write_cross_file(tmp_path)
    items = [(str(p), p.read_text(encoding="utf-8")) for p in sorted(docs.rglob("*.md"))]
    texts = {os.path.realpath(p): (p, t) for p, t in items}
    settings = Settings(root=tmp_path)
    pool = Pool(texts, tmp_path, partial=False)
    done = parallel.run([items[:2], items[2:]], settings, texts, pool, 2, summarize=True)
    assert [o.summary.path for o in done if o.summary] == [p for p, _ in items]


# -- in a browser ---------------------------------------------------------------------------


def chromium() -> str:
    """Debian's headless Chromium, or a skip that says why it is not here."""
    found = (
        os.environ.get("STRATLINT_CHROMIUM")
        or shutil.which("chromium")
        or shutil.which("chromium-browser")
    )
    if found:
        return found
    why = os.environ.get("STRATLINT_CHROMIUM_MISSING") or (
        "chromium is not installed; `python3 tools/dev.py test` installs Debian's chromium "
        "package where it is missing (as root, with apt-get)"
    )
    pytest.skip(f"no headless browser: {why}")


def screenshot(
    html: Path, png: Path, dark: bool = False, width: int = 1280, height: int = 1600
) -> None:
    """A screenshot of the page's first screen at `width` CSS pixels, saved at half scale."""
    with tempfile.TemporaryDirectory() as profile:
        cmd = [
            chromium(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            f"--window-size={width},{height}",
            "--force-device-scale-factor=0.5",
            f"--screenshot={png}",
            *(["--force-dark-mode"] if dark else []),
            html.resolve().as_uri(),
        ]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    assert png.exists(), f"no screenshot (exit {proc.returncode}): {proc.stderr[-1500:]}"


def pixels(png: Path) -> tuple[int, int, list[bytes]]:
    """Width, height and RGB rows of an 8-bit RGB or RGBA PNG (all that Chromium writes)."""
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, bytearray()
    width = height = bpp = 0
    while pos < len(data):
        size, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + size]
        pos += size + 12
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6), (depth, colour)
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
    raw = zlib.decompress(bytes(idat))
    stride = width * bpp
    prev = bytearray(stride)
    rows = []
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        if kind == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, prev, strict=True))
        elif kind:
            for x in range(stride):
                left = line[x - bpp] if x >= bpp else 0
                up = prev[x]
                corner = prev[x - bpp] if x >= bpp else 0
                if kind == 1:
                    line[x] = (line[x] + left) & 255
                elif kind == 3:
                    line[x] = (line[x] + ((left + up) >> 1)) & 255
                else:
                    p = left + up - corner
                    pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                    guess = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                    line[x] = (line[x] + guess) & 255
        rows.append(
            bytes(line)
            if bpp == 3
            else b"".join(bytes(line[i : i + 3]) for i in range(0, stride, bpp))
        )
        prev = line
    return width, height, rows


def blank(png: Path) -> str:
    """Why a screenshot looks blank ("" when it does not): too few colours, or one colour
    nearly everywhere."""
    width, height, rows = pixels(png)
    colours = Counter(row[i : i + 3] for row in rows for i in range(0, len(row), 3))
    _, share = colours.most_common(1)[0]
    if len(colours) < 50:
        return f"only {len(colours)} colours"
    if share > 0.9 * width * height:
        return f"{share / (width * height):.0%} of it is one colour"
    return ""


def background(png: Path) -> float:
    """Mean brightness (0–255) of the page's most common colour, its background."""
    _, _, rows = pixels(png)
    colours = Counter(row[i : i + 3] for row in rows for i in range(0, len(row), 3))
    return sum(colours.most_common(1)[0][0]) / 3


@pytest.mark.parametrize("which", ["examples_report", "cross_file_report"])
@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_the_report_is_seen_in_headless_chromium(
    which: str, dark: bool, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    html, _, _ = request.getfixturevalue(which)
    png = tmp_path / "shot.png"
    screenshot(html, png, dark)
    assert pixels(png)[:2] == (640, 800)
    assert not blank(png), f"the screenshot looks blank: {blank(png)}"
    assert (background(png) < 60) if dark else (background(png) > 200)


def test_a_blank_page_fails_the_check(tmp_path: Path) -> None:
    page = tmp_path / "blank.html"
    page.write_text("<!DOCTYPE html><title>nothing</title><p>", encoding="utf-8")
    screenshot(page, tmp_path / "shot.png")
    assert blank(tmp_path / "shot.png")


# -- measuring a large report ---------------------------------------------------------------


def open_time(path: Path, width: int = 1280, height: int = 900) -> dict[str, float]:
    """Open a page in headless Chromium through the DevTools pipe and time it: milliseconds to
    DOMContentLoaded, to load, to first contentful paint and to two painted frames after load."""
    exe = chromium()
    r1, w1 = os.pipe()
    r2, w2 = os.pipe()

    def pipes() -> None:  # Chromium reads commands on fd 3 and answers on fd 4
        a, b = os.dup(r1), os.dup(w2)
        os.dup2(a, 3)
        os.dup2(b, 4)

    with tempfile.TemporaryDirectory() as profile:
        proc = subprocess.Popen(
            [
                exe,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                f"--user-data-dir={profile}",
                "--remote-debugging-pipe",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=False,
            preexec_fn=pipes,
        )
        os.close(r1)
        os.close(w2)
        out, inp = os.fdopen(w1, "wb", buffering=0), os.fdopen(r2, "rb", buffering=0)
        pending = b""
        counter = 0

        def send(method: str, params: dict | None = None, session: str | None = None) -> int:
            nonlocal counter
            counter += 1
            msg = {"id": counter, "method": method, "params": params or {}}
            if session:
                msg["sessionId"] = session
            out.write(json.dumps(msg).encode() + b"\0")
            return counter

        def receive() -> dict:
            nonlocal pending
            while b"\0" not in pending:
                chunk = inp.read(1 << 16)
                if not chunk:
                    raise RuntimeError("chromium closed the DevTools pipe")
                pending += chunk
            msg, _, pending = pending.partition(b"\0")
            return json.loads(msg)

        def call(method: str, params: dict | None = None, session: str | None = None) -> dict:
            i = send(method, params, session)
            while (msg := receive()).get("id") != i:
                pass
            return msg["result"]

        try:
            target = call("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = call("Target.attachToTarget", {"targetId": target, "flatten": True})[
                "sessionId"
            ]
            call("Page.enable", session=session)
            call(
                "Emulation.setDeviceMetricsOverride",
                {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
                session,
            )
            start = time.perf_counter()
            send("Page.navigate", {"url": path.resolve().as_uri()}, session)
            while receive().get("method") != "Page.loadEventFired":
                pass
            script = """new Promise(done => requestAnimationFrame(() => requestAnimationFrame(
            () => {
              const nav = performance.getEntriesByType('navigation')[0];
              const fcp = performance.getEntriesByName('first-contentful-paint')[0];
              done(JSON.stringify({dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
                                   fcp: fcp ? fcp.startTime : -1, painted: performance.now()}));
            })))"""
            value = call(
                "Runtime.evaluate",
                {"expression": script, "awaitPromise": True, "returnByValue": True},
                session,
            )["result"]["value"]
            times = json.loads(value)
            times["wall"] = (time.perf_counter() - start) * 1000
            return times
        finally:
            with contextlib.suppress(OSError):
                send("Browser.close")
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()


def _measure(count: int, repeat: int = 3) -> None:
    """Write `count` generated documents' report as JSON and as HTML (best of `repeat` runs of
    the real command, default --jobs), then open the HTML in Chromium `repeat` times."""
    from stratlint.bench import generate

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        generate(root / "docs", count)
        for fmt in ("json", "html"):
            times = []
            for _ in range(repeat):
                start = time.perf_counter()
                proc = run_cli(
                    "--no-cache",
                    "--format",
                    fmt,
                    "-o",
                    f"report.{fmt}",
                    "docs",
                    cwd=root,
                    timeout=600,
                )
                times.append(time.perf_counter() - start)
            size = (root / f"report.{fmt}").stat().st_size
            print(
                f"{count} documents, --format {fmt}: written in {min(times):.1f} s (best of "
                f"{repeat}: {', '.join(f'{t:.1f}' for t in times)}), {size / 1e6:.2f} MB, "
                f"exit {proc.returncode}"
            )
        for _ in range(repeat):
            t = open_time(root / "report.html")
            print("opened in Chromium: " + ", ".join(f"{k} {v:.0f} ms" for k, v in t.items()))


if __name__ == "__main__":
    _measure(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
