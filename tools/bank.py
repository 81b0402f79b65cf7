#!/usr/bin/env python3
"""The labelled bank: cut pages into units for labelling, and merge the labels into the bank.

    python tools/bank.py units DIR_OR_PAGE... --name NAME [--max-per-page N]
        Cut every Markdown page under DIR (a folder under corpus/), or each PAGE named, into
        units: one row per section (its heading) and one per statement (sentence, list item, table
        row), as the parser sees them. Writes corpus/bank/units/NAME.tsv with the columns
        id, unit (section|statement), path (under corpus/), line, text.
        Nothing of the linter's judgement is shown: no kinds, no classes, no findings.

    python tools/bank.py merge
        Read every labels file corpus/bank/labels/<labeller>/<NAME>.tsv (columns id, label, tags)
        against corpus/bank/units/<NAME>.tsv and write corpus/bank/sections.jsonl and
        corpus/bank/statements.jsonl from the first labeller of each unit (the one named in
        corpus/bank/labellers.yaml as primary), and corpus/bank/agreement.json from the units
        labelled by two labellers.

The formats are fixed so that other tools can read them (see corpus/README.md).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
BANK = CORPUS / "bank"
sys.path.insert(0, str(ROOT))

from stratlint.run.evaluate import source_of  # noqa: E402
from stratlint.understand.learn.models import CLASSES, GENRES, TAGS  # noqa: E402


def _clean(text: str) -> str:
    return " ".join(text.split())


def pages(dirs: list[str]) -> list[Path]:
    out: list[Path] = []
    for d in dirs:
        p = Path(d).resolve()
        if p.is_file():
            out.append(p)
            continue
        out.extend(
            sorted(
                x
                for x in p.rglob("*.md")
                if x.is_file() and x.name != "README.md" and x.name != "LICENSE-NOTE.md"
            )
        )
    return out


Units = list[tuple[int, str]]


def cut(path: Path, max_per_page: int | None) -> tuple[Units, Units]:
    """(sections, statements) of a page, each as (line, text)."""
    from stratlint.read.parse import parse

    text = path.read_text(encoding="utf-8", errors="replace")
    doc = parse(text, str(path))
    sections = [
        (s.line, _clean(s.title) or "(no heading)") for s in doc.sections if s.level or s.statements
    ]
    stmts = [
        (st.line, _clean(st.text))
        for st in doc.statements
        if st.form != "heading" and not st.is_field and not st.quoted and _clean(st.text)
    ]
    if max_per_page and len(stmts) > max_per_page:
        seed = int(hashlib.sha256(str(path.name).encode()).hexdigest()[:8], 16)
        keep = sorted(random.Random(seed).sample(range(len(stmts)), max_per_page))
        stmts = [stmts[i] for i in keep]
    return sections, stmts


def cmd_units(args: argparse.Namespace) -> int:
    rows: list[str] = ["id\tunit\tpath\tline\ttext"]
    n_sec = n_st = 0
    for page in pages(args.dirs):
        rel = page.relative_to(CORPUS).as_posix()
        secs, stmts = cut(page, args.max_per_page)
        for line, text in secs:
            n_sec += 1
            rows.append(f"{args.name}-s{n_sec}\tsection\t{rel}\t{line}\t{text}")
        for line, text in stmts:
            n_st += 1
            rows.append(f"{args.name}-t{n_st}\tstatement\t{rel}\t{line}\t{text}")
    out = BANK / "units" / f"{args.name}.tsv"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}: {n_sec} sections, {n_st} statements")
    return 0


def read_tsv(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.split("\t") for ln in lines[1:] if ln.strip()]


def units() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for f in sorted((BANK / "units").glob("*.tsv")):
        for row in read_tsv(f):
            uid, unit, path, line, text = (row + [""] * 5)[:5]
            out[uid] = {"unit": unit, "path": path, "line": line, "text": text}
    return out


def labels() -> dict[str, dict[str, tuple[str, tuple[str, ...]]]]:
    """labeller → unit id → (label, tags)."""
    out: dict[str, dict[str, tuple[str, tuple[str, ...]]]] = {}
    for d in sorted(p for p in (BANK / "labels").glob("*") if p.is_dir()):
        got = out.setdefault(d.name, {})
        for f in sorted(d.glob("*.tsv")):
            for row in read_tsv(f):
                if not row or not row[0].strip():
                    continue
                uid = row[0].strip()
                label = row[1].strip() if len(row) > 1 else ""
                tags = tuple(
                    sorted(
                        {
                            t.strip().lower()
                            for t in (row[2] if len(row) > 2 else "").split(",")
                            if t.strip()
                        }
                    )
                )
                got[uid] = (label, tags)
    return out


def kappa(pairs: list[tuple[str, str]]) -> float:
    """Cohen's kappa of two labellers' labels for the same units."""
    n = len(pairs)
    if not n:
        return float("nan")
    agree = sum(1 for a, b in pairs if a == b) / n
    cats = {x for p in pairs for x in p}
    pa = {c: sum(1 for a, _ in pairs if a == c) / n for c in cats}
    pb = {c: sum(1 for _, b in pairs if b == c) / n for c in cats}
    expected = sum(pa[c] * pb[c] for c in cats)
    return 1.0 if expected == 1 else (agree - expected) / (1 - expected)


def cmd_merge(args: argparse.Namespace) -> int:
    import yaml

    u = units()
    lab = labels()
    conf_file = BANK / "labellers.yaml"
    conf = yaml.safe_load(conf_file.read_text()) if conf_file.exists() else {}
    second = set(conf.get("second", []) or [])
    primary_order = [n for n in lab if n not in second]
    problems: list[str] = []
    sections: list[dict[str, object]] = []
    statements: list[dict[str, object]] = []
    chosen: dict[str, tuple[str, tuple[str, ...]]] = {}
    for name in primary_order:
        for uid, v in lab[name].items():
            chosen.setdefault(uid, v)
    for uid, (label, tags) in chosen.items():
        if uid not in u:
            problems.append(f"unknown unit {uid}")
            continue
        rec = u[uid]
        path = rec["path"]
        base = {"source": source_of(path), "path": path, "line": int(rec["line"])}
        if rec["unit"] == "section":
            if label not in GENRES:
                problems.append(f"{uid}: genre {label!r}")
                continue
            sections.append({**base, "heading": rec["text"], "genre": label})
        else:
            label = label.upper()
            bad = [t for t in tags if t not in TAGS]
            if label not in CLASSES or bad:
                problems.append(f"{uid}: class {label!r} tags {bad}")
                continue
            statements.append({**base, "text": rec["text"], "class": label, "tags": list(tags)})
    key = lambda r: (r["path"], r["line"])  # noqa: E731
    sections.sort(key=key)
    statements.sort(key=key)
    with (BANK / "sections.jsonl").open("w", encoding="utf-8") as w:
        for r in sections:
            w.write(json.dumps(r, ensure_ascii=False) + "\n")
    with (BANK / "statements.jsonl").open("w", encoding="utf-8") as w:
        for r in statements:
            w.write(json.dumps(r, ensure_ascii=False) + "\n")

    # Agreement: each second labeller against the primary label of the same unit.
    sec_pairs: list[tuple[str, str]] = []
    cls_pairs: list[tuple[str, str]] = []
    tag_pairs: dict[str, list[tuple[str, str]]] = {t: [] for t in TAGS}
    for name in second:
        for uid, (label, tags) in lab.get(name, {}).items():
            if uid not in chosen or uid not in u:
                continue
            first, ftags = chosen[uid]
            if u[uid]["unit"] == "section":
                sec_pairs.append((first, label))
            else:
                cls_pairs.append((first.upper(), label.upper()))
                for t in TAGS:
                    tag_pairs[t].append((str(t in ftags), str(t in tags)))
    agreement = {
        "sections": {"n": len(sec_pairs), "kappa_genre": round(kappa(sec_pairs), 3)},
        "statements": {
            "n": len(cls_pairs),
            "kappa_class": round(kappa(cls_pairs), 3),
            **{f"kappa_{t}": round(kappa(p), 3) for t, p in tag_pairs.items()},
        },
    }
    (BANK / "agreement.json").write_text(json.dumps(agreement, indent=2) + "\n")
    real = sum(1 for s in sections if str(s["path"]).startswith(("bank/", "realworld/", "judging")))
    print(
        f"sections {len(sections)} ({real} real), statements {len(statements)}; "
        f"agreement {json.dumps(agreement)}"
    )
    for p in problems[:30]:
        print("problem:", p, file=sys.stderr)
    if len(problems) > 30:
        print(f"... {len(problems) - 30} more problems", file=sys.stderr)
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = ap.add_subparsers(dest="cmd", required=True)
    u = sub.add_parser("units")
    u.add_argument("dirs", nargs="+")
    u.add_argument("--name", required=True)
    u.add_argument("--max-per-page", type=int, default=None)
    u.set_defaults(fn=cmd_units)
    m = sub.add_parser("merge")
    m.set_defaults(fn=cmd_merge)
    args = ap.parse_args()
    return int(args.fn(args))


if __name__ == "__main__":
    raise SystemExit(main())
