"""PDF to text (extractor/parse/pdf.py) and sniffing what a fetched body is.

Real documents are read from ../shared/eval/crawl-fixtures/cn-announcements at test time (two annual
reports of 000001, 2002 with GBK-EUC-H fonts and 2006 with Identity-H fonts, and the 2002 notice that
cninfo served as a ".pdf" but is gb2312 HTML); those tests skip when it is absent and read only the
first pages (a whole report takes 5-10 s). The layout and error cases use small PDFs built here: text
in Adobe's STSong-Light with the UniGB-UCS2-H CMap (so each character is one em wide and positions
are exact), a font with no Unicode mapping, RC4 encryption with and without a user password.
"""

from __future__ import annotations

import hashlib
import re
import struct
from pathlib import Path

import pytest

from extractor.parse.pdf import PdfError, PdfText, pdf_to_text, read_pdf, sniff_document_kind

from .conftest import SHARED_EVAL as EVAL

ANNOUNCEMENTS = EVAL / "crawl-fixtures" / "cn-announcements"
REPORT_2002 = ANNOUNCEMENTS / "pdf" / "000001_shenfazhanA_2002-annual-report.pdf"
REPORT_2006 = ANNOUNCEMENTS / "pdf" / "000001_S-shenfazhanA_2006-annual-report.pdf"
NOTICE_2002 = ANNOUNCEMENTS / "html" / "000001_shenfazhanA_2001-annual-report-delay-notice_2002-04-05.html"
SUBMISSION = EVAL / "sec-edgar-8k" / "filings" / "0001045810-26-000024.txt"


def _real(path: Path) -> bytes:
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared/eval is not beside the clone)")
    return path.read_bytes()


# ------------------------------------------------------------------------------- a tiny PDF writer

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
_ID = hashlib.md5(b"extractor-test").digest()


def _rc4(key: bytes, data: bytes) -> bytes:
    s, j = list(range(256)), 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    i = j = 0
    out = bytearray()
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def text(x: float, y: float, line: str, size: float = 12, font: str = "F1") -> str:
    """A content-stream line of ``line`` at (x, y); F1 is STSong-Light (UCS-2), F2 has no Unicode map."""
    return f"BT /{font} {size} Tf {x} {y} Td <{line.encode('utf-16-be').hex()}> Tj ET\n"


def build_pdf(pages: list[str], *, encrypt: str | None = None, size: tuple[int, int] = (595, 842)) -> bytes:
    """A PDF of one page per content stream; ``encrypt``: "user" (a password is needed to open it) or
    "owner" (RC4 40-bit, empty user password: opens, copying "not allowed")."""
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: f"<< /Type /Pages /Kids [{' '.join(f'{6 + 2 * i} 0 R' for i in range(len(pages)))}] "
           f"/Count {len(pages)} >>".encode(),
        3: b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
           b"/DescendantFonts [4 0 R] >>",
        4: b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
           b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /DW 1000 >>",
        5: b"<< /Type /Font /Subtype /Type0 /BaseFont /NoUnicode /Encoding /Identity-H /DescendantFonts "
           b"[<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NoUnicode /CIDSystemInfo << /Registry (Adobe) "
           b"/Ordering (Identity) /Supplement 0 >> /DW 1000 >>] >>",
    }
    streams: dict[int, bytes] = {}
    for i, content in enumerate(pages):
        objects[6 + 2 * i] = (f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {size[0]} {size[1]}] /Resources "
                              f"<< /Font << /F1 3 0 R /F2 5 0 R >> >> /Contents {7 + 2 * i} 0 R >>").encode()
        streams[7 + 2 * i] = content.encode("latin-1")
    key, extra = None, b""
    if encrypt:
        permissions = -44  # no copying, no changes
        if encrypt == "user":
            owner, user = b"\x11" * 32, b"\x22" * 32  # matches no password
        else:
            owner = _rc4(hashlib.md5((b"owner" + _PAD)[:32]).digest()[:5], _PAD)
            key = hashlib.md5(_PAD + owner + struct.pack("<i", permissions) + _ID).digest()[:5]
            user = _rc4(key, _PAD)
        number = 6 + 2 * len(pages)
        objects[number] = (f"<< /Filter /Standard /V 1 /R 2 /O <{owner.hex()}> /U <{user.hex()}> "
                           f"/P {permissions} >>").encode()
        extra = f" /Encrypt {number} 0 R".encode()
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted({*objects, *streams}):
        offsets[number] = len(out)
        object_key = hashlib.md5(key + number.to_bytes(3, "little") + b"\0\0").digest()[:10] if key else None
        if number in streams:
            data = _rc4(object_key, streams[number]) if object_key else streams[number]
            out += f"{number} 0 obj\n<< /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream\nendobj\n"
            continue
        body = objects[number]
        if object_key and not body.startswith(b"<< /Filter /Standard"):  # strings are encrypted too
            body = re.sub(rb"\(([^()]*)\)", lambda m, k=object_key: b"<" + _rc4(k, m.group(1)).hex().encode() + b">",
                          body)
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref, count = len(out), max(offsets) + 1
    out += f"xref\n0 {count}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offsets[n]:010d} 00000 n \n".encode() for n in range(1, count))
    out += (f"trailer\n<< /Size {count} /Root 1 0 R /ID [<{_ID.hex()}> <{_ID.hex()}>]".encode() + extra
            + f" >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return bytes(out)


# An announcement laid out as Chinese announcements are: 12 pt characters, 38 to a line between
# x = 72 and x = 528, paragraphs indented by two characters, lines 20 pt apart.
LEFT, PER_LINE, SIZE = 72, 38, 12
BODY = ("本公司董事会于近日收到董事张三先生递交的书面辞职报告，张三先生因个人工作原因申请辞去公司第五届董事会董事职务，"
        "辞职后将不再担任公司任何职务。根据有关规定，张三先生的辞职未导致公司董事会成员低于法定最低人数，"
        "其辞职报告自送达董事会之日起生效。")


def _paragraph(y: float, words: str, *, indent: bool = True) -> tuple[str, float, list[str]]:
    """Content lines of a justified paragraph starting at ``y``; its lines as laid out."""
    lines, rest, first = [], words, True
    while rest:
        room = PER_LINE - (2 if first and indent else 0)
        lines.append(rest[:room])
        rest, first = rest[room:], False
    content = ""
    for i, line in enumerate(lines):
        x = LEFT + (2 * SIZE if i == 0 and indent else 0)
        content += text(x, y, line)
        y -= 20
    return content, y, lines


def _announcement_pages() -> list[str]:
    header = "示例股份有限公司 2024年第一次临时公告"
    pages = []
    for number in (1, 2, 3):
        content = text(150, 800, header, size=9)
        y = 740.0
        if number == 1:
            content += text(230, 770, "关于董事辞职的公告", size=16)
            part, y, _ = _paragraph(y, BODY)
            content += part
            part, y, _ = _paragraph(y - 6, "特此公告。")
            content += part
            content += text(LEFT, y - 10, "项目") + text(300, y - 10, "金额（万元）") + text(450, y - 10, "比例")
            content += text(LEFT, y - 30, "营业收入") + text(300, y - 30, "12,345.67") + text(450, y - 30, "15.2%")
            part, y, lines = _paragraph(120, BODY[:PER_LINE * 2 - 2])  # two full lines at the foot of the page
            content += part
        elif number == 2:
            part, y, _ = _paragraph(y, "并对其内容的真实性、准确性和完整性承担个别及连带责任。", indent=False)
            content += part
            content += text(LEFT + 24, y - 10, "一、本次董事辞职的基本情况")
            content += text(LEFT + 24, y - 30, "二、对公司的影响")
        else:
            content += text(LEFT + 24, y, "示例股份有限公司董事会")
            # gaps of .3 and 1.2 em between CJK; of .25 em between digits and CJK; of .3 em between letters
            content += "BT /F1 12 Tf 72 600 Td [<4e2d> -300 <6587> -1200 <6587> <4ef6>] TJ ET\n"
            content += "BT /F1 12 Tf 72 580 Td [<0032003000320034> -250 <5e74> <0031> -250 <6708>] TJ ET\n"
            content += "BT /F1 12 Tf 72 560 Td [<0042> <0061> <006e> <006b> -300 <0043> <006f>] TJ ET\n"
            content += text(LEFT, 540, "ab", font="F2") + text(LEFT + 30, 540, "符号后的文字")
            content += text(LEFT, 520, "前文") + text(LEFT + 24, 520, "ab", font="F2") + text(LEFT + 48, 520, "后文")
        content += text(288, 50, f"- {number} -", size=9)
        pages.append(content)
    return pages


@pytest.fixture(scope="module")
def announcement() -> PdfText:
    return read_pdf(build_pdf(_announcement_pages()), name="announcement.pdf")


# ------------------------------------------------------------------------------------------ layout

def test_pdf_paragraph_lines_are_joined_without_spaces(announcement):
    lines = announcement.text.split("\n")
    assert lines[0] == "关于董事辞职的公告"
    assert lines[1] == BODY  # three lines (the first indented), one paragraph, no space between CJK
    assert lines[2] == "特此公告。"  # indented after a sentence's end: a new paragraph


def test_pdf_table_rows_read_across(announcement):
    lines = announcement.text.split("\n")
    assert "项目 金额（万元） 比例" in lines and "营业收入 12,345.67 15.2%" in lines


def test_pdf_paragraph_runs_across_a_page_break(announcement):
    continued = BODY[:PER_LINE * 2 - 2] + "并对其内容的真实性、准确性和完整性承担个别及连带责任。"
    assert continued in announcement.text.split("\n")


def test_pdf_numbered_items_stay_apart(announcement):
    lines = announcement.text.split("\n")
    assert "一、本次董事辞职的基本情况" in lines and "二、对公司的影响" in lines


def test_pdf_page_numbers_and_running_header_dropped(announcement):
    assert "- 1 -" not in announcement.text and "- 3 -" not in announcement.text
    assert "示例股份有限公司 2024年第一次临时公告" not in announcement.text
    assert announcement.pages == announcement.total_pages == 3 and not announcement.truncated


def test_pdf_spaces_only_where_they_belong(announcement):
    lines = announcement.text.split("\n")
    assert "中文 文件" in lines  # .3 em between CJK: nothing; 1.2 em: a space
    assert "2024年1月" in lines  # the gap a word processor leaves between digits and CJK: nothing
    assert "Bank Co" in lines  # a word gap between Latin letters: a space


def test_pdf_unmapped_glyphs(announcement):
    lines = announcement.text.split("\n")
    assert "• 符号后的文字" in lines and "前文后文" in lines
    assert announcement.unmapped == 4 and "(cid:" not in announcement.text


def test_pdf_two_column_page_keeps_columns_apart():
    left = ["左栏第一段的文字内容相当长一些"] * 8  # 15 characters: x 72 to 252
    right = ["右栏第二段的文字内容也相当长的"] * 8  # x 300 to 480: 4 em to the right of the left column
    content = "".join(text(LEFT, 700 - 14 * i, a) + text(300, 700 - 14 * i, b)
                      for i, (a, b) in enumerate(zip(left, right, strict=True)))
    result = pdf_to_text(build_pdf([content]), name="columns.pdf")
    assert result.index("右栏") > result.rindex("左栏")


# ------------------------------------------------------------------------------------------ errors

def test_pdf_owner_password_only_is_read():
    """Most restricted announcements have only an owner password (no copying): their text is read."""
    data = build_pdf([text(LEFT, 700, "公司董事会保证本公告内容真实、准确和完整。")], encrypt="owner")
    assert b"/Encrypt" in data
    assert pdf_to_text(data, name="restricted.pdf") == "公司董事会保证本公告内容真实、准确和完整。"


@pytest.mark.parametrize(("make", "code", "words"), [
    (lambda: build_pdf([text(LEFT, 700, "保密")], encrypt="user"), "E064", "needs a password"),
    (lambda: build_pdf(["0 0 1 rg 100 100 300 300 re f\n"]), "E066", "1 page(s) but no text layer"),
    (lambda: build_pdf([""]), "E066", "no text layer"),
    (lambda: b"%PDF-1.4\n" + b"\x00garbage" * 50, "E065", "not a readable PDF"),
    (lambda: b"", "E065", "the body is empty"),
    (lambda: b"<html><body>not a pdf</body></html>", "E065", "looks like html"),
    (lambda: build_pdf([text(LEFT, 700, "文字")])[:300], "E065", "not a readable PDF"),
])
def test_pdf_coded_errors(make, code, words):
    with pytest.raises(PdfError) as caught:
        pdf_to_text(make(), name="bad.pdf")
    assert caught.value.code == code and str(caught.value).startswith(f"[{code}] bad.pdf: ")
    assert words in str(caught.value)


def test_pdf_size_cap():
    data = build_pdf([text(LEFT, 700, "文字")])
    with pytest.raises(PdfError, match=r"^\[E067\] big.pdf: the PDF is [\d,]+ bytes, over the limit of 100"):
        pdf_to_text(data, name="big.pdf", max_bytes=100)


def test_pdf_page_cap_and_time_budget():
    data = build_pdf(_announcement_pages())
    capped = read_pdf(data, name="capped.pdf", max_pages=1)
    assert (capped.pages, capped.total_pages, capped.truncated) == (1, 3, True)
    assert capped.notes[0].startswith("[E088] capped.pdf: only the first 1 of 3 pages were read")
    assert "关于董事辞职的公告" in capped.text
    hurried = read_pdf(data, name="hurried.pdf", max_seconds=0)  # at least one page is always read
    assert hurried.pages == 1 and hurried.notes[0].startswith("[E088]")


# ------------------------------------------------------------------------------------- real PDFs

def test_pdf_real_2002_report_gbk_euc_h():
    """The hard case: 2002, Acrobat Distiller 5, SimSun/SimHei/FangSong with GBK-EUC-H encodings."""
    result = read_pdf(_real(REPORT_2002), name=REPORT_2002.name, max_pages=8)
    assert (result.pages, result.total_pages) == (8, 124) and result.notes[0].startswith("[E088]")
    lines = result.text.split("\n")
    assert lines[:2] == ["深圳发展银行股份有限公司", "2002年年度报告"]
    assert ("本行董事会及其董事保证本报告所载资料不存在任何虚假记载、误导性陈述或者重大遗漏，"
            "并对其内容的真实性、准确性和完整性承担个别及连带责任。") in lines
    assert "（三）董事会秘书：雷鸣" in lines and "股票代码：000001" in lines
    assert "法定英文名称：ShenZhen Development Bank Co.,Ltd." in lines
    assert "利润总额 636,550,429 564,723,014" in lines  # a table row read across
    assert "\ufffd" not in result.text and "(cid:" not in result.text
    assert not re.search(r"[\u4e00-\u9fff] [\u4e00-\u9fff]{2}", lines[20])  # no stray spaces in prose
    assert len(re.findall(r"[\u4e00-\u9fff]", result.text)) > 1500


def test_pdf_real_2006_report_identity_h():
    result = read_pdf(_real(REPORT_2006), name=REPORT_2006.name, max_pages=6)
    lines = result.text.split("\n")
    assert result.total_pages == 179 and lines[:2] == ["深圳发展银行股份有限公司", "2006年年度报告"]
    assert ("本行董事会、监事会及董事、监事、高级管理人员保证本报告所载资料不存在任何虚假记载、误导性陈述或者"
            "重大遗漏，并对其内容的真实性、准确性和完整性承担个别及连带责任。") in lines
    assert "第二节 公司基本情况简介" in lines and "\ufffd" not in result.text


# ------------------------------------------------------------------------------------------- sniff

@pytest.mark.parametrize(("body", "content_type", "url", "kind"), [
    (b"%PDF-1.4\n...", "application/octet-stream", "http://x/download?id=1", "pdf"),
    (b"\r\n  junk before the header %PDF-1.3\n", None, "", "pdf"),
    (b"<HTML><HEAD><TITLE>x</TITLE></HEAD>", "application/pdf", "http://x/a.pdf", "html"),
    (b"\xef\xbb\xbf<!DOCTYPE html><html>", None, "", "html"),
    (b"  <div>fragment</div>", "text/plain", "", "html"),
    (b"<SEC-DOCUMENT>0001045810-26-000024.txt : 20260306", "text/plain", "http://x/a.txt", "text"),
    (b"Plain announcement text", "text/plain", "", "text"),
    (b"\x89PNG\r\n\x1a\n\x00\x00binary", "application/pdf", "http://x/a.pdf", "pdf"),  # broken: E065 later
    (b"binary\x00\x01\x02", None, "http://x/file.pdf", "pdf"),
    (b"some text", None, "http://x/a.pdf", "text"),
    (b'{"json": true}', "application/json", "", "text"),
    (b"", "text/html", "", "html"),
])
def test_pdf_sniff_document_kind(body, content_type, url, kind):
    assert sniff_document_kind(body, content_type, url) == kind


def test_pdf_sniff_real_documents():
    """The 2002 notice cninfo served from a "PDF" link is gb2312 HTML; the reports are PDFs."""
    notice = _real(NOTICE_2002)
    link = "http://static.cninfo.com.cn/finalpage/2002-04-05/1.PDF"
    assert sniff_document_kind(notice, "application/pdf", link) == "html"
    assert sniff_document_kind(_real(REPORT_2002)[:4096], "application/octet-stream", "") == "pdf"
    assert sniff_document_kind(_real(REPORT_2006)[:4096], None, "http://x/a.html") == "pdf"
    with pytest.raises(PdfError) as caught:
        pdf_to_text(notice, name=NOTICE_2002.name)
    assert caught.value.code == "E065" and "looks like html" in str(caught.value)
    assert "本行2001年年度报告披露时间延期到2002年4月19日" in notice.decode("gb18030")
    if SUBMISSION.exists():
        assert sniff_document_kind(SUBMISSION.read_bytes()[:4096], "text/plain", SUBMISSION.name) == "text"
