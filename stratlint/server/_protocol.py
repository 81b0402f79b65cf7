"""pygls' protocol, with a leak plugged."""

from __future__ import annotations

from typing import Any

from pygls.protocol import LanguageServerProtocol


class Protocol(LanguageServerProtocol):
    """pygls 2.1 keeps the future of every notification handled by one of its own generator
    handlers (didOpen, didChange, didClose…) in `_request_futures` and never removes it: a
    future, a lock and a condition per keystroke, about 1 KB, for as long as the server runs.
    Finished futures are dropped after each message (a request's own has been answered and
    removed by then)."""

    def handle_message(self, message: Any) -> None:
        super().handle_message(message)
        futures = self._request_futures
        for key in [k for k, f in futures.items() if f.done()]:
            futures.pop(key, None)
