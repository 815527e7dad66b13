"""The fetcher (extractor/crawl/fetch.py) and the address guard (netguard.py), against real HTTP servers on
loopback (tests/loopback_server.py) serving well-behaved and hostile responses.

Loopback is refused by default; these tests allow it explicitly (allow_private=True, or only 127.0.0.0/8
where a redirect to another private address must still be refused). Timing assertions are lower bounds
on spacing with generous upper bounds, so that they hold on a loaded two-core machine.
"""

from __future__ import annotations

import asyncio
import gzip
import re
import socket
import time
import tracemalloc

import httpx
import pytest

from extractor.crawl import netguard
from extractor.crawl.fetch import Fetcher, FetchPolicy, Request, Response, fetch_sync

from .loopback_server import (
    GBK_TEXT,
    SHARED_EVAL,
    LoopbackServer,
    Reply,
    hostile_routes,
    redirect,
    robots,
    serve_many,
    shared_file,
    static,
)

UA = "extractor-tests/1.0 (+https://github.com/extractor)"
FAST = {"allow_private": True, "host_delay": 0.0, "retries": 1, "backoff": 0.05, "timeout": 5.0, "max_wait": 5.0,
        "user_agent": UA}
LOOPBACK_ONLY = ("127.0.0.0/8", "::1/128")
TEXT = b"<html><body>" + b"Prices rose. " * 200 + b"</body></html>"


def policy(**changes) -> FetchPolicy:
    return FetchPolicy(**{**FAST, **changes})


def fetch(urls, **changes) -> list[Response]:
    return fetch_sync(urls, policy(**changes))


def fetch_one(url, **changes) -> Response:
    return fetch([url], **changes)[0]


@pytest.fixture
def server():
    with LoopbackServer(hostile_routes()) as s:
        yield s


def gaps(times: list[float]) -> list[float]:
    times = sorted(times)
    return [b - a for a, b in zip(times, times[1:], strict=False)]


def assert_spaced(times: list[float], interval: float) -> None:
    """Request starts at least ``interval`` apart, as the server saw them arrive. Arrival times jitter
    (connection set-up, a loaded machine), so one gap may fall short a little; their sum hardly at all."""
    times = sorted(times)
    between = gaps(times)
    assert min(between) >= interval * 0.6, between
    assert times[-1] - times[0] >= (len(times) - 1) * interval * 0.9, between


# -- the basics ---------------------------------------------------------------------------------------


def test_fetch_ok_sends_user_agent_and_accept_encoding(server):
    response = fetch_one(server.url("/page.html"))
    assert response.ok and response.error is None and response.code is None
    assert response.status == 200 and response.body == TEXT
    assert response.url == response.final_url == server.url("/page.html")
    assert response.content_type == "text/html" and response.charset == "utf-8"
    assert all(name == name.lower() for name in response.headers)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", response.fetched_at)
    seen = server.seen("/page.html")[0]
    assert seen.user_agent == UA
    assert seen.headers["accept-encoding"] == "gzip, deflate, br"
    assert server.seen("/robots.txt")[0].user_agent == UA  # robots.txt asked for first, same User-Agent


def test_fetch_default_user_agent_names_the_project_and_version():
    from extractor import __version__

    assert FetchPolicy().user_agent.startswith(f"extractor/{__version__} ")


def test_fetch_request_headers_and_head(server):
    response = fetch([Request(server.url("/echo"), headers={"Referer": "http://www.sse.com.cn/", "user-agent": "X"})],
                     robots=False)[0]
    import json

    echoed = json.loads(response.body)
    assert echoed["headers"]["referer"] == "http://www.sse.com.cn/"
    assert echoed["headers"]["user-agent"] == "X"  # a request's own header wins, without a duplicate
    head = fetch([Request(server.url("/page.html"), method="HEAD")], robots=False)[0]
    assert head.ok and head.body == b"" and server.seen("/page.html")[0].method == "HEAD"


def test_fetch_sync_keeps_order_and_takes_a_single_url(server):
    urls = [server.url(p) for p in ("/status/404", "/ok", "/page.html")]
    assert [r.url for r in fetch(urls)] == urls
    single = fetch_sync(server.url("/ok"), policy())
    assert len(single) == 1 and single[0].body == b"ok"


@pytest.mark.parametrize("url,detail", [
    ("ftp://example.com/file", "scheme 'ftp'"),
    ("file:///etc/passwd", "scheme 'file'"),
    ("example.com/news", "scheme"),
    ("http://", "no host"),
    ("http://example.com:99999/", "Port out of range"),
])
def test_fetch_refuses_urls_it_cannot_fetch_without_raising(url, detail):
    response = fetch_one(url)
    assert response.code == "E070" and detail in response.error and response.status is None and response.body == b""


@pytest.mark.parametrize("path,status", [("/status/404", 404), ("/status/403", 403), ("/status/410", 410)])
def test_fetch_http_errors_are_coded_and_keep_the_page(server, path, status):
    response = fetch_one(server.url(path))
    assert response.code == "E075" and response.status == status and not response.ok
    assert f"HTTP {status}" in response.error and server.url(path) in response.error
    assert response.body == f"status {status}".encode()
    assert server.count(path) == 1  # 4xx is not retried


# -- address guard ------------------------------------------------------------------------------------


def test_fetch_loopback_is_refused_unless_allowed(server):
    response = fetch_sync([server.url("/ok")], FetchPolicy(user_agent=UA))[0]
    assert response.code == "E071" and "loopback" in response.error and response.status is None
    assert server.count() == 0  # not even robots.txt was asked for
    assert fetch_one(server.url("/ok")).ok


@pytest.mark.parametrize("path,address", [("/to-private", "10.0.0.1"), ("/to-metadata", "169.254.169.254")])
def test_fetch_redirect_to_a_private_address_is_refused(server, path, address):
    response = fetch_one(server.url(path), allow_private=LOOPBACK_ONLY)
    assert response.code == "E071" and address in response.error
    assert response.final_url.startswith(f"http://{address}/")
    assert server.url(path) in response.error  # names the URL asked for, and where it led


def test_fetch_allowed_networks_admit_loopback_by_name(server):
    response = fetch_one(server.url("/to-localhost"), allow_private=LOOPBACK_ONLY)
    assert response.ok and response.body == b"ok"
    assert response.final_url == f"http://localhost:{server.port}/ok"


@pytest.mark.parametrize("address,kind", [
    ("127.0.0.1", "loopback"), ("127.8.9.10", "loopback"), ("10.1.2.3", "private"), ("172.16.5.4", "private"),
    ("192.168.1.1", "private"), ("169.254.169.254", "link-local"), ("0.0.0.0", "unspecified"),
    ("224.0.0.251", "multicast"), ("240.0.0.1", ""), ("100.64.0.1", "non-global"),
    ("::1", "loopback"), ("fe80::1", "link-local"), ("fc00::1", "private"), ("::", "unspecified"),
    ("::ffff:127.0.0.1", "loopback"), ("::ffff:10.0.0.1", "private"), ("2002:7f00:1::", "loopback"),
    ("8.8.8.8", None), ("93.184.216.34", None), ("2606:4700:4700::1111", None),
])
def test_netguard_refused_kind(address, kind):
    found = netguard.refused_kind(address)
    assert found == kind if kind is None else found.startswith(kind)


@pytest.mark.parametrize("url", ["http://127.0.0.1/", "http://127.1/", "http://2130706433/", "http://0x7f.0.0.1/",
                                 "http://[::1]/", "http://[::ffff:7f00:1]/", "http://localhost:8080/",
                                 "http://169.254.169.254/latest/meta-data/", "https://10.0.0.1/"])
def test_netguard_check_url_refuses_internal_addresses_in_any_spelling(url):
    with pytest.raises(netguard.AddressRefused, match=r"^\[E071\]"):
        netguard.check_url(url)
    assert netguard.check_url(url, allow_private=True) == []


@pytest.mark.parametrize("url", ["ftp://example.com/", "javascript:alert(1)", "http:///x", "mailto:a@b.c"])
def test_netguard_check_url_refuses_other_schemes(url):
    with pytest.raises(netguard.URLRefused, match=r"^\[E070\]"):
        netguard.check_url(url, allow_private=True)


def test_netguard_every_resolved_address_must_be_public():
    async def resolver(host, port):
        return {"good.example": ["93.184.216.34"], "mixed.example": ["93.184.216.34", "10.0.0.5"]}[host]

    async def run():
        assert await netguard.acheck_url("https://good.example/", resolver=resolver) == ["93.184.216.34"]
        with pytest.raises(netguard.AddressRefused, match="10.0.0.5"):
            await netguard.acheck_url("https://mixed.example/", resolver=resolver)
        with pytest.raises(netguard.AddressRefused):
            await netguard.acheck_url("https://mixed.example/", ("192.168.0.0/16",), resolver=resolver)
        assert await netguard.acheck_url("https://mixed.example/", ("10.0.0.0/8",), resolver=resolver)

    asyncio.run(run())


def test_netguard_unresolvable_host_is_a_network_error():
    async def resolver(host, port):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    response = fetch_sync(["https://no-such-host.invalid/"], FetchPolicy(user_agent=UA, retries=0),
                          resolver=resolver)[0]
    assert response.code == "E077" and "cannot be resolved" in response.error


# -- politeness -----------------------------------------------------------------------------------------


def test_fetch_host_delay_spaces_request_starts(server):
    delay = 0.2
    urls = [server.url(f"/status/20{i}") for i in range(3)]
    responses = fetch(urls, host_delay=delay)
    assert all(r.status in (200, 201, 202) and r.ok for r in responses)
    times = server.times()
    assert len(times) == 4  # robots.txt and three pages
    assert_spaced(times, delay)


def test_fetch_many_hosts_in_parallel_each_polite():
    delay = 0.25
    with serve_many(6, hostile_routes()) as servers:
        urls = [s.url(f"/status/20{i}") for i in range(3) for s in servers]
        start = time.monotonic()
        responses = fetch(urls, host_delay=delay)
        elapsed = time.monotonic() - start
        assert all(r.error is None for r in responses)
        for s in servers:
            assert s.count() == 4
            assert_spaced(s.times(), delay)
    # one host after another would take 6 x 3 x 0.25 = 4.5 s at least
    assert elapsed < 3.0


def test_fetch_host_concurrency_caps_requests_in_flight_per_host(server):
    urls = [server.url("/sleep/0.2") + f"?n={i}" for i in range(6)]
    start = time.monotonic()
    responses = fetch(urls, host_concurrency=2, robots=False)
    assert all(r.ok for r in responses)
    assert server.max_active == 2
    assert time.monotonic() - start >= 0.55  # three rounds of two


def test_fetch_concurrency_caps_requests_in_flight_overall():
    with serve_many(4, hostile_routes()) as servers:
        urls = [s.url("/sleep/0.15") + f"?n={i}" for s in servers for i in range(2)]
        responses = fetch(urls, concurrency=2, host_concurrency=2, robots=False)
        assert all(r.ok for r in responses)
        spans = [(seen.time, seen.end) for s in servers for seen in s.seen()]
    # the most requests in flight at one moment, counted at each start
    overlap = max(sum(1 for a, b in spans if a <= t < b) for t, _ in spans)
    assert overlap <= 2


def test_fetch_slow_host_does_not_hold_up_the_others():
    with LoopbackServer(hostile_routes()) as slow, LoopbackServer(hostile_routes()) as fast:
        async def run():
            order = []
            async with Fetcher(policy(concurrency=2, host_delay=0.05, robots=False)) as fetcher:
                requests = [slow.url("/sleep/1")] + [fast.url(f"/ok?n={i}") for i in range(5)]
                async for response in fetcher.fetch_all(requests):
                    order.append(response.url)
            return order

        order = asyncio.run(run())
    assert order[-1] == slow.url("/sleep/1")
    assert len(order) == 6


def test_fetch_back_off_of_one_host_does_not_block_other_hosts():
    with LoopbackServer(hostile_routes()) as failing, LoopbackServer(hostile_routes()) as fine:
        async def run():
            done = {}
            async with Fetcher(policy(concurrency=1, retries=2, backoff=0.25, host_delay=0.05, robots=False)) as f:
                start = time.monotonic()
                requests = [failing.url("/503")] + [fine.url(f"/ok?n={i}") for i in range(4)]
                async for response in f.fetch_all(requests):
                    done[response.url] = (time.monotonic() - start, response)
            return done

        done = asyncio.run(run())
        failed_at, failed = done.pop(failing.url("/503"))
        assert failed.code == "E075" and "after 3 attempts" in failed.error and failed.status == 503
        assert failing.count("/503") == 3
        assert failed_at >= 0.7  # back-off 0.25 + 0.5
        assert all(at < failed_at for at, response in done.values())
        assert all(response.ok for _, response in done.values())


def test_fetch_rate_limit_is_shared_by_the_hosts_of_a_domain():
    # two servers are two hosts (127.0.0.1:PORT) of the "domain" 127.0.0.1: 8 requests per second in all
    with serve_many(2, hostile_routes()) as servers:
        urls = [s.url(f"/ok?n={i}") for i in range(3) for s in servers]
        responses = fetch(urls, rate_limits={"127.0.0.1": 8}, robots=False)
        assert all(r.ok for r in responses)
        times = [t for s in servers for t in s.times()]
    assert len(times) == 6
    assert_spaced(times, 0.125)


def test_fetch_sec_rate_limit_covers_www_and_data_but_not_other_domains():
    starts: dict[str, list[float]] = {}

    def handler(request: httpx.Request) -> httpx.Response:
        starts.setdefault(request.url.host, []).append(time.monotonic())
        return httpx.Response(200, content=b"{}")

    async def resolver(host, port):
        return ["93.184.216.34"]

    requests = ([f"https://www.sec.gov/Archives/{i}" for i in range(4)]
                + [f"https://data.sec.gov/submissions/{i}.json" for i in range(4)]
                + [f"https://example.com/{i}" for i in range(4)])
    sec = FetchPolicy(user_agent="Jane Doe jane@example.com", host_delay=0.0, host_concurrency=4, robots=False,
                      rate_limits={"sec.gov": 10})
    responses = fetch_sync(requests, sec, transport=httpx.MockTransport(handler), resolver=resolver)
    assert all(r.ok for r in responses)
    assert_spaced(starts["www.sec.gov"] + starts["data.sec.gov"], 0.1)
    assert max(starts["example.com"]) - min(starts["example.com"]) < 0.1  # not limited


# -- retries ------------------------------------------------------------------------------------------


def test_fetch_429_retry_after_seconds_is_honoured(server):
    response = fetch_one(server.url("/429-then-200"))
    assert response.ok and response.body == b"ok"
    assert server.count("/429-then-200") == 2
    assert min(gaps(server.times("/429-then-200"))) >= 0.9


def test_fetch_429_retry_after_http_date_is_honoured(server):
    response = fetch_one(server.url("/429-date-then-200"))
    assert response.ok and server.count("/429-date-then-200") == 2


def test_fetch_retry_after_longer_than_max_wait_gives_up_at_once(server):
    start = time.monotonic()
    response = fetch_one(server.url("/429-long"), max_wait=60, retries=3)
    assert time.monotonic() - start < 2
    assert response.code == "E076" and response.status == 429 and server.count("/429-long") == 1
    assert "86400 s" in response.error and "GMT" in response.error  # says when to try again


@pytest.mark.parametrize("path,body", [("/500-then-200", b"ok after 500"), ("/503-then-200", b"ok")])
def test_fetch_server_errors_are_retried(server, path, body):
    response = fetch_one(server.url(path))
    assert response.ok and response.body == body and server.count(path) == 2


def test_fetch_retries_run_out(server):
    response = fetch_one(server.url("/503"), retries=2, backoff=0.01)
    assert response.code == "E075" and "after 3 attempts" in response.error
    assert response.status == 503 and response.body == b"unavailable" and server.count("/503") == 3


def test_fetch_connection_refused_is_retried_then_reported():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    start = time.monotonic()
    response = fetch_one(f"http://127.0.0.1:{port}/x", retries=2, backoff=0.05, robots=False)
    assert response.code == "E077" and "after 3 attempts" in response.error and response.status is None
    assert time.monotonic() - start >= 0.14  # 0.05 + 0.1 of back-off


# -- timeouts and sizes ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/slow-drip", "/sleep/10"])
def test_fetch_overall_deadline_ends_slow_responses(server, path):
    start = time.monotonic()
    response = fetch_one(server.url(path), timeout=0.5, retries=0)
    assert time.monotonic() - start < 4
    assert response.code == "E077" and response.body == b""
    if path == "/slow-drip":
        assert server.seen(path)[0].sent >= 2  # it was dripping: no read timeout would have ended it


@pytest.mark.parametrize("path,why", [
    ("/endless", "were sent"),
    ("/endless-close", "were sent"),
    ("/endless-empty-gzip", "were sent"),  # raw bytes without end, decompressing to nothing
    ("/length-huge", "declares Content-Length"),
    ("/gzip-bomb", "decompresses (gzip)"),
])
def test_fetch_size_caps(server, path, why):
    start = time.monotonic()
    response = fetch_one(server.url(path), max_bytes=1_000_000, retries=0)
    assert time.monotonic() - start < 5
    assert response.code == "E078" and why in response.error and response.body == b""
    assert response.status == 200


def test_fetch_gzip_bomb_is_stopped_without_inflating_it():
    with LoopbackServer(hostile_routes()) as server:
        tracemalloc.start()
        try:
            response = fetch_one(server.url("/gzip-bomb"), max_bytes=2_000_000, retries=0)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert response.code == "E078"
    assert peak < 40_000_000  # the stream is 10 GB of zeros; at most the cap (and some buffers) is held


@pytest.mark.parametrize("size,limit,ok", [(1000, 1000, True), (1000, 999, False)])
@pytest.mark.parametrize("compressed", [False, True])
def test_fetch_max_bytes_boundary(size, limit, ok, compressed):
    data = b"a" * size
    reply = Reply(200, gzip.compress(data), {"Content-Encoding": "gzip"}) if compressed else static(data)
    with LoopbackServer({"/x": reply}) as server:
        response = fetch_one(server.url("/x"), max_bytes=limit)
    assert response.ok is ok
    assert response.body == (data if ok else b"")


def test_fetch_request_max_bytes_overrides_the_policy(server):
    response = fetch([Request(server.url("/page.html"), max_bytes=100)])[0]
    assert response.code == "E078"


@pytest.mark.parametrize("path", ["/gzip", "/deflate", "/deflate-raw", "/brotli", "/gzip-br"])
def test_fetch_decompresses_bodies(server, path):
    response = fetch_one(server.url(path))
    assert response.ok and response.body == TEXT


@pytest.mark.parametrize("path,detail", [
    ("/bad-gzip", "incorrect header check"),
    ("/truncated-gzip", "ends early"),
    ("/zstd", "unsupported Content-Encoding 'zstd'"),
])
def test_fetch_broken_compression_is_an_error(server, path, detail):
    response = fetch_one(server.url(path))
    assert response.code == "E072" and detail in response.error and response.body == b""


def test_fetch_content_length_lies(server):
    short = fetch_one(server.url("/length-short"), retries=0)  # declares 100,000 bytes, sends 100, closes
    assert short.code == "E077" and "broke off" in short.error and short.body == b""
    small = fetch_one(server.url("/length-small"))  # declares 10, sends 1,000: HTTP says 10
    assert small.ok and small.body == b"0123456789"


def test_fetch_wrong_declared_charset_is_reported_as_declared_and_bytes_kept(server):
    response = fetch_one(server.url("/wrong-charset"))
    assert response.ok and response.charset == "utf-8"  # what the server says; decoding decides (encoding.py)
    assert response.body == GBK_TEXT.encode("gbk")


@pytest.mark.parametrize("content_type,charset", [
    ("text/html; charset=GB2312", "gb2312"),
    ('text/html; charset="utf-8"', "utf-8"),
    ("text/html;charset=big5 ; q=1", "big5"),
    ("text/html", None),
])
def test_fetch_response_charset(content_type, charset):
    response = Response("u", "u", 200, {"content-type": content_type}, b"", "2026-01-01T00:00:00Z")
    assert response.charset == charset


# -- conditional GET ----------------------------------------------------------------------------------


def test_fetch_conditional_get(server):
    url = server.url("/conditional")
    first = fetch_one(url)
    assert first.ok and first.etag == '"v1"' and first.last_modified
    by_etag = fetch([Request(url, etag=first.etag)])[0]
    assert by_etag.not_modified and not by_etag.ok and by_etag.error is None and by_etag.body == b""
    by_date = fetch([Request(url, last_modified=first.last_modified)])[0]
    assert by_date.not_modified
    stale = fetch([Request(url, etag='"v0"')])[0]
    assert stale.ok and stale.body == first.body
    sent = server.seen("/conditional")
    assert "if-none-match" not in sent[0].headers
    assert sent[1].headers["if-none-match"] == '"v1"'
    assert sent[2].headers["if-modified-since"] == first.last_modified


# -- redirects ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("path,detail", [
    ("/loop/a", "redirect loop: "),
    ("/self", "redirect loop: "),
    ("/chain/6", "more than 5 redirects"),
    ("/to-ftp", "cannot be fetched"),
    ("/no-location", "no Location header"),
])
def test_fetch_redirect_trouble(server, path, detail):
    response = fetch_one(server.url(path))
    assert response.code == "E079" and detail in response.error and response.body == b""
    assert server.count() <= 8  # robots.txt and at most max_redirects + 1 hops


def test_fetch_redirect_chain_within_the_limit(server):
    response = fetch_one(server.url("/chain/5"), max_redirects=5)
    assert response.ok and response.body == b"end of the chain"
    assert response.url == server.url("/chain/5") and response.final_url == server.url("/chain/0")
    assert fetch_one(server.url("/chain/2"), max_redirects=1).code == "E079"


def test_fetch_redirect_methods(server):
    import json

    see_other = fetch([Request(server.url("/see-other"), method="POST", body=b"q=1")])[0]
    assert json.loads(see_other.body)["method"] == "GET" and server.seen("/echo")[0].body == b""
    temporary = fetch([Request(server.url("/temporary"), method="POST", body=b"q=1")])[0]
    assert json.loads(temporary.body)["method"] == "POST" and server.seen("/echo")[1].body == b"q=1"


def test_fetch_redirect_to_another_host_checks_its_robots_and_drops_credentials():
    with LoopbackServer(hostile_routes()) as b:
        b.route("/robots.txt", robots("User-agent: *\nDisallow: /private/\n"))
        with LoopbackServer({"/to-b-private": redirect(b.url("/private/x")),
                             "/to-b-echo": redirect(b.url("/echo"))}) as a:
            refused = fetch_one(a.url("/to-b-private"))
            assert refused.code == "E073" and refused.final_url == b.url("/private/x")
            assert b.count("/robots.txt") == 1 and b.count("/private/x") == 0
            import json

            echoed = fetch([Request(a.url("/to-b-echo"), headers={"Authorization": "Bearer s3cret"})])[0]
            assert "authorization" not in json.loads(echoed.body)["headers"]


# -- robots.txt through the fetcher -------------------------------------------------------------------------


def test_fetch_robots_disallowed_url_is_not_requested(server):
    server.route("/robots.txt", robots("User-agent: *\nDisallow: /status/\n"))
    urls = [server.url(f"/status/20{i}") for i in range(3)] + [server.url("/ok")]
    responses = fetch(urls)
    assert [r.code for r in responses] == ["E073", "E073", "E073", None]
    assert "robots.txt" in responses[0].error and UA in responses[0].error
    assert server.count("/status/200") == 0
    assert server.count("/robots.txt") == 1  # once per host, though asked for concurrently


@pytest.mark.parametrize("reply,allowed", [
    (static("not found", status=404), True),
    (static("forbidden", status=403), True),
    (static("gone", status=410), True),
    (static("error", status=500), False),
    (static("unavailable", status=503), False),
    (Reply(200, b"User-agent: *\nDisallow: /\n", delay=3), False),  # too slow: unreachable
])
def test_fetch_robots_status_decides(reply, allowed):
    with LoopbackServer({"/robots.txt": reply, "/ok": static("ok")}) as server:
        response = fetch_one(server.url("/ok"), timeout=0.5, retries=0)
        assert response.ok is allowed
        if not allowed:
            assert response.code == "E074" and "disallowed for now" in response.error
            assert server.count("/ok") == 0


def test_fetch_robots_crawl_delay_slows_the_host(server):
    server.route("/robots.txt", robots("User-agent: *\nCrawl-delay: 1\n"))
    assert fetch_one(server.url("/ok"), host_delay=0.05).ok
    assert gaps(server.times())[0] >= 0.9  # robots.txt, then the page a crawl-delay later


def test_fetch_robots_can_be_turned_off(server):
    server.route("/robots.txt", robots("User-agent: *\nDisallow: /\n"))
    assert fetch_one(server.url("/ok"), robots=False).ok
    assert fetch([Request(server.url("/ok"), robots=False)])[0].ok
    assert server.count("/robots.txt") == 0


def test_fetch_real_robots_file_served_and_obeyed():
    path = SHARED_EVAL / "crawl-fixtures" / "sitemaps-robots" / "robots" / "www.nytimes.com.robots.txt"
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared/eval is not beside the clone)")
    routes = {"/robots.txt": shared_file("crawl-fixtures/sitemaps-robots/robots/www.nytimes.com.robots.txt",
                                         "text/plain"), **hostile_routes()}
    with LoopbackServer(routes) as server:
        responses = fetch([server.url(p) for p in ("/ok", "/report.pdf", "/svc/x", "/ads/public/ok")])
        assert [r.code for r in responses] == [None, "E073", "E073", "E075"]  # the last is allowed, then 404


def test_fetch_robots_rules_are_public_with_sitemaps(server):
    server.route("/robots.txt", robots("User-agent: *\nDisallow: /x\nSitemap: https://example.com/news.xml\n"))

    async def run():
        async with Fetcher(policy()) as fetcher:
            return await fetcher.robots_rules(server.url("/anything"))

    rules = asyncio.run(run())
    assert rules.sitemaps == ["https://example.com/news.xml"] and not rules.allowed(server.url("/x"))


# -- fetch_all --------------------------------------------------------------------------------------------


def test_fetch_all_takes_an_async_iterable_and_stops_early(server):
    async def urls():
        for i in range(3):
            yield server.url(f"/ok?n={i}")

    with LoopbackServer(hostile_routes()) as slow:
        async def run():
            async with Fetcher(policy(robots=False)) as fetcher:
                got = [r.url async for r in fetcher.fetch_all(urls())]
                start = time.monotonic()
                # the slow request is under way on its own host when the loop is left: it is cancelled
                responses = fetcher.fetch_all([slow.url("/sleep/10"), server.url("/ok")])
                first = await anext(responses)
                await responses.aclose()  # closing it cancels the rest
                return got, time.monotonic() - start, first

        got, elapsed, first = asyncio.run(run())
        assert slow.count("/sleep/10") == 1
    assert sorted(got) == sorted(server.url(f"/ok?n={i}") for i in range(3))
    assert first.url == server.url("/ok") and elapsed < 5
