"""Which addresses the crawler may connect to: public ones only, unless told otherwise.

A URL taken from a feed, a sitemap or a redirect could point at the machine the crawler runs on or at
its network (``http://127.0.0.1:8080/admin``, ``http://169.254.169.254/`` cloud metadata,
``http://10.0.0.1/``). :func:`check_url` refuses, with :class:`AddressRefused` (E071), a URL whose host
is, or resolves to, a private, loopback, link-local, reserved, multicast, unspecified or otherwise
non-global address; only ``http`` and ``https`` are accepted (:class:`URLRefused`, E070). The fetcher
calls it for the first URL and again for every redirect hop.

What is covered and what is not:

- Covered: IP literals in any spelling the resolver accepts (``127.1``, ``0x7f.0.0.1``,
  ``2130706433``, ``[::ffff:127.0.0.1]``), names that resolve to such addresses (every address
  ``getaddrinfo`` returns must be allowed, not just the first), IPv4 addresses embedded in IPv6
  (mapped, 6to4, Teredo), and redirects to any of these.
- Not covered: DNS may change between this check and the connection, which resolves the name again
  (a hostile name server answering a public address first and a private one a moment later, "DNS
  rebinding"). The connection is not pinned to the checked address. Where that matters, run the
  crawler where private networks cannot be reached (a firewall or network namespace).
- Proxies: when a proxy is configured, the check is of the target host; what the proxy can reach is
  the proxy's business.

``allow_private`` is ``False`` (refuse), ``True`` (allow every address: tests, intranets) or a
collection of networks allowed in spite of being private (``("127.0.0.0/8",)``), so that a test can
reach its loopback server and still see a redirect to ``10.0.0.1`` refused.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Collection
from urllib.parse import urlsplit

from ..errors import Errors, ExtractorError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
AllowPrivate = bool | Collection[str]
# resolver(host, port) -> the addresses the host name resolves to (tests inject one; default getaddrinfo)
Resolver = Callable[[str, int], Awaitable[list[str]]]
SCHEMES = {"http": 80, "https": 443}


class URLRefused(ExtractorError):
    """The URL cannot be fetched at all (not http/https, no host): E070."""


class AddressRefused(URLRefused):
    """The URL's host is or resolves to an address the crawler refuses: E071."""


class HostNotFound(ExtractorError):
    """The host name does not resolve (the message is an E077 network error)."""


def refused_kind(address: str | IPAddress) -> str | None:
    """Why an address is refused ("loopback", "private", ...), or None when it is a public address."""
    ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None:
            kind = refused_kind(embedded)
            if kind:
                return kind
    for kind, flag in (("unspecified", ip.is_unspecified), ("loopback", ip.is_loopback),
                       ("link-local", ip.is_link_local), ("multicast", ip.is_multicast),
                       ("private", ip.is_private), ("reserved", ip.is_reserved)):
        if flag:
            return kind
    if not ip.is_global:
        return "non-global (shared or special-purpose)"
    return None


def _allowed_networks(allow_private: AllowPrivate) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    if isinstance(allow_private, bool):
        return []
    return [ipaddress.ip_network(net, strict=False) for net in allow_private]


def check_address(url: str, host: str, address: str, allow_private: AllowPrivate = False) -> None:
    """Raise AddressRefused (E071) when ``address`` (what ``host`` resolved to) is not allowed."""
    if allow_private is True:
        return
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone (fe80::1%eth0)
    kind = refused_kind(ip)
    if kind is None:
        return
    if any(ip in net for net in _allowed_networks(allow_private)):
        return
    where = f"the host {ip}" if _literal(host) == str(ip) else f"the host {host} ({ip})"
    raise AddressRefused(Errors.E071.format(url=url, where=where, kind=kind))


def split_target(url: str) -> tuple[str, int]:
    """(host, port) of an http(s) URL; URLRefused (E070) for anything else."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise URLRefused(Errors.E070.format(url=url, detail=str(exc))) from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise URLRefused(Errors.E070.format(url=url, detail=f"scheme {scheme or 'missing'!r}; only http and "
                                                            "https are fetched"))
    host = parts.hostname
    if not host:
        raise URLRefused(Errors.E070.format(url=url, detail="no host"))
    return host, port or SCHEMES[scheme]


def _literal(host: str) -> str | None:
    try:
        return str(ipaddress.ip_address(host.split("%", 1)[0]))
    except ValueError:
        return None


def _not_found(url: str, host: str, exc: OSError) -> HostNotFound:
    detail = f"the host {host} cannot be resolved ({exc.strerror or exc})"
    return HostNotFound(Errors.E077.format(url=url, detail=detail, attempts="",
                                           advice="Check the host name in the URL, and the DNS."))


def _decided_without_dns(url: str, allow_private: AllowPrivate) -> tuple[str, int, list[str] | None]:
    """The host and port, and the addresses checked when no name needs resolving (none when private
    addresses are allowed, the literal when the host is an IP address); None when it must be resolved."""
    host, port = split_target(url)
    if allow_private is True:
        return host, port, []
    literal = _literal(host)
    if literal is not None:
        check_address(url, host, literal, allow_private)
        return host, port, [literal]
    return host, port, None


def _check_resolved(url: str, host: str, addresses: list[str], allow_private: AllowPrivate) -> list[str]:
    if not addresses:
        raise _not_found(url, host, OSError("no address"))
    for address in addresses:
        check_address(url, host, address, allow_private)
    return addresses


def check_url(url: str, allow_private: AllowPrivate = False) -> list[str]:
    """Check a URL before fetching it (blocking: resolves with ``socket.getaddrinfo``).

    Returns the addresses checked (none when ``allow_private`` is True: nothing is resolved then).
    Raises URLRefused (E070), AddressRefused (E071) or HostNotFound (E077)."""
    host, port, decided = _decided_without_dns(url, allow_private)
    if decided is not None:
        return decided
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise _not_found(url, host, exc if isinstance(exc, OSError) else OSError(str(exc))) from None
    return _check_resolved(url, host, sorted({info[4][0] for info in infos}), allow_private)


async def acheck_url(url: str, allow_private: AllowPrivate = False, *, resolver: Resolver | None = None) -> list[str]:
    """:func:`check_url` for the event loop: the name is resolved in a thread (``loop.getaddrinfo``),
    or by ``resolver(host, port)`` when one is given (tests)."""
    host, port, decided = _decided_without_dns(url, allow_private)
    if decided is not None:
        return decided
    try:
        if resolver is not None:
            addresses = sorted(set(await resolver(host, port)))
        else:
            infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
            addresses = sorted({info[4][0] for info in infos})
    except (socket.gaierror, UnicodeError) as exc:
        raise _not_found(url, host, exc if isinstance(exc, OSError) else OSError(str(exc))) from None
    return _check_resolved(url, host, addresses, allow_private)
