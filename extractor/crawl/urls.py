"""URL canonicalisation: one spelling per resource, so that a page is fetched and stored once.

:func:`canonical_url` is for comparing and remembering URLs (dedup, redirect loops, crawl state); the
fetcher sends the URL as given, since servers may care about what canonicalisation changes (the
order of query parameters). :func:`host_key` names the host that politeness is counted against.

What :func:`canonical_url` does, in order (RFC 3986 section 6 plus the usual crawler habits)::

    scheme and host       lower-case; an internationalised host as its ASCII (punycode) form;
                          a trailing dot of the host removed; IPv6 literals compressed
    port                  dropped when it is the scheme's default (80, 443)
    path                  percent-escapes upper-cased, escaped unreserved characters decoded
                          (%7E -> ~), characters that must be escaped escaped (spaces, non-ASCII as
                          UTF-8), dot-segments removed (/a/./b/../c -> /a/c), empty path -> /
    query                 tracking parameters removed (utm_*, fbclid, gclid, ...), empty
                          parameters and an empty query (a trailing "?") removed, parameters
                          sorted by name (the order of repeated names kept); "+" is kept as is
    fragment              removed
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import unquote, urlsplit, urlunsplit

import idna

from ..errors import Errors

DEFAULT_PORTS = {"http": 80, "https": 443}
# Parameters that only say where a click came from; removing them never changes the page.
TRACKING_PARAMETERS = frozenset({
    "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid",
    "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id",
    "wickedid", "ttclid", "srsltid",
})
TRACKING_PREFIXES = ("utm_",)

_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_SUB_DELIMS = "!$&'()*+,;="
_PATH_SAFE = frozenset(_UNRESERVED | set(_SUB_DELIMS) | set(":@/"))
_QUERY_SAFE = frozenset(_PATH_SAFE | set("?"))
_HEX = frozenset("0123456789abcdefABCDEF")
_PORT = re.compile(r"\d{1,5}")


def _invalid(url: str, detail: str) -> ValueError:
    return ValueError(Errors.E070.format(url=url, detail=detail))


def _normalise_escapes(text: str, safe: frozenset[str]) -> str:
    """Upper-case escapes, decode escaped unreserved characters, escape what must be escaped."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char == "%" and i + 2 < n and text[i + 1] in _HEX and text[i + 2] in _HEX:
            decoded = chr(int(text[i + 1:i + 3], 16))
            out.append(decoded if decoded in _UNRESERVED else "%" + text[i + 1:i + 3].upper())
            i += 3
            continue
        if char == "%":
            out.append("%25")  # a lone percent sign
        elif char in safe:
            out.append(char)
        else:
            out.extend(f"%{byte:02X}" for byte in char.encode("utf-8", "surrogatepass"))
        i += 1
    return "".join(out)


def remove_dot_segments(path: str) -> str:
    """RFC 3986 section 5.2.4: resolve "." and ".." segments of an absolute path."""
    if "." not in path:
        return path
    output: list[str] = []
    segments = path.split("/")
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if segment == ".":
            if last:
                output.append("")
        elif segment == "..":
            if len(output) > 1:
                output.pop()
            if last:
                output.append("")
        else:
            output.append(segment)
    result = "/".join(output)
    if path.startswith("/") and not result.startswith("/"):
        result = "/" + result
    return result


def canonical_host(host: str) -> str:
    """Lower-case ASCII form of a host name or IP literal (IDN as punycode, no trailing dot)."""
    host = host.strip().rstrip(".")
    if host.startswith("[") and host.endswith("]"):
        try:
            return "[" + ipaddress.IPv6Address(host[1:-1]).compressed + "]"
        except ValueError:
            return host.lower()
    if ":" in host:  # a bare IPv6 address (from urlsplit().hostname)
        try:
            return "[" + ipaddress.IPv6Address(host).compressed + "]"
        except ValueError:
            return host.lower()
    if host.isascii():
        return host.lower()
    try:
        return idna.encode(host, uts46=True).decode("ascii")
    except idna.IDNAError:
        try:
            return host.encode("idna").decode("ascii").lower()
        except UnicodeError:
            return host.lower()


def _is_tracking(name: str) -> bool:
    name = name.lower()
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)


def _canonical_query(query: str) -> str:
    pairs: list[tuple[str, str]] = []
    for part in query.split("&"):
        if not part:
            continue
        name, equals, value = part.partition("=")
        name = _normalise_escapes(name, _QUERY_SAFE - {"&", "="})
        if not name and not value:
            continue
        if _is_tracking(name):
            continue
        pairs.append((name, equals + _normalise_escapes(value, _QUERY_SAFE - {"&"})))
    pairs.sort(key=lambda pair: pair[0])  # stable: repeated names keep their order
    return "&".join(name + value for name, value in pairs)


def _split(url: str) -> tuple[str, str, str, int | None, str, str]:
    """scheme, userinfo, host, port, path, query of an absolute URL; ValueError (E070) when it is not one."""
    text = url.strip()
    try:
        parts = urlsplit(text)
    except ValueError as exc:
        raise _invalid(url, str(exc)) from None
    scheme = parts.scheme.lower()
    if not scheme or not parts.netloc:
        raise _invalid(url, "no scheme or host")
    netloc = parts.netloc
    userinfo, _, hostport = netloc.rpartition("@")
    if hostport.startswith("["):
        end = hostport.find("]")
        if end < 0:
            raise _invalid(url, "unclosed [ in the host")
        host, rest = hostport[:end + 1], hostport[end + 1:]
        port_text = rest[1:] if rest.startswith(":") else ""
        if rest and not rest.startswith(":"):
            raise _invalid(url, "text after the IPv6 address")
    else:
        host, _, port_text = hostport.partition(":")
    port: int | None = None
    if port_text:
        if not _PORT.fullmatch(port_text) or not 0 < int(port_text) < 65536:
            raise _invalid(url, f"bad port {port_text!r}")
        port = int(port_text)
    if "%" in host:  # percent-encoded host names are decoded, as browsers do
        host = unquote(host)
    host = canonical_host(host)
    if not host:
        raise _invalid(url, "no host")
    return scheme, userinfo, host, port, parts.path, parts.query


def canonical_url(url: str) -> str:
    """The canonical spelling of an absolute URL (see the module docstring); ValueError (E070) when
    ``url`` has no scheme or host or a bad port."""
    scheme, userinfo, host, port, path, query = _split(url)
    if port is not None and DEFAULT_PORTS.get(scheme) == port:
        port = None
    netloc = host if port is None else f"{host}:{port}"
    if userinfo:
        netloc = f"{userinfo}@{netloc}"
    path = remove_dot_segments(_normalise_escapes(path, _PATH_SAFE)) or "/"
    if not path.startswith("/"):
        path = "/" + path
    return urlunsplit((scheme, netloc, path, _canonical_query(query), ""))


def host_key(url: str) -> str:
    """``host:port`` of a URL, with the scheme's default port written out (``example.com:443``): the
    unit that per-host delay and concurrency are counted against. ValueError (E070) without a host."""
    scheme, _, host, port, _, _ = _split(url)
    if port is None:
        port = DEFAULT_PORTS.get(scheme)
        if port is None:
            raise _invalid(url, f"no port and no default port for {scheme!r}")
    return f"{host}:{port}"


def origin(url: str) -> str:
    """``scheme://host[:port]`` in canonical form (the default port left out): robots.txt's scope."""
    scheme, _, host, port, _, _ = _split(url)
    if port is not None and DEFAULT_PORTS.get(scheme) != port:
        return f"{scheme}://{host}:{port}"
    return f"{scheme}://{host}"


def hostname(url: str) -> str:
    """The canonical host of a URL, without port (``www.sec.gov``, ``[::1]``)."""
    return _split(url)[2]


def in_domain(host: str, domain: str) -> bool:
    """Whether ``host`` is ``domain`` or one of its subdomains (``data.sec.gov`` is in ``sec.gov``;
    ``notsec.gov`` is not)."""
    host, domain = canonical_host(host), canonical_host(domain)
    return host == domain or host.endswith("." + domain)
