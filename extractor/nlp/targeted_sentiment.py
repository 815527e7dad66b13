"""Sentiment for each company a document names, and for the clause each event is told in.

"Alcoa beat estimates while Rio Tinto missed" is good news for Alcoa and bad news for Rio Tinto, so
a sentence is also scored clause by clause, split where its news may turn ("while", "but", ";", 而,
但, Chinese commas). A position's sentiment is its clause's, or the whole sentence's where the clause
alone says nothing (the company named in "比亚迪发布公告，净利润下降30%" takes the news after the comma).

A company's sentiment in a document is built like the document's (see ``sentiment.weighted_score``)
from its parts: each sentence that names it contributes the sentiment at its mention; the sentences
that name no company belong to the company the document is most about (named most often); a company
that only rates, lends, takes a pledge or rules (an event's analyst, lender, pledgee or authority) is
neutral there, and so is one named after "with", "to", "unlike", 与, 给 (a partner, customer,
pledgee or rival beside the news) and a broker the document is not about.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from typing import Any

from .events import BROKER
from .sentiment import Sentiment, label_of, weighted_score
from .spans import Entity

CLAUSE_BREAK = {
    "en": re.compile(r"\s*;\s*|,?\s+(?:while|whereas|but|although|though|even as|yet)\s+|,\s+and\s+(?=[A-Z])"),
    "zh": re.compile(r"[，,；;](?:而且|而|但是|但|然而|不过|同时|其中)?|(?:但是|然而)"),
}
BYSTANDER_ROLES = {"analyst", "lender", "pledgee", "authority"}
# A company named after these words stands beside the news, not in it: a partner, customer, supplier,
# underwriter, pledgee or rival that is compared ("signed a supply agreement with Stellantis", "unlike
# rival Kweichow Moutai", "质押给国泰海通证券", "与阿尔法能源公司签署").
_BESIDE_THE_NEWS = re.compile(r"(?:\b(?:with|to|from|by|for|unlike|than|analysts at|according to)\s+"
                              r"(?:the\s+)?(?:(?:rival|peer|partner|customer|supplier|private equity|"
                              r"data analytics|investment|firm|bank|broker|group)\s+)*|(?:向|与|给|自|从|较)\s*)$",
                              re.I)


def split_clauses(text: str, start: int, end: int, lang: str) -> list[tuple[int, int]]:
    """The clauses of the sentence text[start:end] (one, the sentence, where it does not split)."""
    clauses, at = [], start
    for found in CLAUSE_BREAK["zh" if lang == "zh" else "en"].finditer(text, start, end):
        if found.start() > at:
            clauses.append((at, found.start()))
        at = found.end()
    if end > at:
        clauses.append((at, end))
    return clauses or [(start, end)]


def pieces_to_score(text: str, sentences: list[tuple[int, int]], lang: str
                    ) -> tuple[list[list[tuple[int, int]]], list[tuple[int, int]]]:
    """Each sentence's clauses, and what the model scores: every sentence, then the clauses of the
    sentences that split (the order ``clause_sentiments`` reads them in)."""
    clauses = [split_clauses(text, start, end, lang) for start, end in sentences]
    return clauses, sentences + [clause for parts in clauses if len(parts) > 1 for clause in parts]


class ClauseSentiments:
    """Sentiment at any position of the text: its clause's where that says something, else its sentence's."""

    def __init__(self, pieces: list[tuple[int, int, Sentiment]]) -> None:
        self.pieces = sorted(pieces)
        self.starts = [start for start, _, _ in self.pieces]

    def at(self, position: int) -> Sentiment:
        index = bisect_right(self.starts, position) - 1
        return self.pieces[index][2] if index >= 0 else Sentiment("neutral", 0.0)


def clause_sentiments(sentences: list[tuple[int, int]], clauses: list[list[tuple[int, int]]],
                      sentence_sentiment: list[Sentiment], clause_sentiment: list[Sentiment]) -> ClauseSentiments:
    """``clauses`` lists each sentence's clauses; ``clause_sentiment`` scores those of the sentences
    that split, in order."""
    pieces, scored = [], iter(clause_sentiment)
    for (start, end), parts, whole in zip(sentences, clauses, sentence_sentiment, strict=True):
        if len(parts) == 1:
            pieces.append((start, end, whole))
            continue
        for clause_start, clause_end in parts:
            own = next(scored)
            pieces.append((clause_start, clause_end, own if own.label != "neutral" else whole))
    return ClauseSentiments(pieces)


def identity(normalized: dict[str, Any] | None, text: str) -> tuple[str, str]:
    """Which company a COMPANY entity (or a record's company) is: its gazetteer id or listing, else
    its name (the full name a defined short name stands for) or text."""
    normalized = normalized or {}
    if normalized.get("id"):
        return "id", str(normalized["id"])
    if normalized.get("ticker"):
        return "listing", f"{normalized['ticker']}.{normalized.get('exchange', '')}"
    return "name", (normalized.get("name") or text).lower()


def _bystanders(events: list[Any]) -> set[tuple[int, int]]:
    """Where the events name a company that stands beside the news: a lender, a pledgee, a broker, an
    authority, and an unlisted holder whose stake in the listed company is pledged, frozen or traded (the
    news is the listed company's)."""
    return {(argument["start"], argument["end"]) for event in events for mention in event.mentions or [event.mention()]
            for argument in mention.arguments if argument["role"] in BYSTANDER_ROLES
            or argument["role"] == "holder" and not (argument.get("normalized") or {}).get("id")}


def _beside_the_news(text: str, entity: Entity) -> bool:
    return bool(_BESIDE_THE_NEWS.search(text, max(0, entity.start - 40), entity.start))


def company_sentiments(text: str, entities: list[Entity], events: list[Any], sentences: list[tuple[int, int]],
                       sentiment_at: Callable[[int], Sentiment], sentence_sentiment: list[Sentiment],
                       news: list[int]) -> list[dict[str, Any]]:
    """Each company the entities name, in order of first mention, with its sentiment in the document."""
    starts = [start for start, _ in sentences]
    named = [(e, identity(e.normalized, e.text)) for e in entities if e.label == "COMPANY"]
    mentions = Counter(key for _, key in named)
    main = max(mentions, key=mentions.__getitem__) if mentions else None  # the first of the most named
    # a broker the document is not about only rates, forecasts or underwrites
    bystanders = _bystanders(events) | {(e.start, e.end) for e, key in named if _beside_the_news(text, e) or (
        BROKER.search(e.text) and key != main)}
    companies: dict[tuple[str, str], dict[str, Any]] = {}
    parts: dict[tuple[str, str], dict[int, Sentiment]] = {}
    for entity, key in named:
        index = bisect_right(starts, entity.start) - 1
        normalized = entity.normalized or {}
        company = companies.setdefault(key, {
            "name": normalized.get("name") or entity.text, "ticker": normalized.get("ticker"),
            "exchange": normalized.get("exchange"), "id": normalized.get("id"), "mentions": 0})
        company["mentions"] += 1
        here = Sentiment("neutral", 0.0) if (entity.start, entity.end) in bystanders else sentiment_at(entity.start)
        own = parts.setdefault(key, {})
        if index >= 0 and (index not in own or own[index].label == "neutral"):
            own[index] = here
    if main is not None:
        told = {index for own in parts.values() for index in own}
        parts[main].update({i: s for i, s in enumerate(sentence_sentiment) if i not in told})
    for key, company in companies.items():
        score = weighted_score([(sentiment, 1 + news[i]) for i, sentiment in parts[key].items()])
        company["sentiment"] = {"label": label_of(score), "score": score}
    return list(companies.values())
