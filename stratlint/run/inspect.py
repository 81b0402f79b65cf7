"""`stratlint inspect`: how a document was read — the answer to "why did it say that?"."""

from __future__ import annotations

from stratlint.model import Section
from stratlint.read.parse import parse
from stratlint.run.engine import analyse_many
from stratlint.settings import Settings
from stratlint.understand.analysis import Analysis


def render(text: str, path: str, settings: Settings) -> str:
    doc = parse(text, path)
    (a,) = analyse_many([doc], settings)
    return describe(a)


def describe(a: Analysis) -> str:
    doc = a.doc
    out = _header(a)
    for sec in doc.sections:
        if sec.level == 0 and not sec.statements:
            continue
        out.extend(_section_lines(a, sec))
        ids = list(sec.statements)
        if sec.heading is not None and sec.heading in a.verdicts:
            ids.insert(0, sec.heading)
        for i in ids:
            out.extend(_statement_lines(a, i))
    return "\n".join(out) + "\n"


def _header(a: Analysis) -> list[str]:
    """The path, the front matter that matters and the scopes, then a blank line."""
    doc = a.doc
    out: list[str] = [f"{doc.path}"]
    if doc.front_matter:
        keys = ", ".join(
            f"{k}: {v}" for k, v in doc.front_matter.items() if k in ("type", "strategy")
        )
        out.append(f"  front matter: {keys or '(no type)'}")
    for label, scopes in (("strategy", a.strategies), ("plan", a.plans), ("goals", a.goals)):
        for sc in scopes:
            out.append(
                f"  {label} scope at line {sc.line}: {sc.title!r} "
                f"({len(sc.sections)} section{'s' if len(sc.sections) != 1 else ''})"
            )
    out.append("")
    return out


def _section_lines(a: Analysis, sec: Section) -> list[str]:
    """A section's heading with its kind and where it came from, D401/D402, the genre model's
    reading and the section's fields."""
    doc = a.doc
    out: list[str] = []
    hk = a.heading_kinds[sec.index]
    own = f"{hk.kind.value} ({hk.role}: {', '.join(hk.words)})" if hk.kind else "inherited"
    if sec.index == doc.title:
        own += ", title"
    flags = []
    if sec.index in a.mixed:
        flags.append(f"D401 mixed ({a.mixed[sec.index]})")
    if sec.index in a.mislabeled:
        label, actual, foreign, total = a.mislabeled[sec.index]
        flags.append(f"D402 labelled {label.value}, reads as {actual.value} ({foreign}/{total})")
    head = "#" * sec.level + " " + sec.title if sec.level else "(before the first heading)"
    out.append(
        f"{sec.line:>4}  {head}  → {a.kinds[sec.index].value} [{own}]"
        + (f"  !{'; '.join(flags)}" if flags else "")
    )
    if sec.index in a.genre_proba:
        top = sorted(a.genre_proba[sec.index].items(), key=lambda kv: -kv[1])[:3]
        verdict = f"not confirmed: {a.unsure[sec.index]}" if sec.index in a.unsure else "confirmed"
        domain = a.technical_proba.get(sec.index)
        tech = f"; technical {domain:.2f}" if domain is not None else ""
        out.append(
            f"{'':>4}      genre {', '.join(f'{g} {p:.2f}' for g, p in top)}{tech} — {verdict}"
        )
    elif sec.index in a.unsure:
        out.append(f"{'':>4}      not confirmed: {a.unsure[sec.index]}")
    for f in sec.fields:
        out.append(f"{f.line:>4}      field {f.label}: {f.value}")
    return out


def _statement_lines(a: Analysis, i: int) -> list[str]:
    """A statement with its class and form, then its probabilities, evidence, specifics, fields."""
    st = a.doc.statements[i]
    v = a.verdicts.get(i)
    cls = v.cls.value if v else "CONTEXT"
    if st.is_field:
        cls = "field"
    if st.quoted:
        cls = "quoted"
    indent = "  " * st.depth
    text = st.text if len(st.text) <= 90 else st.text[:89] + "…"
    out = [f"{st.line:>4}    {indent}{cls:<8} {st.form:<8} {text}"]
    pad = f"{'':>4}    {indent}{'':<8} {'':<8}   "
    if i in a.class_proba:
        probs = sorted(a.class_proba[i].items(), key=lambda kv: -kv[1])
        out.append(f"{pad}p — " + ", ".join(f"{c} {p:.2f}" for c, p in probs))
    if v and v.evidence:
        ev = "; ".join(f"{e.label}: {e.text}" for e in v.evidence if e.text)
        if ev:
            out.append(f"{pad}evidence — {ev}")
    if v and v.specific and v.cls.value == "ACTION":
        sp = "; ".join(f"{e.label}: {e.text}" for e in v.specific)
        out.append(f"{pad}specifics — {sp}")
    for fld in st.fields:
        out.append(f"{pad}field {fld.label}: {fld.value}")
    return out
