"""The character-offset entity that every tagger produces and the record serialises."""

from __future__ import annotations

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

    def overlaps(self, other: Entity) -> bool:
        return self.start < other.end and other.start < self.end


def resolve_overlaps(entities: list[Entity]) -> list[Entity]:
    """Keep the best of overlapping entities: higher priority, then longer, then earlier."""
    ranked = sorted(entities, key=lambda e: (-e.priority, -(e.end - e.start), e.start))
    kept: list[Entity] = []
    for entity in ranked:
        if not any(entity.overlaps(other) for other in kept):
            kept.append(entity)
    return sorted(kept, key=lambda e: (e.start, e.end))
