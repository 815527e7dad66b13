"""The character-offset entity that every tagger produces and the record serialises."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Entity:
    """An entity as Contract 1 has it: ``text[start:end]`` with a label and normalised values.

    ``priority`` breaks overlaps: rule taggers with normalised values (numbers, dates, the
    gazetteer) win over the statistical model's guesses.
    """

    start: int
    end: int
    label: str
    text: str
    normalized: dict[str, Any] = field(default_factory=dict)
    priority: int = 0


def resolve_overlaps(entities: list[Entity]) -> list[Entity]:
    """Keep the best of overlapping entities: higher priority, then longer, then earlier.

    Kept spans never overlap, so each candidate is checked against its two neighbours among them
    (found by bisection): the whole is O(n log n) however long the document.
    """
    ranked = sorted(entities, key=lambda e: (-e.priority, -(e.end - e.start), e.start))
    starts: list[int] = []
    kept: list[Entity] = []
    for entity in ranked:
        i = bisect_left(starts, entity.start)
        if i > 0 and kept[i - 1].end > entity.start:
            continue
        if i < len(kept) and kept[i].start < entity.end:
            continue
        starts.insert(i, entity.start)
        kept.insert(i, entity)
    return kept


def in_span(entities: list[Entity], starts: list[int], start: int, end: int) -> list[Entity]:
    """The entities (sorted by start, with ``starts`` their starts) that lie within [start, end)."""
    return [e for e in entities[bisect_left(starts, start):bisect_left(starts, end)] if e.end <= end]
