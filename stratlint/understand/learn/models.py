"""The trained models and their thresholds, loaded once per process from `rules/models/`.

`section_genre.json` gives a section's genre, `section_domain.json` whether its material is a
business's or technology's (optional), `statement_class.json` a statement's class and
`statement_tags.json` its tags; `thresholds.yaml` holds the probability each decision needs,
chosen on held-out sources for precision (tools/train.py writes all four). When no model is
shipped (a checkout before the first training), `get()` returns None and the hand classifier
decides alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any

from stratlint import lexicon
from stratlint.understand.learn.joint import JointScorer
from stratlint.understand.learn.linear import LinearModel

if TYPE_CHECKING:
    from stratlint.understand.learn.rows import StatementRows
    from stratlint.understand.learn.section_rows import SectionRows

GENRES = (
    "strategy",
    "plan",
    "goals",
    "mixed",
    "procedure",
    "reference",
    "copy",
    "team",
    "template",
    "retrospective",
    "other",
)
CLASSES = ("GOAL", "CHOICE", "ACTION", "CONTEXT")
TAGS = ("who", "why", "challenge", "tradeoff", "owner", "deadline", "metric")
# The genres that confirm a section's kind hint (SPEC §8.9): a business's strategy or plan
# material. Goals or tactics under a strategy heading are strategy material ("written in their
# place": S101, S102, D402 are about them), choices under a plan heading are what D402 is for;
# what is not confirmed is a procedure, reference, copy, team page, template, retrospective…
_ANY = ("strategy", "plan", "goals", "mixed")
MATERIAL = {"strategy": _ANY, "plan": _ANY, "goals": _ANY, "mixed": _ANY}
# Below this share of material, the genre model has read a section as confidently something else
# (thresholds.yaml `join` may set it for joining parts to a confirmed whole).
OTHER_FLOOR = 0.2


@dataclass(frozen=True)
class Models:
    genre: LinearModel
    cls: LinearModel
    tags: LinearModel | None
    thresholds: dict[str, Any]
    domain: LinearModel | None = None

    @cached_property
    def statements(self) -> JointScorer:
        """The class model and the tag model (if any), scored at once: they read the same
        statement inputs."""
        return JointScorer([m for m in (self.cls, self.tags) if m is not None])

    @cached_property
    def statement_rows(self) -> StatementRows:
        """A statement's inputs as the rows of `statements`' joint matrix, read by parts."""
        from stratlint.understand.learn.rows import StatementRows

        return StatementRows(self.statements.index)

    @cached_property
    def section_rows(self) -> SectionRows:
        """A section's inputs as the rows of the genre and domain models, read by parts."""
        from stratlint.understand.learn.section_rows import SectionRows

        domain = self.domain.row_index if self.domain is not None else {}
        return SectionRows(self.genre.row_index, domain)

    def domain_threshold(self) -> float:
        """The probability of `technical` at which the domain model vetoes a section."""
        return float(self.thresholds.get("domain", {}).get("technical", 1.01))

    def genre_threshold(self, kind: str) -> float:
        return float(self.thresholds.get("genre", {}).get(kind, 0.5))

    def class_threshold(self, cls: str) -> float:
        return float(self.thresholds.get("class", {}).get(cls, 0.5))


@lru_cache(maxsize=1)
def get() -> Models | None:
    d = lexicon.data_dir() / "models"
    try:
        genre = LinearModel.load(d / "section_genre")
        cls = LinearModel.load(d / "statement_class")
        thresholds = lexicon.load_yaml(d / "thresholds.yaml") or {}
    except FileNotFoundError:
        return None
    tags = LinearModel.load(d / "statement_tags") if (d / "statement_tags.npy").exists() else None
    domain = LinearModel.load(d / "section_domain") if (d / "section_domain.npy").exists() else None
    return Models(genre, cls, tags, thresholds, domain)
