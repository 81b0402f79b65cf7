"""One file that trips a bug in stratlint costs only that file its results."""

from __future__ import annotations

import pytest

from stratlint.run import engine
from stratlint.settings import Settings

SEED = "## Sales Strategy\n\nOur strategy is to increase sales by 50% this year.\n"


@pytest.mark.parametrize("stage", ["parse", "findings_for"])
def test_an_internal_error_is_reported_on_its_file_and_the_others_are_linted(monkeypatch, stage):
    real = getattr(engine, stage) if hasattr(engine, stage) else None
    if stage == "parse":
        import stratlint.read.parse as parse_module

        original = parse_module.parse

        def broken(text, path="<text>"):
            if path == "bad.md":
                raise RuntimeError("boom")
            return original(text, path)

        monkeypatch.setattr(parse_module, "parse", broken)
    else:
        assert real is not None

        def broken(analysis, *args, **kwargs):
            if analysis.doc.path == "bad.md":
                raise RuntimeError("boom")
            return real(analysis, *args, **kwargs)

        from stratlint.run import batch  # where check_documents, shared with workers, lives

        monkeypatch.setattr(batch, "findings_for", broken)
    monkeypatch.delenv("STRATLINT_DEBUG", raising=False)
    result = engine.lint_sources(
        iter([("a.md", SEED), ("bad.md", SEED), ("c.md", SEED)]), Settings()
    )
    assert {f.path for f in result.findings} == {"a.md", "c.md"}
    assert [e.path for e in result.errors] == ["bad.md"]
    assert "RuntimeError: boom" in result.errors[0].message
