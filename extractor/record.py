"""The extraction record of Contract 1, built from a processed Doc (or from a failed document)."""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from spacy.tokens import Doc

from .inputs import Document
from .nlp.pipeline import text_of
from .nlp.sentiment import label_of, weighted_score
from .nlp.spans import Entity
from .nlp.targeted_sentiment import company_sentiments

RECORD_KEYS = ("id", "lang", "published_at", "title", "sentiment", "sentences", "companies", "entities", "events",
               "errors")


def is_failure(error: dict[str, Any]) -> bool:
    """Errors (E…) are failures; warnings (W…), such as a guessed encoding, are not."""
    return str(error["code"]).startswith("E")


def failed(record: dict[str, Any]) -> bool:
    return any(is_failure(error) for error in record["errors"])


def _entity(entity: Entity) -> dict[str, Any]:
    return {"start": entity.start, "end": entity.end, "text": entity.text, "label": entity.label,
            "normalized": entity.normalized}


def _trigger(trigger: Entity) -> dict[str, Any]:
    return {"start": trigger.start, "end": trigger.end, "text": trigger.text}


def _news_per_sentence(doc: Doc) -> list[int]:
    """How many events and linked companies each sentence holds: its weight in the document score."""
    starts = [start for start, _ in doc._.extractor_sentences]
    counts = [0] * len(starts)
    for event in doc._.extractor_events:
        for mention in event.mentions or [event.mention()]:
            counts[mention.sentence] += 1
    for entity in doc._.extractor_entities:
        if entity.label == "COMPANY":
            index = bisect_right(starts, entity.start) - 1
            if index >= 0:
                counts[index] += 1
    return counts


def build_record(document: Document, doc: Doc | None, *, include_text: bool = False) -> dict[str, Any]:
    """The record of ``document``; ``doc`` is None when the document could not be processed."""
    record: dict[str, Any] = {
        "id": document.id,
        "lang": document.lang,
        "published_at": document.published_at,
        "title": document.title,
        "sentiment": None,
        "sentences": [],
        "companies": [],
        "entities": [],
        "events": [],
        "errors": document.errors,
    }
    if doc is not None:
        sentiments = doc._.extractor_sentence_sentiment
        news = _news_per_sentence(doc)
        score = weighted_score([(sentiment, 1 + n) for sentiment, n in zip(sentiments, news, strict=True)])
        record["sentiment"] = {"label": label_of(score), "score": score}
        record["sentences"] = [{"start": start, "end": end, "sentiment": sentiment._asdict()}
                               for (start, end), sentiment in zip(doc._.extractor_sentences, sentiments, strict=True)]
        record["companies"] = company_sentiments(text_of(doc), doc._.extractor_entities, doc._.extractor_events,
                                                 doc._.extractor_sentences, doc._.extractor_clause_sentiment.at,
                                                 sentiments, news)
        record["entities"] = [_entity(e) for e in doc._.extractor_entities]
        record["events"] = [
            {"type": e.type, "subtype": e.subtype, "trigger": _trigger(e.trigger),
             "sentence": e.sentence, "arguments": e.arguments, "date": e.date,
             "polarity": e.polarity, "modality": e.modality, "confidence": e.confidence,
             "mentions": [{"trigger": _trigger(m.trigger), "sentence": m.sentence, "arguments": m.arguments}
                          for m in e.mentions or [e.mention()]]}
            for e in doc._.extractor_events
        ]
    if include_text:
        record["text"] = document.text
    return record
