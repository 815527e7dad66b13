"""Crawler throughput against many polite-limited hosts, beside the allowed maximum and a naive crawler.

    python scripts/bench_crawl.py [--hosts 50] [--pages 20 40] [--naive-seconds 10]

Starts ``--hosts`` real HTTP servers on loopback (tests/loopback_server.py), in a process of their own,
each a host that takes ``--latency`` seconds to answer (as servers on the internet do) and allows 1
request per second: a request sooner than 1 s after the previous one to the same host is counted as a
violation and answered 429. Each host serves robots.txt, an RSS feed of ``pages`` articles and the
articles. The crawler (one feed source per host, the Fetcher with host_delay = 1 s) reads every feed
and fetches every article, turning each into a document (main text extracted), without the NLP
pipeline, whose speed scripts/bench_extract.py measures. Printed side by side, in the same run:

- the allowed maximum: hosts x 1 request per second;
- the crawler: pages per second, requests per second, violations, and how much its resident memory grew
  during the crawl (sampled every 0.1 s) at two corpus sizes, to show that memory stays flat as the
  crawl grows;
- a naive polite crawler (one request at a time, waiting 1 s before going back to a host: how a
  simple sequential loop keeps to the limit), run for ``--naive-seconds``.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.crawl.adapters import Found, poll_source  # noqa: E402
from extractor.crawl.fetch import Fetcher, FetchPolicy  # noqa: E402
from extractor.crawl.sources import Source  # noqa: E402
from tests.loopback_server import Reply, Seen, serve_many, static  # noqa: E402

PARAGRAPH = ("Shares of the company rose 3.2% after it reported quarterly revenue of $1.4 billion, ahead of "
             "analysts' estimates, and raised its full-year outlook on strong demand for its products. ")


class Limit:
    """1 request per second per host, enforced by the server."""

    def __init__(self) -> None:
        self.last: dict[int, float] = {}
        self.violations = 0
        self.closest = float("inf")  # the shortest gap seen between two requests to one host
        self.lock = threading.Lock()

    def check(self, seen: Seen) -> bool:
        with self.lock:
            previous = self.last.get(seen.server.port)
            self.last[seen.server.port] = seen.time
            if previous is not None:
                self.closest = min(self.closest, seen.time - previous)
            if previous is not None and seen.time - previous < 0.99:
                self.violations += 1
                return False
            return True


def routes(limit: Limit, pages: int, latency: float):
    def for_host(_: int) -> dict:
        def guarded(reply_of):
            def answer(seen: Seen) -> Reply:
                if not limit.check(seen):
                    return Reply(429, b"slow down", {"Retry-After": "1"})
                reply = reply_of(seen)
                reply.delay = latency
                return reply
            return answer

        def feed(seen: Seen) -> Reply:
            origin = seen.server.origin
            items = "".join(f"<item><title>Story {n}</title><link>{origin}/news/{n}.html</link>"
                            f"<pubDate>Tue, 03 Nov 2026 08:{n % 60:02d}:00 +0000</pubDate></item>"
                            for n in range(pages))
            return static(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Host {seen.server.port}'
                          f"</title>{items}</channel></rss>", content_type="application/rss+xml")

        def article(seen: Seen) -> Reply:
            body = "".join(f"<p>{PARAGRAPH}{seen.path}</p>" for _ in range(6))
            return static(f"<html><head><title>{seen.path}</title></head><body><nav>Home Markets</nav>"
                          f"<article><h1>{seen.path}</h1>{body}</article><footer>(c)</footer></body></html>",
                          content_type="text/html; charset=utf-8")

        return {"/robots.txt": guarded(lambda s: static("User-agent: *\nAllow: /\n")),
                "/feed.xml": guarded(feed), "/news/*": guarded(article)}

    return for_host


def _serve(hosts: int, pages: int, latency: float, pipe) -> None:
    limit = Limit()
    with serve_many(hosts, routes(limit, pages, latency)) as servers:
        pipe.send([s.origin for s in servers])
        pipe.recv()  # until the crawl is done
        pipe.send((limit.violations, limit.closest, sum(s.count() for s in servers)))


@contextmanager
def hosts_elsewhere(hosts: int, pages: int, latency: float):
    """The hosts in a process of their own, so that the crawler's work does not delay their clocks.
    Yields (origins, result) where result() gives (violations, closest gap, requests) once the crawl is over."""
    here, there = multiprocessing.Pipe()
    process = multiprocessing.get_context("fork").Process(target=_serve, args=(hosts, pages, latency, there))
    process.start()
    origins = here.recv()

    def result() -> tuple[int, float, int]:
        here.send("done")
        return here.recv()

    try:
        yield origins, result
    finally:
        process.join(timeout=30)
        if process.is_alive():
            process.kill()


async def crawl_hosts(origins: list[str]) -> tuple[int, int]:
    policy = FetchPolicy(allow_private=True, host_delay=1.0, concurrency=128, timeout=30.0)
    documents = 0

    class NoState:
        def known(self, url: str) -> bool:
            return False

        def validators(self, url: str) -> tuple[None, None]:
            return None, None

        def high_water_mark(self, source: str) -> None:
            return None

    async def found(item: Found, docs: list) -> None:
        nonlocal documents
        documents += sum(bool(d.text.strip()) for d in docs)

    async with Fetcher(policy) as fetcher:
        sources = [Source(name=f"host{i}", kind="feed", urls=(origin + "/feed.xml",), max_items=100_000)
                   for i, origin in enumerate(origins)]
        polls = await asyncio.gather(*(poll_source(s, fetcher, NoState(), found) for s in sources))
    return documents, sum(len(p.errors) for p in polls)


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:")) / 1024


def run_crawler(hosts: int, pages: int, latency: float) -> dict:
    with hosts_elsewhere(hosts, pages, latency) as (origins, result):
        before, peak, done = _rss_mb(), [0.0], threading.Event()

        def sample() -> None:
            while not done.wait(0.1):
                peak[0] = max(peak[0], _rss_mb())

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        start = time.perf_counter()
        documents, errors = asyncio.run(crawl_hosts(origins))
        seconds = time.perf_counter() - start
        done.set()
        sampler.join()
        violations, closest, requests = result()
    return {"pages": documents, "errors": errors, "seconds": seconds, "requests": requests,
            "violations": violations, "closest": closest, "growth_mb": max(peak[0] - before, 0.0), "rss_mb": peak[0]}


def run_naive(hosts: int, pages: int, latency: float, seconds: float) -> dict:
    """One request at a time; before going back to a host, wait until 1 s has passed since the last."""
    with hosts_elsewhere(hosts, pages, latency) as (origins, result), httpx.Client() as client:
        queue = [f"{origin}/news/{n}.html" for n in range(pages) for origin in origins]
        last: dict[str, float] = {}
        fetched, start = 0, time.perf_counter()
        for url in queue:
            host = url.split("/")[2]
            wait = last.get(host, 0) + 1.0 - time.perf_counter()
            if wait > 0:
                time.sleep(wait)
            if time.perf_counter() - start > seconds:
                break
            last[host] = time.perf_counter()
            fetched += client.get(url).status_code == 200
        elapsed = time.perf_counter() - start
        violations, closest, _ = result()
    return {"pages": fetched, "seconds": elapsed, "violations": violations, "closest": closest}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hosts", type=int, default=50)
    parser.add_argument("--pages", type=int, nargs="+", default=[20, 40], help="articles per host (one run each)")
    parser.add_argument("--latency", type=float, default=0.2, help="seconds each server takes to answer")
    parser.add_argument("--naive-seconds", type=float, default=10.0)
    args = parser.parse_args()
    print(f"{args.hosts} hosts on loopback, each answering in {args.latency:g} s and allowing 1 request per second "
          f"(allowed maximum: {args.hosts} requests/s)\n")
    print(f"{'crawler':<44} {'pages':>6} {'seconds':>8} {'pages/s':>8} {'requests/s':>11} "
          f"{'violations':>10} {'closest gap s':>13} {'RSS grew MB':>12} {'peak RSS MB':>12}")
    for pages in args.pages:
        r = run_crawler(args.hosts, pages, args.latency)
        print(f"{'extractor Fetcher, ' + str(pages) + ' articles per host':<44} {r['pages']:>6} "
              f"{r['seconds']:>8.1f} {r['pages'] / r['seconds']:>8.1f} {r['requests'] / r['seconds']:>11.1f} "
              f"{r['violations']:>10} {r['closest']:>13.3f} {r['growth_mb']:>12.1f} {r['rss_mb']:>12.1f}")
        if r["errors"]:
            print(f"  ({r['errors']} errors)")
    n = run_naive(args.hosts, max(args.pages), args.latency, args.naive_seconds)
    print(f"{'naive polite loop (one request at a time)':<44} {n['pages']:>6} {n['seconds']:>8.1f} "
          f"{n['pages'] / n['seconds']:>8.1f} {n['pages'] / n['seconds']:>11.1f} {n['violations']:>10} "
          f"{n['closest']:>13.3f}")
    print(f"{'allowed maximum':<44} {'':>6} {'':>8} {'':>8} {float(args.hosts):>11.1f}")


if __name__ == "__main__":
    main()
