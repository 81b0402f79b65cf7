"""Benchmark of `stratlint server` (issue 12): change → diagnostics, and memory over edits.

    python -m stratlint.server.bench                  # 50 timed changes, 1,000 edits
    python -m stratlint.server.bench --edits 300 --samples 20 --debounce 200

It drives the real server (`stratlint server`) over stdio, as an editor does, on a ~2 KB
document, and prints:

- change → diagnostics: the time from sending a `didChange` to receiving the diagnostics for
  that version, with the server's debounce (default 200 ms), and the same less the debounce:
  what linting and publishing cost. Each change alternates between two texts that give
  different findings, so every change is really linted.
- memory: the server's resident set (VmRSS, from /proc) once warmed up (after 100 edits), then
  every 100 edits up to `--edits`; here every edit is linted (debounce 0, each edit waited for),
  typing and deleting a sentence a character at a time, so the linter sees 1,000 different
  texts.

A benchmark to read, not a test: nothing fails.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from stratlint.server._client import Client

DOC = """\
---
type: strategy
---
# Northwind Logistics: FY27 Sales Strategy

## The challenge

Mid-market shippers lost 18% of their on-time deliveries last year when carriers cut regional
routes, and our win rate against the national brokers fell from 31% to 22%.

## Where we play

Our best customers run cross-dock operations for food and consumer goods brands and ship
between 50 and 400 loads a week on lanes under 600 miles.

We sell to US mid-market 3PLs with 200 to 2,000 employees in the Midwest; the buyer is the VP
Operations. We will not chase enterprise shippers with in-house freight teams.

## How we win

Shippers choose us because our regional carrier network recovers a missed pickup within four
hours, a cost they track on every quarterly review. Unlike the national brokers, we publish
recovery times per lane.

## Pillars

- Regional carrier guarantee for Midwest 3PLs.
- Partner-led selling through freight audit firms.
- Increase revenue by 40% this year.
- Make 50 cold calls per rep every day.

## Q1 plan

| Action | Owner | Due | KPI |
|---|---|---|---|
| Sign 4 freight audit partners | Dana (Partnerships) | 31 March | 4 signed |
| Launch the 4-hour recovery guarantee page | Lee (Marketing) | 15 February | 300 leads |
| Run 3 webinars for VP Operations | Priya | 30 March | 90 attendees |

- Hire two regional AEs for Ohio and Indiana (Owner: Sam, due 28 February).
- Build the recovery-time dashboard for QBRs (Owner: RevOps, due 15 March). KPI: 20 QBRs.
- Improve pipeline significantly.
- Present the partner pipeline at the monthly revenue review (Owner: Dana, monthly).
- Publish two customer stories on four-hour recovery (Owner: Lee, due 31 March). KPI: 2 live.

## Q2 plan

- Expand the guarantee to Kentucky carriers (Owner: Sam, due 30 June). Target: 12 new 3PLs.
- Train the freight audit partners on the guarantee (Owner: Dana, due 15 May). KPI: 40 reps.

Budget: $120k for partner enablement and two AE salaries.
"""

VARIANT = DOC.replace(
    "- Increase revenue by 40% this year.\n",
    "- Win renewals with quarterly recovery-time reviews.\n",
)
TYPED = " We win on four-hour recovery."


def rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _start(root: Path, debounce: int) -> tuple[Client, str]:
    client = Client(cwd=root)
    client.initialize(root, options={"debounce": debounce})
    uri = (root / "strategy.md").as_uri()
    mark = client.mark()
    client.open(uri, DOC)
    client.diagnostics(uri, version=1, after=mark, timeout=120)
    return client, uri


def latency(root: Path, samples: int, debounce: int) -> list[float]:
    client, uri = _start(root, debounce)
    try:
        times = []
        for i in range(samples + 3):
            version = i + 2
            mark = client.mark()
            t0 = time.perf_counter()
            client.change(uri, version, VARIANT if i % 2 == 0 else DOC)
            client.diagnostics(uri, version=version, after=mark, timeout=60)
            if i >= 3:  # the first few warm up the caches of the new texts
                times.append((time.perf_counter() - t0) * 1000)
        return times
    finally:
        client.stop()


def memory(root: Path, edits: int, every: int = 100) -> list[tuple[int, int]]:
    client, uri = _start(root, 0)
    pid = client.proc.pid
    lines = DOC.split("\n")
    row = lines.index("## How we win") + 2  # the "Shippers choose us…" line
    col = len(lines[row])
    points = [(0, rss_kb(pid))]
    try:
        typed, grow = 0, True  # characters of TYPED now in the document; typing or deleting
        for n in range(1, edits + 1):
            if typed == len(TYPED):
                grow = False
            elif typed == 0:
                grow = True
            at = {"line": row, "character": col + typed}
            mark = client.mark()
            if grow:
                client.change(uri, n + 1, TYPED[typed], {"start": at, "end": at})
                typed += 1
            else:
                start = {"line": row, "character": col + typed - 1}
                client.change(uri, n + 1, "", {"start": start, "end": at})
                typed -= 1
            client.diagnostics(uri, version=n + 1, after=mark, timeout=60)
            if n % every == 0:
                points.append((n, rss_kb(pid)))
        return points
    finally:
        client.stop()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--samples", type=int, default=50, help="timed changes (default 50)")
    ap.add_argument("--edits", type=int, default=1000, help="edits for memory (default 1000)")
    ap.add_argument("--debounce", type=int, default=200, help="server debounce, ms (200)")
    args = ap.parse_args(argv)

    print(f"document: {len(DOC.encode())} bytes, {DOC.count(chr(10))} lines")
    with tempfile.TemporaryDirectory() as tmp:
        times = latency(Path(tmp), args.samples, args.debounce)
        past = [t - args.debounce for t in times]
        q = statistics.quantiles(past, n=20)
        print(f"change -> diagnostics ({len(times)} changes, debounce {args.debounce} ms):")
        print(f"  total        median {statistics.median(times):6.1f} ms")
        print(
            f"  past debounce median {statistics.median(past):6.1f} ms   p95 {q[18]:6.1f} ms"
            f"   max {max(past):6.1f} ms"
        )
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        points = memory(Path(tmp), args.edits)
        wall = time.perf_counter() - t0
    print(
        f"memory over {args.edits} edits, each linted ({wall:.1f} s, "
        f"{wall / max(args.edits, 1) * 1000:.1f} ms an edit round trip):"
    )
    for n, kb in points:
        print(f"  after {n:5d} edits  RSS {kb / 1024:7.1f} MB")
    if len(points) > 2:
        warm, last = points[1], points[-1]
        print(f"  growth from edit {warm[0]} to {last[0]}: {(last[1] - warm[1]) / 1024:+.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
