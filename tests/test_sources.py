"""The sources file: defaults, every kind, and a clear error for each mistake."""

from __future__ import annotations

import pytest

from extractor.crawl.sources import SEC_RATE_LIMIT, load_sources, parse_sources
from extractor.errors import ConfigError

UA = "Example Research research@example.com"


def test_a_full_file_reads_with_defaults(tmp_path):
    path = tmp_path / "sources.toml"
    path.write_text(f"""
[crawl]
user_agent = "{UA}"
host_delay = 0.5
interval = 600

[[source]]
name = "wire"
kind = "feed"
url = "https://example.com/rss"

[[source]]
name = "sec-apple"
kind = "sec_company"
cik = 320193
since = 2025-01-01
interval = 60

[[source]]
name = "rare-earths"
kind = "cninfo"
codes = ["600111", "000831"]
""", encoding="utf-8")
    sources = load_sources(path)
    wire, apple, cninfo = sources.sources
    assert sources.policy.user_agent == UA and sources.policy.host_delay == 0.5
    assert sources.policy.rate_limits["sec.gov"] == SEC_RATE_LIMIT  # added because of the SEC source
    assert wire.urls == ("https://example.com/rss",) and wire.interval == 600 and wire.content == "page"
    assert apple.codes == ("320193",) and apple.forms == ("8-K",) and apple.since == "2025-01-01"
    assert apple.interval == 60
    assert cninfo.codes == ("600111", "000831")


def test_sec_rate_limit_cannot_be_raised():
    sources = parse_sources({"crawl": {"user_agent": UA, "rate_limits": {"sec.gov": 50}},
                             "source": [{"name": "s", "kind": "sec_latest"}]})
    assert sources.policy.rate_limits["sec.gov"] == SEC_RATE_LIMIT


@pytest.mark.parametrize("data, code, words", [
    ({"source": []}, "E098", "no [[source]]"),
    ({"source": [{"name": "a", "kind": "feed"}]}, "E094", "url"),
    ({"source": [{"name": "a", "kind": "rss", "url": "https://x.org/"}]}, "E095", "'rss'"),
    ({"source": [{"name": "a", "kind": "feed", "url": "ftp://x.org/"}]}, "E093", "ftp://x.org/"),
    ({"source": [{"name": "a", "kind": "feed", "url": "https://x.org/", "colour": 1}]}, "E092", "'colour'"),
    ({"source": [{"name": "a", "kind": "feed", "url": "https://x.org/", "interval": "soon"}]}, "E093", "interval"),
    ({"source": [{"name": "a", "kind": "feed", "url": "https://x.org/", "since": "yesterday"}]}, "E093", "since"),
    ({"source": [{"name": "a", "kind": "feed", "url": "https://x.org/"},
                 {"name": "a", "kind": "feed", "url": "https://y.org/"}]}, "E096", "'a'"),
    ({"source": [{"name": "s", "kind": "sec_latest"}]}, "E097", "email"),
    ({"crawl": {"host_delay": "slow"}, "source": [{"name": "a", "kind": "pages", "url": "https://x.org/"}]},
     "E093", "host_delay"),
    ({"crawl": {"speed": 1}, "source": [{"name": "a", "kind": "pages", "url": "https://x.org/"}]}, "E092", "speed"),
    ({"source": [{"name": "a", "kind": "cninfo"}]}, "E094", "codes"),
    ({"crawl": {"user_agent": UA}, "source": [{"name": "s", "kind": "sec_company", "cik": "AAPL"}]}, "E093", "CIK"),
    ({"source": [{"name": "a", "kind": "feed", "url": "https://x.org/", "interval": float("nan")}]},
     "E093", "interval"),
    ({"crawl": {"retries": True}, "source": [{"name": "a", "kind": "pages", "url": "https://x.org/"}]},
     "E093", "retries"),
    ({"crawl": {"rate_limits": {"x.org": -1}}, "source": [{"name": "a", "kind": "pages", "url": "https://x.org/"}]},
     "E093", "rate_limits"),
    ({"crawl": 5, "source": [{"name": "a", "kind": "pages", "url": "https://x.org/"}]}, "E093", "crawl"),
])
def test_each_mistake_names_the_source_and_key(data, code, words):
    with pytest.raises(ConfigError) as caught:
        parse_sources(data, "my-sources.toml")
    message = str(caught.value)
    assert message.startswith(f"[{code}] my-sources.toml") and words in message


def test_missing_and_broken_files(tmp_path):
    with pytest.raises(ConfigError, match=r"\[E090\].*nope.toml"):
        load_sources(tmp_path / "nope.toml")
    broken = tmp_path / "broken.toml"
    broken.write_text("[[source]\nname = 1", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\[E091\].*broken.toml"):
        load_sources(broken)
