"""Train the default sentiment model (extractor/nlp/sentiment.py) on the project's own sentences.

    python scripts/train_sentiment.py

A multinomial logistic regression over the features of extractor/nlp/sentiment_features.py, fitted by
full-batch gradient descent (Adam) with an L2 penalty: no randomness, so the same corpus gives the
same model. Data: every sentence of corpus/sentiment/*.jsonl (one-line sentences and whole articles
labelled sentence by sentence) and every sentence of the gold corpus's dev and train splits. The
penalty is chosen on a held-out fifth of all of them (by a hash of each sentence's id); then the model
is trained on all and written to models/sentiment.json, and scored on each check set of
corpus/sentiment-check (short lines of European company news, each written apart and never trained on). The
gold test split is never read here: `extractor evaluate corpus/gold/test.jsonl` scores the result.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from sentiment_data import Sentence, check_sets, split, training_sentences

from extractor.nlp.sentiment import LABELS, MODEL_FILE, LinearSentiment, save_linear, sentiment_of
from extractor.nlp.sentiment_features import features

ROOT = Path(__file__).resolve().parent.parent
PENALTIES = (0.0000625, 0.000125, 0.00025, 0.0005, 0.001)
STEPS, RATE = 400, 0.05
KEEP = 0.02  # features whose weights all stay below this are dropped (a third of the file, no accuracy lost)


def train(sentences: list[Sentence], penalty: float) -> LinearSentiment:
    """Minimise the mean log-loss + penalty/2 * |W|^2 over the sentences."""
    rows = [sorted(features(text, lang)) for text, lang, _ in sentences]
    vocabulary = sorted({f for row in rows for f in row})
    index = {f: i for i, f in enumerate(vocabulary)}
    columns = np.array([index[f] for row in rows for f in row])
    starts = np.cumsum([0] + [len(row) for row in rows])[:-1]  # every row has a feature (lex:*)
    owner = np.repeat(np.arange(len(rows)), [len(row) for row in rows])
    gold = np.zeros((len(rows), 3))
    gold[np.arange(len(rows)), [LABELS.index(label) for _, _, label in sentences]] = 1
    weights, bias = np.zeros((len(vocabulary), 3)), np.zeros(3)
    moments = [np.zeros_like(weights), np.zeros_like(weights), np.zeros(3), np.zeros(3)]
    for step in range(1, STEPS + 1):
        logits = np.add.reduceat(weights[columns], starts) + bias
        probabilities = np.exp(logits - logits.max(axis=1, keepdims=True))
        probabilities /= probabilities.sum(axis=1, keepdims=True)
        error = (probabilities - gold) / len(rows)
        grad_weights = np.zeros_like(weights)
        np.add.at(grad_weights, columns, error[owner])
        grad_weights += penalty * weights
        for value, grad, first, second in ((weights, grad_weights, 0, 1), (bias, error.sum(axis=0), 2, 3)):
            moments[first] = 0.9 * moments[first] + 0.1 * grad
            moments[second] = 0.999 * moments[second] + 0.001 * grad * grad
            mean, spread = moments[first] / (1 - 0.9 ** step), moments[second] / (1 - 0.999 ** step)
            value -= RATE * mean / (np.sqrt(spread) + 1e-8)
    kept = {f: [round(float(w), 4) for w in weights[i]] for f, i in index.items() if np.abs(weights[i]).max() >= KEEP}
    return LinearSentiment(kept, [round(float(b), 4) for b in bias])


def scores(model: LinearSentiment, sentences: list[Sentence]) -> dict[str, float]:
    """Accuracy and macro-F1 of the model's labels."""
    pairs = []
    for lang in ("en", "zh"):
        chosen = [s for s in sentences if s[1] == lang]
        found = model.probabilities([text for text, _, _ in chosen], lang)
        pairs += [(label, sentiment_of(p).label) for (_, _, label), p in zip(chosen, found, strict=True)]
    f1 = []
    for label in LABELS:
        tp = sum(g == label == p for g, p in pairs)
        wrong = sum((g == label) != (p == label) for g, p in pairs)
        f1.append(2 * tp / (2 * tp + wrong) if tp else 0.0)
    return {"n": len(pairs), "accuracy": round(sum(g == p for g, p in pairs) / len(pairs), 3),
            "macro_f1": round(sum(f1) / len(f1), 3)}


def main() -> None:
    train_part, held = split(training_sentences())
    print(f"{len(train_part)} training sentences, {len(held)} held out")
    results = {}
    for penalty in PENALTIES:
        results[penalty] = scores(train(train_part, penalty), held)
        print(f"penalty {penalty}: held out {results[penalty]}")
    best = max(PENALTIES, key=lambda p: results[p]["macro_f1"])
    model = train(train_part + held, best)
    checks = {name: scores(model, sentences) for name, sentences in check_sets().items()}
    meta = {"penalty": best, "sentences": len(train_part) + len(held), "features": len(model.weights),
            "chosen_on": results[best], "check": checks}
    save_linear(ROOT / "models" / MODEL_FILE, model, meta)
    print(f"chose penalty {best}; trained on {meta['sentences']} sentences, {meta['features']} features kept; "
          f"wrote models/{MODEL_FILE}\ncheck sets: {meta['check']}")


if __name__ == "__main__":
    main()
