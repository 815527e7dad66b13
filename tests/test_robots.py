"""robots.txt rules (extractor/crawl/robots.py), on real files of news sites and on the edge cases.

The real files are read from ../shared/eval/crawl-fixtures/sitemaps-robots/ (skipped when absent). Their
crawled link lists are checked against a small independent RFC 9309 matcher written here.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from extractor.crawl.robots import RobotsRules, agent_token, parse_robots, robots_url, rules_for_status

from .conftest import SHARED_EVAL

ROBOTS = SHARED_EVAL / "crawl-fixtures" / "sitemaps-robots"
UA = "extractor/0.1.0 (+https://github.com/extractor)"


def real(host: str) -> bytes:
    path = ROBOTS / "robots" / f"{host}.robots.txt"
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared/eval is not beside the clone)")
    return path.read_bytes()


@pytest.mark.parametrize("host,path,allowed", [
    # plain prefixes
    ("www.ft.com", "/content/1234-abcd", True),
    ("www.ft.com", "/search?q=rare+earths", False),
    ("www.ft.com", "/__origami/service/image", True),  # Allow: /__origami/ is longer than Disallow: /__
    ("www.ft.com", "/__gtg", False),
    ("www.ft.com", "/myft/list/abc", True),
    ("www.ft.com", "/myft/following", False),
    ("www.chinadaily.com.cn", "/player/video.html", False),
    ("www.chinadaily.com.cn", "/a/201908/19/WS5d5a.html", True),
    ("www.bloomberg.com", "/polska", False),
    ("www.bloomberg.com", "/news/articles/2019-08-19/x", True),
    ("www.bloomberg.com", "/about/careers", True),  # only Mediapartners-Google is kept out
    # wildcards and $ anchors
    ("www.nytimes.com", "/2019/08/19/business/a.html", True),
    ("www.nytimes.com", "/files/report.pdf", False),
    ("www.nytimes.com", "/files/report.pdf?download=1", True),
    ("www.nytimes.com", "/section/x?a=1&query=rare", False),
    ("www.nytimes.com", "/x?utm_source=rss", False),
    ("www.nytimes.com", "/ads/public/ad.js", True),
    ("www.nytimes.com", "/ads/private.js", False),
    ("www.nytimes.com", "/svc/news/v3/all/pshb.rss", True),
    ("www.nytimes.com", "/svc/other", False),
    ("www.economist.com", "/finance-and-economics/2019/08/17/x", True),
    ("www.economist.com", "/finance/2019/print", False),
    ("www.economist.com", "/finance/2019/print/more", True),
    ("www.economist.com", "/whichmba/webinars?page=2", True),  # Allow (longer) beats Disallow
    ("www.economist.com", "/whichmba/webinars?sort=date", False),
    ("www.economist.com", "/sites/default/files/logo.png", True),
    ("www.economist.com", "/sites/all/modules/x.js", False),
    ("www.theguardian.com", "/business/2019/aug/19/x", True),
    ("www.theguardian.com", "/world/2019/aug/19/x/print", False),
    ("www.theguardian.com", "/a/story.emailjson", False),
    ("www.theguardian.com", "/global", False),
    ("www.theguardian.com", "/global/2019/x", True),
    ("www.theguardian.com", "/discussion/anything", False),
    ("www.scmp.com", "/news/china/article/123/x", True),
    ("www.scmp.com", "/static/css/site.css", True),
    ("www.scmp.com", "/static/css/site.css?v=2", True),
    ("www.scmp.com", "/static/css/site.cssmap", False),
    ("www.scmp.com", "/static/data.json", False),
    ("www.reuters.com", "/designtech-feature", False),
    ("www.reuters.com", "/article/us-china-rareearths/x", True),
    ("seekingalpha.com", "/most-active/stocks?page=2", False),
    ("seekingalpha.com", "/most-active/stocks", True),
    ("seekingalpha.com", "/download-app", False),
    ("seekingalpha.com", "/news/3489-x", True),
    # a blank line between "User-agent: *" and its rules (urllib.robotparser would drop them all)
    ("www.wsj.com", "/search?query=x", False),
    ("www.wsj.com", "/news/articles/SB2000000", False),
    ("www.wsj.com", "/articles/rare-earth-prices-11566", True),
    # CRLF line ends
    ("www.marketwatch.com", "/search?q=x", False),
    ("www.marketwatch.com", "/tools/alerts/x", False),
    ("www.marketwatch.com", "/story/rare-earths-2019-08-19", True),
    ("finance.yahoo.com", "/r/abc", False),
    ("finance.yahoo.com", "/quote/%5EGSPC?p=%5EGSPC", True),
    ("www.cnbc.com", "/preview/x", False),
    ("www.cnbc.com", "/2019/08/19/x-native-android-mobile.html", True),  # that rule is for googlebot
])
def test_robots_real_files(host, path, allowed):
    rules = parse_robots(real(host), UA, url=f"https://{host}/robots.txt")
    assert rules.allowed(f"https://{host}{path}") is allowed


@pytest.mark.parametrize("host,crawl_delay,sitemaps", [
    ("www.chinadaily.com.cn", 30.0, 0),  # "Crawl-delay:30", no space
    ("www.economist.com", 5.0, 1),
    ("www.scmp.com", 10.0, 49),
    ("www.theguardian.com", None, 2),  # Crawl-delay is for bingbot only
    ("www.reuters.com", None, 5),  # upper-case SITEMAP:
    ("www.bloomberg.com", None, 14),
    ("www.marketwatch.com", None, 5),
    ("www.wsj.com", None, 6),
])
def test_robots_real_files_crawl_delay_and_sitemaps(host, crawl_delay, sitemaps):
    rules = parse_robots(real(host), UA)
    assert rules.crawl_delay == crawl_delay
    assert len(rules.sitemaps) == sitemaps
    assert all(s.startswith("http") and s == s.strip() for s in rules.sitemaps)


def _oracle(text: str, token: str):
    """An independent, plain RFC 9309 matcher: groups, longest match, Allow on ties, * and $."""
    groups: list[tuple[list[str], list[tuple[str, bool]]]] = []
    agents: list[str] = []
    rules: list[tuple[str, bool]] = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if ":" not in line:
            continue
        key, value = (part.strip() for part in line.split(":", 1))
        key = key.lower()
        if key == "user-agent":
            if rules:
                groups.append((agents, rules))
                agents, rules = [], []
            agents.append(value.lower())
        elif key in ("allow", "disallow") and agents:
            rules.append((value, key == "allow"))
    if agents:
        groups.append((agents, rules))
    mine = [r for a, r in groups if any(x != "*" and x in token for x in a)]
    chosen = mine[0] if mine else next((r for a, r in groups if "*" in a), [])

    def allowed(path: str) -> bool:
        best, verdict = -1, True
        for pattern, allow in chosen:
            if not pattern:
                continue
            regex = ".*".join(map(re.escape, pattern.rstrip("$").split("*"))) + ("$" if pattern.endswith("$") else "")
            if re.match(regex, path) and (len(pattern) > best or (len(pattern) == best and allow)):
                best, verdict = len(pattern), allow
        return verdict

    return allowed


@pytest.mark.parametrize("host", ["finance.yahoo.com", "seekingalpha.com", "www.chinadaily.com.cn", "www.economist.com",
                                  "www.ft.com", "www.marketwatch.com", "www.reuters.com", "www.scmp.com"])
def test_robots_real_links_agree_with_an_independent_matcher(host):
    links = ROBOTS / "robots-links" / f"{host}.links.txt"
    if not links.exists():
        pytest.skip(f"{links} is absent")
    text = real(host).decode("utf-8")
    rules = parse_robots(text, UA)
    oracle = _oracle(text, agent_token(UA))
    urls = [u.strip() for u in links.read_text(encoding="utf-8").splitlines() if u.strip()]
    assert urls
    for url in urls:
        parts = urlsplit(url)
        path = (parts.path or "/") + ("?" + parts.query if parts.query else "")
        assert rules.allowed(url) is oracle(path), url


@pytest.mark.parametrize("text,path,allowed", [
    ("User-agent: *\nDisallow: /private\n", "/private/x", False),
    ("User-agent: *\nDisallow: /private\n", "/public", True),
    ("User-agent: *\nDisallow:\n", "/anything", True),  # empty Disallow: everything allowed
    ("User-agent: *\nDisallow: /\n", "/anything", False),
    ("User-agent: *\nDisallow: /\n", "/robots.txt", True),  # robots.txt itself is always allowed
    ("User-agent: *\nDisallow: /*.pdf$\n", "/a/b.pdf", False),
    ("User-agent: *\nDisallow: /*.pdf$\n", "/a/b.pdfx", True),
    ("User-agent: *\nDisallow: /a\nAllow: /a/b\n", "/a/b/c", True),  # longest match wins
    ("User-agent: *\nAllow: /a/b\nDisallow: /a\n", "/a/b/c", True),  # whatever the order
    ("User-agent: *\nDisallow: /a/b\nAllow: /a\n", "/a/b/c", False),
    ("User-agent: *\nDisallow: /page\nAllow: /page\n", "/page", True),  # a tie: Allow wins
    ("User-agent: *\nDisallow: /search?\n", "/search", True),  # "?": only with a query
    ("User-agent: *\nDisallow: /search?\n", "/search?q=x", False),
    ("User-agent: *\nDisallow: /%E6%96%B0%E9%97%BB/\n", "/新闻/1.html", False),  # escaped and raw alike
    ("User-agent: *\n\nDisallow: /x\n", "/x", False),  # a blank line inside the group
    ("User-agent: *\r\nDisallow: /x\r\n", "/x", False),  # CRLF
    ("\ufeffUser-agent: *\nDisallow: /x\n", "/x", False),  # byte-order mark
    ("User-agent: extractor\nDisallow: /mine\n\nUser-agent: *\nDisallow: /all\n", "/mine", False),
    ("User-agent: extractor\nDisallow: /mine\n\nUser-agent: *\nDisallow: /all\n", "/all", True),
    ("User-agent: Googlebot\nDisallow: /\n", "/x", True),  # no group for us, no * group
    ("User-agent: Googlebot\nUser-agent: extractor\nDisallow: /shared\n", "/shared", False),
    ("<html><body>Not found</body></html>", "/x", True),  # a soft-404 page: no rules
])
def test_robots_rules(text, path, allowed):
    assert parse_robots(text, UA).allowed("http://example.com" + path) is allowed


@pytest.mark.parametrize("text,delay", [
    ("User-agent: *\nCrawl-delay: 2\n", 2.0),
    ("User-agent: *\nCrawl-delay: 1.5\n", 2.0),  # decimals round up
    ("User-agent: *\nCrawl-delay: soon\n", None),
    ("User-agent: bingbot\nCrawl-delay: 9\n", None),
])
def test_robots_crawl_delay(text, delay):
    assert parse_robots(text, UA).crawl_delay == delay


def test_robots_invalid_utf8_bytes_do_not_break_parsing():
    rules = parse_robots(b"User-agent: *\nDisallow: /\xff\xfe\nDisallow: /x\n", UA)
    assert not rules.allowed("http://example.com/x")


@pytest.mark.parametrize("status,error,expect", [
    (200, None, "parsed"),
    (404, None, "allow"),
    (410, None, "allow"),
    (401, None, "allow"),
    (403, None, "allow"),
    (429, None, "unavailable"),
    (500, None, "unavailable"),
    (503, None, "unavailable"),
    (None, "connection refused", "unavailable"),
    (200, "the body is too large", "unavailable"),
])
def test_robots_rules_for_status_follow_rfc_9309(status, error, expect):
    rules = rules_for_status("http://example.com/robots.txt", status, b"User-agent: *\nDisallow: /x\n", UA, error=error)
    assert isinstance(rules, RobotsRules)
    if expect == "parsed":
        assert not rules.allowed("http://example.com/x") and rules.allowed("http://example.com/y")
    elif expect == "allow":
        assert rules.allowed("http://example.com/x") and rules.unavailable is None
    else:
        assert not rules.allowed("http://example.com/y") and rules.unavailable


@pytest.mark.parametrize("url,expected", [
    ("https://Example.com:443/a/b?x=1#y", "https://example.com/robots.txt"),
    ("http://example.com:8080/a", "http://example.com:8080/robots.txt"),
    ("https://data.sec.gov/submissions/CIK0000320193.json", "https://data.sec.gov/robots.txt"),
])
def test_robots_url(url, expected):
    assert robots_url(url) == expected


@pytest.mark.parametrize("user_agent,token", [
    (UA, "extractor"),
    ("Jane Doe jane@example.com", "jane doe jane@example.com"),
    ("", "*"),
])
def test_robots_agent_token(user_agent, token):
    assert agent_token(user_agent) == token
