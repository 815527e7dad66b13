"""XML from the network, read safely: entity declarations refused, no DTD, no network, no huge trees.

Every XML body the crawler reads (feeds, sitemaps, SEC EDGAR Atom) goes through here before any XML
parser sees it:

- :func:`refuse_entity_declarations` refuses a document whose DOCTYPE declares entities
  (``<!ENTITY``), so that entity expansion ("billion laughs") and external entities
  (``file:///etc/passwd``, ``http://…``) are never followed, whatever the parser would do;
- :func:`xml_parser` is the one lxml parser configuration: ``resolve_entities=False``,
  ``no_network=True``, ``load_dtd=False``, ``huge_tree=False``, and ``recover=True`` where broken XML
  should still give what can be read;
- :func:`parse_xml` puts the two together; :func:`utf8_xml` decodes a body with the project's decoder
  (``extractor.parse.encoding``) and hands back UTF-8 bytes with a matching XML declaration, so that a
  wrong declared charset cannot turn into mojibake inside the parser.

Errors are :class:`XMLError` (a :class:`~extractor.errors.ExtractorError`) with coded messages:
E082 (entities refused), E080 (empty), E083 (malformed).
"""

from __future__ import annotations

import codecs
import re

from lxml import etree

from ..errors import Errors, ExtractorError
from ..parse.encoding import Decoded, decode_document

__all__ = [
    "XMLError",
    "XMLMalformed",
    "XMLRefused",
    "declares_entities",
    "parse_xml",
    "read_xml",
    "refuse_entity_declarations",
    "utf8_xml",
    "xml_parser",
]

_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^<\?xml[^>]*?\?>")
_XML_DECLARED_ENCODING = re.compile(rb"^\s*<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([A-Za-z0-9._:\-]+)", re.I)
_WIDE = ("utf-32-be", "utf-32-le", "utf-16-be", "utf-16-le")
_UTF8_BOM = b"\xef\xbb\xbf"
_SPACE = b" \t\r\n"


class XMLError(ExtractorError):
    """XML that was refused or could not be read; the message carries its code (E080, E082, E083)."""

    @property
    def code(self) -> str:
        return str(self)[1:5]


class XMLRefused(XMLError):
    """The document declares entities (E082)."""


class XMLMalformed(XMLError):
    """The document is empty (E080) or not well-formed XML (E083)."""


def _views(body: bytes) -> list[bytes]:
    """The body as ASCII-compatible bytes: as it is, and decoded from the wide encodings and EBCDIC
    (which an XML parser would detect), so that ``<!ENTITY`` cannot hide in UTF-16."""
    views = [body]
    if b"\x00" in body[:1024]:
        views += [body.decode(name, errors="ignore").encode("utf-8") for name in _WIDE]
    if body.startswith(b"\x4c\x6f\xa7\x94"):  # "<?xm" in EBCDIC
        views.append(body.decode("cp037", errors="ignore").encode("utf-8"))
    declared = _XML_DECLARED_ENCODING.match(body[:1024])
    if declared:  # an encoding in which markup is not ASCII, e.g. UTF-7 ("+ADw-!ENTITY")
        try:
            codec = codecs.lookup(declared.group(1).decode("ascii")).name
            if codec not in ("utf-8", "ascii", "latin-1", "iso8859-1", "cp1252"):
                views.append(body.decode(codec, errors="ignore").encode("utf-8"))
        except (LookupError, UnicodeError):
            pass
    return views


def declares_entities(body: bytes) -> bool:
    """Whether ``body`` has a DOCTYPE followed by an entity declaration (``<!ENTITY``).

    Deliberately coarse: any ``<!ENTITY`` after a ``<!DOCTYPE`` counts, so that nothing a parser
    could take for a declaration slips through (at worst a document that has a DOCTYPE and quotes
    ``<!ENTITY`` in a CDATA section is refused). Without a DOCTYPE there is no DTD, and ``<!ENTITY``
    declares nothing.
    """
    for view in _views(body):
        doctype = _DOCTYPE.search(view)
        if doctype and _ENTITY.search(view, doctype.end()):
            return True
    return False


def refuse_entity_declarations(body: bytes, *, url: str = "") -> None:
    """Raise :class:`XMLRefused` (E082) when ``body`` declares entities; return otherwise."""
    if declares_entities(body):
        raise XMLRefused(Errors.E082.format(url=url or "<bytes>"))


def xml_parser(*, recover: bool = False) -> etree.XMLParser:
    """A new lxml parser that expands no entity, reads no DTD, opens no connection and refuses huge
    trees; ``recover=True`` reads what it can of broken XML. Parsers are not shared between threads,
    so each call makes one."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        attribute_defaults=False,
        huge_tree=False,
        recover=recover,
        remove_pis=True,
    )


def _strip_leading_space(body: bytes) -> bytes:
    """Drop whitespace before the XML declaration (a common defect that stops strict parsers)."""
    if body.startswith(_UTF8_BOM):
        body = body[len(_UTF8_BOM):]
    if body[:1] in (b" ", b"\t", b"\r", b"\n"):
        body = body.lstrip(_SPACE)
    return body


def _first_error(log: etree._ListErrorLog) -> str | None:
    for entry in log:
        if entry.level >= etree.ErrorLevels.ERROR:
            return f"line {entry.line}, column {entry.column}: {entry.message.strip()}"
    return None


def read_xml(body: bytes, *, recover: bool, url: str = "", kind: str = "XML document",
             ) -> tuple[etree._Element | None, str | None]:
    """The root (None when nothing could be read) and the first defect the parser read past, if any.

    Raises :class:`XMLRefused` (E082) and :class:`XMLMalformed` (E080 empty; E083 when ``recover`` is
    False and the XML is not well-formed)."""
    if not body.strip():
        raise XMLMalformed(Errors.E080.format(url=url or "<bytes>", kind=kind))
    refuse_entity_declarations(body, url=url)
    body = _strip_leading_space(body)
    parser = xml_parser(recover=recover)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as e:
        detail = _first_error(parser.error_log) or str(e)
        if recover:
            return None, detail
        raise XMLMalformed(Errors.E083.format(url=url or "<bytes>", kind=kind, detail=detail,
                                              count="nothing (read strictly)")) from None
    return root, _first_error(parser.error_log)


def parse_xml(body: bytes, *, recover: bool = False, url: str = "",
              errors: list[str] | None = None) -> etree._Element:
    """Parse ``body`` safely and return the root element.

    Raises :class:`XMLRefused` (E082) for entity declarations, :class:`XMLMalformed` for an empty
    body (E080) or XML that is not well-formed (E083; with ``recover=True`` only when nothing at all
    could be read). With ``recover=True``, the first defect that was read past is appended to
    ``errors`` (when given) as an E083 message.
    """
    root, problem = read_xml(body, recover=recover, url=url)
    if root is None:
        raise XMLMalformed(Errors.E083.format(url=url or "<bytes>", kind="XML", detail=problem or "no root element",
                                              count="nothing"))
    if problem and errors is not None:
        errors.append(Errors.E083.format(url=url or "<bytes>", kind="XML", detail=problem,
                                         count="the elements before the defect"))
    return root


def utf8_xml(body: bytes, *, content_type: str | None = None) -> tuple[bytes, Decoded]:
    """``body`` decoded by the project's decoder and re-encoded as UTF-8, its XML declaration saying
    so; returns the bytes and how they were decoded."""
    decoded = decode_document(body, content_type=content_type, kind="xml")
    text = decoded.text.lstrip("\ufeff \t\r\n")
    # the old declaration is replaced in place, so that line numbers in parser messages stay right
    text = '<?xml version="1.0" encoding="utf-8"?>' + _XML_DECLARATION.sub("", text, count=1)
    return text.encode("utf-8", "replace"), decoded
