"""Entity linking in context: references, short names, Chinese announcements."""

import pytest

from extractor import extract


def _entities(write_jsonl, text, lang=None):
    document = {"text": text, "published_at": "2026-01-21"}
    if lang:
        document["lang"] = lang
    [record] = extract([write_jsonl([document])])
    return [(e["text"], e["label"], e["normalized"].get("ticker") or e["normalized"].get("value"))
            for e in record["entities"]]


def test_entities_short_name_confirmed_by_the_full_name(write_jsonl):
    found = _entities(write_jsonl, "AbbVie Inc said on Monday it would buy a biotech. Shares of AbbVie fell.")
    assert ("AbbVie", "COMPANY", "ABBV") in found


def test_entities_short_name_confirmed_by_a_ticker(write_jsonl):
    found = _entities(write_jsonl, "Arrowhead (ARWR.O) rose 5 %. Arrowhead said trials went well.")
    assert [f for f in found if f[0] == "Arrowhead"] == [("Arrowhead", "COMPANY", "ARWR")] * 2


def test_entities_a_name_the_model_reads_as_a_company_is_one_at_each_mention(write_jsonl):
    # the small model reads the second "Nestle" as a place
    found = _entities(write_jsonl, "Nestle cut its full-year sales forecast on Thursday.\n"
                                   "Nestle shares fell 1.8% to 86.64 Swiss francs.")
    assert [label for text, label, _ in found if text == "Nestle"] == ["COMPANY", "COMPANY"]


def test_entities_short_name_wins_over_a_guessed_person(write_jsonl):
    found = _entities(write_jsonl, "Kessler Containers made a takeover approach for Brenton on Monday.\n"
                                   "Kessler proposed 420 pence per share in cash.\n"
                                   "Kessler shares fell 4.3% in New York.")
    assert [label for text, label, _ in found if text == "Kessler"] == ["COMPANY", "COMPANY"]


def test_entities_chinese_company_references(write_jsonl):
    text = ("证券代码：600111 证券简称：北方稀土\n公司董事会于2026年1月20日收到董事的辞职报告。"
            "辞职后不再在公司担任职务。包头钢铁（集团）有限责任公司为公司控股股东。")
    found = _entities(write_jsonl, text)
    references = [f for f in found if f[0] == "公司"]
    assert references == [("公司", "COMPANY", "600111")] * 3  # not the one inside 有限责任公司
    assert [f for f in found if f[1] == "ROLE"] == [("董事", "ROLE", None)]  # 董事会 is the board


def test_entities_the_company_in_a_filing_is_the_filer(write_jsonl):
    text = ("Freeport-McMoRan Inc. (the Company) said JPMorgan Chase & Co will arrange the loan. "
            "The Company expects to close in March.")
    found = _entities(write_jsonl, text)
    assert ("The Company", "COMPANY", "FCX") in found


@pytest.mark.parametrize("text,absent", [("The board of directors (董事会) met.", ("董事", "ROLE")),
                                         ("Its annual report came out quarterly.", ("annual", "DATE"))])
def test_entities_not_marked(write_jsonl, text, absent):
    assert absent not in [(t, label) for t, label, _ in _entities(write_jsonl, text)]


def test_entities_abbreviation_keeps_its_dot(write_jsonl):
    assert ("U.S.", "GPE", None) in _entities(write_jsonl, "Exports to the U.S. fell.")


def test_entities_users_own_companies_file(tmp_path, write_jsonl):
    from extractor import process, query
    from extractor.settings import DEFAULT_CONFIG

    companies = tmp_path / "mine.csv"
    companies.write_text("id,alias,lang,name,ticker,exchange\n"
                         "PRIVATE:ant,Ant Group,en,Ant Group Co. Ltd,,\n"
                         "PRIVATE:ant,蚂蚁集团,zh,,,\n"
                         "SSE:600019,Bao Steel,en,,,\n", encoding="utf-8")
    config = DEFAULT_CONFIG.with_overrides(companies_file=str(companies))
    path = write_jsonl([{"id": "u", "text": "Ant Group and Bao Steel signed a deal. 蚂蚁集团表示。"}])
    [record] = extract([path], config=config)
    linked = {(e["text"], e["normalized"].get("id")) for e in record["entities"] if e["label"] == "COMPANY"}
    assert linked == {("Ant Group", "PRIVATE:ant"), ("Bao Steel", "SSE:600019"), ("蚂蚁集团", "PRIVATE:ant")}
    db = tmp_path / "u.db"
    process([path], db_path=db, config=config)
    _, rows = query(db, "SELECT c.name FROM entities e JOIN companies c ON c.id = e.company_id "
                        "WHERE e.text = 'Ant Group'")
    assert rows == [("Ant Group Co. Ltd",)]


def test_entities_bad_companies_file(tmp_path, write_jsonl):
    from extractor.errors import ModelError
    from extractor.settings import DEFAULT_CONFIG

    companies = tmp_path / "bad.csv"
    companies.write_text("id,alias\nX:1,\n", encoding="utf-8")
    config = DEFAULT_CONFIG.with_overrides(companies_file=str(companies))
    with pytest.raises(ModelError, match=r"\[E032\].*line 2"):
        list(extract([write_jsonl([{"text": "x"}])], config=config))


@pytest.mark.parametrize("text,names", [
    ("董事会收到董事王立军提交的书面辞职报告。王立军因工作调整辞职。", ["王立军", "王立军"]),
    ("选举李晓红为公司职工董事；副总经理杨帆因个人原因辞职；张明远先生将继续履职。", ["李晓红", "杨帆", "张明远"]),
    ("由于市场波动，公司股价下跌。", []),
])
def test_entities_chinese_people(write_jsonl, text, names):
    assert [t for t, label, _ in _entities(write_jsonl, text) if label == "PERSON"] == names


def test_entities_chinese_company_names_starting_with_a_place(write_jsonl):
    found = _entities(write_jsonl, "公司收到控股股东北京三环恒通投资管理有限公司的通知。江苏省经济增长。")
    assert ("北京三环恒通投资管理有限公司", "COMPANY", None) in found and ("江苏省", "GPE", None) in found
    assert ("北京", "GPE", None) not in found


def test_entities_dateline_place_and_region(write_jsonl):
    found = _entities(write_jsonl, "SANTA CLARA, Calif., March 3 (Gold Wire) - Nvidia Corp said it would hire.\n"
                                   "UPDATE 2-Copper rises")
    assert ("SANTA CLARA", "GPE", None) in found and ("Calif.", "GPE", None) in found
    assert not [f for f in found if f[0].startswith("UPDATE")]


@pytest.mark.parametrize("text, name", [
    ("The lawsuit was filed in the U.S. District Court for the District of Delaware on Monday.",
     "U.S. District Court for the District of Delaware"),
    ("Indonesia's Ministry of Energy and Mineral Resources said exports would resume.",
     "Ministry of Energy and Mineral Resources"),
    ("The Consumer Financial Protection Bureau fined the bank.", "Consumer Financial Protection Bureau"),
    ("Staff of the SEC's Division of Trading and Markets. Goldman declined to comment.",
     "Division of Trading and Markets"),
])
def test_entities_institutions_by_their_shape(write_jsonl, text, name):
    found = _entities(write_jsonl, text)
    assert (name, "ORG", None) in found


def test_entities_people_after_said_before_a_job_and_by_surname(write_jsonl):
    text = ('"Brazil is our biggest market," said Ricardo Almeida, the company\'s general manager. '
            "Helen Marsh, chief financial officer of the firm, agreed. Almeida added that Mr Fan would lead it. "
            "The Board approved the Departure of Directors or Certain Officers.")
    people = [f[0] for f in _entities(write_jsonl, text) if f[1] == "PERSON"]
    assert people == ["Ricardo Almeida", "Helen Marsh", "Almeida", "Fan"]


@pytest.mark.parametrize("text, published, value", [
    ("公司预计2025年度归母净利润为6.5亿元，比上年同期增长122.6%。", "2026-01-16", "FY2024"),
    ("公司预计2026年半年度净利润为12亿元，比上年同期下降40%。", "2026-07-12", "2025-H1"),
    ("It delivered 44 aircraft in January, up from 40 a year earlier.", "2026-02-24", "2025-01"),
    ("Revenue for the first half of 2025 fell 12 pct from a year earlier.", "2025-07-30", "2024-H1"),
])
def test_entities_comparison_dates_take_the_period_a_year_back(write_jsonl, text, published, value):
    [record] = extract([write_jsonl([{"text": text, "published_at": published}])])
    comparisons = [e for e in record["entities"] if e["text"] in ("上年同期", "a year earlier")]
    assert [e["normalized"]["value"] for e in comparisons] == [value]
    assert comparisons[0]["normalized"]["relation"] == "comparison"


@pytest.mark.parametrize("text, expected", [
    ("比亚迪（002594）今日股价上涨3%。", {"比亚迪": "002594"}),  # an A-share ticker: the A-share listing
    ("BYD Co (1211.HK) shares rose 3 % in Hong Kong. BYD said sales rose.", {"BYD": "01211"}),
    ("BYD said its sales rose by a fifth.", {"BYD": "002594"}),  # no pointer: the A-share listing
    ("中国中免（01880.HK）公告，公司H股短暂停牌。公司A股（601888.SH）正常交易。",
     {"中国中免": "01880", "公司": ["01880", "601888"]}),
])
def test_entities_dual_listed_company_takes_the_listing_the_text_points_to(write_jsonl, text, expected):
    found = _entities(write_jsonl, text)
    for name, tickers in expected.items():
        got = [ticker for text_, label, ticker in found if text_ == name and label == "COMPANY"]
        assert got[:len(tickers) if isinstance(tickers, list) else 1] == (tickers if isinstance(tickers, list)
                                                                          else [tickers])


def test_entities_company_reference_in_a_digest_is_the_paragraphs_company(write_jsonl):
    text = ("以下为沪深两市部分上市公司重要公告摘要。\n特变电工（600089.SH）公告，公司中标约28.76亿元。\n"
            "科大讯飞（002230.SZ）公告，公司副总经理辞职。")
    references = [ticker for name, label, ticker in _entities(write_jsonl, text) if name == "公司"]
    assert references == ["600089", "002230"]


def test_entities_model_company_linked_by_name_without_legal_suffix(write_jsonl):
    found = _entities(write_jsonl, "Steel prices rose. Nucor Corporation said on Monday it would raise prices.")
    assert ("Nucor Corporation", "COMPANY", "NUE") in found


def test_entities_company_keeps_the_legal_suffix_it_is_written_with(write_jsonl):
    found = _entities(write_jsonl, "Taiwan Semiconductor Manufacturing Co (TSM.N) said its plant had begun output.")
    assert ("Taiwan Semiconductor Manufacturing Co", "COMPANY", "TSM") in found


def test_entities_boards_are_no_companies(write_jsonl):
    found = _entities(write_jsonl, "Plug Power Inc. said its Board of Directors had approved a reverse split.")
    assert not [f for f in found if f[0].endswith("Board of Directors")]


def test_entities_a_short_name_in_english_news_prefers_the_listing_abroad(write_jsonl):
    found = _entities(write_jsonl, "Apple said on Monday that iPhone sales rose.")
    assert ("Apple", "COMPANY", "AAPL") in found


def test_entities_reference_with_a_commodity_or_place_in_it_is_one_company(write_jsonl):
    text = ("China Shenhua Energy said output rose. The coal miner's unit costs fell 3.5 %. "
            "The world's largest gold miner was not named.")
    found = _entities(write_jsonl, text)
    assert ("The coal miner", "COMPANY", "601088") in found
    assert not [f for f in found if f[0] == "coal"]
    assert ("The world's largest gold miner", "COMPANY", "601088") in found


def test_entities_reference_to_an_unlisted_company(write_jsonl):
    text = "Brightwell Stores Inc filed for bankruptcy on Monday. The retailer said it had secured a loan."
    found = _entities(write_jsonl, text)
    assert ("The retailer", "COMPANY", None) in found


@pytest.mark.parametrize("text", [
    "Canmax Technologies (300390.SZ) said its controlling shareholder had pledged 12 million shares to Huatai "
    "Securities. None of the shares is frozen, the lithium producer said.",
    "Canmax Technologies (300390.SZ) fell 3 % after analysts at Huatai Securities cut their forecast for the "
    "lithium producer.",
])
def test_entities_a_reference_skips_the_broker_and_the_pledgee(write_jsonl, text):
    found = _entities(write_jsonl, text)
    assert ("the lithium producer", "COMPANY", "300390") in found


def test_entities_chinese_holders_by_full_name_and_defined_short_name(write_jsonl):
    text = ("重要内容提示：公司控股股东厦门三元光电控股有限公司（以下简称“三元控股”）计划增持公司股份。"
            "三元控股于2026年2月26日将其持有的500万股公司股份质押给兴业银行股份有限公司。"
            "公司全资子公司宁德时代欧洲储能科技有限公司签署供货合同。")
    found = _entities(write_jsonl, text)
    assert ("厦门三元光电控股有限公司", "COMPANY", None) in found
    assert [f for f in found if f[0] == "三元控股"] == [("三元控股", "COMPANY", None)] * 2
    assert not [f for f in found if f[1] == "MONEY"]  # 三元 in the name is no money
    assert ("宁德时代欧洲储能科技有限公司", "COMPANY", None) in found  # a subsidiary, not 宁德时代 itself


def test_entities_chinese_listed_company_in_full_keeps_its_listing(write_jsonl):
    text = "证券代码：920185 证券简称：贝特瑞\n贝特瑞新材料集团股份有限公司关于签订日常经营重大合同的公告"
    found = _entities(write_jsonl, text)
    # the name as written, with the listing of its short name; none unlisted
    assert [f for f in found if f[0].startswith("贝特瑞")] == [("贝特瑞", "COMPANY", "920185"),
                                                             ("贝特瑞新材料集团股份有限公司", "COMPANY", "920185")]


def test_entities_chinese_listed_name_before_another_entity_is_not_the_listed_company(write_jsonl):
    found = _entities(write_jsonl, "张三将股份质押给中信证券投资有限公司。")
    assert ("中信证券投资有限公司", "COMPANY", None) in found  # an investment arm, not 中信证券 itself


def test_entities_a_name_needs_its_capitals(write_jsonl):
    """"U.S. gold futures" is gold, not U.S. Gold Corp; the company written as named is."""
    found = _entities(write_jsonl, "U.S. gold futures settled 1.1% higher. U.S. Gold Corp said drilling began.")
    assert ("U.S. gold", "COMPANY", "USAU") not in found
    assert ("gold", "COMMODITY") in [(t, label) for t, label, _ in found]
    assert ("U.S. Gold Corp", "COMPANY", "USAU") in found
