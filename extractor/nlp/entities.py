"""The entity tagger: gazetteer, tickers, numbers and dates by rule, the statistical model's
people, places and organisations, and "the company" linked to the company it refers to.

Rules with normalised values win over the model where they overlap.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from spacy.tokens import Doc

from .announcement_tables import find_table_cells
from .dates import find_dates, resolve_comparisons
from .gazetteer import Gazetteer, name_key, normalized_entry
from .names import (
    find_company_short_names,
    find_datelines,
    find_institutions,
    find_suffixed_companies,
    find_surname_mentions,
    find_titled_people,
    find_wire_companies,
)
from .numbers import find_numbers, merge_ranges
from .people import find_chinese_people
from .spans import Entity, resolve_overlaps
from .tickers import find_tickers
from .wire_tables import find_table_figures
from .zh_companies import find_chinese_company_names, find_chinese_institutions, find_defined_aliases

# Model labels kept, and the contract label each becomes. In business news an organisation that
# the curated lists do not know is most often a company: regulators, exchanges, associations and
# data providers are in models/lexicons and win over the model.
_MODEL_LABELS = {"PERSON": "PERSON", "GPE": "GPE", "LOC": "GPE", "ORG": "COMPANY", "DATE": "DATE",
                 "MONEY": "MONEY", "PERCENT": "PERCENT", "QUANTITY": "QUANTITY"}
_COMPANY_WORDS = re.compile(
    r"\b(?:Inc|Corp|Corporation|Co|Company|Ltd|Limited|plc|LLC|Group|Holdings?|Bank|Mining|Metals?|"
    r"Steel|Motors?|Energy|Tungsten|Lithium|Pharmaceuticals?|Technolog(?:y|ies)|Industries|"
    r"Airlines|Petroleum|Chemicals?|Semiconductors?|Securities|Insurance)\b\.?$"
    r"|(?:公司|集团|银行|股份)$"
)
_CJK = re.compile(r"[\u3400-\u9fff]")
# Words the model takes for names in business news: boards, rating words.
_NOT_NAMES = frozenset("Board Company Neutral Buy Sell Hold Overweight Underweight Outperform Underperform "
                       "Equal-weight Accumulate Reduce".split())
# Words of titles and boards the model takes for people ("Certain Officers").
# Boards and committees the model takes for organisations.
_NOT_ORGS = re.compile(r"^(?:the )?(?:Board(?: of Directors)?|(?:Audit|Compensation|Nominating|Remuneration) Committee|"
                       r"Company)$", re.I)
_NOT_PERSON_WORDS = re.compile(r"\b(?:Officers?|Directors?|Executives?|Chairman|President|Board|Committee)\b")
# A model DATE must name a point in time (a digit, month, weekday, or today-like word) and not be
# a duration or a frequency.
_DATE_WORD = re.compile(r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|"
                        r"sun|today|yesterday|tomorrow|last|next|this|previous|quarter|half|year|month)", re.I)
_DURATION = re.compile(r"(?:^|\b)(?:over|on)[- ]year$|"
                       r"^(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|few)[- ]"
                       r"(?:years?|months?|weeks?|days?|quarters?)$|-(?:year|month|week|day)$|"
                       r"^(?:annual|annually|quarterly|monthly|weekly|daily|year|month|week|day)$", re.I)
_REFERENCE = re.compile(
    r"\b[Tt]he (?:[A-Z][\w.]*-based |(?!(?:of|the|a|an|and|or|to|in|for|with|its|their|by|on|at|from)\b)"
    r"[a-z][\w'’-]* ){0,3}"
    r"(?:[Cc]ompany|firm|group|miner|producer|lender|carmaker|automaker|bank|confectioner|start-?up|platform|"
    r"insurer|retailer|chipmaker|drugmaker|planemaker|toymaker|maker|developer|distiller|brewer|"
    r"carrier|airline|steelmaker|smelter|refiner|utility|operator|chain|giant|conglomerate|manufacturer|"
    r"supplier|builder|brokerage|shipper|exporter|trader|e-commerce group)\b(?:['’]s)?"
    # 公司 alone stands for the company, but not inside 子公司, 上市公司, 有限公司, 证券公司 ...
    r"|该公司|本公司|本行|(?<![子市限任份母总分团券险资技理业控股司该本他《])公司(?!债|名称|法|章程)"
)


def _model_entities(doc: Doc, text: str) -> list[Entity]:
    """The statistical model's entities that name what the contract's labels name (``text``: the
    Doc's text, read once: Doc.text joins every token anew on each call)."""
    found = []
    for ent in doc.ents:
        label = _MODEL_LABELS.get(ent.label_)
        if label is None:
            continue
        if label == "DATE" and (not _DATE_WORD.search(ent.text) or _DURATION.search(ent.text)):
            continue  # "annual", "quarterly", "three years": no date, or a duration
        if label in ("COMPANY", "PERSON", "GPE") and (ent.text[:1].islower() or ent.text in _NOT_NAMES):
            continue  # "price-earnings" or a rating word is no name
        if label == "COMPANY" and _NOT_ORGS.match(ent.text):
            continue
        if "<" in ent.text or ">" in ent.text or text[ent.start_char - 1:ent.start_char] == "<":
            continue  # a wire story's mark ("TEXSTAR <TXS> BOARD"): its names are read by their shape
        if label == "GPE" and ent.text.isupper() and len(ent.text) <= 4:
            continue  # "AI", "EV": places written in capitals are in the curated list of places
        if label == "PERSON" and _NOT_PERSON_WORDS.search(ent.text):
            continue
        if label == "PERSON" and _COMPANY_WORDS.search(ent.text):
            label = "COMPANY"  # "Zhongrui Rare Metals"
        start, end = ent.start_char, ent.end_char
        found.append(Entity(start, end, label, ent.text, {}, priority=0))
    return _one_label_per_name(found)


def _one_label_per_name(found: list[Entity]) -> list[Entity]:
    """A name the model reads as an organisation at least as often as as a place or a person is a
    company at each of its mentions: the small model calls "Nestle" an organisation in one sentence
    and a place in the next ("Nestle shares fell 1.8%")."""
    companies = {e.text for e in found if e.label == "COMPANY"}
    votes = {name: 0 for name in companies}
    for entity in found:
        if entity.text in companies and entity.label in ("COMPANY", "GPE", "PERSON"):
            votes[entity.text] += 1 if entity.label == "COMPANY" else -1
    return [Entity(e.start, e.end, "COMPANY", e.text, {}, priority=0)
            if e.label in ("GPE", "PERSON") and votes.get(e.text, -1) >= 0 else e for e in found]


# Up to 24 characters after the place, none of them a word that joins two names (对, 与, 和 ...).
_ZH_COMPANY_TAIL = re.compile(r"(?:(?![对与和向及或])[\u3400-\u9fff（）()]){1,24}?"
                              r"(?:股份有限公司|有限责任公司|有限公司|集团公司)")


def _chinese_company_names(text: str, entities: list[Entity]) -> list[Entity]:
    """Chinese company names that start with a place: 北京三环恒通投资管理有限公司, 深圳市XX有限公司.
    The place is part of the name, not a GPE of its own."""
    found = []
    for place in entities:
        if place.label == "GPE" and _CJK.match(text, place.start):
            tail = _ZH_COMPANY_TAIL.match(text, place.end)
            if tail:
                found.append(Entity(place.start, tail.end(), "COMPANY", text[place.start:tail.end()], {},
                                    priority=2))
    return found


def _link_references(text: str, entities: list[Entity]) -> list[Entity]:
    """"the company", "该公司": the latest company named before it. "公司", "本公司", "本行" and
    "the Company" (as filings and announcements write it) stand for the document's own company: the
    first one named in the same paragraph (a digest of announcements gives each its paragraph), else
    the first one the document names."""
    companies = [e for e in entities if e.label == "COMPANY" and e.normalized.get("id")]
    ends = [c.end for c in companies]  # non-overlapping and sorted, so ends are sorted too
    unlisted = [e for e in entities if e.label == "COMPANY" and not e.normalized.get("id")]
    unlisted_ends = [c.end for c in unlisted]
    announcers = _announcers(text, entities)
    announcer_starts = [a.start for a in announcers]
    newlines = [m.start() for m in re.finditer("\n", text)]
    found = []
    for match in _REFERENCE.finditer(text):
        i = bisect_right(ends, match.start())
        own = match.group() in ("公司", "本公司", "本行") or match.group().startswith(("the Company", "The Company"))
        a = bisect_right(announcer_starts, match.start())
        if own and a and match.group() != "本行":
            announcer = announcers[a - 1]
            found.append(_reference(text, match, announcer, announcer.normalized or {"name": announcer.text}))
            continue
        if not companies or (i == 0 and not own):
            # no listed company before it: the latest unlisted one ("Brightline Stores ... The retailer")
            j = bisect_right(unlisted_ends, match.start())
            if j and not own:
                found.append(_reference(text, match, unlisted[j - 1]))
            continue
        skipped = 0
        while i > 1 and skipped < _MOST_SKIPPED and _bystander(text, companies[i - 1]) \
                and not _BANK_WORDS.search(match.group()):
            i, skipped = i - 1, skipped + 1  # "after Citi cut its forecast for the food-delivery platform": not Citi
        antecedent = companies[i - 1] if i else companies[0]  # a filing's "the Company" before its name
        if own and i:
            line = bisect_right(newlines, match.start())
            paragraph = newlines[line - 1] + 1 if line else 0
            antecedent = companies[bisect_right(ends, paragraph)] if ends[i - 1] > paragraph else companies[0]
        if own and _RECEIVING.search(text, max(0, antecedent.start - 1), antecedent.start):
            continue  # 公司 is never the company shares are pledged to (质押给中信证券)
        found.append(_reference(text, match, antecedent))
    return found


_RECEIVING = re.compile(r"[给予向]$")


_MOST_SKIPPED = 3  # bystanders a reference looks past, at most (each reference costs the same however long the text)
_BANK_WORDS = re.compile(r"\b(?:bank|lender|brokerage|insurer)\b")
_ANALYST_BEFORE = re.compile(r"\b(?:[Aa]nalysts?|[Ee]conomists?|[Ss]trategists?) (?:at|from) $")
_ANALYST_AFTER = re.compile(r"\s+(?:analysts?\b|economists?\b|strategists?\b|said in a (?:research )?note|"
                            r"(?:upgraded|downgraded|initiated)\b|(?:cut|raised|lowered|reiterated|kept|maintained) "
                            r"[^.;]{0,30}\b(?:targets?|ratings?|forecasts?|estimates?|recommendation)\b)")


_PREPOSITION_BEFORE = re.compile(r"\b(?:to|from|with|by|at|against|than|versus)\s+(?:[a-z][\w-]*\s+){0,3}$")


def _bystander(text: str, company: Entity) -> bool:
    """Whether a company is named as the broker who judges ("analysts at Citi", "Citi cut its
    forecast for ...") or after a preposition ("pledged to Huatai Securities", "a loan from Wells
    Fargo"): a later "the company" or "the platform" rarely points back to it."""
    before = text[max(0, company.start - 40):company.start]
    return bool(_ANALYST_BEFORE.search(before) or _PREPOSITION_BEFORE.search(before)
                or _ANALYST_AFTER.match(text, company.end))


def _without_modifiers(entities: list[Entity], references: list[Entity]) -> list[Entity]:
    """The entities less the commodities and places that modify a reference ("the coal miner", "the
    Dearborn-based company"): the reference is the entity there."""
    starts = [r.start for r in references]

    def modifies(entity: Entity) -> bool:
        i = bisect_right(starts, entity.start) - 1
        return i >= 0 and references[i].end >= entity.end and entity.label in ("COMMODITY", "GPE")
    return [e for e in entities if not modifies(e)]


def _reference(text: str, match: re.Match, antecedent: Entity, normalized: dict | None = None) -> Entity:
    end = match.end() - (2 if match.group().endswith(("'s", "’s")) else 0)
    return Entity(match.start(), end, "COMPANY", text[match.start():end],
                  {**(normalized or antecedent.normalized), "reference": True}, priority=1)


# A Chinese announcement names its own company in its title (XX股份有限公司关于…的公告) and defines
# 公司 for it (XX股份有限公司（以下简称“公司”）): 公司 and 本公司 then stand for it, listed or not.
_OWN_DEFINITION = re.compile(r"关于[^\n。]{0,60}?公告[ \t]*(?:\n|$)|"
                             r"[（(](?:以下)?(?:简称|下称)[“\"](?:公司|本公司)[”\"]")


def _announcers(text: str, entities: list[Entity]) -> list[Entity]:
    """The companies that call themselves 公司, in text order (a digest of announcements has several)."""
    return [e for e in entities if e.label == "COMPANY" and _OWN_DEFINITION.match(text, e.end)
            and not e.normalized.get("reference")]


_HONG_KONG_SHARES = re.compile(r"Hong Kong[- ]listed|Hong Kong shares|\bH[- ]shares?\b|H股|港股|\.HK\b|HKEX")


_LEGAL_SUFFIX_AFTER = re.compile(r" (?:Co|Corp|Inc|Ltd|plc|PLC|AG|SA|NV|SE|Group|Holdings|Company|Corporation|"
                                 r"Limited|Incorporated)\.?(?![\w-])")


def _with_legal_suffix(text: str, entities: list[Entity]) -> None:
    """A company named with a legal suffix the alias lacks keeps it in its span ("Taiwan Semiconductor
    Manufacturing Co", "Zijin Mining Group Co"), as the names are written."""
    for i, entity in enumerate(entities):
        if entity.label != "COMPANY" or not entity.normalized.get("id"):
            continue
        suffix = _LEGAL_SUFFIX_AFTER.match(text, entity.end)
        if suffix and (i + 1 == len(entities) or entities[i + 1].start >= suffix.end()):
            entity.end = suffix.end()
            entity.text = text[entity.start:entity.end]


def _link_by_name(entities: list[Entity], gazetteer: Gazetteer) -> None:
    """A company the model found but no alias matched ("Nucor Corporation", "Xiaomi Corp") is linked
    when its name without legal suffix is a listed company's."""
    for entity in entities:
        if entity.label == "COMPANY" and not entity.normalized and len(entity.text.split()) > 1:
            company_id = gazetteer.names.get(name_key(entity.text))
            if company_id:
                entity.normalized = normalized_entry(gazetteer.entries[company_id], "COMPANY")


def _nearest(found: list[tuple[int, str]], position: int) -> tuple[int, str] | None:
    """Of (start, id) pairs sorted by start, the one that starts nearest ``position``."""
    i = bisect_right(found, (position, "\uffff"))
    near = found[max(0, i - 1):i + 1]
    return min(near, key=lambda f: abs(f[0] - position)) if near else None


def _choose_listings(text: str, entities: list[Entity], gazetteer: Gazetteer, tickers: list[Entity]) -> None:
    """A company listed in several places takes the listing the document points to: the one whose
    ticker is written nearest the mention, else Hong Kong where Hong Kong shares are spoken of near
    the mention, else the issuer's first listing (A-shares first)."""
    ticker_starts: dict[str, list[tuple[int, str]]] = {}
    for ticker in sorted(tickers, key=lambda t: t.start):
        ticker_starts.setdefault(ticker.normalized["id"], []).append((ticker.start, ticker.normalized["id"]))
    for entity in entities:
        listings = gazetteer.listings.get(entity.normalized.get("id", "")) if entity.label == "COMPANY" else None
        if not listings:
            continue
        written = [nearest for i in listings if (nearest := _nearest(ticker_starts.get(i, []), entity.start))]
        if written:
            chosen = min(written, key=lambda found: abs(found[0] - entity.start))[1]
        elif _HONG_KONG_SHARES.search(text, max(0, entity.start - 80), entity.end + 80):
            chosen = next((i for i in listings if i.startswith("HKEX:")), listings[0])
        else:
            chosen = listings[0]
        if chosen != entity.normalized["id"]:
            reference = entity.normalized.get("reference")
            entity.normalized = normalized_entry(gazetteer.entries[chosen], "COMPANY")
            if reference:
                entity.normalized["reference"] = True


def tag_entities(doc: Doc, text: str, gazetteer: Gazetteer, published: date | None) -> list[Entity]:
    """All entities of ``doc`` (whose text is ``text``), without overlaps, in text order."""
    model = _model_entities(doc, text)
    # A short company name counts where the model sees a name on the very same span: an organisation,
    # or a person ("Vanke", "Piper Sandler" are no people in business news).
    support = [(e.start, e.end) for e in model if e.label in ("COMPANY", "PERSON")]
    tickers = find_tickers(text, gazetteer)
    chinese = bool(_CJK.search(text))
    names = gazetteer.find(text, support=support, confirmed=(e.normalized["id"] for e in tickers), chinese=chinese)
    people = find_chinese_people(text) if chinese else []
    shapes = find_datelines(text) + find_institutions(text) + find_titled_people(text)
    # the cells of tables: shareholder tables in Chinese, results and dividend tables in wire stories
    shapes += find_table_cells(text) if chinese else \
        find_table_figures(text) + find_wire_companies(text) + find_suffixed_companies(text)
    entities = resolve_overlaps(names + tickers + people + shapes + find_numbers(text) + find_dates(text, published)
                                + model)
    entities = merge_ranges(text, entities)
    if chinese:
        entities = resolve_overlaps(entities + _chinese_company_names(text, entities) + find_chinese_institutions(text))
        entities = resolve_overlaps(entities + find_chinese_company_names(text, entities))
        entities = resolve_overlaps(entities + find_defined_aliases(text, entities))
    else:
        entities = resolve_overlaps(entities + find_surname_mentions(text, entities))
    _link_by_name(entities, gazetteer)
    if not chinese:
        entities = resolve_overlaps(entities + find_company_short_names(text, entities))
    _with_legal_suffix(text, entities)
    references = _link_references(text, entities)
    entities = resolve_overlaps(_without_modifiers(entities, references) + references)
    _choose_listings(text, entities, gazetteer, tickers)
    resolve_comparisons(entities)
    return entities
