from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


# A strategy document other tests link to across files (tests of the project index, the cache).
CROSS_FILE_STRATEGY = """\
# FY27 Sales Strategy

## The challenge

Our win rate against the large vendors fell from 34% to 21% last year.

## Where we play

We sell retrofit kits to food and beverage plants in Ohio whose lines are older than 20 years.
We will not bid full-line PLC migrations.

## How we win

Plants buy from us because a kit is installed in a weekend, with no shutdown to justify.

## Retrofit kits for weekend windows

Sell retrofit kits that install during weekend maintenance windows.

## Distributor-led selling in small plants

Reach plants under 200 employees through their MRO distributors.
"""


def run_cli(
    *args: str, input: str | None = None, cwd: Path | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run the real `stratlint` command in a subprocess."""
    exe = Path(sys.executable).with_name("stratlint")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "stratlint.cli"]
    env = dict(os.environ, NO_COLOR="1")
    return subprocess.run(
        [*cmd, *args],
        input=input,
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        timeout=timeout,
        env=env,
    )


@pytest.fixture
def cli():
    return run_cli
