"""How a run's documents are split into batches: `plan_tasks`.

A batch is what one spaCy stream reads and what one worker lints at a time (`engine`,
`parallel`). The batches are the same for any number of jobs, so the findings are too.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from stratlint.read.discover import is_markdown
from stratlint.read.lower import lower
from stratlint.run.batch import BATCH

_TAIL = 2  # batches' worth of documents at the end of a run split in quarters (`plan_tasks`)


def plan_tasks(
    items: Sequence[tuple[str, str]], size: int | None = None
) -> list[list[tuple[str, str]]]:
    """Split documents into batches, keeping documents that link to each other together (so a
    strategy and its plans are analysed once, in one process), in a stable order.

    Links are found by a cheap scan for Markdown file names in each text; this only groups work,
    resolution itself is exact either way. In a run that may start workers (`effective_jobs`),
    the last `_TAIL` × `size` documents go in batches a quarter of the size: the batches go out
    in order, and a worker that takes the last full batch while the others find nothing left
    kept a core idle for up to a batch's time (~0.25 s of a 1,000-document run's ~1.8 s on two
    cores; issue 15). The batches are the same for any number of jobs, so the findings are too.
    """
    size = size or BATCH
    by_name: dict[str, list[int]] = {}
    for i, (path, _) in enumerate(items):
        by_name.setdefault(Path(path).name.lower(), []).append(i)
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (_, text) in enumerate(items):
        for name in _linked_names(text):
            for j in by_name.get(name, ()):
                a, b = find(i), find(j)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = {}
    for i in range(len(items)):
        groups.setdefault(find(i), []).append(i)
    tasks: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    # From 2 × size documents a run may start workers (`effective_jobs`); below, no tail.
    tail = len(items) - _TAIL * size if len(items) >= 2 * size else len(items)
    placed = 0
    for members in sorted(groups.values()):
        cap = size if placed < tail else max(1, size // 4)
        placed += len(members)
        if current and len(current) + len(members) > cap:
            tasks.append(current)
            current = []
        for i in members:
            current.append(items[i])
            if len(current) >= 4 * size:  # one huge group (an index linking everything) splits
                tasks.append(current)
                current = []
    if current:
        tasks.append(current)
    return tasks


def _linked_names(text: str) -> set[str]:
    out = set()
    low = lower(text)
    start = 0
    while True:
        i = low.find(".md", start)
        if i < 0:
            break
        start = i + 3
        j = i
        while j > 0 and low[j - 1] not in " \t\n\r/\\()[]<>\"'`:=":
            j -= 1
        end = i + (9 if low.startswith(".markdown", i) else 3)
        name = low[j:end]
        if is_markdown(name):
            out.add(name)
    return out
