#!/usr/bin/env python3
"""Set up the development environment and run stratlint or its tests.

    python3 tools/dev.py demo     # .venv + locked dependencies, then lint examples/
    python3 tools/dev.py test     # .venv + locked dependencies, the gates, then the test suite
    python3 tools/dev.py setup    # only the set-up

Needs nothing but python3 (3.10 or newer): it creates `.venv`, installs the locked versions from
`requirements.lock`, then stratlint itself in editable mode, so `.venv/bin/stratlint` exists.
Set-up is skipped when the lock file has not changed since the last successful install; the
package's bytecode is brought up to date every time (`compile_package`).
`test` first runs the gates, `ruff check`, `ruff format --check` and `mypy stratlint` (their
configuration, and the files still excluded from them until issue 14's phase 2, are in
pyproject.toml), and stops if one fails; then pytest, with any further arguments.
`test` also makes sure a headless Chromium is there for the HTML report's browser test: where
it is missing it installs Debian's `chromium` package (as root, with apt-get), and where that
cannot be done the test is skipped with the reason; the run never fails for it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".stratlint-lock"


def run(*cmd: str | Path) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, cwd=ROOT)


def setup() -> None:
    if sys.version_info < (3, 10):  # noqa: UP036 -- runs on any python3, before the venv exists
        sys.exit("stratlint needs Python 3.10 or newer")
    if not (BIN / "python").exists():
        run(sys.executable, "-m", "venv", VENV)
    lock = (ROOT / "requirements.lock").read_bytes() + (ROOT / "pyproject.toml").read_bytes()
    digest = hashlib.sha256(lock).hexdigest()
    if STAMP.exists() and STAMP.read_text() == digest and (BIN / "stratlint").exists():
        compile_package()
        return
    pip: list[str | Path] = [
        BIN / "python",
        "-m",
        "pip",
        "install",
        "--disable-pip-version-check",
        "-q",
    ]
    run(*pip, "-r", ROOT / "requirements.lock")
    run(*pip, "--no-deps", "--no-build-isolation", "-e", ROOT)
    STAMP.write_text(digest)
    compile_package()


def compile_package() -> None:
    """Write stratlint's bytecode now. The editable install leaves none, and where
    PYTHONDONTWRITEBYTECODE is set no run ever writes it, so every process (each `--jobs` worker
    too) would compile the whole package from source again: about 0.15 s of each start-up.
    Up-to-date files are skipped, so this is quick after the first time."""
    subprocess.run(
        [str(BIN / "python"), "-m", "compileall", "-q", "-j", "0", str(ROOT / "stratlint")],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        check=False,
    )


GATES = (
    ("ruff", "check", "."),
    ("ruff", "format", "--check", "."),
    ("mypy", "stratlint"),
)


def gates() -> int:
    """Run the lint, format and type gates; the exit code of the first that fails, else 0."""
    for tool, *args in GATES:
        print("+", tool, *args, flush=True)
        code = subprocess.run([str(BIN / tool), *args], cwd=ROOT).returncode
        if code != 0:
            print(f"{tool} {' '.join(args)} failed (exit {code}); fix it before the tests run")
            return code
    return 0


def chromium() -> tuple[str, str]:
    """(path, "") of a headless Chromium for the HTML report's browser test, or ("", why not).

    Debian's `chromium` package is installed where it is missing, only as root on a machine with
    apt-get; a failed install never fails the run (the test then skips, saying why)."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found, ""
    if not shutil.which("apt-get") or not hasattr(os, "geteuid") or os.geteuid() != 0:
        return "", "chromium is not installed, and apt-get as root is not available to install it"
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for cmd in (
        ["apt-get", "update", "-qq"],
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium"],
    ):
        print("+", " ".join(cmd), flush=True)
        try:
            done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, timeout=900)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return "", f"`{' '.join(cmd)}` failed: {exc}"
        if done.returncode != 0:
            return "", f"`{' '.join(cmd)}` exited {done.returncode}"
    found = shutil.which("chromium") or ""
    return found, "" if found else "apt-get installed chromium, but it is not on PATH"


def main() -> int:
    what = sys.argv[1] if len(sys.argv) > 1 else "setup"
    setup()
    if what == "demo":
        return subprocess.run([str(BIN / "stratlint"), "examples/"], cwd=ROOT).returncode
    if what == "test":
        failed = gates()
        if failed:
            return failed
        browser, why = chromium()
        env = dict(os.environ)
        if browser:
            env["STRATLINT_CHROMIUM"] = browser
        else:
            env["STRATLINT_CHROMIUM_MISSING"] = why
        return subprocess.run(
            [str(BIN / "python"), "-m", "pytest", *sys.argv[2:]], cwd=ROOT, env=env
        ).returncode
    if what == "setup":
        return 0
    sys.exit(f"usage: {sys.argv[0]} demo|test|setup")


if __name__ == "__main__":
    raise SystemExit(main())
