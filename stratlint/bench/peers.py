"""`python -m stratlint.bench --peers`: stratlint beside markdownlint-cli2 on the same documents.

markdownlint-cli2 is what a docs repository already runs on every commit; stratlint should cost
no more. It is installed with npm into a folder of its own (`--peers-dir`, else
`$STRATLINT_PEERS_DIR`, else `stratlint/peers` in the platform cache folder) the first time, if
npm is there. Runs alternate (stratlint, markdownlint-cli2, stratlint, ...) so both see the same
load on the machine; the medians of wall time and their ratio are printed. Start-up is
included: each run is one fresh command over the whole folder. A benchmark, not a test.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def _cli() -> list[str]:
    return [sys.executable, "-m", "stratlint.cli"]


def _wall(cmd: list[str], cwd: Path) -> float:
    """Wall time of one run, output thrown away (the same way `bench` times stratlint alone)."""
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


PACKAGE = "markdownlint-cli2"


def peers_dir(given: Path | None) -> Path:
    if given is not None:
        return given
    env = os.environ.get("STRATLINT_PEERS_DIR")
    if env:
        return Path(env)
    from stratlint.run.cache import platform_cache_dir

    return platform_cache_dir() / "peers"


def ensure(folder: Path) -> Path | None:
    """The markdownlint-cli2 command in `folder`, installed with npm if it is not there yet."""
    exe = folder / "node_modules" / ".bin" / PACKAGE
    if exe.exists():
        return exe
    npm = shutil.which("npm")
    if npm is None:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    print(f"installing {PACKAGE} into {folder} (npm)", file=sys.stderr)
    done = subprocess.run(
        [npm, "install", "--no-audit", "--no-fund", "--prefix", str(folder), PACKAGE],
        capture_output=True,
        text=True,
    )
    return exe if done.returncode == 0 and exe.exists() else None


def peers(work: Path, repeat: int, jobs: int | None, folder: Path | None) -> str:
    exe = ensure(peers_dir(folder))
    docs = work / "docs"
    n = len(list(docs.rglob("*.md")))
    if exe is None:
        return f"{PACKAGE} is not installed and npm was not found: nothing to compare\n"
    ours_cmd = [*_cli(), "--format", "json", "--no-config", "--no-cache", str(docs)]
    if jobs:
        ours_cmd[3:3] = ["--jobs", str(jobs)]
    theirs_cmd = [str(exe), "docs/**/*.md"]
    probe = subprocess.run(theirs_cmd, cwd=work, capture_output=True, text=True)
    if probe.returncode not in (0, 1):
        return f"{PACKAGE} failed (exit {probe.returncode}): {probe.stderr[-400:]}\n"
    ours: list[float] = []
    theirs: list[float] = []
    for _ in range(max(repeat, 3)):
        ours.append(_wall(ours_cmd, work))
        theirs.append(_wall(theirs_cmd, work))
    a, b = statistics.median(ours), statistics.median(theirs)
    return (
        f"{n} documents, {max(repeat, 3)} alternating runs each, start-up included\n"
        f"stratlint --no-cache      median {a:6.3f} s  (runs: "
        f"{', '.join(f'{x:.2f}' for x in ours)})\n"
        f"{PACKAGE:<25} median {b:6.3f} s  (runs: "
        f"{', '.join(f'{x:.2f}' for x in theirs)})\n"
        f"ratio stratlint / {PACKAGE}: {a / b:.2f}x   (target <= 0.5x)\n"
    )
