"""A small synchronous LSP client over a server process's stdio, for the tests and the benchmark.

It frames JSON-RPC messages, answers the server's own requests (registrations) with `null`,
keeps every notification, and waits with a timeout for whatever a test expects; nothing here
can block for ever.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

Message = dict[str, Any]


class LspError(Exception):
    pass


def server_command() -> list[str]:
    """`stratlint server`, the real command, from the running interpreter's environment."""
    exe = Path(sys.executable).with_name("stratlint")
    if exe.exists():
        return [str(exe), "server"]
    return [sys.executable, "-m", "stratlint.cli", "server"]


class Client:
    def __init__(
        self,
        cmd: Sequence[str] | None = None,
        cwd: Path | str | None = None,
        env: dict[str, str] | None = None,
    ) -> None:
        self.proc = subprocess.Popen(
            list(cmd or server_command()),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
            env={**os.environ, **(env or {})},
        )
        self._next_id = 0
        self._lock = threading.Condition()
        self._responses: dict[int, Message] = {}
        self.notifications: list[Message] = []
        self.server_requests: list[Message] = []
        self.stderr = bytearray()
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()

    # -- wire ----------------------------------------------------------------------------

    def _send(self, msg: Message) -> None:
        body = json.dumps(msg).encode("utf-8")
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    with self._lock:
                        self._lock.notify_all()
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii", "replace").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value.strip())
            if length is None:
                continue
            msg = json.loads(out.read(length))
            if "id" in msg and "method" in msg:  # a request from the server
                self.server_requests.append(msg)
                with contextlib.suppress(OSError):
                    self._send({"jsonrpc": "2.0", "id": msg["id"], "result": None})
                continue
            with self._lock:
                if "id" in msg:
                    self._responses[msg["id"]] = msg
                else:
                    self.notifications.append(msg)
                self._lock.notify_all()

    def _drain_stderr(self) -> None:
        err = self.proc.stderr
        assert err is not None
        for chunk in iter(lambda: os.read(err.fileno(), 65536), b""):
            self.stderr += chunk

    # -- API -------------------------------------------------------------------------------

    def notify(self, method: str, params: Any = None) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method: str, params: Any = None, timeout: float = 30) -> Any:
        self._next_id += 1
        rid = self._next_id
        self._send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        with self._lock:
            while rid not in self._responses:
                left = deadline - time.monotonic()
                if left <= 0 or self.proc.poll() is not None:
                    raise TimeoutError(
                        f"no answer to {method} within {timeout} s; server "
                        f"stderr:\n{self.stderr.decode(errors='replace')}"
                    )
                self._lock.wait(min(left, 0.5))
            msg = self._responses.pop(rid)
        if "error" in msg:
            raise LspError(msg["error"])
        return msg.get("result")

    def wait_for(
        self, pred: Callable[[Message], bool], timeout: float = 30, after: int = 0
    ) -> Message:
        """The first notification (from index `after` on) that satisfies `pred`."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                for msg in self.notifications[after:]:
                    if pred(msg):
                        return msg
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(
                        "expected notification did not come within "
                        f"{timeout} s; got {self.notifications[after:]!r}\n"
                        f"server stderr:\n{self.stderr.decode(errors='replace')}"
                    )
                self._lock.wait(min(left, 0.5))

    def diagnostics(
        self, uri: str, version: int | None = None, timeout: float = 30, after: int = 0
    ) -> list[Message]:
        """The next diagnostics published for `uri` (for `version`, when given)."""

        def match(m: Message) -> bool:
            if m.get("method") != "textDocument/publishDiagnostics":
                return False
            p = m["params"]
            return bool(p["uri"] == uri and (version is None or p.get("version") == version))

        return list(self.wait_for(match, timeout, after)["params"]["diagnostics"])

    def mark(self) -> int:
        with self._lock:
            return len(self.notifications)

    def initialize(
        self,
        root: Path,
        options: dict[str, Any] | None = None,
        capabilities: dict[str, Any] | None = None,
    ) -> Any:
        result = self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": root.as_uri(),
                "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
                "capabilities": capabilities
                or {
                    "workspace": {
                        "didChangeWatchedFiles": {"dynamicRegistration": True},
                        "workspaceFolders": True,
                    },
                    "textDocument": {
                        "publishDiagnostics": {"versionSupport": True},
                        "hover": {"contentFormat": ["markdown", "plaintext"]},
                    },
                },
                "initializationOptions": options or {},
            },
            timeout=60,
        )
        self.notify("initialized", {})
        return result

    def open(self, uri: str, text: str, version: int = 1, language: str = "markdown") -> None:
        self.notify(
            "textDocument/didOpen",
            {
                "textDocument": {
                    "uri": uri,
                    "languageId": language,
                    "version": version,
                    "text": text,
                }
            },
        )

    def change(
        self, uri: str, version: int, text: str, range_: dict[str, Any] | None = None
    ) -> None:
        change: dict[str, Any] = {"text": text}
        if range_ is not None:
            change["range"] = range_
        self.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]},
        )

    def stop(self, timeout: float = 20) -> int:
        """shutdown + exit; the server's exit code."""
        try:
            self.request("shutdown", None, timeout=timeout)
            self.notify("exit")
        except (OSError, TimeoutError, LspError):
            pass
        try:
            return self.proc.wait(timeout=timeout)
        finally:
            self.kill()

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                if stream is not None:
                    stream.close()
            except OSError:
                pass
