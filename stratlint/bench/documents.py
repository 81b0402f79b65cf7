"""The benchmark's documents: deterministic (fixed seed) strategies in `strategy/`, plans, goals
and one-pagers in `plans/` and `teams/`, most plans linking to a strategy with front matter or a
Markdown link with a heading anchor, so link resolution is part of what is measured."""

from __future__ import annotations

import random
from pathlib import Path

# -- document generator ---------------------------------------------------------------------------

_COMPANIES = [
    "Brightforge",
    "Lakeshore",
    "Coverwell",
    "Dunmore",
    "Granite Ridge",
    "Halyard",
    "Fernway",
    "Ashgrove",
    "Campusly",
    "Carebridge",
    "Cinderpath",
    "Copperline",
    "Pawpack",
    "Willow Vine",
    "Alloyworks",
    "Benefitly",
    "Crewbase",
    "Ember Oak",
]
_SEGMENTS = [
    "mid-market manufacturers",
    "regional hospital systems",
    "independent pharmacies",
    "K-12 school districts",
    "family-owned restaurants",
    "commercial landlords",
    "credit unions",
    "Series B SaaS companies",
    "county governments",
    "specialty retailers",
    "dental group practices",
    "logistics brokers",
    "construction subcontractors",
    "boutique hotels",
    "veterinary clinics",
]
_REGIONS = [
    "the Ohio Valley",
    "the Pacific Northwest",
    "Texas",
    "the Southeast",
    "Ontario",
    "the DACH region",
    "the Nordics",
    "New England",
    "the Midwest",
    "Benelux",
]
_WHY = [
    "we install in a weekend instead of a two-week shutdown",
    "our onboarding takes days, not months",
    "we are the only vendor with a local service team within 50 miles",
    "our pricing is per site, not per seat, so it scales with them",
    "we integrate with the systems they already run",
    "our support answers in minutes and in their language",
]
_CHALLENGES = [
    "our win rate against the large vendors fell from 34% to 21% last year",
    "buyers now ask for proof of ROI before a pilot",
    "two new competitors undercut us on price",
    "procurement cycles grew from 60 to 120 days",
    "churn in small accounts doubled after the price change",
]
_PILLARS = [
    "Partner-led selling",
    "Vertical playbooks",
    "Land with a pilot",
    "Regional density",
    "Executive sponsorship",
    "Service-led expansion",
    "Channel enablement",
    "Reference customers",
]
_PEOPLE = [
    "Jordan Pike",
    "Aisha Grant",
    "Devon Hale",
    "Carla Mendes",
    "Nadia Okafor",
    "Sam Reyes",
    "Priya Nair",
    "Tom Becker",
    "Lena Vogel",
    "Marco Ruiz",
]
_ACTIONS = [
    "Run {n} discovery workshops with {seg}",
    "Book {n} site visits in {reg}",
    "Launch the partner referral program with {n} resellers",
    "Hire {n} account executives for {reg}",
    "Publish {n} case studies for {seg}",
    "Host a roundtable for {seg} in {reg}",
    "Train {n} distributor reps on the pilot offer",
    "Call the {n} largest accounts in {reg}",
]
_WHEN = [
    "by 31 March",
    "in Q2",
    "by end of Q3",
    "every Thursday",
    "by 15 May",
    "in H1",
    "within 30 days",
    "by FY27 Q1",
]
_GOALS = [
    "Increase bookings by {p}% this year",
    "Grow ARR to ${m}M",
    "Double the pipeline in {reg}",
    "Reach {n} active customers by Q4",
    "Improve win rate to {p}%",
]
_FLUFF = [
    "We will be best-in-class and move the needle.",
    "Synergy across teams is key.",
    "At the end of the day we need to win.",
]


def _fill(rng: random.Random, template: str) -> str:
    return template.format(
        n=rng.randint(3, 40),
        seg=rng.choice(_SEGMENTS),
        reg=rng.choice(_REGIONS),
        p=rng.randint(10, 60),
        m=rng.randint(2, 30),
    )


def _strategy(rng: random.Random, i: int) -> str:
    co = rng.choice(_COMPANIES)
    seg, reg = rng.choice(_SEGMENTS), rng.choice(_REGIONS)
    out = [
        f"# {co} FY27 Sales Strategy {i}",
        "",
        f"Owner: {rng.choice(_PEOPLE)}, VP Sales · reviewed every January",
        "",
        "## The challenge",
        "",
        f"{rng.choice(_CHALLENGES).capitalize()}, and {rng.choice(_CHALLENGES)}.",
        "",
        "## Where we play",
        "",
        f"We sell to {seg} in {reg} whose teams have more than 50 people. "
        f"We will not sell to {rng.choice(_SEGMENTS)} until {reg} covers its own cost.",
        "",
        "## How we win",
        "",
        f"Customers choose us because {rng.choice(_WHY)}.",
        "",
    ]
    if rng.random() < 0.3:
        out += [
            rng.choice(_GOALS).format(
                p=rng.randint(10, 60), m=rng.randint(2, 30), reg=reg, n=rng.randint(50, 900)
            )
            + ".",
            "",
        ]
    if rng.random() < 0.2:
        out += [rng.choice(_FLUFF), ""]
    for p in rng.sample(_PILLARS, rng.randint(2, 4)):
        out += [
            f"### {p}",
            "",
            f"We focus on {rng.choice(_SEGMENTS)} in {rng.choice(_REGIONS)} "
            f"because {rng.choice(_WHY)}.",
            "",
        ]
    return "\n".join(out)


def _plan(rng: random.Random, i: int, strategy: str | None, anchor: str) -> str:
    out: list[str] = []
    if strategy and rng.random() < 0.5:
        out += ["---", "type: plan", f"strategy: {strategy}", "---", ""]
        strategy = None
    out += [f"# {rng.choice(_REGIONS).replace('the ', '').title()} Territory Plan {i}", ""]
    if strategy:
        out += [f"This plan executes the [FY27 strategy]({strategy}{anchor}).", ""]
    out += [
        f"**Targets:** {_fill(rng, rng.choice(_GOALS))}; {rng.randint(10, 40)} new logos.",
        "",
        f"**Resources:** {rng.randint(1, 4)} AEs, ${rng.randint(10, 90)}k event budget.",
        "",
    ]
    for q in rng.sample(["Q1", "Q2", "Q3", "Q4"], 2):
        out += [f"## {q}", ""]
        if rng.random() < 0.5:
            out += ["| Action | Owner | Due | KPI |", "|---|---|---|---|"]
            for _ in range(rng.randint(2, 4)):
                out.append(
                    f"| {_fill(rng, rng.choice(_ACTIONS))} | {rng.choice(_PEOPLE)} | "
                    f"{rng.choice(_WHEN)} | {rng.randint(2, 20)} meetings |"
                )
            out.append("")
        else:
            for _ in range(rng.randint(2, 4)):
                owner = rng.choice(_PEOPLE) if rng.random() < 0.8 else "the team"
                when = rng.choice(_WHEN) if rng.random() < 0.8 else "ASAP"
                out.append(f"- {_fill(rng, rng.choice(_ACTIONS))} — {owner}, {when}.")
                if rng.random() < 0.3:
                    out.append(f"  - Supports: {rng.choice(_PILLARS)}")
            out.append("")
    out += ["## Next steps", "", f"- {rng.choice(_PEOPLE)} reviews progress every Monday.", ""]
    return "\n".join(out)


def _mixed(rng: random.Random, i: int) -> str:
    out = [f"# Team one-pager {i}", "", "## Strategy and plan", ""]
    out += [
        f"- {_fill(rng, rng.choice(_GOALS))}.",
        f"- Make {rng.randint(20, 80)} calls a day.",
        f"- Focus on {rng.choice(_SEGMENTS)}.",
        f"- {_fill(rng, rng.choice(_ACTIONS))}.",
        "",
    ]
    out += ["## Goals", "", "- More leads.", f"- {_fill(rng, rng.choice(_GOALS))}.", ""]
    out += ["## Notes", "", "Pipeline reviews happen on Fridays. " * rng.randint(2, 6), ""]
    return "\n".join(out)


def _background(rng: random.Random) -> str:
    return (
        f"In {rng.choice(_REGIONS)}, {rng.randint(3, 90)} {rng.choice(_SEGMENTS)} told "
        f"{rng.choice(_PEOPLE)} that {rng.choice(_WHY)}. Since {rng.randint(2019, 2025)}, "
        f"{rng.choice(_CHALLENGES)}."
    )


def generate(directory: Path, count: int, seed: int = 27) -> list[Path]:
    """Write `count` documents of about 2 KB under `directory`; return their paths."""
    rng = random.Random(seed)
    n_strat = max(1, count // 6)
    paths: list[Path] = []
    strategies: list[str] = []
    for i in range(count):
        if i < n_strat:
            rel = f"strategy/strategy-{i:04d}.md"
            text = _strategy(rng, i)
            strategies.append(rel)
        elif i % 5 == 0:
            rel = f"teams/{i // 100:02d}/one-pager-{i:04d}.md"
            text = _mixed(rng, i)
        else:
            rel = f"plans/{i // 100:02d}/plan-{i:04d}.md"
            target = None
            if rng.random() < 0.85:
                target = "../../" + rng.choice(strategies)
            anchor = rng.choice(["", "", "#where-we-play", "#how-we-win", "#no-such-heading"])
            if rng.random() < 0.03:
                target = "../../strategy/missing.md"
            text = _plan(rng, i, target, anchor)
        while len(text) < 1950:  # about 2 KB each, padded with varied background prose
            text += "\n" + _background(rng) + "\n"
        p = directory / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths
