"""Decode bytes to text, in exactly one place.

Order: a byte-order mark; the encoding the caller declares (a header, a <meta>, a flag), if the
bytes decode with it; valid UTF-8; then charset_normalizer's guesses among the encodings news and
filings use, with the Chinese encodings widened to GB18030 (a superset of GB2312 and GBK); last, a
lossy UTF-8 decode. The result says which encoding was used and whether it was a guess.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

# Guesses that are subsets of a wider encoding are decoded with the wider one.
_WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs", "ascii": "utf-8"}
# Encodings worth guessing for English and Chinese text: Chinese double-byte, Western single-byte.
CANDIDATES = ["gb18030", "big5", "cp1252", "latin_1"]
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    guessed: bool = False
    lossy: bool = False


def _normalise_name(name: str) -> str:
    name = codecs.lookup(name).name
    return _WIDER.get(name, name)


def decode(data: bytes, *, encoding: str | None = None) -> Decoded:
    """Decode ``data``; ``encoding`` is what the caller knows (a header, a flag), if anything."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(name, errors="replace"), name.replace("-sig", ""))
    if encoding:
        try:
            return Decoded(data.decode(_normalise_name(encoding)), _normalise_name(encoding))
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    for match in from_bytes(data, cp_isolation=CANDIDATES):
        name = _normalise_name(match.encoding)
        try:
            return Decoded(data.decode(name), name, guessed=True)
        except (UnicodeDecodeError, LookupError):
            continue
    return Decoded(data.decode("utf-8", errors="replace"), "utf-8", guessed=True, lossy=True)
