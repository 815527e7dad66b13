"""How the project's decoder compares with other tools on the same bytes.

    python scripts/compare_encodings.py [--snippets 150]

Table 1 serves each body as a fetch would see it (the Content-Type header named in the row) and
decodes it with:

- ours: ``extractor.parse.encoding.decode_document(body, content_type=...)``;
- charset_normalizer alone: ``from_bytes(body).best()``, no hints;
- requests: ``Response.text``, i.e. the header's charset, else ISO-8859-1 for text/*, else
  charset_normalizer's guess (``apparent_encoding``);
- httpx: ``Response.text``, i.e. the header's charset, else UTF-8 with replacement characters;
- trafilatura: ``trafilatura.utils.decode_file`` (valid UTF-8, else cchardet/charset_normalizer).

A cell is ``ok`` when the text holds what the page is known to say (its title, a sentence, or the
whole synthetic text) with no more U+FFFD than the bytes force; otherwise ``WRONG``, with the encoding
the tool chose. Real pages and feeds come from ../shared/eval (skipped when absent).

Table 2 decodes short undeclared snippets (2 to 64 characters cut from the project's Chinese gold
corpus, a traditional-Chinese text, and French/German/Portuguese text) and counts exact round trips.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx
import requests
from charset_normalizer import from_bytes

from extractor.parse.encoding import decode_document

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
PAGES = EVAL / "crawl-fixtures" / "cn-gbk-news-pages"
FEEDS = EVAL / "rss-atom-feeds" / "feeds"
ANNOUNCEMENT = EVAL / "crawl-fixtures" / "cn-announcements" / "html" / \
    "000001_shenfazhanA_2001-annual-report-delay-notice_2002-04-05.html"

GBK_TEXT = "北方稀土公告称，公司董事张某辞职。氧化镨钕价格上涨至68.25万元/吨，较年初上涨11.88%。"
TRADITIONAL = ("台積電營收創新高，第三季營業額達新台幣七千億元，較去年同期成長三成。董事會通過配發現金股利每股三元。"
               "鴻海集團宣布在美國投資興建面板廠，總投資金額約一百億美元，預計明年動工。香港交易所公布，恆生指數收市報"
               "兩萬三千點，上升百分之一點二，成交額八百億港元。騰訊控股股價上漲，匯豐銀行下跌。金管會表示將加強對"
               "壽險業的監理，並要求提高資本適足率。央行理事會決議維持利率不變，重貼現率為百分之一點八七五。")
LATIN_TEXT = "“Société Générale” raised its dividend by 5 % — Crédit Agricole’s rose too; Zürich’s UBS fell."
LATIN = ("La Société Générale a annoncé une hausse de 5 % du dividende ; le Crédit Agricole prévoit une croissance "
         "du bénéfice. Die Börse in Frankfurt schloss fester; Aktien von Bayer stiegen, während die Deutsche Bank "
         "verlor. O índice Bovespa fechou em alta de 1,2 %, com ações da Petrobras e da Vale em destaque; a "
         "inflação de março ficou acima das projeções.")


@dataclass
class Case:
    name: str
    body: bytes
    content_type: str | None
    expected: list[str]  # strings the right decoding holds
    replaced: int = 0  # U+FFFD that the bytes force


def _html(body: str, meta: str | None = None) -> str:
    head = f'<meta charset="{meta}">' if meta else ""
    return f"<html><head>{head}<title>t</title></head><body><p>{body}</p></body></html>"


def _titles() -> dict[str, str]:
    titles = {}
    for line in (PAGES / "PROVENANCE.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 7 and cells[0].startswith("html/cleaneval-zh-"):
            titles[cells[0][5:]] = cells[3].replace(" (title from wrapper)", "")
    return titles


def real_cases() -> list[Case]:
    if not PAGES.is_dir():
        return []
    replaced = {"cleaneval-zh-24.html": 1, "cleaneval-zh-39.html": 2, "cleaneval-zh-41.html": 8}
    cases = []
    for name, title in sorted(_titles().items()):
        body = (PAGES / "html" / name).read_bytes()
        cases.append(Case(f"{name} (real, gb2312/gbk)", body, "text/html", [title], replaced.get(name, 0)))
    body = (PAGES / "html" / "cleaneval-zh-43.html").read_bytes()
    cases.append(Case("cleaneval-zh-43.html, right header gb2312, GBK characters", body,
                      "text/html; charset=gb2312", ["西安交通大學", "沈勍晔", "张嫚"]))
    body = (PAGES / "html" / "cleaneval-zh-24.html").read_bytes()
    cases.append(Case("cleaneval-zh-24.html, wrong header utf-8", body, "text/html; charset=utf-8",
                      [_titles()["cleaneval-zh-24.html"]], 1))
    body = (PAGES / "html" / "cleaneval-zh-26.html").read_bytes()
    cases.append(Case("cleaneval-zh-26.html, wrong header ISO-8859-1", body, "text/html; charset=ISO-8859-1",
                      [_titles()["cleaneval-zh-26.html"]]))
    cases.append(Case("cninfo announcement (real gb2312, saved as .pdf)", ANNOUNCEMENT.read_bytes(), "text/html",
                      ["本行2001年年度报告披露时间延期到2002年4月19日"]))
    kc = (FEEDS / "nn_kc0011.rss").read_bytes()
    title = "投资资讯网交易在线--流通纪念币最新20篇论坛主题-全文"
    cases.append(Case("nn_kc0011.rss (real gb2312 feed)", kc, "application/rss+xml", [title]))
    cases.append(Case("nn_kc0011.rss served as text/xml", kc, "text/xml", [title]))
    cases.append(Case("rp_uolNoticias.rss (real, undeclared Latin-1)", (FEEDS / "rp_uolNoticias.rss").read_bytes(),
                      "application/rss+xml", ["Últimas Notícias", "simulações de 2º turno"]))
    cases.append(Case("rp_encoding.rss (real, declared ISO-8859-1)", (FEEDS / "rp_encoding.rss").read_bytes(),
                      "text/xml", ["Jornal de Notícias - Últimas Notícias"]))
    return cases


def synthetic_cases() -> list[Case]:
    def page(name: str, text: str, encoding: str, meta: str | None = None, content_type: str = "text/html") -> Case:
        return Case(name, _html(text, meta).encode(encoding), content_type, [text])

    long_text = GBK_TEXT * 20  # three bad sequences between characters: a stray byte, a user-defined pair
    damaged = b"\xff".join([long_text[:150].encode("gbk"), long_text[150:300].encode("gbk") + b"\xaa\xb2" +
                            long_text[300:450].encode("gbk"), long_text[450:].encode("gbk")])
    return [
        page("GBK page, no declaration", GBK_TEXT, "gbk"),
        page("Big5 page, no declaration", TRADITIONAL[:60], "big5"),
        page("Big5-HKSCS characters, header big5", TRADITIONAL[:30] + "嘅㗎", "big5hkscs",
             content_type="text/html; charset=big5"),
        page("GB18030-only characters, <meta> gb2312", GBK_TEXT + "𠂇䶮€", "gb18030", "gb2312"),
        page("UTF-8 page, <meta> gb2312", GBK_TEXT, "utf-8", "gb2312"),
        page("GBK page, <meta> utf-8", GBK_TEXT, "gbk", "utf-8"),
        page("GBK page, header utf-8, no <meta>", GBK_TEXT, "gbk", content_type="text/html; charset=utf-8"),
        page("GBK page, header ISO-8859-1, no <meta>", GBK_TEXT, "gbk", content_type="text/html; charset=ISO-8859-1"),
        page("Big5 page, <meta> gb2312", TRADITIONAL[:60], "big5", "gb2312"),
        page("cp1252 curly quotes, header iso-8859-1", LATIN_TEXT, "cp1252",
             content_type="text/html; charset=iso-8859-1"),
        page("cp1252 page, no declaration", LATIN_TEXT, "cp1252"),
        page("UTF-8 page, no declaration", GBK_TEXT + LATIN_TEXT, "utf-8"),
        Case("UTF-16 page with BOM", b"\xff\xfe" + _html(GBK_TEXT).encode("utf-16-le"), "text/html", [GBK_TEXT]),
        page("wrong <meta> big5, right header gbk", GBK_TEXT, "gbk", "big5", content_type="text/html; charset=gbk"),
        Case("20-byte GBK title", "北方稀土董事辞职公告".encode("gbk"), "text/plain", ["北方稀土董事辞职公告"]),
        Case("GBK page with 3 bad byte sequences, header gbk", damaged, "text/html; charset=gbk", [GBK_TEXT[30:]], 3),
    ]


def _requests(body: bytes, content_type: str | None) -> tuple[str, str]:
    response = requests.models.Response()
    response._content = body
    response.status_code = 200
    if content_type:
        response.headers["content-type"] = content_type
    response.encoding = requests.utils.get_encoding_from_headers(response.headers)
    text = response.text
    return text, response.encoding or response.apparent_encoding or "?"


def _httpx(body: bytes, content_type: str | None) -> tuple[str, str]:
    response = httpx.Response(200, content=body, headers={"content-type": content_type} if content_type else {})
    return response.text, response.encoding or "?"


def _charset_normalizer(body: bytes, content_type: str | None) -> tuple[str, str]:
    best = from_bytes(body).best()
    return (str(best), best.encoding) if best else (body.decode("utf-8", "replace"), "none")


def _trafilatura(body: bytes, content_type: str | None) -> tuple[str, str]:
    from trafilatura.utils import decode_file, detect_encoding

    used = "utf-8, replacing"  # decode_file's last resort, when no guess decodes strictly
    for guess in detect_encoding(body) if body[:3] != b"\xef\xbb\xbf" else ["utf-8"]:
        try:
            body.decode(guess)
        except (LookupError, UnicodeDecodeError):
            continue
        used = guess
        break
    return decode_file(body), used


def _ours(body: bytes, content_type: str | None) -> tuple[str, str]:
    decoded = decode_document(body, content_type=content_type)
    return decoded.text, f"{decoded.encoding} ({decoded.source})"


def tools() -> dict[str, Callable[[bytes, str | None], tuple[str, str]]]:
    found = {"ours": _ours, "charset_normalizer": _charset_normalizer, "requests": _requests, "httpx": _httpx}
    try:
        import trafilatura.utils  # noqa: F401  (the eval extra)
    except ImportError:
        return found
    return {**found, "trafilatura": _trafilatura}


def judge(case: Case, text: str, encoding: str) -> tuple[bool, str]:
    extra = text.count("\ufffd") - case.replaced
    ok = all(s in text for s in case.expected) and extra <= 0
    note = "" if extra <= 0 else f", {extra}×U+FFFD"
    return ok, ("ok" if ok else "WRONG") + f" {encoding}{note}"


def table_1() -> None:
    columns = tools()
    cases = real_cases() + synthetic_cases()
    if not real_cases():
        print(f"({EVAL} is absent: real pages and feeds left out)\n")
    print("| case | Content-Type | " + " | ".join(columns) + " |")
    print("|---|---|" + "---|" * len(columns))
    right = dict.fromkeys(columns, 0)
    for case in cases:
        cells = []
        for name, tool in columns.items():
            ok, cell = judge(case, *tool(case.body, case.content_type))
            right[name] += ok
            cells.append(cell)
        print(f"| {case.name} | {case.content_type or '-'} | " + " | ".join(cells) + " |")
    print("| **right** | | " + " | ".join(f"**{right[n]}/{len(cases)}**" for n in columns) + " |")


def _snippets(texts: list[str], length: int, count: int, encoding: str, rng: random.Random) -> list[str]:
    found: list[str] = []
    for _ in range(count * 20):
        text = rng.choice(texts)
        start = rng.randrange(0, max(1, len(text) - length))
        snippet = text[start:start + length]
        if len(snippet) == length and re.search(r"[^\x00-\x7f]", snippet):
            try:
                snippet.encode(encoding)
            except UnicodeEncodeError:
                continue
            found.append(snippet)
        if len(found) == count:
            break
    return found


def table_2(count: int) -> None:
    gold = [json.loads(line) for name in ("dev", "test")
            for line in (ROOT / "corpus" / "gold" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]
    simplified = [doc["text"] for doc in gold if doc.get("lang") == "zh"]
    sets = [("GBK", simplified, "gbk"), ("Big5", [TRADITIONAL], "big5"), ("cp1252", [LATIN], "cp1252"),
            ("UTF-8", simplified, "utf-8")]
    columns = {name: tool for name, tool in tools().items() if name in ("ours", "charset_normalizer", "trafilatura")}
    print(f"\n| undeclared snippet | characters | {' | '.join(columns)} |")
    print("|---|---|" + "---|" * len(columns))
    rng = random.Random(7)
    for label, texts, encoding in sets:
        for length in (2, 4, 8, 16, 64):
            snippets = _snippets(texts, length, count, encoding, rng)
            scores = []
            for tool in columns.values():
                right = sum(tool(s.encode(encoding), None)[0] == s for s in snippets)
                scores.append(f"{right / len(snippets):.0%}")
            print(f"| {label} | {length} | " + " | ".join(scores) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--snippets", type=int, default=150, help="snippets per encoding and length in table 2")
    args = parser.parse_args()
    table_1()
    table_2(args.snippets)


if __name__ == "__main__":
    main()
