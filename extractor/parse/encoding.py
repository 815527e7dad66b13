"""Decode bytes to text, in exactly one place.

Every fetched body and every file read goes through :func:`decode_document`, which decides in this
order and records which rule decided (``Decoded.source``):

1. ``bom``: a byte-order mark (UTF-8, UTF-16, UTF-32);
2. a declaration, in this order: ``declared`` (what the user states, ``--encoding``), ``http`` (the
   charset of the HTTP Content-Type), ``meta`` (an HTML page's ``<meta charset>`` or http-equiv in its
   first 8 KB), ``xml`` (an XML declaration's ``encoding``). A declaration is trusted only if the bytes
   decode with it cleanly or nearly so (at most 2 % of the non-ASCII characters replaced) and the
   result makes sense: valid UTF-8 overrules a legacy declaration, Chinese that decodes to rare
   characters and kana is mojibake, and bytes that read as Chinese are not Latin-1;
3. ``utf-8``: valid UTF-8, or nearly valid (a damaged or truncated page);
4. ``guess``: among GB18030, Big5 and windows-1252, by a Chinese plausibility check (the share of
   common hanzi and Chinese punctuation among the non-ASCII characters) and, for inputs too short
   to tell, charset_normalizer's ranking.

Names follow browsers (the WHATWG Encoding Standard): gb2312 and gbk are decoded as GB18030 (their
superset), big5 as Big5-HKSCS, iso-8859-1 and ascii as windows-1252. A few invalid byte pairs in a
long page do not flip it to another encoding: they are replaced with U+FFFD and counted
(``Decoded.replaced``, warning W003), as are GB18030's user-defined (private-use) code points.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from charset_normalizer import from_bytes

from ..errors import Warnings

# Guesses and declarations that name a subset of a wider encoding are decoded with the wider one.
_WIDER = {"gb2312": "gb18030", "gbk": "gb18030", "hz": "gb18030", "big5": "big5hkscs", "cp950": "big5hkscs",
          "ascii": "cp1252", "iso8859-1": "cp1252", "iso8859-9": "cp1254", "iso8859-11": "cp874",
          "tis-620": "cp874", "euc_kr": "cp949", "shift_jis": "cp932"}
# Labels that pages use and Python does not know (WHATWG Encoding Standard names).
_LABELS = {"x-gbk": "gb18030", "csgb2312": "gb18030", "gb_2312-80": "gb18030", "gb_2312": "gb18030",
           "x-euc-cn": "gb18030", "windows-936": "gb18030", "ms936": "gb18030", "cn-big5": "big5hkscs",
           "x-x-big5": "big5hkscs", "csbig5": "big5hkscs", "unicode-1-1-utf-8": "utf-8", "x-unicode20utf8": "utf-8",
           "windows-874": "cp874", "x-sjis": "cp932", "ms_kanji": "cp932", "windows-31j": "cp932",
           "x-mac-roman": "mac-roman", "x-cp1252": "cp1252", "x-user-defined": "cp1252"}
CHINESE = ("gb18030", "big5hkscs")
# Guesses for bytes that are not UTF-8: Chinese double-byte, then Western single-byte.
CANDIDATES = [*CHINESE, "cp1252"]
SOURCES = ("bom", "declared", "http", "meta", "xml", "utf-8", "guess")
_WHERE = {"declared": "--encoding", "http": "HTTP Content-Type", "meta": "<meta>",
          "xml": "XML declaration", "bom": "byte-order mark"}
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_HEAD = 8192  # how far into a page a <meta> charset is looked for
_TOLERANCE = 0.02  # share of the non-ASCII characters that may be replaced in a "nearly clean" decode
_PLAUSIBLE = 0.8  # share of Chinese-looking characters that real Chinese text reaches (mojibake: < 0.7)
_EVIDENCE = 4  # fewer non-ASCII characters than this cannot tell Chinese from mojibake
_SAMPLE = 20_000  # non-ASCII characters that are enough to judge a page by

_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
_META = re.compile(rb"""<meta\b[^>]{0,500}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
_COMMENT = re.compile(rb"<!--.*?-->", re.S)
_XML_DECL = re.compile(rb"""^\s*<\?xml\b[^>]{0,200}?encoding\s*=\s*["']\s*([A-Za-z0-9_.:\-]+)""", re.I)
_UTF16_XML = {b"<\x00?\x00": "utf-16-le", b"\x00<\x00?": "utf-16-be"}
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_NON_ASCII = re.compile("[^\x00-\x7f]")
_ASCII = re.compile("[\x00-\x7f]+")
_UNLIKELY_IN_UTF8 = re.compile("[^\x00-\x7f\u0180-\u036f\u0500-\u058f]")
_INSIDE_WORD = re.compile("(?<=[A-Za-z])[\u3400-\u9fff](?=[A-Za-z])")
# Two-byte GB18030 codes that GB 18030-2000 (Python's table) maps to private-use code points and later
# editions map to standard characters: ḿ (2005), the vertical punctuation forms and eight
# components (2022), and six components encoded in CJK Extension B.
_GB18030_LATER = {
    b"\xa8\xbc": "\u1e3f",
    **{bytes.fromhex(code): chr(point) for code, point in (
        ("a6d9", 0xFE10), ("a6da", 0xFE12), ("a6db", 0xFE11), ("a6dc", 0xFE13), ("a6dd", 0xFE14),
        ("a6de", 0xFE15), ("a6df", 0xFE16), ("a6ec", 0xFE17), ("a6ed", 0xFE18), ("a6f3", 0xFE19),
        ("fe59", 0x9FB4), ("fe61", 0x9FB5), ("fe66", 0x9FB6), ("fe67", 0x9FB7), ("fe6d", 0x9FB8),
        ("fe7e", 0x9FB9), ("fe90", 0x9FBA), ("fea0", 0x9FBB), ("fe51", 0x20087), ("fe52", 0x20089),
        ("fe53", 0x200CC), ("fe6c", 0x215D7), ("fe76", 0x2298F), ("fe91", 0x241FE))},
}
_GB18030_FIX = str.maketrans({code.decode("gb18030"): char for code, char in _GB18030_LATER.items()})
# Characters of Chinese text besides hanzi: CJK and full-width punctuation, the ideographic space.
_CHINESE_MARKS = frozenset("，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』—…·．％～￥　〃々")


def _c1_controls(error: UnicodeDecodeError) -> tuple[str, int]:
    """windows-1252 as browsers decode it: the five bytes it leaves undefined are C1 controls."""
    return "".join(chr(b) for b in error.object[error.start:error.end]), error.end


def _gbk_euro(error: UnicodeDecodeError) -> tuple[str, int]:
    """GBK as browsers decode it: a lone 0x80 is the euro sign (code page 936); other bad bytes U+FFFD."""
    return ("\u20ac" if error.object[error.start:error.end] == b"\x80" else "\ufffd"), error.end


codecs.register_error("extractor-c1", _c1_controls)
codecs.register_error("extractor-gbk", _gbk_euro)


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes, with how the encoding was decided.

    ``source`` is the rule that decided (one of :data:`SOURCES`); ``declared`` lists the
    declarations found, as ``(source, label)``, and ``rejected`` those the bytes contradicted;
    ``unknown`` the labels no codec answers to; ``replaced`` counts the characters replaced with
    U+FFFD (``lossy``).
    """

    text: str
    encoding: str
    guessed: bool = False
    lossy: bool = False
    source: str = "utf-8"
    replaced: int = 0
    declared: tuple[tuple[str, str], ...] = ()
    rejected: tuple[tuple[str, str], ...] = ()
    unknown: tuple[tuple[str, str], ...] = ()

    def warnings(self, input: str) -> list[tuple[str, str]]:
        """``(code, message)`` for each thing about the decoding that a user should know."""
        found = []
        for source, label in self.unknown:
            found.append(("W005", Warnings.W005.format(input=input, label=label, where=_WHERE[source])))
        if self.rejected:
            declared = ", ".join(f"{label!r} ({_WHERE[source]})" for source, label in self.rejected)
            how = {"guess": "guessed", "utf-8": "valid UTF-8"}.get(self.source) or f"from the {_WHERE[self.source]}"
            found.append(("W004", Warnings.W004.format(input=input, declared=declared, encoding=self.encoding,
                                                       how=how)))
        elif self.guessed:
            found.append(("W001", Warnings.W001.format(input=input, encoding=self.encoding)))
        if self.replaced:
            found.append(("W003", Warnings.W003.format(input=input, count=self.replaced, encoding=self.encoding)))
        return found


def codec_for(label: str | None) -> str | None:
    """The Python codec that decodes what ``label`` (a charset as pages and headers write it) names, as
    browsers do; None for an unknown label."""
    if not label:
        return None
    key = label.strip().strip("\"'").lower()
    if key in _LABELS:
        return _LABELS[key]
    try:
        name = codecs.lookup(key).name
    except LookupError:
        return None
    return _WIDER.get(name, name)


def content_type_charset(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header value, as written."""
    match = _CHARSET.search(content_type or "")
    return match.group(1) if match else None


def declarations(data: bytes, *, content_type: str | None = None, kind: str | None = None,
                 encoding: str | None = None) -> list[tuple[str, str]]:
    """The encodings that ``data`` and its metadata declare, as ``(source, label)`` in order of precedence."""
    found = [("declared", encoding)] if encoding else []
    charset = content_type_charset(content_type)
    if charset:
        found.append(("http", charset))
    kind = kind or _kind(data, content_type)
    if kind == "html":
        meta = _META.search(_COMMENT.sub(b"", data[:_HEAD]))
        if meta:
            label = meta.group(1).decode("ascii")
            # a page that says UTF-16 in ASCII bytes is not UTF-16 (WHATWG): it is read as UTF-8
            found.append(("meta", "utf-8" if label.lower().startswith("utf-16") else label))
    if kind in ("html", "xml"):
        head = data[:512]
        declaration = _XML_DECL.match(head)
        if declaration:
            found.append(("xml", declaration.group(1).decode("ascii")))
        elif head[:4] in _UTF16_XML:
            found.append(("xml", _UTF16_XML[head[:4]]))
    return found


def _kind(data: bytes, content_type: str | None) -> str | None:
    mime = (content_type or "").split(";")[0].strip().lower()
    if "html" in mime:
        return "html"
    if "xml" in mime or mime.endswith(("rss", "atom")):
        return "xml"
    start = data[:1024].lstrip()
    if start[:5].lower() == b"<?xml" or start[:4] in _UTF16_XML:
        return "xml"
    return "html" if start[:1] == b"<" else None


def _decode(data: bytes, codec: str) -> tuple[str, int]:
    """``data`` decoded with ``codec``, bad bytes (and GB18030's user-defined code points) replaced by
    U+FFFD; and how many characters were replaced."""
    if codec == "cp1252":
        return data.decode("cp1252", "extractor-c1"), 0
    text = data.decode(codec, "extractor-gbk" if codec == "gb18030" else "replace")
    if codec in CHINESE and _PRIVATE_USE.search(text):
        if codec == "gb18030":
            text = text.translate(_GB18030_FIX)
        text = _PRIVATE_USE.sub("\ufffd", text)
    replaced = text.count("\ufffd")
    if replaced:
        try:
            replaced -= data.count("\ufffd".encode(codec))  # U+FFFD that the bytes really hold
        except UnicodeEncodeError:
            pass
    return text, max(replaced, 0)


def _non_ascii(text: str) -> int:
    return len(text) - len(text.encode("ascii", "ignore"))


def _nearly_clean(text: str, replaced: int) -> bool:
    """At most 2 % of the non-ASCII characters replaced (one always passes among four or more)."""
    if not replaced:
        return True
    non_ascii = _non_ascii(text)
    return replaced <= max(1.0, _TOLERANCE * non_ascii) and 4 * replaced <= non_ascii


@cache
def _common_hanzi(codec: str) -> frozenset[str]:
    """The hanzi that everyday text in ``codec`` is made of: GB 2312's 6,763 (simplified) for GB18030,
    Big5's 5,401 common ones (traditional) for Big5."""
    if codec == "gb18030":
        pairs = ((lead, trail) for lead in range(0xB0, 0xF8) for trail in range(0xA1, 0xFF))
        table = "gb2312"
    else:
        trails = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
        pairs = ((lead, trail) for lead in range(0xA4, 0xC7) for trail in trails if (lead, trail) < (0xC6, 0x7F))
        table = "big5"
    return frozenset(bytes(b for pair in pairs for b in pair).decode(table, "ignore"))


def _neutral(char: str) -> bool:
    """Symbols that Chinese pages and mojibake both have: bullets, arrows, box drawing, Latin letters."""
    point = ord(char)
    return point < 0x2E80 and not 0x370 <= point < 0x530


def chinese_score(text: str, codec: str = "gb18030") -> tuple[int, float]:
    """How many of the non-ASCII characters of ``text`` (decoded with ``codec``) tell Chinese from
    mojibake, and the share of those that belong in Chinese text: the common hanzi of the codec's
    script, Chinese punctuation and full-width forms, and in GB18030 the characters only its four-byte
    sequences encode, which no accident produces. Real Chinese scores above 0.9; GBK read as Big5,
    Big5 read as GBK, UTF-8 read as either or Latin-1 read as either score lower (rare hanzi, kana,
    bopomofo, private-use and undecodable characters, hanzi inside a Latin word)."""
    common = _common_hanzi(codec)
    good = bad = 0
    found, end = [], 0
    while end < len(text) and sum(map(len, found)) < _SAMPLE:  # enough to judge a long page by
        found.append(_ASCII.sub("", text[end:end + 65536]))
        end += 65536
    for char, count in Counter("".join(found)).items():
        if char in common or char in _CHINESE_MARKS or "\uff01" <= char <= "\uff5e":
            good += count
        elif codec == "gb18030" and char != "\ufffd" and len(char.encode("gb18030")) == 4:
            good += count
        elif not _neutral(char):
            bad += count
    inside_words = min(good, len(_INSIDE_WORD.findall(text, 0, end)))  # "ação" read as GBK: "a玢o"
    good, bad = good - inside_words, bad + inside_words
    evidence = good + bad
    return evidence, good / evidence if evidence else 0.0


def _reads_as_chinese(data: bytes, *, evidence: int = _EVIDENCE) -> bool:
    """Whether the bytes are plausible GB18030 or Big5 text, with at least ``evidence`` telling characters."""
    for codec in CHINESE:
        text, replaced = _decode(data, codec)
        found, share = chinese_score(text, codec)
        if found >= evidence and share >= _PLAUSIBLE and _nearly_clean(text, replaced):
            return True
    return False


def _gbk_in_disguise(utf8: str, data: bytes) -> bool:
    """Whether valid UTF-8 is really a few GBK or Big5 characters: a short GBK string can be valid UTF-8,
    and then reads as IPA letters, modifiers, Cyrillic supplement or Armenian ("原食" as "ԭʳ")."""
    return bool(_NON_ASCII.search(utf8)) and not _UNLIKELY_IN_UTF8.search(utf8) and \
        _reads_as_chinese(data, evidence=1)


def _single_byte(codec: str) -> bool:
    return codec.startswith(("cp12", "iso8859", "latin", "mac-", "koi8", "cp874", "tis"))


def _trusted(data: bytes, codec: str, utf8: str | None) -> tuple[str, int] | None:
    """``data`` decoded with a declared ``codec``, or None when the bytes contradict the declaration.
    ``utf8`` is the text when the bytes are valid UTF-8."""
    utf8_wins = utf8 is not None and not codec.startswith("utf-") and _non_ascii(utf8) > 0 and \
        not _gbk_in_disguise(utf8, data)  # valid UTF-8 with non-ASCII characters: another encoding is unlikely
    if utf8_wins and (_single_byte(codec) or _non_ascii(utf8) >= 3):
        return None
    try:
        text, replaced = _decode(data, codec)
    except LookupError:
        return None
    if not _nearly_clean(text, replaced):
        return None
    if codec.startswith(("utf-16", "utf-32")):  # text in them has NUL bytes; ASCII read as UTF-16 is nonsense
        return (text, replaced) if b"\x00" in data[:4096] else None
    if codec.startswith("utf-") or not _non_ascii(text):
        return text, replaced
    if utf8_wins and codec in CHINESE and (replaced or chinese_score(text, codec)[1] < _PLAUSIBLE):
        return None  # two or three characters that read as UTF-8 and as Chinese: UTF-8, unless clean Chinese
    if codec in CHINESE:
        evidence, share = chinese_score(text, codec)
        if evidence >= _EVIDENCE and share < _PLAUSIBLE:
            return None  # e.g. Big5 bytes declared gb2312
    elif _single_byte(codec) and _reads_as_chinese(data):
        return None  # e.g. a GBK page served as ISO-8859-1
    return text, replaced


def _guess(data: bytes) -> tuple[str, str, int]:
    """(codec, text, replaced) for bytes that are not valid UTF-8 and declare nothing usable."""
    text, replaced = _decode(data, "utf-8")
    if replaced and _nearly_clean(text, replaced):
        return "utf-8", text, replaced  # UTF-8 with a few damaged or truncated sequences
    plausible = []
    for codec in CHINESE:
        text, replaced = _decode(data, codec)
        evidence, share = chinese_score(text, codec)
        if share >= _PLAUSIBLE and _nearly_clean(text, replaced):
            plausible.append((share, -replaced, codec == "gb18030", evidence, codec, text))
    if not plausible:
        return "cp1252", *_decode(data, "cp1252")
    # the most Chinese-looking; on a tie (a few characters that read as common hanzi both ways),
    # GB18030: the mainland sources this project reads use it far more than Big5
    share, minus_replaced, _, evidence, codec, text = max(plausible)
    if evidence >= _EVIDENCE:
        return codec, text, -minus_replaced
    # Too few characters to tell Chinese from Latin-1 (a short title): charset_normalizer decides.
    for match in from_bytes(data, cp_isolation=[codec, "cp1252"]):
        if codec_for(match.encoding) == "cp1252":
            return "cp1252", *_decode(data, "cp1252")
        if codec_for(match.encoding) == codec:
            break
    return codec, text, -minus_replaced


def decode_document(data: bytes, *, content_type: str | None = None, kind: str | None = None,
                    encoding: str | None = None) -> Decoded:
    """Decode a fetched body or a file.

    ``content_type`` is the HTTP Content-Type header (its charset is a declaration); ``kind`` is
    ``html`` or ``xml`` to look for a ``<meta>`` charset or an XML declaration (sniffed from the
    content type or the first bytes when None; any other kind looks for neither); ``encoding`` is an
    encoding the user states, tried before every other declaration.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text, replaced = _decode(data[len(bom):], codec)
            return Decoded(text, codec, lossy=bool(replaced), source="bom", replaced=replaced)
    found = declarations(data, content_type=content_type, kind=kind, encoding=encoding)
    try:
        utf8: str | None = data.decode("utf-8")
    except UnicodeDecodeError:
        utf8 = None
    rejected, unknown = [], []
    for source, label in found:
        codec = codec_for(label)
        if codec is None:
            unknown.append((source, label))
            continue
        decoded = _trusted(data, codec, utf8)
        if decoded is None:
            rejected.append((source, label))
            continue
        text, replaced = decoded
        return Decoded(text, codec, lossy=bool(replaced), source=source, replaced=replaced,
                       declared=tuple(found), rejected=tuple(rejected), unknown=tuple(unknown))
    if utf8 is not None and not _gbk_in_disguise(utf8, data):
        return Decoded(utf8, "utf-8", source="utf-8", declared=tuple(found), rejected=tuple(rejected),
                       unknown=tuple(unknown))
    codec, text, replaced = _guess(data)
    return Decoded(text, codec, guessed=True, lossy=bool(replaced), source="guess", replaced=replaced,
                   declared=tuple(found), rejected=tuple(rejected), unknown=tuple(unknown))


def decode(data: bytes, *, encoding: str | None = None) -> Decoded:
    """Decode ``data``; ``encoding`` is what the caller knows (a flag), if anything. A ``<meta>``
    charset or XML declaration in markup is honoured too (see :func:`decode_document`)."""
    return decode_document(data, encoding=encoding)
