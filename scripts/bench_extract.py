"""Speed of `extractor extract` on the sample corpus, next to bare spaCy on the same texts.

    python scripts/bench_extract.py [--repeat 5] [INPUT ...]

Baselines, in the same run and process: spaCy's nlp.pipe with the full English model (and
spacy.blank("zh") + jieba for Chinese), and the same with the components the extractor leaves out.
Words are spaCy tokens that are not punctuation or space, counted once on the same texts, so every
row divides the same number of words by its own time. Models load before timing starts; each row
is the best of three runs.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from extractor.extract import extract_documents
from extractor.inputs import read_documents
from extractor.nlp.gazetteer import load_gazetteer
from extractor.nlp.pipeline import UNUSED_COMPONENTS, detect_lang, load_pipeline, make_doc, resolve_en_model
from extractor.settings import DEFAULT_CONFIG

ROOT = Path(__file__).resolve().parent.parent


def _bare(lang: str, model: str, exclude: list[str]) -> spacy.Language:
    if lang == "zh":
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
        nlp.add_pipe("sentencizer")
        return nlp
    return spacy.load(model, exclude=exclude) if model != "blank" else spacy.blank("en")


ROUNDS = 3


def best_of(function) -> float:
    """The best of ROUNDS runs: the least disturbed by whatever else the machine does."""
    best = float("inf")
    for _ in range(ROUNDS):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", default=[str(ROOT / "corpus" / "sample")])
    parser.add_argument("--repeat", type=int, default=5, help="passes over the corpus")
    args = parser.parse_args()
    config = DEFAULT_CONFIG
    documents = [d for d in read_documents(args.inputs, max_document_chars=config.max_document_chars)
                 if d.processable]
    for document in documents:
        document.lang = document.lang or detect_lang(document.text)
    documents = documents * args.repeat
    model = resolve_en_model(config.en_model)
    by_lang = {lang: [d.text for d in documents if d.lang == lang] for lang in ("en", "zh")}

    start = time.perf_counter()
    gazetteer = load_gazetteer.__wrapped__(config.models_path.resolve())  # uncached: a cold load
    gazetteer_seconds = time.perf_counter() - start
    full = {lang: _bare(lang, model, []) for lang in by_lang}
    trimmed = {lang: _bare(lang, model, UNUSED_COMPONENTS) for lang in by_lang}
    ours = {lang: load_pipeline(lang, en_model=config.en_model, models_dir=config.models_path.resolve())
            for lang in by_lang}
    words = {lang: sum(1 for doc in trimmed[lang].tokenizer.pipe(texts) for t in doc
                       if not (t.is_punct or t.is_space)) for lang, texts in by_lang.items()}
    total_words = sum(words.values())

    rows = []
    for name, pipelines in ((f"bare spaCy, {model} full pipeline", full),
                            (f"bare spaCy, {model} without {', '.join(UNUSED_COMPONENTS)}", trimmed)):
        seconds = sum(best_of(lambda p=pipelines[lang], t=texts: list(p.pipe(t, batch_size=config.batch_size)))
                      for lang, texts in by_lang.items())
        rows.append((name, seconds))
    def entities_only() -> None:
        for lang, texts in by_lang.items():
            with ours[lang].select_pipes(disable=["extractor_sentiment", "extractor_events"]):
                list(ours[lang].pipe((make_doc(ours[lang], t, None) for t in texts), batch_size=config.batch_size))

    rows.append(("the same + extractor_entities (entity tagging only)", best_of(entities_only)))
    seconds = best_of(lambda: list(extract_documents(iter(documents), config=config)))
    rows.append(("extractor extract (the same texts, records built)", seconds))

    print(f"{len(documents)} documents ({args.repeat} passes over {len(documents) // args.repeat}), "
          f"{total_words:,} words ({words['en']:,} English, {words['zh']:,} Chinese); spaCy {spacy.__version__}")
    print(f"gazetteer: {len(gazetteer.entries):,} entries loaded in {gazetteer_seconds:.2f} s")
    print(f"{'pipeline':<80} {'seconds':>8} {'words/s':>9} {'vs full':>8} {'vs trimmed':>10}")
    for name, seconds in rows:
        print(f"{name:<80} {seconds:>8.2f} {total_words / seconds:>9,.0f} {rows[0][1] / seconds:>7.2f}x "
              f"{seconds / rows[1][1] - 1:>+9.0%}")


if __name__ == "__main__":
    main()
