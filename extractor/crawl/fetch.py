"""The one place where the crawler fetches: bytes and headers in, never an exception out.

Everything that makes a crawler polite and safe is here, once: robots.txt (robots.py), a per-host
schedule (request starts to one ``host:port`` at least ``host_delay`` apart, at most
``host_concurrency`` in flight) with many hosts in parallel, shared request-rate limits for a domain
and its subdomains (``rate_limits = {"sec.gov": 10}``), retries with back-off on 429, 500, 502, 503, 504,
connection errors and timeouts (Retry-After honoured up to ``max_wait``), connect timeouts and an
overall deadline per request (so that a slow-drip body ends), redirects followed by hand (each hop
checked again by netguard.py and robots.txt), size caps on raw and decompressed bodies (gzip, deflate and
brotli decompressed here, incrementally), and conditional GET (ETag, Last-Modified).

Parsers parse bytes: a :class:`Response` carries the body as sent (decompressed, not decoded) and its
headers; the text encoding is decided in ``extractor/parse/encoding.py``.

A fetch never raises for network or HTTP trouble: the response's ``error`` holds a coded message
(E070-E079) that names the URL and says what to do, and ``body`` is empty unless the whole body was
read within the limits (a 404's or 503's own page is kept).

Usage::

    async with Fetcher(FetchPolicy(user_agent="Jane Doe jane@example.com")) as fetcher:
        response = await fetcher.fetch("https://www.sec.gov/cgi-bin/browse-edgar?action=getcurrent")
        async for response in fetcher.fetch_all(urls):   # as they complete
            ...
    responses = fetch_sync(urls, FetchPolicy())            # the same, from synchronous code, in order
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import time
import zlib
from collections.abc import AsyncIterable, AsyncIterator, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http import HTTPStatus
from typing import Any

import brotli
import httpx

from .. import __version__
from ..errors import Errors
from . import netguard
from .robots import UNAVAILABLE_RETRY, RobotsRules, robots_url, rules_for_status
from .urls import canonical_url, host_key, hostname, in_domain, origin

logger = logging.getLogger(__name__)

DEFAULT_USER_AGENT = f"extractor/{__version__} (+https://github.com/extractor)"
ACCEPT_ENCODING = "gzip, deflate, br"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
HOST_WIDE_STATUSES = frozenset({429, 503})  # the whole host asks to slow down, not just this URL
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
GUARD_CACHE_SECONDS = 60.0  # a host found public is not resolved again for this long


@dataclass(frozen=True)
class FetchPolicy:
    """How the crawler fetches; one policy per crawl (the ``[crawl]`` table of a sources file)."""

    user_agent: str = DEFAULT_USER_AGENT  # SEC needs "Name email@example.com"
    timeout: float = 30.0  # seconds for one whole request incl. body (slow bodies end here)
    connect_timeout: float = 10.0  # seconds to open a connection (at most timeout)
    max_bytes: int = 20_000_000  # body cap, raw and after decompression
    max_redirects: int = 5
    host_delay: float = 1.0  # seconds between request starts to one host (host = host:port)
    host_concurrency: int = 1  # requests in flight to one host
    concurrency: int = 64  # requests in flight overall
    retries: int = 3  # on 429, 500, 502, 503, 504, connection errors and timeouts
    backoff: float = 1.0  # first back-off in seconds; doubles; capped by max_wait
    max_wait: float = 120.0  # longest Retry-After (and Crawl-delay) honoured; a longer one ends the fetch
    robots: bool = True  # obey robots.txt
    robots_ttl: float = 86400.0  # seconds a robots.txt is kept before it is fetched again
    # allow loopback/private/link-local addresses: True for all, or the networks allowed, e.g. ("127.0.0.0/8",)
    allow_private: bool | Collection[str] = False
    # domain -> requests per second shared by the domain and its subdomains, e.g. {"sec.gov": 10}
    rate_limits: Mapping[str, float] = field(default_factory=dict)
    proxy: str = ""  # e.g. "http://proxy:3128"; environment variables (HTTP_PROXY) are not read


@dataclass
class Request:
    url: str
    method: str = "GET"
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes | None = None
    etag: str | None = None  # conditional GET: sent as If-None-Match
    last_modified: str | None = None  # conditional GET: sent as If-Modified-Since
    robots: bool = True  # False for robots.txt itself
    max_bytes: int | None = None  # a smaller (or larger) cap than the policy's for this request


@dataclass
class Response:
    url: str  # as requested
    final_url: str  # after redirects (the last URL tried, when the fetch failed)
    status: int | None  # None when no HTTP response came (refused, network error)
    headers: dict[str, str]  # lower-case keys; repeated headers joined with ", "
    body: bytes  # decompressed (Content-Encoding), not decoded; empty when the fetch failed
    fetched_at: str  # ISO 8601 UTC
    error: str | None = None  # a coded message (E070-E079) when the fetch failed; never raised

    @property
    def ok(self) -> bool:
        """A 2xx response with its whole body (a 304 is not ``ok``: see ``not_modified``)."""
        return self.error is None and self.status is not None and 200 <= self.status < 300

    @property
    def not_modified(self) -> bool:
        """304 to a conditional GET: nothing new; keep the validators already stored."""
        return self.error is None and self.status == 304

    @property
    def code(self) -> str | None:
        """The error's code (``E075``), or None."""
        return self.error[1:5] if self.error and self.error.startswith("[") else None

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")

    @property
    def content_type(self) -> str | None:
        """The media type, lower-case, without parameters (``text/html``)."""
        value = self.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        return value or None

    @property
    def charset(self) -> str | None:
        """The charset declared in Content-Type, lower-case (as declared: it may be wrong)."""
        for param in self.headers.get("content-type", "").split(";")[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "charset":
                return value.strip().strip("\"'").strip().lower() or None
        return None


def _now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


# ---------------------------------------------------------------------------------------------------
# Bodies: raw bytes streamed in, decompressed incrementally, capped at every stage.


class _TooLarge(Exception):
    pass


class _Undecodable(Exception):
    pass


class _Zlib:
    """gzip (possibly several members) or deflate (zlib-wrapped, or raw as some servers send it)."""

    def __init__(self, gzip: bool) -> None:
        self.gzip = gzip
        self.wbits = 31 if gzip else 15
        self.d = zlib.decompressobj(self.wbits)
        self.started = False

    def feed(self, data: bytes, room: int) -> bytes:
        out: list[bytes] = []
        size = 0
        while data:
            try:
                chunk = self.d.decompress(data, room - size + 1)  # never more than one byte over the cap
            except zlib.error as exc:
                if not self.gzip and not self.started and self.wbits == 15:
                    self.wbits = -15
                    self.d = zlib.decompressobj(-15)
                    continue
                raise _Undecodable(str(exc)) from None
            self.started = True
            size += len(chunk)
            if size > room:
                raise _TooLarge
            out.append(chunk)
            if self.d.eof:
                rest = self.d.unused_data
                if self.gzip and rest.startswith(b"\x1f\x8b"):  # another gzip member
                    self.d = zlib.decompressobj(31)
                    data = rest
                    continue
                break  # trailing bytes after the end of the stream are ignored, as browsers do
            data = self.d.unconsumed_tail
        return b"".join(out)

    def end(self) -> None:
        if not self.d.eof:
            raise _Undecodable("the compressed body ends early")


# brotli >= 1.2 can stop decompressing at an output size (Decompressor.process(output_buffer_limit=))
_BROTLI_LIMITS = "output_buffer_limit" in (brotli.Decompressor.process.__doc__ or "")


class _Brotli:
    def __init__(self) -> None:
        self.d = brotli.Decompressor()

    def feed(self, data: bytes, room: int) -> bytes:
        if not _BROTLI_LIMITS:  # brotli < 1.2: no output limit; small input slices keep the output small-ish
            out, size = [], 0
            for start in range(0, len(data), 1024):
                try:
                    chunk = self.d.process(data[start:start + 1024])
                except brotli.error as exc:
                    raise _Undecodable(str(exc)) from None
                size += len(chunk)
                if size > room:
                    raise _TooLarge
                out.append(chunk)
            return b"".join(out)
        out = []
        size = 0
        try:
            chunk = self.d.process(data, output_buffer_limit=room + 1)
            while True:
                size += len(chunk)
                if size > room:
                    raise _TooLarge
                out.append(chunk)
                if self.d.can_accept_more_data():
                    break
                chunk = self.d.process(b"", output_buffer_limit=room - size + 1)
        except brotli.error as exc:
            raise _Undecodable(str(exc)) from None
        return b"".join(out)

    def end(self) -> None:
        if not self.d.is_finished():
            raise _Undecodable("the compressed body ends early")


_CODINGS = {"gzip": lambda: _Zlib(True), "x-gzip": lambda: _Zlib(True), "deflate": lambda: _Zlib(False),
            "br": _Brotli}


class _Body:
    """Collects a body chunk by chunk; raises _TooLarge as soon as the raw or decoded size passes
    ``limit``, and _Undecodable for a broken or unsupported Content-Encoding."""

    def __init__(self, content_encoding: str, limit: int) -> None:
        self.limit = limit
        self.encoding = content_encoding
        codings = [c.strip().lower() for c in content_encoding.split(",")]
        codings = [c for c in codings if c and c != "identity"]
        unknown = [c for c in codings if c not in _CODINGS]
        if unknown:
            raise _Undecodable(f"unsupported Content-Encoding {unknown[0]!r}")
        self.stages = [_CODINGS[c]() for c in reversed(codings)]  # the last applied is undone first
        self.sizes = [0] * len(self.stages)
        self.raw = 0
        self.parts: list[bytes] = []

    def feed(self, raw: bytes) -> None:
        self.raw += len(raw)
        if self.raw > self.limit:
            raise _TooLarge(f"more than {self.limit:,} bytes were sent (an endless or oversized body)")
        data = raw
        for index, stage in enumerate(self.stages):
            try:
                data = stage.feed(data, self.limit - self.sizes[index])
            except _TooLarge:
                raise _TooLarge(f"it decompresses ({self.encoding}) to more than that (a compression bomb, "
                                "or a very large document)") from None
            self.sizes[index] += len(data)
        if data:
            self.parts.append(data)

    def finish(self) -> bytes:
        if self.raw:
            for stage in self.stages:
                stage.end()
        return b"".join(self.parts)


# ---------------------------------------------------------------------------------------------------
# Scheduling


class _Slot:
    """One host's schedule: start times spaced by ``delay``, ``concurrency`` requests in flight."""

    def __init__(self, delay: float, concurrency: int) -> None:
        self.delay = delay
        self.next_start = 0.0
        self.last_start: float | None = None
        self.semaphore = asyncio.Semaphore(max(1, concurrency))

    def slow_down(self, delay: float) -> None:
        """A larger delay from now on (robots.txt Crawl-delay)."""
        if delay > self.delay:
            self.delay = delay
            if self.last_start is not None:
                self.next_start = max(self.next_start, self.last_start + delay)


class _Spacing:
    """A shared request rate for a domain and its subdomains: starts ``interval`` apart."""

    def __init__(self, per_second: float) -> None:
        self.interval = 1.0 / per_second
        self.next_start = 0.0


@dataclass
class _Outcome:
    """One HTTP exchange (or the last of its retries)."""

    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    reason: str = ""
    network: str | None = None  # what went wrong on the network
    error: str | None = None  # a finished coded message (too large, undecodable)
    attempts: int = 1
    asked_wait: float | None = None  # a Retry-After longer than max_wait

    @property
    def retryable(self) -> bool:
        return self.error is None and (self.network is not None or self.status in RETRY_STATUSES)


def _retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a Retry-After header (delay-seconds or an HTTP date); None if absent or bad."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return max(0.0, moment.timestamp() - now)


def _advice(status: int) -> str:
    if status in (401, 403):
        return ("The server refuses access: check the URL, and that user_agent says who you are (SEC wants a "
                "name and an e-mail address).")
    if status in (404, 410):
        return "The page does not exist (any more): check the URL."
    if status == 429 or status >= 500:
        return "The server is overloaded or failing: try again later (retries and backoff set how hard to try)."
    if 400 <= status < 500:
        return "The server rejected the request: check the URL and the request's headers."
    return "The fetcher cannot use this response."


def _reason(status: int, given: str) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return given


class Fetcher:
    """Fetches politely and safely (see the module docstring); one per crawl, used from one event loop.

    ``transport`` replaces httpx's network transport (tests: ``httpx.MockTransport``); ``resolver``
    replaces DNS resolution for the address check (tests: an ``async (host, port) -> [addresses]``)."""

    def __init__(self, policy: FetchPolicy | None = None, *, transport: httpx.AsyncBaseTransport | None = None,
                 resolver: netguard.Resolver | None = None) -> None:
        self.policy = policy = policy or FetchPolicy()
        timeout = httpx.Timeout(policy.timeout, connect=min(policy.connect_timeout, policy.timeout))
        limits = httpx.Limits(max_connections=max(1, policy.concurrency),
                              max_keepalive_connections=max(1, min(policy.concurrency, 100)))
        self._client = httpx.AsyncClient(
            transport=transport, timeout=timeout, limits=limits, follow_redirects=False, trust_env=False,
            proxy=policy.proxy or None,
            headers={"User-Agent": policy.user_agent, "Accept-Encoding": ACCEPT_ENCODING, "Accept": "*/*"})
        self._resolver = resolver
        self._global = asyncio.Semaphore(max(1, policy.concurrency))
        self._slots: dict[str, _Slot] = {}
        self._spacings = {domain.lower().strip("."): _Spacing(rate)
                          for domain, rate in policy.rate_limits.items() if rate and rate > 0}
        self._spacings_of: dict[str, list[_Spacing]] = {}
        self._robots: dict[str, asyncio.Task[RobotsRules]] = {}
        self._guarded: dict[tuple[str, int], float] = {}  # (host, port) -> checked until (loop time)

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        for task in self._robots.values():
            if not task.done():
                task.cancel()
        await self._client.aclose()

    # -- public -----------------------------------------------------------------------------------

    async def fetch(self, request: Request | str) -> Response:
        """Fetch one URL; the response carries an error (E07x) instead of raising."""
        request = request if isinstance(request, Request) else Request(str(request))
        try:
            return await self._fetch(request)
        except Exception as exc:  # a bug must not end the crawl; say so in the response
            logger.exception("fetching %s failed", request.url)
            return self._response(request, request.url, _Outcome(), Errors.E077.format(
                url=request.url, detail=f"unexpected {type(exc).__name__}: {exc}", attempts="",
                advice="This is a bug; please report it with the URL."))

    async def fetch_all(self, requests: Iterable[Request | str] | AsyncIterable[Request | str],
                        ) -> AsyncIterator[Response]:
        """Fetch many URLs at once, many hosts in parallel, and yield the responses as they complete
        (``response.url`` says which request each answers). Closing the generator cancels the fetches
        still under way: ``async with contextlib.aclosing(fetcher.fetch_all(urls)) as responses:`` to
        leave the loop early (without it, they are cancelled when the generator is collected)."""
        done: asyncio.Queue[asyncio.Future[Any]] = asyncio.Queue()
        tasks: set[asyncio.Future[Any]] = set()

        def spawn(item: Request | str) -> None:
            task = asyncio.ensure_future(self.fetch(item))
            tasks.add(task)
            task.add_done_callback(done.put_nowait)

        feeder: asyncio.Future[Any] | None = None
        if isinstance(requests, AsyncIterable):
            async def feed() -> None:
                async for item in requests:
                    spawn(item)
            feeder = asyncio.ensure_future(feed())
            feeder.add_done_callback(done.put_nowait)
        else:
            for item in requests:
                spawn(item)
        try:
            while tasks or (feeder is not None and not feeder.done()):
                finished = await done.get()
                if finished is feeder:
                    finished.result()  # an exception in the caller's iterable surfaces here
                    continue
                tasks.discard(finished)
                yield finished.result()
        finally:
            pending = [t for t in (*tasks, feeder) if t is not None and not t.done()]
            for task in pending:
                task.cancel()
            if pending:
                await asyncio.gather(*pending, return_exceptions=True)

    async def robots_rules(self, url: str) -> RobotsRules:
        """The robots.txt rules that govern ``url`` for our user agent, fetched once per site and kept
        ``robots_ttl`` seconds (an unreachable robots.txt: ``UNAVAILABLE_RETRY`` seconds)."""
        key = robots_url(url)
        loop = asyncio.get_running_loop()
        task = self._robots.get(key)
        if task is not None and task.done() and not task.cancelled() and task.exception() is None:
            rules = task.result()
            ttl = UNAVAILABLE_RETRY if rules.unavailable else self.policy.robots_ttl
            if loop.time() - rules.fetched_at > ttl:
                task = None
        elif task is not None and task.done():
            task = None
        if task is None:
            task = self._robots[key] = asyncio.ensure_future(self._load_robots(key))
        return await asyncio.shield(task)

    # -- one URL ----------------------------------------------------------------------------------

    def _response(self, request: Request, final_url: str, outcome: _Outcome, error: str | None) -> Response:
        if error and final_url != request.url:  # name the URL asked for, and where its redirects led
            error = error.replace(f"] {final_url}: ", f"] {request.url} (redirected to {final_url}): ", 1)
        # outcome.body is only ever a whole body read within the limits (a 404's page, say), else empty
        return Response(url=request.url, final_url=final_url, status=outcome.status, headers=outcome.headers,
                        body=outcome.body, fetched_at=_now_iso(), error=error)

    def _headers(self, request: Request) -> httpx.Headers:
        headers = httpx.Headers({"User-Agent": self.policy.user_agent, "Accept-Encoding": ACCEPT_ENCODING,
                                 "Accept": "*/*"})
        for name, value in request.headers.items():
            headers[name] = value
        if request.etag:
            headers["If-None-Match"] = request.etag
        if request.last_modified:
            headers["If-Modified-Since"] = request.last_modified
        return headers

    async def _fetch(self, request: Request) -> Response:
        policy = self.policy
        limit = request.max_bytes if request.max_bytes is not None else policy.max_bytes
        url = request.url.strip()
        method = request.method.upper()
        headers = self._headers(request)
        body = request.body
        chain = [url]
        seen = {(method, _key(url))}
        for hop in range(policy.max_redirects + 1):
            refusal = await self._guard(url)
            if refusal:
                return self._response(request, url, _Outcome(), refusal)
            if policy.robots and request.robots:
                rules = await self.robots_rules(url)
                if not rules.allowed(url):
                    if rules.unavailable:
                        error = Errors.E074.format(url=url, robots=rules.url, detail=rules.unavailable,
                                                  retry=UNAVAILABLE_RETRY)
                    else:
                        error = Errors.E073.format(url=url, agent=policy.user_agent, robots=rules.url)
                    return self._response(request, url, _Outcome(), error)
            outcome = await self._attempts(method, url, headers, body, limit)
            if outcome.error or outcome.network or outcome.status not in REDIRECT_STATUSES:
                return self._finish(request, url, outcome)
            location = outcome.headers.get("location", "").strip()
            if not location:
                return self._response(request, url, outcome, Errors.E079.format(
                    url=request.url, detail=f"HTTP {outcome.status} from {url} has no Location header"))
            try:
                target = str(httpx.URL(url).join(location))
                netguard.split_target(target)
            except (httpx.InvalidURL, netguard.URLRefused, ValueError):
                return self._response(request, url, outcome, Errors.E079.format(
                    url=request.url, detail=f"{url} redirects to {location!r}, which cannot be fetched"))
            if outcome.status == 303 or (outcome.status in (301, 302) and method == "POST"):
                method = "GET" if method != "HEAD" else method
                body = None
                headers.pop("Content-Type", None)
                headers.pop("Content-Length", None)
            chain.append(target)
            if (method, _key(target)) in seen:
                return self._response(request, url, outcome, Errors.E079.format(
                    url=request.url, detail="redirect loop: " + " -> ".join(chain)))
            if hop == policy.max_redirects:
                return self._response(request, url, outcome, Errors.E079.format(
                    url=request.url, detail=f"more than {policy.max_redirects} redirects (max_redirects): "
                    + " -> ".join(chain)))
            seen.add((method, _key(target)))
            if _origin(target) != _origin(url):  # credentials stay with the host they were meant for
                headers.pop("Authorization", None)
                headers.pop("Cookie", None)
            url = target
        raise AssertionError("unreachable")  # pragma: no cover

    def _finish(self, request: Request, url: str, outcome: _Outcome) -> Response:
        policy = self.policy
        if outcome.error:
            return self._response(request, url, outcome, outcome.error)
        attempts = f" (after {outcome.attempts} attempts)" if outcome.attempts > 1 else ""
        if outcome.network:
            return self._response(request, url, outcome, Errors.E077.format(
                url=url, detail=outcome.network, attempts=attempts,
                advice=f"Check the URL and that the host is up; raise timeout (now {policy.timeout:g} s) if the "
                       "server is only slow."))
        status = outcome.status or 0
        if outcome.asked_wait is not None:
            until = email.utils.formatdate(time.time() + outcome.asked_wait, usegmt=True)
            return self._response(request, url, outcome, Errors.E076.format(
                url=url, status=status, wait=outcome.asked_wait, max_wait=policy.max_wait, until=until))
        if 200 <= status < 300 or status == 304:
            return self._response(request, url, outcome, None)
        return self._response(request, url, outcome, Errors.E075.format(
            url=url, status=status, reason=_reason(status, outcome.reason), attempts=attempts,
            advice=_advice(status)))

    async def _guard(self, url: str) -> str | None:
        """None when ``url`` may be fetched, else the coded refusal (E070, E071, E077)."""
        try:
            host, port = netguard.split_target(url)
        except netguard.URLRefused as exc:
            return str(exc)
        if self.policy.allow_private is True:
            return None
        now = asyncio.get_running_loop().time()
        if self._guarded.get((host, port), 0.0) > now:
            return None
        try:
            await netguard.acheck_url(url, self.policy.allow_private, resolver=self._resolver)
        except (netguard.URLRefused, netguard.HostNotFound) as exc:
            return str(exc)
        self._guarded[(host, port)] = now + GUARD_CACHE_SECONDS
        return None

    async def _load_robots(self, url: str) -> RobotsRules:
        response = await self.fetch(Request(url, robots=False, headers={"Accept": "text/plain, */*;q=0.5"}))
        detail = None
        if response.error:
            detail = f"HTTP {response.status}" if response.code in ("E075", "E076") else _detail(response.error)
        rules = rules_for_status(url, response.status, response.body, self.policy.user_agent, error=detail)
        rules.fetched_at = asyncio.get_running_loop().time()
        if rules.crawl_delay:
            delay = min(rules.crawl_delay, self.policy.max_wait)
            self._slot(url).slow_down(delay)
            if delay < rules.crawl_delay:
                logger.warning("%s asks for Crawl-delay %s s; %s s (max_wait) is used", url, rules.crawl_delay, delay)
        if rules.unavailable:
            logger.warning("%s: %s; the site is disallowed for now", url, rules.unavailable)
        return rules

    # -- one exchange, with retries -------------------------------------------------------------------

    async def _attempts(self, method: str, url: str, headers: httpx.Headers, body: bytes | None,
                        limit: int) -> _Outcome:
        policy = self.policy
        attempt = 0
        while True:
            attempt += 1
            outcome = await self._exchange(method, url, headers, body, limit)
            outcome.attempts = attempt
            if not outcome.retryable:
                return outcome
            asked = _retry_after(outcome.headers.get("retry-after"), time.time()) if outcome.status else None
            if asked is not None and asked > policy.max_wait:
                outcome.asked_wait = asked
                return outcome
            if attempt > policy.retries:
                return outcome
            wait = asked if asked is not None else min(policy.backoff * 2 ** (attempt - 1), policy.max_wait)
            if asked is not None or outcome.status in HOST_WIDE_STATUSES:
                slot = self._slot(url)
                slot.next_start = max(slot.next_start, asyncio.get_running_loop().time() + wait)
            logger.info("%s: %s; retry %d of %d in %.2f s", url, outcome.network or f"HTTP {outcome.status}",
                        attempt, policy.retries, wait)
            await asyncio.sleep(wait)

    def _slot(self, url: str) -> _Slot:
        key = host_key(url)
        slot = self._slots.get(key)
        if slot is None:
            slot = self._slots[key] = _Slot(self.policy.host_delay, self.policy.host_concurrency)
        return slot

    def _spacings_for(self, url: str) -> list[_Spacing]:
        host = hostname(url)
        found = self._spacings_of.get(host)
        if found is None:
            found = self._spacings_of[host] = [s for d, s in self._spacings.items() if in_domain(host, d)]
        return found

    async def _start(self, slot: _Slot, spacings: list[_Spacing]) -> None:
        """Wait until this host (and its rate-limited domains) may start a request, and take a slot of
        the overall concurrency. Waiting is done without holding that slot, so other hosts go on."""
        loop = asyncio.get_running_loop()
        while True:
            ready = max([slot.next_start, *(s.next_start for s in spacings)])
            wait = ready - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
                continue
            await self._global.acquire()
            now = loop.time()
            if now >= slot.next_start and all(now >= s.next_start for s in spacings):
                slot.last_start = now
                slot.next_start = now + slot.delay
                for spacing in spacings:
                    spacing.next_start = now + spacing.interval
                return
            self._global.release()  # another request took the turn while we waited for the slot

    async def _exchange(self, method: str, url: str, headers: httpx.Headers, body: bytes | None,
                        limit: int) -> _Outcome:
        slot = self._slot(url)
        spacings = self._spacings_for(url)
        async with slot.semaphore:
            await self._start(slot, spacings)
            try:
                return await self._send(method, url, headers, body, limit, slot, spacings)
            finally:
                self._global.release()

    async def _send(self, method: str, url: str, headers: httpx.Headers, body: bytes | None,
                    limit: int, slot: _Slot, spacings: list[_Spacing]) -> _Outcome:
        policy = self.policy
        logger.debug("%s %s", method, url)
        loop = asyncio.get_running_loop()

        async def trace(event: str, info: dict) -> None:
            # Spacing counts from when the request goes out: opening a connection (DNS, TCP, TLS) may take
            # a while, and the server sees the request only then.
            if event.endswith("send_request_headers.started"):
                sent = loop.time()
                slot.next_start = max(slot.next_start, sent + slot.delay)
                for spacing in spacings:
                    spacing.next_start = max(spacing.next_start, sent + spacing.interval)

        try:
            async with asyncio.timeout(policy.timeout):
                request = self._client.build_request(method, url, headers=headers, content=body,
                                                     extensions={"trace": trace})
                response = await self._client.send(request, stream=True)
                try:
                    return await self._read(response, method, url, limit)
                finally:
                    await response.aclose()
        except httpx.ConnectTimeout:
            return _Outcome(network=f"no connection within {min(policy.connect_timeout, policy.timeout):g} s")
        except httpx.TimeoutException as exc:
            return _Outcome(network=f"timed out ({type(exc).__name__}: {exc or 'no data'})")
        except TimeoutError:
            return _Outcome(network=f"no complete response within timeout ({policy.timeout:g} s; a slow or "
                                    "stalled server)")
        except httpx.RemoteProtocolError as exc:
            return _Outcome(network=f"the connection broke off ({exc}); the body was incomplete or malformed")
        except (httpx.TransportError, OSError) as exc:
            return _Outcome(network=f"{type(exc).__name__}: {exc or 'connection failed'}")

    async def _read(self, response: httpx.Response, method: str, url: str, limit: int) -> _Outcome:
        status = response.status_code
        headers = {name.lower(): value for name, value in response.headers.items()}
        outcome = _Outcome(status=status, headers=headers, reason=response.reason_phrase)
        if method == "HEAD" or status in REDIRECT_STATUSES or status in (204, 304) or status < 200:
            return outcome
        declared = headers.get("content-length", "").strip()
        if declared.isdigit() and int(declared) > limit:
            outcome.error = Errors.E078.format(url=url, limit=limit,
                                               detail=f"the server declares Content-Length {int(declared):,}")
            return outcome
        try:
            if response.is_stream_consumed:  # made in memory (httpx.MockTransport): httpx has decoded it already
                collected = _Body("", limit)
                collected.feed(response.content)
            else:
                collected = _Body(headers.get("content-encoding", ""), limit)
                async for chunk in response.aiter_raw():
                    collected.feed(chunk)
            outcome.body = collected.finish()
        except _TooLarge as exc:
            outcome.error = Errors.E078.format(url=url, limit=limit, detail=str(exc))
        except _Undecodable as exc:
            outcome.error = Errors.E072.format(url=url, encoding=headers.get("content-encoding", ""),
                                               detail=str(exc))
        return outcome


def _key(url: str) -> str:
    try:
        return canonical_url(url)
    except ValueError:
        return url


def _origin(url: str) -> str:
    try:
        return origin(url)
    except ValueError:
        return url


def _detail(message: str) -> str:
    """What went wrong, from a coded message: without its code, URL and advice."""
    if message.startswith("[") and "] " in message:
        message = message.split("] ", 1)[1]
    message = message.split(": ", 1)[-1]
    return message.split(". ", 1)[0]


def fetch_sync(requests: Iterable[Request | str] | Request | str, policy: FetchPolicy | None = None, *,
               transport: httpx.AsyncBaseTransport | None = None,
               resolver: netguard.Resolver | None = None) -> list[Response]:
    """Fetch from synchronous code (not from inside a running event loop): the responses in the order
    of the requests."""
    items = [requests] if isinstance(requests, (str, Request)) else list(requests)

    async def run() -> list[Response]:
        async with Fetcher(policy, transport=transport, resolver=resolver) as fetcher:
            return list(await asyncio.gather(*(fetcher.fetch(item) for item in items)))

    return asyncio.run(run())
