"""Chinese announcement listings over bytes (extractor/crawl/cn_exchanges.py): cninfo, SSE (JSONP)
and SZSE (JSON) request builders and tolerant parsers.

The real cninfo data (a 2016 announcement page, the 2016 and 2021 code -> orgId lists) is read from
../shared/eval/crawl-fixtures/cninfo at test time and those tests skip when it is absent. No real SSE,
SZSE or current cninfo response exists: tests/fixtures/crawl/ holds responses written from the
documented schema (its README says which case each file covers).
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from extractor.crawl import cn_exchanges
from extractor.crawl.cn_exchanges import (
    ADAPTERS,
    AnnouncementPage,
    cninfo_column,
    cninfo_org_ids,
    cninfo_query,
    parse_cninfo,
    parse_sse,
    parse_szse,
    sse_query,
    szse_query,
)

from .conftest import SHARED_EVAL

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "crawl"
CNINFO = SHARED_EVAL / "crawl-fixtures" / "cninfo"
LEGACY_PAGE = CNINFO / "responses" / "legacy-2016_announcement-query_000001_szse_periodic-reports_page4.json"


def _fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def _real(path: Path) -> bytes:
    if not path.exists():
        pytest.skip(f"{CNINFO} is absent (../shared/eval is not beside the clone)")
    return path.read_bytes()


def _codes(page: AnnouncementPage) -> list[str]:
    return [message[1:5] for message in page.errors]


# ------------------------------------------------------------------------------------------ cninfo

def test_cn_exchanges_cninfo_real_2016_page():
    announcements, pages = page = parse_cninfo(_real(LEGACY_PAGE), url="http://www.cninfo.com.cn/cninfo-new/announcement/query")
    assert page.errors == [] and (page.total, pages, page.has_more) == (98, 4, False)
    assert len(announcements) == 8
    first = announcements[0]
    assert (first.exchange, first.code, first.name, first.title, first.id) == (
        "cninfo", "000001", "深发展Ａ", "2002年第三季度报告摘要", "10041201")
    assert first.published_at == "2002-10-25T06:04:39+08:00"  # 1035497079000 ms, Beijing time
    assert (first.url, first.format) == ("http://static.cninfo.com.cn/finalpage/2002-10-25/10041201.html", "html")
    report = announcements[1]
    assert (report.title, report.format, report.size) == ("深发展Ａ2002年中期报告", "pdf", 711 * 1024)
    assert report.name is None  # secName is null in the recorded item
    assert report.url == "http://static.cninfo.com.cn/finalpage/2002-08-14/632064.PDF"
    assert [a.format for a in announcements] == ["html", "pdf", "html", "pdf", "pdf", "html", "pdf", "html"]
    assert [a.published_at[:10] for a in announcements][-1] == "2001-06-30"


def test_cn_exchanges_cninfo_current_schema_fixture():
    page = parse_cninfo(_fixture("cninfo_current_page1.json"), url="cninfo")
    assert (page.total, page.pages, page.has_more) == (64, 3, True)
    assert _codes(page) == ["E087", "E087", "E087"]
    assert ["item 4", "item 5", "item 6"] == [m.split(" was skipped")[0].rsplit(": ", 1)[-1] for m in page.errors]
    titles = [a.title for a in page.announcements]
    assert titles[0] == "美的集团：关于回购公司股份的进展公告"  # <em> highlights dropped
    first, second, third, last = page.announcements
    assert first.name == "美的集团" and first.published_at == "2024-03-06T00:00:00+08:00"
    assert first.url == "http://static.cninfo.com.cn/finalpage/2024-03-06/1219000101.PDF" and first.size == 152 * 1024
    assert (second.name, second.category, second.size) == ("美的集团", "年报", 5123 * 1024)  # tileSecName
    assert third.published_at == "2024-02-20T00:00:00+08:00"  # no time: the day in adjunctUrl
    assert (last.id, last.format, last.codes, last.published_at) == (
        "1219000106", "html", ["000333"], "2024-02-13T00:00:00+08:00")


def test_cn_exchanges_cninfo_no_results():
    announcements, pages = page = parse_cninfo(_fixture("cninfo_no_results.json"))
    assert (announcements, pages, page.total, page.errors) == ([], 0, 0, [])


@pytest.mark.parametrize("body", [b"", b"<html>busy</html>", b"[]", b'{"message": "no"}',
                                  b'{"announcements": "x", "totalAnnouncement": 1}'])
def test_cn_exchanges_cninfo_bad_bodies(body):
    page = parse_cninfo(body, url="http://www.cninfo.com.cn/new/hisAnnouncement/query")
    assert page.announcements == [] and _codes(page) == ["E086"]


@pytest.mark.parametrize(("name", "rows", "checks"), [
    ("szse_stock_2021-09.json", 4763, {"000001": "gssz0000001", "000333": "9900005965", "000166": "qsgn0000301",
                                       "600519": "gssh0600519"}),
    ("szse_stockAllInOne_2016-01.json", 2923, {"000001": "gssz0000001", "600519": "gssh0600519"}),
])
def test_cn_exchanges_cninfo_real_stock_lists(name, rows, checks):
    ids = cninfo_org_ids(_real(CNINFO / "stock-lists" / name))
    assert len(ids) == rows
    assert {code: ids[code] for code in checks} == checks


def test_cn_exchanges_cninfo_stock_list_tolerates_junk():
    assert cninfo_org_ids(_fixture("cninfo_stock_list_small.json")) == {
        "000001": "gssz0000001", "000333": "9900005965", "600519": "gssh0600519", "920123": "nssc1000123"}
    assert cninfo_org_ids(b"not json") == {} and cninfo_org_ids(b"[]") == {}


@pytest.mark.parametrize(("code", "column", "plate"), [
    ("000001", "szse", "sz"), ("300750", "szse", "sz"), ("200002", "szse", "sz"), ("600519", "sse", "sh"),
    ("688981", "sse", "sh"), ("900901", "sse", "sh"), ("830799", "szse", "bj"), ("920123", "szse", "bj"),
])
def test_cn_exchanges_cninfo_column(code, column, plate):
    assert cninfo_column(code) == (column, plate)


def test_cn_exchanges_cninfo_request():
    request = cninfo_query("000333", "9900005965", page=2, since="2024-01-01", until="2024-03-31", searchkey="回购")
    assert (request.method, request.url) == ("POST", "http://www.cninfo.com.cn/new/hisAnnouncement/query")
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded; charset=UTF-8"
    assert request.headers["X-Requested-With"] == "XMLHttpRequest"
    form = {k: v[0] for k, v in parse_qs(request.body.decode("ascii"), keep_blank_values=True).items()}
    assert form == {
        "pageNum": "2", "pageSize": "30", "column": "szse", "tabName": "fulltext", "plate": "sz",
        "stock": "000333,9900005965", "searchkey": "回购", "secid": "", "category": "", "trade": "",
        "seDate": "2024-01-01~2024-03-31", "sortName": "", "sortType": "", "isHLtitle": "true"}
    shanghai = parse_qs(cninfo_query("600519").body.decode("ascii"), keep_blank_values=True)
    assert (shanghai["column"], shanghai["plate"], shanghai["stock"], shanghai["seDate"]) == (
        ["sse"], ["sh"], ["600519,gssh0600519"], [""])  # orgId guessed when not given; no date range: all


# --------------------------------------------------------------------------------------------- SSE

def test_cn_exchanges_sse_fixture():
    announcements, pages = page = parse_sse(_fixture("sse_600519_page1.jsonp"), url="sse")
    assert (pages, page.total) == (3, 63)
    assert _codes(page) == ["E087", "E087", "E087"]
    assert [a.title for a in announcements] == [
        "贵州茅台2023年年度报告", "贵州茅台2023年年度报告摘要", "贵州茅台第四届董事会2024年度第二次会议决议公告",
        "贵州茅台关于 <回购> 股份 进展的公告", "贵州茅台关于控股股东部分股份质押的公告"]
    first = announcements[0]
    assert (first.exchange, first.code, first.name, first.category, first.format) == (
        "SSE", "600519", "贵州茅台", "年报", "pdf")
    assert first.url == ("http://static.sse.com.cn/disclosure/listedinfo/announcement/c/new/2024-04-03/"
                         "600519_20240403_AAAA.pdf")
    assert first.id == "600519_20240403_AAAA"
    assert first.published_at == "2024-04-03T00:00:00+08:00"  # ADDDATE is another day: SSEDATE wins
    assert announcements[2].published_at == "2024-03-28T16:45:00+08:00"  # ADDDATE on SSEDATE's day: its time
    assert (announcements[2].code, announcements[2].name) == ("600519", "贵州茅台")  # lists
    assert announcements[3].published_at == "2024-03-15T00:00:00+08:00"  # no date: from the URL path
    assert (announcements[4].format, announcements[4].published_at) == ("docx", "2024-03-08T00:00:00+08:00")


def test_cn_exchanges_sse_no_results_and_errors():
    empty = parse_sse(_fixture("sse_no_results.jsonp"))
    assert (empty.announcements, empty.pages, empty.total, empty.errors) == ([], 0, 0, [])
    refused = parse_sse(_fixture("sse_error_page.html"), url="https://query.sse.com.cn/x")
    assert refused.announcements == [] and _codes(refused) == ["E086"] and "403 Forbidden" in refused.errors[0]
    assert _codes(parse_sse(b'cb({"something": 1})')) == ["E086"]
    plain = parse_sse(b'{"result": [{"TITLE": "t", "URL": "/a/2024-01-02/x.pdf", "SSEDATE": "2024-01-02"}]}')
    assert [(a.title, a.published_at) for a in plain.announcements] == [
        ("t", "2024-01-02T00:00:00+08:00")] and plain.pages == 1


def test_cn_exchanges_sse_request():
    request = sse_query("600519", page=3, since="2024-01-01", until="2024-03-31", now_ms=1711900000000)
    parts = urlsplit(request.url)
    assert (request.method, f"{parts.scheme}://{parts.netloc}{parts.path}") == ("GET", cn_exchanges.SSE_QUERY_URL)
    query = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
    assert query["SECURITY_CODE"] == "600519" and query["jsonCallBack"] == "jsonpCallback"
    assert (query["START_DATE"], query["END_DATE"]) == ("2024-01-01", "2024-03-31")
    assert query["pageHelp.pageNo"] == query["pageHelp.beginPage"] == query["pageHelp.endPage"] == "3"
    assert (query["pageHelp.pageSize"], query["isPagination"], query["_"]) == ("25", "true", "1711900000000")
    assert request.headers["Referer"].startswith("https://www.sse.com.cn/")  # refused without it
    window = {k: v[0] for k, v in parse_qs(urlsplit(sse_query("600519", until="2024-03-31").url).query).items()}
    assert window["START_DATE"] == "2023-04-01"  # without since: the last year


# -------------------------------------------------------------------------------------------- SZSE

def test_cn_exchanges_szse_fixture():
    announcements, pages = page = parse_szse(_fixture("szse_000001_page1.json"), url="szse")
    assert (pages, page.total) == (2, 47)
    assert _codes(page) == ["E087", "E087", "E087"]
    first, second, third, fourth, fifth = announcements
    assert (first.exchange, first.code, first.name, first.title, first.format, first.size) == (
        "SZSE", "000001", "平安银行", "平安银行：2023年年度报告", "pdf", 2654)
    assert first.url == ("http://disc.static.szse.cn/download/disc/disk03/finalpage/2024-03-15/"
                         "a0f0c4a5-0000-4000-8000-000000000001.PDF")
    assert first.published_at == "2024-03-15T00:00:00+08:00" and first.id == "a0f0c4a5-0000-4000-8000-000000000001"
    assert (second.title, second.codes, second.published_at) == (
        "平安银行：关于董事辞职的公告", ["000001", "127017"], "2024-03-12T17:30:05+08:00")
    assert (third.id, third.code, third.name) == ("1219000003", "000001", "平安银行")
    assert (fourth.code, fourth.codes, fourth.published_at) == (None, [], "2024-03-05T00:00:00+08:00")
    assert fifth.url.startswith("http://disc.static.szse.cn/download/disc/") and fifth.size is None


def test_cn_exchanges_szse_no_results_and_errors():
    assert tuple(parse_szse(_fixture("szse_no_results.json"))) == ([], 0)
    for body in (b"", b"<html/>", b'{"other": 1}', b'{"data": {"x": 1}, "announceCount": 1}'):
        page = parse_szse(body)
        assert page.announcements == [] and _codes(page) == ["E086"]


def test_cn_exchanges_szse_request():
    request = szse_query("000001", page=2, since="2024-01-01", until="2024-03-31", random_value=0.25)
    assert (request.method, request.url) == (
        "POST", "http://www.szse.cn/api/disc/announcement/annList?random=0.2500000000000000")
    assert json.loads(request.body) == {"seDate": ["2024-01-01", "2024-03-31"], "stock": ["000001"],
                                        "channelCode": ["listedNotice_disc"], "pageSize": 30, "pageNum": 2}
    assert request.headers["Content-Type"] == "application/json" and request.headers["X-Request-Type"] == "ajax"
    assert json.loads(szse_query("000001").body)["seDate"] == ["", ""]


# ---------------------------------------------------------------------------------------- adapters

def test_cn_exchanges_adapters_build_fetch_requests():
    fetch = pytest.importorskip("extractor.crawl.fetch")
    for kind, code in (("cninfo", "000333"), ("sse", "600519"), ("szse", "000001")):
        adapter = ADAPTERS[kind]
        request = adapter.request(code, page=1, since="2024-01-01", context={"000333": "9900005965"})
        assert isinstance(request, fetch.Request) and code in (request.url + (request.body or b"").decode())
    cninfo = ADAPTERS["cninfo"].request("000333", page=1, context={"000333": "9900005965"})
    assert b"stock=000333%2C9900005965" in cninfo.body
    assert ADAPTERS["szse"].parse(_fixture("szse_no_results.json")).pages == 0


def test_cn_exchanges_cninfo_prepare_reads_the_stock_list():
    fetch = pytest.importorskip("extractor.crawl.fetch")

    class Fetcher:
        async def fetch(self, request):
            assert request.url == cn_exchanges.CNINFO_STOCK_LIST_URL
            return fetch.Response(url=request.url, final_url=request.url, status=200, headers={},
                                  body=_fixture("cninfo_stock_list_small.json"), fetched_at="2026-01-01T00:00:00Z")

    ids = asyncio.run(ADAPTERS["cninfo"].prepare(Fetcher(), None))
    assert ids["000333"] == "9900005965"


@pytest.mark.parametrize(("publish_time", "expected"), [
    ("2024-03-01", "2024-03-01T00:00:00+08:00"), ("2024-03-01 16:30:12", "2024-03-01T16:30:12+08:00"),
    ("2024/3/1 09:05", "2024-03-01T09:05:00+08:00"), ("20240301", "2024-03-01T00:00:00+08:00"),
    ("2024-03-01 16:30:12.0", "2024-03-01T16:30:12+08:00"), (1709280000000, "2024-03-01T16:00:00+08:00"),
    ("2024-13-01", "2024-02-29T00:00:00+08:00"), ("soon", "2024-02-29T00:00:00+08:00"),  # from the path
])
def test_cn_exchanges_times_are_beijing_time(publish_time, expected):
    item = {"title": "t", "publishTime": publish_time, "attachPath": "/disc/2024-02-29/x.PDF", "secCode": ["000001"]}
    page = parse_szse(json.dumps({"announceCount": 1, "data": [item]}).encode())
    assert [a.published_at for a in page.announcements] == [expected]
