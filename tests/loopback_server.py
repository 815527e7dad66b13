"""A real HTTP/1.1 server on 127.0.0.1 for the crawler tests and benchmarks: recorded and hostile responses.

Each :class:`LoopbackServer` is a ``http.server.ThreadingHTTPServer`` on a free port, served from a daemon
thread, with a route table (path -> :class:`Reply`, or a function of the request that returns one). It
records every request (method, path, headers, body, arrival and end times) so that tests can assert on
politeness (request times per host), the User-Agent and conditional headers. Several servers are
several hosts for the fetcher (``127.0.0.1:PORT`` each)::

    with LoopbackServer({"/robots.txt": robots("User-agent: *\\nDisallow: /private/\\n"),
                         "/feed.xml": shared_file("rss-atom-feeds/feeds/x.rss", "application/rss+xml")}) as server:
        fetch_sync([server.url("/feed.xml")], FetchPolicy(allow_private=True))
        assert server.count("/feed.xml") == 1

    with serve_many(50, hostile_routes()) as servers:   # 50 hosts, e.g. for scripts/bench_crawl.py
        ...

:func:`hostile_routes` has the cases a crawler must survive: endless and slow-drip bodies, redirect loops
and chains, redirects to private addresses, 429 with Retry-After, 500 then 200, always 503, a 10 GB gzip
bomb streamed from a few kilobytes of state, brotli and deflate bodies, broken compression, ETag and
Last-Modified answering 304, a wrong declared charset and lying Content-Length headers.

Recorded files are read from ``../shared/eval`` at test time (:func:`shared_file`), never copied here.
"""

from __future__ import annotations

import email.utils
import gzip as gzip_module
import json
import socket
import struct
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Union
from urllib.parse import urlsplit

import brotli

from .conftest import SHARED_EVAL

GB = 1024 ** 3
MB = 1024 ** 2


@dataclass
class Reply:
    """What a route answers. ``body`` is bytes, or a function returning an iterable of chunks (a
    stream, built lazily for each request)."""

    status: int = 200
    body: bytes | Callable[[], Iterable[bytes]] = b""
    headers: Mapping[str, str] | Sequence[tuple[str, str]] = ()
    delay: float = 0.0  # seconds before the status line (a slow server)
    chunk_delay: float = 0.0  # seconds between body chunks (a slow-drip body)
    chunk_size: int = 64 * 1024  # how a bytes body is cut when chunk_delay is set
    length: int | None = None  # Content-Length to declare, true or not; None: the true length, or chunked
    chunked: bool = True  # streams without a length: chunked coding, else the body ends when the connection closes


@dataclass
class Seen:
    """One request as the server saw it."""

    server: LoopbackServer
    method: str
    target: str  # path and query as sent
    path: str
    query: str
    headers: dict[str, str]  # lower-case names
    body: bytes
    time: float  # time.monotonic() when the request arrived (comparable with asyncio's loop.time())
    end: float | None = None  # when the reply was written (or abandoned)
    sent: int = 0  # body bytes written

    @property
    def user_agent(self) -> str | None:
        return self.headers.get("user-agent")


Route = Union[Reply, Callable[[Seen], Reply]]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 15  # an idle keep-alive connection is closed after this many seconds
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        self._serve()

    do_HEAD = do_POST = do_PUT = do_DELETE = do_OPTIONS = do_PATCH = do_GET

    def _serve(self) -> None:
        owner = self.server.owner
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        seen = Seen(server=owner, method=self.command, target=self.path, path=parts.path, query=parts.query,
                    headers={k.lower(): v for k, v in self.headers.items()}, body=body, time=time.monotonic())
        owner._arrived(seen)
        try:
            route = owner._lookup(parts.path)
            reply = route(seen) if callable(route) else route
            self._write(seen, reply)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError, OSError):
            self.close_connection = True
        finally:
            seen.end = time.monotonic()
            owner._finished()

    def _pause(self, seconds: float) -> bool:
        """Sleep; False when the server is stopping."""
        return not self.server.owner.stopping.wait(seconds) if seconds > 0 else not self.server.owner.stopping.is_set()

    def _write(self, seen: Seen, reply: Reply) -> None:
        if reply.delay and not self._pause(reply.delay):
            self.close_connection = True
            return
        self.send_response(reply.status)
        headers = list(reply.headers.items()) if isinstance(reply.headers, Mapping) else list(reply.headers)
        names = {name.lower() for name, _ in headers}
        for name, value in headers:
            self.send_header(name, value)
        head = self.command == "HEAD"
        body = reply.body
        if isinstance(body, bytes):
            if reply.length is not None:
                self.send_header("Content-Length", str(reply.length))
                self.close_connection = True  # a lying length leaves the connection useless
                self.send_header("Connection", "close")
            elif "content-length" not in names:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if head:
                return
            if reply.chunk_delay:
                chunks: Iterable[bytes] = (body[i:i + reply.chunk_size] for i in range(0, len(body), reply.chunk_size))
                self._stream(seen, chunks, reply.chunk_delay, framed=False)
            else:
                self.wfile.write(body)
                seen.sent += len(body)
            return
        framed = False
        if reply.length is not None:
            self.send_header("Content-Length", str(reply.length))
            self.send_header("Connection", "close")
            self.close_connection = True
        elif reply.chunked:
            self.send_header("Transfer-Encoding", "chunked")
            framed = True
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if head:
            return
        self._stream(seen, body(), reply.chunk_delay, framed=framed)

    def _stream(self, seen: Seen, chunks: Iterable[bytes], delay: float, *, framed: bool) -> None:
        for index, chunk in enumerate(chunks):
            if (index and delay and not self._pause(delay)) or self.server.owner.stopping.is_set():
                self.close_connection = True
                return
            if not chunk:
                continue
            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk) if framed else chunk)
            seen.sent += len(chunk)
        if framed:
            self.wfile.write(b"0\r\n\r\n")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256

    def __init__(self, owner: LoopbackServer, address: tuple[str, int]) -> None:
        self.owner = owner
        self.connections: set[socket.socket] = set()
        self.connections_lock = threading.Lock()
        super().__init__(address, _Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self.connections_lock:
            self.connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self.connections_lock:
            self.connections.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:  # a client that went away: quiet
        pass


class LoopbackServer:
    """One HTTP server on 127.0.0.1 (one "host" for the fetcher); a context manager."""

    def __init__(self, routes: Mapping[str, Route] | None = None, *, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, Route] = dict(routes or {})
        self.host = host
        self.requests: list[Seen] = []
        self.stopping = threading.Event()
        self.active = 0
        self.max_active = 0  # most requests in flight at once
        self._lock = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._port: int | None = None

    # -- life -------------------------------------------------------------------------------------

    def start(self) -> LoopbackServer:
        self._server = _Server(self, (self.host, 0))
        self._port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name=f"loopback-{self.port}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is None:
            return
        self.stopping.set()
        self._server.shutdown()
        with self._server.connections_lock:
            connections = list(self._server.connections)
        for connection in connections:  # wake handler threads blocked on idle keep-alive connections
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = None

    def __enter__(self) -> LoopbackServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- addresses --------------------------------------------------------------------------------

    @property
    def port(self) -> int:
        assert self._port is not None, "the server was never started"
        return self._port

    @property
    def origin(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def host_key(self) -> str:
        return f"{self.host}:{self.port}"

    def url(self, path: str = "/") -> str:
        return self.origin + (path if path.startswith("/") else "/" + path)

    # -- routes and records -----------------------------------------------------------------------

    def route(self, path: str, route: Route) -> None:
        """Add or replace a route; a path ending in ``*`` matches by prefix."""
        self.routes[path] = route

    def _lookup(self, path: str) -> Route:
        if path in self.routes:
            return self.routes[path]
        prefixes = [p for p in self.routes if p.endswith("*") and path.startswith(p[:-1])]
        if prefixes:
            return self.routes[max(prefixes, key=len)]
        return Reply(404, b"not found", {"Content-Type": "text/plain"})

    def _arrived(self, seen: Seen) -> None:
        with self._lock:
            self.requests.append(seen)
            self.active += 1
            self.max_active = max(self.max_active, self.active)

    def _finished(self) -> None:
        with self._lock:
            self.active -= 1

    def seen(self, path: str | None = None) -> list[Seen]:
        """Requests received, in order of arrival (to ``path`` only, if given; robots.txt included)."""
        with self._lock:
            return [s for s in self.requests if path is None or s.path == path]

    def count(self, path: str | None = None) -> int:
        return len(self.seen(path))

    def times(self, path: str | None = None) -> list[float]:
        return [s.time for s in self.seen(path)]

    def reset(self) -> None:
        with self._lock:
            self.requests.clear()
            self.max_active = self.active


@contextmanager
def serve_many(n: int, routes: Mapping[str, Route] | Callable[[int], Mapping[str, Route]] | None = None,
               ) -> Iterator[list[LoopbackServer]]:
    """Start ``n`` servers (``n`` hosts) with the same routes, or ``routes(i)`` for the i-th."""
    with ExitStack() as stack:
        servers = [stack.enter_context(LoopbackServer(routes(i) if callable(routes) else routes))
                   for i in range(n)]
        yield servers


# ---------------------------------------------------------------------------------------------------
# Routes


def static(body: bytes | str = b"", *, status: int = 200, content_type: str = "text/plain; charset=utf-8",
           headers: Mapping[str, str] | None = None) -> Reply:
    data = body.encode("utf-8") if isinstance(body, str) else body
    return Reply(status, data, {"Content-Type": content_type, **(headers or {})})


def robots(text: str, *, status: int = 200) -> Reply:
    return static(text, status=status)


def shared_file(relative: str, content_type: str, *, headers: Mapping[str, str] | None = None,
                status: int = 200) -> Reply:
    """A recorded file of ``../shared/eval`` served byte for byte (FileNotFoundError when absent)."""
    return static((SHARED_EVAL / relative).read_bytes(), status=status, content_type=content_type, headers=headers)


def redirect(location: str, status: int = 302) -> Reply:
    return Reply(status, b"", {"Location": location})


def sequence(*replies: Reply) -> Callable[[Seen], Reply]:
    """The n-th request to the route on a server gets the n-th reply (the last one from then on)."""

    def answer(seen: Seen) -> Reply:
        index = seen.server.count(seen.path) - 1
        return replies[min(index, len(replies) - 1)]

    return answer


def gzipped(data: bytes, **kwargs: Any) -> Reply:
    reply = static(gzip_module.compress(data), **kwargs)
    reply.headers = {**reply.headers, "Content-Encoding": "gzip"}  # type: ignore[dict-item]
    return reply


def brotli_body(data: bytes, **kwargs: Any) -> Reply:
    reply = static(brotli.compress(data), **kwargs)
    reply.headers = {**reply.headers, "Content-Encoding": "br"}  # type: ignore[dict-item]
    return reply


def deflated(data: bytes, *, raw: bool = False, **kwargs: Any) -> Reply:
    """Content-Encoding: deflate, zlib-wrapped as the standard says, or raw as some servers send it."""
    compressor = zlib.compressobj(wbits=-15 if raw else 15)
    reply = static(compressor.compress(data) + compressor.flush(), **kwargs)
    reply.headers = {**reply.headers, "Content-Encoding": "deflate"}  # type: ignore[dict-item]
    return reply


def endless(chunk_size: int = 64 * 1024, *, chunked: bool = True) -> Reply:
    """A body that never ends (chunked, or ended only by closing the connection)."""

    def chunks() -> Iterator[bytes]:
        chunk = b"x" * chunk_size
        while True:
            yield chunk

    return Reply(200, chunks, {"Content-Type": "text/html"}, chunked=chunked)


def endless_empty_gzip() -> Reply:
    """A gzip stream that never ends and never decompresses to anything (empty sync-flush blocks)."""

    def chunks() -> Iterator[bytes]:
        yield b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"  # a gzip header
        block = b"\x00\x00\x00\xff\xff" * 8192  # empty stored deflate blocks, 40 KB of them at a time
        while True:
            yield block

    return Reply(200, chunks, {"Content-Type": "text/html", "Content-Encoding": "gzip"})


def slow_drip(size: int = 100_000, interval: float = 0.05) -> Reply:
    """A body with an honest Content-Length, sent one byte every ``interval`` seconds: only an overall
    deadline ends it (a read timeout never fires)."""
    return Reply(200, b"." * size, {"Content-Type": "text/plain"}, chunk_delay=interval, chunk_size=1)


def gzip_bomb_chunks(size: int = 10 * GB, block: int = MB) -> Iterator[bytes]:
    """A valid gzip stream of ``size`` zero bytes, made lazily: after a full flush, every further block
    of zeros compresses to the same bytes, so only two blocks are ever compressed (about 1 KB each)."""
    zeros = bytes(block)
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    first = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    again = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    blocks = size // block
    crc = zlib.crc32(zeros)
    yield first
    for _ in range(blocks - 1):
        crc = zlib.crc32(zeros, crc)
        yield again
    # a final empty fixed-Huffman block, then the gzip trailer (CRC-32 and size mod 2**32)
    yield b"\x03\x00" + struct.pack("<II", crc & 0xFFFFFFFF, (blocks * block) & 0xFFFFFFFF)


def gzip_bomb(size: int = 10 * GB) -> Reply:
    return Reply(200, lambda: gzip_bomb_chunks(size), {"Content-Type": "text/html", "Content-Encoding": "gzip"})


def conditional(body: bytes, *, etag: str = '"v1"', last_modified: str = "Wed, 21 Oct 2026 07:28:00 GMT",
                content_type: str = "application/rss+xml") -> Callable[[Seen], Reply]:
    """200 with ETag and Last-Modified; 304 when If-None-Match names the ETag, or (without
    If-None-Match) If-Modified-Since is not before Last-Modified."""
    validators = {"ETag": etag, "Last-Modified": last_modified}
    modified = email.utils.parsedate_to_datetime(last_modified)

    def answer(seen: Seen) -> Reply:
        match = seen.headers.get("if-none-match")
        since = seen.headers.get("if-modified-since")
        if match is not None:
            fresh = match.strip() == "*" or etag in (tag.strip() for tag in match.split(","))
        elif since:
            try:
                fresh = email.utils.parsedate_to_datetime(since) >= modified
            except (TypeError, ValueError):
                fresh = False
        else:
            fresh = False
        if fresh:
            return Reply(304, b"", validators)
        return Reply(200, body, {"Content-Type": content_type, **validators})

    return answer


def retry_after_then_ok(retry_after: str | Callable[[], str], *, status: int = 429, body: bytes = b"ok") -> Callable[
        [Seen], Reply]:
    """``status`` with Retry-After on the first request, 200 after."""

    def answer(seen: Seen) -> Reply:
        if seen.server.count(seen.path) == 1:
            value = retry_after() if callable(retry_after) else retry_after
            return Reply(status, b"slow down", {"Retry-After": value, "Content-Type": "text/plain"})
        return static(body)

    return answer


def _chain(seen: Seen) -> Reply:
    """/chain/N redirects to /chain/N-1, ... /chain/0 answers 200: N redirects in all."""
    try:
        n = int(seen.path.rsplit("/", 1)[1])
    except ValueError:
        return Reply(404, b"not a chain")
    return static(b"end of the chain") if n <= 0 else redirect(f"/chain/{n - 1}")


def _sleep(seen: Seen) -> Reply:
    """/sleep/SECONDS answers 200 after SECONDS (a slow server)."""
    try:
        seconds = float(seen.path.rsplit("/", 1)[1])
    except ValueError:
        seconds = 1.0
    return Reply(200, b"slept", {"Content-Type": "text/plain"}, delay=seconds)


def _status(seen: Seen) -> Reply:
    """/status/CODE answers CODE."""
    try:
        code = int(seen.path.rsplit("/", 1)[1])
    except ValueError:
        code = 400
    return Reply(code, f"status {code}".encode(), {"Content-Type": "text/plain"})


def _echo(seen: Seen) -> Reply:
    """The request's method, target and headers as JSON."""
    data = {"method": seen.method, "target": seen.target, "headers": seen.headers}
    return static(json.dumps(data), content_type="application/json")


def _to_loopback_name(seen: Seen) -> Reply:
    return redirect(f"http://localhost:{seen.server.port}/ok")


GBK_TEXT = "<html><head><title>稀土价格上涨</title></head><body>北方稀土上调挂牌价格。</body></html>"
RSS = (b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Test feed</title>'
       b"<item><title>One</title><link>http://example.com/1</link></item></channel></rss>")


def hostile_routes() -> dict[str, Route]:
    """The standard route table: well-behaved pages and every hostile case (see the module docstring)."""
    text = b"<html><body>" + b"Prices rose. " * 200 + b"</body></html>"
    return {
        "/ok": static(b"ok"),
        "/page.html": static(text, content_type="text/html; charset=utf-8"),
        "/feed.xml": static(RSS, content_type="application/rss+xml"),
        "/echo": _echo,
        "/sleep/*": _sleep,
        "/status/*": _status,
        # bodies
        "/endless": endless(),
        "/endless-close": endless(chunked=False),
        "/endless-empty-gzip": endless_empty_gzip(),
        "/slow-drip": slow_drip(),
        "/gzip-bomb": gzip_bomb(),
        "/gzip": gzipped(text, content_type="text/html; charset=utf-8"),
        "/deflate": deflated(text, content_type="text/html; charset=utf-8"),
        "/deflate-raw": deflated(text, raw=True, content_type="text/html; charset=utf-8"),
        "/brotli": brotli_body(text, content_type="text/html; charset=utf-8"),
        "/gzip-br": Reply(200, brotli.compress(gzip_module.compress(text)),
                          {"Content-Type": "text/html", "Content-Encoding": "gzip, br"}),
        "/bad-gzip": Reply(200, b"this is not gzip at all", {"Content-Encoding": "gzip"}),
        "/truncated-gzip": Reply(200, gzip_module.compress(text)[:-30], {"Content-Encoding": "gzip"}),
        "/zstd": Reply(200, b"\x28\xb5\x2f\xfd whatever", {"Content-Encoding": "zstd"}),
        "/wrong-charset": static(GBK_TEXT.encode("gbk"), content_type="text/html; charset=utf-8"),
        "/length-short": Reply(200, b"x" * 100, {"Content-Type": "text/plain"}, length=100_000),
        "/length-huge": Reply(200, b"x" * 100, {"Content-Type": "text/plain"}, length=10 ** 12),
        "/length-small": Reply(200, b"0123456789" + b"x" * 990, {"Content-Type": "text/plain"}, length=10),
        # validators
        "/conditional": conditional(RSS),
        # redirects
        "/loop/a": redirect("/loop/b"),
        "/loop/b": redirect("/loop/a"),
        "/self": redirect("/self", 301),
        "/chain/*": _chain,
        "/to-private": redirect("http://10.0.0.1/admin"),
        "/to-metadata": redirect("http://169.254.169.254/latest/meta-data/"),
        "/to-localhost": _to_loopback_name,
        "/to-ftp": redirect("ftp://example.com/file"),
        "/no-location": Reply(302, b""),
        "/see-other": Reply(303, b"", {"Location": "/echo"}),
        "/temporary": Reply(307, b"", {"Location": "/echo"}),
        # retries
        "/429-then-200": retry_after_then_ok("1"),
        "/429-date-then-200": retry_after_then_ok(
            lambda: email.utils.formatdate(time.time() + 1, usegmt=True)),
        "/429-long": Reply(429, b"come back tomorrow", {"Retry-After": "86400"}),
        "/503-then-200": retry_after_then_ok("0", status=503),
        "/500-then-200": sequence(Reply(500, b"oops"), static(b"ok after 500")),
        "/503": Reply(503, b"unavailable", {"Content-Type": "text/plain"}),
    }


__all__ = ["GB", "GBK_TEXT", "MB", "RSS", "SHARED_EVAL", "LoopbackServer", "Reply", "Route", "Seen", "brotli_body",
           "conditional", "deflated", "endless", "endless_empty_gzip", "gzip_bomb", "gzip_bomb_chunks",
           "gzipped", "hostile_routes", "redirect", "retry_after_then_ok", "robots", "sequence", "serve_many",
           "shared_file", "slow_drip", "static"]
