"""Events from sentences: trigger rules (``rules/``) over the tagged entities, with role-named
arguments, date, polarity, modality and confidence (Contract 1).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

from .event_types import EventTypeModel
from .rules import EVENT_ROLES, EVENT_SCHEMA, RULES, Rule
from .rules.base import DOWN_EN, DOWN_ZH, UP_EN, UP_ZH
from .sentiment import PolarityAt
from .spans import Entity, in_span

_NEGATED = {"en": re.compile(r"\b(?:not|no|never|didn't|did not|won't|will not|denied|denies|without|"
                             r"neither|nor|dropped (?:a|its|the) plans?|scrapped|called off|abandoned)\b"
                             r"[^.;]{0,40}$", re.I),
            # and through a list: 不存在质押或冻结, 未发生质押、冻结
            "zh": re.compile(r"(?:未|不|没有|否认|并未|尚未|无)(?:[\u3400-\u9fff]{0,4}[或及和、]){0,2}"
                             r"[\u3400-\u9fff]{0,4}$")}
# "may" in lower case only: "sales for May rose" is no hypothesis
_HYPOTHETICAL = {"en": re.compile(r"\bmay\b|\b(?i:might|could|if|possibly|potentially|considering|"
                                  r"consider|mulls?|mulling|rumou?red)\b"),
                 "zh": re.compile(r"可能|若|如果|或将|考虑|传闻")}
_EXPECTED = {"en": re.compile(r"\b(?:will|would|shall|expects?|expected|plans?|planned|planning|"
                              r"intends?|aims?|forecasts?|predicts?|projected|proposed|to be|"
                              r"is set to|are set to|likely|outlook|guidance|sees|seeks? to|scheduled|ahead of|"
                              r"due to)\b", re.I),
             # 将 is "will", except as the object marker of 将其持有的…质押给, 将原质押的… and of a done deed
             # (将上述股份办理了…)
             "zh": re.compile(r"拟|预计|计划|将(?!其|所持|持有|原|上述|前述)(?![^，。；]*?了)|有望|预期|预测|"
                              r"准备|筹划|预案|规划")}
_INHERENTLY_EXPECTED = {"earnings_forecast"}
# "agreed to buy" is a deal still to close; "agreed to pay ... to settle" and "agreed to supply" are the
# settlement and the contract themselves.
_AGREED = re.compile(r"\b(?:agreed|agrees|agreeing) to\b|\bdefinitive agreement\b", re.I)
_AGREEMENT_IS_THE_EVENT = {"legal", "deal"}
CONTEXT = 300  # characters around a trigger where its arguments and cues are looked for
_SEGMENTED_LABELS = {"COMMODITY", "PRICE", "PERCENT", "MONEY"}
_FIGURE_LABELS = {"PRICE", "PERCENT", "MONEY", "QUANTITY"}
_POLAR = {"increase": "positive", "decrease": "negative"}
_NAME_LABELS = {"PERSON", "COMPANY", "ORG"}


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


# Where a clause starts: cues of modality and figures of one happening do not cross it ("tariffs would
# add to costs, while freight expenses rose"; "营收增长8.3%；净利润下降5.2%").
CLAUSE_BREAK = re.compile(r"[;；]|,\s+(?:while|whereas|but|although|though)\b|，(?:但|而|同时)", re.I)


def _clause_start(text: str, start: int, position: int) -> int:
    """Where the clause holding ``position`` starts, no earlier than ``start``."""
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(text, start, position)]
    return breaks[-1] if breaks else start


# Where the next happening of a sentence starts: a clause ("while", ";"), or a second verb of its subject
# ("had suspended new orders ... and would fund back pay"; "，并"). Below CLAUSE_BREAK's reach: a Chinese
# announcement's commas go on telling one happening (质押…，质押期限…).
_HAPPENING_BREAK = re.compile(CLAUSE_BREAK.pattern + r"|,\s+and\b|\band (?:would|will|had|has|said|plans?|is|was)\b|"
                              r"，(?:并|且|同时|此外)|[，,]\s*(?:其中|另外|此外)", re.I)


def _happening_starts(text: str, start: int, end: int) -> list[int]:
    """Where the happenings of the sentence from ``start`` to ``end`` start (read once per sentence)."""
    return [start] + [m.end() for m in _HAPPENING_BREAK.finditer(text, start, end)]


def _happening_of(starts: list[int], position: int) -> int:
    """The start of the happening told at ``position``: a rule gives one event per subtype there."""
    return starts[bisect_right(starts, position) - 1]


# Chinese says what is still to come right after the happening too: 转增股本方案, 股份拆细须待股东批准
_HYPOTHETICAL_AFTER = {"zh": re.compile(r"^[^，。；]{0,8}?(?:须待|有待)")}
_EXPECTED_AFTER = {"zh": re.compile(r"^[^，。；]{0,4}?(?:方案|预案|议案)|^[^，。；]{0,8}?尚需")}


def _modality(before: str, trigger: str, lang: str, event_type: str, after: str = "") -> str:
    """From the cues between the start of the trigger's clause and the trigger (``before``), those
    inside a trigger of several words ("expects to deliver"), and in Chinese those right after it."""
    if _NEGATED[lang].search(before):
        return "negated"
    if _HYPOTHETICAL[lang].search(before) or lang in _HYPOTHETICAL_AFTER and _HYPOTHETICAL_AFTER[lang].search(after):
        return "hypothetical"
    if _EXPECTED[lang].search(before) or _EXPECTED[lang].search(trigger) or event_type in _INHERENTLY_EXPECTED \
            or lang in _EXPECTED_AFTER and _EXPECTED_AFTER[lang].search(after):
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


def argument_of(role: str, entity: Entity) -> dict[str, Any]:
    """An event argument (Contract 1) for ``entity`` in ``role``."""
    argument: dict[str, Any] = {"role": role, "text": entity.text, "start": entity.start,
                                "end": entity.end}
    if entity.normalized:
        argument["normalized"] = entity.normalized
    return argument


# Where a role's entity usually stands: the one who acts before the trigger ("Caterpillar agreed to
# acquire Helix", "天齐锂业收涨6%"), the one acted on and the figures after it.
BEFORE_TRIGGER = frozenset({"company", "acquirer", "seller", "holder", "security", "issuer", "analyst", "source"})
AFTER_TRIGGER = frozenset({"target", "counterparty", "pledgee", "lender", "change", "value"})
# Where a type turns that round: a broker ("Morgan Stanley raised its target on Alcoa") rates the
# company named after the trigger.
SIDE_BY_TYPE = {("rating", "company"): "after"}
# ... in English; Chinese names both before the trigger (东方证券将通威股份目标价下调至19.8元), and the
# broker is told by its name.
BROKER = re.compile(r"证券|中金|研究所|研究院|[Ss]ecurities|[Rr]esearch|[Cc]apital [Mm]arkets|Sachs|Stanley|"
                    r"Jefferies|Bernstein|Barclays|Nomura|Macquarie|\bUBS\b|\bCiti\b|Citigroup|\bHSBC\b|Mizuho|"
                    r"Daiwa|\bCLSA\b|Evercore|Wedbush|Raymond James|Piper Sandler|KeyBanc|Bank of America|\bBofA\b")
# Where the wrong side is no candidate at all, and in which languages: the broker before "cut its rating" is
# never the rated company; a pledgee is named after the pledge ("pledged ... to") or after 给/予 (质押给…).
STRICT_SIDE = {("rating", "company"): ("en",), ("equity_pledge", "pledgee"): ("en", "zh")}
# A name given something or where it is done: "质押给国泰君安", "转让予", "在中信证券办理了解除质押",
# "pledged to Citic", "质权人为": the receiving side.
_GIVEN_TO = re.compile(r"(?:给|予|在|质权人为?[：:]?|质权方为?[：:]?|\bto )$")


def _given_to(text: str, entity: Entity) -> bool:
    return bool(_GIVEN_TO.search(text, max(0, entity.start - 6), entity.start))


# A percentage right after a move ("grew 5.2 %", "fell by 0.3 percent", "同比增长6.1%") is the change,
# one after "to", "at" or "was" the level (the value), where a type has both roles.
_MOVED = re.compile(rf"(?i)(?:\b(?:{UP_EN}|{DOWN_EN}|grew|expanded|contracted|accelerated|slowed|ticked up|"
                    rf"ticked down|edged up|edged down|by)\s+(?:an? |only |about |just |some )?|{UP_ZH}|{DOWN_ZH}|"
                    r"增长|回升|提高|降低|增加|扩大|收窄)$")


# ... and one before a move's noun ("after a 0.8 % gain in December", "a 9.8% drop in car shipments").
_MOVE_NOUN = re.compile(r"\s*(?:increase|gain|rise|jump|climb|drop|decline|fall|slide|slump)s?\b", re.I)


def _moved(text: str, entity: Entity) -> bool:
    return entity.label == "PERCENT" and bool(_MOVED.search(text, max(0, entity.start - 25), entity.start)
                                              or _MOVE_NOUN.match(text, entity.end))


# Types whose company is the listed issuer of the shares, not the unlisted holder or pledgee beside it.
_LISTED_ISSUER_TYPES = frozenset({"equity_pledge", "equity_freeze", "shareholding_change"})
# Figures belong to the clause of their trigger ("revenue rose 12 %, while net income fell 8 %").
FIGURE_ROLES = frozenset({"amount", "change", "quantity", "price", "value", "shares", "stake", "price_target",
                          "capacity"})
# What follows the date of a dateline: "PERTH, Sept 17 - ...", "BEIJING, Oct 20 (Gold Wire) - ...".
_DATELINE_DATE = re.compile(r"\s*(?:\([^)\n]{1,40}\)\s*)?[-–—]\s")
# Roles only some organisations fill.
_ROLE_WORDS = {"court": re.compile(r"法院|仲裁|[Cc]ourt|[Tt]ribunal|[Aa]rbitrat")}
# A ticker written beside a name ("Boeing Co (BA.N)"): the name is the better argument.
_TICKER_LIKE = re.compile(r"^(?:\$?[A-Z]{1,5}(?:\.[A-Z]{1,2})?|\d{4,6}(?:\.[A-Z]{2})?|"
                          r"(?:[A-Z]{2,6}|Nasdaq|Nyse):\s?\w+)$")


_MARKET_BODY = re.compile(r"^中国证券登记结算|证券交易所$|^(?:上|深)交所$")
# "本次增持后，X持有公司股份245,000,000股": a holding before or after, not the shares traded or pledged
_HOLDING = re.compile(r"持有(?:公司|本公司)?(?:股份|股票)(?:数量)?(?:为|共计|合计)?$")


_HELD_IN = re.compile(r"(?:持有|所持)$")


def _never_holder(text: str, entity: Entity) -> bool:
    """A holder (or pledgee) of pledged, frozen or traded shares is never "公司"/"the company" nor the
    company whose announcement it is (XX股份有限公司关于股东股份质押的公告) or whose shares are held
    (X持有天齐锂业股份): the issuer does not hold its own shares. Nor is a court or the share registrar that
    records them."""
    return bool(entity.normalized.get("reference") or _ROLE_WORDS["court"].search(entity.text)
                or _MARKET_BODY.search(entity.text) or text.startswith("关于", entity.end)
                or _HELD_IN.search(text, max(0, entity.start - 2), entity.start))


# A sale turns the parties round: the seller acts ("HSBC agreed to sell its unit to Banque Lacroix",
# 公司拟将所持股权转让给某公司), the buyer comes after.
_SALE = re.compile(r"(?i)\bsell|\bsold\b|\bsale\b|divest|dispos|出售|转让|剥离")
_SALE_SIDES = {"seller": "before", "acquirer": "after"}


def _wrong_side(event_type: str, role: str, entity: Entity, trigger: Entity, sale: bool) -> bool:
    """``sale``: the trigger is a merger_acquisition's sale, which turns the seller's and buyer's sides."""
    side = _SALE_SIDES[role] if sale and role in _SALE_SIDES else SIDE_BY_TYPE.get((event_type, role)) or \
        ("before" if role in BEFORE_TRIGGER else "after" if role in AFTER_TRIGGER else None)
    if side == "before":
        return entity.start >= trigger.end
    if side == "after":
        return entity.end <= trigger.start
    return False


def _poor_date(role: str, entity: Entity, text: str) -> tuple[bool, bool]:
    """A period is best a quarter or a year, a date a day ("third-quarter results on Thursday"); a
    dateline's day ("PERTH, Sept 17 -") only when the sentence gives no other."""
    if entity.label != "DATE":
        return False, False
    return (entity.normalized.get("granularity") == "day") == (role == "period"), \
        bool(_DATELINE_DATE.match(text, entity.end))


def _arguments(rule: Rule, entities: list[Entity], trigger: Entity, text: str, clause: tuple[int, int],
               lang: str, own: tuple[int, int] | None = None) -> list[dict[str, Any]]:
    """Fill each role with the entity of a matching label nearest the trigger: on the side of the
    trigger where the role stands, a figure in the trigger's clause, a name before a ticker. Roles
    with no labels take the rule's pattern for them, nearest the trigger in its clause. ``own``: where a
    trigger of a per-trigger rule has its own arguments, between its neighbours."""
    arguments, used, used_companies = [], set(), set()
    roles = EVENT_ROLES[rule.type]
    sale = rule.type == "merger_acquisition" and bool(_SALE.search(trigger.text))
    for role, labels in roles.items():
        candidates = [e for e in entities if e.label in labels and id(e) not in used
                      and not (lang in STRICT_SIDE.get((rule.type, role), ())
                               and _wrong_side(rule.type, role, e, trigger, sale)
                               and not (role == "pledgee" and _given_to(text, e)))
                      and not (rule.type == "rating" and role == "company" and BROKER.search(e.text))
                      and not (sale and role == "target" and e.end <= trigger.start)  # the seller, not what is sold
                      and e.normalized.get("id") not in used_companies
                      and e.normalized.get("relation") not in ("since", "comparison")  # "lowest since April"
                      and not (role == "shares" and _HOLDING.search(text, max(0, e.start - 12), e.start))
                      and (role not in _ROLE_WORDS or _ROLE_WORDS[role].search(e.text))
                      and not (role in ("holder", "pledgee") and _never_holder(text, e))
                      and not (role in ("holder", "company") and rule.type in _LISTED_ISSUER_TYPES
                               and _given_to(text, e))
                      and not (role == "value" and "change" in roles and _moved(text, e))]
        if not candidates:
            continue
        chosen = min(candidates, key=lambda e: (
            own is not None and not own[0] <= e.start < own[1],
            role == "pledgee" and not _given_to(text, e), labels.index(e.label), _poor_date(role, e, text),
            role == "analyst" and not BROKER.search(e.text),
            e.label == "COMPANY" and bool(_TICKER_LIKE.match(e.text)),
            role in FIGURE_ROLES and not clause[0] <= e.start < clause[1],
            _wrong_side(rule.type, role, e, trigger, sale),
            role == "company" and rule.type in _LISTED_ISSUER_TYPES and not e.normalized.get("id"),
            abs(e.start - trigger.start)))
        used.add(id(chosen))
        if chosen.normalized.get("id"):
            used_companies.add(chosen.normalized["id"])  # its ticker or "the company" fills no other role
        arguments.append(argument_of(role, chosen))
    for role, pattern in rule.text_roles.items():
        found = list(re.finditer(pattern, text[clause[0]:clause[1]]))
        if found:
            # a trigger that names it ("CPI同比上涨") first, else the nearest
            match = min(found, key=lambda m: (not trigger.start <= clause[0] + m.start() < trigger.end,
                                              abs(clause[0] + m.start() - trigger.start)))
            group = 1 if match.re.groups else 0
            start, end = clause[0] + match.start(group), clause[0] + match.end(group)
            arguments.append({"role": role, "text": text[start:end], "start": start, "end": end})
    return arguments


def _date(arguments: list[dict[str, Any]]) -> str | None:
    """The event's date: its own date, else when it takes effect, else the period it covers."""
    values = {a["role"]: (a.get("normalized") or {}).get("value") for a in arguments}
    return next((str(values[role]) for role in ("date", "effective", "period") if values.get(role)), None)


_PRICE_WORD = re.compile(r"(?i)\bprices?\b|\bfutures\b|\b(?:record|all-time|[\w-]+-(?:month|year|week)) "
                         r"(?:high|low)s?\b|价格|报价|均价|期货")
PRICE_WORD_REACH = 60  # characters either side of "prices" where a figure-less price move is told


def _segments(rule: Rule, entities: list[Entity], sentence: tuple[int, int], text: str) -> list[tuple[int, int]]:
    """Commodity prices: one event per commodity, from it to the next commodity, where a price, a
    change or the word "prices" follows it ("国际原油价格连续三日下跌，布伦特原油跌破70美元/桶"); where none
    does, the words around each mention of prices ("as cocoa prices
    eased", "碳酸锂价格明显回升"); other types: the whole sentence (-1 marks it)."""
    sentence_end = sentence[1]
    if rule.type != "commodity_price" or rule.bare:
        return [(-1, sentence_end)]
    segments: list[tuple[int, int]] = []
    start, priced = None, False
    for entity in entities:
        if entity.label == "COMMODITY":
            if start is not None and (priced or _PRICE_WORD.search(text, start, entity.start)):
                segments.append((start, entity.start))
            start, priced = entity.start, False
        elif entity.label in ("PRICE", "PERCENT") and start is not None:
            priced = True
    if start is not None and (priced or _PRICE_WORD.search(text, start, sentence_end)):
        segments.append((start, sentence_end))
    if not segments:  # no figures: the words around each mention of prices
        for word in _PRICE_WORD.finditer(text, *sentence):
            low = max(sentence[0], word.start() - PRICE_WORD_REACH)
            high = min(sentence_end, word.end() + PRICE_WORD_REACH)
            if segments and low <= segments[-1][1]:
                low = segments.pop()[0]
            segments.append((low, high))
    return segments


def _paragraph_date(newlines: list[int], dates: list[Entity], date_starts: list[int],
                    position: int) -> str | None:
    """The latest full date earlier in the same paragraph ("As of 16 January ... Alloy prices
    followed suit"): a second sentence about the same moment rarely repeats the date."""
    line = bisect_left(newlines, position)
    paragraph_start = newlines[line - 1] + 1 if line else 0
    for entity in reversed(dates[bisect_left(date_starts, paragraph_start):bisect_left(date_starts, position)]):
        if entity.normalized.get("granularity") == "day" and entity.normalized.get("value"):
            return str(entity.normalized["value"])
    return None


# Between a name and its move: "Uber shares were flat", "Nokia's stock slid", "Nvidia, AMD slide", "Oil prices eased".
_SUBJECT_GAP = re.compile(r"(?:['’]s)?(?: (?:Class [AB] )?(?:shares|stock|ADRs|prices?|futures))?"
                          r"(?: (?:have|has|had))? ?")


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

    def after_names(self, rule: Rule, start: int, end: int, inside: list[Entity]) -> list[re.Match[str]]:
        """The rule's triggers that follow one of its ``follows`` entities right after the name, its
        shares' words between ("Uber shares were flat", "Nokia's stock slid"): read there only."""
        pattern, found = rule.patterns[self.lang], []
        for entity in inside:
            if entity.label in rule.follows and start <= entity.end:
                match = pattern.match(self.text, _SUBJECT_GAP.match(self.text, entity.end).end(), end)
                if match and (not found or match.start() >= found[-1].end()):
                    found.append(match)
        return found

    def words_between(self, start: int, end: int) -> str:
        """The text from ``start`` to ``end`` with the names in it blanked: the 若 of 宋若川 or 若川科技 and
        the "May" of May Department Stores are no cue of modality."""
        text = self.text[start:end]
        for entity in in_span(self.entities, self.starts, start, end):
            if entity.label in _NAME_LABELS:
                text = text[:entity.start - start] + " " * (entity.end - entity.start) + text[entity.end - start:]
        return text

    def inside_name(self, start: int, end: int) -> bool:
        """Whether a trigger from ``start`` to ``end`` lies wholly inside a name ("price" in "price
        adjustment policy" is not a trigger of its own; "crude steel output fell" starts in one and
        goes on; a word inside a percentage, role or policy still is a trigger)."""
        i = bisect_right(self.starts, start) - 1
        return i >= 0 and self.entities[i].end >= end and \
            self.entities[i].label not in ("PERCENT", "ROLE", "POLICY")


def _clause(text: str, trigger: Entity, sentence: tuple[int, int]) -> tuple[int, int]:
    """The trigger's clause within its sentence, at most CONTEXT characters either side."""
    start = _clause_start(text, max(sentence[0], trigger.start - CONTEXT), trigger.start)
    limit = min(sentence[1], trigger.end + CONTEXT)
    following = CLAUSE_BREAK.search(text, trigger.end, limit)
    return start, following.start() if following else limit


def _trigger(text: str, start: int, end: int) -> Entity:
    return Entity(start, end, "TRIGGER", text[start:end])


def _event(rule: Rule, subtype: str, trigger: Entity, sentence: int, arguments_from: list[Entity],
           doc: _Document, bounds: tuple[int, int], polarity_at: PolarityAt, own: tuple[int, int] | None) -> Event:
    event = Event(rule.type, subtype, trigger, sentence)
    clause = _clause(doc.text, trigger, bounds)
    event.arguments = _arguments(rule, arguments_from, trigger, doc.text, clause, doc.lang, own)
    event.date = _date(event.arguments) or _paragraph_date(doc.newlines, *doc.dates, trigger.start)
    event.modality = _modality(doc.words_between(clause[0], trigger.start), trigger.text, doc.lang, rule.type,
                               doc.text[trigger.end:clause[1]])
    event.polarity = _POLAR.get(subtype) or polarity_at(trigger.start).label
    filled = {a["role"] for a in event.arguments}
    if rule.core:
        event.confidence = round(0.5 + 0.4 * sum(r in filled for r in rule.core) / len(rule.core), 2)
    return event


def find_events(text: str, sentences: list[tuple[int, int]], entities: list[Entity], lang: str,
                polarity_at: PolarityAt, type_model: EventTypeModel | None = None) -> list[Event]:
    """Events of every rule in every sentence; ``sentences`` are (start, end) offsets; ``polarity_at``
    gives the sentiment at a position (its clause's), which is an event's polarity where its subtype
    does not say.

    Arguments, subtype and modality are read within CONTEXT characters of the trigger, so a
    "sentence" of a whole flattened table costs no more per event than a short one.
    """
    doc = _Document(text, entities, lang)
    events: list[Event] = []
    for index, (start, end) in enumerate(sentences):
        first = len(events)  # this sentence's events start here
        sentence = text[start:end]
        inside = in_span(entities, doc.starts, start, end)
        happenings = _happening_starts(text, start, end)
        labels = {e.label for e in inside}
        for rule in RULES:
            if not _admits(rule, labels, lang) or rule.context and not re.search(rule.context, sentence) \
                    or rule.exclude and re.search(rule.exclude, sentence):
                continue
            for seg_start, seg_end in _segments(rule, inside, (start, end), text):
                scope_start = max(start, seg_start)
                found = doc.after_names(rule, scope_start, seg_end, inside) if rule.follows else \
                    rule.patterns[lang].finditer(text, scope_start, seg_end)
                matches = [m for m in found if not doc.inside_name(m.start(), m.end())]
                seen_subtypes: set[tuple[str, int]] = set()
                for i, match in enumerate(matches):
                    window = text[max(start, match.start() - CONTEXT):min(end, match.end() + CONTEXT)]
                    subtype = _subtype(rule, match.group(), window)
                    own = None
                    if rule.per_trigger:
                        # each trigger its own event, with its figures between its neighbours and its
                        # other arguments best there ("7月21日，A收涨6%，B上涨4%"; "X announced that the
                        # resignation of a director would be followed by the election of ...")
                        own = (matches[i - 1].end() if i else start,
                               matches[i + 1].start() if i + 1 < len(matches) else end)
                        candidates = [e for e in doc.near(match.start(), (start, end))
                                      if own[0] <= e.start < own[1] or e.label not in _FIGURE_LABELS]
                        if rule.bare:
                            clause_start = _clause_start(text, max(start, match.start() - CONTEXT), match.start())
                            candidates = [e for e in candidates if e.label == "DATE" or e.label not in
                                          _FIGURE_LABELS and clause_start <= e.start and e.end <= match.start()]
                    else:
                        told = (subtype, _happening_of(happenings, match.start()))
                        if told in seen_subtypes:
                            continue
                        seen_subtypes.add(told)
                        candidates = [e for e in doc.near(match.start(), (start, end))
                                      if seg_start < 0 or scope_start <= e.start < seg_end
                                      or e.label not in _SEGMENTED_LABELS]
                    event = _event(rule, subtype, _trigger(text, *match.span()), index, candidates, doc, (start, end),
                                   polarity_at, own)
                    events += [told for split in _respectively(event, candidates, doc.text, (start, end))
                               for told in _per_holder(split, candidates, doc.text, (start, end))]
        events[first:] = _outermost(events[first:])
        if type_model is not None:
            events += _unruled(type_model, doc, index, (start, end), labels, events[first:], polarity_at)
    return events


_RULES_OF = {event_type: [r for r in RULES if r.type == event_type] for event_type in EVENT_SCHEMA}
MODEL_CONFIDENCE = 0.4  # an event the type model adds where no rule fired
# A type the model does not add beside a rule's event of another: "signed an agreement to acquire" is
# the acquisition, not a deal of its own.
_CLAIMED_BY = {"deal": "merger_acquisition"}


def _admits(rule: Rule, labels: set[str], lang: str) -> bool:
    """Whether ``rule`` may fire in a sentence of ``lang`` that holds entities of ``labels``."""
    return lang in rule.patterns and all(labels & needed for needed in rule.requires) and not labels & rule.lacks


def _refused(rules: list[Rule], doc: _Document, trigger: Entity) -> bool:
    """Whether the trigger is a rule's own word that the rule turned down where it stands ("acquire six
    jetliners": aircraft are no takeover)."""
    return any(rule.patterns[doc.lang].fullmatch(trigger.text) and not rule.patterns[doc.lang].match(
        doc.text, trigger.start) for rule in rules if not rule.follows)  # those match only after a name


def _unruled(type_model: EventTypeModel, doc: _Document, index: int, bounds: tuple[int, int], labels: set[str],
             events: list[Event], polarity_at: PolarityAt) -> list[Event]:
    """Events of the types the model is sure a sentence tells and no rule found there (``events``: the
    sentence's; ``labels``: its entities'), each with the word that weighs most for its type as the
    trigger, its subtype from the type's rules' words (else the schema's first) and its arguments as a
    rule's would be. The rules' knowledge stands: some rule of the type must be able to fire in the
    sentence, none of the type's rules may refuse it, and its trigger may not be a word of a rule's event
    there ("营业收入同比上涨12.5%" is revenue; its 上涨 is no share move)."""
    sentence = doc.text[bounds[0]:bounds[1]]
    ruled = {e.type for e in events}
    added = []
    for event_type in type_model.sure(sentence):
        rules = [r for r in _RULES_OF[event_type] if _admits(r, labels, doc.lang)]
        span = type_model.trigger(event_type, sentence)
        if event_type in ruled or _CLAIMED_BY.get(event_type) in ruled or not rules or span is None or \
                doc.inside_name(bounds[0] + span[0], bounds[0] + span[1]) or \
                any(rule.exclude and re.search(rule.exclude, sentence) for rule in _RULES_OF[event_type]):
            continue
        trigger = _trigger(doc.text, bounds[0] + span[0], bounds[0] + span[1])
        if any(e.trigger.start <= trigger.start and trigger.end <= e.trigger.end for e in events) or \
                _refused(rules, doc, trigger):
            continue
        allowed = EVENT_SCHEMA[event_type]["subtypes"]
        subtype = next((s for s in (_subtype(rule, trigger.text, sentence) for rule in rules) if s in allowed),
                       allowed[0])
        event = _event(rules[0], subtype, trigger, index, doc.near(trigger.start, bounds), doc, bounds,
                       polarity_at, None)
        event.confidence = MODEL_CONFIDENCE
        added.append(event)
    return added


def _outermost(events: list[Event]) -> list[Event]:
    """A sentence's events without those whose trigger is a word inside another type's longer trigger:
    "cut borrowing costs" is a rate decision, not an expense cut ("cut") and a loan ("borrowing"). A
    report stays: "reported a net loss" tells the report and the loss."""
    inside = set()
    cover = None  # of the triggers that start earlier, the one that reaches furthest (one sorted pass)
    for i in sorted(range(len(events)), key=lambda i: (events[i].trigger.start, -events[i].trigger.end)):
        event = events[i]
        if cover is not None and event.trigger.end <= cover.trigger.end and cover.type != event.type \
                and event.type != "financial_report" \
                and cover.trigger.end - cover.trigger.start > event.trigger.end - event.trigger.start:
            inside.add(i)
        if cover is None or event.trigger.end > cover.trigger.end:
            cover = event
    return [event for i, event in enumerate(events) if i not in inside]


def _per_holder(event: Event, candidates: list[Entity], text: str, sentence: tuple[int, int]) -> list[Event]:
    """"A所持公司股份5,432万股及B所持公司股份876万股被司法冻结": one event per holder, each with the
    shares named after it, where every figure before the trigger follows a holder of its own."""
    if event.type not in _LISTED_ISSUER_TYPES:
        return [event]
    clause = _clause(text, event.trigger, sentence)
    pairs, holder = [], None
    for entity in candidates:
        if not clause[0] <= entity.start < event.trigger.start:
            continue
        if entity.label == "QUANTITY":
            if holder is None:
                return [event]  # a figure without a holder of its own
            pairs.append((holder, entity))
            holder = None
        elif entity.label in EVENT_ROLES[event.type]["holder"] and not _never_holder(text, entity) \
                and not _given_to(text, entity):
            holder = entity
    if len(pairs) < 2:
        return [event]
    return [_told_with(event, [a for a in event.arguments if a["role"] not in ("holder", "shares", "stake")]
                       + [argument_of("holder", who), argument_of("shares", how_many)]) for who, how_many in pairs]


def _told_with(event: Event, arguments: list[dict[str, Any]]) -> Event:
    """A copy of ``event`` with other arguments: one of the happenings a sentence tells at one trigger."""
    told = Event(event.type, event.subtype, event.trigger, event.sentence, date=event.date,
                 polarity=event.polarity, modality=event.modality, confidence=event.confidence)
    told.arguments = arguments
    return told


_RESPECTIVELY = re.compile(r"分别|各自|respectively", re.I)


def _respectively(event: Event, candidates: list[Entity], text: str, sentence: tuple[int, int]) -> list[Event]:
    """"A、B股价分别下跌9.96%和5.12%", "X and Y rose 1.8 % and 1.2 %, respectively": one event per
    subject, each with its figure, where the subjects before the trigger and the figures after it pair up."""
    clause = _clause(text, event.trigger, sentence)
    if not _RESPECTIVELY.search(text, *clause):
        return [event]
    roles = EVENT_ROLES[event.type]
    subject = next((a for a in event.arguments if a["role"] in roles and a["role"] not in FIGURE_ROLES
                    and a["role"] not in ("date", "period", "effective", "location")), None)
    figure = next((a for a in event.arguments if a["role"] in FIGURE_ROLES), None)
    if subject is None or figure is None:
        return [event]
    trigger = event.trigger
    subjects = [e for e in candidates if e.label in roles[subject["role"]] and clause[0] <= e.start < trigger.start]
    figures = [e for e in candidates if e.label in roles[figure["role"]] and trigger.end <= e.start < clause[1]]
    by_subject: dict[str, Entity] = {}
    for entity in sorted(subjects, key=lambda e: bool(_TICKER_LIKE.match(e.text))):  # a name before its ticker
        by_subject.setdefault(entity.normalized.get("id") or entity.text, entity)
    subjects = sorted(by_subject.values(), key=lambda e: e.start)
    if not 2 <= len(subjects) == len(figures):
        return [event]
    return [_told_with(event, [argument_of(subject["role"], who) if a is subject else
                               argument_of(figure["role"], how_much) if a is figure else a for a in event.arguments])
            for who, how_much in zip(subjects, figures, strict=True)]
