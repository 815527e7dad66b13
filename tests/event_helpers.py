"""Events of one sentence through the real pipeline, for the tests of the event rules."""

from __future__ import annotations

from extractor import extract_documents
from extractor.inputs import Document


def events(text: str, lang: str, published_at: str = "2026-03-02T09:00:00+00:00") -> list[dict]:
    document = Document(id="t", text=text, input_name="test", lang=lang, published_at=published_at)
    [(_, record)] = list(extract_documents([document]))
    return record["events"]


def events_of_type(text: str, lang: str, event_type: str) -> list[dict]:
    return [e for e in events(text, lang) if e["type"] == event_type]


def argument(event: dict, role: str) -> str | None:
    """The text of the event's first argument in ``role``."""
    return next((a["text"] for a in event["arguments"] if a["role"] == role), None)
