"""English names found by their shape, where the small statistical model misses them in news:
dateline places ("PITTSBURGH, March 3 (Reuters) -"), institutions ("U.S. District Court for the
District of Delaware", "Consumer Financial Protection Bureau", "Ministry of Energy and Mineral
Resources"), people after a title ("Mr Fan") and later mentions of a person by surname ("Almeida
said") once the full name has been given.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .spans import Entity

# A dateline opens a line: a place in capitals, an optional region, then a comma and a date, a
# parenthesised agency or a dash. "NEW YORK, Jan 5 (Reuters) -", "BEIJING (Gold Wire) —".
_DATELINE = re.compile(r"^(?P<place>[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3})"
                       r"(?:, (?P<region>[A-Z][a-z]+(?: [A-Z][a-z]+)?\.?|[A-Z]{2}))?"
                       r"(?=,? (?:\(|[-–—]|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d))",
                       re.M)
# Words in capitals that open a line without being a place.
_NOT_PLACES = frozenset("UPDATE BREAKING EXCLUSIVE ANALYSIS COLUMN FACTBOX WRAPUP PRESS RELEASE ITEM NOTE".split())

_CAPITALISED = r"(?:U\.S\.|[A-Z][\w&'’-]*)"
# Words that may start a capitalised run without belonging to the name.
_OPENERS = frozenset("The A An On In At For By From To Its Their His Her Our This That These Those Last Next "
                     "And But Or As After Before While When Under With Without Meanwhile Earlier Later".split())
# An institution: capitalised words ending in a word that names a public body, optionally followed by
# "of/for (the) X Y", or such a body's word first ("Ministry of Commerce", "Division of Trading and
# Markets").
_BODY = (r"Court(?: of Appeals)?|Administration|Bureau|Commission|Ministry|Agency|Authority|Department|"
         r"Council|Coalition|Association|Federation|Institute|Tribunal|Regulator|Reserve|Parliament|Senate|"
         r"Congress|Division|Office|Service|Exchange|Committee|Union")
_OF_PART = rf"(?: (?:of|for) (?:the )?{_CAPITALISED}(?: (?:and |of |for the |for )?{_CAPITALISED}){{0,5}})?"
_INSTITUTION = re.compile(
    rf"\b(?P<name>(?:{_CAPITALISED} ){{1,5}}(?:{_BODY}){_OF_PART}|(?:Ministry|Department|Division|Office|Bureau)"
    rf" of (?:the )?{_CAPITALISED}(?: (?:and |of |for )?{_CAPITALISED}){{0,5}})(?![\w&])")
# "of the Company's", "for the District of Delaware": a trailing function word is never part of a name.
_TRAILING = re.compile(r"(?: (?:and|of|for|the))+$")

_TITLED = re.compile(r"\b(?:Mr|Ms|Mrs|Miss|Dr|Prof)\.? (?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
# A full name where news puts people: after "said" before a comma, or before a comma and a job.
_FULL_NAME = r"[A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2}"
_JOB = (r"(?:the |a |an )?(?:[\w.&-]+['’]s )?(?:chief|head|president|vice|senior|managing|director|analyst|"
        r"economist|strategist|chairman|chairwoman|CEO|CFO|COO|CTO|founder|spokesman|spokeswoman|spokesperson|"
        r"partner|portfolio manager|executive|general manager|treasurer|secretary|governor|minister)\b")
_QUOTED = re.compile(rf"\b(?:said|says|told|according to) (?P<name>{_FULL_NAME})(?=,)|"
                     rf"(?<![\w&])(?P<name2>{_FULL_NAME}), {_JOB}")


# Wire stories mark companies with angle brackets: a listed one by its ticker after the name ("Texstar
# Corp <TXS>", "TEXSTAR <TXS> BOARD REJECTS BID"), a private one by the name itself ("acquired <Delta
# Packing Co>"). In a headline in capitals the name runs back to a word that is no part of one.
_PRIVATE_MARK = re.compile(r"<(?P<name>[A-Z](?=[^<>\n]*[a-z])[^<>\n]{1,60})>")
_TICKER_MARK = re.compile(r"(?P<name>(?:[A-Z][\w&.'’-]*,? ){0,5}[A-Z][\w&.'’-]*) <[A-Z][A-Z.]{0,6}>")
_NOT_NAME_WORDS = frozenset(
    "A AN THE OF TO IN FOR BY ON AT WITH FROM AND/OR VS HAS HAVE HAD SAYS SAID SEES BUYS BUY SELLS SELL RAISES "
    "CUTS UPS SEEKS SETS GETS MAKES WINS PLANS BIDS OFFERS AGREES COMPLETES ACQUIRES ACQUIRE REJECTS EXTENDS "
    "ENDS TERMINATES LIFTS HOLDS OWNS TAKES MERGES MERGE BOOSTS REDUCES FILES IS ARE WILL MAY UNIT STAKE PCT "
    "OFFER BID TALKS".split())


def find_datelines(text: str) -> list[Entity]:
    """GPE entities for the place of each dateline, and for its region when one is given."""
    found = []
    for match in _DATELINE.finditer(text):
        if match.group("place") in _NOT_PLACES:
            continue
        for part in ("place", "region"):
            if match.group(part):
                found.append(Entity(match.start(part), match.end(part), "GPE", match.group(part), {}, priority=2))
    return found


def find_institutions(text: str) -> list[Entity]:
    """ORG entities for names of courts, agencies, ministries, associations and similar bodies."""
    found = []
    for match in _INSTITUTION.finditer(text):
        start, name = match.start("name"), match.group("name")
        words = name.split(" ")
        while len(words) > 1 and (words[0] in _OPENERS or words[0].endswith(("'s", "’s"))):
            start += len(words[0]) + 1
            words = words[1:]
        name = _TRAILING.sub("", " ".join(words))
        if len(name.split(" ")) < 2 or name.startswith(("Board of", "Board", "Item")):
            continue  # a body's word alone ("Commission") or a board: not a name
        found.append(Entity(start, start + len(name), "ORG", name, {}, priority=2))
    return found


def find_titled_people(text: str) -> list[Entity]:
    """PERSON entities for a surname after a title ("Mr Fan" gives "Fan"), for a full name after
    "said" ("said Ricardo Almeida, ...") and before a job ("Jane Doe, chief financial officer")."""
    found = [Entity(m.start("name"), m.end("name"), "PERSON", m.group("name"), {}, priority=1)
             for m in _TITLED.finditer(text)]
    for match in _QUOTED.finditer(text):
        group = "name" if match.group("name") else "name2"
        name = match.group(group)
        if name.split(" ")[0] not in _OPENERS:
            found.append(Entity(match.start(group), match.end(group), "PERSON", name, {}, priority=1))
    return found


def find_surname_mentions(text: str, entities: list[Entity]) -> list[Entity]:
    """Later mentions of an English person by surname alone ("Almeida said"), once the full name
    ("Ricardo Almeida") is tagged in the document."""
    surnames: dict[str, int] = {}
    for entity in entities:
        parts = entity.text.split()
        if entity.label == "PERSON" and len(parts) >= 2 and parts[-1][:1].isupper() and parts[-1].isalpha():
            surnames.setdefault(parts[-1], entity.end)
    if not surnames:
        return []
    people = sorted((e.start, e.end) for e in entities if e.label == "PERSON")
    starts = [start for start, _ in people]

    def inside_a_person(position: int) -> bool:
        i = bisect_right(starts, position) - 1
        return i >= 0 and people[i][1] > position

    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(surnames, key=len, reverse=True))) + r")\b")
    return [Entity(m.start(), m.end(), "PERSON", m.group(), {}, priority=1)
            for m in pattern.finditer(text) if m.start() >= surnames[m.group()] and not inside_a_person(m.start())]


# First words of company names that name something else when they stand alone.
_GENERIC_FIRST_WORDS = frozenset(
    "The China Chinese American British General National International Global United First New Great Royal "
    "Bank Hong Hang Shanghai Shenzhen Beijing Asia Asian Pacific Western Eastern Northern Southern North South "
    "East West Central Federal State US U.S. Japan Japanese Korea Korean India Indian Canadian Australian Texas "
    "European Euro Standard Union Capital Digital Energy Mining Resources Industrial Financial Securities "
    "Investment Holdings Group Gold Silver Copper Steel Oil Tech Technology Property Real Insurance Retail Auto "
    "Airline Chip Utility Consumer Healthcare Media Telecom Defence Defense Shipping Brokerage Lender Its Their "
    "Those These Both Other Such All Some Most Many Class Common Preferred Ordinary Treasury Blue Small Big "
    "Wall Street Emerging Market Markets Stock Share Shares".split())
_SUFFIX_WORDS = frozenset("Inc Corp Corporation Co Company Ltd Limited plc PLC LLC Group Holdings AG SA NV SE".split())
# "Freeport shares gained 2.3%": a name right before shares/stock that moves is a company's
_SHARES_OF = re.compile(r"\b((?-i:[A-Z][\w&.'-]*)(?: (?-i:[A-Z][\w&.'-]*)){0,2})(?:['’]s)? (?:shares|stock|ADRs)\b"
                        r"(?= (?:were |was |have |had |has )?(?:rose|fell|gained|lost|jumped|slid|slipped|dropped|"
                        r"climbed|surged|tumbled|plunged|rallied|added|closed|ended|finished|traded|edged|eased|"
                        r"declined|advanced|sank|soared|slumped|little changed|flat|up|down|higher|lower))")


def _guessed_name(entity: Entity) -> bool:
    """A one-word person or place that only the statistical model saw."""
    return entity.priority == 0 and entity.label in ("PERSON", "GPE") and " " not in entity.text


def find_company_short_names(text: str, entities: list[Entity]) -> list[Entity]:
    """Later mentions of a company by a shorter name: the first word of its name ("Freeport" after
    "Freeport-McMoRan Inc") or its initials ("TI" after "Texas Instruments"), and a name the model
    missed right before shares that move ("Uber shares were flat"). Such a mention wins over the
    model's guess of a one-word person or place there ("Kessler shares fell" after "Kessler Containers");
    not over a listed place, index or commodity, nor over a word of a person's full name."""
    places = {e.text for e in entities if e.label in ("GPE", "INDEX", "COMMODITY") and e.priority > 0} | \
        {word for e in entities if e.label == "PERSON" and " " in e.text for word in e.text.split()}
    short: dict[str, Entity] = {}
    for entity in entities:
        if entity.label != "COMPANY" or entity.normalized.get("reference"):
            continue
        words = [w for w in re.split(r"[\s-]+", entity.text) if w.strip(".,") not in _SUFFIX_WORDS]
        if len(words) < 2 or not all(w[:1].isupper() for w in words):
            continue
        first = words[0]
        if len(first) >= 3 and first.isalpha() and first not in _GENERIC_FIRST_WORDS and first not in places:
            short.setdefault(first, entity)
        initials = "".join(w[0] for w in words)
        if 2 <= len(initials) <= 4 and initials.isalpha():
            short.setdefault(initials, entity)
    taken = sorted((e.start, e.end) for e in entities if not _guessed_name(e))
    starts = [start for start, _ in taken]

    def inside_an_entity(position: int) -> bool:
        i = bisect_right(starts, position) - 1
        return i >= 0 and taken[i][1] > position

    found = []
    if short:
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(short, key=len, reverse=True)))
                             + r")(?![\w-])")
        found = [Entity(m.start(), m.end(), "COMPANY", m.group(), dict(short[m.group()].normalized), priority=1)
                 for m in pattern.finditer(text)
                 if m.start() >= short[m.group()].end and not inside_an_entity(m.start())]
    for m in _SHARES_OF.finditer(text):
        name = m.group(1)
        if name not in places and name.split()[0] not in _GENERIC_FIRST_WORDS and not inside_an_entity(m.start(1)):
            found.append(Entity(m.start(1), m.end(1), "COMPANY", name, {}, priority=0))
    return found


# A name that ends in a legal suffix ("MINNEAPOLIS, March 20 - United Grain Inc said", which the small
# model misses after a dateline's dash).
_SUFFIXED = re.compile(rf"(?<![\w&.'’-])(?P<name>{_CAPITALISED}(?:(?: | (?:of|and|de) | & ){_CAPITALISED}){{0,4}} "
                       r"(?:Co\.?,? Ltd|Co\.?,? Limited|Inc|Corp|Co|Ltd|Plc|PLC|Corporation|Incorporated|Limited)\.?)"
                       r"(?![\w-])")
_HOLDINGS_OF = re.compile(r"(?:Shares|Stock|Units|Bonds|Holders|Investors|Customers) of ")


def find_suffixed_companies(text: str) -> list[Entity]:
    """COMPANY entities for capitalised names that end in a legal suffix; the model's own, longer
    reading of the same name wins over them."""
    found = []
    for match in _SUFFIXED.finditer(text):
        start = match.start("name")
        if holdings_of := _HOLDINGS_OF.match(text, start):
            start = holdings_of.end()
        words = text[start:match.end("name")].split(" ")
        while len(words) > 2 and words[0] in _OPENERS:
            start += len(words.pop(0)) + 1
        found.append(Entity(start, match.end("name"), "COMPANY", text[start:match.end("name")], {}, priority=0))
    return found


def find_wire_companies(text: str) -> list[Entity]:
    """COMPANY entities for the names wire stories mark with angle brackets."""
    found = [Entity(m.start("name"), m.end("name"), "COMPANY", m.group("name"), {}, priority=2)
             for m in _PRIVATE_MARK.finditer(text)]
    for match in _TICKER_MARK.finditer(text):
        words = match.group("name").split(" ")
        kept: list[str] = []
        for word in reversed(words):
            if word.rstrip(",").upper() in _NOT_NAME_WORDS or word in _OPENERS:
                break
            kept.insert(0, word)
        if kept:
            name = " ".join(kept).rstrip(",")
            start = match.end("name") - len(" ".join(kept))
            found.append(Entity(start, start + len(name), "COMPANY", name, {}, priority=2))
    return found
