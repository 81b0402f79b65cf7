"""The rule catalog: one YAML file per rule under `rules/catalog/`, the single source of each
rule's name, severity, summary, rationale, fix and examples. `stratlint rule ID`, the generated
docs, SARIF `rules[]` and the example tests all read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from stratlint.lexicon import data_dir, load_yaml
from stratlint.model import Severity


@dataclass(frozen=True)
class RuleDoc:
    id: str
    name: str
    severity: Severity
    summary: str
    rationale: str
    fix: str
    bad: tuple[str, ...]
    good: tuple[str, ...]
    options: tuple[tuple[str, object], ...] = ()


@lru_cache(maxsize=1)
def rules() -> dict[str, RuleDoc]:
    out: dict[str, RuleDoc] = {}
    for path in sorted((data_dir() / "catalog").glob("*.yaml")):
        d = load_yaml(path)
        ex = d.get("examples") or {}
        out[d["id"]] = RuleDoc(
            id=d["id"],
            name=d["name"],
            severity=Severity(d["severity"]),
            summary=" ".join(str(d["summary"]).split()),
            rationale=" ".join(str(d["rationale"]).split()),
            fix=" ".join(str(d["fix"]).split()),
            bad=tuple(ex.get("bad") or ()),
            good=tuple(ex.get("good") or ()),
            options=tuple((d.get("options") or {}).items()),
        )
    return out


def by_name() -> dict[str, str]:
    """kebab-case name → ID, so users can write either in config and suppressions."""
    return {r.name: r.id for r in rules().values()}


def resolve(token: str) -> list[str]:
    """IDs matched by an ID, an ID prefix ("S", "P2") or a rule name; empty when none."""
    token = token.strip()
    if not token:
        return []
    names = by_name()
    if token.lower() in names:
        return [names[token.lower()]]
    up = token.upper()
    if up == "ALL":
        return sorted(rules())
    return sorted(i for i in rules() if i.startswith(up))


def render(rule_id: str) -> str:
    """The documentation `stratlint rule ID` prints."""
    r = rules()[rule_id]
    lines = [
        f"{r.id} {r.name} [{r.severity.value}]",
        "",
        r.summary,
        "",
        "Why",
        "",
        r.rationale,
        "",
        "Fix",
        "",
        r.fix,
    ]
    if r.options:
        lines += ["", "Options", ""]
        lines += [f"  {k}: {v}" for k, v in r.options]
    for title, examples in (("Bad", r.bad), ("Good", r.good)):
        lines += ["", f"{title} examples", ""]
        for ex in examples:
            lines += ["  " + ln if ln else "" for ln in ex.rstrip().splitlines()]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"
