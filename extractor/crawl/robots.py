"""robots.txt: what a site lets our user agent fetch, and how fast (RFC 9309).

The file is parsed with :mod:`urllib.robotparser` (groups, user-agent lines, Allow/Disallow,
Crawl-delay, Sitemap), with four repairs, because the standard library falls short of RFC 9309 on
files that real news sites publish (see ../shared/eval/crawl-fixtures/sitemaps-robots/):

- Rules match with ``*`` and ``$`` wildcards and the longest matching rule wins, an Allow winning a
  tie (``Disallow: /*?*query=``, ``Allow: /static/*.css$``). urllib.robotparser matches plain prefixes,
  the first rule in the file winning.
- Blank lines do not end a group (wsj.com puts one between ``User-agent: *`` and its rules, which
  urllib.robotparser then drops entirely).
- A rule ending in ``?`` keeps its ``?`` (``Allow: /static/*.css?``: only with a query).
- A decimal Crawl-delay (``Crawl-delay: 1.5``) counts, rounded up; urllib.robotparser ignores it.

What the fetcher does with the HTTP outcome of ``GET /robots.txt`` (RFC 9309 section 2.3.1): 2xx is
parsed; 4xx (other than 429) means no rules, everything allowed; 429, 5xx and network failures mean
the site is unreachable and everything is disallowed for now (retried after a while). See
:func:`rules_for_status`.
"""

from __future__ import annotations

import math
import re
import time
import urllib.robotparser
from dataclasses import dataclass, field
from urllib.parse import quote, unquote, urlsplit, urlunparse

from .urls import origin

# How long robots.txt rules are kept before they are fetched again (RFC 9309: not over 24 hours).
ROBOTS_TTL = 24 * 3600.0
# After a failed robots.txt fetch the site is disallowed for this long, then robots.txt is tried again.
UNAVAILABLE_RETRY = 300.0

_CRAWL_DELAY = re.compile(r"^(\s*crawl-delay\s*:\s*)(\d*\.\d+)", re.I | re.M)
# "Disallow: /search?" (the URL has a query): robotparser would drop the empty query and its "?"
_TRAILING_QUESTION = re.compile(r"^(\s*(?:dis)?allow\s*:\s*[^#\s]*\?)(?=\s*(?:#|$))", re.I | re.M)


def robots_url(url: str) -> str:
    """The robots.txt that governs ``url``: ``scheme://host[:port]/robots.txt``."""
    return origin(url) + "/robots.txt"


def agent_token(user_agent: str) -> str:
    """The product token that robots.txt groups are matched against: ``extractor`` for
    ``extractor/0.1.0 (+https://...)``."""
    return user_agent.split("/")[0].strip().lower() or "*"


def _rule_regex(path: str) -> re.Pattern[str]:
    """A rule path as robotparser stores it (percent-quoted) to a regex: ``*`` (%2A) matches anything,
    a final ``$`` (%24) anchors the end."""
    anchored = path.endswith("%24")
    if anchored:
        path = path[:-3]
    pattern = ".*".join(re.escape(piece) for piece in path.split("%2A"))
    return re.compile(pattern + ("$" if anchored else ""), re.S)


def _url_path(url: str) -> str:
    """Path, params and query of a URL, quoted the way robotparser quotes rule paths."""
    parts = urlsplit(unquote(url))
    path = urlunparse(("", "", parts.path, "", parts.query, ""))
    return quote(path) or "/"


@dataclass
class RobotsRules:
    """The rules of one robots.txt for one user agent."""

    url: str = ""  # the robots.txt URL
    allow_all: bool = False
    disallow_all: bool = False
    unavailable: str | None = None  # why everything is disallowed for now (robots.txt unreachable)
    crawl_delay: float | None = None
    sitemaps: list[str] = field(default_factory=list)
    fetched_at: float = field(default_factory=time.monotonic)
    _rules: list[tuple[re.Pattern[str], int, bool]] = field(default_factory=list, repr=False)

    def allowed(self, url: str) -> bool:
        """Whether the rules let our user agent fetch ``url``."""
        if self.disallow_all:
            return False
        if self.allow_all or not self._rules:
            return True
        path = _url_path(url)
        if path == "/robots.txt":
            return True
        best_length, verdict = -1, True  # the longest matching rule wins; on a tie, Allow wins
        for regex, length, allow in self._rules:
            if length < best_length or (length == best_length and (verdict or not allow)):
                continue
            if regex.match(path):
                best_length, verdict = length, allow
        return verdict


def parse_robots(text: str | bytes, user_agent: str, *, url: str = "") -> RobotsRules:
    """The rules of robots.txt ``text`` for ``user_agent`` (its product token picks the group; the
    ``*`` group applies when no group names it)."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    text = text.lstrip("\ufeff")
    text = _CRAWL_DELAY.sub(lambda m: m.group(1) + str(math.ceil(float(m.group(2)))), text)
    text = _TRAILING_QUESTION.sub(r"\1*", text)
    lines = [line for line in text.splitlines() if line.strip()]
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(lines)
    token = agent_token(user_agent)
    entry = next((e for e in parser.entries if e.applies_to(token)), parser.default_entry)
    rules = RobotsRules(url=url, sitemaps=[s.strip() for s in parser.site_maps() or []])
    if entry is None:
        return rules
    rules.crawl_delay = float(entry.delay) if entry.delay is not None else None
    for line in entry.rulelines:
        rules._rules.append((_rule_regex(line.path), len(unquote(line.path)), line.allowance))
    return rules


def rules_for_status(url: str, status: int | None, body: bytes, user_agent: str, *, error: str | None = None,
                     ) -> RobotsRules:
    """Rules from the outcome of fetching robots.txt ``url`` (RFC 9309 section 2.3.1)."""
    if status is not None and 200 <= status < 300 and error is None:
        return parse_robots(body, user_agent, url=url)
    if status is not None and 400 <= status < 500 and status != 429:
        return RobotsRules(url=url, allow_all=True)
    reason = error or (f"HTTP {status}" if status is not None else "no response")
    return RobotsRules(url=url, disallow_all=True, unavailable=reason)
