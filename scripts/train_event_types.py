"""Train the event-type model (extractor/nlp/event_types.py) on the gold corpus's dev and train splits.

    python scripts/train_event_types.py

One averaged perceptron per event type over a sentence's words, word pairs and percentage sign; fixed
seed, so the same corpus gives the same model. Its data: the sentences of gold documents (their events'
types) and the sentences of the articles in corpus/sentiment/ that list the event types they tell. The
threshold above which the model adds an event where no rule fired is chosen on held-out documents:
trained on the dev split and the articles, the extractor run with it on the train split (batches
written later). Then the model is trained on all of them and written to models/event_types.json, with
its card models/EVENT_TYPES.md. The test split is never read.
"""

from __future__ import annotations

import random
import tempfile
from collections import defaultdict
from pathlib import Path

from sentiment_data import corpus_items

from extractor.evaluate import gold_documents, mentioned_in, read_records
from extractor.extract import extract_documents
from extractor.nlp.event_types import MODEL_FILE, EventTypeModel, features, save
from extractor.nlp.event_types import load as load_event_types
from extractor.nlp.pipeline import load_pipeline
from extractor.settings import DEFAULT_CONFIG, Config

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "corpus" / "gold" / "dev.jsonl"
TRAIN = ROOT / "corpus" / "gold" / "train.jsonl"
MODELS = ROOT / "models"
EPOCHS, SEED, KEEP = 15, 0, 1.0  # weights smaller than KEEP are dropped from the stored model
THRESHOLDS = (0.0, 1.0, 2.0, 3.0, 5.0, 8.0, 12.0)
TIE = 0.002  # held-out F1 differences smaller than this are noise (60 documents)
def sentences(records: list[dict]) -> list[tuple[set[str], set[str]]]:
    out = []
    for record in records:
        types = defaultdict(set)
        for event in record["events"]:
            types[event["sentence"]].add(event["type"])
        text = record["text"]
        out += [(features(text[s["start"]:s["end"]]), types.get(i, set())) for i, s in enumerate(record["sentences"])]
    return out


def article_sentences(types: list[str]) -> list[tuple[set[str], set[str]]]:
    """The sentences of corpus/sentiment that list their event types (the one-line sentences do not)."""
    return [(features(item["text"]), set(item["events"]) & set(types)) for item in corpus_items() if "events" in item]


def train(data: list[tuple[set[str], set[str]]], types: list[str]) -> EventTypeModel:
    weights = {t: defaultdict(float) for t in types}
    totals = {t: defaultdict(float) for t in types}
    bias, bias_totals = dict.fromkeys(types, 0.0), dict.fromkeys(types, 0.0)
    step, rng, data = 1, random.Random(SEED), list(data)
    for _ in range(EPOCHS):
        rng.shuffle(data)
        for found, gold in data:
            for t in types:
                y = 1 if t in gold else -1
                if y * (bias[t] + sum(weights[t].get(f, 0.0) for f in found)) <= 0:
                    for f in found:
                        weights[t][f] += y
                        totals[t][f] += step * y
                    bias[t] += y
                    bias_totals[t] += step * y
            step += 1
    averaged = {t: {f: round(w - totals[t][f] / step, 3) for f, w in weights[t].items()} for t in types}
    return EventTypeModel({t: {f: w for f, w in ws.items() if abs(w) >= KEEP} for t, ws in averaged.items()},
                          {t: round(bias[t] - bias_totals[t] / step, 3) for t in types}, 0.0)


def sentence_f1(records: list[dict], config: Config) -> tuple[float, float, float]:
    """Precision, recall, F1 of (sentence, event type) pairs, the extractor run with ``config``."""
    tp = fp = fn = 0
    pairs = zip(records, extract_documents(gold_documents(records), config=config), strict=True)
    for record, (_, predicted) in pairs:
        starts = [s["start"] for s in record["sentences"]]
        found, gold = defaultdict(set), defaultdict(set)
        for event in predicted["events"]:
            for sentence in mentioned_in(event, starts):
                found[sentence].add(event["type"])
        for event in record["events"]:
            gold[event["sentence"]].add(event["type"])
        for i in range(len(starts)):
            tp, fp, fn = tp + len(found[i] & gold[i]), fp + len(found[i] - gold[i]), fn + len(gold[i] - found[i])
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return precision, recall, 2 * precision * recall / max(precision + recall, 1e-9)


def held_out_table(model: EventTypeModel, held_out: list[dict]) -> dict[float | str, tuple[float, float, float]]:
    """The extractor on the held-out documents: rules alone, and with ``model`` at each
    threshold (a models folder of its own: the shipped files, this model in place of the shipped one)."""
    table: dict[float | str, tuple[float, float, float]] = {
        "rules alone": sentence_f1(held_out, DEFAULT_CONFIG.with_overrides(event_type_model=False))}
    with tempfile.TemporaryDirectory() as folder:
        for path in MODELS.iterdir():
            if path.name != MODEL_FILE:
                (Path(folder) / path.name).symlink_to(path)
        for threshold in THRESHOLDS:
            save(Path(folder) / MODEL_FILE, model.weights, model.bias, threshold)
            load_event_types.cache_clear()
            load_pipeline.cache_clear()
            table[threshold] = sentence_f1(held_out, DEFAULT_CONFIG.with_overrides(models_dir=folder))
    load_event_types.cache_clear()
    load_pipeline.cache_clear()
    return table


def main() -> None:
    dev, held_out = read_records(DEV), read_records(TRAIN)
    records = dev + held_out
    types = sorted({e["type"] for r in records for e in r["events"]})
    articles = article_sentences(types)
    table = held_out_table(train(sentences(dev) + articles, types), held_out)
    # the highest threshold whose F1 is within TIE of the best: where more guesses gain only noise, fewer win
    best = max(table[t][2] for t in THRESHOLDS)
    threshold = max(t for t in THRESHOLDS if table[t][2] >= best - TIE)
    model = train(sentences(records) + articles, types)
    save(MODELS / MODEL_FILE, model.weights, model.bias, threshold)
    rows = "\n".join(f"| {t if isinstance(t, str) else format(t, 'g')} | {p:.3f} | {r:.3f} | {f:.3f} |"
                     for t, (p, r, f) in table.items())
    (MODELS / "EVENT_TYPES.md").write_text(f"""# models/event_types.json: which event types a sentence tells

Made by `python scripts/train_event_types.py` (fixed seed {SEED}, {EPOCHS} epochs) from the dev and train
splits of the gold corpus (`corpus/gold/dev.jsonl` and `train.jsonl`, {len(records)} documents written and
annotated by the project; the test split is never read) and the {len(articles)} sentences of the articles
in `corpus/sentiment/` labelled with the event types they tell (also written by the project). One
averaged perceptron per event type ({len(types)} types) over lower-cased words, adjacent word pairs and
a percentage sign; weights under {KEEP} dropped. The extractor adds an event of a type whose score passes
the threshold where no rule found that type in the sentence, with the word that weighs most for the type
as its trigger and confidence 0.4 (`extractor/nlp/event_types.py`).

Threshold chosen on held-out documents: trained on the dev split ({len(dev)} documents) and the articles, the
extractor run with it on the train split ({len(held_out)} documents, written later); pairs of (sentence, event
type):

| threshold | precision | recall | F1 |
|---|---|---|---|
{rows}

Chosen: {threshold:g}, the highest threshold within {TIE} F1 of the best (smaller differences are noise on
this many documents, and fewer guesses keep precision). The shipped model is then trained on dev, train and
the articles together.
""", encoding="utf-8")
    print(f"threshold {threshold:g}: {table[threshold]} (rules alone {table['rules alone']}); "
          f"wrote {MODELS / MODEL_FILE}")


if __name__ == "__main__":
    main()
