"""Events of an SEC 8-K: each item heading ("Item 5.02", "ITEM 2.02.", legacy "Item 5. Other Events")
gives its item's event, read from the item's sentences (and, for results, from the EX-99 press release).

- 5.02 -> personnel_change (person, role, company; resignation / appointment / election / retirement /
  dismissal from the sentence's verb), one per sentence that says a change.
- 2.02 -> financial_report (results) whose amount and change are the press release's revenue (else net
  income) figure; the figures also as revenue / profit_loss events when the rules found none.
- 1.01 -> deal (contract) with the counterparty when one is named; 2.01 -> merger_acquisition
  (acquisition, or divestiture for a disposition).
- 5.07 -> personnel_change (election) for directors elected, every elected director a ``person``
  argument; the other matters voted on (say-on-pay, auditors, proposals) have no type of their own and
  give no event.
- 8.01, 7.01 and legacy items -> the events the rules find in the item's text (nothing added).

Events the rules found stay (one for the same item is not made twice; a 5.02 event missing its person
or role gets them from its sentence); an event whose trigger lies inside an item heading ("Item 5.02
Departure of Directors ...") is dropped: the heading names the item, whose event comes from its text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..parse.sec import LEGACY_ITEMS, item_sections
from .events import MODEL_CONFIDENCE, Event, argument_of
from .rules import EVENT_ROLES
from .sentiment import PolarityAt
from .spans import Entity, in_span

_FORM_8K = re.compile(r"FORM\s*8-K|CURRENT\s+REPORT", re.I)
_EXHIBIT_LINE = re.compile(r"^EX-99(?:\.\w+)*$", re.M | re.I)
_REGISTRANT = re.compile(r"^(.{2,120})\n\(?\s*Exact name of (?:the )?registrant", re.I | re.M)
_REGISTRANT_REF = re.compile(r"\b(?:the )?(?:Registrant|Company)\b")

_PERSONNEL = re.compile(
    r"\b(?:resign(?:s|ed|ation)?|step(?:s|ped)? down|stepping down|retire(?:s|d|ment)?|"
    r"not (?:to )?stand for re-?election|will not seek re-?election|depart(?:s|ed|ure)|"
    r"appoint(?:s|ed|ment)?|named|elect(?:s|ed|ion)?|promot(?:ed|ion)|hired|succeed(?:s|ed)?|"
    r"terminat(?:e|ed|ion) (?:of )?(?:his|her) (?:employment|service)|"
    r"(?:his|her) (?:employment|service) .{0,60}?will terminate|remov(?:ed|al)|became|transitioned|"
    r"(?:will|to) serve as|join(?:s|ed)? (?:the Company|the Board|as))\b", re.I)
_PERSONNEL_SUBTYPES = (("resignation", r"resign|step|stand for|seek re|depart|terminat"),
                       ("retirement", r"retire"), ("dismissal", r"remov"),
                       ("election", r"elect"),
                       ("appointment", r"appoint|named|promot|hired|succeed|became|transition|serve|join"))
_RESULTS = re.compile(r"\b(?:announc\w*|report(?:ed|ing)|issued|released|furnish\w*|press release)\b", re.I)
_REVENUE = re.compile(r"\b(?:(?:total |net |operating )?revenues?|net sales|total sales)\b", re.I)
_PROFIT = re.compile(r"\b(?:net (?:income|earnings|loss)|earnings per (?:diluted )?share|diluted earnings|"
                     r"(?:diluted )?EPS|net profit|operating (?:income|loss))\b", re.I)
_UP = re.compile(r"\b(?:up|increas\w*|rose|grew|growth|higher|gain\w*|improv\w*)\b", re.I)
_DOWN = re.compile(r"\b(?:down|decreas\w*|declin\w*|fell|lower|drop\w*)\b", re.I)
_DEAL = re.compile(r"\b(?:entered into|agreement|contract|amend(?:ed|ment)|signed)\b", re.I)
_MA = re.compile(r"\b(?:acqui\w+|merg(?:er|ed)|complet\w+|purchas\w+|s[oe]ld|sale|disposi\w+|divest\w*)\b",
                 re.I)
_DISPOSAL = re.compile(r"\b(?:s[oe]ld|sale of|disposi\w+|divest\w*)\b", re.I)
_OTHER_MATTER = re.compile(r"\b(?:ratif\w+|advisory|say.on.pay|Proposal (?:No\. ?)?[2-9]|"
                           r"accounting firm|SIGNATURES?)\b", re.I)
_ELECTED = re.compile(r"\b(?:elect(?:ed|ion)|re-?elect(?:ed|ion))\b", re.I)


@dataclass
class _Filing:
    """What the item handlers read: the text, its sentences and entities, and the registrant."""

    text: str
    sentences: list[tuple[int, int]]
    entities: list[Entity]
    polarity_at: PolarityAt
    registrant: Entity | None
    exhibits: int  # where the first EX-99 exhibit starts (len(text) when none)

    def __post_init__(self) -> None:
        self.starts = [s for s, _ in self.sentences]
        self.entity_starts = [e.start for e in self.entities]

    def sentence_of(self, position: int) -> int:
        return max(0, bisect_right(self.starts, position) - 1)

    def sentences_in(self, start: int, end: int) -> list[int]:
        return list(range(bisect_left(self.starts, start), bisect_left(self.starts, end)))

    def entities_in(self, start: int, end: int) -> list[Entity]:
        return in_span(self.entities, self.entity_starts, start, end)

    def make(self, event_type: str, subtype: str, trigger: tuple[int, int], sentence: int,
             among: list[Entity], *, polarity: str = "neutral", modality: str = "asserted") -> Event:
        start, end = trigger
        event = Event(type=event_type, subtype=subtype,
                      trigger=Entity(start, end, "TRIGGER", self.text[start:end]), sentence=sentence)
        event.arguments = _arguments(event_type, among, start)
        roles = {a["role"] for a in event.arguments}
        company_role = "acquirer" if event_type == "merger_acquisition" else "company"
        if company_role in EVENT_ROLES[event_type] and company_role not in roles and self.registrant:
            event.arguments.append(argument_of(company_role, self.registrant))
        event.date = next((str(a["normalized"]["value"]) for a in event.arguments
                           if a["role"] == "date" and a.get("normalized", {}).get("granularity") == "day"),
                          None)
        event.polarity, event.modality = polarity, modality
        event.confidence = 0.8
        return event


def _arguments(event_type: str, entities: list[Entity], position: int) -> list[dict[str, Any]]:
    arguments, used = [], set()
    for role, labels in EVENT_ROLES[event_type].items():
        candidates = [e for e in entities if e.label in labels and id(e) not in used]
        if role == "date":
            candidates = [e for e in candidates if e.normalized.get("granularity") == "day"] or candidates
        elif role == "period":  # a quarter or a year, not the day of the announcement
            candidates = [e for e in candidates if e.normalized.get("granularity") != "day"]
        if not candidates:
            continue
        chosen = min(candidates, key=lambda e: (labels.index(e.label), abs(e.start - position)))
        used.add(id(chosen))
        arguments.append(argument_of(role, chosen))
    return arguments


def _registrant(text: str, entities: list[Entity]) -> Entity | None:
    """The registrant's name on the cover page ("... (Exact name of registrant as specified in its
    charter)"), as its COMPANY entity when the taggers found one there."""
    match = _REGISTRANT.search(text[:20000])
    if match is None:
        return None
    start, end = match.span(1)
    for entity in entities:
        if entity.label == "COMPANY" and start <= entity.start < end:
            return entity
    name = match.group(1).strip()
    offset = text.index(name, start)
    return Entity(offset, offset + len(name), "COMPANY", name)


def _sentence_entities(filing: _Filing, index: int) -> list[Entity]:
    start, end = filing.sentences[index]
    return filing.entities_in(start, end)


def _in(event: Event, start: int, end: int) -> bool:
    return start <= event.trigger.start < end


def _personnel(filing: _Filing, section: tuple[int, int], events: list[Event]) -> list[Event]:
    start, end = section
    found = [e for e in events if e.type == "personnel_change" and _in(e, start, end)]
    for event in found:  # the rules' events of the item: complete their person and role
        roles = {a["role"] for a in event.arguments}
        among = _sentence_entities(filing, event.sentence)
        for role in ("person", "role", "company"):
            if role not in roles:
                extra = _arguments("personnel_change", [e for e in among if e.label in
                                                         EVENT_ROLES["personnel_change"][role]], event.trigger.start)
                event.arguments.extend(a for a in extra if a["role"] == role)
        if "company" not in roles and filing.registrant and not any(a["role"] == "company" for a in event.arguments):
            event.arguments.append(argument_of("company", filing.registrant))
    covered = {(e.sentence, e.subtype) for e in found}
    made: list[Event] = []
    for index in filing.sentences_in(start, end):
        s, e = filing.sentences[index]
        among = filing.entities_in(s, e)
        if not any(x.label == "PERSON" for x in among):
            continue
        for match in _PERSONNEL.finditer(filing.text, s, e):
            subtype = next(name for name, pattern in _PERSONNEL_SUBTYPES
                           if re.search(pattern, match.group(), re.I)) \
                if any(re.search(p, match.group(), re.I) for _, p in _PERSONNEL_SUBTYPES) else "appointment"
            if (index, subtype) in covered or any(x.start <= match.start() < x.end for x in among):
                continue
            covered.add((index, subtype))
            before = filing.text[max(s, match.start() - 80):match.start()]
            modality = "expected" if re.search(r"\b(?:will|to be|shall|plans? to|intends? to)\b", before, re.I) \
                else "asserted"
            made.append(filing.make("personnel_change", subtype, match.span(), index, among, modality=modality))
    return made


def _figures(filing: _Filing, events: list[Event]) -> tuple[list[Event], dict[str, Any] | None,
                                                             dict[str, Any] | None]:
    """Revenue and profit events of the press release (the rules', else made here), and the amount
    and change of the headline figure (revenue first) for the results event."""
    start, end = filing.exhibits, len(filing.text)
    ruled = [e for e in events if e.type in ("revenue", "profit_loss") and _in(e, start, end)]
    made: list[Event] = []
    for event_type, cue in (("revenue", _REVENUE), ("profit_loss", _PROFIT)):
        if any(e.type == event_type for e in ruled):
            continue
        for index in filing.sentences_in(start, end):
            s, e = filing.sentences[index]
            match = cue.search(filing.text, s, e)
            if match is None:
                continue
            among = [x for x in filing.entities_in(s, e) if x.start >= match.start() - 40]
            if not any(x.label == "MONEY" for x in among):
                continue
            window = filing.text[match.end():min(e, match.end() + 200)]
            if event_type == "profit_loss" and re.search(r"loss", match.group(), re.I):
                subtype = "loss"
            elif _UP.search(window):
                subtype = "increase"
            elif _DOWN.search(window):
                subtype = "decrease"
            else:
                subtype = "increase" if event_type == "revenue" else "increase"
                change = next((x for x in among if x.label == "PERCENT"), None)
                if change is None:
                    continue  # a bare figure: no direction to give the event
                if (change.normalized.get("value") or 0) < 0:
                    subtype = "decrease"
            made.append(filing.make(event_type, subtype, match.span(), index, among,
                                    polarity="negative" if subtype in ("decrease", "loss") else "positive"))
            break
    headline: dict[str, Any] | None = None
    change: dict[str, Any] | None = None
    for event_type in ("revenue", "profit_loss"):
        for event in sorted(ruled + made, key=lambda x: x.trigger.start):
            if event.type != event_type:
                continue
            amount = next((a for a in event.arguments if a["role"] == "amount"), None)
            if amount:
                headline = amount
                change = next((a for a in event.arguments if a["role"] == "change"), None)
                break
        if headline:
            break
    return made, headline, change


def _results(filing: _Filing, section: tuple[int, int], events: list[Event]) -> list[Event]:
    start, end = section
    made, amount, change = _figures(filing, events)
    found = [e for e in events if e.type == "financial_report" and _in(e, start, end)]
    if found:
        report = found[0]
    else:
        indices = filing.sentences_in(start, end)
        if not indices:
            return made
        trigger = None
        for index in indices:
            s, e = filing.sentences[index]
            trigger = _RESULTS.search(filing.text, s, e)
            if trigger:
                break
        if trigger is None:
            index = indices[0]
            s, e = filing.sentences[index]
            trigger = re.search(r"\S+", filing.text[s:e])
            span = (s + trigger.start(), s + trigger.end()) if trigger else (s, e)
        else:
            span = trigger.span()
        among = [x for x in _sentence_entities(filing, index) if x.label not in ("MONEY", "PERCENT")]
        report = filing.make("financial_report", "results", span, index, among,
                             polarity=filing.polarity_at(span[0]).label)
        made.append(report)
    roles = {a["role"] for a in report.arguments}
    if amount and "amount" not in roles:
        report.arguments.append({**amount, "role": "amount"})
        if change and "change" not in roles:
            report.arguments.append({**change, "role": "change"})
    return made


def _first_match(filing: _Filing, section: tuple[int, int],
                 pattern: re.Pattern[str]) -> tuple[int, re.Match[str]] | None:
    for index in filing.sentences_in(*section):
        s, e = filing.sentences[index]
        match = pattern.search(filing.text, s, e)
        if match:
            return index, match
    return None


def _others(filing: _Filing, among: list[Entity]) -> list[Entity]:
    """Entities that are not the registrant (a counterparty or a target is someone else)."""
    if filing.registrant is None:
        return among
    name = filing.registrant.text.lower().split(",")[0].split(" inc")[0]
    return [e for e in among if not (e.label == "COMPANY" and name and name in e.text.lower())]


def _is_registrant(filing: _Filing, text: str) -> bool:
    return bool(filing.registrant) and not _others(filing, [Entity(0, 0, "COMPANY", text)])


def _deal(filing: _Filing, section: tuple[int, int], events: list[Event]) -> list[Event]:
    ruled = [e for e in events if e.type == "deal" and _in(e, *section)]
    for event in ruled:  # the registrant is the company, the other party the counterparty
        roles = {a["role"]: a for a in event.arguments}
        if "company" in roles and "counterparty" in roles and _is_registrant(filing, roles["counterparty"]["text"]) \
                and not _is_registrant(filing, roles["company"]["text"]):
            roles["company"]["role"], roles["counterparty"]["role"] = "counterparty", "company"
    if ruled:
        return []
    found = _first_match(filing, section, _DEAL)
    if found is None:
        return []
    index, match = found
    return [filing.make("deal", "contract", match.span(), index, _others(filing, _sentence_entities(filing, index)))]


def _acquisition(filing: _Filing, section: tuple[int, int], events: list[Event]) -> list[Event]:
    found_events = [e for e in events if e.type == "merger_acquisition" and _in(e, *section)]
    if found_events:
        return []
    found = _first_match(filing, section, _MA)
    if found is None:
        return []
    index, match = found
    s, e = filing.sentences[index]
    subtype = "divestiture" if _DISPOSAL.search(filing.text, s, e) and not re.search(
        r"acqui", filing.text[s:e], re.I) else "acquisition"
    among = _others(filing, _sentence_entities(filing, index))
    event = filing.make("merger_acquisition", subtype, match.span(), index,
                        [e for e in among if e.label != "ORG" and e.label != "PERSON"])
    for argument in event.arguments:  # the other company is the target; the registrant buys or sells
        if argument["role"] == "acquirer" and filing.registrant and argument["text"] != filing.registrant.text:
            argument["role"] = "target"
    if not any(a["role"] == "acquirer" for a in event.arguments) and filing.registrant:
        event.arguments.append(argument_of("seller" if subtype == "divestiture" else "acquirer", filing.registrant))
    return [event]


def _vote(filing: _Filing, section: tuple[int, int], events: list[Event]) -> list[Event]:
    found = _first_match(filing, section, _ELECTED)
    if found is None:
        return []
    index, match = found
    for event in [e for e in events if e.type == "personnel_change" and _in(e, *section)]:
        s, e = filing.sentences[event.sentence]
        if _OTHER_MATTER.search(filing.text, s, e) and not _ELECTED.search(filing.text, s, e):
            events.remove(event)  # "ratified the appointment of the auditors" is a vote, not a change
    existing = [e for e in events if e.type == "personnel_change" and e.subtype == "election" and _in(e, *section)]
    stop = _OTHER_MATTER.search(filing.text, match.end(), section[1])
    people = [e for e in filing.entities_in(filing.sentences[index][0], stop.start() if stop else section[1])
              if e.label == "PERSON"]
    if existing:
        event = existing[0]
        made: list[Event] = []
    else:
        event = filing.make("personnel_change", "election", match.span(), index, _sentence_entities(filing, index))
        made = [event]
    named = {a["text"].strip() for a in event.arguments if a["role"] == "person"}
    for person in people[:30]:
        if person.text.strip() not in named:
            event.arguments.append(argument_of("person", person))
            named.add(person.text.strip())
    return made


_HANDLERS: dict[str, Callable[[_Filing, tuple[int, int], list[Event]], list[Event]]] = {
    "5.02": _personnel, "2.02": _results, "1.01": _deal, "2.01": _acquisition, "5.07": _vote,
}


def modern_item(code: str) -> str:
    """The present item number of an item ("5" of a legacy 8-K is 8.01)."""
    return code if "." in code else LEGACY_ITEMS.get(code, code)


def is_filing(text: str) -> bool:
    return bool(_FORM_8K.search(text[:5000]))


def filing_events(text: str, sentences: list[tuple[int, int]], entities: list[Entity], lang: str,
                  events: list[Event], polarity_at: PolarityAt) -> list[Event]:
    """``events`` (the rules') with those of the 8-K's items added; other texts are left as they are."""
    if lang != "en" or not is_filing(text):
        return events
    sections = item_sections(text)
    if not sections:
        return events
    headings = [(start, end) for _, start, end, _ in sections]
    outside_headings = [e for e in events if not any(s <= e.trigger.start < h for s, h in headings)]
    # the items' handlers defer to what the rules found in an item, not to the type model's guesses
    kept = [e for e in outside_headings if e.confidence != MODEL_CONFIDENCE]
    guessed = [e for e in outside_headings if e.confidence == MODEL_CONFIDENCE]
    exhibit = _EXHIBIT_LINE.search(text)
    filing = _Filing(text, sentences, entities, polarity_at, _registrant(text, entities),
                     exhibit.start() if exhibit else len(text))
    done: set[str] = set()
    for code, _, heading_end, stop in sections:
        item = modern_item(code)
        handler = _HANDLERS.get(item)
        if handler is None or item in done or not filing.sentences_in(heading_end, stop):
            continue
        done.add(item)
        kept.extend(handler(filing, (heading_end, stop), kept))
    read = {e.type for e in kept}
    kept += [e for e in guessed if e.type not in read]  # the items' reading stands
    kept.sort(key=lambda e: (e.sentence, e.trigger.start))
    return kept
