"""Decoders of the sections that choose rules and how they report: `select`, `ignore`,
`severity`, `fail-on`, `options`, `report-unused-disables`.

Each decoder takes the key path and the raw value and returns the `Settings` fields it sets;
a problem is recorded on the `Decoding`, never raised."""

from __future__ import annotations

from typing import Any

from stratlint.model import Severity
from stratlint.run.config._base import Decoding, KeyPath, suggest, type_name

SEVERITIES = tuple(s.value for s in Severity)


def select(d: Decoding, path: KeyPath, value: Any) -> dict[str, Any]:
    return {"select": d.rules(path, value)}


def ignore(d: Decoding, path: KeyPath, value: Any) -> dict[str, Any]:
    return {"ignore": d.rules(path, value)}


def severity(d: Decoding, path: KeyPath, value: Any) -> dict[str, Any]:
    out: dict[str, Severity] = {}
    if not isinstance(value, dict):
        d.err(path, f"'severity' must map rules to {'|'.join(SEVERITIES)}, got {type_name(value)}")
        return {"severity": out}
    for rule, sev in value.items():
        p = (*path, str(rule))
        ids = d.rule_ids(p, str(rule))
        if sev not in SEVERITIES:
            got = repr(sev) if isinstance(sev, str) else type_name(sev)
            d.err(p, f"severity of '{rule}' must be one of {', '.join(SEVERITIES)}, got {got}")
            continue
        for i in ids:
            out[i] = Severity(sev)
    return {"severity": out}


def fail_on(d: Decoding, path: KeyPath, value: Any) -> dict[str, Any]:
    if value not in SEVERITIES:
        got = repr(value) if isinstance(value, str) else type_name(value)
        d.err(path, f"'fail-on' must be one of {', '.join(SEVERITIES)}, got {got}")
        return {"fail_on": Severity.WARNING}
    return {"fail_on": Severity(value)}


def report_unused_disables(d: Decoding, path: KeyPath, value: Any) -> dict[str, Any]:
    return {"report_unused_disables": d.boolean(path, value)}


def options(d: Decoding, path: KeyPath, value: Any) -> dict[str, Any]:
    """Rule options: `{S108: {max-pillars: 7}}`, checked against the options the rule declares."""
    from stratlint import catalog

    out: dict[str, dict[str, Any]] = {}
    if not isinstance(value, dict):
        d.err(path, f"'options' must map rules to their options, got {type_name(value)}")
        return {"options": out}
    for rule, opts in value.items():
        p = (*path, str(rule))
        ids = d.rule_ids(p, str(rule), exact=True)
        if not ids:
            continue
        known = dict(catalog.rules()[ids[0]].options)
        if not known:
            d.err(p, f"rule {ids[0]} has no options")
            continue
        if not isinstance(opts, dict):
            d.err(
                p,
                f"options of {ids[0]} must be a mapping "
                f"({', '.join(known)}), got {type_name(opts)}",
            )
            continue
        for name, val in opts.items():
            if _option_ok(d, (*p, str(name)), ids[0], known, name, val):
                out.setdefault(ids[0], {})[str(name)] = val
    return {"options": out}


def _option_ok(
    d: Decoding, q: KeyPath, rule: str, known: dict[str, Any], name: Any, val: Any
) -> bool:
    """Is `name` an option of `rule`, and `val` of its default's type? (Else say why.)"""
    if name not in known:
        d.err(
            q,
            f"unknown option '{name}' for {rule}"
            f"{suggest(str(name), list(known))}; options: "
            f"{', '.join(known)}",
        )
        return False
    default = known[name]
    if (
        isinstance(default, bool) != isinstance(val, bool)
        or not isinstance(val, type(default))
        or (isinstance(val, int) and val < 0)
    ):
        want = {
            bool: "true or false",
            int: "a whole number, 0 or more",
            str: "text",
        }.get(type(default), type(default).__name__)
        d.err(q, f"option '{name}' of {rule} must be {want}, got {type_name(val)}")
        return False
    return True
