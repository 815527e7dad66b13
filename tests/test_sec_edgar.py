"""SEC EDGAR adapters over bytes (extractor/crawl/sec_edgar.py): URL builders, the Latest Filings Atom
feed, the submissions API (recent filings and paging files), filing indexes and SEC's refusals.

The real responses are read at test time from ../shared/eval (never copied here): the edgartools
VCR cassettes of crawl-fixtures/sec-edgar-api (their extracted bodies and, for one test, the cassette
itself) and the four "Latest Filings" Atom pages of sec-edgar-8k/feeds. Those tests skip when
../shared/eval is not beside the clone; the hand-made cases always run.
"""

from __future__ import annotations

import json

import pytest

from extractor.crawl import sec_edgar
from extractor.crawl.sec_edgar import (
    FilingList,
    exhibits,
    filing_index_url,
    full_submission_url,
    index_json_url,
    latest_filings_url,
    parse_filing_index,
    parse_filing_index_page,
    parse_latest_filings,
    parse_submissions,
    primary_document,
    sec_refusal,
    sec_user_agent_ok,
    submissions_url,
)
from extractor.parse.sec import parse_submission

from .conftest import SHARED_EVAL as EVAL

API = EVAL / "crawl-fixtures" / "sec-edgar-api"
RESPONSES = API / "responses"
FEEDS = EVAL / "sec-edgar-8k" / "feeds"
ABSENT = f"{API} is absent (../shared/eval is not beside the clone)"


def _body(path: str) -> bytes:
    file = RESPONSES / path if not path.startswith("files/") else API / path
    if not file.exists():
        pytest.skip(ABSENT)
    return file.read_bytes()


def _meta(path: str) -> dict:
    return json.loads(_body(path + ".meta.json"))


# ------------------------------------------------------------------------------------------- URLs

@pytest.mark.parametrize(("built", "expected"), [
    (latest_filings_url(), "https://www.sec.gov/cgi-bin/browse-edgar?action=getcurrent&type=8-K&count=100&output=atom"),
    (latest_filings_url("DEF 14A", 40, start=80),
     "https://www.sec.gov/cgi-bin/browse-edgar?action=getcurrent&type=DEF+14A&count=40&output=atom&start=80"),
    (latest_filings_url("4", 500), "https://www.sec.gov/cgi-bin/browse-edgar?action=getcurrent&type=4&count=100&output=atom"),
    (submissions_url(320193), "https://data.sec.gov/submissions/CIK0000320193.json"),
    (submissions_url("0001045810"), "https://data.sec.gov/submissions/CIK0001045810.json"),
    (filing_index_url("0001045810", "000104581026000024"),
     "https://www.sec.gov/Archives/edgar/data/1045810/000104581026000024/0001045810-26-000024-index.html"),
    (index_json_url(1648960, "0001213900-24-004875"),
     "https://www.sec.gov/Archives/edgar/data/1648960/000121390024004875/index.json"),
    (full_submission_url("1045810", "0001045810-26-000024"),
     "https://www.sec.gov/Archives/edgar/data/1045810/000104581026000024/0001045810-26-000024.txt"),
])
def test_sec_edgar_urls(built, expected):
    assert built == expected


@pytest.mark.parametrize("bad", ["", "abc", "12345678901", "0", "CIK"])
def test_sec_edgar_bad_cik_is_refused(bad):
    with pytest.raises(ValueError, match="not a CIK"):
        submissions_url(bad)


@pytest.mark.parametrize("bad", ["0001045810-26-00002", "accession", "0001045810_26_000024"])
def test_sec_edgar_bad_accession_is_refused(bad):
    with pytest.raises(ValueError, match="not an accession number"):
        full_submission_url("1045810", bad)


@pytest.mark.parametrize(("recorded", "built"), [
    ("test_as_company_filing/00_CIK0001009672.json", lambda: submissions_url("1009672")),
    ("test_company_to_context_detail_levels/00_CIK0000320193.json", lambda: submissions_url(320193)),
    ("TestNvidia8KGroundTruth.test_nvidia_item_502_full_body/00_0001045810-26-000024.txt",
     lambda: full_submission_url(1045810, "0001045810-26-000024")),
    ("test_issue_879_meta_8k/04_0001628280-25-058337.txt",
     lambda: full_submission_url("0001326801", "0001628280-25-058337")),
])
def test_sec_edgar_urls_are_those_the_cassettes_recorded(recorded, built):
    assert built() == _meta(recorded)["request"]["uri"]


def test_sec_edgar_paging_url_is_the_recorded_one():
    page = parse_submissions(_body("test_as_company_filing/00_CIK0001009672.json"))
    assert page.more == [_meta("test_as_company_filing/01_CIK0001009672-submissions-001.json")["request"]["uri"]]


# ---------------------------------------------------------------------------------- user agent, 403

@pytest.mark.parametrize(("user_agent", "ok"), [
    ("Example Research research@example.com", True),
    ("Jane Doe jane.doe@example.co.uk", True),
    ("extractor/0.1 (+https://github.com/extractor) Jane Doe jane@example.com", True),
    ("jane@example.com", False),  # no name
    ("extractor/0.1 (+https://github.com/extractor)", False),  # no email
    ("Jane Doe jane at example dot com", False),
    ("", False),
    (None, False),
])
def test_sec_edgar_user_agent_needs_name_and_email(user_agent, ok):
    assert sec_user_agent_ok(user_agent) is ok


def test_sec_edgar_recorded_403_is_recognised():
    """The cassette's 403 (an S3 AccessDenied XML body for a future quarter's index), read from the
    cassette itself: without a declared User-Agent it tells the crawler to declare one (E068); with
    one declared, that the path does not exist (E085)."""
    yaml = pytest.importorskip("yaml")
    cassette = API / "cassettes" / "TestEdgeCases.test_date_range_no_results.yaml"
    if not cassette.exists():
        pytest.skip(ABSENT)
    interactions = yaml.safe_load(cassette.read_text(encoding="utf-8"))["interactions"]
    assert len(interactions) == 5
    for interaction in interactions:
        status = interaction["response"]["status"]["code"]
        body = interaction["response"]["body"]["string"].encode("utf-8")
        url = interaction["request"]["uri"]
        assert body == _body(f"TestEdgeCases.test_date_range_no_results/0{interactions.index(interaction)}_form.gz")
        message = sec_refusal(status, body, url=url)
        assert message.startswith(f"[E068] {url}: SEC refused the request (HTTP 403 AccessDenied")
        assert "name and a contact email" in message
        declared = sec_refusal(status, body, url=url, user_agent="Jane Doe jane@example.com")
        assert declared.startswith("[E085]") and "does not exist" in declared
        assert sec_refusal(status, body, url=url, user_agent="python-requests/2.32").startswith("[E068]")


@pytest.mark.parametrize(("status", "body", "user_agent", "code"), [
    (403, b"<html><title>SEC.gov | Your Request Originates from an Undeclared Automated Tool</title></html>",
     "Jane Doe jane@example.com", "E068"),
    (403, b"<html><h1>Request Rate Threshold Exceeded</h1></html>", "Jane Doe jane@example.com", "E069"),
    (429, b"", "Jane Doe jane@example.com", "E069"),
    (403, b"Forbidden", None, "E068"),
    (200, b"{}", None, None),
    (304, b"", "Jane Doe jane@example.com", None),
    (404, b"Not Found", "Jane Doe jane@example.com", None),
])
def test_sec_edgar_refusals(status, body, user_agent, code):
    message = sec_refusal(status, body, url="https://www.sec.gov/x", user_agent=user_agent)
    assert (message[1:5] if message else None) == code


def test_sec_edgar_recorded_304_is_no_refusal():
    meta = _meta("test_issue_879_meta_8k/00_form.gz")
    assert meta["response"]["status"]["code"] == 304
    assert sec_refusal(304, _body("test_issue_879_meta_8k/00_form.gz")) is None


# ------------------------------------------------------------------------------------ Atom feeds

def _feed(name: str) -> bytes:
    path = FEEDS / name
    if not path.exists():
        pytest.skip(f"{FEEDS} is absent (../shared/eval is not beside the clone)")
    return path.read_bytes()


@pytest.mark.parametrize(("name", "entries", "filings", "eight_ks", "updated"), [
    ("getcurrent_count40_start0_2025-12-12.atom.xml", 40, 20, 0, "2025-12-12T18:03:56-05:00"),
    # 25 8-K entries: two 8-Ks of several registrants (4 and 3 entries) make 20 filings
    ("getcurrent_count100_start3500_2025-12-12.atom.xml", 100, 81, 20, "2025-12-12T18:03:40-05:00"),
    ("getcurrent_count100_start700_2026-01-12.atom.xml", 100, 94, 63, "2026-01-12T11:28:52-05:00"),
    ("getcurrent_type4_count100_start0_2025-12-12.atom.xml", 100, 46, 0, "2025-12-12T18:03:57-05:00"),
])
def test_sec_edgar_latest_filings_real_feeds(name, entries, filings, eight_ks, updated):
    body = _feed(name)
    refs = parse_latest_filings(body, url=name)
    assert isinstance(refs, FilingList) and refs.errors == [] and refs.updated == updated
    assert body.count(b"<entry>") == entries
    assert len(refs) == filings == len({r.accession for r in refs})  # one per accession number
    assert sum(len(r.parties) for r in refs) == entries
    assert sum(r.form == "8-K" for r in refs) == eight_ks
    assert len(parse_latest_filings(body, forms=["8-K"])) == eight_ks
    for ref in refs:
        assert ref.cik and ref.company and ref.filed and ref.accepted and ref.url.startswith("https://www.sec.gov/")
        assert ref.accession in ref.url.replace("-index.htm", "") or ref.accession.replace("-", "") in ref.url


def test_sec_edgar_latest_filings_8k_items_and_facts():
    refs = parse_latest_filings(_feed("getcurrent_count100_start700_2026-01-12.atom.xml"), forms="8-K")
    first = refs[0]
    assert (first.cik, first.company, first.form, first.accession, first.filed) == (
        "1425450", "ORTHOPEDIATRICS CORP", "8-K", "0001425450-26-000006", "2026-01-12")
    assert first.items == ["7.01", "9.01"]
    assert first.size == 5 * 1024 ** 2 and first.accepted == "2026-01-12T07:55:12-05:00"
    assert first.url == ("https://www.sec.gov/Archives/edgar/data/1425450/000142545026000006/"
                         "0001425450-26-000006-index.htm")
    items = {code for ref in refs for code in ref.items}
    assert {"1.01", "2.02", "5.02", "7.01", "8.01", "9.01"} <= items
    assert all(ref.items for ref in refs)


def test_sec_edgar_latest_filings_form4_names_the_issuer():
    """A Form 4 is listed twice (reporting person, issuer): one FilingRef, about the issuer."""
    refs = parse_latest_filings(_feed("getcurrent_type4_count100_start0_2025-12-12.atom.xml"))
    first = refs[0]
    assert (first.cik, first.company, first.form) == ("1673743", "Hinge Health, Inc.", "4")
    assert [role for _, _, role in first.parties] == ["Reporting", "Issuer"]
    assert all(any(role == "Issuer" for _, _, role in r.parties) for r in refs)
    assert all(dict((role, cik) for cik, _, role in r.parties)["Issuer"] == r.cik for r in refs)


def test_sec_edgar_latest_filings_truncated_feed_keeps_what_it_can():
    body = _feed("getcurrent_count100_start700_2026-01-12.atom.xml")
    cut = body[: body.index(b"<entry>", len(body) // 2) + 200]
    refs = parse_latest_filings(cut, url="cut")
    assert 40 <= len(refs) < 94
    # the parser's defect (E083), and the entry cut in half, which has no accession number (E087)
    assert [e[1:5] for e in refs.errors] == ["E083", "E087"]


@pytest.mark.parametrize(("body", "code"), [
    (b"", "E080"),
    (b'<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><feed>&b;</feed>', "E082"),
    (b"<html><body>Not a feed</body></html>", "E086"),
    (b"\x00\x01binary", "E083"),
])
def test_sec_edgar_latest_filings_bad_bodies(body, code):
    refs = parse_latest_filings(body, url="https://www.sec.gov/cgi-bin/browse-edgar")
    assert list(refs) == [] and [e[1:5] for e in refs.errors] == [code]


def test_sec_edgar_latest_filings_entry_without_accession_is_skipped():
    body = (b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>8-K - X CORP (0000000001) (Filer)</title>'
            b"<summary>no number</summary></entry><entry><title>8-K - Y CORP (0000000002) (Filer)</title>"
            b'<summary type="html">&lt;b&gt;Filed:&lt;/b&gt; 2026-01-12 &lt;b&gt;AccNo:&lt;/b&gt; 0000000002-26-000001'
            b"&lt;br&gt;Item 2.02: Results</summary><category term=\"8-K\"/></entry></feed>")
    refs = parse_latest_filings(body, url="feed")
    assert [(r.cik, r.company, r.items, r.filed) for r in refs] == [("2", "Y CORP", ["2.02"], "2026-01-12")]
    assert refs[0].url == filing_index_url(2, "0000000002-26-000001")
    assert [e[1:5] for e in refs.errors] == ["E087"] and "item 1" in refs.errors[0]


# ---------------------------------------------------------------------------------- submissions

def test_sec_edgar_submissions_recent_and_paging_file():
    filings, more = parse_submissions(_body("test_as_company_filing/00_CIK0001009672.json"))
    assert len(filings) == 1000 and more == ["https://data.sec.gov/submissions/CIK0001009672-submissions-001.json"]
    first = filings[0]
    assert (first.cik, first.company, first.form, first.accession, first.filed) == (
        "1009672", "CARBO CERAMICS INC", "15-12B", "0001193125-20-329449", "2020-12-30")
    assert first.primary_document.endswith("/1009672/000119312520329449/d86171d1512b.htm")
    paging = parse_submissions(_body("test_as_company_filing/01_CIK0001009672-submissions-001.json"), url=more[0])
    assert paging.errors == [] and paging.more == [] and paging.cik == "1009672"
    assert len(paging.filings) == 205
    assert (paging.filings[0].filed, paging.filings[-1].filed) == ("2003-12-08", "1996-06-03")
    assert paging.filings[0].url == filing_index_url("1009672", paging.filings[0].accession)


def test_sec_edgar_paging_file_without_its_url_is_flagged():
    page = parse_submissions(_body("test_as_company_filing/01_CIK0001009672-submissions-001.json"))
    assert page.filings == [] and [e[1:5] for e in page.errors] == ["E086"] and "url=" in page.errors[0]
    assert len(parse_submissions(_body("test_as_company_filing/01_CIK0001009672-submissions-001.json"),
                                 cik="0001009672").filings) == 205


def test_sec_edgar_submissions_items_forms_and_since():
    page = parse_submissions(_body("test_company_to_context_detail_levels/00_CIK0000320193.json"),
                             forms=["8-K"], since="2025-06-01")
    assert page.company == "Apple Inc." and page.tickers == ["AAPL"] and page.cik == "320193"
    assert page.filings and all(f.form == "8-K" and f.filed >= "2025-06-01" for f in page.filings)
    assert page.filings[0].items == ["5.07", "9.01"] and page.filings[0].filed == "2026-02-24"
    assert ["2.02", "9.01"] in [f.items for f in page.filings]
    assert page.more == []  # the paging file ends in 2015, before ``since``
    everything = parse_submissions(_body("test_company_to_context_detail_levels/00_CIK0000320193.json"))
    assert len(everything.filings) == 1005 and len(everything.more) == 1
    assert {f.form for f in everything.filings} > {"8-K", "10-K", "10-Q", "4"}
    assert not any(f.form == "8-K/A" for f in page.filings)


def test_sec_edgar_submissions_2023_pair():
    recent = parse_submissions(_body("files/apple_2023-08/CIK0000320193.json"))
    older = parse_submissions(_body("files/apple_2023-08/CIK0000320193-submissions-001.json"), url=recent.more[0])
    assert (len(recent.filings), len(older.filings)) == (1000, 988)
    assert (older.filings[0].filed, older.filings[-1].filed) == ("2013-02-07", "1994-01-26")
    assert not {f.accession for f in recent.filings} & {f.accession for f in older.filings}


@pytest.mark.parametrize(("path", "count", "name", "cik"), [
    ("test_get_company_with_no_filings/00_CIK0000350001.json", 0,
     "Company Name Three `!#$(),:;=.-;\\|@/{}&'\\WA\\", "350001"),
    ("TestEntityClassification.test_entity_classification[1800903-False-True]/00_CIK0001800903.json", 1,
     "&VEST Domestic Fund II LP", "1800903"),
    ("test_individual_repr/00_CIK0001771340.json", 91, "Taneja Vaibhav", "1771340"),
    ("files/company_submission_CIK0001318605_tesla.json", 1001, "Tesla, Inc.", "1318605"),
])
def test_sec_edgar_submissions_real_files(path, count, name, cik):
    page = parse_submissions(_body(path))
    assert (len(page.filings), page.company, page.cik, page.errors) == (count, name, cik, [])


@pytest.mark.parametrize(("body", "code"), [
    (b"", "E086"), (b"<html>busy</html>", "E086"), (b"[1, 2]", "E086"), (b'{"hello": 1}', "E086"),
])
def test_sec_edgar_submissions_bad_bodies(body, code):
    page = parse_submissions(body, url="https://data.sec.gov/submissions/CIK0000320193.json")
    assert page.filings == [] and [e[1:5] for e in page.errors] == [code]


def test_sec_edgar_submissions_ragged_columns_are_tolerated():
    body = json.dumps({"cik": "320193", "name": "Apple Inc.", "filings": {"recent": {
        "accessionNumber": ["0000320193-26-000001", "bad", "0000320193-26-000003", "0000320193-26-000004"],
        "filingDate": ["2026-01-02", "2026-01-03", "2026-01-04"],
        "form": ["8-K", "8-K", None, "8-K"], "items": ["2.02,9.01"]}, "files": [{"filingTo": "x"}]}}).encode()
    page = parse_submissions(body, url="u")
    assert [(f.accession, f.filed, f.items) for f in page.filings] == [
        ("0000320193-26-000001", "2026-01-02", ["2.02", "9.01"]), ("0000320193-26-000004", None, [])]
    assert [e[1:5] for e in page.errors] == ["E087", "E087"] and page.more == []


# --------------------------------------------------------------------------------- filing index

NVIDIA_INDEX = "TestNvidia8KGroundTruth.test_nvidia_item_502_full_body/01_0001045810-26-000024-index.html"


def test_sec_edgar_filing_index_page():
    url = _meta(NVIDIA_INDEX)["request"]["uri"]
    index = parse_filing_index_page(_body(NVIDIA_INDEX), url)
    assert (index.accession, index.form, index.filed, index.report_date, index.items, index.errors) == (
        "0001045810-26-000024", "8-K", "2026-03-06", "2026-03-02", ["5.02", "9.01"], [])
    documents = parse_filing_index(_body(NVIDIA_INDEX), url)
    assert [(d.sequence, d.type, d.name) for d in documents[:3]] == [
        ("1", "8-K", "nvda-20260302.htm"), ("2", "EX-10.1", "formxex101xfy27variablecom.htm"),
        (None, None, "0001045810-26-000024.txt")]
    main = primary_document(documents, index.form)
    # the inline-XBRL viewer link (/ix?doc=...) becomes the document's own URL, which the cassette fetched
    assert main.url == _meta("TestNvidia8KGroundTruth.test_nvidia_item_502_full_body/02_nvda-20260302.htm")[
        "request"]["uri"]
    assert documents[2].url == full_submission_url(1045810, index.accession)
    assert documents[2].description == "Complete submission text file" and documents[2].size == 165811
    assert exhibits(documents) == [] and [d.type for d in exhibits(documents, "EX-10")] == ["EX-10.1"]


def test_sec_edgar_filing_index_and_full_submission_agree():
    """The index names the filing the full submission holds (read with extractor.parse.sec)."""
    index = parse_filing_index_page(_body("test_issue_879_meta_8k/05_0001628280-25-058337-index.html"))
    filing = parse_submission(_body("test_issue_879_meta_8k/04_0001628280-25-058337.txt").decode("utf-8"))
    assert (filing.accession, filing.form, filing.filed) == (index.accession, index.form, index.filed)
    assert index.items == ["5.02"]
    assert {d.type for d in filing.documents} >= {d.type for d in index.documents if d.type and d.sequence}


def test_sec_edgar_filing_index_form4():
    index = parse_filing_index_page(_body("test_filing_homepage_primary_documents/00_0000950142-22-003095-index.html"))
    assert (index.form, index.filed, index.items) == ("4", "2022-11-04", [])
    assert [d.name for d in index.documents] == [
        "es220296680_4-davis.html", "es220296680_4-davis.xml", "0000950142-22-003095.txt"]


def test_sec_edgar_index_json_guesses_types():
    url = "https://www.sec.gov/Archives/edgar/data/1648960/000121390024004875/index.json"
    index = parse_filing_index_page(_body("files/0001213900-24-004875-index.json"), url)
    assert index.accession == "0001213900-24-004875" and index.errors == [] and len(index.documents) == 25
    assert [(d.type, d.name) for d in exhibits(index.documents)] == [
        ("EX-99.1", "ea191807ex99-1_datchat.htm"), ("EX-99.2", "ea191807ex99-2_datchat.htm"),
        ("EX-99.3", "ea191807ex99-3_datchat.htm")]
    assert exhibits(index.documents)[0].url == (
        "https://www.sec.gov/Archives/edgar/data/1648960/000121390024004875/ea191807ex99-1_datchat.htm")
    assert primary_document(index.documents, "8-K").name == "ea191807-8k_datchat.htm"
    by_name = {d.name: d for d in index.documents}
    assert by_name["ex99-1_001.jpg"].type == "GRAPHIC" and by_name["dats-20240116.xsd"].type is None
    assert by_name["0001213900-24-004875.txt"].description == "Complete submission text file"


@pytest.mark.parametrize(("body", "code"), [
    (b"", "E086"), (b"{not json", "E086"), (b'{"directory": {}}', "E086"),
    (b"<html><body><p>No documents here</p></body></html>", "E086"),
])
def test_sec_edgar_filing_index_bad_bodies(body, code):
    index = parse_filing_index_page(body, "https://www.sec.gov/x")
    assert index.documents == [] and [e[1:5] for e in index.errors] == [code]


def test_sec_edgar_module_states_the_rate_limit():
    assert sec_edgar.RATE_LIMIT == 10.0
