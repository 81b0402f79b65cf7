"""Benchmark: how fast stratlint is on one file and on a whole docs repository (SPEC §7).

    python -m stratlint.bench                 # 1,000 generated ~2 KB documents
    python -m stratlint.bench --docs 200      # fewer
    python -m stratlint.bench --input DIR     # your own documents instead
    python -m stratlint.bench --profile       # where the time goes, stage by stage, in-process
    python -m stratlint.bench --peers --docs 500   # beside markdownlint-cli2, same documents

It runs the real command line in fresh processes and prints:

- the floor: `python -c "import spacy; spacy.blank('en')"`, the least any spaCy-based linter pays;
- one file: `stratlint --no-cache FILE`, and its ratio to the floor, with the rule data parsed
  once per installation already kept (`~/.cache/stratlint/derived`), and once more as the very
  first run after installing (an empty HOME);
- many files: `stratlint --no-cache DIR` on all documents; throughput *past start-up* is
  (documents − 1) / (wall(all) − wall(one file)): what each extra document costs;
- a fully cached re-run of the same directory (the cache filled by a run just before), and its
  ratio to the floor;
- peak memory: the largest resident set of any process of the run, and of the whole process tree
  (sampled from /proc where there is one).

Times are the best of `--repeat` runs (the least disturbed by other load on the machine),
as wall time and as CPU time (user + system of every process of the run). This is a benchmark
to read, not a test: nothing fails.
Generated documents are deterministic (fixed seed): strategies in `strategy/`, plans, goals and
one-pagers in `plans/` and `teams/`, most plans linking to a strategy with front matter or a
Markdown link with a heading anchor, so link resolution is part of what is measured.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from stratlint.bench.documents import generate

FLOOR = "import spacy; spacy.blank('en')"

# -- measuring ------------------------------------------------------------------------------------


def _tree_rss_kb(pid: int) -> int:
    """Resident set of a process and all its descendants (Linux /proc), in KB."""
    total = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            continue
    return total


class Run:
    def __init__(self, wall: float, cpu: float, tree_kb: int, max_kb: int, code: int) -> None:
        self.wall = wall  # seconds on the clock
        self.cpu = cpu  # user + system seconds of the process and every child it waited for
        self.tree_kb = tree_kb  # peak resident set of the whole process tree (sampled)
        self.max_kb = max_kb  # peak resident set of the largest single process
        self.code = code


def timed(cmd: Sequence[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(cmd),
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, **(env or {})},
    )
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kb(proc.pid))
            done.wait(0.02)

    sampler = None
    if os.path.isdir("/proc"):
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
    if hasattr(os, "wait4"):
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        cpu = usage.ru_utime + usage.ru_stime
        scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KB elsewhere
        max_kb = int(usage.ru_maxrss * scale / 1024)
    else:  # pragma: no cover - Windows
        proc.wait()
        cpu, max_kb = float("nan"), 0
    wall = time.perf_counter() - start
    done.set()
    if sampler:
        sampler.join()
    if proc.returncode not in (0, 1):  # 0 clean, 1 findings; anything else is not a lint run
        raise SystemExit(f"benchmark run failed (exit {proc.returncode}): {' '.join(cmd)}")
    return Run(wall, cpu, max(peak, max_kb), max_kb, proc.returncode or 0)


def _best(runs: list[Run]) -> float:
    return min(r.wall for r in runs)


def _best_cpu(runs: list[Run]) -> float:
    return min(r.cpu for r in runs)


def _cli() -> list[str]:
    return [sys.executable, "-m", "stratlint.cli"]


def _supports(flag: str) -> bool:
    """Whether this stratlint has an option (so the script also runs on older checkouts)."""
    out = subprocess.run([*_cli(), "check", "--help"], capture_output=True, text=True)
    return flag in out.stdout


def measure(files: list[Path], root: Path, repeat: int, jobs: int | None) -> dict[str, float]:
    no_cache = ["--no-cache"] if _supports("--no-cache") else []
    jobs_opt = ["--jobs", str(jobs)] if jobs and _supports("--jobs") else []
    cache_dir = root / ".bench_cache"
    cache_opt = ["--cache-dir", str(cache_dir)] if _supports("--cache-dir") else []
    fmt = ["--format", "json", "--no-config"]
    res: dict[str, float] = {}

    floor = [timed([sys.executable, "-c", FLOOR]) for _ in range(repeat)]
    res["floor_s"] = _best(floor)
    res["floor_cpu"] = _best_cpu(floor)
    one = [timed([*_cli(), *fmt, *no_cache, str(files[0])], cwd=root) for _ in range(repeat)]
    res["one_file_s"] = _best(one)
    res["one_file_ratio"] = res["one_file_s"] / res["floor_s"]
    res["one_file_cpu"] = _best_cpu(one)
    res["one_file_cpu_ratio"] = res["one_file_cpu"] / res["floor_cpu"]
    cold = []  # the first run after installing: no rule data parsed and kept yet
    for n in range(repeat):
        home = root / f"home{n}"
        home.mkdir()
        cold.append(
            timed(
                [*_cli(), *fmt, *no_cache, str(files[0])],
                cwd=root,
                env={"HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")},
            )
        )
    res["one_file_cold_s"] = _best(cold)
    res["one_file_cold_ratio"] = res["one_file_cold_s"] / res["floor_s"]

    many = [
        timed([*_cli(), *fmt, *no_cache, *jobs_opt, str(root / "docs")], cwd=root)
        for _ in range(repeat)
    ]
    res["many_s"] = _best(many)
    res["docs"] = len(files)
    past = res["many_s"] - res["one_file_s"]
    res["docs_per_s_past_startup"] = (len(files) - 1) / past if past > 0 else float("inf")
    res["docs_per_s_total"] = len(files) / res["many_s"]
    res["many_cpu"] = _best_cpu(many)
    res["peak_tree_mb"] = max(r.tree_kb for r in many) / 1024
    res["peak_process_mb"] = max(r.max_kb for r in many) / 1024

    if no_cache:
        shutil.rmtree(cache_dir, ignore_errors=True)
        timed([*_cli(), *fmt, *cache_opt, *jobs_opt, str(root / "docs")], cwd=root)  # fill
        cached = [
            timed([*_cli(), *fmt, *cache_opt, *jobs_opt, str(root / "docs")], cwd=root)
            for _ in range(repeat)
        ]
        res["cached_s"] = _best(cached)
        res["cached_ratio"] = res["cached_s"] / res["floor_s"]
        res["cached_cpu"] = _best_cpu(cached)
        res["cached_cpu_ratio"] = res["cached_cpu"] / res["floor_cpu"]
    return res


def report(res: dict[str, float], jobs: int | None) -> str:
    """Wall time is what a user waits; CPU time (user + system, all processes) is what the run
    costs and varies far less when other work shares the machine."""
    lines = [
        f"cores: {os.cpu_count()}  jobs: {jobs or 'default'}  python: {sys.version.split()[0]}",
        "                                     wall       cpu",
        f"floor (import spacy; spacy.blank)  {res['floor_s']:6.3f} s  {res['floor_cpu']:6.3f} s",
        f"one file                           {res['one_file_s']:6.3f} s  "
        f"{res['one_file_cpu']:6.3f} s   {res['one_file_ratio']:.2f}x floor wall, "
        f"{res['one_file_cpu_ratio']:.2f}x cpu   (target <= 1.0x, issue 15)",
        f"one file, first run after install  {res['one_file_cold_s']:6.3f} s             "
        f"{res['one_file_cold_ratio']:.2f}x floor wall (rule data not yet kept)",
        f"{int(res['docs'])} documents                    {res['many_s']:6.3f} s  "
        f"{res['many_cpu']:6.3f} s   {res['docs_per_s_past_startup']:.0f} docs/s past start-up "
        f"(target >= 1000), {res['docs_per_s_total']:.0f} docs/s overall",
    ]
    if "cached_s" in res:
        lines.append(
            f"fully cached re-run                {res['cached_s']:6.3f} s  "
            f"{res['cached_cpu']:6.3f} s   {res['cached_ratio']:.2f}x floor wall, "
            f"{res['cached_cpu_ratio']:.2f}x cpu   (target <= 0.3x)"
        )
    lines.append(
        f"peak memory                        {res['peak_process_mb']:.0f} MB largest "
        f"process, {res['peak_tree_mb']:.0f} MB whole process tree (target <= 400 MB)"
    )
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m stratlint.bench",
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--docs", type=int, default=1000, help="documents to generate (default 1000)")
    ap.add_argument("--input", type=Path, help="lint these documents instead of generated ones")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement (best is kept)")
    ap.add_argument("--jobs", type=int, default=None, help="--jobs for the many-file runs")
    ap.add_argument("--profile", action="store_true", help="time each stage in-process instead")
    ap.add_argument("--keep", type=Path, help="write generated documents here and keep them")
    ap.add_argument(
        "--peers",
        action="store_true",
        help="run markdownlint-cli2 beside stratlint "
        "on the same documents, alternating; medians and their ratio",
    )
    ap.add_argument(
        "--peers-dir",
        type=Path,
        default=None,
        help="where markdownlint-cli2 is "
        "npm-installed (default: $STRATLINT_PEERS_DIR or <cache>/stratlint/peers)",
    )
    args = ap.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="stratlint-bench-"))
    try:
        docs = work / "docs"
        if args.input:
            shutil.copytree(args.input, docs)
            files = sorted(p for p in docs.rglob("*") if p.suffix.lower() in (".md", ".markdown"))
        else:
            files = generate(args.keep or docs, args.docs)
            if args.keep:
                shutil.copytree(args.keep, docs, dirs_exist_ok=True)
                files = sorted(docs.rglob("*.md"))
        if not files:
            print("no Markdown documents to benchmark", file=sys.stderr)
            return 2
        size = sum(p.stat().st_size for p in files) / len(files)
        print(f"{len(files)} documents, {size / 1024:.1f} KB each on average")
        if args.profile:
            from stratlint.bench.profile import profile

            sys.stdout.write(profile(files))
            return 0
        if args.peers:
            from stratlint.bench.peers import peers

            sys.stdout.write(peers(work, args.repeat, args.jobs, args.peers_dir))
            return 0
        sys.stdout.write(report(measure(files, work, args.repeat, args.jobs), args.jobs))
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)
