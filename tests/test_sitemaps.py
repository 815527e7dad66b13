"""Sitemaps over bytes and the Sitemap: lines of robots.txt (extractor/crawl/sitemaps.py).

The real sitemaps and robots.txt files are read from ../shared/eval/crawl-fixtures/sitemaps-robots at
test time (see its PROVENANCE.md); those tests skip when ../shared/eval is not beside the clone. The
gzip bomb and the other hostile cases are built here.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from extractor.crawl.sitemaps import MAX_BYTES, gunzip, parse_sitemap, sitemaps_in_robots

from .conftest import SHARED_EVAL as EVAL

FIXTURES = EVAL / "crawl-fixtures" / "sitemaps-robots"
SITEMAPS = FIXTURES / "sitemaps"
ROBOTS = FIXTURES / "robots"
ABSENT = f"{FIXTURES} is absent (../shared/eval is not beside the clone)"


def _fixture(path: Path) -> bytes:
    if not path.exists():
        pytest.skip(ABSENT)
    return path.read_bytes()


# ---------------------------------------------------------------------------------- real sitemaps


def test_sitemaps_sitemaps_org_urlset():
    sitemap = parse_sitemap(_fixture(SITEMAPS / "trafilatura_sitemap.xml"), url="https://www.sitemaps.org/sitemap.xml")
    assert (sitemap.kind, sitemap.errors, sitemap.sitemaps) == ("urlset", [], [])
    assert len(sitemap.entries) == 84
    first = sitemap.entries[0]
    assert (first.url, first.lastmod, first.news_title) == ("https://www.sitemaps.org/", "2016-11-21T00:00:00+00:00",
                                                           None)
    assert sitemap.entries[-1].url == "https://www.sitemaps.org/zh_TW/terms.html"


def test_sitemaps_gzipped_sitemap_reads_like_the_xml():
    plain = parse_sitemap(_fixture(SITEMAPS / "trafilatura_sitemap.xml"))
    packed = parse_sitemap(_fixture(SITEMAPS / "trafilatura_sitemap.xml.gz"),
                           url="https://www.sitemaps.org/sitemap.xml.gz")
    assert packed.errors == []
    assert packed.entries == plain.entries and len(packed.entries) == 84


def test_sitemaps_truncated_gzip_keeps_what_was_read():
    body = _fixture(SITEMAPS / "trafilatura_sitemap.xml.gz")
    sitemap = parse_sitemap(body[: len(body) * 2 // 3])
    assert 0 < len(sitemap.entries) < 84
    assert sitemap.errors and all(e.startswith("[E083]") for e in sitemap.errors)
    assert "truncated" in sitemap.errors[0]


def test_sitemaps_broken_google_news_sitemap_is_read_tolerantly():
    """hukumonline's CMS output: whitespace and line breaks inside <loc>, RFC 822 publication dates,
    no news:title, duplicate URLs (50 <url>, 47 distinct)."""
    sitemap = parse_sitemap(_fixture(SITEMAPS / "hukumonline_sitemap_news_2013.xml"),
                            url="http://hukumonline.dev/sitemap_news.xml")
    assert (sitemap.kind, sitemap.errors) == ("urlset", [])
    assert len(sitemap.entries) == 47
    assert len({e.url for e in sitemap.entries}) == 47
    for entry in sitemap.entries:
        assert entry.url.startswith("http://hukumonline.dev/") and not any(c.isspace() for c in entry.url)
        assert entry.news_published and entry.news_published.endswith("+07:00")
        assert entry.news_title is None and entry.lastmod is None
    first = sitemap.entries[0]
    assert first.url == "http://hukumonline.dev/berita/baca/lt50f901630e6d0/ky-diminta-terapkan-sistem-gugur-seleksi-cha"
    assert first.news_published == "2013-01-18T02:52:48+07:00"
    # a URL the CMS broke over four lines comes back as one
    broken = [e.url for e in sitemap.entries if "lt4ddb5e627343b" in e.url]
    assert broken == ["http://hukumonline.dev/pusatdata/detail/lt4ddb5e627343b/node/534/keputusan-menteri-keuangan-"
                      "no-105_kmk.011_1986-tahun-1986-penunjukan-bank-bank-dan-lembaga-keuangan-yang-dapat-"
                      "menerbitkanjaminan-dalam-rangka-pelaksanaan-keputusan-presiden-nomor-29-tahun-1984tentang-"
                      "pelaksanaan-anggaran-pendapatan-dan-belanja-negara"]


# ------------------------------------------------------------------------------------ built sitemaps

NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url>
    <loc>https://news.example.com/2026/01/20/rare-earths.html</loc>
    <lastmod>2026-01-20T09:15:00+08:00</lastmod>
    <news:news>
      <news:publication><news:name>Example News</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2026-01-20T08:30:00+08:00</news:publication_date>
      <news:title>Rare earth prices &amp; quotas</news:title>
    </news:news>
    <image:image><image:loc>https://news.example.com/i.jpg</image:loc>
      <image:title>Not the title</image:title></image:image>
  </url>
  <url><loc>/2026/01/19/relative.html</loc><lastmod>2026-01-19</lastmod></url>
  <url><loc>javascript:alert(1)</loc></url>
  <url><lastmod>2026-01-19</lastmod></url>
</urlset>"""


def test_sitemaps_google_news_extension():
    sitemap = parse_sitemap(NEWS_SITEMAP, url="https://news.example.com/sitemap_news.xml")
    assert sitemap.errors == []
    news, relative = sitemap.entries
    assert news.url == "https://news.example.com/2026/01/20/rare-earths.html"
    assert news.news_title == "Rare earth prices & quotas"
    assert news.news_published == "2026-01-20T08:30:00+08:00"
    assert news.lastmod == "2026-01-20T09:15:00+08:00"
    assert (relative.url, relative.lastmod) == ("https://news.example.com/2026/01/19/relative.html",
                                                "2026-01-19T00:00:00+00:00")


def test_sitemaps_sitemapindex():
    body = b"""<?xml version="1.0" encoding="UTF-8"?>
    <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://x.example/sitemap-2026-01.xml.gz</loc><lastmod>2026-01-20T00:00:00Z</lastmod></sitemap>
      <sitemap><loc>sitemap-2025-12.xml</loc></sitemap>
    </sitemapindex>"""
    sitemap = parse_sitemap(body, url="https://x.example/sitemap_index.xml")
    assert (sitemap.kind, sitemap.entries, sitemap.errors) == ("sitemapindex", [], [])
    assert sitemap.sitemaps == ["https://x.example/sitemap-2026-01.xml.gz", "https://x.example/sitemap-2025-12.xml"]
    assert sitemap.indexed[0].lastmod == "2026-01-20T00:00:00+00:00"


def test_sitemaps_malformed_xml_keeps_what_was_read():
    body = NEWS_SITEMAP.replace(b"</urlset>", b"").replace(b"<url><lastmod>", b"<url><lastmod>&nbsp;")
    sitemap = parse_sitemap(body, url="https://news.example.com/sitemap_news.xml")
    assert len(sitemap.entries) == 2
    assert len(sitemap.errors) == 1 and sitemap.errors[0].startswith("[E083]")
    assert "kept what could be read: 2 URLs" in sitemap.errors[0]


def test_sitemaps_gz_url_served_decompressed():
    # a .xml.gz URL whose body a server already decompressed is read as XML
    sitemap = parse_sitemap(NEWS_SITEMAP, url="https://news.example.com/sitemap.xml.gz")
    assert len(sitemap.entries) == 2 and sitemap.errors == []


def _bomb(total: int) -> bytes:
    """A gzip stream of ``total`` zero bytes made of 1 MiB members: about 1 KiB each, built fast."""
    member = gzip.compress(b"\0" * 2**20, compresslevel=9)
    return member * (total // 2**20)


def test_sitemaps_gzip_bomb_is_refused():
    bomb = _bomb(64 * 2**20)
    assert len(bomb) < 100_000
    sitemap = parse_sitemap(bomb, url="https://evil.example/sitemap.xml.gz")
    assert sitemap.entries == [] and sitemap.sitemaps == []
    assert sitemap.errors == [
        f"[E084] https://evil.example/sitemap.xml.gz: the body is more than {MAX_BYTES:,} bytes once decompressed (a "
        "gzip bomb, or a sitemap over the size limit); refused. Raise the limit (max_bytes) only for a source you "
        "trust."]


def test_sitemaps_gzip_bomb_one_member_and_a_small_cap():
    bomb = gzip.compress(b"<urlset>" + b" " * 20_000_000, compresslevel=9)
    assert len(bomb) < 50_000
    sitemap = parse_sitemap(bomb, max_bytes=1_000_000)
    assert sitemap.errors[0].startswith("[E084]") and sitemap.entries == []
    with pytest.raises(ValueError):
        gunzip(bomb, max_bytes=1_000_000)


def test_sitemaps_plain_body_over_the_cap():
    sitemap = parse_sitemap(NEWS_SITEMAP, max_bytes=100)
    assert sitemap.entries == [] and sitemap.errors[0].startswith("[E084]")


def test_sitemaps_gunzip_reads_every_member():
    data, problem = gunzip(gzip.compress(b"one ") + gzip.compress(b"two"))
    assert (data, problem) == (b"one two", None)


def test_sitemaps_entity_declarations_are_refused():
    body = b"""<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.example/&xxe;</loc></url></urlset>"""
    for payload in (body, gzip.compress(body)):
        sitemap = parse_sitemap(payload)
        assert sitemap.entries == [] and len(sitemap.errors) == 1 and sitemap.errors[0].startswith("[E082]")


def test_sitemaps_corrupt_gzip():
    sitemap = parse_sitemap(b"\x1f\x8b\x08\x00garbage-not-deflate")
    assert sitemap.entries == [] and len(sitemap.errors) == 1 and sitemap.errors[0].startswith("[E083]")
    assert "gzip" in sitemap.errors[0]


@pytest.mark.parametrize("body,code", [
    (b"", "E080"),
    (b"   \n", "E080"),
    (gzip.compress(b""), "E080"),
    (b"<!DOCTYPE html><html><body><p>Not found</p></body></html>", "E081"),
    (b"just some text, not URLs", "E081"),
])
def test_sitemaps_not_a_sitemap(body, code):
    sitemap = parse_sitemap(body, url="https://x.example/sitemap.xml")
    assert sitemap.entries == [] and sitemap.errors[0][1:5] == code


def test_sitemaps_latin1_sitemap_declared_utf8():
    body = NEWS_SITEMAP.replace(b"Rare earth prices", "Preços das terras raras".encode("latin-1"))
    sitemap = parse_sitemap(body, url="https://news.example.com/sitemap_news.xml")
    assert sitemap.errors == [] and sitemap.entries[0].news_title == "Preços das terras raras & quotas"
    assert [w[1:5] for w in sitemap.warnings] == ["W004"]


def test_sitemaps_text_sitemap():
    sitemap = parse_sitemap(b"https://x.example/a\r\nhttps://x.example/b\n\nhttps://x.example/a\n")
    assert sitemap.kind == "text" and [e.url for e in sitemap.entries] == ["https://x.example/a", "https://x.example/b"]


def test_sitemaps_feed_as_sitemap():
    body = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
    <item><title>One</title><link>https://x.example/1</link><pubDate>Tue, 20 Jan 2026 08:30:00 +0800</pubDate></item>
    </channel></rss>"""
    sitemap = parse_sitemap(body)
    assert sitemap.kind == "feed" and sitemap.errors == []
    assert (sitemap.entries[0].url, sitemap.entries[0].news_title, sitemap.entries[0].news_published) == (
        "https://x.example/1", "One", "2026-01-20T08:30:00+08:00")


# ------------------------------------------------------------------------------------------ robots.txt

# Sitemap lines per file, from the table in crawl-fixtures/sitemaps-robots/PROVENANCE.md
ROBOTS_SITEMAPS = {
    "finance.yahoo.com": 3, "seekingalpha.com": 7, "www.bloomberg.com": 14, "www.chinadaily.com.cn": 0,
    "www.cnbc.com": 4, "www.economist.com": 1, "www.ft.com": 1, "www.marketwatch.com": 5, "www.nytimes.com": 6,
    "www.reuters.com": 5, "www.scmp.com": 49, "www.theguardian.com": 2, "www.wsj.com": 6,
}


@pytest.mark.parametrize("host,count", ROBOTS_SITEMAPS.items())
def test_sitemaps_in_real_robots(host, count):
    body = _fixture(ROBOTS / f"{host}.robots.txt")
    found = sitemaps_in_robots(body.decode("utf-8"), f"https://{host}/robots.txt")
    assert len(found) == count
    assert all(url.startswith(("https://", "http://")) and url.strip() == url for url in found)


def test_sitemaps_in_robots_upper_case_and_crlf():
    reuters = sitemaps_in_robots(_fixture(ROBOTS / "www.reuters.com.robots.txt").decode(),
                                 "https://www.reuters.com/robots.txt")
    assert "https://www.reuters.com/sitemap_news_index.xml" in reuters  # "SITEMAP:" lines
    marketwatch = sitemaps_in_robots(_fixture(ROBOTS / "www.marketwatch.com.robots.txt").decode(),
                                     "https://www.marketwatch.com/robots.txt")
    assert "https://www.marketwatch.com/mw_news_sitemap.xml" in marketwatch  # CRLF line ends
    assert "https://www.marketwatch.com/sitemap-search-index.xml.gz" in marketwatch


def test_sitemaps_in_robots_relative_comments_and_duplicates():
    text = ("\ufeffUser-agent: *\nDisallow: /private\n"
            "sitemap: /sitemap_index.xml\n"
            "  SiteMap :news/sitemap.xml   # the news\n"
            "Sitemap: https://cdn.example.net/s.xml\r\n"
            "Sitemap: /sitemap_index.xml\n"
            "# Sitemap: https://x.example/commented.xml\n"
            "Sitemap:\n"
            "Disallow: /sitemap: not a sitemap line\n")
    assert sitemaps_in_robots(text, "https://x.example/robots.txt") == [
        "https://x.example/sitemap_index.xml", "https://x.example/news/sitemap.xml", "https://cdn.example.net/s.xml"]
