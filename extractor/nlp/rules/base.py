"""What an event rule is, and the pieces the rule families share: the schema of types and roles,
word-boundary patterns and the words of direction (up, down) in English and Chinese.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

SCHEMA_FILE = Path(__file__).parent.parent / "event_schema.json"
# Every event type of Contract 1: description, subtypes, and role -> entity labels that fill it, in
# order of preference (an empty list: a role marked as text, not filled from entities).
EVENT_SCHEMA: dict[str, dict] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
EVENT_ROLES: dict[str, dict[str, tuple[str, ...]]] = {
    event_type: {role: tuple(labels) for role, labels in spec["roles"].items() if labels}
    for event_type, spec in EVENT_SCHEMA.items()
}


@dataclass(frozen=True)
class Rule:
    """One way an event type is said: trigger words per language, the entity labels the sentence
    must hold, how the words give the subtype, and the roles whose absence lowers confidence."""

    type: str
    triggers: dict[str, str]  # lang -> regex of trigger words
    requires: tuple[frozenset[str], ...]  # each set: the sentence has an entity with one of its labels
    subtypes: tuple[tuple[str, str], ...] = ()  # (subtype, regex on the trigger, then on the sentence)
    default_subtype: str = "other"
    context: str | None = None  # a regex the sentence must match as well
    exclude: str | None = None  # a regex that, found in the sentence, vetoes the rule
    lacks: frozenset[str] = frozenset()  # entity labels the sentence must not hold (another rule covers it)
    core: tuple[str, ...] = ()  # roles whose absence lowers the event's confidence
    # roles the schema gives no labels, filled from the trigger's clause: role -> regex (group 1 if any)
    text_roles: dict[str, str] = field(default_factory=dict)
    per_trigger: bool = False  # each trigger its own event ("A rose 3 %, B fell 2 %"), not one per subtype
    # labels of which an entity must stand right before the trigger ("Nvidia, AMD slide"; "Uber shares were
    # flat"): the thing that moves is named, not only somewhere in the sentence
    follows: frozenset[str] = frozenset()
    # a move told without a figure ("shares tumble", "板块走强"): it takes no figure, and what moved only
    # from before the trigger (the figures and names after it are the next happening's)
    bare: bool = False
    patterns: dict[str, re.Pattern[str]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.type not in EVENT_SCHEMA:
            raise ValueError(f"Rule for unknown event type {self.type!r}: add it to {SCHEMA_FILE.name} first.")
        unknown = [role for role in self.core if role not in EVENT_SCHEMA[self.type]["roles"]]
        if unknown:
            raise ValueError(f"Rule for {self.type} names roles not in {SCHEMA_FILE.name}: {unknown}")
        object.__setattr__(self, "patterns", {lang: re.compile(pattern, re.I)
                                              for lang, pattern in self.triggers.items()})


def en(words: str) -> str:
    """A regex of English alternatives matched as whole words."""
    return r"\b(?:" + words + r")\b"


UP_EN = "rise|rises|rose|risen|rising|climb|climbed|climbs|gain|gained|gains|increase|increased|" \
        "surge|surged|jump|jumped|soar|soared|up|higher|rally|rallied|doubling|doubled|double"
DOWN_EN = "fall|falls|fell|fallen|drop|dropped|drops|decline|declined|declines|slump|slumped|" \
          "plunge|plunged|down|lower|slid|slide|tumbled|sank|cut|cuts|reduced|halved"
UP_ZH = "上涨|涨至|上升|上调|增长|增加|大涨|走高|攀升|翻倍|预增|突破"
DOWN_ZH = "下跌|跌至|下降|下调|减少|下滑|走低|回落|预减|预亏"
DIRECTION = (("increase", f"{en(UP_EN)}|{UP_ZH}"), ("decrease", f"{en(DOWN_EN)}|{DOWN_ZH}"))
