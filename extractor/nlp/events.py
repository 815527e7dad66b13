"""Events from sentences: trigger rules (``rules/``) over the tagged entities, with role-named
arguments, date, polarity, modality and confidence (Contract 1).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

from .rules import EVENT_ROLES, RULES, Rule
from .sentiment import label_of
from .spans import Entity, in_span

_NEGATED = {"en": re.compile(r"\b(?:not|no|never|didn't|did not|won't|will not|denied|denies|without|"
                             r"neither|nor|dropped (?:a|its|the) plans?|scrapped|called off|abandoned)\b"
                             r"[^.;]{0,40}$", re.I),
            "zh": re.compile(r"(?:未|不|没有|否认|并未|尚未|无)[\u3400-\u9fff]{0,4}$")}
_HYPOTHETICAL = {"en": re.compile(r"\b(?:may|might|could|if|possibly|potentially|considering|"
                                  r"consider|mulls?|mulling|rumou?red)\b", re.I),
                 "zh": re.compile(r"可能|若|如果|或将|考虑|传闻")}
_EXPECTED = {"en": re.compile(r"\b(?:will|would|shall|expects?|expected|plans?|planned|planning|"
                              r"intends?|aims?|forecasts?|predicts?|projected|proposed|to be|"
                              r"is set to|are set to|likely|outlook|guidance)\b", re.I),
             # 将 is "will", except as the object marker of 将其持有的…质押给
             "zh": re.compile(r"拟|预计|计划|将(?!其|所持|持有)|有望|预期|预测|准备")}
_INHERENTLY_EXPECTED = {"earnings_forecast"}
# "agreed to buy" is a deal still to close; "agreed to pay ... to settle" and "agreed to supply" are the
# settlement and the contract themselves.
_AGREED = re.compile(r"\b(?:agreed|agrees|agreeing) to\b|\bdefinitive agreement\b", re.I)
_AGREEMENT_IS_THE_EVENT = {"legal", "deal"}
CONTEXT = 300  # characters around a trigger where its arguments and cues are looked for
_SEGMENTED_LABELS = {"COMMODITY", "PRICE", "PERCENT", "MONEY"}
_POLAR = {"increase": "positive", "decrease": "negative"}


@dataclass
class Mention:
    trigger: Entity
    sentence: int
    arguments: list[dict[str, Any]]


@dataclass
class Event:
    type: str
    subtype: str
    trigger: Entity
    sentence: int
    arguments: list[dict[str, Any]] = field(default_factory=list)
    date: str | None = None
    polarity: str = "neutral"
    modality: str = "asserted"
    confidence: float = 0.5
    # Every place where the document speaks of this event, the first one included: a happening
    # mentioned in several sentences is one event (event_merge.py).
    mentions: list[Mention] = field(default_factory=list)

    def mention(self) -> Mention:
        """This event as a mention of its own: its trigger, sentence and arguments."""
        return Mention(self.trigger, self.sentence, list(self.arguments))


def _modality(before: str, lang: str, event_type: str) -> str:
    if _NEGATED[lang].search(before):
        return "negated"
    if _HYPOTHETICAL[lang].search(before):
        return "hypothetical"
    if _EXPECTED[lang].search(before) or event_type in _INHERENTLY_EXPECTED:
        return "expected"
    if event_type not in _AGREEMENT_IS_THE_EVENT and _AGREED.search(before):
        return "expected"
    return "asserted"


def _subtype(rule: Rule, trigger: str, sentence: str) -> str:
    for text in (trigger, sentence):
        for subtype, pattern in rule.subtypes:
            if re.search(pattern, text):
                return subtype
    return rule.default_subtype


def _argument(role: str, entity: Entity) -> dict[str, Any]:
    argument: dict[str, Any] = {"role": role, "text": entity.text, "start": entity.start,
                                "end": entity.end}
    if entity.normalized:
        argument["normalized"] = entity.normalized
    return argument


# Where a role's entity usually stands: the one who acts before the trigger ("Caterpillar agreed to
# acquire Helix", "天齐锂业收涨6%"), the one acted on and the figures after it.
BEFORE_TRIGGER = frozenset({"company", "acquirer", "seller", "holder", "security", "issuer", "analyst", "source"})
AFTER_TRIGGER = frozenset({"target", "counterparty", "pledgee", "lender", "change"})
# Roles only some organisations fill.
_ROLE_WORDS = {"court": re.compile(r"法院|仲裁|[Cc]ourt|[Tt]ribunal|[Aa]rbitrat")}
# A ticker written beside a name ("Boeing Co (BA.N)"): the name is the better argument.
_TICKER_LIKE = re.compile(r"^(?:\$?[A-Z]{1,5}(?:\.[A-Z]{1,2})?|\d{4,6}(?:\.[A-Z]{2})?|[A-Z]{2,6}:\s?\w+)$")


def _wrong_side(role: str, entity: Entity, trigger: Entity) -> bool:
    if role in BEFORE_TRIGGER:
        return entity.start >= trigger.end
    if role in AFTER_TRIGGER:
        return entity.end <= trigger.start
    return False


def _arguments(event_type: str, entities: list[Entity], trigger: Entity) -> list[dict[str, Any]]:
    """Fill each role with the sentence's entity of a matching label nearest the trigger, on the
    side of the trigger where the role usually stands, a name before a ticker."""
    arguments, used, used_companies = [], set(), set()
    for role, labels in EVENT_ROLES[event_type].items():
        candidates = [e for e in entities if e.label in labels and id(e) not in used
                      and e.normalized.get("id") not in used_companies
                      and (role not in _ROLE_WORDS or _ROLE_WORDS[role].search(e.text))]
        if not candidates:
            continue
        chosen = min(candidates, key=lambda e: (labels.index(e.label), _vague(e),
                                                e.label == "COMPANY" and bool(_TICKER_LIKE.match(e.text)),
                                                _wrong_side(role, e, trigger), abs(e.start - trigger.start)))
        used.add(id(chosen))
        if chosen.normalized.get("id"):
            used_companies.add(chosen.normalized["id"])  # its ticker or "the company" fills no other role
        arguments.append(_argument(role, chosen))
    return arguments


def _vague(entity: Entity) -> bool:
    """Dates without a day (years, "the previous year") are second choice for an event's date."""
    return entity.label == "DATE" and entity.normalized.get("granularity") != "day"


def _date(arguments: list[dict[str, Any]]) -> str | None:
    for argument in arguments:
        if argument["role"] in ("date", "effective", "period"):
            value = argument.get("normalized", {}).get("value")
            if value:
                return str(value)
    return None


def _segments(rule: Rule, entities: list[Entity], sentence_end: int) -> list[tuple[int, int]]:
    """Commodity prices: one event per commodity, from it to the next commodity, where a price or
    a change follows it; other types: the whole sentence (-1 marks it)."""
    if rule.type != "commodity_price":
        return [(-1, sentence_end)]
    segments: list[tuple[int, int]] = []
    start, priced = None, False
    for entity in entities:
        if entity.label == "COMMODITY":
            if start is not None and priced:
                segments.append((start, entity.start))
            start, priced = entity.start, False
        elif entity.label in ("PRICE", "PERCENT") and start is not None:
            priced = True
    if start is not None and priced:
        segments.append((start, sentence_end))
    return segments


def _paragraph_date(newlines: list[int], dates: list[Entity], date_starts: list[int],
                    position: int) -> str | None:
    """The latest full date earlier in the same paragraph ("As of 16 January ... Alloy prices
    followed suit"): a second sentence about the same moment rarely repeats the date."""
    line = bisect_left(newlines, position)
    paragraph_start = newlines[line - 1] + 1 if line else 0
    for entity in reversed(dates[bisect_left(date_starts, paragraph_start):bisect_left(date_starts, position)]):
        if not _vague(entity) and entity.normalized.get("value"):
            return str(entity.normalized["value"])
    return None


class _Document:
    """What every rule reads about one document, indexed once for bisection."""

    def __init__(self, text: str, entities: list[Entity], lang: str) -> None:
        self.text, self.entities, self.lang = text, entities, lang
        self.starts = [e.start for e in entities]
        dates = [e for e in entities if e.label == "DATE"]
        self.dates = (dates, [e.start for e in dates])
        self.newlines = [m.start() for m in re.finditer("\n", text)]

    def near(self, position: int, scope: tuple[int, int]) -> list[Entity]:
        """The entities within scope and within CONTEXT characters of ``position``."""
        return in_span(self.entities, self.starts, max(scope[0], position - CONTEXT),
                       min(scope[1], position + CONTEXT))

    def inside_name(self, position: int) -> bool:
        """Whether ``position`` falls inside a name ("price" in "price adjustment policy" is not
        a trigger of its own; a word inside a percentage, role or policy still is)."""
        i = bisect_right(self.starts, position) - 1
        return i >= 0 and self.entities[i].end > position and \
            self.entities[i].label not in ("PERCENT", "ROLE", "POLICY")


def _event(rule: Rule, subtype: str, match: re.Match[str], sentence: int, arguments_from: list[Entity],
           doc: _Document, sentence_start: int, sentiment: float) -> Event:
    trigger = Entity(match.start(), match.end(), "TRIGGER", match.group())
    event = Event(rule.type, subtype, trigger, sentence)
    event.arguments = _arguments(rule.type, arguments_from, trigger)
    event.date = _date(event.arguments) or _paragraph_date(doc.newlines, *doc.dates, trigger.start)
    event.modality = _modality(doc.text[max(sentence_start, match.start() - CONTEXT):match.start()],
                               doc.lang, rule.type)
    event.polarity = _POLAR.get(subtype) or label_of(sentiment)
    filled = {a["role"] for a in event.arguments}
    if rule.core:
        event.confidence = round(0.5 + 0.4 * sum(r in filled for r in rule.core) / len(rule.core), 2)
    return event


def find_events(text: str, sentences: list[tuple[int, int]], entities: list[Entity], lang: str,
                sentence_scores: list[float]) -> list[Event]:
    """Events of every rule in every sentence; ``sentences`` are (start, end) offsets.

    Arguments, subtype and modality are read within CONTEXT characters of the trigger, so a
    "sentence" of a whole flattened table costs no more per event than a short one.
    """
    doc = _Document(text, entities, lang)
    events: list[Event] = []
    for index, (start, end) in enumerate(sentences):
        sentence = text[start:end]
        inside = in_span(entities, doc.starts, start, end)
        labels = {e.label for e in inside}
        for rule in RULES:
            if not all(labels & required for required in rule.requires):
                continue
            if rule.context and not re.search(rule.context, sentence):
                continue
            if rule.exclude and re.search(rule.exclude, sentence):
                continue
            if lang not in rule.patterns:
                continue
            for seg_start, seg_end in _segments(rule, inside, end):
                scope_start = max(start, seg_start)
                matches = [m for m in rule.patterns[lang].finditer(text, scope_start, seg_end)
                           if not doc.inside_name(m.start())]
                seen_subtypes: set[str] = set()
                for i, match in enumerate(matches):
                    window = text[max(start, match.start() - CONTEXT):min(end, match.end() + CONTEXT)]
                    subtype = _subtype(rule, match.group(), window)
                    if rule.per_trigger:
                        # each trigger its own event, with the arguments between its neighbours
                        # (dates stay shared: "7月21日，A收涨6%，B上涨4%")
                        low = matches[i - 1].end() if i else start
                        high = matches[i + 1].start() if i + 1 < len(matches) else end
                        candidates = [e for e in doc.near(match.start(), (start, end))
                                      if low <= e.start < high or e.label == "DATE"]
                    elif subtype in seen_subtypes:
                        continue
                    else:
                        seen_subtypes.add(subtype)
                        candidates = [e for e in doc.near(match.start(), (start, end))
                                      if seg_start < 0 or scope_start <= e.start < seg_end
                                      or e.label not in _SEGMENTED_LABELS]
                    events.append(_event(rule, subtype, match, index, candidates, doc, start,
                                         sentence_scores[index]))
    return events
