"""Event rules, one module per family of event types; ``events.py`` applies them.

Each rule is data: trigger words (English and Chinese), the entity labels a sentence must hold, how
the words give the subtype. Types, subtypes and roles are declared in ``event_schema.json``, which
the gold corpus and the evaluation use too.
"""

from __future__ import annotations

from . import announcements, corporate, markets, results
from .base import EVENT_ROLES, EVENT_SCHEMA, Rule

RULES: tuple[Rule, ...] = markets.RULES + results.RULES + corporate.RULES + announcements.RULES

__all__ = ["EVENT_ROLES", "EVENT_SCHEMA", "RULES", "Rule"]
