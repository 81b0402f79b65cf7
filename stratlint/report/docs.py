"""Generate docs/rules.md from the rule catalog (the same source `stratlint rule ID` prints).

python -m stratlint.report.docs > docs/rules.md
"""

from __future__ import annotations

from stratlint import catalog


def render() -> str:
    rules = catalog.rules()
    out = [
        "# stratlint rules",
        "",
        "Generated from `rules/catalog/*.yaml` by `python -m stratlint.report.docs`; "
        "do not edit by hand.",
        "",
        "| ID | name | default | summary |",
        "|---|---|---|---|",
    ]
    for r in rules.values():
        out.append(f"| [{r.id}](#{r.id.lower()}) | {r.name} | {r.severity.value} | {r.summary} |")
    for r in rules.values():
        out += [
            "",
            f"## {r.id}",
            "",
            f"**{r.name}** — default severity: {r.severity.value}",
            "",
            r.summary,
            "",
            f"**Why.** {r.rationale}",
            "",
            f"**Fix.** {r.fix}",
        ]
        if r.options:
            out += ["", "**Options.** " + ", ".join(f"`{k}` (default {v})" for k, v in r.options)]
        for title, examples in (("Flagged", r.bad), ("Not flagged", r.good)):
            out += ["", f"**{title}:**"]
            for ex in examples:
                out += ["", "```markdown", ex.rstrip(), "```"]
    return "\n".join(out) + "\n"


if __name__ == "__main__":  # pragma: no cover
    print(render(), end="")
