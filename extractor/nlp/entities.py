"""The entity tagger: gazetteer, tickers, numbers and dates by rule, the statistical model's
people, places and organisations, and "the company" linked to the company it refers to.

Rules with normalised values win over the model where they overlap.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from spacy.tokens import Doc

from .dates import find_dates
from .gazetteer import Gazetteer
from .numbers import find_numbers
from .spans import Entity, resolve_overlaps
from .tickers import find_tickers

# Model labels kept, and the contract label each becomes.
_MODEL_LABELS = {"PERSON": "PERSON", "GPE": "GPE", "LOC": "GPE", "ORG": "ORG", "DATE": "DATE",
                 "MONEY": "MONEY", "PERCENT": "PERCENT", "QUANTITY": "QUANTITY"}
_COMPANY_WORDS = re.compile(
    r"\b(?:Inc|Corp|Corporation|Co|Company|Ltd|Limited|plc|LLC|Group|Holdings?|Bank|Mining|Metals?|"
    r"Steel|Motors?|Energy|Tungsten|Lithium|Pharmaceuticals?|Technolog(?:y|ies)|Industries|"
    r"Airlines|Petroleum|Chemicals?|Semiconductors?|Securities|Insurance)\b\.?$"
    r"|(?:公司|集团|银行|股份)$"
)
_REFERENCE = re.compile(
    r"\b[Tt]he (?:company|firm|group|miner|producer|lender|carmaker|automaker|bank|insurer|"
    r"retailer|chipmaker|developer)\b(?:['’]s)?|该公司|本公司|(?:(?<=^)|(?<=[\s，。；：、（(“]))公司(?![\u3400-\u9fff]{0,1}名称)"
)


def _model_entities(doc: Doc) -> list[Entity]:
    found = []
    for ent in doc.ents:
        label = _MODEL_LABELS.get(ent.label_)
        if label is None:
            continue
        if ent.text[:1].islower() and label in ("ORG", "PERSON", "GPE"):
            continue  # "price-earnings" is no organisation
        if label in ("ORG", "PERSON") and _COMPANY_WORDS.search(ent.text):
            label = "COMPANY"
        start, end = ent.start_char, ent.end_char
        found.append(Entity(start, end, label, ent.text, {}, priority=0))
    return found


def _link_references(text: str, entities: list[Entity]) -> list[Entity]:
    """"the company", "该公司", "公司": the latest company named before it."""
    companies = [e for e in entities if e.label == "COMPANY" and e.normalized.get("id")]
    ends = [c.end for c in companies]  # non-overlapping and sorted, so ends are sorted too
    found = []
    for match in _REFERENCE.finditer(text):
        i = bisect_right(ends, match.start())
        if i == 0:
            continue
        antecedent = companies[i - 1]
        end = match.end() - (2 if match.group().endswith(("'s", "’s")) else 0)
        found.append(Entity(match.start(), end, "COMPANY", text[match.start():end],
                            {**antecedent.normalized, "reference": True}, priority=1))
    return found


def tag_entities(doc: Doc, gazetteer: Gazetteer, published: date | None) -> list[Entity]:
    """All entities of ``doc``, without overlaps, in text order."""
    text = doc.text
    model = _model_entities(doc)
    support = [(e.start, e.end) for e in model if e.label in ("ORG", "COMPANY")]
    entities = resolve_overlaps(
        gazetteer.find(text, support=support) + find_tickers(text, gazetteer)
        + find_numbers(text) + find_dates(text, published) + model
    )
    return resolve_overlaps(entities + _link_references(text, entities))
