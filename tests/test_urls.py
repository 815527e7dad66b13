"""URL canonicalisation and host keys (extractor/crawl/urls.py)."""

from __future__ import annotations

import pytest

from extractor.crawl.urls import canonical_url, host_key, in_domain, origin, remove_dot_segments

CASES = [
    # default ports
    ("http://example.com:80/", "http://example.com/"),
    ("https://example.com:443/a", "https://example.com/a"),
    ("http://example.com:443/", "http://example.com:443/"),
    ("https://example.com:80/", "https://example.com:80/"),
    ("http://example.com:8080", "http://example.com:8080/"),
    # case: scheme and host lower-cased, the path kept
    ("HTTP://WWW.Example.COM/Path/File.HTML", "http://www.example.com/Path/File.HTML"),
    ("https://www.sec.gov./cgi-bin/browse-edgar", "https://www.sec.gov/cgi-bin/browse-edgar"),
    # internationalised host names
    ("http://Bücher.example/", "http://xn--bcher-kva.example/"),
    ("http://例え.テスト/a", "http://xn--r8jz45g.xn--zckzah/a"),
    ("http://中国政府.中国/", "http://xn--fiqs8sirgfmh.xn--fiqs8s/"),
    ("http://xn--bcher-kva.example/", "http://xn--bcher-kva.example/"),
    # percent-encoding: escapes upper-cased, unreserved characters decoded, the rest escaped
    ("http://example.com/a%2fb%c3%a9", "http://example.com/a%2Fb%C3%A9"),
    ("http://example.com/%7Euser/%41%62c", "http://example.com/~user/Abc"),
    ("http://example.com/a b/新闻", "http://example.com/a%20b/%E6%96%B0%E9%97%BB"),
    ("http://example.com/100%", "http://example.com/100%25"),
    ("http://example.com/?q=%e4%b8%ad&x=a+b", "http://example.com/?q=%E4%B8%AD&x=a+b"),
    # fragments
    ("http://example.com/x#section-2", "http://example.com/x"),
    ("http://example.com/#", "http://example.com/"),
    # tracking parameters
    ("http://example.com/n?utm_source=rss&utm_MEDIUM=feed&id=3", "http://example.com/n?id=3"),
    ("http://example.com/n?fbclid=abc&gclid=def&msclkid=1", "http://example.com/n"),
    ("http://example.com/n?id=3&utm_campaign=x#top", "http://example.com/n?id=3"),
    # empty queries and parameters
    ("http://example.com/x?", "http://example.com/x"),
    ("http://example.com/x?&&", "http://example.com/x"),
    ("http://example.com/x?a=&b", "http://example.com/x?a=&b"),
    ("http://example.com/x?b=1&&a=2&", "http://example.com/x?a=2&b=1"),
    # sorted by name, repeated names keep their order
    ("http://example.com/?b=2&a=1&a=0", "http://example.com/?a=1&a=0&b=2"),
    # dot-segments
    ("http://example.com/a/./b/../c", "http://example.com/a/c"),
    ("http://example.com/../a", "http://example.com/a"),
    ("http://example.com/a/b/..", "http://example.com/a/"),
    ("http://example.com/a/%2E%2E/b", "http://example.com/b"),
    ("http://example.com/a//b", "http://example.com/a//b"),
    # empty path, IPv6, user info
    ("https://example.com", "https://example.com/"),
    ("http://[0:0::1]:80/a", "http://[::1]/a"),
    ("http://[2001:DB8::1]:8080/", "http://[2001:db8::1]:8080/"),
    ("http://user:pw@Example.com/", "http://user:pw@example.com/"),
    ("  http://example.com/x  ", "http://example.com/x"),
]


@pytest.mark.parametrize("url,expected", CASES)
def test_urls_canonical_url(url, expected):
    assert canonical_url(url) == expected


@pytest.mark.parametrize("url", [url for url, _ in CASES])
def test_urls_canonical_url_is_idempotent(url):
    once = canonical_url(url)
    assert canonical_url(once) == once


@pytest.mark.parametrize("a,b", [
    ("HTTP://Example.com:80/a/../b?utm_source=x&z=1&y=2#f", "http://example.com/b?y=2&z=1"),
    ("https://www.reuters.com/article/x?feedType=RSS&feedName=businessNews",
     "https://WWW.REUTERS.COM:443/article/x?feedName=businessNews&feedType=RSS"),
])
def test_urls_same_resource_same_canonical_url(a, b):
    assert canonical_url(a) == canonical_url(b)


@pytest.mark.parametrize("url", ["example.com/x", "/relative/path", "http://", "http://example.com:99999/",
                                 "http://example.com:port/", "http://[::1/"])
def test_urls_canonical_url_refuses_what_is_not_an_absolute_url(url):
    with pytest.raises(ValueError, match=r"^\[E070\]"):
        canonical_url(url)


@pytest.mark.parametrize("url,expected", [
    ("https://Example.com/x", "example.com:443"),
    ("http://example.com/x", "example.com:80"),
    ("http://example.com:8080/x", "example.com:8080"),
    ("https://data.sec.gov/submissions/CIK0000320193.json", "data.sec.gov:443"),
    ("http://[::1]/", "[::1]:80"),
    ("http://127.0.0.1:5000/feed", "127.0.0.1:5000"),
    ("http://Bücher.example/", "xn--bcher-kva.example:80"),
])
def test_urls_host_key(url, expected):
    assert host_key(url) == expected


@pytest.mark.parametrize("url,expected", [
    ("https://Example.com:443/a/b?x#y", "https://example.com"),
    ("http://example.com:8080/a", "http://example.com:8080"),
])
def test_urls_origin(url, expected):
    assert origin(url) == expected


@pytest.mark.parametrize("host,domain,expected", [
    ("www.sec.gov", "sec.gov", True),
    ("data.sec.gov", "sec.gov", True),
    ("sec.gov", "sec.gov", True),
    ("SEC.GOV.", "sec.gov", True),
    ("notsec.gov", "sec.gov", False),
    ("sec.gov.evil.com", "sec.gov", False),
    ("www.cninfo.com.cn", "cninfo.com.cn", True),
])
def test_urls_in_domain(host, domain, expected):
    assert in_domain(host, domain) is expected


@pytest.mark.parametrize("path,expected", [
    ("/a/b/c/./../../g", "/a/g"),
    ("/mid/content=5/../6", "/mid/6"),
    ("/./a", "/a"),
    ("/a/.", "/a/"),
    ("/..", "/"),
    ("/", "/"),
    ("/a.b/c..d/.e", "/a.b/c..d/.e"),
])
def test_urls_remove_dot_segments(path, expected):
    assert remove_dot_segments(path) == expected
