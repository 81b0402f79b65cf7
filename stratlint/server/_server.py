"""The protocol side: pygls wiring, the debounce, publishing, hover and code actions.

Handlers run on pygls' event loop and never lint there: a change only records what is due and
sets a timer; when the timer fires, a snapshot of the open documents goes to the one lint thread
(`_linter.Linter`), and the results come back to the loop to be published. A result for a
version the editor has already moved past is dropped: a newer lint is already due.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from stratlint._version import __version__
from stratlint.run.config import CONFIG_NAMES, PYPROJECT
from stratlint.server import _actions
from stratlint.server._diagnostics import (
    SOURCE,
    Published,
    RuleDocs,
    diagnostics,
    hover_at,
    units,
)
from stratlint.server._linter import PSEUDO, Batch, Linter, OpenDoc, is_markdown_document
from stratlint.server._protocol import Protocol

DEBOUNCE_MS = 200  # after the last keystroke; `debounce` in the initialization options
log = logging.getLogger("stratlint.server")

WATCHED = (
    "**/.stratlint.yaml",
    "**/.stratlint.yml",
    "**/pyproject.toml",
    "**/*.md",
    "**/*.markdown",
)


class StratlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(
            "stratlint",
            __version__,
            protocol_cls=Protocol,
            text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental,
        )
        self.linter = Linter(self.log_from_worker)
        self.lint_thread = ThreadPoolExecutor(1, thread_name_prefix="stratlint-lint")
        self.debounce = DEBOUNCE_MS / 1000
        self.rule_docs = RuleDocs()
        self.encoding: str = lsp.PositionEncodingKind.Utf16
        self.languages: dict[str, str] = {}  # open Markdown documents: URI → language id
        self.published: dict[str, tuple[int | None, list[Published]]] = {}
        self.config_problems: dict[Path, list[tuple[int | None, str]]] = {}
        self.shutdown_requested = False
        self.loop: asyncio.AbstractEventLoop | None = None
        self._timers: dict[str, asyncio.TimerHandle] = {}
        self._due: set[str] = set()
        self._paths: set[str] = set()
        self._draining: asyncio.Future[None] | None = None

    # -- messages to the editor -------------------------------------------------------------

    def log_message(self, message: str, kind: lsp.MessageType = lsp.MessageType.Error) -> None:
        log.log(logging.ERROR if kind == lsp.MessageType.Error else logging.INFO, "%s", message)
        self.window_log_message(lsp.LogMessageParams(type=kind, message=message))

    def log_from_worker(self, message: str) -> None:
        if self.loop is not None and not self.loop.is_closed():
            self.loop.call_soon_threadsafe(self.log_message, message)
        else:
            log.error("%s", message)

    # -- scheduling -------------------------------------------------------------------------

    def schedule(self, uris: Iterable[str], delay: float = 0.0) -> None:
        loop = asyncio.get_running_loop()
        for uri in uris:
            timer = self._timers.pop(uri, None)
            if timer is not None:
                timer.cancel()
            if delay > 0:
                self._timers[uri] = loop.call_later(delay, self._fire, uri)
            else:
                self._due.add(uri)
        if delay <= 0:
            self._kick()

    def schedule_paths(self, paths: Iterable[str]) -> None:
        self._paths.update(paths)
        self._kick()

    def _fire(self, uri: str) -> None:
        self._timers.pop(uri, None)
        self._due.add(uri)
        self._kick()

    def _kick(self) -> None:
        if self.shutdown_requested:
            return
        if self._draining is None or self._draining.done():
            self._draining = asyncio.ensure_future(self._drain())

    def snapshot(self) -> dict[str, OpenDoc]:
        out = {}
        for uri in self.languages:
            doc = self.workspace.get_text_document(uri)
            path = to_fs_path(uri) if uri.startswith("file:") else None
            out[uri] = OpenDoc(
                uri, os.path.abspath(path) if path else PSEUDO, doc.source, doc.version
            )
        return out

    def folders(self) -> list[Path]:
        out = []
        for f in self.workspace.folders.values():
            path = to_fs_path(f.uri)
            if path:
                out.append(Path(path).resolve())
        if not out and self.workspace.root_path:
            out.append(Path(self.workspace.root_path).resolve())
        return out

    async def _drain(self) -> None:
        loop = asyncio.get_running_loop()
        while (self._due or self._paths) and not self.shutdown_requested:
            uris, self._due = self._due, set()
            paths, self._paths = self._paths, set()
            docs = self.snapshot()
            try:
                batch, shown = await loop.run_in_executor(
                    self.lint_thread, self._work, uris, paths, docs, self.folders()
                )
            except Exception as exc:  # the pool is shut down, or a bug of ours: keep serving
                if not self.shutdown_requested:
                    self.log_message(f"stratlint: linting failed: {type(exc).__name__}: {exc}")
                continue
            self._publish(batch, shown)

    def _work(
        self, uris: set[str], paths: set[str], docs: dict[str, OpenDoc], folders: list[Path]
    ) -> tuple[Batch, list[list[Published]]]:
        """On the lint thread: lint the documents due and those that depend on them."""
        todo = {u for u in uris if u in docs}
        todo |= self.linter.dependents(todo, docs, paths)
        batch = self.linter.lint(todo, docs, folders)
        shown = [
            diagnostics(r.findings, r.errors, r.text, self.encoding, self.rule_docs)
            for r in batch.results
        ]
        return batch, shown

    def _publish(self, batch: Batch, shown: list[list[Published]]) -> None:
        for result, pubs in zip(batch.results, shown, strict=True):
            if result.uri not in self.languages:
                continue  # closed while it was linted
            if self.workspace.get_text_document(result.uri).version != result.version:
                continue  # edited while it was linted: a newer lint is due
            self.published[result.uri] = (result.version, pubs)
            self.text_document_publish_diagnostics(
                lsp.PublishDiagnosticsParams(
                    uri=result.uri, version=result.version, diagnostics=[p.diagnostic for p in pubs]
                )
            )
        for config, problems in batch.configs.items():
            self._publish_config(config, problems)

    def _publish_config(self, config: Path, problems: list[tuple[int | None, str]]) -> None:
        before = self.config_problems.get(config)
        self.config_problems[config] = problems
        if problems == before or (not problems and before is None):
            return
        try:
            lines = config.read_text(encoding="utf-8", errors="replace").split("\n")
        except OSError:
            lines = []
        diags = []
        for line, message in problems:
            row = min(max((line or 1) - 1, 0), max(len(lines) - 1, 0))
            text = lines[row].rstrip("\r") if lines else ""
            diags.append(
                lsp.Diagnostic(
                    range=lsp.Range(
                        lsp.Position(row, 0), lsp.Position(row, units(text, self.encoding))
                    ),
                    message=message,
                    severity=lsp.DiagnosticSeverity.Error,
                    source=SOURCE,
                )
            )
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(
                uri=from_fs_path(str(config)) or str(config), diagnostics=diags
            )
        )
        if problems:
            self.window_show_message(
                lsp.ShowMessageParams(
                    type=lsp.MessageType.Warning,
                    message=f"stratlint: {config.name} has {len(problems)} problem"
                    f"{'s' if len(problems) != 1 else ''} ({problems[0][1]}); the documents "
                    "under it are linted with the last good settings, or the defaults.",
                )
            )

    def all_open(self) -> list[str]:
        return list(self.languages)

    def shut_down(self) -> None:
        self.shutdown_requested = True
        for timer in self._timers.values():
            timer.cancel()
        self._timers.clear()
        self.lint_thread.shutdown(wait=False, cancel_futures=True)


def _is_config(path: str | None) -> bool:
    name = os.path.basename(path or "")
    return name in CONFIG_NAMES or name == PYPROJECT


def build() -> StratlintServer:
    """A server with every feature registered (not yet started)."""
    server = StratlintServer()
    for method, options, handler in _features():
        server.feature(method, options)(handler)
    return server


def _features() -> list[tuple[str, Any, Any]]:
    """Each LSP method the server answers: (method, its options, the handler), in the order
    they are registered."""
    return [
        (lsp.INITIALIZE, None, _initialize),
        (lsp.INITIALIZED, None, _initialized),
        (lsp.TEXT_DOCUMENT_DID_OPEN, None, _did_open),
        (lsp.TEXT_DOCUMENT_DID_CHANGE, None, _did_change),
        (lsp.TEXT_DOCUMENT_DID_SAVE, None, _did_save),
        (lsp.TEXT_DOCUMENT_DID_CLOSE, None, _did_close),
        (lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES, None, _did_change_watched),
        (lsp.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS, None, _did_change_folders),
        (lsp.TEXT_DOCUMENT_HOVER, None, _hover),
        (
            lsp.TEXT_DOCUMENT_CODE_ACTION,
            lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]),
            _code_action,
        ),
        (lsp.SHUTDOWN, None, _shutdown),
    ]


# -- the handlers, one per LSP method ---------------------------------------------------------


def _initialize(ls: StratlintServer, params: lsp.InitializeParams) -> None:
    ls.loop = asyncio.get_running_loop()
    ls.encoding = ls.workspace.position_encoding or lsp.PositionEncodingKind.Utf16
    opts: Any = params.initialization_options
    if isinstance(opts, dict):
        opts = opts.get("stratlint", opts)
        debounce = opts.get("debounce")
        if (
            isinstance(debounce, (int, float))
            and not isinstance(debounce, bool)
            and 0 <= debounce <= 10_000
        ):
            ls.debounce = debounce / 1000
        url = opts.get("docsUrl")
        if isinstance(url, str) and url:
            ls.rule_docs = RuleDocs(template=url)


def _initialized(ls: StratlintServer, params: lsp.InitializedParams) -> None:
    caps = ls.client_capabilities.workspace
    watched = caps.did_change_watched_files if caps else None
    if watched is not None and watched.dynamic_registration:
        ls.client_register_capability(
            lsp.RegistrationParams(
                registrations=[
                    lsp.Registration(
                        id="stratlint-watched-files",
                        method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                        register_options=lsp.DidChangeWatchedFilesRegistrationOptions(
                            watchers=[lsp.FileSystemWatcher(glob_pattern=g) for g in WATCHED]
                        ),
                    )
                ]
            )
        )
    ls.lint_thread.submit(_warm_up, ls)


def _did_open(ls: StratlintServer, params: lsp.DidOpenTextDocumentParams) -> None:
    doc = params.text_document
    if not is_markdown_document(doc.uri.rsplit("/", 1)[-1], doc.language_id):
        return
    ls.languages[doc.uri] = doc.language_id
    ls.schedule([doc.uri])


def _did_change(ls: StratlintServer, params: lsp.DidChangeTextDocumentParams) -> None:
    if params.text_document.uri in ls.languages:
        ls.schedule([params.text_document.uri], ls.debounce)


def _did_save(ls: StratlintServer, params: lsp.DidSaveTextDocumentParams) -> None:
    uri = params.text_document.uri
    if _is_config(to_fs_path(uri) if uri.startswith("file:") else None):
        ls.schedule(ls.all_open())
    elif uri in ls.languages:
        ls.schedule([uri])


def _did_close(ls: StratlintServer, params: lsp.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    if ls.languages.pop(uri, None) is None:
        return
    timer = ls._timers.pop(uri, None)
    if timer is not None:
        timer.cancel()
    ls._due.discard(uri)
    ls.published.pop(uri, None)
    ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
    ls.lint_thread.submit(ls.linter.forget, uri)
    path = to_fs_path(uri) if uri.startswith("file:") else None
    if path:  # documents that saw its unsaved text now see the file on disk
        ls.schedule_paths([os.path.abspath(path)])


def _did_change_watched(ls: StratlintServer, params: lsp.DidChangeWatchedFilesParams) -> None:
    config = created = False
    paths = []
    for change in params.changes:
        path = to_fs_path(change.uri) if change.uri.startswith("file:") else None
        if not path:
            continue
        if _is_config(path):
            config = True
        elif change.uri not in ls.languages:
            paths.append(os.path.abspath(path))
            created |= change.type != lsp.FileChangeType.Changed
    if created:
        ls.lint_thread.submit(ls.linter.files_changed, True)
    if config:
        ls.schedule(ls.all_open())
    if paths:
        ls.schedule_paths(paths)


def _did_change_folders(ls: StratlintServer, params: lsp.DidChangeWorkspaceFoldersParams) -> None:
    ls.schedule(ls.all_open())


def _hover(ls: StratlintServer, params: lsp.HoverParams) -> lsp.Hover | None:
    _, pubs = ls.published.get(params.text_document.uri, (None, []))
    return hover_at(pubs, params.position)


def _code_action(ls: StratlintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
    uri = params.text_document.uri
    only = params.context.only
    if only and not any(lsp.CodeActionKind.QuickFix.value.startswith(k) for k in only):
        return []
    version, pubs = ls.published.get(uri, (None, []))
    doc = ls.workspace.get_text_document(uri)
    if uri not in ls.languages or doc.version != version:
        return []  # the findings are of an older text; new ones are on their way
    return _actions.quick_fixes(uri, doc.source, pubs, params.range, ls.encoding)


def _shutdown(ls: StratlintServer, *args: Any) -> None:
    ls.shut_down()


def _warm_up(ls: StratlintServer) -> None:
    """On the lint thread, once: build the spaCy pipeline and load the rules, so the first
    document opened is linted as fast as every later one."""
    try:
        import stratlint.run.engine  # noqa: F401
        from stratlint.checks import all_checks
        from stratlint.understand.nlp import analyse

        all_checks()
        analyse(["Warm up the pipeline before the first document arrives."])
    except Exception as exc:  # reported; linting will report it again per document
        ls.log_from_worker(f"stratlint: warming up failed: {type(exc).__name__}: {exc}")
