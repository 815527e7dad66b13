"""Build the gold corpus (corpus/gold/dev.jsonl, test.jsonl, train.jsonl) from the authoring files.

    python scripts/build_gold.py [--check] [--only BATCH]

Annotators write corpus/gold/authoring/*.jsonl (format: corpus/GUIDELINES.md): the text as
paragraphs of sentences, and entities, events and sentiment by their surface text. This script
assembles the text, finds every span and writes Contract 1 records with exact offsets, plus the
document's "text" and "genre". Anything that cannot be found, or breaks the schema, is an error
that names the document and the annotation. The split is fixed by a hash of the document id:
about 40 % test (only scored, never tuned on), 60 % dev. Batches whose file name starts with
"train-" go whole to the train split: written to tune and train on, never scored. --check validates
without writing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "corpus" / "gold"
SCHEMA = json.loads((ROOT / "extractor" / "nlp" / "event_schema.json").read_text(encoding="utf-8"))
LABELS = {"COMPANY", "ORG", "PERSON", "ROLE", "GPE", "DATE", "MONEY", "PERCENT", "PRICE", "QUANTITY",
          "COMMODITY", "INDEX", "POLICY"}
SENTIMENTS = {"positive", "negative", "neutral"}
MODALITIES = {"asserted", "expected", "negated", "hypothetical"}
TEST_SHARE = 40  # percent


class GoldError(ValueError):
    pass


def split_of(doc_id: str, batch: str = "") -> str:
    if batch.startswith("train-"):
        return "train"
    return "test" if int(hashlib.sha256(doc_id.encode()).hexdigest(), 16) % 100 < TEST_SHARE else "dev"


def _assemble(doc: dict[str, Any]) -> tuple[str, list[tuple[int, int]]]:
    """The text and each sentence's (start, end): sentences joined by a space (English) or
    nothing (Chinese), paragraphs by a line break."""
    joiner = "" if doc["lang"] == "zh" else " "
    text, sentences = "", []
    for p, paragraph in enumerate(doc["paragraphs"]):
        if p:
            text += "\n"
        for s, sentence in enumerate(paragraph):
            if s:
                text += joiner
            if sentence != sentence.strip() or not sentence:
                raise GoldError(f"sentence {len(sentences)} is empty or has outer spaces: {sentence!r}")
            sentences.append((len(text), len(text) + len(sentence)))
            text += sentence
    return text, sentences


def _occurrences(text: str, needle: str, start: int, end: int) -> list[int]:
    """Where ``needle`` occurs in text[start:end] as a whole word (Latin edges must not touch
    letters or digits)."""
    found, at = [], text.find(needle, start, end)
    while at != -1:
        before = text[at - 1] if at > 0 else " "
        after = text[at + len(needle)] if at + len(needle) < len(text) else " "
        latin_edge = (needle[0].isascii() and needle[0].isalnum() and before.isascii() and before.isalnum()) or \
                     (needle[-1].isascii() and needle[-1].isalnum() and after.isascii() and after.isalnum())
        if not latin_edge:
            found.append(at)
        at = text.find(needle, at + 1, end)
    return found


def _locate(text: str, needle: str, scope: tuple[int, int], nth: int | None, what: str) -> list[tuple[int, int]]:
    hits = _occurrences(text, needle, *scope)
    if not hits:
        raise GoldError(f"{what}: {needle!r} not found in {text[scope[0]:scope[1]][:80]!r}")
    if nth is not None:
        if not 1 <= nth <= len(hits):
            raise GoldError(f"{what}: {needle!r} has {len(hits)} occurrences, not {nth}")
        hits = [hits[nth - 1]]
    return [(h, h + len(needle)) for h in hits]


def _scope(sentences: list[tuple[int, int]], index: int | None, text: str, what: str) -> tuple[int, int]:
    if index is None:
        return 0, len(text)
    if not 0 <= index < len(sentences):
        raise GoldError(f"{what}: sentence {index} does not exist (the document has {len(sentences)})")
    return sentences[index]


def _identity(entity: dict[str, Any]) -> tuple[str, str]:
    """A company's identity: its listing where the annotation gives one, else its text."""
    normalized = entity["normalized"]
    if normalized.get("ticker"):
        return normalized["ticker"], normalized.get("exchange", "")
    return entity["text"].lower(), ""


def _companies(labels: list[dict[str, str]] | None, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each company of the document (one per identity) with its sentiment label and every mention."""
    mentions: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for entity in entities:
        if entity["label"] == "COMPANY":
            mentions.setdefault(_identity(entity), []).append(entity)
    if labels is None:
        raise GoldError("company_sentiment is missing (write [] when the document marks no company)")
    by_text: dict[str, list[tuple[str, str]]] = {}  # a text two listings share ("BYD") names each in turn
    for identity, group in mentions.items():
        for text in dict.fromkeys(entity["text"] for entity in group):
            by_text.setdefault(text, []).append(identity)
    companies = {}
    for item in labels:
        what = f"company_sentiment {item.get('company')!r}"
        if item.get("label") not in SENTIMENTS:
            raise GoldError(f"{what}: label {item.get('label')!r}")
        candidates = by_text.get(item.get("company"))
        if not candidates:
            raise GoldError(f"{what}: no COMPANY entity has this text")
        identity = next((i for i in candidates if i not in companies), candidates[-1])
        if identity in companies:
            raise GoldError(f"{what}: the company is labelled twice (as {companies[identity]['text']!r})")
        group = mentions[identity]
        companies[identity] = {"text": item["company"], "ticker": group[0]["normalized"].get("ticker"),
                               "exchange": group[0]["normalized"].get("exchange"),
                               "mentions": [[e["start"], e["end"]] for e in group],
                               "sentiment": {"label": item["label"]}}
    missing = [group[0]["text"] for identity, group in mentions.items() if identity not in companies]
    if missing:
        raise GoldError(f"company_sentiment has no label for {missing}")
    return list(companies.values())


def build_record(doc: dict[str, Any]) -> dict[str, Any]:
    text, sentences = _assemble(doc)
    if doc["lang"] not in ("en", "zh"):
        raise GoldError(f"lang {doc['lang']!r}")
    if doc["sentiment"] not in SENTIMENTS:
        raise GoldError(f"document sentiment {doc['sentiment']!r}")
    labels = doc["sentence_sentiment"]
    if len(labels) != len(sentences) or set(labels) - SENTIMENTS:
        raise GoldError(f"sentence_sentiment has {len(labels)} labels for {len(sentences)} sentences "
                        f"(or a label outside {sorted(SENTIMENTS)})")
    entities = {}
    for entity in doc["entities"]:
        what = f"entity {entity['text']!r}"
        if entity["label"] not in LABELS:
            raise GoldError(f"{what}: label {entity['label']!r}")
        scope = _scope(sentences, entity.get("sentence"), text, what)
        for start, end in _locate(text, entity["text"], scope, entity.get("nth"), what):
            if (start, end) in entities:
                raise GoldError(f"{what}: the span {start}-{end} is annotated twice")
            entities[(start, end)] = {"start": start, "end": end, "text": entity["text"],
                                      "label": entity["label"], "normalized": entity.get("normalized", {})}
    spans = sorted(entities)
    for (s1, e1), (s2, e2) in zip(spans, spans[1:], strict=False):
        if s2 < e1:
            raise GoldError(f"entities overlap: {text[s1:e1]!r} and {text[s2:e2]!r}")
    events = []
    for event in doc["events"]:
        what = f"event {event['type']} in sentence {event.get('sentence')}"
        spec = SCHEMA.get(event["type"])
        if spec is None:
            raise GoldError(f"{what}: unknown type")
        if event["subtype"] not in spec["subtypes"]:
            raise GoldError(f"{what}: subtype {event['subtype']!r} not in {spec['subtypes']}")
        if event["modality"] not in MODALITIES or event["polarity"] not in SENTIMENTS:
            raise GoldError(f"{what}: modality {event['modality']!r} or polarity {event['polarity']!r}")
        scope = _scope(sentences, event["sentence"], text, what)
        trigger = event["trigger"]
        [(t_start, t_end)] = _locate(text, trigger, scope, event.get("trigger_nth", 1), what + " trigger")
        arguments = []
        for argument in event["arguments"]:
            if argument["role"] not in spec["roles"]:
                raise GoldError(f"{what}: role {argument['role']!r} not in {sorted(spec['roles'])}")
            [(a_start, a_end)] = _locate(text, argument["text"], scope, argument.get("nth", 1),
                                         f"{what} argument {argument['role']}")
            found = {"role": argument["role"], "text": argument["text"], "start": a_start, "end": a_end}
            if (a_start, a_end) in entities and entities[(a_start, a_end)]["normalized"]:
                found["normalized"] = entities[(a_start, a_end)]["normalized"]
            arguments.append(found)
        events.append({"type": event["type"], "subtype": event["subtype"],
                       "trigger": {"start": t_start, "end": t_end, "text": trigger},
                       "sentence": event["sentence"], "arguments": arguments, "date": event.get("date"),
                       "polarity": event["polarity"], "modality": event["modality"], "confidence": 1.0})
    return {
        "id": doc["id"], "lang": doc["lang"], "published_at": doc["published_at"], "title": doc.get("title"),
        "companies": _companies(doc.get("company_sentiment"), [entities[span] for span in spans]),
        "sentiment": {"label": doc["sentiment"]},
        "sentences": [{"start": s, "end": e, "sentiment": {"label": label}}
                      for (s, e), label in zip(sentences, labels, strict=True)],
        "entities": [entities[span] for span in spans],
        "events": events,
        "errors": [],
        "text": text,
        "genre": doc.get("genre"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="validate only")
    parser.add_argument("--only", default="*", help="authoring files to read (a glob; implies --check)")
    args = parser.parse_args()
    args.check = args.check or args.only != "*"
    records: dict[str, list[dict]] = {"dev": [], "test": [], "train": []}
    problems, seen = [], set()
    for path in sorted((GOLD / "authoring").glob(f"{args.only.removesuffix('.jsonl')}.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
                if doc["id"] in seen:
                    raise GoldError("duplicate id")
                seen.add(doc["id"])
                records[split_of(doc["id"], path.name)].append(build_record(doc))
            except (GoldError, KeyError, ValueError, TypeError) as e:
                problems.append(f"{path.name}:{number}: {type(e).__name__}: {e}")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        raise SystemExit(f"{len(problems)} problems; nothing written")
    for split, items in records.items():
        items.sort(key=lambda r: r["id"])
        if not args.check:
            with (GOLD / f"{split}.jsonl").open("w", encoding="utf-8") as f:
                for record in items:
                    f.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
        langs = {lang: sum(r["lang"] == lang for r in items) for lang in ("en", "zh")}
        print(f"{split}: {len(items)} documents ({langs['en']} en, {langs['zh']} zh), "
              f"{sum(len(r['entities']) for r in items)} entities, {sum(len(r['events']) for r in items)} events")


if __name__ == "__main__":
    main()
