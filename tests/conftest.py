from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def run_cli(*args: str, input: str | None = None, cwd: Path | None = None,
            timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run the real `stratlint` command in a subprocess."""
    exe = Path(sys.executable).with_name("stratlint")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "stratlint.cli"]
    env = dict(os.environ, NO_COLOR="1")
    return subprocess.run([*cmd, *args], input=input, capture_output=True, text=True,
                          cwd=cwd or ROOT, timeout=timeout, env=env)


@pytest.fixture
def cli():
    return run_cli
