"""Encodings decided in one place (extractor/parse/encoding.py).

Real pages and feeds are read from ../shared/eval at test time (never copied here): nine 2004-05
Chinese finance pages in gb2312/gbk with invalid byte pairs and one undeclared (crawl-fixtures/
cn-gbk-news-pages, gold text for four), a gb2312 cninfo announcement, a gb2312 RSS feed and an
undeclared Latin-1 one. Their titles and counts come from the PROVENANCE.md tables. Those tests skip
when ../shared/eval is not beside the clone; the synthetic cases are built here and always run.
"""

from __future__ import annotations

import codecs
import html
import re
from pathlib import Path

import pytest

from extractor.inputs import read_bytes
from extractor.parse.encoding import chinese_score, codec_for, decode, decode_document

from .conftest import SHARED_EVAL as EVAL

PAGES = EVAL / "crawl-fixtures" / "cn-gbk-news-pages"
ANNOUNCEMENT = EVAL / "crawl-fixtures" / "cn-announcements" / "html" / \
    "000001_shenfazhanA_2001-annual-report-delay-notice_2002-04-05.html"
FEEDS = EVAL / "rss-atom-feeds" / "feeds"
ABSENT = f"{EVAL} is absent (../shared/eval is not beside the clone)"
# Characters replaced with U+FFFD in each page: invalid pairs and user-defined (private-use) codes, as
# counted by hand from the PROVENANCE notes (AA B2 in 24, A3 7C in 39 and 41, a misaligned run in 41).
REPLACED = {23: 0, 24: 1, 25: 0, 26: 0, 39: 2, 40: 0, 41: 8, 43: 0, 49: 0}
HTML = "text/html"


def _bytes(path: Path) -> bytes:
    if not path.exists():
        pytest.skip(ABSENT)
    return path.read_bytes()


def _titles() -> dict[int, str]:
    """Page number -> title, from the PROVENANCE.md table of cn-gbk-news-pages."""
    titles = {}
    for line in _bytes(PAGES / "PROVENANCE.md").decode("utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        match = re.fullmatch(r"html/cleaneval-zh-(\d+)\.html", cells[0])
        if match and len(cells) == 7:
            titles[int(match.group(1))] = cells[3].replace(" (title from wrapper)", "")
    return titles


def _page_text(text: str) -> str:
    """Decoded HTML without tags, entities, whitespace and U+FFFD, to compare with gold text."""
    return re.sub(r"[\s\ufffd]+", "", html.unescape(re.sub(r"<[^>]+>", "", text)))


def _codes(decoded) -> list[str]:
    return [code for code, _ in decoded.warnings("page")]


def _page(number: int) -> bytes:
    return _bytes(PAGES / "html" / f"cleaneval-zh-{number}.html")


# ------------------------------------------------------------------------------ real Chinese pages


@pytest.mark.parametrize("number", sorted(REPLACED))
def test_encoding_real_gbk_page_decodes_as_gb18030(number):
    decoded = decode_document(_page(number), content_type=HTML)
    assert decoded.encoding == "gb18030"
    assert decoded.source == ("guess" if number == 23 else "meta")  # 23 has no declaration at all
    assert _titles()[number] in decoded.text
    assert decoded.replaced == REPLACED[number] == decoded.text.count("\ufffd")
    expected = ["W001"] if number == 23 else []
    assert _codes(decoded) == expected + (["W003"] if REPLACED[number] else [])


@pytest.mark.parametrize("number", [23, 24, 25, 26])
def test_encoding_real_gbk_page_holds_its_gold_text(number):
    text = _page_text(decode_document(_page(number)).text)
    gold = (PAGES / "gold" / f"cleaneval-zh-{number}.cleaned.txt").read_text(encoding="utf-8")
    # the gold keeps the user-defined code point (U+E011) where the page has AA B2; the page has U+FFFD
    paragraphs = [re.sub(r"[\s\ue000-\uf8ff]+", "", p) for p in gold.splitlines() if p.strip()]
    found = sum(len(p) for p in paragraphs if p in text)
    assert found >= 0.95 * sum(len(p) for p in paragraphs)  # the rest is boilerplate that scripts write
    author = (PAGES / "gold" / f"cleaneval-zh-{number}.author.txt").read_text(encoding="utf-8").strip()
    if author != "UNKNOWN":
        assert author in text


@pytest.mark.parametrize("header", ["text/html; charset=utf-8", "text/html; charset=ISO-8859-1",
                                    "text/html; charset=big5"])
@pytest.mark.parametrize("number", [23, 24, 41, 43])
def test_encoding_real_gbk_page_survives_a_wrong_http_charset(number, header):
    right = decode_document(_page(number), content_type=HTML)
    wrong = decode_document(_page(number), content_type=header)
    assert (wrong.text, wrong.encoding) == (right.text, "gb18030")
    assert wrong.rejected[0] == ("http", header.split("=")[1]) and "W004" in _codes(wrong)


def test_encoding_real_gbk_page_with_one_bad_pair_is_not_flipped():
    """Page 24 declares gbk and holds one user-defined pair (AA B2) in 5,800 Chinese characters: it
    stays GB18030 with one U+FFFD, never Big5 or Latin-1."""
    decoded = decode_document(_page(24))
    assert decoded.encoding == "gb18030" and "sys\ufffdtem" in decoded.text  # "air suspension sys?tem"
    [message] = [m for code, m in decoded.warnings("p24") if code == "W003"]
    assert message.startswith("[W003] p24: 1 character(s) could not be decoded as gb18030")


def test_encoding_real_page_without_its_wrapper_is_guessed():
    """Page 23 as crawled (the CleanEval wrapper line removed): no <head>, no charset anywhere."""
    body = b"\n".join(_page(23).splitlines()[1:-1])
    decoded = decode_document(body, content_type=HTML)
    assert (decoded.encoding, decoded.source, decoded.guessed) == ("gb18030", "guess", True)
    assert "北大中国经济研究中心" in decoded.text


def test_encoding_real_cninfo_announcement():
    decoded = decode_document(_bytes(ANNOUNCEMENT), content_type="application/pdf")  # served as a "PDF"
    assert (decoded.encoding, decoded.source) == ("gb18030", "meta")
    assert "本行2001年年度报告披露时间延期到2002年4月19日" in decoded.text and "巨潮互联资讯" in decoded.text


# ----------------------------------------------------------------------------------- real feeds


@pytest.mark.parametrize("content_type", [None, "application/rss+xml", "text/xml; charset=utf-8"])
def test_encoding_real_gb2312_feed(content_type):
    decoded = decode_document(_bytes(FEEDS / "nn_kc0011.rss"), content_type=content_type)
    assert (decoded.encoding, decoded.source) == ("gb18030", "xml")
    assert "<title>投资资讯网交易在线--流通纪念币最新20篇论坛主题-全文</title>" in decoded.text
    assert decoded.replaced == 0


@pytest.mark.parametrize("content_type", [None, "application/rss+xml"])
def test_encoding_real_undeclared_latin_1_feed(content_type):
    decoded = decode_document(_bytes(FEEDS / "rp_uolNoticias.rss"), content_type=content_type, kind="xml")
    assert (decoded.encoding, decoded.source, decoded.replaced) == ("cp1252", "guess", 0)
    assert "<description>Últimas Notícias</description>" in decoded.text
    assert "simulações de 2º turno" in decoded.text
    assert _codes(decoded) == ["W001"]


def test_encoding_real_iso_8859_1_feed_is_read_as_windows_1252():
    decoded = decode_document(_bytes(FEEDS / "rp_encoding.rss"))
    assert (decoded.encoding, decoded.source) == ("cp1252", "xml")
    assert "Jornal de Notícias - Últimas Notícias" in decoded.text


# ------------------------------------------------------------------------------ synthetic cases

GBK_TEXT = "北方稀土公告称，公司董事张某辞职。氧化镨钕价格上涨至68.25万元/吨，较年初上涨11.88%。"
BIG5_TEXT = "台積電營收創新高，第三季營業額達新台幣七千億元，較去年同期成長三成。"
LATIN_TEXT = "“Société Générale” raised its dividend by 5 % — Crédit Agricole’s rose too; Zürich’s UBS fell."


def _html(body: str, meta: str | None = None) -> str:
    head = f'<meta charset="{meta}">' if meta else ""
    return f"<html><head>{head}<title>t</title></head><body><p>{body}</p></body></html>"


@pytest.mark.parametrize("text,encoding,codec", [
    (GBK_TEXT, "gbk", "gb18030"),
    (GBK_TEXT, "gb2312", "gb18030"),
    (GBK_TEXT + "𠀀𠂇䶮€", "gb18030", "gb18030"),
    (BIG5_TEXT, "big5", "big5hkscs"),
    (BIG5_TEXT + "嘅㗎", "big5hkscs", "big5hkscs"),
    (LATIN_TEXT, "cp1252", "cp1252"),
    ("Les résultats de l'exercice dépassent les prévisions à Genève.", "latin-1", "cp1252"),
    (GBK_TEXT + BIG5_TEXT + LATIN_TEXT, "utf-8", "utf-8"),
])
def test_encoding_page_without_any_declaration(text, encoding, codec):
    decoded = decode_document(_html(text).encode(encoding))
    assert decoded.text == _html(text) and decoded.encoding == codec
    assert decoded.source == ("utf-8" if codec == "utf-8" else "guess")
    assert _codes(decoded) == ([] if codec == "utf-8" else ["W001"])


@pytest.mark.parametrize("text,encoding,label,codec", [
    (GBK_TEXT, "gbk", "gb2312", "gb18030"),           # declared gb2312, uses GBK characters (镨)
    (GBK_TEXT + "𠂇䶮", "gb18030", "gbk", "gb18030"),  # declared gbk, uses four-byte GB18030
    (BIG5_TEXT, "big5", "big5", "big5hkscs"),
    (BIG5_TEXT + "嘅", "big5hkscs", "big5", "big5hkscs"),  # HKSCS characters under a plain big5 label
    (LATIN_TEXT, "cp1252", "iso-8859-1", "cp1252"),   # curly quotes and dashes, as browsers show them
    (LATIN_TEXT, "cp1252", "us-ascii", "cp1252"),
    ("Привет, мир! Газпром повысил дивиденды на 5 %.", "cp1251", "windows-1251", "cp1251"),
])
def test_encoding_page_declared_right(text, encoding, label, codec):
    decoded = decode_document(_html(text, label).encode(encoding))
    assert decoded.text == _html(text, label)
    assert (decoded.encoding, decoded.source, _codes(decoded)) == (codec, "meta", [])


def test_encoding_latin_1_declared_page_has_no_c1_controls_for_quotes():
    decoded = decode_document(b'<meta charset="iso-8859-1"><p>\x93quoted\x94 \x96 it\x92s \x80 5</p>')
    assert decoded.text.endswith("<p>“quoted” – it’s € 5</p>")
    # bytes windows-1252 leaves undefined become C1 controls, as in browsers, not U+FFFD
    assert decode_document(b"caf\xe9 \x81", encoding="latin-1").text == "café \x81"


@pytest.mark.parametrize("text,encoding,label,codec", [
    (GBK_TEXT, "utf-8", "gb2312", "utf-8"),      # a UTF-8 page declared gb2312
    (GBK_TEXT, "gbk", "utf-8", "gb18030"),       # a GBK page declared utf-8
    (BIG5_TEXT, "big5", "gb2312", "big5hkscs"),  # Big5 bytes read as GBK would be mojibake
    (GBK_TEXT, "gbk", "big5", "gb18030"),
    (GBK_TEXT, "gbk", "iso-8859-1", "gb18030"),  # a GBK page behind a Latin-1 default
    (LATIN_TEXT, "utf-8", "iso-8859-1", "utf-8"),
    (LATIN_TEXT, "cp1252", "utf-8", "cp1252"),
])
def test_encoding_page_declared_wrong(text, encoding, label, codec):
    decoded = decode_document(_html(text, label).encode(encoding))
    assert decoded.text == _html(text, label) and decoded.encoding == codec
    assert decoded.rejected == (("meta", label),)
    [message] = [m for code, m in decoded.warnings("p.html") if code == "W004"]
    assert f"declared {label!r} (<meta>)" in message and f"decoded as {codec}" in message


def test_encoding_http_header_wins_over_a_wrong_meta_when_it_decodes_cleanly():
    body = _html(GBK_TEXT, "utf-8").encode("gbk")
    decoded = decode_document(body, content_type="text/html; charset=GBK")
    assert (decoded.text, decoded.encoding, decoded.source, _codes(decoded)) == \
        (_html(GBK_TEXT, "utf-8"), "gb18030", "http", [])
    # a header that does not fit gives way to the <meta> that does
    body = _html(GBK_TEXT, "gb2312").encode("gbk")
    decoded = decode_document(body, content_type='text/html; charset="utf-8"')
    assert (decoded.encoding, decoded.source, decoded.rejected) == ("gb18030", "meta", (("http", "utf-8"),))


def test_encoding_a_few_invalid_pairs_do_not_flip_a_long_gbk_page():
    text = GBK_TEXT * 20
    cut = text.index("68.25", 450)  # a lead byte without its trail byte, before ASCII as in page 39
    body = b"".join([text[:150].encode("gbk"), b"\xff", text[150:300].encode("gbk"), b"\xaa\xb2",
                     text[300:cut].encode("gbk"), b"\xb1", text[cut:].encode("gbk")])
    for declared in (None, "gb2312"):
        decoded = decode_document(body, encoding=declared)
        assert (decoded.encoding, decoded.replaced) == ("gb18030", 3)
        assert decoded.text == text[:150] + "\ufffd" + text[150:300] + "\ufffd" + text[300:cut] + "\ufffd" + text[cut:]
        assert "W003" in _codes(decoded)
    # a lone 0x80 is the euro sign, as in browsers and code page 936
    assert decode_document("价格".encode("gbk") + b"\x80" + "5元".encode("gbk"), encoding="gbk").text == "价格€5元"
    # as many bad pairs as good ones: the declaration is not believed
    assert decode_document(GBK_TEXT.encode("gbk").replace("，".encode("gbk"), b"\xff"), encoding="big5").rejected


@pytest.mark.parametrize("bom,encoding", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                                          (codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF32_LE, "utf-32-le")])
def test_encoding_byte_order_mark_wins(bom, encoding):
    text = _html(GBK_TEXT, "gb2312")
    decoded = decode_document(bom + text.encode(encoding), content_type="text/html; charset=iso-8859-1")
    assert (decoded.text, decoded.encoding, decoded.source) == (text, encoding, "bom")


def test_encoding_utf16_declarations_without_the_bytes_to_match():
    # a <meta> that says UTF-16 in ASCII bytes means UTF-8 (WHATWG)
    decoded = decode_document(_html(GBK_TEXT, "utf-16").encode("utf-8"))
    assert (decoded.encoding, decoded.source) == ("utf-8", "meta")
    # an HTTP header that says UTF-16 over bytes without NULs is wrong
    decoded = decode_document(b"<p>plain ASCII</p>", content_type="text/html; charset=utf-16")
    assert decoded.text == "<p>plain ASCII</p>" and decoded.rejected == (("http", "utf-16"),)
    # an XML document in UTF-16 without a byte-order mark
    xml = '<?xml version="1.0" encoding="utf-16"?><rss><title>北京</title></rss>'
    assert decode_document(xml.encode("utf-16-le")).text == xml


@pytest.mark.parametrize("text,encoding,codec", [
    ("北方稀土董事辞职公告", "gbk", "gb18030"),          # a 20-byte GBK title
    ("台積電營收創新高", "big5", "big5hkscs"),            # 16 bytes of Big5
    ("原食", "gbk", "gb18030"),                          # 4 bytes that are also valid UTF-8 ("ԭʳ")
    ("A股", "gbk", "gb18030"),
    ("Zürich", "cp1252", "cp1252"),
    ("Últimas Notícias", "latin-1", "cp1252"),
    ("ação", "latin-1", "cp1252"),                       # "ção" is a GBK pair too
    ("Δ 5 %", "utf-8", "utf-8"),
])
def test_encoding_short_inputs(text, encoding, codec):
    decoded = decode_document(text.encode(encoding))
    assert (decoded.text, decoded.encoding) == (text, codec)


def test_encoding_damaged_utf8_stays_utf8():
    body = (GBK_TEXT * 20).encode("utf-8")
    decoded = decode_document(body[:-1])  # truncated in the middle of the last character
    assert (decoded.encoding, decoded.source, decoded.replaced) == ("utf-8", "guess", 1)
    at = body.index("，".encode())  # a stray byte between two characters
    decoded = decode_document(body[:at] + b"\xff" + body[at:], content_type="text/plain; charset=utf-8")
    assert (decoded.encoding, decoded.source, decoded.replaced) == ("utf-8", "http", 1)
    assert decoded.text == (GBK_TEXT * 20).replace("，", "\ufffd，", 1)


def test_encoding_meta_in_a_comment_or_late_in_the_page_is_not_read():
    hidden = '<html><head><!-- <meta charset="big5"> --></head><body><p>' + GBK_TEXT + "</p></body></html>"
    assert decode_document(hidden.encode("gbk")).declared == ()
    late = "<html><head><script>" + "x = 1;\n" * 2000 + '</script><meta charset="gbk">'
    assert decode_document(late.encode("ascii")).declared == ()


def test_encoding_xml_declaration_is_read_for_xml_and_html_but_not_for_text():
    feed = f'<?xml version="1.0" encoding="gb2312"?><rss><title>{GBK_TEXT}</title></rss>'
    assert decode_document(feed.encode("gbk"), kind="xml").source == "xml"
    assert decode_document(feed.encode("gbk"), content_type="application/atom+xml").source == "xml"
    assert decode_document(feed.encode("gbk"), kind="text").source == "guess"
    page = _html(GBK_TEXT, "gbk").encode("gbk")
    assert decode_document(page, kind="xml").source == "guess"  # a <meta> is not an XML declaration


def test_encoding_unknown_label_is_reported_and_ignored():
    decoded = decode_document(_html(GBK_TEXT, "klingon").encode("gbk"), content_type="text/html; charset=x-gbk")
    assert (decoded.encoding, decoded.source, decoded.unknown) == ("gb18030", "http", ())
    decoded = decode_document(_html(GBK_TEXT, "klingon").encode("gbk"))
    assert decoded.encoding == "gb18030" and decoded.unknown == (("meta", "klingon"),)
    [message] = [m for code, m in decoded.warnings("p.html") if code == "W005"]
    assert message == "[W005] p.html: unknown charset 'klingon' (from the <meta>) was ignored."


@pytest.mark.parametrize("label,codec", [
    ("gb2312", "gb18030"), ("GBK", "gb18030"), ("x-gbk", "gb18030"), ("cp936", "gb18030"), ("GB18030", "gb18030"),
    ("euc-cn", "gb18030"), ("big5", "big5hkscs"), ("Big5-HKSCS", "big5hkscs"), ("cp950", "big5hkscs"),
    ("ISO-8859-1", "cp1252"), ("latin1", "cp1252"), ("us-ascii", "cp1252"), ("windows-1252", "cp1252"),
    ("UTF8", "utf-8"), ('"utf-8"', "utf-8"), ("shift_jis", "cp932"), ("euc-kr", "cp949"), ("klingon", None),
    ("", None), (None, None),
])
def test_encoding_labels_map_as_browsers_do(label, codec):
    assert codec_for(label) == codec


def test_encoding_gb18030_later_editions_and_user_defined_codes():
    # ḿ (A8BC) is U+1E3F since GB 18030-2005; 9FB4 since 2022; AA B2 is user-defined: U+FFFD
    decoded = decode_document(b"\xa8\xbc \xfe\x59 \xaa\xb2 " + GBK_TEXT.encode("gbk"), encoding="gbk")
    assert decoded.text.startswith("\u1e3f \u9fb4 \ufffd ") and decoded.replaced == 1


def test_encoding_chinese_score_tells_text_from_mojibake():
    evidence, share = chinese_score(GBK_TEXT)
    assert evidence > 30 and share > 0.95
    assert chinese_score(BIG5_TEXT.encode("big5").decode("gb18030", "replace"))[1] < 0.7
    assert chinese_score(GBK_TEXT.encode("gbk").decode("big5hkscs", "replace"), "big5hkscs")[1] < 0.7
    assert chinese_score(GBK_TEXT.encode("utf-8").decode("gb18030", "replace"))[1] < 0.7


def test_encoding_decode_keeps_working_for_its_callers():
    assert decode("董事辞职公告".encode("gbk"), encoding="gbk").text == "董事辞职公告"
    assert decode(_html(GBK_TEXT, "gbk").encode("gbk")).source == "meta"
    assert decode(b"").text == "" and decode(b"plain").encoding == "utf-8"


def test_encoding_warnings_reach_the_documents_read_from_files():
    [doc] = read_bytes(_html(GBK_TEXT, "utf-8").encode("gbk"), "page.html", kind="html", max_document_chars=10_000)
    assert GBK_TEXT in doc.text and doc.encoding == "gb18030"
    assert [e["code"] for e in doc.errors] == ["W004"] and "page.html: declared 'utf-8'" in doc.errors[0]["message"]
    [doc] = read_bytes(_html(GBK_TEXT, "gbk").encode("gbk"), "page.html", kind="html", max_document_chars=10_000)
    assert doc.errors == [] and doc.encoding == "gb18030"
