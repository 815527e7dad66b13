"""`extractor crawl` end to end: sources served by a real HTTP server on loopback, a real SQLite store.

What a user relies on when they leave the crawler running: new items are stored once, with their URL,
title, date and fetch time; an unchanged feed costs a 304; a story under two URLs is one document; a
failed fetch is reported, remembered and retried; Chinese pages decode right; nothing is fetched twice.
"""

from __future__ import annotations

import gzip
import json
import sqlite3
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractor.cli import cli
from extractor.crawl.run import crawl
from extractor.crawl.sources import parse_sources

from .loopback_server import SHARED_EVAL, LoopbackServer, Reply, robots, sequence, static

ARTICLE = """<html><head><title>{title}</title></head><body>
<nav><a href="/">Home</a> <a href="/markets">Markets</a></nav>
<article><h1>{title}</h1>
<p>{body}</p>
<p>The company said it would give more details with its quarterly results later this month.</p>
</article><footer>Copyright Example News</footer></body></html>"""

STORIES = {
    "/news/1.html": ("Acme Mining raises copper output", "Acme Mining said on Tuesday its copper output rose "
                     "12% in the third quarter to 210,000 tonnes, helped by a new mine in Chile."),
    "/news/2.html": ("Harbour Bank cuts dividend", "Harbour Bank cut its quarterly dividend to 10 cents a share "
                     "after its net profit fell 30% to $1.2 billion."),
    "/news/3.html": ("Delta Chips wins supply deal", "Delta Chips signed a five-year supply agreement worth "
                     "$400 million with a large carmaker, the chipmaker said on Monday."),
}


def _rss(origin: str, paths: list[str]) -> bytes:
    items = "".join(
        f"<item><title>{STORIES[p][0]}</title><link>{origin}{p}?utm_source=rss</link>"
        f"<pubDate>Tue, 0{i + 1} Sep 2026 08:00:00 +0000</pubDate><description>{STORIES[p][1]}</description></item>"
        for i, p in enumerate(paths))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Example News</title>'
            f"<link>{origin}/</link>{items}</channel></rss>").encode()


def _article(path: str) -> Reply:
    title, body = STORIES[path]
    return static(ARTICLE.format(title=title, body=body), content_type="text/html; charset=utf-8")


def _feed_reply(server: LoopbackServer, paths: list[str]) -> callable:
    """The feed with an ETag, answering 304 to a request that sends it back."""

    def answer(seen):
        if seen.headers.get("if-none-match") == '"v1"':
            return Reply(304, b"", {"ETag": '"v1"'})
        return static(_rss(server.origin, paths), content_type="application/rss+xml", headers={"ETag": '"v1"'})

    return answer


def _sources(server: LoopbackServer, *tables: dict, allow_private: bool = True):
    return parse_sources({"crawl": {"allow_private": allow_private, "host_delay": 0.01, "retries": 1,
                                    "backoff": 0.01, "timeout": 10.0},
                          "source": list(tables)}, "test-sources.toml")


@pytest.fixture()
def news_site():
    server = LoopbackServer({"/robots.txt": robots("User-agent: *\nDisallow: /private/\n")})
    server.route("/feed.xml", _feed_reply(server, list(STORIES)))
    for path in STORIES:
        server.route(path, _article(path))
    with server:
        yield server


def _rows(db_path, sql, *parameters):
    with sqlite3.connect(db_path) as connection:
        return connection.execute(sql, parameters).fetchall()


def test_a_feed_is_crawled_once_and_then_costs_a_304(news_site, tmp_path):
    db = tmp_path / "news.db"
    sources = _sources(news_site, {"name": "example", "kind": "feed", "url": news_site.url("/feed.xml")})
    first = crawl(sources, db_path=db)
    assert (first.found, first.fetched, first.stored, first.failed) == (3, 3, 3, 0), first.errors
    rows = _rows(db, "SELECT url, title, source, published_at, fetched_at, text FROM documents ORDER BY url")
    assert [r[0] for r in rows] == [news_site.url(p) for p in STORIES]  # canonical: utm_source gone
    assert [r[1] for r in rows] == [STORIES[p][0] for p in STORIES]
    assert {r[2] for r in rows} == {"example"}
    assert rows[0][3].startswith("2026-09-01T08:00:00") and all(r[4] for r in rows)
    assert "copper output rose 12%" in rows[0][5] and "Copyright" not in rows[0][5]
    assert _rows(db, "SELECT count(*) FROM events")[0][0] > 0  # went through the pipeline
    assert _rows(db, "SELECT etag, status FROM crawl_state WHERE url = ?", news_site.url("/feed.xml")) == [
        ('"v1"', 200)]
    assert _rows(db, "SELECT high_water_mark FROM sources")[0][0].startswith("2026-09-03")

    second = crawl(sources, db_path=db)
    assert (second.unchanged_listings, second.fetched, second.stored) == (1, 0, 0)
    assert news_site.count("/news/1.html") == 1  # each page fetched once over both crawls
    assert _rows(db, "SELECT count(*) FROM documents")[0][0] == 3


def test_one_story_under_two_urls_is_stored_once(news_site, tmp_path):
    news_site.route("/amp/1.html", _article("/news/1.html"))
    db = tmp_path / "news.db"
    sources = _sources(news_site, {"name": "list", "kind": "pages",
                                   "urls": [news_site.url("/news/1.html"), news_site.url("/amp/1.html"),
                                            news_site.url("/news/1.html#comments")]})
    summary = crawl(sources, db_path=db)
    assert (summary.found, summary.known, summary.fetched) == (3, 1, 2)  # the #fragment is the same URL
    assert summary.stored + summary.duplicates == 2 and summary.duplicates == 1
    assert _rows(db, "SELECT count(*) FROM documents")[0][0] == 1
    assert {r[0] for r in _rows(db, "SELECT url FROM document_urls")} == {
        news_site.url("/news/1.html"), news_site.url("/amp/1.html")}


def test_a_failed_fetch_is_reported_remembered_and_retried(news_site, tmp_path):
    news_site.route("/news/2.html", sequence(Reply(500, b"down"), Reply(500, b"down"), _article("/news/2.html")))
    db = tmp_path / "news.db"
    sources = _sources(news_site, {"name": "example", "kind": "feed", "url": news_site.url("/feed.xml")})
    first = crawl(sources, db_path=db)
    assert (first.stored, first.failed) == (2, 1)
    (error,) = first.errors
    assert error["code"].startswith("E07") and "/news/2.html" in error["message"]
    assert _rows(db, "SELECT count(*) FROM crawl_state WHERE error IS NOT NULL")[0][0] == 1
    # the mark stays below the failed item, so a paged listing would reach it again
    assert _rows(db, "SELECT high_water_mark FROM sources")[0][0].startswith("2026-09-02")

    # the feed has not changed, but it left an item behind: it is asked for whole again, not with its ETag
    second = crawl(sources, db_path=db)
    assert (second.known, second.fetched, second.stored, second.failed) == (2, 1, 1, 0)
    assert _rows(db, "SELECT count(*) FROM documents")[0][0] == 3
    assert _rows(db, "SELECT count(*) FROM crawl_state WHERE error IS NOT NULL")[0][0] == 0


def test_chinese_pages_decode_by_their_declared_undeclared_and_wrong_charsets(tmp_path):
    text = "北方稀土公告：公司拟以自有资金回购股份，回购价格不超过每股30元。"
    page = f"<html><head><title>北方稀土公告</title></head><body><article><p>{text}</p></article></body></html>"
    server = LoopbackServer({
        "/robots.txt": robots(""),
        "/gbk-header.html": static(page.encode("gbk"), content_type="text/html; charset=gbk"),
        "/gb2312-meta.html": static(page.replace("<head>", '<head><meta charset="gb2312">').encode("gb18030"),
                                    content_type="text/html"),
        "/undeclared.html": static(page.encode("gb18030"), content_type="text/html"),
        "/wrong-header.html": static(page.encode("gbk"), content_type="text/html; charset=utf-8"),
    })
    with server:
        db = tmp_path / "zh.db"
        sources = _sources(server, {"name": "zh", "kind": "pages", "lang": "zh",
                                    "urls": [server.url(p) for p in ("/gbk-header.html", "/gb2312-meta.html",
                                                                     "/undeclared.html", "/wrong-header.html")]})
        summary = crawl(sources, db_path=db)
    assert summary.fetched == 4 and summary.stored + summary.duplicates == 4
    (stored,) = _rows(db, "SELECT text FROM documents")  # the same text four times: one document
    assert text in stored[0]


def test_loopback_is_refused_unless_allowed(news_site, tmp_path):
    sources = _sources(news_site, {"name": "example", "kind": "feed", "url": news_site.url("/feed.xml")},
                       allow_private=False)
    summary = crawl(sources, db_path=tmp_path / "news.db")
    assert summary.stored == 0 and summary.failed == 1
    assert "127.0.0.1" in summary.errors[0]["message"] and news_site.count() == 0


def test_watch_mode_polls_again_on_the_interval_and_stops_cleanly(news_site, tmp_path):
    db = tmp_path / "news.db"
    sources = _sources(news_site, {"name": "example", "kind": "feed", "url": news_site.url("/feed.xml"),
                                   "interval": 0.2})
    summary = crawl(sources, db_path=db, watch=True, rounds=3)
    assert summary.polls == 3 and summary.stored == 3 and summary.unchanged_listings == 2
    assert news_site.count("/feed.xml") == 3

    stop = threading.Event()
    threading.Timer(0.5, stop.set).start()
    summary = crawl(sources, db_path=db, watch=True, stop=stop)  # returns once stopped
    assert summary.polls >= 1 and summary.stored == 0


def test_cli_crawl_reports_and_sets_the_exit_code(news_site, tmp_path):
    news_site.route("/news/3.html", Reply(404, b"gone"))
    sources = tmp_path / "sources.toml"
    sources.write_text(f"""[crawl]
allow_private = true
host_delay = 0.01

[[source]]
name = "example"
kind = "feed"
url = "{news_site.url('/feed.xml')}"
""", encoding="utf-8")
    db = tmp_path / "news.db"
    result = CliRunner().invoke(cli, ["crawl", str(sources), "--db", str(db), "--once"])
    assert result.exit_code == 1, result.output
    assert "2 documents stored" in result.output and "1 failures" in result.output
    assert "/news/3.html" in result.output  # the failure is named (stderr is mixed in by CliRunner)
    bad = CliRunner().invoke(cli, ["crawl", str(tmp_path / "missing.toml"), "--db", str(db)])
    assert bad.exit_code == 1 and "E090" in bad.output


SEC_8K = SHARED_EVAL / "sec-edgar-8k" / "filings" / "0000019617-26-000241.txt"
UA = "Extractor Tests tests@example.com"


def _submissions(cik: int, rows: list[tuple[str, str, str, str]]) -> bytes:
    """A submissions API file (the columnar "recent" arrays) listing ``rows`` of (accession, form, filed, items)."""
    recent = {"accessionNumber": [r[0] for r in rows], "form": [r[1] for r in rows],
              "filingDate": [r[2] for r in rows], "items": [r[3] for r in rows],
              "primaryDocument": ["doc.htm" for _ in rows]}
    return json.dumps({"cik": str(cik), "name": "JPMORGAN CHASE & CO", "tickers": ["JPM"],
                       "filings": {"recent": recent, "files": []}}).encode()


@pytest.mark.skipif(not SEC_8K.exists(), reason="../shared/eval is absent")
def test_sec_company_filings_are_fetched_as_full_submissions(tmp_path):
    listing = _submissions(19617, [("0000019617-26-000241", "8-K", "2026-06-25", "5.02"),
                                   ("0000019617-26-000200", "10-Q", "2026-05-01", ""),
                                   ("0000019617-24-000100", "8-K", "2024-01-10", "2.02")])
    server = LoopbackServer({
        "/robots.txt": robots(""),
        "/submissions/CIK0000019617.json": static(listing, content_type="application/json"),
        "/Archives/edgar/data/19617/000001961726000241/0000019617-26-000241.txt":
            static(SEC_8K.read_bytes(), content_type="text/plain"),
    })
    with server:
        sources = parse_sources({"crawl": {"allow_private": True, "user_agent": UA, "host_delay": 0.01},
                                 "source": [{"name": "jpm", "kind": "sec_company", "cik": "19617",
                                             "since": "2025-01-01", "base_url": server.origin}]})
        summary = crawl(sources, db_path=tmp_path / "sec.db")
        assert {s.user_agent for s in server.seen()} == {UA}  # SEC's declared User-Agent on every request
    assert (summary.found, summary.fetched, summary.stored, summary.failed) == (1, 1, 1, 0), summary.errors
    (title, published), = _rows(tmp_path / "sec.db", "SELECT title, published_at FROM documents")
    assert "JPMorgan" in title or "JPMORGAN" in title
    assert published.startswith("2026-06-2")
    types = {r[0] for r in _rows(tmp_path / "sec.db", "SELECT type FROM events")}
    assert "personnel_change" in types  # item 5.02


def test_sec_refusal_says_what_sec_wants(tmp_path):
    page = b"<html><body><h1>Your Request Originates from an Undeclared Automated Tool</h1></body></html>"
    server = LoopbackServer({"/robots.txt": robots(""),
                             "/submissions/CIK0000019617.json": Reply(403, page, {"Content-Type": "text/html"})})
    with server:
        sources = parse_sources({"crawl": {"allow_private": True, "user_agent": UA, "host_delay": 0.01,
                                           "retries": 0},
                                 "source": [{"name": "jpm", "kind": "sec_company", "cik": "19617",
                                             "base_url": server.origin}]})
        summary = crawl(sources, db_path=tmp_path / "sec.db")
    assert summary.failed == 1 and "User-Agent" in summary.errors[0]["message"]


CNINFO_PAGE = SHARED_EVAL / "crawl-fixtures" / "cn-announcements" / "html"


@pytest.mark.skipif(not CNINFO_PAGE.exists(), reason="../shared/eval is absent")
def test_cninfo_announcements_are_listed_fetched_and_read(tmp_path):
    fixtures = Path(__file__).parent / "fixtures" / "crawl"
    (notice,) = CNINFO_PAGE.iterdir()  # a real announcement: gb2312 HTML behind a ".PDF" address
    server = LoopbackServer({
        "/robots.txt": robots(""),
        "/new/data/szse_stock.json": static((fixtures / "cninfo_stock_list_small.json").read_bytes(),
                                            content_type="application/json"),
        "/new/hisAnnouncement/query": lambda seen: static(  # page 1, then nothing more
            (fixtures / ("cninfo_current_page1.json" if b"pageNum=1&" in seen.body + b"&"
                         else "cninfo_no_results.json")).read_bytes(), content_type="application/json"),
        "/finalpage/*": static(notice.read_bytes(), content_type="application/pdf"),
    })
    with server:
        sources = parse_sources({"crawl": {"allow_private": True, "host_delay": 0.01},
                                 "source": [{"name": "payh", "kind": "cninfo", "codes": ["000001"],
                                             "base_url": server.origin}]})
        summary = crawl(sources, db_path=tmp_path / "cn.db")
        (query, *_) = server.seen("/new/hisAnnouncement/query")
    assert b"000001%2Cgssz0000001" in query.body or b"000001,gssz0000001" in query.body  # the orgId list was used
    assert summary.found == 4 and summary.fetched == 4
    # the fixture's three malformed items are skipped, each named with E087; the batch goes on
    assert summary.failed == 3 and {e["code"] for e in summary.errors} == {"E087"}
    assert summary.stored == 1 and summary.duplicates == 3  # the same notice behind every address
    (text, lang), = _rows(tmp_path / "cn.db", "SELECT text, lang FROM documents")
    assert lang == "zh" and "本行2001年年度报告披露时间延期到2002年4月19日" in text


def test_bad_links_and_gzip_bombs_in_listings_fail_alone(news_site, tmp_path):
    bomb = gzip.compress(bytes(50 * 2**20))  # 50 MB of zeros in about 50 KB, served as a file (no Content-Encoding)
    news_site.route("/files/data.gz", static(bomb, content_type="application/gzip"))
    bad = _rss(news_site.origin, ["/news/1.html"]).replace(b"</channel>", b"<item><title>Bad</title><link>http://"
                                                           b"example.com:99999/a</link></item></channel>")
    news_site.route("/bad-feed.xml", static(bad, content_type="application/rss+xml"))
    db = tmp_path / "news.db"
    sources = parse_sources({"crawl": {"allow_private": True, "host_delay": 0.01, "max_bytes": 2**20},
                             "source": [{"name": "bad", "kind": "feed", "url": news_site.url("/bad-feed.xml")},
                                        {"name": "files", "kind": "pages", "url": news_site.url("/files/data.gz")}]})
    summary = crawl(sources, db_path=db)
    codes = sorted(e["code"] for e in summary.errors)
    assert codes == ["E070", "E078"], summary.errors  # the bad link, the bomb stopped at the cap
    assert _rows(db, "SELECT url FROM documents WHERE error_count = 0") == [(news_site.url("/news/1.html"),)]


def test_an_interrupted_crawl_keeps_no_state_that_would_skip_what_it_did_not_store(news_site, tmp_path):
    db = tmp_path / "news.db"
    sources = _sources(news_site, {"name": "example", "kind": "feed", "url": news_site.url("/feed.xml")})

    def interrupt(document, record):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        crawl(sources, db_path=db, on_record=interrupt)
    assert _rows(db, "SELECT count(*) FROM crawl_state WHERE etag IS NOT NULL")[0][0] == 0
    assert _rows(db, "SELECT high_water_mark FROM sources") == [(None,)]
    again = crawl(sources, db_path=db)  # no 304: the feed is read whole, and what was not stored is fetched
    assert again.unchanged_listings == 0 and _rows(db, "SELECT count(*) FROM documents")[0][0] == 3
