"""One happening, one event: mentions of the same event in several sentences of a document become
one record with all its mentions ("ANZ cut its price ... The adjustment takes effect on Monday").

Two events are the same when they have the same type and modality, the same subtype (or one of them
does not say which), they are about the same thing (every "who or what" role that both fill names the
same company, commodity, index, person or policy), no figure that both give differs (amounts,
changes, prices, shares, stakes), they share a subject or a figure (or, for the transactions of a
shareholder announcement, one of them names nothing), and their days do not disagree.
Within one sentence, only a happening told twice is merged (the same subtype and subject: "申请辞去董事
职务，辞职后…"): a sentence that names two happenings of one kind means two events.
"""

from __future__ import annotations

import re
from typing import Any

from .events import FIGURE_ROLES, Event

# Roles that say who or what an event is about.
SUBJECT_ROLES = frozenset({"company", "issuer", "security", "commodity", "holder", "acquirer", "target", "seller",
                           "person", "policy", "counterparty", "indicator", "goods", "analyst"})
_DAY = re.compile(r"\d{4}-\d\d-\d\d$")
UNSAID = "other"  # the subtype of a mention that does not say which kind ("the price adjustment")
# How many earlier events of a type a new one is compared with: keeps a document's merging linear in
# its length however many events a long table yields.
RECENT = 20
# The engine's figure roles, and the words that size an event as a figure does ("2-for-1", "buy").
FIGURES = FIGURE_ROLES | {"ratio", "rating"}
ANNOUNCED_TYPES = frozenset({"equity_pledge", "equity_freeze", "shareholding_change", "share_repurchase"})


def _identity(argument: dict[str, Any]) -> str:
    """What an argument names: the linked company, the normalised value, else the name (a short name
    defined for an unlisted company stands for its full name) or the words."""
    normalized = argument.get("normalized") or {}
    if normalized.get("id"):
        return str(normalized["id"])
    if "value" in normalized:
        return repr((normalized.get("value"), normalized.get("high"), normalized.get("currency"),
                     normalized.get("per_unit"), normalized.get("unit")))
    return (normalized.get("name") or argument["text"]).lower()


def _roles(event: Event, roles: frozenset[str]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for argument in event.arguments:
        if argument["role"] in roles:
            found.setdefault(argument["role"], set()).add(_identity(argument))
    return found


def _day(event: Event) -> str | None:
    """The day an event's own words give it (not a date borrowed from its paragraph; periods differ in
    how they are named: "the December quarter", "fiscal 2024 Q1")."""
    for argument in event.arguments:
        value = str((argument.get("normalized") or {}).get("value", ""))
        if argument["role"] == "date" and _DAY.match(value):
            return value
    return None


def same_event(first: Event, second: Event) -> bool:
    if (first.type, first.modality) != (second.type, second.modality):
        return False
    if first.subtype != second.subtype and UNSAID not in (first.subtype, second.subtype):
        return False
    first_day, second_day = _day(first), _day(second)
    if first_day and second_day and first_day != second_day:
        return False
    subjects_a, subjects_b = _roles(first, SUBJECT_ROLES), _roles(second, SUBJECT_ROLES)
    shared_subjects = subjects_a.keys() & subjects_b.keys()
    if any(not subjects_a[r] & subjects_b[r] for r in shared_subjects):
        return False
    figures_a, figures_b = _roles(first, FIGURES), _roles(second, FIGURES)
    shared_figures = figures_a.keys() & figures_b.keys()
    if any(figures_a[r] != figures_b[r] for r in shared_figures):
        return False
    # in a shareholder announcement, a mention that names nothing (its title's 关于股东减持股份的公告,
    # 本次减持未违反…) is the announcement's transaction told again
    bare = first.type in ANNOUNCED_TYPES and (not (subjects_a or figures_a) or not (subjects_b or figures_b))
    return bool(shared_subjects) or bool(shared_figures) or bare


def _told_again(first: Event, second: Event) -> bool:
    """Whether one sentence tells the same happening twice ("申请辞去董事职务，辞职后…"): the same
    subtype and the same subject, not merely a shared figure."""
    subjects_a, subjects_b = _roles(first, SUBJECT_ROLES), _roles(second, SUBJECT_ROLES)
    return first.subtype == second.subtype and any(subjects_a[r] & subjects_b[r]
                                                   for r in subjects_a.keys() & subjects_b.keys())


def _absorb(event: Event, other: Event) -> None:
    """``event`` takes ``other``'s mention, the roles it lacks, its date if it has none, and the
    higher confidence."""
    event.mentions.append(other.mention())
    filled = {a["role"] for a in event.arguments}
    event.arguments += [a for a in other.arguments if a["role"] not in filled]
    event.date = event.date or other.date
    if event.subtype == UNSAID:
        event.subtype = other.subtype
    event.confidence = max(event.confidence, other.confidence)


def merge_mentions(events: list[Event]) -> list[Event]:
    """Events in document order, each later mention of an earlier event folded into it; every event
    lists its mentions (itself first)."""
    merged: list[Event] = []
    by_type: dict[str, list[Event]] = {}
    told_in: dict[int, set[int]] = {}  # the sentences of each event's mentions
    seen: set[tuple] = set()
    for event in sorted(events, key=lambda e: e.trigger.start):
        key = (event.type, event.subtype, event.trigger.start, event.trigger.end,
               tuple((a["role"], a["start"]) for a in event.arguments))
        if key in seen:
            continue  # two rules that found the very same event: once (and one id in the store)
        seen.add(key)
        candidates = by_type.setdefault(event.type, [])
        target = next((c for c in reversed(candidates[-RECENT:]) if same_event(c, event)
                       and (event.sentence not in told_in[id(c)] or _told_again(c, event))), None)
        if target is None:
            event.mentions = [event.mention()]
            told_in[id(event)] = {event.sentence}
            candidates.append(event)
            merged.append(event)
        else:
            _absorb(target, event)
            told_in[id(target)].add(event.sentence)
    return merged
