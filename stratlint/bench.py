"""Benchmark: how fast stratlint is on one file and on a whole docs repository (SPEC §7).

    python -m stratlint.bench                 # 1,000 generated ~2 KB documents
    python -m stratlint.bench --docs 200      # fewer
    python -m stratlint.bench --input DIR     # your own documents instead
    python -m stratlint.bench --profile       # where the time goes, stage by stage, in-process

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
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

FLOOR = "import spacy; spacy.blank('en')"

# -- document generator ---------------------------------------------------------------------------

_COMPANIES = ["Brightforge", "Lakeshore", "Coverwell", "Dunmore", "Granite Ridge", "Halyard",
              "Fernway", "Ashgrove", "Campusly", "Carebridge", "Cinderpath", "Copperline",
              "Pawpack", "Willow Vine", "Alloyworks", "Benefitly", "Crewbase", "Ember Oak"]
_SEGMENTS = ["mid-market manufacturers", "regional hospital systems", "independent pharmacies",
             "K-12 school districts", "family-owned restaurants", "commercial landlords",
             "credit unions", "Series B SaaS companies", "county governments",
             "specialty retailers", "dental group practices", "logistics brokers",
             "construction subcontractors", "boutique hotels", "veterinary clinics"]
_REGIONS = ["the Ohio Valley", "the Pacific Northwest", "Texas", "the Southeast", "Ontario",
            "the DACH region", "the Nordics", "New England", "the Midwest", "Benelux"]
_WHY = ["we install in a weekend instead of a two-week shutdown",
        "our onboarding takes days, not months",
        "we are the only vendor with a local service team within 50 miles",
        "our pricing is per site, not per seat, so it scales with them",
        "we integrate with the systems they already run",
        "our support answers in minutes and in their language"]
_CHALLENGES = ["our win rate against the large vendors fell from 34% to 21% last year",
               "buyers now ask for proof of ROI before a pilot",
               "two new competitors undercut us on price",
               "procurement cycles grew from 60 to 120 days",
               "churn in small accounts doubled after the price change"]
_PILLARS = ["Partner-led selling", "Vertical playbooks", "Land with a pilot",
            "Regional density", "Executive sponsorship", "Service-led expansion",
            "Channel enablement", "Reference customers"]
_PEOPLE = ["Jordan Pike", "Aisha Grant", "Devon Hale", "Carla Mendes", "Nadia Okafor",
           "Sam Reyes", "Priya Nair", "Tom Becker", "Lena Vogel", "Marco Ruiz"]
_ACTIONS = ["Run {n} discovery workshops with {seg}", "Book {n} site visits in {reg}",
            "Launch the partner referral program with {n} resellers",
            "Hire {n} account executives for {reg}", "Publish {n} case studies for {seg}",
            "Host a roundtable for {seg} in {reg}", "Train {n} distributor reps on the pilot offer",
            "Call the {n} largest accounts in {reg}"]
_WHEN = ["by 31 March", "in Q2", "by end of Q3", "every Thursday", "by 15 May", "in H1",
         "within 30 days", "by FY27 Q1"]
_GOALS = ["Increase bookings by {p}% this year", "Grow ARR to ${m}M",
          "Double the pipeline in {reg}", "Reach {n} active customers by Q4",
          "Improve win rate to {p}%"]
_FLUFF = ["We will be best-in-class and move the needle.", "Synergy across teams is key.",
          "At the end of the day we need to win."]


def _fill(rng: random.Random, template: str) -> str:
    return template.format(n=rng.randint(3, 40), seg=rng.choice(_SEGMENTS),
                           reg=rng.choice(_REGIONS), p=rng.randint(10, 60),
                           m=rng.randint(2, 30))


def _strategy(rng: random.Random, i: int) -> str:
    co = rng.choice(_COMPANIES)
    seg, reg = rng.choice(_SEGMENTS), rng.choice(_REGIONS)
    out = [f"# {co} FY27 Sales Strategy {i}", "",
           f"Owner: {rng.choice(_PEOPLE)}, VP Sales · reviewed every January", "",
           "## The challenge", "", f"{rng.choice(_CHALLENGES).capitalize()}, and "
           f"{rng.choice(_CHALLENGES)}.", "",
           "## Where we play", "",
           f"We sell to {seg} in {reg} whose teams have more than 50 people. "
           f"We will not sell to {rng.choice(_SEGMENTS)} until {reg} covers its own cost.", "",
           "## How we win", "", f"Customers choose us because {rng.choice(_WHY)}.", ""]
    if rng.random() < 0.3:
        out += [rng.choice(_GOALS).format(p=rng.randint(10, 60), m=rng.randint(2, 30),
                                          reg=reg, n=rng.randint(50, 900)) + ".", ""]
    if rng.random() < 0.2:
        out += [rng.choice(_FLUFF), ""]
    for p in rng.sample(_PILLARS, rng.randint(2, 4)):
        out += [f"### {p}", "", f"We focus on {rng.choice(_SEGMENTS)} in {rng.choice(_REGIONS)} "
                f"because {rng.choice(_WHY)}.", ""]
    return "\n".join(out)


def _plan(rng: random.Random, i: int, strategy: str | None, anchor: str) -> str:
    out: list[str] = []
    if strategy and rng.random() < 0.5:
        out += ["---", "type: plan", f"strategy: {strategy}", "---", ""]
        strategy = None
    out += [f"# {rng.choice(_REGIONS).replace('the ', '').title()} Territory Plan {i}", ""]
    if strategy:
        out += [f"This plan executes the [FY27 strategy]({strategy}{anchor}).", ""]
    out += [f"**Targets:** {_fill(rng, rng.choice(_GOALS))}; {rng.randint(10, 40)} new logos.", "",
            f"**Resources:** {rng.randint(1, 4)} AEs, ${rng.randint(10, 90)}k event budget.", ""]
    for q in rng.sample(["Q1", "Q2", "Q3", "Q4"], 2):
        out += [f"## {q}", ""]
        if rng.random() < 0.5:
            out += ["| Action | Owner | Due | KPI |", "|---|---|---|---|"]
            for _ in range(rng.randint(2, 4)):
                out.append(f"| {_fill(rng, rng.choice(_ACTIONS))} | {rng.choice(_PEOPLE)} | "
                           f"{rng.choice(_WHEN)} | {rng.randint(2, 20)} meetings |")
            out.append("")
        else:
            for _ in range(rng.randint(2, 4)):
                owner = rng.choice(_PEOPLE) if rng.random() < 0.8 else "the team"
                when = rng.choice(_WHEN) if rng.random() < 0.8 else "ASAP"
                out.append(f"- {_fill(rng, rng.choice(_ACTIONS))} — {owner}, {when}.")
                if rng.random() < 0.3:
                    out.append(f"  - Supports: {rng.choice(_PILLARS)}")
            out.append("")
    out += ["## Next steps", "", f"- {rng.choice(_PEOPLE)} reviews progress every Monday.", ""]
    return "\n".join(out)


def _mixed(rng: random.Random, i: int) -> str:
    out = [f"# Team one-pager {i}", "", "## Strategy and plan", ""]
    out += [f"- {_fill(rng, rng.choice(_GOALS))}.", f"- Make {rng.randint(20, 80)} calls a day.",
            f"- Focus on {rng.choice(_SEGMENTS)}.", f"- {_fill(rng, rng.choice(_ACTIONS))}.", ""]
    out += ["## Goals", "", "- More leads.", f"- {_fill(rng, rng.choice(_GOALS))}.", ""]
    out += ["## Notes", "", "Pipeline reviews happen on Fridays. " * rng.randint(2, 6), ""]
    return "\n".join(out)


def _background(rng: random.Random) -> str:
    return (f"In {rng.choice(_REGIONS)}, {rng.randint(3, 90)} {rng.choice(_SEGMENTS)} told "
            f"{rng.choice(_PEOPLE)} that {rng.choice(_WHY)}. Since {rng.randint(2019, 2025)}, "
            f"{rng.choice(_CHALLENGES)}.")


def generate(directory: Path, count: int, seed: int = 27) -> list[Path]:
    """Write `count` documents of about 2 KB under `directory`; return their paths."""
    rng = random.Random(seed)
    n_strat = max(1, count // 6)
    paths: list[Path] = []
    strategies: list[str] = []
    for i in range(count):
        if i < n_strat:
            rel = f"strategy/strategy-{i:04d}.md"
            text = _strategy(rng, i)
            strategies.append(rel)
        elif i % 5 == 0:
            rel = f"teams/{i // 100:02d}/one-pager-{i:04d}.md"
            text = _mixed(rng, i)
        else:
            rel = f"plans/{i // 100:02d}/plan-{i:04d}.md"
            target = None
            if rng.random() < 0.85:
                target = "../../" + rng.choice(strategies)
            anchor = rng.choice(["", "", "#where-we-play", "#how-we-win", "#no-such-heading"])
            if rng.random() < 0.03:
                target = "../../strategy/missing.md"
            text = _plan(rng, i, target, anchor)
        while len(text) < 1950:  # about 2 KB each, padded with varied background prose
            text += "\n" + _background(rng) + "\n"
        p = directory / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


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
    proc = subprocess.Popen(list(cmd), cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env={**os.environ, **(env or {})})
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
        cold.append(timed([*_cli(), *fmt, *no_cache, str(files[0])], cwd=root,
                          env={"HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")}))
    res["one_file_cold_s"] = _best(cold)
    res["one_file_cold_ratio"] = res["one_file_cold_s"] / res["floor_s"]

    many = [timed([*_cli(), *fmt, *no_cache, *jobs_opt, str(root / "docs")], cwd=root)
            for _ in range(repeat)]
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
        cached = [timed([*_cli(), *fmt, *cache_opt, *jobs_opt, str(root / "docs")], cwd=root)
                  for _ in range(repeat)]
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
        f"{res['one_file_cpu_ratio']:.2f}x cpu   (target <= 1.2x)",
        f"one file, first run after install  {res['one_file_cold_s']:6.3f} s             "
        f"{res['one_file_cold_ratio']:.2f}x floor wall (rule data not yet kept)",
        f"{int(res['docs'])} documents                    {res['many_s']:6.3f} s  "
        f"{res['many_cpu']:6.3f} s   {res['docs_per_s_past_startup']:.0f} docs/s past start-up "
        f"(target >= 1000), {res['docs_per_s_total']:.0f} docs/s overall",
    ]
    if "cached_s" in res:
        lines.append(f"fully cached re-run                {res['cached_s']:6.3f} s  "
                     f"{res['cached_cpu']:6.3f} s   {res['cached_ratio']:.2f}x floor wall, "
                     f"{res['cached_cpu_ratio']:.2f}x cpu   (target <= 0.3x)")
    lines.append(f"peak memory                        {res['peak_process_mb']:.0f} MB largest "
                 f"process, {res['peak_tree_mb']:.0f} MB whole process tree (target <= 400 MB)")
    return "\n".join(lines) + "\n"


# -- in-process profile ---------------------------------------------------------------------------

def profile(files: list[Path]) -> str:
    """Time each stage in-process, as a run does it (batches of 64 documents, one spaCy stream
    per batch, cyclic GC quieted), to show which stage dominates."""
    t0 = time.perf_counter()
    from stratlint import lexicon, nlp
    from stratlint.cache import derived_dir
    from stratlint.engine import BATCH, findings_for, quiet_gc
    from stratlint.read.files import read_text
    from stratlint.parse import parse
    from stratlint.project import Pool, Project
    from stratlint.settings import Settings

    root = Path(os.path.commonpath([str(p) for p in files]))
    settings = Settings(root=root)
    lexicon.DERIVED_DIR = derived_dir()
    t1 = time.perf_counter()
    with quiet_gc():
        nlp.pipeline("{}")
        t2 = time.perf_counter()
        texts = [(str(p), read_text(p)) for p in files]
        t3 = time.perf_counter()
        docs = [parse(text, path) for path, text in texts]
        t4 = time.perf_counter()
        signals = []
        for i in range(0, len(docs), BATCH):
            signals.append(nlp.analyse([s.text for d in docs[i:i + BATCH] for s in d.statements]))
        t5 = time.perf_counter()
        from stratlint.understand.analysis import analyse_document

        analyses = []
        for i, batch in enumerate(signals):
            k = 0
            for d in docs[i * BATCH:(i + 1) * BATCH]:
                n = len(d.statements)
                analyses.append(analyse_document(d, batch[k:k + n]))
                k += n
        t6 = time.perf_counter()
        pool_texts = {os.path.realpath(p): (p, t) for p, t in texts}
        project = Project(settings, pool_texts, Pool(pool_texts, root, partial=False))
        for a in analyses:
            project.add(a)
        findings = sum(len(findings_for(a, settings, project)) for a in analyses)
        t7 = time.perf_counter()
    statements = sum(len(d.statements) for d in docs)
    stages = [("import spaCy + stratlint", t1 - t0), ("build pipeline", t2 - t1),
              ("read files", t3 - t2), ("parse (markdown-it, markup)", t4 - t3),
              ("spaCy tokenizer + matchers", t5 - t4), ("classify (analysis)", t6 - t5),
              ("rules + links", t7 - t6)]
    work = sum(s for _, s in stages[2:])
    out = [f"{len(files)} documents, {statements} statements, {findings} findings, "
           f"{1000 * work / len(files):.1f} ms of work per document in one process"]
    for name, sec in stages:
        share = f"{100 * sec / work:5.1f}% of per-document work" if name not in (
            "import spaCy + stratlint", "build pipeline") else ""
        out.append(f"  {name:<28} {sec:7.3f} s  {share}")
    return "\n".join(out) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m stratlint.bench", description=__doc__.split(
        "\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=1000, help="documents to generate (default 1000)")
    ap.add_argument("--input", type=Path, help="lint these documents instead of generated ones")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement (best is kept)")
    ap.add_argument("--jobs", type=int, default=None, help="--jobs for the many-file runs")
    ap.add_argument("--profile", action="store_true", help="time each stage in-process instead")
    ap.add_argument("--keep", type=Path, help="write generated documents here and keep them")
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
            sys.stdout.write(profile(files))
            return 0
        sys.stdout.write(report(measure(files, work, args.repeat, args.jobs), args.jobs))
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
