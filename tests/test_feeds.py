"""Feeds over bytes (extractor/crawl/feeds.py) and safe XML (extractor/crawl/xmlsafe.py).

The real feeds are read from ../shared/eval/rss-atom-feeds at test time (never copied here); their
expected titles, item counts and dates come from the table in its PROVENANCE.md. Those tests skip
when ../shared/eval is not beside the clone; the hostile cases are built here and always run.
"""

from __future__ import annotations

import functools
import io
import json
import re
import urllib.request
from datetime import datetime, timezone

import feedparser
import pytest

from extractor.crawl.feeds import Feed, feed_links_in_html, html_to_text, parse_date, parse_feed
from extractor.crawl.xmlsafe import (
    XMLMalformed,
    XMLRefused,
    declares_entities,
    parse_xml,
    refuse_entity_declarations,
    utf8_xml,
)

from .conftest import SHARED_EVAL as EVAL

FEEDS = EVAL / "rss-atom-feeds" / "feeds"
PROVENANCE = EVAL / "rss-atom-feeds" / "PROVENANCE.md"
ABSENT = f"{FEEDS} is absent (../shared/eval is not beside the clone)"
KINDS = {"Atom 1.0": "atom", "RSS 2.0": "rss", "RSS 1.0 (RDF)": "rdf",
         "RSS (no version attr, no XML declaration)": "rss"}


def _table() -> dict[str, dict[str, str]]:
    """The PROVENANCE.md table: file -> format, declared encoding, items, title, date."""
    rows = {}
    for line in PROVENANCE.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 8 and re.fullmatch(r"\w+_[\w.\-]+\.(xml|rss|atom|rdf)", cells[0]):
            rows[cells[0]] = {"format": cells[3], "declared": cells[4], "items": cells[5], "title": cells[6],
                              "date": cells[7]}
    return rows


def _feed_rows() -> list:
    if not PROVENANCE.exists():
        return [pytest.param(None, None, marks=pytest.mark.skip(reason=ABSENT))]
    return [pytest.param(name, row, id=name) for name, row in _table().items()]


def _read(name: str) -> Feed:
    if not FEEDS.is_dir():
        pytest.skip(ABSENT)
    return _parsed(name)


@functools.cache
def _parsed(name: str) -> Feed:  # tests only read the Feed; parse each file once
    return parse_feed((FEEDS / name).read_bytes(), url=f"https://feeds.example.com/{name}")


def _instant(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


# ------------------------------------------------------------------------------- the real feeds


def test_feeds_table_lists_every_feed_file():
    if not PROVENANCE.exists():
        pytest.skip(ABSENT)
    table = _table()
    assert len(table) == 22
    assert sorted(table) == sorted(p.name for p in FEEDS.iterdir())
    assert sum(int(row["items"]) for row in table.values()) == 583


@pytest.mark.parametrize("name,row", _feed_rows())
def test_feeds_real_feed_title_count_kind_and_date(name, row):
    feed = _read(name)
    assert feed.errors == []
    # only the undeclared Latin-1 feed needs a guess, and says so
    assert [w[1:5] for w in feed.warnings] == (["W001"] if name == "rp_uolNoticias.rss" else [])
    assert feed.kind == KINDS[row["format"]]
    assert feed.title == row["title"]
    assert len(feed.items) == int(row["items"])
    # The table's "newest date" is a date the feed carries: mostly the feed's own (pubDate,
    # lastBuildDate, Atom updated), else the first item's (for rp_reddit.rss not the newest item).
    carried = {feed.published_at, feed.updated_at} | {d for i in feed.items for d in (i.published_at, i.updated_at)}
    assert parse_date(row["date"]) in {_instant(d) for d in carried if d}
    for item in feed.items:
        assert item.url and item.url.startswith(("http://", "https://")) and " " not in item.url
        assert _instant(item.published_at) is not None
        for text in (item.title, item.summary):
            assert text is None or ("\ufffd" not in text and not re.search(r"</?(p|a|b|br|div|img)\b", text))


@pytest.mark.parametrize("name,newest", [
    ("fj_AmazonWebServicesBlog.xml", "2009-01-16T10:21:00-08:00"),
    ("nn_kc0011.rss", "2020-01-10T14:33:00+00:00"),  # no zone in the feed: UTC unless tz says otherwise
    ("nn_medscape.rss", "2025-11-05T13:52:10-05:00"),
    ("rp_heise.atom", "2016-02-01T17:22:00+01:00"),
    ("rp_reddit.rss", "2015-11-12T22:27:28+00:00"),
    ("rp_uolNoticias.rss", "2018-09-24T19:42:40-03:00"),
    ("nn_bio.rdf", "2019-08-27T00:00:00+00:00"),
    ("rp_feedburner.atom", "2016-06-03T07:38:00-07:00"),
])
def test_feeds_newest_item_date_keeps_the_feeds_offset(name, newest):
    feed = _read(name)
    dated = max(feed.items, key=lambda item: _instant(item.published_at))
    assert dated.published_at == newest


@pytest.mark.parametrize("name,row", _feed_rows())
def test_feeds_item_dates_agree_with_feedparsers_utc(name, row):
    """feedparser's own UTC struct_time is a second, independent reading of every item's date; it
    misreads "2020/1/10 14:33:00" (as 2020-11-01) and cannot read "Seg, 24 Set 2018", which is why
    parse_feed reads the raw strings itself."""
    if not FEEDS.is_dir():
        pytest.skip(ABSENT)
    body = (FEEDS / name).read_bytes()
    ours = parse_feed(body).items
    theirs = feedparser.parse(io.BytesIO(body), response_headers={"content-type": "application/xml"}).entries
    assert len(ours) == len(theirs)
    for item, entry in zip(ours, theirs, strict=True):
        parsed = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
        if name in ("nn_kc0011.rss", "rp_uolNoticias.rss"):
            continue
        assert _instant(item.published_at).replace(microsecond=0) == datetime(*parsed[:6], tzinfo=timezone.utc)


def test_feeds_gb2312_feed_decodes_to_chinese():
    feed = _read("nn_kc0011.rss")
    assert feed.encoding in ("gb2312", "gbk", "gb18030")
    assert feed.title == "投资资讯网交易在线--流通纪念币最新20篇论坛主题-全文"
    first = feed.items[0]
    assert first.title == "建国35周年纪念，华表，和平鸽"
    assert first.authors == ["大鱼儿"]
    assert "和平鸽20一个" in first.summary
    assert first.url == "http://www.kc0011.net/dispbbs.asp?BoardID=10&ID=25164257&Page=1"


def test_feeds_gb2312_feed_dates_in_a_stated_zone():
    feed = parse_feed((FEEDS / "nn_kc0011.rss").read_bytes(), tz="Asia/Shanghai") if FEEDS.is_dir() else None
    if feed is None:
        pytest.skip(ABSENT)
    assert feed.items[0].published_at == "2020-01-10T14:33:00+08:00"


def test_feeds_undeclared_latin1_feed_decodes_to_portuguese():
    feed = _read("rp_uolNoticias.rss")
    first = feed.items[0]
    assert first.title == "Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno"
    assert first.summary.startswith("Líder na pesquisa Ibope de intenção de voto")
    assert not any("Ã" in (item.title or "") + (item.summary or "") for item in feed.items)  # no mojibake


@pytest.mark.parametrize("name,words", [
    ("rp_encoding.rss", ["Jornal de Notícias - Últimas Notícias", "Mãe de utente é a nova presidente da Raríssimas"]),
    ("nn_aktuality.rss", ["aktuálne spravodajstvo", "Analytici Goldman Sachs zvýšili odhad rastu ekonomiky USA"]),
    ("rp_heise.atom", ["Die nun verfügbare Version 10 des Enterprise-Java-Servers"]),
    ("nn_DaringFireball.atom", ["The Talk Show: ‘I Do Like Throwing a Baby’"]),
])
def test_feeds_non_english_text_decodes(name, words):
    feed = _read(name)
    text = "\n".join([feed.title or ""] + [f"{i.title}\n{i.summary}" for i in feed.items])
    for word in words:
        assert word in text


def test_feeds_item_fields_from_real_feeds():
    feed = _read("rp_feedburner.atom")
    first = feed.items[0]
    # feedburner:origLink is the article, the item's link a feedburner redirect
    assert first.url == "http://googleadsdeveloper.blogspot.com/2016/06/adwords-and-dfp-java-client-library.html"
    assert first.guid == "tag:blogger.com,1999:blog-7815614485808579332.post-8394866751819460570"
    assert first.authors == ["Google Ads Developer Advisor"]
    assert first.tags == ["adwords_api", "client_libraries", "dfp_api"]
    assert first.content and "Java 7" in first.content
    guardian = _read("rp_guardian.rss").items[0]
    assert guardian.summary.startswith("The president’s ‘new American moment’ speech stirred Republican applause")
    alert = _read("fj_google_alerts_atom.xml").items[0]
    assert alert.title.startswith("Report offers Prediction of Automotive Slack Market")  # <b>Slack</b> stripped


# ------------------------------------------------------------------------------------- dates


@pytest.mark.parametrize("text,expected", [
    ("Seg, 24 Set 2018 19:42:40 -0300", "2018-09-24T19:42:40-03:00"),
    ("2020/1/10 14:33:00", "2020-01-10T14:33:00+00:00"),
    ("Wed, 5 Nov 2025 22:21:32  EST", "2025-11-05T22:21:32-05:00"),
    ("Thu, 22 Nov 2018 05:50:04 GMT", "2018-11-22T05:50:04+00:00"),
    ("Fri, 18 Jan 2013 02:52:48 +0700", "2013-01-18T02:52:48+07:00"),
    ("2016-06-27T07:36:54.007-07:00", "2016-06-27T07:36:54.007000-07:00"),
    ("2009-01-16T18:21:00Z", "2009-01-16T18:21:00+00:00"),
    ("2019-08-27", "2019-08-27T00:00:00+00:00"),
    ("2017-06-15 10:29:47 -07:00", "2017-06-15T10:29:47-07:00"),
    ("Di, 05 Mär 2019 10:00:00 +0100", "2019-03-05T10:00:00+01:00"),
    ("mardi 3 déc. 2019 08:15 CET", "2019-12-03T08:15:00+01:00"),
    ("2020年1月10日 14:33", "2020-01-10T14:33:00+00:00"),
    ("June 27, 2017 7:00 PM EDT", "2017-06-27T19:00:00-04:00"),
    ("Tue Oct 17 22:17:00 +0000 2017", "2017-10-17T22:17:00+00:00"),
    ("12 Dec 99 10:00 GMT", "1999-12-12T10:00:00+00:00"),
])
def test_feeds_parse_date_keeps_the_offset(text, expected):
    assert parse_date(text).isoformat() == expected


@pytest.mark.parametrize("text", ["", "not a date", "2019-02-30", "Mon, 32 Jan 2019 10:00:00 GMT", "Seg, 24 Xyz 2018"])
def test_feeds_parse_date_unreadable_is_none(text):
    assert parse_date(text) is None


def test_feeds_parse_date_zone_for_dates_without_one():
    assert parse_date("2020/1/10 14:33:00", tz="Asia/Shanghai").isoformat() == "2020-01-10T14:33:00+08:00"
    assert parse_date("2020-01-10T14:33:00-05:00", tz="Asia/Shanghai").isoformat() == "2020-01-10T14:33:00-05:00"


# --------------------------------------------------------------------------- built feeds, all kinds

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Markets &amp; more</title><link>https://news.example.com/</link>
<lastBuildDate>Tue, 20 Jan 2026 09:00:00 +0800</lastBuildDate>
<item><title>Rare earths rally</title><link>/2026/01/20/rare-earths.html</link>
<guid isPermaLink="false">id-1</guid><pubDate>Tue, 20 Jan 2026 08:30:00 +0800</pubDate>
<description>&lt;p&gt;Prices &lt;b&gt;rose&lt;/b&gt; 11.88 %&amp;nbsp;on &amp;quot;quotas&amp;quot;.&lt;/p&gt;
&lt;script&gt;x()&lt;/script&gt;</description>
<category>Commodities</category><author>desk@example.com (Markets Desk)</author></item>
</channel></rss>"""


def test_feeds_rss_item_fields():
    feed = parse_feed(RSS, url="https://news.example.com/feeds/markets.xml")
    assert (feed.kind, feed.title, feed.link, feed.errors) == ("rss", "Markets & more", "https://news.example.com/", [])
    assert feed.url == "https://news.example.com/feeds/markets.xml"
    assert (feed.updated_at, feed.published_at) == ("2026-01-20T09:00:00+08:00", None)
    item = feed.items[0]
    assert item.url == "https://news.example.com/2026/01/20/rare-earths.html"  # relative link resolved
    assert item.guid == "id-1"
    assert item.published_at == "2026-01-20T08:30:00+08:00"
    assert item.summary == 'Prices rose 11.88 % on "quotas".'  # tags and script dropped, entities decoded
    assert item.tags == ["Commodities"]
    assert item.authors == ["Markets Desk"]


def test_feeds_atom_and_rdf_kinds():
    atom = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://a.example/blog/">
    <title type="html">A &lt;i&gt;blog&lt;/i&gt;</title><updated>2026-01-02T03:04:05+01:00</updated>
    <link rel="self" href="https://a.example/atom.xml"/>
    <entry><title>One</title><link href="posts/1"/><id>urn:1</id><updated>2026-01-02T03:04:05+01:00</updated>
    <summary type="html">&lt;p&gt;First&lt;/p&gt;</summary><author><name>Ann</name></author></entry></feed>"""
    feed = parse_feed(atom)
    assert (feed.kind, feed.title, feed.url) == ("atom", "A blog", "https://a.example/atom.xml")
    assert feed.items[0].url == "https://a.example/blog/posts/1"  # xml:base
    assert (feed.items[0].published_at, feed.items[0].summary) == ("2026-01-02T03:04:05+01:00", "First")
    rdf = b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
    <channel rdf:about="https://r.example/"><title>R</title><link>https://r.example/</link></channel>
    <item rdf:about="https://r.example/1"><title>One</title><link>https://r.example/1</link>
    <dc:date>2019-08-27</dc:date></item></rdf:RDF>"""
    feed = parse_feed(rdf)
    assert (feed.kind, feed.title, len(feed.items)) == ("rdf", "R", 1)
    assert feed.items[0].published_at == "2019-08-27T00:00:00+00:00"


@pytest.mark.parametrize("version,authors_key", [("https://jsonfeed.org/version/1", "author"),
                                                 ("https://jsonfeed.org/version/1.1", "authors")])
def test_feeds_json_feed(version, authors_key):
    authors = {"name": "Ann"} if authors_key == "author" else [{"name": "Ann"}]
    body = json.dumps({
        "version": version, "title": "J", "home_page_url": "https://j.example/",
        "items": [
            {"id": 1, "url": "/p/1", "title": "One", "content_html": "<p>Hello &amp; <b>bye</b></p>",
             "date_published": "2026-01-20T08:30:00+08:00", authors_key: authors, "tags": ["x", "x", "y"]},
            {"id": "2", "external_url": "https://elsewhere.example/2", "summary": "Plain",
             "content_text": "Longer text", "date_modified": "2026-01-21T00:00:00Z"},
        ],
    }).encode()
    feed = parse_feed(body, url="https://j.example/feed.json", headers={"Content-Type": "application/feed+json"})
    assert (feed.kind, feed.title, feed.link, feed.errors) == ("json", "J", "https://j.example/", [])
    one, two = feed.items
    assert (one.url, one.guid, one.summary, one.authors, one.tags) == (
        "https://j.example/p/1", "1", "Hello & bye", ["Ann"], ["x", "y"])
    assert one.published_at == "2026-01-20T08:30:00+08:00"
    assert (two.url, two.summary, two.content, two.published_at) == (
        "https://elsewhere.example/2", "Plain", "Longer text", "2026-01-21T00:00:00+00:00")


def test_feeds_json_that_is_not_a_feed():
    if (EVAL / "rss-atom-feeds" / "financial-feed-items-json").is_dir():
        body = next((EVAL / "rss-atom-feeds" / "financial-feed-items-json").glob("*.jsonc")).read_bytes()
    else:
        body = json.dumps([{"title": "x", "link": "https://x.example/"}]).encode()
    feed = parse_feed(body)
    assert feed.items == [] and feed.kind is None
    assert feed.errors[0].startswith("[E081]") and "not a JSON Feed" in feed.errors[0]


def test_feeds_truncated_json_feed():
    body = b'{"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [{"id": "1", "url": "https://j.ex'
    feed = parse_feed(body)
    assert feed.kind == "json" and feed.items == []
    assert feed.errors[0].startswith("[E083]")


# ------------------------------------------------------------------------------------- hostile

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><link>https://x.example/1</link></item>
</channel></rss>"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>&xxe;</title><item><title>&xxe;</title><link>https://x.example/1</link></item>
</channel></rss>"""


@pytest.mark.parametrize("body", [BILLION_LAUGHS, EXTERNAL_ENTITY,
                                  EXTERNAL_ENTITY.replace(b"<!ENTITY xxe", b"<!ENTITY % xxe"),
                                  BILLION_LAUGHS.decode().encode("utf-16")],
                         ids=["billion-laughs", "external-entity", "parameter-entity", "utf-16"])
def test_feeds_entity_declarations_are_refused(body):
    feed = parse_feed(body, url="https://evil.example/feed")
    assert feed.items == [] and feed.title is None
    assert len(feed.errors) == 1 and feed.errors[0].startswith("[E082] https://evil.example/feed:")
    with pytest.raises(XMLRefused):
        parse_xml(body, recover=True)


def test_feeds_external_dtd_without_entities_is_not_fetched():
    body = b"""<?xml version="1.0"?><!DOCTYPE rss SYSTEM "file:///etc/passwd">
    <rss version="2.0"><channel><title>T</title><item><title>root:x:0:0</title><link>https://x.example/1</link></item>
    </channel></rss>"""
    feed = parse_feed(body)
    assert feed.title == "T" and len(feed.items) == 1
    root = parse_xml(body)
    assert root.tag == "rss" and "daemon" not in "".join(root.itertext())


def test_feeds_entity_text_without_doctype_is_not_refused():
    body = b"""<rss version="2.0"><channel><title>XXE explained</title><item><title>x</title>
    <description><![CDATA[Write <!ENTITY x SYSTEM "file:///etc/passwd"> to ...]]></description>
    <link>https://x.example/1</link></item></channel></rss>"""
    assert not declares_entities(body)
    feed = parse_feed(body)
    assert feed.errors == [] and feed.items[0].summary.startswith("Write")


def test_feeds_parse_xml_never_opens_the_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a URL was opened")

    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    monkeypatch.setattr(urllib.request.OpenerDirector, "open", refuse)
    feed = parse_feed(b"http://127.0.0.1:9/feed.xml")
    assert feed.items == [] and feed.errors[0].startswith("[E081]")
    body = b'<?xml version="1.0"?><!DOCTYPE r SYSTEM "http://127.0.0.1:9/x.dtd"><r>&undefined;</r>'
    assert parse_xml(body, recover=True).tag == "r"


def test_feeds_truncated_xml_keeps_what_was_read():
    items = b"".join(b"<item><title>Item %d</title><link>https://x.example/%d</link></item>" % (n, n)
                     for n in range(40))
    body = b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>' + items + b"</channel></rss>"
    cut = body[: len(body) // 2]
    feed = parse_feed(cut)
    assert feed.title and 0 < len(feed.items)
    assert len(feed.errors) == 1 and feed.errors[0].startswith("[E083]")
    assert f"kept what could be read: {len(feed.items)} items" in feed.errors[0]
    with pytest.raises(XMLMalformed):
        parse_xml(cut)


CHINESE = "<?xml version=\"1.0\" encoding=\"{declared}\"?><rss version=\"2.0\"><channel><title>财经新闻</title>" \
          "<item><title>北方稀土发布业绩预告，净利润同比大幅增长</title><link>https://cn.example/1</link>" \
          "<description>氧化镨钕价格上涨至68.25万元/吨</description></item></channel></rss>"


def test_feeds_declared_utf8_but_gbk_bytes():
    body = CHINESE.format(declared="utf-8").encode("gbk")
    feed = parse_feed(body, headers={"Content-Type": "application/rss+xml; charset=utf-8"})
    assert feed.title == "财经新闻"
    assert feed.items[0].title == "北方稀土发布业绩预告，净利润同比大幅增长"
    assert feed.items[0].summary == "氧化镨钕价格上涨至68.25万元/吨"
    assert feed.encoding == "gb18030" and feed.errors == []
    assert [w[1:5] for w in feed.warnings] == ["W004"]  # the declared charset the bytes contradict


def test_feeds_declared_gb2312_but_utf8_bytes():
    body = CHINESE.format(declared="gb2312").encode("utf-8")
    feed = parse_feed(body)
    assert feed.encoding == "utf-8"
    assert feed.items[0].title == "北方稀土发布业绩预告，净利润同比大幅增长"
    assert [w[1:5] for w in feed.warnings] == ["W004"]


def test_feeds_http_charset_is_used():
    body = CHINESE.format(declared="utf-8").encode("gb18030")
    feed = parse_feed(body, headers={"content-type": "text/xml; charset=GB2312"})
    assert feed.title == "财经新闻" and feed.encoding in ("gb2312", "gbk", "gb18030")


@pytest.mark.parametrize("body", [b"", b"  \r\n\t "])
def test_feeds_empty_body(body):
    feed = parse_feed(body, url="https://x.example/feed")
    assert feed.items == [] and feed.kind is None
    assert feed.errors == ["[E080] https://x.example/feed: the body is empty; there is no feed to read. "
                           "Check the URL, or fetch it again later."]


def test_feeds_html_served_instead_of_a_feed():
    page = b"""<!DOCTYPE html><html><head><title>News</title>
    <link rel="alternate" type="application/rss+xml" title="RSS" href="/rss/markets.xml">
    <link rel="stylesheet" href="/s.css"></head><body><p>Latest news</p></body></html>"""
    feed = parse_feed(page, url="https://news.example.com/markets/", headers={"content-type": "text/html"})
    assert feed.items == [] and feed.kind is None
    assert len(feed.errors) == 1
    assert feed.errors[0].startswith("[E081] https://news.example.com/markets/: not a feed: an HTML page")
    assert "https://news.example.com/rss/markets.xml" in feed.errors[0]


def test_feeds_feed_served_as_text_html_is_read():
    feed = parse_feed(RSS, url="https://news.example.com/rss", headers={"Content-Type": "text/html; charset=utf-8"})
    assert (feed.kind, feed.errors, len(feed.items)) == ("rss", [], 1)


def test_feeds_other_xml_is_not_a_feed():
    feed = parse_feed(b"<?xml version='1.0'?><note><to>x</to></note>")
    assert feed.items == [] and feed.errors[0].startswith("[E081]") and "<note>" in feed.errors[0]


# ------------------------------------------------------------------------------------- helpers


def test_feeds_html_to_text():
    assert html_to_text("<p>One &amp; two</p><p>Three<br>four</p><style>p{}</style>") == "One & two\nThree\nfour"
    assert html_to_text("a &lt; b") == "a < b"


def test_feeds_feed_links_in_html():
    page = """<link rel="alternate" type="application/atom+xml" href="atom.xml">
    <link rel='alternate' type='application/rss+xml' href='https://x.example/rss'><link rel="icon" href="f.ico">"""
    assert feed_links_in_html(page, "https://x.example/news/") == ["https://x.example/news/atom.xml",
                                                                  "https://x.example/rss"]


def test_feeds_utf8_xml_rewrites_the_declaration():
    data, decoded = utf8_xml('\n  <?xml version="1.0" encoding="ISO-8859-1"?><a>Notícias</a>'.encode("latin-1"))
    assert data == '<?xml version="1.0" encoding="utf-8"?><a>Notícias</a>'.encode()
    assert parse_xml(data).text == "Notícias"


def test_feeds_entities_hidden_in_utf7_are_seen():
    body = '<?xml version="1.0" encoding="UTF-7"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>'
    encoded = body.encode("ascii").replace(b"<!ENTITY", "<!ENTITY".encode("utf-7").replace(b"<", b"+ADw-"))
    assert b"<!ENTITY" not in encoded and declares_entities(encoded)
    with pytest.raises(XMLRefused):
        parse_xml(encoded, recover=True)


@pytest.mark.parametrize("body,detail", [
    (b"<a>" * 5000 + b"</a>" * 5000, "Excessive depth"),
    (b"<r>" + b"x" * (11 * 2**20) + b"</r>", "Text node too long"),
], ids=["deep", "huge-text"])
def test_feeds_parse_xml_refuses_huge_trees(body, detail):
    with pytest.raises(XMLMalformed) as raised:
        parse_xml(body)
    assert raised.value.code == "E083" and detail in str(raised.value)


def test_feeds_parse_xml_errors():
    with pytest.raises(XMLMalformed) as raised:
        parse_xml(b" \n ")
    assert raised.value.code == "E080"
    with pytest.raises(XMLMalformed) as raised:
        parse_xml(b"<a><b>1</b>")
    assert raised.value.code == "E083"
    errors: list[str] = []
    root = parse_xml(b"\n  <?xml version='1.0'?><a><b>1</b>", recover=True, errors=errors)
    assert root.findtext("b") == "1" and len(errors) == 1 and errors[0].startswith("[E083]")
    assert parse_xml(b"\xef\xbb\xbf\n<?xml version='1.0'?><a/>").tag == "a"  # BOM, then space


def test_feeds_refuse_entity_declarations_message():
    with pytest.raises(XMLRefused) as raised:
        refuse_entity_declarations(EXTERNAL_ENTITY, url="https://x.example/a.xml")
    assert raised.value.code == "E082" and "https://x.example/a.xml" in str(raised.value)
