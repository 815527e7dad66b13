"""Rewrite the quality tables of README.md from a fresh evaluation of the gold test split.

    python scripts/readme_scores.py

The tables sit between the markers <!-- scores:start --> and <!-- scores:end -->.
"""

from __future__ import annotations

import re
from pathlib import Path

from extractor.evaluate import evaluate_files
from extractor.nlp.rules import RULES

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
TEST_SPLIT = ROOT / "corpus" / "gold" / "test.jsonl"


def _row(name: str, row: dict, other: dict, bold: bool = False) -> str:
    f1, f1_other = (f"**{row['f1']:.2f}**", f"**{other['f1']:.2f}**") if bold else (f"{row['f1']:.2f}",
                                                                                   f"{other['f1']:.2f}")
    return f"| {name} | {row['precision']:.2f} | {row['recall']:.2f} | {f1} | {f1_other} | {row['support']} |"


def tables(scores: dict) -> str:
    exact, overlap = scores["entities"]["exact"], scores["entities"]["overlap"]
    lines = ["| entities (test split) | P | R | F1 exact span | F1 overlap | n |", "|---|---|---|---|---|---|"]
    lines += [_row(label, exact[label], overlap[label]) for label in sorted(exact) if label not in ("micro", "macro")]
    lines += [_row("**micro**", exact["micro"], overlap["micro"], bold=True), ""]
    values = scores["values"]
    lines += [f"Normalised values, on the entities found: numbers {values['numbers']['accuracy']:.3f}, "
              f"dates {values['dates']['accuracy']:.2f}, companies (ticker and exchange) "
              f"{values['companies']['accuracy']:.2f}; companies found without a ticker count as wrong values.", ""]
    sentence, document = scores["events"]["sentence"], scores["events"]["document"]
    lines += ["| events (test split) | P | R | F1 sentence level | F1 document level | n |",
              "|---|---|---|---|---|---|"]
    ruled = {rule.type for rule in RULES}
    detected = sorted((t for t in sentence if t in ruled), key=lambda t: -sentence[t]["f1"])
    lines += [_row(t, sentence[t], document[t]) for t in detected]
    silent = [t for t in sentence if t not in ("micro", "macro") and t not in ruled]
    if silent:
        lines.append(f"| the {len(silent)} other types (no rules yet) | – | 0 | 0 | 0 | "
                     f"{sum(sentence[t]['support'] for t in silent)} |")
    lines += [_row("**micro**", sentence["micro"], document["micro"], bold=True), ""]
    arguments = scores["arguments"]
    roles = sorted((r for r in arguments if r not in ("micro", "macro")), key=lambda r: -arguments[r]["support"])
    lines += ["| arguments (test split): role | P | R | F1 | n |", "|---|---|---|---|---|"]
    lines += [f"| {r} | {arguments[r]['precision']:.2f} | {arguments[r]['recall']:.2f} | {arguments[r]['f1']:.2f} | "
              f"{arguments[r]['support']} |" for r in roles]
    lines += [f"| **micro** | {arguments['micro']['precision']:.2f} | {arguments['micro']['recall']:.2f} | "
              f"**{arguments['micro']['f1']:.2f}** | {arguments['micro']['support']} |", ""]
    sentiment = scores["sentiment"]
    lines.append("Arguments count when the role and an overlapping span sit in an event of the right type and "
                 f"sentence: micro-F1 {scores['arguments']['micro']['f1']:.2f}. Modality agrees on "
                 f"{scores['modality']['accuracy'] * 100:.0f} % of the detected events. Sentiment: "
                 f"documents {sentiment['document']['accuracy']:.2f} accuracy (macro-F1 "
                 f"{sentiment['document']['macro_f1']:.2f}), sentences {sentiment['sentence']['accuracy']:.2f} "
                 f"({sentiment['sentence']['macro_f1']:.2f}), companies {sentiment['company']['accuracy']:.2f} "
                 f"({sentiment['company']['macro_f1']:.2f}); the options measured and the model's card: "
                 "models/SENTIMENT.md.")
    return "\n".join(lines)


def main() -> None:
    text = README.read_text(encoding="utf-8")
    new = re.sub(r"(<!-- scores:start -->\n)(?:.*?\n)?(<!-- scores:end -->)",
                 lambda m: m.group(1) + tables(evaluate_files([TEST_SPLIT])) + "\n" + m.group(2), text, flags=re.S)
    README.write_text(new, encoding="utf-8")
    print("README.md tables rewritten" if new != text else "README.md unchanged")


if __name__ == "__main__":
    main()
