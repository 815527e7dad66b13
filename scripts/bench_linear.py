"""Processing time against document length on hostile shapes of text, next to bare spaCy.

    python scripts/bench_linear.py [--sizes 20000 40000 80000 160000]

Each shape is built at every size from the same repeated unit: one sentence of thousands of tokens, a
table flattened into text, a list of numbers, Chinese and English mixed in one run of text. For each,
the extractor's time (records built) and bare spaCy's (the same model, the components the extractor
loads) on the same text; "per 10k" is seconds per 10,000 characters, which stays flat when time is
linear in length. Best of three runs each (best_of from bench_extract.py).
"""

from __future__ import annotations

import argparse

import spacy
from bench_extract import best_of  # scripts/ is on the path when a script runs

from extractor.extract import extract_documents
from extractor.inputs import Document
from extractor.nlp.pipeline import UNUSED_COMPONENTS, resolve_en_model
from extractor.settings import DEFAULT_CONFIG

SHAPES = {
    # one sentence: no full stop anywhere, commas and event words all along
    "one endless sentence": ("en", "Zijin Mining (601899.SH) rose 2.1 % to $9,850 a tonne while copper fell 3 % and "
                                   "the company said its director resigned, revenue rose 12 % to $5 billion, "),
    "flattened table": ("en", "Company | Ticker | Close | Change | Volume 600111.SH | 北方稀土 | 28.41 | +3.2 % | "
                              "1,204,331 shares | 2026-01-16 | AAPL | 229.10 | -1.1 % | 52,331,200 | "),
    "list of numbers": ("en", "12.5, 13.75, (4.2), 1,204,331, 9.8 %, 3.2万吨, 68.25 万元/吨, 0.75, 42 pct, "),
    # shapes that were quadratic once (found by review): money ranges, surnames, dual listings
    "money ranges": ("en", "Charges of between $60 million and $70 million, and $80 million to $90 million, "),
    "people and surnames": ("en", "Ricardo Almeida met Jane Doe in Toronto. Almeida said Doe agreed. "),
    "dual-listed companies": ("en", "Huaneng Power International (600011) and 00902.HK traded higher. "),
    "Chinese and English mixed": ("zh", "北方稀土（600111）股价上涨3.2%，China Northern Rare Earth raised prices by "
                                        "5 % to 68.25 万元/吨；公司拟回购不超过3亿元股份，"),
    # unlisted holders in full and by the short names the text defines (extractor/nlp/zh_companies.py)
    "Chinese holders and aliases": ("zh", "控股股东厦门三元光电控股有限公司（以下简称“三元控股”）将其持有的500万股"
                                          "质押给兴业银行股份有限公司，三元控股累计质押1.2亿股；"),
    # shareholder tables flattened into text, a header and two rows again and again (announcement_tables.py)
    "Chinese shareholder tables": ("zh", "股东名称 质押股数（股） 质押开始日期 质权人 用途\n"
                                         "恒泰投资 1,800,000 2017年6月15日 国泰君安证券股份有限公司 融资\n"
                                         "恒泰投资 950,000 2017年6月16日 中信证券股份有限公司 融资\n"),
}
def _text(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 40_000, 80_000, 160_000])
    args = parser.parse_args()
    config = DEFAULT_CONFIG
    model = resolve_en_model(config.en_model)
    bare = {"en": spacy.load(model, exclude=UNUSED_COMPONENTS) if model != "blank" else spacy.blank("en"),
            "zh": spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})}
    list(extract_documents([Document(id="warm", text="warm up", input_name="warm", lang="en")], config=config))
    list(extract_documents([Document(id="warm", text="预热", input_name="warm", lang="zh")], config=config))
    print(f"{'shape':<28} {'chars':>8} {'extractor s':>11} {'per 10k':>8} {'spaCy s':>8} {'per 10k':>8} "
          f"{'ratio':>6} {'events':>7}")
    for name, (lang, unit) in SHAPES.items():
        for size in args.sizes:
            text = _text(unit, size)
            records: list = []

            def ours(text: str = text, lang: str = lang, name: str = name, records: list = records) -> None:
                records[:] = [r for _, r in extract_documents([Document(id="x", text=text, input_name=name, lang=lang)],
                                                              config=config)]

            seconds = best_of(ours)
            baseline = best_of(lambda text=text, lang=lang: bare[lang](text))
            events = len(records[0]["events"]) if records else 0
            print(f"{name:<28} {size:>8,} {seconds:>11.2f} {seconds / size * 1e4:>8.3f} {baseline:>8.2f} "
                  f"{baseline / size * 1e4:>8.3f} {seconds / baseline:>6.1f} {events:>7,}")


if __name__ == "__main__":
    main()
